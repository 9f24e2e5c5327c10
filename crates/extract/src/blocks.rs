//! Judging one block of text: boilerplate, caption, breadcrumb, byline, or body.

use dossier_doc::{Caption, RemovedReason};

/// Why a block is boilerplate, if it is.
///
/// ```
/// use dossier_doc::RemovedReason;
/// use dossier_extract::blocks::boilerplate;
/// assert_eq!(boilerplate("pdfshareprint"), Some(RemovedReason::ShareBar));
/// assert_eq!(boilerplate("Editor in chief — Kirill Martynov. Terms of use. Privacy policy."), Some(RemovedReason::Footer));
/// assert_eq!(boilerplate("The ministry said six were killed."), None);
/// // Furniture in the other languages of the pages read most, and whole-block words.
/// assert_eq!(boilerplate("Das könnte Dich auch interessieren:"), Some(RemovedReason::Related));
/// assert_eq!(boilerplate("Über den Autor"), Some(RemovedReason::Byline));
/// assert_eq!(boilerplate("Anzeige"), Some(RemovedReason::Advertisement));
/// assert_eq!(boilerplate("Anzeige gegen den Bürgermeister erstattet."), None);
/// // A paywall's appeal.
/// assert_eq!(boilerplate("To view the full story, please subscribe to The Times."), Some(RemovedReason::Newsletter));
/// // An affiliate disclosure.
/// assert_eq!(boilerplate("Anzeige, enthält Affiliate Links"), Some(RemovedReason::Advertisement));
/// // A label over a contact box or further links, standing alone.
/// assert_eq!(boilerplate("Weitere Informationen:"), Some(RemovedReason::Navigation));
/// assert_eq!(boilerplate("Kontakt"), Some(RemovedReason::Navigation));
/// assert_eq!(boilerplate("Kontakt zur Polizei wurde am Abend aufgenommen."), None);
/// ```
pub fn boilerplate(block: &str) -> Option<RemovedReason> {
    let lower = block.to_lowercase();
    let chars = block.chars().count();
    if is_share_strip(&lower) {
        return Some(RemovedReason::ShareBar);
    }
    if chars <= 400 && FOOTER.iter().any(|p| lower.contains(p)) {
        return Some(RemovedReason::Footer);
    }
    if chars <= 300 {
        for (phrases, reason) in SHORT_BOILERPLATE {
            // A block shorter than the phrase can still be all of it, less its colon.
            if phrases.iter().any(|p| lower.starts_with(p) || lower.len() < p.len() && lower == p.trim_end_matches(':')) {
                return Some(*reason);
            }
        }
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
        for (words, reason) in WHOLE_BOILERPLATE {
            if words.contains(&bare) {
                return Some(*reason);
            }
        }
    }
    None
}

const FOOTER: &[&str] = &[
    "terms of use", "terms of service", "terms and conditions", "privacy policy", "all rights reserved", "©",
    "copyright ©", "cookie policy", "editor in chief", "editor-in-chief", "registered in england",
];

