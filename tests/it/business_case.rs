//! The business case: every initiative of every reference business and example carries one;
//! value follows the revenue answer, counts a vendor's claim for less, and is a share only
//! when revenue is not known.

use crate::common;

use common::bin;
use readiness::answers::{Completeness, parse};
use readiness::assessment::{Assessment, Initiative, InitiativeKind, Kpi};
use readiness::date::Date;
use readiness::frameworks::{Frameworks, Ring, SourceKind};
use std::path::{Path, PathBuf};

fn assess_with(fw: &Frameworks, name: &str, text: &str) -> Assessment {
    let answers = parse(fw, name, text, Completeness::Complete).unwrap();
    readiness::score::assess(fw, &answers, Date::new(2026, 12, 1).unwrap())
}

fn answer_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/reference", "examples", "examples/workshop"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".toml") && !name.ends_with(".expected.toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn california() -> String {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/california-travel.toml"))
}

fn with_revenue(text: &str, band: &str) -> String {
    let line = text.lines().find(|l| l.starts_with("annual_revenue")).unwrap();
    text.replace(line, &format!("annual_revenue = \"{band}\""))
}

fn initiative<'a>(a: &'a Assessment, id: &str) -> &'a Initiative {
    a.business_case.initiatives.iter().find(|i| i.id == id).unwrap()
}

fn ordered(band: [f64; 2]) -> bool {
    band[0] >= 0.0 && band[0] <= band[1]
}

/// Every field a CFO asks for is there and sane; `what` names the business and initiative.
fn assert_complete(i: &Initiative, revenue_known: bool, what: &str) {
    assert!(ordered(i.person_weeks) && i.person_weeks[1] > 0.0, "{what}: effort {:?}", i.person_weeks);
    assert!(ordered(i.one_off) && ordered(i.yearly_cost), "{what}: cost");
    assert!(!i.cost_basis.is_empty(), "{what}: cost basis");
    assert!(!i.owner.is_empty(), "{what}: owner");
    assert!(i.months_to_value > 0, "{what}: time to value");
    // Value is counted by the month: a payback is whole months, one at least, best case first.
    if let Some(p) = i.payback_months {
        assert!(ordered(p) && p[0] >= 1.0 && p.iter().all(|m| m.fract() == 0.0), "{what}: payback {p:?}");
    }
    match &i.kpi {
        Kpi::Measure { measure, .. } => assert!(!measure.is_empty(), "{what}: KPI measure"),
        Kpi::Readiness { baseline, target, .. } => assert!(target > baseline, "{what}: KPI target"),
        Kpi::Delivery { month } => assert!(*month > 0, "{what}: KPI month"),
    }
    let v = &i.value;
    if let Some(share) = v.share {
        assert!(ordered(share) && share[0] < share[1], "{what}: a range, never a point: {share:?}");
        assert!(v.claim.is_some() && v.source.is_some() && v.discount.is_some(), "{what}: value without its basis");
        assert_eq!(v.amount.is_some(), revenue_known, "{what}: an amount exactly when revenue is known");
    } else {
        assert!(v.amount.is_none(), "{what}: an amount without a share");
    }
    if i.kind == InitiativeKind::Technology {
        assert!(v.enables.is_empty(), "{what}: a technology enables nothing of its own");
    }
}

#[test]
fn every_initiative_of_every_reference_business_and_example_has_a_complete_business_case() {
    let fw = Frameworks::builtin().unwrap();
    let files = answer_files();
    assert!(files.len() >= 21, "15 reference businesses, 3 examples and 3 workshop respondents");
    for path in files {
        let name = path.display().to_string();
        let a = assess_with(&fw, &name, &read(&path));
        let case = &a.business_case;
        let ids: Vec<&str> = case.initiatives.iter().map(|i| i.id.as_str()).collect();
        for t in &a.technologies {
            if matches!(t.adoption_timeline.ring, Ring::Adopt | Ring::Pilot) {
                assert!(ids.contains(&t.id.as_str()), "{name}: {} has no business case", t.id);
            }
        }
        for action in a.roadmap.iter().flat_map(|p| &p.actions) {
            assert!(ids.contains(&action.id.as_str()), "{name}: action {} has no business case", action.id);
        }
        assert!(case.currency.is_some() || name.contains("marketplace"), "{name}: currency answered");
        for i in &case.initiatives {
            assert_complete(i, case.revenue.is_some(), &format!("{name}: {}", i.id));
        }
        assert!(case.best.len() <= 3, "{name}: at most three best");
    }
}

