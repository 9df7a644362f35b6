//! The Markdown report is valid CommonMark with GitHub tables and a Mermaid gantt chart, and
//! nothing in an answer file can break or inject into it.

use crate::common;
use readiness::frameworks::Load;

use common::*;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

fn events(md: &str) -> Vec<Event<'_>> {
    Parser::new_ext(md, Options::ENABLE_TABLES).collect()
}

fn markdown_for(company: &str, notes: &str) -> String {
    let text = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    let text = text.replace("company = \"Fernhill Tea Co.\"", &format!("company = {}", quoted(company))).replace(
        "notes = \"Interview with the founder and the one-person marketing team, November 2026.\"",
        &format!("notes = {}", quoted(notes)),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    std::fs::write(&path, text).unwrap();
    let out = bin()
        .args(["assess", "--format", "markdown", "--explain", "--as-of", AS_OF, "--answers"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_example_renders_tables_and_mermaid_charts_under_every_heading() {
    let words = readiness::frameworks::Frameworks::builtin().unwrap().report;
    for name in EXAMPLES {
        let md = assess(name, &["--format", "markdown", "--explain"]);
        assert_tables_are_rectangular(&md);
        let events = events(&md);
        let tables = events.iter().filter(|e| matches!(e, Event::Start(Tag::Table(_)))).count();
        assert!(tables >= 8, "{name}: only {tables} tables parsed");
        let mut charts: Vec<String> = Vec::new();
        let mut in_mermaid = false;
        for e in &events {
            match e {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if lang.as_ref() == "mermaid" => {
                    in_mermaid = true;
                    charts.push(String::new());
                }
                Event::End(TagEnd::CodeBlock) => in_mermaid = false,
                Event::Text(text) if in_mermaid => charts.last_mut().unwrap().push_str(text),
                _ => {}
            }
        }
        assert!(charts.iter().any(|c| c.starts_with("gantt\n")), "{name}: no roadmap gantt");
        assert!(charts.iter().any(|c| c.starts_with("radar-beta\n")), "{name}: no dimension spider chart");
        for heading in common::section_titles(&words).into_iter().chain([words.appendix.title.as_str()]) {
            assert!(md.contains(&format!("\n## {heading}\n")), "{name}: missing {heading}");
        }
        for heading in [&words.appendix.methodology, &words.appendix.answers, &words.appendix.sources] {
            assert!(md.contains(&format!("\n### {heading}\n")), "{name}: missing {heading}");
        }
    }
}

#[test]
fn hostile_company_names_and_notes_cannot_break_or_inject() {
    let company = "Evil | Co *bold* _x_ <script>alert(1)</script> [link](javascript:alert(1)) `code`";
    let notes = "first line\n| injected | row |\n# heading";
    let md = markdown_for(company, notes);
    assert_tables_are_rectangular(&md);
    let events = events(&md);
    assert!(
        !events.iter().any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_))),
        "raw HTML reached the document"
    );
    assert!(!events.iter().any(|e| matches!(e, Event::Start(Tag::Link { .. }))), "a link was injected");
    assert!(!events.iter().any(|e| matches!(e, Event::Code(_))), "inline code was injected");
    // The title is one heading whose text is exactly the company name.
    let mut title = String::new();
    let mut in_title = false;
    for e in &events {
        match e {
            Event::Start(Tag::Heading { level: pulldown_cmark::HeadingLevel::H1, .. }) => in_title = true,
            Event::End(TagEnd::Heading(_)) if in_title => break,
            Event::Text(t) if in_title => title.push_str(t),
            _ => {}
        }
    }
    // The Markdown backend puts an invisible word joiner after `:` so nothing reads as a link.
    assert_eq!(title.replace('\u{2060}', ""), format!("{company}: AI marketing readiness"));
    // The notes stay on one line of their table row; no heading was injected.
    let headings_h1 = events
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::Heading { level: pulldown_cmark::HeadingLevel::H1, .. })))
        .count();
    assert_eq!(headings_h1, 1);
}

