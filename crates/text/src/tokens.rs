use crate::abbreviation;
use dossier_doc::{Span, Token, TokenKind};

/// Splits text into tokens. Whitespace separates; punctuation is its own token except
/// inside numbers ("4.8", "10,000"), abbreviations ("U.S.", "Gen."), links, domains and
/// file names ("Space.com"), runs of repeated marks ("...", "!!!", "--") and emoticons.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut at = 0;
    let mut space_before = true;
    while at < text.len() {
        let c = text[at..].chars().next().expect("at is a char boundary inside text");
        if c.is_whitespace() {
            at += c.len_utf8();
            space_before = true;
            continue;
        }
        let (end, kind) = if let Some(len) = link_len(&text[at..]) {
            (at + len, TokenKind::Symbol)
        } else if c.is_ascii_digit() {
            number(text, at)
        } else if let Some(len) = negation_len(&text[at..]).filter(|_| !space_before) {
            (at + len, TokenKind::Word)
        } else if c.is_alphabetic() {
            word(text, at)
        } else if let Some(len) = punctuation_run_len(&text[at..]) {
            (at + len, TokenKind::Punct)
        } else if let Some(len) = emoticon_len(&text[at..]).filter(|_| space_before) {
            (at + len, TokenKind::Symbol)
        } else if text[at..].starts_with("''") || text[at..].starts_with("``") {
            // Typewriter quotation marks (''…'', ``…''), as wire copy writes them: one mark.
            (at + 2, TokenKind::Punct)
        } else if let Some(len) = possessive_len(&text[at..]) {
            (at + len, TokenKind::Word)
        } else if matches!(c, '$' | '€' | '£' | '¥' | '₽' | '₴' | '%' | '+' | '=' | '<' | '>' | '#' | '@' | '&' | '*' | '/' | '\\' | '|' | '~' | '^' | '°' | '§' | '©' | '®') {
            (at + c.len_utf8(), TokenKind::Symbol)
        } else {
            (at + c.len_utf8(), TokenKind::Punct)
        };
        tokens.push(Token { span: Span::new(at, end), kind, space_before });
        space_before = false;
        at = end;
    }
    tokens
}

/// The length of a URL, e-mail address or @handle at the start of `rest`: one token, so
/// that no later stage reads names or numbers inside it.
fn link_len(rest: &str) -> Option<usize> {
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let word = rest[..word_end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '”', '\'']);
    let lower = word.to_ascii_lowercase();
    let url = lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") && word.len() > 6;
    let email = word.find('@').is_some_and(|at| at > 0 && word[at..].contains('.') && !word[at + 1..].contains('@'));
    let handle = word.starts_with('@') && word.len() > 2 && word[1..].chars().all(|c| c.is_alphanumeric() || c == '_');
    (url || email || handle).then_some(word.len())
}

/// The length of a run of repeated punctuation at the start of `rest`, one token as in
/// UD: an ellipsis ("..."), "!!!", "?!", a dash typed as "--", a rule ("-----", "*****").
fn punctuation_run_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let run = match b.first()? {
        b'!' | b'?' => b.iter().take_while(|&&c| c == b'!' || c == b'?').count(),
        &c @ (b'.' | b'-' | b'*' | b'_' | b'=' | b'~' | b'#' | b'+') => b.iter().take_while(|&&x| x == c).count(),
        _ => 0,
    };
    (run >= 2).then_some(run)
}

/// The length of an emoticon standing alone at the start of `rest` (":)", ";-)", ":D").
fn emoticon_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    if !matches!(b.first()?, b':' | b';' | b'=') {
        return None;
    }
    let nose = usize::from(b.get(1) == Some(&b'-'));
    let mouth = *b.get(1 + nose)?;
    let alone = b.get(2 + nose).is_none_or(|c| c.is_ascii_whitespace());
    (matches!(mouth, b')' | b'(' | b'D' | b'P' | b'p' | b'/' | b'|' | b']' | b'[') && alone).then_some(2 + nose)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Digits with internal separators ("10,000", "4.8", "1.5"), then letters glued on ("70th", "1.5bn").
fn number(text: &str, start: usize) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let mut end = start;
    while end < b.len() {
        let separator = (b[end] == b',' || b[end] == b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
        if b[end].is_ascii_digit() || separator {
            end += 1;
        } else {
            break;
        }
    }
    let letters = text[end..].chars().take_while(|c| c.is_alphanumeric()).map(char::len_utf8).sum::<usize>();
    if letters > 0 {
        (end + letters, TokenKind::Alphanumeric)
    } else {
        (end, TokenKind::Number)
    }
}

