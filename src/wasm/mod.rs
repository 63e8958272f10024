//! The JavaScript boundary: the only module that touches JS values. `js/index.js` wraps
//! `WasmClient` in the SDK-shaped classes.

mod convert;
mod input;
mod transport;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Date, Function, Math, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use crate::endpoint::{resolve, Endpoint, EndpointConfig};
use crate::error::{Error, ResponseMeta};
use crate::operation::{self, Operation};
use crate::request::{self, HttpRequest};
use crate::response::{read_error, read_output, response_meta};
use crate::retry::{backoff_ms, classify, clock_offset_from_answer, Failure as RetryFailure, Retry, RetryQuota};
use crate::signing::{self, Credentials, KeyCache};
use convert::{error_descriptor, get, metadata, object, opt_bool, opt_number, opt_string, platform_error, set};
use transport::{exchange, sleep, Answer, Failure};

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

/// A configured client; `send` returns a promise of the output object or rejects with an
/// error descriptor (see `convert::error_descriptor`).
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

    /// Sends `operation` (the SDK's operation name) with `input`, signed with `credentials`.
    /// Input and credentials are checked before anything is sent.
    pub fn send(&self, operation: &str, input: &JsValue, credentials: &JsValue, signal: Option<AbortSignal>) -> Promise {
        let prepared = operation::find(operation)
            .ok_or_else(|| Error::input(format!("unknown operation {operation}")))
            .and_then(|op| Ok((op, build(op, input, &self.inner.endpoint)?, read_credentials(credentials)?)));
        let client = Rc::clone(&self.inner);
        future_to_promise(async move {
            let (op, request, creds) = prepared.map_err(|e| error_descriptor(&e, 0, 0.0))?;
            client.call(op, request, &creds, signal.as_ref()).await
        })
    }
}

/// For `npm run bench` only (`--features bench`, built into bench/out/, never into the
/// package): the signing figure, like the SDK's signer alone. Builds the request for `input`
/// and signs it as `send` does, at `Date.now()`, and returns its `authorization` header.
#[cfg(feature = "bench")]
#[wasm_bindgen]
impl WasmClient {
    #[wasm_bindgen(js_name = signForBench)]
    pub fn sign_for_bench(&self, operation: &str, input: &JsValue, credentials: &JsValue) -> Result<String, JsValue> {
        let op = operation::find(operation).ok_or_else(|| JsValue::from_str("unknown operation"))?;
        let fail = |e: Error| error_descriptor(&e, 0, 0.0);
        let mut request = build(op, input, &self.inner.endpoint).map_err(fail)?;
        let creds = read_credentials(credentials).map_err(fail)?;
        self.inner.sign(&mut request, &creds);
        let authorization = request.headers.iter().find(|(name, _)| *name == "authorization");
        Ok(authorization.map(|(_, value)| value.clone()).unwrap_or_default())
    }

    /// `signForBench` without the signature: the same reads of the input and the credentials
    /// and the same request building, so the bench can tell the crossings from the hashing.
    #[wasm_bindgen(js_name = readForBench)]
    pub fn read_for_bench(&self, operation: &str, input: &JsValue, credentials: &JsValue) -> Result<usize, JsValue> {
        let op = operation::find(operation).ok_or_else(|| JsValue::from_str("unknown operation"))?;
        let fail = |e: Error| error_descriptor(&e, 0, 0.0);
        let request = build(op, input, &self.inner.endpoint).map_err(fail)?;
        read_credentials(credentials).map_err(fail)?;
        Ok(request.headers.len())
    }

    /// One call into wasm and back with a string as long as an `authorization` header: what
    /// any crossing costs, with nothing read.
    #[wasm_bindgen(js_name = emptyForBench)]
    pub fn empty_for_bench(&self) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/cloudfront/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000".into()
    }
}

fn build(op: &Operation, input: &JsValue, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
    request::build(op, &input::read_input(op, input), endpoint, &input::tag_text_matches)
}

fn read_credentials(value: &JsValue) -> Result<Credentials, Error> {
    if !value.is_object() {
        return Err(Error::credentials(
            "credentials are required: { accessKeyId, secretAccessKey, sessionToken? } or an async function returning them",
        ));
    }
    let field = |key| opt_string(value, key, "credentials").map_err(Error::credentials);
    let access_key_id = field("accessKeyId")?.ok_or_else(|| Error::credentials("credentials.accessKeyId is missing"))?;
    let secret = field("secretAccessKey")?.ok_or_else(|| Error::credentials("credentials.secretAccessKey is missing"))?;
    Credentials::new(&access_key_id, &secret, field("sessionToken")?.as_deref())
}

