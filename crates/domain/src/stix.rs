//! STIX 2.1 bundles, as a reporter sends them with a notification: the
//! checks a bundle passes before anyone reads it. Limits first (size,
//! nesting, number of objects), then the bundle, then each object: its type
//! and id, the common properties of its kind (SDO and SRO, SCO, marking
//! definition) and the properties its type requires.
//!
//! The reference to agree with is the OASIS `stix2-validator` with its
//! defaults (its "should" checks are warnings there and are not made here);
//! `crates/testkit/tests/it/stix.rs` runs both on one corpus. Where this
//! module is stricter than the validator, it says so beside the rule.

use serde_json::{Map, Value};

/// A bundle is at most 1 MiB of JSON.
pub const MAX_BUNDLE_BYTES: usize = 1024 * 1024;
/// A bundle holds at most this many objects.
pub const MAX_OBJECTS: usize = 1_000;

/// The STIX Domain and Relationship Objects of STIX 2.1 (and the two other
/// objects that share their common properties).
const SDO_SRO_TYPES: [&str; 23] = [
    "attack-pattern",
    "campaign",
    "course-of-action",
    "grouping",
    "identity",
    "incident",
    "indicator",
    "infrastructure",
    "intrusion-set",
    "location",
    "malware",
    "malware-analysis",
    "note",
    "observed-data",
    "opinion",
    "report",
    "threat-actor",
    "tool",
    "vulnerability",
    "relationship",
    "sighting",
    "language-content",
    "extension-definition",
];

/// The STIX Cyber-observable Objects of STIX 2.1.
const SCO_TYPES: [&str; 18] = [
    "artifact",
    "autonomous-system",
    "directory",
    "domain-name",
    "email-addr",
    "email-message",
    "file",
    "ipv4-addr",
    "ipv6-addr",
    "mac-addr",
    "mutex",
    "network-traffic",
    "process",
    "software",
    "url",
    "user-account",
    "windows-registry-key",
    "x509-certificate",
];

/// The SDOs whose `name` the specification requires.
const NAMED_TYPES: [&str; 12] = [
    "attack-pattern",
    "campaign",
    "course-of-action",
    "identity",
    "incident",
    "infrastructure",
    "intrusion-set",
    "report",
    "threat-actor",
    "tool",
    "vulnerability",
    "extension-definition",
];

/// Optional timestamp properties of SDOs and SROs, checked when present.
const OTHER_TIMESTAMPS: [&str; 9] = [
    "valid_from",
    "valid_until",
    "published",
    "first_seen",
    "last_seen",
    "start_time",
    "stop_time",
    "first_observed",
    "last_observed",
];

/// Types an SRO may not point at.
const NOT_REFERABLE: [&str; 5] = [
    "relationship",
    "sighting",
    "bundle",
    "marking-definition",
    "language-content",
];

/// A bundle that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StixBundle {
    pub id: String,
    pub objects: Vec<StixObject>,
}

/// One object of a bundle, as much of it as pocdir shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StixObject {
    /// Its STIX `type`.
    pub kind: String,
    pub id: String,
    pub name: Option<String>,
    /// An indicator's pattern.
    pub pattern: Option<String>,
}

impl StixBundle {
    pub fn indicator_count(&self) -> usize {
        self.objects
            .iter()
            .filter(|o| o.kind == "indicator")
            .count()
    }

    /// How many objects of each type, by type name (in no language: the
    /// page names them).
    pub fn summary(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for object in &self.objects {
            *counts.entry(object.kind.as_str()).or_default() += 1;
        }
        counts
            .into_iter()
            .map(|(kind, n)| (kind.to_string(), n))
            .collect()
    }
}

/// Which object of the bundle a problem is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectAt {
    /// Its place in `objects`, from 0.
    pub index: usize,
    /// Its `id` as sent, when it is a string.
    pub id: Option<String>,
}

impl ObjectAt {
    /// As a message's `$object`: its place counted from 1, and its id.
    pub fn label(&self) -> String {
        match &self.id {
            Some(id) => format!("{} ({})", self.index + 1, shorten(id, 80)),
            None => (self.index + 1).to_string(),
        }
    }
}

/// A value shown back to the reader, cut to `max` characters.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

