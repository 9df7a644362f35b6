//! The Markdown report: a document a client can read, summary first, tables that render on
//! GitHub and in pandoc, a Mermaid gantt chart of the roadmap, and appendices. Every piece of
//! text goes through `markdown_escape`, so nothing in an answer file can break it.

use super::{Names, Section, View, answer_text, bar, markdown_escape as esc, mermaid_label, month, num};
use super::{markdown_header as header, markdown_row as row};
use crate::assessment::*;
use crate::frameworks::{Frameworks, Ring, Text};
use std::fmt::Write;

pub fn render(a: &Assessment, fw: &Frameworks, view: &View) -> String {
    let names = Names(fw);
    let mut out = String::new();
    title(&mut out, a);
    summary(&mut out, a, &names);
    if view.shows(Section::Readiness) {
        readiness(&mut out, a, &names, view.explain);
    }
    if view.shows(Section::Technologies) {
        technologies(&mut out, a, &names, view.explain);
    }
    if view.shows(Section::Risk) {
        risks(&mut out, a, &names);
    }
    if view.shows(Section::Timeline) {
        timeline(&mut out, a, &names);
    }
    if view.shows(Section::Skills) {
        skills(&mut out, a, &names);
    }
    methodology(&mut out, fw);
    answers(&mut out, a, &names);
    sources(&mut out, fw);
    out
}

fn title(out: &mut String, a: &Assessment) {
    let _ = writeln!(out, "# AI marketing readiness: {}\n", esc(&a.company));
    header(out, &["Assessment", "Detail"]);
    row(out, &["Assessment date".into(), a.as_of.to_string()]);
    row(
        out,
        &[
            "Overall readiness".into(),
            format!("**{} / 100**, {}", num(a.readiness.overall), esc(&a.readiness.tier.name)),
        ],
    );
    row(out, &["Confidence".into(), format!("{}%", num(a.readiness.confidence))]);
    for c in a.context.iter().filter(|c| c.value != a.company) {
        row(out, &[esc(&c.prompt), esc(&c.value)]);
    }
    for r in &a.business.regulations {
        row(out, &["Rule in scope".into(), esc(&r.name)]);
    }
    let _ = writeln!(out, "\n*Produced by {} from the answers in Appendix B.*\n", esc(&a.generator));
}

fn in_ring(a: &Assessment, ring: Ring) -> Vec<&TechnologyAssessment> {
    a.technologies.iter().filter(|t| t.adoption_timeline.ring == ring).collect()
}

fn summary(out: &mut String, a: &Assessment, names: &Names) {
    let r = &a.readiness;
    out.push_str("## Executive summary\n\n");
    let _ = writeln!(
        out,
        "{} scores **{} out of 100**, in the *{}* tier. {}\n",
        esc(&a.company),
        num(r.overall),
        esc(&r.tier.name),
        esc(&r.tier.summary)
    );
    let scored = |ids: &[Text]| {
        let list: Vec<String> = ids
            .iter()
            .filter_map(|id| r.dimensions.iter().find(|d| &d.id == id))
            .map(|d| format!("{} ({})", esc(&d.name), num(d.score)))
            .collect();
        if list.is_empty() { "none".to_string() } else { list.join(", ") }
    };
    let _ = writeln!(out, "- **Strengths:** {}", scored(&r.strengths));
    let _ = writeln!(out, "- **Gaps to close first:** {}", scored(&r.gaps));
    for ring in &names.0.scoring.rings {
        let techs: Vec<String> = in_ring(a, ring.id).iter().map(|t| esc(&t.name)).collect();
        let list = if techs.is_empty() { "none".to_string() } else { techs.join(", ") };
        let _ = writeln!(out, "- **{}:** {list}", esc(&ring.name));
    }
    let top: Vec<String> =
        a.risks.iter().take(3).map(|risk| format!("{} ({})", esc(&risk.title), risk.severity)).collect();
    let _ = writeln!(
        out,
        "- **Most serious risks:** {}",
        if top.is_empty() { "none raised".into() } else { top.join("; ") }
    );
    if let Some(lever) = a.levers.first() {
        let _ = writeln!(out, "- **Biggest single lever:** {} (+{} points)", esc(&lever.prompt), num(lever.gain));
    }
    let unknown = a.answers.iter().filter(|x| x.answer == crate::answers::Answer::DontKnow).count();
    if unknown > 0 {
        let _ = writeln!(
            out,
            "\n{unknown} question(s) were answered \"don't know\"; they are left out of the scores and lower the confidence figure."
        );
    }
    out.push('\n');
}

