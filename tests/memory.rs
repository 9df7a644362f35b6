//! Memory stays under a fixed budget for any answer file within the size limit: a counting
//! global allocator measures the peak heap while a file is parsed, validated, scored and
//! rendered, for hostile shapes at their largest and for files proptest builds from them.
//!
//! The budget: 64 MiB above what was allocated before, for any input of at most 1 MiB
//! ([`readiness::input::MAX_INPUT_BYTES`]). Before the fix a 1 MiB line of duplicated regions
//! passed 24 GB.

use proptest::prelude::*;
use readiness::answers::{Completeness, parse};
use readiness::date::Date;
use readiness::frameworks::Frameworks;
use readiness::frameworks::Load;
use readiness::input::MAX_INPUT_BYTES;
use readiness::report::{Format, View, render};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

const BUDGET: usize = 64 * 1024 * 1024;

/// Counts the bytes allocated now and the most ever allocated at once.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only counters are kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One measurement at a time: the counters are global.
static SERIAL: Mutex<()> = Mutex::new(());

/// The peak heap above the starting point while `work` runs.
fn peak_during(work: impl FnOnce()) -> usize {
    let _one_at_a_time = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    work();
    PEAK.load(Ordering::Relaxed).saturating_sub(base)
}

fn fw() -> &'static Frameworks {
    static FW: std::sync::OnceLock<Frameworks> = std::sync::OnceLock::new();
    FW.get_or_init(|| Frameworks::builtin().unwrap())
}

fn example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/small-ecommerce.toml")).unwrap()
}

