//! Data safety end to end: interrupted writes, line endings and encodings, hostile text.

mod common;

use common::*;

#[test]
fn killing_the_process_while_it_writes_a_report_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.md");
    let expected = assess("large-retailer-gdpr.toml", &["--format", "markdown", "--explain"]);
    // Time one run, to spread the kills from before start-up to after the rename.
    let started = std::time::Instant::now();
    bin()
        .args(["assess", "--format", "markdown", "--as-of", AS_OF, "--answers"])
        .arg(example("large-retailer-gdpr.toml"))
        .output()
        .unwrap();
    let run = started.elapsed();
    let (mut old, mut new) = (0, 0);
    for i in 0..40u32 {
        std::fs::write(&target, "OLD REPORT").unwrap();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("readiness"))
            .args(["assess", "--format", "markdown", "--explain", "--as-of", AS_OF, "--answers"])
            .arg(example("large-retailer-gdpr.toml"))
            .arg("--output")
            .arg(&target)
            .spawn()
            .unwrap();
        std::thread::sleep(run.mul_f64(1.3 * f64::from(i) / 40.0));
        let _ = child.kill();
        child.wait().unwrap();
        let content = std::fs::read_to_string(&target).unwrap();
        if content == "OLD REPORT" {
            old += 1;
        } else {
            assert_eq!(content, expected, "iteration {i}: a partial report was left behind");
            new += 1;
        }
    }
    println!("killed runs: {old} left the old file, {new} the complete new one");
}

#[test]
fn crlf_line_endings_a_bom_and_non_ascii_names_work() {
    let text = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    let text =
        format!("\u{feff}{}", text.replace("Fernhill Tea Co.", "Théières Zoë & Søn 株式会社").replace('\n', "\r\n"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.toml");
    std::fs::write(&path, text).unwrap();
    let out = bin().args(["assess", "--format", "json", "--as-of", AS_OF, "--answers"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let a: readiness::assessment::Assessment = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a.company, "Théières Zoë & Søn 株式会社");
    let plain = assess("small-ecommerce.toml", &["--format", "json"]);
    let b: readiness::assessment::Assessment = serde_json::from_str(&plain).unwrap();
    assert_eq!(a.readiness, b.readiness, "line endings must not change the scores");
}

#[test]
fn escape_sequences_in_answers_are_refused_and_never_reach_the_terminal_raw() {
    let text = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    let text = text.replace("company = \"Fernhill Tea Co.\"", "company = \"Evil\\u001b[2J\\u001b]0;pwned\\u0007 Co\"");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ansi.toml");
    std::fs::write(&path, text).unwrap();
    for format in ["table", "markdown"] {
        let out =
            bin().args(["assess", "--format", format, "--as-of", AS_OF, "--answers"]).arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}: a company name with control characters is bad input");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("`company` holds the control character U+001B"), "{stderr}");
        for stream in [&out.stdout, &out.stderr] {
            assert!(!stream.contains(&0x1b), "{format}: ESC reached the terminal");
            assert!(!stream.contains(&0x07), "{format}: BEL reached the terminal");
        }
    }
}
