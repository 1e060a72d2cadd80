//! The ping test service on a real store (SQLite, or PostgreSQL when
//! `POCDIR_TEST_BACKEND=postgres`) with a manual clock: whom a campaign
//! reaches, when it starts, reminders and escalation each once, answers by
//! token refused for every reason with nothing recorded, findings, results
//! per reader, the trend, and 200 answers at once through the group commit.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::clock::ManualClock;
use pocdir_domain::directory::participant::{ParticipantKind, ParticipationStatus};
use pocdir_domain::directory::poc::{PocDraft, PocRole};
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::ping_test::campaign::{
    CampaignDraft, CampaignKind, CampaignStatus, PingSettings, Scope, ScopeRoles,
};
use pocdir_domain::ping_test::challenge::{
    AnswerChannel, AnswerRefusal, OtherChannelFinding, Outcome,
};
use pocdir_domain::ping_test::results::Tally;
use pocdir_domain::policy::{Actor, Scopes};
use pocdir_domain::requester::Requester;
use pocdir_ping_tests::{DirectWriter, GroupCommit, PingError, PingTests, Settings};
use pocdir_store::postgres::PostgresStore;
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{ChallengeFilter, Mail, NewAccount, NewParticipant, ParticipantNames, Store};
use std::collections::BTreeMap;
use std::sync::Arc;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2030-03-02 08:00:00 UTC);
const BASE: &str = "https://pocdir.example.org";

struct World {
    store: Arc<dyn Store>,
    clock: ManualClock,
    settings: Settings,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<PgDatabase>,
    secretariat: Requester,
    pak_tech: Requester,
    fra_tech: Requester,
    deu_tech: Requester,
    /// PoC entries by name.
    pocs: BTreeMap<&'static str, i64>,
}

impl World {
    fn service(&self) -> PingTests<'_> {
        PingTests::new(self.store.as_ref(), &self.clock, &self.settings)
    }

    async fn log_size(&self) -> u64 {
        self.store.log_size().await.unwrap()
    }

    async fn mails(&self) -> Vec<Mail> {
        let mut m = self.store.mails(None, 100_000).await.unwrap();
        m.sort_by_key(|m| m.id);
        m
    }

    /// The one-time token mailed to `recipient` in campaign `id`'s challenge.
    async fn token_of(&self, id: i64, recipient: &str) -> String {
        let mail = self
            .mails()
            .await
            .into_iter()
            .find(|m| {
                m.recipient == recipient
                    && m.dedupe_key.starts_with(&format!("ping:{id}:poc:"))
                    && m.dedupe_key.ends_with(":challenge")
            })
            .unwrap_or_else(|| panic!("no challenge mail to {recipient} in {id}"));
        token_in(&mail.body)
    }
}

fn token_in(body: &str) -> String {
    let at = body.find(&format!("{BASE}/ping/pdp_")).expect("a link") + BASE.len() + 6;
    body[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

fn draft(action: LogAction) -> LogDraft {
    LogDraft::new(T0, LogActor::console(), action, "x".to_string())
}

fn participant(code: &str, region: &str) -> NewParticipant {
    let names = ParticipantNames {
        ar: code.into(),
        zh: code.into(),
        en: code.into(),
        es: code.into(),
        fr: code.into(),
        ru: code.into(),
    };
    NewParticipant {
        code: code.to_string(),
        alpha2: None,
        m49: None,
        kind: ParticipantKind::MemberState,
        region: region.to_string(),
        subregion: "S".to_string(),
        names,
        at: T0,
    }
}

async fn account(
    store: &dyn Store,
    email: &str,
    kind: AccountKind,
    state: Option<&str>,
    language: &str,
) -> Requester {
    let a = store
        .create_account(
            NewAccount {
                email: email.to_string(),
                kind,
                participant: state.map(str::to_string),
                display_name: email.to_string(),
                password_hash: "$argon2id$x".to_string(),
                totp_secret: None,
                totp_enrolled: false,
                demo: false,
                password_change_required: false,
                created_at: T0,
            },
            draft(LogAction::AccountCreate),
        )
        .await
        .unwrap();
    store
        .set_account_language(a.id, Some(language), draft(LogAction::AccountCreate))
        .await
        .unwrap();
    Requester {
        actor: Actor {
            account_id: a.id,
            kind,
            participant: state.map(|s| ParticipantCode::parse(s).unwrap()),
            scopes: Scopes::ALL,
        },
        log: a.log_actor(),
    }
}

/// An approved PoC entry; linked to `account` when given. Its id.
async fn poc(
    store: &dyn Store,
    state: &str,
    role: PocRole,
    name: &str,
    email: &str,
    languages: &[&str],
    account: Option<i64>,
) -> i64 {
    let details = PocDraft {
        role: role.as_str().to_string(),
        name: name.to_string(),
        organisation: "Org".to_string(),
        emails: vec![email.to_string()],
        languages: languages.iter().map(|l| l.to_string()).collect(),
        time_zone: "Europe/Paris".to_string(),
        hours: "24/7".to_string(),
        ..PocDraft::default()
    }
    .validate(T0)
    .unwrap();
    let p = store
        .propose_poc(
            state,
            role,
            &serde_json::to_string(&details).unwrap(),
            None,
            T0,
            draft(LogAction::PocPropose),
        )
        .await
        .unwrap();
    let d = store
        .decide_poc(
            p.id,
            p.version,
            true,
            None,
            None,
            T0,
            draft(LogAction::PocApprove),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    if let Some(account) = account {
        store
            .link_poc_account(d.poc.id, account, T0, draft(LogAction::AccountPocLink))
            .await
            .unwrap();
    }
    d.poc.id
}

/// Drops a test's PostgreSQL database when the test ends, even by a panic.
struct PgDatabase(String);

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let name = std::mem::take(&mut self.0);
        let _ = std::thread::spawn(move || {
            use sqlx::Connection;
            let admin = std::env::var("POCDIR_TEST_POSTGRES_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
            if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                rt.block_on(async {
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                        let _ =
                            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut conn)
                                .await;
                        let _ = conn.close().await;
                    }
                });
            }
        })
        .join();
    }
}

