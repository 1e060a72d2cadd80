//! The use case of tabletop exercises: prepare one from a scenario for
//! chosen States, run it on the exercise clock (start, pause, resume,
//! end), play each inject once when due — to the portal's exercise inbox
//! and, for messages, by mail — let players acknowledge, reply and
//! escalate, score each State's expectations as the players act or as
//! deadlines pass, let the facilitator judge by hand, and gather the
//! after-action report each reader may see. One service for the pages,
//! the job and the demo.

use crate::exercise_mail::{self, InjectFacts};
use crate::report_mail::MailTo;
use crate::Settings;
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::communication::delivery::RoleChoice;
use pocdir_domain::directory::participant::ParticipationStatus;
use pocdir_domain::directory::poc::FieldError;
use pocdir_domain::exercise::examples;
use pocdir_domain::exercise::run::{ExerciseStatus, ExerciseStep, Outcome, Scored, Tally};
use pocdir_domain::exercise::scenario::{ExpectationKind, InjectPlan, Scenario, ScenarioRefusal};
use pocdir_domain::log::entry::{ContentError, LogActor};
use pocdir_domain::log::events;
use pocdir_domain::policy::{exercise_view, ExerciseView};
use pocdir_domain::requester::Requester;
use pocdir_store::{
    Delivery, Exercise, ExpectationRecord, Feedback, NewDelivery, NewExercise, NewExpectation,
    NewInject, PlayerAct, PlayerAction, SentInject, Store, StoreError,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use time::{Duration, OffsetDateTime};

pub const MAX_REPLY: usize = 10_000;
pub const MAX_COMMENT: usize = 2_000;
pub const MAX_FEEDBACK: usize = 4_000;
/// How many injects a player's exercise inbox lists.
pub const INBOX_LIMIT: u32 = 200;

/// Why a request about an exercise was not done. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ExerciseFailure {
    #[error("the scenario was refused")]
    Scenario(ScenarioRefusal),
    /// No State chosen, or one that does not participate.
    #[error("the States chosen cannot play")]
    States(Vec<String>),
    /// The scenario names States the exercise does not have.
    #[error("recipients outside the exercise: {0:?}")]
    Outside(Vec<String>),
    /// The exercise's state refuses the step (a Fluent id).
    #[error("refused now: {0}")]
    Refused(&'static str),
    /// No such exercise or inject, or the reader may not know it exists.
    #[error("no such exercise")]
    NotFound,
    /// The form's fields (field and message id each).
    #[error("invalid fields")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Content(#[from] ContentError),
}

impl From<StoreError> for ExerciseFailure {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ExerciseFailure::NotFound,
            other => ExerciseFailure::Store(other),
        }
    }
}

type Result<T> = std::result::Result<T, ExerciseFailure>;

/// An exercise with its scenario read.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub exercise: Exercise,
    pub scenario: Scenario,
}

/// One line of the console's timeline: a scenario's inject, played or not.
#[derive(Debug, Clone)]
pub struct TimelineItem {
    pub plan: InjectPlan,
    pub played: Option<SentInject>,
    /// When it falls due on the wall clock if the exercise keeps running
    /// (None before the start and after the end).
    pub due_at: Option<OffsetDateTime>,
}

/// What the facilitator's console shows.
#[derive(Debug, Clone)]
pub struct Console {
    pub loaded: Loaded,
    pub elapsed: Duration,
    pub timeline: Vec<TimelineItem>,
    pub expectations: Vec<ExpectationRecord>,
    /// Deliveries, and those the players acted on.
    pub deliveries: i64,
    pub acted: i64,
}

impl Console {
    /// Manual expectations waiting for the facilitator's judgement.
    pub fn to_validate(&self) -> Vec<&ExpectationRecord> {
        self.expectations
            .iter()
            .filter(|x| x.kind == ExpectationKind::Manual && x.validated_at.is_none())
            .collect()
    }
}

/// A player's copy of an inject, opened.
#[derive(Debug, Clone)]
pub struct PlayerInject {
    pub delivery: Delivery,
    pub exercise: Exercise,
    pub scenario_language: String,
    pub plan: InjectPlan,
    pub actor_name: String,
    /// The player's State's expectations on it.
    pub expectations: Vec<ExpectationRecord>,
}

/// A line of the player's exercise inbox.
#[derive(Debug, Clone)]
pub struct PlayerLine {
    pub delivery: Delivery,
    pub exercise_title: String,
    pub exercise_status: ExerciseStatus,
    pub subject: String,
    pub tlp: pocdir_domain::communication::tlp::TlpLabel,
}

