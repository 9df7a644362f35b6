//! Reading an answer file against the questionnaire. Every problem in the file is collected
//! with its line and column, so one run shows them all.

use super::{Answer, Answers, ContextValue, DONT_KNOW, Note, Respondent, simple_toml};
use crate::diagnostic::{Diagnostic, InputError, LineIndex, Problems};
use crate::frameworks::{ContextKind, ContextQuestion, ContextRole, Frameworks, Question, Text, toml_diagnostic};
use crate::inert::{is_refused_in_text, unsafe_kind};
use crate::message::{clip, did_you_mean, quote};
use serde::Deserialize;
use std::cell::OnceCell;
use std::collections::{BTreeMap, HashSet};
use toml::{Spanned, Value};

/// Whether every question must be answered (scoring) or a partial file is fine (a session
/// being resumed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    Partial,
}

pub(super) type SpannedTable = BTreeMap<Spanned<String>, Spanned<Value>>;

/// An answer file's tables, as TOML holds them, before they are checked.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    /// The questionnaire version the file was written against; files from before versions
    /// were recorded are version 1.
    pub questionnaire: Option<Spanned<i64>>,
    #[serde(default)]
    pub respondent: SpannedTable,
    #[serde(default)]
    pub context: SpannedTable,
    #[serde(default)]
    pub answers: SpannedTable,
}

/// What is wrong with a free-text answer (too long, or holding a character
/// `is_refused_in_text`), as the end of a sentence about it, and how to mend it; `None` if
/// nothing. One check for answer files and the live questionnaire, so a session file always
/// reads back.
///
/// A control, bidi or invisible character could drive or fool the terminal a report is read
/// on; a line break in a `one_line` text (the company name) would forge lines of the report.
/// Other texts may have several lines.
pub fn free_text_problem(text: &str, one_line: bool) -> Option<(String, Option<String>)> {
    if text.chars().count() > MAX_TEXT_CHARS {
        return Some((format!("is longer than {MAX_TEXT_CHARS} characters"), None));
    }
    let (at, c) = text.chars().enumerate().find(|(_, c)| is_refused_in_text(*c, one_line))?;
    let what = unsafe_kind(c);
    let how = if one_line { "write it on one line, " } else { "write it " };
    let without = if what == "the invisible character" { "invisible" } else { "control or text-direction" };
    let problem = format!("holds {what} U+{:04X} at character {}", c as u32, at + 1);
    Some((problem, Some(format!("{how}without {without} characters"))))
}

/// Longest free-text answer accepted; a company name or note, not a document.
const MAX_TEXT_CHARS: usize = 2000;

/// The keys of an answer written as a table.
const NOTE_KEYS: [&str; 3] = ["level", "note", "evidence"];

/// `toml::from_str`, which keeps every syntax error it recovers from (a megabyte of `=` lines
/// held 80 MB of them), given only the text up to the end of the line of the first one: the
/// same first error, from a few lines.
fn from_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, toml::de::Error> {
    let Some(error) = crate::input::first_toml_error(text) else { return toml::from_str(text) };
    let end = text[error..].find('\n').map_or(text.len(), |at| error + at + 1);
    match toml::from_str::<T>(&text[..end]) {
        // Only what follows makes it an error (never seen so far): read it all.
        Ok(_) => toml::from_str(text),
        Err(e) => Err(e),
    }
}

/// A TOML syntax error, with a hint where a question of the template was uncommented
/// without a value (`budget =`): TOML's own message speaks only of quoting.
fn syntax_diagnostic(file: &str, text: &str, error: &toml::de::Error) -> Diagnostic {
    let diagnostic = toml_diagnostic(file, text, error);
    let Some(at) = error.span().map(|span| span.start.min(text.len())) else { return diagnostic };
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    match text[start..end].split_once('=') {
        Some((key, value)) if value.trim().is_empty() && !key.trim().is_empty() => diagnostic.help(format!(
            "{} has no value: give one (its comment above says which), write \"{DONT_KNOW}\", or comment the line out again to leave it unanswered",
            quote(key.trim())
        )),
        _ => diagnostic,
    }
}

