//! Extractors for path parameters, query strings, forms and JSON bodies
//! whose rejections become our error shape (see [`AppError`]) instead of
//! axum's plain text. Handlers take these, never axum's own `Path`,
//! `Query`, `Form` or `Json` extractors.

use crate::http::error::AppError;
use axum::extract::rejection::{FormRejection, JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

/// A urlencoded form whose rejections become our error shape.
pub struct FormData<T>(pub T);

impl<S, T> FromRequest<S> for FormData<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(FormData(v)),
            Err(FormRejection::InvalidFormContentType(_)) => {
                Err(AppError::unsupported_media_type())
            }
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::payload_too_large())
            }
            Err(e) => {
                tracing::info!(error = %e.body_text(), "form refused");
                Err(AppError::bad_request("error-bad-form"))
            }
        }
    }
}

/// A JSON body whose rejections become our error shape.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(AppError::unsupported_media_type())
            }
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::payload_too_large())
            }
            Err(_) => Err(AppError::malformed_json()),
        }
    }
}

/// Query parameters whose rejections become our error shape.
pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryParams<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(v)) => Ok(QueryParams(v)),
            Err(QueryRejection::FailedToDeserializeQueryString(e)) => {
                tracing::info!(error = %e.body_text(), "query refused");
                Err(AppError::bad_request("error-bad-query"))
            }
            Err(_) => Err(AppError::bad_request("error-bad-query")),
        }
    }
}

/// Path parameters whose rejections become our error shape: a value that
/// does not parse (`/api/v1/pocs/abc`, a number too large, bytes that are
/// not UTF-8) is a 400 `bad_request`, as JSON on the API and a localized
/// page elsewhere.
pub struct PathParams<T>(pub T);

impl<S: Send + Sync, T> FromRequestParts<S> for PathParams<T>
where
    T: DeserializeOwned + Send,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(v)) => Ok(PathParams(v)),
            Err(PathRejection::MissingPathParams(e)) => {
                // A route whose handler asks for a parameter it does not have.
                tracing::error!(error = %e.body_text(), "path parameters missing");
                Err(AppError::internal())
            }
            Err(e) => {
                tracing::info!(error = %e.body_text(), "path refused");
                Err(AppError::bad_request("error-bad-path"))
            }
        }
    }
}

/// One part of a `multipart/form-data` body, owned.
#[derive(Debug, Clone)]
pub struct FormPart {
    pub name: String,
    /// Set for a file input (empty when no file was chosen).
    pub filename: Option<String>,
    pub data: Vec<u8>,
}

/// A `multipart/form-data` form (a form with files), read up to the route's
/// body limit: a larger body is a 413, another content type a 415, a body
/// that is not well-formed a 400, each in our error shape.
#[derive(Debug, Clone, Default)]
pub struct MultipartForm {
    pub parts: Vec<FormPart>,
}

impl MultipartForm {
    /// The first value of a text field, or empty.
    pub fn text(&self, name: &str) -> String {
        self.parts
            .iter()
            .find(|p| p.name == name && p.filename.is_none())
            .map(|p| String::from_utf8_lossy(&p.data).into_owned())
            .unwrap_or_default()
    }

    /// Every value of a field that may repeat (checkboxes, a multi-select).
    pub fn texts(&self, name: &str) -> Vec<String> {
        self.parts
            .iter()
            .filter(|p| p.name == name && p.filename.is_none())
            .map(|p| String::from_utf8_lossy(&p.data).into_owned())
            .collect()
    }

    /// The files chosen in a file input (a field left empty gives none).
    pub fn files(&self, name: &str) -> Vec<(String, Vec<u8>)> {
        self.parts
            .iter()
            .filter(|p| p.name == name)
            .filter_map(|p| {
                let filename = p.filename.clone()?;
                (!filename.is_empty() || !p.data.is_empty()).then(|| (filename, p.data.clone()))
            })
            .collect()
    }
}

impl<S> FromRequest<S> for MultipartForm
where
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let boundary = crate::http::multipart::boundary(&content_type)
            .ok_or_else(AppError::unsupported_media_type)?;
        // `Bytes` keeps to the route's `DefaultBodyLimit`.
        let bytes = match axum::body::Bytes::from_request(req, state).await {
            Ok(b) => b,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(AppError::payload_too_large())
            }
            Err(_) => return Err(AppError::bad_request("error-bad-form")),
        };
        let parts = crate::http::multipart::parse(&boundary, &bytes)
            .ok_or_else(|| AppError::bad_request("error-bad-form"))?;
        Ok(MultipartForm {
            parts: parts
                .into_iter()
                .map(|p| FormPart {
                    name: p.name,
                    filename: p.filename,
                    data: p.data.to_vec(),
                })
                .collect(),
        })
    }
}
