//! Notes and evidence written beside answers, shown beside what they bear on: the answers
//! appendix, the risks an answer evidences and the levers. In a workshop each is signed by its
//! respondent ("Note (Maya Patel, Marketing lead): …"); from one answer file it stands alone.

use super::Words;
use crate::assessment::{RespondentAnswer, WorkshopRespondent};
use crate::frameworks::Text;

/// `text` followed by the notes and evidence on `questions`, if any.
pub(crate) fn after<'q>(w: &Words, text: String, questions: impl IntoIterator<Item = &'q str>) -> String {
    let notes: Vec<String> = questions.into_iter().flat_map(|q| on_question(w, q)).collect();
    if notes.is_empty() { text } else { format!("{text} {}", notes.join(" ")) }
}

/// Every note and evidence on a question: each respondent's, signed, in a workshop.
pub(crate) fn on_question(w: &Words, question: &str) -> Vec<String> {
    if let Some(ws) = &w.a.workshop {
        let Some(spread) = ws.questions.iter().find(|q| q.question == question) else { return Vec::new() };
        return spread
            .answers
            .iter()
            .flat_map(|x| {
                let who = ws.respondents.get(x.respondent).map_or_else(|| x.name.to_string(), |r| signature(w, r));
                written(w, Some(&who), x.note.as_ref(), x.evidence.as_ref())
            })
            .collect();
    }
    let Some(entry) = w.a.answers.iter().find(|x| x.question == question) else { return Vec::new() };
    written(w, None, entry.note.as_ref(), entry.evidence.as_ref())
}

/// One respondent's note and evidence, unsigned: for a place that already names them.
pub(crate) fn own(w: &Words, answer: &RespondentAnswer) -> Vec<String> {
    written(w, None, answer.note.as_ref(), answer.evidence.as_ref())
}

/// "Maya Patel, Marketing lead", or the name alone.
fn signature(w: &Words, r: &WorkshopRespondent) -> String {
    let role = r.role.as_deref().unwrap_or_default();
    w.fill(&w.text.notes.respondent, &[("name", &r.name), ("role", role)]).unwrap_or_else(|| r.name.to_string())
}

fn written(w: &Words, who: Option<&str>, note: Option<&Text>, evidence: Option<&Text>) -> Vec<String> {
    let t = &w.text.notes;
    let one = |signed: &Text, alone: &Text, text: Option<&Text>| {
        let text = text?;
        match who {
            Some(who) => w.fill(signed, &[("respondent", who), ("text", text)]),
            None => w.fill(alone, &[("text", text)]),
        }
    };
    [one(&t.note, &t.note_alone, note), one(&t.evidence, &t.evidence_alone, evidence)].into_iter().flatten().collect()
}
