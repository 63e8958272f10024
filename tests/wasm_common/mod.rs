//! The boundary's behaviour under a real JS engine (Node or Chromium): output objects with
//! Dates, error descriptors, checks before sending, retries. A stub `fetch` (config option)
//! answers from a queue and counts calls.
// Test helpers: a failed JS call here is a failed test.
#![allow(clippy::unwrap_used, clippy::panic)]

use cloudfront_wasm::wasm::WasmClient;
use js_sys::{Array, Date, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const SUMMARY: &str = include_str!("../rust/fixtures/samples/01-describe-full.xml");
const NOT_FOUND: &str = include_str!("../rust/fixtures/samples/22-error-entity-not-found-404.xml");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// A fetch stub answering `answers` ([status, body] pairs) in turn; `calls()` counts.
fn stub(answers: &[(u16, &str)]) -> (JsValue, Function) {
    let answers: Vec<(u16, JsValue)> = answers.iter().map(|(status, body)| (*status, JsValue::from_str(body))).collect();
    stub_bodies(&answers)
}

/// `stub` with any `Response` body (a string or a `Uint8Array`); `last` keeps the request's
/// method, headers and body.
fn stub_bodies(answers: &[(u16, JsValue)]) -> (JsValue, Function) {
    let queue = Array::new();
    for (status, body) in answers {
        queue.push(&Array::of2(&JsValue::from(*status), body));
    }
    let state = Object::new();
    Reflect::set(&state, &"queue".into(), &queue).unwrap();
    Reflect::set(&state, &"calls".into(), &JsValue::from(0)).unwrap();
    let fetch = Function::new_with_args(
        "url, init",
        "this.calls++; this.last = { url, method: init.method, body: init.body, headers: Object.fromEntries(new Headers(init.headers)) }; \
         const [status, body] = this.queue.shift(); \
         return Promise.resolve(new Response(body, { status, headers: { ETag: 'E1', 'x-amzn-RequestId': 'rid' } }));",
    );
    (state.clone().into(), fetch.bind0(&state))
}

fn client(fetch: &Function, extra: &[(&str, JsValue)]) -> WasmClient {
    let config = Object::new();
    Reflect::set(&config, &"fetch".into(), fetch).unwrap();
    Reflect::set(&config, &"endpoint".into(), &"http://127.0.0.1:9".into()).unwrap();
    for (k, v) in extra {
        Reflect::set(&config, &(*k).into(), v).unwrap();
    }
    WasmClient::new(&config).unwrap_or_else(|e| panic!("{e:?}"))
}

fn input(identifier: JsValue) -> JsValue {
    let i = Object::new();
    Reflect::set(&i, &"Identifier".into(), &identifier).unwrap();
    Reflect::set(&i, &"Stage".into(), &"LIVE".into()).unwrap();
    i.into()
}

fn creds() -> JsValue {
    let c = Object::new();
    Reflect::set(&c, &"accessKeyId".into(), &"AKIDEXAMPLE".into()).unwrap();
    Reflect::set(&c, &"secretAccessKey".into(), &"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into()).unwrap();
    c.into()
}

#[wasm_bindgen_test]
async fn success_builds_the_sdk_object_with_dates() {
    let (state, fetch) = stub(&[(200, SUMMARY)]);
    let c = client(&fetch, &[]);
    let out = send(&c, "DescribeConnectionFunction", &input("my func/é".into()), &creds()).await.unwrap();
    let summary = get(&out, "ConnectionFunctionSummary");
    assert_eq!(get(&summary, "Name").as_string().as_deref(), Some("my-func"));
    let created = get(&summary, "CreatedTime");
    assert!(created.is_instance_of::<Date>());
    assert_eq!(created.unchecked_into::<Date>().get_time(), 1_714_561_200_123.0);
    assert_eq!(get(&out, "ETag").as_string().as_deref(), Some("E1"));
    let meta = get(&out, "$metadata");
    assert_eq!(get(&meta, "attempts").as_f64(), Some(1.0));
    assert_eq!(get(&meta, "requestId").as_string().as_deref(), Some("rid"));
    assert!(Reflect::has(&meta, &"cfId".into()).unwrap(), "absent metadata keys exist as undefined");
    let last = get(&state, "last");
    assert_eq!(
        get(&last, "url").as_string().as_deref(),
        Some("http://127.0.0.1:9/2020-05-31/connection-function/my%20func%2F%C3%A9/describe?Stage=LIVE")
    );
    let headers = Object::keys(&get(&last, "headers").unchecked_into::<Object>());
    let names: Vec<String> = headers.iter().filter_map(|h| h.as_string()).collect();
    assert_eq!(names, ["authorization", "x-amz-date"]);
}

#[wasm_bindgen_test]
async fn service_errors_become_descriptors() {
    let (_, fetch) = stub(&[(404, NOT_FOUND)]);
    let c = client(&fetch, &[]);
    let err = send(&c, "DescribeConnectionFunction", &input("gone".into()), &creds()).await.unwrap_err();
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("EntityNotFound"));
    assert_eq!(get(&err, "$fault").as_string().as_deref(), Some("client"));
    assert_eq!(get(&get(&err, "fields"), "Code").as_string().as_deref(), Some("EntityNotFound"));
    assert_eq!(get(&get(&err, "$metadata"), "httpStatusCode").as_f64(), Some(404.0));
}

#[wasm_bindgen_test]
async fn bad_input_is_refused_before_fetch() {
    let (state, fetch) = stub(&[]);
    let c = client(&fetch, &[]);
    for bad in [JsValue::from(5), JsValue::from_str(".."), JsValue::NULL] {
        let err = send(&c, "DescribeConnectionFunction", &input(bad), &creds()).await.unwrap_err();
        assert_eq!(get(&err, "name").as_string().as_deref(), Some("ValidationError"));
    }
    let err = send(&c, "DescribeConnectionFunction", &input("f".into()), &JsValue::UNDEFINED).await.unwrap_err();
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("CredentialsError"));
    assert_eq!(get(&state, "calls").as_f64(), Some(0.0));
    let bad_config = Object::new();
    Reflect::set(&bad_config, &"maxAttempts".into(), &JsValue::from(0)).unwrap();
    assert!(WasmClient::new(&bad_config).is_err());
}

