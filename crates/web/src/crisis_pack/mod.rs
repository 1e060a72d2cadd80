//! The offline crisis pack: each account that may export the directory
//! downloads a snapshot of the entries it may see, signed by the
//! instance's key and encrypted to its PoC entry's OpenPGP key, or to a
//! passphrase it chooses when it has none. What a pack is, how it renders,
//! seals and opens is `domain::directory::crisis_pack`; here: the page, the
//! API, the public key, and the reads on record before the file leaves.
//!
//! The policy is the export's (`Action::ExportDirectory`): a pack is an
//! export of the same entries, in another envelope.

use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, FormData};
use crate::http::identity::SignedIn;
use crate::http::page::{render, PageCtx};
use crate::http::routes::Routes;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_directory::crisis_pack::{self, IssueError};
use pocdir_domain::directory::crisis_pack::{
    self as pack, PackError, PackManifest, Recipient, VALID_DAYS,
};
use pocdir_domain::policy::Action::{ExportDirectory, ViewPublic};
use pocdir_i18n::Lang;
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};

/// Where anyone fetches the key that signs packs, to check one offline.
pub const KEY_PATH: &str = "/.well-known/pocdir-pack-key.asc";

pub fn routes(routes: Routes) -> Routes {
    routes
        // Reached from the homes (`#home-crisis-pack`).
        .get("/crisis-pack", ExportDirectory, page)
        .post("/crisis-pack", ExportDirectory, download_form)
        .post("/api/v1/crisis-pack", ExportDirectory, download_api)
        .get(KEY_PATH, ViewPublic, public_key)
}

#[derive(OpenApi)]
#[openapi(paths(download_api, public_key), components(schemas(PackRequest)))]
struct CrisisPackApi;

pub fn openapi() -> utoipa::openapi::OpenApi {
    CrisisPackApi::openapi()
}

fn pack_error(e: IssueError) -> AppError {
    match e {
        IssueError::Pack(PackError::PassphraseTooShort) => {
            AppError::invalid_fields(vec![("passphrase".into(), "crisis-pack-error-passphrase")])
        }
        other => {
            tracing::error!(error = %other, "crisis pack failed");
            AppError::internal()
        }
    }
}

/// Makes the pack for `me`, puts every entry in it on record as read (as
/// an export does, in one append) and only then returns it.
async fn issue(
    state: &AppState,
    me: &SignedIn,
    passphrase: Option<&str>,
    lang: Lang,
) -> Result<(PackManifest, String), AppError> {
    let now = state.clock.now();
    let key = crisis_pack::holder_key(state.store.as_ref(), me.account.id, now).await?;
    let recipient = match (&key, passphrase) {
        (Some(k), _) => Recipient::Key(k),
        (None, Some(p)) => Recipient::Passphrase(p),
        (None, None) => {
            return Err(AppError::invalid_fields(vec![(
                "passphrase".into(),
                "crisis-pack-error-passphrase",
            )]))
        }
    };
    let snapshot = state.directory.snapshot().await?;
    let who = me.requester();
    let instance = crisis_pack::Instance {
        base_url: &state.config.base_url,
        signing: &state.secrets.pack_key,
        entropy: state.entropy.as_ref(),
    };
    let holder = crisis_pack::Holder {
        who: &who,
        email: &me.account.email,
    };
    let issued = crisis_pack::issue(instance, &snapshot, holder, recipient, lang, now)
        .map_err(pack_error)?;
    // The reads and the issue are on record before anything leaves, in one
    // append, as for an export.
    state.store.append_log(&issued.entries).await?;
    tracing::info!(
        account = me.account.id,
        entries = issued.manifest.entries,
        serial = issued.manifest.serial,
        to_key = key.is_some(),
        "crisis pack issued"
    );
    Ok((issued.manifest, issued.sealed))
}

