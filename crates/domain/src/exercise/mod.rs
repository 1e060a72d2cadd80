//! Tabletop exercises: a scenario of timed injects (`scenario.rs`) played
//! through pocdir's own channels, the exercise clock, its states and the
//! outcome of each expectation (`run.rs`), and the example scenarios the
//! library ships (`examples.rs`).
//!
//! Plain rules: the service in `crates/communications/src/exercises.rs`
//! applies them, the store keeps what they produce.

pub mod examples;
pub mod run;
pub mod scenario;

/// Every message id the exercise rules name.
pub fn message_ids() -> Vec<&'static str> {
    use run::{ExerciseStatus, ExerciseStep, Outcome};
    use scenario::{ActorKind, Channel, ExpectationKind, Level};
    let mut ids = Vec::new();
    ids.extend(Level::ALL.map(Level::label_message));
    ids.extend(ActorKind::ALL.map(ActorKind::label_message));
    ids.extend(Channel::ALL.map(Channel::label_message));
    ids.extend(ExpectationKind::ALL.map(ExpectationKind::label_message));
    ids.extend(ExerciseStatus::ALL.map(ExerciseStatus::label_message));
    ids.extend(ExerciseStep::ALL.map(ExerciseStep::label_message));
    ids.extend(Outcome::ALL.map(Outcome::label_message));
    ids.extend(run::REFUSAL_IDS);
    ids.extend(scenario::MESSAGE_IDS);
    ids
}
