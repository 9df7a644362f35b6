//! Errors the user can fix (bad input, exit code 2) as opposed to everything else (exit 1),
//! and diagnostics that point at the file, line and column of a problem.
//!
//! Everything here is bounded whatever the input: a diagnostic keeps a window of its line, not
//! the line; text quoted from input is cut short; at most `MAX_DIAGNOSTICS` are kept per
//! error; and no character from input reaches a terminal as a control sequence.

use crate::message::{printable, printable_line};
use std::fmt;

/// Most diagnostics one error keeps and shows; the rest are counted. A file with 100,000
/// problems needs fixing, not reading in full.
pub(crate) const MAX_DIAGNOSTICS: usize = 100;

/// A problem in something the user gave us: an answer file, a frameworks directory, a flag.
/// Carries every problem found (up to `MAX_DIAGNOSTICS`), so one run reports them all.
#[derive(Debug)]
pub struct InputError {
    pub diagnostics: Vec<Diagnostic>,
    /// Problems found beyond those kept.
    pub omitted: usize,
}

impl InputError {
    pub(crate) fn new(mut diagnostics: Vec<Diagnostic>) -> InputError {
        let omitted = diagnostics.len().saturating_sub(MAX_DIAGNOSTICS);
        diagnostics.truncate(MAX_DIAGNOSTICS);
        InputError { diagnostics, omitted }
    }

    /// An input problem with no position, e.g. a missing file or a wrong combination of flags.
    pub(crate) fn message(message: impl Into<String>) -> InputError {
        InputError::new(vec![Diagnostic::new(message)])
    }

    /// How many problems were found, shown or not.
    pub fn count(&self) -> usize {
        self.diagnostics.len() + self.omitted
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
        if self.count() > 1 {
            write!(f, "\n{} problems found", self.count())?;
        }
        if self.omitted > 0 {
            write!(f, "; the first {} are shown", self.diagnostics.len())?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// Collects diagnostics while keeping only the [`MAX_DIAGNOSTICS`] earliest by a sort key
/// (e.g. their byte offset), so memory stays bounded however many problems an input has.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    kept: Vec<(usize, Diagnostic)>,
    omitted: usize,
    /// Once enough are kept, the key at or after which a diagnostic cannot be among the
    /// earliest.
    bar: Option<usize>,
}

impl Problems {
    /// Adds the diagnostic `build` makes, unless enough earlier ones are kept already: then it
    /// is only counted, and not built (locating a problem on a long line has a cost).
    pub(crate) fn push(&mut self, key: usize, build: impl FnOnce() -> Diagnostic) {
        if self.bar.is_some_and(|bar| key >= bar) {
            self.omitted += 1;
            return;
        }
        self.kept.push((key, build()));
        if self.kept.len() >= 2 * MAX_DIAGNOSTICS {
            self.trim();
        }
    }

    /// Adds every problem of `error` after those found so far.
    pub(crate) fn append(&mut self, error: InputError) {
        for d in error.diagnostics {
            self.push(self.len(), || d);
        }
        self.omitted += error.omitted;
    }

    pub(crate) fn len(&self) -> usize {
        self.kept.len() + self.omitted
    }

    fn trim(&mut self) {
        self.kept.sort_by_key(|(key, _)| *key);
        self.omitted += self.kept.len().saturating_sub(MAX_DIAGNOSTICS);
        self.kept.truncate(MAX_DIAGNOSTICS);
        if self.kept.len() == MAX_DIAGNOSTICS {
            self.bar = self.kept.last().map(|(key, _)| *key);
        }
    }

    /// The kept diagnostics in key order, as an error; `None` when there were none.
    pub(crate) fn into_error(mut self) -> Option<InputError> {
        self.trim();
        let omitted = self.omitted;
        (!self.kept.is_empty())
            .then(|| InputError { diagnostics: self.kept.into_iter().map(|(_, d)| d).collect(), omitted })
    }
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// A window of at most `EXCERPT_CHARS` characters of the offending line, and where in
    /// it to underline (1-based character column, characters to underline).
    pub excerpt: String,
    pub caret: usize,
    pub width: usize,
}

/// Longest excerpt of a source line kept with a diagnostic.
const EXCERPT_CHARS: usize = 100;

impl Location {
    /// A location on `line_text` (the whole line), keeping only a window of it around `column`.
    pub(crate) fn on_line(file: &str, line: usize, line_text: &str, column: usize, width: usize) -> Location {
        let column = column.max(1);
        let (excerpt, caret, width) = excerpt(line_text, column, width.max(1));
        Location { file: file.to_string(), line, column, excerpt, caret, width }
    }

    /// Locates a byte range of `text`. Lines and columns count from 1; columns in characters.
    /// Costs a pass over `text`: for many locations in one text, use a [`LineIndex`].
    pub(crate) fn of_span(file: &str, text: &str, span: std::ops::Range<usize>) -> Location {
        LineIndex::new(text).locate(file, span)
    }

    /// Locates the first line of `text` that contains `needle`, for problems found after
    /// deserialization, when serde's spans are gone.
    pub(crate) fn of_text(file: &str, text: &str, needle: &str) -> Option<Location> {
        let start = text.find(needle)?;
        Some(Location::of_span(file, text, start..start + needle.len()))
    }
}

/// The offsets where each line of a text starts, so locating a span costs a binary search
/// rather than a pass over the text (which made many diagnostics quadratic).
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        let newlines = text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1);
        LineIndex { text, starts: std::iter::once(0).chain(newlines).collect() }
    }

    pub(crate) fn locate(&self, file: &str, span: std::ops::Range<usize>) -> Location {
        let text = self.text;
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= start);
        let line_start = self.starts[line - 1];
        let line_end = self.starts.get(line).map_or(text.len(), |next| next - 1);
        let line_text = text[line_start..line_end].trim_end_matches('\r');
        // A span may start past the line's visible text (at a line's "\r" or its end).
        let visible_end = (line_start + line_text.len()).max(start);
        let end = floor_char_boundary(text, span.end.clamp(start, visible_end));
        let column = text[line_start..start].chars().count() + 1;
        // Count at most one excerpt's worth of underlined characters: the rest is cut anyway.
        let width = text[start..end].chars().take(EXCERPT_CHARS + 1).count();
        Location::on_line(file, line, line_text, column, width)
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The part of a long line around `column`, with the column and underline width moved to
/// match, so a minified or absurd line does not flood the terminal or fill memory.
fn excerpt(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    let length = line.chars().count();
    if length <= EXCERPT_CHARS {
        let column = column.min(length + 1);
        return (line.to_string(), column, width.min((length + 1).saturating_sub(column)).max(1));
    }
    let start = column.saturating_sub(EXCERPT_CHARS / 2).min(length - EXCERPT_CHARS);
    let end = start + EXCERPT_CHARS;
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < length { "…" } else { "" };
    let window: String = line.chars().skip(start).take(EXCERPT_CHARS).collect();
    let caret = column - start + usize::from(start > 0);
    let width = width.min(end + 1 - column.min(end)).max(1);
    (format!("{lead}{window}{tail}"), caret, width)
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
    pub(crate) fn new(message: impl Into<String>) -> Diagnostic {
        Diagnostic { message: message.into(), location: None, file: None, help: None }
    }

    pub(crate) fn at(mut self, location: Option<Location>) -> Diagnostic {
        self.location = location;
        self
    }

    pub(crate) fn in_file(mut self, file: &str) -> Diagnostic {
        self.file = Some(file.to_string());
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(self))
    }
}

