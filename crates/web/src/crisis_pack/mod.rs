//! The offline crisis pack: each account that may export the directory
//! downloads a snapshot of the entries it may see, signed by the
//! instance's key and encrypted to its PoC entry's OpenPGP key, or to a
//! passphrase it chooses when it has none. What a pack is, how it renders,
//! seals and opens is `domain::directory::crisis_pack`; here: the page, the
//! API, the public key, and the reads on record before the file leaves.
//!
//! The policy is the export's (`Action::ExportDirectory`): a pack is an
//! export of the same entries, in another envelope.

use crate::directory::exchange::entries_to_export;
use crate::directory::pocs::access;
use crate::directory::search::DirectoryQuery;
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
use pocdir_domain::directory::crisis_pack::{
    self as pack, PackError, PackManifest, PackText, Recipient, VALID_DAYS,
};
use pocdir_domain::directory::openpgp::OpenPgpKey;
use pocdir_domain::policy::Action::{ExportDirectory, ViewPublic};
use pocdir_i18n::{Lang, Translator};
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

/// The holder's usable OpenPGP key: the first of its PoC entries' keys.
async fn holder_key(state: &AppState, me: &SignedIn) -> Result<Option<OpenPgpKey>, AppError> {
    let now = state.clock.now();
    for id in state.store.pocs_of_account(me.account.id).await? {
        let Some(poc) = state.store.poc(id).await? else {
            continue;
        };
        let key = poc.active_details().ok().flatten().and_then(|d| d.openpgp);
        if let Some(key) = key {
            if key.expires_at.is_none_or(|e| e > now) {
                return Ok(Some(key));
            }
        }
    }
    Ok(None)
}

/// The HTML file's words in the holder's language.
fn pack_text(lang: Lang) -> PackText {
    let tr = Translator::new(lang);
    let t = |id: &str| tr.t(id);
    PackText {
        lang: lang.code().to_string(),
        right_to_left: lang.is_rtl(),
        title: t("crisis-pack-file-title"),
        // `{date}` and `{days}` are left for the domain (the dates) and the
        // file's script (the age when opened) to fill in.
        issued: tr.t1("crisis-pack-file-issued", "date", "{date}"),
        valid_until: tr.t1("crisis-pack-file-valid-until", "date", "{date}"),
        holder: t("crisis-pack-file-holder"),
        entries: t("crisis-pack-file-entries"),
        serial: t("crisis-pack-file-serial"),
        signing_key: t("crisis-pack-file-signing-key"),
        explanation: t("crisis-pack-file-explanation"),
        expired: t("crisis-pack-file-expired"),
        age: tr.t1("crisis-pack-file-age", "days", "{days}"),
        download_csv: t("crisis-pack-file-download-csv"),
        role_diplomatic: t("crisis-pack-role-diplomatic"),
        role_technical: t("crisis-pack-role-technical"),
        columns: [
            t("directory-col-state"),
            t("crisis-pack-col-role"),
            t("poc-field-name"),
            t("poc-field-title"),
            t("poc-field-organisation"),
            t("poc-field-emails"),
            t("poc-field-phones"),
            t("poc-field-secure-channels"),
            t("poc-field-languages"),
            t("poc-field-time-zone"),
            t("poc-field-hours"),
            t("poc-field-openpgp-key"),
        ],
    }
}

fn pack_error(e: PackError) -> AppError {
    match e {
        PackError::PassphraseTooShort => {
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
    let key = holder_key(state, me).await?;
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
    let found = entries_to_export(state, me, &DirectoryQuery::default()).await?;
    let now = state.clock.now();
    let signing = &state.secrets.pack_key;
    let read: Vec<(String, i64, i64)> = found
        .iter()
        .map(|(e, version)| (e.participant.clone(), e.id, *version))
        .collect();
    let entries: Vec<_> = found.into_iter().map(|(e, _)| e).collect();
    let manifest = PackManifest::new(
        &state.config.base_url,
        me.account.id,
        &me.account.email,
        entries.len(),
        &signing.fingerprint(),
        now,
    );
    let html = pack::render_html(&manifest, &entries, &pack_text(lang)).map_err(pack_error)?;
    let sealed =
        pack::seal(&html, signing, recipient, now, state.entropy.as_ref()).map_err(pack_error)?;
    // The reads and the issue are on record before anything leaves, in one
    // append, as for an export.
    let who = me.requester();
    let issued = pocdir_domain::log::events::crisis_pack_issued(
        now,
        &who.log,
        me.account.participant.as_deref(),
        manifest.serial,
        manifest.entries,
        manifest.valid_until,
        key.is_some(),
    )
    .map_err(|e| {
        tracing::error!(error = %e, "crisis pack entry");
        AppError::internal()
    })?;
    access(state)
        .record_pack(
            &who,
            read.iter()
                .map(|(code, id, version)| (code.as_str(), *id, *version)),
            issued,
        )
        .await?;
    tracing::info!(
        account = me.account.id,
        entries = manifest.entries,
        serial = manifest.serial,
        to_key = key.is_some(),
        "crisis pack issued"
    );
    Ok((manifest, sealed))
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
    let holder_key = holder_key(state, me)
        .await?
        .map(|k| k.grouped_fingerprint());
    let entries = entries_to_export(state, me, &DirectoryQuery::default())
        .await?
        .len();
    let entries = i64::try_from(entries).unwrap_or(i64::MAX);
    Ok(render(
        status,
        &PackPage {
            page,
            holder_key,
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
    let has_key = holder_key(&state, &me).await?.is_some();
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
        .map_err(pack_error)?;
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
