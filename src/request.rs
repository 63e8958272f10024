//! Builds the HTTP request for an operation from its input: every member checked against the
//! model first, then path labels, query, headers and the XML body (`body`).

use sha2::{Digest, Sha256};

use crate::body;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::operation::{Location, Operation, Pattern, Shape, TextRule};

/// An input value as the boundary found it, read by the member's shape.
#[derive(Clone, Debug, PartialEq)]
pub enum InputValue {
    /// `undefined` or `null` (the SDK treats both as absent).
    Missing,
    Str(String),
    /// A JS string that is not valid UTF-16 (a lone surrogate).
    InvalidUnicode,
    Num(f64),
    /// A `Uint8Array`'s bytes.
    Bytes(Vec<u8>),
    List(Vec<InputValue>),
    /// A structure: one value per member of its shape, in the shape's order.
    Struct(Vec<InputValue>),
    /// A value of a JS type the shape does not take: the type's name for the message
    /// (`a number`, `an array`, …).
    Other(&'static str),
}

impl InputValue {
    /// What the value is, for "must be X, not Y" messages.
    fn kind(&self) -> &'static str {
        match self {
            InputValue::Missing => "missing",
            InputValue::Str(_) | InputValue::InvalidUnicode => "a string",
            InputValue::Num(_) => "a number",
            InputValue::Bytes(_) => "a Uint8Array",
            InputValue::List(_) => "an array",
            InputValue::Struct(_) => "an object",
            InputValue::Other(kind) => kind,
        }
    }
}

/// Says whether text matches `[\p{L}\p{Z}\p{N}_.:/=+\-@]*` (TagKey, TagValue) as a whole.
/// The wasm passes a JS `RegExp` test (no Unicode tables in the module); host code and
/// tests pass a Rust function.
pub type TagTextMatcher<'a> = &'a dyn Fn(&str) -> bool;

/// The longest string accepted for a label, query or header value without a length of its
/// own in the model: well above any CloudFront name or ARN, well below what would make a
/// useless multi-kilobyte URL.
pub const MAX_INPUT_CHARS: usize = 2048;

/// The largest magnitude of the model's `integer` (a Java int).
const MAX_INTEGER: f64 = 2_147_483_647.0;

/// A request ready to sign and send. `Debug` hides the signature and the session token.
#[derive(Clone, PartialEq)]
pub struct HttpRequest {
    pub method: &'static str,
    /// The `host` header value.
    pub host: String,
    /// The path as sent: every label percent-encoded once.
    pub path: String,
    /// The canonical query (sorted, encoded), without `?`; `""` when none.
    pub query: String,
    /// Headers to send besides `host`, lower-case names.
    pub headers: Vec<(&'static str, String)>,
    /// The XML body; `""` when none.
    pub body: String,
    /// The body's SHA-256 (lower-case hex) when the platform computed it (`set_body_sha256`).
    platform_body_sha256: Option<String>,
    origin: String,
}

/// Headers whose values are secret or derived from the secret key.
const SECRET_HEADERS: &[&str] = &["authorization", "x-amz-security-token"];

impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (*n, if SECRET_HEADERS.contains(n) { "** redacted **" } else { v.as_str() }))
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url())
            .field("headers", &headers)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

/// A body from this size on is worth hashing with the platform's SHA-256 (native code, and
/// SHA instructions where the CPU has them) rather than sha2's compact rounds in wasm, even
/// through an asynchronous API such as WebCrypto's: 40 KB of code comes to 55 KB of XML.
pub const LARGE_BODY_BYTES: usize = 16 * 1024;

impl HttpRequest {
    /// The body, when it is `LARGE_BODY_BYTES` or more and its hash is not known yet.
    pub fn large_body(&self) -> Option<&[u8]> {
        (self.body.len() >= LARGE_BODY_BYTES && self.platform_body_sha256.is_none()).then_some(self.body.as_bytes())
    }

