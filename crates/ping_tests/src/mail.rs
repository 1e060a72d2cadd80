//! The mails a ping test causes, each in its reader's language: the
//! challenge, the reminders, the advance notice of an announced campaign,
//! and the escalation to a State's nominators. A challenge or reminder
//! carries the one-time link; following it only shows the confirmation
//! page, pressing its button answers.

use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::{NewMail, CAMPAIGN_ID_PLACEHOLDER};
use time::OffsetDateTime;

/// A time as every mail shows it.
pub fn utc(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// The page a challenge's link opens.
pub fn answer_link(base_url: &str, token: &str) -> String {
    format!("{}/ping/{token}", base_url.trim_end_matches('/'))
}

/// What every challenge and reminder mail says.
#[derive(Debug, Clone, Copy)]
pub struct ChallengeFacts<'a> {
    pub base_url: &'a str,
    pub title: &'a str,
    pub answer_by: OffsetDateTime,
    pub now: OffsetDateTime,
}

fn args(facts: &ChallengeFacts<'_>, token: &str) -> Vec<(&'static str, FluentArg)> {
    vec![
        ("title", FluentArg::Text(facts.title.to_string())),
        ("link", FluentArg::Text(answer_link(facts.base_url, token))),
        ("answer_by", FluentArg::Text(utc(facts.answer_by))),
        (
            "about",
            FluentArg::Text(format!(
                "{}/ping-tests/about",
                facts.base_url.trim_end_matches('/')
            )),
        ),
    ]
}

/// A PoC's challenge (queued when the campaign starts; its dedupe key
/// names the campaign by [`CAMPAIGN_ID_PLACEHOLDER`] when it is new).
pub fn challenge(
    facts: &ChallengeFacts<'_>,
    campaign: Option<i64>,
    poc_id: i64,
    participant: &str,
    email: &str,
    lang: Lang,
    token: &str,
) -> NewMail {
    let tr = Translator::new(lang);
    let id = campaign
        .map(|c| c.to_string())
        .unwrap_or_else(|| CAMPAIGN_ID_PLACEHOLDER.to_string());
    NewMail {
        dedupe_key: format!("ping:{id}:poc:{poc_id}:challenge"),
        recipient: email.to_string(),
        language: lang.code().to_string(),
        subject: tr.t_args("ping-mail-challenge-subject", &args(facts, token)),
        body: tr.t_args("ping-mail-challenge-body", &args(facts, token)),
        participant: Some(participant.to_string()),
        created_at: facts.now,
    }
}

/// Stands for the token while a campaign's challenge mails are written
/// once per language (see [`ChallengeMails`]).
const TOKEN_SLOT: &str = "pdp_{challenge-token}";

/// A campaign's challenge mails: the text is rendered once per language
/// and each PoC's token put in its copy, so that a campaign of 100,000
/// PoCs formats 12 messages, not 200,000.
pub struct ChallengeMails<'a> {
    facts: ChallengeFacts<'a>,
    rendered: Vec<(Lang, String, String)>,
}

impl<'a> ChallengeMails<'a> {
    pub fn new(facts: ChallengeFacts<'a>) -> Self {
        ChallengeMails {
            facts,
            rendered: Vec::new(),
        }
    }

    /// What [`challenge`] writes for this PoC.
    pub fn mail(
        &mut self,
        campaign: Option<i64>,
        poc_id: i64,
        participant: &str,
        email: &str,
        lang: Lang,
        token: &str,
    ) -> NewMail {
        let (subject, body) = match self.rendered.iter().find(|(l, _, _)| *l == lang) {
            Some((_, subject, body)) => (subject.clone(), body.clone()),
            None => {
                let template = challenge(
                    &self.facts,
                    campaign,
                    poc_id,
                    participant,
                    email,
                    lang,
                    TOKEN_SLOT,
                );
                self.rendered
                    .push((lang, template.subject.clone(), template.body.clone()));
                (template.subject, template.body)
            }
        };
        let id = campaign
            .map(|c| c.to_string())
            .unwrap_or_else(|| CAMPAIGN_ID_PLACEHOLDER.to_string());
        NewMail {
            dedupe_key: format!("ping:{id}:poc:{poc_id}:challenge"),
            recipient: email.to_string(),
            language: lang.code().to_string(),
            subject: subject.replace(TOKEN_SLOT, token),
            body: body.replace(TOKEN_SLOT, token),
            participant: Some(participant.to_string()),
            created_at: self.facts.now,
        }
    }
}

