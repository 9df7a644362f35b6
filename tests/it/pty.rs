//! The interactive questionnaire in a real pseudo-terminal of a given size, driven as a person
//! would (arrow keys, Enter, Esc, Ctrl-C), with what the terminal shows rebuilt by a terminal
//! emulator so tests assert what is on screen, not just what was written.

use crate::common;
use readiness::frameworks::Load;

use common::AS_OF;
use readiness::answers::{Completeness, parse};
use readiness::frameworks::{ContextKind, Frameworks};
use rexpect::process::{PtyProcess, Signal, WaitStatus};
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
/// Every question's key hints end with this, so it is on screen once a question is drawn.
const READY: &str = "save and stop";

fn fw() -> Frameworks {
    Frameworks::builtin().unwrap()
}

fn total(fw: &Frameworks) -> usize {
    fw.questionnaire.context.len() + fw.questionnaire.questions.len()
}

/// The binary in a pseudo-terminal of `columns` × `rows`, and the screen it draws.
struct Tty {
    process: PtyProcess,
    keyboard: std::fs::File,
    output: Receiver<Vec<u8>>,
    /// The terminal as a person sees it, with its scrollback.
    screen: vt100::Parser,
    /// Every byte written, for checks on the raw stream.
    raw: Vec<u8>,
}

impl Tty {
    fn spawn(size: (u16, u16), dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Tty {
        let (columns, rows) = size;
        let exe = assert_cmd::cargo::cargo_bin("readiness");
        // The size is set before the program starts, as a terminal window would have it.
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!("stty cols {columns} rows {rows} && exec \"$0\" \"$@\""))
            .arg(exe)
            .args(["assess", "--as-of", AS_OF, "--format", "json"])
            .args(args)
            .current_dir(dir)
            .env_remove("NO_COLOR")
            .env("TERM", "xterm-256color");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let process = PtyProcess::new(cmd).expect("spawn in a pty");
        let keyboard = process.get_file_handle().unwrap();
        let mut reader = process.get_file_handle().unwrap();
        let (send, output) = channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            // The read fails (EIO) once the program has exited and closed the terminal.
            while let Ok(n @ 1..) = reader.read(&mut buffer) {
                if send.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let nonzero = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal has a size");
        let screen = vt100::Parser::new(nonzero(rows), nonzero(columns), 10_000);
        Tty { process, keyboard, output, screen, raw: Vec::new() }
    }

    fn pump(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.screen.process(&bytes);
            self.raw.extend(bytes);
        }
    }

    fn shown(&self) -> String {
        self.screen.screen().contents()
    }

    /// Waits until every one of `needles` is on screen at once (a needle may be wrapped over
    /// lines); the screen then.
    fn wait_for(&mut self, needles: &[&str]) -> String {
        self.wait_until(&format!("{needles:?}"), |t| {
            let shown = t.shown();
            let flat = flatten(&shown);
            needles.iter().all(|n| shown.contains(n) || flat.contains(n))
        });
        self.shown()
    }

