//! TLP 2.0 (FIRST, 2022) in pocdir's terms, for every way information
//! leaves pocdir: a page, the API, a reply, a forward, an export, a mail
//! and (later) TAXII. One module decides them all, so a new way out cannot
//! forget a rule.
//!
//! What the labels mean here (a State's PoCs are its "organisation"):
//! - `TLP:RED`: only the named recipient accounts (and the sender); never
//!   addressed to a whole State, forwarded, exported or mailed in clear.
//! - `TLP:AMBER+STRICT`: the PoCs of the States taking part (the sender's
//!   State and the recipient States); mailed only as a link or encrypted.
//! - `TLP:AMBER`: the same inside pocdir; the page reminds the reader that
//!   sharing outside is limited to those the State serves, on need to know.
//! - `TLP:GREEN`: any PoC of any participating State.
//! - `TLP:CLEAR`: anyone.
//!
//! The secretariat is not a reader unless addressed: it sees metadata
//! (who, when, kind, urgency, label, status), never the content.

use crate::account::AccountKind;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A TLP 2.0 label. Shown as the standard writes it (`TLP:AMBER+STRICT`),
/// never translated.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
pub enum TlpLabel {
    #[serde(rename = "TLP:CLEAR")]
    Clear,
    #[serde(rename = "TLP:GREEN")]
    Green,
    #[serde(rename = "TLP:AMBER")]
    Amber,
    #[serde(rename = "TLP:AMBER+STRICT")]
    AmberStrict,
    #[serde(rename = "TLP:RED")]
    Red,
}

impl TlpLabel {
    /// From the least to the most restrictive (the order of `Ord`).
    pub const ALL: [TlpLabel; 5] = [
        TlpLabel::Clear,
        TlpLabel::Green,
        TlpLabel::Amber,
        TlpLabel::AmberStrict,
        TlpLabel::Red,
    ];

    /// As TLP 2.0 writes it: `TLP:AMBER+STRICT`.
    pub fn as_str(self) -> &'static str {
        match self {
            TlpLabel::Clear => "TLP:CLEAR",
            TlpLabel::Green => "TLP:GREEN",
            TlpLabel::Amber => "TLP:AMBER",
            TlpLabel::AmberStrict => "TLP:AMBER+STRICT",
            TlpLabel::Red => "TLP:RED",
        }
    }

    /// The stored code and the form's value: `AMBER+STRICT`.
    pub fn code(self) -> &'static str {
        match self {
            TlpLabel::Clear => "CLEAR",
            TlpLabel::Green => "GREEN",
            TlpLabel::Amber => "AMBER",
            TlpLabel::AmberStrict => "AMBER+STRICT",
            TlpLabel::Red => "RED",
        }
    }

    /// The class the stylesheet colours with TLP 2.0's colours on black.
    pub fn css_class(self) -> &'static str {
        match self {
            TlpLabel::Clear => "tlp-clear",
            TlpLabel::Green => "tlp-green",
            TlpLabel::Amber => "tlp-amber",
            TlpLabel::AmberStrict => "tlp-amber-strict",
            TlpLabel::Red => "tlp-red",
        }
    }

    /// TLP 2.0's colour for the label's text (RGB), shown on black.
    pub fn colour(self) -> &'static str {
        match self {
            TlpLabel::Clear => "#FFFFFF",
            TlpLabel::Green => "#33FF00",
            TlpLabel::Amber | TlpLabel::AmberStrict => "#FFC000",
            TlpLabel::Red => "#FF2B2B",
        }
    }

    /// Fluent id of what the label means for the reader (the label itself
    /// is never translated).
    pub fn meaning_message(self) -> &'static str {
        match self {
            TlpLabel::Clear => "tlp-meaning-clear",
            TlpLabel::Green => "tlp-meaning-green",
            TlpLabel::Amber => "tlp-meaning-amber",
            TlpLabel::AmberStrict => "tlp-meaning-amber-strict",
            TlpLabel::Red => "tlp-meaning-red",
        }
    }

    /// Whether a mail may carry the content in clear. RED and AMBER+STRICT
    /// are mailed as a link to the portal, or encrypted to the recipient's
    /// OpenPGP key.
    pub fn may_mail_in_clear(self) -> bool {
        matches!(self, TlpLabel::Clear | TlpLabel::Green | TlpLabel::Amber)
    }

    /// Whether the label needs named recipient accounts (not whole States).
    pub fn needs_named_recipients(self) -> bool {
        self == TlpLabel::Red
    }
}

