//! A campaign's results page, its exports, the secretariat's record of a
//! check by another channel, and the trend across campaigns.
//!
//! What a reader sees is what the service gives it
//! (`PingTests::results`, `PingTests::trend`): the secretariat every State
//! and, for a State it picks, that State's PoCs; a State's nominator or PoC
//! its own State's lines and the overall aggregates only. Nothing here
//! adds to that: no other State is named or counted apart.

use crate::communications::view::{name_of, state_names, when};
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams, QueryParams};
use crate::http::format::format_day;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::ping_tests::charts::{self, duration_text, percent, percent_text, Line};
use crate::ping_tests::export::{file_name, results_csv, results_json};
use crate::ping_tests::{service, settings};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_domain::account::AccountKind;
use pocdir_domain::ping_test::campaign::CampaignStatus;
use pocdir_domain::ping_test::challenge::{OtherChannelFinding, Outcome};
use pocdir_domain::ping_test::results::{StateReach, Tally};
use pocdir_i18n::{FluentArg, Translator};
use pocdir_ping_tests::{CampaignResults, PingError, TrendPoint};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Default, Deserialize)]
pub struct StateQuery {
    pub state: Option<String>,
}

/// The State the secretariat picked (`PAK`), if any; other readers' picks
/// are ignored (they always see their own).
fn picked_state(me: &SignedIn, q: &StateQuery) -> Option<String> {
    if me.account.kind != AccountKind::Secretariat {
        return None;
    }
    q.state
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && s.len() <= 16 && s.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(str::to_ascii_uppercase)
}

/// One choice of the State select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A line of a figures table: a label, a count and its share.
pub struct FigureRow {
    pub label: String,
    pub count: u64,
    pub share: String,
}

/// A chart with its caption and its data table's rows.
pub struct ChartView {
    pub id: String,
    pub caption: String,
    /// The SVG (none when it could not be drawn: the table stays).
    pub svg: Option<String>,
    pub rows: Vec<FigureRow>,
}

pub struct StateRow {
    pub code: String,
    pub name: String,
    pub pocs: u64,
    pub in_time: u64,
    pub late: u64,
    pub no_answer: u64,
    pub undeliverable: u64,
    pub awaiting: u64,
    pub reach: String,
    pub reach_class: &'static str,
}

pub struct PocRow {
    pub challenge_id: i64,
    pub name: String,
    pub role: String,
    pub outcome: String,
    pub outcome_class: &'static str,
    pub channel: String,
    pub response: String,
    pub reminders: i64,
    pub finding: String,
    /// The secretariat's note (shown to the secretariat only).
    pub note: String,
    /// The secretariat may record a check by another channel here.
    pub may_record: bool,
    /// What was wrong with the check just submitted for this PoC.
    pub error: Option<String>,
    /// The note just submitted, given back with the error.
    pub draft_note: String,
}

/// What went wrong with a finding the secretariat submitted.
pub struct FindingError {
    pub challenge_id: i64,
    pub message: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "ping_tests/results.html")]
pub struct ResultsPage {
    pub page: PageCtx,
    pub id: i64,
    pub title: String,
    pub status: String,
    pub starts: String,
    pub answer_by: String,
    pub closes: String,
    pub secretariat: bool,
    pub choices: Vec<Choice>,
    /// The State whose PoC lines are shown (its name), if any.
    pub shown_state: Option<String>,
    pub state_param: String,
    pub total: i64,
    pub answers: i64,
    pub median: String,
    pub p90: String,
    pub outcomes: ChartView,
    /// The outcomes of the State whose lines are shown.
    pub state_outcomes: Option<ChartView>,
    pub distribution: ChartView,
    pub reach: Vec<FigureRow>,
    pub states: Vec<StateRow>,
    pub pocs: Vec<PocRow>,
    /// A refused check whose PoC line has no form to show it beside.
    pub alert: Option<String>,
    pub csv_href: String,
    pub json_href: String,
}

fn share(tr: &Translator, part: u64, total: u64) -> String {
    let mut t = Tally::default();
    t.add_n(Outcome::InTime, part);
    t.add_n(Outcome::NoAnswer, total.saturating_sub(part));
    percent_text(tr, t.per_mille(part))
}

fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::InTime => "good",
        Outcome::Late => "warn",
        Outcome::NoAnswer | Outcome::Undeliverable => "bad",
        Outcome::Awaiting => "",
    }
}

fn reach_class(r: StateReach) -> &'static str {
    match r {
        StateReach::All => "good",
        StateReach::Partly => "warn",
        StateReach::None => "bad",
        StateReach::Awaiting => "",
    }
}

fn chart_or_none(svg: Result<String, charts::ChartError>) -> Option<String> {
    match svg {
        Ok(s) => Some(s),
        Err(e) => {
            tracing::error!(error = %e, "ping test chart not drawn");
            None
        }
    }
}

fn outcomes_view(page: &PageCtx, id: &str, caption: String, tally: &Tally) -> ChartView {
    let rows = Outcome::ALL
        .iter()
        .map(|o| FigureRow {
            label: page.t(o.label_message()),
            count: tally.get(*o),
            share: share(&page.tr, tally.get(*o), tally.total()),
        })
        .collect();
    ChartView {
        id: id.to_string(),
        svg: chart_or_none(charts::outcomes_chart(&page.tr, id, caption.clone(), tally)),
        caption,
        rows,
    }
}

fn state_query(code: Option<&str>) -> String {
    match code {
        Some(c) => format!(
            "?state={}",
            url::form_urlencoded::byte_serialize(c.as_bytes()).collect::<String>()
        ),
        None => String::new(),
    }
}

