//! TBX (ISO 30042:2019), dialect TBX-Basic in the DCA style: the lossless
//! exchange of the lexicon with terminology tools (SDL MultiTerm, memoQ,
//! IATE's own exports). [`export`] writes every concept; [`import`] reads
//! that structure back into drafts, which the caller checks with
//! [`check`](super::concept::check) like any other input.
//!
//! The reader is strict on purpose: an element, attribute type or status
//! it does not know is refused with its line rather than dropped, so a
//! curator never imports half a file believing it whole. A `<!DOCTYPE` is
//! refused outright: TBX-Basic needs no DTD, and refusing it shuts out
//! entity expansion of every kind.

use super::concept::{Concept, ConceptDraft, LanguageDraft, TermDraft, TermStatus};
use quick_xml::escape::{escape, resolve_xml_entity};
use quick_xml::events::{BytesDecl, BytesEnd, BytesPI, BytesStart, BytesText, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use quick_xml::Writer;

/// The largest file [`import`] reads: the whole lexicon is far smaller.
pub const MAX_TBX_BYTES: usize = 16 * 1024 * 1024;
/// The most concept entries [`import`] reads from one file.
pub const MAX_CONCEPTS: usize = 20_000;

/// The namespace of TBX 2019 (ISO 30042, second edition).
pub const TBX_NAMESPACE: &str = "urn:iso:std:iso:30042:ed-2";
const XML_MODEL: &str = "xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"";
const TITLE: &str = "pocdir common lexicon";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TbxError {
    /// Not well-formed XML, or not the TBX-Basic structure pocdir reads.
    #[error("line {line}: {message}")]
    Malformed { line: usize, message: String },
    /// Well-formed maybe, but not a TBX file at all.
    #[error("the root element is not <tbx>")]
    NotTbx,
    #[error("the file is over {MAX_TBX_BYTES} bytes or {MAX_CONCEPTS} concepts")]
    TooLarge,
}

/// The TBX administrative status of a term; proposed terms have none in
/// TBX-Basic and are marked "provisionally processed" instead.
fn administrative_status(status: TermStatus) -> Option<&'static str> {
    match status {
        TermStatus::Preferred => Some("preferredTerm-admn-sts"),
        TermStatus::Admitted => Some("admittedTerm-admn-sts"),
        TermStatus::Deprecated => Some("deprecatedTerm-admn-sts"),
        TermStatus::Obsolete => Some("supersededTerm-admn-sts"),
        TermStatus::Proposed => None,
    }
}

fn status_of(administrative: &str) -> Option<TermStatus> {
    [
        TermStatus::Preferred,
        TermStatus::Admitted,
        TermStatus::Deprecated,
        TermStatus::Obsolete,
    ]
    .into_iter()
    .find(|s| administrative_status(*s) == Some(administrative))
}

const PROVISIONAL: &str = "provisionallyProcessed";

// ---------------------------------------------------------------- export

/// The lexicon as one TBX-Basic file, the same bytes for the same concepts.
pub fn export(concepts: &[Concept]) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail.
    let _ = write_document(&mut writer, concepts);
    let mut out = String::from_utf8(writer.into_inner())
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    out.push('\n');
    out
}

type Out = Writer<Vec<u8>>;

fn write_document(w: &mut Out, concepts: &[Concept]) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::PI(BytesPI::new(XML_MODEL)))?;
    w.write_event(Event::Start(BytesStart::new("tbx").with_attributes([
        ("style", "dca"),
        ("type", "TBX-Basic"),
        ("xml:lang", "en"),
        ("xmlns", TBX_NAMESPACE),
    ])))?;
    open(w, "tbxHeader")?;
    open(w, "fileDesc")?;
    open(w, "sourceDesc")?;
    leaf(w, BytesStart::new("p"), TITLE)?;
    close(w, "sourceDesc")?;
    close(w, "fileDesc")?;
    close(w, "tbxHeader")?;
    open(w, "text")?;
    open(w, "body")?;
    for concept in concepts {
        write_concept(w, concept)?;
    }
    close(w, "body")?;
    close(w, "text")?;
    close(w, "tbx")
}

