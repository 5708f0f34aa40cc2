//! Per-language knowledge of the text layer, loaded once from the embedded
//! resource files (`resources/lang/<iso>/*.tsv`).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::fold::fold_str;
use crate::tokens::{phrase_keys, Keys, TokenRules};

/// A small multiplicative hasher for the short word keys looked up once per
/// token: SipHash's DoS resistance buys nothing for fixed lexicons and costs
/// most of the text layer's time.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub(crate) type Set<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// What a folded token can start, so scanners skip ordinary words after one lookup.
pub(crate) mod flag {
    pub const NUMERIC: u16 = 1;
    pub const MONTH: u16 = 1 << 1;
    pub const WEEKDAY: u16 = 1 << 2;
    pub const NUMBER_WORD: u16 = 1 << 3;
    pub const VAGUE: u16 = 1 << 4;
    pub const HEDGE: u16 = 1 << 5;
    pub const RELATIVE: u16 = 1 << 6;
    pub const UNIT: u16 = 1 << 7;
    /// "a", "un": a number only before a number word ("a dozen", "un million").
    pub const ARTICLE: u16 = 1 << 8;
    /// "next", "last" before a weekday.
    pub const MODIFIER: u16 = 1 << 9;
    pub const DATE_START: u16 =
        NUMERIC | MONTH | WEEKDAY | NUMBER_WORD | ARTICLE | RELATIVE | MODIFIER;
    pub const QUANTITY_START: u16 = NUMERIC | NUMBER_WORD | ARTICLE | VAGUE | HEDGE;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbreviationKind {
    /// Always followed by a name or number: never ends a sentence.
    Title,
    /// May end a sentence.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumberWordKind {
    Add,
    Hundred,
    Scale,
    Article,
    And,
    Of,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NumberWord {
    pub value: f64,
    pub kind: NumberWordKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hedge {
    More,
    AtLeast,
    Less,
    UpTo,
    About,
    Between,
    BetweenAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateUnit {
    Day,
    Week,
    Month,
    Year,
}

/// Which occurrence of a weekday or day-month is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The one closest to publication ("lundi", "le 10 janvier").
    Nearest,
    /// Strictly after publication ("lundi prochain", "next Monday").
    Next,
    /// Strictly before publication ("lundi dernier", "last Monday").
    Last,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relative {
    Offset(DateUnit, i32),
    /// Opens "il y a trois jours".
    AgoBefore,
    /// Closes "three days ago".
    AgoAfter,
}

/// A calendar name (month or weekday) and whether its abbreviated form
/// needs its period in the text ("sept." is September, "sept" is seven).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CalendarName {
    pub number: u8,
    pub needs_period: bool,
}

/// Multi-token phrases keyed by their first folded token, longest first.
#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    by_first: Map<String, Vec<(Vec<String>, V)>>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            by_first: Map::default(),
        }
    }
}

impl<V> PhraseTable<V> {
    fn insert(&mut self, keys: Vec<String>, value: V) {
        let Some(first) = keys.first().cloned() else {
            return;
        };
        let entries = self.by_first.entry(first).or_default();
        entries.push((keys, value));
        entries.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    }

    /// The longest phrase starting at token `i`: its length in tokens and value.
    pub fn longest(&self, keys: &Keys, i: usize) -> Option<(usize, &V)> {
        let entries = self.by_first.get(keys.get(i))?;
        entries.iter().find_map(|(phrase, value)| {
            let matches = phrase
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, word)| keys.get(i + k) == word);
            (matches && i + phrase.len() <= keys.len()).then_some((phrase.len(), value))
        })
    }
}

