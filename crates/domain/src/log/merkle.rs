//! The append-only Merkle tree of RFC 9162 (Certificate Transparency v2),
//! section 2.1: leaf hash `SHA-256(0x00 || data)`, node hash
//! `SHA-256(0x01 || left || right)`, inclusion and consistency proofs, and
//! their verification. The tree keeps every complete subtree in memory (two
//! hashes per leaf), so roots of past sizes and proofs cost O(log² n) hashes.

use sha2::{Digest, Sha256};

pub type Hash = [u8; 32];

pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The root of the empty tree: SHA-256 of nothing.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("tree size {size} is larger than the log ({log_size} entries)")]
    SizeBeyondLog { size: u64, log_size: u64 },
    #[error("entry index {index} is not below the tree size {size}")]
    IndexOutOfRange { index: u64, size: u64 },
    #[error("the first size {first} is larger than the second size {second}")]
    FirstAfterSecond { first: u64, second: u64 },
    #[error("a consistency proof needs a first size of at least 1")]
    EmptyFirst,
}

/// Largest power of two strictly below `n` (n ≥ 2).
fn split_point(n: u64) -> u64 {
    debug_assert!(n >= 2);
    1u64 << (63 - (n - 1).leading_zeros())
}

#[derive(Debug, Clone, Default)]
pub struct MerkleTree {
    /// levels[k][i] is the hash of the complete subtree of 2^k leaves starting at i·2^k.
    levels: Vec<Vec<Hash>>,
}

impl MerkleTree {
    pub fn new() -> Self {
        MerkleTree {
            levels: vec![Vec::new()],
        }
    }

    pub fn size(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.len() as u64)
    }

    /// Appends a leaf by its leaf hash.
    pub fn push_leaf_hash(&mut self, leaf: Hash) {
        if self.levels.is_empty() {
            self.levels.push(Vec::new());
        }
        let mut level = 0;
        let mut carry = leaf;
        loop {
            let Some(row) = self.levels.get_mut(level) else {
                self.levels.push(vec![carry]);
                return;
            };
            row.push(carry);
            // A complete pair closes a subtree one level up.
            if row.len() % 2 == 1 {
                return;
            }
            let n = row.len();
            match (row.get(n - 2), row.get(n - 1)) {
                (Some(l), Some(r)) => carry = node_hash(l, r),
                _ => return,
            }
            level += 1;
        }
    }

    pub fn leaf(&self, index: u64) -> Option<Hash> {
        self.levels
            .first()?
            .get(usize::try_from(index).ok()?)
            .copied()
    }

    /// Hash of the subtree of `size` leaves starting at `start`, where `start`
    /// is aligned as in the RFC's recursive split (always true for the callers).
    fn subtree(&self, start: u64, size: u64) -> Hash {
        if size == 0 {
            return empty_root();
        }
        if size.is_power_of_two() && start.is_multiple_of(size) {
            let k = size.trailing_zeros() as usize;
            let i = usize::try_from(start >> k).unwrap_or(usize::MAX);
            if let Some(h) = self.levels.get(k).and_then(|row| row.get(i)) {
                return *h;
            }
        }
        if size == 1 {
            // Only reached for an index beyond the tree, which callers exclude.
            return empty_root();
        }
        let k = split_point(size);
        node_hash(&self.subtree(start, k), &self.subtree(start + k, size - k))
    }

    /// MTH(D[0:size]): the root of the tree as it was at `size` leaves.
    pub fn root_at(&self, size: u64) -> Result<Hash, ProofError> {
        if size > self.size() {
            return Err(ProofError::SizeBeyondLog {
                size,
                log_size: self.size(),
            });
        }
        Ok(self.subtree(0, size))
    }

    pub fn root(&self) -> Hash {
        self.subtree(0, self.size())
    }

    /// PATH(index, D[0:size]), RFC 9162 §2.1.3.1.
    pub fn inclusion_proof(&self, index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
        if size > self.size() {
            return Err(ProofError::SizeBeyondLog {
                size,
                log_size: self.size(),
            });
        }
        if index >= size {
            return Err(ProofError::IndexOutOfRange { index, size });
        }
        let mut path = Vec::new();
        self.path(index, 0, size, &mut path);
        Ok(path)
    }

    fn path(&self, m: u64, start: u64, n: u64, out: &mut Vec<Hash>) {
        if n <= 1 {
            return;
        }
        let k = split_point(n);
        if m < k {
            self.path(m, start, k, out);
            out.push(self.subtree(start + k, n - k));
        } else {
            self.path(m - k, start + k, n - k, out);
            out.push(self.subtree(start, k));
        }
    }

    /// PROOF(first, D[0:second]), RFC 9162 §2.1.4.1.
    pub fn consistency_proof(&self, first: u64, second: u64) -> Result<Vec<Hash>, ProofError> {
        if second > self.size() {
            return Err(ProofError::SizeBeyondLog {
                size: second,
                log_size: self.size(),
            });
        }
        if first > second {
            return Err(ProofError::FirstAfterSecond { first, second });
        }
        if first == 0 {
            return Err(ProofError::EmptyFirst);
        }
        let mut out = Vec::new();
        if first < second {
            self.subproof(first, 0, second, true, &mut out);
        }
        Ok(out)
    }

    fn subproof(&self, m: u64, start: u64, n: u64, whole: bool, out: &mut Vec<Hash>) {
        if m == n {
            if !whole {
                out.push(self.subtree(start, n));
            }
            return;
        }
        let k = split_point(n);
        if m <= k {
            self.subproof(m, start, k, whole, out);
            out.push(self.subtree(start + k, n - k));
        } else {
            self.subproof(m - k, start + k, n - k, false, out);
            out.push(self.subtree(start, k));
        }
    }
}

