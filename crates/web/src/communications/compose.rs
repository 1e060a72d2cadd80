//! The forms that send: a new communication (`/communications/new`), a
//! reply (`/communications/{id}/reply`) and a forward
//! (`/communications/{id}/forward`). No JavaScript: `multipart/form-data`
//! for the files, every field's error beside it and in a summary, the input
//! kept.

use crate::communications::view::{form_errors, state_names, TlpView};
use crate::communications::{service, settings};
use crate::directory::values::{language_choices, resolve_language, zone_groups, ZoneGroup};
use crate::http::error::AppError;
use crate::http::extract::{MultipartForm, PathParams};
use crate::http::form_errors::FormErrors;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_communications::{CommError, Compose};
use pocdir_domain::communication::attachment::AttachmentDraft;
use pocdir_domain::communication::delivery::{Addressing, RoleChoice};
use pocdir_domain::communication::template::{CommunicationKind, Sector, TemplateDraft, Urgency};
use pocdir_domain::communication::tlp::{TlpLabel, WayOut};
use pocdir_domain::directory::participant::ParticipationStatus;

/// The largest body the forms with files take: the files' own limit
/// (10 MiB in all, a little more once sealed end to end), an end-to-end
/// ciphertext and room for the fields.
pub const MAX_FORM_BYTES: usize = pocdir_domain::communication::e2e::MAX_SEALED_TOTAL_BYTES
    + pocdir_domain::communication::e2e::MAX_CIPHERTEXT_LEN
    + 512 * 1024;

/// The fields as typed (kept when the form comes back with errors).
#[derive(Debug, Clone, Default)]
pub struct ComposeForm {
    pub kind: String,
    pub urgency: String,
    pub tlp: String,
    /// `states` or `named`.
    pub address: String,
    pub states: Vec<String>,
    pub roles: String,
    pub accounts: Vec<String>,
    pub subject: String,
    pub started_local: String,
    pub started_zone: String,
    pub detected_local: String,
    pub detected_zone: String,
    pub sectors: Vec<String>,
    pub impact: String,
    pub requested_action: String,
    pub respond_by_local: String,
    pub respond_by_zone: String,
    pub text: String,
    pub text_language: String,
    /// Sent end to end: `ciphertext` holds the content, the fields above
    /// (but kind, urgency, label, addressing, language) stay empty.
    pub e2e: bool,
    /// The armored OpenPGP message, made by `/static/e2e.js` or pasted from
    /// the PoC's own OpenPGP tool.
    pub ciphertext: String,
}

impl ComposeForm {
    fn read(m: &MultipartForm) -> ComposeForm {
        ComposeForm {
            kind: m.text("kind"),
            urgency: m.text("urgency"),
            tlp: m.text("tlp"),
            address: m.text("address"),
            states: m.texts("states"),
            roles: m.text("roles"),
            accounts: m.texts("accounts"),
            subject: m.text("subject"),
            started_local: m.text("started_local"),
            started_zone: m.text("started_zone"),
            detected_local: m.text("detected_local"),
            detected_zone: m.text("detected_zone"),
            sectors: m.texts("sectors"),
            impact: m.text("impact"),
            requested_action: m.text("requested_action"),
            respond_by_local: m.text("respond_by_local"),
            respond_by_zone: m.text("respond_by_zone"),
            text: m.text("text"),
            text_language: m.text("text_language"),
            e2e: m.text("e2e") == "1",
            ciphertext: m.text("ciphertext"),
        }
    }

    fn draft(&self) -> TemplateDraft {
        TemplateDraft {
            kind: self.kind.clone(),
            urgency: self.urgency.clone(),
            tlp: self.tlp.clone(),
            subject: self.subject.clone(),
            started_local: self.started_local.clone(),
            started_zone: self.started_zone.clone(),
            detected_local: self.detected_local.clone(),
            detected_zone: self.detected_zone.clone(),
            sectors: self.sectors.clone(),
            impact: self.impact.clone(),
            requested_action: self.requested_action.clone(),
            respond_by_local: self.respond_by_local.clone(),
            respond_by_zone: self.respond_by_zone.clone(),
            text: self.text.clone(),
            // A picked choice ("English (en)") or a typed name becomes its tag.
            text_language: resolve_language(&self.text_language)
                .unwrap_or_else(|| self.text_language.clone()),
        }
    }

