//! Look-ups by id in the frameworks, through the index built on the first one, and the months
//! an action runs when nothing delays it.

use crate::{
    Action, ContextQuestion, ContextRole, Dimension, Frameworks, Phase, Question, Regulation, Ring, RingSpec, Risk,
    RiskCategory, Source, Stage, Technology, Trend,
};

impl Frameworks {
    fn index(&self) -> &crate::index::Index {
        self.index.of(self)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index().questions.get(id).map(|&i| &self.questionnaire.questions[i])
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.index().dimensions.get(id).map(|&i| &self.questionnaire.dimensions[i])
    }

    pub fn context_question(&self, id: &str) -> Option<&ContextQuestion> {
        self.index().context.get(id).map(|&i| &self.questionnaire.context[i])
    }

    pub fn context_with_role(&self, role: ContextRole) -> Option<&ContextQuestion> {
        self.index().roles.get(&role).map(|&i| &self.questionnaire.context[i])
    }

    pub fn technology(&self, id: &str) -> Option<&Technology> {
        self.technology_position(id).map(|i| &self.technologies.technologies[i])
    }

    /// Where a technology sits in the catalogue, for lists kept in catalogue order.
    pub fn technology_position(&self, id: &str) -> Option<usize> {
        self.index().technologies.get(id).copied()
    }

    pub fn risk(&self, id: &str) -> Option<&Risk> {
        self.risk_position(id).map(|i| &self.risks.risks[i])
    }

    /// Where a risk sits in the catalogue, for lists kept in catalogue order.
    pub fn risk_position(&self, id: &str) -> Option<usize> {
        self.index().risks.get(id).copied()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.index().sources.get(id).map(|&i| &self.sources.sources[i])
    }

    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.index().stages.get(id).map(|&i| &self.scoring.stages[i])
    }

    /// The data of a ring; every ring is present once checked.
    pub fn ring(&self, ring: Ring) -> &RingSpec {
        self.scoring.rings.iter().find(|r| r.id == ring).expect("checked: every ring is defined")
    }

    pub fn risk_category(&self, id: &str) -> Option<&RiskCategory> {
        self.index().risk_categories.get(id).map(|&i| &self.risks.categories[i])
    }

    pub fn action(&self, id: &str) -> Option<(&Phase, &Action)> {
        let &(p, a) = self.index().actions.get(id)?;
        Some((&self.roadmap.phases[p], &self.roadmap.phases[p].actions[a]))
    }

    /// The months an action runs when nothing delays it: from the start of its phase, or after
    /// the actions it comes `after` when they end later, for `months` (within the year). The
    /// check allows `after` to name only earlier actions, so this always ends.
    pub fn action_months(&self, id: &str) -> Option<[u32; 2]> {
        let (phase, action) = self.action(id)?;
        let after = action.after.iter().filter_map(|x| self.action_months(x)).map(|[_, end]| end + 1);
        let start = after.fold(phase.months[0], u32::max);
        Some([start, (start + action.months - 1).min(self.roadmap.horizon_months)])
    }

    pub fn regulation(&self, id: &str) -> Option<&Regulation> {
        self.index().regulations.get(id).map(|&i| &self.regulations.regulations[i])
    }

    /// The first trend that lists a technology.
    pub fn trend_of(&self, technology: &str) -> Option<&Trend> {
        self.index().trend_of.get(technology).map(|&i| &self.trends.trends[i])
    }

    /// The sum of the weights of a dimension's questions.
    pub fn question_weight(&self, dimension: &str) -> f64 {
        self.index().question_weights.get(dimension).copied().unwrap_or_default()
    }

    /// The name of a dimension, or its id if unknown (cannot happen after checking).
    pub fn dimension_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.dimension(id).map_or(id, |d| d.name.as_str())
    }
}
