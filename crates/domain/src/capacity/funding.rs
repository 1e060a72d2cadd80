//! Funding of capacity building: donors (States and organisations)
//! pledge, commit and disburse amounts to a request or to an area, each in
//! its ISO 4217 currency, kept in the currency's minor units so that
//! totals are exact; totals are per currency, never converted.

use super::request::labelled_enum;
use super::Area;
use crate::directory::poc::FieldError;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The most a single line may hold, in major units (a trillion).
const MAX_MAJOR: i64 = 1_000_000_000_000;

labelled_enum!(
    /// How far a donor's money has gone.
    FundingStage, "capacity-funding-", [
        /// Promised.
        Pledge => "pledge",
        /// Promised in writing (an agreement signed).
        Commitment => "commitment",
        /// Paid out.
        Disbursement => "disbursement",
    ]
);

/// A funding line as typed or sent, before any check.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingDraft {
    /// `pledge`, `commitment` or `disbursement`.
    #[serde(default)]
    pub stage: String,
    /// ISO 4217 alphabetic code, e.g. `EUR`.
    #[serde(default)]
    pub currency: String,
    /// A positive decimal amount with at most the currency's decimals,
    /// `.` as the decimal separator, e.g. `25000.50`.
    #[serde(default)]
    pub amount: String,
    /// For a pledge to an area rather than a request: the area.
    #[serde(default)]
    pub area: String,
}

/// A checked funding line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFunding {
    pub stage: FundingStage,
    pub currency: String,
    /// In the currency's minor units (cents for EUR, yen for JPY).
    pub amount_minor: i64,
    pub area: Option<Area>,
}

pub const PROBLEM_IDS: [&str; 3] = [
    "capacity-error-stage",
    "capacity-error-currency",
    "capacity-error-amount",
];

/// The decimals of an ISO 4217 currency that is money (not gold, not a
/// testing code).
pub fn decimals(code: &str) -> Option<u16> {
    let c = iso_currency::Currency::from_code(code)?;
    c.exponent().filter(|e| *e <= 4)
}

