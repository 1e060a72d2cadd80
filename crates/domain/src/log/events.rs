//! One builder per event the log records: each says which object an entry
//! names, whose State it concerns and what its content hash covers, so the
//! same event is written the same way from the web, the API, the jobs, the
//! demo and the benchmark.
//!
//! An empty object is filled in by the store once the new row has its id
//! (`account:<id>`, `token:<id>`, `poc:<id>`, `mail:<id>`).

use super::action::LogAction;
use super::entry::{ContentError, LogActor, LogDraft};
use crate::account::AccountKind;
use crate::directory::participant::ParticipationStatus;
use serde::Serialize;
use time::OffsetDateTime;

type Built = Result<LogDraft, ContentError>;

/// Something an account did to itself: its own State is the one concerned.
fn own(at: OffsetDateTime, actor: &LogActor, action: LogAction, object: String) -> LogDraft {
    LogDraft::new(at, actor.clone(), action, object).about_participant(actor.participant.clone())
}

fn account_object(actor: &LogActor) -> String {
    actor
        .account_id
        .map(|id| format!("account:{id}"))
        .unwrap_or_default()
}

// --- accounts ---

/// A new account (by the console or the secretariat); the content covers
/// its e-mail, kind and State.
pub fn account_created(
    at: OffsetDateTime,
    actor: LogActor,
    email: &str,
    kind: AccountKind,
    participant: Option<&str>,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        email: &'a str,
        kind: &'a str,
        participant: Option<&'a str>,
    }
    LogDraft::new(at, actor, LogAction::AccountCreate, String::new())
        .about_participant(participant.map(str::to_string))
        .try_with_content(&Content {
            email,
            kind: kind.as_str(),
            participant,
        })
}

pub fn password_changed(at: OffsetDateTime, actor: &LogActor) -> LogDraft {
    own(
        at,
        actor,
        LogAction::AccountPasswordChange,
        account_object(actor),
    )
}

pub fn mfa_enrolled(at: OffsetDateTime, actor: &LogActor) -> LogDraft {
    own(at, actor, LogAction::AccountMfaEnrol, account_object(actor))
}

pub fn recovery_code_used(at: OffsetDateTime, actor: &LogActor) -> LogDraft {
    own(
        at,
        actor,
        LogAction::AccountRecoveryCodeUse,
        account_object(actor),
    )
}

pub fn recovery_codes_replaced(at: OffsetDateTime, actor: &LogActor) -> LogDraft {
    own(
        at,
        actor,
        LogAction::AccountRecoveryCodesReplace,
        account_object(actor),
    )
}

/// The language mail to the account is written in.
pub fn language_chosen(at: OffsetDateTime, actor: &LogActor, language: &str) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        language: &'a str,
    }
    own(at, actor, LogAction::AccountLanguage, account_object(actor))
        .try_with_content(&Content { language })
}

// --- accounts managed in the portal ---

/// An invitation to an account of `kind` (of `participant`) sent to
/// `email`; the object (`invitation:<id>`) is named by the store.
pub fn account_invited(
    at: OffsetDateTime,
    actor: LogActor,
    email: &str,
    kind: AccountKind,
    participant: Option<&str>,
    poc_id: Option<i64>,
    expires_at: OffsetDateTime,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        email: &'a str,
        kind: &'a str,
        participant: Option<&'a str>,
        poc: Option<i64>,
        expires_at: i64,
    }
    LogDraft::new(at, actor, LogAction::AccountInvite, String::new())
        .about_participant(participant.map(str::to_string))
        .try_with_content(&Content {
            email,
            kind: kind.as_str(),
            participant,
            poc: poc_id,
            expires_at: expires_at.unix_timestamp(),
        })
}

pub fn invitation_revoked(
    at: OffsetDateTime,
    actor: LogActor,
    invitation_id: i64,
    participant: Option<&str>,
) -> LogDraft {
    LogDraft::new(
        at,
        actor,
        LogAction::AccountInviteRevoke,
        format!("invitation:{invitation_id}"),
    )
    .about_participant(participant.map(str::to_string))
}

/// The invitee followed the link and chose a password: the account exists
/// from now on (the object, `account:<id>`, is named by the store; the
/// actor is the new account, also filled in by the store).
pub fn invitation_accepted(
    at: OffsetDateTime,
    invitation_id: i64,
    email: &str,
    kind: AccountKind,
    participant: Option<&str>,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        invitation: i64,
        email: &'a str,
        kind: &'a str,
        participant: Option<&'a str>,
    }
    let actor = LogActor {
        account_id: None,
        kind: kind.as_str().to_string(),
        participant: participant.map(str::to_string),
    };
    LogDraft::new(at, actor, LogAction::AccountInviteAccept, String::new())
        .about_participant(participant.map(str::to_string))
        .try_with_content(&Content {
            invitation: invitation_id,
            email,
            kind: kind.as_str(),
            participant,
        })
}

/// The secretariat disabled, re-enabled or reset the second factor of an
/// account; the content covers the reason.
pub fn account_changed(
    at: OffsetDateTime,
    actor: LogActor,
    change: crate::account_admin::AccountChange,
    account_id: i64,
    participant: Option<&str>,
    reason: &str,
) -> Built {
    use crate::account_admin::AccountChange;
    #[derive(Serialize)]
    struct Content<'a> {
        reason: &'a str,
    }
    let action = match change {
        AccountChange::Disable => LogAction::AccountDisable,
        AccountChange::Enable => LogAction::AccountEnable,
        AccountChange::ResetSecondFactor => LogAction::AccountMfaReset,
    };
    LogDraft::new(at, actor, action, format!("account:{account_id}"))
        .about_participant(participant.map(str::to_string))
        .try_with_content(&Content { reason })
}

/// Someone asked for a password reset link for an existing account, from
/// `address` (nobody is signed in: the actor is `anonymous`).
pub fn password_reset_requested(
    at: OffsetDateTime,
    account_id: i64,
    participant: Option<&str>,
    address: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        address: &'a str,
    }
    LogDraft::new(
        at,
        LogActor::anonymous(),
        LogAction::AccountPasswordResetRequest,
        format!("account:{account_id}"),
    )
    .about_participant(participant.map(str::to_string))
    .try_with_content(&Content { address })
}

/// The account set a new password through a reset link and its second factor.
pub fn password_reset(at: OffsetDateTime, actor: &LogActor, second_factor: &str) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        second_factor: &'a str,
    }
    own(
        at,
        actor,
        LogAction::AccountPasswordReset,
        account_object(actor),
    )
    .try_with_content(&Content { second_factor })
}

