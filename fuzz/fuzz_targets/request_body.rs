//! XML request bodies: CreateConnectionFunction built from fuzzed Name, Comment, tag key and
//! value and code bytes either is refused with a ValidationError, or its body is a document
//! that reads back to exactly those parts (text through the reader's entity decoding, the
//! code through base64).
#![no_main]

use base64::Engine as _;
use cloudfront_wasm::endpoint::{resolve, EndpointConfig};
use cloudfront_wasm::operation::CREATE_CONNECTION_FUNCTION;
use cloudfront_wasm::request::build;
use cloudfront_wasm::xml::{parse_document, Element};
use cloudfront_wasm::InputValue;
use libfuzzer_sys::fuzz_target;

fn child<'a>(e: &'a Element, name: &str) -> &'a Element {
    e.children.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no {name} in {e:?}"))
}

fuzz_target!(|data: &[u8]| {
    // Parts separated by 0xFF (never in UTF-8): name, comment, key, value, then code bytes.
    let mut parts = data.splitn(5, |&b| b == 0xff);
    let mut text = || String::from_utf8_lossy(parts.next().unwrap_or(b"")).into_owned();
    // The reader cannot carry C0 controls other than tab, LF and CR (neither can XML).
    let printable = |t: String| t.chars().filter(|c| !c.is_control() || "\t\n\r\u{85}".contains(*c)).collect::<String>();
    let (name, comment, key, value) = (text(), printable(text()), text(), printable(text()));
    let code = parts.next().unwrap_or(b"").to_vec();
    let s = |v: &str| InputValue::Str(v.to_owned());
    let input = [
        s(&name),
        InputValue::Struct(vec![s(&comment), s("cloudfront-js-1.0"), InputValue::Missing]),
        InputValue::Bytes(code.clone()),
        InputValue::Struct(vec![InputValue::List(vec![InputValue::Struct(vec![s(&key), s(&value)])])]),
    ];
    let endpoint = resolve(&EndpointConfig::default()).unwrap();
    let tag_text = |t: &str| t.chars().all(|c| c.is_alphanumeric() || c == ' ' || "_.:/=+-@".contains(c));
    let req = match build(&CREATE_CONNECTION_FUNCTION, &input, &endpoint, &tag_text) {
        Err(e) => return assert_eq!(e.name, "ValidationError"),
        Ok(req) => req,
    };
    let root = parse_document(&req.body).unwrap_or_else(|e| panic!("{e}: {}", req.body)).unwrap();
    assert_eq!(child(&root, "Name").text, name);
    assert_eq!(child(child(&root, "ConnectionFunctionConfig"), "Comment").text, comment);
    let decoded = base64::engine::general_purpose::STANDARD.decode(&child(&root, "ConnectionFunctionCode").text);
    assert_eq!(decoded.ok(), Some(code));
    let tag = child(child(child(&root, "Tags"), "Items"), "Tag");
    assert_eq!((child(tag, "Key").text.as_str(), child(tag, "Value").text.as_str()), (key.as_str(), value.as_str()));
});
