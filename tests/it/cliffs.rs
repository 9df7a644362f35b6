//! One-level cliffs: how often raising a single readiness answer by one level moves three or
//! more technologies to another ring at once. A measurement for whoever changes the placement
//! rules, so it is ignored by default; run it and read the figure it prints:
//!
//! ```text
//! cargo test --test it cliffs:: -- --ignored --nocapture
//! ```
//!
//! The businesses: every reference business and example as written, and for each of them
//! `VARIANTS` more with the same context and every readiness level drawn from a fixed
//! pseudo-random sequence (one in eleven "don't know", as `scripts/portfolio.py` draws them),
//! so the figure is the same from run to run and changes only with the rules or the files.
//! Every answer at a level below its top is raised one level, alone; an unknown answer is
//! left out (finding it out is not a raise). Along the way the test checks that a raise moves
//! a ring back only where it moves another up (the pace of pilots), so it can fail.

use readiness::answers::{Answer, Answers, Completeness, parse};
use readiness::date::Date;
use readiness::frameworks::Load;
use readiness::frameworks::{Frameworks, Ring};
use readiness::score::{Detail, scores};
use std::collections::BTreeMap;
use std::path::PathBuf;

const VARIANTS: usize = 60;
/// Rings moved at once from which a raise counts as a cliff.
const CLIFF: usize = 3;

fn files() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["tests/reference", "examples"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| !p.to_string_lossy().ends_with(".expected.toml"))
        .collect();
    files.sort();
    files
}

/// xorshift64, the sequence `scripts/portfolio.py` uses.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn variant(fw: &Frameworks, given: &Answers, draw: &mut Draw) -> Answers {
    let mut answers = given.clone();
    for q in &fw.questionnaire.questions {
        let n = draw.next();
        let answer =
            if n.is_multiple_of(11) { Answer::DontKnow } else { Answer::Level(((n % 5) as u8).min(q.max_level())) };
        answers.readiness.insert(q.id.clone(), answer);
    }
    answers
}

fn rings(fw: &Frameworks, answers: &Answers, as_of: Date) -> Vec<Ring> {
    scores(fw, answers, as_of, Detail::Row).technologies.iter().map(|t| t.adoption_timeline.ring).collect()
}

#[test]
#[ignore = "a measurement: run with --ignored --nocapture and read the figure"]
fn one_level_cliffs() {
    let fw = Frameworks::builtin().unwrap();
    let as_of = Date::new(2026, 11, 25).unwrap();
    let mut draw = Draw(88172645463325252);
    let mut moved: BTreeMap<usize, usize> = BTreeMap::new();
    let mut businesses = 0;
    let mut back = 0;
    for path in files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let given = parse(&fw, &path.display().to_string(), &text, Completeness::Complete).unwrap();
        let mut variants = vec![given.clone()];
        variants.extend((0..VARIANTS).map(|_| variant(&fw, &given, &mut draw)));
        for before in &variants {
            businesses += 1;
            let base = rings(&fw, before, as_of);
            for q in &fw.questionnaire.questions {
                let Some(&Answer::Level(level)) = before.readiness.get(&q.id) else { continue };
                if level >= q.max_level() {
                    continue;
                }
                let mut after = before.clone();
                after.readiness.insert(q.id.clone(), Answer::Level(level + 1));
                let raised = rings(&fw, &after, as_of);
                // The pace of pilots can move one back, but only as another moves up.
                let down = base.iter().zip(&raised).filter(|(b, a)| a.rank() < b.rank()).count();
                let up = base.iter().zip(&raised).filter(|(b, a)| a.rank() > b.rank()).count();
                assert!(down == 0 || up > 0, "{}: raising {} moves a ring back and none up", path.display(), q.id);
                back += down;
                *moved.entry(base.iter().zip(&raised).filter(|(b, a)| b != a).count()).or_default() += 1;
            }
        }
    }
    let raises: usize = moved.values().sum();
    let cliffs: usize = moved.iter().filter(|(n, _)| **n >= CLIFF).map(|(_, c)| c).sum();
    let most = moved.keys().max().copied().unwrap_or(0);
    println!("{businesses} businesses, {raises} one-level raises; rings moved by one raise: {moved:?}");
    println!("{cliffs} of {raises} raises move {CLIFF} or more rings at once (at most {most})");
    println!("{back} rings moved back by a raise, each time beside one that moved up (the pace of pilots)");
    assert!(raises > 0);
}
