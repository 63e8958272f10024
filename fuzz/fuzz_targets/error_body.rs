//! An error answer's body (any status ≥ 300): always an SDK-shaped service error, never a panic.
#![no_main]

use cloudfront_wasm::response::{read_error, response_meta};
use cloudfront_wasm::xml::parse_error_body;
use cloudfront_wasm::{ErrorKind, DESCRIBE_CONNECTION_FUNCTION};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [a, b, rest @ ..] => (300 + u16::from_le_bytes([*a, *b]) % 300, rest),
        _ => (500, data),
    };
    let body = String::from_utf8_lossy(body);
    let _ = parse_error_body(&body);
    let header = |_: &str| None;
    let e = read_error(&DESCRIBE_CONNECTION_FUNCTION, response_meta(status, &header), &body);
    assert_eq!(e.kind, ErrorKind::Service);
    assert_eq!(e.status(), Some(status));
});
