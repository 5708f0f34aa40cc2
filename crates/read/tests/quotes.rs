//! The quotes reader against exact cases, the French seed story and the
//! team-written gold files `testdata/gold/quotes-{fr,en}.gold.jsonl`.
//!
//! Scoring follows `spec/gold.md`: a predicted quote matches a gold one when
//! it covers at least 80% of the gold's characters; speaker accuracy is over
//! matched gold quotes that name a speaker, comparing folded names (a surname
//! alone matches). Run with `--nocapture` to see the figures.

use dateline_model::{Document, QuoteKind, Reading, Span};
use dateline_read::quotes;

fn read(lang: &str, text: &str) -> Reading {
    let mut doc = Document::new("t", text.to_string());
    doc.meta.language = Some(lang.to_string());
    dateline_read::read(doc)
}

/// (kind, quoted text, cue, speaker words) of every quote.
fn quotes_of(r: &Reading) -> Vec<(QuoteKind, &str, Option<&str>, Option<&str>)> {
    r.quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                r.doc.slice(q.span),
                q.cue.as_deref(),
                q.speaker_span.map(|s| r.doc.slice(s)),
            )
        })
        .collect()
}

fn speaker_name(r: &Reading, index: usize) -> Option<&str> {
    r.quotes
        .get(index)?
        .speaker
        .and_then(|e| r.entities.get(e))
        .map(|e| e.name.as_str())
}

// ---------------------------------------------------------------- exact cases

#[test]
fn french_incise_after_a_direct_quote() {
    let r = read(
        "fr",
        "« Nous ne céderons pas », a déclaré mardi le ministre.",
    );
    assert_eq!(
        quotes_of(&r),
        [(
            QuoteKind::Direct,
            "Nous ne céderons pas",
            Some("a déclaré"),
            Some("le ministre")
        )]
    );
}

#[test]
fn inverted_pronoun_is_the_speaker_span() {
    let r = read(
        "fr",
        "«La patrie ou la mort», a-t-il lancé. «Nous vaincrons», ajoute-t-elle.",
    );
    let found = quotes_of(&r);
    assert_eq!(
        found[0],
        (
            QuoteKind::Direct,
            "La patrie ou la mort",
            Some("a-t-il lancé"),
            Some("il")
        )
    );
    assert_eq!(
        found[1],
        (
            QuoteKind::Direct,
            "Nous vaincrons",
            Some("ajoute-t-elle"),
            Some("elle")
        )
    );
}

#[test]
fn english_incise_with_subject_first_and_inverted() {
    let r = read(
        "en",
        "\"We will win,\" the minister said. \"It is over,\" said John Smith, a spokesman.",
    );
    let found = quotes_of(&r);
    assert_eq!(
        found[0],
        (
            QuoteKind::Direct,
            "We will win,",
            Some("said"),
            Some("the minister")
        )
    );
    assert_eq!(
        found[1],
        (
            QuoteKind::Direct,
            "It is over,",
            Some("said"),
            Some("John Smith")
        )
    );
}

#[test]
fn colon_introduces_a_direct_quote() {
    let r = read("en", "The general told reporters: “Our troops are ready.”");
    assert_eq!(
        quotes_of(&r),
        [(
            QuoteKind::Direct,
            "Our troops are ready.",
            Some("told"),
            Some("The general")
        )]
    );
}

#[test]
fn partial_quotes_take_the_reporting_clause_speaker() {
    let r = read(
        "fr",
        "Le ministre a dénoncé des forces «terroristes» composées d'«islamistes».",
    );
    let found = quotes_of(&r);
    assert_eq!(found.len(), 2);
    for (q, text) in found.iter().zip(["terroristes", "islamistes"]) {
        assert_eq!(
            *q,
            (
                QuoteKind::Partial,
                text,
                Some("a dénoncé"),
                Some("Le ministre")
            )
        );
    }
}

#[test]
fn scare_quotes_without_a_speaker_stay_unattributed() {
    let r = read(
        "fr",
        "Des centaines de « gilets jaunes » ont défilé samedi à Paris.",
    );
    let q = &r.quotes[0];
    assert_eq!(
        (q.kind, r.doc.slice(q.span)),
        (QuoteKind::Partial, "gilets jaunes")
    );
    assert_eq!((q.speaker, q.speaker_span, q.cue_span), (None, None, None));
}

#[test]
fn a_quote_that_opens_a_sentence_the_writer_continues_is_partial() {
    let r = read("en", "\"Gilets jaunes\" protesters marched in Paris.");
    assert_eq!(r.quotes[0].kind, QuoteKind::Partial);
}

