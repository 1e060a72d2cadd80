//! The tamper-evident log: what an entry is, the Merkle tree over entries,
//! and signed tree heads. States that do not trust each other nor the
//! operator can check that nobody rewrote history.

pub mod action;
pub mod entry;
pub mod events;
pub mod head;
pub mod merkle;
pub mod rotation;
pub mod state_proof;
pub mod verify;
