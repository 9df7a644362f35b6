//! Data safety end to end: interrupted writes, line endings and encodings, hostile text.

use crate::common;

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

/// A tmpfs of `kib` KiB mounted on a new directory, unmounted when dropped.
struct Tmpfs(tempfile::TempDir);

impl Tmpfs {
    fn mount(kib: u64) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(status.success(), "mount a tmpfs");
        Tmpfs(dir)
    }

    fn free(&self) -> u64 {
        let path = std::ffi::CString::new(self.0.path().as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a zeroed statvfs is valid, and the path is NUL-terminated.
        let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::statvfs(path.as_ptr(), &mut stat) }, 0);
        stat.f_bavail * stat.f_frsize
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(self.0.path()).status();
    }
}

/// `assess` of the small shop in `format`, written to `output`.
fn assess_into(output: &std::path::Path, format: &str) -> assert_cmd::Command {
    let mut cmd = bin();
    cmd.args(["assess", "--format", format, "--as-of", AS_OF, "--answers"]);
    cmd.arg(example("small-ecommerce.toml")).arg("--output").arg(output);
    cmd
}

/// Case 1 of issue 28: on a nearly full disk, an output with a second hard link kept a
/// fragment of the new report under both names. Now the space is reserved before a byte
/// changes: the run fails (exit 1) and both names hold the old report.
#[cfg_attr(not(is_root), ignore = "needs root: a tmpfs mount, files owned by another user")]
#[test]
fn a_hard_linked_output_on_a_full_disk_keeps_the_old_report_under_every_name() {
    let report = assess("small-ecommerce.toml", &["--format", "html"]);
    let disk = Tmpfs::mount(400);
    let (first, second) = (disk.0.path().join("r.html"), disk.0.path().join("r2.html"));
    std::fs::write(&first, "OLD REPORT").unwrap();
    std::fs::hard_link(&first, &second).unwrap();
    // Room for the temporary copy, not for a second one in the file itself.
    let room = report.len() as u64 * 3 / 2;
    std::fs::write(disk.0.path().join("filler"), vec![b'x'; (disk.free() - room) as usize]).unwrap();
    let out = assess_into(&first, "html").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a full disk is no input error: {}", String::from_utf8_lossy(&out.stderr));
    for name in [&first, &second] {
        let kept = std::fs::read_to_string(name).unwrap();
        assert!(kept == "OLD REPORT", "{} holds {} bytes, not the old report", name.display(), kept.len());
    }
    assert_eq!(std::fs::read_dir(disk.0.path()).unwrap().count(), 3, "no temporary left");
    // With the space there, both names get the whole new report.
    std::fs::remove_file(disk.0.path().join("filler")).unwrap();
    assess_into(&first, "html").assert().success();
    assert_eq!(std::fs::read_to_string(&second).unwrap(), report);
}

/// Case 2 of issue 28: `--save s.toml --output s.toml` asked every question, then the report
/// replaced the answers. The session file is an input even before it exists: refused first.
#[test]
fn a_session_file_named_as_the_output_is_refused_before_a_question_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.toml");
    let out = bin()
        .args(["assess", "-i", "--format", "html", "--save"])
        .arg(&session)
        .arg("--output")
        .arg(dir.path().join(".").join("s.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is also an input"), "{stderr}");
    assert!(!session.exists());
}

/// Case 3 of issue 28: `merge --frameworks fw --output fw/scoring.toml` overwrote a file it
/// read, where `assess`, `batch` and `template` refused.
#[test]
fn merge_refuses_to_write_over_a_frameworks_file() {
    let dir = tempfile::tempdir().unwrap();
    let fw = dir.path().join("fw");
    bin().args(["frameworks", "export"]).arg(&fw).assert().success();
    let before = std::fs::read(fw.join("scoring.toml")).unwrap();
    let out = bin()
        .arg("merge")
        .arg(example("workshop"))
        .arg("--frameworks")
        .arg(&fw)
        .arg("--output")
        .arg(fw.join("scoring.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is also an input"));
    assert_eq!(std::fs::read(fw.join("scoring.toml")).unwrap(), before);
}

/// A directory of `n` copies of an example answer file, each its own company (a batch needs
/// nothing more).
fn many_answer_files(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let many = dir.join("many");
    std::fs::create_dir(&many).unwrap();
    let text = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    for i in 0..n {
        std::fs::write(many.join(format!("a{i}.toml")), &text).unwrap();
    }
    many
}