#[test]
fn quotations_continued_over_paragraphs_are_one_quote() {
    let text = "« Nous avons tenu.\n\n« Nous tiendrons encore », a affirmé le maire.";
    let r = read("fr", text);
    let found = quotes_of(&r);
    assert_eq!(
        found,
        [(
            QuoteKind::Direct,
            "Nous avons tenu.\n\n« Nous tiendrons encore",
            Some("a affirmé"),
            Some("le maire")
        )]
    );
}

#[test]
fn french_dialogue_dash_lines() {
    let r = read("fr", "Le porte-parole a répondu à nos questions.\n— Les gangs contrôlent les routes, a-t-il expliqué.\n— Liste à puces sans verbe");
    assert_eq!(
        quotes_of(&r),
        [(
            QuoteKind::Direct,
            "Les gangs contrôlent les routes",
            Some("a-t-il expliqué"),
            Some("il")
        )]
    );
}

#[test]
fn indirect_speech_with_que_that_and_a_bare_clause() {
    let r = read(
        "fr",
        "Le ministre a assuré que les élections auraient lieu en mars.",
    );
    assert_eq!(
        quotes_of(&r),
        [(
            QuoteKind::Indirect,
            "les élections auraient lieu en mars",
            Some("a assuré"),
            Some("Le ministre")
        )]
    );
    let r = read("en", "The ministry said 40 people were detained. Police told reporters on Monday that the roads were closed.");
    let found = quotes_of(&r);
    assert_eq!(
        found[0],
        (
            QuoteKind::Indirect,
            "40 people were detained",
            Some("said"),
            Some("The ministry")
        )
    );
    assert_eq!(
        found[1],
        (
            QuoteKind::Indirect,
            "the roads were closed",
            Some("told"),
            Some("Police")
        )
    );
}

#[test]
fn denials_report_their_object() {
    let r = read("en", "The Kremlin denied any involvement in the attack.");
    assert_eq!(
        quotes_of(&r),
        [(
            QuoteKind::Indirect,
            "any involvement in the attack",
            Some("denied"),
            Some("The Kremlin")
        )]
    );
}

#[test]
fn source_phrases_before_and_after() {
    let r = read("fr", "Selon la police, trois personnes ont été blessées.");
    assert_eq!(
        quotes_of(&r),
        [(
            QuoteKind::Indirect,
            "trois personnes ont été blessées",
            Some("Selon"),
            Some("la police")
        )]
    );
    let r = read(
        "en",
        "Twelve people were killed, according to local officials.",
    );
    assert_eq!(
        quotes_of(&r),
        [(
            QuoteKind::Indirect,
            "Twelve people were killed",
            Some("according to"),
            Some("local officials")
        )]
    );
}

#[test]
fn trailing_reporting_clause_reports_the_sentence() {
    let r = read(
        "en",
        "Air strikes killed 30 people overnight, the health ministry said on Saturday.",
    );
    assert_eq!(
        quotes_of(&r),
        [(
            QuoteKind::Indirect,
            "Air strikes killed 30 people overnight",
            Some("said"),
            Some("the health ministry")
        )]
    );
    let r = read("fr", "Trois soldats ont été tués lundi, a indiqué l'armée.");
    assert_eq!(
        quotes_of(&r),
        [(
            QuoteKind::Indirect,
            "Trois soldats ont été tués lundi",
            Some("a indiqué"),
            Some("l'armée")
        )]
    );
}

#[test]
fn adjectives_that_look_like_speech_verbs_are_not_cues() {
    // "précise" is an adjective here, so «rouge» has no speaker.
    let r = read("fr", "Une date précise a été fixée pour la «ligne rouge».");
    assert_eq!(
        quotes_of(&r),
        [(QuoteKind::Partial, "ligne rouge", None, None)]
    );
}

#[test]
fn claims_are_found_by_span() {
    let text = "Le ministre a assuré que « 26 criminels » avaient été tués.";
    let r = read("fr", text);
    let at = text.find("26").unwrap();
    let (_, index) = quotes::claim_at(&r, Span::new(at, at + 2)).expect("inside a quote");
    // The innermost quotation holds the figure.
    assert_eq!(r.doc.slice(r.quotes[index].span), "26 criminels");
    assert_eq!(quotes::claim_at(&r, Span::new(0, 2)), None);
}

#[test]
fn attribution_for_a_sentence() {
    let text =
        "Selon le ministère de l'Intérieur, 26 personnes ont été tuées. Le calme est revenu.";
    let mut doc = Document::new("t", text.to_string());
    doc.meta.language = Some("fr".into());
    let r = dateline_read::read(doc);
    let cx = context("fr", text);
    let first = Span::new(0, text.find(" Le calme").unwrap());
    let (_, source) = quotes::attribution_for_sentence(&r, &cx, first).expect("a source phrase");
    assert_eq!(r.doc.slice(source), "le ministère de l'Intérieur");
    let second = Span::new(first.end + 1, text.len());
    assert_eq!(quotes::attribution_for_sentence(&r, &cx, second), None);
}

