//! The alias index: folded alias -> ids, and a left-to-right scanner that
//! tries token n-grams (longest first) only where the first token opens some
//! alias. One hash probe per token in the common case keeps the scan linear
//! and independent of the number of aliases.

use crate::hash::FastMap;
use crate::tokens::{key_of, tokens};
use std::ops::Range;

/// Longest alias, in tokens, that the scanner tries.
pub(crate) const MAX_TOKENS: usize = 8;

/// How an alias must be written in the original text to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CaseRule {
    /// Any case.
    Any,
    /// The first letter capitalised: aliases that are also common words
    /// ("Nice", "Mobile") or very short names.
    Capitalised,
    /// No lowercase letter: acronyms ("OTSC", "NATO", "ОДКБ").
    Upper,
}

impl CaseRule {
    /// Whether `written` (the alias as the original text has it) satisfies the rule.
    pub fn accepts(self, written: &str) -> bool {
        match self {
            CaseRule::Any => true,
            // Scripts without case (Arabic, CJK) pass: nothing to check.
            CaseRule::Capitalised => {
                !matches!(written.chars().find(|c| c.is_alphabetic()), Some(c) if c.is_lowercase())
            }
            CaseRule::Upper => !written.chars().any(char::is_lowercase),
        }
    }
}

#[derive(Clone, Copy)]
struct Entry {
    start: u32,
    len: u32,
    rule: CaseRule,
}

pub(crate) struct AliasIndex {
    map: FastMap<Box<str>, Entry>,
    ids: Vec<u32>,
    /// First token of some alias -> the most tokens any alias opened by it has.
    openers: FastMap<Box<str>, u8>,
}

impl AliasIndex {
    pub(crate) fn get(&self, folded_alias: &str) -> Option<(&[u32], CaseRule)> {
        let mut buf = String::new();
        let key = key_of(folded_alias, &mut buf);
        self.map.get(key).map(|e| (self.ids_of(e), e.rule))
    }

    fn ids_of(&self, e: &Entry) -> &[u32] {
        self.ids
            .get(e.start as usize..(e.start as usize + e.len as usize))
            .unwrap_or(&[])
    }

    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// Longest accepted matches, non-overlapping, left to right.
    pub(crate) fn scan<'a>(
        &'a self,
        text: &str,
        mut accept: impl FnMut(Range<usize>, CaseRule) -> bool,
    ) -> Vec<(Range<usize>, &'a [u32])> {
        let toks: Vec<Range<usize>> = tokens(text).collect();
        let mut found = Vec::new();
        let mut buf = String::new();
        let mut i = 0;
        'tokens: while let Some(first) = toks.get(i) {
            let longest = text
                .get(first.clone())
                .and_then(|w| self.openers.get(w))
                .copied()
                .unwrap_or(0);
            let longest = usize::from(longest).min(toks.len() - i);
            for n in (1..=longest).rev() {
                let Some(last) = toks.get(i + n - 1) else {
                    continue;
                };
                let range = first.start..last.end;
                let Some(stretch) = text.get(range.clone()) else {
                    continue;
                };
                let key = key_of(stretch, &mut buf);
                if let Some(entry) = self.map.get(key) {
                    if accept(range.clone(), entry.rule) {
                        found.push((range, self.ids_of(entry)));
                        i += n;
                        continue 'tokens;
                    }
                }
            }
            i += 1;
        }
        found
    }
}

/// Collects aliases, then freezes them into an [`AliasIndex`].
#[derive(Default)]
pub(crate) struct AliasIndexBuilder {
    pending: FastMap<Box<str>, (Vec<u32>, CaseRule)>,
}

impl AliasIndexBuilder {
    /// Adds an alias already in key shape. Where several sources give one key,
    /// the most lenient rule wins ("Iran" and "IRAN" -> any case), so that one
    /// shouting source cannot hide a common name.
    pub(crate) fn add(&mut self, key: &str, id: u32, rule: CaseRule) {
        if key.is_empty() {
            return;
        }
        match self.pending.get_mut(key) {
            Some((ids, old)) => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
                *old = (*old).min(rule);
            }
            None => {
                self.pending.insert(key.into(), (vec![id], rule));
            }
        }
    }

    /// Raises the rule of a key to at least `rule` (common words must be capitalised).
    pub(crate) fn require(&mut self, key: &str, rule: CaseRule) {
        if let Some((_, old)) = self.pending.get_mut(key) {
            *old = (*old).max(rule);
        }
    }

    /// Freezes the index; `rank` orders the ids of each alias (lower first).
    pub(crate) fn build(self, rank: impl Fn(u32) -> (u8, std::cmp::Reverse<u64>)) -> AliasIndex {
        let mut map = FastMap::default();
        map.reserve(self.pending.len());
        let mut ids = Vec::with_capacity(self.pending.len() + self.pending.len() / 4);
        let mut openers: FastMap<Box<str>, u8> = FastMap::default();
        for (key, (mut entry_ids, rule)) in self.pending {
            entry_ids.sort_by_key(|&id| (rank(id), id));
            let start = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            let len = u32::try_from(entry_ids.len()).unwrap_or(0);
            ids.extend_from_slice(&entry_ids);
            let mut words = tokens(&key);
            let first = words.next().and_then(|r| key.get(r));
            let count = 1 + words.count();
            if let Some(first) = first.filter(|_| count <= MAX_TOKENS) {
                let slot = openers.entry(first.into()).or_insert(0);
                *slot = (*slot).max(count as u8);
            }
            map.insert(key, Entry { start, len, rule });
        }
        map.shrink_to_fit();
        openers.shrink_to_fit();
        AliasIndex { map, ids, openers }
    }
}
