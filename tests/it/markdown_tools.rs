//! The Markdown report read by the tools its readers use: markdownlint-cli2 (default rules, line
//! length aside) reports nothing and every Mermaid block parses with Mermaid's own parser, for
//! the sample report and for one whose every text is hostile.

use crate::common;
use crate::node;
use crate::sample;

use readiness::document::markdown;

fn check(files: &[&std::path::Path]) -> std::process::Output {
    node::run("check-markdown.mjs", files.iter().map(|f| f.as_os_str()))
}

#[cfg_attr(not(has_node), ignore = "needs Node and `npm ci` in tests/browser")]
#[test]
fn sample_and_hostile_reports_pass_markdownlint_and_mermaid() {
    let dir = node::keep_dir();
    let sample = dir.join("sample.md");
    let hostile = dir.join("hostile.md");
    std::fs::write(&sample, markdown::render(&sample::sample())).unwrap();
    std::fs::write(&hostile, markdown::render(&sample::hostile())).unwrap();
    let output = check(&[&sample, &hostile]);
    assert!(output.status.success(), "{}", node::describe(&output));
    assert!(node::describe(&output).contains("6 mermaid diagram(s) parsed"), "{}", node::describe(&output));
}

/// Each example's Markdown report, and the small shop's under a hostile company name, as
/// `assess --format markdown` writes them: lint-clean, and its two Mermaid charts (spider and
/// gantt) parse.
#[cfg_attr(not(has_node), ignore = "needs Node and `npm ci` in tests/browser")]
#[test]
fn every_example_report_passes_markdownlint_and_mermaid() {
    let dir = node::keep_dir();
    let hostile = common::hostile_example(&dir);
    let mut inputs: Vec<std::path::PathBuf> = common::EXAMPLES.iter().map(|e| common::example(e)).collect();
    inputs.push(hostile);
    let files: Vec<std::path::PathBuf> = inputs
        .iter()
        .map(|answers| {
            let file = dir.join(answers.file_name().unwrap()).with_extension("md");
            common::assess_file(answers, &["--format", "markdown", "--output", file.to_str().unwrap()]);
            file
        })
        .collect();
    let output = check(&files.iter().map(|f| f.as_path()).collect::<Vec<_>>());
    let said = node::describe(&output);
    assert!(output.status.success(), "{said}");
    assert!(said.contains(&format!("{} mermaid diagram(s) parsed", 2 * files.len())), "{said}");
}

/// `readiness batch --format markdown`: its spider chart parses, and a failed file's name full
/// of Markdown and Mermaid syntax is only text.
#[cfg_attr(not(has_node), ignore = "needs Node and `npm ci` in tests/browser")]
#[test]
fn the_portfolio_summary_passes_markdownlint_and_mermaid() {
    let file = node::keep_dir().join("portfolio.md");
    std::fs::write(&file, markdown::render(&sample::portfolio())).unwrap();
    let output = check(&[&file]);
    assert!(output.status.success(), "{}", node::describe(&output));
    assert!(node::describe(&output).contains("1 mermaid diagram(s) parsed"), "{}", node::describe(&output));
}

/// The checker must reject what the tools reject, or the test above proves nothing.
#[cfg_attr(not(has_node), ignore = "needs Node and `npm ci` in tests/browser")]
#[test]
fn the_checker_rejects_lint_errors_and_broken_diagrams() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("heading", "# Title\n\n## Ends with a full stop.\n", "MD026"),
        (
            "gantt",
            "# T\n\n```mermaid\ngantt\n  dateFormat YYYY-MM-DD\n  a :t1, 2001-13-45, 2001-02-01\n```\n",
            "Invalid date",
        ),
        ("xychart", "# T\n\n```mermaid\nxychart-beta\n  x-axis [\"a\"\n  bar [1]\n```\n", "Mermaid rejects"),
        ("radar", "# T\n\n```mermaid\nradar-beta\n  axis a[\"A\"\n  curve c{1}\n```\n", "Mermaid rejects"),
    ];
    for (name, text, expected) in cases {
        let file = dir.path().join(format!("{name}.md"));
        std::fs::write(&file, text).unwrap();
        let output = check(&[&file]);
        let said = node::describe(&output);
        assert!(!output.status.success() && said.contains(expected), "{name}: {said}");
    }
}
