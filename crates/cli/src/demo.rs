//! `serve --demo`: fills an empty database with demo accounts, prints the
//! logins and writes them to `DATA_DIR/demo-accounts.json`. Running it on a
//! database that already has accounts or PoCs changes nothing.

use crate::accounts::{create_account, AccountRequest};
use crate::secrets::write_private_file;
use anyhow::{Context, Result};
use pocdir_communications::Settings;
use pocdir_directory::pocs::Pocs;
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::{Clock, ManualClock};
use pocdir_domain::communication::delivery::AckDeadlines;
use pocdir_domain::directory::poc::{PocDetails, PocDraft};
use pocdir_domain::entropy::Entropy;
use pocdir_domain::policy::Scopes;
use pocdir_domain::totp;
use pocdir_store::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

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
    /// The database already had accounts or PoCs; the logins of an earlier
    /// demo, if any.
    AlreadyThere(Option<Vec<DemoLogin>>),
}

/// The communications settings of a server on the default address with the
/// default acknowledgement deadlines.
pub fn default_settings() -> Settings {
    Settings {
        deadlines: AckDeadlines::default(),
        base_url: "http://127.0.0.1:8080".to_string(),
    }
}

/// [`seed_with`] with [`default_settings`].
pub async fn seed(
    store: &dyn Store,
    clock: &dyn Clock,
    entropy: &dyn Entropy,
    data_dir: &Path,
) -> Result<DemoOutcome> {
    seed_with(store, clock, entropy, data_dir, &default_settings()).await
}

/// Seeds the demo: the directory and its accounts as of some weeks before
/// `clock`'s now, then three ping test campaigns (see
/// [`crate::demo_ping_tests`]) and a day of communications up to now (see
/// [`crate::demo_communications`]) with the server's `settings`.
pub async fn seed_with(
    store: &dyn Store,
    clock: &dyn Clock,
    entropy: &dyn Entropy,
    data_dir: &Path,
    settings: &Settings,
) -> Result<DemoOutcome> {
    // Only an empty database gets the demo: no accounts and no PoCs (an
    // import may have filled the directory before anyone signed up).
    if store.count_accounts().await? > 0
        || !store.active_pocs().await?.is_empty()
        || !store.pending_pocs().await?.is_empty()
    {
        let earlier = std::fs::read(demo_file(data_dir))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        return Ok(DemoOutcome::AlreadyThere(earlier));
    }
    // Checked before anything is written, so a bad data file leaves the
    // database as it was.
    let now = clock.now();
    let pocs = demo_pocs(now)?;
    // The demo's own clock: the directory exists some weeks before now, so
    // that the ping tests and the communications that follow have their
    // real times.
    let demo_clock = ManualClock::new(now - crate::demo_ping_tests::HISTORY);
    let clock = &demo_clock;
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
                // Exempt: the demo prints these passwords (and writes them
                // to demo-accounts.json) so that anyone can try each role;
                // forcing a change would break the printed logins.
                must_change_password: false,
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
    let secretariat = accounts
        .iter()
        .find(|a| a.kind == AccountKind::Secretariat)
        .context("the demo has a secretariat")?;
    seed_demo_pocs(store, clock, secretariat, &pocs).await?;
    crate::demo_capacity::seed_match(store, clock).await?;
    crate::demo_exercises::seed_played(store, clock, settings, &accounts).await?;
    let started = std::time::Instant::now();
    crate::demo_ping_tests::seed(store, clock, entropy, &settings.base_url, &accounts, now).await?;
    tracing::info!(
        ms = started.elapsed().as_millis() as u64,
        "demo ping tests seeded"
    );
    crate::demo_communications::seed(store, clock, entropy, settings, &accounts, now).await?;
    crate::demo_reporters::seed(store, &accounts, settings, now).await?;
    crate::demo_exercises::seed_prepared(store, clock, settings, &accounts).await?;
    crate::demo_capacity::seed_open(store, clock).await?;
    crate::demo_learning::seed(store, clock).await?;
    crate::demo_lexicon::seed(store, clock).await?;
    crate::demo_library::seed(store, clock).await?;
    seed_reads(store, clock).await?;
    let json = serde_json::to_vec_pretty(&logins)?;
    write_private_file(&demo_file(data_dir), &json).context("cannot write the demo logins")?;
    Ok(DemoOutcome::Created(logins))
}

/// France's technical PoC opens Pakistan's page: a read of each of its
/// PoCs' details, which Pakistan finds in its log and in the report of
/// `pocdir state-proof`.
async fn seed_reads(store: &dyn Store, clock: &dyn Clock) -> Result<()> {
    let reader = crate::demo_lexicon::requester(store, "technical.poc@cert.fr.example.org").await?;
    let shown = store.pocs_of("PAK").await?;
    pocdir_directory::access::DirectoryAccess::new(store, clock)
        .record_reads(&reader, "PAK", shown.iter(), "page")
        .await
        .map_err(|e| anyhow::anyhow!("the demo's reads of Pakistan's PoCs: {e:?}"))
}

