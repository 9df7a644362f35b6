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
use std::fmt::Write;

/// The consensus answer file of the combined respondents.
pub fn consensus_file(fw: &Frameworks, combined: &Combined) -> anyhow::Result<String> {
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

/// Characters that could end a comment line, drive a terminal or reorder what an editor shows.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Text for a comment: unsafe characters written as `\u{…}`.
fn inert(text: &str) -> String {
    text.chars().map(|c| if is_unsafe(c) { format!("\\u{{{:04X}}}", c as u32) } else { c.to_string() }).collect()
}

/// A TOML basic string on one line, unsafe characters escaped: reads back as `text` exactly.
pub fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_reads_back_exactly_and_stays_on_one_line() {
        let hostile = "a\"b\\c\nd\re\tf\u{1b}[31mg\u{7}h\u{202E}i\u{2028}j\u{0}k'''\"\"\"]]\n[answers]\nx = 1";
        let line = format!("x = {}", quoted(hostile));
        assert!(!line.contains(['\n', '\r', '\u{1b}', '\u{202E}', '\u{2028}', '\u{0}']), "{line}");
        let table: toml::Table = line.parse().unwrap();
        assert_eq!(table["x"].as_str(), Some(hostile));
    }

    #[test]
    fn inert_text_has_no_character_that_ends_or_hides_a_line() {
        let shown = inert("Maya\n[answers]\u{1b}]52;c;\u{7}\u{202E}");
        assert_eq!(shown, "Maya\\u{000A}[answers]\\u{001B}]52;c;\\u{0007}\\u{202E}");
    }
}
