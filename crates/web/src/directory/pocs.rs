//! Points of contact over the API: the PoCs of a participant (what each
//! account sees depends on its State: reciprocity), nominations by the
//! State's nominator, and the secretariat's verification queue. Every read
//! of another State's contact details is written to the log.

use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::ApiJson;
use crate::http::identity::{log_actor, SignedIn};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use pocdir_domain::directory::poc::{PendingAction, PocDraft, PocRole, PocStatus};
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::policy::{directory_view, may_nominate_for, DirectoryView};
use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::{ChangeOutcome, Poc, StoreError};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct PocBody {
    pub id: i64,
    pub participant: String,
    pub role: PocRole,
    /// What this role does (English; the pages show it in the reader's language).
    pub duties: String,
    pub status: PocStatus,
    /// Name this version when changing the PoC.
    pub version: i64,
    /// The verified details, when the reader may see contact details;
    /// `openpgp` holds the PoC's checked key (fingerprint, algorithm,
    /// `created_at`, `expires_at`, `user_ids`, `armored`) or is null.
    #[schema(value_type = Option<Object>)]
    pub details: Option<serde_json::Value>,
    /// A proposal awaiting the secretariat (administrators only).
    #[schema(value_type = Option<Object>)]
    pub pending: Option<serde_json::Value>,
    pub pending_action: Option<PendingAction>,
    /// RFC 3339; last verification or re-validation.
    pub confirmed_at: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PocListBody {
    pub participant: String,
    /// `administer`, `contacts` or `without_contacts`.
    pub view: String,
    pub pocs: Vec<PocBody>,
}

fn json_of(s: Option<&String>) -> Option<serde_json::Value> {
    s.and_then(|s| serde_json::from_str(s).ok())
}

pub(crate) fn body(p: &Poc, view: DirectoryView) -> PocBody {
    let contacts = matches!(view, DirectoryView::Administer | DirectoryView::Contacts);
    PocBody {
        id: p.id,
        participant: p.participant.clone(),
        role: p.role,
        duties: Translator::new(Lang::En).t(p.role.duties_message()),
        status: p.status,
        version: p.version,
        details: if contacts {
            json_of(p.active.as_ref())
        } else {
            None
        },
        pending: if view == DirectoryView::Administer {
            json_of(p.pending.as_ref())
        } else {
            None
        },
        pending_action: p.pending_action,
        confirmed_at: p.confirmed_at.and_then(|t| t.format(&Rfc3339).ok()),
    }
}

async fn takes_part(state: &AppState, code: Option<&str>) -> Result<bool, AppError> {
    Ok(match code {
        Some(code) => state
            .store
            .participant(code)
            .await?
            .is_some_and(|p| p.status.takes_part()),
        None => false,
    })
}

/// Refuses, and records the attempt in the log.
pub(crate) async fn refuse(state: &AppState, me: &SignedIn, what: &str, code: &str) -> AppError {
    let log = LogDraft::new(
        state.clock.now(),
        log_actor(&me.account),
        "access.refused",
        what.to_string(),
    )
    .about_participant(Some(code.to_string()));
    if let Err(e) = state.store.append_log(&[log]).await {
        tracing::error!(error = %e, "cannot record a refused access");
    }
    tracing::warn!(
        account = me.account.id,
        target = code,
        what,
        "directory access refused"
    );
    AppError::new(
        StatusCode::FORBIDDEN,
        "forbidden",
        "poc-error-not-your-state",
    )
}

/// The log entry of one read of PoC `id` (of participant `code`) by `me`
/// through `path` (`page`, `api`, `export`).
pub(crate) fn read_entry(
    now: time::OffsetDateTime,
    me: &SignedIn,
    code: &str,
    id: i64,
    version: i64,
    path: &str,
) -> LogDraft {
    LogDraft::new(now, log_actor(&me.account), "poc.read", format!("poc:{id}"))
        .about_participant(Some(code.to_string()))
        .with_content(&serde_json::json!({"path": path, "version": version}))
}

/// Read transparency: every read of another State's contact details is
/// logged, one entry per PoC whose verified details were shown.
pub(crate) async fn record_reads<'a>(
    state: &AppState,
    me: &SignedIn,
    code: &str,
    shown: impl Iterator<Item = &'a Poc>,
    path: &str,
) -> Result<(), AppError> {
    if me.account.participant.as_deref() == Some(code) {
        return Ok(());
    }
    let now = state.clock.now();
    let reads: Vec<LogDraft> = shown
        .filter(|p| p.active.is_some())
        .map(|p| read_entry(now, me, code, p.id, p.version, path))
        .collect();
    if !reads.is_empty() {
        state.store.append_log(&reads).await?;
    }
    Ok(())
}

