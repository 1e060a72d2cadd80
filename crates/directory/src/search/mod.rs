//! Browsing and searching the directory of active PoCs.
//!
//! The active directory is kept in memory as an index (`index.rs`) that a
//! change updates in place, one PoC or participant at a time: the instance
//! that makes a change applies it at once, the others when the log feed
//! shows it (within a poll), and a full rebuild happens only at the first
//! search and when the feed says changes were missed. A search asks the
//! database nothing.
//!
//! What a reader may see of each participant is decided by the caller (the
//! access policy) and passed in as a function: this module only filters.

mod bits;
mod index;
mod ngram;
#[cfg(test)]
mod tests;

use chrono_tz::Tz;
use index::{Directory, Prepared};
use pocdir_domain::directory::lifecycle::UnreadableDetails;
use pocdir_domain::directory::poc::{Availability, PendingAction, PocDetails, PocRole};
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::LogEntry;
use pocdir_store::{ParticipantNames, Poc, Store, StoreError, StoreResult};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};
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
    /// A change its State proposed, awaiting the secretariat.
    pub pending_action: Option<PendingAction>,
    /// The proposed details as stored (JSON), for those who administer the
    /// PoC; rare, so kept as they are.
    pub proposed: Option<String>,
    tz: Option<Tz>,
}

impl DirectoryEntry {
    /// Whether the PoC is within its hours of availability at `at`.
    pub fn within_hours(&self, at: OffsetDateTime) -> bool {
        self.tz
            .is_some_and(|tz| self.details.availability.covers(tz, at))
    }
}

pub use pocdir_domain::folding::fold;

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

/// The directory as one request reads it: the participants as they were
/// when it was taken, and the live index (each search reads it under a
/// lock, as it is at that moment). Cheap to clone.
#[derive(Debug, Clone)]
pub struct DirectorySnapshot {
    pub participants: Arc<HashMap<String, ParticipantSummary>>,
    directory: Arc<RwLock<Directory>>,
}

fn read(lock: &RwLock<Directory>) -> std::sync::RwLockReadGuard<'_, Directory> {
    lock.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn write(lock: &RwLock<Directory>) -> std::sync::RwLockWriteGuard<'_, Directory> {
    lock.write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn participant_summary(p: pocdir_store::Participant) -> ParticipantSummary {
    ParticipantSummary {
        takes_part: p.status.takes_part(),
        code: p.code,
        names: p.names,
        region: p.region,
    }
}

impl DirectorySnapshot {
    /// Builds a directory from the participants and their active PoCs. A
    /// PoC whose stored details cannot be read is an error that names it:
    /// it is never silently left out of the directory.
    pub fn build(
        participants: Vec<ParticipantSummary>,
        active: Vec<Poc>,
    ) -> Result<DirectorySnapshot, UnreadableDetails> {
        let directory = Directory::build(participants, &active)?;
        Ok(DirectorySnapshot {
            participants: directory.summaries(),
            directory: Arc::new(RwLock::new(directory)),
        })
    }

    /// The active PoC `id`, as the index has it now.
    pub fn poc(&self, id: i64) -> Option<Arc<DirectoryEntry>> {
        read(&self.directory).entry(id)
    }

    /// Every entry, in the directory's order: by participant (English
    /// name), role (diplomatic first), name.
    pub fn entries(&self) -> Vec<Arc<DirectoryEntry>> {
        read(&self.directory).entries()
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
    /// per time zone and hours, not per entry.
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
            read(&self.directory).find(query, now, sight, skip, per_page)
        } else {
            let mut all = read(&self.directory)
                .find(query, now, sight, 0, usize::MAX)
                .1;
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
        let mut all = read(&self.directory)
            .find(query, now, sight, 0, usize::MAX)
            .1;
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
}

/// Something a change touched, to read again after a rebuild.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Touched {
    Poc(i64),
    Participant(String),
}

#[derive(Debug, Default)]
struct Status {
    /// The index holds the directory (false before the first build).
    built: bool,
    /// Changes were missed: the next snapshot rebuilds.
    stale: bool,
    /// While a rebuild reads the store: what changes touched meanwhile,
    /// read again once the rebuilt index is in place.
    touched: Option<Vec<Touched>>,
}

