//! Main-text quality on the shared article-extraction dev pages, when present.

use std::io::Read;
use std::path::PathBuf;

mod common;
use common::shingles;

/// Measured 0.977 when this floor was set; a small margin absorbs harmless
/// changes while a real regression fails.
const F1_FLOOR: f64 = 0.965;

#[test]
fn f1_on_dev_pages_stays_above_floor() {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev/html-articles");
    let Ok(truth) = std::fs::read_to_string(dir.join("ground-truth.json")) else {
        eprintln!("skipped: {} not found", dir.display());
        return;
    };
    let truth: serde_json::Value = serde_json::from_str(&truth).expect("ground truth parses");
    let truth = truth.as_object().expect("ground truth is an object");
    let mut scores = Vec::new();
    for (id, entry) in truth {
        let file = std::fs::File::open(dir.join("html").join(format!("{id}.html.gz")))
            .expect("page exists");
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .expect("page gunzips");
        let url = entry.get("url").and_then(|v| v.as_str());
        let expected = entry
            .get("articleBody")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let article = dateline_html::extract_bytes(&bytes, None, url);
        scores.push(shingles::precision_recall(&article.text, expected));
    }
    assert_eq!(scores.len(), 181);
    let (precision, recall, f1) = shingles::average(&scores);
    eprintln!("precision={precision:.4} recall={recall:.4} f1={f1:.4}");
    assert!(f1 >= F1_FLOOR, "F1 {f1:.4} fell below {F1_FLOOR}");
}
