//! The HTML report in a real browser: Debian's Chromium opens the sample report and a hostile
//! variant of it, and `tests/browser/check-html.mjs` fails on any request, console error or
//! script, on too few drawn charts, on content wider than the paper in print, on too many pages of
//! A4 or Letter, on chart text under 7 pt, on a word broken inside a cover card, or on a signature
//! missing from the cover or the foot of the pages.

use crate::common;
use crate::node;
use crate::sample;

use readiness::document::{Document, charts, html};
use std::ffi::OsString;
use std::fmt::Write;

/// Renders a document to a file kept under the target directory and checks it in Chromium.
fn check_in_browser(name: &str, document: &Document, max_pages: Option<u32>) {
    let file = node::keep_dir().join(format!("{name}.html"));
    std::fs::write(&file, html::render(document)).unwrap();
    check_file(name, &file, charts(document).count(), max_pages, &[]);
}

/// Checks an HTML file in Chromium, keeping a screenshot of its first page and its PDF.
fn check_file(name: &str, file: &std::path::Path, charts: usize, max_pages: Option<u32>, extra: &[&str]) {
    match browser_check(name, file, charts, max_pages, extra) {
        Ok(said) => println!("{said}"),
        Err(said) => panic!("{said}"),
    }
}

/// What the checker said, as an error if it failed.
fn browser_check(
    name: &str,
    file: &std::path::Path,
    charts: usize,
    max_pages: Option<u32>,
    extra: &[&str],
) -> Result<String, String> {
    let dir = node::keep_dir();
    let screenshot = dir.join(format!("{name}-first-page.png"));
    let pdf = dir.join(format!("{name}.pdf"));
    let mut args: Vec<OsString> = vec![file.into(), "--charts".into(), charts.to_string().into()];
    args.extend(["--screenshot".into(), screenshot.clone().into(), "--pdf".into(), pdf.into()]);
    if let Some(pages) = max_pages {
        args.extend(["--max-pages".into(), pages.to_string().into()]);
    }
    args.extend(extra.iter().map(OsString::from));
    let output = node::run("check-html.mjs", args);
    if !output.status.success() {
        return Err(node::describe(&output));
    }
    assert!(std::fs::metadata(&screenshot).unwrap().len() > 10_000, "a screenshot with something on it");
    Ok(format!("{}screenshot: {}", node::describe(&output), screenshot.display()))
}

#[cfg_attr(
    not(all(has_chromium, has_node)),
    ignore = "needs Chromium ($CHROMIUM or /usr/bin/chromium), Node and `npm ci` in tests/browser"
)]
#[test]
fn the_sample_report_opens_offline_draws_every_chart_and_prints_within_twelve_pages() {
    check_in_browser("sample", &sample::sample(), Some(12));
}

/// Who signs the reports the browser prints.
const SIGNED: &str = "Jane Doe, Northstar Advisory";

/// What issue 27 asks for and the README promises. Every report printed within 16 on
/// 2026-12-07 (measured here: the fashion brand's on Letter is the 16).
const PAGE_LIMIT: u32 = 16;

/// The pages a checker's report says the PDF has: "…, 14 A4 page(s), …".
fn printed_pages(said: &str) -> Option<u32> {
    let before = said.split(" page(s)").next()?;
    before.split_whitespace().rev().nth(1)?.parse().ok()
}

