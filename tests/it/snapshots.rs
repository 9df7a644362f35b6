//! Snapshots of what every command prints, run end to end through the binary: the reports of
//! the examples and of the workshop in every format and one in JSON, the portfolio in every
//! format, the template, a merged file, `validate`, `catalog`, `compare`, `frameworks`, `man`,
//! `completions`, every `--help`, what each command says when it writes a file, and the
//! messages of usage and input mistakes. A change to any output shows up as a reviewable diff
//! (`INSTA_UPDATE=always` and `git diff`, or `cargo insta review`). Elsewhere: the corpus's
//! errors for malformed files (`corpus.rs`), the schemas (`schema.rs`), the document backends
//! (`document.rs`); `render` prints what `assess` printed (`render.rs`).

use crate::common;

use common::{AS_OF, EXAMPLES, assess, bin, example};
use std::path::{Path, PathBuf};

const FORMATS: [&str; 3] = ["table", "markdown", "html"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary run in `dir`, with the help text at clap's default width whatever the caller's
/// `COLUMNS`.
fn output_in(dir: &Path, args: &[&str]) -> std::process::Output {
    bin().current_dir(dir).env_remove("COLUMNS").args(args).output().unwrap()
}

/// Standard output of a run in `dir` that must succeed.
fn run_in(dir: &Path, args: &[&str]) -> String {
    let out = output_in(dir, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn run(args: &[&str]) -> String {
    run_in(root(), args)
}

/// What a person sees of a run in `dir`: the command, its exit code, standard output and
/// standard error. The arguments are relative to `dir`, and `dir` in what it prints (the full
/// path of a file written) reads `<dir>`, so no machine's paths are in it.
fn transcript(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = output_in(dir, args);
    let full = dir.canonicalize().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap().replace(full.to_str().unwrap(), "<dir>");
    let code = out.status.code().expect("exited");
    let (stdout, stderr) = (text(out.stdout), text(out.stderr));
    (code, format!("$ readiness {}\nexit code {code}\n--- stdout\n{stdout}--- stderr\n{stderr}\n", args.join(" ")))
}

/// The values clap lists for an argument in the help of `args`, in order.
fn possible_values(args: &[&str]) -> Vec<String> {
    let help = run(&[args, &["--help"]].concat());
    let from = help.find("[possible values: ").expect("the help lists the values") + "[possible values: ".len();
    let to = help[from..].find(']').unwrap() + from;
    help[from..to].split(',').map(|v| v.trim().to_string()).collect()
}

#[test]
fn assess_each_example_in_every_format() {
    for name in EXAMPLES {
        for format in FORMATS {
            let stem = name.trim_end_matches(".toml");
            insta::assert_snapshot!(format!("assess-{stem}-{format}"), assess(name, &["--format", format]));
        }
    }
}

/// The three respondents of the workshop scored together: the workshop report.
#[test]
fn assess_the_workshop_in_every_format() {
    for format in FORMATS {
        insta::assert_snapshot!(format!("assess-workshop-{format}"), assess("workshop", &["--format", format]));
    }
}

/// The JSON whole for one example (its shape is held by the schema, its use by `render.rs`),
/// and what `--explain` and `--benchmark` add to the readiness section.
#[test]
fn assess_one_example_in_json_and_explained_against_a_portfolio() {
    insta::assert_snapshot!("assess-small-ecommerce-json", assess("small-ecommerce.toml", &["--format", "json"]));
    let dir = tempfile::tempdir().unwrap();
    let portfolio = dir.path().join("portfolio.jsonl");
    std::fs::write(&portfolio, batch("jsonl")).unwrap();
    let args = ["--report", "readiness", "--explain", "--benchmark", portfolio.to_str().unwrap()];
    insta::assert_snapshot!(
        "assess-small-ecommerce-readiness-explain-benchmark",
        assess("small-ecommerce.toml", &args)
    );
}

/// `batch` of the reference businesses, named one by one so the rows come in a fixed order
/// (a directory is read in the order the file system lists it).
fn batch(format: &str) -> String {
    let dir = root().join("tests/reference");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml") && !n.ends_with(".expected.toml"))
        .collect();
    names.sort();
    let mut args = vec!["batch", "--as-of", AS_OF, "--format", format];
    args.extend(names.iter().map(String::as_str));
    run_in(&dir, &args)
}

#[test]
fn batch_rows_and_the_portfolio_summary_in_every_format() {
    for format in ["csv", "jsonl", "table", "markdown", "html"] {
        insta::assert_snapshot!(format!("batch-reference-{format}"), batch(format));
    }
}

/// One respondent of the workshop against the three combined: what a workshop moved.
#[test]
fn compare_a_respondent_with_the_workshop_in_every_format() {
    let (one, all) = (example("workshop/maya-patel.toml"), example("workshop"));
    let (one, all) = (one.to_str().unwrap(), all.to_str().unwrap());
    for format in ["table", "markdown", "html", "json"] {
        let out = run(&["compare", one, all, "--as-of", AS_OF, "--format", format]);
        insta::assert_snapshot!(format!("compare-workshop-{format}"), out);
    }
}

#[test]
fn catalog_summary_and_technologies_in_every_format() {
    for kind in [None, Some("technologies")] {
        for format in ["table", "markdown", "html", "json"] {
            let mut args = vec!["catalog"];
            args.extend(kind);
            args.extend(["--format", format]);
            insta::assert_snapshot!(format!("catalog-{}-{format}", kind.unwrap_or("summary")), run(&args));
        }
    }
}

/// Every other catalogue in the terminal: their Markdown and HTML come from the same document
/// backends as the two above.
#[test]
fn catalog_every_other_kind() {
    for kind in possible_values(&["catalog"]).iter().filter(|k| *k != "technologies") {
        insta::assert_snapshot!(format!("catalog-{kind}-table"), run(&["catalog", kind]));
    }
}

#[test]
fn template_and_the_file_merge_writes_for_the_workshop() {
    insta::assert_snapshot!("template", run(&["template"]));
    insta::assert_snapshot!("merge-workshop", run_in(&example(""), &["merge", "workshop"]));
}

/// The examples, and the template with only the business context and two answers filled in:
/// the rest are named as unanswered.
#[test]
fn validate_the_examples_and_a_template_filled_in_part() {
    let (code, mut shown) = transcript(&example(""), &[&["validate"], &EXAMPLES[..]].concat());
    assert_eq!(code, 0, "{shown}");
    let dir = tempfile::tempdir().unwrap();
    common::fill_template(dir.path(), 2);
    let (code, filled) = transcript(dir.path(), &["validate", "mine.toml"]);
    assert_eq!(code, 0, "{filled}");
    shown.push_str(&filled);
    insta::assert_snapshot!("validate", shown);
}

/// The files under `dir`, relative to it, sorted.
fn listing(dir: &Path) -> String {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|f| format!("{}\n", f.file_name().unwrap().to_string_lossy())).collect()
}

/// Each command that writes a file, in an empty directory, and the files `frameworks export`
/// and `man --dir` write.
#[test]
fn every_command_that_writes_a_file_says_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::copy(example("small-ecommerce.toml"), dir.join("shop.toml")).unwrap();
    std::fs::create_dir(dir.join("workshop")).unwrap();
    for respondent in std::fs::read_dir(example("workshop")).unwrap() {
        let respondent = respondent.unwrap().path();
        std::fs::copy(&respondent, dir.join("workshop").join(respondent.file_name().unwrap())).unwrap();
    }
    let commands: [&[&str]; 8] = [
        &["template", "--output", "mine.toml"],
        &["assess", "--answers", "shop.toml", "--as-of", AS_OF, "--format", "json", "--output", "shop.json"],
        &["render", "shop.json", "--format", "html", "--output", "shop.html"],
        &["batch", "shop.toml", "--as-of", AS_OF, "--format", "csv", "--output", "portfolio.csv"],
        &["merge", "workshop", "--output", "consensus.toml"],
        &["frameworks", "export", "fw"],
        &["frameworks", "check", "fw"],
        &["man", "--dir", "man"],
    ];
    let mut shown = String::new();
    for args in commands {
        let (code, run) = transcript(dir, args);
        assert_eq!(code, 0, "{run}");
        shown.push_str(&run);
    }
    for written in ["fw", "man"] {
        shown.push_str(&format!("--- files in {written}/\n{}", listing(&dir.join(written))));
    }
    insta::assert_snapshot!("written-files", shown);
}

/// The man page whole; of each completion script, its length and first lines: the commands and
/// flags they complete are those of the help, snapshotted below, and `cli.rs` loads the bash one.
#[test]
fn man_page_and_the_start_of_every_completion_script() {
    insta::assert_snapshot!("man", run(&["man"]));
    let mut shown = String::new();
    for shell in possible_values(&["completions"]) {
        let script = run(&["completions", &shell]);
        let start: Vec<&str> = script.lines().take(3).collect();
        shown.push_str(&format!("--- {shell}: {} lines\n{}\n", script.lines().count(), start.join("\n")));
    }
    insta::assert_snapshot!("completions", shown);
}

/// The subcommands a help text lists under "Commands:", `help` aside.
fn subcommands(help: &str) -> Vec<String> {
    let listed = help.lines().skip_while(|l| *l != "Commands:").skip(1).take_while(|l| !l.is_empty());
    // A command's name is indented two spaces; its description's continuation lines more.
    let names = listed.filter(|l| l.as_bytes().get(2).is_some_and(|b| *b != b' '));
    names.filter_map(|l| l.split_whitespace().next()).filter(|c| *c != "help").map(str::to_string).collect()
}

/// `--help` of `command` and of each subcommand under it, depth first.
fn help_of(command: &[String], shown: &mut String) {
    let args: Vec<&str> = command.iter().map(String::as_str).chain(["--help"]).collect();
    let help = run(&args);
    shown.push_str(&format!("$ readiness {}\n{help}\n", args.join(" ")));
    for sub in subcommands(&help) {
        help_of(&[command, &[sub]].concat(), shown);
    }
}

#[test]
fn version_and_the_help_of_every_command() {
    let mut shown = run(&["--version"]);
    help_of(&[], &mut shown);
    assert!(shown.contains("$ readiness frameworks check --help"), "a nested command's help is in");
    insta::assert_snapshot!("help", shown);
}

/// Mistakes of usage and input beyond the corpus's malformed files, run in `examples/`.
const MISTAKES: [&[&str]; 9] = [
    &["assess", "small-ecommerce.toml"],
    &["assess", "--answers", "small-ecommerce.toml", "--as-of", "2026-13-01"],
    &["assess", "--answers", "small-ecommerce.toml", "--report", "nope"],
    &["assess", "--answers", "small-ecommerce.toml", "--as-of", AS_OF, "--benchmark", "small-ecommerce.toml"],
    &["render", "small-ecommerce.toml"],
    &["batch", "small-ecommerce.toml", "../tests/corpus/answers/level-nan.toml", "--as-of", AS_OF, "--format", "csv"],
    &["compare", "small-ecommerce.toml", "b2b-software.toml", "--as-of", AS_OF],
    &["merge", "small-ecommerce.toml", "b2b-software.toml"],
    &["catalog", "nope"],
];

#[test]
fn every_mistake_is_named_with_exit_code_2() {
    let mut shown = String::new();
    for args in MISTAKES {
        let (code, run) = transcript(&example(""), args);
        assert_eq!(code, 2, "{run}");
        assert!(!run.contains("panicked"), "{run}");
        shown.push_str(&run);
    }
    insta::assert_snapshot!("mistakes", shown);
}
