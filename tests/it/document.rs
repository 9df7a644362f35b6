//! The document backends on a sample report built by hand: reviewed snapshots of each format,
//! hostile text kept inert everywhere it can appear, terminal lines that fit any width, and
//! HTML that is well-formed, script-free and loads nothing.

use crate::sample;

use proptest::prelude::*;
use readiness::document::*;
use sample::{HOSTILE, hostile};
use unicode_width::UnicodeWidthStr;

fn term(document: &Document, width: u16, colour: bool) -> String {
    terminal::render(document, terminal::Options { width: Some(width), colour })
}

// ---------------------------------------------------------------------------------------------
// Snapshots: each backend's whole output for the sample, reviewed when it changes.

#[test]
fn terminal_snapshots() {
    insta::assert_snapshot!("terminal_100", term(&sample::sample(), 100, false));
    insta::assert_snapshot!("terminal_60_stacked", term(&sample::sample(), 60, false));
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("markdown", markdown::render(&sample::sample()));
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!("html", html::render(&sample::sample()));
}

#[test]
fn a_document_survives_json_and_renders_the_same() {
    let document = sample::sample();
    let back: Document = serde_json::from_str(&serde_json::to_string(&document).unwrap()).unwrap();
    assert_eq!(back, document);
    assert_eq!(html::render(&back), html::render(&document));
}

// ---------------------------------------------------------------------------------------------
// The terminal: no byte of the document acts on the terminal, every line fits.

/// The first character that could act on a terminal or hide text, if any; with colour, SGR
/// sequences (`ESC [ digits ; m`) are the backend's own and allowed.
fn first_unsafe(text: &str, colour: bool) -> Option<(usize, char)> {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\u{1b}' && colour && chars.peek().map(|(_, n)| *n) == Some('[') {
            chars.next();
            let mut ended = false;
            for (_, n) in chars.by_ref() {
                if n == 'm' {
                    ended = true;
                    break;
                }
                if !(n.is_ascii_digit() || n == ';') {
                    return Some((at, c));
                }
            }
            if !ended {
                return Some((at, c));
            }
            continue;
        }
        let hidden =
            matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}');
        if (c.is_control() && c != '\n') || hidden {
            return Some((at, c));
        }
    }
    None
}

fn visible_width(line: &str) -> usize {
    let mut plain = String::new();
    let mut in_escape = false;
    for c in line.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, c) => plain.push(c),
        }
    }
    UnicodeWidthStr::width(plain.as_str())
}

fn assert_fits(text: &str, width: usize) {
    for (n, line) in text.lines().enumerate() {
        assert!(
            visible_width(line) <= width,
            "line {} is {} columns, more than {width}: {line:?}",
            n + 1,
            visible_width(line)
        );
    }
}

#[test]
fn hostile_text_reaches_the_terminal_inert_with_and_without_colour() {
    for colour in [false, true] {
        for width in [40, 69, 70, 120] {
            let out = term(&hostile(), width, colour);
            assert_eq!(first_unsafe(&out, colour), None, "width {width}, colour {colour}");
            assert_fits(&out, usize::from(width));
            assert!(out.contains("alert(1)"), "the hostile text is shown, not dropped");
        }
    }
    let plain = term(&sample::sample(), 100, false);
    assert!(!plain.contains('\u{1b}'), "no escape sequence at all without colour");
    assert!(term(&sample::sample(), 100, true).contains("\u{1b}[1m"), "colour when asked");
}

#[test]
fn the_unsafe_check_itself_finds_controls_bidi_and_bare_escapes() {
    assert_eq!(first_unsafe("a\u{1b}[31mb", false), Some((1, '\u{1b}')));
    assert_eq!(first_unsafe("a\u{1b}[31mb", true), None);
    assert_eq!(first_unsafe("a\u{1b}]0;title\u{7}", true), Some((1, '\u{1b}')));
    assert_eq!(first_unsafe("x\u{202e}y", true), Some((1, '\u{202e}')));
    assert_eq!(first_unsafe("x\u{9b}y", false), Some((1, '\u{9b}')));
}

#[test]
fn narrow_terminals_stack_table_rows() {
    let out = term(&sample::sample(), 60, false);
    assert!(!out.contains('┆'), "no grid below 70 columns");
    assert!(out.contains("What holds it back: One analyst"), "{out}");
    assert!(term(&sample::sample(), 70, false).contains('┆'), "a grid from 70 columns");
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.]{0,40}",
        "[a-z]{10,60}",                 // long words
        "[\\p{Han}\\p{Hangul} ]{0,20}", // two columns a character
        "[\\PC]{0,24}",                 // anything printable, marks and emoji included
        Just(HOSTILE.to_string()),
    ]
}

