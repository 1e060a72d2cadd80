//! The demo's reporters: one vetted security research company whose
//! account is the demo's reporter login, and one application still waiting
//! for the secretariat. Both go through the form's checks
//! (`ApplicationDraft::validate`) and the status machine
//! (`reporter::transition`), logged like the web's. The vetted company has
//! sent a vulnerability report under embargo to three demo States, through
//! the reports service: Spain answered "not affected", Pakistan "affected"
//! and asked a question the reporter answered, France has not answered yet
//! (its technical PoC's login can acknowledge it).

use anyhow::{Context, Result};
use pocdir_communications::reports::Reports;
use pocdir_communications::Settings;
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::ManualClock;
use pocdir_domain::communication::template::ZonedTime;
use pocdir_domain::directory::participant::ParticipantKind;
use pocdir_domain::log::events;
use pocdir_domain::policy::Scopes;
use pocdir_domain::report::{AffectedProduct, ReportDraft};
use pocdir_domain::reporter::{transition, ApplicationDraft, VettingDecision};
use pocdir_store::{Account, NewApplication, ReporterDecision, Store};
use std::collections::BTreeSet;
use time::{Duration, OffsetDateTime};

/// The vetted company (the demo's reporter account) and the pending applicant.
fn applications(reporter: &Account) -> [ApplicationDraft; 2] {
    [
        ApplicationDraft {
            organisation: "Kestrel Vulnerability Research K.K.".into(),
            country: "JPN".into(),
            website: "https://kestrel-research.example.com/".into(),
            contact_name: reporter.display_name.clone(),
            contact_email: reporter.email.clone(),
            language: "en".into(),
            openpgp_key: String::new(),
            why: "We research vulnerabilities in industrial control systems and \
                  medical devices, and coordinate their disclosure with vendors \
                  and national CERTs."
                .into(),
        },
        ApplicationDraft {
            organisation: "Laboratorio Austral de Ciberseguridad".into(),
            country: "CHL".into(),
            website: "https://austral-lab.example.org/".into(),
            contact_name: "Valentina Rojas".into(),
            contact_email: "valentina.rojas@austral-lab.example.org".into(),
            language: "es".into(),
            openpgp_key: String::new(),
            why: "Somos un equipo universitario que analiza campañas de phishing \
                  dirigidas a administraciones públicas de la región."
                .into(),
        },
    ]
}

async fn apply(
    store: &dyn Store,
    now: OffsetDateTime,
    draft: &ApplicationDraft,
    known: &BTreeSet<String>,
) -> Result<pocdir_store::Reporter> {
    let app = draft
        .validate(now, &|code| known.contains(code))
        .map_err(|e| anyhow::anyhow!("demo application refused: {e:?}"))?;
    let log = events::reporter_applied(
        now,
        &app.organisation,
        &app.country,
        &app.website,
        app.contact_email.as_str(),
        None,
    )?;
    Ok(store
        .apply_as_reporter(
            NewApplication {
                organisation: app.organisation,
                country: app.country,
                website: app.website,
                contact_name: app.contact_name,
                contact_email: app.contact_email.as_str().to_string(),
                language: app.language,
                openpgp_key: None,
                openpgp_fingerprint: None,
                why: app.why,
                applied_at: now,
            },
            log,
        )
        .await?)
}

/// Seeds both in the minutes before `now`, and the vetted company's report;
/// `accounts` are the demo's (its reporter, secretariat and PoCs).
pub async fn seed(
    store: &dyn Store,
    accounts: &[Account],
    settings: &Settings,
    now: OffsetDateTime,
) -> Result<()> {
    let reporter = accounts
        .iter()
        .find(|a| a.kind == AccountKind::Reporter)
        .context("the demo has a reporter")?;
    let secretariat = accounts
        .iter()
        .find(|a| a.kind == AccountKind::Secretariat)
        .context("the demo has a secretariat")?;
    let known: BTreeSet<String> = store
        .participants()
        .await?
        .into_iter()
        .filter(|p| p.kind != ParticipantKind::Organisation)
        .map(|p| p.code)
        .collect();
    let [vetted, pending] = applications(reporter);

    // After the rest of the demo (its communications end 20 minutes before
    // `now`): the log's times never go back.
    let r = apply(store, now - Duration::minutes(15), &vetted, &known).await?;
    // The secretariat approved it soon after; its account is the demo's
    // ready-made reporter login rather than an invitation.
    let at = now - Duration::minutes(10);
    let (_, reason) = transition(r.status, VettingDecision::Approve, "")?;
    let reason = reason.map(|r| r.as_str().to_string());
    let log = events::reporter_decided(
        at,
        secretariat.log_actor(),
        r.id,
        VettingDecision::Approve,
        reason.as_deref(),
    )?;
    store
        .decide_reporter(ReporterDecision {
            reporter_id: r.id,
            decision: VettingDecision::Approve,
            from: r.status,
            reason,
            at,
            decided_by: Some(secretariat.id),
            invitation: None,
            mail: None,
            log,
        })
        .await?;
    store.link_reporter_account(r.id, reporter.id).await?;
    seed_report(store, reporter, settings, now).await?;

    apply(store, now - Duration::minutes(5), &pending, &known).await?;
    Ok(())
}

