//! The access policy: one place that says who may do what.
//!
//! Every web and API route names one [`Action`]; the router asks
//! [`decide`] before the handler runs. The web crate's tests walk every
//! registered route for every account kind and compare with this table.

use crate::account::{AccountKind, ParticipantCode};

/// The signed-in account on whose behalf a request is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub account_id: i64,
    pub kind: AccountKind,
    pub participant: Option<ParticipantCode>,
    /// Which API scopes the credential carries (browser sessions carry all).
    pub scopes: Scopes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scopes {
    pub read: bool,
    pub write: bool,
}

impl Scopes {
    pub const ALL: Scopes = Scopes {
        read: true,
        write: true,
    };
    pub const READ: Scopes = Scopes {
        read: true,
        write: false,
    };

    pub fn parse(s: &str) -> Option<Scopes> {
        match s {
            "read" => Some(Scopes::READ),
            "write" | "read write" | "read,write" => Some(Scopes::ALL),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &'static str {
        if self.write {
            "read write"
        } else {
            "read"
        }
    }
}

/// What a route does, in the users' words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Public pages, health, metrics, the OpenAPI document, static assets.
    ViewPublic,
    /// Signing in, including the second-factor steps (the handler checks the
    /// pending session itself).
    SignIn,
    /// Reading one's own account.
    ViewOwnAccount,
    /// Changing one's own password, recovery codes, sessions and API tokens.
    ManageOwnCredentials,
    /// Signed tree heads, proofs and the log's public key: anyone may check
    /// that the log is consistent (they reveal no entry's content).
    VerifyLog,
    /// Every log entry (actor, action, object; never confidential content):
    /// the auditor and the secretariat.
    AuditLog,
    /// The log entries about one's own State: its nominator and PoCs.
    ViewOwnStateLog,
    /// Adding organisations as participants, changing a participant's status: the secretariat.
    ManageParticipants,
    /// Reading a participant's PoCs; which ones, and whether with contact
    /// details, depends on the State (see [`directory_view`]).
    ReadDirectory,
    /// Nominating, updating, withdrawing and re-confirming one's own State's PoCs.
    NominatePocs,
    /// Verifying or rejecting nominations: the secretariat.
    DecidePocs,
    /// Reading the queue of nominations awaiting verification: the secretariat.
    ReviewNominations,
    /// Exporting the directory with contact details (CSV, JSON, vCard):
    /// accounts that may see contact details (PoCs and nominators of a
    /// State, the secretariat); which entries, per [`directory_view`].
    ExportDirectory,
    /// Importing nominations from a file (dry run, commit): the secretariat.
    ImportPocs,
    /// The outbox of mail (reminders, notices): what is queued, sent or
    /// given up, and why. The secretariat, which operates the service.
    ViewOutbox,
    /// Inviting accounts and giving verified PoC entries access to the
    /// portal: the secretariat (any kind), a nominator (its own State's PoC
    /// accounts; the handler asks [`crate::account_admin::may_invite`]).
    InviteAccounts,
    /// The list of accounts and each account's page: the secretariat.
    ViewAccounts,
    /// Disabling, re-enabling and resetting the second factor of an
    /// account: the secretariat.
    ManageAccounts,
    /// The inbox, threads and their status: PoCs of a State (what each may
    /// read of each communication is `communication::tlp::sight`), and the
    /// secretariat (metadata only, never content, unless addressed).
    ReadCommunications,
    /// Sending, replying, forwarding and acknowledging communications: the
    /// PoCs of a State (the service checks that it participates).
    SendCommunications,
    /// Creating, cancelling and publishing ping test campaigns, and recording
    /// the outcome of a check by another channel: the secretariat.
    ManagePingTests,
    /// Ping test campaigns and their results: the secretariat (all), a
    /// State's nominator and PoCs (their own PoCs' results and the overall
    /// aggregates; the service asks [`ping_test_view`]).
    ReadPingTests,
    /// Answering one's own challenge in the portal or the API: a PoC.
    AnswerPingTests,
    /// The public application form of reporters: anyone, no account needed.
    ApplyAsReporter,
    /// The list of reporters' applications and each one's page: the secretariat.
    ReviewReporters,
    /// Approving, rejecting, suspending and reinstating reporters: the secretariat.
    VetReporters,
    /// Sending reports, extending their embargo and writing in their
    /// States' threads: a reporter (the service checks it is approved).
    SendReports,
    /// Reports and their per-State status: a reporter (its own), the PoCs
    /// of the States addressed and the secretariat (metadata); the service
    /// asks [`report_view`].
    ReadReports,
    /// Acknowledging a report, setting the State's status on it and asking
    /// the reporter questions: the PoCs of a State it reached.
    AnswerReports,
    /// TAXII 2.1: discovery, the API root, the collections one may read or
    /// write, their objects, manifests and versions, one's own request
    /// statuses. A participant's technical PoCs, and reporters (who write to
    /// the intake and read nothing there); which collection and which
    /// object, the service asks `taxii::collection`.
    ReadThreatData,
    /// TAXII 2.1: adding STIX objects to a collection and deleting them:
    /// the same accounts, with the `write` scope.
    ShareThreatData,
    /// Tabletop exercises: preparing them from scenarios, the facilitator's
    /// console (start, pause, resume, end, validation by hand), the
    /// library's export: the secretariat.
    RunExercises,
    /// Playing an exercise: the exercise inbox, acknowledging, replying,
    /// escalating, the survey: a participant's PoCs (the service checks the
    /// player received the inject).
    PlayExercises,
    /// After-action reports: the secretariat (all of it) and a
    /// participant's PoCs (their State's part, asked of [`exercise_view`]).
    ReadExercises,
    /// Capacity building: the requests one may see (with their offers and
    /// clocks as [`capacity_view`] allows): the secretariat, and the
    /// accounts of a participant.
    ReadCapacityBuilding,
    /// Filing, withdrawing a State's requests, selecting an offer and
    /// reporting a follow-up's outcome: a State's nominator or diplomatic
    /// PoC (the handler checks the State participates).
    RequestCapacityBuilding,
    /// Offering help on a request one may see, and taking the offer back:
    /// the accounts of a participant (States and organisations).
    OfferCapacityBuilding,
    /// Acknowledging requests and confirming matches: the secretariat.
    CoordinateCapacityBuilding,
    /// Pledging, committing and disbursing funds to a request or an area,
    /// and reading one's own funding: a participant's nominator or
    /// diplomatic PoC (the handler checks it participates).
    FundCapacityBuilding,
    /// The figures of capacity building (by area and region, delays,
    /// matches, outcomes, funding) and their CSV and JSON: the secretariat.
    ReadCapacityFigures,
    /// E-learning: the modules, their lessons and quizzes, one's own
    /// progress, certificates and xAPI statements: the secretariat and the
    /// accounts of a participant.
    ReadLearning,
    /// Marking a lesson read, opening and answering a quiz: the same.
    TakeLearning,
    /// Uploading modules and their new versions, every account's
    /// completions: the secretariat.
    ManageLearning,
    /// Checking a completion certificate: anyone, signed in or not.
    VerifyCertificates,
    /// The common lexicon: concepts, their history, proposals and
    /// comments, search and the TBX and SKOS exports: the secretariat and
    /// the accounts of a participant.
    ReadLexicon,
    /// Proposing a concept or a change and commenting on proposals: the
    /// same.
    ProposeLexicon,
    /// Curating the lexicon: writing versions, deciding proposals,
    /// importing TBX and SKOS: the secretariat.
    CurateLexicon,
    /// The best-practice library: the documents one may see (as
    /// [`library_view`] says), their summaries and downloads: the
    /// secretariat and the accounts of a participant.
    ReadLibrary,
    /// Publishing a document and withdrawing one's own (the secretariat:
    /// any): the same (the handler checks the participant takes part).
    PublishLibrary,
}

