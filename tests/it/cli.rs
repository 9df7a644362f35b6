//! Every command and flag, run through the real binary.

use crate::common;
use readiness::frameworks::Load;

use common::*;
use predicates::prelude::*;
use readiness::assessment::Assessment;
use std::fs;
use std::path::PathBuf;

#[test]
fn json_from_outside_the_repository_holds_six_parts_for_every_technology() {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = bin()
        .current_dir(elsewhere.path())
        .args(["assess", "--format", "json", "--as-of", AS_OF, "--answers"])
        .arg(example("b2b-software.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let a: Assessment = serde_json::from_slice(&out.stdout).expect("JSON parses back into an Assessment");
    let catalog = readiness::frameworks::Frameworks::builtin().unwrap();
    assert_eq!(a.technologies.len(), catalog.technologies.technologies.len());
    let raw: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for t in raw["technologies"].as_array().unwrap() {
        for part in [
            "technology_maturity",
            "business_readiness",
            "implementation_complexity",
            "roi_potential",
            "risk_factors",
            "adoption_timeline",
        ] {
            assert!(t.get(part).is_some(), "{} lacks {part}", t["id"]);
        }
    }
    for t in &a.technologies {
        for score in [
            t.technology_maturity.score,
            t.business_readiness.score,
            t.implementation_complexity.score,
            t.roi_potential.score,
            t.risk_factors.score,
        ] {
            assert!((0.0..=100.0).contains(&score), "{}: {score}", t.id);
        }
    }
}

#[test]
fn table_format_is_the_default_and_names_every_section() {
    let out =
        bin().args(["assess", "--as-of", AS_OF, "--answers"]).arg(example("small-ecommerce.toml")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let words = &readiness::frameworks::Frameworks::builtin().unwrap().report;
    for heading in common::section_titles(words) {
        assert!(text.contains(heading), "missing {heading}");
    }
    assert!(text.contains("Fernhill Tea Co."));
    // Piped tables use the fixed width, so output is the same on every machine.
    assert!(text.lines().all(|l| l.chars().count() <= 100), "a line is wider than 100 columns");
}

#[test]
fn report_flag_selects_sections() {
    let text = assess("small-ecommerce.toml", &["--report", "risk,skills"]);
    let words = &readiness::frameworks::Frameworks::builtin().unwrap().report;
    let (risks, skills, roadmap, dimensions) =
        (&words.risks.title, &words.skills.title, &words.roadmap.title, &words.readiness.title);
    // Section titles are drawn as rules: "── Risks ──…".
    let heading = |title: &str| format!("── {title} ─");
    assert!(text.contains(&heading(risks)) && text.contains(&heading(skills)));
    assert!(!text.contains(&heading(roadmap)) && !text.contains(&heading(dimensions)));
    let md = assess("small-ecommerce.toml", &["--format", "markdown", "--report", "timeline"]);
    assert!(md.contains(&format!("## {roadmap}")) && !md.contains(&format!("## {risks}")));
}

#[test]
fn unknown_report_section_is_a_usage_error() {
    bin().args(["assess", "--report", "everything", "--answers"]).arg(example("b2b-software.toml")).assert().code(2);
}

#[test]
fn output_flag_writes_the_report_to_a_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    bin()
        .args(["assess", "--format", "markdown", "--as-of", AS_OF, "--answers"])
        .arg(example("large-retailer-gdpr.toml"))
        .arg("--output")
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let md = fs::read_to_string(&path).unwrap();
    assert!(md.starts_with("# Maison Aurore Retail Group: AI marketing readiness"));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
}

#[test]
fn as_of_dates_the_stage_judgements_without_moving_rings() {
    let run = |date: &str| -> Assessment {
        let out = bin()
            .args(["assess", "--format", "json", "--as-of", date, "--answers"])
            .arg(example("b2b-software.toml"))
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Maturity comes from evidence judged on a date, not from a calendar: two years on, the
    // judgements are flagged for re-checking and no ring has moved for the passing of time.
    let (now, later) = (run("2026-11-25"), run("2028-11-25"));
    for (a, b) in now.technologies.iter().zip(&later.technologies) {
        assert!(!a.technology_maturity.stale, "{} is stale a month after it was judged", a.id);
        assert!(b.technology_maturity.stale, "{} is not flagged two years later", b.id);
        assert_eq!(a.technology_maturity.score, b.technology_maturity.score);
    }
    bin().args(["assess", "--as-of", "2026-02-30", "--answers"]).arg(example("b2b-software.toml")).assert().code(2);
}

#[test]
fn explain_shows_the_answers_and_weights_behind_scores() {
    let words = &readiness::frameworks::Frameworks::builtin().unwrap().report;
    let (dimensions, technologies) = (words.readiness.explain.as_str(), words.technologies.explain.as_str());
    let plain = assess("b2b-software.toml", &["--format", "markdown"]);
    let explained = assess("b2b-software.toml", &["--format", "markdown", "--explain"]);
    assert!(!plain.contains(dimensions));
    assert!(explained.contains(dimensions) && explained.contains(technologies));
    // Data quality answered 3 of 4, weight 3 of the dimension's 10: 100 x 3/4 x 3/10 = 22.5 points.
    assert!(
        explained.contains("| Data foundation | How trustworthy is the customer data? | 3 / 4 | 3 | 22.5 |"),
        "{explained}"
    );
    let table = assess("b2b-software.toml", &["--explain"]);
    assert!(table.contains(dimensions));
}

#[test]
fn frameworks_flag_uses_a_customised_copy() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("fw");
    bin().args(["frameworks", "export"]).arg(&data).assert().success();
    // Make the data dimension count for nothing: overall readiness must change.
    let path = data.join("questionnaire.toml");
    let text = fs::read_to_string(&path).unwrap().replacen("weight = 1.5", "weight = 0.0001", 1);
    fs::write(&path, text).unwrap();
    let custom = bin()
        .args(["assess", "--format", "json", "--as-of", AS_OF, "--frameworks"])
        .arg(&data)
        .arg("--answers")
        .arg(example("large-retailer-gdpr.toml"))
        .output()
        .unwrap();
    assert!(custom.status.success(), "{}", String::from_utf8_lossy(&custom.stderr));
    let custom: Assessment = serde_json::from_slice(&custom.stdout).unwrap();
    let builtin: Assessment = serde_json::from_str(&assess("large-retailer-gdpr.toml", &["--format", "json"])).unwrap();
    assert_ne!(custom.readiness.overall, builtin.readiness.overall);
}

#[test]
fn template_lists_every_question_and_round_trips_through_validate() {
    let fw = readiness::frameworks::Frameworks::builtin().unwrap();
    let out = bin().arg("template").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for q in &fw.questionnaire.questions {
        assert!(text.contains(&format!("# {} = ", q.id)), "template lacks {}", q.id);
        assert!(text.contains(q.help.as_str()), "template lacks help for {}", q.id);
    }
    // Unfilled, it is a valid TOML file whose every question that cannot be unknown (the
    // business's context) is reported missing at once; the others are only warned of.
    let context = fw.questionnaire.context.iter().filter(|q| !q.optional && !q.allow_dont_know).count();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.toml");
    bin().arg("template").arg("--output").arg(&path).assert().success();
    bin()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{} question(s) not answered", context)));
}

#[test]
fn validate_accepts_examples_and_names_file_and_line_of_problems() {
    let mut cmd = bin();
    cmd.arg("validate");
    for e in EXAMPLES {
        cmd.arg(example(e));
    }
    cmd.assert().success().stdout(predicate::str::contains("ok:").count(3));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    let text = fs::read_to_string(example("b2b-software.toml")).unwrap().replace("data_quality = 3", "data_qualty = 3");
    fs::write(&bad, text).unwrap();
    bin()
        .arg("validate")
        .arg(example("b2b-software.toml"))
        .arg(&bad)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("ok: "))
        .stderr(predicate::str::contains("unknown question `data_qualty`"))
        .stderr(predicate::str::contains("bad.toml:"))
        .stderr(predicate::str::contains("did you mean `data_quality`?"));
}

#[test]
fn catalog_lists_every_kind_in_every_format() {
    bin().arg("catalog").assert().success().stdout(predicate::str::contains("technologies"));
    for kind in ["technologies", "trends", "skills", "roadmap", "models", "ethics", "questions", "risks", "sources"] {
        bin().args(["catalog", kind]).assert().success();
        let json = bin().args(["catalog", kind, "--format", "json"]).output().unwrap();
        serde_json::from_slice::<serde_json::Value>(&json.stdout).expect("catalog JSON parses");
        bin()
            .args(["catalog", kind, "--format", "markdown"])
            .assert()
            .success()
            .stdout(predicate::str::contains("\n| "));
    }
    bin().args(["catalog", "models"]).assert().stdout(predicate::str::contains("ROC curve"));
}

#[test]
fn frameworks_export_refuses_a_non_empty_directory_without_force() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "keep me").unwrap();
    bin().args(["frameworks", "export"]).arg(dir.path()).assert().code(2).stderr(predicate::str::contains("--force"));
    bin().args(["frameworks", "export", "--force"]).arg(dir.path()).assert().success();
    assert_eq!(fs::read_to_string(dir.path().join("notes.txt")).unwrap(), "keep me");
    bin().args(["frameworks", "check"]).arg(dir.path()).assert().success().stdout(predicate::str::contains("ok:"));
}

