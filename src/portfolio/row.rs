//! One assessment as a flat row with a fixed column order, written as CSV or JSON Lines from
//! the same list of cells so the two never disagree.

use crate::assessment::Assessment;
use crate::frameworks::{ContextKind, ContextQuestion, Frameworks};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Count(usize),
}

/// Column names and values, in column order.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub Vec<(String, Cell)>);

/// Prefix of the dimension score columns (`dim_data`), which the benchmark reads back.
pub const DIMENSION_PREFIX: &str = "dim_";

/// A column for each context question with one value per business (a single choice or a
/// number), taken from the questionnaire so a customised one brings its own columns.
fn context_cell(a: &Assessment, q: &ContextQuestion) -> Option<Cell> {
    let value = a.context.iter().find(|c| c.id == q.id).map(|c| c.value.as_str());
    match q.kind {
        ContextKind::Choice => Some(Cell::Text(value.unwrap_or_default().to_string())),
        ContextKind::Number => Some(value.and_then(|v| v.parse().ok()).map_or(Cell::Text(String::new()), Cell::Number)),
        ContextKind::Text | ContextKind::Multi => None,
    }
}

impl Row {
    pub fn of(file: &str, a: &Assessment, fw: &Frameworks) -> Row {
        let text = |s: &str| Cell::Text(s.to_string());
        let mut cells = vec![("file".to_string(), text(file)), ("company".to_string(), text(&a.company))];
        cells.extend(fw.questionnaire.context.iter().filter_map(|q| Some((q.id.to_string(), context_cell(a, q)?))));
        cells.extend([
            ("overall".to_string(), Cell::Number(a.readiness.overall)),
            ("tier".to_string(), text(&a.readiness.tier.id)),
            ("confidence".to_string(), Cell::Number(a.readiness.confidence)),
        ]);
        cells.extend(
            a.readiness.dimensions.iter().map(|d| (format!("{DIMENSION_PREFIX}{}", d.id), Cell::Number(d.score))),
        );
        for ring in &fw.scoring.rings {
            let count = a.technologies.iter().filter(|t| t.adoption_timeline.ring == ring.id).count();
            cells.push((format!("ring_{}", ring.id.id()), Cell::Count(count)));
        }
        cells.push(("top_risk".to_string(), Cell::Text(a.risks.first().map_or(String::new(), |r| r.id.to_string()))));
        Row(cells)
    }

    pub fn csv_header(&self) -> String {
        let names: Vec<String> = self.0.iter().map(|(name, _)| csv_field(name)).collect();
        names.join(",") + "\n"
    }

    pub fn csv(&self) -> String {
        let cells: Vec<String> = self
            .0
            .iter()
            .map(|(_, cell)| match cell {
                Cell::Text(text) => csv_field(text),
                Cell::Number(n) => n.to_string(),
                Cell::Count(n) => n.to_string(),
            })
            .collect();
        cells.join(",") + "\n"
    }

    /// One JSON object on one line, keys in column order.
    pub fn json_line(&self) -> String {
        let fields: Vec<String> = self
            .0
            .iter()
            .map(|(name, cell)| {
                let value = match cell {
                    Cell::Text(text) => serde_json::Value::from(text.as_str()),
                    Cell::Number(n) => serde_json::Value::from(*n),
                    Cell::Count(n) => serde_json::Value::from(*n),
                };
                format!("{}:{value}", serde_json::Value::from(name.as_str()))
            })
            .collect();
        format!("{{{}}}\n", fields.join(","))
    }

    /// The numeric columns, for the portfolio summary.
    pub fn numbers(&self) -> impl Iterator<Item = (&str, f64)> {
        self.0.iter().filter_map(|(name, cell)| match cell {
            Cell::Number(n) => Some((name.as_str(), *n)),
            _ => None,
        })
    }
}

/// RFC 4180 quoting: fields holding a comma, quote or line break are quoted, quotes doubled.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("Acme"), "Acme");
        assert_eq!(csv_field("Acme, Inc."), "\"Acme, Inc.\"");
        assert_eq!(csv_field("The \"Best\"\nCo"), "\"The \"\"Best\"\"\nCo\"");
    }
}
