//! The workshop part of an assessment: each respondent's own readiness, how the answers to
//! each question spread, and the disagreements to discuss in the room.

use super::combine::{Combined, Voice, is_own_text};
use crate::assessment::{
    ContextEntry, QuestionSpread, RespondentAnswer, RespondentDimension, Workshop, WorkshopRespondent,
};
use crate::frameworks::{Frameworks, Question, Text};
use crate::score::{answer_of, display_context, level_description, note_of, question_span, readiness};

/// Levels apart from which two respondents' answers are a disagreement worth the room's time:
/// one level is a matter of judgement, two is a different picture of the business.
const DISCUSS_APART: f64 = 2.0;

pub(crate) fn workshop(fw: &Frameworks, combined: &Combined) -> Workshop {
    let respondents = combined.voices.iter().map(|v| respondent(fw, v)).collect();
    let questions: Vec<QuestionSpread> = fw.questionnaire.questions.iter().map(|q| spread(fw, combined, q)).collect();
    let mut discuss: Vec<QuestionSpread> = questions
        .iter()
        .filter(|s| matches!((s.min, s.max), (Some(min), Some(max)) if max - min >= DISCUSS_APART))
        .cloned()
        .collect();
    // Stable: equal points keep questionnaire order.
    discuss.sort_by(|a, b| b.points.total_cmp(&a.points));
    Workshop { respondents, questions, discuss }
}

/// One respondent's file scored on its own.
fn respondent(fw: &Frameworks, voice: &Voice) -> WorkshopRespondent {
    let answers = voice.answers();
    let own = readiness(fw, answers);
    let remarks = fw
        .questionnaire
        .context
        .iter()
        .filter(|q| is_own_text(q))
        .filter_map(|q| {
            let value = answers.context.get(&q.id)?;
            Some(ContextEntry {
                id: q.id.clone(),
                prompt: q.prompt.clone(),
                value: display_context(fw, q, value).into(),
            })
        })
        .collect();
    WorkshopRespondent {
        name: voice.name.into(),
        role: voice.role.map(Text::from),
        file: voice.file.file.as_str().into(),
        overall: own.overall,
        confidence: own.confidence,
        dimensions: own
            .dimensions
            .iter()
            .map(|d| RespondentDimension { id: d.id.clone(), name: d.name.clone(), score: d.score })
            .collect(),
        remarks,
    }
}

fn spread(fw: &Frameworks, combined: &Combined, q: &Question) -> QuestionSpread {
    let answers: Vec<RespondentAnswer> =
        combined.voices.iter().enumerate().map(|(i, v)| respondent_answer(q, i, v)).collect();
    let levels: Vec<f64> = answers.iter().filter_map(|a| a.answer.level()).collect();
    let min = levels.iter().copied().reduce(f64::min);
    let max = levels.iter().copied().reduce(f64::max);
    let apart = min.zip(max).map_or(0.0, |(min, max)| max - min);
    QuestionSpread {
        question: q.id.clone(),
        dimension: q.dimension.clone(),
        prompt: q.prompt.clone(),
        max_level: q.max_level(),
        combined: answer_of(&combined.answers, q).0,
        unknown: answers.len() - levels.len(),
        min,
        max,
        points: question_span(fw, q) * apart / f64::from(q.max_level().max(1)),
        answers,
    }
}

fn respondent_answer(q: &Question, index: usize, voice: &Voice) -> RespondentAnswer {
    let (answer, asked) = answer_of(voice.answers(), q);
    let (note, evidence) = note_of(voice.answers(), q);
    RespondentAnswer {
        respondent: index,
        name: voice.name.into(),
        answer,
        asked,
        description: level_description(q, answer),
        note,
        evidence,
    }
}