    /// Waits until `ready` holds of the terminal.
    fn wait_until(&mut self, what: &str, ready: impl Fn(&Tty) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            self.pump();
            if ready(self) {
                return;
            }
            assert!(Instant::now() < deadline, "waited for {what}; the screen shows:\n{}", self.shown());
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether `needle` has been shown and is still on screen or in the scrollback.
    fn has_shown(&mut self, needle: &str) -> bool {
        flatten(&self.history().join("\n")).contains(needle)
    }

    fn press(&mut self, keys: &str) {
        self.keyboard.write_all(keys.as_bytes()).unwrap();
        self.keyboard.flush().unwrap();
    }

    /// Waits for the program to end; its exit code.
    fn exit_code(&mut self) -> i32 {
        let status = self.process.wait().unwrap();
        std::thread::sleep(Duration::from_millis(50));
        self.pump();
        match status {
            WaitStatus::Exited(_, code) => code,
            WaitStatus::Signaled(_, signal, _) => panic!("killed by {signal:?}"),
            other => panic!("did not exit normally: {other:?}"),
        }
    }

    /// Every line the terminal has shown that is still on screen or in its scrollback.
    fn history(&mut self) -> Vec<String> {
        let screen = self.screen.screen_mut();
        screen.set_scrollback(usize::MAX);
        let depth = screen.scrollback();
        let mut lines = Vec::new();
        for offset in (1..=depth).rev() {
            screen.set_scrollback(offset);
            lines.extend(screen.rows(0, u16::MAX).next());
        }
        screen.set_scrollback(0);
        lines.extend(screen.rows(0, u16::MAX));
        lines
    }
}

/// Text as read across line breaks: runs of white space made one space.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The keys that answer question `i` (1-based) of the questionnaire.
fn keys_for(fw: &Frameworks, i: usize, level_shift: usize) -> String {
    if let Some(q) = fw.questionnaire.context.get(i - 1) {
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

/// Waits for question `i`'s prompt and answers it.
fn answer(t: &mut Tty, fw: &Frameworks, i: usize) {
    t.wait_for(&[&format!("question {i} of {}", total(fw)), READY]);
    t.press(&keys_for(fw, i, 0));
}

const REVIEW: &str = "Review · ";
const SCORE: &str = "Score these answers";

fn review_and_score(t: &mut Tty) {
    t.wait_for(&[REVIEW, SCORE]);
    t.press(&format!("\x1b[H{ENTER}"));
}

/// Declines the offer to write the client report.
fn decline_report(t: &mut Tty) {
    t.wait_for(&["Write the client report", "Not now"]);
    t.press(&format!("{DOWN}{ENTER}"));
}

const SMALL: (u16, u16) = (60, 20);
const STANDARD: (u16, u16) = (80, 24);

/// A straight run through every question; returns the report.
fn straight_run(dir: &Path, name: &str) -> String {
    let fw = fw();
    let out = dir.join(format!("{name}.json"));
    let session = dir.join(format!("{name}.toml"));
    let mut t =
        Tty::spawn(STANDARD, dir, &["--save", session.to_str().unwrap(), "--output", out.to_str().unwrap()], &[]);
    (1..=total(&fw)).for_each(|i| answer(&mut t, &fw, i));
    review_and_score(&mut t);
    decline_report(&mut t);
    assert_eq!(t.exit_code(), 0);
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
    let mut t = Tty::spawn(STANDARD, dir.path(), &args, &[]);
    let stop_after = fw.questionnaire.context.len() + 7;
    (1..=stop_after).for_each(|i| answer(&mut t, &fw, i));
    t.wait_for(&[&format!("question {} of", stop_after + 1), READY]);
    t.press("\x03");
    t.wait_for(&[&format!("Stopped. {stop_after} answers are saved"), "Resume with:"]);
    assert_eq!(t.exit_code(), 130);

    let text = std::fs::read_to_string(&session).unwrap();
    let partial = parse(&fw, "session.toml", &text, Completeness::Partial).expect("partial file is valid");
    assert_eq!(partial.count(), stop_after, "every answer given is in the file");

    let mut t = Tty::spawn(
        STANDARD,
        dir.path(),
        &["--resume", session.to_str().unwrap(), "--output", out.to_str().unwrap()],
        &[],
    );
    t.wait_for(&[&format!("question {} of", stop_after + 1), READY]);
    let left = total(&fw) - stop_after;
    assert!(t.has_shown(&format!("{left} of {} questions left", total(&fw))), "the introduction counts what is left");
    (stop_after + 1..=total(&fw)).for_each(|i| answer(&mut t, &fw, i));
    review_and_score(&mut t);
    decline_report(&mut t);
    assert_eq!(t.exit_code(), 0);
    assert_eq!(std::fs::read_to_string(out).unwrap(), expected, "resumed report differs");
}

#[test]
fn escape_goes_back_and_the_review_screen_changes_an_answer() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let expected = straight_run(dir.path(), "reference");
    let out = dir.path().join("changed.json");
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml", "--output", out.to_str().unwrap()], &[]);
    let n = total(&fw);
    let first_readiness = fw.questionnaire.context.len() + 1;
    for i in 1..=n {
        answer(&mut t, &fw, i);
        if i == first_readiness + 1 {
            // Esc on the next question returns here, with the earlier answer under the cursor:
            // Enter alone keeps it.
            t.wait_for(&[&format!("question {} of", i + 1), READY]);
            t.press(ESC);
            t.wait_for(&[&format!("question {i} of"), READY]);
            t.press(ENTER);
        }
    }
    // On the review screen, pick the first readiness question and move it up one level.
    t.wait_for(&[REVIEW, SCORE]);
    t.press(&format!("{}{ENTER}", DOWN.repeat(first_readiness)));
    t.wait_for(&[&format!("question {first_readiness} of"), READY]);
    let level = first_readiness % 5;
    t.press(&format!("{}{ENTER}", if level < 4 { DOWN } else { "\x1b[A" }));
    review_and_score(&mut t);
    decline_report(&mut t);
    assert_eq!(t.exit_code(), 0);
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
        let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", session.to_str().unwrap()], &[]);
        (1..=stop_after).for_each(|i| answer(&mut t, &fw, i));
        // Kill straight after the last keystroke, while the answer is being saved.
        t.process.kill(Signal::SIGKILL).unwrap();
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
    let args = ["--answers", prepared.to_str().unwrap(), "--interactive", "--output", out.to_str().unwrap()];
    let mut t = Tty::spawn(STANDARD, dir.path(), &args, &[]);
    let first_readiness = fw.questionnaire.context.len() + 1;
    t.wait_for(&[&format!("question {first_readiness} of"), READY]);
    let asked = String::from_utf8_lossy(&t.raw).into_owned();
    assert!(!asked.contains("question 1 of"), "context was asked again");
    t.press(&keys_for(&fw, first_readiness, 0));
    (first_readiness + 1..=total(&fw)).for_each(|i| answer(&mut t, &fw, i));
    review_and_score(&mut t);
    decline_report(&mut t);
    assert_eq!(t.exit_code(), 0);
    let a: readiness::assessment::Assessment = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(a.company, "Maison Aurore Retail Group");
    // The prepared file is left as it was; answers went to a session file beside it.
    assert_eq!(std::fs::read_to_string(&prepared).unwrap(), format!("{context_only}\n[answers]\n"));
    assert!(dir.path().join("readiness-session.toml").exists());
}

/// The raw output up to the first list (the second question), then Ctrl-C.
fn first_prompt(dir: &Path, session: &str, env: &[(&str, &str)]) -> Vec<u8> {
    let mut t = Tty::spawn(STANDARD, dir, &["--save", session], env);
    t.wait_for(&["question 1 of", READY]);
    t.press(&format!("Acme{ENTER}"));
    t.wait_for(&["question 2 of", READY]);
    t.press("\x03");
    t.exit_code();
    t.raw
}

#[test]
fn no_color_turns_the_questionnaire_plain() {
    let dir = tempfile::tempdir().unwrap();
    // An SGR colour sequence, as the prompts use for the selected option and the hints.
    let colour = b"\x1b[38;5;";
    let has = |raw: &[u8]| raw.windows(colour.len()).any(|w| w == colour);
    assert!(has(&first_prompt(dir.path(), "a.toml", &[])), "a terminal without NO_COLOR gets colour");
    assert!(!has(&first_prompt(dir.path(), "b.toml", &[("NO_COLOR", "1")])), "NO_COLOR must turn colour off");
}

/// Runs to the review screen at `size`, pages through it and changes an answer, checking the
/// screen at each step; then scores and takes the offer of the client report.
fn review_fits(size: (u16, u16)) {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(size, dir.path(), &["--save", "s.toml"], &[]);
    (1..=total(&fw)).for_each(|i| answer(&mut t, &fw, i));
    let rows = usize::from(size.1);
    let on_review = |t: &mut Tty, marker: &str| {
        let shown = t.wait_for(&[REVIEW, "enter change or score", marker]);
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines.len() <= rows, "{shown}");
        let header = lines.iter().position(|l| l.starts_with(REVIEW)).expect("the review header is on screen");
        assert!(flatten(&shown).contains(&format!("{n} of {n} answered", n = total(&fw))), "{shown}");
        assert!(header < 3, "the header heads the screen:\n{shown}");
        t.wait_until("the cursor to show", |t| !t.screen.screen().hide_cursor());
        shown
    };
    on_review(&mut t, &format!("› ✔ {SCORE}"));
    // Page well past the first screen, then to the end.
    t.press(&DOWN.repeat(rows + 3));
    let target = rows + 3;
    on_review(&mut t, &format!("› {target:>2} "));
    // End, not more arrows: inquire's cursor wraps from the last line to the first.
    t.press("\x1b[F");
    on_review(&mut t, &format!("› {:>2} ", total(&fw)));
    // Nothing scrolled off: the header is drawn in place, never piled up in the scrollback.
    let headers = t.history().iter().filter(|l| l.starts_with(REVIEW)).count();
    assert_eq!(headers, 1, "the review header appears once in the terminal's history");
    // Change an answer: the cursor comes back to the same line.
    t.press(&format!("\x1b[A{ENTER}"));
    let line = total(&fw) - 1;
    t.wait_for(&[&format!("question {line} of"), READY]);
    t.press(&format!("{DOWN}{ENTER}"));
    on_review(&mut t, &format!("› {line:>2} "));
    // Score: the report, then the offer of the client report, its path, and the next step.
    t.press(&format!("\x1b[H{ENTER}"));
    t.wait_for(&["Write the client report", "Not now"]);
    t.press(ENTER);
    let written = dir.path().canonicalize().unwrap().join("pty-test-co-readiness.html");
    let shown = t.wait_for(&["Next: hand"]);
    assert_eq!(t.exit_code(), 0);
    let shown_flat = flatten(&t.shown());
    assert!(shown_flat.contains(&format!("Client report written to {}", written.display())), "{shown}");
    assert!(shown_flat.contains("readiness assess --resume"), "{shown}");
    assert!(std::fs::read_to_string(&written).unwrap().starts_with("<!DOCTYPE html>"), "an HTML report");
    assert!(!String::from_utf8_lossy(&t.raw).contains("<canceled>"));
}

#[test]
fn the_review_screen_pages_within_a_60_by_20_terminal() {
    review_fits(SMALL);
}

#[test]
fn the_review_screen_pages_within_an_80_by_24_terminal() {
    review_fits(STANDARD);
}

#[test]
fn every_question_fits_a_60_by_20_terminal() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(SMALL, dir.path(), &["--save", "s.toml"], &[]);
    for i in 1..=total(&fw) {
        let shown = t.wait_for(&[&format!("question {i} of"), READY]);
        assert!(shown.lines().any(|l| l.starts_with("? ")), "question {i}: the prompt is on screen\n{shown}");
        // A typed answer is typed on the prompt's line; a list shows the option under the cursor.
        let typed = fw
            .questionnaire
            .context
            .get(i - 1)
            .is_some_and(|q| matches!(q.kind, ContextKind::Text | ContextKind::Number));
        let cursor = shown.lines().any(|l| l.starts_with("› "));
        assert!(typed || cursor, "question {i}: the cursor line is on screen\n{shown}");
        t.press(&keys_for(&fw, i, 0));
    }
    t.wait_for(&[REVIEW]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
}

#[test]
fn esc_on_the_first_question_offers_to_stop_and_never_prints_canceled() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(SMALL, dir.path(), &["--save", "s.toml"], &[]);
    t.wait_for(&["question 1 of", READY]);
    t.press(ESC);
    t.wait_for(&["Nothing comes before this question", "Stay on this question"]);
    t.press(ENTER);
    t.wait_for(&["question 1 of", READY]);
    t.press(&format!("Acme{ENTER}"));
    t.wait_for(&["question 2 of", READY]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    // Resumed, the first question left is the first: Esc offers to stop, and stopping keeps all.
    let mut t = Tty::spawn(SMALL, dir.path(), &["--resume", "s.toml"], &[]);
    t.wait_for(&["question 2 of", READY]);
    t.press(ESC);
    // Resumed, it says where the earlier answers can be changed.
    t.wait_for(&["Nothing comes before this question in this session", "review screen", "Stop here"]);
    t.press(&format!("{DOWN}{ENTER}"));
    t.wait_for(&["1 answer is saved", "Resume with:"]);
    assert_eq!(t.exit_code(), 130);
    assert!(!String::from_utf8_lossy(&t.raw).contains("canceled"));
}

#[test]
fn typing_filters_and_enter_takes_the_option_under_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml"], &[]);
    t.wait_for(&["question 1 of", READY]);
    t.press(&format!("Acme{ENTER}"));
    t.wait_for(&["question 2 of", READY]);
    t.press("xyz");
    t.wait_until("the list to empty", |t| !t.shown().contains("· Retail"));
    // Enter on an empty list answers nothing; Backspace brings the options back.
    t.press(&format!("{ENTER}\x7f\x7f\x7fb2b"));
    let shown = t.wait_for(&["› 3 · B2B software"]);
    assert!(!shown.contains("· Retail"), "the filter leaves only what matches:\n{shown}");
    t.press(ENTER);
    t.wait_for(&["question 3 of", READY]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(text.contains("\nindustry = \"b2b_software\"\n"), "{text}");
}

#[test]
fn a_dumb_terminal_gets_plain_prompts_and_ctrl_c_still_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml"], &[("TERM", "dumb")]);
    t.wait_for(&["question 1 of", "(b back · q save and stop):"]);
    t.press("Dumb Co\r");
    t.wait_for(&["question 2 of", "2  E-commerce"]);
    t.press("2\r");
    t.wait_for(&["question 3 of"]);
    t.press("\x03");
    t.wait_for(&["Stopped. 2 answers are saved", "Resume with:"]);
    assert_eq!(t.exit_code(), 130);
    assert!(!t.raw.contains(&0x1b), "no colour codes and no cursor movement on a dumb terminal");
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(text.contains("\ncompany = \"Dumb Co\"\n") && text.contains("\nindustry = \"ecommerce\"\n"), "{text}");
}

