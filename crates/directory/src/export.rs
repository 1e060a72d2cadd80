//! What a reader may take away from the directory: the entries it may
//! see with contact details, as an export (`web/src/directory/exchange.rs`)
//! and a crisis pack (`crisis_pack.rs`) carry them.

use crate::search::{DirectorySnapshot, ParticipantSummary, SearchQuery, Sight};
use pocdir_domain::directory::exchange::ExportEntry;
use pocdir_domain::policy::{directory_view, Actor, DirectoryView};
use time::OffsetDateTime;

/// How `actor` sees each participant of `snapshot`.
pub fn views<'a>(
    actor: &'a Actor,
    snapshot: &'a DirectorySnapshot,
) -> impl Fn(&ParticipantSummary) -> DirectoryView + 'a {
    let actor_in = actor
        .participant
        .as_ref()
        .and_then(|c| snapshot.participants.get(c.as_str()))
        .is_some_and(|p| p.takes_part);
    move |p: &ParticipantSummary| directory_view(actor, &p.code, actor_in, p.takes_part)
}

/// Whether a view shows the people of a participant.
pub fn shows_people(view: DirectoryView) -> bool {
    matches!(view, DirectoryView::Administer | DirectoryView::Contacts)
}

/// Every entry `actor` may see with contact details that `search` admits,
/// each with its version (for the read's log entry): what an export and a
/// pack carry.
pub fn export_entries(
    snapshot: &DirectorySnapshot,
    actor: &Actor,
    search: &SearchQuery,
    now: OffsetDateTime,
) -> Vec<(ExportEntry, i64)> {
    let view = views(actor, snapshot);
    let visible = |p: &ParticipantSummary| {
        if shows_people(view(p)) {
            Sight::People
        } else {
            Sight::Hidden
        }
    };
    snapshot
        .matching(search, now, &visible)
        .into_iter()
        .map(|(e, _)| {
            let entry = ExportEntry {
                id: e.id,
                participant: e.participant.clone(),
                participant_name: snapshot
                    .participants
                    .get(&e.participant)
                    .map(|p| p.names.en.clone())
                    .unwrap_or_default(),
                details: e.details.clone(),
            };
            (entry, e.version)
        })
        .collect()
}
