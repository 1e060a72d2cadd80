//! Communications, written once for both backends.

use super::rows::{
    meta_columns, AttachmentRow, CandidateRow, EscalationRow, InboxRow, MetaRow, PocAccountRow,
    ReceiptsRow, RecipientRow, StateRow, ATTACHMENT_COLUMNS, RECIPIENT_COLUMNS,
};
use super::{
    AttachmentMeta, CommunicationMeta, CommunicationRecord, CommunicationStore,
    EscalationCandidate, InboxFilter, InboxItem, Mailbox, NewCommunication, NewRecipient,
    PocAccount, Recipient,
};
use crate::outbox::NewMail;
use crate::sql::{Driver, Param, SqlStore, Tx};
use crate::{convert_all, corrupt, db_time, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::delivery::{Receipts, RoleChoice};
use pocdir_domain::communication::template::Content;
use pocdir_domain::log::entry::LogDraft;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::slice::from_ref;
use time::OffsetDateTime;

/// Where a mail's dedupe key, subject and body name the new
/// communication's id before it has one.
pub const ID_PLACEHOLDER: &str = "{communication-id}";

// The AEAD's associated data: a value sealed for one column does not open
// in another.
const CONTENT: &str = "communications.content";
const ATTACHMENT_NAME: &str = "communication_attachments.name";
const ATTACHMENT_BYTES: &str = "communication_attachments.bytes";

const INSERT: &str = "INSERT INTO communications (thread_id, parent_id, forwarded_from, \
     sender_account, sender_state, kind, urgency, tlp, addressed_roles, text_language, content, \
     content_sha256, sent_at, ack_deadline, e2e) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id";
const SET_THREAD: &str = "UPDATE communications SET thread_id = id WHERE id = $1";
const INSERT_STATE: &str = "INSERT INTO communication_states (communication_id, state, \
     addressed) VALUES ($1, $2, $3)";
const INSERT_ATTACHMENT: &str = "INSERT INTO communication_attachments (communication_id, \
     position, name, file_type, size, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)";
const ANSWER_PARENT: &str = "UPDATE communication_recipients SET answered_at = $1, \
     read_at = COALESCE(read_at, $1) WHERE communication_id = $2 AND account_id = $3 \
     AND answered_at IS NULL";
/// Rows per multi-row insert of recipients (6 parameters each).
const RECIPIENT_BATCH: usize = 200;

const META: &str = concat!(
    "SELECT ",
    meta_columns!(),
    " FROM communications c JOIN accounts a ON a.id = c.sender_account WHERE c.id = $1"
);
const THREAD_METAS: &str = concat!(
    "SELECT ",
    meta_columns!(),
    " FROM communications c JOIN accounts a ON a.id = c.sender_account \
     WHERE c.thread_id = $1 ORDER BY c.id"
);
const CONTENT_OF: &str = "SELECT content FROM communications WHERE id = $1";
const ATTACHMENT_BYTES_OF: &str = "SELECT bytes FROM communication_attachments \
     WHERE communication_id = $1 AND id = $2";
const UNREAD: &str = "SELECT COUNT(*) FROM communication_recipients \
     WHERE account_id = $1 AND read_at IS NULL";
const RECEIPTS_OF: &str = "SELECT delivered_at, read_at, acknowledged_at, answered_at \
     FROM communication_recipients WHERE communication_id = $1 AND account_id = $2";
const MARK_READ: &str = "UPDATE communication_recipients SET read_at = $1 \
     WHERE communication_id = $2 AND account_id = $3 AND read_at IS NULL";
const MARK_ACKNOWLEDGED: &str = "UPDATE communication_recipients SET acknowledged_at = $1, \
     read_at = COALESCE(read_at, $1) \
     WHERE communication_id = $2 AND account_id = $3 AND acknowledged_at IS NULL";
const ADD_RECIPIENT: &str = "INSERT INTO communication_recipients (communication_id, \
     account_id, state, kind, delivered_at) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (communication_id, account_id) DO NOTHING";
const INSERT_ESCALATION: &str = "INSERT INTO communication_escalations (communication_id, \
     state, escalated_at) VALUES ($1, $2, $3) ON CONFLICT (communication_id, state) DO NOTHING";
/// Per State with technical recipients and no escalation yet, past the
/// deadline: each recipient of that State, with whether it acknowledged.
const CANDIDATES: &str = "SELECT c.id AS communication_id, r.state, c.ack_deadline, c.tlp, \
     c.urgency, c.kind, c.sender_state, r.kind AS recipient_kind, \
     (r.acknowledged_at IS NOT NULL) AS acknowledged \
     FROM communications c JOIN communication_recipients r ON r.communication_id = c.id \
     WHERE c.id IN (SELECT c2.id FROM communications c2 \
         JOIN communication_recipients r2 ON r2.communication_id = c2.id \
         WHERE c2.ack_deadline <= $1 AND r2.kind = 'technical_poc' \
         AND NOT EXISTS (SELECT 1 FROM communication_escalations e \
             WHERE e.communication_id = c2.id AND e.state = r2.state) \
         AND NOT EXISTS (SELECT 1 FROM communication_recipients r3 \
             WHERE r3.communication_id = c2.id AND r3.state = r2.state \
             AND r3.kind = 'technical_poc' AND r3.acknowledged_at IS NOT NULL) \
         ORDER BY c2.ack_deadline, c2.id LIMIT $2) \
     AND NOT EXISTS (SELECT 1 FROM communication_escalations e \
         WHERE e.communication_id = c.id AND e.state = r.state) \
     ORDER BY c.ack_deadline, c.id, r.state";
const POC_ACCOUNT_COLUMNS: &str = "id, display_name, email, kind, participant, language";

fn recipients_sql(where_clause: &str) -> String {
    format!(
        "SELECT {RECIPIENT_COLUMNS} FROM communication_recipients r \
         JOIN accounts a ON a.id = r.account_id WHERE {where_clause} \
         ORDER BY r.communication_id, r.state, r.kind, a.display_name, r.account_id"
    )
}

fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl<D: Driver> SqlStore<D> {
    fn seal_content(&self, content: &Content) -> StoreResult<String> {
        let json = serde_json::to_string(content)
            .map_err(|e| StoreError::Corrupt(format!("communication content: {e}")))?;
        self.seal_str(CONTENT, &json)
    }

    async fn records(
        &self,
        metas: Vec<CommunicationMeta>,
    ) -> StoreResult<Vec<CommunicationRecord>> {
        if metas.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = metas.iter().map(|m| m.id).collect();
        let (list, params) = id_list(&ids, 1);
        let recipients: Vec<RecipientRow> = self
            .fetch_all(
                &recipients_sql(&format!("r.communication_id IN ({list})")),
                &params,
            )
            .await?;
        let states: Vec<StateRow> = self
            .fetch_all(
                &format!(
                    "SELECT communication_id, state, addressed FROM communication_states \
                     WHERE communication_id IN ({list}) ORDER BY communication_id, state"
                ),
                &params,
            )
            .await?;
        let escalations: Vec<EscalationRow> = self
            .fetch_all(
                &format!(
                    "SELECT communication_id, state, escalated_at FROM communication_escalations \
                     WHERE communication_id IN ({list}) ORDER BY communication_id, escalated_at"
                ),
                &params,
            )
            .await?;
        let attachments: Vec<AttachmentRow> = self
            .fetch_all(
                &format!(
                    "SELECT {ATTACHMENT_COLUMNS} FROM communication_attachments \
                     WHERE communication_id IN ({list}) ORDER BY communication_id, position"
                ),
                &params,
            )
            .await?;
        let mut by_id: BTreeMap<i64, CommunicationRecord> = metas
            .into_iter()
            .map(|meta| {
                (
                    meta.id,
                    CommunicationRecord {
                        meta,
                        recipients: Vec::new(),
                        states: Vec::new(),
                        escalations: Vec::new(),
                        attachments: Vec::new(),
                    },
                )
            })
            .collect();
        for row in recipients {
            let id = row.communication_id;
            let r = Recipient::try_from(row)?;
            if let Some(rec) = by_id.get_mut(&id) {
                rec.recipients.push(r);
            }
        }
        for row in states {
            if let Some(rec) = by_id.get_mut(&row.communication_id) {
                rec.states.push((row.state, row.addressed));
            }
        }
        for row in escalations {
            let at = db_time(row.escalated_at)
                .map_err(corrupt("communication_escalations", row.communication_id))?;
            if let Some(rec) = by_id.get_mut(&row.communication_id) {
                rec.escalations.push((row.state, at));
            }
        }
        for row in attachments {
            let id = row.communication_id;
            let meta = row.into_meta(|key, name| self.open_str(ATTACHMENT_NAME, key, name))?;
            if let Some(rec) = by_id.get_mut(&id) {
                rec.attachments.push(meta);
            }
        }
        let mut out: Vec<CommunicationRecord> = by_id.into_values().collect();
        out.sort_by_key(|r| r.meta.id);
        Ok(out)
    }
}

/// `$start, $start+1, …` for `ids`, and the parameters.
fn id_list(ids: &[i64], start: usize) -> (String, Vec<Param<'static>>) {
    let list = (0..ids.len())
        .map(|i| format!("${}", start + i))
        .collect::<Vec<_>>()
        .join(", ");
    (list, ids.iter().map(|&id| Param::from(id)).collect())
}

/// Adds a parameter; returns its placeholder.
fn push_param<'a>(params: &mut Vec<Param<'a>>, p: Param<'a>) -> String {
    params.push(p);
    format!("${}", params.len())
}

