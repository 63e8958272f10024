//! Output values: the shape of what the JS side gets, without JS types.

/// A parsed output value. Struct members keep the order of the service model.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    Bool(bool),
    /// A blob; becomes a JS `Uint8Array`.
    Bytes(Vec<u8>),
    /// An XML integer's text. The SDK reads it with JavaScript's `Number()` (so `NaN`, hex and
    /// exponents are possible); the boundary does the same with the engine's own `Number`
    /// (`src/wasm/convert.rs`), so the number is JavaScript's, not a copy of its rules.
    Number(String),
    /// An untyped XML element read generically, as the SDK does for error bodies.
    Map(Vec<(String, Value)>),
    /// Milliseconds since the Unix epoch; becomes a JS `Date`.
    Timestamp(f64),
    List(Vec<Value>),
    Struct(Vec<(&'static str, Value)>),
}

impl Value {
    /// The member `name` of a struct, if present.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Struct(members) => members.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}
