//! The [`Prompter`] for a real terminal, built on inquire. Esc (inquire's "canceled") means
//! back and Ctrl-C ("interrupted") means stop; both are turned into a [`Reply`].

use super::{Ask, Prompter, Reply, ReviewLine};
use inquire::error::InquireError;
use inquire::validator::Validation;
use inquire::{CustomType, MultiSelect, Select, Text};

pub struct Terminal;

impl Terminal {
    /// A terminal prompter; plain, without colour, when `NO_COLOR` is set.
    pub fn new() -> Terminal {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            inquire::set_global_render_config(inquire::ui::RenderConfig::empty());
        }
        Terminal
    }
}

const KEYS: &str = "esc: back · ctrl-c: save and stop";

fn reply<T>(result: Result<T, InquireError>) -> anyhow::Result<Reply<T>> {
    match result {
        Ok(value) => Ok(Reply::Answer(value)),
        Err(InquireError::OperationCanceled) => Ok(Reply::Back),
        Err(InquireError::OperationInterrupted) => Ok(Reply::Interrupt),
        Err(other) => Err(anyhow::anyhow!("the questionnaire could not use the terminal: {other}")),
    }
}

/// Prints the progress line and the question's help above the prompt.
fn header(ask: &Ask) -> String {
    eprintln!("\n{} · question {} of {}", ask.section, ask.position, ask.total);
    eprintln!("  {}", ask.help);
    KEYS.to_string()
}

impl Prompter for Terminal {
    fn say(&mut self, text: &str) {
        eprintln!("\n{text}");
    }

    fn choose(&mut self, ask: &Ask, options: &[String], default: Option<usize>) -> anyhow::Result<Reply<usize>> {
        let keys = format!("↑↓ move · enter choose · type to filter · {}", header(ask));
        let select = Select::new(ask.prompt, options.to_vec())
            .with_help_message(&keys)
            .with_page_size(options.len().min(12))
            .with_starting_cursor(default.unwrap_or(0));
        reply(select.raw_prompt().map(|chosen| chosen.index))
    }

    fn choose_many(
        &mut self,
        ask: &Ask,
        options: &[String],
        defaults: &[usize],
        required: bool,
    ) -> anyhow::Result<Reply<Vec<usize>>> {
        let keys = format!("space toggle · enter confirm · {}", header(ask));
        let multi = MultiSelect::new(ask.prompt, options.to_vec())
            .with_help_message(&keys)
            .with_page_size(options.len().min(12))
            .with_default(defaults)
            .with_validator(move |chosen: &[inquire::list_option::ListOption<&String>]| {
                Ok(if required && chosen.is_empty() {
                    Validation::Invalid("Choose at least one.".into())
                } else {
                    Validation::Valid
                })
            });
        reply(multi.raw_prompt().map(|chosen| chosen.into_iter().map(|o| o.index).collect()))
    }

    fn number(&mut self, ask: &Ask, min: i64, max: i64, default: Option<i64>) -> anyhow::Result<Reply<i64>> {
        let keys = format!("a whole number from {min} to {max} · {}", header(ask));
        let mut prompt = CustomType::<i64>::new(ask.prompt)
            .with_help_message(&keys)
            .with_error_message("Type a whole number, e.g. 12.")
            .with_validator(move |n: &i64| {
                Ok(if (min..=max).contains(n) {
                    Validation::Valid
                } else {
                    Validation::Invalid(format!("Enter a number from {min} to {max}.").into())
                })
            });
        if let Some(n) = default {
            prompt = prompt.with_default(n);
        }
        reply(prompt.prompt())
    }

    fn text(&mut self, ask: &Ask, default: Option<&str>, required: bool) -> anyhow::Result<Reply<String>> {
        let keys = header(ask);
        let mut prompt = Text::new(ask.prompt).with_help_message(&keys).with_validator(move |text: &str| {
            Ok(if required && text.trim().is_empty() {
                Validation::Invalid("This cannot be empty.".into())
            } else {
                Validation::Valid
            })
        });
        if let Some(text) = default {
            prompt = prompt.with_initial_value(text);
        }
        reply(prompt.prompt())
    }

    fn review(&mut self, lines: &[ReviewLine]) -> anyhow::Result<Reply<Option<usize>>> {
        eprintln!("\nReview: pick any answer to change it, or score the answers.");
        let mut options = vec!["✔ Score these answers".to_string()];
        options.extend(lines.iter().map(|l| format!("{} — {}", l.question, l.answer)));
        let select = Select::new("Review your answers", options)
            .with_help_message("↑↓ move · enter choose · type to filter · ctrl-c: save and stop")
            .with_page_size(15);
        reply(select.raw_prompt().map(|chosen| chosen.index.checked_sub(1)))
    }
}
