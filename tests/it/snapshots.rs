//! Snapshots of what each command prints for the examples, in every format: a change to any
//! report shows up as a reviewable diff (`cargo insta review`, or `INSTA_UPDATE=always` and
//! `git diff`). The JSON is not snapshotted whole: its schema is checked in `schema.rs` and
//! `render.rs` proves it reproduces the other formats byte for byte.

use crate::common;

use common::{AS_OF, EXAMPLES, assess, bin, example};

const FORMATS: [&str; 3] = ["table", "markdown", "html"];

fn run(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
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

/// One respondent of the workshop against the three combined: what a workshop moved.
#[test]
fn compare_a_respondent_with_the_workshop_in_every_format() {
    let (one, all) = (example("workshop/maya-patel.toml"), example("workshop"));
    let (one, all) = (one.to_str().unwrap(), all.to_str().unwrap());
    for format in FORMATS {
        let out = run(&["compare", one, all, "--as-of", AS_OF, "--format", format]);
        insta::assert_snapshot!(format!("compare-workshop-{format}"), out);
    }
}

#[test]
fn catalog_summary_and_technologies_in_every_format() {
    for kind in [None, Some("technologies")] {
        for format in FORMATS {
            let mut args = vec!["catalog"];
            args.extend(kind);
            args.extend(["--format", format]);
            insta::assert_snapshot!(format!("catalog-{}-{format}", kind.unwrap_or("summary")), run(&args));
        }
    }
}
