//! The log service: keeps an in-memory Merkle tree in step with the entries
//! in the store (several instances on one PostgreSQL each catch up from the
//! database), signs tree heads, and answers proof requests.

use ed25519_dalek::{SigningKey, VerifyingKey};
use pocdir_domain::clock::Clock;
use pocdir_domain::log::head::{encode_public_key, key_id, sign_head, SignedTreeHead};
use pocdir_domain::log::merkle::{Hash, MerkleTree, ProofError};
use pocdir_store::{LogKey, LogStore, StoreError};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::RwLock;

/// Leaf hashes fetched per round trip when catching up.
const SYNC_CHUNK: u64 = 50_000;

#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Proof(#[from] ProofError),
}

pub mod feed;

pub struct LogService {
    store: Arc<dyn LogStore>,
    clock: Arc<dyn Clock>,
    key: SigningKey,
    /// Whether this instance has recorded its public key in the store.
    key_recorded: AtomicBool,
    tree: RwLock<MerkleTree>,
}

impl std::fmt::Debug for LogService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogService")
            .field("key", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// An inclusion proof as served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inclusion {
    pub index: u64,
    pub tree_size: u64,
    pub leaf_hash: Hash,
    pub path: Vec<Hash>,
}

impl LogService {
    pub fn new(store: Arc<dyn LogStore>, clock: Arc<dyn Clock>, key: SigningKey) -> Self {
        LogService {
            store,
            clock,
            key,
            key_recorded: AtomicBool::new(false),
            tree: RwLock::new(MerkleTree::new()),
        }
    }

    pub fn public_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// Records the public key in the store (once per instance; a key
    /// already there stays as it was), so that anyone who can read the
    /// database can check the heads it signs without the secret. Done
    /// before any head signed with it is kept.
    pub async fn record_key(&self) -> Result<(), LogError> {
        if self.key_recorded.load(Ordering::Acquire) {
            return Ok(());
        }
        let public = self.key.verifying_key();
        self.store
            .record_log_key(&LogKey {
                key_id: key_id(&public),
                public_key: encode_public_key(&public),
                recorded_at: self.clock.now().unix_timestamp(),
            })
            .await?;
        self.key_recorded.store(true, Ordering::Release);
        Ok(())
    }

    /// Refuses to sign with a key that a rotation replaced (`pocdir log
    /// rotate-key` while this instance ran): its heads would not verify.
    async fn ensure_current_key(&self) -> Result<(), LogError> {
        let rotations = self.store.log_key_rotations().await?;
        match rotations.last() {
            Some(last) if last.rotation.key_id != key_id(&self.key.verifying_key()) => {
                Err(LogError::Store(StoreError::NotAllowed(format!(
                    "this instance's log key was replaced at entry {} (by `pocdir log \
                     rotate-key`): restart it to sign with the new key",
                    last.index
                ))))
            }
            _ => Ok(()),
        }
    }

    /// Signs a completion certificate with this instance's key (recorded
    /// first, so that the certificate verifies from the store's keys).
    pub async fn sign_certificate(
        &self,
        completion: pocdir_domain::learning::Completion,
    ) -> Result<pocdir_domain::learning::Certificate, LogError> {
        self.record_key().await?;
        self.ensure_current_key().await?;
        Ok(completion.sign(&self.key))
    }

    /// Brings the in-memory tree up to the entries in the store; returns the size.
    pub async fn sync(&self) -> Result<u64, LogError> {
        let stored = self.store.log_size().await?;
        if self.tree.read().await.size() >= stored {
            return Ok(self.tree.read().await.size());
        }
        let mut tree = self.tree.write().await;
        while tree.size() < stored {
            let hashes = self.store.log_leaf_hashes(tree.size(), SYNC_CHUNK).await?;
            if hashes.is_empty() {
                // Entries counted but not readable: report what we have.
                tracing::error!(
                    size = tree.size(),
                    stored,
                    "log entries missing from the store"
                );
                break;
            }
            for h in hashes {
                tree.push_leaf_hash(h);
            }
        }
        Ok(tree.size())
    }

    /// The signed head for the current size, signing (and keeping) a new one
    /// when the log has grown since the last.
    pub async fn latest_head(&self) -> Result<SignedTreeHead, LogError> {
        let size = self.sync().await?;
        if let Some(head) = self.store.latest_tree_head().await? {
            if head.tree_size == size {
                return Ok(head);
            }
        }
        self.ensure_current_key().await?;
        let root = self.tree.read().await.root_at(size)?;
        let head = sign_head(&self.key, size, &root, self.clock.now().unix_timestamp());
        self.record_key().await?;
        self.store.store_tree_head(&head).await?;
        // Another instance may have kept its own head for this size first: serve the kept one.
        Ok(self.store.latest_tree_head().await?.unwrap_or(head))
    }

    /// A head for an earlier size, signed now.
    pub async fn head_at(&self, size: u64) -> Result<SignedTreeHead, LogError> {
        self.sync().await?;
        let root = self.tree.read().await.root_at(size)?;
        Ok(sign_head(
            &self.key,
            size,
            &root,
            self.clock.now().unix_timestamp(),
        ))
    }

    pub async fn inclusion(&self, index: u64, tree_size: u64) -> Result<Inclusion, LogError> {
        self.sync().await?;
        let tree = self.tree.read().await;
        let path = tree.inclusion_proof(index, tree_size)?;
        let leaf_hash = tree.leaf(index).ok_or(ProofError::IndexOutOfRange {
            index,
            size: tree_size,
        })?;
        Ok(Inclusion {
            index,
            tree_size,
            leaf_hash,
            path,
        })
    }

    pub async fn consistency(&self, first: u64, second: u64) -> Result<Vec<Hash>, LogError> {
        self.sync().await?;
        Ok(self.tree.read().await.consistency_proof(first, second)?)
    }

    pub async fn root_at(&self, size: u64) -> Result<Hash, LogError> {
        self.sync().await?;
        Ok(self.tree.read().await.root_at(size)?)
    }
}
