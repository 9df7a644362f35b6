//! The [`Prompter`] for a terminal that can move its cursor: a thin adapter over `inquire`,
//! which draws each prompt and leaves a one-line record of the answer. What the adapter adds
//! is the fitting: the text is wrapped here, and each list's page is sized from the window's
//! height, so a prompt never grows taller than the terminal.

mod fit;
mod style;

use super::{Ask, Choice, NumberRange, Prompter, Reply, Review, say_owned};
use crate::frameworks::{AskText, FullScreenText, ReportText};
use fit::{Fitted, help_block, wrap_block};
use inquire::error::InquireResult;
use inquire::list_option::ListOption;
use inquire::ui::RenderConfig;
use inquire::validator::Validation;
use inquire::{InquireError, MultiSelect, Select, Text};
use std::sync::Arc;

pub(crate) use fit::size;

/// The key hints under each kind of prompt, in the order shown: a list, a list to mark, a line
/// typed in, the review screen, and a decision outside the questions.
fn list_keys(k: &FullScreenText) -> [&str; 5] {
    [&k.up_down, &k.choose, &k.filter_number, &k.back, &k.stop].map(|t| t.as_str())
}

fn multi_keys(k: &FullScreenText) -> [&str; 6] {
    [&k.up_down, &k.mark, &k.confirm, &k.filter, &k.back, &k.stop].map(|t| t.as_str())
}

fn text_keys(k: &FullScreenText) -> [&str; 3] {
    [&k.confirm, &k.back, &k.stop].map(|t| t.as_str())
}

fn review_keys(k: &FullScreenText) -> [&str; 5] {
    [&k.up_down, &k.change_or_score, &k.home_score, &k.filter_number, &k.stop].map(|t| t.as_str())
}

fn menu_keys(k: &FullScreenText) -> [&str; 2] {
    [&k.up_down, &k.choose].map(|t| t.as_str())
}

pub(crate) struct Terminal {
    config: RenderConfig<'static>,
    /// The words of `report.toml`, for its `[ask]` table.
    words: Arc<ReportText>,
}

impl Terminal {
    pub(crate) fn new(colour: bool, words: Arc<ReportText>) -> Terminal {
        Terminal { config: style::render_config(colour), words }
    }

    fn ask_words(&self) -> &AskText {
        &self.words.ask
    }

    fn keys(&self) -> &FullScreenText {
        &self.words.ask.full_screen
    }
}

/// Esc is "back" and Ctrl-C "stop"; anything else means the terminal cannot be used.
fn reply<T>(result: InquireResult<T>) -> anyhow::Result<Reply<T>> {
    match result {
        Ok(value) => Ok(Reply::Answer(value)),
        Err(InquireError::OperationCanceled) => Ok(Reply::Back),
        Err(InquireError::OperationInterrupted) => Ok(Reply::Interrupt),
        Err(e) => Err(anyhow::anyhow!("the questionnaire could not use the terminal: {e}")),
    }
}

/// The question's heading and help, shown under the answers above the key hints.
fn help_of(ask: &Ask, words: &AskText) -> String {
    format!("{}\n{}", super::heading(ask, words), ask.help)
}

fn record_prefix(ask: &Ask) -> String {
    format!("{}/{} {}", ask.position, ask.total, ask.prompt)
}

/// What typing matches: an option's number (or "?") picks that option first; words match the
/// label and `extra` (the question, on the review screen).
fn scorer<'a>(keys: &'a [String], search: &'a [String]) -> impl Fn(&str, &String, &str, usize) -> Option<i64> + 'a {
    move |typed, _, _, i| {
        let typed = typed.trim().to_lowercase();
        let key = keys[i].as_str();
        let is_key = !typed.is_empty() && (typed == "?" || typed.chars().all(|c| c.is_ascii_digit()));
        match () {
            _ if is_key && key == typed => Some(2),
            _ if is_key && key.starts_with(&typed) => Some(1),
            _ if typed.split_whitespace().all(|w| search[i].contains(w)) => Some(0),
            _ => None,
        }
    }
}

