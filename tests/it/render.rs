//! `render REPORT.json` reproduces `assess` byte for byte: the JSON report carries the
//! decisions and figures, and the words come from the same frameworks (built in, or the
//! `--frameworks DIR` the report was assessed with), so a saved report can be turned into any
//! format later without the answers.

use crate::common;

use common::{AS_OF, EXAMPLES, assess_file, bin, example};
use std::path::{Path, PathBuf};

/// Every example, every reference business and the workshop example.
fn assessed() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = std::fs::read_dir(root.join("tests/reference")).unwrap().map(|e| e.unwrap().path());
    let mut paths: Vec<PathBuf> = EXAMPLES.iter().map(|name| example(name)).collect();
    paths.extend(reference.filter(|p| !p.to_string_lossy().ends_with(".expected.toml")));
    paths.push(root.join("examples/workshop"));
    paths.sort();
    paths
}

/// `render` of `json` in `format` with `extra` arguments: its exit code, stdout and stderr.
fn render(json: &Path, format: &str, extra: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = bin().arg("render").arg(json).args(["--format", format]).args(extra).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn rendering_each_json_report_gives_the_same_bytes_as_assess_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let paths = assessed();
    assert_eq!(paths.len(), 3 + 15 + 1, "the examples, the reference businesses and the workshop");
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let json = dir.path().join(&name).with_extension("json");
        std::fs::write(&json, assess_file(&path, &["--format", "json"])).unwrap();
        for format in ["table", "markdown", "html", "json"] {
            let direct = assess_file(&path, &["--format", format]);
            let (code, rendered, stderr) = render(&json, format, &[]);
            assert_eq!(code, Some(0), "{name} {format}: {stderr}");
            assert!(rendered == direct, "{name}: render --format {format} differs from assess");
        }
    }
}

/// A report assessed with customised words renders with them again when given the same
/// `--frameworks`, and with the built-in words without it: the words are not in the JSON.
#[test]
fn a_report_renders_in_the_words_of_the_frameworks_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let fw = dir.path().join("fw");
    assert!(bin().args(["frameworks", "export"]).arg(&fw).output().unwrap().status.success());
    let text = std::fs::read_to_string(fw.join("report.toml")).unwrap();
    let title = "title = \"{company}: AI marketing readiness\"";
    assert!(text.contains(title), "report.toml has its title");
    let custom = "title = \"{company}: readiness for AI in marketing\"";
    std::fs::write(fw.join("report.toml"), text.replacen(title, custom, 1)).unwrap();
    let answers = example("small-ecommerce.toml");
    let with = |format: &str| {
        let mut cmd = bin();
        cmd.args(["assess", "--as-of", AS_OF, "--format", format, "--frameworks"]).arg(&fw);
        let out = cmd.arg("--answers").arg(&answers).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let json = dir.path().join("report.json");
    std::fs::write(&json, with("json")).unwrap();
    for format in ["table", "markdown", "html"] {
        let (code, rendered, stderr) = render(&json, format, &["--frameworks".as_ref(), fw.as_os_str()]);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(rendered == with(format), "render --frameworks --format {format} differs from assess --frameworks");
        assert!(rendered.contains("readiness for AI in marketing"), "{format}: the customised title");
        let (_, builtin, _) = render(&json, format, &[]);
        assert!(!builtin.contains("readiness for AI in marketing"), "{format}: the built-in words without it");
    }
}

/// A report naming a technology the frameworks lack (assessed with other frameworks, or
/// edited by hand) is bad input, naming the id and the way out, rather than a report that
/// shows a raw id.
#[test]
fn a_report_naming_ids_the_frameworks_lack_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let mut report = common::assess_json("small-ecommerce.toml");
    report["technologies"][0]["id"] = "made_up_technology".into();
    let json = dir.path().join("edited.json");
    std::fs::write(&json, serde_json::to_string(&report).unwrap()).unwrap();
    let (code, stdout, stderr) = render(&json, "table", &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty(), "nothing rendered");
    assert!(stderr.contains("technology `made_up_technology`"), "{stderr}");
    assert!(stderr.contains("--frameworks"), "{stderr}");
}

/// Reports written before the words left the JSON carry them under `report`: they still
/// render, in the words of the frameworks given, as a report without them.
#[test]
fn a_report_written_with_its_words_still_renders_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut report = common::assess_json("small-ecommerce.toml");
    let json = dir.path().join("new.json");
    std::fs::write(&json, serde_json::to_string(&report).unwrap()).unwrap();
    report["report"] = serde_json::json!({ "text": { "title": "{company}: older words" }, "methodology": [] });
    let old = dir.path().join("old.json");
    std::fs::write(&old, serde_json::to_string(&report).unwrap()).unwrap();
    let (code, rendered, stderr) = render(&old, "markdown", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(rendered == render(&json, "markdown", &[]).1, "the old report renders as the new one");
    assert!(!rendered.contains("older words"), "the words come from the frameworks");
}
