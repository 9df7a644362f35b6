//! What other answers would change, through the real binary: the tier, rings and risks the
//! unknown answers could move, and the rings each lever's step would improve. Each expectation
//! is worked out independently, by writing the answer file those answers make and scoring it.

use crate::common;

use common::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn reference(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference").join(name)
}

fn json_of(path: &Path) -> Value {
    serde_json::from_str(&assess_file(path, &["--format", "json"])).unwrap()
}

/// The answer file `path` with each answer line `chosen` picks rewritten as `id = level`.
fn rewritten(path: &Path, dir: &Path, chosen: impl Fn(&str, &str) -> Option<String>) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<String> = text
        .lines()
        .map(|line| match line.split_once(" = ").and_then(|(id, value)| Some((id, chosen(id, value)?))) {
            Some((id, level)) => format!("{id} = {level}"),
            None => line.to_string(),
        })
        .collect();
    let file = dir.join("rewritten.toml");
    std::fs::write(&file, lines.join("\n")).unwrap();
    json_of(&file)
}

/// The technologies in another ring in `after`, as the report lists them.
fn ring_changes(before: &Value, after: &Value) -> Vec<Value> {
    let rings = |a: &Value| -> Vec<(Value, Value)> {
        a["technologies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["id"].clone(), t["adoption_timeline"]["ring"].clone()))
            .collect()
    };
    rings(before)
        .into_iter()
        .zip(rings(after))
        .filter(|((_, b), (_, a))| b != a)
        .map(|((id, from), (_, to))| json!({ "technology": id, "from": from, "to": to }))
        .collect()
}

/// The raised risks no longer raised, or raised with controls in place, in `after`.
fn risk_changes(before: &Value, after: &Value) -> Vec<Value> {
    let after_risks = after["risks"].as_array().unwrap();
    before["risks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| match after_risks.iter().find(|a| a["id"] == r["id"]) {
            None => Some(json!({ "risk": r["id"], "to": "not_raised" })),
            Some(a) if a["residual"] == true && r["residual"] == false => {
                Some(json!({ "risk": r["id"], "to": "residual" }))
            }
            Some(_) => None,
        })
        .collect()
}

fn expected_outcome(before: &Value, after: &Value) -> Value {
    let tier = &after["readiness"]["tier"]["id"];
    let mut outcome = json!({ "rings": ring_changes(before, after), "risks": risk_changes(before, after) });
    if tier != &before["readiness"]["tier"]["id"] {
        outcome["tier"] = tier.clone();
    }
    outcome
}

#[test]
fn what_the_unknowns_could_change_is_what_answering_them_at_the_top_gives() {
    let dir = tempfile::tempdir().unwrap();
    let file = reference("hospice-charity.toml");
    let a = json_of(&file);
    let unknown = |value: &str| (value == "\"dont_know\"").then(|| "4".to_string());
    let top = rewritten(&file, dir.path(), |_, value| unknown(value));
    assert_eq!(top["unknowns"], json!([]), "every unknown answered");
    let expected = expected_outcome(&a, &top);
    assert!(!expected["rings"].as_array().unwrap().is_empty(), "the example moves a ring: {expected}");
    assert_eq!(a["best_case"], expected);
    // Each unknown alone, the others left unknown.
    for u in a["unknowns"].as_array().unwrap() {
        let id = u["question"].as_str().unwrap();
        let alone = rewritten(&file, dir.path(), |q, value| if q == id { unknown(value) } else { None });
        assert_eq!(u["could_change"], expected_outcome(&a, &alone), "{id}");
    }
    // The report says so beside the range, naming every technology it would move.
    let markdown = assess_file(&file, &["--format", "markdown"]);
    let standing = markdown.lines().find(|l| l.contains("could put it as high as")).unwrap();
    for change in expected["rings"].as_array().unwrap() {
        let name =
            a["technologies"].as_array().unwrap().iter().find(|t| t["id"] == change["technology"]).unwrap()["name"]
                .as_str()
                .unwrap()
                .to_string();
        assert!(standing.contains(&name), "{name} not in: {standing}");
    }
}

#[test]
fn a_business_with_no_unknowns_lists_nothing_they_could_change() {
    let a = assess_json("b2b-software.toml");
    assert_eq!(a["unknowns"], json!([]));
    assert_eq!(a["best_case"], json!({ "rings": [], "risks": [] }));
    let markdown = assess("b2b-software.toml", &["--format", "markdown"]);
    assert!(!markdown.contains("Answered at the top") && !markdown.contains("a top answer could"), "{markdown}");
}

#[test]
fn each_lever_names_the_rings_its_step_alone_would_improve() {
    let dir = tempfile::tempdir().unwrap();
    let file = example("small-ecommerce.toml");
    let a = json_of(&file);
    let mut opened = 0;
    for lever in a["levers"].as_array().unwrap() {
        let (id, to) = (lever["question"].as_str().unwrap(), lever["to_level"].to_string());
        let raised = rewritten(&file, dir.path(), |q, _| (q == id).then(|| to.clone()));
        let better: Vec<Value> =
            ring_changes(&a, &raised).into_iter().filter(|c| ring_rank(&c["to"]) > ring_rank(&c["from"])).collect();
        assert_eq!(lever["opens"], json!(better), "{id}");
        opened += better.len();
    }
    assert!(opened > 0, "some lever of the example opens a technology");
    let markdown = assess("small-ecommerce.toml", &["--format", "markdown"]);
    assert!(markdown.contains("One step up would"), "{markdown}");
}

fn ring_rank(ring: &Value) -> usize {
    ["watch", "hold", "assess", "pilot", "adopt", "in_use"].iter().position(|r| ring == r).unwrap()
}
