//! The TAXII service on a real (SQLite) store: the collections every
//! installation has; who is told of which; an envelope kept object by
//! object, exactly as sent, its refusals in the status; pages walked with
//! a sealed `next` that cannot be forged or reused for other filters; an
//! inbox read by its own State only; statuses for their requester; and
//! deletions, each change logged. (The store's queries are checked on both
//! backends by the store's conformance suite.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_communications::taxii::{Taxii, TaxiiFailure};
use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::clock::ManualClock;
use pocdir_domain::directory::participant::{ParticipantKind, ParticipationStatus};
use pocdir_domain::entropy::SeededEntropy;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::policy::{Actor, Scopes};
use pocdir_domain::requester::Requester;
use pocdir_domain::taxii::collection::{CollectionKind, TaxiiRefusal};
use pocdir_domain::taxii::filter::Endpoint;
use pocdir_domain::taxii::page::NextProblem;
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{LogFilter, NewAccount, NewParticipant, ParticipantNames, Store};
use std::sync::Arc;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2026-12-01 08:00:00 UTC);
const KEY: &[u8] = b"a key that seals next tokens....";

struct World {
    store: Arc<dyn Store>,
    clock: ManualClock,
    entropy: SeededEntropy,
    _dir: tempfile::TempDir,
    pak: Requester,
    fra: Requester,
    deu: Requester,
    xyz: Requester,
    fra_dip: Requester,
    secretariat: Requester,
    reporter: Requester,
}

impl World {
    fn taxii(&self) -> Taxii<'_> {
        Taxii::new(self.store.as_ref(), &self.clock, &self.entropy, KEY)
    }

    async fn collection(&self, kind: &CollectionKind) -> String {
        self.store
            .taxii_collections()
            .await
            .unwrap()
            .into_iter()
            .find(|c| &c.rules.kind == kind)
            .unwrap()
            .id
    }

    async fn entries(&self, action: LogAction) -> usize {
        self.store
            .search_log(
                &LogFilter {
                    action: Some(action.as_str().into()),
                    ..LogFilter::default()
                },
                None,
                1000,
            )
            .await
            .unwrap()
            .len()
    }
}

fn draft(action: &str) -> LogDraft {
    LogDraft::new(
        T0,
        LogActor::console(),
        LogAction::from_stored(action).unwrap(),
        String::new(),
    )
}

fn participant(code: &str) -> NewParticipant {
    NewParticipant {
        code: code.to_string(),
        alpha2: Some(code[..2].to_string()),
        m49: None,
        kind: ParticipantKind::MemberState,
        region: "Europe".to_string(),
        subregion: "Western Europe".to_string(),
        names: ParticipantNames {
            ar: code.into(),
            zh: code.into(),
            en: code.into(),
            es: code.into(),
            fr: code.into(),
            ru: code.into(),
        },
        at: T0,
    }
}

async fn account(
    store: &Arc<dyn Store>,
    email: &str,
    kind: AccountKind,
    state: Option<&str>,
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
            draft("account.create"),
        )
        .await
        .unwrap();
    Requester {
        actor: Actor {
            account_id: a.id,
            kind,
            participant: state.map(|s| ParticipantCode::parse(s).unwrap()),
            scopes: Scopes::ALL,
        },
        log: LogActor {
            account_id: Some(a.id),
            kind: kind.as_str().to_string(),
            participant: state.map(str::to_string),
        },
    }
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy)).unwrap(),
        )
        .await
        .unwrap(),
    );
    store
        .seed_participants(
            &["PAK", "FRA", "DEU", "XYZ"].map(participant),
            draft("participants.seed"),
        )
        .await
        .unwrap();
    for code in ["PAK", "FRA", "DEU"] {
        assert!(store
            .change_participant_status(
                code,
                ParticipationStatus::NotParticipating,
                ParticipationStatus::Participating,
                T0,
                draft("participant.status"),
            )
            .await
            .unwrap());
    }
    use AccountKind::*;
    let w = World {
        pak: account(&store, "cert@pak", TechnicalPoc, Some("PAK")).await,
        fra: account(&store, "cert@fra", TechnicalPoc, Some("FRA")).await,
        deu: account(&store, "cert@deu", TechnicalPoc, Some("DEU")).await,
        xyz: account(&store, "cert@xyz", TechnicalPoc, Some("XYZ")).await,
        fra_dip: account(&store, "mae@fra", DiplomaticPoc, Some("FRA")).await,
        secretariat: account(&store, "ops@un", Secretariat, None).await,
        reporter: account(&store, "vendor@x", Reporter, None).await,
        store,
        clock: ManualClock::new(T0),
        entropy: SeededEntropy::new(11),
        _dir: dir,
    };
    w.taxii()
        .ensure_collections(&LogActor::console())
        .await
        .unwrap();
    w
}

