//! The home of each kind of account after signing in: what it has to do
//! now, counted from what it may see (the use cases in
//! `pocdir_directory::overview` ask the policy), with a link to where each
//! task is done and to the help of its role.

use crate::audit::pages::{rows_for, EntryRow};
use crate::directory::details::role_label;
use crate::home::help::Topic;
use crate::http::error::AppError;
use crate::http::identity::SignedIn;
use crate::http::page::{render, PageCtx};
use crate::reports::pages::{listed_rows, ListedRow};
use crate::state::AppState;
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_directory::overview::{self, EntryDue};
use pocdir_domain::account::AccountKind;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::ping_test::campaign::CampaignStatus;
use pocdir_domain::policy::{decide, Action, Decision};
use pocdir_store::{LogFilter, MailCounts};
use time::OffsetDateTime;

/// How many rows each list on a home shows; the linked page has the rest.
const SHORT: usize = 5;
const RECENT_ENTRIES: u64 = 8;
/// Reports on a home: the latest; the reports page has the rest.
const HOME_REPORTS: u32 = 5;

/// One PoC in a home's table.
pub struct EntryRowView {
    pub id: i64,
    pub participant_name: String,
    pub role_label: String,
    pub name: String,
    pub status_label: String,
    /// What awaits the secretariat, if anything.
    pub pending_label: String,
    pub due: String,
    pub overdue: bool,
    pub days_left: i64,
}

fn entry_view(
    page: &PageCtx,
    e: &EntryDue,
    participant_name: &str,
    now: OffsetDateTime,
) -> EntryRowView {
    EntryRowView {
        id: e.poc.id,
        participant_name: participant_name.to_string(),
        role_label: role_label(page, e.poc.role),
        name: e.name.clone(),
        status_label: page.t(e.poc.status.label_message()),
        pending_label: e
            .poc
            .pending_action
            .map(|a| page.t(a.label_message()))
            .unwrap_or_default(),
        due: e
            .due
            .map(|t| crate::http::format::local::day(&page.tr, t))
            .unwrap_or_default(),
        overdue: e.overdue,
        days_left: e.due.map(|d| (d - now).whole_days()).unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "home/secretariat.html")]
pub struct SecretariatHome {
    pub page: PageCtx,
    pub help: &'static str,
    pub queue: usize,
    pub overdue_total: usize,
    pub overdue: Vec<EntryRowView>,
    pub mail: MailCounts,
    pub refusals: Vec<EntryRow>,
    pub ping: PingCard,
}

#[derive(Template)]
#[template(path = "home/nominator.html")]
pub struct NominatorHome {
    pub page: PageCtx,
    pub help: &'static str,
    pub code: String,
    pub state_name: String,
    pub entries: Vec<EntryRowView>,
    pub pending: usize,
    pub overdue: usize,
    pub ping: Option<PingLatest>,
}

#[derive(Template)]
#[template(path = "home/poc.html")]
pub struct PocHome {
    pub page: PageCtx,
    pub help: &'static str,
    pub kind_label: String,
    pub code: String,
    pub state_name: String,
    pub mine: Vec<EntryRowView>,
    /// Communications received and not opened yet.
    pub unread: i64,
    /// The PoC's challenges in running ping tests.
    pub challenges: Vec<ChallengeView>,
    /// The latest reports to the PoC's State (`reports/`).
    pub reports: Vec<ListedRow>,
    pub reports_heading: String,
    /// Whether the account exchanges STIX over TAXII (a technical PoC):
    /// its home links to how its client connects.
    pub taxii: bool,
}

/// The secretariat's ping tests card: the running campaigns, the first
/// with its counts.
#[derive(Default)]
pub struct PingCard {
    pub running: i64,
    pub first: Option<PingLatest>,
}

/// A campaign's counts on a home (for a nominator, its own State's).
pub struct PingLatest {
    pub id: i64,
    pub title: String,
    pub status: String,
    /// "3 of 4 PoCs answered", in the reader's language.
    pub counts: String,
}

/// One of a PoC's challenges on its home.
pub struct ChallengeView {
    pub id: i64,
    pub title: String,
    pub poc_name: String,
    pub answer_by: String,
    pub answered: bool,
    pub late: bool,
}

fn counts(page: &PageCtx, id: &str, reached: u64, total: u64) -> String {
    let n = |v: u64| pocdir_i18n::FluentArg::Number(i64::try_from(v).unwrap_or(i64::MAX));
    page.tr
        .t_args(id, &[("reached", n(reached)), ("total", n(total))])
}

