//! Many assessments at once: `readiness batch` scores a portfolio of answer files into rows
//! for CSV or JSON Lines, or into the numbers of a portfolio summary, and `assess --benchmark`
//! places one business among such rows.

mod batch;
mod benchmark;
mod row;
mod summary;

pub(crate) use batch::{BatchFormat, BatchOutcome, Options, answer_files, run, walk};
pub(crate) use benchmark::benchmark;
pub use row::{Columns, Row};
pub use summary::{Distribution, Measure, Summary};
