//! Every CASE of `tests/rust/fixtures/signing-vectors.txt` (botocore with a frozen clock)
//! rebuilt and re-signed by the core: canonical request, string to sign, Authorization
//! header and URL must be byte-for-byte what botocore produced.

// Test helpers outside #[test] functions are not covered by clippy.toml's allow-*-in-tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use cloudfront_wasm::endpoint::{resolve, EndpointConfig};
use cloudfront_wasm::request::build;
use cloudfront_wasm::signing::sign;
use cloudfront_wasm::time::parse_rfc3339;
use cloudfront_wasm::{Credentials, InputValue, DESCRIBE_CONNECTION_FUNCTION};

const VECTORS: &str = include_str!("rust/fixtures/signing-vectors.txt");

#[derive(Debug)]
struct Case {
    title: String,
    identifier: String,
    stage: Option<String>,
    session_token: Option<String>,
    url: String,
    authorization: String,
    canonical_request: String,
    string_to_sign: String,
}

/// The text between `'key': '` and the next `'` on `line` (the vectors hold no quotes in values).
fn python_str(line: &str, key: &str) -> Option<String> {
    let marker = format!("'{key}': '");
    let start = line.find(&marker)? + marker.len();
    let len = line[start..].find('\'')?;
    Some(line[start..start + len].to_owned())
}

/// The lines strictly between the line `from` and the line `to`, joined with `\n`.
fn section(lines: &[&str], from: &str, to: &str) -> String {
    let start = lines.iter().position(|l| *l == from).unwrap_or_else(|| panic!("no {from}")) + 1;
    let len = lines[start..].iter().position(|l| *l == to).unwrap_or_else(|| panic!("no {to}"));
    lines[start..start + len].join("\n")
}

fn header_value(lines: &[&str], name: &str) -> Option<String> {
    let prefix = format!("{name}: ");
    lines.iter().find_map(|l| l.strip_prefix(prefix.as_str())).map(str::to_owned)
}

/// The preamble's frozen clock (epoch ms) and credentials.
fn preamble() -> (i64, String, String) {
    let first = VECTORS.lines().next().unwrap();
    let clock = first.split("frozen clock ").nth(1).unwrap().split(';').next().unwrap();
    let ms = parse_rfc3339(clock).unwrap_or_else(|| panic!("clock {clock:?}"));
    let creds = VECTORS.lines().find(|l| l.starts_with("access key ")).unwrap();
    let words: Vec<&str> = creds.split_whitespace().collect();
    assert_eq!((words[0], words[1], words[3]), ("access", "key", "secret"), "{creds}");
    (ms as i64, words[2].to_owned(), words[4].to_owned())
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for block in VECTORS.split("==============================================================================\n") {
        let lines: Vec<&str> = block.lines().collect();
        let Some(title) = lines.first().and_then(|l| l.strip_prefix("CASE: ")) else { continue };
        let call = lines.iter().find(|l| l.starts_with("call: ")).unwrap();
        let token_line = lines.iter().find_map(|l| l.strip_prefix("session token: ")).unwrap();
        let session_token = match token_line {
            "None" => None,
            quoted => Some(quoted.trim_matches('\'').to_owned()),
        };
        let url = lines.iter().find_map(|l| l.strip_prefix("GET ")).unwrap().to_owned();
        out.push(Case {
            title: title.to_owned(),
            identifier: python_str(call, "Identifier").unwrap(),
            stage: python_str(call, "Stage"),
            session_token,
            url,
            authorization: header_value(&lines, "Authorization").unwrap(),
            canonical_request: section(&lines, "CanonicalRequest:", "StringToSign:"),
            string_to_sign: section(&lines, "StringToSign:", "Signature:"),
        });
    }
    out
}

#[test]
fn the_vectors_file_has_the_expected_cases() {
    let cases = cases();
    assert_eq!(cases.len(), 4, "{cases:#?}");
    assert!(cases.iter().any(|c| c.identifier == "my func/a:b-é☃" && c.session_token.is_some()));
    assert!(cases.iter().any(|c| c.identifier == "my-func" && c.session_token.is_none()));
    // The double-encoded canonical URI is what tells single from double encoding apart.
    assert!(VECTORS.contains("/2020-05-31/connection-function/my%2520func%252Fa%253Ab-%25C3%25A9%25E2%2598%2583/describe"));
}

#[test]
fn every_vector_matches_botocore_exactly() {
    let (epoch_ms, access_key, secret) = preamble();
    assert_eq!(epoch_ms, 1_714_564_800_000);
    let endpoint = resolve(&EndpointConfig { region: Some("us-east-1"), ..Default::default() }).unwrap();
    for case in cases() {
        let stage = case.stage.clone().map_or(InputValue::Missing, InputValue::Str);
        let mut req = build(&DESCRIBE_CONNECTION_FUNCTION, &[InputValue::Str(case.identifier.clone()), stage], &endpoint, &|_: &str| true)
            .unwrap_or_else(|e| panic!("{}: {e}", case.title));
        assert_eq!(req.url(), case.url, "{}: URL", case.title);
        let creds = Credentials::new(&access_key, &secret, case.session_token.as_deref()).unwrap();
        let parts = sign(&mut req, &creds, epoch_ms, endpoint.signing_region);
        assert_eq!(parts.canonical_request, case.canonical_request, "{}: canonical request", case.title);
        assert_eq!(parts.string_to_sign, case.string_to_sign, "{}: string to sign", case.title);
        let header = |name: &str| req.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str());
        assert_eq!(header("authorization"), Some(case.authorization.as_str()), "{}: Authorization", case.title);
        assert_eq!(header("x-amz-date"), Some("20240501T120000Z"), "{}", case.title);
        assert_eq!(header("x-amz-security-token"), case.session_token.as_deref(), "{}", case.title);
        // Nothing else is added: host is implicit, no content hash or user agent is signed.
        assert_eq!(req.headers.len(), 2 + usize::from(case.session_token.is_some()), "{}: {:?}", case.title, req.headers);
    }
}

#[test]
fn a_millisecond_inside_the_second_signs_the_same() {
    let (epoch_ms, access_key, secret) = preamble();
    let endpoint = resolve(&EndpointConfig::default()).unwrap();
    let case = cases().into_iter().next().unwrap();
    let creds = Credentials::new(&access_key, &secret, case.session_token.as_deref()).unwrap();
    let input = [InputValue::Str(case.identifier.clone()), case.stage.clone().map_or(InputValue::Missing, InputValue::Str)];
    let mut req = build(&DESCRIBE_CONNECTION_FUNCTION, &input, &endpoint, &|_: &str| true).unwrap();
    sign(&mut req, &creds, epoch_ms + 999, "us-east-1");
    let auth = req.headers.iter().find(|(n, _)| *n == "authorization").map(|(_, v)| v.clone());
    assert_eq!(auth.as_deref(), Some(case.authorization.as_str()));
}