/// RFC 9162 §2.1.3.2: checks that `leaf` is at `index` in the tree of `size` with `root`.
pub fn verify_inclusion(leaf: &Hash, index: u64, size: u64, proof: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut fn_, mut sn) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if sn == 0 {
            return false;
        }
        if fn_ & 1 == 1 || fn_ == sn {
            r = node_hash(p, &r);
            if fn_ & 1 == 0 {
                while fn_ & 1 == 0 && fn_ != 0 {
                    fn_ >>= 1;
                    sn >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    sn == 0 && r == *root
}

/// RFC 9162 §2.1.4.2: checks that the tree (`second`, `second_root`) extends
/// the tree (`first`, `first_root`).
pub fn verify_consistency(
    first: u64,
    second: u64,
    proof: &[Hash],
    first_root: &Hash,
    second_root: &Hash,
) -> bool {
    if first == second {
        return proof.is_empty() && first_root == second_root;
    }
    if first == 0 || first > second || proof.is_empty() {
        return false;
    }
    let mut path: Vec<Hash> = proof.to_vec();
    if first.is_power_of_two() {
        path.insert(0, *first_root);
    }
    let Some((head, rest)) = path.split_first() else {
        return false;
    };
    let (mut fn_, mut sn) = (first - 1, second - 1);
    while fn_ & 1 == 1 {
        fn_ >>= 1;
        sn >>= 1;
    }
    let (mut fr, mut sr) = (*head, *head);
    for c in rest {
        if sn == 0 {
            return false;
        }
        if fn_ & 1 == 1 || fn_ == sn {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            if fn_ & 1 == 0 {
                while fn_ & 1 == 0 && fn_ != 0 {
                    fn_ >>= 1;
                    sn >>= 1;
                }
            }
        } else {
            sr = node_hash(&sr, c);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    fr == *first_root && sr == *second_root && sn == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The leaves of the RFC 6962 reference test data (certificate-transparency, merkle_tree_test).
    fn reference_leaves() -> Vec<Vec<u8>> {
        vec![
            vec![],
            vec![0x00],
            vec![0x10],
            vec![0x20, 0x21],
            vec![0x30, 0x31],
            vec![0x40, 0x41, 0x42, 0x43],
            vec![0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
            (0x60..=0x6f).collect(),
        ]
    }

    const REFERENCE_ROOTS: [&str; 8] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    fn reference_tree() -> MerkleTree {
        let mut t = MerkleTree::new();
        for leaf in reference_leaves() {
            t.push_leaf_hash(leaf_hash(&leaf));
        }
        t
    }

    #[test]
    fn empty_tree_root_is_the_hash_of_nothing() {
        assert_eq!(
            hex::encode(MerkleTree::new().root()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn roots_match_the_reference_vectors_at_every_size() {
        let t = reference_tree();
        for (i, expected) in REFERENCE_ROOTS.iter().enumerate() {
            assert_eq!(
                hex::encode(t.root_at(i as u64 + 1).unwrap()),
                *expected,
                "size {}",
                i + 1
            );
        }
        // Growing leaf by leaf gives the same roots.
        let mut g = MerkleTree::new();
        for (i, leaf) in reference_leaves().iter().enumerate() {
            g.push_leaf_hash(leaf_hash(leaf));
            assert_eq!(hex::encode(g.root()), REFERENCE_ROOTS[i]);
        }
    }

    #[test]
    fn reference_inclusion_and_consistency_proofs() {
        let t = reference_tree();
        // RFC 6962 reference: PATH(0, D[8]) and PROOF(1, D[8]).
        let p = t.inclusion_proof(0, 8).unwrap();
        let hexes: Vec<String> = p.iter().map(hex::encode).collect();
        assert_eq!(
            hexes,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        );
        let c = t.consistency_proof(1, 8).unwrap();
        assert_eq!(c, p, "PROOF(1, D[8]) is the audit path of leaf 0");
        let c = t.consistency_proof(6, 8).unwrap();
        let hexes: Vec<String> = c.iter().map(hex::encode).collect();
        assert_eq!(
            hexes,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        );
    }

    #[test]
    fn every_proof_of_a_small_tree_verifies_and_tampering_fails() {
        let mut t = MerkleTree::new();
        for i in 0..70u32 {
            t.push_leaf_hash(leaf_hash(&i.to_be_bytes()));
        }
        for size in 1..=70u64 {
            let root = t.root_at(size).unwrap();
            for index in 0..size {
                let proof = t.inclusion_proof(index, size).unwrap();
                let leaf = t.leaf(index).unwrap();
                assert!(
                    verify_inclusion(&leaf, index, size, &proof, &root),
                    "{index}/{size}"
                );
                let other = leaf_hash(b"forged");
                assert!(!verify_inclusion(&other, index, size, &proof, &root));
                if size > 1 {
                    assert!(!verify_inclusion(
                        &leaf,
                        (index + 1) % size,
                        size,
                        &proof,
                        &root
                    ));
                }
            }
            for first in 1..=size {
                let proof = t.consistency_proof(first, size).unwrap();
                let first_root = t.root_at(first).unwrap();
                assert!(
                    verify_consistency(first, size, &proof, &first_root, &root),
                    "{first}->{size}"
                );
                let forged = leaf_hash(b"other history");
                assert!(!verify_consistency(first, size, &proof, &forged, &root));
                if first < size {
                    assert!(!verify_consistency(
                        first,
                        size,
                        &proof,
                        &first_root,
                        &forged
                    ));
                }
            }
        }
    }

    #[test]
    fn bad_proof_requests_are_refused() {
        let t = reference_tree();
        assert!(matches!(
            t.inclusion_proof(8, 8),
            Err(ProofError::IndexOutOfRange { .. })
        ));
        assert!(matches!(
            t.inclusion_proof(0, 9),
            Err(ProofError::SizeBeyondLog { .. })
        ));
        assert!(matches!(
            t.consistency_proof(5, 3),
            Err(ProofError::FirstAfterSecond { .. })
        ));
        assert!(matches!(
            t.consistency_proof(0, 3),
            Err(ProofError::EmptyFirst)
        ));
        assert!(t.consistency_proof(8, 8).unwrap().is_empty());
    }

    #[test]
    fn agrees_with_an_independent_implementation() {
        // ct-merkle (RFC 6962) verifies our proofs, built over our own leaf bytes.
        use ct_merkle::{ConsistencyProof, InclusionProof, RootHash};
        struct Leaf(Vec<u8>);
        impl ct_merkle::HashableLeaf for Leaf {
            fn hash<H: ct_merkle::digest::Update>(&self, hasher: &mut H) {
                hasher.update(&self.0);
            }
        }
        let mut t = MerkleTree::new();
        let leaves: Vec<Vec<u8>> = (0..37u32)
            .map(|i| format!("entry {i}").into_bytes())
            .collect();
        for l in &leaves {
            t.push_leaf_hash(leaf_hash(l));
        }
        for size in [1u64, 2, 5, 16, 33, 37] {
            let root = RootHash::<sha2_011::Sha256>::new(t.root_at(size).unwrap().into(), size);
            for index in [0, size / 2, size - 1] {
                let bytes: Vec<u8> = t.inclusion_proof(index, size).unwrap().concat();
                let proof = InclusionProof::<sha2_011::Sha256>::try_from_bytes(bytes).unwrap();
                root.verify_inclusion(&Leaf(leaves[index as usize].clone()), index, &proof)
                    .unwrap();
            }
            for first in [1u64, size / 2 + 1, size] {
                let old =
                    RootHash::<sha2_011::Sha256>::new(t.root_at(first).unwrap().into(), first);
                let bytes: Vec<u8> = t.consistency_proof(first, size).unwrap().concat();
                let proof = ConsistencyProof::<sha2_011::Sha256>::try_from_bytes(bytes).unwrap();
                root.verify_consistency(&old, &proof).unwrap();
            }
        }
    }
}
