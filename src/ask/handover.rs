//! The end of a live session: after the report, where the answers are, an offer to write the
//! client report as a file, and the next step.

use super::session::{Finished, prompter, quote};
use super::{Reply, say, say_owned, tell};
use crate::assessment::Assessment;
use crate::frameworks::Frameworks;
use crate::output::write_new;
use crate::report::{self, Format, View};
use std::path::{Path, PathBuf};

/// The document a consultant hands to the client after a live session: a self-contained HTML
/// file that prints to PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClientReport {
    Html,
}

impl ClientReport {
    pub(crate) fn name(self) -> &'static str {
        match self {
            ClientReport::Html => "HTML",
        }
    }

    pub(crate) fn extension(self) -> &'static str {
        match self {
            ClientReport::Html => "html",
        }
    }

    /// The `--format` that writes it.
    pub(crate) fn format(self) -> Format {
        match self {
            ClientReport::Html => Format::Html,
        }
    }

    pub(crate) fn render(self, assessment: &Assessment, fw: &Frameworks, view: &View) -> String {
        report::render(assessment, fw, self.format(), view)
    }
}

/// After the report of a live session: says where the answers are, offers to write the client
/// report (unless `--output` has just written it), and says what to do next. `written` is the
/// report file `--output` wrote, if any.
pub(crate) fn hand_over(
    assessment: &Assessment,
    fw: &Frameworks,
    finished: &Finished,
    view: &View,
    written: Option<(&Path, Format)>,
) -> anyhow::Result<()> {
    let kind = ClientReport::Html;
    let session = &finished.session;
    let report = match written {
        Some((path, format)) if format == kind.format() => Some(std::path::absolute(path)?),
        _ => offer(assessment, fw, view, kind, session)?,
    };
    let words = &fw.report.ask;
    let next = match report {
        Some(report) => {
            let values = [("report", report.display().to_string()), ("session", quote(session))];
            say_owned(&words.next_hand_over, &values)
        }
        None => {
            let format = format!("{:?}", kind.format()).to_lowercase();
            let report = quote(&report_path(beside(session), &assessment.company, kind.extension()));
            let values = [("session", quote(session)), ("format", format), ("report", report)];
            say_owned(&words.next_write, &values)
        }
    };
    tell(&next);
    Ok(())
}

/// Offers to write the client report; the path written, if it was.
fn offer(
    assessment: &Assessment,
    fw: &Frameworks,
    view: &View,
    kind: ClientReport,
    session: &Path,
) -> anyhow::Result<Option<PathBuf>> {
    let words = &fw.report.ask;
    let path = report_path(beside(session), &assessment.company, kind.extension()).display().to_string();
    let options = [say(&words.write_report, &[("format", kind.name()), ("path", &path)]), words.not_now.to_string()];
    match prompter(fw).menu(&words.write_offer, &options)? {
        Reply::Answer(0) => {
            let report = kind.render(assessment, fw, view);
            // Never over a file created while the offer was on screen.
            let path = write_beside(beside(session), &assessment.company, kind.extension(), report.as_bytes())?;
            tell(&say(&words.report_written, &[("path", &path.display().to_string())]));
            Ok(Some(path))
        }
        _ => Ok(None),
    }
}

/// The last screen of a live session or a workshop, before anything long: the score and tier,
/// the first things to do, and where the answers (`answers`) and the full report are.
pub(crate) fn recap(assessment: &Assessment, fw: &Frameworks, answers: &Path, report: Option<&Path>) {
    let (r, words) = (&assessment.readiness, &fw.report.ask);
    let mut lines = vec![say(&words.recap_score, &[("overall", &report::num(r.overall)), ("tier", &r.tier.name)])];
    let priorities = report::priorities(assessment, fw);
    if !priorities.is_empty() {
        lines.push(words.recap_first.to_string());
    }
    for (n, priority) in priorities.iter().enumerate() {
        lines.push(say(&words.recap_priority, &[("number", &(n + 1).to_string()), ("priority", priority)]));
    }
    lines.push(say(&words.recap_answers, &[("path", &answers.display().to_string())]));
    if let Some(report) = report {
        lines.push(say(&words.recap_report, &[("path", &report.display().to_string())]));
    }
    eprintln!();
    tell(&lines.join("\n"));
}

/// Where a live session's report goes when standard output is the terminal, so hundreds of
/// lines do not scroll the result away: a new file beside the answers.
pub(crate) fn report_file(answers: &Path, company: &str, format: Format) -> PathBuf {
    report_path(report_dir(answers), company, extension(format))
}

/// The folder of the answers (a workshop's) or the folder they are in.
fn report_dir(answers: &Path) -> &Path {
    if answers.is_dir() { answers } else { beside(answers) }
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Table => "txt",
        Format::Markdown => "md",
        Format::Html => "html",
        Format::Json => "json",
    }
}

/// Writes a live session's report to a new file beside the answers ([`report_file`]); the
/// path written.
pub(crate) fn write_report_file(
    answers: &Path,
    company: &str,
    format: Format,
    report: &[u8],
) -> anyhow::Result<PathBuf> {
    write_beside(report_dir(answers), company, extension(format), report)
}

/// Writes `bytes` to the first free report name in `dir`, decided as the file appears
/// ([`write_new`]): a file that took the name meanwhile is never replaced; the next name is.
fn write_beside(dir: &Path, company: &str, extension: &str, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    loop {
        let path = report_path(dir, company, extension);
        if write_new(&path, bytes)? {
            return Ok(path);
        }
    }
}

/// The folder a file is in.
fn beside(file: &Path) -> &Path {
    file.parent().unwrap_or(Path::new("."))
}

/// A new file in `dir`, named after the company: `fernhill-tea-co-readiness.md`, or
/// `…-readiness-2.md` if that is taken.
fn report_path(dir: &Path, company: &str, extension: &str) -> PathBuf {
    let slug = slug(company);
    let stem = if slug.is_empty() { "readiness-report".to_string() } else { format!("{slug}-readiness") };
    let name = |n: usize| {
        let suffix = if n == 1 { String::new() } else { format!("-{n}") };
        dir.join(format!("{stem}{suffix}.{extension}"))
    };
    (1..).map(name).find(|p| !p.exists()).expect("an unused name exists")
}

/// A company name as a file name: lower case words joined by hyphens, at most 60 characters.
pub(super) fn slug(company: &str) -> String {
    let words: Vec<String> =
        company.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.join("-").chars().take(60).collect::<String>().trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_names_come_from_the_company_and_never_take_an_existing_file() {
        assert_eq!(slug("Fernhill Tea Co."), "fernhill-tea-co");
        assert_eq!(slug("Théières Zoë & Søn"), "théières-zoë-søn");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        let dir = tempfile::tempdir().unwrap();
        let first = report_path(dir.path(), "Acme", "md");
        assert_eq!(first, dir.path().join("acme-readiness.md"));
        std::fs::write(&first, "earlier").unwrap();
        assert_eq!(report_path(dir.path(), "Acme", "md"), dir.path().join("acme-readiness-2.md"));
        assert_eq!(report_path(dir.path(), "", "md"), dir.path().join("readiness-report.md"));
    }
}
