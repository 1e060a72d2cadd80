//! The mails of accounts managed in the portal, each in its recipient's
//! language: an invitation, a password reset link, and the notice of a
//! change the secretariat made to an account.

use crate::state::AppState;
use pocdir_domain::account::AccountKind;
use pocdir_domain::account_admin::AccountChange;
use pocdir_domain::entropy::random_bytes;
use pocdir_domain::log::entry::{ContentError, LogActor};
use pocdir_domain::log::events;
use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::{ChangeMail, NewMail};
use time::OffsetDateTime;

/// A time in mail: UTC, to the minute, the same in every language.
pub fn mail_time(t: OffsetDateTime) -> String {
    t.format(time::macros::format_description!(
        "[year]-[month]-[day] [hour]:[minute] UTC"
    ))
    .unwrap_or_default()
}

/// The language named by a stored code, English when none or unknown.
pub fn lang_of(code: Option<&str>) -> Lang {
    code.and_then(Lang::from_tag).unwrap_or(Lang::En)
}

/// A link to `path` on this server, as mail shows it.
pub fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.base_url.trim_end_matches('/'))
}

fn body(tr: &Translator, id: &str, args: &[(&str, FluentArg)]) -> String {
    format!(
        "{}\n\n-- \n{}\n",
        tr.t_args(id, args),
        tr.t("accounts-mail-signature")
    )
}

/// Who is mailed, about which State, in which language.
pub struct Recipient<'a> {
    pub email: &'a str,
    pub lang: Lang,
    pub participant: Option<&'a str>,
}

fn queued(
    state: &AppState,
    actor: LogActor,
    to: &Recipient<'_>,
    dedupe_key: String,
    subject: String,
    body: String,
) -> Result<ChangeMail, ContentError> {
    let now = state.clock.now();
    let log = events::mail_queued(now, actor, to.participant, &dedupe_key, to.email, &subject)?;
    Ok(ChangeMail {
        mail: NewMail {
            dedupe_key,
            recipient: to.email.to_string(),
            language: to.lang.code().to_string(),
            subject,
            body,
            participant: to.participant.map(str::to_string),
            created_at: now,
        },
        log,
    })
}

/// The invitation: who invites, as what, the link and until when.
#[allow(clippy::too_many_arguments)]
pub fn invitation(
    state: &AppState,
    actor: LogActor,
    to: &Recipient<'_>,
    token_hash: &str,
    secret: &str,
    kind: AccountKind,
    state_name: &str,
    inviter: &str,
    expires_at: OffsetDateTime,
) -> Result<ChangeMail, ContentError> {
    let tr = Translator::new(to.lang);
    let text = |s: &str| FluentArg::Text(s.to_string());
    let args = [
        ("inviter", text(inviter)),
        ("kind", FluentArg::Text(tr.t(kind.label_message()))),
        ("state", text(state_name)),
        (
            "link",
            FluentArg::Text(link(state, &format!("/enrol/{secret}"))),
        ),
        ("expires", FluentArg::Text(mail_time(expires_at))),
    ];
    queued(
        state,
        actor,
        to,
        format!("invitation:{token_hash}"),
        tr.t("accounts-mail-invitation-subject"),
        body(&tr, "accounts-mail-invitation-body", &args),
    )
}

/// A password reset link for `email`.
pub fn password_reset(
    state: &AppState,
    to: &Recipient<'_>,
    token_hash: &str,
    secret: &str,
    expires_at: OffsetDateTime,
) -> Result<ChangeMail, ContentError> {
    let tr = Translator::new(to.lang);
    let args = [
        ("email", FluentArg::Text(to.email.to_string())),
        (
            "link",
            FluentArg::Text(link(state, &format!("/login/reset/{secret}"))),
        ),
        ("expires", FluentArg::Text(mail_time(expires_at))),
    ];
    queued(
        state,
        LogActor::anonymous(),
        to,
        format!("password-reset:{token_hash}"),
        tr.t("accounts-mail-reset-subject"),
        body(&tr, "accounts-mail-reset-body", &args),
    )
}

/// The notice of a change the secretariat made, with its reason.
pub fn account_changed(
    state: &AppState,
    actor: LogActor,
    to: &Recipient<'_>,
    account_id: i64,
    change: AccountChange,
    reason: &str,
) -> Result<ChangeMail, ContentError> {
    let tr = Translator::new(to.lang);
    let (subject, body_id) = change.mail_messages();
    let args = [
        ("reason", FluentArg::Text(reason.to_string())),
        ("link", FluentArg::Text(link(state, "/login"))),
    ];
    // Each change is its own notice, even the same change made again later.
    let nonce = hex::encode(random_bytes::<8>(state.entropy.as_ref()));
    queued(
        state,
        actor,
        to,
        format!("account:{account_id}:{}:{nonce}", change.as_str()),
        tr.t(subject),
        body(&tr, body_id, &args),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every language words the invitation for a State-bound kind and for
    /// one that acts for no State, with the link and the expiry intact.
    #[test]
    fn the_invitation_reads_in_every_language_with_and_without_a_state() {
        for lang in Lang::ALL {
            let tr = Translator::new(lang);
            for state in ["Pakistan", "none"] {
                let args = [
                    ("inviter", FluentArg::Text("Secretariat".into())),
                    (
                        "kind",
                        FluentArg::Text(tr.t(AccountKind::TechnicalPoc.label_message())),
                    ),
                    ("state", FluentArg::Text(state.into())),
                    (
                        "link",
                        FluentArg::Text("https://pocdir.example.org/enrol/pdi_x".into()),
                    ),
                    ("expires", FluentArg::Text("2026-05-08 08:00 UTC".into())),
                ];
                let text = body(&tr, "accounts-mail-invitation-body", &args);
                assert!(
                    text.contains("https://pocdir.example.org/enrol/pdi_x"),
                    "{lang:?}: {text}"
                );
                assert!(text.contains("2026-05-08 08:00 UTC"), "{lang:?}");
                assert_eq!(
                    text.contains("Pakistan"),
                    state == "Pakistan",
                    "{lang:?}: {text}"
                );
                assert!(!text.contains("none"), "{lang:?}: {text}");
                assert!(tr.has_own("accounts-mail-invitation-subject"), "{lang:?}");
            }
            for change in AccountChange::ALL {
                let (subject, body_id) = change.mail_messages();
                assert!(
                    tr.has_own(subject) && tr.has_own(body_id),
                    "{lang:?} {change:?}"
                );
                let args = [
                    ("reason", FluentArg::Text("Phone lost".into())),
                    (
                        "link",
                        FluentArg::Text("https://x.example.org/login".into()),
                    ),
                ];
                assert!(body(&tr, body_id, &args).contains("Phone lost"));
            }
        }
    }

    #[test]
    fn mail_times_are_utc_to_the_minute() {
        let t = time::macros::datetime!(2026-05-08 08:00:59 UTC);
        assert_eq!(mail_time(t), "2026-05-08 08:00 UTC");
        assert_eq!(lang_of(Some("ar")), Lang::Ar);
        assert_eq!(lang_of(Some("xx")), Lang::En);
        assert_eq!(lang_of(None), Lang::En);
    }
}
