//! Sentence and paragraph boundaries.

use dateline_model::{Span, Token, TokenKind};

use crate::fold::fold_str;
use crate::lexicon::{lexicon, AbbreviationKind, Lexicon};
use crate::tokens::char_at;

/// Lines at most this many chars long that end without punctuation are
/// headings or list items when the next line starts like a sentence; longer
/// ones are taken as hard-wrapped prose.
const SHORT_LINE_CHARS: usize = 50;

/// Paragraphs: runs of non-blank lines, trimmed of surrounding whitespace.
///
/// ```
/// use dateline_model::Span;
/// assert_eq!(dateline_text::paragraphs(" Titre\n\n Un.\nDeux.\n"), [Span::new(1, 6), Span::new(9, 18)]);
/// ```
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            out.extend(current.take());
        } else {
            let lead = line.len() - line.trim_start().len();
            let span = Span::new(at + lead, at + lead + content.len());
            current = Some(current.map_or(span, |c| c.cover(span)));
        }
        at += line.len();
    }
    out.extend(current);
    out
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

fn is_terminal(s: &str) -> bool {
    matches!(
        s,
        "." | "!"
            | "?"
            | "…"
            | "..."
            | "‼"
            | "⁇"
            | "⁈"
            | "⁉"
            | "。"
            | "！"
            | "？"
            | "؟"
            | "।"
            | "۔"
    )
}

fn is_closer(s: &str) -> bool {
    matches!(s, "»" | "”" | "’" | "\"" | "'" | ")" | "]" | "›")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "«" | "“" | "„" | "‘" | "\"" | "(" | "[" | "‹")
}

/// Quotation depth, so that terminal punctuation inside a quotation does not
/// end the sentence that carries it and its attribution.
#[derive(Default)]
struct Quoting {
    guillemets: u32,
    curly: u32,
    straight_open: bool,
}

impl Quoting {
    fn update(&mut self, mark: &str, text: &str, span: Span) {
        match mark {
            "«" => self.guillemets = (self.guillemets + 1).min(8),
            "»" => self.guillemets = self.guillemets.saturating_sub(1),
            "“" | "„" => self.curly = (self.curly + 1).min(8),
            "”" => self.curly = self.curly.saturating_sub(1),
            "\"" => {
                // A straight quote after a space or an opener opens; otherwise it closes.
                let before = crate::tokens::char_before(text, span.start);
                self.straight_open =
                    !before.is_some_and(|c| !c.is_whitespace() && !"([{«“-—–".contains(c));
            }
            _ => {}
        }
    }
    fn inside(&self) -> bool {
        self.guillemets > 0 || self.curly > 0 || self.straight_open
    }
}

fn starts_sentence(text: &str, token: &Token) -> bool {
    let first = char_at(text, token.span.start);
    match token.kind {
        TokenKind::Word | TokenKind::Elision => {
            first.is_some_and(|c| c.is_uppercase() || !c.is_lowercase())
        }
        TokenKind::Number => true,
        TokenKind::Punct => {
            let s = slice(text, token.span);
            is_opener(s) || matches!(s, "-" | "–" | "—" | "•" | "¿" | "¡")
        }
        TokenKind::Symbol => true,
    }
}

/// The abbreviation (with its period) that ends at the period starting at `dot`:
/// the whitespace-delimited chunk before it, without leading openers.
fn abbreviation_before(text: &str, dot: usize, lex: &Lexicon) -> Option<AbbreviationKind> {
    if lex.abbreviations.is_empty() {
        return None;
    }
    let head = text.get(..dot + 1)?;
    let chunk_start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let chunk = head
        .get(chunk_start..)?
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    if chunk.len() > 24 {
        return None;
    }
    lex.abbreviations.get(fold_str(chunk).as_str()).copied()
}