impl Action {
    pub const ALL: [Action; 49] = [
        Action::ViewPublic,
        Action::SignIn,
        Action::ViewOwnAccount,
        Action::ManageOwnCredentials,
        Action::VerifyLog,
        Action::AuditLog,
        Action::ViewOwnStateLog,
        Action::ManageParticipants,
        Action::ReadDirectory,
        Action::NominatePocs,
        Action::DecidePocs,
        Action::ReviewNominations,
        Action::ExportDirectory,
        Action::ImportPocs,
        Action::ViewOutbox,
        Action::InviteAccounts,
        Action::ViewAccounts,
        Action::ManageAccounts,
        Action::ReadCommunications,
        Action::SendCommunications,
        Action::ManagePingTests,
        Action::ReadPingTests,
        Action::AnswerPingTests,
        Action::ApplyAsReporter,
        Action::ReviewReporters,
        Action::VetReporters,
        Action::SendReports,
        Action::ReadReports,
        Action::AnswerReports,
        Action::ReadThreatData,
        Action::ShareThreatData,
        Action::RunExercises,
        Action::PlayExercises,
        Action::ReadExercises,
        Action::ReadCapacityBuilding,
        Action::RequestCapacityBuilding,
        Action::OfferCapacityBuilding,
        Action::CoordinateCapacityBuilding,
        Action::FundCapacityBuilding,
        Action::ReadCapacityFigures,
        Action::ReadLearning,
        Action::TakeLearning,
        Action::ManageLearning,
        Action::VerifyCertificates,
        Action::ReadLexicon,
        Action::ProposeLexicon,
        Action::CurateLexicon,
        Action::ReadLibrary,
        Action::PublishLibrary,
    ];

