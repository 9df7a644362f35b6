//! The README's methodology section is the report's Appendix A, word for word: both come from
//! the scoring data, so neither can drift from what the tool computes. `SNAPSHOTS=overwrite`
//! rewrites the README section from the tool, for review in the diff.

mod common;
#[path = "readme/layers.rs"]
mod layers;

use std::path::PathBuf;

const START: &str = "<!-- methodology: generated from the report's Appendix A; do not edit -->\n";
const END: &str = "<!-- methodology: end -->\n";

/// Appendix A of a Markdown report, without its heading.
fn appendix_a() -> String {
    let words = readiness::frameworks::Frameworks::builtin().unwrap().report;
    let md = common::assess("small-ecommerce.toml", &["--format", "markdown"]);
    let heading = |title: &str| format!("### {title}\n\n");
    let from = md.find(&heading(&words.appendix.methodology)).expect("Appendix A")
        + heading(&words.appendix.methodology).len();
    let to = md[from..].find(&heading(&words.appendix.answers)).expect("Appendix B") + from;
    md[from..to].to_string()
}

#[test]
fn the_readme_methodology_is_the_reports_appendix_a() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let from = readme.find(START).expect("README has the methodology start marker") + START.len();
    let to = readme[from..].find(END).expect("README has the methodology end marker") + from;
    let expected = appendix_a();
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::write(&path, format!("{}{expected}{}", &readme[..from], &readme[to..])).unwrap();
        return;
    }
    assert!(
        readme[from..to] == expected,
        "README's methodology differs from the report's Appendix A; run SNAPSHOTS=overwrite cargo test --test readme\n{expected}"
    );
}
