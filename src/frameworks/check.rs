//! Cross-reference and range checks that serde cannot do: every id a file mentions must
//! exist, weights and thresholds must make sense, prerequisites must not form a cycle. Every
//! problem is collected, so one run of `frameworks check` shows them all.

use super::{ContextKind, ContextQuestion, ContextRole, Cost, DataFile, Frameworks, Ring, Text};
use super::{DONT_KNOW, Load, columns};
use crate::diagnostic::{Diagnostic, InputError, Location, MAX_DIAGNOSTICS};
use crate::message::{did_you_mean, number};
use std::collections::{BTreeMap, HashMap, HashSet};

const SOURCES: usize = 0;
const QUESTIONNAIRE: usize = 1;
const SCORING: usize = 2;
const REGULATIONS: usize = 3;
const RISKS: usize = 4;
const SKILLS: usize = 5;
const ROADMAP: usize = 6;
const ETHICS: usize = 7;
const MODELS: usize = 8;
const TRENDS: usize = 9;
const TECHNOLOGIES: usize = 10;
const REPORT: usize = 11;
const BUSINESS_CASE: usize = 12;

/// Longest horizon a roadmap may have: ten years of monthly bars is already more than a plan.
const MAX_HORIZON: u32 = 120;

/// The most levers a report may list.
const MAX_LEVERS: usize = 100;

/// Every problem found, or none; the first [`MAX_DIAGNOSTICS`] found are located and kept,
/// the rest only counted, so a hostile file with thousands of problems costs no more than
/// locating a hundred.
pub(crate) fn check(fw: &Frameworks, files: &[DataFile]) -> Option<InputError> {
    let mut c = Checker { files, problems: Vec::new(), omitted: 0, discarded: Diagnostic::new("") };
    let ids = Ids::of(fw);
    check_unique_ids(&mut c, fw);
    check_sources(&mut c, fw);
    check_questionnaire(&mut c, fw, &ids);
    check_scoring(&mut c, fw, &ids);
    check_regulations(&mut c, fw, &ids);
    check_risks(&mut c, fw, &ids);
    check_skills(&mut c, fw, &ids);
    check_roadmap(&mut c, fw, &ids);
    check_ethics_models_trends(&mut c, fw, &ids);
    check_technologies(&mut c, fw, &ids);
    check_report_templates(&mut c, fw);
    check_questionnaire_pace(&mut c, fw);
    check_report_placeholders(&mut c, fw);
    check_business_case(&mut c, fw, &ids);
    // Read top to bottom, file by file.
    c.problems.sort_by_key(|d| d.location.as_ref().map(|l| (l.file.clone(), l.line)));
    (!c.problems.is_empty()).then_some(InputError { diagnostics: c.problems, omitted: c.omitted })
}

/// Ids a reference may point to: in file order, for suggestions, and as a set, so checking a
/// reference costs the same however many entries a customised framework has.
#[derive(Default)]
struct Known<'a> {
    order: Vec<&'a str>,
    set: HashSet<&'a str>,
}

impl<'a> FromIterator<&'a str> for Known<'a> {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> Known<'a> {
        let order: Vec<&str> = ids.into_iter().collect();
        Known { set: order.iter().copied().collect(), order }
    }
}

impl<'a> Known<'a> {
    fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }

    fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.order.iter().copied()
    }

    fn insert(&mut self, id: &'a str) {
        if self.set.insert(id) {
            self.order.push(id);
        }
    }
}

/// The ids each kind of reference may point to.
struct Ids<'a> {
    sources: Known<'a>,
    dimensions: Known<'a>,
    questions: Known<'a>,
    goals: Known<'a>,
    regions: Known<'a>,
    industries: Known<'a>,
    appetites: Known<'a>,
    scales: Known<'a>,
    stages: Known<'a>,
    risk_categories: Known<'a>,
    actions: Known<'a>,
    risks: Known<'a>,
    skills: Known<'a>,
    technologies: Known<'a>,
}

impl<'a> Ids<'a> {
    fn of(fw: &'a Frameworks) -> Ids<'a> {
        let options = |role| {
            fw.context_with_role(role).map(|q| q.options.iter().map(|o| o.id.as_str()).collect()).unwrap_or_default()
        };
        let sizes = fw.context_with_role(ContextRole::Size).map(|q| q.options.as_slice()).unwrap_or_default();
        let by_size = sizes.iter().flat_map(|o| o.scale.iter().chain(&o.smallest_scale).chain(&o.company_scale));
        let mut scales: Vec<&str> =
            fw.scoring.owner_bands.iter().map(|b| &b.scale).chain(by_size).map(|s| s.as_str()).collect();
        scales.sort_unstable();
        scales.dedup();
        Ids {
            sources: fw.sources.sources.iter().map(|s| s.id.as_str()).collect(),
            dimensions: fw.questionnaire.dimensions.iter().map(|d| d.id.as_str()).collect(),
            questions: fw.questionnaire.questions.iter().map(|q| q.id.as_str()).collect(),
            goals: options(ContextRole::Goals),
            regions: options(ContextRole::Regions),
            industries: options(ContextRole::Industry),
            appetites: options(ContextRole::RiskAppetite),
            scales: scales.into_iter().collect(),
            stages: fw.scoring.stages.iter().map(|s| s.id.as_str()).collect(),
            risk_categories: fw.risks.categories.iter().map(|c| c.id.as_str()).collect(),
            actions: fw.roadmap.phases.iter().flat_map(|p| p.actions.iter().map(|a| a.id.as_str())).collect(),
            risks: fw.risks.risks.iter().map(|r| r.id.as_str()).collect(),
            skills: fw.skills.skills.iter().map(|s| s.id.as_str()).collect(),
            technologies: fw.technologies.technologies.iter().map(|t| t.id.as_str()).collect(),
        }
    }
}

/// Where in a file a problem belongs: an entry, found by its `id = "…"` line, or a top-level
/// key, found by its `key =` line.
#[derive(Clone, Copy)]
enum Place<'a> {
    Entry(&'a str),
    Key(&'a str),
}

impl Place<'_> {
    fn anchor(self) -> String {
        match self {
            Place::Entry(id) => format!("id = \"{id}\""),
            Place::Key(key) => format!("{key} ="),
        }
    }

    fn name(&self) -> &str {
        match self {
            Place::Entry(name) | Place::Key(name) => name,
        }
    }
}

struct Checker<'a> {
    files: &'a [DataFile],
    problems: Vec<Diagnostic>,
    /// Problems found beyond those kept.
    omitted: usize,
    /// Where the help of an omitted problem goes.
    discarded: Diagnostic,
}

