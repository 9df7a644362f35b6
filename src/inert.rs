//! The one definition of a character that must not reach a reader as it is, used by every
//! place that shows text from an input: the terminal (messages, tables, prompts), Markdown,
//! HTML, CSV, JSON and the comments of a consensus file. Each backend decides only what to
//! put in its place (U+FFFD, a space, a `\u` escape).

/// Whether a character may not be shown as it is:
/// - controls: C0, DEL and C1 (U+009B is an 8-bit CSI, which starts an escape sequence);
/// - line and paragraph separators;
/// - bidirectional marks, embeddings, overrides and isolates (the "Trojan Source"
///   characters, U+202E among them), which show text in another order than it is stored;
/// - invisible characters: the soft hyphen, zero-width spaces and joiners, word joiner and
///   invisible operators, the byte order mark, interlinear annotations, tag characters
///   (U+E0000 to U+E007F), and the fillers that show as blank (U+115F, U+1160, U+3164,
///   U+FFA0, U+034F, U+17B4, U+17B5, U+180B to U+180F, U+1BCA0 to U+1BCA3).
pub fn is_unsafe_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control() || is_invisible(c)
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{E0000}'..='\u{E007F}')
}

/// Whether an input refuses `c` in a text (an answer file's free text, a typed answer, a
/// frameworks string): every unsafe character, so what is accepted is what is shown; line
/// breaks and tabs only in a `one_line` text. One rule for every input, so a session file the
/// prompts wrote always passes `validate`, and a frameworks string `frameworks check` accepts
/// never needs replacing on screen.
pub(crate) fn is_refused_in_text(c: char, one_line: bool) -> bool {
    is_unsafe_char(c) && (one_line || !matches!(c, '\n' | '\r' | '\t'))
}

/// What an unsafe character is, to name it when it is refused: a line break, a control
/// character (controls, separators and the text-direction characters) or an invisible one.
pub(crate) fn unsafe_kind(c: char) -> &'static str {
    match c {
        '\n' | '\r' => "a line break",
        '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200E}' | '\u{200F}' => "the control character",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "the control character",
        c if c.is_control() => "the control character",
        _ => "the invisible character",
    }
}

/// JSON string content with every unsafe character written as a `\u` escape, so a JSON
/// document read on a terminal cannot drive it, yet reads back as the exact text. (The JSON
/// writer escapes C0 controls, quotes and backslashes itself; this covers the rest.)
pub(crate) fn write_json_fragment<W: std::io::Write + ?Sized>(out: &mut W, fragment: &str) -> std::io::Result<()> {
    let mut rest = fragment;
    while let Some((at, c)) = rest.char_indices().find(|(_, c)| is_unsafe_char(*c)) {
        out.write_all(&rest.as_bytes()[..at])?;
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            write!(out, "\\u{unit:04x}")?;
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.write_all(rest.as_bytes())
}

/// JSON text (or string content) with every unsafe character written as a `\u` escape: see
/// [`write_json_fragment`]. Only inside strings can a JSON text hold anything but ASCII.
pub(crate) fn json_escaped(json: &str) -> String {
    let mut out = Vec::with_capacity(json.len());
    write_json_fragment(&mut out, json).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

/// A TOML basic string on one line, unsafe characters escaped (line breaks, tabs and quotes
/// too): reads back as `text` exactly, and no editor or terminal showing the file is fooled.
pub(crate) fn toml_string(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe_char(c) && u32::from(c) > 0xFFFF => {
                let _ = write!(out, "\\U{:08X}", u32::from(c));
            }
            c if is_unsafe_char(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_invisible_characters_are_unsafe_and_text_is_not() {
        let unsafe_chars = [
            '\u{1b}',
            '\u{7f}',
            '\u{9b}',
            '\u{85}',
            '\u{202E}',
            '\u{2066}',
            '\u{200E}',
            '\u{200B}',
            '\u{00AD}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{3164}',
            '\u{115F}',
            '\u{FFA0}',
            '\u{FEFF}',
            '\u{2028}',
        ];
        for c in unsafe_chars {
            assert!(is_unsafe_char(c), "U+{:04X}", c as u32);
        }
        for c in "Théières Zoë & Søn 株式会社 مرحبا 한국 – “ok” €1".chars() {
            assert!(!is_unsafe_char(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn json_fragments_escape_what_is_unsafe_and_read_back_exactly() {
        let text = "a\u{9b}b\u{202e}c\u{E0041}d\u{3164}é";
        let escaped = json_escaped(text);
        assert_eq!(escaped, "a\\u009bb\\u202ec\\udb40\\udc41d\\u3164é");
        assert_eq!(serde_json::from_str::<String>(&format!("\"{escaped}\"")).unwrap(), text);
    }

    #[test]
    fn quoted_text_reads_back_exactly_and_stays_on_one_line() {
        let hostile =
            "a\"b\\c\nd\re\tf\u{1b}[31mg\u{7}h\u{202E}i\u{2028}j\u{0}k\u{E0041}\u{AD}'''\"\"\"]]\n[answers]\nx = 1";
        let line = format!("x = {}", toml_string(hostile));
        assert!(!line.contains(['\n', '\r', '\u{1b}', '\u{202E}', '\u{2028}', '\u{0}']), "{line}");
        let table: toml::Table = line.parse().unwrap();
        assert_eq!(table["x"].as_str(), Some(hostile));
    }
}
