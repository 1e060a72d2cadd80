//! The steps that end or refuse a PoC, each confirmed with a reason: the
//! nominator's withdrawal and the secretariat's rejection (a page that asks
//! for the reason, shown again with the error beside it when none is
//! given), the secretariat's decision labelled by what it does, and the
//! review of a proposed change as a difference from the current entry.

use crate::directory::details::{role_label, DetailsView};
use crate::directory::nominations::own_poc;
use crate::directory::pocs::{change_poc, decide_poc, Change, DecisionRequest, PocChange};
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::form_errors::FormErrors;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::directory::diff::{diff, DetailField};
use pocdir_domain::directory::poc::{PendingAction, PocDetails, PocStatus};
use pocdir_store::Poc;
use serde::Deserialize;

/// What the secretariat's approve button says for each request.
pub fn approve_label_message(action: PendingAction) -> &'static str {
    match action {
        PendingAction::Create => "forms-approve-create",
        PendingAction::Update => "forms-approve-update",
        PendingAction::Withdraw => "forms-approve-withdraw",
    }
}

/// What the secretariat's reject button says for each request.
pub fn reject_label_message(action: PendingAction) -> &'static str {
    match action {
        PendingAction::Create => "forms-reject-create",
        PendingAction::Update => "forms-reject-update",
        PendingAction::Withdraw => "forms-reject-withdraw",
    }
}

/// What the reject page says will happen.
fn reject_intro_message(action: PendingAction) -> &'static str {
    match action {
        PendingAction::Create => "forms-reject-intro-create",
        PendingAction::Update => "forms-reject-intro-update",
        PendingAction::Withdraw => "forms-reject-intro-withdraw",
    }
}

/// The confirmation after an approval.
fn approved_message(action: Option<PendingAction>) -> &'static str {
    match action {
        Some(PendingAction::Create) => "done-approved-create",
        Some(PendingAction::Update) => "done-approved-update",
        Some(PendingAction::Withdraw) => "done-approved-withdraw",
        None => "done-decided",
    }
}