/// A State's part of the after-action report.
#[derive(Debug, Clone)]
pub struct StatePart {
    pub state: String,
    pub tally: Tally,
    pub expectations: Vec<ExpectationRecord>,
    pub deliveries: Vec<Delivery>,
    pub feedback: Vec<Feedback>,
}

/// The after-action report as one reader may see it.
#[derive(Debug, Clone)]
pub struct AfterAction {
    pub loaded: Loaded,
    pub view: ExerciseView,
    /// Every inject played, in order.
    pub played: Vec<SentInject>,
    /// The whole exercise's figures (only for `ExerciseView::All`).
    pub overall: Option<Tally>,
    pub states: Vec<StatePart>,
    /// The improvement plan: every line for the secretariat, a State's own
    /// and those for every State for its PoCs.
    pub improvements: Vec<pocdir_store::Improvement>,
}

/// The tabletop exercises service.
#[derive(Clone, Copy)]
pub struct Exercises<'a> {
    store: &'a dyn Store,
    clock: &'a dyn Clock,
    settings: &'a Settings,
}

fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn field(field: &str, message_id: &'static str) -> FieldError {
    FieldError {
        field: field.into(),
        message_id,
    }
}

/// A text a player or the facilitator typed: trimmed, not empty, not too long.
fn typed(text: &str, max: usize, name: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ExerciseFailure::Invalid(vec![field(
            name,
            "exercise-field-required",
        )]));
    }
    if t.chars().count() > max {
        return Err(ExerciseFailure::Invalid(vec![field(
            name,
            "exercise-field-too-long",
        )]));
    }
    Ok(t.to_string())
}

pub const FIELD_MESSAGE_IDS: [&str; 5] = [
    "exercise-field-due-date",
    "exercise-field-required",
    "exercise-field-too-long",
    "exercise-field-states",
    "exercise-field-rating",
];

impl Loaded {
    fn read(exercise: Exercise) -> Result<Loaded> {
        let scenario = Scenario::from_json(exercise.scenario.as_bytes()).map_err(|e| {
            ExerciseFailure::Store(StoreError::Corrupt(format!(
                "exercises {}: the stored scenario no longer reads: {e:?}",
                exercise.id
            )))
        })?;
        Ok(Loaded { exercise, scenario })
    }
}

impl<'a> Exercises<'a> {
    pub fn new(store: &'a dyn Store, clock: &'a dyn Clock, settings: &'a Settings) -> Self {
        Exercises {
            store,
            clock,
            settings,
        }
    }

    /// Prepares an exercise (a draft) from a scenario file for `states`.
    pub async fn prepare(&self, who: &Requester, file: &[u8], states: &[String]) -> Result<i64> {
        let scenario = Scenario::from_json(file).map_err(ExerciseFailure::Scenario)?;
        let mut states: Vec<String> = states
            .iter()
            .map(|s| s.trim().to_ascii_uppercase())
            .collect();
        states.sort();
        states.dedup();
        if states.is_empty() {
            return Err(ExerciseFailure::Invalid(vec![field(
                "states",
                "exercise-field-states",
            )]));
        }
        let mut unable = Vec::new();
        for code in &states {
            match self.store.participant(code).await? {
                Some(p) if p.status == ParticipationStatus::Participating => {}
                _ => unable.push(code.clone()),
            }
        }
        if !unable.is_empty() {
            return Err(ExerciseFailure::States(unable));
        }
        let outside = scenario.states_outside(&states);
        if !outside.is_empty() {
            return Err(ExerciseFailure::Outside(
                outside.into_iter().map(str::to_string).collect(),
            ));
        }
        // Kept as the checked scenario writes itself, so that the export
        // gives back exactly what is played.
        let text = scenario.to_json();
        let now = self.clock.now();
        let log = events::exercise_created(
            now,
            &who.log,
            &scenario.title,
            scenario.level.as_str(),
            &states,
            &sha256_hex(&text),
        )?;
        Ok(self
            .store
            .create_exercise(NewExercise {
                title: scenario.title.clone(),
                level: scenario.level,
                scenario: text,
                states,
                created_by: Some(who.account_id()),
                created_at: now,
                log,
            })
            .await?)
    }

