//! The JavaScript boundary: the only module that touches JS values. `js/index.js` wraps
//! `WasmClient` in the SDK-shaped classes.

mod convert;
mod input;
mod transport;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{ArrayBuffer, Date, Function, Math, Object, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortSignal, Response};

use crate::endpoint::{resolve, Endpoint, EndpointConfig};
use crate::error::{Error, ResponseMeta};
use crate::operation::{self, Operation};
use crate::request::{self, HttpRequest};
use crate::response::{read_error, read_output, response_meta, Body};
use crate::retry::{backoff_ms, classify, clock_offset_from_answer, Failure as RetryFailure, Retry, RetryQuota};
use crate::signing::{self, Credentials, KeyCache};
use convert::{error_descriptor, get, metadata, object, opt_bool, opt_number, opt_string, platform_error, set, string_field};
use transport::Answer;

const DEFAULT_MAX_ATTEMPTS: u32 = 3;

struct Client {
    endpoint: Endpoint,
    max_attempts: u32,
    request_timeout_ms: Option<f64>,
    fetch: Option<Function>,
    clock_offset_ms: Cell<f64>,
    quota: RefCell<RetryQuota>,
    signing_keys: RefCell<KeyCache>,
}

/// A configured client. `prepare` checks one call's input and credentials and returns the
/// `WasmCall` that `js/index.js` drives attempt by attempt (see there).
#[wasm_bindgen]
pub struct WasmClient {
    inner: Rc<Client>,
}

fn config_error(message: String) -> JsValue {
    error_descriptor(&Error::config(message), 0, 0.0)
}

#[wasm_bindgen]
impl WasmClient {
    /// Reads and checks the SDK-style config object; a bad value rejects before any request.
    #[wasm_bindgen(constructor)]
    pub fn new(config: &JsValue) -> Result<WasmClient, JsValue> {
        let region = opt_string(config, "region", "config").map_err(config_error)?;
        let endpoint = opt_string(config, "endpoint", "config").map_err(config_error)?;
        let endpoint = resolve(&EndpointConfig {
            region: region.as_deref(),
            endpoint: endpoint.as_deref(),
            use_fips: opt_bool(config, "useFipsEndpoint").map_err(config_error)?,
            use_dualstack: opt_bool(config, "useDualstackEndpoint").map_err(config_error)?,
        })
        .map_err(|e| error_descriptor(&e, 0, 0.0))?;
        let max_attempts = match opt_number(config, "maxAttempts").map_err(config_error)? {
            None => DEFAULT_MAX_ATTEMPTS,
            Some(n) if n >= 1.0 && n.fract() == 0.0 && n <= 100.0 => n as u32,
            Some(_) => return Err(config_error("maxAttempts must be a whole number from 1 to 100".into())),
        };
        let request_timeout_ms = match opt_number(config, "requestTimeout").map_err(config_error)? {
            None => None,
            Some(0.0) => None,
            Some(ms) if ms > 0.0 && ms.is_finite() => Some(ms),
            Some(_) => {
                return Err(config_error("requestTimeout must be a positive number of milliseconds (0 for none)".into()))
            }
        };
        let clock_offset_ms = match opt_number(config, "systemClockOffset").map_err(config_error)? {
            None => 0.0,
            Some(ms) if ms.is_finite() => ms,
            Some(_) => return Err(config_error("systemClockOffset must be a finite number of milliseconds".into())),
        };
        let fetch = get(config, "fetch");
        let fetch = if fetch.is_undefined() || fetch.is_null() {
            None
        } else {
            Some(fetch.dyn_into::<Function>().map_err(|_| config_error("fetch must be a function".into()))?)
        };
        Ok(WasmClient {
            inner: Rc::new(Client {
                endpoint,
                max_attempts,
                request_timeout_ms,
                fetch,
                clock_offset_ms: Cell::new(clock_offset_ms),
                quota: RefCell::new(RetryQuota::default()),
                signing_keys: RefCell::new(KeyCache::default()),
            }),
        })
    }