/// PoC entry `poc_id` of `participant` now signs in as account `account_id`.
pub fn poc_account_linked(
    at: OffsetDateTime,
    actor: LogActor,
    participant: &str,
    poc_id: i64,
    account_id: i64,
) -> Built {
    #[derive(Serialize)]
    struct Content {
        account: i64,
    }
    LogDraft::new(
        at,
        actor,
        LogAction::AccountPocLink,
        format!("poc:{poc_id}"),
    )
    .about_participant(Some(participant.to_string()))
    .try_with_content(&Content {
        account: account_id,
    })
}

/// A security key registered by its owner; the store names it
/// (`security_key:<id>`). The content covers its name and credential id.
pub fn security_key_added(
    at: OffsetDateTime,
    actor: &LogActor,
    name: &str,
    credential_id: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        name: &'a str,
        credential_id: &'a str,
    }
    own(at, actor, LogAction::SecurityKeyAdd, String::new()).try_with_content(&Content {
        name,
        credential_id,
    })
}

pub fn security_key_removed(
    at: OffsetDateTime,
    actor: &LogActor,
    key_id: i64,
    name: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        name: &'a str,
    }
    own(
        at,
        actor,
        LogAction::SecurityKeyRemove,
        format!("security_key:{key_id}"),
    )
    .try_with_content(&Content { name })
}

// --- sessions and tokens ---

/// A completed sign-in: which second factor, from which address.
pub fn signed_in(
    at: OffsetDateTime,
    actor: &LogActor,
    second_factor: &str,
    address: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        second_factor: &'a str,
        address: &'a str,
    }
    own(at, actor, LogAction::SessionSignIn, account_object(actor)).try_with_content(&Content {
        second_factor,
        address,
    })
}

pub fn signed_out(at: OffsetDateTime, actor: &LogActor, session_id: i64) -> LogDraft {
    own(
        at,
        actor,
        LogAction::SessionSignOut,
        format!("session:{session_id}"),
    )
}

pub fn session_revoked(at: OffsetDateTime, actor: &LogActor, session_id: i64) -> LogDraft {
    own(
        at,
        actor,
        LogAction::SessionRevoke,
        format!("session:{session_id}"),
    )
}

/// An API token an account made for itself in the portal.
pub fn token_created(
    at: OffsetDateTime,
    actor: &LogActor,
    name: &str,
    scopes: &str,
    expires_at: OffsetDateTime,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        name: &'a str,
        scopes: &'a str,
        expires_at: i64,
    }
    own(at, actor, LogAction::TokenCreate, String::new()).try_with_content(&Content {
        name,
        scopes,
        expires_at: expires_at.unix_timestamp(),
    })
}

/// An API token made at the console for `account_id` (of `participant`).
pub fn token_issued_at_console(
    at: OffsetDateTime,
    account_id: i64,
    participant: Option<&str>,
    name: &str,
    scopes: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        name: &'a str,
        scopes: &'a str,
        account: i64,
    }
    LogDraft::new(
        at,
        LogActor::console(),
        LogAction::TokenCreate,
        String::new(),
    )
    .about_participant(participant.map(str::to_string))
    .try_with_content(&Content {
        name,
        scopes,
        account: account_id,
    })
}

pub fn token_revoked(at: OffsetDateTime, actor: &LogActor, token_id: i64) -> LogDraft {
    own(
        at,
        actor,
        LogAction::TokenRevoke,
        format!("token:{token_id}"),
    )
}

/// The policy refused `actor` access to `what`, which belongs to `participant`.
pub fn access_refused(
    at: OffsetDateTime,
    actor: LogActor,
    what: &str,
    participant: &str,
) -> LogDraft {
    LogDraft::new(at, actor, LogAction::AccessRefused, what.to_string())
        .about_participant(Some(participant.to_string()))
}

// --- participants ---

/// The reference list of States was loaded: which data set, how many.
pub fn participants_seeded(at: OffsetDateTime, dataset_sha256: &str, count: usize) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        dataset_sha256: &'a str,
        count: usize,
    }
    LogDraft::new(
        at,
        LogActor::console(),
        LogAction::ParticipantsSeed,
        "participants".to_string(),
    )
    .try_with_content(&Content {
        dataset_sha256,
        count,
    })
}

/// An intergovernmental organisation added by the secretariat.
pub fn organisation_created<N: Serialize>(
    at: OffsetDateTime,
    actor: LogActor,
    code: &str,
    names: &N,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a, N> {
        code: &'a str,
        names: &'a N,
    }
    LogDraft::new(
        at,
        actor,
        LogAction::ParticipantCreate,
        format!("participant:{code}"),
    )
    .about_participant(Some(code.to_string()))
    .try_with_content(&Content { code, names })
}

/// A participant's status moved because of a decision on PoC `poc_id`.
pub fn participant_status_changed(
    at: OffsetDateTime,
    actor: LogActor,
    participant: &str,
    from: ParticipationStatus,
    to: ParticipationStatus,
    poc_id: i64,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        participant: &'a str,
        from: ParticipationStatus,
        to: ParticipationStatus,
        poc: i64,
    }
    LogDraft::new(
        at,
        actor,
        LogAction::ParticipantStatus,
        format!("participant:{participant}"),
    )
    .about_participant(Some(participant.to_string()))
    .try_with_content(&Content {
        participant,
        from,
        to,
        poc: poc_id,
    })
}

// --- points of contact ---

/// Another State's verified contact details were shown, through `path`
/// (`page`, `api`, `export`).
pub fn poc_read(
    at: OffsetDateTime,
    actor: LogActor,
    participant: &str,
    poc_id: i64,
    version: i64,
    path: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        path: &'a str,
        version: i64,
    }
    LogDraft::new(at, actor, LogAction::PocRead, format!("poc:{poc_id}"))
        .about_participant(Some(participant.to_string()))
        .try_with_content(&Content { path, version })
}

/// A nomination; the content covers the proposed details.
pub fn poc_proposed<D: Serialize>(
    at: OffsetDateTime,
    actor: LogActor,
    participant: &str,
    details: &D,
) -> Built {
    LogDraft::new(at, actor, LogAction::PocPropose, String::new())
        .about_participant(Some(participant.to_string()))
        .try_with_content(details)
}

