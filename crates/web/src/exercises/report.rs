//! The after-action report: per State and overall — the timeline of
//! injects, each expectation met, late or missed with its times, the
//! response-time figures, the facilitator's comments and the survey's
//! answers. A page to print in the reader's language, and JSON. Each
//! State's PoCs see their State's part; the secretariat sees all.

use crate::communications::view::{name_of, state_names, when};
use crate::exercises::console::{banner, expectation_rows, ExpectationRow};
use crate::exercises::{service, settings, shown_refusal};
use crate::http::error::AppError;
use crate::http::extract::PathParams;
use crate::http::identity::SignedIn;
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_communications::exercises::AfterAction;
use pocdir_domain::exercise::run::{ExerciseStatus, Tally};
use pocdir_domain::policy::ExerciseView;
use pocdir_i18n::FluentArg;
use serde::Serialize;

pub struct Figures {
    pub met: u32,
    pub late: u32,
    pub missed: u32,
    pub pending: u32,
    pub points: u32,
    pub possible: u32,
    pub percent: String,
    pub median: String,
    pub slowest: String,
}

fn duration_text(page: &PageCtx, seconds: Option<i64>) -> String {
    match seconds {
        None => "—".into(),
        Some(s) => page.tr.t_args(
            "exercise-duration",
            &[
                ("minutes", FluentArg::Number(s / 60)),
                ("seconds", FluentArg::Number(s % 60)),
            ],
        ),
    }
}

fn figures(page: &PageCtx, t: &Tally) -> Figures {
    Figures {
        met: t.met,
        late: t.late,
        missed: t.missed,
        pending: t.pending,
        points: t.points,
        possible: t.possible,
        percent: t
            .percent()
            .map(|p| format!("{p} %"))
            .unwrap_or_else(|| "—".into()),
        median: duration_text(page, t.median_seconds()),
        slowest: duration_text(page, t.slowest_seconds()),
    }
}

pub struct PlayedRow {
    pub key: String,
    pub subject: String,
    pub sent: String,
    pub states: String,
}

pub struct PlayerRow {
    pub name: String,
    pub inject: String,
    pub delivered: String,
    pub acknowledged: String,
    pub replied: String,
    pub reply: String,
    pub escalated: String,
}

pub struct FeedbackRow {
    pub rating: u8,
    pub went_well: String,
    pub to_improve: String,
}

pub struct StateSection {
    pub code: String,
    pub name: String,
    pub figures: Figures,
    pub expectations: Vec<ExpectationRow>,
    pub players: Vec<PlayerRow>,
    pub feedback: Vec<FeedbackRow>,
}

pub struct ImprovementRow {
    pub state: String,
    pub issue: String,
    pub recommendation: String,
    pub owner: String,
    pub due_date: String,
}

pub struct StateChoice {
    pub code: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "exercises/report.html")]
pub struct ReportPage {
    pub page: PageCtx,
    pub banner: String,
    pub id: i64,
    pub title: String,
    pub level: String,
    pub status: String,
    pub ended: bool,
    pub all: bool,
    pub objectives: Vec<String>,
    pub played: Vec<PlayedRow>,
    pub overall: Option<Figures>,
    pub states: Vec<StateSection>,
    /// The reader may still answer the survey.
    pub survey_open: bool,
    pub improvements: Vec<ImprovementRow>,
    /// The exercise's States, for the improvement plan's form.
    pub state_choices: Vec<StateChoice>,
    pub error: Option<String>,
}

async fn load(state: &AppState, me: &SignedIn, id: i64) -> Result<AfterAction, AppError> {
    let settings = settings(state);
    Ok(service(state, &settings)
        .report(&me.requester(), id)
        .await?)
}

/// `GET /exercises/{id}/report`.
pub async fn page(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let p = report_page(&state, page, &me, id, None).await?;
    Ok(render(StatusCode::OK, &p))
}

