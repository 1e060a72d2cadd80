//! Security keys (WebAuthn credentials) and the half-done ceremonies.

use crate::*;
use pocdir_store::{CeremonyPurpose, NewSecurityKey};

conformance!(
    cases: [
        security_keys_lifecycle,
        a_credential_belongs_to_one_account,
        remove_refuses_another_accounts_key,
        key_use_updates_counter_state_and_time,
        ceremony_is_taken_once_and_expires,
        ceremony_goes_with_its_session,
    ],
    raw: [security_key_changes_are_whole_with_their_log],
);

fn new_key(account_id: i64, name: &str, credential_id: &str, at: i64) -> NewSecurityKey {
    NewSecurityKey {
        account_id,
        name: name.to_string(),
        credential_id: credential_id.to_string(),
        credential: format!("{{\"cred\":\"{credential_id}\",\"counter\":0}}"),
        created_at: t(at),
    }
}

async fn security_keys_lifecycle(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::TechnicalPoc).await;
    assert!(store.security_keys_of(a.id).await.unwrap().is_empty());
    let first = store
        .add_security_key(
            new_key(a.id, "Blue key", "cred-1", 10),
            draft("security_key.add"),
        )
        .await
        .unwrap();
    let second = store
        .add_security_key(
            new_key(a.id, "Laptop", "cred-2", 20),
            draft("security_key.add"),
        )
        .await
        .unwrap();
    assert_eq!(first.name, "Blue key");
    assert_eq!(first.credential_id, "cred-1");
    assert_eq!(first.created_at, t(10));
    assert_eq!(first.last_used_at, None);
    // Oldest first.
    assert_eq!(
        store.security_keys_of(a.id).await.unwrap(),
        vec![first.clone(), second.clone()]
    );
    // The log names each new key.
    let actions = log_actions(&store).await;
    assert_eq!(
        actions[1..],
        pairs(&[
            ("security_key.add", format!("security_key:{}", first.id)),
            ("security_key.add", format!("security_key:{}", second.id)),
        ])[..]
    );
    assert!(store
        .remove_security_key(a.id, first.id, draft("security_key.remove"))
        .await
        .unwrap());
    assert_eq!(store.security_keys_of(a.id).await.unwrap(), vec![second]);
    // Gone already: false, nothing logged.
    let size = store.log_size().await.unwrap();
    assert!(!store
        .remove_security_key(a.id, first.id, draft("security_key.remove"))
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size);
}

async fn a_credential_belongs_to_one_account(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::TechnicalPoc).await;
    let b = account(&store, "b@example.org", AccountKind::Nominator).await;
    store
        .add_security_key(new_key(a.id, "Key", "same", 0), draft("security_key.add"))
        .await
        .unwrap();
    let size = store.log_size().await.unwrap();
    for owner in [a.id, b.id] {
        let err = store
            .add_security_key(
                new_key(owner, "Again", "same", 1),
                draft("security_key.add"),
            )
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
    }
    assert_eq!(store.log_size().await.unwrap(), size, "nothing logged");
    assert!(store.security_keys_of(b.id).await.unwrap().is_empty());
    // An unknown account.
    let err = store
        .add_security_key(
            new_key(999_999, "Key", "other", 0),
            draft("security_key.add"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
}

async fn remove_refuses_another_accounts_key(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::TechnicalPoc).await;
    let b = account(&store, "b@example.org", AccountKind::TechnicalPoc).await;
    let key = store
        .add_security_key(new_key(a.id, "Key", "cred-a", 0), draft("security_key.add"))
        .await
        .unwrap();
    let size = store.log_size().await.unwrap();
    assert!(!store
        .remove_security_key(b.id, key.id, draft("security_key.remove"))
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size);
    assert_eq!(store.security_keys_of(a.id).await.unwrap(), vec![key]);
}

