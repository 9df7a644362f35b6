//! Charts drawn in text: bars for spiders and bar charts, ring lists for a radar, month
//! columns for a gantt, a grid for a heat map.

use super::table;
use super::text::{Painter, Style, clean, pad, truncate, width as columns, wrap};
use crate::document::derived::{gantt_groups, heat_map_table};
use crate::document::number::finite;
use crate::document::{BarKind, Chart, ChartKind, GanttLegend, GanttRow, Phase, RadarItem, Series, Span, number};

pub(crate) fn lines(chart: &Chart, width: usize, painter: Painter) -> Vec<String> {
    let mut out = wrap(&[Span::strong(chart.title.as_str())], width, "", "", painter);
    out.extend(match &chart.kind {
        ChartKind::Spider { axes, max, series, band } => {
            let range = |a: usize| band.as_ref().map(|b| (value_at(&b.low, a), value_at(&b.high, a)));
            let groups = axes.iter().enumerate().map(|(a, axis)| (axis.as_str(), bars(series, a, range(a)))).collect();
            bar_chart(groups, *max, width, painter)
        }
        ChartKind::Bars { max, categories, series } => {
            let groups = categories.iter().enumerate().map(|(c, cat)| (cat.as_str(), bars(series, c, None))).collect();
            bar_chart(groups, *max, width, painter)
        }
        ChartKind::Radar { rings, sectors, items, outside_title, outside } => {
            radar(rings, sectors, items, outside_title, outside, width, painter)
        }
        ChartKind::Gantt { months, month_labels, phases, rows, legend } => {
            gantt(*months, month_labels, phases, rows, legend, width, painter)
        }
        ChartKind::HeatMap { row_title, col_title, rows, cols, cells } => {
            table::lines(&heat_map_table(row_title, col_title, rows, cols, cells), width, painter)
        }
    });
    out
}

fn value_at(values: &[f64], i: usize) -> f64 {
    finite(values.get(i).copied().unwrap_or(0.0))
}

/// One bar: the series it belongs to, its value and the range left open around it.
struct Bar<'a> {
    series: usize,
    name: &'a str,
    value: f64,
    range: Option<(f64, f64)>,
}

fn bars(series: &[Series], at: usize, range: Option<(f64, f64)>) -> Vec<Bar<'_>> {
    let first = |i: usize| if i == 0 { range } else { None };
    series
        .iter()
        .enumerate()
        .map(|(i, s)| Bar { series: i, name: &s.name, value: value_at(&s.values, at), range: first(i) })
        .collect()
}

/// Horizontal bars: one line per category when there is one series, else the category's name
/// over one line per series. A label too long for its column gets a line of its own.
fn bar_chart(groups: Vec<(&str, Vec<Bar>)>, max: f64, width: usize, painter: Painter) -> Vec<String> {
    let single = groups.iter().all(|(_, bars)| bars.len() <= 1);
    let value_width = groups.iter().flat_map(|(_, b)| b).map(|b| columns(&number(b.value))).max().unwrap_or(0);
    let figure = |bar: &Bar| {
        let value = format!("{:>value_width$}", number(bar.value));
        match bar.range {
            Some((low, high)) if number(low) != number(high) => format!("{value} {}–{}", number(low), number(high)),
            _ => value,
        }
    };
    let figure_width = groups.iter().flat_map(|(_, b)| b).map(|b| columns(&figure(b))).max().unwrap_or(0);
    let label_of = |label: &str, bar: &Bar| if single { clean(label) } else { format!("  {}", clean(bar.name)) };
    let longest = groups.iter().flat_map(|(l, b)| b.iter().map(|bar| columns(&label_of(l, bar)))).max().unwrap_or(0);
    let label_width = longest.min(width * 2 / 5);
    let bar_width = width.saturating_sub(label_width + figure_width + 2).max(1);
    let mut out = Vec::new();
    for (label, bars) in &groups {
        if !single {
            out.extend(wrap(&[Span::plain(*label)], width, "", "  ", painter));
        }
        for bar in bars {
            let label = label_of(label, bar);
            let (label, bar_width) = if columns(&label) > label_width || bar_width < 5 {
                out.extend(wrap(&[Span::plain(label.trim_start())], width, "", "  ", painter));
                (String::new(), width.saturating_sub(label_width + figure_width + 2).max(1))
            } else {
                (label, bar_width)
            };
            let drawn =
                painter.paint(&bar_cells(bar.value, bar.range.map(|r| r.1), max, bar_width), Style::Series(bar.series));
            out.push(format!("{} {drawn} {}", pad(&label, label_width), figure(bar)).trim_end().to_string());
        }
    }
    out
}

/// A bar of `cells` columns: solid to the value (eighths for the last part), shaded on to the
/// top of the range, blank after.
fn bar_cells(value: f64, high: Option<f64>, max: f64, cells: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let scale = |v: f64| if max > 0.0 { (finite(v) / max).clamp(0.0, 1.0) * cells as f64 } else { 0.0 };
    let solid = scale(value);
    let full = solid.floor() as usize;
    let eighths = ((solid - full as f64) * 8.0).round() as usize;
    let mut out = "█".repeat(full);
    let mut used = full;
    if eighths == 8 {
        out.push('█');
        used += 1;
    } else if eighths > 0 {
        out.push_str(EIGHTHS[eighths]);
        used += 1;
    }
    let shaded = high.map(|h| (scale(h).round() as usize).saturating_sub(used)).unwrap_or(0);
    out.push_str(&"░".repeat(shaded.min(cells.saturating_sub(used))));
    pad(&out, cells)
}

