//! The figures of capacity building, for the secretariat: requests by area
//! and by the requester's region with where they stand, how long the
//! first offer and the acknowledgement took, matches, the follow-ups'
//! outcomes and the funding per currency. Computed from plain facts, so
//! that the page, the CSV and the JSON say the same.

use super::funding::FundingTotals;
use super::matching::acknowledgement_due;
use super::{Area, Milestone, Outcome, RequestStatus};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// What the figures need of one request.
#[derive(Debug, Clone)]
pub struct RequestFacts {
    pub areas: Vec<Area>,
    /// The requesting State's region (empty when unknown).
    pub region: String,
    pub status: RequestStatus,
    pub filed_at: OffsetDateTime,
    pub acknowledged_at: Option<OffsetDateTime>,
    pub first_offer_at: Option<OffsetDateTime>,
}

/// Requests by where they stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub total: u32,
    /// Filed or acknowledged: open to offers.
    pub open: u32,
    pub selected: u32,
    pub matched: u32,
    pub closed: u32,
    pub withdrawn: u32,
}

impl StatusCounts {
    fn add(&mut self, status: RequestStatus) {
        self.total += 1;
        let cell = match status {
            RequestStatus::Filed | RequestStatus::Acknowledged => &mut self.open,
            RequestStatus::Selected => &mut self.selected,
            RequestStatus::Matched => &mut self.matched,
            RequestStatus::Closed => &mut self.closed,
            RequestStatus::Withdrawn => &mut self.withdrawn,
        };
        *cell += 1;
    }

    /// (measure, count), in the order the page and the CSV show them.
    pub fn measures(&self) -> [(&'static str, u32); 6] {
        [
            ("total", self.total),
            ("open", self.open),
            ("selected", self.selected),
            ("matched", self.matched),
            ("closed", self.closed),
            ("withdrawn", self.withdrawn),
        ]
    }
}

/// How long something took, over the requests where it happened.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Delay {
    /// Requests where it happened.
    pub done: u32,
    /// Requests where it has not happened yet.
    pub waiting: u32,
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
}

fn delay(mut days: Vec<f64>, waiting: u32) -> Delay {
    days.sort_by(f64::total_cmp);
    // Nearest rank: the smallest value with at least p % at or below it.
    let rank = |p: usize| -> Option<f64> {
        let n = days.len();
        let i = (n * p).div_ceil(100).checked_sub(1)?;
        days.get(i).copied()
    };
    Delay {
        done: u32::try_from(days.len()).unwrap_or(u32::MAX),
        waiting,
        median_days: rank(50),
        p90_days: rank(90),
    }
}

fn days_between(from: OffsetDateTime, to: OffsetDateTime) -> f64 {
    (to - from).as_seconds_f64() / 86_400.0
}

#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub requests: u32,
    pub by_area: BTreeMap<Area, StatusCounts>,
    pub by_region: BTreeMap<String, StatusCounts>,
    /// From filing to the first offer.
    pub first_offer: Delay,
    /// From filing to the secretariat's acknowledgement.
    pub acknowledgement: Delay,
    /// Acknowledged within the 5 working days.
    pub acknowledged_in_time: u32,
    /// Matches confirmed (matched or closed after a match).
    pub matches: u32,
    /// Offers selected, waiting for the secretariat's confirmation.
    pub awaiting_confirmation: u32,
    pub outcomes: BTreeMap<(Milestone, Outcome), u32>,
    pub funding: FundingTotals,
}

