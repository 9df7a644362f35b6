//! Pretty JSON laid out exactly as `serde_json::to_writer_pretty` lays it out (two-space
//! indent), with each line break and its indent written in one piece: serde_json's own
//! formatter writes the indent two spaces at a time, 20,000 small writes for one assessment
//! and about 12% of the instructions of `assess --format json`.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Writes `value` as pretty JSON and a line break.
pub fn write_pretty<W: Write, T: Serialize + ?Sized>(mut out: W, value: &T) -> io::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, Pretty::default()))?;
    out.write_all(b"\n")
}

/// A comma, a line break and up to 32 levels of indent (64 spaces); deeper lines add the rest.
const BREAK: &[u8] = b",\n                                                                ";

#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break, after a comma unless `first`, and the current indent.
    fn new_line<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        let spaces = 2 * self.depth;
        let held = spaces.min(BREAK.len() - 2);
        out.write_all(&BREAK[usize::from(first)..2 + held])?;
        (held..spaces).try_for_each(|_| out.write_all(b" "))
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(out, true)?;
        }
        out.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    /// String content as it is, but for what could drive a terminal the JSON is read on.
    fn write_string_fragment<W: ?Sized + Write>(&mut self, out: &mut W, fragment: &str) -> io::Result<()> {
        if fragment.is_ascii() {
            return out.write_all(fragment.as_bytes());
        }
        crate::inert::write_json_fragment(out, fragment)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn pretty(value: &Value) -> String {
        let mut out = Vec::new();
        write_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lays_out_json_as_serde_json_does_at_every_depth() {
        // Deeper than BREAK holds, with empty and one-element containers at each level.
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
