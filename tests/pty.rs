//! The interactive questionnaire in a real pseudo-terminal, driven as a person would: arrow
//! keys, Enter, Esc and Ctrl-C.

mod common;

use common::AS_OF;
use readiness::answers::{Completeness, parse};
use readiness::frameworks::{ContextKind, Frameworks};
use rexpect::process::{Signal, WaitStatus};
use rexpect::session::{PtySession, spawn_command};
use std::path::Path;
use std::process::Command;

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
/// Every prompt's help line ends with this, once inquire has taken over the terminal.
const READY: &str = "save and stop";

fn fw() -> Frameworks {
    Frameworks::builtin().unwrap()
}

fn spawn(args: &[&str], dir: &Path) -> PtySession {
    spawn_with(args, dir, |cmd| cmd.env("NO_COLOR", "1"))
}

fn spawn_with(args: &[&str], dir: &Path, env: impl FnOnce(&mut Command) -> &mut Command) -> PtySession {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("readiness"));
    env(cmd.env_remove("NO_COLOR"))
        .current_dir(dir)
        .arg("assess")
        .args(["--as-of", AS_OF, "--format", "json"])
        .args(args);
    spawn_command(cmd, Some(15_000)).expect("spawn in a pty")
}

/// The keys that answer question `i` (1-based) of the questionnaire.
fn keys_for(fw: &Frameworks, i: usize, level_shift: usize) -> String {
    let context = &fw.questionnaire.context;
    if let Some(q) = context.get(i - 1) {
        return match q.kind {
            ContextKind::Text if q.optional => ENTER.to_string(),
            ContextKind::Text => format!("Pty Test Co{ENTER}"),
            ContextKind::Number => format!("12{ENTER}"),
            ContextKind::Multi => format!(" {ENTER}"),
            ContextKind::Choice => format!("{DOWN}{ENTER}"),
        };
    }
    format!("{}{ENTER}", DOWN.repeat((i + level_shift) % 5))
}

fn total(fw: &Frameworks) -> usize {
    fw.questionnaire.context.len() + fw.questionnaire.questions.len()
}

/// Types `keys` at the terminal.
fn press(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Waits for question `i`'s prompt and answers it.
fn answer(p: &mut PtySession, fw: &Frameworks, i: usize) {
    p.exp_string(&format!("question {i} of {}", total(fw))).unwrap();
    p.exp_string(READY).unwrap();
    press(p, &keys_for(fw, i, 0));
}

fn review_and_score(p: &mut PtySession) {
    p.exp_string("Review your answers").unwrap();
    p.exp_string(READY).unwrap();
    press(p, ENTER);
}

fn exit_code(p: &mut PtySession) -> i32 {
    p.exp_eof().unwrap();
    match p.process_mut().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("did not exit normally: {other:?}"),
    }
}

/// A straight run through every question; returns the report.
fn straight_run(dir: &Path, name: &str) -> String {
    let fw = fw();
    let out = dir.join(format!("{name}.json"));
    let session = dir.join(format!("{name}.toml"));
    let mut p = spawn(&["--save", session.to_str().unwrap(), "--output", out.to_str().unwrap()], dir);
    (1..=total(&fw)).for_each(|i| answer(&mut p, &fw, i));
    review_and_score(&mut p);
    assert_eq!(exit_code(&mut p), 0);
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn answering_every_question_gives_a_report_and_a_complete_session_file() {
    let dir = tempfile::tempdir().unwrap();
    let report = straight_run(dir.path(), "straight");
    let a: readiness::assessment::Assessment = serde_json::from_str(&report).unwrap();
    assert_eq!(a.company, "Pty Test Co");
    // The saved session is itself a complete, valid answer file.
    let fw = fw();
    let text = std::fs::read_to_string(dir.path().join("straight.toml")).unwrap();
    parse(&fw, "straight.toml", &text, Completeness::Complete).expect("session file is a complete answer file");
}

#[test]
fn interrupting_then_resuming_gives_the_report_of_an_uninterrupted_run() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let expected = straight_run(dir.path(), "reference");

    let session = dir.path().join("session.toml");
    let out = dir.path().join("resumed.json");
    let args = ["--save", session.to_str().unwrap(), "--output", out.to_str().unwrap()];
    let mut p = spawn(&args, dir.path());
    let stop_after = fw.questionnaire.context.len() + 7;
    (1..=stop_after).for_each(|i| answer(&mut p, &fw, i));
    p.exp_string(&format!("question {} of", stop_after + 1)).unwrap();
    p.exp_string(READY).unwrap();
    p.send_control('c').unwrap();
    p.exp_string("Resume with:").unwrap();
    assert_eq!(exit_code(&mut p), 130);

    let text = std::fs::read_to_string(&session).unwrap();
    let partial = parse(&fw, "session.toml", &text, Completeness::Partial).expect("partial file is valid");
    assert_eq!(partial.count(), stop_after, "every answer given is in the file");

    let mut p = spawn(&["--resume", session.to_str().unwrap(), "--output", out.to_str().unwrap()], dir.path());
    (stop_after + 1..=total(&fw)).for_each(|i| answer(&mut p, &fw, i));
    review_and_score(&mut p);
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(std::fs::read_to_string(out).unwrap(), expected, "resumed report differs");
}

