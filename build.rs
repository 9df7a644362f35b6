//! Compiles the built-in frameworks: `frameworks/*.toml` is parsed once, at build time, into
//! the model types and stored in a compact binary form, so starting the tool costs a quick
//! deserialization instead of a TOML parse. The TOML files stay the source of truth (and are
//! still embedded for `frameworks export`); cross-references are checked at run time.

#[allow(dead_code)]
#[path = "src/frameworks/model.rs"]
mod model;

use serde::de::DeserializeOwned;

fn parse<T: DeserializeOwned>(name: &str) -> T {
    let path = format!("frameworks/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    println!("cargo::rerun-if-changed=frameworks");
    println!("cargo::rerun-if-changed=src/frameworks/model.rs");
    // The order of `BUILTIN` in src/frameworks/mod.rs.
    let compiled: (
        model::Sources,
        model::Questionnaire,
        model::Scoring,
        model::RiskCatalog,
        model::SkillsFramework,
        model::Roadmap,
        model::Ethics,
        model::Models,
        model::Trends,
        model::Technologies,
    ) = (
        parse("sources.toml"),
        parse("questionnaire.toml"),
        parse("scoring.toml"),
        parse("risks.toml"),
        parse("skills.toml"),
        parse("roadmap.toml"),
        parse("ethics.toml"),
        parse("models.toml"),
        parse("trends.toml"),
        parse("technologies.toml"),
    );
    let bytes = postcard::to_stdvec(&compiled).expect("the model serializes");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("frameworks.postcard");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
