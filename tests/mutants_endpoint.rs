//! Issue 14, mutation testing: endpoint rules that cargo-mutants showed no test held
//! (src/endpoint.rs). Each test is a behaviour the SDK's endpoint resolution has too.

use cloudfront_wasm::endpoint::{resolve, EndpointConfig};

fn custom(url: &str) -> Result<String, String> {
    resolve(&EndpointConfig { endpoint: Some(url), ..Default::default() })
        .map(|e| e.host)
        .map_err(|e| e.message)
}

#[test]
fn aws_cn_has_neither_fips_nor_dual_stack_alone() {
    for (use_fips, use_dualstack) in [(true, false), (false, true), (true, true)] {
        let cfg = EndpointConfig { region: Some("cn-north-1"), use_fips, use_dualstack, ..Default::default() };
        let e = resolve(&cfg).err().map(|e| e.message);
        assert_eq!(
            e.as_deref(),
            Some("FIPS and dual-stack endpoints are not available for CloudFront in the aws-cn partition"),
            "fips {use_fips}, dual-stack {use_dualstack}"
        );
    }
}

#[test]
fn ipv6_hosts_with_and_without_a_port() {
    assert_eq!(custom("http://[::1]").as_deref(), Ok("[::1]"));
    assert_eq!(custom("http://[::1]:8080").as_deref(), Ok("[::1]:8080"));
    assert_eq!(custom("https://[::ffff:127.0.0.1]/p").as_deref(), Ok("[::ffff:127.0.0.1]"));
    assert_eq!(custom("http://[fe80::1]:").as_deref(), Ok("[fe80::1]"));
    for bad in ["http://[]", "http://[]:80", "http://[::g]", "http://[::1 ]", "http://[::1]x"] {
        assert!(custom(bad).is_err(), "{bad} accepted as {:?}", custom(bad));
    }
}
