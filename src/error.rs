//! Errors the user can fix (bad input, exit code 2) as opposed to everything else (exit 1),
//! and diagnostics that point at the file, line and column of a problem.

use std::fmt;

/// A problem in something the user gave us: an answer file, a frameworks directory, a flag.
/// Carries every problem found, so one run reports them all.
#[derive(Debug)]
pub struct InputError {
    pub diagnostics: Vec<Diagnostic>,
}

impl InputError {
    pub fn new(diagnostics: Vec<Diagnostic>) -> InputError {
        InputError { diagnostics }
    }

    /// An input problem with no position, e.g. a missing file or a wrong combination of flags.
    pub fn message(message: impl Into<String>) -> InputError {
        InputError::new(vec![Diagnostic::new(message)])
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        if self.diagnostics.len() > 1 {
            write!(f, "\n{} problems found", self.diagnostics.len())?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The text of the offending line and how many characters of it to underline.
    pub source_line: String,
    pub width: usize,
}

impl Location {
    /// Locates a byte range of `text`. Lines and columns count from 1; columns in characters.
    pub fn of_span(file: &str, text: &str, span: std::ops::Range<usize>) -> Location {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let source_line = text[line_start..line_end].trim_end_matches('\r').to_string();
        let column = text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(text, span.end.clamp(start, line_end));
        Location {
            file: file.to_string(),
            line: text[..start].matches('\n').count() + 1,
            column,
            width: text[start..end].chars().count().max(1),
            source_line,
        }
    }

    /// Locates the first line of `text` that contains `needle`, for problems found after
    /// deserialization, when serde's spans are gone.
    pub fn of_text(file: &str, text: &str, needle: &str) -> Option<Location> {
        let start = text.find(needle)?;
        Some(Location::of_span(file, text, start..start + needle.len()))
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub location: Option<Location>,
    /// A file name for problems that concern a whole file rather than a line of it.
    pub file: Option<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Diagnostic {
        Diagnostic { message: message.into(), location: None, file: None, help: None }
    }

    pub fn at(mut self, location: Option<Location>) -> Diagnostic {
        self.location = location;
        self
    }

    pub fn in_file(mut self, file: &str) -> Diagnostic {
        self.file = Some(file.to_string());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", printable(&self.message))?;
        if let Some(loc) = &self.location {
            let number = loc.line.to_string();
            let pad = " ".repeat(number.len());
            write!(f, "\n{pad}--> {}:{}:{}", loc.file, loc.line, loc.column)?;
            let (shown, column, width) = excerpt(&loc.source_line, loc.column, loc.width);
            write!(f, "\n{pad} |\n{number} | {}", printable(&shown))?;
            write!(f, "\n{pad} | {}{}", " ".repeat(column - 1), "^".repeat(width))?;
        } else if let Some(file) = &self.file {
            write!(f, "\n  --> {file}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {}", printable(help))?;
        }
        Ok(())
    }
}

/// Longest excerpt of a source line shown under a diagnostic.
const EXCERPT_CHARS: usize = 100;

/// The part of a long line around `column`, with the column and underline width moved to
/// match, so a minified or absurd line does not flood the terminal.
fn excerpt(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= EXCERPT_CHARS {
        return (line.to_string(), column, width);
    }
    let start = column.saturating_sub(EXCERPT_CHARS / 2).min(chars.len().saturating_sub(EXCERPT_CHARS));
    let end = (start + EXCERPT_CHARS).min(chars.len());
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < chars.len() { "…" } else { "" };
    let text = format!("{lead}{}{tail}", chars[start..end].iter().collect::<String>());
    let column = column - start + lead.chars().count();
    (text, column, width.clamp(1, EXCERPT_CHARS))
}

/// Replaces control characters other than line breaks and tabs (including the ESC that starts
/// ANSI sequences) so that text taken from input files can never drive the terminal.
pub fn printable(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{FFFD}' } else { c }).collect()
}

/// The closest of `candidates` to `word`, if close enough to be a plausible typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

/// The process exit code for an error: 2 for input the user can fix, 1 for anything else.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if error.chain().any(|e| e.is::<InputError>() || e.is::<clap::Error>()) { 2 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_and_character_columns() {
        let text = "a = 1\r\nnamé = \"x\"\nlast";
        let at = text.find('"').unwrap();
        let loc = Location::of_span("f.toml", text, at..at + 3);
        assert_eq!((loc.line, loc.column, loc.width), (2, 8, 3));
        assert_eq!(loc.source_line, "namé = \"x\"");
    }

    #[test]
    fn rendering_shows_file_line_caret_and_help() {
        let text = "[answers]\ndata_qualty = 3\n";
        let d = Diagnostic::new("unknown question `data_qualty`")
            .at(Location::of_text("acme.toml", text, "data_qualty"))
            .help("did you mean `data_quality`?");
        let shown = d.to_string();
        assert!(shown.contains("--> acme.toml:2:1"), "{shown}");
        assert!(shown.contains("2 | data_qualty = 3"), "{shown}");
        assert!(shown.contains("  | ^^^^^^^^^^^\n"), "{shown}");
        assert!(shown.ends_with("did you mean `data_quality`?"), "{shown}");
    }

    #[test]
    fn long_lines_are_cut_to_a_window_around_the_problem() {
        let line = format!("company = {}x{}", "[".repeat(5000), "]".repeat(5000));
        let at = line.find('x').unwrap();
        let d = Diagnostic::new("too deep").at(Some(Location::of_span("f.toml", &line, at..at + 1)));
        let shown = d.to_string();
        assert!(shown.lines().all(|l| l.chars().count() < 130), "{shown}");
        let (source, caret) = (shown.lines().nth(3).unwrap(), shown.lines().nth(4).unwrap());
        let x = source.chars().position(|c| c == 'x').unwrap();
        assert_eq!(caret.chars().position(|c| c == '^').unwrap(), x, "caret under the offending character");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(printable("a\u{1b}[31mb\u{7}"), "a\u{FFFD}[31mb\u{FFFD}");
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        assert_eq!(did_you_mean("data_qualty", ["data_quality", "budget"]).unwrap(), "did you mean `data_quality`?");
        assert!(did_you_mean("zzz", ["data_quality", "budget"]).is_none());
    }
}
