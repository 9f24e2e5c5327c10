//! Tokens, sentences and parts of speech from raw text, scored as the CoNLL 2018 shared
//! task does: a treebank's documents are rebuilt as raw text from their `# text` lines
//! (paragraphs from `# newpar`), the system segments that text, and a token or sentence
//! counts when its character span equals a gold one; a word's UPOS counts when its token
//! does and the tag agrees (F1 over system and gold words).

use crate::Prf;

/// One treebank document as raw text with its gold spans (byte offsets into `text`).
#[derive(Debug, Default)]
pub struct RawDoc {
    pub paragraphs: Vec<String>,
    pub text: String,
    pub sentences: Vec<(usize, usize)>,
    /// Surface tokens (a multi-word token such as "don't" is one) and, for those that are
    /// one word, its UPOS.
    pub tokens: Vec<((usize, usize), Option<String>)>,
    /// Syntactic words, for the UPOS recall.
    pub words: usize,
}

/// Reads CoNLL-U documents (split at `# newdoc`), rebuilding each one's text as paragraphs
/// joined by a blank line and sentences joined by a space, as `dossier_doc::Doc::new` does.
pub fn read(conllu: &str) -> Vec<RawDoc> {
    let mut docs: Vec<RawDoc> = Vec::new();
    let mut paragraph = String::new();
    let mut sentence_text = String::new();
    // Token lines of the sentence being read: (form, UPOS of a one-word token or none, words in it).
    let mut sentence: Vec<(String, Option<String>, usize)> = Vec::new();
    let mut covered_until = 0usize;

    fn close_paragraph(doc: &mut RawDoc, paragraph: &mut String) {
        if !paragraph.is_empty() {
            doc.paragraphs.push(std::mem::take(paragraph));
        }
    }

    for line in conllu.lines() {
        if line.starts_with("# newdoc") {
            if let Some(doc) = docs.last_mut() {
                close_paragraph(doc, &mut paragraph);
            }
            docs.push(RawDoc::default());
        } else if line.starts_with("# newpar") {
            if let Some(doc) = docs.last_mut() {
                close_paragraph(doc, &mut paragraph);
            }
        } else if let Some(text) = line.strip_prefix("# text = ") {
            sentence_text = text.to_string();
        } else if line.is_empty() {
            if docs.is_empty() {
                docs.push(RawDoc::default());
            }
            let doc = docs.last_mut().expect("pushed above");
            // The sentence's offset in the document text once its paragraph is joined in.
            let joined_before: usize = doc.paragraphs.iter().map(|p| p.len() + 2).sum();
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            let start = joined_before + paragraph.len();
            paragraph.push_str(&sentence_text);
            doc.sentences.push((start, start + sentence_text.len()));
            // Tokens: each form found in the sentence text, in order.
            let mut at = 0usize;
            for (form, upos, words) in sentence.drain(..) {
                let Some(found) = sentence_text[at..].find(&form) else { continue };
                let (a, b) = (start + at + found, start + at + found + form.len());
                at += found + form.len();
                doc.tokens.push(((a, b), upos));
                doc.words += words;
            }
            covered_until = 0;
        } else if !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 || cols[0].contains('.') {
                continue;
            }
            if let Some((a, b)) = cols[0].split_once('-') {
                // A multi-word token: one surface token over the words a..=b.
                let (a, b): (usize, usize) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                sentence.push((cols[1].to_string(), None, b.saturating_sub(a) + 1));
                covered_until = b;
            } else {
                let id: usize = cols[0].parse().unwrap_or(0);
                if id > covered_until {
                    sentence.push((cols[1].to_string(), Some(cols[3].to_string()), 1));
                }
            }
        }
    }
    for doc in &mut docs {
        close_paragraph(doc, &mut paragraph);
        doc.text = doc.paragraphs.join("\n\n");
    }
    docs.retain(|d| !d.text.is_empty());
    docs
}

/// Counts pooled over documents: right, predicted, gold.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub right: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    fn add(&mut self, right: usize, predicted: usize, gold: usize) {
        self.right += right;
        self.predicted += predicted;
        self.gold += gold;
    }

    pub fn prf(&self) -> Prf {
        Prf::from_counts(self.right, self.predicted, self.gold)
    }
}

/// Pooled counts of the three scores.
#[derive(Debug, Default)]
pub struct Score {
    pub tokens: Counts,
    pub sentences: Counts,
    pub upos: Counts,
}

impl Score {
    /// Adds one document: the system's token spans with their tags, and its sentence spans.
    pub fn add(&mut self, gold: &RawDoc, tokens: &[((usize, usize), &str)], sentences: &[(usize, usize)]) {
        let gold_tokens: std::collections::HashMap<(usize, usize), Option<&str>> = gold.tokens.iter().map(|(s, t)| (*s, t.as_deref())).collect();
        let matched = tokens.iter().filter(|(s, _)| gold_tokens.contains_key(s)).count();
        self.tokens.add(matched, tokens.len(), gold.tokens.len());
        let gold_sentences: std::collections::HashSet<&(usize, usize)> = gold.sentences.iter().collect();
        let found = sentences.iter().filter(|s| gold_sentences.contains(s)).count();
        self.sentences.add(found, sentences.len(), gold.sentences.len());
        let right = tokens.iter().filter(|(s, tag)| gold_tokens.get(s).copied().flatten() == Some(*tag)).count();
        self.upos.add(right, tokens.len(), gold.words);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = a\n# newpar\n# text = I don't know.\n1\tI\tI\tPRON\n2-3\tdon't\t_\t_\n2\tdo\tdo\tAUX\n3\tn't\tnot\tPART\n4\tknow\tknow\tVERB\n5\t.\t.\tPUNCT\n\n# text = Fine.\n1\tFine\tfine\tADJ\n2\t.\t.\tPUNCT\n\n";

    #[test]
    fn documents_are_rebuilt_with_their_spans() {
        let docs = read(SAMPLE);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "I don't know. Fine.");
        assert_eq!(d.sentences, [(0, 13), (14, 19)]);
        let spans: Vec<&str> = d.tokens.iter().map(|((a, b), _)| &d.text[*a..*b]).collect();
        assert_eq!(spans, ["I", "don't", "know", ".", "Fine", "."]);
        assert_eq!(d.words, 7);
    }

    #[test]
    fn a_perfect_system_scores_one_and_a_split_token_does_not_count() {
        let d = &read(SAMPLE)[0];
        let mut score = Score::default();
        let tokens = [((0, 1), "PRON"), ((2, 4), "AUX"), ((4, 7), "PART"), ((8, 12), "VERB"), ((12, 13), "PUNCT"), ((14, 18), "ADJ"), ((18, 19), "PUNCT")];
        score.add(d, &tokens, &d.sentences);
        assert_eq!(score.sentences.prf().f1, 1.0);
        // "don't" as two tokens: neither matches the gold surface token.
        assert_eq!((score.tokens.right, score.tokens.predicted, score.tokens.gold), (5, 7, 6));
        assert_eq!(score.upos.right, 5);
    }
}
