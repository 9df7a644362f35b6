//! Tables on the terminal: a comfy-table grid when it fits, each row as a block of
//! `Header: value` lines when the screen is too narrow for one.

use super::text::{Painter, clean, width as columns, wrap};
use crate::document::{Align, Span, Table, plain_text};
use comfy_table::{Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Width};

/// Below this many columns a grid is too cramped to read: rows are stacked instead.
pub(crate) const STACK_BELOW: usize = 70;

pub(crate) fn lines(table: &Table, width: usize, painter: Painter) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(caption) = &table.caption {
        out.extend(wrap(&[Span::strong(caption.as_str())], width, "", "", painter));
    }
    match grid(table, width, painter) {
        Some(grid) if width >= STACK_BELOW => out.extend(grid),
        _ => out.extend(stacked(table, width, painter)),
    }
    out
}

/// The table as a grid, or `None` when comfy-table cannot keep it within `width`.
fn grid(table: &Table, width: usize, painter: Painter) -> Option<Vec<String>> {
    let mut grid = comfy_table::Table::new();
    grid.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX));
    if painter.colour {
        grid.enforce_styling();
    } else {
        grid.force_no_tty();
    }
    grid.set_header(table.columns.iter().map(|c| Cell::new(clean(&c.header)).add_attribute(Attribute::Bold)));
    for row in &table.rows {
        grid.add_row(row.iter().map(|cell| Cell::new(clean(&plain_text(cell)))));
    }
    let wide = table.columns.iter().filter(|c| c.wide).count() as u16;
    for (i, column) in table.columns.iter().enumerate() {
        let Some(target) = grid.column_mut(i) else { continue };
        if column.align == Align::Right {
            target.set_cell_alignment(CellAlignment::Right);
        }
        if column.wide {
            target.set_constraint(ColumnConstraint::LowerBoundary(Width::Percentage((60 / wide).min(40))));
        } else {
            // Room for the longest word, so a narrow column never splits one ("Technolog|y");
            // when that cannot fit, the rows are stacked instead.
            let words = std::iter::once(column.header.clone())
                .chain(table.rows.iter().filter_map(|row| row.get(i).map(|cell| plain_text(cell))));
            let longest = words.flat_map(|t| t.split_whitespace().map(columns).max()).max().unwrap_or(0);
            let padded = u16::try_from(longest.min(24) + 2).unwrap_or(u16::MAX);
            target.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(padded)));
        }
    }
    let lines: Vec<String> = grid.lines().collect();
    let fits = lines.iter().all(|l| columns(l) <= width);
    fits.then_some(lines)
}

/// Each row as a block, rows apart by a blank line: the first cell in bold as the block's
/// title, then a `Header: value` line for each other cell that has a value.
fn stacked(table: &Table, width: usize, painter: Painter) -> Vec<String> {
    let mut out = Vec::new();
    for row in &table.rows {
        if !out.is_empty() {
            out.push(String::new());
        }
        let mut cells = table.columns.iter().zip(row);
        if let Some((_, first)) = cells.next() {
            let title: Vec<Span> = first.iter().map(|s| Span::strong(s.text.as_str())).collect();
            out.extend(wrap(&title, width, "", "  ", painter));
        }
        for (column, cell) in cells.filter(|(_, cell)| !plain_text(cell).trim().is_empty()) {
            let mut spans = vec![Span::strong(format!("{}:", column.header)), Span::plain(" ")];
            spans.extend(cell.iter().cloned());
            out.extend(wrap(&spans, width, "", "  ", painter));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Column;

    fn sample() -> Table {
        let column = |header: &str, align, wide| Column { header: header.into(), align, wide };
        Table {
            caption: Some("Scores".into()),
            columns: vec![column("Dimension", Align::Left, false), column("Score", Align::Right, false)],
            rows: vec![vec![vec![Span::plain("Data")], vec![Span::strong("62")]]],
        }
    }

    #[test]
    fn wide_screens_get_a_grid_narrow_ones_stacked_rows() {
        let painter = Painter { colour: false };
        let wide = lines(&sample(), 80, painter);
        assert_eq!(wide[0], "Scores");
        assert!(wide.iter().any(|l| l.contains("│ Data") && l.trim_end().ends_with("62 │")), "{wide:#?}");
        let narrow = lines(&sample(), 40, painter);
        assert_eq!(narrow, ["Scores", "Data", "Score: 62"]);
    }

    #[test]
    fn coloured_headers_are_measured_without_their_escapes() {
        let coloured = lines(&sample(), 80, Painter { colour: true });
        assert!(coloured.iter().any(|l| l.contains("\u{1b}[1m")), "{coloured:#?}");
        assert!(coloured.iter().all(|l| columns(l) <= 80));
    }
}
