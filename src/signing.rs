//! SigV4 for CloudFront: the canonical request is built here (the path encoded a second
//! time, as for every service but S3); key derivation and HMAC come from aws-sigv4.

use std::fmt;
use std::time::{Duration, UNIX_EPOCH};

use aws_sigv4::sign::v4::{calculate_signature, generate_signing_key};
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::request::{uri_encode, HttpRequest};
use crate::time::amz_date;

pub const SERVICE: &str = "cloudfront";

/// SHA-256 of the empty body: every operation signed here so far has none.
const EMPTY_PAYLOAD_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// AWS credentials. `Debug` never shows the secret key or the session token.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field("session_token", &self.session_token.as_ref().map(|_| "** redacted **"))
            .finish()
    }
}

/// A header value the platform's `fetch` will accept unchanged.
fn header_safe(value: &str) -> bool {
    value.bytes().all(|b| (0x20..0x7f).contains(&b))
}

impl Credentials {
    /// Checks the three fields; messages name the field, never its value.
    pub fn new(
        access_key_id: &str,
        secret_access_key: &str,
        session_token: Option<&str>,
    ) -> Result<Self, Error> {
        if access_key_id.is_empty() || !access_key_id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Error::credentials(
                "credentials.accessKeyId must be a non-empty string of letters and digits",
            ));
        }
        if secret_access_key.is_empty() || !header_safe(secret_access_key) {
            return Err(Error::credentials(
                "credentials.secretAccessKey must be a non-empty string of printable ASCII characters",
            ));
        }
        // The SDK treats an empty session token as none.
        let session_token = session_token.filter(|t| !t.is_empty());
        if session_token.is_some_and(|t| !header_safe(t)) {
            return Err(Error::credentials(
                "credentials.sessionToken must be a string of printable ASCII characters",
            ));
        }
        Ok(Credentials {
            access_key_id: access_key_id.to_owned(),
            secret_access_key: secret_access_key.to_owned(),
            session_token: session_token.map(str::to_owned),
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    out
}

/// The pieces of a signature, kept for tests and debugging (the signature itself is not
/// secret-bearing in the sense of the key, but it is never logged).
pub struct SigningParts {
    pub canonical_request: String,
    pub string_to_sign: String,
}

/// Builds the canonical request and string to sign for `req` at `amz_date`.
fn canonical(req: &HttpRequest, date: &str, token: Option<&str>, region: &str) -> (SigningParts, String) {
    let mut headers: Vec<(&str, &str)> = vec![("host", req.host.as_str()), ("x-amz-date", date)];
    if let Some(t) = token {
        headers.push(("x-amz-security-token", t));
    }
    for (name, value) in &req.headers {
        headers.push((name, value.trim()));
    }
    headers.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let signed_headers = headers.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(";");
    let mut creq = String::with_capacity(256 + req.path.len() * 2);
    creq.push_str(req.method);
    creq.push('\n');
    uri_encode(&mut creq, &req.path, true);
    creq.push('\n');
    creq.push_str(&req.query);
    creq.push('\n');
    for (name, value) in &headers {
        creq.push_str(name);
        creq.push(':');
        creq.push_str(value);
        creq.push('\n');
    }
    creq.push('\n');
    creq.push_str(&signed_headers);
    creq.push('\n');
    creq.push_str(EMPTY_PAYLOAD_SHA256);
    let scope = format!("{}/{region}/{SERVICE}/aws4_request", date.get(..8).unwrap_or(date));
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{date}\n{scope}\n{}",
        hex(&Sha256::digest(creq.as_bytes()))
    );
    (SigningParts { canonical_request: creq, string_to_sign }, signed_headers)
}

/// Signs `req` for the instant `epoch_ms`: adds `x-amz-date`, `x-amz-security-token`
/// (with a session token) and `authorization`. Returns the canonical pieces.
pub fn sign(req: &mut HttpRequest, creds: &Credentials, epoch_ms: i64, region: &str) -> SigningParts {
    // SigV4 dates have four-digit years: keep a wild clock (a server's odd `Date`) in range.
    let epoch_ms = epoch_ms.clamp(0, 253_402_300_799_999);
    let date = amz_date(epoch_ms);
    let token = creds.session_token.as_deref();
    let (parts, signed_headers) = canonical(req, &date, token, region);
    let instant = UNIX_EPOCH + Duration::from_secs(u64::try_from(epoch_ms.div_euclid(1000)).unwrap_or(0));
    let key = generate_signing_key(&creds.secret_access_key, instant, region, SERVICE);
    let signature = calculate_signature(key, parts.string_to_sign.as_bytes());
    let authorization = format!(
        "AWS4-HMAC-SHA256 Credential={}/{}/{region}/{SERVICE}/aws4_request, SignedHeaders={signed_headers}, Signature={signature}",
        creds.access_key_id,
        date.get(..8).unwrap_or(&date),
    );
    req.headers.push(("x-amz-date", date));
    if let Some(t) = token {
        req.headers.push(("x-amz-security-token", t.to_owned()));
    }
    req.headers.push(("authorization", authorization));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_secrets() {
        let c = Credentials::new("AKID", "SECRETVALUE", Some("TOKENVALUE")).unwrap();
        let shown = format!("{c:?}");
        assert!(shown.contains("AKID"));
        assert!(!shown.contains("SECRETVALUE") && !shown.contains("TOKENVALUE"), "{shown}");
    }

    #[test]
    fn signed_request_debug_hides_signature_and_token() {
        let endpoint = crate::endpoint::resolve(&Default::default()).unwrap();
        let op = &crate::operation::DESCRIBE_CONNECTION_FUNCTION;
        let input = [crate::request::InputValue::Str("f".into()), crate::request::InputValue::Missing];
        let mut req = crate::request::build(op, &input, &endpoint).unwrap();
        let c = Credentials::new("AKID", "SECRETVALUE", Some("TOKENVALUE")).unwrap();
        sign(&mut req, &c, 1_714_564_800_000, "us-east-1");
        let signature = req.headers.iter().find(|(n, _)| *n == "authorization").map(|(_, v)| v.clone()).unwrap();
        let signature = signature.rsplit('=').next().unwrap();
        let shown = format!("{req:?}");
        assert!(shown.contains("x-amz-date"), "{shown}");
        for secret in ["SECRETVALUE", "TOKENVALUE", signature] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }

    #[test]
    fn credential_checks_do_not_echo_values() {
        for (a, s, t) in [("", "s", None), ("AK ID", "s", None), ("AK", "", None), ("AK", "sé", None), ("AK", "s", Some("t\n"))] {
            let err = Credentials::new(a, s, t).unwrap_err();
            assert_eq!(err.name, "CredentialsError");
            assert!(!err.message.contains("sé") && !err.message.contains("t\n"));
        }
        assert!(Credentials::new("AK", "s", Some("")).unwrap().session_token.is_none());
    }
}