fn with_id(text: &str, id: i64) -> String {
    text.replace(ID_PLACEHOLDER, &id.to_string())
}

/// A communication's content and files, sealed: (content, [(name, bytes, sha256)]).
type SealedNew = (String, Vec<(String, Vec<u8>, String)>);

impl<D: Driver> SqlStore<D> {
    fn seal_new(&self, new: &NewCommunication) -> StoreResult<SealedNew> {
        let content = self.seal_content(&new.content)?;
        let mut files = Vec::with_capacity(new.attachments.len());
        for file in &new.attachments {
            files.push((
                self.seal_str(ATTACHMENT_NAME, &file.name)?,
                self.seal_bytes(ATTACHMENT_BYTES, &file.bytes)?,
                hex_sha256(&file.bytes),
            ));
        }
        Ok((content, files))
    }
}

impl<D: Driver> Tx<D> {
    /// One communication's rows, its recipients and its mails (not its log).
    async fn insert_communication(
        &mut self,
        new: &NewCommunication,
        (content, sealed_files): SealedNew,
    ) -> StoreResult<i64> {
        let tx = self;
        let sent_at = to_db_time(new.sent_at);
        let (id,): (i64,) = tx
            .fetch_one(
                INSERT,
                &[
                    new.thread_id.into(),
                    new.parent_id.into(),
                    new.forwarded_from.into(),
                    new.sender_account.into(),
                    new.sender_state.as_str().into(),
                    new.kind.as_str().into(),
                    new.urgency.as_str().into(),
                    new.tlp.code().into(),
                    new.addressed_roles.map(RoleChoice::as_str).into(),
                    new.content.text_language.as_str().into(),
                    content.as_str().into(),
                    new.content_sha256.as_str().into(),
                    sent_at.into(),
                    to_db_time(new.ack_deadline).into(),
                    new.e2e.into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("communication"))?;
        if new.thread_id.is_none() {
            tx.execute(SET_THREAD, &[id.into()]).await?;
        }
        let mut states: BTreeMap<&str, bool> = BTreeMap::new();
        states.insert(new.sender_state.as_str(), false);
        for r in &new.recipients {
            states.entry(r.state.as_str()).or_insert(false);
        }
        for s in &new.addressed_states {
            states.insert(s.as_str(), true);
        }
        for (state, addressed) in states {
            tx.execute(INSERT_STATE, &[id.into(), state.into(), addressed.into()])
                .await
                .map_err(|e| e.constraint("state"))?;
        }
        tx.insert_recipients(id, new, sent_at).await?;
        for (position, (file, (name, bytes, sha))) in
            new.attachments.iter().zip(&sealed_files).enumerate()
        {
            let size = i64::try_from(file.bytes.len()).unwrap_or(i64::MAX);
            tx.execute(
                INSERT_ATTACHMENT,
                &[
                    id.into(),
                    i64::try_from(position).unwrap_or(i64::MAX).into(),
                    name.as_str().into(),
                    file.file_type.as_str().into(),
                    size.into(),
                    sha.as_str().into(),
                    bytes.as_slice().into(),
                ],
            )
            .await?;
        }
        if let Some(parent) = new.parent_id {
            tx.execute(
                ANSWER_PARENT,
                &[sent_at.into(), parent.into(), new.sender_account.into()],
            )
            .await?;
        }
        tx.queue_mails(&new.mails, id).await?;
        Ok(id)
    }
}

impl<D: Driver> Tx<D> {
    async fn insert_recipients(
        &mut self,
        id: i64,
        new: &NewCommunication,
        delivered_at: i64,
    ) -> StoreResult<()> {
        for chunk in new.recipients.chunks(RECIPIENT_BATCH) {
            let mut sql = String::from(
                "INSERT INTO communication_recipients (communication_id, account_id, state, \
                 kind, delivered_at) VALUES ",
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
            self.execute(&sql, &params)
                .await
                .map_err(|e| e.constraint("recipient"))?;
        }
        Ok(())
    }

    async fn queue_mails(&mut self, mails: &[NewMail], id: i64) -> StoreResult<()> {
        for mail in mails {
            let mail = NewMail {
                dedupe_key: with_id(&mail.dedupe_key, id),
                subject: with_id(&mail.subject, id),
                body: with_id(&mail.body, id),
                ..mail.clone()
            };
            // Sensitive: the body is blanked once sent, so the outbox does
            // not keep what the communication said.
            self.enqueue(&mail, true).await?;
        }
        Ok(())
    }
}

#[async_trait]
impl<D: Driver> CommunicationStore for SqlStore<D> {
    async fn send_communication(&self, new: NewCommunication) -> StoreResult<i64> {
        self.send_communications(vec![new])
            .await?
            .pop()
            .ok_or_else(|| StoreError::Corrupt("no communication stored".into()))
    }

