//! Capacity building: a request filed with its named providers; one open
//! offer per provider; a step made only from the status it was decided on
//! (selecting twice, confirming before a selection refused with nothing
//! written); a selection marks the other open offers not selected; an
//! offer on a request closed to offers refused; a follow-up once, only on a
//! match, the twelve-month one closing it; descriptions and outcome texts
//! never in clear.

use crate::sealing::assert_no_plaintext;
use crate::*;
use pocdir_domain::capacity::funding::NewFunding;
use pocdir_domain::capacity::request::{NewOffer, NewRequest};
use pocdir_domain::capacity::FundingStage;
use pocdir_domain::capacity::{
    Area, Format, Milestone, OfferStatus, Outcome, RequestStatus, RequestStep, Visibility,
};
use pocdir_store::{
    CapacityStep, FollowUp, NewCapacityFunding, NewCapacityOffer, NewCapacityRequest,
    ReadinessRecord,
};

conformance!(
    cases: [
        a_request_is_offered_on_selected_and_confirmed_once,
        follow_ups_are_reported_once_and_close_the_request,
        funding_goes_to_live_requests_or_areas,
        the_latest_readiness_of_each_state_counts,
    ],
    raw: [descriptions_and_outcomes_are_sealed],
);

fn unnamed(action: &str, at: i64) -> LogDraft {
    raw_draft(t(at), LogActor::system(), action, String::new())
}

async fn file(store: &Arc<dyn Store>, visibility: Visibility, providers: &[&str]) -> i64 {
    seed_two(store).await;
    store
        .file_capacity_request(
            NewCapacityRequest {
                participant: "PAK".into(),
                request: NewRequest {
                    areas: vec![Area::IncidentResponse, Area::Awareness],
                    description: "Our CSIRT lacks forensic tooling (sealed request text)".into(),
                    languages: vec!["en".into(), "fr".into()],
                    format: Format::Training,
                    needed_by: time::macros::date!(2030 - 06 - 30),
                    funding_needed: true,
                    visibility,
                    providers: codes(providers),
                },
                at: t(0),
                by: None,
            },
            unnamed("capacity.request", 0),
        )
        .await
        .unwrap()
        .id
}

fn offer(request_id: i64, provider: &str, at: i64) -> NewCapacityOffer {
    NewCapacityOffer {
        request_id,
        provider: provider.into(),
        offer: NewOffer {
            description: format!("Trainers from {provider} (sealed offer text)"),
            languages: vec!["en".into()],
            format: Format::Training,
            funded: true,
        },
        at: t(at),
        by: None,
    }
}

fn step(
    id: i64,
    step: RequestStep,
    from: RequestStatus,
    offer: Option<i64>,
    at: i64,
) -> CapacityStep {
    CapacityStep {
        request_id: id,
        step,
        from,
        offer_id: offer,
        at: t(at),
        by: None,
        log: unnamed("capacity.step", at),
    }
}

