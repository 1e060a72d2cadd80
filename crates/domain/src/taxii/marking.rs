//! The TLP label of a STIX object: the strictest TLP marking among its
//! `object_marking_refs`, read from the marking-definition ids of the TLP
//! 2.0 extension (`extension-definition--60a3c5c5-…`) and from STIX 2.1's
//! predefined TLP 1.0 ids (`white` read as TLP:CLEAR). An object with no
//! TLP marking has none here: the collection's default label applies.

use crate::communication::tlp::TlpLabel;
use serde_json::Value;

/// The OASIS extension that defines the TLP 2.0 markings.
pub const TLP_2_EXTENSION: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

/// The TLP 2.0 marking definitions, by label.
const TLP_2_IDS: [(TlpLabel, &str); 5] = [
    (
        TlpLabel::Clear,
        "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    ),
    (
        TlpLabel::Green,
        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    ),
    (
        TlpLabel::Amber,
        "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    ),
    (
        TlpLabel::AmberStrict,
        "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    ),
    (
        TlpLabel::Red,
        "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    ),
];

/// STIX 2.1's predefined TLP 1.0 markings (section 7.2.1.4), read as the
/// TLP 2.0 label that replaces each.
const TLP_1_IDS: [(TlpLabel, &str); 4] = [
    (
        TlpLabel::Clear,
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
    ),
    (
        TlpLabel::Green,
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
    ),
    (
        TlpLabel::Amber,
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
    ),
    (
        TlpLabel::Red,
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
    ),
];

/// The label a marking definition's id stands for, if it is a TLP one.
pub fn label_of_marking(id: &str) -> Option<TlpLabel> {
    TLP_2_IDS
        .iter()
        .chain(TLP_1_IDS.iter())
        .find(|(_, m)| *m == id)
        .map(|(label, _)| *label)
}

/// The TLP 2.0 marking definition that stands for `label`.
pub fn marking_of_label(label: TlpLabel) -> &'static str {
    TLP_2_IDS
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, id)| *id)
        .unwrap_or(TLP_2_IDS[4].1)
}

/// Whether `id` is one of the TLP marking definitions a client may refer
/// to without sending it (the predefined ones).
pub fn is_tlp_marking(id: &str) -> bool {
    label_of_marking(id).is_some()
}

/// The strictest TLP label among the object's `object_marking_refs`, or
/// None when it carries no TLP marking.
pub fn object_label(object: &Value) -> Option<TlpLabel> {
    object
        .get("object_marking_refs")
        .and_then(Value::as_array)?
        .iter()
        .filter_map(Value::as_str)
        .filter_map(label_of_marking)
        .max()
}

/// The label an object is kept and shown under: its own, or the
/// collection's default when it has none.
pub fn effective_label(object: &Value, collection_default: TlpLabel) -> TlpLabel {
    object_label(object).unwrap_or(collection_default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_label_has_its_tlp_2_marking_and_back() {
        for label in TlpLabel::ALL {
            assert_eq!(label_of_marking(marking_of_label(label)), Some(label));
        }
    }

    #[test]
    fn tlp_1_markings_are_read_as_their_tlp_2_labels() {
        assert_eq!(
            label_of_marking("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"),
            Some(TlpLabel::Clear)
        );
        assert_eq!(
            label_of_marking("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"),
            Some(TlpLabel::Red)
        );
        assert_eq!(
            label_of_marking("marking-definition--00000000-0000-4000-8000-000000000000"),
            None
        );
    }

    #[test]
    fn the_strictest_marking_wins_and_an_unmarked_object_takes_the_default() {
        let object = json!({
            "type": "indicator",
            "object_marking_refs": [
                "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
                "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
                "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
                "marking-definition--1d41d9a0-34b3-4b2d-b1e6-3a7e6e1b7f00"
            ]
        });
        assert_eq!(object_label(&object), Some(TlpLabel::AmberStrict));
        let unmarked = json!({"type": "indicator"});
        assert_eq!(object_label(&unmarked), None);
        assert_eq!(effective_label(&unmarked, TlpLabel::Green), TlpLabel::Green);
        // A statement marking only (not TLP) leaves the default.
        let statement = json!({"object_marking_refs": ["marking-definition--1d41d9a0-34b3-4b2d-b1e6-3a7e6e1b7f00"]});
        assert_eq!(
            effective_label(&statement, TlpLabel::Amber),
            TlpLabel::Amber
        );
    }
}
