//! A list to pick from, paged to the terminal's height: one option (a question), several (a
//! multi-choice question) or a row of the review screen. Typing filters the list; Esc clears
//! the filter before it means "back".

use super::layout::Layout;
use super::screen::{Frame, Tone};
use super::{Widget, key_is};
use crate::ask::Reply;
use crate::ask::wrap::{truncate, width, wrap_hanging};
use crossterm::event::{KeyCode, KeyEvent};

/// One entry: what is shown, and the text typing is matched against (lower case).
pub struct Item {
    pub text: String,
    /// Columns of `text` that continuation lines are indented by, to line up under the label
    /// rather than under its number.
    pub hang: usize,
    pub search: String,
}

impl Item {
    pub fn new(text: String, hang: usize, extra_search: &str) -> Item {
        let search = format!("{text} {extra_search}").to_lowercase();
        Item { text, hang, search }
    }
}

/// What was picked: the entry under the cursor (a single choice) and the entries marked (a
/// multi-choice list).
pub struct Picked {
    pub cursor: usize,
    pub marked: Vec<usize>,
}

pub struct List {
    layout: Layout,
    items: Vec<Item>,
    /// Entries cut to one line each (the review screen) rather than wrapped.
    pub one_line: bool,
    /// Marks for a multi-choice list; `None` for a single choice.
    marked: Option<Vec<bool>>,
    required: bool,
    /// Lines shown under the list about the entry under the cursor.
    pub detail: Option<Box<dyn Fn(usize) -> String>>,
    filter: String,
    /// Indices of the entries that match the filter.
    shown: Vec<usize>,
    /// Position in `shown` of the entry under the cursor, and of the first entry on the page.
    cursor: usize,
    top: usize,
    message: Option<String>,
}

impl List {
    pub fn new(layout: Layout, items: Vec<Item>, start: usize) -> List {
        let shown = (0..items.len()).collect();
        let cursor = start.min(items.len().saturating_sub(1));
        List {
            layout,
            items,
            one_line: false,
            marked: None,
            required: false,
            detail: None,
            filter: String::new(),
            shown,
            cursor,
            top: 0,
            message: None,
        }
    }

    pub fn multi(mut self, marked: &[usize], required: bool) -> List {
        self.marked = Some((0..self.items.len()).map(|i| marked.contains(&i)).collect());
        self.required = required;
        self
    }