/// Parses and validates answer-file text; `file` is the name shown in errors.
///
/// Time is linear in the size of the text and memory bounded: problems are located through a
/// line index, and only the first `crate::diagnostic::MAX_DIAGNOSTICS` are built.
pub fn parse(fw: &Frameworks, file: &str, text: &str, completeness: Completeness) -> Result<Answers, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Most files are in the plain form the plain reader knows; `toml` reads the others and
    // explains their syntax errors.
    let raw = match simple_toml::read(text) {
        Some(raw) => raw,
        None => from_toml(text).map_err(|e| InputError::new(vec![syntax_diagnostic(file, text, &e)]))?,
    };
    let mut reader = Reader { fw, file, text, lines: OnceCell::new(), problems: Problems::default() };
    let version = reader.version(raw.questionnaire.as_ref());
    let (readiness, notes) = reader.readiness(&raw.answers);
    let answers = Answers {
        version: (version < fw.questionnaire.version).then_some(version),
        respondent: reader.respondent(&raw.respondent),
        context: reader.context(&raw.context),
        readiness,
        upper: BTreeMap::new(),
        notes,
    };
    if completeness == Completeness::Complete {
        reader.missing(&raw, version);
    }
    // Problems come out top to bottom, with the whole-file "not answered" list last.
    match reader.problems.into_error() {
        None => Ok(answers),
        Some(problems) => Err(problems),
    }
}

/// The questions asked but left out of the answers (commented out in a template) that may be
/// unknown: readiness questions, and context questions that allow "don't know". Scoring counts
/// them as "don't know", so the report lists them among the first things to find out.
pub fn unanswered<'f>(fw: &'f Frameworks, answers: &Answers) -> Vec<&'f str> {
    let context = fw.questionnaire.context.iter().filter(|q| q.allow_dont_know && !q.optional);
    let context = context.filter(|q| answers.was_asked(q.since) && !answers.context.contains_key(&q.id));
    let readiness = fw.questionnaire.questions.iter();
    let readiness = readiness.filter(|q| answers.was_asked(q.since) && !answers.readiness.contains_key(&q.id));
    context.map(|q| q.id.as_str()).chain(readiness.map(|q| q.id.as_str())).collect()
}

struct Reader<'a> {
    fw: &'a Frameworks,
    file: &'a str,
    text: &'a str,
    /// Built for the first problem: a file without any does not pay for it.
    lines: OnceCell<LineIndex<'a>>,
    problems: Problems,
}

impl<'a> Reader<'a> {
    /// Records a problem at `span`; `describe` gives its message and help, and runs only if
    /// the problem is among those kept.
    fn problem<T>(
        &mut self,
        span: std::ops::Range<usize>,
        describe: impl FnOnce() -> (String, Option<String>),
    ) -> Option<T> {
        let (file, text, lines) = (self.file, self.text, &self.lines);
        self.problems.push(span.start, || {
            let (message, help) = describe();
            let location = lines.get_or_init(|| LineIndex::new(text)).locate(file, span);
            let mut d = Diagnostic::new(message).at(Some(location));
            d.help = help;
            d
        });
        None
    }

