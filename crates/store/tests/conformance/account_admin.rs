//! Accounts managed in the portal: invitations, password resets, the
//! secretariat's changes to an account and PoC-account links, each with
//! its mail and log entries in one transaction.

use crate::*;
use pocdir_domain::account_admin::AccountChange;
use pocdir_store::{ChangeMail, Invitation, NewInvitation, NewPasswordReset};

conformance!(
    cases: [
        invitation_is_open_until_accepted_once,
        invitation_to_a_taken_or_invited_address_is_refused,
        expired_invitation_gives_way_to_a_new_one,
        revoking_is_scoped_to_the_state,
        accepting_links_the_poc_entry,
        password_reset_works_once_and_ends_sessions,
        disabling_ends_sessions_and_tokens,
        reset_second_factor_removes_totp_and_codes,
        sensitive_mail_body_is_blanked_once_sent,
        accounts_are_listed_by_state,
    ],
    raw: [],
);

fn change_mail(key: &str, to: &str, at: i64) -> ChangeMail {
    ChangeMail {
        mail: new_mail(key, to, at),
        log: draft("mail.queue"),
    }
}

fn invitation(email: &str, token: &str, at: i64, poc_id: Option<i64>) -> NewInvitation {
    NewInvitation {
        token_hash: token.to_string(),
        email: email.to_string(),
        kind: AccountKind::TechnicalPoc,
        participant: Some("PAK".to_string()),
        display_name: "Ayesha Malik".to_string(),
        language: "ar".to_string(),
        poc_id,
        invited_by: None,
        created_at: t(at),
        expires_at: t(at + 100),
    }
}

async fn invite(store: &Arc<dyn Store>, email: &str, token: &str, at: i64) -> Invitation {
    store
        .create_invitation(
            invitation(email, token, at, None),
            change_mail(&format!("invitation:{token}"), email, at),
            draft("account.invite"),
        )
        .await
        .unwrap()
}