#[test]
fn value_rises_with_the_revenue_band() {
    let fw = Frameworks::builtin().unwrap();
    let bands = ["under_1m", "1m_10m", "10m_100m", "100m_1b", "over_1b"];
    let amounts: Vec<[f64; 2]> = bands
        .iter()
        .map(|band| {
            let a = assess_with(&fw, band, &with_revenue(&california(), band));
            initiative(&a, "hyper_personalization").value.amount.unwrap()
        })
        .collect();
    for pair in amounts.windows(2) {
        assert!(pair[0][0] <= pair[1][0] && pair[0][1] <= pair[1][1], "value fell as revenue rose: {amounts:?}");
    }
    assert!(amounts[0][1] < amounts[4][0], "the top band's low end is above the bottom band's high end");
}

#[test]
fn a_vendors_claim_counts_for_less_than_an_analysts_estimate() {
    let mut fw = Frameworks::builtin().unwrap();
    let analyst = assess_with(&fw, "analyst", &california());
    let source = fw.sources.sources.iter_mut().find(|s| s.id == "mckinsey_personalization_2023").unwrap();
    assert_eq!(source.kind, SourceKind::AnalystReport, "the test starts from an analyst's figure");
    source.kind = SourceKind::VendorClaim;
    let vendor = assess_with(&fw, "vendor", &california());
    let (a, v) =
        (&initiative(&analyst, "hyper_personalization").value, &initiative(&vendor, "hyper_personalization").value);
    let (a_share, v_share) = (a.share.unwrap(), v.share.unwrap());
    assert!(v_share[0] < a_share[0] && v_share[1] < a_share[1], "{v_share:?} against {a_share:?}");
    assert!(v.amount.unwrap()[1] < a.amount.unwrap()[1]);
}

#[test]
fn unknown_revenue_gives_shares_only_in_the_data_and_the_report() {
    let fw = Frameworks::builtin().unwrap();
    let text = with_revenue(&california(), "dont_know");
    let a = assess_with(&fw, "unknown", &text);
    assert!(a.business_case.revenue.is_none());
    assert!(a.business_case.initiatives.iter().all(|i| i.value.amount.is_none()));
    assert!(initiative(&a, "hyper_personalization").value.share.is_some(), "the share is still shown");
    let path = std::env::temp_dir().join(format!("readiness-bizcase-{}.toml", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let out =
        bin().args(["assess", "--as-of", "2026-12-01", "--format", "markdown", "-a"]).arg(&path).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    let row = md.lines().find(|l| l.starts_with("| Hyper-personali") && l.contains("of revenue")).unwrap();
    assert!(row.contains("2.5-7.5% of revenue") && !row.contains("7,500,000"), "{row}");
}

#[test]
fn a_business_case_naming_an_unknown_technology_is_refused_with_file_and_line() {
    let dir = std::env::temp_dir().join(format!("readiness-bizcase-fw-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(bin().args(["frameworks", "export"]).arg(&dir).output().unwrap().status.success());
    let path = dir.join("business_case.toml");
    let text = read(&path).replace("technology = \"hyper_personalization\"", "technology = \"hyper_personalisation\"");
    std::fs::write(&path, text).unwrap();
    let out = bin().args(["frameworks", "check"]).arg(&dir).output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("business_case.toml:") && err.contains("hyper_personalisation"), "{err}");
}
