//! Beyond one report: compare, batch and benchmark, through the binary.

use crate::common;
use readiness::frameworks::Load;

use common::*;
use predicates::prelude::*;
use readiness::frameworks::ContextKind;
use std::path::{Path, PathBuf};

/// The B2B example after a quarter of work: governance (consent 2→4, bias review 1→4,
/// accountability 1→3) and two of the old report's levers (data quality 3→4, AI strategy
/// 2→3). Nothing else changes.
fn improved_b2b(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(example("b2b-software.toml")).unwrap();
    let text = text
        .replace("consent_management = 2", "consent_management = 4")
        .replace("bias_review = 1", "bias_review = 4")
        .replace("accountability = 1", "accountability = 3")
        .replace("data_quality = 3", "data_quality = 4")
        .replace("ai_strategy = 2", "ai_strategy = 3");
    let path = dir.join("b2b-later.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn assess_file(answers: &Path) -> serde_json::Value {
    let out = bin().args(["assess", "--format", "json", "--as-of", AS_OF, "--answers"]).arg(answers).output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn compare_json(old: &Path, new: &Path) -> serde_json::Value {
    let out = bin().args(["compare", "--format", "json", "--as-of", AS_OF]).arg(old).arg(new).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn compare_names_the_changes_made_between_two_answer_files() {
    let dir = tempfile::tempdir().unwrap();
    let c = compare_json(&example("b2b-software.toml"), &improved_b2b(dir.path()));
    // Only governance, data and strategy answers changed, so only they move, and upwards.
    for d in c["dimensions"].as_array().unwrap() {
        let delta = d["delta"].as_f64().unwrap();
        if ["governance", "data", "strategy"].contains(&d["id"].as_str().unwrap()) {
            assert!(delta > 0.0, "{}", d["id"])
        } else {
            assert_eq!(delta, 0.0, "{}", d["id"])
        }
    }
    let overall = c["new"]["overall"].as_f64().unwrap() - c["old"]["overall"].as_f64().unwrap();
    assert!((c["overall_delta"].as_f64().unwrap() - overall).abs() < 0.051 && overall > 0.0);
    // Bias review and accountability answered well make unfair targeting far less likely (56.3
    // to 9.4): below the exposure at which a risk is raised, so it closes; a risk opens only
    // with a technology the better answers now put in the plan.
    let closed = c["risks_closed"].as_array().unwrap();
    assert!(closed.iter().any(|r| r["id"] == "biased_targeting"), "{closed:?}");
    let later = assess_file(&improved_b2b(dir.path()));
    let moved_in: Vec<&str> = c["technologies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| ["adopt", "pilot"].contains(&t["new_ring"].as_str().unwrap()))
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    for opened in c["risks_opened"].as_array().unwrap() {
        let entry = later["risks"].as_array().unwrap().iter().find(|r| r["id"] == opened["id"]).unwrap();
        let carriers: Vec<&str> =
            entry["technologies"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        assert!(carriers.iter().any(|t| moved_in.contains(t)), "{opened} opened without a newly planned technology");
    }
    // Exactly the old report's levers among the answers raised were acted on.
    let raised = ["consent_management", "bias_review", "accountability", "data_quality", "ai_strategy"];
    let old = assess_file(&example("b2b-software.toml"));
    let levers = old["levers"].as_array().unwrap().iter().map(|l| l["question"].as_str().unwrap());
    let expected: Vec<&str> = levers.filter(|q| raised.contains(q)).collect();
    let acted: Vec<&str> =
        c["levers_acted_on"].as_array().unwrap().iter().map(|l| l["question"].as_str().unwrap()).collect();
    assert!(!expected.is_empty(), "the improvement raises a lever");
    assert_eq!(acted, expected);
    // The ethical-reasoning evidence (bias review) improved, so its gap narrowed.
    let ethics = c["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "ethical_reasoning")
        .expect("ethical reasoning gap changed");
    assert!(ethics["delta"].as_f64().unwrap() < 0.0);
}

#[test]
fn compare_reads_json_reports_and_renders_table_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let later = improved_b2b(dir.path());
    let (old_json, new_json) = (dir.path().join("old.json"), dir.path().join("new.json"));
    for (answers, report) in [(example("b2b-software.toml"), &old_json), (later.clone(), &new_json)] {
        bin()
            .args(["assess", "--format", "json", "--as-of", AS_OF, "--answers"])
            .arg(answers)
            .arg("--output")
            .arg(report)
            .assert()
            .success();
    }
    assert_eq!(compare_json(&old_json, &new_json), compare_json(&example("b2b-software.toml"), &later));
    bin()
        .arg("compare")
        .arg(&old_json)
        .arg(&new_json)
        .assert()
        .success()
        .stdout(predicate::str::contains("Closed: Targeting or offers that treat groups of customers unfairly"));
    bin().args(["compare", "--format", "markdown"]).arg(&old_json).arg(&new_json).assert().success().stdout(
        predicate::str::contains("## Technologies that moved")
            .and(predicate::str::contains("Closed: Targeting or offers that treat groups of customers unfairly")),
    );
    std::fs::write(&new_json, "{ not json").unwrap();
    bin().arg("compare").arg(&old_json).arg(&new_json).assert().code(2).stderr(predicate::str::contains("new.json:1:"));
}

/// The words of the portfolio summary.
fn words() -> readiness::frameworks::PortfolioText {
    readiness::frameworks::Frameworks::builtin().unwrap().report.portfolio.clone()
}

/// Writes `n` answer files with levels drawn from a fixed sequence, plus the broken ones.
fn portfolio(dir: &Path, n: usize) -> Vec<String> {
    let fw = readiness::frameworks::Frameworks::builtin().unwrap();
    let template = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    let (context, _) = template.split_once("\n[answers]\n").unwrap();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut names = Vec::new();
    for i in 0..n {
        let mut text = format!("{}\n[answers]\n", context.replace("Fernhill Tea Co.", &format!("Client {i:05}, Ltd")));
        for q in &fw.questionnaire.questions {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = if state.is_multiple_of(11) { "\"dont_know\"".to_string() } else { (state % 5).to_string() };
            text.push_str(&format!("{} = {value}\n", q.id));
        }
        let name = format!("client-{i:05}.toml");
        std::fs::write(dir.join(&name), text).unwrap();
        names.push(name);
    }
    std::fs::write(dir.join("broken-syntax.toml"), "[context\ncompany = 1").unwrap();
    std::fs::write(dir.join("broken-level.toml"), template.replace("data_quality = 1", "data_quality = 9")).unwrap();
    names
}

#[test]
fn batch_scores_every_good_file_once_and_reports_each_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let good = portfolio(dir.path(), 1000);
    let out = bin().args(["batch", "--format", "csv", "--as-of", AS_OF]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "some files failed, so the exit code says so");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("1000 scored, 2 could not be scored"), "{stderr}");
    assert!(stderr.contains("broken-syntax.toml:") && stderr.contains("broken-level.toml:"), "{stderr}");
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let (file, company, overall) = (column("file"), column("company"), column("overall"));
    // One column per single-choice or number context question, named by its id.
    let fw = readiness::frameworks::Frameworks::builtin().unwrap();
    for q in &fw.questionnaire.context {
        let one_value = matches!(q.kind, ContextKind::Choice | ContextKind::Number) || q.id == "company";
        assert_eq!(headers.iter().any(|h| h == q.id.as_str()), one_value, "column for `{}`", q.id);
    }
    let team_size = column("marketing_team_size");
    let mut seen = std::collections::BTreeSet::new();
    for record in reader.records() {
        let record = record.expect("every CSV row parses");
        assert_eq!(record.len(), headers.len());
        let name = Path::new(&record[file]).file_name().unwrap().to_string_lossy().into_owned();
        assert!(seen.insert(name.clone()), "{name} appears twice");
        assert!(
            record[company].starts_with("Client ") && record[company].ends_with(", Ltd"),
            "comma in a company name survives"
        );
        let score: f64 = record[overall].parse().unwrap();
        record[team_size].parse::<f64>().expect("number context answers are numbers");
        assert!((0.0..=100.0).contains(&score));
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), good);
}

#[test]
fn batch_jsonl_and_markdown_describe_the_same_portfolio() {
    let dir = tempfile::tempdir().unwrap();
    portfolio(dir.path(), 40);
    std::fs::remove_file(dir.path().join("broken-syntax.toml")).unwrap();
    std::fs::remove_file(dir.path().join("broken-level.toml")).unwrap();
    let jsonl = bin().args(["batch", "--format", "jsonl", "--as-of", AS_OF]).arg(dir.path()).output().unwrap();
    assert!(jsonl.status.success());
    let rows: Vec<serde_json::Value> =
        String::from_utf8(jsonl.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 40);
    let mut overall: Vec<f64> = rows.iter().map(|r| r["overall"].as_f64().unwrap()).collect();
    overall.sort_by(f64::total_cmp);
    let md = bin().args(["batch", "--format", "markdown", "--as-of", AS_OF]).arg(dir.path()).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    let words = words();
    assert!(md.contains(&words.scored.replace("{scored}", "40").replace("{files}", "40")), "{md}");
    let line = md.lines().find(|l| l.starts_with(&format!("| {} |", words.overall))).expect("an overall row");
    let cells: Vec<&str> = line.split('|').map(str::trim).collect();
    // The summary shows figures rounded once, to one decimal, as every view does.
    assert_eq!(cells[2], readiness::report::num(overall[0]), "min");
    assert_eq!(cells[6], readiness::report::num(overall[39]), "max");
}

#[test]
fn benchmark_places_a_business_within_the_portfolio() {
    let dir = tempfile::tempdir().unwrap();
    portfolio(dir.path(), 60);
    let jsonl = dir.path().join("portfolio.jsonl");
    bin()
        .args(["batch", "--format", "jsonl", "--as-of", AS_OF])
        .arg(dir.path())
        .arg("--output")
        .arg(&jsonl)
        .assert()
        .code(2);
    let report = bin()
        .args(["assess", "--format", "json", "--as-of", AS_OF, "--answers"])
        .arg(example("large-retailer-gdpr.toml"))
        .arg("--benchmark")
        .arg(&jsonl)
        .output()
        .unwrap();
    assert!(report.status.success(), "{}", String::from_utf8_lossy(&report.stderr));
    let a: readiness::assessment::Assessment = serde_json::from_slice(&report.stdout).unwrap();
    let b = a.benchmark.expect("benchmark present");
    assert_eq!(b.portfolio_size, 60);
    // Check the overall percentile against the rows themselves.
    let rows: Vec<f64> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["overall"].as_f64().unwrap())
        .collect();
    let below = rows.iter().filter(|x| **x < a.readiness.overall).count() as f64;
    let equal = rows.iter().filter(|x| **x == a.readiness.overall).count() as f64;
    assert!((b.overall_percentile - 100.0 * (below + equal / 2.0) / 60.0).abs() < 1e-9);
    assert!(b.dimensions.iter().all(|d| (0.0..=100.0).contains(&d.percentile)));
    let md = assess("large-retailer-gdpr.toml", &["--format", "markdown", "--benchmark", jsonl.to_str().unwrap()]);
    let words = readiness::frameworks::Frameworks::builtin().unwrap().report;
    assert!(md.contains(&format!("### {}", words.readiness.benchmark)));
    assert!(md.contains(&words.readiness.benchmark_intro.replace("{size}", "60")));
}

#[test]
fn batch_memory_stays_flat_as_the_portfolio_grows() {
    let (small, large) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    portfolio(small.path(), 300);
    portfolio(large.path(), 3000);
    let run = |dir: &Path| {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("readiness"));
        cmd.args(["batch", "--format", "csv", "--as-of", AS_OF]).arg(dir);
        peak_rss_kib(cmd)
    };
    let (small_kib, large_kib) = (run(small.path()), run(large.path()));
    println!("batch peak RSS: 300 files {small_kib} KiB, 3000 files {large_kib} KiB");
    assert!(
        large_kib < small_kib + 4 * 1024,
        "memory grew from {small_kib} KiB to {large_kib} KiB with ten times the files"
    );
}

