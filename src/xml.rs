//! XML answers: a small element tree from quick-xml's event reader, then a shape-driven
//! walk into `Value`s. Text rules follow the AWS SDK for JavaScript (fast-xml-parser as
//! `@aws-sdk/core` configures it), since its objects are the ones we must equal.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::operation::Shape;
use crate::time::parse_rfc3339;
use crate::text;
use crate::value::Value;

/// How a timestamp failure starts (the SDK throws a `TypeError` for it).
pub const BAD_TIMESTAMP: &str = "Invalid RFC3339 timestamp";

/// Deeper documents are refused: CloudFront's answers nest about five levels.
const MAX_DEPTH: usize = 64;

/// JavaScript's `trim()` whitespace, which differs from Rust's at U+0085 and U+FEFF.
fn js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

#[derive(Debug, Default)]
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
    let numeric = |digits: &str, radix: u32, max_len: usize| {
        let ok = !digits.is_empty() && digits.len() <= max_len && digits.chars().all(|c| c.is_digit(radix));
        ok.then(|| u32::from_str_radix(digits, radix).ok()).flatten()
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

/// The attributes of a start tag from the text after its name: `name="value"` or
/// `name='value'`, each after whitespace, as quick-xml's own iterator reads them. Parsed
/// here because that iterator links a hash set (its duplicate check) into the wasm even
/// when the check is off; the SDK keeps duplicates' last value anyway.
fn attributes(raw: &str) -> Option<Vec<(String, String)>> {
    let space = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    let mut out = Vec::new();
    let mut rest = raw;
    loop {
        let trimmed = rest.trim_start_matches(space);
        if trimmed.is_empty() {
            return Some(out);
        }
        if trimmed.len() == rest.len() {
            return None; // no whitespace before the next attribute
        }
        let (key, after) = trimmed.split_at(trimmed.find(|c| space(c) || c == '=').filter(|&at| at > 0)?);
        let after = after.trim_start_matches(space).strip_prefix('=')?.trim_start_matches(space);
        let quote = after.chars().next().filter(|&q| q == '"' || q == '\'')?;
        let (value, tail) = after.get(1..)?.split_once(quote)?;
        out.push((key.to_owned(), decode_references(value)));
        rest = tail;
    }
}

fn open(start: &quick_xml::events::BytesStart<'_>) -> Result<Element, String> {
    // quick-xml's own error texts are not shown: their Display code and strings would cost
    // kilobytes of wasm for a message nobody acts on; the byte position locates the fault.
    let attributes = attributes(start.attributes_raw()).ok_or_else(|| "a malformed attribute".to_owned())?;
    Ok(Element { name: start.name().as_ref().to_owned(), attributes, ..Element::default() })
}

/// Parses a whole document into its root element; `Ok(None)` for an empty body.
pub fn parse_document(body: &str) -> Result<Option<Element>, String> {
    let mut reader = Reader::from_str(body);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.allow_dangling_amp = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let malformed = |reader: &Reader<&[u8]>, what: &str| {
        ["malformed XML at byte ", &text::decimal(reader.buffer_position()), ": ", what].concat()
    };
    loop {
        let event = reader.read_event().map_err(|_| malformed(&reader, "not well-formed"))?;
        match event {
            Event::Start(start) | Event::Empty(start) if root.is_some() => {
                let _ = start;
                return Err(malformed(&reader, "more than one root element"));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(malformed(&reader, "elements nested too deeply"));
                }
                let element = open(&start).map_err(|e| malformed(&reader, &e))?;
                stack.push(element);
            }
            Event::Empty(start) => {
                let element = open(&start).map_err(|e| malformed(&reader, &e))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(malformed(&reader, "closing tag without an opening one"));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(text) => match stack.last_mut() {
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
                None => return Err(malformed(&reader, "reference outside the root element")),
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

/// Reads `element` as `shape`; `None` where the SDK leaves the member out.
fn read(element: &Element, shape: &Shape) -> Result<Option<Value>, String> {
    Ok(Some(match shape {
        Shape::String => {
            if !element.children.is_empty() {
                return Err([&element.name, " should hold text, not elements"].concat());
            }
            Value::Str(element.text().to_owned())
        }
        Shape::Integer => Value::Num(js_number(element.text())),
        Shape::Timestamp => Value::Timestamp(
            parse_rfc3339(element.text()).ok_or_else(|| [BAD_TIMESTAMP, " in ", &element.name].concat())?,
        ),
        Shape::Structure(members) => read_struct(element, members)?,
        Shape::List { member, item } => {
            if element.children.is_empty() {
                if !element.text.trim().is_empty() {
                    return Ok(None);
                }
                return Ok(Some(Value::List(Vec::new())));
            }
            let mut items = Vec::new();
            for child in element.children.iter().filter(|c| c.name == *member) {
                if let Some(v) = read(child, item)? {
                    items.push(v);
                }
            }
            Value::List(items)
        }
    }))
}

fn read_struct(element: &Element, members: &[crate::operation::Member]) -> Result<Value, String> {
    let mut fields = Vec::new();
    for member in members {
        let scalar = matches!(member.shape, Shape::String | Shape::Integer | Shape::Timestamp);
        if scalar && element.children.iter().filter(|c| c.name == member.name).nth(1).is_some() {
            return Err([member.name, " appears more than once"].concat());
        }
        if let Some(child) = element.child(member.name) {
            if let Some(v) = read(child, member.shape)? {
                fields.push((member.name, v));
            }
        }
    }
    Ok(Value::Struct(fields))
}

/// JavaScript's `Number(text)`, which is how the SDK reads an XML integer.
pub fn js_number(text: &str) -> f64 {
    let t = text.trim_matches(js_space);
    if t.is_empty() {
        return 0.0;
    }
    let radix = |prefix: [&str; 2], radix: u32| {
        prefix.iter().find_map(|p| t.strip_prefix(p)).map(|digits| {
            let ok = !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix));
            if !ok {
                return f64::NAN;
            }
            digits.chars().fold(0f64, |acc, c| acc * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0)))
        })
    };
    if let Some(v) = radix(["0x", "0X"], 16).or_else(|| radix(["0o", "0O"], 8)).or_else(|| radix(["0b", "0B"], 2)) {
        return v;
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    decimal(t).unwrap_or(f64::NAN)
}

/// `[+-]digits[.digits][e[+-]digits]` (either digit run may be empty, not both), computed
/// as mantissa × 10^exponent: exact for the integers CloudFront sends, and without the
/// kilobytes of wasm that correctly rounded float parsing costs.
fn decimal(t: &str) -> Option<f64> {
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, t.get(1..)?),
        Some(b'+') => (false, t.get(1..)?),
        _ => (false, t),
    };
    let (number, exponent) = match t.find(['e', 'E']) {
        Some(at) => (t.get(..at)?, t.get(at + 1..)?),
        None => (t, "0"),
    };
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let exp_digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    if exp_digits.is_empty() || !all_digits(exp_digits) {
        return None;
    }
    let mut scale: i64 = exp_digits.bytes().take(6).fold(0, |acc, b| acc * 10 + i64::from(b - b'0'));
    if exponent.starts_with('-') {
        scale = -scale;
    }
    let mut mantissa = 0f64;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa * 10.0 + f64::from(b - b'0');
    }
    scale -= i64::try_from(frac.len()).ok()?;
    let scale = i32::try_from(scale.clamp(-400, 400)).ok()?;
    let value = if scale >= 0 { mantissa * 10f64.powi(scale) } else { mantissa / 10f64.powi(-scale) };
    Some(if negative { -value } else { value })
}