    /// To whom, as typed: whole States by role, or named PoCs. A value
    /// that is not even a number names nobody we know.
    fn addressing(&self) -> Result<Addressing, CommError> {
        if self.address == "named" {
            let mut accounts = Vec::new();
            for raw in &self.accounts {
                match raw.trim().parse::<i64>() {
                    Ok(id) => accounts.push(id),
                    Err(_) => return Err(CommError::Addressing(
                        pocdir_domain::communication::delivery::AddressingProblem::UnknownRecipient(
                            raw.clone(),
                        ),
                    )),
                }
            }
            Ok(Addressing::Named { accounts })
        } else {
            let roles = self.roles.parse::<RoleChoice>().unwrap_or(RoleChoice::Both);
            Ok(Addressing::States {
                states: self.states.clone(),
                roles,
            })
        }
    }
}

fn attachments(m: &MultipartForm) -> Vec<AttachmentDraft> {
    m.files("attachments")
        .into_iter()
        .map(|(name, bytes)| AttachmentDraft { name, bytes })
        .collect()
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct TlpChoice {
    pub tlp: TlpView,
    pub checked: bool,
}

pub struct PocChoice {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub checked: bool,
    /// Whether the PoC has a key that serves to encrypt end to end to (if
    /// not, it is named in `E2eView::unreachable`). The key itself is
    /// fetched at send time, for the chosen PoCs only, and logged as a read
    /// (`api::keys`): a page that lists everyone hands out no one's details.
    pub has_key: bool,
}

/// For a reply: one person it goes to.
pub struct ReaderChoice {
    pub account: i64,
    pub name: String,
    pub has_key: bool,
}

/// A PoC that cannot be sent an end-to-end message, and why.
pub struct Unreachable {
    pub name: String,
    pub state: String,
    pub why: String,
}

/// The end-to-end part of the new communication's form.
pub struct E2eView {
    pub on: bool,
    pub ciphertext: String,
    /// The sender's own public key (it must be able to read what it sent).
    pub sender_key: String,
    /// Why the sender's own entry has no usable key; empty when it has one.
    pub sender_problem: String,
    pub unreachable: Vec<Unreachable>,
    /// For a reply: who it goes to, since the form has no addressing to
    /// take the accounts from.
    pub readers: Vec<ReaderChoice>,
}

pub struct StateGroup {
    pub name: String,
    pub pocs: Vec<PocChoice>,
}

/// The addressing part, shared by the new communication and the forward.
pub struct AddressingView {
    pub named: bool,
    pub states: Vec<Choice>,
    pub roles: Vec<Choice>,
    pub groups: Vec<StateGroup>,
    /// The PoCs listed who cannot be sent an end-to-end message.
    pub unreachable: Vec<Unreachable>,
}

/// Which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    New,
    Reply,
}

#[derive(Template)]
#[template(path = "communications/compose.html")]
pub struct ComposePage {
    pub page: PageCtx,
    pub reply: bool,
    pub action: String,
    pub heading: String,
    /// The communication answered, for a reply.
    pub parent: Option<i64>,
    pub form: ComposeForm,
    pub kinds: Vec<Choice>,
    pub urgencies: Vec<Choice>,
    pub tlps: Vec<TlpChoice>,
    pub to: AddressingView,
    pub sectors: Vec<Choice>,
    pub started_zones: Vec<ZoneGroup>,
    pub detected_zones: Vec<ZoneGroup>,
    pub respond_by_zones: Vec<ZoneGroup>,
    pub languages: Vec<String>,
    pub e2e: E2eView,
    pub errors: FormErrors,
    pub error: Option<String>,
}

impl ComposePage {
    /// `aria-invalid` and `aria-describedby` of a field in error.
    pub fn aria(&self, field: &str) -> String {
        self.errors.aria(field, None)
    }

    /// `aria` of one part (`_local`, `_zone`) of a moment's fields.
    pub fn aria_of(&self, name: &str, part: &str) -> String {
        self.aria(&format!("{name}{part}"))
    }

    /// The error beside one part of a moment's fields, or empty.
    pub fn error_of(&self, name: &str, part: &str) -> String {
        self.errors.get(&format!("{name}{part}")).to_string()
    }
}