    /// Prepares one of the example scenarios.
    pub async fn prepare_example(
        &self,
        who: &Requester,
        key: &str,
        states: &[String],
    ) -> Result<i64> {
        let text = examples::find(key).ok_or(ExerciseFailure::NotFound)?;
        self.prepare(who, text.as_bytes(), states).await
    }

    pub async fn load(&self, id: i64) -> Result<Loaded> {
        let exercise = self
            .store
            .exercise(id)
            .await?
            .ok_or(ExerciseFailure::NotFound)?;
        Loaded::read(exercise)
    }

    pub async fn list(&self) -> Result<Vec<Exercise>> {
        Ok(self.store.exercises().await?)
    }

    /// Start, pause, resume or end. A start plays what is due at once
    /// (the injects at minute 0); an end first marks what passed its
    /// deadline.
    pub async fn step(&self, who: &Requester, id: i64, step: ExerciseStep) -> Result<Exercise> {
        let loaded = self.load(id).await?;
        if let Some(refusal) = step.refusal(loaded.exercise.status) {
            return Err(ExerciseFailure::Refused(refusal));
        }
        if step == ExerciseStep::End {
            self.miss_overdue().await?;
        }
        let now = self.clock.now();
        let log = events::exercise_stepped(now, &who.log, id, step);
        let exercise = match self.store.step_exercise(id, step, now, log).await {
            Ok(e) => e,
            // Someone else moved it meanwhile.
            Err(StoreError::NotAllowed(status)) => {
                let status = ExerciseStatus::parse(&status).unwrap_or(ExerciseStatus::Ended);
                return Err(ExerciseFailure::Refused(
                    step.refusal(status).unwrap_or("exercise-refused-ended"),
                ));
            }
            Err(e) => return Err(e.into()),
        };
        if exercise.status == ExerciseStatus::Running {
            let loaded = Loaded::read(exercise.clone())?;
            self.play_due(&loaded).await?;
        }
        Ok(exercise)
    }

    /// The job's round: plays what is due in every running exercise and
    /// marks the expectations past their deadline. Returns (injects
    /// played, expectations missed).
    pub async fn tick(&self) -> Result<(usize, usize)> {
        let mut played = 0;
        for exercise in self.store.exercises_running().await? {
            let loaded = Loaded::read(exercise)?;
            played += self.play_due(&loaded).await?;
        }
        let missed = self.miss_overdue().await?;
        Ok((played, missed))
    }

    async fn miss_overdue(&self) -> Result<usize> {
        let now = self.clock.now();
        let mut missed = 0;
        for x in self.store.expectations_overdue(now).await? {
            let log = events::exercise_missed(
                now,
                x.exercise_id,
                &x.inject_key,
                &x.state,
                x.kind.as_str(),
            )?;
            if self.store.miss_expectation(x.id, log).await? {
                missed += 1;
            }
        }
        Ok(missed)
    }

    /// Plays every inject of the scenario that is due and not played yet,
    /// in the timeline's order.
    async fn play_due(&self, loaded: &Loaded) -> Result<usize> {
        let Some(clock) = loaded.exercise.clock() else {
            return Ok(0);
        };
        let now = self.clock.now();
        let played = self.store.injects_played(loaded.exercise.id).await?;
        let done: BTreeSet<&str> = played.iter().map(|p| p.key.as_str()).collect();
        let due: Vec<&InjectPlan> = loaded
            .scenario
            .injects
            .iter()
            .filter(|i| !done.contains(i.key.as_str()) && clock.due(i.at_minutes, now))
            .collect();
        if due.is_empty() {
            return Ok(0);
        }
        let expectations = if due.iter().any(|i| i.condition.is_some()) {
            self.store.exercise_expectations(loaded.exercise.id).await?
        } else {
            Vec::new()
        };
        let mut count = 0;
        for plan in due {
            let states = self.reached_states(loaded, plan, &played, &expectations);
            if self.play(loaded, plan, states, now).await?.is_some() {
                count += 1;
            }
        }
        Ok(count)
    }

    /// The States an inject reaches: those it names (or all the
    /// exercise's), less, for a conditional inject, those that had
    /// acknowledged the earlier inject in time.
    fn reached_states(
        &self,
        loaded: &Loaded,
        plan: &InjectPlan,
        played: &[SentInject],
        expectations: &[ExpectationRecord],
    ) -> Vec<String> {
        let named = plan
            .to
            .states
            .clone()
            .unwrap_or_else(|| loaded.exercise.states.clone());
        let Some(condition) = &plan.condition else {
            return named;
        };
        let Some(earlier) = played.iter().find(|p| p.key == condition.unacknowledged) else {
            // The earlier inject was never played: nothing to remind of.
            return Vec::new();
        };
        let window = earlier.sent_at + Duration::minutes(i64::from(condition.within_minutes));
        named
            .into_iter()
            .filter(|state| earlier.states.contains(state))
            .filter(|state| {
                !expectations.iter().any(|x| {
                    x.inject_id == earlier.id
                        && &x.state == state
                        && x.kind == ExpectationKind::Acknowledge
                        && x.done_at.is_some_and(|d| d <= window)
                })
            })
            .collect()
    }