/// How a line break between two tokens affects sentences.
fn break_at_newlines(text: &str, prev: &Token, next: &Token, newlines: usize) -> bool {
    if newlines == 0 {
        return false;
    }
    if newlines >= 2 {
        return true; // a blank line: a paragraph break
    }
    let last = slice(text, prev.span);
    if is_terminal(last) || is_closer(last) || last == ":" {
        return true;
    }
    if matches!(last, "," | ";" | "-") || !starts_sentence(text, next) {
        return false;
    }
    let line_start = text
        .get(..prev.span.end)
        .and_then(|h| h.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line = text.get(line_start..prev.span.end).unwrap_or("");
    line.chars().count() <= SHORT_LINE_CHARS
}

/// Sentence spans over the tokens of `text`. Terminal punctuation ends a
/// sentence unless it closes an abbreviation or an initial, sits inside a
/// quotation or brackets, or is followed by a lowercase word; a blank line,
/// and a line break after a heading-like line, always end one.
///
/// ```
/// let text = "«A. B.», a dit M. Dupont. Il part.";
/// let tokens = dateline_text::tokenize(text, "fr");
/// let spans = dateline_text::sentences(text, &tokens, "fr");
/// let found: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(found, ["«A. B.», a dit M. Dupont.", "Il part."]);
/// ```
pub fn sentences(text: &str, tokens: &[Token], lang: &str) -> Vec<Span> {
    let lex = lexicon(lang);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut quoting = Quoting::default();
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        if let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)) {
            let newlines = match text.get(prev.span.end..token.span.start) {
                Some(gap) if gap.len() > 1 || gap == "\n" => {
                    gap.bytes().filter(|&b| b == b'\n').count()
                }
                _ => 0,
            };
            if newlines >= 2 {
                // An unbalanced quotation ends with its paragraph.
                quoting = Quoting::default();
            }
            if let Some(s) = start.filter(|_| break_at_newlines(text, prev, token, newlines)) {
                push_sentence(&mut out, tokens, s, i - 1);
                start = None;
                quoting = Quoting::default();
            }
        }
        let first = *start.get_or_insert(i);
        let s = slice(text, token.span);
        if token.kind == TokenKind::Punct {
            quoting.update(s, text, token.span);
        }
        if token.kind != TokenKind::Punct || !is_terminal(s) {
            i += 1;
            continue;
        }
        // Closing quotes and brackets after the terminal belong to this sentence
        // (French puts a no-break space before »).
        let mut last = i;
        let mut last_end = token.span.end;
        while let Some(next) = tokens.get(last + 1) {
            let ns = slice(text, next.span);
            let gap = text.get(last_end..next.span.start).unwrap_or("\n");
            let closes = (is_closer(ns)
                && (gap.is_empty()
                    || (ns != "\"" && !gap.contains('\n') && gap.chars().count() <= 1)))
                || (is_terminal(ns) && gap.is_empty());
            if !closes {
                break;
            }
            quoting.update(ns, text, next.span);
            last += 1;
            last_end = next.span.end;
        }
        if ends_sentence(text, tokens, first, i, last, lex, &quoting) {
            push_sentence(&mut out, tokens, first, last);
            start = None;
        }
        i = last + 1;
    }
    if let Some(s) = start {
        push_sentence(&mut out, tokens, s, tokens.len().saturating_sub(1));
    }
    out
}

fn push_sentence(out: &mut Vec<Span>, tokens: &[Token], first: usize, last: usize) {
    if let (Some(a), Some(b)) = (tokens.get(first), tokens.get(last)) {
        if a.span.start < b.span.end {
            out.push(Span::new(a.span.start, b.span.end));
        }
    }
}