#[test]
fn batch_markdown_lists_the_files_it_could_not_score() {
    let dir = tempfile::tempdir().unwrap();
    portfolio(dir.path(), 5);
    let out = bin().args(["batch", "--format", "markdown", "--as-of", AS_OF]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let md = String::from_utf8(out.stdout).unwrap();
    let words = words();
    assert!(md.contains(&words.scored.replace("{scored}", "5").replace("{files}", "7")), "{md}");
    let failed = md.split_once(&format!("### {}", words.failed)).expect("a failures heading").1;
    assert!(failed.contains("broken-level.toml") && failed.contains("broken-syntax.toml"), "{failed}");
    assert_eq!(failed.lines().filter(|l| l.starts_with("- ")).count(), 2, "each failed file once");
}

#[test]
fn a_malformed_portfolio_line_is_an_input_error_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("portfolio.jsonl");
    std::fs::write(&jsonl, "{\"overall\": 50, \"dim_data\": 1}\nnot json\n").unwrap();
    bin()
        .args(["assess", "--as-of", AS_OF, "--answers"])
        .arg(example("b2b-software.toml"))
        .arg("--benchmark")
        .arg(&jsonl)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("portfolio.jsonl:1:").and(predicate::str::contains("no number `dim_technology`")),
        );
    std::fs::write(&jsonl, "").unwrap();
    bin()
        .args(["assess", "--answers"])
        .arg(example("b2b-software.toml"))
        .arg("--benchmark")
        .arg(&jsonl)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no assessments"));
}