/// Lays a diagnostic out as rustc and cargo do, through annotate-snippets: the origin
/// (`--> file:line:column`), the excerpt with the problem underlined, then the help.
fn render(d: &Diagnostic) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
    let message = printable(&d.message);
    let title = Level::ERROR.primary_title(message.as_str());
    let mut group = match (&d.location, &d.file) {
        (Some(loc), _) => {
            let (excerpt, span) = excerpt_span(loc);
            let path = printable_line(&loc.file);
            let source = Snippet::source(excerpt).path(path).line_start(loc.line);
            title.element(source.annotation(AnnotationKind::Primary.span(span)))
        }
        (None, Some(file)) => title.element(Origin::path(printable_line(file))),
        (None, None) => Group::with_title(title),
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(printable(help)));
    }
    let shown = Renderer::plain().render(&[group]);
    match &d.location {
        Some(loc) if loc.caret != loc.column => column_in_line(shown, loc),
        _ => shown,
    }
}

/// The renderer numbers columns within the excerpt it is given; for a window of a long line,
/// the origin must give the column in the whole line instead.
fn column_in_line(shown: String, loc: &Location) -> String {
    let at = |column: usize| format!("{}:{}:{column}\n", printable_line(&loc.file), loc.line);
    shown.replacen(&at(loc.caret), &at(loc.column), 1)
}

/// The excerpt made safe to show, and the byte range in it of the underlined characters.
fn excerpt_span(loc: &Location) -> (String, std::ops::Range<usize>) {
    let excerpt = printable_line(&loc.excerpt).into_owned();
    let byte = |chars: usize| excerpt.char_indices().nth(chars).map_or(excerpt.len(), |(i, _)| i);
    let start = byte(loc.caret - 1);
    let end = byte(loc.caret - 1 + loc.width);
    (excerpt, start..end)
}

/// Prints to standard error, ignoring a failure to do so: with standard error closed
/// (`2>&-`, or a pipe whose reader left) there is nobody to tell, and panicking over it would
/// turn an exit code of 2 into 101.
pub(crate) fn eprint_lossy(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
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
        assert_eq!(loc.excerpt, "namé = \"x\"");
        let last = Location::of_span("f.toml", text, text.len()..text.len());
        assert_eq!((last.line, last.column), (3, 5));
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
        let location = Location::of_span("f.toml", &line, at..line.len());
        assert!(location.excerpt.chars().count() <= EXCERPT_CHARS + 2, "the location keeps a window, not the line");
        let shown = Diagnostic::new("too deep").at(Some(location)).to_string();
        assert!(shown.lines().all(|l| l.chars().count() < 130), "{shown}");
        let (source, caret) = (shown.lines().nth(3).unwrap(), shown.lines().nth(4).unwrap());
        let x = source.chars().position(|c| c == 'x').unwrap();
        assert_eq!(caret.chars().position(|c| c == '^').unwrap(), x, "caret under the offending character");
        assert!(
            shown.contains(&format!("--> f.toml:1:{}\n", at + 1)),
            "the column in the line, not the window: {shown}"
        );
    }

    #[test]
    fn at_most_the_earliest_diagnostics_are_kept() {
        let mut problems = Problems::default();
        for key in (0..5_000).rev().chain(5_000..10_000) {
            problems.push(key, || Diagnostic::new(key.to_string()));
        }
        let error = problems.into_error().unwrap();
        assert_eq!((error.diagnostics.len(), error.count()), (MAX_DIAGNOSTICS, 10_000));
        assert_eq!(error.diagnostics[0].message, "0", "the earliest come first");
        assert!(error.to_string().ends_with("10000 problems found; the first 100 are shown"));
    }
}