/// Openings of short blocks that are the page's furniture, in the languages of the pages
/// dossier reads most (English, German, French, Spanish, Portuguese, Italian): each long
/// enough that no article paragraph is likely to start with it.
const SHORT_BOILERPLATE: &[(&[&str], RemovedReason)] = &[
    (&[
        "share this", "share on", "share article", "share:", "share via", "tweet this", "click to share", "like this:",
        "was this article helpful", "did you find this article", "rate this", "artikel teilen", "beitrag teilen",
        "jetzt teilen", "teilen:", "den artikel mit anderen teilen", "möchten sie den artikel teilen",
        "war der artikel nützlich", "war dieser artikel hilfreich", "gefällt mir", "gefällt ihnen dieser artikel",
        "gefällt dir dieser artikel", "rezept drucken", "valora esta noticia", "partager:", "partager cet article",
        "compartir:", "compartir en", "comparte esta", "compartilhe", "condividi",
    ], RemovedReason::ShareBar),
    (&[
        "read more", "related:", "related articles", "related stories", "related posts", "more on this", "see also",
        "recommended", "most read", "more from", "you may also like", "you might also like", "also read", "read also",
        "read next", "more stories", "explore further", "previous article", "next article", "previous post", "next post",
        "if you enjoyed", "mehr zum thema", "mehr zu diesem thema", "mehr themen", "das könnte dich auch interessieren",
        "das könnte sie auch interessieren", "zum weiterlesen", "weiterlesen", "schon gelesen", "lesen sie auch",
        "lesen sie mehr", "auch interessant", "ähnliche artikel", "ähnliche beiträge", "verwandte artikel",
        "weitere artikel", "weitere beiträge", "vorschau auf den nächsten artikel", "nächster artikel",
        "vorheriger artikel", "zum nächsten artikel", "à lire aussi", "lire aussi", "sur le même sujet", "voir aussi",
        "lee también", "te puede interesar", "noticias relacionadas", "leia também", "leia mais", "leggi anche",
        "articoli correlati",
    ], RemovedReason::Related),
    (&[
        "sign up", "subscribe", "newsletter", "get our newsletter", "join our mailing list", "get the latest",
        "stay up-to-date", "stay up to date", "verpasse keine", "verpassen sie keine", "abonnieren sie",
        "jetzt abonnieren", "abonnez-vous", "suscríbete", "hazte miembro", "assine", "to view the full story",
        "to read the full story", "to continue reading", "already a subscriber", "if you're already a subscriber",
        "if you’re already a subscriber", "support our journalism", "support independent journalism", "download our app",
        "follow us on", "folgen sie uns", "síguenos en",
    ], RemovedReason::Newsletter),
    (&["advertisement", "sponsored", "ad feedback", "story continues below", "anzeige -", "anzeige:", "anzeige, enthält", "*werbung", "werbung:", "werbung, enthält", "enthält affiliate", "this post contains affiliate", "this article contains affiliate"], RemovedReason::Advertisement),
    (&["we use cookies", "this site uses cookies", "by using this site", "accept cookies", "cookie settings", "wir verwenden cookies", "diese website verwendet cookies"], RemovedReason::Cookie),
    (&[
        "comments", "leave a comment", "join the conversation", "show comments", "add a comment", "view comments",
        "kommentare", "kommentar schreiben", "schreibe einen kommentar", "hinterlasse einen kommentar", "commentaires",
        "comentarios", "deja un comentario",
    ], RemovedReason::Comments),
    (&["about the author", "über den autor", "über die autorin", "à propos de l'auteur", "sobre el autor"], RemovedReason::Byline),
    (&["this entry was posted", "aktualisiert am", "erstellt am", "veröffentlicht am", "release date:", "zuletzt aktualisiert"], RemovedReason::Dateline),
];

/// Whole short blocks (their punctuation aside) that are furniture: words too common at
/// the start of a sentence to be matched as openings ("Anzeige", "Teilen").
const WHOLE_BOILERPLATE: &[(&[&str], RemovedReason)] = &[
    // ("share" and "print" alone are share strips already: see `is_share_strip`.)
    (&["teilen", "drucken", "bewerten", "wird geladen", "loading", "partager", "compartir"], RemovedReason::ShareBar),
    (&["anzeige", "werbung", "publicidad", "publicité", "pubblicità", "ad"], RemovedReason::Advertisement),
    (&["beitragsbild", "titelbild", "bild", "foto", "photo"], RemovedReason::Caption),
    // A label over the page's contact box or further links, left standing alone.
    (&["kontakt", "contact", "weitere informationen", "zusatzinformationen", "mehr informationen", "quellenangaben"], RemovedReason::Navigation),
];

/// Words of share and print toolbars, which scrapers often glue together ("pdfshareprint").
const SHARE_WORDS: &[&str] = &[
    "pdf", "share", "print", "email", "e-mail", "mail", "tweet", "twitter", "facebook", "whatsapp", "telegram",
    "linkedin", "reddit", "copy", "link", "save", "comments", "comment", "vk", "viber", "messenger", "pinterest",
    "flipboard", "bluesky", "threads", "x", "sharethis", "url", "bookmark", "listen", "gift",
];

/// A block made only of share words, spaced or glued.
fn is_share_strip(lower: &str) -> bool {
    let compact: String = lower.chars().filter(|c| !c.is_whitespace() && !matches!(c, '|' | '·' | '•' | '/')).collect();
    if compact.is_empty() || compact.len() > 80 || !compact.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
        return false;
    }
    // Segment the letters into share words (dynamic programming over prefixes).
    let n = compact.len();
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for i in 0..n {
        if reach[i] {
            for w in SHARE_WORDS {
                if compact[i..].starts_with(w) {
                    reach[i + w.len()] = true;
                }
            }
        }
    }
    reach[n] && compact.len() >= 4 && compact != "link" && compact != "save"
}

