//! A heat map: a grid of cells shaded from cool (bottom left) to hot (top right), each
//! listing its labels, the full lists repeated under the drawing.

use super::super::escape;
use super::super::svg::{Anchor, Svg, fit};
use super::Drawing;
use crate::document::Chart;

const NAMES_RIGHT: f64 = 118.0;
const LEFT: f64 = 126.0;
const RIGHT: f64 = 676.0;
const TOP: f64 = 30.0;
const FONT: f64 = 10.5;
const LEADING: f64 = 14.0;

pub(super) fn draw(
    chart: &Chart,
    id: &str,
    row_title: &str,
    col_title: &str,
    rows: &[String],
    cols: &[String],
    cells: &[Vec<Vec<String>>],
) -> Drawing {
    let labels = |r: usize, c: usize| cells.get(r).and_then(|row| row.get(c)).map(Vec::as_slice).unwrap_or_default();
    let width = (RIGHT - LEFT) / cols.len().max(1) as f64;
    let heights: Vec<f64> = (0..rows.len())
        .map(|r| (0..cols.len()).map(|c| 14.0 + LEADING * labels(r, c).len() as f64).fold(52.0, f64::max))
        .collect();
    let grid_height: f64 = heights.iter().sum();
    let mut svg = Svg::new(id, TOP + grid_height + 30.0, &chart.title, &chart.alt);
    svg.text(
        (NAMES_RIGHT, TOP - 10.0),
        Anchor::End,
        "axis-title",
        &format!("{} ↑", fit(row_title, 110.0, FONT, 1).concat()),
    );
    for (c, name) in cols.iter().enumerate() {
        let centre = LEFT + (c as f64 + 0.5) * width;
        svg.text((centre, TOP - 10.0), Anchor::Middle, "label", &fit(name, width - 6.0, FONT, 1).concat());
    }
    let mut y = TOP;
    for (r, (name, height)) in rows.iter().zip(&heights).enumerate() {
        let lines = fit(name, NAMES_RIGHT - 6.0, FONT, 2);
        svg.lines(
            (NAMES_RIGHT, y + height / 2.0 - (lines.len() as f64 - 1.0) * 6.0 + 4.0),
            Anchor::End,
            "label",
            &lines,
            12.0,
        );
        for c in 0..cols.len() {
            let x = LEFT + c as f64 * width;
            let level = heat(r, c, rows.len(), cols.len());
            svg.rect(x, y, width, *height, &format!("heat h{level}"));
            level_marks(&mut svg, (x + width - 6.0, y + 6.0), level);
            for (i, label) in labels(r, c).iter().enumerate() {
                let text = fit(label, width - 12.0, FONT, 1).concat();
                svg.text((x + 6.0, y + 18.0 + i as f64 * LEADING), Anchor::Start, "cell-label", &text);
            }
        }
        y += height;
    }
    let col_title = fit(col_title, RIGHT - LEFT - 20.0, FONT, 1).concat();
    svg.text(((LEFT + RIGHT) / 2.0, y + 20.0), Anchor::Middle, "axis-title", &format!("{col_title} →"));
    Drawing { svg: svg.finish(), legend: legend(rows, cols, &labels) }
}

/// One small square per level above the coolest, from the cell's top-right corner leftwards:
/// the heat reads in greyscale as well as in colour.
fn level_marks(svg: &mut Svg, (right, top): (f64, f64), level: usize) {
    for i in 0..level {
        svg.rect(right - 5.0 - i as f64 * 7.0, top, 5.0, 5.0, "heat-mark");
    }
}

/// How hot a cell is, 0 to 4: rising toward the first row and the last column.
fn heat(row: usize, col: usize, rows: usize, cols: usize) -> usize {
    let up = if rows > 1 { (rows - 1 - row) as f64 / (rows - 1) as f64 } else { 1.0 };
    let right = if cols > 1 { col as f64 / (cols - 1) as f64 } else { 1.0 };
    ((up + right) / 2.0 * 4.0).round() as usize
}

/// A legend swatch of a cell's colour with its level marks.
fn level_key(level: usize) -> String {
    let mut svg = Svg::key(34.0, 12.0);
    svg.rect(0.0, 0.0, 34.0, 12.0, &format!("heat h{level}"));
    level_marks(&mut svg, (34.0 - 2.0, 3.5), level);
    svg.finish()
}

/// Every cell that holds labels, with its row and column names and the labels in full.
fn legend<'a>(rows: &[String], cols: &[String], labels: &dyn Fn(usize, usize) -> &'a [String]) -> String {
    let mut items = String::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, col) in cols.iter().enumerate() {
            let here = labels(r, c);
            if !here.is_empty() {
                items.push_str(&format!(
                    "<li>{}<strong>{} × {}</strong>: {}</li>",
                    level_key(heat(r, c, rows.len(), cols.len())),
                    escape::text(row),
                    escape::text(col),
                    escape::text(&here.join(", "))
                ));
            }
        }
    }
    format!("<ul class=\"legend-cells\">{items}</ul>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_rises_toward_the_top_right() {
        assert_eq!(heat(0, 2, 3, 3), 4);
        assert_eq!(heat(2, 0, 3, 3), 0);
        assert_eq!(heat(1, 1, 3, 3), 2);
        assert_eq!(heat(0, 0, 1, 1), 4);
    }
}
