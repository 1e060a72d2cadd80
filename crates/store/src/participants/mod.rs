//! Participants: the UN Member and Observer States seeded from the
//! reference list, intergovernmental organisations, and their status.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::directory::participant::{ParticipantKind, ParticipationStatus};
use pocdir_domain::log::entry::LogDraft;
use time::OffsetDateTime;

mod rows;
mod store;

pub(crate) use store::apply_participant_event;

/// A participant's name in the six UN languages.
#[derive(
    Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
pub struct ParticipantNames {
    pub ar: String,
    pub zh: String,
    pub en: String,
    pub es: String,
    pub fr: String,
    pub ru: String,
}

impl ParticipantNames {
    /// The name in a language given by its code, English when unknown.
    pub fn in_language(&self, code: &str) -> &str {
        match code {
            "ar" => &self.ar,
            "zh" => &self.zh,
            "es" => &self.es,
            "fr" => &self.fr,
            "ru" => &self.ru,
            _ => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// ISO 3166-1 alpha-3 for States; a code the secretariat chose for organisations.
    pub code: String,
    pub alpha2: Option<String>,
    /// UN M49 numeric code.
    pub m49: Option<String>,
    pub kind: ParticipantKind,
    pub status: ParticipationStatus,
    /// UN M49 region and sub-region (empty for organisations).
    pub region: String,
    pub subregion: String,
    pub names: ParticipantNames,
    pub created_at: OffsetDateTime,
    pub status_changed_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewParticipant {
    pub code: String,
    pub alpha2: Option<String>,
    pub m49: Option<String>,
    pub kind: ParticipantKind,
    pub region: String,
    pub subregion: String,
    pub names: ParticipantNames,
    pub at: OffsetDateTime,
}

#[async_trait]
pub trait ParticipantStore: Send + Sync {
    /// Adds the reference participants (UN Member and Observer States) that
    /// are not there yet; returns how many were added. `log` is appended,
    /// in the same transaction, only when some were.
    async fn seed_participants(&self, list: &[NewParticipant], log: LogDraft) -> StoreResult<u64>;
    /// Every participant, by code.
    async fn participants(&self) -> StoreResult<Vec<Participant>>;
    async fn participant(&self, code: &str) -> StoreResult<Option<Participant>>;
    /// Adds an intergovernmental organisation; `Duplicate` when the code is taken.
    async fn create_organisation(
        &self,
        new: NewParticipant,
        log: LogDraft,
    ) -> StoreResult<Participant>;
    /// Moves a participant from `from` to `to` (compare-and-set); false when
    /// it was not in `from` (or does not exist), and then nothing is logged.
    async fn change_participant_status(
        &self,
        code: &str,
        from: ParticipationStatus,
        to: ParticipationStatus,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool>;
}
