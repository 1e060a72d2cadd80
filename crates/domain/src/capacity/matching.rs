//! A request's life: filed → acknowledged by the secretariat → an offer
//! selected by the requester → the match confirmed by the secretariat →
//! followed up after 6 and 12 months → closed; withdrawn by the requester
//! until the match is confirmed. Offers are made while the request is open.
//! The service clocks (acknowledgement within 5 working days, the
//! follow-ups) are the same for every side that sees the request.

use super::request::labelled_enum;
use time::{Date, Duration, OffsetDateTime, Weekday};

/// Working days the secretariat has to acknowledge a request.
pub const ACKNOWLEDGE_WORKING_DAYS: u8 = 5;

labelled_enum!(
    RequestStatus, "capacity-status-", [
        /// Filed, waiting for the secretariat's acknowledgement; open for offers.
        Filed => "filed",
        /// Acknowledged; still open for offers.
        Acknowledged => "acknowledged",
        /// The requester chose an offer; the secretariat confirms the match.
        Selected => "selected",
        /// The match is confirmed: the help is under way and followed up.
        Matched => "matched",
        /// The last follow-up is reported.
        Closed => "closed",
        Withdrawn => "withdrawn",
    ]
);

labelled_enum!(
    OfferStatus, "capacity-offer-status-", [
        Open => "open",
        Selected => "selected",
        /// Another offer was selected, or the request withdrawn.
        NotSelected => "not_selected",
        /// The provider took it back.
        Withdrawn => "withdrawn",
    ]
);

labelled_enum!(
    /// What a follow-up reports of the help.
    Outcome, "capacity-outcome-", [
        Delivered => "delivered",
        Partly => "partly",
        NotDelivered => "not_delivered",
    ]
);

labelled_enum!(
    /// The follow-ups of a selection.
    Milestone, "capacity-milestone-", [
        SixMonths => "six_months",
        TwelveMonths => "twelve_months",
    ]
);

labelled_enum!(
    /// The steps between a request's states.
    RequestStep, "capacity-step-", [
        Acknowledge => "acknowledge",
        Select => "select",
        Confirm => "confirm",
        Withdraw => "withdraw",
    ]
);

/// The refusals a step, an offer or a follow-up can meet.
pub const REFUSAL_IDS: [&str; 11] = [
    "capacity-refused-not-participating",
    "capacity-refused-own-funding",
    "capacity-refused-closed",
    "capacity-refused-acknowledged",
    "capacity-refused-selected",
    "capacity-refused-not-selected",
    "capacity-refused-offer",
    "capacity-refused-own",
    "capacity-refused-offered",
    "capacity-refused-not-due",
    "capacity-refused-reported",
];

impl RequestStatus {
    /// Providers may still offer, and the requester select.
    pub fn open(self) -> bool {
        matches!(self, RequestStatus::Filed | RequestStatus::Acknowledged)
    }
}

impl RequestStep {
    pub fn from(self) -> &'static [RequestStatus] {
        match self {
            RequestStep::Acknowledge => &[RequestStatus::Filed],
            RequestStep::Select => &[RequestStatus::Filed, RequestStatus::Acknowledged],
            RequestStep::Confirm => &[RequestStatus::Selected],
            RequestStep::Withdraw => &[
                RequestStatus::Filed,
                RequestStatus::Acknowledged,
                RequestStatus::Selected,
            ],
        }
    }

    pub fn to(self) -> RequestStatus {
        match self {
            RequestStep::Acknowledge => RequestStatus::Acknowledged,
            RequestStep::Select => RequestStatus::Selected,
            RequestStep::Confirm => RequestStatus::Matched,
            RequestStep::Withdraw => RequestStatus::Withdrawn,
        }
    }

    /// The refusal's Fluent id when the request is in `status`.
    pub fn refusal(self, status: RequestStatus) -> Option<&'static str> {
        if self.from().contains(&status) {
            return None;
        }
        Some(match (self, status) {
            (RequestStep::Acknowledge, RequestStatus::Acknowledged) => {
                "capacity-refused-acknowledged"
            }
            (RequestStep::Select, RequestStatus::Selected | RequestStatus::Matched) => {
                "capacity-refused-selected"
            }
            (RequestStep::Confirm, RequestStatus::Filed | RequestStatus::Acknowledged) => {
                "capacity-refused-not-selected"
            }
            _ => "capacity-refused-closed",
        })
    }
}

