//! Tabletop exercises: the exercise and its States, the injects once
//! played, each player's delivery and actions, each State's expectations
//! and their outcomes, the survey. The scenario, replies, comments and
//! survey answers are sealed.
//!
//! The store decides nothing about who may do what: the service
//! (`crates/communications/src/exercises.rs`) applies the domain's rules.

use crate::outbox::NewMail;
use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::exercise::run::{ExerciseClock, ExerciseStatus, ExerciseStep, Outcome};
use pocdir_domain::exercise::scenario::{ExpectationKind, Level};
use pocdir_domain::log::entry::LogDraft;
use time::{Duration, OffsetDateTime};

mod rows;
mod store;

/// An exercise to prepare, with its entry.
#[derive(Debug, Clone)]
pub struct NewExercise {
    pub title: String,
    pub level: Level,
    /// The scenario file, as checked.
    pub scenario: String,
    pub states: Vec<String>,
    pub created_by: Option<i64>,
    pub created_at: OffsetDateTime,
    /// An empty `object` becomes `exercise:<id>`.
    pub log: LogDraft,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    pub id: i64,
    pub title: String,
    pub level: Level,
    pub scenario: String,
    pub status: ExerciseStatus,
    pub states: Vec<String>,
    pub created_by: Option<i64>,
    pub created_at: OffsetDateTime,
    pub started_at: Option<OffsetDateTime>,
    pub paused_since: Option<OffsetDateTime>,
    pub paused_for: Duration,
    pub ended_at: Option<OffsetDateTime>,
}

impl Exercise {
    /// Its clock, once started.
    pub fn clock(&self) -> Option<ExerciseClock> {
        self.started_at.map(|started_at| ExerciseClock {
            started_at,
            paused_before: self.paused_for,
            paused_since: self.paused_since,
            ended_at: self.ended_at,
        })
    }
}

/// A player an inject reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDelivery {
    pub account_id: i64,
    pub state: String,
    pub kind: AccountKind,
}

/// An expectation a played inject sets for a State.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExpectation {
    pub state: String,
    pub kind: ExpectationKind,
    pub deadline: OffsetDateTime,
    pub score: u32,
}

/// An inject played (or passed over: no States, no deliveries), with its
/// mails and entry: all or nothing, once per key.
#[derive(Debug, Clone)]
pub struct NewInject {
    pub exercise_id: i64,
    pub key: String,
    pub sent_at: OffsetDateTime,
    pub states: Vec<String>,
    pub deliveries: Vec<NewDelivery>,
    pub expectations: Vec<NewExpectation>,
    pub mails: Vec<NewMail>,
    pub log: LogDraft,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentInject {
    pub id: i64,
    pub exercise_id: i64,
    pub key: String,
    pub sent_at: OffsetDateTime,
    pub states: Vec<String>,
}

/// One player's copy of an inject and what the player did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub inject_id: i64,
    pub exercise_id: i64,
    pub inject_key: String,
    pub account_id: i64,
    pub name: String,
    pub state: String,
    pub kind: AccountKind,
    pub delivered_at: OffsetDateTime,
    pub read_at: Option<OffsetDateTime>,
    pub acknowledged_at: Option<OffsetDateTime>,
    pub replied_at: Option<OffsetDateTime>,
    pub reply: Option<String>,
    pub escalated_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectationRecord {
    pub id: i64,
    pub inject_id: i64,
    pub inject_key: String,
    pub exercise_id: i64,
    pub state: String,
    pub kind: ExpectationKind,
    pub deadline: OffsetDateTime,
    pub delivered_at: OffsetDateTime,
    pub score: u32,
    pub outcome: Outcome,
    pub done_at: Option<OffsetDateTime>,
    pub done_by: Option<i64>,
    pub validated_by: Option<i64>,
    pub validated_at: Option<OffsetDateTime>,
    pub comment: Option<String>,
}

/// What a player does about an inject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlayerAct {
    Acknowledge,
    Reply(String),
    /// Brings it to the State's diplomatic PoCs: they receive it too.
    Escalate {
        alerted: Vec<NewDelivery>,
        mails: Vec<NewMail>,
    },
}

/// A player's action with its entry; the expectations it fulfils get
/// their outcome in the same transaction.
#[derive(Debug, Clone)]
pub struct PlayerAction {
    pub inject_id: i64,
    pub account_id: i64,
    pub act: PlayerAct,
    pub at: OffsetDateTime,
    pub log: LogDraft,
}