    async fn play(
        &self,
        loaded: &Loaded,
        plan: &InjectPlan,
        states: Vec<String>,
        now: OffsetDateTime,
    ) -> Result<Option<i64>> {
        let actor_name = loaded
            .scenario
            .actor(&plan.from)
            .map(|a| a.name.as_str())
            .unwrap_or(plan.from.as_str());
        let mut deliveries = Vec::new();
        let mut mails = Vec::new();
        let mut expectations = Vec::new();
        let facts = InjectFacts {
            exercise_id: loaded.exercise.id,
            exercise_title: &loaded.exercise.title,
            scenario_language: &loaded.scenario.language,
            actor_name,
            plan,
            escalated: false,
        };
        for state in &states {
            for poc in self.store.poc_accounts_of(state, plan.to.roles).await? {
                if plan.channel.mails() {
                    mails.push(exercise_mail::inject(
                        &self.settings.base_url,
                        &facts,
                        &MailTo::from(&poc),
                        now,
                    ));
                }
                deliveries.push(NewDelivery {
                    account_id: poc.account_id,
                    state: poc.state.clone(),
                    kind: poc.kind,
                });
            }
            for e in &plan.expect {
                expectations.push(NewExpectation {
                    state: state.clone(),
                    kind: e.kind,
                    deadline: now + Duration::minutes(i64::from(e.within_minutes)),
                    score: e.score,
                });
            }
        }
        let log = events::exercise_inject_played(
            now,
            &LogActor::system(),
            loaded.exercise.id,
            &plan.key,
            &states,
            deliveries.len(),
        )?;
        Ok(self
            .store
            .play_inject(NewInject {
                exercise_id: loaded.exercise.id,
                key: plan.key.clone(),
                sent_at: now,
                states,
                deliveries,
                expectations,
                mails,
                log,
            })
            .await?)
    }

    /// Adds an ad-hoc inject from exercise control to a running or paused
    /// exercise, at a minute not yet passed (now when none is given); it
    /// is played like the scenario's own, at once when due. Returns its key.
    pub async fn add_inject(&self, who: &Requester, id: i64, adhoc: AdHocInject) -> Result<String> {
        use pocdir_domain::exercise::scenario::{
            Actor, ActorKind, Channel, ExpectationPlan, Recipients,
        };
        let loaded = self.load(id).await?;
        let clock = match (loaded.exercise.status, loaded.exercise.clock()) {
            (ExerciseStatus::Running | ExerciseStatus::Paused, Some(c)) => c,
            (ExerciseStatus::Ended, _) => {
                return Err(ExerciseFailure::Refused("exercise-refused-ended"))
            }
            _ => return Err(ExerciseFailure::Refused("exercise-refused-not-started")),
        };
        let now = self.clock.now();
        let elapsed = u32::try_from(clock.elapsed(now).whole_minutes()).unwrap_or(u32::MAX);
        let at_minutes = adhoc.at_minutes.unwrap_or(elapsed);
        if at_minutes < elapsed {
            return Err(ExerciseFailure::Refused("exercise-refused-past"));
        }
        let subject = typed(
            &adhoc.subject,
            pocdir_domain::exercise::scenario::MAX_SUBJECT,
            "subject",
        )?;
        let text = typed(
            &adhoc.text,
            pocdir_domain::exercise::scenario::MAX_TEXT,
            "text",
        )?;
        let mut scenario = loaded.scenario.clone();
        if scenario.actor("control").is_none() {
            scenario.actors.push(Actor {
                key: "control".into(),
                name: "Exercise control".into(),
                kind: ActorKind::Control,
            });
        }
        let n = scenario
            .injects
            .iter()
            .filter(|i| i.key.starts_with("adhoc-"))
            .count();
        let key = format!("adhoc-{}", n + 1);
        let language = scenario.language.clone();
        scenario.injects.push(InjectPlan {
            key: key.clone(),
            at_minutes,
            channel: Channel::Message,
            from: "control".into(),
            to: Recipients {
                roles: adhoc.roles,
                states: None,
            },
            tlp: adhoc.tlp,
            urgency: pocdir_domain::communication::template::Urgency::Priority,
            subject: BTreeMap::from([(language.clone(), subject)]),
            text: BTreeMap::from([(language, text.clone())]),
            expect: adhoc
                .acknowledge_within
                .map(|within_minutes| ExpectationPlan {
                    kind: ExpectationKind::Acknowledge,
                    within_minutes,
                    score: 10,
                    description: None,
                })
                .into_iter()
                .collect(),
            condition: None,
        });
        let problems = scenario.check();
        if !problems.is_empty() {
            return Err(ExerciseFailure::Invalid(
                problems
                    .into_iter()
                    .map(|p| FieldError {
                        field: p.field,
                        message_id: p.message_id,
                    })
                    .collect(),
            ));
        }
        let log =
            events::exercise_inject_added(now, &who.log, id, &key, at_minutes, &sha256_hex(&text))?;
        if !self
            .store
            .replace_scenario(id, &scenario.to_json(), log)
            .await?
        {
            return Err(ExerciseFailure::Refused("exercise-refused-ended"));
        }
        let loaded = self.load(id).await?;
        if loaded.exercise.status == ExerciseStatus::Running {
            self.play_due(&loaded).await?;
        }
        Ok(key)
    }