#[test]
fn frameworks_check_reports_dangling_references_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    bin().args(["frameworks", "export"]).arg(dir.path()).assert().success();
    let path = dir.path().join("technologies.toml");
    let text = fs::read_to_string(&path).unwrap().replacen(
        "prerequisites = [\"generative_creative\"]",
        "prerequisites = [\"generative_creativ\"]",
        1,
    );
    fs::write(&path, text).unwrap();
    bin()
        .args(["frameworks", "check"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown technology `generative_creativ`"))
        .stderr(predicate::str::contains("technologies.toml:"))
        .stderr(predicate::str::contains("did you mean `generative_creative`?"));
}

/// `report.toml` is the one declaration of the report's words (build.rs generates the structs
/// from it): a customised copy without a key, or with a misspelt one, is refused naming it.
#[test]
fn a_report_toml_missing_or_misspelling_a_key_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    bin().args(["frameworks", "export"]).arg(dir.path()).assert().success();
    let path = dir.path().join("report.toml");
    let text = fs::read_to_string(&path).unwrap();
    let key = "plan_none = \"Gaps first\"\n";
    assert!(text.contains(key), "report.toml has the key");
    for (edited, expected) in [
        (text.replacen(key, "", 1), "missing field `plan_none`"),
        (text.replacen(key, "plan_nones = \"Gaps first\"\n", 1), "unknown field `plan_nones`"),
    ] {
        fs::write(&path, edited).unwrap();
        bin()
            .args(["frameworks", "check"])
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expected))
            .stderr(predicate::str::contains("report.toml:"));
    }
}

