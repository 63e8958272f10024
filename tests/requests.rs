//! The request of every operation, as `@aws-sdk/client-cloudfront` 3.1164.0 puts it on the
//! wire (method, path, query, `If-Match`, body byte for byte: tests/js/SDK-BEHAVIOUR.md, "All
//! nine operations"), and every input check, each refusing before a request exists.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use cloudfront_wasm::endpoint::{resolve, EndpointConfig};
use cloudfront_wasm::operation::{
    find, Operation, CREATE_CONNECTION_FUNCTION as CREATE, DELETE_CONNECTION_FUNCTION as DELETE,
    GET_CONNECTION_FUNCTION as GET, LIST_CONNECTION_FUNCTIONS as LIST, LIST_DISTRIBUTIONS_BY_CONNECTION_FUNCTION as LIST_DIST,
    OPERATIONS, PUBLISH_CONNECTION_FUNCTION as PUBLISH, TEST_CONNECTION_FUNCTION as TEST, UPDATE_CONNECTION_FUNCTION as UPDATE,
};
use cloudfront_wasm::request::build;
use cloudfront_wasm::signing::sign;
use cloudfront_wasm::{Credentials, Error, HttpRequest, InputValue as V};

const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;
const NS: &str = r#" xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/""#;
/// `function connectionHandler(c) { c.allow(); } // <&>"'` and its base64.
const CODE: &str = r#"function connectionHandler(c) { c.allow(); } // <&>"'"#;
const CODE_B64: &str = "ZnVuY3Rpb24gY29ubmVjdGlvbkhhbmRsZXIoYykgeyBjLmFsbG93KCk7IH0gLy8gPCY+Iic=";
const KVS_ARN: &str = "arn:aws:cloudfront::123456789012:key-value-store/0123abcd-0123-abcd-0123-0123456789ab";

/// A stand-in for the wasm's JS RegExp `^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$` (Rust's `char`
/// classes are close enough for these tests; the wasm links no Unicode tables).
fn tag_text(text: &str) -> bool {
    text.chars().all(|c| c.is_alphabetic() || c.is_numeric() || (c.is_whitespace() && !c.is_control()) || "_.:/=+-@".contains(c))
}

fn s(v: &str) -> V {
    V::Str(v.to_owned())
}

fn bytes(v: &[u8]) -> V {
    V::Bytes(v.to_vec())
}

fn req(op: &Operation, input: &[V]) -> Result<HttpRequest, Error> {
    let endpoint = resolve(&EndpointConfig::default()).unwrap();
    build(op, input, &endpoint, &tag_text)
}

fn ok(op: &Operation, input: &[V]) -> HttpRequest {
    req(op, input).unwrap_or_else(|e| panic!("{}: {e}", op.name))
}

fn header<'a>(r: &'a HttpRequest, name: &str) -> Option<&'a str> {
    r.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
}

/// ConnectionFunctionConfig: Comment, Runtime, KeyValueStoreAssociations.
fn config(comment: V, runtime: V, kvs: V) -> V {
    V::Struct(vec![comment, runtime, kvs])
}

fn kvs_associations(quantity: V, items: V) -> V {
    V::Struct(vec![quantity, items])
}

fn tag(key: V, value: V) -> V {
    V::Struct(vec![key, value])
}

fn tags(items: V) -> V {
    V::Struct(vec![items])
}

fn plain_config() -> V {
    config(s("c"), s("cloudfront-js-2.0"), V::Missing)
}

// ---------------------------------------------------------------- what goes on the wire