    /// Takes the body's SHA-256 as computed by the platform, if it is one (32 bytes; anything
    /// else is ignored, and the signature hashes the body itself).
    pub fn set_body_sha256(&mut self, digest: &[u8]) {
        if digest.len() == 32 {
            self.platform_body_sha256 = Some(hex::encode(digest));
        }
    }

    /// The body's SHA-256, lower-case hex: the platform's when given, else computed here.
    pub fn body_sha256(&self) -> String {
        match &self.platform_body_sha256 {
            Some(hex) => hex.clone(),
            None => hex::encode(Sha256::digest(self.body.as_bytes())),
        }
    }

    pub fn url(&self) -> String {
        let query = if self.query.is_empty() { "" } else { "?" };
        format!("{}{}{query}{}", self.origin, self.path, self.query)
    }
}

/// Percent-encodes everything but `A-Za-z0-9-._~` (and `/` when `keep_slash`), upper-case hex.
pub fn uri_encode(out: &mut String, text: &str, keep_slash: bool) {
    let hex = |n: u8| char::from_digit(u32::from(n), 16).unwrap_or('0').to_ascii_uppercase();
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (keep_slash && b == b'/') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(hex(b >> 4));
            out.push(hex(b & 15));
        }
    }
}

pub(crate) fn wrong_type(path: &str, wanted: &str, value: &InputValue) -> Error {
    Error::input(format!("{path} must be {wanted}, not {}", value.kind()))
}

pub(crate) fn required(path: &str) -> Error {
    Error::input(format!("{path} is required and was not given"))
}

