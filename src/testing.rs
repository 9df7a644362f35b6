//! What the unit tests share: the three example answer files, read against the built-in
//! frameworks, and the date they are scored on.

use crate::answers::{Answers, Completeness, parse};
use crate::date::Date;
use crate::frameworks::Frameworks;

/// Each example's name and text.
pub(crate) const EXAMPLES: [(&str, &str); 3] = [
    ("small-ecommerce", include_str!("../examples/small-ecommerce.toml")),
    ("b2b-software", include_str!("../examples/b2b-software.toml")),
    ("large-retailer-gdpr", include_str!("../examples/large-retailer-gdpr.toml")),
];

/// The text of the example of this name.
pub(crate) fn example(name: &str) -> &'static str {
    EXAMPLES.iter().find(|(n, _)| *n == name).map(|(_, text)| *text).expect("an example of that name")
}

/// The date the examples' expected results are written for.
pub(crate) fn as_of() -> Date {
    Date::new(2026, 11, 25).expect("a real date")
}

/// Each example's name and answers.
pub(crate) fn example_answers(fw: &Frameworks) -> impl Iterator<Item = (&'static str, Answers)> + '_ {
    EXAMPLES.into_iter().map(|(name, text)| {
        let answers = parse(fw, &format!("{name}.toml"), text, Completeness::Complete).expect("the examples parse");
        (name, answers)
    })
}
