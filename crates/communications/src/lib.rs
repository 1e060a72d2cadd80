//! Communications between PoCs: the one service the pages, the API, the
//! jobs and the demo call to send, reply, forward, read, acknowledge and
//! escalate.
//!
//! Every way content leaves pocdir goes through the TLP rules of
//! `pocdir_domain::communication::tlp` first; a refusal is logged. A
//! communication and everything that goes with it (recipients, mails, log
//! entries) is written in one transaction: every recipient gets it or
//! none does.

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::communication::attachment::{check_attachments, Attachment, AttachmentDraft};
use pocdir_domain::communication::delivery::{
    escalation_due, AckDeadlines, Addressing, AddressingProblem, Receipts, RoleChoice,
    StateRecipient,
};
use pocdir_domain::communication::e2e::{self, E2eProblem, KeyProblem};
use pocdir_domain::communication::template::{CheckedTemplate, Content, TemplateDraft};
use pocdir_domain::communication::tlp::{
    self, Audience, Person, Sight, TlpLabel, TlpRefusal, WayOut,
};
use pocdir_domain::directory::openpgp::{parse_public_key, OpenPgpKey};
use pocdir_domain::directory::participant::ParticipationStatus;
use pocdir_domain::directory::poc::{FieldError, PocStatus};
use pocdir_domain::entropy::{Entropy, OsEntropy};
use pocdir_domain::log::entry::{ContentError, LogActor};
use pocdir_domain::log::events::{self, CommunicationFacts};
use pocdir_domain::requester::Requester;
use pocdir_store::{
    AttachmentMeta, CommunicationRecord, InboxFilter, InboxItem, Mailbox, NewCommunication,
    NewMail, NewRecipient, PocAccount, Store, StoreError,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

pub mod exercise_mail;
pub mod exercises;
pub mod mail;
pub mod report_mail;
pub mod reports;
pub mod taxii;

/// How the service is set up.
#[derive(Debug, Clone)]
pub struct Settings {
    pub deadlines: AckDeadlines,
    /// The portal's address, for links in mail.
    pub base_url: String,
}

/// Why a request about communications was not done. Nothing was changed;
/// a TLP refusal is logged.
#[derive(Debug, thiserror::Error)]
pub enum CommError {
    /// The template's fields or the files (field and message id each).
    #[error("invalid fields")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Addressing(AddressingProblem),
    /// The TLP label forbids this way out (logged).
    #[error(transparent)]
    Tlp(TlpRefusal),
    /// No such communication, or the reader may not know it exists.
    #[error("no such communication")]
    NotFound,
    #[error("already acknowledged")]
    AlreadyAcknowledged,
    /// Only recipients acknowledge.
    #[error("only a recipient can acknowledge")]
    NotARecipient,
    /// Only PoCs of a participating State send, reply and forward.
    #[error("only PoCs of a participating State can send communications")]
    MayNotSend,
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Content(#[from] ContentError),
    /// An end-to-end message refused, naming what failed.
    #[error(transparent)]
    E2e(E2eProblem),
}

impl From<StoreError> for CommError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => CommError::NotFound,
            other => CommError::Store(other),
        }
    }
}

impl From<AddressingProblem> for CommError {
    fn from(p: AddressingProblem) -> Self {
        match p {
            AddressingProblem::Tlp(r) => CommError::Tlp(r),
            other => CommError::Addressing(other),
        }
    }
}

/// A new communication as the compose form or the API sends it.
#[derive(Debug, Clone)]
pub struct Compose {
    pub template: TemplateDraft,
    pub to: Addressing,
    pub attachments: Vec<AttachmentDraft>,
}

/// The PoC entry a key for end-to-end encryption was found on: whose
/// contact details a key handed out reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEntry {
    pub participant: String,
    pub poc_id: i64,
    pub version: i64,
}

/// One reader's key for an end-to-end message.
#[derive(Debug, Clone)]
pub struct ReaderKey {
    pub account_id: i64,
    pub name: String,
    pub key: OpenPgpKey,
    pub entry: KeyEntry,
}

/// What an end-to-end message brings, encrypted in the sender's browser:
/// the armored text (subject, fields, text) and each file as a binary
/// OpenPGP message.
struct Sealed<'a> {
    text: &'a str,
    files: Vec<AttachmentDraft>,
}

/// A communication as one reader may see it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub record: CommunicationRecord,
    pub sight: Sight,
    /// Only when the reader may see the content.
    pub content: Option<Content>,
    /// The reader's own receipts, when a recipient.
    pub mine: Option<Receipts>,
    /// The recipients whose status this reader may see: all for the
    /// sender and the secretariat, their own State's for the others.
    pub visible_recipients: Vec<pocdir_store::Recipient>,
}

/// Which list of communications.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    /// Received by the reader.
    Inbox,
    /// Sent by the reader.
    Sent,
    /// Everything that concerns the reader's State.
    State,
    /// Every communication, as metadata: the secretariat.
    All,
}

