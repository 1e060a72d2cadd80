//! Verified credentials kept in memory, so that a signed-in request costs
//! no database round trip in the common case.
//!
//! Entries are keyed by the hash of the secret (the cookie or the token),
//! never the secret itself, and hold what [`identity`](super::identity)
//! would otherwise read: the session or token and its account. They go:
//!
//! - at once, when this process commits a change to them: the store tells
//!   the cache of every committed log entry ([`CommitObserver`]), and every
//!   change that matters to a credential is logged (sign-out, revocation,
//!   password change or reset, disable, second factor reset, language…);
//! - within one poll of the log, when another instance (or the console)
//!   made the change: the cache follows [`LogFeed`], and drops everything
//!   when the feed says it missed entries;
//! - when expired by their own times (checked on every use), and after
//!   [`TTL`] whatever happens, as a safety net.
//!
//! "Last seen" times are not written per request: they are collected here
//! and written in one transaction every [`TOUCH_FLUSH_EVERY`] and at shutdown.

use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::LogEntry;
use pocdir_log::feed::{FeedEvent, LogFeed};
use pocdir_store::{Account, ApiToken, CommitObserver, Session, SessionStore, Store};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use time::{Duration, OffsetDateTime};
use tokio::sync::broadcast::error::RecvError;

/// Most credentials kept; beyond, the oldest entries go.
pub const CAPACITY: usize = 10_000;
/// An entry is read again from the store after this long, whatever happens.
pub const TTL: Duration = Duration::seconds(60);
/// How often collected "last seen" times are written.
pub const TOUCH_FLUSH_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// A verified credential as cached.
#[derive(Debug, Clone)]
pub enum CachedCredential {
    Session(Session),
    Token(ApiToken),
}

#[derive(Debug, Clone)]
pub struct Cached {
    pub credential: CachedCredential,
    pub account: Account,
}

struct Entry {
    cached: Cached,
    cached_at: OffsetDateTime,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<String, Entry>,
    /// Bumped by every invalidation: a value read from the store before an
    /// invalidation is not cached after it (see [`CredentialCache::put`]).
    epoch: u64,
    session_touches: HashMap<i64, OffsetDateTime>,
    token_touches: HashMap<i64, OffsetDateTime>,
}

/// What a logged change makes stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stale {
    Session(i64),
    Token(i64),
    Account(i64),
    All,
}

impl Stale {
    fn covers(self, cached: &Cached) -> bool {
        match (self, &cached.credential) {
            (Stale::All, _) => true,
            (Stale::Account(id), _) => cached.account.id == id,
            (Stale::Session(id), CachedCredential::Session(s)) => s.id == id,
            (Stale::Token(id), CachedCredential::Token(t)) => t.id == id,
            _ => false,
        }
    }
}

fn object_id(object: &str, prefix: &str) -> Option<i64> {
    object
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix(':'))
        .and_then(|id| id.parse().ok())
}

/// What a log entry makes stale among cached credentials, if anything.
/// Every action on an account, its sessions, tokens or second factor
/// counts, except those that change nothing already cached (new
/// sessions, new tokens, invitations, reset requests).
pub fn stale_by(entry: &LogEntry) -> Option<Stale> {
    let action = entry.action.as_str();
    let object = entry.object.as_str();
    let is = |a: LogAction| action == a.as_str();
    if is(LogAction::SessionSignOut) || is(LogAction::SessionRevoke) {
        // An unreadable object: drop everything rather than keep a revoked session.
        return Some(object_id(object, "session").map_or(Stale::All, Stale::Session));
    }
    if is(LogAction::TokenRevoke) {
        return Some(object_id(object, "token").map_or(Stale::All, Stale::Token));
    }
    if is(LogAction::SessionSignIn)
        || is(LogAction::TokenCreate)
        || is(LogAction::AccountCreate)
        || is(LogAction::AccountInvite)
        || is(LogAction::AccountInviteRevoke)
        || is(LogAction::AccountInviteAccept)
        || is(LogAction::AccountPasswordResetRequest)
    {
        return None;
    }
    if is(LogAction::AccountPocLink) {
        // The account is named only in the content (not in the entry).
        return Some(Stale::All);
    }
    let about_accounts = action.starts_with("account.")
        || action.starts_with("session.")
        || action.starts_with("token.")
        || action.starts_with("security_key.");
    if !about_accounts {
        return None;
    }
    // Whose account: the object when it names one, else the actor (an
    // account acting on itself, e.g. a security key).
    Some(
        object_id(object, "account")
            .or(entry.actor_account_id)
            .map_or(Stale::All, Stale::Account),
    )
}

