//! The players' side of exercises: the exercise inbox (kept apart from the
//! real inbox), one inject with what the player can do about it
//! (acknowledge, reply, escalate to the State's diplomatic PoCs), and the
//! lessons-learned survey once an exercise has ended.

use crate::communications::view::{when, TlpView};
use crate::exercises::console::{banner, outcome_class, status_class};
use crate::exercises::{service, settings, shown_refusal};
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_communications::exercises::{PlayerChoice, PlayerInject};
use pocdir_domain::account::AccountKind;
use pocdir_domain::exercise::run::ExerciseStatus;
use serde::Deserialize;

pub struct InboxRow {
    pub inject_id: i64,
    pub exercise: String,
    pub exercise_status: String,
    pub status_class: &'static str,
    pub subject: String,
    pub tlp: TlpView,
    pub delivered: String,
    pub unread: bool,
    pub acknowledged: bool,
}

pub struct SurveyRow {
    pub id: i64,
    pub title: String,
}

pub struct ReportLink {
    pub id: i64,
    pub title: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "exercises/mine.html")]
pub struct InboxPage {
    pub page: PageCtx,
    pub rows: Vec<InboxRow>,
    pub surveys: Vec<SurveyRow>,
    pub reports: Vec<ReportLink>,
}

/// `GET /exercises/mine`: the player's exercise inbox, surveys to answer
/// and the reports of the exercises the player's State played.
pub async fn inbox(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let svc = service(&state, &settings);
    let who = me.requester();
    let lines = svc.inbox(&who, page.lang_code()).await?;
    let rows = lines
        .into_iter()
        .map(|l| InboxRow {
            inject_id: l.delivery.inject_id,
            exercise: l.exercise_title,
            exercise_status: page.t(l.exercise_status.label_message()),
            status_class: status_class(l.exercise_status),
            subject: l.subject,
            tlp: TlpView::of(&page, l.tlp),
            delivered: when(&page, l.delivery.delivered_at),
            unread: l.delivery.read_at.is_none(),
            acknowledged: l.delivery.acknowledged_at.is_some(),
        })
        .collect();
    let surveys = svc
        .surveys_open(&who)
        .await?
        .into_iter()
        .map(|e| SurveyRow {
            id: e.id,
            title: e.title,
        })
        .collect();
    let reports = svc
        .reports_for(&who)
        .await?
        .into_iter()
        .map(|e| ReportLink {
            id: e.id,
            title: e.title,
            status: page.t(e.status.label_message()),
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &InboxPage {
            page,
            rows,
            surveys,
            reports,
        },
    ))
}

pub struct ExpectationLine {
    pub kind: String,
    pub deadline: String,
    pub outcome: String,
    pub outcome_class: &'static str,
}

#[derive(Template)]
#[template(path = "exercises/inject.html")]
pub struct InjectPage {
    pub page: PageCtx,
    pub banner: String,
    pub inject_id: i64,
    pub exercise: String,
    pub exercise_status: String,
    pub running: bool,
    pub from: String,
    pub channel: String,
    pub tlp: TlpView,
    pub subject: String,
    pub text: String,
    pub text_lang: String,
    pub delivered: String,
    pub acknowledged: String,
    pub replied: String,
    pub reply: String,
    /// A reply typed and refused, given back.
    pub draft: String,
    pub escalated: String,
    pub may_escalate: bool,
    pub expectations: Vec<ExpectationLine>,
    pub error: Option<String>,
}

fn inject_page(page: PageCtx, me: &SignedIn, o: PlayerInject, error: Option<String>) -> InjectPage {
    let lang = page.lang_code();
    let (subject, text) = o.plan.localized(lang, &o.scenario_language);
    let text_lang = if o.plan.text.contains_key(lang) {
        lang.to_string()
    } else {
        o.scenario_language.clone()
    };
    let d = &o.delivery;
    let stamp = |t: Option<time::OffsetDateTime>| t.map(|t| when(&page, t)).unwrap_or_default();
    InjectPage {
        banner: banner(&page, &o.exercise.title),
        inject_id: d.inject_id,
        exercise: o.exercise.title.clone(),
        exercise_status: page.t(o.exercise.status.label_message()),
        running: o.exercise.status == ExerciseStatus::Running,
        from: o.actor_name.clone(),
        channel: page.t(o.plan.channel.label_message()),
        tlp: TlpView::of(&page, o.plan.tlp),
        subject: subject.to_string(),
        text: text.to_string(),
        text_lang,
        delivered: when(&page, d.delivered_at),
        acknowledged: stamp(d.acknowledged_at),
        replied: stamp(d.replied_at),
        reply: d.reply.clone().unwrap_or_default(),
        draft: String::new(),
        escalated: stamp(d.escalated_at),
        may_escalate: me.actor.kind == AccountKind::TechnicalPoc && d.escalated_at.is_none(),
        expectations: o
            .expectations
            .iter()
            .map(|x| ExpectationLine {
                kind: page.t(x.kind.label_message()),
                deadline: when(&page, x.deadline),
                outcome: page.t(x.outcome.label_message()),
                outcome_class: outcome_class(x.outcome),
            })
            .collect(),
        error,
        page,
    }
}

/// `GET /exercises/injects/{id}`: one inject, the player's own copy.
pub async fn inject(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let opened = service(&state, &settings).open(&me.requester(), id).await?;
    Ok(render(
        StatusCode::OK,
        &inject_page(page, &me, opened, None),
    ))
}

#[derive(Debug, Deserialize)]
pub struct ActForm {
    #[serde(default)]
    pub act: String,
    #[serde(default)]
    pub reply: String,
}

/// `POST /exercises/injects/{id}/act`: acknowledge, reply or escalate.
pub async fn act(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<ActForm>,
) -> Result<Response, AppError> {
    let choice = match form.act.trim() {
        "acknowledge" => PlayerChoice::Acknowledge,
        "reply" => PlayerChoice::Reply(form.reply.clone()),
        "escalate" => PlayerChoice::Escalate,
        _ => return Err(AppError::bad_request("exercise-field-act")),
    };
    let settings = settings(&state);
    let svc = service(&state, &settings);
    let who = me.requester();
    let done = match &choice {
        PlayerChoice::Acknowledge => "done-exercise-acknowledged",
        PlayerChoice::Reply(_) => "done-exercise-replied",
        PlayerChoice::Escalate => "done-exercise-escalated",
    };
    match svc.act(&who, id, choice).await {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some(&format!("/exercises/injects/{id}")), "/exercises/mine"),
            done,
        )),
        Err(e) => match shown_refusal(&page, &e) {
            Some((status, message)) => {
                let opened = svc.open(&who, id).await?;
                let mut p = inject_page(page, &me, opened, Some(message));
                // Keep what the player typed.
                p.draft = form.reply.clone();
                Ok(render(status, &p))
            }
            None => Err(e.into()),
        },
    }
}

#[derive(Debug, Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub went_well: String,
    #[serde(default)]
    pub to_improve: String,
}

/// `POST /exercises/{id}/feedback`: the lessons-learned survey.
pub async fn feedback(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<FeedbackForm>,
) -> Result<Response, AppError> {
    let rating = form.rating.trim().parse::<u8>().unwrap_or(0);
    let settings = settings(&state);
    service(&state, &settings)
        .feedback(
            &me.requester(),
            id,
            rating,
            &form.went_well,
            &form.to_improve,
        )
        .await?;
    Ok(see_other_done(
        &safe_next(Some(&format!("/exercises/{id}/report")), "/exercises/mine"),
        "done-exercise-feedback",
    ))
}