    fn current(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    fn refilter(&mut self) {
        let keep = self.current();
        let words: Vec<String> = self.filter.to_lowercase().split_whitespace().map(String::from).collect();
        self.shown = (0..self.items.len())
            .filter(|&i| words.iter().all(|w| self.items[i].search.contains(w.as_str())))
            .collect();
        // Stay on the same entry while it still matches; otherwise go to the first match.
        self.cursor = keep.and_then(|k| self.shown.iter().position(|&i| i == k)).unwrap_or(0);
        self.top = 0;
    }

    fn move_by(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    fn rows(&self, i: usize, columns: usize, selected: bool) -> Vec<String> {
        let item = &self.items[i];
        let pointer = if selected { "› " } else { "  " };
        let mark = match &self.marked {
            Some(marks) if marks[i] => "[x] ",
            Some(_) => "[ ] ",
            None => "",
        };
        let first = format!("{pointer}{mark}");
        if self.one_line {
            return vec![format!("{first}{}", truncate(&item.text, columns.saturating_sub(width(&first))))];
        }
        let hang = " ".repeat(width(&first) + item.hang);
        wrap_hanging(&item.text, columns, &first, &hang)
    }

    /// The status line: a message about the last key, what the filter left, or where the page
    /// is in a list longer than the screen.
    fn status(&self, first: usize, last: usize) -> Option<(String, Tone)> {
        if let Some(message) = &self.message {
            return Some((message.clone(), Tone::Warning));
        }
        let filter = &self.filter;
        if self.shown.is_empty() {
            return Some((format!("Nothing matches “{filter}”: backspace or esc clears it."), Tone::Warning));
        }
        let matching = if filter.is_empty() { String::new() } else { format!(" matching “{filter}”") };
        let n = self.shown.len();
        if first > 0 || last + 1 < n {
            Some((format!("{}–{} of {n}{matching} · ↑↓ for more", first + 1, last + 1), Tone::Muted))
        } else if !filter.is_empty() {
            Some((format!("{n} of {}{matching}", self.items.len()), Tone::Muted))
        } else {
            None
        }
    }

    /// The page: entries from `top` that fit in `rows`, moved so the cursor is on it.
    fn page(&mut self, columns: usize, rows: usize) -> (usize, usize) {
        if self.shown.is_empty() {
            return (0, 0);
        }
        let heights: Vec<usize> =
            (0..self.shown.len()).map(|k| self.rows(self.shown[k], columns, k == self.cursor).len()).collect();
        let span = |from: usize, to: usize| heights[from..=to].iter().sum::<usize>();
        self.top = self.top.min(self.cursor);
        while self.top < self.cursor && span(self.top, self.cursor) > rows {
            self.top += 1;
        }
        let mut last = self.top;
        while last + 1 < heights.len() && span(self.top, last + 1) <= rows {
            last += 1;
        }
        // Room left at the end of the list: show earlier entries rather than a gap.
        while self.top > 0 && span(self.top - 1, last) <= rows {
            self.top -= 1;
        }
        (self.top, last)
    }

    /// The detail of the entry under the cursor, at most three lines, padded to the height of
    /// the longest detail so the list does not jump as the cursor moves.
    fn detail_lines(&self, columns: usize) -> Vec<String> {
        const MOST: usize = 3;
        let Some(detail) = &self.detail else { return Vec::new() };
        let lines = |i: usize| wrap_hanging(&detail(i), columns, "  ", "  ");
        let height = self.shown.iter().map(|&i| lines(i).len().min(MOST)).max().unwrap_or(0);
        let mut current = self.current().map(lines).unwrap_or_default();
        if current.len() > MOST {
            // Joining the next line forces the cut, and its mark, onto the last one shown.
            current[MOST - 1] = truncate(&format!("{} {}", current[MOST - 1], current[MOST].trim_start()), columns);
        }
        current.truncate(MOST);
        current.resize(height, String::new());
        current
    }
}

impl Widget for List {
    type Out = Picked;

    fn layout(&mut self) -> &mut Layout {
        &mut self.layout
    }

    fn frame(&mut self, columns: usize, rows: usize) -> Frame {
        let line = columns - 1;
        let detail = self.detail_lines(line);
        let prompt_end = if self.filter.is_empty() { String::new() } else { format!(" {}", self.filter) };
        self.layout.filtering = !self.filter.is_empty();
        let wanted = (0..self.shown.len()).map(|k| self.rows(self.shown[k], line, false).len()).sum();
        let mut parts = self.layout.fit(columns, rows, &prompt_end, detail.len() + 1, wanted);
        let (first, last) = self.page(line, parts.room);
        let mut body: Vec<(String, Tone)> = Vec::new();
        for k in (first..=last).filter(|&k| k < self.shown.len()) {
            let selected = k == self.cursor;
            let tone = if selected { Tone::Selected } else { Tone::Plain };
            body.extend(self.rows(self.shown[k], line, selected).into_iter().map(|r| (r, tone)));
        }
        if let Some((status, tone)) = self.status(first, last) {
            body.push((truncate(&status, line), tone));
        }
        body.extend(detail.into_iter().map(|d| (d, Tone::Muted)));
        parts.body = body;
        parts.into_frame()
    }

    fn key(&mut self, key: KeyEvent) -> Option<Reply<Picked>> {
        self.message = None;
        match key.code {
            _ if key_is(&key, 'c') => return Some(Reply::Interrupt),
            _ if key_is(&key, 'p') => self.move_by(-1),
            _ if key_is(&key, 'n') => self.move_by(1),
            KeyCode::Up => self.move_by(-1),
            KeyCode::Down => self.move_by(1),
            KeyCode::PageUp => self.move_by(-(self.layout.last_room.max(2) as isize - 1)),
            KeyCode::PageDown => self.move_by(self.layout.last_room.max(2) as isize - 1),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.move_by(isize::MAX),
            KeyCode::Esc if self.filter.is_empty() => return Some(Reply::Back),
            KeyCode::Esc => {
                self.filter.clear();
                self.refilter();
            }
            KeyCode::Backspace => {
                self.filter.pop();
                self.refilter();
            }
            KeyCode::Char(' ') if self.marked.is_some() => {
                if let (Some(i), Some(marks)) = (self.current(), self.marked.as_mut()) {
                    marks[i] = !marks[i];
                }
            }
            KeyCode::Char(c) if !super::has_control(&key) => {
                self.filter.push(c);
                self.refilter();
            }
            KeyCode::Enter => return self.confirm(),
            _ => {}
        }
        None
    }
}

impl List {
    fn confirm(&mut self) -> Option<Reply<Picked>> {
        let marks = self.marked.as_deref().unwrap_or_default();
        let marked: Vec<usize> = (0..marks.len()).filter(|&i| marks[i]).collect();
        if self.marked.is_some() && marked.is_empty() && self.required {
            self.message = Some("Choose at least one: space marks the option under the cursor.".into());
            return None;
        }
        match self.current() {
            Some(cursor) => Some(Reply::Answer(Picked { cursor, marked })),
            None if self.marked.is_some() => Some(Reply::Answer(Picked { cursor: 0, marked })),
            None => {
                self.message = Some(format!("Nothing matches “{}”: backspace or esc clears it.", self.filter));
                None
            }
        }
    }
}