/// The cache of one server process; see the module's note.
#[derive(Default)]
pub struct CredentialCache {
    inner: Mutex<Inner>,
}

impl std::fmt::Debug for CredentialCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CredentialCache { <secret hashes> }")
    }
}

impl CredentialCache {
    /// A cache that follows the changes committed through `store` at once,
    /// those of other instances through `changes`, and writes "last seen"
    /// times every [`TOUCH_FLUSH_EVERY`]. Its tasks end when it is dropped.
    pub fn start(store: Arc<dyn Store>, changes: &LogFeed) -> Arc<CredentialCache> {
        let cache = Arc::new(CredentialCache::default());
        let weak = Arc::downgrade(&cache);
        let observer: Weak<dyn CommitObserver> = weak.clone();
        store.observe_commits(observer);
        tokio::spawn(follow(changes.subscribe(), weak.clone()));
        tokio::spawn(flush_every(store, weak, TOUCH_FLUSH_EVERY));
        cache
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave an entry half-written
        // in a way that matters: every change is one map operation.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The credential cached under `hash`, unless older than [`TTL`].
    pub fn get(&self, hash: &str, now: OffsetDateTime) -> Option<Cached> {
        let mut inner = self.lock();
        let entry = inner.entries.get(hash)?;
        if now >= entry.cached_at + TTL || now < entry.cached_at {
            inner.entries.remove(hash);
            return None;
        }
        Some(entry.cached.clone())
    }

    /// Read before reading the store, given back to [`put`](Self::put).
    pub fn epoch(&self) -> u64 {
        self.lock().epoch
    }

    /// Caches a credential read from the store, unless an invalidation came
    /// since `epoch` was taken (the value read may predate it).
    pub fn put(&self, hash: String, cached: Cached, now: OffsetDateTime, epoch: u64) {
        let mut inner = self.lock();
        if inner.epoch != epoch {
            return;
        }
        if inner.entries.len() >= CAPACITY && !inner.entries.contains_key(&hash) {
            inner.entries.retain(|_, e| now < e.cached_at + TTL);
            if inner.entries.len() >= CAPACITY {
                let oldest = inner
                    .entries
                    .iter()
                    .min_by_key(|(_, e)| e.cached_at)
                    .map(|(k, _)| k.clone());
                if let Some(oldest) = oldest {
                    inner.entries.remove(&oldest);
                }
            }
        }
        inner.entries.insert(
            hash,
            Entry {
                cached,
                cached_at: now,
            },
        );
    }

    /// Drops what `stale` names, and whatever is being read from the store now.
    pub fn forget(&self, stale: &[Stale]) {
        if stale.is_empty() {
            return;
        }
        let mut inner = self.lock();
        inner.epoch = inner.epoch.wrapping_add(1);
        if stale.contains(&Stale::All) {
            inner.entries.clear();
        } else {
            inner
                .entries
                .retain(|_, e| !stale.iter().any(|s| s.covers(&e.cached)));
        }
    }

    /// Drops one entry (e.g. one that looked expired: the store decides).
    pub fn forget_hash(&self, hash: &str) {
        let mut inner = self.lock();
        inner.epoch = inner.epoch.wrapping_add(1);
        inner.entries.remove(hash);
    }

    /// Drops what `entries` (committed changes) make stale.
    pub fn follow(&self, entries: &[LogEntry]) {
        let stale: Vec<Stale> = entries.iter().filter_map(stale_by).collect();
        self.forget(&stale);
    }

    /// Session `id` (cached under `hash`, if it is) was used at `at`:
    /// remembered, and written with the next batch.
    pub fn session_seen(&self, hash: &str, id: i64, at: OffsetDateTime) {
        let mut inner = self.lock();
        if let Some(CachedCredential::Session(s)) = inner
            .entries
            .get_mut(hash)
            .map(|e| &mut e.cached.credential)
        {
            s.last_seen_at = s.last_seen_at.max(at);
        }
        let t = inner.session_touches.entry(id).or_insert(at);
        *t = (*t).max(at);
    }

    /// Token `id` was used at `at`: as [`session_seen`](Self::session_seen).
    pub fn token_seen(&self, hash: &str, id: i64, at: OffsetDateTime) {
        let mut inner = self.lock();
        if let Some(CachedCredential::Token(t)) = inner
            .entries
            .get_mut(hash)
            .map(|e| &mut e.cached.credential)
        {
            t.last_used_at = Some(t.last_used_at.map_or(at, |u| u.max(at)));
        }
        let t = inner.token_touches.entry(id).or_insert(at);
        *t = (*t).max(at);
    }

    /// When session `id` was last seen here but not yet written, if so.
    pub fn unwritten_session_touch(&self, id: i64) -> Option<OffsetDateTime> {
        self.lock().session_touches.get(&id).copied()
    }

    /// Writes the collected "last seen" times in one transaction; on
    /// failure they are kept for the next try.
    pub async fn flush(&self, store: &dyn SessionStore) {
        let (sessions, tokens) = {
            let mut inner = self.lock();
            (
                std::mem::take(&mut inner.session_touches),
                std::mem::take(&mut inner.token_touches),
            )
        };
        if sessions.is_empty() && tokens.is_empty() {
            return;
        }
        let s: Vec<(i64, OffsetDateTime)> = sessions.iter().map(|(k, v)| (*k, *v)).collect();
        let t: Vec<(i64, OffsetDateTime)> = tokens.iter().map(|(k, v)| (*k, *v)).collect();
        if let Err(error) = store.touch_credentials(&s, &t).await {
            tracing::warn!(%error, "cannot write when sessions and tokens were last used; will retry");
            let mut inner = self.lock();
            for (id, at) in sessions {
                let e = inner.session_touches.entry(id).or_insert(at);
                *e = (*e).max(at);
            }
            for (id, at) in tokens {
                let e = inner.token_touches.entry(id).or_insert(at);
                *e = (*e).max(at);
            }
        }
    }

    /// How many credentials are cached (for tests and metrics).
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl CommitObserver for CredentialCache {
    fn committed(&self, entries: &[LogEntry]) {
        self.follow(entries);
    }
}

/// Follows the other instances' changes until the cache or the feed goes.
async fn follow(
    mut changes: tokio::sync::broadcast::Receiver<FeedEvent>,
    cache: Weak<CredentialCache>,
) {
    loop {
        let event = changes.recv().await;
        let Some(cache) = cache.upgrade() else {
            return;
        };
        match event {
            Ok(FeedEvent::Entries(entries)) => cache.follow(&entries),
            Ok(FeedEvent::Resync) | Err(RecvError::Lagged(_)) => cache.forget(&[Stale::All]),
            Err(RecvError::Closed) => return,
        }
    }
}

async fn flush_every(
    store: Arc<dyn Store>,
    cache: Weak<CredentialCache>,
    every: std::time::Duration,
) {
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        let Some(cache) = cache.upgrade() else {
            return;
        };
        cache.flush(store.as_ref()).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_domain::account::AccountKind;
    use time::macros::datetime;

    fn entry(action: LogAction, object: &str, actor: Option<i64>) -> LogEntry {
        LogEntry {
            index: 0,
            at: 0,
            actor_account_id: actor,
            actor_kind: "secretariat".into(),
            actor_participant: None,
            action: action.as_str().into(),
            object: object.into(),
            participant: None,
            content_hash: String::new(),
        }
    }

    #[test]
    fn log_entries_name_what_they_make_stale() {
        use LogAction as A;
        let cases = [
            (A::SessionSignOut, "session:4", Some(Stale::Session(4))),
            (A::SessionRevoke, "session:5", Some(Stale::Session(5))),
            (A::TokenRevoke, "token:6", Some(Stale::Token(6))),
            (A::AccountDisable, "account:7", Some(Stale::Account(7))),
            (A::AccountMfaReset, "account:7", Some(Stale::Account(7))),
            (
                A::AccountPasswordChange,
                "account:8",
                Some(Stale::Account(8)),
            ),
            (
                A::AccountPasswordReset,
                "account:8",
                Some(Stale::Account(8)),
            ),
            (A::AccountLanguage, "account:8", Some(Stale::Account(8))),
            (
                A::SecurityKeyRemove,
                "security_key:3",
                Some(Stale::Account(1)),
            ),
            (A::AccountPocLink, "poc:9", Some(Stale::All)),
            (A::SessionRevoke, "session:x", Some(Stale::All)),
            (A::TokenCreate, "token:6", None),
            (A::SessionSignIn, "account:1", None),
            (A::PocRead, "poc:9", None),
            (A::MailQueue, "mail:1", None),
        ];
        for (action, object, expected) in cases {
            assert_eq!(
                stale_by(&entry(action, object, Some(1))),
                expected,
                "{action:?} {object}"
            );
        }
    }

    fn session(id: i64, account: i64) -> Cached {
        let t = datetime!(2026-05-01 08:00 UTC);
        Cached {
            credential: CachedCredential::Session(Session {
                id,
                token_hash: format!("h{id}"),
                account_id: account,
                mfa_done: true,
                created_at: t,
                last_seen_at: t,
                expires_at: t + Duration::hours(12),
                user_agent: String::new(),
                client_address: String::new(),
            }),
            account: Account {
                id: account,
                email: "a@example.org".into(),
                kind: AccountKind::Secretariat,
                participant: None,
                display_name: String::new(),
                password_hash: String::new(),
                totp_secret: None,
                totp_enrolled: true,
                totp_last_step: None,
                demo: false,
                disabled: false,
                password_change_required: false,
                language: None,
                created_at: t,
            },
        }
    }

    #[test]
    fn entries_go_when_stale_or_old_and_reads_older_than_an_invalidation_stay_out() {
        let cache = CredentialCache::default();
        let now = datetime!(2026-05-01 08:00 UTC);
        let e = cache.epoch();
        cache.put("a".into(), session(1, 10), now, e);
        cache.put("b".into(), session(2, 11), now, e);
        assert!(cache.get("a", now).is_some());
        cache.forget(&[Stale::Session(1)]);
        assert!(cache.get("a", now).is_none());
        assert!(cache.get("b", now).is_some());
        // Read from the store before that invalidation: not cached.
        cache.put("a".into(), session(1, 10), now, e);
        assert!(cache.get("a", now).is_none());
        cache.forget(&[Stale::Account(11)]);
        assert!(cache.get("b", now).is_none());
        let e = cache.epoch();
        cache.put("c".into(), session(3, 12), now, e);
        assert!(cache.get("c", now + TTL - Duration::seconds(1)).is_some());
        assert!(cache.get("c", now + TTL).is_none(), "the safety net");
    }

    #[test]
    fn the_cache_is_bounded() {
        let cache = CredentialCache::default();
        let now = datetime!(2026-05-01 08:00 UTC);
        let e = cache.epoch();
        for i in 0..(CAPACITY as i64 + 10) {
            cache.put(
                format!("k{i}"),
                session(i, i),
                now + Duration::milliseconds(i),
                e,
            );
        }
        assert_eq!(cache.len(), CAPACITY);
        assert!(cache.get("k0", now).is_none(), "the oldest went first");
    }

    #[test]
    fn touches_are_collected_latest_first() {
        let cache = CredentialCache::default();
        let now = datetime!(2026-05-01 08:00 UTC);
        cache.put("a".into(), session(1, 10), now, cache.epoch());
        cache.session_seen("a", 1, now + Duration::minutes(2));
        cache.session_seen("a", 1, now + Duration::minutes(1));
        assert_eq!(
            cache.unwritten_session_touch(1),
            Some(now + Duration::minutes(2))
        );
        let Some(Cached {
            credential: CachedCredential::Session(s),
            ..
        }) = cache.get("a", now)
        else {
            panic!("cached")
        };
        assert_eq!(s.last_seen_at, now + Duration::minutes(2));
    }
}
