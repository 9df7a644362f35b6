//! The content of the tool — questionnaire, technologies, risks, skills, roadmap and the
//! scoring rules — loaded from TOML, either the copy compiled into the binary or a
//! customised directory given with `--frameworks`.

mod check;
pub(crate) mod columns;

pub use readiness_model::*;

use crate::diagnostic::{Diagnostic, InputError, Location};

use crate::input::{MAX_FRAMEWORK_BYTES, read_at_most};
use crate::message::{plain_message, shown_path};
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::path::Path;

/// The spelling of "don't know" in answer files, which a questionnaire's option ids must not take.
pub(crate) const DONT_KNOW: &str = "dont_know";

/// The data files, in the order they are loaded, with their built-in text.
pub const BUILTIN: [(&str, &str); 13] = [
    ("sources.toml", include_str!("../../frameworks/sources.toml")),
    ("questionnaire.toml", include_str!("../../frameworks/questionnaire.toml")),
    ("scoring.toml", include_str!("../../frameworks/scoring.toml")),
    ("regulations.toml", include_str!("../../frameworks/regulations.toml")),
    ("risks.toml", include_str!("../../frameworks/risks.toml")),
    ("skills.toml", include_str!("../../frameworks/skills.toml")),
    ("roadmap.toml", include_str!("../../frameworks/roadmap.toml")),
    ("ethics.toml", include_str!("../../frameworks/ethics.toml")),
    ("models.toml", include_str!("../../frameworks/models.toml")),
    ("trends.toml", include_str!("../../frameworks/trends.toml")),
    ("technologies.toml", include_str!("../../frameworks/technologies.toml")),
    ("report.toml", include_str!("../../frameworks/report.toml")),
    ("business_case.toml", include_str!("../../frameworks/business_case.toml")),
];

/// One data file's text and the name to show in diagnostics.
pub struct DataFile {
    pub name: String,
    pub text: Cow<'static, str>,
}

/// The built-in frameworks as `build.rs` compiled them from the same TOML.
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frameworks.postcard"));

/// Loading the frameworks (the model is a crate of its own, `src/model`, so loading, which
/// reports problems as this crate's diagnostics, is a trait here).
pub trait Load: Sized {
    /// The frameworks compiled into the binary, deserialized from the form `build.rs` made. Not
    /// checked here: the test `builtin_frameworks_pass_the_check` checks them at build time, so
    /// no start pays for it. Never fails; a `Result` so it stands in for [`from_dir`].
    fn builtin() -> Result<Self, InputError>;

    /// Parses and checks the data files, given in the order of [`BUILTIN`].
    fn from_files(files: Vec<DataFile>) -> Result<Self, InputError>;
}

impl Load for Frameworks {
    fn builtin() -> Result<Frameworks, InputError> {
        readiness_model::set_builtin_bytes(COMPILED);
        Ok(postcard::from_bytes(COMPILED).expect("build.rs compiles the same model"))
    }

    fn from_files(files: Vec<DataFile>) -> Result<Frameworks, InputError> {
        let mut problems = Vec::new();
        let p = &mut problems;
        let parsed = (
            parse_file(&files[0], p),
            parse_file(&files[1], p),
            parse_file(&files[2], p),
            parse_file(&files[3], p),
            parse_file(&files[4], p),
            parse_file(&files[5], p),
            parse_file(&files[6], p),
            parse_file(&files[7], p),
            parse_file(&files[8], p),
            parse_file(&files[9], p),
            parse_file(&files[10], p),
            parse_file(&files[11], p),
            parse_file(&files[12], p),
        );
        let (
            Some(sources),
            Some(questionnaire),
            Some(scoring),
            Some(regulations),
            Some(risks),
            Some(skills),
            Some(roadmap),
            Some(ethics),
            Some(models),
            Some(trends),
            Some(technologies),
            Some(report),
            Some(business_case),
        ) = parsed
        else {
            return Err(InputError::new(problems));
        };
        let frameworks = Frameworks {
            sources,
            questionnaire,
            scoring,
            regulations,
            risks,
            skills,
            roadmap,
            ethics,
            models,
            trends,
            technologies,
            report,
            business_case,
            index: Default::default(),
        };
        checked(frameworks, &files)
    }
}

