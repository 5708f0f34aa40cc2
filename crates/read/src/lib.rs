//! dateline-read (work in progress)
