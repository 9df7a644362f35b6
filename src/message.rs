//! Text from input as it may appear in a message: made safe for the terminal, quoted and cut
//! short, numbers readable, parser wording in the user's words, and "did you mean".

use crate::inert::is_unsafe_char;

/// Text for a terminal: every unsafe character (see [`is_unsafe_char`]) other than line
/// breaks and tabs becomes U+FFFD, so text taken from input files can never drive the
/// terminal, reorder what is shown or hide characters.
pub(crate) fn printable(text: &str) -> String {
    text.chars().map(|c| if is_unsafe_char(c) && c != '\n' && c != '\t' { '\u{FFFD}' } else { c }).collect()
}

/// Like [`printable`], for text that must stay on one line (a file name, a company name):
/// line breaks and tabs are replaced too. Borrowed when there is nothing to replace, as for
/// nearly every cell of a batch.
pub(crate) fn printable_line(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return text.into();
    }
    text.chars().map(|c| if is_unsafe_char(c) { '\u{FFFD}' } else { c }).collect::<String>().into()
}

/// A path for a message: in backticks, with unsafe characters replaced.
pub(crate) fn shown_path(path: &std::path::Path) -> String {
    format!("`{}`", printable_line(&path.display().to_string()))
}

/// Longest piece of input quoted in a message.
const QUOTE_CHARS: usize = 40;

/// Input text quoted in a message: in backticks, on one line, cut to [`QUOTE_CHARS`]
/// characters, so a megabyte key is not echoed in full.
pub(crate) fn quote(text: &str) -> String {
    format!("`{}`", clip(text))
}

/// Input text cut to [`QUOTE_CHARS`] characters on one line, for a message.
pub(crate) fn clip(text: &str) -> String {
    let mut chars = text.chars();
    let shown: String = chars.by_ref().take(QUOTE_CHARS).collect();
    let more = if chars.next().is_some() { "…" } else { "" };
    format!("{}{more}", printable_line(&shown))
}

/// A number for a message: plain when it reads well, else in scientific notation, so a limit
/// or an absurd value never prints as hundreds of digits.
pub(crate) fn number(x: f64) -> String {
    if x == 0.0 || !x.is_finite() || (1e-6..1e15).contains(&x.abs()) { x.to_string() } else { format!("{x:e}") }
}

/// A serde or TOML message in the user's words: Rust type names become ranges, internals
/// ("as i128", "u64 value was too large") become what went wrong, and quoted input is cut short.
pub(crate) fn plain_message(message: &str) -> String {
    let mut text = clip_long(&clip_quoted(message));
    let replacements = [
        (" as i128, expected", " is too large; expected"),
        ("u64 value was too large", "the number is too large (at most 9223372036854775807)"),
        ("expected any valid TOML value", "expected a value"),
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected u16", "expected a whole number from 0 to 65535"),
        ("expected u32", "expected a whole number from 0 to 4294967295"),
        ("expected u64", "expected a whole number from 0"),
        ("expected usize", "expected a whole number from 0"),
        ("expected i32", "expected a whole number from -2147483648 to 2147483647"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
    ];
    for (from, to) in replacements {
        text = text.replace(from, to);
    }
    if message.contains(" as i128") {
        text = text.replace("invalid type: integer", "the number");
    }
    text
}

/// A message with every `quoted` piece of input cut to a readable length.
fn clip_quoted(message: &str) -> String {
    let parts: Vec<&str> = message.split('`').collect();
    if parts.len() < 3 {
        return message.to_string();
    }
    let quoted = |i: usize, part: &str| if i % 2 == 1 && i < parts.len() - 1 { clip(part) } else { part.to_string() };
    parts.iter().enumerate().map(|(i, part)| quoted(i, part)).collect::<Vec<_>>().join("`")
}

/// Longest message kept whole from a parser.
const MESSAGE_CHARS: usize = 300;

fn clip_long(message: &str) -> String {
    if message.chars().count() <= MESSAGE_CHARS {
        return message.to_string();
    }
    format!("{}…", message.chars().take(MESSAGE_CHARS).collect::<String>())
}

/// Longest word checked for a "did you mean": ids are short, and comparing a huge word
/// costs time in proportion to its length.
const SUGGEST_MAX_CHARS: usize = 64;

/// The closest of `candidates` to `word`, if close enough to be a plausible typo.
pub(crate) fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    if word.len() > 4 * SUGGEST_MAX_CHARS || word.chars().count() > SUGGEST_MAX_CHARS {
        return None;
    }
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bidi_and_invisible_characters_never_reach_the_terminal() {
        assert_eq!(printable("a\u{1b}[31mb\u{7}"), "a\u{FFFD}[31mb\u{FFFD}");
        assert_eq!(printable("csi\u{9b}2J"), "csi\u{FFFD}2J", "C1 controls start sequences too");
        for c in ['\u{202E}', '\u{2066}', '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{2028}', '\u{E0041}'] {
            assert_eq!(printable(&format!("a{c}b")), "a\u{FFFD}b", "U+{:04X}", c as u32);
        }
        assert_eq!(printable("two\nlines\tok"), "two\nlines\tok");
        assert_eq!(printable_line("two\nlines"), "two\u{FFFD}lines");
        assert_eq!(printable("Théières 株式会社"), "Théières 株式会社");
    }

    #[test]
    fn quoted_input_is_short_and_numbers_are_readable() {
        assert_eq!(quote(&"k".repeat(1_000_000)), format!("`{}…`", "k".repeat(40)));
        assert_eq!(quote("a\nb"), "`a\u{FFFD}b`");
        assert_eq!(number(f64::MIN_POSITIVE), "2.2250738585072014e-308");
        assert_eq!(number(1e300), "1e300");
        assert_eq!((number(0.25), number(100.0), number(f64::NAN)), ("0.25".into(), "100".into(), "NaN".into()));
    }

    #[test]
    fn parser_messages_speak_of_numbers_not_rust_types() {
        let huge = "invalid type: integer `99999999999999999999` as i128, expected u8";
        assert_eq!(
            plain_message(huge),
            "the number `99999999999999999999` is too large; expected a whole number from 0 to 255"
        );
        assert!(!plain_message("u64 value was too large").contains("u64"));
        let key = format!("unknown field `{}`, expected `context` or `answers`", "k".repeat(100_000));
        let plain = plain_message(&key);
        assert!(plain.len() < 200 && plain.ends_with("expected `context` or `answers`"), "{plain}");
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        assert_eq!(did_you_mean("data_qualty", ["data_quality", "budget"]).unwrap(), "did you mean `data_quality`?");
        assert!(did_you_mean("zzz", ["data_quality", "budget"]).is_none());
        assert!(did_you_mean(&"data_quality".repeat(1000), ["data_quality"]).is_none());
    }
}
