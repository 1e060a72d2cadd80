//! The reports' pages, server-rendered without JavaScript: the list each
//! reader may see (a reporter's own reports, those to a PoC's State, every
//! one's metadata for the secretariat), the reporter's form, and one
//! report as its reader may see it with the steps open to that reader —
//! acknowledge, answer the State's status and write in the State's thread
//! for a State's PoC; follow every State, write in each State's thread and
//! extend the embargo for the reporter. Every step posts and redirects
//! back (post/redirect/get); a refused step shows its reason beside its
//! form, the input kept.

use super::{service, settings};
use crate::communications::compose::{Choice, TlpChoice};
use crate::communications::view::{file_size, name_of, state_names, when, zoned, TlpView};
use crate::directory::values::{zone_groups, ZoneGroup};
use crate::http::error::AppError;
use crate::http::extract::{FormData, MultipartForm, PathParams, QueryParams};
use crate::http::form_errors::FormErrors;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_communications::reports::{OpenedReport, ReportFailure};
use pocdir_directory::overview;
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::attachment::AttachmentDraft;
use pocdir_domain::communication::template::ZonedTime;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::policy::ReportView;
use pocdir_domain::report::{parse_products, split_cves, ReportCategory, ReportDraft, StateStatus};
use pocdir_domain::reporter::ReporterStatus;
use pocdir_i18n::FluentArg;
use pocdir_store::{MessageSide, ReportState};
use serde::Deserialize;
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// The largest body the report form takes: its files (10 MB in all), the
/// STIX bundle (1 MiB) and room for the text.
pub const MAX_FORM_BYTES: usize = 12 * 1024 * 1024;

/// Reports on one page of the list.
const PAGE_SIZE: u32 = 50;

/// The form's fields in their order (for the error summary).
const FORM_ORDER: [&str; 11] = [
    "category",
    "tlp",
    "states",
    "title",
    "description",
    "products",
    "cve_ids",
    "embargo_local",
    "embargo_zone",
    "stix_bundle",
    "attachments",
];

// ---------------------------------------------------------------- shared

/// A State's status as a badge.
pub struct StatusView {
    pub key: &'static str,
    pub label: String,
    pub class: &'static str,
}

impl StatusView {
    fn of(page: &PageCtx, s: StateStatus) -> StatusView {
        StatusView {
            key: s.as_str(),
            label: page.t(s.label_message()),
            class: s.css_class(),
        }
    }
}

/// A moment, or a dash when it has not happened.
fn moment(page: &PageCtx, t: Option<OffsetDateTime>) -> String {
    t.map(|t| when(page, t)).unwrap_or_else(|| "—".to_string())
}

/// The embargo as its reporter gave it, in UTC, and in the reader's own
/// zone when the reader's PoC entry names one.
pub struct EmbargoView {
    pub as_given: String,
    pub utc: String,
    pub yours: Option<String>,
    pub ended: bool,
}

fn embargo_view(
    page: &PageCtx,
    e: &ZonedTime,
    reader_zone: Option<&str>,
    now: OffsetDateTime,
) -> EmbargoView {
    let at = e.utc();
    EmbargoView {
        as_given: zoned(page, e),
        utc: moment(page, at),
        yours: reader_zone
            .filter(|z| *z != e.zone)
            .and_then(|z| at.and_then(|at| ZonedTime::at(at, z)))
            .map(|z| zoned(page, &z)),
        ended: at.is_some_and(|at| at <= now),
    }
}

/// The time zone of the reader's own PoC entry (found as its home finds
/// it: linked to the account, or naming its address), if it has one: the
/// embargo is shown in it too.
async fn reader_zone(state: &AppState, me: &SignedIn) -> Result<Option<String>, AppError> {
    if !me.account.kind.is_poc() {
        return Ok(None);
    }
    let policy = state.config.revalidation_policy();
    let entries =
        overview::own_state_entries(state.store.as_ref(), &me.actor, &policy, state.clock.now())
            .await?;
    let linked = state.store.pocs_of_account(me.account.id).await?;
    // An entry that cannot be read is passed over: the embargo is still
    // shown as given and in UTC.
    Ok(
        overview::entries_of_account(&entries, &me.account.email, &linked)
            .into_iter()
            .filter_map(|e| e.poc.active_details().ok().flatten())
            .map(|d| d.time_zone)
            .find(|z| !z.is_empty()),
    )
}