/// A photo caption with its credit, when the block carries a credit label.
///
/// ```
/// let c = dossier_extract::blocks::caption("Soldiers march in Pyongyang. Photo: EPA-EFE / HOW HWEE YOUNG").unwrap();
/// assert_eq!(c.text, "Soldiers march in Pyongyang.");
/// assert_eq!(c.credit.as_deref(), Some("EPA-EFE / HOW HWEE YOUNG"));
/// // German and French labels, after a comma or a copyright sign.
/// let c = dossier_extract::blocks::caption("Die Stimmung in Wolfsburg ist nicht gut. (Foto: Volkswagen)").unwrap();
/// assert_eq!(c.credit.as_deref(), Some("Volkswagen"));
/// assert!(dossier_extract::blocks::caption("Roman Prymula, photo: Archives du Gouvernement").is_some());
/// assert!(dossier_extract::blocks::caption("Das neue Modell wird 1.895 Mal gebaut. © Foto: Skoda").is_some());
/// ```
pub fn caption(block: &str) -> Option<Caption> {
    if block.chars().count() > 500 {
        return None;
    }
    // Every label holds a colon or " by": most blocks hold neither, and skip the search.
    let labelled = block.contains(':') || block.contains(" by");
    for label in CREDIT_LABELS.iter().filter(|_| labelled) {
        if let Some(at) = find_label(block, label) {
            let text = block[..at].trim().trim_end_matches(['(', '[', '|', '—', '-']).trim().to_string();
            let credit = block[at + label.len()..].trim().trim_end_matches([')', ']']).trim().to_string();
            if credit.is_empty() || credit.split_whitespace().count() > 12 {
                continue;
            }
            return Some(Caption { text, credit: Some(credit) });
        }
    }
    // "… in Kyiv on Friday. (Reuters)" / "… Getty Images"
    for agency in ["Getty Images", "AFP via Getty Images", "Reuters/", "AP Photo", "EPA-EFE", "Shutterstock"] {
        if let Some(at) = block.rfind(agency) {
            let credit_start = block[..at].rfind(['.', '(', '|']).map_or(at, |p| p + 1);
            let text = block[..credit_start].trim().trim_end_matches(['(', '|']).trim();
            if text.ends_with('.') || text.is_empty() {
                let credit = block[credit_start..].trim().trim_matches(['(', ')']).trim();
                return Some(Caption { text: text.to_string(), credit: Some(credit.to_string()) });
            }
        }
    }
    None
}

/// Credit labels; each holds a colon or " by", which [`caption`] looks for first (a test checks).
const CREDIT_LABELS: &[&str] = &[
    "Photo credit:", "Photograph:", "Photo:", "Photos:", "Picture:", "Image:", "Credit:", "Illustration:",
    "Photo by", "Photograph by", "Image by", "Video:", "photo:", "Foto:", "Fotos:", "Bild:", "Crédits photos :", "Crédit photo :",
];

/// The byte offset of a credit label that starts a word and follows a sentence or the start.
fn find_label(block: &str, label: &str) -> Option<usize> {
    let at = block.find(label)?;
    let before = block[..at].trim_end();
    (before.is_empty() || before.ends_with(['.', ',', '(', '|', '—', '-', '[', '!', '?', '"', '”', '©'])).then_some(at)
}

/// Breadcrumb parts: "News > Politics", "Home / World", or glued "NewsPolitics".
///
/// ```
/// use dossier_extract::blocks::breadcrumb;
/// assert_eq!(breadcrumb("NewsPolitics").unwrap(), ["News", "Politics"]);
/// assert_eq!(breadcrumb("Home › World › Europe").unwrap(), ["World", "Europe"]);
/// assert!(breadcrumb("Politics").is_none());
/// ```
pub fn breadcrumb(block: &str) -> Option<Vec<String>> {
    if block.chars().count() > 120 {
        return None;
    }
    let parts: Vec<&str> = block.split(['>', '›', '»', '/', '|', '•', '·']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let crumb = |p: &&str| p.split_whitespace().count() <= 4 && p.starts_with(char::is_uppercase) && !p.ends_with('.');
    let parts = if parts.len() >= 2 && parts.iter().all(crumb) {
        parts.into_iter().map(str::to_string).collect::<Vec<_>>()
    } else if !block.contains(char::is_whitespace) && block.chars().all(char::is_alphabetic) {
        split_camel(block)?
    } else {
        return None;
    };
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.eq_ignore_ascii_case("home")).collect();
    (!parts.is_empty()).then_some(parts)
}

