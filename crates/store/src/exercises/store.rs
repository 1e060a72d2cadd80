//! Exercises, written once for both backends.

use super::rows::{
    DeliveryRow, ExerciseRow, ExpectationRow, InjectRow, COMMENT, DELIVERY_COLUMNS,
    EXERCISE_COLUMNS, EXPECTATION_COLUMNS, IMPROVEMENT_ISSUE, IMPROVEMENT_RECOMMENDATION, REPLY,
    SCENARIO, TO_IMPROVE, WENT_WELL,
};
use super::{
    Delivery, Exercise, ExerciseStore, ExpectationRecord, Feedback, Improvement, NewDelivery,
    NewExercise, NewInject, PlayerAct, PlayerAction, SentInject,
};
use crate::sql::{Driver, SqlStore, Tx};
use crate::{convert_all, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::exercise::run::{ExerciseStatus, ExerciseStep, Outcome};
use pocdir_domain::exercise::scenario::ExpectationKind;
use pocdir_domain::log::entry::LogDraft;
use time::OffsetDateTime;

fn with_object(mut log: LogDraft, id: i64) -> LogDraft {
    if log.object.is_empty() {
        log.object = format!("exercise:{id}");
    }
    log
}

impl<D: Driver> SqlStore<D> {
    async fn exercise_states(&self, id: i64) -> StoreResult<Vec<String>> {
        let rows: Vec<(String,)> = self
            .fetch_all(
                "SELECT state FROM exercise_states WHERE exercise_id = $1 ORDER BY state",
                &[id.into()],
            )
            .await?;
        Ok(rows.into_iter().map(|(s,)| s).collect())
    }

    async fn open_exercises(&self, rows: Vec<ExerciseRow>) -> StoreResult<Vec<Exercise>> {
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let states = self.exercise_states(row.id()).await?;
            out.push(row.open(&self.keys, states)?);
        }
        Ok(out)
    }
}

impl<D: Driver> Tx<D> {
    async fn insert_deliveries(
        &mut self,
        inject_id: i64,
        deliveries: &[NewDelivery],
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        for d in deliveries {
            self.execute(
                "INSERT INTO exercise_deliveries (inject_id, account_id, state, kind, \
                 delivered_at) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (inject_id, account_id) DO NOTHING",
                &[
                    inject_id.into(),
                    d.account_id.into(),
                    d.state.as_str().into(),
                    d.kind.as_str().into(),
                    to_db_time(at).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("exercise delivery"))?;
        }
        Ok(())
    }
}

#[async_trait]
impl<D: Driver> ExerciseStore for SqlStore<D> {
    async fn create_exercise(&self, new: NewExercise) -> StoreResult<i64> {
        let scenario = self.seal_str(SCENARIO, &new.scenario)?;
        let mut tx = self.begin().await?;
        let (id,): (i64,) = tx
            .fetch_one(
                "INSERT INTO exercises (title, level, scenario, status, created_by, created_at) \
                 VALUES ($1, $2, $3, 'draft', $4, $5) RETURNING id",
                &[
                    new.title.as_str().into(),
                    new.level.as_str().into(),
                    scenario.as_str().into(),
                    new.created_by.into(),
                    to_db_time(new.created_at).into(),
                ],
            )
            .await?;
        for state in &new.states {
            tx.execute(
                "INSERT INTO exercise_states (exercise_id, state) VALUES ($1, $2)",
                &[id.into(), state.as_str().into()],
            )
            .await
            .map_err(|e| e.constraint("exercise State"))?;
        }
        tx.log_and_commit(&[with_object(new.log, id)]).await?;
        Ok(id)
    }

    async fn exercise(&self, id: i64) -> StoreResult<Option<Exercise>> {
        let row: Option<ExerciseRow> = self
            .fetch_optional(
                &format!("SELECT {EXERCISE_COLUMNS} FROM exercises e WHERE e.id = $1"),
                &[id.into()],
            )
            .await?;
        match row {
            Some(row) => Ok(self.open_exercises(vec![row]).await?.pop()),
            None => Ok(None),
        }
    }