async fn open_store() -> (
    Option<tempfile::TempDir>,
    Option<PgDatabase>,
    Arc<dyn Store>,
) {
    let keys = pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy)).unwrap();
    if matches!(
        std::env::var("POCDIR_TEST_BACKEND").as_deref(),
        Ok("postgres") | Ok("postgresql") | Ok("pg")
    ) {
        use sqlx::Connection;
        let admin = std::env::var("POCDIR_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
        let bytes: [u8; 6] =
            pocdir_domain::entropy::random_bytes(&pocdir_domain::entropy::OsEntropy);
        let name = format!("pocdir_pingsvc_{}", hex::encode(bytes));
        let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let _ = conn.close().await;
        let mut url = url::Url::parse(&admin).unwrap();
        url.set_path(&name);
        let guard = PgDatabase(name);
        let store = PostgresStore::open(url.as_str(), keys).await.unwrap();
        return (None, Some(guard), Arc::new(store));
    }
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("p.db").display());
    let store = SqliteStore::open(&url, keys).await.unwrap();
    (Some(dir), None, Arc::new(store))
}

/// PAK (Asia), FRA and DEU (Europe) participate; XYZ had a PoC and left.
/// FRA also has a withdrawn PoC.
async fn world() -> World {
    let (dir, pg, store) = open_store().await;
    let s = store.as_ref();
    s.seed_participants(
        &[
            participant("PAK", "Asia"),
            participant("FRA", "Europe"),
            participant("DEU", "Europe"),
            participant("XYZ", "Europe"),
        ],
        draft(LogAction::ParticipantsSeed),
    )
    .await
    .unwrap();
    use AccountKind::*;
    let secretariat = account(s, "ops@un.example", Secretariat, None, "en").await;
    let pak_tech = account(s, "cert@pak.example", TechnicalPoc, Some("PAK"), "en").await;
    let fra_tech = account(s, "cert@fra.example", TechnicalPoc, Some("FRA"), "fr").await;
    let deu_tech = account(s, "cert@deu.example", TechnicalPoc, Some("DEU"), "en").await;
    account(s, "nom@pak.example", Nominator, Some("PAK"), "en").await;
    account(s, "nom@fra.example", Nominator, Some("FRA"), "fr").await;
    account(s, "nom2@fra.example", Nominator, Some("FRA"), "es").await;
    account(s, "nom@deu.example", Nominator, Some("DEU"), "en").await;
    let mut pocs = BTreeMap::new();
    let t = PocRole::Technical;
    let d = PocRole::Diplomatic;
    pocs.insert(
        "pak-tech",
        poc(
            s,
            "PAK",
            t,
            "PAK CERT",
            "cert@pak.example",
            &["en"],
            Some(pak_tech.account_id()),
        )
        .await,
    );
    pocs.insert(
        "pak-dip",
        poc(s, "PAK", d, "PAK MFA", "mofa@pak.example", &["ar"], None).await,
    );
    pocs.insert(
        "fra-tech",
        poc(
            s,
            "FRA",
            t,
            "FRA CERT",
            "cert@fra.example",
            &["en"],
            Some(fra_tech.account_id()),
        )
        .await,
    );
    pocs.insert(
        "fra-dip",
        poc(s, "FRA", d, "FRA MAE", "mae@fra.example", &["fr"], None).await,
    );
    pocs.insert(
        "deu-tech",
        poc(
            s,
            "DEU",
            t,
            "DEU CERT",
            "cert@deu.example",
            &["de", "en"],
            Some(deu_tech.account_id()),
        )
        .await,
    );
    pocs.insert(
        "xyz-tech",
        poc(s, "XYZ", t, "XYZ CERT", "cert@xyz.example", &["en"], None).await,
    );
    let withdrawn = poc(s, "FRA", t, "FRA OLD", "old@fra.example", &["fr"], None).await;
    let p = s.poc(withdrawn).await.unwrap().unwrap();
    let p = s
        .propose_poc_withdrawal(
            p.id,
            p.version,
            None,
            None,
            T0,
            draft(LogAction::PocProposeWithdrawal),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    s.decide_poc(
        p.id,
        p.version,
        true,
        None,
        None,
        T0,
        draft(LogAction::PocApprove),
    )
    .await
    .unwrap()
    .applied()
    .unwrap();
    assert!(s
        .change_participant_status(
            "XYZ",
            ParticipationStatus::Participating,
            ParticipationStatus::NotParticipating,
            T0,
            draft(LogAction::ParticipantStatus),
        )
        .await
        .unwrap());
    World {
        store,
        clock: ManualClock::new(T0),
        settings: Settings {
            ping: PingSettings::default(),
            schedule: false,
            base_url: BASE.to_string(),
        },
        _dir: dir,
        _pg: pg,
        secretariat,
        pak_tech,
        fra_tech,
        deu_tech,
        pocs,
    }
}

fn adhoc(title: &str) -> CampaignDraft {
    CampaignDraft {
        title: title.to_string(),
        ..CampaignDraft::default()
    }
}

/// The PoCs a campaign reached, by name.
async fn reached(w: &World, id: i64) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = w
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap()
        .iter()
        .map(|c| *w.pocs.iter().find(|(_, id)| **id == c.poc_id).unwrap().0)
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn scope_reaches_active_pocs_of_participating_states_only() {
    let w = world().await;
    let svc = w.service();
    let everyone = svc
        .create(&w.secretariat, &adhoc("Everyone"))
        .await
        .unwrap();
    assert_eq!(
        reached(&w, everyone).await,
        vec!["deu-tech", "fra-dip", "fra-tech", "pak-dip", "pak-tech"]
    );
    let tech = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                scope: Scope {
                    roles: ScopeRoles::Technical,
                    ..Scope::default()
                },
                ..adhoc("Technical")
            },
        )
        .await
        .unwrap();
    assert_eq!(
        reached(&w, tech).await,
        vec!["deu-tech", "fra-tech", "pak-tech"]
    );
    let europe = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                scope: Scope {
                    regions: vec!["Europe".into()],
                    ..Scope::default()
                },
                ..adhoc("Europe")
            },
        )
        .await
        .unwrap();
    assert_eq!(
        reached(&w, europe).await,
        vec!["deu-tech", "fra-dip", "fra-tech"]
    );
    let pak_dip = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                scope: Scope {
                    roles: ScopeRoles::Diplomatic,
                    regions: vec![],
                    states: vec!["PAK".into()],
                },
                ..adhoc("PAK diplomats")
            },
        )
        .await
        .unwrap();
    assert_eq!(reached(&w, pak_dip).await, vec!["pak-dip"]);

    // A State that does not participate cannot be named.
    let log = w.log_size().await;
    let mails = w.mails().await.len();
    let campaigns = w.store.campaigns().await.unwrap().len();
    let err = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                scope: Scope {
                    states: vec!["XYZ".into()],
                    ..Scope::default()
                },
                ..adhoc("XYZ")
            },
        )
        .await
        .unwrap_err();
    match err {
        PingError::Invalid(e) => assert_eq!(e[0].message_id, "ping-error-state-unknown"),
        other => panic!("{other:?}"),
    }
    // A scope with nobody in it: refused, nothing written.
    let err = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                scope: Scope {
                    roles: ScopeRoles::Diplomatic,
                    regions: vec![],
                    states: vec!["DEU".into()],
                },
                ..adhoc("Nobody")
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(err, PingError::EmptyScope), "{err:?}");
    // Only the secretariat creates.
    assert!(matches!(
        svc.create(&w.pak_tech, &adhoc("Mine")).await,
        Err(PingError::NotFound)
    ));
    assert_eq!(w.log_size().await, log);
    assert_eq!(w.mails().await.len(), mails);
    assert_eq!(w.store.campaigns().await.unwrap().len(), campaigns);
}

