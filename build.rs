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

#[allow(dead_code)]
#[path = "src/frameworks/index.rs"]
mod index;

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
    probe_test_tools();
    println!("cargo::rerun-if-changed=frameworks");
    println!("cargo::rerun-if-changed=src/frameworks/model.rs");
    println!("cargo::rerun-if-changed=src/date.rs");
    println!("cargo::rerun-if-changed=src/frameworks/index.rs");
    let (report, source) = report_text::read("frameworks/report.toml");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("report_text.rs"), source).expect("OUT_DIR is writable");
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
        report: std::sync::Arc::new(report),
        business_case: parse("business_case.toml"),
        index: Default::default(),
    };
    let bytes = postcard::to_stdvec(&compiled).expect("the model serializes");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("frameworks.postcard");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}

/// Which tools the browser, Markdown, schema and root-only tests need are here, as cfgs they are
/// ignored by (with the reason), so a missing tool never shows as a passed test. Where CI asks
/// for them (`READINESS_BROWSER_TESTS`, `READINESS_ROOT_TESTS`, `CI`), a missing one fails the
/// build instead of quietly ignoring the tests.
fn probe_test_tools() {
    for var in ["PATH", "CHROMIUM", "READINESS_BROWSER_TESTS", "READINESS_ROOT_TESTS", "CI"] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    // `npm ci` fills tests/browser/node_modules; watching the directory notices it.
    println!("cargo::rerun-if-changed=tests/browser");
    let required = |var: &str, value: &str| std::env::var(var).is_ok_and(|v| v == value);
    let browser = required("READINESS_BROWSER_TESTS", "required");
    let chromium = std::env::var_os("CHROMIUM").unwrap_or_else(|| "/usr/bin/chromium".into());
    let node = succeeds("node", &["--version"]) && std::path::Path::new("tests/browser/node_modules").is_dir();
    let tools = [
        ("has_chromium", std::path::Path::new(&chromium).exists(), browser),
        ("has_node", node, browser),
        ("has_jsonschema", succeeds("python3", &["-c", "import jsonschema"]), std::env::var_os("CI").is_some()),
        ("is_root", std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout == b"0\n"), {
            required("READINESS_ROOT_TESTS", "required")
        }),
    ];
    for (cfg, present, must) in tools {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        assert!(present || !must, "the tests are required to run, but `{cfg}` does not hold (see .ci/run)");
        if present {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}

/// Whether a command runs and exits successfully.
fn succeeds(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program).args(args).output().is_ok_and(|o| o.status.success())
}

/// The report's words are declared once, in `frameworks/report.toml`: this generates
/// `ReportText` from it (one field per key, a struct per table, the comments above a key as
/// its doc comment) into `OUT_DIR/report_text.rs`, which `src/frameworks/report_text.rs`
/// includes. The compiler still checks every use of a sentence, and a customised `report.toml`
/// missing a key fails to load naming it. Here the words stay as the file has them, in its
/// order: the order of the generated fields, in which postcard writes a struct.
mod report_text {
    use serde::ser::{SerializeMap, SerializeTuple};
    use std::collections::BTreeMap;
    use toml_edit::{Item, TableLike, Value};

    /// Tables whose keys are data, not sentences: source kinds, British words. They are maps.
    const MAPS: [&str; 2] = ["appendix.kinds", "deliverable.us_spelling"];

    /// What `model::Frameworks` holds here for the report: the words, in the file's order.
    pub type ReportText = Words;

    #[derive(Debug, Clone)]
    pub enum Words {
        Text(String),
        List(Vec<String>),
        Count(u64),
        Number(f64),
        Flag(bool),
        Map(BTreeMap<String, String>),
        Struct(Vec<Words>),
    }

