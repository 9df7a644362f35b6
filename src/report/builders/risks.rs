//! Risks: a heat map of severity by likelihood, the register (owner and mitigating action for
//! each), why each is raised, and the rules in scope.

use super::{Words, left, list_block, new_section, notes, num, paragraph, right, table, wide};
use crate::assessment::RiskEntry;
use crate::document::{Block, Chart, ChartKind, Section};
use crate::frameworks::Severity;

const SEVERITIES: [Severity; 4] = [Severity::Critical, Severity::High, Severity::Medium, Severity::Low];

pub(crate) fn section(w: &Words, _explain: bool) -> Section {
    let t = &w.text.risks;
    let mut blocks: Vec<Block> = Vec::new();
    if w.a.risks.is_empty() {
        blocks.push(paragraph(w.text.summary.no_risks.to_string()));
    } else {
        let (count, serious) = (w.a.risks.len().to_string(), w.a.risks.iter().filter(|r| r.serious).count());
        blocks.extend(w.fill(&t.intro, &[("count", &count), ("serious", &serious.to_string())]).map(paragraph));
        blocks.push(Block::Chart(heat_map(w)));
        blocks.push(register(w));
        blocks.push(Block::Heading(t.details.to_string()));
        let explained = w.a.risks.iter().filter(|r| !r.residual && (r.serious || !r.escalated_by.is_empty()));
        blocks.extend(list_block(explained.filter_map(|r| detail(w, r)).collect(), false));
    }
    blocks.extend(rules(w));
    new_section("risks", &t.title, blocks)
}

fn heat_map(w: &Words) -> Chart {
    let t = &w.text.risks;
    let bands: Vec<(&str, String)> =
        w.g.likelihood_bands
            .iter()
            .map(|id| (id.as_str(), w.g.likelihoods.get(id).map_or(id.to_string(), |n| n.to_string())))
            .collect();
    let cells: Vec<Vec<Vec<String>>> = SEVERITIES
        .iter()
        .map(|s| {
            bands
                .iter()
                .map(|(band, _)| {
                    w.a.risks
                        .iter()
                        .filter(|r| r.severity == *s && r.likelihood_band == *band)
                        .map(|r| r.title.to_string())
                        .collect()
                })
                .collect()
        })
        .collect();
    Chart {
        title: t.heat_map.to_string(),
        alt: heat_map_alt(w, &cells, &bands),
        kind: ChartKind::HeatMap {
            row_title: t.severity.to_string(),
            col_title: t.likelihood.to_string(),
            rows: SEVERITIES.iter().map(|s| w.severity(*s)).collect(),
            cols: bands.into_iter().map(|(_, name)| name).collect(),
            cells,
        },
    }
}

/// The alternative text names the most serious cell: the highest severity, then likelihood.
fn heat_map_alt(w: &Words, cells: &[Vec<Vec<String>>], bands: &[(&str, String)]) -> String {
    let t = &w.text.risks;
    let count = w.a.risks.len().to_string();
    let top = SEVERITIES.iter().zip(cells).find_map(|(severity, row)| {
        let (band, risks) = bands.iter().zip(row).rev().find(|(_, risks)| !risks.is_empty())?;
        Some((w.severity(*severity).to_lowercase(), band.1.to_lowercase(), w.list(risks)))
    });
    let alt = top.and_then(|(severity, likelihood, risks)| {
        let values = [("count", &count[..]), ("severity", &severity), ("likelihood", &likelihood), ("risks", &risks)];
        w.fill(&t.heat_map_alt_top, &values)
    });
    alt.or_else(|| w.fill(&t.heat_map_alt, &[("count", &count)])).unwrap_or_default()
}

