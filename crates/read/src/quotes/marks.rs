//! Pairs quotation marks: « », “ ”, „ “, ‹ ›, ‘ ’ and straight quotes, nested
//! or not, including quotations continued over paragraphs, plus lines opened
//! by a dialogue dash. One pass over the text, with a small bounded stack.

use dateline_model::Span;

/// One top-level quotation found by its marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marked {
    /// From the opening mark to the end of the closing one.
    pub outer: Span,
    /// The quoted words, trimmed of surrounding spaces.
    pub inner: Span,
    /// Opened by a dialogue dash at the start of a line.
    pub dialogue: bool,
    /// Its closing mark is missing: it stops at the end of its paragraph.
    pub unclosed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Guillemet,
    Curly,
    Low,
    Single,
    Angle,
    Straight,
    StraightSingle,
}

impl Family {
    /// Whether a quotation left open at the end of its paragraph is still taken
    /// as one: not for straight or single marks, which apostrophes and typos
    /// ("isn ‘t") open by mistake.
    fn survives_a_lost_closing_mark(self) -> bool {
        matches!(self, Family::Guillemet | Family::Curly | Family::Low)
    }

    /// The mark that reopens a quotation continued in the next paragraph.
    fn continuation_mark(self) -> Option<char> {
        match self {
            Family::Guillemet => Some('«'),
            Family::Curly => Some('“'),
            Family::Low => Some('„'),
            Family::Straight => Some('"'),
            Family::Single | Family::Angle | Family::StraightSingle => None,
        }
    }
}

/// Nesting deeper than this is treated as text: real quotes nest two or three deep.
const MAX_DEPTH: usize = 8;
/// A quotation continued over more paragraphs than this is taken as a lost mark.
const MAX_CONTINUED_PARAGRAPHS: usize = 30;

struct Pairing<'t> {
    text: &'t str,
    stack: Vec<Family>,
    open_at: usize,
    continued: usize,
    out: Vec<Marked>,
}

impl Pairing<'_> {
    fn open(&mut self, family: Family, at: usize) {
        if self.stack.is_empty() {
            self.open_at = at;
            self.continued = 0;
        }
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(family);
        }
    }

    /// Closes the innermost open `family`; whether a closing mark matched.
    fn close(&mut self, family: Family, mark_start: usize, mark_end: usize) -> bool {
        let Some(depth) = self.stack.iter().rposition(|f| *f == family) else {
            return false;
        };
        self.stack.truncate(depth);
        if self.stack.is_empty() {
            let outer = Span::new(self.open_at, mark_end);
            let open_len = self
                .text
                .get(self.open_at..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            let inner = trim(self.text, Span::new(self.open_at + open_len, mark_start));
            if !inner.is_empty() {
                self.out.push(Marked {
                    outer,
                    inner,
                    dialogue: false,
                    unclosed: false,
                });
            }
        }
        true
    }

    fn top(&self) -> Option<Family> {
        self.stack.last().copied()
    }
}

/// Shrinks a span to exclude surrounding whitespace (spaces inside « » included).
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let Some(slice) = text.get(span.start..span.end) else {
        return Span::new(span.start, span.start);
    };
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    Span::new(start, end.max(start))
}

fn opening_context(prev: Option<char>) -> bool {
    prev.map_or(true, |p| {
        p.is_whitespace()
            || matches!(
                p,
                '(' | '[' | '—' | '–' | '-' | '«' | '“' | '‘' | '„' | '‹' | ':'
            )
    })
}

