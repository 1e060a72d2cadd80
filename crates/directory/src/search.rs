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
use pocdir_domain::directory::lifecycle::UnreadableDetails;
use pocdir_domain::directory::poc::{parse_time_zone, Availability, PocDetails, PocRole};
use pocdir_store::{ParticipantNames, Poc, Store, StoreError, StoreResult};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
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
    /// The search index, parallel to `entries`: kept compact and contiguous
    /// so that a search over 100,000 PoCs reads a few megabytes in order
    /// instead of chasing a pointer per PoC.
    index: SearchIndex,
}

/// Compact columns of the entries, for filtering.
#[derive(Debug, Default)]
struct SearchIndex {
    /// Each participant's entries: `entries` is sorted by participant, so
    /// they are one range; a participant filtered out is skipped whole.
    ranges: Vec<(String, Range<usize>)>,
    /// One per entry.
    rows: Vec<IndexRow>,
    /// Interned IANA zone names and their parsed zone.
    zones: Vec<(String, Option<Tz>)>,
    /// Interned primary language subtags (`fr` for `fr-CA`).
    languages: Vec<String>,
    /// The language ids of every entry, one after the other.
    entry_languages: Vec<u16>,
    /// Name, title and organisation of every entry, [`fold`]ed, each
    /// followed by a NUL, so that one substring search covers them all.
    text: String,
    /// Where each entry's text starts in `text`.
    text_starts: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
struct IndexRow {
    role: PocRole,
    zone: u32,
    availability: Availability,
    languages_start: u32,
    languages_len: u16,
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
    pub order: Order,
}

/// The column the results are ordered by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// The participant (English name), then role, then name: the
    /// directory's own order.
    #[default]
    Participant,
    Role,
    /// Only where the reader sees who the PoCs are; others sort as unnamed.
    Name,
    Organisation,
    /// Within their hours now first.
    WithinHours,
}

/// The order of the results: a column, up or down. Ties keep the
/// directory's own order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Order {
    pub by: SortKey,
    pub descending: bool,
}

/// What one entry sorts by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    Rank(u8),
    Text(String),
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

/// How much of a participant's directory a reader may see (from the
/// policy's `DirectoryView`): a search never matches, counts or hints at
/// what the reader may not see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sight {
    /// Nothing of this participant.
    Hidden,
    /// Its PoCs' roles, languages, zones and hours, but not who they are:
    /// the text of a search matches the participant's names only, never a
    /// PoC's name, title or organisation.
    WithoutPeople,
    /// Everything the directory shows.
    People,
}

