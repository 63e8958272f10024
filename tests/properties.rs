//! Property tests: the readers never panic on any input (arbitrary text and mutated sample
//! documents), the request builder encodes every identifier reversibly or refuses it, and
//! signing never panics. Case counts are bounded so the file runs in a few seconds in debug.
#![cfg(not(target_arch = "wasm32"))]

// Test helpers outside #[test] functions are not covered by clippy.toml's allow-*-in-tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use cloudfront_wasm::endpoint::{resolve, EndpointConfig};
use cloudfront_wasm::request::{build, MAX_INPUT_CHARS};
use cloudfront_wasm::response::{read_error, read_output, response_meta, Body};
use cloudfront_wasm::signing::sign;
use cloudfront_wasm::xml::{parse_document, parse_error_body, parse_payload};
use cloudfront_wasm::operation::CONNECTION_FUNCTION_SUMMARY;
use cloudfront_wasm::{Credentials, Endpoint, InputValue, DESCRIBE_CONNECTION_FUNCTION as OP};
use proptest::prelude::*;
use proptest::test_runner::Config;

const SAMPLES: &[&str] = &[
    include_str!("rust/fixtures/samples/01-describe-full.xml"),
    include_str!("rust/fixtures/samples/05-describe-quantity0-items-missing.xml"),
    include_str!("rust/fixtures/samples/06-describe-quantity0-items-empty.xml"),
    include_str!("rust/fixtures/samples/10-describe-comment-empty-selfclosing.xml"),
    include_str!("rust/fixtures/samples/21-describe-malformed-xml.xml"),
    include_str!("rust/fixtures/samples/22-error-entity-not-found-404.xml"),
    include_str!("rust/fixtures/samples/29-error-html-body-502.xml"),
    include_str!("rust/fixtures/samples/n02-entities.xml"),
    include_str!("rust/fixtures/samples/n03-cdata.xml"),
    include_str!("rust/fixtures/samples/n04-whitespace-crlf.xml"),
    include_str!("rust/fixtures/samples/n05-unknown-elements.xml"),
    include_str!("rust/fixtures/samples/n06-offset-times.xml"),
];

/// Pieces of XML worth splicing into a document.
const SNIPPETS: &[&str] = &[
    "<", ">", "/>", "</", "<x>", "</x>", "<Name>", "</Name>", "<Items>", "</Items>", "<Items/>",
    "<KeyValueStoreAssociation>", "</KeyValueStoreAssociation>", "<Quantity>1e400</Quantity>",
    "<CreatedTime>2024-02-30T11:00:00.9999999+23:59</CreatedTime>", "<![CDATA[", "]]>", "<!--", "-->",
    "<?x ?>", "<!DOCTYPE a [<!ENTITY e \"v\">]>", "&", "&amp;", "&#x1F600;", "&#xD800;", "&#0;", "&#99999999;",
    "&bogus;", "&e;", "\"", "'", " a=\"&lt;\"", "\r\n", "\u{feff}", "\u{0}", "é☃😀", "<a:b xmlns:a=\"u\">",
    "<Error><Code>", "</Code></Error>",
];

/// Everything that reads a body: the payload, the generic error reader and the full
/// output/error paths for a few statuses. None of it may panic.
fn read_everything(body: &str) {
    let header = |name: &str| (name == "etag").then(|| "E".to_owned());
    let _ = parse_document(body);
    let _ = parse_payload(body, &CONNECTION_FUNCTION_SUMMARY);
    let _ = parse_error_body(body);
    let meta = response_meta(200, &header);
    for op in cloudfront_wasm::operation::OPERATIONS {
        for body in [Body::Text(body.to_owned()), Body::Bytes(body.as_bytes().to_vec())] {
            if let Err(e) = read_output(op, &meta, &header, &body) {
                assert_eq!(e.kind, cloudfront_wasm::ErrorKind::Parse);
            }
        }
    }
    for status in [301, 400, 404, 500, 503] {
        let e = read_error(&OP, response_meta(status, &header), body);
        assert_eq!(e.status(), Some(status));
        assert!(!e.name.is_empty() || body.contains("<Code"), "unnamed error for {body:?}");
    }
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, usize),
    Delete(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(at, i)| Mutation::Insert(at, i)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Mutation::Delete(at, n)),
    ]
}

