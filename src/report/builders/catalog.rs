//! A catalogue of the frameworks data as a document: one section holding its rows as a table.

use crate::document::{Align, Block, Column, Document, Section, Span, Table};
use crate::frameworks::{ReportText, Text};

/// One section holding the rows as a table; the last column, the widest text, takes the room.
pub fn document(text: &ReportText, header: &[Text], rows: &[Vec<Text>]) -> Document {
    let last = header.len().saturating_sub(1);
    let columns = header
        .iter()
        .enumerate()
        .map(|(i, h)| Column { header: h.to_string(), align: Align::Left, wide: i == last })
        .collect();
    let rows = rows.iter().map(|r| r.iter().map(|c| vec![Span::plain(c.to_string())]).collect()).collect();
    let title = text.catalog.title.to_string();
    Document {
        title: title.clone(),
        meta: super::plain_meta(text, String::new(), String::new(), String::new(), String::new()),
        cover: Vec::new(),
        sections: vec![Section {
            anchor: "catalog".into(),
            title,
            blocks: vec![Block::Table(Table { caption: None, columns, rows })],
            appendix: false,
        }],
    }
}
