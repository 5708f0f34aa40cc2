use std::path::PathBuf;

/// What can go wrong in the store. Bad user input (`InvalidFilter`,
/// `BadTextQuery`) is kept apart from IO and database failures so that front
/// ends can answer it as a usage error (exit 2, HTTP 400).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot open the store '{path}': {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the store's schema version {found} is newer than this program knows ({known}); upgrade dateline")]
    SchemaTooNew { found: i64, known: i64 },
    #[error("the store's schema version {found} is older than this program's ({known}); open it for writing once (dateline ingest) to upgrade it")]
    SchemaTooOld { found: i64, known: i64 },
    #[error("invalid {parameter}: {message}")]
    InvalidFilter {
        parameter: &'static str,
        message: String,
    },
    #[error("the full-text query {query:?} is not valid (FTS5 syntax: words, \"phrases\", AND, OR, NOT, prefix*)")]
    BadTextQuery { query: String },
    #[error("record is not a dateline/1 document: {0}")]
    BadRecord(String),
    #[error("cannot write '{path}': {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl StoreError {
    /// True when the caller asked for something invalid (a usage error), as
    /// opposed to the store failing.
    pub fn is_usage_error(&self) -> bool {
        matches!(
            self,
            StoreError::InvalidFilter { .. } | StoreError::BadTextQuery { .. }
        )
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
