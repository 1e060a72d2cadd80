//! The secretariat's side of exercises: the list and the form that
//! prepares one, the facilitator's console and its steps, the judgement of
//! an expectation by hand, the scenario's export.

use crate::communications::view::{name_of, state_names, when, TlpView};
use crate::exercises::{service, settings, shown_refusal};
use crate::http::error::AppError;
use crate::http::extract::{FormData, MultipartForm, PathParams};
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_communications::exercises::{Console, ExerciseFailure};
use pocdir_domain::directory::participant::ParticipationStatus;
use pocdir_domain::exercise::examples;
use pocdir_domain::exercise::run::{ExerciseStatus, ExerciseStep, Outcome};
use pocdir_domain::exercise::scenario::{Scenario, ScenarioRefusal};
use pocdir_i18n::FluentArg;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The exercise banner's words, for every page of an exercise.
pub fn banner(page: &PageCtx, title: &str) -> String {
    page.tr.t1("exercise-banner", "title", title)
}

pub struct ExerciseRow {
    pub id: i64,
    pub title: String,
    pub level: String,
    pub status: String,
    pub status_class: &'static str,
    pub states: String,
    pub created: String,
}

pub fn status_class(status: ExerciseStatus) -> &'static str {
    match status {
        ExerciseStatus::Running => "pending",
        ExerciseStatus::Paused => "overdue",
        ExerciseStatus::Draft | ExerciseStatus::Ended => "",
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "exercises/list.html")]
pub struct ListPage {
    pub page: PageCtx,
    pub rows: Vec<ExerciseRow>,
    pub examples: Vec<Choice>,
    pub states: Vec<Choice>,
    /// Why the last form was refused, each line said in full.
    pub problems: Vec<String>,
}

async fn list_page(
    state: &AppState,
    page: PageCtx,
    chosen: &[String],
    example: &str,
    problems: Vec<String>,
) -> Result<ListPage, AppError> {
    let settings = settings(state);
    let exercises = service(state, &settings).list().await?;
    let names = state_names(state, &page).await?;
    let rows = exercises
        .iter()
        .map(|e| ExerciseRow {
            id: e.id,
            title: e.title.clone(),
            level: page.t(e.level.label_message()),
            status: page.t(e.status.label_message()),
            status_class: status_class(e.status),
            states: e
                .states
                .iter()
                .map(|s| name_of(&names, s))
                .collect::<Vec<_>>()
                .join(", "),
            created: when(&page, e.created_at),
        })
        .collect();
    let mut states: Vec<Choice> = state
        .store
        .participants()
        .await?
        .into_iter()
        .filter(|p| p.status == ParticipationStatus::Participating)
        .map(|p| Choice {
            checked: chosen.contains(&p.code),
            label: name_of(&names, &p.code),
            value: p.code,
        })
        .collect();
    states.sort_by(|a, b| a.label.cmp(&b.label));
    let examples = examples::ALL
        .iter()
        .filter_map(|(key, text)| {
            let s = Scenario::from_json(text.as_bytes()).ok()?;
            Some(Choice {
                value: key.to_string(),
                label: format!("{} — {}", s.title, page.t(s.level.label_message())),
                checked: *key == example,
            })
        })
        .collect();
    Ok(ListPage {
        page,
        rows,
        examples,
        states,
        problems,
    })
}

/// `GET /exercises`: the exercises, newest first, and the form.
pub async fn list(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let p = list_page(&state, page, &[], "", Vec::new()).await?;
    Ok(render(StatusCode::OK, &p))
}

/// Every line of a refusal, in the reader's language.
fn problem_lines(page: &PageCtx, e: &ExerciseFailure) -> Vec<String> {
    match e {
        ExerciseFailure::Scenario(ScenarioRefusal::TooLarge) => {
            vec![page.t("exercise-scenario-too-large")]
        }
        ExerciseFailure::Scenario(ScenarioRefusal::Unreadable(why)) => {
            vec![page.tr.t1("exercise-scenario-unreadable", "why", why)]
        }
        ExerciseFailure::Scenario(ScenarioRefusal::Invalid(problems)) => problems
            .iter()
            .map(|p| format!("{}: {}", p.field, page.t(p.message_id)))
            .collect(),
        ExerciseFailure::States(codes) => {
            vec![page
                .tr
                .t1("exercise-refused-states", "states", &codes.join(", "))]
        }
        ExerciseFailure::Outside(codes) => {
            vec![page
                .tr
                .t1("exercise-refused-outside", "states", &codes.join(", "))]
        }
        ExerciseFailure::Invalid(fields) => fields.iter().map(|f| page.t(f.message_id)).collect(),
        _ => Vec::new(),
    }
}

