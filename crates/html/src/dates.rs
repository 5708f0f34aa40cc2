//! Dates as pages write them: the ISO forms of metadata (`2019-11-19T13:03Z`,
//! `2019-11-19 02:24:00`, `20191119`) and the written dates shown next to a
//! headline (`Nov. 19, 2019 8:03 am ET`, `19 November 2019`, `18.11.2019`,
//! `11/19/19`, `2016.12.01`). Month names and the order of numeric dates come
//! from the language files (`months.tsv`, `date_words.tsv`), never from code.

use dateline_model::PartialDate;
use std::sync::OnceLock;

/// Years outside this range are placeholders (`0001-01-01`) or typos, not
/// publication dates.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Month names of every language with a `months.tsv`, lowercased and
/// without their trailing dot, longest first so that "sept" wins over "sep".
fn months() -> &'static [(String, u8)] {
    static MONTHS: OnceLock<Vec<(String, u8)>> = OnceLock::new();
    MONTHS.get_or_init(|| {
        let mut all: Vec<(String, u8)> = dateline_lang::files()
            .filter(|(_, name)| *name == "months.tsv")
            .filter_map(|(iso, name)| dateline_lang::file(iso, name))
            .flat_map(dateline_lang::rows)
            .filter_map(|row| {
                let form = row.first()?.trim_end_matches('.').to_lowercase();
                let number: u8 = row.get(1)?.parse().ok()?;
                (!form.is_empty() && (1..=12).contains(&number)).then_some((form, number))
            })
            .collect();
        all.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        all.dedup();
        all
    })
}

/// Whether numeric dates put the month first in this language
/// (`date_words.tsv`: `mdy<TAB>order`). Unknown languages: day first, the
/// order of most of the world.
fn month_first(language: Option<&str>) -> bool {
    language
        .and_then(|l| dateline_lang::file(l, "date_words.tsv"))
        .is_some_and(|text| {
            dateline_lang::rows(text)
                .any(|row| row.first() == Some(&"mdy") && row.get(1) == Some(&"order"))
        })
}

/// The month a word names, if any (`Nov`, `Nov.`, `NOVEMBER`, `novembre`).
fn month_named(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    if word.is_empty() || word.len() > 24 {
        return None;
    }
    let lower = word.to_lowercase();
    months()
        .iter()
        .find(|(form, _)| *form == lower)
        .map(|(_, m)| *m)
}

fn checked(year: i32, month: u8, day: Option<u8>) -> Option<PartialDate> {
    if !YEARS.contains(&year) {
        return None;
    }
    let date = PartialDate {
        year: Some(year),
        month: Some(month),
        day,
    };
    date.is_valid().then_some(date)
}

/// A metadata value as an ISO date: kept as written when it is ISO 8601
/// with a plausible year (a date-time keeps its time and offset), else
/// read as a written date and given as `YYYY-MM-DD`. `None` for anything
/// that is no date with a year, month and day.
pub(crate) fn normalize(value: &str, language: Option<&str>) -> Option<String> {
    let value = value.trim();
    let bytes = value.as_bytes();
    let iso_shape = bytes.len() >= 10
        && bytes.get(4) == Some(&b'-')
        && bytes.get(7) == Some(&b'-')
        && bytes
            .get(..4)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit));
    if iso_shape {
        let date = PartialDate::parse_iso(value.get(..10)?)?;
        if !date.year.is_some_and(|y| YEARS.contains(&y)) || date.day.is_none() {
            return None;
        }
        return match bytes.get(10) {
            None => Some(date.to_string()),
            Some(b'T') => Some(value.to_string()),
            // `2019-11-19 02:24:00` and the like: the date is what is certain.
            _ => Some(date.to_string()),
        };
    }
    // `20191119`
    if bytes.len() == 8 && bytes.iter().all(u8::is_ascii_digit) {
        let n = |r: std::ops::Range<usize>| value.get(r)?.parse::<u32>().ok();
        let date = checked(
            n(0..4)? as i32,
            u8::try_from(n(4..6)?).ok()?,
            Some(u8::try_from(n(6..8)?).ok()?),
        )?;
        return Some(date.to_string());
    }
    find_written(value, language, value.len()).map(|d| d.to_string())
}

