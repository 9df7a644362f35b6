//! A corpus of malformed answer files and broken frameworks directories (`tests/corpus/*/NAME.toml`),
//! each with the error it must produce (the snapshot `corpus__KIND-NAME`). None may panic; all
//! exit with code 2.

use crate::common;

use common::*;
use serde::Deserialize;
use std::path::Path;

/// Runs the binary in `dir` and returns its stderr, checking that it failed as bad input.
fn fails_with_input_error(dir: &Path, args: &[&str]) -> String {
    let out = bin().current_dir(dir).args(args).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{args:?} panicked:\n{stderr}");
    assert_eq!(out.status.code(), Some(2), "{args:?} exited with {:?}:\n{stderr}", out.status.code());
    assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    // A snapshot ignores trailing white space: the message ends with one line break, no blank line.
    assert!(stderr.ends_with('\n') && !stderr.ends_with("\n\n"), "{args:?}: {stderr:?}");
    stderr
}

/// The snapshot of the error a case of `kind` produces.
fn assert_error_snapshot(kind: &str, case: &Path, stderr: &str) {
    let name = case.file_stem().unwrap().to_str().unwrap();
    insta::assert_snapshot!(format!("{kind}-{name}"), stderr);
}

#[test]
fn every_malformed_answer_file_gets_its_own_error() {
    let dir = corpus("answers");
    let cases = cases("answers");
    assert!(cases.len() >= 30, "only {} answer-file cases", cases.len());
    for case in cases {
        let name = case.file_name().unwrap().to_str().unwrap();
        let stderr = fails_with_input_error(&dir, &["validate", name]);
        assert!(stderr.contains(name), "{name}: the error does not name the file");
        assert!(!stderr.contains('\u{1b}'), "{name}: an escape character reached the terminal");
        assert_error_snapshot("answers", &case, &stderr);
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mutation {
    #[serde(default)]
    edit: Vec<Edit>,
    #[serde(default)]
    delete: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    find: String,
    replace: String,
}

/// Exports the built-in frameworks into `dir/fw` and breaks them as the case says.
fn broken_copy(case: &Path, dir: &Path) {
    let fw = dir.join("fw");
    bin().args(["frameworks", "export"]).arg(&fw).assert().success();
    let mutation: Mutation = toml::from_str(&std::fs::read_to_string(case).unwrap()).unwrap();
    for edit in mutation.edit {
        let path = fw.join(&edit.file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&edit.find), "{}: `{}` not found in {}", case.display(), edit.find, edit.file);
        std::fs::write(&path, text.replacen(&edit.find, &edit.replace, 1)).unwrap();
    }
    for file in mutation.delete {
        std::fs::remove_file(fw.join(file)).unwrap();
    }
}

#[test]
fn every_broken_frameworks_directory_gets_its_own_error() {
    let cases = cases("frameworks");
    assert!(cases.len() >= 15, "only {} frameworks cases", cases.len());
    let answers = example("b2b-software.toml");
    for case in cases {
        let dir = tempfile::tempdir().unwrap();
        broken_copy(&case, dir.path());
        let stderr = fails_with_input_error(dir.path(), &["frameworks", "check", "fw"]);
        assert!(stderr.contains("fw/"), "{}: the error does not name the file", case.display());
        assert_error_snapshot("frameworks", &case, &stderr);
        // `assess --frameworks` runs the same check first and stops with the same report.
        let assess = fails_with_input_error(
            dir.path(),
            &["assess", "--frameworks", "fw", "--answers", answers.to_str().unwrap()],
        );
        assert_eq!(assess, stderr, "{}", case.display());
    }
}

#[test]
fn an_oversized_input_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(64 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let stderr = fails_with_input_error(dir.path(), &["validate", "big.toml"]);
    assert!(stderr.contains("larger than the 1 MiB limit"), "{stderr}");
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
}

#[test]
fn a_missing_file_and_a_directory_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = fails_with_input_error(dir.path(), &["validate", "nope.toml"]);
    assert!(missing.contains("cannot read `nope.toml`: no such file"), "{missing}");
    let directory = fails_with_input_error(dir.path(), &["validate", "."]);
    assert!(directory.contains("cannot read `.`"), "{directory}");
}

/// The expected errors are insta snapshots: a `NAME.stderr` beside a case, the form before
/// them (from a branch that added a case meanwhile), would be checked by nothing.
#[test]
fn the_corpus_holds_only_cases() {
    for kind in ["answers", "frameworks"] {
        for entry in std::fs::read_dir(corpus(kind)).unwrap() {
            let path = entry.unwrap().path();
            let case = path.extension().is_some_and(|x| x == "toml");
            assert!(case, "{}: not a case; an expected error is a snapshot in tests/it/snapshots/", path.display());
        }
    }
}