/// New details proposed for PoC `poc_id`.
pub fn poc_update_proposed<D: Serialize>(
    at: OffsetDateTime,
    actor: LogActor,
    participant: &str,
    poc_id: i64,
    details: &D,
) -> Built {
    LogDraft::new(
        at,
        actor,
        LogAction::PocProposeUpdate,
        format!("poc:{poc_id}"),
    )
    .about_participant(Some(participant.to_string()))
    .try_with_content(details)
}

/// The nominator asks for PoC `poc_id`'s end; the content covers its reason.
pub fn poc_withdrawal_proposed(
    at: OffsetDateTime,
    actor: LogActor,
    participant: &str,
    poc_id: i64,
    reason: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        reason: &'a str,
    }
    LogDraft::new(
        at,
        actor,
        LogAction::PocProposeWithdrawal,
        format!("poc:{poc_id}"),
    )
    .about_participant(Some(participant.to_string()))
    .try_with_content(&Content { reason })
}

/// The secretariat's decision on version `version` of PoC `poc_id`.
pub fn poc_decided(
    at: OffsetDateTime,
    actor: LogActor,
    participant: &str,
    poc_id: i64,
    version: i64,
    approve: bool,
    reason: Option<&str>,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        version: i64,
        reason: Option<&'a str>,
    }
    let action = if approve {
        LogAction::PocApprove
    } else {
        LogAction::PocReject
    };
    LogDraft::new(at, actor, action, format!("poc:{poc_id}"))
        .about_participant(Some(participant.to_string()))
        .try_with_content(&Content { version, reason })
}

/// Re-validation: the nominator confirms the details still hold.
pub fn poc_confirmed(
    at: OffsetDateTime,
    actor: LogActor,
    participant: &str,
    poc_id: i64,
) -> LogDraft {
    LogDraft::new(at, actor, LogAction::PocConfirm, format!("poc:{poc_id}"))
        .about_participant(Some(participant.to_string()))
}

// --- the outbox ---

/// A mail queued (the object is named by the store); the content covers
/// what makes it unique, its recipient and its subject.
pub fn mail_queued(
    at: OffsetDateTime,
    actor: LogActor,
    participant: Option<&str>,
    dedupe_key: &str,
    recipient: &str,
    subject: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        dedupe_key: &'a str,
        recipient: &'a str,
        subject: &'a str,
    }
    LogDraft::new(at, actor, LogAction::MailQueue, String::new())
        .about_participant(participant.map(str::to_string))
        .try_with_content(&Content {
            dedupe_key,
            recipient,
            subject,
        })
}

/// A queued mail was sent (`sent`) or given up (not `sent`).
pub fn mail_delivered(
    at: OffsetDateTime,
    actor: LogActor,
    sent: bool,
    mail_id: i64,
    participant: Option<&str>,
    dedupe_key: &str,
    recipient: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        dedupe_key: &'a str,
        recipient: &'a str,
    }
    let action = if sent {
        LogAction::MailSent
    } else {
        LogAction::MailFailed
    };
    LogDraft::new(at, actor, action, format!("mail:{mail_id}"))
        .about_participant(participant.map(str::to_string))
        .try_with_content(&Content {
            dedupe_key,
            recipient,
        })
}

// --- communications ---

/// What the log keeps of a communication: its metadata, who received it,
/// and hashes of its content and attachments, never the content itself.
#[derive(Debug, Clone, Serialize)]
pub struct CommunicationFacts<'a> {
    pub kind: &'a str,
    pub urgency: &'a str,
    pub tlp: &'a str,
    pub thread: Option<i64>,
    pub parent: Option<i64>,
    pub forwarded_from: Option<i64>,
    pub recipients: &'a [i64],
    /// Hex SHA-256 of the sealed content's plaintext.
    pub content_sha256: &'a str,
    pub attachments_sha256: &'a [String],
    /// Encrypted end to end in the sender's browser: the hash covers the
    /// ciphertext. Left out when false, so earlier entries read the same.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub e2e: bool,
}

/// A communication sent (a new thread, a reply or a forward); the store
/// names it (`communication:<id>`). Its sender's State is the one concerned.
pub fn communication_sent(
    at: OffsetDateTime,
    actor: &LogActor,
    facts: &CommunicationFacts<'_>,
) -> Built {
    let action = if facts.forwarded_from.is_some() {
        LogAction::CommunicationForward
    } else {
        LogAction::CommunicationSend
    };
    own(at, actor, action, String::new()).try_with_content(facts)
}

/// A recipient opened a communication for the first time.
pub fn communication_read(at: OffsetDateTime, actor: &LogActor, id: i64) -> LogDraft {
    own(
        at,
        actor,
        LogAction::CommunicationRead,
        format!("communication:{id}"),
    )
}

pub fn communication_acknowledged(at: OffsetDateTime, actor: &LogActor, id: i64) -> LogDraft {
    own(
        at,
        actor,
        LogAction::CommunicationAcknowledge,
        format!("communication:{id}"),
    )
}

/// A way out the label forbids was tried; the content covers which way,
/// the label and why.
pub fn communication_refused(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    way: &str,
    tlp: &str,
    reason: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        way: &'a str,
        tlp: &'a str,
        reason: &'a str,
    }
    own(
        at,
        actor,
        LogAction::CommunicationRefuse,
        format!("communication:{id}"),
    )
    .try_with_content(&Content { way, tlp, reason })
}

/// A State's diplomatic PoCs alerted (by the escalation job, the system).
pub fn communication_escalated(at: OffsetDateTime, id: i64, state: &str, alerted: &[i64]) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        state: &'a str,
        alerted: &'a [i64],
    }
    LogDraft::new(
        at,
        LogActor::system(),
        LogAction::CommunicationEscalate,
        format!("communication:{id}"),
    )
    .about_participant(Some(state.to_string()))
    .try_with_content(&Content { state, alerted })
}

/// A new sealing key was made current (`pocdir keys rotate`): which key
/// it is, which it follows, and every key the key file now holds (ids only,
/// never a key).
pub fn keys_rotated(
    at: OffsetDateTime,
    actor: LogActor,
    new_key_id: &str,
    previous_key_id: &str,
    key_ids: &[&str],
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        new_key_id: &'a str,
        previous_key_id: &'a str,
        key_ids: &'a [&'a str],
    }
    LogDraft::new(
        at,
        actor,
        LogAction::KeysRotate,
        format!("sealing_key:{new_key_id}"),
    )
    .try_with_content(&Content {
        new_key_id,
        previous_key_id,
        key_ids,
    })
}

