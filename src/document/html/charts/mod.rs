//! Charts as inline SVG, each in a `<figure>` with its title, a legend and its text
//! alternative (also the SVG's `<desc>`), so a chart reads without colour, without the drawing,
//! and on paper.

mod bars;
mod gantt;
mod heat_map;
mod radar;
mod spider;

use super::escape;
use crate::document::{Chart, ChartKind};

/// A drawn chart: the SVG and the legend to print under it.
struct Drawing {
    svg: String,
    legend: String,
}

pub(crate) fn figure(chart: &Chart, id: &str) -> String {
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
        "<figure class=\"chart\" id=\"{id}\"><figcaption>{}</figcaption>{svg}{legend}<p class=\"alt\">{}</p></figure>\n",
        escape::text(&chart.title),
        escape::text(&chart.alt)
    )
}

/// The colour class of the n-th series; the palette repeats after six.
fn series_class(n: usize) -> String {
    format!("s{}", n % 6)
}

/// A legend: a swatch of each class beside its name.
fn legend<'a>(entries: impl IntoIterator<Item = (String, &'a str)>) -> String {
    let items: String = entries
        .into_iter()
        .map(|(class, name)| format!("<li><span class=\"swatch {class}\"></span>{}</li>", escape::text(name)))
        .collect();
    format!("<ul class=\"legend\">{items}</ul>")
}

/// The value at an index, 0 when the series is short.
fn value_at(values: &[f64], i: usize) -> f64 {
    values.get(i).copied().unwrap_or(0.0)
}