async fn invitation_is_open_until_accepted_once(store: Arc<dyn Store>) {
    let log0 = store.log_size().await.unwrap();
    let i = invite(&store, "a@example.org", "h1", 0).await;
    assert_eq!((i.used_at, i.revoked_at, i.account_id), (None, None, None));
    assert_eq!(i.expires_at, t(100));
    // The invitation and its mail, logged together.
    let log = whole_log(&store).await;
    assert_eq!(log.len() as u64, log0 + 2);
    let tail: Vec<_> = log
        .iter()
        .rev()
        .take(2)
        .map(|e| e.entry.object.clone())
        .collect();
    assert!(tail.contains(&format!("invitation:{}", i.id)), "{tail:?}");
    assert!(tail.iter().any(|o| o.starts_with("mail:")), "{tail:?}");
    assert_eq!(store.mail_counts().await.unwrap().queued, 1);

    assert_eq!(
        store.invitation_by_token("h1").await.unwrap(),
        Some(i.clone())
    );
    assert_eq!(
        store.open_invitations(None, t(1)).await.unwrap(),
        vec![i.clone()]
    );
    assert_eq!(
        store
            .open_invitations(Some("PAK"), t(1))
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(store
        .open_invitations(Some("FRA"), t(1))
        .await
        .unwrap()
        .is_empty());
    assert!(store
        .open_invitations(None, t(100))
        .await
        .unwrap()
        .is_empty());

    // Too late: nothing made, nothing logged.
    let size = store.log_size().await.unwrap();
    let late = store
        .accept_invitation("h1", t(100), "$argon2id$pw", draft("account.invite_accept"))
        .await;
    assert!(matches!(late, Err(StoreError::NotAllowed(_))), "{late:?}");
    assert_eq!(store.log_size().await.unwrap(), size);
    assert!(store
        .account_by_email("a@example.org")
        .await
        .unwrap()
        .is_none());

    let account = store
        .accept_invitation("h1", t(5), "$argon2id$pw", draft("account.invite_accept"))
        .await
        .unwrap();
    assert_eq!(account.email, "a@example.org");
    assert_eq!(account.kind, AccountKind::TechnicalPoc);
    assert_eq!(account.participant.as_deref(), Some("PAK"));
    assert_eq!(account.display_name, "Ayesha Malik");
    assert_eq!(account.language.as_deref(), Some("ar"));
    assert!(!account.totp_enrolled && !account.password_change_required && !account.demo);
    let last = whole_log(&store).await.pop().unwrap().entry;
    assert_eq!(last.object, format!("account:{}", account.id));
    assert_eq!(last.actor_account_id, Some(account.id));

    let used = store.invitation(i.id).await.unwrap().unwrap();
    assert_eq!(
        (used.used_at, used.account_id),
        (Some(t(5)), Some(account.id))
    );
    let again = store
        .accept_invitation("h1", t(6), "$argon2id$pw", draft("account.invite_accept"))
        .await;
    assert!(matches!(again, Err(StoreError::NotAllowed(_))));
    assert!(store.open_invitations(None, t(6)).await.unwrap().is_empty());
}

async fn invitation_to_a_taken_or_invited_address_is_refused(store: Arc<dyn Store>) {
    account(&store, "taken@example.org", AccountKind::Auditor).await;
    let size = store.log_size().await.unwrap();
    let taken = store
        .create_invitation(
            invitation("taken@example.org", "h1", 0, None),
            change_mail("k1", "taken@example.org", 0),
            draft("account.invite"),
        )
        .await;
    assert!(
        matches!(&taken, Err(StoreError::Duplicate(w)) if w == "account"),
        "{taken:?}"
    );
    invite(&store, "b@example.org", "h2", 0).await;
    let twice = store
        .create_invitation(
            invitation("b@example.org", "h3", 1, None),
            change_mail("k3", "b@example.org", 1),
            draft("account.invite"),
        )
        .await;
    assert!(
        matches!(&twice, Err(StoreError::Duplicate(w)) if w != "account"),
        "{twice:?}"
    );
    // Only the one invitation that went through, and its mail.
    assert_eq!(store.log_size().await.unwrap(), size + 2);
    assert_eq!(store.mail_counts().await.unwrap().queued, 1);
    assert!(store.invitation_by_token("h3").await.unwrap().is_none());
}

async fn expired_invitation_gives_way_to_a_new_one(store: Arc<dyn Store>) {
    let old = invite(&store, "c@example.org", "h1", 0).await;
    let new = invite(&store, "c@example.org", "h2", 150).await;
    assert_ne!(old.id, new.id);
    let closed = store.invitation(old.id).await.unwrap().unwrap();
    assert_eq!(closed.revoked_at, Some(t(150)));
    assert_eq!(
        store.open_invitations(None, t(151)).await.unwrap(),
        vec![new]
    );
}

async fn revoking_is_scoped_to_the_state(store: Arc<dyn Store>) {
    let i = invite(&store, "d@example.org", "h1", 0).await;
    let size = store.log_size().await.unwrap();
    assert!(!store
        .revoke_invitation(i.id, Some("FRA"), t(1), draft("account.invite_revoke"))
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size);
    assert!(store
        .revoke_invitation(i.id, Some("PAK"), t(2), draft("account.invite_revoke"))
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size + 1);
    assert!(!store
        .revoke_invitation(i.id, None, t(3), draft("account.invite_revoke"))
        .await
        .unwrap());
    let accepted = store
        .accept_invitation("h1", t(4), "$argon2id$pw", draft("account.invite_accept"))
        .await;
    assert!(matches!(accepted, Err(StoreError::NotAllowed(_))));
}

async fn accepting_links_the_poc_entry(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let poc = propose(&store, "PAK", PocRole::Technical, "Ayesha", 0).await;
    let poc = decide(&store, &poc, true, 1).await.poc;
    assert_eq!(store.poc_account(poc.id).await.unwrap(), None);
    store
        .create_invitation(
            invitation("e@example.org", "h1", 2, Some(poc.id)),
            change_mail("k1", "e@example.org", 2),
            draft("account.invite"),
        )
        .await
        .unwrap();
    let account = store
        .accept_invitation("h1", t(3), "$argon2id$pw", draft("account.invite_accept"))
        .await
        .unwrap();
    assert_eq!(
        store.poc_account(poc.id).await.unwrap(),
        Some(account.clone())
    );
    let last = whole_log(&store).await.pop().unwrap().entry;
    assert_eq!(
        (
            last.action.as_str(),
            last.object.clone(),
            last.participant.as_deref()
        ),
        ("account.poc_link", format!("poc:{}", poc.id), Some("PAK"))
    );
    // Linked again, to another account: the link moves, and is logged.
    let other = account_of(&store, "f@example.org", "PAK").await;
    let size = store.log_size().await.unwrap();
    store
        .link_poc_account(poc.id, other.id, t(4), draft("account.poc_link"))
        .await
        .unwrap();
    assert_eq!(
        store.poc_account(poc.id).await.unwrap().unwrap().id,
        other.id
    );
    assert_eq!(store.log_size().await.unwrap(), size + 1);
    let missing = store
        .link_poc_account(999_999, other.id, t(5), draft("account.poc_link"))
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    assert_eq!(store.log_size().await.unwrap(), size + 1);
}

async fn account_of(store: &Arc<dyn Store>, email: &str, participant: &str) -> Account {
    store
        .create_account(
            NewAccount {
                participant: Some(participant.to_string()),
                ..new_account(email, AccountKind::TechnicalPoc)
            },
            draft("account.create"),
        )
        .await
        .unwrap()
}

async fn password_reset_works_once_and_ends_sessions(store: Arc<dyn Store>) {
    let a = store
        .create_account(
            NewAccount {
                password_change_required: true,
                ..new_account("g@example.org", AccountKind::Auditor)
            },
            draft("account.create"),
        )
        .await
        .unwrap();
    store
        .create_session(new_session(a.id, "s1", 0, 1000))
        .await
        .unwrap();
    let reset = |token: &str, at: i64| NewPasswordReset {
        account_id: a.id,
        token_hash: token.to_string(),
        created_at: t(at),
        expires_at: t(at + 60),
    };
    store
        .create_password_reset(
            reset("r1", 0),
            change_mail("r1", &a.email, 0),
            draft("account.password_reset_request"),
        )
        .await
        .unwrap();
    // A newer link voids the older one.
    let r2 = store
        .create_password_reset(
            reset("r2", 10),
            change_mail("r2", &a.email, 10),
            draft("account.password_reset_request"),
        )
        .await
        .unwrap();
    assert_eq!(r2.expires_at, t(70));
    assert!(store
        .password_reset_by_token("r1")
        .await
        .unwrap()
        .unwrap()
        .used_at
        .is_some());
    let size = store.log_size().await.unwrap();
    for (token, at) in [("r1", 11), ("r2", 70), ("nope", 11)] {
        assert!(
            !store
                .complete_password_reset(
                    token,
                    t(at),
                    "$argon2id$new",
                    draft("account.password_reset")
                )
                .await
                .unwrap(),
            "{token}"
        );
    }
    assert_eq!(store.log_size().await.unwrap(), size);
    assert!(store
        .complete_password_reset(
            "r2",
            t(20),
            "$argon2id$new",
            draft("account.password_reset")
        )
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size + 1);
    let after = store.account_by_id(a.id).await.unwrap().unwrap();
    assert_eq!(after.password_hash, "$argon2id$new");
    assert!(!after.password_change_required);
    assert!(store.session_by_token_hash("s1").await.unwrap().is_none());
    assert!(!store
        .complete_password_reset("r2", t(21), "$argon2id$x", draft("account.password_reset"))
        .await
        .unwrap());
}

async fn disabling_ends_sessions_and_tokens(store: Arc<dyn Store>) {
    let a = account(&store, "h@example.org", AccountKind::Reporter).await;
    store
        .create_session(new_session(a.id, "s1", 0, 1000))
        .await
        .unwrap();
    store
        .create_api_token(new_token(a.id, "ci", "tok1", 0), draft("token.create"))
        .await
        .unwrap();
    store
        .create_password_reset(
            NewPasswordReset {
                account_id: a.id,
                token_hash: "r1".into(),
                created_at: t(0),
                expires_at: t(600),
            },
            change_mail("r1", &a.email, 0),
            draft("account.password_reset_request"),
        )
        .await
        .unwrap();
    let size = store.log_size().await.unwrap();
    let mails = store.mail_counts().await.unwrap().queued;
    assert!(store
        .change_account(
            a.id,
            AccountChange::Disable,
            t(5),
            change_mail("d1", &a.email, 5),
            draft("account.disable")
        )
        .await
        .unwrap());
    // The change and its mail, logged together.
    assert_eq!(store.log_size().await.unwrap(), size + 2);
    assert_eq!(store.mail_counts().await.unwrap().queued, mails + 1);
    let after = store.account_by_id(a.id).await.unwrap().unwrap();
    assert!(after.disabled);
    assert!(store.session_by_token_hash("s1").await.unwrap().is_none());
    assert_eq!(
        store
            .api_token_by_hash("tok1")
            .await
            .unwrap()
            .unwrap()
            .revoked_at,
        Some(t(5))
    );
    assert!(store
        .password_reset_by_token("r1")
        .await
        .unwrap()
        .unwrap()
        .used_at
        .is_some());
    // Already disabled: nothing changed, mailed or logged.
    assert!(!store
        .change_account(
            a.id,
            AccountChange::Disable,
            t(6),
            change_mail("d2", &a.email, 6),
            draft("account.disable")
        )
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size + 2);
    assert_eq!(store.mail_counts().await.unwrap().queued, mails + 1);
    assert!(store
        .change_account(
            a.id,
            AccountChange::Enable,
            t(7),
            change_mail("e1", &a.email, 7),
            draft("account.enable")
        )
        .await
        .unwrap());
    assert!(!store.account_by_id(a.id).await.unwrap().unwrap().disabled);
    // The old tokens stay revoked.
    assert!(store
        .api_token_by_hash("tok1")
        .await
        .unwrap()
        .unwrap()
        .revoked_at
        .is_some());
    let unknown = store
        .change_account(
            999_999,
            AccountChange::Disable,
            t(8),
            change_mail("x", "x@example.org", 8),
            draft("account.disable"),
        )
        .await;
    assert!(matches!(unknown, Err(StoreError::NotFound)), "{unknown:?}");
}

async fn reset_second_factor_removes_totp_and_codes(store: Arc<dyn Store>) {
    let a = store
        .create_account(
            NewAccount {
                totp_secret: Some("JBSWY3DPEHPK3PXP".into()),
                totp_enrolled: true,
                ..new_account("i@example.org", AccountKind::Nominator)
            },
            draft("account.create"),
        )
        .await
        .unwrap();
    store
        .replace_recovery_codes(
            a.id,
            &["c1".into(), "c2".into()],
            draft("account.recovery_codes_replace"),
        )
        .await
        .unwrap();
    store
        .create_session(new_session(a.id, "s1", 0, 1000))
        .await
        .unwrap();
    assert!(store
        .change_account(
            a.id,
            AccountChange::ResetSecondFactor,
            t(5),
            change_mail("m1", &a.email, 5),
            draft("account.mfa_reset")
        )
        .await
        .unwrap());
    let after = store.account_by_id(a.id).await.unwrap().unwrap();
    assert_eq!((after.totp_secret, after.totp_enrolled), (None, false));
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 0);
    assert!(store.session_by_token_hash("s1").await.unwrap().is_none());
}