/// What a consultant hands over: every reference business's and example's report, the
/// workshop's and the small shop's under a hostile company name too, as `assess --format html
/// --paper … --prepared-by …` writes it, on A4 and on Letter: it opens offline, draws its
/// charts, prints on at most `PAGE_LIMIT` pages of that paper with chart text at 7 pt or more (computed
/// from each chart's viewBox, printed box and font size), no word of a cover card broken across
/// lines, and the consultant's name on the cover and every page.
#[cfg_attr(
    not(all(has_chromium, has_node)),
    ignore = "needs Chromium ($CHROMIUM or /usr/bin/chromium), Node and `npm ci` in tests/browser"
)]
#[test]
fn every_report_prints_signed_on_a4_or_letter_within_the_page_limit_with_readable_charts() {
    let dir = node::keep_dir();
    let reference = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let mut inputs: Vec<(String, std::path::PathBuf, usize)> =
        common::EXAMPLES.iter().map(|e| (e.trim_end_matches(".toml").to_string(), common::example(e), 4)).collect();
    inputs.push(("hostile-company".to_string(), common::hostile_example(&dir), 4));
    inputs.push(("workshop".to_string(), common::example("workshop"), 5));
    let mut businesses: Vec<_> = std::fs::read_dir(&reference)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.to_string_lossy().ends_with(".expected.toml"))
        .collect();
    businesses.sort();
    assert!(businesses.len() >= 15, "the reference businesses are found");
    inputs.extend(businesses.into_iter().map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p, 4)));
    let mut failures = Vec::new();
    let mut table = String::from("report                          A4  Letter\n");
    for (name, answers, charts) in inputs {
        let _ = write!(table, "{name:<30}");
        for paper in ["a4", "letter"] {
            let file = dir.join(format!("{name}-{paper}.html"));
            let path = file.to_str().unwrap();
            let flags = ["--format", "html", "--paper", paper, "--prepared-by", SIGNED, "--output", path];
            common::assess_file(&answers, &flags);
            let extra = ["--paper", paper, "--min-chart-pt", "7", "--whole-cards", "--signed", SIGNED];
            // What the README promises and issue 27 asks for, on either paper.
            // Printed without a limit, so the table has every count; the limit is checked here.
            let checked = browser_check(&format!("{name}-{paper}"), &file, charts, None, &extra);
            let pages = checked.as_ref().ok().and_then(|said| printed_pages(said));
            let _ = write!(table, "{:>6}", pages.map_or("?".to_string(), |p| p.to_string()));
            match (checked, pages) {
                (Err(said), _) => failures.push(said),
                (Ok(_), Some(pages)) if pages <= PAGE_LIMIT => {}
                (Ok(said), _) => failures.push(format!("{name} on {paper}: more than {PAGE_LIMIT} pages: {said}")),
            }
        }
        table.push('\n');
    }
    println!("{table}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `readiness batch --format html`: the chart of the dimension medians is drawn, and the failed
/// file's name, full of markup, runs nothing.
#[cfg_attr(
    not(all(has_chromium, has_node)),
    ignore = "needs Chromium ($CHROMIUM or /usr/bin/chromium), Node and `npm ci` in tests/browser"
)]
#[test]
fn the_portfolio_summary_opens_offline_draws_its_chart_and_prints_within_three_pages() {
    check_in_browser("portfolio", &sample::portfolio(), Some(3));
}

#[cfg_attr(
    not(all(has_chromium, has_node)),
    ignore = "needs Chromium ($CHROMIUM or /usr/bin/chromium), Node and `npm ci` in tests/browser"
)]
#[test]
fn a_hostile_report_runs_no_script_and_loads_nothing() {
    check_in_browser("hostile", &sample::hostile(), None);
}

/// The checker itself must fail a page that loads something, runs a script or draws too
/// little, or the tests above prove nothing.
#[cfg_attr(
    not(all(has_chromium, has_node)),
    ignore = "needs Chromium ($CHROMIUM or /usr/bin/chromium), Node and `npm ci` in tests/browser"
)]
#[test]
fn the_browser_check_fails_a_page_with_a_script_a_request_or_missing_charts() {
    let dir = tempfile::tempdir().unwrap();
    let good = html::render(&sample::sample());
    let without_policy = good.replace("http-equiv=\"Content-Security-Policy\"", "name=\"x\"");
    let none: &[&str] = &[];
    let before_end = |page: &str, html: &str| page.replace("</main>", &format!("{html}</main>"));
    let script = "<script>document.title = 'x'</script>";
    let cases = [
        ("script", before_end(&without_policy, script), none, "scripts ran"),
        ("blocked script", before_end(&good, script), none, "console error"),
        ("request", before_end(&good, "<img src=\"http://127.0.0.1:9/x.png\"/>"), none, "request for"),
        ("charts", good.replace("role=\"img\"", "role=\"presentation\""), none, "drawn chart(s)"),
        ("width", before_end(&good, "<div style=\"width: 2000px\">wide</div>"), none, "wider than the A4 text area"),
        (
            "small text",
            good.replace("</style>", "svg text { font-size: 4px !important; }</style>"),
            &["--min-chart-pt", "7"],
            "chart text under 7 pt",
        ),
        (
            "broken card",
            good.replace(".figure-card p { margin: 0;", ".figure-card p { width: 2rem; word-break: break-all;"),
            &["--whole-cards"],
            "broken across lines",
        ),
        ("unsigned", good.clone(), &["--signed", "Somebody Else"], "missing from the cover and the foot of every page"),
        ("paper", good.clone(), &["--paper", "letter"], "pages not Letter"),
        ("pages", good.clone(), &["--max-pages", "2"], "more than 2"),
    ];
    for (name, page, extra, expected) in cases {
        let file = dir.path().join(format!("{name}.html"));
        std::fs::write(&file, page).unwrap();
        let mut args = vec![file.into_os_string(), "--charts".into(), "5".into()];
        args.extend(extra.iter().map(OsString::from));
        let output = node::run("check-html.mjs", args);
        let said = node::describe(&output);
        assert!(!output.status.success() && said.contains(expected), "{name}: {said}");
    }
}

