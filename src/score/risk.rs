//! The risk register. Every catalogue risk is weighed from the answers that evidence it: its
//! likelihood is one minus the evidence score, with no threshold; rules in scope make it one
//! step more severe. It is raised only for a business that runs, or is told to adopt or pilot,
//! a technology that carries it, and only when exposed enough to manage; with its controls in
//! place it is raised with the residual reason and is not serious.

use super::Detail;
use super::rules::Rules;
use super::{controls_in_place, evidence_score};
use crate::answers::Answers;
use crate::assessment::{Business, EvidenceAnswer, RiskEntry, RiskFactors, RiskRef, TechnologyAssessment};
use crate::frameworks::{Frameworks, Ring, Risk, Severity, Text};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A catalogue risk weighed against this business.
pub(crate) struct Exposure<'a> {
    pub risk: &'a Risk,
    evidence_score: f64,
    pub likelihood: f64,
    severity: Severity,
    escalated_by: Vec<Text>,
    /// Every evidence answer shows the controls in place.
    in_place: bool,
    pub exposure: f64,
    /// High or critical and likely enough to be mitigated before a technology it touches starts.
    pub serious: bool,
}

/// Every catalogue risk weighed; `in_view` are the technologies in use or among the year's
/// candidates (decided by the context alone), through which a rule can make a risk more severe.
pub(crate) fn evaluate_all<'a>(
    fw: &'a Frameworks,
    rules: &Rules,
    answers: &Answers,
    in_view: &[&Text],
) -> Vec<Exposure<'a>> {
    let in_view: HashSet<&str> = in_view.iter().map(|t| t.as_str()).collect();
    fw.risks.risks.iter().map(|risk| evaluate(fw, rules, answers, risk, &in_view)).collect()
}

fn evaluate<'a>(
    fw: &'a Frameworks,
    rules: &Rules,
    answers: &Answers,
    risk: &'a Risk,
    in_view: &HashSet<&str>,
) -> Exposure<'a> {
    let scoring = &fw.scoring.risk;
    let score = evidence_score(fw, answers, &risk.evidence);
    let likelihood = 1.0 - score / 100.0;
    // A rule raises a risk's severity through a technology it touches that carries the risk.
    let carries = |id: &Text| {
        let added = || rules.added_risks(id).any(|r| *r == risk.id);
        fw.technology(id).is_some_and(|t| t.risks.contains(&risk.id) || !risk.for_rings.is_empty() || added())
    };
    let triggers =
        |r: &crate::frameworks::Regulation, t: &Text| r.escalates_via.is_empty() || r.escalates_via.contains(t);
    let escalated_by: Vec<Text> = rules
        .escalating(&risk.id)
        .filter(|r| r.technologies.iter().any(|t| in_view.contains(t.as_str()) && carries(t) && triggers(r, t)))
        .map(|r| r.id.clone())
        .collect();
    let severity = if escalated_by.is_empty() { risk.severity } else { risk.severity.escalated() };
    let in_place = controls_in_place(fw, answers, &risk.evidence);
    Exposure {
        risk,
        evidence_score: score,
        likelihood,
        severity,
        escalated_by,
        in_place,
        exposure: scoring.exposure_scale * scoring.severity.of(severity) * likelihood,
        serious: severity >= Severity::High && likelihood >= scoring.serious_likelihood && !in_place,
    }
}

/// The exposure to a catalogue risk: `exposures` holds one for each, in catalogue order.
pub(crate) fn exposure_to<'e, 'a>(
    fw: &Frameworks,
    exposures: &'e [Exposure<'a>],
    id: &str,
) -> Option<&'e Exposure<'a>> {
    fw.risk_position(id).and_then(|i| exposures.get(i))
}

/// The month the mitigation of a serious risk ends; none for a risk that is not serious.
pub(crate) fn mitigated_by_month(fw: &Frameworks, e: &Exposure) -> Option<u32> {
    let [_, end] = fw.action_months(&e.risk.mitigated_by)?;
    e.serious.then_some(end)
}

/// The month by which every serious risk of the whole programme that a technology in `ring`
/// raises (a risk's `for_rings`) is mitigated; 0 for none.
pub(crate) fn programme_mitigated_by_month(fw: &Frameworks, exposures: &[Exposure], ring: Ring) -> u32 {
    let raised = exposures.iter().filter(|e| e.risk.for_rings.contains(&ring));
    raised.filter_map(|e| mitigated_by_month(fw, e)).max().unwrap_or(0)
}

/// The risks a technology carries, its own and those the rules in scope add, and how exposed
/// this business is to each.
pub(crate) fn factors(fw: &Frameworks, rules: &Rules, exposures: &[Exposure], technology: &str) -> RiskFactors {
    let Some(t) = fw.technology(technology) else { return RiskFactors { score: 0.0, risks: Vec::new() } };
    let mut ids: Vec<&Text> = t.risks.iter().collect();
    for added in rules.added_risks(technology) {
        if !ids.contains(&added) {
            ids.push(added);
        }
    }
    let risks: Vec<RiskRef> = ids
        .into_iter()
        .filter_map(|id| exposure_to(fw, exposures, id))
        .map(|e| RiskRef {
            id: e.risk.id.clone(),
            title: e.risk.title.clone(),
            exposure: e.exposure,
            serious: e.serious,
        })
        .collect();
    RiskFactors { score: risks.iter().map(|r| r.exposure).fold(0.0, f64::max), risks }
}