/// What the tool does with an answer file: validate it, and if it is valid, score it and
/// render every format.
fn process(text: &str) {
    match parse(fw(), "hostile.toml", text, Completeness::Complete) {
        Ok(answers) => {
            let assessment = readiness::score::assess(fw(), &answers, Date::new(2026, 11, 25).unwrap());
            let view = View::everything(true, Some(100));
            for format in [Format::Table, Format::Markdown, Format::Html, Format::Json] {
                assert!(!render(&assessment, fw(), format, &view).is_empty());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// The hostile shapes of answer file, each filled to about `size` bytes.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// `regions = ["uk","uk",…]`: one diagnostic per duplicate, all on one line.
    DuplicatedRegions,
    /// Many unknown keys, one per line.
    UnknownKeys,
    /// One unknown key as long as the file.
    LongKey,
    /// A company name as long as the file.
    LongCompany,
    /// A level given as a string as long as the file.
    LongLevelString,
    /// Many unknown options in the goals list.
    UnknownOptions,
    /// Comments and blank lines.
    Comments,
    /// Lines of a lone `=` (issue 28, case 11: 80 MB), one syntax error each.
    Equals,
    /// The same table header again and again.
    SameTable,
}

const SHAPES: [Shape; 9] = [
    Shape::DuplicatedRegions,
    Shape::UnknownKeys,
    Shape::LongKey,
    Shape::LongCompany,
    Shape::LongLevelString,
    Shape::UnknownOptions,
    Shape::Comments,
    Shape::Equals,
    Shape::SameTable,
];

fn replace_line(text: &str, start: &str, with: &str) -> String {
    let line = text.lines().find(|l| l.starts_with(start)).unwrap();
    text.replacen(line, with, 1)
}

fn hostile(shape: Shape, size: usize) -> String {
    let base = example();
    let room = size.saturating_sub(base.len() + 64);
    let text = match shape {
        Shape::DuplicatedRegions => {
            replace_line(&base, "regions = ", &format!("regions = [{}]", vec!["\"uk\""; room / 5].join(",")))
        }
        Shape::UnknownKeys => {
            let keys: String = (0..room / 19).map(|i| format!("unknown_{i:06} = 1\n")).collect();
            base.replacen("[answers]\n", &format!("[answers]\n{keys}"), 1)
        }
        Shape::LongKey => base.replacen("[answers]\n", &format!("[answers]\n{} = 1\n", "k".repeat(room)), 1),
        Shape::LongCompany => replace_line(&base, "company = ", &format!("company = \"{}\"", "N".repeat(room))),
        Shape::LongLevelString => {
            replace_line(&base, "data_quality = ", &format!("data_quality = \"{}\"", "d".repeat(room)))
        }
        Shape::UnknownOptions => {
            let goals: Vec<String> = (0..room / 14).map(|i| format!("\"goal_{i:06}\"")).collect();
            replace_line(&base, "goals = ", &format!("goals = [{}]", goals.join(",")))
        }
        Shape::Comments => format!("{}{base}", "# a comment line of forty characters...\n".repeat(room / 41)),
        Shape::Equals => format!("{base}{}", "=\n".repeat(room / 2)),
        Shape::SameTable => format!("{base}{}", "[a]\n".repeat(room / 4)),
    };
    assert!(text.len() as u64 <= MAX_INPUT_BYTES, "{shape:?}: {} bytes", text.len());
    text
}

#[test]
fn every_hostile_shape_at_the_size_limit_stays_under_the_budget() {
    for shape in SHAPES {
        let text = hostile(shape, MAX_INPUT_BYTES as usize);
        let peak = peak_during(|| process(&text));
        println!("{shape:?}: {} KiB peak for a {} KiB file", peak / 1024, text.len() / 1024);
        assert!(peak < BUDGET, "{shape:?}: peak {} MiB is over the 64 MiB budget", peak >> 20);
    }
}

#[test]
fn the_counter_sees_what_is_allocated() {
    let peak = peak_during(|| drop(std::hint::black_box(vec![0u8; 10 << 20])));
    assert!(peak >= 10 << 20, "a 10 MiB vector counted as {peak} bytes");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Files built from several hostile shapes at once, of any size up to the limit.
    #[test]
    fn any_answer_file_within_the_limit_stays_under_the_budget(
        shapes in prop::collection::vec((0..SHAPES.len(), 1usize..=1024), 1..4),
        control in prop::sample::select(vec!["", "\u{1b}[2J", "\u{202e}", "\n"]),
    ) {
        let share = MAX_INPUT_BYTES as usize / shapes.len();
        let mut text = String::new();
        for (shape, kib) in &shapes {
            let part = hostile(SHAPES[*shape], (kib * 1024).min(share));
            // Later parts repeat the tables of the first: keep only their unusual lines.
            let extra: String = if text.is_empty() { part } else {
                part.lines().filter(|l| !example().contains(*l)).map(|l| format!("{l}\n")).collect()
            };
            text.push_str(&extra);
        }
        text = text.replacen("Fernhill", &format!("Fern{control}hill"), 1);
        text.truncate(readiness_floor(&text, MAX_INPUT_BYTES as usize));
        let peak = peak_during(|| process(&text));
        prop_assert!(peak < BUDGET, "peak {} MiB for {} bytes", peak >> 20, text.len());
    }
}

/// The largest char boundary at or below `at`.
fn readiness_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Case 9 of issue 28: a report title repeating `{company}` 55,000 times with a
/// 400,000-character company made `render` try to allocate 4 GB and abort. The fill is
/// measured before it is made: refused as bad input, under the budget.
#[test]
fn a_template_repeating_a_long_value_is_refused_under_the_budget() {
    let answers = parse(fw(), "a.toml", &example(), Completeness::Complete).unwrap();
    let mut assessment = readiness::score::assess(fw(), &answers, Date::new(2026, 11, 25).unwrap());
    assessment.company = "c".repeat(400_000).into();
    let mut words = fw().clone();
    std::sync::Arc::make_mut(&mut words.report).title = "{company}".repeat(55_000).into();
    let view = View::everything(true, Some(100));
    for format in [Format::Table, Format::Markdown, Format::Html] {
        let mut result = None;
        let peak = peak_during(|| {
            result = Some(readiness::report::write_report(&assessment, &words, format, &view, &mut Vec::new()))
        });
        let error = result.unwrap().expect_err("refused");
        assert!(error.is::<readiness::diagnostic::InputError>(), "{format:?}: bad input, exit 2: {error:#}");
        assert!(peak < BUDGET, "{format:?}: peak {} MiB", peak >> 20);
    }
}
