//! Ping tests: campaigns created scheduled or started, each start once,
//! answers in one transaction and each once, findings, reminders and the
//! escalation each once, outcomes counted in SQL as the domain counts
//! them, and the sealed token, address and note never in clear.

use crate::sealing::{assert_no_plaintext, plaintexts_found};
use crate::*;
use pocdir_domain::ping_test::campaign::{CampaignKind, CampaignStatus, CampaignTimes, Scope};
use pocdir_domain::ping_test::challenge::{AnswerChannel, OtherChannelFinding};
use pocdir_domain::ping_test::results::Tally;
use pocdir_store::{
    AnswerWritten, Campaign, CampaignStart, ChallengeFilter, NewAnswer, NewCampaign, NewChallenge,
    NewFinding, NewReminder, CAMPAIGN_ID_PLACEHOLDER,
};
use std::collections::BTreeMap;

conformance!(
    cases: [
        created_scheduled_then_started_once,
        created_started_at_once_is_whole,
        a_duplicate_token_rolls_everything_back,
        cancel_and_publish_once,
        answers_in_one_transaction_each_once,
        findings_by_another_channel,
        reminders_once_per_number,
        escalation_once,
        tallies_agree_with_the_domain,
        open_challenges_of_running_campaigns,
    ],
    raw: [tokens_addresses_and_notes_are_sealed],
);

const HOUR: i64 = 3600;
/// The campaigns' start; the window is 72 h, the grace 7 days.
const START: i64 = 1000;
const ANSWER_BY: i64 = START + 72 * HOUR;
const CLOSES: i64 = ANSWER_BY + 7 * 24 * HOUR;

/// Four approved PoCs: PAK technical, PAK diplomatic, FRA technical, FRA
/// diplomatic (which makes both States participating).
async fn four_pocs(store: &Arc<dyn Store>) -> Vec<(i64, &'static str, PocRole)> {
    seed_two(store).await;
    let mut out = Vec::new();
    for (i, (state, role)) in [
        ("PAK", PocRole::Technical),
        ("PAK", PocRole::Diplomatic),
        ("FRA", PocRole::Technical),
        ("FRA", PocRole::Diplomatic),
    ]
    .into_iter()
    .enumerate()
    {
        let p = propose(store, state, role, &format!("PoC {i}"), 10 + i as i64).await;
        let p = decide(store, &p, true, 20 + i as i64).await.poc;
        out.push((p.id, state, role));
    }
    out
}

fn times(start: i64) -> CampaignTimes {
    CampaignTimes {
        starts_at: t(start),
        answer_by: t(start + 72 * HOUR),
        closes_at: t(start + 72 * HOUR + 7 * 24 * HOUR),
        reminders: vec![time::Duration::hours(24), time::Duration::hours(48)],
    }
}

/// A log entry whose object the store fills in (`ping_test:<id>`).
fn unnamed(action: &str, at: i64) -> LogDraft {
    raw_draft(t(at), LogActor::system(), action, String::new())
}

/// The challenge of PoC `poc` with token number `n` (`tag` keeps tokens of
/// different campaigns apart).
fn challenge(poc: (i64, &str, PocRole), tag: &str, at: i64) -> NewChallenge {
    let (poc_id, state, role) = poc;
    NewChallenge {
        poc_id,
        participant: state.to_string(),
        role,
        token_hash: format!("hash-{tag}-{poc_id}"),
        token: format!("pdp_secret-token-{tag}-{poc_id}"),
        email: format!("poc{poc_id}.{tag}@sealed.example"),
        language: "fr".to_string(),
        mail: NewMail {
            dedupe_key: format!("ping:{CAMPAIGN_ID_PLACEHOLDER}:poc:{poc_id}:challenge"),
            recipient: format!("poc{poc_id}.{tag}@sealed.example"),
            language: "fr".to_string(),
            subject: format!("Test #{CAMPAIGN_ID_PLACEHOLDER}"),
            body: format!("/ping/pdp_secret-token-{tag}-{poc_id}"),
            participant: Some(state.to_string()),
            created_at: t(at),
        },
    }
}