/// Adds working days (Monday to Friday) to `from`, keeping the time of day.
pub fn add_working_days(from: OffsetDateTime, days: u8) -> OffsetDateTime {
    let mut at = from;
    let mut left = days;
    while left > 0 {
        at += Duration::days(1);
        if !matches!(at.weekday(), Weekday::Saturday | Weekday::Sunday) {
            left -= 1;
        }
    }
    at
}

/// When the secretariat's acknowledgement of a request filed at `filed_at` is due.
pub fn acknowledgement_due(filed_at: OffsetDateTime) -> OffsetDateTime {
    add_working_days(filed_at, ACKNOWLEDGE_WORKING_DAYS)
}

/// `months` calendar months after `from`, the day kept or, in a shorter
/// month, its last day.
pub fn add_months(from: OffsetDateTime, months: u8) -> OffsetDateTime {
    let date = from.date();
    let total = i32::from(u8::from(date.month())) - 1 + i32::from(months);
    let year = date.year() + total.div_euclid(12);
    let month = u8::try_from(total.rem_euclid(12) + 1)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .unwrap_or(date.month());
    let day = date.day().min(month.length(year));
    match Date::from_calendar_date(year, month, day) {
        Ok(d) => from.replace_date(d),
        // Beyond the calendar's range: as late as it goes.
        Err(_) => from.replace_date(Date::MAX),
    }
}

impl Milestone {
    pub fn months(self) -> u8 {
        match self {
            Milestone::SixMonths => 6,
            Milestone::TwelveMonths => 12,
        }
    }

    /// When this follow-up of a selection made at `selected_at` is due.
    pub fn due(self, selected_at: OffsetDateTime) -> OffsetDateTime {
        add_months(selected_at, self.months())
    }

    /// Why an outcome report for this follow-up is refused at `now`, if
    /// it is: the match not confirmed, not yet due, already reported.
    pub fn report_refusal(
        self,
        status: RequestStatus,
        selected_at: Option<OffsetDateTime>,
        already_reported: bool,
        now: OffsetDateTime,
    ) -> Option<&'static str> {
        match (status, selected_at) {
            (RequestStatus::Matched, Some(_)) if already_reported => {
                Some("capacity-refused-reported")
            }
            (RequestStatus::Matched, Some(at)) if now < self.due(at) => {
                Some("capacity-refused-not-due")
            }
            (RequestStatus::Matched, Some(_)) => None,
            (RequestStatus::Closed, _) => Some("capacity-refused-reported"),
            _ => Some("capacity-refused-not-selected"),
        }
    }

    /// Whether the request closes once this follow-up is reported.
    pub fn closes(self) -> bool {
        self == Milestone::TwelveMonths
    }
}

labelled_enum!(
    /// Where a service clock stands, as every side sees it.
    ClockState, "capacity-clock-", [
        /// Not done, not yet due.
        Running => "running",
        /// Not done, past due.
        Overdue => "overdue",
        /// Done by the time it was due.
        Met => "met",
        /// Done, but after it was due.
        Late => "late",
    ]
);

/// A service clock: when something is due and when it was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceClock {
    pub due: OffsetDateTime,
    pub done: Option<OffsetDateTime>,
}