/// A token of a written date: a number (with its byte length) or a word.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Token<'a> {
    Number(u32, usize),
    Word(&'a str),
}

/// Splits into numbers and words; `.`, `/`, `-` between two numbers are
/// kept as separators (the char itself) so that `18.11.2019` stays one date.
fn tokens(text: &str) -> impl Iterator<Item = (usize, Token<'_>, Option<char>)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, c) = rest.next()?;
        if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, d)) = rest.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                rest.next();
            }
            let digits = text.get(start..end)?;
            // Ordinal suffixes (`18th`) and the separator right after.
            while let Some(&(i, s)) = rest.peek() {
                if s.is_ascii_alphabetic() && i < end + 2 {
                    rest.next();
                } else {
                    break;
                }
            }
            let sep = rest.peek().map(|&(_, s)| s);
            let value = digits.parse::<u32>().unwrap_or(u32::MAX);
            return Some((start, Token::Number(value, digits.len()), sep));
        }
        if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, w)) = rest.peek() {
                if !(w.is_alphabetic() || w == '.') {
                    break;
                }
                end = i + w.len_utf8();
                rest.next();
                if w == '.' {
                    break;
                }
            }
            return Some((start, Token::Word(text.get(start..end)?), None));
        }
    })
}

/// The first written date in `text` that starts within its first `within`
/// bytes: `Month D, YYYY`, `D Month YYYY`, `D. Month YYYY`, `YYYY-MM-DD`,
/// `YYYY.MM.DD`, `YYYY/MM/DD`, and numeric `D.M.YYYY` / `M/D/YY` (the
/// order from the language; an unambiguous day > 12 decides by itself).
pub(crate) fn find_written(
    text: &str,
    language: Option<&str>,
    within: usize,
) -> Option<PartialDate> {
    let mut window: [Option<(usize, Token<'_>, Option<char>)>; 5] = [None; 5];
    let mdy = month_first(language);
    // The tokens are read once; each position is tried as the start of a
    // date with the four tokens after it.
    let mut all = tokens(text).take(4096);
    for slot in window.iter_mut() {
        *slot = all.next();
    }
    loop {
        let (start, _, _) = window[0]?;
        if start > within {
            return None;
        }
        if let Some(date) = date_at(&window, mdy) {
            return Some(date);
        }
        window.rotate_left(1);
        window[4] = all.next();
    }
}

fn year_of(value: u32, digits: usize) -> Option<i32> {
    match digits {
        4 => i32::try_from(value).ok(),
        2 => Some(2000 + value as i32),
        _ => None,
    }
}

fn day_of(value: u32, digits: usize) -> Option<u8> {
    (digits <= 2 && (1..=31).contains(&value)).then_some(value as u8)
}

fn date_at(w: &[Option<(usize, Token<'_>, Option<char>)>; 5], mdy: bool) -> Option<PartialDate> {
    let tok = |i: usize| w.get(i).copied().flatten().map(|(_, t, _)| t);
    let sep = |i: usize| w.get(i).copied().flatten().and_then(|(_, _, s)| s);
    match (tok(0)?, tok(1), tok(2)) {
        // Month D, YYYY
        (Token::Word(m), Some(Token::Number(d, dl)), Some(Token::Number(y, 4))) => {
            checked(year_of(y, 4)?, month_named(m)?, Some(day_of(d, dl)?))
        }
        // D Month YYYY, D. Month YYYY
        (Token::Number(d, dl), Some(Token::Word(m)), Some(Token::Number(y, 4))) => {
            checked(year_of(y, 4)?, month_named(m)?, Some(day_of(d, dl)?))
        }
        // YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD
        (Token::Number(y, 4), Some(Token::Number(m, 1 | 2)), Some(Token::Number(d, dl)))
            if matches!(sep(0), Some('-' | '.' | '/')) && sep(1) == sep(0) =>
        {
            checked(year_of(y, 4)?, u8::try_from(m).ok()?, Some(day_of(d, dl)?))
        }
        // D.M.YYYY, M/D/YY...
        (
            Token::Number(a, 1 | 2),
            Some(Token::Number(b, 1 | 2)),
            Some(Token::Number(y, yl @ (2 | 4))),
        ) if matches!(sep(0), Some('.' | '/' | '-')) && sep(1) == sep(0) => {
            let year = year_of(y, yl)?;
            let (a, b) = (u8::try_from(a).ok()?, u8::try_from(b).ok()?);
            // A day above 12 decides; otherwise the language's order, which
            // only differs for slashes (dots and dashes are day first).
            let month_first = a <= 12 && (b > 12 || (mdy && sep(0) == Some('/')));
            let (month, day) = if month_first { (a, b) } else { (b, a) };
            checked(year, month, Some(day))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: &str, lang: Option<&str>) -> Option<String> {
        normalize(v, lang)
    }

    #[test]
    fn iso_values_are_kept_or_cut_to_their_date() {
        assert_eq!(
            n("2019-11-19T13:03:00.000Z", None).as_deref(),
            Some("2019-11-19T13:03:00.000Z")
        );
        assert_eq!(
            n("2019-11-19 02:24:00", None).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(n("2019-11-19", None).as_deref(), Some("2019-11-19"));
        assert_eq!(n("20191119", None).as_deref(), Some("2019-11-19"));
        assert_eq!(n("0001-01-01T00:00:00Z", None), None);
        assert_eq!(n("2019-13-01", None), None);
        assert_eq!(n("2019-11", None), None);
    }

    #[test]
    fn written_dates_become_iso() {
        let en = Some("en");
        assert_eq!(
            n("November 19, 2019, 07:47 PM EST", en).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            n("19 Nov 2019 07:09 GMT", en).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            n("Tue, Nov 19 2019 7:05 AM EST", en).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            n("Monday, November 18th, 2019", en).as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(n("18 NOV 2019", en).as_deref(), Some("2019-11-18"));
        assert_eq!(
            n("le 5 mars 2024", Some("fr")).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(n("sometime soon", en), None);
        assert_eq!(n("May 2019", en), None);
    }

    #[test]
    fn numeric_order_follows_the_language() {
        let at = |t: &str, l: Option<&str>| find_written(t, l, 100).map(|d| d.to_string());
        assert_eq!(at("11/10/2019", Some("en")).as_deref(), Some("2019-11-10"));
        assert_eq!(at("11/10/2019", Some("fr")).as_deref(), Some("2019-10-11"));
        assert_eq!(
            at("05/10/2018 - Publicado", Some("pt")).as_deref(),
            Some("2018-10-05")
        );
        assert_eq!(
            at("11/19/19 6:38 AM", Some("en")).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(at("21:17 18.11.2019", None).as_deref(), Some("2019-11-18"));
        assert_eq!(
            at("11.14.2019 09:00 AM", Some("en")).as_deref(),
            Some("2019-11-14")
        );
        assert_eq!(
            at("기사입력 :[ 2018-08-25 15:24 ]", Some("ko")).as_deref(),
            Some("2018-08-25")
        );
        assert_eq!(
            at("by X / 2016.12.01 text", Some("ja")).as_deref(),
            Some("2016-12-01")
        );
    }

    #[test]
    fn only_dates_near_the_start_count() {
        let text = "By A. Writer, staff. Gaming used to be simple; then came March 3, 2020";
        assert_eq!(find_written(text, Some("en"), 20), None);
        assert!(find_written(text, Some("en"), 100).is_some());
        // Scores, times and counts are not dates.
        assert_eq!(
            find_written("won 4-1 at 10:30, 112-107 overall", Some("en"), 100),
            None
        );
    }
}