/// What is wrong with a bundle: a Fluent id each (`message_id`), with
/// where it was found (`object_label`, `property`) as the message's
/// `$object` and `$property`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StixProblem {
    /// More than [`MAX_BUNDLE_BYTES`].
    TooLarge,
    /// Not JSON.
    NotJson,
    /// JSON nested deeper than the parser's limit.
    TooDeep,
    /// Not a JSON object of type "bundle".
    NotABundle,
    /// The bundle's id is not `bundle--<UUID>`.
    BundleId,
    /// `objects` missing, not an array, or empty.
    NoObjects,
    /// More than [`MAX_OBJECTS`].
    TooManyObjects,
    /// An entry of `objects` that is not a JSON object.
    NotAnObject(ObjectAt),
    /// A `type` that breaks the STIX type rules.
    Type(ObjectAt),
    /// An `id` that is not `<type>--<UUID>` with the object's type.
    Id(ObjectAt),
    /// An id another object of the bundle has already.
    DuplicateId(ObjectAt),
    /// A required property is missing.
    Missing(ObjectAt, &'static str),
    /// A property has the wrong kind of value or format.
    Invalid(ObjectAt, &'static str),
    /// `modified` earlier than `created`.
    ModifiedBeforeCreated(ObjectAt),
    /// A STIX pattern whose brackets or quotes do not balance.
    Pattern(ObjectAt),
    /// An external reference to CVE or CAPEC whose `external_id` is not one.
    ExternalId(ObjectAt),
}

impl StixProblem {
    /// Every message id a problem may name.
    pub const MESSAGE_IDS: [&'static str; 16] = [
        "stix-error-too-large",
        "stix-error-not-json",
        "stix-error-too-deep",
        "stix-error-not-bundle",
        "stix-error-bundle-id",
        "stix-error-no-objects",
        "stix-error-too-many-objects",
        "stix-error-not-object",
        "stix-error-type",
        "stix-error-id",
        "stix-error-duplicate-id",
        "stix-error-missing",
        "stix-error-invalid",
        "stix-error-modified-before-created",
        "stix-error-pattern",
        "stix-error-external-id",
    ];

    pub fn message_id(&self) -> &'static str {
        match self {
            StixProblem::TooLarge => "stix-error-too-large",
            StixProblem::NotJson => "stix-error-not-json",
            StixProblem::TooDeep => "stix-error-too-deep",
            StixProblem::NotABundle => "stix-error-not-bundle",
            StixProblem::BundleId => "stix-error-bundle-id",
            StixProblem::NoObjects => "stix-error-no-objects",
            StixProblem::TooManyObjects => "stix-error-too-many-objects",
            StixProblem::NotAnObject(_) => "stix-error-not-object",
            StixProblem::Type(_) => "stix-error-type",
            StixProblem::Id(_) => "stix-error-id",
            StixProblem::DuplicateId(_) => "stix-error-duplicate-id",
            StixProblem::Missing(..) => "stix-error-missing",
            StixProblem::Invalid(..) => "stix-error-invalid",
            StixProblem::ModifiedBeforeCreated(_) => "stix-error-modified-before-created",
            StixProblem::Pattern(_) => "stix-error-pattern",
            StixProblem::ExternalId(_) => "stix-error-external-id",
        }
    }

    /// The object the problem is in, if it is in one.
    pub fn object(&self) -> Option<&ObjectAt> {
        match self {
            StixProblem::NotAnObject(at)
            | StixProblem::Type(at)
            | StixProblem::Id(at)
            | StixProblem::DuplicateId(at)
            | StixProblem::Missing(at, _)
            | StixProblem::Invalid(at, _)
            | StixProblem::ModifiedBeforeCreated(at)
            | StixProblem::Pattern(at)
            | StixProblem::ExternalId(at) => Some(at),
            _ => None,
        }
    }

    /// The property the problem is about, if one.
    pub fn property(&self) -> Option<&'static str> {
        match self {
            StixProblem::Missing(_, property) | StixProblem::Invalid(_, property) => Some(property),
            _ => None,
        }
    }

    /// The message's arguments: `object` and `property` where they apply.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = Vec::new();
        if let Some(at) = self.object() {
            args.push(("object", at.label()));
        }
        if let Some(property) = self.property() {
            args.push(("property", property.to_string()));
        }
        args
    }
}

/// Every message id this module names, for the i18n tests.
pub fn message_ids() -> Vec<&'static str> {
    StixProblem::MESSAGE_IDS.to_vec()
}

/// Checks a bundle as received and returns what pocdir keeps of it.
pub fn check_bundle(raw: &str) -> Result<StixBundle, StixProblem> {
    if raw.len() > MAX_BUNDLE_BYTES {
        return Err(StixProblem::TooLarge);
    }
    // serde_json refuses nesting deeper than 128 with an error, not a
    // stack overflow.
    let value: Value = serde_json::from_str(raw).map_err(|e| {
        if e.to_string().starts_with("recursion limit exceeded") {
            StixProblem::TooDeep
        } else {
            StixProblem::NotJson
        }
    })?;
    let bundle = value.as_object().ok_or(StixProblem::NotABundle)?;
    if bundle.get("type").and_then(Value::as_str) != Some("bundle") {
        return Err(StixProblem::NotABundle);
    }
    let id = bundle
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| id_of_type(id) == Some("bundle"))
        .ok_or(StixProblem::BundleId)?;
    // Stricter than the validator, which accepts a bundle without objects.
    let objects = bundle
        .get("objects")
        .and_then(Value::as_array)
        .filter(|objects| !objects.is_empty())
        .ok_or(StixProblem::NoObjects)?;
    if objects.len() > MAX_OBJECTS {
        return Err(StixProblem::TooManyObjects);
    }
    let mut seen = std::collections::HashSet::new();
    let mut checked = Vec::with_capacity(objects.len());
    for (index, object) in objects.iter().enumerate() {
        let at = ObjectAt {
            index,
            id: object.get("id").and_then(Value::as_str).map(str::to_string),
        };
        let map = object
            .as_object()
            .ok_or(StixProblem::NotAnObject(at.clone()))?;
        let object = check_object(map, &at)?;
        // Stricter than the validator (and than the specification, which
        // lets a bundle carry several versions of one object): one object
        // per id.
        if !seen.insert(object.id.clone()) {
            return Err(StixProblem::DuplicateId(at));
        }
        checked.push(object);
    }
    Ok(StixBundle {
        id: id.to_string(),
        objects: checked,
    })
}

/// Checks one object on its own (an object of a TAXII envelope) as a
/// bundle's objects are checked; `index` is its place in what was sent.
pub fn check_one(object: &Value, index: usize) -> Result<StixObject, StixProblem> {
    let at = ObjectAt {
        index,
        id: object.get("id").and_then(Value::as_str).map(str::to_string),
    };
    let map = object
        .as_object()
        .ok_or(StixProblem::NotAnObject(at.clone()))?;
    check_object(map, &at)
}

/// What kind of object a type is, for its common properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// SDO, SRO, or an object with the same common properties.
    Domain,
    /// A cyber-observable object.
    Observable,
    MarkingDefinition,
}

fn kind_of(kind: &str, object: &Map<String, Value>) -> Kind {
    if kind == "marking-definition" {
        Kind::MarkingDefinition
    } else if SDO_SRO_TYPES.contains(&kind) {
        Kind::Domain
    } else if SCO_TYPES.contains(&kind) {
        Kind::Observable
    } else if object.contains_key("created") || object.contains_key("modified") {
        // A custom object: the validator judges it by its properties too.
        Kind::Domain
    } else {
        Kind::Observable
    }
}

