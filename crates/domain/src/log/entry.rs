//! One log entry: who did what to which object, when, and a hash of the
//! content (never the confidential content itself).

use super::action::LogAction;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Who acted: an account, or the console (admin commands, the demo).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogActor {
    /// Account id, or None for the console.
    pub account_id: Option<i64>,
    /// Account kind (`secretariat`, …) or `console`.
    pub kind: String,
    /// The participant the actor acts for, if any.
    pub participant: Option<String>,
}

impl LogActor {
    /// pocdir itself: a job acting on its own (escalation, reminders).
    pub fn system() -> Self {
        LogActor {
            account_id: None,
            kind: "system".to_string(),
            participant: None,
        }
    }

    pub fn console() -> Self {
        LogActor {
            account_id: None,
            kind: "console".to_string(),
            participant: None,
        }
    }

    /// Nobody signed in (e.g. asking for a password reset link).
    pub fn anonymous() -> Self {
        LogActor {
            account_id: None,
            kind: "anonymous".to_string(),
            participant: None,
        }
    }
}

/// The content of a change cannot be serialised, so it has no hash to log.
#[derive(Debug, thiserror::Error)]
#[error("the content of a log entry cannot be serialised: {0}")]
pub struct ContentError(#[source] serde_json::Error);

/// An entry before it has its place in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogDraft {
    pub at: i64,
    pub actor: LogActor,
    /// The text of a [`LogAction`], as stored. (Only tests of the store
    /// write other texts here, to check how it reads entries it did not
    /// write.)
    pub action: String,
    /// e.g. `account:42`.
    pub object: String,
    /// Whose entries this touched (for each State's own view).
    pub participant: Option<String>,
    /// Hex SHA-256 of the canonical content of the change.
    pub content_hash: String,
}

impl LogDraft {
    /// An entry without content (its hash is that of JSON `null`). Each
    /// event has its builder in [`super::events`], which says what the
    /// entry names and covers: use that.
    pub fn new(
        at: time::OffsetDateTime,
        actor: LogActor,
        action: LogAction,
        object: String,
    ) -> Self {
        LogDraft {
            at: at.unix_timestamp(),
            actor,
            action: action.as_str().to_string(),
            object,
            participant: None,
            content_hash: content_hash(&serde_json::Value::Null),
        }
    }

    pub fn about_participant(mut self, participant: Option<String>) -> Self {
        self.participant = participant;
        self
    }

    /// Records the hash of `content` (a JSON value, which always has one).
    pub fn with_content(mut self, content: &serde_json::Value) -> Self {
        self.content_hash = content_hash(content);
        self
    }

    /// Records the hash of `content` serialised as JSON (keys as written),
    /// or says that it cannot be serialised: the log never records the hash
    /// of something else in its place.
    pub fn try_with_content<T: Serialize + ?Sized>(
        self,
        content: &T,
    ) -> Result<Self, ContentError> {
        let value = serde_json::to_value(content).map_err(ContentError)?;
        Ok(self.with_content(&value))
    }

    pub fn at_index(self, index: u64) -> LogEntry {
        LogEntry {
            index,
            at: self.at,
            actor_account_id: self.actor.account_id,
            actor_kind: self.actor.kind,
            actor_participant: self.actor.participant,
            action: self.action,
            object: self.object,
            participant: self.participant,
            content_hash: self.content_hash,
        }
    }
}

pub fn content_hash(value: &serde_json::Value) -> String {
    hex::encode(Sha256::digest(value.to_string().as_bytes()))
}

/// A logged entry, as stored and as shown to auditors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub index: u64,
    /// Unix seconds.
    pub at: i64,
    pub actor_account_id: Option<i64>,
    pub actor_kind: String,
    pub actor_participant: Option<String>,
    pub action: String,
    pub object: String,
    pub participant: Option<String>,
    pub content_hash: String,
}

/// Bumped if the leaf encoding ever changes; part of every leaf.
pub const LEAF_VERSION: &str = "pocdir-log-entry-v1";

