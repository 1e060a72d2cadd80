//! A scenario: what a tabletop exercise is about (objectives, the
//! simulated actors), and its timeline of injects at offsets from the
//! start, each with what the players are expected to do and by when.
//!
//! Scenarios travel as JSON (the library's export and import). Reading one
//! is two steps: serde reads the shape (unknown fields refused), then
//! [`Scenario::check`] finds every problem at once, each a Fluent id with
//! where it is, so that an author fixes a file in one go.

use crate::communication::delivery::RoleChoice;
use crate::communication::template::Urgency;
use crate::communication::tlp::TlpLabel;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The format's name and version, first in every file.
pub const FORMAT: &str = "pocdir-exercise-scenario/1";
/// The most a scenario file may weigh (bytes).
pub const MAX_BYTES: usize = 512 * 1024;
pub const MAX_INJECTS: usize = 200;
pub const MAX_ACTORS: usize = 30;
pub const MAX_OBJECTIVES: usize = 20;
pub const MAX_EXPECTATIONS: usize = 5;
/// An exercise lasts at most a week of exercise time.
pub const MAX_OFFSET_MINUTES: u32 = 7 * 24 * 60;
pub const MAX_TITLE: usize = 200;
pub const MAX_SUBJECT: usize = 300;
pub const MAX_TEXT: usize = 20_000;
pub const MAX_SCORE: u32 = 1_000;
/// The six languages a text may be written in.
pub const LANGUAGES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];

/// How far an exercise goes: the steps States asked for, of rising
/// complexity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Does every PoC answer at all?
    ContactCheck,
    /// A timed exchange of messages.
    Communication,
    /// A full scenario with escalation and decisions.
    Tabletop,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::ContactCheck, Level::Communication, Level::Tabletop];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::ContactCheck => "contact_check",
            Level::Communication => "communication",
            Level::Tabletop => "tabletop",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            Level::ContactCheck => "exercise-level-contact_check",
            Level::Communication => "exercise-level-communication",
            Level::Tabletop => "exercise-level-tabletop",
        }
    }
}

/// Who a simulated actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A fictional State or its CERT.
    State,
    Cert,
    Company,
    NewsOutlet,
    /// The exercise control itself.
    Control,
}

impl ActorKind {
    pub const ALL: [ActorKind; 5] = [
        ActorKind::State,
        ActorKind::Cert,
        ActorKind::Company,
        ActorKind::NewsOutlet,
        ActorKind::Control,
    ];

    pub fn label_message(self) -> &'static str {
        match self {
            ActorKind::State => "exercise-actor-state",
            ActorKind::Cert => "exercise-actor-cert",
            ActorKind::Company => "exercise-actor-company",
            ActorKind::NewsOutlet => "exercise-actor-news_outlet",
            ActorKind::Control => "exercise-actor-control",
        }
    }
}

/// A simulated actor an inject comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
}

/// How an inject reaches the players.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A message in the players' exercise inbox, and a mail.
    Message,
    /// A notice on the portal only (no mail).
    Notice,
    /// A simulated news item on the portal only.
    News,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Message, Channel::Notice, Channel::News];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Message => "message",
            Channel::Notice => "notice",
            Channel::News => "news",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether the inject is also mailed.
    pub fn mails(self) -> bool {
        matches!(self, Channel::Message)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            Channel::Message => "exercise-channel-message",
            Channel::Notice => "exercise-channel-notice",
            Channel::News => "exercise-channel-news",
        }
    }
}

/// What the players of a State are expected to do about an inject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpectationKind {
    /// Acknowledge receipt.
    Acknowledge,
    /// Reply with information.
    Reply,
    /// Bring it to the State's diplomatic PoC.
    Escalate,
    /// Anything the system cannot tell by itself (e.g. contact another
    /// State's PoC): the facilitator validates it by hand.
    Manual,
}

