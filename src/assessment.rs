//! The result of scoring: one value that every report renders and that `--format json`
//! serializes as it is. Scores are rounded to one decimal here, once, so every view shows
//! the same figures.

use crate::answers::Answer;
use crate::frameworks::{Severity, TechnologyGroup, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    /// The tool and version that produced this assessment.
    pub generator: Text,
    pub as_of: crate::date::Date,
    pub company: Text,
    pub context: Vec<ContextEntry>,
    /// Privacy rules that apply in the chosen regions.
    pub privacy_rules: Vec<Text>,
    pub readiness: Readiness,
    pub ethics: Vec<PrincipleScore>,
    pub technologies: Vec<TechnologyAssessment>,
    pub risks: Vec<RiskEntry>,
    pub roadmap: Vec<PhasePlan>,
    pub skills: Vec<SkillGap>,
    pub levers: Vec<Lever>,
    pub answers: Vec<AnswerEntry>,
    /// Percentiles among a portfolio, with `assess --benchmark`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<crate::portfolio::Benchmark>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ContextEntry {
    pub id: Text,
    pub prompt: Text,
    /// The answer as a reader would write it (option labels, not ids).
    pub value: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Readiness {
    pub overall: f64,
    pub tier: TierRef,
    /// Share of question weight answered (not "don't know"), 0-100.
    pub confidence: f64,
    pub dimensions: Vec<DimensionScore>,
    /// Dimension ids at or above the strength threshold, strongest first.
    pub strengths: Vec<Text>,
    /// Dimension ids below the gap threshold, weakest first.
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
    pub score: f64,
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
    pub max_level: u8,
    pub weight: f64,
    /// Points this answer adds to the dimension score (0 for "don't know").
    pub points: f64,
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
    pub technology_maturity: Maturity,
    pub business_readiness: BusinessReadiness,
    pub implementation_complexity: Complexity,
    pub roi_potential: RoiPotential,
    pub risk_factors: RiskFactors,
    pub adoption_timeline: AdoptionTimeline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MaturityStage {
    Emerging,
    EnteringMainstream,
    Mainstream,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Maturity {
    pub score: f64,
    pub stage: MaturityStage,
    pub window: [i32; 2],
    /// The source of the window, or `None` where it is this project's estimate.
    pub window_source: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BusinessReadiness {
    pub score: f64,
    pub weakest_dimension: Text,
    pub meets_requirements: bool,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RoiPotential {
    pub score: f64,
    /// The best fit (0-1) of the technology to any stated goal.
    pub goal_fit: f64,
    /// Stated goals the technology serves, best first.
    pub goals_served: Vec<Text>,
    pub evidence: Vec<EvidenceRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceRef {
    pub claim: Text,
    pub source: Text,
    pub source_title: Text,
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
    pub raised: bool,
    pub exposure: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AdoptionTimeline {
    pub ring: Text,
    pub phase: Text,
    pub start_month: u32,
    pub prerequisites: Vec<Text>,
    /// Prerequisites that pushed this technology to a later ring or start month.
    pub held_back_by: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RiskEntry {
    pub id: Text,
    pub title: Text,
    pub category: Text,
    pub severity: Severity,
    pub escalated: bool,
    pub likelihood: Text,
    /// Severity weight x likelihood weight x 10, 0-100.
    pub exposure: f64,
    /// Mean score (0-100) of the answers that evidence the risk; "don't know" counts as 0.
    pub evidence_score: f64,
    pub evidence: Vec<EvidenceAnswer>,
    pub technologies: Vec<Text>,
    pub reason: Text,
    pub mitigation: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceAnswer {
    pub question: Text,
    pub answer: Option<Answer>,
    pub max_level: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PhasePlan {
    pub id: Text,
    pub name: Text,
    pub months: [u32; 2],
    pub entry_criteria: Vec<Text>,
    pub technologies: Vec<Text>,
    pub actions: Vec<PlannedAction>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlannedAction {
    pub id: Text,
    pub title: Text,
    pub description: Text,
    /// Whether the action addresses a readiness gap found in this assessment.
    pub focus: bool,
    pub gaps: Vec<Text>,
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
    pub from_level: u8,
    pub to_level: u8,
    /// Description of the next level, i.e. what improving the answer looks like.
    pub next: Text,
    /// Points of overall readiness gained by moving one level up.
    pub gain: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AnswerEntry {
    pub question: Text,
    pub dimension: Text,
    pub prompt: Text,
    pub answer: Answer,
    /// The chosen level's description, or "Don't know".
    pub description: Text,
}
