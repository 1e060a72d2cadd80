//! Audit pages: the whole log for the auditor and the secretariat (filter
//! by actor, action, participant, time), and for each State the entries
//! that touched its own affairs.

use crate::http::error::AppError;
use crate::http::extract::QueryParams;
use crate::http::format::format_second;
use crate::http::identity::SignedIn;
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::log::entry::LogEntry;
use pocdir_store::LogFilter;
use serde::Deserialize;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

const PAGE: u64 = 50;

pub struct EntryRow {
    pub index: u64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub object: String,
    pub participant: String,
    pub content_hash: String,
}

impl From<&LogEntry> for EntryRow {
    fn from(e: &LogEntry) -> Self {
        let at = OffsetDateTime::from_unix_timestamp(e.at)
            .ok()
            .map(format_second)
            .unwrap_or_default();
        let actor = match (e.actor_account_id, &e.actor_participant) {
            (Some(id), Some(p)) => format!("{} #{id} ({p})", e.actor_kind),
            (Some(id), None) => format!("{} #{id}", e.actor_kind),
            (None, _) => e.actor_kind.clone(),
        };
        EntryRow {
            index: e.index,
            at,
            actor,
            action: e.action.clone(),
            object: e.object.clone(),
            participant: e.participant.clone().unwrap_or_default(),
            content_hash: e.content_hash.chars().take(16).collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "audit/audit.html")]
pub struct AuditPage {
    pub page: PageCtx,
    /// True on the whole-log page (with filters), false on a State's own page.
    pub whole_log: bool,
    pub state_code: String,
    pub rows: Vec<EntryRow>,
    pub filter: AuditQuery,
    pub older: Option<String>,
    pub error: Option<String>,
    pub log_size: u64,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub participant: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    pub before: Option<u64>,
}

fn parse_day(s: &str) -> Result<Option<i64>, ()> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    Date::parse(s.trim(), format_description!("[year]-[month]-[day]"))
        .map(|d| Some(d.midnight().assume_utc().unix_timestamp()))
        .map_err(|_| ())
}

impl AuditQuery {
    fn to_filter(&self) -> Result<LogFilter, &'static str> {
        let actor = match self.actor.trim() {
            "" => None,
            a => Some(
                a.trim_start_matches('#')
                    .parse::<i64>()
                    .map_err(|_| "audit-error-actor")?,
            ),
        };
        let since = parse_day(&self.from).map_err(|_| "audit-error-date")?;
        // "to" is inclusive of the whole day.
        let until = parse_day(&self.to)
            .map_err(|_| "audit-error-date")?
            .map(|t| t + 86_400);
        Ok(LogFilter {
            actor_account_id: actor,
            action: Some(self.action.trim().to_string()).filter(|a| !a.is_empty()),
            participant: Some(self.participant.trim().to_ascii_uppercase())
                .filter(|p| !p.is_empty()),
            since,
            until,
        })
    }

    fn older_link(&self, path: &str, before: u64) -> String {
        let q: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("actor", &self.actor)
            .append_pair("action", &self.action)
            .append_pair("participant", &self.participant)
            .append_pair("from", &self.from)
            .append_pair("to", &self.to)
            .append_pair("before", &before.to_string())
            .finish();
        format!("{path}?{q}")
    }
}

async fn show(
    state: &AppState,
    page: PageCtx,
    whole_log: bool,
    state_code: String,
    query: AuditQuery,
    filter: Result<LogFilter, &'static str>,
) -> Result<Response, AppError> {
    let log_size = state.store.log_size().await?;
    let (filter, error) = match filter {
        Ok(f) => (f, None),
        Err(id) => {
            let error = Some(page.t(id));
            let p = AuditPage {
                page,
                whole_log,
                state_code,
                rows: Vec::new(),
                filter: query,
                older: None,
                error,
                log_size,
            };
            return Ok(render(StatusCode::BAD_REQUEST, &p));
        }
    };
    let entries = state.store.search_log(&filter, query.before, PAGE).await?;
    let older = match entries.last() {
        Some(last) if entries.len() as u64 == PAGE && last.index > 0 => {
            let path = if whole_log {
                "/audit"
            } else {
                "/audit/own-state"
            };
            Some(query.older_link(path, last.index))
        }
        _ => None,
    };
    let p = AuditPage {
        page,
        whole_log,
        state_code,
        rows: entries.iter().map(EntryRow::from).collect(),
        filter: query,
        older,
        error,
        log_size,
    };
    Ok(render(StatusCode::OK, &p))
}

pub async fn whole_log(
    State(state): State<AppState>,
    page: PageCtx,
    QueryParams(query): QueryParams<AuditQuery>,
) -> Result<Response, AppError> {
    let filter = query.to_filter();
    show(&state, page, true, String::new(), query, filter).await
}

pub async fn own_state(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(query): QueryParams<AuditQuery>,
) -> Result<Response, AppError> {
    let code = me
        .account
        .participant
        .clone()
        .ok_or_else(AppError::forbidden)?;
    // A State sees what touched its own affairs, whatever the filter says.
    let filter = query.to_filter().map(|f| LogFilter {
        participant: Some(code.clone()),
        ..f
    });
    show(&state, page, false, code, query, filter).await
}
