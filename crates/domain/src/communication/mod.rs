//! Communications between PoCs: the template every communication follows
//! (`template.rs`), TLP 2.0 for every way information leaves pocdir
//! (`tlp.rs`), and what happens to each communication after it is sent:
//! who it reaches, their receipts, acknowledgement deadlines and
//! escalation (`delivery.rs`); what the server checks of a message
//! encrypted end to end in the sender's browser (`e2e.rs`).
//!
//! Everything here is plain rules; the service in `crates/communications`
//! applies them, the store keeps and seals what they produce.

pub mod attachment;
pub mod delivery;
pub mod e2e;
pub mod template;
pub mod tlp;
