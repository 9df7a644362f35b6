//! The layers of `src/`, as the README's design describes them, checked on every `crate::` path:
//! a module may name only its own layer and the layers its row allows, and only the top layer
//! may name the command-line, terminal and prompt crates. The table below is the one place the
//! layer order is written.
//!
//! Below them all, the frameworks model is a crate of its own (`src/model`, `readiness-model`):
//! it cannot name the tool, since it does not depend on it, so the compiler enforces its layer;
//! here only its dependencies are checked.

use std::path::{Path, PathBuf};

struct Layer {
    name: &'static str,
    /// Top-level modules of `src/` (a file `x.rs` or a directory `x/`).
    modules: &'static [&'static str],
    /// The layers below it that it may use, besides its own.
    uses: &'static [&'static str],
}

const LAYERS: &[Layer] = &[
    Layer {
        name: "frameworks model",
        modules: &["frameworks", "date", "inert", "input", "diagnostic", "message", "words"],
        uses: &[],
    },
    Layer { name: "answers", modules: &["answers"], uses: &["frameworks model"] },
    Layer { name: "assessment", modules: &["assessment"], uses: &["frameworks model", "answers"] },
    Layer { name: "scoring", modules: &["score"], uses: &["frameworks model", "answers", "assessment"] },
    Layer {
        name: "engine",
        modules: &["workshop", "compare", "portfolio", "schema"],
        uses: &["frameworks model", "answers", "assessment", "scoring"],
    },
    // Beside the engine, not above it: a document knows nothing of scoring.
    Layer { name: "document", modules: &["document"], uses: &["frameworks model"] },
    Layer {
        name: "commands",
        modules: &["lib", "main", "app", "cli", "ask", "report", "catalog", "output", "testing"],
        uses: &["frameworks model", "answers", "assessment", "scoring", "engine", "document"],
    },
];

/// Crates for the command line, the terminal and prompts: only the commands name them.
const UI_CRATES: &[&str] = &["clap", "crossterm", "inquire", "comfy_table"];

/// Where a UI crate may appear below the commands, and why.
const UI_EXCEPTIONS: &[(&str, &str)] = &[
    // The terminal backend lays out its tables with comfy-table; it still sees only a document.
    ("document/terminal/", "comfy_table"),
];

/// The frameworks model's own crate, under `src/`: its `crate::` paths name itself.
const MODEL_CRATE: &str = "model";

/// What the model crate may depend on: serialization, schemas and a hash, nothing with a UI.
const MODEL_DEPENDENCIES: &[&str] = &["rustc-hash", "schemars", "serde", "proptest", "toml_edit"];

fn layer_of(module: &str) -> Option<&'static Layer> {
    LAYERS.iter().find(|layer| layer.modules.contains(&module))
}

/// The top-level module a file of `src/` belongs to: `score/risk.rs` → `score`, `app.rs` → `app`.
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy();
    first.strip_suffix(".rs").unwrap_or(&first).to_string()
}

pub(super) fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The lines of the program in a file, numbered as in the file: comments and `#[cfg(test)]`
/// modules blanked (test fixtures are not part of the layering). A test module ends where its
/// braces balance, so code after it is still checked.
pub(super) fn program_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().map(|line| line.find("//").map_or(line, |at| &line[..at])).collect();
    let mut at = 0;
    while at + 1 < lines.len() {
        if lines[at].trim() == "#[cfg(test)]" && lines[at + 1].trim_start().starts_with("mod ") {
            at = blank_item(&mut lines, at);
        } else {
            at += 1;
        }
    }
    lines
}

/// Blanks the item starting at line `from` (up to the line where its braces balance, or its
/// `;`) and returns the line after it.
fn blank_item(lines: &mut [&str], from: usize) -> usize {
    let mut depth = 0i32;
    for (at, slot) in lines.iter_mut().enumerate().skip(from) {
        let line = std::mem::take(slot);
        depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
        let closed = line.contains('}') || line.trim_end().ends_with(';');
        if depth <= 0 && closed {
            return at + 1;
        }
    }
    lines.len()
}

fn ident(text: &str) -> &str {
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len());
    &text[..end]
}

/// The top-level modules named by `crate::` paths, with their 1-based line:
/// `crate::score::x` and each branch of `crate::{answers::A, frameworks}`, across lines.
fn crate_paths(lines: &[&str]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut group_depth = 0usize;
    for (index, line) in lines.iter().enumerate() {
        let mut rest = *line;
        if group_depth > 0 {
            group_depth = group_names(rest, group_depth, index + 1, &mut found);
            continue;
        }
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "crate::".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                group_depth = group_names(group, 1, index + 1, &mut found);
                break;
            }
            found.push((index + 1, ident(rest).to_string()));
        }
    }
    found
}

