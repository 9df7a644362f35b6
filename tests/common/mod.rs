//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::PathBuf;

pub const AS_OF: &str = "2026-11-25";

pub fn bin() -> Command {
    Command::cargo_bin("readiness").expect("binary built")
}

pub fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)
}

pub const EXAMPLES: [&str; 3] = ["small-ecommerce.toml", "b2b-software.toml", "large-retailer-gdpr.toml"];

/// Runs `assess` on an example with extra arguments and returns stdout.
pub fn assess(name: &str, extra: &[&str]) -> String {
    let out =
        bin().arg("assess").arg("--answers").arg(example(name)).args(["--as-of", AS_OF]).args(extra).output().unwrap();
    assert!(out.status.success(), "assess failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

pub fn assess_json(name: &str) -> serde_json::Value {
    serde_json::from_str(&assess(name, &["--format", "json"])).expect("valid JSON")
}
