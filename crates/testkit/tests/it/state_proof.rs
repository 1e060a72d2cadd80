//! A State's own proof of its entries (`pocdir state-proof`), against the
//! real server: it holds on an intact log, follows the log's growth, and
//! names the entry when one row of the log is edited in the database, or
//! the PoC when the State's own record holds details that were never
//! logged.

use crate::pocs::{draft, Api};
use pocdir::state_proof::{state_proof, ProofFailure, StateProofRequest};
use pocdir_domain::account::AccountKind;
use pocdir_domain::log::state_proof::{DetailsSource, Discrepancy};
use pocdir_testkit::Backend;
use pocdir_testkit::TestServer;
use serde_json::Value;
use sqlx::Connection;
use std::path::Path;

/// Runs SQL on the server's database as an operator with database access
/// would, with the log's append-only guard lifted.
async fn tamper(server: &TestServer, sql: &str) {
    let url = server.config.database_url();
    match server.backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
            for guard in ["log_entries_no_update", "log_entries_no_delete"] {
                sqlx::query(&format!("DROP TRIGGER IF EXISTS {guard}"))
                    .execute(&mut conn)
                    .await
                    .unwrap();
            }
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&url).await.unwrap();
            sqlx::query("ALTER TABLE log_entries DISABLE TRIGGER log_entries_append_only")
                .execute(&mut conn)
                .await
                .unwrap();
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
    }
}

fn request(
    server: &TestServer,
    token: &str,
    state: &Path,
    record: Option<&Path>,
) -> StateProofRequest {
    StateProofRequest {
        url: server.url(""),
        participant: "pak".into(),
        token: token.into(),
        key: None,
        state_file: state.to_path_buf(),
        record: record.map(Path::to_path_buf),
    }
}

