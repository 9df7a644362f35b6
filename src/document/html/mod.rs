//! The HTML backend: one self-contained file that opens offline and prints to A4 or Letter.
//!
//! No script, no request of any kind: styles and charts (inline SVG drawn here) are in the
//! file, fonts are the system's, and a Content-Security-Policy forbids scripts and loads even if
//! something slipped in. Print CSS gives a cover page, a new page for each section, a running
//! header with client and date, page numbers, and tables in a fixed layout that wraps instead of
//! growing past the page. All text goes through `escape`.

mod charts;
mod columns;
mod escape;
mod svg;

use crate::document::{Align, Block, Document, KeyFigure, Paper, Section, Span, Table, Tone};
use std::collections::HashSet;
use std::fmt::Write;

const STYLE: &str = include_str!("style.css");

/// What a page may load and run: nothing but its own inline styles.
const POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

pub fn render(document: &Document) -> String {
    let meta = &document.meta;
    let ids = section_ids(&document.sections);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"{}\"/>\n<title>{}</title>\n<style>\n{STYLE}{}</style>\n</head>\n<body>\n",
        escape::text(&meta.language),
        escape::text(&meta.generator),
        escape::text(&document.title),
        running_heads(document)
    );
    let mut body = Body { out, charts: 0 };
    body.cover(document, &ids);
    body.out.push_str("<main>\n");
    for (section, id) in document.sections.iter().zip(&ids) {
        body.section(section, id);
    }
    body.out.push_str("</main>\n</body>\n</html>\n");
    body.out
}

/// The printed page: its size, client top left, date top right, who prepared the report
/// bottom left (page numbers are in the style sheet).
fn running_heads(document: &Document) -> String {
    let meta = &document.meta;
    let size = match meta.paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    format!(
        "@page {{ size: {size}; @top-left {{ content: {}; }} @top-right {{ content: {}; }} @bottom-left {{ content: {}; }} }}\n",
        escape::css_string(&meta.client),
        escape::css_string(&meta.date),
        escape::css_string(&meta.byline.join(" · "))
    )
}

/// An id for each section from its anchor, made unique.
fn section_ids(sections: &[Section]) -> Vec<String> {
    let mut seen = HashSet::new();
    sections
        .iter()
        .map(|s| {
            let base = format!("s-{}", escape::id(&s.anchor));
            let id =
                (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") }).find(|id| !seen.contains(id));
            let id = id.expect("an unused id");
            seen.insert(id.clone());
            id
        })
        .collect()
}

/// The body being written, counting charts to give each an id.
struct Body {
    out: String,
    charts: usize,
}

impl Body {
    fn cover(&mut self, document: &Document, ids: &[String]) {
        let meta = &document.meta;
        let _ = write!(
            self.out,
            "<header class=\"cover\">\n<p class=\"client\">{}</p>\n<h1>{}</h1>\n<p class=\"headline\">{}</p>\n<p class=\"date\">{}</p>\n",
            escape::text(&meta.client),
            escape::text(&document.title),
            escape::text(&meta.headline),
            escape::text(&meta.date)
        );
        for line in &meta.byline {
            let _ = writeln!(self.out, "<p class=\"byline\">{}</p>", escape::text(line));
        }
        self.blocks(&document.cover);
        if let Some(title) = &meta.contents {
            let entries: String = document
                .sections
                .iter()
                .zip(ids)
                .map(|(s, id)| format!("<li><a href=\"#{id}\">{}</a></li>", escape::text(&s.title)))
                .collect();
            let _ = writeln!(
                self.out,
                "<nav class=\"contents\"><p class=\"contents-title\">{}</p><ol>{entries}</ol></nav>",
                escape::text(title)
            );
        }
        self.out.push_str("</header>\n");
    }

    fn section(&mut self, section: &Section, id: &str) {
        let class = if section.appendix { "section appendix" } else { "section" };
        let _ =
            writeln!(self.out, "<section id=\"{id}\" class=\"{class}\">\n<h2>{}</h2>", escape::text(&section.title));
        self.blocks(&section.blocks);
        self.out.push_str("</section>\n");
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Heading(text) => {
                    let _ = writeln!(self.out, "<h3>{}</h3>", escape::text(text));
                }
                Block::Paragraph(content) => {
                    let _ = writeln!(self.out, "<p>{}</p>", spans(content));
                }
                Block::List { ordered, items } => {
                    let tag = if *ordered { "ol" } else { "ul" };
                    let items: String = items.iter().map(|i| format!("<li>{}</li>", spans(i))).collect();
                    let _ = writeln!(self.out, "<{tag}>{items}</{tag}>");
                }
                Block::Table(t) => table(&mut self.out, t),
                Block::Callout { tone, title, body } => callout(&mut self.out, *tone, title, body),
                Block::KeyFigures(figures) => key_figures(&mut self.out, figures),
                Block::Chart(chart) => {
                    self.charts += 1;
                    self.out.push_str(&charts::figure(chart, &format!("chart-{}", self.charts)));
                }
            }
        }
    }
}

fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| if s.strong { format!("<strong>{}</strong>", escape::text(&s.text)) } else { escape::text(&s.text) })
        .collect()
}

/// A table in a fixed layout (no cell can push it past the page), its columns as wide as
/// `columns::widths` finds they need.
fn table(out: &mut String, table: &Table) {
    out.push_str("<table>");
    if let Some(caption) = &table.caption {
        let _ = write!(out, "<caption>{}</caption>", escape::text(caption));
    }
    out.push_str("<colgroup>");
    for width in columns::widths(table) {
        let _ = write!(out, "<col style=\"width: {width}%\"/>");
    }
    out.push_str("</colgroup><thead><tr>");
    let class = |align: Align| if align == Align::Right { " class=\"num\"" } else { "" };
    for c in &table.columns {
        let _ = write!(out, "<th scope=\"col\"{}>{}</th>", class(c.align), escape::text(&c.header));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for (c, cell) in table.columns.iter().zip(row) {
            let _ = write!(out, "<td{}>{}</td>", class(c.align), spans(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
}

fn callout(out: &mut String, tone: Tone, title: &str, body: &[Span]) {
    let (class, symbol) = match tone {
        Tone::Info => ("info", "ℹ"),
        Tone::Warning => ("warning", "⚠"),
        Tone::Positive => ("positive", "✓"),
    };
    let _ = writeln!(
        out,
        "<aside class=\"callout {class}\"><p class=\"callout-title\"><span class=\"tone\" aria-hidden=\"true\">{symbol}</span>{}</p><p>{}</p></aside>",
        escape::text(title),
        spans(body)
    );
}

fn key_figures(out: &mut String, figures: &[KeyFigure]) {
    out.push_str("<div class=\"figures\">");
    for f in figures {
        let _ = write!(
            out,
            "<div class=\"figure-card\"><p class=\"value\">{}</p><p class=\"label\">{}</p><p class=\"note\">{}</p></div>",
            escape::text(&f.value),
            escape::text(&f.label),
            escape::text(&f.note)
        );
    }
    out.push_str("</div>\n");
}