    /// Whether the action changes something (needs the `write` scope).
    pub fn writes(self) -> bool {
        matches!(
            self,
            Action::ManageOwnCredentials
                | Action::ManageParticipants
                | Action::NominatePocs
                | Action::DecidePocs
                | Action::ImportPocs
                | Action::InviteAccounts
                | Action::ManageAccounts
                | Action::SendCommunications
                | Action::ManagePingTests
                | Action::AnswerPingTests
                | Action::VetReporters
                | Action::SendReports
                | Action::AnswerReports
                | Action::ShareThreatData
                | Action::RunExercises
                | Action::PlayExercises
                | Action::RequestCapacityBuilding
                | Action::OfferCapacityBuilding
                | Action::CoordinateCapacityBuilding
                | Action::FundCapacityBuilding
                | Action::TakeLearning
                | Action::ManageLearning
                | Action::ProposeLexicon
                | Action::CurateLexicon
                | Action::PublishLibrary
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Nobody is signed in and the action needs someone: 401 or the sign-in page.
    NeedsSignIn,
    /// Someone is signed in but may not do this: 403.
    Forbidden,
}

/// Decides whether `actor` (None when nobody is signed in) may perform `action`.
pub fn decide(actor: Option<&Actor>, action: Action) -> Decision {
    match action {
        Action::ViewPublic
        | Action::SignIn
        | Action::VerifyLog
        | Action::ApplyAsReporter
        | Action::VerifyCertificates => Decision::Allow,
        Action::AuditLog
        | Action::ViewOwnStateLog
        | Action::ManageParticipants
        | Action::ReadDirectory
        | Action::NominatePocs
        | Action::DecidePocs
        | Action::ReviewNominations
        | Action::ExportDirectory
        | Action::ImportPocs
        | Action::ViewOutbox
        | Action::InviteAccounts
        | Action::ViewAccounts
        | Action::ManageAccounts
        | Action::ReadCommunications
        | Action::SendCommunications
        | Action::ManagePingTests
        | Action::ReadPingTests
        | Action::AnswerPingTests
        | Action::ReviewReporters
        | Action::VetReporters
        | Action::SendReports
        | Action::ReadReports
        | Action::AnswerReports
        | Action::ReadThreatData
        | Action::ShareThreatData
        | Action::RunExercises
        | Action::PlayExercises
        | Action::ReadExercises
        | Action::ReadCapacityBuilding
        | Action::RequestCapacityBuilding
        | Action::OfferCapacityBuilding
        | Action::CoordinateCapacityBuilding
        | Action::FundCapacityBuilding
        | Action::ReadCapacityFigures
        | Action::ReadLearning
        | Action::TakeLearning
        | Action::ManageLearning
        | Action::ReadLexicon
        | Action::ProposeLexicon
        | Action::CurateLexicon
        | Action::ReadLibrary
        | Action::PublishLibrary => match actor {
            Some(actor) if action.writes() && !actor.scopes.write => Decision::Forbidden,
            None => Decision::NeedsSignIn,
            Some(actor) if !actor.scopes.read => Decision::Forbidden,
            Some(actor) => {
                let allowed = match action {
                    Action::AuditLog => {
                        matches!(actor.kind, AccountKind::Auditor | AccountKind::Secretariat)
                    }
                    Action::ManageParticipants
                    | Action::DecidePocs
                    | Action::ReviewNominations
                    | Action::ImportPocs
                    | Action::ViewOutbox
                    | Action::ViewAccounts
                    | Action::ManageAccounts
                    | Action::ManagePingTests
                    | Action::ReviewReporters
                    | Action::VetReporters
                    | Action::RunExercises
                    | Action::CoordinateCapacityBuilding
                    | Action::ReadCapacityFigures
                    | Action::ManageLearning
                    | Action::CurateLexicon => actor.kind == AccountKind::Secretariat,
                    Action::ReadCapacityBuilding
                    | Action::ReadLearning
                    | Action::TakeLearning
                    | Action::ReadLexicon
                    | Action::ProposeLexicon
                    | Action::ReadLibrary
                    | Action::PublishLibrary => {
                        actor.kind == AccountKind::Secretariat
                            || (actor.kind.acts_for_participant() && actor.participant.is_some())
                    }
                    Action::RequestCapacityBuilding | Action::FundCapacityBuilding => {
                        matches!(
                            actor.kind,
                            AccountKind::Nominator | AccountKind::DiplomaticPoc
                        ) && actor.participant.is_some()
                    }
                    Action::OfferCapacityBuilding => {
                        actor.kind.acts_for_participant() && actor.participant.is_some()
                    }
                    Action::PlayExercises => actor.kind.is_poc() && actor.participant.is_some(),
                    Action::ReadExercises => {
                        actor.kind == AccountKind::Secretariat
                            || (actor.kind.is_poc() && actor.participant.is_some())
                    }
                    Action::ReadPingTests => {
                        actor.kind == AccountKind::Secretariat
                            || (actor.kind.acts_for_participant() && actor.participant.is_some())
                    }
                    Action::AnswerPingTests => actor.kind.is_poc() && actor.participant.is_some(),
                    Action::InviteAccounts => match actor.kind {
                        AccountKind::Secretariat => true,
                        AccountKind::Nominator => actor.participant.is_some(),
                        _ => false,
                    },
                    Action::ExportDirectory => match actor.kind {
                        AccountKind::Secretariat => true,
                        AccountKind::Nominator
                        | AccountKind::DiplomaticPoc
                        | AccountKind::TechnicalPoc => actor.participant.is_some(),
                        _ => false,
                    },
                    Action::ReadDirectory => actor.kind != AccountKind::Reporter,
                    Action::NominatePocs => {
                        actor.kind == AccountKind::Nominator && actor.participant.is_some()
                    }
                    Action::ReadCommunications => {
                        actor.kind == AccountKind::Secretariat
                            || (actor.kind.is_poc() && actor.participant.is_some())
                    }
                    Action::SendCommunications => {
                        actor.kind.is_poc() && actor.participant.is_some()
                    }
                    Action::SendReports => actor.kind == AccountKind::Reporter,
                    Action::ReadReports => {
                        matches!(actor.kind, AccountKind::Reporter | AccountKind::Secretariat)
                            || (actor.kind.is_poc() && actor.participant.is_some())
                    }
                    Action::AnswerReports => actor.kind.is_poc() && actor.participant.is_some(),
                    Action::ReadThreatData | Action::ShareThreatData => {
                        actor.kind == AccountKind::Reporter
                            || (actor.kind == AccountKind::TechnicalPoc
                                && actor.participant.is_some())
                    }
                    _ => actor.kind.acts_for_participant() && actor.participant.is_some(),
                };
                if allowed {
                    Decision::Allow
                } else {
                    Decision::Forbidden
                }
            }
        },
        Action::ViewOwnAccount | Action::ManageOwnCredentials => match actor {
            None => Decision::NeedsSignIn,
            Some(actor) if action.writes() && !actor.scopes.write => Decision::Forbidden,
            Some(actor) if !actor.scopes.read => Decision::Forbidden,
            // Every kind of account may look after its own credentials.
            Some(_) => Decision::Allow,
        },
    }
}

/// What a signed-in account may see of one document of the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryView {
    /// The document, its downloads and withdrawal: the secretariat, and
    /// the accounts of the publishing participant (withdrawn ones too).
    Publisher,
    /// The document and its file.
    Reader,
    /// Nothing: not listed, not counted, not found.
    Nothing,
}

/// Who sees a library document: `publisher` is the publishing
/// participant (None for the secretariat); `reader_takes_part` whether
/// the reader's participant takes part; `reader_is_state` whether it is a
/// State rather than an organisation. TLP as the communications read it:
/// CLEAR and GREEN for the community, AMBER for participating States,
/// AMBER+STRICT for the publisher's own people; RED is never in a library.
pub fn library_view(
    actor: &Actor,
    publisher: Option<&str>,
    tlp: crate::communication::tlp::TlpLabel,
    withdrawn: bool,
    reader_takes_part: bool,
    reader_is_state: bool,
) -> LibraryView {
    use crate::communication::tlp::TlpLabel;
    if actor.kind == AccountKind::Secretariat {
        return LibraryView::Publisher;
    }
    if !actor.kind.acts_for_participant() {
        return LibraryView::Nothing;
    }
    let Some(own) = actor.participant.as_ref().map(|p| p.as_str()) else {
        return LibraryView::Nothing;
    };
    if publisher == Some(own) {
        return LibraryView::Publisher;
    }
    if withdrawn || !reader_takes_part {
        return LibraryView::Nothing;
    }
    match tlp {
        TlpLabel::Clear | TlpLabel::Green => LibraryView::Reader,
        TlpLabel::Amber if reader_is_state => LibraryView::Reader,
        TlpLabel::Amber | TlpLabel::AmberStrict | TlpLabel::Red => LibraryView::Nothing,
    }
}

/// What a signed-in account may see of one participant's PoCs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectoryView {
    /// Everything, pending nominations included: the secretariat, and the
    /// nominator of the State itself.
    Administer,
    /// Active PoCs with their contact details: PoCs of participating
    /// States reading participating States (reciprocity), or their own.
    Contacts,
    /// Active and pending PoCs without contact details: the auditor.
    WithoutContacts,
    Nothing,
}

