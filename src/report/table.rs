//! The terminal view: short headings and comfy-table tables that fit the terminal width.
//! Text from answer files is passed through `terminal` so it cannot carry escape sequences.

use super::text::terminal;
use super::{Names, Section, View, answer_text, bar};
use crate::assessment::*;
use crate::frameworks::Frameworks;
use comfy_table::Table;
use std::fmt::Write;

pub fn render(a: &Assessment, fw: &Frameworks, view: &View) -> String {
    let names = Names(fw);
    let mut out = String::new();
    let r = &a.readiness;
    let _ = writeln!(out, "AI marketing readiness: {}  (as of {})", a.company, a.as_of);
    let _ = writeln!(out, "Overall {} / 100  {}  {}", r.overall, bar(r.overall, 20), r.tier.name);
    let _ = writeln!(out, "Confidence {}% of question weight answered", r.confidence);
    let _ = writeln!(out, "{}", r.tier.summary);
    if view.shows(Section::Readiness) {
        readiness(&mut out, a, &names, view);
    }
    if view.shows(Section::Technologies) {
        technologies(&mut out, a, &names, view);
    }
    if view.shows(Section::Risk) {
        risks(&mut out, a, &names, view);
    }
    if view.shows(Section::Timeline) {
        timeline(&mut out, a, &names, view);
    }
    if view.shows(Section::Skills) {
        skills(&mut out, a, &names, view);
    }
    terminal(&out)
}

fn table(view: &View, header: &[&str]) -> Table {
    super::new_table(header, view.width)
}

fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{title}\n{}\n", "─".repeat(title.chars().count()));
}

fn push(out: &mut String, table: &Table) {
    out.push_str(&table.to_string());
    out.push('\n');
}

fn readiness(out: &mut String, a: &Assessment, names: &Names, view: &View) {
    heading(out, "Readiness by dimension");
    let mut dims = table(view, &["Dimension", "Score", "", "Answered"]);
    for d in &a.readiness.dimensions {
        dims.add_row(vec![
            d.name.to_string(),
            d.score.to_string(),
            bar(d.score, 10),
            format!("{}/{}", d.answered, d.questions),
        ]);
    }
    push(out, &dims);
    if let Some(b) = &a.benchmark {
        let mut bench = table(view, &[&format!("Benchmark among {} assessments", b.portfolio_size), "Percentile"]);
        bench.add_row(vec!["Overall".to_string(), b.overall_percentile.to_string()]);
        for d in &b.dimensions {
            bench.add_row(vec![names.dimension(&d.dimension).to_string(), d.percentile.to_string()]);
        }
        push(out, &bench);
    }
    let mut ethics = table(view, &["Responsible AI", "Score", "Status"]);
    for p in &a.ethics {
        ethics.add_row(vec![
            p.name.to_string(),
            p.score.to_string(),
            if p.weak { "weak".into() } else { "sound".into() },
        ]);
    }
    push(out, &ethics);
    heading(out, "Levers: one step up on these answers raises readiness most");
    let mut levers = table(view, &["Question", "Dimension", "Step", "Gain", "Next level"]);
    for l in &a.levers {
        levers.add_row(vec![
            l.prompt.to_string(),
            names.dimension(&l.dimension).to_string(),
            format!("{} → {}", l.from_level, l.to_level),
            format!("+{}", l.gain),
            l.next.to_string(),
        ]);
    }
    push(out, &levers);
    if view.explain {
        heading(out, "How the dimension scores were reached");
        let mut why = table(view, &["Dimension", "Question", "Answer", "Weight", "Points"]);
        for d in &a.readiness.dimensions {
            for c in &d.contributions {
                why.add_row(vec![
                    d.name.to_string(),
                    c.question.to_string(),
                    answer_text(Some(c.answer), c.max_level),
                    c.weight.to_string(),
                    c.points.to_string(),
                ]);
            }
        }
        push(out, &why);
    }
}

