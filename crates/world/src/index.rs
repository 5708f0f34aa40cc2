//! The alias index: folded alias -> ids, and a left-to-right scanner that
//! tries token n-grams (longest first) only where the first token opens some
//! alias. One hash probe per token in the common case keeps the scan linear
//! and independent of the number of aliases.

use crate::hash::{FastHasher, FastMap};
use crate::tokens::{key_of, tokens};
use std::hash::Hasher;
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

/// Where an alias's ids are in `AliasIndex::ids`, and its case rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Entry {
    pub(crate) start: u32,
    pub(crate) len: u32,
    pub(crate) rule: CaseRule,
}

#[derive(Default)]
pub(crate) struct AliasIndex {
    pub(crate) map: FastMap<Box<str>, Entry>,
    pub(crate) ids: Vec<u32>,
    /// First token of some alias -> which lengths, in tokens, the aliases it
    /// opens have (bit n-1 for n tokens): the scanner probes only those, so a
    /// word opening one long alias ("the" in "the hague") costs one probe,
    /// not eight.
    pub(crate) openers: Openers,
}

/// The openers and a Bloom filter of the keys, in one table of cache lines
/// indexed by a hash of a key's first word: a line holds the length bits of
/// the aliases its words open (bit n-1 for n tokens) and filter bits for those
/// aliases' keys. A token then costs one cache miss, where a table of length
/// bits and a separate filter cost two (the scan was bound by them: a map or
/// table lookup per token of every text). Words that share a line share its
/// bits, so a stretch may be probed that no alias has: the exact alias map
/// then finds nothing, and the matches are the same as with exact tables,
/// only found sooner. On news, 19 of 20 stretches that length bits alone let
/// through are no alias; the filter stops most of them before the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Openers {
    /// Empty (every word opens every length, every stretch passes) or a
    /// power of two long.
    pub(crate) lines: Vec<Line>,
}

/// One cache line: length bits in the low byte of the first word, filter
/// bits in the other 504.
#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(align(64))]
pub(crate) struct Line(pub(crate) [u64; 8]);

/// Filter bits per line (the low byte holds length bits).
const FILTER_BITS: u64 = 512 - 8;

impl Line {
    #[inline]
    pub(crate) fn lengths(&self) -> u8 {
        (self.0[0] & 0xff) as u8
    }

    /// The two filter bits of a stretch hash, as bit positions in the line.
    #[inline]
    fn filter_bits(hash: u64) -> [u64; 2] {
        let mixed = mix(hash);
        // Multiply-shift maps 32 random bits onto 0..FILTER_BITS evenly.
        let low = ((mixed & 0xffff_ffff) * FILTER_BITS) >> 32;
        let high = ((mixed >> 32) * FILTER_BITS) >> 32;
        [8 + low, 8 + high]
    }

    #[inline]
    fn bit(&self, at: u64) -> bool {
        self.0
            .get((at / 64) as usize)
            .is_some_and(|word| word & (1 << (at % 64)) != 0)
    }

    /// Whether a stretch with this hash may be a key.
    #[inline]
    pub(crate) fn may_contain(&self, hash: u64) -> bool {
        Line::filter_bits(hash).iter().all(|&at| self.bit(at))
    }

    fn set(&mut self, at: u64) {
        if let Some(word) = self.0.get_mut((at / 64) as usize) {
            *word |= 1 << (at % 64);
        }
    }
}

/// What an empty table answers: every length, every stretch.
static OPEN_LINE: Line = Line([u64::MAX; 8]);

impl Openers {
    /// Room for `keys` aliases: about 28 filter bits per key (some 0.5%
    /// false positives per probe) in 1 MB for the shipped data.
    fn with_room_for(keys: usize) -> Self {
        Openers {
            lines: vec![Line([0; 8]); (keys / 32).next_power_of_two().max(64)],
        }
    }

    fn slot(&self, word: &str) -> Option<usize> {
        let bits = self.lines.len().trailing_zeros();
        if bits == 0 {
            return None;
        }
        let mut hasher = FastHasher::default();
        hasher.write(word.as_bytes());
        // The high bits of a multiplicative hash are the well-mixed ones.
        usize::try_from(hasher.finish() >> (64 - bits)).ok()
    }

