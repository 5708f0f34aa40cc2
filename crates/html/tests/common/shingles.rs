//! The article-extraction benchmark's measure: `\w+` tokens, 4-token
//! shingles with counts, per-page true/false positives and false negatives
//! normalised to sum to 1, precision and recall averaged over pages.

use std::collections::HashMap;

const SHINGLE: usize = 4;

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Shingle counts; a text shorter than one shingle is one shorter shingle.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens = tokens(text);
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < SHINGLE {
        counts.insert(tokens, 1);
        return counts;
    }
    for window in tokens.windows(SHINGLE) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Normalised (tp, fp, fn) of a prediction against the truth.
pub fn matching(predicted: &str, truth: &str) -> (f64, f64, f64) {
    let (pred, gold) = (shingles(predicted), shingles(truth));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (key, &p) in &pred {
        let g = gold.get(key).copied().unwrap_or(0);
        tp += p.min(g);
        fp += p.saturating_sub(g);
    }
    for (key, &g) in &gold {
        fn_ += g.saturating_sub(pred.get(key).copied().unwrap_or(0));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
}

/// Per-page precision and recall; `None` where the benchmark leaves the
/// page out of that average (nothing predicted, or nothing expected).
pub fn precision_recall(predicted: &str, truth: &str) -> (Option<f64>, Option<f64>) {
    let (tp, fp, fn_) = matching(predicted, truth);
    let perfect = fp == 0.0 && fn_ == 0.0;
    let precision = (tp + fp > 0.0).then(|| if perfect { 1.0 } else { tp / (tp + fp) });
    let recall = (tp + fn_ > 0.0).then(|| if perfect { 1.0 } else { tp / (tp + fn_) });
    (precision, recall)
}

/// Averages over pages: (precision, recall, F1).
pub fn average(scores: &[(Option<f64>, Option<f64>)]) -> (f64, f64, f64) {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(scores.iter().filter_map(|s| s.0).collect());
    let recall = mean(scores.iter().filter_map(|s| s.1).collect());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}