impl fmt::Display for TlpLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TlpLabel {
    type Err = ();
    /// `AMBER+STRICT` or `TLP:AMBER+STRICT`, in any case, spaces around.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_uppercase();
        let code = s.strip_prefix("TLP:").unwrap_or(&s);
        TlpLabel::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .ok_or(())
    }
}

/// Every way information can leave pocdir.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WayOut {
    Page,
    Api,
    Reply,
    Forward,
    Export,
    Mail,
    Taxii,
}

impl WayOut {
    pub const ALL: [WayOut; 7] = [
        WayOut::Page,
        WayOut::Api,
        WayOut::Reply,
        WayOut::Forward,
        WayOut::Export,
        WayOut::Mail,
        WayOut::Taxii,
    ];
}

/// An account as the TLP rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub account_id: i64,
    pub kind: AccountKind,
    /// The State the account acts for.
    pub state: Option<String>,
    /// Whether that State participates in the directory.
    pub state_takes_part: bool,
}

impl Person {
    fn is_poc(&self) -> bool {
        matches!(
            self.kind,
            AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc
        )
    }

    fn is_poc_of(&self, state: &str) -> bool {
        self.is_poc() && self.state.as_deref() == Some(state)
    }

    fn is_participating_poc(&self) -> bool {
        self.is_poc() && self.state.is_some() && self.state_takes_part
    }
}

/// Who one communication went between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audience {
    pub label: TlpLabel,
    pub sender_account: i64,
    pub sender_state: String,
    /// The accounts it was delivered to (named, or those of the States
    /// addressed, resolved when it was sent).
    pub recipient_accounts: Vec<i64>,
    /// The States of those accounts.
    pub recipient_states: Vec<String>,
}

impl Audience {
    fn names(&self, account_id: i64) -> bool {
        self.sender_account == account_id || self.recipient_accounts.contains(&account_id)
    }

    fn party_state(&self, state: &str) -> bool {
        self.sender_state == state || self.recipient_states.iter().any(|s| s == state)
    }

    fn is_party_poc(&self, person: &Person) -> bool {
        person.is_poc()
            && person
                .state
                .as_deref()
                .is_some_and(|state| self.party_state(state))
    }
}

/// What one account may see of one communication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sight {
    /// Subject, fields, text, attachments.
    Content,
    /// Who, when, kind, urgency, label, status: the secretariat, and a
    /// party State's other PoCs for a RED communication.
    Metadata,
    /// Not even that it exists.
    Nothing,
}

/// What `reader` may see of the communication sent to `audience`.
pub fn sight(audience: &Audience, reader: &Person) -> Sight {
    if audience.names(reader.account_id) {
        return Sight::Content;
    }
    if reader.kind == AccountKind::Secretariat {
        return Sight::Metadata;
    }
    if audience.is_party_poc(reader) {
        return match audience.label {
            TlpLabel::Red => Sight::Metadata,
            _ => Sight::Content,
        };
    }
    Sight::Nothing
}

/// Why information may not leave by a way out. Each is a clear message
/// for the person who tried (`message_id`) and a log entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TlpRefusal {
    #[error("the reader may not see this communication's content")]
    NotAReader,
    #[error("TLP:RED information is never forwarded")]
    RedNeverForwarded,
    #[error("TLP:RED information is never exported")]
    RedNeverExported,
    #[error("TLP:RED needs named recipients, not whole States")]
    RedNeedsNamedRecipients,
    #[error("a forward may keep or tighten the label, never loosen it")]
    Loosens,
    #[error("the label limits sharing to the PoCs of the forwarder's own State")]
    OutsideOwnState,
    #[error("the label limits sharing to PoCs of participating States")]
    OutsideCommunity,
    #[error("only TLP:CLEAR and TLP:GREEN information goes out through TAXII")]
    NotForTaxii,
}

