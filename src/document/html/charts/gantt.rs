//! A gantt: phases as bands across the months, each row a bar from its first to its last month,
//! rows grouped under their group's name.

use super::super::svg::{Anchor, Svg, fit, text_width};
use super::{Drawing, Key, legend};
use crate::document::derived::gantt_groups;
use crate::document::{BarKind, Chart, GanttLegend, GanttRow, Phase};

const LABEL_LEFT: f64 = 4.0;
const INDENT: f64 = 10.0;
const LEFT: f64 = 226.0;
const RIGHT: f64 = 672.0;
const PHASES: f64 = 24.0;
const MONTHS: f64 = 44.0;
const TOP: f64 = 52.0;
/// A row of one line: room for the label's type and a bar, and no more (a plan has 20 to 30
/// rows).
const ROW: f64 = 14.5;
/// From a row's top to its first label's baseline.
const BASELINE: f64 = 11.0;
const BAR: f64 = 10.0;
const LEADING: f64 = 11.5;
const FONT: f64 = 10.5;

pub(super) fn draw(
    chart: &Chart,
    id: &str,
    months: u32,
    month_labels: &[String],
    phases: &[Phase],
    rows: &[GanttRow],
    names: &GanttLegend,
) -> Drawing {
    let months = months.max(1);
    let column = (RIGHT - LEFT) / f64::from(months);
    let x = |month: u32| LEFT + f64::from(month.clamp(1, months + 1) - 1) * column;
    let groups = gantt_groups(rows);
    let labels: Vec<Vec<Vec<String>>> = groups
        .iter()
        .map(|(_, members)| members.iter().map(|r| fit(&r.label, LEFT - INDENT - 8.0, FONT, 2)).collect())
        .collect();
    let row_height = |lines: &Vec<String>| ROW + (lines.len().max(1) - 1) as f64 * LEADING;
    let body: f64 = labels.iter().map(|g| ROW + g.iter().map(row_height).sum::<f64>()).sum();
    let mut svg = Svg::new(id, TOP + body + 6.0, &chart.title, &chart.alt);
    for (i, phase) in phases.iter().enumerate() {
        let (left, right) = (x(phase.start), x(phase.end.max(phase.start) + 1));
        svg.rect(left, TOP, right - left, body, &format!("stripe p{}", i % 2));
        svg.rect(left, 0.0, right - left, PHASES - 2.0, &format!("phase p{}", i % 2));
        let name = fit(&phase.name, right - left - 6.0, FONT, 1).concat();
        svg.text(((left + right) / 2.0, 15.0), Anchor::Middle, "phase-name", &name);
    }
    month_header(&mut svg, months, month_labels, column, body);
    let mut y = TOP;
    for ((group, members), group_labels) in groups.iter().zip(&labels) {
        svg.text((LABEL_LEFT, y + BASELINE), Anchor::Start, "group", &fit(group, LEFT - 12.0, FONT, 1).concat());
        y += ROW;
        for (row, lines) in members.iter().zip(group_labels) {
            let height = row_height(lines);
            svg.line((LABEL_LEFT, y), (RIGHT, y), "row-rule");
            svg.lines((LABEL_LEFT + INDENT, y + BASELINE), Anchor::Start, "label", lines, LEADING);
            if row.start <= months && row.end >= row.start {
                let class = match row.kind {
                    BarKind::Technology => "bar technology",
                    BarKind::Action => "bar action outline",
                };
                let left = x(row.start);
                svg.rect(left, y + (height - BAR) / 2.0, x(row.end + 1) - left, BAR, class);
            }
            y += height;
        }
    }
    let entries = [
        (Key::Fill("bar technology"), names.technology.as_str()),
        (Key::Fill("bar action outline"), names.action.as_str()),
    ];
    Drawing { svg: svg.finish(), legend: legend(entries) }
}

/// The month names (or numbers when a name does not fit its column), thinned out so that no
/// two run together, and a line between months down the chart.
fn month_header(svg: &mut Svg, months: u32, month_labels: &[String], column: f64, body: f64) {
    let calendar =
        month_labels.len() >= months as usize && month_labels.iter().all(|l| text_width(l, FONT) <= column - 3.0);
    let widest = (1..=months).map(|m| text_width(&m.to_string(), FONT)).fold(0.0, f64::max);
    let every = if calendar { 1 } else { ((widest + 4.0) / column).ceil().max(1.0) as u32 };
    for m in (1..=months).filter(|m| (m - 1) % every == 0) {
        let label = if calendar { month_labels[m as usize - 1].clone() } else { m.to_string() };
        let centre = LEFT + (f64::from(m) - 0.5) * column;
        svg.text((centre, MONTHS - 6.0), Anchor::Middle, "tick", &label);
    }
    for m in 1..months {
        let x = LEFT + f64::from(m) * column;
        svg.line((x, MONTHS), (x, TOP + body), "grid");
    }
}