#[tokio::test]
async fn a_state_proves_its_entries_and_names_an_edited_one() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let first = api
        .verified(&pak, &secretariat, "PAK", "Ayesha Malik")
        .await;
    api.active(
        &pak,
        &secretariat,
        "PAK",
        draft("diplomatic", "Imran Qureshi", "Asia/Karachi"),
    )
    .await;
    api.verified(&fra_nominator, &secretariat, "FRA", "Claire Dubois")
        .await;
    // France reads Pakistan's PoCs twice: two reads each of two PoCs.
    for _ in 0..2 {
        let (status, _) = api.get(&fra, "/api/v1/participants/PAK/pocs").await;
        assert_eq!(status, 200);
    }
    let token = server.token(&pak, "read").await;
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("proof.json");

    // The intact log: everything holds, and the report tells who read what.
    let proven = state_proof(&request(&server, &token, &state, None))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(proven.report.nominations, 2, "{:?}", proven.report);
    assert_eq!(proven.report.decisions, 2);
    assert_eq!(proven.report.reads, 4);
    assert_eq!(proven.report.readers["FRA"].count, 4);
    assert!(proven.pocs_checked >= 2);
    let text = pocdir::state_proof::print_report(&proven);
    assert!(text.contains("FRA: 4 reads"), "{text}");
    assert!(text.ends_with("all holds\n"), "{text}");

    // The log grows: the next run proves it only grew.
    api.get(&fra, &format!("/api/v1/pocs/{first}")).await;
    let proven = state_proof(&request(&server, &token, &state, None))
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(proven.history, pocdir::log_commands::MonitorOutcome::Consistent { from, to } if to > from),
        "{:?}",
        proven.history
    );
    assert_eq!(proven.report.reads, 5);

    // The State's own record: a saved list of its PoCs passes; the same
    // with one PoC's details changed names that PoC.
    let (_, mut list) = api.get(&pak, "/api/v1/participants/PAK/pocs").await;
    let record = dir.path().join("record.json");
    std::fs::write(&record, serde_json::to_vec(&list).unwrap()).unwrap();
    state_proof(&request(&server, &token, &state, Some(&record)))
        .await
        .unwrap()
        .unwrap();
    let changed = &mut list["pocs"][0];
    let id = changed["id"].as_i64().unwrap();
    changed["details"]["title"] = Value::from("Head of the CERT");
    std::fs::write(&record, serde_json::to_vec(&list).unwrap()).unwrap();
    let failure = state_proof(&request(&server, &token, &state, Some(&record)))
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(
            &failure,
            ProofFailure::Entry(Discrepancy::UnloggedDetails { poc, from: DetailsSource::Record, .. }) if *poc == id
        ),
        "{failure}"
    );

    // The operator edits one of France's reads in the database, to hide
    // who read: the run that saw it names it as rewritten, a first run
    // as not in the signed log.
    let reads = crate::pocs::log_actions(&server, "poc.read").await;
    let edited = reads
        .iter()
        .find(|e| e.participant.as_deref() == Some("PAK"))
        .unwrap()
        .index;
    tamper(
        &server,
        &format!("UPDATE log_entries SET actor_participant = 'DEU' WHERE idx = {edited}"),
    )
    .await;
    let failure = state_proof(&request(&server, &token, &state, None))
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(&failure, ProofFailure::Entry(Discrepancy::Rewritten { index, .. }) if *index == edited),
        "{failure}"
    );
    let fresh = dir.path().join("fresh.json");
    let failure = state_proof(&request(&server, &token, &fresh, None))
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(&failure, ProofFailure::Entry(Discrepancy::NotIncluded { index, .. }) if *index == edited),
        "{failure}"
    );
    assert!(failure
        .to_string()
        .contains(&format!("entry {edited} (poc.read poc:")));

    // The State's log page shows the command, with this server's address
    // and the key that signs the heads; the whole log's page does not.
    let web = server.signed_in(&pak).await;
    let page = web.get("/audit/own-state").await.text().await.unwrap();
    let served: Value = reqwest::get(server.url("/.well-known/pocdir-log-key"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let key = served["public_key"].as_str().unwrap();
    assert!(page.contains("id=\"state-proof-command\""), "{page}");
    assert!(
        page.contains(&format!(
            "pocdir state-proof --url {} --participant PAK --key {key}",
            server.url("").trim_end_matches('/')
        )),
        "{page}"
    );
    assert!(page.contains("href=\"/account#tokens\""));
    let whole = server
        .signed_in(&secretariat)
        .await
        .get("/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(!whole.contains("state-proof-command"));

    // Only the State's own accounts prove its entries.
    let fra_token = server.token(&fra, "read").await;
    let err = state_proof(&request(&server, &fra_token, &fresh, None))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not of PAK"), "{err}");
    server.stop().await;
}

/// A log forked behind the State's back: another server with the same key
/// and another history. The proof names the rewrite and keeps the last
/// good head.
#[tokio::test]
async fn a_proof_against_a_forked_log_names_the_rewrite() {
    let a = TestServer::start().await;
    let pak = a.account(AccountKind::Nominator, Some("PAK")).await;
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("proof.json");
    let token = a.token(&pak, "read").await;
    state_proof(&request(&a, &token, &state, None))
        .await
        .unwrap()
        .unwrap();
    let remembered = std::fs::read(&state).unwrap();

    let key = std::fs::read(a.config.data_dir.join("secrets").join("log-signing.key")).unwrap();
    let b = TestServer::start_with(|c| {
        use std::os::unix::fs::PermissionsExt;
        let secrets = c.data_dir.join("secrets");
        std::fs::create_dir_all(&secrets).unwrap();
        pocdir::secrets::write_private_file(&secrets.join("log-signing.key"), &key).unwrap();
        for d in [&c.data_dir, &secrets] {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
    })
    .await;
    for _ in 0..3 {
        b.account(AccountKind::Auditor, None).await;
    }
    let pak_b = b.account(AccountKind::Nominator, Some("PAK")).await;
    let token_b = b.token(&pak_b, "read").await;
    let failure = state_proof(&request(&b, &token_b, &state, None))
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(
            failure,
            ProofFailure::Log(pocdir::log_commands::MonitorAlarm::Rewritten { .. })
        ),
        "{failure}"
    );
    assert!(failure.to_string().contains("history was rewritten"));
    assert_eq!(std::fs::read(&state).unwrap(), remembered);
    a.stop().await;
    b.stop().await;
}
