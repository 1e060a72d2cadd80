//! Capacity building: States ask for help, providers offer it, the
//! requester chooses, the secretariat confirms the match and everyone
//! follows it up (after the GFCE Clearing House's request → offers →
//! selection → implementation, and the 1540 committee's acknowledgement
//! and follow-up a year on).
//!
//! `request.rs` is what a request and an offer hold and their checks;
//! `matching.rs` their states, the steps between them and the service
//! clocks every side sees.

pub mod figures;
pub mod funding;
pub mod matching;
pub mod readiness;
pub mod request;

pub use funding::FundingStage;
pub use matching::{ClockState, Milestone, OfferStatus, Outcome, RequestStatus, RequestStep};
pub use request::{Area, Format, Visibility};

/// Every Fluent id the capability's enums and checks name.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = Vec::new();
    ids.extend(Area::ALL.map(Area::label_message));
    ids.extend(Format::ALL.map(Format::label_message));
    ids.extend(Visibility::ALL.map(Visibility::label_message));
    ids.extend(RequestStatus::ALL.map(RequestStatus::label_message));
    ids.extend(OfferStatus::ALL.map(OfferStatus::label_message));
    ids.extend(Outcome::ALL.map(Outcome::label_message));
    ids.extend(Milestone::ALL.map(Milestone::label_message));
    ids.extend(RequestStep::ALL.map(RequestStep::label_message));
    ids.extend(ClockState::ALL.map(ClockState::label_message));
    ids.extend(request::PROBLEM_IDS);
    ids.extend(funding::PROBLEM_IDS);
    ids.extend(FundingStage::ALL.map(FundingStage::label_message));
    ids.extend(matching::REFUSAL_IDS);
    ids.extend(readiness::message_ids());
    ids
}
