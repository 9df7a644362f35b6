//! The words of the report (`frameworks/report.toml`): every heading, label and sentence the
//! views show. Templates use `{name}` placeholders, filled by the tool's `words::fill`.
//!
//! Declared once, in `report.toml`: this crate's `build.rs` generates the structs from it, one field per
//! key (text, a list of text, a count, a number, a flag, or a nested table as a struct), with
//! the comments above each key as its documentation. A misspelt use fails to compile; a
//! customised `report.toml` missing a key, or with one too many, fails to load, naming it.

use super::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

include!(concat!(env!("OUT_DIR"), "/report_text.rs"));
