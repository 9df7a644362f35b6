//! The report as a consultant hands it over: signed (`--prepared-by`, `--confidential`),
//! spelt for the client's country and laid out for its paper. The wording is written once, in
//! British English; a US English report respells it word by word from the table in
//! `report.toml`, leaving whatever the client wrote (their name, notes, free answers) as it is.

use crate::assessment::Assessment;
use crate::document::{Document, Paper};
use crate::frameworks::{DeliverableText, Text};
use clap::ValueEnum;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// US English
    #[value(name = "en-US")]
    EnUs,
    /// British English (the wording as written)
    #[value(name = "en-GB")]
    EnGb,
}

/// How the report is delivered; `None` follows the client's regions.
#[derive(Debug, Clone, Default)]
pub struct Deliverable {
    pub lang: Option<Lang>,
    pub paper: Option<Paper>,
    pub prepared_by: Option<String>,
    pub confidential: Option<String>,
}

/// Signs, respells and sizes a built report.
/// `months`: the month names, so dates read the US way ("December 7, 2026") in US English.
pub(crate) fn apply(
    mut document: Document,
    a: &Assessment,
    text: &DeliverableText,
    months: &[Text],
    how: &Deliverable,
) -> Document {
    let north_american = only_north_american(a, text);
    let us = how.lang.map_or(north_american, |l| l == Lang::EnUs);
    if us {
        let dates = UsDates { months, format: &text.us_date };
        Respeller { pairs: &text.us_spelling, keep: client_text(a), dates }.document(&mut document);
    }
    let paper = how.paper.unwrap_or(if north_american { Paper::Letter } else { Paper::A4 });
    document.meta.paper = paper;
    document.meta.language = if us { "en-US" } else { "en-GB" }.to_string();
    let signed = how.prepared_by.as_deref().map(|name| {
        crate::words::fill(&text.prepared_by, &[("name", name)]).filter(|s| !s.is_empty()).unwrap_or(name.to_string())
    });
    document.meta.byline = signed.into_iter().chain(how.confidential.clone()).collect();
    document
}

/// Whether every region the business markets to is one of the US-English ones (and there is one).
fn only_north_american(a: &Assessment, text: &DeliverableText) -> bool {
    let regions = &a.business.regions;
    !regions.is_empty() && regions.iter().all(|r| text.us_regions.contains(r))
}

/// What is never respelt: what the client wrote (the company's name, notes, evidence, free
/// answers, the workshop's respondents) and the titles and addresses of the sources.
fn client_text(a: &Assessment) -> Vec<String> {
    let answers = a.answers.iter().flat_map(|e| [e.note.as_ref(), e.evidence.as_ref()]).flatten();
    let context = a.context.iter().map(|c| &c.value);
    let respondents =
        a.workshop.iter().flat_map(|w| &w.respondents).flat_map(|r| {
            [Some(&r.name), r.role.as_ref()].into_iter().flatten().chain(r.remarks.iter().map(|c| &c.value))
        });
    // A source is cited as published: its title and address keep their spelling.
    let sources = a.sources().flat_map(|s| std::iter::once(&s.title).chain(&s.address));
    let mut keep: Vec<String> = std::iter::once(&a.company)
        .chain(answers)
        .chain(context)
        .chain(respondents)
        .chain(sources)
        .flat_map(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| l.chars().any(char::is_alphabetic))
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    // A figure needs no keeping (only words are respelt), and would match inside a year ("24"
    // in "2024"). The longest first, so a note that contains the company's name is kept whole.
    keep.sort_by_key(|k| std::cmp::Reverse(k.len()));
    keep.dedup();
    keep
}

struct Respeller<'a> {
    pairs: &'a BTreeMap<Text, Text>,
    keep: Vec<String>,
    dates: UsDates<'a>,
}

/// The month names, and how US English writes a date with them.
struct UsDates<'a> {
    months: &'a [Text],
    format: &'a Text,
}

impl Respeller<'_> {
    /// Every string of the document, whatever block or chart holds it: the document is plain
    /// data, and its enum tags (`Info`, `Left`) are no English word of the table.
    fn document(&self, d: &mut Document) {
        let mut value = serde_json::to_value(&*d).expect("a document serializes");
        self.value(&mut value);
        *d = serde_json::from_value(value).expect("respelling keeps the document's shape");
    }

    fn value(&self, value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(s) => self.string(s),
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| self.value(v)),
            serde_json::Value::Object(fields) => fields.values_mut().for_each(|v| self.value(v)),
            _ => {}
        }
    }

    /// Respells the text outside the client's own words.
    fn string(&self, text: &mut String) {
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some((at, len)) = self.first_kept(rest) {
            out.push_str(&self.words(&self.dates(&rest[..at])));
            out.push_str(&rest[at..at + len]);
            rest = &rest[at + len..];
        }
        out.push_str(&self.words(&self.dates(rest)));
        *text = out;
    }

    /// "7 December 2026" as "December 7, 2026".
    fn dates(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 8);
        let mut rest = text;
        while let Some((start, end, us)) =
            self.dates.months.iter().filter_map(|m| us_date(rest, m, self.dates.format)).min_by_key(|d| d.0)
        {
            out.push_str(&rest[..start]);
            out.push_str(&us);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    fn first_kept(&self, text: &str) -> Option<(usize, usize)> {
        self.keep.iter().filter_map(|k| text.find(k.as_str()).map(|at| (at, k.len()))).min_by_key(|(at, _)| *at)
    }

    /// Each word looked up in lower case; a capital first letter (or all capitals) kept.
    fn words(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut word = String::new();
        for c in text.chars().chain(std::iter::once('\0')) {
            if c.is_alphabetic() {
                word.push(c);
                continue;
            }
            out.push_str(&self.word(&word));
            word.clear();
            if c != '\0' {
                out.push(c);
            }
        }
        out
    }

    fn word(&self, word: &str) -> String {
        let Some(us) = self.pairs.get(word.to_lowercase().as_str()) else { return word.to_string() };
        if word.len() > 1 && word.chars().all(char::is_uppercase) {
            return us.to_uppercase();
        }
        match word.chars().next() {
            Some(first) if first.is_uppercase() => first.to_uppercase().chain(us.chars().skip(1)).collect(),
            _ => us.to_string(),
        }
    }
}

/// The first "day month year" with `month` in `text`, a day of one or two digits and a year
/// of four standing as words: where it starts and ends, and its US form (`format`).
fn us_date(text: &str, month: &str, format: &str) -> Option<(usize, usize, String)> {
    let needle = format!(" {month} ");
    text.match_indices(&needle).find_map(|(at, n)| {
        let before = &text[..at];
        let day = &before[before.trim_end_matches(|c: char| c.is_ascii_digit()).len()..];
        let after = &text[at + n.len()..];
        let year = &after[..after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len()];
        let start = at - day.len();
        let whole = !text[..start].ends_with(char::is_alphanumeric);
        ((1..=2).contains(&day.len()) && year.len() == 4 && whole).then(|| {
            let us = crate::words::fill(format, &[("month", month), ("day", day), ("year", year)]);
            (start, at + n.len() + 4, us.unwrap_or_else(|| text[start..at + n.len() + 4].to_string()))
        })
    })
}
