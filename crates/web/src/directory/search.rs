//! Browsing and searching the directory (page and API), and one PoC's page.
//!
//! Search results show who a PoC is and when they can be reached, never
//! their contact channels: those are on the PoC's own page, the PoC API
//! and the exports, where every read of another State's details is logged.

use crate::directory::details::{role_label, DetailsView};
use crate::directory::pocs::{access, body, record_reads, refuse, PocBody};
use crate::directory::values;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{PathParams, QueryParams};
use crate::http::format::local;
use crate::http::identity::SignedIn;
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use pocdir_directory::search::{
    DirectorySnapshot, Order, ParticipantSummary, SearchQuery, SearchResults, Sight, SortKey,
    DEFAULT_PER_PAGE, MAX_PER_PAGE,
};
use pocdir_domain::directory::poc::{parse_time_zone, PocRole, PocStatus};
use pocdir_domain::policy::{directory_view, may_nominate_for, DirectoryView};
use pocdir_i18n::{Lang, Translator};
use pocdir_store::Poc;
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use utoipa::{IntoParams, ToSchema};

/// The search, as a query string (the form and the API share it).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct DirectoryQuery {
    /// Words in a PoC's name, title or organisation, or a State's code or name (any UN language).
    pub q: String,
    /// UN region, e.g. `Africa`, `Americas`, `Asia`, `Europe`, `Oceania`.
    pub region: String,
    /// ISO 3166-1 alpha-3 code.
    pub participant: String,
    /// `diplomatic` or `technical`.
    pub role: String,
    /// BCP 47 tag; `fr` also finds `fr-CA`.
    pub language: String,
    /// IANA zone (`Asia/Tokyo`) or area (`Europe`).
    pub time_zone: String,
    /// `true` (or `on`, from the form): only PoCs within their hours now.
    pub awake: String,
    /// 1-based.
    pub page: Option<usize>,
    /// From 1 to 200; 25 when absent.
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<usize>,
    /// The column to order by: `state` (the default), `role`, `name`,
    /// `organisation` or `now` (within working hours now first).
    pub sort: String,
    /// `asc` (the default) or `desc`.
    #[param(pattern = "^(asc|desc)?$")]
    pub order: String,
}

/// The columns the directory can be ordered by, as the query names them.
const SORT_KEYS: [(&str, SortKey); 5] = [
    ("state", SortKey::Participant),
    ("role", SortKey::Role),
    ("name", SortKey::Name),
    ("organisation", SortKey::Organisation),
    ("now", SortKey::WithinHours),
];

/// The page sizes the directory page offers.
pub const PAGE_SIZES: [usize; 4] = [25, 50, 100, 200];

