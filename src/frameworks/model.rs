//! The shape of the data in `frameworks/*.toml`. Every struct rejects unknown fields, so a
//! misspelt key in a customised framework is an error rather than a silent default.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Text from the frameworks. Shared rather than copied: an assessment quotes a great deal of
/// it (ids, descriptions, mitigations, learning paths), and a shared string clones without
/// allocating. Behaves as a `str` for reading, comparing and map look-ups.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(std::sync::Arc<str>);

/// A plain string in JSON Schemas: how it is stored in memory is no concern of consumers.
impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "string".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::from("")
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(s.into())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(s.into())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub id: Text,
    pub name: Text,
}

/// Everything in `frameworks/`, one field per file.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Frameworks {
    pub sources: Sources,
    pub questionnaire: Questionnaire,
    pub scoring: Scoring,
    pub risks: RiskCatalog,
    pub skills: SkillsFramework,
    pub roadmap: Roadmap,
    pub ethics: Ethics,
    pub models: Models,
    pub trends: Trends,
    pub technologies: Technologies,
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
    pub id: Text,
    pub title: Text,
    pub author: Option<Text>,
    pub date: Option<Text>,
    pub file: Text,
}

// ----- questionnaire.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// The heading and introduction of the business-context section.
    pub context_name: Text,
    pub context_description: Text,
    #[serde(rename = "dimension")]
    pub dimensions: Vec<Dimension>,
    pub context: Vec<ContextQuestion>,
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: Text,
    pub name: Text,
    pub weight: f64,
    pub description: Text,
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
    pub id: Text,
    pub role: Option<ContextRole>,
    pub kind: ContextKind,
    pub prompt: Text,
    pub help: Text,
    #[serde(default)]
    pub optional: bool,
    /// Whether "dont_know" is an answer (a figure the person in the room may not have, such as
    /// the budget); scoring must then assume the least favourable case.
    #[serde(default)]
    pub allow_dont_know: bool,
    #[serde(default)]
    pub options: Vec<ContextOption>,
    pub min: Option<i64>,
    pub max: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContextOption {
    pub id: Text,
    pub label: Text,
    pub privacy_rules: Option<Text>,
    #[serde(default)]
    pub strict_privacy: bool,
    /// Added to every ring's maturity threshold (risk appetite).
    #[serde(default)]
    pub maturity_offset: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Text,
    pub dimension: Text,
    pub weight: f64,
    pub prompt: Text,
    pub help: Text,
    /// Anchored descriptions, weakest first; an answer is an index into this list.
    pub levels: Vec<Text>,
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
    pub business_readiness: BusinessReadinessRules,
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
    pub rings: Vec<Text>,
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
    pub id: Text,
    pub name: Text,
    pub min: f64,
    pub summary: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityRules {
    pub lead_years: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessReadinessRules {
    pub weakest_weight: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ComplexityRules {
    pub relief: f64,
    pub relief_dimensions: Vec<Text>,
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
    pub id: Text,
    pub below: f64,
    pub weight: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ring {
    pub id: Text,
    pub name: Text,
    pub min_maturity: f64,
    pub min_business_readiness: f64,
    pub phase: Text,
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
    pub id: Text,
    pub category: Text,
    pub title: Text,
    pub severity: Severity,
    pub evidence: Vec<Text>,
    pub raise_below: Option<f64>,
    #[serde(default)]
    pub escalate_with_strict_privacy: bool,
    pub reason: Text,
    pub mitigation: Text,
}

// ----- skills.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SkillsFramework {
    /// Names of levels 1..=n; level 0 is "none".
    pub levels: Vec<Text>,
    #[serde(rename = "category")]
    pub categories: Vec<Named>,
    #[serde(rename = "skill")]
    pub skills: Vec<Skill>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: Text,
    pub category: Text,
    pub name: Text,
    pub description: Text,
    pub evidence: Vec<Text>,
    pub learning_path: Vec<Text>,
    pub project: Text,
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
    pub id: Text,
    pub name: Text,
    pub months: [u32; 2],
    pub source: Option<Text>,
    pub entry_criteria: Vec<Text>,
    pub skills: BTreeMap<Text, u8>,
    #[serde(default, rename = "action")]
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Text,
    pub title: Text,
    pub description: Text,
    pub addresses: Vec<Text>,
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
    pub id: Text,
    pub name: Text,
    pub description: Text,
    pub questions: Vec<Text>,
    pub risks: Vec<Text>,
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
    pub id: Text,
    pub name: Text,
    pub algorithms: Vec<Text>,
    pub features: Vec<Text>,
    pub output: Text,
    /// Percent.
    pub accuracy_target: f64,
    /// Questions whose answers show whether the data exists.
    pub data_needed: Vec<Text>,
    pub source: Text,
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
    pub id: Text,
    pub category: Text,
    pub name: Text,
    pub description: Text,
    pub technologies: Vec<Text>,
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
    pub id: Text,
    pub name: Text,
    pub group: TechnologyGroup,
    pub summary: Text,
    pub window: [i32; 2],
    pub window_source: Option<Text>,
    pub applications: Vec<Text>,
    pub impact: Text,
    pub complexity: u8,
    pub prerequisites: Vec<Text>,
    pub requires: BTreeMap<Text, f64>,
    pub goals: BTreeMap<Text, f64>,
    pub skills: BTreeMap<Text, u8>,
    pub risks: Vec<Text>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub claim: Text,
    pub source: Text,
}
