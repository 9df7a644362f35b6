//! `readiness schema`: JSON Schemas for editors and consumers. The report schema is derived
//! from the `Assessment` type; the answer-file schema is built from the questionnaire, so it
//! lists the real question ids, options and level ranges of the frameworks in use.

use crate::answers::DONT_KNOW;
use crate::assessment::Assessment;
use crate::frameworks::{ContextKind, ContextQuestion, Frameworks, Question};
use serde_json::{Map, Value, json};

pub(crate) fn report() -> Value {
    serde_json::to_value(schemars::schema_for!(Assessment)).expect("a schema is JSON")
}

pub(crate) fn answers(fw: &Frameworks) -> Value {
    let q = &fw.questionnaire;
    let context: Map<String, Value> = q.context.iter().map(|c| (c.id.to_string(), context_schema(c))).collect();
    // A question added after version 1 is not required: a file written before it was not asked.
    let required_context: Vec<&str> =
        q.context.iter().filter(|c| !c.optional && c.since == 1).map(|c| c.id.as_str()).collect();
    let answers: Map<String, Value> = q.questions.iter().map(|x| (x.id.to_string(), question_schema(x))).collect();
    let all_questions: Vec<&str> = q.questions.iter().filter(|x| x.since == 1).map(|x| x.id.as_str()).collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "readiness answer file",
        "description": "Answers to the AI marketing readiness questionnaire (TOML).",
        "type": "object",
        "additionalProperties": false,
        "required": ["context", "answers"],
        "properties": {
            "questionnaire": {
                "description": "The questionnaire version the answers follow; 1 when absent.",
                "type": "integer", "minimum": 1, "maximum": q.version
            },
            "respondent": {
                "description": "Who gave the answers, for a workshop of several respondents; the file name when absent.",
                "type": "object",
                "additionalProperties": false,
                "properties": { "name": free_text(), "role": free_text() }
            },
            "context": { "type": "object", "additionalProperties": false, "required": required_context, "properties": context },
            "answers": { "type": "object", "additionalProperties": false, "required": all_questions, "properties": answers }
        }
    })
}

fn context_schema(c: &ContextQuestion) -> Value {
    let ids: Vec<&str> = c.options.iter().map(|o| o.id.as_str()).collect();
    let mut schema = match c.kind {
        ContextKind::Text => {
            json!({ "type": "string", "minLength": if c.optional { 0 } else { 1 }, "maxLength": 2000 })
        }
        ContextKind::Choice => json!({ "enum": ids }),
        ContextKind::Multi => {
            json!({ "type": "array", "items": { "enum": ids }, "uniqueItems": true, "minItems": if c.optional { 0 } else { 1 } })
        }
        ContextKind::Number => json!({ "type": "integer", "minimum": c.min, "maximum": c.max }),
    };
    if c.allow_dont_know {
        schema = json!({ "oneOf": [schema, { "const": DONT_KNOW }] });
    }
    schema["title"] = json!(c.prompt);
    schema["description"] = json!(c.help);
    schema
}

/// Free text as answer files take it (notes, names).
fn free_text() -> Value {
    json!({ "type": "string", "maxLength": 2000 })
}

fn question_schema(q: &Question) -> Value {
    let levels: Vec<String> = q.levels.iter().enumerate().map(|(i, l)| format!("{i}: {l}")).collect();
    let level = json!({
        "oneOf": [
            { "type": "integer", "minimum": 0, "maximum": q.max_level() },
            { "type": "number", "minimum": 0, "maximum": q.max_level(), "not": { "type": "integer" } },
            { "const": DONT_KNOW }
        ]
    });
    let with_note = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["level"],
        "properties": { "level": level, "note": free_text(), "evidence": free_text() }
    });
    json!({
        "title": q.prompt,
        "description": format!(
            "{}\n{}\nOr \"{DONT_KNOW}\"; a decimal is a level between two (a workshop's mean). \
             With a note: {{ level = 2, note = \"…\", evidence = \"…\" }}.",
            q.help,
            levels.join("\n")
        ),
        "oneOf": [level, with_note]
    })
}