fn check_object(object: &Map<String, Value>, at: &ObjectAt) -> Result<StixObject, StixProblem> {
    let kind = object
        .get("type")
        .and_then(Value::as_str)
        .filter(|t| is_stix_type(t))
        .ok_or(StixProblem::Type(at.clone()))?;
    let id = object
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| id_of_type(id) == Some(kind))
        .ok_or(StixProblem::Id(at.clone()))?;
    let props = Props { object, at };
    match kind_of(kind, object) {
        Kind::Domain => {
            props.spec_version(true)?;
            let created = props.timestamp("created", true, true)?;
            let modified = props.timestamp("modified", true, true)?;
            if let (Some(created), Some(modified)) = (created, modified) {
                if modified < created {
                    return Err(StixProblem::ModifiedBeforeCreated(at.clone()));
                }
            }
            for property in OTHER_TIMESTAMPS {
                props.timestamp(property, false, false)?;
            }
            props.common()?;
        }
        Kind::MarkingDefinition => {
            props.spec_version(true)?;
            props.timestamp("created", true, true)?;
            props.common()?;
        }
        Kind::Observable => {
            props.spec_version(false)?;
            props.common()?;
        }
    }
    props.type_specific(kind)?;
    Ok(StixObject {
        kind: kind.to_string(),
        id: id.to_string(),
        name: object
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string),
        pattern: (kind == "indicator")
            .then(|| object.get("pattern").and_then(Value::as_str))
            .flatten()
            .map(str::to_string),
    })
}

/// One object's properties and where it is, for the checks.
struct Props<'a> {
    object: &'a Map<String, Value>,
    at: &'a ObjectAt,
}

impl Props<'_> {
    fn missing(&self, property: &'static str) -> StixProblem {
        StixProblem::Missing(self.at.clone(), property)
    }

    fn invalid(&self, property: &'static str) -> StixProblem {
        StixProblem::Invalid(self.at.clone(), property)
    }

    /// The value of a property the object must have.
    fn required(&self, property: &'static str) -> Result<&Value, StixProblem> {
        self.object
            .get(property)
            .ok_or_else(|| self.missing(property))
    }

    fn required_str(&self, property: &'static str) -> Result<&str, StixProblem> {
        self.required(property)?
            .as_str()
            .ok_or_else(|| self.invalid(property))
    }

    fn optional_str(&self, property: &'static str) -> Result<Option<&str>, StixProblem> {
        match self.object.get(property) {
            None => Ok(None),
            Some(value) => value
                .as_str()
                .map(Some)
                .ok_or_else(|| self.invalid(property)),
        }
    }

    fn spec_version(&self, required: bool) -> Result<(), StixProblem> {
        match self.object.get("spec_version") {
            None if required => Err(self.missing("spec_version")),
            None => Ok(()),
            Some(v) if v.as_str() == Some("2.1") => Ok(()),
            Some(_) => Err(self.invalid("spec_version")),
        }
    }

    /// A timestamp property, parsed; `millis` when it must be precise to
    /// the millisecond (`created`, `modified`).
    fn timestamp(
        &self,
        property: &'static str,
        required: bool,
        millis: bool,
    ) -> Result<Option<Timestamp>, StixProblem> {
        let Some(value) = self.object.get(property) else {
            return if required {
                Err(self.missing(property))
            } else {
                Ok(None)
            };
        };
        value
            .as_str()
            .filter(|s| !millis || fraction_digits(s) >= 3)
            .and_then(parse_timestamp)
            .map(Some)
            .ok_or_else(|| self.invalid(property))
    }

    /// An identifier property, when present; `required` says whether it
    /// must be.
    fn reference(
        &self,
        property: &'static str,
        required: bool,
    ) -> Result<Option<&str>, StixProblem> {
        let value = match self.object.get(property) {
            None if required => return Err(self.missing(property)),
            None => return Ok(None),
            Some(value) => value,
        };
        value
            .as_str()
            .filter(|id| id_of_type(id).is_some())
            .map(Some)
            .ok_or_else(|| self.invalid(property))
    }

    /// A non-empty list of identifiers.
    fn references(&self, property: &'static str, required: bool) -> Result<(), StixProblem> {
        let value = match self.object.get(property) {
            None if required => return Err(self.missing(property)),
            None => return Ok(()),
            Some(value) => value,
        };
        let ok = value.as_array().is_some_and(|refs| {
            !refs.is_empty()
                && refs
                    .iter()
                    .all(|r| r.as_str().and_then(id_of_type).is_some())
        });
        if ok {
            Ok(())
        } else {
            Err(self.invalid(property))
        }
    }

    /// The properties every object may carry.
    fn common(&self) -> Result<(), StixProblem> {
        self.reference("created_by_ref", false)?;
        self.references("object_marking_refs", false)?;
        if let Some(value) = self.object.get("external_references") {
            let refs = value
                .as_array()
                .filter(|refs| !refs.is_empty())
                .ok_or_else(|| self.invalid("external_references"))?;
            for reference in refs {
                self.external_reference(reference)?;
            }
        }
        Ok(())
    }

    /// An external reference: a source, and an `external_id` that is a CVE
    /// id when the source is "cve", a CAPEC id when it is "capec".
    fn external_reference(&self, reference: &Value) -> Result<(), StixProblem> {
        let reference = reference
            .as_object()
            .ok_or_else(|| self.invalid("external_references"))?;
        let source = reference
            .get("source_name")
            .and_then(Value::as_str)
            .ok_or_else(|| self.invalid("external_references"))?;
        let external_id = match reference.get("external_id") {
            None => None,
            Some(value) => Some(
                value
                    .as_str()
                    .ok_or_else(|| self.invalid("external_references"))?,
            ),
        };
        let fits = match (source, external_id) {
            ("cve", id) => id.is_some_and(is_cve_id),
            ("capec", id) => id.is_some_and(is_capec_id),
            // Another source must not pass a CVE or CAPEC id off as its own.
            (_, Some(id)) => !is_cve_id(id) && !is_capec_id(id),
            (_, None) => true,
        };
        if !fits {
            return Err(StixProblem::ExternalId(self.at.clone()));
        }
        let says_something = ["external_id", "description", "url"]
            .iter()
            .any(|p| reference.contains_key(*p));
        if !says_something {
            return Err(self.invalid("external_references"));
        }
        Ok(())
    }

    fn type_specific(&self, kind: &str) -> Result<(), StixProblem> {
        if NAMED_TYPES.contains(&kind) {
            self.required_str("name")?;
        } else {
            self.optional_str("name")?;
        }
        match kind {
            "indicator" => {
                let pattern = self.required_str("pattern")?;
                let pattern_type = self.required_str("pattern_type")?;
                self.timestamp("valid_from", true, false)?;
                if pattern_type == "stix" && !stix_pattern_balanced(pattern) {
                    return Err(StixProblem::Pattern(self.at.clone()));
                }
            }
            "malware" => {
                let is_family = self
                    .required("is_family")?
                    .as_bool()
                    .ok_or_else(|| self.invalid("is_family"))?;
                if is_family {
                    self.required_str("name")?;
                }
            }
            "relationship" => {
                let relationship_type = self.required_str("relationship_type")?;
                let lawful = !relationship_type.is_empty()
                    && relationship_type
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if !lawful {
                    return Err(self.invalid("relationship_type"));
                }
                for end in ["source_ref", "target_ref"] {
                    self.referable(end)?;
                }
            }
            "sighting" => self.referable("sighting_of_ref")?,
            "report" => {
                self.timestamp("published", true, false)?;
                self.references("object_refs", true)?;
            }
            "grouping" => {
                self.required_str("context")?;
                self.references("object_refs", true)?;
            }
            "note" => {
                self.required_str("content")?;
                self.references("object_refs", true)?;
            }
            "opinion" => {
                self.required_str("opinion")?;
                self.references("object_refs", true)?;
            }
            "observed-data" => {
                self.timestamp("first_observed", true, false)?;
                self.timestamp("last_observed", true, false)?;
                let number = self
                    .required("number_observed")?
                    .as_u64()
                    .filter(|n| (1..=999_999_999).contains(n));
                if number.is_none() {
                    return Err(self.invalid("number_observed"));
                }
                if !self.object.contains_key("objects") && !self.object.contains_key("object_refs")
                {
                    return Err(self.missing("object_refs"));
                }
                self.references("object_refs", false)?;
            }
            "malware-analysis" => {
                self.required_str("product")?;
                if !self.object.contains_key("result")
                    && !self.object.contains_key("analysis_sco_refs")
                {
                    return Err(self.missing("result"));
                }
            }
            "ipv4-addr" => {
                let value = self.required_str("value")?;
                if !is_ipv4_cidr(value) {
                    return Err(self.invalid("value"));
                }
            }
            "ipv6-addr" | "domain-name" | "url" | "email-addr" | "mac-addr" => {
                self.required_str("value")?;
            }
            "autonomous-system" => {
                let number = self.required("number")?;
                if !number.is_u64() {
                    return Err(self.invalid("number"));
                }
            }
            "directory" => {
                self.required_str("path")?;
            }
            "mutex" | "software" => {
                self.required_str("name")?;
            }
            "file" => {
                let named = ["hashes", "name"]
                    .iter()
                    .any(|p| self.object.contains_key(*p));
                if !named {
                    return Err(self.missing("name"));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// An SRO's end: an identifier of an object an SRO may point at.
    fn referable(&self, property: &'static str) -> Result<(), StixProblem> {
        let target = self.reference(property, true)?;
        if target
            .and_then(id_of_type)
            .is_some_and(|t| NOT_REFERABLE.contains(&t))
        {
            return Err(self.invalid(property));
        }
        Ok(())
    }
}

/// The STIX type rules: 3 to 250 of `a-z`, `0-9` and `-`, without `--`;
/// starting with a letter and not ending with `-` (as the validator's
/// schemas have it).
fn is_stix_type(kind: &str) -> bool {
    (3..=250).contains(&kind.len())
        && kind
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !kind.contains("--")
        && kind.starts_with(|c: char| c.is_ascii_lowercase())
        && !kind.ends_with('-')
}

/// The type an identifier names, if it is `<type>--<UUID>` with a lawful
/// type and a UUID of version 1 to 5 in the RFC 4122 variant.
fn id_of_type(id: &str) -> Option<&str> {
    let (kind, uuid) = id.split_once("--")?;
    (is_stix_type(kind) && is_uuid(uuid)).then_some(kind)
}

fn is_uuid(uuid: &str) -> bool {
    let groups: Vec<&str> = uuid.split('-').collect();
    let lengths_fit = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]);
    let hex = groups
        .iter()
        .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()));
    let version = groups
        .get(2)
        .and_then(|g| g.chars().next())
        .is_some_and(|c| ('1'..='5').contains(&c));
    let variant = groups
        .get(3)
        .and_then(|g| g.chars().next())
        .is_some_and(|c| matches!(c, '8' | '9' | 'a' | 'b' | 'A' | 'B'));
    lengths_fit && hex && version && variant
}