/// The demo directory: fictional PoCs of about forty States, generated by
/// `scripts/gen-demo-pocs.py` (sources in `crates/cli/data/README.md`).
const DEMO_POCS_JSON: &str = include_str!("../data/demo-pocs.json");

#[derive(Debug, Deserialize)]
struct DemoPocFile {
    pocs: Vec<DemoPocEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum DemoPocStatus {
    /// Verified by the demo secretariat: its State takes part.
    Active,
    /// Left in the secretariat's queue.
    Pending,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPocEntry {
    participant: String,
    status: DemoPocStatus,
    poc: PocDraft,
}

/// One PoC of the demo directory, checked by the same rules as a form.
#[derive(Debug, Clone)]
pub struct DemoPoc {
    pub participant: String,
    /// Verified (true) or left pending (false).
    pub active: bool,
    pub details: PocDetails,
}

/// The demo directory, parsed and validated. Any bad entry is an error (every
/// one named), so a mistake in the data file fails the tests rather than
/// thinning the demo.
pub fn demo_pocs(now: OffsetDateTime) -> Result<Vec<DemoPoc>> {
    let file: DemoPocFile =
        serde_json::from_str(DEMO_POCS_JSON).context("demo-pocs.json does not parse")?;
    let mut out = Vec::with_capacity(file.pocs.len());
    let mut problems = Vec::new();
    for (i, entry) in file.pocs.into_iter().enumerate() {
        match entry.poc.validate(now) {
            Ok(details) => out.push(DemoPoc {
                participant: entry.participant,
                active: entry.status == DemoPocStatus::Active,
                details,
            }),
            Err(errors) => problems.push(format!(
                "pocs[{i}] ({} of {}): {errors:?}",
                entry.poc.name, entry.participant
            )),
        }
    }
    if !problems.is_empty() {
        anyhow::bail!("demo-pocs.json has invalid PoCs: {}", problems.join("; "));
    }
    Ok(out)
}

/// Nominates the demo directory in one import (all or none) on behalf of the
/// demo secretariat, logged like any nomination, then verifies the active
/// ones, which makes their States participating.
async fn seed_demo_pocs(
    store: &dyn Store,
    clock: &dyn Clock,
    secretariat: &pocdir_store::Account,
    pocs: &[DemoPoc],
) -> Result<()> {
    let secretariat = secretariat.requester(Scopes::ALL);
    let service = Pocs::new(store, store, clock);
    let nominations: Vec<_> = pocs
        .iter()
        .map(|p| (p.participant.clone(), p.details.clone()))
        .collect();
    let created = service
        .import(&secretariat, &nominations)
        .await
        .context("cannot nominate the demo PoCs")?;
    for (poc, demo) in created.iter().zip(pocs) {
        if !demo.active {
            continue;
        }
        service
            .decide(&secretariat, poc.id, poc.version, true, None)
            .await
            .with_context(|| format!("cannot verify the demo PoC {}", demo.details.name))?;
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
    out.push_str(
        "Communications: the PoCs' inboxes hold the demo's threads (an urgent TLP:AMBER incident \
         notification answered in French, an escalation, a request for assistance in Spanish, a \
         TLP:RED message). Sign in as technical.poc@cert.fr.example.org or \
         technical.poc@cert.pk.example.org and open Communications.\n",
    );
    out.push_str(
        "Ping tests: two finished campaigns (the first one's figures published on the public \
         page) and a running one in which the demo PoCs have an open challenge on their home.\n",
    );
    out.push_str(
        "E-learning: the three shipped modules in six languages; technical.poc@cert.pk.example.org \
         is halfway through \"What a PoC does\" (open E-learning from the home). Certificates are \
         checked at /certificates/verify or with `pocdir certificate verify FILE`.\n",
    );
    out.push_str(&format!(
        "These logins are also in {}\n",
        demo_file(data_dir).display()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_domain::clock::ManualClock;
    use pocdir_domain::directory::participant::ParticipationStatus;
    use pocdir_domain::directory::poc::{Availability, PocRole};
    use pocdir_domain::entropy::SeededEntropy;
    use std::collections::BTreeSet;

    /// The ranges reserved for fiction, as documented in
    /// `crates/cli/data/README.md`: E.164 prefix and how many digits follow.
    const FICTION_RANGES: &[(&str, usize)] = &[
        ("+447700900", 3),  // Ofcom, mobile 07700 900000–900999
        ("+442079460", 3),  // Ofcom, London 020 7946 0000–0999
        ("+120255501", 2),  // NANP 555-0100–0199, area code 202
        ("+161355501", 2),  // NANP, 613
        ("+187655501", 2),  // NANP, 876
        ("+6125550", 4),    // ACMA, (02) 5550 xxxx
        ("+3319900", 4),    // ARCEP, 01 99 00 xx xx
        ("+3363998", 4),    // ARCEP, 06 39 98 xx xx
        ("+6149157015", 1), // ACMA, 0491 570 15x (only 156–159, below)
    ];

    fn in_fiction_range(number: &str) -> bool {
        if let Some(last) = number.strip_prefix("+6149157015") {
            return ["6", "7", "8", "9"].contains(&last);
        }
        FICTION_RANGES.iter().any(|(prefix, digits)| {
            number.strip_prefix(prefix).is_some_and(|rest| {
                rest.len() == *digits && rest.chars().all(|c| c.is_ascii_digit())
            })
        })
    }

    /// The script of a letter, by Unicode block (enough to tell them apart).
    fn script(c: char) -> Option<&'static str> {
        Some(match u32::from(c) {
            0x41..=0x24F | 0x1E00..=0x1EFF => "Latin",
            0x370..=0x3FF => "Greek",
            0x400..=0x4FF => "Cyrillic",
            0x600..=0x6FF | 0x750..=0x77F => "Arabic",
            0x900..=0x97F => "Devanagari",
            0x980..=0x9FF => "Bengali",
            0xB80..=0xBFF => "Tamil",
            0xE00..=0xE7F => "Thai",
            0x10A0..=0x10FF => "Georgian",
            0x1200..=0x137F => "Ethiopic",
            0x4E00..=0x9FFF => "Han",
            0xAC00..=0xD7AF => "Hangul",
            _ => return None,
        })
    }

    fn scripts_of(name: &str) -> BTreeSet<&'static str> {
        // The name before the bracketed transliteration.
        let native = name.split(" (").next().unwrap_or(name);
        native
            .chars()
            .filter(|c| c.is_alphabetic())
            .filter_map(script)
            .collect()
    }

    #[test]
    fn the_demo_directory_is_valid_varied_and_fictional() {
        let pocs =
            demo_pocs(time::OffsetDateTime::UNIX_EPOCH + time::Duration::days(20_600)).unwrap();
        let active: Vec<&DemoPoc> = pocs.iter().filter(|p| p.active).collect();
        let states: BTreeSet<&str> = active.iter().map(|p| p.participant.as_str()).collect();
        assert!(states.len() >= 40, "{} States take part", states.len());
        assert!(active.len() >= 75, "{} active PoCs", active.len());
        let keyed = active
            .iter()
            .filter(|p| p.details.openpgp.is_some())
            .count();
        assert!(keyed >= 4, "{keyed} demo PoCs publish an OpenPGP key");
        let pending: Vec<&DemoPoc> = pocs.iter().filter(|p| !p.active).collect();
        assert!(pending.len() >= 5, "{} pending", pending.len());
        assert!(
            pending
                .iter()
                .any(|p| !states.contains(p.participant.as_str())),
            "some nominations come from States not yet taking part"
        );
        for code in ["PAK", "FRA"] {
            for role in [PocRole::Diplomatic, PocRole::Technical] {
                assert!(
                    active
                        .iter()
                        .any(|p| p.participant == code && p.details.role == role),
                    "{code} has an active {role:?} PoC (demo accounts)"
                );
            }
        }
        let scripts: BTreeSet<&str> = pocs
            .iter()
            .flat_map(|p| scripts_of(&p.details.name))
            .collect();
        assert!(scripts.len() >= 5, "scripts: {scripts:?}");
        assert!(active
            .iter()
            .any(|p| p.details.availability == Availability::ALWAYS));
        let mut numbers = BTreeSet::new();
        for p in &pocs {
            assert!(!p.details.phones.is_empty(), "{}", p.details.name);
            for (number, _) in &p.details.phones {
                assert!(in_fiction_range(number), "{number} of {}", p.details.name);
                assert!(numbers.insert(number.clone()), "{number} used twice");
            }
            for email in &p.details.emails {
                let domain = email.rsplit('@').next().unwrap();
                assert!(
                    domain == "example.org"
                        || domain.ends_with(".example.org")
                        || domain == "example.net"
                        || domain.ends_with(".example.net"),
                    "{email}"
                );
            }
        }
    }

    #[test]
    fn fiction_ranges_are_checked() {
        assert!(in_fiction_range("+447700900123"));
        assert!(in_fiction_range("+12025550142"));
        assert!(in_fiction_range("+61491570159"));
        assert!(!in_fiction_range("+61491570160"));
        assert!(!in_fiction_range("+12025551234"));
        assert!(!in_fiction_range("+4477009001234"));
        assert!(!in_fiction_range("+923001234567"));
    }

    #[tokio::test]
    async fn seeding_an_empty_store_builds_the_directory_once() {
        use pocdir_store::prelude::*;
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("demo.db").display());
        let store = pocdir_store::sqlite::SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(std::sync::Arc::new(pocdir_domain::entropy::OsEntropy))
                .unwrap(),
        )
        .await
        .unwrap();
        let clock = ManualClock::new(time::macros::datetime!(2026-03-02 09:00 UTC));
        let entropy = SeededEntropy::new(1);
        let outcome = seed(&store, &clock, &entropy, dir.path()).await.unwrap();
        assert!(matches!(outcome, DemoOutcome::Created(_)));

        let participants = store.participants().await.unwrap();
        assert_eq!(participants.len(), 195, "all Member and Observer States");
        let taking_part: Vec<_> = participants
            .iter()
            .filter(|p| p.status == ParticipationStatus::Participating)
            .collect();
        assert!(taking_part.len() >= 40, "{}", taking_part.len());
        let regions: BTreeSet<&str> = taking_part.iter().map(|p| p.region.as_str()).collect();
        assert_eq!(
            regions,
            BTreeSet::from(["Africa", "Americas", "Asia", "Europe", "Oceania"])
        );
        let active = store.active_pocs().await.unwrap();
        let pending = store.pending_pocs().await.unwrap();
        assert!(active.len() >= 75, "{}", active.len());
        assert!(pending.len() >= 5, "{}", pending.len());
        // A State whose only PoCs are pending does not take part yet.
        let npl = store.participant("NPL").await.unwrap().unwrap();
        assert_ne!(npl.status, ParticipationStatus::Participating);
        // One vetted reporter, the demo's reporter login; one application waiting.
        use pocdir_domain::reporter::ReporterStatus;
        let reporters = store.reporters().await.unwrap();
        let statuses: Vec<ReporterStatus> = reporters.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            [ReporterStatus::Pending, ReporterStatus::Approved]
        );
        let login = store
            .account_by_email("reporter@vendor.example.com")
            .await
            .unwrap()
            .unwrap();
        let vetted = store.reporter_of_account(login.id).await.unwrap().unwrap();
        assert_eq!(vetted.status, ReporterStatus::Approved);
        // Its vulnerability report under embargo to three States, each
        // where the demo leaves it.
        use pocdir_domain::report::StateStatus;
        let reports = store
            .reports(&pocdir_store::ReportList::OfReporter(vetted.id), None, 10)
            .await
            .unwrap();
        assert_eq!(reports.len(), 1);
        let report = &reports[0];
        assert!(report.meta.embargo.as_ref().unwrap().utc > clock.now().unix_timestamp());
        let statuses: Vec<(&str, StateStatus)> = report
            .states
            .iter()
            .map(|s| (s.state.as_str(), s.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("ESP", StateStatus::NotAffected),
                ("FRA", StateStatus::Unknown),
                ("PAK", StateStatus::Affected)
            ]
        );
        let thread = store
            .report_messages(report.meta.id, Some("PAK"))
            .await
            .unwrap();
        assert_eq!(thread.len(), 2, "a question and its answer");

        // Twice changes nothing.
        let log_size = store.log_size().await.unwrap();
        let again = seed(&store, &clock, &entropy, dir.path()).await.unwrap();
        assert!(matches!(again, DemoOutcome::AlreadyThere(Some(_))));
        assert_eq!(store.log_size().await.unwrap(), log_size);
        assert_eq!(store.active_pocs().await.unwrap().len(), active.len());
        assert_eq!(store.pending_pocs().await.unwrap().len(), pending.len());
    }

