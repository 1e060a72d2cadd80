//! The public application form: a company, research team or CSIRT applies
//! to be a reporter without an account. Submissions are counted per client
//! address and per contact address and refused past the sign-in limits
//! (429 with `Retry-After`); a refused field is named beside it (422) and
//! nothing is written; the thank-you page says nothing of other applicants.

use crate::http::error::AppError;
use crate::http::extract::FormData;
use crate::http::form_errors::FormErrors;
use crate::http::page::{render, see_other, PageCtx};
use crate::http::security::ClientAddress;
use crate::sign_in::pages::{locked_response, Attempts};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use pocdir_domain::account::Email;
use pocdir_domain::directory::participant::ParticipantKind;
use pocdir_domain::log::events;
use pocdir_domain::redirect::LocalTarget;
use pocdir_domain::reporter::{ApplicationDraft, LANGUAGES};
use pocdir_domain::throttle::ThrottleDecision;
use pocdir_i18n::Lang;
use pocdir_store::NewApplication;
use std::collections::BTreeSet;

/// A choice in a `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "reporters/apply.html")]
pub struct ApplyPage {
    pub page: PageCtx,
    pub form: ApplicationDraft,
    pub countries: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub errors: FormErrors,
    pub error: Option<String>,
}

impl ApplyPage {
    /// `aria-invalid` and `aria-describedby` of a field in error.
    pub fn aria(&self, field: &str) -> String {
        if self.errors.has(field) {
            format!(" aria-invalid=\"true\" aria-describedby=\"error-{field}\"")
        } else {
            String::new()
        }
    }
}

#[derive(Template)]
#[template(path = "reporters/thanks.html")]
pub struct ThanksPage {
    pub page: PageCtx,
}

/// The form's fields, in its order (for the error summary).
const FIELDS: [&str; 8] = [
    "organisation",
    "country",
    "website",
    "contact_name",
    "contact_email",
    "language",
    "openpgp_key",
    "why",
];

fn label_of(field: &str) -> String {
    format!("reporters-field-{}", field.replace('_', "-"))
}

/// The States of the reference list (not organisations), by name in the
/// reader's language.
async fn countries(
    state: &AppState,
    page: &PageCtx,
    selected: &str,
) -> Result<(Vec<Choice>, BTreeSet<String>), AppError> {
    let mut codes = BTreeSet::new();
    let mut list: Vec<Choice> = state
        .store
        .participants()
        .await?
        .into_iter()
        .filter(|p| p.kind != ParticipantKind::Organisation)
        .map(|p| {
            codes.insert(p.code.clone());
            Choice {
                selected: selected.eq_ignore_ascii_case(&p.code),
                label: p.names.in_language(page.lang.code()).to_string(),
                value: p.code,
            }
        })
        .collect();
    list.sort_by(|a, b| a.label.cmp(&b.label));
    Ok((list, codes))
}

fn languages(page: &PageCtx, selected: &str) -> Vec<Choice> {
    Lang::ALL
        .into_iter()
        .filter(|l| LANGUAGES.contains(&l.code()))
        .map(|l| Choice {
            selected: selected == l.code() || (selected.is_empty() && l == page.lang),
            value: l.code().to_string(),
            label: l.native_name().to_string(),
        })
        .collect()
}

async fn form_page(
    state: &AppState,
    page: PageCtx,
    form: ApplicationDraft,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (countries, _) = countries(state, &page, &form.country).await?;
    let languages = languages(&page, &form.language);
    Ok(render(
        status,
        &ApplyPage {
            error: None,
            page,
            form,
            countries,
            languages,
            errors,
        },
    ))
}

pub async fn form(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    form_page(
        &state,
        page,
        ApplicationDraft::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// Applications are counted apart from sign-in failures, by the same rule.
const APPLICATIONS: Attempts = Attempts {
    per_email: "reporter-apply-email:",
    per_address: "reporter-apply-address:",
};

pub async fn submit(
    State(state): State<AppState>,
    page: PageCtx,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    FormData(form): FormData<ApplicationDraft>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let email = Email::parse(&form.contact_email)
        .map(|e| e.as_str().to_string())
        .unwrap_or_else(|_| form.contact_email.trim().to_lowercase());
    let decision = APPLICATIONS.decide(&state, &email, &address, now).await?;
    if decision != ThrottleDecision::Allow {
        tracing::warn!(%address, "reporter application refused: too many");
        return Ok(locked_response(decision, now));
    }
    // Every submission counts, good or bad: the form is open to anyone.
    APPLICATIONS.count(&state, &email, &address, now).await?;
    let (_, known) = countries(&state, &page, "").await?;
    let application = match form.validate(now, &|code| known.contains(code)) {
        Ok(a) => a,
        Err(problems) => {
            let mut errors = FormErrors::default();
            for p in problems {
                errors.add(&p.field, page.t(&label_of(&p.field)), page.t(p.message_id));
            }
            errors.order_by(&FIELDS);
            return form_page(&state, page, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let fingerprint = application
        .openpgp_key
        .as_ref()
        .map(|k| k.fingerprint.clone());
    let log = events::reporter_applied(
        now,
        &application.organisation,
        &application.country,
        &application.website,
        application.contact_email.as_str(),
        fingerprint.as_deref(),
    )
    .map_err(|_| AppError::internal())?;
    state
        .store
        .apply_as_reporter(
            NewApplication {
                organisation: application.organisation,
                country: application.country,
                website: application.website,
                contact_name: application.contact_name,
                contact_email: application.contact_email.as_str().to_string(),
                language: application.language,
                openpgp_key: application.openpgp_key.map(|k| k.armored),
                openpgp_fingerprint: fingerprint,
                why: application.why,
                applied_at: now,
            },
            log,
        )
        .await?;
    Ok(see_other(&LocalTarget::or_default(
        None,
        "/reporters/apply/thanks",
    )))
}

pub async fn thanks(page: PageCtx) -> Response {
    render(StatusCode::OK, &ThanksPage { page })
}
