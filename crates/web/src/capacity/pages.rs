//! The pages of capacity building: the requests a reader may see, with
//! filters by area, language and deadline (`/capacity`); the form a State
//! files a request with; one request with its clocks, its offers as the
//! reader may see them and the steps the reader may take.

use super::steps::{self, Caller, CapacityFailure, Participants};
use crate::accounts::mail::mail_time;
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams, QueryParams};
use crate::http::form_errors::FormErrors;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::account::AccountKind;
use pocdir_domain::capacity::matching::{acknowledgement_due, ServiceClock};
use pocdir_domain::capacity::request::{parse_date, OfferDraft, OutcomeDraft, RequestDraft};
use pocdir_domain::capacity::{
    Area, Format, Milestone, OfferStatus, RequestStatus, RequestStep, Visibility,
};
use pocdir_domain::directory::poc::FieldError;
use pocdir_domain::policy::CapacityView;
use pocdir_domain::reporter::LANGUAGES;
use pocdir_i18n::Lang;
use pocdir_store::{CapacityOffer, CapacityRequest};
use serde::Deserialize;
use time::OffsetDateTime;

/// A choice in a form: its value, its label, whether it is chosen.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

fn language_name(code: &str) -> String {
    Lang::from_tag(code)
        .map(|l| l.native_name().to_string())
        .unwrap_or_else(|| code.to_string())
}

fn date_text(d: time::Date) -> String {
    d.to_string()
}

/// A service clock as the pages show it.
pub struct ClockLine {
    pub label: String,
    pub due: String,
    pub state: String,
    pub state_key: &'static str,
}

fn clock_line(page: &PageCtx, label: &str, clock: ServiceClock, now: OffsetDateTime) -> ClockLine {
    let state = clock.state(now);
    ClockLine {
        label: page.t(label),
        due: mail_time(clock.due),
        state: page.t(state.label_message()),
        state_key: state.as_str(),
    }
}

/// The acknowledgement's clock of a request.
fn acknowledgement(r: &CapacityRequest) -> ServiceClock {
    ServiceClock {
        due: acknowledgement_due(r.filed_at),
        done: r.acknowledged_at,
    }
}

/// One request as a list row or a page's facts show it.
pub struct RequestRow {
    pub id: i64,
    pub requester: String,
    pub areas: String,
    pub format: String,
    pub languages: String,
    pub needed_by: String,
    pub funding_needed: bool,
    pub visibility: String,
    pub status: String,
    pub status_key: &'static str,
    pub filed: String,
    pub acknowledgement: ClockLine,
    pub own: bool,
}

fn request_row(
    page: &PageCtx,
    participants: &Participants,
    r: &CapacityRequest,
    view: CapacityView,
    now: OffsetDateTime,
) -> RequestRow {
    let named = !matches!(
        view,
        CapacityView::Provider {
            requester_named: false
        }
    );
    RequestRow {
        id: r.id,
        requester: if named {
            participants.name(&r.participant, page.lang_code())
        } else {
            page.t("capacity-anonymous-requester")
        },
        areas: r
            .areas
            .iter()
            .map(|a| page.t(a.label_message()))
            .collect::<Vec<_>>()
            .join(", "),
        format: page.t(r.format.label_message()),
        languages: r
            .languages
            .iter()
            .map(|l| language_name(l))
            .collect::<Vec<_>>()
            .join(", "),
        needed_by: date_text(r.needed_by),
        funding_needed: r.funding_needed,
        visibility: page.t(r.visibility.label_message()),
        status: page.t(r.status.label_message()),
        status_key: r.status.as_str(),
        filed: mail_time(r.filed_at),
        acknowledgement: clock_line(
            page,
            "capacity-clock-acknowledgement",
            acknowledgement(r),
            now,
        ),
        own: view == CapacityView::Requester,
    }
}

