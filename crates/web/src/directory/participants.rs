//! Participants: the public list (which States and organisations take
//! part; nothing personal), one participant, and organisations added by the
//! secretariat.

use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::ApiJson;
use crate::http::extract::{PathParams, QueryParams};
use crate::http::identity::SignedIn;
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use pocdir_domain::directory::participant::{ParticipantKind, ParticipationStatus};
use pocdir_domain::log::events;
use pocdir_store::{NewParticipant, Participant, ParticipantNames, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A participant as the public sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ParticipantBody {
    /// ISO 3166-1 alpha-3 for States.
    pub code: String,
    pub alpha2: Option<String>,
    pub kind: ParticipantKind,
    pub status: ParticipationStatus,
    /// UN M49 region and sub-region.
    pub region: String,
    pub subregion: String,
    pub names: ParticipantNames,
}

impl From<Participant> for ParticipantBody {
    fn from(p: Participant) -> Self {
        ParticipantBody {
            code: p.code,
            alpha2: p.alpha2,
            kind: p.kind,
            status: p.status,
            region: p.region,
            subregion: p.subregion,
            names: p.names,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only participants in this status (e.g. `participating`).
    pub status: Option<ParticipationStatus>,
    /// Only this UN M49 region (`Africa`, `Americas`, `Asia`, `Europe`, `Oceania`).
    pub region: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/participants", tag = "participants", params(ListQuery),
    responses(
        (status = 200, description = "Every participant (States and organisations), by code", body = [ParticipantBody]),
        (status = 400, description = "Unknown status", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<ListQuery>,
) -> Result<Json<Vec<ParticipantBody>>, AppError> {
    let all = state.store.participants().await?;
    Ok(Json(
        all.into_iter()
            .filter(|p| q.status.is_none_or(|s| p.status == s))
            .filter(|p| {
                q.region
                    .as_deref()
                    .is_none_or(|r| p.region.eq_ignore_ascii_case(r))
            })
            .map(ParticipantBody::from)
            .collect(),
    ))
}

fn normalise_code(raw: &str) -> Result<String, AppError> {
    let code = raw.trim().to_ascii_uppercase();
    let ok = (2..=10).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if ok {
        Ok(code)
    } else {
        Err(AppError::bad_request("participant-error-code"))
    }
}

#[utoipa::path(get, path = "/api/v1/participants/{code}", tag = "participants",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 code, e.g. PAK")),
    responses(
        (status = 200, description = "The participant", body = ParticipantBody),
        (status = 400, description = "Not a participant code", body = ErrorBody),
        (status = 404, description = "No such participant", body = ErrorBody),
    ))]
pub async fn one(
    State(state): State<AppState>,
    PathParams(code): PathParams<String>,
) -> Result<Json<ParticipantBody>, AppError> {
    let code = normalise_code(&code)?;
    let p = state
        .store
        .participant(&code)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(p.into()))
}

/// An intergovernmental organisation to add as a participant.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrganisation {
    /// 2 to 10 capital letters or digits, not an ISO code in use (e.g. `ASEAN`).
    pub code: String,
    /// Its name in the six UN languages.
    pub names: ParticipantNames,
}

#[utoipa::path(post, path = "/api/v1/participants", tag = "participants", request_body = NewOrganisation,
    responses(
        (status = 201, description = "Added, not yet participating", body = ParticipantBody),
        (status = 400, description = "Bad code or a missing name", body = ErrorBody),
        (status = 403, description = "Only the secretariat adds organisations", body = ErrorBody),
        (status = 409, description = "The code is taken", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn create_organisation(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(req): ApiJson<NewOrganisation>,
) -> Result<(StatusCode, Json<ParticipantBody>), AppError> {
    let code = normalise_code(&req.code)?;
    let n = &req.names;
    for name in [&n.ar, &n.zh, &n.en, &n.es, &n.fr, &n.ru] {
        if name.trim().is_empty() || name.chars().count() > 200 {
            return Err(AppError::bad_request("participant-error-names"));
        }
    }
    let now = state.clock.now();
    let log = events::organisation_created(now, me.account.log_actor(), &code, &req.names)
        .map_err(|_| AppError::internal())?;
    let new = NewParticipant {
        code: code.clone(),
        alpha2: None,
        m49: None,
        kind: ParticipantKind::Organisation,
        region: String::new(),
        subregion: String::new(),
        names: req.names,
        at: now,
    };
    match state.store.create_organisation(new, log).await {
        Ok(p) => {
            // This instance's search sees it at once (the others follow the log).
            if let Err(error) = state.directory.refresh_participant(&p.code).await {
                tracing::warn!(%error, "the directory could not read a participant back");
            }
            Ok((StatusCode::CREATED, Json(p.into())))
        }
        Err(StoreError::Duplicate(_)) => Err(AppError::new(
            StatusCode::CONFLICT,
            "conflict",
            "participant-error-code-taken",
        )),
        Err(e) => Err(e.into()),
    }
}

pub struct ParticipantRow {
    pub code: String,
    pub name: String,
    pub region: String,
}

#[derive(Template)]
#[template(path = "directory/participants.html")]
pub struct ParticipantsPage {
    pub page: PageCtx,
    pub participating: Vec<ParticipantRow>,
    pub eligible: usize,
}

/// The public page: who takes part, how to join, what is public and what is not.
pub async fn page(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let lang = page.lang.code();
    let all = state.store.participants().await?;
    let eligible = all.len();
    let mut participating: Vec<ParticipantRow> = all
        .into_iter()
        .filter(|p| p.status.takes_part())
        .map(|p| ParticipantRow {
            name: p.names.in_language(lang).to_string(),
            code: p.code,
            region: p.region,
        })
        .collect();
    participating.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(render(
        StatusCode::OK,
        &ParticipantsPage {
            page,
            participating,
            eligible,
        },
    ))
}