fn spans() -> impl Strategy<Value = Vec<Span>> {
    prop::collection::vec((text(), any::<bool>()).prop_map(|(text, strong)| Span { text, strong }), 0..4)
}

fn table() -> impl Strategy<Value = Table> {
    (1usize..7).prop_flat_map(|columns| {
        let column = (text(), any::<bool>(), any::<bool>()).prop_map(|(header, right, wide)| Column {
            header,
            align: if right { Align::Right } else { Align::Left },
            wide,
        });
        (
            prop::option::of(text()),
            prop::collection::vec(column, columns),
            prop::collection::vec(prop::collection::vec(spans(), columns), 0..5),
        )
            .prop_map(|(caption, columns, rows)| Table { caption, columns, rows })
    })
}

fn chart() -> impl Strategy<Value = Chart> {
    let labels = || prop::collection::vec(text(), 1..8);
    prop_oneof![
        (labels(), prop::collection::vec(0.0f64..150.0, 8)).prop_map(|(categories, values)| ChartKind::Bars {
            max: 100.0,
            series: vec![Series { name: "a".into(), values: values[..categories.len()].to_vec() }],
            categories,
        }),
        (labels(), 1u32..25).prop_map(|(labels, months)| ChartKind::Gantt {
            months,
            month_labels: vec![],
            phases: vec![Phase { name: labels[0].clone(), start: 1, end: months }],
            rows: labels
                .iter()
                .enumerate()
                .map(|(i, label)| GanttRow {
                    group: labels[0].clone(),
                    label: label.clone(),
                    start: i as u32 + 1,
                    end: months,
                    kind: BarKind::Action,
                })
                .collect(),
            legend: GanttLegend { action: "a".into(), technology: "t".into() },
        }),
    ]
    .prop_map(|kind| Chart { title: "t".into(), alt: "a".into(), kind })
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        table().prop_map(Block::Table),
        spans().prop_map(Block::Paragraph),
        (any::<bool>(), prop::collection::vec(spans(), 0..4))
            .prop_map(|(ordered, items)| Block::List { ordered, items }),
        (text(), spans()).prop_map(|(title, body)| Block::Callout { tone: Tone::Warning, title, body }),
        chart().prop_map(Block::Chart),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Any table, paragraph, list, callout or chart, at any width from 20 columns: every line
    /// fits, stacked or not, and nothing unsafe gets through.
    #[test]
    fn every_terminal_line_fits_its_width(blocks in prop::collection::vec(block(), 1..4), width in 20u16..160, colour: bool) {
        let mut document = sample::sample();
        document.sections.truncate(1);
        document.sections[0].blocks = blocks;
        let out = term(&document, width, colour);
        for line in out.lines() {
            prop_assert!(visible_width(line) <= usize::from(width), "{} > {width}: {line:?}", visible_width(line));
        }
        prop_assert_eq!(first_unsafe(&out, colour), None);
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown: the hostile document parses to plain text in the structure the backend wrote.

#[test]
fn hostile_markdown_stays_literal_text() {
    use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
    let document = hostile();
    let md = markdown::render(&document);
    let mut text = String::new();
    let mut mermaid_blocks = 0;
    let mut headings = 0;
    for event in Parser::new_ext(&md, Options::all()) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &*lang == "mermaid" => mermaid_blocks += 1,
            Event::Start(Tag::Heading { .. }) => headings += 1,
            // The backend's own separator between two quotes.
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Html(html) if html.trim() == "<!-- -->" => {}
            Event::Start(
                Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::CodeBlock(_)
                | Tag::Strikethrough
                | Tag::FootnoteDefinition(_),
            )
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => panic!("hostile text became markup: {event:?}"),
            _ => {}
        }
    }
    assert_eq!(mermaid_blocks, 3, "only the backend's own diagrams");
    let sub_headings =
        document.sections.iter().flat_map(|s| &s.blocks).filter(|b| matches!(b, Block::Heading(_))).count();
    assert_eq!(headings, 1 + document.sections.len() + sub_headings, "no heading made by the text");
    for literal in
        ["<script>alert(1)</script>", "**b**", "[l](http:\u{2060}//evil.example/x)", "`c`", "| p |", "%%{init"]
    {
        assert!(text.contains(literal), "{literal:?} is shown as text");
    }
    for line in md.lines().filter(|l| !l.starts_with("  ") && !l.starts_with("```")) {
        assert!(!line.contains("<script"), "raw HTML outside a diagram: {line}");
    }
}