    /// The keys of one table that name a known question, with their values. Every other key is
    /// reported, with a hint when it belongs under the other table or looks like a typo.
    fn known<'t, Q>(
        &mut self,
        table: &'t SpannedTable,
        what: &str,
        find: impl Fn(&str) -> Option<&'a Q>,
        ids: impl Iterator<Item = &'a str>,
        other_table: &str,
        in_other: impl Fn(&str) -> bool,
    ) -> Vec<(&'a Q, &'t Spanned<Value>)> {
        let ids: Vec<&str> = ids.collect();
        let mut known = Vec::new();
        for (key, value) in table {
            let key_text = key.get_ref().as_str();
            match find(key_text) {
                Some(question) => known.push((question, value)),
                None => {
                    self.problem::<()>(key.span(), || {
                        let help = in_other(key_text)
                            .then(|| format!("`{key_text}` belongs under [{other_table}]"))
                            .or_else(|| did_you_mean(key_text, ids.iter().copied()));
                        (format!("unknown {what} {}", quote(key_text)), help)
                    });
                }
            }
        }
        known
    }

    /// The file's questionnaire version: 1 when not recorded, never newer than this tool's.
    fn version(&mut self, recorded: Option<&Spanned<i64>>) -> u32 {
        let current = self.fw.questionnaire.version;
        let Some(recorded) = recorded else { return 1 };
        match u32::try_from(*recorded.get_ref()) {
            Ok(v) if (1..=current).contains(&v) => v,
            _ => {
                let message =
                    format!("`questionnaire` is {}, expected a version from 1 to {current}", recorded.get_ref());
                let help = format!(
                    "this readiness knows questionnaire versions up to {current}; a newer file needs a newer readiness"
                );
                self.problem::<()>(recorded.span(), || (message, Some(help)));
                current
            }
        }
    }

    fn context(&mut self, table: &SpannedTable) -> BTreeMap<Text, ContextValue> {
        let fw = self.fw;
        let ids = fw.questionnaire.context.iter().map(|q| q.id.as_str());
        let known = self.known(
            table,
            "context question",
            |k| fw.context_question(k),
            ids,
            "answers",
            |k| fw.question(k).is_some(),
        );
        known.into_iter().filter_map(|(q, value)| Some((q.id.clone(), self.context_value(q, value)?))).collect()
    }

    fn context_value(&mut self, q: &ContextQuestion, value: &Spanned<Value>) -> Option<ContextValue> {
        let span = value.span();
        match (q.kind, value.get_ref()) {
            (_, Value::String(s)) if q.allow_dont_know && s == DONT_KNOW => Some(ContextValue::DontKnow),
            (ContextKind::Text, Value::String(text)) => self.text(q, span, text),
            (ContextKind::Choice, Value::String(choice)) => {
                Some(ContextValue::Text(self.option(q, span, choice)?.to_string()))
            }
            (ContextKind::Multi, Value::Array(items)) => self.options(q, span, items),
            (ContextKind::Number, Value::Integer(n)) => {
                let (min, max) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
                if (min..=max).contains(n) {
                    Some(ContextValue::Number(*n))
                } else {
                    self.problem(span, || {
                        (format!("`{}` is {n}, expected a whole number from {min} to {max}", q.id), None)
                    })
                }
            }
            (kind, other) => {
                let expected = match kind {
                    ContextKind::Text => "a quoted string",
                    ContextKind::Choice => "one option id as a quoted string",
                    ContextKind::Multi => "a list of option ids, e.g. [\"a\", \"b\"]",
                    ContextKind::Number => "a whole number",
                };
                let or_dont_know = if q.allow_dont_know { format!(" or \"{DONT_KNOW}\"") } else { String::new() };
                let help = matches!(kind, ContextKind::Choice | ContextKind::Multi).then(|| options_help(q));
                let message = format!("`{}` is {}, expected {expected}{or_dont_know}", q.id, a(other.type_str()));
                self.problem(span, || (message, help))
            }
        }
    }

    fn text(&mut self, q: &ContextQuestion, span: std::ops::Range<usize>, text: &str) -> Option<ContextValue> {
        let trimmed = text.trim();
        if trimmed.is_empty() && !q.optional {
            return self.problem(span, || (format!("`{}` must not be empty", q.id), None));
        }
        let one_line = q.role == Some(ContextRole::Company);
        if let Some((problem, help)) = free_text_problem(trimmed, one_line) {
            return self.problem(span, || (format!("`{}` {problem}", q.id), help));
        }
        Some(ContextValue::Text(trimmed.to_string()))
    }

    /// The id of the option `choice` names, itself or through an option that replaced it.
    fn option<'q>(&mut self, q: &'q ContextQuestion, span: std::ops::Range<usize>, choice: &str) -> Option<&'q str> {
        if let Some(o) = q.options.iter().find(|o| o.id == choice || o.replaces.iter().any(|r| r == choice)) {
            return Some(o.id.as_str());
        }
        self.problem(span, || {
            let help = did_you_mean(choice, q.options.iter().map(|o| o.id.as_str())).unwrap_or_else(|| options_help(q));
            (format!("{} is not an option of `{}`", quote(choice), q.id), Some(help))
        })
    }

    fn options(&mut self, q: &ContextQuestion, span: std::ops::Range<usize>, items: &[Value]) -> Option<ContextValue> {
        let mut chosen: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        let mut ok = true;
        for item in items {
            match item.as_str() {
                Some(choice) if !seen.insert(choice) => {
                    ok = false;
                    self.problem::<()>(span.clone(), || (format!("`{}` lists {} twice", q.id, quote(choice)), None));
                }
                Some(choice) => match self.option(q, span.clone(), choice) {
                    // Two merged options name one: listed once.
                    Some(id) if chosen.iter().any(|c| c == id) => {}
                    Some(id) => chosen.push(id.to_string()),
                    None => ok = false,
                },
                None => {
                    ok = false;
                    let found = a(item.type_str());
                    let message = format!("`{}` holds {found}, expected option ids as strings", q.id);
                    self.problem::<()>(span.clone(), || (message, None));
                }
            }
        }
        if chosen.is_empty() && !q.optional && ok {
            return self.problem(span, || (format!("`{}` needs at least one option", q.id), Some(options_help(q))));
        }
        let exclusive = q.options.iter().find(|o| o.exclusive && chosen.iter().any(|c| o.id == *c));
        if let (Some(option), true) = (exclusive, chosen.len() > 1) {
            let message = format!("`{}` combines `{}` with other options", q.id, option.id);
            return self.problem(span, || (message, Some(format!("`{}` stands alone: {}", option.id, option.label))));
        }
        ok.then_some(ContextValue::List(chosen))
    }

    fn readiness(&mut self, table: &SpannedTable) -> (BTreeMap<Text, Answer>, BTreeMap<Text, Note>) {
        let fw = self.fw;
        let ids = fw.questionnaire.questions.iter().map(|q| q.id.as_str());
        let known =
            self.known(table, "question", |k| fw.question(k), ids, "context", |k| fw.context_question(k).is_some());
        let (mut answers, mut notes) = (BTreeMap::new(), BTreeMap::new());
        for (q, value) in known {
            let Some((answer, note)) = self.answer_with_note(q, value) else { continue };
            answers.insert(q.id.clone(), answer);
            if !note.is_empty() {
                notes.insert(q.id.clone(), note);
            }
        }
        (answers, notes)
    }

    /// A plain answer, or `{ level = …, note = "…", evidence = "…" }`.
    fn answer_with_note(&mut self, q: &Question, value: &Spanned<Value>) -> Option<(Answer, Note)> {
        let Value::Table(table) = value.get_ref() else {
            return Some((self.answer(q, value.get_ref(), value.span())?, Note::default()));
        };
        let mut note = Note::default();
        let mut answer = None;
        let mut ok = true;
        for (key, item) in table {
            let place = format!("`{}.{key}`", q.id);
            match key.as_str() {
                "level" => answer = self.answer(q, item, value.span()),
                "note" => ok &= self.free_text(&place, item, value.span(), &mut note.note),
                "evidence" => ok &= self.free_text(&place, item, value.span(), &mut note.evidence),
                _ => {
                    let help =
                        did_you_mean(key, NOTE_KEYS).unwrap_or_else(|| "the keys are level, note and evidence".into());
                    ok = self.problem::<()>(value.span(), || (format!("unknown key {place}"), Some(help))).is_some();
                }
            }
        }
        if !table.contains_key("level") {
            let help = format!("write `{} = {{ level = 2, note = \"…\" }}`", q.id);
            return self.problem(value.span(), || (format!("`{}` is a table without `level`", q.id), Some(help)));
        }
        Some((answer?, note)).filter(|_| ok)
    }

    fn answer(&mut self, q: &Question, value: &Value, span: std::ops::Range<usize>) -> Option<Answer> {
        let max = q.max_level();
        let expected = || format!("a level from 0 to {max} or \"{DONT_KNOW}\"");
        match value {
            Value::Integer(n) if (0..=i64::from(max)).contains(n) => Some(Answer::Level(*n as u8)),
            // A decimal is a level between two anchored ones, as a workshop's consensus holds.
            Value::Float(x) if (0.0..=f64::from(max)).contains(x) => Answer::at(*x),
            Value::String(s) if s == DONT_KNOW => Some(Answer::DontKnow),
            Value::Integer(_) | Value::Float(_) => self.problem(span, || {
                let help = format!("the levels of `{}` run from 0 ({}) to {max}", q.id, q.levels[0]);
                (format!("`{}` is {value}, expected {}", q.id, expected()), Some(help))
            }),
            Value::String(s) => self.problem(span, || {
                (format!("`{}` is \"{}\", expected {}", q.id, clip(s), expected()), did_you_mean(s, [DONT_KNOW]))
            }),
            other => {
                self.problem(span, || (format!("`{}` is {}, expected {}", q.id, a(other.type_str()), expected()), None))
            }
        }
    }

    /// Reads an optional free-text value into `into`: a string of at most [`MAX_TEXT_CHARS`],
    /// trimmed; empty is no text. False when the value is not acceptable.
    fn free_text(
        &mut self,
        place: &str,
        value: &Value,
        span: std::ops::Range<usize>,
        into: &mut Option<String>,
    ) -> bool {
        let Value::String(text) = value else {
            let message = format!("{place} is {}, expected a quoted string", a(value.type_str()));
            return self.problem::<()>(span, || (message, None)).is_some();
        };
        let text = text.trim();
        if text.chars().count() > MAX_TEXT_CHARS {
            return self
                .problem::<()>(span, || (format!("{place} is longer than {MAX_TEXT_CHARS} characters"), None))
                .is_some();
        }
        *into = (!text.is_empty()).then(|| text.to_string());
        true
    }

    /// The `[respondent]` table: `name` and `role`, both optional.
    fn respondent(&mut self, table: &SpannedTable) -> Respondent {
        let mut respondent = Respondent::default();
        for (key, value) in table {
            let place = format!("`respondent.{}`", key.get_ref());
            match key.get_ref().as_str() {
                "name" => self.free_text(&place, value.get_ref(), value.span(), &mut respondent.name),
                "role" => self.free_text(&place, value.get_ref(), value.span(), &mut respondent.role),
                other => {
                    let help =
                        did_you_mean(other, ["name", "role"]).unwrap_or_else(|| "the keys are name and role".into());
                    self.problem::<()>(key.span(), || (format!("unknown key {place}"), Some(help))).is_some()
                }
            };
        }
        respondent
    }

    /// One diagnostic listing every unanswered question that cannot be unknown (the business's
    /// context), rather than one per run; the others are [`unanswered`]. Questions added after
    /// the file's questionnaire version were not asked and are not missing.
    fn missing(&mut self, raw: &RawFile, version: u32) {
        let asked = |since: u32| since <= version;
        let context = self.fw.questionnaire.context.iter().filter(|q| {
            !q.optional && !q.allow_dont_know && asked(q.since) && !raw.context.contains_key(q.id.as_str())
        });
        let missing: Vec<&str> = context.map(|q| q.id.as_str()).collect();
        let answered_elsewhere = self.problems.len();
        if missing.is_empty() {
            return;
        }
        let names = missing.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ");
        let mut d = Diagnostic::new(format!("{} question(s) not answered: {names}", missing.len())).in_file(self.file);
        if answered_elsewhere == 0 {
            d = d.help(
                "these set the business's context and cannot be unknown; `readiness template` lists every question",
            );
        }
        self.problems.push(usize::MAX, || d);
    }
}

/// A TOML type name with its article: "an array", "a string".
fn a(type_name: &str) -> String {
    let article = if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {type_name}")
}

fn options_help(q: &ContextQuestion) -> String {
    let ids = q.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(", ");
    let dont_know = if q.allow_dont_know { format!(", or \"{DONT_KNOW}\"") } else { String::new() };
    format!("options: {ids}{dont_know}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frameworks::Load;

    #[test]
    fn a_problem_after_comments_points_at_its_own_line() {
        let fw = Frameworks::builtin().unwrap();
        let example = crate::testing::example("small-ecommerce");
        let (at, line) = example.lines().enumerate().find(|(_, l)| l.starts_with("data_quality")).unwrap();
        assert!(example.lines().take(at).filter(|l| l.trim_start().starts_with('#')).count() > 10);
        let broken = example.replacen(line, "data_quality = 9", 1);
        let error = parse(&fw, "x.toml", &broken, Completeness::Complete).unwrap_err().to_string();
        assert!(error.contains(&format!("x.toml:{}:", at + 1)), "{error}");
    }
}