/// Whether `me` may file requests (the route's action says the kind; the
/// State must take part and be a State).
fn may_file(me: &SignedIn, participants: &Participants) -> bool {
    use pocdir_domain::directory::participant::ParticipantKind;
    matches!(
        me.actor.kind,
        AccountKind::Nominator | AccountKind::DiplomaticPoc
    ) && me
        .actor
        .participant
        .as_ref()
        .and_then(|p| participants.get(p.as_str()))
        .is_some_and(|p| p.status.takes_part() && p.kind != ParticipantKind::Organisation)
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub language: String,
    /// Only requests needed by this date (`YYYY-MM-DD`) or sooner.
    #[serde(default)]
    pub needed_before: String,
    /// `open` (the default), `mine` or `all`.
    #[serde(default)]
    pub show: String,
    #[serde(default)]
    pub done: Option<String>,
}

/// The list's filters, checked.
pub struct ListFilter {
    pub area: Option<Area>,
    pub language: Option<String>,
    pub needed_before: Option<time::Date>,
    pub show: &'static str,
}

impl ListFilter {
    pub fn parse(q: &ListQuery) -> Result<ListFilter, AppError> {
        let area = match q.area.trim() {
            "" => None,
            a => Some(Area::parse(a).ok_or_else(|| AppError::bad_request("capacity-error-area"))?),
        };
        let language = match q.language.trim() {
            "" => None,
            l if LANGUAGES.contains(&l) => Some(l.to_string()),
            _ => return Err(AppError::bad_request("capacity-error-language")),
        };
        let needed_before = match q.needed_before.trim() {
            "" => None,
            d => Some(parse_date(d).ok_or_else(|| AppError::bad_request("capacity-error-date"))?),
        };
        let show = match q.show.trim() {
            "" | "open" => "open",
            "mine" => "mine",
            "all" => "all",
            _ => return Err(AppError::bad_request("error-bad-query")),
        };
        Ok(ListFilter {
            area,
            language,
            needed_before,
            show,
        })
    }

    pub fn keeps(&self, r: &CapacityRequest, view: CapacityView) -> bool {
        self.area.is_none_or(|a| r.areas.contains(&a))
            && self
                .language
                .as_ref()
                .is_none_or(|l| r.languages.contains(l))
            && self.needed_before.is_none_or(|d| r.needed_by <= d)
            && match self.show {
                "open" => r.status.open(),
                "mine" => view == CapacityView::Requester,
                _ => true,
            }
    }
}

#[derive(Template)]
#[template(path = "capacity/list.html")]
pub struct ListPage {
    pub page: PageCtx,
    pub rows: Vec<RequestRow>,
    pub may_file: bool,
    pub coordinator: bool,
    pub areas: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub shows: Vec<Choice>,
    pub needed_before: String,
    pub overdue: usize,
}

impl ListPage {
    pub fn count(&self) -> i64 {
        i64::try_from(self.rows.len()).unwrap_or(i64::MAX)
    }

    pub fn overdue_count(&self) -> i64 {
        i64::try_from(self.overdue).unwrap_or(i64::MAX)
    }
}

pub async fn list(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(q): QueryParams<ListQuery>,
) -> Result<Response, AppError> {
    let filter = ListFilter::parse(&q)?;
    let participants = Participants::load(state.store.as_ref()).await?;
    let now = state.clock.now();
    let mut rows = Vec::new();
    let mut overdue = 0;
    for (r, view) in steps::visible(&Caller::of(&state, &me), &participants).await? {
        if !filter.keeps(&r, view) {
            continue;
        }
        let row = request_row(&page, &participants, &r, view, now);
        if row.acknowledgement.state_key == "overdue" {
            overdue += 1;
        }
        rows.push(row);
    }
    let areas = Area::ALL
        .iter()
        .map(|a| Choice {
            value: a.as_str().into(),
            label: page.t(a.label_message()),
            chosen: filter.area == Some(*a),
        })
        .collect();
    let languages = LANGUAGES
        .iter()
        .map(|l| Choice {
            value: (*l).into(),
            label: language_name(l),
            chosen: filter.language.as_deref() == Some(*l),
        })
        .collect();
    let shows = ["open", "mine", "all"]
        .iter()
        .map(|s| Choice {
            value: (*s).into(),
            label: page.t(&format!("capacity-show-{s}")),
            chosen: filter.show == *s,
        })
        .collect();
    let may_file = may_file(&me, &participants);
    Ok(render(
        StatusCode::OK,
        &ListPage {
            coordinator: me.actor.kind == AccountKind::Secretariat,
            page,
            rows,
            may_file,
            areas,
            languages,
            shows,
            needed_before: filter.needed_before.map(date_text).unwrap_or_default(),
            overdue,
        },
    ))
}

