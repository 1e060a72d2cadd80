//! The one-time challenge each PoC of a campaign answers, and what counts
//! as an answer.
//!
//! A challenge's secret is a single-use token drawn from the injected
//! entropy: only its hash finds the challenge, and it expires when the
//! campaign closes. Following the mailed link only shows a confirmation
//! page; the answer is recorded when the PoC presses its button (a POST),
//! so a mail scanner or a link preview that fetches the URL records
//! nothing.

use super::campaign::{CampaignStatus, CampaignTimes};
use crate::credentials::SecretToken;
use crate::entropy::Entropy;
use time::{Duration, OffsetDateTime};

/// The prefix of a challenge's token (`pdp_`: pocdir ping).
pub const TOKEN_PREFIX: &str = "pdp_";

/// A new challenge's token: 256 random bits.
pub fn challenge_token(entropy: &dyn Entropy) -> SecretToken {
    SecretToken::generate(TOKEN_PREFIX, entropy)
}

/// Whether `raw` looks like a challenge token at all: anything else is
/// refused before it reaches the store.
pub fn plausible_token(raw: &str) -> bool {
    raw.len() == TOKEN_PREFIX.len() + 43
        && raw.starts_with(TOKEN_PREFIX)
        && raw
            .bytes()
            .skip(TOKEN_PREFIX.len())
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// How an answer reached pocdir.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnswerChannel {
    /// The mailed link, then the button on the confirmation page.
    Link,
    /// The portal, signed in.
    Portal,
    /// The JSON API.
    Api,
    /// Recorded by the secretariat after a check by another channel (phone).
    OtherChannel,
}

impl AnswerChannel {
    pub const ALL: [AnswerChannel; 4] = [
        AnswerChannel::Link,
        AnswerChannel::Portal,
        AnswerChannel::Api,
        AnswerChannel::OtherChannel,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AnswerChannel::Link => "link",
            AnswerChannel::Portal => "portal",
            AnswerChannel::Api => "api",
            AnswerChannel::OtherChannel => "other_channel",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            AnswerChannel::Link => "ping-channel-link",
            AnswerChannel::Portal => "ping-channel-portal",
            AnswerChannel::Api => "ping-channel-api",
            AnswerChannel::OtherChannel => "ping-channel-other_channel",
        }
    }
}

/// What became of one PoC's challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Answered within the window.
    InTime,
    /// Answered after the window, before the campaign closed.
    Late,
    /// Not answered (final once the campaign closed or was cancelled).
    NoAnswer,
    /// Not answered, and the relay refused the mail or sending gave up.
    Undeliverable,
    /// Not answered yet; the campaign still runs.
    Awaiting,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::InTime,
        Outcome::Late,
        Outcome::NoAnswer,
        Outcome::Undeliverable,
        Outcome::Awaiting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::InTime => "in_time",
            Outcome::Late => "late",
            Outcome::NoAnswer => "no_answer",
            Outcome::Undeliverable => "undeliverable",
            Outcome::Awaiting => "awaiting",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            Outcome::InTime => "ping-outcome-in_time",
            Outcome::Late => "ping-outcome-late",
            Outcome::NoAnswer => "ping-outcome-no_answer",
            Outcome::Undeliverable => "ping-outcome-undeliverable",
            Outcome::Awaiting => "ping-outcome-awaiting",
        }
    }

    /// Whether the PoC was reached (in time or late).
    pub fn reached(self) -> bool {
        matches!(self, Outcome::InTime | Outcome::Late)
    }
}

/// What the secretariat found by another channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OtherChannelFinding {
    /// The PoC was reached (its answer counts at the time recorded).
    Reached,
    /// The PoC could not be reached that way either.
    NotReached,
}

impl OtherChannelFinding {
    pub const ALL: [OtherChannelFinding; 2] = [
        OtherChannelFinding::Reached,
        OtherChannelFinding::NotReached,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OtherChannelFinding::Reached => "reached",
            OtherChannelFinding::NotReached => "not_reached",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            OtherChannelFinding::Reached => "ping-finding-reached",
            OtherChannelFinding::NotReached => "ping-finding-not_reached",
        }
    }
}

/// The facts of one challenge that decide its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChallengeFacts {
    pub answered_at: Option<OffsetDateTime>,
    /// The relay refused the challenge mail, or sending gave up.
    pub mail_failed: bool,
    /// The secretariat recorded "not reached" by another channel.
    pub not_reached: bool,
}

/// The outcome of a challenge of a campaign with `times`, now `status`.
pub fn outcome(facts: ChallengeFacts, times: &CampaignTimes, status: CampaignStatus) -> Outcome {
    match facts.answered_at {
        Some(at) if at <= times.answer_by => Outcome::InTime,
        Some(_) => Outcome::Late,
        None if facts.mail_failed => Outcome::Undeliverable,
        None if facts.not_reached => Outcome::NoAnswer,
        None if status == CampaignStatus::Running => Outcome::Awaiting,
        None => Outcome::NoAnswer,
    }
}

