//! Who reads and writes each TAXII collection, and which objects of it a
//! reader may see, under the TLP rules of `communication::tlp`: one API
//! root for participants; a shared collection of every participating
//! State's technical PoCs; an inbox per participant (its technical PoCs
//! read it, any participating State's write to it); collections the
//! secretariat makes for some States; and an intake where vetted reporters
//! write and nobody reads through TAXII (it feeds the reports' channel).
//!
//! Posting an object to a collection shares it with the collection's
//! readers, so every label up to TLP:AMBER+STRICT is read by them all.
//! TLP:RED needs named recipients, which no collection has: a RED object is
//! refused wherever it is posted. An object without a TLP marking takes
//! the collection's default label.

use crate::account::AccountKind;
use crate::communication::tlp::{Person, TlpLabel, TlpRefusal};

/// What a collection is for, which decides who reads and writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectionKind {
    /// Every participating State's technical PoCs read and write.
    Shared,
    /// One participant's inbox: its technical PoCs read; the technical PoCs
    /// of every participating State write.
    Inbox { state: String },
    /// Made by the secretariat: the technical PoCs of `readers` read, those
    /// of `writers` write (each among participating States).
    Group {
        readers: Vec<String>,
        writers: Vec<String>,
    },
    /// Vetted reporters write; nobody reads through TAXII.
    Intake,
}

/// A collection as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collection {
    pub kind: CollectionKind,
    /// The label of an object posted without a TLP marking.
    pub default_label: TlpLabel,
}

/// Why an object may not go into a collection, or a request not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TaxiiRefusal {
    #[error("this account may not read this collection")]
    MayNotRead,
    #[error("this account may not write to this collection")]
    MayNotWrite,
    #[error(transparent)]
    Tlp(TlpRefusal),
}

fn participating_technical(p: &Person) -> Option<&str> {
    (p.kind == AccountKind::TechnicalPoc && p.state_takes_part)
        .then_some(p.state.as_deref())
        .flatten()
}

impl Collection {
    /// Whether `reader` may read this collection at all (its objects are
    /// then each decided by [`Collection::may_see`]).
    pub fn can_read(&self, reader: &Person) -> bool {
        let Some(state) = participating_technical(reader) else {
            return false;
        };
        match &self.kind {
            CollectionKind::Shared => true,
            CollectionKind::Inbox { state: owner } => owner == state,
            CollectionKind::Group { readers, .. } => readers.iter().any(|s| s == state),
            CollectionKind::Intake => false,
        }
    }

    /// Whether `writer` may post to this collection.
    pub fn can_write(&self, writer: &Person) -> bool {
        if self.kind == CollectionKind::Intake {
            return writer.kind == AccountKind::Reporter;
        }
        let Some(state) = participating_technical(writer) else {
            return false;
        };
        match &self.kind {
            CollectionKind::Shared | CollectionKind::Inbox { .. } => true,
            CollectionKind::Group { writers, .. } => writers.iter().any(|s| s == state),
            CollectionKind::Intake => false,
        }
    }

    /// The label an object is kept under: its own, or the default.
    pub fn label_of(&self, own: Option<TlpLabel>) -> TlpLabel {
        own.unwrap_or(self.default_label)
    }

    /// Whether `writer` may put an object labelled `label` here.
    pub fn may_put(&self, writer: &Person, label: TlpLabel) -> Result<(), TaxiiRefusal> {
        if !self.can_write(writer) {
            return Err(TaxiiRefusal::MayNotWrite);
        }
        if label.needs_named_recipients() {
            return Err(TaxiiRefusal::Tlp(TlpRefusal::RedNeedsNamedRecipients));
        }
        Ok(())
    }

