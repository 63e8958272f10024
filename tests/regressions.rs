//! Pins for the bugs of issue #14 that no test noticed when they were planted (items 1, 2, 3,
//! 6, 7 and 10, and the clock offset when signing), each against the public API. Every test
//! here was seen failing with its bug planted.
#![cfg(not(target_arch = "wasm32"))]
// Test helpers outside #[test] functions are not covered by clippy.toml's allow-*-in-tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use cloudfront_wasm::endpoint::{resolve, EndpointConfig};
use cloudfront_wasm::request::build;
use cloudfront_wasm::response::{read_error, response_meta};
use cloudfront_wasm::retry::{classify, clock_offset_from_answer, Failure, Retry, RetryQuota};
use cloudfront_wasm::signing::{sign, sign_now, KeyCache};
use cloudfront_wasm::time::parse_rfc3339;
use cloudfront_wasm::{Credentials, HttpRequest, InputValue, ResponseMeta, DESCRIBE_CONNECTION_FUNCTION as OP};

fn request() -> HttpRequest {
    let endpoint = resolve(&EndpointConfig::default()).unwrap();
    // Describe has no tag text to match.
    build(&OP, &[InputValue::Str("my-func".to_owned()), InputValue::Missing], &endpoint, &|_: &str| true).unwrap()
}

fn creds() -> Credentials {
    Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None).unwrap()
}

fn header<'a>(req: &'a HttpRequest, name: &str) -> &'a str {
    req.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()).unwrap()
}

fn ms(rfc3339: &str) -> i64 {
    parse_rfc3339(rfc3339).unwrap() as i64
}

/// #14.1: the date, the scope's day and the key all come from the instant truncated to the
/// second, so the last half second of a day still signs for that day.
#[test]
fn last_half_second_of_a_day_signs_for_that_day() {
    let mut whole = request();
    sign(&mut whole, &creds(), ms("2024-05-01T23:59:59.000Z"), "us-east-1");
    for late in ["2024-05-01T23:59:59.500Z", "2024-05-01T23:59:59.999Z"] {
        let mut req = request();
        let parts = sign(&mut req, &creds(), ms(late), "us-east-1");
        assert_eq!(header(&req, "x-amz-date"), "20240501T235959Z", "{late}");
        assert!(header(&req, "authorization").contains("Credential=AKIDEXAMPLE/20240501/us-east-1/cloudfront/aws4_request,"));
        assert!(parts.string_to_sign.contains("\n20240501/us-east-1/cloudfront/aws4_request\n"));
        // The same second signs the same: the key is the one for May 1st too.
        assert_eq!(req.headers, whole.headers, "{late}");
    }
}

/// #14 (the clock offset when signing): the request is signed at the clock plus the offset.
#[test]
fn signing_applies_the_clock_offset() {
    let now = ms("2024-05-01T12:00:00.000Z") as f64;
    let hour = 3_600_000.0;
    let mut with_offset = request();
    sign_now(&mut with_offset, &creds(), now, hour, "us-east-1", &mut KeyCache::default());
    assert_eq!(header(&with_offset, "x-amz-date"), "20240501T130000Z");
    let mut at_the_later_time = request();
    sign(&mut at_the_later_time, &creds(), (now + hour) as i64, "us-east-1");
    assert_eq!(with_offset.headers, at_the_later_time.headers);
    let mut behind = request();
    sign_now(&mut behind, &creds(), now, -13.0 * hour, "us-east-1", &mut KeyCache::default());
    assert_eq!(header(&behind, "x-amz-date"), "20240430T230000Z");
    assert!(header(&behind, "authorization").contains("/20240430/"));
}

fn meta(status: u16) -> ResponseMeta {
    ResponseMeta { status, ..Default::default() }
}