#[tokio::test]
async fn a_start_in_the_past_is_refused_ad_hoc_starts_at_once() {
    let w = world().await;
    let svc = w.service();
    let log = w.log_size().await;
    let err = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                starts_at: Some(T0 - Duration::hours(2)),
                ..adhoc("Past")
            },
        )
        .await
        .unwrap_err();
    match err {
        PingError::Invalid(e) => {
            assert_eq!(
                e.iter()
                    .map(|e| (e.field.as_str(), e.message_id))
                    .collect::<Vec<_>>(),
                vec![("starts_at", "ping-error-start-past")]
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(w.log_size().await, log);

    let id = svc.create(&w.secretariat, &adhoc("Now")).await.unwrap();
    let c = w.store.campaign(id).await.unwrap().unwrap();
    assert_eq!(c.kind, CampaignKind::AdHoc);
    assert_eq!(c.stored_status, CampaignStatus::Running);
    assert_eq!(c.started_at, Some(T0));
    assert_eq!(c.times.answer_by, T0 + Duration::hours(72));
    assert_eq!(
        c.times.closes_at,
        T0 + Duration::hours(72) + Duration::days(7)
    );
    // One mail per PoC, in its language, with its link; and two entries.
    let mails = w.mails().await;
    assert_eq!(mails.len(), 5);
    let lang = |to: &str| {
        mails
            .iter()
            .find(|m| m.recipient == to)
            .unwrap()
            .language
            .clone()
    };
    assert_eq!(lang("cert@fra.example"), "fr", "the account's language");
    assert_eq!(lang("mae@fra.example"), "fr", "the PoC's working language");
    assert_eq!(lang("mofa@pak.example"), "ar");
    assert_eq!(lang("cert@deu.example"), "en");
    let mut tokens = std::collections::BTreeSet::new();
    for m in &mails {
        assert!(m.body.contains(&format!("{BASE}/ping/pdp_")), "{}", m.body);
        assert!(
            m.body.contains(&format!("{BASE}/ping-tests/about")),
            "{}",
            m.body
        );
        tokens.insert(token_in(&m.body));
    }
    assert_eq!(tokens.len(), 5, "a token each");
    assert_eq!(w.log_size().await, log + 2);
    // A start within the last minute counts as now.
    let almost = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                starts_at: Some(T0 - Duration::seconds(30)),
                ..adhoc("Almost now")
            },
        )
        .await
        .unwrap();
    assert_eq!(
        w.store.campaign(almost).await.unwrap().unwrap().kind,
        CampaignKind::AdHoc
    );
}