#[utoipa::path(get, path = "/api/v1/participants/{code}/pocs", tag = "pocs",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 code")),
    responses(
        (status = 200, description = "The PoCs this account may see", body = PocListBody),
        (status = 403, description = "This account's State does not take part, or it is a reporter", body = ErrorBody),
        (status = 404, description = "No such participant", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
    Path(code): Path<String>,
) -> Result<Json<PocListBody>, AppError> {
    let code = code.trim().to_ascii_uppercase();
    let target = state
        .store
        .participant(&code)
        .await?
        .ok_or_else(AppError::not_found)?;
    let actor_in = takes_part(&state, me.account.participant.as_deref()).await?;
    let view = directory_view(&me.actor, &code, actor_in, target.status.takes_part());
    if view == DirectoryView::Nothing {
        return Err(refuse(&state, &me, &format!("participant:{code}/pocs"), &code).await);
    }
    let pocs: Vec<Poc> = state
        .store
        .pocs_of(&code)
        .await?
        .into_iter()
        .filter(|p| match view {
            DirectoryView::Contacts => p.status == PocStatus::Active,
            _ => true,
        })
        .collect();
    if matches!(view, DirectoryView::Administer | DirectoryView::Contacts) {
        record_reads(&state, &me, &code, pocs.iter(), "api").await?;
    }
    let view_name = match view {
        DirectoryView::Administer => "administer",
        DirectoryView::Contacts => "contacts",
        _ => "without_contacts",
    };
    Ok(Json(PocListBody {
        participant: code,
        view: view_name.to_string(),
        pocs: pocs.iter().map(|p| body(p, view)).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/participants/{code}/pocs", tag = "pocs",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 code")),
    request_body = PocDraft,
    responses(
        (status = 201, description = "Nominated; awaiting the secretariat's verification", body = PocBody),
        (status = 403, description = "Only the State's own nominator nominates its PoCs (the attempt is logged)", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn nominate(
    State(state): State<AppState>,
    me: SignedIn,
    Path(code): Path<String>,
    ApiJson(draft): ApiJson<PocDraft>,
) -> Result<(StatusCode, Json<PocBody>), AppError> {
    let poc = nominate_poc(&state, &me, &code, &draft).await?;
    Ok((
        StatusCode::CREATED,
        Json(body(&poc, DirectoryView::Administer)),
    ))
}

/// Field errors of a PoC that failed validation, as an error.
pub(crate) fn invalid(errors: Vec<pocdir_domain::directory::poc::FieldError>) -> AppError {
    AppError::invalid_fields(
        errors
            .into_iter()
            .map(|e| (e.field, e.message_id))
            .collect(),
    )
}

/// A nomination by `me` for participant `code` (the API and the form).
pub(crate) async fn nominate_poc(
    state: &AppState,
    me: &SignedIn,
    code: &str,
    draft: &PocDraft,
) -> Result<Poc, AppError> {
    let code = code.trim().to_ascii_uppercase();
    if !may_nominate_for(&me.actor, &code) {
        return Err(refuse(state, me, &format!("participant:{code}/pocs"), &code).await);
    }
    let now = state.clock.now();
    let details = draft.validate(now).map_err(invalid)?;
    let json = serde_json::to_string(&details).map_err(|_| AppError::internal())?;
    let log = LogDraft::new(now, log_actor(&me.account), "poc.propose", String::new())
        .about_participant(Some(code.clone()))
        .try_with_content(&details)
        .map_err(|_| AppError::internal())?;
    state
        .store
        .propose_poc(&code, details.role, &json, Some(me.account.id), now, log)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => AppError::not_found(),
            other => other.into(),
        })
}

#[utoipa::path(get, path = "/api/v1/pocs/pending", tag = "pocs",
    responses(
        (status = 200, description = "The verification queue, oldest request first", body = [PocBody]),
        (status = 403, description = "The secretariat only", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn pending(State(state): State<AppState>) -> Result<Json<Vec<PocBody>>, AppError> {
    let queue = state.store.pending_pocs().await?;
    Ok(Json(
        queue
            .iter()
            .map(|p| body(p, DirectoryView::Administer))
            .collect(),
    ))
}

/// The secretariat's decision on a pending request.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// The version the decision was made on.
    pub version: i64,
    pub approve: bool,
    /// Required when rejecting; shown to the nominator.
    pub reason: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/pocs/{id}/decision", tag = "pocs",
    params(("id" = i64, Path, description = "PoC id")),
    request_body = DecisionRequest,
    responses(
        (status = 200, description = "Decided", body = PocBody),
        (status = 404, description = "No such PoC", body = ErrorBody),
        (status = 409, description = "Changed since that version, or nothing pending", body = ErrorBody),
        (status = 422, description = "A rejection needs a reason", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<i64>,
    ApiJson(req): ApiJson<DecisionRequest>,
) -> Result<Json<PocBody>, AppError> {
    let poc = decide_poc(&state, &me, id, &req).await?;
    Ok(Json(body(&poc, DirectoryView::Administer)))
}

fn stale(current: &Poc) -> AppError {
    AppError::new(StatusCode::CONFLICT, "stale_version", "poc-error-stale")
        .with_arg("version", FluentArg::Number(current.version))
}

/// The secretariat's decision (the API and the queue page).
pub(crate) async fn decide_poc(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    req: &DecisionRequest,
) -> Result<Poc, AppError> {
    let reason = req
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if !req.approve && reason.is_none() {
        return Err(AppError::invalid_fields(vec![(
            "reason".into(),
            "poc-error-reason-required",
        )]));
    }
    let poc = state.store.poc(id).await?.ok_or_else(AppError::not_found)?;
    let now = state.clock.now();
    let action = if req.approve {
        "poc.approve"
    } else {
        "poc.reject"
    };
    let log = LogDraft::new(now, log_actor(&me.account), action, format!("poc:{id}"))
        .about_participant(Some(poc.participant.clone()))
        .with_content(&serde_json::json!({"version": req.version, "reason": reason}));
    let outcome = state
        .store
        .decide_poc(
            id,
            req.version,
            req.approve,
            reason,
            Some(me.account.id),
            now,
            log,
        )
        .await;
    match outcome {
        Ok(ChangeOutcome::Applied(decided)) => Ok(decided.poc),
        Ok(ChangeOutcome::Stale(current)) => Err(stale(&current)),
        Err(StoreError::NotAllowed(_)) => Err(AppError::new(
            StatusCode::CONFLICT,
            "nothing_pending",
            "poc-error-nothing-pending",
        )),
        Err(StoreError::NotFound) => Err(AppError::not_found()),
        Err(e) => Err(e.into()),
    }
}

/// A change to an existing PoC, made on the version the nominator last saw.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PocChange {
    pub version: i64,
    /// New details (for an update only).
    pub details: Option<PocDraft>,
}

/// What the nominator asks for.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Change {
    Update,
    Withdraw,
    Confirm,
}

async fn change(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    req: PocChange,
    what: Change,
) -> Result<Json<PocBody>, AppError> {
    let poc = change_poc(state, me, id, req, what).await?;
    Ok(Json(body(&poc, DirectoryView::Administer)))
}

/// A change by the State's nominator (the API and the forms).
pub(crate) async fn change_poc(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    req: PocChange,
    what: Change,
) -> Result<Poc, AppError> {
    let poc = state.store.poc(id).await?.ok_or_else(AppError::not_found)?;
    if !may_nominate_for(&me.actor, &poc.participant) {
        return Err(refuse(state, me, &format!("poc:{id}"), &poc.participant).await);
    }
    let now = state.clock.now();
    let draft = |action: &str| {
        LogDraft::new(now, log_actor(&me.account), action, format!("poc:{id}"))
            .about_participant(Some(poc.participant.clone()))
    };
    let store = &state.store;
    let actor = Some(me.account.id);
    let outcome = match what {
        Change::Update => {
            let details = req
                .details
                .ok_or_else(|| {
                    AppError::invalid_fields(vec![("details".into(), "poc-error-required")])
                })?
                .validate(now)
                .map_err(invalid)?;
            if details.role != poc.role {
                return Err(AppError::invalid_fields(vec![(
                    "role".into(),
                    "poc-error-role-fixed",
                )]));
            }
            let json = serde_json::to_string(&details).map_err(|_| AppError::internal())?;
            let log = draft("poc.propose_update")
                .try_with_content(&details)
                .map_err(|_| AppError::internal())?;
            store
                .propose_poc_update(id, req.version, &json, actor, now, log)
                .await
        }
        Change::Withdraw => {
            store
                .propose_poc_withdrawal(
                    id,
                    req.version,
                    actor,
                    now,
                    draft("poc.propose_withdrawal"),
                )
                .await
        }
        Change::Confirm => {
            store
                .confirm_poc(id, req.version, actor, now, draft("poc.confirm"))
                .await
        }
    };
    match outcome {
        Ok(ChangeOutcome::Applied(poc)) => Ok(poc),
        Ok(ChangeOutcome::Stale(current)) => Err(stale(&current)),
        Err(StoreError::NotAllowed(_)) => Err(AppError::new(
            StatusCode::CONFLICT,
            "not_allowed_now",
            "poc-error-not-allowed-now",
        )),
        Err(StoreError::NotFound) => Err(AppError::not_found()),
        Err(e) => Err(e.into()),
    }
}

#[utoipa::path(post, path = "/api/v1/pocs/{id}/update", tag = "pocs",
    params(("id" = i64, Path, description = "PoC id")), request_body = PocChange,
    responses(
        (status = 200, description = "Proposed; the secretariat verifies it before it is active", body = PocBody),
        (status = 403, description = "Not this State's nominator (logged)", body = ErrorBody),
        (status = 409, description = "Changed since that version, or not possible in its state", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn propose_update(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<i64>,
    ApiJson(req): ApiJson<PocChange>,
) -> Result<Json<PocBody>, AppError> {
    change(&state, &me, id, req, Change::Update).await
}

#[utoipa::path(post, path = "/api/v1/pocs/{id}/withdraw", tag = "pocs",
    params(("id" = i64, Path, description = "PoC id")), request_body = PocChange,
    responses(
        (status = 200, description = "Withdrawal requested (or a pending nomination withdrawn at once)", body = PocBody),
        (status = 403, description = "Not this State's nominator (logged)", body = ErrorBody),
        (status = 409, description = "Changed since that version, or not possible in its state", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn propose_withdrawal(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<i64>,
    ApiJson(req): ApiJson<PocChange>,
) -> Result<Json<PocBody>, AppError> {
    change(&state, &me, id, req, Change::Withdraw).await
}

#[utoipa::path(post, path = "/api/v1/pocs/{id}/confirm", tag = "pocs",
    params(("id" = i64, Path, description = "PoC id")), request_body = PocChange,
    responses(
        (status = 200, description = "Re-validated: the details still hold", body = PocBody),
        (status = 403, description = "Not this State's nominator (logged)", body = ErrorBody),
        (status = 409, description = "Changed since that version, or not active", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn confirm(
    State(state): State<AppState>,
    me: SignedIn,
    Path(id): Path<i64>,
    ApiJson(req): ApiJson<PocChange>,
) -> Result<Json<PocBody>, AppError> {
    change(&state, &me, id, req, Change::Confirm).await
}

/// One PoC as shown on a State's page.
pub struct PocCard {
    pub id: i64,
    pub role_label: String,
    pub duties: String,
    pub pending: bool,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub languages: String,
    pub time_zone: String,
    pub hours: String,
    pub within_hours: bool,
    /// The OpenPGP key's fingerprint in groups of four, or empty.
    pub fingerprint: String,
}

#[derive(askama::Template)]
#[template(path = "directory/participant.html")]
pub struct ParticipantPage {
    pub page: crate::http::page::PageCtx,
    pub name: String,
    pub code: String,
    pub status: String,
    pub region: String,
    pub diplomatic: usize,
    pub technical: usize,
    /// None when this reader may not see the PoCs.
    pub cards: Option<Vec<PocCard>>,
}

/// A participant's page: public facts for everyone; its PoCs for those the
/// directory rules allow, each read of another State's details logged.
pub async fn participant_page(
    State(state): State<AppState>,
    page: crate::http::page::PageCtx,
    signed_in: crate::http::identity::MaybeSignedIn,
    Path(code): Path<String>,
) -> Result<axum::response::Response, AppError> {
    use pocdir_domain::directory::poc::PocDetails;
    let code = code.trim().to_ascii_uppercase();
    let target = state
        .store
        .participant(&code)
        .await?
        .ok_or_else(AppError::not_found)?;
    let pocs = state.store.pocs_of(&code).await?;
    let active = |role: PocRole| {
        pocs.iter()
            .filter(|p| p.status == PocStatus::Active && p.role == role)
            .count()
    };
    let (diplomatic, technical) = (active(PocRole::Diplomatic), active(PocRole::Technical));
    let view = match &signed_in.0 {
        Some(me) => {
            let actor_in = takes_part(&state, me.account.participant.as_deref()).await?;
            directory_view(&me.actor, &code, actor_in, target.status.takes_part())
        }
        None => DirectoryView::Nothing,
    };
    let shows_contacts = matches!(view, DirectoryView::Administer | DirectoryView::Contacts);
    let cards = if shows_contacts {
        let now = state.clock.now();
        let visible: Vec<&Poc> = pocs
            .iter()
            .filter(|p| match view {
                DirectoryView::Administer => {
                    matches!(p.status, PocStatus::Active | PocStatus::Pending)
                }
                _ => p.status == PocStatus::Active,
            })
            .collect();
        if let Some(me) = &signed_in.0 {
            record_reads(&state, me, &code, visible.iter().copied(), "page").await?;
        }
        let cards = visible
            .iter()
            .filter_map(|p| {
                let json = p.active.as_ref().or(p.pending.as_ref())?;
                let d: PocDetails = serde_json::from_str(json).ok()?;
                let tz = pocdir_domain::directory::poc::parse_time_zone(&d.time_zone);
                Some(PocCard {
                    id: p.id,
                    fingerprint: d
                        .openpgp
                        .as_ref()
                        .map(|k| k.grouped_fingerprint())
                        .unwrap_or_default(),
                    role_label: page.t(p.role.label_message()),
                    duties: page.t(p.role.duties_message()),
                    pending: p.status == PocStatus::Pending,
                    within_hours: tz.is_some_and(|tz| d.availability.covers(tz, now)),
                    name: d.name,
                    title: d.title,
                    organisation: d.organisation,
                    emails: d.emails,
                    phones: d.phones.into_iter().map(|(n, _)| n).collect(),
                    languages: d.languages.join(", "),
                    time_zone: d.time_zone,
                    hours: d.hours,
                })
            })
            .collect();
        Some(cards)
    } else {
        None
    };
    let lang = page.lang.code();
    let status = page.t(target.status.label_message());
    Ok(crate::http::page::render(
        StatusCode::OK,
        &ParticipantPage {
            name: target.names.in_language(lang).to_string(),
            code,
            status,
            region: target.region,
            diplomatic,
            technical,
            cards,
            page,
        },
    ))
}
