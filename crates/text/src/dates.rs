//! Dates: absolute ("10 janvier 2022", "Jan. 5", "2022-01-10", "en janvier 2022",
//! "in 2021"), weekdays ("lundi", "on Monday") and relative expressions
//! ("hier", "last week", "il y a trois jours"), resolved against the
//! publication date when there is one.
//!
//! Conventions:
//! - A weekday is the most recent such day on or before publication (the
//!   publication day itself when it is that weekday), per news usage.
//! - A day and month without a year take the year that puts them closest to
//!   publication, days after publication counting double (so "28 décembre"
//!   published 2022-01-10 is 2021-12-28, "15 janvier" is 2022-01-15).
//! - "last week" / "la semaine dernière" resolve to the day 7 days before
//!   publication (the model has no week precision); months and years resolve
//!   at month and year precision.
//! - Without a publication date, relative expressions have value `None`, and a
//!   day and month stay without a year (`--MM-DD`): the clock is never used.

use dateline_model::{DateMention, PartialDate, Span, Token, TokenKind};

use crate::lexicon::{
    flag, lexicon, CalendarName, DateUnit, Direction, Lexicon, Map, NumberWordKind, Relative,
};
use crate::numbers::read_count;
use crate::tokens::{char_at, tokenize_with, Keys};

/// Years a bare four-digit number is read as ("en 2022", "January 10, 2022").
const YEARS: std::ops::RangeInclusive<u32> = 1000..=2100;
/// Relative counts beyond this ("il y a 100 000 ans") are not calendar dates.
const MAX_AGO: f64 = 10_000.0;

struct Cursor<'a> {
    text: &'a str,
    tokens: &'a [Token],
    keys: &'a Keys,
    lex: &'a Lexicon,
}

impl Cursor<'_> {
    fn token(&self, j: usize) -> Option<&Token> {
        self.tokens.get(j)
    }

    fn str(&self, j: usize) -> &str {
        self.token(j)
            .and_then(|t| self.text.get(t.span.start..t.span.end))
            .unwrap_or("")
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        matches!((self.token(a), self.token(b)), (Some(x), Some(y)) if x.span.end == y.span.start)
    }

    /// A plain digit token of at most `max_len` digits.
    fn digits(&self, j: usize, max_len: usize) -> Option<(u32, usize)> {
        let t = self.token(j).filter(|t| t.kind == TokenKind::Number)?;
        let s = self.str(j);
        if s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((s.parse().ok()?, t.span.len()))
    }

    fn year(&self, j: usize) -> Option<i32> {
        match self.digits(j, 4)? {
            (y, 4) if YEARS.contains(&y) => i32::try_from(y).ok(),
            _ => None,
        }
    }

    /// A day of month, with an adjacent ordinal suffix ("1er", "5th"): (day, end).
    fn day(&self, j: usize) -> Option<(u8, usize)> {
        let (d, len) = self.digits(j, 2)?;
        if !(1..=31).contains(&d) || len == 0 {
            return None;
        }
        let suffix = self.adjacent(j, j + 1)
            && self.token(j + 1).is_some_and(|t| t.kind == TokenKind::Word)
            && self.str(j + 1).chars().count() <= 3
            && self.str(j + 1).chars().all(char::is_lowercase);
        Some((d as u8, if suffix { j + 2 } else { j + 1 }))
    }

    fn calendar(
        &self,
        j: usize,
        names: &Map<String, CalendarName>,
        capitalized: bool,
    ) -> Option<(u8, usize)> {
        if self.keys.flags(j) & (flag::MONTH | flag::WEEKDAY) == 0 {
            return None;
        }
        let t = self.token(j).filter(|t| t.kind == TokenKind::Word)?;
        let name = names.get(self.keys.get(j))?;
        if capitalized && !char_at(self.text, t.span.start).is_some_and(char::is_uppercase) {
            return None; // English "may" is not May
        }
        let has_period = self.str(j + 1) == "." && self.adjacent(j, j + 1);
        match (name.needs_period, has_period) {
            (true, true) => Some((name.number, j + 2)),
            (true, false) => None, // "sept" is seven, "sept." is September
            (false, _) => Some((name.number, j + 1)),
        }
    }

    fn month(&self, j: usize) -> Option<(u8, usize)> {
        self.calendar(j, &self.lex.months, self.lex.months_capitalized)
    }

    /// Past a link word ("14 de mayo de 2024") when what follows it is wanted.
    fn after_link(&self, j: usize) -> usize {
        if self.lex.date_links.contains(self.keys.get(j)) {
            j + 1
        } else {
            j
        }
    }

    /// A month at `j`, or after a link word ("de mayo").
    fn linked_month(&self, j: usize) -> Option<(u8, usize)> {
        self.month(j).or_else(|| {
            let k = self.after_link(j);
            (k != j).then(|| self.month(k)).flatten()
        })
    }

    /// A year at `j`, or after a link word ("de 2024"): (year, end).
    fn linked_year(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year(j) {
            return Some((y, j + 1));
        }
        let k = self.after_link(j);
        (k != j).then(|| self.year(k).map(|y| (y, k + 1))).flatten()
    }

    fn weekday(&self, j: usize) -> Option<(u8, usize)> {
        self.calendar(j, &self.lex.weekdays, self.lex.weekdays_capitalized)
    }

    fn span(&self, first: usize, end: usize) -> Option<Span> {
        let a = self.token(first)?;
        let b = self.token(end.checked_sub(1)?)?;
        Some(Span::new(a.span.start, b.span.end))
    }

    /// "prochain" / "dernier" at `j`: the direction it gives and where the date ends.
    fn direction_after(&self, j: usize) -> (Direction, usize) {
        match self.lex.modifiers_after.get(self.keys.get(j)) {
            Some(&dir) => (dir, j + 1),
            None => (Direction::Nearest, j),
        }
    }

    fn is_preposition(&self, j: Option<usize>) -> bool {
        j.is_some_and(|j| self.lex.date_prepositions.contains(self.keys.get(j)))
    }
}