/// What one attempt ended with, when it did not succeed.
enum AttemptError {
    Response(Error),
    /// The platform's error; the answer's metadata when the body was cut after the head.
    Network(JsValue, Option<ResponseMeta>),
    TimedOut,
}

impl Client {
    /// Signs `request` now (JS's clock plus the offset), with the client's cached signing key.
    fn sign(&self, request: &mut HttpRequest, creds: &Credentials) {
        let mut keys = self.signing_keys.borrow_mut();
        signing::sign_now(request, creds, Date::now(), self.clock_offset_ms.get(), self.endpoint.signing_region, &mut keys);
    }

    async fn call(&self, op: &Operation, request: HttpRequest, creds: &Credentials, signal: Option<&AbortSignal>) -> Result<JsValue, JsValue> {
        let mut attempts = 0u32;
        let mut total_delay = 0.0;
        let mut retry_tokens = 0u32;
        let aborted = |attempts, delay| {
            let reason = signal.map(AbortSignal::reason);
            Err(platform_error(Some(("AbortError", "Request aborted")), None, reason.as_ref(), None, attempts, delay))
        };
        loop {
            // Counted first: the SDK's fetch handler refuses an aborted signal inside the
            // attempt, so even an already-aborted call reports `attempts: 1` (0 requests).
            attempts += 1;
            if signal.is_some_and(AbortSignal::aborted) {
                return aborted(attempts, total_delay);
            }
            let mut signed = request.clone();
            self.sign(&mut signed, creds);
            let failure = match exchange(&signed, self.fetch.as_ref(), signal, self.request_timeout_ms, op.max_response_bytes, op.has_blob_payload()).await {
                Ok(answer) => match self.read(op, &answer) {
                    Ok((output, mut meta)) => {
                        self.quota.borrow_mut().release(retry_tokens);
                        // The SDK reports a clock correction on errors only (where it retries).
                        meta.clock_skew_corrected = false;
                        set(&output, "$metadata", &metadata(Some(&meta), attempts, total_delay).into());
                        return Ok(output.into());
                    }
                    Err(e) => AttemptError::Response(e),
                },
                Err(Failure::Aborted) => return aborted(attempts, total_delay),
                Err(Failure::TimedOut) => AttemptError::TimedOut,
                Err(Failure::Network(e)) => AttemptError::Network(e, None),
                Err(Failure::BodyCut(e, status, headers)) => {
                    AttemptError::Network(e, Some(response_meta(status, &|h| transport::header(&headers, h))))
                }
                Err(Failure::TooLarge(status, headers)) => {
                    let meta = response_meta(status, &|h| transport::header(&headers, h));
                    AttemptError::Response(Error::too_large(op.max_response_bytes, meta))
                }
            };
            let kind = match &failure {
                AttemptError::Response(e) => classify(RetryFailure::Response(e)),
                AttemptError::Network(..) => classify(RetryFailure::Network),
                AttemptError::TimedOut => classify(RetryFailure::TimedOut),
            };
            let retry = kind.filter(|_| attempts < self.max_attempts).and_then(|k: Retry| {
                let cost = self.quota.borrow_mut().acquire(k)?;
                retry_tokens += cost;
                Some(backoff_ms(attempts - 1, k, Math::random()))
            });
            let Some(delay) = retry else {
                return Err(match failure {
                    AttemptError::Response(e) => error_descriptor(&e, attempts, total_delay),
                    AttemptError::Network(original, meta) => {
                        platform_error(None, Some(&original), None, meta.as_ref(), attempts, total_delay)
                    }
                    AttemptError::TimedOut => {
                        // Whole milliseconds: formatting an f64 would pull float printing into the wasm.
                        let ms = self.request_timeout_ms.unwrap_or(0.0) as u64;
                        let message = format!("Request did not complete within {ms} ms");
                        platform_error(Some(("TimeoutError", &message)), None, None, None, attempts, total_delay)
                    }
                });
            };
            if sleep(delay, signal).await.is_err() {
                return aborted(attempts, total_delay);
            }
            total_delay += delay;
        }
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