async fn key_use_updates_counter_state_and_time(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::TechnicalPoc).await;
    let b = account(&store, "b@example.org", AccountKind::TechnicalPoc).await;
    let key = store
        .add_security_key(new_key(a.id, "Key", "cred-a", 0), draft("security_key.add"))
        .await
        .unwrap();
    assert!(store
        .record_security_key_use(a.id, "cred-a", Some("{\"counter\":5}"), t(100))
        .await
        .unwrap());
    let used = store.security_keys_of(a.id).await.unwrap().remove(0);
    assert_eq!(used.last_used_at, Some(t(100)));
    assert_eq!(used.credential, "{\"counter\":5}");
    // No new state (the key keeps no counter): only the time moves.
    assert!(store
        .record_security_key_use(a.id, "cred-a", None, t(200))
        .await
        .unwrap());
    let used = store.security_keys_of(a.id).await.unwrap().remove(0);
    assert_eq!(used.last_used_at, Some(t(200)));
    assert_eq!(used.credential, "{\"counter\":5}");
    // Another account's, or an unknown credential: nothing changes.
    assert!(!store
        .record_security_key_use(b.id, "cred-a", Some("{}"), t(300))
        .await
        .unwrap());
    assert!(!store
        .record_security_key_use(a.id, "nope", None, t(300))
        .await
        .unwrap());
    assert_eq!(
        store
            .security_keys_of(a.id)
            .await
            .unwrap()
            .remove(0)
            .last_used_at,
        Some(t(200))
    );
    assert_eq!(key.id, used.id);
}

async fn ceremony_is_taken_once_and_expires(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::TechnicalPoc).await;
    let s = store
        .create_session(new_session(a.id, "tok", 0, 3_600))
        .await
        .unwrap();
    use CeremonyPurpose::*;
    assert_eq!(store.take_ceremony(s.id, SignIn, t(1)).await.unwrap(), None);
    store
        .put_ceremony(s.id, SignIn, "state-1", t(60))
        .await
        .unwrap();
    // A later one replaces it.
    store
        .put_ceremony(s.id, SignIn, "state-2", t(60))
        .await
        .unwrap();
    assert_eq!(
        store.take_ceremony(s.id, SignIn, t(1)).await.unwrap(),
        Some("state-2".to_string())
    );
    assert_eq!(store.take_ceremony(s.id, SignIn, t(1)).await.unwrap(), None);
    // For another purpose: not given, and gone all the same.
    store
        .put_ceremony(s.id, Register, "reg", t(60))
        .await
        .unwrap();
    assert_eq!(store.take_ceremony(s.id, SignIn, t(1)).await.unwrap(), None);
    assert_eq!(
        store.take_ceremony(s.id, Register, t(1)).await.unwrap(),
        None
    );
    // Expired: not given.
    store
        .put_ceremony(s.id, Register, "reg", t(60))
        .await
        .unwrap();
    assert_eq!(
        store.take_ceremony(s.id, Register, t(60)).await.unwrap(),
        None
    );
    // An unknown session cannot hold one.
    let err = store
        .put_ceremony(999_999, SignIn, "x", t(60))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
}

async fn ceremony_goes_with_its_session(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::TechnicalPoc).await;
    let pending = store
        .create_session(new_session(a.id, "pending", 0, 3_600))
        .await
        .unwrap();
    store
        .put_ceremony(pending.id, CeremonyPurpose::SignIn, "state", t(60))
        .await
        .unwrap();
    // The sign-in rotates the session: the old one's challenge is gone.
    let full = store
        .rotate_session(pending.id, new_session(a.id, "full", 1, 3_600), None)
        .await
        .unwrap();
    assert_eq!(
        store
            .take_ceremony(pending.id, CeremonyPurpose::SignIn, t(2))
            .await
            .unwrap(),
        None
    );
    store
        .put_ceremony(full.id, CeremonyPurpose::Register, "reg", t(60))
        .await
        .unwrap();
    store.delete_session(full.id, None).await.unwrap();
    assert_eq!(
        store
            .take_ceremony(full.id, CeremonyPurpose::Register, t(2))
            .await
            .unwrap(),
        None
    );
}

/// A registration or removal whose log entry cannot be written does not happen.
async fn security_key_changes_are_whole_with_their_log(store: Arc<dyn Store>, raw: Raw) {
    let a = account(&store, "a@example.org", AccountKind::TechnicalPoc).await;
    let key = store
        .add_security_key(new_key(a.id, "Key", "cred-a", 0), draft("security_key.add"))
        .await
        .unwrap();
    let log_before = log_actions(&store).await;
    arm_boom(&raw).await;
    assert!(store
        .add_security_key(new_key(a.id, "Other", "cred-b", 1), draft("boom"))
        .await
        .is_err());
    assert!(store
        .remove_security_key(a.id, key.id, draft("boom"))
        .await
        .is_err());
    assert_eq!(store.security_keys_of(a.id).await.unwrap(), vec![key]);
    assert_eq!(log_actions(&store).await, log_before);
}