fn results_page(
    page: PageCtx,
    me: &SignedIn,
    r: &CampaignResults,
    names: &BTreeMap<String, String>,
    picked: Option<&str>,
    failed: Option<FindingError>,
) -> ResultsPage {
    let secretariat = me.account.kind == AccountKind::Secretariat;
    let tr = &page.tr;
    let t = |id: &str| page.t(id);
    let d = &r.overall.distribution;
    // The State whose lines the page shows: the pick, or the reader's own.
    let shown_code: Option<String> = if secretariat {
        picked.map(str::to_string)
    } else {
        me.account.participant.clone()
    };
    let shown_tally = shown_code
        .as_deref()
        .and_then(|c| r.states.iter().find(|s| s.participant == c))
        .map(|s| s.tally);
    let shown_state = shown_code.as_deref().map(|c| name_of(names, c));
    let may_record =
        secretariat && matches!(r.status, CampaignStatus::Running | CampaignStatus::Finished);
    let pocs: Vec<PocRow> = r
        .pocs
        .iter()
        .map(|p| {
            let c = &p.challenge;
            PocRow {
                challenge_id: c.id,
                name: p.name.clone(),
                role: t(c.role.label_message()),
                outcome: t(p.outcome.label_message()),
                outcome_class: outcome_class(p.outcome),
                channel: c
                    .channel
                    .map(|ch| t(ch.label_message()))
                    .unwrap_or_default(),
                response: p
                    .response_seconds
                    .map(|s| duration_text(tr, s))
                    .unwrap_or_default(),
                reminders: c.reminders_sent,
                finding: c.finding.map(|f| t(f.label_message())).unwrap_or_default(),
                note: if secretariat {
                    c.note.clone().unwrap_or_default()
                } else {
                    String::new()
                },
                // Not reached may be followed by a later check that reaches.
                may_record: may_record && c.answered_at.is_none(),
                error: failed
                    .as_ref()
                    .filter(|e| e.challenge_id == c.id)
                    .map(|e| e.message.clone()),
                draft_note: failed
                    .as_ref()
                    .filter(|e| e.challenge_id == c.id)
                    .map(|e| e.note.clone())
                    .unwrap_or_default(),
            }
        })
        .collect();
    let alert = failed
        .as_ref()
        .filter(|e| {
            !pocs
                .iter()
                .any(|p| p.challenge_id == e.challenge_id && p.may_record)
        })
        .map(|e| e.message.clone());
    let states = r
        .states
        .iter()
        .map(|s| StateRow {
            code: s.participant.clone(),
            name: name_of(names, &s.participant),
            pocs: s.tally.total(),
            in_time: s.tally.in_time,
            late: s.tally.late,
            no_answer: s.tally.no_answer,
            undeliverable: s.tally.undeliverable,
            awaiting: s.tally.awaiting,
            reach: t(s.reach.label_message()),
            reach_class: reach_class(s.reach),
        })
        .collect();
    let reach_counts = &r.overall.states;
    let reach = [
        (StateReach::All, reach_counts.all),
        (StateReach::Partly, reach_counts.partly),
        (StateReach::None, reach_counts.none),
        (StateReach::Awaiting, reach_counts.awaiting),
    ]
    .into_iter()
    .map(|(k, n)| FigureRow {
        label: t(k.label_message()),
        count: n,
        share: share(tr, n, reach_counts.total()),
    })
    .collect();
    let distribution = ChartView {
        id: "chart-distribution".into(),
        caption: t("ping-results-chart-distribution"),
        svg: chart_or_none(charts::distribution_chart(
            tr,
            "chart-distribution",
            t("ping-results-chart-distribution"),
            d,
        )),
        rows: d
            .bands
            .iter()
            .map(|(b, n)| FigureRow {
                label: t(b.label_message()),
                count: *n,
                share: share(tr, *n, d.answers),
            })
            .collect(),
    };
    let outcomes = outcomes_view(
        &page,
        "chart-outcomes",
        t("ping-results-chart-outcomes"),
        &r.overall.tally,
    );
    let state_outcomes = match (&shown_state, shown_tally) {
        (Some(name), Some(tally)) => Some(outcomes_view(
            &page,
            "chart-state-outcomes",
            tr.t_args(
                "ping-results-chart-state-outcomes",
                &[("state", FluentArg::Text(name.clone()))],
            ),
            &tally,
        )),
        _ => None,
    };
    let choices = if secretariat {
        r.states
            .iter()
            .map(|s| Choice {
                value: s.participant.clone(),
                label: name_of(names, &s.participant),
                selected: picked == Some(s.participant.as_str()),
            })
            .collect()
    } else {
        Vec::new()
    };
    let q = state_query(if secretariat { picked } else { None });
    let none = || t("ping-results-none");
    ResultsPage {
        id: r.campaign.id,
        title: r.campaign.title.clone(),
        status: t(r.status.label_message()),
        starts: when(&page, r.campaign.times.starts_at),
        answer_by: when(&page, r.campaign.times.answer_by),
        closes: when(&page, r.campaign.times.closes_at),
        secretariat,
        choices,
        shown_state,
        state_param: if secretariat {
            picked.unwrap_or_default().to_string()
        } else {
            String::new()
        },
        total: i64::try_from(r.overall.tally.total()).unwrap_or(i64::MAX),
        answers: i64::try_from(d.answers).unwrap_or(i64::MAX),
        median: d
            .median_seconds
            .map(|s| duration_text(tr, s))
            .unwrap_or_else(none),
        p90: d
            .p90_seconds
            .map(|s| duration_text(tr, s))
            .unwrap_or_else(none),
        outcomes,
        state_outcomes,
        distribution,
        reach,
        states,
        pocs,
        alert,
        csv_href: format!("/ping-tests/{}/results.csv{q}", r.campaign.id),
        json_href: format!("/ping-tests/{}/results.json{q}", r.campaign.id),
        page,
    }
}

async fn load(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    picked: Option<&str>,
) -> Result<CampaignResults, AppError> {
    let settings = settings(state);
    Ok(service(state, &settings)
        .results(&me.requester(), id, picked)
        .await?)
}

/// `GET /ping-tests/{id}/results`.
pub async fn results(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    QueryParams(q): QueryParams<StateQuery>,
) -> Result<Response, AppError> {
    let picked = picked_state(&me, &q);
    let r = load(&state, &me, id, picked.as_deref()).await?;
    let names = state_names(&state, &page).await?;
    let p = results_page(page, &me, &r, &names, picked.as_deref(), None);
    Ok(render(StatusCode::OK, &p))
}

