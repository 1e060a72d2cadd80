//! Reports, written once for both backends.

use super::rows::{
    meta_columns, side, AttachmentRow, ExtensionRow, MessageRow, MetaRow, RecipientRow, StateRow,
    ATTACHMENT_COLUMNS, EXTENSION_COLUMNS, MESSAGE_COLUMNS, RECIPIENT_COLUMNS, STATE_COLUMNS,
};
use super::{
    EmbargoExtension, NewReport, NewReportMessage, ReportList, ReportMessage, ReportMeta,
    ReportRecipient, ReportRecord, ReportState, ReportStateDue, ReportStore, REPORT_ID_PLACEHOLDER,
};
use crate::communications::{AttachmentMeta, NewRecipient};
use crate::outbox::NewMail;
use crate::sql::{Driver, Param, SqlStore, Tx};
use crate::{corrupt, db_time, opt_db_time, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::communication::attachment::AttachmentType;
use pocdir_domain::communication::template::ZonedTime;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::log::events;
use pocdir_domain::report::{ReportContent, StateStatus};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::slice::from_ref;
use time::OffsetDateTime;

// The AEAD's associated data, one per column.
const CONTENT: &str = "reports.content";
const MESSAGE_BODY: &str = "report_messages.body";
const ATTACHMENT_NAME: &str = "report_attachments.name";
const ATTACHMENT_BYTES: &str = "report_attachments.bytes";

const REPORTER_STATUS: &str = "SELECT status FROM reporters WHERE id = $1";
const INSERT: &str = "INSERT INTO reports (reporter_id, sender_account, category, tlp, content, \
     content_sha256, embargo_local, embargo_zone, embargo_end, sent_at, ack_deadline) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
const INSERT_STATE: &str = "INSERT INTO report_states (report_id, state) VALUES ($1, $2)";
const INSERT_ATTACHMENT: &str = "INSERT INTO report_attachments (report_id, position, name, \
     file_type, size, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)";
const CONTENT_OF: &str = "SELECT content FROM reports WHERE id = $1";
const ATTACHMENT_BYTES_OF: &str = "SELECT bytes FROM report_attachments \
     WHERE report_id = $1 AND id = $2";
const SENT_SINCE: &str = "SELECT sent_at FROM reports WHERE reporter_id = $1 AND sent_at > $2";
const MARK_READ: &str = "UPDATE report_recipients SET read_at = $1 \
     WHERE report_id = $2 AND account_id = $3 AND read_at IS NULL";
const STATE_READ: &str = "UPDATE report_states SET first_read_at = $1 \
     WHERE report_id = $2 AND state = (SELECT state FROM report_recipients \
     WHERE report_id = $2 AND account_id = $3) AND first_read_at IS NULL";
const MARK_ACKNOWLEDGED: &str = "UPDATE report_recipients SET acknowledged_at = $1, \
     read_at = COALESCE(read_at, $1) \
     WHERE report_id = $2 AND account_id = $3 AND acknowledged_at IS NULL";
const STATE_ACKNOWLEDGED: &str = "UPDATE report_states SET acknowledged_at = $1, \
     first_read_at = COALESCE(first_read_at, $1) \
     WHERE report_id = $2 AND state = (SELECT state FROM report_recipients \
     WHERE report_id = $2 AND account_id = $3) AND acknowledged_at IS NULL";
const IS_RECIPIENT: &str =
    "SELECT COUNT(*) FROM report_recipients WHERE report_id = $1 AND account_id = $2";
const SET_STATUS: &str = "UPDATE report_states SET status = $1, status_at = $2 \
     WHERE report_id = $3 AND state = $4 AND status = $5";
const STATE_EXISTS: &str = "SELECT COUNT(*) FROM report_states WHERE report_id = $1 AND state = $2";
const INSERT_MESSAGE: &str = "INSERT INTO report_messages (report_id, state, author_account, \
     author_side, author_kind, body, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
const STATE_ANSWERED: &str = "UPDATE report_states SET answered_at = $1 \
     WHERE report_id = $2 AND state = $3 AND answered_at IS NULL";
const SET_EMBARGO: &str = "UPDATE reports SET embargo_local = $1, embargo_zone = $2, \
     embargo_end = $3 WHERE id = $4 AND embargo_end = $5";
const REPORT_EXISTS: &str = "SELECT COUNT(*) FROM reports WHERE id = $1";
const INSERT_EXTENSION: &str = "INSERT INTO report_extensions (report_id, from_end, to_end, \
     to_local, to_zone, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
/// Not settled, of an approved reporter, ending within the lead, not
/// reminded for this end.
const REMINDERS_DUE: &str = "SELECT s.report_id, s.state, s.status, r.embargo_end, \
     s.reminded_for, r.ack_deadline FROM report_states s \
     JOIN reports r ON r.id = s.report_id JOIN reporters p ON p.id = r.reporter_id \
     WHERE p.status = 'approved' AND r.embargo_end IS NOT NULL \
     AND r.embargo_end > $1 AND r.embargo_end <= $2 \
     AND s.status IN ('unknown', 'under_investigation') \
     AND (s.reminded_for IS NULL OR s.reminded_for <> r.embargo_end) \
     ORDER BY r.embargo_end, s.report_id, s.state LIMIT $3";
const SET_REMINDED: &str = "UPDATE report_states SET reminded_for = $1 \
     WHERE report_id = $2 AND state = $3 AND (reminded_for IS NULL OR reminded_for <> $1)";
/// Past the deadline, not escalated, with technical recipients none of
/// whom acknowledged, of an approved reporter.
const ESCALATIONS_DUE: &str = "SELECT s.report_id, s.state, s.status, r.embargo_end, \
     s.reminded_for, r.ack_deadline FROM report_states s \
     JOIN reports r ON r.id = s.report_id JOIN reporters p ON p.id = r.reporter_id \
     WHERE p.status = 'approved' AND r.ack_deadline <= $1 AND s.escalated_at IS NULL \
     AND s.acknowledged_at IS NULL \
     AND EXISTS (SELECT 1 FROM report_recipients t WHERE t.report_id = s.report_id \
         AND t.state = s.state AND t.kind = 'technical_poc') \
     ORDER BY r.ack_deadline, s.report_id, s.state LIMIT $2";
const SET_ESCALATED: &str = "UPDATE report_states SET escalated_at = $1 \
     WHERE report_id = $2 AND state = $3 AND escalated_at IS NULL";
const ADD_RECIPIENT: &str = "INSERT INTO report_recipients (report_id, account_id, state, kind, \
     delivered_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (report_id, account_id) DO NOTHING";
/// A suspended reporter's mails not yet begun: failed, with the reason, so
/// that the sender never takes them and the outbox page says why.
const WITHHOLD: &str = "UPDATE outbox SET status = 'failed', \
     last_error = 'withheld: the reporter was suspended', claim_token = NULL \
     WHERE status = 'queued' AND send_started_at IS NULL AND dedupe_key LIKE $1";
/// Rows per multi-row insert of recipients (5 parameters each).
const RECIPIENT_BATCH: usize = 200;

/// The prefix of every mail a reporter's reports cause: what suspension
/// withholds.
pub fn report_mail_key_prefix(reporter_id: i64) -> String {
    format!("reporter:{reporter_id}:report:")
}

fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn with_id(text: &str, id: i64) -> String {
    text.replace(REPORT_ID_PLACEHOLDER, &id.to_string())
}

fn id_list(ids: &[i64]) -> (String, Vec<Param<'static>>) {
    let list = (1..=ids.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    (list, ids.iter().map(|&id| Param::from(id)).collect())
}

impl<D: Driver> Tx<D> {
    async fn insert_report_recipients(
        &mut self,
        id: i64,
        recipients: &[NewRecipient],
        delivered_at: i64,
    ) -> StoreResult<()> {
        for chunk in recipients.chunks(RECIPIENT_BATCH) {
            let mut sql = String::from(
                "INSERT INTO report_recipients (report_id, account_id, state, kind, \
                 delivered_at) VALUES ",
            );
            let mut params: Vec<Param<'_>> = Vec::with_capacity(chunk.len() * 5);
            for (i, r) in chunk.iter().enumerate() {
                let n = i * 5;
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!(
                    "(${}, ${}, ${}, ${}, ${})",
                    n + 1,
                    n + 2,
                    n + 3,
                    n + 4,
                    n + 5
                ));
                params.push(id.into());
                params.push(r.account_id.into());
                params.push(r.state.as_str().into());
                params.push(r.kind.as_str().into());
                params.push(delivered_at.into());
            }
            sql.push_str(" ON CONFLICT (report_id, account_id) DO NOTHING");
            self.execute(&sql, &params)
                .await
                .map_err(|e| e.constraint("recipient"))?;
        }
        Ok(())
    }

    /// Queues a report's mails (their bodies blanked once sent: the outbox
    /// does not keep what a report said).
    async fn queue_report_mails(&mut self, mails: &[NewMail], id: i64) -> StoreResult<()> {
        let mails: Vec<NewMail> = mails
            .iter()
            .map(|m| NewMail {
                dedupe_key: with_id(&m.dedupe_key, id),
                subject: with_id(&m.subject, id),
                body: with_id(&m.body, id),
                ..m.clone()
            })
            .collect();
        self.enqueue_many(&mails, true).await?;
        Ok(())
    }

    /// Withholds the reporter's mails not yet begun (its suspension);
    /// returns how many.
    pub(crate) async fn withhold_report_mails(&mut self, reporter_id: i64) -> StoreResult<u64> {
        let pattern = format!("{}%", report_mail_key_prefix(reporter_id));
        self.execute(WITHHOLD, &[pattern.as_str().into()]).await
    }
}

/// The entry that records a suspension's withheld mails, when there were any.
pub(crate) fn withheld_entry(
    decision_log: &LogDraft,
    reporter_id: i64,
    mails: u64,
) -> StoreResult<Option<LogDraft>> {
    if mails == 0 {
        return Ok(None);
    }
    let at = db_time(decision_log.at).map_err(StoreError::Corrupt)?;
    events::report_mails_withheld(
        at,
        &decision_log.actor,
        reporter_id,
        usize::try_from(mails).unwrap_or(usize::MAX),
    )
    .map(Some)
    .map_err(|e| StoreError::Corrupt(format!("withheld mails' entry: {e}")))
}

impl<D: Driver> SqlStore<D> {
    async fn report_records(&self, metas: Vec<ReportMeta>) -> StoreResult<Vec<ReportRecord>> {
        if metas.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = metas.iter().map(|m| m.id).collect();
        let (list, params) = id_list(&ids);
        let states: Vec<StateRow> = self
            .fetch_all(
                &format!(
                    "SELECT {STATE_COLUMNS} FROM report_states WHERE report_id IN ({list}) \
                     ORDER BY report_id, state"
                ),
                &params,
            )
            .await?;
        let recipients: Vec<RecipientRow> = self
            .fetch_all(
                &format!(
                    "SELECT {RECIPIENT_COLUMNS} FROM report_recipients \
                     WHERE report_id IN ({list}) ORDER BY report_id, state, kind, account_id"
                ),
                &params,
            )
            .await?;
        let extensions: Vec<ExtensionRow> = self
            .fetch_all(
                &format!(
                    "SELECT {EXTENSION_COLUMNS} FROM report_extensions \
                     WHERE report_id IN ({list}) ORDER BY report_id, id"
                ),
                &params,
            )
            .await?;
        let attachments: Vec<AttachmentRow> = self
            .fetch_all(
                &format!(
                    "SELECT {ATTACHMENT_COLUMNS} FROM report_attachments \
                     WHERE report_id IN ({list}) ORDER BY report_id, position"
                ),
                &params,
            )
            .await?;
        let mut by_id: BTreeMap<i64, ReportRecord> = metas
            .into_iter()
            .map(|meta| {
                (
                    meta.id,
                    ReportRecord {
                        meta,
                        states: Vec::new(),
                        recipients: Vec::new(),
                        attachments: Vec::new(),
                        extensions: Vec::new(),
                    },
                )
            })
            .collect();
        for row in states {
            let id = row.report_id;
            let s = ReportState::try_from(row)?;
            if let Some(r) = by_id.get_mut(&id) {
                r.states.push(s);
            }
        }
        for row in recipients {
            let id = row.report_id;
            let s = ReportRecipient::try_from(row)?;
            if let Some(r) = by_id.get_mut(&id) {
                r.recipients.push(s);
            }
        }
        for row in extensions {
            let id = row.report_id;
            let e = EmbargoExtension::try_from(row)?;
            if let Some(r) = by_id.get_mut(&id) {
                r.extensions.push(e);
            }
        }
        for row in attachments {
            let id = row.report_id;
            let meta = self.attachment_meta(row)?;
            if let Some(r) = by_id.get_mut(&id) {
                r.attachments.push(meta);
            }
        }
        let mut out: Vec<ReportRecord> = by_id.into_values().collect();
        out.sort_by_key(|r| std::cmp::Reverse(r.meta.id));
        Ok(out)
    }

    fn attachment_meta(&self, row: AttachmentRow) -> StoreResult<AttachmentMeta> {
        let bad = corrupt("report_attachments", row.id);
        Ok(AttachmentMeta {
            id: row.id,
            communication_id: row.report_id,
            position: row.position,
            name: self.open_str(ATTACHMENT_NAME, row.id, &row.name)?,
            file_type: AttachmentType::parse(&row.file_type)
                .ok_or_else(|| bad(format!("file type {:?}", row.file_type)))?,
            size: row.size,
            sha256: row.sha256,
        })
    }

    fn open_message(&self, r: MessageRow) -> StoreResult<ReportMessage> {
        let bad = corrupt("report_messages", r.id);
        Ok(ReportMessage {
            id: r.id,
            report_id: r.report_id,
            body: self.open_str(MESSAGE_BODY, r.id, &r.body)?,
            side: side(&r.author_side).ok_or_else(|| bad(format!("side {:?}", r.author_side)))?,
            author_kind: r
                .author_kind
                .parse()
                .map_err(|_| bad(format!("kind {:?}", r.author_kind)))?,
            author_account: r.author_account,
            state: r.state,
            sent_at: db_time(r.sent_at).map_err(&bad)?,
        })
    }

    fn due_rows(&self, rows: Vec<DueRow>) -> StoreResult<Vec<ReportStateDue>> {
        rows.into_iter()
            .map(|r| {
                let bad = corrupt("report_states", format!("{}/{}", r.report_id, r.state));
                Ok(ReportStateDue {
                    status: r
                        .status
                        .parse()
                        .map_err(|_| bad(format!("status {:?}", r.status)))?,
                    embargo_end: opt_db_time(r.embargo_end).map_err(&bad)?,
                    reminded_for: opt_db_time(r.reminded_for).map_err(&bad)?,
                    ack_deadline: db_time(r.ack_deadline).map_err(&bad)?,
                    report_id: r.report_id,
                    state: r.state,
                })
            })
            .collect()
    }
}

#[derive(sqlx::FromRow)]
struct DueRow {
    report_id: i64,
    state: String,
    status: String,
    embargo_end: Option<i64>,
    reminded_for: Option<i64>,
    ack_deadline: i64,
}

#[async_trait]
impl<D: Driver> ReportStore for SqlStore<D> {
    async fn send_report(&self, new: NewReport) -> StoreResult<i64> {
        let json = serde_json::to_string(&new.content)
            .map_err(|e| StoreError::Corrupt(format!("report content: {e}")))?;
        let content = self.seal_str(CONTENT, &json)?;
        let mut files = Vec::with_capacity(new.attachments.len());
        for file in &new.attachments {
            files.push((
                self.seal_str(ATTACHMENT_NAME, &file.name)?,
                self.seal_bytes(ATTACHMENT_BYTES, &file.bytes)?,
                hex_sha256(&file.bytes),
            ));
        }
        let mut tx = self.begin().await?;
        let status: Option<(String,)> = tx
            .fetch_optional(REPORTER_STATUS, &[new.reporter_id.into()])
            .await?;
        match status {
            None => {
                tx.rollback().await?;
                return Err(StoreError::NotFound);
            }
            Some((s,)) if s != "approved" => {
                tx.rollback().await?;
                return Err(StoreError::NotAllowed(format!(
                    "reporter {} is {s}",
                    new.reporter_id
                )));
            }
            Some(_) => {}
        }
        let sent_at = to_db_time(new.sent_at);
        let (id,): (i64,) = tx
            .fetch_one(
                INSERT,
                &[
                    new.reporter_id.into(),
                    new.sender_account.into(),
                    new.category.as_str().into(),
                    new.tlp.code().into(),
                    content.as_str().into(),
                    new.content_sha256.as_str().into(),
                    new.embargo.as_ref().map(|e| e.local.as_str()).into(),
                    new.embargo.as_ref().map(|e| e.zone.as_str()).into(),
                    new.embargo.as_ref().map(|e| e.utc).into(),
                    sent_at.into(),
                    to_db_time(new.ack_deadline).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("report"))?;
        for state in &new.states {
            tx.execute(INSERT_STATE, &[id.into(), state.as_str().into()])
                .await
                .map_err(|e| e.constraint("state"))?;
        }
        tx.insert_report_recipients(id, &new.recipients, sent_at)
            .await?;
        for (position, (file, (name, bytes, sha))) in new.attachments.iter().zip(&files).enumerate()
        {
            tx.execute(
                INSERT_ATTACHMENT,
                &[
                    id.into(),
                    i64::try_from(position).unwrap_or(i64::MAX).into(),
                    name.as_str().into(),
                    file.file_type.as_str().into(),
                    i64::try_from(file.bytes.len()).unwrap_or(i64::MAX).into(),
                    sha.as_str().into(),
                    bytes.as_slice().into(),
                ],
            )
            .await?;
        }
        tx.queue_report_mails(&new.mails, id).await?;
        let drafts: Vec<LogDraft> = new
            .log
            .into_iter()
            .map(|mut d| {
                if d.object.is_empty() {
                    d.object = format!("report:{id}");
                }
                d
            })
            .collect();
        tx.log_and_commit(&drafts).await?;
        Ok(id)
    }

    async fn report(&self, id: i64) -> StoreResult<Option<ReportRecord>> {
        let sql = concat!(
            "SELECT ",
            meta_columns!(),
            " FROM reports r JOIN reporters p ON p.id = r.reporter_id WHERE r.id = $1"
        );
        let row: Option<MetaRow> = self.fetch_optional(sql, &[id.into()]).await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let meta = ReportMeta::try_from(row)?;
        Ok(self.report_records(vec![meta]).await?.into_iter().next())
    }

    async fn report_content(&self, id: i64) -> StoreResult<ReportContent> {
        let row: Option<(String,)> = self.fetch_optional(CONTENT_OF, &[id.into()]).await?;
        let (sealed,) = row.ok_or(StoreError::NotFound)?;
        let json = self.open_str(CONTENT, id, &sealed)?;
        serde_json::from_str(&json).map_err(|e| corrupt("reports", id)(format!("content: {e}")))
    }

    async fn report_attachment(
        &self,
        report_id: i64,
        attachment_id: i64,
    ) -> StoreResult<(AttachmentMeta, Vec<u8>)> {
        let sql = format!(
            "SELECT {ATTACHMENT_COLUMNS} FROM report_attachments WHERE report_id = $1 AND id = $2"
        );
        let row: Option<AttachmentRow> = self
            .fetch_optional(&sql, &[report_id.into(), attachment_id.into()])
            .await?;
        let meta = self.attachment_meta(row.ok_or(StoreError::NotFound)?)?;
        let (sealed,): (Vec<u8>,) = self
            .fetch_one(
                ATTACHMENT_BYTES_OF,
                &[report_id.into(), attachment_id.into()],
            )
            .await?;
        let bytes = self.open_bytes(ATTACHMENT_BYTES, attachment_id, &sealed)?;
        Ok((meta, bytes))
    }

    async fn reports(
        &self,
        list: &ReportList,
        before_id: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<ReportRecord>> {
        let before = before_id.unwrap_or(i64::MAX);
        let limit = i64::from(limit);
        let base = concat!(
            "SELECT ",
            meta_columns!(),
            " FROM reports r JOIN reporters p ON p.id = r.reporter_id WHERE r.id < $1"
        );
        let rows: Vec<MetaRow> = match list {
            ReportList::OfReporter(reporter) => {
                self.fetch_all(
                    &format!("{base} AND r.reporter_id = $2 ORDER BY r.id DESC LIMIT $3"),
                    &[before.into(), (*reporter).into(), limit.into()],
                )
                .await?
            }
            ReportList::ToState(state) => {
                self.fetch_all(
                    &format!(
                        "{base} AND r.id IN (SELECT report_id FROM report_states WHERE state = $2) \
                         ORDER BY r.id DESC LIMIT $3"
                    ),
                    &[before.into(), state.as_str().into(), limit.into()],
                )
                .await?
            }
            ReportList::All => {
                self.fetch_all(
                    &format!("{base} ORDER BY r.id DESC LIMIT $2"),
                    &[before.into(), limit.into()],
                )
                .await?
            }
        };
        let metas = rows
            .into_iter()
            .map(ReportMeta::try_from)
            .collect::<StoreResult<Vec<_>>>()?;
        self.report_records(metas).await
    }

    async fn reports_sent_since(
        &self,
        reporter_id: i64,
        since: OffsetDateTime,
    ) -> StoreResult<Vec<OffsetDateTime>> {
        let rows: Vec<(i64,)> = self
            .fetch_all(SENT_SINCE, &[reporter_id.into(), to_db_time(since).into()])
            .await?;
        rows.into_iter()
            .map(|(t,)| db_time(t).map_err(corrupt("reports", reporter_id)))
            .collect()
    }

    async fn record_report_read(
        &self,
        id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let at = to_db_time(at);
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(MARK_READ, &[at.into(), id.into(), account_id.into()])
            .await?;
        if changed == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        tx.execute(STATE_READ, &[at.into(), id.into(), account_id.into()])
            .await?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(true)
    }

    async fn acknowledge_report(
        &self,
        id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<()> {
        let at = to_db_time(at);
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                MARK_ACKNOWLEDGED,
                &[at.into(), id.into(), account_id.into()],
            )
            .await?;
        if changed == 0 {
            let (n,): (i64,) = tx
                .fetch_one(IS_RECIPIENT, &[id.into(), account_id.into()])
                .await?;
            tx.rollback().await?;
            return Err(if n == 0 {
                StoreError::NotFound
            } else {
                StoreError::NotAllowed("already acknowledged".to_string())
            });
        }
        tx.execute(
            STATE_ACKNOWLEDGED,
            &[at.into(), id.into(), account_id.into()],
        )
        .await?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(())
    }

    async fn set_report_status(
        &self,
        id: i64,
        state: &str,
        from: StateStatus,
        to: StateStatus,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                SET_STATUS,
                &[
                    to.as_str().into(),
                    to_db_time(at).into(),
                    id.into(),
                    state.into(),
                    from.as_str().into(),
                ],
            )
            .await?;
        if changed == 0 {
            let (n,): (i64,) = tx
                .fetch_one(STATE_EXISTS, &[id.into(), state.into()])
                .await?;
            tx.rollback().await?;
            return Err(if n == 0 {
                StoreError::NotFound
            } else {
                StoreError::NotAllowed(format!("the status of {state} is no longer {from:?}"))
            });
        }
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(())
    }

    async fn add_report_message(&self, m: NewReportMessage) -> StoreResult<i64> {
        let body = self.seal_str(MESSAGE_BODY, &m.body)?;
        let at = to_db_time(m.sent_at);
        let mut tx = self.begin().await?;
        let (n,): (i64,) = tx
            .fetch_one(STATE_EXISTS, &[m.report_id.into(), m.state.as_str().into()])
            .await?;
        if n == 0 {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        let (id,): (i64,) = tx
            .fetch_one(
                INSERT_MESSAGE,
                &[
                    m.report_id.into(),
                    m.state.as_str().into(),
                    m.author_account.into(),
                    m.side.as_str().into(),
                    m.author_kind.as_str().into(),
                    body.as_str().into(),
                    at.into(),
                ],
            )
            .await?;
        if m.side == super::MessageSide::State {
            tx.execute(
                STATE_ANSWERED,
                &[at.into(), m.report_id.into(), m.state.as_str().into()],
            )
            .await?;
        }
        tx.queue_report_mails(&m.mails, m.report_id).await?;
        tx.log_and_commit(from_ref(&m.log)).await?;
        Ok(id)
    }

    async fn report_messages(
        &self,
        id: i64,
        state: Option<&str>,
    ) -> StoreResult<Vec<ReportMessage>> {
        let rows: Vec<MessageRow> = match state {
            Some(s) => {
                self.fetch_all(
                    &format!(
                        "SELECT {MESSAGE_COLUMNS} FROM report_messages \
                         WHERE report_id = $1 AND state = $2 ORDER BY id"
                    ),
                    &[id.into(), s.into()],
                )
                .await?
            }
            None => {
                self.fetch_all(
                    &format!(
                        "SELECT {MESSAGE_COLUMNS} FROM report_messages \
                         WHERE report_id = $1 ORDER BY state, id"
                    ),
                    &[id.into()],
                )
                .await?
            }
        };
        rows.into_iter().map(|r| self.open_message(r)).collect()
    }

    async fn extend_report_embargo(
        &self,
        id: i64,
        from_end: OffsetDateTime,
        to: ZonedTime,
        reason: &str,
        at: OffsetDateTime,
        mails: Vec<NewMail>,
        log: LogDraft,
    ) -> StoreResult<()> {
        let from = to_db_time(from_end);
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                SET_EMBARGO,
                &[
                    to.local.as_str().into(),
                    to.zone.as_str().into(),
                    to.utc.into(),
                    id.into(),
                    from.into(),
                ],
            )
            .await?;
        if changed == 0 {
            let (n,): (i64,) = tx.fetch_one(REPORT_EXISTS, &[id.into()]).await?;
            tx.rollback().await?;
            return Err(if n == 0 {
                StoreError::NotFound
            } else {
                StoreError::NotAllowed("the embargo changed meanwhile".to_string())
            });
        }
        tx.execute(
            INSERT_EXTENSION,
            &[
                id.into(),
                from.into(),
                to.utc.into(),
                to.local.as_str().into(),
                to.zone.as_str().into(),
                reason.into(),
                to_db_time(at).into(),
            ],
        )
        .await?;
        tx.queue_report_mails(&mails, id).await?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(())
    }

    async fn report_reminders_due(
        &self,
        now: OffsetDateTime,
        lead: time::Duration,
        limit: u32,
    ) -> StoreResult<Vec<ReportStateDue>> {
        let rows: Vec<DueRow> = self
            .fetch_all(
                REMINDERS_DUE,
                &[
                    to_db_time(now).into(),
                    to_db_time(now.saturating_add(lead)).into(),
                    i64::from(limit).into(),
                ],
            )
            .await?;
        self.due_rows(rows)
    }

    async fn remind_report_state(
        &self,
        id: i64,
        state: &str,
        end: OffsetDateTime,
        mails: Vec<NewMail>,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                SET_REMINDED,
                &[to_db_time(end).into(), id.into(), state.into()],
            )
            .await?;
        if changed == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        tx.queue_report_mails(&mails, id).await?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(true)
    }

    async fn report_escalations_due(
        &self,
        now: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<ReportStateDue>> {
        let rows: Vec<DueRow> = self
            .fetch_all(
                ESCALATIONS_DUE,
                &[to_db_time(now).into(), i64::from(limit).into()],
            )
            .await?;
        self.due_rows(rows)
    }

    async fn escalate_report(
        &self,
        id: i64,
        state: &str,
        at: OffsetDateTime,
        alerted: Vec<NewRecipient>,
        mails: Vec<NewMail>,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let at = to_db_time(at);
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(SET_ESCALATED, &[at.into(), id.into(), state.into()])
            .await?;
        if changed == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        for r in &alerted {
            tx.execute(
                ADD_RECIPIENT,
                &[
                    id.into(),
                    r.account_id.into(),
                    r.state.as_str().into(),
                    r.kind.as_str().into(),
                    at.into(),
                ],
            )
            .await?;
        }
        tx.queue_report_mails(&mails, id).await?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(true)
    }
}
