//! The use case of capacity building, for the pages and the API alike:
//! what each reader may see of the requests (asked of
//! `policy::capacity_view`), filing, offering, the requester's and the
//! secretariat's steps and the follow-ups, each checked by the domain's
//! rules before the store makes it, with its log entry, in one transaction.

use crate::http::error::AppError;
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::http::StatusCode;
use pocdir_domain::capacity::funding::FundingDraft;
use pocdir_domain::capacity::readiness::{Assessment, ReadinessPoint};
use pocdir_domain::capacity::request::{OfferDraft, OutcomeDraft, RequestDraft};
use pocdir_domain::capacity::{Milestone, OfferStatus, RequestStatus, RequestStep};
use pocdir_domain::clock::Clock;
use pocdir_domain::directory::participant::ParticipantKind;
use pocdir_domain::directory::poc::FieldError;
use pocdir_domain::log::entry::ContentError;
use pocdir_domain::log::events;
use pocdir_domain::policy::Actor;
use pocdir_domain::policy::{capacity_view, CapacityRequestSight, CapacityView};
use pocdir_domain::requester::Requester;
use pocdir_store::Store;
use pocdir_store::{
    CapacityFunding, CapacityOffer, CapacityRequest, CapacityStep, FollowUp, NewCapacityFunding,
    NewCapacityOffer, NewCapacityRequest, Participant, ReadinessRecord, StoreError,
};
use std::collections::HashMap;

/// Why a capacity step did not happen.
#[derive(Debug)]
pub enum CapacityFailure {
    /// No such request, or none the reader may see.
    NotFound,
    /// The request's state (or the reader's) refuses it: a Fluent id.
    Refused(&'static str),
    Invalid(Vec<FieldError>),
    Store(StoreError),
    Content(ContentError),
}

impl From<StoreError> for CapacityFailure {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => CapacityFailure::NotFound,
            // Another hand moved the request first: it is no longer open
            // to this step.
            StoreError::NotAllowed(_) => CapacityFailure::Refused("capacity-refused-closed"),
            other => CapacityFailure::Store(other),
        }
    }
}

impl From<ContentError> for CapacityFailure {
    fn from(e: ContentError) -> Self {
        CapacityFailure::Content(e)
    }
}

impl From<CapacityFailure> for AppError {
    fn from(e: CapacityFailure) -> Self {
        match e {
            CapacityFailure::NotFound => AppError::not_found(),
            CapacityFailure::Refused(id) => {
                AppError::new(StatusCode::CONFLICT, "not_allowed_now", id)
            }
            CapacityFailure::Invalid(fields) => AppError::invalid_fields(
                fields
                    .into_iter()
                    .map(|f| (f.field, f.message_id))
                    .collect(),
            ),
            CapacityFailure::Store(e) => e.into(),
            CapacityFailure::Content(_) => AppError::internal(),
        }
    }
}

pub type CapacityResult<T> = Result<T, CapacityFailure>;

/// Who acts, and on which store and clock: the pages' and the API's
/// signed-in account, or the demo's.
pub struct Caller<'a> {
    pub store: &'a dyn Store,
    pub clock: &'a dyn Clock,
    pub who: Requester,
}

impl<'a> Caller<'a> {
    pub fn new(store: &'a dyn Store, clock: &'a dyn Clock, who: Requester) -> Self {
        Caller { store, clock, who }
    }

    pub fn of(state: &'a AppState, me: &SignedIn) -> Self {
        Caller::new(state.store.as_ref(), state.clock.as_ref(), me.requester())
    }
}

/// The participants by code (names, kinds, whether they take part).
pub struct Participants(HashMap<String, Participant>);

impl Participants {
    pub async fn load(store: &dyn Store) -> CapacityResult<Participants> {
        Ok(Participants::of(store.participants().await?))
    }

    /// The participants, by code (the library reads them too).
    pub fn of(all: Vec<Participant>) -> Participants {
        Participants(all.into_iter().map(|p| (p.code.clone(), p)).collect())
    }

