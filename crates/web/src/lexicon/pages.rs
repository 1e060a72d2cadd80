//! The pages of the common lexicon: search (`/lexicon`), a concept in
//! every language with its cross-references, its history with what each
//! version changed, the proposal form (a new concept or a change to the
//! version read), the proposals with their comments and the secretariat's
//! decision, the exports (TBX, SKOS) and the secretariat's import.

use super::service::{Lexicon, LexiconFailure, Proposal, Snapshot};
use crate::communications::view::{name_of, state_names};
use crate::directory::values::language_name;
use crate::http::error::AppError;
use crate::http::extract::{FormData, MultipartForm, PathParams, QueryParams};
use crate::http::form_errors::FormErrors;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_domain::account::AccountKind;
use pocdir_domain::directory::poc::FieldError;
use pocdir_domain::lexicon::concept::{LanguageDraft, TermDraft, LANGUAGES, MAX_TERMS};
use pocdir_domain::lexicon::diff::{diff, Change};
use pocdir_domain::lexicon::proposal::ProposalStatus;
use pocdir_domain::lexicon::{skos, tbx, Concept, ConceptDraft, LexiconDomain, TermStatus};
use pocdir_i18n::FluentArg;
use serde::Deserialize;

pub fn lexicon(state: &AppState) -> Lexicon<'_> {
    Lexicon {
        store: state.store.as_ref(),
        clock: state.clock.as_ref(),
        cache: state.lexicon.as_ref(),
    }
}

/// Term rows the form offers per language.
const FORM_TERMS: usize = 4;
const PAGE: usize = 50;

/// A concept as a line of the list: its name in the reader's language
/// (or the one shown instead) and its names in the others.
pub struct ConceptLine {
    pub id: String,
    pub heading: String,
    pub lang: String,
    pub domain: String,
    pub status: String,
    pub others: Vec<(String, String)>,
}

