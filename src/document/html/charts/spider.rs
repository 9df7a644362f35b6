//! A spider chart: one axis per dimension round a circle, each series a polygon, the open
//! range a shaded band, each axis labelled with its name and the first series' value.

use super::super::svg::{Anchor, Svg, WIDTH, fit, polar, share};
use super::{Drawing, Key, bars, legend, series_class, value_at};
use crate::document::{Band, Chart, Series, number};

const CENTRE: (f64, f64) = (WIDTH / 2.0, 212.0);
const RADIUS: f64 = 150.0;
const HEIGHT: f64 = 430.0;
/// Large enough to print at 7 pt when print holds the drawing to 84 mm high (style.css).
const FONT: f64 = 13.5;
const LEADING: f64 = 15.5;

pub(super) fn draw(
    chart: &Chart,
    id: &str,
    axes: &[String],
    max: f64,
    series: &[Series],
    band: Option<&Band>,
) -> Drawing {
    if axes.len() < 3 {
        return bars::draw(chart, id, max, axes, series); // two axes make no polygon
    }
    let turn = |i: usize| i as f64 / axes.len() as f64;
    let outline = |values: &dyn Fn(usize) -> f64| -> Vec<(f64, f64)> {
        (0..axes.len()).map(|i| polar(CENTRE, RADIUS * values(i), turn(i))).collect()
    };
    let mut svg = Svg::new(id, HEIGHT, &chart.title, &chart.alt);
    for k in 1..=4 {
        svg.shape(&outline(&|_| f64::from(k) / 4.0), None, "grid");
    }
    for i in 0..axes.len() {
        svg.line(CENTRE, polar(CENTRE, RADIUS, turn(i)), "axis");
    }
    if let Some(band) = band {
        let high = outline(&|i| share(value_at(&band.high, i), max));
        let low = outline(&|i| share(value_at(&band.low, i), max));
        svg.shape(&high, Some(&low), "band");
    }
    for (n, s) in series.iter().enumerate() {
        let class = series_class(n);
        let points = outline(&|i| share(value_at(&s.values, i), max));
        svg.shape(&points, None, &format!("area {class}"));
        for point in points {
            svg.marker(point, 3.5, n, &format!("dot {class}"));
        }
    }
    for k in 1..=4 {
        let y = CENTRE.1 - RADIUS * f64::from(k) / 4.0;
        svg.text((CENTRE.0 + 4.0, y - 3.0), Anchor::Start, "tick", &number(max * f64::from(k) / 4.0));
    }
    for (i, axis) in axes.iter().enumerate() {
        axis_label(&mut svg, polar(CENTRE, RADIUS + 14.0, turn(i)), axis, value_label(series, band, i));
    }
    let mut entries: Vec<(Key, &str)> =
        series.iter().enumerate().map(|(n, s)| (Key::Series(n), s.name.as_str())).collect();
    entries.extend(band.map(|b| (Key::Fill("band"), b.label.as_str())));
    Drawing { svg: svg.finish(), legend: legend(entries) }
}

/// The first series' value on an axis, with the band's range when it is open.
fn value_label(series: &[Series], band: Option<&Band>, i: usize) -> Option<String> {
    let value = number(value_at(&series.first()?.values, i));
    let range = band.map(|b| (number(value_at(&b.low, i)), number(value_at(&b.high, i))));
    Some(match range {
        Some((low, high)) if low != high => format!("{value} ({low}–{high})"),
        _ => value,
    })
}

/// An axis name outside the circle, anchored away from it, with the value under it.
fn axis_label(svg: &mut Svg, (x, y): (f64, f64), name: &str, value: Option<String>) {
    let dx = x - CENTRE.0;
    let anchor = if dx.abs() < 12.0 {
        Anchor::Middle
    } else if dx > 0.0 {
        Anchor::Start
    } else {
        Anchor::End
    };
    let room = if anchor == Anchor::Middle { 220.0 } else { CENTRE.0 - RADIUS - 24.0 };
    let lines = fit(name, room, FONT, 2);
    let count = lines.len() as f64 + f64::from(u8::from(value.is_some()));
    let dy = y - CENTRE.1;
    // Above the centre the block ends at the point; below it starts there; beside, centred.
    let top = if dy < -RADIUS * 0.8 {
        y - (count - 1.0) * LEADING - 4.0
    } else if dy > RADIUS * 0.8 {
        y + LEADING
    } else {
        y - (count - 1.0) * LEADING / 2.0 + 4.0
    };
    svg.lines((x, top), anchor, "label", &lines, LEADING);
    if let Some(value) = value {
        svg.text((x, top + lines.len() as f64 * LEADING), anchor, "value", &value);
    }
}
