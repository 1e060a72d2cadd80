//! Results: what each PoC did, how each State did (all reached, partly,
//! none), how fast PoCs answered, and the trend across campaigns.
//!
//! Aggregates only ever count what the reader may see: the caller passes
//! the results it is allowed to show (a State its own, the secretariat
//! all, the public only published aggregates).

use super::challenge::Outcome;
use std::collections::BTreeMap;
use time::Duration;

/// How many challenges ended each way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Tally {
    pub in_time: u64,
    pub late: u64,
    pub no_answer: u64,
    pub undeliverable: u64,
    pub awaiting: u64,
}

impl Tally {
    pub fn add(&mut self, outcome: Outcome) {
        self.add_n(outcome, 1);
    }

    pub fn add_n(&mut self, outcome: Outcome, n: u64) {
        let slot = match outcome {
            Outcome::InTime => &mut self.in_time,
            Outcome::Late => &mut self.late,
            Outcome::NoAnswer => &mut self.no_answer,
            Outcome::Undeliverable => &mut self.undeliverable,
            Outcome::Awaiting => &mut self.awaiting,
        };
        *slot = slot.saturating_add(n);
    }

    pub fn merge(&mut self, other: &Tally) {
        for o in Outcome::ALL {
            self.add_n(o, other.get(o));
        }
    }

    pub fn get(&self, outcome: Outcome) -> u64 {
        match outcome {
            Outcome::InTime => self.in_time,
            Outcome::Late => self.late,
            Outcome::NoAnswer => self.no_answer,
            Outcome::Undeliverable => self.undeliverable,
            Outcome::Awaiting => self.awaiting,
        }
    }

    pub fn total(&self) -> u64 {
        Outcome::ALL.iter().map(|o| self.get(*o)).sum()
    }

    pub fn reached(&self) -> u64 {
        self.in_time + self.late
    }

    /// `part` of the total in per mille (0 when there is nothing).
    pub fn per_mille(&self, part: u64) -> u64 {
        match self.total() {
            0 => 0,
            total => (part.saturating_mul(1000) + total / 2) / total,
        }
    }
}

/// How a State did in a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StateReach {
    /// Every PoC answered (in time or late).
    All,
    /// Some did.
    Partly,
    /// None did, and none can any more.
    None,
    /// None yet, and some still may.
    Awaiting,
}

impl StateReach {
    pub const ALL: [StateReach; 4] = [
        StateReach::All,
        StateReach::Partly,
        StateReach::None,
        StateReach::Awaiting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StateReach::All => "all",
            StateReach::Partly => "partly",
            StateReach::None => "none",
            StateReach::Awaiting => "awaiting",
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            StateReach::All => "ping-reach-all",
            StateReach::Partly => "ping-reach-partly",
            StateReach::None => "ping-reach-none",
            StateReach::Awaiting => "ping-reach-awaiting",
        }
    }

    /// A State's reach from its PoCs' tally.
    pub fn of(tally: &Tally) -> StateReach {
        let reached = tally.reached();
        if tally.total() > 0 && reached == tally.total() {
            StateReach::All
        } else if reached > 0 {
            StateReach::Partly
        } else if tally.awaiting > 0 {
            StateReach::Awaiting
        } else {
            StateReach::None
        }
    }
}

/// How many States reached each way: the figures a campaign may publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct ReachCounts {
    pub all: u64,
    pub partly: u64,
    pub none: u64,
    pub awaiting: u64,
}

impl ReachCounts {
    pub fn of<'a>(tallies: impl IntoIterator<Item = &'a Tally>) -> ReachCounts {
        let mut c = ReachCounts::default();
        for t in tallies {
            match StateReach::of(t) {
                StateReach::All => c.all += 1,
                StateReach::Partly => c.partly += 1,
                StateReach::None => c.none += 1,
                StateReach::Awaiting => c.awaiting += 1,
            }
        }
        c
    }

    pub fn total(&self) -> u64 {
        self.all + self.partly + self.none + self.awaiting
    }
}

/// Tallies per State, by State code.
pub fn tally_by_state<'a>(
    outcomes: impl IntoIterator<Item = (&'a str, Outcome)>,
) -> BTreeMap<String, Tally> {
    let mut by_state: BTreeMap<String, Tally> = BTreeMap::new();
    for (state, outcome) in outcomes {
        by_state.entry(state.to_string()).or_default().add(outcome);
    }
    by_state
}

/// The bands of the response-time distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseBand {
    UnderOneHour,
    OneToFourHours,
    FourToTwelveHours,
    TwelveToTwentyFourHours,
    OneToTwoDays,
    TwoToThreeDays,
    OverThreeDays,
}