impl LogEntry {
    /// The bytes the Merkle leaf commits to. The index is part of them, so
    /// that moving an entry changes its leaf.
    pub fn leaf_bytes(&self) -> Vec<u8> {
        // A fixed-order JSON array: deterministic and readable by any
        // auditor's tools. Serialised from a tuple, which writes exactly the
        // bytes of the equivalent `json!([...])` without building a value.
        let fields = (
            LEAF_VERSION,
            self.index,
            self.at,
            self.actor_account_id,
            &self.actor_kind,
            &self.actor_participant,
            &self.action,
            &self.object,
            &self.participant,
            &self.content_hash,
        );
        // Strings and integers always serialise; an empty leaf would fail every check anyway.
        serde_json::to_vec(&fields).unwrap_or_default()
    }

    pub fn leaf_hash(&self) -> super::merkle::Hash {
        super::merkle::leaf_hash(&self.leaf_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> LogEntry {
        LogDraft::new(
            time::macros::datetime!(2026-03-06 10:00 UTC),
            LogActor::console(),
            LogAction::AccountCreate,
            "account:1".to_string(),
        )
        .with_content(&serde_json::json!({"email": "a@example.org"}))
        .at_index(0)
    }

    #[test]
    fn every_field_changes_the_leaf() {
        let base = entry();
        let h = base.leaf_hash();
        let mut variants = Vec::new();
        let mut e = base.clone();
        e.index = 1;
        variants.push(e);
        let mut e = base.clone();
        e.at += 1;
        variants.push(e);
        let mut e = base.clone();
        e.actor_account_id = Some(1);
        variants.push(e);
        let mut e = base.clone();
        e.action = "account.password_change".into();
        variants.push(e);
        let mut e = base.clone();
        e.object = "account:2".into();
        variants.push(e);
        let mut e = base.clone();
        e.participant = Some("PAK".into());
        variants.push(e);
        let mut e = base.clone();
        e.content_hash = content_hash(&serde_json::json!(1));
        variants.push(e);
        for v in variants {
            assert_ne!(v.leaf_hash(), h, "{v:?}");
        }
    }

    #[test]
    fn leaf_bytes_are_the_json_array_of_the_fields() {
        // The leaf encoding is a public format: it must stay byte for byte
        // what `json!` writes, escaping included.
        let mut e = entry();
        e.object = "quote \" backslash \\ newline \n arabic عربي".into();
        e.actor_account_id = Some(-3);
        e.participant = None;
        let expected = serde_json::json!([
            LEAF_VERSION,
            e.index,
            e.at,
            e.actor_account_id,
            e.actor_kind,
            e.actor_participant,
            e.action,
            e.object,
            e.participant,
            e.content_hash,
        ])
        .to_string()
        .into_bytes();
        assert_eq!(e.leaf_bytes(), expected);
    }

    #[test]
    fn content_that_cannot_be_serialised_is_an_error_not_a_hash_of_null() {
        // JSON object keys must be strings.
        let content = std::collections::HashMap::from([((1, 2), "x")]);
        let draft = LogDraft::new(
            time::macros::datetime!(2026-03-06 10:00 UTC),
            LogActor::console(),
            LogAction::AccountCreate,
            "account:1".to_string(),
        );
        assert!(draft.clone().try_with_content(&content).is_err());
        let typed = draft
            .clone()
            .try_with_content(&["phone", "+92 51 000"])
            .unwrap();
        let value = draft.with_content(&serde_json::json!(["phone", "+92 51 000"]));
        assert_eq!(typed.content_hash, value.content_hash);
    }

    #[test]
    fn the_content_itself_is_not_in_the_leaf() {
        let e = entry();
        let bytes = String::from_utf8(e.leaf_bytes()).unwrap();
        assert!(!bytes.contains("a@example.org"));
        assert!(bytes.starts_with("[\"pocdir-log-entry-v1\",0,"));
    }
}
