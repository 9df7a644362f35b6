//! Where each entry of the frameworks sits, by id, so a look-up costs the same however large
//! a customised framework is. Built on the first look-up: the frameworks do not change after
//! loading.

use super::{ContextRole, Frameworks, Text};
// Ids are short and come from our own data or a validated answer file: a fast hash, not a
// flood-resistant one (SipHash was a tenth of `batch`).
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The index of a [`Frameworks`], built on its first look-up. A clone starts without one, so
/// a copy that is then changed is never read through the index of the original.
#[derive(Debug, Default)]
pub struct LazyIndex(OnceLock<Index>);

impl Clone for LazyIndex {
    fn clone(&self) -> LazyIndex {
        LazyIndex::default()
    }
}

impl LazyIndex {
    pub fn of<'a>(&'a self, fw: &Frameworks) -> &'a Index {
        self.0.get_or_init(|| Index::of(fw))
    }
}

/// Positions in the lists of [`Frameworks`].
#[derive(Debug)]
pub struct Index {
    pub questions: HashMap<Text, usize>,
    pub dimensions: HashMap<Text, usize>,
    pub context: HashMap<Text, usize>,
    pub roles: HashMap<ContextRole, usize>,
    pub technologies: HashMap<Text, usize>,
    pub risks: HashMap<Text, usize>,
    pub risk_categories: HashMap<Text, usize>,
    pub sources: HashMap<Text, usize>,
    pub stages: HashMap<Text, usize>,
    /// Phase, and position within it.
    pub actions: HashMap<Text, (usize, usize)>,
    pub regulations: HashMap<Text, usize>,
    /// The first trend that lists each technology.
    pub trend_of: HashMap<Text, usize>,
    /// The sum of the weights of each dimension's questions.
    pub question_weights: HashMap<Text, f64>,
}

/// Each key with its position; the first wins when one repeats, as a search from the start
/// would find (the check reports the repeat).
fn positions<K: std::hash::Hash + Eq, V>(entries: impl Iterator<Item = (K, V)>) -> HashMap<K, V> {
    let mut map = HashMap::with_capacity_and_hasher(entries.size_hint().0, Default::default());
    for (key, value) in entries {
        map.entry(key).or_insert(value);
    }
    map
}

impl Index {
    pub fn of(fw: &Frameworks) -> Index {
        let q = &fw.questionnaire;
        let ids = |ids: Vec<&Text>| positions(ids.into_iter().cloned().enumerate().map(|(i, id)| (id, i)));
        Index {
            questions: ids(q.questions.iter().map(|x| &x.id).collect()),
            dimensions: ids(q.dimensions.iter().map(|x| &x.id).collect()),
            context: ids(q.context.iter().map(|x| &x.id).collect()),
            roles: positions(q.context.iter().enumerate().filter_map(|(i, c)| Some((c.role?, i)))),
            technologies: ids(fw.technologies.technologies.iter().map(|x| &x.id).collect()),
            risks: ids(fw.risks.risks.iter().map(|x| &x.id).collect()),
            risk_categories: ids(fw.risks.categories.iter().map(|x| &x.id).collect()),
            sources: ids(fw.sources.sources.iter().map(|x| &x.id).collect()),
            stages: ids(fw.scoring.stages.iter().map(|x| &x.id).collect()),
            actions: positions(fw.roadmap.phases.iter().enumerate().flat_map(|(p, phase)| {
                phase.actions.iter().enumerate().map(move |(a, action)| (action.id.clone(), (p, a)))
            })),
            regulations: ids(fw.regulations.regulations.iter().map(|x| &x.id).collect()),
            trend_of: positions(
                fw.trends
                    .trends
                    .iter()
                    .enumerate()
                    .flat_map(|(i, trend)| trend.technologies.iter().map(move |t| (t.clone(), i))),
            ),
            question_weights: q.questions.iter().fold(HashMap::default(), |mut sums, question| {
                *sums.entry(question.dimension.clone()).or_default() += question.weight;
                sums
            }),
        }
    }
}
