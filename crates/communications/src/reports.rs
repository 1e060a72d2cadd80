//! Reports: the one service the pages, the API, the jobs and the demo call
//! for what vetted reporters send to States — send, list, open,
//! acknowledge, set a State's status, write in a State's thread, extend
//! the embargo, remind States before it ends, escalate.
//!
//! Who may see what is `policy::report_view`: the reporter sees every
//! State's status and thread but never who at a State did anything; a
//! State's PoCs see their own State only; the secretariat sees metadata.

use crate::report_mail::{self, Facts, MailTo};
use crate::Settings;
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::communication::attachment::{check_attachments, AttachmentDraft};
use pocdir_domain::communication::delivery::RoleChoice;
use pocdir_domain::communication::template::ZonedTime;
use pocdir_domain::directory::participant::ParticipationStatus;
use pocdir_domain::log::entry::ContentError;
use pocdir_domain::log::events::{self, ReportFacts};
use pocdir_domain::policy::{report_view, ReportView};
use pocdir_domain::report::{
    check_message, extend_embargo, reminder_due, ReportContent, ReportDraft, ReportError,
    ReportLimits, ReportStates, StateStatus, REMINDER_LEAD,
};
use pocdir_domain::reporter::ReporterStatus;
use pocdir_domain::requester::Requester;
use pocdir_domain::stix::{check_bundle, StixBundle};
use pocdir_store::{
    AttachmentMeta, MessageSide, NewRecipient, NewReport, NewReportMessage, PocAccount, ReportList,
    ReportMessage, ReportRecord, ReportState, Reporter, Store, StoreError,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use time::Duration;

/// One thing wrong with a report or a step: the field, the Fluent id and
/// its arguments (a State's code, a file's name, a STIX object).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportProblem {
    pub field: String,
    pub message_id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl ReportProblem {
    fn new(field: &str, message_id: &'static str) -> Self {
        ReportProblem {
            field: field.to_string(),
            message_id,
            args: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

/// Why a request about reports was not done. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ReportFailure {
    #[error("invalid report")]
    Invalid(Vec<ReportProblem>),
    /// The reporter sent as many reports as an hour allows.
    #[error("too many reports; retry after {retry_after}")]
    RateLimited { retry_after: Duration },
    /// The report with its files is larger than a reporter may send.
    #[error("the report is too large")]
    TooLarge { max_bytes: usize },
    /// The reporter is not (or no longer) approved.
    #[error("the reporter may not send now")]
    NotApproved(ReporterStatus),
    /// No such report, or the reader may not know it exists.
    #[error("no such report")]
    NotFound,
    /// The reader may see it but not do this.
    #[error("not allowed on this report")]
    NotAllowed,
    #[error(transparent)]
    Step(ReportError),
    #[error("already acknowledged")]
    AlreadyAcknowledged,
    /// Someone changed it meanwhile: read it again.
    #[error("changed meanwhile")]
    Stale,
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Content(#[from] ContentError),
}

impl From<StoreError> for ReportFailure {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ReportFailure::NotFound,
            other => ReportFailure::Store(other),
        }
    }
}

impl From<ReportError> for ReportFailure {
    fn from(e: ReportError) -> Self {
        ReportFailure::Step(e)
    }
}

/// A report as one reader may see it.
#[derive(Debug, Clone)]
pub struct OpenedReport {
    pub record: ReportRecord,
    pub view: ReportView,
    /// Only for the author and the recipients.
    pub content: Option<ReportContent>,
    /// The STIX bundle's objects, when there is one the reader may see.
    pub stix: Option<StixBundle>,
    /// The States whose status this reader may see: every one for the
    /// author and the secretariat, its own for a State's PoC.
    pub visible_states: Vec<ReportState>,
    /// The threads the reader may read, oldest first.
    pub messages: Vec<ReportMessage>,
    /// The reader's own receipt, when a recipient.
    pub mine: Option<pocdir_store::ReportRecipient>,
}

impl OpenedReport {
    /// The State whose thread and status the reader acts in, if a PoC.
    pub fn own_state(&self) -> Option<&str> {
        match &self.view {
            ReportView::State(s) | ReportView::StateMetadata(s) => Some(s),
            _ => None,
        }
    }
}

/// One line of a list as its reader may see it.
#[derive(Debug, Clone)]
pub struct ListedReport {
    pub record: ReportRecord,
    pub view: ReportView,
    /// The title, for those who may read the content.
    pub title: Option<String>,
}

/// The reports service.
#[derive(Clone, Copy)]
pub struct Reports<'a> {
    store: &'a dyn Store,
    clock: &'a dyn Clock,
    settings: &'a Settings,
    limits: ReportLimits,
}

fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn facts<'r>(record: &'r ReportRecord, title: &'r str) -> Facts<'r> {
    Facts {
        reporter_id: record.meta.reporter_id,
        report_id: Some(record.meta.id),
        organisation: &record.meta.organisation,
        category: record.meta.category,
        tlp: record.meta.tlp,
        title,
    }
}

impl<'a> Reports<'a> {
    pub fn new(store: &'a dyn Store, clock: &'a dyn Clock, settings: &'a Settings) -> Self {
        Reports {
            store,
            clock,
            settings,
            limits: ReportLimits::default(),
        }
    }

    /// The same with other limits (the server's configuration, a test's).
    pub fn with_limits(self, limits: ReportLimits) -> Self {
        Reports { limits, ..self }
    }

    pub fn limits(&self) -> ReportLimits {
        self.limits
    }

    /// The reporter `who` signs in as, if any.
    pub async fn reporter_of(&self, who: &Requester) -> Result<Option<Reporter>, ReportFailure> {
        if who.actor.kind != AccountKind::Reporter {
            return Ok(None);
        }
        Ok(self.store.reporter_of_account(who.account_id()).await?)
    }

    /// The reporter `who` is, approved: only it may send.
    async fn approved_reporter(&self, who: &Requester) -> Result<Reporter, ReportFailure> {
        match self.reporter_of(who).await? {
            Some(r) if r.status.may_deliver() => Ok(r),
            Some(r) => Err(ReportFailure::NotApproved(r.status)),
            None => Err(ReportFailure::NotApproved(ReporterStatus::Pending)),
        }
    }

    /// The participating States a report may go to, by code.
    pub async fn participating_states(&self) -> Result<Vec<String>, ReportFailure> {
        Ok(self
            .store
            .participants()
            .await?
            .into_iter()
            .filter(|p| p.status == ParticipationStatus::Participating)
            .map(|p| p.code)
            .collect())
    }

    /// Whom a report reaches in `state`: its technical PoCs, or its
    /// diplomatic ones when it has no technical PoC (nobody is left out).
    async fn reach(&self, state: &str) -> Result<Vec<PocAccount>, ReportFailure> {
        let technical = self
            .store
            .poc_accounts_of(state, RoleChoice::Technical)
            .await?;
        if !technical.is_empty() {
            return Ok(technical);
        }
        Ok(self
            .store
            .poc_accounts_of(state, RoleChoice::Diplomatic)
            .await?)
    }

    /// Sends a report: every check first (the draft, the STIX bundle, the
    /// files, the States, the rate and size limits), then the report, its
    /// recipients, mails and entry in one transaction. Returns its id.
    pub async fn send(
        &self,
        who: &Requester,
        draft: ReportDraft,
        files: Vec<AttachmentDraft>,
    ) -> Result<i64, ReportFailure> {
        let now = self.clock.now();
        let reporter = self.approved_reporter(who).await?;
        let size = draft.description.len()
            + draft.title.len()
            + draft.stix_bundle.len()
            + files.iter().map(|f| f.bytes.len()).sum::<usize>();
        if size > self.limits.max_bytes {
            return Err(ReportFailure::TooLarge {
                max_bytes: self.limits.max_bytes,
            });
        }
        let recent = self
            .store
            .reports_sent_since(reporter.id, now - Duration::hours(1))
            .await?;
        if let Some(retry_after) = self.limits.retry_after(&recent, now) {
            return Err(ReportFailure::RateLimited { retry_after });
        }
        let mut problems: Vec<ReportProblem> = Vec::new();
        let checked = match draft.check(now) {
            Ok(c) => Some(c),
            Err(errors) => {
                problems.extend(
                    errors
                        .into_iter()
                        .map(|e| ReportProblem::new(&e.field, e.message_id)),
                );
                None
            }
        };
        if !draft.stix_bundle.trim().is_empty() {
            if let Err(p) = check_bundle(draft.stix_bundle.trim()) {
                problems.push(ReportProblem {
                    field: "stix_bundle".to_string(),
                    message_id: p.message_id(),
                    args: p.args(),
                });
            }
        }
        let attachments = match check_attachments(files) {
            Ok(a) => a,
            Err(ps) => {
                problems.extend(ps.into_iter().map(|p| {
                    let file = p.file().unwrap_or_default().to_string();
                    ReportProblem::new("attachments", p.message_id()).with("file", file)
                }));
                Vec::new()
            }
        };
        // The States: each must take part and have a PoC to receive it.
        let mut recipients: Vec<PocAccount> = Vec::new();
        let mut states: Vec<String> = Vec::new();
        if let Some(c) = &checked {
            match &c.states {
                ReportStates::All => {
                    for state in self.participating_states().await? {
                        let reach = self.reach(&state).await?;
                        if !reach.is_empty() {
                            states.push(state);
                            recipients.extend(reach);
                        }
                    }
                    if states.is_empty() {
                        problems.push(ReportProblem::new("states", "report-error-no-state"));
                    }
                }
                ReportStates::Some(codes) => {
                    for code in codes {
                        match self.store.participant(code).await? {
                            None => problems.push(
                                ReportProblem::new("states", "report-error-unknown-state")
                                    .with("state", code.clone()),
                            ),
                            Some(p) if p.status != ParticipationStatus::Participating => problems
                                .push(
                                    ReportProblem::new("states", "report-error-not-participating")
                                        .with("state", code.clone()),
                                ),
                            Some(_) => {
                                let reach = self.reach(code).await?;
                                if reach.is_empty() {
                                    problems.push(
                                        ReportProblem::new("states", "report-error-no-poc")
                                            .with("state", code.clone()),
                                    );
                                }
                                states.push(code.clone());
                                recipients.extend(reach);
                            }
                        }
                    }
                }
            }
        }
        let checked = match (checked, problems.is_empty()) {
            (Some(c), true) => c,
            _ => return Err(ReportFailure::Invalid(problems)),
        };
        let content_json = serde_json::to_vec(&checked.content)
            .map_err(|e| ReportFailure::Store(StoreError::Corrupt(format!("report: {e}"))))?;
        let content_sha256 = hex_sha256(&content_json);
        let attachments_sha256: Vec<String> =
            attachments.iter().map(|a| hex_sha256(&a.bytes)).collect();
        let log = events::report_sent(
            now,
            &who.log,
            &ReportFacts {
                reporter_id: reporter.id,
                category: checked.category.as_str(),
                tlp: checked.tlp.code(),
                states: &states,
                content_sha256: &content_sha256,
                attachments_sha256: &attachments_sha256,
                embargo_end_utc: checked.embargo.as_ref().map(|e| e.utc),
                embargo_zone: checked.embargo.as_ref().map(|e| e.zone.as_str()),
            },
        )?;
        let deadline = self.settings.deadlines.deadline(
            pocdir_domain::communication::template::Urgency::Priority,
            now,
        );
        let mail_facts = Facts {
            reporter_id: reporter.id,
            report_id: None,
            organisation: &reporter.organisation,
            category: checked.category,
            tlp: checked.tlp,
            title: &checked.content.title,
        };
        let mails = recipients
            .iter()
            .map(|r| {
                report_mail::new_report(
                    &self.settings.base_url,
                    &mail_facts,
                    &checked.content,
                    checked.embargo.as_ref(),
                    deadline,
                    &MailTo::from(r),
                    now,
                )
            })
            .collect();
        let id = self
            .store
            .send_report(NewReport {
                reporter_id: reporter.id,
                sender_account: who.account_id(),
                category: checked.category,
                tlp: checked.tlp,
                content: checked.content,
                content_sha256,
                embargo: checked.embargo,
                states,
                recipients: recipients
                    .iter()
                    .map(|r| NewRecipient {
                        account_id: r.account_id,
                        state: r.state.clone(),
                        kind: r.kind,
                    })
                    .collect(),
                attachments,
                sent_at: now,
                ack_deadline: deadline,
                mails,
                log: vec![log],
            })
            .await
            .map_err(|e| match e {
                StoreError::NotAllowed(_) => ReportFailure::NotApproved(ReporterStatus::Suspended),
                other => other.into(),
            })?;
        Ok(id)
    }

    /// Whether `who` sent `record` (signs in as its reporter).
    async fn is_author(
        &self,
        who: &Requester,
        record: &ReportRecord,
    ) -> Result<bool, ReportFailure> {
        Ok(self
            .reporter_of(who)
            .await?
            .is_some_and(|r| r.id == record.meta.reporter_id))
    }

    fn view_of(&self, who: &Requester, record: &ReportRecord, is_author: bool) -> ReportView {
        report_view(
            &who.actor,
            is_author,
            &record.state_codes(),
            record.recipient(who.account_id()).is_some(),
        )
    }

    /// The reports `who` may know of, newest first.
    pub async fn list(
        &self,
        who: &Requester,
        before_id: Option<i64>,
        limit: u32,
    ) -> Result<Vec<ListedReport>, ReportFailure> {
        let list = match who.actor.kind {
            AccountKind::Reporter => match self.reporter_of(who).await? {
                Some(r) => ReportList::OfReporter(r.id),
                None => return Ok(Vec::new()),
            },
            AccountKind::Secretariat => ReportList::All,
            kind if kind.is_poc() => match &who.actor.participant {
                Some(p) => ReportList::ToState(p.as_str().to_string()),
                None => return Ok(Vec::new()),
            },
            _ => return Ok(Vec::new()),
        };
        let author = matches!(list, ReportList::OfReporter(_));
        let mut out = Vec::new();
        for record in self.store.reports(&list, before_id, limit).await? {
            let view = self.view_of(who, &record, author);
            let title = match view {
                ReportView::Author | ReportView::State(_) => {
                    Some(self.store.report_content(record.meta.id).await?.title)
                }
                ReportView::Nothing => continue,
                _ => None,
            };
            out.push(ListedReport {
                record,
                view,
                title,
            });
        }
        Ok(out)
    }

    /// A report as `who` may see it; the first opening by a recipient is
    /// recorded (and logged).
    pub async fn open(&self, who: &Requester, id: i64) -> Result<OpenedReport, ReportFailure> {
        let record = self
            .store
            .report(id)
            .await?
            .ok_or(ReportFailure::NotFound)?;
        let is_author = self.is_author(who, &record).await?;
        let view = self.view_of(who, &record, is_author);
        let (content, messages) = match &view {
            ReportView::Nothing => return Err(ReportFailure::NotFound),
            ReportView::Author => (
                Some(self.store.report_content(id).await?),
                self.store.report_messages(id, None).await?,
            ),
            ReportView::State(state) => (
                Some(self.store.report_content(id).await?),
                self.store.report_messages(id, Some(state)).await?,
            ),
            ReportView::StateMetadata(_) | ReportView::Metadata => (None, Vec::new()),
        };
        let mut record = record;
        if let Some(mine) = record.recipient(who.account_id()) {
            if mine.read_at.is_none() {
                let now = self.clock.now();
                let log = events::report_read(now, &who.log, id);
                if self
                    .store
                    .record_report_read(id, who.account_id(), now, log)
                    .await?
                {
                    if let Some(fresh) = self.store.report(id).await? {
                        record = fresh;
                    }
                }
            }
        }
        let stix = content
            .as_ref()
            .and_then(|c| c.stix_bundle.as_deref())
            .and_then(|raw| check_bundle(raw).ok());
        let mine = record.recipient(who.account_id()).cloned();
        let visible_states = match &view {
            ReportView::State(s) | ReportView::StateMetadata(s) => {
                record.state(s).cloned().into_iter().collect()
            }
            _ => record.states.clone(),
        };
        Ok(OpenedReport {
            record,
            view,
            content,
            stix,
            visible_states,
            messages,
            mine,
        })
    }

    /// A recipient acknowledges the report for its State.
    pub async fn acknowledge(&self, who: &Requester, id: i64) -> Result<(), ReportFailure> {
        let opened = self.open(who, id).await?;
        if opened.mine.is_none() {
            return Err(ReportFailure::NotAllowed);
        }
        let now = self.clock.now();
        let log = events::report_acknowledged(now, &who.log, id);
        self.store
            .acknowledge_report(id, who.account_id(), now, log)
            .await
            .map_err(|e| match e {
                StoreError::NotAllowed(_) => ReportFailure::AlreadyAcknowledged,
                other => other.into(),
            })
    }

    /// A recipient sets its State's status (affected, not affected, under
    /// investigation).
    pub async fn set_status(
        &self,
        who: &Requester,
        id: i64,
        raw: &str,
    ) -> Result<StateStatus, ReportFailure> {
        let opened = self.open(who, id).await?;
        let (ReportView::State(state), Some(_)) = (&opened.view, &opened.mine) else {
            return Err(ReportFailure::NotAllowed);
        };
        let to: StateStatus = raw
            .parse()
            .map_err(|()| ReportFailure::Step(ReportError::StatusNotAnAnswer))?;
        let from = opened
            .record
            .state(state)
            .map(|s| s.status)
            .ok_or(ReportFailure::NotFound)?;
        let to = from.answer(to)?;
        let now = self.clock.now();
        let log = events::report_status_set(now, &who.log, id, from.as_str(), to.as_str())?;
        self.store
            .set_report_status(id, state, from, to, now, log)
            .await
            .map_err(|e| match e {
                StoreError::NotAllowed(_) => ReportFailure::Stale,
                other => other.into(),
            })?;
        Ok(to)
    }

    /// A message in a State's thread: the reporter names the State; a
    /// State's recipient writes in its own.
    pub async fn post_message(
        &self,
        who: &Requester,
        id: i64,
        state: Option<&str>,
        raw: &str,
    ) -> Result<i64, ReportFailure> {
        let opened = self.open(who, id).await?;
        let body = check_message(raw)?;
        let now = self.clock.now();
        let record = &opened.record;
        let (state, side) = match (&opened.view, &opened.mine) {
            (ReportView::Author, _) => {
                let state = state.map(|s| s.trim().to_ascii_uppercase());
                match state {
                    Some(s) if record.state(&s).is_some() => (s, MessageSide::Reporter),
                    _ => return Err(ReportFailure::NotFound),
                }
            }
            (ReportView::State(s), Some(_)) => (s.clone(), MessageSide::State),
            _ => return Err(ReportFailure::NotAllowed),
        };
        let title = opened
            .content
            .as_ref()
            .map(|c| c.title.clone())
            .unwrap_or_default();
        let f = facts(record, &title);
        let stamp = format!("{}", now.unix_timestamp_nanos());
        let mails = match side {
            MessageSide::Reporter => record
                .recipients
                .iter()
                .filter(|r| r.state == state)
                .map(|r| r.account_id)
                .collect::<Vec<i64>>(),
            MessageSide::State => record.meta.sender_account.into_iter().collect(),
        };
        let mut queued = Vec::new();
        for account in mails {
            let Some(a) = self.store.account_by_id(account).await? else {
                continue;
            };
            if a.disabled {
                continue;
            }
            let to = MailTo {
                account_id: a.id,
                email: a.email.clone(),
                language: a.language.clone(),
                state: Some(state.clone()),
            };
            let from_state = (side == MessageSide::State).then_some(state.as_str());
            queued.push(report_mail::new_message(
                &self.settings.base_url,
                &f,
                &stamp,
                from_state,
                &to,
                now,
            ));
        }
        let log = events::report_message(now, &who.log, id, &state, &hex_sha256(body.as_bytes()))?;
        Ok(self
            .store
            .add_report_message(NewReportMessage {
                report_id: id,
                state,
                author_account: who.account_id(),
                side,
                author_kind: who.actor.kind,
                body,
                sent_at: now,
                mails: queued,
                log,
            })
            .await?)
    }

    /// The reporter moves the embargo's end later, with a reason every
    /// reader is shown; every recipient is told.
    pub async fn extend_embargo(
        &self,
        who: &Requester,
        id: i64,
        local: &str,
        zone: &str,
        reason: &str,
    ) -> Result<ZonedTime, ReportFailure> {
        let opened = self.open(who, id).await?;
        if opened.view != ReportView::Author {
            return Err(ReportFailure::NotAllowed);
        }
        if !opened.record.meta.reporter_status.may_deliver() {
            return Err(ReportFailure::NotApproved(
                opened.record.meta.reporter_status,
            ));
        }
        let now = self.clock.now();
        let current = opened.record.meta.embargo.clone();
        let (new_end, reason) = extend_embargo(current.as_ref(), local, zone, reason, now)?;
        let current = current.ok_or(ReportFailure::Step(ReportError::NoEmbargo))?;
        let from_end = current
            .utc()
            .ok_or(ReportFailure::Step(ReportError::EmbargoInvalid))?;
        let title = opened
            .content
            .as_ref()
            .map(|c| c.title.clone())
            .unwrap_or_default();
        let f = facts(&opened.record, &title);
        let accounts = self
            .store
            .poc_accounts(
                &opened
                    .record
                    .recipients
                    .iter()
                    .map(|r| r.account_id)
                    .collect::<Vec<_>>(),
            )
            .await?;
        let mails = accounts
            .iter()
            .map(|a| {
                report_mail::embargo_extended(
                    &self.settings.base_url,
                    &f,
                    &new_end,
                    &reason,
                    &MailTo::from(a),
                    now,
                )
            })
            .collect();
        let log = events::report_extended(
            now,
            &who.log,
            id,
            current.utc,
            new_end.utc,
            &new_end.zone,
            &reason,
        )?;
        self.store
            .extend_report_embargo(id, from_end, new_end.clone(), &reason, now, mails, log)
            .await
            .map_err(|e| match e {
                StoreError::NotAllowed(_) => ReportFailure::Stale,
                other => other.into(),
            })?;
        Ok(new_end)
    }

    /// A file of a report, for its author and its recipients.
    pub async fn attachment(
        &self,
        who: &Requester,
        id: i64,
        attachment_id: i64,
    ) -> Result<(AttachmentMeta, Vec<u8>), ReportFailure> {
        let record = self
            .store
            .report(id)
            .await?
            .ok_or(ReportFailure::NotFound)?;
        let is_author = self.is_author(who, &record).await?;
        match self.view_of(who, &record, is_author) {
            ReportView::Author | ReportView::State(_) => {
                Ok(self.store.report_attachment(id, attachment_id).await?)
            }
            _ => Err(ReportFailure::NotFound),
        }
    }

    /// Reminds the States not settled that an embargo ends within
    /// [`REMINDER_LEAD`], once per end; returns how many States.
    pub async fn remind_due(&self, limit: u32) -> Result<usize, ReportFailure> {
        let now = self.clock.now();
        let mut done = 0;
        for due in self
            .store
            .report_reminders_due(now, REMINDER_LEAD, limit)
            .await?
        {
            let Some(end) = due.embargo_end else {
                continue;
            };
            if !reminder_due(end, now, REMINDER_LEAD, due.status, due.reminded_for) {
                continue;
            }
            let Some(record) = self.store.report(due.report_id).await? else {
                continue;
            };
            let Some(embargo) = record.meta.embargo.clone() else {
                continue;
            };
            let title = self.store.report_content(due.report_id).await?.title;
            let f = facts(&record, &title);
            let ids: Vec<i64> = record
                .recipients
                .iter()
                .filter(|r| r.state == due.state)
                .map(|r| r.account_id)
                .collect();
            let mails = self
                .store
                .poc_accounts(&ids)
                .await?
                .iter()
                .map(|a| {
                    report_mail::reminder(
                        &self.settings.base_url,
                        &f,
                        &embargo,
                        due.status,
                        &MailTo::from(a),
                        now,
                    )
                })
                .collect();
            let log = events::report_reminded(now, due.report_id, &due.state, embargo.utc)?;
            if self
                .store
                .remind_report_state(due.report_id, &due.state, end, mails, log)
                .await?
            {
                done += 1;
            }
        }
        Ok(done)
    }

    /// Alerts the diplomatic PoCs of each State none of whose technical
    /// PoCs acknowledged by the deadline, once; returns how many States.
    pub async fn escalate_due(&self, limit: u32) -> Result<usize, ReportFailure> {
        let now = self.clock.now();
        let mut done = 0;
        for due in self.store.report_escalations_due(now, limit).await? {
            let Some(record) = self.store.report(due.report_id).await? else {
                continue;
            };
            let title = self.store.report_content(due.report_id).await?.title;
            let f = facts(&record, &title);
            let diplomats = self
                .store
                .poc_accounts_of(&due.state, RoleChoice::Diplomatic)
                .await?;
            let known: BTreeSet<i64> = record.recipients.iter().map(|r| r.account_id).collect();
            let alerted: Vec<NewRecipient> = diplomats
                .iter()
                .filter(|d| !known.contains(&d.account_id))
                .map(|d| NewRecipient {
                    account_id: d.account_id,
                    state: d.state.clone(),
                    kind: d.kind,
                })
                .collect();
            let mails = diplomats
                .iter()
                .map(|d| {
                    report_mail::escalation(
                        &self.settings.base_url,
                        &f,
                        record.meta.ack_deadline,
                        &MailTo::from(d),
                        now,
                    )
                })
                .collect();
            let log = events::report_escalated(now, due.report_id, &due.state, diplomats.len())?;
            if self
                .store
                .escalate_report(due.report_id, &due.state, now, alerted, mails, log)
                .await?
            {
                done += 1;
            }
        }
        Ok(done)
    }
}

/// Every Fluent id the service names.
pub const MESSAGE_IDS: [&str; 3] = [
    "report-error-unknown-state",
    "report-error-not-participating",
    "report-error-no-poc",
];