fn readiness(out: &mut String, a: &Assessment, names: &Names, explain: bool) {
    out.push_str("## Readiness by dimension\n\n");
    header(out, &["Dimension", "Score", "", "Answered"]);
    for d in &a.readiness.dimensions {
        row(out, &[esc(&d.name), num(d.score), bar(d.score, 10), format!("{} of {}", d.answered, d.questions)]);
    }
    out.push('\n');
    dimension_chart(out, a);
    benchmark(out, a, names);
    out.push_str("### Responsible AI\n\n");
    header(out, &["Principle", "Score", "Status"]);
    for p in &a.ethics {
        row(out, &[esc(&p.name), num(p.score), if p.weak { "weak".into() } else { "sound".into() }]);
    }
    out.push_str("\n### Levers: where one step up helps most\n\n");
    for (i, l) in a.levers.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}** ({}): from level {} to {}, +{} points. Next level: {}",
            i + 1,
            esc(&l.prompt),
            esc(names.dimension(&l.dimension)),
            l.from_level,
            l.to_level,
            num(l.gain),
            esc(&l.next)
        );
    }
    if a.levers.is_empty() {
        out.push_str("No single answer can move overall readiness further.\n");
    }
    out.push('\n');
    if explain {
        out.push_str("### How the dimension scores were reached\n\n");
        out.push_str("Each answered question adds (level / top level) x its weight / the answered weight in its dimension x 100 points.\n\n");
        header(out, &["Dimension", "Question", "Answer", "Weight", "Points"]);
        for d in &a.readiness.dimensions {
            for c in &d.contributions {
                row(
                    out,
                    &[
                        esc(&d.name),
                        esc(&c.question),
                        answer_text(Some(c.answer), c.max_level),
                        format!("{}", c.weight),
                        num(c.points),
                    ],
                );
            }
        }
        out.push('\n');
    }
}

fn technologies(out: &mut String, a: &Assessment, names: &Names, explain: bool) {
    out.push_str("## Technologies\n\n");
    header(
        out,
        &[
            "Technology",
            "Maturity",
            "Business readiness",
            "Weakest dimension",
            "Complexity",
            "ROI potential",
            "Risk",
            "Ring",
            "Start month",
        ],
    );
    for t in &a.technologies {
        let m = &t.technology_maturity;
        row(
            out,
            &[
                esc(&t.name),
                format!("{} ({})", num(m.score), esc(&m.stage_name)),
                num(t.business_readiness.score),
                esc(names.dimension(&t.business_readiness.weakest_dimension)),
                num(t.implementation_complexity.score),
                num(t.roi_potential.score),
                num(t.risk_factors.score),
                esc(names.ring(t.adoption_timeline.ring)),
                month(t.adoption_timeline.start_month),
            ],
        );
    }
    out.push_str("\nMaturity, business readiness and ROI potential: higher is better. Complexity and risk: higher is harder.\n\n");
    out.push_str("### Evidence and goals served\n\n");
    for t in &a.technologies {
        let goals: Vec<&str> = t.roi_potential.goals_served.iter().map(|g| names.goal(g)).collect();
        let goals = if goals.is_empty() { "none of the stated goals".to_string() } else { goals.join(", ") };
        let _ = writeln!(out, "- **{}** serves {}.", esc(&t.name), esc(&goals));
        for e in &t.roi_potential.evidence {
            let _ = writeln!(out, "  - {} (source: *{}*)", esc(&e.claim), esc(&e.source.title));
        }
    }
    out.push('\n');
    if explain {
        out.push_str("### How business readiness was reached\n\n");
        header(out, &["Technology", "Dimension", "Required", "Actual"]);
        for t in &a.technologies {
            for r in &t.business_readiness.requirements {
                row(out, &[esc(&t.name), esc(names.dimension(&r.dimension)), num(r.required), num(r.actual)]);
            }
        }
        out.push('\n');
    }
}