    async fn send_communications(&self, news: Vec<NewCommunication>) -> StoreResult<Vec<i64>> {
        // Sealing happens before the transaction: no lock is held while
        // the cipher runs over attachments.
        let mut sealed = Vec::with_capacity(news.len());
        for new in &news {
            sealed.push(self.seal_new(new)?);
        }
        let mut tx = self.begin().await?;
        let mut ids = Vec::with_capacity(news.len());
        let mut log: Vec<LogDraft> = Vec::new();
        for (new, sealed) in news.into_iter().zip(sealed) {
            let id = tx.insert_communication(&new, sealed).await?;
            log.extend(new.log.into_iter().map(|mut d| {
                if d.object.is_empty() {
                    d.object = format!("communication:{id}");
                }
                d
            }));
            ids.push(id);
        }
        tx.log_and_commit(&log).await?;
        Ok(ids)
    }

    async fn communication(&self, id: i64) -> StoreResult<Option<CommunicationRecord>> {
        let Some(row) = self.fetch_optional::<MetaRow>(META, &[id.into()]).await? else {
            return Ok(None);
        };
        let meta = CommunicationMeta::try_from(row)?;
        Ok(self.records(vec![meta]).await?.into_iter().next())
    }

    async fn communication_content(&self, id: i64) -> StoreResult<Content> {
        let (sealed,): (String,) = self
            .fetch_optional(CONTENT_OF, &[id.into()])
            .await?
            .ok_or(StoreError::NotFound)?;
        let json = self.open_str(CONTENT, id, &sealed)?;
        serde_json::from_str(&json)
            .map_err(|e| StoreError::Corrupt(format!("communications row {id}: content: {e}")))
    }

