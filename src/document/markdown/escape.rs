//! The one place document text becomes Markdown or Mermaid source: whatever a string holds, it
//! renders as the same literal text on GitHub, in pandoc and in markdownlint's parser.

use crate::document::Span;
use crate::inert::is_unsafe_char;

/// Characters that start or end inline markup in CommonMark, a GitHub extension (tables,
/// strikethrough, math) or pandoc (attributes); each is backslash-escaped.
const MARKUP: &[char] = &['\\', '`', '*', '_', '[', ']', '|', '~', '$', '#', '{', '}'];

/// An invisible character that keeps GitHub from reading `@name` as a mention, `:name:` as
/// an emoji or `http://` as a link: those are found in the rendered text, after escapes are
/// gone, so only a character between them prevents it.
const JOINER: char = '\u{2060}';

/// Text escaped for inline Markdown: markup characters backslash-escaped, HTML entity-encoded,
/// mentions, emoji codes and links broken, line breaks and tabs flattened, controls,
/// bidirectional overrides and invisible characters replaced.
pub(crate) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    // Most text is letters, digits, single spaces and punctuation no rule names, so it is
    // copied a run at a time rather than a character at a time.
    while let Some(at) = first_to_escape(rest) {
        out.push_str(&rest[..at]);
        rest = escape_first(&mut out, &rest[at..]);
    }
    out.push_str(rest);
    out
}

/// Characters with a rule of their own besides the markup characters: the starts of entities
/// and HTML, and the characters of links, mentions and emoji codes.
const RULED: &[char] = &['&', '<', '>', '.', '@', ':'];

/// The bytes [`escape_first`] writes as they are, whatever surrounds them: visible ASCII that
/// is neither markup nor ruled. Space is not among them: a run of white space collapses.
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut byte = b'!';
    while byte <= b'~' {
        plain[byte as usize] = true;
        byte += 1;
    }
    let mut i = 0;
    while i < MARKUP.len() {
        plain[MARKUP[i] as usize] = false;
        i += 1;
    }
    let mut i = 0;
    while i < RULED.len() {
        plain[RULED[i] as usize] = false;
        i += 1;
    }
    plain
};

/// The first byte the fast path cannot copy: one not in [`PLAIN`] (a rule may escape it), or
/// a space followed by white space (the run collapses). Only ASCII is plain, so this is
/// always a character boundary.
fn first_to_escape(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find(|&i| match bytes[i] {
        b' ' => matches!(bytes.get(i + 1), Some(b' ' | b'\n' | b'\r' | b'\t')),
        byte => !PLAIN[usize::from(byte)],
    })
}

/// Writes the first character of `text` escaped, and returns the text after it.
fn escape_first<'a>(out: &mut String, text: &'a str) -> &'a str {
    let mut chars = text.chars();
    let Some(c) = chars.next() else { return text };
    let next = chars.clone().next();
    match c {
        // A space run would be kept by Markdown only to end a line with a hard break.
        ' ' | '\n' | '\r' | '\t' => {
            out.push(' ');
            return chars.as_str().trim_start_matches([' ', '\n', '\r', '\t']);
        }
        c if c.is_ascii_alphanumeric() => out.push(c),
        // Only `&` before a name or `#` could start an entity.
        '&' if next.is_some_and(|n| n.is_alphanumeric() || n == '#') => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '.' if out.len() >= 3 && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www") => out.push_str("\\."),
        '@' => out.extend(['@', JOINER]),
        ':' if next.is_some_and(|n| n.is_alphanumeric() || n == '/') => out.extend([':', JOINER]),
        c if MARKUP.contains(&c) => {
            out.push('\\');
            out.push(c);
        }
        // Controls, bidi overrides and invisible characters: what a terminal showing the
        // Markdown would obey or hide.
        c if is_unsafe_char(c) => out.push('\u{FFFD}'),
        c => out.push(c),
    }
    chars.as_str()
}

/// Spans as inline Markdown, strong ones in `**`, with the whitespace a strong run starts or
/// ends with kept outside its markers (CommonMark would not read them as strong otherwise).
pub(crate) fn spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        let mut text = inline(&span.text);
        if out.ends_with(' ') && text.starts_with(' ') {
            text = text.trim_start().to_string();
        }
        let trimmed = text.trim();
        if !span.strong || trimmed.is_empty() {
            out.push_str(&text);
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let tail = &text[text.trim_end().len()..];
        out.push_str(&format!("{lead}**{trimmed}**{tail}"));
    }
    out
}

/// Inline Markdown for the start of a line (a paragraph, list item or quote): leading space
/// dropped, and a list, heading, quote or break marker at the start escaped.
pub(crate) fn line_start(markdown: String) -> String {
    let text = markdown.trim();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let marker = match text.chars().next() {
        Some('-' | '+' | '=') => Some(0),
        Some(_) if digits > 0 && matches!(text[digits..].chars().next(), Some('.' | ')')) => Some(digits),
        _ => None,
    };
    match marker {
        Some(at) => format!("{}\\{}", &text[..at], &text[at..]),
        None => text.to_string(),
    }
}

/// A heading's text: escaped, and a closing `.`, `,`, `;`, `:` or `!` (or a full-width one) written as a character
/// reference, which reads the same but is not the punctuation markdownlint's MD026 forbids.
pub(crate) fn heading(text: &str) -> String {
    let mut out = line_start(inline(text));
    let last = out.chars().last();
    let (escaped, bare) = match last {
        Some(c @ ('.' | ',' | ';' | ':' | '!' | '。' | '，' | '；' | '：' | '！')) => {
            (out.ends_with(&format!("\\{c}")), c)
        }
        _ => return out,
    };
    out.truncate(out.len() - bare.len_utf8() - usize::from(escaped));
    out.push_str(&format!("&#{};", u32::from(bare)));
    out
}

