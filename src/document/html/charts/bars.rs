//! Horizontal bars, one group per category and one bar per series, each bar labelled with its
//! value over a 0-to-max scale.

use super::super::svg::{Anchor, Svg, fit, share};
use super::{Drawing, Key, legend, series_class, value_at};
use crate::document::{Chart, Series, number};

const LABEL_RIGHT: f64 = 200.0;
const LEFT: f64 = 212.0;
const RIGHT: f64 = 630.0;
const TOP: f64 = 26.0;
const BAR: f64 = 14.0;
const GAP: f64 = 3.0;
const GROUP_GAP: f64 = 14.0;
const FONT: f64 = 11.0;
const LEADING: f64 = 13.0;

pub(super) fn draw(chart: &Chart, id: &str, max: f64, categories: &[String], series: &[Series]) -> Drawing {
    let labels: Vec<Vec<String>> = categories.iter().map(|c| fit(c, LABEL_RIGHT - 4.0, FONT, 2)).collect();
    let bars_height = (series.len().max(1) as f64) * (BAR + GAP) - GAP;
    let group_height = |lines: usize| bars_height.max(lines as f64 * LEADING);
    let body: f64 = labels.iter().map(|l| group_height(l.len()) + GROUP_GAP).sum();
    let mut svg = Svg::new(id, TOP + body + 4.0, &chart.title, &chart.alt);
    let x = |value: f64| LEFT + (RIGHT - LEFT) * share(value, max);
    for k in 0..=4 {
        let value = max * f64::from(k) / 4.0;
        svg.line((x(value), TOP - 4.0), (x(value), TOP + body - GROUP_GAP / 2.0), "grid");
        svg.text((x(value), TOP - 10.0), Anchor::Middle, "tick", &number(value));
    }
    let mut y = TOP;
    for (c, lines) in labels.iter().enumerate() {
        let height = group_height(lines.len());
        let first_line = y + (height - lines.len() as f64 * LEADING) / 2.0 + FONT - 1.0;
        svg.lines((LABEL_RIGHT, first_line), Anchor::End, "label", lines, LEADING);
        let mut bar_y = y + (height - bars_height) / 2.0;
        for (n, s) in series.iter().enumerate() {
            let value = value_at(&s.values, c);
            svg.rect(LEFT, bar_y, x(value) - LEFT, BAR, &format!("bar {}", series_class(n)));
            svg.marker((x(value) + 7.0, bar_y + BAR / 2.0), 4.0, n, &format!("dot {}", series_class(n)));
            svg.text((x(value) + 14.0, bar_y + BAR - 3.0), Anchor::Start, "value", &number(value));
            bar_y += BAR + GAP;
        }
        y += height + GROUP_GAP;
    }
    let entries = series.iter().enumerate().map(|(n, s)| (Key::Series(n), s.name.as_str()));
    Drawing { svg: svg.finish(), legend: legend(entries) }
}
