//! Capacity rows and their conversion.

use super::{CapacityFunding, CapacityOffer, CapacityRequest, FollowUp};
use crate::sealing::Keys;
use crate::{corrupt, db_time, opt_db_time, StoreResult};
use pocdir_domain::capacity::request::parse_date;
use pocdir_domain::capacity::{
    Area, Format, FundingStage, Milestone, OfferStatus, Outcome, RequestStatus, Visibility,
};

pub(super) const REQUEST_DESCRIPTION: &str = "capacity_requests.description";
pub(super) const OFFER_DESCRIPTION: &str = "capacity_offers.description";
pub(super) const WHAT_CHANGED: &str = "capacity_follow_ups.what_changed";

pub(super) const REQUEST_COLUMNS: &str = "id, participant, areas, description, languages, \
     format, needed_by, funding_needed, visibility, status, filed_at, filed_by, acknowledged_at, \
     selected_offer_id, selected_at, confirmed_at, withdrawn_at, closed_at";
pub(super) const OFFER_COLUMNS: &str = "id, request_id, provider, description, languages, \
     format, funded, status, offered_at, offered_by";
pub(super) const FOLLOW_UP_COLUMNS: &str =
    "id, request_id, milestone, outcome, what_changed, reported_at, reported_by";

#[derive(sqlx::FromRow)]
pub(super) struct RequestRow {
    id: i64,
    participant: String,
    areas: String,
    description: String,
    languages: String,
    format: String,
    needed_by: String,
    funding_needed: bool,
    visibility: String,
    status: String,
    filed_at: i64,
    filed_by: Option<i64>,
    acknowledged_at: Option<i64>,
    selected_offer_id: Option<i64>,
    selected_at: Option<i64>,
    confirmed_at: Option<i64>,
    withdrawn_at: Option<i64>,
    closed_at: Option<i64>,
}

/// A request's named provider.
#[derive(sqlx::FromRow)]
pub(super) struct ProviderRow {
    pub(super) request_id: i64,
    pub(super) participant: String,
}

/// Who offered on a request, and when.
#[derive(sqlx::FromRow)]
pub(super) struct OfferedRow {
    pub(super) request_id: i64,
    pub(super) provider: String,
    pub(super) status: String,
    pub(super) offered_at: i64,
}

fn words<T>(
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    bad: &dyn Fn(String) -> crate::StoreError,
) -> StoreResult<Vec<T>> {
    text.split_whitespace()
        .map(|w| parse(w).ok_or_else(|| bad(format!("value {w:?}"))))
        .collect()
}

fn languages(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}

impl RequestRow {
    pub(super) fn id(&self) -> i64 {
        self.id
    }