fn start_of(pocs: &[(i64, &'static str, PocRole)], tag: &str, at: i64) -> CampaignStart {
    CampaignStart {
        at: t(at),
        challenges: pocs.iter().map(|p| challenge(*p, tag, at)).collect(),
        log: unnamed("ping_test.start", at),
    }
}

fn campaign(title: &str, start: Option<CampaignStart>, escalate: bool) -> NewCampaign {
    let kind = if start.is_some() {
        CampaignKind::AdHoc
    } else {
        CampaignKind::Scheduled
    };
    NewCampaign {
        title: title.to_string(),
        kind,
        scope: Scope::everyone(),
        times: times(START),
        announced: false,
        escalate,
        created_by: Some(1),
        created_at: t(START - 100),
        notices: Vec::new(),
        log: unnamed("ping_test.create", START - 100),
        start,
    }
}

/// A started campaign over `pocs`; its id.
async fn started(
    store: &Arc<dyn Store>,
    pocs: &[(i64, &'static str, PocRole)],
    tag: &str,
    escalate: bool,
) -> i64 {
    store
        .create_campaign(campaign(tag, Some(start_of(pocs, tag, START)), escalate))
        .await
        .unwrap()
}

async fn all_challenges(store: &Arc<dyn Store>, id: i64) -> Vec<pocdir_store::Challenge> {
    store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap()
}

async fn mail_total(store: &Arc<dyn Store>) -> usize {
    store.mails(None, 10_000).await.unwrap().len()
}

fn answer(challenge_id: i64, at: i64, channel: AnswerChannel) -> NewAnswer {
    NewAnswer {
        challenge_id,
        at: t(at),
        channel,
        answered_by: None,
        log: raw_draft(
            t(at),
            LogActor::system(),
            "ping_test.answer",
            format!("ping_challenge:{challenge_id}"),
        ),
    }
}

async fn created_scheduled_then_started_once(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    let mails_before = mail_total(&store).await;
    let log_before = store.log_size().await.unwrap();
    let mut new = campaign("Scheduled", None, true);
    new.announced = true;
    new.notices = vec![NewMail {
        dedupe_key: format!("ping:{CAMPAIGN_ID_PLACEHOLDER}:poc:{}:notice", pocs[0].0),
        ..new_mail("unused", "notice@pak.example", START - 100)
    }];
    let id = store.create_campaign(new).await.unwrap();
    let c = store.campaign(id).await.unwrap().unwrap();
    assert_eq!(c.stored_status, CampaignStatus::Scheduled);
    assert_eq!(c.kind, CampaignKind::Scheduled);
    assert_eq!(c.started_at, None);
    assert_eq!(c.times, times(START));
    assert!(c.announced && c.escalate);
    assert!(all_challenges(&store, id).await.is_empty());
    // The notice is queued under the campaign's id, the creation logged.
    let mails = store.mails(None, 100).await.unwrap();
    assert_eq!(mails.len(), mails_before + 1);
    assert_eq!(
        mails[0].dedupe_key,
        format!("ping:{id}:poc:{}:notice", pocs[0].0)
    );
    assert_eq!(store.log_size().await.unwrap(), log_before + 1);
    let log = log_actions(&store).await;
    assert_eq!(
        log.last().unwrap(),
        &("ping_test.create".to_string(), format!("ping_test:{id}"))
    );

    // Not due before its start; due at it.
    assert!(store.campaigns_due(t(START - 1)).await.unwrap().is_empty());
    let due = store.campaigns_due(t(START)).await.unwrap();
    assert_eq!(due.iter().map(|c| c.id).collect::<Vec<_>>(), vec![id]);

    let started = store
        .start_campaign(id, start_of(&pocs, "s", START))
        .await
        .unwrap();
    assert!(started);
    let c = store.campaign(id).await.unwrap().unwrap();
    assert_eq!(c.stored_status, CampaignStatus::Running);
    assert_eq!(c.started_at, Some(t(START)));
    let challenges = all_challenges(&store, id).await;
    assert_eq!(challenges.len(), 4);
    assert!(challenges.iter().all(|ch| ch.mail_id.is_some()
        && ch.mail_status == Some(MailStatus::Queued)
        && ch.reminders_sent == 0
        && ch.answered_at.is_none()));
    let mails = store.mails(None, 100).await.unwrap();
    assert_eq!(mails.len(), mails_before + 5);
    for p in &pocs {
        let key = format!("ping:{id}:poc:{}:challenge", p.0);
        let m = mails.iter().find(|m| m.dedupe_key == key).unwrap();
        assert_eq!(m.subject, format!("Test #{id}"));
        assert_eq!(m.recipient, format!("poc{}.s@sealed.example", p.0));
    }
    assert_eq!(store.log_size().await.unwrap(), log_before + 2);
    assert_eq!(
        log_actions(&store).await.last().unwrap(),
        &("ping_test.start".to_string(), format!("ping_test:{id}"))
    );
    // Found by its token's hash, with its campaign.
    let (ch, camp) = store
        .challenge_by_token(&format!("hash-s-{}", pocs[2].0))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((ch.poc_id, ch.participant.as_str()), (pocs[2].0, "FRA"));
    assert_eq!(camp.id, id);
    assert!(store.challenge_by_token("hash-x").await.unwrap().is_none());

    // A second start (another instance) writes nothing.
    let again = store
        .start_campaign(id, start_of(&pocs, "again", START + 1))
        .await
        .unwrap();
    assert!(!again);
    assert_eq!(all_challenges(&store, id).await.len(), 4);
    assert_eq!(mail_total(&store).await, mails_before + 5);
    assert_eq!(store.log_size().await.unwrap(), log_before + 2);
    assert!(store.campaigns_due(t(START)).await.unwrap().is_empty());
    // A cancelled scheduled campaign cannot start either.
    let other = store
        .create_campaign(campaign("Other", None, false))
        .await
        .unwrap();
    assert!(store
        .cancel_campaign(other, t(START - 50), draft("ping_test.cancel"))
        .await
        .unwrap());
    assert!(!store
        .start_campaign(other, start_of(&pocs, "o", START))
        .await
        .unwrap());
    assert!(all_challenges(&store, other).await.is_empty());
}

async fn created_started_at_once_is_whole(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    let log_before = store.log_size().await.unwrap();
    let mails_before = mail_total(&store).await;
    let id = started(&store, &pocs, "a", false).await;
    let c = store.campaign(id).await.unwrap().unwrap();
    assert_eq!(c.stored_status, CampaignStatus::Running);
    assert_eq!(c.kind, CampaignKind::AdHoc);
    assert_eq!(c.started_at, Some(t(START)));
    assert_eq!(c.status(t(CLOSES - 1)), CampaignStatus::Running);
    assert_eq!(c.status(t(CLOSES)), CampaignStatus::Finished);
    assert_eq!(all_challenges(&store, id).await.len(), 4);
    assert_eq!(mail_total(&store).await, mails_before + 4);
    let log = log_actions(&store).await;
    assert_eq!(log.len() as u64, log_before + 2);
    assert_eq!(
        log[log.len() - 2..],
        pairs(&[
            ("ping_test.create", format!("ping_test:{id}")),
            ("ping_test.start", format!("ping_test:{id}")),
        ])
    );
    // Filters: one State, some PoCs, none.
    let fra = store
        .challenges(
            id,
            &ChallengeFilter {
                participant: Some("FRA".into()),
                poc_ids: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        fra.iter().map(|c| c.poc_id).collect::<Vec<_>>(),
        vec![pocs[2].0, pocs[3].0]
    );
    let some = store
        .challenges(
            id,
            &ChallengeFilter {
                participant: None,
                poc_ids: Some(vec![pocs[1].0]),
            },
        )
        .await
        .unwrap();
    assert_eq!(some.len(), 1);
    let none = store
        .challenges(
            id,
            &ChallengeFilter {
                participant: None,
                poc_ids: Some(vec![]),
            },
        )
        .await
        .unwrap();
    assert!(none.is_empty());
    // In the window for reminders from the start until the answer-by time.
    let window = |at| {
        let store = store.clone();
        async move {
            store
                .campaigns_in_window(t(at))
                .await
                .unwrap()
                .iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        }
    };
    assert!(window(START - 1).await.is_empty());
    assert_eq!(window(START).await, vec![id]);
    assert_eq!(window(ANSWER_BY - 1).await, vec![id]);
    assert!(window(ANSWER_BY).await.is_empty());
}

async fn a_duplicate_token_rolls_everything_back(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    let log_before = store.log_size().await.unwrap();
    let mails_before = mail_total(&store).await;
    let mut start = start_of(&pocs, "d", START);
    start.challenges[3].token_hash = start.challenges[0].token_hash.clone();
    let err = store
        .create_campaign(campaign("Broken", Some(start.clone()), false))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
    assert!(store.campaigns().await.unwrap().is_empty());
    assert_eq!(mail_total(&store).await, mails_before);
    assert_eq!(store.log_size().await.unwrap(), log_before);

    // The same when a scheduled campaign starts: it stays scheduled.
    let id = store
        .create_campaign(campaign("Scheduled", None, false))
        .await
        .unwrap();
    let log_scheduled = store.log_size().await.unwrap();
    let err = store.start_campaign(id, start).await.unwrap_err();
    assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
    let c = store.campaign(id).await.unwrap().unwrap();
    assert_eq!(c.stored_status, CampaignStatus::Scheduled);
    assert_eq!(c.started_at, None);
    assert!(all_challenges(&store, id).await.is_empty());
    assert_eq!(mail_total(&store).await, mails_before);
    assert_eq!(store.log_size().await.unwrap(), log_scheduled);
    // A token hash used by another campaign is refused as well.
    let first = started(&store, &pocs[..1], "x", false).await;
    let mut clash = start_of(&pocs[1..2], "y", START);
    clash.challenges[0].token_hash = format!("hash-x-{}", pocs[0].0);
    let log_now = store.log_size().await.unwrap();
    assert!(store.start_campaign(id, clash).await.is_err());
    assert_eq!(store.log_size().await.unwrap(), log_now);
    assert_eq!(all_challenges(&store, first).await.len(), 1);
    assert!(all_challenges(&store, id).await.is_empty());
    // And then the right start goes through.
    assert!(store
        .start_campaign(id, start_of(&pocs, "ok", START))
        .await
        .unwrap());
    assert_eq!(all_challenges(&store, id).await.len(), 4);
}

async fn cancel_and_publish_once(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    let id = started(&store, &pocs, "c", false).await;
    let log = store.log_size().await.unwrap();
    assert!(store
        .cancel_campaign(id, t(START + HOUR), draft("ping_test.cancel"))
        .await
        .unwrap());
    let c = store.campaign(id).await.unwrap().unwrap();
    assert_eq!(c.stored_status, CampaignStatus::Cancelled);
    assert_eq!(c.cancelled_at, Some(t(START + HOUR)));
    assert_eq!(store.log_size().await.unwrap(), log + 1);
    assert!(!store
        .cancel_campaign(id, t(START + 2 * HOUR), draft("ping_test.cancel"))
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), log + 1);
    assert!(store
        .campaigns_in_window(t(START + 2 * HOUR))
        .await
        .unwrap()
        .is_empty());

    // A campaign past its close cannot be cancelled any more.
    let done = started(&store, &pocs, "done", false).await;
    let log = store.log_size().await.unwrap();
    assert!(!store
        .cancel_campaign(done, t(CLOSES), draft("ping_test.cancel"))
        .await
        .unwrap());
    assert_eq!(
        store.campaign(done).await.unwrap().unwrap().stored_status,
        CampaignStatus::Running
    );
    // Published once.
    assert!(store
        .publish_campaign(done, t(CLOSES + 1), draft("ping_test.publish"))
        .await
        .unwrap());
    assert_eq!(
        store.campaign(done).await.unwrap().unwrap().published_at,
        Some(t(CLOSES + 1))
    );
    assert!(!store
        .publish_campaign(done, t(CLOSES + 2), draft("ping_test.publish"))
        .await
        .unwrap());
    assert_eq!(
        store.campaign(done).await.unwrap().unwrap().published_at,
        Some(t(CLOSES + 1))
    );
    assert_eq!(store.log_size().await.unwrap(), log + 1);
}

async fn answers_in_one_transaction_each_once(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    let id = started(&store, &pocs, "r", false).await;
    let ch = all_challenges(&store, id).await;
    let log = store.log_size().await.unwrap();
    // One batch: two answers, a second answer to the first challenge, and
    // a late one.
    let written = store
        .record_answers(vec![
            answer(ch[0].id, START + 10, AnswerChannel::Link),
            answer(ch[1].id, START + 20, AnswerChannel::Portal),
            answer(ch[0].id, START + 30, AnswerChannel::Api),
            answer(ch[2].id, ANSWER_BY + 10, AnswerChannel::Api),
        ])
        .await
        .unwrap();
    assert_eq!(
        written,
        vec![
            AnswerWritten::Recorded,
            AnswerWritten::Recorded,
            AnswerWritten::AlreadyAnswered,
            AnswerWritten::Recorded,
        ]
    );
    assert_eq!(store.log_size().await.unwrap(), log + 3);
    let first = store.challenge(ch[0].id).await.unwrap().unwrap();
    assert_eq!(first.answered_at, Some(t(START + 10)));
    assert_eq!(first.channel, Some(AnswerChannel::Link));
    let entries = log_actions(&store).await;
    assert_eq!(
        entries[entries.len() - 3..],
        pairs(&[
            ("ping_test.answer", format!("ping_challenge:{}", ch[0].id)),
            ("ping_test.answer", format!("ping_challenge:{}", ch[1].id)),
            ("ping_test.answer", format!("ping_challenge:{}", ch[2].id)),
        ])
    );
    // Again later: answered already, nothing written.
    let again = store
        .record_answers(vec![answer(ch[1].id, START + 40, AnswerChannel::Link)])
        .await
        .unwrap();
    assert_eq!(again, vec![AnswerWritten::AlreadyAnswered]);
    assert_eq!(store.log_size().await.unwrap(), log + 3);
    // At the close and after: closed.
    let closed = store
        .record_answers(vec![answer(ch[3].id, CLOSES, AnswerChannel::Link)])
        .await
        .unwrap();
    assert_eq!(closed, vec![AnswerWritten::Closed]);
    assert_eq!(
        store
            .challenge(ch[3].id)
            .await
            .unwrap()
            .unwrap()
            .answered_at,
        None
    );
    // A challenge that does not exist: an error, and nothing of its batch.
    let err = store
        .record_answers(vec![
            answer(ch[3].id, START + 50, AnswerChannel::Link),
            answer(999_999, START + 50, AnswerChannel::Link),
        ])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    assert_eq!(
        store
            .challenge(ch[3].id)
            .await
            .unwrap()
            .unwrap()
            .answered_at,
        None
    );
    assert_eq!(store.log_size().await.unwrap(), log + 3);
    assert!(store.record_answers(Vec::new()).await.unwrap().is_empty());

    // After a cancel: closed.
    assert!(store
        .cancel_campaign(id, t(START + 60), draft("ping_test.cancel"))
        .await
        .unwrap());
    let log = store.log_size().await.unwrap();
    let refused = store
        .record_answers(vec![answer(ch[3].id, START + 70, AnswerChannel::Link)])
        .await
        .unwrap();
    assert_eq!(refused, vec![AnswerWritten::Closed]);
    assert_eq!(store.log_size().await.unwrap(), log);

    // Many answers at once through many concurrent batches: each once.
    let many: Vec<_> = (0..4)
        .map(|i| {
            let store = store.clone();
            let pocs = pocs.clone();
            async move { started(&store, &pocs, &format!("m{i}"), false).await }
        })
        .collect();
    let mut ids = Vec::new();
    for f in many {
        ids.push(f.await);
    }
    let mut all = Vec::new();
    for id in &ids {
        all.extend(all_challenges(&store, *id).await.into_iter().map(|c| c.id));
    }
    let log = store.log_size().await.unwrap();
    let mut tasks = Vec::new();
    for round in 0..3 {
        for chunk in all.chunks(4) {
            let store = store.clone();
            let batch: Vec<NewAnswer> = chunk
                .iter()
                .map(|c| answer(*c, START + 100 + round, AnswerChannel::Link))
                .collect();
            tasks.push(tokio::spawn(
                async move { store.record_answers(batch).await },
            ));
        }
    }
    let mut recorded = 0;
    for task in tasks {
        recorded += task
            .await
            .unwrap()
            .unwrap()
            .iter()
            .filter(|w| **w == AnswerWritten::Recorded)
            .count();
    }
    assert_eq!(recorded, all.len());
    assert_eq!(store.log_size().await.unwrap(), log + all.len() as u64);
    whole_log(&store).await;
}

async fn findings_by_another_channel(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    let id = started(&store, &pocs, "f", false).await;
    let ch = all_challenges(&store, id).await;
    let finding = |challenge_id, f, note: &str, at| NewFinding {
        challenge_id,
        finding: f,
        note: note.to_string(),
        at: t(at),
        by: 1,
        log: draft("ping_test.record"),
    };
    let log = store.log_size().await.unwrap();
    store
        .record_finding(finding(
            ch[0].id,
            OtherChannelFinding::NotReached,
            "Phone rang out twice",
            START + 10,
        ))
        .await
        .unwrap();
    let c0 = store.challenge(ch[0].id).await.unwrap().unwrap();
    assert_eq!(c0.finding, Some(OtherChannelFinding::NotReached));
    assert_eq!(c0.note.as_deref(), Some("Phone rang out twice"));
    assert_eq!((c0.answered_at, c0.channel), (None, None));
    store
        .record_finding(finding(
            ch[1].id,
            OtherChannelFinding::Reached,
            "Reached the duty officer",
            START + 20,
        ))
        .await
        .unwrap();
    let c1 = store.challenge(ch[1].id).await.unwrap().unwrap();
    assert_eq!(c1.finding, Some(OtherChannelFinding::Reached));
    assert_eq!(c1.answered_at, Some(t(START + 20)));
    assert_eq!(c1.channel, Some(AnswerChannel::OtherChannel));
    assert_eq!(c1.answered_by, Some(1));
    assert_eq!(store.log_size().await.unwrap(), log + 2);
    // Answered (here by the finding) already: refused, nothing written.
    let err = store
        .record_finding(finding(
            ch[1].id,
            OtherChannelFinding::NotReached,
            "again",
            START + 30,
        ))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed(_)), "{err:?}");
    store
        .record_answers(vec![answer(ch[2].id, START + 5, AnswerChannel::Link)])
        .await
        .unwrap();
    let log = store.log_size().await.unwrap();
    let err = store
        .record_finding(finding(
            ch[2].id,
            OtherChannelFinding::Reached,
            "x",
            START + 30,
        ))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed(_)), "{err:?}");
    let err = store
        .record_finding(finding(
            999_999,
            OtherChannelFinding::Reached,
            "x",
            START + 30,
        ))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    assert_eq!(store.log_size().await.unwrap(), log);
    let c2 = store.challenge(ch[2].id).await.unwrap().unwrap();
    assert_eq!((c2.finding, c2.note), (None, None));
    // A "not reached" PoC may still answer by its link, while it runs.
    assert_eq!(
        store
            .record_answers(vec![answer(ch[0].id, START + 40, AnswerChannel::Link)])
            .await
            .unwrap(),
        vec![AnswerWritten::Recorded]
    );
}

