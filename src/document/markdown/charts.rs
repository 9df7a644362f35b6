//! Charts in Markdown: a Mermaid gantt, an `xychart-beta` bar chart followed by a table of
//! its numbers (Mermaid draws no legend for bars) and a `radar-beta` spider; a technology radar
//! and a heat map as tables, which Mermaid has no diagram for.

use super::escape::{inline, line_start, mermaid};
use super::{Markdown, list, table_text};
use crate::document::derived::{gantt_groups, heat_map_table};
use crate::document::{Align, Chart, ChartKind, Column, GanttRow, Phase, RadarItem, Series, Span, Table, number};
use std::fmt::Write;

pub(crate) fn chart(md: &mut Markdown, chart: &Chart) {
    let title = inline(&chart.title).trim().to_string();
    md.block(match inline(&chart.alt).trim() {
        "" => line_start(title),
        alt => format!("**{title}** — {alt}"),
    });
    let accessible = format!("  accTitle: {}\n  accDescr: {}\n", mermaid(&chart.title), mermaid(&chart.alt));
    match &chart.kind {
        // Every spider in a report sits beside a table of its scores and ranges, so a second
        // table here would only repeat it.
        ChartKind::Spider { axes, max, series, .. } => md.block(fence(&spider(axes, *max, series, &accessible))),
        ChartKind::Bars { max, categories, series } => {
            md.block(fence(&bars(*max, categories, series, &accessible)));
            md.block(table_text(&values_table(categories, series)));
        }
        ChartKind::Gantt { months, phases, rows, .. } => md.block(fence(&gantt(*months, phases, rows, &accessible))),
        ChartKind::Radar { rings, sectors, items, outside_title, outside } => {
            md.block(table_text(&radar_table(rings, sectors, items)));
            if !outside.is_empty() {
                md.block(line_start(inline(outside_title)));
                let items: Vec<Vec<Span>> = outside.iter().map(|label| vec![Span::strong(label.as_str())]).collect();
                md.block(list(false, &items));
            }
        }
        ChartKind::HeatMap { row_title, col_title, rows, cols, cells } => {
            md.block(table_text(&heat_map_table(row_title, col_title, rows, cols, cells)));
        }
    }
}

fn fence(diagram: &str) -> String {
    format!("```mermaid\n{diagram}```")
}

/// A quoted Mermaid string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", mermaid(text))
}

fn value(values: &[f64], i: usize) -> String {
    number(values.get(i).copied().unwrap_or(0.0))
}

fn spider(axes: &[String], max: f64, series: &[Series], accessible: &str) -> String {
    let mut out = format!("radar-beta\n{accessible}");
    let axes_list: Vec<String> = axes.iter().enumerate().map(|(i, a)| format!("a{i}[{}]", quoted(a))).collect();
    let _ = writeln!(out, "  axis {}", axes_list.join(", "));
    for (i, s) in series.iter().enumerate() {
        let values: Vec<String> = (0..axes.len()).map(|a| value(&s.values, a)).collect();
        let _ = writeln!(out, "  curve s{i}[{}]{{{}}}", quoted(&s.name), values.join(", "));
    }
    let _ = writeln!(out, "  max {}\n  min 0", number(max));
    out
}

fn bars(max: f64, categories: &[String], series: &[Series], accessible: &str) -> String {
    let mut out = format!("xychart-beta\n{accessible}");
    let names: Vec<String> = categories.iter().map(|c| quoted(c)).collect();
    let _ = writeln!(out, "  x-axis [{}]", names.join(", "));
    let _ = writeln!(out, "  y-axis 0 --> {}", number(max));
    // Mermaid draws every bar series at the same place, so only the first is bars; the others
    // are lines over it, and the table below gives every value.
    for (i, s) in series.iter().enumerate() {
        let values: Vec<String> = (0..categories.len()).map(|c| value(&s.values, c)).collect();
        let _ = writeln!(out, "  {} [{}]", if i == 0 { "bar" } else { "line" }, values.join(", "));
    }
    out
}