#[test]
fn create_full_body_as_the_sdk_writes_it() {
    let kvs = kvs_associations(V::Num(1.0), V::List(vec![V::Struct(vec![s(KVS_ARN)])]));
    let r = ok(&CREATE, &[
        s("n1"),
        config(s("a <b> & \"c\" 'd'"), s("cloudfront-js-2.0"), kvs),
        bytes(CODE.as_bytes()),
        tags(V::List(vec![tag(s("k"), s("v")), tag(s("k2"), V::Missing)])),
    ]);
    assert_eq!((r.method, r.path.as_str(), r.query.as_str()), ("POST", "/2020-05-31/connection-function", ""));
    assert_eq!(header(&r, "content-type"), Some("application/xml"));
    assert_eq!(header(&r, "if-match"), None);
    let want = format!(
        "{XML_HEAD}<CreateConnectionFunctionRequest{NS}><Name>n1</Name><ConnectionFunctionConfig>\
         <Comment>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</Comment><Runtime>cloudfront-js-2.0</Runtime>\
         <KeyValueStoreAssociations><Quantity>1</Quantity><Items><KeyValueStoreAssociation><KeyValueStoreARN>{KVS_ARN}</KeyValueStoreARN>\
         </KeyValueStoreAssociation></Items></KeyValueStoreAssociations></ConnectionFunctionConfig>\
         <ConnectionFunctionCode>{CODE_B64}</ConnectionFunctionCode><Tags><Items><Tag><Key>k</Key><Value>v</Value></Tag>\
         <Tag><Key>k2</Key></Tag></Items></Tags></CreateConnectionFunctionRequest>"
    );
    assert_eq!(r.body, want);
}

#[test]
fn create_empty_members_as_the_sdk_writes_them() {
    // An empty string is `<X></X>`, an empty structure or list `<X/>`, absent members nothing.
    let r = ok(&CREATE, &[s("n1"), config(s(""), s("cloudfront-js-1.0"), V::Missing), bytes(CODE.as_bytes()), V::Missing]);
    assert_eq!(
        r.body,
        format!(
            "{XML_HEAD}<CreateConnectionFunctionRequest{NS}><Name>n1</Name><ConnectionFunctionConfig><Comment></Comment>\
             <Runtime>cloudfront-js-1.0</Runtime></ConnectionFunctionConfig><ConnectionFunctionCode>{CODE_B64}</ConnectionFunctionCode>\
             </CreateConnectionFunctionRequest>"
        )
    );
    let r = ok(&CREATE, &[
        s("n1"),
        config(s("c"), s("cloudfront-js-1.0"), kvs_associations(V::Num(0.0), V::Missing)),
        bytes(CODE.as_bytes()),
        tags(V::Missing),
    ]);
    assert!(r.body.ends_with(&format!(
        "<KeyValueStoreAssociations><Quantity>0</Quantity></KeyValueStoreAssociations></ConnectionFunctionConfig>\
         <ConnectionFunctionCode>{CODE_B64}</ConnectionFunctionCode><Tags/></CreateConnectionFunctionRequest>"
    )), "{}", r.body);
    let r = ok(&CREATE, &[
        s("n1"),
        config(s("c"), s("cloudfront-js-1.0"), kvs_associations(V::Num(0.0), V::List(vec![]))),
        bytes(CODE.as_bytes()),
        tags(V::List(vec![])),
    ]);
    assert!(r.body.contains("<Quantity>0</Quantity><Items/></KeyValueStoreAssociations>"), "{}", r.body);
    assert!(r.body.ends_with("<Tags><Items/></Tags></CreateConnectionFunctionRequest>"), "{}", r.body);
}

#[test]
fn line_breaks_in_text_are_character_references() {
    let r = ok(&CREATE, &[s("n"), config(s("a\r\nb\u{85}c\u{2028}"), s("cloudfront-js-2.0"), V::Missing), bytes(b"x"), V::Missing]);
    assert!(r.body.contains("<Comment>a&#x0D;&#x0A;b&#x85;c&#x2028;</Comment>"), "{}", r.body);
}

#[test]
fn get_and_describe_go_by_identifier_and_stage() {
    let r = ok(&GET, &[s("a b"), s("LIVE")]);
    assert_eq!((r.method, r.path.as_str(), r.query.as_str(), r.body.as_str()), ("GET", "/2020-05-31/connection-function/a%20b", "Stage=LIVE", ""));
    assert_eq!(header(&r, "content-type"), None);
    let r = ok(&GET, &[s("arn:aws:cloudfront::1:connection-function/f"), V::Missing]);
    assert_eq!(r.path, "/2020-05-31/connection-function/arn%3Aaws%3Acloudfront%3A%3A1%3Aconnection-function%2Ff");
    assert_eq!(r.query, "");
}