fn reminders_for(targets: &[pocdir_store::ReminderTarget], number: i64) -> Vec<NewReminder> {
    targets
        .iter()
        .map(|r| NewReminder {
            challenge_id: r.challenge_id,
            mail: NewMail {
                dedupe_key: format!("ping:x:poc:{}:reminder:{number}", r.poc_id),
                recipient: r.email.clone(),
                language: r.language.clone(),
                subject: "Reminder".to_string(),
                body: format!("/ping/{}", r.token),
                participant: Some(r.participant.clone()),
                created_at: t(START + number * 24 * HOUR),
            },
        })
        .collect()
}

async fn reminders_once_per_number(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    let id = started(&store, &pocs, "m", false).await;
    let other = started(&store, &pocs, "other", false).await;
    let ch = all_challenges(&store, id).await;
    // One answered, one with a finding: neither is reminded.
    store
        .record_answers(vec![answer(ch[0].id, START + 5, AnswerChannel::Link)])
        .await
        .unwrap();
    store
        .record_finding(NewFinding {
            challenge_id: ch[1].id,
            finding: OtherChannelFinding::NotReached,
            note: String::new(),
            at: t(START + 6),
            by: 1,
            log: draft("ping_test.record"),
        })
        .await
        .unwrap();
    let targets = store.reminder_targets(id, 1, 100).await.unwrap();
    assert_eq!(
        targets.iter().map(|r| r.challenge_id).collect::<Vec<_>>(),
        vec![ch[2].id, ch[3].id]
    );
    let t2 = &targets[0];
    assert_eq!(t2.token, format!("pdp_secret-token-m-{}", pocs[2].0));
    assert_eq!(t2.email, format!("poc{}.m@sealed.example", pocs[2].0));
    assert_eq!(
        (t2.language.as_str(), t2.participant.as_str()),
        ("fr", "FRA")
    );
    // A limit.
    assert_eq!(store.reminder_targets(id, 1, 1).await.unwrap().len(), 1);

    let mails = mail_total(&store).await;
    let log = store.log_size().await.unwrap();
    assert_eq!(
        store
            .record_reminders(id, 1, reminders_for(&targets, 1))
            .await
            .unwrap(),
        2
    );
    assert_eq!(mail_total(&store).await, mails + 2);
    // Twice (another instance with the same list): nothing more.
    assert_eq!(
        store
            .record_reminders(id, 1, reminders_for(&targets, 1))
            .await
            .unwrap(),
        0
    );
    assert_eq!(mail_total(&store).await, mails + 2);
    assert!(store.reminder_targets(id, 1, 100).await.unwrap().is_empty());
    assert_eq!(
        store
            .challenge(ch[2].id)
            .await
            .unwrap()
            .unwrap()
            .reminders_sent,
        1
    );
    // Not for another campaign's challenges by mistake.
    let other_ch = all_challenges(&store, other).await;
    let wrong = vec![NewReminder {
        challenge_id: other_ch[0].id,
        mail: new_mail("wrong-campaign", "x@example.org", START),
    }];
    assert_eq!(store.record_reminders(id, 2, wrong).await.unwrap(), 0);
    // The second reminder: once more each, answered in between skipped.
    let second = store.reminder_targets(id, 2, 100).await.unwrap();
    assert_eq!(second.len(), 2);
    store
        .record_answers(vec![answer(
            ch[3].id,
            START + 30 * HOUR,
            AnswerChannel::Link,
        )])
        .await
        .unwrap();
    assert_eq!(
        store
            .record_reminders(id, 2, reminders_for(&second, 2))
            .await
            .unwrap(),
        1
    );
    assert_eq!(mail_total(&store).await, mails + 3);
    // Reminders are not log entries (only answers were).
    assert_eq!(store.log_size().await.unwrap(), log + 1);
    // Concurrent instances with the third number: each challenge once.
    let third = store.reminder_targets(other, 1, 100).await.unwrap();
    assert_eq!(third.len(), 4);
    let (a, b) = tokio::join!(
        store.record_reminders(other, 1, reminders_for(&third, 11)),
        store.record_reminders(other, 1, reminders_for(&third, 11)),
    );
    assert_eq!(a.unwrap() + b.unwrap(), 4);
}