/// Everything the text layer knows about one language. Empty for a language
/// without resources, which gives language-neutral behaviour.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub rules: TokenRules,
    /// Folded abbreviations with their periods ("m.", "u.s.").
    pub abbreviations: Map<String, AbbreviationKind>,
    pub months: Map<String, CalendarName>,
    /// Whether the language capitalizes month names (then "may" is not May).
    pub months_capitalized: bool,
    pub weekdays: Map<String, CalendarName>,
    pub weekdays_capitalized: bool,
    pub number_words: Map<String, NumberWord>,
    pub vague: PhraseTable<(f64, Option<f64>)>,
    pub hedges: PhraseTable<Hedge>,
    pub relative: PhraseTable<Relative>,
    pub date_prepositions: Set<String>,
    pub date_units: Map<String, DateUnit>,
    /// Words joining two days of one month ("du 10 au 12 janvier").
    pub range_words: Set<String>,
    /// Words that may stand between day, month and year ("14 de mayo de 2024").
    pub date_links: Set<String>,
    /// "next"/"last" before a weekday (English).
    pub modifiers_before: Map<String, Direction>,
    /// "prochain"/"dernier" after a weekday or day-month (French).
    pub modifiers_after: Map<String, Direction>,
    /// The decimal separator, when the language says which.
    pub decimal: Option<char>,
    /// Numeric dates are month first (01/10/2022 = January 10).
    pub month_first: bool,
    /// Folded word -> `flag` bits of what it can start.
    pub index: Map<String, u16>,
}

/// The lexicon of an ISO 639-1 language; an empty one for unknown languages.
pub(crate) fn lexicon(lang: &str) -> &'static Lexicon {
    static LEXICONS: OnceLock<HashMap<&'static str, Lexicon>> = OnceLock::new();
    static NEUTRAL: OnceLock<Lexicon> = OnceLock::new();
    let all = LEXICONS.get_or_init(|| {
        let mut langs: Vec<&'static str> = dateline_lang::files().map(|(iso, _)| iso).collect();
        langs.dedup();
        langs
            .into_iter()
            .map(|iso| (iso, Lexicon::load(iso)))
            .collect()
    });
    all.get(lang)
        .unwrap_or_else(|| NEUTRAL.get_or_init(Lexicon::default))
}

fn rows_of(iso: &str, name: &str) -> Vec<Vec<&'static str>> {
    dateline_lang::file(iso, name)
        .map(|text| dateline_lang::rows(text).collect())
        .unwrap_or_default()
}

fn starts_uppercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn calendar_names(iso: &str, name: &str) -> (Map<String, CalendarName>, bool) {
    let mut names = Map::default();
    let mut capitalized = false;
    for row in rows_of(iso, name) {
        let (Some(form), Some(number)) =
            (row.first(), row.get(1).and_then(|n| n.parse::<u8>().ok()))
        else {
            continue;
        };
        capitalized |= starts_uppercase(form);
        let needs_period = form.ends_with('.');
        names.insert(
            fold_str(form.trim_end_matches('.')),
            CalendarName {
                number,
                needs_period,
            },
        );
    }
    (names, capitalized)
}

