//! Identifier and Stage from the input: building either refuses or gives a path whose single
//! percent-decoding is the identifier; signing (realistic clocks) never panics and its
//! canonical URI is the path encoded again.
#![no_main]

use cloudfront_wasm::endpoint::{resolve, EndpointConfig};
use cloudfront_wasm::request::build;
use cloudfront_wasm::signing::sign;
use cloudfront_wasm::{Credentials, InputValue, DESCRIBE_CONNECTION_FUNCTION};
use libfuzzer_sys::fuzz_target;

fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            assert!(hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)), "{text}");
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    // The low bits pick the Stage, the rest a clock in 1970-2100.
    let stage = match selector % 4 {
        0 => InputValue::Missing,
        1 => InputValue::Str("LIVE".into()),
        2 => InputValue::Str("DEVELOPMENT".into()),
        _ => InputValue::Str(text.chars().take(3).collect()),
    };
    let endpoint = if selector & 0x80 == 0 {
        resolve(&EndpointConfig::default()).unwrap()
    } else {
        resolve(&EndpointConfig { endpoint: Some("http://127.0.0.1:8080/base/"), ..Default::default() }).unwrap()
    };
    let id = text.into_owned();
    let Ok(mut req) = build(&DESCRIBE_CONNECTION_FUNCTION, &[InputValue::Str(id.clone()), stage], &endpoint, &|_: &str| true) else {
        return;
    };
    assert!(!id.is_empty() && id != "." && id != "..");
    let label = req
        .path
        .strip_prefix(&format!("{}/2020-05-31/connection-function/", endpoint.base_path))
        .and_then(|p| p.strip_suffix("/describe"))
        .unwrap();
    assert!(label.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)), "{label}");
    assert_eq!(percent_decode(label), id.as_bytes());
    let creds = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Some("token")).unwrap();
    let epoch_ms = i64::from(selector) * 16_000_000_000;
    let parts = sign(&mut req, &creds, epoch_ms, endpoint.signing_region);
    assert_eq!(parts.canonical_request.lines().nth(1), Some(req.path.replace('%', "%25").as_str()));
});