fn context(lang: &str, text: &str) -> dateline_read::Context {
    dateline_read::Context {
        lang: lang.into(),
        supported: true,
        folded: dateline_text::fold(text),
    }
}

#[test]
fn no_marks_no_quotes_and_stray_marks_do_not_panic() {
    assert!(read("en", "Nothing was said here.").quotes.is_empty());
    for text in [
        "»",
        "« ",
        "\"",
        "“",
        "’ ‘",
        "— ",
        "a dit que",
        "selon",
        "«\n«\n«",
    ] {
        let _ = read("fr", text);
    }
}

// ---------------------------------------------------------------- the seed

#[test]
fn the_seed_quotes_are_all_found_with_their_speaker() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/examples/seed/000_77698da07e883b51.txt"
    ));
    let Ok(text) = text else {
        eprintln!("seed story not available: skipped");
        return;
    };
    let r = read("fr", &text);
    let expected = [
        (
            "Des groupes de combattants armés qui attendaient leur moment",
            QuoteKind::Direct,
        ),
        (
            "Jamais nous n'avons utilisé ni n'utiliserons la force militaire",
            QuoteKind::Direct,
        ),
        (
            "Nous avons réussi à reprendre le contrôle de la situation.",
            QuoteKind::Direct,
        ),
        ("tentative de coup d'Etat", QuoteKind::Partial),
        ("combattants armés", QuoteKind::Partial),
        ("bientôt", QuoteKind::Partial),
    ];
    for (words, kind) in expected {
        let index = r
            .quotes
            .iter()
            .position(|q| q.kind == kind && r.doc.slice(q.span).starts_with(words))
            .unwrap_or_else(|| panic!("{words:?} not found"));
        assert_eq!(
            speaker_name(&r, index),
            Some("Kassym-Jomart Tokayev"),
            "speaker of {words:?}"
        );
    }
    let tokayev = r
        .quotes
        .iter()
        .find(|q| r.doc.slice(q.span).starts_with("Jamais nous"))
        .unwrap();
    assert_eq!(tokayev.cue.as_deref(), Some("a encore ajouté"));
    assert_eq!(
        tokayev.speaker_span.map(|s| r.doc.slice(s)),
        Some("Kassym-Jomart Tokaïev")
    );
}

// ---------------------------------------------------------------- gold files

fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

fn same_person(gold: &str, predicted: &str) -> bool {
    let words = |s: &str| {
        fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (g, p) = (words(gold), words(predicted));
    let (short, long) = if g.len() <= p.len() { (g, p) } else { (p, g) };
    !short.is_empty() && long.ends_with(&short)
}

#[derive(Default, Debug)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    speaker_right: usize,
    /// Right by the speaker's words alone ("le général Abdel Fattah al-Burhane"),
    /// whatever entity they were linked to: attribution apart from entity linking.
    speaker_words_right: usize,
    speaker_judged: usize,
    kind_right: usize,
}

impl Tally {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn speaker_accuracy(&self) -> f64 {
        self.speaker_right as f64 / self.speaker_judged.max(1) as f64
    }
    fn speaker_words_accuracy(&self) -> f64 {
        self.speaker_words_right as f64 / self.speaker_judged.max(1) as f64
    }
}

/// Chars of `gold` (every place it occurs in the text) covered by `span`: the best placement.
fn covered_chars(text: &str, gold: &str, span: Span) -> usize {
    text.match_indices(gold)
        .map(|(at, _)| {
            let (start, end) = (at.max(span.start), (at + gold.len()).min(span.end));
            text.get(start..end.max(start))
                .map_or(0, |s| s.chars().count())
        })
        .max()
        .unwrap_or(0)
}

