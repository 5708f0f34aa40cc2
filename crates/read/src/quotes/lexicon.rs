//! The quote lexicon of one language, built once from its resource files
//! (`speech_verbs.tsv`, `quote_cues.tsv`, `reporting_phrases.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::scan::fold_into;

/// What a speech-verb form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VerbForm {
    /// A gerund / present participle ("ajoutant", "adding"): its subject is
    /// the subject of the clause it hangs on.
    pub gerund: bool,
    /// Takes a bare reported clause without "that" ("said 12 people died").
    pub bare: bool,
    /// Its object is itself the claim ("denied any involvement").
    pub content: bool,
    /// The form is more often a noun or adjective ("une date précise", "the
    /// claim"): it counts only after an auxiliary or with an inverted pronoun.
    pub needs_aux: bool,
}

pub(crate) const AUX: u16 = 1;
pub(crate) const ADVERB: u16 = 2;
pub(crate) const COMPLEMENTIZER: u16 = 4;
pub(crate) const CLITIC: u16 = 8;
pub(crate) const STOP: u16 = 16;
pub(crate) const DETERMINER: u16 = 32;
pub(crate) const TIME: u16 = 64;
pub(crate) const QUANTITY: u16 = 128;
pub(crate) const COORDINATOR: u16 = 256;
pub(crate) const INFINITIVE: u16 = 512;
pub(crate) const RELATIVE: u16 = 1024;

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Folded form -> what it is.
    pub verbs: HashMap<String, VerbForm>,
    /// Folded small word -> role bits (`AUX`, `ADVERB`, ...).
    pub cues: HashMap<String, u16>,
    /// Reporting phrases as folded word sequences ("according", "to").
    pub reporting: Vec<Vec<String>>,
    /// Title abbreviations without their period ("M", "Dr"): a period after
    /// them does not end a sentence.
    pub title_abbreviations: Vec<String>,
    /// Subject pronouns ("il", "she"), folded: a quote's speaker by continuity.
    pub pronouns: Vec<String>,
    /// Person titles ("ministre", "chef du gouvernement"), folded: a definite
    /// description headed by one ("le ministre") stands for a person.
    pub titles: Vec<String>,
}

impl Lexicon {
    pub fn verb(&self, key: &str) -> Option<VerbForm> {
        self.verbs.get(key).copied()
    }
    pub fn is(&self, key: &str, role: u16) -> bool {
        self.cues.get(key).is_some_and(|bits| bits & role != 0)
    }
}

fn folded(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

fn build(lang: &str) -> Lexicon {
    let mut lex = Lexicon::default();
    if let Some(text) = dateline_lang::file(lang, "speech_verbs.tsv") {
        let mut paradigms: HashMap<&str, (&str, Vec<&str>)> = HashMap::new();
        for row in dateline_lang::rows(text) {
            if row.first() == Some(&"paradigm") {
                let name = row.get(1).copied().unwrap_or("");
                let ending = row.get(2).copied().unwrap_or("");
                let suffixes = row
                    .get(3)
                    .map(|s| s.split(',').map(str::trim).collect())
                    .unwrap_or_default();
                paradigms.insert(name, (ending, suffixes));
            }
        }
        for row in dateline_lang::rows(text) {
            if row.first() != Some(&"verb") {
                continue;
            }
            let lemma = row.get(1).copied().unwrap_or("");
            let flags = row.get(3).copied().unwrap_or("-");
            let bare = flags.split(',').any(|f| f.trim() == "bare");
            let content = flags.split(',').any(|f| f.trim() == "content");
            let restricted: Vec<String> = row
                .get(5)
                .map(|s| s.split(',').map(|f| folded(f.trim())).collect())
                .unwrap_or_default();
            let mut forms: Vec<(String, bool)> = Vec::new();
            let paradigm = row.get(2).copied().unwrap_or("-");
            if let Some((ending, suffixes)) = paradigms.get(paradigm) {
                if let Some(stem) = lemma.strip_suffix(ending) {
                    for suffix in suffixes {
                        let (suffix, gerund) = tagged(suffix);
                        forms.push((folded(&format!("{stem}{suffix}")), gerund));
                    }
                }
            }
            if let Some(extra) = row.get(4) {
                for form in extra
                    .split(',')
                    .map(str::trim)
                    .filter(|f| !f.is_empty() && *f != "-")
                {
                    let (form, gerund) = tagged(form);
                    forms.push((folded(form), gerund));
                }
            }
            for (form, gerund) in forms {
                if form.is_empty() {
                    continue;
                }
                let needs_aux = restricted.contains(&form);
                lex.verbs.insert(
                    form,
                    VerbForm {
                        gerund,
                        bare,
                        content,
                        needs_aux,
                    },
                );
            }
        }
    }
    if let Some(text) = dateline_lang::file(lang, "quote_cues.tsv") {
        for row in dateline_lang::rows(text) {
            let bit = match row.get(1).copied() {
                Some("aux") => AUX,
                Some("adverb") => ADVERB,
                Some("complementizer") => COMPLEMENTIZER,
                Some("clitic") => CLITIC,
                Some("stop") => STOP,
                Some("determiner") => DETERMINER,
                Some("time") => TIME,
                Some("quantity") => QUANTITY,
                Some("coordinator") => COORDINATOR,
                Some("infinitive") => INFINITIVE,
                Some("relative") => RELATIVE,
                _ => continue,
            };
            if let Some(word) = row.first() {
                *lex.cues.entry(folded(word)).or_insert(0) |= bit;
            }
        }
    }
    if let Some(text) = dateline_lang::file(lang, "reporting_phrases.tsv") {
        for phrase in dateline_lang::words(text) {
            let mut words = Vec::new();
            super::scan::for_each_word(phrase, |span| {
                if let Some(w) = phrase.get(span.start..span.end) {
                    words.push(folded(w));
                }
            });
            if !words.is_empty() {
                lex.reporting.push(words);
            }
        }
    }
    if let Some(text) = dateline_lang::file(lang, "abbreviations.tsv") {
        for row in dateline_lang::rows(text) {
            if let (Some(form), Some(&"title")) = (row.first(), row.get(1)) {
                lex.title_abbreviations
                    .push(form.trim_end_matches('.').to_string());
            }
        }
    }
    if let Some(text) = dateline_lang::file(lang, "pronouns.tsv") {
        lex.pronouns = dateline_lang::words(text).map(folded).collect();
    }
    if let Some(text) = dateline_lang::file(lang, "titles.tsv") {
        lex.titles = dateline_lang::rows(text)
            .filter(|row| row.get(3) == Some(&"title"))
            .filter_map(|row| row.first().map(|t| folded(t)))
            .collect();
    }
    lex
}

fn tagged(form: &str) -> (&str, bool) {
    match form.strip_suffix(":g") {
        Some(bare) => (bare, true),
        None => (form, false),
    }
}

/// The lexicon of a language, built on first use; empty for languages without resources.
pub(crate) fn lexicon(lang: &str) -> &'static Lexicon {
    static ALL: OnceLock<Vec<(&'static str, Lexicon)>> = OnceLock::new();
    static NONE: OnceLock<Lexicon> = OnceLock::new();
    ALL.get_or_init(|| {
        dateline_lang::SUPPORTED
            .iter()
            .map(|&iso| (iso, build(iso)))
            .collect()
    })
    .iter()
    .find(|(iso, _)| *iso == lang)
    .map(|(_, lexicon)| lexicon)
    .unwrap_or_else(|| NONE.get_or_init(Lexicon::default))
}
