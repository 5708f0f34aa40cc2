//! Defensive reading of a predicted `dateline/1` record: anything missing or
//! of the wrong type reads as absent, never as a failure.

use crate::fold;
use serde_json::Value;

/// A `[start, end)` char range into `doc.text`.
pub type CharSpan = (usize, usize);

/// The predicted record with its text folded once for all layers.
pub struct Predicted<'a> {
    pub record: &'a Value,
    /// `doc.text` as folded chars (same char offsets), when the record has it.
    pub folded_text: Option<Vec<char>>,
}

impl<'a> Predicted<'a> {
    pub fn new(record: &'a Value) -> Self {
        let folded_text = record
            .pointer("/doc/text")
            .and_then(Value::as_str)
            .map(fold::fold_chars);
        Predicted {
            record,
            folded_text,
        }
    }

    pub fn list(&self, layer: &str) -> &'a [Value] {
        self.record
            .get(layer)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    pub fn doc_str(&self, pointer: &str) -> Option<&'a str> {
        self.record.pointer(pointer).and_then(Value::as_str)
    }

    /// The item of `layer` whose `id` is `id` (`E1` is normally index 0, but
    /// the id is what the record promises, so it is what we look up).
    pub fn by_id(&self, layer: &str, id: &str) -> Option<&'a Value> {
        let list = self.list(layer);
        let guess = id
            .get(1..)
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1));
        guess
            .and_then(|i| list.get(i))
            .filter(|item| str_of(item, "id") == Some(id))
            .or_else(|| list.iter().find(|item| str_of(item, "id") == Some(id)))
    }

    /// The name of the entity a reference (`"E1"`) points to.
    pub fn entity_name(&self, reference: Option<&str>) -> Option<&'a str> {
        reference
            .and_then(|id| self.by_id("entities", id))
            .and_then(|e| str_of(e, "name"))
    }

    /// The words under a span, as the record's text has them (for messages;
    /// linear in the text, so not for hot paths).
    pub fn slice(&self, span: CharSpan) -> Option<String> {
        let text = self.record.pointer("/doc/text").and_then(Value::as_str)?;
        (span.1 <= self.folded_text.as_ref().map_or(0, Vec::len))
            .then(|| text.chars().skip(span.0).take(span.1 - span.0).collect())
    }
}

pub fn str_of<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

/// A span `[a, b]` with `a <= b`; anything else reads as absent.
pub fn span_of(value: Option<&Value>) -> Option<CharSpan> {
    let pair = value?.as_array()?;
    let start = usize::try_from(pair.first()?.as_u64()?).ok()?;
    let end = usize::try_from(pair.get(1)?.as_u64()?).ok()?;
    (pair.len() == 2 && start <= end).then_some((start, end))
}

pub fn spans_of(value: Option<&Value>) -> Vec<CharSpan> {
    value
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(|v| span_of(Some(v))).collect())
        .unwrap_or_default()
}

/// Chars shared by two spans.
pub fn overlap(a: CharSpan, b: CharSpan) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}
