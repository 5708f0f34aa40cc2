//! Exports (filled in below).
