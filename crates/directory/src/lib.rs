//! The directory's services around the store: the reference list of
//! participants (all 193 UN Member States and the 2 Observer States,
//! compiled into the binary from `data/participants.csv`; sources in
//! `data/README.md`) and seeding it into the database.

pub mod access;
pub mod crisis_pack;
pub mod export;
pub mod overview;
pub mod pocs;
pub mod search;

use pocdir_domain::clock::Clock;
use pocdir_domain::directory::participant::ParticipantKind;
use pocdir_domain::log::events;
use pocdir_store::{NewParticipant, ParticipantNames, ParticipantStore, StoreResult};
use serde::Deserialize;
use sha2::{Digest, Sha256};

const REFERENCE_CSV: &str = include_str!("../data/participants.csv");

#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("participants.csv line {line}: {reason}")]
    Bad { line: u64, reason: String },
}

#[derive(Debug, Deserialize)]
struct Row {
    alpha3: String,
    alpha2: String,
    m49: String,
    status: String,
    region: String,
    subregion: String,
    name_ar: String,
    name_zh: String,
    name_en: String,
    name_es: String,
    name_fr: String,
    name_ru: String,
}

/// The reference participants, parsed and checked.
pub fn reference_participants(
    at: time::OffsetDateTime,
) -> Result<Vec<NewParticipant>, ReferenceError> {
    let mut reader = csv::Reader::from_reader(REFERENCE_CSV.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.deserialize::<Row>().enumerate() {
        let line = i as u64 + 2;
        let bad = |reason: String| ReferenceError::Bad { line, reason };
        let row = row.map_err(|e| bad(e.to_string()))?;
        let kind = match row.status.as_str() {
            "member" => ParticipantKind::MemberState,
            "observer" => ParticipantKind::ObserverState,
            other => return Err(bad(format!("status {other:?}"))),
        };
        let names = ParticipantNames {
            ar: row.name_ar,
            zh: row.name_zh,
            en: row.name_en,
            es: row.name_es,
            fr: row.name_fr,
            ru: row.name_ru,
        };
        for name in [
            &names.ar, &names.zh, &names.en, &names.es, &names.fr, &names.ru,
        ] {
            if name.trim().is_empty() {
                return Err(bad(format!("{} lacks a name", row.alpha3)));
            }
        }
        if row.alpha3.len() != 3 || !row.alpha3.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(bad(format!("alpha-3 code {:?}", row.alpha3)));
        }
        out.push(NewParticipant {
            code: row.alpha3,
            alpha2: Some(row.alpha2),
            m49: Some(row.m49),
            kind,
            region: row.region,
            subregion: row.subregion,
            names,
            at,
        });
    }
    Ok(out)
}

/// SHA-256 of the reference file, so the log records which list was seeded.
pub fn reference_digest() -> String {
    hex::encode(Sha256::digest(REFERENCE_CSV.as_bytes()))
}

/// Adds the reference participants missing from the database (all of them
/// on first start); logged as one entry. Returns how many were added.
pub async fn seed_reference(store: &dyn ParticipantStore, clock: &dyn Clock) -> StoreResult<u64> {
    let now = clock.now();
    let list = reference_participants(now)
        .map_err(|e| pocdir_store::StoreError::Corrupt(e.to_string()))?;
    let log = events::participants_seeded(now, &reference_digest(), list.len())?;
    store.seed_participants(&list, log).await
}

/// Whether the directory holds a participant with `code` (a State of the
/// reference list or an organisation added by the secretariat). A State
/// not in the store yet (a fresh install before the server's first start)
/// is seeded with the rest of the reference list first, so that the
/// answer is always the store's.
pub async fn participant_exists(
    store: &dyn ParticipantStore,
    clock: &dyn Clock,
    code: &str,
) -> StoreResult<bool> {
    if store.participant(code).await?.is_some() {
        return Ok(true);
    }
    let now = clock.now();
    let in_reference = reference_participants(now)
        .map_err(|e| pocdir_store::StoreError::Corrupt(e.to_string()))?
        .iter()
        .any(|p| p.code == code);
    if !in_reference {
        return Ok(false);
    }
    seed_reference(store, clock).await?;
    Ok(store.participant(code).await?.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn all_member_and_observer_states_with_six_names() {
        let list = reference_participants(time::OffsetDateTime::UNIX_EPOCH).unwrap();
        let members = list
            .iter()
            .filter(|p| p.kind == ParticipantKind::MemberState)
            .count();
        let observers: Vec<&str> = list
            .iter()
            .filter(|p| p.kind == ParticipantKind::ObserverState)
            .map(|p| p.code.as_str())
            .collect();
        assert_eq!(members, 193);
        assert_eq!(observers, ["PSE", "VAT"]);
        let codes: HashSet<&str> = list.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes.len(), list.len(), "codes are unique");
        for code in [
            "PAK", "FRA", "CHN", "RUS", "USA", "GBR", "EGY", "MEX", "CIV", "TUR",
        ] {
            assert!(codes.contains(code), "{code}");
        }
        let pak = list.iter().find(|p| p.code == "PAK").unwrap();
        assert_eq!(pak.names.en, "Pakistan");
        assert_eq!(pak.names.ar, "باكستان");
        assert_eq!(pak.region, "Asia");
        let regions: HashSet<&str> = list.iter().map(|p| p.region.as_str()).collect();
        assert_eq!(
            regions,
            HashSet::from(["Africa", "Americas", "Asia", "Europe", "Oceania"])
        );
        assert_eq!(reference_digest().len(), 64);
    }
}
