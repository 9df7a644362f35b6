//! The one place document text becomes HTML: element text, attribute values, CSS strings (for
//! the running header) and element ids. Output is also well-formed XML, so a strict parser can
//! check the structure.

use crate::inert::is_unsafe_char;

/// Text for an element or an attribute value: markup characters as entities, unsafe
/// characters ([`is_unsafe_char`]) and non-characters replaced, line breaks flattened.
pub(crate) fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    // Most text needs nothing, so it is copied a run at a time rather than a character at a
    // time. Only ASCII is kept, so `at` is a character boundary before the end: there is
    // always a character to escape there.
    while let Some(at) = rest.bytes().position(|b| !kept(b)) {
        out.push_str(&rest[..at]);
        let mut chars = rest[at..].chars();
        if let Some(c) = chars.next() {
            escape_char(&mut out, c);
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out
}

/// The ASCII bytes [`escape_char`] writes as they are.
fn kept(byte: u8) -> bool {
    (byte.is_ascii_graphic() || byte == b' ') && !matches!(byte, b'&' | b'<' | b'>' | b'"' | b'\'')
}

/// Writes one character as element or attribute text.
fn escape_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        '\n' | '\r' | '\t' => out.push(' '),
        c if c.is_ascii_graphic() || c == ' ' => out.push(c),
        c if replaced(c) => out.push('\u{FFFD}'),
        c => out.push(c),
    }
}

/// A CSS string literal, quotes included, safe inside a `<style>` element: no character can
/// end the string, the rule or the element.
pub(crate) fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:X} ", u32::from(c))),
            '\n' | '\r' | '\t' => out.push(' '),
            c if replaced(c) => out.push_str("\\FFFD "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An id made from an anchor: letters, digits, `-` and `_` kept, anything else a `-`.
pub(crate) fn id(anchor: &str) -> String {
    anchor.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect()
}

fn replaced(c: char) -> bool {
    is_unsafe_char(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_leaves_no_markup_or_controls() {
        assert_eq!(text("<a href='x'>&\"\u{1b}\u{202e}"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn css_strings_cannot_close_the_string_or_the_style_element() {
        assert_eq!(css_string("A \"B\" </style>\\"), "\"A \\22 B\\22  \\3C /style\\3E \\5C \"");
    }

    #[test]
    fn ids_keep_only_safe_characters() {
        assert_eq!(id("risk register\"><x"), "risk-register---x");
    }

    /// What the fast path copies is what escaping writes unchanged, and nothing else is.
    #[test]
    fn the_fast_path_copies_exactly_what_escaping_keeps() {
        for byte in 0..=127u8 {
            let mut out = String::new();
            escape_char(&mut out, char::from(byte));
            assert_eq!(kept(byte), out == char::from(byte).to_string(), "{byte}");
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_escape_as_single_characters_do(text in "(?s).{0,40}|[a-z &<>\"'\n\t\u{1b}\u{e9}\u{202e}]{0,40}") {
            let mut one_at_a_time = String::new();
            text.chars().for_each(|c| escape_char(&mut one_at_a_time, c));
            proptest::prop_assert_eq!(super::text(&text), one_at_a_time);
        }
    }
}