async fn escalation_once(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    let id = started(&store, &pocs, "e", true).await;
    let quiet = started(&store, &pocs, "q", false).await;
    assert!(store
        .campaigns_to_escalate(t(ANSWER_BY - 1))
        .await
        .unwrap()
        .is_empty());
    let due = store.campaigns_to_escalate(t(ANSWER_BY)).await.unwrap();
    assert_eq!(due.iter().map(|c| c.id).collect::<Vec<_>>(), vec![id]);
    let _ = quiet;
    let mails = mail_total(&store).await;
    let log = store.log_size().await.unwrap();
    let alert = |n: &str| NewMail {
        dedupe_key: format!("ping:{id}:escalation:{n}"),
        ..new_mail(n, "nominator@pak.example", ANSWER_BY)
    };
    let entries = vec![
        raw_draft(
            t(ANSWER_BY),
            LogActor::system(),
            "ping_test.escalate",
            format!("ping_test:{id}"),
        ),
        raw_draft(
            t(ANSWER_BY),
            LogActor::system(),
            "ping_test.escalate",
            format!("ping_test:{id}"),
        ),
    ];
    assert!(store
        .escalate_campaign(
            id,
            t(ANSWER_BY),
            vec![alert("PAK"), alert("FRA")],
            entries.clone()
        )
        .await
        .unwrap());
    assert_eq!(mail_total(&store).await, mails + 2);
    assert_eq!(store.log_size().await.unwrap(), log + 2);
    assert_eq!(
        store.campaign(id).await.unwrap().unwrap().escalated_at,
        Some(t(ANSWER_BY))
    );
    assert!(!store
        .escalate_campaign(id, t(ANSWER_BY + 1), vec![alert("PAK2")], entries.clone())
        .await
        .unwrap());
    assert_eq!(mail_total(&store).await, mails + 2);
    assert_eq!(store.log_size().await.unwrap(), log + 2);
    assert!(store
        .campaigns_to_escalate(t(ANSWER_BY + 10))
        .await
        .unwrap()
        .is_empty());
    // Two at once: one wins.
    let race = started(&store, &pocs, "race", true).await;
    let (a, b) = tokio::join!(
        store.escalate_campaign(race, t(ANSWER_BY), vec![], entries.clone()),
        store.escalate_campaign(race, t(ANSWER_BY), vec![], entries.clone()),
    );
    assert!(a.unwrap() ^ b.unwrap());
    // A cancelled campaign is not escalated.
    let cancelled = started(&store, &pocs, "cx", true).await;
    store
        .cancel_campaign(cancelled, t(START + 1), draft("ping_test.cancel"))
        .await
        .unwrap();
    assert!(!store
        .escalate_campaign(cancelled, t(ANSWER_BY), vec![], entries)
        .await
        .unwrap());
}

