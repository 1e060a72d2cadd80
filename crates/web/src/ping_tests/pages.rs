//! The pages of ping tests: the campaigns (every reader who may read
//! them), the form that creates one and a campaign's page with its steps
//! (the secretariat), the technical description and the published
//! aggregates (everyone). The results with their charts and exports are
//! `/ping-tests/{id}/results` (results.rs); answering is answer.rs.

use crate::communications::view::{name_of, state_names, when};
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::form_errors::FormErrors;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::ping_tests::{service, settings};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::directory::poc::FieldError;
use pocdir_domain::ping_test::campaign::{
    may_cancel, may_publish, CampaignDraft, CampaignStatus, Scope, ScopeRoles,
};
use pocdir_domain::ping_test::challenge::Outcome;
use pocdir_domain::policy::{decide, Action, Decision};
use pocdir_i18n::FluentArg;
use pocdir_ping_tests::{Aggregates, PingError};
use pocdir_store::Campaign;
use std::collections::BTreeMap;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// One campaign in a list.
pub struct CampaignRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub status_class: &'static str,
    pub starts: String,
    pub answer_by: String,
    pub scope: String,
}

/// A campaign's scope in words: the roles, and where.
fn scope_words(page: &PageCtx, scope: &Scope, names: &BTreeMap<String, String>) -> String {
    let roles = page.t(scope.roles.label_message());
    let mut parts = vec![roles];
    if scope.regions.is_empty() && scope.states.is_empty() {
        parts.push(page.t("ping-page-scope-everywhere"));
    }
    if !scope.regions.is_empty() {
        let list: Vec<String> = scope.regions.iter().map(|r| page.region(r)).collect();
        parts.push(
            page.tr
                .t1("ping-page-scope-regions", "list", &list.join(", ")),
        );
    }
    if !scope.states.is_empty() {
        let list: Vec<String> = scope.states.iter().map(|s| name_of(names, s)).collect();
        parts.push(
            page.tr
                .t1("ping-page-scope-states", "list", &list.join(", ")),
        );
    }
    parts.join(" · ")
}

fn status_class(status: CampaignStatus) -> &'static str {
    match status {
        CampaignStatus::Running => "pending",
        CampaignStatus::Cancelled => "overdue",
        CampaignStatus::Scheduled | CampaignStatus::Finished => "",
    }
}

fn row(
    page: &PageCtx,
    c: &Campaign,
    now: OffsetDateTime,
    names: &BTreeMap<String, String>,
) -> CampaignRow {
    let status = c.status(now);
    CampaignRow {
        id: c.id,
        title: c.title.clone(),
        kind: page.t(c.kind.label_message()),
        status: page.t(status.label_message()),
        status_class: status_class(status),
        starts: when(page, c.times.starts_at),
        answer_by: when(page, c.times.answer_by),
        scope: scope_words(page, &c.scope, names),
    }
}

fn allowed(me: &SignedIn, action: Action) -> bool {
    decide(Some(&me.actor), action) == Decision::Allow
}

#[derive(Template)]
#[template(path = "ping_tests/list.html")]
pub struct ListPage {
    pub page: PageCtx,
    pub rows: Vec<CampaignRow>,
    pub may_manage: bool,
}

/// The campaigns, newest first.
pub async fn list(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let mut campaigns = service(&state, &settings)
        .campaigns(&me.requester())
        .await?;
    campaigns.sort_by_key(|c| std::cmp::Reverse((c.times.starts_at, c.id)));
    let names = state_names(&state, &page).await?;
    let now = state.clock.now();
    let rows = campaigns
        .iter()
        .map(|c| row(&page, c, now, &names))
        .collect();
    Ok(render(
        StatusCode::OK,
        &ListPage {
            rows,
            may_manage: allowed(&me, Action::ManagePingTests),
            page,
        },
    ))
}

/// The form's fields as typed (kept when it comes back with errors).
#[derive(Debug, Clone, Default)]
pub struct CampaignForm {
    pub title: String,
    /// `YYYY-MM-DDTHH:MM`, UTC; empty: now.
    pub starts_at: String,
    pub window_hours: String,
    /// Comma-separated hours after the start.
    pub reminder_hours: String,
    pub roles: String,
    pub regions: Vec<String>,
    pub states: Vec<String>,
    pub announced: bool,
    pub escalate: bool,
}

impl CampaignForm {
    fn read(fields: &[(String, String)]) -> CampaignForm {
        let one = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let many = |name: &str| {
            fields
                .iter()
                .filter(|(k, v)| k == name && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())
                .collect::<Vec<_>>()
        };
        CampaignForm {
            title: one("title"),
            starts_at: one("starts_at"),
            window_hours: one("window_hours"),
            reminder_hours: one("reminder_hours"),
            roles: one("roles"),
            regions: many("regions"),
            states: many("states"),
            announced: one("announced") == "yes",
            escalate: one("escalate") == "yes",
        }
    }