#[derive(Template)]
#[template(path = "capacity/new.html")]
pub struct NewPage {
    pub page: PageCtx,
    pub areas: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub formats: Vec<Choice>,
    pub visibilities: Vec<Choice>,
    pub providers: Vec<Choice>,
    pub description: String,
    pub needed_by: String,
    pub funding_needed: bool,
    pub errors: FormErrors,
    pub error: Option<String>,
}

impl NewPage {
    /// `aria-invalid` and `aria-describedby` of a field in error.
    pub fn aria(&self, field: &str) -> String {
        self.errors.aria(field, None)
    }
}

/// The request form's fields in the order the form shows them.
const REQUEST_FIELDS: [&str; 6] = [
    "areas",
    "description",
    "languages",
    "format",
    "needed_by",
    "providers",
];

fn field_errors(page: &PageCtx, errors: &[FieldError]) -> FormErrors {
    let mut out = FormErrors::default();
    for e in errors {
        if !out.has(&e.field) {
            let label = page.t(&format!("capacity-field-{}", e.field.replace('_', "-")));
            out.add(&e.field, label, page.t(e.message_id));
        }
    }
    out.order_by(&REQUEST_FIELDS);
    out
}

fn new_page(
    page: PageCtx,
    participants: &Participants,
    me: &SignedIn,
    draft: &RequestDraft,
    errors: FormErrors,
) -> NewPage {
    let choices = |values: Vec<(String, String)>, chosen: &[String]| -> Vec<Choice> {
        values
            .into_iter()
            .map(|(value, label)| Choice {
                chosen: chosen.contains(&value),
                value,
                label,
            })
            .collect()
    };
    let one = |v: &str| vec![v.to_string()];
    let own = me.actor.participant.as_ref().map(|p| p.as_str());
    NewPage {
        areas: choices(
            Area::ALL
                .iter()
                .map(|a| (a.as_str().into(), page.t(a.label_message())))
                .collect(),
            &draft.areas,
        ),
        languages: choices(
            LANGUAGES
                .iter()
                .map(|l| ((*l).into(), language_name(l)))
                .collect(),
            &draft.languages,
        ),
        formats: choices(
            Format::ALL
                .iter()
                .map(|f| (f.as_str().into(), page.t(f.label_message())))
                .collect(),
            &one(&draft.format),
        ),
        visibilities: choices(
            Visibility::ALL
                .iter()
                .map(|v| (v.as_str().into(), page.t(v.label_message())))
                .collect(),
            &one(if draft.visibility.is_empty() {
                Visibility::AllProviders.as_str()
            } else {
                &draft.visibility
            }),
        ),
        providers: choices(
            participants.providers(own, page.lang_code()),
            &draft.providers,
        ),
        description: draft.description.clone(),
        needed_by: draft.needed_by.clone(),
        funding_needed: draft.funding_needed,
        errors,
        error: None,
        page,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    let participants = Participants::load(state.store.as_ref()).await?;
    if !may_file(&me, &participants) {
        return Err(CapacityFailure::Refused("capacity-refused-not-participating").into());
    }
    let draft = RequestDraft::default();
    Ok(render(
        StatusCode::OK,
        &new_page(page, &participants, &me, &draft, FormErrors::default()),
    ))
}

/// The request form's fields (areas, languages and providers repeat).
fn request_draft(fields: &[(String, String)]) -> RequestDraft {
    let mut d = RequestDraft::default();
    for (k, v) in fields {
        match k.as_str() {
            "areas" => d.areas.push(v.clone()),
            "languages" => d.languages.push(v.clone()),
            "providers" => d.providers.push(v.clone()),
            "description" => d.description = v.clone(),
            "format" => d.format = v.clone(),
            "needed_by" => d.needed_by = v.clone(),
            "visibility" => d.visibility = v.clone(),
            "funding_needed" => d.funding_needed = v == "yes",
            _ => {}
        }
    }
    d
}

pub async fn file(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(fields): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let draft = request_draft(&fields);
    match steps::file(&Caller::of(&state, &me), &draft).await {
        Ok(r) => Ok(see_other_done(
            &safe_next(Some(&format!("/capacity/requests/{}", r.id)), "/capacity"),
            "done-capacity-filed",
        )),
        Err(CapacityFailure::Invalid(errors)) => {
            let participants = Participants::load(state.store.as_ref()).await?;
            let map = field_errors(&page, &errors);
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &new_page(page, &participants, &me, &draft, map),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// An offer as its request's page shows it.
pub struct OfferRow {
    pub id: i64,
    pub provider: String,
    pub description: String,
    pub languages: String,
    pub format: String,
    pub funded: bool,
    pub status: String,
    pub status_key: &'static str,
    pub offered: String,
    /// The requester may select it now.
    pub selectable: bool,
    /// Its provider may take it back now.
    pub withdrawable: bool,
}

/// A follow-up as the page shows it: its clock, its report or its form.
pub struct FollowUpLine {
    pub milestone: &'static str,
    pub clock: ClockLine,
    pub outcome: String,
    pub what_changed: String,
    pub reported: String,
    /// The requester may report it now.
    pub reportable: bool,
}

#[derive(Template)]
#[template(path = "capacity/one.html")]
pub struct OnePage {
    pub page: PageCtx,
    pub request: RequestRow,
    pub description: String,
    pub named: String,
    pub offers: Vec<OfferRow>,
    pub follow_ups: Vec<FollowUpLine>,
    pub first_offer: String,
    pub may_offer: bool,
    pub may_withdraw: bool,
    pub may_acknowledge: bool,
    pub may_confirm: bool,
    pub outcomes: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub formats: Vec<Choice>,
    /// A refused step or form: where, and why.
    pub error_for: String,
    pub error: String,
    pub offer_draft: String,
    /// The funding lines the reader may see, their totals, and the form.
    pub funding: Vec<super::funding::FundingLine>,
    pub funding_totals: Vec<super::funding::TotalLine>,
    pub may_fund: bool,
    pub stages: Vec<Choice>,
}

struct Refused {
    status: StatusCode,
    error_for: &'static str,
    error: String,
    offer_draft: String,
}

async fn one_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    refused: Option<Refused>,
) -> Result<Response, AppError> {
    let participants = Participants::load(state.store.as_ref()).await?;
    let (r, view) = steps::one(&Caller::of(state, me), &participants, id).await?;
    let now = state.clock.now();
    let offers = steps::offers_seen(&Caller::of(state, me), &r, view).await?;
    let own = me.actor.participant.as_ref().map(|p| p.as_str());
    let requester = view == CapacityView::Requester && may_file(me, &participants);
    let is_provider = matches!(view, CapacityView::Provider { .. });
    let offer_rows: Vec<OfferRow> = offers
        .iter()
        .map(|o: &CapacityOffer| OfferRow {
            id: o.id,
            provider: participants.name(&o.provider, page.lang_code()),
            description: o.description.clone(),
            languages: o
                .languages
                .iter()
                .map(|l| language_name(l))
                .collect::<Vec<_>>()
                .join(", "),
            format: page.t(o.format.label_message()),
            funded: o.funded,
            status: page.t(o.status.label_message()),
            status_key: o.status.as_str(),
            offered: mail_time(o.offered_at),
            selectable: requester && r.status.open() && o.status == OfferStatus::Open,
            withdrawable: is_provider
                && r.status.open()
                && o.status == OfferStatus::Open
                && Some(o.provider.as_str()) == own,
        })
        .collect();
    let has_open_offer = offer_rows.iter().any(|o| o.withdrawable);
    let reports = state.store.capacity_follow_ups(id).await?;
    let follow_ups = match r.selected_at {
        Some(selected_at) => Milestone::ALL
            .iter()
            .map(|m| {
                let report = reports.iter().find(|f| f.milestone == *m);
                let clock = ServiceClock {
                    due: m.due(selected_at),
                    done: report.map(|f| f.reported_at),
                };
                FollowUpLine {
                    milestone: m.as_str(),
                    clock: clock_line(&page, m.label_message(), clock, now),
                    outcome: report
                        .map(|f| page.t(f.outcome.label_message()))
                        .unwrap_or_default(),
                    what_changed: report.map(|f| f.what_changed.clone()).unwrap_or_default(),
                    reported: report.map(|f| mail_time(f.reported_at)).unwrap_or_default(),
                    reportable: requester
                        && m.report_refusal(r.status, r.selected_at, report.is_some(), now)
                            .is_none(),
                }
            })
            .collect(),
        None => Vec::new(),
    };
    let coordinator = view == CapacityView::Coordinator;
    let funding_lines =
        steps::funding_seen(&Caller::of(state, me), &participants, Some(id)).await?;
    let may_fund = super::funding::may_fund(me)
        && view != CapacityView::Requester
        && !coordinator
        && !matches!(r.status, RequestStatus::Withdrawn | RequestStatus::Closed);
    let request = request_row(&page, &participants, &r, view, now);
    let named = if matches!(view, CapacityView::Coordinator | CapacityView::Requester) {
        r.named
            .iter()
            .map(|c| participants.name(c, page.lang_code()))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        String::new()
    };
    let refused = refused.unwrap_or(Refused {
        status: StatusCode::OK,
        error_for: "",
        error: String::new(),
        offer_draft: String::new(),
    });
    let languages = LANGUAGES
        .iter()
        .map(|l| Choice {
            value: (*l).into(),
            label: language_name(l),
            chosen: r.languages.iter().any(|x| x == l),
        })
        .collect();
    let formats = Format::ALL
        .iter()
        .map(|f| Choice {
            value: f.as_str().into(),
            label: page.t(f.label_message()),
            chosen: *f == r.format,
        })
        .collect();
    let outcomes = pocdir_domain::capacity::Outcome::ALL
        .iter()
        .map(|o| Choice {
            value: o.as_str().into(),
            label: page.t(o.label_message()),
            chosen: false,
        })
        .collect();
    Ok(render(
        refused.status,
        &OnePage {
            description: r.description.clone(),
            named,
            offers: offer_rows,
            follow_ups,
            first_offer: r.first_offer_at.map(mail_time).unwrap_or_default(),
            may_offer: is_provider && r.status.open() && !has_open_offer,
            may_withdraw: requester && RequestStep::Withdraw.refusal(r.status).is_none(),
            may_acknowledge: coordinator && r.status == RequestStatus::Filed,
            may_confirm: coordinator && r.status == RequestStatus::Selected,
            outcomes,
            languages,
            formats,
            error_for: refused.error_for.to_string(),
            error: refused.error,
            offer_draft: refused.offer_draft,
            funding: super::funding::lines(&page, &participants, &funding_lines),
            funding_totals: super::funding::totals(&funding_lines),
            may_fund,
            stages: super::funding::stages(&page),
            request,
            page,
        },
    ))
}

pub async fn one(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    one_page(&state, page, &me, id, None).await
}

/// The request's page with a refusal of another form (funding) on it.
pub async fn one_with_error(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    status: StatusCode,
    error: String,
) -> Result<Response, AppError> {
    one_page(
        state,
        page,
        me,
        id,
        Some(Refused {
            status,
            error_for: "funding",
            error,
            offer_draft: String::new(),
        }),
    )
    .await
}

/// The words of a refusal (409) or of invalid fields (422), for the page
/// the form came from; any other failure is the error page's.
pub fn refusal_words(page: &PageCtx, e: CapacityFailure) -> Result<(StatusCode, String), AppError> {
    match e {
        CapacityFailure::Refused(id) => Ok((StatusCode::CONFLICT, page.t(id))),
        CapacityFailure::Invalid(fields) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            fields
                .iter()
                .map(|f| page.t(f.message_id))
                .collect::<Vec<_>>()
                .join(" "),
        )),
        other => Err(other.into()),
    }
}

/// A refused step shown on the request's page, in the reader's words;
/// the other failures get the error page.
async fn refused_on_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    error_for: &'static str,
    e: CapacityFailure,
    offer_draft: String,
) -> Result<Response, AppError> {
    let (status, error) = refusal_words(&page, e)?;
    one_page(
        state,
        page,
        me,
        id,
        Some(Refused {
            status,
            error_for,
            error,
            offer_draft,
        }),
    )
    .await
}

