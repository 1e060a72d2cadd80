//! The best-practice library: a document is published with its entry
//! naming its number, read back as written (summaries, lists, the file),
//! withdrawn once with its entry, and its file is sealed at rest.

use crate::sealing::assert_no_plaintext;
use crate::*;
use pocdir_store::NewLibraryDocument;

conformance!(
    cases: [a_document_is_published_read_and_withdrawn_once],
    raw: [a_documents_file_is_sealed_at_rest],
);

const FILE_TEXT: &str = "Playbook-line-that-must-be-sealed";

fn document(participant: Option<&str>, at: i64) -> NewLibraryDocument {
    NewLibraryDocument {
        participant: participant.map(str::to_owned),
        title: "Incident-response playbook".into(),
        kind: "playbook".into(),
        tlp: "GREEN".into(),
        languages: vec!["en".into(), "fr".into()],
        areas: vec!["incident_response".into(), "standards".into()],
        summaries: [
            ("en".to_string(), "How we respond.".to_string()),
            ("fr".to_string(), "Comment nous répondons.".to_string()),
        ]
        .into(),
        file_name: "playbook.txt".into(),
        file_type: "text".into(),
        sha256: "ab".repeat(32),
        bytes: FILE_TEXT.as_bytes().to_vec(),
        published_at: t(at),
        published_by: None,
    }
}

async fn a_document_is_published_read_and_withdrawn_once(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let by = store
        .create_account(
            new_account("curator@example.org", AccountKind::Secretariat),
            draft("account.create"),
        )
        .await
        .unwrap()
        .id;
    let size = store.log_size().await.unwrap();
    let first = store
        .publish_library_document(document(Some("PAK"), 10), draft("library.publish"))
        .await
        .unwrap();
    let second = store
        .publish_library_document(document(None, 20), draft("library.publish"))
        .await
        .unwrap();
    assert_eq!(store.log_size().await.unwrap(), size + 2);
    let entries = store.log_entries(size, size + 2).await.unwrap();
    assert_eq!(
        entries
            .iter()
            .map(|e| e.entry.object.clone())
            .collect::<Vec<_>>(),
        vec![
            format!("library_document:{}", first.id),
            format!("library_document:{}", second.id)
        ]
    );
    assert_eq!(first.participant.as_deref(), Some("PAK"));
    assert_eq!(first.languages, vec!["en", "fr"]);
    assert_eq!(first.areas, vec!["incident_response", "standards"]);
    assert_eq!(
        first.summaries.get("fr").map(String::as_str),
        Some("Comment nous répondons.")
    );
    assert_eq!(first.size, FILE_TEXT.len() as i64);
    assert_eq!(first.withdrawn_at, None);
    let all = store.library_documents().await.unwrap();
    assert_eq!(
        all.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![second.id, first.id],
        "newest first"
    );
    assert_eq!(
        store.library_document(first.id).await.unwrap(),
        Some(first.clone())
    );
    assert_eq!(
        store.library_file(first.id).await.unwrap(),
        Some(FILE_TEXT.as_bytes().to_vec())
    );
    assert_eq!(store.library_file(first.id + 100).await.unwrap(), None);

    let withdrawn = store
        .withdraw_library_document(first.id, t(30), by, "Superseded", draft("library.withdraw"))
        .await
        .unwrap();
    assert_eq!(withdrawn.withdrawn_at, Some(t(30)));
    assert_eq!(withdrawn.withdrawal_reason, "Superseded");
    let size = store.log_size().await.unwrap();
    let again = store
        .withdraw_library_document(first.id, t(40), by, "Twice", draft("library.withdraw"))
        .await;
    assert!(matches!(again, Err(StoreError::NotAllowed(_))), "{again:?}");
    let missing = store
        .withdraw_library_document(first.id + 100, t(40), by, "None", draft("library.withdraw"))
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    assert_eq!(store.log_size().await.unwrap(), size, "nothing logged");
    assert_eq!(
        store
            .library_document(first.id)
            .await
            .unwrap()
            .map(|d| d.withdrawal_reason),
        Some("Superseded".to_string())
    );
}

async fn a_documents_file_is_sealed_at_rest(store: Arc<dyn Store>, raw: Raw) {
    seed_two(&store).await;
    let doc = store
        .publish_library_document(document(Some("FRA"), 10), draft("library.publish"))
        .await
        .unwrap();
    assert_no_plaintext(&raw, &[FILE_TEXT]).await;
    assert_eq!(
        store.library_file(doc.id).await.unwrap(),
        Some(FILE_TEXT.as_bytes().to_vec())
    );
}
