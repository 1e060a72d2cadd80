//! Ping tests: campaigns that prove each PoC can be reached and answers in
//! time. What a campaign is and how it is checked (`campaign.rs`), the
//! one-time challenge each PoC answers and what counts as an answer
//! (`challenge.rs`), and how answers become results per PoC, per State and
//! across campaigns (`results.rs`).
//!
//! Plain rules: the service in `crates/ping_tests` applies them, the store
//! keeps what they produce.

pub mod campaign;
pub mod challenge;
pub mod results;

/// Every message id the ping test rules name (labels, refusals, the
/// checks of a campaign's fields).
pub fn message_ids() -> Vec<&'static str> {
    use campaign::{CampaignKind, CampaignStatus, ScopeRoles};
    use challenge::{AnswerChannel, AnswerRefusal, OtherChannelFinding, Outcome};
    use results::{ResponseBand, StateReach};
    let mut ids = Vec::new();
    ids.extend(CampaignKind::ALL.map(CampaignKind::label_message));
    ids.extend(CampaignStatus::ALL.map(CampaignStatus::label_message));
    ids.extend(ScopeRoles::ALL.map(ScopeRoles::label_message));
    ids.extend(AnswerChannel::ALL.map(AnswerChannel::label_message));
    ids.extend(Outcome::ALL.map(Outcome::label_message));
    ids.extend(OtherChannelFinding::ALL.map(OtherChannelFinding::label_message));
    ids.extend(StateReach::ALL.map(StateReach::label_message));
    ids.extend(ResponseBand::ALL.map(ResponseBand::label_message));
    ids.extend(
        [
            AnswerRefusal::Unknown,
            AnswerRefusal::Used,
            AnswerRefusal::Expired,
            AnswerRefusal::Cancelled,
        ]
        .map(AnswerRefusal::message),
    );
    ids.extend(campaign::MESSAGE_IDS);
    ids
}
