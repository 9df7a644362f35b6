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

mod edit;
mod parse;
mod write;

pub use edit::update;
pub use parse::{Completeness, parse};
pub use write::{render, render_template};

use crate::frameworks::{ContextRole, Frameworks, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The spelling of "don't know" in answer files.
pub const DONT_KNOW: &str = "dont_know";

/// The answer to one readiness question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Level(u8),
    #[serde(with = "dont_know")]
    DontKnow,
}

impl schemars::JsonSchema for Answer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A level index (0 is the weakest description) or \"dont_know\".",
            "oneOf": [{ "type": "integer", "minimum": 0, "maximum": 255 }, { "const": DONT_KNOW }]
        })
    }
}

mod dont_know {
    pub fn serialize<S: serde::Serializer>(s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(super::DONT_KNOW)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<(), D::Error> {
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
    pub context: BTreeMap<Text, ContextValue>,
    pub readiness: BTreeMap<Text, Answer>,
}

impl Answers {
    /// The text answer of the context question with this role, or "" when unanswered.
    pub fn text_for(&self, fw: &Frameworks, role: ContextRole) -> &str {
        match self.context_for(fw, role) {
            Some(ContextValue::Text(text)) => text,
            _ => "",
        }
    }

    /// The option ids chosen for the context question with this role (one for a choice).
    pub fn choices_for(&self, fw: &Frameworks, role: ContextRole) -> Vec<&str> {
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
    pub fn was_asked(&self, since: u32) -> bool {
        self.version.is_none_or(|version| since <= version)
    }

    /// How many context and readiness questions have an answer.
    pub fn count(&self) -> usize {
        self.context.len() + self.readiness.len()
    }
}
