use serde::{Serialize, Serializer};

/// A half-open byte range `[start, end)` into a [`crate::Doc`]'s text.
///
/// A span never has `start > end`: [`Span::new`] refuses such a span, so every
/// consumer can rely on `len()` and slicing without checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Creates a span. Panics if `start > end`, which is always a bug in the caller.
    ///
    /// ```should_panic
    /// dossier_doc::Span::new(5, 2);
    /// ```
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text into character (Unicode scalar value) offsets.
///
/// Built once per document; each lookup is a binary search over the positions of
/// multi-byte characters, so ASCII-heavy news text costs almost nothing.
///
/// ```
/// let offsets = dossier_doc::CharOffsets::new("Kremlin’s efforts");
/// assert_eq!(offsets.char_offset(10), 8); // "’" is 3 bytes, 1 char
/// ```
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offset just after each multi-byte character, with the extra bytes so far.
    wide: Vec<(usize, usize)>,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i + n, extra));
            }
        }
        CharOffsets { wide }
    }

    /// The character offset of a byte offset that lies on a char boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        let i = self.wide.partition_point(|&(end, _)| end <= byte);
        byte - if i == 0 { 0 } else { self.wide[i - 1].1 }
    }
}

/// Spans serialise as their byte range; the report converts them to `{start, end, text}` in chars.
impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end).serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "a’b—c d";
        let offsets = CharOffsets::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_offset(byte), chars);
        }
        assert_eq!(offsets.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(Span::new(0, 10).contains(a));
    }
}
