//! Writing answer files: the commented template and the interactive session file share one
//! writer, so a saved session is always a valid answer file.

use super::{Answer, Answers, ContextValue, DONT_KNOW};
use crate::frameworks::{ContextKind, ContextQuestion, Frameworks, Question};
use std::fmt::Write;

/// An empty answer file listing every question, its help and its allowed answers.
pub fn render_template(fw: &Frameworks) -> String {
    render(fw, &Answers::default())
}

/// An answer file holding `answers`; questions without an answer are written as commented-out
/// lines to fill in.
pub fn render(fw: &Frameworks, answers: &Answers) -> String {
    let mut out = String::new();
    out.push_str("# readiness answer file\n");
    out.push_str("# To answer a question that is commented out, remove the leading \"# \" and give a value.\n");
    out.push_str("# Check it with `readiness validate FILE`; score it with `readiness assess --answers FILE`.\n");
    let q = &fw.questionnaire;
    let _ = write!(
        out,
        "\n# The questionnaire version these answers follow; keep it when you edit the file.\nquestionnaire = {}\n",
        q.version
    );
    let _ = write!(out, "\n[context]\n\n# ==== {} ====\n# {}\n", q.context_name, q.context_description);
    for q in &fw.questionnaire.context {
        context_question(&mut out, q, answers.context.get(&q.id));
    }
    out.push_str("\n[answers]\n");
    for d in &fw.questionnaire.dimensions {
        let _ = write!(out, "\n# ==== {} ====\n# {}\n", d.name, d.description);
        for q in fw.questionnaire.questions.iter().filter(|q| q.dimension == d.id) {
            readiness_question(&mut out, q, answers.readiness.get(&q.id));
        }
    }
    out
}

fn context_question(out: &mut String, q: &ContextQuestion, value: Option<&ContextValue>) {
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
    let line = match value {
        Some(v) => format!("{} = {}", q.id, context_value(v)),
        None => format!("# {} = {}", q.id, placeholder(q.kind)),
    };
    out.push_str(&line);
    out.push('\n');
}

fn readiness_question(out: &mut String, q: &Question, answer: Option<&Answer>) {
    let _ = write!(out, "\n# {}\n# Why it matters: {}\n", q.prompt, q.help);
    for (i, level) in q.levels.iter().enumerate() {
        let _ = writeln!(out, "#   {i}  {level}");
    }
    let _ = writeln!(out, "#   \"{DONT_KNOW}\"");
    let _ = match answer {
        Some(a) => writeln!(out, "{} = {}", q.id, answer_value(a)),
        None => writeln!(out, "# {} = ", q.id),
    };
}

/// An answer as TOML value text.
pub(super) fn answer_value(a: &Answer) -> String {
    match a {
        Answer::Level(level) => level.to_string(),
        Answer::DontKnow => format!("\"{DONT_KNOW}\""),
    }
}

/// A context answer as TOML value text.
pub(super) fn context_value(v: &ContextValue) -> String {
    let value = match v {
        ContextValue::Number(n) => toml::Value::Integer(*n),
        ContextValue::DontKnow => toml::Value::String(DONT_KNOW.into()),
        ContextValue::Text(s) => toml::Value::String(s.clone()),
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
