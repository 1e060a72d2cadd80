//! SKOS (W3C Simple Knowledge Organization System): the lexicon for the
//! linked-data world, as Turtle ([`turtle`]) and JSON-LD ([`json_ld`]),
//! and JSON-LD read back ([`import_json_ld`]).
//!
//! SKOS has labels, not term statuses, so the mapping loses information:
//!
//! - `skos:prefLabel`: the preferred term of a language (SKOS allows one
//!   per language, so only the first preferred term; a language without
//!   one has its first proposed term promoted);
//! - `skos:altLabel`: admitted and proposed terms, and any further
//!   preferred term;
//! - `skos:hiddenLabel`: deprecated and obsolete terms.
//!
//! Read back, a prefLabel is preferred, an altLabel admitted and a
//! hiddenLabel deprecated, in that order within a language: the
//! proposed/obsolete distinction and the curators' order of terms are
//! gone. TBX ([`super::tbx`]) is the lossless exchange; SKOS is for
//! publishing and for thesaurus tools.

use super::concept::{
    Concept, ConceptDraft, LanguageDraft, LanguageSection, Term, TermDraft, TermStatus,
};
use super::tbx::MAX_CONCEPTS;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const DCT: &str = "http://purl.org/dc/terms/";
const TITLE: &str = "pocdir common lexicon";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkosError {
    /// The JSON is not the shape [`json_ld`] writes; `at` is a JSON path.
    #[error("{at}: {message}")]
    Shape { at: String, message: String },
    #[error("more than {MAX_CONCEPTS} concepts")]
    TooLarge,
}

fn shape(at: impl Into<String>, message: impl Into<String>) -> SkosError {
    SkosError::Shape {
        at: at.into(),
        message: message.into(),
    }
}

/// A language's terms as SKOS labels (see the module documentation).
struct Labels<'a> {
    pref: Option<&'a str>,
    alt: Vec<&'a str>,
    hidden: Vec<&'a str>,
}

fn labels(section: &LanguageSection) -> Labels<'_> {
    let pref = section
        .terms
        .iter()
        .position(|t| t.status == TermStatus::Preferred)
        .or_else(|| {
            section
                .terms
                .iter()
                .position(|t| t.status == TermStatus::Proposed)
        });
    let mut labels = Labels {
        pref: None,
        alt: Vec::new(),
        hidden: Vec::new(),
    };
    for (i, t) in section.terms.iter().enumerate() {
        if Some(i) == pref {
            labels.pref = Some(&t.text);
            continue;
        }
        match t.status {
            TermStatus::Preferred | TermStatus::Admitted | TermStatus::Proposed => {
                labels.alt.push(&t.text);
            }
            TermStatus::Deprecated | TermStatus::Obsolete => labels.hidden.push(&t.text),
        }
    }
    labels
}

/// The base URL without a trailing slash, so `{base}/lexicon` is one slash.
fn trimmed(base: &str) -> &str {
    base.trim_end_matches('/')
}

// ---------------------------------------------------------------- Turtle

