//! Duplicate detection over a batch, in input order.
//!
//! Exact duplicates: same hash of the text normalized for comparison
//! (lowercased letters and digits, every other run of characters one space),
//! so re-encoded or re-spaced copies match. Near-duplicates (the same wire
//! story on ten sites, with different furniture around it): MinHash over
//! word 5-shingles, [`SIGNATURE_LEN`] 16-bit minimums, indexed by LSH in
//! [`BANDS`] bands of [`ROWS`] rows so that each document is checked against
//! a handful of candidates (O(n) over the batch). A candidate counts when its
//! estimated Jaccard similarity is at least [`Deduplicator::threshold`].
//!
//! Memory is bounded: at most [`Deduplicator::capacity`] sketches are kept
//! (500,000 by default, about 300 bytes each with their index entries, so
//! ~150 MB); past that, new documents are still checked against the kept
//! ones but not added. Fingerprints are computed in parallel
//! ([`Fingerprint::of`]), the decisions sequentially ([`Deduplicator::check`]),
//! so results do not depend on thread count.

use std::collections::HashMap;

/// Minimums kept per document.
pub const SIGNATURE_LEN: usize = 48;
/// LSH bands: two documents become candidates when one band matches whole.
pub const BANDS: usize = 12;
/// Minimums per band.
pub const ROWS: usize = SIGNATURE_LEN / BANDS;
/// Words per shingle: long enough that shared phrases ("the president
/// said on Monday") do not make unrelated stories look alike.
const SHINGLE_WORDS: usize = 5;
/// Texts with fewer shingles are only compared exactly: short texts share
/// too much boilerplate for resemblance to mean anything.
const MIN_SHINGLES: usize = 16;
const DEFAULT_CAPACITY: usize = 500_000;
const DEFAULT_THRESHOLD: f64 = 0.7;

/// What a document is, for duplicate detection. Cheap to compute on worker
/// threads; holds no reference to the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the comparison-normalized text; `None` for a text with no
    /// letters or digits (empty documents are never duplicates).
    exact: Option<u64>,
    /// MinHash signature; `None` for texts too short to compare by resemblance.
    signature: Option<Box<[u16; SIGNATURE_LEN]>>,
}

/// How a document duplicates an earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicateKind {
    /// Same text once case, punctuation and spacing are ignored.
    Exact,
    /// Resembling text (estimated Jaccard similarity of shingles at or above the threshold).
    Near,
}

impl DuplicateKind {
    /// The diagnostic code: `duplicate` or `near-duplicate`.
    pub fn code(self) -> &'static str {
        match self {
            DuplicateKind::Exact => "duplicate",
            DuplicateKind::Near => "near-duplicate",
        }
    }
}

/// A document found to repeat an earlier one.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub kind: DuplicateKind,
    /// The id of the first copy seen.
    pub first_id: String,
    /// Estimated similarity (1.0 for exact duplicates).
    pub similarity: f64,
}

/// 64-bit mixer (splitmix64 finalizer): spreads word hashes so that each
/// signature slot behaves like an independent hash function.
const fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const fn seeds() -> [u64; SIGNATURE_LEN] {
    let mut out = [0u64; SIGNATURE_LEN];
    let mut i = 0;
    while i < SIGNATURE_LEN {
        out[i] = mix(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1));
        i += 1;
    }
    out
}

const SEEDS: [u64; SIGNATURE_LEN] = seeds();
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Whether a char is in Unicode's General Punctuation block (typographic
/// quotes, dashes, ellipsis, special spaces), none of which is a letter or a
/// digit: news text is full of them, and this answers without the Unicode
/// tables `is_alphanumeric` searches for every non-ASCII char.
#[inline]
pub(crate) fn is_general_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2000..=0x206F)
}

