//! Tokens, sentences and parts of speech from raw text, scored as the CoNLL 2018 shared
//! task's evaluation script does: a treebank's documents are rebuilt as raw text from
//! their `# text` lines (paragraphs from `# newpar`), the system segments that text, and
//! a surface token or sentence counts when its character span equals a gold one. Words
//! are aligned as the script aligns them: by span outside multi-word tokens ("don't" is
//! one token of the words "do" and "n't"), and inside them by the longest common
//! subsequence of lower-cased forms; a word's UPOS counts when it is aligned and the tags
//! agree (F1 over system and gold words).

use crate::Prf;

/// A syntactic word: its form, its UPOS, and the span of its surface token.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub form: String,
    pub upos: String,
    /// The byte span of the surface token the word is (part of).
    pub span: (usize, usize),
    /// Whether the word is one of several in its token.
    pub multiword: bool,
}

/// One treebank document as raw text with its gold spans (byte offsets into `text`).
#[derive(Debug, Default)]
pub struct RawDoc {
    pub paragraphs: Vec<String>,
    pub text: String,
    pub sentences: Vec<(usize, usize)>,
    /// Surface tokens: a multi-word token such as "don't" is one.
    pub tokens: Vec<(usize, usize)>,
    pub words: Vec<Word>,
}

/// The CoNLL-U text of one split ("train", "dev", "test") of the staged GUM genres in
/// `gum` (`../shared/data/nlp/gum-ccby-genres`): the documents its `files.<split>` list
/// names, in list order. The lists also name documents of genres not staged there: those
/// are skipped.
pub fn gum_split(gum: &std::path::Path, split: &str) -> Result<String, String> {
    let read = |p: &std::path::Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut text = String::new();
    for name in read(&gum.join(format!("files.{split}")))?.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let path = gum.join("sources").join(format!("{name}.conllu"));
        if path.exists() {
            text.push_str(&read(&path)?);
            text.push('\n');
        }
    }
    Ok(text)
}

/// Reads CoNLL-U documents (split at `# newdoc`), rebuilding each one's text as paragraphs
/// joined by a blank line and sentences joined by a space, as `dossier_doc::Doc::new` does.
pub fn read(conllu: &str) -> Vec<RawDoc> {
    let mut docs: Vec<RawDoc> = Vec::new();
    let mut paragraph = String::new();
    let mut sentence_text = String::new();
    // Token lines of the sentence being read: the surface form and its words' (form, UPOS).
    let mut sentence: Vec<(String, Vec<(String, String)>)> = Vec::new();
    // The last word id of the multi-word token being read, while its words come.
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
            for (form, words) in sentence.drain(..) {
                let Some(found) = sentence_text[at..].find(&form) else { continue };
                let span = (start + at + found, start + at + found + form.len());
                at += found + form.len();
                doc.tokens.push(span);
                let multiword = words.len() > 1;
                doc.words.extend(words.into_iter().map(|(form, upos)| Word { form, upos, span, multiword }));
            }
            covered_until = 0;
        } else if !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 || cols[0].contains('.') {
                continue;
            }
            if let Some((_, last)) = cols[0].split_once('-') {
                sentence.push((cols[1].to_string(), Vec::new()));
                covered_until = last.parse().unwrap_or(0);
            } else {
                let id: usize = cols[0].parse().unwrap_or(0);
                let word = (cols[1].to_string(), cols[3].to_string());
                match sentence.last_mut() {
                    Some((_, words)) if id <= covered_until => words.push(word),
                    _ => sentence.push((cols[1].to_string(), vec![word])),
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

/// Pooled counts of the four scores.
#[derive(Debug, Default)]
pub struct Score {
    pub tokens: Counts,
    pub sentences: Counts,
    pub words: Counts,
    pub upos: Counts,
}

impl Score {
    /// Adds one document: the system's surface tokens, its words and its sentence spans.
    pub fn add(&mut self, gold: &RawDoc, tokens: &[(usize, usize)], words: &[Word], sentences: &[(usize, usize)]) {
        let gold_tokens: std::collections::HashSet<&(usize, usize)> = gold.tokens.iter().collect();
        self.tokens.add(tokens.iter().filter(|s| gold_tokens.contains(s)).count(), tokens.len(), gold.tokens.len());
        let gold_sentences: std::collections::HashSet<&(usize, usize)> = gold.sentences.iter().collect();
        self.sentences.add(sentences.iter().filter(|s| gold_sentences.contains(s)).count(), sentences.len(), gold.sentences.len());
        let aligned = align(&gold.words, words);
        self.words.add(aligned.len(), words.len(), gold.words.len());
        let right = aligned.iter().filter(|&&(g, s)| gold.words[g].upos == words[s].upos).count();
        self.upos.add(right, words.len(), gold.words.len());
    }
}

/// The system's surface tokens and words from its tagged tokens: a clitic glued to the
/// word before it ("do|n't", "I|'m", "Google|'s") makes one multi-word token with it, as
/// UD English writes contractions and possessives.
pub fn system_words(text: &str, tagged: &[((usize, usize), &str)]) -> (Vec<(usize, usize)>, Vec<Word>) {
    let is_clitic = |(a, b): (usize, usize)| matches!(text[a..b].to_lowercase().replace('’', "'").as_str(), "n't" | "'m" | "'re" | "'ve" | "'ll" | "'d" | "'s");
    // Runs of tagged tokens that make one surface token: (first, last) indices.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, &(span, _)) in tagged.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if i > 0 && tagged[i - 1].0 .1 == span.0 && is_clitic(span) => run.1 = i,
            _ => runs.push((i, i)),
        }
    }
    let mut tokens = Vec::with_capacity(runs.len());
    let mut words = Vec::with_capacity(tagged.len());
    for (first, last) in runs {
        let span = (tagged[first].0 .0, tagged[last].0 .1);
        tokens.push(span);
        for &((a, b), upos) in &tagged[first..=last] {
            words.push(Word { form: text[a..b].to_string(), upos: upos.to_string(), span: if first == last { (a, b) } else { span }, multiword: first != last });
        }
    }
    (tokens, words)
}