/// All top-level quotations of `text`, in order. `dialogue_dash`: whether a
/// line opened by "— " or "– " is a quotation candidate (French convention).
pub(crate) fn find(text: &str, dialogue_dash: bool) -> Vec<Marked> {
    let mut p = Pairing {
        text,
        stack: Vec::new(),
        open_at: 0,
        continued: 0,
        out: Vec::new(),
    };
    let mut prev: Option<char> = None;
    let mut line_start = true;
    // A continuation mark already accounted for, to skip when the scan reaches it.
    let mut skip_at: Option<usize> = None;
    // Where a dialogue line ends: marks inside it belong to it.
    let mut dialogue_until: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let end = i + c.len_utf8();
        if dialogue_until.is_some_and(|until| i < until) {
            prev = Some(c);
            continue;
        }
        if c == '\n' {
            line_start = true;
            if let Some(family) = p.stack.first().copied() {
                let rest = text.get(end..).unwrap_or("");
                let lead = rest.len() - rest.trim_start().len();
                let reopened = rest
                    .trim_start()
                    .starts_with(|n| Some(n) == family.continuation_mark());
                if reopened && p.continued < MAX_CONTINUED_PARAGRAPHS {
                    p.continued += 1;
                    p.stack.truncate(1);
                    skip_at = Some(end + lead);
                } else {
                    if family.survives_a_lost_closing_mark() {
                        let open_len = text
                            .get(p.open_at..)
                            .and_then(|t| t.chars().next())
                            .map_or(1, char::len_utf8);
                        let inner = trim(text, Span::new((p.open_at + open_len).min(i), i));
                        if !inner.is_empty() {
                            p.out.push(Marked {
                                outer: Span::new(p.open_at, i),
                                inner,
                                dialogue: false,
                                unclosed: true,
                            });
                        }
                    }
                    p.stack.clear();
                }
            }
            prev = Some(c);
            continue;
        }
        if c.is_whitespace() {
            prev = Some(c);
            continue;
        }
        let at_line_start = std::mem::replace(&mut line_start, false);
        if skip_at == Some(i) {
            skip_at = None;
            prev = Some(c);
            continue;
        }
        if at_line_start
            && dialogue_dash
            && p.stack.is_empty()
            && matches!(c, '—' | '–')
            && next.is_some_and(char::is_whitespace)
        {
            let line_end = text
                .get(end..)
                .and_then(|t| t.find('\n'))
                .map_or(text.len(), |n| end + n);
            let inner = trim(text, Span::new(end, line_end));
            if !inner.is_empty() {
                p.out.push(Marked {
                    outer: Span::new(i, line_end),
                    inner,
                    dialogue: true,
                    unclosed: false,
                });
            }
            dialogue_until = Some(line_end);
            prev = Some(c);
            continue;
        }
        match c {
            '«' => p.open(Family::Guillemet, i),
            '»' => {
                p.close(Family::Guillemet, i, end);
            }
            '„' => p.open(Family::Low, i),
            '“' => {
                if p.top() == Some(Family::Low) {
                    p.close(Family::Low, i, end);
                } else {
                    p.open(Family::Curly, i);
                }
            }
            '”' if !p.close(Family::Curly, i, end) => {
                p.close(Family::Low, i, end);
            }
            '‹' => p.open(Family::Angle, i),
            '›' => {
                p.close(Family::Angle, i, end);
            }
            '‘' if opening_context(prev) => p.open(Family::Single, i),
            // ’ closes only where it is not an apostrophe inside a word ("l’État").
            '’' if p.top() == Some(Family::Single) && !next.is_some_and(char::is_alphanumeric) => {
                p.close(Family::Single, i, end);
            }
            // A straight apostrophe opens only before a letter after a space, and
            // closes only an open one where no letter follows ("rebels' camp" stays text).
            '\'' if p.top() == Some(Family::StraightSingle)
                && !next.is_some_and(char::is_alphanumeric) =>
            {
                p.close(Family::StraightSingle, i, end);
            }
            '\'' if opening_context(prev) && next.is_some_and(char::is_alphanumeric) => {
                p.open(Family::StraightSingle, i);
            }
            '"' => {
                let closes = !opening_context(prev)
                    || p.top() == Some(Family::Straight)
                        && next.map_or(true, |n| !n.is_alphanumeric());
                if closes {
                    p.close(Family::Straight, i, end);
                } else {
                    p.open(Family::Straight, i);
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some(family) = p.stack.first().copied() {
        if family.survives_a_lost_closing_mark() {
            let open_len = text
                .get(p.open_at..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            let inner = trim(text, Span::new(p.open_at + open_len, text.len()));
            if !inner.is_empty() {
                p.out.push(Marked {
                    outer: Span::new(p.open_at, text.len()),
                    inner,
                    dialogue: false,
                    unclosed: true,
                });
            }
        }
    }
    p.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find(text, true)
            .iter()
            .map(|m| &text[m.inner.start..m.inner.end])
            .collect()
    }

    #[test]
    fn every_convention_pairs() {
        assert_eq!(inner("Il a dit « oui » puis «non»."), ["oui", "non"]);
        assert_eq!(
            inner("He said “yes” and \"no\" and ‘maybe’."),
            ["yes", "no", "maybe"]
        );
        assert_eq!(inner("Er sagte „ja“ und ‹nein›."), ["ja", "nein"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        assert_eq!(
            inner("« Kazakhstan : une «tentative» ici », souligne-t-il"),
            ["Kazakhstan : une «tentative» ici"]
        );
        assert_eq!(
            inner("“He called it ‘a farce’,” she said."),
            ["He called it ‘a farce’,"]
        );
    }

    #[test]
    fn apostrophes_are_not_closing_marks() {
        assert_eq!(inner("‘L’État tient’, dit-il."), ["L’État tient"]);
    }

    #[test]
    fn quotes_continue_over_paragraphs() {
        let text = "«Premier paragraphe.\n\n«Second paragraphe.» a-t-il dit.";
        assert_eq!(inner(text), ["Premier paragraphe.\n\n«Second paragraphe."]);
    }

    #[test]
    fn an_unclosed_quote_stops_at_its_paragraph() {
        let found = find("«Sans fin.\nAutre ligne.", true);
        assert_eq!(found.len(), 1);
        assert!(found[0].unclosed);
        assert_eq!(found[0].inner, Span::new(2, 11));
    }

    #[test]
    fn dialogue_dash_lines() {
        assert_eq!(
            inner("— Nous partirons, a-t-il dit.\nTexte."),
            ["Nous partirons, a-t-il dit."]
        );
        assert!(find("— Nous partirons.", false).is_empty());
    }
}