    /// The draft, and the fields that could not even be read.
    fn draft(&self) -> (CampaignDraft, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut err = |field: &str, message_id: &'static str| {
            errors.push(FieldError {
                field: field.to_string(),
                message_id,
            })
        };
        let starts_at = match self.starts_at.trim() {
            "" => None,
            raw => match parse_utc(raw) {
                Some(t) => Some(t),
                None => {
                    err("starts_at", "ping-page-error-start-format");
                    None
                }
            },
        };
        let window_hours = match self.window_hours.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(h) => Some(h),
                Err(_) => {
                    err("window_hours", "ping-error-window");
                    None
                }
            },
        };
        let reminder_hours = if self.reminder_hours.trim().is_empty() {
            Some(Vec::new())
        } else {
            let mut hours = Vec::new();
            for part in self.reminder_hours.split([',', ';', ' ']) {
                if part.trim().is_empty() {
                    continue;
                }
                match part.trim().parse::<i64>() {
                    Ok(h) => hours.push(h),
                    Err(_) => {
                        err("reminder_hours", "ping-error-reminder-outside");
                        break;
                    }
                }
            }
            Some(hours)
        };
        let draft = CampaignDraft {
            title: self.title.clone(),
            starts_at,
            window_hours,
            reminder_hours,
            scope: Scope {
                roles: ScopeRoles::parse(self.roles.trim()).unwrap_or_default(),
                regions: self.regions.clone(),
                states: self.states.clone(),
            },
            announced: self.announced,
            escalate: self.escalate,
        };
        (draft, errors)
    }
}

/// A `datetime-local` value read as UTC (with or without seconds).
fn parse_utc(raw: &str) -> Option<OffsetDateTime> {
    let minutes = format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let seconds = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    PrimitiveDateTime::parse(raw, minutes)
        .or_else(|_| PrimitiveDateTime::parse(raw, seconds))
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

/// A choice in the form.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "ping_tests/new.html")]
pub struct NewPage {
    pub page: PageCtx,
    pub form: CampaignForm,
    pub roles: Vec<Choice>,
    pub regions: Vec<Choice>,
    pub states: Vec<Choice>,
    pub errors: FormErrors,
    pub error: Option<String>,
}

impl NewPage {
    /// `aria-invalid` and `aria-describedby` of a field in error.
    pub fn aria(&self, field: &str) -> String {
        if self.errors.has(field) {
            format!(" aria-invalid=\"true\" aria-describedby=\"error-{field}\"")
        } else {
            String::new()
        }
    }
}

/// The order of the form's fields (for the error summary).
const FIELDS: [&str; 9] = [
    "title",
    "starts_at",
    "window_hours",
    "reminder_hours",
    "scope",
    "regions",
    "states",
    "announced",
    "escalate",
];

fn field_label(page: &PageCtx, field: &str) -> String {
    page.t(match field {
        "title" => "ping-page-field-title",
        "starts_at" => "ping-page-field-start",
        "window_hours" => "ping-page-field-window",
        "reminder_hours" => "ping-page-field-reminders",
        "regions" => "ping-page-field-regions",
        "states" => "ping-page-field-states",
        "announced" => "ping-page-field-announced",
        "escalate" => "ping-page-field-escalate",
        _ => "ping-page-field-scope",
    })
}

/// The form's id of a field the service names.
fn form_field(field: &str) -> &str {
    match field {
        "scope.regions" => "regions",
        "scope.states" => "states",
        other => other,
    }
}

fn add_errors(page: &PageCtx, errors: &mut FormErrors, fields: &[FieldError]) {
    for e in fields {
        let field = form_field(&e.field);
        errors.add(field, field_label(page, field), page.t(e.message_id));
    }
}

async fn new_page(
    state: &AppState,
    page: PageCtx,
    form: CampaignForm,
    mut errors: FormErrors,
) -> Result<NewPage, AppError> {
    let settings = settings(state);
    let (regions, states) = service(state, &settings).scope_choices().await?;
    let names = state_names(state, &page).await?;
    let roles = ScopeRoles::ALL
        .iter()
        .map(|r| Choice {
            value: r.as_str().to_string(),
            label: page.t(r.label_message()),
            checked: form.roles.trim() == r.as_str()
                || (form.roles.trim().is_empty() && *r == ScopeRoles::Both),
        })
        .collect();
    let regions = regions
        .iter()
        .map(|r| Choice {
            value: r.clone(),
            label: page.region(r),
            checked: form.regions.contains(r),
        })
        .collect();
    let mut states: Vec<Choice> = states
        .iter()
        .map(|s| Choice {
            value: s.clone(),
            label: name_of(&names, s),
            checked: form.states.contains(s),
        })
        .collect();
    states.sort_by(|a, b| a.label.cmp(&b.label));
    errors.order_by(&FIELDS);
    let error = (!errors.is_empty()).then(|| page.t("ping-page-not-created"));
    Ok(NewPage {
        form,
        roles,
        regions,
        states,
        errors,
        error,
        page,
    })
}

/// The empty form, with the configured window and reminders.
pub async fn new_form(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let ping = &state.config.ping;
    let form = CampaignForm {
        window_hours: ping.window.whole_hours().to_string(),
        reminder_hours: ping
            .reminders
            .iter()
            .map(|r| r.whole_hours().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        roles: ScopeRoles::Both.as_str().to_string(),
        escalate: true,
        ..CampaignForm::default()
    };
    let p = new_page(&state, page, form, FormErrors::default()).await?;
    Ok(render(StatusCode::OK, &p))
}

pub async fn new_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(fields): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = CampaignForm::read(&fields);
    let (draft, unread) = form.draft();
    let settings = settings(&state);
    let service = service(&state, &settings);
    let mut errors = FormErrors::default();
    if unread.is_empty() {
        match service.create(&me.requester(), &draft).await {
            Ok(id) => {
                return Ok(see_other_done(
                    &safe_next(Some(&format!("/ping-tests/{id}")), "/ping-tests"),
                    "done-ping-test-created",
                ))
            }
            Err(PingError::Invalid(fields)) => add_errors(&page, &mut errors, &fields),
            Err(PingError::EmptyScope) => errors.add(
                "scope",
                field_label(&page, "scope"),
                page.t("ping-error-scope-empty"),
            ),
            Err(e) => return Err(e.into()),
        }
    } else {
        // What could not be read, and every other field's problem with it.
        add_errors(&page, &mut errors, &unread);
        let (regions, states) = service.scope_choices().await?;
        if let Err(more) = draft.validate(state.clock.now(), &settings.ping, &regions, &states) {
            add_errors(&page, &mut errors, &more);
        }
    }
    let p = new_page(&state, page, form, errors).await?;
    Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p))
}

