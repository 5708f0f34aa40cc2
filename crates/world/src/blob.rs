//! The alias index as bytes: written by build.rs from the embedded data,
//! read back at start-up without folding or ranking anything. Little-endian;
//! every read is checked, and a blob that does not parse or was made for
//! another entity count is refused (the caller then builds the index itself).
//!
//! Layout: magic, entity count, then three sections, each a u32 count:
//! aliases (key, rule, ids start, ids len), ids (u32), openers (lines of
//! eight u64, see `index::Openers`).
//! Keys are u16-length-prefixed UTF-8.

use crate::hash::FastMap;
use crate::index::{AliasIndex, CaseRule, Entry, Line, Openers};

const MAGIC: &[u8; 8] = b"DLWALIA3";

fn rule_byte(rule: CaseRule) -> u8 {
    match rule {
        CaseRule::Any => 0,
        CaseRule::Capitalised => 1,
        CaseRule::Upper => 2,
    }
}

fn rule_of_byte(byte: u8) -> Option<CaseRule> {
    match byte {
        0 => Some(CaseRule::Any),
        1 => Some(CaseRule::Capitalised),
        2 => Some(CaseRule::Upper),
        _ => None,
    }
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

fn put_key(out: &mut Vec<u8>, key: &str) {
    out.extend_from_slice(&u16::try_from(key.len()).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(key.as_bytes());
}

/// The index as bytes, for `entity_count` entities. Keys are written sorted
/// so that the blob does not depend on hash-map order.
#[allow(dead_code)] // used by build.rs and tests only
pub(crate) fn write(index: &AliasIndex, entity_count: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 << 20);
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, entity_count);
    let mut aliases: Vec<(&Box<str>, &Entry)> = index.map.iter().collect();
    aliases.sort_unstable_by_key(|(key, _)| *key);
    put_u32(&mut out, aliases.len());
    for (key, entry) in aliases {
        put_key(&mut out, key);
        out.push(rule_byte(entry.rule));
        put_u32(&mut out, entry.start as usize);
        put_u32(&mut out, entry.len as usize);
    }
    put_u32(&mut out, index.ids.len());
    for id in &index.ids {
        out.extend_from_slice(&id.to_le_bytes());
    }
    put_u32(&mut out, index.openers.lines.len());
    for line in &index.openers.lines {
        for word in line.0 {
            out.extend_from_slice(&word.to_le_bytes());
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (self.bytes.get(..n)?, self.bytes.get(n..)?);
        self.bytes = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn key(&mut self) -> Option<Box<str>> {
        let len = u16::from_le_bytes(self.take(2)?.try_into().ok()?);
        std::str::from_utf8(self.take(usize::from(len))?)
            .ok()
            .map(Box::from)
    }
}

/// The index stored by [`write`], if `bytes` hold one made for `entity_count`
/// entities whose every id and id range is in bounds.
pub(crate) fn read(bytes: &[u8], entity_count: usize) -> Option<AliasIndex> {
    let mut r = Reader { bytes };
    if r.take(MAGIC.len())? != MAGIC || r.u32()? as usize != entity_count {
        return None;
    }
    let count = r.u32()? as usize;
    let mut map = FastMap::default();
    map.reserve(count);
    for _ in 0..count {
        let key = r.key()?;
        let rule = rule_of_byte(r.byte()?)?;
        let (start, len) = (r.u32()?, r.u32()?);
        map.insert(key, Entry { start, len, rule });
    }
    let id_count = r.u32()? as usize;
    let id_bytes = r.take(id_count.checked_mul(4)?)?;
    let ids: Vec<u32> = id_bytes
        .chunks_exact(4)
        .filter_map(|b| <[u8; 4]>::try_from(b).ok().map(u32::from_le_bytes))
        .collect();
    let in_bounds = |e: &Entry| {
        (e.start as usize)
            .checked_add(e.len as usize)
            .is_some_and(|end| end <= ids.len())
    };
    if !map.values().all(in_bounds) || ids.iter().any(|&id| id as usize >= entity_count) {
        return None;
    }
    let lines = r.u32()? as usize;
    if !lines.is_power_of_two() {
        return None;
    }
    let mut words = r
        .take(lines.checked_mul(64)?)?
        .chunks_exact(8)
        .filter_map(|b| <[u8; 8]>::try_from(b).ok().map(u64::from_le_bytes));
    let openers = Openers {
        lines: (0..lines)
            .map(|_| {
                let mut line = Line([0; 8]);
                for (slot, word) in line.0.iter_mut().zip(words.by_ref()) {
                    *slot = word;
                }
                line
            })
            .collect(),
    };
    if !r.bytes.is_empty() {
        return None;
    }
    Some(AliasIndex { map, ids, openers })
}