/// "Don't know" is one word in `report.toml` for the questionnaire and the report: a customised
/// copy that changes it changes what the person is offered, what the introduction promises and
/// what the report prints, and the built-in word is left nowhere.
#[test]
fn a_customised_dont_know_label_is_what_the_questionnaire_offers_and_the_report_prints() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("fw");
    common::bin().args(["frameworks", "export"]).arg(&data).assert().success();
    let report_toml = data.join("report.toml");
    let text = std::fs::read_to_string(&report_toml).unwrap();
    let changed = text.replacen("dont_know = \"Don't know\"\n", "dont_know = \"No idea yet\"\n", 1);
    assert_ne!(changed, text, "report.toml has the label");
    std::fs::write(&report_toml, changed).unwrap();

    let mut t = Tty::spawn(STANDARD, dir.path(), &["--frameworks", "fw", "--save", "s.toml"], &[("TERM", "dumb")]);
    t.wait_for(&["\"No idea yet\" is always an option", "question 1 of"]);
    // Company, industry, size, then "?" for the team size; the budget offers the label.
    for keys in ["Custom Co\r", "2\r", "1\r", "?\r"] {
        t.press(keys);
    }
    t.wait_for(&["question 5 of", "?  No idea yet"]);
    t.press("?\r");
    t.wait_for(&["question 6 of"]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    assert!(!t.has_shown("Don't know"), "the built-in label is not shown");
    let session = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(session.contains("\nmarketing_budget = \"dont_know\"\n"), "{session}");

    let out = common::bin()
        .args(["assess", "--as-of", AS_OF, "--format", "markdown", "--frameworks"])
        .arg(&data)
        .arg("--answers")
        .arg(common::example("small-ecommerce.toml"))
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    // small-ecommerce answers bias_review "dont_know": its row in the answers appendix.
    assert!(md.contains("| No idea yet |"), "the report's answers print the label");
    assert!(md.contains("\"No idea yet\", and a question added after"), "the methodology quotes it");
    assert!(!md.contains("Don't know"), "the built-in label is nowhere in the report");
}

