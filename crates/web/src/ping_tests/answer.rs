//! Answering a ping test: the page a mailed link opens (`GET /ping/{token}`,
//! which records nothing: mail scanners and link previews fetch links),
//! its one button (`POST /ping/{token}`, which records the answer), and
//! the button on a PoC's home (`POST /ping-tests/challenges/{id}/answer`).
//!
//! The token is the proof: it is never logged (these pages render their
//! own refusals, so the error layer never logs their path) and no page
//! sends it on (the frame's `Referrer-Policy: no-referrer`).

use crate::communications::view::when;
use crate::http::error::AppError;
use crate::http::extract::PathParams;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::ping_tests::{service, settings};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::ping_test::challenge::{AnswerChannel, AnswerRefusal, Outcome};
use pocdir_ping_tests::PingError;

#[derive(Template)]
#[template(path = "ping_tests/confirm.html")]
pub struct ConfirmPage {
    pub page: PageCtx,
    pub action: String,
    pub title: String,
    pub answer_by: String,
    pub late: bool,
}

#[derive(Template)]
#[template(path = "ping_tests/answered.html")]
pub struct AnsweredPage {
    pub page: PageCtx,
    pub title: String,
    pub at: String,
    pub late: bool,
}

#[derive(Template)]
#[template(path = "ping_tests/refused.html")]
pub struct RefusedPage {
    pub page: PageCtx,
    pub reason: &'static str,
    pub message: String,
}

fn refusal_status(refusal: AnswerRefusal) -> StatusCode {
    match refusal {
        AnswerRefusal::Unknown => StatusCode::NOT_FOUND,
        AnswerRefusal::Used => StatusCode::CONFLICT,
        AnswerRefusal::Expired | AnswerRefusal::Cancelled => StatusCode::GONE,
    }
}

/// A refusal as its own page (404, 409 or 410), in the reader's language.
fn refused(page: PageCtx, refusal: AnswerRefusal) -> Response {
    let status = refusal_status(refusal);
    let message = page.t(refusal.message());
    render(
        status,
        &RefusedPage {
            reason: refusal.as_str(),
            message,
            page,
        },
    )
}

/// The page behind the mailed link: what it is and one button. Records nothing.
pub async fn confirm_page(
    State(state): State<AppState>,
    page: PageCtx,
    PathParams(token): PathParams<String>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    match service(&state, &settings).pending(&token).await {
        Ok(pending) => {
            let p = ConfirmPage {
                action: format!("/ping/{}", token.trim()),
                title: pending.campaign_title,
                answer_by: when(&page, pending.answer_by),
                late: pending.late,
                page,
            };
            Ok(render(StatusCode::OK, &p))
        }
        Err(PingError::Refused(refusal)) => Ok(refused(page, refusal)),
        // Not a token's fault: the error page, which does not name the path.
        Err(PingError::NotFound) => Ok(refused(page, AnswerRefusal::Unknown)),
        Err(e) => Err(e.into()),
    }
}

/// The button: records the answer (once) and thanks.
pub async fn confirm_submit(
    State(state): State<AppState>,
    page: PageCtx,
    PathParams(token): PathParams<String>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let answered = service(&state, &settings)
        .answer_with_token(&state.ping_answers, &token, AnswerChannel::Link)
        .await;
    match answered {
        Ok(a) => {
            let p = AnsweredPage {
                title: a.campaign_title,
                at: when(&page, a.at),
                late: a.outcome == Outcome::Late,
                page,
            };
            Ok(render(StatusCode::OK, &p))
        }
        Err(PingError::Refused(refusal)) => Ok(refused(page, refusal)),
        Err(PingError::NotFound) => Ok(refused(page, AnswerRefusal::Unknown)),
        Err(e) => Err(e.into()),
    }
}

/// The button on a PoC's home: answers its own challenge, signed in.
pub async fn answer_in_portal(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let answered = service(&state, &settings)
        .answer_signed_in(
            &state.ping_answers,
            &me.requester(),
            id,
            AnswerChannel::Portal,
        )
        .await?;
    let done = if answered.outcome == Outcome::Late {
        "done-ping-test-answered-late"
    } else {
        "done-ping-test-answered"
    };
    Ok(see_other_done(&safe_next(Some("/"), "/"), done))
}
