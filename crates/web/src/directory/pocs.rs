//! Points of contact over the API: the PoCs of a participant (what each
//! account sees depends on its State: reciprocity), nominations by the
//! State's nominator, and the secretariat's verification queue. Every read
//! of another State's contact details is written to the log.

use crate::directory::values;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, PathParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use pocdir_directory::access::{DirectoryAccess, RecordError, Refused};
use pocdir_directory::pocs::{NominatorChange, PocError, Pocs};
use pocdir_domain::directory::lifecycle::UnreadableDetails;
use pocdir_domain::directory::poc::{PendingAction, PocDraft, PocRole, PocStatus};
use pocdir_domain::policy::{directory_view, may_nominate_for, DirectoryView};
use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::Poc;
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

pub(crate) fn body(p: &Poc, view: DirectoryView) -> Result<PocBody, AppError> {
    let contacts = matches!(view, DirectoryView::Administer | DirectoryView::Contacts);
    Ok(PocBody {
        id: p.id,
        participant: p.participant.clone(),
        role: p.role,
        duties: Translator::new(Lang::En).t(p.role.duties_message()),
        status: p.status,
        version: p.version,
        details: if contacts { p.active_as()? } else { None },
        pending: if view == DirectoryView::Administer {
            p.pending_as()?
        } else {
            None
        },
        pending_action: p.pending_action,
        confirmed_at: p.confirmed_at.and_then(|t| t.format(&Rfc3339).ok()),
    })
}

impl From<UnreadableDetails> for AppError {
    fn from(e: UnreadableDetails) -> Self {
        tracing::error!(error = %e, "a PoC's stored details cannot be read");
        AppError::internal()
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

/// The PoC service, on this server's store and clock.
pub(crate) fn pocs(state: &AppState) -> Pocs<'_> {
    Pocs::new(
        state.store.as_ref(),
        state.store.as_ref(),
        state.clock.as_ref(),
    )
    .following(&state.directory)
}

/// Where reads and refusals are recorded.
pub(crate) fn access(state: &AppState) -> DirectoryAccess<'_> {
    DirectoryAccess::new(state.store.as_ref(), state.clock.as_ref())
}

impl From<Refused> for AppError {
    fn from(_: Refused) -> Self {
        AppError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "poc-error-not-your-state",
        )
    }
}

impl From<RecordError> for AppError {
    fn from(e: RecordError) -> Self {
        match e {
            RecordError::Store(e) => e.into(),
            RecordError::Content(_) => AppError::internal(),
        }
    }
}

impl From<PocError> for AppError {
    fn from(e: PocError) -> Self {
        match e {
            PocError::Refused(r) => r.into(),
            PocError::NotFound => AppError::not_found(),
            PocError::Invalid(errors) => invalid(errors),
            PocError::Stale(current) => stale(&current),
            PocError::NotAllowed => AppError::new(
                StatusCode::CONFLICT,
                "not_allowed_now",
                "poc-error-not-allowed-now",
            ),
            PocError::NothingPending => AppError::new(
                StatusCode::CONFLICT,
                "nothing_pending",
                "poc-error-nothing-pending",
            ),
            PocError::ParticipantGone => AppError::new(
                StatusCode::CONFLICT,
                "participant_missing",
                "exchange-error-participant-gone",
            ),
            PocError::Store(e) => e.into(),
            PocError::Content(_) => AppError::internal(),
        }
    }
}

