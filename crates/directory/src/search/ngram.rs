//! Free text without a scan: each distinct folded value (a name, a title,
//! an organisation) is stored once with the slots of the entries that hold
//! it, and found through its character trigrams (and single characters,
//! for queries of one or two characters). A query intersects the value
//! lists of its n-grams, confirms each candidate value by a substring test
//! and unites the slots of the values that hold it. Titles and
//! organisations repeat across the directory, so most queries confirm a
//! handful of values however many PoCs hold them.

use super::bits::{Bits, Posting};
use std::collections::{HashMap, HashSet};

#[derive(Debug)]
struct Value {
    text: Box<str>,
    slots: Posting,
}

#[derive(Debug, Default)]
pub(crate) struct TextIndex {
    ids: HashMap<Box<str>, u32>,
    values: Vec<Option<Value>>,
    free: Vec<u32>,
    /// N-gram key → ids of the values holding it, sorted.
    grams: HashMap<u64, Vec<u32>>,
}

const UNIGRAM: u64 = 1 << 63;

fn trigram(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

/// The n-gram keys a text is found by: its distinct trigrams and characters.
fn keys_of(text: &str) -> HashSet<u64> {
    let chars: Vec<char> = text.chars().collect();
    let mut keys: HashSet<u64> = chars.iter().map(|&c| UNIGRAM | u64::from(c)).collect();
    keys.extend(chars.windows(3).filter_map(|w| match w {
        [a, b, c] => Some(trigram(*a, *b, *c)),
        _ => None,
    }));
    keys
}

/// The keys a query must find all of: its trigrams, or for a query shorter
/// than three characters its characters.
fn query_keys(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text.chars().collect();
    let mut keys: Vec<u64> = if chars.len() >= 3 {
        chars
            .windows(3)
            .filter_map(|w| match w {
                [a, b, c] => Some(trigram(*a, *b, *c)),
                _ => None,
            })
            .collect()
    } else {
        chars.iter().map(|&c| UNIGRAM | u64::from(c)).collect()
    };
    keys.sort_unstable();
    keys.dedup();
    keys
}

impl TextIndex {
    /// Adds `slot` to the value `text` (folded), creating the value.
    pub(crate) fn add(&mut self, text: &str, slot: u32, universe: usize) -> u32 {
        let id = match self.ids.get(text) {
            Some(&id) => id,
            None => self.create(text),
        };
        if let Some(Some(value)) = self.values.get_mut(id as usize) {
            value.slots.insert(slot, universe);
        }
        id
    }

    fn create(&mut self, text: &str) -> u32 {
        let value = Value {
            text: text.into(),
            slots: Posting::default(),
        };
        let id = match self.free.pop() {
            Some(id) => {
                if let Some(place) = self.values.get_mut(id as usize) {
                    *place = Some(value);
                }
                id
            }
            None => {
                self.values.push(Some(value));
                u32::try_from(self.values.len() - 1).unwrap_or(u32::MAX)
            }
        };
        self.ids.insert(text.into(), id);
        for key in keys_of(text) {
            let ids = self.grams.entry(key).or_default();
            if let Err(at) = ids.binary_search(&id) {
                ids.insert(at, id);
            }
        }
        id
    }

    /// Takes `slot` off value `id`; a value no entry holds is forgotten.
    pub(crate) fn remove(&mut self, id: u32, slot: u32, universe: usize) {
        let Some(Some(value)) = self.values.get_mut(id as usize) else {
            return;
        };
        value.slots.remove(slot, universe);
        if !value.slots.is_empty() {
            return;
        }
        let text = value.text.clone();
        if let Some(place) = self.values.get_mut(id as usize) {
            *place = None;
        }
        self.ids.remove(&text);
        for key in keys_of(&text) {
            if let Some(ids) = self.grams.get_mut(&key) {
                if let Ok(at) = ids.binary_search(&id) {
                    ids.remove(at);
                }
                if ids.is_empty() {
                    self.grams.remove(&key);
                }
            }
        }
        self.free.push(id);
    }

    pub(crate) fn text(&self, id: u32) -> &str {
        match self.values.get(id as usize) {
            Some(Some(value)) => &value.text,
            _ => "",
        }
    }

    /// The slots of every value containing `needle` (folded, not empty,
    /// without a line break: those span fields and are the caller's).
    pub(crate) fn find(&self, needle: &str) -> Bits {
        let mut found = Bits::default();
        let keys = query_keys(needle);
        let mut lists: Vec<&Vec<u32>> = Vec::with_capacity(keys.len());
        for key in &keys {
            match self.grams.get(key) {
                Some(ids) => lists.push(ids),
                // An n-gram no value has: nothing matches.
                None => return found,
            }
        }
        lists.sort_by_key(|ids| ids.len());
        let Some((first, rest)) = lists.split_first() else {
            return found;
        };
        // One character is its own n-gram: no need to confirm.
        let exact = needle.chars().nth(1).is_none();
        for &id in first.iter() {
            if !rest.iter().all(|ids| ids.binary_search(&id).is_ok()) {
                continue;
            }
            if let Some(Some(value)) = self.values.get(id as usize) {
                if exact || value.text.contains(needle) {
                    value.slots.or_into(&mut found);
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn values_are_found_by_any_part_and_forgotten_when_unused() {
        let mut t = TextIndex::default();
        let a = t.add("ministry of digital affairs", 1, 10);
        assert_eq!(t.add("ministry of digital affairs", 2, 10), a);
        t.add("national cert", 3, 10);
        t.add("王芳", 4, 10);
        let slots = |b: Bits| b.iter().collect::<Vec<u32>>();
        assert_eq!(slots(t.find("digital")), vec![1, 2]);
        assert_eq!(slots(t.find("t")), vec![1, 2, 3]);
        assert_eq!(slots(t.find("芳")), vec![4]);
        assert_eq!(slots(t.find("王芳")), vec![4]);
        // All the trigrams are there, but not in this order.
        assert!(slots(t.find("fairsministry")).is_empty());
        t.remove(a, 1, 10);
        assert_eq!(slots(t.find("digital")), vec![2]);
        t.remove(a, 2, 10);
        assert!(slots(t.find("digital")).is_empty());
        assert!(!t.grams.contains_key(&trigram('d', 'i', 'g')));
        assert_eq!(t.add("another", 5, 10), a, "the id is reused");
    }
}
