//! The per-language word knowledge of the entity reader, loaded once from
//! `resources/lang/<iso>/` (titles, actor nouns, government bodies, pronouns,
//! function words, name particles, type cues, elisions) and folded with the
//! same folding as the document so that lookups compare like with like.

use super::fast_hash::FastMap;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dateline_model::EntityType;
use std::collections::HashMap;
use std::sync::OnceLock;

/// An office or honorific ("président", "Gen.", "M.").
#[derive(Debug)]
pub(crate) struct Title {
    pub role: Option<String>,
    pub sector: Option<String>,
    /// Honorifics only stand before a name; titles also refer to their holder alone.
    pub honorific: bool,
    /// `m` or `f` when the word tells ("Mme", "présidente"), for pronouns.
    pub gender: Option<char>,
}

/// A common noun naming an actor ("manifestants", "security forces").
#[derive(Debug)]
pub(crate) struct ActorNoun {
    pub sector: String,
    /// Belongs to the story's own country when the text names none.
    pub domestic: bool,
}

/// A government institution named by pattern ("ministère" + "de l'intérieur").
#[derive(Debug)]
pub(crate) struct GovBody {
    /// Folded words that complete the head; empty when the head alone names it.
    pub complement: String,
    pub name: String,
    pub sector: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueWhere {
    Head,
    Tail,
    Any,
}

/// What a folded phrase of the lexicon can be; one phrase may be several
/// things ("police" is an actor noun and the head of nothing else).
#[derive(Debug, Default)]
pub(crate) struct PhraseInfo {
    pub title: Option<usize>,
    pub actor: Option<usize>,
    /// Government bodies whose head is this phrase (several complements).
    pub bodies: Vec<usize>,
}

#[derive(Debug)]
pub(crate) struct Lexicon {
    pub titles: Vec<Title>,
    pub actors: Vec<ActorNoun>,
    pub bodies: Vec<GovBody>,
    /// One automaton over every folded phrase above; pattern id indexes `phrases`.
    pub matcher: Option<AhoCorasick>,
    pub phrases: Vec<PhraseInfo>,
    /// Folded pronoun -> is subject pronoun of a person.
    pub pronouns: FastMap<String, char>,
    pub function_words: FastMap<String, ()>,
    /// Articles among the function words ("the", "la"): "the West" is no place.
    pub articles: FastMap<String, ()>,
    /// Folded particle -> allowed inside any name (true) or persons only (false).
    pub particles: FastMap<String, bool>,
    /// Cue word -> the type it reveals; `None` for words that make a
    /// capitalised phrase no entity at all ("World War Two").
    pub cues: FastMap<String, (Option<EntityType>, CueWhere)>,
    /// Lowercase nouns that type the name just after them ("le quartier de
    /// Pissevin", "the village of Kfar Aza"): folded word -> type.
    pub places_before: FastMap<String, EntityType>,
    pub elisions: FastMap<String, ()>,
    /// Folded titles written with a final period ("gen", "m"), whose period ends no sentence.
    pub abbreviations: FastMap<String, ()>,
    /// Words that make a demonym's people residents of a place ("ethnic"
    /// anywhere: true; "of" right after the demonym: false).
    pub resident_markers: FastMap<String, bool>,
}

impl Lexicon {
    pub fn is_function_word(&self, folded: &str) -> bool {
        self.function_words.contains_key(folded)
    }
    pub fn is_article(&self, folded: &str) -> bool {
        self.articles.contains_key(folded)
    }
    pub fn is_elision(&self, folded: &str) -> bool {
        self.elisions.contains_key(folded)
    }
    pub fn is_abbreviation(&self, folded: &str) -> bool {
        self.abbreviations.contains_key(folded)
    }
}

fn fold(s: &str) -> String {
    dateline_text::fold(s).text().trim().to_string()
}

fn non_empty(s: Option<&&str>) -> Option<String> {
    s.filter(|v| !v.is_empty()).map(|v| v.to_string())
}

fn load(iso: &str) -> Lexicon {
    let file = |name: &str| dateline_lang::file(iso, name).unwrap_or("");
    let mut phrase_ids: HashMap<String, usize> = HashMap::new();
    let mut phrase_texts: Vec<String> = Vec::new();
    let mut phrases: Vec<PhraseInfo> = Vec::new();
    let mut intern = |text: String, phrases: &mut Vec<PhraseInfo>| -> usize {
        *phrase_ids.entry(text.clone()).or_insert_with(|| {
            phrase_texts.push(text);
            phrases.push(PhraseInfo::default());
            phrases.len() - 1
        })
    };

    let mut titles = Vec::new();
    let mut abbreviations = FastMap::default();
    for row in dateline_lang::rows(file("titles.tsv")) {
        let Some(phrase) = row.first().map(|p| fold(p)).filter(|p| !p.is_empty()) else {
            continue;
        };
        if let Some(stem) = phrase.strip_suffix('.').filter(|s| !s.contains(' ')) {
            abbreviations.insert(stem.to_string(), ());
        }
        let id = intern(phrase, &mut phrases);
        if let Some(info) = phrases.get_mut(id) {
            info.title = Some(titles.len());
        }
        titles.push(Title {
            role: non_empty(row.get(1)),
            sector: non_empty(row.get(2)),
            honorific: row.get(3).is_some_and(|k| *k == "honorific"),
            gender: row
                .get(4)
                .and_then(|g| g.chars().next())
                .filter(|g| *g == 'm' || *g == 'f'),
        });
    }

    let mut actors = Vec::new();
    for row in dateline_lang::rows(file("actor_nouns.tsv")) {
        let (Some(phrase), Some(sector)) = (row.first().map(|p| fold(p)), non_empty(row.get(1)))
        else {
            continue;
        };
        if phrase.is_empty() {
            continue;
        }
        let id = intern(phrase, &mut phrases);
        if let Some(info) = phrases.get_mut(id) {
            info.actor = Some(actors.len());
        }
        actors.push(ActorNoun {
            sector,
            domestic: row.get(2).is_some_and(|d| *d == "yes"),
        });
    }

    let mut bodies = Vec::new();
    for row in dateline_lang::rows(file("gov_bodies.tsv")) {
        let (Some(head), Some(name), Some(sector)) = (
            row.first().map(|p| fold(p)),
            non_empty(row.get(2)),
            non_empty(row.get(3)),
        ) else {
            continue;
        };
        if head.is_empty() {
            continue;
        }
        let complement = row.get(1).map(|c| fold(c)).unwrap_or_default();
        let id = intern(head, &mut phrases);
        if let Some(info) = phrases.get_mut(id) {
            info.bodies.push(bodies.len());
        }
        bodies.push(GovBody {
            complement,
            name,
            sector,
        });
    }

    let matcher = if phrase_texts.is_empty() {
        None
    } else {
        // A DFA: the lexicon is small and the automaton runs over every document.
        AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrase_texts)
            .ok()
    };