/// A radar as lists: each ring's items by sector, then the list kept outside the rings.
fn radar(
    rings: &[String],
    sectors: &[String],
    items: &[RadarItem],
    outside_title: &str,
    outside: &[String],
    width: usize,
    painter: Painter,
) -> Vec<String> {
    let mut out = Vec::new();
    for (r, ring) in rings.iter().enumerate() {
        out.extend(wrap(&[Span::strong(ring.as_str())], width, "", "  ", painter));
        for (s, sector) in sectors.iter().enumerate() {
            let labels: Vec<&str> =
                items.iter().filter(|i| i.ring == r && i.sector == s).map(|i| i.label.as_str()).collect();
            if !labels.is_empty() {
                let spans = [Span::plain(format!("{sector}: ")), Span::plain(labels.join(", "))];
                out.extend(wrap(&spans, width, "  ", "    ", painter));
            }
        }
    }
    if !outside.is_empty() {
        out.extend(wrap(&[Span::strong(outside_title)], width, "", "  ", painter));
        out.extend(wrap(&[Span::plain(outside.join(", "))], width, "  ", "    ", painter));
    }
    out
}

/// A gantt in month columns. When the months do not fit beside a readable label, each row
/// is listed with its months instead.
fn gantt(
    months: u32,
    month_labels: &[String],
    phases: &[Phase],
    rows: &[GanttRow],
    legend: &GanttLegend,
    width: usize,
    painter: Painter,
) -> Vec<String> {
    let months = months.max(1) as usize;
    let longest = rows.iter().map(|r| columns(&clean(&r.label)) + 2).max().unwrap_or(0);
    // Three columns a month when the labels fit beside them, two when they do not, else a list.
    let cell = [(3, longest + 1), (2, 16)].into_iter().find(|(c, label)| width >= months * c + label).map(|(c, _)| c);
    let mut out = Vec::new();
    let span = |name: &str, start: u32, end: u32| format!("{name} {start}–{end}");
    let phase_text: Vec<String> = phases.iter().map(|p| span(&p.name, p.start, p.end)).collect();
    out.extend(wrap(&[Span::plain(phase_text.join(" · "))], width, "", "", painter));
    let Some(cell) = cell else {
        for (group, members) in gantt_groups(rows) {
            out.extend(wrap(&[Span::strong(group)], width, "", "  ", painter));
            for row in members {
                let text = span(&row.label, row.start, row.end);
                out.extend(wrap(&[Span::plain(text)], width, "  ", "    ", painter));
            }
        }
        return out;
    };
    let label_width = longest.min(width - months * cell - 1);
    let header = month_header(months, month_labels, cell);
    out.push(format!("{} {header}", pad("", label_width)).trim_end().to_string());
    for (group, members) in gantt_groups(rows) {
        out.push(painter.paint(&truncate(&clean(group), width), Style::Strong));
        for row in members {
            let label = pad(&truncate(&format!("  {}", clean(&row.label)), label_width), label_width);
            let (glyph, style) = bar_glyph(row.kind);
            let cells: String = (1..=months as u32)
                .map(|m| if (row.start..=row.end).contains(&m) { glyph.repeat(cell) } else { " ".repeat(cell) })
                .collect();
            out.push(format!("{label} {}", painter.paint(&cells, style)).trim_end().to_string());
        }
    }
    let key = |kind: BarKind| format!("{} {}", bar_glyph(kind).0, legend.name(kind));
    let keys = format!("{}   {}", key(BarKind::Technology), key(BarKind::Action));
    out.extend(wrap(&[Span::plain(keys)], width, "", "", painter));
    out
}

/// The months over a gantt's columns: the calendar labels when every one fits its column,
/// else the numbers, each written where it does not run into the one before.
fn month_header(months: usize, month_labels: &[String], cell: usize) -> String {
    let labels: Vec<String> = month_labels.iter().map(|l| clean(l)).collect();
    let calendar = labels.len() >= months && labels.iter().all(|l| columns(l) < cell);
    let mut header = String::new();
    let mut used = 0;
    for m in 1..=months {
        let label = if calendar { labels[m - 1].clone() } else { m.to_string() };
        let at = (m - 1) * cell;
        if at >= used && at + columns(&label) <= months * cell {
            header.push_str(&" ".repeat(at - used));
            header.push_str(&label);
            used = at + columns(&label) + 1;
            header.push(' ');
        }
    }
    header.trim_end().to_string()
}

/// How a gantt bar is drawn: technologies solid, actions shaded, so they differ without colour.
fn bar_glyph(kind: BarKind) -> (&'static str, Style) {
    match kind {
        BarKind::Technology => ("█", Style::Series(0)),
        BarKind::Action => ("▒", Style::Series(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_with_eighths_and_a_shaded_range() {
        assert_eq!(bar_cells(50.0, None, 100.0, 10), "█████     ");
        assert_eq!(bar_cells(55.0, None, 100.0, 10), "█████▌    ");
        assert_eq!(bar_cells(50.0, Some(80.0), 100.0, 10), "█████░░░  ");
        assert_eq!(bar_cells(150.0, Some(200.0), 100.0, 4), "████");
        assert_eq!(bar_cells(f64::NAN, None, 100.0, 3), "   ");
    }

    #[test]
    fn month_numbers_never_run_together() {
        assert_eq!(month_header(12, &[], 3), "1  2  3  4  5  6  7  8  9  10 11 12");
        assert_eq!(month_header(12, &[], 2), "1 2 3 4 5 6 7 8 9 10  12");
        let names: Vec<String> = ["J", "F"].iter().map(|s| s.to_string()).collect();
        assert_eq!(month_header(2, &names, 2), "J F");
    }
}
