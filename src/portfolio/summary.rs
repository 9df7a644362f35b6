//! The portfolio summary: the distribution of every score across the assessments scored.

use super::row::{Cell, Row};
use crate::frameworks::Frameworks;
use crate::report::num;
use crate::report::{markdown_escape as esc, markdown_header, markdown_row};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The numeric columns of every row, and the count per tier.
#[derive(Debug, Default)]
pub struct Summary {
    columns: Vec<(String, Vec<f64>)>,
    tiers: BTreeMap<String, usize>,
    count: usize,
}

impl Summary {
    pub fn add(&mut self, row: &Row) {
        self.count += 1;
        for (name, value) in row.numbers() {
            match self.columns.iter_mut().find(|(n, _)| n == name) {
                Some((_, values)) => values.push(value),
                None => self.columns.push((name.to_string(), vec![value])),
            }
        }
        if let Some((_, Cell::Text(tier))) = row.0.iter().find(|(name, _)| name == "tier") {
            *self.tiers.entry(tier.clone()).or_default() += 1;
        }
    }

    pub fn markdown(&self, fw: &Frameworks, failed: &[String]) -> String {
        let mut out = String::from("# AI marketing readiness: portfolio summary\n\n");
        let _ = writeln!(out, "{} assessments scored, {} files failed.\n", self.count, failed.len());
        markdown_header(&mut out, &["Score", "Min", "Q1", "Median", "Q3", "Max", "Mean"]);
        for (name, values) in &self.columns {
            let label =
                name.strip_prefix(super::row::DIMENSION_PREFIX).map_or(name.as_str(), |id| fw.dimension_name(id));
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let mean = sorted.iter().sum::<f64>() / sorted.len() as f64;
            let quantiles = [0.0, 0.25, 0.5, 0.75, 1.0].map(|p| num(quantile(&sorted, p)));
            markdown_row(&mut out, &[&[esc(label)], &quantiles[..], &[num(mean)]].concat());
        }
        out.push('\n');
        markdown_header(&mut out, &["Tier", "Assessments"]);
        for tier in &fw.scoring.tiers {
            let count = self.tiers.get(tier.id.as_str()).copied().unwrap_or(0);
            markdown_row(&mut out, &[esc(&tier.name), count.to_string()]);
        }
        if !failed.is_empty() {
            out.push_str("\n## Files that could not be scored\n\n");
            for file in failed {
                let _ = writeln!(out, "- {}", esc(&crate::error::printable_line(file)));
            }
        }
        out
    }
}

/// The `p` quantile of sorted values, interpolating between neighbours.
fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = p * (sorted.len() - 1) as f64;
    let (low, high) = (at.floor() as usize, at.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (at - low as f64)
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn quantiles_interpolate() {
        let v = [10.0, 20.0, 30.0, 40.0, 50.0];
        assert_eq!(
            (quantile(&v, 0.0), quantile(&v, 0.25), quantile(&v, 0.5), quantile(&v, 1.0)),
            (10.0, 20.0, 30.0, 50.0)
        );
        assert_eq!(quantile(&[10.0, 20.0], 0.5), 15.0);
    }
}
