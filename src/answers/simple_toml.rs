//! Answer files in the plain form that `readiness` writes and teams copy, read without the
//! general TOML parser: comment lines, `[respondent]`, `[context]` and `[answers]` headers,
//! and `key = value` lines with bare keys, whose values are one-line strings without escapes,
//! whole numbers, and one-line lists or inline tables of those. `toml` spends about 100
//! instructions a byte and builds a tree of values that is then copied; without this reader
//! a batch of commented files runs 2.7x the instructions and about twice the time
//! (docs/performance.md).
//!
//! Anything outside that form (an escape, a decimal, a multi-line value, a repeated key, a
//! syntax error) gives `None`, and the caller hands the file to `toml`, which also explains
//! any error. So this reader only has to agree with `toml` on what it accepts: the same
//! values at the same spans, which the tests check against `toml` itself.

use super::parse::{RawFile, SpannedTable};
use toml::{Spanned, Value};

/// The file's tables, `None` if anything is outside the plain form.
pub(super) fn read(text: &str) -> Option<RawFile> {
    let bytes = text.as_bytes();
    // TOML refuses control characters anywhere, comments included, and a carriage return
    // except before a line feed. A whole-text scan that vectorises.
    let control = bytes
        .iter()
        .fold(false, |found, &b| found | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f));
    if control || positions(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n')) {
        return None;
    }
    let mut raw = RawFile::default();
    let mut table = None;
    let mut opened = Vec::new();
    let mut start = 0;
    let ends = positions(b'\n', bytes).chain((!text.ends_with('\n')).then_some(text.len()));
    for end in ends {
        let mut line = Line { text, at: start, end: end - usize::from(bytes[start..end].ends_with(b"\r")) };
        start = end + 1;
        line.skip_blank();
        match line.peek() {
            None | Some(b'#') => {}
            Some(b'[') => {
                let name = line.header()?;
                // A table opened twice is an error for `toml` to explain.
                if opened.contains(&name) {
                    return None;
                }
                opened.push(name);
                table = Some(name);
            }
            Some(_) => {
                let (key, value) = line.key_value()?;
                line.end()?;
                match table {
                    None => set_version(&mut raw, key, value)?,
                    Some(name) => insert(raw_table(&mut raw, name), key, value)?,
                }
            }
        }
    }
    Some(raw)
}

/// Where `byte` occurs in `haystack`. On x86-64 the search uses SSE2 rather than memchr's
/// run-time choice of AVX2: making that choice asks the CPU through CPUID, once a process,
/// which a virtual machine traps at about 6 µs a call.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
fn positions(byte: u8, haystack: &[u8]) -> impl Iterator<Item = usize> + '_ {
    // `One::new` answers from the build's target features, here at compile time: no CPUID.
    let one = memchr::arch::x86_64::sse2::memchr::One::new(byte).expect("the build enables SSE2");
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + one.find(haystack.get(from..)?)?;
        from = at + 1;
        Some(at)
    })
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
fn positions(byte: u8, haystack: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(byte, haystack)
}

/// The tables a header may open, each once.
#[derive(Clone, Copy, PartialEq)]
enum Table {
    Respondent,
    Context,
    Answers,
}

fn raw_table(raw: &mut RawFile, table: Table) -> &mut SpannedTable {
    match table {
        Table::Respondent => &mut raw.respondent,
        Table::Context => &mut raw.context,
        Table::Answers => &mut raw.answers,
    }
}

/// The only key before the first header: `questionnaire`, a whole number.
fn set_version(raw: &mut RawFile, key: Spanned<String>, value: Spanned<Value>) -> Option<()> {
    let (span, Value::Integer(version)) = (value.span(), value.into_inner()) else { return None };
    if key.get_ref() != "questionnaire" || raw.questionnaire.is_some() {
        return None;
    }
    raw.questionnaire = Some(Spanned::new(span, version));
    Some(())
}

/// Adds a key that is not there yet.
fn insert(table: &mut SpannedTable, key: Spanned<String>, value: Spanned<Value>) -> Option<()> {
    table.insert(key, value).is_none().then_some(())
}

/// The rest of one line, without its line break: `text[at..end]`.
struct Line<'t> {
    text: &'t str,
    at: usize,
    end: usize,
}