/// The State-dependent half of the directory's access rules: `actor`
/// reads the PoCs of `target`; `actor_state_takes_part` and
/// `target_takes_part` say whether each participates.
pub fn directory_view(
    actor: &Actor,
    target: &str,
    actor_state_takes_part: bool,
    target_takes_part: bool,
) -> DirectoryView {
    let own = actor
        .participant
        .as_ref()
        .is_some_and(|p| p.as_str() == target);
    match actor.kind {
        AccountKind::Secretariat => DirectoryView::Administer,
        AccountKind::Auditor => DirectoryView::WithoutContacts,
        AccountKind::Nominator if own => DirectoryView::Administer,
        AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc
            if own || (actor_state_takes_part && target_takes_part) =>
        {
            DirectoryView::Contacts
        }
        _ => DirectoryView::Nothing,
    }
}

/// What a signed-in account may see of ping test results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PingTestView {
    /// Every PoC's result, every State: the secretariat.
    All,
    /// Its own State's PoCs one by one; other States only inside the
    /// overall aggregates: a State's nominator and PoCs.
    OwnState(String),
    /// Nothing beyond what the public page shows.
    Public,
}

/// Which ping test results `actor` may see (the route's action is
/// [`Action::ReadPingTests`]).
pub fn ping_test_view(actor: &Actor) -> PingTestView {
    match (actor.kind, &actor.participant) {
        (AccountKind::Secretariat, _) => PingTestView::All,
        (kind, Some(state)) if kind.acts_for_participant() => {
            PingTestView::OwnState(state.as_str().to_string())
        }
        _ => PingTestView::Public,
    }
}

