//! Participants: the reference seed, organisations and status changes.

use crate::*;

conformance!(
    cases: [
        participants_seed_once_and_read_back,
        organisations_and_status_changes,
    ],
    raw: [],
);

async fn participants_seed_once_and_read_back(store: Arc<dyn Store>) {
    let list = vec![
        new_participant("PAK", ParticipantKind::MemberState),
        new_participant("FRA", ParticipantKind::MemberState),
        new_participant("VAT", ParticipantKind::ObserverState),
    ];
    let before = store.log_size().await.unwrap();
    assert_eq!(
        store
            .seed_participants(&list, draft("participants.seed"))
            .await
            .unwrap(),
        3
    );
    assert_eq!(store.log_size().await.unwrap(), before + 1);
    // Seeding again adds nothing and logs nothing.
    assert_eq!(
        store
            .seed_participants(&list, draft("participants.seed"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(store.log_size().await.unwrap(), before + 1);
    let all = store.participants().await.unwrap();
    let codes: Vec<&str> = all.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["FRA", "PAK", "VAT"]);
    let pak = store.participant("PAK").await.unwrap().unwrap();
    assert_eq!(pak.status, ParticipationStatus::NotParticipating);
    assert_eq!(pak.kind, ParticipantKind::MemberState);
    assert_eq!(pak.names.zh, "PAK 中文");
    assert_eq!(pak.names.in_language("ru"), "PAK ру");
    assert_eq!(pak.created_at, t(100));
    assert!(store.participant("XXX").await.unwrap().is_none());
}

async fn organisations_and_status_changes(store: Arc<dyn Store>) {
    store
        .seed_participants(
            &[new_participant("PAK", ParticipantKind::MemberState)],
            draft("participants.seed"),
        )
        .await
        .unwrap();
    let org = new_participant("OSCE", ParticipantKind::Organisation);
    let created = store
        .create_organisation(org.clone(), draft("participant.create"))
        .await
        .unwrap();
    assert_eq!(created.kind, ParticipantKind::Organisation);
    assert!(matches!(
        store
            .create_organisation(org, draft("participant.create"))
            .await,
        Err(StoreError::Duplicate(_))
    ));
    let size = store.log_size().await.unwrap();
    use ParticipationStatus::*;
    assert!(store
        .change_participant_status(
            "PAK",
            NotParticipating,
            Participating,
            t(200),
            draft("participant.status")
        )
        .await
        .unwrap());
    // A stale "from" changes nothing and logs nothing.
    assert!(!store
        .change_participant_status(
            "PAK",
            NotParticipating,
            Suspended,
            t(300),
            draft("participant.status")
        )
        .await
        .unwrap());
    assert!(!store
        .change_participant_status(
            "ZZZ",
            NotParticipating,
            Participating,
            t(300),
            draft("participant.status")
        )
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size + 1);
    let pak = store.participant("PAK").await.unwrap().unwrap();
    assert_eq!(pak.status, Participating);
    assert_eq!(pak.status_changed_at, t(200));
}
