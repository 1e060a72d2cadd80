//! The mails a communication causes, in each recipient's language: one per
//! recipient per event (the dedupe key), the TLP label first in the
//! subject, and the content in clear only when the label allows
//! (`tlp::mail_body`); otherwise a link to the portal.

use pocdir_domain::communication::template::{CommunicationKind, Content, Urgency, ZonedTime};
use pocdir_domain::communication::tlp::{MailBody, TlpLabel};
use pocdir_domain::directory::openpgp::{encrypt_to, OpenPgpKey};
use pocdir_domain::entropy::Entropy;
use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::{NewMail, ParticipantNames, PocAccount, ID_PLACEHOLDER};
use time::OffsetDateTime;

/// What every mail about a communication says of it.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub kind: CommunicationKind,
    pub urgency: Urgency,
    pub tlp: TlpLabel,
    pub sender_state: &'a str,
    pub sender_state_names: Option<&'a ParticipantNames>,
    pub deadline: OffsetDateTime,
}

fn language_of(recipient: &PocAccount) -> Lang {
    recipient
        .language
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::En)
}

fn utc(t: OffsetDateTime) -> String {
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

fn zoned(z: &Option<ZonedTime>) -> String {
    z.as_ref()
        .map(|z| format!("{} ({})", z.local.replace('T', " "), z.zone))
        .unwrap_or_else(|| "—".to_string())
}

fn common_args(tr: &Translator, facts: &Facts<'_>) -> Vec<(&'static str, FluentArg)> {
    let state = facts
        .sender_state_names
        .map(|n| n.in_language(tr.lang().code()).to_string())
        .unwrap_or_else(|| facts.sender_state.to_string());
    vec![
        ("tlp", FluentArg::Text(facts.tlp.as_str().to_string())),
        ("kind", FluentArg::Text(tr.t(facts.kind.label_message()))),
        (
            "urgency",
            FluentArg::Text(tr.t(facts.urgency.label_message())),
        ),
        ("state", FluentArg::Text(state)),
        ("deadline", FluentArg::Text(utc(facts.deadline))),
    ]
}

/// The structured content in the reader's language (labels), the free
/// text as written, marked with its language.
fn content_block(tr: &Translator, content: &Content) -> String {
    let sectors = content
        .sectors
        .iter()
        .map(|s| tr.t(s.label_message()))
        .collect::<Vec<_>>()
        .join(", ");
    let lines = [
        (tr.t("comm-field-subject"), content.subject.clone()),
        (tr.t("comm-field-started"), zoned(&content.started)),
        (tr.t("comm-field-detected"), zoned(&content.detected)),
        (tr.t("comm-field-sectors"), sectors),
        (tr.t("comm-field-impact"), content.impact.clone()),
        (
            tr.t("comm-field-requested-action"),
            content.requested_action.clone(),
        ),
        (tr.t("comm-field-respond-by"), zoned(&content.respond_by)),
    ];
    let mut out = String::new();
    for (label, value) in lines {
        if value.trim().is_empty() {
            continue;
        }
        out.push_str(&format!("{label}: {value}\n"));
    }
    if !content.text.trim().is_empty() {
        out.push('\n');
        out.push_str(&tr.t1("comm-mail-text-in", "language", &content.text_language));
        out.push('\n');
        out.push_str(&content.text);
        out.push('\n');
    }
    out
}

/// The recipient's OpenPGP key and the randomness to encrypt to it: for
/// a label that never leaves in clear (`MailBody::Encrypted`).
#[derive(Clone, Copy)]
pub struct EncryptTo<'a> {
    pub key: &'a OpenPgpKey,
    pub entropy: &'a dyn Entropy,
}