fn ends_sentence(
    text: &str,
    tokens: &[Token],
    first: usize,
    terminal: usize,
    last: usize,
    lex: &Lexicon,
    quoting: &Quoting,
) -> bool {
    let Some(next) = tokens.get(last + 1) else {
        return true;
    };
    let Some(end_token) = tokens.get(last) else {
        return true;
    };
    let gap = text.get(end_token.span.end..next.span.start).unwrap_or("");
    if gap.is_empty() {
        return false; // "radiohc.cu", "U.S.A": no space, no boundary
    }
    if quoting.inside() && !gap.contains("\n\n") {
        return false;
    }
    let mark = tokens.get(terminal).map_or("", |t| slice(text, t.span));
    let before = terminal
        .checked_sub(1)
        .filter(|&b| b >= first)
        .and_then(|b| tokens.get(b));
    if before.is_some_and(|b| slice(text, b.span) == "[" || slice(text, b.span) == "(") {
        return false; // "[...]" elides inside a sentence
    }
    if !starts_sentence(text, next) {
        return false;
    }
    let dot_at = tokens.get(terminal).map_or(0, |t| t.span.start);
    if mark == "." && last == terminal {
        if let Some(word) = before.filter(|b| b.kind == TokenKind::Word && b.span.end == dot_at) {
            match abbreviation_before(text, dot_at, lex) {
                Some(AbbreviationKind::Title) => return false,
                Some(AbbreviationKind::Other) => {
                    return char_at(text, next.span.start).is_some_and(char::is_uppercase);
                }
                None => {}
            }
            // An initial: one capital letter before the period, a name after ("J. F. Kennedy").
            let w = slice(text, word.span);
            let mut chars = w.chars();
            let single_capital =
                chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
            if single_capital && next.kind == TokenKind::Word {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn split(text: &str, lang: &str) -> Vec<String> {
        let tokens = tokenize(text, lang);
        sentences(text, &tokens, lang)
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn simple_sentences() {
        assert_eq!(
            split("Il pleut. Il neige! Vraiment ? Oui.", "fr"),
            ["Il pleut.", "Il neige!", "Vraiment ?", "Oui."]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("M. Dupont et Mme Martin sont là. Le Dr. Roux aussi.", "fr"),
            ["M. Dupont et Mme Martin sont là.", "Le Dr. Roux aussi."]
        );
        assert_eq!(
            split(
                "Gen. Mark Milley met Lt. Col. Smith on Jan. 5 in St. Louis. He left.",
                "en"
            ),
            [
                "Gen. Mark Milley met Lt. Col. Smith on Jan. 5 in St. Louis.",
                "He left."
            ]
        );
        assert_eq!(
            split("Shares of Acme Inc. rose. The firm, Acme Inc. said.", "en"),
            ["Shares of Acme Inc. rose.", "The firm, Acme Inc. said."]
        );
        assert_eq!(
            split("He sold apples, pears, etc. The rest rotted.", "en"),
            ["He sold apples, pears, etc.", "The rest rotted."]
        );
    }

    #[test]
    fn initials_numbers_and_urls() {
        assert_eq!(
            split(
                "John F. Kennedy and J. R. R. Tolkien met. Then 3.5 percent left.",
                "en"
            ),
            [
                "John F. Kennedy and J. R. R. Tolkien met.",
                "Then 3.5 percent left."
            ]
        );
        assert_eq!(
            split("Voir radiohc.cu pour plus. Fin.", "fr"),
            ["Voir radiohc.cu pour plus.", "Fin."]
        );
    }

    #[test]
    fn quotations_keep_their_attribution() {
        let text = "«Des groupes sont entrés en action. Leur objectif est apparu clairement [...] Il s'agissait d'une tentative», a précisé le président. «Jamais.» Il part.";
        assert_eq!(split(text, "fr"), [
            "«Des groupes sont entrés en action. Leur objectif est apparu clairement [...] Il s'agissait d'une tentative», a précisé le président.",
            "«Jamais.»",
            "Il part."
        ]);
        assert_eq!(
            split("« Nous avons réussi. » Il a ajouté.", "fr"),
            ["« Nous avons réussi. »", "Il a ajouté."]
        );
        assert_eq!(
            split("\"We won. We will stay,\" he said. Then he left.", "en"),
            ["\"We won. We will stay,\" he said.", "Then he left."]
        );
        assert_eq!(
            split("He said: “It is over.” Then silence.", "en"),
            ["He said: “It is over.”", "Then silence."]
        );
    }

    #[test]
    fn paragraph_breaks_and_titles() {
        let text = "Kazakhstan : une tentative de coup d'État\n\nMoscou, 10 janvier (RHC) Lors d'une réunion, il a parlé\n\nSource Russia Today\n";
        assert_eq!(
            split(text, "fr"),
            [
                "Kazakhstan : une tentative de coup d'État",
                "Moscou, 10 janvier (RHC) Lors d'une réunion, il a parlé",
                "Source Russia Today"
            ]
        );
        // A short heading line followed by a single newline stands alone...
        assert_eq!(
            split("Kazakhstan crisis\nThe president spoke.", "en"),
            ["Kazakhstan crisis", "The president spoke."]
        );
        // ...but hard-wrapped prose does not break at its line ends.
        let wrapped = "The president of Kazakhstan said on Monday that troops of the\nCollective Security Treaty Organization would leave.";
        assert_eq!(split(wrapped, "en"), [wrapped]);
        // An unclosed quotation cannot swallow the next paragraph.
        assert_eq!(
            split("«Il a dit. Oui.\n\nAutre chose. Fin.", "fr"),
            ["«Il a dit. Oui.", "Autre chose.", "Fin."]
        );
    }

    #[test]
    fn paragraphs_are_trimmed_runs_of_lines() {
        let text = "\n\n  Titre  \n\n\nUn.\nDeux.\n \t\nTrois";
        let found: Vec<&str> = paragraphs(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(found, ["Titre", "Un.\nDeux.", "Trois"]);
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n \n").is_empty());
    }

    #[test]
    fn neutral_language_still_splits() {
        assert_eq!(split("Uno. Dos.", "es"), ["Uno.", "Dos."]);
        assert!(split("", "xx").is_empty());
    }
}
