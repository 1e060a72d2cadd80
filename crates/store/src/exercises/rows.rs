//! Exercise rows and their conversion.

use super::{Delivery, Exercise, ExpectationRecord, SentInject};
use crate::sealing::Keys;
use crate::{corrupt, db_time, opt_db_time, StoreResult};
use pocdir_domain::account::AccountKind;
use pocdir_domain::exercise::run::{ExerciseStatus, Outcome};
use pocdir_domain::exercise::scenario::{ExpectationKind, Level};
use time::Duration;

pub(super) const SCENARIO: &str = "exercises.scenario";
pub(super) const REPLY: &str = "exercise_deliveries.reply";
pub(super) const COMMENT: &str = "exercise_expectations.comment";
pub(super) const WENT_WELL: &str = "exercise_feedback.went_well";
pub(super) const TO_IMPROVE: &str = "exercise_feedback.to_improve";
pub(super) const IMPROVEMENT_ISSUE: &str = "exercise_improvements.issue";
pub(super) const IMPROVEMENT_RECOMMENDATION: &str = "exercise_improvements.recommendation";

pub(super) const EXERCISE_COLUMNS: &str = "e.id, e.title, e.level, e.scenario, e.status, \
     e.created_by, e.created_at, e.started_at, e.paused_since, e.paused_seconds, e.ended_at";

#[derive(sqlx::FromRow)]
pub(super) struct ExerciseRow {
    id: i64,
    title: String,
    level: String,
    scenario: String,
    status: String,
    created_by: Option<i64>,
    created_at: i64,
    started_at: Option<i64>,
    paused_since: Option<i64>,
    paused_seconds: i64,
    ended_at: Option<i64>,
}

impl ExerciseRow {
    pub(super) fn id(&self) -> i64 {
        self.id
    }

    pub(super) fn open(self, keys: &Keys, states: Vec<String>) -> StoreResult<Exercise> {
        let bad = corrupt("exercises", self.id);
        Ok(Exercise {
            id: self.id,
            title: self.title,
            level: Level::parse(&self.level)
                .ok_or_else(|| bad(format!("level {:?}", self.level)))?,
            scenario: keys.open_str(SCENARIO, "exercises", &self.id, &self.scenario)?,
            status: ExerciseStatus::parse(&self.status)
                .ok_or_else(|| bad(format!("status {:?}", self.status)))?,
            states,
            created_by: self.created_by,
            created_at: db_time(self.created_at).map_err(&bad)?,
            started_at: opt_db_time(self.started_at).map_err(&bad)?,
            paused_since: opt_db_time(self.paused_since).map_err(&bad)?,
            paused_for: Duration::seconds(self.paused_seconds),
            ended_at: opt_db_time(self.ended_at).map_err(&bad)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct InjectRow {
    id: i64,
    exercise_id: i64,
    inject_key: String,
    sent_at: i64,
    states: String,
}

impl TryFrom<InjectRow> for SentInject {
    type Error = crate::StoreError;

    fn try_from(r: InjectRow) -> StoreResult<Self> {
        let bad = corrupt("exercise_injects", r.id);
        Ok(SentInject {
            id: r.id,
            exercise_id: r.exercise_id,
            key: r.inject_key,
            sent_at: db_time(r.sent_at).map_err(&bad)?,
            states: serde_json::from_str(&r.states).map_err(|e| bad(format!("states: {e}")))?,
        })
    }
}

/// `d` being `exercise_deliveries`, `i` its inject, `a` the account.
pub(super) const DELIVERY_COLUMNS: &str = "d.inject_id, i.exercise_id, i.inject_key, \
     d.account_id, a.display_name AS name, d.state, d.kind, d.delivered_at, d.read_at, d.acknowledged_at, \
     d.replied_at, d.reply, d.escalated_at";

#[derive(sqlx::FromRow)]
pub(super) struct DeliveryRow {
    inject_id: i64,
    exercise_id: i64,
    inject_key: String,
    account_id: i64,
    name: String,
    state: String,
    kind: String,
    delivered_at: i64,
    read_at: Option<i64>,
    acknowledged_at: Option<i64>,
    replied_at: Option<i64>,
    reply: Option<String>,
    escalated_at: Option<i64>,
}

impl DeliveryRow {
    pub(super) fn open(self, keys: &Keys) -> StoreResult<Delivery> {
        let name = format!("{}/{}", self.inject_id, self.account_id);
        let bad = corrupt("exercise_deliveries", &name);
        let reply = self
            .reply
            .as_deref()
            .map(|r| keys.open_str(REPLY, "exercise_deliveries", &name, r))
            .transpose()?;
        Ok(Delivery {
            inject_id: self.inject_id,
            exercise_id: self.exercise_id,
            inject_key: self.inject_key,
            account_id: self.account_id,
            name: self.name,
            state: self.state,
            kind: self
                .kind
                .parse::<AccountKind>()
                .map_err(|_| bad(format!("kind {:?}", self.kind)))?,
            delivered_at: db_time(self.delivered_at).map_err(&bad)?,
            read_at: opt_db_time(self.read_at).map_err(&bad)?,
            acknowledged_at: opt_db_time(self.acknowledged_at).map_err(&bad)?,
            replied_at: opt_db_time(self.replied_at).map_err(&bad)?,
            reply,
            escalated_at: opt_db_time(self.escalated_at).map_err(&bad)?,
        })
    }
}

/// `x` being `exercise_expectations`, `i` its inject.
pub(super) const EXPECTATION_COLUMNS: &str = "x.id, x.inject_id, i.inject_key, i.exercise_id, \
     x.state, x.kind, x.deadline, i.sent_at, x.score, x.outcome, x.done_at, x.done_by, \
     x.validated_by, x.validated_at, x.comment";

#[derive(sqlx::FromRow)]
pub(super) struct ExpectationRow {
    id: i64,
    inject_id: i64,
    inject_key: String,
    exercise_id: i64,
    state: String,
    kind: String,
    deadline: i64,
    sent_at: i64,
    score: i64,
    outcome: String,
    done_at: Option<i64>,
    done_by: Option<i64>,
    validated_by: Option<i64>,
    validated_at: Option<i64>,
    comment: Option<String>,
}

impl ExpectationRow {
    pub(super) fn open(self, keys: &Keys) -> StoreResult<ExpectationRecord> {
        let bad = corrupt("exercise_expectations", self.id);
        let comment = self
            .comment
            .as_deref()
            .map(|c| keys.open_str(COMMENT, "exercise_expectations", &self.id, c))
            .transpose()?;
        Ok(ExpectationRecord {
            id: self.id,
            inject_id: self.inject_id,
            inject_key: self.inject_key,
            exercise_id: self.exercise_id,
            state: self.state,
            kind: ExpectationKind::parse(&self.kind)
                .ok_or_else(|| bad(format!("kind {:?}", self.kind)))?,
            deadline: db_time(self.deadline).map_err(&bad)?,
            delivered_at: db_time(self.sent_at).map_err(&bad)?,
            score: u32::try_from(self.score).map_err(|_| bad(format!("score {}", self.score)))?,
            outcome: Outcome::parse(&self.outcome)
                .ok_or_else(|| bad(format!("outcome {:?}", self.outcome)))?,
            done_at: opt_db_time(self.done_at).map_err(&bad)?,
            done_by: self.done_by,
            validated_by: self.validated_by,
            validated_at: opt_db_time(self.validated_at).map_err(&bad)?,
            comment,
        })
    }
}