/// Whether `actor` may nominate, update or withdraw PoCs of `target`.
pub fn may_nominate_for(actor: &Actor, target: &str) -> bool {
    actor.kind == AccountKind::Nominator
        && actor.scopes.write
        && actor
            .participant
            .as_ref()
            .is_some_and(|p| p.as_str() == target)
}

/// What an account may see of one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportView {
    /// The reporter who sent it: the content, every State's status and
    /// times and every State's thread, never who at a State did what.
    Author,
    /// A recipient PoC of `state`: the content, its own State's status and
    /// thread; never another State's.
    State(String),
    /// A PoC of `state` the report did not reach (yet): that it exists,
    /// its label and its State's status, not the content.
    StateMetadata(String),
    /// The secretariat: what it is, to whom, each State's status and
    /// times; never the content or the threads.
    Metadata,
    /// Not even that it exists.
    Nothing,
}

/// What `actor` may see of a report to `states`: `is_author` says whether
/// the actor signs in as the reporter that sent it, `is_recipient`
/// whether it is one of its recipients.
pub fn report_view(
    actor: &Actor,
    is_author: bool,
    states: &[String],
    is_recipient: bool,
) -> ReportView {
    match actor.kind {
        AccountKind::Reporter if is_author => ReportView::Author,
        AccountKind::Secretariat => ReportView::Metadata,
        kind if kind.is_poc() => match &actor.participant {
            Some(p) if states.iter().any(|s| s == p.as_str()) => {
                let state = p.as_str().to_string();
                if is_recipient {
                    ReportView::State(state)
                } else {
                    ReportView::StateMetadata(state)
                }
            }
            _ => ReportView::Nothing,
        },
        _ => ReportView::Nothing,
    }
}

/// What a reader may see of an exercise's after-action report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExerciseView {
    /// Every State's part, the facilitator's notes, every survey answer.
    All,
    /// One State's part: its expectations, its players' actions and
    /// survey answers, and the overall timeline (what was sent when).
    State(String),
    /// That the exercise exists is not to be told.
    Nothing,
}

/// What `actor` may see of an exercise played by `states`.
pub fn exercise_view(actor: &Actor, states: &[String]) -> ExerciseView {
    match actor.kind {
        AccountKind::Secretariat => ExerciseView::All,
        kind if kind.is_poc() => match &actor.participant {
            Some(p) if states.iter().any(|s| s == p.as_str()) => {
                ExerciseView::State(p.as_str().to_string())
            }
            _ => ExerciseView::Nothing,
        },
        _ => ExerciseView::Nothing,
    }
}

/// What an account may see of one request for capacity building.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapacityView {
    /// Everything, every offer and provider: the secretariat.
    Coordinator,
    /// Its own State's request: everything, every offer and provider.
    Requester,
    /// A provider: the request, its clocks and its own offers, never the
    /// other providers'; the requester's name only if `requester_named`.
    Provider { requester_named: bool },
    /// That the request exists is not to be told.
    Nothing,
}

/// The request as [`capacity_view`] weighs it.
#[derive(Debug, Clone, Copy)]
pub struct CapacityRequestSight<'a> {
    /// The requesting State.
    pub requester: &'a str,
    pub visibility: crate::capacity::Visibility,
    /// The providers a `named_providers` request names.
    pub named: &'a [String],
    /// Whether the request still takes offers.
    pub open: bool,
    /// Whether the viewer's participant has made an offer on it.
    pub viewer_offered: bool,
    /// Whether the viewer's participant's offer was selected.
    pub viewer_selected: bool,
}

