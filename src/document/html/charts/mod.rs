//! Charts as inline SVG, each in a `<figure>` with its title, a legend and its text
//! alternative (also the SVG's `<desc>`), so a chart reads without colour, without the drawing,
//! and on paper.

mod bars;
mod gantt;
mod heat_map;
mod radar;
mod spider;

use super::escape;
use super::svg::Svg;
use crate::document::{Chart, ChartKind};

/// A drawn chart: the SVG and the legend to print under it.
struct Drawing {
    svg: String,
    legend: String,
}

pub(crate) fn figure(chart: &Chart, id: &str) -> String {
    // The kind names the figure, so print can size each kind of drawing to keep its text
    // at 7 pt or more.
    let kind = match &chart.kind {
        ChartKind::Spider { .. } => "spider",
        ChartKind::Bars { .. } => "bars",
        ChartKind::Radar { .. } => "radar",
        ChartKind::Gantt { .. } => "gantt",
        ChartKind::HeatMap { .. } => "heat-map",
    };
    let Drawing { svg, legend } = match &chart.kind {
        ChartKind::Spider { axes, max, series, band } => spider::draw(chart, id, axes, *max, series, band.as_ref()),
        ChartKind::Bars { max, categories, series } => bars::draw(chart, id, *max, categories, series),
        ChartKind::Radar { rings, sectors, items, outside_title, outside } => {
            radar::draw(chart, id, rings, sectors, items, outside_title, outside)
        }
        ChartKind::Gantt { months, month_labels, phases, rows, legend } => {
            gantt::draw(chart, id, *months, month_labels, phases, rows, legend)
        }
        ChartKind::HeatMap { row_title, col_title, rows, cols, cells } => {
            heat_map::draw(chart, id, row_title, col_title, rows, cols, cells)
        }
    };
    format!(
        "<figure class=\"chart chart-{kind}\" id=\"{id}\"><figcaption>{}</figcaption>{svg}{legend}<p class=\"alt\">{}</p></figure>\n",
        escape::text(&chart.title),
        escape::text(&chart.alt)
    )
}

/// The colour class of the n-th series, and its line pattern (`ln`), which the marker shape
/// (`Svg::marker`) joins so that no two series differ by colour alone; both repeat after six.
fn series_class(n: usize) -> String {
    format!("s{} ln{}", n % 6, n % 6)
}

/// What a legend entry shows beside its name, drawn as the chart draws it.
pub(super) enum Key {
    /// The n-th series: its line pattern and marker in its colour.
    Series(usize),
    /// A marker shape alone (`Svg::marker`'s index), in the n-th colour (a radar's sector).
    Marker { shape: usize, colour: usize },
    /// A filled box of the chart's classes (a band, a kind of bar).
    Fill(&'static str),
}

/// A legend: the key of each entry beside its name.
pub(super) fn legend<'a>(entries: impl IntoIterator<Item = (Key, &'a str)>) -> String {
    let items: String =
        entries.into_iter().map(|(key, name)| format!("<li>{}{}</li>", key_svg(&key), escape::text(name))).collect();
    format!("<ul class=\"legend\">{items}</ul>")
}

/// A small drawing of a legend key, hidden from assistive technology (the name says it).
pub(super) fn key_svg(key: &Key) -> String {
    let mut svg = Svg::key(28.0, 12.0);
    match key {
        Key::Series(n) => {
            svg.line((1.0, 6.0), (27.0, 6.0), &format!("key-line {}", series_class(*n)));
            svg.marker((14.0, 6.0), 3.5, *n, &format!("dot {}", series_class(*n)));
        }
        Key::Marker { shape, colour } => svg.marker((14.0, 6.0), 4.5, *shape, &format!("item s{}", colour % 6)),
        Key::Fill(class) => svg.rect(1.0, 1.0, 26.0, 10.0, class),
    }
    svg.finish()
}

/// The value at an index, 0 when the series is short.
fn value_at(values: &[f64], i: usize) -> f64 {
    values.get(i).copied().unwrap_or(0.0)
}
