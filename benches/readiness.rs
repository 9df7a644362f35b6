//! In-process costs: loading the built-in frameworks (and parsing and checking them as a
//! `--frameworks` directory is), parsing an answer file, scoring one assessment and one batch
//! row, and rendering each format (JSON: serialising the assessment, wording and all).
//! `cargo bench`; figures in the README.

use criterion::{Criterion, criterion_group, criterion_main};
use readiness::answers::{Completeness, parse};
use readiness::date::Date;
use readiness::frameworks::Load;
use readiness::frameworks::{BUILTIN, DataFile, Frameworks};
use readiness::report::{Format, View, render};
use readiness::score::{Detail, assess, scores};
use std::hint::black_box;

const EXAMPLE: &str = include_str!("../examples/b2b-software.toml");

fn benches(c: &mut Criterion) {
    let fw = Frameworks::builtin().unwrap();
    let as_of = Date::new(2026, 11, 25).unwrap();
    let answers = parse(&fw, "b2b-software.toml", EXAMPLE, Completeness::Complete).unwrap();
    let assessment = assess(&fw, &answers, as_of);
    let view = View::everything(false, Some(100));

    c.bench_function("load built-in frameworks", |b| b.iter(|| black_box(Frameworks::builtin().unwrap())));
    let files = || BUILTIN.iter().map(|(name, text)| DataFile { name: name.to_string(), text: (*text).into() });
    c.bench_function("parse and check the frameworks TOML", |b| {
        b.iter(|| black_box(Frameworks::from_files(files().collect()).unwrap()))
    });
    c.bench_function("parse answer file", |b| {
        b.iter(|| black_box(parse(&fw, "b2b-software.toml", black_box(EXAMPLE), Completeness::Complete).unwrap()))
    });
    c.bench_function("score one assessment", |b| b.iter(|| black_box(assess(&fw, black_box(&answers), as_of))));
    c.bench_function("score one batch row", |b| {
        b.iter(|| black_box(scores(&fw, black_box(&answers), as_of, Detail::Row)))
    });
    let formats = [
        ("render json", Format::Json),
        ("render markdown", Format::Markdown),
        ("render html", Format::Html),
        ("render table", Format::Table),
    ];
    for (name, format) in formats {
        c.bench_function(name, |b| b.iter(|| black_box(render(&assessment, &fw, format, &view))));
    }
}

criterion_group!(group, benches);
criterion_main!(group);
