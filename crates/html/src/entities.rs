//! Character references (`&amp;`, `&#8217;`, `&#x2019;`, `&nbsp`).

use crate::dom::FastMap;
use std::sync::OnceLock;

/// Longest name in the standard's table (`&CounterClockwiseContourIntegral;`).
const MAX_NAME: usize = 32;

fn table() -> &'static FastMap<&'static str, String> {
    static TABLE: OnceLock<FastMap<&'static str, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let data = include_str!("../resources/entities.tsv");
        data.lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (name, points) = line.split_once('\t')?;
                let text: String = points
                    .split(' ')
                    .filter_map(|hex| u32::from_str_radix(hex, 16).ok())
                    .filter_map(char::from_u32)
                    .collect();
                Some((name, text))
            })
            .collect()
    })
}

/// Windows-1252 meanings of C1 code points, as the HTML standard maps numeric
/// references in 0x80..=0x9F (pages write `&#146;` for an apostrophe).
const C1_AS_1252: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// Decodes the reference starting at `s[0] == '&'`, appending its text to
/// `out`. Returns how many bytes it used, or 0 when this is no reference
/// (the caller then keeps the `&` as text).
pub(crate) fn decode_at(s: &str, in_attribute: bool, out: &mut String) -> usize {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let mut end = digits_start;
        let mut value: u32 = 0;
        while let Some(&b) = bytes.get(end) {
            let digit = match (hex, b) {
                (_, b'0'..=b'9') => u32::from(b - b'0'),
                (true, b'a'..=b'f') => u32::from(b - b'a' + 10),
                (true, b'A'..=b'F') => u32::from(b - b'A' + 10),
                _ => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            end += 1;
        }
        if end == digits_start {
            return 0;
        }
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        let value = match value {
            0x80..=0x9F => C1_AS_1252
                .get((value - 0x80) as usize)
                .copied()
                .unwrap_or(0xFFFD),
            0 => 0xFFFD,
            v => v,
        };
        out.push(char::from_u32(value).unwrap_or('\u{FFFD}'));
        return end;
    }
    let name_len = bytes
        .iter()
        .skip(1)
        .take(MAX_NAME)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return 0;
    }
    let Some(name) = s.get(1..1 + name_len) else {
        return 0;
    };
    if bytes.get(1 + name_len) == Some(&b';') {
        if let Some(text) = s
            .get(1..2 + name_len)
            .and_then(|with_semicolon| table().get(with_semicolon))
        {
            out.push_str(text);
            return name_len + 2;
        }
    }
    // Legacy references without `;` (`&nbsp`, `&copy`): the table lists the
    // ones allowed. In attributes they stay literal before `=` or letters
    // (query strings like `?a=1&copy=2`).
    for len in (1..=name_len).rev() {
        let Some(prefix) = name.get(..len) else {
            continue;
        };
        if let Some(text) = table().get(prefix) {
            let next = bytes.get(1 + len).copied();
            if in_attribute && next.is_some_and(|b| b == b'=' || b.is_ascii_alphanumeric()) {
                return 0;
            }
            out.push_str(text);
            return len + 1;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, usize) {
        let mut out = String::new();
        let used = decode_at(s, false, &mut out);
        (out, used)
    }

    #[test]
    fn named_numeric_and_legacy_references() {
        assert_eq!(run("&amp; x"), ("&".to_string(), 5));
        assert_eq!(run("&#8217;s"), ("\u{2019}".to_string(), 7));
        assert_eq!(run("&#x2019;"), ("\u{2019}".to_string(), 8));
        assert_eq!(run("&nbsp;"), ("\u{a0}".to_string(), 6));
        assert_eq!(run("&nbspx"), ("\u{a0}".to_string(), 5));
        assert_eq!(run("&#146;"), ("\u{2019}".to_string(), 6));
        assert_eq!(run("&#99999999999;"), ("\u{fffd}".to_string(), 14));
        assert_eq!(run("&bogus; x"), (String::new(), 0));
        assert_eq!(run("& x"), (String::new(), 0));
    }
}
