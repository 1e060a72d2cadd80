//! Readiness to take part in the directory (the seed's "action plan to
//! support interested States in building their requisite institutional
//! strength"): a State's self-assessment on six points, the action plan
//! its gaps make (each a request for help in one step), and the regional
//! aggregate the secretariat sees, shown only where enough States
//! answered that no single State's answers can be read from it.

use super::request::labelled_enum;
use super::{Area, Format};
use std::collections::BTreeMap;

labelled_enum!(
    /// What the self-assessment asks.
    ReadinessPoint, "readiness-point-", [
        /// A national CSIRT (or CERT) with a mandate.
        NationalCsirt => "national_csirt",
        /// A PoC reachable at any hour.
        ReachableAnyHour => "reachable_any_hour",
        /// Secure channels: OpenPGP keys published and current.
        SecureChannels => "secure_channels",
        /// Both a diplomatic and a technical PoC nominated.
        BothPocs => "both_pocs",
        /// Ping tests answered in time.
        PingTests => "ping_tests",
        /// Staff trained in the e-learning modules.
        StaffTrained => "staff_trained",
    ]
);

labelled_enum!(
    /// A State's answer on one point.
    ReadinessAnswer, "readiness-answer-", [
        Yes => "yes",
        Partly => "partly",
        No => "no",
    ]
);

impl ReadinessPoint {
    /// The help a gap on this point asks for: the area and the format of
    /// the request it becomes, and the Fluent id of the action.
    pub fn remedy(self) -> (Area, Format, &'static str) {
        match self {
            ReadinessPoint::NationalCsirt => (
                Area::IncidentResponse,
                Format::AdvisoryMission,
                "readiness-action-national_csirt",
            ),
            ReadinessPoint::ReachableAnyHour => (
                Area::IncidentResponse,
                Format::Training,
                "readiness-action-reachable_any_hour",
            ),
            ReadinessPoint::SecureChannels => (
                Area::TechnicalTraining,
                Format::Training,
                "readiness-action-secure_channels",
            ),
            ReadinessPoint::BothPocs => (
                Area::StrategyPolicy,
                Format::AdvisoryMission,
                "readiness-action-both_pocs",
            ),
            ReadinessPoint::PingTests => (
                Area::Awareness,
                Format::Training,
                "readiness-action-ping_tests",
            ),
            ReadinessPoint::StaffTrained => (
                Area::TechnicalTraining,
                Format::Training,
                "readiness-action-staff_trained",
            ),
        }
    }
}

/// Every Fluent id the readiness names.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = ReadinessPoint::ALL
        .map(ReadinessPoint::label_message)
        .to_vec();
    ids.extend(ReadinessAnswer::ALL.map(ReadinessAnswer::label_message));
    ids.extend(ReadinessPoint::ALL.map(|p| p.remedy().2));
    ids.push("readiness-problem-answers");
    ids.push("readiness-refused-no-gap");
    ids
}

/// A self-assessment: an answer on every point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment(pub BTreeMap<ReadinessPoint, ReadinessAnswer>);

