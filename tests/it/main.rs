//! The integration tests, one binary with a module for each area: touching the library relinks
//! one test executable instead of one for each file. `cargo test --test it corpus::` runs one
//! module. The memory tests are a binary of their own (`tests/memory.rs`): their counting global
//! allocator would count every test running beside them.

mod common;
mod node;
mod sample;

mod advice;
mod business_case;
mod cli;
mod cliffs;
mod corpus;
mod data_safety;
mod deliverable;
mod document;
mod fuzz;
mod hostile;
mod html;
mod interactive_flow;
mod law;
mod markdown;
mod markdown_tools;
mod portfolio;
mod properties;
mod pty;
mod readme;
mod reference;
mod render;
mod schema;
mod snapshots;
mod what_if;
mod workshop;
mod workshop_report;