fn back_to(id: i64, done: &'static str) -> Response {
    see_other_done(
        &safe_next(Some(&format!("/capacity/requests/{id}")), "/capacity"),
        done,
    )
}

/// The offer form's fields (languages repeat).
fn offer_draft(fields: &[(String, String)]) -> OfferDraft {
    let mut d = OfferDraft::default();
    for (k, v) in fields {
        match k.as_str() {
            "languages" => d.languages.push(v.clone()),
            "description" => d.description = v.clone(),
            "format" => d.format = v.clone(),
            "funded" => d.funded = v == "yes",
            _ => {}
        }
    }
    d
}

pub async fn offer(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(fields): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let draft = offer_draft(&fields);
    match steps::offer(&Caller::of(&state, &me), id, &draft).await {
        Ok(_) => Ok(back_to(id, "done-capacity-offered")),
        Err(e) => refused_on_page(&state, page, &me, id, "offer", e, draft.description).await,
    }
}

pub async fn withdraw_offer(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(offer_id): PathParams<i64>,
) -> Result<Response, AppError> {
    let id = steps::withdraw_offer(&Caller::of(&state, &me), offer_id).await?;
    Ok(back_to(id, "done-capacity-offer-withdrawn"))
}

#[derive(Debug, Default, Deserialize)]
pub struct SelectForm {
    #[serde(default)]
    pub offer: Option<i64>,
}

