//! The questionnaire's flow, independent of the terminal: ask what is unanswered in order,
//! go back on request, save after every answer, then review before scoring.

use super::{Ask, Choice, NumberRange, Prompter, Reply, Review, ReviewLine, say};
use crate::answers::{Answer, Answers, ContextValue, Note};
use crate::frameworks::{ContextKind, ContextQuestion, Frameworks, Question};
use crate::score::{confidence, display_context};

/// How the questionnaire ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every question answered and the review confirmed.
    Complete(Answers),
    /// Stopped with Ctrl-C (or on the first question); the answers given so far.
    Interrupted(Answers),
}

/// One question of the questionnaire, in order: the business context, then each dimension.
#[derive(Clone, Copy)]
pub(super) enum Step<'a> {
    Context(&'a ContextQuestion),
    Readiness(&'a Question),
}

impl<'a> Step<'a> {
    pub(super) fn all(fw: &'a Frameworks) -> Vec<Step<'a>> {
        let context = fw.questionnaire.context.iter().map(Step::Context);
        let readiness = fw
            .questionnaire
            .dimensions
            .iter()
            .flat_map(|d| fw.questionnaire.questions.iter().filter(move |q| q.dimension == d.id))
            .map(Step::Readiness);
        context.chain(readiness).collect()
    }

    pub(super) fn section(&self, fw: &'a Frameworks) -> &'a str {
        match self {
            Step::Context(_) => &fw.questionnaire.context_name,
            Step::Readiness(q) => fw.dimension_name(&q.dimension),
        }
    }

    pub(super) fn is_answered(&self, answers: &Answers) -> bool {
        match self {
            Step::Context(q) => answers.context.contains_key(&q.id),
            Step::Readiness(q) => answers.readiness.contains_key(&q.id),
        }
    }

    /// Every word the person reads out for this question: prompt, help and answers.
    pub(super) fn words(&self) -> usize {
        let count = |s: &str| s.split_whitespace().count();
        match self {
            Step::Context(q) => {
                count(&q.prompt) + count(&q.help) + q.options.iter().map(|o| count(&o.label)).sum::<usize>()
            }
            Step::Readiness(q) => count(&q.prompt) + count(&q.help) + q.levels.iter().map(|l| count(l)).sum::<usize>(),
        }
    }

    fn prompt(&self) -> &'a str {
        match self {
            Step::Context(q) => &q.prompt,
            Step::Readiness(q) => &q.prompt,
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
    // The session asks the current questionnaire, including what an older file was not asked.
    answers.version = None;
    let mut cursor = 0;
    let mut announced = None;
    while let Some(&i) = pending.get(cursor) {
        if announced != Some(steps[i].section(fw)) {
            announce_section(fw, prompter, &steps[i]);
            announced = Some(steps[i].section(fw));
        }
        match ask(fw, prompter, &steps, i, &mut answers, save)? {
            Reply::Answer(()) => {
                save(&answers)?;
                cursor += 1;
            }
            Reply::Back if cursor > 0 => cursor -= 1,
            Reply::Back => {
                if stop_at_first_question(fw, prompter, i > 0)? {
                    return Ok(Outcome::Interrupted(answers));
                }
            }
            Reply::Interrupt => return Ok(Outcome::Interrupted(answers)),
        }
    }
    review(fw, prompter, &steps, answers, save)
}

/// Esc on the first question left has nothing to go back to: say so (after a resume, where the
/// earlier answers can be changed), and offer to stop.
fn stop_at_first_question(fw: &Frameworks, prompter: &mut dyn Prompter, resumed: bool) -> anyhow::Result<bool> {
    let words = &fw.report.ask;
    let options = [words.stay.to_string(), words.stop_here.to_string()];
    let message = if resumed { &words.nothing_before_resumed } else { &words.nothing_before };
    let reply = prompter.menu(message, &options)?;
    Ok(matches!(reply, Reply::Answer(1) | Reply::Interrupt))
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
    let mut cursor = None;
    loop {
        let screen = Review {
            lines: steps.iter().enumerate().map(|(i, s)| review_line(fw, i, s, &answers)).collect(),
            summary: summary(fw, steps, &answers),
            cursor,
        };
        match prompter.review(&screen)? {
            Reply::Answer(None) => return Ok(Outcome::Complete(answers)),
            Reply::Answer(Some(i)) if i < steps.len() => {
                cursor = Some(i);
                match ask(fw, prompter, steps, i, &mut answers, save)? {
                    Reply::Answer(()) => save(&answers)?,
                    Reply::Back => {}
                    Reply::Interrupt => return Ok(Outcome::Interrupted(answers)),
                }
            }
            Reply::Answer(Some(_)) | Reply::Back => {}
            Reply::Interrupt => return Ok(Outcome::Interrupted(answers)),
        }
    }
}

/// "38 of 38 answered · 2 don't know · completeness 94%": what the report calls completeness.
fn summary(fw: &Frameworks, steps: &[Step], answers: &Answers) -> String {
    let answered = steps.iter().filter(|s| s.is_answered(answers)).count();
    let dont_know = answers.readiness.values().filter(|a| **a == Answer::DontKnow).count()
        + answers.context.values().filter(|v| **v == ContextValue::DontKnow).count();
    let (answered, total, dont_know) = (answered.to_string(), steps.len().to_string(), dont_know.to_string());
    let completeness = format!("{:.0}", confidence(fw, answers));
    let values =
        [("answered", &answered), ("total", &total), ("dont_know", &dont_know), ("completeness", &completeness)];
    say(&fw.report.ask.review_summary, &values.map(|(k, v)| (k, v.as_str())))
}

fn review_line(fw: &Frameworks, i: usize, step: &Step, answers: &Answers) -> ReviewLine {
    let words = &fw.report.ask;
    let answer = match step {
        Step::Context(q) => answers.context.get(&q.id).map(|v| display_context(fw, q, v)),
        Step::Readiness(q) => answers.readiness.get(&q.id).map(|a| {
            let answer = match a {
                Answer::Level(level) => {
                    let (level, text) = (level.to_string(), &q.levels[usize::from(*level)]);
                    say(&words.review_level, &[("level", &level), ("text", text)])
                }
                Answer::DontKnow => fw.report.dont_know.to_string(),
                Answer::Between(between) => say(&words.review_between, &[("level", &between.to_string())]),
            };
            match answers.notes.get(&q.id).and_then(|n| n.note.as_deref()) {
                Some(note) => say(&words.review_note, &[("answer", &answer), ("note", note)]),
                None => answer,
            }
        }),
    };
    ReviewLine {
        number: i + 1,
        section: step.section(fw).to_string(),
        question: step.prompt().to_string(),
        answer: match answer {
            Some(text) if text.is_empty() => words.none.to_string(),
            Some(text) => text,
            None => words.not_answered.to_string(),
        },
    }
}

/// What to type for "don't know" where typing picks an answer.
const DONT_KNOW_KEY: &str = "?";

/// "Don't know" as the reports print it.
fn dont_know_choice(fw: &Frameworks) -> Choice {
    Choice { key: DONT_KNOW_KEY.into(), label: fw.report.dont_know.to_string() }
}

/// What to type for the note where typing picks an answer.
const NOTE_KEY: &str = "n";

/// The last option of a readiness question: write or change the note behind the answer.
fn note_choice(fw: &Frameworks, current: Option<&str>) -> Choice {
    let words = &fw.report.ask;
    let label = match current {
        Some(note) => say(&words.change_note, &[("note", &super::wrap::truncate(note, 40))]),
        None => words.add_note.to_string(),
    };
    Choice { key: NOTE_KEY.into(), label }
}

/// Asks step `i`, with its current answer as the default, and records the reply. A note
/// written for a question already answered is saved at once; one for a question not yet
/// answered is saved with its answer.
fn ask(
    fw: &Frameworks,
    prompter: &mut dyn Prompter,
    steps: &[Step],
    i: usize,
    answers: &mut Answers,
    save: &mut dyn FnMut(&Answers) -> anyhow::Result<()>,
) -> anyhow::Result<Reply<()>> {
    let step = steps[i];
    let help = match step {
        Step::Context(q) => q.help.as_str(),
        Step::Readiness(q) => q.help.as_str(),
    };
    let at = Ask { section: step.section(fw), position: i + 1, total: steps.len(), prompt: step.prompt(), help };
    let reply = match step {
        Step::Context(q) => ask_context(fw, prompter, &at, q, answers.context.get(&q.id))?.map(|v| {
            answers.context.insert(q.id.clone(), v);
        }),
        Step::Readiness(q) => loop {
            let note = answers.notes.get(&q.id).and_then(|n| n.note.as_deref());
            match ask_readiness(fw, prompter, &at, q, answers.readiness.get(&q.id), note)? {
                Reply::Answer(Some(a)) => {
                    answers.readiness.insert(q.id.clone(), a);
                    break Reply::Answer(());
                }
                Reply::Answer(None) => match ask_note(fw, prompter, &at, q, answers)? {
                    Reply::Interrupt => break Reply::Interrupt,
                    _ if answers.readiness.contains_key(&q.id) => save(answers)?,
                    _ => {}
                },
                Reply::Back => break Reply::Back,
                Reply::Interrupt => break Reply::Interrupt,
            }
        },
    };
    Ok(reply)
}

/// The answer chosen, or `None` when the note was picked.
fn ask_readiness(
    fw: &Frameworks,
    prompter: &mut dyn Prompter,
    at: &Ask,
    q: &Question,
    current: Option<&Answer>,
    note: Option<&str>,
) -> anyhow::Result<Reply<Option<Answer>>> {
    let levels = q.levels.iter().enumerate().map(|(i, level)| Choice { key: i.to_string(), label: level.to_string() });
    let options: Vec<Choice> = levels.chain([dont_know_choice(fw), note_choice(fw, note)]).collect();
    let default = current.map(|a| match a.level() {
        Some(level) => level.round() as usize,
        None => q.levels.len(),
    });
    let reply = prompter.choose(at, &options, default)?;
    Ok(reply.map(|i| match i {
        i if i < q.levels.len() => Some(Answer::Level(i as u8)),
        i if i == q.levels.len() => Some(Answer::DontKnow),
        _ => None,
    }))
}

/// Asks for the note on question `q` and records it (empty removes it); the evidence written
/// in the file, if any, stays.
fn ask_note(
    fw: &Frameworks,
    prompter: &mut dyn Prompter,
    at: &Ask,
    q: &Question,
    answers: &mut Answers,
) -> anyhow::Result<Reply<()>> {
    let prompt = say(&fw.report.ask.note_prompt, &[("question", &q.prompt)]);
    let ask = Ask { prompt: &prompt, help: &fw.report.ask.note_help, ..*at };
    let current = answers.notes.get(&q.id).and_then(|n| n.note.clone());
    Ok(prompter.text(&ask, current.as_deref(), false)?.map(|text| {
        let mut note = answers.notes.remove(&q.id).unwrap_or_default();
        note.note = Some(text.trim().to_string()).filter(|t| !t.is_empty());
        if note != Note::default() {
            answers.notes.insert(q.id.clone(), note);
        }
    }))
}

fn ask_context(
    fw: &Frameworks,
    prompter: &mut dyn Prompter,
    at: &Ask,
    q: &ContextQuestion,
    current: Option<&ContextValue>,
) -> anyhow::Result<Reply<ContextValue>> {
    let mut options: Vec<Choice> = (q.options.iter().enumerate())
        .map(|(i, o)| Choice { key: (i + 1).to_string(), label: o.label.to_string() })
        .collect();
    if q.allow_dont_know {
        options.push(dont_know_choice(fw));
    }
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
                Some(ContextValue::Number(n)) => Some(Some(*n)),
                Some(ContextValue::DontKnow) => Some(None),
                _ => None,
            };
            let range = NumberRange {
                min: q.min.unwrap_or(i64::MIN),
                max: q.max.unwrap_or(i64::MAX),
                dont_know: q.allow_dont_know,
            };
            prompter.number(at, range, default)?.map(|n| n.map_or(ContextValue::DontKnow, ContextValue::Number))
        }
        ContextKind::Choice => {
            let default = match current {
                Some(ContextValue::Text(id)) => index_of(id),
                Some(ContextValue::DontKnow) => Some(q.options.len()),
                _ => None,
            };
            let reply = prompter.choose(at, &options, default)?;
            reply.map(|i| if i < q.options.len() { ContextValue::Text(id_at(i)) } else { ContextValue::DontKnow })
        }
        ContextKind::Multi => {
            let defaults: Vec<usize> = match current {
                Some(ContextValue::List(ids)) => ids.iter().filter_map(|id| index_of(id)).collect(),
                _ => Vec::new(),
            };
            let reply = prompter.choose_many(at, &options, &defaults, !q.optional)?;
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