async fn a_request_is_offered_on_selected_and_confirmed_once(store: Arc<dyn Store>) {
    let id = file(&store, Visibility::NamedProviders, &["FRA"]).await;
    let r = store.capacity_request(id).await.unwrap().unwrap();
    assert_eq!(r.named, codes(&["FRA"]));
    assert_eq!(r.status, RequestStatus::Filed);
    assert_eq!(r.areas, vec![Area::IncidentResponse, Area::Awareness]);
    assert!(r.funding_needed);
    let a = store
        .make_capacity_offer(offer(id, "FRA", 10), unnamed("capacity.offer", 10))
        .await
        .unwrap();
    // One open offer per provider.
    let again = store
        .make_capacity_offer(offer(id, "FRA", 11), unnamed("capacity.offer", 11))
        .await;
    assert!(matches!(again, Err(StoreError::Duplicate(_))), "{again:?}");
    let b = store
        .make_capacity_offer(offer(id, "PAK", 12), unnamed("capacity.offer", 12))
        .await
        .unwrap();
    let r = store.capacity_request(id).await.unwrap().unwrap();
    assert_eq!(r.offered_by, codes(&["FRA", "PAK"]));
    assert_eq!(r.first_offer_at, Some(t(10)));
    // Confirming before a selection is refused, nothing written.
    let early = store
        .step_capacity_request(step(
            id,
            RequestStep::Confirm,
            RequestStatus::Filed,
            None,
            13,
        ))
        .await;
    assert!(matches!(early, Err(StoreError::NotAllowed(_))), "{early:?}");
    let r = store
        .step_capacity_request(step(
            id,
            RequestStep::Select,
            RequestStatus::Filed,
            Some(a.id),
            20,
        ))
        .await
        .unwrap();
    assert_eq!(r.status, RequestStatus::Selected);
    assert_eq!(r.selected_offer_id, Some(a.id));
    assert_eq!(r.selected_provider.as_deref(), Some("FRA"));
    // Selecting twice: the request is no longer where the step was decided.
    let twice = store
        .step_capacity_request(step(
            id,
            RequestStep::Select,
            RequestStatus::Filed,
            Some(b.id),
            21,
        ))
        .await;
    assert!(matches!(twice, Err(StoreError::NotAllowed(_))), "{twice:?}");
    let offers = store.capacity_offers(id).await.unwrap();
    let statuses: Vec<_> = offers.iter().map(|o| (o.id, o.status)).collect();
    assert_eq!(
        statuses,
        vec![
            (a.id, OfferStatus::Selected),
            (b.id, OfferStatus::NotSelected)
        ]
    );
    // No offer on a request closed to offers, and none taken back.
    let late = store
        .make_capacity_offer(offer(id, "FRA", 22), unnamed("capacity.offer", 22))
        .await;
    assert!(matches!(late, Err(StoreError::NotAllowed(_))), "{late:?}");
    let back = store
        .withdraw_capacity_offer(a.id, "FRA", t(23), unnamed("capacity.withdraw_offer", 23))
        .await;
    assert!(matches!(back, Err(StoreError::NotAllowed(_))), "{back:?}");
    let r = store
        .step_capacity_request(step(
            id,
            RequestStep::Confirm,
            RequestStatus::Selected,
            None,
            30,
        ))
        .await
        .unwrap();
    assert_eq!(r.status, RequestStatus::Matched);
    assert_eq!(r.confirmed_at, Some(t(30)));
    // Each change logged once: the refused ones not at all.
    let actions: Vec<String> = log_actions(&store)
        .await
        .into_iter()
        .map(|(a, _)| a)
        .filter(|a| a.starts_with("capacity."))
        .collect();
    assert_eq!(
        actions,
        [
            "capacity.request",
            "capacity.offer",
            "capacity.offer",
            "capacity.step",
            "capacity.step"
        ]
    );
}

async fn follow_ups_are_reported_once_and_close_the_request(store: Arc<dyn Store>) {
    let id = file(&store, Visibility::AllProviders, &[]).await;
    let a = store
        .make_capacity_offer(offer(id, "FRA", 10), unnamed("capacity.offer", 10))
        .await
        .unwrap();
    let report = |milestone, at| FollowUp {
        request_id: id,
        milestone,
        outcome: Outcome::Partly,
        what_changed: "The CSIRT now runs office hours (sealed outcome text)".into(),
        reported_at: t(at),
        reported_by: None,
    };
    // Not on a request that is not matched.
    let early = store
        .report_capacity_follow_up(
            report(Milestone::SixMonths, 15),
            unnamed("capacity.follow_up", 15),
        )
        .await;
    assert!(matches!(early, Err(StoreError::NotAllowed(_))), "{early:?}");
    store
        .step_capacity_request(step(
            id,
            RequestStep::Select,
            RequestStatus::Filed,
            Some(a.id),
            20,
        ))
        .await
        .unwrap();
    store
        .step_capacity_request(step(
            id,
            RequestStep::Confirm,
            RequestStatus::Selected,
            None,
            30,
        ))
        .await
        .unwrap();
    let r = store
        .report_capacity_follow_up(
            report(Milestone::SixMonths, 40),
            unnamed("capacity.follow_up", 40),
        )
        .await
        .unwrap();
    assert_eq!(r.status, RequestStatus::Matched);
    let twice = store
        .report_capacity_follow_up(
            report(Milestone::SixMonths, 41),
            unnamed("capacity.follow_up", 41),
        )
        .await;
    assert!(matches!(twice, Err(StoreError::Duplicate(_))), "{twice:?}");
    let r = store
        .report_capacity_follow_up(
            report(Milestone::TwelveMonths, 50),
            unnamed("capacity.follow_up", 50),
        )
        .await
        .unwrap();
    assert_eq!(r.status, RequestStatus::Closed);
    assert_eq!(r.closed_at, Some(t(50)));
    let reports = store.capacity_follow_ups(id).await.unwrap();
    assert_eq!(
        reports.iter().map(|f| f.milestone).collect::<Vec<_>>(),
        [Milestone::SixMonths, Milestone::TwelveMonths]
    );
    assert_eq!(
        reports[0].what_changed,
        "The CSIRT now runs office hours (sealed outcome text)"
    );
}

