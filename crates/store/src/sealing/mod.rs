//! Sealing at rest: the columns the database never holds in clear (TOTP
//! secrets, accounts' and invitations' e-mail addresses, PoCs' details and
//! their history, the outbox's recipient, subject and body, communications'
//! content and attachments, and whatever a capability adds to
//! [`SEALED_COLUMNS`]), the keys they are sealed with ([`Keys`]), and the
//! passes over all of them: sealing the values an older version wrote in
//! clear (once, at open, after the migrations: SQL cannot encrypt) and
//! re-sealing under a new current key (`pocdir keys rotate`), in batches,
//! each row written only if unchanged since it was read, while the
//! service runs.
//!
//! A capability seals a value with `self.keys.seal_str("table.column", …)`
//! before binding it and opens it with `open_str` when converting its row;
//! a value that does not open is `StoreError::Corrupt` naming table and row.
//! SQL never looks a sealed value up: a column that must be searched (an
//! account by its e-mail) has a keyed blind index beside it
//! ([`Keys::blind_index`]), written with the value and kept by rotation.

mod keys;
mod store;

pub use keys::{KeySource, Keys};

use crate::StoreResult;
use async_trait::async_trait;
use std::collections::BTreeMap;

/// How a sealed column stores its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// TEXT: `seal1.<key id>.<base64>`.
    Text,
    /// BLOB/BYTEA: version byte, key id, nonce, ciphertext (attachments).
    Bytes,
}

/// One sealed column: where it is, how a row is named, its purpose (the
/// AEAD's associated data, so a value does not open in another column).
#[derive(Debug, Clone, Copy)]
pub(crate) struct SealedColumn {
    pub table: &'static str,
    /// The row's key: one BIGINT column, and a second one or `CAST(0 AS BIGINT)`.
    pub key: &'static str,
    pub key2: &'static str,
    pub column: &'static str,
    pub purpose: &'static str,
    pub form: Form,
    /// The column holding the value's blind index, when SQL looks it up.
    pub index: Option<&'static str>,
}

const NO_KEY2: &str = "CAST(0 AS BIGINT)";

/// Purposes, one per column (used by the capabilities to seal and open).
pub(crate) const TOTP_SECRET: &str = "accounts.totp_secret";
pub(crate) const ACCOUNT_EMAIL: &str = "accounts.email";
pub(crate) const INVITATION_EMAIL: &str = "invitations.email";
/// A PoC's current and pending details share one purpose: approving moves
/// the pending value into `active` as it is (the directory benchmark does
/// that in SQL).
pub(crate) const POC_DETAILS: &str = "pocs.details";
pub(crate) const POC_HISTORY_DETAILS: &str = "poc_history.details";
pub(crate) const MAIL_RECIPIENT: &str = "outbox.recipient";
pub(crate) const MAIL_SUBJECT: &str = "outbox.subject";
pub(crate) const MAIL_BODY: &str = "outbox.body";
pub(crate) const REPORTER_EMAIL: &str = "reporters.contact_email";
pub(crate) const REPORTER_OPENPGP_KEY: &str = "reporters.openpgp_key";

const fn text(
    table: &'static str,
    key: &'static str,
    key2: &'static str,
    column: &'static str,
    purpose: &'static str,
) -> SealedColumn {
    SealedColumn {
        table,
        key,
        key2,
        column,
        purpose,
        form: Form::Text,
        index: None,
    }
}

/// A TEXT column that SQL looks up by the blind index in `index`.
const fn indexed(table: &'static str, column: &'static str, purpose: &'static str) -> SealedColumn {
    SealedColumn {
        table,
        key: "id",
        key2: NO_KEY2,
        column,
        purpose,
        form: Form::Text,
        index: Some("email_index"),
    }
}

