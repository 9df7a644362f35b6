//! The workshop in the reports a reader sees: the three respondents of `examples/workshop/` in
//! the table, Markdown and HTML views (the disagreement to discuss with both answers and both
//! notes, the respondents' scores), no Workshop section for one answer file, a saved JSON
//! report rendering to the same bytes, and names and notes that cannot inject anything.

use crate::common;
use readiness::frameworks::Load;

use common::*;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};
use readiness::answers::{Completeness, Note, parse, render};
use readiness::frameworks::{Frameworks, ReportText};
use serde_json::Value;
use std::path::Path;

fn words() -> std::sync::Arc<ReportText> {
    Frameworks::builtin().unwrap().report
}

/// `assess` of the given answer files or directories in one format.
fn assess_in(inputs: &[&Path], format: &str) -> String {
    let mut cmd = bin();
    cmd.arg("assess").args(["--as-of", AS_OF, "--format", format]);
    for input in inputs {
        cmd.arg("--answers").arg(input);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "assess failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn workshop_in(format: &str) -> String {
    assess_in(&[&example("workshop")], format)
}

/// The discuss list as the JSON has it: each question's prompt, and each respondent's answer,
/// note and evidence.
fn discuss_in_json() -> Vec<Value> {
    let a: Value = serde_json::from_str(&workshop_in("json")).unwrap();
    a["workshop"]["discuss"].as_array().unwrap().clone()
}

/// What an item must show: the prompt, every respondent's answer, every note and evidence.
fn assert_item_shows(item: &str, q: &Value) {
    assert!(item.starts_with(q["prompt"].as_str().unwrap()), "{item}");
    for x in q["answers"].as_array().unwrap() {
        let name = x["name"].as_str().unwrap();
        let said = x["answer"].as_u64().map_or_else(|| "don't know".to_string(), |l| l.to_string());
        assert!(item.contains(&format!("{name}: {said}.")), "{name}: {said} missing from {item}");
        for part in ["note", "evidence"] {
            if let Some(text) = x[part].as_str() {
                assert!(item.contains(text), "{name}'s {part} missing from {item}");
            }
        }
    }
}

#[test]
fn the_cdp_disagreement_is_first_to_discuss_with_both_answers_and_notes_in_markdown_and_html() {
    let json = discuss_in_json();
    // The known disagreement, as the worked example tells it: Dev 1 with the coverage report,
    // Maya 3 ("We have a CDP"), ranked first.
    assert_eq!(json[0]["question"], "customer_profile");
    let md_items = markdown_list_after(&workshop_in("markdown"), &words().workshop.discuss);
    assert_eq!(md_items.len(), json.len(), "{md_items:#?}");
    for (item, q) in md_items.iter().zip(&json) {
        assert_item_shows(item, q);
    }
    let first = &md_items[0];
    for said in ["Dev Okafor: 1.", "The CDP holds a third of our customers", "CDP coverage report, May 2026"] {
        assert!(first.contains(said), "{first}");
    }
    assert!(first.contains("Maya Patel: 3.") && first.contains("We have a CDP"), "{first}");

    let html = workshop_in("html");
    let tree = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() },
    )
    .unwrap();
    let section = tree.descendants().find(|n| n.attribute("id") == Some("s-workshop")).expect("a workshop section");
    let list = section.descendants().find(|n| n.has_tag_name("ol")).expect("the discuss list");
    let html_items: Vec<String> = list
        .children()
        .filter(|n| n.has_tag_name("li"))
        .map(|li| li.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect())
        .collect();
    assert_eq!(html_items, md_items, "HTML and Markdown show the same list");
}