fn line(page: &PageCtx, c: &Concept) -> ConceptLine {
    let shown = c.shown_in(page.lang_code());
    ConceptLine {
        id: c.id.clone(),
        heading: shown.map(Concept::heading).unwrap_or_default().to_owned(),
        lang: shown.map(|s| s.lang.clone()).unwrap_or_default(),
        domain: page.t(c.domain.label_message()),
        status: shown
            .and_then(|s| s.terms.first())
            .map(|t| page.t(t.status.label_message()))
            .unwrap_or_default(),
        others: c
            .languages
            .iter()
            .filter(|s| Some(s.lang.as_str()) != shown.map(|x| x.lang.as_str()))
            .map(|s| (s.lang.clone(), Concept::heading(s).to_owned()))
            .collect(),
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

fn domain_choices(page: &PageCtx, chosen: &str) -> Vec<Choice> {
    LexiconDomain::ALL
        .iter()
        .map(|d| Choice {
            value: d.as_str().into(),
            label: page.t(d.label_message()),
            chosen: d.as_str() == chosen,
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub offset: usize,
}

#[derive(Template)]
#[template(path = "lexicon/list.html")]
struct ListPage {
    page: PageCtx,
    q: String,
    domains: Vec<Choice>,
    lines: Vec<ConceptLine>,
    total: usize,
    shown_from: usize,
    shown_to: usize,
    previous: Option<String>,
    next: Option<String>,
    pending: usize,
    curates: bool,
}

impl ListPage {
    fn total_count(&self) -> i64 {
        i64::try_from(self.total).unwrap_or(i64::MAX)
    }
    fn pending_count(&self) -> i64 {
        i64::try_from(self.pending).unwrap_or(i64::MAX)
    }
    fn first_shown(&self) -> i64 {
        i64::try_from(self.shown_from).unwrap_or(i64::MAX)
    }
    fn last_shown(&self) -> i64 {
        i64::try_from(self.shown_to).unwrap_or(i64::MAX)
    }
}

fn query_link(q: &str, domain: &str, offset: usize) -> String {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    format!(
        "/lexicon?q={}&domain={}&offset={offset}",
        enc(q),
        enc(domain)
    )
}

/// `GET /lexicon`: search in any script, by domain, fifty at a time.
pub async fn list(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(p): QueryParams<SearchParams>,
) -> Result<Response, AppError> {
    let svc = lexicon(&state);
    let domain = LexiconDomain::parse(p.domain.trim());
    let (snapshot, found) = svc.search(&p.q, domain, p.offset, PAGE).await?;
    let lines = found
        .ids
        .iter()
        .filter_map(|id| snapshot.concepts.get(id))
        .map(|(_, c)| line(&page, c))
        .collect::<Vec<_>>();
    let pending = svc
        .proposals(Some(ProposalStatus::Pending), None)
        .await?
        .len();
    let shown_from = if lines.is_empty() { 0 } else { p.offset + 1 };
    let shown_to = p.offset + lines.len();
    let domain_value = domain.map(|d| d.as_str()).unwrap_or_default();
    Ok(render(
        StatusCode::OK,
        &ListPage {
            domains: domain_choices(&page, domain_value),
            previous: (p.offset > 0)
                .then(|| query_link(&p.q, domain_value, p.offset.saturating_sub(PAGE))),
            next: (shown_to < found.total).then(|| query_link(&p.q, domain_value, shown_to)),
            q: p.q,
            lines,
            total: found.total,
            shown_from,
            shown_to,
            pending,
            curates: me.actor.kind == AccountKind::Secretariat,
            page,
        },
    ))
}

/// One language of a concept as its page shows it.
pub struct SectionView {
    pub lang: String,
    /// The language's own direction, whatever the page's.
    pub dir: &'static str,
    pub language: String,
    pub heading: String,
    pub definition: String,
    pub source: String,
    pub note: String,
    pub terms: Vec<(String, String, String)>,
}

fn sections(page: &PageCtx, c: &Concept) -> Vec<SectionView> {
    c.languages
        .iter()
        .map(|s| SectionView {
            dir: if s.lang == "ar" { "rtl" } else { "ltr" },
            lang: s.lang.clone(),
            language: language_name(&page.tr, &s.lang),
            heading: Concept::heading(s).to_owned(),
            definition: s.definition.clone(),
            source: s.source.clone(),
            note: s.note.clone(),
            terms: s
                .terms
                .iter()
                .map(|t| {
                    (
                        t.text.clone(),
                        t.status.as_str().to_owned(),
                        page.t(t.status.label_message()),
                    )
                })
                .collect(),
        })
        .collect()
}

fn related(page: &PageCtx, snapshot: &Snapshot, c: &Concept) -> Vec<ConceptLine> {
    c.related
        .iter()
        .filter_map(|id| snapshot.concepts.get(id))
        .map(|(_, r)| line(page, r))
        .collect()
}

#[derive(Template)]
#[template(path = "lexicon/concept.html")]
struct ConceptPage {
    page: PageCtx,
    line: ConceptLine,
    version: u32,
    changed_at: String,
    sections: Vec<SectionView>,
    related: Vec<ConceptLine>,
    pending: Vec<ProposalLine>,
}

impl ConceptPage {
    fn version_number(&self) -> i64 {
        i64::from(self.version)
    }
}

fn day(at: time::OffsetDateTime) -> String {
    crate::accounts::mail::mail_time(at)
}

/// `GET /lexicon/concepts/{slug}`.
pub async fn concept(
    State(state): State<AppState>,
    page: PageCtx,
    _me: SignedIn,
    PathParams(id): PathParams<String>,
) -> Result<Response, AppError> {
    let svc = lexicon(&state);
    let (v, c) = svc.concept(&id, None).await?;
    let snapshot = svc.snapshot().await?;
    let names = state_names(&state, &page).await?;
    let pending = svc
        .proposals(Some(ProposalStatus::Pending), Some(&id))
        .await?
        .iter()
        .map(|p| proposal_line(&page, &names, p))
        .collect();
    Ok(render(
        StatusCode::OK,
        &ConceptPage {
            line: line(&page, &c),
            version: v.version,
            changed_at: day(v.changed_at),
            sections: sections(&page, &c),
            related: related(&page, &snapshot, &c),
            pending,
            page,
        },
    ))
}

/// A change as a sentence and, for texts, the two versions.
pub struct ChangeView {
    pub sentence: String,
    pub lang: String,
    pub from: String,
    pub to: String,
}

fn change_views(page: &PageCtx, changes: &[Change]) -> Vec<ChangeView> {
    let tr = &page.tr;
    let lang_of = |l: &str| language_name(tr, l);
    changes
        .iter()
        .map(|c| {
            let (sentence, lang, from, to) = match c {
                Change::Domain { from, to } => (
                    tr.t("lexicon-change-domain"),
                    String::new(),
                    tr.t(from.label_message()),
                    tr.t(to.label_message()),
                ),
                Change::RelatedAdded { id } => (
                    tr.t_args(
                        "lexicon-change-related-added",
                        &[("id", FluentArg::Text(id.clone()))],
                    ),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
                Change::RelatedRemoved { id } => (
                    tr.t_args(
                        "lexicon-change-related-removed",
                        &[("id", FluentArg::Text(id.clone()))],
                    ),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
                Change::LanguageAdded { lang } => (
                    tr.t_args(
                        "lexicon-change-language-added",
                        &[("language", FluentArg::Text(lang_of(lang)))],
                    ),
                    lang.clone(),
                    String::new(),
                    String::new(),
                ),
                Change::LanguageRemoved { lang } => (
                    tr.t_args(
                        "lexicon-change-language-removed",
                        &[("language", FluentArg::Text(lang_of(lang)))],
                    ),
                    lang.clone(),
                    String::new(),
                    String::new(),
                ),
                Change::Definition { lang, from, to } => (
                    tr.t_args(
                        "lexicon-change-definition",
                        &[("language", FluentArg::Text(lang_of(lang)))],
                    ),
                    lang.clone(),
                    from.clone(),
                    to.clone(),
                ),
                Change::Source { lang, from, to } => (
                    tr.t_args(
                        "lexicon-change-source",
                        &[("language", FluentArg::Text(lang_of(lang)))],
                    ),
                    lang.clone(),
                    from.clone(),
                    to.clone(),
                ),
                Change::Note { lang, from, to } => (
                    tr.t_args(
                        "lexicon-change-note",
                        &[("language", FluentArg::Text(lang_of(lang)))],
                    ),
                    lang.clone(),
                    from.clone(),
                    to.clone(),
                ),
                Change::TermAdded { lang, text, status } => (
                    tr.t_args(
                        "lexicon-change-term-added",
                        &[
                            ("language", FluentArg::Text(lang_of(lang))),
                            ("status", FluentArg::Text(tr.t(status.label_message()))),
                        ],
                    ),
                    lang.clone(),
                    String::new(),
                    text.clone(),
                ),
                Change::TermRemoved { lang, text } => (
                    tr.t_args(
                        "lexicon-change-term-removed",
                        &[("language", FluentArg::Text(lang_of(lang)))],
                    ),
                    lang.clone(),
                    text.clone(),
                    String::new(),
                ),
                Change::TermStatus {
                    lang,
                    text,
                    from,
                    to,
                } => (
                    tr.t_args(
                        "lexicon-change-term-status",
                        &[
                            ("language", FluentArg::Text(lang_of(lang))),
                            ("term", FluentArg::Text(text.clone())),
                        ],
                    ),
                    lang.clone(),
                    tr.t(from.label_message()),
                    tr.t(to.label_message()),
                ),
            };
            ChangeView {
                sentence,
                lang,
                from,
                to,
            }
        })
        .collect()
}

pub struct VersionView {
    pub version: u32,
    pub at: String,
    pub summary: String,
    pub proposal: Option<i64>,
    pub changes: Vec<ChangeView>,
}

#[derive(Template)]
#[template(path = "lexicon/history.html")]
struct HistoryPage {
    page: PageCtx,
    line: ConceptLine,
    versions: Vec<VersionView>,
}

/// `GET /lexicon/concepts/{slug}/history`: newest first, each version with
/// what it changed from the one before.
pub async fn history(
    State(state): State<AppState>,
    page: PageCtx,
    _me: SignedIn,
    PathParams(id): PathParams<String>,
) -> Result<Response, AppError> {
    let versions = lexicon(&state).history(&id).await?;
    let mut views = Vec::with_capacity(versions.len());
    let mut before: Option<&Concept> = None;
    for (v, c) in &versions {
        views.push(VersionView {
            version: v.version,
            at: day(v.changed_at),
            summary: v.summary.clone(),
            proposal: v.proposal_id,
            changes: change_views(&page, &diff(before, c)),
        });
        before = Some(c);
    }
    views.reverse();
    let newest = versions
        .last()
        .map(|(_, c)| c)
        .ok_or(LexiconFailure::NotFound)?;
    Ok(render(
        StatusCode::OK,
        &HistoryPage {
            line: line(&page, newest),
            versions: views,
            page,
        },
    ))
}

/// One language's fields in the form.
pub struct LanguageFields {
    pub lang: String,
    pub language: String,
    pub definition: String,
    pub source: String,
    pub note: String,
    /// (text, status) rows, padded to [`FORM_TERMS`].
    pub terms: Vec<(String, String)>,
    /// The language's fields in error: (field, message).
    pub errors: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "lexicon/form.html")]
struct FormPage {
    page: PageCtx,
    /// The concept changed (None: a new one).
    concept: Option<ConceptLine>,
    base: Option<u32>,
    id: String,
    domains: Vec<Choice>,
    related: String,
    languages: Vec<LanguageFields>,
    statuses: Vec<Choice>,
    rationale: String,
    errors: FormErrors,
    error: Option<String>,
}

impl FormPage {
    pub fn aria(&self, field: &str) -> String {
        self.errors.aria(field, None)
    }
    fn action(&self) -> String {
        match &self.concept {
            Some(c) => format!("/lexicon/concepts/{}/proposals", c.id),
            None => "/lexicon/proposals".to_owned(),
        }
    }
}

fn status_choices(page: &PageCtx) -> Vec<Choice> {
    TermStatus::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str().into(),
            label: page.t(s.label_message()),
            chosen: false,
        })
        .collect()
}

/// The form's languages from a draft, every UN language present.
fn language_fields(
    page: &PageCtx,
    draft: &ConceptDraft,
    errors: &FormErrors,
) -> Vec<LanguageFields> {
    LANGUAGES
        .iter()
        .map(|lang| {
            let d = draft.languages.iter().find(|l| l.lang == *lang);
            let mut terms: Vec<(String, String)> = d
                .map(|l| {
                    l.terms
                        .iter()
                        .map(|t| (t.text.clone(), t.status.clone()))
                        .collect()
                })
                .unwrap_or_default();
            let rows = terms.len().clamp(FORM_TERMS, MAX_TERMS);
            terms.resize(rows, (String::new(), "proposed".to_owned()));
            LanguageFields {
                lang: (*lang).to_owned(),
                language: language_name(&page.tr, lang),
                definition: d.map(|l| l.definition.clone()).unwrap_or_default(),
                source: d.map(|l| l.source.clone()).unwrap_or_default(),
                note: d.map(|l| l.note.clone()).unwrap_or_default(),
                terms,
                errors: errors
                    .items
                    .iter()
                    .filter(|e| e.field.starts_with(&format!("{lang}-")))
                    .map(|e| (e.field.clone(), e.message.clone()))
                    .collect(),
            }
        })
        .collect()
}

/// The form's fields as a draft: its languages in the order of
/// [`LANGUAGES`], so that `language[i]` in an error is the form's i-th.
fn draft_of(fields: &[(String, String)]) -> (ConceptDraft, String) {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let languages = LANGUAGES
        .iter()
        .map(|lang| LanguageDraft {
            lang: (*lang).to_owned(),
            definition: get(&format!("{lang}-definition")),
            source: get(&format!("{lang}-source")),
            note: get(&format!("{lang}-note")),
            terms: (0..MAX_TERMS)
                .map(|n| TermDraft {
                    text: get(&format!("{lang}-term-{n}")),
                    status: get(&format!("{lang}-status-{n}")),
                })
                .filter(|t| !t.text.trim().is_empty())
                .collect(),
        })
        .collect();
    let draft = ConceptDraft {
        id: get("id"),
        domain: get("domain"),
        related: get("related")
            .split([',', ' ', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        languages,
    };
    (draft, get("rationale"))
}

/// An error's field in the draft as the form's field: `language[1].definition`
/// is `ar-definition`; a term's problem is its row's.
fn form_field(field: &str) -> String {
    let Some(rest) = field.strip_prefix("language[") else {
        return field.split('[').next().unwrap_or(field).to_owned();
    };
    let mut parts = rest.splitn(2, "].");
    let index: Option<usize> = parts.next().and_then(|i| i.parse().ok());
    let lang = index
        .and_then(|i| LANGUAGES.get(i))
        .copied()
        .unwrap_or("en");
    let what = parts.next().unwrap_or("terms");
    if let Some(term) = what.strip_prefix("terms[") {
        let n = term.split(']').next().unwrap_or("0");
        return format!("{lang}-term-{n}");
    }
    format!("{lang}-{}", what.trim_end_matches(']'))
}

fn form_errors(page: &PageCtx, errors: &[FieldError]) -> FormErrors {
    let mut out = FormErrors::default();
    for e in errors {
        let field = form_field(&e.field);
        let (lang, what) = match field.split_once('-') {
            Some((l, w)) if LANGUAGES.contains(&l) => (Some(l), w.to_owned()),
            _ => (None, field.clone()),
        };
        let what = what.split('-').next().unwrap_or("").to_owned();
        let label = match lang {
            Some(l) => format!(
                "{} · {}",
                language_name(&page.tr, l),
                page.t(&format!("lexicon-field-{what}"))
            ),
            None => page.t(&format!("lexicon-field-{what}")),
        };
        out.add(&field, label, page.t(e.message_id));
    }
    out
}

fn form_page(
    page: PageCtx,
    concept: Option<(&Concept, u32)>,
    draft: &ConceptDraft,
    rationale: String,
    errors: FormErrors,
) -> FormPage {
    FormPage {
        concept: concept.map(|(c, _)| line(&page, c)),
        base: concept.map(|(_, v)| v),
        id: draft.id.clone(),
        domains: domain_choices(&page, &draft.domain),
        related: draft.related.join(", "),
        languages: language_fields(&page, draft, &errors),
        statuses: status_choices(&page),
        rationale,
        errors,
        error: None,
        page,
    }
}

/// `GET /lexicon/proposals/new`: the form for a new concept.
pub async fn new_form(page: PageCtx, _me: SignedIn) -> Result<Response, AppError> {
    let draft = ConceptDraft::default();
    Ok(render(
        StatusCode::OK,
        &form_page(page, None, &draft, String::new(), FormErrors::default()),
    ))
}

/// `GET /lexicon/concepts/{slug}/propose`: the form, filled with the
/// version read, for a change.
pub async fn change_form(
    State(state): State<AppState>,
    page: PageCtx,
    _me: SignedIn,
    PathParams(id): PathParams<String>,
) -> Result<Response, AppError> {
    let (v, c) = lexicon(&state).concept(&id, None).await?;
    let draft = ConceptDraft::from(&c);
    Ok(render(
        StatusCode::OK,
        &form_page(
            page,
            Some((&c, v.version)),
            &draft,
            String::new(),
            FormErrors::default(),
        ),
    ))
}

async fn propose_from(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    fields: &[(String, String)],
    concept: Option<(Concept, u32)>,
) -> Result<Response, AppError> {
    let (mut draft, rationale) = draft_of(fields);
    if let Some((c, _)) = &concept {
        // A change keeps the concept's id whatever the form says.
        draft.id = c.id.clone();
    }
    let base = concept.as_ref().map(|(_, v)| *v);
    match lexicon(state)
        .propose(&me.requester(), &draft, base, &rationale)
        .await
    {
        Ok(p) => Ok(see_other_done(
            &safe_next(Some(&format!("/lexicon/proposals/{}", p.id)), "/lexicon"),
            "done-lexicon-proposed",
        )),
        Err(e) => {
            let errors: Vec<FieldError> = match e {
                LexiconFailure::Fields(errors) => errors,
                LexiconFailure::Text(field) => vec![FieldError {
                    field: field.to_owned(),
                    message_id: "lexicon-error-text",
                }],
                LexiconFailure::Exists => vec![FieldError {
                    field: "id".to_owned(),
                    message_id: "lexicon-concept-exists",
                }],
                other => return Err(other.into()),
            };
            let map = form_errors(&page, &errors);
            let concept = concept.as_ref().map(|(c, v)| (c, *v));
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(page, concept, &draft, rationale, map),
            ))
        }
    }
}

/// `POST /lexicon/proposals`: a new concept proposed.
pub async fn propose_new(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(fields): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    propose_from(&state, page, &me, &fields, None).await
}

/// `POST /lexicon/concepts/{slug}/proposals`: a change proposed to the
/// version the form was filled with (`base`).
pub async fn propose_change(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<String>,
    FormData(fields): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let base: Option<u32> = fields
        .iter()
        .find(|(k, _)| k == "base")
        .and_then(|(_, v)| v.parse().ok());
    let svc = lexicon(&state);
    let (v, c) = svc.concept(&id, None).await?;
    let base = base.ok_or_else(|| AppError::bad_request("lexicon-error-base"))?;
    if base != v.version {
        return Err(LexiconFailure::Concurrent.into());
    }
    propose_from(&state, page, &me, &fields, Some((c, base))).await
}

/// The States' names in the reader's language, by code.
type Names = std::collections::BTreeMap<String, String>;

/// A proposal as a line of a list.
pub struct ProposalLine {
    pub id: i64,
    pub concept_id: String,
    pub heading: String,
    pub lang: String,
    pub status: String,
    pub status_value: String,
    pub by: String,
    pub at: String,
    pub new: bool,
}

fn proposal_line(page: &PageCtx, names: &Names, p: &Proposal) -> ProposalLine {
    let shown = p.concept.shown_in(page.lang_code());
    ProposalLine {
        id: p.stored.id,
        concept_id: p.stored.concept_id.clone(),
        heading: shown.map(Concept::heading).unwrap_or_default().to_owned(),
        lang: shown.map(|s| s.lang.clone()).unwrap_or_default(),
        status: page.t(p.status.label_message()),
        status_value: p.status.as_str().to_owned(),
        by: p
            .stored
            .participant
            .as_deref()
            .map_or_else(|| page.t("lexicon-by-secretariat"), |c| name_of(names, c)),
        at: day(p.stored.proposed_at),
        new: p.stored.base_version.is_none(),
    }
}

#[derive(Template)]
#[template(path = "lexicon/proposals.html")]
struct ProposalsPage {
    page: PageCtx,
    pending: Vec<ProposalLine>,
    decided: Vec<ProposalLine>,
}

/// `GET /lexicon/proposals`: pending first, then the decided ones.
pub async fn proposals(
    State(state): State<AppState>,
    page: PageCtx,
    _me: SignedIn,
) -> Result<Response, AppError> {
    let all = lexicon(&state).proposals(None, None).await?;
    let names = state_names(&state, &page).await?;
    let (pending, decided): (Vec<&Proposal>, Vec<&Proposal>) = all
        .iter()
        .partition(|p| p.status == ProposalStatus::Pending);
    Ok(render(
        StatusCode::OK,
        &ProposalsPage {
            pending: pending
                .iter()
                .map(|p| proposal_line(&page, &names, p))
                .collect(),
            decided: decided
                .iter()
                .map(|p| proposal_line(&page, &names, p))
                .collect(),
            page,
        },
    ))
}

pub struct CommentView {
    pub by: String,
    pub at: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "lexicon/proposal.html")]
struct ProposalPage {
    page: PageCtx,
    line: ProposalLine,
    rationale: String,
    decision_note: String,
    base: Option<u32>,
    current: Option<u32>,
    changes: Vec<ChangeView>,
    sections: Vec<SectionView>,
    comments: Vec<CommentView>,
    curates: bool,
    pending: bool,
    error: Option<String>,
}

async fn proposal_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, AppError> {
    let svc = lexicon(state);
    let p = svc.proposal(id).await?;
    // What the proposal changes from the concept as it stands now.
    let current = svc.concept(&p.stored.concept_id, None).await;
    let (current_version, current_concept) = match current {
        Ok((v, c)) => (Some(v.version), Some(c)),
        Err(LexiconFailure::NotFound) => (None, None),
        Err(e) => return Err(e.into()),
    };
    let names = state_names(state, &page).await?;
    let comments = svc
        .comments(id)
        .await?
        .into_iter()
        .map(|c| CommentView {
            by: c.participant.as_deref().map_or_else(
                || page.t("lexicon-by-secretariat"),
                |code| name_of(&names, code),
            ),
            at: day(c.written_at),
            body: c.body,
        })
        .collect();
    Ok(render(
        status,
        &ProposalPage {
            line: proposal_line(&page, &names, &p),
            rationale: p.stored.rationale.clone(),
            decision_note: p.stored.decision_note.clone(),
            base: p.stored.base_version,
            current: current_version,
            changes: change_views(&page, &diff(current_concept.as_ref(), &p.concept)),
            sections: sections(&page, &p.concept),
            comments,
            curates: me.actor.kind == AccountKind::Secretariat,
            pending: p.status == ProposalStatus::Pending,
            error,
            page,
        },
    ))
}

/// `GET /lexicon/proposals/{id}`.
pub async fn proposal(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    proposal_page(&state, page, &me, id, StatusCode::OK, None).await
}

/// `POST /lexicon/proposals/{id}/comments`.
pub async fn comment(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(fields): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let body = fields
        .iter()
        .find(|(k, _)| k == "body")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    match lexicon(&state).comment(&me.requester(), id, body).await {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some(&format!("/lexicon/proposals/{id}")), "/lexicon"),
            "done-lexicon-commented",
        )),
        Err(LexiconFailure::Text(_)) => {
            let error = page.t("lexicon-error-text");
            proposal_page(
                &state,
                page,
                &me,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(error),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /lexicon/proposals/{id}/decision`: `decision` is `accept` or
/// `reject`; a rejection needs a reason.
pub async fn decide(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(fields): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let accept = match get("decision") {
        "accept" => true,
        "reject" => false,
        _ => return Err(AppError::bad_request("lexicon-error-decision")),
    };
    match lexicon(&state)
        .decide(&me.requester(), id, accept, get("note"))
        .await
    {
        Ok(p) => Ok(see_other_done(
            &safe_next(
                Some(&if accept {
                    format!("/lexicon/concepts/{}", p.concept_id)
                } else {
                    format!("/lexicon/proposals/{id}")
                }),
                "/lexicon",
            ),
            if accept {
                "done-lexicon-accepted"
            } else {
                "done-lexicon-rejected"
            },
        )),
        Err(LexiconFailure::Text(_)) => {
            let error = page.t("lexicon-error-reason");
            proposal_page(
                &state,
                page,
                &me,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(error),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The formats of the exports and the imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeFormat {
    Tbx,
    Turtle,
    JsonLd,
}

impl ExchangeFormat {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "tbx" => Some(ExchangeFormat::Tbx),
            "turtle" | "ttl" => Some(ExchangeFormat::Turtle),
            "jsonld" | "json-ld" => Some(ExchangeFormat::JsonLd),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            ExchangeFormat::Tbx => "tbx",
            ExchangeFormat::Turtle => "turtle",
            ExchangeFormat::JsonLd => "jsonld",
        }
    }
}

/// The whole lexicon in `format`, with its content type and file name.
pub async fn export_body(
    state: &AppState,
    format: ExchangeFormat,
) -> Result<(&'static str, &'static str, String), AppError> {
    let snapshot = lexicon(state).snapshot().await?;
    let concepts: Vec<Concept> = snapshot.concepts.values().map(|(_, c)| c.clone()).collect();
    let base = state.config.base_url.trim_end_matches('/');
    Ok(match format {
        ExchangeFormat::Tbx => (
            "application/x-tbx+xml",
            "pocdir-lexicon.tbx",
            tbx::export(&concepts),
        ),
        ExchangeFormat::Turtle => (
            "text/turtle; charset=utf-8",
            "pocdir-lexicon.ttl",
            skos::turtle(&concepts, base),
        ),
        ExchangeFormat::JsonLd => (
            "application/ld+json",
            "pocdir-lexicon.jsonld",
            serde_json::to_string_pretty(&skos::json_ld(&concepts, base))
                .map_err(|_| AppError::internal())?,
        ),
    })
}

pub fn download(content_type: &'static str, file: &'static str, body: String) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct ExportParams {
    #[serde(default)]
    pub format: String,
}

/// `GET /lexicon/export?format=tbx|turtle|jsonld`.
pub async fn export(
    State(state): State<AppState>,
    _me: SignedIn,
    QueryParams(p): QueryParams<ExportParams>,
) -> Result<Response, AppError> {
    let format = ExchangeFormat::parse(&p.format)
        .ok_or_else(|| AppError::bad_request("lexicon-error-format"))?;
    let (content_type, file, body) = export_body(&state, format).await?;
    Ok(download(content_type, file, body))
}

/// Reads an import's bytes as drafts, or says where it is malformed.
pub fn read_import(
    format: ExchangeFormat,
    bytes: &[u8],
) -> Result<Vec<ConceptDraft>, LexiconFailure> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| LexiconFailure::Malformed(format!("byte {}", e.valid_up_to())))?;
    match format {
        ExchangeFormat::Tbx => {
            tbx::import(text).map_err(|e| LexiconFailure::Malformed(e.to_string()))
        }
        ExchangeFormat::JsonLd => {
            let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
                LexiconFailure::Malformed(format!("line {}, column {}", e.line(), e.column()))
            })?;
            skos::import_json_ld(&value).map_err(|e| LexiconFailure::Malformed(e.to_string()))
        }
        ExchangeFormat::Turtle => Err(LexiconFailure::Malformed("turtle".to_owned())),
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}

#[derive(Template)]
#[template(path = "lexicon/import.html")]
struct ImportPage {
    page: PageCtx,
    problems: Vec<String>,
}

/// `GET /lexicon/import`.
pub async fn import_form(page: PageCtx, _me: SignedIn) -> Result<Response, AppError> {
    Ok(render(
        StatusCode::OK,
        &ImportPage {
            page,
            problems: Vec::new(),
        },
    ))
}

/// `POST /lexicon/import`: a TBX or SKOS JSON-LD file; all of it or none.
pub async fn import(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    form: MultipartForm,
) -> Result<Response, AppError> {
    let format = ExchangeFormat::parse(&form.text("format"))
        .filter(|f| *f != ExchangeFormat::Turtle)
        .ok_or_else(|| AppError::bad_request("lexicon-error-format"))?;
    let files = form.files("file");
    let Some((_, bytes)) = files.first() else {
        return Err(AppError::bad_request("lexicon-error-no-file"));
    };
    let outcome = match read_import(format, bytes) {
        Ok(drafts) => {
            lexicon(&state)
                .import(&me.requester(), drafts, format.as_str(), &sha256_hex(bytes))
                .await
        }
        Err(e) => Err(e),
    };
    let problems = match outcome {
        Ok(_) => {
            return Ok(see_other_done(
                &safe_next(Some("/lexicon"), "/lexicon"),
                "done-lexicon-imported",
            ))
        }
        Err(LexiconFailure::Malformed(place)) => vec![page.tr.t_args(
            "lexicon-import-malformed",
            &[("place", FluentArg::Text(place))],
        )],
        Err(LexiconFailure::Fields(errors)) => errors
            .iter()
            .map(|e| format!("{}: {}", e.field, page.t(e.message_id)))
            .collect(),
        Err(e) => return Err(e.into()),
    };
    Ok(render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &ImportPage { page, problems },
    ))
}