/// "NewsPolitics" → News, Politics; needs two or more capitalised words of two letters or more.
fn split_camel(word: &str) -> Option<Vec<String>> {
    let mut parts: Vec<String> = Vec::new();
    for c in word.chars() {
        if c.is_uppercase() || parts.is_empty() {
            parts.push(String::new());
        }
        parts.last_mut().unwrap().push(c);
    }
    let ok = parts.len() >= 2 && parts.iter().all(|p| p.chars().count() >= 2 && p.starts_with(char::is_uppercase));
    ok.then_some(parts)
}

/// Author names from a byline ("By Jane Doe and John Roe, Reuters" → Jane Doe, John Roe),
/// without the outlet, roles or "Minute Read" junk.
///
/// ```
/// use dossier_extract::blocks::byline_names;
/// assert_eq!(byline_names("By Jane Doe and John Roe | 5 Minute Read"), ["Jane Doe", "John Roe"]);
/// assert_eq!(byline_names("Von:Moritz Pieczewski-Freimuth"), ["Moritz Pieczewski-Freimuth"]);
/// assert_eq!(byline_names("Williams Perdomo @wperdomod"), ["Williams Perdomo"]);
/// assert_eq!(byline_names("Christoph Hein Chefredakteur"), ["Christoph Hein"]);
/// assert_eq!(byline_names("孔德明"), ["孔德明"]);
/// assert!(byline_names("By").is_empty() && byline_names("Donnerstag").is_empty() && byline_names("15:25 Uhr").is_empty());
/// ```
pub fn byline_names(byline: &str) -> Vec<String> {
    byline_parts(byline)
        .filter(|p| {
            let words = p.split_whitespace().count();
            let lower = p.to_lowercase();
            // Names are capitalised where the script has case ("孔德明" has none).
            (1..=4).contains(&words)
                && p.chars().count() > 1
                && p.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_alphabetic() && !c.is_lowercase()))
                && !NOT_NAMES.iter().any(|j| lower.contains(j))
                && !NOT_NAMES_WHOLE.contains(&lower.as_str())
        })
        .collect()
}

/// Author names from a field that says it holds them (JSON-LD `author`, `<meta
/// name="author">`, `rel="author"`): whatever the page calls its author is kept, a user
/// name ("gizzmo"), a desk ("Newsdesk") or the site, as long as it is short and no label.
///
/// ```
/// use dossier_extract::blocks::marked_byline_names;
/// assert_eq!(marked_byline_names("freeman1984"), ["freeman1984"]);
/// assert_eq!(marked_byline_names("By Staff Writer"), ["Staff Writer"]);
/// assert!(marked_byline_names("https://example.com/me").is_empty() && marked_byline_names("Author").is_empty());
/// ```
pub fn marked_byline_names(byline: &str) -> Vec<String> {
    byline_parts(byline)
        .filter(|p| {
            let lower = p.to_lowercase();
            (1..=5).contains(&p.split_whitespace().count())
                && p.chars().count() > 1
                && p.chars().any(char::is_alphabetic)
                && !p.contains("://")
                && !p.contains('@')
                && !NOT_NAMES_WHOLE.contains(&lower.as_str())
        })
        .collect()
}

