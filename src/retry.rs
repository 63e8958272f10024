//! The retry policy of the SDK's "standard" mode, as pure functions and a token bucket.

use crate::error::{Error, ErrorKind};
use crate::time::parse_http_date;

/// Error codes the SDK treats as throttling.
const THROTTLING_CODES: &[&str] = &[
    "BandwidthLimitExceeded",
    "EC2ThrottledException",
    "LimitExceededException",
    "PriorRequestNotComplete",
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
    "ThrottledException",
    "Throttling",
    "ThrottlingException",
    "TooManyRequestsException",
    "TransactionInProgressException",
];

/// Error codes the SDK treats as transient.
const TRANSIENT_CODES: &[&str] = &["TimeoutError", "RequestTimeout", "RequestTimeoutException"];

/// Statuses the SDK retries whatever the body says.
const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// How far an answer's `Date` may be from our corrected clock before the offset is reset.
const CLOCK_SKEW_LIMIT_MS: f64 = 240_000.0;

/// The new clock offset when the server's `Date` shows ours is off, as the SDK corrects it.
pub fn corrected_clock_offset(server_ms: f64, now_ms: f64, offset_ms: f64) -> Option<f64> {
    ((server_ms - (now_ms + offset_ms)).abs() >= CLOCK_SKEW_LIMIT_MS).then_some(server_ms - now_ms)
}

/// The new clock offset an answer's `Date` header calls for, if any. An answer carrying an
/// `Age` header may come from a cache, so its `Date` says nothing about the server's clock
/// now: the SDK then keeps the offset, and so do we.
pub fn clock_offset_from_answer(date: Option<&str>, age: Option<&str>, now_ms: f64, offset_ms: f64) -> Option<f64> {
    if age.is_some() {
        return None;
    }
    corrected_clock_offset(parse_http_date(date?)?, now_ms, offset_ms)
}

pub const MAX_DELAY_MS: f64 = 20_000.0;
const BASE_DELAY_MS: f64 = 50.0;
const THROTTLING_BASE_DELAY_MS: f64 = 1000.0;

/// Why an attempt may be retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    Throttling,
    Transient,
    /// A network failure or timeout.
    Timeout,
}

/// What failed in one attempt, as the policy sees it.
#[derive(Clone, Copy, Debug)]
pub enum Failure<'a> {
    /// The platform could not complete the exchange (connection refused, reset, …).
    Network,
    /// The request timeout fired.
    TimedOut,
    Response(&'a Error),
}

pub fn classify(failure: Failure<'_>) -> Option<Retry> {
    match failure {
        Failure::Network | Failure::TimedOut => Some(Retry::Timeout),
        Failure::Response(e) => match e.kind {
            ErrorKind::Service if THROTTLING_CODES.contains(&e.name.as_str()) || e.status() == Some(429) => {
                Some(Retry::Throttling)
            }
            ErrorKind::Service
                if TRANSIENT_CODES.contains(&e.name.as_str())
                    || e.status().is_some_and(|s| TRANSIENT_STATUSES.contains(&s))
                    || e.response.as_ref().is_some_and(|r| r.clock_skew_corrected) =>
            {
                Some(Retry::Transient)
            }
            // An unreadable 200 is not retried, as in the SDK: a body cut by the network
            // fails in the platform's read instead, and that is retried as a network error.
            _ => None,
        },
    }
}

/// The delay before retry number `retry` (0 for the first retry), with full jitter as the
/// SDK computes it: `floor(random * min(base * 2^retry, 20 s))`; `random` is in [0, 1).
pub fn backoff_ms(retry: u32, kind: Retry, random: f64) -> f64 {
    let base = if kind == Retry::Throttling { THROTTLING_BASE_DELAY_MS } else { BASE_DELAY_MS };
    let ceiling = (base * 2f64.powi(i32::try_from(retry.min(30)).unwrap_or(30))).min(MAX_DELAY_MS);
    (random.clamp(0.0, 1.0) * ceiling).floor()
}

