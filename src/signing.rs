//! SigV4 for CloudFront. The canonical request and string to sign are ours because aws-sigv4's `http_request` signer costs 55–63 KB gzipped.
//!
//! aws-sigv4 derives the signing key (`generate_signing_key`) and computes the signature
//! (`calculate_signature`); this module builds what they sign (the path encoded a second
//! time, as for every service but S3) and keeps the derived key per client.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sigv4::sign::v4::{calculate_signature, generate_signing_key};
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::request::{uri_encode, HttpRequest};
use crate::time::amz_date;

pub const SERVICE: &str = "cloudfront";

/// SHA-256 of the empty body (the reads have none).
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

/// The instant `epoch_ms` as a `SystemTime`, which aws-sigv4's key derivation takes; built
/// from the JS clock's milliseconds because `SystemTime::now()` panics on wasm32.
fn system_time(epoch_ms: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(u64::try_from(epoch_ms).unwrap_or(0))
}

/// The pieces of a signature, kept for tests and debugging (the signature itself is not
/// secret-bearing in the sense of the key, but it is never logged).
pub struct SigningParts {
    pub canonical_request: String,
    pub string_to_sign: String,
}

/// `parts` in one allocation of the right size. Every signature builds two such strings: with
/// `format!` (and the date's) the formatting machinery was a tenth of a signature's profile in
/// V8, and std's `concat` is a generic join of 1 KB of wasm.
fn joined(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
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
    let mut signed_headers = String::new();
    for (i, (name, _)) in headers.iter().enumerate() {
        if i > 0 {
            signed_headers.push(';');
        }
        signed_headers.push_str(name);
    }
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
    if req.body.is_empty() {
        creq.push_str(EMPTY_PAYLOAD_SHA256);
    } else {
        creq.push_str(&req.body_sha256());
    }
    let day = date.get(..8).unwrap_or(date);
    let hash = hex::encode(Sha256::digest(creq.as_bytes()));
    let string_to_sign = joined(&["AWS4-HMAC-SHA256\n", date, "\n", day, "/", region, "/", SERVICE, "/aws4_request\n", &hash]);
    (SigningParts { canonical_request: creq, string_to_sign }, signed_headers)
}

/// The last signing key aws-sigv4 derived, for the next call. The key depends only on the
/// secret, the day, the region and the service, so a client signing all day derives it once
/// a day instead of four HMACs per request (the SDK's signer and aws4fetch keep one too).
/// The entry is found by the SHA-256 of the secret, not the secret; `Debug` shows neither.
#[derive(Default)]
pub struct KeyCache {
    entry: Option<CachedKey>,
}

struct CachedKey {
    secret_id: [u8; 32],
    day: String,
    region: String,
    key: Vec<u8>,
}

impl fmt::Debug for KeyCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyCache(** redacted **)")
    }
}

impl KeyCache {
    /// The signing key for the day of `epoch_ms` (`day`, its `YYYYMMDD`) and `region`.
    fn key(&mut self, secret_access_key: &str, epoch_ms: i64, day: &str, region: &str) -> &[u8] {
        let secret_id: [u8; 32] = Sha256::digest(secret_access_key.as_bytes()).into();
        if !matches!(&self.entry, Some(e) if e.secret_id == secret_id && e.day == day && e.region == region) {
            self.entry = None;
        }
        let entry = self.entry.get_or_insert_with(|| CachedKey {
            secret_id,
            day: day.to_owned(),
            region: region.to_owned(),
            key: generate_signing_key(secret_access_key, system_time(epoch_ms), region, SERVICE).as_ref().to_vec(),
        });
        &entry.key
    }
}

/// Signs `req` for the instant `epoch_ms`: adds `x-amz-date`, `x-amz-security-token`
/// (with a session token) and `authorization`. Returns the canonical pieces.
pub fn sign(req: &mut HttpRequest, creds: &Credentials, epoch_ms: i64, region: &str) -> SigningParts {
    sign_cached(req, creds, epoch_ms, region, &mut KeyCache::default())
}

/// Signs `req` at the clock's `now_ms` corrected by the client's `clock_offset_ms` (the
/// server's clock as last seen), as `sign_cached`.
pub fn sign_now(
    req: &mut HttpRequest,
    creds: &Credentials,
    now_ms: f64,
    clock_offset_ms: f64,
    region: &str,
    cache: &mut KeyCache,
) -> SigningParts {
    // `as` saturates: a NaN or infinite clock signs at the clamped ends, never panics.
    sign_cached(req, creds, (now_ms + clock_offset_ms) as i64, region, cache)
}

/// `sign`, reusing (and updating) `cache`'s signing key.
pub fn sign_cached(
    req: &mut HttpRequest,
    creds: &Credentials,
    epoch_ms: i64,
    region: &str,
    cache: &mut KeyCache,
) -> SigningParts {
    // SigV4 dates have four-digit years: keep a wild clock (a server's odd `Date`) in range.
    let epoch_ms = epoch_ms.clamp(0, 253_402_300_799_999);
    let date = amz_date(epoch_ms);
    let token = creds.session_token.as_deref();
    let (parts, signed_headers) = canonical(req, &date, token, region);
    let day = date.get(..8).unwrap_or(&date);
    let key = cache.key(&creds.secret_access_key, epoch_ms, day, region);
    let signature = calculate_signature(key, parts.string_to_sign.as_bytes());
    let access_key_id = &creds.access_key_id;
    let authorization = joined(&[
        "AWS4-HMAC-SHA256 Credential=", access_key_id, "/", day, "/", region, "/", SERVICE,
        "/aws4_request, SignedHeaders=", &signed_headers, ", Signature=", &signature,
    ]);
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
        let mut req = crate::request::build(op, &input, &endpoint, &|_: &str| true).unwrap();
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
    fn cached_key_signs_as_a_fresh_one() {
        let endpoint = crate::endpoint::resolve(&Default::default()).unwrap();
        let op = &crate::operation::DESCRIBE_CONNECTION_FUNCTION;
        let input = [crate::request::InputValue::Str("f".into()), crate::request::InputValue::Missing];
        let fresh = crate::request::build(op, &input, &endpoint, &|_: &str| true).unwrap();
        let a = Credentials::new("AKID", "SECRET-A", None).unwrap();
        let b = Credentials::new("AKID", "SECRET-B", None).unwrap();
        let mut cache = KeyCache::default();
        let day = 86_400_000;
        // Same day twice, another day, another region, another secret: each as if uncached.
        for (creds, at, region) in [(&a, day, "us-east-1"), (&a, day + 5, "us-east-1"), (&a, 2 * day, "us-east-1"),
            (&a, 2 * day, "cn-northwest-1"), (&b, 2 * day, "cn-northwest-1"), (&a, 2 * day, "cn-northwest-1")]
        {
            let (mut cached, mut uncached) = (fresh.clone(), fresh.clone());
            sign_cached(&mut cached, creds, at, region, &mut cache);
            sign(&mut uncached, creds, at, region);
            assert_eq!(cached.headers, uncached.headers);
        }
        assert!(!format!("{cache:?}").contains("SECRET"));
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
