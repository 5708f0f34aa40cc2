//! Where each entity is mentioned, indexed once per document so that the
//! questions the later readers ask for every sentence (who is inside this
//! phrase, who was named last, what is the story's country) cost a binary
//! search instead of a scan of every mention: a long text asks them once per
//! sentence, and scanning made that quadratic.
//!
//! The index lives in a thread-local slot, stamped with the identity of the
//! entity list it was built from; [`forget`] clears it when a new document is
//! read, and any change to the list (places adds the dateline's place) is
//! seen by the stamp and rebuilds it.

use super::fast_hash::FastMap;
use dateline_model::{EntityType, Reading, Span};
use std::cell::RefCell;
use std::hash::Hasher;

/// What identifies the entity list an index was built from: the buffers'
/// addresses and lengths, and a hash of every entity's kind and of its name
/// and mention buffers (address, length). The list's and its end entities'
/// buffers alone were not enough: an entity retyped, or given a mention, in
/// the middle of the list kept the stamp, and readers then asked a stale
/// index, so that the output depended on where the allocator had put things.
/// The hash costs one pass over the entities per question, not over their
/// mentions.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    entities: (usize, usize),
    text: (usize, usize),
    contents: u64,
}

impl Stamp {
    fn of(reading: &Reading) -> Stamp {
        let mut hasher = super::fast_hash::FastHasher::default();
        for entity in &reading.entities {
            hasher.write_u8(entity.kind as u8);
            hasher.write(entity.name.as_bytes());
            hasher.write_usize(entity.mentions.len());
            for mention in &entity.mentions {
                hasher.write_usize(mention.start);
                hasher.write_usize(mention.end);
            }
        }
        Stamp {
            entities: (reading.entities.as_ptr() as usize, reading.entities.len()),
            text: (reading.doc.text.as_ptr() as usize, reading.doc.text.len()),
            contents: hasher.finish(),
        }
    }
}

pub(crate) struct MentionIndex {
    stamp: Stamp,
    /// Every mention with its entity, by start offset.
    by_start: Vec<(Span, usize)>,
    /// The longest mention: how far back a mention overlapping an offset may start.
    longest: usize,
    /// Person mentions by end offset; among equal ends the lower entity
    /// index comes last, so a backward walk meets it first.
    persons_by_end: Vec<(usize, usize)>,
    /// The folded last word of each person's name, to its first person.
    surnames: FastMap<String, usize>,
    /// The story's country, once asked.
    focus: Option<Option<String>>,
    /// Each entity's gender as its titles show it, once asked.
    genders: RefCell<Vec<Option<Option<char>>>>,
}

impl MentionIndex {
    fn build(reading: &Reading) -> MentionIndex {
        let mut by_start = Vec::new();
        let mut persons_by_end = Vec::new();
        let mut surnames = FastMap::default();
        let mut longest = 0;
        for (index, entity) in reading.entities.iter().enumerate() {
            for m in &entity.mentions {
                by_start.push((*m, index));
                longest = longest.max(m.len());
                if entity.kind == EntityType::Per {
                    persons_by_end.push((m.end, index));
                }
            }
            if entity.kind == EntityType::Per {
                let folded = dateline_text::fold(&entity.name);
                if let Some(last) = folded.text().rsplit(' ').next() {
                    surnames.entry(last.to_string()).or_insert(index);
                }
            }
        }
        by_start.sort_unstable_by_key(|(m, i)| (m.start, m.end, *i));
        persons_by_end.sort_unstable_by_key(|(end, i)| (*end, std::cmp::Reverse(*i)));
        MentionIndex {
            stamp: Stamp::of(reading),
            by_start,
            longest,
            persons_by_end,
            surnames,
            focus: None,
            genders: RefCell::new(vec![None; reading.entities.len()]),
        }
    }

    /// The first entity (in entity order) of one of `kinds` with a mention inside `span`.
    pub fn inside(&self, reading: &Reading, span: Span, kinds: &[EntityType]) -> Option<usize> {
        let from = self.by_start.partition_point(|(m, _)| m.start < span.start);
        self.by_start
            .get(from..)?
            .iter()
            .take_while(|(m, _)| m.start <= span.end)
            .filter(|(m, _)| span.contains(*m))
            .map(|(_, i)| *i)
            .filter(|i| {
                reading
                    .entities
                    .get(*i)
                    .is_some_and(|e| kinds.contains(&e.kind))
            })
            .min()
    }