/// Pairs of (gold, system) word indices aligned as `conll18_ud_eval.py` aligns them.
fn align(gold: &[Word], system: &[Word]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let (mut g, mut s) = (0, 0);
    while g < gold.len() && s < system.len() {
        if gold[g].multiword || system[s].multiword {
            // The stretch of text both sides' words cover, grown until neither side has a
            // word that starts inside it: its words align by common subsequence of forms.
            let (g0, s0) = (g, s);
            let mut end = gold[g].span.1.max(system[s].span.1);
            loop {
                if g < gold.len() && gold[g].span.0 < end {
                    end = end.max(gold[g].span.1);
                    g += 1;
                } else if s < system.len() && system[s].span.0 < end {
                    end = end.max(system[s].span.1);
                    s += 1;
                } else {
                    break;
                }
            }
            pairs.extend(common_subsequence(&gold[g0..g], &system[s0..s]).into_iter().map(|(a, b)| (g0 + a, s0 + b)));
        } else if gold[g].span == system[s].span {
            pairs.push((g, s));
            g += 1;
            s += 1;
        } else if gold[g].span.0 <= system[s].span.0 {
            g += 1;
        } else {
            s += 1;
        }
    }
    pairs
}

/// The longest common subsequence of two word runs by lower-cased form, as index pairs.
fn common_subsequence(gold: &[Word], system: &[Word]) -> Vec<(usize, usize)> {
    let same = |g: usize, s: usize| gold[g].form.to_lowercase() == system[s].form.to_lowercase();
    // lengths[g][s]: the longest common subsequence of gold[g..] and system[s..].
    let mut lengths = vec![vec![0usize; system.len() + 1]; gold.len() + 1];
    for g in (0..gold.len()).rev() {
        for s in (0..system.len()).rev() {
            lengths[g][s] = if same(g, s) { lengths[g + 1][s + 1] + 1 } else { lengths[g + 1][s].max(lengths[g][s + 1]) };
        }
    }
    let (mut pairs, mut g, mut s) = (Vec::new(), 0, 0);
    while g < gold.len() && s < system.len() {
        if same(g, s) {
            pairs.push((g, s));
            g += 1;
            s += 1;
        } else if lengths[g + 1][s] >= lengths[g][s + 1] {
            g += 1;
        } else {
            s += 1;
        }
    }
    pairs
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
        let spans: Vec<&str> = d.tokens.iter().map(|(a, b)| &d.text[*a..*b]).collect();
        assert_eq!(spans, ["I", "don't", "know", ".", "Fine", "."]);
        let forms: Vec<&str> = d.words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["I", "do", "n't", "know", ".", "Fine", "."]);
        assert_eq!(d.words[1].span, (2, 7));
        assert!(d.words[2].multiword && !d.words[3].multiword);
    }

    fn tagged() -> Vec<((usize, usize), &'static str)> {
        vec![((0, 1), "PRON"), ((2, 4), "AUX"), ((4, 7), "PART"), ((8, 12), "VERB"), ((12, 13), "PUNCT"), ((14, 18), "ADJ"), ((18, 19), "PUNCT")]
    }

    #[test]
    fn a_perfect_system_scores_one() {
        let d = &read(SAMPLE)[0];
        let (tokens, words) = system_words(&d.text, &tagged());
        assert_eq!(tokens, d.tokens);
        let mut score = Score::default();
        score.add(d, &tokens, &words, &d.sentences);
        for counts in [score.tokens, score.sentences, score.words, score.upos] {
            assert_eq!(counts.prf().f1, 1.0);
        }
    }

    #[test]
    fn a_contraction_left_as_two_tokens_loses_its_token_but_its_words_align() {
        let d = &read(SAMPLE)[0];
        let tagged = tagged();
        let words: Vec<Word> = tagged.iter().map(|&((a, b), upos)| Word { form: d.text[a..b].into(), upos: upos.into(), span: (a, b), multiword: false }).collect();
        let tokens: Vec<(usize, usize)> = tagged.iter().map(|t| t.0).collect();
        let mut score = Score::default();
        score.add(d, &tokens, &words, &d.sentences);
        assert_eq!((score.tokens.right, score.tokens.predicted, score.tokens.gold), (5, 7, 6));
        assert_eq!(score.upos.right, 7);
    }

    #[test]
    fn a_possessive_is_a_multiword_token_and_a_wrongly_split_word_aligns_with_nothing() {
        let text = "Kim's e-mail";
        let (tokens, words) = system_words(text, &[((0, 3), "PROPN"), ((3, 5), "PART"), ((6, 7), "NOUN"), ((7, 8), "PUNCT"), ((8, 12), "NOUN")]);
        assert_eq!(tokens, [(0, 5), (6, 7), (7, 8), (8, 12)]);
        let gold = |form: &str, span| Word { form: form.into(), upos: "NOUN".into(), span, multiword: false };
        assert!(align(&[gold("e-mail", (6, 12))], &words).is_empty());
    }
}
