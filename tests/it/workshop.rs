//! Workshops through the real binary: the three respondents of `examples/workshop/`, the
//! consensus file `merge` writes, hostile notes, and the errors a workshop can meet.

use crate::common;
use readiness::frameworks::Load;

use common::*;
use readiness::answers::{Answers, Completeness, Note, parse, render};
use readiness::frameworks::Frameworks;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn workshop_dir() -> PathBuf {
    example("workshop")
}

fn json_of(args: &[&std::ffi::OsStr]) -> Value {
    let out = bin().arg("assess").args(args).args(["--as-of", AS_OF, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "assess failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn assess_paths(paths: &[&Path]) -> Value {
    let args: Vec<&std::ffi::OsStr> =
        paths.iter().flat_map(|p| [std::ffi::OsStr::new("--answers"), p.as_os_str()]).collect();
    json_of(&args)
}

/// The parts of an assessment that the combined answers' levels decide: everything but the
/// answers' notes, the workshop part and what the respondents' unknowns leave open.
const SCORED: [&str; 7] = ["readiness", "ethics", "technologies", "risks", "roadmap", "skills", "levers"];

/// Readiness without the range the unknowns leave open (and so completeness).
fn without_range(mut a: Value) -> Value {
    let r = a["readiness"].as_object_mut().unwrap();
    r.remove("upper");
    r.remove("confidence");
    for d in r["dimensions"].as_array_mut().unwrap() {
        d.as_object_mut().unwrap().remove("upper");
    }
    a
}

fn merge_into(inputs: &[&Path], output: &Path) {
    let out = bin().arg("merge").args(inputs).arg("--output").arg(output).output().unwrap();
    assert!(out.status.success(), "merge failed: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_worked_example_surfaces_the_cdp_disagreement_with_both_answers_and_notes() {
    let a = assess_paths(&[&workshop_dir()]);
    // Everything a later view needs is in the report: it reads back as an assessment.
    let typed: readiness::assessment::Assessment = serde_json::from_value(a.clone()).unwrap();
    assert_eq!(typed.workshop.as_ref().map(|w| w.respondents.len()), Some(3));
    let w = &a["workshop"];
    let names: Vec<&str> = w["respondents"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Dev Okafor", "Maya Patel", "Sofia Brandt"], "respondents in name order");
    // Maya answered 3 ("we have a CDP"), Dev 1 ("it holds a third of our customers"): two
    // levels apart, so it is to be discussed, with who said what and why.
    let discuss = w["discuss"].as_array().unwrap();
    let cdp = discuss.iter().find(|d| d["question"] == "customer_profile").expect("customer_profile is discussed");
    let said = |name: &str| cdp["answers"].as_array().unwrap().iter().find(|x| x["name"] == name).unwrap().clone();
    assert_eq!(said("Maya Patel")["answer"], 3);
    assert_eq!(said("Dev Okafor")["answer"], 1);
    assert!(said("Maya Patel")["note"].as_str().unwrap().contains("We have a CDP"));
    assert!(said("Dev Okafor")["note"].as_str().unwrap().contains("a third of our customers"));
    assert_eq!(said("Sofia Brandt")["answer"], "dont_know");
    assert_eq!((cdp["min"].as_f64(), cdp["max"].as_f64(), cdp["unknown"].as_u64()), (Some(1.0), Some(3.0), Some(1)));
    // The combined answer is the mean with "don't know" as 0: (1 + 3 + 0) / 3.
    assert_eq!(cdp["combined"].as_f64(), Some(4.0 / 3.0));
    // Its worth: 100 × data's share of dimension weight (1.5 / 8) × the question's share of
    // the data questions' weight (2 / 10), times 2 levels of 4.
    assert_eq!(cdp["points"].as_f64(), Some(100.0 * 1.5 / 8.0 * 2.0 / 10.0 * 2.0 / 4.0));
    // Ranked by points, and only questions two or more levels apart.
    let points: Vec<f64> = discuss.iter().map(|d| d["points"].as_f64().unwrap()).collect();
    assert!(points.windows(2).all(|p| p[0] >= p[1]), "{points:?}");
    assert!(discuss.iter().all(|d| d["max"].as_f64().unwrap() - d["min"].as_f64().unwrap() >= 2.0));
    let within_a_level = w["questions"].as_array().unwrap().iter().find(|q| q["question"] == "data_quality").unwrap();
    assert!(!discuss.iter().any(|d| d["question"] == "data_quality"), "{within_a_level}");
}

#[test]
fn the_combined_scores_lie_within_the_respondents_own_scores() {
    let combined = assess_paths(&[&workshop_dir()]);
    let files: Vec<PathBuf> =
        ["dev-okafor.toml", "maya-patel.toml", "sofia-brandt.toml"].iter().map(|f| workshop_dir().join(f)).collect();
    let own: Vec<Value> = files.iter().map(|f| assess_paths(&[f])).collect();
    let score = |a: &Value, dim: Option<&str>| match dim {
        None => a["readiness"]["overall"].as_f64().unwrap(),
        Some(d) => a["readiness"]["dimensions"].as_array().unwrap().iter().find(|x| x["id"] == d).unwrap()["score"]
            .as_f64()
            .unwrap(),
    };
    let dims: Vec<String> = combined["readiness"]["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    for dim in std::iter::once(None).chain(dims.iter().map(|d| Some(d.as_str()))) {
        let scores: Vec<f64> = own.iter().map(|a| score(a, dim)).collect();
        let (low, high) = scores.iter().fold((f64::MAX, f64::MIN), |(l, h), s| (l.min(*s), h.max(*s)));
        let value = score(&combined, dim);
        assert!(low - 1e-9 <= value && value <= high + 1e-9, "{dim:?}: {value} outside {low}..{high}");
    }
    // The respondents' own scores in the workshop part are their files scored on their own.
    for r in combined["workshop"]["respondents"].as_array().unwrap() {
        let file = r["file"].as_str().unwrap();
        let alone = own.iter().zip(&files).find(|(_, f)| f.display().to_string() == file).unwrap().0;
        assert_eq!(r["overall"], alone["readiness"]["overall"], "{file}");
    }
    // Maya is the most optimistic and Sofia the most careful: the example tells that story.
    let overall = |i: usize| score(&own[i], None);
    assert!(overall(2) < score(&combined, None) && score(&combined, None) < overall(1));
}

#[test]
fn merge_then_assess_gives_exactly_the_scores_of_assessing_the_files_together() {
    let dir = tempfile::tempdir().unwrap();
    let consensus = dir.path().join("consensus.toml");
    merge_into(&[&workshop_dir()], &consensus);
    // The consensus file holds each question's mean, for the room to settle; what a
    // respondent's unknown leaves open is in its comments, not in the scores read back.
    let together = without_range(assess_paths(&[&workshop_dir()]));
    let merged = without_range(assess_paths(&[&consensus]));
    for part in SCORED {
        assert_eq!(together[part], merged[part], "{part} differs");
    }
    // A mean such as 4/3 is written with every digit it needs to read back as the same number.
    let text = std::fs::read_to_string(&consensus).unwrap();
    assert!(text.contains(&format!("\ncustomer_profile = {}\n", 4.0_f64 / 3.0)), "{text}");
    // Who answered what is beside each answer.
    assert!(text.contains("#   Maya Patel (Marketing lead): 3 · note \"We have a CDP"), "{text}");
    assert!(text.contains("#   Sofia Brandt (Privacy officer): don't know\ncustomer_profile ="), "{text}");
}

/// Points of overall readiness the unknowns leave open, and completeness.
fn open_and_completeness(a: &Value) -> (f64, f64) {
    let r = &a["readiness"];
    (r["upper"].as_f64().unwrap() - r["overall"].as_f64().unwrap(), r["confidence"].as_f64().unwrap())
}

#[test]
fn completeness_counts_the_cells_each_respondent_did_not_know() {
    // Sofia Brandt alone leaves her eight unknowns open; combined with two people who knew,
    // each of her unknowns still leaves open the third of it her answer would add at the top.
    let sofia = assess_paths(&[&workshop_dir().join("sofia-brandt.toml")]);
    let combined = assess_paths(&[&workshop_dir()]);
    let (own, _) = open_and_completeness(&sofia);
    let (open, completeness) = open_and_completeness(&combined);
    assert!((open - own / 3.0).abs() < 1e-9, "{open} open, Sofia alone {own}");
    assert!((completeness - (100.0 - open)).abs() < 1e-9 && completeness < 100.0, "{completeness}");
    // Maya answered the data-quality question; made "don't know", completeness falls and the
    // range widens by a third of the question's worth.
    let dir = tempfile::tempdir().unwrap();
    for f in ["dev-okafor.toml", "maya-patel.toml", "sofia-brandt.toml"] {
        std::fs::copy(workshop_dir().join(f), dir.path().join(f)).unwrap();
    }
    let maya = dir.path().join("maya-patel.toml");
    let text = std::fs::read_to_string(&maya).unwrap();
    assert!(text.contains("\ndata_quality = 2\n"));
    std::fs::write(&maya, text.replace("\ndata_quality = 2\n", "\ndata_quality = \"dont_know\"\n")).unwrap();
    let (wider, lower) = open_and_completeness(&assess_paths(&[dir.path()]));
    let fw = Frameworks::builtin().unwrap();
    let worth = readiness::score::question_span(&fw, fw.question("data_quality").unwrap());
    assert!(lower < completeness, "completeness {lower} did not fall from {completeness}");
    assert!((wider - open - worth / 3.0).abs() < 1e-9, "range {open} -> {wider}, a third of {worth} more expected");
}

#[test]
fn repeated_answers_flags_and_a_directory_name_the_same_workshop() {
    let files: Vec<PathBuf> =
        ["sofia-brandt.toml", "maya-patel.toml", "dev-okafor.toml"].iter().map(|f| workshop_dir().join(f)).collect();
    let by_file = assess_paths(&files.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    let by_dir = assess_paths(&[&workshop_dir()]);
    assert_eq!(by_file, by_dir);
}

/// Text that is TOML, Markdown, HTML and terminal control at once.
const HOSTILE: &str = "Level 4, honest.\"\n[answers]\ndata_quality = 4 # '''\"\"\"\n\
                       <script>alert(1)</script> **bold** | a | b | [x](javascript:alert(1))\n\
                       \u{1b}[31mred\u{1b}[0m \u{1b}]52;c;ZXZpbA==\u{7} back\\slash \u{202E}desrever\r\nend";

#[test]
fn a_hostile_note_survives_parse_json_and_merge_unchanged_and_injects_nothing() {
    let fw = Frameworks::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Maya's file, written afresh with the hostile note and evidence on her CDP answer.
    let maya_text = std::fs::read_to_string(workshop_dir().join("maya-patel.toml")).unwrap();
    let mut maya = parse(&fw, "maya", &maya_text, Completeness::Complete).unwrap();
    maya.notes.insert("customer_profile".into(), Note { note: Some(HOSTILE.into()), evidence: Some(HOSTILE.into()) });
    let maya_path = dir.path().join("maya.toml");
    std::fs::write(&maya_path, render(&fw, &maya)).unwrap();
    let reread = parse(&fw, "maya", &std::fs::read_to_string(&maya_path).unwrap(), Completeness::Complete).unwrap();
    assert_eq!(reread, maya, "the note reads back from the answer file unchanged");

    // JSON: the answer entry of her own assessment, and her answer in the workshop spread.
    let alone = assess_paths(&[&maya_path]);
    let entry = alone["answers"].as_array().unwrap().iter().find(|x| x["question"] == "customer_profile").unwrap();
    assert_eq!((entry["note"].as_str(), entry["evidence"].as_str()), (Some(HOSTILE), Some(HOSTILE)));
    let dev = workshop_dir().join("dev-okafor.toml");
    let together = assess_paths(&[&maya_path, &dev]);
    let spread = together["workshop"]["questions"].as_array().unwrap();
    let cdp = spread.iter().find(|q| q["question"] == "customer_profile").unwrap();
    let hers = cdp["answers"].as_array().unwrap().iter().find(|x| x["name"] == "Maya Patel").unwrap();
    assert_eq!(hers["note"].as_str(), Some(HOSTILE));

    // Merge: the consensus file is valid TOML with nothing but the answers in it, and the
    // comment beside her answer holds the note as a TOML string that reads back unchanged.
    let consensus = dir.path().join("consensus.toml");
    merge_into(&[&maya_path, &dev], &consensus);
    let text = std::fs::read_to_string(&consensus).unwrap();
    let table: toml::Table = text.parse().expect("the consensus file is TOML");
    let keys: Vec<&str> = table.keys().map(String::as_str).collect();
    assert_eq!(keys, ["answers", "context", "questionnaire"]);
    assert!(!text.contains(['\u{1b}', '\u{7}', '\u{202E}', '\r']), "a control character reached the file");
    let line = text.lines().find(|l| l.starts_with("#   Maya Patel") && l.contains("Level 4, honest")).unwrap();
    let quoted = line.split(" · note ").nth(1).unwrap().split(" · evidence ").next().unwrap();
    let note: toml::Table = format!("note = {quoted}").parse().unwrap();
    assert_eq!(note["note"].as_str(), Some(HOSTILE));
    let parsed: Answers = parse(&fw, "consensus", &text, Completeness::Complete).expect("the consensus file scores");
    assert_eq!(parsed.readiness.len(), fw.questionnaire.questions.len());
    assert!(parsed.notes.is_empty(), "notes stay in the comments, beside their authors");
}

#[test]
fn files_naming_different_companies_are_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.toml");
    let text = std::fs::read_to_string(workshop_dir().join("dev-okafor.toml")).unwrap();
    std::fs::write(&other, text.replace("Harbour & Pine Outdoor", "Fernhill Tea Co.")).unwrap();
    let same_company = dir.path().join("shouting.toml");
    std::fs::write(&same_company, text.replace("Harbour & Pine Outdoor", "  HARBOUR & PINE OUTDOOR ")).unwrap();
    let maya = workshop_dir().join("maya-patel.toml");
    for command in ["assess", "merge"] {
        let mut cmd = bin();
        cmd.arg(command);
        if command == "assess" {
            cmd.args(["--answers", maya.to_str().unwrap(), "--answers", other.to_str().unwrap()]);
        } else {
            cmd.arg(&maya).arg(&other);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {stderr}");
        assert!(stderr.contains("name different companies"), "{stderr}");
        assert!(stderr.contains("maya-patel.toml") && stderr.contains("other.toml"), "{stderr}");
    }
    // Case and spaces do not make another company; the name is spelt as the first respondent
    // in name order (Dev Okafor, here) wrote it, whatever the order of the files.
    let a = assess_paths(&[&maya, &same_company]);
    assert_eq!(a["company"], "HARBOUR & PINE OUTDOOR");
}

#[test]
fn a_disagreement_on_the_business_context_names_the_question_and_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(workshop_dir().join("dev-okafor.toml")).unwrap();
    let bigger = dir.path().join("bigger.toml");
    std::fs::write(&bigger, text.replace("size = \"medium\"", "size = \"large\"")).unwrap();
    // The same regions in another order, and a budget one respondent does not know, agree.
    let reordered = dir.path().join("reordered.toml");
    let reordered_text = text
        .replace("regions = [\"uk\", \"eu\"]", "regions = [\"eu\", \"uk\"]")
        .replace("marketing_budget = \"over_1m\"", "marketing_budget = \"dont_know\"");
    std::fs::write(&reordered, reordered_text).unwrap();
    let maya = workshop_dir().join("maya-patel.toml");
    let out = bin().args(["assess", "--answers"]).arg(&maya).arg("--answers").arg(&bigger).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("`size`") && stderr.contains("maya-patel.toml") && stderr.contains("bigger.toml"));
    assert!(stderr.contains("“250 to 4,999”") && stderr.contains("“50 to 249”"), "{stderr}");
    let agreed = assess_paths(&[&maya, &reordered]);
    let budget = agreed["context"].as_array().unwrap().iter().find(|c| c["id"] == "marketing_budget").unwrap();
    assert!(budget["value"].as_str().unwrap().contains("Over 1 million"), "{budget}");
}

#[test]
fn a_file_given_twice_is_refused_and_merge_needs_two_respondents() {
    let maya = workshop_dir().join("maya-patel.toml");
    let out = bin().args(["assess", "--answers"]).arg(&maya).arg("--answers").arg(workshop_dir()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is given twice"), "{stderr}");
    let out = bin().arg("merge").arg(&maya).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let out = bin().arg("merge").arg(empty.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds no answer files"));
}

#[test]
fn merge_never_writes_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["dev-okafor.toml", "maya-patel.toml"] {
        std::fs::copy(workshop_dir().join(name), dir.path().join(name)).unwrap();
    }
    let target = dir.path().join("maya-patel.toml");
    let before = std::fs::read(&target).unwrap();
    let out = bin().arg("merge").arg(dir.path()).arg("--output").arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is also an input"));
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

#[test]
fn compare_takes_a_workshop_on_either_side() {
    let maya = workshop_dir().join("maya-patel.toml");
    let run = |old: &Path, new: &Path| -> Value {
        let out = bin().arg("compare").arg(old).arg(new).args(["--format", "json", "--as-of", AS_OF]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let combined = assess_paths(&[&workshop_dir()])["readiness"]["overall"].as_f64().unwrap();
    let alone = assess_paths(&[&maya])["readiness"]["overall"].as_f64().unwrap();
    let from_workshop = run(&workshop_dir(), &maya);
    assert_eq!(from_workshop["old"]["overall"].as_f64(), Some(combined));
    assert_eq!(from_workshop["new"]["overall"].as_f64(), Some(alone));
    let to_workshop = run(&maya, &workshop_dir());
    assert_eq!(to_workshop["new"]["overall"].as_f64(), Some(combined));
    assert!(to_workshop["overall_delta"].as_f64().unwrap() < 0.0, "Maya is more optimistic than the room");
}

#[test]
fn the_interactive_workshop_needs_a_terminal_and_touches_nothing_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ws");
    let out = bin().args(["assess", "--workshop"]).arg(&folder).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a terminal"));
    assert!(!folder.exists(), "no folder was created");
    // It runs the questionnaire, so it does not take answer files as well.
    let out = bin().args(["assess", "--workshop"]).arg(&folder).arg("--answers").arg(workshop_dir()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
