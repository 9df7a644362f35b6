//! Writing answers into an answer file a person may have edited: only the values that changed
//! are touched, so the header, the consultant's own comments and the order all survive.

use super::write::{answer_value, context_value};
use super::{Answers, Completeness, parse};
use crate::frameworks::Frameworks;
use toml_edit::{DocumentMut, Item, Table, Value};

/// One value to write: the table, the key and the value as TOML text.
type Change = (&'static str, String, String);

/// `text`, which holds `old`, rewritten to hold `new`. A changed value is replaced where it
/// stands (keeping any comment after it); a new one takes the place of its commented-out line
/// (`# data_quality = `, as templates and session files have) or goes at the end of its table.
/// `None` when the result would not read back as exactly `new` (a layout this cannot edit);
/// the caller then writes the file afresh rather than lose an answer.
pub(crate) fn update(fw: &Frameworks, text: &str, old: &Answers, new: &Answers) -> Option<String> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(body) => ("\u{feff}", body),
        None => ("", text),
    };
    let mut doc: DocumentMut = body.parse().ok()?;
    record_version(fw, &mut doc, new);
    let mut absent: Vec<Change> = Vec::new();
    for change in changes(old, new) {
        if !replace(&mut doc, &change)? {
            absent.push(change);
        }
    }
    let mut out = doc.to_string();
    absent.retain(|change| !fill_placeholder(&mut out, change));
    if !absent.is_empty() {
        let mut doc: DocumentMut = out.parse().ok()?;
        for (table, id, value) in absent {
            let table = doc.entry(table).or_insert(Item::Table(Table::new())).as_table_like_mut()?;
            table.insert(&id, Item::Value(value.parse().ok()?));
        }
        out = doc.to_string();
    }
    // toml_edit writes LF; a file kept with CRLF line endings keeps them.
    if body.contains("\r\n") {
        out = out.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    let out = format!("{bom}{out}");
    (parse(fw, "", &out, Completeness::Partial).ok()? == *new).then_some(out)
}

/// Answers to the current questionnaire say so in the file (`questionnaire = N`), so the
/// questions added since the file was started count as asked.
fn record_version(fw: &Frameworks, doc: &mut DocumentMut, new: &Answers) {
    let current = i64::from(fw.questionnaire.version);
    if new.version.is_none() && doc.get("questionnaire").and_then(Item::as_integer) != Some(current) {
        doc.insert("questionnaire", toml_edit::value(current));
    }
}

/// The answers in `new` that differ from `old` (a changed note changes its answer), the
/// respondent first, then context.
fn changes(old: &Answers, new: &Answers) -> Vec<Change> {
    let (was, now) = (&old.respondent, &new.respondent);
    let respondent = [("name", &was.name, &now.name), ("role", &was.role, &now.role)]
        .into_iter()
        .filter_map(|(key, was, now)| (was != now).then_some((key, now.as_ref()?)))
        .map(|(key, now)| ("respondent", key.to_string(), toml::Value::String(now.clone()).to_string()));
    let context = new
        .context
        .iter()
        .filter(|(id, v)| old.context.get(*id) != Some(v))
        .map(|(id, v)| ("context", id.to_string(), context_value(v)));
    let readiness = new
        .readiness
        .iter()
        .filter(|(id, a)| old.readiness.get(*id) != Some(a) || old.notes.get(*id) != new.notes.get(*id))
        .map(|(id, a)| ("answers", id.to_string(), answer_value(a, new.notes.get(id))));
    respondent.chain(context).chain(readiness).collect()
}

/// Replaces the value of a key already in the file; `Some(false)` when the key is not there.
fn replace(doc: &mut DocumentMut, (table, id, value): &Change) -> Option<bool> {
    let Some(current) = doc.get_mut(table).and_then(Item::as_table_like_mut).and_then(|t| t.get_mut(id)) else {
        return Some(false);
    };
    let current = current.as_value_mut()?;
    let mut replacement: Value = value.parse().ok()?;
    *replacement.decor_mut() = current.decor().clone();
    *current = replacement;
    Some(true)
}

/// Turns the commented-out line of this key in its table into the answer; false when there is
/// no such line.
fn fill_placeholder(text: &mut String, (table, id, value): &Change) -> bool {
    let mut in_table = false;
    let mut offset = 0;
    let mut found = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(header) = trimmed.strip_prefix('[') {
            in_table = header.split(']').next().map(str::trim) == Some(table);
        } else if in_table && is_placeholder(trimmed, id) {
            found = Some((offset, line));
            break;
        }
        offset += line.len();
    }
    let Some((start, line)) = found else { return false };
    let ending = &line[line.trim_end_matches(['\r', '\n']).len()..];
    let replacement = format!("{id} = {value}{ending}");
    text.replace_range(start..start + line.len(), &replacement);
    true
}

