//! The platform's `fetch`: starting one request, and reading its answer's body. Both return
//! the platform's promises, which `js/index.js` awaits (with the request timeout and the
//! backoff waits, which are JS timers).

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortSignal, Headers, Response};

use super::convert::{literal, set};
use crate::request::HttpRequest;
use crate::response::Body;

#[wasm_bindgen]
extern "C" {
    // Looked up on the global object at each call, like the SDK's fetch handler.
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &Object) -> Promise;
    /// A `Headers` seen through `get` alone: the name passed as a kept JS string
    /// (`literal`), and without web-sys's exception guard (it throws only for an invalid
    /// header name, and ours are literals).
    type HeaderLookup;
    #[wasm_bindgen(method, js_name = get)]
    fn get(this: &HeaderLookup, name: &JsValue) -> Option<String>;
}

/// The value of header `name` (case-insensitive, as `Headers` compares).
pub fn header(headers: &Headers, name: &'static str) -> Option<String> {
    headers.unchecked_ref::<HeaderLookup>().get(&literal(name))
}

/// A complete answer: status, headers and the body's bytes.
pub struct Answer {
    pub status: u16,
    pub headers: Headers,
    pub body: Body,
}

impl Answer {
    pub fn header(&self, name: &'static str) -> Option<String> {
        header(&self.headers, name)
    }
}

/// Starts `req` with `fetch` (the config's, else the global one), cancelled by `signal`.
/// A `fetch` that throws instead of rejecting gives a rejected promise all the same.
pub fn start(req: &HttpRequest, fetch: Option<&Function>, signal: Option<&AbortSignal>) -> Promise {
    // Plain objects for the init and its headers: `fetch` takes them as they are, and
    // they need no bindings beyond the property set already used for outputs.
    let headers = Object::new();
    for (name, value) in &req.headers {
        set(&headers, name, &JsValue::from_str(value));
    }
    let init = Object::new();
    set(&init, "method", &literal(req.method));
    set(&init, "headers", &headers);
    if !req.body.is_empty() {
        set(&init, "body", &JsValue::from_str(&req.body));
    }
    if let Some(s) = signal {
        set(&init, "signal", s);
    }
    // Redirects are answers, not something to follow (as in the SDK).
    set(&init, "redirect", &literal("manual"));
    let url = req.url();
    match fetch {
        Some(f) => match f.call2(&JsValue::UNDEFINED, &JsValue::from_str(&url), &init) {
            Ok(pending) => Promise::resolve(&pending),
            Err(e) => Promise::reject(&e),
        },
        None => global_fetch(&url, &init),
    }
}

/// `response`'s body, read whole: a promise of its bytes (`ArrayBuffer`), which the core reads
/// as the code itself (GetConnectionFunction) or decodes as XML text (`xml_text` in `mod.rs`).
/// `undefined` for a value that is not a `Response`, or one whose `Content-Length` is over
/// `max_body` (its body cancelled unread).
pub fn body(response: &JsValue, max_body: usize) -> Result<JsValue, JsValue> {
    let Some(response) = response.dyn_ref::<Response>() else {
        return Ok(JsValue::UNDEFINED);
    };
    let declared = header(&response.headers(), "content-length").and_then(|l| l.trim().parse::<usize>().ok());
    if declared.is_some_and(|len| len > max_body) {
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Ok(JsValue::UNDEFINED);
    }
    Ok(response.array_buffer()?.into())
}