    pub fn get(&self, code: &str) -> Option<&Participant> {
        self.0.get(code)
    }

    pub fn takes_part(&self, code: &str) -> bool {
        self.get(code).is_some_and(|p| p.status.takes_part())
    }

    pub fn name(&self, code: &str, lang: &str) -> String {
        self.get(code)
            .map(|p| p.names.in_language(lang).to_string())
            .unwrap_or_else(|| code.to_string())
    }

    /// Participants that may provide, other than `except`, by name.
    pub fn providers(&self, except: Option<&str>, lang: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .0
            .values()
            .filter(|p| p.status.takes_part() && Some(p.code.as_str()) != except)
            .map(|p| (p.code.clone(), p.names.in_language(lang).to_string()))
            .collect();
        out.sort_by(|a, b| a.1.cmp(&b.1));
        out
    }
}

/// What `me` may see of `request`.
pub fn view_of(
    actor: &Actor,
    participants: &Participants,
    request: &CapacityRequest,
) -> CapacityView {
    let own = actor.participant.as_ref().map(|p| p.as_str());
    let sight = CapacityRequestSight {
        requester: &request.participant,
        visibility: request.visibility,
        named: &request.named,
        open: request.status.open(),
        viewer_offered: own.is_some_and(|o| request.offered_by.iter().any(|p| p == o)),
        viewer_selected: own.is_some() && request.selected_provider.as_deref() == own,
    };
    let takes_part = own.is_some_and(|o| participants.takes_part(o));
    capacity_view(actor, &sight, takes_part)
}

/// Every request `me` may see, newest first, with its view.
pub async fn visible(
    c: &Caller<'_>,
    participants: &Participants,
) -> CapacityResult<Vec<(CapacityRequest, CapacityView)>> {
    Ok(c.store
        .capacity_requests()
        .await?
        .into_iter()
        .filter_map(|r| {
            let view = view_of(&c.who.actor, participants, &r);
            (view != CapacityView::Nothing).then_some((r, view))
        })
        .collect())
}

/// One request as `me` may see it; `NotFound` when it may not.
pub async fn one(
    c: &Caller<'_>,
    participants: &Participants,
    id: i64,
) -> CapacityResult<(CapacityRequest, CapacityView)> {
    let request = c
        .store
        .capacity_request(id)
        .await?
        .ok_or(CapacityFailure::NotFound)?;
    match view_of(&c.who.actor, participants, &request) {
        CapacityView::Nothing => Err(CapacityFailure::NotFound),
        view => Ok((request, view)),
    }
}

/// The offers of a request `view` may see: all of them, or the reader's own.
pub async fn offers_seen(
    c: &Caller<'_>,
    request: &CapacityRequest,
    view: CapacityView,
) -> CapacityResult<Vec<CapacityOffer>> {
    let all = c.store.capacity_offers(request.id).await?;
    Ok(match view {
        CapacityView::Coordinator | CapacityView::Requester => all,
        CapacityView::Provider { .. } => {
            let own = c.who.actor.participant.as_ref().map(|p| p.as_str());
            all.into_iter()
                .filter(|o| Some(o.provider.as_str()) == own)
                .collect()
        }
        CapacityView::Nothing => Vec::new(),
    })
}

/// The reader's participant, which must take part.
pub(super) fn own_participant<'a>(
    c: &'a Caller<'_>,
    participants: &Participants,
) -> CapacityResult<&'a str> {
    let own =
        c.who
            .actor
            .participant
            .as_ref()
            .map(|p| p.as_str())
            .ok_or(CapacityFailure::Refused(
                "capacity-refused-not-participating",
            ))?;
    if participants.takes_part(own) {
        Ok(own)
    } else {
        Err(CapacityFailure::Refused(
            "capacity-refused-not-participating",
        ))
    }
}

