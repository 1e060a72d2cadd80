//! Sets of entry slots: dense bit sets for the filters, and postings that
//! are a sorted list while small and a bit set once large, so that a filter
//! matching half the directory is a few thousand word operations, not a
//! walk over every entry.

/// A dense set of slots; words past the end are zeros.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Bits(Vec<u64>);

fn split(slot: u32) -> (usize, u64) {
    ((slot / 64) as usize, 1u64 << (slot % 64))
}

impl Bits {
    pub(crate) fn set(&mut self, slot: u32) {
        let (w, bit) = split(slot);
        if self.0.len() <= w {
            self.0.resize(w + 1, 0);
        }
        if let Some(word) = self.0.get_mut(w) {
            *word |= bit;
        }
    }

    pub(crate) fn clear(&mut self, slot: u32) {
        let (w, bit) = split(slot);
        if let Some(word) = self.0.get_mut(w) {
            *word &= !bit;
        }
    }

    pub(crate) fn get(&self, slot: u32) -> bool {
        let (w, bit) = split(slot);
        self.0.get(w).is_some_and(|word| word & bit != 0)
    }

    pub(crate) fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub(crate) fn or(&mut self, other: &Bits) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    pub(crate) fn and(&mut self, other: &Bits) {
        self.0.truncate(other.0.len());
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }

    pub(crate) fn and_not(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }

    /// The slots in the set, ascending.
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &word)| {
            let base = (i as u32) * 64;
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros();
                rest &= rest - 1;
                Some(base + bit)
            })
        })
    }
}

/// The slots of one value of a filter (a role, a language, a text...).
#[derive(Debug, Clone)]
pub(crate) enum Posting {
    /// Sorted.
    Sparse(Vec<u32>),
    Dense {
        bits: Bits,
        len: usize,
    },
}

impl Default for Posting {
    fn default() -> Self {
        Posting::Sparse(Vec::new())
    }
}

/// Below this many slots a posting stays a list whatever the directory's size.
const SMALL: usize = 256;

impl Posting {
    pub(crate) fn len(&self) -> usize {
        match self {
            Posting::Sparse(v) => v.len(),
            Posting::Dense { len, .. } => *len,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds `slot`; `universe` is the number of slots in use (a list
    /// longer than 1/32 of it is smaller as bits).
    pub(crate) fn insert(&mut self, slot: u32, universe: usize) {
        match self {
            Posting::Sparse(v) => {
                if let Err(at) = v.binary_search(&slot) {
                    v.insert(at, slot);
                }
                if v.len() > SMALL && v.len() * 32 > universe {
                    let mut bits = Bits::default();
                    for &s in v.iter() {
                        bits.set(s);
                    }
                    *self = Posting::Dense { len: v.len(), bits };
                }
            }
            Posting::Dense { bits, len } => {
                if !bits.get(slot) {
                    bits.set(slot);
                    *len += 1;
                }
            }
        }
    }

    pub(crate) fn remove(&mut self, slot: u32, universe: usize) {
        match self {
            Posting::Sparse(v) => {
                if let Ok(at) = v.binary_search(&slot) {
                    v.remove(at);
                }
            }
            Posting::Dense { bits, len } => {
                if bits.get(slot) {
                    bits.clear(slot);
                    *len -= 1;
                }
                if *len <= SMALL || *len * 64 < universe {
                    *self = Posting::Sparse(bits.iter().collect());
                }
            }
        }
    }

    #[cfg(test)]
    pub(crate) fn contains(&self, slot: u32) -> bool {
        match self {
            Posting::Sparse(v) => v.binary_search(&slot).is_ok(),
            Posting::Dense { bits, .. } => bits.get(slot),
        }
    }

    pub(crate) fn iter(&self) -> Box<dyn Iterator<Item = u32> + '_> {
        match self {
            Posting::Sparse(v) => Box::new(v.iter().copied()),
            Posting::Dense { bits, .. } => Box::new(bits.iter()),
        }
    }

    /// `into` ∪= self.
    pub(crate) fn or_into(&self, into: &mut Bits) {
        match self {
            Posting::Sparse(v) => v.iter().for_each(|&s| into.set(s)),
            Posting::Dense { bits, .. } => into.or(bits),
        }
    }

    /// `into` ∩= self.
    pub(crate) fn and_into(&self, into: &mut Bits) {
        match self {
            Posting::Sparse(v) => {
                let mut kept = Bits::default();
                for &s in v {
                    if into.get(s) {
                        kept.set(s);
                    }
                }
                *into = kept;
            }
            Posting::Dense { bits, .. } => into.and(bits),
        }
    }

    /// `into` −= self.
    pub(crate) fn remove_from(&self, into: &mut Bits) {
        match self {
            Posting::Sparse(v) => v.iter().for_each(|&s| into.clear(s)),
            Posting::Dense { bits, .. } => into.and_not(bits),
        }
    }

    pub(crate) fn to_bits(&self) -> Bits {
        let mut bits = Bits::default();
        self.or_into(&mut bits);
        bits
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn postings_turn_dense_and_back_with_the_same_members() {
        let mut p = Posting::default();
        for s in (0..2000).step_by(2) {
            p.insert(s, 2000);
        }
        assert!(matches!(p, Posting::Dense { .. }));
        assert_eq!(p.len(), 1000);
        assert!(p.contains(1998) && !p.contains(1999));
        for s in (0..2000).step_by(4) {
            p.remove(s, 100_000);
        }
        assert!(matches!(p, Posting::Sparse(_)));
        let members: Vec<u32> = p.iter().collect();
        assert_eq!(members, (2..2000).step_by(4).collect::<Vec<u32>>());
        let mut all = Bits::default();
        (0..3000).for_each(|s| all.set(s));
        p.and_into(&mut all);
        assert_eq!(all.count(), 500);
        p.remove_from(&mut all);
        assert_eq!(all.count(), 0);
    }
}
