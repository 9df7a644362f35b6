//! Fitting text to the terminal: word wrapping, cutting to a width, and keeping control
//! characters from input files off the screen.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `text` takes on a terminal.
pub(crate) fn width(text: &str) -> usize {
    text.width()
}

/// `text` with every unsafe character ([`crate::inert::is_unsafe_char`]) but the line break
/// made visible as U+FFFD, and tabs as spaces, so nothing taken from a file can drive or reorder the terminal.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            '\n' => '\n',
            c if crate::inert::is_unsafe_char(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// `text` broken between words into lines of at most `columns`; a word longer than a line is
/// cut. Line breaks in `text` start new lines, and a line indented by two spaces (a command to
/// copy) is kept whole for the terminal to fold, so a copied command has no line breaks.
pub(crate) fn wrap(text: &str, columns: usize) -> Vec<String> {
    fill(text, columns, ("", ""), true)
}

/// As [`wrap`], with `first` before the first line and `rest` before each later one (a list
/// marker and the hanging indent under it).
pub(crate) fn wrap_hanging(text: &str, columns: usize, first: &str, rest: &str) -> Vec<String> {
    fill(text, columns, (first, rest), false)
}

fn fill(text: &str, columns: usize, (first, rest): (&str, &str), keep_commands: bool) -> Vec<String> {
    let text = clean(text);
    let mut lines = Vec::new();
    let mut line = first.to_string();
    for (n, paragraph) in text.split('\n').enumerate() {
        if n > 0 {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
        }
        if keep_commands && paragraph.starts_with("  ") {
            line.push_str(paragraph);
            continue;
        }
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            let mut word = word;
            while !word.is_empty() {
                let room = columns.saturating_sub(width(&line) + usize::from(!empty));
                if width(word) <= room {
                    if !empty {
                        line.push(' ');
                    }
                    line.push_str(word);
                    empty = false;
                    break;
                }
                if empty {
                    let (head, tail) = split_at_width(word, room.max(1));
                    line.push_str(head);
                    word = tail;
                }
                lines.push(std::mem::replace(&mut line, rest.to_string()));
                empty = true;
            }
        }
    }
    lines.push(line);
    lines
}

/// `text` on one line of at most `columns`, ending in "…" when cut.
pub(crate) fn truncate(text: &str, columns: usize) -> String {
    let text = clean(text).replace('\n', " ");
    if width(&text) <= columns {
        return text;
    }
    let (head, _) = split_at_width(&text, columns.saturating_sub(1));
    format!("{}…", head.trim_end())
}

/// Items joined with " · ", packed onto as few lines of `columns` as fit without breaking an
/// item (key hints: "esc back" must not be split from its key).
pub(crate) fn pack(items: &[impl AsRef<str>], columns: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items.iter().map(AsRef::as_ref) {
        match lines.last_mut() {
            Some(line) if width(line) + 3 + width(item) <= columns => {
                line.push_str(" · ");
                line.push_str(item);
            }
            _ => lines.push(truncate(item, columns)),
        }
    }
    lines
}

/// The longest prefix of `text` at most `columns` wide (at least one character), and the rest.
fn split_at_width(text: &str, columns: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > columns && i > 0 {
            return text.split_at(i);
        }
    }
    (text, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_and_never_past_the_width() {
        let text = "Models amplify errors in their inputs: duplicates, stale records and missing fields.";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text, "no word is cut or lost");
        assert_eq!(lines[0], "Models amplify");
    }

    #[test]
    fn an_indented_command_is_kept_whole() {
        let lines = wrap("Resume with:\n  readiness assess --resume session.toml", 20);
        assert_eq!(lines, ["Resume with:", "  readiness assess --resume session.toml"]);
    }

    #[test]
    fn a_hanging_indent_lines_up_under_the_first_line() {
        let lines = wrap_hanging("one two three four", 10, "› ", "  ");
        assert_eq!(lines, ["› one two", "  three", "  four"]);
    }

    #[test]
    fn words_longer_than_a_line_are_cut_and_wide_characters_counted() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("株式会社", 4), ["株式", "会社"]);
    }

    #[test]
    fn control_characters_never_reach_the_screen() {
        let lines = wrap("Evil\u{1b}[2J Co\u{7}", 40);
        assert_eq!(lines, ["Evil\u{FFFD}[2J Co\u{FFFD}"]);
        assert_eq!(truncate("a\u{1b}]0;x", 40), "a\u{FFFD}]0;x");
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("Customer experience and channels", 12), "Customer ex…");
        assert_eq!(truncate("short", 12), "short");
    }

    #[test]
    fn key_hints_are_packed_without_splitting_one() {
        let lines = pack(&["↑↓ move", "enter choose", "esc back", "ctrl-c save and stop"], 32);
        assert_eq!(lines, ["↑↓ move · enter choose", "esc back · ctrl-c save and stop"]);
    }
}
