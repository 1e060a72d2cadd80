//! The OASIS TAXII 2.1 client against the real server, on the backend the
//! suite runs on (SQLite, then PostgreSQL in `.ci/run`): discovery,
//! `add_objects`, paged `get_objects` (`as_pages`), the manifest, versions
//! and delete through `taxii2-client`, each object read back checked by
//! `stix2-validator`, and two States seeing what TLP and their collections
//! allow. The steps are `taxii_interop.py`, beside this crate.

use crate::communications_api::participating;
use crate::taxii::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;

#[tokio::test]
async fn the_oasis_taxii_client_does_every_step() {
    let server = TestServer::start().await;
    participating(&server, &["FRA", "PAK"]).await;
    let fra = Client::new(&server, AccountKind::TechnicalPoc, Some("FRA")).await;
    let pak = Client::new(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/taxii_interop.py");
    let url = server.url.clone();
    let args = [
        script.to_string(),
        url,
        fra.account.email.clone(),
        fra.token.clone(),
        pak.account.email.clone(),
        pak.token.clone(),
    ];
    // The client blocks; the server runs on this test's runtime meanwhile.
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new("python3").args(args).output()
    })
    .await
    .unwrap()
    .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("interop: all steps passed"),
        "taxii2-client and stix2-validator (pip install taxii2-client stix2-validator):\n{stdout}\n{stderr}"
    );
    server.stop().await;
}