impl Checker<'_> {
    /// Keeps the diagnostic `build` makes, unless enough are kept already: then it is
    /// counted, not built.
    fn record(&mut self, build: impl FnOnce(&DataFile) -> Diagnostic, file: usize) -> &mut Diagnostic {
        if self.problems.len() >= MAX_DIAGNOSTICS {
            self.omitted += 1;
            return &mut self.discarded;
        }
        self.problems.push(build(&self.files[file]));
        self.problems.last_mut().expect("just pushed")
    }

    /// Reports a problem at the first line of `file` containing `needle`.
    fn at(&mut self, file: usize, needle: &str, message: String) -> &mut Diagnostic {
        let build = |f: &DataFile| match Location::of_text(&f.name, &f.text, needle) {
            Some(location) => Diagnostic::new(message).at(Some(location)),
            None => Diagnostic::new(message).in_file(&f.name),
        };
        self.record(build, file)
    }

    /// Reports a problem at the entry with this id.
    fn entry(&mut self, file: usize, id: &str, message: String) -> &mut Diagnostic {
        self.within(file, Place::Entry(id), &[], message)
    }

    /// Reports a problem at the first of `needles` found inside `place` (the text from its
    /// anchor line to the next table header), else at the place itself.
    fn within(&mut self, file: usize, place: Place, needles: &[String], message: String) -> &mut Diagnostic {
        self.record(|f| located_within(f, place, needles, message), file)
    }

    /// Every id the entry refers to must be one of `known`.
    fn refs<'r>(
        &mut self,
        file: usize,
        entry: &str,
        what: &str,
        refs: impl IntoIterator<Item = &'r Text>,
        known: &Known,
    ) {
        self.refs_at(file, Place::Entry(entry), what, refs, known);
    }

    /// Every id in `refs`, found at `place`, must be one of `known`.
    fn refs_at<'r>(
        &mut self,
        file: usize,
        place: Place,
        what: &str,
        refs: impl IntoIterator<Item = &'r Text>,
        known: &Known,
    ) {
        for id in refs {
            if !known.contains(id) {
                let help = did_you_mean(id, known.iter());
                let needles = [format!("\"{id}\""), format!("{id} =")];
                let message = format!("`{}` refers to unknown {what} `{id}`", place.name());
                self.within(file, place, &needles, message).help = help;
            }
        }
    }

    /// `value` of `key` in an entry must lie within `low..=high` (so it is not NaN or infinite).
    fn range(&mut self, file: usize, entry: &str, key: &str, value: f64, low: f64, high: f64) {
        if !(low..=high).contains(&value) {
            let message =
                format!("`{entry}`: `{key}` is {}, expected {} to {}", number(value), number(low), number(high));
            self.within(file, Place::Entry(entry), &[format!("{key} =")], message);
        }
    }

    /// A weight must be above 0 and at most 100.
    fn weight(&mut self, file: usize, entry: &str, value: f64) {
        if !(value > 0.0 && value <= 100.0) {
            let message = format!("`{entry}`: `weight` is {}, expected more than 0 and at most 100", number(value));
            self.within(file, Place::Entry(entry), &["weight =".to_string()], message);
        }
    }

    /// A top-level `key` must lie within `low..=high`.
    fn key_range(&mut self, file: usize, key: &str, value: f64, low: f64, high: f64) {
        if !(low..=high).contains(&value) {
            let message = format!("`{key}` is {}, expected {} to {}", number(value), number(low), number(high));
            self.at(file, &format!("{key} ="), message);
        }
    }

    /// Text written as a comment line of answer-file templates (and shown in the terminal)
    /// must be one line, without control, text-direction or invisible characters.
    fn one_line(&mut self, file: usize, place: Place, key: &str, text: &str) {
        if let Some(c) = text.chars().find(|c| crate::inert::is_refused_in_text(*c, true)) {
            let what = match crate::inert::unsafe_kind(c) {
                "a line break" => "a line break".to_string(),
                kind => format!("{kind} U+{:04X}", c as u32),
            };
            let message = format!("`{}`: `{key}` holds {what}; it must be one line", place.name());
            self.within(file, place, &[format!("{key} =")], message);
        }
    }

    fn not_empty<T>(&mut self, file: usize, entry: &str, what: &str, list: &[T]) {
        if list.is_empty() {
            self.entry(file, entry, format!("`{entry}` has no {what}"));
        }
    }

    fn unique<'i>(&mut self, file: usize, what: &str, ids: impl IntoIterator<Item = &'i str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                let build = |f: &DataFile| {
                    let needle = format!("id = \"{id}\"");
                    let second = f.text.match_indices(&needle).nth(1).map(|(i, _)| i);
                    let location = second.map(|i| Location::of_span(&f.name, &f.text, i..i + needle.len()));
                    Diagnostic::new(format!("duplicate {what} id `{id}`")).at(location).in_file(&f.name)
                };
                self.record(build, file);
            }
        }
    }
}

/// A diagnostic at the first of `needles` found inside `place` (the text from its anchor line
/// to the next table header), else at the place itself.
fn located_within(f: &DataFile, place: Place, needles: &[String], message: String) -> Diagnostic {
    let anchor = place.anchor();
    let start = f.text.find(&anchor);
    let found = start.and_then(|start| {
        let body = start + anchor.len();
        let block_end = f.text[body..].find("\n[").map_or(f.text.len(), |i| body + i);
        let block = &f.text[body..block_end];
        needles.iter().find_map(|n| block.find(n.as_str()).map(|i| (body + i, n.len())))
    });
    match (found, start) {
        (Some((at, len)), _) => Diagnostic::new(message).at(Some(Location::of_span(&f.name, &f.text, at..at + len))),
        (None, Some(at)) => {
            Diagnostic::new(message).at(Some(Location::of_span(&f.name, &f.text, at..at + anchor.len())))
        }
        (None, None) => Diagnostic::new(message).in_file(&f.name),
    }
}

