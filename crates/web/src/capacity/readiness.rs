//! Readiness on the pages (`/capacity/readiness`): a State's
//! self-assessment and the action plan its gaps make, each gap a request
//! in one step; the secretariat's aggregate by region (withheld where too
//! few States answered) and the answers of the States that share them.

use super::steps::{self, Caller, Participants};
use crate::accounts::mail::mail_time;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, FormData};
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use pocdir_domain::account::AccountKind;
use pocdir_domain::capacity::readiness::{
    by_region, Assessment, ReadinessAnswer, ReadinessPoint, RegionReadiness, MIN_STATES_PER_REGION,
};
use pocdir_domain::capacity::{Area, Format};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use utoipa::ToSchema;

/// One point of the form: its label, and the answers with the one chosen.
pub struct PointRow {
    pub point: &'static str,
    pub label: String,
    pub answers: Vec<(&'static str, String, bool)>,
}

/// One gap of the plan.
pub struct PlanRow {
    pub point: &'static str,
    pub label: String,
    pub answer: String,
    pub action: String,
    pub area: String,
    pub format: String,
}

/// A region's aggregate: per point, yes / partly / no; None when withheld.
pub struct RegionRow {
    pub region: String,
    pub states: usize,
    pub points: Option<Vec<(String, [usize; 3])>>,
}

pub struct SharedRow {
    pub state: String,
    pub at: String,
    pub answers: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "capacity/readiness.html")]
struct ReadinessPage {
    page: PageCtx,
    coordinator: bool,
    may_assess: bool,
    assessed_at: Option<String>,
    shared: bool,
    ready: usize,
    points: Vec<PointRow>,
    plan: Vec<PlanRow>,
    regions: Vec<RegionRow>,
    shared_states: Vec<SharedRow>,
    min_states: usize,
    error: String,
}

impl ReadinessPage {
    fn min_count(&self) -> i64 {
        i64::try_from(self.min_states).unwrap_or(i64::MAX)
    }
    fn count(&self, n: &usize) -> i64 {
        i64::try_from(*n).unwrap_or(i64::MAX)
    }
}

/// A State's latest self-assessment, as the secretariat's views use it.
struct Latest {
    participant: String,
    assessment: Assessment,
    shared: bool,
    at: time::OffsetDateTime,
}

/// Every State's latest self-assessment, and their totals by region.
async fn regional(
    state: &AppState,
) -> Result<(Vec<Latest>, BTreeMap<String, RegionReadiness>), AppError> {
    let region_of: HashMap<String, String> = state
        .store
        .participants()
        .await?
        .into_iter()
        .map(|p| (p.code, p.region))
        .collect();
    let latest: Vec<Latest> = state
        .store
        .latest_readiness()
        .await?
        .into_iter()
        .filter_map(|r| {
            Assessment::from_text(&r.answers).map(|assessment| Latest {
                participant: r.participant,
                assessment,
                shared: r.shared,
                at: r.assessed_at,
            })
        })
        .collect();
    let grouped = by_region(latest.iter().map(|l| {
        (
            region_of
                .get(&l.participant)
                .map(String::as_str)
                .unwrap_or_default(),
            &l.assessment,
        )
    }));
    Ok((latest, grouped))
}

fn point_rows(page: &PageCtx, a: Option<&Assessment>) -> Vec<PointRow> {
    ReadinessPoint::ALL
        .iter()
        .map(|p| PointRow {
            point: p.as_str(),
            label: page.t(p.label_message()),
            answers: ReadinessAnswer::ALL
                .iter()
                .map(|ans| {
                    (
                        ans.as_str(),
                        page.t(ans.label_message()),
                        a.and_then(|a| a.0.get(p)) == Some(ans),
                    )
                })
                .collect(),
        })
        .collect()
}

fn plan_rows(page: &PageCtx, a: &Assessment) -> Vec<PlanRow> {
    a.gaps()
        .into_iter()
        .map(|(p, ans)| {
            let (area, format, action) = p.remedy();
            PlanRow {
                point: p.as_str(),
                label: page.t(p.label_message()),
                answer: page.t(ans.label_message()),
                action: page.t(action),
                area: page.t(area.label_message()),
                format: page.t(format.label_message()),
            }
        })
        .collect()
}

