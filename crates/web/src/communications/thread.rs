//! A thread: every message the reader may know of, each with its TLP label
//! before the information, its structured parts in the reader's language
//! and its free text as written; the receipts the reader may see;
//! acknowledging; the attachments as downloads.

use crate::communications::view::{self, name_of, state_names, when, TlpView};
use crate::communications::{service, settings};
use crate::directory::values::language_name;
use crate::http::error::AppError;
use crate::http::extract::PathParams;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_communications::Opened;
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::template::{Urgency, ZonedTime};
use pocdir_domain::communication::tlp::{TlpLabel, WayOut};
use pocdir_i18n::FluentArg;
use std::collections::BTreeMap;

/// A structured field: its label in the reader's language and its value.
pub struct FieldView {
    pub id: &'static str,
    pub label: String,
    pub value: String,
}

pub struct AttachmentView {
    pub id: i64,
    pub name: String,
    pub size: String,
    pub file_type: &'static str,
}

pub struct RecipientView {
    pub name: String,
    pub state: String,
    pub kind: String,
    pub status: String,
    pub delivered: String,
    pub read: String,
    pub acknowledged: String,
    pub answered: String,
}

pub struct ContentView {
    pub subject: String,
    pub fields: Vec<FieldView>,
    pub text: String,
    pub text_language: String,
    /// "Written in English", in the reader's language.
    pub text_note: String,
    pub attachments: Vec<AttachmentView>,
    /// Encrypted end to end: `text` is the armored ciphertext, shown as
    /// such, decrypted only in the reader's browser.
    pub e2e: bool,
}

pub struct MessageView {
    pub id: i64,
    pub current: bool,
    pub tlp: TlpView,
    pub kind: String,
    pub urgency: String,
    pub urgent: bool,
    pub sender: String,
    pub sender_state: String,
    pub sent: String,
    pub deadline: String,
    /// The communication this forwards: its id and how it is named.
    pub forwarded_from: Option<(i64, String)>,
    pub content: Option<ContentView>,
    /// The reader's own status, when a recipient.
    pub mine: Option<String>,
    pub may_acknowledge: bool,
    pub may_reply: bool,
    pub may_forward: bool,
    pub recipients: Vec<RecipientView>,
    /// States whose diplomatic PoCs were alerted, and when.
    pub escalations: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "communications/thread.html")]
pub struct ThreadPage {
    pub page: PageCtx,
    pub id: i64,
    pub messages: Vec<MessageView>,
    /// The reader sees metadata only (the secretariat).
    pub metadata_only: bool,
    /// Some message here is end to end: the page loads the scripts that decrypt.
    pub has_e2e: bool,
}

fn zoned(page: &PageCtx, t: &Option<ZonedTime>) -> String {
    t.as_ref().map(|t| view::zoned(page, t)).unwrap_or_default()
}

fn message_view(
    page: &PageCtx,
    me: &SignedIn,
    names: &BTreeMap<String, String>,
    current: i64,
    o: &Opened,
) -> MessageView {
    let m = &o.record.meta;
    let time = |t: Option<time::OffsetDateTime>| t.map(|t| when(page, t)).unwrap_or_default();
    let attachment_views = || {
        o.record
            .attachments
            .iter()
            .map(|a| AttachmentView {
                id: a.id,
                name: a.name.clone(),
                size: view::file_size(page, a.size),
                file_type: a.file_type.media_type(),
            })
            .collect::<Vec<_>>()
    };
    let content = o.content.as_ref().map(|c| {
        if m.e2e {
            return ContentView {
                subject: page.t("comm-e2e-subject"),
                fields: Vec::new(),
                text: c.text.clone(),
                text_note: String::new(),
                text_language: c.text_language.clone(),
                // Sealed files: their names say only their position.
                attachments: attachment_views(),
                e2e: true,
            };
        }
        let mut fields = Vec::new();
        let mut add = |id: &'static str, label: &str, value: String| {
            if !value.trim().is_empty() {
                fields.push(FieldView {
                    id,
                    label: page.t(label),
                    value,
                });
            }
        };
        add(
            "field-started",
            "comm-field-started",
            zoned(page, &c.started),
        );
        add(
            "field-detected",
            "comm-field-detected",
            zoned(page, &c.detected),
        );
        add(
            "field-sectors",
            "comm-field-sectors",
            c.sectors
                .iter()
                .map(|s| page.t(s.label_message()))
                .collect::<Vec<_>>()
                .join(&page.t("values-days-separator")),
        );
        add("field-impact", "comm-field-impact", c.impact.clone());
        add(
            "field-requested-action",
            "comm-field-requested-action",
            c.requested_action.clone(),
        );
        add(
            "field-respond-by",
            "comm-field-respond-by",
            zoned(page, &c.respond_by),
        );
        ContentView {
            subject: c.subject.clone(),
            fields,
            text: c.text.clone(),
            text_note: page.tr.t_args(
                "comm-page-text-as-written",
                &[(
                    "language",
                    FluentArg::Text(language_name(&page.tr, &c.text_language)),
                )],
            ),
            text_language: c.text_language.clone(),
            attachments: attachment_views(),
            e2e: false,
        }
    });
    let own_state = me.account.participant.clone().unwrap_or_default();
    let sees_all_escalations = m.sender_account == me.account.id
        || m.sender_state == own_state
        || me.account.kind == AccountKind::Secretariat;
    let is_poc = me.account.kind.is_poc();
    MessageView {
        id: m.id,
        current: m.id == current,
        tlp: TlpView::of(page, m.tlp),
        kind: page.t(m.kind.label_message()),
        urgency: page.t(m.urgency.label_message()),
        urgent: m.urgency == Urgency::Urgent,
        sender: m.sender_name.clone(),
        sender_state: name_of(names, &m.sender_state),
        sent: when(page, m.sent_at),
        deadline: when(page, m.ack_deadline),
        forwarded_from: m
            .forwarded_from
            .map(|f| (f, page.tr.tn("comm-page-number", "id", f))),
        may_acknowledge: o.mine.is_some_and(|r| r.acknowledged_at.is_none()),
        may_reply: is_poc && content.is_some(),
        // An end-to-end message opens only with the keys it was made for.
        may_forward: is_poc && content.is_some() && m.tlp != TlpLabel::Red && !m.e2e,
        content,
        mine: o.mine.map(|r| page.t(r.status().label_message())),
        recipients: o
            .visible_recipients
            .iter()
            .map(|r| RecipientView {
                name: r.name.clone(),
                state: name_of(names, &r.state),
                kind: page.t(r.kind.label_message()),
                status: page.t(r.receipts.status().label_message()),
                delivered: when(page, r.receipts.delivered_at),
                read: time(r.receipts.read_at),
                acknowledged: time(r.receipts.acknowledged_at),
                answered: time(r.receipts.answered_at),
            })
            .collect(),
        escalations: o
            .record
            .escalations
            .iter()
            .filter(|(state, _)| sees_all_escalations || *state == own_state)
            .map(|(state, at)| (name_of(names, state), when(page, *at)))
            .collect(),
    }
}

