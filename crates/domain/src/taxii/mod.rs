//! TAXII 2.1 (the OASIS standard of 10 June 2021) as rules without I/O:
//! the media types (`media.rs`), the parameters that filter and page a
//! collection's objects (`filter.rs`) and the sealed `next` token
//! (`page.rs`), a posted envelope read object by object (`envelope.rs`),
//! the TLP label of each object from its markings (`marking.rs`), and who
//! reads and writes each collection and sees each object (`collection.rs`).
//! The store keeps the objects; the web layer speaks HTTP.

pub mod collection;
pub mod envelope;
pub mod filter;
pub mod marking;
pub mod media;
pub mod page;

use crate::entropy::{random_bytes, Entropy};

/// A version 4 UUID from `entropy`: how TAXII names collections and
/// statuses.
pub fn new_id(entropy: &dyn Entropy) -> String {
    let mut b: [u8; 16] = random_bytes(entropy);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        h.get(0..8).unwrap_or_default(),
        h.get(8..12).unwrap_or_default(),
        h.get(12..16).unwrap_or_default(),
        h.get(16..20).unwrap_or_default(),
        h.get(20..32).unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entropy::SeededEntropy;

    #[test]
    fn ids_are_version_4_uuids() {
        let e = SeededEntropy::new(3);
        let id = new_id(&e);
        assert_eq!(id.len(), 36);
        assert_eq!(id.as_bytes()[14], b'4');
        assert!(matches!(id.as_bytes()[19], b'8' | b'9' | b'a' | b'b'));
        assert_ne!(id, new_id(&e));
    }
}