/// `# id = …`: a key left to fill in.
fn is_placeholder(line: &str, id: &str) -> bool {
    line.strip_prefix('#')
        .map(str::trim_start)
        .and_then(|rest| rest.strip_prefix(id))
        .is_some_and(|rest| rest.trim_start().starts_with('='))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, ContextValue, Note, Respondent, render};
    use crate::frameworks::Load;

    fn fw() -> Frameworks {
        Frameworks::builtin().unwrap()
    }

    fn with(mut answers: Answers, id: &str, answer: Answer) -> Answers {
        answers.readiness.insert(id.into(), answer);
        answers
    }

    #[test]
    fn a_changed_value_keeps_its_comments_and_every_other_byte() {
        let fw = fw();
        let text = "# Acme, interviewed by Jo\n[context]\ncompany = \"Acme\"  # legal name\n\n[answers]\n\
                    # asked twice\ndata_quality = 1 # unsure\n";
        let old = parse(&fw, "", text, Completeness::Partial).unwrap();
        let new = with(old.clone(), "data_quality", Answer::Level(3));
        let out = update(&fw, text, &old, &new).unwrap();
        assert_eq!(out, text.replace("data_quality = 1 # unsure", "data_quality = 3 # unsure"));
    }

    #[test]
    fn a_new_answer_fills_its_commented_out_line_in_a_rendered_file() {
        let fw = fw();
        let old = Answers::default();
        let text = render(&fw, &old);
        let mut new = with(old.clone(), "data_quality", Answer::DontKnow);
        new.context.insert("marketing_budget".into(), ContextValue::DontKnow);
        let out = update(&fw, &text, &old, &new).unwrap();
        let expected = text
            .replace("\n# data_quality = \n", "\ndata_quality = \"dont_know\"\n")
            .replace("\n# marketing_budget = \"\"\n", "\nmarketing_budget = \"dont_know\"\n");
        assert_eq!(out, expected);
    }

    #[test]
    fn an_answer_without_a_placeholder_goes_at_the_end_of_its_table_and_crlf_and_bom_survive() {
        let fw = fw();
        let text = "\u{feff}# mine\r\n[answers]\r\ndata_quality = 2\r\n";
        let old = parse(&fw, "", text, Completeness::Partial).unwrap();
        let mut new = with(old.clone(), "data_collection", Answer::Level(4));
        new.context.insert("company".into(), ContextValue::Text("Acme".into()));
        let out = update(&fw, text, &old, &new).unwrap();
        assert!(out.starts_with("\u{feff}# mine\r\n[answers]\r\ndata_quality = 2\r\n"), "{out:?}");
        assert_eq!(parse(&fw, "", &out, Completeness::Partial).unwrap(), new);
    }

    #[test]
    fn a_placeholder_under_the_other_table_is_not_taken() {
        let fw = fw();
        let text = "[context]\n# data_quality = \n[answers]\n";
        let new = with(Answers::default(), "data_quality", Answer::Level(2));
        let out = update(&fw, text, &Answers::default(), &new).unwrap();
        assert!(out.starts_with("questionnaire = 2\n[context]\n# data_quality = \n[answers]\n"), "{out}");
        assert_eq!(parse(&fw, "", &out, Completeness::Partial).unwrap(), new);
    }

    #[test]
    fn respondent_notes_and_levels_between_read_back_from_a_rendered_file() {
        let fw = fw();
        let mut answers = Answers {
            respondent: Respondent { name: Some("Maya \"M\" Patel".into()), role: Some("Marketing lead".into()) },
            ..Answers::default()
        };
        answers.readiness.insert("data_quality".into(), Answer::Level(2));
        answers.readiness.insert("customer_profile".into(), Answer::at(4.0 / 3.0).unwrap());
        let note = Note { note: Some("two\nlines, \"quoted\" and \u{1b}[31m".into()), evidence: Some("audit".into()) };
        answers.notes.insert("data_quality".into(), note);
        let text = render(&fw, &answers);
        assert!(text.contains("\n[respondent]\nname = "), "{text}");
        assert!(text.contains(&format!("\ncustomer_profile = {}\n", 4.0_f64 / 3.0)), "{text}");
        assert_eq!(parse(&fw, "", &text, Completeness::Partial).unwrap(), answers);
    }

    #[test]
    fn a_note_added_in_a_session_is_written_in_place_keeping_comments_and_the_respondent() {
        let fw = fw();
        let text =
            "[respondent]\nname = \"Dev\" # the data lead\n\n[answers]\n# asked twice\ndata_quality = 1 # unsure\n";
        let old = parse(&fw, "", text, Completeness::Partial).unwrap();
        let mut new = old.clone();
        new.notes.insert("data_quality".into(), Note { note: Some("18% duplicates".into()), evidence: None });
        let out = update(&fw, text, &old, &new).unwrap();
        assert!(out.contains("name = \"Dev\" # the data lead\n"), "{out}");
        assert!(
            out.contains("# asked twice\ndata_quality = { level = 1, note = \"18% duplicates\" } # unsure\n"),
            "{out}"
        );
        // And a role given later goes into the same table.
        let mut later = new.clone();
        later.respondent.role = Some("Data lead".into());
        let out = update(&fw, &out, &new, &later).unwrap();
        assert_eq!(parse(&fw, "", &out, Completeness::Partial).unwrap(), later);
    }
}
