//! Drawing inline SVG: an element writer that escapes every text it is given, and the
//! geometry the charts share.

use super::escape;
use crate::document::number::{finite, number};
use std::f64::consts::PI;
use std::fmt::Write;

/// Every chart is drawn on a canvas this wide; CSS scales it to the page.
pub(crate) const WIDTH: f64 = 680.0;

/// Average advance of a character, as a share of the font size, for the system sans-serif
/// fonts: enough to wrap and truncate labels without measuring them.
const CHAR_WIDTH: f64 = 0.56;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// An SVG being written.
pub(crate) struct Svg {
    out: String,
}

impl Svg {
    /// Opens an image of `height` on the common width, titled and described for assistive
    /// technology: `<title>` and `<desc>` are its text alternative.
    pub(crate) fn new(id: &str, height: f64, title: &str, desc: &str) -> Svg {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg viewBox=\"0 0 {} {}\" role=\"img\" \
             aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
            number(WIDTH),
            number(height),
            escape::text(title),
            escape::text(desc)
        );
        Svg { out }
    }

    /// A legend key's drawing: no text, hidden from assistive technology.
    pub fn key(width: f64, height: f64) -> Svg {
        let out = format!(
            "<svg class=\"key\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" aria-hidden=\"true\">",
            number(width),
            number(height),
            number(width),
            number(height)
        );
        Svg { out }
    }

    pub(crate) fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), class: &str) {
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{class}\"/>",
            number(x1),
            number(y1),
            number(x2),
            number(y2)
        );
    }

    pub(crate) fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, class: &str) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{class}\"/>",
            number(x),
            number(y),
            number(width.max(0.0)),
            number(height.max(0.0))
        );
    }

    pub(crate) fn circle(&mut self, (cx, cy): (f64, f64), r: f64, class: &str) {
        let _ = write!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" class=\"{class}\"/>",
            number(cx),
            number(cy),
            number(r)
        );
    }

    /// The n-th series' marker centred on a point: a circle, square, triangle, diamond,
    /// inverted triangle or hexagon, so series tell apart in greyscale as well as in colour.
    pub fn marker(&mut self, centre: (f64, f64), r: f64, n: usize, class: &str) {
        let class = format!("{class} mk{}", n % 6);
        let corners = |count: usize, turn: f64, radius: f64| -> Vec<(f64, f64)> {
            (0..count).map(|i| polar(centre, radius, turn + i as f64 / count as f64)).collect()
        };
        match n % 6 {
            0 => self.circle(centre, r, &class),
            1 => self.rect(centre.0 - r * 0.9, centre.1 - r * 0.9, r * 1.8, r * 1.8, &class),
            2 => self.shape(&corners(3, 0.0, r * 1.3), None, &class),
            3 => self.shape(&corners(4, 0.0, r * 1.25), None, &class),
            4 => self.shape(&corners(3, 0.5, r * 1.3), None, &class),
            _ => self.shape(&corners(6, 0.0, r * 1.1), None, &class),
        }
    }

    /// A closed shape through the points; with `hole`, the area between the two outlines.
    pub(crate) fn shape(&mut self, outline: &[(f64, f64)], hole: Option<&[(f64, f64)]>, class: &str) {
        let mut d = path(outline);
        if let Some(hole) = hole {
            d.push(' ');
            d.push_str(&path(hole));
        }
        let _ = write!(self.out, "<path d=\"{d}\" class=\"{class}\" fill-rule=\"evenodd\"/>");
    }

    /// One line of text; the only way document text enters the drawing.
    pub(crate) fn text(&mut self, (x, y): (f64, f64), anchor: Anchor, class: &str, text: &str) {
        let anchor = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"{class}\">{}</text>",
            number(x),
            number(y),
            escape::text(text)
        );
    }

    /// Lines of text, one under another from `y`.
    pub(crate) fn lines(&mut self, (x, y): (f64, f64), anchor: Anchor, class: &str, lines: &[String], leading: f64) {
        for (i, line) in lines.iter().enumerate() {
            self.text((x, y + i as f64 * leading), anchor, class, line);
        }
    }

    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

fn path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { " L" }, number(*x), number(*y));
    }
    d.push_str(" Z");
    d
}

/// The point at `radius` from the centre, `turn` of the way round clockwise from the top.
pub(crate) fn polar((cx, cy): (f64, f64), radius: f64, turn: f64) -> (f64, f64) {
    let angle = turn * 2.0 * PI - PI / 2.0;
    (cx + radius * angle.cos(), cy + radius * angle.sin())
}

/// How far along a scale from 0 to `max` a value lies, between 0 and 1.
pub(crate) fn share(value: f64, max: f64) -> f64 {
    if max > 0.0 { (finite(value) / max).clamp(0.0, 1.0) } else { 0.0 }
}

/// The estimated width of text at a font size.
pub(crate) fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * font_size * CHAR_WIDTH
}

/// Text wrapped to fit `width` at `font_size`, in at most `max_lines` lines, the last ending in
/// `…` when the text does not fit.
pub(crate) fn fit(text: &str, width: f64, font_size: f64, max_lines: usize) -> Vec<String> {
    let per_line = ((width / (font_size * CHAR_WIDTH)).floor() as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let full = lines.len() == max_lines;
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            Some(line) if full => {
                *line = ellipsis(&format!("{line} …"), per_line);
                break;
            }
            _ if max_lines == 0 => break,
            _ => lines.push(ellipsis(word, per_line)),
        }
    }
    lines
}

/// The text cut to `max` characters, the last one `…` if anything was cut.
fn ellipsis(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_wraps_and_marks_what_it_cuts() {
        assert_eq!(fit("Data foundation", 200.0, 10.0, 2), ["Data foundation"]);
        assert_eq!(fit("Technology and integration", 57.0, 10.0, 3), ["Technology", "and", "integrati…"]);
        assert_eq!(fit("one two three four", 44.8, 10.0, 2), ["one two", "three …"]);
        assert_eq!(fit("", 100.0, 10.0, 2), Vec::<String>::new());
    }

    #[test]
    fn polar_starts_at_the_top_and_turns_clockwise() {
        let (x, y) = polar((0.0, 0.0), 10.0, 0.25);
        assert!((x - 10.0).abs() < 1e-9 && y.abs() < 1e-9);
        let (x, y) = polar((0.0, 0.0), 10.0, 0.0);
        assert!(x.abs() < 1e-9 && (y + 10.0).abs() < 1e-9);
    }
}