impl Folder {
    pub const ALL: [Folder; 4] = [Folder::Inbox, Folder::Sent, Folder::State, Folder::All];

    pub fn as_str(self) -> &'static str {
        match self {
            Folder::Inbox => "inbox",
            Folder::Sent => "sent",
            Folder::State => "state",
            Folder::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<Folder> {
        Folder::ALL.into_iter().find(|f| f.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            Folder::Inbox => "comm-folder-inbox",
            Folder::Sent => "comm-folder-sent",
            Folder::State => "comm-folder-state",
            Folder::All => "comm-folder-all",
        }
    }
}

/// One line of a list as the reader may see it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub item: InboxItem,
    pub sight: Sight,
}

/// The communications service.
#[derive(Clone, Copy)]
pub struct Communications<'a> {
    store: &'a dyn Store,
    clock: &'a dyn Clock,
    settings: &'a Settings,
    /// For mail encrypted to recipients' OpenPGP keys.
    entropy: &'a dyn Entropy,
}

fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The account as the TLP rules see it.
fn person(who: &Requester, takes_part: bool) -> Person {
    Person {
        account_id: who.account_id(),
        kind: who.actor.kind,
        state: who
            .actor
            .participant
            .as_ref()
            .map(|p| p.as_str().to_string()),
        state_takes_part: takes_part,
    }
}

/// Who a stored communication went between.
pub fn audience(record: &CommunicationRecord) -> Audience {
    let mut states: Vec<String> = record.recipients.iter().map(|r| r.state.clone()).collect();
    states.sort();
    states.dedup();
    Audience {
        label: record.meta.tlp,
        sender_account: record.meta.sender_account,
        sender_state: record.meta.sender_state.clone(),
        recipient_accounts: record.recipients.iter().map(|r| r.account_id).collect(),
        recipient_states: states,
    }
}

impl<'a> Communications<'a> {
    pub fn new(store: &'a dyn Store, clock: &'a dyn Clock, settings: &'a Settings) -> Self {
        Communications {
            store,
            clock,
            settings,
            entropy: &OsEntropy,
        }
    }

    /// The same, drawing randomness from `entropy` (the server's, or a
    /// test's seeded one) instead of the operating system's.
    pub fn with_entropy(self, entropy: &'a dyn Entropy) -> Self {
        Communications { entropy, ..self }
    }

    /// The OpenPGP key on file for the PoC entry `account_id` signs in
    /// with (verified details of an active entry), if it still serves at `now`.
    async fn openpgp_key_of(
        &self,
        account_id: i64,
        now: time::OffsetDateTime,
    ) -> Result<Option<OpenPgpKey>, CommError> {
        // The same key end-to-end messages are encrypted to.
        Ok(self
            .e2e_key_of(account_id, now)
            .await?
            .ok()
            .map(|(key, _)| key))
    }

    async fn takes_part(&self, state: Option<&str>) -> Result<bool, CommError> {
        let Some(state) = state else {
            return Ok(false);
        };
        Ok(self
            .store
            .participant(state)
            .await?
            .is_some_and(|p| p.status == ParticipationStatus::Participating))
    }

    /// The sender as the rules need it: a PoC of a participating State.
    async fn sender(&self, who: &Requester) -> Result<(Person, String), CommError> {
        let state = who
            .actor
            .participant
            .as_ref()
            .map(|p| p.as_str().to_string());
        let takes_part = self.takes_part(state.as_deref()).await?;
        match state {
            Some(state) if who.actor.kind.is_poc() && takes_part => Ok((person(who, true), state)),
            _ => Err(CommError::MayNotSend),
        }
    }

    /// The accounts `to` names, checked: PoCs of participating States.
    async fn resolve(&self, to: &Addressing) -> Result<Vec<PocAccount>, CommError> {
        let mut found: Vec<PocAccount> = Vec::new();
        match to {
            Addressing::States { states, roles } => {
                let mut seen = BTreeSet::new();
                for raw in states {
                    let state = raw.trim().to_ascii_uppercase();
                    if !seen.insert(state.clone()) {
                        continue;
                    }
                    match self.store.participant(&state).await? {
                        None => return Err(AddressingProblem::UnknownRecipient(state).into()),
                        Some(p) if p.status != ParticipationStatus::Participating => {
                            return Err(AddressingProblem::NotParticipating(state).into())
                        }
                        Some(_) => {}
                    }
                    let accounts = self.store.poc_accounts_of(&state, *roles).await?;
                    if accounts.is_empty() {
                        return Err(AddressingProblem::NoPocToReceive(state).into());
                    }
                    found.extend(accounts);
                }
            }
            Addressing::Named { accounts } => {
                let mut ids: Vec<i64> = accounts.clone();
                ids.sort_unstable();
                ids.dedup();
                found = self.store.poc_accounts(&ids).await?;
                if let Some(missing) = ids
                    .iter()
                    .find(|id| !found.iter().any(|a| a.account_id == **id))
                {
                    return Err(AddressingProblem::UnknownRecipient(missing.to_string()).into());
                }
                let states: BTreeSet<String> = found.iter().map(|a| a.state.clone()).collect();
                for state in states {
                    if !self.takes_part(Some(&state)).await? {
                        return Err(AddressingProblem::NotParticipating(state).into());
                    }
                }
            }
        }
        Ok(found)
    }

