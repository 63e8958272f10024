//! A 200 answer's body read as every operation's output: the XML reader and the payload walk
//! must never panic, and a failure must be a parse error.
#![no_main]

use cloudfront_wasm::operation::{CONNECTION_FUNCTION_SUMMARY, OPERATIONS};
use cloudfront_wasm::response::{read_output, response_meta, Body};
use cloudfront_wasm::xml::{parse_document, parse_payload};
use cloudfront_wasm::ErrorKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let _ = parse_document(&body);
    let _ = parse_payload(&body, &CONNECTION_FUNCTION_SUMMARY);
    let header = |name: &str| (name == "etag").then(|| "E".to_owned());
    let meta = response_meta(200, &header);
    for op in OPERATIONS {
        // As text and as bytes: Get keeps bytes, the others refuse them as a parse error.
        for body in [Body::Text(body.clone().into_owned()), Body::Bytes(data.to_vec())] {
            if let Err(e) = read_output(op, &meta, &header, &body) {
                assert_eq!(e.kind, ErrorKind::Parse);
            }
        }
    }
});
