//! Calendar arithmetic for SigV4 dates, RFC 3339 timestamps and HTTP `Date` headers,
//! on milliseconds since the Unix epoch (no clock is read here).

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// SigV4's `X-Amz-Date`: `YYYYMMDDTHHMMSSZ` for an instant in whole milliseconds.
pub fn amz_date(epoch_ms: i64) -> String {
    let secs = epoch_ms.div_euclid(1000);
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    let y = y.max(0);
    format!("{y:04}{mo:02}{d:02}T{:02}{:02}{:02}Z", sod / 3600, sod % 3600 / 60, sod % 60)
}

/// Parses `len` ASCII digits at the start of `s`.
fn digits(s: &[u8], len: usize) -> Option<u32> {
    if s.len() < len {
        return None;
    }
    s.iter().take(len).try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// An RFC 3339 date-time (`2024-05-01T11:00:00.123Z`, `...+02:00`) to epoch milliseconds,
/// as the AWS SDK for JavaScript reads it: fractions rounded to the millisecond, a day
/// past the month's end rolled over.
pub fn parse_rfc3339(text: &str) -> Option<f64> {
    let s = text.as_bytes();
    let sep = |i: usize, c: &[u8]| s.get(i).is_some_and(|b| c.contains(b));
    let year = i64::from(digits(s, 4)?);
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let month = digits(s.get(5..)?, 2)?;
    let day = digits(s.get(8..)?, 2)?;
    let hour = digits(s.get(11..)?, 2)?;
    let minute = digits(s.get(14..)?, 2)?;
    let second = digits(s.get(17..)?, 2)?;
    let mut rest = s.get(19..)?;
    let mut millis = 0f64;
    if let Some(frac) = rest.strip_prefix(b".") {
        let n = frac.iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        // Math.round(0.fff… * 1000) on the digits, without float parsing (which costs
        // kilobytes of wasm): three digits of milliseconds, the fourth rounds half up.
        let digit = |i: usize| frac.get(i).filter(|_| i < n).map_or(0.0, |b| f64::from(b - b'0'));
        millis = digit(0) * 100.0 + digit(1) * 10.0 + digit(2) + if digit(3) >= 5.0 { 1.0 } else { 0.0 };
        rest = frac.get(n..)?;
    }
    let offset_minutes: i64 = match rest {
        b"Z" | b"z" => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = i64::from(digits(&[*h1, *h2], 2)?);
            let m = i64::from(digits(&[*m1, *m2], 2)?);
            let total = h * 60 + m;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    // As the SDK: days up to 31 in any month, rolling over (Feb 30 is Mar 1 or 2).
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset_minutes * 60;
    Some(secs as f64 * 1000.0 + millis)
}

/// An HTTP `Date` header (IMF-fixdate, `Wed, 01 May 2024 12:00:00 GMT`) to epoch milliseconds.
pub fn parse_http_date(text: &str) -> Option<f64> {
    let mut parts = text.split_ascii_whitespace();
    let _weekday = parts.next()?;
    let day = parts.next()?.parse::<u32>().ok()?;
    let month_name = parts.next()?;
    let year = parts.next()?.parse::<i64>().ok()?;
    let clock = parts.next()?.as_bytes();
    if parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
    if clock.len() != 8 || clock.get(2) != Some(&b':') || clock.get(5) != Some(&b':') {
        return None;
    }
    let (h, m, s) = (digits(clock, 2)?, digits(clock.get(3..)?, 2)?, digits(clock.get(6..)?, 2)?);
    if !(1970..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let secs = days_from_civil(year, month, day) * 86_400 + i64::from(h * 3600 + m * 60 + s);
    Some(secs as f64 * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amz_date_formats_utc() {
        assert_eq!(amz_date(1_714_564_800_000), "20240501T120000Z");
        assert_eq!(amz_date(0), "19700101T000000Z");
        assert_eq!(amz_date(951_782_400_999), "20000229T000000Z");
        assert_eq!(amz_date(1_733_152_271_000), "20241202T151111Z");
        assert_eq!(amz_date(253_402_300_799_999), "99991231T235959Z");
    }

    #[test]
    fn rfc3339_variants() {
        assert_eq!(parse_rfc3339("2024-05-01T11:00:00.123Z"), Some(1_714_561_200_123.0));
        assert_eq!(parse_rfc3339("2024-05-01T11:00:00Z"), Some(1_714_561_200_000.0));
        assert_eq!(parse_rfc3339("2024-05-01T13:00:00+02:00"), Some(1_714_561_200_000.0));
        assert_eq!(parse_rfc3339("2024-05-01T11:00:00.1235Z"), Some(1_714_561_200_124.0));
        assert_eq!(parse_rfc3339("2024-02-30T11:00:00Z"), parse_rfc3339("2024-03-01T11:00:00Z"));
        assert_eq!(parse_rfc3339("2024-02-32T11:00:00Z"), None);
        assert_eq!(parse_rfc3339("2024-05-01t11:00:00z"), Some(1_714_561_200_000.0));
        assert_eq!(parse_rfc3339("2024-05-01 11:00:00Z"), None);
        assert_eq!(parse_rfc3339("2024-05-01T11:00:00"), None);
        assert_eq!(parse_rfc3339("2024-05-01T11:00:00.Z"), None);
        assert_eq!(parse_rfc3339(""), None);
        assert_eq!(parse_rfc3339("2024-05-01T11:00:00+2:00"), None);
    }

    #[test]
    fn http_date() {
        assert_eq!(parse_http_date("Wed, 01 May 2024 12:00:00 GMT"), Some(1_714_564_800_000.0));
        assert_eq!(parse_http_date("Wed, 01 May 2024 12:00:00"), None);
        assert_eq!(parse_http_date("garbage"), None);
    }

    #[test]
    fn civil_round_trip() {
        for days in (-800_000i64..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
