//! A campaign's results as a file: CSV (RFC 4180, UTF-8, a header row)
//! and JSON. Pure functions of [`CampaignResults`], which holds only what
//! the reader may see (the service filtered it): the pages and the API
//! export the same lines.
//!
//! The CSV has one table: a line `overall` (every State may see it), a
//! line per State the reader may see, then a line per PoC. Cells that a
//! spreadsheet would run as a formula get a leading `'`, as in the
//! directory's export.

use pocdir_domain::directory::exchange::{guard_cell, UTF8_BOM};
use pocdir_domain::ping_test::results::{StateReach, Tally};
use pocdir_ping_tests::{CampaignResults, PocResult, StateResult};
use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The CSV's columns, in order.
pub const CSV_COLUMNS: [&str; 20] = [
    "line",
    "campaign_id",
    "participant",
    "challenge_id",
    "poc_name",
    "role",
    "outcome",
    "channel",
    "answered_at",
    "response_seconds",
    "reminders_sent",
    "finding",
    "pocs",
    "in_time",
    "late",
    "no_answer",
    "undeliverable",
    "awaiting",
    "reach",
    "note",
];

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// One State's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct TallyJson {
    pub pocs: u64,
    pub in_time: u64,
    pub late: u64,
    pub no_answer: u64,
    pub undeliverable: u64,
    pub awaiting: u64,
}

impl From<&Tally> for TallyJson {
    fn from(t: &Tally) -> Self {
        TallyJson {
            pocs: t.total(),
            in_time: t.in_time,
            late: t.late,
            no_answer: t.no_answer,
            undeliverable: t.undeliverable,
            awaiting: t.awaiting,
        }
    }
}

/// How many States reached each way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ReachJson {
    pub all: u64,
    pub partly: u64,
    pub none: u64,
    pub awaiting: u64,
}

/// Answers in one band of response time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct BandJson {
    /// `under_1h`, `1h_4h`, `4h_12h`, `12h_24h`, `24h_48h`, `48h_72h`, `over_72h`.
    pub band: String,
    pub answers: u64,
}

/// The overall figures of the campaign (what every State may see).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct OverallJson {
    pub tally: TallyJson,
    pub states: ReachJson,
    pub answers: u64,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
    pub bands: Vec<BandJson>,
}

/// One State's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StateJson {
    pub participant: String,
    pub tally: TallyJson,
    /// `all`, `partly`, `none` or `awaiting`.
    pub reach: String,
}

/// One PoC's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PocJson {
    pub challenge_id: i64,
    pub participant: String,
    pub name: String,
    /// `diplomatic` or `technical`.
    pub role: String,
    /// `in_time`, `late`, `no_answer`, `undeliverable` or `awaiting`.
    pub outcome: String,
    /// `link`, `portal`, `api` or `other_channel`, when answered.
    pub channel: Option<String>,
    /// RFC 3339, UTC.
    pub answered_at: Option<String>,
    pub response_seconds: Option<i64>,
    pub reminders_sent: i64,
    /// What the secretariat found by another channel: `reached` or `not_reached`.
    pub finding: Option<String>,
    /// The secretariat's note (only in the secretariat's export).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The campaign the results are of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CampaignJson {
    pub id: i64,
    pub title: String,
    /// `scheduled`, `running`, `finished` or `cancelled`.
    pub status: String,
    pub starts_at: String,
    pub answer_by: String,
    pub closes_at: String,
}

/// A campaign's results as the reader may see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ResultsJson {
    pub campaign: CampaignJson,
    pub overall: OverallJson,
    pub states: Vec<StateJson>,
    pub pocs: Vec<PocJson>,
}

fn state_json(s: &StateResult) -> StateJson {
    StateJson {
        participant: s.participant.clone(),
        tally: TallyJson::from(&s.tally),
        reach: s.reach.as_str().to_string(),
    }
}

fn poc_json(p: &PocResult, with_notes: bool) -> PocJson {
    let c = &p.challenge;
    PocJson {
        challenge_id: c.id,
        participant: c.participant.clone(),
        name: p.name.clone(),
        role: c.role.as_str().to_string(),
        outcome: p.outcome.as_str().to_string(),
        channel: c.channel.map(|ch| ch.as_str().to_string()),
        answered_at: c.answered_at.map(rfc3339),
        response_seconds: p.response_seconds,
        reminders_sent: c.reminders_sent,
        finding: c.finding.map(|f| f.as_str().to_string()),
        note: if with_notes { c.note.clone() } else { None },
    }
}

