//! The appendices: the methodology as applied (filled from the scoring rules), every answer,
//! and the sources cited.

use super::summary::source;
use super::{Words, left, list_block, notes, paragraph, table, wide, workshop};
use crate::assessment::SourceRef;
use crate::document::{Block, Section};

/// One section, so the appendices print one after another rather than a page each.
pub(crate) fn sections(w: &Words, technologies: bool, skills: bool) -> Vec<Section> {
    let t = &w.text.appendix;
    let mut blocks = vec![Block::Heading(t.methodology.to_string())];
    blocks.extend(methodology(w));
    // What made the report is part of its method, not of the client's pages.
    let made = w.fill(&w.text.generator, &[("generator", &w.a.generator), ("date", &w.date(w.a.as_of))]);
    blocks.extend(made.map(|m| paragraph(&m)));
    blocks.push(Block::Heading(t.answers.to_string()));
    blocks.extend(answers(w));
    blocks.push(Block::Heading(t.sources.to_string()));
    blocks.extend(sources(w));
    if skills {
        blocks.push(Block::Heading(t.definitions.to_string()));
        blocks.extend(super::skills::definitions(w));
    }
    let evidence = super::technologies::evidence_blocks(w);
    if technologies && !evidence.is_empty() {
        blocks.push(Block::Heading(t.evidence.to_string()));
        blocks.push(paragraph(t.evidence_intro.to_string()));
        blocks.extend(evidence);
    }
    vec![Section { anchor: "appendix".to_string(), title: t.title.to_string(), blocks, appendix: true }]
}

/// The methodology paragraphs; a run of gates (lines ending in `;` or `.` after a colon) is a
/// list under the paragraph that introduces it.
fn methodology(w: &Words) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut items: Vec<String> = Vec::new();
    for text in &w.methodology() {
        let is_item = text.starts_with(|c: char| c.is_lowercase());
        if is_item {
            items.push(text.to_string());
            continue;
        }
        blocks.extend(list_block(std::mem::take(&mut items), false));
        blocks.push(paragraph(text.to_string()));
    }
    blocks.extend(list_block(items, false));
    blocks
}

fn answers(w: &Words) -> Vec<Block> {
    let t = &w.text.appendix;
    let context = w.a.context.iter().map(|c| vec![c.prompt.to_string(), c.value.to_string()]);
    let readiness = w.a.answers.iter().map(|x| {
        let contribution =
            w.a.readiness.dimensions.iter().flat_map(|d| &d.contributions).find(|c| c.question == x.question);
        let top = contribution.map_or(0, |c| c.max_level);
        let answer = match x.answer.level() {
            Some(level) if !x.description.is_empty() => {
                let (level, top) = (crate::report::num(level), top.to_string());
                let values = [("level", level.as_str()), ("top", top.as_str()), ("text", x.description.as_str())];
                w.fill(&w.text.level, &values).unwrap_or_default()
            }
            _ => w.answer(x.answer, top, x.asked),
        };
        let answer = match workshop::by_respondent(w, &x.question) {
            Some(levels) => format!("{answer} {levels}"),
            None => answer,
        };
        // A question the workshop must discuss has its notes in that list already.
        let discussed = w.a.workshop.as_ref().is_some_and(|ws| ws.discuss.iter().any(|q| q.question == x.question));
        let answer = if discussed { answer } else { notes::after(w, answer, [&x.question[..]]) };
        vec![x.prompt.to_string(), answer]
    });
    let rows = context.chain(readiness).collect();
    vec![table(None, vec![left(&t.question), wide(&t.answer)], rows)]
}

/// Every source the report cites, once, in the order first cited: Appendix C numbers them so
/// Appendix E can cite by number.
pub(crate) fn cited<'a>(w: &Words<'a>) -> Vec<&'a SourceRef> {
    let mut seen: Vec<&SourceRef> = Vec::new();
    for s in w.a.sources() {
        if !seen.iter().any(|x| x.id == s.id) {
            seen.push(s);
        }
    }
    seen
}

/// A source as the body cites it: who published it and its number in Appendix C.
pub(crate) fn cite(w: &Words, s: &SourceRef) -> String {
    let number = number(w, &s.id).unwrap_or_default();
    let by = s.publisher.as_ref().or(s.author.as_ref());
    let values = [("by", by.map_or("", |b| b.as_str())), ("number", &number)];
    w.fill(&w.text.appendix.cite, &values)
        .or_else(|| w.fill(&w.text.appendix.cite_number, &values[1..]))
        .unwrap_or_default()
}

/// A source's number in Appendix C.
pub(crate) fn number(w: &Words, id: &str) -> Option<String> {
    cited(w).iter().position(|s| s.id == id).map(|n| (n + 1).to_string())
}

fn sources(w: &Words) -> Vec<Block> {
    let t = &w.text.appendix;
    let seen = cited(w);
    let kind = |s: &SourceRef| t.kinds.get(s.kind.id()).map_or(String::new(), |k| k.to_string());
    let address = |s: &SourceRef| s.address.as_ref().map_or(String::new(), |a| a.to_string());
    let items = seen
        .iter()
        .filter_map(|s| w.fill(&t.source, &[("source", &source(w, s)), ("kind", &kind(s)), ("address", &address(s))]))
        .collect();
    list_block(items, true).into_iter().collect()
}