fn risks(out: &mut String, a: &Assessment, names: &Names) {
    out.push_str("## Risk register\n\n");
    if a.risks.is_empty() {
        out.push_str("No risk is raised by these answers.\n\n");
        return;
    }
    header(out, &["Risk", "Category", "Severity", "Likelihood", "Exposure", "Technologies"]);
    for r in &a.risks {
        let severity = if r.escalated_by.is_empty() {
            r.severity.to_string()
        } else {
            format!("{} (raised by rules in scope)", r.severity)
        };
        row(
            out,
            &[
                esc(&r.title),
                esc(names.risk_category(&r.category)),
                severity,
                esc(&r.likelihood_band),
                num(r.exposure),
                esc(&names.technologies(&r.technologies)),
            ],
        );
    }
    out.push('\n');
    for r in &a.risks {
        let evidence: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("{} answered {}", esc(&e.question), answer_text(Some(e.answer), e.max_level)))
            .collect();
        let _ = writeln!(
            out,
            "- **{}.** {} Evidence: {}.\n  *Mitigation:* {}",
            esc(&r.title),
            esc(&r.reason),
            evidence.join(", "),
            esc(&r.mitigation)
        );
    }
    out.push('\n');
}

fn timeline(out: &mut String, a: &Assessment, names: &Names) {
    out.push_str("## Adoption timeline\n\n");
    gantt(out, a, names);
    header(out, &["Ring", "Technologies"]);
    for ring in &names.0.scoring.rings {
        let techs: Vec<String> = in_ring(a, ring.id)
            .iter()
            .map(|t| format!("{} (month {})", esc(&t.name), month(t.adoption_timeline.start_month)))
            .collect();
        row(out, &[esc(&ring.name), techs.join(", ")]);
    }
    out.push('\n');
    for phase in &a.roadmap {
        let _ = writeln!(out, "### {} (months {} to {})\n", esc(&phase.name), phase.months[0], phase.months[1]);
        let _ = writeln!(out, "*Entry criteria:* {}.\n", esc(&phase.entry_criteria.join("; ")));
        if !phase.technologies.is_empty() {
            let _ = writeln!(out, "*Technologies starting:* {}.\n", esc(&names.technologies(&phase.technologies)));
        }
        for action in &phase.actions {
            let focus = if !action.gaps.is_empty() {
                format!("**Focus, closes a gap in {}.** ", esc(&names.dimensions(&action.gaps)))
            } else {
                String::new()
            };
            let _ = writeln!(out, "- {focus}**{}:** {}", esc(&action.title), esc(&action.description));
        }
        if !phase.actions.is_empty() {
            out.push('\n');
        }
    }
}

/// A Mermaid bar chart of the dimension scores.
fn dimension_chart(out: &mut String, a: &Assessment) {
    let labels: Vec<String> =
        a.readiness.dimensions.iter().map(|d| format!("\"{}\"", mermaid_label(&d.name).replace('"', "'"))).collect();
    let scores: Vec<String> = a.readiness.dimensions.iter().map(|d| num(d.score)).collect();
    let _ = writeln!(
        out,
        "```mermaid\nxychart-beta\n    title \"Readiness by dimension\"\n    x-axis [{}]\n    y-axis \"Score\" 0 --> 100\n    bar [{}]\n```\n",
        labels.join(", "),
        scores.join(", ")
    );
}