    /// Whether `reader` may see an object kept here under `label`. What
    /// this says no to is never returned, counted or hinted at.
    pub fn may_see(&self, reader: &Person, label: TlpLabel) -> bool {
        self.can_read(reader) && !label.needs_named_recipients()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(kind: AccountKind, state: Option<&str>, takes_part: bool) -> Person {
        Person {
            account_id: 1,
            kind,
            state: state.map(str::to_string),
            state_takes_part: takes_part,
        }
    }

    fn collections() -> Vec<Collection> {
        [
            CollectionKind::Shared,
            CollectionKind::Inbox {
                state: "FRA".into(),
            },
            CollectionKind::Group {
                readers: vec!["FRA".into(), "PAK".into()],
                writers: vec!["FRA".into()],
            },
            CollectionKind::Intake,
        ]
        .into_iter()
        .map(|kind| Collection {
            kind,
            default_label: TlpLabel::Amber,
        })
        .collect()
    }

    /// Every collection × every kind of account × its State taking part or
    /// not × every label: who reads, who writes, what is seen.
    #[test]
    fn the_matrix_of_readers_writers_and_labels() {
        let fra = person(AccountKind::TechnicalPoc, Some("FRA"), true);
        let pak = person(AccountKind::TechnicalPoc, Some("PAK"), true);
        let gbr = person(AccountKind::TechnicalPoc, Some("GBR"), true);
        let deu = person(AccountKind::TechnicalPoc, Some("DEU"), false);
        let fra_dip = person(AccountKind::DiplomaticPoc, Some("FRA"), true);
        let secretariat = person(AccountKind::Secretariat, None, false);
        let reporter = person(AccountKind::Reporter, None, false);
        let nominator = person(AccountKind::Nominator, Some("FRA"), true);
        let auditor = person(AccountKind::Auditor, None, false);
        let [shared, inbox, group, intake] = <[Collection; 4]>::try_from(collections()).unwrap();

        let reads = |c: &Collection| {
            [
                &fra,
                &pak,
                &gbr,
                &deu,
                &fra_dip,
                &secretariat,
                &reporter,
                &nominator,
                &auditor,
            ]
            .map(|p| c.can_read(p))
        };
        let writes = |c: &Collection| {
            [
                &fra,
                &pak,
                &gbr,
                &deu,
                &fra_dip,
                &secretariat,
                &reporter,
                &nominator,
                &auditor,
            ]
            .map(|p| c.can_write(p))
        };
        assert_eq!(
            reads(&shared),
            [true, true, true, false, false, false, false, false, false]
        );
        assert_eq!(
            writes(&shared),
            [true, true, true, false, false, false, false, false, false]
        );
        assert_eq!(
            reads(&inbox),
            [true, false, false, false, false, false, false, false, false]
        );
        assert_eq!(
            writes(&inbox),
            [true, true, true, false, false, false, false, false, false]
        );
        assert_eq!(
            reads(&group),
            [true, true, false, false, false, false, false, false, false]
        );
        assert_eq!(
            writes(&group),
            [true, false, false, false, false, false, false, false, false]
        );
        assert_eq!(reads(&intake), [false; 9]);
        assert_eq!(
            writes(&intake),
            [false, false, false, false, false, false, true, false, false]
        );

        for c in [&shared, &inbox, &group] {
            for label in TlpLabel::ALL {
                let red = label == TlpLabel::Red;
                assert_eq!(c.may_see(&fra, label), !red, "{c:?} {label:?}");
                assert!(!c.may_see(&deu, label));
                assert!(!c.may_see(&secretariat, label));
                let put = c.may_put(&fra, label);
                if red {
                    assert_eq!(
                        put,
                        Err(TaxiiRefusal::Tlp(TlpRefusal::RedNeedsNamedRecipients))
                    );
                } else {
                    assert_eq!(put, Ok(()));
                }
            }
        }
        assert_eq!(
            inbox.may_put(&secretariat, TlpLabel::Clear),
            Err(TaxiiRefusal::MayNotWrite)
        );
        assert_eq!(intake.may_put(&reporter, TlpLabel::Green), Ok(()));
        assert!(!intake.may_see(&reporter, TlpLabel::Clear));
    }

    #[test]
    fn an_unmarked_object_takes_the_collections_label() {
        let c = Collection {
            kind: CollectionKind::Shared,
            default_label: TlpLabel::Green,
        };
        assert_eq!(c.label_of(None), TlpLabel::Green);
        assert_eq!(
            c.label_of(Some(TlpLabel::AmberStrict)),
            TlpLabel::AmberStrict
        );
    }
}
