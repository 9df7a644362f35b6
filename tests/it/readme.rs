//! The README's methodology section is the report's Appendix A, word for word: both come from
//! the scoring data, so neither can drift from what the tool computes. `INSTA_UPDATE=always`,
//! which rewrites the snapshots, rewrites the README section from the tool too, for review in
//! the diff.

mod ask_words;
mod layers;

use crate::common;
use readiness::frameworks::Load;
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
    if std::env::var("INSTA_UPDATE").as_deref() == Ok("always") {
        std::fs::write(&path, format!("{}{expected}{}", &readme[..from], &readme[to..])).unwrap();
        return;
    }
    assert!(
        readme[from..to] == expected,
        "README's methodology differs from the report's Appendix A; run INSTA_UPDATE=always cargo test --test it readme::\n{expected}"
    );
}

fn readme() -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The lines of the README's code blocks marked `sh`, block by block.
fn shell_blocks(readme: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while lines.by_ref().any(|l| l == "```sh") {
        blocks.push(lines.by_ref().take_while(|l| *l != "```").map(str::to_string).collect());
    }
    blocks
}

/// The words of a shell line, for the plain lines the README shows (no quoting).
fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

#[test]
fn the_readme_opens_with_what_it_is_a_picture_and_the_two_commands_that_work() {
    let readme = readme();
    let first_heading = readme.lines().skip(1).position(|l| l.starts_with("## ")).unwrap();
    let before: Vec<&str> = readme.lines().take(first_heading).collect();
    assert!(before.iter().any(|l| l.starts_with("`readiness` tells a business")), "what the tool is comes first");
    assert!(before.iter().any(|l| l.starts_with("![")), "a picture of the report comes before the first section");
    let blocks = shell_blocks(&readme);
    assert_eq!(blocks[0], ["cargo run --release -- assess --answers examples/small-ecommerce.toml", "cargo test"]);
    // The first command's arguments, run through the binary `cargo run` builds.
    let args = words(&blocks[0][0]);
    let after = args.iter().position(|w| *w == "--").unwrap() + 1;
    let out = common::bin().current_dir(env!("CARGO_MANIFEST_DIR")).args(&args[after..]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let words = readiness::frameworks::Frameworks::builtin().unwrap().report;
    assert!(String::from_utf8_lossy(&out.stdout).contains(words.summary.title.as_str()), "no report printed");
    assert!(blocks.iter().any(|b| b == &["cargo install --path ."]), "the README says how to install the command");
}

#[test]
fn the_newcomers_commands_in_the_readme_run_on_a_template_filled_in_part() {
    let blocks = shell_blocks(&readme());
    let block = blocks
        .iter()
        .find(|b| b.first().is_some_and(|l| l.starts_with("readiness template")))
        .expect("a block from the template on");
    let dir = tempfile::tempdir().unwrap();
    for line in block {
        let args = words(line);
        assert_eq!(args[0], "readiness", "{line}");
        let out = common::bin().current_dir(dir.path()).args(&args[1..]).output().unwrap();
        assert!(out.status.success(), "`{line}`: {}", String::from_utf8_lossy(&out.stderr));
        if args[1] == "template" {
            // What the README asks of the reader between the commands: fill in what you know.
            let path = dir.path().join(args.last().unwrap());
            let (text, _) = common::filled_template(std::fs::read_to_string(&path).unwrap(), 2);
            std::fs::write(&path, text).unwrap();
        }
    }
    assert!(dir.path().join("mine.html").is_file(), "the last command writes the report it names");
}

#[test]
fn every_command_the_readme_shows_exists() {
    let readme = readme();
    let mut subcommands: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("readiness "))
        .filter_map(|rest| rest.split_whitespace().next())
        .collect();
    subcommands.sort_unstable();
    subcommands.dedup();
    assert!(subcommands.len() >= 10, "{subcommands:?}");
    for sub in subcommands {
        let out = common::bin().args([sub, "--help"]).output().unwrap();
        assert!(out.status.success(), "the README shows `readiness {sub}`, which does not exist");
    }
}

#[test]
fn the_readmes_rust_version_licence_and_links_hold() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = readme();
    let manifest: toml::Table = toml::from_str(&std::fs::read_to_string(root.join("Cargo.toml")).unwrap()).unwrap();
    let package = manifest["package"].as_table().unwrap();
    let rust = package["rust-version"].as_str().unwrap();
    assert!(
        readme.contains(&format!("You need Rust {rust} or later")),
        "the README states another Rust version than {rust}"
    );
    assert_eq!(package["license"].as_str(), Some("MIT OR Apache-2.0"));
    // Every relative link and picture points at a file that is there.
    let links: Vec<&str> = readme.split("](").skip(1).filter_map(|rest| rest.split(')').next()).collect();
    for link in links.iter().filter(|l| !l.contains("://") && !l.starts_with('#')) {
        assert!(root.join(link).exists(), "the README links to {link}, which does not exist");
    }
    for file in [
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "CHANGELOG.md",
        "docs/performance.md",
        "docs/design.md",
        "docs/report-first-page.png",
    ] {
        assert!(links.contains(&file), "the README does not link {file}");
    }
}

/// Every `cargo test --test NAME` the README and docs show names a test binary there is, and a
/// filter `MODULE::` after it a module of that binary.
#[test]
fn every_test_binary_and_module_the_docs_name_exists() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_dir(root.join("docs")).unwrap().map(|e| e.unwrap().path());
    let mut named = 0;
    for doc in docs.filter(|p| p.extension().is_some_and(|x| x == "md")).chain([root.join("README.md")]) {
        let text = std::fs::read_to_string(&doc).unwrap();
        for rest in text.split("cargo test --test ").skip(1) {
            let mut words = rest.split(|c: char| c.is_whitespace() || c == '`');
            let name = words.next().unwrap();
            let binary = root.join("tests").join(name);
            let doc = doc.strip_prefix(&root).unwrap().display();
            let exists = binary.with_extension("rs").is_file() || binary.join("main.rs").is_file();
            assert!(exists, "{doc}: `cargo test --test {name}` names no test binary");
            if let Some(module) = words.next().and_then(|w| w.strip_suffix("::")) {
                let exists = binary.join(format!("{module}.rs")).is_file();
                assert!(exists, "{doc}: `cargo test --test {name} {module}::` names no module of it");
            }
            named += 1;
        }
    }
    assert!(named >= 2, "the README names the test binaries");
}

/// The README's word on the tests holds: two binaries, and every file of `tests/it/` a module
/// of the first (a file without its `mod` line in `main.rs` would never be compiled).
#[test]
fn the_tests_are_two_binaries_and_every_file_of_the_first_is_a_module() {
    let tests = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let entries = |dir: &std::path::Path| std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path());
    let is_rust = |p: &PathBuf| p.extension().is_some_and(|x| x == "rs");
    let mut binaries: Vec<PathBuf> = entries(&tests).filter(|p| is_rust(p) || p.join("main.rs").is_file()).collect();
    binaries.sort();
    assert_eq!(binaries, [tests.join("it"), tests.join("memory.rs")], "the README says which the test binaries are");
    let main = std::fs::read_to_string(tests.join("it/main.rs")).unwrap();
    for file in entries(&tests.join("it")).filter(is_rust) {
        let module = file.file_stem().unwrap().to_str().unwrap();
        let declared = module == "main" || main.lines().any(|l| l == format!("mod {module};"));
        assert!(declared, "{} is not compiled: tests/it/main.rs has no `mod {module};`", file.display());
    }
}
