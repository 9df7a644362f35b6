//! How every backend writes a chart's number: the one place numbers become text.

/// A value with at most one decimal and no trailing zero (`100`, `62.5`, `-3`): Mermaid
/// rejects `1.00`-style values in some diagrams, and a reader does not need them. A value that
/// is not finite is written as `0`, so no backend can emit `NaN` into a chart.
pub fn number(value: f64) -> String {
    let tenths = (finite(value) * 10.0).round();
    let tenths = if tenths == 0.0 { 0.0 } else { tenths }; // no "-0"
    if tenths % 10.0 == 0.0 { format!("{}", tenths / 10.0) } else { format!("{:.1}", tenths / 10.0) }
}

/// The value, or 0 when it is NaN or infinite: geometry and text agree on what they draw.
pub(crate) fn finite(value: f64) -> f64 {
    if value.is_finite() { value } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_have_no_decimals_and_halves_one() {
        assert_eq!(number(100.0), "100");
        assert_eq!(number(1.0), "1");
        assert_eq!(number(62.5), "62.5");
        assert_eq!(number(62.04), "62");
        assert_eq!(number(0.96), "1");
        assert_eq!(number(-0.01), "0");
        assert_eq!(number(-3.25), "-3.3");
        assert_eq!(number(f64::NAN), "0");
        assert_eq!(number(f64::INFINITY), "0");
    }
}
