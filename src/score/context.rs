//! The business context, resolved once from the context answers: every rule that depends on
//! who the business is reads a field of [`Business`] rather than an answer.

use crate::answers::{Answers, ContextValue};
use crate::assessment::{Business, RegulationRef, SourceRef};
use crate::date::Date;
use crate::frameworks::{ContextRole, Cost, Frameworks, Regulation, Source, Text};

pub(crate) fn resolve(fw: &Frameworks, answers: &Answers, as_of: Date) -> Business {
    let band = capacity_band(fw, answers);
    let appetite = option_of(fw, answers, ContextRole::RiskAppetite)
        .map_or_else(|| fw.scoring.maturity.unknown_appetite.clone(), |o| o.id.clone());
    let industry = option_of(fw, answers, ContextRole::Industry).map(|o| o.id.clone());
    let regions = choices(fw, answers, ContextRole::Regions);
    let company_scale = option_of(fw, answers, ContextRole::Size).and_then(|o| o.company_scale.clone());
    let privacy_role = privacy_role(fw, &regions, industry.as_deref(), company_scale.as_deref());
    let rule_role = rule_role(fw, company_scale.as_deref());
    let role = |rule: &Regulation| rule_role.unwrap_or(&rule.role).replace("{privacy_role}", &privacy_role).into();
    let (in_use, in_use_inferred, in_use_suggested) = in_use(fw, answers);
    Business {
        team_size: team_size(fw, answers),
        scale: owner_scale(fw, answers),
        company_scale,
        capacity: band.initiatives,
        skills_approach: band.skills_approach.clone(),
        affords: option_of(fw, answers, ContextRole::Budget).and_then(|o| o.affords).unwrap_or(Cost::Low),
        funds_pilots: funds_pilots(fw, answers),
        goals: choices(fw, answers, ContextRole::Goals).into_iter().map(Text::from).collect(),
        appetite,
        in_use,
        in_use_inferred,
        in_use_suggested,
        regulations: fw
            .regulations
            .regulations
            .iter()
            .filter(|r| in_scope(r, &regions, industry.as_deref(), as_of, fw.roadmap.horizon_months))
            .map(|r| regulation_ref(fw, r, as_of, role(r)))
            .collect(),
        unknown_context: unknown_context(fw, answers),
        regions: regions.iter().copied().map(Text::from).collect(),
        privacy_role,
        industry,
    }
}

/// The first privacy role whose regions, industries and company scales fit the business (an
/// empty list fits all).
fn privacy_role(fw: &Frameworks, regions: &[&str], industry: Option<&str>, scale: Option<&str>) -> Text {
    let fits = |r: &crate::frameworks::PrivacyRole| {
        let region = r.regions.is_empty() || r.regions.iter().any(|x| regions.contains(&x.as_str()));
        region && covers(&r.industries, industry) && covers(&r.company_scales, scale)
    };
    fw.regulations.privacy_roles.iter().find(|r| fits(r)).map(|r| r.role.clone()).unwrap_or_default()
}

/// Who answers for every rule in a company of this scale, where the frameworks name one.
fn rule_role<'a>(fw: &'a Frameworks, scale: Option<&str>) -> Option<&'a Text> {
    let fits = |r: &&crate::frameworks::RuleRole| scale.is_some_and(|s| r.company_scales.iter().any(|x| x == s));
    fw.regulations.rule_roles.iter().find(fits).map(|r| &r.role)
}

/// An empty industry list covers every industry; otherwise the business's must be listed.
fn covers(industries: &[Text], industry: Option<&str>) -> bool {
    industries.is_empty() || industry.is_some_and(|i| industries.iter().any(|x| x == i))
}

/// The context questions with a role whose answer is missing or not one of the options.
fn unknown_context(fw: &Frameworks, answers: &Answers) -> Vec<Text> {
    let known = |q: &crate::frameworks::ContextQuestion| match answers.context.get(&q.id) {
        Some(ContextValue::Number(_)) => true,
        Some(ContextValue::Text(text)) => q.options.is_empty() || q.options.iter().any(|o| o.id == *text),
        Some(ContextValue::List(items)) => items.iter().all(|i| q.options.iter().any(|o| o.id == *i)),
        Some(ContextValue::DontKnow) | None => false,
    };
    fw.questionnaire.context.iter().filter(|q| q.role.is_some() && !known(q)).map(|q| q.id.clone()).collect()
}

/// A rule is in scope for a business that markets to one of its regions (and works in one of
/// its industries, where it names any) from the plan's horizon before it applies.
fn in_scope(rule: &Regulation, regions: &[&str], industry: Option<&str>, as_of: Date, horizon: u32) -> bool {
    let region = rule.regions.iter().any(|r| regions.contains(&r.as_str()));
    let sector = covers(&rule.industries, industry);
    region && sector && i64::from(rule.applies_from.months_since(as_of)) <= i64::from(horizon)
}