/// One field of a proposed change against the current entry.
pub struct DiffRow {
    /// The form field's name (for the row's id).
    pub field: &'static str,
    pub label: String,
    /// In words: unchanged, added, removed, changed.
    pub change: String,
    /// For styling only.
    pub class: &'static str,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// A field's value as the page shows it, one line per item.
fn shown(d: &DetailsView, field: DetailField) -> Vec<String> {
    let one = |s: &str| {
        if s.trim().is_empty() {
            Vec::new()
        } else {
            vec![s.to_string()]
        }
    };
    match field {
        DetailField::Name => one(&d.name),
        DetailField::Title => one(&d.title),
        DetailField::Organisation => one(&d.organisation),
        DetailField::Emails => d.emails.clone(),
        DetailField::Phones => d
            .phones
            .iter()
            .map(|p| format!("{} ({})", p.grouped, p.use_label))
            .collect(),
        DetailField::SecureChannels => d.secure_channels.clone(),
        DetailField::Languages => one(&d.languages),
        DetailField::TimeZone => one(&d.time_zone),
        DetailField::Hours => one(&d.hours),
        DetailField::Notes => one(&d.notes),
        DetailField::OpenPgpKey => d
            .openpgp
            .as_ref()
            .map(|k| vec![k.fingerprint.clone()])
            .unwrap_or_default(),
    }
}

/// The proposal against the current entry, field by field.
pub fn diff_rows(
    page: &PageCtx,
    current: &PocDetails,
    proposed: &PocDetails,
    now: time::OffsetDateTime,
) -> Vec<DiffRow> {
    let changes = diff(current, proposed);
    let before = DetailsView::new(page, current.clone(), now);
    let after = DetailsView::new(page, proposed.clone(), now);
    changes
        .into_iter()
        .map(|(field, change)| DiffRow {
            field: field.form_name(),
            label: page.t(field.label_message()),
            change: page.t(change.label_message()),
            class: change.as_str(),
            before: shown(&before, field),
            after: shown(&after, field),
        })
        .collect()
}

/// The person a PoC names: the proposal's name while one is pending, else
/// the verified one.
fn person(poc: &Poc) -> Result<String, AppError> {
    let details = match poc.pending_details()? {
        Some(d) => Some(d),
        None => poc.active_details()?,
    };
    Ok(details.map(|d| d.name).unwrap_or_default())
}

#[derive(Template)]
#[template(path = "directory/confirm_step.html")]
pub struct ConfirmStepPage {
    pub page: PageCtx,
    pub heading: String,
    /// The person the PoC names.
    pub name: String,
    /// The PoC's page (and where "cancel" leads).
    pub back: String,
    pub participant_name: String,
    pub role_label: String,
    /// What will happen, in words.
    pub intro: String,
    pub action: String,
    pub version: i64,
    /// `reject` for a decision; empty for a withdrawal.
    pub decision: String,
    pub reason_label: String,
    pub reason_hint: String,
    pub reason: String,
    pub button: String,
    pub button_id: String,
    pub errors: FormErrors,
    pub error: Option<String>,
}

impl ConfirmStepPage {
    /// The page again with what went wrong: a field's error beside the
    /// reason, anything else at the top; the reason as typed is kept.
    fn with_error(mut self, e: &AppError) -> Response {
        for (field, id) in &e.fields {
            let label = self.reason_label.clone();
            let message = self.page.t(id);
            self.errors.add(field, label, message);
        }
        if e.fields.is_empty() {
            self.error = Some(e.message(self.page.lang));
        }
        render(e.status, &self)
    }
}

async fn participant_name(state: &AppState, page: &PageCtx, code: &str) -> String {
    match state.store.participant(code).await {
        Ok(Some(p)) => p.names.in_language(page.lang.code()).to_string(),
        _ => code.to_string(),
    }
}

/// The reject step of PoC `poc`, with `reason` as typed so far.
async fn reject_page(
    state: &AppState,
    page: PageCtx,
    poc: &Poc,
    version: i64,
    reason: String,
) -> Result<ConfirmStepPage, AppError> {
    let action = poc
        .pending_action
        .ok_or_else(|| AppError::from(pocdir_directory::pocs::PocError::NothingPending))?;
    let name = person(poc)?;
    Ok(ConfirmStepPage {
        heading: page.t(reject_label_message(action)),
        back: format!("/pocs/{}", poc.id),
        participant_name: participant_name(state, &page, &poc.participant).await,
        role_label: role_label(&page, poc.role),
        intro: page.t(reject_intro_message(action)),
        action: format!("/pocs/{}/decision", poc.id),
        version,
        decision: "reject".into(),
        reason_label: page.t("forms-reject-reason"),
        reason_hint: page.t("forms-reject-reason-hint"),
        reason,
        button: page.t(reject_label_message(action)),
        name,
        button_id: "reject-submit".into(),
        errors: FormErrors::default(),
        error: None,
        page,
    })
}

/// The secretariat's step before a rejection: what is rejected, and why.
pub async fn reject_form(
    State(state): State<AppState>,
    page: PageCtx,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let poc = state.store.poc(id).await?.ok_or_else(AppError::not_found)?;
    let view = reject_page(&state, page, &poc, poc.version, String::new()).await?;
    Ok(render(StatusCode::OK, &view))
}

#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    pub version: i64,
    /// `approve` or `reject`.
    pub decision: String,
    #[serde(default)]
    pub reason: String,
}

/// The secretariat's decision: back to the queue with a confirmation; a
/// rejection without a reason (or on a stale version) shows the reject
/// step again with the error beside the reason and the reason kept.
pub async fn decision_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<DecisionForm>,
) -> Result<Response, AppError> {
    let approve = match form.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::bad_request("error-bad-form")),
    };
    let poc = state.store.poc(id).await?.ok_or_else(AppError::not_found)?;
    let req = DecisionRequest {
        version: form.version,
        approve,
        reason: Some(form.reason.clone()),
    };
    let queue = safe_next(Some("/nominations"), "/nominations");
    match decide_poc(&state, &me, id, &req).await {
        Ok(_) if approve => Ok(see_other_done(&queue, approved_message(poc.pending_action))),
        Ok(_) => Ok(see_other_done(&queue, "done-rejected")),
        Err(e)
            if !approve
                && matches!(
                    e.status,
                    StatusCode::UNPROCESSABLE_ENTITY | StatusCode::CONFLICT
                )
                && poc.pending_action.is_some() =>
        {
            // A stale decision is made again on the version as it is now.
            let version = if e.status == StatusCode::CONFLICT {
                poc.version
            } else {
                form.version
            };
            let view = reject_page(&state, page, &poc, version, form.reason).await?;
            Ok(view.with_error(&e))
        }
        Err(e) => Err(e),
    }
}