/// Best score first, options of one score in their own order (inquire's default sort is not
/// stable, which would shuffle a filtered list).
fn by_score(options: &mut [(usize, i64)]) {
    options.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
}

/// `Some(validation)` turned into what inquire's validators return.
fn validation(problem: Option<String>) -> Result<Validation, inquire::CustomUserError> {
    Ok(problem.map_or(Validation::Valid, |p| Validation::Invalid(p.into())))
}

impl Terminal {
    /// One of `labels` (numbered by `keys`), starting on `start`.
    fn select(&self, fitted: &Fitted, keys: &[String], search: &[String], start: usize) -> InquireResult<usize> {
        let score = scorer(keys, search);
        let format = |o: ListOption<&String>| format!("· {}", fitted.answer(o.index));
        Select::new(&fitted.message, fitted.options.clone())
            .with_help_message(&fitted.help)
            .with_page_size(fitted.page)
            .with_starting_cursor(start.min(fitted.options.len().saturating_sub(1)))
            .with_scorer(&score)
            .with_sorter(&by_score)
            .with_formatter(&format)
            .with_render_config(self.config)
            .raw_prompt()
            .map(|o| o.index)
    }

    /// A line typed in, checked by `check` on Enter.
    fn line(
        &self,
        ask: &Ask,
        prompt: &str,
        initial: &str,
        check: impl Fn(&str) -> Option<String> + Clone + 'static,
    ) -> InquireResult<String> {
        let help = help_block(&help_of(ask, self.ask_words()), &text_keys(self.keys()));
        let message = wrap_block(prompt);
        let none = &self.ask_words().none;
        let record = |text: &str| format!("· {}", if text.trim().is_empty() { none } else { text.trim() });
        Text::new(&message)
            .with_help_message(&help)
            .with_initial_value(initial)
            .with_validator(move |text: &str| validation(check(text)))
            .with_formatter(&record)
            .with_render_config(self.config)
            .prompt()
    }
}

impl Prompter for Terminal {
    fn say(&mut self, text: &str) {
        eprintln!();
        super::tell(text);
    }

    fn choose(&mut self, ask: &Ask, options: &[Choice], default: Option<usize>) -> anyhow::Result<Reply<usize>> {
        let fitted =
            Fitted::new(&record_prefix(ask), &help_of(ask, self.ask_words()), &list_keys(self.keys()), options, 2);
        let keys: Vec<String> = options.iter().map(|o| o.key.clone()).collect();
        let search: Vec<String> = options.iter().map(|o| o.label.to_lowercase()).collect();
        reply(self.select(&fitted, &keys, &search, default.unwrap_or(0)))
    }

    fn choose_many(
        &mut self,
        ask: &Ask,
        options: &[Choice],
        defaults: &[usize],
        required: bool,
    ) -> anyhow::Result<Reply<Vec<usize>>> {
        let fitted =
            Fitted::new(&record_prefix(ask), &help_of(ask, self.ask_words()), &multi_keys(self.keys()), options, 6);
        let keys: Vec<String> = options.iter().map(|o| o.key.clone()).collect();
        let search: Vec<String> = options.iter().map(|o| o.label.to_lowercase()).collect();
        let score = scorer(&keys, &search);
        let format = |chosen: &[ListOption<&String>]| {
            let labels: Vec<&str> = chosen.iter().map(|o| options[o.index].label.as_str()).collect();
            if labels.is_empty() { format!("· {}", self.words.none) } else { format!("· {}", labels.join(", ")) }
        };
        let problem = self.keys().at_least_one.to_string();
        let at_least_one =
            move |chosen: &[ListOption<&String>]| validation((required && chosen.is_empty()).then(|| problem.clone()));
        let result = MultiSelect::new(&fitted.message, fitted.options.clone())
            .with_help_message(&fitted.help)
            .with_page_size(fitted.page)
            .with_default(defaults)
            .with_scorer(&score)
            .with_formatter(&format)
            .with_validator(at_least_one)
            .with_render_config(self.config)
            .raw_prompt()
            .map(|chosen| chosen.into_iter().map(|o| o.index).collect());
        reply(result)
    }