/// `POST /exercises`: prepares an exercise from an example or a file.
pub async fn prepare(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    form: MultipartForm,
) -> Result<Response, AppError> {
    let states = form.texts("states");
    let example = form.text("example");
    let files = form.files("scenario");
    let settings = settings(&state);
    let svc = service(&state, &settings);
    let who = me.requester();
    let result = match files.first() {
        Some((_, bytes)) => svc.prepare(&who, bytes, &states).await,
        None if !example.is_empty() => svc.prepare_example(&who, &example, &states).await,
        None => Err(ExerciseFailure::Invalid(vec![
            pocdir_domain::directory::poc::FieldError {
                field: "scenario".into(),
                message_id: "exercise-field-scenario",
            },
        ])),
    };
    match result {
        Ok(id) => Ok(see_other_done(
            &safe_next(Some(&format!("/exercises/{id}")), "/exercises"),
            "done-exercise-prepared",
        )),
        Err(e) => {
            let lines = problem_lines(&page, &e);
            if lines.is_empty() {
                return Err(e.into());
            }
            let status = match &e {
                ExerciseFailure::Scenario(ScenarioRefusal::TooLarge) => {
                    StatusCode::PAYLOAD_TOO_LARGE
                }
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let p = list_page(&state, page, &states, &example, lines).await?;
            Ok(render(status, &p))
        }
    }
}

pub struct TimelineRow {
    pub key: String,
    pub at_minutes: u32,
    pub channel: String,
    pub from: String,
    pub subject: String,
    pub tlp: TlpView,
    pub status: String,
    pub status_class: &'static str,
    pub when: String,
    pub states: String,
    pub conditional: bool,
}

#[derive(Clone)]
pub struct ExpectationRow {
    pub id: i64,
    pub inject: String,
    pub state: String,
    pub kind: String,
    pub deadline: String,
    pub score: u32,
    pub outcome: String,
    pub outcome_class: &'static str,
    pub done: String,
    pub comment: String,
    pub manual_pending: bool,
    pub description: String,
}

pub fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "good",
        Outcome::Late => "pending",
        Outcome::Missed => "overdue",
        Outcome::Pending => "",
    }
}

pub struct StepButton {
    pub value: &'static str,
    pub label: String,
}

#[derive(Template)]
#[template(path = "exercises/console.html")]
pub struct ConsolePage {
    pub page: PageCtx,
    pub banner: String,
    pub id: i64,
    pub title: String,
    pub level: String,
    pub status: String,
    pub status_class: &'static str,
    pub elapsed: String,
    pub states: String,
    pub objectives: Vec<String>,
    pub steps: Vec<StepButton>,
    pub timeline: Vec<TimelineRow>,
    pub expectations: Vec<ExpectationRow>,
    pub to_validate: Vec<ExpectationRow>,
    pub players_acted: String,
    pub has_report: bool,
    /// Running or paused: the facilitator may add an ad-hoc inject.
    pub may_add: bool,
    pub error: Option<String>,
}

fn minutes_text(page: &PageCtx, minutes: i64) -> String {
    page.tr.t_args(
        "exercise-minutes",
        &[("minutes", FluentArg::Number(minutes))],
    )
}