/// The frameworks, if every cross-reference and range holds; else every problem found.
fn checked(fw: Frameworks, files: &[DataFile]) -> Result<Frameworks, InputError> {
    match check::check(&fw, files) {
        None => Ok(fw),
        Some(problems) => Err(problems),
    }
}

/// The built-in frameworks, or a customised directory when one is given.
pub(crate) fn load(dir: Option<&Path>) -> Result<Frameworks, InputError> {
    dir.map_or_else(Frameworks::builtin, from_dir)
}

/// Reads every data file from `dir`; all problems in all files are reported together.
pub(crate) fn from_dir(dir: &Path) -> Result<Frameworks, InputError> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            let message = format!("{} is a file, not a frameworks directory", shown_path(dir));
            return Err(InputError::message(message));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let message = format!("frameworks directory {} does not exist", shown_path(dir));
            return Err(InputError::message(message));
        }
        // A loop of symbolic links, a directory that may not be entered: say which.
        Err(e) => return Err(InputError::message(format!("cannot read {}: {e}", shown_path(dir)))),
    }
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for (name, _) in BUILTIN {
        let path = dir.join(name);
        match read_at_most(&path, MAX_FRAMEWORK_BYTES) {
            Ok(text) => files.push(DataFile { name: path.display().to_string(), text: Cow::Owned(text) }),
            Err(e) => problems.push(Diagnostic::new(e.to_string()).in_file(&path.display().to_string())),
        }
    }
    if !problems.is_empty() {
        return Err(InputError::new(problems));
    }
    Frameworks::from_files(files)
}

/// The frameworks for one of several threads: the same when its text is borrowed from the
/// binary, else a copy that shares no text with it, since threads sharing the reference
/// counts of shared strings slow each other down (a fifth of `batch`).
pub(crate) fn for_a_thread(fw: &Frameworks) -> Cow<'_, Frameworks> {
    if fw.questionnaire.questions.iter().all(|q| q.id.is_builtin()) {
        return Cow::Borrowed(fw);
    }
    let bytes = postcard::to_stdvec(fw).expect("the model serializes");
    Cow::Owned(postcard::from_bytes(&bytes).expect("and deserializes"))
}

fn parse_file<T: DeserializeOwned>(file: &DataFile, problems: &mut Vec<Diagnostic>) -> Option<T> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    toml::from_str(text).map_err(|e| problems.push(toml_diagnostic(&file.name, text, &e))).ok()
}