/// What `actor` may see of a request; `actor_takes_part` says whether its
/// participant participates (a provider must).
pub fn capacity_view(
    actor: &Actor,
    request: &CapacityRequestSight<'_>,
    actor_takes_part: bool,
) -> CapacityView {
    use crate::capacity::Visibility;
    if actor.kind == AccountKind::Secretariat {
        return CapacityView::Coordinator;
    }
    if !actor.kind.acts_for_participant() {
        return CapacityView::Nothing;
    }
    let Some(own) = actor.participant.as_ref().map(|p| p.as_str()) else {
        return CapacityView::Nothing;
    };
    if own == request.requester {
        return CapacityView::Requester;
    }
    let invited = match request.visibility {
        Visibility::NamedProviders => request.named.iter().any(|n| n == own),
        Visibility::AllProviders | Visibility::Anonymous => true,
    };
    // A provider that offered follows the request to its end; the others
    // see it only while it takes offers.
    if actor_takes_part && ((request.open && invited) || request.viewer_offered) {
        CapacityView::Provider {
            requester_named: request.visibility != Visibility::Anonymous || request.viewer_selected,
        }
    } else {
        CapacityView::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capacity_request_is_seen_as_its_visibility_says() {
        use crate::capacity::Visibility;
        let named = vec!["KEN".to_string()];
        let sight = |visibility, open, offered, selected| CapacityRequestSight {
            requester: "PAK",
            visibility,
            named: &named,
            open,
            viewer_offered: offered,
            viewer_selected: selected,
        };
        let mut ken = actor(AccountKind::Nominator, Scopes::ALL);
        ken.participant = ParticipantCode::parse("KEN").ok();
        let mut fra = actor(AccountKind::TechnicalPoc, Scopes::ALL);
        fra.participant = ParticipantCode::parse("FRA").ok();
        let pak = actor(AccountKind::DiplomaticPoc, Scopes::ALL);
        let all = sight(Visibility::AllProviders, true, false, false);
        assert_eq!(capacity_view(&pak, &all, true), CapacityView::Requester);
        assert_eq!(
            capacity_view(&fra, &all, true),
            CapacityView::Provider {
                requester_named: true
            }
        );
        // A provider that does not take part sees nothing.
        assert_eq!(capacity_view(&fra, &all, false), CapacityView::Nothing);
        // Named: only the named.
        let only_ken = sight(Visibility::NamedProviders, true, false, false);
        assert_eq!(capacity_view(&fra, &only_ken, true), CapacityView::Nothing);
        assert!(matches!(
            capacity_view(&ken, &only_ken, true),
            CapacityView::Provider { .. }
        ));
        // Anonymous: no name until selected.
        let anon = sight(Visibility::Anonymous, true, true, false);
        assert_eq!(
            capacity_view(&fra, &anon, true),
            CapacityView::Provider {
                requester_named: false
            }
        );
        let anon_selected = sight(Visibility::Anonymous, false, true, true);
        assert_eq!(
            capacity_view(&fra, &anon_selected, true),
            CapacityView::Provider {
                requester_named: true
            }
        );
        // Closed: only those that offered still see it.
        let closed = sight(Visibility::AllProviders, false, false, false);
        assert_eq!(capacity_view(&fra, &closed, true), CapacityView::Nothing);
        for kind in [AccountKind::Reporter, AccountKind::Auditor] {
            assert_eq!(
                capacity_view(&actor(kind, Scopes::ALL), &all, true),
                CapacityView::Nothing
            );
        }
        assert_eq!(
            capacity_view(&actor(AccountKind::Secretariat, Scopes::ALL), &closed, true),
            CapacityView::Coordinator
        );
    }

    #[test]
    fn a_library_document_is_seen_as_its_label_says() {
        use crate::communication::tlp::TlpLabel::{self, *};
        let fra = |kind| Actor {
            participant: Some(ParticipantCode::parse("FRA").unwrap()),
            ..actor(kind, Scopes::ALL)
        };
        let view = |a: &Actor, publisher, tlp: TlpLabel, withdrawn, takes_part, state| {
            library_view(a, publisher, tlp, withdrawn, takes_part, state)
        };
        for kind in AccountKind::ALL {
            let own = actor(kind, Scopes::ALL);
            let other = fra(kind);
            for tlp in [Clear, Green, Amber, AmberStrict] {
                let expected_own = match kind {
                    AccountKind::Secretariat
                    | AccountKind::Nominator
                    | AccountKind::DiplomaticPoc
                    | AccountKind::TechnicalPoc => LibraryView::Publisher,
                    _ => LibraryView::Nothing,
                };
                // The publisher's own people see it, withdrawn or not.
                assert_eq!(view(&own, Some("PAK"), tlp, true, true, true), expected_own);
                let expected_other = match (kind, tlp) {
                    (AccountKind::Secretariat, _) => LibraryView::Publisher,
                    (AccountKind::Reporter | AccountKind::Auditor, _) => LibraryView::Nothing,
                    (_, Clear | Green | Amber) => LibraryView::Reader,
                    _ => LibraryView::Nothing,
                };
                assert_eq!(
                    view(&other, Some("PAK"), tlp, false, true, true),
                    expected_other,
                    "{kind} {tlp:?}"
                );
                if kind != AccountKind::Secretariat {
                    // Withdrawn, or read by a participant that does not
                    // take part: nothing.
                    assert_eq!(
                        view(&other, Some("PAK"), tlp, true, true, true),
                        LibraryView::Nothing
                    );
                    assert_eq!(
                        view(&other, Some("PAK"), tlp, false, false, true),
                        LibraryView::Nothing
                    );
                }
            }
            // AMBER reaches States only, not organisations.
            if kind.acts_for_participant() {
                assert_eq!(
                    view(&fra(kind), None, Amber, false, true, false),
                    LibraryView::Nothing
                );
                assert_eq!(
                    view(&fra(kind), None, Green, false, true, false),
                    LibraryView::Reader
                );
            }
        }
    }

    #[test]
    fn an_exercise_report_shows_a_state_its_own_part_only() {
        let states = vec!["PAK".to_string(), "KEN".to_string()];
        for kind in AccountKind::ALL {
            let view = exercise_view(&actor(kind, Scopes::ALL), &states);
            match kind {
                AccountKind::Secretariat => assert_eq!(view, ExerciseView::All),
                AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc => {
                    assert_eq!(view, ExerciseView::State("PAK".into()))
                }
                _ => assert_eq!(view, ExerciseView::Nothing, "{kind}"),
            }
        }
        let outside = exercise_view(
            &actor(AccountKind::TechnicalPoc, Scopes::ALL),
            &["KEN".into()],
        );
        assert_eq!(outside, ExerciseView::Nothing);
    }

    fn actor(kind: AccountKind, scopes: Scopes) -> Actor {
        Actor {
            account_id: 1,
            kind,
            participant: kind
                .acts_for_participant()
                .then(|| ParticipantCode::parse("PAK").unwrap()),
            scopes,
        }
    }

    /// Who may do what, written out in full: the rule above must agree.
    fn expected(action: Action, kind: AccountKind) -> bool {
        use AccountKind::*;
        match action {
            Action::ViewPublic
            | Action::SignIn
            | Action::VerifyLog
            | Action::ViewOwnAccount
            | Action::ManageOwnCredentials
            | Action::ApplyAsReporter
            | Action::VerifyCertificates => true,
            Action::AuditLog => matches!(kind, Auditor | Secretariat),
            Action::ViewOwnStateLog => matches!(kind, Nominator | DiplomaticPoc | TechnicalPoc),
            Action::ManageParticipants
            | Action::DecidePocs
            | Action::ReviewNominations
            | Action::ImportPocs
            | Action::ViewOutbox
            | Action::ViewAccounts
            | Action::ManageAccounts
            | Action::ManagePingTests
            | Action::ReviewReporters
            | Action::VetReporters
            | Action::RunExercises
            | Action::CoordinateCapacityBuilding
            | Action::ReadCapacityFigures
            | Action::ManageLearning
            | Action::CurateLexicon => matches!(kind, Secretariat),
            Action::ReadCapacityBuilding
            | Action::ReadLearning
            | Action::TakeLearning
            | Action::ReadLexicon
            | Action::ProposeLexicon
            | Action::ReadLibrary
            | Action::PublishLibrary => {
                matches!(kind, Secretariat | Nominator | DiplomaticPoc | TechnicalPoc)
            }
            Action::RequestCapacityBuilding | Action::FundCapacityBuilding => {
                matches!(kind, Nominator | DiplomaticPoc)
            }
            Action::OfferCapacityBuilding => {
                matches!(kind, Nominator | DiplomaticPoc | TechnicalPoc)
            }
            Action::PlayExercises => matches!(kind, DiplomaticPoc | TechnicalPoc),
            Action::ReadExercises => matches!(kind, Secretariat | DiplomaticPoc | TechnicalPoc),
            Action::ReadPingTests => {
                matches!(kind, Secretariat | Nominator | DiplomaticPoc | TechnicalPoc)
            }
            Action::AnswerPingTests => matches!(kind, DiplomaticPoc | TechnicalPoc),
            Action::InviteAccounts => matches!(kind, Secretariat | Nominator),
            Action::ExportDirectory => {
                matches!(kind, Secretariat | Nominator | DiplomaticPoc | TechnicalPoc)
            }
            Action::ReadDirectory => !matches!(kind, Reporter),
            Action::NominatePocs => matches!(kind, Nominator),
            Action::ReadCommunications => {
                matches!(kind, Secretariat | DiplomaticPoc | TechnicalPoc)
            }
            Action::SendCommunications => matches!(kind, DiplomaticPoc | TechnicalPoc),
            Action::SendReports => matches!(kind, Reporter),
            Action::ReadReports => {
                matches!(kind, Reporter | Secretariat | DiplomaticPoc | TechnicalPoc)
            }
            Action::AnswerReports => matches!(kind, DiplomaticPoc | TechnicalPoc),
            Action::ReadThreatData | Action::ShareThreatData => {
                matches!(kind, TechnicalPoc | Reporter)
            }
        }
    }

    #[test]
    fn matrix_of_actions_and_kinds() {
        for action in Action::ALL {
            let anonymous = decide(None, action);
            match action {
                Action::ViewPublic
                | Action::SignIn
                | Action::VerifyLog
                | Action::ApplyAsReporter
                | Action::VerifyCertificates => {
                    assert_eq!(anonymous, Decision::Allow)
                }
                _ => assert_eq!(anonymous, Decision::NeedsSignIn),
            }
            for kind in AccountKind::ALL {
                if !expected(action, kind) {
                    assert_eq!(
                        decide(Some(&actor(kind, Scopes::ALL)), action),
                        Decision::Forbidden,
                        "{action:?} {kind}"
                    );
                    continue;
                }
                assert_eq!(
                    decide(Some(&actor(kind, Scopes::ALL)), action),
                    Decision::Allow
                );
                let read_only = decide(Some(&actor(kind, Scopes::READ)), action);
                if action.writes() {
                    assert_eq!(read_only, Decision::Forbidden, "{action:?} {kind}");
                } else {
                    assert_eq!(read_only, Decision::Allow, "{action:?} {kind}");
                }
            }
        }
    }

    #[test]
    fn report_views_by_kind_and_state() {
        let states = vec!["PAK".to_string(), "KEN".to_string()];
        let reporter = actor(AccountKind::Reporter, Scopes::ALL);
        assert_eq!(
            report_view(&reporter, true, &states, false),
            ReportView::Author
        );
        assert_eq!(
            report_view(&reporter, false, &states, false),
            ReportView::Nothing
        );
        assert_eq!(
            report_view(&reporter, false, &states, true),
            ReportView::Nothing
        );
        let tech = actor(AccountKind::TechnicalPoc, Scopes::ALL);
        assert_eq!(
            report_view(&tech, false, &states, true),
            ReportView::State("PAK".into())
        );
        assert_eq!(
            report_view(&tech, false, &states, false),
            ReportView::StateMetadata("PAK".into())
        );
        let other = ["FRA".to_string()];
        assert_eq!(report_view(&tech, false, &other, true), ReportView::Nothing);
        assert_eq!(
            report_view(
                &actor(AccountKind::Secretariat, Scopes::ALL),
                false,
                &states,
                false
            ),
            ReportView::Metadata
        );
        for kind in [AccountKind::Nominator, AccountKind::Auditor] {
            assert_eq!(
                report_view(&actor(kind, Scopes::ALL), true, &states, true),
                ReportView::Nothing
            );
        }
    }

    #[test]
    fn directory_matrix_own_other_and_non_participating_states() {
        use DirectoryView::*;
        // (kind, own State?, actor's State takes part?, target takes part?) → view
        let cases = [
            (AccountKind::Secretariat, false, false, false, Administer),
            (AccountKind::Auditor, false, false, true, WithoutContacts),
            (AccountKind::Reporter, false, false, true, Nothing),
            (AccountKind::Nominator, true, false, false, Administer),
            (AccountKind::Nominator, false, true, true, Nothing),
            (AccountKind::DiplomaticPoc, true, false, false, Contacts),
            (AccountKind::DiplomaticPoc, false, true, true, Contacts),
            (AccountKind::DiplomaticPoc, false, false, true, Nothing),
            (AccountKind::TechnicalPoc, false, true, false, Nothing),
            (AccountKind::TechnicalPoc, false, true, true, Contacts),
        ];
        for (kind, own, actor_in, target_in, expected) in cases {
            let a = actor(kind, Scopes::ALL);
            let target = if own { "PAK" } else { "FRA" };
            assert_eq!(
                directory_view(&a, target, actor_in, target_in),
                expected,
                "{kind} own={own}"
            );
        }
        let nominator = actor(AccountKind::Nominator, Scopes::ALL);
        assert!(may_nominate_for(&nominator, "PAK"));
        assert!(!may_nominate_for(&nominator, "FRA"));
        assert!(!may_nominate_for(
            &actor(AccountKind::Nominator, Scopes::READ),
            "PAK"
        ));
        assert!(!may_nominate_for(
            &actor(AccountKind::Secretariat, Scopes::ALL),
            "PAK"
        ));
    }

    #[test]
    fn scopes_parse() {
        assert_eq!(Scopes::parse("read"), Some(Scopes::READ));
        assert_eq!(Scopes::parse("write"), Some(Scopes::ALL));
        assert_eq!(Scopes::parse("admin"), None);
        assert_eq!(Scopes::ALL.as_str(), "read write");
    }
}