    let pronouns = dateline_lang::rows(file("pronouns.tsv"))
        .filter_map(|row| {
            let word = fold(row.first()?);
            let gender = row.get(1).and_then(|g| g.chars().next()).unwrap_or('-');
            Some((word, gender))
        })
        .collect();
    let function_words = dateline_lang::words(file("function_words.tsv"))
        .map(|w| (fold(w), ()))
        .collect();
    let articles = dateline_lang::rows(file("function_words.tsv"))
        .filter(|row| row.get(1) == Some(&"article"))
        .filter_map(|row| Some((fold(row.first()?), ())))
        .collect();
    let particles = dateline_lang::rows(file("name_particles.tsv"))
        .filter_map(|row| Some((fold(row.first()?), row.get(1).is_some_and(|w| *w == "any"))))
        .collect();
    let places_before = dateline_lang::rows(file("entity_cues.tsv"))
        .filter(|row| row.get(2) == Some(&"before"))
        .filter_map(|row| Some((fold(row.first()?), EntityType::parse(row.get(1)?)?)))
        .collect();
    let cues = dateline_lang::rows(file("entity_cues.tsv"))
        .filter(|row| row.get(2) != Some(&"before"))
        .filter_map(|row| {
            let kind = match *row.get(1)? {
                "-" => None,
                other => Some(EntityType::parse(other)?),
            };
            let place = match row.get(2).copied() {
                Some("head") => CueWhere::Head,
                Some("tail") => CueWhere::Tail,
                _ => CueWhere::Any,
            };
            Some((fold(row.first()?), (kind, place)))
        })
        .collect();
    // Shared with the text crate's tokenizer; forms are written with their apostrophe.
    let elisions = dateline_lang::words(file("elisions.tsv"))
        .map(|w| (fold(w).trim_end_matches('\'').to_string(), ()))
        .collect();

    let resident_markers = dateline_lang::rows(file("resident_markers.tsv"))
        .filter_map(|row| {
            let word = fold(row.first()?).trim_end_matches('\'').to_string();
            Some((word, *row.get(1)? == "marker"))
        })
        .collect();

    Lexicon {
        titles,
        actors,
        bodies,
        matcher,
        phrases,
        pronouns,
        function_words,
        articles,
        particles,
        cues,
        places_before,
        elisions,
        abbreviations,
        resident_markers,
    }
}

/// The lexicon of a language; languages without resources get an empty one
/// (gazetteer matching still works for them).
pub(crate) fn lexicon(iso: &str) -> &'static Lexicon {
    static ALL: OnceLock<HashMap<&'static str, Lexicon>> = OnceLock::new();
    static EMPTY: OnceLock<Lexicon> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        dateline_lang::SUPPORTED
            .iter()
            .map(|iso| (*iso, load(iso)))
            .collect()
    });
    all.get(iso)
        .unwrap_or_else(|| EMPTY.get_or_init(|| load("")))
}