/// `[a-zA-Z0-9-_]*`
fn function_name_chars(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `arn:aws:cloudfront::[0-9]{12}:key-value-store/[0-9a-fA-F-]{36}`
fn key_value_store_arn(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("arn:aws:cloudfront::") else { return false };
    // Split at the first `:` (a `char` pattern; an account of digits holds none).
    let Some((account, kind_id)) = rest.split_once(':') else { return false };
    let Some(id) = kind_id.strip_prefix("key-value-store/") else { return false };
    account.len() == 12
        && account.bytes().all(|b| b.is_ascii_digit())
        && id.len() == 36
        && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

fn check_rule(path: &str, rule: &TextRule, text: &str, tag_text: TagTextMatcher<'_>) -> Result<(), Error> {
    let chars = text.chars().count();
    if chars < rule.min || chars > rule.max {
        return Err(Error::input(format!("{path} must be {} to {} characters long, not {chars}", rule.min, rule.max)));
    }
    let matches = match rule.pattern {
        Pattern::Any => true,
        Pattern::FunctionName => function_name_chars(text),
        Pattern::KeyValueStoreArn => key_value_store_arn(text),
        Pattern::TagText => tag_text(text),
    };
    if !matches {
        return Err(Error::input(format!("{path} may only contain {}", rule.allows)));
    }
    Ok(())
}

/// The text a scalar value is written as, once it passed the shape's checks: strings (free,
/// enum or constrained) and whole numbers. `value` is present.
pub(crate) fn scalar_text(
    path: &str,
    shape: &Shape,
    value: &InputValue,
    tag_text: TagTextMatcher<'_>,
) -> Result<String, Error> {
    if let Shape::Integer = shape {
        let InputValue::Num(n) = value else { return Err(wrong_type(path, "a whole number", value)) };
        if n.fract() != 0.0 || n.abs() > MAX_INTEGER {
            return Err(Error::input(format!("{path} must be a whole number from -2147483648 to 2147483647")));
        }
        // `as` is exact here (checked above); -0 writes as "0", as JS's String(-0).
        let digits = (n.abs() as u64).to_string();
        return Ok(if *n < 0.0 { format!("-{digits}") } else { digits });
    }
    let text = match value {
        InputValue::Str(text) => text,
        InputValue::InvalidUnicode => {
            return Err(Error::input(format!("{path} is not valid Unicode text (it contains a lone surrogate)")))
        }
        other => return Err(wrong_type(path, "a string", other)),
    };
    match shape {
        Shape::Enum(allowed) if !allowed.contains(&text.as_str()) => {
            Err(Error::input(format!("{path} must be one of {}", allowed.join(", "))))
        }
        Shape::Text(rule) => check_rule(path, rule, text, tag_text).map(|()| text.clone()),
        _ => Ok(text.clone()),
    }
}

/// Builds the request for `op`. `input` holds one value per `op.input` member, in order.
/// Every member is checked before anything is built; the first problem is the error.
pub fn build(
    op: &Operation,
    input: &[InputValue],
    endpoint: &Endpoint,
    tag_text: TagTextMatcher<'_>,
) -> Result<HttpRequest, Error> {
    if input.len() != op.input.len() {
        return Err(Error::input(format!("{} takes {} input members", op.name, op.input.len())));
    }
    let mut path = String::with_capacity(endpoint.base_path.len() + op.path.len() + 32);
    path.push_str(&endpoint.base_path);
    let mut query: Vec<(&str, String)> = Vec::new();
    let mut headers: Vec<(&'static str, String)> = Vec::new();
    let mut template = op.path;
    for (member, value) in op.input.iter().zip(input) {
        if member.location == Location::Body {
            continue;
        }
        if matches!(value, InputValue::Missing) {
            if member.required {
                return Err(required(member.name));
            }
            continue;
        }
        let text = scalar_text(member.name, member.shape, value, tag_text)?;
        if matches!(member.shape, Shape::String) && text.chars().count() > MAX_INPUT_CHARS {
            let chars = text.chars().count();
            return Err(Error::input(format!("{} is {chars} characters long; at most {MAX_INPUT_CHARS} are accepted", member.name)));
        }
        match member.location {
            Location::Label => {
                if text.is_empty() || text == "." || text == ".." {
                    return Err(Error::input(
                        format!("{} cannot be empty, \".\" or \"..\" (it is a path segment)", member.name),
                    ));
                }
                let marker = format!("{{{}}}", member.name);
                // A `char` pattern: a `&str` one links core's two-way searcher (0.7 KB gzipped).
                let found = template.match_indices('{').map(|(i, _)| i).find(|&i| {
                    template.get(i..).is_some_and(|rest| rest.starts_with(marker.as_str()))
                });
                let Some(at) = found else {
                    return Err(Error::input(format!("{} has no place in the path", member.name)));
                };
                let (head, tail) = template.split_at(at);
                path.push_str(head);
                uri_encode(&mut path, &text, false);
                template = tail.get(marker.len()..).unwrap_or("");
            }
            Location::Query(key) => query.push((key, text)),
            Location::Header(name) => {
                if text.bytes().any(|b| b < 0x20 || b == 0x7f) {
                    return Err(Error::input(format!("{} cannot contain control characters", member.name)));
                }
                headers.push((name, text));
            }
            Location::Body => {}
        }
    }
    path.push_str(template);
    let body = match op.body_root {
        Some(root) => {
            let members = op.input.iter().zip(input).filter(|(m, _)| m.location == Location::Body);
            let body = body::write(root, members, tag_text)?;
            // As the SDK: the content type goes with every operation that has a body shape,
            // even when no member is set and the body is empty.
            headers.push(("content-type", "application/xml".to_owned()));
            body
        }
        None => String::new(),
    };
    query.sort_unstable();
    let mut query_string = String::new();
    for (i, (key, value)) in query.iter().enumerate() {
        if i > 0 {
            query_string.push('&');
        }
        uri_encode(&mut query_string, key, false);
        query_string.push('=');
        uri_encode(&mut query_string, value, false);
    }
    Ok(HttpRequest {
        method: op.method,
        host: endpoint.host.clone(),
        path,
        query: query_string,
        headers,
        body,
        platform_body_sha256: None,
        origin: endpoint.origin.clone(),
    })
}
