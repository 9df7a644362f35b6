//! The words of the report (`frameworks/report.toml`): every heading, label and sentence the
//! views show. Templates use `{name}` placeholders, filled by `crate::words::fill`.

use super::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportText {
    pub language: Text,
    pub months: Vec<Text>,
    pub date: Text,
    pub month_year: Text,
    pub title: Text,
    pub unnamed_company: Text,
    pub contents: Text,
    pub generator: Text,
    pub and: Text,
    pub or: Text,
    pub none: Text,
    pub month_range: Text,
    pub month_single: Text,
    pub dont_know: Text,
    pub not_asked: Text,
    pub level: Text,
    pub points: Text,
    pub cover: CoverText,
    pub headline: HeadlineText,
    pub summary: SummaryText,
    pub readiness: ReadinessText,
    pub technologies: TechnologiesText,
    pub reasons: ReasonsText,
    pub costs: CostsText,
    pub severities: SeveritiesText,
    pub roadmap: RoadmapText,
    pub risks: RisksText,
    pub skills: SkillsText,
    pub business_case: BusinessCaseText,
    pub compare: CompareText,
    pub catalog: CatalogText,
    pub appendix: AppendixText,
    pub methodology: MethodologyText,
    pub workshop: WorkshopText,
    pub notes: NotesText,
    pub portfolio: PortfolioText,
    pub changes: ChangesText,
    /// Signature, spelling and paper of the report as delivered (absent in older JSON reports).
    #[serde(default)]
    pub deliverable: DeliverableText,
}

/// The report as a consultant hands it over: who prepared it, and the spelling and paper of
/// the client's country.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliverableText {
    /// `{name}`: the `--prepared-by` text, on the cover and at the foot of every page.
    pub prepared_by: Text,
    /// Region ids (questionnaire.toml): a business that markets only in these reads US
    /// English and prints on Letter paper.
    pub us_regions: Vec<Text>,
    /// British spelling → US spelling, one pair per word form where the two differ.
    pub us_spelling: BTreeMap<Text, Text>,
}

