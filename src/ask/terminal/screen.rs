//! Drawing one prompt at a time below the text already on screen, and reading keys.
//!
//! A prompt is a frame of lines redrawn in place after every key. Every line is cut or wrapped
//! to less than the terminal's width and a frame is never taller than the terminal, so moving
//! the cursor back to the frame's first line always lands there: nothing scrolls off, and no
//! stale copies pile up in the scrollback.

use crossterm::cursor::{Hide, MoveToColumn, MoveUp, Show};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::{Attribute, Color, Print, ResetColor, SetAttribute, SetForegroundColor};
use crossterm::terminal::{Clear, ClearType};
use crossterm::{execute, queue};
use std::io::Write;

/// How a line is drawn. Without colour every tone looks the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// The question and headings.
    Strong,
    /// The option under the cursor.
    Selected,
    /// Help and key hints.
    Muted,
    /// A message about what was typed.
    Warning,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub tone: Tone,
}

impl Line {
    pub fn new(text: impl Into<String>, tone: Tone) -> Line {
        Line { text: text.into(), tone }
    }
}

/// What a prompt shows: its lines and where the typing cursor is (row, column), if anywhere.
#[derive(Debug, Default)]
pub struct Frame {
    pub lines: Vec<Line>,
    pub cursor: Option<(usize, usize)>,
}

impl Frame {
    pub fn push(&mut self, text: impl Into<String>, tone: Tone) {
        self.lines.push(Line::new(text, tone));
    }

    pub fn extend(&mut self, lines: impl IntoIterator<Item = String>, tone: Tone) {
        self.lines.extend(lines.into_iter().map(|text| Line::new(text, tone)));
    }
}

/// The terminal's size in columns and rows, never smaller than what a prompt needs; 80 × 24
/// when the terminal does not say (a serial line, a pty nobody sized).
pub fn size() -> (usize, usize) {
    match crossterm::terminal::size() {
        Ok((columns, rows)) if columns > 0 && rows > 0 => (usize::from(columns).max(20), usize::from(rows).max(6)),
        _ => (80, 24),
    }
}

/// What arrived from the keyboard, with window changes and Ctrl-Z dealt with here.
pub enum Input {
    Key(KeyEvent),
    /// The window changed size or the program was resumed: draw everything afresh.
    Redraw,
}

pub struct Screen {
    colour: bool,
    /// The row of the drawn frame that holds the terminal cursor; `None` when nothing is drawn.
    cursor_row: Option<usize>,
}

impl Screen {
    pub fn new(colour: bool) -> Screen {
        Screen { colour, cursor_row: None }
    }

    /// Replaces the frame on screen with `frame`.
    pub fn draw(&mut self, frame: &Frame) -> std::io::Result<()> {
        let mut out = std::io::stderr().lock();
        queue!(out, Hide)?;
        self.erase(&mut out)?;
        for (i, line) in frame.lines.iter().enumerate() {
            if i > 0 {
                queue!(out, Print("\r\n"))?;
            }
            self.print(&mut out, line)?;
        }
        let last = frame.lines.len().saturating_sub(1);
        let (row, column) = frame.cursor.unwrap_or((last, 0));
        if last > row {
            queue!(out, MoveUp((last - row) as u16))?;
        }
        queue!(out, MoveToColumn(column as u16))?;
        if frame.cursor.is_some() {
            queue!(out, Show)?;
        }
        out.flush()?;
        self.cursor_row = Some(row);
        Ok(())
    }

    /// Replaces the frame with `lines` that stay on screen (the question and its answer), and
    /// moves below them.
    pub fn finish(&mut self, lines: &[Line]) -> std::io::Result<()> {
        let mut out = std::io::stderr().lock();
        self.erase(&mut out)?;
        for line in lines {
            self.print(&mut out, line)?;
            queue!(out, Print("\r\n"))?;
        }
        queue!(out, Show)?;
        out.flush()?;
        self.cursor_row = None;
        Ok(())
    }

    /// Waits for a key press. A resize clears the screen so the next frame starts at the top;
    /// Ctrl-Z suspends the program as in any shell command.
    pub fn read(&mut self) -> std::io::Result<Input> {
        loop {
            match crossterm::event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL) {
                        self.suspend()?;
                        return Ok(Input::Redraw);
                    }
                    return Ok(Input::Key(key));
                }
                Event::Resize(..) => {
                    execute!(std::io::stderr(), Clear(ClearType::All), crossterm::cursor::MoveTo(0, 0))?;
                    self.cursor_row = None;
                    return Ok(Input::Redraw);
                }
                _ => {}
            }
        }
    }

    #[cfg(unix)]
    fn suspend(&mut self) -> std::io::Result<()> {
        self.finish(&[])?;
        crossterm::terminal::disable_raw_mode()?;
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        crossterm::terminal::enable_raw_mode()
    }

    #[cfg(not(unix))]
    fn suspend(&mut self) -> std::io::Result<()> {
        Ok(())
    }

    fn erase(&self, out: &mut impl Write) -> std::io::Result<()> {
        if let Some(row) = self.cursor_row {
            queue!(out, MoveToColumn(0))?;
            if row > 0 {
                queue!(out, MoveUp(row as u16))?;
            }
            queue!(out, Clear(ClearType::FromCursorDown))?;
        }
        Ok(())
    }

    fn print(&self, out: &mut impl Write, line: &Line) -> std::io::Result<()> {
        let style = match line.tone {
            _ if !self.colour => None,
            Tone::Plain => None,
            Tone::Strong => Some((None, Attribute::Bold)),
            Tone::Selected => Some((Some(Color::Cyan), Attribute::Bold)),
            Tone::Muted => Some((Some(Color::DarkCyan), Attribute::NormalIntensity)),
            Tone::Warning => Some((Some(Color::Yellow), Attribute::NormalIntensity)),
        };
        match style {
            None => queue!(out, Print(&line.text)),
            Some((colour, attribute)) => {
                if let Some(colour) = colour {
                    queue!(out, SetForegroundColor(colour))?;
                }
                queue!(out, SetAttribute(attribute), Print(&line.text), SetAttribute(Attribute::Reset), ResetColor)
            }
        }
    }
}

/// Raw mode for as long as a prompt runs; the terminal is restored however the prompt ends.
pub struct RawMode;

impl RawMode {
    pub fn enable() -> std::io::Result<RawMode> {
        crossterm::terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
        let _ = execute!(std::io::stderr(), Show);
    }
}