/// Who wrote a message in a State's thread, as everyone sees it: the
/// reporter's organisation, or "State X, technical PoC" — never the person.
fn author(
    page: &PageCtx,
    names: &BTreeMap<String, String>,
    organisation: &str,
    side: MessageSide,
    kind: AccountKind,
    state: &str,
) -> String {
    match side {
        MessageSide::Reporter => organisation.to_string(),
        MessageSide::State => page.tr.t_args(
            "reports-page-state-poc",
            &[
                ("state", FluentArg::Text(name_of(names, state))),
                ("kind", FluentArg::Text(page.t(kind.label_message()))),
            ],
        ),
    }
}

// ---------------------------------------------------------------- the list

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub before: Option<i64>,
}

/// One State's status on a line of the list.
pub struct ListedState {
    pub name: String,
    pub status: StatusView,
}

pub struct ListedRow {
    pub id: i64,
    /// Only for those who may read the content.
    pub title: Option<String>,
    pub organisation: String,
    pub category: String,
    pub tlp: TlpView,
    pub embargo: String,
    pub sent: String,
    pub states: Vec<ListedState>,
    /// A PoC's State has not acknowledged it yet.
    pub awaiting: bool,
}

#[derive(Template)]
#[template(path = "reports/list.html")]
pub struct ListPage {
    pub page: PageCtx,
    pub heading: String,
    pub intro: String,
    pub help: &'static str,
    /// A reporter that may send now.
    pub may_send: bool,
    /// A reporter that is not approved: why nothing it sends goes out.
    pub not_approved: bool,
    pub rows: Vec<ListedRow>,
    pub next: Option<String>,
}

fn help_of(kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::Reporter => "/help/reporter#reports",
        AccountKind::Secretariat => "/help/secretariat#reports",
        _ => "/help/poc#reports",
    }
}

/// The lines of the list `me` may see, newest first, `before` an id.
pub async fn listed_rows(
    state: &AppState,
    page: &PageCtx,
    me: &SignedIn,
    before: Option<i64>,
    limit: u32,
) -> Result<Vec<ListedRow>, AppError> {
    let settings = settings(state);
    let listed = service(state, &settings)
        .list(&me.requester(), before, limit)
        .await?;
    let names = state_names(state, page).await?;
    Ok(listed
        .into_iter()
        .map(|l| {
            let meta = &l.record.meta;
            let own = match &l.view {
                ReportView::State(s) | ReportView::StateMetadata(s) => Some(s.clone()),
                _ => None,
            };
            let states: Vec<&ReportState> = l
                .record
                .states
                .iter()
                .filter(|s| own.as_ref().is_none_or(|o| *o == s.state))
                .collect();
            ListedRow {
                id: meta.id,
                title: l.title.clone(),
                organisation: meta.organisation.clone(),
                category: page.t(meta.category.label_message()),
                tlp: TlpView::of(page, meta.tlp),
                embargo: meta
                    .embargo
                    .as_ref()
                    .map(|e| moment(page, e.utc()))
                    .unwrap_or_else(|| "—".to_string()),
                sent: when(page, meta.sent_at),
                // Only a recipient acknowledges; a State's other PoCs see
                // where it stands.
                awaiting: matches!(l.view, ReportView::State(_))
                    && states.iter().any(|s| s.acknowledged_at.is_none()),
                states: states
                    .into_iter()
                    .map(|s| ListedState {
                        name: name_of(&names, &s.state),
                        status: StatusView::of(page, s.status),
                    })
                    .collect(),
            }
        })
        .collect())
}