    /// What the facilitator's console shows.
    pub async fn console(&self, id: i64) -> Result<Console> {
        let loaded = self.load(id).await?;
        let now = self.clock.now();
        let played = self.store.injects_played(id).await?;
        let clock = loaded.exercise.clock();
        let running = loaded.exercise.status == ExerciseStatus::Running;
        let timeline = loaded
            .scenario
            .injects
            .iter()
            .map(|plan| {
                let played = played.iter().find(|p| p.key == plan.key).cloned();
                let due_at = match (&played, clock, running) {
                    (None, Some(c), true) => Some(c.wall_time_of(plan.at_minutes, now)),
                    _ => None,
                };
                TimelineItem {
                    plan: plan.clone(),
                    played,
                    due_at,
                }
            })
            .collect();
        let (deliveries, acted) = self.store.delivery_counts(id).await?;
        Ok(Console {
            elapsed: clock.map(|c| c.elapsed(now)).unwrap_or(Duration::ZERO),
            timeline,
            expectations: self.store.exercise_expectations(id).await?,
            deliveries,
            acted,
            loaded,
        })
    }

    /// The facilitator's judgement of an expectation (any kind; manual
    /// ones wait for it).
    pub async fn validate(
        &self,
        who: &Requester,
        exercise_id: i64,
        expectation_id: i64,
        outcome: Outcome,
        comment: &str,
    ) -> Result<()> {
        if outcome == Outcome::Pending {
            return Err(ExerciseFailure::Invalid(vec![field(
                "outcome",
                "exercise-field-required",
            )]));
        }
        let comment = typed(comment, MAX_COMMENT, "comment")?;
        let loaded = self.load(exercise_id).await?;
        if loaded.exercise.status == ExerciseStatus::Draft {
            return Err(ExerciseFailure::Refused("exercise-refused-not-started"));
        }
        let x = self
            .store
            .exercise_expectations(exercise_id)
            .await?
            .into_iter()
            .find(|x| x.id == expectation_id)
            .ok_or(ExerciseFailure::NotFound)?;
        let now = self.clock.now();
        let log = events::exercise_validated(
            now,
            &who.log,
            exercise_id,
            x.id,
            &x.state,
            outcome.as_str(),
            &sha256_hex(&comment),
        )?;
        self.store
            .validate_expectation(x.id, outcome, &comment, who.account_id(), now, log)
            .await?;
        Ok(())
    }

    /// A player's exercise inbox, newest first, subjects in `language`
    /// where the scenario has it.
    pub async fn inbox(&self, who: &Requester, language: &str) -> Result<Vec<PlayerLine>> {
        let deliveries = self
            .store
            .player_deliveries(who.account_id(), INBOX_LIMIT)
            .await?;
        let mut loaded: BTreeMap<i64, Loaded> = BTreeMap::new();
        let mut lines = Vec::with_capacity(deliveries.len());
        for delivery in deliveries {
            if let std::collections::btree_map::Entry::Vacant(slot) =
                loaded.entry(delivery.exercise_id)
            {
                slot.insert(self.load(delivery.exercise_id).await?);
            }
            let Some(l) = loaded.get(&delivery.exercise_id) else {
                continue;
            };
            let Some(plan) = l.scenario.inject(&delivery.inject_key) else {
                continue;
            };
            let subject = plan.localized(language, &l.scenario.language).0.to_string();
            lines.push(PlayerLine {
                exercise_title: l.exercise.title.clone(),
                exercise_status: l.exercise.status,
                subject,
                tlp: plan.tlp,
                delivery,
            });
        }
        Ok(lines)
    }

