//! The rules of pocdir, free of I/O so they can be tested alone.
//!
//! Everything that depends on the time or on randomness takes a
//! [`clock::Clock`] or an [`entropy::Entropy`] so tests control both.

pub mod account;
pub mod account_admin;
pub mod capacity;
pub mod clock;
pub mod communication;
pub mod credentials;
pub mod directory;
pub mod entropy;
pub mod exercise;
pub mod folding;
pub mod learning;
pub mod lexicon;
pub mod library;
pub mod log;
pub mod messages;
pub mod outbox;
pub mod ping_test;
pub mod policy;
pub mod redirect;
pub mod report;
pub mod reporter;
pub mod requester;
pub mod seal;
pub mod security_key;
pub mod session;
pub mod stix;
pub mod taxii;
pub mod throttle;
pub mod totp;
