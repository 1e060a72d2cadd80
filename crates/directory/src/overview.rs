//! What each kind of account has to do, gathered for its home page. Every
//! count is of what the reader may see: each function asks the access
//! policy first and answers `None` (not known, rather than zero) when the
//! reader may not see what it would count.

use pocdir_domain::directory::poc::PocStatus;
use pocdir_domain::directory::revalidation::RevalidationPolicy;
use pocdir_domain::policy::{decide, directory_view, Action, Actor, Decision, DirectoryView};
use pocdir_store::{Poc, PocStore, StoreResult};
use time::OffsetDateTime;

/// One of a State's PoCs with its name and when it must be confirmed again.
#[derive(Debug, Clone)]
pub struct EntryDue {
    pub poc: Poc,
    /// The verified name, or for a nomination the one proposed.
    pub name: String,
    /// The verified e-mail addresses (none for a nomination).
    pub emails: Vec<String>,
    /// The re-validation date of an active PoC.
    pub due: Option<OffsetDateTime>,
    pub overdue: bool,
}

fn allowed(actor: &Actor, action: Action) -> bool {
    decide(Some(actor), action) == Decision::Allow
}

/// The length of the secretariat's verification queue.
pub async fn nominations_waiting(
    store: &dyn PocStore,
    actor: &Actor,
) -> StoreResult<Option<usize>> {
    if !allowed(actor, Action::ReviewNominations) {
        return Ok(None);
    }
    Ok(Some(store.pending_pocs().await?.len()))
}

/// Active PoCs of every State past their re-validation date, the longest
/// overdue first: for whoever administers every State (the secretariat).
pub async fn overdue_everywhere(
    store: &dyn PocStore,
    actor: &Actor,
    policy: &RevalidationPolicy,
    now: OffsetDateTime,
) -> StoreResult<Option<Vec<Poc>>> {
    if !allowed(actor, Action::ReviewNominations) {
        return Ok(None);
    }
    let before = now.saturating_sub(time::Duration::days(policy.every_days.max(1)));
    Ok(Some(store.pocs_due_for_revalidation(before).await?))
}

/// The reader's own State's PoCs as far as the reader may see them: its
/// nominator every current entry, nominations included; its PoCs the
/// active ones. Rejected and withdrawn entries are history, not work.
pub async fn own_state_entries(
    store: &dyn PocStore,
    actor: &Actor,
    policy: &RevalidationPolicy,
    now: OffsetDateTime,
) -> StoreResult<Vec<EntryDue>> {
    let Some(own) = actor.participant.as_ref().map(|p| p.as_str().to_string()) else {
        return Ok(Vec::new());
    };
    // One's own State: whether either takes part does not matter.
    let view = directory_view(actor, &own, false, false);
    let shown = |p: &Poc| match view {
        DirectoryView::Administer => {
            matches!(p.status, PocStatus::Pending | PocStatus::Active)
        }
        DirectoryView::Contacts => p.status == PocStatus::Active,
        DirectoryView::WithoutContacts | DirectoryView::Nothing => false,
    };
    let mut out = Vec::new();
    for poc in store.pocs_of(&own).await?.into_iter().filter(|p| shown(p)) {
        out.push(entry_due(poc, policy, now));
    }
    out.sort_by_key(|e| (e.due.is_none(), e.due, e.poc.id));
    Ok(out)
}

/// A PoC with its name and due date (details that cannot be read leave the
/// name empty rather than hide the entry).
pub fn entry_due(poc: Poc, policy: &RevalidationPolicy, now: OffsetDateTime) -> EntryDue {
    let active = poc.active_details().ok().flatten();
    let proposed = poc.pending_details().ok().flatten();
    let name = active
        .as_ref()
        .or(proposed.as_ref())
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let emails = active.map(|d| d.emails).unwrap_or_default();
    let (due, overdue) = match (poc.status, poc.confirmed_at) {
        (PocStatus::Active, Some(at)) => (Some(policy.due_date(at)), policy.is_overdue(at, now)),
        _ => (None, false),
    };
    EntryDue {
        poc,
        name,
        emails,
        due,
        overdue,
    }
}

