//! The document model of dossier: one [`Doc`] that every stage annotates through [`Span`]s.
//!
//! The pipeline is page → [`Article`] → annotated [`Doc`] → claims. Each stage is a
//! crate with one job that reads the layers before it and returns its own layer
//! (tokens, entities, times, quantities, claims); the binary stores that layer on
//! the `Doc`. Nothing here knows how a layer is made.
//!
//! **Key decision: spans are byte ranges into [`Doc::text`] internally, and become
//! character offsets only at the output boundary.** Byte ranges let every stage slice
//! `&str` in O(1) with no conversion; users of the JSON output count Unicode scalar
//! values, so [`CharOffsets`] converts once per document, when the report is written.
//!
//! ```
//! use dossier_doc::{Article, Doc, Span};
//! let article = Article::from_paragraphs(vec!["Six were killed.".into(), "More later.".into()]);
//! let doc = Doc::new(article);
//! assert_eq!(doc.text, "Six were killed.\n\nMore later.");
//! assert_eq!(doc.slice(doc.paragraphs[1]), "More later.");
//! assert_eq!(doc.slice(Span::new(0, 3)), "Six");
//! ```

mod article;
mod layers;
mod span;

pub use article::{Article, Caption, Published, PublishedFrom, Removed, RemovedReason, UNKNOWN_OUTLET};
pub use layers::*;
pub use span::{CharOffsets, Span};

/// An article body with every annotation layer the stages have added so far.
///
/// Layers are filled in pipeline order; a stage may read any layer filled before it.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The clean article text: paragraphs joined by a blank line.
    pub text: String,
    /// The article this text came from (metadata, captions, removed boilerplate).
    pub article: Article,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
    /// Each token's text in lower case, filled with `tokens`: stages match words on it.
    pub lower: Vec<String>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
}

impl Doc {
    /// The separator placed between paragraphs in [`Doc::text`].
    pub const PARAGRAPH_BREAK: &'static str = "\n\n";

    /// Builds the text and paragraph spans from an article; every other layer starts empty.
    pub fn new(article: Article) -> Doc {
        let mut text = String::new();
        let mut paragraphs = Vec::with_capacity(article.paragraphs.len());
        for p in &article.paragraphs {
            if !text.is_empty() {
                text.push_str(Doc::PARAGRAPH_BREAK);
            }
            let start = text.len();
            text.push_str(p);
            paragraphs.push(Span::new(start, text.len()));
        }
        Doc { text, article, paragraphs, ..Doc::default() }
    }

    /// The text a span covers. Panics if the span is not on char boundaries of this doc.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start()..span.end()]
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.slice(self.tokens[i].span)
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn token_at_or_after(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start() < at)
    }

    /// The token index range `[first, last)` of the tokens inside `span`.
    pub fn token_range(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.token_at_or_after(span.start());
        let last = self.tokens.partition_point(|t| t.span.end() <= span.end());
        first..last.max(first)
    }

    /// [`Doc::token_range`] of each of `spans`, in their order: one sweep over the tokens
    /// (spans taken by their start) instead of two binary searches for each span.
    ///
    /// ```
    /// use dossier_doc::{Article, Doc, Span, Token, TokenKind};
    /// let mut doc = Doc::new(Article::from_paragraphs(vec!["on Friday night".into()]));
    /// doc.tokens = [(0, 2), (3, 9), (10, 15)]
    ///     .map(|(s, e)| Token { span: Span::new(s, e), kind: TokenKind::Word, space_before: true })
    ///     .to_vec();
    /// let spans = [Span::new(3, 15), Span::new(0, 2), Span::new(4, 8)];
    /// assert_eq!(doc.token_ranges(&spans), spans.map(|s| doc.token_range(s)));
    /// assert_eq!(doc.token_ranges(&spans), [1..3, 0..1, 2..2]);
    /// ```
    pub fn token_ranges(&self, spans: &[Span]) -> Vec<std::ops::Range<usize>> {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_unstable_by_key(|&i| spans[i].start());
        let mut ranges = vec![0..0; spans.len()];
        let mut first = 0;
        for i in order {
            let span = spans[i];
            while first < self.tokens.len() && self.tokens[first].span.start() < span.start() {
                first += 1;
            }
            // Tokens do not overlap, so their ends rise with their starts.
            let mut last = first;
            while last < self.tokens.len() && self.tokens[last].span.end() <= span.end() {
                last += 1;
            }
            ranges[i] = first..last;
        }
        ranges
    }

    /// For each token, whether it lies inside one of `spans` ("is this token part of a time
    /// expression?"), in one pass over the spans.
    ///
    /// ```
    /// use dossier_doc::{Article, Doc, Span, Token, TokenKind};
    /// let mut doc = Doc::new(Article::from_paragraphs(vec!["on Friday night".into()]));
    /// doc.tokens = [(0, 2), (3, 9), (10, 15)]
    ///     .map(|(s, e)| Token { span: Span::new(s, e), kind: TokenKind::Word, space_before: true })
    ///     .to_vec();
    /// assert_eq!(doc.tokens_within([Span::new(3, 15)]), [false, true, true]);
    /// ```
    pub fn tokens_within(&self, spans: impl IntoIterator<Item = Span>) -> Vec<bool> {
        let mut inside = vec![false; self.tokens.len()];
        for span in spans {
            for slot in &mut inside[self.token_range(span)] {
                *slot = true;
            }
        }
        inside
    }

    /// Index of the sentence containing byte `at`, if any.
    pub fn sentence_of(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end() <= at);
        (i < self.sentences.len() && self.sentences[i].start() <= at).then_some(i)
    }

    /// Index of the paragraph containing byte `at`, if any.
    pub fn paragraph_of(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|s| s.end() <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].start() <= at).then_some(i)
    }
}