fn write_concept(w: &mut Out, c: &Concept) -> std::io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new("conceptEntry").with_attributes([("id", c.id.as_str())]),
    ))?;
    leaf(w, typed("descrip", "subjectField"), c.domain.as_str())?;
    for r in &c.related {
        let start = typed("ref", "crossReference").with_attributes([("target", r.as_str())]);
        leaf(w, start, r)?;
    }
    for l in &c.languages {
        w.write_event(Event::Start(
            BytesStart::new("langSec").with_attributes([("xml:lang", l.lang.as_str())]),
        ))?;
        if !l.definition.is_empty() || !l.source.is_empty() {
            open(w, "descripGrp")?;
            if !l.definition.is_empty() {
                leaf(w, typed("descrip", "definition"), &l.definition)?;
            }
            if !l.source.is_empty() {
                leaf(w, typed("admin", "source"), &l.source)?;
            }
            close(w, "descripGrp")?;
        }
        if !l.note.is_empty() {
            leaf(w, BytesStart::new("note"), &l.note)?;
        }
        for t in &l.terms {
            open(w, "termSec")?;
            leaf(w, BytesStart::new("term"), &t.text)?;
            match administrative_status(t.status) {
                Some(s) => leaf(w, typed("termNote", "administrativeStatus"), s)?,
                None => leaf(w, typed("termNote", "processStatus"), PROVISIONAL)?,
            }
            close(w, "termSec")?;
        }
        close(w, "langSec")?;
    }
    close(w, "conceptEntry")
}

fn typed(name: &'static str, kind: &'static str) -> BytesStart<'static> {
    BytesStart::new(name).with_attributes([("type", kind)])
}

fn open(w: &mut Out, name: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))
}

fn close(w: &mut Out, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// An element holding only text. A carriage return is written as a
/// character reference: a parser turns a literal one into a line feed, and
/// the curators' text must come back byte for byte.
fn leaf(w: &mut Out, start: BytesStart<'_>, text: &str) -> std::io::Result<()> {
    let end = start.to_end().into_owned();
    w.write_event(Event::Start(start))?;
    let escaped = escape(text).replace('\r', "&#13;");
    w.write_event(Event::Text(BytesText::from_escaped(escaped)))?;
    w.write_event(Event::End(end))
}

// ---------------------------------------------------------------- import

/// What the reader hands the structure parser: XML with the noise
/// (comments, processing instructions, namespaces) taken out.
enum Token {
    Start(Element),
    End,
    Text(String),
    Eof,
}

struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    /// Where it starts, for errors: the line is only counted for one.
    position: u64,
}

impl Element {
    fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

struct Parser<'a> {
    xml: &'a str,
    reader: NsReader<&'a [u8]>,
}

/// Reads a TBX-Basic file as [`export`] writes it (with or without the TBX
/// namespace). The drafts are not checked: the caller runs
/// [`check`](super::concept::check) on each, to report problems by field.
pub fn import(xml: &str) -> Result<Vec<ConceptDraft>, TbxError> {
    if xml.len() > MAX_TBX_BYTES {
        return Err(TbxError::TooLarge);
    }
    let mut reader = NsReader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = true;
    config.check_comments = true;
    let mut p = Parser { xml, reader };
    p.document()
}

impl<'a> Parser<'a> {
    fn line_at(&self, position: u64) -> usize {
        let end = usize::try_from(position)
            .unwrap_or(usize::MAX)
            .min(self.xml.len());
        let before = self.xml.as_bytes().get(..end).unwrap_or_default();
        1 + before.iter().filter(|b| **b == b'\n').count()
    }

    fn malformed(&self, position: u64, message: impl Into<String>) -> TbxError {
        TbxError::Malformed {
            line: self.line_at(position),
            message: message.into(),
        }
    }

    fn here(&self, message: impl Into<String>) -> TbxError {
        self.malformed(self.reader.buffer_position(), message)
    }

