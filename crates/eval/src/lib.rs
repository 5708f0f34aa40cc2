//! dateline-eval (work in progress)