/// An element read with no shape, as the SDK's generic XML parser does (error bodies):
/// a leaf becomes its text; otherwise attributes and children become keys, repeated
/// children arrays, and text beside them `#text`.
pub fn generic(element: &Element) -> Value {
    if element.attributes.is_empty() && element.children.is_empty() {
        return Value::Str(element.text().to_owned());
    }
    let mut map: Vec<(String, Value)> = element
        .attributes
        .iter()
        .map(|(k, v)| (k.clone(), Value::Str(v.clone())))
        .collect();
    for child in &element.children {
        // A child with text reads as its text, attributes or not, as in the SDK.
        let value = if child.children.is_empty() && !child.text.trim_matches(js_space).is_empty() {
            Value::Str(child.text().to_owned())
        } else {
            generic(child)
        };
        match map.iter_mut().find(|(k, _)| *k == child.name) {
            Some((_, Value::List(items))) => items.push(value),
            Some((_, existing)) => {
                let first = std::mem::replace(existing, Value::List(Vec::new()));
                *existing = Value::List(vec![first, value]);
            }
            None => map.push((child.name.clone(), value)),
        }
    }
    if !element.text.trim().is_empty() {
        map.push(("#text".to_owned(), Value::Str(element.text.clone())));
    }
    Value::Map(map)
}

/// Parses a success body as `shape`; `None` for an empty body (the SDK sets no member).
pub fn parse_payload(body: &str, shape: &Shape) -> Result<Option<Value>, String> {
    if body.is_empty() {
        return Ok(None);
    }
    match parse_document(body)? {
        None => Err("the document has no root element".to_owned()),
        Some(root) => read(&root, shape),
    }
}

