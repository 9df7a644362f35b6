//! Skills: current against required levels, what needs each, and learning paths for the
//! largest gaps, closed the way the team's size suggests.

use super::{Words, left, list_block, new_section, num, paragraph, right, table, wide};
use crate::document::{Block, Section};

pub(crate) fn section(w: &Words, _explain: bool) -> Section {
    let t = &w.text.skills;
    let needed = w.a.skills.iter().filter(|s| s.required > 0);
    let short = needed.clone().filter(|s| s.gap > 0.0).count().to_string();
    let values =
        [("short", &short[..]), ("needed", &needed.count().to_string()), ("approach", &w.a.business.skills_approach)];
    // The largest gap is where the learning starts.
    let largest = largest_gaps(w).next().and_then(|s| {
        let more = [("largest", &s.name[..]), ("current", &num(s.current)), ("required", &s.required.to_string())];
        w.fill(&t.intro_largest, &[&values[..], &more[..]].concat())
    });
    let intro = largest.or_else(|| w.fill(&t.intro, &values));
    let mut blocks: Vec<Block> = intro.into_iter().map(paragraph).collect();
    // A technology not yet running or planned is named with its ring, so the table and the
    // radar tell the same story.
    let requirer = |id: &str| {
        let technology = w.technology(id).map(|x| match x.adoption_timeline.ring {
            crate::frameworks::Ring::InUse | crate::frameworks::Ring::Adopt | crate::frameworks::Ring::Pilot => {
                x.name.to_string()
            }
            ring => format!("{} ({})", x.name, w.ring(ring).to_lowercase()),
        });
        technology.or_else(|| w.a.roadmap.iter().find(|p| p.id == id).map(|p| p.name.to_string()))
    };
    let category = |id: &str| w.g.skill_categories.get(id).map_or(id.to_string(), |c| c.to_string());
    // The table holds the skills short of their level; those at it are named in one line.
    let rows: Vec<Vec<String>> =
        w.a.skills
            .iter()
            .filter(|s| s.required > 0 && s.gap > 0.0)
            .map(|s| {
                let needed: Vec<String> = s.needed_by.iter().filter_map(|id| requirer(id)).collect();
                vec![
                    s.name.to_string(),
                    category(&s.category),
                    num(s.current),
                    s.required.to_string(),
                    num(s.gap),
                    w.list(&needed),
                ]
            })
            .collect();
    let columns = vec![
        left(&t.skill),
        left(&t.category),
        right(&t.current),
        right(&t.required),
        right(&t.gap),
        wide(&t.needed_by),
    ];
    if !rows.is_empty() {
        blocks.push(table(None, columns, rows));
    }
    let met: Vec<&str> = w.a.skills.iter().filter(|s| s.required > 0 && s.gap <= 0.0).map(|s| &s.name[..]).collect();
    blocks.extend(w.fill(&t.met, &[("skills", &w.list(&met))]).map(paragraph));
    let largest: Vec<String> = largest_gaps(w).map(|s| s.name.to_string()).collect();
    match w.fill(&t.paths_in_appendix, &[("skills", &w.list(&largest))]) {
        Some(pointer) => blocks.push(paragraph(pointer)),
        None => blocks.push(paragraph(t.no_gaps.to_string())),
    }
    new_section("skills", &t.title, blocks)
}

/// The skills whose learning paths the report gives: the largest gaps.
fn largest_gaps<'a>(w: &Words<'a>) -> impl Iterator<Item = &'a crate::assessment::SkillGap> {
    w.a.skills.iter().filter(|s| s.gap > 0.0).take(w.text.skills.paths_shown)
}

/// The appendix's definitions: the levels scale and the learning paths of the largest gaps,
/// the same curriculum for every client.
pub(crate) fn definitions(w: &Words) -> Vec<Block> {
    let t = &w.text.skills;
    let levels: Vec<String> =
        w.g.skill_levels.iter().enumerate().map(|(i, l)| format!("{} {}", i + 1, l.to_lowercase())).collect();
    let paths: Vec<String> = largest_gaps(w)
        .filter_map(|s| {
            let path = s.learning_path.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(&t.then);
            w.fill(&t.path, &[("skill", &s.name), ("path", &path), ("project", &s.project)])
        })
        .collect();
    let mut blocks: Vec<Block> =
        w.fill(&t.levels, &[("levels", &w.list(&levels))]).map(paragraph).into_iter().collect();
    if let Some(list) = list_block(paths, false) {
        blocks.extend([paragraph(t.paths.to_string()), list]);
    }
    blocks
}
