//! The report's words are declared once, in `frameworks/report.toml`: this generates
//! `ReportText` from it (one field per key, a struct per table, the comments above a key as its
//! doc comment) into `OUT_DIR/report_text.rs`, which `report_text.rs` includes. The compiler
//! then checks every use of a sentence, and a customised `report.toml` missing a key, or with
//! one too many, fails to load naming it. Fields follow the file's order.

use toml_edit::{Item, TableLike, Value};

const REPORT: &str = "../../frameworks/report.toml";

/// Tables whose keys are data, not sentences: source and evidence kinds, British words. They are maps.
const MAPS: [&str; 3] = ["appendix.kinds", "technologies.evidence_kinds", "deliverable.us_spelling"];

fn main() {
    println!("cargo::rerun-if-changed={REPORT}");
    let text = std::fs::read_to_string(REPORT).unwrap_or_else(|e| panic!("{REPORT}: {e}"));
    let doc: toml_edit::DocumentMut = text.parse().unwrap_or_else(|e| panic!("{REPORT}: {e}"));
    let mut structs = Vec::new();
    table("", "ReportText", "The words of the report.", doc.as_table(), &mut structs);
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("report_text.rs"), structs.concat()).expect("OUT_DIR is writable");
}

/// A table as a struct named `name`, its source pushed to `structs` (nested ones first).
fn table(path: &str, name: &str, doc: &str, t: &dyn TableLike, structs: &mut Vec<String>) {
    let mut source = String::new();
    for (key, item) in t.iter() {
        let at = if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
        let ty = field_type(&at, key, item, structs);
        let key_doc = t.key(key).map(|k| comment(k.leaf_decor().prefix())).unwrap_or_default();
        let table_doc = item.as_table().map(|t| comment(t.decor().prefix())).unwrap_or_default();
        source.push_str(&doc_lines(if key_doc.is_empty() { &table_doc } else { &key_doc }, "    "));
        source.push_str(&format!("    pub {key}: {ty},\n"));
    }
    assert!(!structs.iter().any(|s| s.contains(&format!("pub struct {name} "))), "{path}: two tables named {name}");
    structs.push(format!(
        "{}#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]\n#[serde(deny_unknown_fields)]\npub struct {name} {{\n{source}}}\n\n",
        doc_lines(doc, "")
    ));
}

/// The Rust type of a key's field (a nested table's struct pushed to `structs`).
fn field_type(path: &str, key: &str, item: &Item, structs: &mut Vec<String>) -> String {
    let nested = |t: &dyn TableLike, structs: &mut Vec<String>| {
        if MAPS.contains(&path) {
            return "BTreeMap<Text, Text>".to_string();
        }
        let name = format!("{}Text", camel(key));
        table(path, &name, "", t, structs);
        name
    };
    match item {
        Item::Table(t) => nested(t, structs),
        Item::Value(Value::InlineTable(t)) => nested(t, structs),
        Item::Value(Value::String(_)) => "Text".into(),
        Item::Value(Value::Integer(n)) => {
            assert!(*n.value() >= 0, "{REPORT} `{path}`: a count");
            "usize".into()
        }
        Item::Value(Value::Float(_)) => "f64".into(),
        Item::Value(Value::Boolean(_)) => "bool".into(),
        Item::Value(Value::Array(a)) => {
            assert!(a.iter().all(|v| v.is_str()), "{REPORT} `{path}`: expected a list of text");
            "Vec<Text>".into()
        }
        _ => panic!("{REPORT} `{path}`: expected text, a list of text, a number, a flag or a table"),
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