#[test]
fn completions_script_loads_in_bash() {
    let out = bin().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("readiness.bash");
    fs::write(&script, &out.stdout).unwrap();
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p readiness", script.display()))
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
}

#[test]
fn resuming_without_a_terminal_exits_2_and_leaves_the_session_alone() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("session.toml");
    fs::write(&session, "[context]\ncompany = \"Acme\"\n").unwrap();
    bin()
        .arg("assess")
        .arg("--resume")
        .arg(&session)
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--answers FILE"));
    assert_eq!(fs::read_to_string(&session).unwrap(), "[context]\ncompany = \"Acme\"\n");
}

#[test]
fn without_a_terminal_or_answers_assess_exits_2_at_once() {
    let started = std::time::Instant::now();
    bin().arg("assess").write_stdin("").assert().code(2).stderr(predicate::str::contains("--answers FILE"));
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let exe = assert_cmd::cargo::cargo_bin("readiness");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("set -o pipefail; '{}' catalog questions --format json | head -c 10 >/dev/null", exe.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
}

#[test]
fn help_and_version_work() {
    bin().arg("--help").assert().success().stdout(predicate::str::contains("Examples:"));
    bin().arg("--version").assert().success().stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
    bin().arg("frobnicate").assert().code(2);
}

#[test]
fn every_command_that_reads_frameworks_honours_the_frameworks_flag() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("fw");
    bin().args(["frameworks", "export"]).arg(&data).assert().success();
    // Rename a dimension and a technology in the copy: each command must show the new names.
    let questionnaire = data.join("questionnaire.toml");
    let text = fs::read_to_string(&questionnaire)
        .unwrap()
        .replace("name = \"Data foundation\"", "name = \"Data basics\"")
        .replace("How trustworthy is the customer data?", "How clean is the customer data?");
    fs::write(&questionnaire, text).unwrap();
    let technologies = data.join("technologies.toml");
    let text =
        fs::read_to_string(&technologies).unwrap().replace("name = \"Quantum AI\"", "name = \"Quantum optimisation\"");
    fs::write(&technologies, text).unwrap();
    let fw = data.to_str().unwrap();
    let answers = example("b2b-software.toml");
    let answers = answers.to_str().unwrap();
    let runs: [&[&str]; 7] = [
        &["template", "--frameworks", fw],
        &["catalog", "technologies", "--format", "json", "--frameworks", fw],
        &["assess", "--answers", answers, "--format", "markdown", "--frameworks", fw],
        &["compare", answers, answers, "--format", "markdown", "--frameworks", fw],
        &["batch", answers, "--format", "markdown", "--frameworks", fw],
        &["schema", "answers", "--frameworks", fw],
        &["assess", "--answers", answers, "--format", "json", "--report", "technologies", "--frameworks", fw],
    ];
    for args in runs {
        let out = bin().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let expected = match args[0] {
            "schema" => "How clean is the customer data?",
            _ if args.contains(&"technologies") => "Quantum optimisation",
            _ => "Data basics",
        };
        assert!(text.contains(expected), "{args:?} did not use the customised frameworks");
    }
    bin().args(["validate", answers, "--frameworks", fw]).assert().success();
    // A broken copy stops every one of them with the same exit code.
    fs::write(&technologies, "not toml [").unwrap();
    for args in runs {
        bin().args(args).assert().code(2);
    }
}

