use crate::{abbreviation, is_capitalized, is_exclamation_or_question};
use dossier_doc::{Span, Token};

/// Splits each paragraph into sentences at `.`, `!`, `?` and `…` (with any closing
/// quotes and brackets after them) when the next token can start a sentence.
/// A paragraph always ends a sentence, so headlines and captions without a final
/// period stand alone.
pub fn split_sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Span> {
    let mut sentences = Vec::new();
    let tok = |i: usize| &text[tokens[i].span.start()..tokens[i].span.end()];
    for paragraph in paragraphs {
        let first = tokens.partition_point(|t| t.span.start() < paragraph.start());
        let last = tokens.partition_point(|t| t.span.end() <= paragraph.end());
        let mut start = first;
        let mut i = first;
        while i < last {
            let t = tok(i);
            let terminal = matches!(t, "." | "…" | "...") || is_exclamation_or_question(t) || ends_with_closing_abbreviation(t, i + 1 < last, || tok(i + 1));
            if !terminal {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < last && matches!(tok(end), "”" | "\"" | "''" | "’" | "'" | ")" | "]" | "»") && !tokens[end].space_before {
                end += 1;
            }
            // A bare period and a space before a lower-case word end a sentence of informal
            // prose ("i am out of town. i am in portland."); known abbreviations keep their
            // period inside their token and never get here.
            let informal = t == "." && end == i + 1 && end < last && tokens[end].space_before && starts_lowercase_word(tok(end));
            if end == last || can_start_sentence(tok(end)) || informal {
                sentences.push(Span::new(tokens[start].span.start(), tokens[end - 1].span.end()));
                start = end;
            }
            i = end;
        }
        if start < last {
            sentences.push(Span::new(tokens[start].span.start(), tokens[last - 1].span.end()));
        }
    }
    sentences
}

fn can_start_sentence(token: &str) -> bool {
    is_capitalized(token)
        || token.starts_with(|c: char| c.is_ascii_digit())
        || matches!(token, "“" | "\"" | "''" | "``" | "‘" | "'" | "(" | "[" | "«" | "—" | "-" | "--")
}

fn starts_lowercase_word(token: &str) -> bool {
    token.starts_with(char::is_lowercase)
}

/// "Inc." or "U.S." can end a sentence, but only when a typical sentence opener follows.
fn ends_with_closing_abbreviation<'a>(token: &str, has_next: bool, next: impl Fn() -> &'a str) -> bool {
    let Some(stem) = token.strip_suffix('.') else { return false };
    let can_end = abbreviation(stem).unwrap_or(stem.contains('.'));
    can_end && (!has_next || SENTENCE_OPENERS.contains(&next()))
}

const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "But", "And", "In",
    "On", "At", "His", "Her", "Their", "Its", "There", "However", "Meanwhile", "Yet", "So", "If", "When", "As",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens, &[Span::new(0, text.len())])
            .into_iter()
            .map(|s| &text[s.start()..s.end()])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(split("Mr. Smith met Gen. Lee. They spoke."), ["Mr. Smith met Gen. Lee.", "They spoke."]);
        assert_eq!(split("It rose 4.8 percent in the U.S. economy."), ["It rose 4.8 percent in the U.S. economy."]);
        assert_eq!(split("He moved to the U.S. The next day he left."), ["He moved to the U.S.", "The next day he left."]);
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(split("“We will win,” he said. “We must.” She agreed."), [
            "“We will win,” he said.",
            "“We must.”",
            "She agreed."
        ]);
        assert_eq!(split("“Why?” he asked."), ["“Why?” he asked."]);
        assert_eq!(split("“Why?!” he asked. No way!!! It ended."), ["“Why?!” he asked.", "No way!!!", "It ended."]);
        assert_eq!(split("''We will win,'' he said. ''We must.'' She agreed."), ["''We will win,'' he said.", "''We must.''", "She agreed."]);
    }
}
