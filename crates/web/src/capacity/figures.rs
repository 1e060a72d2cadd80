//! The figures of capacity building for the secretariat: the page
//! (`/capacity/figures`), its CSV (`/capacity/figures.csv`) and JSON
//! (`GET /api/v1/capacity/figures`), all from `capacity::figures`.

use crate::http::error::{AppError, ErrorBody};
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use pocdir_domain::capacity::figures::{figures, Delay, Figures, RequestFacts, StatusCounts};
use pocdir_domain::capacity::funding::format_amount;
use pocdir_domain::capacity::{Area, Milestone, Outcome};
use pocdir_domain::directory::exchange::UTF8_BOM;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// Every request, follow-up and funding line, as figures.
async fn load(state: &AppState) -> Result<Figures, AppError> {
    let store = state.store.as_ref();
    let regions: HashMap<String, String> = store
        .participants()
        .await?
        .into_iter()
        .map(|p| (p.code, p.region))
        .collect();
    let requests = store.capacity_requests().await?;
    let mut outcomes = Vec::new();
    for r in requests.iter().filter(|r| r.selected_at.is_some()) {
        for f in store.capacity_follow_ups(r.id).await? {
            outcomes.push((f.milestone, f.outcome));
        }
    }
    let facts: Vec<RequestFacts> = requests
        .iter()
        .map(|r| RequestFacts {
            areas: r.areas.clone(),
            region: regions.get(&r.participant).cloned().unwrap_or_default(),
            status: r.status,
            filed_at: r.filed_at,
            acknowledged_at: r.acknowledged_at,
            first_offer_at: r.first_offer_at,
        })
        .collect();
    let funding: Vec<_> = store
        .capacity_funding()
        .await?
        .into_iter()
        .map(|f| (f.currency, f.stage, f.amount_minor))
        .collect();
    Ok(figures(&facts, &outcomes, &funding))
}

/// Requests by where they stand.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountsBody {
    /// An area (`incident_response`…) or a region (`Africa`…).
    pub key: String,
    pub total: u32,
    pub open: u32,
    pub selected: u32,
    pub matched: u32,
    pub closed: u32,
    pub withdrawn: u32,
}

