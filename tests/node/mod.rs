//! Running the Node checks in `tests/browser`: they need Node, the npm packages (`npm ci` in
//! `tests/browser`) and, for HTML, Debian's Chromium. When one is missing a test says so and
//! skips, unless `READINESS_BROWSER_TESTS=required` (set by CI), which makes it a failure.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("browser")
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// Whether the tools are there; `false` after explaining why the caller should skip.
pub fn ready(needs_chromium: bool) -> bool {
    let mut missing = Vec::new();
    if Command::new("node").arg("--version").output().map_or(true, |o| !o.status.success()) {
        missing.push("node".to_string());
    }
    if !browser_dir().join("node_modules").is_dir() {
        missing.push("tests/browser/node_modules (run `npm ci` in tests/browser)".to_string());
    }
    if needs_chromium && !chromium().exists() {
        missing.push(chromium().display().to_string());
    }
    if missing.is_empty() {
        return true;
    }
    let missing = missing.join(", ");
    if std::env::var("READINESS_BROWSER_TESTS").as_deref() == Ok("required") {
        panic!("READINESS_BROWSER_TESTS=required, but missing: {missing}");
    }
    eprintln!("skipped: missing {missing}; set READINESS_BROWSER_TESTS=required to make this a failure");
    false
}

/// Runs a script of `tests/browser` with arguments.
pub fn run<S: AsRef<std::ffi::OsStr>>(script: &str, args: impl IntoIterator<Item = S>) -> Output {
    Command::new("node")
        .arg(browser_dir().join(script))
        .args(args)
        .current_dir(browser_dir())
        .output()
        .expect("node runs")
}

/// Where a test keeps what it writes for people to look at (screenshots, PDFs, reports).
pub fn keep_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("reports");
    std::fs::create_dir_all(&dir).expect("a directory for test reports");
    dir
}

pub fn describe(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}
