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
    pocdir_directory::seed_reference(store, clock).await?;
    let mut logins = Vec::new();
    let mut accounts = Vec::new();
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
        accounts.push(created.account.clone());
        logins.push(DemoLogin {
            kind: *kind,
            participant: participant.map(str::to_string),
            email: created.account.email,
            password: created.password,
            totp_secret: secret,
        });
    }
    verified_demo_pocs(store, clock, &accounts).await?;
    let json = serde_json::to_vec_pretty(&logins)?;
    write_private_file(&demo_file(data_dir), &json).context("cannot write the demo logins")?;
    Ok(DemoOutcome::Created(logins))
}

/// Fictional PoCs of the demo States, nominated by each State's demo
/// nominator and verified by the demo secretariat, so that both States take
/// part. Telephone numbers are from the UK range reserved for fiction.
struct DemoPoc {
    state: &'static str,
    role: &'static str,
    name: &'static str,
    email: &'static str,
    phone: &'static str,
    zone: &'static str,
    languages: &'static [&'static str],
}

const DEMO_POCS: &[DemoPoc] = &[
    DemoPoc {
        state: "PAK",
        role: "technical",
        name: "Ayesha Malik",
        email: "technical.poc@cert.pk.example.org",
        phone: "+44 7700 900101",
        zone: "Asia/Karachi",
        languages: &["ur", "en"],
    },
    DemoPoc {
        state: "PAK",
        role: "diplomatic",
        name: "Imran Siddiqui",
        email: "diplomatic.poc@mofa.pk.example.org",
        phone: "+44 7700 900102",
        zone: "Asia/Karachi",
        languages: &["ur", "en", "ar"],
    },
    DemoPoc {
        state: "FRA",
        role: "technical",
        name: "Léa Fontaine",
        email: "technical.poc@cert.fr.example.org",
        phone: "+44 7700 900201",
        zone: "Europe/Paris",
        languages: &["fr", "en"],
    },
    DemoPoc {
        state: "FRA",
        role: "diplomatic",
        name: "Julien Moreau",
        email: "diplomatic.poc@diplomatie.fr.example.org",
        phone: "+44 7700 900202",
        zone: "Europe/Paris",
        languages: &["fr", "en", "es"],
    },
];

async fn verified_demo_pocs(
    store: &dyn Store,
    clock: &dyn Clock,
    accounts: &[pocdir_store::Account],
) -> Result<()> {
    use pocdir_domain::directory::poc::{PhoneDraft, PocDraft};
    use pocdir_domain::log::entry::{LogActor, LogDraft};
    let actor = |a: &pocdir_store::Account| LogActor {
        account_id: Some(a.id),
        kind: a.kind.as_str().to_string(),
        participant: a.participant.clone(),
    };
    let secretariat = accounts
        .iter()
        .find(|a| a.kind == AccountKind::Secretariat)
        .context("the demo has a secretariat")?;
    for DemoPoc {
        state: code,
        role,
        name,
        email,
        phone,
        zone,
        languages,
    } in DEMO_POCS
    {
        let nominator = accounts
            .iter()
            .find(|a| a.kind == AccountKind::Nominator && a.participant.as_deref() == Some(*code))
            .context("the demo has a nominator for each demo State")?;
        let now = clock.now();
        let details = PocDraft {
            role: role.to_string(),
            name: name.to_string(),
            title: if *role == "technical" {
                "Incident response lead".into()
            } else {
                "Cyber diplomacy desk officer".into()
            },
            organisation: if *role == "technical" {
                "National CERT".into()
            } else {
                "Ministry of Foreign Affairs".into()
            },
            emails: vec![email.to_string()],
            phones: vec![PhoneDraft {
                number: phone.to_string(),
                phone_use: "24x7".into(),
            }],
            secure_channels: Vec::new(),
            languages: languages.iter().map(|l| l.to_string()).collect(),
            time_zone: zone.to_string(),
            hours: "Mon-Fri 09:00-17:00".into(),
            notes: String::new(),
            openpgp_key: String::new(),
        }
        .validate(now)
        .map_err(|errors| anyhow::anyhow!("demo PoC {name} is invalid: {errors:?}"))?;
        let poc = store
            .propose_poc(
                code,
                details.role,
                &serde_json::to_string(&details)?,
                Some(nominator.id),
                now,
                LogDraft::new(now, actor(nominator), "poc.propose", String::new())
                    .about_participant(Some(code.to_string()))
                    .with_content(&details),
            )
            .await?;
        store
            .decide_poc(
                poc.id,
                poc.version,
                true,
                None,
                Some(secretariat.id),
                now,
                LogDraft::new(
                    now,
                    actor(secretariat),
                    "poc.approve",
                    format!("poc:{}", poc.id),
                )
                .about_participant(Some(code.to_string())),
            )
            .await?
            .map_err(|_| anyhow::anyhow!("demo PoC {name} changed while being verified"))?;
    }
    Ok(())
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