#[test]
fn a_file_written_for_an_older_questionnaire_still_scores_and_lists_what_was_not_asked() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/compat/questionnaire-v1.toml");
    let before = fs::read(&path).unwrap();
    let out = bin().args(["assess", "--format", "json", "--as-of", AS_OF, "--answers"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let a: Assessment = serde_json::from_slice(&out.stdout).unwrap();
    let fw = readiness::frameworks::Frameworks::builtin().unwrap();
    let added: Vec<&str> = fw.questionnaire.questions.iter().filter(|q| q.since > 1).map(|q| q.id.as_str()).collect();
    assert!(!added.is_empty(), "the questionnaire has grown since version 1");
    assert_eq!(a.questionnaire_version, 1);
    for id in &added {
        let unknown = a.unknowns.iter().find(|u| u.question == *id).unwrap_or_else(|| panic!("{id} not listed"));
        assert!(unknown.not_asked, "{id} is listed as don't know rather than not asked");
    }
    assert!(a.business.unknown_context.iter().any(|c| c == "in_use"), "the in-use question was not asked");
    assert_eq!(fs::read(&path).unwrap(), before, "scoring changed the answer file");
    // A file from a newer questionnaire than this tool knows is refused, naming the line.
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.toml");
    fs::write(&newer, String::from_utf8(before).unwrap().replace("[context]", "questionnaire = 99\n\n[context]"))
        .unwrap();
    bin()
        .arg("validate")
        .arg(&newer)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newer.toml:").and(predicate::str::contains("questionnaire")));
}

// ----- a newcomer's first ten minutes (issue 25) -----

#[test]
fn a_template_filled_in_part_validates_warns_of_the_rest_and_lists_them_first_to_find_out() {
    let fw = readiness::frameworks::Frameworks::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (path, filled) = fill_template(dir.path(), 3);
    let left: Vec<&str> =
        fw.questionnaire.questions.iter().map(|q| q.id.as_str()).filter(|id| !filled.iter().any(|f| f == id)).collect();
    let out = bin().arg("validate").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "a template filled in part is refused:\n{stderr}");
    assert!(stderr.starts_with("warning: "), "{stderr}");
    for id in &left {
        assert!(stderr.contains(&format!("`{id}`")), "the warning does not name {id}: {stderr}");
    }
    for id in &filled {
        assert!(!stderr.contains(&format!("`{id}`")), "the warning names {id}, which is answered: {stderr}");
    }
    let out =
        bin().args(["assess", "--format", "markdown", "--as-of", AS_OF, "--answers"]).arg(&path).output().unwrap();
    assert!(out.status.success() && String::from_utf8_lossy(&out.stderr).starts_with("warning: "));
    let md = String::from_utf8(out.stdout).unwrap();
    let find_out = common::markdown_list_after(&md, &fw.report.summary.find_out);
    assert!(!find_out.is_empty(), "no first things to find out");
    let unanswered_prompts: Vec<&str> = fw
        .questionnaire
        .questions
        .iter()
        .filter(|q| left.contains(&q.id.as_str()))
        .map(|q| q.prompt.as_str())
        .chain(fw.questionnaire.context.iter().filter(|q| q.allow_dont_know).map(|q| q.prompt.as_str()))
        .collect();
    for item in &find_out {
        assert!(
            unanswered_prompts.iter().any(|p| item.starts_with(p.trim_end_matches('?'))),
            "{item} is not an unanswered question"
        );
    }
}