fn is_bare_key(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn check_unique_ids(c: &mut Checker, fw: &Frameworks) {
    let ids = |v: &[super::Named]| v.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    c.unique(SOURCES, "source", fw.sources.sources.iter().map(|x| x.id.as_str()));
    c.unique(QUESTIONNAIRE, "dimension", fw.questionnaire.dimensions.iter().map(|x| x.id.as_str()));
    let context_and_questions = fw.questionnaire.context.iter().map(|x| x.id.as_str());
    let question_ids = context_and_questions.chain(fw.questionnaire.questions.iter().map(|x| x.id.as_str()));
    c.unique(QUESTIONNAIRE, "question", question_ids.clone());
    // An answer file names each question as a bare key: `template` writes them so.
    for id in question_ids.filter(|id| !is_bare_key(id)) {
        let message = format!("question id `{id}` is not a bare TOML key: use letters, digits, `_` and `-` only");
        c.entry(QUESTIONNAIRE, id, message);
    }
    c.unique(SCORING, "tier", fw.scoring.tiers.iter().map(|x| x.id.as_str()));
    c.unique(SCORING, "stage", fw.scoring.stages.iter().map(|x| x.id.as_str()));
    c.unique(SCORING, "ring", fw.scoring.rings.iter().map(|x| x.id.id()));
    c.unique(SCORING, "evidence kind", fw.scoring.evidence_kinds.iter().map(|x| x.id.as_str()));
    c.unique(REGULATIONS, "regulation", fw.regulations.regulations.iter().map(|x| x.id.as_str()));
    c.unique(RISKS, "risk category", fw.risks.categories.iter().map(|x| x.id.as_str()));
    c.unique(RISKS, "risk", fw.risks.risks.iter().map(|x| x.id.as_str()));
    c.unique(SKILLS, "skill category", ids(&fw.skills.categories).iter().map(Text::as_str));
    c.unique(SKILLS, "skill", fw.skills.skills.iter().map(|x| x.id.as_str()));
    c.unique(ROADMAP, "phase", fw.roadmap.phases.iter().map(|x| x.id.as_str()));
    let actions = fw.roadmap.phases.iter().flat_map(|p| p.actions.iter().map(|a| a.id.as_str()));
    c.unique(ROADMAP, "action", actions);
    c.unique(ETHICS, "principle", fw.ethics.principles.iter().map(|x| x.id.as_str()));
    c.unique(MODELS, "model", fw.models.models.iter().map(|x| x.id.as_str()));
    c.unique(TRENDS, "trend category", ids(&fw.trends.categories).iter().map(Text::as_str));
    c.unique(TRENDS, "trend", fw.trends.trends.iter().map(|x| x.id.as_str()));
    c.unique(TECHNOLOGIES, "technology", fw.technologies.technologies.iter().map(|x| x.id.as_str()));
}

fn check_questionnaire(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    let q = &fw.questionnaire;
    if q.dimensions.is_empty() {
        c.at(QUESTIONNAIRE, "", "the questionnaire has no dimensions".into());
    }
    if q.version == 0 {
        c.at(QUESTIONNAIRE, "version =", "version is 0, expected 1 or more".into());
    }
    c.one_line(QUESTIONNAIRE, Place::Key("context_name"), "context_name", &q.context_name);
    c.one_line(QUESTIONNAIRE, Place::Key("context_description"), "context_description", &q.context_description);
    for d in &q.dimensions {
        c.weight(QUESTIONNAIRE, &d.id, d.weight);
        c.one_line(QUESTIONNAIRE, Place::Entry(&d.id), "name", &d.name);
        c.one_line(QUESTIONNAIRE, Place::Entry(&d.id), "description", &d.description);
        if !q.questions.iter().any(|question| question.dimension == d.id) {
            c.entry(QUESTIONNAIRE, &d.id, format!("dimension `{}` has no questions", d.id));
        }
    }
    for question in &q.questions {
        c.refs(QUESTIONNAIRE, &question.id, "dimension", [&question.dimension], &ids.dimensions);
        c.weight(QUESTIONNAIRE, &question.id, question.weight);
        c.one_line(QUESTIONNAIRE, Place::Entry(&question.id), "prompt", &question.prompt);
        c.one_line(QUESTIONNAIRE, Place::Entry(&question.id), "help", &question.help);
        for level in &question.levels {
            c.one_line(QUESTIONNAIRE, Place::Entry(&question.id), "levels", level);
        }
        c.range(QUESTIONNAIRE, &question.id, "since", f64::from(question.since), 1.0, f64::from(q.version));
        if !(2..=11).contains(&question.levels.len()) {
            let n = question.levels.len();
            c.entry(QUESTIONNAIRE, &question.id, format!("`{}` has {n} levels, expected 2 to 11", question.id));
        }
    }
    for context in &q.context {
        check_context_question(c, context, q.version);
    }
    check_roles(c, fw, ids);
}

fn check_context_question(c: &mut Checker, context: &ContextQuestion, version: u32) {
    c.range(QUESTIONNAIRE, &context.id, "since", f64::from(context.since), 1.0, f64::from(version));
    c.one_line(QUESTIONNAIRE, Place::Entry(&context.id), "prompt", &context.prompt);
    c.one_line(QUESTIONNAIRE, Place::Entry(&context.id), "help", &context.help);
    for option in &context.options {
        c.one_line(QUESTIONNAIRE, Place::Entry(&option.id), "label", &option.label);
    }
    let is_column = matches!(context.kind, ContextKind::Choice | ContextKind::Number);
    if is_column && columns::is_reserved_column(&context.id) {
        let message = format!(
            "context question id `{}` is also the name of a column of `readiness batch` rows; choose another id",
            context.id
        );
        c.entry(QUESTIONNAIRE, &context.id, message);
    }
    let has_options = matches!(context.kind, ContextKind::Choice | ContextKind::Multi);
    if has_options {
        c.not_empty(QUESTIONNAIRE, &context.id, "options", &context.options);
        // An id an option replaces must name nothing else, or an old answer would be ambiguous.
        let named = context.options.iter().flat_map(|o| std::iter::once(&o.id).chain(&o.replaces));
        c.unique(QUESTIONNAIRE, "option", named.map(|id| id.as_str()));
    }
    if context.allow_dont_know && !matches!(context.kind, ContextKind::Choice | ContextKind::Number) {
        let message = format!("`{}`: allow_dont_know is for choice and number questions only", context.id);
        c.entry(QUESTIONNAIRE, &context.id, message);
    }
    if context.allow_dont_know && context.options.iter().any(|o| o.id == DONT_KNOW) {
        let message = format!("`{}`: an option id `{DONT_KNOW}` clashes with allow_dont_know", context.id);
        c.entry(QUESTIONNAIRE, &context.id, message);
    }
    if context.kind != ContextKind::Multi && context.options.iter().any(|o| o.exclusive) {
        c.entry(
            QUESTIONNAIRE,
            &context.id,
            format!("`{}`: only a multi question can have an exclusive option", context.id),
        );
    }
    if let (Some(min), Some(max)) = (context.min, context.max)
        && min > max
    {
        c.entry(QUESTIONNAIRE, &context.id, format!("`{}`: min {min} is above max {max}", context.id));
    }
}

/// Each role is held by one question of the right kind; the required roles must be present,
/// and options carry what their role needs.
fn check_roles(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    let q = &fw.questionnaire;
    let roles = [
        (ContextRole::Company, "company", ContextKind::Text, true),
        (ContextRole::Industry, "industry", ContextKind::Choice, false),
        (ContextRole::Size, "size", ContextKind::Choice, false),
        (ContextRole::TeamSize, "team_size", ContextKind::Number, false),
        (ContextRole::Budget, "budget", ContextKind::Choice, false),
        (ContextRole::Regions, "regions", ContextKind::Multi, true),
        (ContextRole::Goals, "goals", ContextKind::Multi, true),
        (ContextRole::RiskAppetite, "risk_appetite", ContextKind::Choice, true),
        (ContextRole::InUse, "in_use", ContextKind::Multi, false),
    ];
    for (role, name, kind, required) in roles {
        let holders: Vec<_> = q.context.iter().filter(|x| x.role == Some(role)).collect();
        match holders.as_slice() {
            [one] if one.kind == kind => {}
            [one] => {
                c.entry(QUESTIONNAIRE, &one.id, format!("the `{name}` role needs a question of kind {kind:?}"));
            }
            [] if !required => {}
            _ => {
                let n = holders.len();
                let expected = if required { "exactly one" } else { "at most one" };
                c.at(
                    QUESTIONNAIRE,
                    "[[context]]",
                    format!("{expected} context question must have role = \"{name}\" (found {n})"),
                );
            }
        }
    }
    let options_need = |role, what: &str, has: &dyn Fn(&super::ContextOption) -> bool| {
        let q = fw.context_with_role(role)?;
        q.options
            .iter()
            .find(|o| !has(o))
            .map(|o| (q.id.clone(), format!("option `{}` of `{}` needs {what}", o.id, q.id)))
    };
    let missing = [
        options_need(ContextRole::Size, "a `scale`", &|o| o.scale.is_some()),
        options_need(ContextRole::Budget, "`affords`", &|o| o.affords.is_some()),
    ];
    for (id, message) in missing.into_iter().flatten() {
        c.entry(QUESTIONNAIRE, &id, message);
    }
    if let Some(in_use) = fw.context_with_role(ContextRole::InUse) {
        let technologies = in_use.options.iter().filter(|o| !o.exclusive).map(|o| &o.id);
        c.refs(QUESTIONNAIRE, &in_use.id, "technology", technologies, &ids.technologies);
    }
}

fn check_scoring(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    let s = &fw.scoring;
    let r = &s.readiness;
    for (what, value) in [("strength_at", r.strength_at), ("gap_below", r.gap_below)] {
        c.key_range(SCORING, what, value, 0.0, 100.0);
    }
    if r.levers > MAX_LEVERS {
        c.at(SCORING, "levers =", format!("`levers` is {}, expected 0 to {MAX_LEVERS}", r.levers));
    }
    if s.tiers.first().is_none_or(|t| t.min != 0.0) {
        c.at(SCORING, "[[tier]]", "the first tier must start at min = 0".into());
    }
    for tier in &s.tiers {
        c.range(SCORING, &tier.id, "min", tier.min, 0.0, 100.0);
    }
    for pair in s.tiers.windows(2) {
        if !(pair[1].min > pair[0].min && pair[1].min <= 100.0) {
            c.entry(
                SCORING,
                &pair[1].id,
                format!("tier `{}` must start above `{}` and at most at 100", pair[1].id, pair[0].id),
            );
        }
    }
    check_stages(c, fw, ids);
    check_rings(c, fw);
    check_placement(c, fw, ids);
    c.refs_at(SCORING, Place::Key("relief_dimensions"), "dimension", &s.complexity.relief_dimensions, &ids.dimensions);
    c.key_range(SCORING, "relief", s.complexity.relief, 0.0, 1.0);
    check_risk_rules(c, fw);
    check_pace(c, fw);
}

/// Pace bands start at a score of 0 and rise within 0 to 100 (so none is NaN or infinite).
fn check_pace(c: &mut Checker, fw: &Frameworks) {
    let bands = &fw.scoring.pace.bands;
    let within = |b: &crate::frameworks::PaceBand| (0.0..=100.0).contains(&b.from);
    if bands.first().is_none_or(|b| b.from != 0.0)
        || !bands.iter().all(within)
        || bands.windows(2).any(|p| p[1].from <= p[0].from)
    {
        c.at(SCORING, "[[pace.band]]", "pace bands must start at from = 0 and rise to at most 100".into());
    }
}

/// The pace the questionnaire's time estimate assumes: some words a minute, and the fastest
/// answer no slower than the slowest, so the estimate is a range of finite minutes.
fn check_questionnaire_pace(c: &mut Checker, fw: &Frameworks) {
    let pace = &fw.report.ask;
    let (fast, slow) = (pace.fastest_answer_seconds, pace.slowest_answer_seconds);
    if !(pace.words_per_minute.is_finite() && pace.words_per_minute > 0.0) {
        c.at(REPORT, "words_per_minute =", "`words_per_minute` must be a number above 0".into());
    }
    if !(fast.is_finite() && slow.is_finite() && 0.0 <= fast && fast <= slow) {
        let message = "expected 0 <= `fastest_answer_seconds` <= `slowest_answer_seconds`".into();
        c.at(REPORT, "fastest_answer_seconds =", message);
    }
}

/// An entry criterion uses only the placeholders the report fills for it ({technologies} only
/// when it `names` rings), and has a plain form without them, printed when a value is missing.
fn check_entry_criterion(c: &mut Checker, ids: &Ids, entry: &crate::frameworks::EntryCriterion) {
    use crate::words::placeholders;
    c.refs(ROADMAP, &entry.id, "action", &entry.produced_by, &ids.actions);
    let mut fills = vec!["goals", "budget"];
    if !entry.names.is_empty() {
        fills.push("technologies");
    }
    let place = Place::Entry(&entry.id);
    if !unfilled(c, &entry.id, &entry.text, &fills)
        && !placeholders(entry.plain.as_deref().unwrap_or(&entry.text)).is_empty()
    {
        let message = format!(
            "entry criterion `{}` needs a `plain` form without placeholders, printed when a value is missing",
            entry.id
        );
        c.within(ROADMAP, place, &["plain =".to_string()], message);
    }
}

/// Reports the first placeholder of an entry's `text` in roadmap.toml that the report does not
/// fill, if any: it would print as written.
fn unfilled(c: &mut Checker, id: &str, text: &str, fills: &[&str]) -> bool {
    let Some(unknown) = crate::words::placeholders(text).into_iter().find(|p| !fills.contains(p)) else {
        return false;
    };
    let message =
        format!("`{id}` uses {{{unknown}}}, which the report never fills here (it fills {{{}}})", fills.join("}, {"));
    c.within(ROADMAP, Place::Entry(id), &[format!("{{{unknown}}}")], message);
    true
}

/// Every template of `report.toml` within [`words::MAX_PLACEHOLDERS`] placeholders and
/// [`words::MAX_TEMPLATE_BYTES`], so a report filled from answers within their limits stays
/// under the bound a sentence may fill to.
fn check_report_templates(c: &mut Checker, fw: &Frameworks) {
    use crate::words::{MAX_PLACEHOLDERS, MAX_TEMPLATE_BYTES, placeholders};
    let Ok(text) = serde_json::to_value(&*fw.report) else { return };
    let mut strings = Vec::new();
    pathed_strings(String::new(), &text, &mut strings);
    for (path, template) in strings {
        let key = path.rsplit('.').next().unwrap_or(&path);
        let count = placeholders(template).len();
        if count > MAX_PLACEHOLDERS || template.len() > MAX_TEMPLATE_BYTES {
            let message = format!(
                "`{key}` has {count} placeholders in {} bytes, expected at most {MAX_PLACEHOLDERS} in {MAX_TEMPLATE_BYTES}",
                template.len()
            );
            c.at(REPORT, &format!("{key} ="), message);
        }
    }
}

/// A customised `report.toml` uses only the placeholders the built-in wording of the same key
/// uses: the report fills those and no others, so any other would print as written.
fn check_report_placeholders(c: &mut Checker, fw: &Frameworks) {
    use crate::words::placeholders;
    let (Ok(builtin), Ok(custom)) = (Frameworks::builtin(), serde_json::to_value(&*fw.report)) else { return };
    let Ok(builtin) = serde_json::to_value(&*builtin.report) else { return };
    let mut known: HashMap<String, Vec<&str>> = HashMap::default();
    let mut walk = Vec::new();
    pathed_strings(String::new(), &builtin, &mut walk);
    for (path, template) in walk {
        known.entry(path).or_default().extend(placeholders(template));
    }
    let mut walk = Vec::new();
    pathed_strings(String::new(), &custom, &mut walk);
    for (path, template) in walk {
        let allowed = known.get(&path).map(Vec::as_slice).unwrap_or_default();
        let unknown: Vec<&str> = placeholders(template).into_iter().filter(|p| !allowed.contains(p)).collect();
        if let Some(first) = unknown.first() {
            let key = path.rsplit('.').next().unwrap_or(&path);
            let expected =
                if allowed.is_empty() { "none".to_string() } else { format!("{{{}}}", allowed.join("}, {")) };
            c.at(
                REPORT,
                &format!("{key} ="),
                format!("`{path}` uses {{{first}}}, which the report never fills (it fills {expected})"),
            );
        }
    }
}

/// The strings of a JSON value with their dotted paths (array items share their array's).
fn pathed_strings<'v>(path: String, value: &'v serde_json::Value, out: &mut Vec<(String, &'v str)>) {
    match value {
        serde_json::Value::String(text) => out.push((path, text)),
        serde_json::Value::Array(items) => items.iter().for_each(|v| pathed_strings(path.clone(), v, out)),
        serde_json::Value::Object(map) => {
            let join = |k: &str| if path.is_empty() { k.to_string() } else { format!("{path}.{k}") };
            map.iter().for_each(|(k, v)| pathed_strings(join(k), v, out));
        }
        _ => {}
    }
}

fn check_stages(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    let s = &fw.scoring;
    for stage in &s.stages {
        c.range(SCORING, &stage.id, "maturity", stage.maturity, 0.0, 100.0);
        if stage.horizon_watch {
            continue;
        }
        c.refs(SCORING, &stage.id, "risk appetite", stage.ceiling.keys(), &ids.appetites);
        for appetite in ids.appetites.iter() {
            if !stage.ceiling.keys().any(|k| k == appetite) {
                c.entry(SCORING, &stage.id, format!("stage `{}` has no ceiling for appetite `{appetite}`", stage.id));
            }
        }
        if stage.ceiling.values().any(|ring| matches!(ring, Ring::InUse | Ring::Watch)) {
            c.entry(
                SCORING,
                &stage.id,
                format!("stage `{}`: a ceiling must be adopt, pilot, assess or hold", stage.id),
            );
        }
    }
    let appetite = [&s.maturity.unknown_appetite];
    c.refs_at(SCORING, Place::Key("unknown_appetite"), "risk appetite", appetite, &ids.appetites);
    c.key_range(SCORING, "stale_after_months", f64::from(s.maturity.stale_after_months), 1.0, 600.0);
}

/// Every ring once; the rings a technology can start in have months within the year.
fn check_rings(c: &mut Checker, fw: &Frameworks) {
    for ring in Ring::ALL {
        let name = ring.id();
        let Some(spec) = fw.scoring.rings.iter().find(|r| r.id == ring) else {
            c.at(SCORING, "[[ring]]", format!("ring `{name}` is not defined"));
            continue;
        };
        let scheduled = matches!(ring, Ring::Adopt | Ring::Pilot | Ring::Assess);
        let h = fw.roadmap.horizon_months;
        match (spec.earliest_month, spec.latest_month, spec.months) {
            (Some(first), Some(last), Some(months)) if scheduled => {
                if !(1 <= first && first <= last && last <= h && (1..=h).contains(&months)) {
                    let message =
                        format!("ring `{name}` needs 1 <= earliest_month <= latest_month <= {h} and 1 to {h} months");
                    c.within(SCORING, Place::Entry(name), &["earliest_month".into()], message);
                }
            }
            (None, None, None) if !scheduled => {}
            _ if scheduled => {
                c.entry(SCORING, name, format!("ring `{name}` needs earliest_month, latest_month and months"));
            }
            _ => {
                c.entry(SCORING, name, format!("ring `{name}` has no start month, so it takes no month fields"));
            }
        }
    }
}

fn check_placement(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    let p = &fw.scoring.placement;
    c.key_range(SCORING, "adopt_tolerance", p.adopt_tolerance, 0.0, 100.0);
    c.key_range(SCORING, "pilot_tolerance", p.pilot_tolerance, finite_or(p.adopt_tolerance, 0.0), 100.0);
    c.key_range(SCORING, "assess_tolerance", p.assess_tolerance, finite_or(p.pilot_tolerance, 0.0), 100.0);
    let strong = p.strong_goal_pilot_tolerance;
    c.key_range(SCORING, "strong_goal_pilot_tolerance", strong, finite_or(p.pilot_tolerance, 0.0), 100.0);
    c.key_range(SCORING, "serves_goal_at", p.serves_goal_at, 0.01, 1.0);
    c.key_range(SCORING, "adopt_goal_at", p.adopt_goal_at, finite_or(p.serves_goal_at, 0.0), 1.0);
    for (key, stages) in [("switch_on_stages", &p.switch_on_stages), ("proven_stages", &p.proven_stages)] {
        for stage in stages.iter().filter(|s| fw.stage(s).is_none()) {
            c.at(SCORING, key, format!("unknown stage `{stage}` in {key}"));
        }
    }
    c.refs(SCORING, "placement", "risk appetite", p.appetite_widening.keys(), &ids.appetites);
    for (appetite, points) in &p.appetite_widening {
        c.key_range(SCORING, appetite, *points, -100.0, 100.0);
    }
    c.key_range(SCORING, "next_step_goal_at", p.next_step_goal_at, 0.0, 1.0);
    c.key_range(SCORING, "quick_win_complexity", f64::from(p.quick_win_complexity), 0.0, 5.0);
    c.key_range(SCORING, "prerequisite_lag_months", f64::from(p.prerequisite_lag_months), 0.0, 12.0);
    let adopted_lag = f64::from(p.adopted_prerequisite_lag_months);
    c.key_range(SCORING, "adopted_prerequisite_lag_months", adopted_lag, 0.0, 12.0);
    c.key_range(SCORING, "quick_win_months", f64::from(p.quick_win_months), 1.0, 12.0);
    let owners = &fw.scoring.owner_bands;
    if owners.is_empty() || owners.windows(2).any(|b| b[1].team_up_to <= b[0].team_up_to) {
        c.at(SCORING, "[[owner_band]]", "owner bands must exist and rise in team_up_to".into());
    }
    let bands = &fw.scoring.capacity;
    if bands.is_empty() || bands.windows(2).any(|b| b[1].team_up_to <= b[0].team_up_to) {
        c.at(SCORING, "[[capacity]]", "capacity bands must exist and rise in team_up_to".into());
    }
    for band in bands {
        if !(1..=100).contains(&band.initiatives) {
            c.at(SCORING, "initiatives", format!("initiatives is {}, expected 1 to 100", band.initiatives));
        }
    }
    let value = &fw.scoring.value;
    c.refs_at(SCORING, Place::Key("stage_weight"), "stage", value.stage_weight.keys(), &ids.stages);
    for stage in ids.stages.iter() {
        match value.stage_weight.get(stage) {
            Some(w) if (0.0..=1.0).contains(w) => {}
            _ => {
                c.at(SCORING, "stage_weight", format!("stage_weight for `{stage}` must be given, 0 to 1"));
            }
        }
    }
    for cost in [Cost::Low, Cost::Medium, Cost::High] {
        match value.cost_weight.get(&cost) {
            Some(w) if (0.1..=100.0).contains(w) => {}
            _ => {
                c.at(SCORING, "cost_weight", format!("cost_weight for `{cost:?}` must be given, 0.1 to 100"));
            }
        }
    }
}

/// A bound taken from another setting, unless that setting is itself not a number (it is
/// reported on its own).
fn finite_or(x: f64, fallback: f64) -> f64 {
    if x.is_finite() { x } else { fallback }
}

fn check_risk_rules(c: &mut Checker, fw: &Frameworks) {
    let risk = &fw.scoring.risk;
    let bands = &risk.likelihood;
    if bands.first().is_none_or(|b| b.from != 0.0)
        || bands.windows(2).any(|p| !(p[1].from > p[0].from && p[1].from <= 1.0))
    {
        c.at(SCORING, "[[risk.likelihood]]", "likelihood bands must start at from = 0 and rise to at most 1".into());
    }
    c.key_range(SCORING, "serious_likelihood", risk.serious_likelihood, 0.0, 1.0);
    // Exposure is the scale x a severity weight of at most 10 x a likelihood of at most 1: at
    // most 100, as every other score.
    c.key_range(SCORING, "exposure_scale", risk.exposure_scale, 0.0, 10.0);
    c.key_range(SCORING, "raise_from", risk.raise_from, 0.0, 100.0);
    c.key_range(SCORING, "controls_in_place_at", risk.controls_in_place_at, 0.0, 1.0);
    let sev = &risk.severity;
    for (name, weight) in [("low", sev.low), ("medium", sev.medium), ("high", sev.high), ("critical", sev.critical)] {
        if !(0.0..=10.0).contains(&weight) {
            c.at(SCORING, "severity =", format!("severity weight `{name}` is {}, expected 0 to 10", number(weight)));
        }
    }
}

/// A reader must be able to find every source: who published it, when and where.
fn check_sources(c: &mut Checker, fw: &Frameworks) {
    let blank = |x: &Option<Text>| x.as_ref().is_none_or(|t| t.trim().is_empty());
    for s in &fw.sources.sources {
        let missing: Vec<&str> = [
            (blank(&s.author) && blank(&s.publisher), "an author or publisher"),
            (blank(&s.date), "a date"),
            (blank(&s.address), "an address (URL, DOI or official reference)"),
        ]
        .into_iter()
        .filter_map(|(lacks, what)| lacks.then_some(what))
        .collect();
        if !missing.is_empty() {
            c.entry(SOURCES, &s.id, format!("source `{}` needs {}", s.id, missing.join(", ")));
        }
        if s.kind == crate::frameworks::SourceKind::Review {
            c.entry(
                SOURCES,
                &s.id,
                format!("source `{}`: the tool's own review is not evidence; cite what it rests on", s.id),
            );
        }
    }
}

fn check_regulations(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    for role in &fw.regulations.privacy_roles {
        c.refs(REGULATIONS, &role.role, "region", &role.regions, &ids.regions);
        c.refs(REGULATIONS, &role.role, "industry", &role.industries, &ids.industries);
        c.refs(REGULATIONS, &role.role, "company scale", &role.company_scales, &ids.scales);
    }
    for role in &fw.regulations.rule_roles {
        c.refs(REGULATIONS, &role.role, "company scale", &role.company_scales, &ids.scales);
    }
    for rule in &fw.regulations.regulations {
        let f = REGULATIONS;
        c.refs(f, &rule.id, "source", [&rule.source], &ids.sources);
        c.refs(f, &rule.id, "region", &rule.regions, &ids.regions);
        c.not_empty(f, &rule.id, "regions", &rule.regions);
        c.refs(f, &rule.id, "industry", &rule.industries, &ids.industries);
        c.refs(f, &rule.id, "technology", &rule.technologies, &ids.technologies);
        c.not_empty(f, &rule.id, "technologies", &rule.technologies);
        c.refs(f, &rule.id, "risk", &rule.escalates, &ids.risks);
        c.refs(f, &rule.id, "risk", &rule.adds_risks, &ids.risks);
        c.refs(f, &rule.id, "source", &rule.see_also, &ids.sources);
        c.refs(
            f,
            &rule.id,
            "technology",
            &rule.escalates_via,
            &rule.technologies.iter().map(|t| t.as_str()).collect::<Known>(),
        );
        if let Some(control) = &rule.control {
            c.refs(f, &rule.id, "question", [&control.question], &ids.questions);
            c.refs(f, &rule.id, "action", control.action.iter(), &ids.actions);
            if let Some(q) = fw.question(&control.question) {
                c.range(f, &rule.id, "level", f64::from(control.level), 0.0, f64::from(q.max_level()));
            }
        }
        match (rule.ceiling, &rule.control) {
            (Some(Ring::InUse | Ring::Watch), _) => {
                c.entry(f, &rule.id, format!("`{}`: a ceiling must be adopt, pilot, assess or hold", rule.id));
            }
            (None, Some(_)) => {
                c.entry(f, &rule.id, format!("`{}`: a control needs the ceiling that applies without it", rule.id));
            }
            _ => {}
        }
    }
}

fn check_risks(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    for category in &fw.risks.categories {
        c.refs(RISKS, &category.id, "company scale", category.owner.keys(), &ids.scales);
        for scale in ids.scales.iter() {
            if !category.owner.keys().any(|k| k == scale) {
                c.entry(
                    RISKS,
                    &category.id,
                    format!("risk category `{}` names no owner for scale `{scale}`", category.id),
                );
            }
        }
    }
    for risk in &fw.risks.risks {
        c.refs(RISKS, &risk.id, "risk category", [&risk.category], &ids.risk_categories);
        c.refs(RISKS, &risk.id, "question", &risk.evidence, &ids.questions);
        c.not_empty(RISKS, &risk.id, "evidence questions", &risk.evidence);
        c.refs(RISKS, &risk.id, "roadmap action", [&risk.mitigated_by], &ids.actions);
    }
}

fn check_skills(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    let categories: Known = fw.skills.categories.iter().map(|x| x.id.as_str()).collect();
    if fw.skills.levels.is_empty() {
        c.at(SKILLS, "levels", "skills.toml must name at least one level".into());
    }
    for skill in &fw.skills.skills {
        c.refs(SKILLS, &skill.id, "skill category", [&skill.category], &categories);
        c.refs(SKILLS, &skill.id, "question", &skill.evidence, &ids.questions);
        c.not_empty(SKILLS, &skill.id, "evidence questions", &skill.evidence);
    }
}

/// Skill requirements must name a skill and a level the skills framework has.
fn check_skill_levels(
    c: &mut Checker,
    fw: &Frameworks,
    ids: &Ids,
    file: usize,
    entry: &str,
    levels: &BTreeMap<Text, u8>,
) {
    c.refs(file, entry, "skill", levels.keys(), &ids.skills);
    let max = fw.skills.levels.len() as f64;
    for (skill, level) in levels {
        c.range(file, entry, skill, f64::from(*level), 1.0, max);
    }
}

fn check_roadmap(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    let horizon = fw.roadmap.horizon_months;
    c.key_range(ROADMAP, "horizon_months", f64::from(horizon), 1.0, f64::from(MAX_HORIZON));
    let mut previous_end: u32 = 0;
    let mut in_order = true;
    // `after` may name only actions listed before: the order of the file is a schedule.
    let mut listed: Known = Known::default();
    for phase in &fw.roadmap.phases {
        let [start, end] = phase.months;
        if start != previous_end.saturating_add(1) || end < start || end > horizon {
            in_order = false;
            c.entry(
                ROADMAP,
                &phase.id,
                format!(
                    "phase `{}` months {start}-{end} must follow on from month {previous_end}, within {horizon}",
                    phase.id
                ),
            );
        }
        previous_end = end;
        c.refs(ROADMAP, &phase.id, "source", phase.source.iter(), &ids.sources);
        check_skill_levels(c, fw, ids, ROADMAP, &phase.id, &phase.skills);
        for entry in &phase.entry_criteria {
            check_entry_criterion(c, ids, entry);
        }
        for action in &phase.actions {
            c.refs(ROADMAP, &action.id, "earlier action", &action.after, &listed);
            listed.insert(action.id.as_str());
            c.refs(ROADMAP, &action.id, "dimension", &action.for_gaps, &ids.dimensions);
            c.refs(ROADMAP, &action.id, "technology", &action.for_technologies, &ids.technologies);
            c.refs(ROADMAP, &action.id, "risk category", [&action.owner], &ids.risk_categories);
            c.refs(ROADMAP, &action.id, "question", &action.evidence, &ids.questions);
            if let Some(on) = &action.works_on {
                c.refs(ROADMAP, &action.id, "technology", &on.technologies, &ids.technologies);
                unfilled(c, &action.id, &on.text, &["technologies"]);
            }
            let scales = action.large_company.iter().flat_map(|v| &v.company_scales);
            c.refs(ROADMAP, &action.id, "company scale", scales, &ids.scales);
            c.range(ROADMAP, &action.id, "months", f64::from(action.months), 1.0, f64::from(end - start + 1));
        }
    }
    if fw.roadmap.phases.is_empty() {
        c.at(ROADMAP, "", "the roadmap has no phases".into());
    } else if in_order && previous_end != horizon {
        c.at(
            ROADMAP,
            "horizon_months =",
            format!("the phases end at month {previous_end}, not at the horizon, {horizon}"),
        );
    }
}

fn check_ethics_models_trends(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    for p in &fw.ethics.principles {
        c.refs(ETHICS, &p.id, "question", &p.questions, &ids.questions);
        c.not_empty(ETHICS, &p.id, "questions", &p.questions);
        c.refs(ETHICS, &p.id, "risk", &p.risks, &ids.risks);
    }
    for m in &fw.models.models {
        c.refs(MODELS, &m.id, "question", &m.data_needed, &ids.questions);
        c.refs(MODELS, &m.id, "source", [&m.source], &ids.sources);
    }
    let categories: Known = fw.trends.categories.iter().map(|x| x.id.as_str()).collect();
    for t in &fw.trends.trends {
        c.refs(TRENDS, &t.id, "trend category", [&t.category], &categories);
        c.refs(TRENDS, &t.id, "technology", &t.technologies, &ids.technologies);
        c.not_empty(TRENDS, &t.id, "technologies", &t.technologies);
    }
    for category in &fw.trends.categories {
        if !fw.trends.trends.iter().any(|t| t.category == category.id) {
            c.entry(TRENDS, &category.id, format!("trend category `{}` has no trends", category.id));
        }
    }
}

fn check_technologies(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    let kinds: Known = fw.scoring.evidence_kinds.iter().map(|k| k.id.as_str()).collect();
    let in_trends: HashSet<&str> =
        fw.trends.trends.iter().flat_map(|trend| trend.technologies.iter().map(Text::as_str)).collect();
    for t in &fw.technologies.technologies {
        if t.guide_window.is_some_and(|[from, to]| from > to) {
            c.entry(TECHNOLOGIES, &t.id, format!("`{}`: guide_window starts after it ends", t.id));
        }
        for year in t.guide_window.into_iter().flatten() {
            c.range(TECHNOLOGIES, &t.id, "guide_window", f64::from(year), 1900.0, 2200.0);
        }
        c.range(TECHNOLOGIES, &t.id, "complexity", f64::from(t.complexity), 1.0, 5.0);
        c.refs(TECHNOLOGIES, &t.id, "technology", &t.prerequisites, &ids.technologies);
        c.refs(TECHNOLOGIES, &t.id, "dimension", t.requires.keys(), &ids.dimensions);
        c.not_empty(TECHNOLOGIES, &t.id, "required readiness (requires)", &t.requires.keys().collect::<Vec<_>>());
        for (dimension, score) in &t.requires {
            c.range(TECHNOLOGIES, &t.id, dimension, *score, 0.0, 100.0);
        }
        c.refs(TECHNOLOGIES, &t.id, "goal", t.goals.keys(), &ids.goals);
        for (goal, fit) in &t.goals {
            c.range(TECHNOLOGIES, &t.id, goal, *fit, 0.0, 1.0);
        }
        check_skill_levels(c, fw, ids, TECHNOLOGIES, &t.id, &t.skills);
        c.refs(TECHNOLOGIES, &t.id, "risk", &t.risks, &ids.risks);
        c.refs(TECHNOLOGIES, &t.id, "stage", [&t.stage.stage], &ids.stages);
        c.refs(TECHNOLOGIES, &t.id, "source", [&t.stage.source], &ids.sources);
        let watched = fw.stage(&t.stage.stage).is_some_and(|s| s.horizon_watch);
        if watched && t.stage.signal.is_none() {
            c.entry(
                TECHNOLOGIES,
                &t.id,
                format!("`{}` is on the horizon watch and needs a `signal` to watch for", t.id),
            );
        }
        for w in &t.waits_for {
            c.refs(TECHNOLOGIES, &t.id, "question", [&w.question], &ids.questions);
            c.refs(TECHNOLOGIES, &t.id, "action", [&w.action], &ids.actions);
        }
        for r in t.runs_when.iter().chain(&t.needs) {
            c.refs(TECHNOLOGIES, &t.id, "question", [&r.question], &ids.questions);
            if let Some(q) = fw.question(&r.question) {
                c.range(TECHNOLOGIES, &t.id, "at_least", f64::from(r.at_least), 0.0, f64::from(q.max_level()));
            }
        }
        for e in &t.evidence {
            c.refs(TECHNOLOGIES, &t.id, "source", [&e.source], &ids.sources);
            c.refs(TECHNOLOGIES, &t.id, "evidence kind", [&e.kind], &kinds);
            c.refs(TECHNOLOGIES, &t.id, "industry", &e.industries, &ids.industries);
        }
        if !in_trends.contains(t.id.as_str()) {
            c.entry(TECHNOLOGIES, &t.id, format!("`{}` belongs to no trend in trends.toml", t.id));
        }
    }
    for id in prerequisite_cycle(fw) {
        c.entry(TECHNOLOGIES, &id, format!("`{id}` is part of a cycle of prerequisites"));
    }
}

/// The technologies on a prerequisite cycle, if any (depth-first search with colours).
fn prerequisite_cycle(fw: &Frameworks) -> Vec<String> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    type Prerequisites<'a> = HashMap<&'a str, &'a [Text]>;
    fn visit<'a>(
        prerequisites: &Prerequisites<'a>,
        id: &'a str,
        marks: &mut HashMap<&'a str, Mark>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match marks.get(id).copied().unwrap_or(Mark::New) {
            Mark::Done => return None,
            Mark::Open => {
                let from = stack.iter().position(|s| *s == id).unwrap_or(0);
                return Some(stack[from..].iter().map(|s| s.to_string()).collect());
            }
            Mark::New => {}
        }
        marks.insert(id, Mark::Open);
        stack.push(id);
        for prerequisite in prerequisites.get(id).copied().unwrap_or_default() {
            if let Some(cycle) = visit(prerequisites, prerequisite, marks, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        marks.insert(id, Mark::Done);
        None
    }
    let technologies = &fw.technologies.technologies;
    let mut prerequisites = Prerequisites::with_capacity(technologies.len());
    for t in technologies {
        prerequisites.entry(t.id.as_str()).or_insert(t.prerequisites.as_slice());
    }
    let mut marks = HashMap::with_capacity(technologies.len());
    for t in technologies {
        if let Some(cycle) = visit(&prerequisites, &t.id, &mut marks, &mut Vec::new()) {
            return cycle;
        }
    }
    Vec::new()
}