/// The client-wide retry quota: retries stop when a burst of failures has spent it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryQuota {
    tokens: u32,
}

const INITIAL_TOKENS: u32 = 500;
const THROTTLING_RETRY_COST: u32 = 5;
const RETRY_COST: u32 = 14;
const NO_RETRY_INCREMENT: u32 = 1;

impl Default for RetryQuota {
    fn default() -> Self {
        RetryQuota { tokens: INITIAL_TOKENS }
    }
}

impl RetryQuota {
    /// Takes the cost of one retry; returns what was taken, or `None` when exhausted.
    pub fn acquire(&mut self, kind: Retry) -> Option<u32> {
        let cost = if kind == Retry::Throttling { THROTTLING_RETRY_COST } else { RETRY_COST };
        self.tokens = self.tokens.checked_sub(cost)?;
        Some(cost)
    }

    /// A success gives back what its retries took, or a little when there were none.
    pub fn release(&mut self, taken: u32) {
        let back = if taken == 0 { NO_RETRY_INCREMENT } else { taken };
        self.tokens = (self.tokens + back).min(INITIAL_TOKENS);
    }

    pub fn available(&self) -> u32 {
        self.tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Fault;

    fn service(code: &str, status: u16) -> Error {
        Error {
            kind: ErrorKind::Service,
            name: code.into(),
            message: String::new(),
            fault: Fault::Client,
            response: Some(crate::error::ResponseMeta { status, ..Default::default() }),
            fields: vec![],
        }
    }

    #[test]
    fn classification() {
        assert_eq!(classify(Failure::Response(&service("Throttling", 400))), Some(Retry::Throttling));
        assert_eq!(classify(Failure::Response(&service("Anything", 429))), Some(Retry::Throttling));
        assert_eq!(classify(Failure::Response(&service("503", 503))), Some(Retry::Transient));
        assert_eq!(classify(Failure::Response(&service("EntityNotFound", 404))), None);
        assert_eq!(classify(Failure::Response(&service("AccessDenied", 403))), None);
        assert_eq!(classify(Failure::Network), Some(Retry::Timeout));
        assert_eq!(classify(Failure::Response(&Error::input("x"))), None);
    }

    #[test]
    fn clock_offset_correction() {
        assert_eq!(corrected_clock_offset(1_000_000.0, 1_000_000.0, 0.0), None);
        assert_eq!(corrected_clock_offset(4_600_000.0, 1_000_000.0, 0.0), Some(3_600_000.0));
        assert_eq!(corrected_clock_offset(4_600_000.0, 1_000_000.0, 3_600_000.0), None);
    }

    #[test]
    fn backoff_is_capped_full_jitter() {
        assert_eq!(backoff_ms(0, Retry::Transient, 0.0), 0.0);
        assert_eq!(backoff_ms(0, Retry::Transient, 0.5), 25.0);
        assert_eq!(backoff_ms(1, Retry::Transient, 0.5), 50.0);
        assert_eq!(backoff_ms(1, Retry::Throttling, 0.5), 1000.0);
        assert_eq!(backoff_ms(40, Retry::Throttling, 0.999), 19_980.0);
        for r in 1..10 {
            let d = backoff_ms(r, Retry::Transient, 0.999_999);
            assert!((0.0..=MAX_DELAY_MS).contains(&d));
        }
    }

    #[test]
    fn quota_drains_and_refills() {
        let mut q = RetryQuota::default();
        let mut taken = 0;
        while let Some(c) = q.acquire(Retry::Throttling) {
            taken += c;
        }
        assert_eq!(taken, 500);
        assert_eq!(q.acquire(Retry::Transient), None);
        q.release(10);
        assert_eq!(q.available(), 10);
        q.release(1000);
        assert_eq!(q.available(), 500);
    }
}
