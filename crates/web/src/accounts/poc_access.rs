//! A verified PoC entry's access to the portal: the secretariat or the
//! PoC's own State's nominator links it to an existing account of its
//! State and role, or sends an invitation to one of its addresses (the
//! account is linked when the invitation is accepted).

use super::invitations::{send_invitation, Choice, InviteRequest};
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_directory::access::DirectoryAccess;
use pocdir_domain::account::{Email, ParticipantCode};
use pocdir_domain::account_admin::{kind_for_role, may_grant_poc_access};
use pocdir_domain::directory::poc::{PocDetails, PocStatus};
use pocdir_domain::log::events;
use pocdir_i18n::Lang;
use pocdir_store::{Account, Poc};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "accounts/poc_access.html")]
pub struct PocAccessPage {
    pub page: PageCtx,
    pub id: i64,
    pub name: String,
    pub role: String,
    pub participant: String,
    /// The account the entry signs in with, if any: (id, name, e-mail).
    pub linked: Option<(i64, String, String)>,
    /// An invitation for this entry still waiting: (e-mail, valid until).
    pub invited: Option<(String, String)>,
    pub accounts: Vec<Choice>,
    pub emails: Vec<String>,
    pub languages: Vec<Choice>,
    pub error: Option<String>,
}

/// The verified PoC `id` that `me` may give access to, with its details.
/// Another State's nominator is refused, and the attempt logged, as
/// everywhere in the directory.
async fn grantable(
    state: &AppState,
    me: &SignedIn,
    id: i64,
) -> Result<(Poc, PocDetails), AppError> {
    let poc = state.store.poc(id).await?.ok_or_else(AppError::not_found)?;
    if !may_grant_poc_access(&me.actor, &poc.participant) {
        let refused = DirectoryAccess::new(state.store.as_ref(), state.clock.as_ref())
            .refuse(
                &me.requester(),
                &format!("poc:{id}/access"),
                &poc.participant,
            )
            .await;
        return Err(refused.into());
    }
    let details = match (poc.status, poc.active_details()) {
        (PocStatus::Active, Ok(Some(details))) => details,
        _ => {
            return Err(AppError::new(
                StatusCode::CONFLICT,
                "poc_not_active",
                "accounts-poc-not-active",
            ))
        }
    };
    Ok((poc, details))
}

/// The accounts an entry may be linked to: enabled, of its State and role.
async fn candidates(state: &AppState, poc: &Poc) -> Result<Vec<Account>, AppError> {
    let kind = kind_for_role(poc.role);
    Ok(state
        .store
        .accounts_of(&poc.participant)
        .await?
        .into_iter()
        .filter(|a| a.kind == kind)
        .collect())
}

async fn access_page(
    state: &AppState,
    page: PageCtx,
    poc: Poc,
    details: PocDetails,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let linked = state
        .store
        .poc_account(poc.id)
        .await?
        .map(|a| (a.id, a.display_name, a.email));
    let invited = state
        .store
        .open_invitations(Some(&poc.participant), state.clock.now())
        .await?
        .into_iter()
        .find(|i| i.poc_id == Some(poc.id))
        .map(|i| (i.email, super::mail::mail_time(i.expires_at)));
    let accounts = candidates(state, &poc)
        .await?
        .into_iter()
        .map(|a| Choice {
            selected: linked.as_ref().is_some_and(|(id, _, _)| *id == a.id),
            value: a.id.to_string(),
            label: format!("{} <{}>", a.display_name, a.email),
        })
        .collect();
    let languages = Lang::ALL
        .into_iter()
        .map(|l| Choice {
            selected: l == page.lang,
            value: l.code().to_string(),
            label: l.native_name().to_string(),
        })
        .collect();
    Ok(render(
        status,
        &PocAccessPage {
            id: poc.id,
            name: details.name,
            role: page.t(poc.role.label_message()),
            participant: poc.participant,
            linked,
            invited,
            accounts,
            emails: details.emails,
            languages,
            error,
            page,
        },
    ))
}

pub async fn page(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let (poc, details) = grantable(&state, &me, id).await?;
    access_page(&state, page, poc, details, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    pub account: String,
}

pub async fn link(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<LinkForm>,
) -> Result<Response, AppError> {
    let (poc, details) = grantable(&state, &me, id).await?;
    let chosen = form.account.trim().parse::<i64>().ok();
    let account = match chosen {
        Some(account_id) => candidates(&state, &poc)
            .await?
            .into_iter()
            .find(|a| a.id == account_id),
        None => None,
    };
    let Some(account) = account else {
        let error = Some(page.t("accounts-link-choose"));
        return access_page(
            &state,
            page,
            poc,
            details,
            error,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = state.clock.now();
    let log = events::poc_account_linked(
        now,
        me.account.log_actor(),
        &poc.participant,
        poc.id,
        account.id,
    )
    .map_err(|_| AppError::internal())?;
    state
        .store
        .link_poc_account(poc.id, account.id, now, log)
        .await?;
    tracing::info!(
        poc = poc.id,
        account = account.id,
        "PoC linked to its account"
    );
    Ok(see_other_done(
        &safe_next(Some(&format!("/pocs/{id}/access")), "/"),
        "done-poc-linked",
    ))
}

#[derive(Deserialize)]
pub struct PocInviteForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub language: String,
}

pub async fn invite(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<PocInviteForm>,
) -> Result<Response, AppError> {
    let (poc, details) = grantable(&state, &me, id).await?;
    // Only an address the entry itself gives: the one the State verified.
    let email = Email::parse(&form.email).ok().filter(|e| {
        details
            .emails
            .iter()
            .any(|x| x.eq_ignore_ascii_case(e.as_str()))
    });
    let (Some(email), Ok(participant)) = (email, ParticipantCode::parse(&poc.participant)) else {
        let error = Some(page.t("accounts-poc-invite-choose"));
        return access_page(
            &state,
            page,
            poc,
            details,
            error,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let req = InviteRequest {
        email,
        name: details.name.clone(),
        kind: kind_for_role(poc.role),
        participant: Some(participant),
        lang: Lang::from_tag(&form.language).unwrap_or(Lang::En),
        poc_id: Some(poc.id),
    };
    match send_invitation(&state, &me, &req).await? {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some(&format!("/pocs/{id}/access")), "/"),
            "done-invitation-sent",
        )),
        Err(refusal) => {
            let error = Some(page.t(refusal.message()));
            access_page(&state, page, poc, details, error, StatusCode::CONFLICT).await
        }
    }
}
