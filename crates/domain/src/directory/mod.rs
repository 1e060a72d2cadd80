//! The directory's rules: participants and their status, points of contact
//! and the validation of every field a nominator fills in, and when PoCs
//! must be re-validated.

pub mod crisis_pack;
pub mod diff;
pub mod exchange;
pub mod import_template;
pub mod lifecycle;
pub mod openpgp;
pub mod participant;
pub mod phone;
pub mod poc;
pub mod revalidation;