#[derive(Template)]
#[template(path = "communications/forward.html")]
pub struct ForwardPage {
    pub page: PageCtx,
    pub id: i64,
    pub original: TlpView,
    pub subject: String,
    pub label: String,
    pub tlps: Vec<TlpChoice>,
    pub to: AddressingView,
    pub errors: FormErrors,
    pub error: Option<String>,
}

impl ForwardPage {
    pub fn aria(&self, field: &str) -> String {
        self.errors.aria(field, None)
    }
}

fn tlp_choices(page: &PageCtx, chosen: &str) -> Vec<TlpChoice> {
    TlpLabel::ALL
        .into_iter()
        .map(|t| TlpChoice {
            tlp: TlpView::of(page, t),
            checked: chosen.trim() == t.code(),
        })
        .collect()
}

/// The participating States and their PoC accounts, for the addressing.
async fn addressing_view(
    state: &AppState,
    page: &PageCtx,
    me: &SignedIn,
    form: &ComposeForm,
) -> Result<AddressingView, AppError> {
    let names = state_names(state, page).await?;
    let own = me.account.participant.clone().unwrap_or_default();
    let mut unreachable = Vec::new();
    let mut participating: Vec<(String, String)> = state
        .store
        .participants()
        .await?
        .into_iter()
        .filter(|p| p.status == ParticipationStatus::Participating)
        .map(|p| {
            let name = names
                .get(&p.code)
                .cloned()
                .unwrap_or_else(|| p.code.clone());
            (name, p.code)
        })
        .collect();
    participating.sort();
    let mut groups = Vec::new();
    let settings = settings(state);
    let service = service(state, &settings);
    for (name, code) in &participating {
        let accounts = state.store.poc_accounts_of(code, RoleChoice::Both).await?;
        let ids: Vec<i64> = accounts.iter().map(|a| a.account_id).collect();
        let keys = service.e2e_keys_of(&ids).await?;
        let pocs: Vec<PocChoice> = accounts
            .into_iter()
            .filter(|a| a.account_id != me.account.id)
            .map(|a| PocChoice {
                checked: form
                    .accounts
                    .iter()
                    .any(|v| v.trim() == a.account_id.to_string()),
                id: a.account_id,
                has_key: matches!(keys.get(&a.account_id), Some(Ok(_))),
                name: a.name,
                kind: page.t(a.kind.label_message()),
            })
            .collect();
        for a in &pocs {
            if let Some(Err(why)) = keys.get(&a.id) {
                unreachable.push(Unreachable {
                    name: a.name.clone(),
                    state: name.clone(),
                    why: page.t(why.message_id()),
                });
            }
        }
        if !pocs.is_empty() {
            groups.push(StateGroup {
                name: name.clone(),
                pocs,
            });
        }
    }
    let roles_chosen = if form.roles.is_empty() {
        RoleChoice::Both.as_str()
    } else {
        form.roles.as_str()
    };
    Ok(AddressingView {
        named: form.address == "named",
        states: participating
            .into_iter()
            .filter(|(_, code)| *code != own)
            .map(|(name, code)| Choice {
                checked: form.states.iter().any(|s| s.trim() == code),
                value: code,
                label: name,
            })
            .collect(),
        roles: RoleChoice::ALL
            .into_iter()
            .map(|r| Choice {
                value: r.as_str().to_string(),
                label: page.t(r.label_message()),
                checked: r.as_str() == roles_chosen,
            })
            .collect(),
        groups,
        unreachable,
    })
}