async fn readiness_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    status: StatusCode,
    error: String,
) -> Result<Response, AppError> {
    let coordinator = me.actor.kind == AccountKind::Secretariat;
    let c = Caller::of(state, me);
    let mut regions = Vec::new();
    let mut shared_states = Vec::new();
    let (mut assessed_at, mut shared, mut ready, mut points, mut plan) =
        (None, false, 0, point_rows(&page, None), Vec::new());
    if coordinator {
        let participants = Participants::load(state.store.as_ref()).await?;
        let (latest, grouped) = regional(state).await?;
        for (region, r) in grouped {
            let label = if region.is_empty() {
                "—".into()
            } else {
                page.region(&region)
            };
            regions.push(match r {
                RegionReadiness::Withheld => RegionRow {
                    region: label,
                    states: 0,
                    points: None,
                },
                RegionReadiness::Shown { states, points } => RegionRow {
                    region: label,
                    states,
                    points: Some(
                        points
                            .iter()
                            .map(|(p, n)| (page.t(p.label_message()), *n))
                            .collect(),
                    ),
                },
            });
        }
        for l in latest.iter().filter(|l| l.shared) {
            shared_states.push(SharedRow {
                state: participants.name(&l.participant, page.lang_code()),
                at: mail_time(l.at),
                answers: l
                    .assessment
                    .0
                    .iter()
                    .map(|(p, ans)| (page.t(p.label_message()), page.t(ans.label_message())))
                    .collect(),
            });
        }
    } else if let Some((a, record)) = steps::own_readiness(&c).await? {
        assessed_at = Some(mail_time(record.assessed_at));
        shared = record.shared;
        ready = a.ready();
        points = point_rows(&page, Some(&a));
        plan = plan_rows(&page, &a);
    }
    let may_assess = matches!(
        me.actor.kind,
        AccountKind::Nominator | AccountKind::DiplomaticPoc
    ) && me.actor.participant.is_some();
    Ok(render(
        status,
        &ReadinessPage {
            page,
            coordinator,
            may_assess,
            assessed_at,
            shared,
            ready,
            points,
            plan,
            regions,
            shared_states,
            min_states: MIN_STATES_PER_REGION,
            error,
        },
    ))
}

/// `GET /capacity/readiness`.
pub async fn page(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    readiness_page(&state, page, &me, StatusCode::OK, String::new()).await
}

/// `POST /capacity/readiness`: the answers (`<point>` = yes, partly, no)
/// and `shared`.
pub async fn assess(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let shared = form.iter().any(|(k, v)| k == "shared" && v == "on");
    let pairs: Vec<(String, String)> = form
        .into_iter()
        .filter(|(k, _)| k != "csrf" && k != "shared")
        .collect();
    match steps::assess(&Caller::of(&state, &me), &pairs, shared).await {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some("/capacity/readiness"), "/capacity"),
            "done-readiness-assessed",
        )),
        Err(e) => {
            let (status, error) = super::pages::refusal_words(&page, e)?;
            readiness_page(&state, page, &me, status, error).await
        }
    }
}

#[derive(serde::Deserialize)]
pub struct GapForm {
    #[serde(default)]
    point: String,
}

/// `POST /capacity/readiness/requests`: the gap `point` becomes a request.
pub async fn request_for_gap(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<GapForm>,
) -> Result<Response, AppError> {
    let Some(point) = ReadinessPoint::parse(&form.point) else {
        return Err(AppError::bad_request("error-bad-form"));
    };
    let description = format!(
        "{} ({})",
        page.t(point.remedy().2),
        page.t("readiness-request-origin")
    );
    match steps::request_for_gap(
        &Caller::of(&state, &me),
        point,
        description,
        page.lang_code(),
    )
    .await
    {
        Ok(r) => Ok(see_other_done(
            &safe_next(Some(&format!("/capacity/requests/{}", r.id)), "/capacity"),
            "done-capacity-filed",
        )),
        Err(e) => {
            let (status, error) = super::pages::refusal_words(&page, e)?;
            readiness_page(&state, page, &me, status, error).await
        }
    }
}

// ------------------------------------------------------------- the API

/// One answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AnswerBody {
    pub point: ReadinessPoint,
    pub answer: ReadinessAnswer,
}

/// One step of the action plan: a gap and the request it would become.
#[derive(Debug, Serialize, ToSchema)]
pub struct GapBody {
    pub point: ReadinessPoint,
    pub answer: ReadinessAnswer,
    pub area: Area,
    pub format: Format,
}

/// The reader's State's latest self-assessment and its plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct OwnReadinessBody {
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub assessed_at: time::OffsetDateTime,
    pub shared: bool,
    pub answers: Vec<AnswerBody>,
    pub plan: Vec<GapBody>,
}

