//! Answer files: the TOML a team keeps in git, or the session file the interactive
//! questionnaire writes after every answer.
//!
//! ```toml
//! [context]
//! company = "Acme"
//! goals = ["revenue_growth"]
//!
//! [answers]
//! data_quality = 3            # the index of one of the question's levels
//! consent_management = "dont_know"
//! ```
//!
//! A context question marked `allow_dont_know` also takes `"dont_know"` (`marketing_budget =
//! "dont_know"`), read as [`ContextValue::DontKnow`].
//!
//! A readiness answer may carry the note and evidence behind it, `data_quality = { level = 2,
//! note = "…", evidence = "…" }`, and a level between two anchored levels is written as a
//! decimal (`data_quality = 2.5`): the mean a workshop's consensus file holds. An optional
//! `[respondent]` table names who answered (`name`, `role`), for workshops of several people.

mod edit;
mod parse;
mod simple_toml;
mod write;

/// The spelling of "don't know" in answer files.
pub(crate) use crate::frameworks::DONT_KNOW;
pub(crate) use edit::update;
pub use parse::{Completeness, free_text_problem, parse, unanswered};
pub use write::{render, render_template, render_with};

use crate::diagnostic::{InputError, eprint_lossy};

use crate::frameworks::{ContextRole, Frameworks, Text};
use crate::input::{MAX_INPUT_BYTES, read_into};
use crate::message::shown_path;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Reads and validates an answer file.
pub fn read_answers(fw: &Frameworks, path: &Path, completeness: Completeness) -> Result<Answers, InputError> {
    read_answers_into(fw, path, completeness, &mut Vec::new())
}

/// [`read_answers`], reading the file into `buffer`, which a caller reading many files keeps
/// from one to the next.
pub(crate) fn read_answers_into(
    fw: &Frameworks,
    path: &Path,
    completeness: Completeness,
    buffer: &mut Vec<u8>,
) -> Result<Answers, InputError> {
    let text = read_into(path, MAX_INPUT_BYTES, buffer).map_err(InputError::message)?;
    let answers = parse(fw, &path.display().to_string(), text, completeness)?;
    if completeness == Completeness::Complete {
        warn_unanswered(path, &unanswered(fw, &answers));
    }
    Ok(answers)
}

/// Says which questions a file leaves out, so a template filled in part is scored knowingly.
fn warn_unanswered(path: &Path, ids: &[&str]) {
    if ids.is_empty() {
        return;
    }
    let names = ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ");
    eprint_lossy(&format!(
        "warning: {}: {} question(s) not answered, scored as \"{}\" and listed first to find out: {names}\n",
        shown_path(path),
        ids.len(),
        DONT_KNOW
    ));
}

/// The answer to one readiness question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Level(u8),
    #[serde(with = "dont_know")]
    DontKnow,
    /// A level between two anchored levels: the mean of a workshop's answers (see
    /// `crate::workshop`), or a decimal in a consensus file.
    Between(Between),
}

impl Answer {
    /// The answer for a level that may fall between anchored ones: a whole value is that level.
    /// `None` for a value that is not finite or outside 0..=255.
    pub(crate) fn at(level: f64) -> Option<Answer> {
        if !(0.0..=f64::from(u8::MAX)).contains(&level) {
            return None;
        }
        Some(if level.fract() == 0.0 { Answer::Level(level as u8) } else { Answer::Between(Between(level)) })
    }

    /// The level answered, `None` for "don't know".
    pub fn level(self) -> Option<f64> {
        match self {
            Answer::Level(level) => Some(f64::from(level)),
            Answer::DontKnow => None,
            Answer::Between(between) => Some(between.0),
        }
    }
}

/// "2", "don't know", or a level between two to one decimal, "2.3", as a reader would see it.
impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Answer::Level(level) => write!(f, "{level}"),
            Answer::DontKnow => f.write_str("don't know"),
            Answer::Between(between) => write!(f, "{between}"),
        }
    }
}

/// A level strictly between two whole levels, finite. Built only by `Answer::at`, so
/// equality is an equivalence (no NaN) and a whole level is always an [`Answer::Level`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Between(f64);

