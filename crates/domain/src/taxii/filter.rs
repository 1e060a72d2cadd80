//! The URL parameters of the TAXII 2.1 endpoints that list objects
//! (`objects`, `manifest`, `versions`; section 3.4 of the standard):
//! `added_after`, `limit`, `next` and `match[id|type|version|spec_version]`.
//! A parameter pocdir does not know, given twice, or with a value it cannot
//! read is refused with the parameter's name (a 400 with TAXII's error
//! message), never ignored: a client that filters on something the server
//! skipped would take the whole collection for the filtered part.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// A page holds at most this many objects (a larger `limit` is lowered).
pub const MAX_PAGE: u32 = 1_000;
/// A page without `limit`.
pub const DEFAULT_PAGE: u32 = 100;
/// At most this many values in one `match[…]`.
pub const MAX_MATCH_VALUES: usize = 100;

/// Which versions of each object a request wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionChoice {
    Last,
    First,
    All,
    /// The version whose timestamp is this one.
    At(OffsetDateTime),
}

/// A request's filters as read from its URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectFilter {
    /// Only objects added to the collection after this moment.
    pub added_after: Option<OffsetDateTime>,
    /// The page's size, at most [`MAX_PAGE`].
    pub limit: u32,
    /// The `next` of the page before, as the client sent it (opaque; read
    /// by [`super::page::NextToken::open`]).
    pub next: Option<String>,
    pub ids: Vec<String>,
    pub types: Vec<String>,
    /// `last` when not given.
    pub versions: Vec<VersionChoice>,
    /// `2.1` when not given (pocdir keeps only STIX 2.1 objects).
    pub spec_versions: Vec<String>,
}

impl Default for ObjectFilter {
    fn default() -> Self {
        ObjectFilter {
            added_after: None,
            limit: DEFAULT_PAGE,
            next: None,
            ids: Vec::new(),
            types: Vec::new(),
            versions: vec![VersionChoice::Last],
            spec_versions: vec!["2.1".to_string()],
        }
    }
}

/// Why a request's parameters were refused: the parameter, and what is
/// wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterProblem {
    #[error("unknown parameter {0}")]
    Unknown(String),
    #[error("the parameter {0} is given more than once")]
    Repeated(String),
    #[error("the parameter {0} has a value that cannot be read")]
    Invalid(&'static str),
}

impl FilterProblem {
    /// The parameter at fault, for the TAXII error's `description`.
    pub fn parameter(&self) -> &str {
        match self {
            FilterProblem::Unknown(p) | FilterProblem::Repeated(p) => p,
            FilterProblem::Invalid(p) => p,
        }
    }
}

/// Which parameters an endpoint takes: `versions` takes no `match[…]` but
/// `spec_version`, an object by id no `match[id]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `objects/` and `manifest/`.
    Objects,
    /// `objects/{id}/`.
    Object,
    /// `objects/{id}/versions/`.
    Versions,
}

impl Endpoint {
    fn takes(self, name: &str) -> bool {
        match self {
            Endpoint::Objects => matches!(
                name,
                "added_after"
                    | "limit"
                    | "next"
                    | "match[id]"
                    | "match[type]"
                    | "match[version]"
                    | "match[spec_version]"
            ),
            Endpoint::Object => matches!(
                name,
                "added_after" | "limit" | "next" | "match[version]" | "match[spec_version]"
            ),
            Endpoint::Versions => {
                matches!(
                    name,
                    "added_after" | "limit" | "next" | "match[spec_version]"
                )
            }
        }
    }
}

/// A STIX timestamp: RFC 3339 in UTC with `Z`.
pub fn parse_timestamp(raw: &str) -> Option<OffsetDateTime> {
    if !raw.ends_with('Z') {
        return None;
    }
    OffsetDateTime::parse(raw, &Rfc3339).ok()
}

/// A STIX timestamp as TAXII writes it: milliseconds, `Z`.
pub fn format_timestamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

fn list(raw: &str, name: &'static str) -> Result<Vec<String>, FilterProblem> {
    let values: Vec<String> = raw
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect();
    if values.is_empty() || values.len() > MAX_MATCH_VALUES {
        return Err(FilterProblem::Invalid(name));
    }
    Ok(values)
}