// --- the common lexicon ---

fn lexicon_object(concept_id: &str) -> String {
    format!("lexicon_concept:{concept_id}")
}

/// A concept's new version: its number, the curator's summary, the
/// proposal it came from and the hash of the stored concept (so that the
/// version read later can be checked against the log).
pub fn lexicon_changed(
    at: OffsetDateTime,
    actor: &LogActor,
    concept_id: &str,
    version: u32,
    summary: &str,
    proposal_id: Option<i64>,
    content_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        version: u32,
        summary: &'a str,
        proposal: Option<i64>,
        content_sha256: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::LexiconChange,
        lexicon_object(concept_id),
    )
    .try_with_content(&Content {
        version,
        summary,
        proposal: proposal_id,
        content_sha256,
    })
}

/// An import: the format, how many concepts it added or changed, and the
/// hash of the file as received.
pub fn lexicon_imported(
    at: OffsetDateTime,
    actor: &LogActor,
    format: &str,
    concepts: usize,
    file_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        format: &'a str,
        concepts: usize,
        file_sha256: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::LexiconImport,
        "lexicon:import".to_owned(),
    )
    .try_with_content(&Content {
        format,
        concepts,
        file_sha256,
    })
}

/// A proposal filed: the concept, the version it was written against and
/// the hash of the proposed concept (the proposal's number is the store's,
/// given as the entry is written; the hash ties the two).
pub fn lexicon_proposed(
    at: OffsetDateTime,
    actor: &LogActor,
    concept_id: &str,
    base_version: Option<u32>,
    content_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        base_version: Option<u32>,
        content_sha256: &'a str,
    }
    own(
        at,
        actor,
        LogAction::LexiconPropose,
        lexicon_object(concept_id),
    )
    .try_with_content(&Content {
        base_version,
        content_sha256,
    })
}

/// A curator's decision on a proposal, about the proposing State.
pub fn lexicon_decided(
    at: OffsetDateTime,
    actor: &LogActor,
    proposal_id: i64,
    concept_id: &str,
    accepted_version: Option<u32>,
    proposer: Option<String>,
) -> Built {
    #[derive(Serialize)]
    struct Content {
        proposal: i64,
        decision: &'static str,
        version: Option<u32>,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::LexiconDecide,
        lexicon_object(concept_id),
    )
    .about_participant(proposer)
    .try_with_content(&Content {
        proposal: proposal_id,
        decision: if accepted_version.is_some() {
            "accepted"
        } else {
            "rejected"
        },
        version: accepted_version,
    })
}

/// A comment on a proposal (its text stays in the lexicon's tables; the
/// entry keeps its hash).
pub fn lexicon_commented(
    at: OffsetDateTime,
    actor: &LogActor,
    proposal_id: i64,
    concept_id: &str,
    body_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        proposal: i64,
        body_sha256: &'a str,
    }
    own(
        at,
        actor,
        LogAction::LexiconComment,
        lexicon_object(concept_id),
    )
    .try_with_content(&Content {
        proposal: proposal_id,
        body_sha256,
    })
}

// --- the best-practice library ---

fn library_object(document_id: i64) -> String {
    format!("library_document:{document_id}")
}

/// A document published: what it is, its label, languages, areas and the
/// hash of the file, about the publishing State (None: the secretariat).
#[allow(clippy::too_many_arguments)]
pub fn library_published(
    at: OffsetDateTime,
    actor: &LogActor,
    document_id: i64,
    publisher: Option<&str>,
    title: &str,
    tlp: &str,
    languages: &[String],
    areas: &[&str],
    file_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        title: &'a str,
        tlp: &'a str,
        languages: &'a [String],
        areas: &'a [&'a str],
        file_sha256: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::LibraryPublish,
        library_object(document_id),
    )
    .about_participant(publisher.map(str::to_owned))
    .try_with_content(&Content {
        title,
        tlp,
        languages,
        areas,
        file_sha256,
    })
}

/// A document withdrawn, with the reason, about its publisher.
pub fn library_withdrawn(
    at: OffsetDateTime,
    actor: &LogActor,
    document_id: i64,
    publisher: Option<&str>,
    reason: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        reason: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::LibraryWithdraw,
        library_object(document_id),
    )
    .about_participant(publisher.map(str::to_owned))
    .try_with_content(&Content { reason })
}

/// Another participant's document downloaded through `path` (`page`,
/// `api`), about the publishing State, as a PoC's read is.
pub fn library_downloaded(
    at: OffsetDateTime,
    actor: &LogActor,
    document_id: i64,
    publisher: Option<&str>,
    path: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        path: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::LibraryDownload,
        library_object(document_id),
    )
    .about_participant(publisher.map(str::to_owned))
    .try_with_content(&Content { path })
}

