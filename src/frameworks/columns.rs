//! The names of the columns every `readiness batch` row has, whatever the frameworks: here, below
//! the portfolio that writes them, so the frameworks check can refuse a context question whose id
//! would clash with one.

/// Prefix of the dimension score columns (`dim_data`), which the benchmark reads back.
pub(crate) const DIMENSION_PREFIX: &str = "dim_";

/// Prefix of the columns counting technologies per ring (`ring_adopt`).
pub(crate) const RING_PREFIX: &str = "ring_";

/// The columns every row has, whatever the frameworks.
const FIXED_COLUMNS: [&str; 6] = ["file", "company", "overall", "tier", "confidence", "top_risk"];

/// Whether a context question with this id would clash with one of the row's own columns.
pub(crate) fn is_reserved_column(id: &str) -> bool {
    FIXED_COLUMNS.contains(&id) || id.starts_with(DIMENSION_PREFIX) || id.starts_with(RING_PREFIX)
}