async fn take_step(
    state: AppState,
    page: PageCtx,
    me: SignedIn,
    id: i64,
    step: RequestStep,
    offer: Option<i64>,
    done: &'static str,
) -> Result<Response, AppError> {
    match steps::step(&Caller::of(&state, &me), id, step, offer).await {
        Ok(_) => Ok(back_to(id, done)),
        Err(e) => refused_on_page(&state, page, &me, id, step.as_str(), e, String::new()).await,
    }
}

pub async fn select(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<SelectForm>,
) -> Result<Response, AppError> {
    take_step(
        state,
        page,
        me,
        id,
        RequestStep::Select,
        form.offer,
        "done-capacity-selected",
    )
    .await
}

pub async fn withdraw(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    take_step(
        state,
        page,
        me,
        id,
        RequestStep::Withdraw,
        None,
        "done-capacity-withdrawn",
    )
    .await
}

pub async fn acknowledge(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    take_step(
        state,
        page,
        me,
        id,
        RequestStep::Acknowledge,
        None,
        "done-capacity-acknowledged",
    )
    .await
}

pub async fn confirm(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    take_step(
        state,
        page,
        me,
        id,
        RequestStep::Confirm,
        None,
        "done-capacity-confirmed",
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct FollowUpForm {
    #[serde(default)]
    pub milestone: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub what_changed: String,
}

pub async fn follow_up(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<FollowUpForm>,
) -> Result<Response, AppError> {
    let draft = OutcomeDraft {
        outcome: form.outcome,
        what_changed: form.what_changed,
    };
    match steps::follow_up(&Caller::of(&state, &me), id, &form.milestone, &draft).await {
        Ok(_) => Ok(back_to(id, "done-capacity-followed-up")),
        Err(e) => refused_on_page(&state, page, &me, id, "follow_up", e, String::new()).await,
    }
}