    /// The line of aliases whose first word is `word`.
    #[inline]
    pub(crate) fn line(&self, word: &str) -> &Line {
        match self.slot(word) {
            Some(at) => self.lines.get(at).unwrap_or(&OPEN_LINE),
            None => &OPEN_LINE,
        }
    }

    /// Records a key of `count` tokens opened by `first`.
    fn add(&mut self, first: &str, count: usize, key: &str) {
        let Some(line) = self.slot(first).and_then(|at| self.lines.get_mut(at)) else {
            return;
        };
        line.0[0] |= 1u64 << (count - 1);
        for at in Line::filter_bits(hash_of(key)) {
            line.set(at);
        }
    }
}

/// The filter hash of a key (or of any text), built from the hashes of its
/// tokens and of the gaps between them, as the scanner makes them once per
/// token: hashing each candidate stretch's key would fold and hash the same
/// bytes up to eight times.
pub(crate) fn hash_of(key: &str) -> u64 {
    let mut hash = 0;
    let mut last_end = None;
    for token in tokens(key) {
        let word = key.get(token.clone()).unwrap_or("");
        hash = match last_end {
            None => token_hash(word),
            Some(end) => {
                let gap = key.get(end..token.start).unwrap_or("");
                combine(combine(hash, gap_hash(gap)), token_hash(word))
            }
        };
        last_end = Some(token.end);
    }
    hash
}

/// splitmix64's finalizer: the stretch hashes are multiplicative, their low
/// bits weak.
#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[inline]
fn combine(hash: u64, part: u64) -> u64 {
    (hash.rotate_left(5) ^ part).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

#[inline]
fn token_hash(word: &str) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(word.as_bytes());
    hasher.finish()
}

