//! The secretariat's vetting pages: every application and reporter
//! (pending first), one of them with its details, its history and the
//! decisions its status allows, each a form (a reason where one is needed).

use super::vetting::{self, lang_of};
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
use pocdir_domain::reporter::{ReporterStatus, VettingDecision};
use pocdir_store::Reporter;
use serde::Deserialize;

/// One reporter as the list and its page show it.
pub struct ReporterRow {
    pub id: i64,
    pub organisation: String,
    pub country: String,
    pub country_name: String,
    pub website: String,
    pub contact_name: String,
    pub contact_email: String,
    pub language: String,
    pub fingerprint: String,
    pub why: String,
    pub status: String,
    pub status_key: &'static str,
    pub reason: String,
    pub applied: String,
}

async fn row(state: &AppState, page: &PageCtx, r: Reporter) -> Result<ReporterRow, AppError> {
    let country_name = state
        .store
        .participant(&r.country)
        .await?
        .map(|p| p.names.in_language(page.lang.code()).to_string())
        .unwrap_or_else(|| r.country.clone());
    Ok(ReporterRow {
        id: r.id,
        language: lang_of(&r).native_name().to_string(),
        organisation: r.organisation,
        country: r.country,
        country_name,
        website: r.website,
        contact_name: r.contact_name,
        contact_email: r.contact_email,
        fingerprint: r.openpgp_fingerprint.unwrap_or_default(),
        why: r.why,
        status: page.t(r.status.label_message()),
        status_key: r.status.as_str(),
        reason: r.status_reason.unwrap_or_default(),
        applied: mail_time(r.applied_at),
    })
}

#[derive(Template)]
#[template(path = "reporters/list.html")]
pub struct ListPage {
    pub page: PageCtx,
    pub rows: Vec<ReporterRow>,
    pub pending: usize,
}

impl ListPage {
    /// For the plural of the count.
    pub fn pending_count(&self) -> i64 {
        i64::try_from(self.pending).unwrap_or(i64::MAX)
    }
}

pub async fn list(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let all = state.store.reporters().await?;
    let pending = all
        .iter()
        .filter(|r| r.status == ReporterStatus::Pending)
        .count();
    let mut rows = Vec::with_capacity(all.len());
    for r in all {
        rows.push(row(&state, &page, r).await?);
    }
    Ok(render(
        StatusCode::OK,
        &ListPage {
            page,
            rows,
            pending,
        },
    ))
}

/// A decision the page offers.
pub struct DecisionForm {
    pub decision: &'static str,
    pub label: String,
    pub needs_reason: bool,
    pub danger: bool,
}

/// A past decision.
pub struct HistoryRow {
    pub at: String,
    pub decision: String,
    pub status: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "reporters/one.html")]
pub struct OnePage {
    pub page: PageCtx,
    pub reporter: ReporterRow,
    pub decisions: Vec<DecisionForm>,
    pub history: Vec<HistoryRow>,
    /// The decision that was refused, and why.
    pub error_for: String,
    pub error: String,
    pub reason: String,
}

async fn one_page(
    state: &AppState,
    page: PageCtx,
    id: i64,
    refused: Option<(StatusCode, String, String, String)>,
) -> Result<Response, AppError> {
    let r = state
        .store
        .reporter(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let decisions = r
        .status
        .decisions()
        .iter()
        .map(|d| DecisionForm {
            decision: d.as_str(),
            label: page.t(d.label_message()),
            needs_reason: d.needs_reason(),
            danger: d.needs_reason(),
        })
        .collect();
    let history = state
        .store
        .reporter_changes(id)
        .await?
        .into_iter()
        .map(|c| HistoryRow {
            at: mail_time(c.at),
            decision: page.t(c.decision.label_message()),
            status: page.t(c.to.label_message()),
            reason: c.reason.unwrap_or_default(),
        })
        .collect();
    let (status, error_for, error, reason) =
        refused.unwrap_or((StatusCode::OK, String::new(), String::new(), String::new()));
    let reporter = row(state, &page, r).await?;
    Ok(render(
        status,
        &OnePage {
            page,
            reporter,
            decisions,
            history,
            error_for,
            error,
            reason,
        },
    ))
}

pub async fn one(
    State(state): State<AppState>,
    page: PageCtx,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    one_page(&state, page, id, None).await
}

#[derive(Debug, Default, Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub reason: String,
}

pub async fn decide(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<DecideForm>,
) -> Result<Response, AppError> {
    let decision: VettingDecision = form
        .decision
        .parse()
        .map_err(|_| AppError::bad_request("reporters-error-decision"))?;
    match vetting::decide(&state, &me, id, decision, &form.reason).await {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some(&format!("/reporters/{id}")), "/reporters"),
            match decision {
                VettingDecision::Approve => "done-reporter-approved",
                VettingDecision::Reject => "done-reporter-rejected",
                VettingDecision::Suspend => "done-reporter-suspended",
                VettingDecision::Reinstate => "done-reporter-reinstated",
            },
        )),
        Err(e) if e.status == StatusCode::NOT_FOUND => Err(e),
        Err(e) if e.status.is_client_error() => {
            // A refused reason is named by its field's message.
            let message = match e.fields.first() {
                Some((_, id)) => page.t(id),
                None => e.message(page.lang),
            };
            one_page(
                &state,
                page,
                id,
                Some((
                    e.status,
                    decision.as_str().to_string(),
                    message,
                    form.reason,
                )),
            )
            .await
        }
        Err(e) => Err(e),
    }
}
