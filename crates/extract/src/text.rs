//! Scraped text pages: blocks separated by blank lines, judged top to bottom.

use crate::blocks::{boilerplate, breadcrumb, byline_names, caption, copyright_holder, is_prose};
use crate::date::normalize_date;
use crate::squash;
use dossier_doc::{Article, Published, PublishedFrom, Removed, RemovedReason};

/// Splits a text into blocks: paragraphs separated by blank lines; when the text has no
/// blank lines at all, every line is a block.
fn blocks(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let has_blank_lines = text.lines().any(|l| l.trim().is_empty()) && text.trim().contains("\n\n");
    if !has_blank_lines {
        return text.lines().map(squash).filter(|b| !b.is_empty()).collect();
    }
    // A paragraph may wrap over lines, but a share strip or footer line glued to it is
    // its own block ("pdfshareprint" above "Terms of use").
    let mut out = Vec::new();
    for raw in text.split("\n\n") {
        let mut wrapped = String::new();
        for line in raw.lines().map(squash).filter(|l| !l.is_empty()) {
            if boilerplate(&line).is_some() {
                if !wrapped.is_empty() {
                    out.push(std::mem::take(&mut wrapped));
                }
                out.push(line);
            } else {
                if !wrapped.is_empty() {
                    wrapped.push(' ');
                }
                wrapped.push_str(&line);
            }
        }
        if !wrapped.is_empty() {
            out.push(wrapped);
        }
    }
    out
}

/// Text that is already the article body: every block is a paragraph.
pub fn plain(text: &str) -> Article {
    Article::from_paragraphs(blocks(text))
}

/// A scraped page: breadcrumbs, title, byline and date lines at the top; captions,
/// share strips and footers anywhere; the body is the prose between.
pub fn extract(text: &str) -> Article {
    let mut article = Article::default();
    let blocks = blocks(text);
    let last_prose = blocks.iter().rposition(|b| is_prose(b) && boilerplate(b).is_none() && caption(b).is_none());
    let mut seen: Vec<&str> = Vec::new();
    let mut in_footer = false;
    for (i, block) in blocks.iter().enumerate() {
        let removed = |reason| Removed { text: block.clone(), reason };
        if seen.contains(&block.as_str()) {
            let reason = if caption(block).is_some() { RemovedReason::DuplicateCaption } else { RemovedReason::Boilerplate };
            article.removed.push(removed(reason));
            continue;
        }
        seen.push(block);
        if in_footer {
            article.removed.push(removed(RemovedReason::Footer));
            continue;
        }
        if let Some(reason) = boilerplate(block) {
            if reason == RemovedReason::Footer && article.publisher.is_none() {
                article.publisher = copyright_holder(block);
            }
            in_footer = reason == RemovedReason::Footer && last_prose.is_some_and(|l| i > l);
            article.removed.push(removed(reason));
            continue;
        }
        if let Some(c) = caption(block) {
            article.captions.push(c);
            article.removed.push(removed(RemovedReason::Caption));
            continue;
        }
        let before_body = article.paragraphs.is_empty();
        if before_body && article.title.is_none() {
            if let Some(parts) = breadcrumb(block) {
                article.section.extend(parts);
                article.removed.push(removed(RemovedReason::Breadcrumb));
                continue;
            }
            // A lone label above the headline ("Business", "World News") is its section.
            if block.split_whitespace().count() <= 3 && block.split_whitespace().all(|w| w.starts_with(char::is_uppercase)) && !block.ends_with(['.', ':', '!', '?']) && blocks.get(i + 1).is_some_and(|next| is_headline(next)) {
                article.section.push(block.clone());
                article.removed.push(removed(RemovedReason::Breadcrumb));
                continue;
            }
            if is_headline(block) {
                article.title = Some(block.clone());
                article.removed.push(removed(RemovedReason::Title));
                continue;
            }
        }
        if before_body && !is_prose(block) {
            if let Some(reason) = self::metadata_line(block, &mut article) {
                article.removed.push(removed(reason));
                continue;
            }
        }
        if last_prose.is_some_and(|l| i > l) && !is_prose(block) {
            article.removed.push(removed(RemovedReason::Navigation));
            continue;
        }
        if before_body && !is_prose(block) && block.split_whitespace().count() <= 3 {
            article.removed.push(removed(RemovedReason::Navigation));
            continue;
        }
        article.paragraphs.push(block.clone());
    }
    article
}

/// A headline: a short line of several words with no sentence-final period.
fn is_headline(block: &str) -> bool {
    let words = block.split_whitespace().count();
    (3..=30).contains(&words) && !block.ends_with(['.', ':', ';', ',']) && block.chars().count() <= 250
}

/// A byline or date line above the body.
fn metadata_line(block: &str, article: &mut Article) -> Option<RemovedReason> {
    let lower = block.to_lowercase();
    if lower.starts_with("by ") || lower.starts_with("written by") {
        article.byline.extend(byline_names(block));
        return Some(RemovedReason::Byline);
    }
    if let Some(date) = normalize_date(block).filter(|_| block.split_whitespace().count() <= 10) {
        if article.published.is_none() {
            article.published = Some(Published { value: date, from: PublishedFrom::Text });
        }
        return Some(RemovedReason::Dateline);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattened_page() {
        let page = "NewsPolitics\n\nShips seized in the strait\n\nBy Jane Doe\n\n4 October 2024\n\nA caption. Photo: AP / J. Roe\n\nA caption. Photo: AP / J. Roe\n\nThe navy seized two ships on Friday, officials said.\n\nMore followed.\n\nRead more: other stories\n\npdf share print\n\nTerms of use. Privacy policy.\n\nContact";
        let a = extract(page);
        assert_eq!(a.section, ["News", "Politics"]);
        assert_eq!(a.title.as_deref(), Some("Ships seized in the strait"));
        assert_eq!(a.byline, ["Jane Doe"]);
        assert_eq!(a.published.as_ref().unwrap().value, "2024-10-04");
        assert_eq!(a.captions.len(), 1);
        assert_eq!(a.paragraphs, ["The navy seized two ships on Friday, officials said.", "More followed."]);
        let reasons: Vec<RemovedReason> = a.removed.iter().map(|r| r.reason).collect();
        assert!(reasons.contains(&RemovedReason::DuplicateCaption));
        assert!(reasons.contains(&RemovedReason::ShareBar));
        assert!(reasons.contains(&RemovedReason::Related));
        assert_eq!(a.removed.last().unwrap().text, "Contact");
    }

    #[test]
    fn plain_keeps_everything() {
        assert_eq!(plain("One.\n\nTwo\n").paragraphs, ["One.", "Two"]);
    }
}
