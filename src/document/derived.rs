//! What more than one backend derives from the model: groups, grids and plain text.

use super::{Align, Block, Chart, Column, Document, GanttRow, Span, Table};

/// Every chart in the document, in reading order: a hook for the tests, which hold each
/// backend to draw every chart.
#[doc(hidden)]
pub fn charts(document: &Document) -> impl Iterator<Item = &Chart> {
    document.cover.iter().chain(document.sections.iter().flat_map(|s| &s.blocks)).filter_map(|b| match b {
        Block::Chart(c) => Some(c),
        _ => None,
    })
}

/// The text of a run of spans, emphasis dropped.
pub fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// The groups of a gantt's rows in first-seen order, each with its rows.
pub(crate) fn gantt_groups(rows: &[GanttRow]) -> Vec<(&str, Vec<&GanttRow>)> {
    let mut groups: Vec<(&str, Vec<&GanttRow>)> = Vec::new();
    for row in rows {
        match groups.iter_mut().find(|(g, _)| *g == row.group) {
            Some((_, members)) => members.push(row),
            None => groups.push((&row.group, vec![row])),
        }
    }
    groups
}

/// A heat map as a table: the row titles down the first column, the column titles across, the
/// cell's labels joined. The corner names both axes; arrows, not words, say which is which.
pub(crate) fn heat_map_table(
    row_title: &str,
    col_title: &str,
    rows: &[String],
    cols: &[String],
    cells: &[Vec<Vec<String>>],
) -> Table {
    let column = |header: String| Column { header, align: Align::Left, wide: false };
    let mut columns = vec![column(format!("{row_title} ↓ {col_title} →"))];
    columns.extend(cols.iter().cloned().map(column));
    let rows = rows
        .iter()
        .enumerate()
        .map(|(r, name)| {
            let mut row = vec![vec![Span::strong(name.as_str())]];
            row.extend((0..cols.len()).map(|c| {
                let labels = cells.get(r).and_then(|row| row.get(c)).map(|l| l.join(", ")).unwrap_or_default();
                vec![Span::plain(labels)]
            }));
            row
        })
        .collect();
    Table { caption: None, columns, rows }
}
