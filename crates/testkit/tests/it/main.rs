// Test code: failing loudly on the unexpected is the point.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Integration tests: the real server on a free port, driven over HTTP.
//! One binary for all of them (linking is the slow part).

mod access_matrix;
mod accounts;
mod api;
mod architecture;
mod capacity;
mod communications_api;
mod communications_e2e;
mod communications_mail;
mod communications_pages;
mod credential_cache;
mod crisis_pack;
mod directory;
mod directory_index;
mod directory_matrix;
mod errors;
mod exchange;
mod exercises;
mod forms;
mod homes;
mod hostile;
mod layout;
mod learning;
mod lexicon;
mod library;
mod log;
mod mail;
mod openapi;
mod participants;
mod ping_tests_api;
mod ping_tests_mail;
mod ping_tests_pages;
mod ping_tests_results;
mod pocs;
mod reporters;
mod reports_api;
mod reports_pages;
mod security_keys;
mod sign_in;
mod state_proof;
mod stix;
mod taxii;
mod taxii_interop;
mod tlp_ways_out;
mod values;
mod web;

/// How many log entries of `action` the server's store holds.
pub(crate) async fn entries_of(server: &pocdir_testkit::TestServer, action: &str) -> usize {
    let filter = pocdir_store::LogFilter {
        action: Some(action.into()),
        ..Default::default()
    };
    server
        .store
        .search_log(&filter, None, 1_000_000)
        .await
        .unwrap()
        .len()
}