/// A crisis pack issued to `actor`, about its own State: the serial that
/// supersedes older packs, how many entries it holds, until when it is
/// valid, and whether it is encrypted to a key or a passphrase.
pub fn crisis_pack_issued(
    at: OffsetDateTime,
    actor: &LogActor,
    participant: Option<&str>,
    serial: i64,
    entries: usize,
    valid_until: OffsetDateTime,
    to_key: bool,
) -> Built {
    #[derive(Serialize)]
    struct Content {
        entries: usize,
        valid_until: i64,
        to_key: bool,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::CrisisPackIssue,
        format!("crisis_pack:{serial}"),
    )
    .about_participant(participant.map(str::to_owned))
    .try_with_content(&Content {
        entries,
        valid_until: valid_until.unix_timestamp(),
        to_key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::entry::content_hash;
    use serde_json::json;
    use time::macros::datetime;

    const AT: OffsetDateTime = datetime!(2026-03-06 10:00 UTC);

    fn nominator() -> LogActor {
        LogActor {
            account_id: Some(7),
            kind: "nominator".into(),
            participant: Some("PAK".into()),
        }
    }

    /// Entries written before the builders existed hashed a `json!` value:
    /// each builder must give the very same hash, or old and new entries of
    /// one event would not compare.
    #[test]
    fn content_hashes_are_those_of_the_json_written_before() {
        let cases = [
            (
                account_created(
                    AT,
                    LogActor::console(),
                    "a@example.org",
                    AccountKind::Nominator,
                    None,
                )
                .unwrap(),
                json!({"email": "a@example.org", "kind": "nominator", "participant": null}),
            ),
            (
                signed_in(AT, &nominator(), "totp", "127.0.0.1").unwrap(),
                json!({"second_factor": "totp", "address": "127.0.0.1"}),
            ),
            (
                token_created(
                    AT,
                    &nominator(),
                    "ci",
                    "read",
                    datetime!(2026-04-01 00:00 UTC),
                )
                .unwrap(),
                json!({"name": "ci", "scopes": "read", "expires_at": 1_775_001_600}),
            ),
            (
                poc_decided(AT, nominator(), "PAK", 3, 2, false, Some("no")).unwrap(),
                json!({"version": 2, "reason": "no"}),
            ),
            (
                poc_read(AT, nominator(), "FRA", 3, 2, "api").unwrap(),
                json!({"path": "api", "version": 2}),
            ),
            (
                organisation_created(
                    AT,
                    nominator(),
                    "AU",
                    &json!({"en": "African Union", "ar": "x"}),
                )
                .unwrap(),
                json!({"code": "AU", "names": {"ar": "x", "en": "African Union"}}),
            ),
            (
                participant_status_changed(
                    AT,
                    nominator(),
                    "PAK",
                    ParticipationStatus::NotParticipating,
                    ParticipationStatus::Participating,
                    3,
                )
                .unwrap(),
                json!({"participant": "PAK", "from": ParticipationStatus::NotParticipating.as_str(),
                       "to": ParticipationStatus::Participating.as_str(), "poc": 3}),
            ),
            (
                mail_queued(AT, nominator(), Some("PAK"), "k", "r@example.org", "s").unwrap(),
                json!({"dedupe_key": "k", "recipient": "r@example.org", "subject": "s"}),
            ),
            (
                participants_seeded(AT, "abc", 195).unwrap(),
                json!({"dataset_sha256": "abc", "count": 195}),
            ),
        ];
        for (draft, before) in cases {
            assert_eq!(
                draft.content_hash,
                content_hash(&before),
                "{:?}",
                draft.action
            );
        }
    }

    #[test]
    fn own_actions_name_the_account_and_its_state() {
        let d = password_changed(AT, &nominator());
        assert_eq!(d.action, "account.password_change");
        assert_eq!(d.object, "account:7");
        assert_eq!(d.participant.as_deref(), Some("PAK"));
        let d = signed_out(AT, &nominator(), 12);
        assert_eq!(
            (d.object.as_str(), d.participant.as_deref()),
            ("session:12", Some("PAK"))
        );
        let d = token_revoked(AT, &nominator(), 4);
        assert_eq!(d.object, "token:4");
    }

    #[test]
    fn decisions_are_approvals_or_rejections() {
        let approve = poc_decided(AT, nominator(), "PAK", 3, 2, true, None).unwrap();
        assert_eq!(approve.action, "poc.approve");
        assert_eq!(approve.object, "poc:3");
        assert_eq!(approve.participant.as_deref(), Some("PAK"));
        let reject = poc_decided(AT, nominator(), "PAK", 3, 2, false, Some("r")).unwrap();
        assert_eq!(reject.action, "poc.reject");
    }

    #[test]
    fn account_changes_name_the_account_its_state_and_cover_the_reason() {
        use crate::account_admin::AccountChange;
        let d = account_changed(
            AT,
            nominator(),
            AccountChange::Disable,
            9,
            Some("FRA"),
            "left",
        )
        .unwrap();
        assert_eq!(
            (
                d.action.as_str(),
                d.object.as_str(),
                d.participant.as_deref()
            ),
            ("account.disable", "account:9", Some("FRA"))
        );
        assert_eq!(d.content_hash, content_hash(&json!({"reason": "left"})));
        let reset = account_changed(
            AT,
            nominator(),
            AccountChange::ResetSecondFactor,
            9,
            None,
            "lost",
        )
        .unwrap();
        assert_eq!(reset.action, "account.mfa_reset");
        let link = poc_account_linked(AT, nominator(), "PAK", 3, 9).unwrap();
        assert_eq!(
            (link.object.as_str(), link.participant.as_deref()),
            ("poc:3", Some("PAK"))
        );
        let req = password_reset_requested(AT, 9, Some("PAK"), "127.0.0.1").unwrap();
        assert_eq!(req.actor.kind, "anonymous");
        assert_eq!(req.object, "account:9");
    }
}

// --- ping tests ---

/// What a campaign entry covers: its plan, never a PoC's address.
#[derive(Serialize)]
pub struct PingCampaignFacts<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub scope: &'a crate::ping_test::campaign::Scope,
    pub starts_at: i64,
    pub answer_by: i64,
    pub closes_at: i64,
    pub reminders_seconds: &'a [i64],
    pub announced: bool,
    pub escalate: bool,
}

/// A campaign created by `actor` (the secretariat, or the system for the schedule).
pub fn ping_test_created(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    facts: &PingCampaignFacts<'_>,
) -> Built {
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::PingTestCreate,
        ping_object(id),
    )
    .try_with_content(facts)
}

/// A campaign started: how many challenges, and the hash of their list
/// (challenge id, PoC id) so that the set cannot be changed afterwards.
pub fn ping_test_started(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    challenges: u64,
    list_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        challenges: u64,
        list_sha256: &'a str,
    }
    LogDraft::new(at, actor.clone(), LogAction::PingTestStart, ping_object(id)).try_with_content(
        &Content {
            challenges,
            list_sha256,
        },
    )
}

pub fn ping_test_cancelled(at: OffsetDateTime, actor: &LogActor, id: i64) -> LogDraft {
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::PingTestCancel,
        ping_object(id),
    )
}

/// A campaign's aggregates published: the figures published are covered.
pub fn ping_test_published<T: Serialize>(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    figures: &T,
) -> Built {
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::PingTestPublish,
        ping_object(id),
    )
    .try_with_content(figures)
}

/// A PoC answered challenge `challenge` of campaign `campaign` by `channel`.
/// The actor is the PoC's account when signed in, else the system (the
/// token alone answered); the entry concerns the PoC's State.
pub fn ping_test_answered(
    at: OffsetDateTime,
    actor: &LogActor,
    campaign: i64,
    challenge: i64,
    poc: i64,
    state: &str,
    channel: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        campaign: i64,
        poc: i64,
        channel: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::PingTestAnswer,
        format!("ping_challenge:{challenge}"),
    )
    .about_participant(Some(state.to_string()))
    .try_with_content(&Content {
        campaign,
        poc,
        channel,
    })
}

