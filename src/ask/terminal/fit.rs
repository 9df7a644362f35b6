//! Fitting a prompt to the window before inquire draws it: inquire cuts nothing and pages by
//! a count of options, so the text is wrapped here and the page is the number of the tallest
//! options that fit under the question and above its help.

use super::super::wrap::{pack, truncate, width, wrap_hanging};
use super::super::{Choice, Review, say};
use crate::frameworks::AskText;

/// The terminal's size in columns and rows, never smaller than what a prompt needs; 80 × 24
/// when the terminal does not say (a serial line, a pty nobody sized).
pub(crate) fn size() -> (usize, usize) {
    match crossterm::terminal::size() {
        Ok((columns, rows)) if columns > 0 && rows > 0 => (usize::from(columns).max(20), usize::from(rows).max(6)),
        _ => (80, 24),
    }
}

/// Columns before an option's text: the pointer and a space.
const POINTER: usize = 2;

/// A list prompt's text as inquire is to draw it.
pub(crate) struct Fitted {
    pub message: String,
    pub help: String,
    /// Each option wrapped, continuation lines indented under its label.
    pub options: Vec<String>,
    /// What the record of the answer says for each option.
    answers: Vec<String>,
    pub page: usize,
}

impl Fitted {
    /// `choices` under `message`, numbered where their key is a number, `lead` columns in
    /// (the pointer, and a checkbox in a multi-choice list).
    pub(crate) fn new(message: &str, help: &str, keys: &[&str], choices: &[Choice], lead: usize) -> Fitted {
        let (columns, _) = size();
        let line = columns - 1 - lead;
        let mut options = Vec::new();
        let mut answers = Vec::new();
        for choice in choices {
            let number = if choice.key.chars().all(|c| c.is_ascii_digit()) {
                format!("{} · ", choice.key)
            } else {
                String::new()
            };
            let hang = " ".repeat(lead + width(&number));
            let text = format!("{number}{}", choice.label);
            options.push(wrap_hanging(&text, line, "", &hang).join("\n"));
            answers.push(text);
        }
        Fitted::paged(message, help_block(help, keys), options, answers)
    }

    fn paged(message: &str, help: String, options: Vec<String>, answers: Vec<String>) -> Fitted {
        let (_, rows) = size();
        let message = wrap_block(message);
        // One row for the typed filter if it wraps, one for the cursor below the frame.
        let used = message.lines().count() + help.lines().count() + 2;
        let tallest = options.iter().map(|o| o.lines().count()).max().unwrap_or(1).max(1);
        let page = (rows.saturating_sub(used) / tallest).max(1);
        Fitted { message, help, options, answers, page }
    }

    pub(crate) fn answer(&self, i: usize) -> String {
        self.answers.get(i).cloned().unwrap_or_default()
    }
}

/// `text` wrapped to the window after inquire's "? " on its first line.
pub(crate) fn wrap_block(text: &str) -> String {
    let (columns, _) = size();
    let mut lines = wrap_hanging(text, columns - 1, "  ", "");
    lines[0] = lines[0].split_off(2);
    lines.join("\n")
}

/// Help wrapped, then the key hints packed so no hint is split, inside the brackets inquire
/// puts around the help.
pub(crate) fn help_block(help: &str, keys: &[&str]) -> String {
    let (columns, _) = size();
    let mut lines = if help.is_empty() { Vec::new() } else { wrap_hanging(help, columns - 3, "", "") };
    lines.extend(pack(keys, columns - 3));
    lines.join("\n")
}

/// The review screen: "Score these answers", then two lines per question (its number and
/// text, then the answer), each cut to the width so the page is exact.
pub(crate) fn review(review: &Review, words: &AskText, keys: &[&str]) -> Fitted {
    let (columns, _) = size();
    let line = columns - 1 - POINTER;
    let own = &words.full_screen;
    let mut options = vec![own.review_score.to_string()];
    let mut answers = vec![own.scored.to_string()];
    for l in &review.lines {
        let question = truncate(&format!("{:>2} {} · {}", l.number, l.section, l.question), line);
        let answer = truncate(&format!("   → {}", l.answer), line);
        options.push(format!("{question}\n  {answer}"));
        answers.push(say(&own.change, &[("number", &l.number.to_string()), ("question", &l.question)]));
    }
    let summary = say(&words.review, &[("summary", &review.summary)]);
    let message = format!("{}\n{summary}", own.review_pick);
    Fitted::paged(&message, help_block("", keys), options, answers)
}

/// Scrolls what is on screen into the scrollback and moves to the top, so a screen drawn next
/// (the review) starts on the first row; nothing printed before is lost.
pub(crate) fn to_the_top() {
    use std::io::Write;
    let (_, rows) = size();
    let mut out = std::io::stderr().lock();
    let _ = write!(out, "{}", "\n".repeat(rows));
    let _ = crossterm::execute!(out, crossterm::cursor::MoveTo(0, 0));
}
