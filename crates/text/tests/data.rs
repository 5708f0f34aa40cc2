//! Data-driven cases from `testdata/text/*.tsv`: real-news-style sentences
//! with the exact quantities, dates and sentence splits the layer must produce.
use dateline_model::PartialDate;
use std::path::PathBuf;

fn cases(name: &str) -> Vec<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/text")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rows: Vec<Vec<String>> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    assert!(rows.len() >= 5, "{name} has too few cases");
    rows
}

fn field(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", |s| s.as_str())
}

fn bound(v: Option<f64>) -> String {
    v.map_or("_".into(), |v| format!("{v}"))
}

#[test]
fn quantities_match_testdata() {
    for row in cases("quantities.tsv") {
        let (lang, text, expected) = (field(&row, 0), field(&row, 1), field(&row, 2));
        let (layer, _) = dateline_text::analyze(text, lang, None);
        let got: Vec<String> = layer
            .quantities
            .iter()
            .map(|q| {
                let tilde = if q.approximate { "~" } else { "" };
                format!(
                    "{}={}..{}{tilde}",
                    &text[q.span.start..q.span.end],
                    bound(q.min),
                    bound(q.max)
                )
            })
            .collect();
        assert_eq!(got.join(" | "), expected, "{lang}: {text}");
    }
}

#[test]
fn dates_match_testdata() {
    for row in cases("dates.tsv") {
        let (lang, published, text, expected) = (
            field(&row, 0),
            field(&row, 1),
            field(&row, 2),
            field(&row, 3),
        );
        let (layer, _) = dateline_text::analyze(text, lang, PartialDate::parse_iso(published));
        let got: Vec<String> = layer
            .dates
            .iter()
            .map(|d| {
                let value = d.value.map_or("null".into(), |v| v.to_string());
                let tilde = if d.relative { "~" } else { "" };
                format!("{}={value}{tilde}", &text[d.span.start..d.span.end])
            })
            .collect();
        assert_eq!(got.join(" | "), expected, "{lang} {published}: {text}");
    }
}

#[test]
fn sentences_match_testdata() {
    for row in cases("sentences.tsv") {
        let (lang, text, expected) = (
            field(&row, 0),
            field(&row, 1).replace("\\n", "\n"),
            field(&row, 2),
        );
        let (layer, _) = dateline_text::analyze(&text, lang, None);
        let got: Vec<&str> = layer
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got.join(" | "), expected, "{lang}: {text}");
    }
}
