//! The `pocdir` binary's parts: configuration, secrets, the server, the
//! demo data and the admin commands.

pub mod accounts;
pub mod backup;
pub mod certificate_commands;
pub mod config;
pub mod demo;
pub mod demo_capacity;
pub mod demo_communications;
pub mod demo_exercises;
pub mod demo_learning;
pub mod demo_lexicon;
pub mod demo_library;
pub mod demo_ping_tests;
pub mod demo_reporters;
pub mod keys_commands;
pub mod log_commands;
pub mod log_key;
pub mod pack_commands;
pub mod sealing_keys;
pub mod secrets;
pub mod server;
pub mod state_proof;
