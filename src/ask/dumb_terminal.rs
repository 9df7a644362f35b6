//! The [`Prompter`] for a terminal that cannot move its cursor or show colour (`TERM=dumb`,
//! an editor's shell buffer): every question is printed once, options numbered, and answered
//! by typing a line. "b" goes back, "q" stops with every answer saved, Enter alone keeps the
//! current answer.

use super::wrap::wrap_hanging;
use super::{Ask, Choice, NumberRange, Prompter, Reply, Review};
use std::io::BufRead;

pub(crate) struct Plain {
    columns: usize,
}

impl Plain {
    pub(crate) fn new() -> Plain {
        Plain { columns: super::columns() }
    }

    fn print(&self, text: &str) {
        super::tell(text);
    }

    fn header(&self, ask: &Ask) {
        eprintln!();
        self.print(&format!("{} · question {} of {}", ask.section, ask.position, ask.total));
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
            eprint!("{hint} (b back · q save and stop): ");
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

fn keeps(current: Option<String>) -> String {
    current.map(|c| format!("; enter keeps {c}")).unwrap_or_default()
}

impl Prompter for Plain {
    fn back_and_stop(&self) -> &'static str {
        "Typing b goes back to the previous question; q stops"
    }

    fn say(&mut self, text: &str) {
        eprintln!();
        self.print(text);
    }

    fn choose(&mut self, ask: &Ask, options: &[Choice], default: Option<usize>) -> anyhow::Result<Reply<usize>> {
        self.header(ask);
        self.options(options);
        let hint = format!("Answer{}", keeps(default.map(|i| options[i].key.clone())));
        self.ask(&hint, |text| match (text, default) {
            ("", Some(i)) => Ok(i),
            _ => find(options, text).ok_or_else(|| format!("Type one of {}.", keys(options))),
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
        let hint = format!("Answers, separated by spaces{}", keeps(current.map(|k: Vec<String>| k.join(" "))));
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
                _ => Err(format!("Type one or more of {}.", keys(options))),
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
        let dont_know = if range.dont_know { ", or ? for don't know" } else { "" };
        let hint = format!("A whole number from {} to {}{dont_know}{}", range.min, range.max, keeps(current));
        self.ask(&hint, |text| match (text, default) {
            ("", Some(n)) => Ok(n),
            _ => range.read(text),
        })
    }

    fn text(&mut self, ask: &Ask, default: Option<&str>, required: bool) -> anyhow::Result<Reply<String>> {
        self.header(ask);
        let optional = if required { "" } else { " (optional: enter skips)" };
        let hint = format!("Answer{optional}{}", keeps(default.map(|d| format!("“{d}”"))));
        self.ask(&hint, |text| match (text, default) {
            ("", Some(d)) => Ok(d.to_string()),
            (text, _) => super::text_problem(text, required).map_or(Ok(text.to_string()), Err),
        })
    }

    fn review(&mut self, review: &Review) -> anyhow::Result<Reply<Option<usize>>> {
        eprintln!();
        self.print(&format!("Review · {}", review.summary));
        for l in &review.lines {
            let first = format!("  {:>2}  ", l.number);
            let text = format!("{} · {}: {}", l.section, l.question, l.answer);
            for line in wrap_hanging(&text, self.columns - 1, &first, "      ") {
                eprintln!("{line}");
            }
        }
        let count = review.lines.len();
        self.ask("Enter scores these answers; a number changes that answer", |text| match text {
            "" => Ok(None),
            _ => match text.parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => Ok(Some(n - 1)),
                _ => Err(format!("Type a number from 1 to {count}, or press enter to score.")),
            },
        })
    }

    fn menu(&mut self, message: &str, options: &[String]) -> anyhow::Result<Reply<usize>> {
        eprintln!();
        self.print(message);
        let choices: Vec<Choice> =
            options.iter().enumerate().map(|(i, o)| Choice { key: (i + 1).to_string(), label: o.clone() }).collect();
        self.options(&choices);
        self.ask("Answer; enter keeps 1", |text| match text {
            "" => Ok(0),
            _ => find(&choices, text).ok_or_else(|| format!("Type one of {}.", keys(&choices))),
        })
    }
}
