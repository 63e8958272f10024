//! Reads an operation's input object into the core's `InputValue`s, guided by the model's
//! shapes: only the members a shape names are read. Checking is the core's (`request`).
//!
//! Inputs are read with js-sys, not serde-wasm-bindgen: reading the Describe input through
//! its `Deserializer` (`from_value` into a map of strings) measured +10.4 KB gzipped in this
//! build, nearly all serde's error path (`core::fmt` messages of what was expected and
//! found), against a few hundred bytes for these reads; the output direction, which has no
//! such error path, goes through serde-wasm-bindgen (`convert`).

use js_sys::{Array, JsString, RegExp, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::convert::{get, type_name, well_formed};
use crate::operation::{Operation, Shape};
use crate::request::InputValue;

/// `value` read as `shape`; a JS type the shape does not take becomes `Other(its type)`.
fn read(value: &JsValue, shape: &Shape) -> InputValue {
    if value.is_undefined() || value.is_null() {
        return InputValue::Missing;
    }
    let other = || InputValue::Other(type_name(value));
    match shape {
        Shape::Structure(_, members) => {
            if !value.is_object() || Array::is_array(value) || value.is_instance_of::<Uint8Array>() {
                return other();
            }
            InputValue::Struct(members.iter().map(|m| read(&get(value, m.name), m.shape)).collect())
        }
        Shape::List { item, .. } => match value.dyn_ref::<Array>().filter(|_| Array::is_array(value)) {
            Some(array) => InputValue::List(array.iter().map(|v| read(&v, item)).collect()),
            None => other(),
        },
        Shape::Blob { .. } => match value.dyn_ref::<Uint8Array>() {
            Some(bytes) => InputValue::Bytes(bytes.to_vec()),
            None => other(),
        },
        Shape::Integer => value.as_f64().map_or_else(other, InputValue::Num),
        _ => match value.dyn_ref::<JsString>() {
            Some(s) => well_formed(s).map_or(InputValue::InvalidUnicode, InputValue::Str),
            None => other(),
        },
    }
}

/// One value per `op.input` member, read from the input object (a missing or non-object
/// input reads as all members absent: the core then names the first required one).
pub fn read_input(op: &Operation, input: &JsValue) -> Vec<InputValue> {
    op.input.iter().map(|m| read(&get(input, m.name), m.shape)).collect()
}

/// `[\p{L}\p{Z}\p{N}_.:/=+\-@]*` as a whole, tested by the platform's RegExp engine, so the
/// wasm carries no Unicode tables.
pub fn tag_text_matches(text: &str) -> bool {
    thread_local! {
        // `test` on a non-global RegExp ignores `lastIndex`: one instance serves every call.
        static TAG_TEXT: RegExp = RegExp::new("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$", "u");
    }
    TAG_TEXT.with(|re| re.test(text))
}
