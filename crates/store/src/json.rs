//! Reading fields out of records without panicking on odd shapes.

use serde_json::Value;

pub(crate) fn str_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

pub(crate) fn i64_at(value: &Value, key: &str) -> Option<i64> {
    value.get(key).and_then(Value::as_i64)
}

pub(crate) fn f64_at(value: &Value, key: &str) -> Option<f64> {
    value.get(key).and_then(Value::as_f64)
}

pub(crate) fn bool_at(value: &Value, key: &str) -> Option<bool> {
    value.get(key).and_then(Value::as_bool)
}

/// `[start, end]` as a pair of non-negative integers with start <= end.
pub(crate) fn span_at(value: &Value, key: &str) -> Option<(i64, i64)> {
    let pair = value.get(key)?.as_array()?;
    let start = pair.first()?.as_i64()?;
    let end = pair.get(1)?.as_i64()?;
    (0 <= start && start <= end).then_some((start, end))
}

/// A text addressed by character (Unicode scalar) offsets, as records are.
/// ASCII texts need no table; others get one boundary table per document,
/// built on first use, so each slice is O(1) after one linear pass.
pub(crate) struct CharText<'a> {
    text: &'a str,
    boundaries: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> CharText<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharText {
            text,
            boundaries: std::cell::OnceCell::new(),
        }
    }

    fn byte_offset(&self, char_offset: i64) -> Option<usize> {
        let char_offset = usize::try_from(char_offset).ok()?;
        if self.text.is_ascii() {
            return (char_offset <= self.text.len()).then_some(char_offset);
        }
        let table = self.boundaries.get_or_init(|| {
            self.text
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(self.text.len()))
                .collect()
        });
        table.get(char_offset).copied()
    }

    /// The text between two character offsets; `None` when out of range.
    pub(crate) fn slice(&self, start: i64, end: i64) -> Option<&'a str> {
        let (start, end) = (self.byte_offset(start)?, self.byte_offset(end)?);
        self.text.get(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_characters_not_bytes() {
        let text = CharText::new("Télé à Moscou");
        assert_eq!(text.slice(7, 13), Some("Moscou"));
        assert_eq!(text.slice(0, 4), Some("Télé"));
        assert_eq!(text.slice(10, 99), None);
        assert_eq!(text.slice(-1, 2), None);
    }

    #[test]
    fn spans_must_be_ordered_pairs() {
        let value = serde_json::json!({"a": [3, 5], "b": [5, 3], "c": [1], "d": "x"});
        assert_eq!(span_at(&value, "a"), Some((3, 5)));
        assert_eq!(span_at(&value, "b"), None);
        assert_eq!(span_at(&value, "c"), None);
        assert_eq!(span_at(&value, "d"), None);
    }
}