/// Files a request for `me`'s State, which must be a participating State.
pub async fn file(c: &Caller<'_>, draft: &RequestDraft) -> CapacityResult<CapacityRequest> {
    let participants = Participants::load(c.store).await?;
    let own = own_participant(c, &participants)?;
    if participants
        .get(own)
        .is_some_and(|p| p.kind == ParticipantKind::Organisation)
    {
        // Organisations provide; States request.
        return Err(CapacityFailure::Refused(
            "capacity-refused-not-participating",
        ));
    }
    let now = c.clock.now();
    let request = draft
        .check(now, &|code| code != own && participants.takes_part(code))
        .map_err(CapacityFailure::Invalid)?;
    let who = &c.who;
    let log = events::capacity_requested(
        now,
        &who.log,
        &request.areas,
        request.format,
        request.needed_by,
        request.visibility,
        request.funding_needed,
        &request.providers,
        &request.description,
    )?;
    Ok(c.store
        .file_capacity_request(
            NewCapacityRequest {
                participant: own.to_string(),
                request,
                at: now,
                by: Some(c.who.account_id()),
            },
            log,
        )
        .await?)
}

/// Offers help on request `id` for `me`'s participant.
pub async fn offer(c: &Caller<'_>, id: i64, draft: &OfferDraft) -> CapacityResult<CapacityOffer> {
    let participants = Participants::load(c.store).await?;
    let (request, view) = one(c, &participants, id).await?;
    let own = own_participant(c, &participants)?;
    match view {
        CapacityView::Provider { .. } => {}
        CapacityView::Requester => return Err(CapacityFailure::Refused("capacity-refused-own")),
        _ => return Err(CapacityFailure::NotFound),
    }
    if !request.status.open() {
        return Err(CapacityFailure::Refused("capacity-refused-closed"));
    }
    let offer = draft.check().map_err(CapacityFailure::Invalid)?;
    let existing = c.store.capacity_offers(id).await?;
    if existing
        .iter()
        .any(|o| o.provider == own && o.status == OfferStatus::Open)
    {
        return Err(CapacityFailure::Refused("capacity-refused-offered"));
    }
    let now = c.clock.now();
    let log = events::capacity_offered(
        now,
        &c.who.log,
        id,
        None,
        Some(offer.format),
        Some(&offer.description),
    )?;
    let made = c
        .store
        .make_capacity_offer(
            NewCapacityOffer {
                request_id: id,
                provider: own.to_string(),
                offer,
                at: now,
                by: Some(c.who.account_id()),
            },
            log,
        )
        .await;
    match made {
        Err(StoreError::Duplicate(_)) => Err(CapacityFailure::Refused("capacity-refused-offered")),
        other => Ok(other?),
    }
}

/// Takes back `me`'s participant's open offer `offer_id`; returns its request's id.
pub async fn withdraw_offer(c: &Caller<'_>, offer_id: i64) -> CapacityResult<i64> {
    let participants = Participants::load(c.store).await?;
    let own = own_participant(c, &participants)?;
    let now = c.clock.now();
    let id = match c.store.capacity_offer(offer_id).await? {
        Some(o) if o.provider == own => o.request_id,
        _ => return Err(CapacityFailure::NotFound),
    };
    let log = events::capacity_offered(now, &c.who.log, id, Some(offer_id), None, None)?;
    c.store
        .withdraw_capacity_offer(offer_id, own, now, log)
        .await?;
    Ok(id)
}