pub fn expectation_rows(
    page: &PageCtx,
    console_or_report: &[pocdir_store::ExpectationRecord],
    names: &BTreeMap<String, String>,
    scenario: &Scenario,
) -> Vec<ExpectationRow> {
    console_or_report
        .iter()
        .map(|x| {
            let plan = scenario.inject(&x.inject_key);
            ExpectationRow {
                id: x.id,
                inject: plan
                    .map(|p| {
                        p.localized(page.lang_code(), &scenario.language)
                            .0
                            .to_string()
                    })
                    .unwrap_or_else(|| x.inject_key.clone()),
                state: name_of(names, &x.state),
                kind: page.t(x.kind.label_message()),
                deadline: when(page, x.deadline),
                score: x.score,
                outcome: page.t(x.outcome.label_message()),
                outcome_class: outcome_class(x.outcome),
                done: x.done_at.map(|d| when(page, d)).unwrap_or_default(),
                comment: x.comment.clone().unwrap_or_default(),
                manual_pending: x.kind
                    == pocdir_domain::exercise::scenario::ExpectationKind::Manual
                    && x.validated_at.is_none(),
                description: plan
                    .and_then(|p| p.expect.iter().find(|e| e.kind == x.kind))
                    .and_then(|e| e.description.clone())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

async fn console_page(
    state: &AppState,
    page: PageCtx,
    id: i64,
    error: Option<String>,
) -> Result<ConsolePage, AppError> {
    let settings = settings(state);
    let c: Console = service(state, &settings).console(id).await?;
    let names = state_names(state, &page).await?;
    let ex = &c.loaded.exercise;
    let scenario = &c.loaded.scenario;
    let timeline = c
        .timeline
        .iter()
        .map(|t| {
            let (status, class) = match (&t.played, t.due_at) {
                (Some(p), _) if p.states.is_empty() => ("exercise-inject-skipped", ""),
                (Some(_), _) => ("exercise-inject-sent", "good"),
                (None, Some(_)) => ("exercise-inject-due", "pending"),
                (None, None) => ("exercise-inject-waiting", ""),
            };
            TimelineRow {
                key: t.plan.key.clone(),
                at_minutes: t.plan.at_minutes,
                channel: page.t(t.plan.channel.label_message()),
                from: scenario
                    .actor(&t.plan.from)
                    .map(|a| a.name.clone())
                    .unwrap_or_else(|| t.plan.from.clone()),
                subject: t
                    .plan
                    .localized(page.lang_code(), &scenario.language)
                    .0
                    .to_string(),
                tlp: TlpView::of(&page, t.plan.tlp),
                status: page.t(status),
                status_class: class,
                when: match (&t.played, t.due_at) {
                    (Some(p), _) => when(&page, p.sent_at),
                    (None, Some(d)) => when(&page, d),
                    _ => String::new(),
                },
                states: t
                    .played
                    .as_ref()
                    .map(|p| {
                        p.states
                            .iter()
                            .map(|s| name_of(&names, s))
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default(),
                conditional: t.plan.condition.is_some(),
            }
        })
        .collect();
    let expectations = expectation_rows(&page, &c.expectations, &names, scenario);
    let to_validate = expectations
        .iter()
        .filter(|x| x.manual_pending)
        .cloned()
        .collect();

    Ok(ConsolePage {
        banner: banner(&page, &ex.title),
        id: ex.id,
        title: ex.title.clone(),
        level: page.t(ex.level.label_message()),
        status: page.t(ex.status.label_message()),
        status_class: status_class(ex.status),
        elapsed: minutes_text(&page, c.elapsed.whole_minutes()),
        states: ex
            .states
            .iter()
            .map(|s| name_of(&names, s))
            .collect::<Vec<_>>()
            .join(", "),
        objectives: scenario.objectives.clone(),
        steps: ex
            .status
            .steps()
            .into_iter()
            .map(|s| StepButton {
                value: s.as_str(),
                label: page.t(s.label_message()),
            })
            .collect(),
        timeline,
        expectations,
        to_validate,
        players_acted: page.tr.t_args(
            "exercise-players-acted",
            &[
                ("acted", FluentArg::Number(c.acted)),
                ("players", FluentArg::Number(c.deliveries)),
            ],
        ),
        has_report: ex.status != ExerciseStatus::Draft,
        may_add: matches!(ex.status, ExerciseStatus::Running | ExerciseStatus::Paused),
        error,
        page,
    })
}

/// `GET /exercises/{id}`: the facilitator's console.
pub async fn console(
    State(state): State<AppState>,
    page: PageCtx,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let p = console_page(&state, page, id, None).await?;
    Ok(render(StatusCode::OK, &p))
}

#[derive(Debug, Deserialize)]
pub struct StepForm {
    #[serde(default)]
    pub step: String,
}

/// `POST /exercises/{id}/step`: start, pause, resume or end.
pub async fn step(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<StepForm>,
) -> Result<Response, AppError> {
    let Some(step) = ExerciseStep::parse(form.step.trim()) else {
        return Err(AppError::bad_request("exercise-field-step"));
    };
    let settings = settings(&state);
    match service(&state, &settings)
        .step(&me.requester(), id, step)
        .await
    {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some(&format!("/exercises/{id}")), "/exercises"),
            match step {
                ExerciseStep::Start => "done-exercise-started",
                ExerciseStep::Pause => "done-exercise-paused",
                ExerciseStep::Resume => "done-exercise-resumed",
                ExerciseStep::End => "done-exercise-ended",
            },
        )),
        Err(ExerciseFailure::Refused(message_id)) => {
            let error = Some(page.t(message_id));
            let p = console_page(&state, page, id, error).await?;
            Ok(render(StatusCode::CONFLICT, &p))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct ValidateForm {
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub comment: String,
}

/// `POST /exercises/{id}/expectations/{expectation}/validate`.
pub async fn validate(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams((id, expectation)): PathParams<(i64, i64)>,
    FormData(form): FormData<ValidateForm>,
) -> Result<Response, AppError> {
    let outcome = match form.outcome.trim() {
        "met" => Outcome::Met,
        "late" => Outcome::Late,
        "missed" => Outcome::Missed,
        _ => Outcome::Pending,
    };
    let settings = settings(&state);
    match service(&state, &settings)
        .validate(&me.requester(), id, expectation, outcome, &form.comment)
        .await
    {
        Ok(()) => Ok(see_other_done(
            &safe_next(Some(&format!("/exercises/{id}#validate")), "/exercises"),
            "done-exercise-validated",
        )),
        Err(e) => match shown_refusal(&page, &e) {
            Some((_, message)) => {
                let error = Some(message);
                let p = console_page(&state, page, id, error).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p))
            }
            None => Err(e.into()),
        },
    }
}

/// `GET /exercises/{id}/scenario.json`: the scenario as played, to keep in
/// the library or to prepare again.
pub async fn export_scenario(
    State(state): State<AppState>,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let loaded = service(&state, &settings).load(id).await?;
    let disposition = HeaderValue::from_str(&format!(
        "attachment; filename=\"exercise-{id}-scenario.json\""
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
        loaded.scenario.to_json(),
    )
        .into_response())
}

#[derive(Debug, Deserialize)]
pub struct AdHocForm {
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub roles: String,
    #[serde(default)]
    pub tlp: String,
    #[serde(default)]
    pub minute: String,
    #[serde(default)]
    pub acknowledge_within: String,
}

/// A number of minutes typed in a form: empty is None, anything but a
/// whole number up to a week is refused.
fn minutes(raw: &str) -> Result<Option<u32>, ()> {
    match raw.trim() {
        "" => Ok(None),
        t => t
            .parse::<u32>()
            .ok()
            .filter(|m| *m <= pocdir_domain::exercise::scenario::MAX_OFFSET_MINUTES)
            .map(Some)
            .ok_or(()),
    }
}

/// `POST /exercises/{id}/injects`: an ad-hoc inject from exercise control.
pub async fn add_inject(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<AdHocForm>,
) -> Result<Response, AppError> {
    use pocdir_communications::exercises::AdHocInject;
    use pocdir_domain::communication::delivery::RoleChoice;
    use pocdir_domain::communication::tlp::TlpLabel;
    let (Ok(at_minutes), Ok(acknowledge_within)) =
        (minutes(&form.minute), minutes(&form.acknowledge_within))
    else {
        let error = Some(page.t("exercise-field-minute"));
        let p = console_page(&state, page, id, error).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p));
    };
    let adhoc = AdHocInject {
        subject: form.subject.clone(),
        text: form.text.clone(),
        roles: form.roles.parse().unwrap_or(RoleChoice::Both),
        tlp: form
            .tlp
            .parse()
            .ok()
            .filter(|t| *t != TlpLabel::Red)
            .unwrap_or(TlpLabel::Green),
        at_minutes,
        acknowledge_within: acknowledge_within.filter(|m| *m > 0),
    };
    let settings = settings(&state);
    match service(&state, &settings)
        .add_inject(&me.requester(), id, adhoc)
        .await
    {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some(&format!("/exercises/{id}#timeline")), "/exercises"),
            "done-exercise-inject-added",
        )),
        Err(e) => match shown_refusal(&page, &e) {
            Some((status, error)) => {
                let p = console_page(&state, page, id, Some(error)).await?;
                Ok(render(status, &p))
            }
            None => Err(e.into()),
        },
    }
}