pub async fn thread(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let service = service(&state, &settings);
    let opened = service.thread(&me.requester(), id, WayOut::Page).await?;
    // The frame counted before this opening was recorded: count again.
    let mut page = page;
    if me.account.kind.is_poc() {
        let unread = service.unread(&me.requester()).await?;
        for link in page
            .nav_main
            .iter_mut()
            .filter(|l| l.href == "/communications")
        {
            link.count = (unread > 0).then(|| {
                (
                    unread,
                    page.tr.tn("comm-page-unread-count", "count", unread),
                )
            });
        }
    }
    let names = state_names(&state, &page).await?;
    let messages: Vec<MessageView> = opened
        .iter()
        .map(|o| message_view(&page, &me, &names, id, o))
        .collect();
    let p = ThreadPage {
        id,
        metadata_only: messages.iter().all(|m| m.content.is_none()),
        has_e2e: messages
            .iter()
            .any(|m| m.content.as_ref().is_some_and(|c| c.e2e)),
        messages,
        page,
    };
    Ok(render(StatusCode::OK, &p))
}

/// Acknowledges a communication the reader received (once: twice is a
/// 409 with a clear message).
pub async fn acknowledge(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    service(&state, &settings)
        .acknowledge(&me.requester(), id)
        .await?;
    Ok(see_other_done(
        &safe_next(Some(&format!("/communications/{id}")), "/communications"),
        "done-communication-acknowledged",
    ))
}

/// A file name fit for a `Content-Disposition` header: ASCII letters,
/// digits and `.-_` kept, the rest `_`; the exact name in `filename*`.
pub(crate) fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let exact: String = url::form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{exact}")
}

/// An attachment, as a download of the type its content was checked to be.
pub async fn attachment(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams((id, attachment_id)): PathParams<(i64, i64)>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let (meta, bytes) = service(&state, &settings)
        .attachment(&me.requester(), id, attachment_id, WayOut::Page)
        .await?;
    let disposition =
        HeaderValue::from_str(&disposition(&meta.name)).map_err(|_| AppError::internal())?;
    Ok((
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(meta.file_type.media_type()),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The armored ciphertext of an end-to-end message, for the PoC's own
/// OpenPGP tool (`gpg --decrypt`): the route without JavaScript, or without
/// the key in this browser.
pub async fn ciphertext(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let opened = service(&state, &settings)
        .open(&me.requester(), id, WayOut::Page)
        .await?;
    let content = match (opened.record.meta.e2e, opened.content) {
        (true, Some(content)) => content,
        _ => return Err(AppError::not_found()),
    };
    let disposition = HeaderValue::from_str(&disposition(&format!("communication-{id}.asc")))
        .map_err(|_| AppError::internal())?;
    Ok((
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pgp-encrypted"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        content.text,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_name_cannot_break_the_header() {
        assert_eq!(
            disposition("report.pdf"),
            "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf"
        );
        let d = disposition("a\"b\r\nc d.txt");
        assert!(d.starts_with("attachment; filename=\"a_b__c_d.txt\";"));
        assert!(HeaderValue::from_str(&d).is_ok());
        assert!(HeaderValue::from_str(&disposition("تقرير.pdf")).is_ok());
    }
}