/// A figure with its label, for the summaries.
pub struct Figure {
    pub id: &'static str,
    pub label: String,
    pub value: String,
}

/// A duration in hours and minutes, in the reader's language.
pub fn duration_words(page: &PageCtx, seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    page.tr.t_args(
        "ping-page-duration",
        &[
            ("hours", FluentArg::Number(minutes / 60)),
            ("minutes", FluentArg::Number(minutes % 60)),
        ],
    )
}

/// The overall figures: totals per outcome, States by reach, the median
/// response time. Nothing here names a State.
pub fn figures(page: &PageCtx, a: &Aggregates) -> Vec<Figure> {
    let n = |v: u64| v.to_string();
    let mut out = vec![Figure {
        id: "total",
        label: page.t("ping-page-figure-total"),
        value: n(a.tally.total()),
    }];
    for outcome in Outcome::ALL {
        out.push(Figure {
            id: outcome.as_str(),
            label: page.t(outcome.label_message()),
            value: n(a.tally.get(outcome)),
        });
    }
    out.push(Figure {
        id: "states-all",
        label: page.t("ping-page-figure-states-all"),
        value: n(a.states.all),
    });
    out.push(Figure {
        id: "states-partly",
        label: page.t("ping-page-figure-states-partly"),
        value: n(a.states.partly),
    });
    out.push(Figure {
        id: "states-none",
        label: page.t("ping-page-figure-states-none"),
        value: n(a.states.none),
    });
    out.push(Figure {
        id: "median",
        label: page.t("ping-page-figure-median"),
        value: a
            .distribution
            .median_seconds
            .map(|s| duration_words(page, s))
            .unwrap_or_else(|| page.t("ping-page-figure-none")),
    });
    out
}

#[derive(Template)]
#[template(path = "ping_tests/campaign.html")]
pub struct CampaignPage {
    pub page: PageCtx,
    pub row: CampaignRow,
    pub closes: String,
    pub reminders: String,
    pub announced: bool,
    pub escalate: bool,
    pub published: String,
    pub cancelled: String,
    pub figures: Vec<Figure>,
    pub may_cancel: bool,
    pub may_publish: bool,
    pub error: Option<String>,
}

