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

/// The Latin-script function words of `data/function-words.tsv`: word ->
/// bit set of the languages (indices into `codes`) that use it.
struct FunctionWords {
    codes: Vec<&'static str>,
    languages_of: HashMap<&'static str, u32>,
}

fn function_words() -> &'static FunctionWords {
    static WORDS: OnceLock<FunctionWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut codes: Vec<&'static str> = Vec::new();
        let mut languages_of: HashMap<&'static str, u32> = HashMap::new();
        for row in dateline_lang::rows(include_str!("../data/function-words.tsv")) {
            let [code, word] = row.as_slice() else {
                continue;
            };
            let index = codes.iter().position(|c| c == code).unwrap_or_else(|| {
                codes.push(code);
                codes.len() - 1
            });
            // A bit per language: more languages than bits are ignored (the
            // test below keeps the file within bounds).
            if let Some(bit) = 1u32.checked_shl(index as u32) {
                *languages_of.entry(*word).or_default() |= bit;
            }
        }
        FunctionWords {
            codes,
            languages_of,
        }
    })
}

/// The quick pass decides only on at least this many function words...
const QUICK_MIN_HITS: u32 = 8;
/// ...making at least this share (in percent) of the words...
const QUICK_MIN_SHARE: u32 = 20;
/// ...and this many times (in percent) the count of the runner-up language.
const QUICK_MIN_LEAD: u32 = 150;
/// Longest word worth looking up, in bytes (longer than any listed word).
const QUICK_WORD_BYTES: usize = 16;

/// Whether a non-ASCII char is a letter of the Latin script (Latin-1
/// letters, Latin Extended-A/B, Vietnamese's Latin Extended Additional) or a
/// combining mark that decomposed Latin text carries.
fn is_latin_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x300..=0x36F | 0x1E00..=0x1EFF)
}

/// A first pass over a sample: counts the function words of each Latin-script
/// language and names one only when it clearly wins; `None` (not sure, or not
/// Latin script) leaves the question to the trigram detector. Counting a few
/// hundred words in a table is a fraction of the trigram detector's cost,
/// which was a fifth of the whole pipeline's on short stories.
fn quick_language(sample: &str) -> Option<&'static str> {
    let table = function_words();
    let mut counts = [0u32; 32];
    let mut words = 0u32;
    let mut latin = 0usize;
    let mut other = 0usize;
    let mut word = [0u8; QUICK_WORD_BYTES];
    let mut len = 0usize;
    let mut too_long = false;
    let finish = |word: &[u8], too_long: bool, counts: &mut [u32; 32], words: &mut u32| {
        *words += 1;
        if too_long {
            return;
        }
        let Some(languages) = std::str::from_utf8(word)
            .ok()
            .and_then(|w| table.languages_of.get(w))
        else {
            return;
        };
        for (index, count) in counts.iter_mut().enumerate() {
            if languages & (1 << index) != 0 {
                *count += 1;
            }
        }
    };
    let mut checked_at = 0;
    for c in sample.chars().chain(std::iter::once(' ')) {
        // A story that has settled its language in its first few hundred
        // words does not need the rest of the sample counted.
        if words >= checked_at + EARLY_CHECK_WORDS {
            checked_at = words;
            if let Some(code) = clear_winner(table, &counts, words, latin, other, EARLY) {
                return Some(code);
            }
        }
        let mut lower = [0u8; 4];
        let piece: &[u8] = if c.is_ascii_alphabetic() {
            latin += 1;
            lower[0] = c.to_ascii_lowercase() as u8;
            &lower[..1]
        } else if !c.is_ascii() && is_latin_letter(c) {
            latin += 1;
            // Latin letters lowercase to one char.
            let lowered = c.to_lowercase().next().unwrap_or(c);
            lowered.encode_utf8(&mut lower).as_bytes()
        } else if !c.is_ascii() && !crate::dedup::is_general_punctuation(c) && c.is_alphabetic() {
            other += 1;
            &[]
        } else {
            if len > 0 || too_long {
                finish(
                    word.get(..len).unwrap_or(&[]),
                    too_long,
                    &mut counts,
                    &mut words,
                );
            }
            len = 0;
            too_long = false;
            continue;
        };
        if piece.is_empty() {
            continue;
        }
        match word.get_mut(len..len + piece.len()) {
            Some(slot) if !too_long => {
                slot.copy_from_slice(piece);
                len += piece.len();
            }
            _ => too_long = true,
        }
    }
    clear_winner(table, &counts, words, latin, other, FULL)
}