/// Risks carried by a technology in use or planned, most exposed first.
pub(crate) fn register(
    fw: &Frameworks,
    business: &Business,
    exposures: &[Exposure],
    techs: &[TechnologyAssessment],
    answers: &Answers,
    detail: Detail,
) -> Vec<RiskEntry> {
    let carriers = Carriers::of(techs);
    let mut raised: Vec<(&Exposure, Vec<usize>)> = exposures
        .iter()
        .filter_map(|e| {
            let carried: Vec<usize> = carriers.of_risk(e.risk).collect();
            let exposed = e.likelihood > 0.0 && e.exposure >= fw.scoring.risk.raise_from;
            (!carried.is_empty() && exposed).then_some((e, carried))
        })
        .collect();
    raised.sort_by(|(a, _), (b, _)| b.exposure.total_cmp(&a.exposure).then_with(|| a.risk.id.cmp(&b.risk.id)));
    if detail == Detail::Row {
        raised.truncate(1);
    }
    let entry = |(e, carried): (&Exposure, Vec<usize>)| {
        let technologies = carried.into_iter().map(|i| techs[i].id.clone()).collect();
        entry(fw, business, answers, e, technologies)
    };
    raised.into_iter().map(entry).collect()
}

/// The technologies that carry each risk, by position: those in a ring the risk names (its
/// `for_rings`) and those in use or planned whose risk factors list it.
struct Carriers<'a> {
    by_ring: HashMap<Ring, Vec<usize>>,
    listing: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Carriers<'a> {
    fn of(techs: &'a [TechnologyAssessment]) -> Self {
        let mut by_ring: HashMap<Ring, Vec<usize>> = HashMap::default();
        let mut listing: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, t) in techs.iter().enumerate() {
            let ring = t.adoption_timeline.ring;
            by_ring.entry(ring).or_default().push(i);
            if matches!(ring, Ring::InUse | Ring::Adopt | Ring::Pilot) {
                for r in &t.risk_factors.risks {
                    super::group_once(&mut listing, r.id.as_str(), i);
                }
            }
        }
        Carriers { by_ring, listing }
    }

    /// Positions of the technologies carrying a risk, in catalogue order.
    fn of_risk(&self, risk: &Risk) -> impl Iterator<Item = usize> {
        let in_ring = risk.for_rings.iter().filter_map(|ring| self.by_ring.get(ring)).flatten();
        let listing = self.listing.get(risk.id.as_str()).into_iter().flatten();
        super::in_catalogue_order(in_ring.chain(listing).copied()).into_iter()
    }
}

fn entry(fw: &Frameworks, business: &Business, answers: &Answers, e: &Exposure, technologies: Vec<Text>) -> RiskEntry {
    let bands = &fw.scoring.risk.likelihood;
    let band = bands.iter().rev().find(|b| e.likelihood >= b.from).unwrap_or(&bands[0]);
    RiskEntry {
        id: e.risk.id.clone(),
        title: e.risk.title.clone(),
        category: e.risk.category.clone(),
        severity: e.severity,
        escalated_by: e.escalated_by.clone(),
        likelihood: e.likelihood,
        likelihood_band: band.id.clone(),
        exposure: e.exposure,
        serious: e.serious,
        evidence_score: e.evidence_score,
        evidence: evidence_answers(fw, answers, &e.risk.evidence),
        technologies,
        owner: owner(fw, business, &e.risk.category),
        action: e.risk.mitigated_by.clone(),
        reason: if e.in_place { e.risk.residual.clone() } else { e.risk.reason.clone() },
        mitigation: e.risk.mitigation.clone(),
        residual: e.in_place,
        short_of: short_of(fw, answers, &e.risk.evidence),
    }
}

/// The evidence questions whose controls are not in place, when others are: empty when all
/// or none are.
fn short_of(fw: &Frameworks, answers: &Answers, questions: &[Text]) -> Vec<Text> {
    let (met, short): (Vec<&Text>, Vec<&Text>) =
        questions.iter().partition(|q| controls_in_place(fw, answers, std::slice::from_ref(*q)));
    if met.is_empty() { Vec::new() } else { short.into_iter().cloned().collect() }
}

/// The owner role for a category at this business's scale (the first listed when the size is
/// unknown), naming the privacy role of the business's jurisdiction where the owner works with it.
pub(crate) fn owner(fw: &Frameworks, business: &Business, category: &str) -> Text {
    let category = fw.risk_category(category).expect("checked: categories exist");
    let owners = &category.owner;
    let scale = if category.company_wide { business.company_scale.as_ref() } else { business.scale.as_ref() };
    let by_scale = scale.and_then(|s| owners.get(s));
    let owner = by_scale.or_else(|| owners.values().next()).map_or("", |o| o.as_str());
    owner.replace("{privacy_role}", &business.privacy_role).into()
}

fn evidence_answers(fw: &Frameworks, answers: &Answers, questions: &[Text]) -> Vec<EvidenceAnswer> {
    questions
        .iter()
        .filter_map(|id| fw.question(id))
        .map(|q| EvidenceAnswer {
            question: q.id.clone(),
            answer: super::readiness::answer_of(answers, q).0,
            max_level: q.max_level(),
        })
        .collect()
}
