//! The demo's ping tests: two finished campaigns with mixed outcomes (most
//! PoCs answered in time, some late, a few not at all, one mail the relay
//! refused, one PoC reached by phone by the secretariat; the first one
//! published, so the public page shows its aggregates) and one running
//! campaign in which the demo PoCs have open challenges, so that the
//! charts, the trend and a PoC's home show something on first start.
//!
//! Everything goes through the ping test service (the one the pages, the
//! API and the jobs call) on the demo's clock, which is moved forward step
//! by step: log entries, answers, reminders and escalations have the times
//! they would have had. The mail job is not running while the demo is
//! seeded, so the mails the campaigns queue are marked sent (or refused)
//! here, through the outbox store, as the mail job would.

use anyhow::{Context, Result};
use pocdir_domain::clock::{Clock, ManualClock};
use pocdir_domain::entropy::Entropy;
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_domain::ping_test::campaign::{CampaignDraft, PingSettings};
use pocdir_domain::ping_test::challenge::{AnswerChannel, OtherChannelFinding};
use pocdir_domain::policy::Scopes;
use pocdir_ping_tests::{DirectWriter, PingTests, Settings};
use pocdir_store::{Account, ChallengeFilter, MailStatus, Store};
use std::collections::{BTreeMap, BTreeSet};
use time::{Duration, OffsetDateTime};

/// How long before `now` the directory exists (see [`crate::demo`]): the
/// first campaign starts a few days after it.
pub const HISTORY: Duration = Duration::days(45);

/// What the demo ran, for the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoPingTests {
    /// Finished and published.
    pub first: i64,
    /// Finished, not published.
    pub second: i64,
    /// Running: the demo PoCs' challenges are open.
    pub running: i64,
}

/// What becomes of one challenge in a finished campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// Answered this long after the start.
    Answer(Duration, AnswerChannel),
    NoAnswer,
    /// The relay refuses its mail.
    Undeliverable,
    /// Reached by phone by the secretariat this long after the start.
    Phone(Duration),
}

/// Response times of answers in time, from the start: most within hours,
/// some after the first (24 h) or second (48 h) reminder.
const IN_TIME: &[i64] = &[
    6, 9, 14, 18, 23, 31, 38, 47, 55, 64, 80, 95, 110, 140, 175, 220, 290, 360, 480, 610, 780,
    1_020, 1_310, 1_500, 1_530, 1_610, 1_790, 2_100, 2_950, 3_030, 3_200, 4_100,
];

/// Late answers, minutes after the window closed.
const LATE: &[i64] = &[95, 400, 1_300, 2_900, 5_200];

/// The `i`-th of `list`, round and round.
fn pick(list: &[i64], i: usize) -> i64 {
    list.get(i % list.len().max(1)).copied().unwrap_or(60)
}

/// The fate of the `i`-th challenge (by id) of a finished campaign; `round`
/// 0 or 1 (the second round does better, as after a first test).
fn fate(round: usize, i: usize, window: Duration) -> Fate {
    let slot = (i * 7 + 3 + round * 5) % 20;
    let in_time_slots = if round == 0 { 14 } else { 16 };
    let late_slots = if round == 0 { 3 } else { 2 };
    let channel = match i % 9 {
        4 => AnswerChannel::Portal,
        7 => AnswerChannel::Api,
        _ => AnswerChannel::Link,
    };
    if slot < in_time_slots {
        let minutes = pick(IN_TIME, i * 13 + round);
        Fate::Answer(Duration::minutes(minutes), channel)
    } else if slot < in_time_slots + late_slots {
        let minutes = pick(LATE, i * 3 + round);
        Fate::Answer(window + Duration::minutes(minutes), AnswerChannel::Link)
    } else {
        Fate::NoAnswer
    }
}

/// Marks the queued ping test mails sent (see [`deliver_queued`]).
async fn deliver(store: &dyn Store, clock: &dyn Clock, refused: Option<&str>) -> Result<()> {
    deliver_queued(store, clock, "ping:", refused).await
}

/// Marks the queued mails whose dedupe key starts with `prefix` sent at
/// the clock's time, or failed for good when they go to `refused` (the
/// relay answered 550), exactly as the mail job records what the relay
/// said (`pocdir_jobs::mail`): the same store calls and the same log
/// entry. Other mails are left to the server's mail job.
pub(crate) async fn deliver_queued(
    store: &dyn Store,
    clock: &dyn Clock,
    prefix: &str,
    refused: Option<&str>,
) -> Result<()> {
    let at = clock.now();
    let mut queued = store.mails(Some(MailStatus::Queued), u32::MAX).await?;
    queued.retain(|m| m.dedupe_key.starts_with(prefix));
    queued.sort_by_key(|m| m.id);
    for mail in queued {
        let sent = refused != Some(mail.recipient.as_str());
        let log = events::mail_delivered(
            at,
            LogActor::system(),
            sent,
            mail.id,
            mail.participant.as_deref(),
            &mail.dedupe_key,
            &mail.recipient,
        )?;
        if sent {
            store.mark_mail_sent(mail.id, at, log).await?;
        } else {
            store
                .mark_mail_failed(
                    mail.id,
                    "550 5.1.1 <mailbox>: Recipient address rejected: User unknown",
                    None,
                    Some(log),
                )
                .await?;
        }
    }
    Ok(())
}