/// The figures of `requests`, their follow-ups' outcomes and the funding
/// lines (currency, stage, minor units).
pub fn figures(
    requests: &[RequestFacts],
    outcomes: &[(Milestone, Outcome)],
    funding: &[(String, super::FundingStage, i64)],
) -> Figures {
    let mut f = Figures::default();
    let mut first_offer = Vec::new();
    let mut acknowledgement = Vec::new();
    for r in requests {
        f.requests += 1;
        for area in &r.areas {
            f.by_area.entry(*area).or_default().add(r.status);
        }
        f.by_region
            .entry(r.region.clone())
            .or_default()
            .add(r.status);
        match r.first_offer_at {
            Some(at) => first_offer.push(days_between(r.filed_at, at)),
            None if r.status.open() => f.first_offer.waiting += 1,
            None => {}
        }
        match r.acknowledged_at {
            Some(at) => {
                acknowledgement.push(days_between(r.filed_at, at));
                if at <= acknowledgement_due(r.filed_at) {
                    f.acknowledged_in_time += 1;
                }
            }
            None if r.status != RequestStatus::Withdrawn => f.acknowledgement.waiting += 1,
            None => {}
        }
        match r.status {
            RequestStatus::Matched => f.matches += 1,
            RequestStatus::Closed => f.matches += 1,
            RequestStatus::Selected => f.awaiting_confirmation += 1,
            _ => {}
        }
    }
    f.first_offer = delay(first_offer, f.first_offer.waiting);
    f.acknowledgement = delay(acknowledgement, f.acknowledgement.waiting);
    for o in outcomes {
        *f.outcomes.entry(*o).or_default() += 1;
    }
    for (currency, stage, minor) in funding {
        f.funding.add(currency, *stage, *minor);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capacity::FundingStage;
    use time::macros::datetime;
    use time::Duration;

    const MONDAY: OffsetDateTime = datetime!(2026-11-02 09:00 UTC);

    fn request(
        areas: &[Area],
        region: &str,
        status: RequestStatus,
        ack_days: Option<i64>,
        offer_days: Option<i64>,
    ) -> RequestFacts {
        RequestFacts {
            areas: areas.to_vec(),
            region: region.into(),
            status,
            filed_at: MONDAY,
            acknowledged_at: ack_days.map(|d| MONDAY + Duration::days(d)),
            first_offer_at: offer_days.map(|d| MONDAY + Duration::days(d)),
        }
    }

    #[test]
    fn requests_are_counted_by_area_region_status_and_delay() {
        let f = figures(
            &[
                request(
                    &[Area::IncidentResponse, Area::TechnicalTraining],
                    "Asia",
                    RequestStatus::Matched,
                    Some(2),
                    Some(4),
                ),
                request(
                    &[Area::IncidentResponse],
                    "Europe",
                    RequestStatus::Filed,
                    None,
                    None,
                ),
                // Acknowledged after 9 days: past the 5 working days.
                request(
                    &[Area::Awareness],
                    "Asia",
                    RequestStatus::Acknowledged,
                    Some(9),
                    Some(10),
                ),
                request(
                    &[Area::Awareness],
                    "Africa",
                    RequestStatus::Withdrawn,
                    None,
                    None,
                ),
                request(
                    &[Area::Standards],
                    "Africa",
                    RequestStatus::Selected,
                    Some(1),
                    Some(2),
                ),
            ],
            &[(Milestone::SixMonths, Outcome::Partly)],
            &[
                ("EUR".into(), FundingStage::Pledge, 4_800_000),
                ("EUR".into(), FundingStage::Disbursement, 2_400_000),
                ("JPY".into(), FundingStage::Pledge, 1_000_000),
            ],
        );
        assert_eq!(f.requests, 5);
        let ir = f.by_area[&Area::IncidentResponse];
        assert_eq!((ir.total, ir.open, ir.matched), (2, 1, 1));
        assert_eq!(f.by_area[&Area::Awareness].withdrawn, 1);
        assert_eq!(f.by_region["Asia"].total, 2);
        assert_eq!(f.by_region["Africa"].measures()[2], ("selected", 1));
        // Offers after 2, 4 and 10 days; one open request still waits.
        assert_eq!(f.first_offer.done, 3);
        assert_eq!(f.first_offer.waiting, 1);
        assert_eq!(f.first_offer.median_days, Some(4.0));
        assert_eq!(f.first_offer.p90_days, Some(10.0));
        assert_eq!(f.acknowledgement.done, 3);
        assert_eq!(
            f.acknowledgement.waiting, 1,
            "the withdrawn one waits for nothing"
        );
        assert_eq!(f.acknowledged_in_time, 2);
        assert_eq!((f.matches, f.awaiting_confirmation), (1, 1));
        assert_eq!(f.outcomes[&(Milestone::SixMonths, Outcome::Partly)], 1);
        assert_eq!(f.funding.0["EUR"], [4_800_000, 0, 2_400_000]);
        assert_eq!(f.funding.0["JPY"], [1_000_000, 0, 0]);
    }

    #[test]
    fn no_requests_no_figures() {
        let f = figures(&[], &[], &[]);
        assert_eq!(f.requests, 0);
        assert_eq!(f.first_offer.median_days, None);
        assert!(f.by_area.is_empty());
    }
}