/// What makes a function-word count a clear winner: hits, share of the
/// words (percent), lead over the runner-up (percent).
struct Margins {
    hits: u32,
    share: u32,
    lead: u32,
}

/// On the whole sample.
const FULL: Margins = Margins {
    hits: QUICK_MIN_HITS,
    share: QUICK_MIN_SHARE,
    lead: QUICK_MIN_LEAD,
};
/// Part way: stricter, since the rest of the sample is not seen.
const EARLY: Margins = Margins {
    hits: 40,
    share: 25,
    lead: 200,
};
/// Words between checks for an early answer.
const EARLY_CHECK_WORDS: u32 = 100;

fn clear_winner(
    table: &FunctionWords,
    counts: &[u32; 32],
    words: u32,
    latin: usize,
    other: usize,
    margins: Margins,
) -> Option<&'static str> {
    // Mostly another script: the trigram detector knows those.
    if other * 10 > latin {
        return None;
    }
    let (best, &top) = counts.iter().enumerate().max_by_key(|&(_, count)| *count)?;
    let runner_up = counts
        .iter()
        .enumerate()
        .filter(|&(index, _)| index != best)
        .map(|(_, &count)| count)
        .max()
        .unwrap_or(0);
    let decided = top >= margins.hits
        && top * 100 >= words * margins.share
        && top * 100 >= runner_up * margins.lead;
    decided.then(|| table.codes.get(best).copied()).flatten()
}

/// The language of a text as an ISO 639-1 code, when only the code matters:
/// a function-word count decides typical news in a Latin-script language,
/// the trigram detector ([`detect_language`]) the rest. Both look at the
/// same first ~3 KB; where the count decides, the detector agrees on the
/// project's dev stories (a test checks that).
///
/// ```
/// let text = "The president said on Monday that the army had taken control of the capital after a night of fighting in the streets.";
/// assert_eq!(dateline_ingest::identify_language(text).as_deref(), Some("en"));
/// assert_eq!(dateline_ingest::identify_language("OK"), None);
/// ```
pub fn identify_language(text: &str) -> Option<String> {
    let sample = prefix_on_char_boundary(text, SAMPLE_BYTES);
    if !has_min_letters(sample) {
        return None;
    }
    match quick_language(sample) {
        Some(code) => Some(code.to_string()),
        None => detect_language(text).map(|(code, _)| code),
    }
}

/// Whether `text` reads as the language `code` by the function-word count
/// alone (see [`identify_language`]); `false` means "not sure", not "no".
pub(crate) fn clearly_reads_as(text: &str, code: &str) -> bool {
    let sample = prefix_on_char_boundary(text, SAMPLE_BYTES);
    has_min_letters(sample) && quick_language(sample) == Some(code)
}