impl ResponseBand {
    pub const ALL: [ResponseBand; 7] = [
        ResponseBand::UnderOneHour,
        ResponseBand::OneToFourHours,
        ResponseBand::FourToTwelveHours,
        ResponseBand::TwelveToTwentyFourHours,
        ResponseBand::OneToTwoDays,
        ResponseBand::TwoToThreeDays,
        ResponseBand::OverThreeDays,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResponseBand::UnderOneHour => "under_1h",
            ResponseBand::OneToFourHours => "1h_4h",
            ResponseBand::FourToTwelveHours => "4h_12h",
            ResponseBand::TwelveToTwentyFourHours => "12h_24h",
            ResponseBand::OneToTwoDays => "24h_48h",
            ResponseBand::TwoToThreeDays => "48h_72h",
            ResponseBand::OverThreeDays => "over_72h",
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            ResponseBand::UnderOneHour => "ping-band-under_1h",
            ResponseBand::OneToFourHours => "ping-band-1h_4h",
            ResponseBand::FourToTwelveHours => "ping-band-4h_12h",
            ResponseBand::TwelveToTwentyFourHours => "ping-band-12h_24h",
            ResponseBand::OneToTwoDays => "ping-band-24h_48h",
            ResponseBand::TwoToThreeDays => "ping-band-48h_72h",
            ResponseBand::OverThreeDays => "ping-band-over_72h",
        }
    }

    pub fn of(response: Duration) -> ResponseBand {
        let hours = response.whole_seconds() as f64 / 3600.0;
        if hours < 1.0 {
            ResponseBand::UnderOneHour
        } else if hours < 4.0 {
            ResponseBand::OneToFourHours
        } else if hours < 12.0 {
            ResponseBand::FourToTwelveHours
        } else if hours < 24.0 {
            ResponseBand::TwelveToTwentyFourHours
        } else if hours < 48.0 {
            ResponseBand::OneToTwoDays
        } else if hours < 72.0 {
            ResponseBand::TwoToThreeDays
        } else {
            ResponseBand::OverThreeDays
        }
    }
}

/// The response-time distribution: answers per band, and the median and
/// 90th percentile (None when nobody answered).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Distribution {
    pub bands: Vec<(ResponseBand, u64)>,
    pub answers: u64,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
}

impl Distribution {
    pub fn of(responses: impl IntoIterator<Item = Duration>) -> Distribution {
        let mut seconds: Vec<i64> = responses.into_iter().map(|d| d.whole_seconds()).collect();
        seconds.sort_unstable();
        let mut counts: BTreeMap<ResponseBand, u64> =
            ResponseBand::ALL.iter().map(|b| (*b, 0)).collect();
        for s in &seconds {
            *counts
                .entry(ResponseBand::of(Duration::seconds(*s)))
                .or_default() += 1;
        }
        let rank = |q: usize| -> Option<i64> {
            if seconds.is_empty() {
                return None;
            }
            // Nearest rank: the smallest value with at least q % at or below it.
            let idx = (seconds.len() * q).div_ceil(100).saturating_sub(1);
            seconds.get(idx.min(seconds.len() - 1)).copied()
        };
        Distribution {
            bands: counts.into_iter().collect(),
            answers: seconds.len() as u64,
            median_seconds: rank(50),
            p90_seconds: rank(90),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_states_reach() {
        let mut t = Tally::default();
        assert_eq!(StateReach::of(&t), StateReach::None);
        t.add(Outcome::Awaiting);
        assert_eq!(StateReach::of(&t), StateReach::Awaiting);
        t.add(Outcome::Late);
        assert_eq!(StateReach::of(&t), StateReach::Partly);
        let mut all = Tally::default();
        all.add(Outcome::InTime);
        all.add(Outcome::Late);
        assert_eq!(StateReach::of(&all), StateReach::All);
        let mut none = Tally::default();
        none.add(Outcome::NoAnswer);
        none.add(Outcome::Undeliverable);
        assert_eq!(StateReach::of(&none), StateReach::None);
        let counts = ReachCounts::of([&t, &all, &none]);
        assert_eq!(
            (counts.all, counts.partly, counts.none, counts.total()),
            (1, 1, 1, 3)
        );
    }

    #[test]
    fn shares_round_and_never_divide_by_zero() {
        let mut t = Tally::default();
        assert_eq!(t.per_mille(0), 0);
        t.add(Outcome::InTime);
        t.add(Outcome::NoAnswer);
        t.add(Outcome::NoAnswer);
        assert_eq!(t.per_mille(t.in_time), 333);
        assert_eq!(t.per_mille(t.no_answer), 667);
    }

    #[test]
    fn the_distribution_bands_and_percentiles() {
        let d = Distribution::of((1..=10).map(|h| Duration::hours(h * 8)));
        assert_eq!(d.answers, 10);
        assert_eq!(d.median_seconds, Some(5 * 8 * 3600));
        assert_eq!(d.p90_seconds, Some(9 * 8 * 3600));
        let count = |b| d.bands.iter().find(|(x, _)| *x == b).map(|(_, n)| *n);
        assert_eq!(count(ResponseBand::FourToTwelveHours), Some(1));
        assert_eq!(count(ResponseBand::OverThreeDays), Some(2));
        assert_eq!(d.bands.len(), ResponseBand::ALL.len());
        assert_eq!(Distribution::of([]).median_seconds, None);
    }
}
