//! The rules in scope for a business, indexed for the questions scoring asks of every
//! technology and every risk.

use super::placement::Gate;
use crate::answers::Answers;
use crate::assessment::{Business, Reason};
use crate::frameworks::{Frameworks, Regulation, Ring, Text};
use rustc_hash::FxHashMap as HashMap;

/// The rules in scope for a business, looked up by the technology they touch and the risk they
/// escalate: each technology and each risk asks, and a rule names only a few of either.
pub(crate) struct Rules<'a> {
    fw: &'a Frameworks,
    business: &'a Business,
    answers: &'a Answers,
    /// Both maps hold positions in `business.regulations`, in its order.
    touching: HashMap<&'a str, Vec<usize>>,
    escalating: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Rules<'a> {
    pub(crate) fn new(fw: &'a Frameworks, business: &'a Business, answers: &'a Answers) -> Self {
        let mut touching = HashMap::default();
        let mut escalating = HashMap::default();
        for (i, r) in business.regulations.iter().enumerate() {
            add(&mut touching, &r.technologies, i);
            if let Some(rule) = fw.regulation(&r.id) {
                add(&mut escalating, &rule.escalates, i);
            }
        }
        Rules { fw, business, answers, touching, escalating }
    }

    /// Rules in scope for this business that touch a technology.
    pub(crate) fn touching(&self, id: &str) -> impl Iterator<Item = &'a Regulation> {
        self.found(&self.touching, id)
    }

    /// Rules in scope for this business that make a risk one step more severe.
    pub(crate) fn escalating(&self, risk: &str) -> impl Iterator<Item = &'a Regulation> {
        self.found(&self.escalating, risk)
    }

    fn found(&self, map: &HashMap<&'a str, Vec<usize>>, key: &str) -> impl Iterator<Item = &'a Regulation> {
        let (fw, business) = (self.fw, self.business);
        let positions = map.get(key).map_or(&[][..], Vec::as_slice);
        positions.iter().filter_map(move |&i| fw.regulation(&business.regulations[i].id))
    }

    /// Risks a technology carries because a rule in scope touches it (a covered entity's ad
    /// tags, say), beside those it carries anywhere.
    pub(crate) fn added_risks(&self, id: &str) -> impl Iterator<Item = &'a Text> {
        self.touching(id).flat_map(|rule| &rule.adds_risks)
    }

    /// What a business already running a technology should do next under the rules in scope:
    /// the advice of a rule whose control the answers do not show (it is being broken now)
    /// first, then the first other such advice, in the order of regulations.toml.
    pub(crate) fn in_use_advice(&self, id: &str) -> Option<&'a Text> {
        let broken = self.unmet_controls(id).find_map(|(rule, _)| rule.in_use_advice.as_ref());
        broken.or_else(|| self.touching(id).find_map(|r| r.in_use_advice.as_ref()))
    }

    /// Rules touching a technology whose control the answers do not show.
    fn unmet_controls(&self, id: &str) -> impl Iterator<Item = (&'a Regulation, &'a crate::frameworks::Control)> {
        let answers = self.answers;
        self.touching(id).filter_map(move |rule| {
            let control = rule.control.as_ref()?;
            below(answers, &control.question, control.level).then_some((rule, control))
        })
    }

    /// The roadmap actions that put in place a control a technology waits for, a rule's or its
    /// own (technologies.toml `waits_for`): it starts after them.
    pub(crate) fn control_actions(&self, id: &str) -> impl Iterator<Item = &'a Text> {
        let answers = self.answers;
        let own = self.fw.technology(id).map(|t| t.waits_for.as_slice()).unwrap_or_default();
        let unmet = own.iter().filter(move |w| below(answers, &w.question, w.at_least));
        self.unmet_controls(id).filter_map(|(_, control)| control.action.as_ref()).chain(unmet.map(|w| &w.action))
    }

    /// Rules whose control is not shown by the answers cap the technologies they touch.
    pub(crate) fn control_gates(&self, id: &str) -> Vec<Gate> {
        self.unmet_controls(id)
            .filter_map(|(rule, control)| {
                let reason = Reason::Regulation {
                    regulation: rule.id.clone(),
                    question: Some(control.question.clone()),
                    level: Some(control.level),
                };
                let ring = rule.ceiling.unwrap_or(Ring::Adopt);
                (ring != Ring::Adopt).then_some((ring, Some(reason)))
            })
            .collect()
    }
}

/// Adds rule `i` under each key it names, once.
fn add<'a>(map: &mut HashMap<&'a str, Vec<usize>>, keys: &'a [Text], i: usize) {
    for key in keys {
        super::group_once(map, key.as_str(), i);
    }
}

/// The answer to `question` is below `level`, or unknown: an unknown control is not a control.
fn below(answers: &Answers, question: &str, level: u8) -> bool {
    answers.readiness.get(question).and_then(|a| a.level()).is_none_or(|l| l < f64::from(level))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frameworks::Load;
    use crate::testing::{as_of, example_answers};

    /// The index gives what a scan of the business's rules in order gives, for every
    /// technology and every risk of every example.
    #[test]
    fn finds_what_a_scan_of_the_rules_in_scope_finds() {
        let fw = Frameworks::builtin().unwrap();
        let mut found = 0;
        for (_, answers) in example_answers(&fw) {
            let business = super::super::context::resolve(&fw, &answers, as_of());
            let rules = Rules::new(&fw, &business, &answers);
            let in_scope = || business.regulations.iter().filter_map(|r| Some((r, fw.regulation(&r.id)?)));
            let ids = |rules: &mut dyn Iterator<Item = &Regulation>| rules.map(|r| r.id.clone()).collect::<Vec<_>>();
            for t in &fw.technologies.technologies {
                let scanned = in_scope().filter(|(r, _)| r.technologies.contains(&t.id)).map(|(_, rule)| rule);
                assert_eq!(ids(&mut rules.touching(&t.id)), ids(&mut scanned.into_iter()), "touching {}", t.id);
                found += rules.touching(&t.id).count();
            }
            for risk in &fw.risks.risks {
                let scanned = in_scope().map(|(_, rule)| rule).filter(|rule| rule.escalates.contains(&risk.id));
                assert_eq!(
                    ids(&mut rules.escalating(&risk.id)),
                    ids(&mut scanned.into_iter()),
                    "escalating {}",
                    risk.id
                );
                found += rules.escalating(&risk.id).count();
            }
        }
        assert!(found > 0, "the examples have rules in scope");
    }
}
