//! The consensus file `readiness merge` writes: one answer file holding the combined answers,
//! a level between two anchored ones written as a decimal that reads back as the same number,
//! and above each answer, as comments, who answered what with their notes. Scoring it gives
//! the combined assessment's scores exactly.
//!
//! Nothing a respondent wrote can break out of its comment: names and files are written with
//! control, line-breaking and text-direction characters escaped, and notes as TOML strings.

use super::combine::{Combined, Voice, is_own_text};
use crate::answers::{self, Completeness};
use crate::frameworks::Frameworks;
use crate::inert::{is_unsafe_char, toml_string as quoted};
use std::fmt::Write;

/// The consensus answer file of the combined respondents.
pub(crate) fn consensus_file(fw: &Frameworks, combined: &Combined) -> anyhow::Result<String> {
    let mut answers = combined.answers.clone();
    // The respondents' notes go in the comments, each beside its author; the consensus is the
    // room's to annotate.
    answers.notes.clear();
    let text = header(combined) + &answers::render_with(fw, &answers, &|id| remarks(fw, combined, id));
    let back = answers::parse(fw, "the consensus file", &text, Completeness::Partial)
        .map_err(|e| anyhow::anyhow!("the consensus file does not read back: {e}"))?;
    let same =
        back.version == answers.version && back.context == answers.context && back.readiness == answers.readiness;
    anyhow::ensure!(same, "the consensus file does not read back as the combined answers");
    Ok(text)
}

fn header(combined: &Combined) -> String {
    let mut out =
        format!("# Workshop consensus of {} respondents, written by `readiness merge`:\n", combined.voices.len());
    for v in &combined.voices {
        let _ = writeln!(out, "#   {}, {}", inert(&v.label()), inert(&v.file.file));
    }
    out.push_str(
        "# Each readiness answer is the mean of the respondents' levels, \"don't know\" and \"not asked\"\n\
         # counted as 0; a decimal is a level between two anchored ones. Above each answer, each\n\
         # respondent's answer and note. Agree a level in the room and write it in place of the mean.\n\n",
    );
    out
}

/// The comment lines above question `id`: every respondent's answer to a readiness question,
/// every respondent's own text for a free-text context question.
fn remarks(fw: &Frameworks, combined: &Combined, id: &str) -> Vec<String> {
    if let Some(q) = fw.question(id) {
        let heard = combined.voices.iter().map(|v| format!("  {}: {}", inert(&v.label()), said(v, q)));
        return std::iter::once("Workshop answers:".to_string()).chain(heard).collect();
    }
    let Some(q) = fw.context_question(id).filter(|q| is_own_text(q)) else { return Vec::new() };
    combined
        .voices
        .iter()
        .filter_map(|v| match v.answers().context.get(&q.id)? {
            answers::ContextValue::Text(text) => Some(format!("  {}: {}", inert(&v.label()), quoted(text))),
            _ => None,
        })
        .collect()
}

/// What one respondent answered: "3 · note "…" · evidence "…"".
fn said(voice: &Voice, q: &crate::frameworks::Question) -> String {
    let answers = voice.answers();
    let mut text = match answers.readiness.get(&q.id) {
        Some(answer) => answer.to_string(),
        None if !answers.was_asked(q.since) => "not asked (an older questionnaire)".to_string(),
        None => "no answer".to_string(),
    };
    if let Some(note) = answers.notes.get(&q.id) {
        for (what, value) in [("note", &note.note), ("evidence", &note.evidence)] {
            if let Some(value) = value {
                let _ = write!(text, " · {what} {}", quoted(value));
            }
        }
    }
    text
}

/// Text for a comment: unsafe characters written as `\u{…}`.
fn inert(text: &str) -> String {
    text.chars().map(|c| if is_unsafe_char(c) { format!("\\u{{{:04X}}}", c as u32) } else { c.to_string() }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_text_has_no_character_that_ends_or_hides_a_line() {
        let shown = inert("Maya\n[answers]\u{1b}]52;c;\u{7}\u{202E}");
        assert_eq!(shown, "Maya\\u{000A}[answers]\\u{001B}]52;c;\\u{0007}\\u{202E}");
    }
}
