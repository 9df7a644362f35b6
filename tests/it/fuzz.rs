//! Time-boxed mutation fuzzing of the answer-file parser and the frameworks loader (cargo
//! fuzz needs a nightly toolchain; this runs on stable, in CI). Every input must give either
//! a result or diagnostics; a panic saves the input under `target/fuzz-crashes/` for the
//! corpus. `FUZZ_SECONDS` sets the budget per target (default 3).

use readiness::answers::{Completeness, parse};
use readiness::date::Date;
use readiness::frameworks::Load;
use readiness::frameworks::{BUILTIN, DataFile, Frameworks};
use readiness::report::{Format, View, render};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// xorshift64*: a small deterministic generator, so a failing run can be repeated by seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Fragments that TOML parsers and validators trip on.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "=",
    "\n",
    "\r\n",
    "#",
    ",",
    ".",
    "\\",
    "\\u0000",
    "\u{feff}",
    "\u{1b}[31m",
    "é",
    "東",
    "-1",
    "0",
    "4",
    "99999999999999999999",
    "1e999",
    "nan",
    "inf",
    "true",
    "2024-01-01",
    "dont_know",
    "id = \"x\"",
    "[answers]",
    "[context]",
    "[[technology]]",
    "prerequisites = [\"x\"]",
    "weight = 0",
    "levels = []",
    "min = 100",
    "= [",
    "\t",
];

fn boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut out = text.to_string();
    for _ in 0..1 + rng.below(4) {
        let at = boundary(&out, rng.below(out.len() + 1));
        match rng.below(5) {
            0 | 1 => out.insert_str(at, TOKENS[rng.below(TOKENS.len())]),
            2 => {
                let end = boundary(&out, (at + rng.below(60)).min(out.len()));
                out.replace_range(at..end, "");
            }
            3 => {
                let lines: Vec<&str> = out.lines().collect();
                if !lines.is_empty() {
                    let line = lines[rng.below(lines.len())].to_string();
                    out.insert_str(at, &format!("\n{line}\n"));
                }
            }
            _ => {
                let c = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?');
                out.insert(at, c);
            }
        }
    }
    out
}

fn budget() -> Duration {
    let seconds = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    Duration::from_secs_f64(seconds)
}

fn seed() -> u64 {
    std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5EED_1234_ABCD_0001)
}

/// Runs `check` on inputs until the budget is spent; saves and reports any panicking input.
fn fuzz(name: &str, mut generate: impl FnMut(&mut Rng) -> Vec<String>, check: impl Fn(&[String])) {
    let mut rng = Rng(seed());
    let deadline = Instant::now() + budget();
    let mut executions = 0u64;
    while Instant::now() < deadline {
        let input = generate(&mut rng);
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(format!("{name}-{executions}.txt"));
            std::fs::write(&path, input.join("\n=====\n")).unwrap();
            panic!("{name}: input {executions} panicked; saved to {}", path.display());
        }
        executions += 1;
    }
    println!("fuzz {name}: {executions} executions in {:?}", budget());
    assert!(executions > 0);
}

fn example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/large-retailer-gdpr.toml")).unwrap()
}

/// Scores and renders every format, so valid-but-odd inputs exercise the whole pipeline.
fn score_and_render(fw: &Frameworks, answers: &readiness::answers::Answers) {
    let assessment = readiness::score::assess(fw, answers, Date::new(2026, 11, 25).unwrap());
    let view = View::everything(true, Some(100));
    for format in [Format::Table, Format::Markdown, Format::Html, Format::Json] {
        assert!(!render(&assessment, fw, format, &view).is_empty());
    }
}

#[test]
fn answer_file_parser_never_panics() {
    let fw = Frameworks::builtin().unwrap();
    let text = example();
    fuzz(
        "answers",
        |rng| vec![mutate(rng, &text)],
        |input| match parse(&fw, "fuzz.toml", &input[0], Completeness::Complete) {
            Ok(answers) => score_and_render(&fw, &answers),
            Err(e) => assert!(e.to_string().starts_with("error: ")),
        },
    );
}

#[test]
fn frameworks_loader_never_panics() {
    let answers = example();
    fuzz(
        "frameworks",
        |rng| {
            let victim = rng.below(BUILTIN.len());
            BUILTIN
                .iter()
                .enumerate()
                .map(|(i, (_, text))| if i == victim { mutate(rng, text) } else { text.to_string() })
                .collect()
        },
        |texts| {
            let files = BUILTIN
                .iter()
                .zip(texts)
                .map(|((name, _), text)| DataFile { name: name.to_string(), text: text.clone().into() })
                .collect();
            match Frameworks::from_files(files) {
                Ok(fw) => {
                    if let Ok(parsed) = parse(&fw, "example.toml", &answers, Completeness::Complete) {
                        score_and_render(&fw, &parsed);
                    }
                }
                Err(e) => assert!(e.to_string().starts_with("error: ")),
            }
        },
    );
}
