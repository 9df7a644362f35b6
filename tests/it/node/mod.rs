//! Running the Node checks in `tests/browser`: they need Node, the npm packages (`npm ci` in
//! `tests/browser`) and, for HTML, Debian's Chromium. `build.rs` looks for them: without them
//! the tests are ignored with the reason, and `READINESS_BROWSER_TESTS=required` (set by CI)
//! makes their absence a build failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("browser")
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