    #[tokio::test]
    async fn the_demo_pocs_find_threads_in_their_inboxes() {
        use pocdir_communications::{Communications, Folder};
        use pocdir_domain::communication::tlp::{TlpLabel, WayOut};
        use pocdir_store::prelude::*;
        use pocdir_store::InboxFilter;
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("demo.db").display());
        let store = pocdir_store::sqlite::SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(std::sync::Arc::new(pocdir_domain::entropy::OsEntropy))
                .unwrap(),
        )
        .await
        .unwrap();
        let now = time::macros::datetime!(2026-11-30 09:00 UTC);
        let clock = ManualClock::new(now);
        let entropy = SeededEntropy::new(2);
        seed(&store, &clock, &entropy, dir.path()).await.unwrap();
        assert_eq!(clock.now(), now, "the caller's clock is left alone");
        let settings = default_settings();
        let service = Communications::new(&store, &clock, &settings);
        let account = |email: &'static str| {
            let store = &store;
            async move {
                store
                    .account_by_email(email)
                    .await
                    .unwrap()
                    .unwrap()
                    .requester(Scopes::ALL)
            }
        };
        let lea = account("technical.poc@cert.fr.example.org").await;
        let ayesha = account("technical.poc@cert.pk.example.org").await;
        let imran = account("diplomatic.poc@mofa.pk.example.org").await;
        let julien = account("diplomatic.poc@diplomatie.fr.example.org").await;
        let all = InboxFilter::default();

        // Léa (France, technical): the incident, its French answer, the
        // Spanish request for assistance and the RED message, all unread.
        let inbox = service.list(&lea, Folder::Inbox, &all, 50).await.unwrap();
        assert_eq!(inbox.len(), 4, "{inbox:?}");
        assert_eq!(service.unread(&lea).await.unwrap(), 4);
        let labels: BTreeSet<TlpLabel> = inbox.iter().map(|l| l.item.meta.tlp).collect();
        assert_eq!(
            labels,
            BTreeSet::from([TlpLabel::Green, TlpLabel::Amber, TlpLabel::Red])
        );
        let languages: BTreeSet<&str> = inbox
            .iter()
            .map(|l| l.item.meta.text_language.as_str())
            .collect();
        assert_eq!(languages, BTreeSet::from(["en", "es", "fr"]));
        for line in &inbox {
            assert!(line.item.meta.sent_at < now);
            assert!(line.item.meta.sent_at > now - time::Duration::days(1));
        }

        // The incident thread: acknowledged by one of France's two
        // technical PoCs, answered in French, indicators attached.
        let red = inbox
            .iter()
            .find(|l| l.item.meta.tlp == TlpLabel::Red)
            .unwrap();
        assert_eq!(red.item.recipient_count, 1);
        let incident = inbox
            .iter()
            .find(|l| l.item.meta.tlp == TlpLabel::Amber && l.item.meta.parent_id.is_none())
            .unwrap();
        let thread = service
            .thread(&lea, incident.item.meta.id, WayOut::Page)
            .await
            .unwrap();
        assert_eq!(thread.len(), 2);
        let first = &thread[0];
        assert_eq!(first.record.meta.kind.as_str(), "incident_notification");
        assert_eq!(first.record.meta.urgency.as_str(), "urgent");
        let content = first.content.as_ref().unwrap();
        assert_eq!(content.sectors.len(), 1);
        assert!(content.started.is_some() && content.detected.is_some());
        assert!(!content.impact.is_empty() && !content.requested_action.is_empty());
        assert_eq!(first.record.attachments.len(), 1);
        let acknowledged = first
            .record
            .recipients
            .iter()
            .filter(|r| r.receipts.acknowledged_at.is_some())
            .count();
        assert_eq!((first.record.recipients.len(), acknowledged), (2, 1));
        assert_eq!(
            thread[1].content.as_ref().unwrap().text_language,
            "fr",
            "the answer is written in French"
        );

        // Ayesha (Pakistan, technical): the overdue notification, escalated
        // to Pakistan's diplomatic PoCs, the request and the answer.
        let inbox = service
            .list(&ayesha, Folder::Inbox, &all, 50)
            .await
            .unwrap();
        assert_eq!(inbox.len(), 3, "{inbox:?}");
        let overdue = inbox
            .iter()
            .find(|l| l.item.meta.tlp == TlpLabel::AmberStrict)
            .unwrap();
        assert!(overdue.item.meta.ack_deadline < now);
        assert_eq!(overdue.item.acknowledged_count, 0);
        let record = store
            .communication(overdue.item.meta.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(record.escalations.len(), 1);
        assert_eq!(record.escalations[0].0, "PAK");
        assert_eq!(
            service.escalate_due(100).await.unwrap(),
            0,
            "nothing else is due"
        );

        // The diplomatic PoCs have the request for assistance; Pakistan's
        // also has the escalated notification.
        let julien_inbox = service
            .list(&julien, Folder::Inbox, &all, 50)
            .await
            .unwrap();
        assert_eq!(julien_inbox.len(), 1);
        assert_eq!(julien_inbox[0].item.meta.text_language, "es");
        let imran_inbox = service.list(&imran, Folder::Inbox, &all, 50).await.unwrap();
        let ids: BTreeSet<i64> = imran_inbox.iter().map(|l| l.item.meta.id).collect();
        assert_eq!(
            ids,
            BTreeSet::from([julien_inbox[0].item.meta.id, overdue.item.meta.id])
        );
    }
    /// The demo seeded on a fresh SQLite store at a fixed now.
    async fn seeded_demo() -> (
        tempfile::TempDir,
        pocdir_store::sqlite::SqliteStore,
        ManualClock,
        time::OffsetDateTime,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("demo.db").display());
        let store = pocdir_store::sqlite::SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(std::sync::Arc::new(pocdir_domain::entropy::OsEntropy))
                .unwrap(),
        )
        .await
        .unwrap();
        let now = time::macros::datetime!(2026-11-30 09:00 UTC);
        let clock = ManualClock::new(now);
        seed(&store, &clock, &SeededEntropy::new(5), dir.path())
            .await
            .unwrap();
        (dir, store, clock, now)
    }

    #[tokio::test]
    async fn the_demo_has_a_confirmed_match_and_open_requests_with_an_offer() {
        use pocdir_domain::capacity::{OfferStatus, RequestStatus, Visibility};
        use pocdir_store::prelude::*;
        let (_dir, store, _clock, now) = seeded_demo().await;
        let requests = store.capacity_requests().await.unwrap();
        let mut seen: Vec<_> = requests
            .iter()
            .map(|r| (r.participant.as_str(), r.status, r.visibility))
            .collect();
        seen.sort_by_key(|s| (s.0, s.1.as_str()));
        assert_eq!(
            seen,
            [
                ("FRA", RequestStatus::Filed, Visibility::Anonymous),
                ("PAK", RequestStatus::Filed, Visibility::NamedProviders),
                ("PAK", RequestStatus::Matched, Visibility::AllProviders),
            ]
        );
        // Nothing is dated ahead of the demo's end.
        assert!(
            requests.iter().all(|r| r.filed_at <= now),
            "{:?}",
            requests.iter().map(|r| r.filed_at).collect::<Vec<_>>()
        );
        let matched = requests
            .iter()
            .find(|r| r.status == RequestStatus::Matched)
            .unwrap();
        assert!(matched.acknowledged_at.is_some() && matched.confirmed_at.is_some());
        assert_eq!(matched.selected_provider.as_deref(), Some("FRA"));
        let funding = store.capacity_funding().await.unwrap();
        assert_eq!(funding.len(), 2);
        assert!(funding
            .iter()
            .all(|f| f.request_id == Some(matched.id) && f.donor == "FRA" && f.at <= now));
        let anonymous = requests
            .iter()
            .find(|r| r.visibility == Visibility::Anonymous)
            .unwrap();
        let offers = store.capacity_offers(anonymous.id).await.unwrap();
        assert_eq!(offers.len(), 1);
        assert_eq!(offers[0].status, OfferStatus::Open);
    }

    #[tokio::test]
    async fn the_demo_has_the_shipped_modules_and_a_poc_halfway_through_one() {
        use pocdir_store::prelude::*;
        let (_dir, store, _clock, now) = seeded_demo().await;
        let modules = store.latest_learning_modules().await.unwrap();
        let slugs: Vec<&str> = modules.iter().map(|m| m.slug.as_str()).collect();
        assert_eq!(
            slugs,
            ["ping-tests", "requests-for-assistance", "what-a-poc-does"]
        );
        let poc = store
            .account_by_email(crate::demo_learning::HALFWAY_ACCOUNT)
            .await
            .unwrap()
            .unwrap();
        let read = store.lessons_read(poc.id).await.unwrap();
        assert_eq!(read.len(), 2, "two of three lessons");
        assert!(read
            .iter()
            .all(|r| r.slug == crate::demo_learning::HALFWAY_MODULE && r.read_at <= now));
        assert!(store.quiz_attempts(poc.id).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn the_demo_has_the_seeded_lexicon_and_two_pending_proposals() {
        use pocdir_store::prelude::*;
        let (_dir, store, _clock, _now) = seeded_demo().await;
        let concepts = store.latest_concepts().await.unwrap();
        assert!(concepts.len() >= 25, "{} concepts", concepts.len());
        let pending = store
            .lexicon_proposals(Some("pending"), None)
            .await
            .unwrap();
        assert_eq!(pending.len(), 2);
        let changed = pending
            .iter()
            .find(|p| p.concept_id == "ping-test")
            .unwrap();
        assert_eq!(changed.participant.as_deref(), Some("PAK"));
        assert_eq!(store.lexicon_comments(changed.id).await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn the_demo_has_library_documents_and_a_logged_download() {
        use pocdir_store::prelude::*;
        let (_dir, store, _clock, _now) = seeded_demo().await;
        let documents = store.library_documents().await.unwrap();
        assert_eq!(documents.len(), 4);
        let tlps: std::collections::BTreeSet<_> =
            documents.iter().map(|d| d.tlp.as_str()).collect();
        assert_eq!(tlps.len(), 4, "every label a library takes: {tlps:?}");
        assert!(documents.iter().any(|d| d.participant.is_none()));
        let filter = pocdir_store::LogFilter {
            action: Some("library.download".into()),
            ..Default::default()
        };
        let reads = store.search_log(&filter, None, 10).await.unwrap();
        assert_eq!(reads.len(), 1);
        assert_eq!(reads[0].participant.as_deref(), Some("PAK"));

        // France has read Pakistan's PoCs' details: one read of each active PoC.
        let filter = pocdir_store::LogFilter {
            action: Some("poc.read".into()),
            participant: Some("PAK".into()),
            ..Default::default()
        };
        let reads = store.search_log(&filter, None, 100).await.unwrap();
        let active = store
            .pocs_of("PAK")
            .await
            .unwrap()
            .iter()
            .filter(|p| p.active.is_some())
            .count();
        assert!(active > 0);
        assert_eq!(reads.len(), active);
        assert!(reads
            .iter()
            .all(|r| r.actor_participant.as_deref() == Some("FRA")));
    }

    #[tokio::test]
    async fn the_demo_has_a_played_exercise_and_one_ready_to_start() {
        use pocdir_communications::exercises::Exercises;
        use pocdir_domain::exercise::run::ExerciseStatus;
        use pocdir_store::prelude::*;
        let (_dir, store, clock, now) = seeded_demo().await;
        let exercises = store.exercises().await.unwrap();
        let status: Vec<_> = exercises.iter().map(|e| e.status).collect();
        assert_eq!(status, [ExerciseStatus::Draft, ExerciseStatus::Ended]);
        assert!(exercises.iter().all(|e| e.created_at <= now));
        let settings = default_settings();
        let service = Exercises::new(&store, &clock, &settings);
        let secretariat = store
            .account_by_email("secretariat@secretariat.example.org")
            .await
            .unwrap()
            .unwrap()
            .requester(Scopes::ALL);
        let report = service.report(&secretariat, exercises[1].id).await.unwrap();
        let part = |code: &str| {
            report
                .states
                .iter()
                .find(|s| s.state == code)
                .unwrap()
                .tally
                .clone()
        };
        let (pak, fra, esp) = (part("PAK"), part("FRA"), part("ESP"));
        assert!(pak.met >= 8 && pak.missed <= pak.met / 2, "{pak:?}");
        assert!(fra.late >= 1, "{fra:?}");
        assert_eq!((esp.met, esp.late), (0, 0), "{esp:?}");
        assert_eq!(report.overall.as_ref().unwrap().pending, 0);
        assert_eq!(report.states[2].feedback.len(), 1, "Pakistan's survey");
        // Every exercise mail of the past went out; none is left to send.
        let queued = store
            .mails(Some(pocdir_store::MailStatus::Queued), u32::MAX)
            .await
            .unwrap();
        assert!(queued
            .iter()
            .all(|m| !m.dedupe_key.starts_with("exercise:")));
    }

    #[tokio::test]
    async fn the_demo_has_finished_and_running_ping_tests() {
        use pocdir_domain::ping_test::campaign::{CampaignStatus, PingSettings};
        use pocdir_domain::ping_test::challenge::{AnswerChannel, OtherChannelFinding};
        use pocdir_ping_tests::{PingError, PingTests};
        use pocdir_store::prelude::*;
        use pocdir_store::MailStatus;
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("demo.db").display());
        let store = pocdir_store::sqlite::SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(std::sync::Arc::new(pocdir_domain::entropy::OsEntropy))
                .unwrap(),
        )
        .await
        .unwrap();
        let now = time::macros::datetime!(2026-11-30 09:00 UTC);
        let clock = ManualClock::new(now);
        let entropy = SeededEntropy::new(3);
        let started = std::time::Instant::now();
        seed(&store, &clock, &entropy, dir.path()).await.unwrap();
        eprintln!("demo seeded in {:?}", started.elapsed());
        assert_eq!(clock.now(), now, "the caller's clock is left alone");
        let settings = pocdir_ping_tests::Settings {
            ping: PingSettings::default(),
            schedule: false,
            base_url: default_settings().base_url,
        };
        let service = PingTests::new(&store, &clock, &settings);
        let account = |email: &'static str| {
            let store = &store;
            async move {
                store
                    .account_by_email(email)
                    .await
                    .unwrap()
                    .unwrap()
                    .requester(Scopes::ALL)
            }
        };
        let secretariat = account("secretariat@secretariat.example.org").await;

        let campaigns = store.campaigns().await.unwrap();
        assert_eq!(campaigns.len(), 3, "{campaigns:?}");
        let status: Vec<(CampaignStatus, bool)> = campaigns
            .iter()
            .map(|c| (c.status(now), c.published_at.is_some()))
            .collect();
        assert_eq!(
            status,
            vec![
                (CampaignStatus::Running, false),
                (CampaignStatus::Finished, false),
                (CampaignStatus::Finished, true),
            ],
            "newest first"
        );
        let (running, second, first) = (&campaigns[0], &campaigns[1], &campaigns[2]);
        let active = store.active_pocs().await.unwrap().len() as u64;

        // The first round: mixed outcomes, one mail refused, one PoC
        // reached by phone; its aggregates are on the public page.
        let results = service.results(&secretariat, first.id, None).await.unwrap();
        let t = results.overall.tally;
        assert_eq!(t.in_time + t.late + t.no_answer + t.undeliverable, active);
        assert_eq!(t.awaiting, 0);
        assert_eq!(t.undeliverable, 1, "{t:?}");
        assert!(t.in_time * 10 >= active * 6, "most answered in time: {t:?}");
        assert!(t.late >= 3 && t.no_answer >= 3, "{t:?}");
        assert!(t.late + t.no_answer + t.undeliverable < t.in_time, "{t:?}");
        let challenges = store
            .challenges(first.id, &Default::default())
            .await
            .unwrap();
        let phoned: Vec<_> = challenges
            .iter()
            .filter(|c| c.channel == Some(AnswerChannel::OtherChannel))
            .collect();
        assert_eq!(phoned.len(), 1);
        assert_eq!(phoned[0].finding, Some(OtherChannelFinding::Reached));
        assert!(phoned[0].note.as_deref().unwrap().contains("phone"));
        let channels: BTreeSet<&str> = challenges
            .iter()
            .filter_map(|c| c.channel.map(|ch| ch.as_str()))
            .collect();
        assert_eq!(
            channels.len(),
            4,
            "link, portal, API and phone: {channels:?}"
        );
        for c in challenges.iter().filter(|c| c.answered_at.is_some()) {
            let at = c.answered_at.unwrap();
            assert!(at > first.times.starts_at && at < first.times.closes_at);
        }
        let (_, public) = service.public_figures(first.id).await.unwrap();
        assert_eq!(public.tally, t);
        assert!(public.states.all > 0 && public.states.partly + public.states.none > 0);
        assert!(matches!(
            service.public_figures(second.id).await,
            Err(PingError::NotFound)
        ));

        // The second round does better; the trend has the three campaigns.
        let second_tally = service
            .results(&secretariat, second.id, None)
            .await
            .unwrap()
            .overall
            .tally;
        assert!(second_tally.in_time > t.in_time, "{second_tally:?} {t:?}");
        assert!(second_tally.late + second_tally.no_answer > 0);
        assert_eq!(service.trend(&secretariat, None).await.unwrap().len(), 3);

        // The running one: some answered, the demo PoCs' challenges open.
        let tally = service
            .results(&secretariat, running.id, None)
            .await
            .unwrap()
            .overall
            .tally;
        assert!(
            tally.in_time > 0 && tally.awaiting > tally.in_time,
            "{tally:?}"
        );
        for email in [
            "technical.poc@cert.fr.example.org",
            "technical.poc@cert.pk.example.org",
            "diplomatic.poc@mofa.pk.example.org",
            "diplomatic.poc@diplomatie.fr.example.org",
        ] {
            let open = service
                .open_challenges(&account(email).await)
                .await
                .unwrap();
            assert!(!open.is_empty(), "{email} has an open challenge");
            assert!(open.iter().all(|o| o.campaign.id == running.id));
        }

        // Every ping test mail went out or was refused; the jobs have
        // nothing to catch up on at start.
        let queued = store.mails(Some(MailStatus::Queued), 10_000).await.unwrap();
        assert!(queued.iter().all(|m| !m.dedupe_key.starts_with("ping:")));
        let failed = store.mails(Some(MailStatus::Failed), 100).await.unwrap();
        assert_eq!(failed.len(), 3, "the challenge and its two reminders");
        assert!(first.escalated_at.is_some() && second.escalated_at.is_some());
        assert_eq!(service.remind_due().await.unwrap(), 0);
        assert_eq!(service.escalate_due().await.unwrap(), 0);

        // The log tells it in order: times never go back.
        let size = store.log_size().await.unwrap();
        let entries = store.log_entries(0, size).await.unwrap();
        assert!(entries
            .iter()
            .any(|e| e.entry.action == "ping_test.publish"));
        for pair in entries.windows(2) {
            assert!(
                pair[0].entry.at <= pair[1].entry.at,
                "{:?} then {:?}",
                pair[0].entry,
                pair[1].entry
            );
        }
    }
}