impl Eq for Between {}

impl Between {
    pub(crate) fn value(self) -> f64 {
        self.0
    }
}

/// One decimal: a mean of a few people's levels is not known more precisely than that.
impl std::fmt::Display for Between {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.1}", self.0)
    }
}

impl From<Between> for f64 {
    fn from(between: Between) -> f64 {
        between.0
    }
}

impl TryFrom<f64> for Between {
    type Error = String;

    fn try_from(level: f64) -> Result<Between, String> {
        match Answer::at(level) {
            Some(Answer::Between(between)) => Ok(between),
            _ => Err(format!("{level} is not a level between two whole levels")),
        }
    }
}

impl schemars::JsonSchema for Answer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A level index (0 is the weakest description), \"dont_know\", or a level between two anchored levels (a workshop's mean).",
            "oneOf": [
                { "type": "integer", "minimum": 0, "maximum": 255 },
                { "const": DONT_KNOW },
                { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 255, "not": { "type": "integer" } }
            ]
        })
    }
}

mod dont_know {
    pub(crate) fn serialize<S: serde::Serializer>(s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(super::DONT_KNOW)
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        let text = <String as serde::Deserialize>::deserialize(d)?;
        if text == super::DONT_KNOW { Ok(()) } else { Err(serde::de::Error::custom("expected \"dont_know\"")) }
    }
}

/// The answer to one business-context question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ContextValue {
    Number(i64),
    /// "dont_know", where the question allows it (`allow_dont_know`).
    #[serde(with = "dont_know")]
    DontKnow,
    Text(String),
    List(Vec<String>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// The older questionnaire version the answers were written against; `None` for answers
    /// to the current questionnaire.
    pub version: Option<u32>,
    /// Who answered, from the `[respondent]` table.
    pub respondent: Respondent,
    pub context: BTreeMap<Text, ContextValue>,
    pub readiness: BTreeMap<Text, Answer>,
    /// Where some of several respondents did not know (a workshop's combined answers): the
    /// answer with their unknowns at the question's top level, the top of the range they leave
    /// open. Empty for one respondent's answers, whose unknowns are "don't know" themselves.
    pub upper: BTreeMap<Text, Answer>,
    /// The note and evidence behind readiness answers, by question id; only answers that
    /// carry one are here.
    pub notes: BTreeMap<Text, Note>,
}

/// Who gave the answers of a file: in a workshop, one of several respondents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Respondent {
    pub name: Option<String>,
    pub role: Option<String>,
}

/// Why a readiness answer is what it is: a remark, and what shows it (a document, a report,
/// a figure). Free text, kept as written (trimmed); every output escapes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Note {
    pub note: Option<String>,
    pub evidence: Option<String>,
}

impl Note {
    pub(crate) fn is_empty(&self) -> bool {
        self.note.is_none() && self.evidence.is_none()
    }
}

impl Answers {
    /// The text answer of the context question with this role, or "" when unanswered.
    pub(crate) fn text_for(&self, fw: &Frameworks, role: ContextRole) -> &str {
        match self.context_for(fw, role) {
            Some(ContextValue::Text(text)) => text,
            _ => "",
        }
    }

    /// The option ids chosen for the context question with this role (one for a choice).
    pub(crate) fn choices_for(&self, fw: &Frameworks, role: ContextRole) -> Vec<&str> {
        match self.context_for(fw, role) {
            Some(ContextValue::Text(choice)) => vec![choice.as_str()],
            Some(ContextValue::List(list)) => list.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    fn context_for(&self, fw: &Frameworks, role: ContextRole) -> Option<&ContextValue> {
        fw.context_with_role(role).and_then(|q| self.context.get(&q.id))
    }

    /// Whether a question added in questionnaire version `since` was put to whoever wrote
    /// these answers.
    pub(crate) fn was_asked(&self, since: u32) -> bool {
        self.version.is_none_or(|version| since <= version)
    }

    /// How many context and readiness questions have an answer.
    pub fn count(&self) -> usize {
        self.context.len() + self.readiness.len()
    }
}