impl Assessment {
    /// Reads (point, answer) pairs as a form or the API sends them: every
    /// point once, each a known answer (`readiness-problem-answers`
    /// otherwise).
    pub fn parse(pairs: &[(String, String)]) -> Result<Assessment, &'static str> {
        let mut answers = BTreeMap::new();
        for (point, answer) in pairs {
            let (Some(point), Some(answer)) =
                (ReadinessPoint::parse(point), ReadinessAnswer::parse(answer))
            else {
                return Err("readiness-problem-answers");
            };
            if answers.insert(point, answer).is_some() {
                return Err("readiness-problem-answers");
            }
        }
        if answers.len() != ReadinessPoint::ALL.len() {
            return Err("readiness-problem-answers");
        }
        Ok(Assessment(answers))
    }

    /// The gaps, in the order of the points: what the action plan lists.
    pub fn gaps(&self) -> Vec<(ReadinessPoint, ReadinessAnswer)> {
        self.0
            .iter()
            .filter(|(_, a)| **a != ReadinessAnswer::Yes)
            .map(|(p, a)| (*p, *a))
            .collect()
    }

    /// Points answered yes, out of six.
    pub fn ready(&self) -> usize {
        self.0
            .values()
            .filter(|a| **a == ReadinessAnswer::Yes)
            .count()
    }

    /// As stored: `point=answer` pairs joined by spaces.
    pub fn to_text(&self) -> String {
        self.0
            .iter()
            .map(|(p, a)| format!("{}={}", p.as_str(), a.as_str()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn from_text(text: &str) -> Option<Assessment> {
        let pairs: Vec<(String, String)> = text
            .split_whitespace()
            .map(|pair| {
                let (p, a) = pair.split_once('=').unwrap_or((pair, ""));
                (p.to_owned(), a.to_owned())
            })
            .collect();
        Assessment::parse(&pairs).ok()
    }
}

/// Fewer States than this in a region, and its aggregate is withheld.
pub const MIN_STATES_PER_REGION: usize = 3;

/// One region's answers, point by point: (yes, partly, no).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionReadiness {
    Shown {
        states: usize,
        points: BTreeMap<ReadinessPoint, [usize; 3]>,
    },
    /// Too few States answered to show it without pointing at one.
    Withheld,
}

/// The aggregate by region of the latest assessment of each State.
pub fn by_region<'a>(
    assessments: impl IntoIterator<Item = (&'a str, &'a Assessment)>,
) -> BTreeMap<String, RegionReadiness> {
    let mut grouped: BTreeMap<String, Vec<&Assessment>> = BTreeMap::new();
    for (region, a) in assessments {
        grouped.entry(region.to_owned()).or_default().push(a);
    }
    grouped
        .into_iter()
        .map(|(region, list)| {
            if list.len() < MIN_STATES_PER_REGION {
                return (region, RegionReadiness::Withheld);
            }
            let mut points: BTreeMap<ReadinessPoint, [usize; 3]> = BTreeMap::new();
            for a in &list {
                for (p, answer) in &a.0 {
                    let row = points.entry(*p).or_insert([0; 3]);
                    let i = match answer {
                        ReadinessAnswer::Yes => 0,
                        ReadinessAnswer::Partly => 1,
                        ReadinessAnswer::No => 2,
                    };
                    if let Some(cell) = row.get_mut(i) {
                        *cell += 1;
                    }
                }
            }
            (
                region,
                RegionReadiness::Shown {
                    states: list.len(),
                    points,
                },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all(answer: &str) -> Vec<(String, String)> {
        ReadinessPoint::ALL
            .iter()
            .map(|p| (p.as_str().to_owned(), answer.to_owned()))
            .collect()
    }

    #[test]
    fn an_assessment_needs_every_point_once() {
        assert!(Assessment::parse(&all("yes")).is_ok());
        let mut short = all("yes");
        short.pop();
        assert_eq!(Assessment::parse(&short), Err("readiness-problem-answers"));
        let mut twice = all("yes");
        twice.push(("ping_tests".into(), "no".into()));
        assert!(Assessment::parse(&twice).is_err());
        let mut unknown = all("yes");
        unknown[0].1 = "maybe".into();
        assert!(Assessment::parse(&unknown).is_err());
    }

    #[test]
    fn gaps_make_the_plan_and_read_back() {
        let mut pairs = all("yes");
        pairs[0].1 = "no".into();
        pairs[4].1 = "partly".into();
        let a = Assessment::parse(&pairs).unwrap();
        assert_eq!(
            a.gaps(),
            vec![
                (ReadinessPoint::NationalCsirt, ReadinessAnswer::No),
                (ReadinessPoint::PingTests, ReadinessAnswer::Partly),
            ]
        );
        assert_eq!(a.ready(), 4);
        assert_eq!(
            ReadinessPoint::NationalCsirt.remedy().0,
            Area::IncidentResponse
        );
        assert_eq!(Assessment::from_text(&a.to_text()), Some(a));
    }

    #[test]
    fn a_region_with_too_few_states_is_withheld() {
        let yes = Assessment::parse(&all("yes")).unwrap();
        let no = Assessment::parse(&all("no")).unwrap();
        let regions = by_region([
            ("Asia", &yes),
            ("Asia", &no),
            ("Asia", &yes),
            ("Africa", &no),
            ("Africa", &yes),
        ]);
        assert_eq!(regions["Africa"], RegionReadiness::Withheld);
        match &regions["Asia"] {
            RegionReadiness::Shown { states, points } => {
                assert_eq!(*states, 3);
                assert_eq!(points[&ReadinessPoint::BothPocs], [2, 0, 1]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_json_names_are_the_stored_names() {
        for p in ReadinessPoint::ALL {
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
        }
        for a in ReadinessAnswer::ALL {
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
    }

    proptest! {
        #[test]
        fn hostile_pairs_never_panic(pairs in proptest::collection::vec(("\\PC{0,20}", "\\PC{0,10}"), 0..10), text in "\\PC{0,200}") {
            let _ = Assessment::parse(&pairs);
            let _ = Assessment::from_text(&text);
        }
    }
}