impl DirectorySnapshot {
    /// Builds a snapshot from the participants and their active PoCs. A PoC
    /// whose stored details cannot be read is an error that names it: it is
    /// never silently left out of the directory.
    pub fn build(
        revision: i64,
        participants: Vec<ParticipantSummary>,
        active: Vec<Poc>,
    ) -> Result<DirectorySnapshot, UnreadableDetails> {
        let participants: HashMap<String, ParticipantSummary> = participants
            .into_iter()
            .map(|p| (p.code.clone(), p))
            .collect();
        let mut entries: Vec<Arc<DirectoryEntry>> = Vec::with_capacity(active.len());
        for poc in active {
            let Some(details) = poc.active_details()? else {
                return Err(UnreadableDetails {
                    poc: poc.id,
                    which: "verified",
                    reason: "an active PoC has none".to_string(),
                });
            };
            entries.push(Arc::new(DirectoryEntry {
                id: poc.id,
                version: poc.version,
                participant: poc.participant,
                role: poc.role,
                confirmed_at: poc.confirmed_at,
                tz: parse_time_zone(&details.time_zone),
                details,
            }));
        }
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
        let entries: Vec<Arc<DirectoryEntry>> = keyed.into_iter().map(|(_, e)| e).collect();
        let index = SearchIndex::build(&entries);
        Ok(DirectorySnapshot {
            revision,
            entries,
            index,
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
        })
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

    /// Filters the entries of the participants `sight` admits by `query`
    /// and returns the requested page. "Within hours now" is computed once
    /// per time zone, not per entry, so it stays cheap on a large directory.
    pub fn search(
        &self,
        query: &SearchQuery,
        now: OffsetDateTime,
        sight: &dyn Fn(&ParticipantSummary) -> Sight,
    ) -> SearchResults {
        let per_page = match query.per_page {
            0 => DEFAULT_PER_PAGE,
            n => n.min(MAX_PER_PAGE),
        };
        let page = query.page.max(1);
        let skip = (page - 1).saturating_mul(per_page);
        let (total, entries) = if query.order == Order::default() {
            // The directory's own order: only the page is collected.
            self.scan(query, now, sight, skip, per_page)
        } else {
            let mut all = self.scan(query, now, sight, 0, usize::MAX).1;
            self.sort(&mut all, query.order, sight);
            let total = all.len();
            (total, all.into_iter().skip(skip).take(per_page).collect())
        };
        SearchResults {
            total,
            page,
            per_page,
            entries,
        }
    }

    /// Every entry `query` admits, in order, without paging (an export).
    pub fn matching(
        &self,
        query: &SearchQuery,
        now: OffsetDateTime,
        sight: &dyn Fn(&ParticipantSummary) -> Sight,
    ) -> Vec<(Arc<DirectoryEntry>, bool)> {
        let mut all = self.scan(query, now, sight, 0, usize::MAX).1;
        if query.order != Order::default() {
            self.sort(&mut all, query.order, sight);
        }
        all
    }

    /// Orders matching entries (which come in the directory's own order).
    /// A PoC's name or organisation counts only where `sight` shows people:
    /// elsewhere the order must not hint at what the reader cannot see.
    fn sort(
        &self,
        entries: &mut Vec<(Arc<DirectoryEntry>, bool)>,
        order: Order,
        sight: &dyn Fn(&ParticipantSummary) -> Sight,
    ) {
        let mut people: HashMap<&str, bool> = HashMap::new();
        let mut sees_people = |code: &str| -> bool {
            if let Some(&known) = people.get(code) {
                return known;
            }
            let (key, seen) = match self.participants.get_key_value(code) {
                Some((key, p)) => (key.as_str(), sight(p) == Sight::People),
                None => return false,
            };
            people.insert(key, seen);
            seen
        };
        let mut keyed: Vec<(SortValue, usize, (Arc<DirectoryEntry>, bool))> = entries
            .drain(..)
            .enumerate()
            .map(|(i, (e, awake))| {
                let value = match order.by {
                    SortKey::Participant => SortValue::Text(
                        self.participants
                            .get(&e.participant)
                            .map(|p| p.names.en.clone())
                            .unwrap_or_default(),
                    ),
                    SortKey::Role => SortValue::Rank(e.role as u8),
                    SortKey::Name if sees_people(&e.participant) => {
                        SortValue::Text(fold(&e.details.name))
                    }
                    SortKey::Organisation if sees_people(&e.participant) => {
                        SortValue::Text(fold(&e.details.organisation))
                    }
                    SortKey::Name | SortKey::Organisation => SortValue::Text(String::new()),
                    SortKey::WithinHours => SortValue::Rank(u8::from(!awake)),
                };
                (value, i, (e, awake))
            })
            .collect();
        keyed.sort_by(|(a, i, _), (b, j, _)| {
            let by = a.cmp(b);
            let by = if order.descending { by.reverse() } else { by };
            by.then(i.cmp(j))
        });
        entries.extend(keyed.into_iter().map(|(_, _, entry)| entry));
    }

    /// How many entries `query` admits, and up to `limit` of them after
    /// skipping `skip`, each with whether it is within hours now.
    fn scan(
        &self,
        query: &SearchQuery,
        now: OffsetDateTime,
        sight: &dyn Fn(&ParticipantSummary) -> Sight,
        skip: usize,
        limit: usize,
    ) -> (usize, Vec<(Arc<DirectoryEntry>, bool)>) {
        let text = fold(query.text.trim());
        let region = query.region.trim();
        let participant = query.participant.trim().to_ascii_uppercase();
        let language = primary_subtag(query.language.trim());
        let zone = query.time_zone.trim();
        // Which participants pass the participant-level filters, and how
        // much of them the reader sees.
        let mut admitted: HashMap<&str, Sight> = HashMap::with_capacity(self.participants.len());
        for (code, p) in &self.participants {
            let ok = (region.is_empty() || p.region == region)
                && (participant.is_empty() || *code == participant);
            admitted.insert(code.as_str(), if ok { sight(p) } else { Sight::Hidden });
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
        let index = &self.index;
        // Per zone: whether it matches the zone filter.
        let zone_ok: Vec<bool> = index
            .zones
            .iter()
            .map(|(name, _)| {
                zone.is_empty()
                    || name == zone
                    || (!zone.contains('/')
                        && name.strip_prefix(zone).is_some_and(|r| r.starts_with('/')))
                    || (zone.ends_with('/') && name.starts_with(zone))
            })
            .collect();
        let language_id = if language.is_empty() {
            None
        } else {
            match index.languages.iter().position(|l| *l == language) {
                Some(id) => Some(id),
                // Nobody speaks it: nothing can match.
                None => return (0, Vec::new()),
            }
        };
        // Per zone, computed on first use: the local day and minute now.
        let mut local_now: Vec<Option<AwakeCache>> = vec![None; index.zones.len()];
        let mut awake = |row: &IndexRow| -> bool {
            let Some(slot) = local_now.get_mut(row.zone as usize) else {
                return false;
            };
            let tz = index.zones.get(row.zone as usize).and_then(|(_, tz)| *tz);
            slot.get_or_insert_with(|| AwakeCache::new(tz, now))
                .covers(&row.availability)
        };
        let finder = (!text.is_empty()).then(|| memchr::memmem::Finder::new(text.as_bytes()));
        let per_entry_filters = query.role.is_some()
            || language_id.is_some()
            || !zone.is_empty()
            || finder.is_some()
            || query.within_hours_now;
        let mut total = 0;
        let mut shown = Vec::new();
        for (code, range) in &index.ranges {
            let seen = admitted
                .get(code.as_str())
                .copied()
                .unwrap_or(Sight::Hidden);
            if seen == Sight::Hidden {
                continue;
            }
            // The participant's name matches: all its entries do. Else one
            // substring scan over the text of its entries only, and only for
            // a reader who may see who they are: for anyone else, a match on
            // a hidden name would confirm that name.
            let text_hits = match &finder {
                Some(_) if !name_matches.contains(code.as_str()) && seen != Sight::People => {
                    continue;
                }
                Some(f) if !name_matches.contains(code.as_str()) => {
                    Some(index.text_hits(f, range.clone()))
                }
                _ => None,
            };
            if !per_entry_filters {
                // Every entry of the participant matches: count the range,
                // look only at the part that falls on the page.
                let len = range.len();
                let from = skip.saturating_sub(total).min(len);
                let wanted = limit.saturating_sub(shown.len());
                let first = range.start + from;
                for i in first..first.saturating_add(wanted).min(range.end) {
                    if let (Some(e), Some(row)) = (self.entries.get(i), index.rows.get(i)) {
                        shown.push((Arc::clone(e), awake(row)));
                    }
                }
                total += len;
                continue;
            }
            for i in range.clone() {
                let Some(row) = index.rows.get(i) else {
                    continue;
                };
                if query.role.is_some_and(|r| r != row.role) {
                    continue;
                }
                if let Some(id) = language_id {
                    if !index.speaks(row, id) {
                        continue;
                    }
                }
                if !zone_ok.get(row.zone as usize).copied().unwrap_or(false) {
                    continue;
                }
                if let Some(hits) = &text_hits {
                    if !hits.get(i - range.start).copied().unwrap_or(false) {
                        continue;
                    }
                }
                let on_page = total >= skip && shown.len() < limit;
                let is_awake = (query.within_hours_now || on_page) && awake(row);
                if query.within_hours_now && !is_awake {
                    continue;
                }
                if on_page {
                    if let Some(e) = self.entries.get(i) {
                        shown.push((Arc::clone(e), is_awake));
                    }
                }
                total += 1;
            }
        }
        (total, shown)
    }
}

impl SearchIndex {
    fn build(entries: &[Arc<DirectoryEntry>]) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut zone_ids: HashMap<String, u32> = HashMap::new();
        let mut language_ids: HashMap<String, u16> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            match index.ranges.last_mut() {
                Some((code, range)) if *code == e.participant => range.end = i + 1,
                _ => index.ranges.push((e.participant.clone(), i..i + 1)),
            }
            let d = &e.details;
            let zone = *zone_ids.entry(d.time_zone.clone()).or_insert_with(|| {
                index.zones.push((d.time_zone.clone(), e.tz));
                u32::try_from(index.zones.len() - 1).unwrap_or(u32::MAX)
            });
            let languages_start = u32::try_from(index.entry_languages.len()).unwrap_or(u32::MAX);
            let mut languages_len: u16 = 0;
            for tag in &d.languages {
                let primary = primary_subtag(tag);
                let id = *language_ids.entry(primary.clone()).or_insert_with(|| {
                    index.languages.push(primary);
                    u16::try_from(index.languages.len() - 1).unwrap_or(u16::MAX)
                });
                index.entry_languages.push(id);
                languages_len = languages_len.saturating_add(1);
            }
            index.rows.push(IndexRow {
                role: e.role,
                zone,
                availability: d.availability,
                languages_start,
                languages_len,
            });
            index.text_starts.push(index.text.len());
            // Control characters are refused in these fields, so NUL only
            // ever separates entries.
            index.text.push_str(&fold(&format!(
                "{}\n{}\n{}",
                d.name, d.title, d.organisation
            )));
            index.text.push('\0');
        }
        index
    }