/// `amount` in minor units of a currency with `decimals` decimals: digits,
/// at most one `.`, no more decimals than the currency has, above zero.
pub fn parse_amount(amount: &str, decimals: u16) -> Option<i64> {
    let v = amount.trim();
    let (whole, fraction) = match v.split_once('.') {
        Some((w, f)) => (w, f),
        None => (v, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 13
        || !all_digits(whole)
        || !all_digits(fraction)
        || fraction.len() > usize::from(decimals)
        || (v.contains('.') && fraction.is_empty())
    {
        return None;
    }
    let major: i64 = whole.parse().ok()?;
    if major > MAX_MAJOR {
        return None;
    }
    let scale = 10_i64.checked_pow(u32::from(decimals))?;
    let padded = format!("{fraction:0<width$}", width = usize::from(decimals));
    let minor_part: i64 = if padded.is_empty() {
        0
    } else {
        padded.parse().ok()?
    };
    let minor = major.checked_mul(scale)?.checked_add(minor_part)?;
    (minor > 0).then_some(minor)
}

/// Minor units as the currency writes them: `2500050` EUR is `25000.50`.
pub fn format_amount(minor: i64, currency: &str) -> String {
    let d = decimals(currency).unwrap_or(2);
    if d == 0 {
        return minor.to_string();
    }
    let scale = 10_i64.pow(u32::from(d));
    format!(
        "{}.{:0width$}",
        minor / scale,
        minor % scale,
        width = usize::from(d)
    )
}

impl FundingDraft {
    /// Checks the line; `to_area` says whether it goes to an area (which
    /// must then be named) rather than to a request.
    pub fn check(&self, to_area: bool) -> Result<NewFunding, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut problem = |field: &str, message_id| {
            errors.push(FieldError {
                field: field.to_string(),
                message_id,
            })
        };
        let stage = FundingStage::parse(self.stage.trim());
        if stage.is_none() {
            problem("stage", "capacity-error-stage");
        }
        let currency = self.currency.trim().to_ascii_uppercase();
        let decimals = decimals(&currency);
        if decimals.is_none() {
            problem("currency", "capacity-error-currency");
        }
        let amount = decimals.and_then(|d| parse_amount(&self.amount, d));
        if decimals.is_some() && amount.is_none() {
            problem("amount", "capacity-error-amount");
        }
        let area = if to_area {
            let a = Area::parse(self.area.trim());
            if a.is_none() {
                problem("area", "capacity-error-area");
            }
            a
        } else {
            None
        };
        match (stage, amount, errors.is_empty()) {
            (Some(stage), Some(amount_minor), true) => Ok(NewFunding {
                stage,
                currency,
                amount_minor,
                area,
            }),
            _ => Err(errors),
        }
    }
}

/// Totals by currency and stage, in minor units; no currency is converted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FundingTotals(pub BTreeMap<String, [i64; 3]>);

impl FundingTotals {
    pub fn add(&mut self, currency: &str, stage: FundingStage, minor: i64) {
        let row = self.0.entry(currency.to_string()).or_insert([0; 3]);
        let i = match stage {
            FundingStage::Pledge => 0,
            FundingStage::Commitment => 1,
            FundingStage::Disbursement => 2,
        };
        if let Some(cell) = row.get_mut(i) {
            *cell = cell.saturating_add(minor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn amounts_follow_the_currencys_minor_units() {
        assert_eq!(parse_amount("25000.50", 2), Some(2_500_050));
        assert_eq!(parse_amount("25000", 2), Some(2_500_000));
        assert_eq!(parse_amount("1500", 0), Some(1500));
        assert_eq!(parse_amount("1.5", 0), None);
        assert_eq!(parse_amount("1.234", 3), Some(1234));
        for bad in [
            "", "0", "0.00", "-5", "1,000", "1e6", "12.", ".5", "1.005", "١٢٣",
        ] {
            assert_eq!(parse_amount(bad, 2), None, "{bad}");
        }
        assert_eq!(format_amount(2_500_050, "EUR"), "25000.50");
        assert_eq!(format_amount(1500, "JPY"), "1500");
        assert_eq!(format_amount(1234, "KWD"), "1.234");
    }

    #[test]
    fn a_line_in_an_unknown_currency_or_below_zero_is_refused() {
        let line = |currency: &str, amount: &str| FundingDraft {
            stage: "pledge".into(),
            currency: currency.into(),
            amount: amount.into(),
            area: String::new(),
        };
        assert_eq!(
            line("eur", "100").check(false).unwrap(),
            NewFunding {
                stage: FundingStage::Pledge,
                currency: "EUR".into(),
                amount_minor: 10_000,
                area: None,
            }
        );
        let id = |r: Result<NewFunding, Vec<FieldError>>| r.unwrap_err()[0].message_id;
        assert_eq!(
            id(line("ZZZ", "100").check(false)),
            "capacity-error-currency"
        );
        // Gold and the testing code are not money.
        assert_eq!(id(line("XAU", "1").check(false)), "capacity-error-currency");
        assert_eq!(
            id(line("EUR", "-100").check(false)),
            "capacity-error-amount"
        );
        assert_eq!(id(line("EUR", "100").check(true)), "capacity-error-area");
    }

    #[test]
    fn totals_are_per_currency_and_stage() {
        let mut t = FundingTotals::default();
        t.add("EUR", FundingStage::Pledge, 100);
        t.add("EUR", FundingStage::Pledge, 50);
        t.add("EUR", FundingStage::Disbursement, 20);
        t.add("USD", FundingStage::Commitment, 7);
        assert_eq!(t.0["EUR"], [150, 0, 20]);
        assert_eq!(t.0["USD"], [0, 7, 0]);
    }

    proptest! {
        #[test]
        fn any_amount_is_refused_or_positive_and_round_trips(s in "\\PC{0,20}|[0-9]{1,14}(\\.[0-9]{0,4})?") {
            if let Some(minor) = parse_amount(&s, 2) {
                prop_assert!(minor > 0);
                let back = format_amount(minor, "EUR");
                prop_assert_eq!(parse_amount(&back, 2), Some(minor));
            }
        }
    }
}