/// The JSON shape of `r`; `with_notes` adds the secretariat's notes (give
/// it only to the secretariat).
pub fn results_json(r: &CampaignResults, with_notes: bool) -> ResultsJson {
    let o = &r.overall;
    ResultsJson {
        campaign: CampaignJson {
            id: r.campaign.id,
            title: r.campaign.title.clone(),
            status: r.status.as_str().to_string(),
            starts_at: rfc3339(r.campaign.times.starts_at),
            answer_by: rfc3339(r.campaign.times.answer_by),
            closes_at: rfc3339(r.campaign.times.closes_at),
        },
        overall: OverallJson {
            tally: TallyJson::from(&o.tally),
            states: ReachJson {
                all: o.states.all,
                partly: o.states.partly,
                none: o.states.none,
                awaiting: o.states.awaiting,
            },
            answers: o.distribution.answers,
            median_seconds: o.distribution.median_seconds,
            p90_seconds: o.distribution.p90_seconds,
            bands: o
                .distribution
                .bands
                .iter()
                .map(|(b, n)| BandJson {
                    band: b.as_str().to_string(),
                    answers: *n,
                })
                .collect(),
        },
        states: r.states.iter().map(state_json).collect(),
        pocs: r.pocs.iter().map(|p| poc_json(p, with_notes)).collect(),
    }
}

fn tally_cells(t: &Tally, reach: Option<StateReach>) -> [String; 7] {
    [
        t.total().to_string(),
        t.in_time.to_string(),
        t.late.to_string(),
        t.no_answer.to_string(),
        t.undeliverable.to_string(),
        t.awaiting.to_string(),
        reach.map(|r| r.as_str().to_string()).unwrap_or_default(),
    ]
}