    pub(super) fn open(
        self,
        keys: &Keys,
        named: Vec<String>,
        offers: &[&OfferedRow],
    ) -> StoreResult<CapacityRequest> {
        let bad = corrupt("capacity_requests", self.id);
        let mut offered_by: Vec<String> = Vec::new();
        let mut selected_provider = None;
        let mut first_offer_at = None;
        for o in offers {
            if !offered_by.contains(&o.provider) {
                offered_by.push(o.provider.clone());
            }
            if o.status == OfferStatus::Selected.as_str() {
                selected_provider = Some(o.provider.clone());
            }
            let at = db_time(o.offered_at).map_err(&bad)?;
            if first_offer_at.is_none_or(|first| at < first) {
                first_offer_at = Some(at);
            }
        }
        Ok(CapacityRequest {
            id: self.id,
            participant: self.participant,
            areas: words(&self.areas, Area::parse, &bad)?,
            description: keys.open_str(
                REQUEST_DESCRIPTION,
                "capacity_requests",
                &self.id,
                &self.description,
            )?,
            languages: languages(&self.languages),
            format: Format::parse(&self.format)
                .ok_or_else(|| bad(format!("format {:?}", self.format)))?,
            needed_by: parse_date(&self.needed_by)
                .ok_or_else(|| bad(format!("needed_by {:?}", self.needed_by)))?,
            funding_needed: self.funding_needed,
            visibility: Visibility::parse(&self.visibility)
                .ok_or_else(|| bad(format!("visibility {:?}", self.visibility)))?,
            named,
            status: RequestStatus::parse(&self.status)
                .ok_or_else(|| bad(format!("status {:?}", self.status)))?,
            filed_at: db_time(self.filed_at).map_err(&bad)?,
            filed_by: self.filed_by,
            acknowledged_at: opt_db_time(self.acknowledged_at).map_err(&bad)?,
            selected_offer_id: self.selected_offer_id,
            selected_at: opt_db_time(self.selected_at).map_err(&bad)?,
            confirmed_at: opt_db_time(self.confirmed_at).map_err(&bad)?,
            withdrawn_at: opt_db_time(self.withdrawn_at).map_err(&bad)?,
            closed_at: opt_db_time(self.closed_at).map_err(&bad)?,
            offered_by,
            selected_provider,
            first_offer_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct OfferRow {
    id: i64,
    request_id: i64,
    provider: String,
    description: String,
    languages: String,
    format: String,
    funded: bool,
    status: String,
    offered_at: i64,
    offered_by: Option<i64>,
}

impl OfferRow {
    pub(super) fn open(self, keys: &Keys) -> StoreResult<CapacityOffer> {
        let bad = corrupt("capacity_offers", self.id);
        Ok(CapacityOffer {
            id: self.id,
            request_id: self.request_id,
            provider: self.provider,
            description: keys.open_str(
                OFFER_DESCRIPTION,
                "capacity_offers",
                &self.id,
                &self.description,
            )?,
            languages: languages(&self.languages),
            format: Format::parse(&self.format)
                .ok_or_else(|| bad(format!("format {:?}", self.format)))?,
            funded: self.funded,
            status: OfferStatus::parse(&self.status)
                .ok_or_else(|| bad(format!("status {:?}", self.status)))?,
            offered_at: db_time(self.offered_at).map_err(&bad)?,
            offered_by: self.offered_by,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct FollowUpRow {
    id: i64,
    request_id: i64,
    milestone: String,
    outcome: String,
    what_changed: String,
    reported_at: i64,
    reported_by: Option<i64>,
}

impl FollowUpRow {
    pub(super) fn open(self, keys: &Keys) -> StoreResult<FollowUp> {
        let bad = corrupt("capacity_follow_ups", self.id);
        Ok(FollowUp {
            request_id: self.request_id,
            milestone: Milestone::parse(&self.milestone)
                .ok_or_else(|| bad(format!("milestone {:?}", self.milestone)))?,
            outcome: Outcome::parse(&self.outcome)
                .ok_or_else(|| bad(format!("outcome {:?}", self.outcome)))?,
            what_changed: keys.open_str(
                WHAT_CHANGED,
                "capacity_follow_ups",
                &self.id,
                &self.what_changed,
            )?,
            reported_at: db_time(self.reported_at).map_err(&bad)?,
            reported_by: self.reported_by,
        })
    }
}

pub(super) const FUNDING_COLUMNS: &str =
    "id, request_id, area, donor, stage, currency, amount_minor, at, by_account";

#[derive(sqlx::FromRow)]
pub(super) struct FundingRow {
    id: i64,
    request_id: Option<i64>,
    area: Option<String>,
    donor: String,
    stage: String,
    currency: String,
    amount_minor: i64,
    at: i64,
    by_account: Option<i64>,
}

impl TryFrom<FundingRow> for CapacityFunding {
    type Error = crate::StoreError;

    fn try_from(r: FundingRow) -> StoreResult<Self> {
        let bad = corrupt("capacity_funding", r.id);
        Ok(CapacityFunding {
            id: r.id,
            request_id: r.request_id,
            area: r
                .area
                .map(|a| Area::parse(&a).ok_or_else(|| bad(format!("area {a:?}"))))
                .transpose()?,
            donor: r.donor,
            stage: FundingStage::parse(&r.stage)
                .ok_or_else(|| bad(format!("stage {:?}", r.stage)))?,
            currency: r.currency,
            amount_minor: r.amount_minor,
            at: db_time(r.at).map_err(&bad)?,
            by: r.by_account,
        })
    }
}