/// The entries among `entries` that are the account's own: those linked to
/// it (`linked`, from its invitation or the entry's access page) and those
/// whose verified e-mail addresses include the account's.
pub fn entries_of_account<'e>(
    entries: &'e [EntryDue],
    email: &str,
    linked: &[i64],
) -> Vec<&'e EntryDue> {
    entries
        .iter()
        .filter(|e| {
            linked.contains(&e.poc.id)
                || e.emails
                    .iter()
                    .any(|m| m.eq_ignore_ascii_case(email.trim()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_domain::directory::poc::{PendingAction, PhoneDraft, PocDraft, PocRole};
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-06-01 12:00 UTC);

    fn details(name: &str, email: &str) -> String {
        let draft = PocDraft {
            role: "technical".into(),
            name: name.into(),
            organisation: "CERT".into(),
            emails: vec![email.into()],
            phones: vec![PhoneDraft {
                number: "+44 20 7946 0321".into(),
                phone_use: "office".into(),
            }],
            languages: vec!["en".into()],
            time_zone: "Europe/Paris".into(),
            hours: "24/7".into(),
            ..PocDraft::default()
        };
        serde_json::to_string(&draft.validate(NOW).unwrap()).unwrap()
    }

    fn poc(id: i64, status: PocStatus, confirmed: Option<OffsetDateTime>) -> Poc {
        Poc {
            id,
            participant: "PAK".into(),
            role: PocRole::Technical,
            status,
            version: 1,
            active: (status == PocStatus::Active)
                .then(|| details("Ayesha Malik", "Ayesha@cert.pk.example.org")),
            pending: (status == PocStatus::Pending)
                .then(|| details("Bilal Khan", "bilal@cert.pk.example.org")),
            pending_action: (status == PocStatus::Pending).then_some(PendingAction::Create),
            confirmed_at: confirmed,
            created_at: NOW,
            updated_at: NOW,
        }
    }

    #[test]
    fn an_active_entry_is_due_and_a_nomination_named_by_its_proposal() {
        let policy = RevalidationPolicy::default();
        let late = entry_due(
            poc(1, PocStatus::Active, Some(NOW - time::Duration::days(200))),
            &policy,
            NOW,
        );
        assert!(late.overdue);
        assert_eq!(late.due, Some(NOW - time::Duration::days(20)));
        assert_eq!(late.name, "Ayesha Malik");
        let fresh = entry_due(poc(2, PocStatus::Active, Some(NOW)), &policy, NOW);
        assert!(!fresh.overdue);
        let nominated = entry_due(poc(3, PocStatus::Pending, None), &policy, NOW);
        assert_eq!(
            (nominated.name.as_str(), nominated.due),
            ("Bilal Khan", None)
        );
        assert!(
            nominated.emails.is_empty(),
            "a nomination's address is not yet anyone's entry"
        );
    }

    #[test]
    fn an_account_owns_the_entries_that_list_its_address() {
        let policy = RevalidationPolicy::default();
        let entries = vec![
            entry_due(poc(1, PocStatus::Active, Some(NOW)), &policy, NOW),
            entry_due(poc(2, PocStatus::Pending, None), &policy, NOW),
        ];
        let mine = entries_of_account(&entries, "ayesha@CERT.pk.example.org", &[]);
        assert_eq!(mine.iter().map(|e| e.poc.id).collect::<Vec<_>>(), [1]);
        assert!(entries_of_account(&entries, "bilal@cert.pk.example.org", &[]).is_empty());
        // Linked to the account, an entry is its own whatever its addresses.
        let linked = entries_of_account(&entries, "bilal@cert.pk.example.org", &[2]);
        assert_eq!(linked.iter().map(|e| e.poc.id).collect::<Vec<_>>(), [2]);
    }
}