impl Line<'_> {
    fn peek(&self) -> Option<u8> {
        (self.at < self.end).then(|| self.text.as_bytes()[self.at])
    }

    /// Skips spaces and tabs, TOML's only blanks within a line.
    fn skip_blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    /// Nothing more on the line but blanks and a comment.
    fn end(&mut self) -> Option<()> {
        self.skip_blank();
        matches!(self.peek(), None | Some(b'#')).then_some(())
    }

    /// `[name]`: the table the following keys go in.
    fn header(&mut self) -> Option<Table> {
        self.eat(b'[')?;
        self.skip_blank();
        let name = self.key()?;
        self.skip_blank();
        self.eat(b']')?;
        self.end()?;
        match name.get_ref().as_str() {
            "respondent" => Some(Table::Respondent),
            "context" => Some(Table::Context),
            "answers" => Some(Table::Answers),
            _ => None,
        }
    }

    /// A bare key: ASCII letters, digits, `_` and `-`.
    fn key(&mut self) -> Option<Spanned<String>> {
        let from = self.at;
        while matches!(self.peek(), Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')) {
            self.at += 1;
        }
        (self.at > from).then(|| Spanned::new(from..self.at, self.text[from..self.at].to_string()))
    }

    /// `key = value`, the value a scalar, a list or an inline table.
    fn key_value(&mut self) -> Option<(Spanned<String>, Spanned<Value>)> {
        let key = self.key()?;
        self.skip_blank();
        self.eat(b'=')?;
        self.skip_blank();
        let from = self.at;
        let value = match self.peek()? {
            b'[' => self.list()?,
            b'{' => self.inline_table()?,
            _ => self.scalar()?,
        };
        Some((key, Spanned::new(from..self.at, value)))
    }

    /// `[a, "b", ]`, of scalars, on one line.
    fn list(&mut self) -> Option<Value> {
        self.eat(b'[')?;
        let mut items = Vec::new();
        self.skip_blank();
        while self.eat(b']').is_none() {
            items.push(self.scalar()?);
            self.skip_blank();
            if self.eat(b',').is_none() {
                self.eat(b']')?;
                break;
            }
            self.skip_blank();
        }
        Some(Value::Array(items))
    }

    /// `{ level = 2, note = "…" }`, of scalars, without a trailing comma (which TOML 1.1
    /// allows: such a file goes to `toml`).
    fn inline_table(&mut self) -> Option<Value> {
        self.eat(b'{')?;
        let mut table = toml::Table::new();
        self.skip_blank();
        if self.eat(b'}').is_some() {
            return Some(Value::Table(table));
        }
        loop {
            let key = self.key()?.into_inner();
            self.skip_blank();
            self.eat(b'=')?;
            self.skip_blank();
            let value = self.scalar()?;
            if table.insert(key, value).is_some() {
                return None;
            }
            self.skip_blank();
            if self.eat(b'}').is_some() {
                return Some(Value::Table(table));
            }
            self.eat(b',')?;
            self.skip_blank();
        }
    }

    /// A string on one line without escapes, or a whole number.
    fn scalar(&mut self) -> Option<Value> {
        match self.peek()? {
            quote @ (b'"' | b'\'') => self.string(quote),
            b'+' | b'-' | b'0'..=b'9' => self.integer(),
            _ => None,
        }
    }

    fn string(&mut self, quote: u8) -> Option<Value> {
        let from = self.at + 1;
        let rest = &self.text.as_bytes()[from..self.end];
        // A backslash in a basic string is an escape. Three quotes, which open a multi-line
        // string, read as an empty string followed by a quote, which the caller refuses.
        let close = rest.iter().position(|&b| b == quote || (quote == b'"' && b == b'\\'))?;
        if rest[close] != quote {
            return None;
        }
        self.at = from + close + 1;
        Some(Value::String(self.text[from..from + close].to_string()))
    }

    /// A decimal whole number that fits in 64 bits, without leading zeros. A decimal, a date, a
    /// time or underscores stop at their first `.`, `-`, `:` or `_`, which the caller refuses.
    fn integer(&mut self) -> Option<Value> {
        let from = self.at;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.at += 1;
        }
        let digits = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        let leading_zero = self.at - digits > 1 && self.text.as_bytes()[digits] == b'0';
        if self.at == digits || leading_zero {
            return None;
        }
        self.text[from..self.at].parse().ok().map(Value::Integer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::ops::Range;

    /// Every key and value of a file with its span, in order: what must be the same whichever
    /// reader read it (`Spanned`'s own equality ignores spans).
    fn spanned(raw: &RawFile) -> Vec<(Range<usize>, String, Range<usize>, Value)> {
        let version =
            raw.questionnaire.iter().map(|v| (0..0, "questionnaire".into(), v.span(), Value::Integer(*v.get_ref())));
        let tables = [("respondent", &raw.respondent), ("context", &raw.context), ("answers", &raw.answers)];
        let keys = tables.into_iter().flat_map(|(name, table)| {
            table.iter().map(move |(k, v)| (k.span(), format!("{name}.{}", k.get_ref()), v.span(), v.get_ref().clone()))
        });
        version.chain(keys).collect()
    }

    /// What `toml` reads, if this reader reads anything.
    fn agrees_with_toml(text: &str) -> Result<(), TestCaseError> {
        if let Some(plain) = read(text) {
            let parsed: Result<RawFile, _> = toml::from_str(text);
            prop_assert!(parsed.is_ok(), "toml refuses what the plain reader read: {text:?}\n{parsed:?}");
            prop_assert_eq!(spanned(&plain), spanned(&parsed.unwrap()), "{:?}", text);
        }
        Ok(())
    }

    fn files(dir: &str) -> Vec<(String, String)> {
        let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            // Some corpus files are not UTF-8 on purpose.
            .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
            .collect();
        files.sort();
        files
    }

    /// The examples and workshop files are in the plain form (so the fast path is the one
    /// taken), and every file of the answer corpus the plain reader accepts, `toml` reads the
    /// same way.
    #[test]
    fn the_shipped_files_read_as_toml_reads_them() {
        for (path, text) in files("examples").into_iter().chain(files("examples/workshop")) {
            assert!(read(&text).is_some(), "{path} is not plain");
            agrees_with_toml(&text).unwrap();
        }
        let corpus = files("tests/corpus/answers");
        assert!(corpus.len() > 40);
        let plain = corpus.iter().filter(|(_, text)| read(text).is_some()).count();
        assert!(plain > 10 && plain < corpus.len(), "{plain} of {} corpus files are plain", corpus.len());
        for (_, text) in &corpus {
            agrees_with_toml(text).unwrap();
        }
    }

    #[test]
    fn what_toml_must_explain_is_left_to_it() {
        for text in [
            "questionnaire = 2\nquestionnaire = 2\n",
            "[answers]\na = 1\n[answers]\nb = 1\n",
            "[answers]\n[answers]\n",
            "[answers]\na = 1\na = 2\n",
            "[answers]\na = { level = 1, level = 2 }\n",
            "[answers]\na = \"x\\\"y\"\n",
            "[answers]\na = \"\"\"\n# text\n\"\"\"\n",
            "[answers]\na = '''\n# text\n'''\n",
            "[answers]\na = 007\n",
            "[answers]\na = 1_000\n",
            "[answers]\na = 2.5\n",
            "[answers]\na = 1979-05-27\n",
            "[answers]\na = 9223372036854775808\n",
            "[answers]\na = [1,\n2]\n",
            "[answers]\na = [1 2]\n",
            "[answers]\na = [\"x\"'y']\n",
            "[answers]\na = { level = 1 note = 'x' }\n",
            "[answers]\na = true\n",
            "[answers]\na = 1 2\n",
            "[answers]\n\"a\" = 1\n",
            "[answers]\na.b = 1\n",
            "[answers.x]\n",
            "[[answers]]\n",
            "[other]\n",
            "other = 1\n",
            "questionnaire = \"2\"\n",
            "# bell \u{7}\n",
            "# a\rb\n",
            "# del \u{7f}\n",
            "[answers] a = 1\n",
        ] {
            assert!(read(text).is_none(), "{text:?}");
        }
    }

    /// Mostly one of `common` (the plain form), sometimes one of `rare` (mostly outside it), so
    /// that whole files of several lines land on both sides of the form.
    fn mostly(common: &[&'static str], rare: &[&'static str]) -> impl Strategy<Value = String> + Clone + use<> {
        let pick = |items: &[&'static str]| prop::sample::select(items.to_vec()).prop_map(String::from);
        prop_oneof![9 => pick(common), 1 => pick(rare)]
    }

    /// Scalars in and out of the plain form, the edge cases of each side among them.
    fn scalar() -> impl Strategy<Value = String> + Clone {
        mostly(
            &[
                "0",
                "-0",
                "+1",
                "42",
                "-9223372036854775808",
                "9223372036854775807",
                r#""x""#,
                r#""""#,
                "'y'",
                "''",
                r#""é ü""#,
                r"'a\b'",
                "\"tab\there\"",
                "'\tlit'",
                r#""x]""#,
                r#""a#b, c}""#,
                r#""k = v""#,
                r#""it's""#,
                r#"'say "hi"'"#,
                "\"\u{85}\u{feff}\"",
            ],
            &[
                "007",
                "00",
                "1_0",
                "2.5",
                "1e3",
                "1979-05-27",
                "07:32:00",
                "true",
                "inf",
                "",
                r#"""""#,
                "'''",
                r#""a\"b""#,
                r#""open"#,
                "99999999999999999999",
                "-9223372036854775809",
                "-01",
                "+",
                "-",
                "\"\u{7f}\"",
            ],
        )
    }

    fn key() -> impl Strategy<Value = String> + Clone {
        mostly(
            &["a", "level", "note", "questionnaire", "b-c", "_1", "9", "-k"],
            &[r#""q""#, "a.b", "", "é", "\u{feff}"],
        )
    }

    /// A value: a scalar, a list of them, or an inline table of them, with and without
    /// trailing commas.
    fn value() -> impl Strategy<Value = String> {
        let comma = mostly(&[",", ", ", " ,", "\t,  "], &["", ",,"]);
        let list = (prop::collection::vec(scalar(), 0..4), comma.clone(), mostly(&["", ","], &[",,"]))
            .prop_map(|(items, comma, last)| format!("[{}{last}]", items.join(&comma)));
        let pairs = prop::collection::vec((key(), scalar()), 0..4);
        let table = (pairs, comma, mostly(&[""], &[","])).prop_map(|(pairs, comma, last)| {
            let pairs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k} = {v}")).collect();
            format!("{{ {}{last} }}", pairs.join(&comma))
        });
        prop_oneof![3 => scalar(), 1 => list, 1 => table]
    }

    /// A line: blank, a comment, a header, or a key and value; each mostly well formed.
    fn line() -> impl Strategy<Value = String> {
        let header = mostly(
            &["[answers]", "[context]", "[respondent]", "[ context ]", "[answers] # c", "  [answers]", "\t[context]\t"],
            &["[a.b]", "[[answers]]", "[answers] x", "[ answers", "[]", "[other]"],
        );
        let indent = mostly(&["", "  "], &["\t"]);
        let equals = mostly(&[" = ", "=", " =", "\t=\t"], &[" ", "=="]);
        let trailer = mostly(&["", " ", " # c", "#", "\r", " # é"], &[" x", ",", " # \u{1}", " # \u{7f}", "\ra"]);
        let pair = (indent, key(), equals, value(), trailer).prop_map(|(i, k, e, v, t)| format!("{i}{k}{e}{v}{t}"));
        let comment = mostly(&["# c", "  #", "#\r"], &["# \u{7f}"]);
        prop_oneof![1 => Just(String::new()), 1 => comment, 1 => header, 5 => pair]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn whatever_it_reads_toml_reads_the_same(
            first in mostly(&["[answers]\n", "questionnaire = 2\n[context]\n"], &["", "questionnaire = 2\n"]),
            lines in prop::collection::vec(line(), 0..8),
            last_break in any::<bool>(),
        ) {
            // Most files open a table first: before one, only `questionnaire` is plain.
            let text = first + &lines.join("\n") + if last_break { "\n" } else { "" };
            agrees_with_toml(&text)?;
        }

        #[test]
        fn plain_lines_read_as_toml_reads_them(
            keys in prop::collection::vec("[a-z_][a-z0-9_-]{0,6}", 1..6),
            values in prop::collection::vec(prop::sample::select(vec![
                "0", "-0", "-12", "+3", "-9223372036854775808", "9223372036854775807", "\"text\"", "'lit'",
                "\"\"", "\"é\tü #\"", "[]", "[ \"a\", 'b', 1, ]", "[1,2]", "[\"x]\", '}']",
                "{ level = 2, note = \"x\" }", "{}", "{level=0}", "{ note = \"a, b}\", level = -0 }",
            ]), 1..6),
            comment in prop::sample::select(vec!["", " # c", "\t#", "#x"]),
            crlf in any::<bool>(),
        ) {
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut text = format!("# head{eol}questionnaire = 2{comment}{eol}[answers]{eol}");
            let mut seen = std::collections::HashSet::new();
            for (key, value) in keys.iter().zip(values.iter().cycle()) {
                if seen.insert(key) {
                    text += &format!("  {key} = {value}{comment}{eol}");
                }
            }
            prop_assert!(read(&text).is_some(), "{:?}", text);
            agrees_with_toml(&text)?;
        }

        /// Mostly filler, so occurrences fall both close together and more than one of the
        /// vector search's 64-byte rounds apart, and in its unaligned tail.
        #[test]
        fn positions_are_every_place_the_byte_occurs(
            haystack in prop::collection::vec(
                prop_oneof![30 => Just(b'a'), 1 => prop::sample::select(b"\n\r\"'#".to_vec())],
                0..400,
            ),
            byte in prop::sample::select(b"\n\r\"'".to_vec()),
        ) {
            let expected: Vec<usize> = (0..haystack.len()).filter(|&i| haystack[i] == byte).collect();
            prop_assert_eq!(positions(byte, &haystack).collect::<Vec<_>>(), expected);
        }
    }
}
