//! Issue 14, mutation testing: request-building rules of src/request.rs that cargo-mutants
//! showed no test held at their boundary.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use cloudfront_wasm::endpoint::{resolve, EndpointConfig};
use cloudfront_wasm::request::{build, MAX_INPUT_CHARS};
use cloudfront_wasm::operation::DELETE_CONNECTION_FUNCTION as DELETE;
use cloudfront_wasm::{InputValue, DESCRIBE_CONNECTION_FUNCTION as OP};

fn describe(identifier: String) -> Result<String, String> {
    let endpoint = resolve(&EndpointConfig::default()).unwrap();
    build(&OP, &[InputValue::Str(identifier), InputValue::Missing], &endpoint, &|_: &str| true)
        .map(|r| r.path)
        .map_err(|e| e.message)
}

#[test]
fn an_identifier_of_exactly_the_limit_is_accepted_one_more_character_refused() {
    assert_eq!(MAX_INPUT_CHARS, 2048);
    // Characters, not bytes: é is two bytes in UTF-8 and six in the path (%C3%A9).
    let at_limit = "é".repeat(MAX_INPUT_CHARS);
    let path = describe(at_limit).unwrap();
    assert_eq!(path, format!("/2020-05-31/connection-function/{}/describe", "%C3%A9".repeat(MAX_INPUT_CHARS)));
    assert_eq!(
        describe("é".repeat(MAX_INPUT_CHARS + 1)).unwrap_err(),
        "Identifier is 2049 characters long; at most 2048 are accepted"
    );
}

fn delete_if_match(etag: &str) -> Result<String, String> {
    let endpoint = resolve(&EndpointConfig::default()).unwrap();
    let input = [InputValue::Str("id".to_owned()), InputValue::Str(etag.to_owned())];
    build(&DELETE, &input, &endpoint, &|_: &str| true)
        .map(|r| r.headers.iter().find(|(n, _)| *n == "if-match").map(|(_, v)| v.clone()).unwrap())
        .map_err(|e| e.message)
}

#[test]
fn if_match_refuses_exactly_the_control_characters() {
    // A space (0x20) and any other printable byte may be in a header value; below 0x20 and DEL may not.
    assert_eq!(delete_if_match("E 1~é").as_deref(), Ok("E 1~é"));
    for bad in ["E\u{1f}1", "E\u{0}1", "E\t1", "E\u{7f}1"] {
        assert_eq!(delete_if_match(bad).unwrap_err(), "IfMatch cannot contain control characters", "{bad:?}");
    }
}
