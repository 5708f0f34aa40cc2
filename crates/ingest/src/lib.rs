//! dateline-ingest (work in progress)