impl Lexicon {
    fn load(iso: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for row in rows_of(iso, "elisions.tsv") {
            if let Some(form) = row.first() {
                lex.rules.elisions.insert(fold_str(form));
            }
        }
        for row in rows_of(iso, "clitics.tsv") {
            // An empty suffix would match every word.
            if let Some(form) = row.first().filter(|f| !f.is_empty()) {
                lex.rules.clitics.push(fold_str(form));
            }
        }
        for row in rows_of(iso, "abbreviations.tsv") {
            let kind = match row.get(1).copied() {
                Some("title") => AbbreviationKind::Title,
                _ => AbbreviationKind::Other,
            };
            if let Some(form) = row.first() {
                lex.abbreviations.insert(fold_str(form), kind);
            }
        }
        (lex.months, lex.months_capitalized) = calendar_names(iso, "months.tsv");
        (lex.weekdays, lex.weekdays_capitalized) = calendar_names(iso, "weekdays.tsv");
        for row in rows_of(iso, "number_words.tsv") {
            let kind = match row.get(2).copied() {
                Some("add") => NumberWordKind::Add,
                Some("hundred") => NumberWordKind::Hundred,
                Some("scale") => NumberWordKind::Scale,
                Some("article") => NumberWordKind::Article,
                Some("and") => NumberWordKind::And,
                Some("of") => NumberWordKind::Of,
                _ => continue,
            };
            let (Some(form), Some(value)) =
                (row.first(), row.get(1).and_then(|v| v.parse::<f64>().ok()))
            else {
                continue;
            };
            lex.number_words
                .insert(fold_str(form), NumberWord { value, kind });
        }
        for row in rows_of(iso, "vague_quantities.tsv") {
            let (Some(phrase), Some(min)) =
                (row.first(), row.get(1).and_then(|v| v.parse::<f64>().ok()))
            else {
                continue;
            };
            let max = row.get(2).and_then(|v| v.parse::<f64>().ok());
            lex.vague
                .insert(phrase_keys(phrase, &lex.rules), (min, max));
        }
        for row in rows_of(iso, "quantity_hedges.tsv") {
            let hedge = match row.get(1).copied() {
                Some("more") => Hedge::More,
                Some("atleast") => Hedge::AtLeast,
                Some("less") => Hedge::Less,
                Some("upto") => Hedge::UpTo,
                Some("about") => Hedge::About,
                Some("between") => Hedge::Between,
                Some("between-and") => Hedge::BetweenAnd,
                _ => continue,
            };
            if let Some(phrase) = row.first() {
                lex.hedges.insert(phrase_keys(phrase, &lex.rules), hedge);
            }
        }
        for row in rows_of(iso, "relative_dates.tsv") {
            let offset = row.get(2).and_then(|v| v.parse::<i32>().ok()).unwrap_or(0);
            let relative = match row.get(1).copied() {
                Some("day") => Relative::Offset(DateUnit::Day, offset),
                Some("week") => Relative::Offset(DateUnit::Week, offset),
                Some("month") => Relative::Offset(DateUnit::Month, offset),
                Some("year") => Relative::Offset(DateUnit::Year, offset),
                Some("ago-before") => Relative::AgoBefore,
                Some("ago-after") => Relative::AgoAfter,
                _ => continue,
            };
            if let Some(phrase) = row.first() {
                lex.relative
                    .insert(phrase_keys(phrase, &lex.rules), relative);
            }
        }
        for row in rows_of(iso, "date_words.tsv") {
            let Some(form) = row.first() else { continue };
            let unit = match row.get(1).copied() {
                Some("prep") => {
                    lex.date_prepositions.insert(fold_str(form));
                    continue;
                }
                Some(role @ ("next-before" | "last-before" | "next-after" | "last-after")) => {
                    let direction = if role.starts_with("next") {
                        Direction::Next
                    } else {
                        Direction::Last
                    };
                    let map = if role.ends_with("before") {
                        &mut lex.modifiers_before
                    } else {
                        &mut lex.modifiers_after
                    };
                    map.insert(fold_str(form), direction);
                    continue;
                }
                Some("range") => {
                    lex.range_words.insert(fold_str(form));
                    continue;
                }
                Some("link") => {
                    lex.date_links.insert(fold_str(form));
                    continue;
                }
                Some("order") => {
                    lex.month_first = *form == "mdy";
                    continue;
                }
                Some("day") => DateUnit::Day,
                Some("week") => DateUnit::Week,
                Some("month") => DateUnit::Month,
                Some("year") => DateUnit::Year,
                _ => continue,
            };
            lex.date_units.insert(fold_str(form), unit);
        }
        for row in rows_of(iso, "number_format.tsv") {
            if let (Some(&"decimal"), Some(sep)) = (row.first(), row.get(1)) {
                lex.decimal = sep.chars().next();
            }
        }
        lex.build_index();
        lex
    }

