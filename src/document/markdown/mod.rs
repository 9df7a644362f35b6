//! The Markdown backend: GitHub-flavoured Markdown that markdownlint's default rules (line
//! length aside) accept, with charts as Mermaid where Mermaid has a diagram for them and as
//! tables where it has not.
//!
//! All text goes through `escape`; nothing in a document can add markup, a link, a mention
//! or a diagram directive.

mod charts;
mod escape;

use crate::document::{Align, Block, Document, Span, Table, Tone};
use escape::{heading, inline, line_start, spans};

pub fn render(document: &Document) -> String {
    let mut md = Markdown::default();
    md.block(format!("# {}", heading(&document.title)));
    let meta = &document.meta;
    // A catalogue has no client, date or headline: no line for them then.
    let client = inline(&meta.client).trim().to_string();
    let byline: Vec<String> =
        [(!client.is_empty()).then(|| format!("**{client}**")), Some(inline(&meta.date).trim().to_string())]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .collect();
    if !byline.is_empty() {
        md.block(byline.join(" · "));
    }
    // Who prepared the report, a line each, as on the HTML cover.
    for line in &meta.byline {
        md.block(line_start(inline(line)));
    }
    if !meta.headline.trim().is_empty() {
        md.block(line_start(inline(&meta.headline)));
    }
    md.blocks(&document.cover);
    for section in &document.sections {
        md.block(format!("## {}", heading(&section.title)));
        md.blocks(&section.blocks);
    }
    md.block("---".to_string());
    md.block(line_start(inline(&meta.generator)));
    md.finish()
}

/// Markdown being written: blocks apart by one blank line, no trailing spaces.
#[derive(Default)]
struct Markdown {
    out: String,
    /// Whether the last block was a quote: a second one right after needs a separator, or
    /// Markdown joins them (markdownlint MD028).
    after_quote: bool,
}

impl Markdown {
    fn block(&mut self, text: String) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        for line in text.lines() {
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
        self.after_quote = false;
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Heading(text) => self.block(format!("### {}", heading(text))),
                Block::Paragraph(content) => self.block(paragraph(content)),
                Block::List { ordered, items } => self.block(list(*ordered, items)),
                Block::Table(table) => self.table(table),
                Block::Callout { tone, title, body } => self.callout(*tone, title, body),
                Block::KeyFigures(figures) => {
                    let items: Vec<Vec<Span>> = figures
                        .iter()
                        .map(|f| {
                            let note = if f.note.is_empty() { String::new() } else { format!(" — {}", f.note) };
                            vec![
                                Span::plain(format!("{}: ", f.label)),
                                Span::strong(f.value.as_str()),
                                Span::plain(note),
                            ]
                        })
                        .collect();
                    self.block(list(false, &items));
                }
                Block::Chart(chart) => charts::chart(self, chart),
            }
        }
    }

    fn table(&mut self, table: &Table) {
        if let Some(caption) = &table.caption {
            self.block(line_start(inline(caption)));
        }
        self.block(table_text(table));
    }

    fn callout(&mut self, tone: Tone, title: &str, body: &[Span]) {
        if self.after_quote {
            self.block("<!-- -->".to_string());
        }
        let symbol = match tone {
            Tone::Info => "ℹ️",
            Tone::Warning => "⚠️",
            Tone::Positive => "✅",
        };
        let mut text = format!("> {symbol} **{}**", inline(title).trim());
        let body = line_start(spans(body));
        if !body.is_empty() {
            text.push_str(&format!("\n>\n> {body}"));
        }
        self.block(text);
        self.after_quote = true;
    }

    fn finish(self) -> String {
        self.out
    }
}

/// A paragraph; one made only of strong text is set plain, since Markdown readers (and
/// markdownlint's MD036) take a paragraph in bold for a heading.
fn paragraph(content: &[Span]) -> String {
    let all_strong = content.iter().all(|s| s.strong || s.text.trim().is_empty());
    if all_strong {
        let plain: Vec<Span> = content.iter().map(|s| Span::plain(s.text.as_str())).collect();
        return line_start(spans(&plain));
    }
    line_start(spans(content))
}

fn list(ordered: bool, items: &[Vec<Span>]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let marker = if ordered { format!("{}.", i + 1) } else { "-".to_string() };
        out.push_str(&format!("{marker} {}\n", line_start(spans(item))));
    }
    out
}

/// A GitHub table; an empty cell is written `| |`, one space, as markdownlint's compact style
/// wants.
fn table_text(table: &Table) -> String {
    let row = |cells: Vec<String>| {
        let cells: Vec<String> =
            cells.into_iter().map(|c| if c.is_empty() { " ".into() } else { format!(" {c} ") }).collect();
        format!("|{}|\n", cells.join("|"))
    };
    let mut out = row(table.columns.iter().map(|c| inline(&c.header).trim().to_string()).collect());
    out.push_str(&row(table
        .columns
        .iter()
        .map(|c| if c.align == Align::Right { "---:" } else { "---" }.into())
        .collect()));
    for cells in &table.rows {
        let mut cells: Vec<String> = cells.iter().map(|c| spans(c).trim().to_string()).collect();
        cells.resize(table.columns.len(), String::new());
        out.push_str(&row(cells));
    }
    out
}
