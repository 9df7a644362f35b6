//! A technology radar that prints: rings from the centre out, one sector per category,
//! each item a numbered dot in its cell, the numbers listed by sector under the drawing, and the
//! items kept outside the rings listed beside them.

use super::super::escape;
use super::super::svg::{Anchor, Svg, WIDTH, fit, polar};
use super::{Drawing, Key, key_svg};
use crate::document::{Chart, RadarItem};
use std::f64::consts::TAU;

const CENTRE: (f64, f64) = (WIDTH / 2.0, 240.0);
const RADIUS: f64 = 205.0;
const HEIGHT: f64 = 480.0;
/// Dots hold their number at 7 pt when print holds the drawing to 110 mm high (style.css).
const DOT: f64 = 11.0;
const FONT: f64 = 11.0;
/// The marker shapes of the sectors, in turn: those a dot's number fits inside (circle,
/// square, diamond, hexagon), so sectors differ in shape as well as colour.
const SHAPES: [usize; 4] = [0, 1, 3, 5];

fn shape(sector: usize) -> usize {
    SHAPES[sector % SHAPES.len()]
}

pub(super) fn draw(
    chart: &Chart,
    id: &str,
    rings: &[String],
    sectors: &[String],
    items: &[RadarItem],
    outside_title: &str,
    outside: &[String],
) -> Drawing {
    let mut svg = Svg::new(id, HEIGHT, &chart.title, &chart.alt);
    let edge = |ring: usize| RADIUS * (0.35 + 0.65 * (ring + 1) as f64 / rings.len().max(1) as f64);
    let inner = |ring: usize| if ring == 0 { 0.0 } else { edge(ring - 1) };
    for ring in (0..rings.len()).rev() {
        svg.circle(CENTRE, edge(ring), &format!("ring r{}", ring % 2));
    }
    let sector_turns = |s: usize| {
        let share = 1.0 / sectors.len().max(1) as f64;
        (s as f64 * share - 0.25, (s + 1) as f64 * share - 0.25)
    };
    for (s, name) in sectors.iter().enumerate() {
        let (start, end) = sector_turns(s);
        svg.line(CENTRE, polar(CENTRE, RADIUS, start), "divider");
        sector_label(&mut svg, polar(CENTRE, RADIUS + 14.0, (start + end) / 2.0), name);
    }
    for (ring, name) in rings.iter().enumerate() {
        let y = CENTRE.1 - (inner(ring) + edge(ring)) / 2.0 + 4.0;
        let room = if ring == 0 { edge(0) * 1.8 } else { 2.0 * (edge(ring) - inner(ring)).max(60.0) };
        svg.text((CENTRE.0, y), Anchor::Middle, "ring-name", &fit(name, room, FONT, 1).concat());
    }
    let numbered = numbered(items, rings.len(), sectors.len());
    for (ring, sector) in cells(rings.len(), sectors.len()) {
        let here: Vec<usize> =
            numbered.iter().filter(|(_, i)| i.ring == ring && i.sector == sector).map(|(n, _)| *n).collect();
        let (start, end) = sector_turns(sector);
        for (number, point) in here.iter().zip(places(inner(ring), edge(ring), start, end, here.len())) {
            svg.marker(point, DOT, shape(sector), &format!("item s{}", sector % 6));
            svg.text((point.0, point.1 + 4.0), Anchor::Middle, "item-number", &number.to_string());
        }
    }
    Drawing { svg: svg.finish(), legend: legend(&numbered, rings, sectors, outside_title, outside) }
}

/// Every (ring, sector) cell.
fn cells(rings: usize, sectors: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..rings).flat_map(move |r| (0..sectors).map(move |s| (r, s)))
}

/// Items that have a ring and sector, numbered from 1 by sector, then ring, then as given.
fn numbered(items: &[RadarItem], rings: usize, sectors: usize) -> Vec<(usize, &RadarItem)> {
    let mut placed: Vec<&RadarItem> = items.iter().filter(|i| i.ring < rings && i.sector < sectors).collect();
    placed.sort_by_key(|i| (i.sector, i.ring));
    placed.into_iter().enumerate().map(|(n, i)| (n + 1, i)).collect()
}