impl ExpectationKind {
    pub const ALL: [ExpectationKind; 4] = [
        ExpectationKind::Acknowledge,
        ExpectationKind::Reply,
        ExpectationKind::Escalate,
        ExpectationKind::Manual,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExpectationKind::Acknowledge => "acknowledge",
            ExpectationKind::Reply => "reply",
            ExpectationKind::Escalate => "escalate",
            ExpectationKind::Manual => "manual",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            ExpectationKind::Acknowledge => "exercise-expect-acknowledge",
            ExpectationKind::Reply => "exercise-expect-reply",
            ExpectationKind::Escalate => "exercise-expect-escalate",
            ExpectationKind::Manual => "exercise-expect-manual",
        }
    }
}

/// One expectation of an inject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectationPlan {
    pub kind: ExpectationKind,
    pub within_minutes: u32,
    pub score: u32,
    /// What the facilitator looks for (manual expectations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Whom an inject reaches: the chosen roles of the exercise's States (all
/// of them when `states` is absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipients {
    #[serde(with = "role_choice")]
    pub roles: RoleChoice,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub states: Option<Vec<String>>,
}

/// Send only to the States that had not acknowledged `inject` within
/// `within_minutes` of receiving it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub unacknowledged: String,
    pub within_minutes: u32,
}

/// One inject of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InjectPlan {
    pub key: String,
    /// Minutes of exercise time after the start.
    pub at_minutes: u32,
    pub channel: Channel,
    /// The key of the actor it comes from.
    pub from: String,
    pub to: Recipients,
    #[serde(with = "tlp_code")]
    pub tlp: TlpLabel,
    pub urgency: Urgency,
    /// Language → text; at least the scenario's language.
    pub subject: BTreeMap<String, String>,
    pub text: BTreeMap<String, String>,
    #[serde(default)]
    pub expect: Vec<ExpectationPlan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
}

impl InjectPlan {
    /// The subject and text in `language`, else in `fallback` (the
    /// scenario's language, which every inject has).
    pub fn localized<'a>(&'a self, language: &str, fallback: &str) -> (&'a str, &'a str) {
        let pick = |m: &'a BTreeMap<String, String>| {
            m.get(language)
                .or_else(|| m.get(fallback))
                .or_else(|| m.values().next())
                .map(String::as_str)
                .unwrap_or("")
        };
        (pick(&self.subject), pick(&self.text))
    }
}

/// A whole scenario, as exported and imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format: String,
    pub title: String,
    pub level: Level,
    /// The language every text is at least written in.
    pub language: String,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    pub injects: Vec<InjectPlan>,
}

/// One thing wrong with a scenario: where (e.g. `injects[3].from`) and
/// what (a Fluent id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioProblem {
    pub field: String,
    pub message_id: &'static str,
}

/// Why a scenario file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioRefusal {
    TooLarge,
    /// Not JSON of the format's shape; serde's words (line, column, field).
    Unreadable(String),
    Invalid(Vec<ScenarioProblem>),
}

pub const MESSAGE_IDS: [&str; 20] = [
    "exercise-scenario-too-large",
    "exercise-scenario-unreadable",
    "exercise-problem-format",
    "exercise-problem-title",
    "exercise-problem-language",
    "exercise-problem-objectives",
    "exercise-problem-actors",
    "exercise-problem-key",
    "exercise-problem-duplicate-key",
    "exercise-problem-injects",
    "exercise-problem-offset",
    "exercise-problem-unknown-actor",
    "exercise-problem-tlp-red",
    "exercise-problem-subject",
    "exercise-problem-text",
    "exercise-problem-text-language",
    "exercise-problem-expectations",
    "exercise-problem-score",
    "exercise-problem-condition",
    "exercise-problem-states",
];

impl Scenario {
    /// Reads and checks a scenario file.
    pub fn from_json(bytes: &[u8]) -> Result<Scenario, ScenarioRefusal> {
        if bytes.len() > MAX_BYTES {
            return Err(ScenarioRefusal::TooLarge);
        }
        let scenario: Scenario = serde_json::from_slice(bytes)
            .map_err(|e| ScenarioRefusal::Unreadable(e.to_string()))?;
        let problems = scenario.check();
        if problems.is_empty() {
            Ok(scenario)
        } else {
            Err(ScenarioRefusal::Invalid(problems))
        }
    }

