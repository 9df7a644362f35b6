//! The published JSON Schemas: both are held by snapshots so they cannot drift, every
//! example's report validates against it with an independent validator (Python's jsonschema),
//! and so does every example answer file against the answer-file schema.

use crate::common;

use common::*;
use predicates::prelude::*;
use std::path::Path;
use std::process::Command;

fn schema(kind: &str) -> String {
    let out = bin().args(["schema", kind]).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn both_schemas_are_their_snapshots() {
    for kind in ["report", "answers"] {
        insta::assert_snapshot!(kind, schema(kind));
    }
}

/// Validates `instance` (JSON, or TOML when the name ends in .toml) against `schema`.
fn validate(schema: &Path, instance: &Path) -> Result<(), String> {
    let script = r#"
import json, sys, tomllib, jsonschema
schema = json.load(open(sys.argv[1]))
path = sys.argv[2]
instance = tomllib.load(open(path, "rb")) if path.endswith(".toml") else json.load(open(path))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(instance), key=str)
for e in errors:
    print(f"{list(e.absolute_path)}: {e.message}")
sys.exit(1 if errors else 0)
"#;
    let out = Command::new("python3").args(["-c", script]).arg(schema).arg(instance).output().unwrap();
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    }
}

#[cfg_attr(not(has_jsonschema), ignore = "needs python3 with jsonschema (pip install jsonschema)")]
#[test]
fn every_example_report_validates_against_the_report_schema() {
    let dir = tempfile::tempdir().unwrap();
    let schema_path = dir.path().join("report.schema.json");
    std::fs::write(&schema_path, schema("report")).unwrap();
    for name in EXAMPLES {
        let report = dir.path().join(format!("{name}.json"));
        std::fs::write(&report, assess(name, &["--format", "json"])).unwrap();
        validate(&schema_path, &report).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // A workshop's report: combined answers between levels, notes, the workshop part.
    let out =
        bin().args(["assess", "--format", "json", "--as-of", AS_OF, "--answers"]).arg(example("workshop")).output();
    let report = dir.path().join("workshop.json");
    std::fs::write(&report, out.unwrap().stdout).unwrap();
    validate(&schema_path, &report).unwrap_or_else(|e| panic!("workshop: {e}"));
    // A report missing a required part must fail, so the check above is not vacuous.
    let mut broken: serde_json::Value = serde_json::from_str(&assess(EXAMPLES[0], &["--format", "json"])).unwrap();
    broken["technologies"][0].as_object_mut().unwrap().remove("roi_potential");
    let path = dir.path().join("broken.json");
    std::fs::write(&path, broken.to_string()).unwrap();
    assert!(validate(&schema_path, &path).is_err(), "a report without roi_potential validated");
}

#[cfg_attr(not(has_jsonschema), ignore = "needs python3 with jsonschema (pip install jsonschema)")]
#[test]
fn every_example_answer_file_validates_against_the_answers_schema() {
    let dir = tempfile::tempdir().unwrap();
    let schema_path = dir.path().join("answers.schema.json");
    std::fs::write(&schema_path, schema("answers")).unwrap();
    let workshop = ["dev-okafor.toml", "maya-patel.toml", "sofia-brandt.toml"].map(|f| Path::new("workshop").join(f));
    for path in EXAMPLES.iter().map(|name| example(name)).chain(workshop.iter().map(|f| example(f.to_str().unwrap()))) {
        validate(&schema_path, &path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let text =
        std::fs::read_to_string(example("b2b-software.toml")).unwrap().replace("data_quality = 3", "data_quality = 9");
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, text).unwrap();
    let error = validate(&schema_path, &broken).expect_err("level 9 validated");
    assert!(error.contains("data_quality"), "{error}");
}

#[test]
fn man_page_and_every_completion_script_are_generated() {
    bin()
        .arg("man")
        .assert()
        .success()
        .stdout(predicates::str::starts_with(".ie").or(predicates::str::contains(".TH readiness")));
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("batch"), "{shell}");
    }
}
