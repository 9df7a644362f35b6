//! Making text from answer files and data safe to place in Markdown, tables and charts.

/// Escapes text for a Markdown paragraph or table cell: inline markup characters are
/// backslash-escaped, HTML is entity-encoded, a leading block marker (`#`, `-`, `1.`) is
/// neutralised, and line breaks and control characters are flattened, so no input can break
/// a table row, start a block or inject markup.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    escape_block_marker(out)
}

/// Escapes what would make the text start a heading, list or thematic break.
fn escape_block_marker(text: String) -> String {
    let trimmed = text.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let marker = match trimmed.chars().next() {
        Some('#' | '-' | '+' | '=') => Some(0),
        Some(_) if digits > 0 && matches!(trimmed[digits..].chars().next(), Some('.' | ')')) => Some(digits),
        _ => None,
    };
    match marker {
        Some(at) => {
            let at = text.len() - trimmed.len() + at;
            format!("{}\\{}", &text[..at], &text[at..])
        }
        None => text,
    }
}

/// Text for the terminal, with control characters replaced: see [`crate::error::printable`].
pub use crate::error::printable as terminal;

/// One Markdown table row: the cells (already escaped) on one line.
pub fn markdown_row(out: &mut String, cells: &[String]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(cell);
        out.push_str(" |");
    }
    out.push('\n');
}

/// A Markdown table header: the escaped titles and the delimiter row.
pub fn markdown_header(out: &mut String, titles: &[&str]) {
    markdown_row(out, &titles.iter().map(|t| markdown_escape(t)).collect::<Vec<_>>());
    markdown_row(out, &titles.iter().map(|_| "---".to_string()).collect::<Vec<_>>());
}

/// A comfy-table table in the house style, fitted to `width` columns or, with `None`, to the
/// terminal it is printed on.
pub fn new_table(header: &[&str], width: Option<u16>) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    if let Some(width) = width {
        table.set_width(width);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breakers_and_html() {
        assert_eq!(markdown_escape("A|B *x* <script>"), "A\\|B \\*x\\* &lt;script&gt;");
        assert_eq!(markdown_escape("line\nbreak"), "line break");
        assert_eq!(markdown_escape("2026-11-25 (v1.0)"), "2026-11-25 (v1.0)");
    }

    #[test]
    fn leading_block_markers_are_neutralised() {
        assert_eq!(markdown_escape("# Heading"), "\\# Heading");
        assert_eq!(markdown_escape("- item"), "\\- item");
        assert_eq!(markdown_escape("12. item"), "12\\. item");
        assert_eq!(markdown_escape("12 items"), "12 items");
    }
}