    /// The clock offset in use, corrected from the server's `Date` when ours is off.
    #[wasm_bindgen(getter, js_name = systemClockOffset)]
    pub fn system_clock_offset(&self) -> f64 {
        self.inner.clock_offset_ms.get()
    }

    /// The request timeout in milliseconds, 0 for none (checked by the constructor).
    #[wasm_bindgen(getter, js_name = requestTimeout)]
    pub fn request_timeout(&self) -> f64 {
        self.inner.request_timeout_ms.unwrap_or(0.0)
    }

    /// Checks `input` (for `operation`, the SDK's operation name) and `credentials`, and builds
    /// the request: nothing is sent until `attempt`. Throws the error descriptor of bad input.
    /// `credentials` comes with its three fields as js/index.js read them (`CredentialFields`).
    #[allow(clippy::too_many_arguments)] // the fields are what saves the crossings
    pub fn prepare(
        &self,
        operation: &str,
        input: &JsValue,
        credentials: &JsValue,
        access_key_id: &JsValue,
        secret_access_key: &JsValue,
        session_token: &JsValue,
        signal: Option<AbortSignal>,
    ) -> Result<WasmCall, JsValue> {
        let fields = CredentialFields { object: credentials, access_key_id, secret_access_key, session_token };
        let (op, request, creds) = self.inner.checked(operation, input, &fields).map_err(|e| error_descriptor(&e, 0, 0.0))?;
        Ok(WasmCall {
            client: Rc::clone(&self.inner),
            op,
            request,
            creds,
            signal,
            attempts: 0,
            total_delay: 0.0,
            pending_delay: 0.0,
            retry_tokens: 0,
        })
    }
}

/// How an attempt ended, as `js/index.js` tells `WasmCall::finish`.
const ANSWERED: u8 = 0;
const FETCH_FAILED: u8 = 1;
const BODY_FAILED: u8 = 2;
const TIMED_OUT: u8 = 3;
// 4 (or any other): the caller's signal fired.

/// One call of an operation, from its checked request to its output or error. The retry
/// loop is `js/index.js`'s (its awaits and timers are JS's): this side signs and starts each
/// attempt, reads each answer, and decides, with the client's retry policy and quota,
/// whether and after how long to try again. A Rust future here cost 2.7 KB of the
/// gzipped download (wasm-bindgen-futures' task queue and the loop's state machine).
#[wasm_bindgen]
pub struct WasmCall {
    client: Rc<Client>,
    op: &'static Operation,
    request: HttpRequest,
    creds: Credentials,
    signal: Option<AbortSignal>,
    attempts: u32,
    /// The backoff waits before the attempts made so far, for `$metadata.totalRetryDelay`.
    total_delay: f64,
    /// The wait `finish` asked for, counted once the next attempt starts (not if aborted).
    pending_delay: f64,
    /// Retry tokens this call took from the quota, given back when it succeeds.
    retry_tokens: u32,
}

#[wasm_bindgen]
impl WasmCall {
    /// Starts the next attempt: signs the request now (JS's clock plus the offset) and calls
    /// `fetch` with `signal` (the caller's, or the one the request timeout aborts). `undefined`
    /// when the caller's signal has fired: the attempt is counted, as the SDK's fetch handler
    /// refuses an aborted signal inside the attempt, and `finish(ABORTED)` reports it.
    pub fn attempt(&mut self, signal: Option<AbortSignal>) -> Option<Promise> {
        self.total_delay += self.pending_delay;
        self.pending_delay = 0.0;
        self.attempts += 1;
        if self.signal.as_ref().is_some_and(AbortSignal::aborted) {
            return None;
        }
        let mut signed = self.request.clone();
        self.client.sign(&mut signed, &self.creds);
        Some(transport::start(&signed, self.client.fetch.as_ref(), signal.as_ref()))
    }

