//! Ping tests, written once for both backends.

use super::rows::{
    CampaignRow, ChallengeRow, CAMPAIGN_COLUMNS, CHALLENGE_COLUMNS, EMAIL, NOTE, TOKEN,
};
use super::{
    AnswerWritten, Campaign, CampaignStart, Challenge, ChallengeFilter, NewAnswer, NewCampaign,
    NewFinding, NewReminder, PingTarget, PingTestStore, ReminderTarget, StateTally,
    CAMPAIGN_ID_PLACEHOLDER,
};
use crate::outbox::NewMail;
use crate::sealing::POC_DETAILS;
use crate::sql::{Driver, Param, SqlStore, Tx};
use crate::{convert_all, corrupt, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::ping_test::campaign::CampaignStatus;
use pocdir_domain::ping_test::challenge::{AnswerChannel, OtherChannelFinding};
use pocdir_domain::ping_test::results::Tally;
use time::OffsetDateTime;

/// Challenges per INSERT (10 parameters each).
const CHALLENGE_BATCH: usize = 500;

const INSERT_CAMPAIGN: &str = "INSERT INTO ping_campaigns (title, kind, status, scope, \
     announced, escalate, starts_at, answer_by, closes_at, reminders, created_by, created_at, \
     started_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
const MARK_STARTED: &str = "UPDATE ping_campaigns SET status = 'running', started_at = $1 \
     WHERE id = $2 AND status = 'scheduled'";
const CANCEL: &str = "UPDATE ping_campaigns SET status = 'cancelled', cancelled_at = $1 \
     WHERE id = $2 AND status IN ('scheduled', 'running') AND closes_at > $1";
const PUBLISH: &str =
    "UPDATE ping_campaigns SET published_at = $1 WHERE id = $2 AND published_at IS NULL";
const MARK_ESCALATED: &str = "UPDATE ping_campaigns SET escalated_at = $1 \
     WHERE id = $2 AND escalated_at IS NULL AND status = 'running'";
/// An answer is written only while its challenge is open and its
/// campaign runs and has not closed: the check and the write are one
/// statement, so two answers at once record one.
const ANSWER: &str = "UPDATE ping_challenges SET answered_at = $1, channel = $2, answered_by = $3 \
     WHERE id = $4 AND answered_at IS NULL AND EXISTS (SELECT 1 FROM ping_campaigns c \
     WHERE c.id = ping_challenges.campaign_id AND c.status = 'running' AND c.closes_at > $1)";
const ANSWERED: &str = "SELECT answered_at FROM ping_challenges WHERE id = $1";
const FINDING: &str = "UPDATE ping_challenges SET finding = $1, note = $2, \
     answered_at = $3, channel = $4, answered_by = $5 WHERE id = $6 AND answered_at IS NULL";
const REMINDED: &str = "UPDATE ping_challenges SET reminders_sent = $1 \
     WHERE id = $2 AND campaign_id = $3 AND reminders_sent < $1 AND answered_at IS NULL \
     AND finding IS NULL";

fn with_id(text: &str, id: i64) -> String {
    text.replace(CAMPAIGN_ID_PLACEHOLDER, &id.to_string())
}

fn with_object(mut log: LogDraft, id: i64) -> LogDraft {
    if log.object.is_empty() {
        log.object = format!("ping_test:{id}");
    } else {
        log.object = with_id(&log.object, id);
    }
    log
}

fn mail_with_id(mail: &NewMail, id: i64) -> NewMail {
    NewMail {
        dedupe_key: with_id(&mail.dedupe_key, id),
        subject: with_id(&mail.subject, id),
        body: with_id(&mail.body, id),
        ..mail.clone()
    }
}

impl<D: Driver> Tx<D> {
    /// A started campaign's challenges and their mails (not its log).
    async fn insert_challenges(&mut self, id: i64, start: &CampaignStart) -> StoreResult<()> {
        let mails: Vec<NewMail> = start
            .challenges
            .iter()
            .map(|c| mail_with_id(&c.mail, id))
            .collect();
        // Sensitive: the body holds the token; it is blanked once sent.
        let mail_ids = self.enqueue_many(&mails, true).await?;
        let pairs: Vec<_> = start.challenges.iter().zip(mail_ids).collect();
        for chunk in pairs.chunks(CHALLENGE_BATCH) {
            let mut sealed = Vec::with_capacity(chunk.len());
            for (c, _) in chunk {
                let name = format!("(PoC {} of ping test {id})", c.poc_id);
                sealed.push((
                    self.keys
                        .seal_str(TOKEN, "ping_challenges", &name, &c.token)?,
                    self.keys
                        .seal_str(EMAIL, "ping_challenges", &name, &c.email)?,
                ));
            }
            let mut sql = String::from(
                "INSERT INTO ping_challenges (campaign_id, poc_id, participant, role, \
                 token_hash, token, email, language, mail_id) VALUES ",
            );
            let mut params: Vec<Param<'_>> = Vec::with_capacity(chunk.len() * 9);
            for (i, ((c, mail_id), (token, email))) in chunk.iter().zip(&sealed).enumerate() {
                let n = i * 9;
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push('(');
                for k in 1..=9 {
                    if k > 1 {
                        sql.push_str(", ");
                    }
                    sql.push_str(&format!("${}", n + k));
                }
                sql.push(')');
                params.push(id.into());
                params.push(c.poc_id.into());
                params.push(c.participant.as_str().into());
                params.push(c.role.as_str().into());
                params.push(c.token_hash.as_str().into());
                params.push(token.as_str().into());
                params.push(email.as_str().into());
                params.push(c.language.as_str().into());
                params.push((*mail_id).into());
            }
            self.execute(&sql, &params)
                .await
                .map_err(|e| e.constraint("ping challenge"))?;
        }
        Ok(())
    }
}

#[async_trait]
impl<D: Driver> PingTestStore for SqlStore<D> {
    async fn ping_targets(&self) -> StoreResult<Vec<PingTarget>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            participant: String,
            region: String,
            role: String,
            active: Option<String>,
            account_id: Option<i64>,
            language: Option<String>,
        }
        let rows: Vec<Row> = self
            .fetch_all(
                "SELECT p.id, p.participant, pa.region, p.role, p.active, a.id AS account_id, \
                 a.language FROM pocs p JOIN participants pa ON pa.code = p.participant \
                 LEFT JOIN poc_accounts l ON l.poc_id = p.id \
                 LEFT JOIN accounts a ON a.id = l.account_id AND NOT a.disabled \
                 WHERE p.status = 'active' AND pa.status = 'participating' ORDER BY p.id",
                &[],
            )
            .await?;
        rows.into_iter()
            .map(|r| {
                let bad = corrupt("pocs", r.id);
                let sealed = r
                    .active
                    .ok_or_else(|| bad("active PoC without details".into()))?;
                Ok(PingTarget {
                    poc_id: r.id,
                    participant: r.participant,
                    region: r.region,
                    role: r
                        .role
                        .parse()
                        .map_err(|_| bad(format!("role {:?}", r.role)))?,
                    details: self.open_str(POC_DETAILS, r.id, &sealed)?,
                    account_id: r.account_id,
                    account_language: r.language,
                })
            })
            .collect()
    }

    async fn create_campaign(&self, new: NewCampaign) -> StoreResult<i64> {
        let scope = serde_json::to_string(&new.scope)
            .map_err(|e| StoreError::Corrupt(format!("ping test scope: {e}")))?;
        let reminders: Vec<i64> = new
            .times
            .reminders
            .iter()
            .map(|d| d.whole_seconds())
            .collect();
        let reminders = serde_json::to_string(&reminders)
            .map_err(|e| StoreError::Corrupt(format!("ping test reminders: {e}")))?;
        let status = if new.start.is_some() {
            CampaignStatus::Running
        } else {
            CampaignStatus::Scheduled
        };
        let mut tx = self.begin().await?;
        let (id,): (i64,) = tx
            .fetch_one(
                INSERT_CAMPAIGN,
                &[
                    new.title.as_str().into(),
                    new.kind.as_str().into(),
                    status.as_str().into(),
                    scope.as_str().into(),
                    new.announced.into(),
                    new.escalate.into(),
                    to_db_time(new.times.starts_at).into(),
                    to_db_time(new.times.answer_by).into(),
                    to_db_time(new.times.closes_at).into(),
                    reminders.as_str().into(),
                    new.created_by.into(),
                    to_db_time(new.created_at).into(),
                    new.start.as_ref().map(|s| to_db_time(s.at)).into(),
                ],
            )
            .await?;
        let notices: Vec<NewMail> = new.notices.iter().map(|m| mail_with_id(m, id)).collect();
        tx.enqueue_many(&notices, false).await?;
        let mut log = vec![with_object(new.log, id)];
        if let Some(start) = &new.start {
            tx.insert_challenges(id, start).await?;
            log.push(with_object(start.log.clone(), id));
        }
        tx.log_and_commit(&log).await?;
        Ok(id)
    }

    async fn start_campaign(&self, id: i64, start: CampaignStart) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(MARK_STARTED, &[to_db_time(start.at).into(), id.into()])
            .await?;
        if changed == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        tx.insert_challenges(id, &start).await?;
        tx.log_and_commit(&[with_object(start.log, id)]).await?;
        Ok(true)
    }

    async fn campaign(&self, id: i64) -> StoreResult<Option<Campaign>> {
        let row: Option<CampaignRow> = self
            .fetch_optional(
                &format!("SELECT {CAMPAIGN_COLUMNS} FROM ping_campaigns c WHERE c.id = $1"),
                &[id.into()],
            )
            .await?;
        row.map(Campaign::try_from).transpose()
    }

    async fn campaigns(&self) -> StoreResult<Vec<Campaign>> {
        let rows: Vec<CampaignRow> = self
            .fetch_all(
                &format!(
                    "SELECT {CAMPAIGN_COLUMNS} FROM ping_campaigns c \
                     ORDER BY c.starts_at DESC, c.id DESC"
                ),
                &[],
            )
            .await?;
        convert_all(rows)
    }

    async fn campaigns_due(&self, now: OffsetDateTime) -> StoreResult<Vec<Campaign>> {
        let rows: Vec<CampaignRow> = self
            .fetch_all(
                &format!(
                    "SELECT {CAMPAIGN_COLUMNS} FROM ping_campaigns c \
                     WHERE c.status = 'scheduled' AND c.starts_at <= $1 ORDER BY c.starts_at, c.id"
                ),
                &[to_db_time(now).into()],
            )
            .await?;
        convert_all(rows)
    }

    async fn campaigns_in_window(&self, now: OffsetDateTime) -> StoreResult<Vec<Campaign>> {
        let rows: Vec<CampaignRow> = self
            .fetch_all(
                &format!(
                    "SELECT {CAMPAIGN_COLUMNS} FROM ping_campaigns c WHERE c.status = 'running' \
                     AND c.starts_at <= $1 AND c.answer_by > $1 ORDER BY c.id"
                ),
                &[to_db_time(now).into()],
            )
            .await?;
        convert_all(rows)
    }

    async fn cancel_campaign(
        &self,
        id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(CANCEL, &[to_db_time(at).into(), id.into()])
            .await?;
        tx.commit_if_changed(changed, &[log]).await
    }

    async fn publish_campaign(
        &self,
        id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(PUBLISH, &[to_db_time(at).into(), id.into()])
            .await?;
        tx.commit_if_changed(changed, &[log]).await
    }

    async fn challenge_by_token(
        &self,
        token_hash: &str,
    ) -> StoreResult<Option<(Challenge, Campaign)>> {
        let row: Option<ChallengeRow> = self
            .fetch_optional(
                &format!(
                    "SELECT {CHALLENGE_COLUMNS} FROM ping_challenges ch \
                     LEFT JOIN outbox o ON o.id = ch.mail_id WHERE ch.token_hash = $1"
                ),
                &[token_hash.into()],
            )
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let challenge = row.open(&self.keys)?;
        let campaign = self
            .campaign(challenge.campaign_id)
            .await?
            .ok_or_else(|| corrupt("ping_challenges", challenge.id)("no campaign".into()))?;
        Ok(Some((challenge, campaign)))
    }

    async fn challenge(&self, id: i64) -> StoreResult<Option<Challenge>> {
        let row: Option<ChallengeRow> = self
            .fetch_optional(
                &format!(
                    "SELECT {CHALLENGE_COLUMNS} FROM ping_challenges ch \
                     LEFT JOIN outbox o ON o.id = ch.mail_id WHERE ch.id = $1"
                ),
                &[id.into()],
            )
            .await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn challenges(
        &self,
        campaign_id: i64,
        filter: &ChallengeFilter,
    ) -> StoreResult<Vec<Challenge>> {
        let mut sql = format!(
            "SELECT {CHALLENGE_COLUMNS} FROM ping_challenges ch \
             LEFT JOIN outbox o ON o.id = ch.mail_id WHERE ch.campaign_id = $1"
        );
        let mut params: Vec<Param<'_>> = vec![campaign_id.into()];
        if let Some(state) = &filter.participant {
            params.push(state.as_str().into());
            sql.push_str(&format!(" AND ch.participant = ${}", params.len()));
        }
        if let Some(ids) = &filter.poc_ids {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            sql.push_str(" AND ch.poc_id IN (");
            for (i, id) in ids.iter().enumerate() {
                params.push((*id).into());
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", params.len()));
            }
            sql.push(')');
        }
        sql.push_str(" ORDER BY ch.id");
        let rows: Vec<ChallengeRow> = self.fetch_all(&sql, &params).await?;
        rows.into_iter().map(|r| r.open(&self.keys)).collect()
    }

    async fn open_challenges_of(&self, poc_ids: &[i64]) -> StoreResult<Vec<(Challenge, Campaign)>> {
        if poc_ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = format!(
            "SELECT {CHALLENGE_COLUMNS} FROM ping_challenges ch \
             JOIN ping_campaigns c ON c.id = ch.campaign_id \
             LEFT JOIN outbox o ON o.id = ch.mail_id \
             WHERE c.status = 'running' AND ch.poc_id IN ("
        );
        let mut params: Vec<Param<'_>> = Vec::new();
        for (i, id) in poc_ids.iter().enumerate() {
            params.push((*id).into());
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", params.len()));
        }
        sql.push_str(") ORDER BY ch.campaign_id DESC, ch.id");
        let rows: Vec<ChallengeRow> = self.fetch_all(&sql, &params).await?;
        let mut out = Vec::with_capacity(rows.len());
        let mut campaigns: std::collections::HashMap<i64, Campaign> = Default::default();
        for row in rows {
            let challenge = row.open(&self.keys)?;
            let campaign = match campaigns.get(&challenge.campaign_id) {
                Some(c) => c.clone(),
                None => {
                    let c = self.campaign(challenge.campaign_id).await?.ok_or_else(|| {
                        corrupt("ping_challenges", challenge.id)("no campaign".into())
                    })?;
                    campaigns.insert(c.id, c.clone());
                    c
                }
            };
            out.push((challenge, campaign));
        }
        Ok(out)
    }

    async fn record_answers(&self, answers: Vec<NewAnswer>) -> StoreResult<Vec<AnswerWritten>> {
        if answers.is_empty() {
            return Ok(Vec::new());
        }
        let mut tx = self.begin().await?;
        let mut results = Vec::with_capacity(answers.len());
        let mut log = Vec::with_capacity(answers.len());
        for answer in answers {
            let changed = tx
                .execute(
                    ANSWER,
                    &[
                        to_db_time(answer.at).into(),
                        answer.channel.as_str().into(),
                        answer.answered_by.into(),
                        answer.challenge_id.into(),
                    ],
                )
                .await?;
            if changed > 0 {
                results.push(AnswerWritten::Recorded);
                log.push(answer.log);
                continue;
            }
            let answered: Option<(Option<i64>,)> = tx
                .fetch_optional(ANSWERED, &[answer.challenge_id.into()])
                .await?;
            results.push(match answered {
                Some((Some(_),)) => AnswerWritten::AlreadyAnswered,
                Some((None,)) => AnswerWritten::Closed,
                None => return Err(StoreError::NotFound),
            });
        }
        tx.log_and_commit(&log).await?;
        Ok(results)
    }

    async fn record_finding(&self, finding: NewFinding) -> StoreResult<()> {
        let name = format!("(challenge {})", finding.challenge_id);
        let note = self
            .keys
            .seal_str(NOTE, "ping_challenges", &name, &finding.note)?;
        let reached = finding.finding == OtherChannelFinding::Reached;
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                FINDING,
                &[
                    finding.finding.as_str().into(),
                    note.as_str().into(),
                    reached.then(|| to_db_time(finding.at)).into(),
                    reached
                        .then_some(AnswerChannel::OtherChannel.as_str())
                        .into(),
                    reached.then_some(finding.by).into(),
                    finding.challenge_id.into(),
                ],
            )
            .await?;
        if changed == 0 {
            tx.rollback().await?;
            return match self.challenge(finding.challenge_id).await? {
                None => Err(StoreError::NotFound),
                Some(_) => Err(StoreError::NotAllowed("answered already".into())),
            };
        }
        tx.log_and_commit(&[finding.log]).await?;
        Ok(())
    }

    async fn reminder_targets(
        &self,
        campaign_id: i64,
        reminder: i64,
        limit: u32,
    ) -> StoreResult<Vec<ReminderTarget>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            poc_id: i64,
            participant: String,
            token: String,
            email: String,
            language: String,
        }
        let rows: Vec<Row> = self
            .fetch_all(
                "SELECT id, poc_id, participant, token, email, language FROM ping_challenges \
                 WHERE campaign_id = $1 AND answered_at IS NULL AND finding IS NULL \
                 AND reminders_sent < $2 ORDER BY id LIMIT $3",
                &[campaign_id.into(), reminder.into(), i64::from(limit).into()],
            )
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(ReminderTarget {
                    challenge_id: r.id,
                    poc_id: r.poc_id,
                    participant: r.participant,
                    token: self.open_str(TOKEN, r.id, &r.token)?,
                    email: self.open_str(EMAIL, r.id, &r.email)?,
                    language: r.language,
                })
            })
            .collect()
    }

    async fn record_reminders(
        &self,
        campaign_id: i64,
        reminder: i64,
        reminders: Vec<NewReminder>,
    ) -> StoreResult<u64> {
        let mut tx = self.begin().await?;
        let mut mails = Vec::with_capacity(reminders.len());
        for r in reminders {
            let changed = tx
                .execute(
                    REMINDED,
                    &[reminder.into(), r.challenge_id.into(), campaign_id.into()],
                )
                .await?;
            if changed > 0 {
                mails.push(r.mail);
            }
        }
        // Sensitive: the reminder carries the token too.
        let queued = tx.enqueue_many(&mails, true).await?;
        tx.commit().await?;
        Ok(queued.iter().filter(|id| id.is_some()).count() as u64)
    }

    async fn campaigns_to_escalate(&self, now: OffsetDateTime) -> StoreResult<Vec<Campaign>> {
        let rows: Vec<CampaignRow> = self
            .fetch_all(
                &format!(
                    "SELECT {CAMPAIGN_COLUMNS} FROM ping_campaigns c WHERE c.status = 'running' \
                     AND c.escalate AND c.escalated_at IS NULL AND c.answer_by <= $1 ORDER BY c.id"
                ),
                &[to_db_time(now).into()],
            )
            .await?;
        convert_all(rows)
    }

    async fn escalate_campaign(
        &self,
        id: i64,
        at: OffsetDateTime,
        mails: Vec<NewMail>,
        log: Vec<LogDraft>,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(MARK_ESCALATED, &[to_db_time(at).into(), id.into()])
            .await?;
        if changed == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        tx.enqueue_many(&mails, false).await?;
        tx.log_and_commit(&log).await?;
        Ok(true)
    }

    async fn state_tallies(
        &self,
        campaign_ids: &[i64],
        now: OffsetDateTime,
    ) -> StoreResult<Vec<StateTally>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            campaign_id: i64,
            participant: String,
            in_time: i64,
            late: i64,
            undeliverable: i64,
            no_answer: i64,
            awaiting: i64,
        }
        // The domain's `outcome` in SQL (the conformance suite checks that
        // both agree): an answer wins, then a failed mail, then a finding
        // of "not reached", then whether the campaign still runs.
        let mut sql = String::from(
            "SELECT ch.campaign_id, ch.participant, \
             SUM(CASE WHEN ch.answered_at IS NOT NULL AND ch.answered_at <= c.answer_by \
                 THEN 1 ELSE 0 END) AS in_time, \
             SUM(CASE WHEN ch.answered_at IS NOT NULL AND ch.answered_at > c.answer_by \
                 THEN 1 ELSE 0 END) AS late, \
             SUM(CASE WHEN ch.answered_at IS NULL AND o.status = 'failed' \
                 THEN 1 ELSE 0 END) AS undeliverable, \
             SUM(CASE WHEN ch.answered_at IS NULL AND (o.status IS NULL OR o.status <> 'failed') \
                 AND (ch.finding = 'not_reached' OR c.status <> 'running' OR c.closes_at <= $1) \
                 THEN 1 ELSE 0 END) AS no_answer, \
             SUM(CASE WHEN ch.answered_at IS NULL AND (o.status IS NULL OR o.status <> 'failed') \
                 AND ch.finding IS NULL AND c.status = 'running' AND c.closes_at > $1 \
                 THEN 1 ELSE 0 END) AS awaiting \
             FROM ping_challenges ch JOIN ping_campaigns c ON c.id = ch.campaign_id \
             LEFT JOIN outbox o ON o.id = ch.mail_id",
        );
        let mut params: Vec<Param<'_>> = vec![to_db_time(now).into()];
        if !campaign_ids.is_empty() {
            sql.push_str(" WHERE ch.campaign_id IN (");
            for (i, id) in campaign_ids.iter().enumerate() {
                params.push((*id).into());
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", params.len()));
            }
            sql.push(')');
        }
        sql.push_str(
            " GROUP BY ch.campaign_id, ch.participant ORDER BY ch.campaign_id, ch.participant",
        );
        let rows: Vec<Row> = self.fetch_all(&sql, &params).await?;
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        Ok(rows
            .into_iter()
            .map(|r| StateTally {
                campaign_id: r.campaign_id,
                participant: r.participant,
                tally: Tally {
                    in_time: count(r.in_time),
                    late: count(r.late),
                    no_answer: count(r.no_answer),
                    undeliverable: count(r.undeliverable),
                    awaiting: count(r.awaiting),
                },
            })
            .collect())
    }
}