/// Reads the parameters of a request to `endpoint` (as decoded pairs).
pub fn parse_filter(
    pairs: &[(String, String)],
    endpoint: Endpoint,
) -> Result<ObjectFilter, FilterProblem> {
    let mut filter = ObjectFilter::default();
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in pairs {
        if !endpoint.takes(name) {
            return Err(FilterProblem::Unknown(shorten(name)));
        }
        if seen.contains(&name.as_str()) {
            return Err(FilterProblem::Repeated(name.clone()));
        }
        seen.push(name);
        match name.as_str() {
            "added_after" => {
                filter.added_after = Some(
                    parse_timestamp(value.trim()).ok_or(FilterProblem::Invalid("added_after"))?,
                );
            }
            "limit" => {
                let n: u32 = value
                    .trim()
                    .parse()
                    .map_err(|_| FilterProblem::Invalid("limit"))?;
                // The standard asks clients for a positive limit, but the
                // OASIS client's `as_pages` sends 0 unless told otherwise:
                // 0 is read as "the server's page".
                filter.limit = if n == 0 {
                    DEFAULT_PAGE
                } else {
                    n.min(MAX_PAGE)
                };
            }
            "next" => {
                if value.is_empty() || value.len() > 512 {
                    return Err(FilterProblem::Invalid("next"));
                }
                filter.next = Some(value.clone());
            }
            "match[id]" => filter.ids = list(value, "match[id]")?,
            "match[type]" => filter.types = list(value, "match[type]")?,
            "match[spec_version]" => {
                filter.spec_versions = list(value, "match[spec_version]")?;
            }
            "match[version]" => {
                filter.versions = list(value, "match[version]")?
                    .iter()
                    .map(|v| match v.as_str() {
                        "last" => Ok(VersionChoice::Last),
                        "first" => Ok(VersionChoice::First),
                        "all" => Ok(VersionChoice::All),
                        t => parse_timestamp(t)
                            .map(VersionChoice::At)
                            .ok_or(FilterProblem::Invalid("match[version]")),
                    })
                    .collect::<Result<_, _>>()?;
            }
            _ => return Err(FilterProblem::Unknown(shorten(name))),
        }
    }
    Ok(filter)
}

/// A parameter's name as told back, cut short.
fn shorten(name: &str) -> String {
    name.chars().take(64).collect()
}

/// One version of an object, as the filters see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionMeta {
    pub id: String,
    pub kind: String,
    pub spec_version: String,
    /// Its `modified`, else `created`, else when it was added.
    pub version: OffsetDateTime,
    pub added: OffsetDateTime,
}

impl ObjectFilter {
    /// Whether one version passes the id, type, spec_version and
    /// added_after filters (versions are chosen by [`Self::choose`]).
    pub fn admits(&self, v: &VersionMeta) -> bool {
        (self.ids.is_empty() || self.ids.contains(&v.id))
            && (self.types.is_empty() || self.types.contains(&v.kind))
            && self.spec_versions.contains(&v.spec_version)
            && self.added_after.is_none_or(|after| v.added > after)
    }