#[test]
fn the_scores_table_holds_each_respondents_own_scores_and_the_combined_within_their_range() {
    let a: Value = serde_json::from_str(&workshop_in("json")).unwrap();
    let w = words().workshop.clone();
    let md = workshop_in("markdown");
    let row = |label: &str| -> Vec<String> {
        let line = md.lines().find(|l| l.starts_with(&format!("| {label} |"))).unwrap_or_else(|| panic!("{label}"));
        line.trim_matches('|').split(" | ").skip(1).map(|c| c.trim().to_string()).collect()
    };
    let mut expected: Vec<f64> =
        a["workshop"]["respondents"].as_array().unwrap().iter().map(|r| r["overall"].as_f64().unwrap()).collect();
    let combined = a["readiness"]["overall"].as_f64().unwrap();
    let (low, high) = expected.iter().fold((f64::MAX, f64::MIN), |(l, h), x| (l.min(*x), h.max(*x)));
    assert!(low < combined && combined < high, "{combined} within {low}..{high}");
    expected.push(combined);
    let shown: Vec<String> = expected.iter().map(|x| readiness::document::number(*x)).collect();
    assert_eq!(row(&w.overall_row), shown);
    // Sofia Brandt answered "don't know" eight times.
    assert_eq!(row(&w.answered_row), ["30 of 30", "30 of 30", "22 of 30", "30 of 30"]);
}

#[test]
fn a_report_of_one_answer_file_has_no_workshop_section_but_shows_its_notes() {
    let w = words();
    let maya = example("workshop").join("maya-patel.toml");
    // Words as a reader sees them, whatever the terminal's line breaks.
    let flat = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for format in ["table", "markdown", "html"] {
        let alone = flat(assess_in(&[&maya], format));
        let together = flat(workshop_in(format));
        for text in [&w.workshop.title, &w.workshop.discuss, &w.workshop.chart] {
            assert!(together.contains(text.as_ref()), "{format}: the workshop shows {text}");
            assert!(!alone.contains(text.as_ref()), "{format}: one respondent's report shows {text}");
        }
        // Her note, unsigned, in the appendix and beside the lever it bears on.
        let note = "Note: The consent platform was rolled out last year.";
        assert!(alone.contains(note), "{format}");
        // Signed in the workshop's report; on the terminal the note may sit in a wrapped
        // table cell, so only its signature is sure to read on one line there.
        let signed = match format {
            "table" => "Note (Maya Patel",
            _ => "Note (Maya Patel, Marketing lead): Web, app and store purchases",
        };
        assert!(!alone.contains(signed) && together.contains(signed), "{format}");
    }
    let md = assess_in(&[&maya], "markdown");
    let levers = markdown_list_after(&md, &w.readiness.levers);
    let consent = levers.iter().find(|l| l.starts_with("How is customer consent recorded and honoured?")).unwrap();
    assert!(consent.ends_with("Note: The consent platform was rolled out last year."), "{consent}");
}

#[test]
fn notes_stand_beside_the_risk_and_lever_they_bear_on_signed_by_their_respondent() {
    let w = words();
    let md = workshop_in("markdown");
    let risks = markdown_list_after(&md, &w.risks.details);
    let consent = risks.iter().find(|r| r.starts_with("Personal data used without valid consent")).unwrap();
    assert!(consent.contains("Evidence (Sofia Brandt, Privacy officer): Loyalty app impact assessment"), "{consent}");
    assert!(consent.contains("Note (Maya Patel, Marketing lead): The consent platform was rolled out"), "{consent}");
    let levers = markdown_list_after(&md, &w.readiness.levers);
    let quality = levers.iter().find(|l| l.starts_with("How trustworthy is the customer data?")).unwrap();
    assert!(quality.contains("Evidence (Dev Okafor, Data lead): Duplicate audit, April 2026"), "{quality}");
    // The appendix gives each respondent's level where they differ, and only there.
    assert!(md.contains("(by respondent: Dev Okafor 1, Maya Patel 3, Sofia Brandt don't know)"));
    let data_history = md.lines().find(|l| l.starts_with("| How much usable history")).unwrap();
    assert!(data_history.contains("by respondent: Dev Okafor 3, Maya Patel 3, Sofia Brandt 2"), "{data_history}");
    let alike = md.lines().find(|l| l.starts_with("| Is privacy considered"));
    assert!(alike.is_some_and(|l| !l.contains("by respondent")), "{alike:?}");
}

#[test]
fn rendering_the_saved_json_gives_the_bytes_assess_gives_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("workshop.json");
    std::fs::write(&saved, workshop_in("json")).unwrap();
    for format in ["table", "markdown", "html", "json"] {
        let out = bin().arg("render").arg(&saved).args(["--format", format]).output().unwrap();
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout == workshop_in(format).into_bytes(), "{format}: render differs from assess");
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile names and notes: Markdown, HTML, Mermaid and terminal syntax at once.

