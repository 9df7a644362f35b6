//! Beyond one report: compare, batch and benchmark, through the binary.

mod common;

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
    // Of the old report's levers (data collection, data quality, martech stack, integration,
    // AI strategy), exactly the two raised were acted on.
    let acted: Vec<&str> =
        c["levers_acted_on"].as_array().unwrap().iter().map(|l| l["question"].as_str().unwrap()).collect();
    assert_eq!(acted, ["data_quality", "ai_strategy"]);
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
    assert!(md.contains("40 assessments scored, 0 files failed."));
    let line = md.lines().find(|l| l.starts_with("| overall |")).expect("an overall row");
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
    assert!(md.contains("5 assessments scored, 2 files failed."), "{md}");
    let failed = md.split_once("## Files that could not be scored").expect("a failures section").1;
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