fn mutate(doc: &str, mutations: &[Mutation]) -> String {
    let mut s = doc.to_owned();
    for m in mutations {
        let at = |x: usize| floor_char_boundary(&s, if s.is_empty() { 0 } else { x % (s.len() + 1) });
        match *m {
            Mutation::Truncate(x) => {
                let cut = at(x);
                s.truncate(cut);
            }
            Mutation::Flip(x, b) => {
                let mut bytes = s.into_bytes();
                if !bytes.is_empty() {
                    let i = x % bytes.len();
                    bytes[i] ^= b;
                }
                s = String::from_utf8_lossy(&bytes).into_owned();
            }
            Mutation::Insert(x, i) => {
                let pos = at(x);
                s.insert_str(pos, SNIPPETS[i]);
            }
            Mutation::Delete(x, n) => {
                let start = at(x);
                let end = floor_char_boundary(&s, start + n);
                s.replace_range(start..end, "");
            }
        }
    }
    s
}

fn aws() -> Endpoint {
    resolve(&EndpointConfig::default()).unwrap()
}

fn percent_decode(path: &str) -> Option<Vec<u8>> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            if !hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Identifiers: any Unicode, plus the edge cases (dots, percent, slashes, long ones).
fn identifier() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "[./%+~ a-zA-Z0-9_-]{0,8}",
        1 => Just(".".to_owned()),
        1 => Just("..".to_owned()),
        1 => Just(String::new()),
        1 => (2040usize..2060, any::<char>()).prop_map(|(n, c)| std::iter::repeat_n(c, n).collect()),
    ]
}

/// `n`, or `PROPTEST_CASES` when set (scripts/fuzz.sh's fallback raises it).
fn cases(n: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(n)
}

const PREFIX: &str = "/2020-05-31/connection-function/";
const SUFFIX: &str = "/describe";

proptest! {
    #![proptest_config(Config { cases: cases(512), ..Config::default() })]

    #[test]
    fn readers_never_panic_on_arbitrary_text(body in any::<String>()) {
        read_everything(&body);
    }

    #[test]
    fn readers_never_panic_on_xmlish_text(body in "(<[/!?]?[a-zA-Z:]{0,3}( [a-z]=\"[^\"]{0,3}\")?/?>|&[#x0-9a-z]{0,4};?|<!\\[CDATA\\[|\\]\\]>|[ a-z\r\n\t]){0,40}") {
        read_everything(&body);
    }

    #[test]
    fn readers_never_panic_on_mutated_samples(
        doc in 0..SAMPLES.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let body = mutate(SAMPLES[doc], &mutations);
        read_everything(&body);
    }

    #[test]
    fn request_builder_is_reversible_or_refuses(id in identifier(), stage in prop::option::of(prop_oneof![Just("LIVE"), Just("DEVELOPMENT")])) {
        let stage_input = stage.map_or(InputValue::Missing, |s| InputValue::Str(s.to_owned()));
        let result = build(&OP, &[InputValue::Str(id.clone()), stage_input], &aws(), &|_: &str| true);
        let must_refuse = id.is_empty() || id == "." || id == ".." || id.chars().count() > MAX_INPUT_CHARS;
        match result {
            Err(e) => {
                prop_assert!(must_refuse, "refused {id:?}: {e}");
                prop_assert_eq!(e.name.as_str(), "ValidationError");
                prop_assert!(!e.message.contains(id.as_str()) || id.is_empty() || id.len() < 3, "the message echoes the value");
            }
            Ok(req) => {
                prop_assert!(!must_refuse, "accepted {:?}", id);
                let label = req.path.strip_prefix(PREFIX).and_then(|p| p.strip_suffix(SUFFIX));
                prop_assert!(label.is_some(), "path {}", req.path);
                let label = label.unwrap_or_default();
                prop_assert!(
                    label.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
                    "label {label}"
                );
                prop_assert_eq!(percent_decode(label), Some(id.as_bytes().to_vec()));
                let want_query = stage.map(|s| format!("Stage={s}")).unwrap_or_default();
                prop_assert_eq!(req.query.as_str(), want_query.as_str());
                prop_assert!(req.url().starts_with("https://cloudfront.amazonaws.com/2020-05-31/connection-function/"));
            }
        }
    }

    #[test]
    fn canonical_uri_is_the_path_encoded_again(id in identifier()) {
        let Ok(mut req) = build(&OP, &[InputValue::Str(id), InputValue::Missing], &aws(), &|_: &str| true) else { return Ok(()) };
        let creds = Credentials::new("AKIDEXAMPLE", "secret", None).unwrap();
        let parts = sign(&mut req, &creds, 1_714_564_800_000, "us-east-1");
        let canonical_uri = parts.canonical_request.lines().nth(1).unwrap_or_default().to_owned();
        prop_assert_eq!(canonical_uri, req.path.replace('%', "%25"));
    }

    #[test]
    fn signing_never_panics(
        id in identifier(),
        access_key in prop_oneof![4 => "[A-Za-z0-9]{1,24}", 1 => any::<String>()],
        secret in prop_oneof![4 => "[ -~]{1,48}", 1 => any::<String>()],
        token in prop::option::of(prop_oneof![4 => "[ -~]{0,64}", 1 => any::<String>()]),
        // Years 0000-9999, beyond what a clock really shows. (Past 9999 signing panics:
        // see `signing_at_the_ends_of_the_js_date_range`.)
        epoch_ms in -62_167_219_200_000i64..=253_402_300_799_999,
        region in "[a-z0-9-]{1,20}",
    ) {
        let Ok(mut req) = build(&OP, &[InputValue::Str(id), InputValue::Missing], &aws(), &|_: &str| true) else { return Ok(()) };
        let Ok(creds) = Credentials::new(&access_key, &secret, token.as_deref()) else { return Ok(()) };
        let parts = sign(&mut req, &creds, epoch_ms, &region);
        prop_assert!(parts.string_to_sign.starts_with("AWS4-HMAC-SHA256\n"));
        prop_assert!(req.headers.iter().any(|(n, _)| *n == "authorization"));
    }
}