/// Words a gantt line may not start with: a label starting with one would be read as it.
const GANTT_KEYWORDS: &[&str] = &[
    "title",
    "section",
    "dateformat",
    "axisformat",
    "tickinterval",
    "excludes",
    "includes",
    "todaymarker",
    "weekday",
    "weekend",
    "inclusiveenddates",
    "topaxis",
    "acctitle",
    "accdescr",
    "click",
    "displaymode",
];

/// A gantt task name: a Mermaid label that cannot be read as a keyword (a word joiner, which
/// shows as nothing, goes before one that starts like a keyword).
fn task_name(text: &str) -> String {
    let label = mermaid(text);
    let lower = label.to_lowercase();
    if GANTT_KEYWORDS.iter().any(|k| lower.starts_with(k)) { format!("\u{2060}{label}") } else { label }
}

/// Months as dates from January 2001 (any year would do: the axis shows month numbers).
fn month_start(month: u32) -> String {
    let m = month.max(1) - 1;
    format!("{}-{:02}-01", 2001 + m / 12, m % 12 + 1)
}

fn gantt(months: u32, phases: &[Phase], rows: &[GanttRow], accessible: &str) -> String {
    let mut out = format!("gantt\n{accessible}");
    out.push_str("  dateFormat YYYY-MM-DD\n  axisFormat %m\n  tickInterval 1month\n  todayMarker off\n");
    let task = |out: &mut String, name: &str, tag: &str, id: String, start: u32, end: u32| {
        let (start, end) = (start.clamp(1, months.max(1)), end.clamp(start.max(1), months.max(1)));
        let _ = writeln!(out, "  {} :{tag}{id}, {}, {}", task_name(name), month_start(start), month_start(end + 1));
    };
    for (i, phase) in phases.iter().enumerate() {
        task(&mut out, &phase.name, "", format!("p{i}"), phase.start, phase.end);
    }
    let mut n = 0;
    for (group, members) in gantt_groups(rows) {
        let _ = writeln!(out, "  section {}", mermaid(group));
        for row in members {
            task(&mut out, &row.label, "", format!("t{n}"), row.start, row.end);
            n += 1;
        }
    }
    out
}

fn column(header: &str, align: Align) -> Column {
    Column { header: header.to_string(), align, wide: false }
}

/// The numbers behind a spider or bar chart: a row per axis, a column per series, and the
/// band's range if there is one.
fn values_table(axes: &[String], series: &[Series]) -> Table {
    let mut columns = vec![column("", Align::Left)];
    columns.extend(series.iter().map(|s| column(&s.name, Align::Right)));
    let rows = axes
        .iter()
        .enumerate()
        .map(|(a, axis)| {
            let mut row = vec![vec![Span::plain(axis.as_str())]];
            row.extend(series.iter().map(|s| vec![Span::plain(value(&s.values, a))]));
            row
        })
        .collect();
    Table { caption: None, columns, rows }
}

/// A radar as a grid: rings down, sectors across, each cell the items in it.
fn radar_table(rings: &[String], sectors: &[String], items: &[RadarItem]) -> Table {
    let mut columns = vec![column("", Align::Left)];
    columns.extend(sectors.iter().map(|s| column(s, Align::Left)));
    let rows = rings
        .iter()
        .enumerate()
        .map(|(r, ring)| {
            let mut row = vec![vec![Span::strong(ring.as_str())]];
            row.extend((0..sectors.len()).map(|s| {
                let labels: Vec<&str> =
                    items.iter().filter(|i| i.ring == r && i.sector == s).map(|i| i.label.as_str()).collect();
                vec![Span::plain(labels.join(", "))]
            }));
            row
        })
        .collect();
    Table { caption: None, columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_map_to_first_days_across_years() {
        assert_eq!(month_start(1), "2001-01-01");
        assert_eq!(month_start(12), "2001-12-01");
        assert_eq!(month_start(13), "2002-01-01");
    }

    #[test]
    fn task_names_that_look_like_keywords_are_kept_as_names() {
        assert_eq!(task_name("Section 2 review"), "\u{2060}Section 2 review");
        assert_eq!(task_name("Data audit"), "Data audit");
    }
}