    fn next(&mut self) -> Result<Token, TbxError> {
        loop {
            let at = self.reader.buffer_position();
            let event = match self.reader.read_resolved_event() {
                Ok((ns, event)) => {
                    let known = match ns {
                        ResolveResult::Unbound => true,
                        ResolveResult::Bound(n) => n.as_ref() == TBX_NAMESPACE.as_bytes(),
                        ResolveResult::Unknown(_) => false,
                    };
                    if !known && matches!(event, Event::Start(_)) {
                        return Err(self.malformed(at, "an element outside the TBX namespace"));
                    }
                    event
                }
                Err(e) => {
                    return Err(self.malformed(self.reader.error_position(), e.to_string()));
                }
            };
            match event {
                Event::Start(e) => return self.element(&e, at).map(Token::Start),
                Event::End(_) => return Ok(Token::End),
                Event::Text(t) => {
                    let text = t
                        .xml10_content()
                        .map_err(|e| self.malformed(at, e.to_string()))?;
                    return Ok(Token::Text(text.into_owned()));
                }
                Event::CData(t) => {
                    let text = t
                        .xml10_content()
                        .map_err(|e| self.malformed(at, e.to_string()))?;
                    return Ok(Token::Text(text.into_owned()));
                }
                Event::GeneralRef(r) => {
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => {
                            let name = String::from_utf8_lossy(&r);
                            match resolve_xml_entity(&name) {
                                Some(s) => s.to_owned(),
                                None => {
                                    return Err(
                                        self.malformed(at, format!("unknown entity &{name};"))
                                    )
                                }
                            }
                        }
                        Err(e) => return Err(self.malformed(at, e.to_string())),
                    };
                    return Ok(Token::Text(text));
                }
                Event::DocType(_) => {
                    return Err(self.malformed(
                        at,
                        "a DOCTYPE is not accepted: TBX-Basic needs no DTD or entities",
                    ))
                }
                Event::Eof => return Ok(Token::Eof),
                // The XML declaration, the xml-model instruction, comments.
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::Empty(_) => {}
            }
        }
    }

    fn element(&self, e: &BytesStart<'_>, at: u64) -> Result<Element, TbxError> {
        let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
        let mut attributes = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|err| self.malformed(at, err.to_string()))?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| self.malformed(at, err.to_string()))?
                .into_owned();
            attributes.push((key, value));
        }
        Ok(Element {
            name,
            attributes,
            position: at,
        })
    }

    /// The next child element of the one being read, or `None` at its end;
    /// text between elements may only be the indentation.
    fn child(&mut self, parent: &str) -> Result<Option<Element>, TbxError> {
        loop {
            match self.next()? {
                Token::Start(e) => return Ok(Some(e)),
                Token::End => return Ok(None),
                Token::Text(t) if blank(&t) => {}
                Token::Text(_) => return Err(self.here(format!("text directly inside <{parent}>"))),
                Token::Eof => return Err(self.here(format!("the file ends inside <{parent}>"))),
            }
        }
    }

    /// The text of an element that holds nothing else.
    fn text(&mut self, element: &Element) -> Result<String, TbxError> {
        let mut text = String::new();
        loop {
            match self.next()? {
                Token::Text(t) => text.push_str(&t),
                Token::End => return Ok(text),
                Token::Start(e) => {
                    return Err(self.malformed(
                        e.position,
                        format!("<{}> inside <{}>", e.name, element.name),
                    ))
                }
                Token::Eof => {
                    return Err(self.here(format!("the file ends inside <{}>", element.name)))
                }
            }
        }
    }

    /// Skips an element whose content pocdir does not read (the header).
    fn skip(&mut self, element: &Element) -> Result<(), TbxError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Token::Start(_) => depth += 1,
                Token::End => depth -= 1,
                Token::Text(_) => {}
                Token::Eof => {
                    return Err(self.here(format!("the file ends inside <{}>", element.name)))
                }
            }
        }
        Ok(())
    }

    fn unexpected(&self, e: &Element, parent: &Element) -> TbxError {
        let kind = e
            .attribute("type")
            .map(|t| format!(" type=\"{t}\""))
            .unwrap_or_default();
        let message = format!("<{}{kind}> is not expected in <{}>", e.name, parent.name);
        self.malformed(e.position, message)
    }

    fn document(&mut self) -> Result<Vec<ConceptDraft>, TbxError> {
        let root = loop {
            match self.next()? {
                Token::Start(e) if e.name == "tbx" => break e,
                Token::Text(t) if blank(&t) => {}
                Token::Start(_) | Token::Eof => return Err(TbxError::NotTbx),
                Token::Text(_) | Token::End => {
                    return Err(self.here("text before the root element"))
                }
            }
        };
        let mut concepts = None;
        while let Some(e) = self.child(&root.name)? {
            match e.name.as_str() {
                "tbxHeader" => self.skip(&e)?,
                "text" if concepts.is_none() => concepts = Some(self.text_element(&e)?),
                _ => return Err(self.unexpected(&e, &root)),
            }
        }
        loop {
            match self.next()? {
                Token::Eof => break,
                Token::Text(t) if blank(&t) => {}
                _ => return Err(self.here("content after </tbx>")),
            }
        }
        concepts.ok_or_else(|| self.malformed(root.position, "no <text> in <tbx>"))
    }

    fn text_element(&mut self, text: &Element) -> Result<Vec<ConceptDraft>, TbxError> {
        let mut concepts = None;
        while let Some(e) = self.child(&text.name)? {
            match e.name.as_str() {
                "body" if concepts.is_none() => concepts = Some(self.body(&e)?),
                "back" => self.skip(&e)?,
                _ => return Err(self.unexpected(&e, text)),
            }
        }
        concepts.ok_or_else(|| self.malformed(text.position, "no <body> in <text>"))
    }

    fn body(&mut self, body: &Element) -> Result<Vec<ConceptDraft>, TbxError> {
        let mut concepts = Vec::new();
        while let Some(e) = self.child(&body.name)? {
            if e.name != "conceptEntry" {
                return Err(self.unexpected(&e, body));
            }
            if concepts.len() >= MAX_CONCEPTS {
                return Err(TbxError::TooLarge);
            }
            concepts.push(self.concept(&e)?);
        }
        Ok(concepts)
    }

    fn concept(&mut self, entry: &Element) -> Result<ConceptDraft, TbxError> {
        let id = entry
            .attribute("id")
            .ok_or_else(|| self.malformed(entry.position, "a <conceptEntry> without an id"))?;
        let mut draft = ConceptDraft {
            id: id.to_owned(),
            ..ConceptDraft::default()
        };
        let mut domain = None;
        while let Some(e) = self.child(&entry.name)? {
            match (e.name.as_str(), e.attribute("type")) {
                ("descrip", Some("subjectField")) if domain.is_none() => {
                    domain = Some(self.text(&e)?);
                }
                ("ref", Some("crossReference")) => {
                    let text = self.text(&e)?;
                    let target = e.attribute("target").map_or(text, str::to_owned);
                    draft.related.push(target);
                }
                ("langSec", _) => {
                    let section = self.language(&e)?;
                    draft.languages.push(section);
                }
                _ => return Err(self.unexpected(&e, entry)),
            }
        }
        draft.domain = domain.unwrap_or_default();
        Ok(draft)
    }

    fn language(&mut self, section: &Element) -> Result<LanguageDraft, TbxError> {
        let lang = section
            .attribute("xml:lang")
            .ok_or_else(|| self.malformed(section.position, "a <langSec> without xml:lang"))?;
        let mut draft = LanguageDraft {
            lang: lang.to_owned(),
            ..LanguageDraft::default()
        };
        let (mut definition, mut source, mut note) = (None, None, None);
        while let Some(e) = self.child(&section.name)? {
            match (e.name.as_str(), e.attribute("type")) {
                ("descripGrp", _) => {
                    while let Some(inner) = self.child(&e.name)? {
                        self.definition_or_source(&inner, &e, &mut definition, &mut source)?;
                    }
                }
                ("descrip", _) | ("admin", _) => {
                    self.definition_or_source(&e, section, &mut definition, &mut source)?;
                }
                ("note", _) if note.is_none() => note = Some(self.text(&e)?),
                ("termSec", _) => {
                    let term = self.term(&e)?;
                    draft.terms.push(term);
                }
                _ => return Err(self.unexpected(&e, section)),
            }
        }
        draft.definition = definition.unwrap_or_default();
        draft.source = source.unwrap_or_default();
        draft.note = note.unwrap_or_default();
        Ok(draft)
    }

    fn definition_or_source(
        &mut self,
        e: &Element,
        parent: &Element,
        definition: &mut Option<String>,
        source: &mut Option<String>,
    ) -> Result<(), TbxError> {
        let slot = match (e.name.as_str(), e.attribute("type")) {
            ("descrip", Some("definition")) => definition,
            ("admin", Some("source")) => source,
            _ => return Err(self.unexpected(e, parent)),
        };
        if slot.is_some() {
            return Err(self.unexpected(e, parent));
        }
        *slot = Some(self.text(e)?);
        Ok(())
    }

    fn term(&mut self, section: &Element) -> Result<TermDraft, TbxError> {
        let mut text = None;
        let mut administrative = None;
        let mut provisional = false;
        while let Some(e) = self.child(&section.name)? {
            match (e.name.as_str(), e.attribute("type")) {
                ("term", _) if text.is_none() => text = Some(self.text(&e)?),
                ("termNote", Some("administrativeStatus")) if administrative.is_none() => {
                    let value = self.text(&e)?;
                    let status = status_of(value.trim()).ok_or_else(|| {
                        self.malformed(
                            e.position,
                            format!("unknown administrative status {value:?}"),
                        )
                    })?;
                    administrative = Some(status);
                }
                ("termNote", Some("processStatus")) if !provisional => {
                    let value = self.text(&e)?;
                    if value.trim() != PROVISIONAL {
                        return Err(
                            self.malformed(e.position, format!("unknown process status {value:?}"))
                        );
                    }
                    provisional = true;
                }
                _ => return Err(self.unexpected(&e, section)),
            }
        }
        let text =
            text.ok_or_else(|| self.malformed(section.position, "a <termSec> without a <term>"))?;
        // A term with no status at all is only put forward, as the least
        // standing it can have.
        let status = administrative.unwrap_or(TermStatus::Proposed);
        Ok(TermDraft {
            text,
            status: status.as_str().to_owned(),
        })
    }
}