    /// The versions of ONE object this filter returns, among `versions`
    /// (every version of the object the reader may see). The reference
    /// the store's queries are tested against.
    pub fn choose<'a>(&self, versions: &'a [VersionMeta]) -> Vec<&'a VersionMeta> {
        let mut sorted: Vec<&VersionMeta> = versions.iter().collect();
        sorted.sort_by_key(|v| v.version);
        let mut out: Vec<&VersionMeta> = Vec::new();
        for choice in &self.versions {
            let picked: Vec<&VersionMeta> = match choice {
                VersionChoice::All => sorted.clone(),
                VersionChoice::First => sorted.first().copied().into_iter().collect(),
                VersionChoice::Last => sorted.last().copied().into_iter().collect(),
                VersionChoice::At(t) => {
                    sorted.iter().copied().filter(|v| v.version == *t).collect()
                }
            };
            for v in picked {
                if !out.iter().any(|o| std::ptr::eq(*o, v)) {
                    out.push(v);
                }
            }
        }
        out.retain(|v| self.admits(v));
        out.sort_by_key(|v| (v.added, v.version));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    fn pairs(raw: &[(&str, &str)]) -> Vec<(String, String)> {
        raw.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_limit_of_zero_is_the_servers_page() {
        let f = parse_filter(&pairs(&[("limit", "0")]), Endpoint::Objects).unwrap();
        assert_eq!(f.limit, DEFAULT_PAGE);
    }

    #[test]
    fn every_filter_of_the_standard_is_read() {
        let f = parse_filter(
            &pairs(&[
                ("added_after", "2026-11-30T10:00:00.000Z"),
                ("limit", "5000"),
                ("next", "abc"),
                ("match[id]", "indicator--1,indicator--2"),
                ("match[type]", "indicator, malware"),
                ("match[version]", "first,last,2026-11-30T10:00:00Z"),
                ("match[spec_version]", "2.1"),
            ]),
            Endpoint::Objects,
        )
        .unwrap();
        assert_eq!(f.added_after, Some(datetime!(2026-11-30 10:00 UTC)));
        assert_eq!(f.limit, MAX_PAGE);
        assert_eq!(f.ids, ["indicator--1", "indicator--2"]);
        assert_eq!(f.types, ["indicator", "malware"]);
        assert_eq!(
            f.versions,
            [
                VersionChoice::First,
                VersionChoice::Last,
                VersionChoice::At(datetime!(2026-11-30 10:00 UTC))
            ]
        );
        let none = parse_filter(&[], Endpoint::Objects).unwrap();
        assert_eq!(none, ObjectFilter::default());
        assert_eq!(none.versions, [VersionChoice::Last]);
    }

    #[test]
    fn what_cannot_be_read_is_refused_with_its_name() {
        type Case<'a> = (&'a [(&'a str, &'a str)], Endpoint, &'a str);
        let cases: [Case; 8] = [
            (
                &[("match[colour]", "red")],
                Endpoint::Objects,
                "match[colour]",
            ),
            (&[("limit", "-1")], Endpoint::Objects, "limit"),
            (&[("limit", "ten")], Endpoint::Objects, "limit"),
            (
                &[("added_after", "2026-11-30")],
                Endpoint::Objects,
                "added_after",
            ),
            (
                &[("added_after", "2026-11-30T10:00:00+01:00")],
                Endpoint::Objects,
                "added_after",
            ),
            (
                &[("match[version]", "newest")],
                Endpoint::Objects,
                "match[version]",
            ),
            (&[("match[id]", "x")], Endpoint::Object, "match[id]"),
            (
                &[("match[type]", "indicator")],
                Endpoint::Versions,
                "match[type]",
            ),
        ];
        for (raw, endpoint, name) in cases {
            let e = parse_filter(&pairs(raw), endpoint).unwrap_err();
            assert_eq!(e.parameter(), name, "{raw:?}");
        }
        let e =
            parse_filter(&pairs(&[("limit", "1"), ("limit", "2")]), Endpoint::Objects).unwrap_err();
        assert_eq!(e, FilterProblem::Repeated("limit".into()));
    }

    fn v(id: &str, version: i64, added: i64) -> VersionMeta {
        VersionMeta {
            id: id.into(),
            kind: id.split("--").next().unwrap().into(),
            spec_version: "2.1".into(),
            version: datetime!(2026-01-01 0:00 UTC) + time::Duration::seconds(version),
            added: datetime!(2026-01-01 0:00 UTC) + time::Duration::seconds(added),
        }
    }

    #[test]
    fn versions_are_chosen_as_asked() {
        let all = [
            v("indicator--a", 30, 3),
            v("indicator--a", 10, 1),
            v("indicator--a", 20, 2),
        ];
        let pick = |raw: &str| {
            let f = parse_filter(&pairs(&[("match[version]", raw)]), Endpoint::Objects).unwrap();
            f.choose(&all)
                .iter()
                .map(|x| x.added.unix_timestamp() % 10)
                .collect::<Vec<_>>()
        };
        assert_eq!(pick("last"), [3]);
        assert_eq!(pick("first"), [1]);
        assert_eq!(pick("all"), [1, 2, 3]);
        assert_eq!(pick("first,last"), [1, 3]);
        assert_eq!(pick("last,all"), [1, 2, 3]);
        assert_eq!(pick("2026-01-01T00:00:20Z"), [2]);
        assert_eq!(pick("2026-01-01T00:00:21Z"), Vec::<i64>::new());
        // added_after applies after the choice: the last version was added
        // at 3, so after 2 it is there, after 3 it is not.
        let f = parse_filter(
            &pairs(&[("added_after", "2026-01-01T00:00:02Z")]),
            Endpoint::Objects,
        )
        .unwrap();
        assert_eq!(f.choose(&all).len(), 1);
        let f = parse_filter(
            &pairs(&[("added_after", "2026-01-01T00:00:03Z")]),
            Endpoint::Objects,
        )
        .unwrap();
        assert!(f.choose(&all).is_empty());
    }

    #[test]
    fn timestamps_are_written_with_milliseconds_and_read_back() {
        let t = datetime!(2026-11-30 10:00:01.5 UTC);
        assert_eq!(format_timestamp(t), "2026-11-30T10:00:01.500Z");
        assert_eq!(parse_timestamp(&format_timestamp(t)), Some(t));
    }

    proptest! {
        #[test]
        fn any_parameters_are_read_or_refused_without_panicking(
            raw in proptest::collection::vec(("\\PC{0,24}", "\\PC{0,64}"), 0..6)
        ) {
            let _ = parse_filter(&raw, Endpoint::Objects);
            let _ = parse_filter(&raw, Endpoint::Versions);
        }

        #[test]
        fn a_limit_is_kept_within_a_page(n in 1u32..) {
            let f = parse_filter(&[("limit".into(), n.to_string())], Endpoint::Objects).unwrap();
            prop_assert!(f.limit >= 1 && f.limit <= MAX_PAGE);
        }
    }
}