#[test]
fn escape_goes_back_and_the_review_screen_changes_an_answer() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let expected = straight_run(dir.path(), "reference");
    let out = dir.path().join("changed.json");
    let mut p =
        spawn(&["--save", dir.path().join("s.toml").to_str().unwrap(), "--output", out.to_str().unwrap()], dir.path());
    let n = total(&fw);
    let first_readiness = fw.questionnaire.context.len() + 1;
    for i in 1..=n {
        answer(&mut p, &fw, i);
        if i == first_readiness + 1 {
            // Esc on the next question returns here, with the earlier answer under the cursor:
            // Enter alone keeps it.
            p.exp_string(&format!("question {} of", i + 1)).unwrap();
            p.exp_string(READY).unwrap();
            press(&mut p, "\x1b");
            p.exp_string(&format!("question {i} of")).unwrap();
            p.exp_string(READY).unwrap();
            press(&mut p, ENTER);
        }
    }
    // On the review screen, pick the first readiness question and move it up one level.
    p.exp_string("Review your answers").unwrap();
    p.exp_string(READY).unwrap();
    press(&mut p, &format!("{}{ENTER}", DOWN.repeat(first_readiness)));
    p.exp_string(READY).unwrap();
    let level = (first_readiness) % 5;
    press(&mut p, &format!("{}{ENTER}", if level < 4 { DOWN } else { "\x1b[A" }));
    review_and_score(&mut p);
    assert_eq!(exit_code(&mut p), 0);
    let changed = std::fs::read_to_string(out).unwrap();
    assert_ne!(changed, expected, "changing an answer on review must change the report");
    let a: readiness::assessment::Assessment = serde_json::from_str(&changed).unwrap();
    let b: readiness::assessment::Assessment = serde_json::from_str(&expected).unwrap();
    assert_eq!(a.answers[1..], b.answers[1..], "only the first readiness answer differs");
    assert_ne!(a.answers[0], b.answers[0]);
}

#[test]
fn a_killed_session_never_leaves_a_corrupt_file() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("killed.toml");
    for stop_after in [3, 9, 14, 20] {
        let _ = std::fs::remove_file(&session);
        let mut p = spawn(&["--save", session.to_str().unwrap()], dir.path());
        (1..=stop_after).for_each(|i| answer(&mut p, &fw, i));
        // Kill straight after the last keystroke, while the answer is being saved.
        p.process_mut().kill(Signal::SIGKILL).unwrap();
        let text = std::fs::read_to_string(&session).unwrap();
        let partial = parse(&fw, "killed.toml", &text, Completeness::Partial).expect("never a corrupt file");
        assert!(
            partial.count() == stop_after || partial.count() + 1 == stop_after,
            "{} answers after {stop_after}",
            partial.count()
        );
        // A killed writer may leave its hidden temporary file (swept by later writes once
        // stale), but nothing else appears beside the session.
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                name == "killed.toml" || (name.starts_with(".killed.toml.") && name.ends_with(".tmp")),
                "unexpected file {name}"
            );
        }
    }
}

#[test]
fn interactive_with_answers_asks_only_what_is_missing() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(common::example("large-retailer-gdpr.toml")).unwrap();
    let (context_only, _) = example.split_once("\n[answers]\n").unwrap();
    let prepared = dir.path().join("prepared.toml");
    std::fs::write(&prepared, format!("{context_only}\n[answers]\n")).unwrap();
    let out = dir.path().join("out.json");
    let mut p = spawn(
        &["--answers", prepared.to_str().unwrap(), "--interactive", "--output", out.to_str().unwrap()],
        dir.path(),
    );
    let first_readiness = fw.questionnaire.context.len() + 1;
    let seen = p.exp_string(&format!("question {first_readiness} of")).unwrap();
    assert!(!seen.contains("question 1 of"), "context was asked again");
    press(&mut p, &keys_for(&fw, first_readiness, 0));
    (first_readiness + 1..=total(&fw)).for_each(|i| answer(&mut p, &fw, i));
    review_and_score(&mut p);
    assert_eq!(exit_code(&mut p), 0);
    let a: readiness::assessment::Assessment = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(a.company, "Maison Aurore Retail Group");
    // The prepared file is left as it was; answers went to a session file beside it.
    assert_eq!(std::fs::read_to_string(&prepared).unwrap(), format!("{context_only}\n[answers]\n"));
    assert!(dir.path().join("readiness-session.toml").exists());
}

#[test]
fn no_color_turns_the_questionnaire_plain() {
    let dir = tempfile::tempdir().unwrap();
    // An SGR colour sequence, as inquire writes for its prompts and help.
    let colour = "\u{1b}[38;5;";
    let first_prompt = |mut p: PtySession| {
        let shown = p.exp_string(READY).unwrap();
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        shown
    };
    let coloured = first_prompt(spawn_with(&["--save", "a.toml"], dir.path(), |cmd| cmd));
    assert!(coloured.contains(colour), "a terminal without NO_COLOR gets colour");
    let plain = first_prompt(spawn_with(&["--save", "b.toml"], dir.path(), |cmd| cmd.env("NO_COLOR", "1")));
    assert!(!plain.contains(colour), "NO_COLOR must turn colour off");
}