    async fn exercises(&self) -> StoreResult<Vec<Exercise>> {
        let rows: Vec<ExerciseRow> = self
            .fetch_all(
                &format!("SELECT {EXERCISE_COLUMNS} FROM exercises e ORDER BY e.id DESC"),
                &[],
            )
            .await?;
        self.open_exercises(rows).await
    }

    async fn exercises_running(&self) -> StoreResult<Vec<Exercise>> {
        let rows: Vec<ExerciseRow> = self
            .fetch_all(
                &format!(
                    "SELECT {EXERCISE_COLUMNS} FROM exercises e WHERE e.status = 'running' \
                     ORDER BY e.id"
                ),
                &[],
            )
            .await?;
        self.open_exercises(rows).await
    }

    async fn step_exercise(
        &self,
        id: i64,
        step: ExerciseStep,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Exercise> {
        let now = to_db_time(at);
        let mut tx = self.begin().await?;
        let status: Option<(String, Option<i64>)> = tx
            .fetch_optional(
                "SELECT status, paused_since FROM exercises WHERE id = $1",
                &[id.into()],
            )
            .await?;
        let Some((status, paused_since)) = status else {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        };
        let current = ExerciseStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("exercises {id}: status {status:?}")))?;
        if !step.from().contains(&current) {
            tx.rollback().await?;
            return Err(StoreError::NotAllowed(current.as_str().into()));
        }
        let to = step.to().as_str();
        match step {
            ExerciseStep::Start => {
                tx.execute(
                    "UPDATE exercises SET status = $1, started_at = $2 WHERE id = $3",
                    &[to.into(), now.into(), id.into()],
                )
                .await?;
            }
            ExerciseStep::Pause => {
                tx.execute(
                    "UPDATE exercises SET status = $1, paused_since = $2 WHERE id = $3",
                    &[to.into(), now.into(), id.into()],
                )
                .await?;
            }
            ExerciseStep::Resume | ExerciseStep::End => {
                let paused = paused_since.map(|p| (now - p).max(0)).unwrap_or(0);
                let ended: Option<i64> = (step == ExerciseStep::End).then_some(now);
                tx.execute(
                    "UPDATE exercises SET status = $1, paused_since = NULL, \
                     paused_seconds = paused_seconds + $2, ended_at = $3 WHERE id = $4",
                    &[to.into(), paused.into(), ended.into(), id.into()],
                )
                .await?;
                if step == ExerciseStep::Resume && paused > 0 {
                    // The players had no time while paused.
                    tx.execute(
                        "UPDATE exercise_expectations SET deadline = deadline + $1 \
                         WHERE outcome = 'pending' AND inject_id IN \
                         (SELECT id FROM exercise_injects WHERE exercise_id = $2)",
                        &[paused.into(), id.into()],
                    )
                    .await?;
                }
                if step == ExerciseStep::End {
                    tx.execute(
                        "UPDATE exercise_expectations SET outcome = 'missed' \
                         WHERE outcome = 'pending' AND inject_id IN \
                         (SELECT id FROM exercise_injects WHERE exercise_id = $1)",
                        &[id.into()],
                    )
                    .await?;
                }
            }
        }
        tx.log_and_commit(&[with_object(log, id)]).await?;
        self.exercise(id).await?.ok_or(StoreError::NotFound)
    }