/// The secretariat recorded what it found by another channel (the note's
/// hash only: the note may name people).
#[allow(clippy::too_many_arguments)]
pub fn ping_test_recorded(
    at: OffsetDateTime,
    actor: &LogActor,
    campaign: i64,
    challenge: i64,
    poc: i64,
    state: &str,
    finding: &str,
    note_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        campaign: i64,
        poc: i64,
        finding: &'a str,
        note_sha256: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::PingTestRecord,
        format!("ping_challenge:{challenge}"),
    )
    .about_participant(Some(state.to_string()))
    .try_with_content(&Content {
        campaign,
        poc,
        finding,
        note_sha256,
    })
}

/// A State's nominators told of the PoCs that did not answer (the system).
pub fn ping_test_escalated(at: OffsetDateTime, campaign: i64, state: &str, pocs: &[i64]) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        state: &'a str,
        pocs: &'a [i64],
    }
    LogDraft::new(
        at,
        LogActor::system(),
        LogAction::PingTestEscalate,
        ping_object(campaign),
    )
    .about_participant(Some(state.to_string()))
    .try_with_content(&Content { state, pocs })
}

fn ping_object(id: i64) -> String {
    format!("ping_test:{id}")
}

// --- reporters ---

/// An organisation applied to be a reporter (no account yet: the actor is
/// anonymous); the object, `reporter:<id>`, is named by the store. The
/// content covers what the secretariat vets.
pub fn reporter_applied(
    at: OffsetDateTime,
    organisation: &str,
    country: &str,
    website: &str,
    contact_email: &str,
    openpgp_fingerprint: Option<&str>,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        organisation: &'a str,
        country: &'a str,
        website: &'a str,
        contact_email: &'a str,
        openpgp_fingerprint: Option<&'a str>,
    }
    LogDraft::new(
        at,
        LogActor::anonymous(),
        LogAction::ReporterApply,
        String::new(),
    )
    .try_with_content(&Content {
        organisation,
        country,
        website,
        contact_email,
        openpgp_fingerprint,
    })
}

/// The secretariat's decision on reporter `reporter_id`; the content
/// covers the status it leads to and the reason.
pub fn reporter_decided(
    at: OffsetDateTime,
    actor: LogActor,
    reporter_id: i64,
    decision: crate::reporter::VettingDecision,
    reason: Option<&str>,
) -> Built {
    use crate::reporter::VettingDecision;
    #[derive(Serialize)]
    struct Content<'a> {
        status: &'a str,
        reason: Option<&'a str>,
    }
    let action = match decision {
        VettingDecision::Approve => LogAction::ReporterApprove,
        VettingDecision::Reject => LogAction::ReporterReject,
        VettingDecision::Suspend => LogAction::ReporterSuspend,
        VettingDecision::Reinstate => LogAction::ReporterReinstate,
    };
    LogDraft::new(at, actor, action, format!("reporter:{reporter_id}")).try_with_content(&Content {
        status: decision.outcome().as_str(),
        reason,
    })
}

// --- reports ---

/// What a report's entry covers: the facts every State addressed may check
/// against what it received (the content by its hash, never in clear).
#[derive(Debug, Clone, Serialize)]
pub struct ReportFacts<'a> {
    pub reporter_id: i64,
    pub category: &'a str,
    pub tlp: &'a str,
    pub states: &'a [String],
    pub content_sha256: &'a str,
    pub attachments_sha256: &'a [String],
    pub embargo_end_utc: Option<i64>,
    pub embargo_zone: Option<&'a str>,
}

/// A reporter sent a report; the store names it (`report:<id>`).
pub fn report_sent(at: OffsetDateTime, actor: &LogActor, facts: &ReportFacts<'_>) -> Built {
    own(at, actor, LogAction::ReportSend, String::new()).try_with_content(facts)
}

/// A recipient opened report `id` for the first time.
pub fn report_read(at: OffsetDateTime, actor: &LogActor, id: i64) -> LogDraft {
    own(at, actor, LogAction::ReportRead, format!("report:{id}"))
}

/// A recipient acknowledged report `id` for its State.
pub fn report_acknowledged(at: OffsetDateTime, actor: &LogActor, id: i64) -> LogDraft {
    own(
        at,
        actor,
        LogAction::ReportAcknowledge,
        format!("report:{id}"),
    )
}

/// A State's PoC set the State's status on report `id`.
pub fn report_status_set(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    from: &str,
    to: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        from: &'a str,
        to: &'a str,
    }
    own(at, actor, LogAction::ReportStatus, format!("report:{id}"))
        .try_with_content(&Content { from, to })
}

/// A message in `state`'s thread of report `id`, by its hash.
pub fn report_message(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    state: &str,
    body_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        state: &'a str,
        body_sha256: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::ReportMessage,
        format!("report:{id}"),
    )
    .about_participant(Some(state.to_string()))
    .try_with_content(&Content { state, body_sha256 })
}

/// The reporter extended the embargo of report `id`.
pub fn report_extended(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    from_utc: i64,
    to_utc: i64,
    zone: &str,
    reason: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        from_utc: i64,
        to_utc: i64,
        zone: &'a str,
        reason: &'a str,
    }
    own(at, actor, LogAction::ReportExtend, format!("report:{id}")).try_with_content(&Content {
        from_utc,
        to_utc,
        zone,
        reason,
    })
}

/// `state`'s PoCs were reminded that report `id`'s embargo ends at `end_utc`.
pub fn report_reminded(at: OffsetDateTime, id: i64, state: &str, end_utc: i64) -> Built {
    #[derive(Serialize)]
    struct Content {
        end_utc: i64,
    }
    LogDraft::new(
        at,
        LogActor::system(),
        LogAction::ReportRemind,
        format!("report:{id}"),
    )
    .about_participant(Some(state.to_string()))
    .try_with_content(&Content { end_utc })
}

/// `state`'s diplomatic PoCs were alerted: none of its technical PoCs
/// acknowledged report `id` in time.
pub fn report_escalated(at: OffsetDateTime, id: i64, state: &str, alerted: usize) -> Built {
    #[derive(Serialize)]
    struct Content {
        alerted: usize,
    }
    LogDraft::new(
        at,
        LogActor::system(),
        LogAction::ReportEscalate,
        format!("report:{id}"),
    )
    .about_participant(Some(state.to_string()))
    .try_with_content(&Content { alerted })
}

