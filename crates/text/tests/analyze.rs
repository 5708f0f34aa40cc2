//! The whole layer on news-like documents: diagnostics, the seed story's
//! figures, and robustness on hostile input (never a panic, spans always valid).
use dateline_model::{Level, PartialDate};

const SEED_EXCERPT: &str = "« Kazakhstan : une «tentative de coup d'État» impliquant des combattants étrangers », souligne le président\n\n\n\nMoscou, 10 janvier (RHC) Lors d'une réunion de l'OTSC, le président kazakh, Kassym-Jomart Tokaïev, a dénoncé une «tentative de coup d'Etat».\n\nSelon les chiffres du ministère de l'Intérieur kazakh, 26 «criminels armés» et 18 membres des forces de sécurité ont été tués depuis le début des émeutes. Certains agents ont été décapités. Des centaines de blessés sont à déplorer, dans les deux camps.\n\nDans ce contexte, plus de 2 000 soldats de l'OTSC ont été déployés.\n\nSource Russia Today\n\n<https://www.radiohc.cu/index.php/fr/noticias/internacionales/282295-kazakhstan-une-tentative>\n";

fn show(text: &str, span: dateline_model::Span) -> &str {
    &text[span.start..span.end]
}

#[test]
fn seed_figures_without_publication_date() {
    let text = dateline_text::normalize(SEED_EXCERPT);
    let (layer, diagnostics) = dateline_text::analyze(&text, "fr", None);
    let quantities: Vec<(&str, Option<f64>, Option<f64>, bool)> = layer
        .quantities
        .iter()
        .map(|q| (show(&text, q.span), q.min, q.max, q.approximate))
        .collect();
    assert_eq!(
        quantities,
        [
            ("26", Some(26.0), Some(26.0), false),
            ("18", Some(18.0), Some(18.0), false),
            ("Des centaines", Some(200.0), None, true),
            ("deux", Some(2.0), Some(2.0), false),
            ("plus de 2 000", Some(2000.0), None, false),
        ]
    );
    assert_eq!(layer.dates.len(), 1);
    assert_eq!(show(&text, layer.dates[0].span), "10 janvier");
    assert_eq!(layer.dates[0].value, Some(PartialDate::md(1, 10)));
    // The year stays unknown, and says so once.
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        (diagnostics[0].code, diagnostics[0].level),
        ("year-unknown", Level::Warning)
    );
    assert_eq!(layer.paragraphs.len(), 6);
    assert_eq!(show(&text, layer.sentences[0]), "« Kazakhstan : une «tentative de coup d'État» impliquant des combattants étrangers », souligne le président");
    assert_eq!(layer.sentences.len(), 8);
}

#[test]
fn seed_with_publication_date_resolves_the_year() {
    let text = dateline_text::normalize(SEED_EXCERPT);
    let (layer, diagnostics) =
        dateline_text::analyze(&text, "fr", PartialDate::parse_iso("2022-01-10"));
    assert_eq!(layer.dates[0].value, PartialDate::parse_iso("2022-01-10"));
    assert!(diagnostics.is_empty());
}

#[test]
fn unresolved_relative_dates_are_reported_once() {
    let (layer, diagnostics) =
        dateline_text::analyze("Yesterday and on Monday, troops left.", "en", None);
    assert_eq!(layer.dates.len(), 2);
    assert!(layer.dates.iter().all(|d| d.relative && d.value.is_none()));
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["date-unresolved"]);
    assert_eq!(diagnostics[0].level, Level::Info);
}

#[test]
fn unsupported_language_is_language_neutral() {
    let text = "Lisboa, 10 de janeiro. Mais de 2.000 soldados chegaram ontem.";
    let (layer, _) = dateline_text::analyze(text, "pt", None);
    assert_eq!(layer.sentences.len(), 2);
    // Without Portuguese resources, "10 de janeiro" is not known as a date: digits
    // are still read, with the neutral grouping rule ("2.000" = 2000).
    let values: Vec<Option<f64>> = layer.quantities.iter().map(|q| q.min).collect();
    assert_eq!(values, [Some(10.0), Some(2000.0)]);
    assert!(layer.dates.is_empty());
}

/// A small deterministic generator: no dependency, reproducible failures.
fn junk(seed: u64, len: usize) -> String {
    const PIECES: &[&str] = &[
        "a",
        "É",
        "'",
        "’",
        "-",
        ".",
        "...",
        " ",
        "\n",
        "\n\n",
        "«",
        "»",
        "\"",
        "2",
        "000",
        ",",
        "\u{202f}",
        "\u{a0}",
        "/",
        ":",
        "l'",
        "M.",
        "janvier",
        "Jan.",
        "plus de",
        "des centaines",
        "il y a",
        "ago",
        "days",
        "vingt-",
        "et",
        "\u{301}",
        "\t",
        "[",
        "]",
        "?",
        "Ω",
        "中",
        "🙂",
        "\u{200b}",
        "1er",
        "10h30",
        "2022-",
        "-01-",
        "31",
        "février",
    ];
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = String::new();
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
    }
    out
}

#[test]
fn hostile_input_never_panics_and_spans_stay_valid() {
    for seed in 0..300 {
        let raw = junk(seed, 400);
        let text = dateline_text::normalize(&raw);
        for lang in ["fr", "en", "zz"] {
            for published in [None, PartialDate::parse_iso("2022-01-10")] {
                let (layer, _) = dateline_text::analyze(&text, lang, published);
                let spans = layer
                    .tokens
                    .iter()
                    .map(|t| t.span)
                    .chain(layer.sentences.iter().copied())
                    .chain(layer.paragraphs.iter().copied())
                    .chain(layer.quantities.iter().map(|q| q.span))
                    .chain(layer.dates.iter().map(|d| d.span));
                for span in spans {
                    assert!(
                        span.start < span.end && text.get(span.start..span.end).is_some(),
                        "seed {seed}: {span:?}"
                    );
                }
                let folded = dateline_text::fold(&text);
                assert!(folded.text().len() >= text.len() / 4);
            }
        }
    }
}

#[test]
fn a_long_single_line_is_linear() {
    let line = "Plus de 2 000 soldats sont arrivés le 10 janvier, selon M. Dupont, ".repeat(20_000);
    let started = std::time::Instant::now();
    let (layer, _) = dateline_text::analyze(&line, "fr", None);
    assert_eq!(layer.quantities.len(), 20_000);
    assert_eq!(layer.dates.len(), 20_000);
    assert_eq!(layer.paragraphs.len(), 1);
    // Generous bound for a debug build on a shared machine: quadratic behaviour would take minutes.
    assert!(started.elapsed().as_secs() < 30);
}