#[test]
fn sigterm_stops_with_the_answers_saved_and_the_resume_command() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml"], &[]);
    (1..=4).for_each(|i| answer(&mut t, &fw, i));
    t.wait_for(&["question 5 of", READY]);
    t.process.signal(Signal::SIGTERM).unwrap();
    let shown = t.wait_for(&["Stopped. 4 answers are saved", "Resume with:", "--resume"]);
    assert_eq!(t.exit_code(), 143);
    // On lines of their own, not over the question: the command copies whole.
    // Nothing of the question is left beside them.
    let stopped = shown.lines().find(|l| l.starts_with("Stopped. 4 answers are saved in ")).expect("the stop line");
    assert!(stopped.trim_end().ends_with("s.toml"), "{shown}");
    assert!(shown.lines().any(|l| l.trim_end() == "Resume with:"), "{shown}");
    assert!(shown.lines().any(|l| l.starts_with("  readiness assess --resume ")), "{shown}");
}

#[test]
fn an_unfinished_session_in_the_directory_is_offered_for_resuming() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &[], &[]);
    (1..=3).for_each(|i| answer(&mut t, &fw, i));
    t.wait_for(&["question 4 of", READY]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    let mut t = Tty::spawn(STANDARD, dir.path(), &[], &[]);
    let offer = format!("readiness-session.toml: 3 of {} questions answered", total(&fw));
    t.wait_for(&["An unfinished session is saved in", &offer, "Continue it"]);
    t.press(ENTER);
    t.wait_for(&["question 4 of", READY]);
    assert!(t.has_shown(&format!("{} of {} questions left", total(&fw) - 3, total(&fw))));
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    assert!(!dir.path().join("readiness-session-2.toml").exists(), "no second session was started");
}

