//! The TAXII 2.1 endpoints: each reads the request (media types, the
//! query's parameters, the envelope), asks the service, and writes the
//! resource the standard defines, as `application/taxii+json;version=2.1`.
//! Objects are written back exactly as they were posted: a page is put
//! together from the stored JSON text, never parsed and printed again.

use super::{next_key, service, API_ROOT, MAX_CONTENT_LENGTH};
use crate::http::error::AppError;
use crate::http::extract::PathParams;
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use pocdir_communications::taxii::{Page, SeenCollection};
use pocdir_domain::taxii::filter::{format_timestamp, Endpoint};
use pocdir_domain::taxii::media::{
    accepts_taxii, is_taxii_content, STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE,
};
use pocdir_store::{StatusDetail, StatusRecord};
use serde::Serialize;
use serde_json::json;
use tokio::sync::Mutex;

/// One maker of the collections every installation has at a time in this
/// process (instances are kept apart by the store's unique index).
static ENSURING: Mutex<()> = Mutex::const_new(());

const DATE_ADDED_FIRST: HeaderName = HeaderName::from_static("x-taxii-date-added-first");
const DATE_ADDED_LAST: HeaderName = HeaderName::from_static("x-taxii-date-added-last");

/// A TAXII resource as its media type.
fn taxii(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(TAXII_MEDIA_TYPE),
    );
    response
}

fn taxii_json(status: StatusCode, value: &impl Serialize) -> Result<Response, AppError> {
    let body = serde_json::to_string(value).map_err(|e| {
        tracing::error!(error = %e, "a TAXII resource could not be written");
        AppError::internal()
    })?;
    Ok(taxii(status, body))
}

/// 406 unless the client takes TAXII 2.1.
fn check_accept(headers: &HeaderMap) -> Result<(), AppError> {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    if accepts_taxii(accept) {
        Ok(())
    } else {
        Err(AppError::new(
            StatusCode::NOT_ACCEPTABLE,
            "not_acceptable",
            "taxii-error-not-acceptable",
        ))
    }
}