/// A suspended reporter's mails not yet sent were withdrawn.
pub fn report_mails_withheld(
    at: OffsetDateTime,
    actor: &LogActor,
    reporter_id: i64,
    mails: usize,
) -> Built {
    #[derive(Serialize)]
    struct Content {
        mails: usize,
    }
    own(
        at,
        actor,
        LogAction::ReportWithhold,
        format!("reporter:{reporter_id}"),
    )
    .try_with_content(&Content { mails })
}

/// TAXII collection `id` made, of `kind` (`shared`, `inbox`, `group`, `intake`).
pub fn taxii_collection_created(
    at: OffsetDateTime,
    actor: &LogActor,
    id: &str,
    kind: &str,
    state: Option<&str>,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        kind: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        state: Option<&'a str>,
    }
    own(
        at,
        actor,
        LogAction::TaxiiCreateCollection,
        format!("taxii_collection:{id}"),
    )
    .try_with_content(&Content { kind, state })
}

/// STIX objects added to TAXII collection `id`: how many, how many
/// refused, and the request's status id.
pub fn taxii_added(
    at: OffsetDateTime,
    actor: &LogActor,
    id: &str,
    status: &str,
    added: usize,
    refused: usize,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        status: &'a str,
        added: usize,
        refused: usize,
    }
    own(
        at,
        actor,
        LogAction::TaxiiAdd,
        format!("taxii_collection:{id}"),
    )
    .try_with_content(&Content {
        status,
        added,
        refused,
    })
}

/// Versions of STIX object `object` deleted from TAXII collection `id`.
pub fn taxii_deleted(at: OffsetDateTime, actor: &LogActor, id: &str, object: &str) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        object: &'a str,
    }
    own(
        at,
        actor,
        LogAction::TaxiiDelete,
        format!("taxii_collection:{id}"),
    )
    .try_with_content(&Content { object })
}

// --- tabletop exercises ---

fn exercise_object(id: i64) -> String {
    format!("exercise:{id}")
}

/// An exercise prepared: its title, level, States and the hash of the
/// scenario file, so that the scenario played cannot be changed unseen.
pub fn exercise_created(
    at: OffsetDateTime,
    actor: &LogActor,
    title: &str,
    level: &str,
    states: &[String],
    scenario_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        title: &'a str,
        level: &'a str,
        states: &'a [String],
        scenario_sha256: &'a str,
    }
    LogDraft::new(at, actor.clone(), LogAction::ExerciseCreate, String::new()).try_with_content(
        &Content {
            title,
            level,
            states,
            scenario_sha256,
        },
    )
}

/// The facilitator started, paused, resumed or ended exercise `id`.
pub fn exercise_stepped(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    step: crate::exercise::run::ExerciseStep,
) -> LogDraft {
    use crate::exercise::run::ExerciseStep;
    let action = match step {
        ExerciseStep::Start => LogAction::ExerciseStart,
        ExerciseStep::Pause => LogAction::ExercisePause,
        ExerciseStep::Resume => LogAction::ExerciseResume,
        ExerciseStep::End => LogAction::ExerciseEnd,
    };
    LogDraft::new(at, actor.clone(), action, exercise_object(id))
}

/// An inject played: its key, the States it reached and how many players.
pub fn exercise_inject_played(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    inject: &str,
    states: &[String],
    players: usize,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        inject: &'a str,
        states: &'a [String],
        players: usize,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::ExerciseInject,
        exercise_object(id),
    )
    .try_with_content(&Content {
        inject,
        states,
        players,
    })
}

/// A player acted on an inject (`act`: acknowledge, reply, escalate);
/// `reply_sha256` covers a reply's text.
pub fn exercise_acted(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    inject: &str,
    act: &str,
    reply_sha256: Option<&str>,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        inject: &'a str,
        act: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        reply_sha256: Option<&'a str>,
    }
    own(at, actor, LogAction::ExerciseAct, exercise_object(id)).try_with_content(&Content {
        inject,
        act,
        reply_sha256,
    })
}

/// A State's expectation on an inject passed its deadline undone.
pub fn exercise_missed(
    at: OffsetDateTime,
    id: i64,
    inject: &str,
    state: &str,
    expectation: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        inject: &'a str,
        expectation: &'a str,
    }
    LogDraft::new(
        at,
        LogActor::system(),
        LogAction::ExerciseMiss,
        exercise_object(id),
    )
    .about_participant(Some(state.to_string()))
    .try_with_content(&Content {
        inject,
        expectation,
    })
}

/// The facilitator judged a State's expectation; the comment's hash.
pub fn exercise_validated(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    expectation_id: i64,
    state: &str,
    outcome: &str,
    comment_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        expectation: i64,
        outcome: &'a str,
        comment_sha256: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::ExerciseValidate,
        exercise_object(id),
    )
    .about_participant(Some(state.to_string()))
    .try_with_content(&Content {
        expectation: expectation_id,
        outcome,
        comment_sha256,
    })
}

/// A player answered the survey of exercise `id`.
pub fn exercise_feedback(at: OffsetDateTime, actor: &LogActor, id: i64) -> LogDraft {
    own(at, actor, LogAction::ExerciseFeedback, exercise_object(id))
}

/// The facilitator added an ad-hoc inject: its key, minute and the hash of
/// its text.
pub fn exercise_inject_added(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    inject: &str,
    at_minutes: u32,
    text_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        inject: &'a str,
        at_minutes: u32,
        text_sha256: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::ExerciseAddInject,
        exercise_object(id),
    )
    .try_with_content(&Content {
        inject,
        at_minutes,
        text_sha256,
    })
}

/// A line added to an exercise's improvement plan: for which State (none:
/// all), the owner, the due date, the hash of its issue and recommendation.
pub fn exercise_improvement_added(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    state: Option<&str>,
    owner: &str,
    due_date: &str,
    text_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        owner: &'a str,
        due_date: &'a str,
        text_sha256: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::ExerciseImprove,
        exercise_object(id),
    )
    .about_participant(state.map(str::to_string))
    .try_with_content(&Content {
        owner,
        due_date,
        text_sha256,
    })
}

// --- capacity building ---

fn capacity_object(id: i64) -> String {
    format!("capacity_request:{id}")
}