/// The demo's STIX 2.1 indicators (checked like any reporter's).
const STIX: &str = include_str!("demo_report_stix.json");

/// The vulnerability report, between 9 and 6 minutes before `now`.
async fn seed_report(
    store: &dyn Store,
    reporter: &Account,
    settings: &Settings,
    now: OffsetDateTime,
) -> Result<()> {
    let clock = ManualClock::new(now - Duration::minutes(9));
    let reports = Reports::new(store, &clock, settings);
    // Three weeks ahead, 09:00 in Tokyo, where the reporter works.
    let day =
        ZonedTime::at(now + Duration::days(21), "Asia/Tokyo").context("Asia/Tokyo is a zone")?;
    let embargo_local = format!("{}T09:00", day.local.get(..10).unwrap_or("2027-01-01"));
    let draft = ReportDraft {
        category: "vulnerability".into(),
        tlp: "AMBER".into(),
        title: "Authentication bypass in the Meridian SCADA gateway web console".into(),
        description: "An unauthenticated request to /cgi-bin/session with a crafted \
                      cookie returns an administrator session on the gateway's web \
                      console. From there an attacker can change set points of the \
                      connected PLCs. We have seen scanning for the console from the \
                      addresses in the attached indicators. The vendor has a fixed \
                      firmware (4.2.7) ready for release on the embargo's end; until \
                      then, restrict the console to the management network."
            .into(),
        products: vec![
            AffectedProduct {
                product: "Meridian SCADA Gateway".into(),
                versions: "firmware < 4.2.7".into(),
            },
            AffectedProduct {
                product: "Meridian Historian".into(),
                versions: "2.0 – 2.3 (bundled console)".into(),
            },
        ],
        cve_ids: vec!["CVE-2026-48213".into()],
        stix_bundle: STIX.into(),
        embargo_local,
        embargo_zone: "Asia/Tokyo".into(),
        states: vec!["ESP".into(), "FRA".into(), "PAK".into()],
        all_states: false,
    };
    let id = reports
        .send(&reporter.requester(Scopes::ALL), draft, Vec::new())
        .await
        .map_err(|e| anyhow::anyhow!("the demo report was refused: {e:?}"))?;
    let poc = |email: &'static str| async move {
        store
            .account_by_email(email)
            .await?
            .with_context(|| format!("the demo has {email}"))
    };
    let step = |e| anyhow::anyhow!("a demo report step was refused: {e:?}");

    // Spain's CERT looked and is not affected.
    clock.advance(Duration::minutes(1));
    let spain = poc("alvaro.garcia.perez@cert.es.example.org")
        .await?
        .requester(Scopes::ALL);
    reports.acknowledge(&spain, id).await.map_err(step)?;
    reports
        .set_status(&spain, id, "not_affected")
        .await
        .map_err(step)?;

    // Pakistan's is affected and asks which builds are fixed.
    clock.advance(Duration::minutes(1));
    let pakistan = poc("technical.poc@cert.pk.example.org")
        .await?
        .requester(Scopes::ALL);
    reports.acknowledge(&pakistan, id).await.map_err(step)?;
    reports
        .set_status(&pakistan, id, "affected")
        .await
        .map_err(step)?;
    reports
        .post_message(
            &pakistan,
            id,
            None,
            "Two of our grid operators run firmware 4.1.x. Does 4.2.7 also fix the \
             Historian console, or do they need a separate update?",
        )
        .await
        .map_err(step)?;

    // The reporter answers in Pakistan's thread.
    clock.advance(Duration::minutes(1));
    reports
        .post_message(
            &reporter.requester(Scopes::ALL),
            id,
            Some("PAK"),
            "4.2.7 fixes both: the Historian uses the gateway's console. The vendor's \
             advisory will say so; until the end of the embargo, the workaround is to \
             allow the console from the management network only.",
        )
        .await
        .map_err(step)?;
    Ok(())
}