fn register(w: &Words) -> Block {
    let t = &w.text.risks;
    let rows =
        w.a.risks
            .iter()
            .map(|r| {
                // The rules are named in the risk's detail below; the cell only flags them.
                let sev = w.severity(r.severity);
                let severity = match r.escalated_by.is_empty() {
                    true => sev,
                    false => w.fill(&t.escalated, &[("severity", &sev)]).unwrap_or(sev),
                };
                let likelihood = w.g.likelihoods.get(&r.likelihood_band).map_or(String::new(), |l| l.to_string());
                let action = w.action_title(&r.action);
                let mitigation = match w.action_months(&r.action) {
                    Some(months) => w.fill(&t.scheduled, &[("action", &action), ("months", &months)]),
                    None => w.fill(&t.unscheduled, &[("action", &action)]),
                };
                let title = match r.residual {
                    true => w.fill(&t.residual, &[("risk", &r.title)]).unwrap_or_else(|| r.title.to_string()),
                    false => r.title.to_string(),
                };
                vec![title, severity, likelihood, num(r.exposure), r.owner.to_string(), mitigation.unwrap_or_default()]
            })
            .collect();
    let columns = vec![
        wide(&t.risk),
        left(&t.severity),
        left(&t.likelihood),
        right(&t.exposure),
        left(&t.owner),
        left(&t.mitigation),
    ];
    table(None, columns, rows)
}

fn detail(w: &Words, r: &RiskEntry) -> Option<String> {
    let shown = |e: &crate::assessment::EvidenceAnswer| {
        let prompt =
            w.a.answers
                .iter()
                .find(|x| x.question == e.question)
                .map_or(e.question.to_string(), |x| x.prompt.to_string());
        format!("{} {}", prompt.trim_end_matches('?'), w.answer(e.answer, e.max_level, true))
    };
    let evidence: Vec<String> = r.evidence.iter().map(shown).collect();
    // Some controls in place: say which fall short rather than the worst-case reason.
    let short: Vec<String> = r
        .short_of
        .iter()
        .map(|q| w.a.answers.iter().find(|x| &x.question == q).map_or(q.to_string(), |x| x.prompt.to_string()))
        .collect();
    let reason = match short.is_empty() {
        true => r.reason.to_string(),
        false => {
            let quoted: Vec<String> =
                short.iter().filter_map(|q| w.fill(&w.text.risks.quoted, &[("text", q)])).collect();
            w.fill(&w.text.risks.partly, &[("short", &w.list(&quoted))]).unwrap_or_else(|| r.reason.to_string())
        }
    };
    let values = [
        ("exposure", &num(r.exposure)[..]),
        ("reason", &reason[..]),
        ("evidence", &evidence.join("; ")),
        ("technologies", &w.technology_names(&r.technologies)),
    ];
    let rules: Vec<String> = r
        .escalated_by
        .iter()
        .filter_map(|id| w.a.business.regulations.iter().find(|x| &x.id == id).map(|x| x.name.to_string()))
        .collect();
    let escalated = w.fill(&w.text.risks.escalated_by, &[("rules", &w.list(&rules))]);
    let detail = w.fill(&w.text.risks.detail, &values)?;
    let text = format!("{} {detail}{}", r.title, escalated.map(|e| format!(" {e}")).unwrap_or_default());
    Some(notes::after(w, text, r.evidence.iter().map(|e| &e.question[..])))
}

fn rules(w: &Words) -> Vec<Block> {
    let t = &w.text.risks;
    let rules = &w.a.business.regulations;
    if rules.is_empty() {
        return Vec::new();
    }
    let rows = rules
        .iter()
        .map(|r| {
            let rule = [("rule", &r.name[..]), ("citation", &r.citation)];
            let mut cell = w.fill(&t.rule_cell, &rule).unwrap_or_else(|| r.name.to_string());
            if !r.in_force {
                cell.push_str(&w.fill(&t.from_date, &[("date", &w.date(r.applies_from))]).unwrap_or_default());
            }
            let extra = |template: &crate::frameworks::Text, key: &str, value: &Option<crate::frameworks::Text>| {
                value.as_ref().and_then(|v| w.fill(template, &[(key, v)])).unwrap_or_default()
            };
            let exceptions = extra(&t.exceptions, "exceptions", &r.exceptions);
            let obligation = format!("{}{exceptions}{}", r.obligation, extra(&t.history, "history", &r.history));
            // Who answers for it closes the obligation: a column of its own ran longer than it.
            let role = w.fill(&t.role_line, &[("role", &r.role)]).map(|r| format!(" {r}")).unwrap_or_default();
            vec![cell, format!("{obligation}{role}"), w.technology_names(&r.technologies)]
        })
        .collect();
    let columns = vec![left(&t.rule), wide(&t.obligation), left(&w.text.technologies.technology)];
    vec![Block::Heading(t.rules.to_string()), table(None, columns, rows)]
}
