//! The directory's rules: participants and their status, points of contact
//! and the validation of every field a nominator fills in.

pub mod exchange;
pub mod openpgp;
pub mod participant;
pub mod poc;