#[wasm_bindgen_test]
async fn throttling_is_retried_then_succeeds() {
    let throttled = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>";
    let (state, fetch) = stub(&[(400, throttled), (200, SUMMARY)]);
    let c = client(&fetch, &[]);
    let out = send(&c, "DescribeConnectionFunction", &input("f".into()), &creds()).await.unwrap();
    assert_eq!(get(&get(&out, "$metadata"), "attempts").as_f64(), Some(2.0));
    assert_eq!(get(&state, "calls").as_f64(), Some(2.0));
}

/// One call as `js/index.js` drives it (without the backoff waits): attempts until
/// `finish` gives the output or throws the error descriptor.
async fn send(c: &WasmClient, operation: &str, input: &JsValue, credentials: &JsValue) -> Result<JsValue, JsValue> {
    // The credentials' fields as js/index.js reads them.
    let field = |key: &str| js_sys::Reflect::get(credentials, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let [id, secret, token] = ["accessKeyId", "secretAccessKey", "sessionToken"].map(field);
    let mut call = c.prepare(operation, input, credentials, &id, &secret, &token, None)?;
    loop {
        let u = JsValue::UNDEFINED;
        let Some(pending) = call.attempt(None) else { return call.finish(4, u.clone(), u.clone(), u) };
        let (outcome, response, body, error) = match JsFuture::from(pending).await {
            Err(e) => (1, u.clone(), u.clone(), e),
            Ok(response) => match call.body(&response) {
                Err(e) => (2, response, u.clone(), e),
                Ok(body) => match JsFuture::from(Promise::resolve(&body)).await {
                    Ok(body) => (0, response, body, u),
                    Err(e) => (2, response, u.clone(), e),
                },
            },
        };
        let result = call.finish(outcome, response, body, error)?;
        if result.as_f64().is_none() {
            return Ok(result);
        }
    }
}

fn object(members: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in members {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn create_input(code: JsValue, tag_key: &str) -> JsValue {
    let config = object(&[("Comment", "c".into()), ("Runtime", "cloudfront-js-2.0".into())]);
    let tag = object(&[("Key", tag_key.into()), ("Value", "v".into())]);
    let tags = object(&[("Items", Array::of1(&tag).into())]);
    object(&[("Name", "n".into()), ("ConnectionFunctionConfig", config), ("ConnectionFunctionCode", code), ("Tags", tags)])
}

#[wasm_bindgen_test]
async fn create_sends_the_xml_body_and_reads_location() {
    let created = include_str!("../rust/fixtures/samples/41-create-201.xml");
    let (state, fetch) = stub(&[(201, created)]);
    let c = client(&fetch, &[]);
    let code = Uint8Array::from(&b"function f() {}"[..]);
    let out = send(&c, "CreateConnectionFunction", &create_input(code.into(), "clé 名前 ٣"), &creds()).await.unwrap();
    let summary = get(&out, "ConnectionFunctionSummary");
    assert_eq!(get(&summary, "Name").as_string().as_deref(), Some("cert-serial-gate"));
    assert!(get(&summary, "CreatedTime").is_instance_of::<Date>());
    assert_eq!(get(&get(&out, "$metadata"), "httpStatusCode").as_f64(), Some(201.0));
    let last = get(&state, "last");
    assert_eq!(get(&last, "method").as_string().as_deref(), Some("POST"));
    assert_eq!(get(&get(&last, "headers"), "content-type").as_string().as_deref(), Some("application/xml"));
    let body = get(&last, "body").as_string().unwrap();
    assert!(body.contains("<ConnectionFunctionCode>ZnVuY3Rpb24gZigpIHt9</ConnectionFunctionCode>"), "{body}");
    assert!(body.contains("<Tag><Key>clé 名前 ٣</Key><Value>v</Value></Tag>"), "{body}");
}

#[wasm_bindgen_test]
async fn blobs_and_tag_patterns_are_checked_at_the_boundary() {
    let (state, fetch) = stub(&[]);
    let c = client(&fetch, &[]);
    let code: JsValue = Uint8Array::from(&b"x"[..]).into();
    let cases = [
        (create_input("code".into(), "k"), "ConnectionFunctionCode must be a Uint8Array, not a string"),
        (create_input(Array::of1(&JsValue::from(1)).into(), "k"), "ConnectionFunctionCode must be a Uint8Array, not an array"),
        // The JS RegExp's \p{L}: no Unicode tables in the wasm.
        (create_input(code.clone(), "a*b"), "Tags.Items[0].Key may only contain"),
        (create_input(code, "emoji 😀"), "Tags.Items[0].Key may only contain"),
    ];
    for (input, want) in cases {
        let err = send(&c, "CreateConnectionFunction", &input, &creds()).await.unwrap_err();
        assert_eq!(get(&err, "name").as_string().as_deref(), Some("ValidationError"));
        let message = get(&err, "message").as_string().unwrap();
        assert!(message.contains(want), "{message}");
    }
    assert_eq!(get(&state, "calls").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
async fn get_returns_the_code_as_bytes_and_delete_only_metadata() {
    let bytes: JsValue = Uint8Array::from(&[0x66u8, 0xff, 0x00, 0xc3, 0xa9][..]).into();
    let (_, fetch) = stub_bodies(&[(200, bytes), (204, JsValue::NULL)]);
    let c = client(&fetch, &[]);
    let out = send(&c, "GetConnectionFunction", &input("f".into()), &creds()).await.unwrap();
    let code = get(&out, "ConnectionFunctionCode").dyn_into::<Uint8Array>().unwrap();
    assert_eq!(code.to_vec(), [0x66, 0xff, 0x00, 0xc3, 0xa9]);
    assert_eq!(get(&out, "ETag").as_string().as_deref(), Some("E1"));
    let delete = object(&[("Id", "f".into()), ("IfMatch", "E1".into())]);
    let out = send(&c, "DeleteConnectionFunction", &delete, &creds()).await.unwrap();
    let out: Object = out.unchecked_into();
    let keys: Vec<String> = Object::keys(&out).iter().filter_map(|k| k.as_string()).collect();
    assert_eq!(keys, ["$metadata"]);
}

#[wasm_bindgen_test]
async fn integers_are_what_javascripts_number_makes_of_their_text() {
    // The SDK reads an XML integer with Number(text); so does the boundary (plain digits
    // without a crossing). NaN is checked apart: it is not equal to itself.
    let cases: [(&str, f64); 11] = [
        ("2", 2.0),
        ("007", 7.0),
        (" 2 ", 2.0),
        ("\u{feff}5\n", 5.0),
        ("-7", -7.0),
        ("1.5", 1.5),
        ("0x10", 16.0),
        ("1e3", 1000.0),
        ("", 0.0),
        ("999999999999999", 999_999_999_999_999.0),
        ("12345678901234567", 12_345_678_901_234_568.0),
    ];
    let answers: Vec<(u16, String)> =
        cases.iter().map(|(text, _)| text).chain(&["abc", "1 2"]).map(|t| (200, SUMMARY.replace("<Quantity>2</Quantity>", &format!("<Quantity>{t}</Quantity>")))).collect();
    let answers: Vec<(u16, &str)> = answers.iter().map(|(status, body)| (*status, body.as_str())).collect();
    let (_, fetch) = stub(&answers);
    let c = client(&fetch, &[]);
    let quantity = |out: &JsValue| get(&get(&get(&get(out, "ConnectionFunctionSummary"), "ConnectionFunctionConfig"), "KeyValueStoreAssociations"), "Quantity");
    for (text, want) in cases {
        let out = send(&c, "DescribeConnectionFunction", &input("f".into()), &creds()).await.unwrap();
        assert_eq!(quantity(&out).as_f64(), Some(want), "{text:?}");
    }
    for text in ["abc", "1 2"] {
        let out = send(&c, "DescribeConnectionFunction", &input("f".into()), &creds()).await.unwrap();
        assert!(quantity(&out).as_f64().is_some_and(f64::is_nan), "{text:?}");
    }
}
