//! The shape of the data in `frameworks/*.toml`: the types it deserializes into and look-ups
//! by id. Every struct rejects unknown fields, so a misspelt key in a customised framework is
//! an error rather than a silent default.
//!
//! The bottom layer of readiness, in a crate of its own: the build script compiles the
//! built-in frameworks with these same types, and nothing here can name the tool above it.

pub mod date;
mod index;
mod lookup;
mod report_text;

pub use index::LazyIndex;
pub use report_text::*;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The bytes the built-in frameworks are deserialized from, once the tool has named them.
static BUILTIN: OnceLock<&'static [u8]> = OnceLock::new();

/// Names the bytes the built-in frameworks are deserialized from, so that their text is
/// borrowed rather than copied. The first call counts; later ones are ignored.
pub fn set_builtin_bytes(bytes: &'static [u8]) {
    let _ = BUILTIN.set(bytes);
}

/// The same text, borrowed from the built-in frameworks, when `s` lies within them: loading
/// them then allocates no string.
fn builtin_text(s: &str) -> Option<&'static str> {
    let compiled = BUILTIN.get()?;
    let start = (s.as_ptr() as usize).checked_sub(compiled.as_ptr() as usize)?;
    let bytes = compiled.get(start..start.checked_add(s.len())?)?;
    // SAFETY: `bytes` are the bytes of `s` (same address, same length), so valid UTF-8. Checking
    // them again costs 7% of the instructions of `assess --format json` and about 3% of its
    // time, measured head to head (docs/performance.md).
    Some(unsafe { std::str::from_utf8_unchecked(bytes) })
}

/// Text from the frameworks. The built-in text is borrowed from the compiled frameworks in the
/// binary; text read at run time is shared. Either way an assessment quotes a great deal of it
/// (ids, descriptions, mitigations, learning paths) without allocating. Behaves as a `str` for
/// reading, comparing, hashing and map look-ups.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Builtin(&'static str),
    Shared(Arc<str>),
}

/// Borrowed when the deserializer lends text from the built-in frameworks (loading them then
/// allocates no string at all); otherwise one allocation, where serde's own `Arc<str>` goes
/// through a `String` and a `Box<str>`.
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Text, E> {
                Ok(builtin_text(s).map_or_else(|| Text::from(s), |s| Text(Repr::Builtin(s))))
            }

            fn visit_str<E>(self, s: &str) -> Result<Text, E> {
                Ok(Text::from(s))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

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
        match &self.0 {
            Repr::Builtin(s) => s,
            Repr::Shared(s) => s,
        }
    }

    /// Whether the text is borrowed from the built-in frameworks rather than shared.
    pub fn is_builtin(&self) -> bool {
        matches!(self.0, Repr::Builtin(_))
    }
}

/// Ids mostly differ in their first byte, so comparisons look at it before calling `memcmp`:
/// the look-ups of scoring make thousands of them for each assessment.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        let (a, b) = (self.as_bytes(), other.as_bytes());
        a.len() == b.len() && a.first() == b.first() && a == b
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        let (a, b) = (self.as_bytes(), other.as_bytes());
        match (a.first(), b.first()) {
            (Some(x), Some(y)) if x != y => x.cmp(y),
            _ => a.cmp(b),
        }
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
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
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Repr::Shared(s.into()))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Repr::Shared(s.into()))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
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
    pub regulations: Regulations,
    pub risks: RiskCatalog,
    pub skills: SkillsFramework,
    pub roadmap: Roadmap,
    pub ethics: Ethics,
    pub models: Models,
    pub trends: Trends,
    pub technologies: Technologies,
    pub report: Arc<ReportText>,
    pub business_case: BusinessCaseData,
    /// Positions by id, for the look-ups in `lookup.rs`.
    #[serde(skip)]
    pub index: LazyIndex,
}

// ----- business_case.toml -----

