//! `render REPORT.json` reproduces `assess` byte for byte: the JSON report carries everything
//! a view needs, so a saved report can be turned into any format later without the answers.

use crate::common;

use common::{EXAMPLES, assess, bin};

#[test]
fn rendering_each_example_json_gives_the_same_bytes_as_assess_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        let json = dir.path().join(name).with_extension("json");
        std::fs::write(&json, assess(name, &["--format", "json"])).unwrap();
        for format in ["table", "markdown", "html", "json"] {
            let direct = assess(name, &["--format", format]);
            let out = bin().arg("render").arg(&json).args(["--format", format]).output().unwrap();
            assert!(out.status.success(), "{name} {format}: {}", String::from_utf8_lossy(&out.stderr));
            let rendered = String::from_utf8(out.stdout).unwrap();
            assert!(rendered == direct, "{name}: render --format {format} differs from assess");
        }
    }
}
