//! Tokens and sentences of news prose: the first layers of a [`dossier_doc::Doc`].
//!
//! **Key decision: one hand-written pass over the characters, with news-specific rules,
//! rather than UAX #29 segmentation.** UAX #29 splits "Mr." from its name, keeps "10,000"
//! whole only sometimes, and knows nothing of "U.S." or "Kremlin’s"; every later stage
//! (numbers, names, cues) wants those decided once, here. Hyphens and possessives are
//! always separate tokens so that "Russian-occupied" and "Kremlin’s" expose their names.
//!
//! ```
//! use dossier_doc::{Article, Doc};
//! let mut doc = Doc::new(Article::from_paragraphs(vec![
//!     "Gen. J. Smith said 10,000 U.S. troops left. The Kremlin’s reply came later.".into(),
//! ]));
//! dossier_text::annotate(&mut doc);
//! let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
//! assert_eq!(&words[..6], ["Gen.", "J.", "Smith", "said", "10,000", "U.S."]);
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.slice(doc.sentences[1]), "The Kremlin’s reply came later.");
//! ```

pub mod perceptron;
pub mod pos;
mod sentences;
mod tokens;

pub use sentences::split_sentences;
pub use tokens::tokenize;

use dossier_doc::Doc;

/// Fills `doc.tokens`, `doc.lower` and `doc.sentences`. In `doc.lower` typewriter quotation
/// marks (`''`, ``` `` ```) read as `"`, so that stages match one straight quote mark.
pub fn annotate(doc: &mut Doc) {
    doc.tokens = tokenize(&doc.text);
    doc.lower = doc
        .tokens
        .iter()
        .map(|t| match &doc.text[t.span.start()..t.span.end()] {
            "''" | "``" => "\"".to_string(),
            word => word.to_lowercase(),
        })
        .collect();
    doc.sentences = split_sentences(&doc.text, &doc.tokens, &doc.paragraphs);
}

/// Whether a token is an exclamation or question mark, or a run of them ("!!!", "?!").
pub fn is_exclamation_or_question(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b == b'!' || b == b'?')
}

/// Whether a word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word has no uppercase letter.
pub fn is_lowercase(word: &str) -> bool {
    !word.chars().any(char::is_uppercase)
}

/// The month a name or abbreviation stands for, lower-cased ("feb", "february" → 2).
pub fn month_number(word: &str) -> Option<i8> {
    const MONTHS: &[(&str, i8)] = &[
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4),
        ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8),
        ("september", 9), ("sep", 9), ("sept", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11),
        ("december", 12), ("dec", 12),
    ];
    let word = word.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == word).map(|&(_, n)| n)
}

/// Abbreviations that keep their period; `true` when one can also end a sentence.
pub(crate) fn abbreviation(word: &str) -> Option<bool> {
    const TITLES: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt",
        "Sen", "Rep", "Gov", "Pres", "Rev", "Hon", "St", "Mt", "Ft", "Jr", "Sr", "No", "Nos", "vs", "v", "Vol",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd",
        "approx", "Approx", "est", "cf", "Fig", "fig", "Figs", "figs", "Eq", "Eqs", "eq", "eqs", "Dept", "Univ", "Assn", "Bros", "Gens", "Reps", "Sens",
    ];
    const CAN_END: &[&str] = &["Inc", "Ltd", "Co", "Corp", "etc", "Plc", "LLC", "Bhd", "al"];
    if TITLES.contains(&word) {
        Some(false)
    } else if CAN_END.contains(&word) {
        Some(true)
    } else {
        None
    }
}
