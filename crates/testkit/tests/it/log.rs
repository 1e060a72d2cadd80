//! The tamper-evident log over HTTP: every change is logged, heads verify
//! with the published key, every inclusion and consistency proof verifies,
//! bad proof requests get a clear 400, and a monitor catches forks.

use pocdir_domain::account::AccountKind;
use pocdir_domain::log::head::{decode_public_key, encode_public_key, SignedTreeHead};
use pocdir_domain::log::merkle::{verify_consistency, verify_inclusion, Hash};
use pocdir_testkit::TestServer;
use serde_json::Value;

fn hash(s: &str) -> Hash {
    <Hash>::try_from(hex::decode(s).unwrap().as_slice()).unwrap()
}

async fn get_json(url: String) -> (u16, Value) {
    let r = reqwest::get(url).await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

async fn entries(server: &TestServer, token: &str) -> Vec<Value> {
    let r = reqwest::Client::new()
        .get(server.url("/api/v1/log/entries?start=0&end=1000"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    body["entries"].as_array().unwrap().clone()
}

#[tokio::test]
async fn heads_and_every_proof_verify_with_the_published_key() {
    let server = TestServer::start().await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    // Minting the token is itself logged: do it before taking the head.
    let token = server.token(&auditor, "read").await;
    for kind in [AccountKind::Nominator, AccountKind::TechnicalPoc] {
        let a = server.account(kind, Some("PAK")).await;
        server.signed_in(&a).await;
    }
    let (_, key) = get_json(server.url("/.well-known/pocdir-log-key")).await;
    assert_eq!(key["algorithm"], "Ed25519");
    let key = decode_public_key(key["public_key"].as_str().unwrap()).unwrap();

    let (status, head) = get_json(server.url("/api/v1/log/head")).await;
    assert_eq!(status, 200);
    let head: SignedTreeHead = serde_json::from_value(head).unwrap();
    let root = head.verify(&key).expect("head signed by the published key");
    // The database records the published key, so that an auditor with read
    // access alone can check the heads.
    let recorded = server.store.log_keys().await.unwrap();
    assert_eq!(recorded.len(), 1, "{recorded:?}");
    assert_eq!(recorded[0].public_key, encode_public_key(&key));
    assert_eq!(recorded[0].key_id, head.key_id);
    let lexicon = u64::try_from(pocdir_domain::lexicon::seed::shipped().unwrap().len()).unwrap();
    assert_eq!(
        head.tree_size,
        10 + lexicon,
        "participants seeded, the 3 shipped e-learning modules, the shipped lexicon's concepts, 3 accounts, 1 token, 2 sign-ins"
    );

    let list = entries(&server, &token).await;
    assert_eq!(list.len() as u64, head.tree_size);
    for (i, e) in list.iter().enumerate() {
        assert_eq!(e["index"], i as u64);
        let (status, p) = get_json(server.url(&format!(
            "/api/v1/log/proofs/inclusion?index={i}&tree_size={}",
            head.tree_size
        )))
        .await;
        assert_eq!(status, 200);
        assert_eq!(p["leaf_hash"], e["leaf_hash"]);
        let path: Vec<Hash> = p["audit_path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| hash(h.as_str().unwrap()))
            .collect();
        let leaf = hash(e["leaf_hash"].as_str().unwrap());
        assert!(
            verify_inclusion(&leaf, i as u64, head.tree_size, &path, &root),
            "entry {i}"
        );
    }
    // A head at an earlier size, and the proof that the log only grew since.
    for first in 1..head.tree_size {
        let (_, old) = get_json(server.url(&format!("/api/v1/log/heads/{first}"))).await;
        let old: SignedTreeHead = serde_json::from_value(old).unwrap();
        let old_root = old.verify(&key).unwrap();
        let (status, c) = get_json(server.url(&format!(
            "/api/v1/log/proofs/consistency?first={first}&second={}",
            head.tree_size
        )))
        .await;
        assert_eq!(status, 200);
        let proof: Vec<Hash> = c["proof"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| hash(h.as_str().unwrap()))
            .collect();
        assert!(
            verify_consistency(first, head.tree_size, &proof, &old_root, &root),
            "{first}"
        );
    }
    // The head is kept, so offline verification can check it later.
    let kept = server.store.latest_tree_head().await.unwrap().unwrap();
    assert_eq!(kept.tree_size, head.tree_size);
    server.stop().await;
}

#[tokio::test]
async fn malformed_proof_requests_get_a_clear_400() {
    let server = TestServer::start().await;
    server.account(AccountKind::Secretariat, None).await;
    server.account(AccountKind::Auditor, None).await;
    for (path, code) in [
        (
            "/api/v1/log/proofs/inclusion?index=2&tree_size=2",
            "bad_proof_request",
        ),
        (
            "/api/v1/log/proofs/inclusion?index=0&tree_size=99",
            "bad_proof_request",
        ),
        (
            "/api/v1/log/proofs/consistency?first=2&second=1",
            "bad_proof_request",
        ),
        (
            "/api/v1/log/proofs/consistency?first=0&second=2",
            "bad_proof_request",
        ),
        (
            "/api/v1/log/proofs/consistency?first=1&second=99",
            "bad_proof_request",
        ),
        ("/api/v1/log/heads/99", "bad_proof_request"),
        (
            "/api/v1/log/proofs/inclusion?index=minus-one",
            "bad_request",
        ),
        ("/api/v1/log/proofs/consistency?first=1", "bad_request"),
        ("/api/v1/log/proofs/inclusion", "bad_request"),
    ] {
        let (status, body) = get_json(server.url(path)).await;
        assert_eq!(status, 400, "{path}");
        assert_eq!(body["error"]["code"], code, "{path}: {body}");
        assert!(
            body["error"]["message"].as_str().unwrap().len() > 20,
            "{path}: {body}"
        );
    }
    let (_, body) = get_json(server.url("/api/v1/log/proofs/consistency?first=2&second=1")).await;
    assert!(body["error"]["message"].as_str().unwrap().contains("(2)"));
    server.stop().await;
}

#[tokio::test]
async fn every_change_is_logged_with_its_actor_and_refusals_are_not() {
    let server = TestServer::start().await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    let poc = server
        .new_account(AccountKind::DiplomaticPoc, Some("FRA"))
        .await;
    let token = server.token(&auditor, "read").await;
    let before = entries(&server, &token).await.len();

    // A wrong password changes nothing, so it logs nothing.
    let web = server.client();
    web.post_form(
        "/login",
        &[("email", &poc.email), ("password", "not the password")],
    )
    .await;
    assert_eq!(entries(&server, &token).await.len(), before);

    // Enrol, sign in, change password, make and revoke a token, sign out.
    web.post_form(
        "/login",
        &[("email", &poc.email), ("password", &poc.password)],
    )
    .await;
    web.get("/login/enrol").await;
    let secret = server
        .store
        .account_by_id(poc.id)
        .await
        .unwrap()
        .unwrap()
        .totp_secret
        .unwrap();
    web.post_form("/login/enrol", &[("code", &server.totp_now(&secret))])
        .await;
    let new_password = "a long new passphrase";
    web.post_form(
        "/account/password",
        &[
            ("current", &poc.password),
            ("new", new_password),
            ("confirm", new_password),
        ],
    )
    .await;
    let page = web
        .post_form(
            "/account/tokens",
            &[("name", "script"), ("scope", "read"), ("days", "7")],
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("pdt_"));
    let token_id = server.store.api_tokens_of(poc.id).await.unwrap()[0].id;
    web.post_form(&format!("/account/tokens/{token_id}/revoke"), &[])
        .await;
    web.post_form("/logout", &[]).await;

    let all = entries(&server, &token).await;
    let new: Vec<(String, String)> = all[before..]
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["object"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let me = format!("account:{}", poc.id);
    assert_eq!(new[0], ("account.mfa_enrol".to_string(), me.clone()));
    assert_eq!(new[1], ("session.sign_in".to_string(), me.clone()));
    assert_eq!(new[2], ("account.password_change".to_string(), me.clone()));
    assert_eq!(
        new[3],
        ("token.create".to_string(), format!("token:{token_id}"))
    );
    assert_eq!(
        new[4],
        ("token.revoke".to_string(), format!("token:{token_id}"))
    );
    assert_eq!(new[5].0, "session.sign_out");
    assert_eq!(new.len(), 6, "{new:?}");
    for e in &all[before..] {
        assert_eq!(e["actor"]["account_id"], poc.id);
        assert_eq!(e["actor"]["kind"], "diplomatic_poc");
        assert_eq!(e["participant"], "FRA");
        // Never the confidential content itself.
        assert!(!e.to_string().contains(&poc.email));
        assert!(!e.to_string().contains(new_password));
    }
    server.stop().await;
}

#[tokio::test]
async fn each_state_reads_what_touched_it_and_only_auditors_read_everything() {
    let server = TestServer::start().await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let reporter = server.account(AccountKind::Reporter, None).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    server.signed_in(&fra).await;

    let http = reqwest::Client::new();
    let own = |t: String| {
        http.get(server.url("/api/v1/log/own-state"))
            .bearer_auth(t)
            .send()
    };
    let body: Value = own(server.token(&pak, "read").await)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list = body["entries"].as_array().unwrap();
    assert!(!list.is_empty());
    assert!(
        list.iter()
            .all(|e| e["participant"] == "PAK" || e["actor"]["participant"] == "PAK"),
        "{body}"
    );
    let r = own(server.token(&reporter, "read").await).await.unwrap();
    assert_eq!(r.status(), 403);
    for who in [&pak, &fra, &reporter] {
        let r = http
            .get(server.url("/api/v1/log/entries?start=0"))
            .bearer_auth(server.token(who, "read").await)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "{:?}", who.kind);
    }

    // The pages: the secretariat filters the whole log; a State sees its own.
    let web = server.signed_in(&secretariat).await;
    let page = web
        .get("/audit?action=session.&participant=FRA")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("session.sign_in"));
    assert!(!page.contains("account.create"));
    let r = web.get("/audit?from=yesterday").await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("YYYY-MM-DD"));
    let web = server.signed_in(&pak).await;
    let page = web
        .get("/audit/own-state?participant=FRA")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("PAK"));
    assert!(
        !page.contains("(FRA)"),
        "a State never sees another's entries"
    );
    assert_eq!(web.get("/audit").await.status(), 403);
    server.stop().await;
}

#[tokio::test]
async fn a_monitor_accepts_growth_and_catches_forks_and_foreign_keys() {
    use pocdir::log_commands::{monitor, MonitorAlarm, MonitorOutcome};
    let a = TestServer::start().await;
    a.account(AccountKind::Secretariat, None).await;
    a.account(AccountKind::Auditor, None).await;
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("monitor.json");

    let first = monitor(&a.url, &state, None).await.unwrap().unwrap();
    // Participants seeded, the 3 shipped e-learning modules, the shipped
    // lexicon's concepts, 2 accounts.
    let lexicon = u64::try_from(pocdir_domain::lexicon::seed::shipped().unwrap().len()).unwrap();
    assert_eq!(
        first,
        MonitorOutcome::Started {
            tree_size: 6 + lexicon
        }
    );
    a.account(AccountKind::Reporter, None).await;
    let next = monitor(&a.url, &state, None).await.unwrap().unwrap();
    assert_eq!(
        next,
        MonitorOutcome::Consistent {
            from: 6 + lexicon,
            to: 7 + lexicon
        }
    );

    // Another server with the same key but another history: a fork.
    let key_file = a.config.data_dir.join("secrets").join("log-signing.key");
    let key = std::fs::read(&key_file).unwrap();
    let b = TestServer::start_with(|c| {
        let secrets = c.data_dir.join("secrets");
        std::fs::create_dir_all(&secrets).unwrap();
        pocdir::secrets::write_private_file(&secrets.join("log-signing.key"), &key).unwrap();
        std::fs::set_permissions(
            &c.data_dir,
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )
        .unwrap();
        std::fs::set_permissions(
            &secrets,
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )
        .unwrap();
    })
    .await;
    for _ in 0..4 {
        b.account(AccountKind::Auditor, None).await;
    }
    let alarm = monitor(&b.url, &state, None).await.unwrap().unwrap_err();
    assert!(
        matches!(
            alarm,
            MonitorAlarm::Rewritten { before, after }
                if before == 7 + lexicon && after == 8 + lexicon
        ),
        "{alarm}"
    );
    b.account(AccountKind::Auditor, None).await;
    b.account(AccountKind::Auditor, None).await;
    // (The state file keeps the last good head: the alarm does not overwrite it.)
    let alarm = monitor(&b.url, &state, None).await.unwrap().unwrap_err();
    assert!(
        matches!(
            alarm,
            MonitorAlarm::Rewritten { before, after }
                if before == 7 + lexicon && after == 10 + lexicon
        ),
        "{alarm}"
    );

    // A server that signs with another key.
    let c = TestServer::start().await;
    c.account(AccountKind::Auditor, None).await;
    let alarm = monitor(&c.url, &state, None).await.unwrap().unwrap_err();
    assert!(matches!(alarm, MonitorAlarm::KeyChanged { .. }), "{alarm}");

    // Rolling back: a fresh state on a bigger log, then the smaller one.
    let rollback_state = dir.path().join("rollback.json");
    monitor(&b.url, &rollback_state, None)
        .await
        .unwrap()
        .unwrap();
    let alarm = monitor(&a.url, &rollback_state, None)
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(
            alarm,
            MonitorAlarm::Shrank { before, after }
                if before == 10 + lexicon && after == 7 + lexicon
        ),
        "{alarm}"
    );
    a.stop().await;
    b.stop().await;
    c.stop().await;
}