fn score(path: &str, verbose: bool) -> Tally {
    let file = std::fs::read_to_string(format!(
        "{}/../../testdata/gold/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("gold file");
    let mut tally = Tally::default();
    for line in file.lines().filter(|l| !l.trim().is_empty()) {
        let gold: serde_json::Value = serde_json::from_str(line).expect("gold JSON");
        let text = gold["input"].as_str().unwrap_or("");
        let r = read(gold["lang"].as_str().unwrap_or("und"), text);
        let mut used = vec![false; r.quotes.len()];
        for g in gold["quotes"].as_array().into_iter().flatten() {
            let g_text = g["text"].as_str().unwrap_or("");
            let needed = (g_text.chars().count() * 4).div_ceil(5);
            // Greedy matching: the unused predicted quote covering most of the gold's chars.
            let best = r
                .quotes
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, q)| (covered_chars(text, g_text, q.span), i))
                .filter(|(covered, _)| *covered >= needed)
                .max_by_key(|(covered, i)| (*covered, std::cmp::Reverse(r.quotes[*i].span.len())));
            let Some((_, i)) = best else {
                tally.fn_ += 1;
                if verbose {
                    println!("  MISSED {:?} {g_text:?}", g["kind"]);
                }
                continue;
            };
            used[i] = true;
            tally.tp += 1;
            if g["kind"].as_str() == Some(r.quotes[i].kind.as_str()) {
                tally.kind_right += 1;
            }
            if let Some(speaker) = g["speaker"].as_str() {
                tally.speaker_judged += 1;
                let predicted = speaker_name(&r, i);
                let words = r.quotes[i].speaker_span.map(|s| r.doc.slice(s));
                let right = predicted.is_some_and(|p| same_person(speaker, p));
                if right || words.is_some_and(|w| same_person(speaker, w)) {
                    tally.speaker_words_right += 1;
                }
                if right {
                    tally.speaker_right += 1;
                } else if verbose {
                    let words = r.quotes[i].speaker_span.map(|s| r.doc.slice(s));
                    println!("  SPEAKER {g_text:?}: gold {speaker:?}, predicted {predicted:?} from {words:?}");
                }
            }
        }
        for (i, used) in used.iter().enumerate() {
            if !used {
                tally.fp += 1;
                if verbose {
                    println!(
                        "  SPURIOUS {:?} {:?}",
                        r.quotes[i].kind,
                        r.doc.slice(r.quotes[i].span)
                    );
                }
            }
        }
    }
    tally
}

fn check_gold(path: &str) {
    let verbose = std::env::var("QUOTES_VERBOSE").is_ok();
    let t = score(path, verbose);
    println!(
        "{path}: F1 {:.3} (tp {} fp {} fn {}), speaker accuracy {:.3} ({}/{}) by entity, {:.3} ({}/{}) by words, kind right {}/{}",
        t.f1(),
        t.tp,
        t.fp,
        t.fn_,
        t.speaker_accuracy(),
        t.speaker_right,
        t.speaker_judged,
        t.speaker_words_accuracy(),
        t.speaker_words_right,
        t.speaker_judged,
        t.kind_right,
        t.tp
    );
    assert!(t.f1() >= 0.85, "{path}: F1 {:.3} below 0.85", t.f1());
    assert!(
        t.speaker_words_accuracy() >= 0.85,
        "{path}: speaker words accuracy {:.3} below 0.85",
        t.speaker_words_accuracy()
    );
    // By entity, the figure also depends on the entities reader linking the
    // speaker's words to the right identity.
    assert!(
        t.speaker_accuracy() >= 0.85,
        "{path}: speaker accuracy {:.3} below 0.85",
        t.speaker_accuracy()
    );
}

#[test]
fn french_gold_quotes() {
    check_gold("quotes-fr.gold.jsonl");
}

#[test]
fn english_gold_quotes() {
    check_gold("quotes-en.gold.jsonl");
}

/// Documents written after the reader was tuned on the files above. Scored
/// untouched the first time: French F1 0.973, speaker 0.909; English F1 0.944,
/// speaker 1.000. The general fixes their errors showed (coordinated verbs,
/// colon-announced quotes, appositions) came after, so they are no longer unseen.
#[test]
fn held_out_gold_quotes() {
    let verbose = std::env::var("QUOTES_VERBOSE").is_ok();
    for path in [
        "quotes-fr-holdout.gold.jsonl",
        "quotes-en-holdout.gold.jsonl",
    ] {
        let t = score(path, verbose);
        println!(
            "{path}: F1 {:.3} (tp {} fp {} fn {}), speaker accuracy {:.3} by entity, {:.3} by words ({} judged)",
            t.f1(),
            t.tp,
            t.fp,
            t.fn_,
            t.speaker_accuracy(),
            t.speaker_words_accuracy(),
            t.speaker_judged
        );
    }
}

#[test]
fn text_without_sentence_breaks_stays_linear() {
    // 5,000 partial quotes and speech verbs in one unbroken "sentence": every
    // quotation's clause search is bounded, so quote reading stays linear.
    let n = 5_000;
    let text = "le ministre a dit que «oui» et ".repeat(n);
    let mut r = read("fr", &text);
    let cx = context("fr", &text);
    let started = std::time::Instant::now();
    quotes::read(&mut r, &cx);
    let elapsed = started.elapsed();
    let partials = r
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Partial)
        .count();
    assert_eq!(partials, n);
    eprintln!(
        "unbroken text: quotes read {} bytes in {elapsed:?}",
        text.len()
    );
}