fn counts(key: String, c: &StatusCounts) -> CountsBody {
    CountsBody {
        key,
        total: c.total,
        open: c.open,
        selected: c.selected,
        matched: c.matched,
        closed: c.closed,
        withdrawn: c.withdrawn,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DelayBody {
    pub done: u32,
    pub waiting: u32,
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
}

fn delay(d: &Delay) -> DelayBody {
    DelayBody {
        done: d.done,
        waiting: d.waiting,
        median_days: d.median_days.map(round1),
        p90_days: d.p90_days.map(round1),
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomeBody {
    pub milestone: Milestone,
    pub outcome: Outcome,
    pub count: u32,
}

/// Totals of one currency, in its major units as decimal text.
#[derive(Debug, Serialize, ToSchema)]
pub struct FundingTotalBody {
    pub currency: String,
    pub pledged: String,
    pub committed: String,
    pub disbursed: String,
}

/// The figures of capacity building.
#[derive(Debug, Serialize, ToSchema)]
pub struct FiguresBody {
    pub requests: u32,
    pub by_area: Vec<CountsBody>,
    pub by_region: Vec<CountsBody>,
    /// From filing to the first offer (days).
    pub first_offer: DelayBody,
    /// From filing to the secretariat's acknowledgement (days).
    pub acknowledgement: DelayBody,
    /// Acknowledged within 5 working days.
    pub acknowledged_in_time: u32,
    pub matches: u32,
    pub awaiting_confirmation: u32,
    pub outcomes: Vec<OutcomeBody>,
    pub funding: Vec<FundingTotalBody>,
}

fn body(f: &Figures) -> FiguresBody {
    FiguresBody {
        requests: f.requests,
        by_area: Area::ALL
            .iter()
            .map(|a| {
                counts(
                    a.as_str().into(),
                    &f.by_area.get(a).copied().unwrap_or_default(),
                )
            })
            .collect(),
        by_region: f
            .by_region
            .iter()
            .map(|(r, c)| counts(r.clone(), c))
            .collect(),
        first_offer: delay(&f.first_offer),
        acknowledgement: delay(&f.acknowledgement),
        acknowledged_in_time: f.acknowledged_in_time,
        matches: f.matches,
        awaiting_confirmation: f.awaiting_confirmation,
        outcomes: f
            .outcomes
            .iter()
            .map(|((m, o), n)| OutcomeBody {
                milestone: *m,
                outcome: *o,
                count: *n,
            })
            .collect(),
        funding: f
            .funding
            .0
            .iter()
            .map(|(c, [p, m, d])| FundingTotalBody {
                currency: c.clone(),
                pledged: format_amount(*p, c),
                committed: format_amount(*m, c),
                disbursed: format_amount(*d, c),
            })
            .collect(),
    }
}

/// One line of the CSV: figure, key, measure, value.
fn csv_rows(b: &FiguresBody) -> Vec<[String; 4]> {
    let mut rows = vec![[
        "requests".into(),
        "all".into(),
        "count".into(),
        b.requests.to_string(),
    ]];
    for (figure, list) in [("by_area", &b.by_area), ("by_region", &b.by_region)] {
        for c in list {
            for (measure, n) in [
                ("total", c.total),
                ("open", c.open),
                ("selected", c.selected),
                ("matched", c.matched),
                ("closed", c.closed),
                ("withdrawn", c.withdrawn),
            ] {
                rows.push([figure.into(), c.key.clone(), measure.into(), n.to_string()]);
            }
        }
    }
    let days = |x: Option<f64>| x.map(|d| format!("{d:.1}")).unwrap_or_default();
    for (figure, d) in [
        ("first_offer", &b.first_offer),
        ("acknowledgement", &b.acknowledgement),
    ] {
        rows.push([
            figure.into(),
            "all".into(),
            "done".into(),
            d.done.to_string(),
        ]);
        rows.push([
            figure.into(),
            "all".into(),
            "waiting".into(),
            d.waiting.to_string(),
        ]);
        rows.push([
            figure.into(),
            "all".into(),
            "median_days".into(),
            days(d.median_days),
        ]);
        rows.push([
            figure.into(),
            "all".into(),
            "p90_days".into(),
            days(d.p90_days),
        ]);
    }
    rows.push([
        "acknowledgement".into(),
        "all".into(),
        "within_5_working_days".into(),
        b.acknowledged_in_time.to_string(),
    ]);
    rows.push([
        "matches".into(),
        "all".into(),
        "confirmed".into(),
        b.matches.to_string(),
    ]);
    rows.push([
        "matches".into(),
        "all".into(),
        "awaiting_confirmation".into(),
        b.awaiting_confirmation.to_string(),
    ]);
    for o in &b.outcomes {
        rows.push([
            "outcomes".into(),
            o.milestone.as_str().into(),
            o.outcome.as_str().into(),
            o.count.to_string(),
        ]);
    }
    for t in &b.funding {
        for (measure, v) in [
            ("pledged", &t.pledged),
            ("committed", &t.committed),
            ("disbursed", &t.disbursed),
        ] {
            rows.push([
                "funding".into(),
                t.currency.clone(),
                measure.into(),
                v.clone(),
            ]);
        }
    }
    rows
}

fn csv_text(b: &FiguresBody) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut ok = w
        .write_record(["figure", "key", "measure", "value"])
        .is_ok();
    for row in csv_rows(b) {
        ok &= w.write_record(&row).is_ok();
    }
    let text = match (ok, w.into_inner()) {
        (true, Ok(bytes)) => String::from_utf8(bytes).unwrap_or_default(),
        _ => String::new(),
    };
    let mut out = String::from_utf8_lossy(UTF8_BOM).into_owned();
    out.push_str(&text);
    out
}

pub struct Table {
    pub caption: String,
    pub id: &'static str,
    pub lines: Vec<Line>,
}

pub struct Line {
    pub label: String,
    pub counts: [(&'static str, u32); 6],
}

#[derive(Template)]
#[template(path = "capacity/figures.html")]
struct FiguresPage {
    page: PageCtx,
    b: FiguresBody,
    tables: Vec<Table>,
    outcomes: Vec<(String, String, u32)>,
}

impl FiguresPage {
    fn without_offer(&self) -> i64 {
        i64::from(self.b.first_offer.waiting)
    }
    fn in_time(&self) -> i64 {
        i64::from(self.b.acknowledged_in_time)
    }
    fn days(&self, x: &Option<f64>) -> String {
        x.map(|d| format!("{d:.1}")).unwrap_or_else(|| "—".into())
    }
}

fn line(label: String, c: &CountsBody) -> Line {
    Line {
        label,
        counts: [
            ("total", c.total),
            ("open", c.open),
            ("selected", c.selected),
            ("matched", c.matched),
            ("closed", c.closed),
            ("withdrawn", c.withdrawn),
        ],
    }
}

/// `GET /capacity/figures`.
pub async fn page(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let b = body(&load(&state).await?);
    let areas: Vec<Line> = b
        .by_area
        .iter()
        .map(|c| {
            let label = Area::parse(&c.key).map_or(c.key.clone(), |a| page.t(a.label_message()));
            line(label, c)
        })
        .collect();
    let regions: Vec<Line> = b
        .by_region
        .iter()
        .map(|c| {
            let label = if c.key.is_empty() {
                "—".into()
            } else {
                page.region(&c.key)
            };
            line(label, c)
        })
        .collect();
    let outcomes = b
        .outcomes
        .iter()
        .map(|o| {
            (
                page.t(o.milestone.label_message()),
                page.t(o.outcome.label_message()),
                o.count,
            )
        })
        .collect();
    let tables = vec![
        Table {
            caption: page.t("capacity-figures-by-area"),
            id: "figures-by-area",
            lines: areas,
        },
        Table {
            caption: page.t("capacity-figures-by-region"),
            id: "figures-by-region",
            lines: regions,
        },
    ];
    Ok(render(
        StatusCode::OK,
        &FiguresPage {
            page,
            tables,
            b,
            outcomes,
        },
    ))
}

/// `GET /capacity/figures.csv`.
pub async fn csv(State(state): State<AppState>) -> Result<Response, AppError> {
    let text = csv_text(&body(&load(&state).await?));
    Ok((
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"capacity-figures.csv\""),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        text,
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/capacity/figures", tag = "capacity",
    responses(
        (status = 200, description = "The figures of capacity building: requests by area and by the requester's region and where they stand, the days to the first offer and to the acknowledgement (median, 90th percentile, nearest rank), matches, follow-ups' outcomes, funding per currency (never converted)", body = FiguresBody),
        (status = 403, description = "`forbidden`: the secretariat's only", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn json(State(state): State<AppState>) -> Result<Json<FiguresBody>, AppError> {
    Ok(Json(body(&load(&state).await?)))
}

#[derive(utoipa::OpenApi)]
#[openapi(
    paths(json),
    components(schemas(FiguresBody, CountsBody, DelayBody, OutcomeBody, FundingTotalBody))
)]
struct FiguresApi;

pub fn openapi() -> utoipa::openapi::OpenApi {
    <FiguresApi as utoipa::OpenApi>::openapi()
}