    async fn communication_subjects(
        &self,
        ids: &[i64],
    ) -> StoreResult<std::collections::BTreeMap<i64, String>> {
        let mut out = std::collections::BTreeMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        let (list, params) = id_list(ids, 1);
        let rows: Vec<(i64, String)> = self
            .fetch_all(
                &format!("SELECT id, content FROM communications WHERE id IN ({list})"),
                &params,
            )
            .await?;
        for (id, sealed) in rows {
            let json = self.open_str(CONTENT, id, &sealed)?;
            let content: Content = serde_json::from_str(&json).map_err(|e| {
                StoreError::Corrupt(format!("communications row {id}: content: {e}"))
            })?;
            out.insert(id, content.subject);
        }
        Ok(out)
    }

    async fn attachment(
        &self,
        communication_id: i64,
        attachment_id: i64,
    ) -> StoreResult<(AttachmentMeta, Vec<u8>)> {
        let row: AttachmentRow = self
            .fetch_optional(
                &format!(
                    "SELECT {ATTACHMENT_COLUMNS} FROM communication_attachments \
                     WHERE communication_id = $1 AND id = $2"
                ),
                &[communication_id.into(), attachment_id.into()],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let meta = row.into_meta(|key, name| self.open_str(ATTACHMENT_NAME, key, name))?;
        let (sealed,): (Vec<u8>,) = self
            .fetch_one(
                ATTACHMENT_BYTES_OF,
                &[communication_id.into(), attachment_id.into()],
            )
            .await?;
        let bytes = self.open_bytes(ATTACHMENT_BYTES, attachment_id, &sealed)?;
        Ok((meta, bytes))
    }

    async fn thread(&self, thread_id: i64) -> StoreResult<Vec<CommunicationRecord>> {
        let rows: Vec<MetaRow> = self.fetch_all(THREAD_METAS, &[thread_id.into()]).await?;
        let metas: Vec<CommunicationMeta> = convert_all(rows)?;
        self.records(metas).await
    }

    async fn inbox(
        &self,
        mailbox: &Mailbox,
        filter: &InboxFilter,
        limit: u32,
    ) -> StoreResult<Vec<InboxItem>> {
        let mut params: Vec<Param<'_>> = Vec::new();
        let next = push_param;
        let mut wheres: Vec<String> = Vec::new();
        // `order` is the id column of the table the list walks in its index
        // order (newest first, stopping at the limit): ordering by another
        // table's id made SQLite read and sort the whole mailbox.
        let (from, mine, order) = match mailbox {
            Mailbox::Received { account_id } => {
                let n = next(&mut params, (*account_id).into());
                (
                    format!(
                        "communication_recipients m JOIN communications c \
                         ON c.id = m.communication_id AND m.account_id = {n}"
                    ),
                    true,
                    "m.communication_id",
                )
            }
            Mailbox::Sent { account_id } => {
                let n = next(&mut params, (*account_id).into());
                wheres.push(format!("c.sender_account = {n}"));
                ("communications c".to_string(), false, "c.id")
            }
            Mailbox::State { state } => {
                let n = next(&mut params, state.as_str().into());
                (
                    format!(
                        "communication_states s JOIN communications c \
                         ON c.id = s.communication_id AND s.state = {n}"
                    ),
                    false,
                    "s.communication_id",
                )
            }
            Mailbox::All => ("communications c".to_string(), false, "c.id"),
        };
        if let Some(kind) = filter.kind {
            let n = next(&mut params, kind.as_str().into());
            wheres.push(format!("c.kind = {n}"));
        }
        if let Some(urgency) = filter.urgency {
            let n = next(&mut params, urgency.as_str().into());
            wheres.push(format!("c.urgency = {n}"));
        }
        if let Some(tlp) = filter.tlp {
            let n = next(&mut params, tlp.code().into());
            wheres.push(format!("c.tlp = {n}"));
        }
        if let Some(before) = filter.before_id {
            let n = next(&mut params, before.into());
            wheres.push(format!("{order} < {n}"));
        }
        if mine && filter.unread {
            wheres.push("m.read_at IS NULL".into());
        }
        if mine && filter.unacknowledged {
            wheres.push("m.acknowledged_at IS NULL".into());
        }
        let limit_param = next(&mut params, i64::from(limit).into());
        let mine_columns = if mine {
            "m.delivered_at AS my_delivered_at, m.read_at AS my_read_at, \
             m.acknowledged_at AS my_acknowledged_at, m.answered_at AS my_answered_at"
        } else {
            "CAST(NULL AS BIGINT) AS my_delivered_at, CAST(NULL AS BIGINT) AS my_read_at, \
             CAST(NULL AS BIGINT) AS my_acknowledged_at, CAST(NULL AS BIGINT) AS my_answered_at"
        };
        let where_sql = if wheres.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", wheres.join(" AND "))
        };
        let sql = format!(
            "SELECT {meta}, {mine_columns}, \
             (SELECT COUNT(*) FROM communication_recipients r \
                WHERE r.communication_id = c.id) AS recipient_count, \
             (SELECT COUNT(*) FROM communication_recipients r \
                WHERE r.communication_id = c.id AND r.acknowledged_at IS NOT NULL) \
                AS acknowledged_count \
             FROM {from} JOIN accounts a ON a.id = c.sender_account {where_sql} \
             ORDER BY {order} DESC LIMIT {limit_param}",
            meta = meta_columns!(),
        );
        let rows: Vec<InboxRow> = self.fetch_all(&sql, &params).await?;
        rows.into_iter()
            .map(|row| {
                let receipts = match row.my_delivered_at {
                    Some(delivered_at) => Some(
                        ReceiptsRow {
                            delivered_at,
                            read_at: row.my_read_at,
                            acknowledged_at: row.my_acknowledged_at,
                            answered_at: row.my_answered_at,
                        }
                        .receipts("inbox")?,
                    ),
                    None => None,
                };
                Ok(InboxItem {
                    meta: CommunicationMeta::try_from(row.meta)?,
                    receipts,
                    recipient_count: row.recipient_count,
                    acknowledged_count: row.acknowledged_count,
                })
            })
            .collect()
    }