#[tokio::test]
async fn a_scheduled_campaign_starts_at_its_time_once() {
    let w = world().await;
    let svc = w.service();
    let at = T0 + Duration::days(2);
    let id = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                starts_at: Some(at),
                announced: true,
                ..adhoc("Scheduled")
            },
        )
        .await
        .unwrap();
    let c = w.store.campaign(id).await.unwrap().unwrap();
    assert_eq!(
        (c.kind, c.stored_status),
        (CampaignKind::Scheduled, CampaignStatus::Scheduled)
    );
    // Announced: a notice each, no challenge yet.
    let mails = w.mails().await;
    assert_eq!(mails.len(), 5);
    assert!(mails
        .iter()
        .all(|m| m.dedupe_key.ends_with(":notice") && !m.body.contains("/ping/pdp_")));
    assert!(reached(&w, id).await.is_empty());
    w.clock.set(at - Duration::seconds(1));
    assert_eq!(svc.start_due().await.unwrap(), 0);
    w.clock.set(at);
    assert_eq!(svc.start_due().await.unwrap(), 1);
    assert_eq!(reached(&w, id).await.len(), 5);
    assert_eq!(svc.start_due().await.unwrap(), 0);
    // Two instances at once: still once.
    let other = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                starts_at: Some(at + Duration::days(1)),
                ..adhoc("Race")
            },
        )
        .await
        .unwrap();
    w.clock.set(at + Duration::days(1));
    let (a, b) = tokio::join!(svc.start_due(), svc.start_due());
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(reached(&w, other).await.len(), 5);
    let challenges = w
        .mails()
        .await
        .iter()
        .filter(|m| m.dedupe_key.ends_with(":challenge"))
        .count();
    assert_eq!(challenges, 10);
    let c = w.store.campaign(id).await.unwrap().unwrap();
    assert_eq!(c.started_at, Some(at));
    assert_eq!(c.times.answer_by, at + Duration::hours(72));
}

fn reminders(mails: &[Mail], n: i64) -> Vec<String> {
    let mut to: Vec<String> = mails
        .iter()
        .filter(|m| m.dedupe_key.ends_with(&format!(":reminder:{n}")))
        .map(|m| m.recipient.clone())
        .collect();
    to.sort();
    to
}

#[tokio::test]
async fn reminders_at_24_and_48_hours_once_and_not_to_who_answered() {
    let w = world().await;
    let svc = w.service();
    let id = svc.create(&w.secretariat, &adhoc("Remind")).await.unwrap();
    let writer = DirectWriter(w.store.as_ref());
    w.clock.set(T0 + Duration::hours(1));
    let token = w.token_of(id, "cert@pak.example").await;
    svc.answer_with_token(&writer, &token, AnswerChannel::Link)
        .await
        .unwrap();
    w.clock.set(T0 + Duration::hours(24) - Duration::seconds(1));
    assert_eq!(svc.remind_due().await.unwrap(), 0);
    w.clock.set(T0 + Duration::hours(24));
    assert_eq!(svc.remind_due().await.unwrap(), 4);
    assert_eq!(svc.remind_due().await.unwrap(), 0);
    w.clock.set(T0 + Duration::hours(30));
    assert_eq!(svc.remind_due().await.unwrap(), 0);
    let mails = w.mails().await;
    assert_eq!(
        reminders(&mails, 1),
        vec![
            "cert@deu.example",
            "cert@fra.example",
            "mae@fra.example",
            "mofa@pak.example"
        ]
    );
    // The reminder carries the same link as the challenge.
    let fra = mails
        .iter()
        .find(|m| m.recipient == "cert@fra.example" && m.dedupe_key.ends_with(":reminder:1"))
        .unwrap();
    assert_eq!(
        token_in(&fra.body),
        w.token_of(id, "cert@fra.example").await
    );
    assert_eq!(fra.language, "fr");
    // FRA's CERT answers in the portal; the second reminder skips it.
    let challenge = w
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.poc_id == w.pocs["fra-tech"])
        .unwrap();
    svc.answer_signed_in(&writer, &w.fra_tech, challenge.id, AnswerChannel::Portal)
        .await
        .unwrap();
    w.clock.set(T0 + Duration::hours(48));
    let (a, b) = tokio::join!(svc.remind_due(), svc.remind_due());
    assert_eq!(a.unwrap() + b.unwrap(), 3, "two instances: once each");
    assert_eq!(svc.remind_due().await.unwrap(), 0);
    let mails = w.mails().await;
    assert_eq!(
        reminders(&mails, 2),
        vec!["cert@deu.example", "mae@fra.example", "mofa@pak.example"]
    );
    assert_eq!(reminders(&mails, 1).len(), 4);
    // After the window: nothing more.
    w.clock.set(T0 + Duration::hours(80));
    assert_eq!(svc.remind_due().await.unwrap(), 0);
    assert_eq!(w.mails().await.len(), mails.len());
}