#[test]
fn hostile_mermaid_labels_cannot_leave_their_label() {
    let md = markdown::render(&hostile());
    let mut inside = false;
    for line in md.lines() {
        if line.starts_with("```") {
            inside = line == "```mermaid";
            continue;
        }
        if inside {
            assert!(!line.contains("%%") && !line.contains('#') && !line.contains(';'), "{line}");
            assert!(!line.contains('<') && !line.contains('`'), "{line}");
            let quotes = line.matches('"').count();
            assert!(quotes % 2 == 0, "unbalanced quotes: {line}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// HTML: well-formed (strictly, as XML), no script, no outside reference, every chart described.

fn parse(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    roxmltree::Document::parse_with_options(html, options).unwrap_or_else(|e| panic!("not well-formed: {e}"))
}

fn assert_inert_html(html: &str, document: &Document) {
    let tree = parse(html);
    let mut ids = std::collections::HashSet::new();
    for node in tree.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert!(
            !matches!(name, "script" | "iframe" | "object" | "embed" | "link" | "img" | "base" | "foreignObject"),
            "<{name}>"
        );
        for attribute in node.attributes() {
            let key = attribute.name().to_ascii_lowercase();
            assert!(!key.starts_with("on"), "event handler {key} on <{name}>");
            if matches!(key.as_str(), "src" | "href" | "action" | "data") {
                assert!(attribute.value().starts_with('#'), "{key}=\"{}\" leaves the page", attribute.value());
            }
            if key == "id" {
                assert!(ids.insert(attribute.value().to_string()), "duplicate id {}", attribute.value());
            }
        }
    }
    // The charts; a legend's keys are small drawings hidden from assistive technology.
    let svgs: Vec<_> =
        tree.descendants().filter(|n| n.has_tag_name("svg") && n.attribute("role") == Some("img")).collect();
    assert_eq!(svgs.len(), charts(document).count());
    for (svg, chart) in svgs.iter().zip(charts(document)) {
        let child = |tag: &str| {
            svg.children().find(|c| c.has_tag_name(tag)).and_then(|c| c.text()).unwrap_or_default().to_string()
        };
        assert!(!child("title").is_empty() && child("title").contains(chart.title.split(' ').next().unwrap()));
        assert!(!child("desc").is_empty());
        assert!(
            svg.next_sibling_element().is_some_and(|l| l.attribute("class").is_some_and(|c| c.contains("legend"))),
            "a legend"
        );
    }
    let policy = tree.descendants().find(|n| n.attribute("http-equiv") == Some("Content-Security-Policy"));
    assert!(policy.and_then(|n| n.attribute("content")).is_some_and(|c| c.contains("default-src 'none'")));
}

#[test]
fn html_is_well_formed_and_inert_for_the_sample_and_a_hostile_document() {
    assert_inert_html(&html::render(&sample::sample()), &sample::sample());
    let document = hostile();
    let html = html::render(&document);
    assert_inert_html(&html, &document);
    let tree = parse(&html);
    let title = tree.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text()).unwrap();
    assert!(title.contains("<script>alert(1)</script>"), "the title shows the markup as text: {title}");
    assert!(!title.contains('\u{1b}') && !title.contains('\u{202e}'), "controls and overrides replaced");
    let style = tree.descendants().find(|n| n.has_tag_name("style")).and_then(|n| n.text()).unwrap();
    assert!(!style.contains('<'), "the running head cannot close the style sheet");
    let lower = html.to_ascii_lowercase();
    for forbidden in
        ["<script", "javascript:", "src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http", "@import"]
    {
        assert!(!lower.contains(forbidden), "{forbidden}");
    }
}

#[test]
fn the_running_head_carries_client_date_and_signature_on_the_papers_size() {
    let html = html::render(&sample::sample());
    assert!(
        html.contains("@page { size: A4; @top-left { content: \"Harbour \\26  Pine Outfitters Ltd.\"; }"),
        "client in the header"
    );
    assert!(html.contains("@top-right { content: \"25 November 2026\"; }"));
    let signed =
        "@bottom-left { content: \"Prepared by Jane Doe, Northstar Advisory · Confidential: for the board\"; }";
    assert!(html.contains(signed), "the signature at the foot of every page");
    assert!(html.contains("table { width: 100%; table-layout: fixed;"));
}
