//! Exercises: the steps only from the states they start from (a resume
//! pushes pending deadlines back by the pause, an end marks what is
//! pending missed), an inject played once and only while running, a
//! player's action once, meeting the State's expectations by their
//! deadline (late still counts after a miss), a miss and a judgement each
//! logged, the survey once; the scenario, replies, comments and answers
//! never in clear.

use crate::sealing::assert_no_plaintext;
use crate::*;
use pocdir_domain::exercise::run::{ExerciseStatus, ExerciseStep, Outcome};
use pocdir_domain::exercise::scenario::{ExpectationKind, Level};
use pocdir_store::{
    Feedback, NewDelivery, NewExercise, NewExpectation, NewInject, PlayerAct, PlayerAction,
};

conformance!(
    cases: [
        steps_follow_the_states_and_move_deadlines,
        an_inject_is_played_once_and_only_while_running,
        actions_meet_expectations_by_their_deadline,
        misses_judgements_and_the_survey,
    ],
    raw: [replies_comments_and_scenarios_are_sealed],
);

const SCENARIO: &str = "{\"title\":\"Grid ransomware (sealed scenario text)\"}";

fn unnamed(action: &str, at: i64) -> LogDraft {
    raw_draft(t(at), LogActor::system(), action, String::new())
}

async fn player(store: &Arc<dyn Store>, email: &str, kind: AccountKind, state: &str) -> i64 {
    let mut new = new_account(email, kind);
    new.participant = Some(state.to_string());
    store
        .create_account(new, draft("account.create"))
        .await
        .unwrap()
        .id
}

struct Setup {
    exercise: i64,
    pak_tech: i64,
    pak_dip: i64,
    fra_tech: i64,
}

async fn setup(store: &Arc<dyn Store>) -> Setup {
    seed_two(store).await;
    let exercise = store
        .create_exercise(NewExercise {
            title: "Grid ransomware".into(),
            level: Level::Tabletop,
            scenario: SCENARIO.into(),
            states: vec!["FRA".into(), "PAK".into()],
            created_by: None,
            created_at: t(0),
            log: unnamed("exercise.create", 0),
        })
        .await
        .unwrap();
    Setup {
        exercise,
        pak_tech: player(store, "cert@pak.example", AccountKind::TechnicalPoc, "PAK").await,
        pak_dip: player(store, "mfa@pak.example", AccountKind::DiplomaticPoc, "PAK").await,
        fra_tech: player(store, "cert@fra.example", AccountKind::TechnicalPoc, "FRA").await,
    }
}

fn inject(s: &Setup, key: &str, at: i64, within: i64) -> NewInject {
    let delivery = |account_id: i64, state: &str| NewDelivery {
        account_id,
        state: state.into(),
        kind: AccountKind::TechnicalPoc,
    };
    let expect = |state: &str, kind| NewExpectation {
        state: state.into(),
        kind,
        deadline: t(at + within),
        score: 10,
    };
    NewInject {
        exercise_id: s.exercise,
        key: key.into(),
        sent_at: t(at),
        states: vec!["PAK".into(), "FRA".into()],
        deliveries: vec![delivery(s.pak_tech, "PAK"), delivery(s.fra_tech, "FRA")],
        expectations: vec![
            expect("PAK", ExpectationKind::Acknowledge),
            expect("PAK", ExpectationKind::Reply),
            expect("FRA", ExpectationKind::Acknowledge),
            expect("PAK", ExpectationKind::Manual),
        ],
        mails: vec![NewMail {
            dedupe_key: format!("exercise:{}:{key}:{}", s.exercise, s.pak_tech),
            recipient: "cert@pak.example".into(),
            language: "en".into(),
            subject: "EXERCISE — alert".into(),
            body: "This is an exercise.".into(),
            participant: Some("PAK".into()),
            created_at: t(at),
        }],
        log: unnamed("exercise.inject", at),
    }
}

async fn step(store: &Arc<dyn Store>, id: i64, step: ExerciseStep, at: i64) -> ExerciseStatus {
    store
        .step_exercise(id, step, t(at), unnamed("exercise.step", at))
        .await
        .unwrap()
        .status
}

