//! A State's own proof of its entries (`pocdir state-proof`): the checks
//! that decide, with no I/O. The command fetches what the server says
//! about the State; these functions hold it to the signed log and to what
//! the State saw and nominated before.
//!
//! The promise: an operator who edits, removes or invents an entry about
//! a State, or changes a PoC's details without a logged proposal, is
//! caught by that State alone, with only the log's public key.

use super::action::LogAction;
use super::entry::LogEntry;
use super::merkle::{verify_inclusion, Hash};
use std::collections::{BTreeMap, BTreeSet};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// What failed; the first one found ends the proof, named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Discrepancy {
    #[error("entry {index} ({what}) is served with the leaf hash {served}, but its fields hash to {computed}: the server's copy of it was changed")]
    LeafMismatch {
        index: u64,
        what: String,
        served: String,
        computed: String,
    },
    #[error("entry {index} ({what}) is not in the signed log of {size} entries: it was changed or inserted after it was logged")]
    NotIncluded { index: u64, what: String, size: u64 },
    #[error("entry {index} ({what}) was served as about {code}, but it is not")]
    NotAbout {
        index: u64,
        what: String,
        code: String,
    },
    #[error("entry {index} was served twice")]
    ServedTwice { index: u64 },
    #[error(
        "entry {index}, seen by an earlier check, is no longer served: it was removed or hidden"
    )]
    Vanished { index: u64 },
    #[error("entry {index} ({what}) differs from the one an earlier check saw at the same place: history was rewritten")]
    Rewritten { index: u64, what: String },
    #[error("PoC {poc}: the details {from} were never proposed in a logged entry about {code} (content hash {hash})")]
    UnloggedDetails {
        poc: i64,
        from: DetailsSource,
        code: String,
        hash: String,
    },
}

/// Where a PoC's details compared with the log came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailsSource {
    /// The directory, as the server serves it now.
    Served,
    /// The State's own record (a file it kept, or an earlier check).
    Record,
}

impl std::fmt::Display for DetailsSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DetailsSource::Served => "the directory serves now",
            DetailsSource::Record => "in the State's own record",
        })
    }
}

/// An entry in a few words, to name it: action, object, time.
pub fn describe(e: &LogEntry) -> String {
    let at = OffsetDateTime::from_unix_timestamp(e.at)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| e.at.to_string());
    if e.object.is_empty() {
        format!("{} at {at}", e.action)
    } else {
        format!("{} {} at {at}", e.action, e.object)
    }
}

/// Whether the log counts `e` as about `code`, as the server's own-State
/// search does: about it, or done by one of its accounts.
pub fn is_about(e: &LogEntry, code: &str) -> bool {
    e.participant.as_deref() == Some(code) || e.actor_participant.as_deref() == Some(code)
}

/// Checks one served entry: about `code`, its served leaf hash the hash of
/// its fields, and that leaf in the signed tree of `size` entries with
/// root `root` by `proof`. Returns the leaf hash.
pub fn check_entry(
    code: &str,
    e: &LogEntry,
    served_leaf: &str,
    proof: &[Hash],
    size: u64,
    root: &Hash,
) -> Result<Hash, Discrepancy> {
    if !is_about(e, code) {
        return Err(Discrepancy::NotAbout {
            index: e.index,
            what: describe(e),
            code: code.to_string(),
        });
    }
    let leaf = e.leaf_hash();
    let computed = hex::encode(leaf);
    if !served_leaf.eq_ignore_ascii_case(&computed) {
        return Err(Discrepancy::LeafMismatch {
            index: e.index,
            what: describe(e),
            served: served_leaf.to_string(),
            computed,
        });
    }
    if !verify_inclusion(&leaf, e.index, size, proof, root) {
        return Err(Discrepancy::NotIncluded {
            index: e.index,
            what: describe(e),
            size,
        });
    }
    Ok(leaf)
}

