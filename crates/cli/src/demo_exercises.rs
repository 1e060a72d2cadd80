//! The demo's tabletop exercises: the election DDoS example played by
//! Pakistan, France and Spain (Pakistan's PoCs acknowledged,
//! escalated and replied in time, France's late, Spain's not at all; the
//! facilitator judged the manual expectations; Pakistan's technical PoC
//! answered the survey), so that the after-action report has something to
//! show; and the grid ransomware example prepared for the same States,
//! ready for the secretariat to start from its console.
//!
//! Everything goes through the exercise service (the one the pages and the
//! job call) on the demo's clock, moved forward inject by inject, so that
//! entries, deliveries and outcomes have the times they would have had.
//! The mails of the past exercise are marked sent as the mail job would.

use crate::demo_ping_tests::deliver_queued;
use anyhow::{Context, Result};
use pocdir_communications::exercises::{Exercises, PlayerChoice};
use pocdir_communications::Settings;
use pocdir_domain::clock::{Clock, ManualClock};
use pocdir_domain::exercise::run::{ExerciseStep, Outcome};
use pocdir_domain::exercise::scenario::ExpectationKind;
use pocdir_domain::policy::Scopes;
use pocdir_store::{Account, Store};
use time::Duration;

const STATES: [&str; 3] = ["ESP", "FRA", "PAK"];

async fn account(store: &dyn Store, email: &str) -> Result<Account> {
    store
        .account_by_email(email)
        .await?
        .with_context(|| format!("the demo account {email}"))
}

fn secretariat(cast: &[Account]) -> Result<pocdir_domain::requester::Requester> {
    Ok(cast
        .iter()
        .find(|a| a.kind == pocdir_domain::account::AccountKind::Secretariat)
        .context("the demo has a secretariat")?
        .requester(Scopes::ALL))
}

/// Plays the election DDoS through, two days after the demo directory
/// was made (before the first ping test): `clock` is the demo's clock and
/// only moves forward. Returns the exercise's id.
pub async fn seed_played(
    store: &dyn Store,
    clock: &ManualClock,
    settings: &Settings,
    cast: &[Account],
) -> Result<i64> {
    let secretariat = secretariat(cast)?;
    let pak_technical = account(store, "technical.poc@cert.pk.example.org").await?;
    let pak_diplomatic = account(store, "diplomatic.poc@mofa.pk.example.org").await?;
    let fra_technical = account(store, "technical.poc@cert.fr.example.org").await?;
    let states: Vec<String> = STATES.iter().map(|s| s.to_string()).collect();

    // At 08:30 UTC two days on: the election DDoS, played through.
    let day = (clock.now() + Duration::days(2)).date();
    clock.set(day.with_hms(8, 25, 0)?.assume_utc());
    let service = Exercises::new(store, clock, settings);
    let ended = service
        .prepare_example(&secretariat, "election-ddos", &states)
        .await?;
    clock.advance(Duration::minutes(5));
    service
        .step(&secretariat, ended, ExerciseStep::Start)
        .await?;
    let loaded = service.load(ended).await?;
    let offsets: Vec<u32> = loaded
        .scenario
        .injects
        .iter()
        .map(|i| i.at_minutes)
        .collect();
    let started = clock.now();
    let mut minute = 0;
    for at in offsets {
        if at > minute {
            clock.set(started + Duration::minutes(i64::from(at)));
            minute = at;
            service.tick().await?;
            deliver_queued(store, clock, "exercise:", None).await?;
        }
        // Pakistan answers what reaches it within a few minutes; France's
        // technical PoC the alert only, late.
        let inbox = service
            .inbox(&pak_technical.requester(Scopes::ALL), "en")
            .await?;
        for line in inbox.iter().filter(|l| l.delivery.exercise_id == ended) {
            if line.delivery.acknowledged_at.is_some() {
                continue;
            }
            let who = pak_technical.requester(Scopes::ALL);
            clock.advance(Duration::minutes(3));
            service
                .act(&who, line.delivery.inject_id, PlayerChoice::Acknowledge)
                .await?;
            let opened = service.open(&who, line.delivery.inject_id).await?;
            let kinds: Vec<ExpectationKind> = opened.plan.expect.iter().map(|e| e.kind).collect();
            if kinds.contains(&ExpectationKind::Escalate) {
                service
                    .act(&who, line.delivery.inject_id, PlayerChoice::Escalate)
                    .await?;
            }
            if kinds.contains(&ExpectationKind::Reply) {
                clock.advance(Duration::minutes(6));
                service
                    .act(
                        &who,
                        line.delivery.inject_id,
                        PlayerChoice::Reply(
                            "PK-CERT: seen and handled on our side; details follow by phone \
                             to your duty officer."
                                .into(),
                        ),
                    )
                    .await?;
            }
            deliver_queued(store, clock, "exercise:", None).await?;
        }
        if minute == 55 {
            let who = fra_technical.requester(Scopes::ALL);
            let fra = service.inbox(&who, "fr").await?;
            if let Some(alert) = fra.iter().find(|l| {
                l.delivery.exercise_id == ended && l.delivery.inject_key == "valcert-alert"
            }) {
                service
                    .act(&who, alert.delivery.inject_id, PlayerChoice::Acknowledge)
                    .await?;
            }
        }
    }
    // The diplomat acknowledges what was escalated to him.
    let who = pak_diplomatic.requester(Scopes::ALL);
    for line in service.inbox(&who, "en").await? {
        if line.delivery.exercise_id == ended && line.delivery.acknowledged_at.is_none() {
            let _ = service
                .act(&who, line.delivery.inject_id, PlayerChoice::Acknowledge)
                .await;
        }
    }
    // The facilitator judges the manual expectations: Pakistan's met,
    // the others missed.
    clock.advance(Duration::minutes(10));
    let console = service.console(ended).await?;
    for x in console.to_validate() {
        let (outcome, comment) = if x.state == "PAK" {
            (
                Outcome::Met,
                "Confirmed with PK-CERT's duty officer by phone.",
            )
        } else {
            (Outcome::Missed, "No sign of it in the exercise traffic.")
        };
        service
            .validate(&secretariat, ended, x.id, outcome, comment)
            .await?;
    }
    service.step(&secretariat, ended, ExerciseStep::End).await?;
    clock.advance(Duration::hours(2));
    service
        .feedback(
            &pak_technical.requester(Scopes::ALL),
            ended,
            4,
            "The escalation to our foreign ministry took two minutes.",
            "Agree the public line with the other States before the news items.",
        )
        .await?;
    Ok(ended)
}

/// Prepares the grid ransomware for the same States, at the clock's time,
/// ready for the secretariat to start. Returns the exercise's id.
pub async fn seed_prepared(
    store: &dyn Store,
    clock: &ManualClock,
    settings: &Settings,
    cast: &[Account],
) -> Result<i64> {
    let states: Vec<String> = STATES.iter().map(|s| s.to_string()).collect();
    Ok(Exercises::new(store, clock, settings)
        .prepare_example(&secretariat(cast)?, "grid-ransomware", &states)
        .await?)
}
