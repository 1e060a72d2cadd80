//! The pages of the best-practice library: search with filters
//! (`/library`), one document with its summaries and its download, the
//! publishing form, and the withdrawal.

use super::service::{Found, Library, LibraryFailure, Shown};
use crate::capacity::steps::Participants;
use crate::communications::view::TlpView;
use crate::directory::values::language_name;
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
use pocdir_domain::capacity::request::Area;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::directory::poc::FieldError;
use pocdir_domain::library::{DocumentDraft, DocumentKind, LibraryQuery};
use pocdir_domain::policy::LibraryView;
use pocdir_domain::reporter::LANGUAGES;
use pocdir_domain::requester::Requester;
use serde::Deserialize;

pub fn library(state: &AppState) -> Library<'_> {
    Library {
        store: state.store.as_ref(),
        clock: state.clock.as_ref(),
    }
}

const PAGE: usize = 20;
/// The labels a library document may carry (RED is for named recipients).
pub const LIBRARY_TLPS: [TlpLabel; 4] = [
    TlpLabel::Clear,
    TlpLabel::Green,
    TlpLabel::Amber,
    TlpLabel::AmberStrict,
];

pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

fn choices(values: Vec<(String, String)>, chosen: &[&str]) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(value, label)| Choice {
            chosen: chosen.contains(&value.as_str()),
            value,
            label,
        })
        .collect()
}

fn area_values(page: &PageCtx) -> Vec<(String, String)> {
    Area::ALL
        .iter()
        .map(|a| (a.as_str().to_owned(), page.t(a.label_message())))
        .collect()
}

fn kind_values(page: &PageCtx) -> Vec<(String, String)> {
    DocumentKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), page.t(k.label_message())))
        .collect()
}

fn language_values(page: &PageCtx) -> Vec<(String, String)> {
    LANGUAGES
        .iter()
        .map(|l| ((*l).to_owned(), language_name(&page.tr, l)))
        .collect()
}

fn day(at: time::OffsetDateTime) -> String {
    crate::accounts::mail::mail_time(at)
}

/// A summary in one language, marked with its language for the reader's
/// browser (direction and fonts).
pub struct SummaryView {
    pub lang: String,
    pub language: String,
    pub text: String,
}

/// A document as a card of the list or the head of its page.
pub struct DocumentLine {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub tlp: TlpView,
    pub publisher: String,
    pub published: String,
    pub languages: String,
    pub areas: String,
    /// The summary in the reader's language, else the first given.
    pub summary: SummaryView,
    pub withdrawn: bool,
}

fn publisher_name(page: &PageCtx, participants: &Participants, code: Option<&str>) -> String {
    match code {
        Some(code) => participants.name(code, page.lang_code()),
        None => page.t("library-publisher-secretariat"),
    }
}

fn summary_view(page: &PageCtx, lang: &str, text: &str) -> SummaryView {
    SummaryView {
        lang: lang.to_owned(),
        language: language_name(&page.tr, lang),
        text: text.to_owned(),
    }
}

fn line(page: &PageCtx, participants: &Participants, s: &Shown) -> DocumentLine {
    let d = &s.document;
    let summaries = &d.summaries;
    let summary = summaries
        .get_key_value(page.lang_code())
        .or_else(|| summaries.iter().next())
        .map(|(l, t)| summary_view(page, l, t))
        .unwrap_or(SummaryView {
            lang: String::new(),
            language: String::new(),
            text: String::new(),
        });
    DocumentLine {
        id: d.id,
        title: d.title.clone(),
        kind: page.t(s.kind.label_message()),
        tlp: TlpView::of(page, s.tlp),
        publisher: publisher_name(page, participants, d.participant.as_deref()),
        published: day(d.published_at),
        languages: d
            .languages
            .iter()
            .map(|l| language_name(&page.tr, l))
            .collect::<Vec<_>>()
            .join(" · "),
        areas: s
            .areas
            .iter()
            .map(|a| page.t(a.label_message()))
            .collect::<Vec<_>>()
            .join(" · "),
        summary,
        withdrawn: s.withdrawn(),
    }
}

