//! Helpers shared by the integration tests.

use assert_cmd::Command;
use readiness::frameworks::Load;
use std::path::PathBuf;

pub const AS_OF: &str = "2026-11-25";

/// The built-in frameworks, loaded once.
pub fn fw() -> &'static readiness::frameworks::Frameworks {
    static FW: std::sync::OnceLock<readiness::frameworks::Frameworks> = std::sync::OnceLock::new();
    FW.get_or_init(|| readiness::frameworks::Frameworks::builtin().expect("built-in frameworks load"))
}

/// The titles of the report's main sections, in the order they print (the appendix after them).
pub fn section_titles(words: &readiness::frameworks::ReportText) -> [&str; 6] {
    [
        &words.summary.title,
        &words.readiness.title,
        &words.technologies.title,
        &words.roadmap.title,
        &words.risks.title,
        &words.skills.title,
    ]
    .map(|t| t.as_str())
}

pub fn bin() -> Command {
    Command::cargo_bin("readiness").expect("binary built")
}

pub fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)
}

pub const EXAMPLES: [&str; 3] = ["small-ecommerce.toml", "b2b-software.toml", "large-retailer-gdpr.toml"];

/// A hostile company name: Markdown, HTML, Mermaid and link syntax, ending in a full stop.
pub const HOSTILE_COMPANY: &str =
    "Evil | Co *bold* _x_ <script>alert(1)</script> [l](javascript:alert(1)) `c` %%{init}%% # & Co.";

/// The small shop's answer file with the company renamed to [`HOSTILE_COMPANY`], in `dir`.
pub fn hostile_example(dir: &std::path::Path) -> PathBuf {
    let text = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    let text = text.replace("company = \"Fernhill Tea Co.\"", &format!("company = '{HOSTILE_COMPANY}'"));
    assert!(text.contains("Evil"), "the example names its company as expected");
    let path = dir.join("hostile-company.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `assess` on an answer file with extra arguments and returns stdout.
pub fn assess_file(path: &std::path::Path, extra: &[&str]) -> String {
    let out = bin().arg("assess").arg("--answers").arg(path).args(["--as-of", AS_OF]).args(extra).output().unwrap();
    assert!(out.status.success(), "assess failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `assess` on an example with extra arguments and returns stdout.
pub fn assess(name: &str, extra: &[&str]) -> String {
    assess_file(&example(name), extra)
}

pub fn assess_json(name: &str) -> serde_json::Value {
    serde_json::from_str(&assess(name, &["--format", "json"])).expect("valid JSON")
}

pub fn corpus(kind: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(kind)
}

/// The corpus cases of one kind: every `.toml` file, sorted.
pub fn cases(kind: &str) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    cases.sort();
    cases
}

/// Peak resident memory of a command run to its end, in KiB (it must exit, not be killed).
pub fn peak_rss_kib(cmd: std::process::Command) -> i64 {
    // A child spawned from this process reports at least this process's own peak (the spawn
    // shares or copies its memory before exec), which in one test binary running many tests is
    // hundreds of MiB. A small Python parent starts the command instead and reports its child's
    // peak alone.
    let script = "import resource, subprocess, sys\n\
                  r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n\
                  assert r.returncode >= 0, f'killed by signal {-r.returncode}'\n\
                  print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)";
    let mut python = std::process::Command::new("python3");
    python.arg("-c").arg(script).arg(cmd.get_program()).args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(value) => python.env(key, value),
            None => python.env_remove(key),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        python.current_dir(dir);
    }
    let out = python.output().expect("python3 runs the measured command");
    assert!(out.status.success(), "measuring {:?}: {}", cmd.get_program(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().parse().expect("python3 prints the peak in KiB")
}

/// Unescaped `|` characters in a line (a backslash escapes the next character).
pub fn pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '|') => count += 1,
            _ => {}
        }
    }
    count
}

/// Every line of every table has as many cell separators as its header.
pub fn assert_tables_are_rectangular(md: &str) {
    let mut header: Option<usize> = None;
    for (n, line) in md.lines().enumerate() {
        if line.starts_with('|') {
            let count = pipes(line);
            let expected = *header.get_or_insert(count);
            assert_eq!(count, expected, "line {} has {count} separators, its table {expected}: {line}", n + 1);
        } else {
            header = None;
        }
    }
}

/// The text of each item of the first list after the heading `heading`, in order.
pub fn markdown_list_after(md: &str, heading: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let (mut in_heading, mut heading_text, mut found, mut depth) = (false, String::new(), false, 0);
    for event in pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { .. }) => {
                (in_heading, heading_text) = (true, String::new())
            }
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                in_heading = false;
                found |= heading_text == heading;
            }
            pulldown_cmark::Event::Text(t) if in_heading => heading_text.push_str(&t),
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::List(_)) if found => depth += 1,
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::List(_)) if found => return items,
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Item) if depth > 0 => items.push(String::new()),
            pulldown_cmark::Event::Text(t) if depth > 0 => items.last_mut().unwrap().push_str(&t),
            _ => {}
        }
    }
    items
}

/// `readiness template` with the business's context (the questions that cannot be unknown)
/// and `readiness` of its readiness questions filled in from the small shop's answers; the
/// rest stay commented out, as a newcomer leaves them. Returns `dir/mine.toml` and the ids filled.
pub fn fill_template(dir: &std::path::Path, readiness: usize) -> (PathBuf, Vec<String>) {
    let path = dir.join("mine.toml");
    let template = String::from_utf8(bin().arg("template").output().unwrap().stdout).unwrap();
    let (text, filled) = filled_template(template, readiness);
    std::fs::write(&path, text).unwrap();
    (path, filled)
}

/// [`fill_template`] on the text of a template.
pub fn filled_template(mut text: String, readiness: usize) -> (String, Vec<String>) {
    let fw = readiness::frameworks::Frameworks::builtin().unwrap();
    let example = std::fs::read_to_string(example("small-ecommerce.toml")).unwrap();
    let value_of = |id: &str| example.lines().find(|l| l.starts_with(&format!("{id} = "))).map(str::to_string);
    let context = fw.questionnaire.context.iter().filter(|q| !q.optional && !q.allow_dont_know).map(|q| &q.id);
    let known = |id: &&readiness::frameworks::Text| value_of(id).is_some_and(|l| !l.contains("dont_know"));
    let asked = fw.questionnaire.questions.iter().map(|q| &q.id).filter(known).take(readiness);
    let filled: Vec<String> = context.chain(asked).map(|id| id.to_string()).collect();
    for id in &filled {
        let commented = text.lines().find(|l| l.starts_with(&format!("# {id} = "))).unwrap().to_string();
        text = text.replacen(&commented, &value_of(id).unwrap_or_else(|| panic!("the example answers {id}")), 1);
    }
    (text, filled)
}