/// The query's parameters, decoded, in order (repeats kept: the filter
/// refuses them by name).
fn pairs(uri: &Uri) -> Vec<(String, String)> {
    url::form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

fn root_url(state: &AppState) -> String {
    format!("{}{API_ROOT}", state.config.base_url.trim_end_matches('/'))
}

/// Makes the collections every installation has, once (and an inbox for
/// a State that joined since).
async fn ensure_collections(state: &AppState) -> Result<(), AppError> {
    let _one_at_a_time = ENSURING.lock().await;
    let key = next_key(state);
    service(state, &key)
        .ensure_collections(&pocdir_domain::log::entry::LogActor::system())
        .await?;
    Ok(())
}

#[derive(Serialize)]
struct Discovery {
    title: &'static str,
    description: &'static str,
    default: String,
    api_roots: Vec<String>,
}

/// `GET /taxii2/`: the server and its one API root.
pub async fn discovery(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    let root = root_url(&state);
    taxii_json(
        StatusCode::OK,
        &Discovery {
            title: "pocdir TAXII 2.1",
            description: "STIX 2.1 threat exchange between the technical points of contact of participating States",
            default: root.clone(),
            api_roots: vec![root],
        },
    )
}

#[derive(Serialize)]
struct ApiRoot {
    title: &'static str,
    description: &'static str,
    versions: [&'static str; 1],
    max_content_length: usize,
}

/// `GET /taxii2/participants/`.
pub async fn api_root(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    ensure_collections(&state).await?;
    taxii_json(
        StatusCode::OK,
        &ApiRoot {
            title: "Participants",
            description: "A shared collection of every participating State, an inbox per State and the collections the secretariat makes; reporters write to the intake. An object without a TLP marking takes its collection's default label; TLP:RED is refused.",
            versions: [TAXII_MEDIA_TYPE],
            max_content_length: MAX_CONTENT_LENGTH,
        },
    )
}

#[derive(Serialize)]
struct CollectionResource {
    id: String,
    title: String,
    description: String,
    can_read: bool,
    can_write: bool,
    media_types: [&'static str; 1],
}

impl From<SeenCollection> for CollectionResource {
    fn from(c: SeenCollection) -> Self {
        let description = if c.record.description.is_empty() {
            format!(
                "Objects without a TLP marking are TLP:{}.",
                c.record.rules.default_label.as_str()
            )
        } else {
            c.record.description
        };
        CollectionResource {
            id: c.record.id,
            title: c.record.title,
            description,
            can_read: c.can_read,
            can_write: c.can_write,
            media_types: [STIX_MEDIA_TYPE],
        }
    }
}

/// `GET …/collections/`: those the caller may read or write, no other.
pub async fn collections(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    ensure_collections(&state).await?;
    let key = next_key(&state);
    let seen = service(&state, &key)
        .collections(&signed_in.requester())
        .await?;
    let collections: Vec<CollectionResource> = seen.into_iter().map(Into::into).collect();
    if collections.is_empty() {
        // The standard leaves the list out when there is none.
        return Ok(taxii(StatusCode::OK, "{}".to_string()));
    }
    taxii_json(StatusCode::OK, &json!({ "collections": collections }))
}

/// `GET …/collections/{collection}/`.
pub async fn collection(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    PathParams(id): PathParams<String>,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    let key = next_key(&state);
    let seen = service(&state, &key)
        .collection(&signed_in.requester(), &id)
        .await?;
    taxii_json(StatusCode::OK, &CollectionResource::from(seen))
}

/// A page's headers: when its first and last objects were added.
fn with_added_range(mut response: Response, page: &Page) -> Response {
    if let Some((first, last)) = page.added_range() {
        for (name, at) in [(DATE_ADDED_FIRST, first), (DATE_ADDED_LAST, last)] {
            if let Ok(value) = HeaderValue::from_str(&format_timestamp(at)) {
                response.headers_mut().insert(name, value);
            }
        }
    }
    response
}

/// `more` and `next` as the start of a resource's JSON.
fn page_head(page: &Page) -> String {
    let mut head = format!("{{\"more\":{}", page.more);
    if let Some(next) = &page.next {
        head.push_str(",\"next\":");
        head.push_str(&serde_json::Value::String(next.clone()).to_string());
    }
    head
}

/// An envelope: the objects exactly as they were posted.
fn envelope(page: &Page) -> Response {
    let mut body = page_head(page);
    let size: usize = page.objects.iter().map(|o| o.json.len() + 1).sum();
    body.reserve(size + 16);
    if !page.objects.is_empty() {
        body.push_str(",\"objects\":[");
        for (i, object) in page.objects.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(&object.json);
        }
        body.push(']');
    }
    body.push('}');
    with_added_range(taxii(StatusCode::OK, body), page)
}

async fn read_page(
    state: &AppState,
    signed_in: &SignedIn,
    collection: &str,
    endpoint: Endpoint,
    object: Option<&str>,
    uri: &Uri,
) -> Result<Page, AppError> {
    let key = next_key(state);
    Ok(service(state, &key)
        .page(
            &signed_in.requester(),
            collection,
            endpoint,
            object,
            &pairs(uri),
        )
        .await?)
}

/// `GET …/objects/`.
pub async fn objects(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    uri: Uri,
    PathParams(collection): PathParams<String>,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    let page = read_page(
        &state,
        &signed_in,
        &collection,
        Endpoint::Objects,
        None,
        &uri,
    )
    .await?;
    Ok(envelope(&page))
}

/// `GET …/objects/{object}/`: its versions as `match[version]` chooses.
pub async fn object(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    uri: Uri,
    PathParams((collection, object)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    let page = read_page(
        &state,
        &signed_in,
        &collection,
        Endpoint::Object,
        Some(&object),
        &uri,
    )
    .await?;
    Ok(envelope(&page))
}

/// `GET …/objects/{object}/versions/`.
pub async fn versions(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    uri: Uri,
    PathParams((collection, object)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    let page = read_page(
        &state,
        &signed_in,
        &collection,
        Endpoint::Versions,
        Some(&object),
        &uri,
    )
    .await?;
    let versions: Vec<String> = page
        .objects
        .iter()
        .map(|o| format_timestamp(o.version))
        .collect();
    let mut body = page_head(&page);
    if !versions.is_empty() {
        body.push_str(",\"versions\":");
        body.push_str(&serde_json::Value::from(versions).to_string());
    }
    body.push('}');
    Ok(with_added_range(taxii(StatusCode::OK, body), &page))
}

#[derive(Serialize)]
struct ManifestRecord {
    id: String,
    date_added: String,
    version: String,
    media_type: &'static str,
}

/// `GET …/manifest/`: what the objects page would give, without the objects.
pub async fn manifest(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    uri: Uri,
    PathParams(collection): PathParams<String>,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    let page = read_page(
        &state,
        &signed_in,
        &collection,
        Endpoint::Objects,
        None,
        &uri,
    )
    .await?;
    let records: Vec<ManifestRecord> = page
        .objects
        .iter()
        .map(|o| ManifestRecord {
            id: o.object_id.clone(),
            date_added: format_timestamp(o.added),
            version: format_timestamp(o.version),
            media_type: STIX_MEDIA_TYPE,
        })
        .collect();
    let mut body = page_head(&page);
    if !records.is_empty() {
        let list = serde_json::to_string(&records).map_err(|e| {
            tracing::error!(error = %e, "a manifest could not be written");
            AppError::internal()
        })?;
        body.push_str(",\"objects\":");
        body.push_str(&list);
    }
    body.push('}');
    Ok(with_added_range(taxii(StatusCode::OK, body), &page))
}

/// `POST …/objects/`: an envelope, each object kept or refused; 202 with
/// the request's status.
pub async fn add_objects(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    PathParams(collection): PathParams<String>,
    body: Body,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if !is_taxii_content(content_type) {
        return Err(AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "taxii-error-content-type",
        ));
    }
    let bytes = to_bytes(body, MAX_CONTENT_LENGTH)
        .await
        .map_err(|_| AppError::payload_too_large())?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        AppError::new(
            StatusCode::BAD_REQUEST,
            "not_an_envelope",
            "taxii-error-not-envelope",
        )
    })?;
    let key = next_key(&state);
    let status = service(&state, &key)
        .add(&signed_in.requester(), &collection, text)
        .await?;
    taxii_json(StatusCode::ACCEPTED, &StatusResource::from(status))
}

/// `DELETE …/objects/{object}/`: the versions `match[version]` chooses,
/// every one when it is not given.
pub async fn delete_object(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    uri: Uri,
    PathParams((collection, object)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    let key = next_key(&state);
    service(&state, &key)
        .delete(&signed_in.requester(), &collection, &object, &pairs(&uri))
        .await?;
    Ok(taxii(StatusCode::OK, String::new()))
}

#[derive(Serialize)]
struct StatusResource {
    id: String,
    status: &'static str,
    request_timestamp: String,
    total_count: usize,
    success_count: usize,
    successes: Vec<StatusDetailResource>,
    failure_count: usize,
    failures: Vec<StatusDetailResource>,
    pending_count: usize,
    pendings: Vec<StatusDetailResource>,
}

#[derive(Serialize)]
struct StatusDetailResource {
    id: String,
    version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

impl From<StatusDetail> for StatusDetailResource {
    fn from(d: StatusDetail) -> Self {
        StatusDetailResource {
            id: d.id,
            version: d.version.unwrap_or_default(),
            message: d.message,
        }
    }
}

impl From<StatusRecord> for StatusResource {
    fn from(s: StatusRecord) -> Self {
        let successes: Vec<StatusDetailResource> =
            s.successes.into_iter().map(Into::into).collect();
        let failures: Vec<StatusDetailResource> = s.failures.into_iter().map(Into::into).collect();
        StatusResource {
            id: s.id,
            // Every object is decided in the request itself.
            status: "complete",
            request_timestamp: format_timestamp(s.requested_at),
            total_count: successes.len() + failures.len(),
            success_count: successes.len(),
            successes,
            failure_count: failures.len(),
            failures,
            pending_count: 0,
            pendings: Vec::new(),
        }
    }
}

/// `GET /taxii2/participants/status/{status}/`: one's own requests only.
pub async fn status(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    PathParams(id): PathParams<String>,
) -> Result<Response, AppError> {
    check_accept(&headers)?;
    let key = next_key(&state);
    let status = service(&state, &key)
        .status(&signed_in.requester(), &id)
        .await?;
    taxii_json(StatusCode::OK, &StatusResource::from(status))
}