#[derive(Deserialize, Default)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub publisher: String,
    /// `yes`: the withdrawn documents (their publishers and the secretariat).
    #[serde(default)]
    pub withdrawn: String,
    #[serde(default)]
    pub offset: usize,
    /// The API's page length (the pages show twenty).
    #[serde(default)]
    pub limit: Option<usize>,
}

impl SearchParams {
    /// The query; an unknown filter value is a 400 in the one shape.
    pub fn query(&self) -> Result<LibraryQuery, AppError> {
        fn pick(v: &str) -> Option<&str> {
            Some(v.trim()).filter(|v| !v.is_empty())
        }
        Ok(LibraryQuery {
            text: self.q.clone(),
            area: pick(&self.area)
                .map(|a| Area::parse(a).ok_or_else(|| AppError::bad_request("library-error-areas")))
                .transpose()?,
            language: pick(&self.language)
                .map(|l| {
                    LANGUAGES
                        .contains(&l)
                        .then(|| l.to_owned())
                        .ok_or_else(|| AppError::bad_request("library-error-languages"))
                })
                .transpose()?,
            kind: pick(&self.kind)
                .map(|k| {
                    DocumentKind::parse(k)
                        .ok_or_else(|| AppError::bad_request("library-error-kind"))
                })
                .transpose()?,
            publisher: pick(&self.publisher).map(str::to_owned),
        })
    }

    fn link(&self, offset: usize) -> String {
        let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        format!(
            "/library?q={}&area={}&language={}&kind={}&publisher={}&withdrawn={}&offset={offset}",
            enc(&self.q),
            enc(&self.area),
            enc(&self.language),
            enc(&self.kind),
            enc(&self.publisher),
            enc(&self.withdrawn),
        )
    }
}

#[derive(Template)]
#[template(path = "library/list.html")]
struct ListPage {
    page: PageCtx,
    q: String,
    areas: Vec<Choice>,
    languages: Vec<Choice>,
    kinds: Vec<Choice>,
    publishers: Vec<Choice>,
    withdrawn: bool,
    lines: Vec<DocumentLine>,
    total: usize,
    shown_from: usize,
    shown_to: usize,
    previous: Option<String>,
    next: Option<String>,
    may_publish: bool,
}

impl ListPage {
    fn total_count(&self) -> i64 {
        i64::try_from(self.total).unwrap_or(i64::MAX)
    }
    fn first_shown(&self) -> i64 {
        i64::try_from(self.shown_from).unwrap_or(i64::MAX)
    }
    fn last_shown(&self) -> i64 {
        i64::try_from(self.shown_to).unwrap_or(i64::MAX)
    }
}

/// Whether `who` may publish: the secretariat, or a State's account (the
/// step itself checks that the State takes part).
fn may_publish(who: &Requester) -> bool {
    pocdir_domain::policy::decide(
        Some(&who.actor),
        pocdir_domain::policy::Action::PublishLibrary,
    ) == pocdir_domain::policy::Decision::Allow
}

/// `GET /library`: the documents the reader may see, searched in any
/// script and filtered by area, language, kind and publisher.
pub async fn list(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(params): QueryParams<SearchParams>,
) -> Result<Response, AppError> {
    let query = params.query()?;
    let who = me.requester();
    let withdrawn = params.withdrawn == "yes";
    let (participants, found) = library(&state)
        .search(&who, &query, withdrawn, params.offset, PAGE)
        .await?;
    let Found {
        total,
        documents,
        publishers,
    } = found;
    let lines: Vec<DocumentLine> = documents
        .iter()
        .map(|s| line(&page, &participants, s))
        .collect();
    let shown_to = params.offset + lines.len();
    let previous = (params.offset > 0).then(|| params.link(params.offset.saturating_sub(PAGE)));
    let next = (shown_to < total).then(|| params.link(shown_to));
    let mut publisher_values: Vec<(String, String)> = publishers
        .iter()
        .map(|code| (code.clone(), participants.name(code, page.lang_code())))
        .collect();
    publisher_values.sort_by(|a, b| a.1.cmp(&b.1));
    let list = ListPage {
        q: params.q.clone(),
        areas: choices(area_values(&page), &[params.area.trim()]),
        languages: choices(language_values(&page), &[params.language.trim()]),
        kinds: choices(kind_values(&page), &[params.kind.trim()]),
        publishers: choices(publisher_values, &[params.publisher.trim()]),
        withdrawn,
        lines,
        total,
        shown_from: if total == 0 { 0 } else { params.offset + 1 },
        shown_to,
        previous,
        next,
        may_publish: may_publish(&who),
        page,
    };
    Ok(render(StatusCode::OK, &list))
}

