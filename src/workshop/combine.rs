//! Combining respondents' answers into one set of answers for the business.
//!
//! - Readiness: per question, the mean of the respondents' levels, with "don't know" and "not
//!   asked" counted as level 0, as the methodology counts an unknown everywhere. Every score is
//!   linear in the levels, so each combined score is the mean of the respondents' own scores:
//!   never above the best respondent's nor below the worst's. When nobody gave a level, the
//!   combined answer is "don't know". A respondent's unknown still leaves open what it would
//!   add at the top level: the combined answers keep, beside the mean, the mean with the
//!   unknowns at the top, so the range and completeness count every cell nobody knew.
//! - Business context: the business's facts, which must agree. A known answer wins over
//!   "don't know"; two different known answers are an error naming the question and both
//!   files. Company names agree when equal trimmed and ignoring case; lists when they hold the
//!   same options in any order. Free-text answers other than the company (notes) are each
//!   respondent's own and need not agree.
//! - Notes and evidence: each respondent's, one line each, after their name.
//!
//! Respondents are put in one order (name, role, file) first, so the order the files come in
//! changes nothing.

use super::AnswerFile;
use crate::answers::{Answer, Answers, ContextValue, Note};
use crate::diagnostic::{Diagnostic, InputError};
use crate::frameworks::{ContextKind, ContextQuestion, ContextRole, Frameworks, Question, Text};
use crate::score::display_context;
use std::collections::BTreeMap;

/// One respondent: who, and their answer file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Voice<'a> {
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub file: &'a AnswerFile,
}

impl Voice<'_> {
    pub(crate) fn answers(&self) -> &Answers {
        &self.file.answers
    }

    /// "Maya Patel (Marketing lead)", or the name alone.
    pub(crate) fn label(&self) -> String {
        match self.role {
            Some(role) => format!("{} ({role})", self.name),
            None => self.name.to_string(),
        }
    }
}

/// The respondents in their canonical order, and the answers of the business they combine to.
#[derive(Debug)]
pub(crate) struct Combined<'a> {
    pub voices: Vec<Voice<'a>>,
    pub answers: Answers,
}

/// Combines the answer files of one business's respondents (at least one).
pub(crate) fn combine<'a>(fw: &Frameworks, files: &'a [AnswerFile]) -> Result<Combined<'a>, InputError> {
    let mut voices: Vec<Voice> = files.iter().map(voice).collect();
    voices.sort_by(|a, b| {
        let key = |v: &Voice<'a>| (v.name.to_lowercase(), v.name, v.role, v.file.file.as_str());
        key(a).cmp(&key(b))
    });
    let context = context(fw, &voices)?;
    // The newest questionnaire among the files: a question asked of anyone is asked.
    let version = if voices.iter().any(|v| v.answers().version.is_none()) {
        None
    } else {
        voices.iter().filter_map(|v| v.answers().version).max()
    };
    let mut answers = Answers { version, context, ..Answers::default() };
    for q in &fw.questionnaire.questions {
        if let Some(answer) = readiness(&voices, q) {
            answers.readiness.insert(q.id.clone(), answer);
            if let Some(upper) = upper(&voices, q).filter(|upper| answer != Answer::DontKnow && *upper != answer) {
                answers.upper.insert(q.id.clone(), upper);
            }
        }
        let note = notes(&voices, q);
        if !note.is_empty() {
            answers.notes.insert(q.id.clone(), note);
        }
    }
    Ok(Combined { voices, answers })
}

fn voice(file: &AnswerFile) -> Voice<'_> {
    let respondent = &file.answers.respondent;
    let stem = std::path::Path::new(&file.file).file_stem().and_then(|s| s.to_str());
    Voice { name: respondent.name.as_deref().or(stem).unwrap_or(&file.file), role: respondent.role.as_deref(), file }
}

/// The mean level, unknowns as 0; "don't know" when nobody gave a level, nothing when nobody
/// answered at all.
fn readiness(voices: &[Voice], q: &Question) -> Option<Answer> {
    let answers: Vec<Option<&Answer>> = voices.iter().map(|v| v.answers().readiness.get(&q.id)).collect();
    if answers.iter().all(|a| a.and_then(|a| a.level()).is_none()) {
        return answers.iter().any(Option::is_some).then_some(Answer::DontKnow);
    }
    mean(voices, q, 0.0)
}

/// The mean level with every unknown at the top level.
fn upper(voices: &[Voice], q: &Question) -> Option<Answer> {
    mean(voices, q, f64::from(q.max_level()))
}

/// The mean level, an unknown counted as `unknown`.
fn mean(voices: &[Voice], q: &Question, unknown: f64) -> Option<Answer> {
    let level = |v: &Voice| v.answers().readiness.get(&q.id).and_then(|a| a.level()).unwrap_or(unknown);
    // Summed in ascending order, so the order of respondents cannot change the last bit.
    let mut levels: Vec<f64> = voices.iter().map(level).collect();
    levels.sort_by(f64::total_cmp);
    Answer::at(levels.iter().sum::<f64>() / levels.len() as f64)
}