    /// Builds and stores one communication: the checks are done.
    #[allow(clippy::too_many_arguments)]
    async fn store_new(
        &self,
        who: &Requester,
        sender_state: &str,
        checked: CheckedTemplate,
        attachments: Vec<Attachment>,
        to: &Addressing,
        recipients: Vec<PocAccount>,
        thread: Option<(i64, i64)>,
        forwarded_from: Option<i64>,
        e2e: bool,
    ) -> Result<i64, CommError> {
        let now = self.clock.now();
        let recipients: Vec<PocAccount> = recipients
            .into_iter()
            .filter(|r| r.account_id != who.account_id())
            .collect();
        if recipients.is_empty() {
            return Err(AddressingProblem::NobodyAddressed.into());
        }
        let content_json = serde_json::to_vec(&checked.content).map_err(|e| {
            CommError::Store(StoreError::Corrupt(format!("communication content: {e}")))
        })?;
        let content_sha256 = hex_sha256(&content_json);
        let attachments_sha256: Vec<String> =
            attachments.iter().map(|a| hex_sha256(&a.bytes)).collect();
        let recipient_ids: Vec<i64> = recipients.iter().map(|r| r.account_id).collect();
        let log = events::communication_sent(
            now,
            &who.log,
            &CommunicationFacts {
                kind: checked.kind.as_str(),
                urgency: checked.urgency.as_str(),
                tlp: checked.tlp.code(),
                thread: thread.map(|(t, _)| t),
                parent: thread.map(|(_, p)| p),
                forwarded_from,
                recipients: &recipient_ids,
                content_sha256: &content_sha256,
                attachments_sha256: &attachments_sha256,
                e2e,
            },
        )?;
        let (addressed_roles, addressed_states) = match to {
            Addressing::States { states, roles } => (
                Some(*roles),
                states
                    .iter()
                    .map(|s| s.trim().to_ascii_uppercase())
                    .collect(),
            ),
            Addressing::Named { .. } => (None, Vec::new()),
        };
        let audience = Audience {
            label: checked.tlp,
            sender_account: who.account_id(),
            sender_state: sender_state.to_string(),
            recipient_accounts: recipient_ids.clone(),
            recipient_states: recipients.iter().map(|r| r.state.clone()).collect(),
        };
        let sender_name = self.store.participant(sender_state).await?.map(|p| p.names);
        let mut mails = Vec::with_capacity(recipients.len());
        for r in &recipients {
            let reader = Person {
                account_id: r.account_id,
                kind: r.kind,
                state: Some(r.state.clone()),
                state_takes_part: true,
            };
            // A key is looked up only where the label keeps the content out
            // of clear mail. An end-to-end message's mail carries no content
            // at all (the server has none to encrypt): a link only.
            let key = if checked.tlp.may_mail_in_clear() || e2e {
                None
            } else {
                self.openpgp_key_of(r.account_id, now).await?
            };
            let body = tlp::mail_body(&audience, &reader, key.is_some()).map_err(CommError::Tlp)?;
            let encrypt = key.as_ref().map(|key| mail::EncryptTo {
                key,
                entropy: self.entropy,
            });
            mails.push(mail::new_communication(
                &self.settings.base_url,
                &mail::Facts {
                    kind: checked.kind,
                    urgency: checked.urgency,
                    tlp: checked.tlp,
                    sender_state_names: sender_name.as_ref(),
                    sender_state,
                    deadline: self.settings.deadlines.deadline(checked.urgency, now),
                },
                &checked.content,
                body,
                encrypt,
                r,
                now,
            ));
        }
        let id = self
            .store
            .send_communication(NewCommunication {
                thread_id: thread.map(|(t, _)| t),
                parent_id: thread.map(|(_, p)| p),
                forwarded_from,
                sender_account: who.account_id(),
                sender_state: sender_state.to_string(),
                kind: checked.kind,
                urgency: checked.urgency,
                tlp: checked.tlp,
                addressed_roles,
                addressed_states,
                content: checked.content,
                content_sha256,
                e2e,
                attachments,
                recipients: recipients
                    .iter()
                    .map(|r| NewRecipient {
                        account_id: r.account_id,
                        state: r.state.clone(),
                        kind: r.kind,
                    })
                    .collect(),
                sent_at: now,
                ack_deadline: self.settings.deadlines.deadline(checked.urgency, now),
                mails,
                log: vec![log],
            })
            .await?;
        tracing::info!(
            communication = id,
            recipients = recipient_ids.len(),
            "communication sent"
        );
        Ok(id)
    }