#[tokio::test]
async fn a_cancelled_campaign_sends_no_reminders_and_refuses_answers() {
    let w = world().await;
    let svc = w.service();
    let id = svc.create(&w.secretariat, &adhoc("Cancel")).await.unwrap();
    w.clock.set(T0 + Duration::hours(2));
    // Only the secretariat cancels.
    assert!(matches!(
        svc.cancel(&w.pak_tech, id).await,
        Err(PingError::NotFound)
    ));
    svc.cancel(&w.secretariat, id).await.unwrap();
    assert!(matches!(
        svc.cancel(&w.secretariat, id).await,
        Err(PingError::NotAllowed("ping-error-cancel-over"))
    ));
    w.clock.set(T0 + Duration::hours(24));
    assert_eq!(svc.remind_due().await.unwrap(), 0);
    let token = w.token_of(id, "cert@pak.example").await;
    let log = w.log_size().await;
    let writer = DirectWriter(w.store.as_ref());
    let err = svc
        .answer_with_token(&writer, &token, AnswerChannel::Link)
        .await
        .unwrap_err();
    assert!(
        matches!(err, PingError::Refused(AnswerRefusal::Cancelled)),
        "{err:?}"
    );
    assert!(matches!(
        svc.pending(&token).await,
        Err(PingError::Refused(AnswerRefusal::Cancelled))
    ));
    assert_eq!(w.log_size().await, log);
    assert!(w
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap()
        .iter()
        .all(|c| c.answered_at.is_none()));
    // The results say so: nobody answered.
    let r = svc.results(&w.secretariat, id, None).await.unwrap();
    assert_eq!(r.status, CampaignStatus::Cancelled);
    assert_eq!(r.overall.tally.no_answer, 5);
    assert!(svc.open_challenges(&w.pak_tech).await.unwrap().is_empty());
}

#[tokio::test]
async fn answers_by_token_refused_for_each_reason_and_late_ones_recorded_late() {
    let w = world().await;
    let svc = w.service();
    let id = svc.create(&w.secretariat, &adhoc("Tokens")).await.unwrap();
    let writer = DirectWriter(w.store.as_ref());
    let pak = w.token_of(id, "cert@pak.example").await;
    let fra = w.token_of(id, "cert@fra.example").await;
    let deu = w.token_of(id, "cert@deu.example").await;
    let mofa = w.token_of(id, "mofa@pak.example").await;
    let log = w.log_size().await;
    let refused = |r: Result<_, PingError>| match r {
        Err(PingError::Refused(why)) => why,
        other => panic!("{other:?}"),
    };
    // Forged: a well-formed token nobody was given, and garbage.
    let forged = format!("pdp_{}", "A".repeat(43));
    assert_eq!(
        refused(
            svc.answer_with_token(&writer, &forged, AnswerChannel::Link)
                .await
        ),
        AnswerRefusal::Unknown
    );
    for junk in [
        "",
        "pdp_",
        "not-a-token",
        &format!("{pak}x"),
        &pak[..pak.len() - 1],
    ] {
        assert_eq!(
            refused(
                svc.answer_with_token(&writer, junk, AnswerChannel::Link)
                    .await
            ),
            AnswerRefusal::Unknown,
            "{junk}"
        );
    }
    assert_eq!(w.log_size().await, log);
    // The page shows before anything is recorded.
    let pending = svc.pending(&pak).await.unwrap();
    assert_eq!((pending.participant.as_str(), pending.late), ("PAK", false));
    assert_eq!(w.log_size().await, log);
    // Used once, then refused as used.
    w.clock.set(T0 + Duration::hours(3));
    let ok = svc
        .answer_with_token(&writer, &pak, AnswerChannel::Link)
        .await
        .unwrap();
    assert_eq!(
        (ok.outcome, ok.at),
        (Outcome::InTime, T0 + Duration::hours(3))
    );
    assert_eq!(w.log_size().await, log + 1);
    assert_eq!(
        refused(
            svc.answer_with_token(&writer, &pak, AnswerChannel::Api)
                .await
        ),
        AnswerRefusal::Used
    );
    assert_eq!(w.log_size().await, log + 1);
    // After the window, before the close: recorded, late.
    w.clock.set(T0 + Duration::hours(80));
    assert!(svc.pending(&fra).await.unwrap().late);
    let late = svc
        .answer_with_token(&writer, &fra, AnswerChannel::Api)
        .await
        .unwrap();
    assert_eq!(late.outcome, Outcome::Late);
    // After the close: expired, nothing recorded.
    w.clock.set(T0 + Duration::hours(72) + Duration::days(7));
    let log = w.log_size().await;
    assert_eq!(
        refused(
            svc.answer_with_token(&writer, &deu, AnswerChannel::Link)
                .await
        ),
        AnswerRefusal::Expired
    );
    assert_eq!(
        refused(
            svc.answer_with_token(&writer, &mofa, AnswerChannel::Link)
                .await
        ),
        AnswerRefusal::Expired
    );
    assert_eq!(w.log_size().await, log);
    let r = svc.results(&w.secretariat, id, None).await.unwrap();
    assert_eq!(r.status, CampaignStatus::Finished);
    assert_eq!(
        r.overall.tally,
        Tally {
            in_time: 1,
            late: 1,
            no_answer: 3,
            ..Tally::default()
        }
    );
    let mut lines = Vec::new();
    for state in ["PAK", "FRA", "DEU"] {
        lines.extend(
            svc.results(&w.secretariat, id, Some(state))
                .await
                .unwrap()
                .pocs,
        );
    }
    let line = |name: &str| {
        lines
            .iter()
            .find(|p| p.challenge.poc_id == w.pocs[name])
            .unwrap()
            .clone()
    };
    assert_eq!(line("pak-tech").response_seconds, Some(3 * 3600));
    assert_eq!(line("fra-tech").outcome, Outcome::Late);
    assert_eq!(line("fra-tech").challenge.channel, Some(AnswerChannel::Api));
    assert_eq!(line("deu-tech").outcome, Outcome::NoAnswer);
}

