//! The questionnaire's flow, independent of the terminal: ask what is unanswered in order,
//! go back on request, save after every answer, then review before scoring.

use super::{Ask, Prompter, Reply, ReviewLine};
use crate::answers::{Answer, Answers, ContextValue};
use crate::frameworks::{ContextKind, ContextQuestion, Frameworks, Question};
use crate::score::display_context;

/// How the questionnaire ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every question answered and the review confirmed.
    Complete(Answers),
    /// Stopped with Ctrl-C; the answers given so far.
    Interrupted(Answers),
}

/// One question of the questionnaire, in order: the business context, then each dimension.
#[derive(Clone, Copy)]
enum Step<'a> {
    Context(&'a ContextQuestion),
    Readiness(&'a Question),
}

impl<'a> Step<'a> {
    fn all(fw: &'a Frameworks) -> Vec<Step<'a>> {
        let context = fw.questionnaire.context.iter().map(Step::Context);
        let readiness = fw
            .questionnaire
            .dimensions
            .iter()
            .flat_map(|d| fw.questionnaire.questions.iter().filter(move |q| q.dimension == d.id))
            .map(Step::Readiness);
        context.chain(readiness).collect()
    }

    fn section(&self, fw: &'a Frameworks) -> &'a str {
        match self {
            Step::Context(_) => &fw.questionnaire.context_name,
            Step::Readiness(q) => fw.dimension_name(&q.dimension),
        }
    }

    fn is_answered(&self, answers: &Answers) -> bool {
        match self {
            Step::Context(q) => answers.context.contains_key(&q.id),
            Step::Readiness(q) => answers.readiness.contains_key(&q.id),
        }
    }
}

/// Runs the questionnaire from `answers` (empty, pre-filled or resumed), calling `save` after
/// every answer so nothing is ever lost.
pub fn run(
    fw: &Frameworks,
    prompter: &mut dyn Prompter,
    mut answers: Answers,
    save: &mut dyn FnMut(&Answers) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let steps = Step::all(fw);
    let pending: Vec<usize> = (0..steps.len()).filter(|&i| !steps[i].is_answered(&answers)).collect();
    let mut cursor = 0;
    let mut announced = None;
    while let Some(&i) = pending.get(cursor) {
        if announced != Some(steps[i].section(fw)) {
            announce_section(fw, prompter, &steps[i]);
            announced = Some(steps[i].section(fw));
        }
        match ask(fw, prompter, &steps, i, &mut answers)? {
            Reply::Answer(()) => {
                save(&answers)?;
                cursor += 1;
            }
            Reply::Back => cursor = cursor.saturating_sub(1),
            Reply::Interrupt => return Ok(Outcome::Interrupted(answers)),
        }
    }
    review(fw, prompter, &steps, answers, save)
}

fn announce_section(fw: &Frameworks, prompter: &mut dyn Prompter, step: &Step) {
    let description = match step {
        Step::Context(_) => &fw.questionnaire.context_description,
        Step::Readiness(q) => fw.dimension(&q.dimension).map_or("", |d| d.description.as_str()),
    };
    prompter.say(&format!("── {} ──\n{description}", step.section(fw)));
}

/// The review screen: every answer listed, any one changed, until the person confirms.
fn review(
    fw: &Frameworks,
    prompter: &mut dyn Prompter,
    steps: &[Step],
    mut answers: Answers,
    save: &mut dyn FnMut(&Answers) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    loop {
        let lines: Vec<ReviewLine> = steps.iter().map(|s| review_line(s, &answers)).collect();
        match prompter.review(&lines)? {
            Reply::Answer(None) => return Ok(Outcome::Complete(answers)),
            Reply::Answer(Some(i)) if i < steps.len() => match ask(fw, prompter, steps, i, &mut answers)? {
                Reply::Answer(()) => save(&answers)?,
                Reply::Back => {}
                Reply::Interrupt => return Ok(Outcome::Interrupted(answers)),
            },
            Reply::Answer(Some(_)) | Reply::Back => {}
            Reply::Interrupt => return Ok(Outcome::Interrupted(answers)),
        }
    }
}

fn review_line(step: &Step, answers: &Answers) -> ReviewLine {
    let (question, answer) = match step {
        Step::Context(q) => (q.prompt.clone(), answers.context.get(&q.id).map(|v| display_context(q, v))),
        Step::Readiness(q) => {
            let answer = answers.readiness.get(&q.id).map(|a| match a {
                Answer::Level(level) => format!("{level}: {}", q.levels[usize::from(*level)]),
                Answer::DontKnow => DONT_KNOW_LABEL.to_string(),
            });
            (q.prompt.clone(), answer)
        }
    };
    ReviewLine { question: question.to_string(), answer: answer.unwrap_or_else(|| "(not answered)".to_string()) }
}

const DONT_KNOW_LABEL: &str = "Don't know";

/// Asks step `i`, with its current answer as the default, and records the reply.
fn ask(
    fw: &Frameworks,
    prompter: &mut dyn Prompter,
    steps: &[Step],
    i: usize,
    answers: &mut Answers,
) -> anyhow::Result<Reply<()>> {
    let step = steps[i];
    let (prompt, help) = match step {
        Step::Context(q) => (q.prompt.as_str(), q.help.as_str()),
        Step::Readiness(q) => (q.prompt.as_str(), q.help.as_str()),
    };
    let at = Ask { section: step.section(fw), position: i + 1, total: steps.len(), prompt, help };
    let reply = match step {
        Step::Context(q) => ask_context(prompter, &at, q, answers.context.get(&q.id))?.map(|v| {
            answers.context.insert(q.id.clone(), v);
        }),
        Step::Readiness(q) => ask_readiness(prompter, &at, q, answers.readiness.get(&q.id))?.map(|a| {
            answers.readiness.insert(q.id.clone(), a);
        }),
    };
    Ok(reply)
}

impl<T> Reply<T> {
    fn map<U>(self, f: impl FnOnce(T) -> U) -> Reply<U> {
        match self {
            Reply::Answer(v) => Reply::Answer(f(v)),
            Reply::Back => Reply::Back,
            Reply::Interrupt => Reply::Interrupt,
        }
    }
}

fn ask_readiness(
    prompter: &mut dyn Prompter,
    at: &Ask,
    q: &Question,
    current: Option<&Answer>,
) -> anyhow::Result<Reply<Answer>> {
    let mut options: Vec<String> = q.levels.iter().enumerate().map(|(i, level)| format!("{i} · {level}")).collect();
    options.push(DONT_KNOW_LABEL.to_string());
    let default = current.map(|a| match a {
        Answer::Level(level) => usize::from(*level),
        Answer::DontKnow => q.levels.len(),
    });
    let reply = prompter.choose(at, &options, default)?;
    Ok(reply.map(|i| if i < q.levels.len() { Answer::Level(i as u8) } else { Answer::DontKnow }))
}

fn ask_context(
    prompter: &mut dyn Prompter,
    at: &Ask,
    q: &ContextQuestion,
    current: Option<&ContextValue>,
) -> anyhow::Result<Reply<ContextValue>> {
    let labels: Vec<String> = q.options.iter().map(|o| o.label.to_string()).collect();
    let index_of = |id: &str| q.options.iter().position(|o| o.id == id);
    let id_at = |i: usize| q.options[i].id.to_string();
    Ok(match q.kind {
        ContextKind::Text => {
            let default = match current {
                Some(ContextValue::Text(text)) => Some(text.as_str()),
                _ => None,
            };
            prompter.text(at, default, !q.optional)?.map(|text| ContextValue::Text(text.trim().to_string()))
        }
        ContextKind::Number => {
            let default = match current {
                Some(ContextValue::Number(n)) => Some(*n),
                _ => None,
            };
            prompter
                .number(at, q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX), default)?
                .map(ContextValue::Number)
        }
        ContextKind::Choice => {
            let default = match current {
                Some(ContextValue::Text(id)) => index_of(id),
                _ => None,
            };
            prompter.choose(at, &labels, default)?.map(|i| ContextValue::Text(id_at(i)))
        }
        ContextKind::Multi => {
            let defaults: Vec<usize> = match current {
                Some(ContextValue::List(ids)) => ids.iter().filter_map(|id| index_of(id)).collect(),
                _ => Vec::new(),
            };
            let reply = prompter.choose_many(at, &labels, &defaults, !q.optional)?;
            // "None of these" ticked beside real options: the real options are the answer.
            let standalone = |i: &usize| q.options[*i].exclusive;
            reply.map(|mut chosen| {
                if chosen.iter().any(|i| !standalone(i)) {
                    chosen.retain(|i| !standalone(i));
                }
                ContextValue::List(chosen.into_iter().map(id_at).collect())
            })
        }
    })
}