    fn check_files(drafts: Vec<AttachmentDraft>) -> Result<Vec<Attachment>, Vec<FieldError>> {
        check_attachments(drafts).map_err(|problems| {
            problems
                .iter()
                .map(|p| FieldError {
                    field: "attachments".to_string(),
                    message_id: p.message_id(),
                })
                .collect()
        })
    }

    /// Checks the template, the files and the addressing together, so the
    /// form shows every problem at once.
    fn check_compose(
        template: &TemplateDraft,
        attachments: Vec<AttachmentDraft>,
    ) -> Result<(CheckedTemplate, Vec<Attachment>), CommError> {
        let checked = template.check();
        let files = Self::check_files(attachments);
        match (checked, files) {
            (Ok(c), Ok(f)) => Ok((c, f)),
            (c, f) => {
                let mut errors = c.err().unwrap_or_default();
                errors.extend(f.err().unwrap_or_default());
                Err(CommError::Invalid(errors))
            }
        }
    }

    /// A new communication, starting a thread.
    pub async fn send(&self, who: &Requester, compose: Compose) -> Result<i64, CommError> {
        let (_, state) = self.sender(who).await?;
        let (checked, files) = Self::check_compose(&compose.template, compose.attachments)?;
        compose.to.check(checked.tlp)?;
        let recipients = self.resolve(&compose.to).await?;
        self.store_new(
            who,
            &state,
            checked,
            files,
            &compose.to,
            recipients,
            None,
            None,
            false,
        )
        .await
    }

    /// The key on file for `account_id` to encrypt end to end to, with the
    /// PoC entry it is on, or why there is none (the last reason seen, e.g.
    /// expired).
    async fn e2e_key_of(
        &self,
        account_id: i64,
        now: time::OffsetDateTime,
    ) -> Result<Result<(OpenPgpKey, KeyEntry), KeyProblem>, CommError> {
        let mut problem = KeyProblem::NoKey;
        for poc_id in self.store.pocs_of_account(account_id).await? {
            let Some(poc) = self.store.poc(poc_id).await? else {
                continue;
            };
            if poc.status != PocStatus::Active {
                continue;
            }
            let details = poc
                .active_details()
                .map_err(|e| CommError::Store(StoreError::Corrupt(e.to_string())))?;
            let Some(key) = details.and_then(|d| d.openpgp) else {
                continue;
            };
            match parse_public_key(&key.armored, now) {
                Ok(key) => {
                    let entry = KeyEntry {
                        participant: poc.participant,
                        poc_id: poc.id,
                        version: poc.version,
                    };
                    return Ok(Ok((key, entry)));
                }
                Err(e) => problem = KeyProblem::Unusable(e),
            }
        }
        Ok(Err(problem))
    }

    /// The usable keys of `people`, or every one without one, named with
    /// its reason.
    async fn e2e_keys(
        &self,
        people: &[PocAccount],
        now: time::OffsetDateTime,
    ) -> Result<Vec<ReaderKey>, CommError> {
        let mut keys = Vec::with_capacity(people.len());
        let mut missing = Vec::new();
        for p in people {
            match self.e2e_key_of(p.account_id, now).await? {
                Ok((key, entry)) => keys.push(ReaderKey {
                    account_id: p.account_id,
                    name: p.name.clone(),
                    key,
                    entry,
                }),
                Err(problem) => missing.push((p.name.clone(), problem)),
            }
        }
        if missing.is_empty() {
            Ok(keys)
        } else {
            Err(CommError::E2e(E2eProblem::Keys(missing)))
        }
    }

    /// The keys a PoC encrypts an end-to-end message to, for the PoCs or
    /// States it chose (checked as a send's recipients are): all of them, or a
    /// refusal naming each one without a usable key. Each key is a contact
    /// detail of the entry it is on, so the caller logs it as a read
    /// ([`ReaderKey::entry`]). Only a PoC that may send asks.
    pub async fn reader_keys(
        &self,
        who: &Requester,
        to: &Addressing,
    ) -> Result<Vec<ReaderKey>, CommError> {
        self.sender(who).await?;
        let mut people = self.resolve(to).await?;
        people.sort_by_key(|p| p.account_id);
        people.dedup_by_key(|p| p.account_id);
        self.e2e_keys(&people, self.clock.now()).await
    }

    /// For the compose form: each PoC account among `accounts` with its key
    /// for end-to-end encryption, or why it cannot be sent one.
    pub async fn e2e_keys_of(
        &self,
        accounts: &[i64],
    ) -> Result<BTreeMap<i64, Result<OpenPgpKey, KeyProblem>>, CommError> {
        let now = self.clock.now();
        let mut out = BTreeMap::new();
        for id in accounts {
            out.insert(*id, self.e2e_key_of(*id, now).await?.map(|(key, _)| key));
        }
        Ok(out)
    }