/// Reminder number `reminder` to a PoC that has not answered.
#[allow(clippy::too_many_arguments)]
pub fn reminder(
    facts: &ChallengeFacts<'_>,
    campaign: i64,
    reminder: i64,
    poc_id: i64,
    participant: &str,
    email: &str,
    lang: Lang,
    token: &str,
) -> NewMail {
    let tr = Translator::new(lang);
    NewMail {
        dedupe_key: format!("ping:{campaign}:poc:{poc_id}:reminder:{reminder}"),
        recipient: email.to_string(),
        language: lang.code().to_string(),
        subject: tr.t_args("ping-mail-reminder-subject", &args(facts, token)),
        body: tr.t_args("ping-mail-reminder-body", &args(facts, token)),
        participant: Some(participant.to_string()),
        created_at: facts.now,
    }
}

/// The advance notice of an announced campaign to a PoC.
#[allow(clippy::too_many_arguments)]
pub fn notice(
    base_url: &str,
    title: &str,
    starts_at: OffsetDateTime,
    poc_id: i64,
    participant: &str,
    email: &str,
    lang: Lang,
    now: OffsetDateTime,
) -> NewMail {
    let tr = Translator::new(lang);
    let args = [
        ("title", FluentArg::Text(title.to_string())),
        ("starts_at", FluentArg::Text(utc(starts_at))),
        (
            "about",
            FluentArg::Text(format!(
                "{}/ping-tests/about",
                base_url.trim_end_matches('/')
            )),
        ),
    ];
    NewMail {
        dedupe_key: format!("ping:{CAMPAIGN_ID_PLACEHOLDER}:poc:{poc_id}:notice"),
        recipient: email.to_string(),
        language: lang.code().to_string(),
        subject: tr.t_args("ping-mail-notice-subject", &args),
        body: tr.t_args("ping-mail-notice-body", &args),
        participant: Some(participant.to_string()),
        created_at: now,
    }
}

/// The escalation to a State's nominator: which of its PoCs did not
/// answer in time (names as the nominator knows them).
#[allow(clippy::too_many_arguments)]
pub fn escalation(
    base_url: &str,
    campaign: i64,
    title: &str,
    participant: &str,
    account_id: i64,
    email: &str,
    lang: Lang,
    unanswered: &[String],
    now: OffsetDateTime,
) -> NewMail {
    let tr = Translator::new(lang);
    let args = [
        ("title", FluentArg::Text(title.to_string())),
        ("count", FluentArg::Number(unanswered.len() as i64)),
        ("pocs", FluentArg::Text(unanswered.join("\n"))),
        (
            "link",
            FluentArg::Text(format!(
                "{}/ping-tests/{campaign}",
                base_url.trim_end_matches('/')
            )),
        ),
    ];
    NewMail {
        dedupe_key: format!("ping:{campaign}:escalation:{participant}:{account_id}"),
        recipient: email.to_string(),
        language: lang.code().to_string(),
        subject: tr.t_args("ping-mail-escalation-subject", &args),
        body: tr.t_args("ping-mail-escalation-body", &args),
        participant: Some(participant.to_string()),
        created_at: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_campaigns_mails_are_the_mail_of_each_poc() {
        let facts = ChallengeFacts {
            base_url: "https://pocdir.example.org/",
            title: "Second half",
            answer_by: datetime!(2026-12-03 10:00 UTC),
            now: datetime!(2026-11-30 10:00 UTC),
        };
        let mut mails = ChallengeMails::new(facts);
        for (lang, token) in [
            (Lang::Ar, "pdp_a"),
            (Lang::En, "pdp_b"),
            (Lang::Ar, "pdp_c"),
        ] {
            let fast = mails.mail(Some(7), 3, "PAK", "x@example.org", lang, token);
            let one = challenge(&facts, Some(7), 3, "PAK", "x@example.org", lang, token);
            assert_eq!(fast, one);
            assert!(fast
                .body
                .contains(&format!("https://pocdir.example.org/ping/{token}")));
        }
    }
}
