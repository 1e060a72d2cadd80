//! The demo's capacity building: Pakistan's request for help with its
//! national CSIRT, acknowledged, offered on by France, selected and
//! confirmed the day after the directory was made (its follow-ups fall
//! due six and twelve months on), France pledging its cost and paying half;
//! and, filed in the last days, France's
//! anonymous request for a peer review with Pakistan's offer on it, and
//! Pakistan's request to France alone on cybercrime, not yet acknowledged.
//!
//! Everything goes through the use case the pages and the API call
//! (`pocdir_web::capacity::steps`), on the demo's clock.

use anyhow::{anyhow, Context, Result};
use pocdir_domain::capacity::funding::FundingDraft;
use pocdir_domain::capacity::request::{OfferDraft, RequestDraft};
use pocdir_domain::capacity::RequestStep;
use pocdir_domain::clock::{Clock, ManualClock};
use pocdir_domain::policy::Scopes;
use pocdir_store::{Account, Store};
use pocdir_web::capacity::steps::{self, Caller, CapacityFailure};
use time::Duration;

async fn caller<'a>(
    store: &'a dyn Store,
    clock: &'a ManualClock,
    email: &str,
) -> Result<Caller<'a>> {
    let account: Account = store
        .account_by_email(email)
        .await?
        .with_context(|| format!("the demo account {email}"))?;
    Ok(Caller::new(store, clock, account.requester(Scopes::ALL)))
}

fn failed(e: CapacityFailure) -> anyhow::Error {
    anyhow!("the demo's capacity building: {e:?}")
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The match, in the hours after the directory was made (before the
/// exercise two days on: the demo's clock only moves forward).
pub async fn seed_match(store: &dyn Store, clock: &ManualClock) -> Result<()> {
    let pak = caller(store, clock, "diplomatic.poc@mofa.pk.example.org").await?;
    let fra = caller(store, clock, "technical.poc@cert.fr.example.org").await?;
    let secretariat = caller(store, clock, "secretariat@secretariat.example.org").await?;
    let needed_by = (clock.now() + Duration::days(300)).date().to_string();
    clock.advance(Duration::minutes(30));
    let request = steps::file(
        &pak,
        &RequestDraft {
            areas: strings(&["incident_response", "technical_training"]),
            description: "Pakistan's national CSIRT is being set up. We ask for a \
                          week-long course on incident handling for its first ten \
                          analysts, and advice on its procedures."
                .into(),
            languages: strings(&["en"]),
            format: "training".into(),
            needed_by,
            funding_needed: true,
            visibility: "all_providers".into(),
            providers: Vec::new(),
        },
    )
    .await
    .map_err(failed)?;
    clock.advance(Duration::hours(2));
    steps::step(&secretariat, request.id, RequestStep::Acknowledge, None)
        .await
        .map_err(failed)?;
    clock.advance(Duration::hours(3));
    let offer = steps::offer(
        &fra,
        request.id,
        &OfferDraft {
            description: "Two trainers of CERT-FR for five days in Islamabad, with the \
                          course material in English; the course is funded by France."
                .into(),
            languages: strings(&["en", "fr"]),
            format: "training".into(),
            funded: true,
        },
    )
    .await
    .map_err(failed)?;
    clock.advance(Duration::hours(18));
    steps::step(&pak, request.id, RequestStep::Select, Some(offer.id))
        .await
        .map_err(failed)?;
    clock.advance(Duration::hours(2));
    steps::step(&secretariat, request.id, RequestStep::Confirm, None)
        .await
        .map_err(failed)?;
    // France funds the course: pledged, then half paid out.
    let fra_diplomat = caller(store, clock, "diplomatic.poc@diplomatie.fr.example.org").await?;
    for (stage, amount) in [("pledge", "48000"), ("disbursement", "24000")] {
        clock.advance(Duration::minutes(30));
        steps::fund(
            &fra_diplomat,
            Some(request.id),
            &FundingDraft {
                stage: stage.into(),
                currency: "EUR".into(),
                amount: amount.into(),
                area: String::new(),
            },
        )
        .await
        .map_err(failed)?;
    }
    Ok(())
}

/// The open requests, filed at the demo's end (the demo's clock is then
/// now, and no entry may be dated ahead of it).
pub async fn seed_open(store: &dyn Store, clock: &ManualClock) -> Result<()> {
    let pak = caller(store, clock, "diplomatic.poc@mofa.pk.example.org").await?;
    let pak_technical = caller(store, clock, "technical.poc@cert.pk.example.org").await?;
    let fra = caller(store, clock, "diplomatic.poc@diplomatie.fr.example.org").await?;
    let in_months = |m: i64| (clock.now() + Duration::days(30 * m)).date().to_string();
    let peer_review = steps::file(
        &fra,
        &RequestDraft {
            areas: strings(&["standards", "critical_infrastructure"]),
            description: "A peer review of our national rules for the security of \
                          operators of essential services, against the ISO/IEC 27001 \
                          controls they cite."
                .into(),
            languages: strings(&["en", "fr"]),
            format: "peer_review".into(),
            needed_by: in_months(6),
            funding_needed: false,
            visibility: "anonymous".into(),
            providers: Vec::new(),
        },
    )
    .await
    .map_err(failed)?;
    steps::offer(
        &pak_technical,
        peer_review.id,
        &OfferDraft {
            description: "Two reviewers of PakCERT, remotely, over four weeks.".into(),
            languages: strings(&["en"]),
            format: "peer_review".into(),
            funded: true,
        },
    )
    .await
    .map_err(failed)?;
    steps::file(
        &pak,
        &RequestDraft {
            areas: strings(&["cybercrime"]),
            description: "Advice on the handling of electronic evidence across \
                          borders, for prosecutors and investigators."
                .into(),
            languages: strings(&["en", "fr"]),
            format: "advisory_mission".into(),
            needed_by: in_months(9),
            funding_needed: true,
            visibility: "named_providers".into(),
            providers: strings(&["FRA"]),
        },
    )
    .await
    .map_err(failed)?;
    Ok(())
}