/// A step on request `id`: the requester's (select, withdraw) or the
/// secretariat's (acknowledge, confirm); the route's action says who may
/// take which, and here the requester must be the request's State.
pub async fn step(
    c: &Caller<'_>,
    id: i64,
    step: RequestStep,
    offer_id: Option<i64>,
) -> CapacityResult<CapacityRequest> {
    let participants = Participants::load(c.store).await?;
    let (request, view) = one(c, &participants, id).await?;
    let allowed = match step {
        RequestStep::Select | RequestStep::Withdraw => view == CapacityView::Requester,
        RequestStep::Acknowledge | RequestStep::Confirm => view == CapacityView::Coordinator,
    };
    if !allowed {
        return Err(CapacityFailure::NotFound);
    }
    if let Some(refusal) = step.refusal(request.status) {
        return Err(CapacityFailure::Refused(refusal));
    }
    if step == RequestStep::Select {
        let offers = c.store.capacity_offers(id).await?;
        let open = offers
            .iter()
            .any(|o| Some(o.id) == offer_id && o.status == OfferStatus::Open);
        if !open {
            return Err(CapacityFailure::Refused("capacity-refused-offer"));
        }
    }
    let now = c.clock.now();
    let log = events::capacity_stepped(
        now,
        &c.who.log,
        id,
        &request.participant,
        step,
        offer_id.filter(|_| step == RequestStep::Select),
    )?;
    Ok(c.store
        .step_capacity_request(CapacityStep {
            request_id: id,
            step,
            from: request.status,
            offer_id,
            at: now,
            by: Some(c.who.account_id()),
            log,
        })
        .await?)
}

/// The requester reports a follow-up's outcome.
pub async fn follow_up(
    c: &Caller<'_>,
    id: i64,
    milestone: &str,
    draft: &OutcomeDraft,
) -> CapacityResult<CapacityRequest> {
    let participants = Participants::load(c.store).await?;
    let (request, view) = one(c, &participants, id).await?;
    if view != CapacityView::Requester {
        return Err(CapacityFailure::NotFound);
    }
    let milestone = Milestone::parse(milestone.trim()).ok_or_else(|| {
        CapacityFailure::Invalid(vec![FieldError {
            field: "milestone".into(),
            message_id: "capacity-error-required",
        }])
    })?;
    let now = c.clock.now();
    let reported = c
        .store
        .capacity_follow_ups(id)
        .await?
        .iter()
        .any(|f| f.milestone == milestone);
    if let Some(refusal) =
        milestone.report_refusal(request.status, request.selected_at, reported, now)
    {
        return Err(CapacityFailure::Refused(refusal));
    }
    let (outcome, what_changed) = draft.check().map_err(CapacityFailure::Invalid)?;
    let log = events::capacity_followed_up(now, &c.who.log, id, milestone, outcome, &what_changed)?;
    let done = c
        .store
        .report_capacity_follow_up(
            FollowUp {
                request_id: id,
                milestone,
                outcome,
                what_changed,
                reported_at: now,
                reported_by: Some(c.who.account_id()),
            },
            log,
        )
        .await;
    match done {
        Err(StoreError::Duplicate(_)) => Err(CapacityFailure::Refused("capacity-refused-reported")),
        other => Ok(other?),
    }
}

/// Whether the caller may fund: a participating participant's account
/// that the route's action let in.
fn donor<'a>(c: &'a Caller<'_>, participants: &Participants) -> CapacityResult<&'a str> {
    own_participant(c, participants)
}

/// Records a donor's funding line: to request `request_id` (which the
/// donor must be able to see, and not be its own), or to an area.
pub async fn fund(
    c: &Caller<'_>,
    request_id: Option<i64>,
    draft: &FundingDraft,
) -> CapacityResult<CapacityFunding> {
    let participants = Participants::load(c.store).await?;
    let own = donor(c, &participants)?;
    let requester = match request_id {
        Some(id) => {
            let (request, view) = one(c, &participants, id).await?;
            if view == CapacityView::Requester {
                return Err(CapacityFailure::Refused("capacity-refused-own-funding"));
            }
            if matches!(
                request.status,
                RequestStatus::Withdrawn | RequestStatus::Closed
            ) {
                return Err(CapacityFailure::Refused("capacity-refused-closed"));
            }
            Some((id, request.participant))
        }
        None => None,
    };
    let line = draft
        .check(request_id.is_none())
        .map_err(CapacityFailure::Invalid)?;
    let now = c.clock.now();
    let log = events::capacity_funded(
        now,
        &c.who.log,
        requester.as_ref().map(|(id, p)| (*id, p.as_str())),
        &line,
    )?;
    Ok(c.store
        .record_capacity_funding(
            NewCapacityFunding {
                request_id,
                donor: own.to_string(),
                line,
                at: now,
                by: Some(c.who.account_id()),
            },
            log,
        )
        .await?)
}