async fn descriptions_and_outcomes_are_sealed(store: Arc<dyn Store>, raw: Raw) {
    let id = file(&store, Visibility::AllProviders, &[]).await;
    let a = store
        .make_capacity_offer(offer(id, "FRA", 10), unnamed("capacity.offer", 10))
        .await
        .unwrap();
    store
        .step_capacity_request(step(
            id,
            RequestStep::Select,
            RequestStatus::Filed,
            Some(a.id),
            20,
        ))
        .await
        .unwrap();
    store
        .step_capacity_request(step(
            id,
            RequestStep::Confirm,
            RequestStatus::Selected,
            None,
            30,
        ))
        .await
        .unwrap();
    store
        .report_capacity_follow_up(
            FollowUp {
                request_id: id,
                milestone: Milestone::SixMonths,
                outcome: Outcome::Delivered,
                what_changed: "sealed outcome text".into(),
                reported_at: t(40),
                reported_by: None,
            },
            unnamed("capacity.follow_up", 40),
        )
        .await
        .unwrap();
    store
        .record_readiness(
            readiness("PAK", "national_csirt=sealedanswer", true, 50),
            unnamed("capacity.assess", 50),
        )
        .await
        .unwrap();
    assert_no_plaintext(
        &raw,
        &[
            "sealed request text",
            "sealed offer text",
            "sealed outcome text",
            "sealedanswer",
        ],
    )
    .await;
}

fn readiness(participant: &str, answers: &str, shared: bool, at: i64) -> ReadinessRecord {
    ReadinessRecord {
        participant: participant.into(),
        answers: answers.into(),
        shared,
        assessed_at: t(at),
        assessed_by: None,
    }
}

async fn the_latest_readiness_of_each_state_counts(store: Arc<dyn Store>) {
    seed_two(&store).await;
    for (state, answers, shared, at) in [
        ("PAK", "first", false, 10),
        ("FRA", "only", true, 20),
        ("PAK", "second", true, 30),
    ] {
        store
            .record_readiness(
                readiness(state, answers, shared, at),
                unnamed("capacity.assess", at),
            )
            .await
            .unwrap();
    }
    assert_eq!(
        store.latest_readiness().await.unwrap(),
        vec![
            readiness("FRA", "only", true, 20),
            readiness("PAK", "second", true, 30)
        ]
    );
    let unknown = store
        .record_readiness(
            readiness("ZZZ", "x", false, 40),
            unnamed("capacity.assess", 40),
        )
        .await;
    assert!(unknown.is_err(), "{unknown:?}");
}

fn line(
    request_id: Option<i64>,
    area: Option<Area>,
    stage: FundingStage,
    minor: i64,
    at: i64,
) -> NewCapacityFunding {
    NewCapacityFunding {
        request_id,
        donor: "FRA".into(),
        line: NewFunding {
            stage,
            currency: "EUR".into(),
            amount_minor: minor,
            area,
        },
        at: t(at),
        by: None,
    }
}

async fn funding_goes_to_live_requests_or_areas(store: Arc<dyn Store>) {
    let id = file(&store, Visibility::AllProviders, &[]).await;
    store
        .record_capacity_funding(
            line(Some(id), None, FundingStage::Pledge, 2_500_050, 10),
            unnamed("capacity.fund", 10),
        )
        .await
        .unwrap();
    store
        .record_capacity_funding(
            line(
                None,
                Some(Area::Awareness),
                FundingStage::Commitment,
                700,
                11,
            ),
            unnamed("capacity.fund", 11),
        )
        .await
        .unwrap();
    // No such request.
    let none = store
        .record_capacity_funding(
            line(Some(id + 100), None, FundingStage::Pledge, 1, 12),
            unnamed("capacity.fund", 12),
        )
        .await;
    assert!(matches!(none, Err(StoreError::NotFound)), "{none:?}");
    store
        .step_capacity_request(step(
            id,
            RequestStep::Withdraw,
            RequestStatus::Filed,
            None,
            20,
        ))
        .await
        .unwrap();
    let late = store
        .record_capacity_funding(
            line(Some(id), None, FundingStage::Disbursement, 1, 21),
            unnamed("capacity.fund", 21),
        )
        .await;
    assert!(matches!(late, Err(StoreError::NotAllowed(_))), "{late:?}");
    let all = store.capacity_funding().await.unwrap();
    let got: Vec<_> = all
        .iter()
        .map(|f| (f.request_id, f.area, f.stage, f.amount_minor, f.at))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(id), None, FundingStage::Pledge, 2_500_050, t(10)),
            (
                None,
                Some(Area::Awareness),
                FundingStage::Commitment,
                700,
                t(11)
            ),
        ]
    );
    let logged = log_actions(&store)
        .await
        .into_iter()
        .filter(|(a, _)| a == "capacity.fund")
        .count();
    assert_eq!(logged, 2);
}
