//! Ping tests: campaigns that prove each PoC can be reached and answers in
//! time. What a campaign is and how it is checked (`campaign.rs`), the
//! one-time challenge each PoC answers and what counts as an answer
//! (`challenge.rs`), and how answers become results per PoC, per State and
//! across campaigns (`results.rs`).
//!
//! Plain rules: the service in `crates/ping_tests` applies them, the store
//! keeps what they produce.

pub mod campaign;
pub mod challenge;
pub mod results;
