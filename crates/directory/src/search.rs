//! Browsing and searching the directory of active PoCs.
//!
//! The active directory is kept in memory as a [`DirectorySnapshot`] and
//! rebuilt only when the store's directory revision moved (a counter bumped
//! in the same transaction as any PoC or participant change), so a search
//! costs one tiny query plus a scan of memory, and several instances on one
//! database never serve a directory older than their last check.
//!
//! What a reader may see of each participant is decided by the caller (the
//! access policy) and passed in as a function: this module only filters.

use chrono_tz::Tz;
use pocdir_domain::directory::poc::{parse_time_zone, PocDetails, PocRole};
use pocdir_store::{ParticipantNames, Poc, Store, StoreResult};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};
use time::OffsetDateTime;

/// What a participant contributes to the entries of its PoCs.
#[derive(Debug, Clone)]
pub struct ParticipantSummary {
    pub code: String,
    pub names: ParticipantNames,
    /// UN M49 region (empty for organisations).
    pub region: String,
    pub takes_part: bool,
}

/// One active PoC, ready to filter.
#[derive(Debug)]
pub struct DirectoryEntry {
    pub id: i64,
    pub version: i64,
    pub participant: String,
    pub role: PocRole,
    pub confirmed_at: Option<OffsetDateTime>,
    pub details: PocDetails,
    tz: Option<Tz>,
    /// Name, title and organisation, [`fold`]ed, for free-text search.
    haystack: String,
    /// Lower-cased primary language subtags (`fr` for `fr-CA`).
    primary_languages: Vec<String>,
}

impl DirectoryEntry {
    /// Whether the PoC is within its hours of availability at `at`.
    pub fn within_hours(&self, at: OffsetDateTime) -> bool {
        self.tz
            .is_some_and(|tz| self.details.availability.covers(tz, at))
    }
}

/// The active directory at one revision.
#[derive(Debug, Default)]
pub struct DirectorySnapshot {
    pub revision: i64,
    /// Sorted by participant (English name), role (diplomatic first), name.
    pub entries: Vec<Arc<DirectoryEntry>>,
    pub participants: HashMap<String, ParticipantSummary>,
    /// Each participant's code and names in the six languages, folded.
    folded_names: HashMap<String, String>,
}

/// Folds text for search: lower case, compatibility forms, and no accents,
/// so that "etrangeres" finds "Étrangères" and full-width digits match.
pub fn fold(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A search, as typed in the form or the API's query string. Empty fields
/// match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Words found in the PoC's name, title or organisation, or in the
    /// participant's code or name in any of the six languages.
    pub text: String,
    /// UN region, e.g. `Africa`.
    pub region: String,
    /// ISO 3166-1 alpha-3 code.
    pub participant: String,
    pub role: Option<PocRole>,
    /// A BCP 47 tag; its primary subtag matches any variant (`fr` finds `fr-CA`).
    pub language: String,
    /// An IANA zone (`Asia/Tokyo`) or an area (`Europe`, `America/`).
    pub time_zone: String,
    /// Only PoCs within their hours of availability now.
    pub within_hours_now: bool,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
}

pub const DEFAULT_PER_PAGE: usize = 25;
pub const MAX_PER_PAGE: usize = 200;

/// A page of results.
#[derive(Debug)]
pub struct SearchResults {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    /// Each entry with whether it is within its hours now.
    pub entries: Vec<(Arc<DirectoryEntry>, bool)>,
}

