//! The result of scoring: one value that every report renders and that `--format json`
//! serializes as it is. Figures are kept at full precision; views round them once, when they
//! display them.

use crate::answers::Answer;
use crate::date::Date;
use crate::frameworks::{Cost, Ring, Severity, SourceKind, TechnologyGroup, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    /// The tool and version that produced this assessment.
    pub generator: Text,
    pub as_of: Date,
    pub company: Text,
    /// The questionnaire version the answers were written against.
    pub questionnaire_version: u32,
    pub context: Vec<ContextEntry>,
    /// The business context as the scoring read it.
    pub business: Business,
    pub readiness: Readiness,
    /// Questions answered "don't know" or not asked (in a workshop, by some respondent), those
    /// whose answer could change a tier, ring or risk first, then the most points first: the
    /// first things to find out.
    pub unknowns: Vec<Unknown>,
    /// What the unknown answers could change: the answers scored again with every unknown at
    /// its top level, where `readiness.upper` is.
    #[serde(default)]
    pub best_case: Outcome,
    pub ethics: Vec<PrincipleScore>,
    pub technologies: Vec<TechnologyAssessment>,
    pub risks: Vec<RiskEntry>,
    pub roadmap: Vec<PhasePlan>,
    /// Where one lead carries more roadmap actions at once than `owner_actions_at_once`
    /// (scoring.toml): work that technologies' starts wait for keeps its months.
    #[serde(default)]
    pub overloaded: Vec<Overload>,
    /// Candidates that hold one of the team's places this year while the plan makes them
    /// ready: assessed now, their gaps among the roadmap's priorities.
    #[serde(default)]
    pub readying: Vec<Text>,
    pub skills: Vec<SkillGap>,
    pub levers: Vec<Lever>,
    /// Effort, cost, value, KPI and owner of every initiative.
    #[serde(default)]
    pub business_case: BusinessCase,
    pub answers: Vec<AnswerEntry>,
    /// Trends whose technologies serve a stated goal.
    pub trends: Vec<TrendRef>,
    /// The predictive-model catalogue, when predictive analytics is in use or in view.
    pub models: Vec<ModelRef>,
    /// Percentiles among a portfolio, with `assess --benchmark`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Benchmark>,
    /// The respondents of a workshop and where they differ, when several answer files were
    /// combined; every other part is the combined view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workshop: Option<Workshop>,
}

