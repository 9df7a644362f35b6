//! Making text from answer files and data safe to place in Markdown, tables and charts.

/// Escapes text for a Markdown paragraph or table cell: CommonMark punctuation is
/// backslash-escaped, HTML is entity-encoded, and line breaks and control characters are
/// flattened, so no input can break a table row or inject markup.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.' | '!' | '|' | '~'
            | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A label Mermaid accepts inside a gantt task or section: no characters that end a task
/// name or start a comment or directive.
pub fn mermaid_label(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if matches!(c, ':' | ';' | '#' | '%' | '\n' | '\r') || c.is_control() { ' ' } else { c })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text for the terminal: control characters other than line breaks (including the ESC of
/// ANSI sequences) are replaced, so no input can drive the terminal.
pub fn terminal(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\n' { '\u{FFFD}' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breakers_and_html() {
        assert_eq!(markdown_escape("A|B *x* <script>"), "A\\|B \\*x\\* &lt;script&gt;");
        assert_eq!(markdown_escape("line\nbreak"), "line break");
    }

    #[test]
    fn mermaid_labels_lose_separators() {
        assert_eq!(mermaid_label("a: b; #c %%d"), "a b c d");
    }
}