/// An IRI as Turtle's `<…>` allows it: the few characters it forbids are
/// percent-encoded (a base URL from the configuration never has them, but
/// one typo must not break the whole file).
fn iri(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('<');
    for c in text.chars() {
        if c <= ' ' || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\') {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

/// A Turtle string literal with its language tag, escaped so any text the
/// curators typed (quotes, backslashes, line breaks) stays one literal.
fn literal(text: &str, lang: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    if let Some(lang) = lang {
        out.push('@');
        out.push_str(lang);
    }
    out
}

/// The lexicon as one Turtle document under `base` (the site's URL).
pub fn turtle(concepts: &[Concept], base: &str) -> String {
    let base = trimmed(base);
    let scheme = iri(&format!("{base}/lexicon"));
    let mut out = format!(
        "@prefix skos: <{SKOS}> .\n@prefix dct: <{DCT}> .\n@prefix lex: {} .\n\n{scheme} a skos:ConceptScheme ;\n  dct:title {} .\n",
        iri(&format!("{base}/lexicon/concepts/")),
        literal(TITLE, Some("en")),
    );
    for c in concepts {
        let mut lines = vec![
            format!("skos:inScheme {scheme}"),
            format!("dct:subject {}", literal(c.domain.as_str(), None)),
        ];
        let each = |lines: &mut Vec<String>, predicate: &str, texts: &[&str], lang: &str| {
            for t in texts {
                lines.push(format!("{predicate} {}", literal(t, Some(lang))));
            }
        };
        for l in &c.languages {
            let labels = labels(l);
            let lang = l.lang.as_str();
            each(&mut lines, "skos:prefLabel", labels.pref.as_slice(), lang);
            each(&mut lines, "skos:altLabel", &labels.alt, lang);
            each(&mut lines, "skos:hiddenLabel", &labels.hidden, lang);
        }
        for l in &c.languages {
            for (predicate, text) in [
                ("skos:definition", &l.definition),
                ("dct:source", &l.source),
                ("skos:note", &l.note),
            ] {
                if !text.is_empty() {
                    lines.push(format!("{predicate} {}", literal(text, Some(&l.lang))));
                }
            }
        }
        for r in &c.related {
            lines.push(format!("skos:related lex:{r}"));
        }
        out.push_str(&format!(
            "\nlex:{} a skos:Concept ;\n  {} .\n",
            c.id,
            lines.join(" ;\n  ")
        ));
    }
    out
}

// ---------------------------------------------------------------- JSON-LD

fn tagged(text: &str, lang: &str) -> Value {
    json!({ "@value": text, "@language": lang })
}

/// The lexicon as a JSON-LD document: the concept scheme and every concept
/// in `@graph`, concept ids relative to `@base`.
pub fn json_ld(concepts: &[Concept], base: &str) -> Value {
    let base = trimmed(base);
    let scheme = format!("{base}/lexicon");
    let mut graph = vec![json!({
        "@id": scheme,
        "@type": "skos:ConceptScheme",
        "dct:title": tagged(TITLE, "en"),
    })];
    for c in concepts {
        let mut node = Map::new();
        node.insert("@id".into(), json!(c.id));
        node.insert("@type".into(), json!("skos:Concept"));
        node.insert("skos:inScheme".into(), json!({ "@id": scheme }));
        node.insert("dct:subject".into(), json!(c.domain.as_str()));
        let mut add = |key: &str, values: Vec<Value>| {
            if !values.is_empty() {
                node.insert(key.into(), Value::Array(values));
            }
        };
        add(
            "skos:prefLabel",
            per_language(c, |l| labels(l).pref.into_iter().collect()),
        );
        add("skos:altLabel", per_language(c, |l| labels(l).alt));
        add("skos:hiddenLabel", per_language(c, |l| labels(l).hidden));
        add(
            "skos:definition",
            per_language(c, |l| non_empty(&l.definition)),
        );
        add("dct:source", per_language(c, |l| non_empty(&l.source)));
        add("skos:note", per_language(c, |l| non_empty(&l.note)));
        add(
            "skos:related",
            c.related.iter().map(|r| json!({ "@id": r })).collect(),
        );
        graph.push(Value::Object(node));
    }
    json!({
        "@context": {
            "skos": SKOS,
            "dct": DCT,
            "@base": format!("{base}/lexicon/concepts/"),
        },
        "@graph": graph,
    })
}

/// Language-tagged values of every language, in the concept's order.
fn per_language(c: &Concept, pick: impl Fn(&LanguageSection) -> Vec<&str>) -> Vec<Value> {
    c.languages
        .iter()
        .flat_map(|l| pick(l).into_iter().map(|t| tagged(t, &l.lang)))
        .collect()
}

fn non_empty(text: &str) -> Vec<&str> {
    Some(text).filter(|t| !t.is_empty()).into_iter().collect()
}

/// What a concept node may hold: anything else is refused, not dropped.
const CONCEPT_KEYS: [&str; 11] = [
    "@id",
    "@type",
    "skos:inScheme",
    "dct:subject",
    "skos:prefLabel",
    "skos:altLabel",
    "skos:hiddenLabel",
    "skos:definition",
    "dct:source",
    "skos:note",
    "skos:related",
];

/// Reads the JSON-LD [`json_ld`] writes back into drafts (see the module
/// documentation for what the labels become). Not a JSON-LD processor:
/// other shapes of the same graph are refused. The drafts are not checked.
pub fn import_json_ld(value: &Value) -> Result<Vec<ConceptDraft>, SkosError> {
    let top = value
        .as_object()
        .ok_or_else(|| shape("$", "not a JSON object"))?;
    if let Some(key) = top.keys().find(|k| *k != "@context" && *k != "@graph") {
        return Err(shape("$", format!("unexpected key {key:?}")));
    }
    if !top.get("@context").is_some_and(Value::is_object) {
        return Err(shape("$.@context", "missing or not an object"));
    }
    let graph = top
        .get("@graph")
        .and_then(Value::as_array)
        .ok_or_else(|| shape("$.@graph", "missing or not an array"))?;
    // One node more than the limit: the concept scheme.
    if graph.len() > MAX_CONCEPTS.saturating_add(1) {
        return Err(SkosError::TooLarge);
    }
    let mut drafts = Vec::new();
    for (i, node) in graph.iter().enumerate() {
        let at = format!("$.@graph[{i}]");
        let node = node
            .as_object()
            .ok_or_else(|| shape(&at, "not a JSON object"))?;
        match node.get("@type").and_then(Value::as_str) {
            Some("skos:ConceptScheme") => {}
            Some("skos:Concept") => drafts.push(concept(node, &at)?),
            _ => {
                return Err(shape(
                    format!("{at}.@type"),
                    "not skos:Concept or skos:ConceptScheme",
                ))
            }
        }
    }
    if drafts.len() > MAX_CONCEPTS {
        return Err(SkosError::TooLarge);
    }
    Ok(drafts)
}

fn concept(node: &Map<String, Value>, at: &str) -> Result<ConceptDraft, SkosError> {
    if let Some(key) = node.keys().find(|k| !CONCEPT_KEYS.contains(&k.as_str())) {
        return Err(shape(at, format!("unexpected key {key:?}")));
    }
    let id = node
        .get("@id")
        .and_then(Value::as_str)
        .ok_or_else(|| shape(format!("{at}.@id"), "missing or not a string"))?;
    let domain = match node.get("dct:subject") {
        None => "",
        Some(v) => v
            .as_str()
            .ok_or_else(|| shape(format!("{at}.dct:subject"), "not a string"))?,
    };
    if let Some(scheme) = node.get("skos:inScheme") {
        references(scheme, &format!("{at}.skos:inScheme"))?;
    }
    let mut draft = ConceptDraft {
        id: last_segment(id).to_owned(),
        domain: domain.to_owned(),
        ..ConceptDraft::default()
    };
    if let Some(related) = node.get("skos:related") {
        draft.related = references(related, &format!("{at}.skos:related"))?
            .into_iter()
            .map(|r| last_segment(r).to_owned())
            .collect();
    }
    let mut languages = BTreeMap::new();
    for (key, status) in [
        ("skos:prefLabel", TermStatus::Preferred),
        ("skos:altLabel", TermStatus::Admitted),
        ("skos:hiddenLabel", TermStatus::Deprecated),
    ] {
        let at = format!("{at}.{key}");
        for (text, lang) in tagged_values(node.get(key), &at)? {
            language(&mut languages, lang).terms.push(TermDraft {
                text: text.to_owned(),
                status: status.as_str().to_owned(),
            });
        }
    }
    for key in ["skos:definition", "dct:source", "skos:note"] {
        let at = format!("{at}.{key}");
        for (text, lang) in tagged_values(node.get(key), &at)? {
            let section = language(&mut languages, lang);
            let slot = match key {
                "skos:definition" => &mut section.definition,
                "dct:source" => &mut section.source,
                _ => &mut section.note,
            };
            if !slot.is_empty() {
                return Err(shape(&at, format!("two values in language {lang:?}")));
            }
            text.clone_into(slot);
        }
    }
    draft.languages = languages.into_values().collect();
    Ok(draft)
}

/// The concept id in an IRI, relative (`ict-incident`) or absolute
/// (`https://…/lexicon/concepts/ict-incident`).
fn last_segment(iri: &str) -> &str {
    iri.rsplit('/').next().unwrap_or(iri)
}

/// The section of a language, made on its first label or text (language
/// tags are case-insensitive; pocdir writes them in lower case).
fn language<'m>(
    languages: &'m mut BTreeMap<String, LanguageDraft>,
    lang: &str,
) -> &'m mut LanguageDraft {
    let lang = lang.to_ascii_lowercase();
    languages
        .entry(lang.clone())
        .or_insert_with(|| LanguageDraft {
            lang,
            ..LanguageDraft::default()
        })
}

