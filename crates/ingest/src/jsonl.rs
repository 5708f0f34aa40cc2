//! One JSON Lines record to a [`RawDoc`].
//!
//! Accepted fields: `id` (string or number), the body in `text`, `html`, or
//! `input` with `input_format` (`text`|`html`, the gold-file form), `url`,
//! `published`, `language` or `lang`, `title`, `content_type`. Others are ignored.

use crate::prepare::content_id;
use crate::{BodyFormat, RawDoc};
use dateline_model::Diagnostic;
use serde_json::{Map, Value};

/// Longest excerpt of a bad value or line quoted back in a diagnostic.
const EXCERPT_CHARS: usize = 60;

pub(crate) fn parse_line(line: &[u8], file: &str, line_no: u64) -> RawDoc {
    let origin = format!("{file}:{line_no}");
    let mut raw = RawDoc {
        origin,
        from_jsonl: true,
        ..Default::default()
    };
    let mut object = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(object)) => object,
        Ok(other) => {
            return bad_line(
                raw,
                line,
                format!(
                    "line {line_no} of {file}: expected a JSON object, found {}",
                    kind(&other)
                ),
            );
        }
        Err(err) => {
            return bad_line(
                raw,
                line,
                format!("line {line_no} of {file}: malformed JSON: {err}"),
            )
        }
    };

    raw.id = match object.remove("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => Some(id),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let (body, format) = take_body(&mut object, file, line_no, &mut raw.diagnostics);
    raw.body = body.into_bytes();
    raw.body_format = format;
    raw.url = take_string(&mut object, "url", file, line_no, &mut raw.diagnostics);
    raw.published = take_string(
        &mut object,
        "published",
        file,
        line_no,
        &mut raw.diagnostics,
    );
    raw.language = take_string(&mut object, "language", file, line_no, &mut raw.diagnostics)
        .or_else(|| take_string(&mut object, "lang", file, line_no, &mut raw.diagnostics));
    raw.title = take_string(&mut object, "title", file, line_no, &mut raw.diagnostics);
    raw.content_type = take_string(
        &mut object,
        "content_type",
        file,
        line_no,
        &mut raw.diagnostics,
    );
    raw
}

/// The body and what it is. `text` wins over `html` when both are given: it
/// is the caller's own reading of the page.
fn take_body(
    object: &mut Map<String, Value>,
    file: &str,
    line_no: u64,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, Option<BodyFormat>) {
    if let Some(text) = take_string(object, "text", file, line_no, diagnostics) {
        return (text, Some(BodyFormat::Text));
    }
    if let Some(html) = take_string(object, "html", file, line_no, diagnostics) {
        return (html, Some(BodyFormat::Html));
    }
    if let Some(input) = take_string(object, "input", file, line_no, diagnostics) {
        let declared = take_string(object, "input_format", file, line_no, diagnostics);
        let format = match declared.as_deref().map(str::trim) {
            Some("html") => Some(BodyFormat::Html),
            Some("text") => Some(BodyFormat::Text),
            // Unknown or absent: told by content.
            _ => None,
        };
        return (input, format);
    }
    diagnostics.push(Diagnostic::warning(
        "jsonl-no-body",
        format!("line {line_no} of {file}: no \"text\", \"html\" or \"input\" field"),
    ));
    (String::new(), None)
}

/// A string field; null counts as absent, any other type is reported and ignored.
fn take_string(
    object: &mut Map<String, Value>,
    key: &str,
    file: &str,
    line_no: u64,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    match object.remove(key)? {
        Value::String(s) => Some(s),
        Value::Null => None,
        other => {
            diagnostics.push(Diagnostic::warning(
                "jsonl-bad-field",
                format!(
                    "line {line_no} of {file}: \"{key}\" should be a string, found {}; ignored",
                    kind(&other)
                ),
            ));
            None
        }
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// An unreadable line still becomes a document (empty text) so the record
/// count matches the input and the user sees which line failed. Its id hashes
/// the line, so distinct bad lines get distinct ids.
fn bad_line(mut raw: RawDoc, line: &[u8], message: String) -> RawDoc {
    raw.id = Some(content_id(line));
    let excerpt: String = String::from_utf8_lossy(line.get(..EXCERPT_CHARS * 4).unwrap_or(line))
        .chars()
        .take(EXCERPT_CHARS)
        .collect();
    raw.diagnostics.push(Diagnostic::error(
        "bad-jsonl",
        format!("{message} (line starts: {excerpt:?})"),
    ));
    raw
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_fields() {
        let line = br#"{"id":"x1","text":"Body","url":"https://a.example/1","published":"2022-01-10","language":"fr","title":"T","extra":[1,2]}"#;
        let raw = parse_line(line, "batch.jsonl", 3);
        assert_eq!(raw.origin, "batch.jsonl:3");
        assert_eq!(raw.id.as_deref(), Some("x1"));
        assert_eq!(raw.body, b"Body");
        assert_eq!(raw.body_format, Some(BodyFormat::Text));
        assert_eq!(raw.url.as_deref(), Some("https://a.example/1"));
        assert_eq!(raw.published.as_deref(), Some("2022-01-10"));
        assert_eq!(raw.language.as_deref(), Some("fr"));
        assert_eq!(raw.title.as_deref(), Some("T"));
        assert!(raw.diagnostics.is_empty());
    }

    #[test]
    fn reads_the_gold_file_form() {
        let line = br#"{"id":"seed-0001","lang":"fr","published":null,"input_format":"html","input":"<p>Bonjour</p>","doc":{"title":"x"}}"#;
        let raw = parse_line(line, "seed.gold.jsonl", 1);
        assert_eq!(raw.body_format, Some(BodyFormat::Html));
        assert_eq!(raw.body, b"<p>Bonjour</p>");
        assert_eq!(raw.language.as_deref(), Some("fr"));
        assert_eq!(raw.published, None);
    }

    #[test]
    fn numeric_id_and_wrongly_typed_fields() {
        let raw = parse_line(
            br#"{"id":42,"html":"<p>x</p>","published":20220110}"#,
            "f",
            7,
        );
        assert_eq!(raw.id.as_deref(), Some("42"));
        assert_eq!(raw.body_format, Some(BodyFormat::Html));
        assert_eq!(raw.published, None);
        assert_eq!(raw.diagnostics[0].code, "jsonl-bad-field");
        assert!(raw.diagnostics[0].message.contains("line 7 of f"));
    }

    #[test]
    fn malformed_and_non_object_lines() {
        let raw = parse_line(br#"{"id":"a","text":"unterminated"#, "b.jsonl", 12);
        assert!(raw.body.is_empty());
        assert_eq!(raw.diagnostics[0].code, "bad-jsonl");
        assert!(raw.diagnostics[0]
            .message
            .starts_with("line 12 of b.jsonl: malformed JSON"));
        // The id hashes the line, so two different bad lines differ.
        let other = parse_line(b"[1,2]", "b.jsonl", 13);
        assert!(other.diagnostics[0].message.contains("found an array"));
        assert_ne!(raw.id, other.id);
    }

    #[test]
    fn missing_body_is_reported() {
        let raw = parse_line(br#"{"id":"a"}"#, "c.jsonl", 2);
        assert!(raw.body.is_empty());
        assert_eq!(raw.diagnostics[0].code, "jsonl-no-body");
    }
}
