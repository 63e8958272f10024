//! Issue 14, mutation testing: rules of the XML reader (src/xml/) that cargo-mutants showed no
//! test held. Error bodies and attribute values are read as the SDK's XML parser
//! (`@aws-sdk/xml-builder`) reads them; the expected values were taken from Node (`parseXML(…)`).
#![cfg(not(target_arch = "wasm32"))]

use cloudfront_wasm::xml::parse_error_body;
use cloudfront_wasm::Value;

#[test]
fn error_body_child_with_attributes_and_no_text_is_an_object() {
    // parseXML(`<Error><Code a="1"/></Error>`) → { Error: { Code: { a: "1" } } }
    let s = |v: &str| Value::Str(v.to_owned());
    assert_eq!(
        parse_error_body(r#"<Error><Code a="1"/></Error>"#),
        Some(vec![("Code".to_owned(), Value::Map(vec![("a".to_owned(), s("1"))]))])
    );
    // parseXML(`<Error><Message>hi<b>x</b></Message></Error>`) → { Message: { "#text": "hi", b: "x" } }
    assert_eq!(
        parse_error_body("<Error><Message>hi<b>x</b></Message></Error>"),
        Some(vec![("Message".to_owned(), Value::Map(vec![("#text".to_owned(), s("hi")), ("b".to_owned(), s("x"))]))])
    );
}

#[test]
fn numeric_references_without_digits_stay_as_written() {
    // The SDK's pattern wants 1–7 decimal or 1–6 hex digits: `&#;` and `&#x;` are no references.
    let root = cloudfront_wasm::xml::parse_document(r#"<e a="&#;&#x;&#65;"/>"#).unwrap().unwrap();
    assert_eq!(root.attributes, vec![("a".to_owned(), "&#;&#x;A".to_owned())]);
}

#[test]
fn numeric_references_have_at_most_seven_decimal_or_six_hex_digits() {
    let attr = |value: &str| {
        let root = cloudfront_wasm::xml::parse_document(&format!(r#"<e a="{value}"/>"#)).unwrap().unwrap();
        root.attributes.into_iter().next().unwrap().1
    };
    assert_eq!(attr("&#0000065;&#x000041;"), "AA");
    assert_eq!(attr("&#00000065;&#x0000041;"), "&#00000065;&#x0000041;");
    assert_eq!(attr("&#00000065;"), "&#00000065;");
}

#[test]
fn an_ampersand_far_from_a_semicolon_does_not_hide_the_next_reference() {
    // parseXML(`<e a="&…40 letters…&lt;"/>`) keeps the first `&` and expands `&lt;`.
    let long = "x".repeat(40);
    let root = cloudfront_wasm::xml::parse_document(&format!(r#"<e a="&{long}&lt;"/>"#)).unwrap().unwrap();
    assert_eq!(root.attributes, vec![("a".to_owned(), format!("&{long}<"))]);
}