#[test]
fn list_body_and_its_absence() {
    let r = ok(&LIST, &[V::Missing, V::Missing, V::Missing]);
    assert_eq!((r.method, r.path.as_str(), r.body.as_str()), ("POST", "/2020-05-31/connection-functions", ""));
    // As the SDK: the content type even without a body.
    assert_eq!(header(&r, "content-type"), Some("application/xml"));
    let r = ok(&LIST, &[s("m&<"), V::Num(5.0), s("DEVELOPMENT")]);
    assert_eq!(
        r.body,
        format!("{XML_HEAD}<ListConnectionFunctionsRequest{NS}><Marker>m&amp;&lt;</Marker><MaxItems>5</MaxItems><Stage>DEVELOPMENT</Stage></ListConnectionFunctionsRequest>")
    );
    let r = ok(&LIST, &[V::Missing, V::Num(-1.0), V::Missing]);
    assert!(r.body.contains("<MaxItems>-1</MaxItems>"), "{}", r.body);
    let r = ok(&LIST, &[V::Missing, V::Num(-0.0), V::Missing]);
    assert!(r.body.contains("<MaxItems>0</MaxItems>"), "{}", r.body);
}

#[test]
fn list_distributions_query() {
    let r = ok(&LIST_DIST, &[s("arn:x/y z"), s("m k"), V::Num(7.0)]);
    assert_eq!((r.method, r.path.as_str()), ("GET", "/2020-05-31/distributionsByConnectionFunction"));
    assert_eq!(r.query, "ConnectionFunctionIdentifier=arn%3Ax%2Fy%20z&Marker=m%20k&MaxItems=7");
    assert_eq!(ok(&LIST_DIST, &[s("f"), V::Missing, V::Missing]).query, "ConnectionFunctionIdentifier=f");
    assert_eq!(ok(&LIST_DIST, &[s("f"), s(""), V::Num(2_147_483_647.0)]).query, "ConnectionFunctionIdentifier=f&Marker=&MaxItems=2147483647");
}

