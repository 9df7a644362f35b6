//! One assessment as a flat row with a fixed column order, written as CSV or JSON Lines from
//! the same list of cells so the two never disagree. The columns come from the frameworks and
//! are worked out once a batch ([`Columns`]); a row holds only its cells.

use crate::answers::Answers;
use crate::frameworks::columns::{DIMENSION_PREFIX, RING_PREFIX};
use crate::frameworks::{ContextKind, ContextRole, Frameworks, Ring};
use crate::message::printable_line;
use crate::score::{Scores, display_context};
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Count(usize),
}

/// One assessment's cells, in the order of its [`Columns`].
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub Vec<Cell>);

/// Where a column's value comes from. Positions are in the frameworks' lists, which every
/// thread's copy of the frameworks shares.
#[derive(Debug, Clone, Copy)]
enum Source {
    File,
    Company,
    /// A context question with one value per business (a single choice or a number), so a
    /// customised questionnaire brings its own columns.
    Context(usize),
    Overall,
    Tier,
    Confidence,
    Dimension(usize),
    Ring(Ring),
    TopRisk,
}

/// The names of a portfolio's columns and where each value comes from.
#[derive(Debug)]
pub struct Columns(Vec<(String, Source)>);

impl Columns {
    pub fn of(fw: &Frameworks) -> Columns {
        let named = |name: &str, source| (name.to_string(), source);
        let mut columns = vec![named("file", Source::File), named("company", Source::Company)];
        let context = fw.questionnaire.context.iter().enumerate();
        columns.extend(
            context
                .filter(|(_, q)| matches!(q.kind, ContextKind::Choice | ContextKind::Number))
                .map(|(i, q)| named(&q.id, Source::Context(i))),
        );
        columns.extend([named("overall", Source::Overall), named("tier", Source::Tier)]);
        columns.push(named("confidence", Source::Confidence));
        let dimensions = fw.questionnaire.dimensions.iter().enumerate();
        columns.extend(dimensions.map(|(i, d)| (format!("{DIMENSION_PREFIX}{}", d.id), Source::Dimension(i))));
        columns.extend(fw.scoring.rings.iter().map(|r| (format!("{RING_PREFIX}{}", r.id.id()), Source::Ring(r.id))));
        columns.push(named("top_risk", Source::TopRisk));
        Columns(columns)
    }

    /// The row of one file's answers and their scores.
    pub fn row(&self, file: &str, fw: &Frameworks, answers: &Answers, s: &Scores) -> Row {
        Row(self.0.iter().map(|(_, source)| cell(*source, file, fw, answers, s)).collect())
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(name, _)| name.as_str())
    }

    pub(crate) fn csv_header(&self, keep_formulas: bool) -> String {
        let mut line = String::new();
        for (i, name) in self.names().enumerate() {
            line += if i == 0 { "" } else { "," };
            csv_field(name, keep_formulas, &mut line);
        }
        line + "\n"
    }

    /// The row as one CSV line, added to `line`.
    pub(crate) fn csv(&self, row: &Row, keep_formulas: bool, line: &mut String) {
        for (i, cell) in row.0.iter().enumerate() {
            line.push_str(if i == 0 { "" } else { "," });
            match cell {
                Cell::Text(text) => csv_field(text, keep_formulas, line),
                Cell::Number(n) => write!(line, "{n}").expect("writing to a String"),
                Cell::Count(n) => write!(line, "{n}").expect("writing to a String"),
            }
        }
        line.push('\n');
    }

    /// One JSON object on one line, keys in column order. Characters that could drive a
    /// terminal are written as `\u` escapes, so the line is inert and still exact.
    pub(crate) fn json_line(&self, row: &Row) -> String {
        let fields: Vec<String> = self
            .names()
            .zip(&row.0)
            .map(|(name, cell)| {
                let value = match cell {
                    Cell::Text(text) => serde_json::Value::from(text.as_str()),
                    Cell::Number(n) => serde_json::Value::from(*n),
                    Cell::Count(n) => serde_json::Value::from(*n),
                };
                format!("{}:{value}", serde_json::Value::from(name))
            })
            .collect();
        format!("{{{}}}\n", crate::inert::json_escaped(&fields.join(",")))
    }

    /// The numeric columns of a row, for the portfolio summary.
    pub(crate) fn numbers<'r>(&'r self, row: &'r Row) -> impl Iterator<Item = (&'r str, f64)> {
        self.names().zip(&row.0).filter_map(|(name, cell)| match cell {
            Cell::Number(n) => Some((name, *n)),
            _ => None,
        })
    }

    /// A row's value in the column of this name.
    pub(crate) fn get<'r>(&self, row: &'r Row, name: &str) -> Option<&'r Cell> {
        self.names().position(|n| n == name).map(|i| &row.0[i])
    }
}