fn file_response(manifest: &PackManifest, sealed: String) -> Response {
    let day = crate::http::format::format_day(manifest.issued_at);
    let filename = format!("pocdir-crisis-pack-{day}-{}.html.asc", manifest.serial);
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pgp-encrypted"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&manifest.valid_until.unix_timestamp().to_string()) {
        headers.insert("pocdir-pack-valid-until", v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    (StatusCode::OK, headers, sealed).into_response()
}

#[derive(Template)]
#[template(path = "crisis_pack/page.html")]
pub struct PackPage {
    pub page: PageCtx,
    /// The holder's key, grouped, when the pack is encrypted to it.
    pub holder_key: Option<String>,
    /// Days between two packs by mail (0: none are mailed).
    pub mail_every_days: i64,
    /// Where the holder's packs are mailed, when it has a key.
    pub holder_email: String,
    pub instance_key: String,
    pub valid_days: i64,
    pub entries: i64,
    pub error: Option<String>,
}

async fn pack_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let holder_key = crisis_pack::holder_key(state.store.as_ref(), me.account.id, now)
        .await?
        .map(|k| k.grouped_fingerprint());
    let snapshot = state.directory.snapshot().await?;
    let entries = pocdir_directory::export::export_entries(
        &snapshot,
        &me.actor,
        &pocdir_directory::search::SearchQuery::default(),
        now,
    )
    .len();
    let entries = i64::try_from(entries).unwrap_or(i64::MAX);
    Ok(render(
        status,
        &PackPage {
            page,
            holder_key,
            mail_every_days: state.config.crisis_pack_every_days,
            holder_email: me.account.email.clone(),
            instance_key: pack::grouped(&state.secrets.pack_key.fingerprint()),
            valid_days: VALID_DAYS,
            entries,
            error,
        },
    ))
}

/// `GET /crisis-pack`: what a pack is, and the download.
pub async fn page(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    pack_page(&state, page, &me, StatusCode::OK, None).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PackForm {
    pub passphrase: String,
    pub passphrase_again: String,
}

/// `POST /crisis-pack`: the file, or the page again naming what to fix.
pub async fn download_form(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<PackForm>,
) -> Result<Response, AppError> {
    let has_key = crisis_pack::holder_key(state.store.as_ref(), me.account.id, state.clock.now())
        .await?
        .is_some();
    if !has_key {
        let problem = if form.passphrase != form.passphrase_again {
            Some("crisis-pack-error-passphrase-again")
        } else if pack::check_passphrase(&form.passphrase).is_err() {
            Some("crisis-pack-error-passphrase")
        } else {
            None
        };
        if let Some(id) = problem {
            let error = Some(page.t(id));
            return pack_page(&state, page, &me, StatusCode::UNPROCESSABLE_ENTITY, error).await;
        }
    }
    let passphrase = (!has_key).then_some(form.passphrase.as_str());
    let (manifest, sealed) = issue(&state, &me, passphrase, page.lang).await?;
    Ok(file_response(&manifest, sealed))
}

/// What the API is asked for.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct PackRequest {
    /// Required when the account's PoC entry has no OpenPGP key: the pack
    /// is then encrypted to it (at least 12 characters). Ignored otherwise.
    pub passphrase: Option<String>,
    /// The language of the HTML file (`ar`, `en`, `es`, `fr`, `ru`, `zh`); English by default.
    pub lang: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/crisis-pack", tag = "pocs",
    request_body = PackRequest,
    responses(
        (status = 200, description = "The crisis pack: an ASCII-armored OpenPGP message, signed by the instance's key (see `/.well-known/pocdir-pack-key.asc`) and encrypted to the account's PoC entry's OpenPGP key, else to the passphrase given. Its literal data is one self-contained HTML file holding every active PoC this account may see (as the export), the CSV inside it, and the pack's manifest; valid 30 days from issue (also in the `pocdir-pack-valid-until` header, Unix seconds). Every PoC of another State in it is logged as a read with path `export`",
            content((String = "application/pgp-encrypted"))),
        (status = 403, description = "No contact details for this account (auditor, reporter)", body = ErrorBody),
        (status = 422, description = "No OpenPGP key on file and no passphrase of at least 12 characters", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn download_api(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(request): ApiJson<PackRequest>,
) -> Result<Response, AppError> {
    let lang = request
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::En);
    let (manifest, sealed) = issue(&state, &me, request.passphrase.as_deref(), lang).await?;
    Ok(file_response(&manifest, sealed))
}

#[utoipa::path(get, path = "/.well-known/pocdir-pack-key.asc", tag = "pocs",
    responses((status = 200, description = "The instance's OpenPGP public key that signs crisis packs, ASCII-armored, for `gpg --import` or `pocdir pack verify --key`",
        content((String = "application/pgp-keys")))))]
pub async fn public_key(State(state): State<AppState>) -> Result<Response, AppError> {
    let armored = state
        .secrets
        .pack_key
        .public_armored()
        .map_err(|e| pack_error(e.into()))?;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pgp-keys"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"pocdir-pack-key.asc\""),
    );
    Ok((StatusCode::OK, headers, armored).into_response())
}
