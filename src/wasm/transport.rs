//! The platform's `fetch` and timers, behind two futures: one exchange, one sleep.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Headers, Response};

use super::convert::{literal_js, set};
use crate::request::HttpRequest;
use crate::response::Body;

#[wasm_bindgen]
extern "C" {
    // Looked up on the global object at each call, like the SDK's fetch handler.
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &Object) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
    /// A `Headers` seen through `get` alone: the name passed as a kept JS string
    /// (`literal_js`), and without web-sys's exception guard (it throws only for an invalid
    /// header name, and ours are literals).
    type HeaderLookup;
    #[wasm_bindgen(method, js_name = get)]
    fn get(this: &HeaderLookup, name: &JsValue) -> Option<String>;
}

/// The value of header `name` (case-insensitive, as `Headers` compares).
pub fn header(headers: &Headers, name: &'static str) -> Option<String> {
    headers.unchecked_ref::<HeaderLookup>().get(&literal_js(name))
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

pub enum Failure {
    /// The caller's signal fired.
    Aborted,
    /// The request timeout fired.
    TimedOut,
    /// The body was larger than allowed (status kept for the error).
    TooLarge(u16, Headers),
    /// The platform failed the exchange; the value is its error, passed on to the caller.
    Network(JsValue),
    /// Status and headers arrived, then reading the body failed (the connection was cut):
    /// the platform's error, and the answer's status and headers for `$metadata`.
    BodyCut(JsValue, u16, Headers),
}

fn aborter(controller: &AbortController) -> Option<Function> {
    let abort = Reflect::get(controller, &JsValue::from_str("abort")).ok()?;
    Some(abort.dyn_into::<Function>().ok()?.bind0(controller))
}

/// One request and its whole answer, cancelled by `signal` or after `timeout_ms`.
/// Without a timeout the caller's signal (if any) goes to `fetch` as it is: an own
/// controller, its bound `abort` and a listener are made only when a timer needs them.
/// One `send` await for both cases: two would put two copies of its states in this future.
pub async fn exchange(
    req: &HttpRequest,
    fetch: Option<&Function>,
    signal: Option<&AbortSignal>,
    timeout_ms: Option<f64>,
    max_body: usize,
    binary: bool,
) -> Result<Answer, Failure> {
    let controller = match timeout_ms {
        Some(_) => Some(AbortController::new().map_err(Failure::Network)?),
        None => None,
    };
    let abort = controller.as_ref().and_then(aborter);
    if let (Some(s), Some(a)) = (signal, &abort) {
        let _ = s.add_event_listener_with_callback("abort", a);
    }
    let timer = abort.as_ref().zip(timeout_ms).map(|(a, ms)| set_timeout(a, ms));
    let own_signal = controller.as_ref().map(AbortController::signal);
    let result = send(req, fetch, own_signal.as_ref().or(signal), max_body, binary).await;
    if let Some(t) = &timer {
        clear_timeout(t);
    }
    if let (Some(s), Some(a)) = (signal, &abort) {
        let _ = s.remove_event_listener_with_callback("abort", a);
    }
    match result {
        Ok(answer) => Ok(answer),
        Err(_) if signal.is_some_and(AbortSignal::aborted) => Err(Failure::Aborted),
        Err(_) if own_signal.as_ref().is_some_and(AbortSignal::aborted) => Err(Failure::TimedOut),
        Err(e) => Err(e),
    }
}

/// `binary`: a success answer's body is kept as bytes (a blob payload), not read as text.
async fn send(
    req: &HttpRequest,
    fetch: Option<&Function>,
    signal: Option<&AbortSignal>,
    max_body: usize,
    binary: bool,
) -> Result<Answer, Failure> {
    // Plain objects for the init and its headers: `fetch` takes them as they are, and
    // they need no bindings beyond the property set already used for outputs.
    let headers = Object::new();
    for (name, value) in &req.headers {
        set(&headers, name, &JsValue::from_str(value));
    }
    let init = Object::new();
    set(&init, "method", &literal_js(req.method));
    set(&init, "headers", &headers);
    if !req.body.is_empty() {
        set(&init, "body", &JsValue::from_str(&req.body));
    }
    if let Some(s) = signal {
        set(&init, "signal", s);
    }
    // Redirects are answers, not something to follow (as in the SDK).
    set(&init, "redirect", &literal_js("manual"));
    let url = req.url();
    let pending = match fetch {
        Some(f) => Promise::resolve(&f.call2(&JsValue::UNDEFINED, &JsValue::from_str(&url), &init).map_err(Failure::Network)?),
        None => global_fetch(&url, &init),
    };
    let response: Response = JsFuture::from(pending)
        .await
        .map_err(Failure::Network)?
        .dyn_into()
        .map_err(Failure::Network)?;
    let status = response.status();
    let declared = header(&response.headers(), "content-length").and_then(|l| l.trim().parse::<usize>().ok());
    if declared.is_some_and(|len| len > max_body) {
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Err(Failure::TooLarge(status, response.headers()));
    }
    let cut = |e| Failure::BodyCut(e, status, response.headers());
    // GetConnectionFunction's answer is the code itself, which need not be UTF-8: bytes.
    // Every other body is XML, read as text (invalid UTF-8 replaced, a BOM dropped).
    let body = if binary && status < 300 {
        let buffer = JsFuture::from(response.array_buffer().map_err(cut)?).await.map_err(cut)?;
        Body::Bytes(js_sys::Uint8Array::new(&buffer).to_vec())
    } else {
        let text = JsFuture::from(response.text().map_err(cut)?).await.map_err(cut)?;
        Body::Text(text.as_string().unwrap_or_default())
    };
    if body.bytes().len() > max_body {
        return Err(Failure::TooLarge(status, response.headers()));
    }
    Ok(Answer { status, headers: response.headers(), body })
}

/// Waits `ms`; `Err(())` when `signal` fires first. The timer never outlives the wait.
pub async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> Result<(), ()> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(());
    }
    if ms <= 0.0 {
        return Ok(());
    }
    let mut timer = JsValue::UNDEFINED;
    let mut on_abort: Option<Function> = None;
    let wait = Promise::new(&mut |resolve, reject| {
        timer = set_timeout(&resolve, ms);
        if let Some(s) = signal {
            let _ = s.add_event_listener_with_callback("abort", &reject);
        }
        on_abort = Some(reject);
    });
    let outcome = JsFuture::from(wait).await;
    clear_timeout(&timer);
    if let (Some(s), Some(r)) = (signal, &on_abort) {
        let _ = s.remove_event_listener_with_callback("abort", r);
    }
    outcome.map(|_| ()).map_err(|_| ())
}