/// Every sealed column: what `keys rotate` re-seals and `keys status` counts.
/// A capability that seals a new column adds it here.
pub(crate) const SEALED_COLUMNS: &[SealedColumn] = &[
    text("accounts", "id", NO_KEY2, "totp_secret", TOTP_SECRET),
    indexed("accounts", "email", ACCOUNT_EMAIL),
    indexed("invitations", "email", INVITATION_EMAIL),
    text("pocs", "id", NO_KEY2, "active", POC_DETAILS),
    text("pocs", "id", NO_KEY2, "pending", POC_DETAILS),
    text(
        "poc_history",
        "poc_id",
        "version",
        "details",
        POC_HISTORY_DETAILS,
    ),
    text("outbox", "id", NO_KEY2, "recipient", MAIL_RECIPIENT),
    text("outbox", "id", NO_KEY2, "subject", MAIL_SUBJECT),
    text("outbox", "id", NO_KEY2, "body", MAIL_BODY),
    text(
        "communications",
        "id",
        NO_KEY2,
        "content",
        "communications.content",
    ),
    text(
        "communication_attachments",
        "id",
        NO_KEY2,
        "name",
        "communication_attachments.name",
    ),
    text(
        "ping_challenges",
        "id",
        NO_KEY2,
        "token",
        "ping_challenges.token",
    ),
    text(
        "ping_challenges",
        "id",
        NO_KEY2,
        "email",
        "ping_challenges.email",
    ),
    text(
        "ping_challenges",
        "id",
        NO_KEY2,
        "note",
        "ping_challenges.note",
    ),
    text("reporters", "id", NO_KEY2, "contact_email", REPORTER_EMAIL),
    text(
        "reporters",
        "id",
        NO_KEY2,
        "openpgp_key",
        REPORTER_OPENPGP_KEY,
    ),
    text("reports", "id", NO_KEY2, "content", "reports.content"),
    text(
        "taxii_objects",
        "seq",
        NO_KEY2,
        "json",
        "taxii_objects.json",
    ),
    text(
        "report_messages",
        "id",
        NO_KEY2,
        "body",
        "report_messages.body",
    ),
    text(
        "report_attachments",
        "id",
        NO_KEY2,
        "name",
        "report_attachments.name",
    ),
    SealedColumn {
        table: "library_documents",
        key: "id",
        key2: NO_KEY2,
        column: "bytes",
        purpose: "library_documents.bytes",
        form: Form::Bytes,
        index: None,
    },
    SealedColumn {
        table: "report_attachments",
        key: "id",
        key2: NO_KEY2,
        column: "bytes",
        purpose: "report_attachments.bytes",
        form: Form::Bytes,
        index: None,
    },
    text("exercises", "id", NO_KEY2, "scenario", "exercises.scenario"),
    text(
        "capacity_requests",
        "id",
        NO_KEY2,
        "description",
        "capacity_requests.description",
    ),
    text(
        "capacity_offers",
        "id",
        NO_KEY2,
        "description",
        "capacity_offers.description",
    ),
    text(
        "capacity_follow_ups",
        "id",
        NO_KEY2,
        "what_changed",
        "capacity_follow_ups.what_changed",
    ),
    text(
        "capacity_readiness",
        "id",
        NO_KEY2,
        "answers",
        "capacity_readiness.answers",
    ),
    text(
        "exercise_improvements",
        "id",
        NO_KEY2,
        "issue",
        "exercise_improvements.issue",
    ),
    text(
        "exercise_improvements",
        "id",
        NO_KEY2,
        "recommendation",
        "exercise_improvements.recommendation",
    ),
    text(
        "exercise_deliveries",
        "inject_id",
        "account_id",
        "reply",
        "exercise_deliveries.reply",
    ),
    text(
        "exercise_expectations",
        "id",
        NO_KEY2,
        "comment",
        "exercise_expectations.comment",
    ),
    text(
        "exercise_feedback",
        "exercise_id",
        "account_id",
        "went_well",
        "exercise_feedback.went_well",
    ),
    text(
        "exercise_feedback",
        "exercise_id",
        "account_id",
        "to_improve",
        "exercise_feedback.to_improve",
    ),
    SealedColumn {
        table: "communication_attachments",
        key: "id",
        key2: NO_KEY2,
        column: "bytes",
        purpose: "communication_attachments.bytes",
        form: Form::Bytes,
        index: None,
    },
];

/// How many stored values are sealed under each key id (`None`: in clear,
/// which only a database not yet opened by this version holds).
pub type SealedCounts = BTreeMap<Option<String>, u64>;

#[async_trait]
pub trait SealStore: Send + Sync {
    /// Re-seals under the current key every sealed value that is under
    /// another key (or in clear), `batch` rows per transaction, each row
    /// written only if unchanged since it was read; returns how many were
    /// re-sealed. Safe to run while the service writes.
    async fn reseal_all(&self, batch: u32) -> StoreResult<u64>;
    /// How many values are under each key id, over every sealed column.
    async fn sealed_counts(&self) -> StoreResult<SealedCounts>;
    /// The key id new values are sealed under.
    fn current_key_id(&self) -> String;
}

/// A row with sealed columns: converted with the keys that open them.
pub(crate) trait OpenRow: Sized {
    type Out;
    fn open(self, keys: &Keys) -> StoreResult<Self::Out>;
}

/// Converts a list of rows with sealed columns, failing on the first that
/// cannot be read or opened.
pub(crate) fn open_all<R: OpenRow>(rows: Vec<R>, keys: &Keys) -> StoreResult<Vec<R::Out>> {
    rows.into_iter().map(|r| r.open(keys)).collect()
}
