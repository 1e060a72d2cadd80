//! Capacity building, written once for both backends.

use super::rows::{
    FollowUpRow, FundingRow, OfferRow, OfferedRow, ProviderRow, RequestRow, FOLLOW_UP_COLUMNS,
    FUNDING_COLUMNS, OFFER_COLUMNS, OFFER_DESCRIPTION, REQUEST_COLUMNS, REQUEST_DESCRIPTION,
    WHAT_CHANGED,
};
use super::{
    CapacityFunding, CapacityOffer, CapacityRequest, CapacityStep, CapacityStore, FollowUp,
    NewCapacityFunding, NewCapacityOffer, NewCapacityRequest, ReadinessRecord,
};
use crate::sql::{Driver, SqlStore, Tx};
use crate::{convert_all, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::capacity::{OfferStatus, RequestStatus, RequestStep};
use pocdir_domain::log::entry::LogDraft;
use std::slice::from_ref;
use time::OffsetDateTime;

const READINESS_ANSWERS: &str = "capacity_readiness.answers";
const OFFERED: &str = "SELECT request_id, provider, status, offered_at FROM capacity_offers";
const PROVIDERS: &str = "SELECT request_id, participant FROM capacity_request_providers";

fn joined<T: AsRef<str>>(values: &[T]) -> String {
    values
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(" ")
}

impl<D: Driver> SqlStore<D> {
    fn open_requests(
        &self,
        rows: Vec<RequestRow>,
        providers: Vec<ProviderRow>,
        offered: Vec<OfferedRow>,
    ) -> StoreResult<Vec<CapacityRequest>> {
        let mut named: std::collections::HashMap<i64, Vec<String>> =
            std::collections::HashMap::new();
        for p in providers {
            named.entry(p.request_id).or_default().push(p.participant);
        }
        let mut offers: std::collections::HashMap<i64, Vec<&OfferedRow>> =
            std::collections::HashMap::new();
        for o in &offered {
            offers.entry(o.request_id).or_default().push(o);
        }
        rows.into_iter()
            .map(|r| {
                let id = r.id();
                let mut n = named.remove(&id).unwrap_or_default();
                n.sort();
                let o = offers.get(&id).map(Vec::as_slice).unwrap_or_default();
                r.open(&self.keys, n, o)
            })
            .collect()
    }
}

async fn request_in<D: Driver>(
    store: &SqlStore<D>,
    tx: &mut Tx<D>,
    id: i64,
) -> StoreResult<CapacityRequest> {
    let row: RequestRow = tx
        .fetch_one(
            &format!("SELECT {REQUEST_COLUMNS} FROM capacity_requests WHERE id = $1"),
            &[id.into()],
        )
        .await?;
    let providers: Vec<ProviderRow> = tx
        .fetch_all(&format!("{PROVIDERS} WHERE request_id = $1"), &[id.into()])
        .await?;
    let offered: Vec<OfferedRow> = tx
        .fetch_all(&format!("{OFFERED} WHERE request_id = $1"), &[id.into()])
        .await?;
    store
        .open_requests(vec![row], providers, offered)?
        .pop()
        .ok_or(StoreError::NotFound)
}

/// The request's status inside a change, `NotFound` when there is none.
async fn status_in<D: Driver>(tx: &mut Tx<D>, id: i64) -> StoreResult<RequestStatus> {
    let row: Option<(String,)> = tx
        .fetch_optional(
            "SELECT status FROM capacity_requests WHERE id = $1",
            &[id.into()],
        )
        .await?;
    let (status,) = row.ok_or(StoreError::NotFound)?;
    RequestStatus::parse(&status).ok_or_else(|| {
        StoreError::Corrupt(format!("capacity_requests row {id}: status {status:?}"))
    })
}

#[async_trait]
impl<D: Driver> CapacityStore for SqlStore<D> {
    async fn file_capacity_request(
        &self,
        new: NewCapacityRequest,
        mut log: LogDraft,
    ) -> StoreResult<CapacityRequest> {
        let r = &new.request;
        let description = self.seal_str(REQUEST_DESCRIPTION, &r.description)?;
        let areas: Vec<&str> = r.areas.iter().map(|a| a.as_str()).collect();
        let mut tx = self.begin().await?;
        let (id,): (i64,) = tx
            .fetch_one(
                "INSERT INTO capacity_requests (participant, areas, description, languages, \
                 format, needed_by, funding_needed, visibility, status, filed_at, filed_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'filed', $9, $10) RETURNING id",
                &[
                    new.participant.as_str().into(),
                    joined(&areas).as_str().into(),
                    description.as_str().into(),
                    joined(&r.languages).as_str().into(),
                    r.format.as_str().into(),
                    r.needed_by.to_string().as_str().into(),
                    r.funding_needed.into(),
                    r.visibility.as_str().into(),
                    to_db_time(new.at).into(),
                    new.by.into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("participant"))?;
        for p in &r.providers {
            tx.execute(
                "INSERT INTO capacity_request_providers (request_id, participant) VALUES ($1, $2)",
                &[id.into(), p.as_str().into()],
            )
            .await
            .map_err(|e| e.constraint("provider"))?;
        }
        let request = request_in(self, &mut tx, id).await?;
        log.object = format!("capacity_request:{id}");
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(request)
    }

    async fn capacity_request(&self, id: i64) -> StoreResult<Option<CapacityRequest>> {
        let row: Option<RequestRow> = self
            .fetch_optional(
                &format!("SELECT {REQUEST_COLUMNS} FROM capacity_requests WHERE id = $1"),
                &[id.into()],
            )
            .await?;
        let Some(row) = row else { return Ok(None) };
        let providers: Vec<ProviderRow> = self
            .fetch_all(&format!("{PROVIDERS} WHERE request_id = $1"), &[id.into()])
            .await?;
        let offered: Vec<OfferedRow> = self
            .fetch_all(&format!("{OFFERED} WHERE request_id = $1"), &[id.into()])
            .await?;
        Ok(self.open_requests(vec![row], providers, offered)?.pop())
    }

    async fn capacity_requests(&self) -> StoreResult<Vec<CapacityRequest>> {
        let rows: Vec<RequestRow> = self
            .fetch_all(
                &format!(
                    "SELECT {REQUEST_COLUMNS} FROM capacity_requests ORDER BY filed_at DESC, id DESC"
                ),
                &[],
            )
            .await?;
        let providers: Vec<ProviderRow> = self.fetch_all(PROVIDERS, &[]).await?;
        let offered: Vec<OfferedRow> = self.fetch_all(OFFERED, &[]).await?;
        self.open_requests(rows, providers, offered)
    }

    async fn capacity_offer(&self, id: i64) -> StoreResult<Option<CapacityOffer>> {
        let row: Option<OfferRow> = self
            .fetch_optional(
                &format!("SELECT {OFFER_COLUMNS} FROM capacity_offers WHERE id = $1"),
                &[id.into()],
            )
            .await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn capacity_offers(&self, request_id: i64) -> StoreResult<Vec<CapacityOffer>> {
        let rows: Vec<OfferRow> = self
            .fetch_all(
                &format!(
                    "SELECT {OFFER_COLUMNS} FROM capacity_offers WHERE request_id = $1 ORDER BY id"
                ),
                &[request_id.into()],
            )
            .await?;
        rows.into_iter().map(|r| r.open(&self.keys)).collect()
    }

    async fn make_capacity_offer(
        &self,
        new: NewCapacityOffer,
        mut log: LogDraft,
    ) -> StoreResult<CapacityOffer> {
        let description = self.seal_str(OFFER_DESCRIPTION, &new.offer.description)?;
        let mut tx = self.begin().await?;
        let status = status_in(&mut tx, new.request_id).await?;
        if !status.open() {
            return Err(StoreError::NotAllowed(format!(
                "capacity request {} is {status}",
                new.request_id
            )));
        }
        let row: OfferRow = tx
            .fetch_one(
                &format!(
                    "INSERT INTO capacity_offers (request_id, provider, description, languages, \
                     format, funded, status, offered_at, offered_by) \
                     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) RETURNING {OFFER_COLUMNS}"
                ),
                &[
                    new.request_id.into(),
                    new.provider.as_str().into(),
                    description.as_str().into(),
                    joined(&new.offer.languages).as_str().into(),
                    new.offer.format.as_str().into(),
                    new.offer.funded.into(),
                    to_db_time(new.at).into(),
                    new.by.into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("open offer"))?;
        let offer = row.open(&self.keys)?;
        log.object = format!("capacity_request:{}", new.request_id);
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(offer)
    }

    async fn withdraw_capacity_offer(
        &self,
        offer_id: i64,
        provider: &str,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<CapacityOffer> {
        let mut tx = self.begin().await?;
        let found: Option<(i64, String)> = tx
            .fetch_optional(
                "SELECT request_id, status FROM capacity_offers WHERE id = $1 AND provider = $2",
                &[offer_id.into(), provider.into()],
            )
            .await?;
        let (request_id, status) = found.ok_or(StoreError::NotFound)?;
        let request_status = status_in(&mut tx, request_id).await?;
        if status != OfferStatus::Open.as_str() || !request_status.open() {
            return Err(StoreError::NotAllowed(format!(
                "offer {offer_id} is {status}, its request {request_status}"
            )));
        }
        let row: OfferRow = tx
            .fetch_one(
                &format!(
                    "UPDATE capacity_offers SET status = 'withdrawn', closed_at = $1 \
                     WHERE id = $2 RETURNING {OFFER_COLUMNS}"
                ),
                &[to_db_time(at).into(), offer_id.into()],
            )
            .await?;
        let offer = row.open(&self.keys)?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(offer)
    }

    async fn step_capacity_request(&self, s: CapacityStep) -> StoreResult<CapacityRequest> {
        // A step is never taken from a status it does not start from, even
        // when the caller's reading was current.
        if let Some(refusal) = s.step.refusal(s.from) {
            return Err(StoreError::NotAllowed(format!(
                "capacity request {}: {} from {}: {refusal}",
                s.request_id, s.step, s.from
            )));
        }
        let to = s.step.to();
        let at = to_db_time(s.at);
        let mut tx = self.begin().await?;
        let set = match s.step {
            RequestStep::Acknowledge => "acknowledged_at = $3, acknowledged_by = $4",
            RequestStep::Select => "selected_at = $3, selected_offer_id = $4",
            RequestStep::Confirm => "confirmed_at = $3, confirmed_by = $4",
            RequestStep::Withdraw => "withdrawn_at = $3, closed_at = $4",
        };
        let fourth = match s.step {
            RequestStep::Select => s.offer_id.into(),
            RequestStep::Withdraw => Some(at).into(),
            RequestStep::Acknowledge | RequestStep::Confirm => s.by.into(),
        };
        let changed = tx
            .execute(
                &format!(
                    "UPDATE capacity_requests SET status = $1, {set} WHERE id = $2 AND status = $5"
                ),
                &[
                    to.as_str().into(),
                    s.request_id.into(),
                    at.into(),
                    fourth,
                    s.from.as_str().into(),
                ],
            )
            .await?;
        if changed == 0 {
            let now = status_in(&mut tx, s.request_id).await?;
            return Err(StoreError::NotAllowed(format!(
                "capacity request {} is {now}, not {}",
                s.request_id, s.from
            )));
        }
        match s.step {
            RequestStep::Select => {
                let offer = s.offer_id.unwrap_or(0);
                let chosen = tx
                    .execute(
                        "UPDATE capacity_offers SET status = 'selected', closed_at = $1 \
                         WHERE id = $2 AND request_id = $3 AND status = 'open'",
                        &[at.into(), offer.into(), s.request_id.into()],
                    )
                    .await?;
                if chosen == 0 {
                    return Err(StoreError::NotAllowed(format!(
                        "offer {offer} is not open on capacity request {}",
                        s.request_id
                    )));
                }
                close_open_offers(&mut tx, s.request_id, at).await?;
            }
            RequestStep::Withdraw => close_open_offers(&mut tx, s.request_id, at).await?,
            RequestStep::Acknowledge | RequestStep::Confirm => {}
        }
        let request = request_in(self, &mut tx, s.request_id).await?;
        tx.log_and_commit(from_ref(&s.log)).await?;
        Ok(request)
    }

    async fn report_capacity_follow_up(
        &self,
        report: FollowUp,
        log: LogDraft,
    ) -> StoreResult<CapacityRequest> {
        let text = self.seal_str(WHAT_CHANGED, &report.what_changed)?;
        let mut tx = self.begin().await?;
        let status = status_in(&mut tx, report.request_id).await?;
        if status != RequestStatus::Matched {
            return Err(StoreError::NotAllowed(format!(
                "capacity request {} is {status}",
                report.request_id
            )));
        }
        tx.execute(
            "INSERT INTO capacity_follow_ups (request_id, milestone, outcome, what_changed, \
             reported_at, reported_by) VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                report.request_id.into(),
                report.milestone.as_str().into(),
                report.outcome.as_str().into(),
                text.as_str().into(),
                to_db_time(report.reported_at).into(),
                report.reported_by.into(),
            ],
        )
        .await
        .map_err(|e| e.constraint("follow-up"))?;
        if report.milestone.closes() {
            tx.execute(
                "UPDATE capacity_requests SET status = 'closed', closed_at = $1 WHERE id = $2",
                &[
                    to_db_time(report.reported_at).into(),
                    report.request_id.into(),
                ],
            )
            .await?;
        }
        let request = request_in(self, &mut tx, report.request_id).await?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(request)
    }

    async fn capacity_follow_ups(&self, request_id: i64) -> StoreResult<Vec<FollowUp>> {
        let rows: Vec<FollowUpRow> = self
            .fetch_all(
                &format!(
                    "SELECT {FOLLOW_UP_COLUMNS} FROM capacity_follow_ups WHERE request_id = $1 \
                     ORDER BY reported_at, id"
                ),
                &[request_id.into()],
            )
            .await?;
        rows.into_iter().map(|r| r.open(&self.keys)).collect()
    }

    async fn record_capacity_funding(
        &self,
        new: NewCapacityFunding,
        log: LogDraft,
    ) -> StoreResult<CapacityFunding> {
        let mut tx = self.begin().await?;
        if let Some(id) = new.request_id {
            let status = status_in(&mut tx, id).await?;
            if matches!(status, RequestStatus::Withdrawn | RequestStatus::Closed) {
                return Err(StoreError::NotAllowed(format!(
                    "capacity request {id} is {status}"
                )));
            }
        }
        let row: FundingRow = tx
            .fetch_one(
                &format!(
                    "INSERT INTO capacity_funding (request_id, area, donor, stage, currency, \
                     amount_minor, at, by_account) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                     RETURNING {FUNDING_COLUMNS}"
                ),
                &[
                    new.request_id.into(),
                    new.line.area.map(|a| a.as_str()).into(),
                    new.donor.as_str().into(),
                    new.line.stage.as_str().into(),
                    new.line.currency.as_str().into(),
                    new.line.amount_minor.into(),
                    to_db_time(new.at).into(),
                    new.by.into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("donor"))?;
        let line = CapacityFunding::try_from(row)?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(line)
    }

    async fn capacity_funding(&self) -> StoreResult<Vec<CapacityFunding>> {
        let rows: Vec<FundingRow> = self
            .fetch_all(
                &format!("SELECT {FUNDING_COLUMNS} FROM capacity_funding ORDER BY at, id"),
                &[],
            )
            .await?;
        convert_all(rows)
    }

    async fn record_readiness(&self, record: ReadinessRecord, log: LogDraft) -> StoreResult<()> {
        let answers = self.seal_str(READINESS_ANSWERS, &record.answers)?;
        let mut tx = self.begin().await?;
        tx.execute(
            "INSERT INTO capacity_readiness (participant, answers, shared, assessed_at, \
             assessed_by) VALUES ($1, $2, $3, $4, $5)",
            &[
                record.participant.as_str().into(),
                answers.as_str().into(),
                record.shared.into(),
                to_db_time(record.assessed_at).into(),
                record.assessed_by.into(),
            ],
        )
        .await
        .map_err(|e| e.constraint("participant"))?;
        tx.log_and_commit(from_ref(&log)).await
    }

    async fn latest_readiness(&self) -> StoreResult<Vec<ReadinessRecord>> {
        let rows: Vec<(i64, String, String, bool, i64, Option<i64>)> = self
            .fetch_all(
                "SELECT id, participant, answers, shared, assessed_at, assessed_by \
                 FROM capacity_readiness r WHERE id = \
                 (SELECT MAX(id) FROM capacity_readiness s WHERE s.participant = r.participant) \
                 ORDER BY participant",
                &[],
            )
            .await?;
        rows.into_iter()
            .map(|(id, participant, answers, shared, at, by)| {
                let bad = crate::corrupt("capacity_readiness", id);
                Ok(ReadinessRecord {
                    answers: self.open_str(READINESS_ANSWERS, id, &answers)?,
                    participant,
                    shared,
                    assessed_at: crate::db_time(at).map_err(&bad)?,
                    assessed_by: by,
                })
            })
            .collect()
    }
}

/// Marks the request's offers still open not selected.
async fn close_open_offers<D: Driver>(tx: &mut Tx<D>, request_id: i64, at: i64) -> StoreResult<()> {
    tx.execute(
        "UPDATE capacity_offers SET status = 'not_selected', closed_at = $1 \
         WHERE request_id = $2 AND status = 'open'",
        &[at.into(), request_id.into()],
    )
    .await?;
    Ok(())
}