/// The withdraw step of `poc`, with `reason` as typed so far.
async fn withdraw_page(
    state: &AppState,
    page: PageCtx,
    poc: &Poc,
    version: i64,
    reason: String,
) -> Result<ConfirmStepPage, AppError> {
    let name = person(poc)?;
    let nomination = poc.status == PocStatus::Pending;
    Ok(ConfirmStepPage {
        heading: page.t("forms-withdraw-heading"),
        name,
        back: format!("/pocs/{}", poc.id),
        participant_name: participant_name(state, &page, &poc.participant).await,
        role_label: role_label(&page, poc.role),
        intro: page.t(if nomination {
            "forms-withdraw-intro-nomination"
        } else {
            "forms-withdraw-intro-active"
        }),
        action: format!("/pocs/{}/withdraw", poc.id),
        version,
        decision: String::new(),
        reason_label: page.t("forms-withdraw-reason"),
        reason_hint: page.t("forms-withdraw-reason-hint"),
        reason,
        button: page.t(if nomination {
            "forms-withdraw-button-nomination"
        } else {
            "forms-withdraw-button-active"
        }),
        button_id: "withdraw-submit".into(),
        errors: FormErrors::default(),
        error: None,
        page,
    })
}

/// The nominator's step before a withdrawal: what will happen, and why.
pub async fn withdraw_form(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let poc = own_poc(&state, &me, id).await?;
    let view = withdraw_page(&state, page, &poc, poc.version, String::new()).await?;
    Ok(render(StatusCode::OK, &view))
}

#[derive(Debug, Deserialize)]
pub struct WithdrawForm {
    pub version: i64,
    #[serde(default)]
    pub reason: String,
}

/// A withdrawal with its reason: back to the PoC with a confirmation, or
/// the step again with the error.
pub async fn withdraw_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<WithdrawForm>,
) -> Result<Response, AppError> {
    let poc = own_poc(&state, &me, id).await?;
    let req = PocChange {
        version: form.version,
        details: None,
        reason: Some(form.reason.clone()),
    };
    match change_poc(&state, &me, id, req, Change::Withdraw).await {
        Ok(after) => {
            let done = if after.status == PocStatus::Withdrawn {
                "done-nomination-withdrawn"
            } else {
                "done-withdrawal-requested"
            };
            Ok(see_other_done(
                &safe_next(Some(&format!("/pocs/{id}")), "/"),
                done,
            ))
        }
        Err(e)
            if matches!(
                e.status,
                StatusCode::UNPROCESSABLE_ENTITY | StatusCode::CONFLICT
            ) =>
        {
            let version = if e.status == StatusCode::CONFLICT {
                poc.version
            } else {
                form.version
            };
            let view = withdraw_page(&state, page, &poc, version, form.reason).await?;
            Ok(view.with_error(&e))
        }
        Err(e) => Err(e),
    }
}

/// What the PoC page shows the secretariat (and the State's nominator)
/// about a pending request.
#[derive(Default)]
pub struct Review {
    /// A proposed change against the current entry; empty otherwise.
    pub diff: Vec<DiffRow>,
    /// The request is a first nomination: there is no current entry.
    pub new_entry: bool,
    /// The nominator's reason for a pending withdrawal.
    pub withdrawal_reason: String,
    pub approve_label: String,
    pub reject_label: String,
}

impl Review {
    /// The review of `poc`'s pending request, if any; `withdrawal_reason` is
    /// the reason of its last withdrawal request, from its history.
    pub fn of(
        page: &PageCtx,
        poc: &Poc,
        withdrawal_reason: Option<String>,
        now: time::OffsetDateTime,
    ) -> Result<Review, AppError> {
        let Some(action) = poc.pending_action else {
            return Ok(Review::default());
        };
        let diff = match (action, poc.active_details()?, poc.pending_details()?) {
            (PendingAction::Update, Some(current), Some(proposed)) => {
                diff_rows(page, &current, &proposed, now)
            }
            _ => Vec::new(),
        };
        Ok(Review {
            diff,
            new_entry: action == PendingAction::Create,
            withdrawal_reason: if action == PendingAction::Withdraw {
                withdrawal_reason.unwrap_or_default()
            } else {
                String::new()
            },
            approve_label: page.t(approve_label_message(action)),
            reject_label: page.t(reject_label_message(action)),
        })
    }
}