/// The business case reads its questions, sources, technologies and goals by id, and needs a
/// band for every complexity and cost a technology can have.
fn check_business_case(c: &mut Checker, fw: &Frameworks, ids: &Ids) {
    let data = &fw.business_case;
    let has_option = |id: &str, what: &str, has: &dyn Fn(&super::ContextOption) -> bool| match fw.context_question(id) {
        None => Some(format!("`{id}` is not a context question of questionnaire.toml")),
        Some(q) if q.options.is_empty() || !q.options.iter().all(has) => {
            Some(format!("every option of `{id}` needs {what}"))
        }
        Some(_) => None,
    };
    let valid_band = |b: &super::Band| b.iter().all(|x| x.is_finite() && *x >= 0.0) && b[0] <= b[1];
    let revenue = |o: &super::ContextOption| o.revenue.as_ref().is_some_and(valid_band);
    let spend = |o: &super::ContextOption| o.spend.as_ref().is_some_and(valid_band);
    let scaled = |o: &super::ContextOption| data.size_scale.iter().any(|s| s.size == o.id);
    let questions = [
        ("revenue_question", has_option(&data.revenue_question, "`revenue = [low, high]`, low <= high", &revenue)),
        ("currency_question", has_option(&data.currency_question, "a `currency`", &|o| o.currency.is_some())),
        ("budget_question", has_option(&data.budget_question, "`spend = [low, high]`, low <= high", &spend)),
        ("size_question", has_option(&data.size_question, "a `[[size_scale]]` entry", &scaled)),
    ];
    for (key, problem) in questions {
        if let Some(message) = problem {
            c.at(BUSINESS_CASE, key, message);
        }
    }
    let kinds = ["academic_study", "independent_survey", "analyst_report", "vendor_claim", "article", "documentation"];
    for (kind, factor) in &data.discount {
        if !kinds.contains(&kind.as_str()) || !(0.0..=1.0).contains(factor) {
            c.at(BUSINESS_CASE, &format!("{kind} ="), format!("discount `{kind}`: a kind of evidence source, 0 to 1"));
        }
    }
    for t in &fw.technologies.technologies {
        if !data.effort.iter().any(|e| e.complexity == t.complexity && valid_band(&e.person_weeks)) {
            c.at(
                BUSINESS_CASE,
                "[[effort]]",
                format!("no valid effort band for complexity {} ({})", t.complexity, t.id),
            );
        }
        if !data.cost.iter().any(|b| b.band == t.cost && valid_band(&b.one_off) && valid_band(&b.yearly)) {
            c.at(BUSINESS_CASE, "[[cost]]", format!("no valid cost band for {:?} ({})", t.cost, t.id));
        }
    }
    check_scales(c, fw);
    for v in &data.value {
        let cited = fw.technology(&v.technology).is_some_and(|t| t.evidence.iter().any(|e| e.source == v.source));
        if !cited || !valid_band(&v.effect) || v.effect[0] >= v.effect[1] {
            let message = format!(
                "value for `{}`: the source must be one of its evidence entries' and the effect a range low < high",
                v.technology
            );
            c.at(BUSINESS_CASE, &format!("technology = \"{}\"", v.technology), message);
        }
    }
    for goal in ids.goals.iter() {
        if !data.kpi.iter().any(|k| k.goal == goal) {
            c.at(BUSINESS_CASE, "[[kpi]]", format!("no `[[kpi]]` for the goal `{goal}`"));
        }
    }
    for k in &data.kpi {
        c.refs_at(BUSINESS_CASE, Place::Key("technologies"), "technology", &k.technologies, &ids.technologies);
    }
    for k in data.kpi.iter().filter(|k| !ids.goals.contains(&k.goal)) {
        c.at(BUSINESS_CASE, &format!("goal = \"{}\"", k.goal), format!("`[[kpi]]` for unknown goal `{}`", k.goal));
    }
}