fn regulation_ref(fw: &Frameworks, rule: &Regulation, as_of: Date, role: Text) -> RegulationRef {
    RegulationRef {
        id: rule.id.clone(),
        name: rule.name.clone(),
        citation: rule.citation.clone(),
        obligation: rule.obligation.clone(),
        exceptions: rule.exceptions.clone(),
        history: rule.history.clone(),
        role,
        applies_from: rule.applies_from,
        in_force: rule.applies_from <= as_of,
        technologies: rule.technologies.clone(),
        source: source_ref(fw.source(&rule.source).expect("checked: regulation sources exist")),
        see_also: rule.see_also.iter().filter_map(|id| fw.source(id)).map(source_ref).collect(),
    }
}

pub(crate) fn source_ref(source: &Source) -> SourceRef {
    SourceRef {
        id: source.id.clone(),
        kind: source.kind,
        title: source.title.clone(),
        author: source.author.clone(),
        publisher: source.publisher.clone(),
        date: source.date.clone(),
        address: source.address.clone(),
    }
}

fn team_size(fw: &Frameworks, answers: &Answers) -> Option<i64> {
    fw.context_with_role(ContextRole::TeamSize).and_then(|q| match answers.context.get(&q.id) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    })
}

/// The scale of owner roles: the marketing team's band, kept within the scales a company of
/// this size has (a large firm's small team is led by a marketing lead, not the owner, and a
/// small firm's large team has no head of CRM). Unknown size: none (the first listed owner);
/// unknown team: the largest the company size allows.
fn owner_scale(fw: &Frameworks, answers: &Answers) -> Option<Text> {
    let size = option_of(fw, answers, ContextRole::Size)?;
    let bands = &fw.scoring.owner_bands;
    let position = |scale: &Text| bands.iter().position(|b| &b.scale == scale);
    let largest = size.scale.as_ref().and_then(position)?;
    let smallest = size.smallest_scale.as_ref().map_or(Some(0), position)?.min(largest);
    let team = team_size(fw, answers).map(|n| bands.iter().position(|b| n <= b.team_up_to).unwrap_or(bands.len() - 1));
    Some(bands[team.unwrap_or(largest).clamp(smallest, largest)].scale.clone())
}

/// Pilots the budget pays for; an unknown budget, the fewest any budget option funds.
fn funds_pilots(fw: &Frameworks, answers: &Answers) -> Option<usize> {
    match option_of(fw, answers, ContextRole::Budget) {
        Some(o) => o.funds_pilots,
        None => fw.context_with_role(ContextRole::Budget)?.options.iter().filter_map(|o| o.funds_pilots).min(),
    }
}

/// The capacity band for the team size; an unknown size gets the smallest team's band.
fn capacity_band<'a>(fw: &'a Frameworks, answers: &Answers) -> &'a crate::frameworks::CapacityBand {
    let bands = &fw.scoring.capacity;
    let team = team_size(fw, answers);
    match team {
        None => &bands[0],
        Some(n) => bands.iter().find(|b| n <= b.team_up_to).unwrap_or(&bands[bands.len() - 1]),
    }
}

/// Technologies in use, those of them inferred, and those the answers describe but the in-use
/// answer leaves out. The in-use answer decides when it is given ("none" and unknown options
/// are not technologies); when it is not, the answers that describe a technology at work do.
fn in_use(fw: &Frameworks, answers: &Answers) -> (Vec<Text>, Vec<Text>, Vec<Text>) {
    let answered = fw.context_with_role(ContextRole::InUse).is_some_and(|q| answers.context.contains_key(&q.id));
    let chosen = choices(fw, answers, ContextRole::InUse);
    let (mut in_use, mut inferred, mut suggested) = (Vec::new(), Vec::new(), Vec::new());
    for t in &fw.technologies.technologies {
        let described = t.runs_when.iter().any(|r| {
            fw.question(&r.question)
                .and_then(|q| super::readiness::answer_of(answers, q).0.level())
                .is_some_and(|level| level >= f64::from(r.at_least))
        });
        if chosen.contains(&t.id.as_str()) {
            in_use.push(t.id.clone());
        } else if described && answered {
            suggested.push(t.id.clone());
        } else if described {
            in_use.push(t.id.clone());
            inferred.push(t.id.clone());
        }
    }
    (in_use, inferred, suggested)
}

fn choices<'a>(fw: &Frameworks, answers: &'a Answers, role: ContextRole) -> Vec<&'a str> {
    answers.choices_for(fw, role)
}

fn choice<'a>(fw: &Frameworks, answers: &'a Answers, role: ContextRole) -> Option<&'a str> {
    answers.choices_for(fw, role).first().copied()
}

fn option_of<'a>(
    fw: &'a Frameworks,
    answers: &Answers,
    role: ContextRole,
) -> Option<&'a crate::frameworks::ContextOption> {
    let id = choice(fw, answers, role)?;
    fw.context_with_role(role)?.options.iter().find(|o| o.id == id)
}