/// `count` places for dots in the cell between two radii and two turns. Slots a dot apart
/// make rows; the rows nearest the middle of the ring fill first, and each row spreads its dots
/// evenly. Dots keep off the cell's edges, and further off the top divider, where the ring
/// names are. A cell too full for its slots spreads its dots along the middle of the ring.
fn places(inner: f64, outer: f64, start: f64, end: f64, count: usize) -> Vec<(f64, f64)> {
    let step = 2.0 * DOT + 3.0;
    let at_top = |turn: f64| turn.rem_euclid(1.0).min(1.0 - turn.rem_euclid(1.0)) < 1e-9;
    let gap = |turn: f64| if at_top(turn) { DOT + 26.0 } else { DOT + 5.0 };
    let mut rows = Vec::new();
    let mut radius = (inner + DOT + 4.0).max(2.5 * DOT);
    while radius <= outer - DOT - 3.0 {
        let (from, to) = (start + gap(start) / (TAU * radius), end - gap(end) / (TAU * radius));
        if to > from {
            rows.push((radius, from, to, ((to - from) * TAU * radius / step).floor() as usize + 1));
        }
        radius += step;
    }
    let middle = (inner + outer) / 2.0;
    rows.sort_by(|a, b| (a.0 - middle).abs().total_cmp(&(b.0 - middle).abs()));
    let mut left = count;
    let mut places = Vec::new();
    for (radius, from, to, fits) in rows {
        let here = left.min(fits);
        places.extend((0..here).map(|j| polar(CENTRE, radius, from + (to - from) * (j as f64 + 0.5) / here as f64)));
        left -= here;
    }
    if left == 0 {
        return places;
    }
    (0..count).map(|i| polar(CENTRE, middle, start + (end - start) * (i as f64 + 0.5) / count as f64)).collect()
}

/// A sector's name outside the circle, anchored away from it.
fn sector_label(svg: &mut Svg, (x, y): (f64, f64), name: &str) {
    let anchor = if (x - CENTRE.0).abs() < 12.0 {
        Anchor::Middle
    } else if x > CENTRE.0 {
        Anchor::Start
    } else {
        Anchor::End
    };
    let room = if anchor == Anchor::Middle { 240.0 } else { (CENTRE.0 - (x - CENTRE.0).abs() - 8.0).max(90.0) };
    let lines = fit(name, room, 12.0, 2);
    let top = if y < CENTRE.1 { y - (lines.len() as f64 - 1.0) * 14.0 } else { y + 10.0 };
    svg.lines((x, top), anchor, "sector-name", &lines, 14.0);
}

/// The numbered items by sector, each with its ring, then the items outside the rings.
fn legend(
    numbered: &[(usize, &RadarItem)],
    rings: &[String],
    sectors: &[String],
    outside_title: &str,
    outside: &[String],
) -> String {
    let mut out = String::from("<div class=\"legend-radar\">");
    for (s, sector) in sectors.iter().enumerate() {
        let items: String = numbered
            .iter()
            .filter(|(_, i)| i.sector == s)
            .map(|(n, i)| {
                format!(
                    "<li value=\"{n}\">{} <span class=\"ring-of\">{}</span></li>",
                    escape::text(&i.label),
                    escape::text(&rings[i.ring])
                )
            })
            .collect();
        out.push_str(&format!(
            "<div><p class=\"sector\">{}{}</p><ol>{items}</ol></div>",
            key_svg(&Key::Marker { shape: shape(s), colour: s }),
            escape::text(sector)
        ));
    }
    out.push_str("</div>");
    if !outside.is_empty() {
        let items: String =
            outside.iter().map(|label| format!("<li><strong>{}</strong></li>", escape::text(label))).collect();
        out.push_str(&format!(
            "<div class=\"outside\"><p class=\"sector\">{}</p><ul>{items}</ul></div>",
            escape::text(outside_title)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_in_a_cell_stay_inside_it_and_apart() {
        let places = places(100.0, 160.0, 0.0, 0.25, 6);
        assert_eq!(places.len(), 6);
        for (i, &(x, y)) in places.iter().enumerate() {
            let (dx, dy) = (x - CENTRE.0, y - CENTRE.1);
            let r = dx.hypot(dy);
            assert!((100.0 + DOT..=160.0 - DOT).contains(&r), "{r}");
            assert!(dx > 0.0 && dy < 0.0, "in the top-right quarter: {dx}, {dy}");
            for &(x2, y2) in &places[..i] {
                assert!((x - x2).hypot(y - y2) >= 2.0 * DOT, "dots overlap");
            }
        }
    }

    #[test]
    fn items_are_numbered_by_sector_then_ring() {
        let item = |label: &str, ring, sector| RadarItem { label: label.into(), ring, sector };
        let items = [item("c", 1, 1), item("a", 0, 0), item("b", 0, 1), item("off", 9, 0)];
        let order: Vec<(usize, &str)> = numbered(&items, 2, 2).iter().map(|(n, i)| (*n, i.label.as_str())).collect();
        assert_eq!(order, [(1, "a"), (2, "b"), (3, "c")]);
    }
}
