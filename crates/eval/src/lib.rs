//! dateline-eval: the `dateline/1` JSON Schema, gold files and scoring.
pub mod fold;
pub mod gold;
pub mod schema;
