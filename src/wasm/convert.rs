//! Conversions between JS values and the core's plain Rust values.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Date, JsString, Object, Reflect, RegExp};
use serde::ser::{Serialize, SerializeMap, Serializer};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{Error, ErrorKind, ResponseMeta};
use crate::value::Value;

#[wasm_bindgen]
extern "C" {
    // `Reflect.set` without js-sys's exception guard (a try/catch and an `apply` per call,
    // on the output's hottest path): setting a string key on a fresh plain object, as every
    // caller here does, cannot throw.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &Object, key: &JsValue, value: &JsValue) -> bool;
    /// JavaScript's `Number(text)`: how the SDK reads an XML integer.
    #[wasm_bindgen(js_name = Number)]
    fn js_number(text: &str) -> f64;
}

/// An XML integer's text as the SDK reads it, `Number(text)`. Plain digits, all that CloudFront
/// sends, are read here without a crossing: up to 15 of them the value is exact either way.
fn number(text: &str) -> f64 {
    if !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.bytes().fold(0.0, |value, digit| value * 10.0 + f64::from(digit - b'0'))
    } else {
        js_number(text)
    }
}

/// A literal (a property or header name, a fixed value) as a JS string, made once and kept:
/// it would otherwise be copied out of wasm memory and decoded on every use (an output
/// object alone sets about thirty names). The model's and this module's literals: a few dozen.
/// Shared through an `Rc`: cloning the `JsValue` itself would cost two crossings (the glue
/// counts wasm's references to a JS value: one call to add one, one to drop it).
#[inline(never)]
pub fn literal(key: &'static str) -> Rc<JsValue> {
    thread_local! {
        static KEYS: RefCell<Vec<(&'static str, Rc<JsValue>)>> = const { RefCell::new(Vec::new()) };
    }
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some((_, js)) = keys.iter().find(|(k, _)| std::ptr::eq(*k, key)) {
            return Rc::clone(js);
        }
        let js = Rc::new(JsValue::from_str(key));
        keys.push((key, Rc::clone(&js)));
        js
    })
}

pub fn get(target: &JsValue, key: &'static str) -> JsValue {
    if target.is_object() || target.is_function() {
        Reflect::get(target, &literal(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

pub fn set(target: &Object, key: &'static str, value: &JsValue) {
    reflect_set(target, &literal(key), value);
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
/// (Searching only text holding U+FFFD, which a lone surrogate becomes in the copy, saved a
/// crossing per string for 76 bytes gzipped: the byte budget went to reading answers.)
pub fn well_formed(s: &JsString) -> Option<String> {
    thread_local! {
        // Made once: `search` ignores `lastIndex`, so one instance serves every call.
        static LONE_SURROGATE: RegExp = RegExp::new("[\\uD800-\\uDFFF]", "u");
    }
    (LONE_SURROGATE.with(|re| s.search(re)) < 0).then(|| String::from(s))
}

/// An optional string field of a config or credentials object.
pub fn opt_string(target: &JsValue, key: &'static str, what: &str) -> Result<Option<String>, String> {
    string_field(&get(target, key), key, what)
}

/// `value`, read from the field `key` of `what`, as `opt_string` takes it.
pub fn string_field(value: &JsValue, key: &'static str, what: &str) -> Result<Option<String>, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.dyn_ref::<JsString>().map(well_formed) {
        Some(Some(text)) => Ok(Some(text)),
        Some(None) => Err(format!("{what}.{key} is not valid Unicode text")),
        None => Err(format!("{what}.{key} must be a string, not {}", type_name(value))),
    }
}

/// An optional number field; `Err` names the field and what it got.
pub fn opt_number(target: &JsValue, key: &'static str) -> Result<Option<f64>, String> {
    let value = get(target, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_f64().map(Some).ok_or_else(|| format!("{key} must be a number, not {}", type_name(&value)))
}

pub fn opt_bool(target: &JsValue, key: &'static str) -> Result<bool, String> {
    let value = get(target, key);
    if value.is_undefined() || value.is_null() {
        return Ok(false);
    }
    value.as_bool().ok_or_else(|| format!("{key} must be a boolean, not {}", type_name(&value)))
}

/// Output values as serde-wasm-bindgen builds them: structs as plain objects with the
/// model's names (kept as JS strings by `literal`, see `ModelMembers`), maps read from an
/// answer as plain objects, timestamps as `Date`s, blobs as `Uint8Array`s, integers as
/// `Number(text)` gives them (`NaN` included).
impl Serialize for Value {
    // Once, not inlined into each of its callers (the struct, map and list loops): ~1.5 KB.
    #[inline(never)]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Str(s) => serializer.serialize_str(s),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(text) => serializer.serialize_f64(number(text)),
            Value::Bytes(bytes) => serializer.serialize_bytes(bytes),
            Value::Timestamp(ms) => serde_wasm_bindgen::preserve::serialize(&Date::new(&JsValue::from_f64(*ms)), serializer),
            Value::List(items) => serializer.collect_seq(items),
            Value::Struct(members) => ModelMembers(members).serialize(serializer),
            Value::Map(members) => ReadMembers(members).serialize(serializer),
        }
    }
}

/// A struct's members, named by the model. A map whose keys are the kept JS strings of
/// `literal`: serde-wasm-bindgen's struct serializer keeps its own key cache in a
/// `HashMap`, which costs more wasm than the whole output walk.
struct ModelMembers<'a>(&'a [(&'static str, Value)]);

/// A model name as its kept JS string.
struct Literal(&'static str);

impl Serialize for Literal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_wasm_bindgen::preserve::serialize(&*literal(self.0), serializer)
    }
}

impl Serialize for ModelMembers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            object.serialize_entry(&Literal(name), value)?;
        }
        object.end()
    }
}

/// An element's members, named by the answer.
struct ReadMembers<'a>(&'a [(String, Value)]);

impl Serialize for ReadMembers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            object.serialize_entry(name, value)?;
        }
        object.end()
    }
}

/// `value` as a JS value. Serializing cannot fail here: none of `Value`'s parts raises a
/// serde error, and serde-wasm-bindgen fails only on types `Value` does not have.
fn to_js(value: &impl Serialize) -> JsValue {
    const OBJECTS: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&OBJECTS).unwrap_or(JsValue::UNDEFINED)
}

/// An object with the model's member names.
pub fn object(members: &[(&'static str, Value)]) -> Object {
    to_js(&ModelMembers(members)).dyn_into().unwrap_or_else(|_| Object::new())
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
    set(&d, "fields", &to_js(&ReadMembers(&error.fields)));
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
