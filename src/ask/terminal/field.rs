//! A one-line answer typed in (a name, a number), checked on Enter.

use super::layout::Layout;
use super::screen::{Frame, Tone};
use super::{Widget, has_control, key_is};
use crate::ask::Reply;
use crate::ask::wrap::{clean, width};
use crossterm::event::{KeyCode, KeyEvent};

/// Reads the typed text as an answer, or says what is wrong with it.
pub type Check<'a, T> = Box<dyn Fn(&str) -> Result<T, String> + 'a>;

pub struct Field<'a, T> {
    layout: Layout,
    chars: Vec<char>,
    /// The cursor, as an index into `chars`.
    at: usize,
    check: Check<'a, T>,
    message: Option<String>,
}

impl<'a, T> Field<'a, T> {
    pub fn new(layout: Layout, initial: &str, check: Check<'a, T>) -> Field<'a, T> {
        let chars: Vec<char> = clean(initial).replace('\n', " ").chars().collect();
        Field { layout, at: chars.len(), chars, check, message: None }
    }

    /// The typed text around the cursor, cut to `columns`, and the cursor's column in it.
    fn visible(&self, columns: usize) -> (String, usize) {
        let before: String = self.chars[..self.at].iter().collect();
        let after: String = self.chars[self.at..].iter().collect();
        let mut start = 0;
        while width(&before[start..]) >= columns {
            start += before[start..].chars().next().map_or(1, char::len_utf8);
        }
        let shown_before = &before[start..];
        let mut shown = shown_before.to_string();
        for c in after.chars() {
            if width(&shown) + width(&c.to_string()) > columns {
                break;
            }
            shown.push(c);
        }
        (shown, width(shown_before))
    }
}

impl<T> Widget for Field<'_, T> {
    type Out = T;

    fn layout(&mut self) -> &mut Layout {
        &mut self.layout
    }

    fn frame(&mut self, columns: usize, rows: usize) -> Frame {
        let reserve = usize::from(self.message.is_some());
        let mut parts = self.layout.fit(columns, rows, "", reserve, 1);
        let (shown, column) = self.visible(columns - 3);
        parts.body.push((format!("› {shown}"), Tone::Selected));
        parts.body_cursor = Some((0, 2 + column));
        if let Some(message) = &self.message {
            parts.body.push((crate::ask::wrap::truncate(message, columns - 1), Tone::Warning));
        }
        parts.into_frame()
    }

    fn key(&mut self, key: KeyEvent) -> Option<Reply<T>> {
        self.message = None;
        match key.code {
            _ if key_is(&key, 'c') => return Some(Reply::Interrupt),
            _ if key_is(&key, 'a') => self.at = 0,
            _ if key_is(&key, 'e') => self.at = self.chars.len(),
            _ if key_is(&key, 'u') => {
                self.chars.drain(..self.at);
                self.at = 0;
            }
            KeyCode::Esc => return Some(Reply::Back),
            KeyCode::Enter => {
                let text: String = self.chars.iter().collect();
                match (self.check)(&text) {
                    Ok(value) => return Some(Reply::Answer(value)),
                    Err(message) => self.message = Some(message),
                }
            }
            KeyCode::Left => self.at = self.at.saturating_sub(1),
            KeyCode::Right => self.at = (self.at + 1).min(self.chars.len()),
            KeyCode::Home => self.at = 0,
            KeyCode::End => self.at = self.chars.len(),
            KeyCode::Backspace if self.at > 0 => {
                self.at -= 1;
                self.chars.remove(self.at);
            }
            KeyCode::Delete if self.at < self.chars.len() => {
                self.chars.remove(self.at);
            }
            KeyCode::Char(c) if !has_control(&key) && !c.is_control() => {
                self.chars.insert(self.at, c);
                self.at += 1;
            }
            _ => {}
        }
        None
    }
}
