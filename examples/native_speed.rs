//! The core's speed compiled natively, for the "what bounds" notes of BENCHMARKS.md:
//! `cargo run --release --example native_speed`. Prints microseconds per signature (request
//! built and signed, a fresh signing-key cache each time and a kept one) and per parse of the
//! bench's 3-KVS answer. A measurement, not a test: nothing here asserts a time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use cloudfront_wasm::endpoint::{resolve, EndpointConfig};
use cloudfront_wasm::operation::CONNECTION_FUNCTION_SUMMARY;
use cloudfront_wasm::request::build;
use cloudfront_wasm::signing::{sign, sign_cached, KeyCache};
use cloudfront_wasm::xml::parse_payload;
use cloudfront_wasm::{Credentials, InputValue, DESCRIBE_CONNECTION_FUNCTION as OP};

fn per_call(label: &str, n: u32, mut f: impl FnMut(u32)) {
    for i in 0..n / 10 {
        f(i); // warm up
    }
    let t = Instant::now();
    for i in 0..n {
        f(i);
    }
    println!("{label:<44} {:>7.2} µs", t.elapsed().as_secs_f64() * 1e6 / f64::from(n));
}

fn main() {
    let endpoint = resolve(&EndpointConfig::default()).unwrap();
    let creds = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None).unwrap();
    let input = [InputValue::Str("fx-3kvs".into()), InputValue::Str("LIVE".into())];
    let at = 1_714_564_800_000;
    per_call("build + sign, signing key derived each time", 100_000, |i| {
        let mut req = build(&OP, &input, &endpoint, &|_: &str| true).unwrap();
        black_box(sign(&mut req, &creds, at + i64::from(i), "us-east-1"));
    });
    let mut keys = KeyCache::default();
    per_call("build + sign, signing key kept (as the client)", 100_000, |i| {
        let mut req = build(&OP, &input, &endpoint, &|_: &str| true).unwrap();
        black_box(sign_cached(&mut req, &creds, at + i64::from(i), "us-east-1", &mut keys));
    });
    let body = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/js/fixtures/f05-three-kvs.xml")).unwrap();
    per_call("parse the bench's 3-KVS answer", 100_000, |_| {
        black_box(parse_payload(&body, &CONNECTION_FUNCTION_SUMMARY).unwrap());
    });
}
