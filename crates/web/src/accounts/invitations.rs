//! Invitations: the secretariat invites an account of any kind, a
//! nominator its own State's PoC accounts. The mail carries a single-use,
//! expiring link (`/enrol/…`); the inviter sees the open invitations and
//! can revoke one.

use super::mail::{self, Recipient};
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::account::{check_participant, AccountKind, Email, ParticipantCode};
use pocdir_domain::account_admin::{invitation_token, may_invite};
use pocdir_domain::log::events;
use pocdir_i18n::Lang;
use pocdir_store::{Invitation, NewInvitation, StoreError};
use serde::Deserialize;

/// One open invitation as the list shows it.
pub struct InvitationRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub kind: String,
    pub participant: String,
    pub invited: String,
    pub expires: String,
}

#[derive(Template)]
#[template(path = "accounts/invitations.html")]
pub struct InvitationsPage {
    pub page: PageCtx,
    pub rows: Vec<InvitationRow>,
}

/// A choice in a `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "accounts/invite_form.html")]
pub struct InviteFormPage {
    pub page: PageCtx,
    pub form: InviteForm,
    pub kinds: Vec<Choice>,
    /// Empty for a nominator: its own State is the only one.
    pub participants: Vec<Choice>,
    pub own_participant: String,
    pub languages: Vec<Choice>,
    pub errors: Vec<(String, String)>,
}

impl InviteFormPage {
    /// The message for field `name`, or nothing.
    pub fn err(&self, name: &str) -> String {
        self.errors
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub participant: String,
    #[serde(default)]
    pub language: String,
}

/// The State whose invitations `me` sees: None for the secretariat (all).
fn scope(me: &SignedIn) -> Option<&str> {
    match me.account.kind {
        AccountKind::Secretariat => None,
        _ => me.account.participant.as_deref().or(Some("")),
    }
}

fn day_time(t: time::OffsetDateTime) -> String {
    mail::mail_time(t)
}

pub async fn list(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let rows = state
        .store
        .open_invitations(scope(&me), now)
        .await?
        .into_iter()
        .map(|i: Invitation| InvitationRow {
            id: i.id,
            email: i.email,
            name: i.display_name,
            kind: page.t(i.kind.label_message()),
            participant: i.participant.unwrap_or_default(),
            invited: day_time(i.created_at),
            expires: day_time(i.expires_at),
        })
        .collect();
    Ok(render(StatusCode::OK, &InvitationsPage { page, rows }))
}

/// The kinds `me` may invite.
fn kinds_for(me: &SignedIn) -> Vec<AccountKind> {
    AccountKind::ALL
        .into_iter()
        .filter(|k| may_invite(&me.actor, *k, me.actor.participant.as_ref()))
        .collect()
}

async fn form_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    form: InviteForm,
    errors: Vec<(String, String)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let kinds = kinds_for(me)
        .into_iter()
        .map(|k| Choice {
            selected: form.kind == k.as_str(),
            value: k.as_str().to_string(),
            label: page.t(k.label_message()),
        })
        .collect();
    let participants = if me.account.kind == AccountKind::Secretariat {
        let mut list: Vec<Choice> = state
            .store
            .participants()
            .await?
            .into_iter()
            .map(|p| Choice {
                selected: form.participant == p.code,
                label: format!("{} ({})", p.names.in_language(page.lang.code()), p.code),
                value: p.code,
            })
            .collect();
        list.sort_by(|a, b| a.label.cmp(&b.label));
        list
    } else {
        Vec::new()
    };
    let languages = Lang::ALL
        .into_iter()
        .map(|l| Choice {
            selected: form.language == l.code() || (form.language.is_empty() && l == page.lang),
            value: l.code().to_string(),
            label: l.native_name().to_string(),
        })
        .collect();
    Ok(render(
        status,
        &InviteFormPage {
            own_participant: me.account.participant.clone().unwrap_or_default(),
            page,
            form,
            kinds,
            participants,
            languages,
            errors,
        },
    ))
}