fn blank(text: &str) -> bool {
    text.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::concept::check;
    use proptest::prelude::*;

    fn language(
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

    fn concepts() -> Vec<Concept> {
        let drafts = [
            ConceptDraft {
                id: "ict-incident".into(),
                domain: "incident_response".into(),
                related: vec!["point-of-contact".into(), "csirt".into()],
                languages: vec![
                    language(
                        "en",
                        "An event \"affecting\" ICT & data.\n\nSecond paragraph;\tindented.",
                        "A/75/816, para. 7 & 'annex'",
                        "Line one\nline two\n\nafter a blank line",
                        &[
                            ("ICT incident", "preferred"),
                            ("cyber incident", "admitted"),
                            ("computer accident", "deprecated"),
                            ("information security event", "obsolete"),
                            ("ICT security incident", "proposed"),
                        ],
                    ),
                    language(
                        "ar",
                        "حادث يؤثر في تكنولوجيا المعلومات والاتصالات.",
                        "",
                        "",
                        &[("حادث تكنولوجيا المعلومات والاتصالات", "proposed")],
                    ),
                    language("zh", "", "", "", &[("信通技术事件", "preferred")]),
                ],
            },
            ConceptDraft {
                id: "csirt".into(),
                domain: "technical".into(),
                related: vec![],
                languages: vec![language(
                    "fr",
                    "",
                    "",
                    "Sans définition.",
                    &[("équipe d'intervention « CSIRT »", "preferred")],
                )],
            },
        ];
        drafts.iter().map(|d| check(d).unwrap()).collect()
    }

    fn round_trip(concepts: &[Concept]) -> Vec<Concept> {
        import(&export(concepts))
            .unwrap()
            .iter()
            .map(|d| check(d).unwrap())
            .collect()
    }

    #[test]
    fn export_then_import_gives_the_same_concepts() {
        let concepts = concepts();
        assert!(concepts[0].languages[0].note.contains("\n\n"));
        assert_eq!(round_trip(&concepts), concepts);
    }

    #[test]
    fn the_export_is_tbx_basic_and_deterministic() {
        let concepts = concepts();
        let xml = export(&concepts);
        assert_eq!(xml, export(&concepts));
        assert!(xml.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\""
        ));
        assert!(xml.contains(
            "<tbx style=\"dca\" type=\"TBX-Basic\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
        ));
        assert!(xml.contains("\n  <tbxHeader>\n"));
        assert!(xml.contains("<p>pocdir common lexicon</p>"));
        assert!(xml.contains(
            "\n      <conceptEntry id=\"ict-incident\">\n        <descrip type=\"subjectField\">incident_response</descrip>\n        <ref type=\"crossReference\" target=\"csirt\">csirt</ref>\n"
        ));
        assert!(xml.contains(
            "<termSec>\n            <term>ICT incident</term>\n            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>\n          </termSec>"
        ));
        assert!(xml.contains(
            "<termNote type=\"administrativeStatus\">supersededTerm-admn-sts</termNote>"
        ));
        assert!(xml.contains("<termNote type=\"processStatus\">provisionallyProcessed</termNote>"));
        assert!(xml.contains("ICT &amp; data"));
        assert!(xml.contains("Line one\nline two\n\nafter a blank line"));
        // The concept without definition or source has no descripGrp.
        let csirt = xml.split("<conceptEntry id=\"csirt\">").nth(1).unwrap();
        assert!(!csirt.contains("descripGrp"));
        assert!(csirt.contains("<note>Sans définition.</note>"));
        assert!(xml.ends_with("</tbx>\n"));
        assert_eq!(export(&[]).matches("<body>").count(), 1);
    }

    #[test]
    fn a_file_without_the_namespace_or_with_a_prefix_is_read() {
        let plain = export(&concepts()).replace(" xmlns=\"urn:iso:std:iso:30042:ed-2\"", "");
        assert_eq!(import(&plain).unwrap().len(), 2);
        let prefixed = "<t:tbx xmlns:t=\"urn:iso:std:iso:30042:ed-2\"><t:text><t:body>\
            <t:conceptEntry id=\"a\"><t:langSec xml:lang=\"en\"><t:termSec><t:term>A</t:term>\
            </t:termSec></t:langSec></t:conceptEntry></t:body></t:text></t:tbx>";
        let drafts = import(prefixed).unwrap();
        assert_eq!(drafts[0].languages[0].terms[0].text, "A");
        // A term without status is only proposed.
        assert_eq!(drafts[0].languages[0].terms[0].status, "proposed");
        let other = prefixed.replace("urn:iso:std:iso:30042:ed-2", "urn:other");
        assert!(matches!(
            import(&other),
            Err(TbxError::NotTbx | TbxError::Malformed { .. })
        ));
    }

    fn line_of(result: Result<Vec<ConceptDraft>, TbxError>) -> usize {
        match result {
            Err(TbxError::Malformed { line, .. }) => line,
            other => panic!("expected Malformed, got {other:?}"),
        }
    }

    #[test]
    fn malformed_files_are_refused_with_their_line() {
        let good = export(&concepts());
        // Truncated anywhere.
        for cut in [10, good.len() / 3, good.len() / 2, good.len() - 8] {
            assert!(
                import(&good[..good.floor_char_boundary(cut)]).is_err(),
                "cut at {cut}"
            );
        }
        // Wrong root, empty input.
        assert!(matches!(
            import("<martif><text/></martif>"),
            Err(TbxError::NotTbx)
        ));
        assert!(matches!(import(""), Err(TbxError::NotTbx)));
        assert!(matches!(import("   "), Err(TbxError::NotTbx)));
        // An unknown status, on its line.
        let bad = good.replacen("admittedTerm-admn-sts", "recommendedTerm-admn-sts", 1);
        let expected = 1 + good[..good.find("admittedTerm-admn-sts").unwrap()]
            .matches('\n')
            .count();
        assert_eq!(line_of(import(&bad)), expected);
        let bad = good.replacen("provisionallyProcessed", "finalized", 1);
        assert!(import(&bad).is_err());
        // Bad nesting: a term outside its termSec, tags crossed.
        let bad = good.replacen("<termSec>", "<term>x</term><termSec>", 1);
        let message = format!("{:?}", import(&bad));
        assert!(
            message.contains("<term> is not expected in <langSec>"),
            "{message}"
        );
        assert!(import(&good.replacen("</term>", "</termSec></term>", 1)).is_err());
        assert!(import(&good.replacen("<term>", "<term><b>", 1)).is_err());
        // Unknown elements and types.
        assert!(import(&good.replacen(
            "<termSec>",
            "<termSec><termNote type=\"partOfSpeech\">noun</termNote>",
            1
        ))
        .is_err());
        assert!(import(
            &good
                .replacen("<note>", "<xref>", 1)
                .replacen("</note>", "</xref>", 1)
        )
        .is_err());
        assert!(import(&good.replacen(
            "<descrip type=\"subjectField\">",
            "<descrip type=\"subjectField\">norms</descrip><descrip type=\"subjectField\">",
            1
        ))
        .is_err());
        // Text where only elements go, a second root, an unknown entity.
        assert!(import(&good.replacen("<body>", "<body>stray", 1)).is_err());
        assert!(import(&format!("{good}<tbx/>")).is_err());
        assert!(import(&good.replacen("ICT incident", "ICT &nbsp; incident", 1)).is_err());
        // A missing id or language.
        assert!(import(&good.replacen(" id=\"csirt\"", "", 1)).is_err());
        assert!(import(&good.replacen(" xml:lang=\"zh\"", "", 1)).is_err());
    }

    #[test]
    fn a_doctype_is_refused() {
        let xml =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n\
            <tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec>\
            <term>&x;</term></termSec></langSec></conceptEntry></body></text></tbx>";
        match import(xml) {
            Err(TbxError::Malformed { line, message }) => {
                assert_eq!(line, 2);
                assert!(message.contains("DOCTYPE"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn too_large_is_refused() {
        let big = " ".repeat(MAX_TBX_BYTES + 1);
        assert!(matches!(import(&big), Err(TbxError::TooLarge)));
        let entry = "<conceptEntry id=\"a\"/>";
        let many = format!(
            "<tbx><text><body>{}</body></text></tbx>",
            entry.repeat(MAX_CONCEPTS + 1)
        );
        assert!(matches!(import(&many), Err(TbxError::TooLarge)));
    }

    fn text(max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                8 => "[^\\p{Cc}<>]",
                1 => Just("\n".to_owned()),
                1 => Just("\t".to_owned()),
                1 => Just("\r\n".to_owned()),
                1 => Just("&".to_owned()),
            ],
            0..max,
        )
        .prop_map(|parts| parts.concat().trim().to_owned())
    }

    fn one_line(max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec("[^\\p{Cc}<>]", 0..max).prop_map(|p| p.concat().trim().to_owned())
    }

    fn status() -> impl Strategy<Value = String> {
        proptest::sample::select(TermStatus::ALL.map(|s| s.as_str().to_owned()).to_vec())
    }

    fn language_draft() -> impl Strategy<Value = LanguageDraft> {
        (
            proptest::sample::select(crate::lexicon::concept::LANGUAGES.to_vec()),
            text(40),
            one_line(20),
            text(30),
            proptest::collection::vec((one_line(15), status()), 1..5),
        )
            .prop_map(|(lang, definition, source, note, terms)| {
                let mut seen: Vec<String> = Vec::new();
                let terms = terms
                    .into_iter()
                    .filter(|(t, _)| !t.is_empty())
                    .filter(|(t, _)| {
                        let fresh = !seen.contains(t);
                        seen.push(t.clone());
                        fresh
                    })
                    .map(|(text, status)| TermDraft { text, status })
                    .collect();
                LanguageDraft {
                    lang: lang.to_owned(),
                    definition,
                    source,
                    note,
                    terms,
                }
            })
    }

    fn concept_draft() -> impl Strategy<Value = ConceptDraft> {
        (
            "[a-z][a-z0-9]{0,10}",
            proptest::sample::select(crate::lexicon::concept::LexiconDomain::ALL.to_vec()),
            proptest::collection::vec("[a-z][a-z0-9]{0,10}", 0..4),
            proptest::collection::vec(language_draft(), 1..4),
        )
            .prop_map(|(id, domain, related, languages)| {
                let mut seen: Vec<String> = Vec::new();
                let languages = languages
                    .into_iter()
                    .filter(|l| !l.terms.is_empty())
                    .filter(|l| {
                        let fresh = !seen.contains(&l.lang);
                        seen.push(l.lang.clone());
                        fresh
                    })
                    .collect();
                let related = related.into_iter().filter(|r| *r != id).collect();
                ConceptDraft {
                    id,
                    domain: domain.as_str().to_owned(),
                    related,
                    languages,
                }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn the_round_trip_is_the_identity(drafts in proptest::collection::vec(concept_draft(), 0..4)) {
            let concepts: Vec<Concept> = drafts.iter().filter_map(|d| check(d).ok()).collect();
            prop_assert_eq!(round_trip(&concepts), concepts);
        }

        #[test]
        fn import_never_panics_on_any_text(s in "\\PC{0,200}") {
            let _ = import(&s);
        }

        #[test]
        fn import_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = import(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn import_never_panics_on_a_damaged_file(cut in 0usize..2000, at in 0usize..2000, junk in "[<>&/a-z\"=;# ]{0,6}") {
            let good = export(&concepts());
            let at = good.floor_char_boundary(at.min(good.len()));
            let mut damaged = good.clone();
            damaged.insert_str(at, &junk);
            let cut = damaged.floor_char_boundary(cut * 3);
            let _ = import(&damaged[..cut]);
            let _ = import(&damaged);
        }
    }
}
