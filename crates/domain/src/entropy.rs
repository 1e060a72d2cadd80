//! The only place that draws randomness.

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use std::sync::{Arc, Mutex};

/// Where random bytes come from. Injected so tests are reproducible.
pub trait Entropy: Send + Sync + std::fmt::Debug {
    fn fill(&self, buf: &mut [u8]);

    fn bytes<const N: usize>(&self) -> [u8; N]
    where
        Self: Sized,
    {
        let mut out = [0u8; N];
        self.fill(&mut out);
        out
    }
}

/// Draws `N` random bytes from any entropy source, including trait objects.
pub fn random_bytes<const N: usize>(entropy: &dyn Entropy) -> [u8; N] {
    let mut out = [0u8; N];
    entropy.fill(&mut out);
    out
}

/// The operating system's CSPRNG.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsEntropy;

impl Entropy for OsEntropy {
    fn fill(&self, buf: &mut [u8]) {
        rand::rngs::OsRng.fill_bytes(buf);
    }
}

/// A seeded ChaCha20 stream: reproducible randomness for tests.
#[derive(Debug, Clone)]
pub struct SeededEntropy {
    rng: Arc<Mutex<ChaCha20Rng>>,
}

impl SeededEntropy {
    pub fn new(seed: u64) -> Self {
        Self {
            rng: Arc::new(Mutex::new(ChaCha20Rng::seed_from_u64(seed))),
        }
    }
}

impl Entropy for SeededEntropy {
    fn fill(&self, buf: &mut [u8]) {
        match self.rng.lock() {
            Ok(mut rng) => rng.fill_bytes(buf),
            Err(poisoned) => poisoned.into_inner().fill_bytes(buf),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_entropy_repeats_and_os_entropy_differs() {
        let a: [u8; 16] = SeededEntropy::new(7).bytes();
        let b: [u8; 16] = SeededEntropy::new(7).bytes();
        assert_eq!(a, b);
        let c: [u8; 16] = OsEntropy.bytes();
        let d: [u8; 16] = OsEntropy.bytes();
        assert_ne!(c, d);
    }
}
