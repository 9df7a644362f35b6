//! The numbers of the portfolio summary: the distribution of every numeric column across the
//! assessments scored, and the count per tier. `crate::report` turns them into a document.

use super::row::{Cell, Columns, Row};
use crate::frameworks::columns::DIMENSION_PREFIX;
use std::collections::BTreeMap;

/// The numeric columns of every row, and the count per tier.
#[derive(Debug, Default)]
pub struct Summary {
    columns: Vec<(String, Vec<f64>)>,
    tiers: BTreeMap<String, usize>,
    count: usize,
}

/// A numeric column of the rows.
#[derive(Debug, Clone, Copy)]
pub enum Measure<'a> {
    Overall,
    Confidence,
    /// A dimension's score, by the dimension's id.
    Dimension(&'a str),
    /// A context question answered with a number, by its id.
    Context(&'a str),
}

/// How one column's values spread: the five quartile points and the mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Distribution {
    pub min: f64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
    pub mean: f64,
}

impl Summary {
    pub fn add(&mut self, columns: &Columns, row: &Row) {
        self.count += 1;
        for (name, value) in columns.numbers(row) {
            match self.columns.iter_mut().find(|(n, _)| n == name) {
                Some((_, values)) => values.push(value),
                None => self.columns.push((name.to_string(), vec![value])),
            }
        }
        if let Some(Cell::Text(tier)) = columns.get(row, "tier") {
            *self.tiers.entry(tier.clone()).or_default() += 1;
        }
    }

    /// Assessments added.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// Assessments in the tier with this id.
    pub(crate) fn in_tier(&self, id: &str) -> usize {
        self.tiers.get(id).copied().unwrap_or(0)
    }

    /// The distribution of a measure, if any row had a number for it.
    pub(crate) fn distribution(&self, measure: Measure) -> Option<Distribution> {
        let column = match measure {
            Measure::Overall => "overall".to_string(),
            Measure::Confidence => "confidence".to_string(),
            Measure::Dimension(id) => format!("{DIMENSION_PREFIX}{id}"),
            Measure::Context(id) => id.to_string(),
        };
        let (_, values) = self.columns.iter().find(|(name, _)| *name == column)?;
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let q = |p| quantile(&sorted, p);
        let mean = sorted.iter().sum::<f64>() / sorted.len() as f64;
        Some(Distribution { min: q(0.0), q1: q(0.25), median: q(0.5), q3: q(0.75), max: q(1.0), mean })
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
    use super::*;
    use crate::frameworks::Load;

    #[test]
    fn quantiles_interpolate() {
        let v = [10.0, 20.0, 30.0, 40.0, 50.0];
        assert_eq!(
            (quantile(&v, 0.0), quantile(&v, 0.25), quantile(&v, 0.5), quantile(&v, 1.0)),
            (10.0, 20.0, 30.0, 50.0)
        );
        assert_eq!(quantile(&[10.0, 20.0], 0.5), 15.0);
    }

    #[test]
    fn a_distribution_is_of_its_own_column_in_any_order() {
        let columns = Columns::of(&crate::frameworks::Frameworks::builtin().unwrap());
        let row = |overall: f64, tier: &str| {
            let cell = |name: &str| match name {
                "overall" => Cell::Number(overall),
                "tier" => Cell::Text(tier.into()),
                _ => Cell::Text(String::new()),
            };
            Row(columns.names().map(cell).collect())
        };
        let mut summary = Summary::default();
        for (overall, tier) in [(70.0, "ready"), (10.0, "not_prepared"), (40.0, "developing"), (80.0, "ready")] {
            summary.add(&columns, &row(overall, tier));
        }
        let d = summary.distribution(Measure::Overall).unwrap();
        assert_eq!((d.min, d.q1, d.median, d.q3, d.max, d.mean), (10.0, 32.5, 55.0, 72.5, 80.0, 50.0));
        assert_eq!((summary.count(), summary.in_tier("ready"), summary.in_tier("leading")), (4, 2, 0));
        assert_eq!(summary.distribution(Measure::Dimension("data")), None);
    }
}