impl SearchResults {
    pub fn pages(&self) -> usize {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

impl DirectorySnapshot {
    /// Builds a snapshot from the participants and their active PoCs. PoCs
    /// whose stored details cannot be read are left out (and counted).
    pub fn build(
        revision: i64,
        participants: Vec<ParticipantSummary>,
        active: Vec<Poc>,
    ) -> (DirectorySnapshot, usize) {
        let participants: HashMap<String, ParticipantSummary> = participants
            .into_iter()
            .map(|p| (p.code.clone(), p))
            .collect();
        let mut unreadable = 0;
        let mut entries: Vec<Arc<DirectoryEntry>> = active
            .into_iter()
            .filter_map(|poc| {
                let details: Option<PocDetails> = poc
                    .active
                    .as_deref()
                    .and_then(|json| serde_json::from_str(json).ok());
                let Some(details) = details else {
                    unreadable += 1;
                    return None;
                };
                let haystack = fold(&format!(
                    "{}\n{}\n{}",
                    details.name, details.title, details.organisation
                ));
                let primary_languages = details
                    .languages
                    .iter()
                    .map(|l| primary_subtag(l))
                    .collect();
                Some(Arc::new(DirectoryEntry {
                    id: poc.id,
                    version: poc.version,
                    participant: poc.participant,
                    role: poc.role,
                    confirmed_at: poc.confirmed_at,
                    tz: parse_time_zone(&details.time_zone),
                    details,
                    haystack,
                    primary_languages,
                }))
            })
            .collect();
        let english = |code: &str| {
            participants
                .get(code)
                .map(|p| p.names.en.clone())
                .unwrap_or_default()
        };
        let mut keyed: Vec<(String, Arc<DirectoryEntry>)> = entries
            .drain(..)
            .map(|e| (english(&e.participant), e))
            .collect();
        keyed.sort_by(|(a, x), (b, y)| {
            a.cmp(b)
                .then_with(|| x.participant.cmp(&y.participant))
                .then_with(|| (x.role as u8).cmp(&(y.role as u8)))
                .then_with(|| x.details.name.cmp(&y.details.name))
                .then_with(|| x.id.cmp(&y.id))
        });
        let entries = keyed.into_iter().map(|(_, e)| e).collect();
        (
            DirectorySnapshot {
                revision,
                entries,
                folded_names: participants
                    .values()
                    .map(|p| {
                        let n = &p.names;
                        let all = [&n.en, &n.fr, &n.es, &n.ru, &n.ar, &n.zh]
                            .map(|s| s.as_str())
                            .join("\n");
                        (p.code.clone(), fold(&all))
                    })
                    .collect(),
                participants,
            },
            unreadable,
        )
    }

    /// The UN regions that have at least one participant, sorted.
    pub fn regions(&self) -> Vec<String> {
        let mut regions: Vec<String> = self
            .participants
            .values()
            .map(|p| p.region.clone())
            .filter(|r| !r.is_empty())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        regions.sort();
        regions
    }

    /// Filters the entries of the participants `visible` admits by `query`
    /// and returns the requested page. "Within hours now" is computed once
    /// per time zone, not per entry, so it stays cheap on a large directory.
    pub fn search(
        &self,
        query: &SearchQuery,
        now: OffsetDateTime,
        visible: &dyn Fn(&ParticipantSummary) -> bool,
    ) -> SearchResults {
        let text = fold(query.text.trim());
        let region = query.region.trim();
        let participant = query.participant.trim().to_ascii_uppercase();
        let language = primary_subtag(query.language.trim());
        let zone = query.time_zone.trim();
        // Which participants pass the participant-level filters.
        let mut admitted: HashMap<&str, bool> = HashMap::with_capacity(self.participants.len());
        for (code, p) in &self.participants {
            let ok = visible(p)
                && (region.is_empty() || p.region == region)
                && (participant.is_empty() || *code == participant);
            admitted.insert(code.as_str(), ok);
        }
        // Participants whose name matches the text: all their PoCs match.
        let name_matches: HashSet<&str> = if text.is_empty() {
            HashSet::new()
        } else {
            self.folded_names
                .iter()
                .filter(|(code, names)| code.to_lowercase() == text || names.contains(&text))
                .map(|(code, _)| code.as_str())
                .collect()
        };
        let zone_matches = |e: &DirectoryEntry| {
            zone.is_empty()
                || e.details.time_zone == zone
                || (!zone.contains('/') && e.details.time_zone.starts_with(&format!("{zone}/")))
                || (zone.ends_with('/') && e.details.time_zone.starts_with(zone))
        };
        let mut awake_by_zone: HashMap<Option<Tz>, AwakeCache> = HashMap::new();
        let per_page = match query.per_page {
            0 => DEFAULT_PER_PAGE,
            n => n.min(MAX_PER_PAGE),
        };
        let page = query.page.max(1);
        let skip = (page - 1).saturating_mul(per_page);
        let mut total = 0;
        let mut shown = Vec::new();
        for e in &self.entries {
            if !admitted
                .get(e.participant.as_str())
                .copied()
                .unwrap_or(false)
            {
                continue;
            }
            if query.role.is_some_and(|r| r != e.role) {
                continue;
            }
            if !language.is_empty() && !e.primary_languages.contains(&language) {
                continue;
            }
            if !zone_matches(e) {
                continue;
            }
            if !text.is_empty()
                && !e.haystack.contains(&text)
                && !name_matches.contains(e.participant.as_str())
            {
                continue;
            }
            let needs_awake = query.within_hours_now || (total >= skip && shown.len() < per_page);
            let awake = needs_awake
                && awake_by_zone
                    .entry(e.tz)
                    .or_insert_with(|| AwakeCache::new(e.tz, now))
                    .covers(&e.details);
            if query.within_hours_now && !awake {
                continue;
            }
            if total >= skip && shown.len() < per_page {
                shown.push((Arc::clone(e), awake));
            }
            total += 1;
        }
        SearchResults {
            total,
            page,
            per_page,
            entries: shown,
        }
    }
}

/// The local weekday and minute of one time zone at one instant, so that
/// each entry's hours are checked without a time-zone conversion.
struct AwakeCache {
    at: Option<(usize, u16, usize)>,
}

impl AwakeCache {
    fn new(tz: Option<Tz>, now: OffsetDateTime) -> AwakeCache {
        use chrono::{Datelike, TimeZone, Timelike};
        let at = tz.and_then(|tz| {
            let utc = chrono::Utc
                .timestamp_opt(now.unix_timestamp(), 0)
                .single()?;
            let local = utc.with_timezone(&tz);
            let day = local.weekday().num_days_from_monday() as usize;
            let minute = u16::try_from(local.hour() * 60 + local.minute()).ok()?;
            Some((day, minute, day + 6))
        });
        AwakeCache { at }
    }

    fn covers(&self, d: &PocDetails) -> bool {
        let Some((day, minute, yesterday)) = self.at else {
            return false;
        };
        d.availability.covers_local(day, minute, yesterday)
    }
}

/// The directory kept in memory, refreshed from the store when it changed.
pub struct DirectoryIndex {
    store: Arc<dyn Store>,
    current: RwLock<Arc<DirectorySnapshot>>,
    /// One rebuild at a time; others wait for it rather than repeat it.
    rebuilding: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for DirectoryIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DirectoryIndex").finish_non_exhaustive()
    }
}

impl DirectoryIndex {
    pub fn new(store: Arc<dyn Store>) -> DirectoryIndex {
        DirectoryIndex {
            store,
            // Revision -1: the first call always builds.
            current: RwLock::new(Arc::new(DirectorySnapshot {
                revision: -1,
                ..DirectorySnapshot::default()
            })),
            rebuilding: tokio::sync::Mutex::new(()),
        }
    }