pub async fn new_form(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    form_page(
        &state,
        page,
        &me,
        InviteForm::default(),
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

/// What to invite, checked.
pub struct InviteRequest {
    pub email: Email,
    pub name: String,
    pub kind: AccountKind,
    pub participant: Option<ParticipantCode>,
    pub lang: Lang,
    pub poc_id: Option<i64>,
}

/// Checks a filled-in form: the request, or each field's message id.
async fn check_form(
    state: &AppState,
    me: &SignedIn,
    form: &InviteForm,
) -> Result<Result<InviteRequest, Vec<(String, &'static str)>>, AppError> {
    let mut errors = Vec::new();
    let email = Email::parse(&form.email)
        .map_err(|_| errors.push(("email".to_string(), "accounts-invite-email-invalid")))
        .ok();
    let name = form.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 200 {
        errors.push(("name".to_string(), "accounts-invite-name-missing"));
    }
    let kind = form
        .kind
        .parse::<AccountKind>()
        .map_err(|_| errors.push(("kind".to_string(), "accounts-invite-kind-invalid")))
        .ok();
    // A nominator's invitations are for its own State, whatever the form says.
    let raw_participant = match me.account.kind {
        AccountKind::Secretariat => form.participant.trim().to_string(),
        _ => me.account.participant.clone().unwrap_or_default(),
    };
    let mut participant = None;
    if let Some(kind) = kind {
        if kind.acts_for_participant() {
            match ParticipantCode::parse(&raw_participant) {
                Ok(code) if state.store.participant(code.as_str()).await?.is_some() => {
                    participant = Some(code)
                }
                _ => errors.push((
                    "participant".to_string(),
                    "accounts-invite-participant-missing",
                )),
            }
        }
        if check_participant(kind, participant.as_ref()).is_ok()
            && !may_invite(&me.actor, kind, participant.as_ref())
        {
            return Err(AppError::forbidden());
        }
    }
    let lang = Lang::from_tag(&form.language).unwrap_or(Lang::En);
    match (email, kind, errors.is_empty()) {
        (Some(email), Some(kind), true) => Ok(Ok(InviteRequest {
            email,
            name,
            kind,
            participant: if kind.acts_for_participant() {
                participant
            } else {
                None
            },
            lang,
            poc_id: None,
        })),
        _ => Ok(Err(errors)),
    }
}

/// Why an invitation was not sent, in the field's words.
pub enum InviteRefusal {
    AccountExists,
    AlreadyInvited,
}

impl InviteRefusal {
    pub fn message(&self) -> &'static str {
        match self {
            InviteRefusal::AccountExists => "accounts-invite-account-exists",
            InviteRefusal::AlreadyInvited => "accounts-invite-pending-exists",
        }
    }
}

/// Records the invitation and queues its mail, in one transaction.
pub async fn send_invitation(
    state: &AppState,
    me: &SignedIn,
    req: &InviteRequest,
) -> Result<Result<Invitation, InviteRefusal>, AppError> {
    let now = state.clock.now();
    let expires_at = now + state.config.links.invitation;
    let token = invitation_token(state.entropy.as_ref());
    let participant = req.participant.as_ref().map(|p| p.as_str());
    let state_name = match participant {
        Some(code) => state
            .store
            .participant(code)
            .await?
            .map(|p| p.names.in_language(req.lang.code()).to_string())
            .unwrap_or_else(|| code.to_string()),
        // The mail's wording for an account that acts for no State.
        None => "none".to_string(),
    };
    let to = Recipient {
        email: req.email.as_str(),
        lang: req.lang,
        participant,
    };
    let actor = me.account.log_actor();
    let mail = mail::invitation(
        state,
        actor.clone(),
        &to,
        &token.hash,
        &token.secret,
        req.kind,
        &state_name,
        &me.account.display_name,
        expires_at,
    )
    .map_err(|_| AppError::internal())?;
    let log = events::account_invited(
        now,
        actor,
        req.email.as_str(),
        req.kind,
        participant,
        req.poc_id,
        expires_at,
    )
    .map_err(|_| AppError::internal())?;
    let created = state
        .store
        .create_invitation(
            NewInvitation {
                token_hash: token.hash.clone(),
                email: req.email.as_str().to_string(),
                kind: req.kind,
                participant: participant.map(str::to_string),
                display_name: req.name.clone(),
                language: req.lang.code().to_string(),
                poc_id: req.poc_id,
                invited_by: Some(me.account.id),
                created_at: now,
                expires_at,
            },
            mail,
            log,
        )
        .await;
    match created {
        Ok(invitation) => {
            tracing::info!(
                invitation = invitation.id,
                by = me.account.id,
                "invitation sent"
            );
            Ok(Ok(invitation))
        }
        Err(StoreError::Duplicate(what)) if what == "account" => {
            Ok(Err(InviteRefusal::AccountExists))
        }
        Err(StoreError::Duplicate(_)) => Ok(Err(InviteRefusal::AlreadyInvited)),
        Err(e) => Err(e.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<InviteForm>,
) -> Result<Response, AppError> {
    let problems = match check_form(&state, &me, &form).await? {
        Ok(req) => match send_invitation(&state, &me, &req).await? {
            Ok(_) => {
                return Ok(see_other_done(
                    &safe_next(None, "/invitations"),
                    "done-invitation-sent",
                ))
            }
            Err(refusal) => vec![("email".to_string(), refusal.message())],
        },
        Err(problems) => problems,
    };
    let errors = problems
        .into_iter()
        .map(|(f, id)| (f, page.t(id)))
        .collect();
    form_page(
        &state,
        page,
        &me,
        form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn revoke(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let Some(invitation) = state.store.invitation(id).await? else {
        return Err(AppError::not_found());
    };
    // Another State's invitation is not there for a nominator.
    if let Some(own) = scope(&me) {
        if invitation.participant.as_deref() != Some(own) {
            return Err(AppError::not_found());
        }
    }
    let now = state.clock.now();
    let log = events::invitation_revoked(
        now,
        me.account.log_actor(),
        id,
        invitation.participant.as_deref(),
    );
    if !state
        .store
        .revoke_invitation(id, scope(&me), now, log)
        .await?
    {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            "invitation_closed",
            "accounts-invitation-closed",
        ));
    }
    tracing::info!(invitation = id, by = me.account.id, "invitation revoked");
    Ok(see_other_done(
        &safe_next(None, "/invitations"),
        "done-invitation-revoked",
    ))
}