/// Checks that the entries served now hold each one an earlier check saw
/// (index → hex leaf hash), unchanged; entries beyond `size` (the head
/// checked now) are not expected yet. `served` must list each index once.
pub fn check_seen(
    previous: &BTreeMap<u64, String>,
    served: &[LogEntry],
    size: u64,
) -> Result<(), Discrepancy> {
    let mut now: BTreeMap<u64, &LogEntry> = BTreeMap::new();
    for e in served {
        if now.insert(e.index, e).is_some() {
            return Err(Discrepancy::ServedTwice { index: e.index });
        }
    }
    for (&index, leaf) in previous.range(..size) {
        match now.get(&index) {
            None => return Err(Discrepancy::Vanished { index }),
            Some(e) if !hex::encode(e.leaf_hash()).eq_ignore_ascii_case(leaf) => {
                return Err(Discrepancy::Rewritten {
                    index,
                    what: describe(e),
                })
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// The actions whose content hash is a PoC's proposed details.
fn proposes_details(e: &LogEntry) -> bool {
    matches!(
        LogAction::from_stored(&e.action),
        Some(LogAction::PocPropose | LogAction::PocProposeUpdate)
    )
}

/// Checks that each PoC's details (PoC id, content hash of its details,
/// where they came from) were proposed in a logged entry about `code`:
/// details that changed in the database without a nomination or an
/// update proposal are caught here.
pub fn check_details(
    code: &str,
    pocs: &[(i64, String, DetailsSource)],
    entries: &[LogEntry],
) -> Result<(), Discrepancy> {
    let logged: BTreeSet<&str> = entries
        .iter()
        .filter(|e| e.participant.as_deref() == Some(code) && proposes_details(e))
        .map(|e| e.content_hash.as_str())
        .collect();
    for (poc, hash, source) in pocs {
        if !logged.contains(hash.as_str()) {
            return Err(Discrepancy::UnloggedDetails {
                poc: *poc,
                from: *source,
                code: code.to_string(),
                hash: hash.clone(),
            });
        }
    }
    Ok(())
}

/// Who read a State's PoCs' details: the reader's State (or its kind for
/// the secretariat and others without one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reads {
    pub count: u64,
    /// Unix seconds of the latest read.
    pub last_at: i64,
}

/// What a State's entries are, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StateReport {
    pub entries: u64,
    /// Nominations, update and withdrawal proposals.
    pub nominations: u64,
    /// The secretariat's decisions on them.
    pub decisions: u64,
    /// Reads of the PoCs' details by others (one per PoC shown).
    pub reads: u64,
    /// Everything else about the State (accounts, messages, ping tests…).
    pub other: u64,
    /// Reads by reader: the reader's State code, or its account kind.
    pub readers: BTreeMap<String, Reads>,
    /// The oldest and newest entry's time (Unix seconds).
    pub first_at: Option<i64>,
    pub last_at: Option<i64>,
}

/// Tells `entries` (about `code`) apart: nominations, decisions, reads of
/// its PoCs by others, and the rest.
pub fn report(code: &str, entries: &[LogEntry]) -> StateReport {
    let mut r = StateReport::default();
    for e in entries {
        r.entries += 1;
        r.first_at = Some(r.first_at.map_or(e.at, |t| t.min(e.at)));
        r.last_at = Some(r.last_at.map_or(e.at, |t| t.max(e.at)));
        match LogAction::from_stored(&e.action) {
            Some(
                LogAction::PocPropose
                | LogAction::PocProposeUpdate
                | LogAction::PocProposeWithdrawal,
            ) => r.nominations += 1,
            Some(LogAction::PocApprove | LogAction::PocReject | LogAction::PocConfirm) => {
                r.decisions += 1
            }
            Some(LogAction::PocRead) if e.participant.as_deref() == Some(code) => {
                r.reads += 1;
                let reader = e
                    .actor_participant
                    .clone()
                    .unwrap_or_else(|| e.actor_kind.clone());
                let reads = r.readers.entry(reader).or_default();
                reads.count += 1;
                reads.last_at = reads.last_at.max(e.at);
            }
            _ => r.other += 1,
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::entry::{LogActor, LogDraft};
    use crate::log::merkle::MerkleTree;

    fn entry(index: u64, action: LogAction, participant: &str, actor_state: &str) -> LogEntry {
        LogDraft::new(
            time::macros::datetime!(2026-12-01 10:00 UTC) + time::Duration::minutes(index as i64),
            LogActor {
                account_id: Some(7),
                kind: "technical_poc".into(),
                participant: Some(actor_state.into()),
            },
            action,
            format!("poc:{index}"),
        )
        .about_participant(Some(participant.into()))
        .with_content(&serde_json::json!({ "n": index }))
        .at_index(index)
    }

    fn log() -> (Vec<LogEntry>, MerkleTree) {
        let entries = vec![
            entry(0, LogAction::PocPropose, "PAK", "PAK"),
            entry(1, LogAction::PocApprove, "PAK", "PAK"),
            entry(2, LogAction::PocRead, "FRA", "FRA"),
            entry(3, LogAction::PocRead, "PAK", "FRA"),
            entry(4, LogAction::PocRead, "PAK", "FRA"),
        ];
        let mut tree = MerkleTree::new();
        for e in &entries {
            tree.push_leaf_hash(e.leaf_hash());
        }
        (entries, tree)
    }

    fn about_pak(entries: &[LogEntry]) -> Vec<LogEntry> {
        entries
            .iter()
            .filter(|e| is_about(e, "PAK"))
            .cloned()
            .collect()
    }

    #[test]
    fn an_intact_entry_is_proved_and_an_edited_one_is_named() {
        let (entries, tree) = log();
        let root = tree.root();
        let e = &entries[3];
        let proof = tree.inclusion_proof(3, 5).unwrap();
        let served = hex::encode(e.leaf_hash());
        assert_eq!(
            check_entry("PAK", e, &served, &proof, 5, &root).unwrap(),
            e.leaf_hash()
        );

        // Edited in the database: the fields no longer hash to the signed leaf.
        let mut edited = e.clone();
        edited.actor_participant = Some("DEU".into());
        let served_edited = hex::encode(edited.leaf_hash());
        let err = check_entry("PAK", &edited, &served_edited, &proof, 5, &root).unwrap_err();
        assert!(
            matches!(err, Discrepancy::NotIncluded { index: 3, .. }),
            "{err}"
        );
        assert!(err
            .to_string()
            .contains("entry 3 (poc.read poc:3 at 2026-12-01T10:03:00Z)"));

        // Served with a leaf hash its fields do not have.
        let err = check_entry("PAK", &edited, &served, &proof, 5, &root).unwrap_err();
        assert!(
            matches!(err, Discrepancy::LeafMismatch { index: 3, .. }),
            "{err}"
        );

        // Another State's entry passed off as this one's.
        let other = &entries[2];
        let proof = tree.inclusion_proof(2, 5).unwrap();
        let err = check_entry(
            "PAK",
            other,
            &hex::encode(other.leaf_hash()),
            &proof,
            5,
            &root,
        )
        .unwrap_err();
        assert!(
            matches!(err, Discrepancy::NotAbout { index: 2, .. }),
            "{err}"
        );
    }

    #[test]
    fn entries_seen_before_must_stay_as_they_were() {
        let (entries, _) = log();
        let mine = about_pak(&entries);
        let seen: BTreeMap<u64, String> = mine
            .iter()
            .map(|e| (e.index, hex::encode(e.leaf_hash())))
            .collect();
        assert_eq!(check_seen(&seen, &mine, 5), Ok(()));
        // Entries beyond the head checked now are not expected yet.
        assert_eq!(check_seen(&seen, &mine[..2], 3), Ok(()));

        let without: Vec<LogEntry> = mine.iter().filter(|e| e.index != 3).cloned().collect();
        assert_eq!(
            check_seen(&seen, &without, 5),
            Err(Discrepancy::Vanished { index: 3 })
        );
        let mut changed = mine.clone();
        changed[1].at += 1;
        assert!(matches!(
            check_seen(&seen, &changed, 5),
            Err(Discrepancy::Rewritten { index: 1, .. })
        ));
        let mut twice = mine.clone();
        twice.push(mine[0].clone());
        assert_eq!(
            check_seen(&seen, &twice, 5),
            Err(Discrepancy::ServedTwice { index: 0 })
        );
    }

    #[test]
    fn details_must_have_been_proposed_in_the_log() {
        let (entries, _) = log();
        let proposed = entries[0].content_hash.clone();
        let read = entries[3].content_hash.clone();
        assert_eq!(
            check_details(
                "PAK",
                &[(9, proposed.clone(), DetailsSource::Served)],
                &entries
            ),
            Ok(())
        );
        // A read's content hash is no proposal; another State's proposal is not this one's.
        let err = check_details("PAK", &[(9, read, DetailsSource::Record)], &entries).unwrap_err();
        assert!(matches!(
            err,
            Discrepancy::UnloggedDetails {
                poc: 9,
                from: DetailsSource::Record,
                ..
            }
        ));
        assert!(err.to_string().contains("in the State's own record"));
        assert!(check_details("FRA", &[(9, proposed, DetailsSource::Served)], &entries).is_err());
    }

    #[test]
    fn the_report_tells_nominations_decisions_and_readers_apart() {
        let (entries, _) = log();
        let mine = about_pak(&entries);
        let r = report("PAK", &mine);
        assert_eq!(
            (r.entries, r.nominations, r.decisions, r.reads, r.other),
            (4, 1, 1, 2, 0)
        );
        assert_eq!(r.readers.len(), 1);
        let fra = &r.readers["FRA"];
        assert_eq!(fra.count, 2);
        assert_eq!(fra.last_at, entries[4].at);
        assert_eq!(r.first_at, Some(entries[0].at));
    }
}