async fn compose_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    mode: Mode,
    parent: Option<i64>,
    form: ComposeForm,
    errors: FormErrors,
) -> Result<ComposePage, AppError> {
    let now = state.clock.now();
    let mut to = addressing_view(state, &page, me, &form).await?;
    let settings = settings(state);
    let own = service(state, &settings)
        .e2e_keys_of(&[me.account.id])
        .await?;
    let (sender_key, sender_problem) = match own.get(&me.account.id) {
        Some(Ok(key)) => (key.armored.clone(), String::new()),
        Some(Err(why)) => (String::new(), page.t(why.message_id())),
        None => (String::new(), String::new()),
    };
    let mut unreachable = std::mem::take(&mut to.unreachable);
    let mut readers = Vec::new();
    if let (Mode::Reply, Some(id)) = (mode, parent) {
        // A reply reaches everyone of the parent: those are the keys.
        let service = service(state, &settings);
        let accounts = service.reply_readers(&me.requester(), id).await?;
        let ids: Vec<i64> = accounts.iter().map(|a| a.account_id).collect();
        let keys = service.e2e_keys_of(&ids).await?;
        let names = state_names(state, &page).await?;
        unreachable.clear();
        for a in accounts {
            let key = keys.get(&a.account_id);
            if let Some(Err(why)) = key {
                unreachable.push(Unreachable {
                    name: a.name.clone(),
                    state: names.get(&a.state).cloned().unwrap_or(a.state.clone()),
                    why: page.t(why.message_id()),
                });
            }
            readers.push(ReaderChoice {
                account: a.account_id,
                name: a.name,
                has_key: matches!(key, Some(Ok(_))),
            });
        }
    }
    let e2e = E2eView {
        on: form.e2e,
        ciphertext: form.ciphertext.clone(),
        sender_key,
        sender_problem,
        unreachable,
        readers,
    };
    let choices = |all: Vec<(&'static str, &'static str)>, chosen: &str| -> Vec<Choice> {
        all.into_iter()
            .map(|(value, id)| Choice {
                value: value.to_string(),
                label: page.t(id),
                checked: chosen.trim() == value,
            })
            .collect()
    };
    let kinds = choices(
        CommunicationKind::ALL
            .iter()
            .map(|k| (k.as_str(), k.label_message()))
            .collect(),
        &form.kind,
    );
    let urgencies = choices(
        Urgency::ALL
            .iter()
            .map(|u| (u.as_str(), u.label_message()))
            .collect(),
        &form.urgency,
    );
    let sectors = Sector::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str().to_string(),
            label: page.t(s.label_message()),
            checked: form.sectors.iter().any(|v| v == s.as_str()),
        })
        .collect();
    let (action, heading) = match (mode, parent) {
        (Mode::Reply, Some(id)) => (
            format!("/communications/{id}/reply"),
            page.t("comm-page-reply-title"),
        ),
        _ => (
            "/communications/new".to_string(),
            page.t("comm-page-compose-title"),
        ),
    };
    let error = (!errors.is_empty()).then(|| page.t("comm-page-not-sent"));
    Ok(ComposePage {
        reply: mode == Mode::Reply,
        action,
        heading,
        parent,
        kinds,
        urgencies,
        tlps: tlp_choices(&page, &form.tlp),
        to,
        sectors,
        started_zones: zone_groups(&page.tr, now, &form.started_zone),
        detected_zones: zone_groups(&page.tr, now, &form.detected_zone),
        respond_by_zones: zone_groups(&page.tr, now, &form.respond_by_zone),
        languages: language_choices(&page.tr),
        e2e,
        form,
        errors,
        error,
        page,
    })
}

/// The empty form: urgency routine, the text in the reader's language.
pub async fn new_form(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    let form = ComposeForm {
        urgency: Urgency::Routine.as_str().to_string(),
        address: "states".into(),
        text_language: page.lang.code().to_string(),
        ..ComposeForm::default()
    };
    let p = compose_page(
        &state,
        page,
        &me,
        Mode::New,
        None,
        form,
        FormErrors::default(),
    )
    .await?;
    Ok(render(StatusCode::OK, &p))
}