/// A client's answer file as a consultant keeps it: a header, their own comments, mode 0640,
/// and one question left out.
fn kept_file(dir: &Path) -> (std::path::PathBuf, String) {
    use std::os::unix::fs::PermissionsExt;
    let example = std::fs::read_to_string(common::example("small-ecommerce.toml")).unwrap();
    let text = format!("# Fernhill, interviewed by Jo on 3 March\n{example}")
        .replace("data_quality = ", "# still checking with the shop manager\ndata_quality = ");
    let (before, after) = text.split_once("\nchannel_coverage = ").unwrap();
    let text = format!("{before}\n{}", after.split_once('\n').unwrap().1);
    let path = dir.join("acme.toml");
    std::fs::write(&path, &text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    (path, text)
}

/// The position of readiness question `id` in the questionnaire (1-based).
fn position(fw: &Frameworks, id: &str) -> usize {
    let q = &fw.questionnaire;
    let in_order = q.dimensions.iter().flat_map(|d| q.questions.iter().filter(move |x| x.dimension == d.id));
    q.context.len() + 1 + in_order.take_while(|x| x.id != id).count()
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn save_onto_an_existing_file_continues_it_and_changes_nothing_until_an_answer_does() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = kept_file(dir.path());
    // Stopped before answering, with --resume or --save: the file is untouched, byte for byte,
    // mode included.
    for option in ["--resume", "--save"] {
        let mut t = Tty::spawn(STANDARD, dir.path(), &[option, "acme.toml"], &[]);
        t.wait_for(&[&format!("question {} of", position(&fw, "channel_coverage")), READY]);
        t.press("\x03");
        t.wait_for(&["Resume with:"]);
        assert_eq!(t.exit_code(), 130);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{option}");
        assert_eq!(mode(&path), 0o640, "{option}");
        assert!(t.has_shown(&format!("1 of {} questions left", total(&fw))), "{option}");
    }
    // Answering the missing question writes it in, keeping the header, comments and mode.
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--resume", "acme.toml"], &[]);
    t.wait_for(&["question", READY]);
    t.press(&format!("{DOWN}{ENTER}"));
    t.wait_for(&[REVIEW]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with("# Fernhill, interviewed by Jo on 3 March\n"), "{after}");
    assert!(after.contains("# still checking with the shop manager\ndata_quality = "), "{after}");
    assert_eq!(after.lines().count(), text.lines().count() + 1, "one line added:\n{after}");
    assert_eq!(mode(&path), 0o640);
    parse(&fw, "acme.toml", &after, Completeness::Complete).expect("now complete");
}

#[test]
fn a_second_session_on_the_same_file_is_refused_and_the_first_keeps_its_answers() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let mut first = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml"], &[]);
    (1..=2).for_each(|i| answer(&mut first, &fw, i));
    first.wait_for(&["question 3 of", READY]);
    for args in [["--resume", "s.toml"], ["--save", "s.toml"]] {
        let mut second = Tty::spawn(STANDARD, dir.path(), &args, &[]);
        second.wait_for(&["open in another readiness session"]);
        assert_eq!(second.exit_code(), 2, "{args:?}");
    }
    answer(&mut first, &fw, 3);
    first.wait_for(&["question 4 of", READY]);
    first.press("\x03");
    assert_eq!(first.exit_code(), 130);
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert_eq!(parse(&fw, "s.toml", &text, Completeness::Partial).unwrap().count(), 3);
}