    /// A copy of the request body when it is large enough (`LARGE_BODY_BYTES`) for js/index.js
    /// to hash it with the platform's SHA-256 and hand the result to `bodySha256`; else
    /// `undefined`, and the signature hashes the body in wasm.
    #[wasm_bindgen(js_name = largeBody)]
    pub fn large_body(&self) -> Option<Uint8Array> {
        self.request.large_body().map(Uint8Array::from)
    }

    /// The SHA-256 of `largeBody` (32 bytes), for every attempt's signature.
    #[wasm_bindgen(js_name = bodySha256)]
    pub fn set_body_sha256(&mut self, digest: &[u8]) {
        self.request.set_body_sha256(digest);
    }

    /// The answer's body: a promise of its bytes (`ArrayBuffer`), XML or a blob payload alike.
    /// `undefined` when `finish` refuses the answer without it (not a `Response`, or larger
    /// than allowed by its `Content-Length`, whose body is then cancelled unread).
    pub fn body(&self, response: &JsValue) -> Result<JsValue, JsValue> {
        transport::body(response, self.op.max_response_bytes)
    }

    /// What the attempt ended with (`outcome`: 0 answered, with `response` and its `body`;
    /// 1 `fetch` failed with `error`; 2 reading the body of `response` failed with `error`;
    /// 3 the request timed out; 4 the caller aborted). Returns the output object; or a number,
    /// the milliseconds to wait before the next `attempt`; or throws the final error
    /// descriptor.
    pub fn finish(&mut self, outcome: u8, response: JsValue, body: JsValue, error: JsValue) -> Result<JsValue, JsValue> {
        let failure = match outcome {
            ANSWERED => match response.dyn_into::<Response>() {
                Ok(response) => match self.read_answer(&response, &body) {
                    Ok(output) => return Ok(output),
                    Err(e) => AttemptError::Response(e),
                },
                // A custom `fetch` that resolved to something else: its value is the error.
                Err(other) => AttemptError::Network(other, None),
            },
            FETCH_FAILED => AttemptError::Network(error, None),
            BODY_FAILED => {
                let meta = response.dyn_ref::<Response>().map(|response| {
                    let headers = response.headers();
                    response_meta(response.status(), &|h| transport::header(&headers, h))
                });
                AttemptError::Network(error, meta)
            }
            TIMED_OUT => AttemptError::TimedOut,
            _ => return Err(self.aborted()),
        };
        let kind = match &failure {
            AttemptError::Response(e) => classify(RetryFailure::Response(e)),
            AttemptError::Network(..) => classify(RetryFailure::Network),
            AttemptError::TimedOut => classify(RetryFailure::TimedOut),
        };
        let retry = kind.filter(|_| self.attempts < self.client.max_attempts).and_then(|k: Retry| {
            let cost = self.client.quota.borrow_mut().acquire(k)?;
            self.retry_tokens += cost;
            Some(backoff_ms(self.attempts - 1, k, Math::random()))
        });
        if let Some(delay) = retry {
            self.pending_delay = delay;
            return Ok(JsValue::from_f64(delay));
        }
        let (attempts, delay) = (self.attempts, self.total_delay);
        Err(match failure {
            AttemptError::Response(e) => error_descriptor(&e, attempts, delay),
            AttemptError::Network(original, meta) => platform_error(None, Some(&original), None, meta.as_ref(), attempts, delay),
            AttemptError::TimedOut => {
                // Whole milliseconds: formatting an f64 would pull float printing into the wasm.
                let ms = self.client.request_timeout_ms.unwrap_or(0.0) as u64;
                let message = format!("Request did not complete within {ms} ms");
                platform_error(Some(("TimeoutError", &message)), None, None, None, attempts, delay)
            }
        })
    }
}

