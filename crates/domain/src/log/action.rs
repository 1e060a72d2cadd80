//! Every kind of event the tamper-evident log records, in one place.
//!
//! The text of an action is stored in each entry and is part of its Merkle
//! leaf: once an action has been written, its text never changes, or every
//! earlier entry would stop verifying. Add new actions; never rename one.

use std::fmt;

/// What happened, as the log names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LogAction {
    // Accounts and their credentials.
    AccountCreate,
    AccountPasswordChange,
    AccountMfaEnrol,
    AccountRecoveryCodeUse,
    AccountRecoveryCodesReplace,
    AccountLanguage,
    // Accounts managed in the portal.
    AccountInvite,
    AccountInviteRevoke,
    AccountInviteAccept,
    AccountDisable,
    AccountEnable,
    AccountMfaReset,
    AccountPasswordResetRequest,
    AccountPasswordReset,
    AccountPocLink,
    /// A security key or passkey registered as second factor.
    SecurityKeyAdd,
    SecurityKeyRemove,
    // Sessions and API tokens.
    SessionSignIn,
    SessionSignOut,
    SessionRevoke,
    TokenCreate,
    TokenRevoke,
    /// The policy refused a request that named a State (who tried, on what).
    AccessRefused,
    // The directory: participants.
    ParticipantsSeed,
    ParticipantCreate,
    ParticipantStatus,
    // The directory: points of contact.
    /// Another State's contact details were read.
    PocRead,
    PocPropose,
    PocProposeUpdate,
    PocProposeWithdrawal,
    PocApprove,
    PocReject,
    PocConfirm,
    // The outbox of e-mail.
    MailQueue,
    MailSent,
    MailFailed,
    // Communications between PoCs (content hashes only, never content).
    CommunicationSend,
    /// The first time a recipient opened it.
    CommunicationRead,
    CommunicationAcknowledge,
    CommunicationForward,
    /// A way out the TLP label forbids was tried (who, which way, why).
    CommunicationRefuse,
    /// A State's diplomatic PoCs alerted: no technical PoC acknowledged in time.
    CommunicationEscalate,
    // Sealing at rest.
    /// A new sealing key was made current (`pocdir keys rotate`).
    KeysRotate,
    // The log itself.
    /// The log's signing key changed (`pocdir log rotate-key`), endorsed by the old key when it was there.
    LogKeyRotate,
    // Ping tests.
    /// A campaign created (scheduled or started at once) by the secretariat or the schedule.
    PingTestCreate,
    /// A campaign started: its challenges made and mailed.
    PingTestStart,
    /// A campaign cancelled: no more reminders or answers.
    PingTestCancel,
    /// A campaign's aggregate figures published on the public page.
    PingTestPublish,
    /// A PoC answered its challenge.
    PingTestAnswer,
    /// The secretariat recorded the outcome of a check by another channel.
    PingTestRecord,
    /// A State's nominators told of its PoCs that did not answer in time.
    PingTestEscalate,
    // Reporters (companies and researchers outside the directory).
    /// An organisation applied through the public form.
    ReporterApply,
    ReporterApprove,
    ReporterReject,
    ReporterSuspend,
    ReporterReinstate,
    // Reports (what vetted reporters send to States).
    /// A reporter sent a report to States' technical PoCs.
    ReportSend,
    /// A recipient opened a report for the first time.
    ReportRead,
    ReportAcknowledge,
    /// A State's PoC set the State's status on a report.
    ReportStatus,
    /// A message in a State's thread (the reporter's or the State's).
    ReportMessage,
    /// The reporter extended the embargo, with a reason.
    ReportExtend,
    /// States not settled were reminded of an embargo's end.
    ReportRemind,
    /// A State's diplomatic PoCs alerted: no technical PoC acknowledged.
    ReportEscalate,
    /// A suspended reporter's undelivered mails withdrawn.
    ReportWithhold,
    /// A TAXII collection made (the shared one, an inbox, a group, the intake).
    TaxiiCreateCollection,
    /// STIX objects added to a TAXII collection (the request's counts).
    TaxiiAdd,
    /// Versions of a STIX object deleted from a TAXII collection.
    TaxiiDelete,
    // Tabletop exercises.
    /// An exercise prepared from a scenario for chosen States.
    ExerciseCreate,
    ExerciseStart,
    ExercisePause,
    ExerciseResume,
    /// An exercise ended: expectations still pending are missed.
    ExerciseEnd,
    /// An inject played to the players (or passed over by its condition).
    ExerciseInject,
    /// The facilitator added an ad-hoc inject to a running exercise.
    ExerciseAddInject,
    /// A player acknowledged, replied to or escalated an inject.
    ExerciseAct,
    /// A State's expectation passed its deadline undone.
    ExerciseMiss,
    /// The facilitator judged an expectation by hand.
    ExerciseValidate,
    /// A player answered the lessons-learned survey.
    ExerciseFeedback,
    /// The secretariat added a line to an exercise's improvement plan.
    ExerciseImprove,
    // Capacity building.
    /// A State filed a request for capacity building.
    CapacityRequest,
    /// The secretariat acknowledged a request.
    CapacityAcknowledge,
    /// A provider offered help on a request.
    CapacityOffer,
    /// A provider took its offer back.
    CapacityWithdrawOffer,
    /// The requester selected an offer (the others are not selected).
    CapacitySelect,
    /// The secretariat confirmed a match.
    CapacityConfirm,
    /// The requester withdrew its request.
    CapacityWithdraw,
    /// The requester reported a follow-up's outcome.
    CapacityFollowUp,
    /// A donor pledged, committed or disbursed funds to a request or an area.
    CapacityFund,
    /// A State took its readiness self-assessment.
    CapacityAssess,
    // E-learning.
    /// The secretariat uploaded a module or a new version of one.
    LearningUpload,
    /// An account's quiz was graded (passed: its certificate issued).
    LearningGrade,
    // The common lexicon.
    /// A curator wrote a new version of a concept (or added one).
    LexiconChange,
    /// The secretariat imported concepts (TBX or SKOS).
    LexiconImport,
    /// A State (or the secretariat) proposed a concept or a change.
    LexiconPropose,
    /// The secretariat accepted or rejected a proposal.
    LexiconDecide,
    /// An account commented on a proposal.
    LexiconComment,
    // The best-practice library.
    /// A State (or the secretariat) published a document.
    LibraryPublish,
    /// A document was withdrawn, by its publisher or the secretariat.
    LibraryWithdraw,
    /// Another State's document was downloaded (logged like a read).
    LibraryDownload,
    // The offline crisis pack.
    /// An account downloaded a crisis pack (each entry in it is also a `poc.read`).
    CrisisPackIssue,
}

