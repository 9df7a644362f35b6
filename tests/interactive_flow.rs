//! The questionnaire's flow driven by a scripted prompter: order, skipping, going back,
//! review, autosave and interruption, without a terminal.

use readiness::answers::{Answer, Answers, Completeness, ContextValue, parse, render};
use readiness::ask::{Ask, Outcome, Prompter, Reply, ReviewLine, run};
use readiness::frameworks::{ContextKind, Frameworks};
use std::collections::VecDeque;

#[derive(Debug, Clone)]
enum Step {
    Choose(usize),
    Many(Vec<usize>),
    Number(i64),
    Text(String),
    Back,
    Interrupt,
    Review(Option<usize>),
}

/// A prompter that replays a script and records what it was asked.
#[derive(Default)]
struct Script {
    steps: VecDeque<Step>,
    /// (position, section, default shown) for every question asked.
    asked: Vec<(usize, String, Option<usize>)>,
    sections: Vec<String>,
    reviews: usize,
}

impl Script {
    fn next<T>(
        &mut self,
        ask: &Ask,
        default: Option<usize>,
        take: impl FnOnce(Step) -> Option<T>,
    ) -> anyhow::Result<Reply<T>> {
        self.asked.push((ask.position, ask.section.to_string(), default));
        match self.steps.pop_front().expect("script ran out") {
            Step::Back => Ok(Reply::Back),
            Step::Interrupt => Ok(Reply::Interrupt),
            other => Ok(Reply::Answer(
                take(other.clone()).unwrap_or_else(|| panic!("question {} got {other:?}", ask.position)),
            )),
        }
    }
}

impl Prompter for Script {
    fn say(&mut self, text: &str) {
        self.sections.push(text.lines().next().unwrap_or_default().to_string());
    }
    fn choose(&mut self, ask: &Ask, _: &[String], default: Option<usize>) -> anyhow::Result<Reply<usize>> {
        self.next(ask, default, |s| if let Step::Choose(i) = s { Some(i) } else { None })
    }
    fn choose_many(
        &mut self,
        ask: &Ask,
        _: &[String],
        defaults: &[usize],
        _: bool,
    ) -> anyhow::Result<Reply<Vec<usize>>> {
        self.next(ask, defaults.first().copied(), |s| if let Step::Many(v) = s { Some(v) } else { None })
    }
    fn number(&mut self, ask: &Ask, _: i64, _: i64, default: Option<i64>) -> anyhow::Result<Reply<i64>> {
        self.next(ask, default.map(|n| n as usize), |s| if let Step::Number(n) = s { Some(n) } else { None })
    }
    fn text(&mut self, ask: &Ask, _: Option<&str>, _: bool) -> anyhow::Result<Reply<String>> {
        self.next(ask, None, |s| if let Step::Text(t) = s { Some(t) } else { None })
    }
    fn review(&mut self, _: &[ReviewLine]) -> anyhow::Result<Reply<Option<usize>>> {
        self.reviews += 1;
        match self.steps.pop_front().expect("script ran out at review") {
            Step::Review(choice) => Ok(Reply::Answer(choice)),
            Step::Interrupt => Ok(Reply::Interrupt),
            other => panic!("review got {other:?}"),
        }
    }
}

fn fw() -> Frameworks {
    Frameworks::builtin().unwrap()
}

/// A reply for every question, in questionnaire order: readiness answers at `level`.
fn answers_for_all(fw: &Frameworks, level: usize) -> Vec<Step> {
    let context = fw.questionnaire.context.iter().map(|q| match q.kind {
        ContextKind::Text => Step::Text("Scripted Ltd".into()),
        ContextKind::Choice => Step::Choose(1),
        ContextKind::Multi => Step::Many(vec![0, 2]),
        ContextKind::Number => Step::Number(12),
    });
    context.chain(fw.questionnaire.questions.iter().map(|_| Step::Choose(level))).collect()
}

fn total(fw: &Frameworks) -> usize {
    fw.questionnaire.context.len() + fw.questionnaire.questions.len()
}

/// Runs the flow, recording how many answers each autosave held.
fn drive(fw: &Frameworks, script: &mut Script, start: Answers) -> (Outcome, Vec<Answers>) {
    let mut saves = Vec::new();
    let outcome = run(fw, script, start, &mut |a: &Answers| {
        saves.push(a.clone());
        Ok(())
    })
    .unwrap();
    (outcome, saves)
}