    /// The file, as exported (pretty, so that it reads and diffs well).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every problem, in the file's order; empty when it may be played.
    pub fn check(&self) -> Vec<ScenarioProblem> {
        let mut out = Vec::new();
        let mut bad = |field: String, message_id: &'static str| {
            out.push(ScenarioProblem { field, message_id })
        };
        if self.format != FORMAT {
            bad("format".into(), "exercise-problem-format");
        }
        if !fits(&self.title, MAX_TITLE) {
            bad("title".into(), "exercise-problem-title");
        }
        if !LANGUAGES.contains(&self.language.as_str()) {
            bad("language".into(), "exercise-problem-language");
        }
        if self.objectives.len() > MAX_OBJECTIVES
            || self.objectives.iter().any(|o| !fits(o, MAX_SUBJECT * 2))
        {
            bad("objectives".into(), "exercise-problem-objectives");
        }
        if self.actors.len() > MAX_ACTORS {
            bad("actors".into(), "exercise-problem-actors");
        }
        let mut actor_keys = BTreeSet::new();
        for (i, a) in self.actors.iter().enumerate() {
            if !is_key(&a.key) {
                bad(format!("actors[{i}].key"), "exercise-problem-key");
            } else if !actor_keys.insert(a.key.as_str()) {
                bad(format!("actors[{i}].key"), "exercise-problem-duplicate-key");
            }
            if !fits(&a.name, MAX_TITLE) {
                bad(format!("actors[{i}].name"), "exercise-problem-actors");
            }
        }
        if self.injects.is_empty() || self.injects.len() > MAX_INJECTS {
            bad("injects".into(), "exercise-problem-injects");
        }
        // Keys seen so far, with the inject's offset and whether it
        // expects an acknowledgement: a condition looks back only.
        let mut seen: BTreeMap<&str, (u32, bool)> = BTreeMap::new();
        for (i, inj) in self.injects.iter().enumerate() {
            let at = |f: &str| format!("injects[{i}].{f}");
            if !is_key(&inj.key) {
                bad(at("key"), "exercise-problem-key");
            } else if seen.contains_key(inj.key.as_str()) {
                bad(at("key"), "exercise-problem-duplicate-key");
            }
            if inj.at_minutes > MAX_OFFSET_MINUTES {
                bad(at("at_minutes"), "exercise-problem-offset");
            }
            if !actor_keys.contains(inj.from.as_str()) {
                bad(at("from"), "exercise-problem-unknown-actor");
            }
            // RED is for the people in the room; an exercise's injects are
            // mailed and shown to every player of a State.
            if inj.tlp == TlpLabel::Red {
                bad(at("tlp"), "exercise-problem-tlp-red");
            }
            if let Some(states) = &inj.to.states {
                if states.is_empty() || states.iter().any(|s| !is_state_code(s)) {
                    bad(at("to.states"), "exercise-problem-states");
                }
            }
            if let Some(id) = check_texts(&inj.subject, MAX_SUBJECT, &self.language) {
                bad(at("subject"), id);
            }
            if let Some(id) = check_texts(&inj.text, MAX_TEXT, &self.language) {
                bad(at("text"), id);
            }
            if inj.expect.len() > MAX_EXPECTATIONS
                || inj.expect.iter().any(|e| {
                    e.within_minutes == 0
                        || e.within_minutes > MAX_OFFSET_MINUTES
                        || e.description
                            .as_deref()
                            .is_some_and(|d| !fits(d, MAX_SUBJECT))
                })
            {
                bad(at("expect"), "exercise-problem-expectations");
            }
            let mut kinds = BTreeSet::new();
            if inj.expect.iter().any(|e| !kinds.insert(e.kind)) {
                bad(at("expect"), "exercise-problem-expectations");
            }
            if inj.expect.iter().any(|e| e.score > MAX_SCORE) {
                bad(at("expect"), "exercise-problem-score");
            }
            if let Some(c) = &inj.condition {
                let fine = match seen.get(c.unacknowledged.as_str()) {
                    Some((offset, expects_ack)) => {
                        *expects_ack
                            && c.within_minutes > 0
                            && offset.saturating_add(c.within_minutes) <= inj.at_minutes
                    }
                    None => false,
                };
                if !fine {
                    bad(at("condition"), "exercise-problem-condition");
                }
            }
            let expects_ack = inj
                .expect
                .iter()
                .any(|e| e.kind == ExpectationKind::Acknowledge);
            seen.entry(inj.key.as_str())
                .or_insert((inj.at_minutes, expects_ack));
        }
        out
    }

    pub fn actor(&self, key: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.key == key)
    }

    pub fn inject(&self, key: &str) -> Option<&InjectPlan> {
        self.injects.iter().find(|i| i.key == key)
    }

    /// The States the scenario's injects name that are not among
    /// `states` (the exercise's): each is a recipient outside the
    /// exercise.
    pub fn states_outside<'a>(&'a self, states: &[String]) -> Vec<&'a str> {
        let mut out: Vec<&str> = self
            .injects
            .iter()
            .filter_map(|i| i.to.states.as_ref())
            .flatten()
            .filter(|s| !states.contains(s))
            .map(String::as_str)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The last inject's offset (the timeline's length, in minutes).
    pub fn length_minutes(&self) -> u32 {
        self.injects
            .iter()
            .map(|i| i.at_minutes + i.expect.iter().map(|e| e.within_minutes).max().unwrap_or(0))
            .max()
            .unwrap_or(0)
    }
}