impl Assessment {
    /// Every source the assessment cites, in the order a report first cites them (repeats
    /// kept): technologies' maturity and evidence, rules, then models.
    pub fn sources(&self) -> impl Iterator<Item = &SourceRef> {
        let technologies = self.technologies.iter().flat_map(|x| {
            std::iter::once(&x.technology_maturity.source).chain(x.roi_potential.evidence.iter().map(|e| &e.source))
        });
        let rules = self.business.regulations.iter().flat_map(|r| std::iter::once(&r.source).chain(&r.see_also));
        technologies.chain(rules).chain(self.models.iter().map(|m| &m.source))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Benchmark {
    /// Assessments in the portfolio.
    pub portfolio_size: usize,
    pub overall_percentile: f64,
    pub dimensions: Vec<DimensionPercentile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DimensionPercentile {
    pub dimension: Text,
    /// Share of the portfolio scoring below, counting ties as half (0-100).
    pub percentile: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ContextEntry {
    pub id: Text,
    pub prompt: Text,
    /// The answer as a reader would write it (option labels, not ids); empty when unknown.
    pub value: Text,
}

/// What the context answers decided, each in one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Business {
    /// Industry option id, when answered.
    pub industry: Option<Text>,
    /// The scale that picks owner roles (risks.toml), when the size is known.
    pub scale: Option<Text>,
    /// The scale of company-wide roles (IT, legal: risks.toml `company_wide`), when the size is known.
    #[serde(default)]
    pub company_scale: Option<Text>,
    /// People in marketing, when answered.
    pub team_size: Option<i64>,
    /// New initiatives the team can take on this year.
    pub capacity: usize,
    /// How skills gaps are best closed with a team this size.
    pub skills_approach: Text,
    /// The most costly technology the budget can carry.
    pub affords: Cost,
    /// Pilots the budget pays for in a year, when it limits them.
    #[serde(default)]
    pub funds_pilots: Option<usize>,
    pub goals: Vec<Text>,
    /// The risk appetite the placement used (the most careful when unknown).
    pub appetite: Text,
    /// Technologies already running.
    pub in_use: Vec<Text>,
    /// Of those, the ones inferred from the answers (technologies.toml `runs_when`) because
    /// the in-use question was not answered: to be confirmed.
    #[serde(default)]
    pub in_use_inferred: Vec<Text>,
    /// Technologies the answers describe at work that the in-use answer leaves out: advised
    /// on as not running, and to be confirmed.
    #[serde(default)]
    pub in_use_suggested: Vec<Text>,
    /// Rules in scope for the regions and industry.
    pub regulations: Vec<RegulationRef>,
    /// Region option ids the business markets to: they set the report's spelling and paper.
    #[serde(default)]
    pub regions: Vec<Text>,
    /// Who advises on privacy in this business's jurisdictions and sector (regulations.toml).
    #[serde(default)]
    pub privacy_role: Text,
    /// Context questions the scoring uses that are unanswered, "don't know" or not asked: it
    /// assumed the most careful answer for each.
    pub unknown_context: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RegulationRef {
    pub id: Text,
    pub name: Text,
    pub citation: Text,
    pub obligation: Text,
    /// What the rule does not require, where that changes the advice.
    #[serde(default)]
    pub exceptions: Option<Text>,
    /// Amendments and rulings that changed it.
    #[serde(default)]
    pub history: Option<Text>,
    /// The role that answers for it in its jurisdiction.
    #[serde(default)]
    pub role: Text,
    pub applies_from: Date,
    /// Whether it already applies at the assessment date (else it applies within a year).
    pub in_force: bool,
    pub technologies: Vec<Text>,
    pub source: SourceRef,
    /// The sources of the amendments, rulings and guidance in `history`.
    #[serde(default)]
    pub see_also: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceRef {
    pub id: Text,
    pub kind: SourceKind,
    pub title: Text,
    pub author: Option<Text>,
    #[serde(default)]
    pub publisher: Option<Text>,
    pub date: Option<Text>,
    /// A URL, a DOI or the regulation's official number.
    #[serde(default)]
    pub address: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Readiness {
    /// Overall readiness with every unknown answer counted as the lowest level, 0-100.
    pub overall: f64,
    /// Overall readiness if every unknown answer were at the top level: the range the unknowns
    /// leave open runs from `overall` to here.
    pub upper: f64,
    pub tier: TierRef,
    /// 100 minus the points the unknowns leave open.
    pub confidence: f64,
    pub dimensions: Vec<DimensionScore>,
    /// Dimension ids at or above the strength threshold, strongest first.
    pub strengths: Vec<Text>,
    /// The gaps to close, first first: dimensions holding back technologies that serve a stated
    /// goal (most value held back first), then other dimensions below the gap threshold.
    pub gaps: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TierRef {
    pub id: Text,
    pub name: Text,
    pub summary: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DimensionScore {
    pub id: Text,
    pub name: Text,
    /// Unknown answers counted as the lowest level.
    pub score: f64,
    /// Unknown answers counted as the top level.
    pub upper: f64,
    pub weight: f64,
    pub answered: usize,
    pub questions: usize,
    /// What each question added to the score, for `--explain`.
    pub contributions: Vec<Contribution>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Contribution {
    pub question: Text,
    pub answer: Answer,
    /// False when the question was added after the answers' questionnaire version.
    pub asked: bool,
    pub max_level: u8,
    pub weight: f64,
    /// Points this answer adds to the dimension score (0 when unknown).
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Unknown {
    pub question: Text,
    pub dimension: Text,
    pub prompt: Text,
    /// True when the question was added after the answers were written.
    pub not_asked: bool,
    /// Points of overall readiness the unknown leaves open.
    pub open_points: f64,
    /// What this answer alone at its top level would change.
    #[serde(default)]
    pub could_change: Outcome,
}

/// What other answers would change, against the assessment: empty when they would move no
/// tier, ring or risk.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Outcome {
    /// The tier they would reach, when another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Text>,
    /// Technologies that would move to another ring, in catalogue order.
    pub rings: Vec<RingChange>,
    /// Raised risks that would be raised no longer or with their controls in place, in the
    /// register's order.
    pub risks: Vec<RiskChange>,
}

impl Outcome {
    pub(crate) fn is_empty(&self) -> bool {
        self.tier.is_none() && self.rings.is_empty() && self.risks.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RingChange {
    pub technology: Text,
    pub from: Ring,
    pub to: Ring,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RiskChange {
    pub risk: Text,
    pub to: RiskOutcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RiskOutcome {
    /// No longer exposed enough, or carried by nothing in use or planned.
    NotRaised,
    /// Raised with its controls in place.
    Residual,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PrincipleScore {
    pub id: Text,
    pub name: Text,
    pub score: f64,
    pub weak: bool,
    /// Risks the principle leaves open when weak.
    pub risks: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TechnologyAssessment {
    pub id: Text,
    pub name: Text,
    pub group: TechnologyGroup,
    /// The trend category it belongs to first (its sector on the radar).
    pub sector: Text,
    pub technology_maturity: Maturity,
    pub business_readiness: BusinessReadiness,
    pub implementation_complexity: Complexity,
    pub roi_potential: RoiPotential,
    pub risk_factors: RiskFactors,
    pub adoption_timeline: AdoptionTimeline,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Maturity {
    /// The figure the stage stands for, 0-100.
    pub score: f64,
    pub stage: Text,
    pub stage_name: Text,
    /// When and from what the stage was judged.
    pub judged: Date,
    pub source: SourceRef,
    pub basis: Text,
    /// The judgement is older than the re-check period at the assessment date.
    pub stale: bool,
    /// The guide's claim of when it reaches the mainstream, shown as a claim.
    pub guide_window: Option<[i32; 2]>,
    /// For the horizon-watch list: what would show it has become usable.
    pub signal: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BusinessReadiness {
    /// 100 x the weakest ratio of actual to required readiness, capped at 1.
    pub score: f64,
    pub weakest_dimension: Text,
    /// Points by which the weakest required dimension falls short (0 when all are met).
    pub shortfall: f64,
    pub requirements: Vec<Requirement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Requirement {
    pub dimension: Text,
    pub required: f64,
    pub actual: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Complexity {
    /// 0-100; higher is harder.
    pub score: f64,
    /// The catalogue's base complexity, 1-5.
    pub base: u8,
    /// Points taken off the base by the business's technology and skills readiness.
    pub relief: f64,
    pub cost: Cost,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RoiPotential {
    /// 100 x the best fit to a stated goal.
    pub score: f64,
    /// Stated goals the technology serves (fit at or above the threshold), best first.
    pub goals_served: Vec<Text>,
    /// Value to the stated goals, adjusted for stage and cost: how candidates are ranked.
    pub value: f64,
    /// Published figures relevant to this business's industry.
    pub evidence: Vec<EvidenceRef>,
    /// What the evidence lacks, when it is not figures from two sources.
    #[serde(default)]
    pub evidence_note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceRef {
    pub claim: Text,
    pub kind: Text,
    pub kind_name: Text,
    pub source: SourceRef,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RiskFactors {
    /// The highest exposure (0-100) among the technology's risks.
    pub score: f64,
    pub risks: Vec<RiskRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RiskRef {
    pub id: Text,
    pub title: Text,
    pub exposure: f64,
    /// High or critical and likely enough that its mitigation comes before the start.
    pub serious: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AdoptionTimeline {
    pub ring: Ring,
    /// Roadmap phase it starts in; none for in use, hold and horizon watch.
    pub phase: Option<Text>,
    pub start_month: Option<u32>,
    pub end_month: Option<u32>,
    /// Why it sits in this ring and not a better one.
    pub reasons: Vec<Reason>,
    /// For a technology in use: the next step.
    pub next_step: Option<Text>,
    /// Rules in scope that touch it.
    pub obligations: Vec<Text>,
    pub prerequisites: Vec<Text>,
    /// Its place among the candidates for the year's initiatives (1 is the most valuable).
    pub priority: Option<usize>,
    /// Low cost and simple: switched on rather than run as a project, taking no capacity.
    pub quick_win: bool,
}

/// One reason a technology is where it is. Wording lives in the frameworks; the fields are
/// what the sentence needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Already running.
    InUse,
    /// Not yet usable in marketing.
    NotYetUsable,
    /// Its adoption stage allows no better ring for this risk appetite.
    Stage { stage: Text, appetite: Text },
    /// It acts or speaks for the brand before customers: proved in a pilot before a roll-out.
    PilotFirst,
    /// Serves the stated goals weakly (`fit` below the serving level) or not at all, and is not
    /// a proven quick win; it would serve `would_serve` well.
    NoGoal { fit: f64, would_serve: Vec<Text> },
    /// Serves a stated goal, but not so well that it should be rolled out before a pilot.
    ModerateGoal { fit: f64 },
    /// Not yet proven, and serves the stated goals only moderately: not worth an early bet.
    UnprovenModerateGoal { fit: f64 },
    /// Costs more than the budget carries.
    OverBudget { cost: Cost, affords: Cost },
    /// A rule in scope caps it until its control is in place (or outright).
    Regulation { regulation: Text, question: Option<Text>, level: Option<u8> },
    /// The team's capacity this year goes to more valuable candidates (`ahead`), even those
    /// that must first wait for their gaps to close.
    Capacity { priority: usize, capacity: usize, ahead: Vec<Text> },
    /// A required dimension falls short.
    Readiness { dimension: Text, actual: f64, required: f64 },
    /// A capability it needs is missing: the answer to `question` is below `level`.
    Capability { question: Text, level: u8 },
    /// A prerequisite is not further along.
    Prerequisite { technology: Text },
    /// Prerequisites and mitigations first leave no time to start within its ring's months.
    Timing { month: u32 },
    /// The budget pays for `funded` pilots this year, all taken by more valuable ones.
    PilotBudget { funded: usize },
    /// A pilot in a later wave: the pace dimension's score lets only so many pilots start
    /// together, so this one starts in `month`.
    Wave { month: u32, dimension: Text },
    /// Every gate passed.
    Ready,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RiskEntry {
    pub id: Text,
    pub title: Text,
    pub category: Text,
    pub severity: Severity,
    /// Regulations in scope that made it one step more severe.
    pub escalated_by: Vec<Text>,
    /// 0-1: one minus the evidence score.
    pub likelihood: f64,
    pub likelihood_band: Text,
    /// 10 x severity weight x likelihood, 0-100.
    pub exposure: f64,
    pub serious: bool,
    /// Mean score (0-100) of the answers that evidence the risk; unknowns count as 0.
    pub evidence_score: f64,
    pub evidence: Vec<EvidenceAnswer>,
    /// Technologies in use or planned that carry it.
    pub technologies: Vec<Text>,
    pub owner: Text,
    /// The roadmap action that mitigates it.
    pub action: Text,
    pub reason: Text,
    pub mitigation: Text,
    /// The evidence shows controls in place: `reason` says what risk remains.
    #[serde(default)]
    pub residual: bool,
    /// When some of its controls are in place and others are not: the evidence questions that
    /// fall short, so the report can say which rather than the worst case.
    #[serde(default)]
    pub short_of: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceAnswer {
    pub question: Text,
    pub answer: Answer,
    pub max_level: u8,
}

/// The first months in which one lead carries more actions at once than a person can.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Overload {
    pub lead: Text,
    pub months: [u32; 2],
    /// Action ids running in those months.
    pub actions: Vec<Text>,
    /// How many one lead carries at once.
    pub at_once: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PhasePlan {
    pub id: Text,
    pub name: Text,
    pub months: [u32; 2],
    pub entry_criteria: Vec<PlannedCriterion>,
    /// Technologies that start in this phase, earliest first.
    pub technologies: Vec<Text>,
    pub actions: Vec<PlannedAction>,
}

/// An entry criterion that applies to this plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlannedCriterion {
    /// Its id in roadmap.toml, whose `text` the report fills with this client's goals, budget
    /// and `technologies`.
    pub id: Text,
    /// The criterion without this client's names.
    pub text: Text,
    /// The technologies it names, earliest start first (those running today first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technologies: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlannedAction {
    pub id: Text,
    pub title: Text,
    pub description: Text,
    pub months: [u32; 2],
    /// The role that leads it, for this business's size.
    pub owner: Text,
    /// Gaps it closes, first gap first.
    pub gaps: Vec<Text>,
    /// Raised risks it mitigates.
    pub risks: Vec<Text>,
    /// Technologies it serves.
    pub technologies: Vec<Text>,
    /// Led by outside help (the action's `relief`), because its usual lead already carried as
    /// many actions at once as a person can.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relieved: bool,
    /// The month of the review (an action that `decides`) whose go it waits for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_go: Option<u32>,
}

pub(crate) use crate::frameworks::Band;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BusinessCase {
    /// The currency code of every amount, when answered.
    pub currency: Option<Text>,
    /// The annual revenue band value is computed on; none when unknown: value is then a share
    /// of revenue only.
    pub revenue: Option<Band>,
    /// The yearly marketing budget band, when answered: the base of a value measured against
    /// marketing spend, and what the plan's first-year cost is held to.
    pub budget: Option<Band>,
    /// The plan's first-year cost (one-off and yearly, high end) is more than the budget band's
    /// high end: the report says so.
    #[serde(default)]
    pub over_budget: bool,
    /// The technologies in adopt or pilot in plan order, then the roadmap's actions.
    pub initiatives: Vec<Initiative>,
    /// The sums over every initiative; value over the technologies only, since an action's
    /// value is that of the technologies it serves.
    pub total: Totals,
    /// The ids of up to three initiatives with the best value for effort (the most first),
    /// among those whose value is estimated.
    pub best: Vec<Text>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    pub person_weeks: Band,
    pub one_off: Band,
    pub yearly_cost: Band,
    pub value: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeKind {
    Technology,
    Action,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Initiative {
    pub id: Text,
    pub name: Text,
    pub kind: InitiativeKind,
    pub person_weeks: Band,
    pub one_off: Band,
    pub yearly_cost: Band,
    /// What effort and cost rest on (business_case.toml: "set by judgement").
    pub cost_basis: Text,
    pub value: Value,
    /// Months from the plan's start to the first value: the end of its pilot or roll-out.
    pub months_to_value: u32,
    /// Months of net value that repay the one-off cost [best, worst]; none when the worst case
    /// does not repay it, or the value is not estimated.
    pub payback_months: Option<Band>,
    pub kpi: Kpi,
    pub owner: Text,
}

/// Expected yearly value: a share of revenue and, when revenue is known, an amount.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Value {
    /// Share of `base` after the source's discount; none when not estimated, or in a total of
    /// shares of different bases.
    pub share: Option<Band>,
    /// What the share is of.
    pub base: Option<crate::frameworks::ValueBase>,
    pub amount: Option<Band>,
    /// The published claim the value rests on.
    pub claim: Option<Text>,
    pub source: Option<SourceRef>,
    /// The share of the published effect counted, by the kind of its source.
    pub discount: Option<f64>,
    /// For an action: the technologies whose value it enables.
    pub enables: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Kpi {
    /// A marketing measure for a technology, by the goal it serves first; the target is the
    /// baseline raised by `lift` (the low end of the discounted effect on revenue) when that is
    /// estimated and above nothing.
    Measure { measure: Text, goal: Text, lift: Option<f64> },
    /// A readiness dimension's score, now and what the technologies the action serves need.
    Readiness { dimension: Text, baseline: f64, target: f64 },
    /// Done by its last month.
    Delivery { month: u32 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SkillGap {
    pub id: Text,
    pub name: Text,
    pub category: Text,
    /// 0 (none) to the top level, read from the evidence answers.
    pub current: f64,
    pub required: u8,
    pub gap: f64,
    /// Technologies and phases that require more than the current level.
    pub needed_by: Vec<Text>,
    pub learning_path: Vec<Text>,
    pub project: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Lever {
    pub question: Text,
    pub dimension: Text,
    pub prompt: Text,
    /// The current answer: an anchored level, or a level between two (a workshop's mean).
    pub from_level: Answer,
    /// The next anchored level above it.
    pub to_level: u8,
    /// Description of the next level, i.e. what improving the answer looks like.
    pub next: Text,
    /// Points of overall readiness gained by moving up to `to_level`.
    pub gain: f64,
    /// Technologies whose ring this step alone would improve, in catalogue order.
    #[serde(default)]
    pub opens: Vec<RingChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AnswerEntry {
    pub question: Text,
    pub dimension: Text,
    pub prompt: Text,
    pub answer: Answer,
    pub asked: bool,
    /// The chosen level's description; empty when unknown or between two levels.
    pub description: Text,
    /// Why the answer is what it is, as the answer file says. In a workshop, each
    /// respondent's note on its own line, after their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// What shows it (a document, a report, a figure); in a workshop as the note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Text>,
}

/// Several respondents of one business, combined: who they are, each one's own readiness,
/// how their answers spread per question, and the disagreements worth discussing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Workshop {
    /// In name order (then role, then file), whatever order the files were given in.
    pub respondents: Vec<WorkshopRespondent>,
    /// Every readiness question, in questionnaire order.
    pub questions: Vec<QuestionSpread>,
    /// The questions where two respondents' levels are two or more apart, the one whose
    /// disagreement moves overall readiness most first (questionnaire order among equals).
    pub discuss: Vec<QuestionSpread>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkshopRespondent {
    /// From the file's `[respondent]` table, else the file name without its extension.
    pub name: Text,
    pub role: Option<Text>,
    /// The answer file, as given on the command line.
    pub file: Text,
    /// This respondent's own readiness, their file scored on its own.
    pub overall: f64,
    pub confidence: f64,
    pub dimensions: Vec<RespondentDimension>,
    /// Free-text context answers that are each respondent's own (such as notes); the other
    /// context answers are the business's and agree across respondents.
    pub remarks: Vec<ContextEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RespondentDimension {
    pub id: Text,
    pub name: Text,
    pub score: f64,
}

/// How the respondents answered one readiness question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionSpread {
    pub question: Text,
    pub dimension: Text,
    pub prompt: Text,
    pub max_level: u8,
    /// The combined answer the scores use: the mean level, unknowns counted as level 0.
    pub combined: Answer,
    /// Each respondent's answer, in the order of `respondents`.
    pub answers: Vec<RespondentAnswer>,
    /// The lowest and highest level given; `None` when nobody gave one.
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Respondents who answered "don't know" or were not asked.
    pub unknown: usize,
    /// Points of overall readiness between the lowest and the highest answer: the question's
    /// worth × (max − min) / top level. How much settling the disagreement can move the score.
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RespondentAnswer {
    /// Index into `respondents`.
    pub respondent: usize,
    pub name: Text,
    pub answer: Answer,
    /// False when the question was added after this respondent's questionnaire version.
    pub asked: bool,
    /// The chosen level's description; empty when unknown or between two levels.
    pub description: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TrendRef {
    pub id: Text,
    pub name: Text,
    pub category: Text,
    pub description: Text,
    /// Its technologies that serve a stated goal.
    pub technologies: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ModelRef {
    pub id: Text,
    pub name: Text,
    pub algorithms: Vec<Text>,
    pub output: Text,
    /// Mean score (0-100) of the answers that show whether the data it needs exists.
    pub data_score: f64,
    pub source: SourceRef,
    /// The measure to hold the model to (the right one for its family, not plain accuracy).
    #[serde(default)]
    pub metric: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IdName {
    pub id: Text,
    pub name: Text,
}