/// Collects the names at depth 1 of a `crate::{…}` group from one line; returns the depth
/// at the end of the line (0 once the group is closed).
fn group_names(line: &str, mut depth: usize, number: usize, found: &mut Vec<(usize, String)>) -> usize {
    let mut expect_name = depth == 1;
    for (at, c) in line.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 1 => expect_name = true,
            c if expect_name && depth == 1 && (c.is_alphabetic() || c == '_') => {
                found.push((number, ident(&line[at..]).to_string()));
                expect_name = false;
            }
            _ => {}
        }
        if depth == 0 {
            return 0;
        }
    }
    depth
}

/// Every path of `src/` that points up or across, and every UI crate named below the commands.
fn violations() -> Vec<String> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for path in files {
        let relative = path.strip_prefix(&src).unwrap();
        if relative.starts_with(MODEL_CRATE) {
            continue;
        }
        let shown = format!("src/{}", relative.display());
        let module = module_of(relative);
        let Some(layer) = layer_of(&module) else {
            found.push(format!("{shown}: module `{module}` is in no layer of the table"));
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let lines = program_lines(&text);
        for (line, target) in crate_paths(&lines) {
            let allowed = match layer_of(&target) {
                Some(to) => to.name == layer.name || layer.uses.contains(&to.name),
                // An item of the crate root (`crate::run`) belongs to the commands.
                None => layer.name == "commands",
            };
            if !allowed {
                let to = layer_of(&target).map_or("the crate root", |to| to.name);
                found.push(format!("{shown}:{line}: {} ({module}) uses crate::{target} ({to})", layer.name));
            }
        }
        if layer.name != "commands" {
            found.extend(ui_crates(&shown, &lines));
        }
    }
    found
}

fn ui_crates(shown: &str, lines: &[&str]) -> Vec<String> {
    let excepted = |name: &str| UI_EXCEPTIONS.iter().any(|(under, c)| *c == name && shown.contains(under));
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        for name in UI_CRATES.iter().filter(|name| !excepted(name)) {
            let named = line.match_indices(&format!("{name}::")).any(|(at, _)| {
                !line[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            });
            if named {
                found.push(format!("{shown}:{}: names the UI crate {name}", index + 1));
            }
        }
    }
    found
}

#[test]
fn every_crate_path_in_src_points_down_the_layers() {
    let found = violations();
    assert!(found.is_empty(), "{} imports against the layers:\n{}", found.len(), found.join("\n"));
}

/// The model crate depends on nothing but what [`MODEL_DEPENDENCIES`] names (its tests and
/// build script included), so it can name neither the tool nor a UI crate.
#[test]
fn the_model_crate_depends_only_on_serialization() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src").join(MODEL_CRATE).join("Cargo.toml");
    let manifest: toml::Table = std::fs::read_to_string(manifest).unwrap().parse().unwrap();
    let tables = ["dependencies", "dev-dependencies", "build-dependencies"];
    let names: Vec<&String> =
        tables.iter().filter_map(|t| manifest.get(*t)?.as_table()).flat_map(|t| t.keys()).collect();
    assert!(names.len() >= 3, "the reader finds the dependencies: {names:?}");
    for name in names {
        assert!(MODEL_DEPENDENCIES.contains(&name.as_str()), "the model crate depends on {name}");
    }
}

#[test]
fn the_path_reader_sees_groups_across_lines_and_skips_comments_and_test_modules() {
    let source = "use crate::a::X;\n// crate::hidden\nuse crate::{\n    b::{C, D},\n    e,\n};\nlet x = $crate::m; f(crate::g::h);\n\
        #[cfg(test)]\nmod tests {\n    use crate::t;\n    fn f() { crate::u(); }\n}\nuse crate::after;";
    let lines = program_lines(source);
    let found: Vec<_> = crate_paths(&lines).into_iter().map(|(n, m)| format!("{n}:{m}")).collect();
    assert_eq!(found, ["1:a", "4:b", "5:e", "7:g", "13:after"]);
}

#[test]
fn every_module_of_the_table_is_in_one_layer_and_uses_only_layers_below() {
    for (at, layer) in LAYERS.iter().enumerate() {
        for used in layer.uses {
            let below = LAYERS[..at].iter().any(|l| l.name == *used);
            assert!(below, "{} uses {used}, which is not a layer below it", layer.name);
        }
        for module in layer.modules {
            assert_eq!(LAYERS.iter().filter(|l| l.modules.contains(module)).count(), 1, "{module}");
        }
    }
}