/// `CVE-YYYY-NNNN`, four digits or more (no leading zero past four).
fn is_cve_id(id: &str) -> bool {
    let Some(rest) = id.strip_prefix("CVE-") else {
        return false;
    };
    let Some((year, number)) = rest.split_once('-') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    digits(year)
        && year.len() == 4
        && digits(number)
        && (number.len() == 4 || (number.len() > 4 && !number.starts_with('0')))
}

fn is_capec_id(id: &str) -> bool {
    id.strip_prefix("CAPEC-")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// An IPv4 address, with an optional CIDR prefix length.
fn is_ipv4_cidr(value: &str) -> bool {
    let (address, prefix) = match value.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (value, None),
    };
    let octets_fit = address.split('.').count() == 4
        && address.split('.').all(|octet| {
            !octet.is_empty()
                && octet.len() <= 3
                && octet.chars().all(|c| c.is_ascii_digit())
                && (octet == "0" || !octet.starts_with('0'))
                && octet.parse::<u16>().is_ok_and(|n| n <= 255)
        });
    let prefix_fits = prefix.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 2
            && p.chars().all(|c| c.is_ascii_digit())
            && (p == "0" || !p.starts_with('0'))
            && p.parse::<u8>().is_ok_and(|n| n <= 32)
    });
    octets_fit && prefix_fits
}

/// A STIX timestamp, comparable: RFC 3339 in UTC, `Z` at the end.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Timestamp {
    /// Year, month, day, hour, minute, second.
    fields: [u32; 6],
    /// The fraction of a second's digits, without trailing zeros (so that
    /// their order as text is their order as numbers).
    fraction: String,
}

