//! One-to-one matching between gold items and predictions, so that one
//! prediction never serves two gold items.

use std::collections::VecDeque;

/// A maximum one-to-one matching. `candidates[g]` lists the predictions gold
/// item `g` may pair with, best first (the search tries them in that order).
/// Returns, for each gold item, the prediction it is paired with.
///
/// Augmenting paths are searched breadth-first with explicit queues, so input
/// size never turns into recursion depth.
pub fn max_matching(candidates: &[Vec<usize>], predicted: usize) -> Vec<Option<usize>> {
    let mut gold_to_pred: Vec<Option<usize>> = vec![None; candidates.len()];
    let mut pred_to_gold: Vec<Option<usize>> = vec![None; predicted];
    let mut reached_from: Vec<Option<usize>> = vec![None; predicted];
    let mut queue = VecDeque::new();
    for root in 0..candidates.len() {
        reached_from.iter_mut().for_each(|r| *r = None);
        queue.clear();
        queue.push_back(root);
        let mut free_end = None;
        'search: while let Some(gold) = queue.pop_front() {
            for &pred in candidates.get(gold).map(Vec::as_slice).unwrap_or(&[]) {
                match reached_from.get(pred) {
                    Some(None) => {}
                    _ => continue, // out of range or already reached
                }
                reached_from[pred] = Some(gold);
                match pred_to_gold[pred] {
                    None => {
                        free_end = Some(pred);
                        break 'search;
                    }
                    Some(next) => queue.push_back(next),
                }
            }
        }
        // Flip the path: each gold on it takes the prediction reached from it.
        let mut pred = free_end;
        while let Some(p) = pred {
            let Some(gold) = reached_from[p] else { break };
            let previous = gold_to_pred[gold];
            gold_to_pred[gold] = Some(p);
            pred_to_gold[p] = Some(gold);
            pred = if gold == root { None } else { previous };
        }
    }
    gold_to_pred
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_largest_pairing_not_the_greedy_one() {
        // Greedy would give pred 0 to gold 0 and leave gold 1 unpaired.
        let pairs = max_matching(&[vec![0, 1], vec![0]], 2);
        assert_eq!(pairs, [Some(1), Some(0)]);
    }

    #[test]
    fn one_prediction_serves_one_gold() {
        let pairs = max_matching(&[vec![0], vec![0], vec![0]], 1);
        assert_eq!(pairs.iter().flatten().count(), 1);
        assert_eq!(max_matching(&[vec![], vec![5]], 2), [None, None]);
    }

    #[test]
    fn long_augmenting_chains() {
        let n = 2000;
        // gold i may take i or i+1; taken in reverse preference it needs chains.
        let candidates: Vec<Vec<usize>> = (0..n)
            .map(|i| vec![i + 1, i].into_iter().filter(|&p| p < n).collect())
            .collect();
        assert_eq!(max_matching(&candidates, n).iter().flatten().count(), n);
    }
}
