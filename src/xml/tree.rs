//! The element tree of an XML document, read with quick-xml's `Reader`: its events, its
//! attribute iterator and its entity events (`GeneralRef`), with the text rules of the AWS
//! SDK for JavaScript applied on top (tests/js/SDK-BEHAVIOUR.md §2): the SDK expands
//! references its own way (numeric ones through `String.fromCharCode`, unknown named ones to
//! nothing), which is not XML's way, so the expansion of a reference is ours.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Deeper documents are refused: CloudFront's answers nest about five levels.
const MAX_DEPTH: usize = 64;

/// JavaScript's `trim()` whitespace, which differs from Rust's at U+0085 and U+FEFF.
pub fn js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

#[derive(Debug, Default, PartialEq)]
pub struct Element {
    /// The qualified name as written (`x:Name` does not match `Name`, as in the SDK).
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The element's text as the SDK sees it: whitespace-only text spanning lines is "".
    pub fn text(&self) -> &str {
        if self.text.trim_matches(js_space).is_empty() && self.text.contains('\n') {
            ""
        } else {
            &self.text
        }
    }
}

/// `[A-Za-z][A-Za-z0-9]{0,30}`, the entity names the SDK's parser replaces.
fn valid_entity_name(name: &str) -> bool {
    name.len() <= 31
        && name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && name.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Appends the expansion of `&name;` as the SDK's XML parser does: the five XML entities,
/// numeric references through UTF-16 code units (`String.fromCharCode`), and nothing for any
/// other named entity.
fn push_reference(out: &mut String, name: &str) {
    // At most 7 decimal or 6 hex digits: the value fits a u32 with room to spare.
    let numeric = |digits: &str, radix: u32, max_len: usize| {
        if digits.is_empty() || digits.len() > max_len {
            return None;
        }
        digits.chars().try_fold(0u32, |acc, c| Some(acc * radix + c.to_digit(radix)?))
    };
    let code = match name.strip_prefix('#') {
        Some(num) => match num.strip_prefix('x') {
            Some(hex) => numeric(hex, 16, 6),
            None => numeric(num, 10, 7),
        },
        None if !valid_entity_name(name) => {
            // Not a reference the SDK's parser recognises: it stays as written.
            out.push('&');
            out.push_str(name);
            out.push(';');
            return;
        }
        None => {
            out.push_str(match name {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "apos" => "'",
                "quot" => "\"",
                _ => "",
            });
            return;
        }
    };
    match code {
        // fromCharCode keeps the low 16 bits; a lone surrogate cannot live in a Rust string.
        Some(c) => out.push(char::from_u32(c & 0xFFFF).unwrap_or('\u{FFFD}')),
        None => {
            out.push('&');
            out.push_str(name);
            out.push(';');
        }
    }
}

/// Expands every `&name;` in an attribute value (quick-xml reports them only in text).
fn decode_references(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        match after.find(';').filter(|&end| end > 0 && end <= 32) {
            Some(end) => {
                push_reference(&mut out, after.get(..end).unwrap_or(""));
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// An element opened by `start`: its name as written and its attributes through quick-xml's
/// iterator (duplicates kept, as the SDK keeps the last value), references expanded as the
/// SDK expands them.
fn open(start: &BytesStart<'_>) -> Option<Element> {
    let mut attributes = Vec::new();
    // Without the duplicate check: the SDK accepts duplicates.
    for attr in start.attributes().with_checks(false) {
        let attr = attr.ok()?;
        attributes.push((attr.key.as_ref().to_owned(), decode_references(&attr.value)));
    }
    let name = start.name().as_ref().to_owned();
    Some(Element { name, attributes, ..Element::default() })
}

/// Parses a whole document into its root element; `Ok(None)` for an empty body.
pub fn parse_document(body: &str) -> Result<Option<Element>, String> {
    let mut reader = Reader::from_str(body);
    let config = reader.config_mut();
    config.check_end_names = true;
    // A lone `&` stays text, as in the SDK's parser.
    config.allow_dangling_amp = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let malformed =
        |reader: &Reader<&[u8]>, what: &str| format!("malformed XML at byte {}: {what}", reader.buffer_position());
    loop {
        let event = reader.read_event().map_err(|_| malformed(&reader, "not well-formed"))?;
        match event {
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(malformed(&reader, "more than one root element"));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(malformed(&reader, "elements nested too deeply"));
                }
                stack.push(open(&start).ok_or_else(|| malformed(&reader, "a malformed attribute"))?);
            }
            Event::Empty(start) => {
                let element = open(&start).ok_or_else(|| malformed(&reader, "a malformed attribute"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                // quick-xml has checked the name (`check_end_names`).
                let Some(done) = stack.pop() else {
                    return Err(malformed(&reader, "a closing tag without an opening one"));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(text) => match stack.last_mut() {
                // XML 1.0 line ends: `\r\n` and a lone `\r` become `\n`.
                Some(open) => open.text.push_str(&text.xml10_content()),
                None if text.trim().is_empty() => {}
                None => return Err(malformed(&reader, "text outside the root element")),
            },
            Event::CData(data) => match stack.last_mut() {
                Some(open) => open.text.push_str(&data.xml10_content()),
                None => return Err(malformed(&reader, "CDATA outside the root element")),
            },
            Event::GeneralRef(reference) => match stack.last_mut() {
                Some(open) => push_reference(&mut open.text, &reference),
                None => return Err(malformed(&reader, "a reference outside the root element")),
            },
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(malformed(&reader, "the document ends inside an element"));
    }
    Ok(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    fn root(doc: &str) -> Element {
        parse_document(doc).unwrap().unwrap()
    }

    #[test]
    fn attributes_through_quick_xml() {
        assert_eq!(root("<a/>").attributes, pairs(&[]));
        assert_eq!(
            root("<e a=\"1\"\tb = '2 &amp; \"x\"'\n c='' />").attributes,
            pairs(&[("a", "1"), ("b", "2 & \"x\""), ("c", "")])
        );
        // Duplicates kept (the SDK keeps the last); adjacent attributes read.
        assert_eq!(root("<e a=\"1\" a=\"2\"/>").attributes, pairs(&[("a", "1"), ("a", "2")]));
        assert_eq!(root("<e a=\"1\"b='2'/>").attributes, pairs(&[("a", "1"), ("b", "2")]));
        // References in values as the SDK expands them, a `>` inside quotes is not the tag's end.
        assert_eq!(root("<e a=\"&lt;&#x26;&bogus;&#x1F600;\" b='>'/>").attributes, pairs(&[("a", "<&\u{F600}"), ("b", ">")]));
        for bad in ["<e a/>", "<e a=/>", "<e a=1/>", "<e a=\"1/>", "<e a='1\"/>"] {
            assert!(parse_document(bad).is_err(), "{bad:?}");
        }
        let r = root("<r><e a='1' b=\"2\"/><f c='3'></f></r>");
        let attrs: Vec<_> = r.children.iter().map(|c| c.attributes.clone()).collect();
        assert_eq!(attrs, [pairs(&[("a", "1"), ("b", "2")]), pairs(&[("c", "3")])]);
    }

    #[test]
    fn text_rules_of_the_sdk() {
        let text = |doc: &str| root(doc).text;
        assert_eq!(text("<a>&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;&bogus;</a>"), "&<>\"'AB\u{F600}");
        assert_eq!(text("<a>a & b &amp c</a>"), "a & b &amp c");
        assert_eq!(text("<a>\r\n\r\rx\n\r</a>"), "\n\n\nx\n\n");
        assert_eq!(text("<a><![CDATA[<x>&amp;\r\n]]>y</a>"), "<x>&amp;\ny");
        assert_eq!(text("<a>x<!-- c -->y<?pi z?></a>"), "xy");
        assert_eq!(root("\u{feff}<?xml version=\"1.0\"?><!DOCTYPE a><a/>").name, "a");
        assert_eq!(root("<x:a xmlns:x=\"u\"/>").name, "x:a");
        assert_eq!(root("<a>\n  </a>").text(), "");
        assert_eq!(root("<a>  </a>").text(), "  ");
    }

    #[test]
    fn malformed_documents_are_errors() {
        for doc in ["<a><b></a>", "<a>", "<a></a><b/>", "text", "<a></a>junk", "</a>", "<a/>&amp;", "<", "<a"] {
            assert!(parse_document(doc).is_err(), "{doc}");
        }
        assert!(parse_document("").unwrap().is_none());
        assert!(parse_document("<?xml version=\"1.0\"?>\n").unwrap().is_none());
        assert!(parse_document("<a/>  \n<!-- after -->").unwrap().is_some());
    }

    #[test]
    fn nesting_is_limited_to_64_levels() {
        let nested = |n: usize| "<a>".repeat(n) + &"</a>".repeat(n);
        assert!(parse_document(&nested(MAX_DEPTH)).is_ok());
        let err = parse_document(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert!(err.contains("nested too deeply"), "{err}");
        // An empty element at the limit opens no level.
        assert!(parse_document(&("<a>".repeat(MAX_DEPTH) + "<b/>" + &"</a>".repeat(MAX_DEPTH))).is_ok());
    }
}
