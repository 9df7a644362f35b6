//! Text for the terminal: the one place document text is made inert, measured, wrapped and
//! painted.

use crate::document::{Span, Tone};
use crate::inert::is_unsafe_char;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Document text made inert: every unsafe character ([`is_unsafe_char`]: controls, bidi,
/// invisible) becomes U+FFFD, so nothing in a document can move the cursor, recolour the
/// screen, reorder what is shown or hide text.
/// Tabs and line breaks become spaces: layout belongs to the backend.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if is_unsafe_char(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Columns the text takes on a terminal, not counting the SGR sequences [`Painter`] adds.
pub(crate) fn width(text: &str) -> usize {
    if text.contains('\u{1b}') {
        UnicodeWidthStr::width(strip_sgr(text).as_str())
    } else {
        UnicodeWidthStr::width(text)
    }
}

/// The text without SGR sequences (`ESC [ … m`).
pub(crate) fn strip_sgr(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The text cut to at most `max` columns, with `…` when something was cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Text padded with spaces to `columns`.
pub(crate) fn pad(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

/// How something is shown when colour is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Plain,
    Strong,
    Title,
    Muted,
    Tone(Tone),
    /// The colour of the n-th series of a chart.
    Series(usize),
}

/// Applies styles as SGR sequences, or not at all when colour is off. Text reaching it is
/// already clean, so these are the only escape sequences in the output.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Painter {
    pub colour: bool,
}

impl Painter {
    pub(crate) fn paint(&self, text: &str, style: Style) -> String {
        let code = match style {
            Style::Plain => return text.to_string(),
            _ if !self.colour || text.is_empty() => return text.to_string(),
            Style::Strong => "1",
            Style::Title => "1;4",
            Style::Muted => "2",
            Style::Tone(Tone::Info) => "36",
            Style::Tone(Tone::Warning) => "33",
            Style::Tone(Tone::Positive) => "32",
            Style::Series(n) => ["34", "33", "35", "36", "32", "31"][n % 6],
        };
        format!("\u{1b}[{code}m{text}\u{1b}[0m")
    }
}

/// A word: one or more pieces (spans that touch without a space), each strong or not.
type Word = Vec<(String, bool)>;

fn words(spans: &[Span]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut open = false; // whether the last word may still grow
    for span in spans {
        let text = clean(&span.text);
        for (i, piece) in text.split(' ').enumerate() {
            if i > 0 {
                open = false;
            }
            if piece.is_empty() {
                continue;
            }
            match words.last_mut() {
                Some(word) if open => word.push((piece.to_string(), span.strong)),
                _ => words.push(vec![(piece.to_string(), span.strong)]),
            }
            open = true;
        }
        open = open && !text.ends_with(' ');
    }
    words
}

/// Spans wrapped to `width` columns: the first line starts with `first`, the others with
/// `rest` (both already clean and painted as wanted). Words longer than a line are cut, so
/// every line fits as long as the prefixes leave room.
pub(crate) fn wrap(spans: &[Span], width: usize, first: &str, rest: &str, painter: Painter) -> Vec<String> {
    let room_after = |prefix: &str| width.saturating_sub(self::width(prefix)).max(1);
    let mut room = room_after(first);
    let mut lines: Vec<Vec<(String, bool)>> = vec![Vec::new()];
    let mut used = 0;
    let new_line = |lines: &mut Vec<Vec<(String, bool)>>, room: &mut usize| {
        lines.push(Vec::new());
        *room = room_after(rest);
    };
    for word in words(spans) {
        let word_width: usize = word.iter().map(|(t, _)| self::width(t)).sum();
        if used > 0 && used + 1 + word_width > room {
            new_line(&mut lines, &mut room);
            used = 0;
        }
        if used > 0 {
            lines.last_mut().expect("a line").push((" ".into(), false));
            used += 1;
        }
        for (piece, strong) in word {
            for chunk in cut(&piece, room_after(rest), room.saturating_sub(used)) {
                let chunk_width = self::width(&chunk);
                if used + chunk_width > room {
                    new_line(&mut lines, &mut room);
                    used = 0;
                }
                lines.last_mut().expect("a line").push((chunk, strong));
                used += chunk_width;
            }
        }
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, pieces)| {
            let body: String = pieces
                .iter()
                .map(|(t, strong)| painter.paint(t, if *strong { Style::Strong } else { Style::Plain }))
                .collect();
            format!("{}{body}", if i == 0 { first } else { rest }).trim_end().to_string()
        })
        .collect()
}

/// A piece split so that no chunk is wider than `room`, the first no wider than `free` unless
/// the piece fits whole on a fresh line.
fn cut(piece: &str, room: usize, free: usize) -> Vec<String> {
    if width(piece) <= free.max(room) {
        return vec![piece.to_string()];
    }
    let mut chunks = vec![String::new()];
    let mut free = free;
    for c in piece.chars() {
        let w = c.width().unwrap_or(0);
        if w > free {
            chunks.push(String::new());
            free = room;
        }
        chunks.last_mut().expect("a chunk").push(c);
        free = free.saturating_sub(w);
    }
    chunks.retain(|c| !c.is_empty());
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_neutralises_controls_bidi_and_zero_width() {
        let hostile = "a\u{1b}[31mb\u{9b}c\u{202e}d\u{200b}e\u{7f}f\u{2066}g\nh";
        assert_eq!(clean(hostile), "a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g h");
    }

    #[test]
    fn wrap_keeps_every_line_within_width_and_indents() {
        let spans = [Span::plain("Alpha beta "), Span::strong("gamma"), Span::plain("-delta epsilonzetaetathetaiota")];
        let painter = Painter { colour: false };
        let lines = wrap(&spans, 12, "- ", "  ", painter);
        assert_eq!(lines, ["- Alpha beta", "  gamma", "  -delta", "  epsilonzet", "  aetathetai", "  ota"]);
        assert!(lines.iter().all(|l| width(l) <= 12));
    }

    #[test]
    fn touching_spans_stay_one_word() {
        let spans = [Span::strong("62"), Span::plain("% of "), Span::strong("all")];
        let lines = wrap(&spans, 80, "", "", Painter { colour: true });
        assert_eq!(lines, ["\u{1b}[1m62\u{1b}[0m% of \u{1b}[1mall\u{1b}[0m"]);
    }

    #[test]
    fn wide_characters_are_measured_as_two_columns() {
        let lines = wrap(&[Span::plain("日本語のテキスト")], 7, "", "", Painter { colour: false });
        assert!(lines.iter().all(|l| width(l) <= 7), "{lines:?}");
        assert_eq!(lines.concat(), "日本語のテキスト");
    }
}