impl DirectoryQuery {
    pub fn to_search(&self) -> Result<SearchQuery, AppError> {
        let role =
            match self.role.trim() {
                "" => None,
                r => Some(r.parse::<PocRole>().map_err(|_| {
                    AppError::invalid_fields(vec![("role".into(), "poc-error-role")])
                })?),
            };
        let awake = match self.awake.trim() {
            "" | "false" | "0" | "off" => false,
            "true" | "1" | "on" => true,
            _ => {
                return Err(AppError::invalid_fields(vec![(
                    "awake".into(),
                    "directory-error-awake",
                )]))
            }
        };
        let by = match self.sort.trim() {
            "" => SortKey::Participant,
            name => SORT_KEYS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, key)| *key)
                .ok_or_else(|| {
                    AppError::invalid_fields(vec![("sort".into(), "directory-error-sort")])
                })?,
        };
        let descending = match self.order.trim() {
            "" | "asc" => false,
            "desc" => true,
            _ => {
                return Err(AppError::invalid_fields(vec![(
                    "order".into(),
                    "directory-error-sort",
                )]))
            }
        };
        if self.per_page.is_some_and(|n| n == 0 || n > MAX_PER_PAGE) {
            return Err(AppError::invalid_fields(vec![(
                "per_page".into(),
                "directory-error-per-page",
            )]));
        }
        Ok(SearchQuery {
            order: Order { by, descending },
            text: self.q.chars().take(200).collect(),
            region: self.region.clone(),
            participant: self.participant.clone(),
            role,
            language: self.language.clone(),
            time_zone: self.time_zone.clone(),
            within_hours_now: awake,
            page: self.page.unwrap_or(1),
            per_page: self.per_page.unwrap_or(0),
        })
    }

    /// The query string of the same search on another page.
    pub fn href(&self, page: usize) -> String {
        self.href_with(page, self.per_page, self.sort.trim(), self.order.trim())
    }

    /// The same search ordered by `column`: up, or down if it is ordered
    /// up by it already; from the first page.
    pub fn sort_href(&self, column: &str) -> String {
        let order = match self.aria_sort(column) {
            Some("ascending") => "desc",
            _ => "asc",
        };
        let column = if column == "state" && order == "asc" {
            ""
        } else {
            column
        };
        let order = if order == "asc" { "" } else { order };
        self.href_with(1, self.per_page, column, order)
    }

    /// How the table is ordered by `column`, for its head's `aria-sort`.
    pub fn aria_sort(&self, column: &str) -> Option<&'static str> {
        let current = match self.sort.trim() {
            "" => "state",
            other => other,
        };
        (current == column).then_some(if self.order.trim() == "desc" {
            "descending"
        } else {
            "ascending"
        })
    }

    /// The same search with `per_page` rows a page, from the first page.
    pub fn per_page_href(&self, per_page: &usize) -> String {
        self.href_with(1, Some(*per_page), self.sort.trim(), self.order.trim())
    }

    /// Whether the page shows `per_page` rows a page.
    pub fn shows_per_page(&self, per_page: &usize) -> bool {
        self.per_page.unwrap_or(DEFAULT_PER_PAGE) == *per_page
    }

    fn href_with(&self, page: usize, per_page: Option<usize>, sort: &str, order: &str) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("q", &self.q),
            ("region", &self.region),
            ("participant", &self.participant),
            ("role", &self.role),
            ("language", &self.language),
            ("time_zone", &self.time_zone),
            ("awake", &self.awake),
        ] {
            if !v.trim().is_empty() {
                s.append_pair(k, v);
            }
        }
        if let Some(n) = per_page {
            s.append_pair("per_page", &n.to_string());
        }
        for (k, v) in [("sort", sort), ("order", order)] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.append_pair("page", &page.to_string());
        s.finish()
    }
}

/// What `me` may see of each participant, for a whole search at once.
pub fn views_of<'a>(
    me: &'a SignedIn,
    snapshot: &'a DirectorySnapshot,
) -> impl Fn(&ParticipantSummary) -> DirectoryView + 'a {
    pocdir_directory::export::views(&me.actor, snapshot)
}

pub(crate) use pocdir_directory::export::shows_people;

/// What a search may match of a participant the reader sees with `view`.
pub(crate) fn sight(view: DirectoryView) -> Sight {
    match view {
        DirectoryView::Nothing => Sight::Hidden,
        DirectoryView::WithoutContacts => Sight::WithoutPeople,
        DirectoryView::Administer | DirectoryView::Contacts => Sight::People,
    }
}

async fn run_search(
    state: &AppState,
    me: &SignedIn,
    query: &DirectoryQuery,
) -> Result<(std::sync::Arc<DirectorySnapshot>, SearchResults), AppError> {
    let search = query.to_search()?;
    let snapshot = state.directory.snapshot().await?;
    let results = {
        let view = views_of(me, &snapshot);
        let seen = |p: &ParticipantSummary| sight(view(p));
        snapshot.search(&search, state.clock.now(), &seen)
    };
    Ok((snapshot, results))
}