/// #14.2: every 5xx the SDK retries (500, 502, 503, 504) is retried, with or without a body.
#[test]
fn gateway_errors_are_retried() {
    for status in [500, 502, 503, 504] {
        for body in ["", "<html><body><h1>Bad Gateway</h1></body></html>", "<Error><Code>InternalError</Code></Error>"] {
            let error = read_error(&OP, meta(status), body);
            assert_eq!(classify(Failure::Response(&error)), Some(Retry::Transient), "{status} {body:?}");
        }
    }
    for status in [400, 403, 404, 409, 412, 501] {
        let error = read_error(&OP, meta(status), "");
        assert_eq!(classify(Failure::Response(&error)), None, "{status}");
    }
}

/// #14.3: with both headers, `requestId` is `x-amzn-RequestId`'s, as in the SDK.
#[test]
fn request_id_prefers_x_amzn_request_id() {
    let headers = [("x-amz-request-id", "from-amz"), ("x-amzn-requestid", "from-amzn")];
    let lookup = |name: &'static str| headers.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned());
    assert_eq!(response_meta(200, &lookup).request_id.as_deref(), Some("from-amzn"));
    let only_amz = |name: &'static str| (name == "x-amz-request-id").then(|| "from-amz".to_owned());
    assert_eq!(response_meta(200, &only_amz).request_id.as_deref(), Some("from-amz"));
}

/// #14.6: successes refill the quota: a long-lived client keeps retrying.
#[test]
fn retry_quota_refills_after_successes() {
    let mut quota = RetryQuota::default();
    // A thousand calls, each retried once and then successful.
    for call in 0..1000 {
        let taken = quota.acquire(Retry::Transient).unwrap_or_else(|| panic!("no retry left at call {call}"));
        quota.release(taken);
    }
    // Drained by failures, then calls that succeed at once give a token each back.
    while quota.acquire(Retry::Transient).is_some() {}
    let left = quota.available();
    assert_eq!(quota.acquire(Retry::Transient), None);
    for _ in 0..14 - left {
        quota.release(0);
    }
    assert!(quota.acquire(Retry::Transient).is_some(), "14 successes pay for one retry");
}

/// #14.7: an answer with an `Age` header may come from a cache: its `Date` corrects nothing.
#[test]
fn age_header_keeps_the_clock_offset() {
    let date = "Wed, 01 May 2024 12:00:00 GMT";
    let server = ms("2024-05-01T12:00:00Z") as f64;
    let now = server - 3_600_000.0; // our clock an hour behind
    assert_eq!(clock_offset_from_answer(Some(date), None, now, 0.0), Some(3_600_000.0));
    assert_eq!(clock_offset_from_answer(Some(date), Some("0"), now, 0.0), None);
    assert_eq!(clock_offset_from_answer(Some(date), Some("120"), now, 0.0), None);
    // No date, an unreadable one, or one within four minutes: nothing to correct.
    assert_eq!(clock_offset_from_answer(None, None, now, 0.0), None);
    assert_eq!(clock_offset_from_answer(Some("yesterday"), None, now, 0.0), None);
    assert_eq!(clock_offset_from_answer(Some(date), None, server - 60_000.0, 0.0), None);
}

/// #14.10: with both `<Message>` and `<message>` in `<Error>`, the last one is the message
/// (whichever its case); at the top level `message` wins over `Message`, as in the SDK
/// (as the SDK reads these bodies, run on each).
#[test]
fn last_message_of_the_error_wins() {
    let message = |body: &str| read_error(&OP, meta(400), body).message;
    assert_eq!(message("<ErrorResponse><Error><Code>X</Code><Message>first</Message><message>last</message></Error></ErrorResponse>"), "last");
    assert_eq!(message("<ErrorResponse><Error><Code>X</Code><message>first</message><Message>last</Message></Error></ErrorResponse>"), "last");
    assert_eq!(message("<ErrorResponse><Error><Code>X</Code></Error><Message>first</Message><message>last</message></ErrorResponse>"), "last");
    assert_eq!(message("<ErrorResponse><Error><Code>X</Code></Error><message>first</message><Message>last</Message></ErrorResponse>"), "first");
    assert_eq!(message("<ErrorResponse><Error><Code>X</Code><Message>inner</Message></Error><message>top</message></ErrorResponse>"), "inner");
}