#[tokio::test]
async fn findings_by_another_channel() {
    let w = world().await;
    let svc = w.service();
    let id = svc.create(&w.secretariat, &adhoc("Phone")).await.unwrap();
    let ch = w
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap();
    let of = |name: &str| ch.iter().find(|c| c.poc_id == w.pocs[name]).unwrap().id;
    w.clock.set(T0 + Duration::hours(5));
    // Not for PoCs.
    assert!(matches!(
        svc.record_finding(&w.pak_tech, of("pak-dip"), OtherChannelFinding::Reached, "")
            .await,
        Err(PingError::NotFound)
    ));
    // A bad note.
    assert!(matches!(
        svc.record_finding(
            &w.secretariat,
            of("pak-dip"),
            OtherChannelFinding::Reached,
            "a\u{7}b"
        )
        .await,
        Err(PingError::Invalid(_))
    ));
    let log = w.log_size().await;
    svc.record_finding(
        &w.secretariat,
        of("pak-dip"),
        OtherChannelFinding::Reached,
        "Reached the duty officer by phone",
    )
    .await
    .unwrap();
    svc.record_finding(
        &w.secretariat,
        of("fra-dip"),
        OtherChannelFinding::NotReached,
        "No answer on +33 1 00 00 00 00",
    )
    .await
    .unwrap();
    assert_eq!(w.log_size().await, log + 2);
    // Answered already: refused.
    assert!(matches!(
        svc.record_finding(
            &w.secretariat,
            of("pak-dip"),
            OtherChannelFinding::NotReached,
            ""
        )
        .await,
        Err(PingError::Refused(AnswerRefusal::Used))
    ));
    assert_eq!(w.log_size().await, log + 2);
    // The note is not in the log entry (only its hash).
    let entries = w.store.log_entries(log, log + 2).await.unwrap();
    assert!(entries.iter().all(|e| e.entry.action == "ping_test.record"));
    let r = svc.results(&w.secretariat, id, None).await.unwrap();
    // Needs only_state for PoC lines; none without.
    assert!(r.pocs.is_empty());
    let r = svc.results(&w.secretariat, id, Some("PAK")).await.unwrap();
    let pak_dip = r
        .pocs
        .iter()
        .find(|p| p.challenge.poc_id == w.pocs["pak-dip"])
        .unwrap();
    assert_eq!(pak_dip.outcome, Outcome::InTime);
    assert_eq!(pak_dip.challenge.channel, Some(AnswerChannel::OtherChannel));
    assert_eq!(
        pak_dip.challenge.note.as_deref(),
        Some("Reached the duty officer by phone")
    );
    let r = svc.results(&w.secretariat, id, Some("FRA")).await.unwrap();
    let fra_dip = r
        .pocs
        .iter()
        .find(|p| p.challenge.poc_id == w.pocs["fra-dip"])
        .unwrap();
    assert_eq!(fra_dip.outcome, Outcome::NoAnswer);
    // Not reached by phone, the PoC may still answer by its link.
    let writer = DirectWriter(w.store.as_ref());
    let token = w.token_of(id, "mae@fra.example").await;
    assert_eq!(
        svc.answer_with_token(&writer, &token, AnswerChannel::Link)
            .await
            .unwrap()
            .outcome,
        Outcome::InTime
    );
}

#[tokio::test]
async fn escalation_mails_each_states_nominators_once_with_the_unanswered() {
    let w = world().await;
    let svc = w.service();
    let id = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                escalate: true,
                ..adhoc("Escalate")
            },
        )
        .await
        .unwrap();
    let quiet = svc.create(&w.secretariat, &adhoc("Quiet")).await.unwrap();
    let writer = DirectWriter(w.store.as_ref());
    // DEU answers in time; PAK's CERT late; FRA not at all.
    w.clock.set(T0 + Duration::hours(1));
    let deu = w.token_of(id, "cert@deu.example").await;
    svc.answer_with_token(&writer, &deu, AnswerChannel::Link)
        .await
        .unwrap();
    w.clock.set(T0 + Duration::hours(72) - Duration::seconds(1));
    assert_eq!(svc.escalate_due().await.unwrap(), 0);
    let pak = w.token_of(id, "cert@pak.example").await;
    w.clock.set(T0 + Duration::hours(72) + Duration::seconds(1));
    svc.answer_with_token(&writer, &pak, AnswerChannel::Link)
        .await
        .unwrap();
    let log = w.log_size().await;
    let (a, b) = tokio::join!(svc.escalate_due(), svc.escalate_due());
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(svc.escalate_due().await.unwrap(), 0);
    // One entry per State escalated.
    assert_eq!(w.log_size().await, log + 2);
    let mails = w.mails().await;
    let alerts: Vec<&Mail> = mails
        .iter()
        .filter(|m| m.dedupe_key.contains(":escalation:"))
        .collect();
    let mut to: Vec<(&str, &str)> = alerts
        .iter()
        .map(|m| (m.recipient.as_str(), m.language.as_str()))
        .collect();
    to.sort();
    assert_eq!(
        to,
        vec![
            ("nom2@fra.example", "es"),
            ("nom@fra.example", "fr"),
            ("nom@pak.example", "en"),
        ]
    );
    assert!(alerts
        .iter()
        .all(|m| m.dedupe_key.starts_with(&format!("ping:{id}:"))));
    let pak_alert = alerts
        .iter()
        .find(|m| m.recipient == "nom@pak.example")
        .unwrap();
    // Late is not in time: PAK's CERT is listed, with the diplomat.
    assert!(pak_alert.body.contains("PAK CERT") && pak_alert.body.contains("PAK MFA"));
    assert!(!pak_alert.body.contains("FRA"));
    assert!(pak_alert.body.contains(&format!("{BASE}/ping-tests/{id}")));
    let fra_alert = alerts
        .iter()
        .find(|m| m.recipient == "nom@fra.example")
        .unwrap();
    assert!(fra_alert.body.contains("FRA CERT") && fra_alert.body.contains("FRA MAE"));
    assert!(!fra_alert.body.contains("PAK"));
    // The campaign without escalation: nothing, ever.
    w.clock.set(T0 + Duration::days(20));
    assert_eq!(svc.escalate_due().await.unwrap(), 0);
    assert!(w.mails().await.iter().all(|m| !m
        .dedupe_key
        .starts_with(&format!("ping:{quiet}:escalation"))));
}