fn indicator(n: u32, marking: Option<&str>) -> String {
    let refs = marking
        .map(|m| format!(r#","object_marking_refs":["{m}"]"#))
        .unwrap_or_default();
    format!(
        r#"{{"type":"indicator","spec_version":"2.1","id":"indicator--{n:08x}-1111-4111-8111-111111111111","created":"2026-11-30T09:00:00.000Z","modified":"2026-11-30T10:00:00.000Z","name":"C2 {n}","pattern":"[ipv4-addr:value = '203.0.113.{n}']","pattern_type":"stix","valid_from":"2026-11-30T09:00:00Z"{refs}}}"#
    )
}

const GREEN: &str = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
const RED: &str = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

fn envelope(objects: &[String]) -> String {
    format!("{{\"objects\": [{}]}}", objects.join(",\n  "))
}

fn pairs(raw: &[(&str, &str)]) -> Vec<(String, String)> {
    raw.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn collections_are_made_once_and_each_account_is_told_only_of_its_own() {
    let w = world().await;
    // Shared, intake, and the inboxes of the three participating States.
    assert_eq!(w.store.taxii_collections().await.unwrap().len(), 5);
    assert_eq!(w.entries(LogAction::TaxiiCreateCollection).await, 5);
    assert_eq!(
        w.taxii()
            .ensure_collections(&LogActor::console())
            .await
            .unwrap(),
        0
    );
    let fra_inbox = w
        .collection(&CollectionKind::Inbox {
            state: "FRA".into(),
        })
        .await;
    let told = |seen: Vec<pocdir_communications::taxii::SeenCollection>| {
        let mut v: Vec<(String, bool, bool)> = seen
            .into_iter()
            .map(|c| (c.record.title, c.can_read, c.can_write))
            .collect();
        v.sort();
        v
    };
    let t = w.taxii();
    assert_eq!(
        told(t.collections(&w.fra).await.unwrap()),
        [
            ("Inbox of DEU".to_string(), false, true),
            ("Inbox of FRA".to_string(), true, true),
            ("Inbox of PAK".to_string(), false, true),
            ("Shared: every participating State".to_string(), true, true),
        ]
    );
    assert_eq!(
        told(t.collections(&w.reporter).await.unwrap()),
        [("Intake: vetted reporters".to_string(), false, true)]
    );
    for nobody in [&w.xyz, &w.fra_dip, &w.secretariat] {
        assert!(t.collections(nobody).await.unwrap().is_empty());
        assert!(matches!(
            t.collection(nobody, &fra_inbox).await,
            Err(TaxiiFailure::NotFound)
        ));
    }
}

#[tokio::test]
async fn an_envelope_is_kept_object_by_object_and_read_back_exactly() {
    let w = world().await;
    let shared = w.collection(&CollectionKind::Shared).await;
    let t = w.taxii();
    let good = [indicator(1, Some(GREEN)), indicator(2, None)];
    let body = envelope(&[
        good[0].clone(),
        r#"{"type":"indicator","id":"indicator--nope"}"#.to_string(),
        good[1].clone(),
        indicator(3, Some(RED)),
    ]);
    let status = t.add(&w.fra, &shared, &body).await.unwrap();
    assert_eq!(status.successes.len(), 2);
    assert_eq!(status.failures.len(), 2);
    assert_eq!(status.failures[0].id, "indicator--nope");
    assert!(status.failures[0]
        .message
        .as_deref()
        .unwrap()
        .starts_with("stix-error-id"));
    assert!(status.failures[1]
        .message
        .as_deref()
        .unwrap()
        .contains("RED"));
    assert_eq!(w.entries(LogAction::TaxiiAdd).await, 1);

    // Pakistan reads them back exactly as France sent them.
    let page = t
        .page(&w.pak, &shared, Endpoint::Objects, None, &[])
        .await
        .unwrap();
    let jsons: Vec<&str> = page.objects.iter().map(|o| o.json.as_str()).collect();
    assert_eq!(jsons, [good[0].as_str(), good[1].as_str()]);
    assert!(!page.more);
    // The unmarked one took the shared collection's label.
    assert_eq!(
        page.objects[1].label,
        pocdir_domain::communication::tlp::TlpLabel::Green
    );
    // A State that does not take part is told nothing.
    assert!(matches!(
        t.page(&w.xyz, &shared, Endpoint::Objects, None, &[]).await,
        Err(TaxiiFailure::NotFound)
    ));
    // Not an envelope: refused whole, nothing kept.
    assert!(matches!(
        t.add(&w.fra, &shared, "[1, 2]").await,
        Err(TaxiiFailure::Envelope(_))
    ));
    assert_eq!(w.entries(LogAction::TaxiiAdd).await, 1);
}

#[tokio::test]
async fn pages_are_walked_with_a_next_that_cannot_be_forged() {
    let w = world().await;
    let shared = w.collection(&CollectionKind::Shared).await;
    let t = w.taxii();
    let objects: Vec<String> = (10..17).map(|n| indicator(n, None)).collect();
    t.add(&w.pak, &shared, &envelope(&objects)).await.unwrap();
    let mut seen = Vec::new();
    let mut next: Option<String> = None;
    loop {
        let mut raw = vec![("limit", "3")];
        if let Some(n) = &next {
            raw.push(("next", n.as_str()));
        }
        let page = t
            .page(&w.fra, &shared, Endpoint::Objects, None, &pairs(&raw))
            .await
            .unwrap();
        seen.extend(page.objects.iter().map(|o| o.json.clone()));
        assert_eq!(page.more, page.next.is_some());
        match page.next {
            Some(n) => next = Some(n),
            None => break,
        }
    }
    assert_eq!(seen, objects);
    // A token made up, changed, for other filters or expired is refused.
    let first = t
        .page(
            &w.fra,
            &shared,
            Endpoint::Objects,
            None,
            &pairs(&[("limit", "3")]),
        )
        .await
        .unwrap()
        .next
        .unwrap();
    for (raw, expected) in [
        (vec![("next", "bm90IGEgdG9rZW4")], NextProblem::Forged),
        (
            vec![("next", first.as_str()), ("match[type]", "malware")],
            NextProblem::Forged,
        ),
    ] {
        assert!(matches!(
            t.page(&w.fra, &shared, Endpoint::Objects, None, &pairs(&raw)).await,
            Err(TaxiiFailure::Next(p)) if p == expected
        ));
    }
    w.clock.advance(Duration::hours(25));
    assert!(matches!(
        t.page(
            &w.fra,
            &shared,
            Endpoint::Objects,
            None,
            &pairs(&[("next", first.as_str())])
        )
        .await,
        Err(TaxiiFailure::Next(NextProblem::Expired))
    ));
    // An unknown filter is refused by name.
    assert!(matches!(
        t.page(
            &w.fra,
            &shared,
            Endpoint::Objects,
            None,
            &pairs(&[("match[colour]", "red")])
        )
        .await,
        Err(TaxiiFailure::Filter(_))
    ));
}

#[tokio::test]
async fn an_inbox_is_read_by_its_own_state_only() {
    let w = world().await;
    let fra_inbox = w
        .collection(&CollectionKind::Inbox {
            state: "FRA".into(),
        })
        .await;
    let t = w.taxii();
    t.add(&w.pak, &fra_inbox, &envelope(&[indicator(42, None)]))
        .await
        .unwrap();
    let page = t
        .page(&w.fra, &fra_inbox, Endpoint::Objects, None, &[])
        .await
        .unwrap();
    assert_eq!(page.objects.len(), 1);
    for other in [&w.pak, &w.deu] {
        assert!(matches!(
            t.page(other, &fra_inbox, Endpoint::Objects, None, &[])
                .await,
            Err(TaxiiFailure::Refused(TaxiiRefusal::MayNotRead))
        ));
    }
    // One object by id, and its versions.
    let id = page.objects[0].object_id.clone();
    let one = t
        .page(&w.fra, &fra_inbox, Endpoint::Object, Some(&id), &[])
        .await
        .unwrap();
    assert_eq!(one.objects.len(), 1);
    assert!(matches!(
        t.page(
            &w.fra,
            &fra_inbox,
            Endpoint::Object,
            Some("indicator--none"),
            &[]
        )
        .await,
        Err(TaxiiFailure::NotFound)
    ));
}

#[tokio::test]
async fn a_status_is_for_its_requester_and_kept_a_day() {
    let w = world().await;
    let shared = w.collection(&CollectionKind::Shared).await;
    let t = w.taxii();
    let status = t
        .add(&w.fra, &shared, &envelope(&[indicator(5, None)]))
        .await
        .unwrap();
    assert_eq!(t.status(&w.fra, &status.id).await.unwrap(), status);
    assert!(matches!(
        t.status(&w.pak, &status.id).await,
        Err(TaxiiFailure::NotFound)
    ));
    w.clock.advance(Duration::hours(25));
    assert!(matches!(
        t.status(&w.fra, &status.id).await,
        Err(TaxiiFailure::NotFound)
    ));
    assert_eq!(t.purge_statuses().await.unwrap(), 1);
}

#[tokio::test]
async fn a_deletion_is_logged_and_the_object_is_gone() {
    let w = world().await;
    let shared = w.collection(&CollectionKind::Shared).await;
    let t = w.taxii();
    t.add(
        &w.fra,
        &shared,
        &envelope(&[indicator(7, None), indicator(8, None)]),
    )
    .await
    .unwrap();
    let id = "indicator--00000007-1111-4111-8111-111111111111";
    // Only a reader and writer of the collection deletes.
    assert!(matches!(
        t.delete(&w.xyz, &shared, id, &[]).await,
        Err(TaxiiFailure::NotFound)
    ));
    assert_eq!(t.delete(&w.pak, &shared, id, &[]).await.unwrap(), 1);
    assert_eq!(w.entries(LogAction::TaxiiDelete).await, 1);
    assert!(matches!(
        t.delete(&w.pak, &shared, id, &[]).await,
        Err(TaxiiFailure::NotFound)
    ));
    let left = t
        .page(&w.fra, &shared, Endpoint::Objects, None, &[])
        .await
        .unwrap();
    assert_eq!(left.objects.len(), 1);
}

/// With the cache, a State suspended keeps its collections at most
/// `CACHE_FOR` longer; then it is told of none.
#[tokio::test]
async fn the_cache_follows_a_suspension_within_its_second() {
    let w = world().await;
    let cache = pocdir_communications::taxii::TaxiiCache::default();
    let t = w.taxii().with_cache(&cache);
    assert_eq!(t.collections(&w.fra).await.unwrap().len(), 4);
    w.store
        .change_participant_status(
            "FRA",
            ParticipationStatus::Participating,
            ParticipationStatus::Suspended,
            T0,
            draft("participant.status"),
        )
        .await
        .unwrap();
    // Within the second: as it was (the store is not asked again).
    assert_eq!(t.collections(&w.fra).await.unwrap().len(), 4);
    // Without the cache, and after the second: suspended.
    assert!(w.taxii().collections(&w.fra).await.unwrap().is_empty());
    w.clock
        .advance(pocdir_communications::taxii::CACHE_FOR + Duration::milliseconds(1));
    assert!(t.collections(&w.fra).await.unwrap().is_empty());
}
