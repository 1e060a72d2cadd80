//! The funding of capacity building on the pages: the lines on a
//! request's page (every line to the requester and the secretariat, its
//! own to a donor) with its form; the funding page (`/capacity/funding`):
//! the lines the reader may see with their totals per currency and stage,
//! and the form that pledges to an area.

use super::pages::Choice;
use super::steps::{self, Caller, Participants};
use crate::accounts::mail::mail_time;
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::account::AccountKind;
use pocdir_domain::capacity::funding::{format_amount, FundingDraft, FundingTotals};
use pocdir_domain::capacity::{Area, FundingStage};
use pocdir_store::CapacityFunding;
use serde::Deserialize;

/// A funding line as the pages show it.
pub struct FundingLine {
    pub donor: String,
    pub to: String,
    pub stage: String,
    pub amount: String,
    pub currency: String,
    pub at: String,
}

/// Totals of one currency: pledged, committed, disbursed.
pub struct TotalLine {
    pub currency: String,
    pub pledged: String,
    pub committed: String,
    pub disbursed: String,
}

pub fn lines(
    page: &PageCtx,
    participants: &Participants,
    all: &[CapacityFunding],
) -> Vec<FundingLine> {
    all.iter()
        .map(|f| FundingLine {
            donor: participants.name(&f.donor, page.lang_code()),
            to: match (f.request_id, f.area) {
                (Some(id), _) => format!("{}{id}", page.t("capacity-request-number")),
                (None, Some(area)) => page.t(area.label_message()),
                (None, None) => String::new(),
            },
            stage: page.t(f.stage.label_message()),
            amount: format_amount(f.amount_minor, &f.currency),
            currency: f.currency.clone(),
            at: mail_time(f.at),
        })
        .collect()
}

pub fn totals(all: &[CapacityFunding]) -> Vec<TotalLine> {
    let mut t = FundingTotals::default();
    for f in all {
        t.add(&f.currency, f.stage, f.amount_minor);
    }
    t.0.iter()
        .map(|(currency, [p, c, d])| TotalLine {
            currency: currency.clone(),
            pledged: format_amount(*p, currency),
            committed: format_amount(*c, currency),
            disbursed: format_amount(*d, currency),
        })
        .collect()
}

pub fn stages(page: &PageCtx) -> Vec<Choice> {
    FundingStage::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str().into(),
            label: page.t(s.label_message()),
            chosen: *s == FundingStage::Pledge,
        })
        .collect()
}

/// Whether the reader may fund at all (the route's action decides; this
/// hides the forms from the others).
pub fn may_fund(me: &SignedIn) -> bool {
    matches!(
        me.actor.kind,
        AccountKind::Nominator | AccountKind::DiplomaticPoc
    ) && me.actor.participant.is_some()
}

#[derive(Template)]
#[template(path = "capacity/funding.html")]
pub struct FundingPage {
    pub page: PageCtx,
    pub lines: Vec<FundingLine>,
    pub totals: Vec<TotalLine>,
    pub may_fund: bool,
    pub stages: Vec<Choice>,
    pub areas: Vec<Choice>,
    pub error: String,
}

async fn funding_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    status: StatusCode,
    error: String,
) -> Result<Response, AppError> {
    let participants = Participants::load(state.store.as_ref()).await?;
    let all = steps::funding_seen(&Caller::of(state, me), &participants, None).await?;
    let areas = Area::ALL
        .iter()
        .map(|a| Choice {
            value: a.as_str().into(),
            label: page.t(a.label_message()),
            chosen: false,
        })
        .collect();
    Ok(render(
        status,
        &FundingPage {
            lines: lines(&page, &participants, &all),
            totals: totals(&all),
            may_fund: may_fund(me),
            stages: stages(&page),
            areas,
            error,
            page,
        },
    ))
}

pub async fn page(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    funding_page(&state, page, &me, StatusCode::OK, String::new()).await
}

#[derive(Debug, Default, Deserialize)]
pub struct FundingForm {
    #[serde(default)]
    pub stage: String,
    #[serde(default)]
    pub currency: String,
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub area: String,
}

impl FundingForm {
    fn draft(self) -> FundingDraft {
        FundingDraft {
            stage: self.stage,
            currency: self.currency,
            amount: self.amount,
            area: self.area,
        }
    }
}

/// A line to an area, from the funding page.
pub async fn fund_area(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<FundingForm>,
) -> Result<Response, AppError> {
    match steps::fund(&Caller::of(&state, &me), None, &form.draft()).await {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some("/capacity/funding"), "/capacity"),
            "done-capacity-funded",
        )),
        Err(e) => {
            let (status, error) = super::pages::refusal_words(&page, e)?;
            funding_page(&state, page, &me, status, error).await
        }
    }
}

/// A line to a request, from its page.
pub async fn fund_request(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<FundingForm>,
) -> Result<Response, AppError> {
    match steps::fund(&Caller::of(&state, &me), Some(id), &form.draft()).await {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some(&format!("/capacity/requests/{id}")), "/capacity"),
            "done-capacity-funded",
        )),
        Err(e) => {
            let (status, error) = super::pages::refusal_words(&page, e)?;
            super::pages::one_with_error(&state, page, &me, id, status, error).await
        }
    }
}
