//! The secretariat's decisions on applicants and reporters, one way for
//! the pages and the API: the domain's status machine decides, the store
//! writes the status, its history row, approval's invitation, the mail to
//! the applicant (in its chosen language) and their log entries in one
//! transaction.

use crate::accounts::mail::{link, mail_time};
use crate::http::error::AppError;
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::http::StatusCode;
use pocdir_domain::account::AccountKind;
use pocdir_domain::account_admin::invitation_token;
use pocdir_domain::entropy::random_bytes;
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_domain::reporter::{transition, VettingDecision, VettingError};
use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::{ChangeMail, NewInvitation, NewMail, Reporter, ReporterDecision, StoreError};

/// The applicant's language, English when the stored one is unknown.
pub fn lang_of(r: &Reporter) -> Lang {
    Lang::from_tag(&r.language).unwrap_or(Lang::En)
}

/// A refused decision, in the users' terms.
fn refused(e: VettingError) -> AppError {
    match e {
        VettingError::NotNow(_) => {
            AppError::new(StatusCode::CONFLICT, "not_allowed_now", e.message_id())
        }
        VettingError::Reason(_) => {
            AppError::invalid_fields(vec![("reason".into(), e.message_id())])
        }
    }
}

/// The mail that tells the applicant of `decision`; `link` is approval's
/// enrolment link and its expiry.
fn decision_mail(
    state: &AppState,
    actor: LogActor,
    r: &Reporter,
    decision: VettingDecision,
    reason: Option<&str>,
    enrol: Option<(&str, time::OffsetDateTime)>,
) -> Result<ChangeMail, AppError> {
    let lang = lang_of(r);
    let tr = Translator::new(lang);
    let text = |s: &str| FluentArg::Text(s.to_string());
    let (link_to, expires) = match enrol {
        Some((secret, expires)) => (link(state, &format!("/enrol/{secret}")), mail_time(expires)),
        None => (link(state, "/login"), String::new()),
    };
    let args = [
        ("organisation", text(&r.organisation)),
        ("reason", text(reason.unwrap_or_default())),
        ("link", text(&link_to)),
        ("expires", text(&expires)),
    ];
    let name = decision.as_str();
    let subject = tr.t(&format!("reporters-mail-{name}-subject"));
    let body = format!(
        "{}\n\n-- \n{}\n",
        tr.t_args(&format!("reporters-mail-{name}-body"), &args),
        tr.t("accounts-mail-signature")
    );
    let now = state.clock.now();
    // Each decision is its own notice, even the same one taken again later.
    let nonce = hex::encode(random_bytes::<8>(state.entropy.as_ref()));
    let dedupe_key = format!("reporter:{}:{name}:{nonce}", r.id);
    let log = events::mail_queued(now, actor, None, &dedupe_key, &r.contact_email, &subject)
        .map_err(|_| AppError::internal())?;
    Ok(ChangeMail {
        mail: NewMail {
            dedupe_key,
            recipient: r.contact_email.clone(),
            language: lang.code().to_string(),
            subject,
            body,
            participant: None,
            created_at: now,
        },
        log,
    })
}

/// Takes `decision` on reporter `id` with `reason`; returns the reporter
/// as it now stands.
pub async fn decide(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    decision: VettingDecision,
    reason: &str,
) -> Result<Reporter, AppError> {
    let r = state
        .store
        .reporter(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let (_, reason) = transition(r.status, decision, reason).map_err(refused)?;
    let reason = reason.map(|r| r.as_str().to_string());
    let now = state.clock.now();
    let actor = me.account.log_actor();
    let mut invitation = None;
    let mut enrol = None;
    let token;
    if decision == VettingDecision::Approve {
        token = invitation_token(state.entropy.as_ref());
        let expires_at = now + state.config.links.invitation;
        let new = NewInvitation {
            token_hash: token.hash.clone(),
            email: r.contact_email.clone(),
            kind: AccountKind::Reporter,
            participant: None,
            display_name: r.contact_name.clone(),
            language: lang_of(&r).code().to_string(),
            poc_id: None,
            invited_by: Some(me.account.id),
            created_at: now,
            expires_at,
        };
        let log = events::account_invited(
            now,
            actor.clone(),
            &r.contact_email,
            AccountKind::Reporter,
            None,
            None,
            expires_at,
        )
        .map_err(|_| AppError::internal())?;
        invitation = Some((new, log));
        enrol = Some((token.secret.as_str(), expires_at));
    }
    let mail = decision_mail(state, actor.clone(), &r, decision, reason.as_deref(), enrol)?;
    let log = events::reporter_decided(now, actor, id, decision, reason.as_deref())
        .map_err(|_| AppError::internal())?;
    let outcome = state
        .store
        .decide_reporter(ReporterDecision {
            reporter_id: id,
            decision,
            from: r.status,
            reason,
            at: now,
            decided_by: Some(me.account.id),
            invitation,
            mail: Some(mail),
            log,
        })
        .await;
    match outcome {
        Ok((reporter, _)) => Ok(reporter),
        // The address already has an account or an open invitation.
        Err(StoreError::Duplicate(_)) => Err(AppError::new(
            StatusCode::CONFLICT,
            "address_taken",
            "reporters-error-address-taken",
        )),
        // Decided by someone else meanwhile.
        Err(StoreError::NotAllowed(_)) => Err(AppError::new(
            StatusCode::CONFLICT,
            "not_allowed_now",
            "reporters-error-not-now",
        )),
        Err(e) => Err(e.into()),
    }
}