/// Turns a TOML or serde error into a diagnostic pointing at the offending text.
pub(crate) fn toml_diagnostic(file: &str, text: &str, error: &toml::de::Error) -> Diagnostic {
    let location = error.span().map(|span| Location::of_span(file, text, span));
    let diagnostic = Diagnostic::new(plain_message(error.message().trim_end()));
    match location {
        Some(location) => diagnostic.at(Some(location)),
        None => diagnostic.in_file(file),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in data files, named for diagnostics.
    fn builtin_files() -> Vec<DataFile> {
        BUILTIN
            .iter()
            .map(|(name, text)| DataFile { name: format!("frameworks/{name} (built in)"), text: Cow::Borrowed(text) })
            .collect()
    }

    /// The built-in frameworks are not checked when the tool starts; this is where they are.
    #[test]
    fn builtin_frameworks_pass_the_check() {
        let fw = Frameworks::builtin().unwrap();
        if let Some(problems) = check::check(&fw, &builtin_files()) {
            panic!("the built-in frameworks fail their own check:\n{problems}");
        }
    }

    /// Every look-up through the index finds what a scan from the start of the list finds, for
    /// every id and for one that is not there.
    #[test]
    fn lookups_by_id_find_what_a_scan_finds() {
        let fw = Frameworks::builtin().unwrap();
        let q = &fw.questionnaire;
        let same = |a: Option<&Text>, b: Option<&Text>| assert_eq!(a, b);
        for id in q.questions.iter().map(|x| x.id.as_str()).chain(["missing"]) {
            same(fw.question(id).map(|x| &x.id), q.questions.iter().find(|x| x.id == id).map(|x| &x.id));
        }
        for id in q.dimensions.iter().map(|x| x.id.as_str()).chain(["missing"]) {
            same(fw.dimension(id).map(|x| &x.id), q.dimensions.iter().find(|x| x.id == id).map(|x| &x.id));
            let weight: f64 = q.questions.iter().filter(|x| x.dimension == id).map(|x| x.weight).sum();
            assert_eq!(fw.question_weight(id), weight, "{id}");
        }
        for c in &q.context {
            same(fw.context_question(&c.id).map(|x| &x.id), Some(&c.id));
            if let Some(role) = c.role {
                same(fw.context_with_role(role).map(|x| &x.id), Some(&c.id));
            }
        }
        for t in &fw.technologies.technologies {
            same(fw.technology(&t.id).map(|x| &x.id), Some(&t.id));
            let trend = fw.trends.trends.iter().find(|trend| trend.technologies.contains(&t.id));
            same(fw.trend_of(&t.id).map(|x| &x.id), trend.map(|x| &x.id));
        }
        for r in &fw.risks.risks {
            same(fw.risk(&r.id).map(|x| &x.id), Some(&r.id));
        }
        for c in &fw.risks.categories {
            same(fw.risk_category(&c.id).map(|x| &x.id), Some(&c.id));
        }
        for s in &fw.sources.sources {
            same(fw.source(&s.id).map(|x| &x.id), Some(&s.id));
        }
        for r in &fw.regulations.regulations {
            same(fw.regulation(&r.id).map(|x| &x.id), Some(&r.id));
        }
        for s in &fw.scoring.stages {
            same(fw.stage(&s.id).map(|x| &x.id), Some(&s.id));
        }
        for p in &fw.roadmap.phases {
            for a in &p.actions {
                let (phase, action) = fw.action(&a.id).unwrap();
                assert_eq!((&phase.id, &action.id), (&p.id, &a.id));
            }
        }
        let missing =
            [fw.technology("missing").is_none(), fw.risk("missing").is_none(), fw.action("missing").is_none()];
        assert_eq!(missing, [true; 3]);
    }

    /// With an id repeated, the first entry is the one found, as a scan would (the check
    /// reports the repeat; until then nothing may change which entry is used).
    #[test]
    fn a_repeated_id_finds_its_first_entry() {
        let mut fw = Frameworks::builtin().unwrap();
        let mut copy = fw.technologies.technologies[0].clone();
        copy.name = "A second entry".into();
        fw.technologies.technologies.push(copy);
        let id = fw.technologies.technologies[0].id.clone();
        assert_eq!(fw.technology(&id).unwrap().name, fw.technologies.technologies[0].name);
    }

    /// The compiled form must hold exactly what parsing the TOML gives.
    #[test]
    fn compiled_builtin_equals_the_parsed_toml() {
        let compiled = Frameworks::builtin().unwrap();
        let parsed = Frameworks::from_files(builtin_files()).unwrap();
        let json = |fw: &Frameworks| serde_json::to_string(fw).unwrap();
        assert_eq!(json(&compiled), json(&parsed));
    }

    /// Built-in text is borrowed from the binary, so threads share it as it is; text parsed
    /// from files is shared, so each thread of a batch takes a copy of frameworks read from them.
    #[test]
    fn builtin_text_is_borrowed_and_only_parsed_frameworks_are_copied_for_a_thread() {
        let compiled = Frameworks::builtin().unwrap();
        let parsed = Frameworks::from_files(builtin_files()).unwrap();
        let texts = |fw: &Frameworks| fw.technologies.technologies.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
        assert!(texts(&compiled).iter().all(Text::is_builtin));
        assert!(!texts(&parsed).iter().any(Text::is_builtin));
        assert!(matches!(for_a_thread(&compiled), Cow::Borrowed(_)));
        let copy = for_a_thread(&parsed);
        assert!(matches!(copy, Cow::Owned(_)));
        assert_eq!(texts(&copy), texts(&parsed), "the copy holds the same text");
        assert!(!texts(&copy).iter().any(Text::is_builtin));
    }
}
