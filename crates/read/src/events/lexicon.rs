//! The per-language event and casualty knowledge, compiled once from the TSV
//! files under `resources/lang/<iso>/` and the PLOVER crosswalks under
//! `resources/plover/`. Nothing here knows a word of any language: it only reads
//! the files' formats (documented in each file's header).

use super::scan::{fold, View};
use dateline_model::{CasualtyKind, GroupRole, Modality};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const CAMEO2PLOVER: &str = include_str!("../../../../resources/plover/cameo2plover.tsv");
const ACLED: &str = include_str!("../../../../resources/plover/acled.tsv");
const INTENT: &str = include_str!("../../../../resources/plover/intent.tsv");

/// PLOVER type -> (CAMEO code of the event that announces it, also when hypothetical)
/// (resources/plover/intent.tsv).
pub(crate) fn intent_table() -> &'static HashMap<String, (String, bool)> {
    static TABLE: OnceLock<HashMap<String, (String, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        dateline_lang::rows(INTENT)
            .filter_map(|row| {
                let hypothetical = row.get(2).is_some_and(|v| *v == "yes");
                Some((
                    row.first()?.to_string(),
                    (row.get(1)?.to_string(), hypothetical),
                ))
            })
            .collect()
    })
}

/// The grammatical roles of function words (resources/lang/<iso>/event_syntax.tsv).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    PassiveAux,
    Agent,
    Against,
    Reflexive,
    Pronoun1,
    PronounPerson,
    Pronoun3,
    Demonstrative,
    ClauseBreak,
    Coordinator,
    During,
    Background,
    Speech,
    Adverb,
    Determiner,
    Aux,
    TheCountry,
    PlaceIntro,
    Genitive,
    Complementizer,
    LightVerb,
    /// Possessive determiners ("its demand"): the noun's actor is the clause's subject.
    Possessive,
    /// Words that open a purpose clause ("to", "in order to", "pour").
    Purpose,
    /// Words that open a purpose phrase only before the same kind of event as
    /// the act ("went on hunger strike in protest"): "engaged in mediation" is news.
    PurposeSameKind,
}

const ROLE_NAMES: &[(&str, Role)] = &[
    ("passive_aux", Role::PassiveAux),
    ("agent", Role::Agent),
    ("against", Role::Against),
    ("reflexive", Role::Reflexive),
    ("pronoun1", Role::Pronoun1),
    ("pronoun_person", Role::PronounPerson),
    ("pronoun3", Role::Pronoun3),
    ("demonstrative", Role::Demonstrative),
    ("clause_break", Role::ClauseBreak),
    ("coordinator", Role::Coordinator),
    ("during", Role::During),
    ("background", Role::Background),
    ("speech", Role::Speech),
    ("adverb", Role::Adverb),
    ("determiner", Role::Determiner),
    ("aux", Role::Aux),
    ("the_country", Role::TheCountry),
    ("place_intro", Role::PlaceIntro),
    ("genitive", Role::Genitive),
    ("complementizer", Role::Complementizer),
    ("light_verb", Role::LightVerb),
    ("possessive", Role::Possessive),
    ("purpose", Role::Purpose),
    ("purpose_same_kind", Role::PurposeSameKind),
];

impl Role {
    fn parse(name: &str) -> Option<Role> {
        ROLE_NAMES.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
    }
}

/// What a trigger form is grammatically: drives passive, future and conditional readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Inf,
    Fin,
    Pp,
    Ing,
    Fut,
    Cond,
    /// Nouns and fixed phrases.
    Plain,
}

impl Tag {
    fn parse(s: &str) -> Option<Tag> {
        Some(match s {
            "inf" => Tag::Inf,
            "fin" => Tag::Fin,
            "pp" => Tag::Pp,
            "ing" => Tag::Ing,
            "fut" => Tag::Fut,
            "cond" => Tag::Cond,
            _ => return None,
        })
    }
}

pub(crate) enum PatWord {
    Alts(Vec<String>),
    /// Up to [`GAP`] other words.
    Gap,
}

