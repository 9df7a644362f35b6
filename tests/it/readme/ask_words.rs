//! The live questionnaire's words are in `frameworks/report.toml` (`[ask]`), not in its Rust,
//! so a customised `--frameworks` copy changes what the person at the terminal reads.
//!
//! The guard reads every string literal of `src/ask/**/*.rs` outside comments and
//! `#[cfg(test)]` modules (as the layer test does) and fails on one that reads as English
//! wording: a capitalised word followed by another word ("Not now", "A whole number"), or
//! "don't know" in any case. It does not catch wording all in lower case ("enter keeps"), a
//! single word ("Answer"), text built from `char`s or macros, nor the part of a literal after a
//! `//` in it (the comment stripper does not know strings). Errors and diagnostics start in
//! lower case, so they pass: they are not the questionnaire's words.

use super::layers::{program_lines, rust_files};
use std::path::PathBuf;

/// The string literals of `source`, each with its 1-based line, escapes read as a space.
fn literals(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut chars = source.chars().peekable();
    let mut line = 1;
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            // A `'"'` is a character, not the start of a string; a lifetime `'a` is left alone.
            '\'' if chars.peek() == Some(&'"') => drop(chars.next()),
            '"' => {
                let start = line;
                let mut text = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            let escaped = chars.next();
                            line += usize::from(escaped == Some('\n'));
                            text.push(if escaped == Some('"') { '"' } else { ' ' });
                        }
                        c => {
                            line += usize::from(c == '\n');
                            text.push(c);
                        }
                    }
                }
                found.push((start, text));
            }
            _ => {}
        }
    }
    found
}

/// Whether a literal reads as wording for a person (see the module's comment).
fn is_wording(text: &str) -> bool {
    let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '\'');
    let tokens: Vec<&str> = text.split_whitespace().map(|t| t.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    let capital_pair = tokens.windows(2).any(|pair| {
        let (first, next) = (pair[0], pair[1]);
        word(first) && first.starts_with(char::is_uppercase) && word(next) && next.starts_with(char::is_lowercase)
    });
    capital_pair || text.to_lowercase().replace('’', "'").contains("don't know")
}

/// Every literal of `src/ask` that reads as wording, as `file:line: "text"`.
fn wording_in_ask() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ask"), &mut files);
    files.sort();
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let program = program_lines(&text).join("\n");
        let shown = path.strip_prefix(&root).unwrap().display().to_string();
        let wording = literals(&program).into_iter().filter(|(_, text)| is_wording(text));
        found.extend(wording.map(|(line, text)| format!("{shown}:{line}: {text:?}")));
    }
    found
}

#[test]
fn the_questionnaire_says_nothing_of_its_own_in_rust() {
    let found = wording_in_ask();
    assert!(
        found.is_empty(),
        "{} literals for the person at the terminal in src/ask; they belong in frameworks/report.toml [ask]:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_guard_sees_wording_and_leaves_placeholders_keys_and_errors_alone() {
    let source = "let a = \"Not now\";\nlet b = format!(\"{} of {}\", x, y);\n// \"Hidden in a comment\"\n\
        let c = '\"'; let d = \"x, or ? for don't know\";\nlet e = \"cannot read `{}`\"; let f = \"A whole \\\n  number\";\n\
        #[cfg(test)]\nmod tests {\n    const T: &str = \"Test Only\";\n}\n";
    let lines = program_lines(source).join("\n");
    let found: Vec<(usize, String)> = literals(&lines).into_iter().filter(|(_, t)| is_wording(t)).collect();
    let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [1, 4, 5], "{found:?}");
    assert!(!is_wording("{}/{} {}") && !is_wording("?") && !is_wording("\u{1b}[2J") && !is_wording("HTML"));
}