    fn speaks(&self, row: &IndexRow, language: usize) -> bool {
        let start = row.languages_start as usize;
        self.entry_languages
            .get(start..start + usize::from(row.languages_len))
            .is_some_and(|ids| ids.iter().any(|&id| usize::from(id) == language))
    }

    /// Which entries of `range` have text containing the needle of
    /// `finder` (folded): one SIMD substring scan over their text, which is
    /// contiguous; after each hit the scan resumes at the next entry.
    fn text_hits(&self, finder: &memchr::memmem::Finder<'_>, range: Range<usize>) -> Vec<bool> {
        let mut hits = vec![false; range.len()];
        if finder.needle().contains(&0) {
            return hits;
        }
        let start_of = |i: usize| self.text_starts.get(i).copied().unwrap_or(self.text.len());
        let (begin, end) = (start_of(range.start), start_of(range.end));
        let Some(text) = self.text.as_bytes().get(begin..end) else {
            return hits;
        };
        // `entry` walks forward with the hits (they only increase).
        let mut entry = 0;
        let mut from = 0;
        while let Some(found) = text.get(from..).and_then(|rest| finder.find(rest)) {
            let at = begin + from + found;
            while start_of(range.start + entry + 1) <= at {
                entry += 1;
            }
            if let Some(hit) = hits.get_mut(entry) {
                *hit = true;
            }
            from = start_of(range.start + entry + 1) - begin;
            if from >= text.len() {
                break;
            }
        }
        hits
    }
}