pub async fn new_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    body: MultipartForm,
) -> Result<Response, AppError> {
    let form = ComposeForm::read(&body);
    let settings = settings(&state);
    let service = service(&state, &settings);
    let result = match form.addressing() {
        Ok(to) => {
            let compose = Compose {
                template: form.draft(),
                to,
                attachments: attachments(&body),
            };
            if form.e2e {
                service
                    .send_end_to_end(&me.requester(), compose, &form.ciphertext)
                    .await
            } else {
                service.send(&me.requester(), compose).await
            }
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(see_other_done(
            &safe_next(Some(&format!("/communications/{id}")), "/communications"),
            "done-communication-sent",
        )),
        Err(e) => {
            let errors = form_errors(&page, e)?;
            let p = compose_page(&state, page, &me, Mode::New, None, form, errors).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

/// The reply form, filled from the communication answered.
pub async fn reply_form(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let opened = service(&state, &settings)
        .open(&me.requester(), id, WayOut::Reply)
        .await?;
    let content = opened.content.ok_or_else(AppError::not_found)?;
    // An end-to-end parent has no subject here (it is in its ciphertext),
    // and its answer is best end to end too.
    let e2e = opened.record.meta.e2e;
    let subject = if e2e || content.subject.starts_with("Re: ") {
        content.subject
    } else {
        format!("Re: {}", content.subject)
    };
    let form = ComposeForm {
        kind: CommunicationKind::Response.as_str().to_string(),
        urgency: opened.record.meta.urgency.as_str().to_string(),
        tlp: opened.record.meta.tlp.code().to_string(),
        subject,
        text_language: page.lang.code().to_string(),
        e2e,
        ..ComposeForm::default()
    };
    let p = compose_page(
        &state,
        page,
        &me,
        Mode::Reply,
        Some(id),
        form,
        FormErrors::default(),
    )
    .await?;
    Ok(render(StatusCode::OK, &p))
}

pub async fn reply_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    body: MultipartForm,
) -> Result<Response, AppError> {
    let form = ComposeForm::read(&body);
    let settings = settings(&state);
    let service = service(&state, &settings);
    let result = if form.e2e {
        service
            .reply_end_to_end(
                &me.requester(),
                id,
                form.draft(),
                attachments(&body),
                &form.ciphertext,
            )
            .await
    } else {
        service
            .reply(&me.requester(), id, form.draft(), attachments(&body))
            .await
    };
    match result {
        Ok(new_id) => Ok(see_other_done(
            &safe_next(
                Some(&format!("/communications/{new_id}")),
                "/communications",
            ),
            "done-communication-replied",
        )),
        Err(e) => {
            let errors = form_errors(&page, e)?;
            let p = compose_page(&state, page, &me, Mode::Reply, Some(id), form, errors).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

async fn forward_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    form: ComposeForm,
    errors: FormErrors,
    error: Option<String>,
) -> Result<ForwardPage, AppError> {
    let settings = settings(state);
    let opened = service(state, &settings)
        .open(&me.requester(), id, WayOut::Page)
        .await?;
    let content = opened.content.ok_or_else(AppError::not_found)?;
    let to = addressing_view(state, &page, me, &form).await?;
    let label = if form.tlp.is_empty() {
        opened.record.meta.tlp.code().to_string()
    } else {
        form.tlp.clone()
    };
    Ok(ForwardPage {
        id,
        original: TlpView::of(&page, opened.record.meta.tlp),
        subject: content.subject,
        tlps: tlp_choices(&page, &label),
        label,
        to,
        errors,
        error,
        page,
    })
}

pub async fn forward_form(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let form = ComposeForm {
        address: "named".into(),
        ..ComposeForm::default()
    };
    let p = forward_page(&state, page, &me, id, form, FormErrors::default(), None).await?;
    Ok(render(StatusCode::OK, &p))
}

pub async fn forward_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    body: MultipartForm,
) -> Result<Response, AppError> {
    let form = ComposeForm::read(&body);
    let settings = settings(&state);
    let service = service(&state, &settings);
    let label = form.tlp.trim().parse::<TlpLabel>();
    let result = match (label, form.addressing()) {
        (Err(()), _) => Err(CommError::Invalid(vec![
            pocdir_domain::directory::poc::FieldError {
                field: "tlp".into(),
                message_id: "comm-error-tlp-missing",
            },
        ])),
        (_, Err(e)) => Err(e),
        (Ok(label), Ok(to)) => {
            if let Err(problem) = to.check(label) {
                Err(problem.into())
            } else {
                service.forward(&me.requester(), id, label, to).await
            }
        }
    };
    match result {
        Ok(new_id) => Ok(see_other_done(
            &safe_next(
                Some(&format!("/communications/{new_id}")),
                "/communications",
            ),
            "done-communication-forwarded",
        )),
        Err(e) => {
            let refused = matches!(e, CommError::Tlp(_));
            let errors = form_errors(&page, e)?;
            let error = refused.then(|| page.t("comm-page-forward-refused"));
            let p = forward_page(&state, page, &me, id, form, errors, error).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}
