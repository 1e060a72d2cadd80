//! A State's proposal to add a concept or change one, and the curators'
//! decision. A proposal names the version it was written against, so a
//! curator never accepts a change over one made since without seeing it.

use crate::capacity::request::labelled_enum;

pub const MAX_RATIONALE: usize = 2000;
pub const MAX_COMMENT: usize = 4000;

labelled_enum!(
    ProposalStatus, "lexicon-proposal-", [
        /// Waiting for the secretariat.
        Pending => "pending",
        /// Accepted: it became a version of the concept.
        Accepted => "accepted",
        /// Declined, with the reason given.
        Rejected => "rejected",
    ]
);

/// Why a decision cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionRefusal {
    /// Accepted or rejected already.
    Decided,
    /// The concept changed since the proposal was written (or a concept
    /// of that id was added since a proposal to create it).
    Stale,
}

/// Whether a pending proposal written against `base` (None: a new
/// concept) may become the next version when the concept stands at
/// `current` (None: no such concept yet).
pub fn may_accept(
    status: ProposalStatus,
    base: Option<u32>,
    current: Option<u32>,
) -> Result<(), DecisionRefusal> {
    if status != ProposalStatus::Pending {
        return Err(DecisionRefusal::Decided);
    }
    if base != current {
        return Err(DecisionRefusal::Stale);
    }
    Ok(())
}

/// A comment or a reason: trimmed, not empty, within `max` characters.
pub fn text(value: &str, max: usize) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()
        && value.chars().count() <= max
        && !value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t'))
    .then(|| value.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_pending_proposal_on_the_current_version_is_accepted() {
        use ProposalStatus::*;
        assert_eq!(may_accept(Pending, Some(2), Some(2)), Ok(()));
        assert_eq!(may_accept(Pending, None, None), Ok(()));
        assert_eq!(
            may_accept(Pending, Some(1), Some(2)),
            Err(DecisionRefusal::Stale)
        );
        assert_eq!(
            may_accept(Pending, None, Some(1)),
            Err(DecisionRefusal::Stale)
        );
        assert_eq!(
            may_accept(Accepted, Some(2), Some(2)),
            Err(DecisionRefusal::Decided)
        );
        assert_eq!(
            may_accept(Rejected, None, None),
            Err(DecisionRefusal::Decided)
        );
    }

    #[test]
    fn a_comment_is_trimmed_and_bounded() {
        assert_eq!(text("  fine \r\n ok ", 100).as_deref(), Some("fine \n ok"));
        assert_eq!(text("   ", 100), None);
        assert_eq!(text("abc", 2), None);
        assert_eq!(text("a\u{0}b", 10), None);
    }
}