/// The domain's tallies of campaign `c`, per State, from its challenges.
async fn domain_tallies(
    store: &Arc<dyn Store>,
    c: &Campaign,
    now: OffsetDateTime,
) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for ch in all_challenges(store, c.id).await {
        out.entry(ch.participant.clone())
            .or_default()
            .add(ch.outcome(c, now));
    }
    out
}

async fn tallies_agree_with_the_domain(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    // Campaign A: PAK tech in time, PAK dip late, FRA tech's mail failed
    // (no retry), FRA dip "not reached" by phone.
    let a = started(&store, &pocs, "ta", false).await;
    let ch = all_challenges(&store, a).await;
    store
        .record_answers(vec![
            answer(ch[0].id, START + HOUR, AnswerChannel::Link),
            answer(ch[1].id, ANSWER_BY + HOUR, AnswerChannel::Portal),
        ])
        .await
        .unwrap();
    assert!(store
        .mark_mail_failed(
            ch[2].mail_id.unwrap(),
            "550 no such user",
            None,
            Some(draft("mail.fail"))
        )
        .await
        .unwrap());
    store
        .record_finding(NewFinding {
            challenge_id: ch[3].id,
            finding: OtherChannelFinding::NotReached,
            note: "no answer on the phone".to_string(),
            at: t(START + 2 * HOUR),
            by: 1,
            log: draft("ping_test.record"),
        })
        .await
        .unwrap();
    // Campaign B: nothing answered; PAK tech's mail failed but answered
    // anyway (the answer wins); then cancelled.
    let b = started(&store, &pocs, "tb", false).await;
    let chb = all_challenges(&store, b).await;
    assert!(store
        .mark_mail_failed(chb[0].mail_id.unwrap(), "550", None, None)
        .await
        .unwrap());
    assert!(store
        .mark_mail_failed(chb[3].mail_id.unwrap(), "550", None, None)
        .await
        .unwrap());
    store
        .record_answers(vec![answer(chb[0].id, START + 10, AnswerChannel::Api)])
        .await
        .unwrap();
    store
        .cancel_campaign(b, t(START + 20), draft("ping_test.cancel"))
        .await
        .unwrap();
    // Campaign C: running, nobody answered yet; a failed attempt that will
    // be retried is not undeliverable.
    let c = started(&store, &pocs, "tc", false).await;
    let chc = all_challenges(&store, c).await;
    assert!(store
        .mark_mail_failed(chc[1].mail_id.unwrap(), "421", Some(t(START + 60)), None)
        .await
        .unwrap());
    // A scheduled campaign has no challenges and no tally.
    let scheduled = store
        .create_campaign(campaign("Later", None, false))
        .await
        .unwrap();

    let mut seen = std::collections::BTreeSet::new();
    for now in [
        START + 30,
        ANSWER_BY,
        ANSWER_BY + 2 * HOUR,
        CLOSES - 1,
        CLOSES,
        CLOSES + 100,
    ] {
        let now = t(now);
        let sql = store
            .state_tallies(&[a, b, c, scheduled], now)
            .await
            .unwrap();
        let every = store.state_tallies(&[], now).await.unwrap();
        assert_eq!(sql, every, "an empty list means every campaign");
        let mut expected = Vec::new();
        for id in [a, b, c] {
            let camp = store.campaign(id).await.unwrap().unwrap();
            for (state, tally) in domain_tallies(&store, &camp, now).await {
                expected.push((id, state, tally));
            }
        }
        let got: Vec<_> = sql
            .iter()
            .map(|s| (s.campaign_id, s.participant.clone(), s.tally))
            .collect();
        assert_eq!(got, expected, "at {now}");
        for (_, _, tally) in &got {
            for o in pocdir_domain::ping_test::challenge::Outcome::ALL {
                if tally.get(o) > 0 {
                    seen.insert(o.as_str());
                }
            }
        }
        let only_a = store.state_tallies(&[a], now).await.unwrap();
        assert!(only_a.iter().all(|s| s.campaign_id == a));
        assert_eq!(only_a.len(), 2);
    }
    // Every outcome occurred somewhere, so the comparison covered each.
    assert_eq!(seen.len(), 5, "{seen:?}");
    // Spot checks of the mixed campaign while it runs and once closed.
    let pak = |v: &[pocdir_store::StateTally], id: i64, s: &str| {
        v.iter()
            .find(|x| x.campaign_id == id && x.participant == s)
            .unwrap()
            .tally
    };
    let running = store
        .state_tallies(&[a, b, c], t(ANSWER_BY + 2 * HOUR))
        .await
        .unwrap();
    assert_eq!(
        pak(&running, a, "PAK"),
        Tally {
            in_time: 1,
            late: 1,
            ..Tally::default()
        }
    );
    assert_eq!(
        pak(&running, a, "FRA"),
        Tally {
            undeliverable: 1,
            no_answer: 1,
            ..Tally::default()
        }
    );
    assert_eq!(
        pak(&running, b, "PAK"),
        Tally {
            in_time: 1,
            no_answer: 1,
            ..Tally::default()
        }
    );
    assert_eq!(
        pak(&running, b, "FRA"),
        Tally {
            no_answer: 1,
            undeliverable: 1,
            ..Tally::default()
        }
    );
    assert_eq!(
        pak(&running, c, "PAK"),
        Tally {
            awaiting: 2,
            ..Tally::default()
        }
    );
    let closed = store.state_tallies(&[c], t(CLOSES)).await.unwrap();
    assert_eq!(
        pak(&closed, c, "FRA"),
        Tally {
            no_answer: 2,
            ..Tally::default()
        }
    );
}

