//! `readiness`: assess how ready a business is to adopt AI marketing technologies.
//!
//! Data flows one way: the frameworks (`frameworks/*.toml`) and an answer file become an
//! [`assessment::Assessment`] through the pure functions in [`score`], and the renderers in
//! [`report`] turn that one value into a table, Markdown or JSON.

pub mod answers;
mod app;
pub mod ask;
pub mod assessment;
mod catalog;
pub mod cli;
pub(crate) mod compare;
pub mod date;
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