/// A survey answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub exercise_id: i64,
    pub account_id: i64,
    pub state: String,
    pub rating: u8,
    pub went_well: String,
    pub to_improve: String,
    pub answered_at: OffsetDateTime,
}

/// A line of the improvement plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Improvement {
    pub id: i64,
    pub exercise_id: i64,
    /// The State it concerns; None: every State.
    pub state: Option<String>,
    pub issue: String,
    pub recommendation: String,
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due_date: String,
    pub created_by: Option<i64>,
    pub created_at: OffsetDateTime,
}

#[async_trait]
pub trait ExerciseStore: Send + Sync {
    /// Prepares an exercise (draft) with its States and entry.
    async fn create_exercise(&self, new: NewExercise) -> StoreResult<i64>;

    async fn exercise(&self, id: i64) -> StoreResult<Option<Exercise>>;

    /// Every exercise, newest first.
    async fn exercises(&self) -> StoreResult<Vec<Exercise>>;

    /// Those running (the job plays their injects).
    async fn exercises_running(&self) -> StoreResult<Vec<Exercise>>;

    /// Moves the exercise by `step` if it is in a state the step starts
    /// from (else `NotAllowed` naming its state): a resume pushes the
    /// pending deadlines back by the pause; an end marks every pending
    /// expectation missed. With `log`.
    async fn step_exercise(
        &self,
        id: i64,
        step: ExerciseStep,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Exercise>;

    /// Replaces the scenario of a running or paused exercise (an ad-hoc
    /// inject added), with `log`; false (nothing written) otherwise.
    async fn replace_scenario(&self, id: i64, scenario: &str, log: LogDraft) -> StoreResult<bool>;

    /// Plays an inject once: None (nothing written) when its key was
    /// played already or the exercise is not running.
    async fn play_inject(&self, new: NewInject) -> StoreResult<Option<i64>>;

    /// The injects played, in order.
    async fn injects_played(&self, exercise_id: i64) -> StoreResult<Vec<SentInject>>;

    /// Every delivery of an exercise (the report).
    async fn exercise_deliveries(&self, exercise_id: i64) -> StoreResult<Vec<Delivery>>;

    /// How many deliveries an exercise has, and how many of them the
    /// player acknowledged, answered or escalated (the console: counted
    /// in SQL, not read row by row).
    async fn delivery_counts(&self, exercise_id: i64) -> StoreResult<(i64, i64)>;

    /// Every expectation of an exercise, by inject then State.
    async fn exercise_expectations(&self, exercise_id: i64) -> StoreResult<Vec<ExpectationRecord>>;

    /// A player's exercise inbox: newest first.
    async fn player_deliveries(&self, account_id: i64, limit: u32) -> StoreResult<Vec<Delivery>>;

    /// One player's copy of an inject.
    async fn player_delivery(
        &self,
        inject_id: i64,
        account_id: i64,
    ) -> StoreResult<Option<Delivery>>;

    /// Notes the first opening.
    async fn record_exercise_read(
        &self,
        inject_id: i64,
        account_id: i64,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// A player's action: `NotFound` when not a recipient, `NotAllowed`
    /// when the exercise is not running or the action was done already.
    /// The State's open expectations of the act's kind (a reply also
    /// acknowledges) become met or late by their deadline. Returns them.
    async fn player_action(&self, action: PlayerAction) -> StoreResult<Vec<(i64, Outcome)>>;

    /// Pending expectations of running exercises past their deadline.
    async fn expectations_overdue(
        &self,
        now: OffsetDateTime,
    ) -> StoreResult<Vec<ExpectationRecord>>;

    /// Marks one expectation missed if still pending, with `log`; false
    /// when it was not (nothing logged).
    async fn miss_expectation(&self, id: i64, log: LogDraft) -> StoreResult<bool>;

    /// The facilitator's judgement: sets the outcome, who, when and the
    /// comment, with `log`.
    async fn validate_expectation(
        &self,
        id: i64,
        outcome: Outcome,
        comment: &str,
        by: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<()>;

    /// A survey answer, once per player (`Duplicate` the second time).
    async fn save_feedback(&self, feedback: Feedback, log: LogDraft) -> StoreResult<()>;

    async fn exercise_feedback(&self, exercise_id: i64) -> StoreResult<Vec<Feedback>>;

    /// Adds a line to the improvement plan (its `id` is ignored), with
    /// `log`. Returns its id.
    async fn add_improvement(&self, line: Improvement, log: LogDraft) -> StoreResult<i64>;

    /// The improvement plan, in the order written.
    async fn improvements(&self, exercise_id: i64) -> StoreResult<Vec<Improvement>>;
}