#[tokio::test]
async fn results_per_reader_and_the_trend() {
    let w = world().await;
    let svc = w.service();
    let writer = DirectWriter(w.store.as_ref());
    let first = svc.create(&w.secretariat, &adhoc("First")).await.unwrap();
    w.clock.set(T0 + Duration::hours(1));
    for to in ["cert@pak.example", "cert@fra.example", "mae@fra.example"] {
        let token = w.token_of(first, to).await;
        svc.answer_with_token(&writer, &token, AnswerChannel::Link)
            .await
            .unwrap();
    }
    w.clock.set(T0 + Duration::days(20));
    let second = svc.create(&w.secretariat, &adhoc("Second")).await.unwrap();
    w.clock.set(T0 + Duration::days(20) + Duration::hours(2));
    let token = w.token_of(second, "mofa@pak.example").await;
    svc.answer_with_token(&writer, &token, AnswerChannel::Link)
        .await
        .unwrap();

    // The secretariat: every State, and PoC lines of the one it picks.
    let all = svc.results(&w.secretariat, first, None).await.unwrap();
    assert_eq!(
        all.states
            .iter()
            .map(|s| s.participant.as_str())
            .collect::<Vec<_>>(),
        vec!["DEU", "FRA", "PAK"]
    );
    let fra = svc
        .results(&w.secretariat, first, Some("FRA"))
        .await
        .unwrap();
    assert_eq!(fra.pocs.len(), 2);
    assert!(fra.pocs.iter().all(|p| p.challenge.participant == "FRA"));
    assert!(fra.pocs.iter().any(|p| p.name == "FRA CERT"));
    // A PoC of PAK: its own State's lines only, whatever it asks for; the
    // overall figures are the same for everyone.
    for asked in [None, Some("FRA"), Some("DEU")] {
        let own = svc.results(&w.pak_tech, first, asked).await.unwrap();
        assert_eq!(
            own.states
                .iter()
                .map(|s| s.participant.as_str())
                .collect::<Vec<_>>(),
            vec!["PAK"]
        );
        assert_eq!(own.pocs.len(), 2);
        assert!(own.pocs.iter().all(|p| p.challenge.participant == "PAK"));
        assert_eq!(own.overall, all.overall);
    }
    assert_eq!(
        all.overall.tally,
        Tally {
            in_time: 3,
            no_answer: 2,
            ..Tally::default()
        }
    );
    let own = svc.results(&w.deu_tech, first, None).await.unwrap();
    assert_eq!(own.states[0].tally.no_answer, 1);
    // Not published: the public does not know it; published once finished.
    assert!(svc.public_figures(first).await.is_err());
    assert!(matches!(
        svc.publish(&w.secretariat, second).await,
        Err(PingError::NotAllowed("ping-error-publish-unfinished"))
    ));
    svc.publish(&w.secretariat, first).await.unwrap();
    assert!(matches!(
        svc.publish(&w.secretariat, first).await,
        Err(PingError::NotAllowed("ping-error-published-already"))
    ));
    let (_, figures) = svc.public_figures(first).await.unwrap();
    assert_eq!(figures, all.overall);

    // The trend: oldest first, overall and the reader's own State.
    let trend = svc.trend(&w.pak_tech, Some("FRA")).await.unwrap();
    assert_eq!(
        trend.iter().map(|p| p.campaign_id).collect::<Vec<_>>(),
        vec![first, second]
    );
    assert_eq!(
        trend[0].state,
        Some(Tally {
            in_time: 1,
            no_answer: 1,
            ..Tally::default()
        })
    );
    assert_eq!(
        trend[1].state,
        Some(Tally {
            in_time: 1,
            awaiting: 1,
            ..Tally::default()
        })
    );
    assert_eq!(trend[0].overall, all.overall.tally);
    assert_eq!(
        trend[1].overall,
        Tally {
            in_time: 1,
            awaiting: 4,
            ..Tally::default()
        }
    );
    let secretariat = svc.trend(&w.secretariat, Some("FRA")).await.unwrap();
    assert_eq!(
        secretariat[0].state,
        Some(Tally {
            in_time: 2,
            ..Tally::default()
        })
    );
    assert_eq!(
        svc.trend(&w.secretariat, None).await.unwrap()[0].state,
        None
    );
    let _ = &w.fra_tech;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_answers_at_once_through_the_group_commit() {
    const N: usize = 200;
    let w = world().await;
    // 200 more PoCs, technical, of FRA.
    for i in 0..N - 5 {
        poc(
            w.store.as_ref(),
            "FRA",
            PocRole::Technical,
            &format!("FRA PoC {i}"),
            &format!("poc{i}@fra.example"),
            &["fr"],
            None,
        )
        .await;
    }
    let id = w
        .service()
        .create(&w.secretariat, &adhoc("Burst"))
        .await
        .unwrap();
    let mails = w.mails().await;
    let tokens: Vec<String> = mails
        .iter()
        .filter(|m| m.dedupe_key.starts_with(&format!("ping:{id}:")))
        .map(|m| token_in(&m.body))
        .collect();
    assert_eq!(tokens.len(), N);
    w.clock.set(T0 + Duration::minutes(5));
    let log = w.log_size().await;
    let writer = GroupCommit::start(w.store.clone());
    let clock = Arc::new(w.clock.clone());
    let settings = Arc::new(w.settings.clone());
    let started = std::time::Instant::now();
    let tasks: Vec<_> = tokens
        .iter()
        .cloned()
        .map(|token| {
            let (store, clock, settings, writer) = (
                w.store.clone(),
                clock.clone(),
                settings.clone(),
                writer.clone(),
            );
            tokio::spawn(async move {
                PingTests::new(store.as_ref(), clock.as_ref(), &settings)
                    .answer_with_token(&writer, &token, AnswerChannel::Link)
                    .await
            })
        })
        .collect();
    let mut answered = Vec::new();
    for t in tasks {
        answered.push(t.await.unwrap().unwrap());
    }
    let took = started.elapsed();
    eprintln!("{N} answers through the group commit in {took:?}");
    assert!(answered.iter().all(|a| a.outcome == Outcome::InTime));
    let mut ids: Vec<i64> = answered.iter().map(|a| a.challenge_id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), N);
    // All recorded; the log grew by exactly one entry per answer.
    let challenges = w
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap();
    assert!(challenges.iter().all(|c| c.answered_at.is_some()));
    assert_eq!(w.log_size().await, log + N as u64);
    let entries = w.store.log_entries(log, log + N as u64 + 10).await.unwrap();
    let mut objects: Vec<String> = entries.iter().map(|e| e.entry.object.clone()).collect();
    assert!(entries.iter().all(|e| e.entry.action == "ping_test.answer"));
    objects.sort();
    objects.dedup();
    assert_eq!(objects.len(), N, "one entry per challenge");
    // Again at once: every one refused as used, nothing written.
    let tasks: Vec<_> = tokens
        .iter()
        .take(50)
        .cloned()
        .map(|token| {
            let (store, clock, settings, writer) = (
                w.store.clone(),
                clock.clone(),
                settings.clone(),
                writer.clone(),
            );
            tokio::spawn(async move {
                PingTests::new(store.as_ref(), clock.as_ref(), &settings)
                    .answer_with_token(&writer, &token, AnswerChannel::Link)
                    .await
            })
        })
        .collect();
    for t in tasks {
        assert!(matches!(
            t.await.unwrap(),
            Err(PingError::Refused(AnswerRefusal::Used))
        ));
    }
    assert_eq!(w.log_size().await, log + N as u64);
    let r = w.service().results(&w.secretariat, id, None).await.unwrap();
    assert_eq!(r.overall.tally.in_time, N as u64);
}

