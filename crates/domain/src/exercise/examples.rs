//! The example scenarios pocdir ships: written in English, their
//! structured parts (levels, channels, expectations) shown in the reader's
//! language. The demo prepares one; the secretariat can start from either.

/// (key, scenario file).
pub const ALL: [(&str, &str); 2] = [
    (
        "grid-ransomware",
        include_str!("../../data/exercises/grid-ransomware.json"),
    ),
    (
        "election-ddos",
        include_str!("../../data/exercises/election-ddos.json"),
    ),
];

/// The example with this key.
pub fn find(key: &str) -> Option<&'static str> {
    ALL.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}