impl LogAction {
    /// Every action, for checks and for tools that list them.
    pub const ALL: [LogAction; 101] = [
        LogAction::AccountCreate,
        LogAction::AccountPasswordChange,
        LogAction::AccountMfaEnrol,
        LogAction::AccountRecoveryCodeUse,
        LogAction::AccountRecoveryCodesReplace,
        LogAction::AccountLanguage,
        LogAction::AccountInvite,
        LogAction::AccountInviteRevoke,
        LogAction::AccountInviteAccept,
        LogAction::AccountDisable,
        LogAction::AccountEnable,
        LogAction::AccountMfaReset,
        LogAction::AccountPasswordResetRequest,
        LogAction::AccountPasswordReset,
        LogAction::AccountPocLink,
        LogAction::SecurityKeyAdd,
        LogAction::SecurityKeyRemove,
        LogAction::SessionSignIn,
        LogAction::SessionSignOut,
        LogAction::SessionRevoke,
        LogAction::TokenCreate,
        LogAction::TokenRevoke,
        LogAction::AccessRefused,
        LogAction::ParticipantsSeed,
        LogAction::ParticipantCreate,
        LogAction::ParticipantStatus,
        LogAction::PocRead,
        LogAction::PocPropose,
        LogAction::PocProposeUpdate,
        LogAction::PocProposeWithdrawal,
        LogAction::PocApprove,
        LogAction::PocReject,
        LogAction::PocConfirm,
        LogAction::MailQueue,
        LogAction::MailSent,
        LogAction::MailFailed,
        LogAction::CommunicationSend,
        LogAction::CommunicationRead,
        LogAction::CommunicationAcknowledge,
        LogAction::CommunicationForward,
        LogAction::CommunicationRefuse,
        LogAction::CommunicationEscalate,
        LogAction::KeysRotate,
        LogAction::LogKeyRotate,
        LogAction::PingTestCreate,
        LogAction::PingTestStart,
        LogAction::PingTestCancel,
        LogAction::PingTestPublish,
        LogAction::PingTestAnswer,
        LogAction::PingTestRecord,
        LogAction::PingTestEscalate,
        LogAction::ReporterApply,
        LogAction::ReporterApprove,
        LogAction::ReporterReject,
        LogAction::ReporterSuspend,
        LogAction::ReporterReinstate,
        LogAction::ReportSend,
        LogAction::ReportRead,
        LogAction::ReportAcknowledge,
        LogAction::ReportStatus,
        LogAction::ReportMessage,
        LogAction::ReportExtend,
        LogAction::ReportRemind,
        LogAction::ReportEscalate,
        LogAction::ReportWithhold,
        LogAction::TaxiiCreateCollection,
        LogAction::TaxiiAdd,
        LogAction::TaxiiDelete,
        LogAction::ExerciseCreate,
        LogAction::ExerciseStart,
        LogAction::ExercisePause,
        LogAction::ExerciseResume,
        LogAction::ExerciseEnd,
        LogAction::ExerciseInject,
        LogAction::ExerciseAddInject,
        LogAction::ExerciseAct,
        LogAction::ExerciseMiss,
        LogAction::ExerciseValidate,
        LogAction::ExerciseFeedback,
        LogAction::ExerciseImprove,
        LogAction::CapacityRequest,
        LogAction::CapacityAcknowledge,
        LogAction::CapacityOffer,
        LogAction::CapacityWithdrawOffer,
        LogAction::CapacitySelect,
        LogAction::CapacityConfirm,
        LogAction::CapacityWithdraw,
        LogAction::CapacityFollowUp,
        LogAction::CapacityFund,
        LogAction::CapacityAssess,
        LogAction::LearningUpload,
        LogAction::LearningGrade,
        LogAction::LexiconChange,
        LogAction::LexiconImport,
        LogAction::LexiconPropose,
        LogAction::LexiconDecide,
        LogAction::LexiconComment,
        LogAction::LibraryPublish,
        LogAction::LibraryWithdraw,
        LogAction::LibraryDownload,
        LogAction::CrisisPackIssue,
    ];