/// Above this many PoCs in one batch of the log, a rebuild is cheaper
/// than reading each.
const MAX_READ_ONE_BY_ONE: usize = 2_000;

/// The directory kept in memory: built once, then changed entry by entry
/// (see the module's documentation).
pub struct DirectoryIndex {
    store: Arc<dyn Store>,
    directory: Arc<RwLock<Directory>>,
    status: Mutex<Status>,
    /// One rebuild at a time; others serve the index as it is meanwhile.
    rebuilding: tokio::sync::Mutex<()>,
    /// Participants are read again whole; one reader at a time, so that an
    /// older read is never applied after a newer one.
    participants_turn: tokio::sync::Mutex<()>,
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
            directory: Arc::new(RwLock::new(Directory::default())),
            status: Mutex::new(Status::default()),
            rebuilding: tokio::sync::Mutex::new(()),
            participants_turn: tokio::sync::Mutex::new(()),
        }
    }

    fn status(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn handle(&self) -> Arc<DirectorySnapshot> {
        Arc::new(DirectorySnapshot {
            participants: read(&self.directory).summaries(),
            directory: Arc::clone(&self.directory),
        })
    }

    /// How many active PoCs the index holds.
    pub fn len(&self) -> usize {
        read(&self.directory).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The directory as of now, only when it misses no change: what a read
    /// of one PoC may answer from instead of the store (built on first use;
    /// `None` while a rebuild after missed changes is due or under way).
    pub async fn fresh(&self) -> StoreResult<Option<Arc<DirectorySnapshot>>> {
        let snapshot = self.snapshot().await?;
        // A rebuild under way may be replacing an index that missed changes.
        let rebuilding = self.rebuilding.try_lock().is_err();
        let s = self.status();
        Ok((s.built && !s.stale && !rebuilding).then_some(snapshot))
    }

    /// The directory as of now. Built on first use; after missed changes,
    /// rebuilt by one request while the others read the index as it is.
    pub async fn snapshot(&self) -> StoreResult<Arc<DirectorySnapshot>> {
        let (built, stale) = {
            let s = self.status();
            (s.built, s.stale)
        };
        if built && !stale {
            return Ok(self.handle());
        }
        let _turn = match self.rebuilding.try_lock() {
            Ok(turn) => turn,
            Err(_) if built => return Ok(self.handle()),
            // Only the very first build is waited for.
            Err(_) => self.rebuilding.lock().await,
        };
        let (built, stale) = {
            let s = self.status();
            (s.built, s.stale)
        };
        if !built || stale {
            self.rebuild_now().await?;
        }
        Ok(self.handle())
    }

    /// Rebuilds from the store at once (the log feed said changes were
    /// missed). Searches read the previous index meanwhile.
    pub async fn rebuild(&self) -> StoreResult<()> {
        if !self.status().built {
            // Nothing built yet: the first search builds from the store.
            return Ok(());
        }
        let _turn = self.rebuilding.lock().await;
        self.rebuild_now().await
    }

    /// Reads everything and replaces the index; the caller holds `rebuilding`.
    async fn rebuild_now(&self) -> StoreResult<()> {
        {
            let mut s = self.status();
            s.touched = Some(Vec::new());
            s.stale = false;
        }
        let built = self.read_and_build().await;
        let touched = {
            let mut s = self.status();
            let touched = s.touched.take().unwrap_or_default();
            match built {
                Ok(directory) => {
                    *write(&self.directory) = directory;
                    s.built = true;
                    touched
                }
                Err(e) => {
                    s.stale = true;
                    return Err(e);
                }
            }
        };
        // Changes made while the store was being read: read them again.
        let touched: BTreeSet<Touched> = touched.into_iter().collect();
        for t in touched {
            match t {
                Touched::Poc(id) => self.refresh_poc(id).await?,
                Touched::Participant(code) => self.refresh_participant(&code).await?,
            }
        }
        Ok(())
    }

    async fn read_and_build(&self) -> StoreResult<Directory> {
        let participants: Vec<ParticipantSummary> = self
            .store
            .participants()
            .await?
            .into_iter()
            .map(participant_summary)
            .collect();
        let active = self.store.active_pocs().await?;
        // Building takes about a second at 100,000 PoCs: off the async workers.
        let built =
            tokio::task::spawn_blocking(move || Directory::build(participants, &active)).await;
        match built {
            Ok(Ok(directory)) => Ok(directory),
            // Named, and the build fails: a PoC is never silently left out.
            Ok(Err(unreadable)) => {
                tracing::error!(error = %unreadable, "the directory cannot be built");
                Err(StoreError::Corrupt(unreadable.to_string()))
            }
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            // Only when the runtime shuts down under us.
            Err(e) => Err(StoreError::Corrupt(format!("directory build stopped: {e}"))),
        }
    }

    fn note(&self, touched: Touched, apply: impl FnOnce(&mut Directory)) {
        let mut s = self.status();
        if let Some(list) = s.touched.as_mut() {
            list.push(touched);
        }
        apply(&mut write(&self.directory));
    }

    /// A PoC as the store returned it after a change on this instance:
    /// applied at once, so that the next search sees it.
    pub fn poc_changed(&self, poc: &Poc) {
        match Prepared::of(poc) {
            Ok(prepared) => self.note(Touched::Poc(poc.id), |d| d.apply(prepared)),
            Err(unreadable) => {
                // The next search rebuilds, and fails naming the PoC.
                tracing::error!(error = %unreadable, "a changed PoC cannot be read");
                self.status().stale = true;
            }
        }
    }

    /// Reads PoC `id` again and applies it.
    pub async fn refresh_poc(&self, id: i64) -> StoreResult<()> {
        match self.store.poc(id).await? {
            Some(poc) => self.poc_changed(&poc),
            None => self.status().stale = true,
        }
        Ok(())
    }

    /// Reads participant `code` again and applies it.
    pub async fn refresh_participant(&self, code: &str) -> StoreResult<()> {
        let _turn = self.participants_turn.lock().await;
        match self.store.participant(code).await? {
            Some(p) => {
                let summary = participant_summary(p);
                self.note(Touched::Participant(code.to_string()), |d| {
                    d.set_participant(summary)
                });
            }
            None => self.status().stale = true,
        }
        Ok(())
    }

    /// Follows entries of the log (from the feed, whichever instance wrote
    /// them): reads again what they changed in the directory.
    pub async fn follow(&self, entries: &[LogEntry]) {
        if !self.status().built {
            // The first search builds from the store as it is then.
            return;
        }
        let mut pocs = BTreeSet::new();
        let mut participants = BTreeSet::new();
        let mut everything = false;
        for e in entries {
            let Some(action) = LogAction::from_stored(&e.action) else {
                continue;
            };
            match action {
                LogAction::PocPropose
                | LogAction::PocProposeUpdate
                | LogAction::PocProposeWithdrawal
                | LogAction::PocApprove
                | LogAction::PocReject
                | LogAction::PocConfirm => {
                    match e
                        .object
                        .strip_prefix("poc:")
                        .and_then(|id| id.parse::<i64>().ok())
                    {
                        Some(id) => {
                            pocs.insert(id);
                        }
                        None => everything = true,
                    }
                }
                LogAction::ParticipantCreate | LogAction::ParticipantStatus => {
                    match e.object.strip_prefix("participant:") {
                        Some(code) => {
                            participants.insert(code.to_string());
                        }
                        None => everything = true,
                    }
                }
                LogAction::ParticipantsSeed => everything = true,
                _ => {}
            }
        }
        if pocs.len() > MAX_READ_ONE_BY_ONE {
            everything = true;
        }
        let result = if everything {
            self.rebuild().await
        } else {
            self.refresh(&participants, &pocs).await
        };
        if let Err(error) = result {
            tracing::warn!(%error, "the directory could not follow a change; it is rebuilt at the next search");
            self.status().stale = true;
        }
    }

    async fn refresh(
        &self,
        participants: &BTreeSet<String>,
        pocs: &BTreeSet<i64>,
    ) -> StoreResult<()> {
        for code in participants {
            self.refresh_participant(code).await?;
        }
        for &id in pocs {
            self.refresh_poc(id).await?;
        }
        Ok(())
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
