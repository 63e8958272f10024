//! Reads an answer into the operation's output or into the error the SDK would throw.

use crate::error::{Error, ErrorKind, Fault, ResponseMeta};
use crate::operation::{Operation, OutputMember, Shape};
use crate::value::Value;
use crate::xml::{parse_error_body, parse_payload, BAD_TIMESTAMP};

/// The metadata of an answer; `header` looks a header up case-insensitively.
pub fn response_meta(status: u16, header: &dyn Fn(&'static str) -> Option<String>) -> ResponseMeta {
    ResponseMeta {
        status,
        request_id: header("x-amzn-requestid")
            .or_else(|| header("x-amzn-request-id"))
            .or_else(|| header("x-amz-request-id")),
        extended_request_id: header("x-amz-id-2"),
        cf_id: header("x-amz-cf-id"),
        clock_skew_corrected: false,
    }
}

/// An answer's body as the platform read it: XML answers as text (`Response.text()`, which
/// replaces invalid UTF-8 as a `TextDecoder` does and drops a BOM), a blob payload as bytes.
/// Keeping the two apart spares the wasm a UTF-8 validation of what is already text.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    Text(String),
    Bytes(Vec<u8>),
}

impl Body {
    /// The text of an XML answer; `None` for bytes (no XML answer arrives as bytes).
    pub fn text(&self) -> Option<&str> {
        match self {
            Body::Text(text) => Some(text),
            Body::Bytes(_) => None,
        }
    }

    pub fn bytes(&self) -> &[u8] {
        match self {
            Body::Text(text) => text.as_bytes(),
            Body::Bytes(bytes) => bytes,
        }
    }
}

/// The output members of a success answer (any 2xx), in model order. `body` is the answer's
/// body: a blob payload keeps its bytes, anything else reads it as XML text.
pub fn read_output(
    op: &Operation,
    meta: &ResponseMeta,
    header: &dyn Fn(&'static str) -> Option<String>,
    body: &Body,
) -> Result<Vec<(&'static str, Value)>, Error> {
    let mut out = Vec::with_capacity(op.output.len());
    let parse_error = |detail: String| {
        let name = if detail.starts_with(BAD_TIMESTAMP) { "TypeError" } else { "Error" };
        Error::parse(name, format!("XML deserialization error: {detail}"), meta.clone())
    };
    let text = || body.text().ok_or_else(|| parse_error("the body is bytes, not XML text".to_owned()));
    for member in op.output {
        match member {
            OutputMember::Payload { name, shape: Shape::Blob { .. } } => {
                // An empty body sets no member, as in the SDK.
                if !body.bytes().is_empty() {
                    out.push((*name, Value::Bytes(body.bytes().to_vec())));
                }
            }
            OutputMember::Payload { name, shape } => {
                if let Some(v) = parse_payload(text()?, shape).map_err(parse_error)? {
                    out.push((*name, v));
                }
            }
            OutputMember::Body(members) => {
                if let Some(Value::Struct(fields)) =
                    parse_payload(text()?, &Shape::Structure(0, members)).map_err(parse_error)?
                {
                    out.extend(fields);
                }
            }
            OutputMember::Header { name, header: key } => {
                if let Some(v) = header(key) {
                    out.push((*name, Value::Str(v)));
                }
            }
        }
    }
    Ok(out)
}

fn text<'a>(fields: &'a [(String, Value)], key: &str) -> Option<&'a str> {
    fields.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.as_str())
}

/// The error an error answer (status ≥ 300) stands for, shaped as the SDK shapes it: the
/// body's fields and the `<Error>` children on the error, the name from `<Code>`.
pub fn read_error(op: &Operation, mut meta: ResponseMeta, body: &str) -> Error {
    // A body that is not XML (plain text from a proxy) reads like an empty one: the error
    // is still named and, for a 5xx, retried.
    let mut fields = parse_error_body(body).unwrap_or_default();
    let inner: Vec<(String, Value)> = match fields.iter().find(|(k, _)| k == "Error") {
        Some((_, Value::Map(inner))) => inner.clone(),
        _ => Vec::new(),
    };
    let code = text(&inner, "Code")
        .or_else(|| text(&fields, "Code"))
        .map(str::to_owned)
        .unwrap_or_else(|| if meta.status == 404 { "NotFound" } else { "Unknown" }.to_owned());
    // As the SDK: the last `<Error>` child named `message` in any case, then the top level's.
    let inner_message = inner
        .iter()
        .rev()
        .find(|(k, _)| k.eq_ignore_ascii_case("message"))
        .and_then(|(_, v)| v.as_str());
    let message = inner_message
        .into_iter()
        .chain(["message", "Message"].iter().filter_map(|k| text(&fields, k)))
        .find(|m| !m.is_empty())
        .unwrap_or("UnknownError")
        .to_owned();
    for (k, v) in inner {
        match fields.iter_mut().find(|(existing, _)| *existing == k) {
            Some(slot) => slot.1 = v,
            None => fields.push((k, v)),
        }
    }
    if meta.request_id.is_none() {
        meta.request_id = text(&fields, "RequestId").map(str::to_owned);
    }
    // What the exception already carries is not overwritten; `Message` is folded into `message`.
    fields.retain(|(k, _)| !matches!(k.as_str(), "message" | "Message" | "name" | "$fault" | "$metadata" | "$retryable"));
    let fault = match op.modeled_error(&code) {
        Some(modeled) => modeled.fault,
        None if meta.status >= 500 => Fault::Server,
        None => Fault::Client,
    };
    Error { kind: ErrorKind::Service, name: code, message, fault, response: Some(meta), fields }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::DESCRIBE_CONNECTION_FUNCTION as OP;

    fn meta(status: u16) -> ResponseMeta {
        ResponseMeta { status, ..Default::default() }
    }

    #[test]
    fn envelope_fields_as_the_sdk_sets_them() {
        let e = read_error(
            &OP,
            meta(404),
            r#"<ErrorResponse xmlns="ns"><Error><Type>Sender</Type><Code>EntityNotFound</Code><Message>gone</Message></Error><RequestId>rid</RequestId></ErrorResponse>"#,
        );
        assert_eq!((e.name.as_str(), e.message.as_str(), e.fault), ("EntityNotFound", "gone", Fault::Client));
        assert_eq!(e.response.as_ref().and_then(|r| r.request_id.as_deref()), Some("rid"));
        let keys: Vec<&str> = e.fields.iter().map(|(k, _)| k.as_str()).collect();
        // The SDK's key order (tests/js/SDK-BEHAVIOUR.md §3): the root's children, its
        // attributes, then the `<Error>` children.
        assert_eq!(keys, ["Error", "RequestId", "xmlns", "Type", "Code"]);
    }

    #[test]
    fn unnamed_answers_still_get_names() {
        let e = read_error(&OP, meta(503), "");
        assert_eq!((e.name.as_str(), e.message.as_str(), e.fault), ("Unknown", "UnknownError", Fault::Server));
        assert_eq!(read_error(&OP, meta(404), "").name, "NotFound");
        assert_eq!(read_error(&OP, meta(500), "oops").name, "Unknown");
        let html = read_error(&OP, meta(502), "<html><body><h1>502 Bad Gateway</h1></body></html>");
        assert_eq!(html.fields.first().map(|(k, _)| k.as_str()), Some("body"));
        let modeled = read_error(&OP, meta(500), "<Error><Code>AccessDenied</Code></Error>");
        assert_eq!(modeled.fault, Fault::Client);
    }
}