/// Refuses, and records the attempt in the log.
pub(crate) async fn refuse(state: &AppState, me: &SignedIn, what: &str, code: &str) -> AppError {
    access(state)
        .refuse(&me.requester(), what, code)
        .await
        .into()
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
    Ok(access(state)
        .record_reads(&me.requester(), code, shown, path)
        .await?)
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
    PathParams(code): PathParams<String>,
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
        pocs: pocs
            .iter()
            .map(|p| body(p, view))
            .collect::<Result<_, _>>()?,
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
    PathParams(code): PathParams<String>,
    ApiJson(draft): ApiJson<PocDraft>,
) -> Result<(StatusCode, Json<PocBody>), AppError> {
    let poc = nominate_poc(&state, &me, &code, &draft).await?;
    Ok((
        StatusCode::CREATED,
        Json(body(&poc, DirectoryView::Administer)?),
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
    Ok(pocs(state).nominate(&me.requester(), code, draft).await?)
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
            .collect::<Result<_, _>>()?,
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
        (status = 422, description = "A rejection needs a reason (at most 1000 characters)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<DecisionRequest>,
) -> Result<Json<PocBody>, AppError> {
    let poc = decide_poc(&state, &me, id, &req).await?;
    Ok(Json(body(&poc, DirectoryView::Administer)?))
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
    let decided = pocs(state)
        .decide(
            &me.requester(),
            id,
            req.version,
            req.approve,
            req.reason.as_deref(),
        )
        .await?;
    Ok(decided.poc)
}

/// A change to an existing PoC, made on the version the nominator last saw.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PocChange {
    pub version: i64,
    /// New details (for an update only).
    pub details: Option<PocDraft>,
    /// Why the PoC is withdrawn (required for a withdrawal; logged, and
    /// shown to the secretariat).
    #[serde(default)]
    pub reason: Option<String>,
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
    Ok(Json(body(&poc, DirectoryView::Administer)?))
}

/// A change by the State's nominator (the API and the forms).
pub(crate) async fn change_poc(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    req: PocChange,
    what: Change,
) -> Result<Poc, AppError> {
    let change = match what {
        Change::Update => NominatorChange::Update(req.details.as_ref()),
        Change::Withdraw => NominatorChange::Withdraw(req.reason.as_deref()),
        Change::Confirm => NominatorChange::Confirm,
    };
    Ok(pocs(state)
        .change(&me.requester(), id, req.version, change)
        .await?)
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
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<PocChange>,
) -> Result<Json<PocBody>, AppError> {
    change(&state, &me, id, req, Change::Update).await
}

#[utoipa::path(post, path = "/api/v1/pocs/{id}/withdraw", tag = "pocs",
    params(("id" = i64, Path, description = "PoC id")), request_body = PocChange,
    responses(
        (status = 200, description = "Withdrawal requested (or a pending nomination withdrawn at once); the reason is logged with it", body = PocBody),
        (status = 403, description = "Not this State's nominator (logged)", body = ErrorBody),
        (status = 409, description = "Changed since that version, or not possible in its state", body = ErrorBody),
        (status = 422, description = "`reason` is missing or longer than 1000 characters", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn propose_withdrawal(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
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
    PathParams(id): PathParams<i64>,
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
    /// Grouped, with their use (office, 24/7 …).
    pub phones: Vec<crate::directory::values::PhoneShown>,
    /// Names in the reader's language.
    pub languages: String,
    /// `(UTC+05:00) Karachi`.
    pub time_zone: String,
    /// "local time now: Monday 21:16".
    pub local_now: String,
    /// In words.
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
    /// The reader is this State's nominator: the page links to the nomination form.
    pub can_nominate: bool,
}

/// A participant's page: public facts for everyone; its PoCs for those the
/// directory rules allow, each read of another State's details logged.
pub async fn participant_page(
    State(state): State<AppState>,
    page: crate::http::page::PageCtx,
    signed_in: crate::http::identity::MaybeSignedIn,
    PathParams(code): PathParams<String>,
) -> Result<axum::response::Response, AppError> {
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
        let mut cards = Vec::with_capacity(visible.len());
        for p in &visible {
            let d = match p.active_details()? {
                Some(d) => d,
                None => match p.pending_details()? {
                    Some(d) => d,
                    None => continue,
                },
            };
            let tz = pocdir_domain::directory::poc::parse_time_zone(&d.time_zone);
            cards.push(PocCard {
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
                phones: d
                    .phones
                    .into_iter()
                    .map(|(n, u)| values::phone_shown(&page.tr, &n, u))
                    .collect(),
                languages: values::language_names(&page.tr, &d.languages),
                time_zone: tz
                    .map(|tz| values::zone_label(tz, now))
                    .unwrap_or(d.time_zone),
                local_now: tz
                    .map(|tz| values::local_now(&page.tr, tz, now))
                    .unwrap_or_default(),
                hours: values::hours_in_words(&page.tr, &d.hours),
            });
        }
        Some(cards)
    } else {
        None
    };
    let can_nominate = signed_in
        .0
        .as_ref()
        .is_some_and(|me| may_nominate_for(&me.actor, &code));
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
            can_nominate,
            page,
        },
    ))
}