proptest! {
    #![proptest_config(Config { cases: cases(256), ..Config::default() })]

    /// Signing works for the clocks a browser can really have (1970–2100).
    #[test]
    fn signing_realistic_clocks(epoch_ms in 0i64..4_102_444_800_000, token in prop::option::of("[ -~]{1,40}")) {
        let mut req = build(&OP, &[InputValue::Str("my func/é".to_owned()), InputValue::Missing], &aws(), &|_: &str| true).unwrap();
        let creds = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token.as_deref()).unwrap();
        let parts = sign(&mut req, &creds, epoch_ms, "us-east-1");
        let date = cloudfront_wasm::time::amz_date(epoch_ms);
        let want = format!("AWS4-HMAC-SHA256\n{date}\n{}/us-east-1/cloudfront/aws4_request\n", &date[..8]);
        prop_assert!(parts.string_to_sign.starts_with(&want), "{}", parts.string_to_sign);
    }

}

#[test]
fn deep_and_wide_documents_do_not_overflow() {
    let deep = "<a>".repeat(10_000) + &"</a>".repeat(10_000);
    read_everything(&deep);
    let deep_empty = "<a>".repeat(63) + "<b/>" + &"</a>".repeat(63);
    read_everything(&deep_empty);
    let wide = format!("<R>{}</R>", "<Name>x</Name>".repeat(10_000));
    read_everything(&wide);
    let items = format!(
        "<R><ConnectionFunctionConfig><KeyValueStoreAssociations><Items>{}</Items></KeyValueStoreAssociations></ConnectionFunctionConfig></R>",
        "<KeyValueStoreAssociation><KeyValueStoreARN>a</KeyValueStoreARN></KeyValueStoreAssociation>".repeat(5_000)
    );
    read_everything(&items);
}

/// A JS `Date` reaches ±8.64e15 ms, and the clock offset comes from a server's `Date`
/// header (`retry::corrected_clock_offset` of `time::parse_http_date`, which accepts any
/// year): one answer with `Date: Wed, 01 May 99999 12:00:00 GMT` makes the next attempt sign
/// in year 99999, and aws-sigv4's `generate_signing_key` panics ("overflow adding duration to
/// date") — a trap that kills the wasm instance (panic = "abort").
#[test]
fn signing_at_the_ends_of_the_js_date_range() {
    let creds = Credentials::new("AKIDEXAMPLE", "secret", None).unwrap();
    assert_eq!(cloudfront_wasm::time::parse_http_date("Wed, 01 May 99999 12:00:00 GMT"), None);
    let skewed = 3_093_527_980_800_000i64; // year 99999
    for epoch_ms in [-8_640_000_000_000_000i64, -1, 0, 253_402_300_799_999, 253_402_300_800_000, skewed, 8_640_000_000_000_000] {
        let mut req = build(&OP, &[InputValue::Str("f".to_owned()), InputValue::Missing], &aws(), &|_: &str| true).unwrap();
        let creds = creds.clone();
        let result = std::panic::catch_unwind(move || sign(&mut req, &creds, epoch_ms, "us-east-1").string_to_sign);
        assert!(result.is_ok(), "sign panicked at epoch_ms = {epoch_ms}");
    }
}


