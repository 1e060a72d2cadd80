//! Who asks a use case to act.

use crate::log::entry::LogActor;
use crate::policy::Actor;

/// The account on whose behalf a service acts: as the policy sees it and
/// as the log names it.
#[derive(Debug, Clone)]
pub struct Requester {
    pub actor: Actor,
    pub log: LogActor,
}

impl Requester {
    pub fn account_id(&self) -> i64 {
        self.actor.account_id
    }

    /// True when the account acts for participant `code`.
    pub fn is_of(&self, code: &str) -> bool {
        self.actor
            .participant
            .as_ref()
            .is_some_and(|p| p.as_str() == code)
    }
}