const NAME: &str = "Eve | # <script>alert(1)</script> [x](javascript:alert(1)) ``` *b*";
const ROLE: &str = "%%{init}%% \"quoted\"; <b>lead</b>";
const NOTE: &str = "Level 4. | a | b |\n# heading\n```mermaid\ngraph TD\n``` <img src=x onerror=alert(1)> \
                    [x](javascript:alert(1)) `code` \u{1b}[31mred\u{1b}]52;c;ZXZpbA==\u{7} \u{202E}desrever";

/// A workshop of Dev Okafor and a hostile respondent, whose notes are on the discussed CDP
/// question, the consent question a risk cites and the data-quality lever.
fn hostile_workshop(dir: &Path) {
    let fw = Frameworks::builtin().unwrap();
    let text = std::fs::read_to_string(example("workshop").join("maya-patel.toml")).unwrap();
    let mut eve = parse(&fw, "eve", &text, Completeness::Complete).unwrap();
    eve.respondent.name = Some(NAME.into());
    eve.respondent.role = Some(ROLE.into());
    for q in ["customer_profile", "consent_management", "data_quality"] {
        eve.notes.insert(q.into(), Note { note: Some(NOTE.into()), evidence: Some(NOTE.into()) });
    }
    std::fs::write(dir.join("eve.toml"), render(&fw, &eve)).unwrap();
    std::fs::copy(example("workshop").join("dev-okafor.toml"), dir.join("dev.toml")).unwrap();
}

#[test]
fn hostile_names_and_notes_reach_every_format_inert() {
    let dir = tempfile::tempdir().unwrap();
    hostile_workshop(dir.path());
    let a: Value = serde_json::from_str(&assess_in(&[dir.path()], "json")).unwrap();
    assert_eq!(a["workshop"]["discuss"][0]["answers"][1]["note"].as_str(), Some(NOTE), "the note is discussed");

    // Markdown: literal text in the structure the backend wrote.
    let md = assess_in(&[dir.path()], "markdown");
    let mut text = String::new();
    let mut h1 = 0;
    for event in Parser::new_ext(&md, Options::all()) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) => h1 += 1,
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => assert_eq!(&*lang, "mermaid"),
            Event::Html(html) => assert_eq!(html.trim(), "<!-- -->", "raw HTML"),
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(CodeBlockKind::Indented))
            | Event::InlineHtml(_)
            | Event::Code(_) => panic!("text became markup: {event:?}"),
            _ => {}
        }
    }
    assert_eq!(h1, 1, "the note made no heading");
    assert!(text.contains("<script>alert(1)</script>") && text.contains("<img src=x onerror=alert(1)>"));
    assert_tables_are_rectangular(&md);
    let mut in_mermaid = false;
    for line in md.lines() {
        if line.starts_with("```") {
            in_mermaid = line == "```mermaid";
        } else if in_mermaid {
            assert!(!line.contains("%%") && !line.contains('<') && !line.contains('`'), "{line}");
            assert!(line.matches('"').count() % 2 == 0, "a label left its quotes: {line}");
        }
    }

    // HTML: well-formed, nothing active, the markup shown as text.
    let html = assess_in(&[dir.path()], "html");
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let tree = roxmltree::Document::parse_with_options(&html, options).expect("well-formed");
    for node in tree.descendants().filter(|n| n.is_element()) {
        assert!(!matches!(node.tag_name().name(), "script" | "img" | "iframe" | "b"), "{:?}", node.tag_name());
        for attribute in node.attributes() {
            assert!(!attribute.name().starts_with("on"), "an event handler");
            if matches!(attribute.name(), "href" | "src") {
                assert!(attribute.value().starts_with('#'), "a link out of the page: {}", attribute.value());
            }
        }
    }
    let shown: String = tree.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
    assert!(shown.contains(NAME) && shown.contains("<b>lead</b>") && shown.contains("onerror=alert(1)>"));

    // Terminal: no control or direction-changing character reaches it.
    let table = assess_in(&[dir.path()], "table");
    let unsafe_char = table
        .chars()
        .find(|c| (c.is_control() && *c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'));
    assert_eq!(unsafe_char, None);
    assert!(table.contains("alert(1)") && table.contains("Eve |"), "the text is shown, not dropped");
}
