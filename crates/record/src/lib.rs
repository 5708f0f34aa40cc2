//! dateline-record (work in progress)