/// How long the PoC took to answer, from the start of the campaign.
pub fn response_time(answered_at: OffsetDateTime, times: &CampaignTimes) -> Duration {
    (answered_at - times.starts_at).max(Duration::ZERO)
}

/// Why an answer is not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnswerRefusal {
    /// No challenge has this token (mistyped, forged).
    Unknown,
    /// The challenge was answered already.
    Used,
    /// The campaign closed.
    Expired,
    /// The campaign was cancelled.
    Cancelled,
}

impl AnswerRefusal {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerRefusal::Unknown => "unknown",
            AnswerRefusal::Used => "used",
            AnswerRefusal::Expired => "expired",
            AnswerRefusal::Cancelled => "cancelled",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            AnswerRefusal::Unknown => "ping-refused-unknown",
            AnswerRefusal::Used => "ping-refused-used",
            AnswerRefusal::Expired => "ping-refused-expired",
            AnswerRefusal::Cancelled => "ping-refused-cancelled",
        }
    }
}

/// Whether a challenge of a campaign stored as `stored` may be answered
/// at `now`.
pub fn may_answer(
    stored: CampaignStatus,
    times: &CampaignTimes,
    answered_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Result<(), AnswerRefusal> {
    match times.status_at(stored, now) {
        CampaignStatus::Cancelled => Err(AnswerRefusal::Cancelled),
        CampaignStatus::Finished => Err(AnswerRefusal::Expired),
        // A challenge exists only once its campaign started.
        CampaignStatus::Scheduled => Err(AnswerRefusal::Unknown),
        CampaignStatus::Running if answered_at.is_some() => Err(AnswerRefusal::Used),
        CampaignStatus::Running => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entropy::SeededEntropy;
    use time::macros::datetime;

    fn times() -> CampaignTimes {
        let start = datetime!(2026-06-01 08:00 UTC);
        CampaignTimes {
            starts_at: start,
            answer_by: start + Duration::hours(72),
            closes_at: start + Duration::hours(72) + Duration::days(7),
            reminders: vec![Duration::hours(24), Duration::hours(48)],
        }
    }

    #[test]
    fn tokens_are_unguessable_and_recognised() {
        let e = SeededEntropy::new(7);
        let a = challenge_token(&e);
        let b = challenge_token(&e);
        assert_ne!(a.secret, b.secret);
        assert!(plausible_token(&a.secret), "{}", a.secret);
        assert!(!plausible_token("pdp_short"));
        assert!(!plausible_token(&a.secret.replace("pdp_", "pdi_")));
        assert!(!plausible_token(&format!("{}x", a.secret)));
    }

    #[test]
    fn outcomes() {
        let t = times();
        let facts = |answered_at, mail_failed| ChallengeFacts {
            answered_at,
            mail_failed,
            not_reached: false,
        };
        let run = CampaignStatus::Running;
        let fin = CampaignStatus::Finished;
        assert_eq!(
            outcome(facts(Some(t.answer_by), false), &t, run),
            Outcome::InTime
        );
        assert_eq!(
            outcome(
                facts(Some(t.answer_by + Duration::seconds(1)), false),
                &t,
                fin
            ),
            Outcome::Late
        );
        assert_eq!(outcome(facts(None, false), &t, run), Outcome::Awaiting);
        assert_eq!(outcome(facts(None, false), &t, fin), Outcome::NoAnswer);
        assert_eq!(outcome(facts(None, true), &t, run), Outcome::Undeliverable);
        // An answer by another way wins over a failed mail.
        assert_eq!(
            outcome(facts(Some(t.starts_at), true), &t, fin),
            Outcome::InTime
        );
        let not_reached = ChallengeFacts {
            answered_at: None,
            mail_failed: false,
            not_reached: true,
        };
        assert_eq!(outcome(not_reached, &t, run), Outcome::NoAnswer);
        assert_eq!(
            outcome(facts(None, false), &t, CampaignStatus::Cancelled),
            Outcome::NoAnswer
        );
    }

    #[test]
    fn who_may_answer() {
        let t = times();
        let during = t.starts_at + Duration::hours(1);
        let run = CampaignStatus::Running;
        assert_eq!(may_answer(run, &t, None, during), Ok(()));
        assert_eq!(
            may_answer(run, &t, Some(during), during),
            Err(AnswerRefusal::Used)
        );
        assert_eq!(
            may_answer(run, &t, None, t.closes_at),
            Err(AnswerRefusal::Expired)
        );
        // Late but before closing: still recorded.
        assert_eq!(
            may_answer(run, &t, None, t.answer_by + Duration::hours(1)),
            Ok(())
        );
        assert_eq!(
            may_answer(CampaignStatus::Cancelled, &t, None, during),
            Err(AnswerRefusal::Cancelled)
        );
    }
}