/// One search result (no contact channels).
#[derive(Debug, Serialize, ToSchema)]
pub struct DirectoryEntryBody {
    pub id: i64,
    pub participant: String,
    /// In English; the pages show it in the reader's language.
    pub participant_name: String,
    pub role: PocRole,
    /// Absent for the auditor, who sees the directory without people.
    pub name: Option<String>,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub languages: Vec<String>,
    pub time_zone: String,
    pub hours: String,
    /// Within the PoC's hours of availability at the time of the request.
    pub within_hours_now: bool,
    /// RFC 3339; last verification or re-validation.
    pub confirmed_at: Option<String>,
    pub version: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DirectorySearchBody {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub pages: usize,
    pub results: Vec<DirectoryEntryBody>,
}

#[utoipa::path(get, path = "/api/v1/pocs", tag = "pocs",
    params(DirectoryQuery),
    responses(
        (status = 200, description = "Active PoCs this account may see, filtered; contact channels are on /api/v1/pocs/{id}", body = DirectorySearchBody),
        (status = 403, description = "Reporters do not see the directory", body = ErrorBody),
        (status = 422, description = "A filter is not valid", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn search_api(
    State(state): State<AppState>,
    me: SignedIn,
    QueryParams(query): QueryParams<DirectoryQuery>,
) -> Result<Json<DirectorySearchBody>, AppError> {
    let (snapshot, results) = run_search(&state, &me, &query).await?;
    let view = views_of(&me, &snapshot);
    let body = DirectorySearchBody {
        total: results.total,
        page: results.page,
        per_page: results.per_page,
        pages: results.pages(),
        results: results
            .entries
            .iter()
            .map(|(e, awake)| {
                let p = snapshot.participants.get(&e.participant);
                let people = p.is_some_and(|p| shows_people(view(p)));
                let d = &e.details;
                DirectoryEntryBody {
                    id: e.id,
                    participant: e.participant.clone(),
                    participant_name: p.map(|p| p.names.en.clone()).unwrap_or_default(),
                    role: e.role,
                    name: people.then(|| d.name.clone()),
                    title: people.then(|| d.title.clone()),
                    organisation: people.then(|| d.organisation.clone()),
                    languages: d.languages.clone(),
                    time_zone: d.time_zone.clone(),
                    hours: d.hours.clone(),
                    within_hours_now: *awake,
                    confirmed_at: e.confirmed_at.and_then(|t| t.format(&Rfc3339).ok()),
                    version: e.version,
                }
            })
            .collect(),
    };
    Ok(Json(body))
}

pub struct ResultRow {
    pub id: i64,
    pub participant: String,
    pub participant_name: String,
    pub role_label: String,
    /// Empty for the auditor.
    pub name: String,
    pub organisation: String,
    pub languages: String,
    pub time_zone: String,
    pub hours: String,
    pub within_hours: bool,
}

#[derive(Template)]
#[template(path = "directory/directory.html")]
pub struct DirectoryPage {
    pub page: PageCtx,
    pub query: DirectoryQuery,
    pub regions: Vec<String>,
    pub rows: Vec<ResultRow>,
    pub total: i64,
    pub current: usize,
    pub pages: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub export_query: String,
    pub can_export: bool,
    pub error: Option<String>,
    pub page_sizes: [usize; 4],
}

pub async fn search_page(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(query): QueryParams<DirectoryQuery>,
) -> Result<Response, AppError> {
    let lang = page.lang;
    let (snapshot, results, error) = match run_search(&state, &me, &query).await {
        Ok((s, r)) => (s, Some(r), None),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => (
            state.directory.snapshot().await?,
            None,
            Some(e.message(lang)),
        ),
        Err(e) => return Err(e),
    };
    let view = views_of(&me, &snapshot);
    let now = state.clock.now();
    let rows = results
        .as_ref()
        .map(|r| {
            r.entries
                .iter()
                .map(|(e, awake)| {
                    let p = snapshot.participants.get(&e.participant);
                    let people = p.is_some_and(|p| shows_people(view(p)));
                    ResultRow {
                        id: e.id,
                        participant: e.participant.clone(),
                        participant_name: p
                            .map(|p| p.names.in_language(lang.code()).to_string())
                            .unwrap_or_default(),
                        role_label: role_label(&page, e.role),
                        name: if people {
                            e.details.name.clone()
                        } else {
                            String::new()
                        },
                        organisation: if people {
                            e.details.organisation.clone()
                        } else {
                            String::new()
                        },
                        languages: values::language_names(&page.tr, &e.details.languages),
                        time_zone: parse_time_zone(&e.details.time_zone)
                            .map(|tz| values::zone_label(tz, now))
                            .unwrap_or_else(|| e.details.time_zone.clone()),
                        hours: values::hours_in_words(&page.tr, &e.details.hours),
                        within_hours: *awake,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let (total, current, pages) = results
        .as_ref()
        .map(|r| (r.total, r.page, r.pages()))
        .unwrap_or((0, 1, 1));
    let export_query = {
        let href = query.href(1);
        // Exports take every page.
        href.rsplit_once("&page=")
            .map(|(q, _)| q.to_string())
            .or_else(|| href.strip_prefix("page=").map(|_| String::new()))
            .unwrap_or(href)
    };
    let can_export = me.account.kind != pocdir_domain::account::AccountKind::Auditor;
    Ok(render(
        StatusCode::OK,
        &DirectoryPage {
            regions: snapshot.regions(),
            rows,
            total: i64::try_from(total).unwrap_or(i64::MAX),
            current,
            pages,
            previous: (current > 1).then(|| query.href(current - 1)),
            next: (current < pages).then(|| query.href(current + 1)),
            export_query,
            can_export,
            error,
            page_sizes: PAGE_SIZES,
            query,
            page,
        },
    ))
}

/// Reads one PoC for `me`: what the rules allow, refusals and reads logged.
async fn read_poc(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    path: &str,
) -> Result<(Poc, DirectoryView), AppError> {
    let poc = state.store.poc(id).await?.ok_or_else(AppError::not_found)?;
    let target = state
        .store
        .participant(&poc.participant)
        .await?
        .ok_or_else(AppError::not_found)?;
    let actor_in = match me.account.participant.as_deref() {
        Some(code) => state
            .store
            .participant(code)
            .await?
            .is_some_and(|p| p.status.takes_part()),
        None => false,
    };
    let view = directory_view(
        &me.actor,
        &poc.participant,
        actor_in,
        target.status.takes_part(),
    );
    match view {
        DirectoryView::Nothing => {
            return Err(refuse(state, me, &format!("poc:{id}"), &poc.participant).await)
        }
        // Others' PoCs are theirs to show only once verified and while active.
        DirectoryView::Contacts if poc.status != PocStatus::Active => {
            return Err(AppError::not_found())
        }
        DirectoryView::Contacts | DirectoryView::Administer => {
            record_reads(state, me, &poc.participant, std::iter::once(&poc), path).await?;
        }
        DirectoryView::WithoutContacts => {}
    }
    Ok((poc, view))
}

#[utoipa::path(get, path = "/api/v1/pocs/{id}", tag = "pocs",
    params(("id" = i64, Path, description = "PoC id")),
    responses(
        (status = 200, description = "The PoC with its contact details when this account may see them (the read is logged for the PoC's State)", body = PocBody),
        (status = 403, description = "Not for this account (logged)", body = ErrorBody),
        (status = 404, description = "No such PoC, or not active", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn one_api(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<PocBody>, AppError> {
    if let Some(found) = read_from_index(&state, &me, id).await? {
        return Ok(Json(found));
    }
    let (poc, view) = read_poc(&state, &me, id, "api").await?;
    Ok(Json(body(&poc, view)?))
}

/// Most reads by far: an active PoC, answered from the in-memory directory
/// (which this server changes with every change it makes, and which
/// follows the other servers' within a poll) with no read of the store;
/// the read is logged all the same. `None` when the index cannot answer:
/// the PoC is not active, or the reader may not see it (the store's path
/// then answers, refusals logged there).
async fn read_from_index(
    state: &AppState,
    me: &SignedIn,
    id: i64,
) -> Result<Option<PocBody>, AppError> {
    let Some(snapshot) = state.directory.fresh().await? else {
        return Ok(None);
    };
    let Some(entry) = snapshot.poc(id) else {
        return Ok(None);
    };
    let takes_part = |code: &str| {
        snapshot
            .participants
            .get(code)
            .is_some_and(|p| p.takes_part)
    };
    let actor_in = me.account.participant.as_deref().is_some_and(takes_part);
    let view = directory_view(
        &me.actor,
        &entry.participant,
        actor_in,
        takes_part(&entry.participant),
    );
    let as_json = |json: Result<serde_json::Value, serde_json::Error>| {
        json.map_err(|e| {
            tracing::error!(error = %e, poc = id, "a PoC's details cannot be read as JSON");
            AppError::internal()
        })
    };
    let (details, pending) = match view {
        DirectoryView::Contacts | DirectoryView::Administer => {
            access(state)
                .record_read(
                    &me.requester(),
                    &entry.participant,
                    entry.id,
                    entry.version,
                    "api",
                )
                .await?;
            let details = as_json(serde_json::to_value(&entry.details))?;
            let pending = match (&entry.proposed, view) {
                (Some(json), DirectoryView::Administer) => {
                    Some(as_json(serde_json::from_str(json))?)
                }
                _ => None,
            };
            (Some(details), pending)
        }
        DirectoryView::WithoutContacts => (None, None),
        DirectoryView::Nothing => return Ok(None),
    };
    Ok(Some(PocBody {
        id: entry.id,
        participant: entry.participant.clone(),
        role: entry.role,
        duties: Translator::new(Lang::En).t(entry.role.duties_message()),
        status: PocStatus::Active,
        version: entry.version,
        details,
        pending,
        pending_action: entry.pending_action,
        confirmed_at: entry.confirmed_at.and_then(|t| t.format(&Rfc3339).ok()),
    }))
}

pub struct HistoryRow {
    pub version: i64,
    pub at: String,
    pub action: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "directory/poc.html")]
pub struct PocPage {
    pub page: PageCtx,
    pub id: i64,
    pub version: i64,
    pub participant: String,
    pub participant_name: String,
    pub role_label: String,
    pub duties: String,
    pub status: String,
    pub pending_action: String,
    pub confirmed_at: String,
    pub revalidate_by: String,
    pub overdue: bool,
    /// None when this reader sees the PoC without contact details.
    pub details: Option<DetailsView>,
    /// A proposal awaiting the secretariat (administrators only).
    pub proposed: Option<DetailsView>,
    /// The pending request as the secretariat reviews it.
    pub review: crate::directory::decisions::Review,
    pub history: Vec<HistoryRow>,
    pub can_change: bool,
    pub can_confirm: bool,
    pub can_decide: bool,
    /// A verified entry the reader may give access to the portal.
    pub can_grant_access: bool,
}

pub async fn poc_page(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let (poc, view) = read_poc(&state, &me, id, "page").await?;
    let now = state.clock.now();
    let lang: Lang = page.lang;
    let participant_name = state
        .store
        .participant(&poc.participant)
        .await?
        .map(|p| p.names.in_language(lang.code()).to_string())
        .unwrap_or_default();
    let administer = view == DirectoryView::Administer;
    let details = match view {
        DirectoryView::Administer | DirectoryView::Contacts => poc
            .active_details()?
            .map(|d| DetailsView::new(&page, d, now)),
        _ => None,
    };
    let proposed = if administer {
        poc.pending_details()?
            .map(|d| DetailsView::new(&page, d, now))
    } else {
        None
    };
    let entries = if administer {
        state.store.poc_history(id).await?
    } else {
        Vec::new()
    };
    let last_withdrawal_reason = entries
        .iter()
        .rev()
        .find(|h| h.action == "propose_withdrawal")
        .and_then(|h| h.reason.clone());
    let review = if administer {
        crate::directory::decisions::Review::of(&page, &poc, last_withdrawal_reason, now)?
    } else {
        crate::directory::decisions::Review::default()
    };
    let history = if administer {
        entries
            .into_iter()
            .map(|h| HistoryRow {
                version: h.version,
                at: local::minute(&page.tr, h.at),
                action: page.t(&format!("poc-history-{}", h.action.replace('_', "-"))),
                reason: h.reason.unwrap_or_default(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let policy = state.config.revalidation_policy();
    let confirmed = poc.confirmed_at.filter(|_| poc.status == PocStatus::Active);
    let due = confirmed.map(|c| policy.due_date(c));
    let may_nominate = may_nominate_for(&me.actor, &poc.participant);
    let open = matches!(poc.status, PocStatus::Active | PocStatus::Pending);
    Ok(render(
        StatusCode::OK,
        &PocPage {
            id,
            version: poc.version,
            participant: poc.participant.clone(),
            participant_name,
            role_label: role_label(&page, poc.role),
            duties: page.t(poc.role.duties_message()),
            status: page.t(poc.status.label_message()),
            // A nomination is already "awaiting verification" by its status.
            pending_action: poc
                .pending_action
                .filter(|_| administer)
                .map(|a| match a {
                    pocdir_domain::directory::poc::PendingAction::Create => {
                        page.t("forms-pending-create")
                    }
                    a => page.t(a.label_message()),
                })
                .unwrap_or_default(),
            confirmed_at: poc
                .confirmed_at
                .map(|t| local::day(&page.tr, t))
                .unwrap_or_default(),
            revalidate_by: due.map(|t| local::day(&page.tr, t)).unwrap_or_default(),
            overdue: confirmed.is_some_and(|c| policy.is_overdue(c, now)),
            details,
            proposed,
            review,
            history,
            can_change: may_nominate
                && open
                && poc.pending_action
                    != Some(pocdir_domain::directory::poc::PendingAction::Withdraw),
            can_confirm: may_nominate && poc.status == PocStatus::Active,
            can_decide: me.account.kind == pocdir_domain::account::AccountKind::Secretariat
                && poc.pending_action.is_some(),
            can_grant_access: poc.status == PocStatus::Active
                && pocdir_domain::account_admin::may_grant_poc_access(&me.actor, &poc.participant),
            page,
        },
    ))
}