/// The hash a capacity entry keeps of a sealed text (the text is the
/// writer's to show; the hash proves which one was written).
fn text_sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A State filed a request: its areas, format, deadline, visibility,
/// whether it needs funding, the providers it names and the hash of its
/// description (which is sealed, and is the requester's to show).
#[allow(clippy::too_many_arguments)]
pub fn capacity_requested(
    at: OffsetDateTime,
    actor: &LogActor,
    areas: &[crate::capacity::Area],
    format: crate::capacity::Format,
    needed_by: time::Date,
    visibility: crate::capacity::Visibility,
    funding_needed: bool,
    providers: &[String],
    description: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        areas: &'a [crate::capacity::Area],
        format: crate::capacity::Format,
        needed_by: String,
        visibility: crate::capacity::Visibility,
        funding_needed: bool,
        providers: &'a [String],
        description_sha256: &'a str,
    }
    own(at, actor, LogAction::CapacityRequest, String::new()).try_with_content(&Content {
        areas,
        format,
        needed_by: needed_by.to_string(),
        visibility,
        funding_needed,
        providers,
        description_sha256: &text_sha256(description),
    })
}

/// A step on request `id` of State `requester` (acknowledge, select,
/// confirm, withdraw); `offer` names the offer a selection chose.
pub fn capacity_stepped(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    requester: &str,
    step: crate::capacity::RequestStep,
    offer: Option<i64>,
) -> Built {
    use crate::capacity::RequestStep;
    #[derive(Serialize)]
    struct Content {
        offer: Option<i64>,
    }
    let action = match step {
        RequestStep::Acknowledge => LogAction::CapacityAcknowledge,
        RequestStep::Select => LogAction::CapacitySelect,
        RequestStep::Confirm => LogAction::CapacityConfirm,
        RequestStep::Withdraw => LogAction::CapacityWithdraw,
    };
    LogDraft::new(at, actor.clone(), action, capacity_object(id))
        .about_participant(Some(requester.to_string()))
        .try_with_content(&Content { offer })
}

/// A provider offered help on request `id` (or took offer `offer` back):
/// the entry is its own State's; the hash covers the offer's description.
pub fn capacity_offered(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    withdrawn_offer: Option<i64>,
    format: Option<crate::capacity::Format>,
    description: Option<&str>,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        offer: Option<i64>,
        format: Option<crate::capacity::Format>,
        description_sha256: Option<&'a str>,
    }
    let action = if withdrawn_offer.is_some() {
        LogAction::CapacityWithdrawOffer
    } else {
        LogAction::CapacityOffer
    };
    own(at, actor, action, capacity_object(id)).try_with_content(&Content {
        offer: withdrawn_offer,
        format,
        description_sha256: description.map(text_sha256).as_deref(),
    })
}

/// The requester reported a follow-up of request `id`: which, the outcome
/// and the hash of what changed.
pub fn capacity_followed_up(
    at: OffsetDateTime,
    actor: &LogActor,
    id: i64,
    milestone: crate::capacity::Milestone,
    outcome: crate::capacity::Outcome,
    what_changed: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        milestone: crate::capacity::Milestone,
        outcome: crate::capacity::Outcome,
        text_sha256: &'a str,
    }
    own(at, actor, LogAction::CapacityFollowUp, capacity_object(id)).try_with_content(&Content {
        milestone,
        outcome,
        text_sha256: &text_sha256(what_changed),
    })
}

/// A donor's funding line: to request `request` of State `requester`, or
/// to an area; its stage, currency and amount in minor units.
pub fn capacity_funded(
    at: OffsetDateTime,
    actor: &LogActor,
    request: Option<(i64, &str)>,
    line: &crate::capacity::funding::NewFunding,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        stage: crate::capacity::FundingStage,
        currency: &'a str,
        amount_minor: i64,
        area: Option<crate::capacity::Area>,
    }
    let object = request
        .map(|(id, _)| capacity_object(id))
        .unwrap_or_default();
    LogDraft::new(at, actor.clone(), LogAction::CapacityFund, object)
        .about_participant(
            request
                .map(|(_, requester)| requester.to_string())
                .or_else(|| actor.participant.clone()),
        )
        .try_with_content(&Content {
            stage: line.stage,
            currency: &line.currency,
            amount_minor: line.amount_minor,
            area: line.area,
        })
}

/// A State's readiness self-assessment: how many points are met, whether
/// it is shared with the secretariat, and the hash of the answers (which
/// are sealed, and the State's to show).
pub fn capacity_assessed(
    at: OffsetDateTime,
    actor: &LogActor,
    assessment: &crate::capacity::readiness::Assessment,
    shared: bool,
) -> Built {
    #[derive(Serialize)]
    struct Content {
        ready: usize,
        of: usize,
        shared: bool,
        answers_sha256: String,
    }
    own(at, actor, LogAction::CapacityAssess, String::new()).try_with_content(&Content {
        ready: assessment.ready(),
        of: assessment.0.len(),
        shared,
        answers_sha256: text_sha256(&assessment.to_text()),
    })
}

// --- e-learning ---

fn learning_object(slug: &str) -> String {
    format!("learning_module:{slug}")
}

/// A module's new version: its languages, mastery, lessons and the hash
/// of the stored module (so that the version read later can be checked).
pub fn learning_uploaded(
    at: OffsetDateTime,
    actor: &LogActor,
    module: &crate::learning::Module,
    version: u32,
    content_sha256: &str,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        version: u32,
        languages: Vec<&'a str>,
        mastery_percent: u8,
        lessons: usize,
        questions: usize,
        content_sha256: &'a str,
    }
    LogDraft::new(
        at,
        actor.clone(),
        LogAction::LearningUpload,
        learning_object(&module.slug),
    )
    .try_with_content(&Content {
        version,
        languages: module.texts.keys().map(String::as_str).collect(),
        mastery_percent: module.mastery_percent,
        lessons: module.lessons.len(),
        questions: module.answers.len(),
        content_sha256,
    })
}

/// A graded quiz: the module's version, the score and, when passed, the
/// certificate issued with the signature's hash.
pub fn learning_graded(
    at: OffsetDateTime,
    actor: &LogActor,
    slug: &str,
    version: u32,
    score: crate::learning::Score,
    certificate: Option<&crate::learning::Certificate>,
) -> Built {
    #[derive(Serialize)]
    struct Content<'a> {
        version: u32,
        correct: u32,
        total: u32,
        percent: u8,
        passed: bool,
        certificate: Option<&'a str>,
        signature_sha256: Option<String>,
    }
    own(at, actor, LogAction::LearningGrade, learning_object(slug)).try_with_content(&Content {
        version,
        correct: score.correct,
        total: score.total,
        percent: score.percent,
        passed: score.passed,
        certificate: certificate.map(|c| c.id.as_str()),
        signature_sha256: certificate.map(|c| text_sha256(&c.signature)),
    })
}