/// The local weekday and minute of one time zone at one instant, so that
/// each entry's hours are checked without a time-zone conversion.
#[derive(Debug, Clone, Copy)]
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

    fn covers(&self, availability: &Availability) -> bool {
        let Some((day, minute, yesterday)) = self.at else {
            return false;
        };
        availability.covers_local(day, minute, yesterday)
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
        // One rebuild at a time. While another request rebuilds, answer
        // from the previous snapshot rather than queue behind it (a rebuild
        // of 100,000 PoCs takes over a second); only the very first
        // snapshot is waited for. The request that finds the change
        // rebuilds itself, so a writer's next search sees its own change.
        let _turn = match self.rebuilding.try_lock() {
            Ok(turn) => turn,
            Err(_) if cached.revision >= 0 => return Ok(cached),
            Err(_) => self.rebuilding.lock().await,
        };
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
        // Building takes over a second at 100,000 PoCs: off the async workers.
        let built = tokio::task::spawn_blocking(move || {
            DirectorySnapshot::build(revision, participants, active)
        })
        .await;
        let snapshot = match built {
            Ok(Ok(snapshot)) => snapshot,
            // Named, and the rebuild fails: a PoC is never silently left out.
            Ok(Err(unreadable)) => {
                tracing::error!(error = %unreadable, "the directory cannot be rebuilt");
                return Err(StoreError::Corrupt(unreadable.to_string()));
            }
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            // Only when the runtime shuts down under us.
            Err(e) => {
                return Err(StoreError::Corrupt(format!(
                    "directory rebuild stopped: {e}"
                )))
            }
        };
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
        ];
        // One unreadable PoC is an error naming it, not a PoC left out.
        let mut with_bad = active.clone();
        with_bad.push(bad);
        let err = DirectorySnapshot::build(7, participants.clone(), with_bad)
            .err()
            .unwrap();
        assert_eq!((err.poc, err.which), (9, "verified"));
        DirectorySnapshot::build(7, participants, active).unwrap()
    }

    fn ids(r: &SearchResults) -> Vec<i64> {
        r.entries.iter().map(|(e, _)| e.id).collect()
    }

    fn all(_: &ParticipantSummary) -> Sight {
        Sight::People
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
    fn ordered_by_a_column_up_or_down_and_then_paged() {
        let s = snapshot();
        let by = |by: SortKey, descending: bool| SearchQuery {
            order: Order { by, descending },
            ..SearchQuery::default()
        };
        let order = |q: SearchQuery| ids(&s.search(&q, NOW, &all));
        assert_eq!(order(by(SortKey::Name, false)), vec![1, 3, 2, 5, 4]);
        assert_eq!(order(by(SortKey::Name, true)), vec![4, 5, 2, 3, 1]);
        assert_eq!(order(by(SortKey::Role, false)), vec![3, 2, 5, 4, 1]);
        // Ties keep the directory's order, also when the column goes down.
        assert_eq!(order(by(SortKey::Participant, true)), vec![2, 1, 4, 3, 5]);
        // At 10:00 UTC on a Wednesday everyone but Tokyo (19:00) is within hours.
        assert_eq!(order(by(SortKey::WithinHours, false)), vec![5, 3, 2, 1, 4]);
        let paged = SearchQuery {
            page: 2,
            per_page: 2,
            ..by(SortKey::Name, false)
        };
        let r = s.search(&paged, NOW, &all);
        assert_eq!((ids(&r), r.total), (vec![2, 5], 5));
        // Exports follow the same order.
        let exported: Vec<i64> = s
            .matching(&by(SortKey::Name, true), NOW, &all)
            .iter()
            .map(|(e, _)| e.id)
            .collect();
        assert_eq!(exported, vec![4, 5, 2, 3, 1]);
    }

    #[test]
    fn the_order_never_hints_at_names_the_reader_may_not_see() {
        let s = snapshot();
        let no_people_in_asia = |p: &ParticipantSummary| {
            if p.region == "Asia" {
                Sight::WithoutPeople
            } else {
                Sight::People
            }
        };
        // Pakistan's and Japan's PoCs sort as unnamed, in the directory's
        // own order, whatever their names are.
        for by in [SortKey::Name, SortKey::Organisation] {
            let q = SearchQuery {
                order: Order {
                    by,
                    descending: false,
                },
                ..SearchQuery::default()
            };
            let r = s.search(&q, NOW, &no_people_in_asia);
            assert_eq!(ids(&r)[..3], [4, 2, 1], "{by:?}");
        }
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
        let seen = |yes: bool| if yes { Sight::People } else { Sight::Hidden };
        let participating_only = |p: &ParticipantSummary| seen(p.takes_part);
        let r = s.search(&SearchQuery::default(), NOW, &participating_only);
        assert_eq!(ids(&r), vec![3, 4, 2, 1]);
        let own_only = |p: &ParticipantSummary| seen(p.code == "FRA");
        assert_eq!(
            ids(&s.search(&SearchQuery::default(), NOW, &own_only)),
            vec![3]
        );
        let none = |_: &ParticipantSummary| Sight::Hidden;
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

    /// The plain reading of the filters, entry by entry: the index must
    /// give the same pages for every combination.
    fn reference(
        s: &DirectorySnapshot,
        q: &SearchQuery,
        sight: &dyn Fn(&ParticipantSummary) -> Sight,
    ) -> (usize, Vec<i64>) {
        let text = fold(q.text.trim());
        let matching: Vec<i64> = s
            .entries
            .iter()
            .filter(|e| {
                let Some(p) = s.participants.get(&e.participant) else {
                    return false;
                };
                let d = &e.details;
                let names = [&p.names.en, &p.names.fr].map(|n| fold(n)).join("\n");
                let hay = fold(&format!("{}\n{}\n{}", d.name, d.title, d.organisation));
                let seen = sight(p);
                seen != Sight::Hidden
                    && (q.region.is_empty() || p.region == q.region)
                    && (q.participant.is_empty() || p.code.eq_ignore_ascii_case(&q.participant))
                    && q.role.is_none_or(|r| r == e.role)
                    && (q.language.is_empty()
                        || d.languages
                            .iter()
                            .any(|l| primary_subtag(l) == primary_subtag(&q.language)))
                    && (q.time_zone.is_empty()
                        || d.time_zone == q.time_zone
                        || d.time_zone.starts_with(&format!("{}/", q.time_zone)))
                    && (text.is_empty()
                        || (seen == Sight::People && hay.contains(&text))
                        || names.contains(&text)
                        || p.code.to_lowercase() == text)
                    && (!q.within_hours_now || e.within_hours(NOW))
            })
            .map(|e| e.id)
            .collect();
        let per_page = if q.per_page == 0 {
            DEFAULT_PER_PAGE
        } else {
            q.per_page
        };
        let page: Vec<i64> = matching
            .iter()
            .skip((q.page.max(1) - 1) * per_page)
            .take(per_page)
            .copied()
            .collect();
        (matching.len(), page)
    }

    #[test]
    fn a_reader_who_may_not_see_people_never_finds_them_by_name() {
        let s = snapshot();
        let q = |text: &str| SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        };
        let without_people = |_: &ParticipantSummary| Sight::WithoutPeople;
        // Found by name by someone who may see them…
        assert!(s.search(&q("malik"), NOW, &all).total > 0);
        // …neither matched nor counted for someone who may not.
        let r = s.search(&q("malik"), NOW, &without_people);
        assert_eq!((r.total, r.entries.len()), (0, 0));
        assert!(s.matching(&q("malik"), NOW, &without_people).is_empty());
        // The State itself is found by its name, with all its PoCs.
        let by_state = s.search(&q("pakistan"), NOW, &without_people);
        assert_eq!(by_state.total, s.search(&q("pakistan"), NOW, &all).total);
        assert!(by_state.total > 0);
    }

    #[test]
    fn the_index_agrees_with_a_plain_scan() {
        let s = snapshot();
        let participating = |p: &ParticipantSummary| {
            if p.takes_part {
                Sight::People
            } else {
                Sight::Hidden
            }
        };
        // An auditor's sight: everyone, but people only outside Asia.
        let no_people_in_asia = |p: &ParticipantSummary| {
            if p.region == "Asia" {
                Sight::WithoutPeople
            } else {
                Sight::People
            }
        };
        let mut checked = 0;
        for text in [
            "", "a", "malik", "DUBOIS", "佐藤", "o", "japon", "pak", "officer", "zzz",
        ] {
            for region in ["", "Asia", "Europe"] {
                for role in [None, Some(PocRole::Technical), Some(PocRole::Diplomatic)] {
                    for language in ["", "en", "pt", "xx"] {
                        for time_zone in ["", "Asia", "America/Sao_Paulo"] {
                            for within_hours_now in [false, true] {
                                for (page, per_page) in [(1, 0), (1, 1), (2, 1), (2, 2)] {
                                    let q = SearchQuery {
                                        text: text.into(),
                                        region: region.into(),
                                        role,
                                        language: language.into(),
                                        time_zone: time_zone.into(),
                                        within_hours_now,
                                        page,
                                        per_page,
                                        ..SearchQuery::default()
                                    };
                                    for visible in [
                                        &all as &dyn Fn(&ParticipantSummary) -> Sight,
                                        &participating,
                                        &no_people_in_asia,
                                    ] {
                                        let r = s.search(&q, NOW, visible);
                                        assert_eq!(
                                            (r.total, ids(&r)),
                                            reference(&s, &q, visible),
                                            "{q:?}"
                                        );
                                        // Unpaged (an export): everything counted.
                                        assert_eq!(s.matching(&q, NOW, visible).len(), r.total);
                                        checked += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000);
    }

    #[tokio::test]
    async fn a_search_during_a_rebuild_gets_the_previous_snapshot() {
        use pocdir_domain::clock::ManualClock;
        use pocdir_domain::directory::participant::ParticipationStatus;
        use pocdir_domain::log::action::LogAction;
        use pocdir_domain::log::entry::{LogActor, LogDraft};
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("p.db").display());
        let store = pocdir_store::open(
            &url,
            pocdir_store::Keys::ephemeral(std::sync::Arc::new(pocdir_domain::entropy::OsEntropy))
                .unwrap(),
        )
        .await
        .unwrap();
        let clock = ManualClock::new(NOW);
        crate::seed_reference(store.as_ref(), &clock).await.unwrap();
        let index = DirectoryIndex::new(store.clone());
        let first = index.snapshot().await.unwrap();
        assert_eq!(first.revision, store.directory_revision().await.unwrap());

        let actor = LogActor {
            account_id: None,
            kind: "console".into(),
            participant: None,
        };
        let change = || async {
            let log = LogDraft::new(
                NOW,
                actor.clone(),
                LogAction::ParticipantStatus,
                "participant:FRA".into(),
            );
            assert!(store
                .change_participant_status(
                    "FRA",
                    ParticipationStatus::NotParticipating,
                    ParticipationStatus::Participating,
                    NOW,
                    log,
                )
                .await
                .unwrap());
        };
        change().await;
        // Someone else is rebuilding: the previous snapshot, at once.
        {
            let _other = index.rebuilding.lock().await;
            let during = tokio::time::timeout(std::time::Duration::from_secs(5), index.snapshot())
                .await
                .expect("answered without waiting for the rebuild")
                .unwrap();
            assert_eq!(during.revision, first.revision);
        }
        // Then the change is seen.
        let after = index.snapshot().await.unwrap();
        assert!(after.revision > first.revision);
        assert!(after.participants.get("FRA").is_some_and(|p| p.takes_part));
    }
}
