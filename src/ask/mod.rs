//! The interactive questionnaire a consultant runs live with a client. The flow (order,
//! skipping what is answered, going back, review, autosave) is in `flow` and talks to the
//! person through the [`Prompter`] trait; `terminal` implements it with inquire.

mod flow;
mod session;
mod terminal;

pub use flow::{Outcome, run};
pub use session::interview;

/// What the person did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    Answer(T),
    /// Esc: return to the previous question.
    Back,
    /// Ctrl-C: stop, keeping every answer given.
    Interrupt,
}

/// Where a question sits in the questionnaire, for the header and progress line.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    pub section: &'a str,
    pub position: usize,
    pub total: usize,
    pub prompt: &'a str,
    pub help: &'a str,
}

/// One line of the review screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewLine {
    pub question: String,
    pub answer: String,
}

/// The ways the questionnaire asks; implemented by the terminal and, in tests, by a script.
pub trait Prompter {
    /// Shows a message (the introduction, a section heading).
    fn say(&mut self, text: &str);
    /// One of `options`; the index chosen.
    fn choose(&mut self, ask: &Ask, options: &[String], default: Option<usize>) -> anyhow::Result<Reply<usize>>;
    /// Any of `options` (at least one when `required`); the indices chosen.
    fn choose_many(
        &mut self,
        ask: &Ask,
        options: &[String],
        defaults: &[usize],
        required: bool,
    ) -> anyhow::Result<Reply<Vec<usize>>>;
    /// A whole number within `min..=max`.
    fn number(&mut self, ask: &Ask, min: i64, max: i64, default: Option<i64>) -> anyhow::Result<Reply<i64>>;
    /// Free text, not empty when `required`.
    fn text(&mut self, ask: &Ask, default: Option<&str>, required: bool) -> anyhow::Result<Reply<String>>;
    /// The review screen: `None` to score the answers, `Some(i)` to change line `i`.
    fn review(&mut self, lines: &[ReviewLine]) -> anyhow::Result<Reply<Option<usize>>>;
}
