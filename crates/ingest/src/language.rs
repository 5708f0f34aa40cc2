//! Language identification and language-code normalization.

use std::collections::HashMap;
use std::sync::OnceLock;

/// At most this much text is given to the detector: the language of a story
/// shows in its first paragraphs (3 KB is some 500 words, far more than
/// trigram statistics need), and detection stays O(1) on huge inputs.
const SAMPLE_BYTES: usize = 3 * 1024;
/// Fewer letters than this and trigram statistics say little.
const MIN_LETTERS: usize = 20;
/// Below this whatlang confidence the answer is as likely wrong as right.
const MIN_CONFIDENCE: f64 = 0.5;

/// ISO 639-3 / 639-2B codes to ISO 639-1, read once from the embedded table.
fn iso639_table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        dateline_lang::rows(include_str!("../data/iso639.tsv"))
            .filter_map(|row| match row.as_slice() {
                [three, two, ..] => Some((*three, *two)),
                _ => None,
            })
            .collect()
    })
}

/// The detector, restricted to the languages of `data/detected-languages.tsv`
/// and those dateline has resources for: each candidate of a script costs a
/// pass over its trigram profile, so fewer candidates is faster detection.
fn detector() -> &'static whatlang::Detector {
    static DETECTOR: OnceLock<whatlang::Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| whatlang::Detector::with_allowlist(allowed_languages()))
}

/// The whatlang languages whose ISO 639-1 code is listed or supported.
fn allowed_languages() -> Vec<whatlang::Lang> {
    let listed: Vec<&str> = dateline_lang::words(include_str!("../data/detected-languages.tsv"))
        .chain(dateline_lang::SUPPORTED.iter().copied())
        .collect();
    whatlang::Lang::all()
        .iter()
        .copied()
        .filter(|lang| {
            iso639_table()
                .get(lang.code())
                .is_some_and(|code| listed.contains(code))
        })
        .collect()
}

/// The language of a text as an ISO 639-1 code with whatlang's confidence
/// (0..=1), or `None` when the text is too short, the guess unreliable or the
/// language not one the detector is allowed to answer (see [`detector`]).
/// Only the first ~3 KB are looked at.
///
/// ```
/// let (lang, confidence) = dateline_ingest::detect_language(
///     "Le président a dénoncé une tentative de coup d'État menée par des combattants armés.",
/// ).unwrap();
/// assert_eq!(lang, "fr");
/// assert!(confidence > 0.5);
/// assert_eq!(dateline_ingest::detect_language("OK"), None);
/// ```
pub fn detect_language(text: &str) -> Option<(String, f64)> {
    let sample = prefix_on_char_boundary(text, SAMPLE_BYTES);
    if sample
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(MIN_LETTERS)
        .count()
        < MIN_LETTERS
    {
        return None;
    }
    let info = detector().detect(sample)?;
    if info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    let code = iso639_table().get(info.lang().code())?;
    Some(((*code).to_string(), info.confidence()))
}

/// A language code as publishers write it (`fr`, `FR`, `fr-FR`, `fr_CA`,
/// `fra`, `fre`) reduced to ISO 639-1; `None` when it is not one.
///
/// ```
/// use dateline_ingest::normalize_language_code as norm;
/// assert_eq!(norm("fr-FR").as_deref(), Some("fr"));
/// assert_eq!(norm("ENG").as_deref(), Some("en"));
/// assert_eq!(norm("x"), None);
/// ```
pub fn normalize_language_code(code: &str) -> Option<String> {
    let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if !primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    match primary.len() {
        2 => Some(primary),
        3 => iso639_table()
            .get(primary.as_str())
            .map(|c| (*c).to_string()),
        _ => None,
    }
}

