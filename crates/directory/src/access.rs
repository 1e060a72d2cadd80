//! Read transparency and refusals: every read of another State's contact
//! details, and every refused attempt on a State's directory, is logged
//! where that State can see it.

use pocdir_domain::clock::Clock;
use pocdir_domain::directory::lifecycle::Poc;
use pocdir_domain::log::entry::{ContentError, LogDraft};
use pocdir_domain::log::events;
use pocdir_domain::requester::Requester;
use pocdir_store::{LogStore, StoreError};

/// Why a read could not be recorded.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Content(#[from] ContentError),
}

/// The policy said no; the attempt is in the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this account may not do that for that State (the attempt is logged)")]
pub struct Refused;

/// Where reads and refusals are written.
#[derive(Clone, Copy)]
pub struct DirectoryAccess<'a> {
    log: &'a dyn LogStore,
    clock: &'a dyn Clock,
}

impl<'a> DirectoryAccess<'a> {
    pub fn new(log: &'a dyn LogStore, clock: &'a dyn Clock) -> Self {
        DirectoryAccess { log, clock }
    }

    /// Records that `who` was refused `what` (e.g. `poc:12`,
    /// `participant:FRA/pocs`) of participant `code`. The refusal stands
    /// even if the log cannot take the entry; that failure is reported in
    /// the server's own log.
    pub async fn refuse(&self, who: &Requester, what: &str, code: &str) -> Refused {
        let entry = events::access_refused(self.clock.now(), who.log.clone(), what, code);
        if let Err(e) = self.log.append_log(&[entry]).await {
            tracing::error!(error = %e, "cannot record a refused access");
        }
        tracing::warn!(
            account = who.account_id(),
            target = code,
            what,
            "directory access refused"
        );
        Refused
    }

    /// Logs one read per PoC of participant `code` whose verified details
    /// were shown to `who` through `path` (`page`, `api`); reads of one's
    /// own State are not logged.
    pub async fn record_reads<'p>(
        &self,
        who: &Requester,
        code: &str,
        shown: impl Iterator<Item = &'p Poc>,
        path: &str,
    ) -> Result<(), RecordError> {
        if who.is_of(code) {
            return Ok(());
        }
        let shown = shown
            .filter(|p| p.active.is_some())
            .map(|p| (code, p.id, p.version));
        self.append_reads(who, shown, path).await
    }

    /// Logs one read of PoC `id` at `version`, of participant `code`,
    /// shown to `who` through `path`; reads of one's own State are not
    /// logged.
    pub async fn record_read(
        &self,
        who: &Requester,
        code: &str,
        id: i64,
        version: i64,
        path: &str,
    ) -> Result<(), RecordError> {
        if who.is_of(code) {
            return Ok(());
        }
        self.append_reads(who, std::iter::once((code, id, version)), path)
            .await
    }

    /// Logs the reads of an export: one entry per (participant, PoC id,
    /// version) exported of another State, all in one transaction.
    pub async fn record_export<'p>(
        &self,
        who: &Requester,
        exported: impl Iterator<Item = (&'p str, i64, i64)>,
    ) -> Result<(), RecordError> {
        let exported = exported.filter(|(code, _, _)| !who.is_of(code));
        self.append_reads(who, exported, "export").await
    }

    /// Logs the OpenPGP keys handed out to encrypt an end-to-end message
    /// to: each is a contact detail of its entry, one read per (participant,
    /// PoC id, version) of another State, all in one transaction.
    pub async fn record_key_reads<'p>(
        &self,
        who: &Requester,
        keys: impl Iterator<Item = (&'p str, i64, i64)>,
    ) -> Result<(), RecordError> {
        self.append_reads(who, keys, "e2e-key").await
    }

    /// One `poc.read` entry per (participant, PoC id, version), all in one
    /// transaction; nothing when there is none.
    async fn append_reads<'p>(
        &self,
        who: &Requester,
        reads: impl Iterator<Item = (&'p str, i64, i64)>,
        path: &str,
    ) -> Result<(), RecordError> {
        self.append_reads_and(who, reads, path, Vec::new()).await
    }

    /// The reads, then `also`, in one append.
    async fn append_reads_and<'p>(
        &self,
        who: &Requester,
        reads: impl Iterator<Item = (&'p str, i64, i64)>,
        path: &str,
        also: Vec<LogDraft>,
    ) -> Result<(), RecordError> {
        let entries = Self::read_entries(who, reads, path, also, self.clock.now())?;
        if !entries.is_empty() {
            self.log.append_log(&entries).await?;
        }
        Ok(())
    }

    /// One `poc.read` entry per (participant, PoC id, version) shown to
    /// `who` through `path`, then `also`: for a caller that writes them in
    /// a transaction of its own (a crisis pack's mail).
    pub fn read_entries<'p>(
        who: &Requester,
        reads: impl Iterator<Item = (&'p str, i64, i64)>,
        path: &str,
        also: Vec<LogDraft>,
        now: time::OffsetDateTime,
    ) -> Result<Vec<LogDraft>, RecordError> {
        let mut entries = reads
            .filter(|(code, _, _)| !who.is_of(code))
            .map(|(code, id, version)| {
                events::poc_read(now, who.log.clone(), code, id, version, path)
            })
            .collect::<Result<Vec<LogDraft>, _>>()?;
        entries.extend(also);
        Ok(entries)
    }
}