async fn open_challenges_of_running_campaigns(store: Arc<dyn Store>) {
    let pocs = four_pocs(&store).await;
    let a = started(&store, &pocs, "oa", false).await;
    let b = started(&store, &pocs[..2], "ob", false).await;
    let cancelled = started(&store, &pocs, "oc", false).await;
    store
        .cancel_campaign(cancelled, t(START + 1), draft("ping_test.cancel"))
        .await
        .unwrap();
    store
        .create_campaign(campaign("Scheduled", None, false))
        .await
        .unwrap();
    assert!(store.open_challenges_of(&[]).await.unwrap().is_empty());
    let mine = store.open_challenges_of(&[pocs[0].0]).await.unwrap();
    // Newest campaign first; answered ones too (the PoC's home shows them).
    assert_eq!(
        mine.iter()
            .map(|(ch, c)| (c.id, ch.poc_id, ch.campaign_id))
            .collect::<Vec<_>>(),
        vec![(b, pocs[0].0, b), (a, pocs[0].0, a)]
    );
    let both = store
        .open_challenges_of(&[pocs[0].0, pocs[3].0])
        .await
        .unwrap();
    assert_eq!(both.len(), 3);
    assert!(both.iter().all(|(_, c)| c.id != cancelled));
    assert!(both
        .iter()
        .all(|(ch, c)| ch.campaign_id == c.id && c.stored_status == CampaignStatus::Running));
    // A PoC with no challenge.
    assert!(store
        .open_challenges_of(&[999_999])
        .await
        .unwrap()
        .is_empty());
}