fn fits(s: &str, max: usize) -> bool {
    let t = s.trim();
    !t.is_empty() && t.chars().count() <= max && !t.chars().any(|c| c.is_control() && c != '\n')
}

/// A text map: the scenario's language present, only the six languages,
/// each text fitting.
fn check_texts(
    texts: &BTreeMap<String, String>,
    max: usize,
    language: &str,
) -> Option<&'static str> {
    if texts.keys().any(|l| !LANGUAGES.contains(&l.as_str())) || !texts.contains_key(language) {
        return Some("exercise-problem-text-language");
    }
    let fine = texts.values().all(|t| {
        let t2 = t.trim();
        !t2.is_empty()
            && t2.chars().count() <= max
            && !t2
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    });
    if fine {
        None
    } else if max == MAX_SUBJECT {
        Some("exercise-problem-subject")
    } else {
        Some("exercise-problem-text")
    }
}

/// Keys are short, lower-case ASCII words: they name injects and actors in
/// conditions and in the log.
fn is_key(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn is_state_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

mod role_choice {
    use crate::communication::delivery::RoleChoice;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(r: &RoleChoice, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(r.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<RoleChoice, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom("roles: diplomatic, technical or both"))
    }
}

mod tlp_code {
    use crate::communication::tlp::TlpLabel;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &TlpLabel, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TlpLabel, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom("tlp: CLEAR, GREEN, AMBER or AMBER+STRICT"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::examples;
    use proptest::prelude::*;

    fn minimal() -> String {
        r#"{"format":"pocdir-exercise-scenario/1","title":"Contact check","level":"contact_check",
        "language":"en","actors":[{"key":"control","name":"Exercise control","kind":"control"}],
        "injects":[{"key":"start","at_minutes":0,"channel":"message","from":"control",
        "to":{"roles":"both"},"tlp":"GREEN","urgency":"routine","subject":{"en":"Hello"},
        "text":{"en":"Please acknowledge."},
        "expect":[{"kind":"acknowledge","within_minutes":15,"score":10}]}]}"#
            .into()
    }

    #[test]
    fn a_minimal_scenario_reads_and_round_trips() {
        let s = Scenario::from_json(minimal().as_bytes()).unwrap();
        assert_eq!(s.injects.len(), 1);
        assert_eq!(s.length_minutes(), 15);
        let again = Scenario::from_json(s.to_json().as_bytes()).unwrap();
        assert_eq!(s, again);
    }

    #[test]
    fn the_examples_are_valid() {
        for (key, text) in examples::ALL {
            let s = Scenario::from_json(text.as_bytes())
                .unwrap_or_else(|e| panic!("example {key}: {e:?}"));
            assert!(s.injects.len() >= 8, "{key} is a real scenario");
            assert!(s.injects.iter().any(|i| i.condition.is_some()), "{key}");
        }
    }

    #[test]
    fn every_problem_is_found_at_once_with_its_place() {
        let text = minimal()
            .replace("\"from\":\"control\"", "\"from\":\"nobody\"")
            .replace("\"GREEN\"", "\"RED\"")
            .replace("\"title\":\"Contact check\"", "\"title\":\" \"")
            .replace("\"within_minutes\":15", "\"within_minutes\":0");
        let Err(ScenarioRefusal::Invalid(p)) = Scenario::from_json(text.as_bytes()) else {
            panic!("refused")
        };
        let got: Vec<_> = p.iter().map(|p| (p.field.as_str(), p.message_id)).collect();
        assert_eq!(
            got,
            [
                ("title", "exercise-problem-title"),
                ("injects[0].from", "exercise-problem-unknown-actor"),
                ("injects[0].tlp", "exercise-problem-tlp-red"),
                ("injects[0].expect", "exercise-problem-expectations"),
            ]
        );
        for p in p {
            assert!(MESSAGE_IDS.contains(&p.message_id));
        }
    }

    #[test]
    fn unknown_fields_and_bad_values_are_unreadable_with_serdes_words() {
        let text = minimal().replace("\"level\"", "\"levle\"");
        let Err(ScenarioRefusal::Unreadable(why)) = Scenario::from_json(text.as_bytes()) else {
            panic!()
        };
        assert!(why.contains("levle"), "{why}");
        let text = minimal().replace("\"both\"", "\"everyone\"");
        assert!(matches!(
            Scenario::from_json(text.as_bytes()),
            Err(ScenarioRefusal::Unreadable(_))
        ));
        let big = vec![b' '; MAX_BYTES + 1];
        assert_eq!(Scenario::from_json(&big), Err(ScenarioRefusal::TooLarge));
    }

    #[test]
    fn a_condition_looks_back_at_an_inject_that_expects_an_acknowledgement() {
        let s = Scenario::from_json(minimal().as_bytes()).unwrap();
        let mut second = s.injects[0].clone();
        second.key = "reminder".into();
        second.at_minutes = 20;
        second.condition = Some(Condition {
            unacknowledged: "start".into(),
            within_minutes: 15,
        });
        let mut ok = s.clone();
        ok.injects.push(second.clone());
        assert!(ok.check().is_empty());
        // Too early: the first inject's window has not passed.
        let mut early = ok.clone();
        early.injects[1].at_minutes = 10;
        assert_eq!(early.check()[0].message_id, "exercise-problem-condition");
        // Forward or unknown reference.
        let mut unknown = ok.clone();
        unknown.injects[1].condition = Some(Condition {
            unacknowledged: "later".into(),
            within_minutes: 5,
        });
        assert_eq!(unknown.check()[0].message_id, "exercise-problem-condition");
    }

    #[test]
    fn named_states_outside_the_exercise_are_listed() {
        let mut s = Scenario::from_json(minimal().as_bytes()).unwrap();
        s.injects[0].to.states = Some(vec!["FRA".into(), "KEN".into()]);
        assert!(s.check().is_empty());
        assert_eq!(s.states_outside(&["KEN".into()]), ["FRA"]);
        s.injects[0].to.states = Some(vec!["fr".into()]);
        assert_eq!(s.check()[0].message_id, "exercise-problem-states");
    }

    #[test]
    fn a_text_falls_back_to_the_scenarios_language() {
        let mut s = Scenario::from_json(minimal().as_bytes()).unwrap();
        s.injects[0].subject.insert("fr".into(), "Bonjour".into());
        assert_eq!(s.injects[0].localized("fr", "en").0, "Bonjour");
        assert_eq!(s.injects[0].localized("ar", "en").0, "Hello");
    }

    proptest! {
        // Hostile files: never a panic, and a refusal or a scenario that
        // checks clean.
        #[test]
        fn any_bytes_are_refused_or_valid(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            if let Ok(s) = Scenario::from_json(&bytes) {
                prop_assert!(s.check().is_empty());
            }
        }

        #[test]
        fn mutated_scenarios_are_refused_or_valid(
            cut in 0usize..600,
            byte in any::<u8>(),
        ) {
            let mut bytes = minimal().into_bytes();
            let at = cut % bytes.len();
            bytes[at] = byte;
            if let Ok(s) = Scenario::from_json(&bytes) {
                prop_assert!(s.check().is_empty());
            }
        }
    }
}
