pub mod exchange;
pub mod nominations;
pub mod participants;
pub mod pocs;
pub mod search;
