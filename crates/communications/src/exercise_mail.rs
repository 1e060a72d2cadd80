//! The mails an exercise's injects cause, in each player's language. Every
//! subject starts with `EXERCISE` (whatever the language: mail filters and
//! people scanning an inbox under pressure look for that word) and every
//! body opens with the exercise banner. The content goes in clear only
//! where its TLP label allows mail in clear; otherwise the mail is a link.

use crate::report_mail::{utc, MailTo};
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::exercise::scenario::InjectPlan;
use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::NewMail;
use time::OffsetDateTime;

/// The word every exercise mail's subject starts with.
pub const SUBJECT_PREFIX: &str = "EXERCISE";

fn lang_of(to: &MailTo) -> Lang {
    to.language
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::En)
}

/// What an inject's mail says about where it comes from.
pub struct InjectFacts<'a> {
    pub exercise_id: i64,
    pub exercise_title: &'a str,
    pub scenario_language: &'a str,
    pub actor_name: &'a str,
    pub plan: &'a InjectPlan,
    /// When a player escalated it: the escalating player's State.
    pub escalated: bool,
}

/// An inject, to one player.
pub fn inject(
    base_url: &str,
    facts: &InjectFacts<'_>,
    to: &MailTo,
    now: OffsetDateTime,
) -> NewMail {
    let lang = lang_of(to);
    let tr = Translator::new(lang);
    let (subject, text) = facts.plan.localized(lang.code(), facts.scenario_language);
    let tlp = facts.plan.tlp;
    let text_arg = |s: &str| FluentArg::Text(s.to_string());
    let mut body = tr.t1("exercise-banner", "title", facts.exercise_title);
    body.push_str("\n\n");
    body.push_str(&tr.t_args(
        if facts.escalated {
            "exercise-mail-escalated"
        } else {
            "exercise-mail-intro"
        },
        &[
            ("actor", text_arg(facts.actor_name)),
            ("tlp", text_arg(tlp.as_str())),
            ("sent", text_arg(&utc(now))),
        ],
    ));
    body.push_str("\n\n");
    if tlp.may_mail_in_clear() {
        body.push_str(subject);
        body.push_str("\n\n");
        body.push_str(text);
        body.push_str("\n\n");
    } else {
        body.push_str(&tr.t("exercise-mail-link-only"));
        body.push_str("\n\n");
    }
    body.push_str(&tr.t1(
        "exercise-mail-open",
        "link",
        &format!("{}/exercises/mine", base_url.trim_end_matches('/')),
    ));
    body.push('\n');
    let shown_subject = if tlp.may_mail_in_clear() {
        subject.to_string()
    } else {
        tr.t("exercise-mail-subject-hidden")
    };
    NewMail {
        dedupe_key: format!(
            "exercise:{}:{}:{}{}",
            facts.exercise_id,
            facts.plan.key,
            to.account_id,
            if facts.escalated { ":escalated" } else { "" }
        ),
        recipient: to.email.clone(),
        language: lang.code().to_string(),
        subject: format!("{SUBJECT_PREFIX} — {} {}", tlp_tag(tlp), shown_subject),
        body,
        participant: to.state.clone(),
        created_at: now,
    }
}

fn tlp_tag(tlp: TlpLabel) -> String {
    format!("[{}]", tlp.as_str())
}
