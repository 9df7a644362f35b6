//! Pretty JSON as `serde_json::to_writer_pretty` lays it out, with string content that could
//! drive the terminal the JSON is read on made inert. (Writing each indent in one piece took
//! 5% of the instructions of `assess --format json` off and nothing measurable off its time:
//! docs/performance.md.)

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Writes `value` as pretty JSON and a line break.
pub fn write_pretty<W: Write, T: Serialize + ?Sized>(mut out: W, value: &T) -> io::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, Inert::default()))?;
    out.write_all(b"\n")
}

/// serde_json's pretty layout, every call passed on, but for string content.
#[derive(Default)]
struct Inert(PrettyFormatter<'static>);

impl Formatter for Inert {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_array(out)
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_array(out)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_array_value(out)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_object(out)
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_object(out)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_object_value(out)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_object_value(out)
    }

    /// String content as it is, but for what could drive a terminal the JSON is read on.
    fn write_string_fragment<W: ?Sized + Write>(&mut self, out: &mut W, fragment: &str) -> io::Result<()> {
        if fragment.is_ascii() {
            return out.write_all(fragment.as_bytes());
        }
        crate::inert::write_json_fragment(out, fragment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frameworks::Load;
    use serde_json::{Value, json};

    fn pretty(value: &Value) -> String {
        let mut out = Vec::new();
        write_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lays_out_json_as_serde_json_does_at_every_depth() {
        // Empty and one-element containers at every level: every layout call is passed on.
        let mut value = json!({"text": "a \"quoted\"\nline", "n": 1.5, "empty": [], "none": {}, "list": [1, [], {}]});
        for depth in 0..40 {
            value = json!({"depth": depth, "inner": [value, {"k": null}], "e": {}});
            assert_eq!(pretty(&value), serde_json::to_string_pretty(&value).unwrap() + "\n", "at depth {depth}");
        }
    }

    #[test]
    fn lays_out_an_assessment_as_serde_json_does() {
        use crate::answers::{Completeness, parse};
        use crate::testing::{as_of, example};
        let fw = crate::frameworks::Frameworks::builtin().unwrap();
        let text = example("large-retailer-gdpr");
        let answers = parse(&fw, "large-retailer-gdpr.toml", text, Completeness::Complete).unwrap();
        let assessment = crate::score::assess(&fw, &answers, as_of());
        let mut out = Vec::new();
        write_pretty(&mut out, &assessment).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string_pretty(&assessment).unwrap() + "\n");
    }
}