/// Each respondent's note and evidence on `q`, one line each after their name.
fn notes(voices: &[Voice], q: &Question) -> Note {
    let joined = |text: fn(&Note) -> Option<&String>| {
        let lines: Vec<String> = voices
            .iter()
            .filter_map(|v| Some(format!("{}: {}", v.label(), text(v.answers().notes.get(&q.id)?)?)))
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    };
    Note { note: joined(|n| n.note.as_ref()), evidence: joined(|n| n.evidence.as_ref()) }
}

/// Free text that is each respondent's own: any text question but the company's name.
pub(crate) fn is_own_text(q: &ContextQuestion) -> bool {
    q.kind == ContextKind::Text && q.role != Some(ContextRole::Company)
}

/// The business context every respondent agrees on; every disagreement is reported at once.
fn context(fw: &Frameworks, voices: &[Voice]) -> Result<BTreeMap<Text, ContextValue>, InputError> {
    let mut combined = BTreeMap::new();
    let mut problems = Vec::new();
    for q in &fw.questionnaire.context {
        let given: Vec<(&Voice, &ContextValue)> =
            voices.iter().filter_map(|v| Some((v, v.answers().context.get(&q.id)?))).collect();
        let value = if is_own_text(q) {
            // Kept for the business only when every respondent wrote the same.
            let all_same = given.len() == voices.len() && given.windows(2).all(|w| w[0].1 == w[1].1);
            given.first().filter(|_| all_same).map(|(_, v)| (*v).clone())
        } else {
            match agreed(q, &given) {
                Ok(value) => value,
                Err(((a, x), (b, y))) => {
                    problems.push(disagreement(fw, q, (a, x), (b, y)));
                    continue;
                }
            }
        };
        if let Some(value) = value {
            combined.insert(q.id.clone(), value);
        }
    }
    if problems.is_empty() { Ok(combined) } else { Err(InputError::new(problems)) }
}

/// The disagreement of two files that name different companies, if they do.
pub(super) fn other_company(fw: &Frameworks, a: &AnswerFile, b: &AnswerFile) -> Option<Diagnostic> {
    let q = fw.questionnaire.context.iter().find(|q| q.role == Some(ContextRole::Company))?;
    let (x, y) = (a.answers.context.get(&q.id)?, b.answers.context.get(&q.id)?);
    let known = |v: &ContextValue| *v != ContextValue::DontKnow;
    (known(x) && known(y) && !same(q, x, y)).then(|| disagreement(fw, q, (&voice(a), x), (&voice(b), y)))
}

type Given<'v, 'a> = (&'v Voice<'a>, &'v ContextValue);

/// The answer the respondents agree on, or the first two that differ.
fn agreed<'v, 'a>(
    q: &ContextQuestion,
    given: &[Given<'v, 'a>],
) -> Result<Option<ContextValue>, (Given<'v, 'a>, Given<'v, 'a>)> {
    let known: Vec<&Given> = given.iter().filter(|(_, v)| **v != ContextValue::DontKnow).collect();
    let Some(first) = known.first() else { return Ok(given.first().map(|(_, v)| (*v).clone())) };
    if let Some(other) = known.iter().find(|(_, v)| !same(q, first.1, v)) {
        return Err((**first, **other));
    }
    // Lists in different orders: the questionnaire's order, whoever wrote first.
    if let (ContextValue::List(_), false) = (first.1, known.iter().all(|(_, v)| v == &first.1)) {
        let chosen = |id: &str| matches!(first.1, ContextValue::List(l) if l.iter().any(|c| c == id));
        let ordered = q.options.iter().filter(|o| chosen(&o.id)).map(|o| o.id.to_string()).collect();
        return Ok(Some(ContextValue::List(ordered)));
    }
    Ok(Some(first.1.clone()))
}

fn same(q: &ContextQuestion, a: &ContextValue, b: &ContextValue) -> bool {
    let folded = |text: &str| text.trim().to_lowercase();
    let sorted = |list: &[String]| {
        let mut list = list.to_vec();
        list.sort();
        list
    };
    match (a, b) {
        (ContextValue::Text(x), ContextValue::Text(y)) if q.role == Some(ContextRole::Company) => {
            folded(x) == folded(y)
        }
        (ContextValue::List(x), ContextValue::List(y)) => sorted(x) == sorted(y),
        _ => a == b,
    }
}

fn disagreement(fw: &Frameworks, q: &ContextQuestion, (a, x): Given, (b, y): Given) -> Diagnostic {
    let (file_a, file_b) = (&a.file.file, &b.file.file);
    if q.role == Some(ContextRole::Company) {
        return Diagnostic::new(format!(
            "`{file_a}` and `{file_b}` name different companies (“{}” and “{}”)",
            display_context(fw, q, x),
            display_context(fw, q, y)
        ))
        .help("a workshop combines respondents of one business; assess each business on its own");
    }
    Diagnostic::new(format!(
        "the respondents disagree on `{}` ({}): `{file_a}` says “{}”, `{file_b}` says “{}”",
        q.id,
        q.prompt,
        display_context(fw, q, x),
        display_context(fw, q, y)
    ))
    .help("the business context is the business's facts, the same for every respondent: settle it in every file before combining them (readiness answers may differ)")
}