    /// As the generated types serialize: `Text` as a string, `usize` as a u64 (whole numbers
    /// are counts; `f64` and `bool` as themselves), a struct as its fields one after another.
    impl serde::Serialize for Words {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Words::Text(text) => serializer.serialize_str(text),
                Words::List(items) => serializer.collect_seq(items),
                Words::Count(n) => serializer.serialize_u64(*n),
                Words::Number(x) => serializer.serialize_f64(*x),
                Words::Flag(b) => serializer.serialize_bool(*b),
                Words::Map(map) => {
                    let mut out = serializer.serialize_map(Some(map.len()))?;
                    map.iter().try_for_each(|(k, v)| out.serialize_entry(k, v))?;
                    out.end()
                }
                Words::Struct(fields) => {
                    let mut out = serializer.serialize_tuple(fields.len())?;
                    fields.iter().try_for_each(|f| out.serialize_element(f))?;
                    out.end()
                }
            }
        }
    }

    /// Never called: `model::Frameworks` derives `Deserialize`, but here it is only written.
    impl<'de> serde::Deserialize<'de> for Words {
        fn deserialize<D: serde::Deserializer<'de>>(_: D) -> Result<Words, D::Error> {
            Err(serde::de::Error::custom("build.rs reads report.toml with toml_edit, in its order"))
        }
    }

    /// The words of `path`, and the Rust source of the structs that hold them.
    pub fn read(path: &str) -> (Words, String) {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let doc: toml_edit::DocumentMut = text.parse().unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut structs = Vec::new();
        let words = table("", "ReportText", "The words of the report.", doc.as_table(), &mut structs);
        (words, structs.concat())
    }

    /// A table as a struct named `name`, its source pushed to `structs` (nested ones first).
    fn table(path: &str, name: &str, doc: &str, t: &dyn TableLike, structs: &mut Vec<String>) -> Words {
        let mut fields = Vec::new();
        let mut source = String::new();
        for (key, item) in t.iter() {
            let at = if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
            let (words, ty) = value(&at, key, item, structs);
            let key_doc = t.key(key).map(|k| comment(k.leaf_decor().prefix())).unwrap_or_default();
            let table_doc = item.as_table().map(|t| comment(t.decor().prefix())).unwrap_or_default();
            source.push_str(&doc_lines(if key_doc.is_empty() { &table_doc } else { &key_doc }, "    "));
            source.push_str(&format!("    pub {key}: {ty},\n"));
            fields.push(words);
        }
        assert!(!structs.iter().any(|s| s.contains(&format!("pub struct {name} "))), "{path}: two tables named {name}");
        structs.push(format!(
            "{}#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]\n#[serde(deny_unknown_fields)]\npub struct {name} {{\n{source}}}\n\n",
            doc_lines(doc, "")
        ));
        Words::Struct(fields)
    }

    /// A key's words and the Rust type of its field.
    fn value(path: &str, key: &str, item: &Item, structs: &mut Vec<String>) -> (Words, String) {
        let strings =
            |v: &Value| v.as_str().unwrap_or_else(|| panic!("report.toml `{path}`: expected text")).to_string();
        let nested = |t: &dyn TableLike, structs: &mut Vec<String>| {
            if MAPS.contains(&path) {
                let map =
                    t.iter().map(|(k, v)| (k.to_string(), v.as_value().map(strings).unwrap_or_default())).collect();
                return (Words::Map(map), "BTreeMap<Text, Text>".to_string());
            }
            let name = format!("{}Text", camel(key));
            (table(path, &name, "", t, structs), name)
        };
        match item {
            Item::Table(t) => nested(t, structs),
            Item::Value(Value::InlineTable(t)) => nested(t, structs),
            Item::Value(Value::String(s)) => (Words::Text(s.value().clone()), "Text".into()),
            Item::Value(Value::Integer(n)) => {
                let n = u64::try_from(*n.value()).unwrap_or_else(|_| panic!("report.toml `{path}`: a count"));
                (Words::Count(n), "usize".into())
            }
            Item::Value(Value::Float(x)) => (Words::Number(*x.value()), "f64".into()),
            Item::Value(Value::Boolean(b)) => (Words::Flag(*b.value()), "bool".into()),
            Item::Value(Value::Array(a)) => (Words::List(a.iter().map(strings).collect()), "Vec<Text>".into()),
            _ => panic!("report.toml `{path}`: expected text, a list of text, a number, a flag or a table"),
        }
    }

    /// The comment lines right above a key or table header, with no blank line between.
    fn comment(prefix: Option<&toml_edit::RawString>) -> String {
        let text = prefix.and_then(|p| p.as_str()).unwrap_or("").trim_end_matches([' ', '\t']);
        let lines: Vec<&str> = text.lines().collect();
        let above = lines.iter().rev().take_while(|l| l.trim_start().starts_with('#')).count();
        lines[lines.len() - above..].join("\n")
    }

    /// `# text` lines as `/// text` lines, indented.
    fn doc_lines(comment: &str, indent: &str) -> String {
        let lines = comment.lines().map(|l| l.trim().trim_start_matches('#').trim_start());
        lines.filter(|l| !l.is_empty()).map(|l| format!("{indent}/// {l}\n")).collect()
    }

    /// `business_case` as `BusinessCase`.
    fn camel(key: &str) -> String {
        key.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect()
    }
}