fn cell(source: Source, file: &str, fw: &Frameworks, answers: &Answers, s: &Scores) -> Cell {
    match source {
        Source::File => Cell::Text(file.to_string()),
        Source::Company => Cell::Text(answers.text_for(fw, ContextRole::Company).to_string()),
        Source::Context(i) => {
            let q = &fw.questionnaire.context[i];
            let value = answers.context.get(&q.id).map(|v| display_context(fw, q, v));
            match q.kind {
                ContextKind::Number => {
                    value.and_then(|v| v.parse().ok()).map_or(Cell::Text(String::new()), Cell::Number)
                }
                _ => Cell::Text(value.unwrap_or_default()),
            }
        }
        Source::Overall => Cell::Number(s.readiness.overall),
        Source::Tier => Cell::Text(s.readiness.tier.id.to_string()),
        Source::Confidence => Cell::Number(s.readiness.confidence),
        Source::Dimension(i) => Cell::Number(s.readiness.dimensions[i].score),
        Source::Ring(ring) => Cell::Count(s.technologies.iter().filter(|t| t.adoption_timeline.ring == ring).count()),
        Source::TopRisk => Cell::Text(s.risks.first().map_or(String::new(), |r| r.id.to_string())),
    }
}

/// A CSV field, added to `line`: characters that could drive a terminal replaced (a row is
/// one line), a leading formula character neutralised unless `keep_formulas`, and RFC 4180
/// quoting.
fn csv_field(text: &str, keep_formulas: bool, line: &mut String) {
    let text = printable_line(text);
    let neutralise = !keep_formulas && is_formula(&text);
    if neutralise || text.contains([',', '"']) {
        line.push('"');
        line.push_str(if neutralise { "'" } else { "" });
        line.push_str(&text.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(&text);
    }
}

/// Whether a spreadsheet would take the cell for a formula (OWASP, "CSV Injection"): it
/// starts with =, +, -, @, a tab or a carriage return.
fn is_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frameworks::Load;
    use crate::testing::as_of;

    /// A row scored without the report's parts says what the full assessment says.
    #[test]
    fn a_row_agrees_with_the_full_assessment() {
        let fw = Frameworks::builtin().unwrap();
        let columns = Columns::of(&fw);
        for (example, answers) in crate::testing::example_answers(&fw) {
            let scores = crate::score::scores(&fw, &answers, as_of(), crate::score::Detail::Row);
            let row = columns.row(example, &fw, &answers, &scores);
            assert_eq!(row.0.len(), columns.names().count());
            assert_eq!(columns.get(&row, "file"), Some(&Cell::Text(example.to_string())));
            let a = crate::score::assess(&fw, &answers, as_of());
            let cell = |name: &str| columns.get(&row, name).cloned().unwrap();
            assert_eq!(cell("company"), Cell::Text(a.company.to_string()));
            assert_eq!(cell("overall"), Cell::Number(a.readiness.overall));
            assert_eq!(cell("tier"), Cell::Text(a.readiness.tier.id.to_string()));
            assert_eq!(cell("confidence"), Cell::Number(a.readiness.confidence));
            assert_eq!(cell("top_risk"), Cell::Text(a.risks[0].id.to_string()), "{example}");
            for d in &a.readiness.dimensions {
                assert_eq!(cell(&format!("{DIMENSION_PREFIX}{}", d.id)), Cell::Number(d.score));
            }
            for ring in &fw.scoring.rings {
                let count = a.technologies.iter().filter(|t| t.adoption_timeline.ring == ring.id).count();
                assert_eq!(cell(&format!("{RING_PREFIX}{}", ring.id.id())), Cell::Count(count), "{example}");
            }
            for c in &a.context {
                let kind = fw.context_question(&c.id).unwrap().kind;
                match kind {
                    ContextKind::Choice => assert_eq!(cell(&c.id), Cell::Text(c.value.to_string())),
                    ContextKind::Number => assert_eq!(cell(&c.id), Cell::Number(c.value.parse().unwrap())),
                    ContextKind::Text | ContextKind::Multi => {}
                }
            }
        }
    }

    fn csv_field(text: &str, keep_formulas: bool) -> String {
        let mut field = String::new();
        super::csv_field(text, keep_formulas, &mut field);
        field
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("Acme", false), "Acme");
        assert_eq!(csv_field("Acme, Inc.", false), "\"Acme, Inc.\"");
        assert_eq!(csv_field("The \"Best\" Co", false), "\"The \"\"Best\"\" Co\"");
    }

    #[test]
    fn csv_cells_never_hold_formulas_or_control_characters_by_default() {
        for cell in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            let field = csv_field(cell, false);
            let value = field.trim_start_matches('"');
            assert!(!is_formula(value), "{cell:?} -> {field:?}");
        }
        assert_eq!(csv_field("=1+2", false), "\"'=1+2\"");
        assert_eq!(csv_field("=1+2", true), "=1+2");
        assert_eq!(csv_field("Evil\u{1b}]52;c;eA==\u{7}\nCo", true), "Evil\u{FFFD}]52;c;eA==\u{FFFD}\u{FFFD}Co");
    }
}