fn technologies(out: &mut String, a: &Assessment, names: &Names, view: &View) {
    heading(out, "Technologies");
    let header =
        ["Technology", "Ring", "Month", "Maturity", "Readiness", "ROI", "Complexity", "Risk", "Weakest dimension"];
    let mut techs = table(view, &header);
    for x in &a.technologies {
        techs.add_row(vec![
            x.name.to_string(),
            names.ring(x.adoption_timeline.ring).to_string(),
            super::month(x.adoption_timeline.start_month),
            x.technology_maturity.score.to_string(),
            x.business_readiness.score.to_string(),
            x.roi_potential.score.to_string(),
            x.implementation_complexity.score.to_string(),
            x.risk_factors.score.to_string(),
            names.dimension(&x.business_readiness.weakest_dimension).to_string(),
        ]);
    }
    push(out, &techs);
    out.push_str("Maturity, readiness and ROI: higher is better. Complexity and risk: higher is harder.\n");
    if view.explain {
        heading(out, "How business readiness was reached");
        let mut why = table(view, &["Technology", "Dimension", "Required", "Actual"]);
        for x in &a.technologies {
            for r in &x.business_readiness.requirements {
                why.add_row(vec![
                    x.name.to_string(),
                    names.dimension(&r.dimension).to_string(),
                    r.required.to_string(),
                    r.actual.to_string(),
                ]);
            }
        }
        push(out, &why);
    }
}

fn risks(out: &mut String, a: &Assessment, names: &Names, view: &View) {
    heading(out, "Risk register");
    let mut risks = table(view, &["Risk", "Category", "Severity", "Likelihood", "Exposure", "Mitigation"]);
    for r in &a.risks {
        risks.add_row(vec![
            r.title.to_string(),
            names.risk_category(&r.category).to_string(),
            r.severity.to_string(),
            r.likelihood.to_string(),
            r.exposure.to_string(),
            r.mitigation.to_string(),
        ]);
    }
    if a.risks.is_empty() {
        out.push_str("No risk is raised by these answers.\n");
    } else {
        push(out, &risks);
    }
}

fn timeline(out: &mut String, a: &Assessment, names: &Names, view: &View) {
    heading(out, "Adoption timeline");
    let mut phases = table(view, &["Phase", "Months", "Technologies starting", "Focus actions"]);
    for p in &a.roadmap {
        let techs: Vec<String> = p
            .technologies
            .iter()
            .filter_map(|id| a.technologies.iter().find(|x| &x.id == id))
            .map(|x| {
                format!(
                    "{} ({}, month {})",
                    x.name,
                    names.ring(x.adoption_timeline.ring),
                    super::month(x.adoption_timeline.start_month)
                )
            })
            .collect();
        let focus: Vec<&str> = p.actions.iter().filter(|x| !x.gaps.is_empty()).map(|x| x.title.as_str()).collect();
        phases.add_row(vec![
            names.phase(&p.id).to_string(),
            format!("{}-{}", p.months[0], p.months[1]),
            techs.join("\n"),
            focus.join("\n"),
        ]);
    }
    push(out, &phases);
}

fn skills(out: &mut String, a: &Assessment, names: &Names, view: &View) {
    heading(out, "Skills gaps");
    let mut skills = table(view, &["Skill", "Category", "Current", "Required", "Gap", "First step"]);
    for s in a.skills.iter().filter(|s| s.gap > 0.0) {
        let first = s.learning_path.first().cloned().unwrap_or_default();
        skills.add_row(vec![
            s.name.to_string(),
            names.skill_category(&s.category).to_string(),
            s.current.to_string(),
            s.required.to_string(),
            s.gap.to_string(),
            first.to_string(),
        ]);
    }
    if a.skills.iter().any(|s| s.gap > 0.0) {
        push(out, &skills);
    } else {
        out.push_str("No skills gap for the technologies planned.\n");
    }
}