/// One step of a campaign's life, at its time after the start.
enum Step {
    Answer(String, AnswerChannel),
    Phone(i64),
    Remind,
    Escalate,
}

/// Runs the campaigns. `clock` is the demo's clock, at the directory's
/// creation; it is left at the last step (before `now` - 20 h, where the
/// communications begin).
pub async fn seed(
    store: &dyn Store,
    clock: &ManualClock,
    entropy: &dyn Entropy,
    base_url: &str,
    accounts: &[Account],
    now: OffsetDateTime,
) -> Result<DemoPingTests> {
    let settings = Settings {
        ping: PingSettings::default(),
        schedule: false,
        base_url: base_url.to_string(),
    };
    let service = PingTests::new(store, clock, &settings).with_entropy(entropy);
    let secretariat_account = accounts
        .iter()
        .find(|a| a.kind == pocdir_domain::account::AccountKind::Secretariat)
        .context("the demo has a secretariat")?;
    let secretariat = secretariat_account.requester(Scopes::ALL);
    // The PoC entries the printed demo accounts sign in with: they answer
    // the finished campaigns in time and leave the running one open.
    let demo_pocs = link_demo_accounts(store, clock, secretariat_account, accounts).await?;
    let writer = DirectWriter(store);
    let window = settings.ping.window;

    let mut ids = Vec::new();
    for (round, (title, ago)) in [
        ("Ping test: first round", Duration::days(40)),
        ("Ping test: second round", Duration::days(16)),
    ]
    .into_iter()
    .enumerate()
    {
        let start = now - ago;
        clock.set(start);
        let id = service
            .create(
                &secretariat,
                &CampaignDraft {
                    title: title.to_string(),
                    escalate: true,
                    ..CampaignDraft::default()
                },
            )
            .await
            .with_context(|| format!("demo: {title}"))?;
        let tokens = tokens(store, id).await?;
        let challenges = store.challenges(id, &ChallengeFilter::default()).await?;
        let mut steps: Vec<(Duration, Step)> = vec![
            (Duration::hours(24), Step::Remind),
            (Duration::hours(48), Step::Remind),
            (window + Duration::minutes(5), Step::Escalate),
        ];
        let mut refused = None;
        // One PoC outside the demo accounts whose mail bounces (first
        // round), one reached by phone instead.
        let outsiders: Vec<usize> = challenges
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                !demo_pocs.contains(&c.poc_id) && fate(round, *i, window) == Fate::NoAnswer
            })
            .map(|(i, _)| i)
            .collect();
        for (i, challenge) in challenges.iter().enumerate() {
            let mut f = fate(round, i, window);
            if demo_pocs.contains(&challenge.poc_id) {
                f = Fate::Answer(Duration::minutes(20 + i as i64), AnswerChannel::Portal);
            } else if round == 0 && outsiders.first() == Some(&i) {
                f = Fate::Undeliverable;
            } else if round == 0 && outsiders.get(1) == Some(&i) {
                f = Fate::Phone(Duration::hours(57));
            }
            match f {
                Fate::Answer(after, channel) => {
                    let token = tokens
                        .get(&challenge.id)
                        .context("demo: a challenge without its token")?;
                    steps.push((after, Step::Answer(token.clone(), channel)));
                }
                Fate::Phone(after) => steps.push((after, Step::Phone(challenge.id))),
                Fate::Undeliverable => {
                    let mail = challenge
                        .mail_id
                        .context("demo: a challenge without mail")?;
                    let mails = store.mails(Some(MailStatus::Queued), u32::MAX).await?;
                    refused = mails
                        .into_iter()
                        .find(|m| m.id == mail)
                        .map(|m| m.recipient);
                }
                Fate::NoAnswer => {}
            }
        }
        // The mail job sends the challenges a minute after the start.
        clock.set(start + Duration::minutes(1));
        deliver(store, clock, refused.as_deref()).await?;
        steps.sort_by_key(|(after, _)| *after);
        for (after, step) in steps {
            clock.set(start + after);
            match step {
                Step::Answer(token, channel) => {
                    answer(
                        &service,
                        &writer,
                        store,
                        &accounts_of(accounts),
                        &token,
                        channel,
                    )
                    .await?;
                }
                Step::Phone(challenge) => service
                    .record_finding(
                        &secretariat,
                        challenge,
                        OtherChannelFinding::Reached,
                        "No answer to the mail or the two reminders. Reached the PoC on the \
                         duty desk number: the mailbox had been moved to a new server and \
                         its filter held our mails. They confirmed the address and answered \
                         by phone.",
                    )
                    .await
                    .context("demo: a finding by phone")?,
                Step::Remind => {
                    service.remind_due().await.context("demo: reminders")?;
                    clock.set(start + after + Duration::minutes(1));
                    deliver(store, clock, refused.as_deref()).await?;
                }
                Step::Escalate => {
                    service.escalate_due().await.context("demo: escalation")?;
                    clock.set(start + after + Duration::minutes(1));
                    deliver(store, clock, refused.as_deref()).await?;
                }
            }
        }
        if round == 0 {
            // The first round's aggregates are published once it closed.
            let closes = store
                .campaign(id)
                .await?
                .context("demo: the first round")?
                .times
                .closes_at;
            clock.set(closes + Duration::hours(20));
            service
                .publish(&secretariat, id)
                .await
                .context("demo: publishing the first round")?;
        }
        ids.push(id);
    }
    let first = ids.first().copied().context("demo: the first round")?;

    // The running campaign: started this morning, the demo PoCs' own
    // challenges still open, a good part of the others answered already.
    let start = now - Duration::hours(22);
    clock.set(start);
    let running = service
        .create(
            &secretariat,
            &CampaignDraft {
                title: "Ping test: third round".to_string(),
                escalate: true,
                ..CampaignDraft::default()
            },
        )
        .await
        .context("demo: the running campaign")?;
    let tokens = tokens(store, running).await?;
    clock.set(start + Duration::minutes(1));
    deliver(store, clock, None).await?;
    let challenges = store
        .challenges(running, &ChallengeFilter::default())
        .await?;
    let mut steps = Vec::new();
    for (i, challenge) in challenges.iter().enumerate() {
        if demo_pocs.contains(&challenge.poc_id) || i % 5 >= 2 {
            continue;
        }
        let token = tokens
            .get(&challenge.id)
            .context("demo: a challenge without its token")?;
        // Within the first hour and a half (before the communications).
        steps.push((
            pick(IN_TIME.get(..12).unwrap_or(IN_TIME), i * 11),
            token.clone(),
        ));
    }
    steps.sort_by_key(|(minutes, _)| *minutes);
    for (minutes, token) in steps {
        clock.set(start + Duration::minutes(minutes));
        answer(&service, &writer, store, &[], &token, AnswerChannel::Link).await?;
    }
    Ok(DemoPingTests {
        first,
        second: ids.get(1).copied().context("demo: the second round")?,
        running,
    })
}