/// The bands and factors each initiative's business case is computed from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessCaseData {
    pub revenue_question: Text,
    pub currency_question: Text,
    /// The budget question, whose options carry `spend = [low, high]`.
    pub budget_question: Text,
    /// The company-size question the cost factors are keyed by.
    pub size_question: Text,
    /// What the bands rest on ("set by judgement").
    pub basis: Text,
    /// The share of a published effect counted, by source kind id.
    pub discount: std::collections::BTreeMap<Text, f64>,
    pub effort: Vec<EffortBand>,
    pub cost: Vec<CostBand>,
    pub action: ActionBand,
    pub value: Vec<PublishedEffect>,
    pub kpi: Vec<GoalKpi>,
    /// The factor on every cost, by the company's size.
    pub size_scale: Vec<SizeScale>,
    /// The factor on every effort, by the marketing team's size.
    pub team_scale: Vec<TeamScale>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SizeScale {
    pub size: Text,
    pub cost: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TeamScale {
    /// The largest team (people) the factor holds for.
    pub up_to: i64,
    pub effort: f64,
}

/// What a published effect is a share of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueBase {
    #[default]
    Revenue,
    MarketingBudget,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EffortBand {
    pub complexity: u8,
    pub person_weeks: Band,
}

/// Low and high ends of a figure that is never a point.
pub type Band = [f64; 2];

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CostBand {
    pub band: Cost,
    pub one_off: [f64; 2],
    pub yearly: [f64; 2],
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActionBand {
    pub person_weeks_per_month: [f64; 2],
    pub one_off: [f64; 2],
    pub yearly: [f64; 2],
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedEffect {
    pub technology: Text,
    pub source: Text,
    /// A share of `base`, [low, high], as the source states it.
    pub effect: [f64; 2],
    /// What the effect is a share of: annual revenue unless the source measures it against
    /// marketing spend.
    #[serde(default)]
    pub base: ValueBase,
    pub claim: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoalKpi {
    pub goal: Text,
    pub measure: Text,
    /// Only for these technologies, ahead of the goal's general measure; empty for all.
    #[serde(default)]
    pub technologies: Vec<Text>,
}

// ----- sources.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    #[serde(rename = "source")]
    pub sources: Vec<Source>,
}

/// What a source is, so a reader can weigh what it supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A survey run by a party with nothing to sell in the market it measures.
    IndependentSurvey,
    /// An analyst firm's or consultancy's research, from its own surveys or models.
    AnalystReport,
    /// Peer-reviewed or university research.
    AcademicStudy,
    /// A vendor's own publication, or a survey a vendor commissioned or ran of its customers.
    VendorClaim,
    /// A blog post or trade article that gives figures without their study.
    Article,
    /// Product documentation: what a tool does and how it is measured.
    Documentation,
    /// A law or rule, cited by its official reference.
    Regulation,
    /// A regulator's or government's guidance on applying a law.
    Guidance,
    /// A court's decision.
    CourtDecision,
    /// The maintainers' own judgement, which earlier versions cited: read from saved reports
    /// only, refused in the frameworks (check.rs).
    Review,
}

impl SourceKind {
    /// The id the data files use, for look-ups in the report wording.
    pub fn id(self) -> &'static str {
        match self {
            SourceKind::IndependentSurvey => "independent_survey",
            SourceKind::AnalystReport => "analyst_report",
            SourceKind::AcademicStudy => "academic_study",
            SourceKind::VendorClaim => "vendor_claim",
            SourceKind::Article => "article",
            SourceKind::Documentation => "documentation",
            SourceKind::Regulation => "regulation",
            SourceKind::Guidance => "guidance",
            SourceKind::CourtDecision => "court_decision",
            SourceKind::Review => "review",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Text,
    pub kind: SourceKind,
    pub title: Text,
    pub author: Option<Text>,
    /// The organisation that published it, when no person is named or beside them.
    pub publisher: Option<Text>,
    pub date: Option<Text>,
    /// Where to read it: a URL, a DOI or the regulation's official number.
    pub address: Option<Text>,
    /// Who was surveyed and how many, for a survey.
    pub sample: Option<Text>,
}

// ----- questionnaire.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Answer files record the version they were written against; questions added later are
    /// "not asked" for older files.
    pub version: u32,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextRole {
    Company,
    Industry,
    Size,
    TeamSize,
    Budget,
    Regions,
    Goals,
    RiskAppetite,
    InUse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextKind {
    Text,
    Choice,
    Multi,
    Number,
}

fn first_version() -> u32 {
    1
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContextQuestion {
    pub id: Text,
    pub role: Option<ContextRole>,
    pub kind: ContextKind,
    /// The questionnaire version that added the question.
    #[serde(default = "first_version")]
    pub since: u32,
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
    /// For regions: the privacy rules that apply there, as a reader would name them.
    pub privacy_rules: Option<Text>,
    /// For company sizes: the largest scale of owner roles (risks.toml category owners) a
    /// business this size has, whatever the size of its marketing team.
    pub scale: Option<Text>,
    /// For company sizes: the smallest such scale (the smallest owner band's when absent).
    pub smallest_scale: Option<Text>,
    /// For company sizes: the scale of the roles the whole company has (IT, legal), which owns
    /// the categories marked `company_wide` whatever the size of the marketing team.
    pub company_scale: Option<Text>,
    /// For budgets: the most costly technology the budget can carry.
    pub affords: Option<Cost>,
    /// For budgets: how many pilots the budget pays for in a year (vendor trials, agency time);
    /// absent, the team's capacity and pace are the only limits.
    pub funds_pilots: Option<usize>,
    /// For the revenue question of business_case.toml: the band [low, high].
    pub revenue: Option<[f64; 2]>,
    /// For its currency question: the code printed beside amounts.
    pub currency: Option<Text>,
    /// For the budget question of business_case.toml: the yearly marketing spend [low, high].
    pub spend: Option<[f64; 2]>,
    /// An option that cannot be combined with others ("none of these").
    #[serde(default)]
    pub exclusive: bool,
    /// Ids of options merged into this one because they decided nothing differently: an answer
    /// file that still names one of them reads as this option.
    #[serde(default)]
    pub replaces: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Text,
    pub dimension: Text,
    pub weight: f64,
    /// The questionnaire version that added the question.
    #[serde(default = "first_version")]
    pub since: u32,
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
    #[serde(rename = "stage")]
    pub stages: Vec<Stage>,
    pub maturity: MaturityRules,
    #[serde(rename = "ring")]
    pub rings: Vec<RingSpec>,
    pub placement: PlacementRules,
    pub capacity: Vec<CapacityBand>,
    /// The scale of owner roles by the size of the marketing team, smallest first.
    #[serde(rename = "owner_band")]
    pub owner_bands: Vec<OwnerBand>,
    pub pace: PaceRules,
    pub value: ValueRules,
    pub complexity: ComplexityRules,
    pub risk: RiskRules,
    #[serde(rename = "evidence_kind")]
    pub evidence_kinds: Vec<NamedKind>,
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

/// An adoption stage of a technology in marketing.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: Text,
    pub name: Text,
    pub meaning: Text,
    pub maturity: f64,
    /// Not usable in marketing yet: the horizon-watch list, no ring and no start month.
    #[serde(default)]
    pub horizon_watch: bool,
    /// The best ring the stage allows, by risk appetite option id.
    #[serde(default)]
    pub ceiling: BTreeMap<Text, Ring>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityRules {
    pub stale_after_months: u32,
    pub unknown_appetite: Text,
}

/// Where a technology is placed. The order of the ladder, best first: adopt, pilot, assess,
/// hold, watch; `InUse` stands apart from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ring {
    InUse,
    Adopt,
    Pilot,
    Assess,
    Hold,
    Watch,
}

impl Ring {
    pub const ALL: [Ring; 6] = [Ring::InUse, Ring::Adopt, Ring::Pilot, Ring::Assess, Ring::Hold, Ring::Watch];

    /// The id used in data files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Ring::InUse => "in_use",
            Ring::Adopt => "adopt",
            Ring::Pilot => "pilot",
            Ring::Assess => "assess",
            Ring::Hold => "hold",
            Ring::Watch => "watch",
        }
    }

    /// Position on the ladder, higher is further along: watch 0 to adopt 4, in use 5.
    pub fn rank(self) -> u8 {
        match self {
            Ring::Watch => 0,
            Ring::Hold => 1,
            Ring::Assess => 2,
            Ring::Pilot => 3,
            Ring::Adopt => 4,
            Ring::InUse => 5,
        }
    }

    /// The less advanced of two rings.
    pub fn min(self, other: Ring) -> Ring {
        if other.rank() < self.rank() { other } else { self }
    }

    /// One step down the ladder (hold stays hold).
    pub fn lower(self) -> Ring {
        match self {
            Ring::InUse | Ring::Adopt => Ring::Pilot,
            Ring::Pilot => Ring::Assess,
            Ring::Assess | Ring::Hold => Ring::Hold,
            Ring::Watch => Ring::Watch,
        }
    }

    /// New initiatives the plan takes on: adopt and pilot.
    pub fn is_planned(self) -> bool {
        matches!(self, Ring::Adopt | Ring::Pilot)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RingSpec {
    pub id: Ring,
    pub name: Text,
    pub meaning: Text,
    pub earliest_month: Option<u32>,
    pub latest_month: Option<u32>,
    /// Length of the technology's bar on the roadmap.
    pub months: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlacementRules {
    pub adopt_tolerance: f64,
    pub pilot_tolerance: f64,
    /// The pilot tolerance for a technology that serves a stated goal very well.
    pub strong_goal_pilot_tolerance: f64,
    /// Points added to the pilot and assess tolerances, by risk appetite (negative narrows).
    pub appetite_widening: BTreeMap<Text, f64>,
    pub assess_tolerance: f64,
    pub serves_goal_at: f64,
    pub adopt_goal_at: f64,
    /// Stages at which a quick win is switched on when it serves the business at all.
    pub switch_on_stages: Vec<Text>,
    /// Stages at which a technology counts as proven: the next step from what the business
    /// runs is assessed rather than held, and a moderate goal is enough to pilot it.
    pub proven_stages: Vec<Text>,
    /// The goal fit from which a proven technology built on what runs is the next step.
    pub next_step_goal_at: f64,
    /// Months a technology waits after the start of a prerequisite in pilot or assess: the
    /// pilot proves it first.
    pub prerequisite_lag_months: u32,
    /// Months it waits after the start of a prerequisite adopted the same year.
    pub adopted_prerequisite_lag_months: u32,
    /// The length of a quick win's bar: it is switched on, not run as a project.
    pub quick_win_months: u32,
    /// Roadmap actions one owner leads at once; the next of theirs starts as one ends.
    pub owner_actions_at_once: usize,
    /// Low-cost technologies at most this complex are quick wins: they take no capacity.
    pub quick_win_complexity: u8,
}

/// How many pilots start together, by the score of the dimension that carries change.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PaceRules {
    pub dimension: Text,
    #[serde(rename = "band")]
    pub bands: Vec<PaceBand>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PaceBand {
    /// The dimension score from which this band applies.
    pub from: f64,
    pub pilots_at_once: usize,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CapacityBand {
    pub team_up_to: i64,
    pub initiatives: usize,
    pub skills_approach: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ValueRules {
    pub stage_weight: BTreeMap<Text, f64>,
    pub cost_weight: BTreeMap<Cost, f64>,
}

/// What adopting a technology typically takes, and what a budget can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ComplexityRules {
    pub relief: f64,
    pub relief_dimensions: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RiskRules {
    pub severity: SeverityWeights,
    /// Exposure = this x severity weight x likelihood.
    pub exposure_scale: f64,
    pub serious_likelihood: f64,
    /// A risk less exposed than this is not raised.
    pub raise_from: f64,
    /// Every evidence answer at this share of its top level or above shows controls in place.
    pub controls_in_place_at: f64,
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
    pub name: Text,
    pub from: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NamedKind {
    pub id: Text,
    pub name: Text,
}

// ----- regulations.toml -----

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Regulations {
    /// Who advises on privacy, by jurisdiction and sector: the first that fits the business.
    #[serde(rename = "privacy_role")]
    pub privacy_roles: Vec<PrivacyRole>,
    /// Who answers for every rule in a company too small for the roles the rules name.
    #[serde(default, rename = "rule_role")]
    pub rule_roles: Vec<RuleRole>,
    #[serde(rename = "regulation")]
    pub regulations: Vec<Regulation>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyRole {
    /// Region option ids; empty for any region (the fallback, listed last).
    #[serde(default)]
    pub regions: Vec<Text>,
    /// Industry option ids; empty for every industry.
    #[serde(default)]
    pub industries: Vec<Text>,
    /// Company scales (questionnaire.toml `company_scale`); empty for every scale.
    #[serde(default)]
    pub company_scales: Vec<Text>,
    pub role: Text,
}

/// The role that answers for every rule in scope in a company of one of `company_scales`,
/// in place of each rule's own `role`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleRole {
    pub company_scales: Vec<Text>,
    pub role: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    pub id: Text,
    pub name: Text,
    pub citation: Text,
    pub source: Text,
    /// Region option ids (the `regions` context question) where the rule applies.
    pub regions: Vec<Text>,
    /// Industry option ids it is limited to; empty for every industry.
    #[serde(default)]
    pub industries: Vec<Text>,
    pub applies_from: crate::date::Date,
    pub technologies: Vec<Text>,
    pub obligation: Text,
    /// Exceptions that change the advice: what the rule does not require.
    pub exceptions: Option<Text>,
    /// Amendments and court rulings that changed the rule, with their dates.
    pub history: Option<Text>,
    /// Sources of the amendments, rulings and guidance in `history`.
    #[serde(default)]
    pub see_also: Vec<Text>,
    /// The role that answers for the rule in its jurisdiction.
    pub role: Text,
    /// Advice for a business already running a touched technology, in place of the generic next step.
    pub in_use_advice: Option<Text>,
    /// Risks the touched technologies carry while the rule is in scope.
    #[serde(default)]
    pub adds_risks: Vec<Text>,
    pub control: Option<Control>,
    pub ceiling: Option<Ring>,
    #[serde(default)]
    pub escalates: Vec<Text>,
    /// The touched technologies whose use triggers the escalation; empty for all of them.
    #[serde(default)]
    pub escalates_via: Vec<Text>,
}

/// The answer that shows an obligation is met.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub question: Text,
    pub level: u8,
    /// The roadmap action that puts the control in place; a touched technology starts after it.
    pub action: Option<Text>,
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
    /// One step more severe, for risks a regulation in scope makes worse.
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
    pub categories: Vec<RiskCategory>,
    #[serde(rename = "risk")]
    pub risks: Vec<Risk>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RiskCategory {
    pub id: Text,
    pub name: Text,
    /// Who owns risks of this category, by the scale of the business.
    pub owner: BTreeMap<Text, Text>,
    /// Owned by a function of the whole company (IT, legal), so the owner follows the company's
    /// size rather than the marketing team's.
    #[serde(default)]
    pub company_wide: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: Text,
    pub category: Text,
    pub title: Text,
    pub severity: Severity,
    pub evidence: Vec<Text>,
    /// A risk of the whole programme: raised whenever any technology is in one of these rings,
    /// rather than by the technologies that list it.
    #[serde(default)]
    pub for_rings: Vec<Ring>,
    pub reason: Text,
    /// Why it is still raised when the evidence shows controls in place: what remains.
    pub residual: Text,
    /// The roadmap action that carries out the mitigation.
    pub mitigated_by: Text,
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
    /// The months the plan looks ahead, which its phases fill.
    pub horizon_months: u32,
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
    pub skills: BTreeMap<Text, u8>,
    #[serde(default, rename = "entry")]
    pub entry_criteria: Vec<EntryCriterion>,
    #[serde(default, rename = "action")]
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EntryCriterion {
    pub id: Text,
    /// The criterion for this client: the report fills `{goals}` (the stated goals), `{budget}`
    /// (the plan's one-off and first-year cost) and `{technologies}` (those `names` picks, with
    /// their months).
    pub text: Text,
    /// The criterion without this client's names, printed when a value `text` needs is missing
    /// (no technology named, no currency); required when `text` has placeholders.
    pub plain: Option<Text>,
    /// The technologies in these rings are the ones `{technologies}` names.
    #[serde(default)]
    pub names: Vec<Ring>,
    /// Applies only when some technology is in one of these rings; always when empty.
    #[serde(default)]
    pub for_rings: Vec<Ring>,
    /// The actions whose work meets it: each, when planned, ends before the phase starts.
    #[serde(default)]
    pub produced_by: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Text,
    pub title: Text,
    pub description: Text,
    #[serde(default)]
    pub for_gaps: Vec<Text>,
    #[serde(default)]
    pub for_rings: Vec<Ring>,
    #[serde(default)]
    pub for_technologies: Vec<Text>,
    /// How long it runs from the start of its phase.
    pub months: u32,
    /// The risk category whose owner leads it.
    pub owner: Text,
    /// Questions that show the work is done: with every one at `controls_in_place_at` or
    /// above, the action is left out unless a technology in the plan needs it.
    #[serde(default)]
    pub evidence: Vec<Text>,
    /// The description for a business that already runs every technology the action serves.
    pub in_use_description: Option<Text>,
    /// Actions that end before this one starts, when they are in the plan.
    #[serde(default)]
    pub after: Vec<Text>,
    /// A technology placed in one of these rings starts after this action ends (a quick win
    /// aside: it is switched on, not bought or designed).
    #[serde(default)]
    pub before_rings: Vec<Ring>,
    /// The version of the action for a marketing team of at most `team_up_to` people.
    pub small_team: Option<SmallTeamAction>,
    /// The version for a large company or a large marketing team.
    pub large_company: Option<LargeCompanyAction>,
    /// What the action works with here (the tools a training practises on, the vendors a
    /// review assesses), named when it serves no technology itself.
    pub works_on: Option<WorksOn>,
    /// Who leads it instead when its usual lead already carries as many actions at once as a
    /// person can (`owner_actions_at_once`) and a start waits for it: outside help, with
    /// `{lead}` (the usual lead) taking part.
    pub relief: Option<Text>,
    /// A review that decides whether the actions that come `after` it go ahead: they are
    /// printed as conditional on it.
    #[serde(default)]
    pub decides: bool,
    /// It is the work of the technologies placed in these rings (the studies of those
    /// assessed), so it keeps its months while one is: it runs beside them.
    #[serde(default)]
    pub carries_rings: Vec<Ring>,
}

/// Owner roles for a marketing team of at most `team_up_to` people.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OwnerBand {
    pub team_up_to: i64,
    pub scale: Text,
}

/// How a small team does an action: the same aim at its own scale.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SmallTeamAction {
    pub team_up_to: i64,
    pub title: Text,
    pub description: Text,
}

/// The technologies in `rings` (of `technologies`, when listed) are what an action works with:
/// `text` names them (`{technologies}`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WorksOn {
    pub rings: Vec<Ring>,
    #[serde(default)]
    pub technologies: Vec<Text>,
    pub text: Text,
}

/// How a large company does an action: the same aim with the roles and process its size
/// brings. It applies to a company of one of `company_scales` (questionnaire.toml
/// `company_scale`) or a marketing team of more than `team_over` people.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LargeCompanyAction {
    #[serde(default)]
    pub company_scales: Vec<Text>,
    pub team_over: Option<i64>,
    pub title: Text,
    pub description: Text,
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
    /// Technologies that run these models: the catalogue is shown when one is in view.
    pub technologies: Vec<Text>,
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
    /// The measure a data lead would hold this model family to, from its source.
    pub metric: Text,
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
    /// The guide's claim of when it reaches the mainstream; shown as a claim, never used.
    pub guide_window: Option<[i32; 2]>,
    pub applications: Vec<Text>,
    pub impact: Text,
    /// Acts or speaks for the brand before customers: piloted before it is rolled out.
    #[serde(default)]
    pub pilot_first: bool,
    pub cost: Cost,
    pub complexity: u8,
    pub prerequisites: Vec<Text>,
    pub requires: BTreeMap<Text, f64>,
    pub goals: BTreeMap<Text, f64>,
    pub skills: BTreeMap<Text, u8>,
    pub in_use_next: Option<Text>,
    /// Answers whose level shows the technology already runs (any one is enough).
    #[serde(default)]
    pub runs_when: Vec<AnswerLevel>,
    /// The capabilities it cannot be adopted or piloted without, each an answer's level: a
    /// dimension's average can hide the one capability a technology needs.
    #[serde(default)]
    pub needs: Vec<AnswerLevel>,
    /// Work it waits for while an answer is below a level, wherever the business is: an
    /// assistant that speaks to customers starts after the disclosure work when nothing tells
    /// them they face an AI.
    #[serde(default)]
    pub waits_for: Vec<WaitFor>,
    pub risks: Vec<Text>,
    pub stage: StageJudgement,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// What the evidence lacks, when it is not figures from two sources.
    pub evidence_note: Option<Text>,
}

/// A readiness answer at `at_least` or above.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerLevel {
    pub question: Text,
    pub at_least: u8,
}

/// A roadmap action a technology starts after while the answer to `question` is below
/// `at_least`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WaitFor {
    pub question: Text,
    pub at_least: u8,
    pub action: Text,
}

/// A technology's adoption stage in marketing, as judged on a date from a source.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StageJudgement {
    pub stage: Text,
    pub judged: crate::date::Date,
    pub source: Text,
    pub basis: Text,
    /// For a technology on the horizon-watch list: what would show it has become usable.
    pub signal: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub claim: Text,
    pub source: Text,
    pub kind: Text,
    /// Industry option ids the figure is about; shown to every business when empty.
    #[serde(default)]
    pub industries: Vec<Text>,
}

#[cfg(test)]
mod tests {
    use super::Text;

    proptest::proptest! {
        /// Short strings from a small alphabet, so many share a first byte or are empty.
        #[test]
        fn text_compares_as_its_str_does(a in "[ab]{0,3}", b in "[ab]{0,3}") {
            let (x, y) = (Text::from(a.as_str()), Text::from(b.as_str()));
            proptest::prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            proptest::prop_assert_eq!(x == y, a == b);
        }
    }
}