#[derive(Template)]
#[template(path = "library/document.html")]
struct DocumentPage {
    page: PageCtx,
    doc: DocumentLine,
    summaries: Vec<SummaryView>,
    file_name: String,
    file_size: String,
    sha256: String,
    download_logged: bool,
    publisher_view: bool,
    withdrawal_reason: String,
    withdrawn_on: String,
    error: Option<String>,
}

async fn document_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, AppError> {
    let who = me.requester();
    let (participants, shown) = library(state).document(&who, id).await?;
    let d = &shown.document;
    let summaries = LANGUAGES
        .iter()
        .filter_map(|l| d.summaries.get(*l).map(|t| summary_view(&page, l, t)))
        .collect();
    let kib = (d.size + 1023) / 1024;
    let doc_page = DocumentPage {
        doc: line(&page, &participants, &shown),
        summaries,
        file_name: d.file_name.clone(),
        file_size: page.tr.t_args(
            "library-file-size",
            &[("kib", pocdir_i18n::FluentArg::Number(kib))],
        ),
        sha256: d.sha256.clone(),
        download_logged: Library::download_is_logged(&who, &shown),
        publisher_view: shown.view == LibraryView::Publisher,
        withdrawal_reason: d.withdrawal_reason.clone(),
        withdrawn_on: d.withdrawn_at.map(day).unwrap_or_default(),
        error,
        page,
    };
    Ok(render(status, &doc_page))
}

/// `GET /library/{id}`.
pub async fn document(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    document_page(&state, page, &me, id, StatusCode::OK, None).await
}

/// The download's `Content-Disposition` (the communications' rule for
/// file names).
fn disposition(name: &str) -> Result<HeaderValue, AppError> {
    HeaderValue::from_str(&crate::communications::thread::disposition(name))
        .map_err(|_| AppError::internal())
}

