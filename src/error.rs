//! The one error type. At the JS boundary it becomes an `Error` whose `name` is `name`.

use std::fmt;

use crate::value::Value;

/// Who is to blame, as the SDK's `$fault` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    Client,
    Server,
}

impl Fault {
    pub fn as_str(self) -> &'static str {
        match self {
            Fault::Client => "client",
            Fault::Server => "server",
        }
    }
}

/// What went wrong, independent of the wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad operation input, found before anything was sent.
    Input,
    /// Bad client configuration, found before anything was sent.
    Config,
    /// Missing or malformed credentials, found before anything was sent.
    Credentials,
    /// CloudFront (or something in between) answered with an error status.
    Service,
    /// A success status whose body could not be read as the operation's output.
    Parse,
    /// The answer was larger than the operation allows.
    ResponseTooLarge,
}

/// What an answer's status line and headers say, as the SDK's `$metadata` reports it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResponseMeta {
    pub status: u16,
    pub request_id: Option<String>,
    pub extended_request_id: Option<String>,
    pub cf_id: Option<String>,
    /// The answer's `Date` showed our clock was off and the offset was corrected.
    pub clock_skew_corrected: bool,
}

/// An error with everything the JS side needs to build the SDK-shaped exception.
/// It never holds a secret: messages name fields, never their values.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    /// The JS error name: the CloudFront error code for service errors.
    pub name: String,
    pub message: String,
    pub fault: Fault,
    /// The answer this error came from, if one arrived.
    pub response: Option<ResponseMeta>,
    /// Further fields the SDK sets on its exceptions (`Error`, `Type`, `Code`, …), in order.
    pub fields: Vec<(String, Value)>,
}

impl Error {
    fn local(kind: ErrorKind, name: &str, message: String) -> Self {
        Error {
            kind,
            name: name.to_owned(),
            message,
            fault: Fault::Client,
            response: None,
            fields: Vec::new(),
        }
    }

    pub fn input(message: impl Into<String>) -> Self {
        Self::local(ErrorKind::Input, "ValidationError", message.into())
    }

    pub fn config(message: impl Into<String>) -> Self {
        Self::local(ErrorKind::Config, "ConfigurationError", message.into())
    }

    pub fn credentials(message: impl Into<String>) -> Self {
        Self::local(ErrorKind::Credentials, "CredentialsError", message.into())
    }

    /// An unreadable success answer, named as the SDK names it: `TypeError` for a bad
    /// timestamp, a plain `Error` otherwise.
    pub fn parse(name: &str, message: impl Into<String>, response: ResponseMeta) -> Self {
        Error { response: Some(response), ..Self::local(ErrorKind::Parse, name, message.into()) }
    }

    pub fn too_large(limit: usize, response: ResponseMeta) -> Self {
        Error {
            response: Some(response),
            fault: Fault::Server,
            ..Self::local(
                ErrorKind::ResponseTooLarge,
                "ResponseTooLargeError",
                format!("the response body is larger than {limit} bytes, the limit for this operation"),
            )
        }
    }
}

impl Error {
    pub fn status(&self) -> Option<u16> {
        self.response.as_ref().map(|r| r.status)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

impl std::error::Error for Error {}
