//! The operator's view of the outbox: how many mails are queued, sent and
//! given up, and the latest ones with their attempts and last error, so a
//! secretariat sees at once when reminders are not getting out.

use crate::http::error::AppError;
use crate::http::format::local;
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_store::{MailCounts, MailStatus};

/// How many of the latest mails the page lists.
const LATEST: u32 = 100;

pub struct MailRow {
    pub status: String,
    pub failed: bool,
    pub recipient: String,
    pub subject: String,
    pub participant: String,
    pub attempts: i64,
    pub last_error: String,
    pub created: String,
    /// When it was sent, or when it is tried next.
    pub when: String,
}

#[derive(Template)]
#[template(path = "outbox/outbox.html")]
pub struct OutboxPage {
    pub page: PageCtx,
    pub counts: MailCounts,
    /// Queued mails started and not finished: being sent, or interrupted
    /// mid-send (they go out again, with the same Message-ID).
    pub in_flight: i64,
    /// The latest mails, newest first.
    pub rows: Vec<MailRow>,
}

/// Fluent id of a mail's status.
fn status_label(status: MailStatus) -> &'static str {
    match status {
        MailStatus::Queued => "outbox-status-queued",
        MailStatus::Sent => "outbox-status-sent",
        MailStatus::Failed => "outbox-status-failed",
    }
}

pub async fn page(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let counts = state.store.mail_counts().await?;
    let in_flight = state.store.mails_in_flight().await?;
    let rows = state
        .store
        .mails(None, LATEST)
        .await?
        .into_iter()
        .map(|m| MailRow {
            status: page.t(status_label(m.status)),
            failed: m.status == MailStatus::Failed,
            when: match m.status {
                MailStatus::Sent => m
                    .sent_at
                    .map(|t| local::minute(&page.tr, t))
                    .unwrap_or_default(),
                MailStatus::Queued => local::minute(&page.tr, m.next_attempt_at),
                MailStatus::Failed => String::new(),
            },
            recipient: m.recipient,
            subject: m.subject,
            participant: m.participant.unwrap_or_default(),
            attempts: m.attempts,
            last_error: m.last_error.unwrap_or_default(),
            created: local::minute(&page.tr, m.created_at),
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &OutboxPage {
            page,
            counts,
            in_flight,
            rows,
        },
    ))
}
