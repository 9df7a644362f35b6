//! The shape of the data in `frameworks/*.toml`. Every struct rejects unknown fields, so a
//! misspelt key in a customised framework is an error rather than a silent default.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub id: String,
    pub name: String,
}

// ----- sources.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    #[serde(rename = "source")]
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub author: Option<String>,
    pub date: Option<String>,
    pub file: String,
}

// ----- questionnaire.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    #[serde(rename = "dimension")]
    pub dimensions: Vec<Dimension>,
    pub context: Vec<ContextQuestion>,
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub description: String,
}

/// What the scoring needs a context question for; at most one question has each role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextRole {
    Company,
    Regions,
    Goals,
    RiskAppetite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextKind {
    Text,
    Choice,
    Multi,
    Number,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContextQuestion {
    pub id: String,
    pub role: Option<ContextRole>,
    pub kind: ContextKind,
    pub prompt: String,
    pub help: String,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub options: Vec<ContextOption>,
    pub min: Option<i64>,
    pub max: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContextOption {
    pub id: String,
    pub label: String,
    pub privacy_rules: Option<String>,
    #[serde(default)]
    pub strict_privacy: bool,
    /// Added to every ring's maturity threshold (risk appetite).
    #[serde(default)]
    pub maturity_offset: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub dimension: String,
    pub weight: f64,
    pub prompt: String,
    pub help: String,
    /// Anchored descriptions, weakest first; an answer is an index into this list.
    pub levels: Vec<String>,
}

impl Question {
    pub fn max_level(&self) -> u8 {
        (self.levels.len().saturating_sub(1)) as u8
    }
}

// ----- scoring.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    pub readiness: ReadinessRules,
    #[serde(rename = "tier")]
    pub tiers: Vec<Tier>,
    pub maturity: MaturityRules,
    pub complexity: ComplexityRules,
    pub roi: RoiRules,
    pub risk: RiskRules,
    #[serde(rename = "ring")]
    pub rings: Vec<Ring>,
    pub timeline: TimelineRules,
    pub skills: SkillRules,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SkillRules {
    /// Technologies in these rings set the skill levels the plan requires.
    pub rings: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessRules {
    pub strength_at: f64,
    pub gap_below: f64,
    pub levers: usize,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub name: String,
    pub min: f64,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityRules {
    pub lead_years: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ComplexityRules {
    pub relief: f64,
    pub relief_dimensions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoiRules {
    pub goal_fit_weight: f64,
    pub readiness_weight: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RiskRules {
    pub raise_below: f64,
    pub severity: SeverityWeights,
    pub likelihood: Vec<LikelihoodBand>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SeverityWeights {
    pub low: f64,
    pub medium: f64,
    pub high: f64,
    pub critical: f64,
}

impl SeverityWeights {
    pub fn of(&self, severity: Severity) -> f64 {
        match severity {
            Severity::Low => self.low,
            Severity::Medium => self.medium,
            Severity::High => self.high,
            Severity::Critical => self.critical,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LikelihoodBand {
    pub id: String,
    pub below: f64,
    pub weight: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ring {
    pub id: String,
    pub name: String,
    pub min_maturity: f64,
    pub min_business_readiness: f64,
    pub phase: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineRules {
    pub prerequisite_lag_months: u32,
}

// ----- risks.toml -----

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        })
    }
}

impl Severity {
    /// One step more severe, for risks that strict privacy regimes make worse.
    pub fn escalated(self) -> Severity {
        match self {
            Severity::Low => Severity::Medium,
            Severity::Medium => Severity::High,
            Severity::High | Severity::Critical => Severity::Critical,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RiskCatalog {
    #[serde(rename = "category")]
    pub categories: Vec<Named>,
    #[serde(rename = "risk")]
    pub risks: Vec<Risk>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: String,
    pub category: String,
    pub title: String,
    pub severity: Severity,
    pub evidence: Vec<String>,
    pub raise_below: Option<f64>,
    #[serde(default)]
    pub escalate_with_strict_privacy: bool,
    pub reason: String,
    pub mitigation: String,
}

// ----- skills.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SkillsFramework {
    /// Names of levels 1..=n; level 0 is "none".
    pub levels: Vec<String>,
    #[serde(rename = "category")]
    pub categories: Vec<Named>,
    #[serde(rename = "skill")]
    pub skills: Vec<Skill>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: String,
    pub category: String,
    pub name: String,
    pub description: String,
    pub evidence: Vec<String>,
    pub learning_path: Vec<String>,
    pub project: String,
}

// ----- roadmap.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    #[serde(rename = "phase")]
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub name: String,
    pub months: [u32; 2],
    pub source: Option<String>,
    pub entry_criteria: Vec<String>,
    pub skills: BTreeMap<String, u8>,
    #[serde(default, rename = "action")]
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub title: String,
    pub description: String,
    pub addresses: Vec<String>,
}

// ----- ethics.toml, models.toml, trends.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ethics {
    #[serde(rename = "principle")]
    pub principles: Vec<Principle>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: String,
    pub name: String,
    pub description: String,
    pub questions: Vec<String>,
    pub risks: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Models {
    #[serde(rename = "model")]
    pub models: Vec<PredictiveModel>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PredictiveModel {
    pub id: String,
    pub name: String,
    pub algorithms: Vec<String>,
    pub features: Vec<String>,
    pub output: String,
    /// Percent.
    pub accuracy_target: f64,
    /// Questions whose answers show whether the data exists.
    pub data_needed: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Trends {
    #[serde(rename = "category")]
    pub categories: Vec<Named>,
    #[serde(rename = "trend")]
    pub trends: Vec<Trend>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Trend {
    pub id: String,
    pub category: String,
    pub name: String,
    pub description: String,
    pub technologies: Vec<String>,
}

// ----- technologies.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Technologies {
    #[serde(rename = "technology")]
    pub technologies: Vec<Technology>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TechnologyGroup {
    Emerging,
    Marketing,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Technology {
    pub id: String,
    pub name: String,
    pub group: TechnologyGroup,
    pub summary: String,
    pub window: [i32; 2],
    pub window_source: Option<String>,
    pub applications: Vec<String>,
    pub impact: String,
    pub complexity: u8,
    pub prerequisites: Vec<String>,
    pub requires: BTreeMap<String, f64>,
    pub goals: BTreeMap<String, f64>,
    pub skills: BTreeMap<String, u8>,
    pub risks: Vec<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub claim: String,
    pub source: String,
}