/// How many words a `*` in a pattern lets through.
pub(crate) const GAP: usize = 4;

pub(crate) struct Trigger {
    pub kind: String,
    pub mode: Option<String>,
    pub contexts: Vec<String>,
    pub cameo: String,
    pub rest: Vec<PatWord>,
    pub noun: bool,
    pub theme_actor: bool,
    pub actor_after: bool,
    /// "Russia said Sudan must return the helicopter": the speaker acts, the subject receives.
    pub speaker_actor: bool,
    /// The CAMEO code of what the trigger means when negated ("will not accept" is a rejection).
    pub negated_cameo: Option<String>,
    pub if_any: Vec<String>,
    pub unless_any: Vec<String>,
    /// Not when the word right after the match is one of these ("riot police").
    pub unless_next: Vec<String>,
    pub rule: String,
    pub confidence: f32,
}

/// FNV-1a: the lexicon's keys are short words, for which SipHash's setup dominates.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// Words and multi-word phrases of one role, folded.
#[derive(Default)]
pub(crate) struct WordSet {
    words: FastSet<String>,
    phrases: Vec<Vec<String>>,
}

impl WordSet {
    fn add(&mut self, words: Vec<String>) {
        match words.len() {
            0 => {}
            1 => {
                if let Some(w) = words.into_iter().next() {
                    self.words.insert(w);
                }
            }
            _ => self.phrases.push(words),
        }
    }