async fn report_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    error: Option<String>,
) -> Result<ReportPage, AppError> {
    let r = load(state, me, id).await?;
    let names = state_names(state, &page).await?;
    let scenario = &r.loaded.scenario;
    let subject_of = |key: &str| {
        scenario
            .inject(key)
            .map(|p| {
                p.localized(page.lang_code(), &scenario.language)
                    .0
                    .to_string()
            })
            .unwrap_or_else(|| key.to_string())
    };
    let ex = &r.loaded.exercise;
    let played = r
        .played
        .iter()
        .map(|p| PlayedRow {
            key: p.key.clone(),
            subject: subject_of(&p.key),
            sent: when(&page, p.sent_at),
            states: p
                .states
                .iter()
                .map(|s| name_of(&names, s))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let stamp = |t: Option<time::OffsetDateTime>| t.map(|t| when(&page, t)).unwrap_or_default();
    let states = r
        .states
        .iter()
        .map(|s| StateSection {
            code: s.state.clone(),
            name: name_of(&names, &s.state),
            figures: figures(&page, &s.tally),
            expectations: expectation_rows(&page, &s.expectations, &names, scenario),
            players: s
                .deliveries
                .iter()
                .map(|d| PlayerRow {
                    name: d.name.clone(),
                    inject: subject_of(&d.inject_key),
                    delivered: when(&page, d.delivered_at),
                    acknowledged: stamp(d.acknowledged_at),
                    replied: stamp(d.replied_at),
                    reply: d.reply.clone().unwrap_or_default(),
                    escalated: stamp(d.escalated_at),
                })
                .collect(),
            feedback: s
                .feedback
                .iter()
                .map(|f| FeedbackRow {
                    rating: f.rating,
                    went_well: f.went_well.clone(),
                    to_improve: f.to_improve.clone(),
                })
                .collect(),
        })
        .collect();
    let survey_open =
        ex.status == ExerciseStatus::Ended && matches!(r.view, ExerciseView::State(_)) && {
            let settings = settings(state);
            service(state, &settings)
                .surveys_open(&me.requester())
                .await?
                .iter()
                .any(|e| e.id == id)
        };
    let improvements = r
        .improvements
        .iter()
        .map(|l| ImprovementRow {
            state: l
                .state
                .as_deref()
                .map(|s| name_of(&names, s))
                .unwrap_or_else(|| page.t("exercise-overall")),
            issue: l.issue.clone(),
            recommendation: l.recommendation.clone(),
            owner: l.owner.clone(),
            due_date: l.due_date.clone(),
        })
        .collect();
    let state_choices = ex
        .states
        .iter()
        .map(|s| StateChoice {
            code: s.clone(),
            name: name_of(&names, s),
        })
        .collect();
    Ok(ReportPage {
        banner: banner(&page, &ex.title),
        id,
        title: ex.title.clone(),
        level: page.t(ex.level.label_message()),
        status: page.t(ex.status.label_message()),
        ended: ex.status == ExerciseStatus::Ended,
        all: r.view == ExerciseView::All,
        objectives: scenario.objectives.clone(),
        played,
        overall: r.overall.as_ref().map(|t| figures(&page, t)),
        states,
        survey_open,
        improvements,
        state_choices,
        error,
        page,
    })
}

#[derive(Serialize)]
struct JsonTally {
    met: u32,
    late: u32,
    missed: u32,
    pending: u32,
    points: u32,
    possible: u32,
    median_response_seconds: Option<i64>,
    slowest_response_seconds: Option<i64>,
}

impl From<&Tally> for JsonTally {
    fn from(t: &Tally) -> Self {
        JsonTally {
            met: t.met,
            late: t.late,
            missed: t.missed,
            pending: t.pending,
            points: t.points,
            possible: t.possible,
            median_response_seconds: t.median_seconds(),
            slowest_response_seconds: t.slowest_seconds(),
        }
    }
}

#[derive(Serialize)]
struct JsonExpectation {
    inject: String,
    kind: &'static str,
    deadline: String,
    score: u32,
    outcome: &'static str,
    done_at: Option<String>,
    validated: bool,
    comment: Option<String>,
}

#[derive(Serialize)]
struct JsonState {
    state: String,
    figures: JsonTally,
    expectations: Vec<JsonExpectation>,
    survey: Vec<JsonFeedback>,
}

#[derive(Serialize)]
struct JsonFeedback {
    rating: u8,
    went_well: String,
    to_improve: String,
}

#[derive(Serialize)]
struct JsonPlayed {
    inject: String,
    sent_at: String,
    states: Vec<String>,
}

#[derive(Serialize)]
struct JsonReport {
    exercise: i64,
    title: String,
    level: &'static str,
    status: &'static str,
    started_at: Option<String>,
    ended_at: Option<String>,
    timeline: Vec<JsonPlayed>,
    overall: Option<JsonTally>,
    states: Vec<JsonState>,
    improvements: Vec<JsonImprovement>,
}

#[derive(Serialize)]
struct JsonImprovement {
    /// None: every State.
    state: Option<String>,
    issue: String,
    recommendation: String,
    owner: String,
    due_date: String,
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// `GET /exercises/{id}/report.json`: the same report, as data.
pub async fn json(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let r = load(&state, &me, id).await?;
    let ex = &r.loaded.exercise;
    let report = JsonReport {
        exercise: ex.id,
        title: ex.title.clone(),
        level: ex.level.as_str(),
        status: ex.status.as_str(),
        started_at: ex.started_at.map(rfc3339),
        ended_at: ex.ended_at.map(rfc3339),
        timeline: r
            .played
            .iter()
            .map(|p| JsonPlayed {
                inject: p.key.clone(),
                sent_at: rfc3339(p.sent_at),
                states: p.states.clone(),
            })
            .collect(),
        overall: r.overall.as_ref().map(JsonTally::from),
        states: r
            .states
            .iter()
            .map(|s| JsonState {
                state: s.state.clone(),
                figures: JsonTally::from(&s.tally),
                expectations: s
                    .expectations
                    .iter()
                    .map(|x| JsonExpectation {
                        inject: x.inject_key.clone(),
                        kind: x.kind.as_str(),
                        deadline: rfc3339(x.deadline),
                        score: x.score,
                        outcome: x.outcome.as_str(),
                        done_at: x.done_at.map(rfc3339),
                        validated: x.validated_at.is_some(),
                        comment: x.comment.clone(),
                    })
                    .collect(),
                survey: s
                    .feedback
                    .iter()
                    .map(|f| JsonFeedback {
                        rating: f.rating,
                        went_well: f.went_well.clone(),
                        to_improve: f.to_improve.clone(),
                    })
                    .collect(),
            })
            .collect(),
        improvements: r
            .improvements
            .iter()
            .map(|l| JsonImprovement {
                state: l.state.clone(),
                issue: l.issue.clone(),
                recommendation: l.recommendation.clone(),
                owner: l.owner.clone(),
                due_date: l.due_date.clone(),
            })
            .collect(),
    };
    let body = serde_json::to_string_pretty(&report).map_err(|_| AppError::internal())?;
    let disposition = HeaderValue::from_str(&format!(
        "attachment; filename=\"exercise-{id}-report.json\""
    ))
    .map_err(|_| AppError::internal())?;
    Ok((
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

#[derive(Debug, serde::Deserialize)]
pub struct ImprovementForm {
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub issue: String,
    #[serde(default)]
    pub recommendation: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due_date: String,
}

/// `POST /exercises/{id}/improvements`: a line of the improvement plan.
pub async fn add_improvement(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    crate::http::extract::FormData(form): crate::http::extract::FormData<ImprovementForm>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let state_code = (!form.state.trim().is_empty()).then_some(form.state.as_str());
    match service(&state, &settings)
        .add_improvement(
            &me.requester(),
            id,
            state_code,
            &form.issue,
            &form.recommendation,
            &form.owner,
            &form.due_date,
        )
        .await
    {
        Ok(_) => Ok(crate::http::page::see_other_done(
            &crate::http::page::safe_next(
                Some(&format!("/exercises/{id}/report#improvements")),
                "/exercises",
            ),
            "done-exercise-improvement",
        )),
        Err(e) => match shown_refusal(&page, &e) {
            Some((status, error)) => {
                let p = report_page(&state, page, &me, id, Some(error)).await?;
                Ok(render(status, &p))
            }
            None => Err(e.into()),
        },
    }
}
