//! The mails reports cause, in each recipient's language: the TLP label
//! first in the subject, the content in clear only where the label allows
//! it (AMBER+STRICT goes as a link to the portal), never a PoC's name to
//! the reporter. Every dedupe key starts with the reporter's prefix
//! (`report_mail_key_prefix`), so that a suspension withholds them.

use pocdir_domain::communication::template::ZonedTime;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::report::{ReportCategory, ReportContent, StateStatus};
use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::{report_mail_key_prefix, NewMail, PocAccount, REPORT_ID_PLACEHOLDER};
use time::OffsetDateTime;

/// Who a mail goes to: an address and a language.
#[derive(Debug, Clone)]
pub struct MailTo {
    pub account_id: i64,
    pub email: String,
    pub language: Option<String>,
    /// The State whose business the mail is (None: the reporter's).
    pub state: Option<String>,
}

impl From<&PocAccount> for MailTo {
    fn from(p: &PocAccount) -> Self {
        MailTo {
            account_id: p.account_id,
            email: p.email.clone(),
            language: p.language.clone(),
            state: Some(p.state.clone()),
        }
    }
}

/// What every mail about a report says of it.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub reporter_id: i64,
    /// None while the report is being sent (the id is filled in by the store).
    pub report_id: Option<i64>,
    pub organisation: &'a str,
    pub category: ReportCategory,
    pub tlp: TlpLabel,
    pub title: &'a str,
}

fn lang_of(to: &MailTo) -> Lang {
    to.language
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::En)
}

/// A moment in UTC, as mail (which has no reader's zone) shows it.
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

/// An embargo's end as the reporter gave it and in UTC.
pub fn embargo_text(e: &ZonedTime) -> String {
    let in_utc = OffsetDateTime::from_unix_timestamp(e.utc)
        .map(utc)
        .unwrap_or_default();
    format!("{} ({}) = {in_utc}", e.local.replace('T', " "), e.zone)
}

fn id_text(facts: &Facts<'_>) -> String {
    facts
        .report_id
        .map(|i| i.to_string())
        .unwrap_or_else(|| REPORT_ID_PLACEHOLDER.to_string())
}

fn link(base_url: &str, facts: &Facts<'_>) -> String {
    format!(
        "{}/reports/{}",
        base_url.trim_end_matches('/'),
        id_text(facts)
    )
}

fn key(facts: &Facts<'_>, what: &str, to: &MailTo) -> String {
    format!(
        "{}{}:{what}:{}",
        report_mail_key_prefix(facts.reporter_id),
        id_text(facts),
        to.account_id
    )
}

fn subject(tr: &Translator, facts: &Facts<'_>, what: &str) -> String {
    let args = [
        ("tlp", FluentArg::Text(facts.tlp.as_str().to_string())),
        ("id", FluentArg::Text(id_text(facts))),
        (
            "category",
            FluentArg::Text(tr.t(facts.category.label_message())),
        ),
        (
            "organisation",
            FluentArg::Text(facts.organisation.to_string()),
        ),
    ];
    tr.t_args(what, &args)
}

fn mail(
    to: &MailTo,
    lang: Lang,
    key: String,
    subject: String,
    body: String,
    now: OffsetDateTime,
) -> NewMail {
    NewMail {
        dedupe_key: key,
        recipient: to.email.clone(),
        language: lang.code().to_string(),
        subject,
        body,
        participant: to.state.clone(),
        created_at: now,
    }
}

/// The content as a mail shows it, in the reader's language for labels.
fn content_block(tr: &Translator, content: &ReportContent, embargo: Option<&ZonedTime>) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{}: {}\n",
        tr.t("report-field-title"),
        content.title
    ));
    if let Some(e) = embargo {
        out.push_str(&format!(
            "{}: {}\n",
            tr.t("report-field-embargo"),
            embargo_text(e)
        ));
    }
    if !content.products.is_empty() {
        out.push_str(&format!("{}:\n", tr.t("report-field-products")));
        for p in &content.products {
            out.push_str(&format!("  - {} {}\n", p.product, p.versions));
        }
    }
    if !content.cve_ids.is_empty() {
        out.push_str(&format!(
            "{}: {}\n",
            tr.t("report-field-cves"),
            content.cve_ids.join(", ")
        ));
    }
    out.push('\n');
    out.push_str(&content.description);
    out.push('\n');
    if content.stix_bundle.is_some() {
        out.push('\n');
        out.push_str(&tr.t("report-mail-stix-in-portal"));
        out.push('\n');
    }
    out
}

