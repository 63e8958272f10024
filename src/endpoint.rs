//! Where requests go and which region signs them: region → partition → host.

use crate::error::Error;

/// A resolved endpoint: the URL prefix requests are sent to, the `host` header value that
/// is signed, and the SigV4 region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// `scheme://authority` with no trailing slash.
    pub origin: String,
    /// The `host` header as the platform will send it (port only when not the default).
    pub host: String,
    /// A path prefix from a custom endpoint (`""` or `/prefix`), already URI-safe.
    pub base_path: String,
    pub signing_region: &'static str,
}

/// Endpoint options, as the SDK's client config names them.
#[derive(Clone, Debug, Default)]
pub struct EndpointConfig<'a> {
    pub region: Option<&'a str>,
    pub endpoint: Option<&'a str>,
    pub use_fips: bool,
    pub use_dualstack: bool,
}

fn is_china(region: &str) -> bool {
    region.starts_with("cn-")
}

/// A region name as the SDK accepts one: a host label (letters, digits, dashes).
fn valid_region(region: &str) -> bool {
    !region.is_empty()
        && region.len() <= 63
        && region.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !region.starts_with('-')
        && !region.ends_with('-')
}

pub fn resolve(config: &EndpointConfig<'_>) -> Result<Endpoint, Error> {
    let region = config.region.unwrap_or("us-east-1");
    if !valid_region(region) {
        return Err(Error::config(
            "region must be a region name such as \"us-east-1\" (letters, digits and dashes)",
        ));
    }
    if let Some(custom) = config.endpoint {
        if config.use_fips || config.use_dualstack {
            return Err(Error::config(
                "useFipsEndpoint and useDualstackEndpoint cannot be combined with a custom endpoint",
            ));
        }
        return parse_custom(custom, if is_china(region) { "cn-northwest-1" } else { "us-east-1" });
    }
    if is_china(region) {
        if config.use_fips || config.use_dualstack {
            return Err(Error::config(
                "FIPS and dual-stack endpoints are not available for CloudFront in the aws-cn partition",
            ));
        }
        return Ok(standard("cloudfront.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"));
    }
    let host = match (config.use_fips, config.use_dualstack) {
        (false, false) => "cloudfront.amazonaws.com",
        (true, false) => "cloudfront-fips.amazonaws.com",
        (false, true) => "cloudfront.global.api.aws",
        (true, true) => "cloudfront-fips.global.api.aws",
    };
    Ok(standard(host, "us-east-1"))
}

fn standard(host: &str, signing_region: &'static str) -> Endpoint {
    Endpoint {
        origin: format!("https://{host}"),
        host: host.to_owned(),
        base_path: String::new(),
        signing_region,
    }
}

/// Parses `http(s)://host[:port][/path]`; rejects everything a request URL cannot carry.
fn parse_custom(url: &str, signing_region: &'static str) -> Result<Endpoint, Error> {
    let bad = |why: &str| Error::config(format!("endpoint must be an http:// or https:// URL: {why}"));
    let (scheme, rest) = if let Some(rest) = strip_prefix_ignore_case(url, "https://") {
        ("https", rest)
    } else if let Some(rest) = strip_prefix_ignore_case(url, "http://") {
        ("http", rest)
    } else {
        return Err(bad("it does not start with http:// or https://"));
    };
    if rest.contains(['?', '#']) {
        return Err(bad("it has a query or a fragment"));
    }
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if authority.is_empty() {
        return Err(bad("it has no host"));
    }
    if authority.contains('@') {
        return Err(bad("credentials in the URL are not allowed"));
    }
    let (host, port) = split_port(authority).ok_or_else(|| bad("the port is not a number"))?;
    let host_ok = if let Some(ip6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !ip6.is_empty() && ip6.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    } else {
        !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
    };
    if !host_ok {
        return Err(bad("the host name has characters a host cannot have"));
    }
    if !path.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(bad("the path has spaces or characters that must be percent-encoded"));
    }
    let host = host.to_ascii_lowercase();
    let default_port = if scheme == "https" { 443 } else { 80 };
    let authority = match port {
        Some(p) if p != default_port => format!("{host}:{p}"),
        _ => host,
    };
    Ok(Endpoint {
        origin: format!("{scheme}://{authority}"),
        host: authority,
        base_path: path.trim_end_matches('/').to_owned(),
        signing_region,
    })
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| s.get(prefix.len()..)).flatten()
}

/// Splits `host[:port]` (IPv6 hosts in brackets); `None` when the port is not a u16.
fn split_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let colon = match authority.rfind(':') {
        Some(i) if !authority.get(i..)?.contains(']') => i,
        _ => return Some((authority, None)),
    };
    let port = authority.get(colon + 1..)?;
    if port.is_empty() {
        return Some((authority.get(..colon)?, None));
    }
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((authority.get(..colon)?, Some(port.parse().ok()?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(region: &str, fips: bool, dual: bool) -> (String, &'static str) {
        let cfg = EndpointConfig { region: Some(region), endpoint: None, use_fips: fips, use_dualstack: dual };
        let e = resolve(&cfg).unwrap_or_else(|e| panic!("{e}"));
        (e.origin, e.signing_region)
    }

    #[test]
    fn partitions_and_variants() {
        assert_eq!(host("eu-west-3", false, false), ("https://cloudfront.amazonaws.com".into(), "us-east-1"));
        assert_eq!(host("us-east-1", true, false), ("https://cloudfront-fips.amazonaws.com".into(), "us-east-1"));
        assert_eq!(host("us-east-1", false, true), ("https://cloudfront.global.api.aws".into(), "us-east-1"));
        assert_eq!(host("us-east-1", true, true), ("https://cloudfront-fips.global.api.aws".into(), "us-east-1"));
        assert_eq!(
            host("cn-north-1", false, false),
            ("https://cloudfront.cn-northwest-1.amazonaws.com.cn".into(), "cn-northwest-1")
        );
    }

    #[test]
    fn custom_endpoints() {
        let e = |url: &str| resolve(&EndpointConfig { endpoint: Some(url), ..Default::default() });
        let ok = e("http://127.0.0.1:8080/").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((ok.origin.as_str(), ok.host.as_str(), ok.base_path.as_str()), ("http://127.0.0.1:8080", "127.0.0.1:8080", ""));
        let ok = e("HTTPS://Example.COM:443/base/").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((ok.origin.as_str(), ok.host.as_str(), ok.base_path.as_str()), ("https://example.com", "example.com", "/base"));
        let ok = e("http://[::1]:9000").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ok.host, "[::1]:9000");
        for bad in ["ftp://x", "not a url", "http://", "http://a b", "http://h:port", "http://u:p@h", "http://h/?q", ""] {
            assert!(e(bad).is_err(), "{bad} accepted");
        }
        let fips = EndpointConfig { endpoint: Some("https://x"), use_fips: true, ..Default::default() };
        assert!(resolve(&fips).is_err());
        assert!(resolve(&EndpointConfig { region: Some("us east"), ..Default::default() }).is_err());
    }
}