fn has_min_letters(sample: &str) -> bool {
    sample
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(MIN_LETTERS)
        .count()
        >= MIN_LETTERS
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
    if !has_min_letters(sample) {
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
    fn the_quick_pass_names_clear_latin_script_news_and_leaves_the_rest() {
        let clear = [
            ("en", "The president said on Monday that the army had taken control of the capital after a night of fighting in the streets, and that the curfew would be lifted."),
            ("fr", "Le président a déclaré lundi que l'armée avait pris le contrôle de la capitale après une nuit de combats dans les rues et que le couvre-feu serait levé."),
            ("de", "Der Präsident sagte am Montag, die Armee habe nach einer Nacht der Kämpfe in den Straßen die Kontrolle über die Hauptstadt übernommen, und die Ausgangssperre werde aufgehoben."),
        ];
        for (expected, text) in clear {
            assert_eq!(quick_language(text), Some(expected), "{text}");
            assert_eq!(identify_language(text).as_deref(), Some(expected));
        }
        // A long story is settled by its start (and answered before the end of the sample).
        let (en, fr) = (clear[0].1, clear[1].1);
        let long = format!("{} {}", fr.repeat(8), en.repeat(20));
        assert_eq!(
            quick_language(prefix_on_char_boundary(&long, SAMPLE_BYTES)),
            Some("fr")
        );
        // Spanish shares its commonest words with Catalan: one sentence gives
        // no clear lead, the detector answers.
        let spanish = "El presidente dijo el lunes que el ejército había tomado el control de la capital tras una noche de combates en las calles y que el toque de queda se levantaría.";
        assert!(matches!(quick_language(spanish), None | Some("es")));
        assert_eq!(identify_language(spanish).as_deref(), Some("es"));
        // Other scripts go to the trigram detector, which knows them.
        let russian = "Президент заявил в понедельник, что армия взяла под контроль столицу после ночи уличных боёв и что комендантский час будет отменён.";
        let arabic = "قال الرئيس يوم الاثنين إن الجيش سيطر على العاصمة بعد ليلة من القتال في الشوارع وإن حظر التجول سيرفع قريبا.";
        for (expected, text) in [("ru", russian), ("ar", arabic)] {
            assert_eq!(quick_language(text), None, "{text}");
            assert_eq!(identify_language(text).as_deref(), Some(expected));
        }
        // Junk and lists of names have no function words to count.
        let junk = "Xqzt brmf kkkl zzzv qwrtp mnbv lkjh gfds poiu ytre wqas dfgh jklm cvbn";
        assert_eq!(quick_language(junk), None);
        assert_eq!(quick_language("12 345 678 -- 2022-01-10 // 99.5%"), None);
        assert_eq!(identify_language("OK"), None);
        // Spanish and Catalan share their commonest words: no clear lead, so
        // the count does not answer (the detector does).
        let catalan = "El president va dir dilluns que l'exèrcit havia pres el control de la capital després d'una nit de combats als carrers i que el toc de queda s'aixecaria.";
        assert_ne!(quick_language(catalan), Some("es"));
    }

    /// Runs the quick pass and the detector over the `field` text of every
    /// JSON line: (stories, stories the quick pass decided, where they differ).
    fn quick_against_detector<'a>(
        lines: impl Iterator<Item = &'a str>,
        field: &str,
    ) -> (usize, usize, Vec<String>) {
        let (mut stories, mut decided, mut differ) = (0, 0, Vec::new());
        for line in lines {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(text) = value[field].as_str() else {
                continue;
            };
            stories += 1;
            let sample = prefix_on_char_boundary(text, SAMPLE_BYTES);
            if let Some(quick) = quick_language(sample).filter(|_| has_min_letters(sample)) {
                decided += 1;
                let slow = detect_language(text).map(|(code, _)| code);
                if slow.as_deref() != Some(quick) {
                    let start: String = sample.chars().take(150).collect();
                    differ.push(format!("{quick} vs {slow:?}: {start}"));
                }
            }
        }
        (stories, decided, differ)
    }

    /// Where the quick pass decides, it must say what the trigram detector
    /// says, or the pipeline's output would depend on which pass answered.
    #[test]
    fn the_quick_pass_agrees_with_the_detector_on_every_dev_story() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let files = [
            root.join("../shared/eval/dev/plover-gsr.gold.jsonl"),
            root.join("../shared/eval/dev/seed.gold.jsonl"),
            root.join("testdata/gold/acled-en.gold.jsonl"),
            root.join("testdata/gold/acled-fr-holdout.gold.jsonl"),
        ];
        let texts: Vec<String> = files
            .iter()
            .filter(|f| f.exists())
            .map(|f| std::fs::read_to_string(f).unwrap_or_default())
            .collect();
        let (stories, decided, differ) =
            quick_against_detector(texts.iter().flat_map(|t| t.lines()), "input");
        assert!(differ.is_empty(), "{differ:#?}");
        // Most stories of some length are clear enough for the count (the GSR's
        // one-sentence stories often have too few function words).
        assert!(decided * 10 >= stories * 4, "{decided} of {stories}");
    }

    #[test]
    fn the_function_word_table_fits_its_bit_sets() {
        let table = function_words();
        assert!(table.codes.len() <= 32 && table.codes.len() >= 10);
        assert!(table
            .languages_of
            .keys()
            .all(|w| w.len() < QUICK_WORD_BYTES));
        // Every language it may answer is one the detector may answer too.
        let allowed: Vec<&str> = allowed_languages()
            .iter()
            .filter_map(|lang| iso639_table().get(lang.code()).copied())
            .collect();
        for code in &table.codes {
            assert!(allowed.contains(code), "{code}");
        }
    }

    /// Developer check against whatlang on a big corpus (JSONL with "text"):
    /// DATELINE_LANG_CORPUS=/tmp/short10k.jsonl cargo test -p dateline-ingest -- --ignored
    #[test]
    #[ignore = "needs DATELINE_LANG_CORPUS, a JSONL corpus with a \"text\" field"]
    fn the_quick_pass_agrees_with_the_detector_on_a_corpus() {
        let path = std::env::var("DATELINE_LANG_CORPUS")
            .unwrap_or_else(|_| panic!("set DATELINE_LANG_CORPUS to a JSONL corpus"));
        let lines = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (stories, decided, differ) = quick_against_detector(lines.lines(), "text");
        eprintln!("decided {decided} of {stories}, {} differ", differ.len());
        assert!(differ.is_empty(), "{differ:#?}");
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