/// Percentiles among a portfolio, when the assessment was benchmarked.
fn benchmark(out: &mut String, a: &Assessment, names: &Names) {
    let Some(b) = &a.benchmark else { return };
    let _ = writeln!(out, "### Benchmark among {} assessments\n", b.portfolio_size);
    header(out, &["Score", "Percentile"]);
    row(out, &["Overall".into(), format!("{}", b.overall_percentile)]);
    for d in &b.dimensions {
        row(out, &[esc(names.dimension(&d.dimension)), format!("{}", d.percentile)]);
    }
    out.push('\n');
}

/// A Mermaid gantt chart: one section per phase, one bar per technology from its start month
/// to the end of its phase.
fn gantt(out: &mut String, a: &Assessment, names: &Names) {
    out.push_str("```mermaid\ngantt\n    title Adoption roadmap\n    dateFormat YYYY-MM-DD\n    axisFormat %b %Y\n");
    for phase in a.roadmap.iter().filter(|p| !p.technologies.is_empty()) {
        let _ = writeln!(out, "    section {}", mermaid_label(&phase.name));
        for id in &phase.technologies {
            let Some(t) = a.technologies.iter().find(|t| &t.id == id) else { continue };
            let (Some(first), Some(last)) = (t.adoption_timeline.start_month, t.adoption_timeline.end_month) else {
                continue;
            };
            let start = a.as_of.first_of_month_after(first);
            let months = last + 1 - first;
            let _ = writeln!(out, "    {} :{}, {}d", mermaid_label(names.technology(id)), start, months * 30);
        }
    }
    out.push_str("```\n\n");
}

fn skills(out: &mut String, a: &Assessment, names: &Names) {
    out.push_str("## Skills\n\n");
    let levels = &names.0.skills.levels;
    let _ = writeln!(
        out,
        "Levels: 0 none, {}.\n",
        levels.iter().enumerate().map(|(i, l)| format!("{} {}", i + 1, esc(l))).collect::<Vec<_>>().join(", ")
    );
    header(out, &["Skill", "Category", "Current", "Required", "Gap", "Needed by"]);
    for s in &a.skills {
        let needed: Vec<&str> = s.needed_by.iter().map(|id| names.requirer(id)).collect();
        row(
            out,
            &[
                esc(&s.name),
                esc(names.skill_category(&s.category)),
                num(s.current),
                format!("{}", s.required),
                num(s.gap),
                esc(&needed.join(", ")),
            ],
        );
    }
    out.push('\n');
    let gaps: Vec<&SkillGap> = a.skills.iter().filter(|s| s.gap > 0.0).take(5).collect();
    if !gaps.is_empty() {
        out.push_str("### Learning paths for the largest gaps\n\n");
    }
    for s in gaps {
        let _ = writeln!(
            out,
            "- **{}:** {}.\n  *Practical project:* {}",
            esc(&s.name),
            esc(&s.learning_path.join("; then ")),
            esc(&s.project)
        );
    }
    out.push('\n');
}

fn methodology(out: &mut String, _fw: &Frameworks) {
    out.push_str("## Appendix A: Methodology\n\nSee the README's methodology section.\n\n");
}

fn answers(out: &mut String, a: &Assessment, names: &Names) {
    out.push_str("## Appendix B: Answers\n\n");
    header(out, &["Question", "Dimension", "Answer"]);
    for x in &a.answers {
        let answer = match x.answer {
            crate::answers::Answer::Level(level) => format!("{level}: {}", esc(&x.description)),
            crate::answers::Answer::DontKnow => "Don't know".into(),
            crate::answers::Answer::Between(between) => format!("{between} (between levels)"),
        };
        row(out, &[esc(&x.prompt), esc(names.dimension(&x.dimension)), answer]);
    }
    out.push('\n');
}

fn sources(out: &mut String, fw: &Frameworks) {
    out.push_str("## Appendix C: Sources\n\n");
    for s in &fw.sources.sources {
        let by = s.author.as_ref().map(|a| format!(", {}", esc(a))).unwrap_or_default();
        let date = s.date.as_ref().map(|d| format!(", {}", esc(d))).unwrap_or_default();
        let _ = writeln!(out, "- *{}*{by}{date}", esc(&s.title));
    }
}
