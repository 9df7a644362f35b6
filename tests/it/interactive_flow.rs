//! The questionnaire's flow driven by a scripted prompter: order, skipping, going back,
//! review, autosave and interruption, without a terminal.

use readiness::answers::{Answer, Answers, Completeness, ContextValue, parse, render};
use readiness::ask::{Ask, Choice, NumberRange, Outcome, Prompter, Reply, Review, run};
use readiness::frameworks::Load;
use readiness::frameworks::{ContextKind, Frameworks};
use std::collections::VecDeque;

#[derive(Debug, Clone)]
enum Step {
    Choose(usize),
    Many(Vec<usize>),
    Number(Option<i64>),
    Text(String),
    Back,
    Interrupt,
    Review(Option<usize>),
    Menu(usize),
}

/// A prompter that replays a script and records what it was asked.
#[derive(Default)]
struct Script {
    steps: VecDeque<Step>,
    /// (position, section, default shown) for every question asked.
    asked: Vec<(usize, String, Option<usize>)>,
    /// The options of every list question asked.
    options: Vec<Vec<Choice>>,
    sections: Vec<String>,
    reviews: Vec<Review>,
    menus: Vec<String>,
}

impl Script {
    fn new(steps: Vec<Step>) -> Script {
        Script { steps: steps.into(), ..Default::default() }
    }

    fn pop(&mut self, at: &str) -> Step {
        self.steps.pop_front().unwrap_or_else(|| panic!("script ran out at {at}"))
    }

