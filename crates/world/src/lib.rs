//! World knowledge (work in progress)