/// What other answers would change: beside the range the unknowns leave open, in the first
/// things to find out, and with each lever.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangesText {
    pub ring_move: Text,
    pub tier: Text,
    pub rings: Text,
    pub not_raised: Text,
    pub residual: Text,
    pub standing: Text,
    pub standing_none: Text,
    pub unknown: Text,
    pub tier_note: Text,
    pub lever_one: Text,
    pub lever_many: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortfolioText {
    pub title: Text,
    pub client: Text,
    pub headline: Text,
    pub scores: Text,
    pub scored: Text,
    pub chart: Text,
    pub chart_alt: Text,
    pub chart_value: Text,
    pub band: Text,
    pub score: Text,
    pub overall: Text,
    pub confidence: Text,
    pub min: Text,
    pub q1: Text,
    pub median: Text,
    pub q3: Text,
    pub max: Text,
    pub mean: Text,
    pub context: Text,
    pub question: Text,
    pub tiers: Text,
    pub tier: Text,
    pub assessments: Text,
    pub share: Text,
    pub failed: Text,
    pub failed_intro: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotesText {
    pub respondent: Text,
    pub note: Text,
    pub evidence: Text,
    pub note_alone: Text,
    pub evidence_alone: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkshopText {
    pub title: Text,
    pub intro: Text,
    pub respondent: Text,
    pub overall: Text,
    pub chart: Text,
    pub chart_alt: Text,
    pub combined: Text,
    pub band: Text,
    pub dimension: Text,
    pub overall_row: Text,
    pub answered_row: Text,
    pub answered_value: Text,
    pub dont_know: Text,
    pub not_asked: Text,
    pub discuss: Text,
    pub discuss_intro: Text,
    pub discuss_spread: Text,
    pub said: Text,
    pub nothing_to_discuss: Text,
    pub by_respondent: Text,
    pub respondent_level: Text,
    pub summary: Text,
    pub summary_agreed: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MethodologyText {
    pub weight: Text,
    pub tier: Text,
    pub stage: Text,
    pub ceiling: Text,
    pub ceiling_item: Text,
    pub capacity_band: Text,
    pub capacity_last: Text,
    pub ring_months: Text,
    pub pace_band: Text,
    pub owner_band: Text,
    pub owner_band_last: Text,
    pub widening: Text,
    pub answers: Text,
    pub dimensions: Text,
    pub tiers: Text,
    pub maturity: Text,
    pub rings: Text,
    pub gate_stage: Text,
    pub gate_goal: Text,
    pub gate_budget: Text,
    pub gate_capability: Text,
    pub funded_pilots: Text,
    pub gate_rules: Text,
    pub gate_capacity: Text,
    pub gate_readiness: Text,
    pub gate_prerequisites: Text,
    pub gate_mitigation: Text,
    pub risks: Text,
    pub roadmap: Text,
    pub skills: Text,
    pub levers: Text,
    pub business_case: Text,
    pub discount: Text,
    pub effort: Text,
    pub cost: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixText {
    pub title: Text,
    pub methodology: Text,
    pub answers: Text,
    pub sources: Text,
    pub question: Text,
    pub answer: Text,
    pub source: Text,
    pub author: Text,
    pub source_date: Text,
    pub kinds: BTreeMap<Text, Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogText {
    pub title: Text,
    pub catalogue: Text,
    pub entries: Text,
    pub contents: Text,
    pub technologies: Vec<Text>,
    pub trends: Vec<Text>,
    pub skills: Vec<Text>,
    pub roadmap: Vec<Text>,
    pub models: Vec<Text>,
    pub ethics: Vec<Text>,
    pub questions: Vec<Text>,
    pub risks: Vec<Text>,
    pub sources: Vec<Text>,
    pub context: Text,
    pub holds: HoldsText,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoldsText {
    pub technologies: Text,
    pub trends: Text,
    pub skills: Text,
    pub roadmap: Text,
    pub models: Text,
    pub ethics: Text,
    pub questions: Text,
    pub risks: Text,
    pub sources: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompareText {
    pub title: Text,
    pub intro: Text,
    pub chart: Text,
    pub chart_alt: Text,
    pub before: Text,
    pub after: Text,
    pub change: Text,
    pub dimensions: Text,
    pub dimension: Text,
    pub technologies: Text,
    pub technology: Text,
    pub ring_before: Text,
    pub ring_after: Text,
    pub start_before: Text,
    pub start_after: Text,
    pub none_moved: Text,
    pub risks: Text,
    pub opened: Text,
    pub closed: Text,
    pub less_exposed: Text,
    pub more_exposed: Text,
    pub no_risk_change: Text,
    pub skills: Text,
    pub narrowed: Text,
    pub widened: Text,
    pub no_skill_change: Text,
    pub levers: Text,
    pub lever: Text,
    pub no_levers: Text,
}

/// The business case: per initiative, effort, cost, value and KPI; the totals on page one.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessCaseText {
    pub title: Text,
    pub intro: Text,
    pub intro_share: Text,
    pub initiative: Text,
    pub effort: Text,
    pub one_off: Text,
    pub yearly_cost: Text,
    pub value: Text,
    pub timing: Text,
    pub kpi: Text,
    pub baseline: Text,
    pub target: Text,
    pub owner: Text,
    pub range: Text,
    pub amount: Text,
    pub share: Text,
    pub amount_and_share: Text,
    pub not_estimated: Text,
    pub enables: Text,
    pub enables_nothing: Text,
    pub months_to_value: Text,
    pub payback: Text,
    pub baseline_measure: Text,
    pub target_lift: Text,
    pub target_unset: Text,
    pub readiness_measure: Text,
    pub delivery_measure: Text,
    pub delivery_baseline: Text,
    pub delivery_target: Text,
    pub sources: Text,
    pub total: Text,
    pub total_value: Text,
    pub total_no_value: Text,
    pub best: Text,
    pub best_item: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillsText {
    pub title: Text,
    pub paths_shown: usize,
    pub intro: Text,
    pub levels: Text,
    pub skill: Text,
    pub category: Text,
    pub current: Text,
    pub required: Text,
    pub gap: Text,
    pub needed_by: Text,
    pub paths: Text,
    pub path: Text,
    pub then: Text,
    pub no_gaps: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RisksText {
    pub title: Text,
    pub intro: Text,
    pub heat_map: Text,
    pub heat_map_alt: Text,
    pub severity: Text,
    pub likelihood: Text,
    pub risk: Text,
    pub exposure: Text,
    pub owner: Text,
    pub mitigation: Text,
    pub escalated: Text,
    pub scheduled: Text,
    pub unscheduled: Text,
    pub details: Text,
    pub detail: Text,
    pub escalated_by: Text,
    pub rules: Text,
    pub rule_cell: Text,
    pub residual: Text,
    pub partly: Text,
    pub quoted: Text,
    pub rule: Text,
    pub obligation: Text,
    pub role: Text,
    pub exceptions: Text,
    pub history: Text,
    pub from_date: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoadmapText {
    pub title: Text,
    pub capacity: Text,
    pub capacity_unknown: Text,
    pub overloaded: Text,
    pub chart: Text,
    pub chart_alt: Text,
    pub action_legend: Text,
    pub technology_legend: Text,
    pub phase: Text,
    pub action_item: Text,
    pub entry: Text,
    pub action: Text,
    pub months: Text,
    pub owner: Text,
    pub why: Text,
    pub why_gaps: Text,
    pub why_risks: Text,
    pub why_technologies: Text,
    pub why_plan: Text,
    pub starting: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeveritiesText {
    pub low: Text,
    pub medium: Text,
    pub high: Text,
    pub critical: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CostsText {
    pub low: Text,
    pub medium: Text,
    pub high: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonsText {
    pub in_use: Text,
    pub not_yet_usable: Text,
    pub stage: Text,
    pub pilot_first: Text,
    pub no_goal: Text,
    pub moderate_goal: Text,
    pub unproven_moderate_goal: Text,
    pub would_serve: Text,
    pub weak_goal: Text,
    pub over_budget: Text,
    pub regulation: Text,
    pub regulation_control: Text,
    pub capacity: Text,
    pub readiness: Text,
    pub prerequisite: Text,
    pub timing: Text,
    pub pilot_budget: Text,
    pub capability: Text,
    pub ready: Text,
    pub waits_for: Text,
    pub wave: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TechnologiesText {
    pub title: Text,
    pub intro: Text,
    pub radar: Text,
    pub radar_alt: Text,
    pub outside: Text,
    pub technology: Text,
    pub ring: Text,
    pub ring_months: Text,
    pub starts: Text,
    pub why: Text,
    pub stage: Text,
    pub details: Text,
    pub maturity: Text,
    pub stale: Text,
    pub business_readiness: Text,
    pub business_readiness_met: Text,
    pub requirement: Text,
    pub complexity: Text,
    pub roi: Text,
    pub roi_none: Text,
    pub evidence_note: Text,
    pub risk_factors: Text,
    pub obligations: Text,
    pub held: Text,
    pub trends: Text,
    pub category: Text,
    pub trend_item: Text,
    pub models: Text,
    pub models_intro: Text,
    pub model: Text,
    pub model_cell: Text,
    pub metric: Text,
    pub data_ready: Text,
    pub data_score: Text,
    pub explain: Text,
    pub required: Text,
    pub actual: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadinessText {
    pub title: Text,
    pub intro: Text,
    pub chart: Text,
    pub chart_alt: Text,
    pub series: Text,
    pub band: Text,
    pub dimension: Text,
    pub score: Text,
    pub range: Text,
    pub answered: Text,
    pub status: Text,
    pub strength: Text,
    pub gap: Text,
    pub neither: Text,
    pub answered_value: Text,
    pub levers: Text,
    pub lever: Text,
    pub no_levers: Text,
    pub principles: Text,
    pub principles_weak: Text,
    pub principles_sound: Text,
    pub benchmark: Text,
    pub benchmark_intro: Text,
    pub percentile: Text,
    pub overall: Text,
    pub explain: Text,
    pub explain_intro: Text,
    pub question: Text,
    pub answer: Text,
    pub weight: Text,
    pub points: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SummaryText {
    pub title: Text,
    pub shown: SummaryShown,
    pub standing: Text,
    pub standing_range: Text,
    pub strengths: Text,
    pub no_strengths: Text,
    pub gaps: Text,
    pub in_use: Text,
    pub in_use_inferred: Text,
    pub in_use_suggested: Text,
    pub plan: Text,
    pub plan_below: Text,
    pub plan_unknown_team: Text,
    pub initiative: Text,
    pub initiatives: Text,
    pub no_plan: Text,
    pub priority: Text,
    pub priorities: Text,
    /// Numbers in words from one, for a heading that says how many follow.
    pub counts: Vec<Text>,
    pub priority_gap: Text,
    pub priority_gap_next_year: Text,
    pub priority_gap_alone: Text,
    pub priority_technology: Text,
    pub verb_adopt: Text,
    pub verb_pilot: Text,
    pub priority_risk: Text,
    pub priority_in_use: Text,
    pub quick_wins: Text,
    pub quick_win: Text,
    pub top_risks: Text,
    pub top_risk: Text,
    pub top_risk_unscheduled: Text,
    pub no_risks: Text,
    pub evidence: Text,
    pub watch: Text,
    pub watch_assess: Text,
    pub watch_rule: Text,
    pub find_out: Text,
    pub unknown: Text,
    pub unknown_context: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HeadlineText {
    pub with_priority: Text,
    pub plain: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoverText {
    pub overall: Text,
    pub overall_value: Text,
    pub overall_range: Text,
    pub overall_exact: Text,
    pub tier: Text,
    pub tier_note: Text,
    pub confidence: Text,
    pub confidence_note: Text,
    pub confidence_complete: Text,
    pub plan: Text,
    pub plan_value: Text,
    pub plan_none: Text,
    pub plan_note: Text,
}

/// How many items page one lists.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SummaryShown {
    pub priorities: usize,
    pub top_risks: usize,
    pub first_things: usize,
}