// ----- The portfolio summary of the examples, with a hostile file name, in every view -----

/// A broken answer file whose name is full of Markdown and HTML syntax. A file name cannot hold
/// `/`, so the tag stays open: were it passed through, the HTML would not even parse.
const HOSTILE: &str = "x|<b>y<b>*z* [l](u) `c` _w_.toml";

/// The three examples and the hostile file, in a directory of their own.
fn examples_and_a_hostile_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        std::fs::copy(example(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join(HOSTILE), "[context\ncompany = 1").unwrap();
    dir
}

fn batch_summary(dir: &Path, format: &str) -> String {
    let out = bin().args(["batch", "--format", format, "--as-of", AS_OF]).arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "the hostile file fails, and the exit code says so");
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 scored, 1 could not be scored"));
    String::from_utf8(out.stdout).unwrap()
}

/// The linearly interpolated quantile (R's default, type 7) of sorted values.
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let below = sorted[h.floor() as usize];
    below + (h - h.floor()) * (sorted[h.ceil() as usize] - below)
}

/// What the summary must show, worked out from each example's own JSON report: rows of a
/// label and its min, Q1, median, Q3, max and mean, and every tier's name with its count.
struct Expected {
    scores: Vec<Vec<String>>,
    tiers: Vec<Vec<String>>,
    scored: String,
}