const SEALED_TOKEN: &str = "pdp_Token-that-must-be-sealed-0123456789abcdefghijk";
const SEALED_EMAIL: &str = "ping.sealed@cert.example";
const SEALED_NOTE: &str = "Note-that-must-be-sealed: called +447700900123";

/// Plants a challenge with known token, address and note (for the
/// sealing suite too); its campaign's id.
pub(crate) async fn plant_sealed_challenge(store: &Arc<dyn Store>, poc: (i64, &str, PocRole)) {
    let mut start = start_of(&[], "sealed", START);
    let mut ch = challenge(poc, "sealed", START);
    ch.token = SEALED_TOKEN.to_string();
    ch.email = SEALED_EMAIL.to_string();
    ch.mail.recipient = SEALED_EMAIL.to_string();
    ch.mail.body = format!("/ping/{SEALED_TOKEN}");
    start.challenges.push(ch);
    let id = store
        .create_campaign(campaign("Sealed", Some(start), false))
        .await
        .unwrap();
    let challenge = all_challenges(store, id).await[0].id;
    store
        .record_finding(NewFinding {
            challenge_id: challenge,
            finding: OtherChannelFinding::NotReached,
            note: SEALED_NOTE.to_string(),
            at: t(START + 1),
            by: 1,
            log: draft("ping_test.record"),
        })
        .await
        .unwrap();
    // Readable through the store.
    let c = store.challenge(challenge).await.unwrap().unwrap();
    assert_eq!(c.note.as_deref(), Some(SEALED_NOTE));
}