    fn cached(&self) -> Arc<DirectorySnapshot> {
        match self.current.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// The directory as of now: the cached snapshot if the store's revision
    /// has not moved, else a fresh one.
    pub async fn snapshot(&self) -> StoreResult<Arc<DirectorySnapshot>> {
        let revision = self.store.directory_revision().await?;
        let cached = self.cached();
        if cached.revision == revision {
            return Ok(cached);
        }
        let _turn = self.rebuilding.lock().await;
        let cached = self.cached();
        if cached.revision >= revision {
            return Ok(cached);
        }
        // Read the revision before the data: a change committed in between
        // makes the next call rebuild again, never miss it.
        let revision = self.store.directory_revision().await?;
        let participants = self
            .store
            .participants()
            .await?
            .into_iter()
            .map(|p| ParticipantSummary {
                takes_part: p.status.takes_part(),
                code: p.code,
                names: p.names,
                region: p.region,
            })
            .collect();
        let active = self.store.active_pocs().await?;
        let (snapshot, unreadable) = DirectorySnapshot::build(revision, participants, active);
        if unreadable > 0 {
            tracing::error!(
                unreadable,
                "active PoCs with unreadable details left out of search"
            );
        }
        let snapshot = Arc::new(snapshot);
        match self.current.write() {
            Ok(mut guard) => *guard = Arc::clone(&snapshot),
            Err(poisoned) => *poisoned.into_inner() = Arc::clone(&snapshot),
        }
        Ok(snapshot)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use pocdir_domain::directory::poc::{PhoneDraft, PocDraft};
    use pocdir_store::PocStatus;
    use time::macros::datetime;

    fn summary(
        code: &str,
        en: &str,
        fr: &str,
        region: &str,
        takes_part: bool,
    ) -> ParticipantSummary {
        ParticipantSummary {
            code: code.into(),
            names: ParticipantNames {
                en: en.into(),
                fr: fr.into(),
                ..ParticipantNames::default()
            },
            region: region.into(),
            takes_part,
        }
    }

    fn poc(
        id: i64,
        participant: &str,
        role: &str,
        name: &str,
        langs: &[&str],
        tz: &str,
        hours: &str,
    ) -> Poc {
        let details = PocDraft {
            role: role.into(),
            name: name.into(),
            title: "Duty officer".into(),
            organisation: format!("{participant} CERT"),
            emails: vec![format!("duty{id}@cert.example.org")],
            phones: vec![PhoneDraft {
                number: "+447700900123".into(),
                phone_use: "24x7".into(),
            }],
            languages: langs.iter().map(|l| l.to_string()).collect(),
            time_zone: tz.into(),
            hours: hours.into(),
            ..PocDraft::default()
        }
        .validate(datetime!(2026-01-01 00:00 UTC))
        .unwrap();
        let at = datetime!(2026-01-01 00:00 UTC);
        Poc {
            id,
            participant: participant.into(),
            role: details.role,
            status: PocStatus::Active,
            version: 2,
            active: Some(serde_json::to_string(&details).unwrap()),
            pending: None,
            pending_action: None,
            confirmed_at: Some(at),
            created_at: at,
            updated_at: at,
        }
    }

    fn snapshot() -> DirectorySnapshot {
        let participants = vec![
            summary("PAK", "Pakistan", "Pakistan", "Asia", true),
            summary("FRA", "France", "France", "Europe", true),
            summary("JPN", "Japan", "Japon", "Asia", true),
            summary("BRA", "Brazil", "Brésil", "Americas", false),
        ];
        let mut bad = poc(
            9,
            "FRA",
            "technical",
            "Broken",
            &["fr"],
            "Europe/Paris",
            "24/7",
        );
        bad.active = Some("{not json".into());
        let active = vec![
            poc(
                1,
                "PAK",
                "technical",
                "Ayesha Malik",
                &["ur", "en"],
                "Asia/Karachi",
                "24/7",
            ),
            poc(
                2,
                "PAK",
                "diplomatic",
                "Imran Qureshi",
                &["ur", "en"],
                "Asia/Karachi",
                "Mon-Fri 09:00-17:00",
            ),
            poc(
                3,
                "FRA",
                "diplomatic",
                "Claire Dubois",
                &["fr-FR", "en"],
                "Europe/Paris",
                "Mon-Fri 09:00-18:00",
            ),
            poc(
                4,
                "JPN",
                "technical",
                "佐藤 花子 (Sato Hanako)",
                &["ja"],
                "Asia/Tokyo",
                "Mon-Fri 09:00-17:00",
            ),
            poc(
                5,
                "BRA",
                "technical",
                "João Silva",
                &["pt-BR"],
                "America/Sao_Paulo",
                "24/7",
            ),
            bad,
        ];
        let (s, unreadable) = DirectorySnapshot::build(7, participants, active);
        assert_eq!(unreadable, 1);
        s
    }

    fn ids(r: &SearchResults) -> Vec<i64> {
        r.entries.iter().map(|(e, _)| e.id).collect()
    }

    fn all(_: &ParticipantSummary) -> bool {
        true
    }

    // Wednesday 2026-11-25 10:00 UTC: 15:00 in Karachi, 11:00 in Paris, 19:00 in Tokyo.
    const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

    #[test]
    fn sorted_by_state_then_role_then_name() {
        let s = snapshot();
        let r = s.search(&SearchQuery::default(), NOW, &all);
        // Brazil, France, Japan, Pakistan (diplomatic before technical).
        assert_eq!(ids(&r), vec![5, 3, 4, 2, 1]);
        assert_eq!(r.total, 5);
        assert_eq!(s.regions(), vec!["Americas", "Asia", "Europe"]);
    }

    #[test]
    fn filters_combine() {
        let s = snapshot();
        let q = |f: fn(&mut SearchQuery)| {
            let mut q = SearchQuery::default();
            f(&mut q);
            ids(&s.search(&q, NOW, &all))
        };
        assert_eq!(q(|q| q.region = "Asia".into()), vec![4, 2, 1]);
        assert_eq!(q(|q| q.role = Some(PocRole::Diplomatic)), vec![3, 2]);
        assert_eq!(q(|q| q.language = "fr".into()), vec![3], "fr finds fr-FR");
        assert_eq!(q(|q| q.language = "PT".into()), vec![5]);
        assert_eq!(q(|q| q.time_zone = "Asia/Tokyo".into()), vec![4]);
        assert_eq!(q(|q| q.time_zone = "Asia".into()), vec![4, 2, 1], "an area");
        assert_eq!(q(|q| q.time_zone = "America/".into()), vec![5]);
        assert_eq!(q(|q| q.participant = "pak".into()), vec![2, 1]);
        assert_eq!(q(|q| q.text = "MALIK".into()), vec![1]);
        assert_eq!(q(|q| q.text = "佐藤".into()), vec![4], "any script");
        assert_eq!(
            q(|q| q.text = "japon".into()),
            vec![4],
            "State name in French"
        );
        assert_eq!(q(|q| q.text = "fra".into()), vec![3], "State code");
        assert_eq!(q(|q| q.text = "dubois".into()), vec![3]);
        assert_eq!(q(|q| q.text = "DÜBOIS".into()), vec![3], "accents ignored");
        assert_eq!(
            q(|q| {
                q.region = "Asia".into();
                q.role = Some(PocRole::Technical);
                q.language = "en".into();
            }),
            vec![1]
        );
        assert!(q(|q| q.text = "nobody".into()).is_empty());
    }

    #[test]
    fn folding_ignores_case_accents_and_width() {
        assert_eq!(
            fold("Ministère des Affaires étrangères"),
            "ministere des affaires etrangeres"
        );
        assert_eq!(fold("ＣＥＲＴ－１"), "cert-1");
        assert_eq!(
            fold("Łódź"),
            "łodz",
            "a letter with a stroke is a letter of its own"
        );
        assert_eq!(fold("Владимир Ёлкин"), "владимир елкин");
        assert_eq!(fold("وزارة الخارجية"), "وزارة الخارجية");
    }

    #[test]
    fn who_is_within_hours_now() {
        let s = snapshot();
        let q = SearchQuery {
            within_hours_now: true,
            ..SearchQuery::default()
        };
        // Tokyo is at 19:00: outside its hours; the others are in.
        assert_eq!(ids(&s.search(&q, NOW, &all)), vec![5, 3, 2, 1]);
        // Saturday: only the 24/7 desks.
        let saturday = datetime!(2026-11-28 10:00 UTC);
        assert_eq!(ids(&s.search(&q, saturday, &all)), vec![5, 1]);
        // The flag is reported on every shown entry, filter or not.
        let r = s.search(&SearchQuery::default(), NOW, &all);
        let flags: Vec<bool> = r.entries.iter().map(|(_, a)| *a).collect();
        assert_eq!(flags, vec![true, true, false, true, true]);
    }

    #[test]
    fn visibility_is_the_callers() {
        let s = snapshot();
        let participating_only = |p: &ParticipantSummary| p.takes_part;
        let r = s.search(&SearchQuery::default(), NOW, &participating_only);
        assert_eq!(ids(&r), vec![3, 4, 2, 1]);
        let own_only = |p: &ParticipantSummary| p.code == "FRA";
        assert_eq!(
            ids(&s.search(&SearchQuery::default(), NOW, &own_only)),
            vec![3]
        );
        let none = |_: &ParticipantSummary| false;
        assert_eq!(s.search(&SearchQuery::default(), NOW, &none).total, 0);
    }

    #[test]
    fn paging() {
        let s = snapshot();
        let page = |page, per_page| {
            let q = SearchQuery {
                page,
                per_page,
                ..SearchQuery::default()
            };
            s.search(&q, NOW, &all)
        };
        let r = page(2, 2);
        assert_eq!(ids(&r), vec![4, 2]);
        assert_eq!((r.total, r.pages()), (5, 3));
        assert_eq!(ids(&page(3, 2)), vec![1]);
        assert!(page(9, 2).entries.is_empty());
        assert_eq!(page(0, 0).per_page, DEFAULT_PER_PAGE, "0 means the default");
        assert_eq!(page(1, 10_000).per_page, MAX_PER_PAGE);
    }
}