fn expected() -> Expected {
    let fw = readiness::frameworks::Frameworks::builtin().unwrap();
    let words = &fw.report.portfolio;
    let reports: Vec<serde_json::Value> = EXAMPLES.iter().map(|name| assess_json(name)).collect();
    let row = |label: &str, of: &dyn Fn(&serde_json::Value) -> f64| {
        let mut values: Vec<f64> = reports.iter().map(|r| of(&r["readiness"])).collect();
        values.sort_by(f64::total_cmp);
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let figures = [0.0, 0.25, 0.5, 0.75, 1.0].map(|p| quantile(&values, p)).into_iter().chain([mean]);
        [label.to_string()].into_iter().chain(figures.map(readiness::report::num)).collect()
    };
    let mut scores = vec![row(&words.overall, &|r| r["overall"].as_f64().unwrap())];
    for d in &fw.questionnaire.dimensions {
        let score = |r: &serde_json::Value| {
            let found = r["dimensions"].as_array().unwrap().iter().find(|x| x["id"] == d.id.as_str());
            found.expect("every report scores every dimension")["score"].as_f64().unwrap()
        };
        scores.push(row(&d.name, &score));
    }
    let tiers: Vec<Vec<String>> = fw
        .scoring
        .tiers
        .iter()
        .map(|t| {
            let count = reports.iter().filter(|r| r["readiness"]["tier"]["id"] == t.id.as_str()).count();
            vec![t.name.to_string(), count.to_string()]
        })
        .collect();
    assert!(tiers.iter().filter(|t| t[1] != "0").count() >= 2, "the examples span tiers, so counts can be wrong");
    let scored = words.scored.replace("{scored}", "3").replace("{files}", "4");
    Expected { scores, tiers, scored }
}

/// Every row of the score and tier tables as expected, found among the tables shown.
fn assert_tables_show(tables: &[Vec<Vec<String>>], expected: &Expected, view: &str) {
    let rows: Vec<&Vec<String>> = tables.iter().flatten().collect();
    let find = |label: &str| {
        let found = rows.iter().find(|r| r.first().map(String::as_str) == Some(label));
        found.unwrap_or_else(|| panic!("{view}: no row {label} in {rows:?}"))
    };
    for want in &expected.scores {
        assert_eq!(&find(&want[0])[..7], &want[..], "{view}: the distribution of {}", want[0]);
    }
    for want in &expected.tiers {
        assert_eq!(&find(&want[0])[..2], &want[..], "{view}: the count in tier {}", want[0]);
    }
}

/// The tables of a Markdown document as parsed: rows of cell texts, the header row first.
fn markdown_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_table = false;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        let table = tables.last_mut();
        match event {
            Event::Start(Tag::Table(_)) => {
                in_table = true;
                tables.push(Vec::new());
            }
            Event::End(TagEnd::Table) => in_table = false,
            Event::Start(Tag::TableHead | Tag::TableRow) => table.unwrap().push(Vec::new()),
            Event::Start(Tag::TableCell) => table.unwrap().last_mut().unwrap().push(String::new()),
            Event::Text(text) if in_table => table.unwrap().last_mut().unwrap().last_mut().unwrap().push_str(&text),
            _ => {}
        }
    }
    tables
}

fn node_text(node: roxmltree::Node) -> String {
    node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect()
}

