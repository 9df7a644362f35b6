//! The [`Prompter`] for a terminal that cannot move its cursor or show colour (`TERM=dumb`,
//! an editor's shell buffer): every question is printed once, options numbered, and answered
//! by typing a line. "b" goes back, "q" stops with every answer saved, Enter alone keeps the
//! current answer.

use super::wrap::wrap_hanging;
use super::{Ask, Choice, NumberRange, Prompter, Reply, Review, say};
use crate::frameworks::{AskText, LineByLineText, ReportText};
use std::io::BufRead;
use std::sync::Arc;

pub(crate) struct Plain {
    columns: usize,
    /// The words of `report.toml`, for its `[ask]` table.
    words: Arc<ReportText>,
}

impl Plain {
    pub(crate) fn new(words: Arc<ReportText>) -> Plain {
        Plain { columns: super::columns(), words }
    }

    fn ask_words(&self) -> &AskText {
        &self.words.ask
    }

    fn own(&self) -> &LineByLineText {
        &self.words.ask.line_by_line
    }

    /// "; enter keeps 2" where there is a current answer.
    fn keeps(&self, current: Option<String>) -> String {
        current.map(|c| say(&self.own().keeps, &[("current", &c)])).unwrap_or_default()
    }

    /// "Type one of 1, 2, ?.", or of one or more.
    fn type_keys(&self, template: &str, options: &[Choice]) -> String {
        say(template, &[("keys", &keys(options))])
    }

    fn print(&self, text: &str) {
        super::tell(text);
    }

    fn header(&self, ask: &Ask) {
        eprintln!();
        self.print(&super::heading(ask, self.ask_words()));
        for line in wrap_hanging(ask.help, self.columns - 1, "  ", "  ") {
            eprintln!("{line}");
        }
        self.print(&format!("? {}", ask.prompt));
    }

    fn options(&self, options: &[Choice]) {
        let key_width = options.iter().map(|o| o.key.chars().count()).max().unwrap_or(1);
        for o in options {
            let first = format!("  {:>key_width$}  ", o.key);
            for line in wrap_hanging(&o.label, self.columns - 1, &first, &" ".repeat(key_width + 4)) {
                eprintln!("{line}");
            }
        }
    }

    /// Reads lines until `read` accepts one; "b", "q" and the end of input are handled here.
    fn ask<T>(&self, hint: &str, mut read: impl FnMut(&str) -> Result<T, String>) -> anyhow::Result<Reply<T>> {
        loop {
            eprint!("{}", say(&self.own().prompt, &[("hint", hint)]));
            let mut line = String::new();
            // A hang-up reads as an error or as an end of input; Ctrl-D alone stops as "q" does.
            let Ok(count) = std::io::stdin().lock().read_line(&mut line) else { super::signals::hang_up() };
            if super::signals::hung_up() {
                super::signals::hang_up();
            }
            if count == 0 {
                eprintln!();
                return Ok(Reply::Interrupt);
            }
            match line.trim() {
                "b" => return Ok(Reply::Back),
                "q" => return Ok(Reply::Interrupt),
                text => match read(text) {
                    Ok(value) => return Ok(Reply::Answer(value)),
                    Err(message) => self.print(&message),
                },
            }
        }
    }
}

/// The index of the option whose key was typed.
fn find(options: &[Choice], text: &str) -> Option<usize> {
    options.iter().position(|o| o.key.eq_ignore_ascii_case(text))
}

fn keys(options: &[Choice]) -> String {
    options.iter().map(|o| o.key.as_str()).collect::<Vec<_>>().join(", ")
}