/// A new report, to one of its recipients.
pub fn new_report(
    base_url: &str,
    facts: &Facts<'_>,
    content: &ReportContent,
    embargo: Option<&ZonedTime>,
    deadline: OffsetDateTime,
    to: &MailTo,
    now: OffsetDateTime,
) -> NewMail {
    let lang = lang_of(to);
    let tr = Translator::new(lang);
    let mut body = tr.t_args(
        "report-mail-new-intro",
        &[
            (
                "organisation",
                FluentArg::Text(facts.organisation.to_string()),
            ),
            (
                "category",
                FluentArg::Text(tr.t(facts.category.label_message())),
            ),
            ("tlp", FluentArg::Text(facts.tlp.as_str().to_string())),
            ("deadline", FluentArg::Text(utc(deadline))),
        ],
    );
    body.push_str("\n\n");
    if facts.tlp.may_mail_in_clear() {
        body.push_str(&content_block(&tr, content, embargo));
    } else {
        body.push_str(&tr.t("report-mail-link-only"));
        body.push('\n');
    }
    body.push('\n');
    body.push_str(&tr.t1("report-mail-open", "link", &link(base_url, facts)));
    body.push('\n');
    mail(
        to,
        lang,
        key(facts, "new", to),
        subject(&tr, facts, "report-mail-new-subject"),
        body,
        now,
    )
}

/// A new message in a State's thread: to the other side, as a link.
pub fn new_message(
    base_url: &str,
    facts: &Facts<'_>,
    message_id: &str,
    from_state: Option<&str>,
    to: &MailTo,
    now: OffsetDateTime,
) -> NewMail {
    let lang = lang_of(to);
    let tr = Translator::new(lang);
    let mut body = match from_state {
        Some(state) => tr.t1("report-mail-message-from-state", "state", state),
        None => tr.t1(
            "report-mail-message-from-reporter",
            "organisation",
            facts.organisation,
        ),
    };
    body.push_str("\n\n");
    body.push_str(&tr.t1("report-mail-open", "link", &link(base_url, facts)));
    body.push('\n');
    mail(
        to,
        lang,
        key(facts, &format!("message-{message_id}"), to),
        subject(&tr, facts, "report-mail-message-subject"),
        body,
        now,
    )
}

/// The embargo was extended: the new end and the reason, to every recipient.
#[allow(clippy::too_many_arguments)]
pub fn embargo_extended(
    base_url: &str,
    facts: &Facts<'_>,
    new_end: &ZonedTime,
    reason: &str,
    to: &MailTo,
    now: OffsetDateTime,
) -> NewMail {
    let lang = lang_of(to);
    let tr = Translator::new(lang);
    let mut body = tr.t_args(
        "report-mail-extended-body",
        &[
            ("end", FluentArg::Text(embargo_text(new_end))),
            ("reason", FluentArg::Text(reason.to_string())),
        ],
    );
    body.push_str("\n\n");
    body.push_str(&tr.t1("report-mail-open", "link", &link(base_url, facts)));
    body.push('\n');
    mail(
        to,
        lang,
        key(facts, &format!("extended-{}", new_end.utc), to),
        subject(&tr, facts, "report-mail-extended-subject"),
        body,
        now,
    )
}

/// A State not settled is reminded that the embargo ends soon.
pub fn reminder(
    base_url: &str,
    facts: &Facts<'_>,
    end: &ZonedTime,
    status: StateStatus,
    to: &MailTo,
    now: OffsetDateTime,
) -> NewMail {
    let lang = lang_of(to);
    let tr = Translator::new(lang);
    let mut body = tr.t_args(
        "report-mail-reminder-body",
        &[
            ("end", FluentArg::Text(embargo_text(end))),
            ("status", FluentArg::Text(tr.t(status.label_message()))),
        ],
    );
    body.push_str("\n\n");
    body.push_str(&tr.t1("report-mail-open", "link", &link(base_url, facts)));
    body.push('\n');
    mail(
        to,
        lang,
        key(facts, &format!("reminder-{}", end.utc), to),
        subject(&tr, facts, "report-mail-reminder-subject"),
        body,
        now,
    )
}

/// A State's diplomatic PoCs alerted: no technical PoC acknowledged in time.
pub fn escalation(
    base_url: &str,
    facts: &Facts<'_>,
    deadline: OffsetDateTime,
    to: &MailTo,
    now: OffsetDateTime,
) -> NewMail {
    let lang = lang_of(to);
    let tr = Translator::new(lang);
    let mut body = tr.t1("report-mail-escalation-body", "deadline", &utc(deadline));
    body.push_str("\n\n");
    body.push_str(&tr.t1("report-mail-open", "link", &link(base_url, facts)));
    body.push('\n');
    mail(
        to,
        lang,
        key(facts, "escalation", to),
        subject(&tr, facts, "report-mail-escalation-subject"),
        body,
        now,
    )
}

/// Every Fluent id the mails name.
pub const MESSAGE_IDS: [&str; 18] = [
    "report-field-title",
    "report-field-embargo",
    "report-field-products",
    "report-field-cves",
    "report-mail-stix-in-portal",
    "report-mail-new-intro",
    "report-mail-link-only",
    "report-mail-open",
    "report-mail-new-subject",
    "report-mail-message-from-state",
    "report-mail-message-from-reporter",
    "report-mail-message-subject",
    "report-mail-extended-body",
    "report-mail-extended-subject",
    "report-mail-reminder-body",
    "report-mail-reminder-subject",
    "report-mail-escalation-body",
    "report-mail-escalation-subject",
];
