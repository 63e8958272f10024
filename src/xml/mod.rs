//! XML answers: a small element tree (`tree`), then a shape-driven walk into `Value`s. Text rules follow the AWS SDK for JavaScript (fast-xml-parser as
//! `@aws-sdk/core` configures it), since its objects are the ones we must equal.

mod tree;

pub use tree::{parse_document, Element};

use crate::operation::Shape;
use crate::time::parse_rfc3339;
use crate::value::Value;
use tree::js_space;

/// How a timestamp failure starts (the SDK throws a `TypeError` for it).
pub const BAD_TIMESTAMP: &str = "Invalid RFC3339 timestamp";

/// The shapes read from an element's text.
fn is_scalar(shape: &Shape) -> bool {
    !matches!(shape, Shape::Structure(..) | Shape::List { .. })
}

/// Reads `element` as `shape`; `None` where the SDK leaves the member out.
fn read(element: &Element, shape: &Shape) -> Result<Option<Value>, String> {
    if is_scalar(shape) && !element.children.is_empty() {
        // The SDK's deserializer has no reading of an element object as a scalar.
        return Err(format!("{} should hold text, not elements", element.name));
    }
    Ok(Some(match shape {
        Shape::String | Shape::Enum(_) | Shape::Text(_) => Value::Str(element.text().to_owned()),
        Shape::Integer => Value::Number(element.text().to_owned()),
        // `text.toLowerCase() === "true"`, as the SDK reads booleans.
        Shape::Boolean => Value::Bool(element.text().eq_ignore_ascii_case("true")),
        Shape::Timestamp => Value::Timestamp(
            parse_rfc3339(element.text()).ok_or_else(|| format!("{BAD_TIMESTAMP} in {}", element.name))?,
        ),
        // No answer of these operations has a blob inside XML (Get's code is the whole body).
        Shape::Blob { .. } => return Err(format!("{} is a blob, which no XML answer holds", element.name)),
        Shape::Structure(_, members) => read_struct(element, members)?,
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
        if is_scalar(member.shape) && element.children.iter().filter(|c| c.name == member.name).nth(1).is_some() {
            return Err(format!("{} appears more than once", member.name));
        }
        if let Some(child) = element.child(member.name) {
            if let Some(v) = read(child, member.shape)? {
                fields.push((member.name, v));
            }
        }
    }
    Ok(Value::Struct(fields))
}

/// An element read with no shape, as the SDK's generic XML parser does (error bodies):
/// a leaf becomes its text; otherwise text beside elements becomes `#text`, then children
/// become keys (repeated ones arrays), then attributes (replacing a same-named child's value
/// in its place) — the SDK's key order, which its error objects keep.
pub fn generic(element: &Element) -> Value {
    if element.attributes.is_empty() && element.children.is_empty() {
        return Value::Str(element.text().to_owned());
    }
    let mut map: Vec<(String, Value)> = Vec::new();
    if !element.text.trim().is_empty() {
        map.push(("#text".to_owned(), Value::Str(element.text.clone())));
    }
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
    for (k, v) in &element.attributes {
        match map.iter_mut().find(|(existing, _)| existing == k) {
            Some(slot) => slot.1 = Value::Str(v.clone()),
            None => map.push((k.clone(), Value::Str(v.clone()))),
        }
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
    fn error_bodies_read_generically() {
        let s = |v: &str| Value::Str(v.to_owned());
        assert_eq!(parse_error_body("<Error><Code>X</Code></Error>"), Some(vec![("Code".to_owned(), s("X"))]));
        assert_eq!(
            parse_error_body("<html><body><h1>502 Bad Gateway</h1></body></html>"),
            Some(vec![("body".to_owned(), Value::Map(vec![("h1".to_owned(), s("502 Bad Gateway"))]))])
        );
        assert_eq!(
            parse_error_body(r#"<E xmlns="u"><A>1</A><A>2</A></E>"#),
            Some(vec![("A".to_owned(), Value::List(vec![s("1"), s("2")])), ("xmlns".to_owned(), s("u"))])
        );
        assert_eq!(parse_error_body(""), None);
        assert_eq!(parse_error_body("Service Unavailable"), None);
    }
}