    pub fn has(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The length in tokens of the entry starting at token `i`, longest first.
    pub fn at(&self, view: &View, i: usize) -> Option<usize> {
        let phrase = self
            .phrases
            .iter()
            .filter(|p| p.iter().enumerate().all(|(k, w)| view.word(i + k) == w))
            .map(Vec::len)
            .max();
        phrase.or_else(|| self.has(view.word(i)).then_some(1))
    }

    /// The length of the entry ending just before token `end`, if any.
    pub fn ending_at(&self, view: &View, end: usize) -> Option<usize> {
        let phrase = self
            .phrases
            .iter()
            .filter(|p| {
                p.len() <= end
                    && p.iter()
                        .enumerate()
                        .all(|(k, w)| view.word(end - p.len() + k) == w)
            })
            .map(Vec::len)
            .max();
        phrase.or_else(|| (end > 0 && self.has(view.word(end - 1))).then_some(1))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Left,
    Right,
    /// "killed five people" or "five people were killed": a count right after wins.
    Both,
}

pub(crate) struct CasualtyWord {
    pub words: Vec<String>,
    pub kind: CasualtyKind,
    pub direction: Direction,
}

pub(crate) struct Lexicon {
    pub lang: String,
    pub triggers: Vec<Trigger>,
    first: FastMap<String, Vec<(usize, Tag)>>,
    roles: Vec<WordSet>,
    pub head_last: bool,
    /// Whether a speech verb reports the clause after it without a
    /// complementizer ("said the army attacked"; French and Spanish need "que").
    pub bare_report: bool,
    pub negation_before: WordSet,
    pub negation_after: WordSet,
    pub negation_suffix: Vec<String>,
    pub modality_before: Vec<(Vec<String>, Modality)>,
    pub modality_tags: Vec<(String, Modality)>,
    pub contexts: FastMap<String, String>,
    pub casualty_words: Vec<CasualtyWord>,
    pub groups: Vec<(Vec<String>, GroupRole)>,
    pub group_intro: WordSet,
    pub source_before: WordSet,
    pub source_after: WordSet,
    pub numbers: FastMap<String, (u64, Option<u64>, bool)>,
    /// Casualty words by their first word (indexes into `casualty_words`).
    pub casualty_first: FastMap<String, Vec<usize>>,
    /// Sentence cues the ACLED crosswalk conditions test (`cue:name`), from
    /// event_acled_cues.tsv.
    pub acled_cues: Vec<AcledCue>,
    /// ACLED cues by their first word (indexes into `acled_cues`).
    pub acled_cue_first: FastMap<String, Vec<usize>>,
    /// Rows that could not be read: a test keeps this empty.
    pub problems: Vec<String>,
}

/// A word pattern whose presence in a sentence tells the ACLED coding something the
/// PLOVER type does not ("suicide bomber", "landmine", "each other").
pub(crate) struct AcledCue {
    pub name: String,
    /// Words after the first (which is the key of `acled_cue_first`).
    pub rest: Vec<PatWord>,
}

static EMPTY: OnceLock<WordSet> = OnceLock::new();

impl Lexicon {
    /// The trigger candidates whose first word is this folded word.
    pub fn candidates(&self, word: &str) -> &[(usize, Tag)] {
        self.first.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn role(&self, role: Role) -> &WordSet {
        self.roles
            .get(role as usize)
            .unwrap_or_else(|| EMPTY.get_or_init(WordSet::default))
    }
}

/// The lexicon of a supported language, compiled on first use.
pub(crate) fn lexicon(lang: &str) -> Option<&'static Lexicon> {
    static ALL: OnceLock<Vec<Lexicon>> = OnceLock::new();
    ALL.get_or_init(|| {
        dateline_lang::SUPPORTED
            .iter()
            .map(|iso| Lexicon::load(iso))
            .collect()
    })
    .iter()
    .find(|l| l.lang == lang)
}

/// Splits a folded phrase into the words the tokenizer would see: spaces, and
/// French elisions ("l'appel" -> "l'", "appel").
pub(crate) fn phrase_words(phrase: &str, lang: &str) -> Vec<String> {
    let folded = fold(phrase);
    let mut out = Vec::new();
    for piece in folded.split_whitespace() {
        if lang == "fr" {
            if let Some(pos) = piece.find('\'') {
                let (head, tail) = piece.split_at(pos + 1);
                let letters = head.chars().count() - 1;
                if !tail.is_empty() && (letters <= 2 || head.ends_with("qu'")) {
                    out.push(head.to_string());
                    out.push(tail.to_string());
                    continue;
                }
            }
        }
        out.push(piece.to_string());
    }
    out
}

/// A literal pattern ("suicide bomber|bombers", "combats * opposer|opposé") as
/// pattern words: `|` alternatives, `*` a short gap, elisions split.
fn pattern_words(pattern: &str, lang: &str) -> Vec<PatWord> {
    let mut out = Vec::new();
    for piece in pattern.split(' ').filter(|p| !p.is_empty()) {
        if piece == "*" {
            out.push(PatWord::Gap);
            continue;
        }
        let alts: Vec<Vec<String>> = piece.split('|').map(|a| phrase_words(a, lang)).collect();
        let width = alts.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..width {
            out.push(PatWord::Alts(
                alts.iter().filter_map(|a| a.get(k).cloned()).collect(),
            ));
        }
    }
    out
}

struct Inflection {
    class: String,
    ending: String,
    replacements: Vec<String>,
    tag: Tag,
}

impl Lexicon {
    fn load(lang: &'static str) -> Lexicon {
        let mut problems = Vec::new();
        let file = |name: &str| dateline_lang::file(lang, name).unwrap_or("");

        let mut inflections = Vec::new();
        for row in dateline_lang::rows(file("verb_forms.tsv")) {
            match (
                row.first(),
                row.get(1),
                row.get(2),
                row.get(3).and_then(|t| Tag::parse(t)),
            ) {
                (Some(class), Some(ending), Some(repl), Some(tag)) => {
                    inflections.push(Inflection {
                        class: class.to_string(),
                        ending: fold(ending),
                        replacements: repl.split(',').map(|r| fold(r.trim())).collect(),
                        tag,
                    })
                }
                _ => problems.push(format!("{lang}/verb_forms.tsv: bad row {row:?}")),
            }
        }

        let crosswalk = cameo_table();
        let mut triggers = Vec::new();
        let mut first: FastMap<String, Vec<(usize, Tag)>> = FastMap::default();
        for row in dateline_lang::rows(file("event_triggers.tsv")) {
            let (Some(pattern), Some(cameo)) = (row.first(), row.get(1)) else {
                problems.push(format!("{lang}/event_triggers.tsv: bad row {row:?}"));
                continue;
            };
            let Some(base) = crosswalk.get(*cameo) else {
                problems.push(format!(
                    "{lang}/event_triggers.tsv: unknown CAMEO code {cameo}"
                ));
                continue;
            };
            let column = |k: usize| row.get(k).copied().filter(|v| !v.is_empty() && *v != "-");
            let mode = column(2).map(str::to_string).or_else(|| base.mode.clone());
            let contexts = match column(3) {
                Some(c) => c.split(';').map(|c| c.trim().to_string()).collect(),
                None => base.contexts.clone(),
            };
            let mut pieces = pattern.split(' ').filter(|p| !p.is_empty());
            let Some(head) = pieces.next() else { continue };
            // "kill:v|slew": the class rides on the first alternative.
            let (first_alt, extras) = head.split_once('|').unwrap_or((head, ""));
            let (lemma_text, class) = match first_alt.rsplit_once(':') {
                Some((lemma, class)) if matches!(class, "v" | "n" | "x") => (lemma, class),
                _ => (first_alt, ""),
            };
            // "le" "contrôle" etc. after the head: literal words, elisions split.
            let mut rest = Vec::new();
            for piece in pieces {
                if piece == "*" {
                    rest.push(PatWord::Gap);
                    continue;
                }
                let alts: Vec<Vec<String>> =
                    piece.split('|').map(|a| phrase_words(a, lang)).collect();
                // An elided word ("d'etat") becomes two pattern words; alternatives then must agree in length.
                let width = alts.iter().map(Vec::len).max().unwrap_or(1);
                for k in 0..width {
                    rest.push(PatWord::Alts(
                        alts.iter().filter_map(|a| a.get(k).cloned()).collect(),
                    ));
                }
            }
            let alternatives = extras.split('|').filter(|a| !a.is_empty());
            let lemma = lemma_text;
            let mut forms: Vec<(String, Tag)> = Vec::new();
            let mut lemma_words = phrase_words(lemma, lang);
            // A head written with an elision ("s'engager") is matched on its last word.
            let lemma_folded = lemma_words.pop().unwrap_or_default();
            match class {
                "v" | "n" => forms.extend(inflect(&lemma_folded, class, &inflections)),
                "x" => forms.push((lemma_folded.clone(), Tag::Inf)),
                _ => forms.push((lemma_folded.clone(), Tag::Plain)),
            }
            for extra in alternatives {
                let (form, tag) = match extra.split_once('@') {
                    Some((f, t)) => (f, Tag::parse(t).unwrap_or(Tag::Fin)),
                    None => (
                        extra,
                        if matches!(class, "v" | "x") {
                            guess_tag(&fold(extra))
                        } else {
                            Tag::Plain
                        },
                    ),
                };
                let mut words = phrase_words(form, lang);
                // Elided extra forms ("s'oppose") are matched on their last word too.
                if let Some(w) = words.pop() {
                    forms.push((w, tag));
                }
            }
            let kind = base.kind.clone();
            let mut trigger = Trigger {
                rule: format!(
                    "{lang}.{}.{}",
                    kind.to_lowercase(),
                    ascii_slug(&rule_stem(pattern, &lemma_folded, class))
                ),
                kind,
                mode,
                contexts,
                cameo: cameo.to_string(),
                rest,
                noun: matches!(class, "n" | ""),
                theme_actor: false,
                actor_after: false,
                speaker_actor: false,
                negated_cameo: None,
                if_any: Vec::new(),
                unless_any: Vec::new(),
                unless_next: Vec::new(),
                confidence: if class == "v" { 0.8 } else { 0.7 },
            };
            for flag in column(4)
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
            {
                match flag.split_once('=') {
                    None if flag == "theme-actor" => trigger.theme_actor = true,
                    None if flag == "actor-after" => trigger.actor_after = true,
                    None if flag == "speaker-actor" => trigger.speaker_actor = true,
                    Some(("if", v)) => trigger.if_any = v.split('|').map(fold).collect(),
                    Some(("unless", v)) => trigger.unless_any = v.split('|').map(fold).collect(),
                    Some(("unless-next", v)) => {
                        trigger.unless_next = v.split('|').map(fold).collect()
                    }
                    Some(("rule", v)) => trigger.rule = v.to_string(),
                    // PLOVER codes some acts under another type than CAMEO's crosswalk
                    // (a resignation is RETREAT/resign, CAMEO 0831 says CONCEDE).
                    Some(("type", v)) if dateline_model::EVENT_TYPES.contains(&v) => {
                        let old = format!("{lang}.{}.", trigger.kind.to_lowercase());
                        if let Some(stem) = trigger.rule.strip_prefix(&old) {
                            trigger.rule = format!("{lang}.{}.{stem}", v.to_lowercase());
                        }
                        trigger.kind = v.to_string();
                    }
                    Some(("neg", v)) if crosswalk.contains_key(v) => {
                        trigger.negated_cameo = Some(v.to_string())
                    }
                    Some(("conf", v)) => match v.parse() {
                        Ok(c) => trigger.confidence = c,
                        Err(_) => {
                            problems.push(format!("{lang}/event_triggers.tsv: bad confidence {v}"))
                        }
                    },
                    _ => problems.push(format!("{lang}/event_triggers.tsv: unknown flag {flag}")),
                }
            }
            let index = triggers.len();
            triggers.push(trigger);
            // A form with several readings ("tués": participle, "tu tues": present) keeps
            // the one that matters most for news: participle, then future, then conditional.
            let mut kept: Vec<(String, Tag)> = Vec::new();
            for (form, tag) in forms {
                if form.is_empty() {
                    continue;
                }
                match kept.iter_mut().find(|(f, _)| *f == form) {
                    Some(entry) => {
                        if tag_rank(tag) > tag_rank(entry.1) {
                            entry.1 = tag;
                        }
                    }
                    None => kept.push((form, tag)),
                }
            }
            for (form, tag) in kept {
                first.entry(form).or_default().push((index, tag));
            }
        }

        let mut roles: Vec<WordSet> = ROLE_NAMES.iter().map(|_| WordSet::default()).collect();
        let mut head_last = false;
        let mut bare_report = false;
        for row in dateline_lang::rows(file("event_syntax.tsv")) {
            let (Some(role), Some(words)) = (row.first(), row.get(1)) else {
                continue;
            };
            if *role == "head" {
                head_last = *words == "last";
                continue;
            }
            if *role == "bare_report" {
                bare_report = *words == "yes";
                continue;
            }
            let Some(set) = Role::parse(role).and_then(|r| roles.get_mut(r as usize)) else {
                problems.push(format!("{lang}/event_syntax.tsv: unknown role {role}"));
                continue;
            };
            for w in words.split('|') {
                set.add(phrase_words(w, lang));
            }
        }

        let mut negation_before = WordSet::default();
        let mut negation_after = WordSet::default();
        let mut negation_suffix = Vec::new();
        for row in dateline_lang::rows(file("negation.tsv")) {
            match (row.first(), row.get(1).copied()) {
                (Some(cue), Some("before")) => negation_before.add(phrase_words(cue, lang)),
                (Some(cue), Some("after")) => negation_after.add(phrase_words(cue, lang)),
                (Some(cue), Some("suffix")) => negation_suffix.push(fold(cue)),
                _ => problems.push(format!("{lang}/negation.tsv: bad row {row:?}")),
            }
        }

        let mut modality_before = Vec::new();
        let mut modality_tags = Vec::new();
        for row in dateline_lang::rows(file("modality.tsv")) {
            let modality = row.get(1).and_then(|m| parse_modality(m));
            match (row.first(), modality, row.get(2).copied()) {
                (Some(cue), Some(m), Some("before")) => {
                    modality_before.push((phrase_words(cue, lang), m))
                }
                (Some(cue), Some(m), Some("tag")) => modality_tags.push((cue.to_string(), m)),
                _ => problems.push(format!("{lang}/modality.tsv: bad row {row:?}")),
            }
        }

        let mut contexts = FastMap::default();
        for row in dateline_lang::rows(file("event_contexts.tsv")) {
            if let (Some(words), Some(ctx)) = (row.first(), row.get(1)) {
                for w in words.split('|') {
                    contexts.insert(fold(w), ctx.to_string());
                }
            }
        }

        let mut casualty_words = Vec::new();
        let mut groups = Vec::new();
        let mut group_intro = WordSet::default();
        let mut source_before = WordSet::default();
        let mut source_after = WordSet::default();
        let mut numbers = FastMap::default();
        for row in dateline_lang::rows(file("casualty_verbs.tsv")) {
            let (Some(role), Some(words), value) = (
                row.first().copied(),
                row.get(1),
                row.get(2).copied().unwrap_or(""),
            ) else {
                continue;
            };
            let entries = words.split('|').map(|w| phrase_words(w, lang));
            match role {
                "word" => {
                    let (kind, dir) = value.split_once(':').unwrap_or((value, "left"));
                    let (Some(kind), Some(direction)) =
                        (parse_casualty(kind), parse_direction(dir))
                    else {
                        problems.push(format!("{lang}/casualty_verbs.tsv: bad value {value}"));
                        continue;
                    };
                    casualty_words.extend(entries.map(|words| CasualtyWord {
                        words,
                        kind,
                        direction,
                    }));
                }
                "group" => match parse_role(value) {
                    Some(r) => groups.extend(entries.map(|w| (w, r))),
                    None => {
                        problems.push(format!("{lang}/casualty_verbs.tsv: bad group role {value}"))
                    }
                },
                "intro" => entries.for_each(|w| group_intro.add(w)),
                "source" if value == "before" => entries.for_each(|w| source_before.add(w)),
                "source" => entries.for_each(|w| source_after.add(w)),
                "number" => {
                    let mut parts = value.split(':');
                    let min = parts.next().and_then(|m| m.parse().ok());
                    let max = parts.next().and_then(|m| m.parse().ok());
                    let approx = parts.next() == Some("approx");
                    match min {
                        Some(min) => {
                            for w in words.split('|') {
                                numbers.insert(fold(w), (min, max, approx));
                            }
                        }
                        None => {
                            problems.push(format!("{lang}/casualty_verbs.tsv: bad number {value}"))
                        }
                    }
                }
                _ => problems.push(format!("{lang}/casualty_verbs.tsv: unknown role {role}")),
            }
        }
        // Longest casualty phrases first, so "shot dead" wins over "dead".
        casualty_words.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        let mut casualty_first: FastMap<String, Vec<usize>> = FastMap::default();
        for (i, c) in casualty_words.iter().enumerate() {
            if let Some(w) = c.words.first() {
                casualty_first.entry(w.clone()).or_default().push(i);
            }
        }
        groups.sort_by_key(|g| std::cmp::Reverse(g.0.len()));

        let mut acled_cues = Vec::new();
        let mut acled_cue_first: FastMap<String, Vec<usize>> = FastMap::default();
        for row in dateline_lang::rows(file("event_acled_cues.tsv")) {
            let (Some(pattern), Some(name)) = (row.first(), row.get(1)) else {
                problems.push(format!("{lang}/event_acled_cues.tsv: bad row {row:?}"));
                continue;
            };
            let mut words = pattern_words(pattern, lang).into_iter();
            let Some(PatWord::Alts(heads)) = words.next() else {
                problems.push(format!(
                    "{lang}/event_acled_cues.tsv: {pattern} must start with a word"
                ));
                continue;
            };
            let index = acled_cues.len();
            acled_cues.push(AcledCue {
                name: name.to_string(),
                rest: words.collect(),
            });
            for head in heads {
                acled_cue_first.entry(head).or_default().push(index);
            }
        }
        Lexicon {
            lang: lang.to_string(),
            triggers,
            first,
            roles,
            head_last,
            bare_report,
            negation_before,
            negation_after,
            negation_suffix,
            modality_before,
            modality_tags,
            contexts,
            casualty_words,
            groups,
            group_intro,
            source_before,
            source_after,
            numbers,
            casualty_first,
            acled_cues,
            acled_cue_first,
            problems,
        }
    }
}

/// The forms of a lemma by the longest-ending rules of its class.
fn inflect(lemma: &str, class: &str, rules: &[Inflection]) -> Vec<(String, Tag)> {
    let best = rules
        .iter()
        .filter(|r| r.class == class && lemma.ends_with(&r.ending))
        .map(|r| r.ending.len())
        .max();
    let Some(best) = best else {
        return vec![(lemma.to_string(), Tag::Plain)];
    };
    let stem = lemma.get(..lemma.len() - best).unwrap_or(lemma);
    let mut out = Vec::new();
    for rule in rules
        .iter()
        .filter(|r| r.class == class && r.ending.len() == best && lemma.ends_with(&r.ending))
    {
        for repl in &rule.replacements {
            let tag = if class == "n" { Tag::Plain } else { rule.tag };
            out.push((format!("{stem}{repl}"), tag));
        }
    }
    out
}

fn tag_rank(tag: Tag) -> u8 {
    match tag {
        Tag::Pp => 5,
        Tag::Fut => 4,
        Tag::Cond => 3,
        Tag::Ing => 2,
        Tag::Inf => 1,
        Tag::Fin | Tag::Plain => 0,
    }
}

/// The rule name's last part: the lemma, or all the words of a fixed phrase.
fn rule_stem(pattern: &str, lemma: &str, class: &str) -> String {
    if !class.is_empty() {
        return lemma.to_string();
    }
    let words: Vec<&str> = pattern
        .split(' ')
        .filter(|w| *w != "*")
        .map(|w| w.split('|').next().unwrap_or(w))
        .collect();
    fold(&words.join(" "))
}

/// Irregular extra forms without a tag: English past forms read as participles.
fn guess_tag(form: &str) -> Tag {
    if form.ends_with("ing") {
        Tag::Ing
    } else if form.ends_with("ed")
        || form.ends_with('n')
        || form.ends_with('t')
        || form.ends_with('e')
    {
        // withdrawn, sent, held, made, ... (participles); good enough for passive detection.
        Tag::Pp
    } else {
        Tag::Fin
    }
}

fn ascii_slug(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

pub(crate) fn parse_modality(s: &str) -> Option<Modality> {
    Some(match s {
        "asserted" => Modality::Asserted,
        "future" => Modality::Future,
        "hypothetical" => Modality::Hypothetical,
        "intended" => Modality::Intended,
        "reported" => Modality::Reported,
        _ => return None,
    })
}

fn parse_casualty(s: &str) -> Option<CasualtyKind> {
    Some(match s {
        "killed" => CasualtyKind::Killed,
        "injured" => CasualtyKind::Injured,
        "arrested" => CasualtyKind::Arrested,
        "missing" => CasualtyKind::Missing,
        "displaced" => CasualtyKind::Displaced,
        "kidnapped" => CasualtyKind::Kidnapped,
        _ => return None,
    })
}

fn parse_direction(s: &str) -> Option<Direction> {
    match s {
        "left" => Some(Direction::Left),
        "both" => Some(Direction::Both),
        "right" => Some(Direction::Right),
        _ => None,
    }
}

fn parse_role(s: &str) -> Option<GroupRole> {
    Some(match s {
        "armed" => GroupRole::Armed,
        "security" => GroupRole::Security,
        "civilian" => GroupRole::Civilian,
        "mixed" => GroupRole::Mixed,
        "unknown" => GroupRole::Unknown,
        _ => return None,
    })
}

// ---------------------------------------------------------------- crosswalks

pub(crate) struct CameoEntry {
    pub kind: String,
    pub mode: Option<String>,
    pub contexts: Vec<String>,
}

/// CAMEO code -> PLOVER type, mode, contexts (resources/plover/cameo2plover.tsv).
pub(crate) fn cameo_table() -> &'static HashMap<String, CameoEntry> {
    static TABLE: OnceLock<HashMap<String, CameoEntry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        dateline_lang::rows(CAMEO2PLOVER)
            .filter_map(|row| {
                let code = row.first()?.to_string();
                let kind = row.get(1)?.to_string();
                let mode = row.get(2).filter(|m| !m.is_empty()).map(|m| m.to_string());
                let contexts = row
                    .get(3)
                    .map(|c| {
                        c.split(';')
                            .filter(|c| !c.is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                Some((
                    code,
                    CameoEntry {
                        kind,
                        mode,
                        contexts,
                    },
                ))
            })
            .collect()
    })
}

pub(crate) struct AcledRow {
    pub kind: String,
    pub mode: String,
    pub condition: String,
    pub event_type: String,
    pub sub_event_type: String,
}

/// PLOVER -> ACLED rows in order (resources/plover/acled.tsv).
pub(crate) fn acled_table() -> &'static [AcledRow] {
    static TABLE: OnceLock<Vec<AcledRow>> = OnceLock::new();
    TABLE.get_or_init(|| {
        dateline_lang::rows(ACLED)
            .filter_map(|row| {
                Some(AcledRow {
                    kind: row.first()?.to_string(),
                    mode: row.get(1)?.to_string(),
                    condition: row.get(2)?.to_string(),
                    event_type: row.get(3)?.to_string(),
                    sub_event_type: row.get(4)?.to_string(),
                })
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_row_reads() {
        for iso in dateline_lang::SUPPORTED {
            let lex = lexicon(iso).expect("lexicon");
            assert!(lex.problems.is_empty(), "{iso}: {:?}", lex.problems);
            assert!(
                lex.triggers.len() > 100,
                "{iso}: {} triggers",
                lex.triggers.len()
            );
        }
    }

    #[test]
    fn every_plover_type_has_triggers_in_both_languages() {
        for iso in dateline_lang::SUPPORTED {
            let lex = lexicon(iso).expect("lexicon");
            for &t in dateline_model::EVENT_TYPES {
                assert!(
                    lex.triggers.iter().any(|tr| tr.kind == t),
                    "{iso} has no {t} trigger"
                );
            }
        }
    }

    #[test]
    fn french_verbs_inflect_with_spelling_changes() {
        let lex = lexicon("fr").expect("fr");
        for form in [
            "denonce",
            "denoncait",
            "denoncant",
            "decapites",
            "retireraient",
            "deployes",
        ] {
            assert!(
                !lex.candidates(form).is_empty(),
                "{form} is not a trigger form"
            );
        }
        let cond = lex
            .candidates("retireraient")
            .iter()
            .any(|(_, tag)| *tag == Tag::Cond);
        assert!(cond, "retireraient should be conditional");
    }

    #[test]
    fn english_verbs_inflect() {
        let lex = lexicon("en").expect("en");
        for form in [
            "agreed",
            "agrees",
            "denied",
            "deployed",
            "threatening",
            "withdrew",
            "accuses",
        ] {
            assert!(
                !lex.candidates(form).is_empty(),
                "{form} is not a trigger form"
            );
        }
    }

    #[test]
    fn crosswalk_reads_the_plover_table() {
        let table = cameo_table();
        assert_eq!(table.get("173").map(|e| e.kind.as_str()), Some("COERCE"));
        assert_eq!(
            table.get("0874").and_then(|e| e.mode.as_deref()),
            Some("disarm")
        );
        assert!(acled_table()
            .iter()
            .any(|r| r.sub_event_type == "peaceful_protest"));
    }
}
