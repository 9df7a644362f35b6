//! The terminal backend: text wrapped to the screen, tables that fit it (stacked rows when
//! narrow), charts drawn with block characters, colour only when the caller asks for it.
//!
//! Every piece of document text passes through `text::clean` before it is measured, so no
//! byte of it reaches the terminal as a control sequence.

mod charts;
mod table;
mod text;

use crate::document::{Block, Document, KeyFigure, Span, Tone};
use text::{Painter, Style, clean, pad, width as columns, wrap};

/// How to lay a document out on a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Columns to fit; `None` fits the terminal on standard output, or `PIPE_WIDTH` when it is
    /// not a terminal.
    pub width: Option<u16>,
    /// Whether to use colour and bold: the caller decides (a terminal, no `NO_COLOR`, `TERM` not
    /// `dumb`).
    pub colour: bool,
}

/// The width used when output goes to a pipe or file and no width was asked for.
pub(crate) const PIPE_WIDTH: usize = 100;

pub fn render(document: &Document, options: Options) -> String {
    let width = resolve_width(options.width).max(1);
    let painter = Painter { colour: options.colour };
    let mut out = Vec::new();
    out.extend(
        wrap(&[Span::plain(document.title.as_str())], width, "", "", Painter { colour: false })
            .into_iter()
            .map(|l| painter.paint(&l, Style::Title)),
    );
    let meta = &document.meta;
    // A catalogue has no client, date or headline: no lines for them then.
    let lines = [&meta.client, &meta.date].into_iter().chain(&meta.byline);
    for line in lines.filter(|l| !l.trim().is_empty()) {
        out.extend(wrap(&[Span::plain(line.as_str())], width, "", "", painter));
    }
    out.push(String::new());
    if !meta.headline.trim().is_empty() {
        out.extend(wrap(&[Span::strong(meta.headline.as_str())], width, "", "", painter));
        out.push(String::new());
    }
    blocks(&mut out, &document.cover, width, painter);
    for section in &document.sections {
        out.push(painter.paint(&rule(&section.title, width), Style::Strong));
        out.push(String::new());
        blocks(&mut out, &section.blocks, width, painter);
    }
    out.extend(
        wrap(&[Span::plain(meta.generator.as_str())], width, "", "", painter)
            .into_iter()
            .map(|l| painter.paint(&l, Style::Muted)),
    );
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn resolve_width(asked: Option<u16>) -> usize {
    asked.or_else(|| comfy_table::Table::new().width()).map_or(PIPE_WIDTH, usize::from)
}

/// A section title between rules: `── Title ──────`, cut to fit.
fn rule(title: &str, width: usize) -> String {
    let title = text::truncate(&clean(title), width.saturating_sub(4));
    let head = format!("── {title} ");
    format!("{head}{}", "─".repeat(width.saturating_sub(columns(&head))))
}

fn blocks(out: &mut Vec<String>, blocks: &[Block], width: usize, painter: Painter) {
    for block in blocks {
        match block {
            Block::Heading(text) => out.extend(wrap(&[Span::strong(text.as_str())], width, "", "", painter)),
            Block::Paragraph(spans) => out.extend(wrap(spans, width, "", "", painter)),
            Block::List { ordered, items } => {
                let marker_width = if *ordered { items.len().to_string().len() + 2 } else { 2 };
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered { format!("{}.", i + 1) } else { "•".to_string() };
                    out.extend(wrap(item, width, &pad(&marker, marker_width), &" ".repeat(marker_width), painter));
                }
            }
            Block::Table(t) => out.extend(table::lines(t, width, painter)),
            Block::Callout { tone, title, body } => callout(out, *tone, title, body, width, painter),
            Block::KeyFigures(figures) => key_figures(out, figures, width, painter),
            Block::Chart(chart) => out.extend(charts::lines(chart, width, painter)),
        }
        out.push(String::new());
    }
}

/// A callout: a coloured bar down the left, a symbol for its tone, the title in bold.
fn callout(out: &mut Vec<String>, tone: Tone, title: &str, body: &[Span], width: usize, painter: Painter) {
    let symbol = match tone {
        Tone::Info => "ℹ",
        Tone::Warning => "⚠",
        Tone::Positive => "✓",
    };
    let bar = painter.paint("│", Style::Tone(tone));
    let head = format!("{bar} {} ", painter.paint(symbol, Style::Tone(tone)));
    out.extend(wrap(&[Span::strong(title)], width, &head, &format!("{bar}   "), painter));
    out.extend(wrap(body, width, &format!("{bar}   "), &format!("{bar}   "), painter));
}

/// Key figures: the values in a column, bold, each with its label and note beside it.
fn key_figures(out: &mut Vec<String>, figures: &[KeyFigure], width: usize, painter: Painter) {
    let value_width = figures.iter().map(|f| columns(&clean(&f.value))).max().unwrap_or(0).min(width / 3);
    for figure in figures {
        let value = text::truncate(&clean(&figure.value), value_width);
        let lead = format!("{}  ", painter.paint(&pad(&value, value_width), Style::Strong));
        let indent = " ".repeat(value_width + 2);
        out.extend(wrap(&[Span::plain(figure.label.as_str())], width, &lead, &indent, painter));
        if !figure.note.is_empty() {
            let note = wrap(&[Span::plain(figure.note.as_str())], width, &indent, &indent, Painter { colour: false });
            out.extend(note.into_iter().map(|l| painter.paint(&l, Style::Muted)));
        }
    }
}