    /// The text stored in the log (see the module's note: never changes).
    pub const fn as_str(self) -> &'static str {
        match self {
            LogAction::AccountCreate => "account.create",
            LogAction::AccountPasswordChange => "account.password_change",
            LogAction::AccountMfaEnrol => "account.mfa_enrol",
            LogAction::AccountRecoveryCodeUse => "account.recovery_code_use",
            LogAction::AccountRecoveryCodesReplace => "account.recovery_codes_replace",
            LogAction::AccountLanguage => "account.language",
            LogAction::AccountInvite => "account.invite",
            LogAction::AccountInviteRevoke => "account.invite_revoke",
            LogAction::AccountInviteAccept => "account.invite_accept",
            LogAction::AccountDisable => "account.disable",
            LogAction::AccountEnable => "account.enable",
            LogAction::AccountMfaReset => "account.mfa_reset",
            LogAction::AccountPasswordResetRequest => "account.password_reset_request",
            LogAction::AccountPasswordReset => "account.password_reset",
            LogAction::AccountPocLink => "account.poc_link",
            LogAction::SecurityKeyAdd => "security_key.add",
            LogAction::SecurityKeyRemove => "security_key.remove",
            LogAction::SessionSignIn => "session.sign_in",
            LogAction::SessionSignOut => "session.sign_out",
            LogAction::SessionRevoke => "session.revoke",
            LogAction::TokenCreate => "token.create",
            LogAction::TokenRevoke => "token.revoke",
            LogAction::AccessRefused => "access.refused",
            LogAction::ParticipantsSeed => "participants.seed",
            LogAction::ParticipantCreate => "participant.create",
            LogAction::ParticipantStatus => "participant.status",
            LogAction::PocRead => "poc.read",
            LogAction::PocPropose => "poc.propose",
            LogAction::PocProposeUpdate => "poc.propose_update",
            LogAction::PocProposeWithdrawal => "poc.propose_withdrawal",
            LogAction::PocApprove => "poc.approve",
            LogAction::PocReject => "poc.reject",
            LogAction::PocConfirm => "poc.confirm",
            LogAction::MailQueue => "mail.queue",
            LogAction::MailSent => "mail.sent",
            LogAction::MailFailed => "mail.failed",
            LogAction::CommunicationSend => "communication.send",
            LogAction::CommunicationRead => "communication.read",
            LogAction::CommunicationAcknowledge => "communication.acknowledge",
            LogAction::CommunicationForward => "communication.forward",
            LogAction::CommunicationRefuse => "communication.refuse",
            LogAction::CommunicationEscalate => "communication.escalate",
            LogAction::KeysRotate => "keys.rotate",
            LogAction::LogKeyRotate => "log.key_rotate",
            LogAction::PingTestCreate => "ping_test.create",
            LogAction::PingTestStart => "ping_test.start",
            LogAction::PingTestCancel => "ping_test.cancel",
            LogAction::PingTestPublish => "ping_test.publish",
            LogAction::PingTestAnswer => "ping_test.answer",
            LogAction::PingTestRecord => "ping_test.record",
            LogAction::PingTestEscalate => "ping_test.escalate",
            LogAction::ReporterApply => "reporter.apply",
            LogAction::ReporterApprove => "reporter.approve",
            LogAction::ReporterReject => "reporter.reject",
            LogAction::ReporterSuspend => "reporter.suspend",
            LogAction::ReporterReinstate => "reporter.reinstate",
            LogAction::ReportSend => "report.send",
            LogAction::ReportRead => "report.read",
            LogAction::ReportAcknowledge => "report.acknowledge",
            LogAction::ReportStatus => "report.status",
            LogAction::ReportMessage => "report.message",
            LogAction::ReportExtend => "report.extend",
            LogAction::ReportRemind => "report.remind",
            LogAction::ReportEscalate => "report.escalate",
            LogAction::ReportWithhold => "report.withhold",
            LogAction::TaxiiCreateCollection => "taxii.create_collection",
            LogAction::TaxiiAdd => "taxii.add",
            LogAction::TaxiiDelete => "taxii.delete",
            LogAction::ExerciseCreate => "exercise.create",
            LogAction::ExerciseStart => "exercise.start",
            LogAction::ExercisePause => "exercise.pause",
            LogAction::ExerciseResume => "exercise.resume",
            LogAction::ExerciseEnd => "exercise.end",
            LogAction::ExerciseInject => "exercise.inject",
            LogAction::ExerciseAddInject => "exercise.add_inject",
            LogAction::ExerciseAct => "exercise.act",
            LogAction::ExerciseMiss => "exercise.miss",
            LogAction::ExerciseValidate => "exercise.validate",
            LogAction::ExerciseFeedback => "exercise.feedback",
            LogAction::ExerciseImprove => "exercise.improve",
            LogAction::CapacityRequest => "capacity.request",
            LogAction::CapacityAcknowledge => "capacity.acknowledge",
            LogAction::CapacityOffer => "capacity.offer",
            LogAction::CapacityWithdrawOffer => "capacity.withdraw_offer",
            LogAction::CapacitySelect => "capacity.select",
            LogAction::CapacityConfirm => "capacity.confirm",
            LogAction::CapacityWithdraw => "capacity.withdraw",
            LogAction::CapacityFollowUp => "capacity.follow_up",
            LogAction::CapacityFund => "capacity.fund",
            LogAction::CapacityAssess => "capacity.assess",
            LogAction::LearningUpload => "learning.upload",
            LogAction::LearningGrade => "learning.grade",
            LogAction::LexiconChange => "lexicon.change",
            LogAction::LexiconImport => "lexicon.import",
            LogAction::LexiconPropose => "lexicon.propose",
            LogAction::LexiconDecide => "lexicon.decide",
            LogAction::LexiconComment => "lexicon.comment",
            LogAction::LibraryPublish => "library.publish",
            LogAction::LibraryWithdraw => "library.withdraw",
            LogAction::LibraryDownload => "library.download",
            LogAction::CrisisPackIssue => "crisis_pack.issue",
        }
    }

    /// The action stored as `text`, if it is one pocdir writes.
    pub fn from_stored(text: &str) -> Option<LogAction> {
        LogAction::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

impl fmt::Display for LogAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_action_is_listed_once_with_its_own_text() {
        let texts: BTreeSet<&str> = LogAction::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(texts.len(), LogAction::ALL.len());
        let actions: BTreeSet<LogAction> = LogAction::ALL.into_iter().collect();
        assert_eq!(actions.len(), LogAction::ALL.len());
        for action in LogAction::ALL {
            assert_eq!(LogAction::from_stored(action.as_str()), Some(action));
            // `area.verb`: the audit pages filter on the area as a prefix.
            let (area, verb) = action.as_str().split_once('.').unwrap();
            assert!(!area.is_empty() && !verb.is_empty() && !verb.contains('.'));
        }
        assert_eq!(LogAction::from_stored("poc.decide"), None);
    }

    #[test]
    fn texts_already_in_logs_never_change() {
        // Entries written by earlier versions must keep verifying.
        assert_eq!(LogAction::PocPropose.as_str(), "poc.propose");
        assert_eq!(LogAction::PocApprove.as_str(), "poc.approve");
        assert_eq!(LogAction::SessionSignIn.as_str(), "session.sign_in");
        assert_eq!(LogAction::ParticipantsSeed.as_str(), "participants.seed");
        assert_eq!(LogAction::MailQueue.as_str(), "mail.queue");
    }
}