    /// A new communication encrypted end to end in the sender's browser:
    /// `ciphertext` is an OpenPGP message to every recipient's key on file
    /// and the sender's own. The template brings only its metadata (kind,
    /// urgency, label, the text's language); a content field filled in, or
    /// a file, is refused rather than stored in clear. The server checks
    /// what it can without reading: the label, that everyone has a usable
    /// key, and that the message is encrypted to each of them.
    pub async fn send_end_to_end(
        &self,
        who: &Requester,
        compose: Compose,
        ciphertext: &str,
    ) -> Result<i64, CommError> {
        let (_, state) = self.sender(who).await?;
        let checked = Self::check_end_to_end(&compose.template)?;
        compose.to.check(checked.tlp)?;
        let recipients = self.resolve(&compose.to).await?;
        self.store_end_to_end(
            who,
            &state,
            checked,
            Sealed {
                text: ciphertext,
                files: compose.attachments,
            },
            &compose.to,
            recipients,
            None,
        )
        .await
    }

    /// A reply encrypted end to end, to everyone of the parent but the
    /// replier (as [`Communications::reply`]), under the same checks as
    /// [`Communications::send_end_to_end`].
    pub async fn reply_end_to_end(
        &self,
        who: &Requester,
        parent_id: i64,
        template: TemplateDraft,
        attachments: Vec<AttachmentDraft>,
        ciphertext: &str,
    ) -> Result<i64, CommError> {
        let (parent, _, reader) = self.visible(who, parent_id).await?;
        if let Err(refusal) = tlp::may_read_by(&audience(&parent), &reader, WayOut::Reply) {
            return Err(self
                .refuse(who, parent_id, "reply", parent.meta.tlp, refusal)
                .await);
        }
        let (_, state) = self.sender(who).await?;
        let checked = Self::check_end_to_end(&template)?;
        let to = self.reply_addressing(who, &parent).await?;
        to.check(checked.tlp)?;
        let recipients = self.resolve(&to).await?;
        self.store_end_to_end(
            who,
            &state,
            checked,
            Sealed {
                text: ciphertext,
                files: attachments,
            },
            &to,
            recipients,
            Some((parent.meta.thread_id, parent_id)),
        )
        .await
    }

    /// Who a reply to `parent_id` by `who` would reach, for the reply form
    /// to encrypt to (with the replier's own account last).
    pub async fn reply_readers(
        &self,
        who: &Requester,
        parent_id: i64,
    ) -> Result<Vec<PocAccount>, CommError> {
        let (parent, _, _) = self.visible(who, parent_id).await?;
        let Addressing::Named { accounts } = self.reply_addressing(who, &parent).await? else {
            return Ok(Vec::new());
        };
        Ok(self.store.poc_accounts(&accounts).await?)
    }

    /// The template of an end-to-end message: its metadata checked (kind,
    /// urgency, label, the text's language), its content fields empty (the
    /// content is in the ciphertext), a label that takes it. Its files
    /// are checked with its readers' keys ([`e2e::check_sealed_files`]).
    fn check_end_to_end(t: &TemplateDraft) -> Result<CheckedTemplate, CommError> {
        let typed_in_clear = [
            &t.subject,
            &t.started_local,
            &t.detected_local,
            &t.impact,
            &t.requested_action,
            &t.respond_by_local,
            &t.text,
        ]
        .iter()
        .any(|v| !v.trim().is_empty())
            || !t.sectors.is_empty();
        if typed_in_clear {
            return Err(CommError::E2e(E2eProblem::PlaintextAlongside));
        }
        // The metadata's own checks, with the content left for the browser.
        let probe = TemplateDraft {
            subject: "-".into(),
            ..t.clone()
        };
        let checked = probe.check().map_err(CommError::Invalid)?;
        if !e2e::may_be_end_to_end(checked.tlp) {
            return Err(CommError::E2e(E2eProblem::Label));
        }
        Ok(checked)
    }

    /// Checks that every reader (the recipients and the sender) has a
    /// usable key and that the text and each file are encrypted to each,
    /// then stores them as the content, flagged end to end.
    #[allow(clippy::too_many_arguments)]
    async fn store_end_to_end(
        &self,
        who: &Requester,
        state: &str,
        mut checked: CheckedTemplate,
        sealed: Sealed<'_>,
        to: &Addressing,
        recipients: Vec<PocAccount>,
        thread: Option<(i64, i64)>,
    ) -> Result<i64, CommError> {
        let now = self.clock.now();
        let mut readers: Vec<PocAccount> = recipients
            .iter()
            .filter(|r| r.account_id != who.account_id())
            .cloned()
            .collect();
        let me = self.store.poc_accounts(&[who.account_id()]).await?;
        readers.extend(me);
        let keys = self.e2e_keys(&readers, now).await?;
        let keys: Vec<(String, OpenPgpKey)> = keys.into_iter().map(|r| (r.name, r.key)).collect();
        e2e::check_ciphertext(sealed.text, &keys, now).map_err(CommError::E2e)?;
        let files = e2e::check_sealed_files(sealed.files, &keys, now).map_err(CommError::E2e)?;
        checked.content = Content {
            subject: String::new(),
            started: None,
            detected: None,
            sectors: Vec::new(),
            impact: String::new(),
            requested_action: String::new(),
            respond_by: None,
            text: sealed.text.trim().to_string(),
            text_language: checked.content.text_language,
        };
        self.store_new(
            who, state, checked, files, to, recipients, thread, None, true,
        )
        .await
    }

