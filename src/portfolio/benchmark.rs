//! Where one business stands among a portfolio: its percentile on overall readiness and on
//! each dimension, read from the JSON Lines that `readiness batch --format jsonl` writes.

use crate::assessment::{Assessment, Benchmark, DimensionPercentile};
use crate::diagnostic::{Diagnostic, InputError, Location};
use crate::frameworks::columns::DIMENSION_PREFIX;
use crate::input::{MAX_LINE_BYTES, bounded_lines};
use crate::message::{number, plain_message};
use std::io::BufRead;

/// Counts of portfolio scores below and equal to one business's score.
#[derive(Default, Clone, Copy)]
struct Rank {
    below: usize,
    equal: usize,
}

impl Rank {
    fn add(&mut self, other: f64, mine: f64) {
        if other < mine {
            self.below += 1;
        } else if other == mine {
            self.equal += 1;
        }
    }

    fn percentile(self, n: usize) -> f64 {
        100.0 * (self.below as f64 + 0.5 * self.equal as f64) / n.max(1) as f64
    }
}

/// Reads the portfolio line by line (memory does not grow with its size, and a line is at
/// most [`MAX_LINE_BYTES`]) and ranks `a` in it.
pub(crate) fn benchmark(a: &Assessment, name: &str, portfolio: impl BufRead) -> Result<Benchmark, InputError> {
    let mut overall = Rank::default();
    let mut dimensions = vec![Rank::default(); a.readiness.dimensions.len()];
    let mut n = 0;
    for (i, line) in bounded_lines(portfolio, MAX_LINE_BYTES).enumerate() {
        let line = line.map_err(|e| InputError::message(format!("cannot read `{name}`, line {}: {e}", i + 1)))?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: String, column: usize| {
            let location = Location::on_line(name, i + 1, &line, column, 1);
            InputError::new(vec![Diagnostic::new(what).at(Some(location))])
        };
        let row: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| bad(format!("not a JSON object: {}", plain_message(&e.to_string())), e.column()))?;
        let number = |key: &str| match row.get(key).and_then(serde_json::Value::as_f64) {
            Some(x) if (0.0..=100.0).contains(&x) => Ok(x),
            Some(x) => {
                Err(bad(format!("`{key}` is {}, expected a score from 0 to 100", number(x)), key_column(&line, key)))
            }
            None => Err(bad(
                format!("no number `{key}`: expected rows written by `readiness batch --format jsonl`"),
                key_column(&line, key),
            )),
        };
        overall.add(number("overall")?, a.readiness.overall);
        for (rank, d) in dimensions.iter_mut().zip(&a.readiness.dimensions) {
            rank.add(number(&format!("{DIMENSION_PREFIX}{}", d.id))?, d.score);
        }
        n += 1;
    }
    if n == 0 {
        return Err(InputError::message(format!("`{name}` holds no assessments to benchmark against")));
    }
    Ok(Benchmark {
        portfolio_size: n,
        overall_percentile: overall.percentile(n),
        dimensions: a
            .readiness
            .dimensions
            .iter()
            .zip(dimensions)
            .map(|(d, r)| DimensionPercentile { dimension: d.id.clone(), percentile: r.percentile(n) })
            .collect(),
    })
}

/// The column of `"key"` in a line, or 1 when it is missing.
fn key_column(line: &str, key: &str) -> usize {
    line.find(&format!("\"{key}\"")).map_or(1, |at| line[..at].chars().count() + 1)
}