/// One value or an array of values, as JSON-LD writes either.
fn one_or_many(value: &Value) -> &[Value] {
    match value {
        Value::Array(values) => values,
        other => std::slice::from_ref(other),
    }
}

/// `{"@value": …, "@language": …}` objects, and nothing else.
fn tagged_values<'v>(
    value: Option<&'v Value>,
    at: &str,
) -> Result<Vec<(&'v str, &'v str)>, SkosError> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    one_or_many(value)
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let at = format!("{at}[{i}]");
            let object = v.as_object().filter(|o| o.len() == 2);
            let text = object.and_then(|o| o.get("@value")).and_then(Value::as_str);
            let lang = object
                .and_then(|o| o.get("@language"))
                .and_then(Value::as_str);
            match (text, lang) {
                (Some(text), Some(lang)) => Ok((text, lang)),
                _ => Err(shape(at, "not a {\"@value\", \"@language\"} object")),
            }
        })
        .collect()
}

/// `{"@id": …}` objects, and nothing else.
fn references<'v>(value: &'v Value, at: &str) -> Result<Vec<&'v str>, SkosError> {
    one_or_many(value)
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_object()
                .filter(|o| o.len() == 1)
                .and_then(|o| o.get("@id"))
                .and_then(Value::as_str)
                .ok_or_else(|| shape(format!("{at}[{i}]"), "not an {\"@id\"} object"))
        })
        .collect()
}

