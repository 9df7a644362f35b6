//! The ids of a saved assessment that the frameworks it is rendered with must know: the
//! builders take every name and sentence for them from the frameworks, so a report assessed
//! with other frameworks (a customised copy not named with `--frameworks`) is refused rather
//! than rendered with raw ids or other words.

use crate::assessment::Assessment;
use crate::frameworks::{ContextRole, Frameworks, Text};

/// Whether the frameworks know an id.
type Known<'a> = &'a dyn Fn(&Text) -> bool;

/// One message per kind of id the frameworks lack, naming the first few.
pub fn unknown_ids(a: &Assessment, fw: &Frameworks) -> Vec<String> {
    let options = |role| fw.context_with_role(role).map(|q| q.options.as_slice()).unwrap_or_default();
    let option = |role, id: &Text| options(role).iter().any(|o| &o.id == id);
    let b = &a.business;
    let tiers = std::slice::from_ref(&a.readiness.tier.id);
    let appetite = std::slice::from_ref(&b.appetite);
    let dimensions: Vec<&Text> = a.readiness.dimensions.iter().map(|d| &d.id).collect();
    let technologies: Vec<&Text> = a.technologies.iter().map(|t| &t.id).collect();
    let stages: Vec<&Text> = a.technologies.iter().map(|t| &t.technology_maturity.stage).collect();
    let regulations: Vec<&Text> = b.regulations.iter().map(|r| &r.id).collect();
    let risks: Vec<&Text> = a.risks.iter().map(|r| &r.id).collect();
    let categories: Vec<&Text> = a.risks.iter().map(|r| &r.category).collect();
    let bands: Vec<&Text> = a.risks.iter().map(|r| &r.likelihood_band).collect();
    let skills: Vec<&Text> = a.skills.iter().map(|s| &s.category).collect();
    let actions: Vec<&Text> = a.roadmap.iter().flat_map(|p| &p.actions).map(|x| &x.id).collect();
    let context: Vec<&Text> = a.context.iter().map(|c| &c.id).collect();
    let checks: [(&str, Vec<&Text>, Known); 13] = [
        ("tier", tiers.iter().collect(), &|id| fw.scoring.tiers.iter().any(|t| &t.id == id)),
        ("goal", b.goals.iter().collect(), &|id| option(ContextRole::Goals, id)),
        ("risk appetite", appetite.iter().filter(|id| !id.is_empty()).collect(), &|id| {
            option(ContextRole::RiskAppetite, id)
        }),
        ("dimension", dimensions, &|id| fw.dimension(id).is_some()),
        ("technology", technologies, &|id| fw.technology(id).is_some()),
        ("maturity stage", stages, &|id| fw.stage(id).is_some()),
        ("regulation", regulations, &|id| fw.regulation(id).is_some()),
        ("risk", risks, &|id| fw.risk(id).is_some()),
        ("risk category", categories, &|id| fw.risk_category(id).is_some()),
        ("likelihood band", bands, &|id| fw.scoring.risk.likelihood.iter().any(|l| &l.id == id)),
        ("skill category", skills, &|id| fw.skills.categories.iter().any(|c| &c.id == id)),
        ("roadmap action", actions, &|id| fw.action(id).is_some()),
        ("context question", context, &|id| fw.context_question(id).is_some()),
    ];
    checks.into_iter().filter_map(|(what, ids, known)| missing(what, &ids, known)).collect()
}

/// "the report names the technology `x` and 2 more, which these frameworks lack", or `None` when all are known.
fn missing(what: &str, ids: &[&Text], known: Known) -> Option<String> {
    let mut unknown: Vec<String> = ids.iter().filter(|id| !known(id)).map(|id| crate::message::quote(id)).collect();
    unknown.dedup();
    let first = unknown.first()?.clone();
    let more = match unknown.len() {
        1 => first,
        n => format!("{first} and {} more", n - 1),
    };
    Some(format!("the report names the {what} {more}, which these frameworks lack"))
}
