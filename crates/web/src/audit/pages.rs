//! Audit pages: the whole log for the auditor and the secretariat (filter
//! by actor, action, participant, time), and for each State the entries
//! that touched its own affairs.

use crate::audit::sentences::{actor, object_ref, sentence, AccountName, Names, Segment};
use crate::http::error::AppError;
use crate::http::extract::QueryParams;
use crate::http::format::local;
use crate::http::identity::SignedIn;
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::head::{encode_public_key, key_id};
use pocdir_domain::policy::{directory_view, DirectoryView};
use pocdir_i18n::{Lang, Translator};
use pocdir_store::LogFilter;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use time::macros::format_description;
use time::{Date, OffsetDateTime};

const PAGE: u64 = 50;

pub struct EntryRow {
    pub index: u64,
    pub at: String,
    /// Who acted, named as in the sentence.
    pub actor: String,
    /// What happened, as a sentence with names and links.
    pub event: Vec<Segment>,
    /// The stored action and object, for those who filter by them.
    pub action: String,
    pub object: String,
    pub participant: String,
    pub content_hash: String,
}

impl EntryRow {
    fn new(tr: &Translator, e: &LogEntry, names: &Names) -> Self {
        EntryRow {
            index: e.index,
            at: OffsetDateTime::from_unix_timestamp(e.at)
                .ok()
                .map(|t| local::second(tr, t))
                .unwrap_or_default(),
            actor: actor(tr, e, names).text,
            event: sentence(tr, e, names),
            action: e.action.clone(),
            object: e.object.clone(),
            participant: e.participant.clone().unwrap_or_default(),
            content_hash: e.content_hash.chars().take(16).collect(),
        }
    }
}

/// Without the reader's language and the names looked up (lists that
/// show the stored fields): the actor as the log stores it, the sentence
/// in English without names. Prefer [`rows_for`].
impl From<&LogEntry> for EntryRow {
    fn from(e: &LogEntry) -> Self {
        let mut row = EntryRow::new(&Translator::new(Lang::En), e, &Names::default());
        row.actor = match (e.actor_account_id, &e.actor_participant) {
            (Some(id), Some(p)) => format!("{} #{id} ({p})", e.actor_kind),
            (Some(id), None) => format!("{} #{id}", e.actor_kind),
            (None, _) => e.actor_kind.clone(),
        };
        row
    }
}

/// A page's entries as rows in the reader's language, each told as a
/// sentence with the names `me` may see (the audit page, and any page that
/// lists entries).
pub(crate) async fn rows_for(
    state: &AppState,
    me: &SignedIn,
    tr: &Translator,
    entries: &[LogEntry],
) -> Result<Vec<EntryRow>, AppError> {
    let names = names_for(state, me, tr.lang(), entries).await?;
    Ok(entries
        .iter()
        .map(|e| EntryRow::new(tr, e, &names))
        .collect())
}

/// Looks up, once for a page of entries, the names its sentences tell:
/// the accounts that acted or were acted on, the PoCs and the States.
/// A person's name is told only where the policy lets `me` see the
/// people of that person's State (the auditor sees none).
pub(crate) async fn names_for(
    state: &AppState,
    me: &SignedIn,
    lang: Lang,
    entries: &[LogEntry],
) -> Result<Names, AppError> {
    let participants = state.store.participants().await?;
    let takes_part: HashMap<String, bool> = participants
        .iter()
        .map(|p| (p.code.clone(), p.status.takes_part()))
        .collect();
    let mut names = Names {
        states: participants
            .iter()
            .map(|p| (p.code.clone(), p.names.in_language(lang.code()).to_string()))
            .collect(),
        ..Names::default()
    };
    let me_in = me
        .account
        .participant
        .as_deref()
        .and_then(|p| takes_part.get(p).copied())
        .unwrap_or(false);
    let mut account_ids = BTreeSet::new();
    let mut poc_ids = BTreeSet::new();
    for e in entries {
        account_ids.extend(e.actor_account_id);
        match object_ref(&e.object) {
            Some(("account", id)) => account_ids.extend(id.parse::<i64>().ok()),
            Some(("poc", id)) => poc_ids.extend(id.parse::<i64>().ok()),
            _ => {}
        }
    }
    for id in account_ids {
        if let Some(a) = state.store.account_by_id(id).await? {
            let shown = a.id == me.account.id
                || match a.participant.as_deref() {
                    Some(p) if a.kind.acts_for_participant() => matches!(
                        directory_view(
                            &me.actor,
                            p,
                            me_in,
                            takes_part.get(p).copied().unwrap_or(false)
                        ),
                        DirectoryView::Administer | DirectoryView::Contacts
                    ),
                    _ => true,
                };
            names.accounts.insert(
                id,
                AccountName {
                    display_name: a.display_name,
                    kind: a.kind,
                    participant: a.participant,
                    shown,
                },
            );
        }
    }
    for id in poc_ids {
        if let Some(p) = state.store.poc(id).await? {
            names.pocs.insert(id, (p.role, p.participant));
        }
    }
    Ok(names)
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
    /// On a State's own page: how to prove these entries without trusting
    /// the operator (`pocdir state-proof`).
    pub proof: Option<ProofPanel>,
}

/// The signed head a State's proof starts from, and the command that
/// checks the State's entries against it.
pub struct ProofPanel {
    pub tree_size: u64,
    pub root: String,
    pub key_id: String,
    pub command: String,
}

impl ProofPanel {
    async fn of(state: &AppState, code: &str) -> Result<ProofPanel, AppError> {
        let head = state.log.latest_head().await?;
        let key = state.log.public_key();
        Ok(ProofPanel {
            tree_size: head.tree_size,
            root: head.root_hash.chars().take(16).collect(),
            key_id: key_id(&key),
            command: format!(
                "POCDIR_TOKEN=… pocdir state-proof --url {} --participant {code} --key {}",
                state.config.base_url.trim_end_matches('/'),
                encode_public_key(&key)
            ),
        })
    }
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
    me: &SignedIn,
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
                proof: None,
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
    let rows = rows_for(state, me, &page.tr, &entries).await?;
    let proof = if whole_log {
        None
    } else {
        Some(ProofPanel::of(state, &state_code).await?)
    };
    let p = AuditPage {
        page,
        whole_log,
        state_code,
        rows,
        filter: query,
        older,
        error,
        log_size,
        proof,
    };
    Ok(render(StatusCode::OK, &p))
}

pub async fn whole_log(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(query): QueryParams<AuditQuery>,
) -> Result<Response, AppError> {
    let filter = query.to_filter();
    show(&state, &me, page, true, String::new(), query, filter).await
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
    show(&state, &me, page, false, code, query, filter).await
}