    async fn replace_scenario(&self, id: i64, scenario: &str, log: LogDraft) -> StoreResult<bool> {
        let sealed = self.seal_str(SCENARIO, scenario)?;
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                "UPDATE exercises SET scenario = $1 WHERE id = $2 \
                 AND status IN ('running', 'paused')",
                &[sealed.as_str().into(), id.into()],
            )
            .await?;
        tx.commit_if_changed(changed, &[with_object(log, id)]).await
    }

    async fn play_inject(&self, new: NewInject) -> StoreResult<Option<i64>> {
        let states = serde_json::to_string(&new.states)
            .map_err(|e| StoreError::Corrupt(format!("inject States: {e}")))?;
        let mut tx = self.begin().await?;
        // Once per key, and only while the exercise runs: one statement.
        let id: Option<(i64,)> = tx
            .fetch_optional(
                "INSERT INTO exercise_injects (exercise_id, inject_key, sent_at, states) \
                 SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM exercises \
                 WHERE id = $1 AND status = 'running') \
                 ON CONFLICT (exercise_id, inject_key) DO NOTHING RETURNING id",
                &[
                    new.exercise_id.into(),
                    new.key.as_str().into(),
                    to_db_time(new.sent_at).into(),
                    states.as_str().into(),
                ],
            )
            .await?;
        let Some((id,)) = id else {
            tx.rollback().await?;
            return Ok(None);
        };
        tx.insert_deliveries(id, &new.deliveries, new.sent_at)
            .await?;
        for x in &new.expectations {
            tx.execute(
                "INSERT INTO exercise_expectations (inject_id, state, kind, deadline, score, \
                 outcome) VALUES ($1, $2, $3, $4, $5, 'pending')",
                &[
                    id.into(),
                    x.state.as_str().into(),
                    x.kind.as_str().into(),
                    to_db_time(x.deadline).into(),
                    i64::from(x.score).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("exercise expectation"))?;
        }
        tx.enqueue_many(&new.mails, false).await?;
        tx.log_and_commit(&[with_object(new.log, new.exercise_id)])
            .await?;
        Ok(Some(id))
    }

    async fn injects_played(&self, exercise_id: i64) -> StoreResult<Vec<SentInject>> {
        let rows: Vec<InjectRow> = self
            .fetch_all(
                "SELECT id, exercise_id, inject_key, sent_at, states FROM exercise_injects \
                 WHERE exercise_id = $1 ORDER BY id",
                &[exercise_id.into()],
            )
            .await?;
        convert_all(rows)
    }

    async fn exercise_deliveries(&self, exercise_id: i64) -> StoreResult<Vec<Delivery>> {
        let rows: Vec<DeliveryRow> = self
            .fetch_all(
                &format!(
                    "SELECT {DELIVERY_COLUMNS} FROM exercise_deliveries d \
                     JOIN exercise_injects i ON i.id = d.inject_id \
                     JOIN accounts a ON a.id = d.account_id \
                     WHERE i.exercise_id = $1 ORDER BY d.inject_id, d.state, d.account_id"
                ),
                &[exercise_id.into()],
            )
            .await?;
        rows.into_iter().map(|r| r.open(&self.keys)).collect()
    }

    async fn delivery_counts(&self, exercise_id: i64) -> StoreResult<(i64, i64)> {
        let (total, acted): (i64, i64) = self
            .fetch_one(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN d.acknowledged_at IS NOT NULL \
                 OR d.replied_at IS NOT NULL OR d.escalated_at IS NOT NULL THEN 1 ELSE 0 END), 0) \
                 FROM exercise_deliveries d JOIN exercise_injects i ON i.id = d.inject_id \
                 WHERE i.exercise_id = $1",
                &[exercise_id.into()],
            )
            .await?;
        Ok((total, acted))
    }

    async fn exercise_expectations(&self, exercise_id: i64) -> StoreResult<Vec<ExpectationRecord>> {
        let rows: Vec<ExpectationRow> = self
            .fetch_all(
                &format!(
                    "SELECT {EXPECTATION_COLUMNS} FROM exercise_expectations x \
                     JOIN exercise_injects i ON i.id = x.inject_id \
                     WHERE i.exercise_id = $1 ORDER BY x.inject_id, x.state, x.id"
                ),
                &[exercise_id.into()],
            )
            .await?;
        rows.into_iter().map(|r| r.open(&self.keys)).collect()
    }

    async fn player_deliveries(&self, account_id: i64, limit: u32) -> StoreResult<Vec<Delivery>> {
        let rows: Vec<DeliveryRow> = self
            .fetch_all(
                &format!(
                    "SELECT {DELIVERY_COLUMNS} FROM exercise_deliveries d \
                     JOIN exercise_injects i ON i.id = d.inject_id \
                     JOIN accounts a ON a.id = d.account_id \
                     WHERE d.account_id = $1 ORDER BY d.delivered_at DESC, d.inject_id DESC \
                     LIMIT $2"
                ),
                &[account_id.into(), i64::from(limit).into()],
            )
            .await?;
        rows.into_iter().map(|r| r.open(&self.keys)).collect()
    }

    async fn player_delivery(
        &self,
        inject_id: i64,
        account_id: i64,
    ) -> StoreResult<Option<Delivery>> {
        let row: Option<DeliveryRow> = self
            .fetch_optional(
                &format!(
                    "SELECT {DELIVERY_COLUMNS} FROM exercise_deliveries d \
                     JOIN exercise_injects i ON i.id = d.inject_id \
                     JOIN accounts a ON a.id = d.account_id \
                     WHERE d.inject_id = $1 AND d.account_id = $2"
                ),
                &[inject_id.into(), account_id.into()],
            )
            .await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn record_exercise_read(
        &self,
        inject_id: i64,
        account_id: i64,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                "UPDATE exercise_deliveries SET read_at = $1 \
                 WHERE inject_id = $2 AND account_id = $3 AND read_at IS NULL",
                &[to_db_time(at).into(), inject_id.into(), account_id.into()],
            )
            .await?;
        tx.commit_if_changed(changed, &[]).await?;
        Ok(())
    }

    async fn player_action(&self, action: PlayerAction) -> StoreResult<Vec<(i64, Outcome)>> {
        let at = to_db_time(action.at);
        let mut tx = self.begin().await?;
        let row: Option<(String, String)> = tx
            .fetch_optional(
                "SELECT d.state, e.status FROM exercise_deliveries d \
                 JOIN exercise_injects i ON i.id = d.inject_id \
                 JOIN exercises e ON e.id = i.exercise_id \
                 WHERE d.inject_id = $1 AND d.account_id = $2",
                &[action.inject_id.into(), action.account_id.into()],
            )
            .await?;
        let Some((state, status)) = row else {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        };
        if status != ExerciseStatus::Running.as_str() {
            tx.rollback().await?;
            return Err(StoreError::NotAllowed(format!("exercise {status}")));
        }
        let (inject, account) = (action.inject_id, action.account_id);
        let (changed, kinds): (u64, &[ExpectationKind]) = match &action.act {
            PlayerAct::Acknowledge => (
                tx.execute(
                    "UPDATE exercise_deliveries SET acknowledged_at = $3, \
                     read_at = COALESCE(read_at, $3) \
                     WHERE inject_id = $1 AND account_id = $2 AND acknowledged_at IS NULL",
                    &[inject.into(), account.into(), at.into()],
                )
                .await?,
                &[ExpectationKind::Acknowledge],
            ),
            PlayerAct::Reply(text) => {
                let sealed = self.seal_str(REPLY, text)?;
                (
                    tx.execute(
                        "UPDATE exercise_deliveries SET replied_at = $3, reply = $4, \
                         acknowledged_at = COALESCE(acknowledged_at, $3), \
                         read_at = COALESCE(read_at, $3) \
                         WHERE inject_id = $1 AND account_id = $2 AND replied_at IS NULL",
                        &[
                            inject.into(),
                            account.into(),
                            at.into(),
                            sealed.as_str().into(),
                        ],
                    )
                    .await?,
                    &[ExpectationKind::Acknowledge, ExpectationKind::Reply],
                )
            }
            PlayerAct::Escalate { alerted, mails } => {
                let changed = tx
                    .execute(
                        "UPDATE exercise_deliveries SET escalated_at = $3, \
                         acknowledged_at = COALESCE(acknowledged_at, $3), \
                         read_at = COALESCE(read_at, $3) \
                         WHERE inject_id = $1 AND account_id = $2 AND escalated_at IS NULL",
                        &[inject.into(), account.into(), at.into()],
                    )
                    .await?;
                if changed > 0 {
                    tx.insert_deliveries(action.inject_id, alerted, action.at)
                        .await?;
                    tx.enqueue_many(mails, false).await?;
                }
                (
                    changed,
                    &[ExpectationKind::Acknowledge, ExpectationKind::Escalate],
                )
            }
        };
        if changed == 0 {
            tx.rollback().await?;
            return Err(StoreError::NotAllowed("done already".into()));
        }
        let mut outcomes = Vec::new();
        for kind in kinds {
            let open: Vec<(i64, i64)> = tx
                .fetch_all(
                    "SELECT id, deadline FROM exercise_expectations WHERE inject_id = $1 \
                     AND state = $2 AND kind = $3 AND outcome IN ('pending', 'missed') \
                     AND validated_at IS NULL",
                    &[
                        action.inject_id.into(),
                        state.as_str().into(),
                        kind.as_str().into(),
                    ],
                )
                .await?;
            for (id, deadline) in open {
                let outcome = if at <= deadline {
                    Outcome::Met
                } else {
                    Outcome::Late
                };
                tx.execute(
                    "UPDATE exercise_expectations SET outcome = $1, done_at = $2, done_by = $3 \
                     WHERE id = $4",
                    &[
                        outcome.as_str().into(),
                        at.into(),
                        action.account_id.into(),
                        id.into(),
                    ],
                )
                .await?;
                outcomes.push((id, outcome));
            }
        }
        tx.log_and_commit(&[action.log]).await?;
        Ok(outcomes)
    }

    async fn expectations_overdue(
        &self,
        now: OffsetDateTime,
    ) -> StoreResult<Vec<ExpectationRecord>> {
        let rows: Vec<ExpectationRow> = self
            .fetch_all(
                &format!(
                    "SELECT {EXPECTATION_COLUMNS} FROM exercise_expectations x \
                     JOIN exercise_injects i ON i.id = x.inject_id \
                     JOIN exercises e ON e.id = i.exercise_id \
                     WHERE x.outcome = 'pending' AND x.deadline < $1 AND e.status = 'running' \
                     ORDER BY x.deadline, x.id LIMIT 1000"
                ),
                &[to_db_time(now).into()],
            )
            .await?;
        rows.into_iter().map(|r| r.open(&self.keys)).collect()
    }

    async fn miss_expectation(&self, id: i64, log: LogDraft) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                "UPDATE exercise_expectations SET outcome = 'missed' \
                 WHERE id = $1 AND outcome = 'pending'",
                &[id.into()],
            )
            .await?;
        tx.commit_if_changed(changed, &[log]).await
    }

    async fn validate_expectation(
        &self,
        id: i64,
        outcome: Outcome,
        comment: &str,
        by: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<()> {
        let sealed = self.seal_str(COMMENT, comment)?;
        let at = to_db_time(at);
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                "UPDATE exercise_expectations SET outcome = $1, comment = $2, \
                 validated_by = $3, validated_at = $4, \
                 done_at = CASE WHEN $1 IN ('met', 'late') THEN COALESCE(done_at, $4) \
                 ELSE done_at END WHERE id = $5",
                &[
                    outcome.as_str().into(),
                    sealed.as_str().into(),
                    by.into(),
                    at.into(),
                    id.into(),
                ],
            )
            .await?;
        if changed == 0 {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        tx.log_and_commit(&[log]).await
    }

    async fn save_feedback(&self, f: Feedback, log: LogDraft) -> StoreResult<()> {
        let went_well = self.seal_str(WENT_WELL, &f.went_well)?;
        let to_improve = self.seal_str(TO_IMPROVE, &f.to_improve)?;
        let mut tx = self.begin().await?;
        let inserted = tx
            .execute(
                "INSERT INTO exercise_feedback (exercise_id, account_id, state, rating, \
                 went_well, to_improve, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (exercise_id, account_id) DO NOTHING",
                &[
                    f.exercise_id.into(),
                    f.account_id.into(),
                    f.state.as_str().into(),
                    i64::from(f.rating).into(),
                    went_well.as_str().into(),
                    to_improve.as_str().into(),
                    to_db_time(f.answered_at).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("exercise feedback"))?;
        if inserted == 0 {
            tx.rollback().await?;
            return Err(StoreError::Duplicate("exercise feedback".into()));
        }
        tx.log_and_commit(&[log]).await
    }

    async fn exercise_feedback(&self, exercise_id: i64) -> StoreResult<Vec<Feedback>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            exercise_id: i64,
            account_id: i64,
            state: String,
            rating: i64,
            went_well: String,
            to_improve: String,
            answered_at: i64,
        }
        let rows: Vec<Row> = self
            .fetch_all(
                "SELECT exercise_id, account_id, state, rating, went_well, to_improve, \
                 answered_at FROM exercise_feedback WHERE exercise_id = $1 \
                 ORDER BY state, answered_at",
                &[exercise_id.into()],
            )
            .await?;
        rows.into_iter()
            .map(|r| {
                let name = format!("{}/{}", r.exercise_id, r.account_id);
                let bad = crate::corrupt("exercise_feedback", &name);
                Ok(Feedback {
                    exercise_id: r.exercise_id,
                    account_id: r.account_id,
                    state: r.state,
                    rating: u8::try_from(r.rating)
                        .map_err(|_| bad(format!("rating {}", r.rating)))?,
                    went_well: self.open_str(WENT_WELL, &name, &r.went_well)?,
                    to_improve: self.open_str(TO_IMPROVE, &name, &r.to_improve)?,
                    answered_at: crate::db_time(r.answered_at).map_err(&bad)?,
                })
            })
            .collect()
    }

    async fn add_improvement(&self, line: Improvement, log: LogDraft) -> StoreResult<i64> {
        let issue = self.seal_str(IMPROVEMENT_ISSUE, &line.issue)?;
        let recommendation = self.seal_str(IMPROVEMENT_RECOMMENDATION, &line.recommendation)?;
        let mut tx = self.begin().await?;
        let (id,): (i64,) = tx
            .fetch_one(
                "INSERT INTO exercise_improvements (exercise_id, state, issue, recommendation, \
                 owner, due_date, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                &[
                    line.exercise_id.into(),
                    line.state.as_deref().into(),
                    issue.as_str().into(),
                    recommendation.as_str().into(),
                    line.owner.as_str().into(),
                    line.due_date.as_str().into(),
                    line.created_by.into(),
                    to_db_time(line.created_at).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("improvement"))?;
        tx.log_and_commit(&[with_object(log, line.exercise_id)])
            .await?;
        Ok(id)
    }

    async fn improvements(&self, exercise_id: i64) -> StoreResult<Vec<Improvement>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            exercise_id: i64,
            state: Option<String>,
            issue: String,
            recommendation: String,
            owner: String,
            due_date: String,
            created_by: Option<i64>,
            created_at: i64,
        }
        let rows: Vec<Row> = self
            .fetch_all(
                "SELECT id, exercise_id, state, issue, recommendation, owner, due_date, \
                 created_by, created_at FROM exercise_improvements WHERE exercise_id = $1 \
                 ORDER BY id",
                &[exercise_id.into()],
            )
            .await?;
        rows.into_iter()
            .map(|r| {
                let bad = crate::corrupt("exercise_improvements", r.id);
                Ok(Improvement {
                    id: r.id,
                    exercise_id: r.exercise_id,
                    state: r.state,
                    issue: self.open_str(IMPROVEMENT_ISSUE, r.id, &r.issue)?,
                    recommendation: self.open_str(
                        IMPROVEMENT_RECOMMENDATION,
                        r.id,
                        &r.recommendation,
                    )?,
                    owner: r.owner,
                    due_date: r.due_date,
                    created_by: r.created_by,
                    created_at: crate::db_time(r.created_at).map_err(&bad)?,
                })
            })
            .collect()
    }
}