/// A point's totals in a region.
#[derive(Debug, Serialize, ToSchema)]
pub struct PointTotalsBody {
    pub point: ReadinessPoint,
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegionBody {
    pub region: String,
    /// True when too few States of the region answered to show totals.
    pub withheld: bool,
    pub states: usize,
    pub points: Vec<PointTotalsBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SharedBody {
    pub participant: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub assessed_at: time::OffsetDateTime,
    pub answers: Vec<AnswerBody>,
}

/// What the reader may see of readiness: its own State's (`own`), or, for
/// the secretariat, the regional totals and the answers States share.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReadinessBody {
    pub own: Option<OwnReadinessBody>,
    pub regions: Vec<RegionBody>,
    pub shared: Vec<SharedBody>,
}

fn answer_bodies(a: &Assessment) -> Vec<AnswerBody> {
    a.0.iter()
        .map(|(p, ans)| AnswerBody {
            point: *p,
            answer: *ans,
        })
        .collect()
}

async fn readiness_body(state: &AppState, me: &SignedIn) -> Result<ReadinessBody, AppError> {
    let mut body = ReadinessBody {
        own: None,
        regions: Vec::new(),
        shared: Vec::new(),
    };
    if me.actor.kind == AccountKind::Secretariat {
        let (latest, grouped) = regional(state).await?;
        body.regions = grouped
            .into_iter()
            .map(|(region, r)| match r {
                RegionReadiness::Withheld => RegionBody {
                    region,
                    withheld: true,
                    states: 0,
                    points: Vec::new(),
                },
                RegionReadiness::Shown { states, points } => RegionBody {
                    region,
                    withheld: false,
                    states,
                    points: points
                        .into_iter()
                        .map(|(point, [yes, partly, no])| PointTotalsBody {
                            point,
                            yes,
                            partly,
                            no,
                        })
                        .collect(),
                },
            })
            .collect();
        body.shared = latest
            .iter()
            .filter(|l| l.shared)
            .map(|l| SharedBody {
                participant: l.participant.clone(),
                assessed_at: l.at,
                answers: answer_bodies(&l.assessment),
            })
            .collect();
    } else if let Some((a, record)) = steps::own_readiness(&Caller::of(state, me)).await? {
        body.own = Some(OwnReadinessBody {
            assessed_at: record.assessed_at,
            shared: record.shared,
            answers: answer_bodies(&a),
            plan: a
                .gaps()
                .into_iter()
                .map(|(point, answer)| {
                    let (area, format, _) = point.remedy();
                    GapBody {
                        point,
                        answer,
                        area,
                        format,
                    }
                })
                .collect(),
        });
    }
    Ok(body)
}

#[utoipa::path(get, path = "/api/v1/capacity/readiness", tag = "capacity",
    responses(
        (status = 200, description = "The reader's State's latest self-assessment and action plan (`own`, absent before the first); for the secretariat, the totals by region (withheld below three States) and the answers of the States that share them. No other State's answers are ever in it", body = ReadinessBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<ReadinessBody>, AppError> {
    Ok(Json(readiness_body(&state, &me).await?))
}

/// A self-assessment as sent.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentDraft {
    /// One answer on each of the six points.
    pub answers: Vec<AnswerBody>,
    #[serde(default)]
    pub shared: bool,
}

#[utoipa::path(post, path = "/api/v1/capacity/readiness", tag = "capacity",
    request_body = AssessmentDraft,
    responses(
        (status = 201, description = "Kept (logged with the answers' hash); the State's assessment and plan", body = ReadinessBody),
        (status = 409, description = "`not_allowed_now`: the reader's participant is not a participating State", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: not one answer on each of the six points. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn api_assess(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(draft): ApiJson<AssessmentDraft>,
) -> Result<(StatusCode, Json<ReadinessBody>), AppError> {
    let pairs: Vec<(String, String)> = draft
        .answers
        .iter()
        .map(|a| (a.point.as_str().to_owned(), a.answer.as_str().to_owned()))
        .collect();
    steps::assess(&Caller::of(&state, &me), &pairs, draft.shared).await?;
    Ok((
        StatusCode::CREATED,
        Json(readiness_body(&state, &me).await?),
    ))
}

#[derive(utoipa::OpenApi)]
#[openapi(
    paths(api_get, api_assess),
    components(schemas(
        ReadinessBody,
        OwnReadinessBody,
        RegionBody,
        PointTotalsBody,
        SharedBody,
        AnswerBody,
        GapBody,
        AssessmentDraft,
        ReadinessPoint,
        ReadinessAnswer
    ))
)]
struct ReadinessApi;

pub fn openapi() -> utoipa::openapi::OpenApi {
    <ReadinessApi as utoipa::OpenApi>::openapi()
}