async fn sensitive_mail_body_is_blanked_once_sent(store: Arc<dyn Store>) {
    invite(&store, "j@example.org", "h1", 0).await;
    let plain = store
        .enqueue_mail(new_mail("plain", "k@example.org", 0), draft("mail.queue"))
        .await
        .unwrap()
        .unwrap();
    let claimed = store.claim_mails(t(1), t(61), 10).await.unwrap();
    assert_eq!(claimed.len(), 2);
    assert!(claimed.iter().all(|m| !m.body.is_empty()));
    for m in &claimed {
        assert!(store
            .mark_mail_sent(m.id, t(2), draft("mail.sent"))
            .await
            .unwrap());
    }
    let sent = store.mails(Some(MailStatus::Sent), 10).await.unwrap();
    for m in sent {
        if m.id == plain.id {
            assert_eq!(m.body, "Corps du message");
        } else {
            assert_eq!(m.body, "", "the link's secret outlived its mail");
            assert_eq!(m.subject, "Rappel");
        }
    }
}

async fn accounts_are_listed_by_state(store: Arc<dyn Store>) {
    let s = account(&store, "s@example.org", AccountKind::Secretariat).await;
    let p = account_of(&store, "p@example.org", "PAK").await;
    let f = account_of(&store, "f@example.org", "FRA").await;
    let all: Vec<i64> = store
        .accounts()
        .await
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(all, vec![s.id, p.id, f.id]);
    let pak: Vec<i64> = store
        .accounts_of("PAK")
        .await
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(pak, vec![p.id]);
    store
        .change_account(
            p.id,
            AccountChange::Disable,
            t(1),
            change_mail("d", &p.email, 1),
            draft("account.disable"),
        )
        .await
        .unwrap();
    assert!(store.accounts_of("PAK").await.unwrap().is_empty());
}