    /// A record the reader may at least know exists, with what it may see;
    /// `NotFound` otherwise (never a hint that it exists).
    async fn visible(
        &self,
        who: &Requester,
        id: i64,
    ) -> Result<(CommunicationRecord, Sight, Person), CommError> {
        let record = self
            .store
            .communication(id)
            .await?
            .ok_or(CommError::NotFound)?;
        let state = who.actor.participant.as_ref().map(|p| p.as_str());
        let reader = person(who, self.takes_part(state).await?);
        let sight = tlp::sight(&audience(&record), &reader);
        if sight == Sight::Nothing {
            return Err(CommError::NotFound);
        }
        Ok((record, sight, reader))
    }

    async fn refuse(
        &self,
        who: &Requester,
        id: i64,
        way: &str,
        label: TlpLabel,
        refusal: TlpRefusal,
    ) -> CommError {
        match events::communication_refused(
            self.clock.now(),
            &who.log,
            id,
            way,
            label.code(),
            refusal.as_str(),
        ) {
            Ok(entry) => {
                if let Err(e) = self.store.append_log(&[entry]).await {
                    tracing::error!(error = %e, "cannot record a TLP refusal");
                }
            }
            Err(e) => tracing::error!(error = %e, "cannot record a TLP refusal"),
        }
        CommError::Tlp(refusal)
    }

    /// Opens a communication for `who` by `way` (page or API): the content
    /// only when the label allows; the first opening by a recipient is
    /// recorded and logged.
    pub async fn open(&self, who: &Requester, id: i64, way: WayOut) -> Result<Opened, CommError> {
        let (record, sight, reader) = self.visible(who, id).await?;
        self.opened(who, record, sight, &reader, way).await
    }

    async fn opened(
        &self,
        who: &Requester,
        record: CommunicationRecord,
        sight: Sight,
        reader: &Person,
        way: WayOut,
    ) -> Result<Opened, CommError> {
        let id = record.meta.id;
        let content = if sight == Sight::Content
            && tlp::may_read_by(&audience(&record), reader, way).is_ok()
        {
            Some(self.store.communication_content(id).await?)
        } else {
            None
        };
        let mut mine = record.recipient(who.account_id()).map(|r| r.receipts);
        if let (Some(receipts), Some(_)) = (mine, &content) {
            if receipts.read_at.is_none() {
                let now = self.clock.now();
                let log = events::communication_read(now, &who.log, id);
                self.store
                    .record_read(id, who.account_id(), now, log)
                    .await?;
                mine = Some(receipts.read(now));
            }
        }
        let sees_all = record.meta.sender_account == who.account_id()
            || who.actor.kind == AccountKind::Secretariat
            || who
                .actor
                .participant
                .as_ref()
                .is_some_and(|p| p.as_str() == record.meta.sender_state);
        let own_state = who.actor.participant.as_ref().map(|p| p.as_str());
        let visible_recipients = record
            .recipients
            .iter()
            .filter(|r| sees_all || Some(r.state.as_str()) == own_state)
            .cloned()
            .collect();
        Ok(Opened {
            record,
            sight,
            content,
            mine,
            visible_recipients,
        })
    }

    /// The whole thread of communication `id`, each as the reader may see
    /// it (those it may not know of are left out).
    pub async fn thread(
        &self,
        who: &Requester,
        id: i64,
        way: WayOut,
    ) -> Result<Vec<Opened>, CommError> {
        let (record, _, reader) = self.visible(who, id).await?;
        let mut out = Vec::new();
        for record in self.store.thread(record.meta.thread_id).await? {
            let sight = tlp::sight(&audience(&record), &reader);
            if sight == Sight::Nothing {
                continue;
            }
            out.push(self.opened(who, record, sight, &reader, way).await?);
        }
        Ok(out)
    }

    /// An attachment, only for a reader of the content.
    pub async fn attachment(
        &self,
        who: &Requester,
        id: i64,
        attachment_id: i64,
        way: WayOut,
    ) -> Result<(AttachmentMeta, Vec<u8>), CommError> {
        let (record, _, reader) = self.visible(who, id).await?;
        if let Err(refusal) = tlp::may_read_by(&audience(&record), &reader, way) {
            return Err(self
                .refuse(who, id, "attachment", record.meta.tlp, refusal)
                .await);
        }
        Ok(self.store.attachment(id, attachment_id).await?)
    }