/// A word: letters and digits, internal apostrophes of names ("O'Brien"), and a final
/// period for abbreviations and initials.
fn word(text: &str, start: usize) -> (usize, TokenKind) {
    let mut end = start;
    let mut has_digit = false;
    let mut chars = text[start..].char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_alphanumeric() || c == '\u{AD}' || is_mark(c) {
            has_digit |= c.is_ascii_digit();
            end = start + i + c.len_utf8();
            chars.next();
        } else if is_apostrophe(c) && i > 0 {
            let rest = &text[start + i..];
            if possessive_len(rest).is_some() {
                break;
            }
            match rest[c.len_utf8()..].chars().next() {
                Some(n) if n.is_alphabetic() => {
                    end = start + i + c.len_utf8();
                    chars.next();
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    // "don't" → "do" + "n't": give the "n" back to the clitic.
    if end > start + 1 && text.is_char_boundary(end - 1) && negation_len(&text[end - 1..]).is_some() {
        end -= 1;
    }
    // "Space.com", "Guaranty.doc", "alt.animals.cat": a period glued between words, with
    // lower case after it, joins a domain or file name.
    if end > start + 1 {
        while let Some(len) = dotted_part_len(&text[end..]) {
            end += len;
        }
    }
    let word = &text[start..end];
    let after = &text[end..];
    if after.starts_with('.') {
        let single_letter = word.chars().count() == 1;
        // "U.S.", "e.g.": letter-period runs.
        if single_letter {
            let mut run_end = end + 1;
            loop {
                let rest = &text[run_end..];
                let mut cs = rest.chars();
                match (cs.next(), cs.next()) {
                    (Some(l), Some('.')) if l.is_alphabetic() => run_end += l.len_utf8() + 1,
                    _ => break,
                }
            }
            // A lone capital with a period is an initial ("J. Smith"); a lone lowercase letter is not.
            if run_end > end + 1 || word.chars().next().is_some_and(char::is_uppercase) {
                return (run_end, TokenKind::Word);
            }
        } else if abbreviation(word).is_some() {
            return (end + 1, TokenKind::Word);
        }
    }
    (end, if has_digit { TokenKind::Alphanumeric } else { TokenKind::Word })
}

/// The length of ".com" or ".doc" at the start of `rest`: a period, then two or more
/// lower-case ASCII letters or digits (a letter first) that end the word.
fn dotted_part_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    if b.first() != Some(&b'.') || !b.get(1).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let len = 1 + b[1..].iter().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit()).count();
    let ends_word = rest[len..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    (len >= 3 && ends_word).then_some(len)
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Length of an "n't" clitic at the start of `rest`, if there is one.
fn negation_len(rest: &str) -> Option<usize> {
    let mut cs = rest.char_indices();
    let ok = matches!(cs.next(), Some((_, 'n' | 'N')))
        && matches!(cs.next(), Some((_, '\'' | '’')))
        && matches!(cs.next(), Some((_, 't' | 'T')));
    let (end, next) = cs.next().map_or((rest.len(), None), |(i, c)| (i, Some(c)));
    (ok && !next.is_some_and(char::is_alphabetic)).then_some(end)
}

/// Length of a clitic starting at an apostrophe ("’s", "'re", "'ll", "n't" handled by caller).
fn possessive_len(rest: &str) -> Option<usize> {
    let mut cs = rest.chars();
    let apostrophe = cs.next().filter(|&c| is_apostrophe(c))?;
    let after: String = cs.clone().take_while(|c| c.is_alphabetic()).collect();
    let ok = matches!(after.to_lowercase().as_str(), "s" | "re" | "ve" | "ll" | "d" | "m" | "t");
    ok.then(|| apostrophe.len_utf8() + after.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span.start()..t.span.end()]).collect()
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(words("at least 10,000 and 4.8 million, $2.3bn or 45%."), [
            "at", "least", "10,000", "and", "4.8", "million", ",", "$", "2.3bn", "or", "45", "%", "."
        ]);
    }

    #[test]
    fn possessives_hyphens_and_clitics() {
        assert_eq!(words("The Kremlin’s Russian-occupied city don't O'Brien"), [
            "The", "Kremlin", "’s", "Russian", "-", "occupied", "city", "do", "n't", "O'Brien"
        ]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(words("U.S. Gen. J. Smith, e.g. here."), ["U.S.", "Gen.", "J.", "Smith", ",", "e.g.", "here", "."]);
    }

    #[test]
    fn multibyte_word_ends() {
        assert_eq!(words("Пхеньян’s café"), ["Пхеньян", "’s", "café"]);
    }

    #[test]
    fn links_are_one_token() {
        assert_eq!(words("see https://example.com/a?b=1, mail ann@example.org or @dossier_bot."), [
            "see", "https://example.com/a?b=1", ",", "mail", "ann@example.org", "or", "@dossier_bot", "."
        ]);
    }

    #[test]
    fn typewriter_quotation_marks_are_one_token() {
        assert_eq!(words("''It's done,'' he said. ``Go.''"), ["''", "It", "'s", "done", ",", "''", "he", "said", ".", "``", "Go", ".", "''"]);
    }

    #[test]
    fn punctuation_runs_and_emoticons_are_one_token() {
        assert_eq!(words("Great!!! Really?! No -- never ***** :) ok :-( x:)"), [
            "Great", "!!!", "Really", "?!", "No", "--", "never", "*****", ":)", "ok", ":-(", "x", ":", ")"
        ]);
        assert_eq!(words("20-30 e-mail"), ["20", "-", "30", "e", "-", "mail"]);
    }

    #[test]
    fn domains_and_file_names_are_one_token() {
        assert_eq!(words("Space.com sent Guaranty.doc to alt.animals.cat. Then.The end"), [
            "Space.com", "sent", "Guaranty.doc", "to", "alt.animals.cat", ".", "Then", ".", "The", "end"
        ]);
    }

    #[test]
    fn ordinals_and_ellipsis() {
        assert_eq!(words("the 70th... year"), ["the", "70th", "...", "year"]);
        assert_eq!(tokenize("70th")[0].kind, TokenKind::Alphanumeric);
    }
}