async fn steps_follow_the_states_and_move_deadlines(store: Arc<dyn Store>) {
    let s = setup(&store).await;
    let e = store.exercise(s.exercise).await.unwrap().unwrap();
    assert_eq!(e.status, ExerciseStatus::Draft);
    assert_eq!(e.states, ["FRA", "PAK"]);
    assert_eq!(e.scenario, SCENARIO);
    // Nothing but a start from a draft.
    let refused = store
        .step_exercise(s.exercise, ExerciseStep::Pause, t(1), unnamed("x.y", 1))
        .await
        .unwrap_err();
    assert!(
        matches!(refused, StoreError::NotAllowed(ref s) if s == "draft"),
        "{refused:?}"
    );
    assert_eq!(
        step(&store, s.exercise, ExerciseStep::Start, 10).await,
        ExerciseStatus::Running
    );
    let twice = store
        .step_exercise(s.exercise, ExerciseStep::Start, t(11), unnamed("x.y", 11))
        .await;
    assert!(matches!(twice, Err(StoreError::NotAllowed(_))));
    store
        .play_inject(inject(&s, "alert", 20, 600))
        .await
        .unwrap();
    // Paused 100 s: the clock and the pending deadlines move by it.
    assert_eq!(
        step(&store, s.exercise, ExerciseStep::Pause, 100).await,
        ExerciseStatus::Paused
    );
    let e = store.exercise(s.exercise).await.unwrap().unwrap();
    assert_eq!(e.paused_since, Some(t(100)));
    assert_eq!(
        step(&store, s.exercise, ExerciseStep::Resume, 200).await,
        ExerciseStatus::Running
    );
    let e = store.exercise(s.exercise).await.unwrap().unwrap();
    assert_eq!(
        (e.paused_since, e.paused_for),
        (None, time::Duration::seconds(100))
    );
    let clock = e.clock().unwrap();
    assert_eq!(clock.elapsed(t(300)), time::Duration::seconds(190));
    let x = store.exercise_expectations(s.exercise).await.unwrap();
    assert!(x.iter().all(|x| x.deadline == t(720)), "{x:?}");
    // The end: what is pending is missed; then nothing moves it.
    assert_eq!(
        step(&store, s.exercise, ExerciseStep::End, 300).await,
        ExerciseStatus::Ended
    );
    let x = store.exercise_expectations(s.exercise).await.unwrap();
    assert!(x.iter().all(|x| x.outcome == Outcome::Missed));
    assert!(store.exercises_running().await.unwrap().is_empty());
    let after = store
        .step_exercise(
            s.exercise,
            ExerciseStep::Resume,
            t(400),
            unnamed("x.y", 400),
        )
        .await;
    assert!(matches!(after, Err(StoreError::NotAllowed(ref s)) if s == "ended"));
    let missing = store
        .step_exercise(999, ExerciseStep::Start, t(1), unnamed("x.y", 1))
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)));
}

async fn an_inject_is_played_once_and_only_while_running(store: Arc<dyn Store>) {
    let s = setup(&store).await;
    // A draft plays nothing.
    assert_eq!(
        store
            .play_inject(inject(&s, "alert", 5, 600))
            .await
            .unwrap(),
        None
    );
    step(&store, s.exercise, ExerciseStep::Start, 10).await;
    let id = store
        .play_inject(inject(&s, "alert", 20, 600))
        .await
        .unwrap()
        .expect("played");
    assert_eq!(
        store
            .play_inject(inject(&s, "alert", 30, 600))
            .await
            .unwrap(),
        None
    );
    let played = store.injects_played(s.exercise).await.unwrap();
    assert_eq!(played.len(), 1);
    assert_eq!((played[0].id, played[0].sent_at), (id, t(20)));
    assert_eq!(played[0].states, ["PAK", "FRA"]);
    assert_eq!(
        store.exercise_deliveries(s.exercise).await.unwrap().len(),
        2
    );
    assert_eq!(
        store.exercise_expectations(s.exercise).await.unwrap().len(),
        4
    );
    let mine = store.player_deliveries(s.pak_tech, 10).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].inject_key, "alert");
    assert!(store
        .player_deliveries(s.pak_dip, 10)
        .await
        .unwrap()
        .is_empty());
    assert!(store
        .player_delivery(id, s.pak_dip)
        .await
        .unwrap()
        .is_none());
    // The mail was queued with it, once.
    let counts = store.mail_counts().await.unwrap();
    assert_eq!(counts.queued, 1);
    // A first read is noted once.
    store
        .record_exercise_read(id, s.pak_tech, t(25))
        .await
        .unwrap();
    store
        .record_exercise_read(id, s.pak_tech, t(26))
        .await
        .unwrap();
    let d = store
        .player_delivery(id, s.pak_tech)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(d.read_at, Some(t(25)));
    // An ended exercise plays nothing more.
    step(&store, s.exercise, ExerciseStep::End, 40).await;
    assert_eq!(
        store
            .play_inject(inject(&s, "later", 50, 600))
            .await
            .unwrap(),
        None
    );
}