    /// The content for an export (JSON, print): never RED.
    pub async fn export(&self, who: &Requester, id: i64) -> Result<Opened, CommError> {
        let (record, sight, reader) = self.visible(who, id).await?;
        if let Err(refusal) = tlp::may_read_by(&audience(&record), &reader, WayOut::Export) {
            return Err(self
                .refuse(who, id, "export", record.meta.tlp, refusal)
                .await);
        }
        self.opened(who, record, sight, &reader, WayOut::Export)
            .await
    }

    /// Acknowledges a communication `who` received.
    pub async fn acknowledge(&self, who: &Requester, id: i64) -> Result<Receipts, CommError> {
        let (record, _, _) = self.visible(who, id).await?;
        if record.recipient(who.account_id()).is_none() {
            return Err(CommError::NotARecipient);
        }
        let now = self.clock.now();
        let log = events::communication_acknowledged(now, &who.log, id);
        match self.store.acknowledge(id, who.account_id(), now, log).await {
            Ok(r) => Ok(r),
            Err(StoreError::NotAllowed(_)) => Err(CommError::AlreadyAcknowledged),
            Err(StoreError::NotFound) => Err(CommError::NotARecipient),
            Err(e) => Err(e.into()),
        }
    }

    /// A reply in the thread of `parent_id`, to everyone of the parent but
    /// the replier (its sender and its recipients).
    pub async fn reply(
        &self,
        who: &Requester,
        parent_id: i64,
        template: TemplateDraft,
        attachments: Vec<AttachmentDraft>,
    ) -> Result<i64, CommError> {
        let (parent, _, reader) = self.visible(who, parent_id).await?;
        if let Err(refusal) = tlp::may_read_by(&audience(&parent), &reader, WayOut::Reply) {
            return Err(self
                .refuse(who, parent_id, "reply", parent.meta.tlp, refusal)
                .await);
        }
        let (_, state) = self.sender(who).await?;
        let (checked, files) = Self::check_compose(&template, attachments)?;
        let to = self.reply_addressing(who, &parent).await?;
        to.check(checked.tlp)?;
        let recipients = self.resolve(&to).await?;
        self.store_new(
            who,
            &state,
            checked,
            files,
            &to,
            recipients,
            Some((parent.meta.thread_id, parent_id)),
            None,
            false,
        )
        .await
    }

    /// Everyone of `parent` but `who` (its sender and its recipients) who
    /// can still receive: an account disabled since does not stop the
    /// others from getting the reply.
    async fn reply_addressing(
        &self,
        who: &Requester,
        parent: &CommunicationRecord,
    ) -> Result<Addressing, CommError> {
        let mut ids: Vec<i64> = parent.recipients.iter().map(|r| r.account_id).collect();
        ids.push(parent.meta.sender_account);
        ids.retain(|id| *id != who.account_id());
        ids.sort_unstable();
        ids.dedup();
        let still: Vec<i64> = self
            .store
            .poc_accounts(&ids)
            .await?
            .into_iter()
            .map(|a| a.account_id)
            .collect();
        Ok(Addressing::Named { accounts: still })
    }

    /// Forwards communication `id` (its content and files) under
    /// `new_label` to `to`: refused, with a clear reason and a log entry,
    /// when it would loosen the label or leave the audience it allows.
    pub async fn forward(
        &self,
        who: &Requester,
        id: i64,
        new_label: TlpLabel,
        to: Addressing,
    ) -> Result<i64, CommError> {
        let (original, _, forwarder) = self.visible(who, id).await?;
        let (_, state) = self.sender(who).await?;
        // Its ciphertext opens only with the keys it was made for: sent
        // to anyone else it would be unreadable; they write it anew.
        if original.meta.e2e {
            return Err(CommError::E2e(E2eProblem::Forward));
        }
        let targets = match self.resolve(&to).await {
            Ok(t) => t,
            Err(CommError::Tlp(refusal)) => {
                return Err(self
                    .refuse(who, id, "forward", original.meta.tlp, refusal)
                    .await)
            }
            Err(e) => return Err(e),
        };
        let people: Vec<Person> = targets
            .iter()
            .map(|t| Person {
                account_id: t.account_id,
                kind: t.kind,
                state: Some(t.state.clone()),
                state_takes_part: true,
            })
            .collect();
        if let Err(refusal) = tlp::check_forward(
            &audience(&original),
            &forwarder,
            new_label,
            &people,
            to.to_whole_states(),
        ) {
            return Err(self
                .refuse(who, id, "forward", original.meta.tlp, refusal)
                .await);
        }
        let content = self.store.communication_content(id).await?;
        let mut files = Vec::with_capacity(original.attachments.len());
        for a in &original.attachments {
            let (meta, bytes) = self.store.attachment(id, a.id).await?;
            files.push(Attachment {
                name: meta.name,
                file_type: meta.file_type,
                bytes,
            });
        }
        let checked = CheckedTemplate {
            kind: original.meta.kind,
            urgency: original.meta.urgency,
            tlp: new_label,
            content,
        };
        self.store_new(
            who,
            &state,
            checked,
            files,
            &to,
            targets,
            None,
            Some(id),
            false,
        )
        .await
    }