fn download(body: Vec<u8>, content_type: &'static str, name: &str) -> Result<Response, AppError> {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .map_err(|_| AppError::internal())?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response())
}

/// `GET /ping-tests/{id}/results.csv`: the lines the page shows.
pub async fn results_csv_download(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    QueryParams(q): QueryParams<StateQuery>,
) -> Result<Response, AppError> {
    let picked = picked_state(&me, &q);
    let r = load(&state, &me, id, picked.as_deref()).await?;
    let secretariat = me.account.kind == AccountKind::Secretariat;
    download(
        results_csv(&r, secretariat).into_bytes(),
        "text/csv; charset=utf-8",
        &file_name(id, picked.as_deref(), "csv"),
    )
}

/// `GET /ping-tests/{id}/results.json`: the same as JSON.
pub async fn results_json_download(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    QueryParams(q): QueryParams<StateQuery>,
) -> Result<Response, AppError> {
    let picked = picked_state(&me, &q);
    let r = load(&state, &me, id, picked.as_deref()).await?;
    let secretariat = me.account.kind == AccountKind::Secretariat;
    let body = serde_json::to_vec_pretty(&results_json(&r, secretariat))
        .map_err(|_| AppError::internal())?;
    download(
        body,
        "application/json",
        &file_name(id, picked.as_deref(), "json"),
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct FindingForm {
    pub finding: Option<String>,
    pub note: Option<String>,
    pub state: Option<String>,
}

/// `POST /ping-tests/{id}/challenges/{challenge}/finding`: the secretariat
/// records what it found by another channel; back to the results with a
/// confirmation, or the page again with what was wrong.
pub async fn record_finding(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams((id, challenge_id)): PathParams<(i64, i64)>,
    FormData(form): FormData<FindingForm>,
) -> Result<Response, AppError> {
    let picked = picked_state(
        &me,
        &StateQuery {
            state: form.state.clone(),
        },
    );
    // The challenge must be of this campaign.
    match state.store.challenge(challenge_id).await? {
        Some(c) if c.campaign_id == id => {}
        _ => return Err(AppError::not_found()),
    }
    let note = form.note.clone().unwrap_or_default();
    let outcome = match form.finding.as_deref().and_then(OtherChannelFinding::parse) {
        None => Err(AppError::invalid_fields(vec![(
            "finding".to_string(),
            "ping-results-error-finding",
        )])),
        Some(finding) => {
            let settings = settings(&state);
            service(&state, &settings)
                .record_finding(&me.requester(), challenge_id, finding, &note)
                .await
                .map_err(|e| match e {
                    PingError::NotFound => AppError::not_found(),
                    e => AppError::from(e),
                })
        }
    };
    let error = match outcome {
        Ok(()) => {
            let to = format!("/ping-tests/{id}/results{}", state_query(picked.as_deref()));
            return Ok(see_other_done(
                &safe_next(Some(&to), "/ping-tests"),
                "done-ping-finding-recorded",
            ));
        }
        Err(e) if e.status == StatusCode::NOT_FOUND => return Err(e),
        Err(e) => e,
    };
    // The page again, the message beside the form of that PoC.
    let message = if error.fields.is_empty() {
        error.message(page.lang)
    } else {
        error
            .fields
            .iter()
            .map(|(_, m)| page.t(m))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let r = load(&state, &me, id, picked.as_deref()).await?;
    let names = state_names(&state, &page).await?;
    let failed = FindingError {
        challenge_id,
        message,
        note,
    };
    let p = results_page(page, &me, &r, &names, picked.as_deref(), Some(failed));
    Ok(render(error.status, &p))
}

/// One campaign of the trend table.
pub struct TrendRow {
    pub id: i64,
    pub title: String,
    pub day: String,
    pub pocs: u64,
    pub in_time: String,
    pub reached: String,
    /// The reader's (or chosen) State's figures, when it took part.
    pub state: Option<(u64, String, String)>,
}

#[derive(Template)]
#[template(path = "ping_tests/trend.html")]
pub struct TrendPage {
    pub page: PageCtx,
    pub secretariat: bool,
    pub choices: Vec<Choice>,
    pub state_name: Option<String>,
    pub in_time: ChartView,
    pub reached: ChartView,
    pub rows: Vec<TrendRow>,
}

fn trend_lines(
    tr: &Translator,
    points: &[TrendPoint],
    state_name: Option<&str>,
    part: fn(&Tally) -> u64,
) -> Vec<Line> {
    let share = |t: &Tally| percent(t.per_mille(part(t)));
    let mut lines = vec![Line {
        label: tr.t("ping-results-trend-all-states"),
        colour: charts::palette::ACCENT,
        squares: false,
        points: points.iter().map(|p| Some(share(&p.overall))).collect(),
    }];
    if let Some(name) = state_name {
        lines.push(Line {
            label: name.to_string(),
            colour: charts::palette::WARN,
            squares: true,
            points: points.iter().map(|p| p.state.as_ref().map(share)).collect(),
        });
    }
    lines
}

fn trend_chart_view(
    page: &PageCtx,
    id: &str,
    caption: String,
    campaigns: &[String],
    lines: &[Line],
) -> ChartView {
    ChartView {
        id: id.to_string(),
        svg: chart_or_none(charts::trend_chart(
            &page.tr,
            id,
            caption.clone(),
            campaigns,
            lines,
        )),
        caption,
        rows: Vec::new(),
    }
}

/// `GET /ping-tests/trend`: the share answered in time and reached across
/// campaigns, overall and for the reader's State (the secretariat picks).
pub async fn trend(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(q): QueryParams<StateQuery>,
) -> Result<Response, AppError> {
    let secretariat = me.account.kind == AccountKind::Secretariat;
    let picked = picked_state(&me, &q);
    let settings = settings(&state);
    let points = service(&state, &settings)
        .trend(&me.requester(), picked.as_deref())
        .await?;
    let names = state_names(&state, &page).await?;
    let code = if secretariat {
        picked.clone()
    } else {
        me.account.participant.clone()
    };
    let state_name = code.as_deref().map(|c| name_of(&names, c));
    let campaigns: Vec<String> = points.iter().map(|p| format_day(p.starts_at)).collect();
    let tr = &page.tr;
    let in_time_lines = trend_lines(tr, &points, state_name.as_deref(), |t| t.in_time);
    let reached_lines = trend_lines(tr, &points, state_name.as_deref(), Tally::reached);
    let in_time = trend_chart_view(
        &page,
        "chart-trend-in-time",
        page.t("ping-results-chart-trend-in-time"),
        &campaigns,
        &in_time_lines,
    );
    let reached = trend_chart_view(
        &page,
        "chart-trend-reached",
        page.t("ping-results-chart-trend-reached"),
        &campaigns,
        &reached_lines,
    );
    let pct = |t: &Tally, part: u64| percent_text(tr, t.per_mille(part));
    let rows = points
        .iter()
        .zip(&campaigns)
        .map(|(p, day)| TrendRow {
            id: p.campaign_id,
            title: p.title.clone(),
            day: day.clone(),
            pocs: p.overall.total(),
            in_time: pct(&p.overall, p.overall.in_time),
            reached: pct(&p.overall, p.overall.reached()),
            state: p
                .state
                .as_ref()
                .map(|s| (s.total(), pct(s, s.in_time), pct(s, s.reached()))),
        })
        .collect();
    let choices = if secretariat {
        names
            .iter()
            .map(|(c, n)| Choice {
                value: c.clone(),
                label: n.clone(),
                selected: picked.as_deref() == Some(c.as_str()),
            })
            .collect()
    } else {
        Vec::new()
    };
    let p = TrendPage {
        secretariat,
        choices,
        state_name,
        in_time,
        reached,
        rows,
        page,
    };
    Ok(render(StatusCode::OK, &p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_i18n::Lang;

    #[test]
    fn shares_are_rounded_to_a_tenth() {
        let tr = Translator::new(Lang::En);
        assert_eq!(share(&tr, 1, 3), "33.3%");
        assert_eq!(share(&tr, 0, 0), "0.0%");
        assert_eq!(share(&tr, 2, 2), "100.0%");
    }
}