/// The children of `element` named `name`.
fn children<'a>(element: &'a cloudfront_wasm::xml::Element, name: &'a str) -> impl Iterator<Item = &'a cloudfront_wasm::xml::Element> {
    element.children.iter().filter(move |c| c.name == name)
}

/// Builds a CreateConnectionFunction request from the parts; when the core accepts them, the
/// body must be a document that reads back to exactly those parts (text through the entity
/// and reference decoding of the XML reader, the code through base64), and when it refuses,
/// the refusal is a ValidationError that does not echo the text.
fn create_body_round_trips(name: &str, comment: &str, key: &str, value: Option<&str>, code: &[u8]) -> Result<(), TestCaseError> {
    use base64::Engine as _;
    use cloudfront_wasm::operation::CREATE_CONNECTION_FUNCTION;
    let s = |v: &str| InputValue::Str(v.to_owned());
    let config = InputValue::Struct(vec![s(comment), s("cloudfront-js-2.0"), InputValue::Missing]);
    let tag = InputValue::Struct(vec![s(key), value.map_or(InputValue::Missing, s)]);
    let tags = InputValue::Struct(vec![InputValue::List(vec![tag])]);
    let input = [s(name), config, InputValue::Bytes(code.to_vec()), tags];
    // Rust's classes stand in for the wasm's JS RegExp.
    let tag_text = |t: &str| t.chars().all(|c| c.is_alphanumeric() || c == ' ' || "_.:/=+-@".contains(c));
    let req = match build(&CREATE_CONNECTION_FUNCTION, &input, &aws(), &tag_text) {
        Err(e) => {
            prop_assert_eq!(e.name.as_str(), "ValidationError");
            for text in [comment, key] {
                prop_assert!(text.len() < 4 || !e.message.contains(text), "the message echoes {text:?}: {}", e.message);
            }
            return Ok(());
        }
        Ok(req) => req,
    };
    let root = parse_document(&req.body).map_err(|e| TestCaseError::fail(format!("{e}: {}", req.body)))?;
    let root = root.ok_or_else(|| TestCaseError::fail("no root"))?;
    prop_assert_eq!(root.name.as_str(), "CreateConnectionFunctionRequest");
    let text_of = |parent: &cloudfront_wasm::xml::Element, name: &str| children(parent, name).next().map(|e| e.text.clone());
    prop_assert_eq!(text_of(&root, "Name"), Some(name.to_owned()));
    let config = children(&root, "ConnectionFunctionConfig").next().ok_or_else(|| TestCaseError::fail("no config"))?;
    prop_assert_eq!(text_of(config, "Comment"), Some(comment.to_owned()));
    let encoded = text_of(&root, "ConnectionFunctionCode").unwrap_or_default();
    prop_assert_eq!(base64::engine::general_purpose::STANDARD.decode(encoded).ok(), Some(code.to_vec()));
    let tag = children(&root, "Tags").flat_map(|t| children(t, "Items")).flat_map(|i| children(i, "Tag")).next();
    let tag = tag.ok_or_else(|| TestCaseError::fail("no tag"))?;
    prop_assert_eq!(text_of(tag, "Key"), Some(key.to_owned()));
    prop_assert_eq!(text_of(tag, "Value"), value.map(str::to_owned));
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: cases(256), ..Config::default() })]

    #[test]
    fn create_bodies_read_back_to_their_input(
        // Mostly valid names and keys, so most cases reach the body; some are refused.
        name in prop_oneof![4 => "[a-zA-Z0-9_-]{1,64}", 1 => "[a-zA-Z0-9_ .-]{0,66}"],
        comment in prop_oneof![any::<String>(), "[<>&;#x\"' a-z\r\n\t\u{85}\u{2028}é😀]{0,40}"],
        key in prop_oneof![4 => "[a-zA-Zé0-9 _.:/=+@-]{1,128}", 1 => "[a-zA-Zé0-9 _.:/=+@*<>&\"'-]{0,130}"],
        value in prop::option::of(any::<String>()),
        code in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        // The XML reader cannot carry what XML cannot: NUL and other C0 controls but tab,
        // line feed and carriage return (the SDK writes them as they are, too).
        let printable = |t: &str| t.chars().filter(|c| !c.is_control() || "\t\n\r\u{85}".contains(*c)).collect::<String>();
        create_body_round_trips(&name, &printable(&comment), &key, value.map(|v| printable(&v)).as_deref(), &code)?;
    }
}