    fn next<T>(
        &mut self,
        ask: &Ask,
        default: Option<usize>,
        take: impl FnOnce(Step) -> Option<T>,
    ) -> anyhow::Result<Reply<T>> {
        self.asked.push((ask.position, ask.section.to_string(), default));
        match self.pop(ask.prompt) {
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
    fn choose(&mut self, ask: &Ask, options: &[Choice], default: Option<usize>) -> anyhow::Result<Reply<usize>> {
        self.options.push(options.to_vec());
        self.next(ask, default, |s| if let Step::Choose(i) = s { Some(i) } else { None })
    }
    fn choose_many(
        &mut self,
        ask: &Ask,
        options: &[Choice],
        defaults: &[usize],
        _: bool,
    ) -> anyhow::Result<Reply<Vec<usize>>> {
        self.options.push(options.to_vec());
        self.next(ask, defaults.first().copied(), |s| if let Step::Many(v) = s { Some(v) } else { None })
    }
    fn number(
        &mut self,
        ask: &Ask,
        range: NumberRange,
        default: Option<Option<i64>>,
    ) -> anyhow::Result<Reply<Option<i64>>> {
        let default = default.map(|n| n.map_or(usize::MAX, |n| n as usize));
        let reply = self.next(ask, default, |s| if let Step::Number(n) = s { Some(n) } else { None })?;
        assert!(range.dont_know || reply != Reply::Answer(None), "\"don't know\" where it is not allowed");
        Ok(reply)
    }
    fn text(&mut self, ask: &Ask, _: Option<&str>, _: bool) -> anyhow::Result<Reply<String>> {
        self.next(ask, None, |s| if let Step::Text(t) = s { Some(t) } else { None })
    }
    fn review(&mut self, review: &Review) -> anyhow::Result<Reply<Option<usize>>> {
        self.reviews.push(review.clone());
        match self.pop("review") {
            Step::Review(choice) => Ok(Reply::Answer(choice)),
            Step::Interrupt => Ok(Reply::Interrupt),
            other => panic!("review got {other:?}"),
        }
    }
    fn menu(&mut self, message: &str, _: &[String]) -> anyhow::Result<Reply<usize>> {
        self.menus.push(message.to_string());
        match self.pop(message) {
            Step::Menu(i) => Ok(Reply::Answer(i)),
            Step::Back => Ok(Reply::Back),
            other => panic!("menu got {other:?}"),
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
        ContextKind::Number => Step::Number(Some(12)),
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
    let mut script = Script::new(steps);
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
    assert_eq!(script.reviews.len(), 1);
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
    let mut script = Script::new(steps);
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
    let mut script = Script::new(steps);
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
    let mut script = Script::new(steps);
    let (outcome, saves) = drive(&fw, &mut script, Answers::default());
    let Outcome::Complete(answers) = outcome else { panic!() };
    let changed = &fw.questionnaire.questions[5].id;
    assert_eq!(answers.readiness[changed], Answer::Level(4));
    assert_eq!(saves.last().unwrap().readiness[changed], Answer::Level(4));
    assert_eq!(script.reviews.len(), 2);
}

#[test]
fn interruption_keeps_every_answer_given_in_a_valid_file() {
    let fw = fw();
    let mut steps: Vec<Step> = answers_for_all(&fw, 2).into_iter().take(12).collect();
    steps.push(Step::Interrupt);
    let mut script = Script::new(steps);
    let (outcome, saves) = drive(&fw, &mut script, Answers::default());
    let Outcome::Interrupted(answers) = outcome else { panic!("not interrupted") };
    assert_eq!(answers.count(), 12);
    let saved = saves.last().unwrap();
    assert_eq!(saved, &answers);
    // The session file written from it parses back to the same answers.
    let text = render(&fw, saved);
    let parsed = parse(&fw, "session.toml", &text, Completeness::Partial).unwrap();
    assert_eq!((parsed.context, parsed.readiness), (answers.context.clone(), answers.readiness.clone()));
    assert!(
        text.contains(&format!("\nquestionnaire = {}\n", fw.questionnaire.version)),
        "a session file records its version"
    );
    assert!(matches!(answers.context.get("regions"), Some(ContextValue::List(list)) if list.len() == 2));
}

#[test]
fn esc_on_the_first_question_explains_and_offers_to_stop() {
    let fw = fw();
    // Stay: the first question is asked again, nothing else happens.
    let mut steps = vec![Step::Back, Step::Menu(0)];
    steps.extend(answers_for_all(&fw, 2));
    steps.push(Step::Review(None));
    let mut script = Script::new(steps);
    let (outcome, _) = drive(&fw, &mut script, Answers::default());
    assert!(matches!(outcome, Outcome::Complete(_)));
    assert_eq!(script.menus.len(), 1);
    assert!(script.menus[0].contains("Nothing comes before this question"), "{}", script.menus[0]);
    assert_eq!(script.asked.iter().filter(|a| a.0 == 1).count(), 2);

    // Stop: the session ends with what was given, as Ctrl-C would.
    let mut script = Script::new(vec![Step::Back, Step::Menu(1)]);
    let (outcome, saves) = drive(&fw, &mut script, Answers::default());
    assert_eq!(outcome, Outcome::Interrupted(Answers::default()));
    assert!(saves.is_empty());
}

#[test]
fn esc_on_the_first_question_left_in_a_resumed_session_offers_to_stop_too() {
    let fw = fw();
    let mut start = Answers::default();
    start.context.insert("company".into(), ContextValue::Text("Resumed Ltd".into()));
    let mut script = Script::new(vec![Step::Back, Step::Menu(1)]);
    let (outcome, _) = drive(&fw, &mut script, start.clone());
    assert_eq!(script.asked[0].0, 2, "the first unanswered question is asked");
    assert_eq!(outcome, Outcome::Interrupted(start));
    // The earlier answers exist: the message says where to change them.
    assert!(script.menus[0].contains("review screen"), "{}", script.menus[0]);
}

#[test]
fn the_review_keeps_the_cursor_on_the_changed_answer_and_sums_up() {
    let fw = fw();
    let context = fw.questionnaire.context.len();
    let mut steps = answers_for_all(&fw, 1);
    // Three readiness questions answered "don't know" (the last option).
    for k in [context, context + 4, context + 9] {
        steps[k] = Step::Choose(fw.questionnaire.questions[k - context].levels.len());
    }
    let line = context + 5;
    steps.extend([Step::Review(Some(line)), Step::Choose(3), Step::Review(None)]);
    let mut script = Script::new(steps);
    drive(&fw, &mut script, Answers::default());
    assert_eq!(script.reviews[0].cursor, None, "the review opens on \"Score these answers\"");
    assert_eq!(script.reviews[1].cursor, Some(line), "and comes back to the line just changed");
    let review = &script.reviews[1];
    assert_eq!(review.lines.len(), total(&fw));
    assert_eq!(review.lines[line].number, line + 1);
    assert!(review.lines[line].answer.starts_with("3 · "), "{:?}", review.lines[line]);
    // Confidence is 100 less the points of overall readiness the unknown answers leave open:
    // each is worth its share of its dimension's question weight times the dimension's share.
    let (questions, dims) = (&fw.questionnaire.questions, &fw.questionnaire.dimensions);
    let dim_total: f64 = dims.iter().map(|d| d.weight).sum();
    let open: f64 = [0, 4, 9]
        .iter()
        .map(|&i| {
            let q = &questions[i];
            let dim = dims.iter().find(|d| d.id == q.dimension).unwrap();
            let in_dim: f64 = questions.iter().filter(|x| x.dimension == q.dimension).map(|x| x.weight).sum();
            100.0 * dim.weight / dim_total * q.weight / in_dim
        })
        .sum();
    let expected = format!("{n} of {n} answered · 3 don't know · completeness {:.0}%", 100.0 - open, n = total(&fw));
    assert_eq!(review.summary, expected);
}

#[test]
fn budget_and_team_size_take_dont_know_and_it_survives_the_session_file() {
    let fw = fw();
    let mut steps = answers_for_all(&fw, 2);
    let at = |id: &str| fw.questionnaire.context.iter().position(|q| q.id == id).unwrap();
    let budget = &fw.questionnaire.context[at("marketing_budget")];
    steps[at("marketing_team_size")] = Step::Number(None);
    steps[at("marketing_budget")] = Step::Choose(budget.options.len());
    steps.push(Step::Interrupt);
    let mut script = Script::new(steps);
    let (outcome, saves) = drive(&fw, &mut script, Answers::default());
    let Outcome::Interrupted(answers) = outcome else { panic!("not interrupted") };
    assert_eq!(answers.context["marketing_team_size"], ContextValue::DontKnow);
    assert_eq!(answers.context["marketing_budget"], ContextValue::DontKnow);
    // "Don't know" is offered only where the questionnaire allows it.
    let list_questions: Vec<&str> = fw
        .questionnaire
        .context
        .iter()
        .filter(|q| matches!(q.kind, ContextKind::Choice | ContextKind::Multi))
        .map(|q| q.id.as_str())
        .collect();
    for (id, options) in list_questions.iter().zip(&script.options) {
        let offers = options.last().is_some_and(|o| o.key == "?" && o.label == "Don't know");
        // The business case's revenue and currency allow it too (business_case.toml).
        assert_eq!(offers, ["marketing_budget", "annual_revenue", "currency"].contains(id), "{id}");
    }
    let text = render(&fw, saves.last().unwrap());
    assert!(text.contains("\nmarketing_budget = \"dont_know\"\n"), "{text}");
    assert!(text.contains("\nmarketing_team_size = \"dont_know\"\n"), "{text}");
    assert_eq!(parse(&fw, "session.toml", &text, Completeness::Partial).unwrap(), answers);
}

#[test]
fn answer_files_take_dont_know_for_context_only_where_the_questionnaire_allows_it() {
    let fw = fw();
    let ok = "[context]\nmarketing_budget = \"dont_know\"\nmarketing_team_size = \"dont_know\"\n";
    let answers = parse(&fw, "a.toml", ok, Completeness::Partial).unwrap();
    assert_eq!(answers.context["marketing_budget"], ContextValue::DontKnow);
    assert_eq!(answers.context["marketing_team_size"], ContextValue::DontKnow);
    let err = parse(&fw, "a.toml", "[context]\nindustry = \"dont_know\"\n", Completeness::Partial).unwrap_err();
    assert!(err.to_string().contains("`dont_know` is not an option of `industry`"), "{err}");
    let err = parse(&fw, "a.toml", "[context]\nmarketing_team_size = \"many\"\n", Completeness::Partial).unwrap_err();
    assert!(err.to_string().contains("expected a whole number or \"dont_know\""), "{err}");
    // The template says so where it applies.
    let template = readiness::answers::render_template(&fw);
    // Team size, budget, revenue and currency.
    assert_eq!(template.matches("# Or \"dont_know\".").count(), 4);
}

#[test]
fn a_note_can_be_written_for_any_answer_and_is_saved_with_it() {
    let fw = fw();
    let context = fw.questionnaire.context.len();
    let first = &fw.questionnaire.questions[0];
    let note_option = first.levels.len() + 1;
    let mut steps = answers_for_all(&fw, 2);
    // On the first readiness question: pick the note, write it, then answer.
    steps.splice(
        context..=context,
        [Step::Choose(note_option), Step::Text("  from the April audit ".into()), Step::Choose(1)],
    );
    // On the review: add a note to an answer already given; it is saved at once.
    let line = context + 3;
    steps.extend([Step::Review(Some(line)), Step::Choose(note_option), Step::Text("agreed".into()), Step::Back]);
    steps.push(Step::Review(None));
    let mut script = Script::new(steps);
    let (outcome, saves) = drive(&fw, &mut script, Answers::default());
    let Outcome::Complete(answers) = outcome else { panic!("not complete") };
    assert_eq!(answers.readiness[&first.id], Answer::Level(1));
    assert_eq!(answers.notes[&first.id].note.as_deref(), Some("from the April audit"));
    let later = &fw.questionnaire.questions[3].id;
    assert_eq!(answers.notes[later].note.as_deref(), Some("agreed"));
    assert_eq!(saves.last().unwrap(), &answers, "the note on an answered question is saved without re-answering");
    // The note is the last option, after "don't know", and says what it does; once written,
    // the option shows it.
    let lists = fw.questionnaire.context.iter().filter(|q| matches!(q.kind, ContextKind::Choice | ContextKind::Multi));
    let first_asked = lists.count();
    let options = &script.options[first_asked];
    assert_eq!(options.len(), first.levels.len() + 2);
    assert!(options[note_option].label.contains("Add a note"), "{:?}", options[note_option]);
    assert!(script.options[first_asked + 1][note_option].label.contains("from the April audit"));
    // The review shows it, and the session file keeps it.
    assert!(script.reviews[1].lines[context].answer.contains("note: from the April audit"));
    let text = render(&fw, &answers);
    assert_eq!(parse(&fw, "session.toml", &text, Completeness::Partial).unwrap().notes, answers.notes);
}