impl TlpRefusal {
    pub const ALL: [TlpRefusal; 8] = [
        TlpRefusal::NotAReader,
        TlpRefusal::RedNeverForwarded,
        TlpRefusal::RedNeverExported,
        TlpRefusal::RedNeedsNamedRecipients,
        TlpRefusal::Loosens,
        TlpRefusal::OutsideOwnState,
        TlpRefusal::OutsideCommunity,
        TlpRefusal::NotForTaxii,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TlpRefusal::NotAReader => "not_a_reader",
            TlpRefusal::RedNeverForwarded => "red_never_forwarded",
            TlpRefusal::RedNeverExported => "red_never_exported",
            TlpRefusal::RedNeedsNamedRecipients => "red_needs_named_recipients",
            TlpRefusal::Loosens => "loosens",
            TlpRefusal::OutsideOwnState => "outside_own_state",
            TlpRefusal::OutsideCommunity => "outside_community",
            TlpRefusal::NotForTaxii => "not_for_taxii",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            TlpRefusal::NotAReader => "tlp-refused-not-a-reader",
            TlpRefusal::RedNeverForwarded => "tlp-refused-red-forward",
            TlpRefusal::RedNeverExported => "tlp-refused-red-export",
            TlpRefusal::RedNeedsNamedRecipients => "tlp-refused-red-named",
            TlpRefusal::Loosens => "tlp-refused-loosens",
            TlpRefusal::OutsideOwnState => "tlp-refused-own-state",
            TlpRefusal::OutsideCommunity => "tlp-refused-community",
            TlpRefusal::NotForTaxii => "tlp-refused-taxii",
        }
    }
}

/// How a mail about a communication carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailBody {
    /// The content itself.
    Clear,
    /// The content encrypted to the recipient's OpenPGP key.
    Encrypted,
    /// Only metadata and a link to the portal.
    LinkOnly,
}

/// How a mail to `recipient` may carry a communication labelled
/// `audience.label`, or why it may not be mailed to them at all.
pub fn mail_body(
    audience: &Audience,
    recipient: &Person,
    has_openpgp_key: bool,
) -> Result<MailBody, TlpRefusal> {
    if sight(audience, recipient) != Sight::Content {
        return Err(TlpRefusal::NotAReader);
    }
    Ok(if audience.label.may_mail_in_clear() {
        MailBody::Clear
    } else if has_openpgp_key {
        MailBody::Encrypted
    } else {
        MailBody::LinkOnly
    })
}

/// Whether `reader` may take the content out by `way` (page, API, reply,
/// export, TAXII). Forwards are decided by [`check_forward`], mails by
/// [`mail_body`].
pub fn may_read_by(audience: &Audience, reader: &Person, way: WayOut) -> Result<(), TlpRefusal> {
    let label = audience.label;
    match way {
        WayOut::Taxii => {
            return match label {
                TlpLabel::Clear => Ok(()),
                TlpLabel::Green if reader.is_participating_poc() => Ok(()),
                TlpLabel::Green => Err(TlpRefusal::OutsideCommunity),
                _ => Err(TlpRefusal::NotForTaxii),
            };
        }
        WayOut::Page | WayOut::Api | WayOut::Reply | WayOut::Export | WayOut::Forward => {}
        WayOut::Mail => {
            return mail_body(audience, reader, false).map(|_| ());
        }
    }
    if sight(audience, reader) != Sight::Content {
        return Err(TlpRefusal::NotAReader);
    }
    match way {
        WayOut::Export if label == TlpLabel::Red => Err(TlpRefusal::RedNeverExported),
        WayOut::Forward if label == TlpLabel::Red => Err(TlpRefusal::RedNeverForwarded),
        _ => Ok(()),
    }
}