/// The file as a download of the type its content was checked to be;
/// another State's document is logged as read first.
pub async fn file_response(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    path: &str,
) -> Result<Response, AppError> {
    let (shown, bytes) = library(state).file(&me.requester(), id, path).await?;
    let file_type =
        pocdir_domain::communication::attachment::AttachmentType::parse(&shown.document.file_type)
            .ok_or_else(AppError::internal)?;
    Ok((
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(file_type.media_type()),
            ),
            (
                header::CONTENT_DISPOSITION,
                disposition(&shown.document.file_name)?,
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /library/{id}/file`.
pub async fn file(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    file_response(&state, &me, id, "page").await
}

#[derive(Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    pub reason: String,
}

/// `POST /library/{id}/withdraw`: a reason is required.
pub async fn withdraw(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<WithdrawForm>,
) -> Result<Response, AppError> {
    match library(&state)
        .withdraw(&me.requester(), id, &form.reason)
        .await
    {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some(&format!("/library/{id}")), "/library"),
            "done-library-withdrawn",
        )),
        Err(LibraryFailure::Fields(errors)) => {
            let error = errors.first().map(|e| page.t(e.message_id));
            document_page(
                &state,
                page,
                &me,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                error,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// One summary field of the form.
pub struct SummaryField {
    pub lang: String,
    pub language: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "library/new.html")]
struct NewPage {
    page: PageCtx,
    title: String,
    kinds: Vec<Choice>,
    tlps: Vec<(TlpView, bool)>,
    languages: Vec<Choice>,
    areas: Vec<Choice>,
    summaries: Vec<SummaryField>,
    errors: FormErrors,
    error: Option<String>,
}

impl NewPage {
    fn aria(&self, field: &str) -> String {
        self.errors.aria(field, None)
    }
}

/// The form's fields in its order, for the summary of errors.
const FIELDS: [&str; 12] = [
    "title",
    "kind",
    "tlp",
    "languages",
    "areas",
    "summary_en",
    "summary_ar",
    "summary_es",
    "summary_fr",
    "summary_ru",
    "summary_zh",
    "file",
];

fn form_errors(page: &PageCtx, errors: &[FieldError]) -> FormErrors {
    let mut out = FormErrors::default();
    for e in errors {
        let label = match e.field.strip_prefix("summary_") {
            Some(lang) => page.tr.t_args(
                "library-field-summary-in",
                &[(
                    "language",
                    pocdir_i18n::FluentArg::Text(language_name(&page.tr, lang)),
                )],
            ),
            None => page.t(&format!("library-field-{}", e.field)),
        };
        out.add(&e.field, label, page.t(e.message_id));
    }
    out.order_by(&FIELDS);
    out
}

fn new_page(
    page: PageCtx,
    d: &DocumentDraft,
    errors: FormErrors,
    error: Option<String>,
) -> NewPage {
    let langs: Vec<&str> = d.languages.iter().map(String::as_str).collect();
    let areas: Vec<&str> = d.areas.iter().map(String::as_str).collect();
    let chosen_tlp = pocdir_domain::library::parse_tlp(&d.tlp).ok();
    // The summaries in the reader's language first, then the others.
    let mut order: Vec<&str> = vec![page.lang_code()];
    order.extend(LANGUAGES.iter().filter(|l| **l != page.lang_code()));
    NewPage {
        title: d.title.clone(),
        kinds: choices(kind_values(&page), &[d.kind.as_str()]),
        tlps: LIBRARY_TLPS
            .iter()
            .map(|t| (TlpView::of(&page, *t), chosen_tlp == Some(*t)))
            .collect(),
        languages: choices(language_values(&page), &langs),
        areas: choices(area_values(&page), &areas),
        summaries: order
            .into_iter()
            .map(|l| SummaryField {
                lang: l.to_owned(),
                language: language_name(&page.tr, l),
                value: d.summaries.get(l).cloned().unwrap_or_default(),
            })
            .collect(),
        errors,
        error,
        page,
    }
}

/// `GET /library/new`.
pub async fn new_form(page: PageCtx, _me: SignedIn) -> Result<Response, AppError> {
    let draft = DocumentDraft {
        tlp: "GREEN".into(),
        ..DocumentDraft::default()
    };
    Ok(render(
        StatusCode::OK,
        &new_page(page, &draft, FormErrors::default(), None),
    ))
}

/// The form's (or the API's) fields as a draft: the file is `file`.
pub fn draft_of(form: &MultipartForm) -> DocumentDraft {
    let (file_name, bytes) = form.files("file").into_iter().next().unwrap_or_default();
    DocumentDraft {
        title: form.text("title"),
        kind: form.text("kind"),
        tlp: form.text("tlp"),
        languages: form.texts("languages"),
        areas: form.texts("areas"),
        summaries: LANGUAGES
            .iter()
            .map(|l| ((*l).to_owned(), form.text(&format!("summary_{l}"))))
            .collect(),
        file_name,
        bytes,
    }
}

/// `POST /library`: publishes, or shows the form again with each problem.
pub async fn publish(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    form: MultipartForm,
) -> Result<Response, AppError> {
    let draft = draft_of(&form);
    match library(&state)
        .publish(&me.requester(), draft.clone())
        .await
    {
        Ok(doc) => Ok(see_other_done(
            &safe_next(Some(&format!("/library/{}", doc.id)), "/library"),
            "done-library-published",
        )),
        Err(LibraryFailure::Fields(errors)) => {
            let errors = form_errors(&page, &errors);
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &new_page(page, &draft, errors, None),
            ))
        }
        Err(LibraryFailure::Refused(id)) => {
            let error = Some(page.t(id));
            Ok(render(
                StatusCode::CONFLICT,
                &new_page(page, &draft, FormErrors::default(), error),
            ))
        }
        Err(e) => Err(e.into()),
    }
}