impl Prompter for Plain {
    fn back_and_stop<'w>(&self, words: &'w AskText) -> &'w str {
        &words.line_by_line.back_and_stop
    }

    fn say(&mut self, text: &str) {
        eprintln!();
        self.print(text);
    }

    fn choose(&mut self, ask: &Ask, options: &[Choice], default: Option<usize>) -> anyhow::Result<Reply<usize>> {
        self.header(ask);
        self.options(options);
        let hint = format!("{}{}", self.own().answer, self.keeps(default.map(|i| options[i].key.clone())));
        self.ask(&hint, |text| match (text, default) {
            ("", Some(i)) => Ok(i),
            _ => find(options, text).ok_or_else(|| self.type_keys(&self.own().type_one, options)),
        })
    }

    fn choose_many(
        &mut self,
        ask: &Ask,
        options: &[Choice],
        defaults: &[usize],
        required: bool,
    ) -> anyhow::Result<Reply<Vec<usize>>> {
        self.header(ask);
        self.options(options);
        let current = (!defaults.is_empty()).then(|| defaults.iter().map(|&i| options[i].key.clone()).collect());
        let hint = format!("{}{}", self.own().answers, self.keeps(current.map(|k: Vec<String>| k.join(" "))));
        self.ask(&hint, |text| {
            if text.is_empty() && (!defaults.is_empty() || !required) {
                return Ok(defaults.to_vec());
            }
            let chosen: Option<Vec<usize>> =
                text.split([',', ' ']).filter(|k| !k.is_empty()).map(|k| find(options, k)).collect();
            match chosen {
                Some(mut chosen) if !chosen.is_empty() => {
                    chosen.sort_unstable();
                    chosen.dedup();
                    Ok(chosen)
                }
                _ => Err(self.type_keys(&self.own().type_some, options)),
            }
        })
    }

    fn number(
        &mut self,
        ask: &Ask,
        range: NumberRange,
        default: Option<Option<i64>>,
    ) -> anyhow::Result<Reply<Option<i64>>> {
        self.header(ask);
        let current = default.map(|n| n.map_or("?".to_string(), |n| n.to_string()));
        let number = say(&self.own().number, &[("range", &range.words(self.ask_words()))]);
        let hint = format!("{number}{}", self.keeps(current));
        self.ask(&hint, |text| match (text, default) {
            ("", Some(n)) => Ok(n),
            _ => range.read(text, self.ask_words()),
        })
    }

    fn text(&mut self, ask: &Ask, default: Option<&str>, required: bool) -> anyhow::Result<Reply<String>> {
        self.header(ask);
        let optional = if required { "" } else { &self.ask_words().optional };
        let quoted = default.map(|d| say(&self.own().quoted, &[("text", d)]));
        let hint = format!("{}{optional}{}", self.own().answer, self.keeps(quoted));
        self.ask(&hint, |text| match (text, default) {
            ("", Some(d)) => Ok(d.to_string()),
            (text, _) => super::text_problem(text, required, self.ask_words()).map_or(Ok(text.to_string()), Err),
        })
    }

    fn review(&mut self, review: &Review) -> anyhow::Result<Reply<Option<usize>>> {
        eprintln!();
        self.print(&say(&self.ask_words().review, &[("summary", &review.summary)]));
        for l in &review.lines {
            let first = format!("  {:>2}  ", l.number);
            let text = format!("{} · {}: {}", l.section, l.question, l.answer);
            for line in wrap_hanging(&text, self.columns - 1, &first, "      ") {
                eprintln!("{line}");
            }
        }
        let count = review.lines.len();
        self.ask(&self.own().review_keys, |text| match text {
            "" => Ok(None),
            _ => match text.parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => Ok(Some(n - 1)),
                _ => Err(say(&self.own().review_problem, &[("count", &count.to_string())])),
            },
        })
    }

    fn menu(&mut self, message: &str, options: &[String]) -> anyhow::Result<Reply<usize>> {
        eprintln!();
        self.print(message);
        let choices: Vec<Choice> =
            options.iter().enumerate().map(|(i, o)| Choice { key: (i + 1).to_string(), label: o.clone() }).collect();
        self.options(&choices);
        let hint = format!("{}{}", self.own().answer, self.keeps(choices.first().map(|c| c.key.clone())));
        self.ask(&hint, |text| match text {
            "" => Ok(0),
            _ => find(&choices, text).ok_or_else(|| self.type_keys(&self.own().type_one, &choices)),
        })
    }
}