/// The SKOS label a term's status is written as, for `section`.
fn label_of(section: &LanguageSection, term: &Term) -> TermStatus {
    let first_preferred = section
        .terms
        .iter()
        .find(|t| t.status == TermStatus::Preferred)
        .or_else(|| {
            section
                .terms
                .iter()
                .find(|t| t.status == TermStatus::Proposed)
        });
    if first_preferred.is_some_and(|p| p.text == term.text) {
        return TermStatus::Preferred;
    }
    match term.status {
        TermStatus::Deprecated | TermStatus::Obsolete => TermStatus::Deprecated,
        _ => TermStatus::Admitted,
    }
}

/// What SKOS loses, taken back from the concept as it stands: a term read
/// with the label its current status is written as keeps that status, and
/// the terms keep the curators' order. So a SKOS file exported here and
/// imported back changes nothing, and one edited elsewhere changes only
/// what was edited.
pub fn keep_statuses(draft: &mut ConceptDraft, current: &Concept) {
    for language in &mut draft.languages {
        let Some(section) = current.language(language.lang.trim()) else {
            continue;
        };
        for term in &mut language.terms {
            let read = TermStatus::parse(term.status.trim());
            if let Some(now) = section.terms.iter().find(|t| t.text == term.text.trim()) {
                if read == Some(label_of(section, now)) {
                    term.status = now.status.as_str().to_owned();
                }
            }
        }
        let rank = |text: &str| {
            section
                .terms
                .iter()
                .position(|t| t.text == text.trim())
                .unwrap_or(usize::MAX)
        };
        language.terms.sort_by_key(|t| rank(&t.text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::concept::check;

    fn draft(
        lang: &str,
        definition: &str,
        source: &str,
        note: &str,
        terms: &[(&str, &str)],
    ) -> LanguageDraft {
        LanguageDraft {
            lang: lang.into(),
            definition: definition.into(),
            source: source.into(),
            note: note.into(),
            terms: terms
                .iter()
                .map(|(text, status)| TermDraft {
                    text: (*text).into(),
                    status: (*status).into(),
                })
                .collect(),
        }
    }

    fn concept() -> Concept {
        check(&ConceptDraft {
            id: "ict-incident".into(),
            domain: "incident_response".into(),
            related: vec!["point-of-contact".into()],
            languages: vec![
                draft(
                    "en",
                    "An event \"affecting\" ICT\nsystems \\ data.",
                    "A/75/816",
                    "",
                    &[
                        ("ICT incident", "preferred"),
                        ("cyber incident", "admitted"),
                        ("ICT security incident", "proposed"),
                        ("computer accident", "deprecated"),
                        ("information security event", "obsolete"),
                    ],
                ),
                draft(
                    "fr",
                    "",
                    "",
                    "Note\tà tabulation.",
                    &[("incident lié aux TIC", "proposed")],
                ),
            ],
        })
        .unwrap()
    }

    #[test]
    fn an_export_read_back_keeps_every_status_and_order() {
        let c = concept();
        let back =
            import_json_ld(&json_ld(std::slice::from_ref(&c), "https://pocdir.example")).unwrap();
        let mut draft = back.into_iter().next().unwrap();
        keep_statuses(&mut draft, &c);
        assert_eq!(check(&draft).unwrap(), c);
    }

    #[test]
    fn turtle_is_the_golden_document() {
        let expected = r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix lex: <https://poc.example/lexicon/concepts/> .

<https://poc.example/lexicon> a skos:ConceptScheme ;
  dct:title "pocdir common lexicon"@en .

lex:ict-incident a skos:Concept ;
  skos:inScheme <https://poc.example/lexicon> ;
  dct:subject "incident_response" ;
  skos:prefLabel "ICT incident"@en ;
  skos:altLabel "cyber incident"@en ;
  skos:altLabel "ICT security incident"@en ;
  skos:hiddenLabel "computer accident"@en ;
  skos:hiddenLabel "information security event"@en ;
  skos:prefLabel "incident lié aux TIC"@fr ;
  skos:definition "An event \"affecting\" ICT\nsystems \\ data."@en ;
  dct:source "A/75/816"@en ;
  skos:note "Note\tà tabulation."@fr ;
  skos:related lex:point-of-contact .
"#;
        assert_eq!(turtle(&[concept()], "https://poc.example/"), expected);
    }

    #[test]
    fn a_base_with_forbidden_characters_stays_an_iri() {
        let out = turtle(&[], "https://poc.example/a b<c>");
        assert!(
            out.contains("<https://poc.example/a%20b%3Cc%3E/lexicon>"),
            "{out}"
        );
    }

    #[test]
    fn json_ld_round_trip_keeps_what_skos_can_say() {
        let c = concept();
        let value = json_ld(std::slice::from_ref(&c), "https://poc.example");
        assert_eq!(
            value["@context"]["@base"],
            "https://poc.example/lexicon/concepts/"
        );
        assert_eq!(value["@graph"][1]["@id"], "ict-incident");
        assert_eq!(
            value["@graph"][1]["skos:prefLabel"][0],
            json!({"@value": "ICT incident", "@language": "en"})
        );
        let drafts = import_json_ld(&value).unwrap();
        assert_eq!(drafts.len(), 1);
        let back = check(&drafts[0]).unwrap();
        let term = |text: &str, status| Term {
            text: text.into(),
            status,
        };
        let mut expected = c;
        expected.languages[0].terms = vec![
            term("ICT incident", TermStatus::Preferred),
            term("cyber incident", TermStatus::Admitted),
            term("ICT security incident", TermStatus::Admitted),
            term("computer accident", TermStatus::Deprecated),
            term("information security event", TermStatus::Deprecated),
        ];
        expected.languages[1].terms = vec![term("incident lié aux TIC", TermStatus::Preferred)];
        assert_eq!(back, expected);
        // Absolute ids and single values (not arrays) read the same.
        let mut absolute = value.clone();
        absolute["@graph"][1]["@id"] = json!("https://poc.example/lexicon/concepts/ict-incident");
        absolute["@graph"][1]["skos:related"] =
            json!({"@id": "https://poc.example/lexicon/concepts/point-of-contact"});
        assert_eq!(
            check(&import_json_ld(&absolute).unwrap()[0]).unwrap(),
            expected
        );
    }

    #[test]
    fn only_one_pref_label_per_language() {
        let c = check(&ConceptDraft {
            id: "a".into(),
            domain: "norms".into(),
            related: vec![],
            languages: vec![draft(
                "en",
                "",
                "",
                "",
                &[("A", "proposed"), ("B", "preferred"), ("C", "preferred")],
            )],
        })
        .unwrap();
        let value = json_ld(&[c], "https://poc.example");
        assert_eq!(
            value["@graph"][1]["skos:prefLabel"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        assert_eq!(value["@graph"][1]["skos:prefLabel"][0]["@value"], "B");
        assert_eq!(value["@graph"][1]["skos:altLabel"][0]["@value"], "A");
        assert_eq!(value["@graph"][1]["skos:altLabel"][1]["@value"], "C");
    }

    #[test]
    fn bad_shapes_are_refused() {
        let good = json_ld(&[concept()], "https://poc.example");
        let refused = |change: &dyn Fn(&mut Value)| {
            let mut v = good.clone();
            change(&mut v);
            import_json_ld(&v).unwrap_err()
        };
        assert!(matches!(
            import_json_ld(&json!([])),
            Err(SkosError::Shape { .. })
        ));
        assert!(matches!(
            import_json_ld(&json!({"@graph": []})),
            Err(SkosError::Shape { .. })
        ));
        refused(&|v| v["@graph"] = json!({}));
        refused(&|v| v["extra"] = json!(1));
        refused(&|v| v["@graph"][1]["@type"] = json!("owl:Class"));
        refused(&|v| v["@graph"][1]["skos:exactMatch"] = json!({"@id": "x"}));
        refused(&|v| v["@graph"][1]["@id"] = json!(7));
        refused(&|v| v["@graph"][1]["dct:subject"] = json!(["norms"]));
        refused(&|v| v["@graph"][1]["skos:prefLabel"][0] = json!("ICT incident"));
        refused(&|v| v["@graph"][1]["skos:prefLabel"][0]["@direction"] = json!("ltr"));
        refused(&|v| v["@graph"][1]["skos:related"] = json!(["point-of-contact"]));
        refused(&|v| {
            v["@graph"][1]["skos:definition"] =
                json!([{"@value": "a", "@language": "en"}, {"@value": "b", "@language": "en"}])
        });
        let err = refused(&|v| v["@graph"][1]["skos:altLabel"][1]["@value"] = json!(null));
        assert_eq!(
            err,
            shape(
                "$.@graph[1].skos:altLabel[1]",
                "not a {\"@value\", \"@language\"} object"
            )
        );
        let many = json!({"@context": {}, "@graph": vec![json!({"@type": "skos:ConceptScheme"}); MAX_CONCEPTS + 2]});
        assert!(matches!(import_json_ld(&many), Err(SkosError::TooLarge)));
    }
}
