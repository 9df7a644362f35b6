//! How an HTML table shares its width among columns: the shares that wrap its cells onto the
//! fewest lines, estimated from their words. A prose column gets the room a column of short
//! values does not need, and no column is narrower than its longest word (a header such as
//! "Exposure" stays whole), so a printed table is as short as its words allow.

use crate::document::{Span, Table};

/// Characters of table text across the whole width: 8 pt type in an Arial-metric face on the
/// 186–192 mm text area of A4 or Letter (about 1.4 mm a character), less nothing else.
const ACROSS: usize = 130;
/// What a cell's padding takes from its width, in characters.
const PADDING: usize = 2;
/// The width is shared out in percent.
const WHOLE: usize = 100;
/// The most a column's longest word may claim, in percent: a long address wraps rather than
/// take the table.
const WORD_AT_MOST: usize = 25;
/// The rows the shares are estimated on: enough to see what a column holds, and a long table
/// costs no more than this to lay out.
const SAMPLE: usize = 200;
/// How far one step of the search moves width from one column to another, in percent.
const STEPS: [usize; 4] = [1, 2, 4, 8];

/// Each column's share of the width in percent, adding up to 100.
pub(super) fn widths(table: &Table) -> Vec<usize> {
    let text = |cell: &[Span]| cell.iter().map(|s| s.text.as_str()).collect::<String>();
    let header: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
    let body = table.rows.iter().take(SAMPLE).map(|row| row.iter().map(|cell| text(cell)).collect());
    let cells = |row: Vec<String>| -> Vec<Vec<usize>> { row.iter().map(|c| words(c)).collect() };
    // A header is bold: its letters are wider, and a column must not break its word.
    let bold = |cell: Vec<usize>| cell.into_iter().map(|w| w + w.div_ceil(4) + 1).collect();
    let header = cells(header).into_iter().map(bold).collect();
    let rows: Vec<Vec<Vec<usize>>> = std::iter::once(header).chain(body.map(cells)).collect();
    shares(&rows, table.columns.len())
}

/// The lengths of a cell's words, in characters.
fn words(cell: &str) -> Vec<usize> {
    cell.split_whitespace().map(|w| w.chars().count()).collect()
}

/// The shares of `columns` columns for rows of cells given as word lengths: from shares in
/// proportion to what each column holds, width moves from one column to another while that
/// saves lines. Each move saves at least one, so the search ends.
fn shares(rows: &[Vec<Vec<usize>>], columns: usize) -> Vec<usize> {
    if columns == 0 {
        return Vec::new();
    }
    let least = least_shares(rows, columns);
    let mut best = starting_shares(rows, &least);
    let mut cost = lines(rows, &best);
    while let Some((moved, saved)) = better_move(rows, &best, &least, cost) {
        best = moved;
        cost = saved;
    }
    best
}

/// Each column's least share: room for its longest word, up to `WORD_AT_MOST`; shrunk evenly
/// when the words of every column together need more than the width.
fn least_shares(rows: &[Vec<Vec<usize>>], columns: usize) -> Vec<usize> {
    let longest = |i: usize| rows.iter().filter_map(|r| r.get(i)).flatten().copied().max().unwrap_or(0);
    let least: Vec<usize> =
        (0..columns).map(|i| ((longest(i) + PADDING) * WHOLE).div_ceil(ACROSS).clamp(1, WORD_AT_MOST)).collect();
    if least.iter().sum::<usize>() <= WHOLE { least } else { vec![(WHOLE / columns).max(1); columns] }
}

/// Shares in proportion to the characters a column holds, each at least its least share, in
/// whole percent adding up to 100: the widest columns give up what rounding gave too much, the
/// widest takes what it gave too little.
fn starting_shares(rows: &[Vec<Vec<usize>>], least: &[usize]) -> Vec<usize> {
    let held = |i: usize| -> usize { rows.iter().filter_map(|r| r.get(i)).flatten().map(|w| w + 1).sum::<usize>() + 1 };
    let total: usize = (0..least.len()).map(held).sum();
    let mut shares: Vec<usize> = least.iter().enumerate().map(|(i, &l)| (WHOLE * held(i) / total).max(l)).collect();
    while shares.iter().sum::<usize>() > WHOLE {
        // The least shares add up to 100 at most, so some column is above its own.
        let Some(widest) = (0..shares.len()).filter(|&i| shares[i] > least[i]).max_by_key(|&i| shares[i]) else {
            break;
        };
        shares[widest] -= 1;
    }
    let short = WHOLE.saturating_sub(shares.iter().sum());
    let widest = (0..shares.len()).max_by_key(|&i| shares[i]).expect("a column");
    shares[widest] += short;
    shares
}