impl Fingerprint {
    /// The fingerprint of a document's text. Linear in the text; allocates
    /// only the signature.
    pub fn of(text: &str) -> Fingerprint {
        let mut exact = FNV_OFFSET;
        let mut any_word = false;
        let mut window = [0u64; SHINGLE_WORDS];
        let mut words = 0usize;
        let mut minimums = [u64::MAX; SIGNATURE_LEN];
        let mut word = FNV_OFFSET;
        let mut in_word = false;
        let mut finish_word = |word: u64, exact: &mut u64| {
            // Words are separated by one space in the exact hash.
            *exact = (*exact ^ u64::from(b' ')).wrapping_mul(FNV_PRIME);
            *exact = (*exact ^ word).wrapping_mul(FNV_PRIME);
            if let Some(slot) = window.get_mut(words % SHINGLE_WORDS) {
                *slot = word;
            }
            words += 1;
            if words >= SHINGLE_WORDS {
                // Order matters within a shingle: combine from the oldest word.
                let mut shingle = 0u64;
                for k in 0..SHINGLE_WORDS {
                    let index = (words + k) % SHINGLE_WORDS;
                    shingle = mix(shingle ^ window.get(index).copied().unwrap_or(0));
                }
                for (minimum, seed) in minimums.iter_mut().zip(SEEDS) {
                    let value = mix(shingle ^ seed);
                    if value < *minimum {
                        *minimum = value;
                    }
                }
            }
        };
        for c in text.chars() {
            // ASCII first: the same bytes as the Unicode path gives them, without
            // its table lookups (most news text is mostly ASCII).
            if c.is_ascii_alphanumeric() {
                let byte = c.to_ascii_lowercase() as u8;
                word = (word ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
                in_word = true;
            } else if !c.is_ascii() && !is_general_punctuation(c) && c.is_alphanumeric() {
                for lower in c.to_lowercase() {
                    let mut buffer = [0u8; 4];
                    for &byte in lower.encode_utf8(&mut buffer).as_bytes() {
                        word = (word ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
                    }
                }
                in_word = true;
            } else if in_word {
                finish_word(word, &mut exact);
                any_word = true;
                word = FNV_OFFSET;
                in_word = false;
            }
        }
        if in_word {
            finish_word(word, &mut exact);
            any_word = true;
        }
        let shingles = words.saturating_sub(SHINGLE_WORDS - 1);
        let signature = (shingles >= MIN_SHINGLES).then(|| {
            let mut signature = Box::new([0u16; SIGNATURE_LEN]);
            for (slot, minimum) in signature.iter_mut().zip(minimums) {
                // The top bits of a mixed value are as good as the whole for estimation.
                *slot = (minimum >> 48) as u16;
            }
            signature
        });
        Fingerprint {
            exact: any_word.then_some(exact),
            signature,
        }
    }

    /// Estimated Jaccard similarity of two texts' shingle sets (0 when either
    /// is too short to compare).
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        match (&self.signature, &other.signature) {
            (Some(a), Some(b)) => {
                let same = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count();
                same as f64 / SIGNATURE_LEN as f64
            }
            _ => 0.0,
        }
    }
}

/// Remembers the documents seen so far and tells which later ones repeat them.
#[derive(Debug)]
pub struct Deduplicator {
    capacity: usize,
    threshold: f64,
    exact: HashMap<u64, u32>,
    bands: Vec<HashMap<u64, u32>>,
    signatures: Vec<[u16; SIGNATURE_LEN]>,
    /// Ids of kept documents; index = position in `signatures` for those with one.
    ids: Vec<String>,
    /// For each kept signature, its index in `ids`.
    signature_owner: Vec<u32>,
}

impl Default for Deduplicator {
    fn default() -> Self {
        Deduplicator::new(DEFAULT_CAPACITY, DEFAULT_THRESHOLD)
    }
}

impl Deduplicator {
    /// `capacity`: most documents remembered; `threshold`: least estimated
    /// similarity (0..=1) for a near-duplicate.
    pub fn new(capacity: usize, threshold: f64) -> Deduplicator {
        Deduplicator {
            capacity: capacity.min(u32::MAX as usize),
            threshold: threshold.clamp(0.0, 1.0),
            exact: HashMap::new(),
            bands: (0..BANDS).map(|_| HashMap::new()).collect(),
            signatures: Vec::new(),
            ids: Vec::new(),
            signature_owner: Vec::new(),
        }
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// Documents remembered so far.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether the document `id` repeats one seen before; if not, it is
    /// remembered (while there is room). Call in input order.
    pub fn check(&mut self, id: &str, fingerprint: &Fingerprint) -> Option<Duplicate> {
        let exact = fingerprint.exact?;
        if let Some(&owner) = self.exact.get(&exact) {
            return self.ids.get(owner as usize).map(|first| Duplicate {
                kind: DuplicateKind::Exact,
                first_id: first.clone(),
                similarity: 1.0,
            });
        }
        let band_keys = fingerprint.signature.as_ref().map(|s| band_keys(s));
        if let Some(keys) = &band_keys {
            let mut best: Option<(f64, u32)> = None;
            for (band, key) in self.bands.iter().zip(keys) {
                let Some(&candidate) = band.get(key) else {
                    continue;
                };
                let Some(other) = self.signatures.get(candidate as usize) else {
                    continue;
                };
                let similarity = similarity(other, fingerprint.signature.as_deref());
                // The earliest of equally similar candidates: the first copy.
                let better = match best {
                    None => true,
                    Some((s, c)) => similarity > s || (similarity == s && candidate < c),
                };
                if similarity >= self.threshold && better {
                    best = Some((similarity, candidate));
                }
            }
            if let Some((similarity, candidate)) = best {
                let owner = self.signature_owner.get(candidate as usize).copied();
                if let Some(first) = owner.and_then(|o| self.ids.get(o as usize)) {
                    return Some(Duplicate {
                        kind: DuplicateKind::Near,
                        first_id: first.clone(),
                        similarity,
                    });
                }
            }
        }
        if self.ids.len() >= self.capacity {
            return None;
        }
        let owner = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.exact.insert(exact, owner);
        if let (Some(keys), Some(signature)) = (band_keys, &fingerprint.signature) {
            let index = self.signatures.len() as u32;
            self.signatures.push(**signature);
            self.signature_owner.push(owner);
            for (band, key) in self.bands.iter_mut().zip(keys) {
                // The first document of a bucket stays its representative.
                band.entry(key).or_insert(index);
            }
        }
        None
    }
}

fn similarity(a: &[u16; SIGNATURE_LEN], b: Option<&[u16; SIGNATURE_LEN]>) -> f64 {
    let Some(b) = b else { return 0.0 };
    let same = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE_LEN as f64
}

fn band_keys(signature: &[u16; SIGNATURE_LEN]) -> [u64; BANDS] {
    let mut keys = [0u64; BANDS];
    for (band, (key, rows)) in keys.iter_mut().zip(signature.chunks(ROWS)).enumerate() {
        let mut h = mix(band as u64 + 1);
        for &row in rows {
            h = mix(h ^ u64::from(row));
        }
        *key = h;
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut must agree with the Unicode tables on its whole block.
    #[test]
    fn general_punctuation_has_no_letter_or_digit() {
        let block = (0x2000..=0x206F).filter_map(char::from_u32);
        for c in block {
            assert!(is_general_punctuation(c) && !c.is_alphanumeric(), "{c:?}");
        }
        assert!(!is_general_punctuation('\u{2070}') && !is_general_punctuation('a'));
    }

    const STORY: &str = "Police in the capital arrested twelve protesters on Monday after a march \
        against the new fuel tax turned violent, the interior ministry said in a statement. \
        Officers used tear gas to disperse several hundred people who had gathered outside \
        parliament, and three officers were injured, according to the ministry. Organisers \
        said they would march again on Friday.";

    #[test]
    fn fingerprint_values_are_stable() {
        // Values from the Unicode-only word loop: the ASCII fast path must give
        // the same hashes, or stored fingerprints would stop matching new ones.
        let texts = [
            STORY,
            "L'ÉTAT a dit: « Ça suffit ». Die Straße, İstanbul, ΑΘΗΝΑ 2024-01-10 x_y z.z",
            "Президент заявил в понедельник 12 000 человек; a-b c'd e",
        ];
        let got: Vec<(Option<u64>, Option<Vec<u16>>)> = texts
            .iter()
            .map(|t| {
                let f = Fingerprint::of(t);
                (f.exact, f.signature.map(|s| s.to_vec()))
            })
            .collect();
        assert_eq!(format!("{got:?}"), "[(Some(14643698900707620603), Some([252, 2406, 2114, 809, 2238, 343, 2080, 3085, 160, 841, 3088, 475, 983, 3387, 675, 3154, 600, 2866, 303, 981, 1797, 1052, 779, 745, 889, 422, 54, 836, 2066, 1189, 241, 1530, 1295, 569, 564, 1554, 1032, 5206, 555, 2403, 1613, 430, 154, 231, 358, 932, 204, 390])), (Some(520346488528132758), None), (Some(8417412564613982268), None)]");
    }

    #[test]
    fn respaced_and_recased_copy_is_exact() {
        let a = Fingerprint::of(STORY);
        let b = Fingerprint::of(&STORY.to_uppercase().replace(' ', "  \n"));
        assert_eq!(a.exact, b.exact);
        let mut dedup = Deduplicator::default();
        assert_eq!(dedup.check("a", &a), None);
        let dup = dedup.check("b", &b).unwrap();
        assert_eq!(dup.kind, DuplicateKind::Exact);
        assert_eq!(dup.first_id, "a");
    }

    #[test]
    fn wire_copy_with_other_furniture_is_near() {
        let site1 =
            format!("Home | World | Sport\n{STORY}\nRead more: subscribe to our newsletter.");
        let site2 = format!("Breaking news\n{STORY}\n(c) 2024 Daily Planet. All rights reserved.");
        let (a, b) = (Fingerprint::of(&site1), Fingerprint::of(&site2));
        assert_ne!(a.exact, b.exact);
        assert!(a.similarity(&b) >= 0.7, "{}", a.similarity(&b));
        let mut dedup = Deduplicator::default();
        assert_eq!(dedup.check("site1", &a), None);
        let dup = dedup.check("site2", &b).unwrap();
        assert_eq!(dup.kind, DuplicateKind::Near);
        assert_eq!(dup.first_id, "site1");
    }

    #[test]
    fn different_stories_are_not_duplicates() {
        let other = "The central bank raised its main interest rate by half a point on Thursday, \
            its third increase this year, citing inflation that reached nine percent in March. \
            Analysts had expected a smaller move, and the currency rose against the dollar after \
            the announcement, while shares of exporters fell in afternoon trading.";
        let mut dedup = Deduplicator::default();
        assert_eq!(dedup.check("a", &Fingerprint::of(STORY)), None);
        assert_eq!(dedup.check("b", &Fingerprint::of(other)), None);
        assert_eq!(dedup.len(), 2);
        assert!(Fingerprint::of(STORY).similarity(&Fingerprint::of(other)) < 0.2);
    }

    #[test]
    fn empty_and_short_texts() {
        let mut dedup = Deduplicator::default();
        // Empty documents (failed reads) are never duplicates of each other.
        assert_eq!(dedup.check("e1", &Fingerprint::of("")), None);
        assert_eq!(dedup.check("e2", &Fingerprint::of(" ... ")), None);
        assert!(dedup.is_empty());
        // Short texts: exact only.
        assert_eq!(dedup.check("s1", &Fingerprint::of("Fire in Lyon.")), None);
        assert_eq!(
            dedup
                .check("s2", &Fingerprint::of("Fire in Lyon"))
                .unwrap()
                .first_id,
            "s1"
        );
        assert_eq!(dedup.check("s3", &Fingerprint::of("Fire in Lille.")), None);
    }

    #[test]
    fn capacity_bounds_memory() {
        let mut dedup = Deduplicator::new(1, 0.7);
        assert_eq!(dedup.check("a", &Fingerprint::of("one story")), None);
        assert_eq!(dedup.check("b", &Fingerprint::of("another story")), None);
        assert_eq!(dedup.len(), 1);
        // Still checked against what was kept.
        assert_eq!(
            dedup
                .check("c", &Fingerprint::of("One story!"))
                .unwrap()
                .first_id,
            "a"
        );
        // Not remembered past capacity: a copy of "b" is not found.
        assert_eq!(dedup.check("d", &Fingerprint::of("another story")), None);
    }
}
