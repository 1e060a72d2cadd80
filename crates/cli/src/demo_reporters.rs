//! The demo's reporters: one vetted security research company whose
//! account is the demo's reporter login, and one application still waiting
//! for the secretariat. Both go through the form's checks
//! (`ApplicationDraft::validate`) and the status machine
//! (`reporter::transition`), logged like the web's.

use anyhow::{Context, Result};
use pocdir_domain::account::AccountKind;
use pocdir_domain::directory::participant::ParticipantKind;
use pocdir_domain::log::events;
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

/// Seeds both in the minutes before `now`; `accounts` are the demo's (its
/// reporter and secretariat).
pub async fn seed(store: &dyn Store, accounts: &[Account], now: OffsetDateTime) -> Result<()> {
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

    apply(store, now - Duration::minutes(5), &pending, &known).await?;
    Ok(())
}