/// The CSV of `r`: the byte-order mark (so that spreadsheets read Arabic
/// and Chinese right), the header row, then the lines, CRLF-terminated.
/// `with_notes` fills the `note` column (give it only to the secretariat).
pub fn results_csv(r: &CampaignResults, with_notes: bool) -> String {
    let mut rows: Vec<[String; 20]> = Vec::new();
    let id = r.campaign.id.to_string();
    let empty = String::new;
    let aggregate = |line: &str, participant: String, t: &Tally, reach: Option<StateReach>| {
        let [pocs, in_time, late, no_answer, undeliverable, awaiting, reach] =
            tally_cells(t, reach);
        [
            line.to_string(),
            id.clone(),
            participant,
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            pocs,
            in_time,
            late,
            no_answer,
            undeliverable,
            awaiting,
            reach,
            empty(),
        ]
    };
    rows.push(aggregate("overall", empty(), &r.overall.tally, None));
    for s in &r.states {
        rows.push(aggregate(
            "state",
            guard_cell(s.participant.clone()),
            &s.tally,
            Some(s.reach),
        ));
    }
    for p in &r.pocs {
        let j = poc_json(p, with_notes);
        rows.push([
            "poc".to_string(),
            id.clone(),
            guard_cell(j.participant),
            j.challenge_id.to_string(),
            guard_cell(j.name),
            j.role,
            j.outcome,
            j.channel.unwrap_or_default(),
            j.answered_at.unwrap_or_default(),
            j.response_seconds
                .map(|s| s.to_string())
                .unwrap_or_default(),
            j.reminders_sent.to_string(),
            j.finding.unwrap_or_default(),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            guard_cell(j.note.unwrap_or_default()),
        ]);
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut ok = w.write_record(CSV_COLUMNS).is_ok();
    for row in &rows {
        ok &= w.write_record(row).is_ok();
    }
    let body = match (ok, w.into_inner()) {
        (true, Ok(bytes)) => String::from_utf8(bytes).unwrap_or_default(),
        // Writing to memory does not fail; if it ever did, say nothing
        // rather than half a file.
        _ => String::new(),
    };
    let mut out = String::from_utf8_lossy(UTF8_BOM).into_owned();
    out.push_str(&body);
    out
}

/// The download's file name: `ping-test-7-results.csv`, with the State
/// when the secretariat narrowed it (`ping-test-7-results-PAK.json`).
pub fn file_name(id: i64, state: Option<&str>, extension: &str) -> String {
    let state: String = state
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(16)
        .collect();
    if state.is_empty() {
        format!("ping-test-{id}-results.{extension}")
    } else {
        format!("ping-test-{id}-results-{state}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_domain::directory::poc::PocRole;
    use pocdir_domain::ping_test::campaign::{CampaignKind, CampaignStatus, CampaignTimes};
    use pocdir_domain::ping_test::challenge::{AnswerChannel, OtherChannelFinding, Outcome};
    use pocdir_ping_tests::{aggregates_of, StateResult};
    use pocdir_store::{Campaign, Challenge};
    use time::macros::datetime;
    use time::Duration;

    fn results() -> CampaignResults {
        let start = datetime!(2026-11-30 08:00 UTC);
        let campaign = Campaign {
            id: 7,
            title: "Autumn".into(),
            kind: CampaignKind::AdHoc,
            stored_status: CampaignStatus::Running,
            scope: Default::default(),
            times: CampaignTimes {
                starts_at: start,
                answer_by: start + Duration::hours(72),
                closes_at: start + Duration::days(10),
                reminders: Vec::new(),
            },
            announced: false,
            escalate: false,
            created_by: None,
            created_at: start,
            started_at: Some(start),
            cancelled_at: None,
            escalated_at: None,
            published_at: None,
        };
        let challenge = |id: i64, name_answered: Option<i64>| Challenge {
            id,
            campaign_id: 7,
            poc_id: 100 + id,
            participant: "PAK".into(),
            role: PocRole::Technical,
            mail_id: None,
            mail_status: None,
            reminders_sent: 1,
            answered_at: name_answered.map(|h| start + Duration::hours(h)),
            channel: name_answered.map(|_| AnswerChannel::Link),
            answered_by: None,
            finding: None,
            note: None,
        };
        let mut silent = challenge(2, None);
        silent.finding = Some(OtherChannelFinding::NotReached);
        silent.note = Some("=HYPERLINK(\"http://x\")".into());
        let challenges = vec![challenge(1, Some(2)), silent];
        let now = start + Duration::hours(80);
        let overall = aggregates_of(&campaign, &challenges, now);
        let pocs = challenges
            .iter()
            .zip(["Amina, \"the duty\" officer", "@SUM(1+1)"])
            .map(|(c, name)| pocdir_ping_tests::PocResult {
                challenge: c.clone(),
                name: name.to_string(),
                outcome: c.outcome(&campaign, now),
                response_seconds: c.answered_at.map(|a| (a - start).whole_seconds()),
            })
            .collect();
        CampaignResults {
            status: campaign.status(now),
            states: vec![StateResult {
                participant: "PAK".into(),
                tally: overall.tally,
                reach: StateReach::of(&overall.tally),
            }],
            campaign,
            overall,
            pocs,
        }
    }

    #[test]
    fn the_csv_is_rfc_4180_and_no_cell_runs_as_a_formula() {
        let r = results();
        let csv = results_csv(&r, true);
        let body = csv.strip_prefix('\u{feff}').unwrap();
        assert!(body.starts_with("line,campaign_id,participant,challenge_id,poc_name,"));
        assert!(body.ends_with("\r\n"));
        let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
            .from_reader(body.as_bytes())
            .records()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows.len(), 1 + 1 + 2, "overall, the State, two PoCs");
        assert_eq!(&rows[0][0], "overall");
        assert_eq!(&rows[0][12], "2");
        assert_eq!(&rows[1][18], "partly");
        assert_eq!(&rows[2][4], "Amina, \"the duty\" officer");
        assert_eq!(&rows[2][6], "in_time");
        assert_eq!(&rows[2][9], "7200");
        assert_eq!(&rows[3][4], "'@SUM(1+1)");
        assert_eq!(&rows[3][6], "no_answer");
        assert_eq!(&rows[3][11], "not_reached");
        assert_eq!(&rows[3][19], "'=HYPERLINK(\"http://x\")");
        // Without notes for anyone but the secretariat.
        assert!(!results_csv(&r, false).contains("HYPERLINK"));
    }

    #[test]
    fn the_json_holds_the_same_lines() {
        let r = results();
        let j = results_json(&r, false);
        assert_eq!(j.pocs.len(), 2);
        assert_eq!(j.pocs[0].outcome, Outcome::InTime.as_str());
        assert_eq!(
            j.pocs[0].answered_at.as_deref(),
            Some("2026-11-30T10:00:00Z")
        );
        assert_eq!(j.pocs[1].note, None);
        assert_eq!(j.overall.tally.pocs, 2);
        assert_eq!(j.overall.median_seconds, Some(7200));
        assert_eq!(j.states[0].reach, "partly");
        let v = serde_json::to_value(results_json(&r, true)).unwrap();
        assert_eq!(v["pocs"][1]["note"], "=HYPERLINK(\"http://x\")");
        assert!(serde_json::to_value(&j).unwrap()["pocs"][1]
            .get("note")
            .is_none());
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(file_name(7, None, "csv"), "ping-test-7-results.csv");
        assert_eq!(
            file_name(7, Some("PAK\"\r\n"), "json"),
            "ping-test-7-results-PAK.json"
        );
        assert_eq!(file_name(7, Some(""), "csv"), "ping-test-7-results.csv");
    }
}