#[test]
fn asks_everything_in_order_saves_after_each_answer_and_reviews() {
    let fw = fw();
    let mut steps = answers_for_all(&fw, 2);
    steps.push(Step::Review(None));
    let mut script = Script { steps: steps.into(), ..Default::default() };
    let (outcome, saves) = drive(&fw, &mut script, Answers::default());
    let n = total(&fw);
    assert_eq!(script.asked.iter().map(|a| a.0).collect::<Vec<_>>(), (1..=n).collect::<Vec<_>>());
    assert_eq!(script.asked[0].1, "Business context");
    // Sections are announced in the order of the dimensions, each once.
    let expected: Vec<String> = std::iter::once("Business context".to_string())
        .chain(fw.questionnaire.dimensions.iter().map(|d| d.name.to_string()))
        .collect();
    let announced: Vec<String> =
        script.sections.iter().map(|s| s.trim_matches(|c| c == '─' || c == ' ').to_string()).collect();
    assert_eq!(announced, expected);
    assert_eq!(saves.len(), n, "one save per answer");
    assert!(saves.windows(2).all(|w| w[1].count() == w[0].count() + 1));
    let Outcome::Complete(answers) = outcome else { panic!("not complete") };
    assert_eq!(answers.count(), n);
    assert!(answers.readiness.values().all(|a| *a == Answer::Level(2)));
    assert_eq!(script.reviews, 1);
}

#[test]
fn back_returns_to_the_previous_question_with_its_answer_as_default() {
    let fw = fw();
    let mut steps = answers_for_all(&fw, 3);
    let context = fw.questionnaire.context.len();
    // After the first readiness answer (level 3), go back from the second, then re-answer both.
    steps.insert(context + 1, Step::Back);
    steps.insert(context + 2, Step::Choose(1));
    steps.push(Step::Review(None));
    let mut script = Script { steps: steps.into(), ..Default::default() };
    let (outcome, _) = drive(&fw, &mut script, Answers::default());
    let first = context + 1;
    let revisit = script.asked.iter().filter(|a| a.0 == first).collect::<Vec<_>>();
    assert_eq!(revisit.len(), 2, "the first readiness question is asked again");
    assert_eq!(revisit[1].2, Some(3), "re-filled with the earlier answer");
    let Outcome::Complete(answers) = outcome else { panic!() };
    assert_eq!(answers.readiness[&fw.questionnaire.questions[0].id], Answer::Level(1));
}

#[test]
fn resuming_skips_what_is_answered() {
    let fw = fw();
    let mut start = Answers::default();
    for q in fw.questionnaire.questions.iter().take(10) {
        start.readiness.insert(q.id.clone(), Answer::Level(4));
    }
    // Only the context and the 19 unanswered readiness questions are asked.
    let mut steps = answers_for_all(&fw, 0);
    let context = fw.questionnaire.context.len();
    steps.drain(context..context + 10);
    steps.push(Step::Review(None));
    let mut script = Script { steps: steps.into(), ..Default::default() };
    let (outcome, _) = drive(&fw, &mut script, start);
    assert_eq!(script.asked.len(), total(&fw) - 10);
    assert!(script.asked.iter().all(|a| a.0 <= context || a.0 > context + 10));
    let Outcome::Complete(answers) = outcome else { panic!() };
    assert_eq!(answers.readiness[&fw.questionnaire.questions[0].id], Answer::Level(4));
    assert_eq!(answers.readiness[&fw.questionnaire.questions[20].id], Answer::Level(0));
}

#[test]
fn review_changes_an_answer_and_saves_it() {
    let fw = fw();
    let mut steps = answers_for_all(&fw, 1);
    let line = fw.questionnaire.context.len() + 5;
    steps.extend([Step::Review(Some(line)), Step::Choose(4), Step::Review(None)]);
    let mut script = Script { steps: steps.into(), ..Default::default() };
    let (outcome, saves) = drive(&fw, &mut script, Answers::default());
    let Outcome::Complete(answers) = outcome else { panic!() };
    let changed = &fw.questionnaire.questions[5].id;
    assert_eq!(answers.readiness[changed], Answer::Level(4));
    assert_eq!(saves.last().unwrap().readiness[changed], Answer::Level(4));
    assert_eq!(script.reviews, 2);
}

#[test]
fn interruption_keeps_every_answer_given_in_a_valid_file() {
    let fw = fw();
    let mut steps: Vec<Step> = answers_for_all(&fw, 2).into_iter().take(12).collect();
    steps.push(Step::Interrupt);
    let mut script = Script { steps: steps.into(), ..Default::default() };
    let (outcome, saves) = drive(&fw, &mut script, Answers::default());
    let Outcome::Interrupted(answers) = outcome else { panic!("not interrupted") };
    assert_eq!(answers.count(), 12);
    let saved = saves.last().unwrap();
    assert_eq!(saved, &answers);
    // The session file written from it parses back to the same answers.
    let text = render(&fw, saved);
    let parsed = parse(&fw, "session.toml", &text, Completeness::Partial).unwrap();
    assert_eq!((parsed.context, parsed.readiness), (answers.context.clone(), answers.readiness.clone()));
    assert_eq!(parsed.version, Some(fw.questionnaire.version), "a session file records the questionnaire version");
    assert!(matches!(answers.context.get("regions"), Some(ContextValue::List(list)) if list.len() == 2));
}
