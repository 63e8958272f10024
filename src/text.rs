//! Small text helpers written for wasm size: numbers without `core::fmt` (its machinery
//! would cost kilobytes for the few numbers this crate writes: dates, limits, positions),
//! substring search without `str::find`'s two-way searcher (a kilobyte, for needles of at
//! most nine bytes here), and concatenation without the generic slice join.

/// The parts joined: `[a, b].concat()` without the generic join it links (a kilobyte).
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// The byte offset of the first `needle` in `haystack`.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return Some(0);
    }
    haystack.as_bytes().windows(needle.len()).position(|w| w == needle)
}

/// Appends `n` in decimal, zero-padded to at least `width` digits.
pub fn push_decimal(out: &mut String, n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    for slot in digits.iter_mut() {
        *slot = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in len..width {
        out.push('0');
    }
    for &d in digits.iter().take(len).rev() {
        out.push(char::from(d));
    }
}

/// `n` in decimal.
pub fn decimal(n: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, n, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_matches_str_find() {
        for (h, n) in [("", "a"), ("a", ""), ("abc", "c"), ("a-->b-->", "-->"), ("é]]>", "]]>"), ("--", "-->")] {
            assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
        }
    }

    #[test]
    fn decimals_match_std_formatting() {
        for n in [0, 7, 10, 99, 100, 65_535, 1 << 20, u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
            for width in [0, 2, 4, 25] {
                let mut s = String::from("x");
                push_decimal(&mut s, n, width);
                assert_eq!(s, format!("x{n:0width$}"));
            }
        }
    }
}