async fn campaign_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    error: Option<String>,
) -> Result<CampaignPage, AppError> {
    let settings = settings(state);
    let results = service(state, &settings)
        .results(&me.requester(), id, None)
        .await?;
    let names = state_names(state, &page).await?;
    let now = state.clock.now();
    let c = &results.campaign;
    let manage = allowed(me, Action::ManagePingTests);
    let reminders = if c.times.reminders.is_empty() {
        page.t("ping-page-reminders-none")
    } else {
        c.times
            .reminders
            .iter()
            .map(|r| when(&page, c.times.starts_at + *r))
            .collect::<Vec<_>>()
            .join("; ")
    };
    Ok(CampaignPage {
        row: row(&page, c, now, &names),
        closes: when(&page, c.times.closes_at),
        reminders,
        announced: c.announced,
        escalate: c.escalate,
        published: c.published_at.map(|t| when(&page, t)).unwrap_or_default(),
        cancelled: c.cancelled_at.map(|t| when(&page, t)).unwrap_or_default(),
        figures: figures(&page, &results.overall),
        may_cancel: manage && may_cancel(results.status),
        may_publish: manage && may_publish(results.status) && c.published_at.is_none(),
        error,
        page,
    })
}

/// A campaign: its plan, its state and the overall figures.
pub async fn campaign(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let p = campaign_page(&state, page, &me, id, None).await?;
    Ok(render(StatusCode::OK, &p))
}

#[derive(serde::Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    pub confirm: String,
}

/// Cancels a campaign once the secretariat ticked that it understands.
pub async fn cancel(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<CancelForm>,
) -> Result<Response, AppError> {
    if form.confirm != "yes" {
        let error = Some(page.t("ping-page-cancel-unconfirmed"));
        let p = campaign_page(&state, page, &me, id, error).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p));
    }
    let settings = settings(&state);
    service(&state, &settings)
        .cancel(&me.requester(), id)
        .await?;
    Ok(see_other_done(
        &safe_next(Some(&format!("/ping-tests/{id}")), "/ping-tests"),
        "done-ping-test-cancelled",
    ))
}

/// Publishes a finished campaign's aggregate figures.
pub async fn publish(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    service(&state, &settings)
        .publish(&me.requester(), id)
        .await?;
    Ok(see_other_done(
        &safe_next(Some(&format!("/ping-tests/{id}")), "/ping-tests"),
        "done-ping-test-published",
    ))
}

#[derive(Template)]
#[template(path = "ping_tests/about.html")]
pub struct AboutPage {
    pub page: PageCtx,
    pub window_hours: i64,
    pub reminders: String,
    pub late_days: i64,
}

/// What a ping test is, what counts as an answer, and how results are used.
pub async fn about(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let ping = &state.config.ping;
    let reminders = ping
        .reminders
        .iter()
        .map(|r| r.whole_hours().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(render(
        StatusCode::OK,
        &AboutPage {
            window_hours: ping.window.whole_hours(),
            reminders,
            late_days: ping.late_grace.whole_days(),
            page,
        },
    ))
}

/// One published campaign: its aggregate figures only.
pub struct PublishedView {
    pub id: i64,
    pub title: String,
    pub starts: String,
    pub answer_by: String,
    pub figures: Vec<Figure>,
}

#[derive(Template)]
#[template(path = "ping_tests/published.html")]
pub struct PublishedPage {
    pub page: PageCtx,
    pub campaigns: Vec<PublishedView>,
}

/// The campaigns whose figures the secretariat published, newest first.
pub async fn published(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let settings = settings(&state);
    let service = service(&state, &settings);
    let mut list = service.published().await?;
    list.sort_by_key(|c| std::cmp::Reverse((c.times.starts_at, c.id)));
    let mut campaigns = Vec::new();
    for c in list {
        let (c, aggregates) = service.public_figures(c.id).await?;
        campaigns.push(PublishedView {
            id: c.id,
            title: c.title.clone(),
            starts: when(&page, c.times.starts_at),
            answer_by: when(&page, c.times.answer_by),
            figures: figures(&page, &aggregates),
        });
    }
    Ok(render(StatusCode::OK, &PublishedPage { campaigns, page }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_is_read_as_utc_and_a_bad_one_is_named() {
        let t = parse_utc("2026-12-01T09:30").unwrap();
        assert_eq!(t.unix_timestamp(), 1_796_117_400);
        assert!(parse_utc("2026-12-01T09:30:15").is_some());
        assert!(parse_utc("tomorrow").is_none());
        let form = CampaignForm {
            title: "Q4".into(),
            starts_at: "soon".into(),
            window_hours: "x".into(),
            reminder_hours: "24, y".into(),
            ..CampaignForm::default()
        };
        let (draft, errors) = form.draft();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["starts_at", "window_hours", "reminder_hours"]);
        assert_eq!(draft.starts_at, None);
        let form = CampaignForm {
            reminder_hours: "24, 48".into(),
            regions: vec!["Asia".into()],
            roles: "technical".into(),
            ..CampaignForm::default()
        };
        let (draft, errors) = form.draft();
        assert!(errors.is_empty());
        assert_eq!(draft.reminder_hours, Some(vec![24, 48]));
        assert_eq!(draft.scope.roles, ScopeRoles::Technical);
    }
}
