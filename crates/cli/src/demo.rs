//! `serve --demo`: fills an empty database with demo accounts, prints the
//! logins and writes them to `DATA_DIR/demo-accounts.json`. Running it on a
//! database that already has accounts changes nothing.

use crate::accounts::{create_account, AccountRequest};
use crate::secrets::write_private_file;
use anyhow::{Context, Result};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::entropy::Entropy;
use pocdir_domain::totp;
use pocdir_store::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One line of `demo-accounts.json` (public contract, see DESIGN.md).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DemoLogin {
    pub kind: AccountKind,
    pub participant: Option<String>,
    pub email: String,
    pub password: String,
    pub totp_secret: String,
}

/// The demo cast: one account of each kind, PoCs of two participating States.
const CAST: &[(AccountKind, Option<&str>, &str, &str)] = &[
    (
        AccountKind::Secretariat,
        None,
        "secretariat@secretariat.example.org",
        "Amina Diallo",
    ),
    (
        AccountKind::Nominator,
        Some("PAK"),
        "nominator@mofa.pk.example.org",
        "Sana Qureshi",
    ),
    (
        AccountKind::DiplomaticPoc,
        Some("PAK"),
        "diplomatic.poc@mofa.pk.example.org",
        "Imran Siddiqui",
    ),
    (
        AccountKind::TechnicalPoc,
        Some("PAK"),
        "technical.poc@cert.pk.example.org",
        "Ayesha Malik",
    ),
    (
        AccountKind::Nominator,
        Some("FRA"),
        "nominator@diplomatie.fr.example.org",
        "Claire Dubois",
    ),
    (
        AccountKind::DiplomaticPoc,
        Some("FRA"),
        "diplomatic.poc@diplomatie.fr.example.org",
        "Julien Moreau",
    ),
    (
        AccountKind::TechnicalPoc,
        Some("FRA"),
        "technical.poc@cert.fr.example.org",
        "Léa Fontaine",
    ),
    (
        AccountKind::Reporter,
        None,
        "reporter@vendor.example.com",
        "Kenji Watanabe",
    ),
    (
        AccountKind::Auditor,
        None,
        "auditor@audit.example.org",
        "Olga Ivanova",
    ),
];

pub fn demo_file(data_dir: &Path) -> PathBuf {
    data_dir.join("demo-accounts.json")
}

#[derive(Debug)]
pub enum DemoOutcome {
    Created(Vec<DemoLogin>),
    /// The database already had accounts; the logins of an earlier demo, if any.
    AlreadyThere(Option<Vec<DemoLogin>>),
}

pub async fn seed(
    store: &dyn Store,
    clock: &dyn Clock,
    entropy: &dyn Entropy,
    data_dir: &Path,
) -> Result<DemoOutcome> {
    if store.count_accounts().await? > 0 {
        let earlier = std::fs::read(demo_file(data_dir))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        return Ok(DemoOutcome::AlreadyThere(earlier));
    }
    let mut logins = Vec::new();
    for (kind, participant, email, name) in CAST {
        let secret = totp::generate_secret(entropy);
        let created = create_account(
            store,
            clock,
            entropy,
            AccountRequest {
                kind: *kind,
                email,
                participant: *participant,
                display_name: Some(name),
                demo_totp_secret: Some(secret.clone()),
                password: None,
            },
        )
        .await?;
        logins.push(DemoLogin {
            kind: *kind,
            participant: participant.map(str::to_string),
            email: created.account.email,
            password: created.password,
            totp_secret: secret,
        });
    }
    let json = serde_json::to_vec_pretty(&logins)?;
    write_private_file(&demo_file(data_dir), &json).context("cannot write the demo logins")?;
    Ok(DemoOutcome::Created(logins))
}

/// The table printed at the console.
pub fn describe(logins: &[DemoLogin], data_dir: &Path) -> String {
    let mut out = String::from("Demo accounts (second factor: add the TOTP secret to an authenticator app, or print the current code with `pocdir account totp-code --email EMAIL`):\n");
    for l in logins {
        out.push_str(&format!(
            "  {:<15} {:<4} {:<42} password {}  totp {}\n",
            l.kind.as_str(),
            l.participant.as_deref().unwrap_or("-"),
            l.email,
            l.password,
            l.totp_secret
        ));
    }
    out.push_str(&format!(
        "These logins are also in {}\n",
        demo_file(data_dir).display()
    ));
    out
}