#[test]
fn the_markdown_summary_of_the_examples_has_their_numbers_and_shows_a_hostile_file_name_as_text() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let dir = examples_and_a_hostile_file();
    let expected = expected();
    let md = batch_summary(dir.path(), "markdown");
    assert!(md.contains(&expected.scored), "{md}");
    assert_tables_show(&markdown_tables(&md), &expected, "markdown");
    assert_tables_are_rectangular(&md);
    let events: Vec<Event> = Parser::new_ext(&md, Options::ENABLE_TABLES).collect();
    for event in &events {
        let injected = matches!(event, Event::Html(_) | Event::InlineHtml(_) | Event::Code(_))
            || matches!(event, Event::Start(Tag::Link { .. } | Tag::Emphasis));
        assert!(!injected, "the file name added markup: {event:?}\n{md}");
    }
    // The failed file is one list item whose text is its path, every character as written.
    let mut items: Vec<String> = Vec::new();
    let mut in_item = false;
    for event in &events {
        match event {
            Event::Start(Tag::Item) => {
                in_item = true;
                items.push(String::new());
            }
            Event::End(TagEnd::Item) => in_item = false,
            Event::Text(text) if in_item => items.last_mut().unwrap().push_str(text),
            _ => {}
        }
    }
    let shown = dir.path().join(HOSTILE).display().to_string();
    assert_eq!(items.iter().map(|i| i.replace('\u{2060}', "")).collect::<Vec<_>>(), [shown]);
}

#[test]
fn the_html_summary_of_the_examples_has_their_numbers_a_chart_and_no_injected_element() {
    let dir = examples_and_a_hostile_file();
    let expected = expected();
    let html = batch_summary(dir.path(), "html");
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let tree = roxmltree::Document::parse_with_options(&html, options).expect("well-formed");
    for node in tree.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert!(!matches!(name, "b" | "script" | "a" | "img" | "code" | "em"), "<{name}> was injected");
    }
    let tables: Vec<Vec<Vec<String>>> = tree
        .descendants()
        .filter(|n| n.has_tag_name("table"))
        .map(|t| {
            let rows = t.descendants().filter(|n| n.has_tag_name("tr"));
            rows.map(|r| r.children().filter(|c| c.is_element()).map(node_text).collect()).collect()
        })
        .collect();
    assert_tables_show(&tables, &expected, "html");
    assert!(node_text(tree.root_element()).contains(&expected.scored));
    let words = words();
    let heading = tree.descendants().find(|n| n.has_tag_name("h3") && node_text(*n) == words.failed.as_str());
    let list = heading.expect("a failures heading").next_siblings().find(|n| n.has_tag_name("ul"));
    let items: Vec<String> = list.expect("the failed files").children().map(node_text).collect();
    assert_eq!(items, [dir.path().join(HOSTILE).display().to_string()], "the failed file, as written");
    // The chart of the dimension medians is drawn, titled and described.
    // A chart is an image; its legend's keys are small drawings hidden from assistive technology.
    let svgs: Vec<_> =
        tree.descendants().filter(|n| n.has_tag_name("svg") && n.attribute("role") == Some("img")).collect();
    assert_eq!(svgs.len(), 1, "one chart");
    let title = svgs[0].children().find(|c| c.has_tag_name("title")).map(node_text);
    assert_eq!(title.as_deref(), Some(words.chart.as_str()));
    let median = &expected.scores[1][3];
    let desc = svgs[0].children().find(|c| c.has_tag_name("desc")).map(node_text).unwrap_or_default();
    assert!(desc.contains(&format!("{} {median}", expected.scores[1][0])), "the text alternative: {desc}");
}

#[test]
fn the_terminal_summary_of_the_examples_fits_the_width_and_has_their_numbers() {
    let dir = examples_and_a_hostile_file();
    let expected = expected();
    let table = batch_summary(dir.path(), "table");
    let bad = table.chars().find(|c| readiness::inert::is_unsafe_char(*c) && *c != '\n');
    assert_eq!(bad, None, "nothing from a file name drives the terminal");
    // Piped output is laid out at 100 columns; the grid's rows split on its column rules.
    for line in table.lines() {
        assert!(line.chars().count() <= 100, "wider than 100 columns: {line}");
    }
    let tables: Vec<Vec<String>> = table
        .lines()
        .filter(|l| l.starts_with('│'))
        .map(|l| l.trim_matches('│').split('┆').map(|c| c.trim().to_string()).collect())
        .collect();
    assert_tables_show(&[tables], &expected, "terminal");
    assert!(table.contains(&expected.scored) && table.contains(HOSTILE));
}