/// An error answer's body read generically: the root element's content, or `None` when
/// the body is empty or not XML (an HTML page from a proxy often is XML enough).
pub fn parse_error_body(body: &str) -> Option<Vec<(String, Value)>> {
    match generic(&parse_document(body).ok()??) {
        Value::Map(fields) => Some(fields),
        _ => Some(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::CONNECTION_FUNCTION_SUMMARY;

    #[test]
    fn entities_cdata_and_whitespace() {
        let v = parse_payload(
            "<R><Name>a &lt;b&gt; &amp; &#233;&#x2603;&#160;&bogus;&#x1F600;<![CDATA[<x>]]> & b</Name><Id>\n  \n</Id><Status>  x </Status></R>",
            &CONNECTION_FUNCTION_SUMMARY,
        )
        .unwrap()
        .unwrap();
        assert_eq!(v.get("Name").and_then(Value::as_str), Some("a <b> & é☃\u{a0}\u{F600}<x> & b"));
        assert_eq!(v.get("Id").and_then(Value::as_str), Some(""));
        assert_eq!(v.get("Status").and_then(Value::as_str), Some("  x "));
    }

    #[test]
    fn numbers_read_as_javascript_does() {
        for (t, want) in [("2", 2.0), ("-7", -7.0), (" 2 ", 2.0), ("1.5", 1.5), ("", 0.0), ("0x10", 16.0), ("1e3", 1000.0), ("99999999999", 99_999_999_999.0)] {
            assert_eq!(js_number(t), want, "{t:?}");
        }
        assert_eq!(js_number("-.5"), -0.5);
        assert_eq!(js_number("5."), 5.0);
        assert_eq!(js_number("1.25e2"), 125.0);
        for t in ["abc", "inf", "nan", "0x", "1 2", "Infinityx", ".", "e5", "1e", "--1"] {
            assert!(js_number(t).is_nan(), "{t:?}");
        }
    }

    #[test]
    fn malformed_documents_are_errors() {
        for doc in ["<a><b></a>", "<a>", "<a></a><b/>", "text", "<a></a>junk", "</a>"] {
            assert!(parse_document(doc).is_err(), "{doc}");
        }
        let deep = "<a>".repeat(100) + &"</a>".repeat(100);
        assert!(parse_document(&deep).is_err());
        assert!(parse_document("").unwrap().is_none());
        assert!(parse_document("<?xml version=\"1.0\"?>\n").unwrap().is_none());
    }

    #[test]
    fn attributes_as_quick_xml_reads_them() {
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<Vec<_>>();
        assert_eq!(attributes(""), Some(vec![]));
        assert_eq!(attributes(" "), Some(vec![]));
        assert_eq!(
            attributes(" a=\"1\"\tb = '2 &amp; \"x\"'\n c='' "),
            Some(pairs(&[("a", "1"), ("b", "2 & \"x\""), ("c", "")]))
        );
        assert_eq!(attributes(" a=\"1\" a=\"2\""), Some(pairs(&[("a", "1"), ("a", "2")])));
        for bad in [" a", " a=", " a=1", " a=\"1", " a=\"1\"b=\"2\"", " a='1\"", "a=\"1\"", " =\"1\""] {
            assert_eq!(attributes(bad), None, "{bad:?}");
        }
        let root = parse_document("<r><e a='1' b=\"2\"/><f c='3'></f></r>").unwrap().unwrap();
        let attrs: Vec<_> = root.children.iter().map(|c| c.attributes.clone()).collect();
        assert_eq!(attrs, [pairs(&[("a", "1"), ("b", "2")]), pairs(&[("c", "3")])]);
    }

    #[test]
    fn error_bodies_read_generically() {
        let s = |v: &str| Value::Str(v.to_owned());
        assert_eq!(parse_error_body("<Error><Code>X</Code></Error>"), Some(vec![("Code".to_owned(), s("X"))]));
        assert_eq!(
            parse_error_body("<html><body><h1>502 Bad Gateway</h1></body></html>"),
            Some(vec![("body".to_owned(), Value::Map(vec![("h1".to_owned(), s("502 Bad Gateway"))]))])
        );
        assert_eq!(
            parse_error_body(r#"<E xmlns="u"><A>1</A><A>2</A></E>"#),
            Some(vec![("xmlns".to_owned(), s("u")), ("A".to_owned(), Value::List(vec![s("1"), s("2")]))])
        );
        assert_eq!(parse_error_body(""), None);
        assert_eq!(parse_error_body("Service Unavailable"), None);
    }
}