/// The running campaigns and the counts of the latest (the secretariat).
async fn ping_card(state: &AppState, page: &PageCtx, me: &SignedIn) -> Result<PingCard, AppError> {
    let settings = crate::ping_tests::settings(state);
    let service = crate::ping_tests::service(state, &settings);
    let now = state.clock.now();
    let mut running: Vec<_> = service
        .campaigns(&me.requester())
        .await?
        .into_iter()
        .filter(|c| c.status(now) == CampaignStatus::Running)
        .collect();
    running.sort_by_key(|c| std::cmp::Reverse((c.times.starts_at, c.id)));
    let first = match running.first() {
        Some(c) => {
            let r = service.results(&me.requester(), c.id, None).await?;
            Some(PingLatest {
                id: c.id,
                title: c.title.clone(),
                status: page.t(r.status.label_message()),
                counts: counts(
                    page,
                    "ping-home-reached",
                    r.overall.tally.reached(),
                    r.overall.tally.total(),
                ),
            })
        }
        None => None,
    };
    Ok(PingCard {
        running: i64::try_from(running.len()).unwrap_or(i64::MAX),
        first,
    })
}

/// The latest started campaign its State took part in, with the State's
/// counts (a nominator).
async fn ping_latest(
    state: &AppState,
    page: &PageCtx,
    me: &SignedIn,
    code: &str,
) -> Result<Option<PingLatest>, AppError> {
    let settings = crate::ping_tests::settings(state);
    let service = crate::ping_tests::service(state, &settings);
    let mut started: Vec<_> = service
        .campaigns(&me.requester())
        .await?
        .into_iter()
        .filter(|c| c.started_at.is_some())
        .collect();
    started.sort_by_key(|c| std::cmp::Reverse((c.times.starts_at, c.id)));
    for c in started {
        let r = service.results(&me.requester(), c.id, None).await?;
        if let Some(own) = r.states.iter().find(|s| s.participant == code) {
            return Ok(Some(PingLatest {
                id: c.id,
                title: c.title.clone(),
                status: page.t(r.status.label_message()),
                counts: counts(
                    page,
                    "ping-home-reached-own",
                    own.tally.reached(),
                    own.tally.total(),
                ),
            }));
        }
    }
    Ok(None)
}

#[derive(Template)]
#[template(path = "home/auditor.html")]
pub struct AuditorHome {
    pub page: PageCtx,
    pub help: &'static str,
    pub size: u64,
    pub signed_at: String,
    pub root: String,
    pub recent: Vec<EntryRow>,
}

#[derive(Template)]
#[template(path = "home/reporter.html")]
pub struct ReporterHome {
    pub page: PageCtx,
    pub help: &'static str,
    /// Its organisation and status (`reporters/`), when vetted through the form.
    pub organisation: String,
    pub status: String,
    pub status_key: &'static str,
    /// Why it was suspended, when it is.
    pub reason: String,
    /// Approved: it may send reports.
    pub may_send: bool,
    /// Its latest reports and each State's status (`reports/`).
    pub reports: Vec<ListedRow>,
    pub reports_heading: String,
}

async fn state_name(state: &AppState, page: &PageCtx, code: &str) -> Result<String, AppError> {
    Ok(state
        .store
        .participant(code)
        .await?
        .map(|p| p.names.in_language(page.lang.code()).to_string())
        .unwrap_or_else(|| code.to_string()))
}

/// The home of the signed-in account `me`.
pub async fn home(state: &AppState, page: PageCtx, me: &SignedIn) -> Result<Response, AppError> {
    let help = Topic::for_kind(me.account.kind).href();
    match me.account.kind {
        AccountKind::Secretariat => secretariat(state, page, me, help).await,
        AccountKind::Nominator => nominator(state, page, me, help).await,
        AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc => poc(state, page, me, help).await,
        AccountKind::Auditor => auditor(state, page, me, help).await,
        AccountKind::Reporter => reporter(state, page, me, help).await,
    }
}

/// A reporter's home: its organisation and where it stands; a suspended
/// reporter still signs in and is told why nothing it sends goes out.
async fn reporter(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    help: &'static str,
) -> Result<Response, AppError> {
    let profile = state.store.reporter_of_account(me.account.id).await?;
    let may_send = profile
        .as_ref()
        .is_some_and(|r| r.status == pocdir_domain::reporter::ReporterStatus::Approved);
    let reports = listed_rows(state, &page, me, None, HOME_REPORTS).await?;
    let reports_heading = page.t("reports-page-home-reporter");
    let (organisation, status, status_key, reason) = match profile {
        Some(r) => (
            r.organisation,
            page.t(r.status.label_message()),
            r.status.as_str(),
            if r.status == pocdir_domain::reporter::ReporterStatus::Suspended {
                r.status_reason.unwrap_or_default()
            } else {
                String::new()
            },
        ),
        None => (String::new(), String::new(), "", String::new()),
    };
    Ok(render(
        StatusCode::OK,
        &ReporterHome {
            page,
            help,
            organisation,
            status,
            status_key,
            reason,
            may_send,
            reports,
            reports_heading,
        },
    ))
}