/// What a date expression at some token says, before resolution.
enum Found {
    Complete(PartialDate),
    DayMonth(u8, u8, Direction),
    Month(u8),
    Weekday(u8, Direction),
    Offset(DateUnit, i64),
}

/// Dates in `text`, in order, never overlapping.
pub(crate) fn find_dates(
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    lex: &Lexicon,
    published: Option<PartialDate>,
) -> Vec<DateMention> {
    let cur = Cursor {
        text,
        tokens,
        keys,
        lex,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if keys.flags(i) & flag::DATE_START == 0 {
            i += 1;
            continue;
        }
        match date_at(&cur, i) {
            Some((end, found)) if end > i => {
                if let Some(span) = cur.span(i, end) {
                    let relative = matches!(found, Found::Weekday(..) | Found::Offset(..));
                    let value = resolve(&found, published);
                    // An impossible date ("31 février") is not a date at all.
                    if value.is_some() || relative {
                        out.push(DateMention {
                            span,
                            value,
                            relative,
                        });
                    }
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The date expression starting at token `i`: where it ends and what it says.
fn date_at(cur: &Cursor, i: usize) -> Option<(usize, Found)> {
    let sym = |j: usize, s: &str| {
        cur.str(j) == s && cur.adjacent(j.saturating_sub(1), j) && cur.adjacent(j, j + 1)
    };
    // next Monday, last Friday
    if let Some(&dir) = cur.lex.modifiers_before.get(cur.keys.get(i)) {
        if let Some((w, end)) = cur.weekday(i + 1) {
            return Some((end, Found::Weekday(w, dir)));
        }
    }
    // 2022-01-10
    if let Some(y) = cur.year(i) {
        if sym(i + 1, "-") && sym(i + 3, "-") {
            if let (Some((m, _)), Some((d, _))) = (cur.digits(i + 2, 2), cur.digits(i + 4, 2)) {
                let date = PartialDate::ymd(y, m as u8, d as u8);
                return date.is_valid().then_some((i + 5, Found::Complete(date)));
            }
        }
    }
    // 10/01/2022 (day first unless the language writes month first)
    if let (Some((a, _)), true, Some((b, _)), true, Some(y)) = (
        cur.digits(i, 2),
        sym(i + 1, "/"),
        cur.digits(i + 2, 2),
        sym(i + 3, "/"),
        cur.year(i + 4),
    ) {
        let (a, b) = (a as u8, b as u8);
        let (first, second) = if cur.lex.month_first {
            (PartialDate::ymd(y, a, b), PartialDate::ymd(y, b, a))
        } else {
            (PartialDate::ymd(y, b, a), PartialDate::ymd(y, a, b))
        };
        let date = if first.is_valid() { first } else { second };
        return date.is_valid().then_some((i + 5, Found::Complete(date)));
    }
    // [weekday [,]] day month [year] | [weekday [,]] month day [[,] year]
    let (after_weekday, weekday) = match cur.weekday(i) {
        Some((w, end)) => (if cur.str(end) == "," { end + 1 } else { end }, Some(w)),
        None => (i, None),
    };
    if let Some((d, day_end)) = cur.day(after_weekday) {
        if let Some((m, month_end)) = cur.linked_month(day_end) {
            return Some(match cur.linked_year(month_end) {
                Some((y, end)) => (end, Found::Complete(PartialDate::ymd(y, m, d))),
                None => {
                    let (dir, end) = cur.direction_after(month_end);
                    (end, Found::DayMonth(m, d, dir))
                }
            });
        }
        // "du 10 au 12 janvier", "5-7 March": the first day takes the second's month and year.
        if cur.lex.range_words.contains(cur.keys.get(day_end)) {
            if let Some((_, second_end)) = cur.day(day_end + 1) {
                if let Some((m, month_end)) = cur.month(second_end) {
                    return Some(match cur.year(month_end) {
                        Some(y) => (day_end, Found::Complete(PartialDate::ymd(y, m, d))),
                        None => (day_end, Found::DayMonth(m, d, Direction::Nearest)),
                    });
                }
            }
        }
    }
    if let Some((m, month_end)) = cur.month(after_weekday) {
        if let Some((d, day_end)) = cur.day(month_end).filter(|&(_, e)| cur.month(e).is_none()) {
            let year_at = if cur.str(day_end) == "," {
                day_end + 1
            } else {
                day_end
            };
            return Some(match cur.year(year_at) {
                Some(y) => (year_at + 1, Found::Complete(PartialDate::ymd(y, m, d))),
                None => {
                    let (dir, end) = cur.direction_after(day_end);
                    (end, Found::DayMonth(m, d, dir))
                }
            });
        }
        if let Some((y, end)) = cur.linked_year(month_end) {
            return Some((
                end,
                Found::Complete(PartialDate {
                    year: Some(y),
                    month: Some(m),
                    day: None,
                }),
            ));
        }
        if weekday.is_none() && cur.is_preposition(i.checked_sub(1)) {
            return Some((month_end, Found::Month(m)));
        }
    }
    if let Some(w) = weekday {
        let (_, end) = cur.weekday(i)?;
        let (dir, end) = cur.direction_after(end);
        return Some((end, Found::Weekday(w, dir)));
    }
    // en 2022, in 2021
    if let Some(y) = cur.year(i).filter(|_| cur.is_preposition(i.checked_sub(1))) {
        // "en 2022 millions" is a count, not a year.
        let next_is_unit = cur
            .lex
            .number_words
            .get(cur.keys.get(i + 1))
            .is_some_and(|w| w.kind == NumberWordKind::Scale);
        if !next_is_unit {
            return Some((
                i + 1,
                Found::Complete(PartialDate {
                    year: Some(y),
                    month: None,
                    day: None,
                }),
            ));
        }
    }
    // hier, last week, il y a trois jours
    let relative =
        (cur.keys.flags(i) & flag::RELATIVE != 0).then(|| cur.lex.relative.longest(cur.keys, i));
    if let Some((len, relative)) = relative.flatten() {
        match *relative {
            Relative::Offset(unit, n) => return Some((i + len, Found::Offset(unit, i64::from(n)))),
            Relative::AgoBefore => {
                let count = read_count(cur.text, cur.tokens, cur.keys, cur.lex, i + len)?;
                let unit = cur.lex.date_units.get(cur.keys.get(count.end))?;
                if count.value <= MAX_AGO && count.value.fract() == 0.0 {
                    return Some((count.end + 1, Found::Offset(*unit, -(count.value as i64))));
                }
                return None;
            }
            Relative::AgoAfter => {}
        }
    }
    // three days ago
    let unit_follows = (1..=4).any(|k| cur.keys.flags(i + k) & flag::UNIT != 0);
    if unit_follows {
        if let Some(count) = read_count(cur.text, cur.tokens, cur.keys, cur.lex, i) {
            if let Some(unit) = cur.lex.date_units.get(cur.keys.get(count.end)) {
                let ago = cur.lex.relative.longest(cur.keys, count.end + 1);
                if let Some((len, Relative::AgoAfter)) = ago {
                    if count.value <= MAX_AGO && count.value.fract() == 0.0 {
                        return Some((
                            count.end + 1 + len,
                            Found::Offset(*unit, -(count.value as i64)),
                        ));
                    }
                }
            }
        }
    }
    None
}

fn resolve(found: &Found, published: Option<PartialDate>) -> Option<PartialDate> {
    match *found {
        Found::Complete(date) => date.is_valid().then_some(date),
        Found::DayMonth(m, d, dir) => resolve_day_month(m, d, published, dir),
        Found::Month(m) => Some(resolve_month(m, published)),
        Found::Weekday(w, dir) => {
            let p = published.filter(PartialDate::is_complete)?;
            let back = (i64::from(p.weekday()?) - i64::from(w)).rem_euclid(7);
            match dir {
                Direction::Nearest => p.add_days(-back),
                Direction::Last => p.add_days(if back == 0 { -7 } else { -back }),
                Direction::Next => p.add_days(if back == 0 { 7 } else { 7 - back }),
            }
        }
        Found::Offset(unit, n) => shift(published?, unit, n),
    }
}

/// A date `n` units away from `p`, at the unit's precision.
fn shift(p: PartialDate, unit: DateUnit, n: i64) -> Option<PartialDate> {
    match unit {
        DateUnit::Day => p.add_days(n),
        DateUnit::Week => p.add_days(n.checked_mul(7)?),
        DateUnit::Month => {
            let index = i64::from(p.year?) * 12 + i64::from(p.month?) - 1 + n;
            let year = i32::try_from(index.div_euclid(12)).ok()?;
            Some(PartialDate {
                year: Some(year),
                month: Some((index.rem_euclid(12) + 1) as u8),
                day: None,
            })
        }
        DateUnit::Year => Some(PartialDate {
            year: Some(p.year?.checked_add(i32::try_from(n).ok()?)?),
            month: None,
            day: None,
        }),
    }
}

/// Distance from publication, with dates after it counting double.
fn weighted(diff: i64) -> i64 {
    if diff > 0 {
        diff * 2
    } else {
        -diff
    }
}

fn resolve_day_month(
    m: u8,
    d: u8,
    published: Option<PartialDate>,
    dir: Direction,
) -> Option<PartialDate> {
    let undated = PartialDate::md(m, d);
    if !undated.is_valid() {
        return None;
    }
    let Some(p) = published else {
        return Some(undated);
    };
    let Some(py) = p.year else {
        return Some(undated);
    };
    let candidates =
        [py.saturating_sub(1), py, py.saturating_add(1)].map(|y| PartialDate::ymd(y, m, d));
    if let Some(p_days) = p.to_days().filter(|_| dir != Direction::Nearest) {
        let valid = candidates
            .iter()
            .filter(|c| c.is_valid())
            .filter_map(|c| Some((c.to_days()?, *c)));
        let chosen = match dir {
            Direction::Next => valid
                .filter(|(days, _)| *days > p_days)
                .min_by_key(|(days, _)| *days),
            _ => valid
                .filter(|(days, _)| *days < p_days)
                .max_by_key(|(days, _)| *days),
        };
        return chosen.map(|(_, c)| c);
    }
    let best = candidates.iter().filter(|c| c.is_valid()).min_by_key(|c| {
        match (c.to_days(), p.to_days()) {
            (Some(c), Some(p)) => weighted(c - p),
            // Publication known to the month or year only: compare months.
            _ => weighted(month_index(c) - month_index(&p)) * 31,
        }
    });
    Some(best.copied().unwrap_or(undated))
}

fn month_index(d: &PartialDate) -> i64 {
    i64::from(d.year.unwrap_or(0)) * 12 + i64::from(d.month.unwrap_or(6))
}

fn resolve_month(m: u8, published: Option<PartialDate>) -> PartialDate {
    let undated = PartialDate {
        year: None,
        month: Some(m),
        day: None,
    };
    let Some(py) = published.and_then(|p| p.year) else {
        return undated;
    };
    let p = published.unwrap_or_default();
    let best = [py.saturating_sub(1), py, py.saturating_add(1)]
        .map(|y| PartialDate {
            year: Some(y),
            month: Some(m),
            day: None,
        })
        .into_iter()
        .min_by_key(|c| weighted(month_index(c) - month_index(&p)));
    best.unwrap_or(undated)
}

/// Date mentions of a text on its own.
///
/// ```
/// use dateline_model::PartialDate;
/// let text = "Moscou, 10 janvier (RHC) Lundi, hier";
/// let tokens = dateline_text::tokenize(text, "fr");
/// let found = dateline_text::dates(text, &tokens, "fr", PartialDate::parse_iso("2022-01-12"));
/// let values: Vec<String> = found.iter().map(|d| d.value.unwrap().to_string()).collect();
/// assert_eq!(values, ["2022-01-10", "2022-01-10", "2022-01-11"]);
/// ```
pub fn dates(
    text: &str,
    tokens: &[Token],
    lang: &str,
    published: Option<PartialDate>,
) -> Vec<DateMention> {
    let lex = lexicon(lang);
    let keys = Keys::new(text, tokens, lex);
    find_dates(text, tokens, &keys, lex, published)
}

/// Parses one date expression ("10 janvier", "Jan. 5", "lundi", "yesterday");
/// a bare month name is read as that month.
///
/// ```
/// use dateline_model::PartialDate;
/// assert_eq!(dateline_text::parse_date("Jan. 5", "en", None), Some(PartialDate::md(1, 5)));
/// assert_eq!(dateline_text::parse_date("hier", "fr", PartialDate::parse_iso("2022-01-10")), PartialDate::parse_iso("2022-01-09"));
/// ```
pub fn parse_date(expr: &str, lang: &str, published: Option<PartialDate>) -> Option<PartialDate> {
    let lex = lexicon(lang);
    let tokens = tokenize_with(expr, &lex.rules);
    let keys = Keys::new(expr, &tokens, lex);
    if let Some(found) = find_dates(expr, &tokens, &keys, lex, published).first() {
        return found.value;
    }
    let cur = Cursor {
        text: expr,
        tokens: &tokens,
        keys: &keys,
        lex,
    };
    let (m, _) = cur.month(0)?;
    Some(resolve_month(m, published))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn iso(s: &str) -> Option<PartialDate> {
        PartialDate::parse_iso(s)
    }

    /// (text, value, relative) of every mention.
    fn read(text: &str, lang: &str, published: Option<&str>) -> Vec<(String, String, bool)> {
        let tokens = tokenize(text, lang);
        dates(text, &tokens, lang, published.and_then(iso))
            .iter()
            .map(|d| {
                (
                    text[d.span.start..d.span.end].to_string(),
                    d.value.map_or("null".into(), |v| v.to_string()),
                    d.relative,
                )
            })
            .collect()
    }

    fn abs(s: &str, v: &str) -> (String, String, bool) {
        (s.into(), v.into(), false)
    }

    fn rel(s: &str, v: &str) -> (String, String, bool) {
        (s.into(), v.into(), true)
    }

    #[test]
    fn french_absolute_dates() {
        let text = "Le 10 janvier 2022, puis le 1er mars, le 28 décembre, en janvier 2022, en 2021 et le 10/01/2022 ou 2022-01-10.";
        assert_eq!(
            read(text, "fr", None),
            [
                abs("10 janvier 2022", "2022-01-10"),
                abs("1er mars", "--03-01"),
                abs("28 décembre", "--12-28"),
                abs("janvier 2022", "2022-01"),
                abs("2021", "2021"),
                abs("10/01/2022", "2022-01-10"),
                abs("2022-01-10", "2022-01-10"),
            ]
        );
        assert_eq!(
            read("le 12 sept. et sept soldats", "fr", None),
            [abs("12 sept.", "--09-12")]
        );
    }

    #[test]
    fn english_absolute_dates() {
        let text = "On January 10, 2022, and Jan. 5 and 5 March 2021, in May 2020, in 2021, on 01/10/2022, Monday, Jan. 10.";
        assert_eq!(
            read(text, "en", None),
            [
                abs("January 10, 2022", "2022-01-10"),
                abs("Jan. 5", "--01-05"),
                abs("5 March 2021", "2021-03-05"),
                abs("May 2020", "2020-05"),
                abs("2021", "2021"),
                abs("01/10/2022", "2022-01-10"),
                abs("Monday, Jan. 10", "--01-10"),
            ]
        );
        // A modal verb is not a month; "sept" needs its period.
        assert!(read("It may rain in may.", "en", None).is_empty());
    }

    #[test]
    fn day_month_takes_the_year_closest_to_publication() {
        let p = Some("2022-01-10");
        assert_eq!(
            read("le 28 décembre", "fr", p),
            [abs("28 décembre", "2021-12-28")]
        );
        assert_eq!(
            read("le 10 janvier", "fr", p),
            [abs("10 janvier", "2022-01-10")]
        );
        assert_eq!(
            read("le 15 janvier", "fr", p),
            [abs("15 janvier", "2022-01-15")]
        );
        assert_eq!(
            read("le 10 juillet", "fr", p),
            [abs("10 juillet", "2021-07-10")]
        );
        assert_eq!(
            read("en décembre, en mars", "fr", p),
            [abs("décembre", "2021-12"), abs("mars", "2022-03")]
        );
        assert_eq!(read("le 31 février", "fr", p), []);
        assert_eq!(
            read("du 10 au 12 janvier 2022", "fr", None),
            [
                abs("10", "2022-01-10"),
                abs("12 janvier 2022", "2022-01-12")
            ]
        );
        assert_eq!(
            read("les 5-7 mars", "fr", None),
            [abs("5", "--03-05"), abs("7 mars", "--03-07")]
        );
        assert_eq!(
            read("on 5 and 6 March", "en", None),
            [abs("5", "--03-05"), abs("6 March", "--03-06")]
        );
        // Extreme publication years saturate instead of overflowing.
        let far = PartialDate::ymd(i32::MAX, 1, 10);
        assert_eq!(
            resolve_day_month(1, 10, Some(far), Direction::Nearest),
            Some(far)
        );
        assert_eq!(
            read("le 12 juillet prochain", "fr", p),
            [abs("12 juillet prochain", "2022-07-12")]
        );
        assert_eq!(
            read("le 12 janvier dernier", "fr", p),
            [abs("12 janvier dernier", "2021-01-12")]
        );
    }

    #[test]
    fn weekdays_resolve_on_or_before_publication() {
        // 2022-01-10 is a Monday.
        let p = Some("2022-01-10");
        assert_eq!(read("lundi", "fr", p), [rel("lundi", "2022-01-10")]);
        assert_eq!(
            read("vendredi soir", "fr", p),
            [rel("vendredi", "2022-01-07")]
        );
        assert_eq!(read("on Tuesday", "en", p), [rel("Tuesday", "2022-01-04")]);
        assert_eq!(read("on Sunday", "en", None), [rel("Sunday", "null")]);
        assert_eq!(
            read("lundi prochain, lundi dernier", "fr", p),
            [
                rel("lundi prochain", "2022-01-17"),
                rel("lundi dernier", "2022-01-03")
            ]
        );
        assert_eq!(
            read("next Friday, last Friday", "en", p),
            [
                rel("next Friday", "2022-01-14"),
                rel("last Friday", "2022-01-07")
            ]
        );
        assert_eq!(
            read("lundi 10 janvier", "fr", None),
            [abs("lundi 10 janvier", "--01-10")]
        );
    }

    #[test]
    fn relative_dates() {
        let p = Some("2022-01-10");
        assert_eq!(
            read("hier, aujourd'hui, avant-hier et demain", "fr", p),
            [
                rel("hier", "2022-01-09"),
                rel("aujourd'hui", "2022-01-10"),
                rel("avant-hier", "2022-01-08"),
                rel("demain", "2022-01-11"),
            ]
        );
        assert_eq!(
            read("yesterday, today, tomorrow", "en", p),
            [
                rel("yesterday", "2022-01-09"),
                rel("today", "2022-01-10"),
                rel("tomorrow", "2022-01-11")
            ]
        );
        assert_eq!(
            read("la semaine dernière, last week", "fr", p),
            [rel("la semaine dernière", "2022-01-03")]
        );
        assert_eq!(read("last week", "en", p), [rel("last week", "2022-01-03")]);
        assert_eq!(
            read("le mois dernier, l'an dernier", "fr", p),
            [
                rel("le mois dernier", "2021-12"),
                rel("l'an dernier", "2021")
            ]
        );
        assert_eq!(
            read("last month and last year", "en", p),
            [rel("last month", "2021-12"), rel("last year", "2021")]
        );
        assert_eq!(
            read("il y a trois jours, il y a un mois", "fr", p),
            [
                rel("il y a trois jours", "2022-01-07"),
                rel("il y a un mois", "2021-12")
            ]
        );
        assert_eq!(
            read("three days ago and 2 weeks ago", "en", p),
            [
                rel("three days ago", "2022-01-07"),
                rel("2 weeks ago", "2021-12-27")
            ]
        );
        assert_eq!(read("hier", "fr", None), [rel("hier", "null")]);
        // "il y a" meaning "there are" is not a date.
        assert!(read("il y a 26 morts", "fr", p).is_empty());
    }

    #[test]
    fn parse_date_for_datelines() {
        assert_eq!(
            parse_date("10 janvier", "fr", None),
            Some(PartialDate::md(1, 10))
        );
        assert_eq!(
            parse_date("10 janvier", "fr", iso("2022-01-10")),
            iso("2022-01-10")
        );
        assert_eq!(
            parse_date("Jan. 5", "en", iso("2022-01-10")),
            iso("2022-01-05")
        );
        assert_eq!(
            parse_date("Monday", "en", iso("2022-01-12")),
            iso("2022-01-10")
        );
        assert_eq!(
            parse_date("janvier", "fr", None),
            Some(PartialDate {
                year: None,
                month: Some(1),
                day: None
            })
        );
        assert_eq!(parse_date("n'importe quoi", "fr", None), None);
        assert_eq!(parse_date("", "xx", None), None);
    }
}
