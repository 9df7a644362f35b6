//! `readiness`: assess how ready a business is to adopt AI marketing technologies.
//!
//! Data flows one way, down layers that `tests/readme/layers.rs` holds every `crate::` path
//! to: the [`frameworks`] (`frameworks/*.toml`, compiled in by `build.rs`) and an answer file
//! ([`answers`]) become one [`assessment::Assessment`] through the pure functions in
//! [`score`]; [`workshop`], `compare` and [`portfolio`] combine, set side by side or tabulate
//! assessments. The builders in [`report`] turn an assessment into a neutral [`document`],
//! which the terminal, Markdown and HTML backends lay out; JSON is the assessment serialized.
//! On top, `app` runs the commands, [`ask`] the live questionnaire, and `output` writes files
//! whole or not at all. Bad input is a [`diagnostic::InputError`] (exit code 2).

pub mod answers;
mod app;
pub mod ask;
pub mod assessment;
mod catalog;
pub mod cli;
pub(crate) mod compare;
pub use readiness_model::date;
pub mod diagnostic;
pub mod document;
pub mod frameworks;
pub mod inert;
pub mod input;
pub(crate) mod message;
pub(crate) mod output;
pub mod portfolio;
pub mod report;
pub(crate) mod schema;
pub mod score;
#[cfg(test)]
mod testing;
pub(crate) mod words;
pub mod workshop;

pub use answers::read_answers;
pub use app::{exit_code, report_error, run};