/// Text for a Mermaid label or title: no character that ends a label, starts a comment,
/// directive, entity or HTML, or closes the code fence. Each becomes a look-alike or a space,
/// so the label reads the same; runs of spaces collapse.
pub(crate) fn mermaid(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '"' | '`' => '\'',
            ':' => '∶',
            ';' => ',',
            '#' => '＃',
            '%' => '％',
            '&' => '＆',
            '<' => '‹',
            '>' => '›',
            '\\' => '∖',
            '{' => '(',
            '}' => ')',
            '[' => '(',
            ']' => ')',
            c if c.is_control() => ' ',
            c if is_unsafe_char(c) => '\u{FFFD}',
            c => c,
        })
        .collect();
    let label = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.is_empty() { "…".to_string() } else { label }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_markup_html_links_and_mentions() {
        assert_eq!(inline("A|B *x* <script>&"), "A\\|B \\*x\\* &lt;script&gt;&");
        assert_eq!(inline("&amp; & &#60; Q&A"), "&amp;amp; & &amp;\\#60; Q&amp;A");
        assert_eq!(
            inline("see http://x.io, www.x.io, @team, :smile: or: this"),
            "see http:\u{2060}//x.io, www\\.x.io, @\u{2060}team, :\u{2060}smile: or: this"
        );
        assert_eq!(inline("line\nbreak  \t wide"), "line break wide");
        assert_eq!(inline("a \r\nb\r\n"), "a b ");
        assert_eq!(inline("\r\n a"), " a");
        assert_eq!(inline("$x$ ~~y~~ [z](u)"), "\\$x\\$ \\~\\~y\\~\\~ \\[z\\](u)");
        assert_eq!(inline("a\u{1b}b\u{202e}c\u{200b}d\u{2060}e"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e");
    }

    #[test]
    fn strong_spans_keep_spaces_outside_their_markers() {
        let out = spans(&[Span::plain("Score "), Span::strong(" 62 "), Span::plain("of 100")]);
        assert_eq!(out, "Score **62** of 100");
    }

    #[test]
    fn block_markers_at_line_start_are_escaped() {
        assert_eq!(line_start(inline("- item")), "\\- item");
        assert_eq!(line_start(inline("12. item")), "12\\. item");
        assert_eq!(line_start(inline("12 items")), "12 items");
        assert_eq!(line_start(inline("# title")), "\\# title");
    }

    #[test]
    fn headings_end_without_bare_punctuation() {
        assert_eq!(heading("Fernhill Tea Co."), "Fernhill Tea Co&#46;");
        assert_eq!(heading("Wow!"), "Wow&#33;");
        assert_eq!(heading("Plain"), "Plain");
    }

    #[test]
    fn mermaid_labels_lose_every_syntax_character() {
        assert_eq!(mermaid("a: b; #c %%{init}%% \"q\" <b>&"), "a∶ b, ＃c ％％(init)％％ 'q' ‹b›＆");
        assert_eq!(mermaid(" \n "), "…");
    }

    /// The fast path copies only what escaping a character at a time writes unchanged: any
    /// ASCII character it does not stop at, whatever comes before or after it, is written as
    /// it is, and only it.
    #[test]
    fn what_the_fast_path_copies_is_written_as_it_is() {
        let mut copied = 0;
        for c in (0..=127u8).map(char::from) {
            for before in ["", "www", "a "] {
                for after in (0..=127u8).map(char::from).map(String::from).chain(["\u{e9}".into()]) {
                    let text = format!("{c}{after}");
                    if first_to_escape(&text) == Some(0) {
                        continue;
                    }
                    let mut out = before.to_string();
                    let rest = escape_first(&mut out, &text);
                    assert_eq!((out, rest), (format!("{before}{c}"), after.as_str()), "{c:?} after {before:?}");
                    copied += 1;
                }
            }
        }
        // Letters, digits and plain punctuation before anything, and a space before anything
        // but a space, a line break, a carriage return or a tab.
        assert_eq!(copied, 3 * ((62 + 14) * 129 + 125));
    }

    /// Every character through `escape_first`, one at a time.
    fn one_at_a_time(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while !rest.is_empty() {
            rest = escape_first(&mut out, rest);
        }
        out
    }

    /// Text made of the pieces each rule looks for, so that rules meet often.
    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            "www", "WwW", ".", " ", "  ", "\n", "\r\n", "\t", "&", "&x", "#", ":", "/", "@", "a", "Z9", "\u{e9}",
            "\u{202e}", "\u{200b}", "\u{1b}", "*", "\\", "<", ">", "|", "_", "-", "(", "\"",
        ]);
        proptest::strategy::Strategy::prop_map(proptest::collection::vec(piece, 0..24), |pieces| pieces.concat())
    }

    proptest::proptest! {
        #[test]
        fn runs_escape_as_single_characters_do(text in pieces()) {
            proptest::prop_assert_eq!(inline(&text), one_at_a_time(&text));
        }

        #[test]
        fn any_text_escapes_as_single_characters_do(text in "(?s).{0,40}") {
            proptest::prop_assert_eq!(inline(&text), one_at_a_time(&text));
        }
    }
}
