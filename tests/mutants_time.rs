//! Issue 14, mutation testing: date rules of src/time.rs that cargo-mutants showed no test held.
//! An HTTP `Date` header (read for clock-skew correction) names a real calendar day, leap years
//! included; an RFC 3339 timestamp's offset counts its minutes and its clock fields have ranges.
#![cfg(not(target_arch = "wasm32"))]

use cloudfront_wasm::time::{parse_http_date, parse_rfc3339};

/// 12:00:00 UTC of a day, as epoch milliseconds.
fn noon(date: &str) -> Option<f64> {
    parse_rfc3339(&format!("{date}T12:00:00Z"))
}

#[test]
fn http_date_accepts_the_29th_of_february_of_leap_years_only() {
    // Divisible by 4: leap; by 100: not; by 400: leap again.
    assert_eq!(parse_http_date("Thu, 29 Feb 2024 12:00:00 GMT"), Some(1_709_208_000_000.0));
    assert_eq!(parse_http_date("Tue, 29 Feb 2000 12:00:00 GMT"), Some(951_825_600_000.0));
    assert_eq!(parse_http_date("Tue, 29 Feb 2023 12:00:00 GMT"), None);
    assert_eq!(parse_http_date("Mon, 29 Feb 2100 12:00:00 GMT"), None);
    assert_eq!(parse_http_date("Fri, 30 Feb 2024 12:00:00 GMT"), None);
    assert_eq!(parse_http_date("Tue, 28 Feb 2023 12:00:00 GMT"), noon("2023-02-28"));
}

#[test]
fn http_date_accepts_the_last_day_of_each_month_and_refuses_the_day_after() {
    let last = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]; // 2024
    let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    for ((month, name), days) in (1..).zip(names).zip(last) {
        for day in 1..=days {
            // The weekday is not checked (nor by the SDK): "Mon" throughout.
            let header = format!("Mon, {day:02} {name} 2024 12:00:00 GMT");
            assert_eq!(parse_http_date(&header), noon(&format!("2024-{month:02}-{day:02}")), "{header}");
        }
        let after = format!("Mon, {:02} {name} 2024 12:00:00 GMT", days + 1);
        assert_eq!(parse_http_date(&after), None, "{after}");
    }
}

#[test]
fn rfc3339_offset_counts_hours_and_minutes() {
    let utc = Some(1_714_561_200_000.0); // 2024-05-01T11:00:00Z
    assert_eq!(parse_rfc3339("2024-05-01T16:30:00+05:30"), utc);
    assert_eq!(parse_rfc3339("2024-05-01T05:15:00-05:45"), utc);
}

#[test]
fn rfc3339_refuses_each_clock_field_out_of_range() {
    assert_eq!(parse_rfc3339("2024-05-01T23:59:59Z"), Some(1_714_607_999_000.0));
    // Seconds up to 60, as the SDK's `parseRfc3339DateTime` reads them: 60 is the next minute.
    assert_eq!(parse_rfc3339("2024-05-01T23:59:60Z"), Some(1_714_608_000_000.0));
    assert_eq!(parse_rfc3339("2024-05-01T24:00:00Z"), None);
    assert_eq!(parse_rfc3339("2024-05-01T11:60:00Z"), None);
    assert_eq!(parse_rfc3339("2024-05-01T11:00:61Z"), None);
}

#[test]
fn rfc3339_counts_every_field() {
    assert_eq!(parse_rfc3339("2024-05-01T13:14:15.678Z"), Some(1_714_569_255_678.0));
    assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0.0));
}

#[test]
fn http_date_counts_every_field_and_its_range() {
    assert_eq!(parse_http_date("Wed, 01 May 2024 13:14:15 GMT"), Some(1_714_569_255_000.0));
    assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0.0));
    assert_eq!(parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT"), Some(253_402_300_799_000.0));
    // Seconds up to 60, as the SDK's `parseRfc7231DateTime` reads them: 60 is the next minute.
    assert_eq!(parse_http_date("Wed, 01 May 2024 12:00:60 GMT"), Some(1_714_564_860_000.0));
    for bad in [
        "Wed, 31 Dec 1969 23:59:59 GMT",
        "Sat, 01 Jan 10000 00:00:00 GMT",
        "Wed, 00 May 2024 12:00:00 GMT",
        "Wed, 01 May 2024 24:00:00 GMT",
        "Wed, 01 May 2024 12:60:00 GMT",
        "Wed, 01 May 2024 12:00:61 GMT",
    ] {
        assert_eq!(parse_http_date(bad), None, "{bad}");
    }
}

#[test]
fn http_date_has_exactly_the_imf_fixdate_form() {
    for bad in [
        "Wed, 01 May 2024 12:00:00 GMT extra",
        "Wed, 01 May 2024 12:00:00 UTC",
        "Wed, 01 May 2024 12.00:00 GMT",
        "Wed, 01 May 2024 12:00.00 GMT",
        "Wed, 01 May 2024 12:00:000 GMT",
        "Wed, 01 May 2024 12:00:0 GMT",
        "Wed, 01 may 2024 12:00:00 GMT",
    ] {
        assert_eq!(parse_http_date(bad), None, "{bad}");
    }
}