/// The first move of width from one column to another that wraps the rows onto fewer lines
/// than `cost`, with the lines it gives.
fn better_move(
    rows: &[Vec<Vec<usize>>],
    shares: &[usize],
    least: &[usize],
    cost: usize,
) -> Option<(Vec<usize>, usize)> {
    for from in 0..shares.len() {
        for to in (0..shares.len()).filter(|&to| to != from) {
            for step in STEPS.into_iter().take_while(|&step| shares[from] >= least[from] + step) {
                let mut moved = shares.to_vec();
                moved[from] -= step;
                moved[to] += step;
                let saved = lines(rows, &moved);
                if saved < cost {
                    return Some((moved, saved));
                }
            }
        }
    }
    None
}

/// The lines the rows take at these shares: each row as many as its tallest cell.
fn lines(rows: &[Vec<Vec<usize>>], shares: &[usize]) -> usize {
    let room: Vec<usize> = shares.iter().map(|s| (s * ACROSS / WHOLE).saturating_sub(PADDING).max(1)).collect();
    rows.iter().map(|row| row.iter().zip(&room).map(|(cell, &room)| wrapped(cell, room)).max().unwrap_or(1)).sum()
}

/// The lines a cell's words fill at `room` characters a line, filled greedily as a browser
/// does; a word longer than the line breaks across lines.
fn wrapped(words: &[usize], room: usize) -> usize {
    let (mut lines, mut line) = (1, 0);
    for &word in words {
        line = if line == 0 {
            word
        } else if line + 1 + word <= room {
            line + 1 + word
        } else {
            lines += 1;
            word
        };
        while line > room {
            lines += 1;
            line -= room;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[&[&str]]) -> Vec<Vec<Vec<usize>>> {
        rows.iter().map(|r| r.iter().map(|c| words(c)).collect()).collect()
    }

    #[test]
    fn wrapping_counts_lines_as_a_greedy_fill_does() {
        assert_eq!(wrapped(&[], 10), 1);
        assert_eq!(wrapped(&[4, 5], 10), 1, "4 + space + 5 fits in 10");
        assert_eq!(wrapped(&[4, 6], 10), 2);
        assert_eq!(wrapped(&[25], 10), 3, "a long word breaks across three lines of ten");
    }

    #[test]
    fn prose_gets_the_room_short_values_do_not_need() {
        let prose = "a sentence of prose that runs on for a good many words and wraps in a narrow column";
        let rows = cells(&[
            &["Name", "Ring", "Why"],
            &["Lookalike audiences", "Pilot", prose],
            &["Emotion AI", "Hold", prose],
        ]);
        let shares = shares(&rows, 3);
        assert_eq!(shares.iter().sum::<usize>(), 100);
        assert!(shares[2] > shares[0] && shares[2] > shares[1], "{shares:?}");
        assert_eq!(lines(&rows, &shares), 3, "every row on one line: {shares:?}");
        assert!(lines(&rows, &[34, 33, 33]) > 3, "where an even split wraps");
    }

    #[test]
    fn no_column_is_narrower_than_its_longest_word_unless_the_words_do_not_fit() {
        let rows = cells(&[&["Exposure", "Mitigation"], &["62.5", &"word ".repeat(200)]]);
        let shares = shares(&rows, 2);
        assert!(shares[0] * ACROSS / WHOLE >= "Exposure".len() + PADDING, "{shares:?}");
        let crowded = cells(&[&["x".repeat(200).as_str(), "y".repeat(200).as_str(), "z".repeat(200).as_str()]]);
        assert_eq!(least_shares(&crowded, 3), vec![25, 25, 25]);
        let too_many: Vec<&str> = vec!["a-long-header"; 12];
        assert_eq!(
            least_shares(&cells(&[&too_many]), 12),
            vec![8; 12],
            "twelve headers of 13 characters need more than the width"
        );
    }
}