#[test]
fn a_key_uncommented_without_a_value_is_located_and_hinted() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = fill_template(dir.path(), 0);
    let text = fs::read_to_string(&path).unwrap();
    let line = text.lines().position(|l| l == "# budget = ").expect("the template holds `# budget = `") + 1;
    fs::write(&path, text.replacen("# budget = \n", "budget =\n", 1)).unwrap();
    bin().arg("validate").arg(&path).assert().code(2).stderr(
        predicate::str::contains(format!("mine.toml:{line}:"))
            .and(predicate::str::contains("help: `budget` has no value"))
            .and(predicate::str::contains("\"dont_know\"")),
    );
}

#[test]
fn an_answer_file_named_without_the_flag_gets_it_suggested() {
    bin().args(["assess", "mine.toml"]).assert().code(2).stderr(
        predicate::str::contains("unexpected argument 'mine.toml'")
            .and(predicate::str::contains("`--answers mine.toml`")),
    );
    // Only a stray file after `assess`: other usage errors are clap's own.
    bin().args(["render", "a.json", "b.json"]).assert().code(2).stderr(predicate::str::contains("--answers").not());
}

/// The manual pages named in a page, as file names (`readiness\-assess(1)` is readiness-assess.1).
fn pages_named(page: &str) -> Vec<String> {
    let page = page.replace("\\-", "-");
    let named = page.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '(' || c == ')'));
    named
        .filter_map(|word| word.strip_suffix("(1)"))
        .filter(|w| w.starts_with("readiness"))
        .map(|w| format!("{w}.1"))
        .collect()
}

#[test]
fn the_man_page_names_only_pages_that_exist() {
    let out = bin().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH readiness"), "{page}");
    assert_eq!(pages_named(&page), Vec::<String>::new(), "`readiness man` names pages nobody has");
    let dir = tempfile::tempdir().unwrap();
    bin().args(["man", "--dir"]).arg(dir.path()).assert().success();
    let top = fs::read_to_string(dir.path().join("readiness.1")).unwrap();
    let named = pages_named(&top);
    assert!(named.contains(&"readiness-assess.1".to_string()), "{named:?}");
    for file in named {
        assert!(dir.path().join(&file).is_file(), "readiness.1 names {file}, which `man --dir` did not write");
    }
}

#[test]
fn every_output_is_confirmed_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let small = example("small-ecommerce.toml");
    let json = d.join("report.json");
    let workshop = example("workshop");
    let runs: Vec<(Vec<std::ffi::OsString>, PathBuf)> = vec![
        (
            vec![
                "assess".into(),
                "--as-of".into(),
                AS_OF.into(),
                "--format".into(),
                "json".into(),
                "--answers".into(),
                small.clone().into(),
                "--output".into(),
                json.clone().into(),
            ],
            json.clone(),
        ),
        (
            vec![
                "render".into(),
                json.clone().into(),
                "--format".into(),
                "markdown".into(),
                "--output".into(),
                d.join("report.md").into(),
            ],
            d.join("report.md"),
        ),
        (vec!["template".into(), "--output".into(), d.join("blank.toml").into()], d.join("blank.toml")),
        (
            vec!["merge".into(), workshop.clone().into(), "--output".into(), d.join("consensus.toml").into()],
            d.join("consensus.toml"),
        ),
        (
            vec![
                "batch".into(),
                small.into(),
                "--as-of".into(),
                AS_OF.into(),
                "--output".into(),
                d.join("batch.csv").into(),
            ],
            d.join("batch.csv"),
        ),
        (vec!["frameworks".into(), "export".into(), d.join("fw").into()], d.join("fw")),
        (vec!["man".into(), "--dir".into(), d.join("man").into()], d.join("man")),
    ];
    for (args, written) in runs {
        let out = bin().current_dir(d).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(written.exists(), "{args:?} wrote nothing");
        let line = stderr.lines().last().unwrap_or_default();
        assert!(
            line.ends_with(&format!(" written to {}", written.display())),
            "{args:?} does not confirm its output: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?} printed to standard output as well");
    }
}