fn action(inject_id: i64, account_id: i64, act: PlayerAct, at: i64) -> PlayerAction {
    PlayerAction {
        inject_id,
        account_id,
        act,
        at: t(at),
        log: unnamed("exercise.act", at),
    }
}

async fn actions_meet_expectations_by_their_deadline(store: Arc<dyn Store>) {
    let s = setup(&store).await;
    step(&store, s.exercise, ExerciseStep::Start, 0).await;
    let id = store
        .play_inject(inject(&s, "alert", 0, 600))
        .await
        .unwrap()
        .unwrap();
    // A reply in time also acknowledges.
    let met = store
        .player_action(action(
            id,
            s.pak_tech,
            PlayerAct::Reply("Isolated.".into()),
            100,
        ))
        .await
        .unwrap();
    assert_eq!(met.len(), 2);
    assert!(met.iter().all(|(_, o)| *o == Outcome::Met));
    assert_eq!(store.delivery_counts(s.exercise).await.unwrap(), (2, 1));
    let twice = store
        .player_action(action(
            id,
            s.pak_tech,
            PlayerAct::Reply("Again.".into()),
            110,
        ))
        .await;
    assert!(matches!(twice, Err(StoreError::NotAllowed(_))));
    // Not a recipient: not found.
    let stranger = store
        .player_action(action(id, s.pak_dip, PlayerAct::Acknowledge, 120))
        .await;
    assert!(matches!(stranger, Err(StoreError::NotFound)));
    // France misses its deadline, then acknowledges late.
    let overdue = store.expectations_overdue(t(700)).await.unwrap();
    let fra = overdue
        .iter()
        .find(|x| x.state == "FRA")
        .expect("France's acknowledgement is overdue");
    assert!(store
        .miss_expectation(fra.id, unnamed("exercise.miss", 700))
        .await
        .unwrap());
    assert!(!store
        .miss_expectation(fra.id, unnamed("exercise.miss", 701))
        .await
        .unwrap());
    let late = store
        .player_action(action(id, s.fra_tech, PlayerAct::Acknowledge, 800))
        .await
        .unwrap();
    assert_eq!(late, vec![(fra.id, Outcome::Late)]);
    // An escalation adds the diplomats as recipients, with its mail.
    let escalated = store
        .player_action(action(
            id,
            s.pak_tech,
            PlayerAct::Escalate {
                alerted: vec![NewDelivery {
                    account_id: s.pak_dip,
                    state: "PAK".into(),
                    kind: AccountKind::DiplomaticPoc,
                }],
                mails: Vec::new(),
            },
            900,
        ))
        .await
        .unwrap();
    assert!(
        escalated.is_empty(),
        "no escalation was expected of Pakistan"
    );
    assert!(store
        .player_delivery(id, s.pak_dip)
        .await
        .unwrap()
        .is_some());
    let d = store
        .player_delivery(id, s.pak_tech)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(d.reply.as_deref(), Some("Isolated."));
    assert_eq!(
        (d.acknowledged_at, d.replied_at, d.escalated_at),
        (Some(t(100)), Some(t(100)), Some(t(900)))
    );
    // After the end, no action.
    step(&store, s.exercise, ExerciseStep::End, 1000).await;
    let ended = store
        .player_action(action(id, s.pak_dip, PlayerAct::Acknowledge, 1100))
        .await;
    assert!(matches!(ended, Err(StoreError::NotAllowed(_))));
    let log = store
        .search_log(
            &LogFilter {
                action: Some("exercise.".into()),
                ..Default::default()
            },
            None,
            100,
        )
        .await
        .unwrap();
    // create, start, inject, reply, miss, acknowledge, escalate, end.
    assert_eq!(log.len(), 8, "{log:#?}");
}