/// Cost and effort never fall as the business grows: the size factors follow the size
/// question's options in order, the team factors their `up_to`, and every factor is above 0.
fn check_scales(c: &mut Checker, fw: &Frameworks) {
    let data = &fw.business_case;
    let sizes = fw.context_question(&data.size_question).map(|q| q.options.as_slice()).unwrap_or_default();
    let costs: Vec<f64> =
        sizes.iter().filter_map(|o| data.size_scale.iter().find(|s| s.size == o.id)).map(|s| s.cost).collect();
    if costs.iter().any(|f| !f.is_finite() || *f <= 0.0) || costs.windows(2).any(|w| w[1] < w[0]) {
        c.at(
            BUSINESS_CASE,
            "[[size_scale]]",
            "cost factors must be above 0 and never fall as the company grows".into(),
        );
    }
    for x in data.size_scale.iter().filter(|s| !sizes.iter().any(|o| o.id == s.size)) {
        let message = format!("`[[size_scale]]` for `{}`, not an option of `{}`", x.size, data.size_question);
        c.at(BUSINESS_CASE, &format!("size = \"{}\"", x.size), message);
    }
    let teams = &data.team_scale;
    let rising = teams.windows(2).all(|w| w[0].up_to < w[1].up_to && w[0].effort <= w[1].effort);
    if teams.is_empty() || !rising || teams.iter().any(|t| !t.effort.is_finite() || t.effort <= 0.0) {
        let message = "team factors: at least one, above 0, `up_to` rising and the factor never falling";
        c.at(BUSINESS_CASE, "[[team_scale]]", message.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Completeness, free_text_problem, parse};
    use crate::inert::{is_refused_in_text, toml_string};
    use std::borrow::Cow;

    /// Every character of the unsafe ranges and its neighbours on each side, and some text.
    fn candidates() -> impl Iterator<Item = char> {
        let ranges = [
            0..=0xA0,
            0xAC..=0xAE,
            0x34E..=0x350,
            0x61B..=0x61D,
            0x115E..=0x1161,
            0x17B3..=0x17B6,
            0x180A..=0x1810,
            0x200A..=0x2070,
            0x3163..=0x3165,
            0xFEFE..=0xFF00,
            0xFF9F..=0xFFA1,
            0xFFF8..=0xFFFC,
            0x1BC9F..=0x1BCA4,
            0xDFFFF..=0xE0080,
        ];
        ranges.into_iter().flatten().filter_map(char::from_u32).chain("é株ك한€".chars())
    }

    /// Item 28's "what the prompts accept is what `validate` accepts": one character refused
    /// by an answer file, by the live questionnaire's check or by `frameworks check` is
    /// refused by all three, and exactly the unsafe ones are.
    #[test]
    fn a_character_refused_by_one_input_is_refused_by_every_input() {
        let mut fw = Frameworks::builtin().unwrap();
        let files: Vec<DataFile> = crate::frameworks::BUILTIN
            .iter()
            .map(|(name, text)| DataFile { name: (*name).to_string(), text: Cow::Borrowed(text) })
            .collect();
        for c in candidates() {
            let text = format!("a{c}b");
            let answer_file = format!("[context]\ncompany = {}\n", toml_string(&text));
            let by_file = parse(&fw, "a.toml", &answer_file, Completeness::Partial).is_err();
            let by_prompt = free_text_problem(&text, true).is_some();
            fw.questionnaire.dimensions[0].name = Text::from(text.as_str());
            let by_check = check(&fw, &files).is_some();
            let expected = is_refused_in_text(c, true);
            let shown = format!("U+{:04X}", c as u32);
            assert_eq!((by_file, by_prompt, by_check), (expected, expected, expected), "{shown}");
        }
    }
}
