//! What other answers would change, in words: the tier, the rings and the risks an outcome
//! moves, beside the range the unknowns leave open, in the first things to find out and with
//! each lever.

use super::{Words, lower_first};
use crate::assessment::{Outcome, RingChange, RiskOutcome};

/// "A, B from Assess to Pilot and C from Hold to Assess": technologies moving between the same
/// two rings named together, in the order first met. Names are joined by commas, groups by
/// "and": technology names hold "and" themselves.
pub(crate) fn moves(w: &Words, changes: &[RingChange]) -> String {
    let mut groups: Vec<(&RingChange, Vec<String>)> = Vec::new();
    for c in changes {
        let name = w.technology_name(&c.technology);
        match groups.iter_mut().find(|(first, _)| (first.from, first.to) == (c.from, c.to)) {
            Some((_, names)) => names.push(name),
            None => groups.push((c, vec![name])),
        }
    }
    let t = &w.text.changes;
    let phrases: Vec<String> = groups
        .into_iter()
        .filter_map(|(c, names)| {
            let values = [("technologies", &names.join(", ")[..]), ("from", &w.ring(c.from)), ("to", &w.ring(c.to))];
            w.fill(&t.ring_move, &values)
        })
        .collect();
    w.list(&phrases)
}

/// What an outcome changes, as phrases to follow "could": "lift the tier to Developing, move …
/// and no longer raise the risk of …". Empty when it changes nothing.
pub(crate) fn phrases(w: &Words, o: &Outcome) -> String {
    let t = &w.text.changes;
    let risks = |to: RiskOutcome| {
        let titles: Vec<String> = o
            .risks
            .iter()
            .filter(|r| r.to == to)
            .map(|r| w.a.risks.iter().find(|x| x.id == r.risk).map_or(r.risk.to_string(), |x| lower_first(&x.title)))
            .collect();
        w.list(&titles)
    };
    let tier = o.tier.as_ref().map(|id| w.g.tier_names.get(id).map_or(id.to_string(), |n| n.to_string()));
    let parts: Vec<String> = [
        tier.and_then(|tier| w.fill(&t.tier, &[("tier", &tier)])),
        w.fill(&t.rings, &[("moves", &moves(w, &o.rings))]),
        w.fill(&t.not_raised, &[("risks", &risks(RiskOutcome::NotRaised))]),
        w.fill(&t.residual, &[("risks", &risks(RiskOutcome::Residual))]),
    ]
    .into_iter()
    .flatten()
    .collect();
    w.list(&parts)
}

/// The sentence after the summary's range: what all the unknowns at the top could change.
pub(crate) fn standing(w: &Words) -> Option<String> {
    let (t, r) = (&w.text.changes, &w.a.readiness);
    if r.upper <= r.overall {
        return None;
    }
    w.fill(&t.standing, &[("changes", &phrases(w, &w.a.best_case))]).or_else(|| Some(t.standing_none.to_string()))
}

/// The sentence a lever adds when its step moves technologies to better rings.
pub(crate) fn lever(w: &Words, opens: &[RingChange]) -> Option<String> {
    let t = &w.text.changes;
    match opens.len() {
        0 => None,
        1 => w.fill(&t.lever_one, &[("moves", &moves(w, opens))]),
        n => w.fill(&t.lever_many, &[("count", &n.to_string()), ("moves", &moves(w, opens))]),
    }
}