async fn secretariat(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    help: &'static str,
) -> Result<Response, AppError> {
    let store = state.store.as_ref();
    let now = state.clock.now();
    let policy = state.config.revalidation_policy();
    let queue = overview::nominations_waiting(store, &me.actor)
        .await?
        .unwrap_or_default();
    let overdue_pocs = overview::overdue_everywhere(store, &me.actor, &policy, now)
        .await?
        .unwrap_or_default();
    let overdue_total = overdue_pocs.len();
    let mut overdue = Vec::new();
    for poc in overdue_pocs.into_iter().take(SHORT) {
        let name = state_name(state, &page, &poc.participant).await?;
        let e = overview::entry_due(poc, &policy, now);
        overdue.push(entry_view(&page, &e, &name, now));
    }
    let allowed = |a| decide(Some(&me.actor), a) == Decision::Allow;
    let mail = if allowed(Action::ViewOutbox) {
        state.store.mail_counts().await?
    } else {
        MailCounts::default()
    };
    let refusals = if allowed(Action::AuditLog) {
        let filter = LogFilter {
            action: Some(LogAction::AccessRefused.as_str().to_string()),
            ..LogFilter::default()
        };
        let entries = state.store.search_log(&filter, None, SHORT as u64).await?;
        rows_for(state, me, &page.tr, &entries).await?
    } else {
        Vec::new()
    };
    let ping = ping_card(state, &page, me).await?;
    Ok(render(
        StatusCode::OK,
        &SecretariatHome {
            ping,
            page,
            help,
            queue,
            overdue_total,
            overdue,
            mail,
            refusals,
        },
    ))
}

async fn nominator(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    help: &'static str,
) -> Result<Response, AppError> {
    let code = me.account.participant.clone().unwrap_or_default();
    let now = state.clock.now();
    let policy = state.config.revalidation_policy();
    let entries =
        overview::own_state_entries(state.store.as_ref(), &me.actor, &policy, now).await?;
    let state_name = state_name(state, &page, &code).await?;
    let pending = entries
        .iter()
        .filter(|e| e.poc.pending_action.is_some())
        .count();
    let overdue = entries.iter().filter(|e| e.overdue).count();
    let entries = entries
        .iter()
        .map(|e| entry_view(&page, e, &state_name, now))
        .collect();
    let ping = ping_latest(state, &page, me, &code).await?;
    Ok(render(
        StatusCode::OK,
        &NominatorHome {
            ping,
            page,
            help,
            code,
            state_name,
            entries,
            pending,
            overdue,
        },
    ))
}

async fn poc(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    help: &'static str,
) -> Result<Response, AppError> {
    let code = me.account.participant.clone().unwrap_or_default();
    let now = state.clock.now();
    let policy = state.config.revalidation_policy();
    let entries =
        overview::own_state_entries(state.store.as_ref(), &me.actor, &policy, now).await?;
    let state_name = state_name(state, &page, &code).await?;
    let linked = state.store.pocs_of_account(me.account.id).await?;
    let mine = overview::entries_of_account(&entries, &me.account.email, &linked)
        .into_iter()
        .map(|e| entry_view(&page, e, &state_name, now))
        .collect();
    let settings = crate::communications::settings(state);
    let unread = crate::communications::service(state, &settings)
        .unread(&me.requester())
        .await?;
    let ping_settings = crate::ping_tests::settings(state);
    let mut challenges: Vec<ChallengeView> = crate::ping_tests::service(state, &ping_settings)
        .my_challenges(&me.requester())
        .await?
        .into_iter()
        .filter(|o| o.campaign.status(now) == CampaignStatus::Running)
        .map(|o| ChallengeView {
            id: o.challenge.id,
            title: o.campaign.title.clone(),
            poc_name: o.poc_name,
            answer_by: crate::http::format::local::minute(&page.tr, o.campaign.times.answer_by),
            answered: o.challenge.answered_at.is_some(),
            late: now > o.campaign.times.answer_by,
        })
        .collect();
    // What is still to answer first.
    challenges.sort_by_key(|c| (c.answered, c.id));
    let reports = listed_rows(state, &page, me, None, HOME_REPORTS).await?;
    let reports_heading = page.t("reports-page-home-poc");
    Ok(render(
        StatusCode::OK,
        &PocHome {
            challenges,
            reports,
            reports_heading,
            unread,
            taxii: pocdir_domain::policy::decide(
                Some(&me.actor),
                pocdir_domain::policy::Action::ReadThreatData,
            ) == pocdir_domain::policy::Decision::Allow,
            kind_label: page.t(me.account.kind.label_message()),
            page,
            help,
            code,
            state_name,
            mine,
        },
    ))
}

async fn auditor(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    help: &'static str,
) -> Result<Response, AppError> {
    let head = state.log.latest_head().await?;
    let entries = state
        .store
        .search_log(&LogFilter::default(), None, RECENT_ENTRIES)
        .await?;
    // As sentences, with the names the auditor may see (no PoC's).
    let recent = rows_for(state, me, &page.tr, &entries).await?;
    let signed_at = OffsetDateTime::from_unix_timestamp(head.timestamp)
        .map(|t| crate::http::format::local::second(&page.tr, t))
        .unwrap_or_default();
    Ok(render(
        StatusCode::OK,
        &AuditorHome {
            page,
            help,
            size: head.tree_size,
            signed_at,
            root: head.root_hash,
            recent,
        },
    ))
}
