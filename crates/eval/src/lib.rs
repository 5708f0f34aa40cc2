//! dateline-eval: the `dateline/1` JSON Schema, gold files and scoring.
pub mod fold;
pub mod gold;
mod matching;
mod record;
pub mod report;
pub mod schema;
pub mod score;

pub use gold::{discover, GoldDoc, GoldError};
pub use report::{Counts, Report, Scores, Tally};
pub use score::{score, DocScore, Layer, Miss, MissKind};
