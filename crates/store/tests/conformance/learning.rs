//! E-learning: module versions written once (`Duplicate` for a version
//! taken); lessons read noted once; an attempt graded once (`NotAllowed`
//! the second time, nothing written), its certificate with it; an attempt
//! on a version that does not exist refused.

use crate::*;
use pocdir_store::{QuizAttempt, QuizGrade, StoredCertificate, StoredModule};

conformance!(
    cases: [
        module_versions_are_written_once,
        attempts_are_graded_once_with_their_certificate,
    ],
    raw: [],
);

fn module(slug: &str, version: u32, at: i64) -> StoredModule {
    StoredModule {
        slug: slug.into(),
        version,
        content: format!("{{\"slug\":\"{slug}\",\"v\":{version}}}"),
        content_sha256: format!("{version:064}"),
        uploaded_at: t(at),
        uploaded_by: None,
    }
}

fn entry(action: &str, at: i64) -> LogDraft {
    raw_draft(t(at), LogActor::system(), action, String::new())
}

async fn module_versions_are_written_once(store: Arc<dyn Store>) {
    store
        .add_learning_module(module("ping-tests", 1, 0), entry("learning.upload", 0))
        .await
        .unwrap();
    store
        .add_learning_module(module("ping-tests", 2, 5), entry("learning.upload", 5))
        .await
        .unwrap();
    store
        .add_learning_module(module("what-a-poc-does", 1, 6), entry("learning.upload", 6))
        .await
        .unwrap();
    let size = store.log_size().await.unwrap();
    let again = store
        .add_learning_module(module("ping-tests", 2, 7), entry("learning.upload", 7))
        .await;
    assert!(matches!(again, Err(StoreError::Duplicate(_))), "{again:?}");
    assert_eq!(store.log_size().await.unwrap(), size, "nothing logged");
    let latest = store.latest_learning_modules().await.unwrap();
    let found: Vec<(&str, u32)> = latest
        .iter()
        .map(|m| (m.slug.as_str(), m.version))
        .collect();
    assert_eq!(found, vec![("ping-tests", 2), ("what-a-poc-does", 1)]);
    assert_eq!(latest[0], module("ping-tests", 2, 5));
    let first = store.learning_module("ping-tests", Some(1)).await.unwrap();
    assert_eq!(first, Some(module("ping-tests", 1, 0)));
    assert_eq!(store.learning_module("nothing", None).await.unwrap(), None);
    let versions: Vec<u32> = store
        .learning_module_versions("ping-tests")
        .await
        .unwrap()
        .iter()
        .map(|m| m.version)
        .collect();
    assert_eq!(versions, vec![1, 2]);
}

async fn attempts_are_graded_once_with_their_certificate(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let amina = account(
        &store,
        "amina@cert.pk.example.org",
        AccountKind::TechnicalPoc,
    )
    .await;
    store
        .add_learning_module(module("ping-tests", 1, 0), entry("learning.upload", 0))
        .await
        .unwrap();
    store
        .mark_lesson_read(amina.id, "ping-tests", "01-why", t(10))
        .await
        .unwrap();
    store
        .mark_lesson_read(amina.id, "ping-tests", "01-why", t(11))
        .await
        .unwrap();
    let read = store.lessons_read(amina.id).await.unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].read_at, t(10), "the first reading counts");
    let opening = |version: u32| QuizAttempt {
        id: 0,
        account_id: amina.id,
        slug: "ping-tests".into(),
        version,
        language: "ar".into(),
        opened_at: t(20),
        deadline_at: t(20 + 1800),
        grade: None,
    };
    let missing = store.open_quiz_attempt(opening(9)).await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    let attempt = store.open_quiz_attempt(opening(1)).await.unwrap();
    assert_eq!(attempt.grade, None);
    assert_eq!(attempt.deadline_at, t(1820));
    let grade = QuizGrade {
        graded_at: t(60),
        correct: 4,
        total: 5,
        percent: 80,
        passed: true,
    };
    let certificate = StoredCertificate {
        id: "0b2c6a5e-8d6f-4c1e-9a7b-1c2d3e4f5a6b".into(),
        attempt_id: attempt.id,
        account_id: amina.id,
        slug: "ping-tests".into(),
        version: 1,
        certificate: "{\"signed\":true}".into(),
        issued_at: t(60),
    };
    let graded = store
        .grade_quiz_attempt(
            attempt.id,
            grade,
            Some(certificate.clone()),
            entry("learning.grade", 60),
        )
        .await
        .unwrap();
    assert_eq!(graded.grade, Some(grade));
    let size = store.log_size().await.unwrap();
    let twice = store
        .grade_quiz_attempt(
            attempt.id,
            QuizGrade {
                percent: 100,
                correct: 5,
                ..grade
            },
            None,
            entry("learning.grade", 61),
        )
        .await;
    assert!(matches!(twice, Err(StoreError::NotAllowed(_))), "{twice:?}");
    assert_eq!(store.log_size().await.unwrap(), size, "nothing logged");
    assert_eq!(
        store.quiz_attempt(attempt.id).await.unwrap().unwrap().grade,
        Some(grade),
        "the first grade stands"
    );
    assert_eq!(
        store.learning_certificate(&certificate.id).await.unwrap(),
        Some(certificate.clone())
    );
    assert_eq!(
        store.learning_certificates(Some(amina.id)).await.unwrap(),
        vec![certificate.clone()]
    );
    assert_eq!(store.learning_certificates(None).await.unwrap().len(), 1);
    assert_eq!(
        store
            .learning_certificates(Some(amina.id + 1))
            .await
            .unwrap(),
        vec![]
    );
    assert_eq!(store.quiz_attempts(amina.id).await.unwrap().len(), 1);
}
