//! The parts every prompt shares — a heading (section and progress), the help, the question
//! and the key hints — fitted around the prompt's body to the terminal's width and height.
//! When rows are short, the least needed parts give way first so the answers stay visible.

use super::screen::{Frame, Line, Tone};
use crate::ask::wrap::{pack, truncate, width, wrap_hanging};

pub struct Layout {
    pub heading: Option<String>,
    pub help: Option<String>,
    pub prompt: String,
    /// Key hints always shown, and those shown when they fit on the same lines.
    pub keys: Vec<String>,
    pub extra_keys: Vec<String>,
    /// Rows the body had at the last draw (a page, for PageUp and PageDown).
    pub last_room: usize,
    /// Whether a filter is typed, so Esc clears it rather than going back.
    pub filtering: bool,
    /// A blank line above the prompt, unless the text above already ends with one.
    pub space_above: bool,
}

/// The key hint for Esc, and what it says while a filter is typed.
pub const BACK: &str = "esc back";
const CLEAR: &str = "esc clear filter";

impl Layout {
    pub fn new(prompt: impl Into<String>) -> Layout {
        Layout {
            heading: None,
            help: None,
            prompt: prompt.into(),
            keys: Vec::new(),
            extra_keys: Vec::new(),
            last_room: 0,
            filtering: false,
            space_above: true,
        }
    }

    pub fn keys(mut self, keys: &[&str], extra: &[&str]) -> Layout {
        self.keys = keys.iter().map(|k| k.to_string()).collect();
        self.extra_keys = extra.iter().map(|k| k.to_string()).collect();
        self
    }

    /// The fixed parts for a window of `columns` × `rows`, with `typed` shown after the question
    /// and `reserve` rows kept for the body's own lines (a status, a detail). The body gets
    /// `room` rows for its entries; `wanted` is how many it would use.
    pub fn fit(&mut self, columns: usize, rows: usize, typed: &str, reserve: usize, wanted: usize) -> Parts {
        let line = columns - 1;
        let budget = rows - 1;
        let mut prompt = wrap_hanging(&self.prompt, line, "? ", "  ");
        let last = prompt.last_mut().expect("wrap gives a line");
        if width(last) + width(typed) <= line {
            last.push_str(typed);
        } else if !typed.is_empty() {
            prompt.push(format!("  {}", truncate(typed.trim_start(), line - 2)));
        }
        let filtering = self.filtering;
        let esc = |k: &String| if filtering && k == BACK { CLEAR.to_string() } else { k.clone() };
        let all_keys: Vec<String> = self.keys.iter().chain(&self.extra_keys).map(esc).collect();
        let mut keys = pack(&all_keys, line);
        let mut heading = self.heading.as_deref().map(|h| wrap_hanging(h, line, "", "")).unwrap_or_default();
        let mut help = self.help.as_deref().map(|h| wrap_hanging(h, line, "  ", "  ")).unwrap_or_default();
        // Blank lines above the heading and between the help and the question.
        let (mut top, mut middle) = (self.space_above, !help.is_empty());
        let used = |heading: &[String], help: &[String], blanks: usize, keys: &[String]| {
            heading.len() + help.len() + blanks + prompt.len() + reserve + keys.len()
        };
        let short = |heading: &[String], help: &[String], blanks: usize, keys: &[String], wanted: usize| {
            used(heading, help, blanks, keys) + wanted > budget
        };
        // Give way in order: the blank lines, the optional keys, the help, the heading.
        top &= !short(&heading, &help, usize::from(top) + usize::from(middle), &keys, wanted);
        middle &= !short(&heading, &help, usize::from(middle), &keys, wanted);
        if short(&heading, &help, usize::from(middle), &keys, wanted) {
            keys = pack(&self.keys.iter().map(esc).collect::<Vec<_>>(), line);
        }
        if short(&heading, &help, 0, &keys, wanted) {
            help.clear();
        }
        if short(&heading, &help, 0, &keys, wanted.min(3)) {
            heading.clear();
        }
        let blanks = usize::from(top) + usize::from(middle && !help.is_empty());
        let room = budget.saturating_sub(used(&heading, &help, blanks, &keys)).max(1);
        self.last_room = room;
        let blank = || Line::new("", Tone::Plain);
        let mut before: Vec<Line> = Vec::new();
        if top {
            before.push(blank());
        }
        before.extend(heading.into_iter().map(|h| Line::new(h, Tone::Muted)));
        if !help.is_empty() {
            before.extend(help.into_iter().map(|h| Line::new(h, Tone::Muted)));
            if middle {
                before.push(blank());
            }
        }
        let prompt_cursor = (before.len() + prompt.len() - 1, width(prompt.last().expect("a line")));
        before.extend(prompt.into_iter().map(|p| Line::new(p, Tone::Strong)));
        Parts { before, prompt_cursor, room, body: Vec::new(), body_cursor: None, keys }
    }
}

/// A fitted prompt waiting for its body.
pub struct Parts {
    before: Vec<Line>,
    prompt_cursor: (usize, usize),
    /// Rows the body's entries may take.
    pub room: usize,
    pub body: Vec<(String, Tone)>,
    /// Where typing goes, in the body (row, column); else after the question.
    pub body_cursor: Option<(usize, usize)>,
    keys: Vec<String>,
}

impl Parts {
    pub fn into_frame(self) -> Frame {
        let cursor = match self.body_cursor {
            Some((row, column)) => (self.before.len() + row, column),
            None => self.prompt_cursor,
        };
        let mut frame = Frame { lines: self.before, cursor: Some(cursor) };
        for (text, tone) in self.body {
            frame.push(text, tone);
        }
        frame.extend(self.keys, Tone::Muted);
        frame
    }
}