impl ServiceClock {
    pub fn state(&self, now: OffsetDateTime) -> ClockState {
        match self.done {
            Some(done) if done <= self.due => ClockState::Met,
            Some(_) => ClockState::Late,
            None if now <= self.due => ClockState::Running,
            None => ClockState::Overdue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn acknowledgement_is_due_five_working_days_later() {
        // A Wednesday: the next Wednesday.
        assert_eq!(
            acknowledgement_due(datetime!(2026-12-02 10:00 UTC)),
            datetime!(2026-12-09 10:00 UTC)
        );
        // A Friday: the next Friday. A Saturday: the Friday after too.
        assert_eq!(
            acknowledgement_due(datetime!(2026-12-04 16:00 UTC)),
            datetime!(2026-12-11 16:00 UTC)
        );
        assert_eq!(
            acknowledgement_due(datetime!(2026-12-05 09:00 UTC)),
            datetime!(2026-12-11 09:00 UTC)
        );
    }

    #[test]
    fn follow_ups_fall_six_and_twelve_months_later() {
        let at = datetime!(2026-08-31 12:00 UTC);
        assert_eq!(
            Milestone::SixMonths.due(at),
            datetime!(2027-02-28 12:00 UTC)
        );
        assert_eq!(
            Milestone::TwelveMonths.due(at),
            datetime!(2027-08-31 12:00 UTC)
        );
        assert_eq!(
            add_months(datetime!(2027-12-15 00:00 UTC), 1),
            datetime!(2028-01-15 00:00 UTC)
        );
    }

    #[test]
    fn steps_are_refused_from_the_wrong_state() {
        use RequestStatus::*;
        assert_eq!(RequestStep::Acknowledge.refusal(Filed), None);
        assert_eq!(
            RequestStep::Acknowledge.refusal(Acknowledged),
            Some("capacity-refused-acknowledged")
        );
        // Selecting twice.
        assert_eq!(
            RequestStep::Select.refusal(Selected),
            Some("capacity-refused-selected")
        );
        assert_eq!(
            RequestStep::Confirm.refusal(Acknowledged),
            Some("capacity-refused-not-selected")
        );
        assert_eq!(
            RequestStep::Withdraw.refusal(Matched),
            Some("capacity-refused-closed")
        );
        for step in RequestStep::ALL {
            for status in RequestStatus::ALL {
                let refused = step.refusal(status);
                assert_eq!(refused.is_none(), step.from().contains(&status));
                assert!(refused.is_none_or(|id| REFUSAL_IDS.contains(&id)));
            }
        }
    }

    #[test]
    fn a_follow_up_is_reported_once_when_due() {
        let selected = datetime!(2026-01-10 09:00 UTC);
        let m = Milestone::SixMonths;
        let before = datetime!(2026-07-09 09:00 UTC);
        let after = datetime!(2026-07-10 09:00 UTC);
        assert_eq!(
            m.report_refusal(RequestStatus::Matched, Some(selected), false, before),
            Some("capacity-refused-not-due")
        );
        assert_eq!(
            m.report_refusal(RequestStatus::Matched, Some(selected), false, after),
            None
        );
        assert_eq!(
            m.report_refusal(RequestStatus::Matched, Some(selected), true, after),
            Some("capacity-refused-reported")
        );
        assert_eq!(
            m.report_refusal(RequestStatus::Selected, Some(selected), false, after),
            Some("capacity-refused-not-selected")
        );
    }

    #[test]
    fn clocks_say_met_late_running_or_overdue() {
        let due = datetime!(2026-12-09 10:00 UTC);
        let c = ServiceClock { due, done: None };
        assert_eq!(
            c.state(datetime!(2026-12-08 10:00 UTC)),
            ClockState::Running
        );
        assert_eq!(
            c.state(datetime!(2026-12-10 10:00 UTC)),
            ClockState::Overdue
        );
        let done = ServiceClock {
            due,
            done: Some(datetime!(2026-12-03 10:00 UTC)),
        };
        assert_eq!(done.state(datetime!(2027-01-01 0:00 UTC)), ClockState::Met);
        let late = ServiceClock {
            due,
            done: Some(datetime!(2026-12-10 10:00 UTC)),
        };
        assert_eq!(late.state(due), ClockState::Late);
    }
}