    async fn unread_count(&self, account_id: i64) -> StoreResult<i64> {
        let (n,): (i64,) = self.fetch_one(UNREAD, &[account_id.into()]).await?;
        Ok(n)
    }

    async fn record_read(
        &self,
        id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                MARK_READ,
                &[to_db_time(at).into(), id.into(), account_id.into()],
            )
            .await?;
        tx.commit_if_changed(changed, from_ref(&log)).await
    }

    async fn acknowledge(
        &self,
        id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Receipts> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                MARK_ACKNOWLEDGED,
                &[to_db_time(at).into(), id.into(), account_id.into()],
            )
            .await?;
        let row: Option<ReceiptsRow> = tx
            .fetch_optional(RECEIPTS_OF, &[id.into(), account_id.into()])
            .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        };
        if changed == 0 {
            tx.rollback().await?;
            return Err(StoreError::NotAllowed("already acknowledged".into()));
        }
        let receipts = row.receipts(format!("{id}/{account_id}"))?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(receipts)
    }

    async fn escalation_candidates(
        &self,
        now: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<EscalationCandidate>> {
        let rows: Vec<CandidateRow> = self
            .fetch_all(
                CANDIDATES,
                &[to_db_time(now).into(), i64::from(limit).into()],
            )
            .await?;
        let mut out: Vec<EscalationCandidate> = Vec::new();
        for row in rows {
            let bad = corrupt("communications", row.communication_id);
            let kind = row
                .recipient_kind
                .parse::<AccountKind>()
                .map_err(|_| bad(format!("recipient kind {:?}", row.recipient_kind)))?;
            match out.last_mut() {
                Some(last)
                    if last.communication_id == row.communication_id && last.state == row.state =>
                {
                    last.recipients.push((kind, row.acknowledged));
                }
                _ => out.push(EscalationCandidate {
                    communication_id: row.communication_id,
                    state: row.state,
                    ack_deadline: db_time(row.ack_deadline).map_err(&bad)?,
                    tlp: row
                        .tlp
                        .parse()
                        .map_err(|_| bad(format!("tlp {:?}", row.tlp)))?,
                    urgency: row
                        .urgency
                        .parse()
                        .map_err(|_| bad(format!("urgency {:?}", row.urgency)))?,
                    kind: row
                        .kind
                        .parse()
                        .map_err(|_| bad(format!("kind {:?}", row.kind)))?,
                    sender_state: row.sender_state,
                    recipients: vec![(kind, row.acknowledged)],
                }),
            }
        }
        Ok(out)
    }

    async fn escalate(
        &self,
        id: i64,
        state: &str,
        at: OffsetDateTime,
        alerted: Vec<NewRecipient>,
        mails: Vec<NewMail>,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                INSERT_ESCALATION,
                &[id.into(), state.into(), to_db_time(at).into()],
            )
            .await
            .map_err(|e| e.constraint("escalation"))?;
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
                    to_db_time(at).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("recipient"))?;
        }
        tx.queue_mails(&mails, id).await?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(true)
    }

    async fn poc_accounts_of(
        &self,
        state: &str,
        roles: RoleChoice,
    ) -> StoreResult<Vec<PocAccount>> {
        let kinds = match roles {
            RoleChoice::Diplomatic => "('diplomatic_poc')",
            RoleChoice::Technical => "('technical_poc')",
            RoleChoice::Both => "('diplomatic_poc', 'technical_poc')",
        };
        let rows: Vec<PocAccountRow> = self
            .fetch_all(
                &format!(
                    "SELECT {POC_ACCOUNT_COLUMNS} FROM accounts WHERE participant = $1 \
                     AND kind IN {kinds} AND NOT disabled ORDER BY id"
                ),
                &[state.into()],
            )
            .await?;
        convert_all(self.open_emails(rows)?)
    }

    async fn poc_accounts(&self, ids: &[i64]) -> StoreResult<Vec<PocAccount>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut out = Vec::with_capacity(ids.len());
        // Bounded statements: a long list goes in several.
        for chunk in ids.chunks(500) {
            let (list, params) = id_list(chunk, 1);
            let rows: Vec<PocAccountRow> = self
                .fetch_all(
                    &format!(
                        "SELECT {POC_ACCOUNT_COLUMNS} FROM accounts WHERE id IN ({list}) \
                         AND kind IN ('diplomatic_poc', 'technical_poc') AND NOT disabled \
                         AND participant IS NOT NULL ORDER BY id"
                    ),
                    &params,
                )
                .await?;
            out.extend(convert_all::<_, PocAccount>(self.open_emails(rows)?)?);
        }
        Ok(out)
    }
}

impl<D: Driver> SqlStore<D> {
    /// PoC accounts' e-mail addresses are sealed (`crate::sealing`).
    fn open_emails(&self, mut rows: Vec<PocAccountRow>) -> StoreResult<Vec<PocAccountRow>> {
        for r in &mut rows {
            r.email = self.open_str(crate::sealing::ACCOUNT_EMAIL, r.id, &r.email)?;
        }
        Ok(rows)
    }
}