    /// The first entity (in entity order) of `kind` with a mention overlapping `span`.
    pub fn overlapping(&self, reading: &Reading, span: Span, kind: EntityType) -> Option<usize> {
        let from = self
            .by_start
            .partition_point(|(m, _)| m.start.saturating_add(self.longest) <= span.start);
        self.by_start
            .get(from..)?
            .iter()
            .take_while(|(m, _)| m.start < span.end)
            .filter(|(m, _)| m.overlaps(span))
            .map(|(_, i)| *i)
            .filter(|i| reading.entities.get(*i).is_some_and(|e| e.kind == kind))
            .min()
    }

    /// Persons by their last mention ending at or before `offset`, the most
    /// recent first, each once.
    pub fn persons_before(&self, offset: usize) -> impl Iterator<Item = usize> + '_ {
        let upto = self
            .persons_by_end
            .partition_point(|(end, _)| *end <= offset);
        let mut seen: Vec<usize> = Vec::new();
        self.persons_by_end
            .get(..upto)
            .unwrap_or(&[])
            .iter()
            .rev()
            .filter_map(move |(_, i)| {
                if seen.contains(i) {
                    return None;
                }
                seen.push(*i);
                Some(*i)
            })
    }

    /// The first person whose name ends with the folded word `surname`.
    pub fn person_with_surname(&self, surname: &str) -> Option<usize> {
        self.surnames.get(surname).copied()
    }

    pub fn focus(&mut self, compute: impl FnOnce() -> Option<String>) -> Option<String> {
        self.focus.get_or_insert_with(compute).clone()
    }

    pub fn gender(&self, entity: usize, compute: impl FnOnce() -> Option<char>) -> Option<char> {
        let known = self
            .genders
            .try_borrow()
            .ok()
            .and_then(|genders| genders.get(entity).copied().flatten());
        if let Some(gender) = known {
            return gender;
        }
        let gender = compute();
        if let Ok(mut genders) = self.genders.try_borrow_mut() {
            if let Some(slot) = genders.get_mut(entity) {
                *slot = Some(gender);
            }
        }
        gender
    }
}

thread_local! {
    static INDEX: RefCell<Option<MentionIndex>> = const { RefCell::new(None) };
}

/// Drops the index of the previous document.
pub(crate) fn forget() {
    INDEX.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = None;
        }
    });
}

/// Runs `f` with the index of `reading`'s entities, built if missing or stale.
pub(crate) fn with<R>(reading: &Reading, f: impl FnOnce(&mut MentionIndex) -> R) -> R {
    INDEX.with(|slot| match slot.try_borrow_mut() {
        Ok(mut slot) => {
            let stamp = Stamp::of(reading);
            let index = match slot.take() {
                Some(index) if index.stamp == stamp => slot.insert(index),
                _ => slot.insert(MentionIndex::build(reading)),
            };
            f(index)
        }
        // Called from inside `f`: a fresh index, not shared.
        Err(_) => f(&mut MentionIndex::build(reading)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{Document, Entity};

    fn entity(kind: EntityType, name: &str, at: Span) -> Entity {
        Entity {
            kind,
            name: name.to_string(),
            kb: None,
            country: None,
            sector: None,
            role: None,
            mentions: vec![at],
        }
    }

    /// A middle entity retyped or given a mention in place must not leave
    /// the readers asking the index of the list as it was.
    #[test]
    fn an_entity_changed_in_place_rebuilds_the_index() {
        forget();
        let text = "Ann Lee met Bob Ray and Cy Dee in Paris.";
        let mut reading = Reading::new(Document::new("t", text.to_string()));
        reading.entities = vec![
            entity(EntityType::Per, "Ann Lee", Span::new(0, 7)),
            entity(EntityType::Per, "Bob Ray", Span::new(12, 19)),
            entity(EntityType::Per, "Cy Dee", Span::new(24, 30)),
        ];
        let persons = |reading: &Reading| {
            with(reading, |ix| {
                ix.persons_before(text.len()).collect::<Vec<_>>()
            })
        };
        assert_eq!(persons(&reading), [2, 1, 0]);
        if let Some(bob) = reading.entities.get_mut(1) {
            bob.kind = EntityType::Org;
        }
        assert_eq!(persons(&reading), [2, 0]);
        if let Some(bob) = reading.entities.get_mut(1) {
            bob.kind = EntityType::Per;
            bob.mentions.reserve(4);
        }
        assert_eq!(persons(&reading), [2, 1, 0]);
        if let Some(bob) = reading.entities.get_mut(1) {
            bob.mentions.push(Span::new(34, 39));
        }
        assert_eq!(persons(&reading), [1, 2, 0]);
        forget();
    }
}