async fn misses_judgements_and_the_survey(store: Arc<dyn Store>) {
    let s = setup(&store).await;
    step(&store, s.exercise, ExerciseStep::Start, 0).await;
    let id = store
        .play_inject(inject(&s, "alert", 0, 600))
        .await
        .unwrap()
        .unwrap();
    let manual = store
        .exercise_expectations(s.exercise)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.kind == ExpectationKind::Manual)
        .unwrap();
    assert_eq!(manual.delivered_at, t(0));
    store
        .validate_expectation(
            manual.id,
            Outcome::Met,
            "Called France's CERT.",
            s.pak_tech,
            t(60),
            unnamed("exercise.validate", 60),
        )
        .await
        .unwrap();
    let judged = store
        .exercise_expectations(s.exercise)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.id == manual.id)
        .unwrap();
    assert_eq!(judged.outcome, Outcome::Met);
    assert_eq!(judged.comment.as_deref(), Some("Called France's CERT."));
    assert_eq!(
        (judged.done_at, judged.validated_at),
        (Some(t(60)), Some(t(60)))
    );
    // A judged expectation is not overdue, and a player's action leaves it.
    assert!(store
        .expectations_overdue(t(10_000))
        .await
        .unwrap()
        .iter()
        .all(|x| x.id != manual.id));
    let missing = store
        .validate_expectation(
            999,
            Outcome::Met,
            "x",
            s.pak_tech,
            t(60),
            unnamed("x.y", 60),
        )
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)));
    let _ = id;
    step(&store, s.exercise, ExerciseStep::End, 700).await;
    let feedback = Feedback {
        exercise_id: s.exercise,
        account_id: s.pak_tech,
        state: "PAK".into(),
        rating: 4,
        went_well: "The escalation path.".into(),
        to_improve: "The public line.".into(),
        answered_at: t(800),
    };
    store
        .save_feedback(feedback.clone(), unnamed("exercise.feedback", 800))
        .await
        .unwrap();
    let again = store
        .save_feedback(feedback.clone(), unnamed("exercise.feedback", 801))
        .await;
    assert!(matches!(again, Err(StoreError::Duplicate(_))));
    assert_eq!(
        store.exercise_feedback(s.exercise).await.unwrap(),
        vec![feedback]
    );
}

async fn replies_comments_and_scenarios_are_sealed(store: Arc<dyn Store>, raw: Raw) {
    let s = setup(&store).await;
    step(&store, s.exercise, ExerciseStep::Start, 0).await;
    let id = store
        .play_inject(inject(&s, "alert", 0, 600))
        .await
        .unwrap()
        .unwrap();
    store
        .player_action(action(
            id,
            s.pak_tech,
            PlayerAct::Reply("Indicators at 203.0.113.77 blocked".into()),
            10,
        ))
        .await
        .unwrap();
    let manual = store
        .exercise_expectations(s.exercise)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.kind == ExpectationKind::Manual)
        .unwrap();
    store
        .validate_expectation(
            manual.id,
            Outcome::Met,
            "Facilitator remark about Pakistan",
            s.pak_tech,
            t(20),
            unnamed("exercise.validate", 20),
        )
        .await
        .unwrap();
    assert_no_plaintext(
        &raw,
        &[
            "sealed scenario text",
            "203.0.113.77",
            "Facilitator remark about Pakistan",
        ],
    )
    .await;
}