/// `YYYY-MM-DDTHH:MM:SS[.s+]Z`, a real date and time (no leap second: the
/// validator refuses one).
fn parse_timestamp(s: &str) -> Option<Timestamp> {
    let body = s.strip_suffix('Z')?;
    let (date, time) = body.split_once('T')?;
    let number = |part: &str, len: usize| -> Option<u32> {
        (part.len() == len && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let mut date_parts = date.split('-');
    let year = number(date_parts.next()?, 4)?;
    let month = number(date_parts.next()?, 2)?;
    let day = number(date_parts.next()?, 2)?;
    if date_parts.next().is_some() {
        return None;
    }
    let (clock, fraction) = match time.split_once('.') {
        Some((clock, fraction)) => {
            if fraction.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            (clock, fraction)
        }
        None => (time, ""),
    };
    let mut clock_parts = clock.split(':');
    let hour = number(clock_parts.next()?, 2)?;
    let minute = number(clock_parts.next()?, 2)?;
    let second = number(clock_parts.next()?, 2)?;
    if clock_parts.next().is_some() {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    let fits = (1..=days).contains(&day) && hour < 24 && minute < 60 && second < 60;
    fits.then(|| Timestamp {
        fields: [year, month, day, hour, minute, second],
        fraction: fraction.trim_end_matches('0').to_string(),
    })
}

/// How many digits a timestamp's fraction of a second has as written
/// (`.000` is precise to the millisecond).
fn fraction_digits(s: &str) -> usize {
    s.split_once('.')
        .map(|(_, rest)| rest.chars().take_while(char::is_ascii_digit).count())
        .unwrap_or(0)
}

/// A STIX pattern at least looks like one: it has a `[`, and its brackets,
/// parentheses and single-quoted strings (with `\` escapes) balance. The
/// full grammar is the validator's; this catches the cut and the mangled.
fn stix_pattern_balanced(pattern: &str) -> bool {
    let mut stack: Vec<char> = Vec::new();
    let mut in_quote = false;
    let mut escaped = false;
    let mut brackets = 0usize;
    for c in pattern.chars() {
        if in_quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '\'' {
                in_quote = false;
            }
            continue;
        }
        match c {
            '\'' => in_quote = true,
            '[' | '(' => {
                if c == '[' {
                    brackets += 1;
                }
                stack.push(c);
            }
            ']' | ')' => {
                let opening = if c == ']' { '[' } else { '(' };
                if stack.pop() != Some(opening) {
                    return false;
                }
            }
            _ => {}
        }
    }
    !in_quote && stack.is_empty() && brackets > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// An identity, two indicators (an IPv4 address, a domain), a malware
    /// family, a relationship and a vulnerability with its CVE.
    const REALISTIC: &str = r#"{
      "type": "bundle",
      "id": "bundle--53b7779a-455f-4921-ac1d-4d57ccbfc45e",
      "objects": [
        {"type": "identity", "spec_version": "2.1",
         "id": "identity--8053a8b2-feca-4380-aa61-4f7540e94176",
         "created": "2026-11-30T09:00:00.000Z", "modified": "2026-11-30T09:00:00.000Z",
         "name": "Northwind Security Research", "identity_class": "organization"},
        {"type": "indicator", "spec_version": "2.1",
         "id": "indicator--5c264231-e787-4d75-aba9-3c466adbb9cd",
         "created_by_ref": "identity--8053a8b2-feca-4380-aa61-4f7540e94176",
         "created": "2026-11-30T09:15:00.000Z", "modified": "2026-11-30T09:15:00.000Z",
         "name": "Command-and-control server", "indicator_types": ["malicious-activity"],
         "pattern": "[ipv4-addr:value = '198.51.100.23']", "pattern_type": "stix",
         "valid_from": "2026-11-30T09:15:00Z"},
        {"type": "indicator", "spec_version": "2.1",
         "id": "indicator--03e60954-cbe9-4b1d-82e7-e6374e0f2fb4",
         "created": "2026-11-30T09:16:00.000Z", "modified": "2026-11-30T09:20:30.125Z",
         "name": "Phishing domain",
         "pattern": "[domain-name:value = 'login-update.example.com']", "pattern_type": "stix",
         "valid_from": "2026-11-30T09:16:00Z"},
        {"type": "malware", "spec_version": "2.1",
         "id": "malware--ba9c66f3-6a8e-4fe6-8287-42a964db0cc4",
         "created": "2026-11-30T09:10:00.000Z", "modified": "2026-11-30T09:10:00.000Z",
         "name": "GridLock", "malware_types": ["ransomware"], "is_family": true},
        {"type": "relationship", "spec_version": "2.1",
         "id": "relationship--c3617ceb-7849-45d1-8482-905948fde5a8",
         "created": "2026-11-30T09:17:00.000Z", "modified": "2026-11-30T09:17:00.000Z",
         "relationship_type": "indicates",
         "source_ref": "indicator--5c264231-e787-4d75-aba9-3c466adbb9cd",
         "target_ref": "malware--ba9c66f3-6a8e-4fe6-8287-42a964db0cc4"},
        {"type": "vulnerability", "spec_version": "2.1",
         "id": "vulnerability--28adb29e-eed7-4115-9268-834b075baad9",
         "created": "2026-11-30T09:05:00.000Z", "modified": "2026-11-30T09:05:00.000Z",
         "name": "CVE-2026-21345",
         "external_references": [{"source_name": "cve", "external_id": "CVE-2026-21345"}]}
      ]
    }"#;

    fn realistic() -> Value {
        serde_json::from_str(REALISTIC).unwrap()
    }

    /// The realistic bundle with object `index` changed by `change`.
    fn with_object(index: usize, change: impl FnOnce(&mut Map<String, Value>)) -> String {
        let mut bundle = realistic();
        change(bundle["objects"][index].as_object_mut().unwrap());
        bundle.to_string()
    }

    fn refusal(raw: &str) -> StixProblem {
        check_bundle(raw).unwrap_err()
    }

    #[test]
    fn a_realistic_bundle_passes() {
        let bundle = check_bundle(REALISTIC).unwrap();
        assert_eq!(bundle.id, "bundle--53b7779a-455f-4921-ac1d-4d57ccbfc45e");
        assert_eq!(bundle.objects.len(), 6);
        assert_eq!(bundle.indicator_count(), 2);
        assert_eq!(
            bundle.objects[1].pattern.as_deref(),
            Some("[ipv4-addr:value = '198.51.100.23']")
        );
        assert_eq!(bundle.objects[3].name.as_deref(), Some("GridLock"));
        assert_eq!(bundle.objects[4].pattern, None);
        assert_eq!(
            bundle.summary(),
            [
                ("identity".to_string(), 1),
                ("indicator".to_string(), 2),
                ("malware".to_string(), 1),
                ("relationship".to_string(), 1),
                ("vulnerability".to_string(), 1),
            ]
        );
    }

    #[test]
    fn observables_markings_and_custom_objects_pass() {
        let mut bundle = realistic();
        let objects = bundle["objects"].as_array_mut().unwrap();
        objects.push(json!({"type": "ipv4-addr", "spec_version": "2.1",
            "id": "ipv4-addr--2d480c9e-ca76-42b8-a777-fb09af2fa5eb", "value": "198.51.100.0/24"}));
        objects.push(json!({"type": "domain-name",
            "id": "domain-name--3e76cdd9-cce9-40a4-915b-233ff5bac445", "value": "example.com"}));
        objects.push(json!({"type": "marking-definition", "spec_version": "2.1",
            "id": "marking-definition--59a2d067-e954-4246-946d-13e5af2bad13",
            "created": "2026-11-30T09:00:00.000Z", "name": "TLP:AMBER"}));
        objects.push(json!({"type": "x-northwind-note", "spec_version": "2.1",
            "id": "x-northwind-note--9ee8d995-475d-400c-b87d-eb0355b6ca60",
            "created": "2026-11-30T09:00:00.000Z", "modified": "2026-11-30T09:00:00.000Z",
            "x_text": "anything"}));
        let bundle = check_bundle(&bundle.to_string()).unwrap();
        assert_eq!(bundle.objects.len(), 10);
    }

    #[test]
    fn limits_come_first() {
        let big = format!("{REALISTIC}{}", " ".repeat(MAX_BUNDLE_BYTES));
        assert_eq!(refusal(&big), StixProblem::TooLarge);
        // Deep nesting within the size limit is a refusal, not a stack overflow.
        assert_eq!(refusal(&"[".repeat(MAX_BUNDLE_BYTES)), StixProblem::TooDeep);
        let deep = format!("{}{}", "[".repeat(5_000), "]".repeat(5_000));
        assert_eq!(refusal(&deep), StixProblem::TooDeep);
        let mut bundle = realistic();
        let one = bundle["objects"][0].clone();
        bundle["objects"] = Value::Array(vec![one; MAX_OBJECTS + 1]);
        assert_eq!(refusal(&bundle.to_string()), StixProblem::TooManyObjects);
    }

    #[test]
    fn the_bundle_itself_is_checked() {
        assert_eq!(refusal("{not json"), StixProblem::NotJson);
        assert_eq!(refusal(""), StixProblem::NotJson);
        assert_eq!(refusal("[]"), StixProblem::NotABundle);
        assert_eq!(refusal(r#"{"type": "report"}"#), StixProblem::NotABundle);
        let mut bundle = realistic();
        bundle["id"] = json!("bundle--not-a-uuid");
        assert_eq!(refusal(&bundle.to_string()), StixProblem::BundleId);
        bundle["id"] = json!("report--53b7779a-455f-4921-ac1d-4d57ccbfc45e");
        assert_eq!(refusal(&bundle.to_string()), StixProblem::BundleId);
        let mut bundle = realistic();
        bundle["objects"] = json!([]);
        assert_eq!(refusal(&bundle.to_string()), StixProblem::NoObjects);
        bundle.as_object_mut().unwrap().remove("objects");
        assert_eq!(refusal(&bundle.to_string()), StixProblem::NoObjects);
        let mut bundle = realistic();
        bundle["objects"][2] = json!("indicator");
        assert_eq!(
            refusal(&bundle.to_string()),
            StixProblem::NotAnObject(ObjectAt { index: 2, id: None })
        );
    }

    fn at(index: usize, id: &str) -> ObjectAt {
        ObjectAt {
            index,
            id: Some(id.to_string()),
        }
    }

    const INDICATOR: &str = "indicator--5c264231-e787-4d75-aba9-3c466adbb9cd";

    #[test]
    fn types_and_ids_follow_the_rules() {
        for bad in ["in", "Indicator", "x--y", "-abc", "abc-", "a_b", ""] {
            let raw = with_object(1, |o| {
                o.insert("type".into(), json!(bad));
            });
            assert_eq!(refusal(&raw), StixProblem::Type(at(1, INDICATOR)), "{bad}");
        }
        let long = "a".repeat(251);
        let raw = with_object(1, |o| {
            o.insert("type".into(), json!(long));
        });
        assert_eq!(refusal(&raw).message_id(), "stix-error-type");
        for bad in [
            "malware--5c264231-e787-4d75-aba9-3c466adbb9cd",
            "indicator--5c264231-e787-4d75-aba9-3c466adbb9c",
            "indicator--5c264231-e787-0d75-aba9-3c466adbb9cd",
            "indicator--5c264231-e787-4d75-cba9-3c466adbb9cd",
            "indicator--5c264231e7874d75aba93c466adbb9cd",
            "indicator-5c264231-e787-4d75-aba9-3c466adbb9cd",
        ] {
            let raw = with_object(1, |o| {
                o.insert("id".into(), json!(bad));
            });
            assert_eq!(refusal(&raw), StixProblem::Id(at(1, bad)), "{bad}");
        }
        let raw = with_object(1, |o| {
            o.remove("id");
        });
        assert_eq!(
            refusal(&raw),
            StixProblem::Id(ObjectAt { index: 1, id: None })
        );
        let raw = with_object(2, |o| {
            o.insert("id".into(), json!(INDICATOR));
        });
        assert_eq!(refusal(&raw), StixProblem::DuplicateId(at(2, INDICATOR)));
    }

    #[test]
    fn common_properties_of_domain_objects() {
        let cases: [(&str, Option<Value>, StixProblem); 8] = [
            (
                "spec_version",
                None,
                StixProblem::Missing(at(1, INDICATOR), "spec_version"),
            ),
            (
                "spec_version",
                Some(json!("2.0")),
                StixProblem::Invalid(at(1, INDICATOR), "spec_version"),
            ),
            (
                "created",
                None,
                StixProblem::Missing(at(1, INDICATOR), "created"),
            ),
            (
                "modified",
                None,
                StixProblem::Missing(at(1, INDICATOR), "modified"),
            ),
            // created and modified are precise to the millisecond.
            (
                "created",
                Some(json!("2026-11-30T09:15:00Z")),
                StixProblem::Invalid(at(1, INDICATOR), "created"),
            ),
            (
                "created",
                Some(json!("2026-11-30 09:15:00.000Z")),
                StixProblem::Invalid(at(1, INDICATOR), "created"),
            ),
            (
                "modified",
                Some(json!("2026-02-30T09:15:00.000Z")),
                StixProblem::Invalid(at(1, INDICATOR), "modified"),
            ),
            (
                "created",
                Some(json!("2026-11-30T09:15:00.000+01:00")),
                StixProblem::Invalid(at(1, INDICATOR), "created"),
            ),
        ];
        for (property, value, expected) in cases {
            let raw = with_object(1, |o| match value {
                Some(v) => {
                    o.insert(property.into(), v);
                }
                None => {
                    o.remove(property);
                }
            });
            assert_eq!(refusal(&raw), expected, "{property}");
        }
        let raw = with_object(1, |o| {
            o.insert("modified".into(), json!("2026-11-30T09:14:59.999Z"));
        });
        assert_eq!(
            refusal(&raw),
            StixProblem::ModifiedBeforeCreated(at(1, INDICATOR))
        );
        // Equal instants written with different precision are not "earlier".
        let raw = with_object(1, |o| {
            o.insert("modified".into(), json!("2026-11-30T09:15:00.000000Z"));
        });
        assert!(check_bundle(&raw).is_ok());
        let raw = with_object(1, |o| {
            o.insert("created_by_ref".into(), json!("Northwind"));
        });
        assert_eq!(
            refusal(&raw),
            StixProblem::Invalid(at(1, INDICATOR), "created_by_ref")
        );
        let raw = with_object(1, |o| {
            o.insert("valid_until".into(), json!("tomorrow"));
        });
        assert_eq!(
            refusal(&raw),
            StixProblem::Invalid(at(1, INDICATOR), "valid_until")
        );
    }

    #[test]
    fn indicators_need_a_pattern_its_type_and_a_start() {
        for property in ["pattern", "pattern_type", "valid_from"] {
            let raw = with_object(1, |o| {
                o.remove(property);
            });
            assert_eq!(
                refusal(&raw),
                StixProblem::Missing(at(1, INDICATOR), property)
            );
        }
        for bad in [
            "ipv4-addr:value = '198.51.100.23'",
            "[ipv4-addr:value = '198.51.100.23'",
            "[ipv4-addr:value = '198.51.100.23]",
            "[ipv4-addr:value = '198.51.100.23'])",
            "]ipv4-addr:value = '198.51.100.23'[",
        ] {
            let raw = with_object(1, |o| {
                o.insert("pattern".into(), json!(bad));
            });
            assert_eq!(
                refusal(&raw),
                StixProblem::Pattern(at(1, INDICATOR)),
                "{bad}"
            );
        }
        let good =
            "([file:name = 'a\\'[b'] AND [url:value = 'https://x.example/]']) WITHIN 300 SECONDS";
        let raw = with_object(1, |o| {
            o.insert("pattern".into(), json!(good));
        });
        assert!(check_bundle(&raw).is_ok());
        // Other pattern languages are not read.
        let raw = with_object(1, |o| {
            o.insert("pattern_type".into(), json!("yara"));
            o.insert("pattern".into(), json!("rule a { condition: true }"));
        });
        assert!(check_bundle(&raw).is_ok());
    }

    const MALWARE: &str = "malware--ba9c66f3-6a8e-4fe6-8287-42a964db0cc4";
    const RELATIONSHIP: &str = "relationship--c3617ceb-7849-45d1-8482-905948fde5a8";
    const VULNERABILITY: &str = "vulnerability--28adb29e-eed7-4115-9268-834b075baad9";
    const IDENTITY: &str = "identity--8053a8b2-feca-4380-aa61-4f7540e94176";

    #[test]
    fn required_properties_of_each_type() {
        let raw = with_object(3, |o| {
            o.remove("is_family");
        });
        assert_eq!(
            refusal(&raw),
            StixProblem::Missing(at(3, MALWARE), "is_family")
        );
        let raw = with_object(3, |o| {
            o.insert("is_family".into(), json!("yes"));
        });
        assert_eq!(
            refusal(&raw),
            StixProblem::Invalid(at(3, MALWARE), "is_family")
        );
        let raw = with_object(3, |o| {
            o.remove("name");
        });
        assert_eq!(refusal(&raw), StixProblem::Missing(at(3, MALWARE), "name"));
        let raw = with_object(3, |o| {
            o.remove("name");
            o.insert("is_family".into(), json!(false));
        });
        assert!(
            check_bundle(&raw).is_ok(),
            "a malware instance needs no name"
        );
        for property in ["relationship_type", "source_ref", "target_ref"] {
            let raw = with_object(4, |o| {
                o.remove(property);
            });
            assert_eq!(
                refusal(&raw),
                StixProblem::Missing(at(4, RELATIONSHIP), property)
            );
        }
        for (property, bad) in [
            ("source_ref", "indicator--nope"),
            (
                "target_ref",
                "relationship--c3617ceb-7849-45d1-8482-905948fde5a8",
            ),
            ("relationship_type", "Indicates"),
        ] {
            let raw = with_object(4, |o| {
                o.insert(property.into(), json!(bad));
            });
            assert_eq!(
                refusal(&raw),
                StixProblem::Invalid(at(4, RELATIONSHIP), property)
            );
        }
        let raw = with_object(5, |o| {
            o.remove("name");
        });
        assert_eq!(
            refusal(&raw),
            StixProblem::Missing(at(5, VULNERABILITY), "name")
        );
        let raw = with_object(0, |o| {
            o.insert("name".into(), json!(7));
        });
        assert_eq!(refusal(&raw), StixProblem::Invalid(at(0, IDENTITY), "name"));
        for bad in [
            "CVE-26-21345",
            "CVE-2026-123",
            "CVE-2026-012345",
            "cve-2026-21345",
        ] {
            let raw = with_object(5, |o| {
                o.insert(
                    "external_references".into(),
                    json!([{"source_name": "cve", "external_id": bad}]),
                );
            });
            assert_eq!(
                refusal(&raw),
                StixProblem::ExternalId(at(5, VULNERABILITY)),
                "{bad}"
            );
        }
        let raw = with_object(5, |o| {
            o.insert(
                "external_references".into(),
                json!([{"source_name": "cve", "external_id": "CVE-2026-0001"},
                       {"source_name": "vendor", "url": "https://vendor.example/advisory"}]),
            );
        });
        assert!(check_bundle(&raw).is_ok());
    }

    #[test]
    fn sightings_reports_and_observables() {
        let sighting = json!({"type": "sighting", "spec_version": "2.1",
            "id": "sighting--e7924af9-b264-49f8-9fd4-804b8ef18f8a",
            "created": "2026-11-30T09:00:00.000Z", "modified": "2026-11-30T09:00:00.000Z"});
        let report = json!({"type": "report", "spec_version": "2.1",
            "id": "report--e7924af9-b264-49f8-9fd4-804b8ef18f8a",
            "created": "2026-11-30T09:00:00.000Z", "modified": "2026-11-30T09:00:00.000Z",
            "name": "GridLock", "published": "2026-11-30T10:00:00Z"});
        let ipv4 = json!({"type": "ipv4-addr",
            "id": "ipv4-addr--e7924af9-b264-49f8-9fd4-804b8ef18f8a", "value": "198.51.100.300"});
        let url = json!({"type": "url", "spec_version": "2.0",
            "id": "url--e7924af9-b264-49f8-9fd4-804b8ef18f8a", "value": "https://x.example/"});
        let domain = json!({"type": "domain-name",
            "id": "domain-name--e7924af9-b264-49f8-9fd4-804b8ef18f8a"});
        for (object, expected) in [
            (sighting, ("stix-error-missing", Some("sighting_of_ref"))),
            (report, ("stix-error-missing", Some("object_refs"))),
            (ipv4, ("stix-error-invalid", Some("value"))),
            (url, ("stix-error-invalid", Some("spec_version"))),
            (domain, ("stix-error-missing", Some("value"))),
        ] {
            let mut bundle = realistic();
            bundle["objects"].as_array_mut().unwrap().push(object);
            let problem = refusal(&bundle.to_string());
            assert_eq!((problem.message_id(), problem.property()), expected);
            assert_eq!(problem.object().unwrap().index, 6);
        }
    }

    #[test]
    fn a_problem_says_where_it_is() {
        let raw = with_object(2, |o| {
            o.remove("valid_from");
        });
        let problem = refusal(&raw);
        assert_eq!(problem.message_id(), "stix-error-missing");
        assert_eq!(
            problem.args(),
            [
                (
                    "object",
                    "3 (indicator--03e60954-cbe9-4b1d-82e7-e6374e0f2fb4)".to_string()
                ),
                ("property", "valid_from".to_string()),
            ]
        );
        assert!(StixProblem::TooLarge.args().is_empty());
        let long = format!(
            "x-{}--{}",
            "a".repeat(200),
            "5c264231-e787-4d75-aba9-3c466adbb9cd"
        );
        assert!(at(0, &long).label().chars().count() < 90);
    }

    #[test]
    fn every_problem_names_a_listed_message() {
        let some = at(0, IDENTITY);
        let all = [
            StixProblem::TooLarge,
            StixProblem::NotJson,
            StixProblem::TooDeep,
            StixProblem::NotABundle,
            StixProblem::BundleId,
            StixProblem::NoObjects,
            StixProblem::TooManyObjects,
            StixProblem::NotAnObject(some.clone()),
            StixProblem::Type(some.clone()),
            StixProblem::Id(some.clone()),
            StixProblem::DuplicateId(some.clone()),
            StixProblem::Missing(some.clone(), "name"),
            StixProblem::Invalid(some.clone(), "name"),
            StixProblem::ModifiedBeforeCreated(some.clone()),
            StixProblem::Pattern(some.clone()),
            StixProblem::ExternalId(some),
        ];
        let named: Vec<&str> = all.iter().map(StixProblem::message_id).collect();
        assert_eq!(named, StixProblem::MESSAGE_IDS);
        assert_eq!(message_ids(), StixProblem::MESSAGE_IDS);
    }

    /// Any JSON value, a few levels deep.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<f64>().prop_map(|f| json!(f)),
            ".{0,12}".prop_map(Value::String),
            prop_oneof![
                Just("2.1"),
                Just("indicator"),
                Just("bundle"),
                Just("stix"),
                Just("2026-11-30T09:15:00.000Z"),
                Just("indicator--5c264231-e787-4d75-aba9-3c466adbb9cd"),
                Just("[ipv4-addr:value = '1.2.3.4']"),
            ]
            .prop_map(|s| json!(s)),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    const PROPERTIES: [&str; 14] = [
        "type",
        "id",
        "spec_version",
        "created",
        "modified",
        "name",
        "pattern",
        "pattern_type",
        "valid_from",
        "is_family",
        "source_ref",
        "target_ref",
        "external_references",
        "value",
    ];

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(raw in ".{0,400}") {
            let _ = check_bundle(&raw);
        }

        #[test]
        fn arbitrary_json_never_panics(value in any_json()) {
            let _ = check_bundle(&value.to_string());
            let bundle = json!({"type": "bundle",
                "id": "bundle--53b7779a-455f-4921-ac1d-4d57ccbfc45e", "objects": [value]});
            let _ = check_bundle(&bundle.to_string());
        }

        /// A valid bundle with one property of one object removed or
        /// replaced passes or is refused with a problem, never a panic;
        /// a refusal names an object of the bundle.
        #[test]
        fn mutated_valid_bundles_pass_or_are_refused(
            index in 0usize..6,
            property in prop::sample::select(PROPERTIES.to_vec()),
            replacement in prop::option::of(any_json()),
        ) {
            let raw = with_object(index, |o| match replacement {
                Some(v) => { o.insert(property.into(), v); }
                None => { o.remove(property); }
            });
            match check_bundle(&raw) {
                Ok(bundle) => prop_assert_eq!(bundle.objects.len(), 6),
                Err(problem) => {
                    prop_assert!(StixProblem::MESSAGE_IDS.contains(&problem.message_id()));
                    prop_assert_eq!(problem.object().map(|at| at.index), Some(index));
                }
            }
        }
    }
}