/// Links each printed demo PoC account to the directory entry with its
/// address, as the secretariat does on a PoC's access page (same store
/// call, same entry), so that the portal shows the PoC its challenges.
/// The PoC entries linked.
async fn link_demo_accounts(
    store: &dyn Store,
    clock: &dyn Clock,
    secretariat: &Account,
    accounts: &[Account],
) -> Result<BTreeSet<i64>> {
    let mut linked = BTreeSet::new();
    let pocs = store.active_pocs().await?;
    for account in accounts.iter().filter(|a| a.kind.is_poc()) {
        for poc in &pocs {
            let Some(details) = poc.active_details().ok().flatten() else {
                continue;
            };
            if poc.participant.as_str() != account.participant.as_deref().unwrap_or_default()
                || !details.emails.iter().any(|e| e == &account.email)
            {
                continue;
            }
            let now = clock.now();
            let log = events::poc_account_linked(
                now,
                secretariat.log_actor(),
                &poc.participant,
                poc.id,
                account.id,
            )?;
            store.link_poc_account(poc.id, account.id, now, log).await?;
            linked.insert(poc.id);
        }
    }
    Ok(linked)
}

/// The PoC accounts (portal answers are made signed in as them).
fn accounts_of(accounts: &[Account]) -> Vec<Account> {
    accounts
        .iter()
        .filter(|a| a.kind.is_poc())
        .cloned()
        .collect()
}

/// Answers with `token`; a portal answer is made signed in when one of
/// `accounts` holds the challenge's PoC, else by the link.
async fn answer(
    service: &PingTests<'_>,
    writer: &DirectWriter<'_>,
    store: &dyn Store,
    accounts: &[Account],
    token: &str,
    channel: AnswerChannel,
) -> Result<()> {
    if channel == AnswerChannel::Portal {
        let hash = pocdir_domain::credentials::hash_secret(token);
        if let Some((challenge, _)) = store.challenge_by_token(&hash).await? {
            for account in accounts {
                if store
                    .pocs_of_account(account.id)
                    .await?
                    .contains(&challenge.poc_id)
                {
                    service
                        .answer_signed_in(
                            writer,
                            &account.requester(Scopes::ALL),
                            challenge.id,
                            channel,
                        )
                        .await
                        .context("demo: an answer in the portal")?;
                    return Ok(());
                }
            }
        }
    }
    let channel = if channel == AnswerChannel::Portal {
        AnswerChannel::Link
    } else {
        channel
    };
    service
        .answer_with_token(writer, token, channel)
        .await
        .context("demo: an answer")?;
    Ok(())
}

/// The tokens of a campaign's challenges, by challenge: read back, opened,
/// as the reminders read them (none has been reminded yet).
async fn tokens(store: &dyn Store, campaign: i64) -> Result<BTreeMap<i64, String>> {
    Ok(store
        .reminder_targets(campaign, 1, u32::MAX)
        .await?
        .into_iter()
        .map(|t| (t.challenge_id, t.token))
        .collect())
}