/// Waits until the writer's temporary for `name` is in `dir`, so the run has decided how to
/// write its output and is busy writing it.
fn wait_for_temporary(dir: &std::path::Path, name: &str) {
    let started = std::time::Instant::now();
    while !std::fs::read_dir(dir).unwrap().flatten().any(|e| temporary_of(&e.file_name(), name)) {
        assert!(started.elapsed() < std::time::Duration::from_secs(60), "no temporary appeared");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

fn temporary_of(file: &std::ffi::OsStr, name: &str) -> bool {
    let file = file.to_string_lossy();
    file.starts_with(&format!(".{name}.")) && file.ends_with(".tmp")
}

fn batch_into(many: &std::path::Path, output: &std::path::Path) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("readiness"))
        .args(["batch", "--as-of", AS_OF, "--output"])
        .arg(output)
        .arg(many)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// Case 5 of issue 28: a hard-linked output replaced by a symbolic link while a batch runs:
/// the CSV went into the link's target. The output is opened when the run decides how to
/// write it, never through a link, so the file named later is not touched.
#[test]
fn an_output_swapped_for_a_symbolic_link_during_a_batch_never_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let many = many_answer_files(dir.path(), 3000);
    let (out, other, victim) =
        (dir.path().join("out.csv"), dir.path().join("other.csv"), dir.path().join("victim.txt"));
    std::fs::write(&out, "old").unwrap();
    std::fs::hard_link(&out, &other).unwrap();
    std::fs::write(&victim, "precious").unwrap();
    let mut child = batch_into(&many, &out);
    wait_for_temporary(dir.path(), "out.csv");
    std::fs::remove_file(&out).unwrap();
    std::os::unix::fs::symlink(&victim, &out).unwrap();
    let status = child.wait().unwrap();
    assert!(std::fs::read_to_string(&victim).unwrap() == "precious", "the link's target was written (exit {status})");
    assert!(std::fs::read_to_string(&other).unwrap().starts_with("file,"), "the file opened got the CSV");
}

/// Case 8 of issue 28: SIGTERM, SIGINT or SIGHUP during `batch --output` left the partial
/// temporary behind. Now it is removed, the old output stays, and the exit says the signal.
#[test]
fn a_stop_signal_during_a_batch_leaves_no_temporary_and_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let many = many_answer_files(dir.path(), 3000);
    let out = dir.path().join("out.csv");
    for signal in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        std::fs::write(&out, "old").unwrap();
        let mut child = batch_into(&many, &out);
        wait_for_temporary(dir.path(), "out.csv");
        // SAFETY: a plain kill of the child started here.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        let status = child.wait().unwrap();
        assert_eq!(std::os::unix::process::ExitStatusExt::signal(&status), Some(signal), "{status}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert!(!left.iter().any(|f| temporary_of(f, "out.csv")), "signal {signal}: {left:?}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    }
}

/// Case 7 of issue 28: root replacing a user's 0600 report made it root's, and the user
/// could no longer read it. The owner, group and mode stay.
#[cfg_attr(not(is_root), ignore = "needs root: a tmpfs mount, files owned by another user")]
#[test]
fn root_replacing_a_users_file_keeps_its_owner_group_and_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    std::fs::write(&report, "theirs").unwrap();
    std::os::unix::fs::chown(&report, Some(1234), Some(5678)).unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).unwrap();
    assess_into(&report, "markdown").assert().success();
    let m = std::fs::metadata(&report).unwrap();
    assert_eq!((m.uid(), m.gid(), m.mode() & 0o7777), (1234, 5678, 0o600));
    assert!(std::fs::read_to_string(&report).unwrap().starts_with("# "), "the new report is in place");
}

/// Lower item of issue 28: `frameworks export --force` on a full disk left the directory
/// half replaced. Every file is written beside its own first; none replaces its file until
/// all are written, so a full disk leaves every customised file as it was (exit 1).
#[cfg_attr(not(is_root), ignore = "needs root: a tmpfs mount, files owned by another user")]
#[test]
fn an_export_that_fills_the_disk_replaces_no_file() {
    let disk = Tmpfs::mount(100);
    let fw = disk.0.path().join("fw");
    bin().args(["frameworks", "export"]).arg(&fw).assert().failure();
    let builtin = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("frameworks");
    let names: Vec<_> = std::fs::read_dir(builtin).unwrap().map(|e| e.unwrap().file_name()).collect();
    std::fs::remove_dir_all(&fw).unwrap();
    std::fs::create_dir(&fw).unwrap();
    for name in &names {
        std::fs::write(fw.join(name), "# customised\n").unwrap();
    }
    let out = bin().args(["frameworks", "export", "--force"]).arg(&fw).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    for name in &names {
        let kept = std::fs::read_to_string(fw.join(name)).unwrap();
        assert!(kept == "# customised\n", "{name:?} was replaced ({} bytes)", kept.len());
    }
    assert_eq!(std::fs::read_dir(&fw).unwrap().count(), names.len(), "no temporary left");
}