pub async fn list(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(q): QueryParams<ListQuery>,
) -> Result<Response, AppError> {
    let rows = listed_rows(&state, &page, &me, q.before, PAGE_SIZE).await?;
    let next = (rows.len() >= PAGE_SIZE as usize)
        .then(|| rows.last().map(|l| format!("/reports?before={}", l.id)))
        .flatten();
    let names = state_names(&state, &page).await?;
    let settings = settings(&state);
    let reports = service(&state, &settings);
    let who = me.requester();
    let kind = me.account.kind;
    let reporter = match kind {
        AccountKind::Reporter => reports.reporter_of(&who).await?,
        _ => None,
    };
    let approved = reporter
        .as_ref()
        .is_some_and(|r| r.status == ReporterStatus::Approved);
    let (heading, intro) = match kind {
        AccountKind::Reporter => (
            page.t("reports-page-list-reporter"),
            page.t("reports-page-list-reporter-intro"),
        ),
        AccountKind::Secretariat => (
            page.t("reports-page-list-title"),
            page.t("reports-page-list-secretariat-intro"),
        ),
        _ => (
            page.tr.t_args(
                "reports-page-list-state",
                &[(
                    "state",
                    FluentArg::Text(name_of(
                        &names,
                        me.account.participant.as_deref().unwrap_or_default(),
                    )),
                )],
            ),
            page.t("reports-page-list-state-intro"),
        ),
    };
    Ok(render(
        StatusCode::OK,
        &ListPage {
            heading,
            intro,
            help: help_of(kind),
            may_send: approved,
            not_approved: kind == AccountKind::Reporter && !approved,
            rows,
            next,
            page,
        },
    ))
}

// ---------------------------------------------------------------- the form

/// The form's fields as typed (kept when it comes back with errors).
#[derive(Debug, Clone, Default)]
pub struct NewForm {
    pub category: String,
    pub tlp: String,
    pub title: String,
    pub description: String,
    /// One per line, `product: versions`.
    pub products: String,
    pub cve_ids: String,
    pub stix_bundle: String,
    pub embargo_local: String,
    pub embargo_zone: String,
    pub states: Vec<String>,
    pub all_states: bool,
}

impl NewForm {
    fn read(m: &MultipartForm) -> NewForm {
        NewForm {
            category: m.text("category"),
            tlp: m.text("tlp"),
            title: m.text("title"),
            description: m.text("description"),
            products: m.text("products"),
            cve_ids: m.text("cve_ids"),
            stix_bundle: m.text("stix_bundle"),
            embargo_local: m.text("embargo_local"),
            embargo_zone: m.text("embargo_zone"),
            states: m.texts("states"),
            all_states: m.text("all_states") == "yes",
        }
    }

    fn draft(&self) -> ReportDraft {
        ReportDraft {
            category: self.category.clone(),
            tlp: self.tlp.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            products: parse_products(&self.products),
            cve_ids: split_cves(&self.cve_ids),
            stix_bundle: self.stix_bundle.clone(),
            embargo_local: self.embargo_local.clone(),
            embargo_zone: self.embargo_zone.clone(),
            states: self.states.clone(),
            all_states: self.all_states,
        }
    }
}

#[derive(Template)]
#[template(path = "reports/new.html")]
pub struct NewPage {
    pub page: PageCtx,
    pub form: NewForm,
    pub categories: Vec<Choice>,
    pub tlps: Vec<TlpChoice>,
    pub states: Vec<Choice>,
    pub zones: Vec<ZoneGroup>,
    /// How many reports an hour and how many MB a report may hold.
    pub limits: String,
    pub errors: FormErrors,
    pub error: Option<String>,
}

impl NewPage {
    /// `aria-invalid` and `aria-describedby` of a field in error.
    pub fn aria(&self, field: &str) -> String {
        self.errors.aria(field, None)
    }

    /// The same for a field with a hint.
    pub fn aria_hint(&self, field: &str, hint: &str) -> String {
        self.errors.aria(field, Some(hint))
    }
}

fn field_label(page: &PageCtx, field: &str) -> String {
    page.t(match field {
        "category" => "reports-page-field-category",
        "tlp" => "comm-page-field-tlp",
        "states" => "reports-page-field-states",
        "title" => "report-field-title",
        "description" => "reports-page-field-description",
        "products" => "report-field-products",
        "cve_ids" => "report-field-cves",
        "embargo_local" | "embargo_zone" => "report-field-embargo",
        "stix_bundle" => "reports-page-field-stix",
        _ => "comm-page-field-attachments",
    })
}

