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
        Shape::Integer => Value::Num(js_number(element.text())),
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
