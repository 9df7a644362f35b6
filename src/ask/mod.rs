//! The interactive questionnaire a consultant runs live with a client. The flow (order,
//! skipping what is answered, going back, review, autosave) is in `flow` and talks to the
//! person through the [`Prompter`] trait; `terminal` implements it for a full-screen terminal
//! and `dumb_terminal` for a dumb one (line by line, no colour, no cursor movement). `session` runs
//! it for `readiness assess`: which session file, the introduction, what to print on a stop,
//! and the hand-over of the report at the end; `workshop` runs it once per respondent of a
//! workshop.

mod dumb_terminal;
mod flow;
mod handover;
mod intro;
mod session;
mod session_file;
mod signals;
mod terminal;
mod workshop;
mod wrap;

use crate::frameworks::AskText;

pub use flow::{Outcome, run};
pub(crate) use handover::{hand_over, recap, report_file, write_report_file};
pub(crate) use session::interview;
pub(crate) use workshop::{WorkshopEnd, run_workshop};

/// The terminal's width in columns (80 when it cannot be told).
fn columns() -> usize {
    terminal::size().0
}

/// Whether the terminal can move its cursor (not a dumb one, and not a file or pipe).
fn full_screen() -> bool {
    use std::io::IsTerminal;
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    !dumb && std::io::stderr().is_terminal()
}

/// Prints `text` to standard error, wrapped to the terminal's width.
fn tell(text: &str) {
    for line in wrap::wrap(text, columns() - 1) {
        eprintln!("{line}");
    }
}

/// A template of `[ask]` in `report.toml` filled. Where [`crate::words::fill`] would leave the
/// sentence out (a value missing or empty, which the questionnaire's values never are) it is
/// empty, never half-filled.
fn say(template: &str, values: &[(&str, &str)]) -> String {
    crate::words::fill(template, values).unwrap_or_default()
}

/// [`say`] with values made for it.
fn say_owned(template: &str, values: &[(&str, String)]) -> String {
    let values: Vec<(&str, &str)> = values.iter().map(|(name, value)| (*name, value.as_str())).collect();
    say(template, &values)
}

/// "Data foundation · question 3 of 42".
fn heading(ask: &Ask, words: &AskText) -> String {
    let (position, total) = (ask.position.to_string(), ask.total.to_string());
    say(&words.question_of, &[("section", ask.section), ("position", &position), ("total", &total)])
}

/// What is wrong with a typed text answer, in a sentence for the person; `None` if nothing.
/// The answer file's own check, so what a prompt accepts is what `validate` accepts. A
/// required text is the company's name, one line of a report; a note may run on.
fn text_problem(text: &str, required: bool, words: &AskText) -> Option<String> {
    match text.trim() {
        "" if required => Some(words.empty.to_string()),
        text => crate::answers::free_text_problem(text, required).map(|(problem, help)| match help {
            Some(help) => say(&words.text_problem_help, &[("problem", &problem), ("help", &help)]),
            None => say(&words.text_problem, &[("problem", &problem)]),
        }),
    }
}

/// What the person did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    Answer(T),
    /// Esc: return to the previous question.
    Back,
    /// Ctrl-C: stop, keeping every answer given.
    Interrupt,
}

impl<T> Reply<T> {
    pub(crate) fn map<U>(self, f: impl FnOnce(T) -> U) -> Reply<U> {
        match self {
            Reply::Answer(v) => Reply::Answer(f(v)),
            Reply::Back => Reply::Back,
            Reply::Interrupt => Reply::Interrupt,
        }
    }
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

/// One option of a list: what to type for it in a plain terminal, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub key: String,
    pub label: String,
}

/// A number question's bounds, and whether "don't know" is an answer.
#[derive(Debug, Clone, Copy)]
pub struct NumberRange {
    pub min: i64,
    pub max: i64,
    pub dont_know: bool,
}

impl NumberRange {
    /// "1 to 250", with ", or ? for don't know" where that is an answer.
    pub(crate) fn words(&self, words: &AskText) -> String {
        let range = say(&words.number_range, &[("min", &self.min.to_string()), ("max", &self.max.to_string())]);
        if self.dont_know { range + &words.or_dont_know } else { range }
    }

    /// The number typed (spaces around it allowed), `None` for "?" where "don't know" is an
    /// answer, or what is wrong with the text.
    pub(crate) fn read(&self, text: &str, words: &AskText) -> Result<Option<i64>, String> {
        let text = text.trim();
        if self.dont_know && text == "?" {
            return Ok(None);
        }
        match text.parse::<i64>() {
            Ok(n) if (self.min..=self.max).contains(&n) => Ok(Some(n)),
            _ => Err(say(&words.number_problem, &[("range", &self.words(words))])),
        }
    }
}

/// The review screen: one line per question, a summary, and the line to start on.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub lines: Vec<ReviewLine>,
    /// Answered, don't know and confidence, in words.
    pub summary: String,
    /// `None` starts on "Score these answers"; `Some(i)` on line `i` (the one just changed).
    pub cursor: Option<usize>,
}

/// One line of the review screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewLine {
    pub number: usize,
    pub section: String,
    pub question: String,
    pub answer: String,
}

/// The ways the questionnaire asks; implemented by the terminal, a dumb terminal and, in
/// tests, by a script.
pub trait Prompter {
    /// Shows a message (the introduction, a section heading).
    fn say(&mut self, text: &str);
    /// How to go back and how to stop here, for the introduction.
    fn back_and_stop<'w>(&self, words: &'w AskText) -> &'w str {
        &words.full_screen.back_and_stop
    }
    /// One of `options`; the index chosen.
    fn choose(&mut self, ask: &Ask, options: &[Choice], default: Option<usize>) -> anyhow::Result<Reply<usize>>;
    /// Any of `options` (at least one when `required`); the indices chosen.
    fn choose_many(
        &mut self,
        ask: &Ask,
        options: &[Choice],
        defaults: &[usize],
        required: bool,
    ) -> anyhow::Result<Reply<Vec<usize>>>;
    /// A whole number within the range; `None` is "don't know" (only when the range allows
    /// it). `default` is the current answer in the same form.
    fn number(
        &mut self,
        ask: &Ask,
        range: NumberRange,
        default: Option<Option<i64>>,
    ) -> anyhow::Result<Reply<Option<i64>>>;
    /// Free text, not empty when `required`.
    fn text(&mut self, ask: &Ask, default: Option<&str>, required: bool) -> anyhow::Result<Reply<String>>;
    /// The review screen: `None` to score the answers, `Some(i)` to change line `i`.
    fn review(&mut self, review: &Review) -> anyhow::Result<Reply<Option<usize>>>;
    /// A decision outside the questions (continue an earlier session? write the report?):
    /// `message`, then one of `options`, starting on the first.
    fn menu(&mut self, message: &str, options: &[String]) -> anyhow::Result<Reply<usize>>;
}