/// The mail telling `recipient` of a new communication. With
/// `MailBody::Encrypted` and the recipient's key, the content goes in an
/// OpenPGP message to that key, the link outside it; should encryption
/// fail, the mail carries the link only.
pub fn new_communication(
    base_url: &str,
    facts: &Facts<'_>,
    content: &Content,
    body: MailBody,
    encrypt: Option<EncryptTo<'_>>,
    recipient: &PocAccount,
    now: OffsetDateTime,
) -> NewMail {
    let lang = language_of(recipient);
    let tr = Translator::new(lang);
    let link = format!(
        "{}/communications/{ID_PLACEHOLDER}",
        base_url.trim_end_matches('/')
    );
    let mut args = common_args(&tr, facts);
    args.push(("link", FluentArg::Text(link)));
    args.push(("id", FluentArg::Text(ID_PLACEHOLDER.to_string())));
    let sealed = match (body, encrypt) {
        (MailBody::Encrypted, Some(to)) => {
            match encrypt_to(
                to.key,
                content_block(&tr, content).as_bytes(),
                now,
                to.entropy,
            ) {
                Ok(armored) => Some((armored, to.key.grouped_fingerprint())),
                Err(e) => {
                    tracing::warn!(error = %e, "cannot encrypt to the recipient's key: link only");
                    None
                }
            }
        }
        _ => None,
    };
    // The subject carries the message's own subject only where the label
    // lets the mail carry content at all.
    let subject = match body {
        MailBody::Clear => {
            let mut a = args.clone();
            a.push(("subject", FluentArg::Text(content.subject.clone())));
            tr.t_args("comm-mail-subject-clear", &a)
        }
        MailBody::Encrypted | MailBody::LinkOnly => tr.t_args("comm-mail-subject-sealed", &args),
    };
    let intro = tr.t_args("comm-mail-intro", &args);
    let text = match body {
        MailBody::Clear => format!(
            "{intro}\n\n{}\n{}\n",
            content_block(&tr, content),
            tr.t_args("comm-mail-open", &args)
        ),
        MailBody::Encrypted | MailBody::LinkOnly => match sealed {
            Some((armored, fingerprint)) => format!(
                "{intro}\n\n{}\n\n{}\n\n{armored}\n",
                tr.t_args("comm-mail-open", &args),
                tr.t1("comm-mail-encrypted-below", "fingerprint", &fingerprint)
            ),
            None => format!("{intro}\n\n{}\n", tr.t_args("comm-mail-link-only", &args)),
        },
    };
    NewMail {
        dedupe_key: format!("communication:{ID_PLACEHOLDER}:to:{}", recipient.account_id),
        recipient: recipient.email.clone(),
        language: lang.code().to_string(),
        subject,
        body: format!("{text}\n{}", tr.t("comm-mail-signature")),
        participant: Some(recipient.state.clone()),
        created_at: now,
    }
}

/// The alert to a diplomatic PoC: no technical PoC of its State has
/// acknowledged communication `id` by the deadline. Metadata and a link
/// only, whatever the label.
pub fn escalation(
    base_url: &str,
    facts: &Facts<'_>,
    id: i64,
    recipient: &PocAccount,
    now: OffsetDateTime,
) -> NewMail {
    let lang = language_of(recipient);
    let tr = Translator::new(lang);
    let mut args = common_args(&tr, facts);
    args.push((
        "link",
        FluentArg::Text(format!(
            "{}/communications/{id}",
            base_url.trim_end_matches('/')
        )),
    ));
    args.push(("id", FluentArg::Text(id.to_string())));
    NewMail {
        dedupe_key: format!(
            "communication:{id}:escalate:{}:{}",
            recipient.state, recipient.account_id
        ),
        recipient: recipient.email.clone(),
        language: lang.code().to_string(),
        subject: tr.t_args("comm-mail-escalation-subject", &args),
        body: format!(
            "{}\n\n{}",
            tr.t_args("comm-mail-escalation-body", &args),
            tr.t("comm-mail-signature")
        ),
        participant: Some(recipient.state.clone()),
        created_at: now,
    }
}

/// Every Fluent id the mails use.
pub const MESSAGE_IDS: [&str; 17] = [
    "comm-mail-encrypted-below",
    "comm-field-subject",
    "comm-field-started",
    "comm-field-detected",
    "comm-field-sectors",
    "comm-field-impact",
    "comm-field-requested-action",
    "comm-field-respond-by",
    "comm-mail-text-in",
    "comm-mail-subject-clear",
    "comm-mail-subject-sealed",
    "comm-mail-intro",
    "comm-mail-open",
    "comm-mail-link-only",
    "comm-mail-signature",
    "comm-mail-escalation-subject",
    "comm-mail-escalation-body",
];