/// Whether `forwarder` may forward the communication sent to `original`
/// under `new_label` to `targets` (named accounts, or the PoCs of whole
/// States, resolved). The new label may keep or tighten, never loosen; the
/// targets must be within what the original label allows from where the
/// forwarder stands.
pub fn check_forward(
    original: &Audience,
    forwarder: &Person,
    new_label: TlpLabel,
    targets: &[Person],
    to_whole_states: bool,
) -> Result<(), TlpRefusal> {
    may_read_by(original, forwarder, WayOut::Forward)?;
    if new_label < original.label {
        return Err(TlpRefusal::Loosens);
    }
    if new_label.needs_named_recipients() && to_whole_states {
        return Err(TlpRefusal::RedNeedsNamedRecipients);
    }
    let own_state = forwarder.state.as_deref().unwrap_or_default();
    for target in targets {
        let allowed = match original.label {
            TlpLabel::Red => false,
            TlpLabel::AmberStrict | TlpLabel::Amber => target.is_poc_of(own_state),
            TlpLabel::Green => target.is_participating_poc(),
            TlpLabel::Clear => true,
        };
        if !allowed {
            return Err(match original.label {
                TlpLabel::Green => TlpRefusal::OutsideCommunity,
                _ => TlpRefusal::OutsideOwnState,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn person(id: i64, kind: AccountKind, state: Option<&str>, takes_part: bool) -> Person {
        Person {
            account_id: id,
            kind,
            state: state.map(str::to_string),
            state_takes_part: takes_part,
        }
    }

    fn audience(label: TlpLabel) -> Audience {
        // PAK's PoC 1 wrote to FRA's PoCs 2 and 3.
        Audience {
            label,
            sender_account: 1,
            sender_state: "PAK".into(),
            recipient_accounts: vec![2, 3],
            recipient_states: vec!["FRA".into()],
        }
    }

    #[test]
    fn labels_parse_show_and_order() {
        assert_eq!("amber+strict".parse(), Ok(TlpLabel::AmberStrict));
        assert_eq!("TLP:RED".parse(), Ok(TlpLabel::Red));
        assert_eq!(" GREEN ".parse(), Ok(TlpLabel::Green));
        assert_eq!("WHITE".parse::<TlpLabel>(), Err(()));
        assert_eq!("".parse::<TlpLabel>(), Err(()));
        assert_eq!(TlpLabel::AmberStrict.to_string(), "TLP:AMBER+STRICT");
        assert!(TlpLabel::Clear < TlpLabel::Green && TlpLabel::Amber < TlpLabel::AmberStrict);
        assert_eq!(
            serde_json::to_string(&TlpLabel::AmberStrict).unwrap(),
            "\"TLP:AMBER+STRICT\""
        );
        for label in TlpLabel::ALL {
            assert_eq!(label.as_str().parse(), Ok(label));
        }
    }

    #[test]
    fn who_sees_what() {
        use AccountKind::*;
        let colleague_fra = person(4, TechnicalPoc, Some("FRA"), true);
        let colleague_pak = person(5, DiplomaticPoc, Some("PAK"), true);
        let outsider = person(6, TechnicalPoc, Some("DEU"), true);
        let secretariat = person(7, Secretariat, None, false);
        let nominator_fra = person(8, Nominator, Some("FRA"), true);
        let auditor = person(9, Auditor, None, false);
        let recipient = person(2, TechnicalPoc, Some("FRA"), true);
        for label in TlpLabel::ALL {
            let a = audience(label);
            assert_eq!(sight(&a, &recipient), Sight::Content);
            assert_eq!(sight(&a, &secretariat), Sight::Metadata);
            assert_eq!(sight(&a, &outsider), Sight::Nothing);
            assert_eq!(sight(&a, &nominator_fra), Sight::Nothing);
            assert_eq!(sight(&a, &auditor), Sight::Nothing);
            let colleagues = if label == TlpLabel::Red {
                Sight::Metadata
            } else {
                Sight::Content
            };
            assert_eq!(sight(&a, &colleague_fra), colleagues);
            assert_eq!(sight(&a, &colleague_pak), colleagues);
        }
    }

    #[test]
    fn mail_never_carries_red_or_amber_strict_in_clear() {
        let recipient = person(2, AccountKind::TechnicalPoc, Some("FRA"), true);
        let expect = [
            (TlpLabel::Clear, false, MailBody::Clear),
            (TlpLabel::Amber, false, MailBody::Clear),
            (TlpLabel::AmberStrict, false, MailBody::LinkOnly),
            (TlpLabel::AmberStrict, true, MailBody::Encrypted),
            (TlpLabel::Red, false, MailBody::LinkOnly),
            (TlpLabel::Red, true, MailBody::Encrypted),
        ];
        for (label, key, body) in expect {
            assert_eq!(mail_body(&audience(label), &recipient, key), Ok(body));
        }
        let outsider = person(6, AccountKind::TechnicalPoc, Some("DEU"), true);
        assert_eq!(
            mail_body(&audience(TlpLabel::Clear), &outsider, true),
            Err(TlpRefusal::NotAReader)
        );
    }

    #[test]
    fn forwards_keep_or_tighten_and_stay_within_the_label() {
        use AccountKind::*;
        let forwarder = person(2, TechnicalPoc, Some("FRA"), true);
        let own = person(10, DiplomaticPoc, Some("FRA"), true);
        let other = person(11, TechnicalPoc, Some("DEU"), true);
        let outside = person(12, TechnicalPoc, Some("XYZ"), false);
        let a = audience(TlpLabel::Amber);
        assert_eq!(
            check_forward(
                &a,
                &forwarder,
                TlpLabel::Amber,
                std::slice::from_ref(&own),
                false
            ),
            Ok(())
        );
        assert_eq!(
            check_forward(
                &a,
                &forwarder,
                TlpLabel::Green,
                std::slice::from_ref(&own),
                false
            ),
            Err(TlpRefusal::Loosens)
        );
        assert_eq!(
            check_forward(
                &a,
                &forwarder,
                TlpLabel::Amber,
                std::slice::from_ref(&other),
                false
            ),
            Err(TlpRefusal::OutsideOwnState)
        );
        let g = audience(TlpLabel::Green);
        assert_eq!(
            check_forward(
                &g,
                &forwarder,
                TlpLabel::Green,
                std::slice::from_ref(&other),
                false
            ),
            Ok(())
        );
        assert_eq!(
            check_forward(&g, &forwarder, TlpLabel::Green, &[outside], false),
            Err(TlpRefusal::OutsideCommunity)
        );
        assert_eq!(
            check_forward(
                &g,
                &forwarder,
                TlpLabel::Red,
                std::slice::from_ref(&other),
                true
            ),
            Err(TlpRefusal::RedNeedsNamedRecipients)
        );
        let r = audience(TlpLabel::Red);
        assert_eq!(
            check_forward(&r, &forwarder, TlpLabel::Red, &[own], false),
            Err(TlpRefusal::RedNeverForwarded)
        );
        assert_eq!(
            may_read_by(&r, &forwarder, WayOut::Export),
            Err(TlpRefusal::RedNeverExported)
        );
        assert_eq!(
            may_read_by(&audience(TlpLabel::Amber), &forwarder, WayOut::Taxii),
            Err(TlpRefusal::NotForTaxii)
        );
    }

    // ---- property test: no way out lets content reach anyone outside
    // what the label of the first communication allows, over random
    // senders, recipients, labels and forward chains. The oracle below is
    // written from the definitions at the top of this file, not from the
    // code above.

    const STATES: [&str; 4] = ["PAK", "FRA", "DEU", "XYZ"];

    fn takes_part(state: &str) -> bool {
        state != "XYZ"
    }

    /// A fixed population of 48 accounts: an account id always means the
    /// same kind of account of the same State.
    fn person_of(id: i64) -> Person {
        let n = usize::try_from(id).unwrap();
        let kind = AccountKind::ALL[n % 6];
        let state = kind
            .acts_for_participant()
            .then(|| STATES[(n / 6) % 4].to_string());
        Person {
            account_id: id,
            kind,
            state_takes_part: state.as_deref().is_some_and(takes_part),
            state,
        }
    }

    fn any_person() -> impl Strategy<Value = Person> {
        (0i64..48).prop_map(person_of)
    }

    /// A PoC of a participating State: only they send and receive (the
    /// service checks this before it asks the TLP rules).
    fn any_poc() -> impl Strategy<Value = Person> {
        any_person().prop_filter("a participating State's PoC", |p| {
            matches!(
                p.kind,
                AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc
            ) && p.state_takes_part
        })
    }

    fn any_label() -> impl Strategy<Value = TlpLabel> {
        (0usize..5).prop_map(|i| TlpLabel::ALL[i])
    }

    /// Who may ever hold the content of information first sent to
    /// `first` under its label, wherever it travelled inside pocdir.
    fn oracle_allowed(first: &Audience, first_people: &[Person], p: &Person) -> bool {
        let named = first_people.iter().any(|f| f.account_id == p.account_id);
        let poc = matches!(
            p.kind,
            AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc
        );
        let party = p.state.as_deref().is_some_and(|s| {
            s == first.sender_state || first.recipient_states.iter().any(|r| r == s)
        });
        match first.label {
            TlpLabel::Red => named,
            TlpLabel::AmberStrict | TlpLabel::Amber => named || (poc && party),
            TlpLabel::Green => named || (poc && p.state_takes_part) || (poc && party),
            TlpLabel::Clear => true,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn no_way_out_breaks_the_first_label(
            sender in any_poc(),
            recipients in proptest::collection::vec(any_poc(), 1..4),
            label in any_label(),
            hops in proptest::collection::vec(
                (any_label(), proptest::collection::vec(any_poc(), 1..3), any::<bool>(), 0usize..8),
                0..4,
            ),
            readers in proptest::collection::vec(any_person(), 1..6),
        ) {
            let audience_of = |label: TlpLabel, sender: &Person, to: &[Person]| Audience {
                label,
                sender_account: sender.account_id,
                sender_state: sender.state.clone().unwrap_or_default(),
                recipient_accounts: to.iter().map(|p| p.account_id).collect(),
                recipient_states: to.iter().filter_map(|p| p.state.clone()).collect(),
            };
            let first = audience_of(label, &sender, &recipients);
            let mut first_people = recipients.clone();
            first_people.push(sender.clone());
            let mut current = first.clone();
            let mut holders: Vec<Person> = first_people.clone();
            for (new_label, targets, whole_states, who) in hops {
                // Someone who holds the content tries to forward it.
                let forwarder = holders[who % holders.len()].clone();
                if check_forward(&current, &forwarder, new_label, &targets, whole_states).is_ok() {
                    for t in &targets {
                        prop_assert!(
                            oracle_allowed(&first, &first_people, t),
                            "forward reached {t:?} from {first:?}"
                        );
                    }
                    current = audience_of(new_label, &forwarder, &targets);
                    holders.extend(targets.iter().cloned());
                }
            }
            for reader in &readers {
                for way in WayOut::ALL {
                    if may_read_by(&current, reader, way).is_ok() {
                        prop_assert!(
                            oracle_allowed(&first, &first_people, reader),
                            "{way:?} let {reader:?} read {current:?} (first {first:?})"
                        );
                    }
                }
                if let Ok(body) = mail_body(&current, reader, false) {
                    prop_assert!(oracle_allowed(&first, &first_people, reader));
                    if matches!(current.label, TlpLabel::Red | TlpLabel::AmberStrict) {
                        prop_assert_ne!(body, MailBody::Clear);
                    }
                }
            }
        }
    }
}