#[test]
fn update_publish_test_delete_carry_if_match() {
    let r = ok(&UPDATE, &[s("i/d"), s("E1"), plain_config(), bytes(CODE.as_bytes())]);
    assert_eq!((r.method, r.path.as_str(), header(&r, "if-match")), ("PUT", "/2020-05-31/connection-function/i%2Fd", Some("E1")));
    assert_eq!(
        r.body,
        format!(
            "{XML_HEAD}<UpdateConnectionFunctionRequest{NS}><ConnectionFunctionConfig><Comment>c</Comment><Runtime>cloudfront-js-2.0</Runtime>\
             </ConnectionFunctionConfig><ConnectionFunctionCode>{CODE_B64}</ConnectionFunctionCode></UpdateConnectionFunctionRequest>"
        )
    );
    let r = ok(&PUBLISH, &[s("id"), s("E2")]);
    assert_eq!((r.method, r.path.as_str(), header(&r, "if-match"), r.body.as_str()), ("POST", "/2020-05-31/connection-function/id/publish", Some("E2"), ""));
    assert_eq!(header(&r, "content-type"), None);
    // ConnectionObject (required) before Stage, as the SDK orders them.
    let r = ok(&TEST, &[s("id"), s("E3"), bytes(br#"{"a":1}"#), s("LIVE")]);
    assert_eq!((r.method, r.path.as_str(), header(&r, "if-match")), ("POST", "/2020-05-31/connection-function/id/test", Some("E3")));
    assert_eq!(
        r.body,
        format!("{XML_HEAD}<TestConnectionFunctionRequest{NS}><ConnectionObject>eyJhIjoxfQ==</ConnectionObject><Stage>LIVE</Stage></TestConnectionFunctionRequest>")
    );
    let r = ok(&TEST, &[s("id"), s("E3"), bytes(b""), V::Missing]);
    assert_eq!(r.body, format!("{XML_HEAD}<TestConnectionFunctionRequest{NS}><ConnectionObject></ConnectionObject></TestConnectionFunctionRequest>"));
    let r = ok(&DELETE, &[s("id"), s("E4")]);
    assert_eq!((r.method, r.path.as_str(), header(&r, "if-match"), r.body.as_str()), ("DELETE", "/2020-05-31/connection-function/id", Some("E4"), ""));
}

#[test]
fn every_operation_is_found_by_its_sdk_name() {
    let names: Vec<&str> = OPERATIONS.iter().map(|op| op.name).collect();
    assert_eq!(names, [
        "CreateConnectionFunction",
        "DescribeConnectionFunction",
        "GetConnectionFunction",
        "ListConnectionFunctions",
        "ListDistributionsByConnectionFunction",
        "UpdateConnectionFunction",
        "PublishConnectionFunction",
        "TestConnectionFunction",
        "DeleteConnectionFunction",
    ]);
    for op in OPERATIONS {
        assert_eq!(find(op.name).map(|found| (found.method, found.path)), Some((op.method, op.path)));
        assert_eq!(op.status / 100, 2);
    }
    assert!(find("describeConnectionFunction").is_none());
}

#[test]
fn the_body_is_what_is_signed() {
    let creds = Credentials::new("AKID", "SECRET", None).unwrap();
    let mut r = ok(&LIST, &[V::Missing, V::Num(5.0), V::Missing]);
    let parts = sign(&mut r, &creds, 1_714_564_800_000, "us-east-1");
    // SHA-256 of the body, as the SDK's x-amz-content-sha256 for the same body would be.
    let body_hash = {
        use sha2::{Digest, Sha256};
        Sha256::digest(r.body.as_bytes()).iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    assert!(parts.canonical_request.ends_with(&body_hash), "{}", parts.canonical_request);
    assert!(parts.canonical_request.contains("content-type:application/xml\n"), "{}", parts.canonical_request);
    let mut r = ok(&DELETE, &[s("id"), s("E4")]);
    let parts = sign(&mut r, &creds, 1_714_564_800_000, "us-east-1");
    assert!(parts.canonical_request.contains("if-match:E4\n"), "{}", parts.canonical_request);
    assert!(parts.canonical_request.ends_with("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

#[test]
fn a_large_body_is_offered_to_the_platform_and_its_hash_signed() {
    use sha2::{Digest, Sha256};
    let creds = Credentials::new("AKID", "SECRET", None).unwrap();
    let at = 1_714_564_800_000;
    let small = ok(&CREATE, &good_create());
    assert_eq!(small.large_body(), None, "a small body is hashed in wasm");
    let under = ok(&CREATE, &create_with(s("n"), plain_config(), bytes(&vec![b'c'; 11 * 1024]), V::Missing));
    assert!((15_000..cloudfront_wasm::request::LARGE_BODY_BYTES).contains(&under.body.len()), "{}", under.body.len());
    assert_eq!(under.large_body(), None, "just under the threshold: hashed in wasm");
    let code = vec![b'c'; 12 * 1024]; // 16 KB of base64
    let large = ok(&CREATE, &create_with(s("n"), plain_config(), bytes(&code), V::Missing));
    assert!(large.body.len() >= cloudfront_wasm::request::LARGE_BODY_BYTES);
    assert_eq!(large.large_body(), Some(large.body.as_bytes()));
    let digest = Sha256::digest(large.body.as_bytes());
    let right = hex::encode(digest);
    let signature = |given: Option<&[u8]>| {
        let mut r = large.clone();
        if let Some(d) = given {
            r.set_body_sha256(d);
        }
        let parts = sign(&mut r, &creds, at, "us-east-1");
        (header(&r, "authorization").unwrap().to_owned(), parts.canonical_request, r.large_body().is_none())
    };
    let (in_wasm, creq, _) = signature(None);
    assert!(creq.ends_with(&right), "{creq}");
    // The platform's hash signs as the one computed here, and the body is not offered again.
    assert_eq!(signature(Some(&digest)), (in_wasm.clone(), creq.clone(), true));
    // Not 32 bytes (as from a platform without WebCrypto): ignored.
    for bad in [&digest[..31], &[], &[0; 33]] {
        assert_eq!(signature(Some(bad)), (in_wasm.clone(), creq.clone(), false), "{bad:?}");
    }
    // A digest of the right size is what gets signed.
    let (signed, creq, _) = signature(Some(&[0; 32]));
    let other = "0".repeat(64);
    assert!(creq.ends_with(&other) && signed != in_wasm);
}

// ---------------------------------------------------------------- checked before a request exists

/// Builds `op` with `input` and expects a ValidationError whose message has `want`.
fn refused(op: &Operation, input: &[V], want: &str) {
    match req(op, input) {
        Ok(r) => panic!("{}: accepted {input:?} as {r:?}; wanted {want:?}", op.name),
        Err(e) => {
            assert_eq!(e.name, "ValidationError", "{e}");
            assert!(e.message.contains(want), "{}: {:?} does not contain {want:?}", op.name, e.message);
        }
    }
}

fn create_with(name: V, config: V, code: V, tags: V) -> Vec<V> {
    vec![name, config, code, tags]
}

fn good_create() -> Vec<V> {
    create_with(s("n"), plain_config(), bytes(b"x"), V::Missing)
}

#[test]
fn required_members_are_named() {
    refused(&CREATE, &create_with(V::Missing, plain_config(), bytes(b"x"), V::Missing), "Name is required");
    refused(&CREATE, &create_with(s("n"), V::Missing, bytes(b"x"), V::Missing), "ConnectionFunctionConfig is required");
    refused(&CREATE, &create_with(s("n"), plain_config(), V::Missing, V::Missing), "ConnectionFunctionCode is required");
    refused(&CREATE, &create_with(s("n"), config(V::Missing, s("cloudfront-js-2.0"), V::Missing), bytes(b"x"), V::Missing), "ConnectionFunctionConfig.Comment is required");
    refused(&CREATE, &create_with(s("n"), config(s(""), V::Missing, V::Missing), bytes(b"x"), V::Missing), "ConnectionFunctionConfig.Runtime is required");
    let no_quantity = config(s(""), s("cloudfront-js-2.0"), kvs_associations(V::Missing, V::List(vec![])));
    refused(&CREATE, &create_with(s("n"), no_quantity, bytes(b"x"), V::Missing), "ConnectionFunctionConfig.KeyValueStoreAssociations.Quantity is required");
    let no_arn = config(s(""), s("cloudfront-js-2.0"), kvs_associations(V::Num(1.0), V::List(vec![V::Struct(vec![V::Missing])])));
    refused(&CREATE, &create_with(s("n"), no_arn, bytes(b"x"), V::Missing), "KeyValueStoreAssociations.Items[0].KeyValueStoreARN is required");
    let hole = config(s(""), s("cloudfront-js-2.0"), kvs_associations(V::Num(1.0), V::List(vec![V::Missing])));
    refused(&CREATE, &create_with(s("n"), hole, bytes(b"x"), V::Missing), "KeyValueStoreAssociations.Items[0] is required");
    refused(&CREATE, &create_with(s("n"), plain_config(), bytes(b"x"), tags(V::List(vec![tag(s("k"), s("v")), tag(V::Missing, s("v"))]))), "Tags.Items[1].Key is required");
    for op in [&UPDATE, &PUBLISH, &DELETE] {
        let mut input = vec![V::Missing; op.input.len()];
        input[1] = s("E");
        refused(op, &input, "Id is required");
        input[0] = s("id");
        input[1] = V::Missing;
        refused(op, &input, "IfMatch is required");
    }
    refused(&UPDATE, &[s("id"), s("E"), V::Missing, bytes(b"x")], "ConnectionFunctionConfig is required");
    refused(&UPDATE, &[s("id"), s("E"), plain_config(), V::Missing], "ConnectionFunctionCode is required");
    refused(&TEST, &[s("id"), s("E"), V::Missing, s("LIVE")], "ConnectionObject is required");
    refused(&TEST, &[s("id"), V::Missing, bytes(b""), V::Missing], "IfMatch is required");
    refused(&LIST_DIST, &[V::Missing, s("m"), V::Missing], "ConnectionFunctionIdentifier is required");
    refused(&GET, &[V::Missing, V::Missing], "Identifier is required");
}

#[test]
fn names_follow_the_function_name_pattern() {
    for name in ["a", "A-z_0-9", &"x".repeat(64)] {
        ok(&CREATE, &create_with(s(name), plain_config(), bytes(b"x"), V::Missing));
    }
    for (name, want) in [
        ("", "Name must be 1 to 64 characters long, not 0"),
        (&"x".repeat(65), "Name must be 1 to 64 characters long, not 65"),
        ("a b", "Name may only contain letters a-z and A-Z, digits, - and _"),
        ("é", "Name may only contain"),
        ("a.b", "Name may only contain"),
    ] {
        refused(&CREATE, &create_with(s(name), plain_config(), bytes(b"x"), V::Missing), want);
    }
}

#[test]
fn blobs_are_uint8arrays_within_their_sizes() {
    refused(&CREATE, &create_with(s("n"), plain_config(), bytes(b""), V::Missing), "ConnectionFunctionCode must be 1 to 40960 bytes long, not 0");
    ok(&CREATE, &create_with(s("n"), plain_config(), bytes(&[b'x'; 40_960]), V::Missing));
    refused(&CREATE, &create_with(s("n"), plain_config(), bytes(&[b'x'; 40_961]), V::Missing), "not 40961");
    refused(&CREATE, &create_with(s("n"), plain_config(), s("code"), V::Missing), "ConnectionFunctionCode must be a Uint8Array, not a string");
    refused(&CREATE, &create_with(s("n"), plain_config(), V::List(vec![V::Num(1.0)]), V::Missing), "must be a Uint8Array, not an array");
    refused(&UPDATE, &[s("id"), s("E"), plain_config(), V::Other("an object")], "ConnectionFunctionCode must be a Uint8Array, not an object");
    ok(&TEST, &[s("id"), s("E"), bytes(&[0; 40_960]), V::Missing]);
    refused(&TEST, &[s("id"), s("E"), bytes(&[0; 40_961]), V::Missing], "ConnectionObject must be 0 to 40960 bytes long, not 40961");
    refused(&TEST, &[s("id"), s("E"), s("{}"), V::Missing], "ConnectionObject must be a Uint8Array, not a string");
}

#[test]
fn enums_are_checked_wherever_they_go() {
    let runtime = |r: V| create_with(s("n"), config(s(""), r, V::Missing), bytes(b"x"), V::Missing);
    refused(&CREATE, &runtime(s("cloudfront-js-3.0")), "ConnectionFunctionConfig.Runtime must be one of cloudfront-js-1.0, cloudfront-js-2.0");
    refused(&CREATE, &runtime(V::Num(2.0)), "ConnectionFunctionConfig.Runtime must be a string, not a number");
    refused(&LIST, &[V::Missing, V::Missing, s("live")], "Stage must be one of DEVELOPMENT, LIVE");
    refused(&TEST, &[s("id"), s("E"), bytes(b""), s("")], "Stage must be one of DEVELOPMENT, LIVE");
    refused(&GET, &[s("f"), s("STAGING")], "Stage must be one of DEVELOPMENT, LIVE");
}

#[test]
fn max_items_is_a_whole_number() {
    for (value, want) in [
        (V::Num(5.5), "MaxItems must be a whole number from -2147483648 to 2147483647"),
        (V::Num(f64::NAN), "MaxItems must be a whole number"),
        (V::Num(f64::INFINITY), "MaxItems must be a whole number"),
        (V::Num(2_147_483_648.0), "MaxItems must be a whole number"),
        (s("5"), "MaxItems must be a whole number, not a string"),
        (V::Other("a boolean"), "MaxItems must be a whole number, not a boolean"),
    ] {
        refused(&LIST, &[V::Missing, value.clone(), V::Missing], want);
        refused(&LIST_DIST, &[s("f"), V::Missing, value], want);
    }
    let quantity = config(s(""), s("cloudfront-js-2.0"), kvs_associations(V::Num(0.5), V::Missing));
    refused(&CREATE, &create_with(s("n"), quantity, bytes(b"x"), V::Missing), "KeyValueStoreAssociations.Quantity must be a whole number");
}

#[test]
fn tags_follow_the_model() {
    let with_tags = |items: Vec<V>| create_with(s("n"), plain_config(), bytes(b"x"), tags(V::List(items)));
    let r = ok(&CREATE, &with_tags(vec![tag(s("kéy ünïcode 1_.:/=+-@"), s("")), tag(s(&"k".repeat(128)), s(&"v".repeat(256)))]));
    assert!(r.body.contains("<Tag><Key>kéy ünïcode 1_.:/=+-@</Key><Value></Value></Tag>"), "{}", r.body);
    refused(&CREATE, &with_tags(vec![tag(s(""), V::Missing)]), "Tags.Items[0].Key must be 1 to 128 characters long, not 0");
    refused(&CREATE, &with_tags(vec![tag(s(&"k".repeat(129)), V::Missing)]), "Key must be 1 to 128 characters long, not 129");
    refused(&CREATE, &with_tags(vec![tag(s("k"), s(&"v".repeat(257)))]), "Tags.Items[0].Value must be 0 to 256 characters long, not 257");
    refused(&CREATE, &with_tags(vec![tag(s("a*b"), V::Missing)]), "Tags.Items[0].Key may only contain letters, digits, spaces and _ . : / = + - @");
    refused(&CREATE, &with_tags(vec![tag(s("k"), s("tab\there"))]), "Tags.Items[0].Value may only contain");
    refused(&CREATE, &create_with(s("n"), plain_config(), bytes(b"x"), s("k=v")), "Tags must be an object, not a string");
    refused(&CREATE, &create_with(s("n"), plain_config(), bytes(b"x"), tags(V::Other("an object"))), "Tags.Items must be an array, not an object");
    refused(&CREATE, &with_tags(vec![s("k")]), "Tags.Items[0] must be an object, not a string");
    // Lengths count characters (code points), not bytes or UTF-16 units.
    ok(&CREATE, &with_tags(vec![tag(s(&"é".repeat(128)), V::Missing)]));
}

#[test]
fn key_value_store_arns_follow_the_model() {
    let with_arn = |arn: &str| {
        let kvs = kvs_associations(V::Num(1.0), V::List(vec![V::Struct(vec![s(arn)])]));
        create_with(s("n"), config(s(""), s("cloudfront-js-2.0"), kvs), bytes(b"x"), V::Missing)
    };
    ok(&CREATE, &with_arn(KVS_ARN));
    for bad in [
        "arn:aws:cloudfront::12345678901:key-value-store/0123abcd-0123-abcd-0123-0123456789ab",
        "arn:aws:cloudfront::123456789012:key-value-store/0123abcd-0123-abcd-0123-0123456789a",
        "arn:aws:cloudfront::123456789012:key-value-store/0123abcd-0123-abcd-0123-0123456789ag",
        "arn:aws:cloudfront::123456789012:function/0123abcd-0123-abcd-0123-0123456789ab",
        "x",
    ] {
        refused(&CREATE, &with_arn(bad), "KeyValueStoreAssociations.Items[0].KeyValueStoreARN may only contain a key value store ARN");
    }
}

#[test]
fn ids_are_1_to_64_characters_and_path_segments() {
    ok(&DELETE, &[s(&"i".repeat(64)), s("E")]);
    refused(&DELETE, &[s(&"i".repeat(65)), s("E")], "Id must be 1 to 64 characters long, not 65");
    refused(&PUBLISH, &[s(""), s("E")], "Id must be 1 to 64 characters long, not 0");
    refused(&UPDATE, &[s(".."), s("E"), plain_config(), bytes(b"x")], "Id cannot be empty, \".\" or \"..\"");
    refused(&TEST, &[V::Num(1.0), s("E"), bytes(b""), V::Missing], "Id must be a string, not a number");
    refused(&GET, &[s("."), V::Missing], "Identifier cannot be empty");
    refused(&LIST_DIST, &[s(&"x".repeat(2049)), V::Missing, V::Missing], "ConnectionFunctionIdentifier is 2049 characters long");
}

#[test]
fn if_match_is_a_header_value() {
    refused(&DELETE, &[s("id"), s("E\r\nx-injected: 1")], "IfMatch cannot contain control characters");
    refused(&PUBLISH, &[s("id"), V::InvalidUnicode], "IfMatch is not valid Unicode text");
    refused(&TEST, &[s("id"), V::Num(1.0), bytes(b""), V::Missing], "IfMatch must be a string, not a number");
}

#[test]
fn lone_surrogates_and_wrong_types_in_the_body() {
    refused(&CREATE, &create_with(V::InvalidUnicode, plain_config(), bytes(b"x"), V::Missing), "Name is not valid Unicode text");
    refused(&CREATE, &create_with(s("n"), config(V::InvalidUnicode, s("cloudfront-js-2.0"), V::Missing), bytes(b"x"), V::Missing), "ConnectionFunctionConfig.Comment is not valid Unicode");
    refused(&CREATE, &create_with(s("n"), s("cfg"), bytes(b"x"), V::Missing), "ConnectionFunctionConfig must be an object, not a string");
    refused(&LIST, &[V::Num(1.0), V::Missing, V::Missing], "Marker must be a string, not a number");
}

#[test]
fn messages_never_echo_the_values() {
    let secretish = "SECRET-LOOKING-VALUE";
    let cases: Vec<(&Operation, Vec<V>)> = vec![
        (&CREATE, create_with(s(&format!("{secretish} x")), plain_config(), bytes(b"x"), V::Missing)),
        (&CREATE, create_with(s("n"), config(s(""), s(secretish), V::Missing), bytes(b"x"), V::Missing)),
        (&CREATE, create_with(s("n"), plain_config(), bytes(b"x"), tags(V::List(vec![tag(s(&format!("{secretish}*")), V::Missing)])))),
        (&DELETE, vec![s(&secretish.repeat(4)), s("E")]),
        (&DELETE, vec![s("id"), s(&format!("{secretish}\n"))]),
    ];
    for (op, input) in cases {
        let e = req(op, &input).unwrap_err();
        assert!(!e.message.contains(secretish), "{}", e.message);
    }
    // Sanity: the good input is accepted.
    ok(&CREATE, &good_create());
}

#[test]
fn describe_encodes_the_label_once_and_the_query() {
    use cloudfront_wasm::DESCRIBE_CONNECTION_FUNCTION as DESCRIBE;
    let r = ok(&DESCRIBE, &[s("my func/a:b-é☃"), s("LIVE")]);
    assert_eq!(r.path, "/2020-05-31/connection-function/my%20func%2Fa%3Ab-%C3%A9%E2%98%83/describe");
    assert_eq!(
        r.url(),
        "https://cloudfront.amazonaws.com/2020-05-31/connection-function/my%20func%2Fa%3Ab-%C3%A9%E2%98%83/describe?Stage=LIVE"
    );
    let r = ok(&DESCRIBE, &[s("a+b%c~d"), V::Missing]);
    assert_eq!((r.path.as_str(), r.query.as_str()), ("/2020-05-31/connection-function/a%2Bb%25c~d/describe", ""));
    let custom = resolve(&EndpointConfig { endpoint: Some("http://127.0.0.1:1/api/"), ..Default::default() }).unwrap();
    let r = build(&DESCRIBE, &[s("f"), V::Missing], &custom, &tag_text).unwrap();
    assert_eq!(r.url(), "http://127.0.0.1:1/api/2020-05-31/connection-function/f/describe");
    for (id, stage, want) in [
        (V::Missing, V::Missing, "Identifier is required"),
        (V::Num(1.0), V::Missing, "Identifier must be a string, not a number"),
        (s(""), V::Missing, "cannot be empty"),
        (s(".."), V::Missing, "cannot be empty"),
        (V::InvalidUnicode, V::Missing, "lone surrogate"),
        (s(&"x".repeat(100_000)), V::Missing, "100000 characters"),
        (s("f"), s("live"), "Stage must be one of DEVELOPMENT, LIVE"),
        (s("f"), V::Other("a number"), "Stage must be a string, not a number"),
    ] {
        refused(&DESCRIBE, &[id, stage], want);
    }
    refused(&DESCRIBE, &[s("f")], "DescribeConnectionFunction takes 2 input members");
}