    fn number(
        &mut self,
        ask: &Ask,
        range: NumberRange,
        default: Option<Option<i64>>,
    ) -> anyhow::Result<Reply<Option<i64>>> {
        let values = [("question", record_prefix(ask)), ("range", range.words(self.ask_words()))];
        let prompt = say_owned(&self.keys().number_prompt, &values);
        let initial = match default {
            Some(Some(n)) => n.to_string(),
            Some(None) => "?".to_string(),
            None => String::new(),
        };
        let words = Arc::clone(&self.words);
        let typed = self.line(ask, &prompt, &initial, move |text| range.read(text, &words.ask).err());
        reply(typed.map(|text| range.read(&text, self.ask_words()).unwrap_or_default()))
    }

    fn text(&mut self, ask: &Ask, default: Option<&str>, required: bool) -> anyhow::Result<Reply<String>> {
        // Said once: a prompt may already call itself optional.
        let words = self.ask_words();
        let optional =
            if required || ask.prompt.contains(words.optional_in_prompt.as_str()) { "" } else { &words.optional };
        let prompt = format!("{}{optional}", record_prefix(ask));
        // A paste arrives whole (inquire asks for bracketed paste), line breaks and all, into
        // this one answer; the answer file's own checks say what it may hold.
        let words = Arc::clone(&self.words);
        let check = move |text: &str| super::text_problem(text, required, &words.ask);
        reply(self.line(ask, &prompt, default.unwrap_or(""), check).map(|t| t.trim().to_string()))
    }

    fn review(&mut self, review: &Review) -> anyhow::Result<Reply<Option<usize>>> {
        let fitted = fit::review(review, self.ask_words(), &review_keys(self.keys()));
        let mut numbers = vec![String::new()];
        numbers.extend(review.lines.iter().map(|l| l.number.to_string()));
        let mut search = vec![fitted.options[0].to_lowercase()];
        search.extend(review.lines.iter().map(|l| format!("{} {} {}", l.section, l.question, l.answer).to_lowercase()));
        let start = review.cursor.map_or(0, |i| i + 1);
        fit::to_the_top();
        loop {
            match reply(self.select(&fitted, &numbers, &search, start))? {
                // Esc on the review has nothing to go back to.
                Reply::Back => continue,
                other => return Ok(other.map(|i| i.checked_sub(1))),
            }
        }
    }

    fn menu(&mut self, message: &str, options: &[String]) -> anyhow::Result<Reply<usize>> {
        let choices: Vec<Choice> =
            options.iter().enumerate().map(|(i, o)| Choice { key: (i + 1).to_string(), label: o.clone() }).collect();
        let fitted = Fitted::new(message, "", &menu_keys(self.keys()), &choices, 2);
        let keys: Vec<String> = choices.iter().map(|c| c.key.clone()).collect();
        let search: Vec<String> = options.iter().map(|o| o.to_lowercase()).collect();
        reply(self.select(&fitted, &keys, &search, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_number_ranks_its_own_option_first_and_words_still_filter() {
        let keys: Vec<String> = ["1", "2", "3", "4", "10", "?"].map(String::from).to_vec();
        let search: Vec<String> =
            ["1 to 9", "10 to 49", "50 to 249", "250 to 999", "1000 or more", "don't know"].map(String::from).to_vec();
        let score = scorer(&keys, &search);
        let of = |typed: &str| (0..keys.len()).map(|i| score(typed, &String::new(), "", i)).collect::<Vec<_>>();
        // "4" is option 4, though "10 to 49" and "250 to 999"… hold a 4 too.
        assert_eq!(of("4"), [None, Some(0), Some(0), Some(2), None, None]);
        assert_eq!(of("1"), [Some(2), Some(0), None, None, Some(1), None]);
        assert_eq!(of("?"), [None, None, None, None, None, Some(2)]);
        assert_eq!(of("or more"), [None, None, None, None, Some(0), None]);
    }
}