impl WasmCall {
    fn aborted(&self) -> JsValue {
        let reason = self.signal.as_ref().map(AbortSignal::reason);
        platform_error(Some(("AbortError", "Request aborted")), None, reason.as_ref(), None, self.attempts, self.total_delay)
    }

    /// A whole answer as the output object (with `$metadata`), or the error it stands for.
    fn read_answer(&mut self, response: &Response, body: &JsValue) -> Result<JsValue, Error> {
        let headers = response.headers();
        let status = response.status();
        let limit = self.op.max_response_bytes;
        let too_large = || Error::too_large(limit, response_meta(status, &|h| transport::header(&headers, h)));
        // `body` is undefined when `body()` refused the answer by its Content-Length; one sent
        // without it is refused here by its size, before it is copied into wasm memory.
        let buffer = body.dyn_ref::<ArrayBuffer>().filter(|b| b.byte_length() as usize <= limit).ok_or_else(too_large)?;
        let body = if self.op.has_blob_payload() && status < 300 {
            Body::Bytes(Uint8Array::new(buffer).to_vec())
        } else {
            xml_text(buffer)
        };
        let answer = Answer { status, headers, body };
        let (output, mut meta) = self.client.read(self.op, &answer)?;
        self.client.quota.borrow_mut().release(self.retry_tokens);
        self.retry_tokens = 0;
        // The SDK reports a clock correction on errors only (where it retries).
        meta.clock_skew_corrected = false;
        set(&output, "$metadata", &metadata(Some(&meta), self.attempts, self.total_delay).into());
        Ok(output.into())
    }
}

#[wasm_bindgen]
extern "C" {
    type TextDecoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextDecoder;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &ArrayBuffer) -> String;
}

/// An XML answer's bytes as `Response.text()` reads them: UTF-8 without a leading BOM. The
/// bytes, not the platform's text, cross into wasm (one memory copy; a JS string crosses by a
/// JS loop over its characters); only bytes that are not UTF-8 go through the platform's
/// decoder, which replaces what is invalid as `text()` does.
fn xml_text(buffer: &ArrayBuffer) -> Body {
    Body::Text(match String::from_utf8(Uint8Array::new(buffer).to_vec()) {
        // `from_utf8` keeps a leading BOM as U+FEFF, which the decoder (and `text()`) drop.
        Ok(text) => match text.strip_prefix('\u{FEFF}') {
            Some(rest) => rest.to_owned(),
            None => text,
        },
        Err(_) => TextDecoder::new().decode(buffer),
    })
}

/// For `npm run bench` only (`--features bench`, built into bench/out/, never into the
/// package): the signing figure, like the SDK's signer alone. Builds the request for `input`
/// and signs it as `WasmCall::attempt` does, at `Date.now()`, and returns its `authorization` header.
#[cfg(feature = "bench")]
#[wasm_bindgen]
impl WasmClient {
    #[wasm_bindgen(js_name = signForBench)]
    pub fn sign_for_bench(
        &self,
        operation: &str,
        input: &JsValue,
        credentials: &JsValue,
        access_key_id: &JsValue,
        secret_access_key: &JsValue,
        session_token: &JsValue,
    ) -> Result<String, JsValue> {
        let fields = CredentialFields { object: credentials, access_key_id, secret_access_key, session_token };
        let (_, mut request, creds) = self.inner.checked(operation, input, &fields).map_err(|e| error_descriptor(&e, 0, 0.0))?;
        self.inner.sign(&mut request, &creds);
        let authorization = request.headers.iter().find(|(name, _)| *name == "authorization");
        Ok(authorization.map(|(_, value)| value.clone()).unwrap_or_default())
    }