    fn build_index(&mut self) {
        let mut index: Map<String, u16> = Map::default();
        let mut mark = |key: &String, bit: u16| *index.entry(key.clone()).or_default() |= bit;
        self.months.keys().for_each(|k| mark(k, flag::MONTH));
        self.weekdays.keys().for_each(|k| mark(k, flag::WEEKDAY));
        // "de", "et", "and" link numbers but never start one: not flagged,
        // so the commonest words are skipped at once.
        for (k, w) in &self.number_words {
            if w.kind == NumberWordKind::Article {
                mark(k, flag::ARTICLE);
            } else if !matches!(w.kind, NumberWordKind::And | NumberWordKind::Of) {
                mark(k, flag::NUMBER_WORD);
            }
        }
        self.vague
            .by_first
            .keys()
            .for_each(|k| mark(k, flag::VAGUE));
        self.date_units.keys().for_each(|k| mark(k, flag::UNIT));
        self.modifiers_before
            .keys()
            .for_each(|k| mark(k, flag::MODIFIER));
        for (k, entries) in &self.hedges.by_first {
            if entries.iter().any(|(_, h)| *h != Hedge::BetweenAnd) {
                mark(k, flag::HEDGE);
            }
        }
        self.relative
            .by_first
            .keys()
            .for_each(|k| mark(k, flag::RELATIVE));
        self.index = index;
    }

    /// The `flag` bits of a folded word token.
    pub fn flags_of(&self, key: &str) -> u16 {
        if let Some(&bits) = self.index.get(key) {
            return bits;
        }
        // "quatre-vingt-dix", "twenty-one": a hyphenated word led by a number word.
        match key.split_once('-') {
            Some((first, _))
                if self
                    .index
                    .get(first)
                    .is_some_and(|f| f & flag::NUMBER_WORD != 0) =>
            {
                flag::NUMBER_WORD
            }
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the text layer's resource files is understood: a typo in
    /// a kind or a number would otherwise silently drop the entry.
    #[test]
    fn resource_rows_all_parse() {
        let checks: [(&str, usize, &[&str]); 7] = [
            ("abbreviations.tsv", 1, &["title", "other"]),
            (
                "number_words.tsv",
                2,
                &["add", "hundred", "scale", "article", "and", "of"],
            ),
            (
                "quantity_hedges.tsv",
                1,
                &[
                    "more",
                    "atleast",
                    "less",
                    "upto",
                    "about",
                    "between",
                    "between-and",
                ],
            ),
            (
                "relative_dates.tsv",
                1,
                &["day", "week", "month", "year", "ago-before", "ago-after"],
            ),
            (
                "date_words.tsv",
                1,
                &[
                    "prep",
                    "order",
                    "day",
                    "week",
                    "month",
                    "year",
                    "next-before",
                    "range",
                    "last-before",
                    "next-after",
                    "last-after",
                    "link",
                ],
            ),
            ("weekdays.tsv", 1, &[]),
            ("vague_quantities.tsv", 2, &[]),
        ];
        for iso in dateline_lang::SUPPORTED.iter().copied() {
            for (name, column, kinds) in checks {
                let rows = rows_of(iso, name);
                assert!(!rows.is_empty(), "{iso}/{name} missing");
                for row in rows {
                    let field = row.get(column).copied().unwrap_or("");
                    if kinds.is_empty() {
                        assert!(
                            field == "-" || field.parse::<f64>().is_ok(),
                            "{iso}/{name}: {row:?}"
                        );
                    } else {
                        assert!(kinds.contains(&field), "{iso}/{name}: {row:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn lexicons_load_per_language() {
        let fr = lexicon("fr");
        assert!(fr.rules.elisions.contains("qu'"));
        assert_eq!(fr.months.get("fevrier").map(|m| m.number), Some(2));
        assert_eq!(
            fr.months.get("sept"),
            Some(&CalendarName {
                number: 9,
                needs_period: true
            })
        );
        assert!(!fr.months_capitalized);
        assert_eq!(fr.decimal, Some(','));
        let en = lexicon("en");
        assert!(en.months_capitalized && en.month_first);
        assert_eq!(en.decimal, Some('.'));
        assert_eq!(en.number_words.get("dozen").map(|w| w.value), Some(12.0));
        let none = lexicon("zz");
        assert!(none.months.is_empty() && none.decimal.is_none());
    }
}