/// The names a byline lists, each trimmed of what surrounds names ("By", roles, handles).
fn byline_parts(byline: &str) -> impl Iterator<Item = String> + '_ {
    let mut text = byline.trim();
    // "By", and its equivalents in the languages pages are written in.
    const PREFIXES: &[&str] = &[
        "Written by ", "Words by ", "Posted by ", "Story by ", "Text by ", "Author: ", "Authors: ", "By: ", "By ", "by ", "BY ",
        "Geschrieben von ", "Autor: ", "Autorin: ", "Autoren: ", "Text: ", "Von ", "von ", "VON ", "Par ", "par ", "Por ", "por ",
        "Door ", "door ", "Di ", "di ", "Av ", "av ", "Auteur: ", "Auteure: ", "Autore: ", "Autora: ", "Texte: ",
    ];
    // The same words glued to a colon: "Von:Moritz Pieczewski-Freimuth".
    fn glued(t: &str) -> Option<&str> {
        PREFIXES.iter().filter_map(|p| p.strip_suffix(' ')).find_map(|p| t.strip_prefix(p.trim_end_matches(':')).and_then(|r| r.strip_prefix(':')))
    }
    while let Some(rest) = PREFIXES.iter().find_map(|p| text.strip_prefix(p)).or_else(|| glued(text)) {
        text = rest.trim_start();
    }
    let text = text.split(['|', '•', '·', '\n']).next().unwrap_or("");
    text.split([',', '&', ';'])
        .flat_map(|p| p.split(" and "))
        // A final period belongs to an initial ("Juan Carlos Muñoz C."), not otherwise.
        .map(|p| {
            let p = p.trim();
            // "Christoph Hein Chefredakteur", "Johanna Kropfitsch Alle Artikel": a role or a link after the name.
            let p = ROLE_AFTER_NAME.iter().find_map(|r| p.strip_suffix(r)).map_or(p, str::trim_end);
            let initial = p.rsplit(' ').next().is_some_and(|w| w.chars().count() == 2 && w.ends_with('.'));
            let p = if initial { p } else { p.trim_end_matches('.').trim() };
            // "Williams Perdomo @wperdomod": a handle beside the name is not part of it.
            p.split_whitespace().filter(|w| !w.starts_with('@')).collect::<Vec<_>>().join(" ")
        })
}

/// Words after a name in a byline that are not part of it.
const ROLE_AFTER_NAME: &[&str] = &[
    "Chefredakteur", "Chefredakteurin", "Redakteur", "Redakteurin", "Alle Artikel", "Alle Beiträge", "All articles", "All posts",
];

/// Bylines that are a label or a day, not a name.
const NOT_NAMES_WHOLE: &[&str] = &[
    "by", "von", "par", "por", "author", "authors", "autor", "autoren", "autorin", "auteur", "auteurs", "autore", "autori",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "phd", "ph.d", "md", "mba", "dr", "prof", "referees", "admin", "administrator",
    "webmaster", "name",
];

const NOT_NAMES: &[&str] = &[
    "minute read", "min read", "email", "staff", "reporter", "correspondent", "editor", "news", "agency",
    "updated", "published", "follow", "twitter", "reuters", "associated press", "afp", "contributor", "writer",
    "more posts", "all posts", "posts by", "view all", "sagt", "says", "comments", "kommentare", "share",
];

/// The outlet named in a copyright line ("© 2025 The Baltic Courier. All rights reserved.").
///
/// ```
/// use dossier_extract::blocks::copyright_holder;
/// assert_eq!(copyright_holder("© 2025 The Baltic Courier. All rights reserved.").as_deref(), Some("The Baltic Courier"));
/// assert_eq!(copyright_holder("Copyright 2019-2024 Harbour News Ltd"), Some("Harbour News Ltd".into()));
/// ```
pub fn copyright_holder(block: &str) -> Option<String> {
    let at = block.find('©').map(|i| i + '©'.len_utf8()).or_else(|| block.find("Copyright").map(|i| i + "Copyright".len()))?;
    // Skip the year or years: "© 2019-2024 Name".
    let rest = block[at..].trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_digit() || matches!(c, '©' | '-' | '–'));
    let name = rest.split(['.', '|', ',', '\n']).next()?.trim();
    let words = name.split_whitespace().count();
    ((1..=6).contains(&words) && name.starts_with(char::is_uppercase) && !name.to_lowercase().contains("all rights")).then(|| name.to_string())
}

/// Whether a block reads as prose: ends like a sentence (two words or more) or is long.
///
/// ```
/// use dossier_extract::blocks::is_prose;
/// assert!(is_prose("Now get prepping!") && is_prose("設定で変更できる箇所も少なく、融通が効かない。"));
/// assert!(!is_prose("Share on Facebook") && !is_prose("新着記事"));
/// ```
pub fn is_prose(block: &str) -> bool {
    let t = block.trim_end();
    // Chinese and Japanese write no spaces between words: a sentence there is ten characters or more.
    let cjk_sentence = t.ends_with(['。', '！', '？', '」', '』']) && t.chars().count() >= 10;
    t.chars().count() >= 120 || t.ends_with(['.', '!', '?', '"', '”', ':', ';', '…']) && t.split_whitespace().count() >= 2 || cjk_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_credit_label_holds_what_caption_looks_for_first() {
        assert!(CREDIT_LABELS.iter().all(|l| l.contains(':') || l.contains(" by")));
    }
}
