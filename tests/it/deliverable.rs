//! The report as delivered: US spelling for a business that markets only in the US and
//! Canada, British otherwise, `--lang` to override; the paper its regions use; and the
//! consultant's signature from `--prepared-by`, held to an answer file's limits.

use crate::common;

use std::path::{Path, PathBuf};

/// British spellings the built-in wording uses, as this test knows them (not the data's table):
/// a US English report must hold none, a British one keeps them.
const BRITISH: [&str; 22] = [
    "organisation",
    "optimise",
    "optimisation",
    "personalise",
    "personalised",
    "personalisation",
    "prioritise",
    "minimisation",
    "customised",
    "tokenised",
    "analyse",
    "summarised",
    "behaviour",
    "behavioural",
    "colour",
    "honour",
    "rigour",
    "centre",
    "centred",
    "programme",
    "modelling",
    "judgement",
];

/// The British words of the list found in a report, and any word ending in -isation.
fn british(report: &str) -> Vec<String> {
    let mut found: Vec<String> = report
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| BRITISH.contains(&w.as_str()) || w.ends_with("isation"))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The reference businesses with whether each markets only in the US and Canada, read from
/// their answer files here rather than from the tool.
fn references() -> Vec<(PathBuf, bool)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let mut out: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".expected.toml"))
        .map(|p| {
            let answers: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let regions = answers["context"]["regions"].as_array().unwrap().clone();
            let us = regions.iter().all(|r| r.as_str().is_some_and(|r| r.starts_with("us_") || r == "canada"));
            (p, us)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn us_only_businesses_read_us_spelling_and_the_others_british() {
    let cases = references();
    assert!(cases.iter().any(|(_, us)| *us) && cases.iter().any(|(_, us)| !us), "both kinds are there");
    for (path, us) in cases {
        let report = common::assess_file(&path, &["--format", "markdown"]);
        let json: serde_json::Value = serde_json::from_str(&common::assess_file(&path, &["--format", "json"])).unwrap();
        // A source is cited as published, in its own spelling: its title and address aside.
        let mut cited = Vec::new();
        source_texts(&json, &mut cited);
        assert!(!cited.is_empty(), "{}: no source found in the JSON", path.display());
        cited.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let found = british(&cited.iter().fold(report.replace('\\', ""), |r, t| r.replace(t.as_str(), "")));
        if us {
            assert!(found.is_empty(), "{}: British spelling in a US English report: {found:?}", path.display());
        } else {
            assert!(!found.is_empty(), "{}: the British spelling was lost", path.display());
        }
    }
}

/// The titles and addresses of the sources an assessment's JSON cites (under `source` and
/// `see_also` keys).
fn source_texts(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(fields) => {
            for (key, v) in fields {
                let sources: Vec<&serde_json::Value> = match (key.as_str(), v) {
                    ("source", serde_json::Value::Object(_)) => vec![v],
                    ("see_also", serde_json::Value::Array(items)) => items.iter().collect(),
                    _ => Vec::new(),
                };
                let texts =
                    sources.iter().flat_map(|s| ["title", "address"].map(|k| s.get(k).and_then(|t| t.as_str())));
                out.extend(texts.flatten().map(String::from));
                source_texts(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| source_texts(v, out)),
        _ => {}
    }
}

#[test]
fn lang_overrides_the_regions_both_ways() {
    let us = common::example("b2b-software.toml");
    let uk = common::example("small-ecommerce.toml");
    assert!(!british(&common::assess_file(&us, &["--format", "markdown", "--lang", "en-GB"])).is_empty());
    let respelt = common::assess_file(&uk, &["--format", "html", "--lang", "en-US"]);
    assert_eq!(british(&respelt), Vec::<String>::new());
    assert!(respelt.contains("<html lang=\"en-US\">"));
    // The style sheet's own words are not the report's: CSS keeps `color`, as it must.
    assert!(respelt.contains("color: var(--ink)"));
}

/// What the client wrote stays as written in a US English report.
#[test]
fn the_clients_own_words_are_never_respelt() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::example("b2b-software.toml")).unwrap();
    let name = "Colour & Behaviour Organisation";
    let renamed = with_company(&text, name);
    let path = dir.path().join("renamed.toml");
    std::fs::write(&path, renamed).unwrap();
    let report = common::assess_file(&path, &["--format", "markdown"]);
    assert!(report.contains(name), "the company's name is kept");
    assert!(!report.contains("Color & Behavior"), "and not respelt anywhere");
}

/// The answer file with its `company = "…"` line replaced.
fn with_company(text: &str, name: &str) -> String {
    let line = text.lines().find(|l| l.starts_with("company = ")).expect("the example names its company");
    text.replace(line, &format!("company = \"{name}\""))
}

#[test]
fn the_paper_follows_the_regions_unless_asked() {
    let html = |file: &str, extra: &[&str]| {
        let mut args = vec!["--format", "html"];
        args.extend_from_slice(extra);
        common::assess_file(&common::example(file), &args)
    };
    assert!(html("b2b-software.toml", &[]).contains("@page { size: letter;"));
    assert!(html("small-ecommerce.toml", &[]).contains("@page { size: A4;"));
    assert!(html("b2b-software.toml", &["--paper", "a4"]).contains("@page { size: A4;"));
}

#[test]
fn prepared_by_signs_every_view_and_is_held_to_the_limits_of_answer_text() {
    let file = common::example("small-ecommerce.toml");
    let signed = ["--prepared-by", "Jane <b>Doe</b>, Northstar\u{1b}[31m", "--confidential", "Board only"];
    let markdown = common::assess_file(&file, &[&["--format", "markdown"], &signed[..]].concat());
    let head: Vec<&str> = markdown.lines().take(8).collect();
    assert!(head.contains(&"Prepared by Jane &lt;b&gt;Doe&lt;/b&gt;, Northstar\u{FFFD}\\[31m"), "{head:?}");
    assert!(head.contains(&"Board only"), "{head:?}");
    let table = common::assess_file(&file, &signed);
    assert!(table.lines().take(6).any(|l| l.contains("Prepared by Jane <b>Doe</b>, Northstar\u{FFFD}[31m")));
    assert!(!table.contains('\u{1b}'));
    let html = common::assess_file(&file, &[&["--format", "html"], &signed[..]].concat());
    assert!(html.contains("<p class=\"byline\">Prepared by Jane &lt;b&gt;Doe&lt;/b&gt;"));
    assert!(!html.contains("@bottom-left { content: \"readiness"), "the version left the footer");
    assert!(html.contains("Produced by readiness "), "for the methodology appendix");

    let long = "x".repeat(2001);
    let out = common::bin().args(["assess", "--answers"]).arg(&file).args(["--prepared-by", &long]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--prepared-by is longer than 2000 characters"));
}

/// A US English report cites each source at its published address: respelling a URL
/// ("organisations" in a path) would break the link.
#[test]
fn a_us_english_report_keeps_every_source_address_as_published() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/us-clinic-network.toml");
    let json: serde_json::Value = serde_json::from_str(&common::assess_file(&path, &["--format", "json"])).unwrap();
    let mut cited = Vec::new();
    source_texts(&json, &mut cited);
    let html = common::assess_file(&path, &["--format", "html"]);
    let addresses: Vec<&String> = cited.iter().filter(|t| t.starts_with("https://")).collect();
    assert!(addresses.iter().any(|a| a.contains("organisations")), "the case this guards: a British word in a URL");
    for address in addresses {
        assert!(html.contains(&address.replace('&', "&amp;")), "{address} is not in the report as published");
    }
}

/// The dates of a report (day month year) in the order its English writes them.
fn dates(report: &str, us: bool) -> Vec<String> {
    let months = &common::fw().report.months;
    let words: Vec<&str> = report
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    let is =
        |w: &str, len: std::ops::RangeInclusive<usize>| len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let triples = words.windows(3).filter(|w| match us {
        true => months.iter().any(|m| m == w[0]) && is(w[1], 1..=2) && is(w[2].trim_end_matches('.'), 4..=4),
        false => is(w[0], 1..=2) && months.iter().any(|m| m == w[1]) && is(w[2].trim_end_matches('.'), 4..=4),
    });
    triples.map(|w| w.join(" ")).collect()
}

/// A US English report writes its dates the US way ("December 7, 2026"); a British one keeps
/// "7 December 2026".
#[test]
fn a_us_english_report_writes_dates_month_first() {
    let path = common::example("b2b-software.toml");
    let json: serde_json::Value = serde_json::from_str(&common::assess_file(&path, &["--format", "json"])).unwrap();
    // A source's title and address are quoted as published.
    let mut cited = Vec::new();
    source_texts(&json, &mut cited);
    // Markdown escapes (a backslash, a word joiner after a scheme) aside.
    let us = common::assess_file(&path, &["--format", "markdown"]).replace(['\\', '\u{2060}'], "");
    let us = cited.iter().fold(us, |r, t| r.replace(t.as_str(), ""));
    assert!(dates(&us, false).is_empty(), "British dates in a US report: {:?}", dates(&us, false));
    assert!(dates(&us, true).len() >= 3, "{:?}", dates(&us, true));
    let uk = common::assess_file(&common::example("small-ecommerce.toml"), &["--format", "markdown"]);
    assert!(dates(&uk, true).is_empty(), "US dates in a British report: {:?}", dates(&uk, true));
    assert!(dates(&uk, false).len() >= 3, "{:?}", dates(&uk, false));
}
