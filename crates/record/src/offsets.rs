/// Converts byte offsets into a text to Unicode scalar value offsets.
///
/// Keeps the char count at every `STRIDE`-th byte, so a lookup scans at most
/// `STRIDE` bytes and the table costs 1/16 of the text's size at most.
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    checkpoints: Vec<u32>,
}

const STRIDE: usize = 64;

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / STRIDE + 1);
            let mut chars = 0u32;
            for (i, byte) in text.bytes().enumerate() {
                if i % STRIDE == 0 {
                    checkpoints.push(chars);
                }
                // Count every byte that starts a char (not a UTF-8 continuation byte).
                if byte & 0xC0 != 0x80 {
                    chars += 1;
                }
            }
        }
        CharOffsets { text, ascii, checkpoints }
    }

    /// The char offset of a byte offset; offsets inside a char count as the
    /// char's end, offsets past the text clamp to its length in chars.
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let block = byte / STRIDE;
        let base = self.checkpoints.get(block).copied().unwrap_or(0) as usize;
        let start = block * STRIDE;
        let bytes = self.text.as_bytes();
        let extra = bytes.get(start..byte).map_or(0, |s| s.iter().filter(|b| **b & 0xC0 != 0x80).count());
        base + extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices_everywhere() {
        let text = "Moscou, 10 janvier — « Tokaïev » a dit 2\u{202f}000 ".repeat(9);
        let offsets = CharOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_at(byte), chars, "byte {byte}");
        }
        assert_eq!(offsets.char_at(text.len()), text.chars().count());
        assert_eq!(offsets.char_at(text.len() + 10), text.chars().count());
    }

    #[test]
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("PARIS (Reuters) -");
        assert_eq!(offsets.char_at(5), 5);
    }
}