#[test]
fn company_name_with_html_entities_and_unicode_round_trips() {
    let company = "Café & Thé — Zürich 東京 \"Quotes\"";
    let md = markdown_for(company, "ok");
    let text: String = events(&md)
        .into_iter()
        .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
        .filter_map(|e| if let Event::Text(t) = e { Some(t.to_string()) } else { None })
        .collect();
    assert_eq!(text.replace('\u{2060}', ""), format!("{company}: AI marketing readiness"));
}

/// Page one never offers as a quick win a technology that waits for a control or mitigation
/// (Northwind's lookalike audiences wait for the opt-out work), and no two of the three
/// priorities send the reader to the same action.
#[test]
fn quick_wins_are_ungated_and_the_priorities_name_different_actions() {
    let words = readiness::frameworks::Frameworks::builtin().unwrap().report;
    let mut waiting_seen = false;
    for name in EXAMPLES {
        let a = assess_json(name);
        let md = assess(name, &["--format", "markdown"]);
        let names = |ids: Vec<&str>| -> Vec<String> {
            let techs = a["technologies"].as_array().unwrap();
            ids.iter()
                .map(|id| techs.iter().find(|t| t["id"] == *id).unwrap()["name"].as_str().unwrap().into())
                .collect()
        };
        // Technologies served by an action that ends before they start.
        let waiting: Vec<&str> = a["technologies"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| {
                let Some(start) = t["adoption_timeline"]["start_month"].as_u64() else { return false };
                a["roadmap"].as_array().unwrap().iter().flat_map(|p| p["actions"].as_array().unwrap()).any(|x| {
                    x["months"][1].as_u64().unwrap() < start
                        && x["technologies"].as_array().unwrap().iter().any(|id| *id == t["id"])
                })
            })
            .map(|t| t["id"].as_str().unwrap())
            .collect();
        waiting_seen |= !waiting.is_empty();
        let quick = common::markdown_list_after(&md, &words.summary.quick_wins);
        for tech in names(waiting) {
            assert!(!quick.iter().any(|q| q.contains(&tech)), "{name}: {tech} waits, yet is a quick win");
        }
        let actions: Vec<String> = a["roadmap"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["actions"].as_array().unwrap())
            .map(|x| x["title"].as_str().unwrap().to_string())
            .collect();
        // Every example lists three priorities, under "Three priorities".
        let heading = words.summary.priorities.replace("{count}", &words.summary.counts[2]);
        let priorities = common::markdown_list_after(&md, &heading);
        assert_eq!(priorities.len(), 3, "{name}: {heading}");
        for action in &actions {
            let naming = priorities.iter().filter(|p| p.contains(&format!(": {action}, "))).count();
            assert!(naming <= 1, "{name}: {naming} priorities name {action}: {priorities:?}");
        }
    }
    assert!(waiting_seen, "some example has a technology that waits, or this proves nothing");
}

/// The priorities' heading says how many it lists, as many as `shown.priorities` allows.
#[test]
fn the_priorities_heading_counts_what_it_lists() {
    for (shown, heading) in [(1, "One priority"), (2, "Two priorities"), (3, "Three priorities")] {
        let dir = tempfile::tempdir().unwrap();
        bin().args(["frameworks", "export"]).arg(dir.path()).assert().success();
        let path = dir.path().join("report.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let limit = format!("shown = {{ priorities = {shown},");
        std::fs::write(&path, text.replacen("shown = { priorities = 3,", &limit, 1)).unwrap();
        let fw = dir.path().to_str().unwrap();
        let md = assess("small-ecommerce.toml", &["--frameworks", fw, "--format", "markdown"]);
        assert_eq!(markdown_list_after(&md, heading).len(), shown, "{heading}:\n{md}");
    }
}