#[test]
fn output_is_confirmed_with_its_absolute_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::bin()
        .current_dir(dir.path())
        .args(["assess", "--as-of", AS_OF, "--output", "r.md", "--format", "markdown", "--answers"])
        .arg(common::example("small-ecommerce.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let written = dir.path().canonicalize().unwrap().join("r.md");
    assert_eq!(String::from_utf8_lossy(&out.stderr), format!("Report written to {}\n", written.display()));
}

#[test]
fn save_onto_an_existing_file_with_answers_as_well_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = kept_file(dir.path());
    let prepared = common::example("b2b-software.toml");
    let args = ["--answers", prepared.to_str().unwrap(), "--interactive", "--save", "acme.toml"];
    let mut t = Tty::spawn(STANDARD, dir.path(), &args, &[]);
    t.wait_for(&["already exists", "--resume"]);
    assert_eq!(t.exit_code(), 2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// Answers question `i` of a workshop respondent's session and waits for it to be taken.
fn answer_pending(t: &mut Tty, fw: &Frameworks, i: usize) {
    t.wait_for(&[&format!("question {i} of {}", total(fw)), READY]);
    t.press(&keys_for(fw, i, 0));
}

#[test]
fn a_workshop_runs_once_per_respondent_into_their_own_files_and_scores_them_together() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--workshop", "ws", "--output", "report.json"], &[]);
    let context = fw.questionnaire.context.len();
    let note_option = fw.questionnaire.questions[0].levels.len() + 1;
    for (n, (name, role)) in [("Maya Patel", "Marketing lead"), ("Dev Okafor", "")].into_iter().enumerate() {
        t.wait_for(&["Respondent's name", READY]);
        t.press(&format!("{name}{ENTER}"));
        t.wait_for(&["Their role (optional)", READY]);
        t.press(&format!("{role}{ENTER}"));
        // The first respondent answers the business context; the next one only their own notes.
        let first = n == 0;
        let pending =
            (1..=total(&fw)).filter(|&i| i > context || first || is_own_remark(&fw.questionnaire.context[i - 1]));
        for i in pending {
            if i == context + 1 && !first {
                // A note on the first readiness answer: the option after "don't know".
                t.wait_for(&[&format!("question {i} of"), READY]);
                t.press(&format!("{}{ENTER}", DOWN.repeat(note_option)));
                t.wait_for(&["Note on the answer to", READY]);
                t.press(&format!("the CDP holds a third of customers{ENTER}"));
            }
            answer_pending(&mut t, &fw, i);
        }
        review_and_score(&mut t);
        t.wait_for(&["answered in ws", "Next respondent"]);
        // After the first, the next respondent; after the second, score the workshop.
        t.press(&(if first { ENTER.to_string() } else { format!("{DOWN}{ENTER}") }));
    }
    assert_eq!(t.exit_code(), 0);
    let ws = dir.path().join("ws");
    let read = |name: &str| {
        let text = std::fs::read_to_string(ws.join(name)).unwrap();
        parse(&fw, name, &text, Completeness::Complete).unwrap()
    };
    let (maya, dev) = (read("maya-patel.toml"), read("dev-okafor.toml"));
    assert_eq!(maya.respondent.role.as_deref(), Some("Marketing lead"));
    assert_eq!(dev.respondent.role, None);
    assert_eq!(maya.context.get("company"), dev.context.get("company"), "the business context was carried over");
    let first = &fw.questionnaire.questions[0].id;
    assert_eq!(dev.notes[first].note.as_deref(), Some("the CDP holds a third of customers"));
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap()).unwrap();
    let names: Vec<&str> =
        report["workshop"]["respondents"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Dev Okafor", "Maya Patel"]);
}

/// Case 4 of issue 28: "never over an existing file" was checked when the offer of the
/// client report was shown, so a file created while it was on screen was overwritten. The
/// file is now created only where nothing is, when it is written: the next free name.
#[test]
fn the_client_report_never_replaces_a_file_created_while_the_offer_is_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::example("small-ecommerce.toml"), dir.path().join("s.toml")).unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--resume", "s.toml"], &[]);
    review_and_score(&mut t);
    t.wait_for(&["Write the client report", "Not now"]);
    let theirs = dir.path().join("fernhill-tea-co-readiness.html");
    std::fs::write(&theirs, "made meanwhile").unwrap();
    t.press(ENTER);
    t.wait_for(&["Next: hand"]);
    assert_eq!(t.exit_code(), 0);
    assert!(std::fs::read_to_string(&theirs).unwrap() == "made meanwhile", "the file made meanwhile was replaced");
    let written = dir.path().join("fernhill-tea-co-readiness-2.html");
    assert!(std::fs::read_to_string(&written).unwrap().starts_with("<!DOCTYPE html>"));
    assert!(flatten(&t.shown()).contains("fernhill-tea-co-readiness-2.html"), "the name written is the one shown");
}