/// The longest prefix of at most `max` bytes that ends on a char boundary.
fn prefix_on_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_required_languages() {
        let samples = [
            ("fr", "Lors d'une réunion de l'organisation, le président kazakh a dénoncé une tentative de coup d'État menée par des combattants armés venus de l'étranger."),
            ("en", "The president said on Monday that security forces had regained control of the situation after days of violent protests in the country."),
            ("es", "El presidente afirmó el lunes que las fuerzas de seguridad habían recuperado el control de la situación tras varios días de protestas."),
            ("de", "Der Präsident sagte am Montag, die Sicherheitskräfte hätten nach tagelangen gewaltsamen Protesten die Kontrolle über die Lage zurückgewonnen."),
            ("ru", "Президент заявил в понедельник, что силы безопасности восстановили контроль над ситуацией после нескольких дней протестов."),
            ("ar", "قال الرئيس يوم الاثنين إن قوات الأمن استعادت السيطرة على الوضع بعد أيام من الاحتجاجات العنيفة في البلاد."),
            ("pt", "O presidente afirmou na segunda-feira que as forças de segurança recuperaram o controle da situação depois de vários dias de protestos violentos."),
            ("it", "Il presidente ha dichiarato lunedì che le forze di sicurezza hanno ripreso il controllo della situazione dopo diversi giorni di proteste violente."),
        ];
        for (expected, text) in samples {
            let got = detect_language(text).map(|(code, _)| code);
            assert_eq!(got.as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn too_short_or_non_text_gives_none() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("Paris"), None);
        assert_eq!(detect_language("12 345 678 -- 2022-01-10 // 99.5%"), None);
    }

    #[test]
    fn huge_text_is_sampled_on_a_char_boundary() {
        // 'é' is two bytes, so the 3 KB cut falls inside a character.
        let text = "é".repeat(SAMPLE_BYTES / 2 + 100)
            + &" le gouvernement a annoncé des mesures".repeat(10_000);
        let sample = prefix_on_char_boundary(&text, SAMPLE_BYTES);
        assert!(sample.len() <= SAMPLE_BYTES && sample.len() >= SAMPLE_BYTES - 1);
        // Must not panic; the sample is all 'é', which is not reliable language evidence.
        let _ = detect_language(&text);
    }

    #[test]
    fn the_language_is_read_from_the_start_of_a_long_text() {
        let french =
            "Le gouvernement a annoncé mardi de nouvelles mesures contre la hausse des prix. ";
        let english = "The government announced new measures against rising prices on Tuesday. ";
        let text = french.repeat(SAMPLE_BYTES / french.len() + 1) + &english.repeat(1000);
        assert_eq!(
            detect_language(&text).map(|(code, _)| code).as_deref(),
            Some("fr")
        );
    }

    #[test]
    fn languages_outside_the_allowlist_are_not_answered() {
        // Slovene and Estonian share the Latin script with allowed languages but
        // are not in the list: no guess is better than a wrong one.
        let slovene = "Predsednik vlade je v ponedeljek dejal, da so varnostne sile po več dneh nasilnih protestov ponovno prevzele nadzor nad razmerami v državi.";
        let estonian = "Peaminister ütles esmaspäeval, et julgeolekujõud on pärast mitu päeva kestnud vägivaldseid proteste olukorra üle taas kontrolli saavutanud.";
        for text in [slovene, estonian] {
            let got = detect_language(text).map(|(code, _)| code);
            assert!(
                !matches!(got.as_deref(), Some("sl" | "et")),
                "answered a language outside the list: {got:?}"
            );
        }
        // A script with one language is recognised whatever the list says.
        let greek = "Ο πρωθυπουργός δήλωσε τη Δευτέρα ότι οι δυνάμεις ασφαλείας ανέκτησαν τον έλεγχο της κατάστασης.";
        assert_eq!(
            detect_language(greek).map(|(code, _)| code).as_deref(),
            Some("el")
        );
    }

    #[test]
    fn the_allowlist_has_the_supported_languages_and_no_unknown_code() {
        let allowed: Vec<&str> = allowed_languages()
            .iter()
            .filter_map(|lang| iso639_table().get(lang.code()).copied())
            .collect();
        for supported in dateline_lang::SUPPORTED {
            assert!(allowed.contains(supported), "{supported} not allowed");
        }
        // Every listed code names a language the detector knows: a typo would
        // silently drop a language.
        for code in dateline_lang::words(include_str!("../data/detected-languages.tsv")) {
            assert!(allowed.contains(&code), "{code} is not a whatlang language");
        }
        assert!(allowed.len() < whatlang::Lang::all().len());
    }

    #[test]
    fn codes_are_normalized() {
        assert_eq!(normalize_language_code("fr_CA").as_deref(), Some("fr"));
        assert_eq!(normalize_language_code(" de ").as_deref(), Some("de"));
        assert_eq!(normalize_language_code("fre").as_deref(), Some("fr"));
        assert_eq!(normalize_language_code("zzz"), None);
        assert_eq!(normalize_language_code("français"), None);
        assert_eq!(normalize_language_code(""), None);
    }

    #[test]
    fn every_whatlang_language_maps_to_iso639_1() {
        for lang in whatlang::Lang::all() {
            let code = iso639_table().get(lang.code());
            assert!(
                code.is_some_and(|c| c.len() == 2),
                "no ISO 639-1 code for {}",
                lang.code()
            );
        }
    }
}
