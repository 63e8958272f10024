//! Issue 14, mutation testing: what src/error.rs gives the JS side that no host test read.
//! `$fault` is `"client"` or `"server"`, as the SDK's exceptions say it (README, Errors).
#![cfg(not(target_arch = "wasm32"))]

use cloudfront_wasm::error::{Error, ErrorKind, Fault, ResponseMeta};

#[test]
fn fault_is_named_as_the_sdk_names_it() {
    assert_eq!(Fault::Client.as_str(), "client");
    assert_eq!(Fault::Server.as_str(), "server");
    // A local error is the caller's fault.
    assert_eq!(Error::input("x").fault.as_str(), "client");
}

#[test]
fn an_answer_over_the_limit_is_the_servers_fault_and_keeps_its_metadata() {
    let meta = ResponseMeta { status: 200, request_id: Some("req-1".to_owned()), ..ResponseMeta::default() };
    let e = Error::too_large(1 << 20, meta.clone());
    assert_eq!(e.kind, ErrorKind::ResponseTooLarge);
    assert_eq!(e.name, "ResponseTooLargeError");
    assert_eq!(e.fault, Fault::Server);
    assert_eq!(e.response, Some(meta));
    assert_eq!(e.status(), Some(200));
    assert_eq!(e.message, "the response body is larger than 1048576 bytes, the limit for this operation");
}

#[test]
fn display_is_name_colon_message() {
    assert_eq!(Error::input("Identifier is required").to_string(), "ValidationError: Identifier is required");
}
