//! TAXII 2.1 (the OASIS standard of 10 June 2021) as rules without I/O:
//! the media types (`media.rs`), the parameters that filter and page a
//! collection's objects (`filter.rs`) and the sealed `next` token
//! (`page.rs`), a posted envelope read object by object (`envelope.rs`),
//! the TLP label of each object from its markings (`marking.rs`), and who
//! reads and writes each collection and sees each object (`collection.rs`).
//! The store keeps the objects; the web layer speaks HTTP.

pub mod collection;
pub mod envelope;
pub mod filter;
pub mod marking;
pub mod media;
pub mod page;