/// The funding lines the caller may see: all (the secretariat); its own
/// as a donor, and those to its own State's requests (a participant).
/// `request` narrows them to one request.
pub async fn funding_seen(
    c: &Caller<'_>,
    participants: &Participants,
    request: Option<i64>,
) -> CapacityResult<Vec<CapacityFunding>> {
    let coordinator = c.who.actor.kind == pocdir_domain::account::AccountKind::Secretariat;
    let own = c.who.actor.participant.as_ref().map(|p| p.as_str());
    let own_requests: Vec<i64> = if coordinator {
        Vec::new()
    } else {
        visible(c, participants)
            .await?
            .into_iter()
            .filter(|(_, view)| *view == CapacityView::Requester)
            .map(|(r, _)| r.id)
            .collect()
    };
    Ok(c.store
        .capacity_funding()
        .await?
        .into_iter()
        .filter(|f| request.is_none_or(|id| f.request_id == Some(id)))
        .filter(|f| {
            coordinator
                || Some(f.donor.as_str()) == own
                || f.request_id.is_some_and(|id| own_requests.contains(&id))
        })
        .collect())
}

/// The latest self-assessment of the caller's State, if it took one.
pub async fn own_readiness(
    c: &Caller<'_>,
) -> CapacityResult<Option<(Assessment, ReadinessRecord)>> {
    let Some(own) = c.who.actor.participant.as_ref().map(|p| p.as_str()) else {
        return Ok(None);
    };
    Ok(c.store
        .latest_readiness()
        .await?
        .into_iter()
        .find(|r| r.participant == own)
        .and_then(|r| Assessment::from_text(&r.answers).map(|a| (a, r))))
}

/// Keeps the State's self-assessment, with its entry.
pub async fn assess(
    c: &Caller<'_>,
    pairs: &[(String, String)],
    shared: bool,
) -> CapacityResult<Assessment> {
    let participants = Participants::load(c.store).await?;
    let own = own_participant(c, &participants)?.to_owned();
    let assessment = Assessment::parse(pairs).map_err(|id| {
        CapacityFailure::Invalid(vec![FieldError {
            field: "answers".into(),
            message_id: id,
        }])
    })?;
    let now = c.clock.now();
    let log = events::capacity_assessed(now, &c.who.log, &assessment, shared)?;
    c.store
        .record_readiness(
            ReadinessRecord {
                participant: own,
                answers: assessment.to_text(),
                shared,
                assessed_at: now,
                assessed_by: Some(c.who.actor.account_id),
            },
            log,
        )
        .await?;
    Ok(assessment)
}

/// Files the request a gap of the State's latest self-assessment makes:
/// its area and format, the action as its description, in `language`,
/// needed within six months, open to every provider.
pub async fn request_for_gap(
    c: &Caller<'_>,
    point: ReadinessPoint,
    description: String,
    language: &str,
) -> CapacityResult<CapacityRequest> {
    let gap = own_readiness(c)
        .await?
        .is_some_and(|(a, _)| a.gaps().iter().any(|(p, _)| *p == point));
    if !gap {
        return Err(CapacityFailure::Refused("readiness-refused-no-gap"));
    }
    let (area, format, _) = point.remedy();
    let needed_by = (c.clock.now() + time::Duration::days(183)).date();
    file(
        c,
        &RequestDraft {
            areas: vec![area.as_str().to_owned()],
            description,
            languages: vec![language.to_owned()],
            format: format.as_str().to_owned(),
            needed_by: needed_by.to_string(),
            funding_needed: false,
            visibility: "all_providers".into(),
            providers: Vec::new(),
        },
    )
    .await
}
