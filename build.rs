//! Compiles the built-in frameworks: `frameworks/*.toml` is parsed once, at build time, into
//! the model types (the `readiness-model` crate, `src/model`) and stored in a compact binary form, so starting the tool costs a quick
//! deserialization instead of a TOML parse. The TOML files stay the source of truth (and are
//! still embedded for `frameworks export`); cross-references are checked at run time.

use serde::de::DeserializeOwned;

fn parse<T: DeserializeOwned>(name: &str) -> T {
    let path = format!("frameworks/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    probe_test_tools();
    println!("cargo::rerun-if-changed=frameworks");
    let compiled = readiness_model::Frameworks {
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
        report: std::sync::Arc::new(parse("report.toml")),
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