/// Runs `tmux` on a server of this test's own.
fn tmux(socket: &str, args: &[&str]) -> String {
    let out = Command::new("tmux").args(["-L", socket]).args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn tmux_wait_for(socket: &str, needle: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !flatten(&tmux(socket, &["capture-pane", "-p"])).contains(needle) {
        assert!(Instant::now() < deadline, "waited for {needle:?}:\n{}", tmux(socket, &["capture-pane", "-p"]));
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether process `pid` has ended (gone, or a zombie waiting for its new parent to reap it).
fn ended(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |stat| stat.contains(") Z "))
}

/// Closes the window (the tmux server, which holds the terminal) while `term` is on question 2:
/// the program must end within 2 s with exit 129, its answers saved and its lock released.
fn close_the_window_mid_question(term: &str) {
    let dir = tempfile::tempdir().unwrap();
    let socket = format!("readiness-test-{}-{term}", std::process::id());
    let exe = assert_cmd::cargo::cargo_bin("readiness");
    // The shell outlives the hang-up to write down the exit code.
    let command = format!(
        "trap '' HUP; env TERM={term} '{}' assess --as-of {AS_OF} --save s.toml; echo $? > code",
        exe.display()
    );
    let cwd = dir.path().to_str().unwrap();
    tmux(&socket, &["new-session", "-d", "-x", "80", "-y", "24", "-c", cwd, &command]);
    tmux_wait_for(&socket, "question 1 of");
    tmux(&socket, &["send-keys", "Acme", "Enter"]);
    tmux_wait_for(&socket, "question 2 of");
    let shell = tmux(&socket, &["list-panes", "-F", "#{pane_pid}"]).trim().to_string();
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
    let pid = children.split_whitespace().next().expect("readiness runs under the shell").to_string();
    // Killing the server closes the terminal under the program, as closing a window does.
    let closed = Instant::now();
    tmux(&socket, &["kill-server"]);
    while !ended(&pid) && closed.elapsed() < Duration::from_secs(2) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(ended(&pid), "readiness still runs 2 s after its terminal closed");
    let code = dir.path().join("code");
    while !code.exists() && closed.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(std::fs::read_to_string(&code).unwrap().trim(), "129");
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(text.contains("\ncompany = \"Acme\"\n"), "{text}");
    // The lock went with the process: resuming starts at once on the next question.
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--resume", "s.toml"], &[]);
    t.wait_for(&["question 2 of", READY]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
}

#[test]
fn closing_the_window_mid_question_ends_the_session_at_once_and_frees_it_for_resuming() {
    close_the_window_mid_question("xterm-256color");
}

#[test]
fn closing_a_dumb_terminal_mid_question_ends_the_session_the_same_way() {
    close_the_window_mid_question("dumb");
}

#[test]
fn a_typed_option_number_chooses_that_option() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml"], &[]);
    // A list where an earlier option's label holds a 4 (company size: "10 to 49"), which a
    // digit read as a filter would pick.
    let tricky = |q: &readiness::frameworks::ContextQuestion| {
        q.kind == ContextKind::Choice && q.options.len() >= 4 && q.options[..3].iter().any(|o| o.label.contains('4'))
    };
    let i = 1 + fw.questionnaire.context.iter().position(tricky).expect("a list with a 4 in an earlier label");
    (1..i).for_each(|k| answer(&mut t, &fw, k));
    t.wait_for(&[&format!("question {i} of"), READY]);
    // Option 4, though other options' labels may hold a 4 as well.
    t.press(&format!("4{ENTER}"));
    t.wait_for(&[&format!("question {} of", i + 1), READY]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    let q = &fw.questionnaire.context[i - 1];
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(text.contains(&format!("\n{} = \"{}\"\n", q.id, q.options[3].id)), "{text}");
}

#[test]
fn a_multi_line_paste_into_a_note_stays_in_the_note() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml"], &[]);
    let first = fw.questionnaire.context.len() + 1;
    (1..first).for_each(|k| answer(&mut t, &fw, k));
    t.wait_for(&[&format!("question {first} of"), READY]);
    // The note is the last option.
    t.press(&format!("{}{ENTER}", DOWN.repeat(20)));
    t.wait_for(&["Note on the answer", READY]);
    t.press(&format!("\x1b[200~seen in the CRM\n- email\n2\r\x1b[201~{ENTER}"));
    // Back on the same question, nothing answered by the pasted lines.
    t.wait_for(&[&format!("✔ {first}/"), &format!("question {first} of"), READY]);
    t.press(&format!("{DOWN}{ENTER}"));
    t.wait_for(&[&format!("question {} of", first + 1), READY]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    let answers = parse(&fw, "s.toml", &text, Completeness::Partial).expect("a valid session file");
    let q = &fw.questionnaire.questions.iter().find(|q| q.dimension == fw.questionnaire.dimensions[0].id).unwrap();
    assert_eq!(answers.readiness.len(), 1, "only the question asked is answered:\n{text}");
    let note = answers.notes.get(&q.id).and_then(|n| n.note.clone()).expect("the note is kept");
    assert!(note.contains("seen in the CRM") && note.contains("- email"), "{note}");
}

#[test]
fn the_last_screen_shows_the_score_the_tier_and_where_everything_is() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml"], &[]);
    (1..=total(&fw)).for_each(|i| answer(&mut t, &fw, i));
    review_and_score(&mut t);
    decline_report(&mut t);
    assert_eq!(t.exit_code(), 0);
    // The report went to a file beside the session, not through the terminal.
    let report = dir.path().canonicalize().unwrap().join("pty-test-co-readiness.json");
    let a: readiness::assessment::Assessment =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert!(!String::from_utf8_lossy(&t.raw).contains("\"questionnaire_version\""), "the report was not printed");
    let shown = flatten(&t.shown());
    let score = format!("Readiness {} of 100: {}", readiness::report::num(a.readiness.overall), a.readiness.tier.name);
    assert!(shown.contains(&score), "{shown}");
    assert!(shown.contains("First things to do: 1. "), "{shown}");
    let session = dir.path().canonicalize().unwrap().join("s.toml");
    assert!(shown.contains(&format!("Answers saved in {}", session.display())), "{shown}");
    assert!(shown.contains(&format!("Full report in {}", report.display())), "{shown}");
}

#[test]
fn a_typed_answer_is_held_to_the_answer_files_rules() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml"], &[]);
    t.wait_for(&["question 1 of", READY]);
    // A right-to-left override would reorder the report's text where it is read.
    t.press(&format!("Acme\u{202E}oC{ENTER}"));
    t.wait_for(&["U+202E", "without control or text-direction characters"]);
    assert!(!t.has_shown("question 2 of"), "the company name was taken");
    // Mended, it is taken.
    t.press(&format!("\x7f\x7f\x7f Co{ENTER}"));
    t.wait_for(&["question 2 of", READY]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(text.contains("\ncompany = \"Acme Co\"\n"), "{text}");
}

/// Case 6 of issue 28: a comment typed into the session file while the session ran was
/// deleted at the next answer, which rewrote the file from what the session last wrote.
#[test]
fn a_comment_typed_into_the_session_file_while_it_runs_survives_the_next_answer() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", "s.toml"], &[]);
    answer(&mut t, &fw, 1);
    t.wait_for(&["question 2 of", READY]);
    let typed = format!("# Jo: the owner is unsure of the budget\n{}", std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, &typed).unwrap();
    answer(&mut t, &fw, 2);
    t.wait_for(&["question 3 of", READY]);
    t.press("\x03");
    assert_eq!(t.exit_code(), 130);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Jo: the owner is unsure of the budget\n"), "{text}");
    assert_eq!(parse(&fw, "s.toml", &text, Completeness::Partial).unwrap().count(), 2, "{text}");
}

/// A directory nobody may write, holding a copy of `example`: a read-only tmpfs for root
/// (whom modes do not stop), mode 0555 for anyone else; unmounted when dropped.
struct ReadOnly(tempfile::TempDir, bool);

impl ReadOnly {
    fn with(example: &str) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        // SAFETY: geteuid cannot fail.
        let root = unsafe { libc::geteuid() } == 0;
        let mount = |options: &str| {
            let status = Command::new("mount").args(["-t", "tmpfs", "-o", options, "tmpfs"]).arg(dir.path()).status();
            assert!(status.unwrap().success(), "mount -o {options}");
        };
        if root {
            mount("size=1m");
        }
        std::fs::copy(common::example(example), dir.path().join("s.toml")).unwrap();
        if root {
            mount("remount,ro");
        } else {
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        ReadOnly(dir, root)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.1 {
            let _ = Command::new("umount").arg(self.0.path()).status();
        }
    }
}

/// Case 17 of issue 28: `--save` or `--resume` of a file in a directory that cannot be
/// written exited 2, as if the command were wrong; it is a failure to write (exit 1), said
/// before a question is asked, and the file is left as it was.
#[test]
fn a_session_file_in_a_read_only_directory_is_a_failure_to_write_not_bad_input() {
    let fw = fw();
    let ro = ReadOnly::with("small-ecommerce.toml");
    let before = std::fs::read(ro.0.path().join("s.toml")).unwrap();
    let existing = ro.0.path().join("s.toml");
    let new = ro.0.path().join("new.toml");
    for (option, path) in [("--resume", &existing), ("--save", &existing), ("--save", &new)] {
        let here = tempfile::tempdir().unwrap();
        let mut t = Tty::spawn(STANDARD, here.path(), &[option, path.to_str().unwrap()], &[]);
        assert_eq!(t.exit_code(), 1, "{option} {}: {}", path.display(), t.shown());
        assert!(t.shown().contains("error: cannot"), "{}", t.shown());
        assert!(!t.has_shown(&format!("of {}", total(&fw))), "a question was asked: {}", t.shown());
    }
    assert_eq!(std::fs::read(&existing).unwrap(), before);
}

/// Case 13 of issue 28, the prompts: a dumb terminal's prompt took any text, escape
/// sequences included, so the session file then failed `validate`; and a character the
/// answer files refuse but the terminal check did not know (a soft hyphen) was taken by
/// every prompt. Both are refused now, by the answer files' own rule, and a session path
/// holding an invisible character is never printed as it is.
#[test]
fn what_a_prompt_takes_is_what_validate_takes_and_nothing_unsafe_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let name = "s\u{E0041}\u{AD}.toml";
    let mut t = Tty::spawn(STANDARD, dir.path(), &["--save", name], &[("TERM", "dumb")]);
    t.wait_for(&["question 1 of", "(b back · q save and stop):"]);
    t.press("Acme\x1b[2J Co\r");
    t.wait_for(&["the control character U+001B"]);
    t.press("Acme\u{AD}Co\r");
    t.wait_for(&["the invisible character U+00AD"]);
    assert!(!t.has_shown("question 2 of"), "an unsafe company name was taken");
    t.press("Acme Co\r");
    t.wait_for(&["question 2 of"]);
    t.press("q\r");
    t.wait_for(&["Resume with:"]);
    assert_eq!(t.exit_code(), 130);
    let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert!(text.contains("\ncompany = \"Acme Co\"\n"), "{text}");
    // The terminal echoes what is typed; the program itself printed the name only made inert.
    let printed = String::from_utf8_lossy(&t.raw).replace("Acme\u{AD}Co", "");
    assert!(!printed.contains(['\u{E0041}', '\u{AD}']), "{printed:?}");
    assert!(printed.contains("s\u{FFFD}\u{FFFD}.toml"), "{printed:?}");
}

/// A context answer each respondent gives for themselves: optional free text (the notes); the
/// optional revenue and currency choices are the business's and asked of the first only.
fn is_own_remark(q: &readiness::frameworks::ContextQuestion) -> bool {
    q.optional && q.kind == readiness::frameworks::ContextKind::Text
}
