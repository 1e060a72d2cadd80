//! Capacity building: requests, offers, the steps between them and the
//! follow-ups, each change with its log entry in one transaction. A step
//! is made only from the state it was decided on (`NotAllowed` otherwise),
//! so that two hands on one request cannot both win.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::capacity::funding::NewFunding;
use pocdir_domain::capacity::request::{NewOffer, NewRequest};
use pocdir_domain::capacity::{
    Area, Format, FundingStage, Milestone, OfferStatus, Outcome, RequestStatus, RequestStep,
    Visibility,
};
use pocdir_domain::log::entry::LogDraft;
use time::{Date, OffsetDateTime};

mod rows;
mod store;

/// A request for capacity building, with what its readers' view depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapacityRequest {
    pub id: i64,
    /// The requesting State.
    pub participant: String,
    pub areas: Vec<Area>,
    pub description: String,
    pub languages: Vec<String>,
    pub format: Format,
    pub needed_by: Date,
    pub funding_needed: bool,
    pub visibility: Visibility,
    /// The providers a `named_providers` request names.
    pub named: Vec<String>,
    pub status: RequestStatus,
    pub filed_at: OffsetDateTime,
    pub filed_by: Option<i64>,
    pub acknowledged_at: Option<OffsetDateTime>,
    pub selected_offer_id: Option<i64>,
    pub selected_at: Option<OffsetDateTime>,
    pub confirmed_at: Option<OffsetDateTime>,
    pub withdrawn_at: Option<OffsetDateTime>,
    pub closed_at: Option<OffsetDateTime>,
    /// Every provider that made an offer, withdrawn ones too.
    pub offered_by: Vec<String>,
    /// The provider whose offer was selected.
    pub selected_provider: Option<String>,
    /// When the first offer came.
    pub first_offer_at: Option<OffsetDateTime>,
}

/// A request as the store records it.
#[derive(Debug, Clone)]
pub struct NewCapacityRequest {
    pub participant: String,
    pub request: NewRequest,
    pub at: OffsetDateTime,
    pub by: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapacityOffer {
    pub id: i64,
    pub request_id: i64,
    pub provider: String,
    pub description: String,
    pub languages: Vec<String>,
    pub format: Format,
    pub funded: bool,
    pub status: OfferStatus,
    pub offered_at: OffsetDateTime,
    pub offered_by: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct NewCapacityOffer {
    pub request_id: i64,
    pub provider: String,
    pub offer: NewOffer,
    pub at: OffsetDateTime,
    pub by: Option<i64>,
}

/// A step on a request, decided on its status `from`.
#[derive(Debug, Clone)]
pub struct CapacityStep {
    pub request_id: i64,
    pub step: RequestStep,
    pub from: RequestStatus,
    /// The offer a selection chooses (it must still be open).
    pub offer_id: Option<i64>,
    pub at: OffsetDateTime,
    pub by: Option<i64>,
    pub log: LogDraft,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub request_id: i64,
    pub milestone: Milestone,
    pub outcome: Outcome,
    pub what_changed: String,
    pub reported_at: OffsetDateTime,
    pub reported_by: Option<i64>,
}

/// A donor's funding line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapacityFunding {
    pub id: i64,
    /// The request funded; None for an area.
    pub request_id: Option<i64>,
    pub area: Option<Area>,
    pub donor: String,
    pub stage: FundingStage,
    pub currency: String,
    pub amount_minor: i64,
    pub at: OffsetDateTime,
    pub by: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct NewCapacityFunding {
    /// None for a line to an area (the line names it).
    pub request_id: Option<i64>,
    pub donor: String,
    pub line: NewFunding,
    pub at: OffsetDateTime,
    pub by: Option<i64>,
}

/// A State's readiness self-assessment, as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadinessRecord {
    pub participant: String,
    /// `point=answer` pairs (`readiness::Assessment::to_text`).
    pub answers: String,
    /// Whether the State shares its answers with the secretariat.
    pub shared: bool,
    pub assessed_at: OffsetDateTime,
    pub assessed_by: Option<i64>,
}

#[async_trait]
pub trait CapacityStore: Send + Sync {
    /// Files a request (`filed`) with its entry, whose object is set to
    /// `capacity_request:<id>`.
    async fn file_capacity_request(
        &self,
        new: NewCapacityRequest,
        log: LogDraft,
    ) -> StoreResult<CapacityRequest>;
    async fn capacity_request(&self, id: i64) -> StoreResult<Option<CapacityRequest>>;
    /// Every request, newest first (the readers' views are the policy's).
    async fn capacity_requests(&self) -> StoreResult<Vec<CapacityRequest>>;
    async fn capacity_offer(&self, id: i64) -> StoreResult<Option<CapacityOffer>>;
    /// A request's offers, oldest first.
    async fn capacity_offers(&self, request_id: i64) -> StoreResult<Vec<CapacityOffer>>;
    /// Makes an offer on a request that is still open: `NotFound` for no
    /// such request, `NotAllowed` when it is closed to offers, `Duplicate`
    /// when the provider has an open offer on it already.
    async fn make_capacity_offer(
        &self,
        new: NewCapacityOffer,
        log: LogDraft,
    ) -> StoreResult<CapacityOffer>;
    /// Takes back `provider`'s open offer `offer_id` while its request is
    /// open (`NotAllowed` otherwise, `NotFound` for no such offer of it).
    async fn withdraw_capacity_offer(
        &self,
        offer_id: i64,
        provider: &str,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<CapacityOffer>;
    /// Moves a request from `from` by `step`: a selection marks its offer
    /// selected and the other open offers not selected; a withdrawal marks
    /// the open ones not selected. `NotAllowed` when the request is no
    /// longer in `from` or the offer no longer open.
    async fn step_capacity_request(&self, step: CapacityStep) -> StoreResult<CapacityRequest>;
    /// Records a follow-up's outcome on a matched request, once
    /// (`Duplicate` the second time, `NotAllowed` unless matched); the
    /// twelve-month one closes the request.
    async fn report_capacity_follow_up(
        &self,
        report: FollowUp,
        log: LogDraft,
    ) -> StoreResult<CapacityRequest>;
    async fn capacity_follow_ups(&self, request_id: i64) -> StoreResult<Vec<FollowUp>>;
    /// Records a funding line: to a request that is not withdrawn or
    /// closed (`NotAllowed` otherwise, `NotFound` for none), or to an area.
    async fn record_capacity_funding(
        &self,
        new: NewCapacityFunding,
        log: LogDraft,
    ) -> StoreResult<CapacityFunding>;
    /// Every funding line, oldest first (the readers' views are the web's).
    async fn capacity_funding(&self) -> StoreResult<Vec<CapacityFunding>>;
    /// Keeps a State's self-assessment with its entry.
    async fn record_readiness(&self, record: ReadinessRecord, log: LogDraft) -> StoreResult<()>;
    /// The latest self-assessment of each State that made one.
    async fn latest_readiness(&self) -> StoreResult<Vec<ReadinessRecord>>;
}