/// The colour classes of chart marks: a series or sector (`s0`…), a kind of gantt bar, a heat
/// level. Everything else in a mark's class is not colour.
fn colour_class(class: &str) -> bool {
    let numbered = |prefix: char| class.len() == 2 && class.starts_with(prefix) && class[1..].parse::<u8>().is_ok();
    numbered('s') || numbered('h') || matches!(class, "technology" | "action")
}

/// The marks of one chart by colour class: for each, the set of what else tells it apart
/// (the element and its other classes: line pattern, marker shape, outline).
fn marks_by_colour(svg: roxmltree::Node) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut groups: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    for node in svg.descendants().filter(|n| n.is_element()) {
        let classes: Vec<&str> = node.attribute("class").unwrap_or_default().split_whitespace().collect();
        let Some(colour) = classes.iter().find(|c| colour_class(c)) else { continue };
        let rest: Vec<&str> = classes.iter().filter(|c| !colour_class(c)).copied().collect();
        groups.entry(colour.to_string()).or_default().insert(format!("{}:{}", node.tag_name().name(), rest.join(" ")));
    }
    groups
}

/// A heat map's cells carry one mark per level above the coolest, inside the cell.
fn assert_heat_levels_marked(svg: roxmltree::Node, what: &str) {
    let num = |n: roxmltree::Node, a: &str| n.attribute(a).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    let rects: Vec<roxmltree::Node> = svg.descendants().filter(|n| n.has_tag_name("rect")).collect();
    let has = |n: &roxmltree::Node, class: &str| n.attribute("class").is_some_and(|c| c.split(' ').any(|x| x == class));
    for cell in rects.iter().filter(|n| has(n, "heat")) {
        let level: usize = cell.attribute("class").unwrap().trim_start_matches("heat h").parse().unwrap();
        let (x, y, w, h) = (num(*cell, "x"), num(*cell, "y"), num(*cell, "width"), num(*cell, "height"));
        let inside = rects
            .iter()
            .filter(|m| has(m, "heat-mark"))
            .filter(|m| (x..x + w).contains(&num(**m, "x")) && (y..y + h).contains(&num(**m, "y")))
            .count();
        assert_eq!(inside, level, "{what}: a heat-map cell of level {level} carries {inside} marks");
    }
}

/// Greyscale: in every chart of every reference business's and example's report, workshop
/// included, no two series (sectors, kinds of bar, heat levels) differ by colour alone: each
/// has its own line pattern, marker shape or outline, and each heat level its own marks.
#[test]
fn no_two_series_of_any_chart_differ_by_colour_alone() {
    let reference = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let mut inputs: Vec<std::path::PathBuf> = common::EXAMPLES.iter().map(|e| common::example(e)).collect();
    inputs.push(common::example("workshop"));
    inputs.extend(
        std::fs::read_dir(&reference)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.to_string_lossy().ends_with(".expected.toml")),
    );
    let mut compared = 0;
    for input in inputs {
        let html = common::assess_file(&input, &["--format", "html"]);
        let tree = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() },
        )
        .unwrap();
        for svg in tree.descendants().filter(|n| n.has_tag_name("svg") && n.attribute("role") == Some("img")) {
            let what = format!("{}: {}", input.display(), svg.attribute("aria-labelledby").unwrap_or_default());
            assert_heat_levels_marked(svg, &what);
            let groups = marks_by_colour(svg);
            let series: Vec<_> = groups.iter().filter(|(colour, _)| !colour.starts_with('h')).collect();
            for (i, (a, marks_a)) in series.iter().enumerate() {
                for (b, marks_b) in &series[i + 1..] {
                    assert_ne!(marks_a, marks_b, "{what}: {a} and {b} differ by colour alone");
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 0, "some chart has more than one series");
}