    /// A player's copy of an inject (only the player's own): the first
    /// opening is noted.
    pub async fn open(&self, who: &Requester, inject_id: i64) -> Result<PlayerInject> {
        let delivery = self
            .store
            .player_delivery(inject_id, who.account_id())
            .await?
            .ok_or(ExerciseFailure::NotFound)?;
        let loaded = self.load(delivery.exercise_id).await?;
        let plan = loaded
            .scenario
            .inject(&delivery.inject_key)
            .cloned()
            .ok_or(ExerciseFailure::NotFound)?;
        if delivery.read_at.is_none() {
            self.store
                .record_exercise_read(inject_id, who.account_id(), self.clock.now())
                .await?;
        }
        let expectations = self
            .store
            .exercise_expectations(loaded.exercise.id)
            .await?
            .into_iter()
            .filter(|x| x.inject_id == inject_id && x.state == delivery.state)
            .collect();
        Ok(PlayerInject {
            actor_name: loaded
                .scenario
                .actor(&plan.from)
                .map(|a| a.name.clone())
                .unwrap_or_else(|| plan.from.clone()),
            scenario_language: loaded.scenario.language.clone(),
            exercise: loaded.exercise,
            plan,
            delivery,
            expectations,
        })
    }

    /// Acknowledges, replies to or escalates an inject. Returns the
    /// expectations it fulfilled and how.
    pub async fn act(
        &self,
        who: &Requester,
        inject_id: i64,
        act: PlayerChoice,
    ) -> Result<Vec<(i64, Outcome)>> {
        let opened = self.open(who, inject_id).await?;
        match opened.exercise.status {
            ExerciseStatus::Running => {}
            ExerciseStatus::Paused => {
                return Err(ExerciseFailure::Refused("exercise-refused-paused"))
            }
            ExerciseStatus::Ended => {
                return Err(ExerciseFailure::Refused("exercise-refused-ended"))
            }
            ExerciseStatus::Draft => {
                return Err(ExerciseFailure::Refused("exercise-refused-not-started"))
            }
        }
        let now = self.clock.now();
        let (act, name, reply_hash) = match act {
            PlayerChoice::Acknowledge => (PlayerAct::Acknowledge, "acknowledge", None),
            PlayerChoice::Reply(text) => {
                let text = typed(&text, MAX_REPLY, "reply")?;
                let hash = sha256_hex(&text);
                (PlayerAct::Reply(text), "reply", Some(hash))
            }
            PlayerChoice::Escalate => {
                // A technical PoC brings it to the State's diplomats.
                if who.actor.kind != AccountKind::TechnicalPoc {
                    return Err(ExerciseFailure::Refused("exercise-refused-escalate"));
                }
                let facts = InjectFacts {
                    exercise_id: opened.exercise.id,
                    exercise_title: &opened.exercise.title,
                    scenario_language: &opened.scenario_language,
                    actor_name: &opened.actor_name,
                    plan: &opened.plan,
                    escalated: true,
                };
                let diplomats = self
                    .store
                    .poc_accounts_of(&opened.delivery.state, RoleChoice::Diplomatic)
                    .await?;
                let mails = if opened.plan.channel.mails() {
                    diplomats
                        .iter()
                        .map(|p| {
                            exercise_mail::inject(
                                &self.settings.base_url,
                                &facts,
                                &MailTo::from(p),
                                now,
                            )
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let alerted = diplomats
                    .iter()
                    .map(|p| NewDelivery {
                        account_id: p.account_id,
                        state: p.state.clone(),
                        kind: p.kind,
                    })
                    .collect();
                (PlayerAct::Escalate { alerted, mails }, "escalate", None)
            }
        };
        let log = events::exercise_acted(
            now,
            &who.log,
            opened.exercise.id,
            &opened.plan.key,
            name,
            reply_hash.as_deref(),
        )?;
        match self
            .store
            .player_action(PlayerAction {
                inject_id,
                account_id: who.account_id(),
                act,
                at: now,
                log,
            })
            .await
        {
            Ok(outcomes) => Ok(outcomes),
            Err(StoreError::NotAllowed(why)) if why == "done already" => {
                Err(ExerciseFailure::Refused("exercise-refused-done"))
            }
            Err(StoreError::NotAllowed(_)) => {
                Err(ExerciseFailure::Refused("exercise-refused-ended"))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The lessons-learned survey: once per player who received an
    /// inject, after the end.
    pub async fn feedback(
        &self,
        who: &Requester,
        exercise_id: i64,
        rating: u8,
        went_well: &str,
        to_improve: &str,
    ) -> Result<()> {
        let loaded = self.load(exercise_id).await?;
        let state = self
            .played_by(who, exercise_id)
            .await?
            .ok_or(ExerciseFailure::NotFound)?;
        if loaded.exercise.status != ExerciseStatus::Ended {
            return Err(ExerciseFailure::Refused("exercise-refused-survey-early"));
        }
        if !(1..=5).contains(&rating) {
            return Err(ExerciseFailure::Invalid(vec![field(
                "rating",
                "exercise-field-rating",
            )]));
        }
        let went_well = typed(went_well, MAX_FEEDBACK, "went_well")?;
        let to_improve = typed(to_improve, MAX_FEEDBACK, "to_improve")?;
        let now = self.clock.now();
        let log = events::exercise_feedback(now, &who.log, exercise_id);
        match self
            .store
            .save_feedback(
                Feedback {
                    exercise_id,
                    account_id: who.account_id(),
                    state,
                    rating,
                    went_well,
                    to_improve,
                    answered_at: now,
                },
                log,
            )
            .await
        {
            Err(StoreError::Duplicate(_)) => Err(ExerciseFailure::Refused("exercise-refused-done")),
            other => Ok(other?),
        }
    }

    /// Adds a line to the improvement plan of a started exercise: for one
    /// of its States or (None) all; the due date as `YYYY-MM-DD`.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_improvement(
        &self,
        who: &Requester,
        id: i64,
        state: Option<&str>,
        issue: &str,
        recommendation: &str,
        owner: &str,
        due_date: &str,
    ) -> Result<i64> {
        let loaded = self.load(id).await?;
        if loaded.exercise.status == ExerciseStatus::Draft {
            return Err(ExerciseFailure::Refused("exercise-refused-not-started"));
        }
        let mut problems = Vec::new();
        let issue = typed(issue, MAX_COMMENT, "issue").map_err(|e| problems.push(e));
        let recommendation =
            typed(recommendation, MAX_COMMENT, "recommendation").map_err(|e| problems.push(e));
        let owner = typed(owner, 200, "owner").map_err(|e| problems.push(e));
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let due = time::Date::parse(due_date.trim(), format).ok();
        if due.is_none() {
            problems.push(ExerciseFailure::Invalid(vec![field(
                "due_date",
                "exercise-field-due-date",
            )]));
        }
        let state = state.map(str::trim).filter(|s| !s.is_empty());
        if state.is_some_and(|s| !loaded.exercise.states.iter().any(|e| e == s)) {
            problems.push(ExerciseFailure::Invalid(vec![field(
                "state",
                "exercise-field-states",
            )]));
        }
        let (Ok(issue), Ok(recommendation), Ok(owner), Some(due), true) =
            (issue, recommendation, owner, due, problems.is_empty())
        else {
            let fields = problems
                .into_iter()
                .flat_map(|p| match p {
                    ExerciseFailure::Invalid(f) => f,
                    _ => Vec::new(),
                })
                .collect();
            return Err(ExerciseFailure::Invalid(fields));
        };
        let due_date = due.to_string();
        let now = self.clock.now();
        let log = events::exercise_improvement_added(
            now,
            &who.log,
            id,
            state,
            &owner,
            &due_date,
            &sha256_hex(&format!("{issue}\n{recommendation}")),
        )?;
        Ok(self
            .store
            .add_improvement(
                pocdir_store::Improvement {
                    id: 0,
                    exercise_id: id,
                    state: state.map(str::to_string),
                    issue,
                    recommendation,
                    owner,
                    due_date,
                    created_by: Some(who.account_id()),
                    created_at: now,
                },
                log,
            )
            .await?)
    }

    /// The State `who` played exercise `id` for, if any inject reached them.
    pub async fn played_by(&self, who: &Requester, id: i64) -> Result<Option<String>> {
        Ok(self
            .store
            .player_deliveries(who.account_id(), INBOX_LIMIT)
            .await?
            .into_iter()
            .find(|d| d.exercise_id == id)
            .map(|d| d.state))
    }

    /// The ended exercises `who` played and has not answered the survey of.
    pub async fn surveys_open(&self, who: &Requester) -> Result<Vec<Exercise>> {
        let mine: BTreeSet<i64> = self
            .store
            .player_deliveries(who.account_id(), INBOX_LIMIT)
            .await?
            .into_iter()
            .map(|d| d.exercise_id)
            .collect();
        let mut out = Vec::new();
        for id in mine {
            let Some(e) = self.store.exercise(id).await? else {
                continue;
            };
            if e.status != ExerciseStatus::Ended {
                continue;
            }
            let answered = self
                .store
                .exercise_feedback(id)
                .await?
                .iter()
                .any(|f| f.account_id == who.account_id());
            if !answered {
                out.push(e);
            }
        }
        Ok(out)
    }

    /// The exercises whose report `who` may read, newest first.
    pub async fn reports_for(&self, who: &Requester) -> Result<Vec<Exercise>> {
        Ok(self
            .store
            .exercises()
            .await?
            .into_iter()
            .filter(|e| e.status != ExerciseStatus::Draft)
            .filter(|e| exercise_view(&who.actor, &e.states) != ExerciseView::Nothing)
            .collect())
    }

    /// The after-action report as `who` may see it.
    pub async fn report(&self, who: &Requester, id: i64) -> Result<AfterAction> {
        let loaded = self.load(id).await?;
        let view = exercise_view(&who.actor, &loaded.exercise.states);
        let shown: Vec<String> = match &view {
            ExerciseView::All => loaded.exercise.states.clone(),
            ExerciseView::State(s) => vec![s.clone()],
            ExerciseView::Nothing => return Err(ExerciseFailure::NotFound),
        };
        if loaded.exercise.status == ExerciseStatus::Draft {
            return Err(ExerciseFailure::NotFound);
        }
        let expectations = self.store.exercise_expectations(id).await?;
        let deliveries = self.store.exercise_deliveries(id).await?;
        let feedback = self.store.exercise_feedback(id).await?;
        let scored = |x: &ExpectationRecord| Scored {
            outcome: x.outcome,
            score: x.score,
            response: x.done_at.map(|d| d - x.delivered_at),
        };
        let overall =
            (view == ExerciseView::All).then(|| Tally::of(expectations.iter().map(scored)));
        let states = shown
            .into_iter()
            .map(|state| {
                let mine: Vec<ExpectationRecord> = expectations
                    .iter()
                    .filter(|x| x.state == state)
                    .cloned()
                    .collect();
                StatePart {
                    tally: Tally::of(mine.iter().map(scored)),
                    expectations: mine,
                    deliveries: deliveries
                        .iter()
                        .filter(|d| d.state == state)
                        .cloned()
                        .collect(),
                    feedback: feedback
                        .iter()
                        .filter(|f| f.state == state)
                        .cloned()
                        .collect(),
                    state,
                }
            })
            .collect();
        let played = self.store.injects_played(id).await?;
        // A State sees the timeline of what reached it only.
        let played = match &view {
            ExerciseView::State(s) => played
                .into_iter()
                .filter(|p| p.states.contains(s))
                .collect(),
            _ => played,
        };
        let improvements = self
            .store
            .improvements(id)
            .await?
            .into_iter()
            .filter(|line| match (&view, &line.state) {
                (ExerciseView::State(own), Some(state)) => own == state,
                _ => true,
            })
            .collect();
        Ok(AfterAction {
            loaded,
            view,
            played,
            overall,
            states,
            improvements,
        })
    }
}

/// An inject the facilitator adds while the exercise runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdHocInject {
    pub subject: String,
    pub text: String,
    pub roles: RoleChoice,
    pub tlp: pocdir_domain::communication::tlp::TlpLabel,
    /// Minute of exercise time; None: now.
    pub at_minutes: Option<u32>,
    /// An acknowledgement expected within this many minutes, if any.
    pub acknowledge_within: Option<u32>,
}

/// What a player chose to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlayerChoice {
    Acknowledge,
    Reply(String),
    Escalate,
}

pub const REFUSAL_IDS: [&str; 3] = [
    "exercise-refused-escalate",
    "exercise-refused-done",
    "exercise-refused-survey-early",
];
