//! Filling the wording templates of `frameworks/report.toml`: `{name}` is replaced by the value
//! given for it. A sentence whose value is missing or empty is left out rather than printed
//! half-filled, so a report never shows "serves ." or a stray brace.

/// The most bytes one filled template may take. A sentence of the built-in report is under a
/// kilobyte, and one holding a 2,000-character company name sixteen times still fits; a
/// customised `report.toml` or a hand-edited JSON report repeating a long value thousands of
/// times does not, and is refused before anything is allocated for it.
pub(crate) const MAX_FILLED_BYTES: usize = 256 * 1024;

/// The most placeholders, and bytes, a template of `report.toml` may have (`frameworks
/// check`): 24 values of 2,000 characters (an answer's limit, 8,000 bytes at most) and 64 KiB
/// of the template's own text fill to under [`MAX_FILLED_BYTES`].
pub(crate) const MAX_PLACEHOLDERS: usize = 24;
pub(crate) const MAX_TEMPLATE_BYTES: usize = 64 * 1024;

thread_local! {
    /// The first template refused for [`MAX_FILLED_BYTES`] since [`take_too_long`] last looked.
    static TOO_LONG: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The template with every placeholder filled, or `None` when one has no value or an empty
/// one, or when it would fill to more than [`MAX_FILLED_BYTES`] (then noted for
/// [`take_too_long`]).
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> Option<String> {
    let len = filled_len(template, values)?;
    if len > MAX_FILLED_BYTES {
        TOO_LONG.with(|first| {
            first.borrow_mut().get_or_insert_with(|| crate::message::quote(template));
        });
        return None;
    }
    let mut out = String::with_capacity(len);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        out.push_str(value(values, &after[..close])?);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The length the template fills to, counted before filling it; `None` as for [`fill`].
fn filled_len(template: &str, values: &[(&str, &str)]) -> Option<usize> {
    let mut len = 0usize;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        len = len.saturating_add(open).saturating_add(value(values, &after[..close])?.len());
        rest = &after[close + 1..];
    }
    Some(len.saturating_add(rest.len()))
}

/// The non-empty value given for placeholder `name`.
fn value<'v>(values: &[(&str, &'v str)], name: &str) -> Option<&'v str> {
    values.iter().find(|(key, _)| *key == name).map(|(_, v)| *v).filter(|v| !v.is_empty())
}

/// The template (clipped for a message) of the first fill refused for [`MAX_FILLED_BYTES`]
/// since the last call, if any.
pub(crate) fn take_too_long() -> Option<String> {
    TOO_LONG.with(|first| first.borrow_mut().take())
}

/// The placeholders a template uses, in order.
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    template.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name)).collect()
}

/// "a", "a and b", "a, b and c".
pub(crate) fn list(items: &[impl AsRef<str>], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", head.join(", "), last.as_ref())
        }
    }
}

/// "The marketing lead" as it reads inside a sentence.
pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_placeholder() {
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]).as_deref(), Some("x and y"));
        assert_eq!(fill("no placeholder", &[]).as_deref(), Some("no placeholder"));
    }

    #[test]
    fn leaves_out_a_sentence_with_a_missing_or_empty_value() {
        assert_eq!(fill("{a} and {b}", &[("a", "x")]), None);
        assert_eq!(fill("{a}", &[("a", "")]), None);
        assert_eq!(fill("unclosed {a", &[("a", "x")]), None);
    }

    #[test]
    fn a_template_filling_beyond_the_bound_is_refused_before_it_is_filled() {
        let company = "c".repeat(400_000);
        let template = "{company}".repeat(55_000);
        take_too_long();
        assert_eq!(fill(&template, &[("company", &company)]), None);
        assert_eq!(take_too_long().as_deref(), Some(crate::message::quote(&template).as_str()));
        assert_eq!(take_too_long(), None, "taken once");
        let fits = "x".repeat(MAX_FILLED_BYTES - 2);
        assert_eq!(fill("{a}!", &[("a", &fits)]).map(|s| s.len()), Some(MAX_FILLED_BYTES - 1));
    }

    #[test]
    fn values_are_not_read_as_templates() {
        assert_eq!(fill("{a}", &[("a", "{b}"), ("b", "x")]).as_deref(), Some("{b}"));
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(list(&["a"], "and"), "a");
        assert_eq!(list(&["a", "b", "c"], "and"), "a, b and c");
        assert!(list(&[] as &[&str], "and").is_empty());
        assert_eq!(placeholders("{x} is {y}."), ["x", "y"]);
    }
}
