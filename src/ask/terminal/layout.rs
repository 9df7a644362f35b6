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
        let mut gap = 1 + usize::from(!help.is_empty());
        let used = |heading: &[String], help: &[String], gap: usize, keys: &[String]| {
            heading.len() + help.len() + gap + prompt.len() + reserve + keys.len()
        };
        // Give way in order: the blank lines, the optional keys, the help, the heading.
        while gap > 0 && used(&heading, &help, gap, &keys) + wanted > budget {
            gap -= 1;
        }
        if used(&heading, &help, gap, &keys) + wanted > budget {
            keys = pack(&self.keys.iter().map(esc).collect::<Vec<_>>(), line);
        }
        if used(&heading, &help, gap, &keys) + wanted > budget {
            help.clear();
        }
        if used(&heading, &help, gap, &keys) + wanted.min(3) > budget {
            heading.clear();
        }
        let room = budget.saturating_sub(used(&heading, &help, gap, &keys)).max(1);
        self.last_room = room;
        let blank = || Line::new("", Tone::Plain);
        let mut before: Vec<Line> = Vec::new();
        if gap == 2 || (gap == 1 && help.is_empty()) {
            before.push(blank());
        }
        before.extend(heading.into_iter().map(|h| Line::new(h, Tone::Muted)));
        let help_gap = gap >= 1 && !help.is_empty();
        before.extend(help.into_iter().map(|h| Line::new(h, Tone::Muted)));
        if help_gap {
            before.push(blank());
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