    /// `signForBench` without the signature: the same reads of the input and the credentials
    /// and the same request building, so the bench can tell the crossings from the hashing.
    #[wasm_bindgen(js_name = readForBench)]
    pub fn read_for_bench(
        &self,
        operation: &str,
        input: &JsValue,
        credentials: &JsValue,
        access_key_id: &JsValue,
        secret_access_key: &JsValue,
        session_token: &JsValue,
    ) -> Result<usize, JsValue> {
        let fields = CredentialFields { object: credentials, access_key_id, secret_access_key, session_token };
        let (_, request, _) = self.inner.checked(operation, input, &fields).map_err(|e| error_descriptor(&e, 0, 0.0))?;
        Ok(request.headers.len())
    }

    /// One call into wasm and back with a string as long as an `authorization` header: what
    /// any crossing costs, with nothing read.
    #[wasm_bindgen(js_name = emptyForBench)]
    pub fn empty_for_bench(&self) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/cloudfront/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000".into()
    }
}

/// A credentials object and its three fields, read in JS: three property reads there instead
/// of three `Reflect.get` crossings here, on every call (≈ 1.5 µs of a 15 µs signature in V8).
struct CredentialFields<'a> {
    object: &'a JsValue,
    access_key_id: &'a JsValue,
    secret_access_key: &'a JsValue,
    session_token: &'a JsValue,
}

fn read_credentials(fields: &CredentialFields) -> Result<Credentials, Error> {
    if !fields.object.is_object() {
        return Err(Error::credentials(
            "credentials are required: { accessKeyId, secretAccessKey, sessionToken? } or an async function returning them",
        ));
    }
    let field = |value, key| string_field(value, key, "credentials").map_err(Error::credentials);
    let access_key_id = field(fields.access_key_id, "accessKeyId")?
        .ok_or_else(|| Error::credentials("credentials.accessKeyId is missing"))?;
    let secret = field(fields.secret_access_key, "secretAccessKey")?
        .ok_or_else(|| Error::credentials("credentials.secretAccessKey is missing"))?;
    Credentials::new(&access_key_id, &secret, field(fields.session_token, "sessionToken")?.as_deref())
}

/// What one attempt ended with, when it did not succeed.
enum AttemptError {
    Response(Error),
    /// The platform's error; the answer's metadata when the body was cut after the head.
    Network(JsValue, Option<ResponseMeta>),
    TimedOut,
}

impl Client {
    /// The operation named `operation`, its request built from `input` (every member checked)
    /// and the credentials checked: what `prepare` (and the bench's entry points) start from.
    fn checked(&self, operation: &str, input: &JsValue, credentials: &CredentialFields) -> Result<(&'static Operation, HttpRequest, Credentials), Error> {
        let op = operation::find(operation).ok_or_else(|| Error::input(format!("unknown operation {operation}")))?;
        let request = request::build(op, &input::read_input(op, input), &self.endpoint, &input::tag_text_matches)?;
        Ok((op, request, read_credentials(credentials)?))
    }

    /// Signs `request` now (JS's clock plus the offset), with the client's cached signing key.
    fn sign(&self, request: &mut HttpRequest, creds: &Credentials) {
        let mut keys = self.signing_keys.borrow_mut();
        signing::sign_now(request, creds, Date::now(), self.clock_offset_ms.get(), self.endpoint.signing_region, &mut keys);
    }

    /// The output object of an answer, or the error it stands for. Corrects the clock
    /// offset from the answer's `Date` first, as the SDK's signer does.
    fn read(&self, op: &Operation, answer: &Answer) -> Result<(Object, ResponseMeta), Error> {
        let header = |h: &'static str| answer.header(h);
        let mut meta = response_meta(answer.status, &header);
        if let Some(offset) = clock_offset_from_answer(header("date").as_deref(), header("age").as_deref(), Date::now(), self.clock_offset_ms.get()) {
            self.clock_offset_ms.set(offset);
            meta.clock_skew_corrected = true;
        }
        if answer.status >= 300 {
            return Err(read_error(op, meta, answer.body.text().unwrap_or("")));
        }
        let members = read_output(op, &meta, &header, &answer.body)?;
        Ok((object(&members), meta))
    }
}
