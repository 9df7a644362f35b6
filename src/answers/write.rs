//! Writing answer files: the commented template and the interactive session file share one
//! writer, so a saved session is always a valid answer file.

use super::{Answer, Answers, ContextValue, DONT_KNOW, Note, Respondent};
use crate::frameworks::{ContextKind, ContextQuestion, Frameworks, Question};
use std::fmt::Write;

/// An empty answer file listing every question, its help and its allowed answers.
pub fn render_template(fw: &Frameworks) -> String {
    render(fw, &Answers::default())
}

/// An answer file holding `answers`; questions without an answer are written as commented-out
/// lines to fill in.
pub fn render(fw: &Frameworks, answers: &Answers) -> String {
    render_with(fw, answers, &|_| Vec::new())
}

/// [`render`], with `remarks(id)` written as comment lines just above the answer to question
/// `id` (context or readiness). Each remark must be one line of comment-safe text.
pub fn render_with(fw: &Frameworks, answers: &Answers, remarks: &dyn Fn(&str) -> Vec<String>) -> String {
    let mut out = String::new();
    out.push_str("# readiness answer file\n");
    out.push_str("# To answer a question that is commented out, remove the leading \"# \" and give a value.\n");
    out.push_str("# Check it with `readiness validate FILE`; score it with `readiness assess --answers FILE`.\n");
    let q = &fw.questionnaire;
    let _ = write!(
        out,
        "\n# The questionnaire version these answers follow; keep it when you edit the file.\nquestionnaire = {}\n",
        answers.version.unwrap_or(q.version)
    );
    respondent(&mut out, &answers.respondent);
    let _ = write!(out, "\n[context]\n\n# ==== {} ====\n# {}\n", q.context_name, q.context_description);
    for q in &fw.questionnaire.context {
        context_question(&mut out, q, answers.context.get(&q.id), &remarks(&q.id));
    }
    out.push_str("\n[answers]\n");
    for d in &fw.questionnaire.dimensions {
        let _ = write!(out, "\n# ==== {} ====\n# {}\n", d.name, d.description);
        for q in fw.questionnaire.questions.iter().filter(|q| q.dimension == d.id) {
            let answer = answers.readiness.get(&q.id).map(|a| (a, answers.notes.get(&q.id)));
            readiness_question(&mut out, q, answer, &remarks(&q.id));
        }
    }
    out
}

/// The `[respondent]` table, when the answers name who gave them.
fn respondent(out: &mut String, respondent: &Respondent) {
    if *respondent == Respondent::default() {
        return;
    }
    out.push_str("\n# Who gave these answers, for a workshop of several respondents.\n[respondent]\n");
    for (key, value) in [("name", &respondent.name), ("role", &respondent.role)] {
        if let Some(value) = value {
            let _ = writeln!(out, "{key} = {}", toml::Value::String(value.clone()));
        }
    }
}

fn context_question(out: &mut String, q: &ContextQuestion, value: Option<&ContextValue>, remarks: &[String]) {
    let optional = if q.optional { " (optional)" } else { "" };
    let _ = write!(out, "\n# {}{optional}\n# {}\n", q.prompt, q.help);
    match q.kind {
        ContextKind::Text => out.push_str("# A quoted string.\n"),
        ContextKind::Number => {
            let (min, max) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
            let _ = writeln!(out, "# A whole number from {min} to {max}.");
        }
        ContextKind::Choice | ContextKind::Multi => {
            let how = if q.kind == ContextKind::Choice { "One of" } else { "A list of one or more of" };
            let _ = writeln!(out, "# {how}:");
            for o in &q.options {
                let _ = writeln!(out, "#   {:<20} {}", o.id, o.label);
            }
        }
    }
    if q.allow_dont_know {
        let _ = writeln!(out, "# Or \"{DONT_KNOW}\".");
    }
    comments(out, remarks);
    let line = match value {
        Some(v) => format!("{} = {}", q.id, context_value(v)),
        None => format!("# {} = {}", q.id, placeholder(q.kind)),
    };
    out.push_str(&line);
    out.push('\n');
}

fn readiness_question(out: &mut String, q: &Question, answer: Option<(&Answer, Option<&Note>)>, remarks: &[String]) {
    let _ = write!(out, "\n# {}\n# Why it matters: {}\n", q.prompt, q.help);
    for (i, level) in q.levels.iter().enumerate() {
        let _ = writeln!(out, "#   {i}  {level}");
    }
    let _ = writeln!(out, "#   \"{DONT_KNOW}\"");
    comments(out, remarks);
    let _ = match answer {
        Some((a, note)) => writeln!(out, "{} = {}", q.id, answer_value(a, note)),
        None => writeln!(out, "# {} = ", q.id),
    };
}

fn comments(out: &mut String, remarks: &[String]) {
    for remark in remarks {
        let _ = writeln!(out, "# {remark}");
    }
}

/// An answer as TOML value text: `2`, `"dont_know"`, `2.5`, or with a note
/// `{ level = 2, note = "…" }`.
pub(super) fn answer_value(a: &Answer, note: Option<&Note>) -> String {
    let level = match a {
        Answer::Level(level) => toml::Value::Integer(i64::from(*level)),
        Answer::DontKnow => toml::Value::String(DONT_KNOW.into()),
        // Shortest text that reads back as the same number, so a consensus file scores exactly.
        Answer::Between(between) => toml::Value::Float(between.value()),
    };
    let Some(note) = note.filter(|n| !n.is_empty()) else { return level.to_string() };
    let mut fields = vec![format!("level = {level}")];
    for (key, text) in [("note", &note.note), ("evidence", &note.evidence)] {
        if let Some(text) = text {
            fields.push(format!("{key} = {}", crate::inert::toml_string(text)));
        }
    }
    format!("{{ {} }}", fields.join(", "))
}

/// A context answer as TOML value text.
pub(super) fn context_value(v: &ContextValue) -> String {
    let value = match v {
        ContextValue::Number(n) => toml::Value::Integer(*n),
        ContextValue::DontKnow => toml::Value::String(DONT_KNOW.into()),
        ContextValue::Text(s) => return crate::inert::toml_string(s),
        ContextValue::List(items) => toml::Value::Array(items.iter().cloned().map(toml::Value::String).collect()),
    };
    value.to_string()
}

fn placeholder(kind: ContextKind) -> &'static str {
    match kind {
        ContextKind::Multi => "[]",
        ContextKind::Number => "",
        ContextKind::Text | ContextKind::Choice => "\"\"",
    }
}