/// The hash of a gap between tokens as a key has it: whitespace runs count
/// as one space (as `key_of` collapses them).
#[inline]
fn gap_hash(gap: &str) -> u64 {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let step = |hash: u64, byte: u8| (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
    if gap == " " {
        return step(FNV_OFFSET, b' ');
    }
    let mut hash = FNV_OFFSET;
    let mut in_space = false;
    for c in gap.chars() {
        if c.is_whitespace() {
            if !in_space {
                hash = step(hash, b' ');
            }
            in_space = true;
        } else {
            let mut buf = [0u8; 4];
            for &byte in c.encode_utf8(&mut buf).as_bytes() {
                hash = step(hash, byte);
            }
            in_space = false;
        }
    }
    hash
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
        // Each token with its hash and the hash of the gap before it, made
        // once: a stretch's filter hash is then a few multiplications.
        let mut toks: Vec<(Range<usize>, u64, u64)> = Vec::new();
        let mut last_end = 0;
        for token in tokens(text) {
            let word = text.get(token.clone()).unwrap_or("");
            let gap = text.get(last_end..token.start).unwrap_or("");
            last_end = token.end;
            toks.push((token, token_hash(word), gap_hash(gap)));
        }
        let mut found = Vec::new();
        let mut buf = String::new();
        let mut i = 0;
        'tokens: while let Some((first, first_hash, _)) = toks.get(i) {
            let line = self.openers.line(text.get(first.clone()).unwrap_or(""));
            let lengths = line.lengths();
            if lengths == 0 {
                i += 1;
                continue;
            }
            let longest = MAX_TOKENS.min(toks.len() - i);
            // Stretch hashes by length, shortest first.
            let mut hashes = [0u64; MAX_TOKENS];
            let mut hash = *first_hash;
            for (n, slot) in hashes.iter_mut().enumerate().take(longest) {
                if let Some((_, token_hash, gap_hash)) = toks.get(i + n).filter(|_| n > 0) {
                    hash = combine(combine(hash, *gap_hash), *token_hash);
                }
                *slot = hash;
            }
            for n in (1..=longest).rev() {
                if lengths & (1 << (n - 1)) == 0
                    || !hashes.get(n - 1).is_some_and(|&h| line.may_contain(h))
                {
                    continue;
                }
                let Some((last, _, _)) = toks.get(i + n - 1) else {
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

/// Collects aliases, then freezes them into an [`AliasIndex`]. While
/// building, an entry's `start` heads a linked list of ids in `links` and
/// `len` counts them; freezing rewrites entries in place (no rehash, no
/// per-key allocation beyond the key itself).
pub(crate) struct AliasIndexBuilder {
    map: FastMap<Box<str>, Entry>,
    /// (id, index of the next link or NONE).
    links: Vec<(u32, u32)>,
}

const NONE: u32 = u32::MAX;

impl AliasIndexBuilder {
    pub(crate) fn with_capacity(keys: usize) -> Self {
        let mut map = FastMap::default();
        map.reserve(keys);
        AliasIndexBuilder {
            map,
            links: Vec::with_capacity(keys + keys / 4),
        }
    }

    /// Adds an alias already in key shape. Where several sources give one key,
    /// the most lenient rule wins ("Iran" and "IRAN" -> any case), so that one
    /// shouting source cannot hide a common name.
    pub(crate) fn add(&mut self, key: &str, id: u32, rule: CaseRule) {
        if key.is_empty() {
            return;
        }
        let link = u32::try_from(self.links.len()).unwrap_or(NONE);
        match self.map.get_mut(key) {
            Some(entry) => {
                let mut at = entry.start;
                while let Some(&(old, next)) = self.links.get(at as usize) {
                    if old == id {
                        entry.rule = entry.rule.min(rule);
                        return;
                    }
                    at = next;
                }
                self.links.push((id, entry.start));
                entry.start = link;
                entry.len += 1;
                entry.rule = entry.rule.min(rule);
            }
            None => {
                self.links.push((id, NONE));
                self.map.insert(
                    key.into(),
                    Entry {
                        start: link,
                        len: 1,
                        rule,
                    },
                );
            }
        }
    }

    /// Raises the rule of a key to at least `rule` (common words must be capitalised).
    pub(crate) fn require(&mut self, key: &str, rule: CaseRule) {
        if let Some(entry) = self.map.get_mut(key) {
            entry.rule = entry.rule.max(rule);
        }
    }

    /// Keeps only the ids of `key` that `keep` accepts; drops the key when none is left.
    pub(crate) fn retain(&mut self, key: &str, keep: impl Fn(u32) -> bool) {
        let Some(entry) = self.map.get_mut(key) else {
            return;
        };
        let mut kept = Vec::new();
        let mut at = entry.start;
        while let Some(&(id, next)) = self.links.get(at as usize) {
            if keep(id) {
                kept.push(id);
            }
            at = next;
        }
        if kept.is_empty() {
            self.map.remove(key);
            return;
        }
        // Relink the survivors; the old links are left unused.
        let mut head = NONE;
        for id in kept.iter().rev() {
            self.links.push((*id, head));
            head = u32::try_from(self.links.len() - 1).unwrap_or(NONE);
        }
        entry.start = head;
        entry.len = u32::try_from(kept.len()).unwrap_or(0);
    }

    /// Drops a key.
    pub(crate) fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }

    /// Freezes the index; `rank` orders the ids of each alias (lower first).
    /// `opened_by` gives the least rule a multi-token key needs for its first
    /// token; it is applied here because this pass tokenises every key anyway
    /// (a separate pass over ~400k keys was a tenth of the load time).
    pub(crate) fn build(
        self,
        rank: impl Fn(u32) -> (u8, std::cmp::Reverse<u64>),
        opened_by: impl Fn(&str) -> Option<CaseRule>,
    ) -> AliasIndex {
        let AliasIndexBuilder { mut map, links } = self;
        let mut ids = Vec::with_capacity(links.len());
        let mut openers = Openers::with_room_for(map.len());
        let mut entry_ids = Vec::new();
        for (key, entry) in map.iter_mut() {
            entry_ids.clear();
            let mut at = entry.start;
            while let Some(&(id, next)) = links.get(at as usize) {
                entry_ids.push(id);
                at = next;
            }
            if entry_ids.len() > 1 {
                entry_ids.sort_by_key(|&id| (rank(id), id));
            }
            entry.start = u32::try_from(ids.len()).unwrap_or(NONE);
            entry.len = u32::try_from(entry_ids.len()).unwrap_or(0);
            ids.extend_from_slice(&entry_ids);
            let mut words = tokens(key);
            let first = words.next().and_then(|r| key.get(r));
            let count = 1 + words.count();
            if count > 1 {
                if let Some(rule) = first.and_then(&opened_by) {
                    entry.rule = entry.rule.max(rule);
                }
            }
            if let Some(first) = first.filter(|_| count <= MAX_TOKENS) {
                openers.add(first, count, key);
            }
        }
        AliasIndex { map, ids, openers }
    }
}
