//! Compiles the built-in frameworks: `frameworks/*.toml` is parsed once, at build time, into
//! the model types and stored in a compact binary form, so starting the tool costs a quick
//! deserialization instead of a TOML parse. The TOML files stay the source of truth (and are
//! still embedded for `frameworks export`); cross-references are checked at run time.

#[allow(dead_code)]
#[path = "src/frameworks/model.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/date.rs"]
mod date;

#[path = "src/frameworks/report_text.rs"]
mod report_text;

#[allow(dead_code)]
#[path = "src/frameworks/index.rs"]
mod index;

use model::Text;

/// Text is never borrowed from the built-in frameworks while they are being compiled.
fn builtin_text(_: &str) -> Option<&'static str> {
    None
}

use serde::de::DeserializeOwned;

fn parse<T: DeserializeOwned>(name: &str) -> T {
    let path = format!("frameworks/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    println!("cargo::rerun-if-changed=frameworks");
    println!("cargo::rerun-if-changed=src/frameworks/model.rs");
    println!("cargo::rerun-if-changed=src/date.rs");
    println!("cargo::rerun-if-changed=src/frameworks/report_text.rs");
    println!("cargo::rerun-if-changed=src/frameworks/index.rs");
    let compiled = model::Frameworks {
        sources: parse("sources.toml"),
        questionnaire: parse("questionnaire.toml"),
        scoring: parse("scoring.toml"),
        regulations: parse("regulations.toml"),
        risks: parse("risks.toml"),
        skills: parse("skills.toml"),
        roadmap: parse("roadmap.toml"),
        ethics: parse("ethics.toml"),
        models: parse("models.toml"),
        trends: parse("trends.toml"),
        technologies: parse("technologies.toml"),
        report: parse("report.toml"),
        business_case: parse("business_case.toml"),
        index: Default::default(),
    };
    let bytes = postcard::to_stdvec(&compiled).expect("the model serializes");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("frameworks.postcard");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
