//! The [`Prompter`] for a terminal that can move its cursor: each question is drawn in place,
//! fitted to the window, and replaced by a one-line record of the answer once given.

mod field;
mod layout;
mod list;
mod screen;

pub use screen::size;

use super::wrap::{truncate, width, wrap_hanging};
use super::{Ask, Choice, NumberRange, Prompter, Reply, Review};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use field::{Check, Field};
use layout::{BACK, Layout};
use list::{Item, List};
use screen::{Input, Line, RawMode, Screen, Tone};

/// A prompt drawn from its state and changed by keys until it gives a reply.
trait Widget {
    type Out;
    fn layout(&mut self) -> &mut Layout;
    fn frame(&mut self, columns: usize, rows: usize) -> screen::Frame;
    fn key(&mut self, key: KeyEvent) -> Option<Reply<Self::Out>>;
}

/// Ctrl plus `c`.
fn key_is(key: &KeyEvent, c: char) -> bool {
    key.code == KeyCode::Char(c) && key.modifiers.contains(KeyModifiers::CONTROL)
}

fn has_control(key: &KeyEvent) -> bool {
    key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

const STOP: &str = "ctrl-c save and stop";

pub struct Terminal {
    screen: Screen,
    /// Whether the text last printed ends with a blank line, so a prompt needs none above it.
    spaced: bool,
}

impl Terminal {
    pub fn new(colour: bool) -> Terminal {
        Terminal { screen: Screen::new(colour), spaced: false }
    }

    /// Runs `widget` until it replies; the caller then replaces it with a record of the reply.
    fn run<W: Widget>(&mut self, widget: &mut W) -> anyhow::Result<Reply<W::Out>> {
        widget.layout().space_above = !std::mem::take(&mut self.spaced);
        let _raw = RawMode::enable().map_err(no_terminal)?;
        loop {
            let (columns, rows) = screen::size();
            self.screen.draw(&widget.frame(columns, rows)).map_err(no_terminal)?;
            match self.screen.read().map_err(no_terminal)? {
                Input::Key(key) => {
                    if let Some(reply) = widget.key(key) {
                        return Ok(reply);
                    }
                }
                Input::Redraw => {}
            }
        }
    }

    /// Replaces the prompt with a record of what happened to it.
    fn record<T>(&mut self, ask: &Ask, reply: &Reply<T>, answer: impl FnOnce(&T) -> String) -> anyhow::Result<()> {
        let (columns, _) = screen::size();
        let record = match reply {
            Reply::Answer(value) => {
                lines(&format!("✔ {}/{} {} · {}", ask.position, ask.total, ask.prompt, answer(value)), Tone::Plain)
            }
            Reply::Back => vec![Line::new(truncate(&format!("← {}", ask.prompt), columns - 1), Tone::Muted)],
            Reply::Interrupt => Vec::new(),
        };
        self.screen.finish(&record).map_err(no_terminal)
    }

    fn question(ask: &Ask, keys: &[&str], extra: &[&str]) -> Layout {
        let mut layout = Layout::new(ask.prompt).keys(keys, extra);
        layout.heading = Some(format!("{} · question {} of {}", ask.section, ask.position, ask.total));
        layout.help = Some(ask.help.to_string());
        layout
    }
}

/// `text` wrapped to the terminal, as lines to leave on screen.
fn lines(text: &str, tone: Tone) -> Vec<Line> {
    let (columns, _) = screen::size();
    if text.is_empty() {
        return Vec::new();
    }
    wrap_hanging(text, columns - 1, "", "  ").into_iter().map(|l| Line::new(l, tone)).collect()
}

fn no_terminal(e: std::io::Error) -> anyhow::Error {
    anyhow::anyhow!("the questionnaire could not use the terminal: {e}")
}

/// An option as shown: "3 · label" for numbered options, the label alone otherwise.
fn item(choice: &Choice) -> Item {
    if choice.key.chars().all(|c| c.is_ascii_digit()) {
        let number = format!("{} · ", choice.key);
        Item::new(format!("{number}{}", choice.label), width(&number), "")
    } else {
        Item::new(choice.label.clone(), 0, "")
    }
}

/// "Score these answers", then one row per answer: number, section (cut to a quarter of the
/// width, or 16 columns), answer. Typing matches the question too.
fn review_items(review: &Review) -> Vec<Item> {
    let (columns, _) = screen::size();
    let longest = review.lines.iter().map(|l| width(&l.section)).max().unwrap_or(0);
    let section_width = longest.min((columns / 4).max(16));
    let score = Item::new("✔ Score these answers".to_string(), 0, "");
    let rows = review.lines.iter().map(|l| {
        let section = truncate(&l.section, section_width);
        let pad = " ".repeat(section_width - width(&section));
        Item::new(format!("{:>2}  {section}{pad}  {}", l.number, l.answer), 0, &l.question)
    });
    std::iter::once(score).chain(rows).collect()
}

fn label(options: &[Choice], i: usize) -> String {
    item(&options[i]).text
}

impl Prompter for Terminal {
    fn say(&mut self, text: &str) {
        if !self.spaced {
            eprintln!();
        }
        super::tell(text);
        eprintln!();
        self.spaced = true;
    }

    fn choose(&mut self, ask: &Ask, options: &[Choice], default: Option<usize>) -> anyhow::Result<Reply<usize>> {
        let layout = Self::question(ask, &["↑↓ move", "enter choose", BACK, STOP], &["type to filter"]);
        let mut list = List::new(layout, options.iter().map(item).collect(), default.unwrap_or(0));
        let reply = self.run(&mut list)?.map(|picked| picked.cursor);
        self.record(ask, &reply, |&i| label(options, i))?;
        Ok(reply)
    }

    fn choose_many(
        &mut self,
        ask: &Ask,
        options: &[Choice],
        defaults: &[usize],
        required: bool,
    ) -> anyhow::Result<Reply<Vec<usize>>> {
        let keys = ["↑↓ move", "space mark", "enter confirm", BACK, STOP];
        let layout = Self::question(ask, &keys, &["type to filter"]);
        let items = options.iter().map(|c| Item::new(c.label.clone(), 0, &c.key)).collect();
        let mut list = List::new(layout, items, defaults.first().copied().unwrap_or(0)).multi(defaults, required);
        let reply = self.run(&mut list)?.map(|picked| picked.marked);
        self.record(ask, &reply, |chosen| {
            let labels: Vec<&str> = chosen.iter().map(|&i| options[i].label.as_str()).collect();
            if labels.is_empty() { "none".to_string() } else { labels.join(", ") }
        })?;
        Ok(reply)
    }

    fn number(
        &mut self,
        ask: &Ask,
        range: NumberRange,
        default: Option<Option<i64>>,
    ) -> anyhow::Result<Reply<Option<i64>>> {
        let bounds = format!("a whole number from {} to {}", range.min, range.max);
        let dont_know = if range.dont_know { "? don't know" } else { "" };
        let keys: Vec<&str> =
            [bounds.as_str(), dont_know, "enter confirm", BACK, STOP].into_iter().filter(|k| !k.is_empty()).collect();
        let layout = Self::question(ask, &keys, &[]);
        let initial = match default {
            Some(Some(n)) => n.to_string(),
            Some(None) => "?".to_string(),
            None => String::new(),
        };
        let check: Check<Option<i64>> = Box::new(move |text| range.read(text));
        let reply = self.run(&mut Field::new(layout, &initial, check))?;
        self.record(ask, &reply, |n| n.map_or("Don't know".to_string(), |n| n.to_string()))?;
        Ok(reply)
    }

    fn text(&mut self, ask: &Ask, default: Option<&str>, required: bool) -> anyhow::Result<Reply<String>> {
        let mut layout = Self::question(ask, &["enter confirm", BACK, STOP], &[]);
        if !required {
            layout.prompt = format!("{} (optional: enter skips)", ask.prompt);
        }
        let check: Check<String> = Box::new(move |text| match text.trim() {
            "" if required => Err("This cannot be empty.".to_string()),
            text => Ok(text.to_string()),
        });
        let reply = self.run(&mut Field::new(layout, default.unwrap_or(""), check))?;
        self.record(ask, &reply, |text| if text.is_empty() { "(none)".to_string() } else { text.clone() })?;
        Ok(reply)
    }

    fn review(&mut self, review: &Review) -> anyhow::Result<Reply<Option<usize>>> {
        let keys = ["↑↓ move", "enter change or score", STOP];
        let mut layout =
            Layout::new("Pick an answer to change, or score these answers.").keys(&keys, &["type to filter"]);
        layout.heading = Some(format!("Review · {}", review.summary));
        let start = review.cursor.map_or(0, |i| i + 1);
        let mut list = List::new(layout, review_items(review), start);
        list.one_line = true;
        let rows = review.lines.clone();
        list.detail = Some(Box::new(move |i| match i.checked_sub(1).and_then(|i| rows.get(i)) {
            Some(l) => format!("{} · {} — {}", l.number, l.question, l.answer),
            None => "Scores the answers and shows the report; every answer stays in the session file.".to_string(),
        }));
        let reply = self.run(&mut list)?.map(|picked| picked.cursor.checked_sub(1));
        let record = match reply {
            Reply::Answer(None) => format!("✔ Scored: {}", review.summary),
            _ => String::new(),
        };
        self.screen.finish(&lines(&record, Tone::Plain)).map_err(no_terminal)?;
        Ok(reply)
    }

    fn menu(&mut self, message: &str, options: &[String]) -> anyhow::Result<Reply<usize>> {
        let layout = Layout::new(message).keys(&["↑↓ move", "enter choose"], &[]);
        let items = options.iter().map(|o| Item::new(o.clone(), 0, "")).collect();
        let reply = self.run(&mut List::new(layout, items, 0))?.map(|picked| picked.cursor);
        let record = match &reply {
            Reply::Answer(i) => format!("✔ {}", options[*i]),
            _ => String::new(),
        };
        self.screen.finish(&lines(&record, Tone::Plain)).map_err(no_terminal)?;
        Ok(reply)
    }
}
