//! The casualty and event readers never panic and only emit spans that fall on
//! character boundaries inside the text, whatever the input: generated noise mixing
//! trigger words, numbers, quotes, elisions and non-Latin text, in both languages.

use dateline_model::{Document, Span};

const PIECES: &[&str] = &[
    "tués",
    "killed",
    "ont été",
    "were",
    "by",
    "par",
    "« ",
    " »",
    "\"",
    "n'",
    "ne",
    "pas",
    "not",
    "2 000",
    "12",
    "des centaines de",
    "hundreds of",
    "blessés",
    "(",
    ")",
    ",",
    ".",
    "\n\n",
    "à la demande du",
    "at the request of",
    "threatened to",
    "menace de",
    "ces troupes",
    "these troops",
    "se retireraient",
    "attack",
    "manifestation",
    "protest",
    "ت",
    "日本",
    "é",
    "’",
    "'",
    " ",
    " ",
    "Kazakhstan",
    "Russie",
    "police",
    "and",
    "et",
    "that",
    "que",
    "said",
    "a déclaré",
    "*",
    "—",
    "selon",
    "according to",
];

fn noise(seed: u64, len: usize) -> String {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    for _ in 0..len {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let piece = PIECES[(state >> 33) as usize % PIECES.len()];
        out.push_str(piece);
        if state & 1 == 0 {
            out.push(' ');
        }
    }
    out
}

fn valid(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

#[test]
fn noise_never_panics_and_spans_stay_valid() {
    for seed in 0..300u64 {
        for lang in ["fr", "en"] {
            let text = noise(seed, (seed as usize % 120) + 1);
            let mut d = Document::new("n", text.clone());
            d.meta.language = Some(lang.to_string());
            let r = dateline_read::read(d);
            for e in &r.events {
                assert!(
                    valid(&text, e.trigger) && valid(&text, e.sentence),
                    "seed {seed}: {e:?}"
                );
                assert!(e
                    .more_evidence
                    .iter()
                    .all(|(s, t)| valid(&text, *s) && valid(&text, *t)));
                assert!((0.0..=1.0).contains(&e.confidence));
                assert!(e.place.map_or(true, |p| p < r.places.len()));
                assert!(e.reported_by.map_or(true, |x| x < r.entities.len()));
            }
            for c in &r.casualties {
                assert!(valid(&text, c.span), "seed {seed}: {c:?}");
                assert!(c.event.map_or(true, |x| x < r.events.len()));
                assert!(c.min.is_some() && c.max.map_or(true, |m| Some(m) >= c.min));
            }
        }
    }
}

#[test]
fn empty_and_tiny_inputs() {
    for text in ["", " ", "\n\n", "«", "tués", "killed 5", "2 000"] {
        for lang in ["fr", "en"] {
            let mut d = Document::new("t", text.to_string());
            d.meta.language = Some(lang.to_string());
            let _ = dateline_read::read(d);
        }
    }
}
