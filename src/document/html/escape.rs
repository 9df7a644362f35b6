//! The one place document text becomes HTML: element text, attribute values, CSS strings (for
//! the running header) and element ids. Output is also well-formed XML, so a strict parser can
//! check the structure.

use crate::document::layout::is_bidi_override;

/// Text for an element or an attribute value: markup characters as entities, controls,
/// bidirectional overrides and non-characters replaced, line breaks flattened.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
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
    out
}

/// A CSS string literal, quotes included, safe inside a `<style>` element: no character can
/// end the string, the rule or the element.
pub fn css_string(text: &str) -> String {
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
pub fn id(anchor: &str) -> String {
    anchor.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect()
}

fn replaced(c: char) -> bool {
    c.is_control() || is_bidi_override(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
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
}