    /// A page of a folder, newest first, each line as the reader may see
    /// it; lines it may not know of are never listed (nor counted).
    pub async fn list(
        &self,
        who: &Requester,
        folder: Folder,
        filter: &InboxFilter,
        limit: u32,
    ) -> Result<Vec<Listed>, CommError> {
        let state = who
            .actor
            .participant
            .as_ref()
            .map(|p| p.as_str().to_string());
        let mailbox = match (folder, who.actor.kind, state) {
            (Folder::All, AccountKind::Secretariat, _) => Mailbox::All,
            (Folder::Inbox, _, _) => Mailbox::Received {
                account_id: who.account_id(),
            },
            (Folder::Sent, _, _) => Mailbox::Sent {
                account_id: who.account_id(),
            },
            (Folder::State, kind, Some(state)) if kind.is_poc() => Mailbox::State { state },
            _ => return Ok(Vec::new()),
        };
        let items = self.store.inbox(&mailbox, filter, limit).await?;
        let reader = person(who, true);
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let sight = match &mailbox {
                // Received or sent: named in it.
                Mailbox::Received { .. } | Mailbox::Sent { .. } => Sight::Content,
                Mailbox::All => Sight::Metadata,
                Mailbox::State { .. } => match item.meta.tlp {
                    TlpLabel::Red
                        if item.receipts.is_none()
                            && item.meta.sender_account != reader.account_id =>
                    {
                        Sight::Metadata
                    }
                    _ => Sight::Content,
                },
            };
            out.push(Listed { item, sight });
        }
        Ok(out)
    }

    /// The subjects of the lines of a list (`list`) whose content the
    /// reader may see on a page or through the API, in one query; the
    /// others are left out.
    pub async fn subjects(&self, listed: &[Listed]) -> Result<BTreeMap<i64, String>, CommError> {
        let ids: Vec<i64> = listed
            .iter()
            .filter(|l| l.sight == Sight::Content)
            .map(|l| l.item.meta.id)
            .collect();
        Ok(self.store.communication_subjects(&ids).await?)
    }

    /// How many communications the reader received and has not opened.
    pub async fn unread(&self, who: &Requester) -> Result<i64, CommError> {
        Ok(self.store.unread_count(who.account_id()).await?)
    }

    /// Alerts the diplomatic PoCs of each State whose technical PoCs have
    /// not acknowledged by the deadline (in the portal, where the
    /// escalation shows on the communication, and by mail). Returns how
    /// many States were escalated. Safe to run on several instances.
    pub async fn escalate_due(&self, limit: u32) -> Result<usize, CommError> {
        let now = self.clock.now();
        let mut escalated = 0;
        let candidates = self.store.escalation_candidates(now, limit).await?;
        let mut by_key: BTreeMap<(i64, String), _> = BTreeMap::new();
        for c in candidates {
            by_key.insert((c.communication_id, c.state.clone()), c);
        }
        for ((id, state), c) in by_key {
            let recipients: Vec<StateRecipient> = c
                .recipients
                .iter()
                .map(|(kind, acknowledged)| StateRecipient {
                    kind: *kind,
                    acknowledged: *acknowledged,
                })
                .collect();
            if !escalation_due(c.ack_deadline, now, &recipients, false) {
                continue;
            }
            let diplomats = self
                .store
                .poc_accounts_of(&state, RoleChoice::Diplomatic)
                .await?;
            let alerted: Vec<i64> = diplomats.iter().map(|d| d.account_id).collect();
            let sender_names = self
                .store
                .participant(&c.sender_state)
                .await?
                .map(|p| p.names);
            let mails: Vec<NewMail> = diplomats
                .iter()
                .map(|d| {
                    mail::escalation(
                        &self.settings.base_url,
                        &mail::Facts {
                            kind: c.kind,
                            urgency: c.urgency,
                            tlp: c.tlp,
                            sender_state_names: sender_names.as_ref(),
                            sender_state: &c.sender_state,
                            deadline: c.ack_deadline,
                        },
                        id,
                        d,
                        now,
                    )
                })
                .collect();
            let log = events::communication_escalated(now, id, &state, &alerted)?;
            // In their inbox too, except for RED: only the sender's named
            // recipients ever read it; the alert names it, no more.
            let added: Vec<NewRecipient> = if c.tlp == TlpLabel::Red {
                Vec::new()
            } else {
                diplomats
                    .iter()
                    .map(|d| NewRecipient {
                        account_id: d.account_id,
                        state: d.state.clone(),
                        kind: d.kind,
                    })
                    .collect()
            };
            if self
                .store
                .escalate(id, &state, now, added, mails, log)
                .await?
            {
                escalated += 1;
                tracing::warn!(
                    communication = id,
                    state = state.as_str(),
                    "no technical PoC acknowledged in time: diplomatic PoCs alerted"
                );
            }
        }
        Ok(escalated)
    }
}

/// The actor the escalation job writes in the log.
pub fn system_actor() -> LogActor {
    LogActor::system()
}