/// The service's problems beside their fields: several on one field (two
/// States, two files) are told together.
fn form_errors(
    page: &PageCtx,
    problems: Vec<pocdir_communications::reports::ReportProblem>,
) -> FormErrors {
    let mut by_field: Vec<(String, Vec<String>)> = Vec::new();
    for p in problems {
        let args: Vec<(&str, FluentArg)> = p
            .args
            .iter()
            .map(|(n, v)| (*n, FluentArg::Text(v.clone())))
            .collect();
        let message = page.tr.t_args(p.message_id, &args);
        // `cve_ids[2]` is the `cve_ids` field: its message says which.
        let field = p.field.split('[').next().unwrap_or_default().to_string();
        match by_field.iter_mut().find(|(f, _)| *f == field) {
            Some((_, list)) if !list.contains(&message) => list.push(message),
            Some(_) => {}
            None => by_field.push((field, vec![message])),
        }
    }
    let mut errors = FormErrors::default();
    for (field, messages) in by_field {
        errors.add(&field, field_label(page, &field), messages.join(" "));
    }
    errors.order_by(&FORM_ORDER);
    errors
}

async fn new_page(
    state: &AppState,
    page: PageCtx,
    form: NewForm,
    errors: FormErrors,
    error: Option<String>,
) -> Result<NewPage, AppError> {
    let settings = settings(state);
    let reports = service(state, &settings);
    let names = state_names(state, &page).await?;
    let mut states: Vec<Choice> = reports
        .participating_states()
        .await?
        .into_iter()
        .map(|code| Choice {
            checked: form.states.iter().any(|s| s.trim() == code),
            label: name_of(&names, &code),
            value: code,
        })
        .collect();
    states.sort_by(|a, b| a.label.cmp(&b.label));
    let categories = ReportCategory::ALL
        .into_iter()
        .map(|c| Choice {
            value: c.as_str().to_string(),
            label: page.t(c.label_message()),
            checked: form.category.trim() == c.as_str(),
        })
        .collect();
    // A report goes to States, never to named people: no TLP:RED.
    let tlps = TlpLabel::ALL
        .into_iter()
        .filter(|t| *t != TlpLabel::Red)
        .map(|t| TlpChoice {
            tlp: TlpView::of(&page, t),
            checked: form.tlp.trim() == t.code(),
        })
        .collect();
    let limits = reports.limits();
    let limits = page.tr.t_args(
        "reports-page-limits",
        &[
            ("count", FluentArg::Number(i64::from(limits.per_hour))),
            (
                "megabytes",
                FluentArg::Number(i64::try_from(limits.max_bytes / (1024 * 1024)).unwrap_or(0)),
            ),
        ],
    );
    Ok(NewPage {
        zones: zone_groups(&page.tr, state.clock.now(), &form.embargo_zone),
        categories,
        tlps,
        states,
        limits,
        form,
        errors,
        error,
        page,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    page: PageCtx,
    _me: SignedIn,
) -> Result<Response, AppError> {
    let form = NewForm {
        category: ReportCategory::Vulnerability.as_str().to_string(),
        tlp: TlpLabel::AmberStrict.code().to_string(),
        ..NewForm::default()
    };
    let p = new_page(&state, page, form, FormErrors::default(), None).await?;
    Ok(render(StatusCode::OK, &p))
}

pub async fn new_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    body: MultipartForm,
) -> Result<Response, AppError> {
    let form = NewForm::read(&body);
    let files: Vec<AttachmentDraft> = body
        .files("attachments")
        .into_iter()
        .map(|(name, bytes)| AttachmentDraft { name, bytes })
        .collect();
    let settings = settings(&state);
    let result = service(&state, &settings)
        .send(&me.requester(), form.draft(), files)
        .await;
    match result {
        Ok(id) => Ok(see_other_done(
            &safe_next(Some(&format!("/reports/{id}")), "/reports"),
            "done-report-sent",
        )),
        Err(ReportFailure::Invalid(problems)) => {
            let errors = form_errors(&page, problems);
            let error = Some(page.t("reports-page-not-sent"));
            let p = new_page(&state, page, form, errors, error).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(
            e @ (ReportFailure::RateLimited { .. }
            | ReportFailure::TooLarge { .. }
            | ReportFailure::NotApproved(_)),
        ) => {
            // Nothing was sent: the form comes back with the reason on top
            // (and `Retry-After` when it is the hour's limit).
            let err = AppError::from(e);
            let message = err.message(page.lang);
            let retry = err.extra.as_ref().and_then(|x| x.retry_after_seconds);
            let p = new_page(&state, page, form, FormErrors::default(), Some(message)).await?;
            let mut response = render(err.status, &p);
            if let Some(seconds) = retry {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            }
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- one report

pub struct ProductView {
    pub product: String,
    pub versions: String,
}

pub struct FileView {
    pub id: i64,
    pub name: String,
    pub size: String,
    pub file_type: &'static str,
}

pub struct ContentView {
    pub description: String,
    pub products: Vec<ProductView>,
    pub cves: Vec<String>,
    /// The STIX bundle's objects by type, when there is one.
    pub stix: Vec<(String, usize)>,
    pub has_stix: bool,
    pub files: Vec<FileView>,
}

/// One State as the reader may see it.
pub struct StateRow {
    pub code: String,
    pub name: String,
    pub status: StatusView,
    pub status_at: String,
    pub received: String,
    pub read: String,
    pub acknowledged: String,
    pub answered: String,
    pub escalated: Option<String>,
}

pub struct MessageView {
    pub from_reporter: bool,
    pub author: String,
    pub body: String,
    pub sent: String,
}

/// A State's thread: the reporter and the State's PoCs.
pub struct ThreadView {
    pub code: String,
    pub name: String,
    pub heading: String,
    /// The reporter's form for this State: `message-KEN`.
    pub form_id: String,
    pub messages: Vec<MessageView>,
}

pub struct ExtensionView {
    pub at: String,
    pub to: String,
    pub reason: String,
}

/// The form a refused step came from, its reason and what was typed.
#[derive(Debug, Clone, Default)]
pub struct Refusal {
    /// `acknowledge`, `status`, `message`, `message-KEN` or `extend`.
    pub form: String,
    pub message: String,
    pub body: String,
    pub local: String,
    pub zone: String,
}

#[derive(Template)]
#[template(path = "reports/one.html")]
pub struct OnePage {
    pub page: PageCtx,
    pub id: i64,
    /// `author`, `state`, `state_metadata` or `metadata`.
    pub view: &'static str,
    pub help: &'static str,
    pub tlp: TlpView,
    pub title: Option<String>,
    pub organisation: String,
    pub reporter_country: String,
    pub category: String,
    pub sent: String,
    pub deadline: String,
    pub embargo: Option<EmbargoView>,
    pub content: Option<ContentView>,
    pub states: Vec<StateRow>,
    pub threads: Vec<ThreadView>,
    pub extensions: Vec<ExtensionView>,
    /// "Your State: France", above a recipient's steps.
    pub answer_heading: String,
    pub may_acknowledge: bool,
    /// When the reader acknowledged.
    pub acknowledged: Option<String>,
    pub may_answer: bool,
    pub answers: Vec<Choice>,
    pub may_extend: bool,
    pub zones: Vec<ZoneGroup>,
    pub refusal: Refusal,
}

impl OnePage {
    pub fn refused(&self, form: &str) -> bool {
        self.refusal.form == form
    }

    /// The refused form's typed text, when it is `form`.
    pub fn kept(&self, form: &str) -> &str {
        if self.refused(form) {
            &self.refusal.body
        } else {
            ""
        }
    }
}

async fn one_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    refusal: Refusal,
) -> Result<OnePage, AppError> {
    let settings = settings(state);
    let opened: OpenedReport = service(state, &settings).open(&me.requester(), id).await?;
    let names = state_names(state, &page).await?;
    let now = state.clock.now();
    let zone = reader_zone(state, me).await?;
    let meta = &opened.record.meta;
    let view = match &opened.view {
        ReportView::Author => "author",
        ReportView::State(_) => "state",
        ReportView::StateMetadata(_) => "state_metadata",
        ReportView::Metadata | ReportView::Nothing => "metadata",
    };
    let embargo = meta
        .embargo
        .as_ref()
        .map(|e| embargo_view(&page, e, zone.as_deref(), now));
    let content = opened.content.as_ref().map(|c| ContentView {
        description: c.description.clone(),
        products: c
            .products
            .iter()
            .map(|p| ProductView {
                product: p.product.clone(),
                versions: p.versions.clone(),
            })
            .collect(),
        cves: c.cve_ids.clone(),
        stix: opened
            .stix
            .as_ref()
            .map(|b| b.summary())
            .unwrap_or_default(),
        has_stix: c.stix_bundle.is_some(),
        files: opened
            .record
            .attachments
            .iter()
            .map(|a| FileView {
                id: a.id,
                name: a.name.clone(),
                size: file_size(&page, a.size),
                file_type: a.file_type.as_str(),
            })
            .collect(),
    });
    let states: Vec<StateRow> = opened
        .visible_states
        .iter()
        .map(|s| StateRow {
            code: s.state.clone(),
            name: name_of(&names, &s.state),
            status: StatusView::of(&page, s.status),
            status_at: moment(&page, s.status_at),
            received: when(&page, meta.sent_at),
            read: moment(&page, s.first_read_at),
            acknowledged: moment(&page, s.acknowledged_at),
            answered: moment(&page, s.answered_at),
            escalated: s.escalated_at.map(|t| when(&page, t)),
        })
        .collect();
    // The threads the reader may read: each State's, for the reporter (even
    // empty, to write in); its own for a recipient.
    let threads: Vec<ThreadView> = match &opened.view {
        ReportView::Author | ReportView::State(_) => states
            .iter()
            .map(|s| ThreadView {
                code: s.code.clone(),
                name: s.name.clone(),
                heading: page.tr.t_args(
                    "reports-page-thread",
                    &[("state", FluentArg::Text(s.name.clone()))],
                ),
                form_id: format!("message-{}", s.code),
                messages: opened
                    .messages
                    .iter()
                    .filter(|m| m.state == s.code)
                    .map(|m| MessageView {
                        from_reporter: m.side == MessageSide::Reporter,
                        author: author(
                            &page,
                            &names,
                            &meta.organisation,
                            m.side,
                            m.author_kind,
                            &m.state,
                        ),
                        body: m.body.clone(),
                        sent: when(&page, m.sent_at),
                    })
                    .collect(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let extensions = opened
        .record
        .extensions
        .iter()
        .map(|e| ExtensionView {
            at: when(&page, e.at),
            to: zoned(&page, &e.to),
            reason: e.reason.clone(),
        })
        .collect();
    let recipient = matches!(opened.view, ReportView::State(_)) && opened.mine.is_some();
    let acknowledged = opened
        .mine
        .as_ref()
        .and_then(|m| m.acknowledged_at)
        .map(|t| when(&page, t));
    let own_status = opened.visible_states.first().map(|s| s.status);
    let answers = StateStatus::ANSWERS
        .into_iter()
        .map(|s| Choice {
            value: s.as_str().to_string(),
            label: page.t(s.label_message()),
            checked: Some(s) == own_status,
        })
        .collect();
    let own_state = opened
        .own_state()
        .map(|s| name_of(&names, s))
        .unwrap_or_default();
    let may_extend = matches!(opened.view, ReportView::Author)
        && meta.reporter_status == ReporterStatus::Approved
        && embargo.as_ref().is_some_and(|e| !e.ended);
    let zone_chosen = if refusal.zone.is_empty() {
        meta.embargo
            .as_ref()
            .map(|e| e.zone.clone())
            .unwrap_or_default()
    } else {
        refusal.zone.clone()
    };
    Ok(OnePage {
        id,
        view,
        help: help_of(me.account.kind),
        tlp: TlpView::of(&page, meta.tlp),
        title: opened.content.as_ref().map(|c| c.title.clone()),
        organisation: meta.organisation.clone(),
        reporter_country: name_of(&names, &meta.reporter_country),
        category: page.t(meta.category.label_message()),
        sent: when(&page, meta.sent_at),
        deadline: when(&page, meta.ack_deadline),
        embargo,
        content,
        states,
        threads,
        extensions,
        answer_heading: page.tr.t_args(
            "reports-page-your-state",
            &[("state", FluentArg::Text(own_state))],
        ),
        may_acknowledge: recipient && acknowledged.is_none(),
        acknowledged,
        may_answer: recipient,
        answers,
        may_extend,
        zones: if may_extend {
            zone_groups(&page.tr, now, &zone_chosen)
        } else {
            Vec::new()
        },
        refusal,
        page,
    })
}

pub async fn one(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let p = one_page(&state, page, &me, id, Refusal::default()).await?;
    Ok(render(StatusCode::OK, &p))
}

/// After a step: back to the report with what was done, or the report
/// again with the refusal beside the form it came from. A report the
/// reader may not know of stays a plain 404.
async fn after(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    result: Result<(), ReportFailure>,
    done: &'static str,
    mut refusal: Refusal,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(see_other_done(
            &safe_next(Some(&format!("/reports/{id}")), "/reports"),
            done,
        )),
        Err(ReportFailure::NotFound) => Err(AppError::not_found()),
        Err(e @ (ReportFailure::Store(_) | ReportFailure::Content(_))) => Err(e.into()),
        Err(ReportFailure::Invalid(problems)) => {
            refusal.message = problems
                .iter()
                .map(|p| page.t(p.message_id))
                .collect::<Vec<_>>()
                .join(" ");
            let p = one_page(state, page, me, id, refusal).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(e) => {
            let err = AppError::from(e);
            refusal.message = err.message(page.lang);
            let p = one_page(state, page, me, id, refusal).await?;
            Ok(render(err.status, &p))
        }
    }
}

pub async fn acknowledge(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let result = service(&state, &settings)
        .acknowledge(&me.requester(), id)
        .await;
    let refusal = Refusal {
        form: "acknowledge".into(),
        ..Refusal::default()
    };
    after(
        &state,
        page,
        &me,
        id,
        result,
        "done-report-acknowledged",
        refusal,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<StatusForm>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let result = service(&state, &settings)
        .set_status(&me.requester(), id, &form.status)
        .await
        .map(|_| ());
    let refusal = Refusal {
        form: "status".into(),
        ..Refusal::default()
    };
    after(&state, page, &me, id, result, "done-report-status", refusal).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    pub body: String,
}

/// A message in a State's thread: a recipient's in its own State's
/// (`state` None), the reporter's in the State named.
async fn message(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    to_state: Option<String>,
    body: String,
) -> Result<Response, AppError> {
    let settings = settings(state);
    let result = service(state, &settings)
        .post_message(&me.requester(), id, to_state.as_deref(), &body)
        .await
        .map(|_| ());
    let form = match &to_state {
        Some(code) => format!("message-{code}"),
        None => "message".to_string(),
    };
    let refusal = Refusal {
        form,
        body,
        ..Refusal::default()
    };
    after(state, page, me, id, result, "done-report-message", refusal).await
}

pub async fn state_message(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<MessageForm>,
) -> Result<Response, AppError> {
    message(&state, page, &me, id, None, form.body).await
}

pub async fn reporter_message(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams((id, code)): PathParams<(i64, String)>,
    FormData(form): FormData<MessageForm>,
) -> Result<Response, AppError> {
    message(&state, page, &me, id, Some(code), form.body).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExtendForm {
    pub local: String,
    pub zone: String,
    pub reason: String,
}

pub async fn extend(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<ExtendForm>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let result = service(&state, &settings)
        .extend_embargo(&me.requester(), id, &form.local, &form.zone, &form.reason)
        .await
        .map(|_| ());
    let refusal = Refusal {
        form: "extend".into(),
        body: form.reason,
        local: form.local,
        zone: form.zone,
        ..Refusal::default()
    };
    after(
        &state,
        page,
        &me,
        id,
        result,
        "done-report-extended",
        refusal,
    )
    .await
}

/// The STIX bundle as a file, for the reporter and the recipients.
pub async fn stix(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let opened = service(&state, &settings).open(&me.requester(), id).await?;
    let bundle = opened
        .content
        .and_then(|c| c.stix_bundle)
        .ok_or_else(AppError::not_found)?;
    let mut response = bundle.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/stix+json;version=2.1"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        super::api::disposition(&format!("report-{id}-stix.json")),
    );
    Ok(response)
}
