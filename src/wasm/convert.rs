//! Conversions between JS values and the core's plain Rust values.

use std::cell::RefCell;

use js_sys::{Array, Date, JsString, Object, Reflect, RegExp};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    // `Reflect.set` without js-sys's exception guard (a try/catch and an `apply` per call,
    // on the output's hottest path): setting a string key on a fresh plain object, as every
    // caller here does, cannot throw.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &Object, key: &JsValue, value: &JsValue) -> bool;
}

use crate::error::{Error, ErrorKind, ResponseMeta};
use crate::value::Value;
use crate::text::concat;

/// A literal (a property or header name, a fixed value) as a JS string, made once and kept:
/// it would otherwise be copied out of wasm memory and decoded on every use (an output
/// object alone sets about thirty names). The model's and this module's literals: a few dozen.
#[inline(never)]
pub fn literal_js(key: &'static str) -> JsValue {
    thread_local! {
        static KEYS: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
    }
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some((_, js)) = keys.iter().find(|(k, _)| std::ptr::eq(*k, key)) {
            return js.clone();
        }
        let js = JsValue::from_str(key);
        keys.push((key, js.clone()));
        js
    })
}

pub fn get(target: &JsValue, key: &'static str) -> JsValue {
    if target.is_object() || target.is_function() {
        Reflect::get(target, &literal_js(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

pub fn set(target: &Object, key: &'static str, value: &JsValue) {
    reflect_set(target, &literal_js(key), value);
}

/// `set` for a name read from an answer (an XML element's).
fn set_read(target: &Object, key: &str, value: &JsValue) {
    reflect_set(target, &JsValue::from_str(key), value);
}

pub fn type_name(value: &JsValue) -> &'static str {
    if value.is_string() {
        "a string"
    } else if value.is_null() {
        "null"
    } else if Array::is_array(value) {
        "an array"
    } else if value.is_function() {
        "a function"
    } else if value.is_object() {
        "an object"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else {
        "another type"
    }
}

/// A JS string as Rust text; `None` when it holds a lone surrogate, which UTF-8 cannot
/// carry. One RegExp search (with `u`, paired surrogates are one code point and do not
/// match), not js-sys's `is_valid_utf16`, which crosses into JS once per UTF-16 unit.
pub fn well_formed(s: &JsString) -> Option<String> {
    thread_local! {
        // Made once: `search` ignores `lastIndex`, so one instance serves every call.
        static LONE_SURROGATE: RegExp = RegExp::new("[\\uD800-\\uDFFF]", "u");
    }
    (LONE_SURROGATE.with(|re| s.search(re)) < 0).then(|| String::from(s))
}

/// An optional string field of a config or credentials object.
pub fn opt_string(target: &JsValue, key: &'static str, what: &str) -> Result<Option<String>, String> {
    let value = get(target, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.dyn_ref::<JsString>().map(well_formed) {
        Some(Some(text)) => Ok(Some(text)),
        Some(None) => Err(concat(&[what, ".", key, " is not valid Unicode text"])),
        None => Err(concat(&[what, ".", key, " must be a string, not ", type_name(&value)])),
    }
}

/// An optional number field; `Err` names the field and what it got.
pub fn opt_number(target: &JsValue, key: &'static str) -> Result<Option<f64>, String> {
    let value = get(target, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_f64().map(Some).ok_or_else(|| concat(&[key, " must be a number, not ", type_name(&value)]))
}

pub fn opt_bool(target: &JsValue, key: &'static str) -> Result<bool, String> {
    let value = get(target, key);
    if value.is_undefined() || value.is_null() {
        return Ok(false);
    }
    value.as_bool().ok_or_else(|| concat(&[key, " must be a boolean, not ", type_name(&value)]))
}

pub fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Str(s) => JsValue::from_str(s),
        Value::Num(n) => JsValue::from_f64(*n),
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Bytes(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
        Value::Timestamp(ms) => Date::new(&JsValue::from_f64(*ms)).into(),
        Value::List(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Struct(members) => object(members).into(),
        Value::Map(members) => read_object(members).into(),
    }
}

/// An object with the model's member names.
pub fn object(members: &[(&'static str, Value)]) -> Object {
    let obj = Object::new();
    for (k, v) in members {
        set(&obj, k, &to_js(v));
    }
    obj
}

/// An object with names read from an answer.
fn read_object(members: &[(String, Value)]) -> Object {
    let obj = Object::new();
    for (k, v) in members {
        set_read(&obj, k, &to_js(v));
    }
    obj
}

fn opt_str(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::UNDEFINED, JsValue::from_str)
}

/// The SDK's `$metadata`: the response part (all keys present, `undefined` when absent)
/// only when an answer arrived, then the attempt counters.
pub fn metadata(response: Option<&ResponseMeta>, attempts: u32, total_retry_delay: f64) -> Object {
    let meta = Object::new();
    if let Some(r) = response {
        set(&meta, "httpStatusCode", &JsValue::from(r.status));
        set(&meta, "requestId", &opt_str(r.request_id.as_deref()));
        set(&meta, "extendedRequestId", &opt_str(r.extended_request_id.as_deref()));
        set(&meta, "cfId", &opt_str(r.cf_id.as_deref()));
    }
    set(&meta, "attempts", &JsValue::from(attempts));
    set(&meta, "totalRetryDelay", &JsValue::from_f64(total_retry_delay));
    if response.is_some_and(|r| r.clock_skew_corrected) {
        set(&meta, "clockSkewCorrected", &JsValue::TRUE);
    }
    meta
}

/// The description of an error that `js/index.js` turns into the right JS class:
/// `{ service, name, message, $fault, $metadata, fields, cause }`.
pub fn error_descriptor(error: &Error, attempts: u32, total_retry_delay: f64) -> JsValue {
    let d = Object::new();
    set(&d, "service", &JsValue::from_bool(error.kind == ErrorKind::Service));
    set(&d, "name", &JsValue::from_str(&error.name));
    set(&d, "message", &JsValue::from_str(&error.message));
    if error.kind == ErrorKind::Service {
        set(&d, "$fault", &JsValue::from_str(error.fault.as_str()));
    }
    set(&d, "$metadata", &metadata(error.response.as_ref(), attempts, total_retry_delay));
    set(&d, "fields", &read_object(&error.fields));
    d.into()
}

/// An abort or timeout built here (`named`), or an error the platform raised (`original`,
/// a network failure) passed through as the SDK does; `cause` is the abort reason;
/// `response` the answer whose body failed to arrive, when its status and headers did.
pub fn platform_error(
    named: Option<(&str, &str)>,
    original: Option<&JsValue>,
    cause: Option<&JsValue>,
    response: Option<&ResponseMeta>,
    attempts: u32,
    total_retry_delay: f64,
) -> JsValue {
    let d = Object::new();
    set(&d, "service", &JsValue::FALSE);
    if let Some((name, message)) = named {
        set(&d, "name", &JsValue::from_str(name));
        set(&d, "message", &JsValue::from_str(message));
    }
    set(&d, "$metadata", &metadata(response, attempts, total_retry_delay));
    if let Some(o) = original {
        set(&d, "original", o);
    }
    if let Some(c) = cause {
        set(&d, "cause", c);
    }
    d.into()
}