#[tokio::test]
async fn the_schedule_creates_the_next_campaign_once_every_period() {
    let w = world().await;
    let mut settings = w.settings.clone();
    let off = PingTests::new(w.store.as_ref(), &w.clock, &settings);
    assert_eq!(off.schedule_next().await.unwrap(), None, "off: nothing");
    settings.schedule = true;
    let svc = PingTests::new(w.store.as_ref(), &w.clock, &settings);
    let first = svc.schedule_next().await.unwrap().unwrap();
    let c = w.store.campaign(first).await.unwrap().unwrap();
    assert_eq!(c.kind, CampaignKind::Scheduled);
    assert_eq!(c.created_by, None);
    assert!(c.escalate);
    assert_eq!(c.scope, Scope::everyone());
    assert_eq!(c.times.starts_at, T0 + Duration::days(182));
    // One waits: no other.
    assert_eq!(svc.schedule_next().await.unwrap(), None);
    w.clock.set(T0 + Duration::days(30));
    assert_eq!(svc.schedule_next().await.unwrap(), None);
    assert_eq!(w.store.campaigns().await.unwrap().len(), 1);
    // Once it started, the next is due `every` after its start.
    w.clock.set(c.times.starts_at);
    assert_eq!(svc.start_due().await.unwrap(), 1);
    let next = svc.schedule_next().await.unwrap().unwrap();
    let n = w.store.campaign(next).await.unwrap().unwrap();
    assert_eq!(n.times.starts_at, c.times.starts_at + Duration::days(182));
    assert_eq!(svc.schedule_next().await.unwrap(), None);
    // An ad hoc campaign does not count for the schedule.
    svc.create(&w.secretariat, &adhoc("Ad hoc")).await.unwrap();
    assert_eq!(svc.schedule_next().await.unwrap(), None);
    assert_eq!(w.store.campaigns().await.unwrap().len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_scheduling_at_once_create_one_campaign() {
    let w = world().await;
    let mut settings = w.settings.clone();
    settings.schedule = true;
    let svc = PingTests::new(w.store.as_ref(), &w.clock, &settings);
    let (a, b, c) = tokio::join!(
        svc.schedule_next(),
        svc.schedule_next(),
        svc.schedule_next()
    );
    let created: Vec<i64> = [a, b, c].into_iter().filter_map(|r| r.unwrap()).collect();
    assert_eq!(created.len(), 1, "{created:?}");
    assert_eq!(w.store.campaigns().await.unwrap().len(), 1);
    // Later, with one waiting: still one.
    w.clock.set(T0 + Duration::days(1));
    let (a, b) = tokio::join!(svc.schedule_next(), svc.schedule_next());
    assert_eq!((a.unwrap(), b.unwrap()), (None, None));
    assert_eq!(w.store.campaigns().await.unwrap().len(), 1);
}