/// The needles [`plant_sealed_challenge`] leaves sealed.
pub(crate) fn sealed_needles() -> [&'static str; 3] {
    [SEALED_TOKEN, SEALED_EMAIL, SEALED_NOTE]
}

async fn tokens_addresses_and_notes_are_sealed(store: Arc<dyn Store>, raw: Raw) {
    let pocs = four_pocs(&store).await;
    plant_sealed_challenge(&store, pocs[2]).await;
    // The sealing of a reminder target opens back to the values.
    let id = store.campaigns().await.unwrap()[0].id;
    let found = store.reminder_targets(id, 1, 10).await.unwrap();
    // Its finding keeps it from reminders; the values still open through
    // a second challenge's target.
    assert!(found.is_empty());
    let other = started(&store, &pocs[..1], "open", false).await;
    let target = &store.reminder_targets(other, 1, 10).await.unwrap()[0];
    assert_eq!(target.token, format!("pdp_secret-token-open-{}", pocs[0].0));
    // The hash is what finds a challenge, in clear; the token never is.
    assert_eq!(
        plaintexts_found(&raw, &[&format!("hash-open-{}", pocs[0].0)])
            .await
            .len(),
        1
    );
    assert_no_plaintext(&raw, &sealed_needles()).await;
    assert_no_plaintext(
        &raw,
        &[
            &format!("pdp_secret-token-open-{}", pocs[0].0),
            &format!("poc{}.open@sealed.example", pocs[0].0),
        ],
    )
    .await;
}
