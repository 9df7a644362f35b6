//! Filling the wording templates of `frameworks/report.toml`: `{name}` is replaced by the value
//! given for it. A sentence whose value is missing or empty is left out rather than printed
//! half-filled, so a report never shows "serves ." or a stray brace.

/// The template with every placeholder filled, or `None` when one has no value or an empty one.
pub fn fill(template: &str, values: &[(&str, &str)]) -> Option<String> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let name = &after[..close];
        let value = values.iter().find(|(key, _)| *key == name).map(|(_, v)| *v)?;
        if value.is_empty() {
            return None;
        }
        out.push_str(value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The placeholders a template uses, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    template.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name)).collect()
}

/// "a", "a and b", "a, b and c".
pub fn list(items: &[impl AsRef<str>], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", head.join(", "), last.as_ref())
        }
    }
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
