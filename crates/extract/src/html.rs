//! HTML pages: metadata from JSON-LD, meta tags and markup; the body from the container
//! whose paragraphs score highest.

use crate::blocks::{boilerplate, breadcrumb, byline_names, caption, copyright_holder, is_prose, marked_byline_names};
use crate::date::normalize_date;
use crate::squash;
use dossier_doc::{Article, Caption, Published, PublishedFrom, Removed, RemovedReason};
use ego_tree::iter::Edge;
use scraper::{node::Node, ElementRef, Html, Selector};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Sets and maps of a page's elements: their ids are small integers, asked after for every
/// element, so they are hashed with FxHash rather than the default SipHash.
type NodeSet = rustc_hash::FxHashSet<ego_tree::NodeId>;
type NodeMap<V> = rustc_hash::FxHashMap<ego_tree::NodeId, V>;

/// The page as a browser without scripts builds it: a `<noscript>` holds markup, not
/// text. Blogger and other templates put the article there for readers without scripts
/// (and in a script template for the others); a reader of the page is one without scripts.
fn parse(text: &str) -> Html {
    use html5ever::tendril::TendrilSink;
    let options = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
        ..Default::default()
    };
    html5ever::parse_document(scraper::HtmlTreeSink::new(Html::new_document()), options).one(text)
}

pub fn extract(text: &str) -> Article {
    let html = parse(&crate::cap_nesting(text));
    let meta = Metadata::read(&html);
    let article = read_body(&html, &meta, &Skips::of(&html, Judged::ByTagAndClass));
    if !article.paragraphs.is_empty() {
        return article;
    }
    // Class names that usually mark furniture sometimes wrap the article itself
    // ("sharingContainer", a paywall box, a live ticker styled as comments): when they
    // leave no body at all, the page is read again with elements judged by tag alone.
    let by_tag = read_body(&html, &meta, &Skips::of(&html, Judged::ByTag));
    if by_tag.paragraphs.is_empty() { article } else { by_tag }
}

/// The article of a parsed page, its boilerplate judged by `skips`.
fn read_body(html: &Html, meta: &Metadata, skips: &Skips) -> Article {
    let mut article = Article {
        language: html.root_element().attr("lang").map(|l| l.trim().to_string()).filter(|l| !l.is_empty()),
        publisher: meta.publisher.clone(),
        section: meta.section.clone(),
        byline: meta.byline.clone(),
        published: meta.published.clone(),
        ..Article::default()
    };
    let containers = containers(html, skips);
    let mut walker = Walker::new(skips);
    for &container in &containers {
        walker.walk(container);
        walker.flush();
    }
    // Everything else on the page is removed too, and listed with why.
    let mut outside = Walker { outside: Some(RemovedReason::Boilerplate), containers: containers.iter().map(|c| c.id()).collect(), ..Walker::new(skips) };
    if let Some(body) = html.select(selector("body")).next() {
        outside.walk(body);
        outside.flush();
    }
    if article.publisher.is_none() {
        article.publisher = outside.removed.iter().filter(|r| r.reason == RemovedReason::Footer).find_map(|r| copyright_holder(&r.text));
    }
    article.removed.extend(outside.removed);
    let title = meta.title.clone().or_else(|| walker.h1.clone());
    article.captions = figcaptions(html);
    assemble(&mut article, walker, title.as_deref());
    article.title = title;
    article
}

/// Turns walked blocks into paragraphs, captions and removed blocks.
fn assemble(article: &mut Article, walker: Walker, title: Option<&str>) {
    let last_prose = walker.blocks.iter().rposition(|b| is_prose(&b.text) && b.link_share() < 0.5 && boilerplate(&b.text).is_none());
    let mut seen: Vec<String> = Vec::new();
    let title = title.map(squash);
    article.removed.extend(walker.removed);
    for (i, block) in walker.blocks.into_iter().enumerate() {
        let text = block.text.clone();
        // A caption printed twice is one caption; other repeated lines ("Pre-Workout Meal" in
        // each day of a meal plan, "Answer:") are the article's own structure.
        let credited = caption(&text);
        let reason = if credited.is_some() && seen.contains(&text) {
            Some(RemovedReason::DuplicateCaption)
        } else if let Some(c) = credited.filter(|_| !is_prose_without_credit(&text)) {
            if !article.captions.contains(&c) {
                article.captions.push(c);
            }
            Some(RemovedReason::Caption)
        } else if title.as_deref() == Some(text.as_str()) {
            Some(RemovedReason::Title)
        } else if let Some(reason) = boilerplate(&text) {
            Some(reason)
        } else if block.link_share() > 0.5 && text.chars().count() < 300 {
            Some(RemovedReason::Related)
        } else if article.paragraphs.is_empty() && !is_prose(&text) && text.to_lowercase().starts_with("by ") {
            if article.byline.is_empty() {
                article.byline = byline_names(&text);
            }
            Some(RemovedReason::Byline)
        } else if text.split_whitespace().count() <= 10 && !is_prose(&text) && (article.paragraphs.len() <= 2 || is_date_label(&text)) && normalize_date(&text).is_some() {
            Some(RemovedReason::Dateline)
        } else if last_prose.is_none_or(|l| i > l) && !is_prose(&text) && !(block.link_chars == 0 && text.split_whitespace().count() >= 6) {
            // Short lines and links after the last sentence are the page's furniture; six
            // words or more with no link are still the article (a list of ingredients).
            Some(RemovedReason::Navigation)
        } else {
            None
        };
        seen.push(text.clone());
        match reason {
            Some(reason) => article.removed.push(Removed { text, reason }),
            None => article.paragraphs.push(text),
        }
    }
}

/// A line that labels a date as the page's ("Stand: 5. Februar 2020", "Updated: …"),
/// wherever it stands.
fn is_date_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["stand:", "aktualisiert:", "aktualisiert am", "updated:", "last updated", "published:", "veröffentlicht:", "actualizado:", "mis à jour"].iter().any(|l| lower.starts_with(l))
}

/// A long paragraph that merely mentions "Photo:" is still prose.
fn is_prose_without_credit(text: &str) -> bool {
    text.chars().count() > 300
}

fn figcaptions(html: &Html) -> Vec<Caption> {
    let mut out: Vec<Caption> = Vec::new();
    for fig in html.select(selector("figcaption")) {
        let credit_text: String = fig
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| class_tokens(e).iter().any(|t| matches!(&**t, "credit" | "copyright" | "source" | "attribution")))
            .map(|e| squash(&e.text().collect::<String>()))
            .next()
            .unwrap_or_default();
        let all = squash(&fig.text().collect::<String>());
        let c = if !credit_text.is_empty() {
            let text = squash(&all.replace(&credit_text, ""));
            let credit = credit_text.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string();
            let credit = ["Photo:", "Photograph:", "Credit:", "Image:"].iter().fold(credit, |c, l| c.trim_start_matches(l).trim().to_string());
            Caption { text, credit: Some(credit) }
        } else {
            caption(&all).unwrap_or(Caption { text: all, credit: None })
        };
        if !c.text.is_empty() && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn selector(css: &'static str) -> &'static Selector {
    static CACHE: OnceLock<std::sync::Mutex<HashMap<&'static str, &'static Selector>>> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().expect("selector cache poisoned");
    cache.entry(css).or_insert_with(|| Box::leak(Box::new(Selector::parse(css).expect("valid selector"))))
}

/// The attributes by which a page says what an element holds, read in one pass: looking
/// each up by name costs more than reading them all, and every element of a page is asked.
/// An attribute the element lacks reads as "".
#[derive(Default)]
struct Marks<'a> {
    class: &'a str,
    id: &'a str,
    role: &'a str,
    itemprop: &'a str,
    rel: &'a str,
    href: &'a str,
    aria_label: &'a str,
}

impl<'a> Marks<'a> {
    fn of(e: &ElementRef<'a>) -> Marks<'a> {
        let mut marks = Marks::default();
        for (name, value) in e.value().attrs() {
            match name {
                "class" => marks.class = value,
                "id" => marks.id = value,
                "role" => marks.role = value,
                "itemprop" => marks.itemprop = value,
                "rel" => marks.rel = value,
                "href" => marks.href = value,
                "aria-label" => marks.aria_label = value,
                _ => {}
            }
        }
        marks
    }

    /// Whether one of the element's classes is `name` (CSS `.name`, case kept).
    fn has_class(&self, name: &str) -> bool {
        self.class.split_ascii_whitespace().any(|c| c == name)
    }

    /// Whether the class attribute holds any of `parts` (CSS `[class*=…]`, case kept).
    fn class_holds(&self, parts: &[&str]) -> bool {
        parts.iter().any(|p| self.class.contains(p))
    }
}

/// Lower-cased words of an element's class and id ("article-share_bar" → article, share, bar).
/// A heading's id is left out: it is an anchor for links to the heading ("#nav_nur_die_folie"),
/// named after its text, not a role the page gives it.
/// A word already in lower case is borrowed, not copied: most are, and every element is asked.
fn class_tokens<'a>(e: &ElementRef<'a>) -> Vec<Cow<'a, str>> {
    let marks = Marks::of(e);
    let id = if matches!(e.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") { "" } else { marks.id };
    let mut out = Vec::new();
    for attr in [marks.class, id, marks.role] {
        let words = attr.split(|c: char| c.is_whitespace() || c == '-' || c == '_').filter(|t| !t.is_empty());
        out.extend(words.map(|t| if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { Cow::Borrowed(t) } else { Cow::Owned(t.to_lowercase()) }));
    }
    out
}

/// Whether the page marks an element as its author's name (CSS `[rel=author],
/// [itemprop=author], .vcard .fn`; `rel` is matched ignoring case, as CSS does in HTML).
fn marked_author(e: &ElementRef, marks: &Marks) -> bool {
    marks.rel.eq_ignore_ascii_case("author")
        || marks.itemprop == "author"
        || marks.has_class("fn") && e.ancestors().filter_map(ElementRef::wrap).any(|a| Marks::of(&a).has_class("vcard"))
}

/// Whether an element may hold the byline: marked as the author, named for one
/// (`[class*=author]`, `[class*=byline]`, a `<byline>`), or a link to an author's page.
fn marks_byline(e: &ElementRef) -> bool {
    let marks = Marks::of(e);
    let name = e.value().name();
    marks.class_holds(&["author", "Author", "byline", "Byline"])
        || name == "byline"
        || name == "a" && ["/author/", "/autor/", "/authors/"].iter().any(|p| marks.href.contains(p))
        || marked_author(e, &marks)
}

/// Whether an element says it holds a date: a `<time>`, or a class, id or itemprop that
/// names a date, a publication or the post's meta line.
fn marks_date(e: &ElementRef) -> bool {
    let marks = Marks::of(e);
    e.value().name() == "time"
        || marks.class_holds(&["date", "Date", "time", "publish", "publicat", "posted", "meta", "byline", "info"])
        || marks.id.contains("date")
        || marks.itemprop.contains("date")
}

/// Whether an element says it holds the breadcrumb trail (CSS `[class*=breadcrumb],
/// [id*=breadcrumb], nav[aria-label*=readcrumb]`).
fn marks_breadcrumb(e: &ElementRef) -> bool {
    let marks = Marks::of(e);
    marks.class.contains("breadcrumb") || marks.id.contains("breadcrumb") || e.value().name() == "nav" && marks.aria_label.contains("readcrumb")
}

/// The elements of a page that `marked` picks, in document order.
fn elements_marked<'a>(html: &'a Html, marked: fn(&ElementRef) -> bool) -> impl Iterator<Item = ElementRef<'a>> {
    html.root_element().descendants().filter_map(ElementRef::wrap).filter(move |e| marked(e))
}

/// Elements whose text is never read, nor listed as removed: code, templates, and ruby's
/// readings ("<ruby>子<rt>こ</rt></ruby>"), a pronunciation aid inside the sentence.
const UNREAD: &[&str] = &["script", "style", "noscript", "template", "svg", "head", "rt", "rp"];

/// Elements never part of an article body.
fn skipped_tag(name: &str) -> Option<RemovedReason> {
    Some(match name {
        "script" | "style" | "template" | "svg" | "iframe" | "object" | "embed" | "canvas" | "select" | "rt" | "rp"
        | "button" | "input" | "textarea" | "head" | "link" | "meta" | "video" | "audio" | "picture" | "img" => RemovedReason::Boilerplate,
        "nav" | "menu" => RemovedReason::Navigation,
        "footer" => RemovedReason::Footer,
        "aside" => RemovedReason::Related,
        "form" => RemovedReason::Newsletter,
        _ => return None,
    })
}

/// Why an element's class or id marks it as boilerplate, if it does.
fn skipped_class(e: &ElementRef) -> Option<RemovedReason> {
    let tokens = class_tokens(e);
    if tokens.iter().any(|t| matches!(&**t, "article" | "body" | "content" | "main" | "story" | "entry" | "text" | "post")) {
        return None;
    }
    // `id="read_more"`: an expander that folds the rest of the article away, not a list
    // of more stories (its own "Read More" link is short text that blocks judge).
    if tokens.iter().any(|t| t == "read") && tokens.iter().any(|t| t == "more") {
        return None;
    }
    // A privacy notice is a cookie notice by another name (but a privacy page's body is not).
    if tokens.iter().any(|t| t == "privacy") && tokens.iter().any(|t| matches!(&**t, "notice" | "banner" | "popup" | "overlay" | "layer" | "hint" | "bar")) {
        return Some(RemovedReason::Cookie);
    }
    tokens.iter().find_map(|t| {
        // Strong words also inside compound class names ("commentlist", "sharedaddy"). The
        // tokens are short and each is asked for every stem: comparing windows costs less
        // than setting up `str::contains`'s searcher each time.
        for (stem, reason) in STRONG_STEMS {
            if t.len() >= stem.len() && t.as_bytes().windows(stem.len()).any(|w| w == stem.as_bytes()) && !t.starts_with("commentary") {
                return Some(*reason);
            }
        }
        Some(match &**t {
            "share" | "sharing" | "social" | "sharebar" | "toolbar" => RemovedReason::ShareBar,
            "related" | "recommended" | "recommendations" | "outbrain" | "taboola" | "more" | "tags" | "trending" | "popular" => RemovedReason::Related,
            "comment" | "comments" | "disqus" => RemovedReason::Comments,
            "newsletter" | "subscribe" | "subscription" | "signup" | "paywall" | "promo" => RemovedReason::Newsletter,
            "ad" | "ads" | "advert" | "advertisement" | "advertiser" | "sponsored" | "dfp" | "disclosure" | "disclaimer" => RemovedReason::Advertisement,
            "cookie" | "cookies" | "consent" | "gdpr" => RemovedReason::Cookie,
            "footer" => RemovedReason::Footer,
            "nav" | "navigation" | "menu" | "navbar" | "sidebar" | "masthead" | "header" => RemovedReason::Navigation,
            "breadcrumb" | "breadcrumbs" => RemovedReason::Breadcrumb,
            "byline" | "author" | "dateline" | "timestamp" => RemovedReason::Byline,
            "caption" | "figcaption" | "credit" => RemovedReason::Caption,
            "modal" | "popup" | "overlay" | "hidden" => RemovedReason::Boilerplate,
            _ => return None,
        })
    })
}

const STRONG_STEMS: &[(&str, RemovedReason)] = &[
    ("comment", RemovedReason::Comments),
    ("disqus", RemovedReason::Comments),
    ("related", RemovedReason::Related),
    ("outbrain", RemovedReason::Related),
    ("taboola", RemovedReason::Related),
    ("newsletter", RemovedReason::Newsletter),
    ("sharing", RemovedReason::ShareBar),
    ("sharedaddy", RemovedReason::ShareBar),
    ("social", RemovedReason::ShareBar),
    ("breadcrumb", RemovedReason::Breadcrumb),
    ("cookie", RemovedReason::Cookie),
    ("sidebar", RemovedReason::Navigation),
    ("navbar", RemovedReason::Navigation),
];

/// What judges an element boilerplate.
#[derive(Clone, Copy, PartialEq)]
enum Judged {
    ByTagAndClass,
    ByTag,
}

fn skip_reason(e: &ElementRef, judged: Judged) -> Option<RemovedReason> {
    // A <form> around the whole page (ASP.NET's) is no newsletter box: read by tag alone,
    // a page's forms are read too.
    let tag = skipped_tag(e.value().name()).filter(|_| judged == Judged::ByTagAndClass || e.value().name() != "form");
    let silent = UNREAD.contains(&e.value().name());
    let class = if silent || judged == Judged::ByTag || opens_a_sentence(e) { None } else { skipped_class(e) };
    class.or(tag).or_else(|| is_hidden(e).then_some(RemovedReason::Boilerplate))
}

/// An inline element that a paragraph's sentence runs on from ("<p><span class=dateline>KOBE –
/// </span>A total of …"): part of the sentence, whatever its class says.
fn opens_a_sentence(e: &ElementRef) -> bool {
    INLINE.contains(&e.value().name())
        && e.parent().and_then(ElementRef::wrap).is_some_and(|p| {
            p.value().name() == "p" && e.next_siblings().any(|n| n.value().as_text().is_some_and(|t| t.trim().chars().count() >= 20))
        })
}

/// Whether the page hides an element from its readers.
fn is_hidden(e: &ElementRef) -> bool {
    e.value().attrs().any(|(name, value)| match name {
        "hidden" => true,
        "aria-hidden" => value == "true",
        "style" => hides(value),
        _ => false,
    })
}

/// Whether an inline style hides its element ("display: none", spaces anywhere after the
/// property's name). Most styles never name `display`, and are passed without a copy.
fn hides(style: &str) -> bool {
    style.contains("display") && style.replace(' ', "").contains("display:none")
}

/// The boilerplate elements of a page, judged once: by tag and class, except that an
/// element holding several substantial paragraphs is never boilerplate (sites wrap whole
/// articles in a `<form>` or a `class="modal-wrapper"`). Such an element is only spared:
/// its paragraphs count for less when the article's container is chosen, so a pop-up the
/// page's classes mark does not outweigh the article beside it.
struct Skips {
    skipped: NodeMap<RemovedReason>,
    spared: NodeSet,
}

impl Skips {
    fn of(html: &Html, judged: Judged) -> Skips {
        let (mut map, mut spared) = (NodeMap::default(), NodeSet::default());
        for node in html.tree.nodes() {
            let Some(e) = ElementRef::wrap(node) else { continue };
            let Some(reason) = skip_reason(&e, judged) else { continue };
            let silent = UNREAD.contains(&e.value().name()) || matches!(e.value().name(), "iframe" | "object" | "embed" | "canvas" | "select" | "button" | "input" | "textarea");
            // Comments, related-story lists, cookie notices and what the page hides hold long
            // paragraphs too, but never the article.
            let never_article = matches!(reason, RemovedReason::Comments | RemovedReason::Related | RemovedReason::Cookie) || is_hidden(&e);
            if silent || never_article || !holds_article_text(&e) {
                map.insert(e.id(), reason);
            } else {
                spared.insert(e.id());
            }
        }
        // A section that opens with a related-stories heading ("You may also like") is the
        // related stories, whatever its own class says.
        let sections: Vec<ego_tree::NodeId> = map
            .iter()
            .filter(|&(id, reason)| *reason == RemovedReason::Related && html.tree.get(*id).and_then(ElementRef::wrap).is_some_and(|h| matches!(h.value().name(), "h2" | "h3" | "h4")))
            .filter_map(|(&id, _)| {
                let heading = html.tree.get(id)?;
                let parent = ElementRef::wrap(heading.parent()?)?;
                let first = parent.children().filter_map(ElementRef::wrap).find(|c| c.text().any(|t| !t.trim().is_empty()))?;
                (first.id() == id && !matches!(parent.value().name(), "body" | "html" | "main")).then_some(parent.id())
            })
            .collect();
        for id in sections {
            map.entry(id).or_insert(RemovedReason::Related);
        }
        Skips { skipped: map, spared }
    }

    fn get(&self, e: &ElementRef) -> Option<RemovedReason> {
        self.skipped.get(&e.id()).copied()
    }

    /// Whether the element is skipped, or inside one that is (as [`Skips::inside_spared`]).
    fn inside_skipped(&self, e: &ElementRef) -> bool {
        self.skipped.contains_key(&e.id()) || e.ancestors().any(|a| self.skipped.contains_key(&a.id()))
    }

    fn inside_spared(&self, e: &ElementRef) -> bool {
        !self.spared.is_empty() && (self.spared.contains(&e.id()) || e.ancestors().any(|a| self.spared.contains(&a.id())))
    }
}

/// The text an element holds directly (its text nodes and inline children, not its
/// blocks), and how many of its characters are link text.
fn own_text(e: &ElementRef) -> (String, usize) {
    let mut text = String::new();
    let mut links = 0;
    for c in e.children() {
        match c.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(el) if INLINE.contains(&el.name()) => {
                let inner: String = ElementRef::wrap(c).iter().flat_map(readable_text).collect();
                if el.name() == "a" {
                    links += inner.chars().count();
                }
                text.push_str(&inner);
            }
            _ => text.push(' '),
        }
    }
    (squash(&text), links)
}

/// An element's text for a reader: none of the text the walker never reads (`UNREAD`: the
/// code of a script or style inside it — an ad's obfuscated script in a `<span>` is all
/// commas — or ruby's readings).
fn readable_text<'a>(e: &ElementRef<'a>) -> impl Iterator<Item = &'a str> {
    e.descendants().filter_map(|n| {
        let text = n.value().as_text()?;
        let unread = n.parent().and_then(|p| p.value().as_element().map(|el| UNREAD.contains(&el.name()))).unwrap_or(false);
        (!unread).then_some(&**text)
    })
}

/// How many characters of an element's text are inside links.
fn link_chars(e: &ElementRef) -> usize {
    inside(e, "a").map(|a| a.text().map(|t| t.chars().count()).sum::<usize>()).sum()
}

/// The elements named `name` inside `e` (not `e` itself), in document order: CSS `e name`
/// without a selector's matching machinery, for the questions asked of every block.
fn inside<'a>(e: &ElementRef<'a>, name: &'static str) -> impl Iterator<Item = ElementRef<'a>> {
    e.descendants().skip(1).filter_map(ElementRef::wrap).filter(move |d| d.value().name() == name)
}

/// Three or more paragraphs of 80+ characters that are not mostly links, or one long
/// paragraph of prose (several written as one, with `<br><br>` between them).
fn holds_article_text(e: &ElementRef) -> bool {
    let mut prose = inside(e, "p").filter_map(|p| {
        let len: usize = p.text().map(|t| t.chars().count()).sum();
        if len < 80 {
            return None;
        }
        let links = link_chars(&p);
        (links * 3 < len).then_some((len, links))
    });
    let mut count = 0;
    prose.any(|(len, links)| {
        count += 1;
        count == 3 || len >= 600 && links * 10 < len
    })
}

/// Whether an element holds text and inline elements only: a paragraph, whatever its tag.
fn holds_only_inline(e: &ElementRef) -> bool {
    e.children().all(|c| match c.value() {
        Node::Element(el) => INLINE.contains(&el.name()) || el.name() == "br",
        _ => true,
    })
}

/// The element(s) holding the article: the best-scoring parent of paragraphs, plus its
/// siblings that score well too (articles split over several containers).
fn containers<'h>(html: &'h Html, skips: &Skips) -> Vec<ElementRef<'h>> {
    let mut scores: NodeMap<f64> = NodeMap::default();
    for e in html.tree.nodes().filter_map(ElementRef::wrap) {
        let name = e.value().name();
        let only_inline = holds_only_inline(&e);
        // A paragraph, or a <div> written as one, scores for its parent; text written
        // straight into a container beside its blocks scores for the container itself.
        let paragraph = matches!(name, "p" | "pre" | "blockquote" | "li" | "h2" | "h3")
            || matches!(name, "div" | "section" | "td") && only_inline;
        if !paragraph && !matches!(name, "div" | "section" | "article" | "td" | "main") || skips.inside_skipped(&e) {
            continue;
        }
        let (text, links) = if paragraph {
            let links = link_chars(&e);
            (squash(&readable_text(&e).collect::<String>()), links)
        } else {
            own_text(&e)
        };
        let len = text.chars().count();
        if len < 25 || links * 2 > len {
            continue;
        }
        // A block inside a link (a teaser card wrapped in its <a>) is all link text.
        if e.ancestors().any(|a| a.value().as_element().is_some_and(|el| el.name() == "a")) {
            continue;
        }
        let weight = if name == "p" || !paragraph { 1.0 } else { 0.5 } * if skips.inside_spared(&e) { 0.2 } else { 1.0 };
        let score = weight * (1.0 + text.matches(',').count() as f64 + (len as f64 / 100.0).min(3.0));
        let mut targets = std::iter::once(e).filter(|_| !paragraph).chain(e.ancestors().filter_map(ElementRef::wrap));
        if let Some(first) = targets.next() {
            *scores.entry(first.id()).or_default() += score;
            if let Some(second) = targets.next() {
                *scores.entry(second.id()).or_default() += score / 2.0;
            }
        }
    }
    let Some((&best_id, &best)) = scores.iter().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0))) else {
        return html.select(selector("body")).collect();
    };
    let scored_best = best_id;
    let mut best_id = best_id;
    // An only child (with text) stands for its parent: the parent's siblings are the article's other parts.
    while let Some(parent) = html.tree.get(best_id).and_then(|n| n.parent()) {
        // Empty elements (spacers, an aria-hidden <aside>) do not count as siblings.
        let element_children = parent
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.text().any(|t| !t.trim().is_empty()))
            .count();
        let parent_is_page = ElementRef::wrap(parent).is_none_or(|p| matches!(p.value().name(), "body" | "html"));
        if element_children != 1 || parent_is_page {
            break;
        }
        best_id = parent.id();
    }
    let best = scores.get(&best_id).copied().unwrap_or(best).max(best);
    let best_node = html.tree.get(best_id).expect("scored node exists");
    let Some(parent) = best_node.parent() else { return vec![ElementRef::wrap(best_node).unwrap()] };
    let threshold = (best * 0.2).max(5.0);
    let mut chosen: Vec<ElementRef> = parent
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.id() == best_id || skips.get(e).is_none() && (scores.get(&e.id()).is_some_and(|&s| s >= threshold) || is_paragraph_sibling(e)))
        .collect();
    // An article cut into parts of one kind elsewhere in the layout ("div.story-text" in
    // each row, a "div.content_body" per heading): the twins of the paragraphs' parent
    // that scored best (before it stood for its ancestors), the same tag and class with
    // paragraphs of their own, anywhere in the page's body.
    let scored = html.tree.get(scored_best).and_then(ElementRef::wrap).expect("scored nodes are elements");
    // A bare wrapper ("div.step-copy > div > p") is one of its classed parent's kind.
    let container = std::iter::once(scored).chain(scored.parent().and_then(ElementRef::wrap)).find(|e| e.attr("class").is_some_and(|c| !c.trim().is_empty())).unwrap_or(scored);
    // What is chosen (a set, so that a page of thousands of chosen parts stays linear).
    let mut chosen_ids: NodeSet = chosen.iter().map(|c| c.id()).collect();
    if let (Some(class), Some(body)) = (container.attr("class").filter(|c| !c.trim().is_empty()), html.select(selector("body")).next()) {
        // A twin is neither what is chosen already nor anything enclosing it.
        let mut enclosing = NodeSet::default();
        for c in &chosen {
            for a in c.ancestors() {
                if !enclosing.insert(a.id()) {
                    break;
                }
            }
        }
        let twins: Vec<ElementRef> = body
            .descendants()
            .filter_map(ElementRef::wrap)
            // The same kind of box may be written as another box tag ("span.body-text" in one
            // block, "div.body-text" in the next).
            .filter(|e| (e.value().name() == container.value().name() || [e.value().name(), container.value().name()].iter().all(|n| matches!(*n, "div" | "section" | "span"))) && e.attr("class").is_some_and(|c| same_kind(c, class)))
            .filter(|e| scores.contains_key(&e.id()) && !skips.inside_skipped(e))
            .filter(|e| !chosen_ids.contains(&e.id()) && !enclosing.contains(&e.id()) && !e.ancestors().any(|a| chosen_ids.contains(&a.id())))
            .collect();
        chosen_ids.extend(twins.iter().map(|t| t.id()));
        chosen.extend(twins);
        // Node ids follow the document's order.
        chosen.sort_by_key(|e| e.id());
    }
    // Paragraphs written straight into the blocks around the container, up to three
    // levels above it: a bold lead before the text's wrapper, a line after the columns of
    // a blog's layout, and after it, text written into a <div> (the article's body after
    // a lead that scored higher in the article's header).
    let around: Vec<ElementRef> = {
        let first = chosen[0];
        let mut levels = Vec::new();
        for a in first.ancestors().filter_map(ElementRef::wrap).take(3) {
            if matches!(a.value().name(), "body" | "html") || skips.get(&a).is_some() {
                break;
            }
            levels.push(a);
        }
        levels
            .iter()
            .flat_map(|a| a.children().filter_map(ElementRef::wrap))
            .filter(|e| (e.value().name() == "p" || e.value().name() == "div" && e.id() > first.id() && holds_only_inline(e)) && !chosen_ids.contains(&e.id()) && skips.get(e).is_none() && is_paragraph_sibling(e))
            .collect()
    };
    if !around.is_empty() {
        chosen.extend(around);
        chosen.sort_by_key(|e| e.id());
    }
    if let Some(lead) = standfirst(&chosen[0], skips) {
        chosen.insert(0, lead);
    }
    chosen
}

/// Whether two class attributes name one kind of element: the classes of one are all
/// among the other's ("step-copy" and "step-copy has-no-title").
fn same_kind(a: &str, b: &str) -> bool {
    let within = |x: &str, y: &str| x.split_whitespace().all(|c| y.split_whitespace().any(|d| d == c));
    within(a, b) || within(b, a)
}

/// The article's standfirst when it stands before the container, outside it ("p.lead",
/// "div.entry-excerpt", "header > p.ts-intro", "p.news-description"): an element so classed, of prose rather
/// than links, in the container's <article> or within four levels above it. An American
/// "dek" is left out: it is a headline's second line more than the article's opening (AEB's
/// bodies leave it out, and trafilatura's gold keeps leads).
fn standfirst<'h>(first: &ElementRef<'h>, skips: &Skips) -> Option<ElementRef<'h>> {
    let above = || first.ancestors().filter_map(ElementRef::wrap);
    let scope = above().find(|a| a.value().name() == "article").or_else(|| above().nth(3))?;
    let first_within: Vec<ego_tree::NodeId> = above().map(|a| a.id()).collect();
    scope
        .descendants()
        .filter_map(ElementRef::wrap)
        .take_while(|e| e.id() < first.id())
        .filter(|e| e.attr("class").is_some() || e.attr("id").is_some())
        .filter(|e| class_tokens(e).iter().any(|t| matches!(&**t, "lead" | "leader" | "intro" | "excerpt" | "standfirst" | "teaser" | "abstract" | "description")))
        .filter(|e| !first_within.contains(&e.id()))
        // The article's own header may be judged navigation, not what it holds.
        .filter(|e| {
            let header = |a: &ElementRef| a.value().name() == "header" || class_tokens(a).iter().any(|t| t == "header");
            skips.get(e).is_none() && e.ancestors().take_while(|a| a.id() != scope.id()).filter_map(ElementRef::wrap).all(|a| skips.get(&a).is_none() || header(&a))
        })
        .find(|e| {
            let len = squash(&e.text().collect::<String>()).chars().count();
            len >= 40 && link_chars(e) * 4 < len
        })
}

/// A sibling of the article's container that is itself a paragraph of the article:
/// long with few links, or short with none and ending like a sentence (as readability).
fn is_paragraph_sibling(e: &ElementRef) -> bool {
    if !matches!(e.value().name(), "p" | "div" | "blockquote" | "ul" | "ol" | "h2" | "h3" | "h4" | "pre" | "table") {
        return false;
    }
    let text = squash(&e.text().collect::<String>());
    let len = text.chars().count();
    let links = link_chars(e);
    len >= 80 && links * 4 < len || len > 0 && links == 0 && text.ends_with(['.', '!', '?', ':', '…', '。', '！', '？'])
}

#[derive(Debug, Default)]
struct Block {
    text: String,
    link_chars: usize,
}

impl Block {
    fn link_share(&self) -> f64 {
        self.link_chars as f64 / self.text.chars().count().max(1) as f64
    }
}

/// Walks a container, cutting its text into blocks at block-level elements.
struct Walker<'s> {
    skips: &'s Skips,
    blocks: Vec<Block>,
    removed: Vec<Removed>,
    buffer: String,
    link_chars: usize,
    h1: Option<String>,
    /// When walking outside the article: every block is removed, for this reason.
    outside: Option<RemovedReason>,
    /// The article's containers, not walked when walking outside them.
    containers: Vec<ego_tree::NodeId>,
}

const INLINE: &[&str] = &[
    "a", "span", "em", "strong", "b", "i", "u", "s", "sup", "sub", "small", "abbr", "cite", "q", "time", "mark",
    "font", "code", "kbd", "var", "dfn", "bdi", "bdo", "data", "ins", "del", "wbr", "label", "ruby",
];

impl<'s> Walker<'s> {
    fn new(skips: &'s Skips) -> Walker<'s> {
        Walker {
            skips,
            blocks: Vec::new(),
            removed: Vec::new(),
            buffer: String::new(),
            link_chars: 0,
            h1: None,
            outside: None,
            containers: Vec::new(),
        }
    }

    fn flush(&mut self) {
        let text = squash(&self.buffer);
        if !text.is_empty() {
            match self.outside {
                Some(reason) => self.removed.push(Removed { text, reason }),
                None => self.blocks.push(Block { text, link_chars: self.link_chars }),
            }
        }
        self.buffer.clear();
        self.link_chars = 0;
    }

    /// Walks the subtree under `root` iteratively (pages nest tens of thousands deep).
    fn walk(&mut self, root: ElementRef) {
        // The element whose subtree is being passed over, and how many links enclose us.
        let mut skipping: Option<ego_tree::NodeId> = None;
        let mut links = 0usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if skipping.is_none() && node.id() != root.id() => match node.value() {
                    Node::Text(t) => {
                        if links > 0 {
                            self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                        }
                        self.buffer.push_str(t);
                    }
                    Node::Element(_) => {
                        let e = ElementRef::wrap(node).expect("element node");
                        if self.open(e) {
                            skipping = Some(e.id());
                        } else if e.value().name() == "a" {
                            links += 1;
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    } else if skipping.is_none() && node.id() != root.id() {
                        if let Some(e) = ElementRef::wrap(node) {
                            match e.value().name() {
                                "a" => links = links.saturating_sub(1),
                                n if INLINE.contains(&n) || n == "br" => {}
                                _ => self.flush(),
                            }
                        }
                    }
                }
                Edge::Open(_) => {}
            }
        }
    }

    /// Handles an element's start; returns true when its subtree is to be passed over.
    fn open(&mut self, e: ElementRef) -> bool {
        let name = e.value().name();
        if self.containers.contains(&e.id()) {
            self.flush();
            return true;
        }
        let figure = (name == "figure" || name == "figcaption").then_some(RemovedReason::Caption);
        if let Some(reason) = self.skips.get(&e).or(figure) {
            // Captions are read from the markup by `figcaptions`; here they only leave the body.
            if UNREAD.contains(&name) {
                return true;
            }
            let text = squash(&e.text().collect::<String>());
            if text.chars().count() >= 2 {
                self.flush();
                self.removed.push(Removed { text, reason });
            }
            return true;
        }
        match name {
            "br" => self.buffer.push('\n'),
            "h1" => {
                self.flush();
                let text = squash(&e.text().collect::<String>());
                self.h1.get_or_insert(text.clone());
                self.removed.push(Removed { text, reason: RemovedReason::Title });
                return true;
            }
            n if INLINE.contains(&n) => {}
            _ => self.flush(),
        }
        false
    }
}

/// What the page says about itself: JSON-LD first, then meta tags, then markup.
#[derive(Debug, Default)]
struct Metadata {
    title: Option<String>,
    publisher: Option<String>,
    section: Vec<String>,
    byline: Vec<String>,
    published: Option<Published>,
}

impl Metadata {
    fn read(html: &Html) -> Metadata {
        let mut meta = Metadata::default();
        // The page's texts, walked once and only when a fallback needs them.
        let text_cell = std::cell::OnceCell::new();
        let texts = || text_cell.get_or_init(|| text_nodes(html)).as_slice();
        let mut tags: HashMap<String, String> = HashMap::new();
        for m in inside(&html.root_element(), "meta") {
            let key = m.attr("property").or(m.attr("name")).or(m.attr("itemprop")).map(str::to_lowercase);
            if let (Some(key), Some(content)) = (key, m.attr("content")) {
                tags.entry(key).or_insert_with(|| squash(&escaped_twice(content)));
            }
        }
        let ld_blocks = json_ld_blocks(html);
        let ld = json_ld(&ld_blocks);
        let get = |k: &str| tags.get(k).filter(|v| !v.is_empty()).cloned();
        // The page's own address, as its metadata gives it: OpenGraph's, then the canonical link.
        let addresses = || [get("og:url"), html.select(selector("link[rel=canonical]")).next().and_then(|l| l.attr("href").map(str::to_string))].into_iter().flatten();

        meta.publisher = get("og:site_name")
            .or_else(|| ld.as_ref().and_then(|a| a["publisher"]["name"].as_str().map(squash)))
            .or_else(|| get("application-name"));

        let headline = ld.as_ref().and_then(|a| a["headline"].as_str().map(|h| squash(&escaped_twice(h)))).filter(|t| !t.is_empty());
        let og = get("og:title").or_else(|| get("twitter:title"));
        let page_title = html.select(selector("title")).next().map(|t| squash(&t.text().collect::<String>())).filter(|t| !t.is_empty());
        meta.title = choose_title(html, &[&headline, &og], &page_title, meta.publisher.as_deref());

        // The first source that has a date wins; later ones are only looked at when needed.
        let candidates: [(&dyn Fn() -> Option<String>, PublishedFrom); 11] = [
            (&|| ld.as_ref().and_then(|a| a["datePublished"].as_str().or(a["dateCreated"].as_str()).and_then(normalize_date)), PublishedFrom::JsonLd),
            (
                &|| {
                    [
                        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
                        "date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
                        "publication_date", "publication-date", "uploaddate",
                    ]
                    .iter()
                    .find_map(|k| get(k).and_then(|v| normalize_date(&v)))
                },
                PublishedFrom::Meta,
            ),
            // A page that is no article in JSON-LD (a WebPage, a VideoObject) may still date itself.
            (&|| json_ld_date(&ld_blocks), PublishedFrom::JsonLd),
            (&|| html.select(selector("time[datetime]")).find_map(|t| t.attr("datetime").and_then(normalize_date)), PublishedFrom::TimeElement),
            (
                &|| addresses().find_map(|u| url_date(&u)),
                PublishedFrom::Url,
            ),
            // Dates written on the page, in elements that say they hold one.
            (
                &|| {
                    elements_marked(html, marks_date)
                        .take(80)
                        .find_map(|e| {
                            let text = squash(&e.text().collect::<String>());
                            (text.chars().count() <= 200).then(|| normalize_date(&text)).flatten()
                        })
                },
                PublishedFrom::Text,
            ),
            // A date the page's text introduces as the publication's ("Erstellt am: 01.11.2023").
            (&|| published_in_text(texts()), PublishedFrom::Text),
            // A date standing beside the headline ("Tanja Karrasch 3.11.2023").
            (&|| date_by_headline(html), PublishedFrom::Text),
            // A paragraph that opens with its date, as a press release does ("27.1.2022 - Bei
            // der …"; a short text holding a date is only a guess, below).
            (
                &|| {
                    texts()
                        .iter()
                        .filter(|t| t.trim().chars().count() > 80)
                        .find_map(|t| t.split_whitespace().next().filter(|w| w.starts_with(|c: char| c.is_ascii_digit())).and_then(normalize_date))
                },
                PublishedFrom::Text,
            ),
            // An app's state in a script ("published_at":"2019-03-02T06:22:28+01:00").
            (&|| date_in_scripts(html), PublishedFrom::Script),
            // Last, a guess that says so: the first date in any short text of the page.
            (&|| texts().iter().map(|t| t.trim()).filter(|t| t.chars().count() <= 80).find_map(normalize_date), PublishedFrom::FirstDateOnPage),
        ];
        meta.published = candidates.iter().find_map(|(find, from)| find().map(|value| Published { value, from: *from }));
        // A UTC timestamp's day may not be the page's: the same instant written elsewhere
        // with the page's own offset gives the day the page shows.
        if let Some(p) = &mut meta.published {
            let stamps: Vec<String> = html
                .select(selector("time[datetime]"))
                .filter_map(|t| t.attr("datetime").map(str::to_string))
                .chain(json_ld_strings(&ld_blocks, &["datePublished", "dateCreated"]))
                .chain(["article:published_time", "og:published_time"].iter().filter_map(|k| get(k)))
                .collect();
            let local = in_page_offset(&p.value, &stamps).or_else(|| {
                // The same instant with its offset in an app's state; else the clock of the
                // country the page names for itself.
                if !crate::zone::is_utc(&p.value) {
                    return None;
                }
                offset_stamps_in_scripts(html).into_iter().find_map(|s| same_instant(&p.value, &s).then_some(s)).or_else(|| {
                    let languages: Vec<&str> = [html.root_element().attr("lang"), tags.get("og:locale").map(String::as_str)].into_iter().flatten().collect();
                    let url = addresses().next();
                    let zone = crate::zone::PagePlace { languages: &languages, url: url.as_deref() }.zone()?;
                    crate::zone::in_zone(&p.value, &zone)
                })
            });
            if let Some(local) = local {
                p.value = local;
            }
        }

        let (ld_authors, ld_handles): (Vec<String>, Vec<String>) = ld
            .as_ref()
            .map(|a| {
                let author = &a["author"];
                let list: Vec<&serde_json::Value> = match author {
                    serde_json::Value::Array(items) => items.iter().collect(),
                    v => vec![v],
                };
                // An author may be a reference to a Person elsewhere in the graph.
                list.iter()
                    .filter_map(|v| v.as_str().or(v["name"].as_str()).or_else(|| json_ld_node(&ld_blocks, v["@id"].as_str()?)?["name"].as_str()))
                    .flat_map(marked_byline_names)
                    // A user name, a domain or the site itself: a visible byline may say better.
                    .partition(|name| {
                        let handle = !name.contains(' ') && (name.contains('.') || name.starts_with(|c: char| !c.is_uppercase()));
                        !handle && !meta.publisher.as_ref().is_some_and(|p| p.eq_ignore_ascii_case(name))
                    })
            })
            .unwrap_or_default();
        // Each source in turn, until one gives a name (a meta author may be the site: "finanztreff.de").
        meta.byline = Some(ld_authors)
            .filter(|names| !names.is_empty())
            .or_else(|| get("author").filter(|a| !a.contains("://") && !a.contains('@')).map(|a| byline_names(&a)).filter(|names| !names.is_empty()))
            .or_else(|| {
                elements_marked(html, marks_byline)
                .take(40)
                .map(|e| squash(&e.text().collect::<String>()))
                .filter(|t| t.chars().count() <= 120)
                .map(|t| byline_names(&t))
                .find(|names| !names.is_empty())
            })
            // A user name or a desk, where the page marks it as the author.
            .or_else(|| {
                let marked = elements_marked(html, |e| marked_author(e, &Marks::of(e))).take(10).map(|e| squash(&e.text().collect::<String>()));
                get("author").into_iter().chain(marked).filter(|t| t.chars().count() <= 60).map(|t| marked_byline_names(&t)).find(|names| !names.is_empty())
            })
            .or_else(|| Some(ld_handles).filter(|names| !names.is_empty()))
            .or_else(|| byline_in_text(texts()))
            .unwrap_or_default();
        // Beside its authors, the outlet is not one ("Rob Picheta, CNN"); alone, it may be.
        if let Some(outlet) = &meta.publisher {
            if meta.byline.iter().any(|name| !name.eq_ignore_ascii_case(outlet)) {
                meta.byline.retain(|name| !name.eq_ignore_ascii_case(outlet));
            }
        }

        meta.section = elements_marked(html, marks_breadcrumb)
            .next()
            .map(|b| {
                let parts: Vec<String> = b
                    .select(selector("a, li > span"))
                    .map(|a| squash(&a.text().collect::<String>()))
                    .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("home"))
                    .collect();
                if parts.is_empty() {
                    breadcrumb(&squash(&b.text().collect::<String>())).unwrap_or_default()
                } else {
                    parts
                }
            })
            .filter(|p| !p.is_empty() && p.len() <= 6)
            .or_else(|| get("article:section").map(|s| vec![s]))
            .or_else(|| ld.as_ref().and_then(|a| a["articleSection"].as_str().map(|s| vec![squash(s)])))
            .unwrap_or_default();
        meta
    }
}

/// The article's title: the longest heading (an h1 before an h2) that agrees with what
/// the page's metadata calls it (one contains the other, ignoring case, the kind of quote
/// marks and the site's name); else the page's one main heading; else the metadata's own
/// title without the site's name; else the first h1. A blog's h1 is often the blog's
/// name, with the post's title in an h2; a page's metadata title is often reworded for
/// search engines, while its one h1 is what a reader sees as the title.
///
/// `headlines` are the metadata's headlines (JSON-LD, OpenGraph), which are cut at their
/// separators only where a part names the site: unlike a page's `<title>`, they seldom
/// carry it ("Snowflakes… – walking the dog in winter" is one title).
fn choose_title(html: &Html, headlines: &[&Option<String>], page_title: &Option<String>, site: Option<&str>) -> Option<String> {
    // With no site name declared, a headline's last part that also ends the page's
    // `<title>` is the site's ("… │ Nestlé Marktplatz" in both).
    let unbranded = |r: &String| {
        if site.is_some() {
            return strip_site(r, site);
        }
        let segments = title_segments(r);
        match (segments.last(), page_title) {
            (Some(last), Some(t)) if segments.len() > 1 && comparable(t).ends_with(&comparable(last)) && !comparable(t).ends_with(&comparable(r)) => {
                let head = r.strip_suffix(last).unwrap_or(r).trim_end();
                TITLE_SEPARATORS.iter().find_map(|sep| head.strip_suffix(sep.trim())).unwrap_or(head).trim_end().to_string()
            }
            _ => r.clone(),
        }
    };
    let stripped: Vec<String> = headlines.iter().filter_map(|r| r.as_ref()).map(unbranded).chain(page_title.as_ref().map(|t| strip_site(t, site))).collect();
    let references: Vec<&Option<String>> = headlines.iter().copied().chain([page_title]).collect();
    let lower: Vec<String> = stripped.iter().map(|r| comparable(r)).collect();
    // Every segment of the metadata's titles ("Site » Blog Archive » Headline"): a heading
    // that is one of them agrees when it says more than the segment taken for the title
    // (a site's name, "Blog Archive"); a shorter one is a section or a kicker ("Literatur").
    let segments: Vec<String> = references.iter().filter_map(|r| r.as_ref()).flat_map(|r| title_segments(r)).map(comparable).collect();
    let longest = lower.iter().map(|r| r.chars().count()).max().unwrap_or(0);
    let agrees = |heading: &str| {
        let h = comparable(heading);
        let segment = segments.contains(&h) && h.chars().count() > longest;
        !h.is_empty() && (lower.iter().any(|r| r.contains(&h) && h.chars().count() * 2 >= r.chars().count() || h.contains(r.as_str())) || segment)
    };
    // A heading that opens with more than the title carries a kicker or a date
    // ("<h1><span>Immobilienkrise</span> Rene Benko-Firma …</h1>", "23.01.2022 - …"): the
    // title starts where the metadata's does, when what comes before it is the heading's
    // own first element or a date. (What follows is more often a subtitle the metadata cut.)
    let without_kicker = |(heading, openings): (String, Vec<String>)| {
        let h = comparable(&heading);
        let Some(at) = lower.iter().filter(|r| r.chars().count() >= 12).filter_map(|r| h.find(r.as_str())).filter(|&at| at > 0).min() else { return heading };
        let skip = h[..at].chars().count();
        let before: String = heading.chars().take(skip).collect();
        let before = before.trim_end_matches(is_kicker_separator);
        let kicker = openings.iter().any(|o| o.trim_end_matches(is_kicker_separator) == before) || before.chars().count() <= 25 && normalize_date(before).is_some();
        if kicker {
            heading.chars().skip(skip).collect()
        } else {
            heading
        }
    };
    let in_comments = |h: &ElementRef| {
        h.ancestors().filter_map(ElementRef::wrap).any(|a| class_tokens(&a).iter().any(|t| matches!(&**t, "comments" | "comment" | "respond" | "discussion")))
    };
    // Each heading's visible text with the texts of the elements it opens with (its first
    // child element, that one's first, …); not the site's name, a heading that links to the
    // home page.
    let headings = |css: &'static str| {
        html.select(selector(css)).filter(move |h| !in_comments(h) && !links_home(h) && !screen_reader_only(h)).filter_map(|h| {
            let text = visible_text(&h);
            let mut openings = Vec::new();
            let mut at = h;
            while let Some(first) = at.children().find(|c| c.value().as_text().is_none_or(|t| !t.trim().is_empty())).and_then(ElementRef::wrap) {
                openings.push(visible_text(&first));
                at = first;
            }
            (!text.is_empty() && text.chars().count() <= 300).then_some((text, openings))
        })
    };
    // A heading styled as the page's first ("<h2 class="h1">") counts as one.
    headings("h1, h2.h1, h3.h1")
        .filter(|(h, _)| agrees(h))
        .max_by_key(|(h, _)| h.chars().count())
        .or_else(|| headings("h2").filter(|(h, _)| agrees(h)).max_by_key(|(h, _)| h.chars().count()))
        .map(without_kicker)
        // A blog's post title links to the post itself ("Permanent link to …").
        .or_else(|| html.select(selector("h1, h2")).find(|h| h.select(selector("a[rel=bookmark]")).next().is_some()).map(|h| squash(&h.text().collect::<String>())).filter(|t| !t.is_empty() && t.chars().count() <= 300))
        .or_else(|| main_heading(html, site))
        .or_else(|| stripped.first().cloned())
        .or_else(|| headings("h1").next().map(|(h, _)| h))
}

/// A title for comparing: lower case, one character for one (so that positions agree
/// with the original's), curly and angled quote marks as straight ones.
fn comparable(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => '"',
            c => c,
        })
        .collect()
}

/// The page's one visible h1, when it has exactly one outside the site's header, logo and
/// navigation and it is not the site's name.
fn main_heading(html: &Html, site: Option<&str>) -> Option<String> {
    const SITE_PARTS: &[&str] = &["logo", "brand", "branding", "masthead", "navbar", "toolbar", "nav", "navigation", "sitename", "site"];
    const HEADER_PARTS: &[&str] = &["header", "head", "headerimg", "top", "topbar"];
    let mut found = html.select(selector("h1")).filter(|h| !h.text().all(|t| t.trim().is_empty()));
    let (h1, None) = (found.next()?, found.next()) else { return None };
    if screen_reader_only(&h1) || links_home(&h1) {
        return None;
    }
    let ancestors: Vec<ElementRef> = h1.ancestors().filter_map(ElementRef::wrap).collect();
    let in_article = ancestors.iter().any(|a| matches!(a.value().name(), "article" | "main"));
    let in_site_chrome = ancestors.iter().any(|a| {
        let tokens = class_tokens(a);
        let name = a.value().name();
        name == "nav"
            || tokens.iter().any(|t| SITE_PARTS.contains(&&**t))
            || !in_article && (name == "header" || tokens.iter().any(|t| HEADER_PARTS.contains(&&**t)))
    });
    let text = visible_text(&h1);
    let names_site = site.is_some_and(|s| {
        let (t, s) = (text.to_lowercase(), s.to_lowercase());
        s.contains(&t) || t.contains(&s)
    });
    (!in_site_chrome && !names_site && text.chars().count() <= 300).then_some(text)
}

/// A heading's text without what only screen readers get ("<span class="visuallyhidden">
/// Headline:</span>", "sr-only"), without a kicker or subtitle marked as one ("<span
/// class="dachzeile">Nach Corona-Lockerungen</span>", "<small class="article-subtitle">"),
/// whitespace squashed.
fn visible_text(e: &ElementRef) -> String {
    const BESIDE_THE_TITLE: &[&str] = &[
        "dachzeile", "spitzmarke", "kicker", "overline", "topline", "roofline", "eyebrow", "supertitle", "h1small", "titleheader",
        "subtitle", "subheadline", "subline", "dek", "standfirst", "topic",
    ];
    let hidden = |n: &ElementRef| screen_reader_only(n) || n.value().name() == "small" || class_tokens(n).iter().any(|t| BESIDE_THE_TITLE.contains(&&**t));
    let mut text = String::new();
    for node in e.descendants() {
        if let Some(t) = node.value().as_text() {
            if !node.ancestors().take_while(|a| a.id() != e.id()).filter_map(ElementRef::wrap).any(|a| hidden(&a)) {
                text.push_str(t);
            }
        }
    }
    // The separator the kicker left ("<span class="kicker">Luftfahrt</span>: …").
    squash(text.trim_start_matches(is_kicker_separator))
}

/// What stands between a kicker and its headline ("Politics | …", "Luftfahrt: …").
fn is_kicker_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ':' | '|' | '-' | '–' | '—' | '•')
}

/// Metadata escaped twice by its CMS ("Thermen- &amp;#038; Vulkanland" reads as
/// "Thermen- &#038; Vulkanland" once parsed): the character references left, decoded.
fn escaped_twice(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest.find(';').filter(|&end| end <= 10).map(|end| (&rest[1..end], end));
        let decoded = reference.and_then(|(name, end)| {
            let c = match name {
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                "lt" => '<',
                "gt" => '>',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code).filter(|c| !c.is_control())?
                }
            };
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// Whether an element is there for screen readers only ("sr-only", "visually-hidden",
/// "visuallyhidden", "screen-reader-text", "offscreen", "aural"; not "hidden-xs", hidden on small
/// screens only).
fn screen_reader_only(e: &ElementRef) -> bool {
    let tokens = class_tokens(e);
    tokens.iter().any(|t| matches!(&**t, "sr" | "visuallyhidden" | "screen" | "offscreen" | "aural")) || tokens.windows(2).any(|w| w[0] == "visually" && w[1] == "hidden")
}

/// Whether a heading's text is all one link to the site's home page ("<h1><a
/// href="https://example.org/">Example</a></h1>"): the site's name, not a headline. An
/// archived page's link is read inside its archive's address.
fn links_home(heading: &ElementRef) -> bool {
    let mut links = heading.select(selector("a[href]"));
    let (Some(link), None) = (links.next(), links.next()) else { return false };
    if squash(&link.text().collect::<String>()) != squash(&heading.text().collect::<String>()) {
        return false;
    }
    let href = link.value().attr("href").unwrap_or_default().trim();
    let archived = href.find("/web/").and_then(|at| href[at + 5..].find("http").map(|h| &href[at + 5 + h..]));
    let href = archived.unwrap_or(href);
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |slash| &rest[slash..]),
        None => href,
    };
    matches!(path, "" | "/")
}

/// What separates a page title's parts ("Headline | Site").
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " │ ", " • ", " « ", " » "];

/// The parts of a page title between its separators ("Site » Blog Archive » Headline").
fn title_segments(title: &str) -> Vec<&str> {
    let mut segments = vec![title];
    for sep in TITLE_SEPARATORS {
        segments = segments.iter().flat_map(|s| s.split(sep)).collect();
    }
    segments.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// "Headline | Site" or "Site - Headline" → "Headline": the first segment that is not
/// the site's name.
fn strip_site(title: &str, site: Option<&str>) -> String {
    let segments = title_segments(title);
    let names_site = |seg: &str| site.is_some_and(|s| {
        let (seg, s) = (seg.trim().to_lowercase(), s.to_lowercase());
        !seg.is_empty() && (s.contains(&seg) || seg.contains(&s))
    });
    segments.into_iter().find(|seg| !names_site(seg)).unwrap_or(title).to_string()
}

/// The page's text nodes that hold more than whitespace, in document order (at most 5,000).
fn text_nodes(html: &Html) -> Vec<&str> {
    html.root_element().descendants().filter_map(|n| n.value().as_text().map(|t| &**t)).filter(|t| !t.trim().is_empty()).take(5000).collect()
}

/// A byline in the page's text: a short text opening with "By", "Posted by", "Von", "Text:"
/// …, or such a word alone with the name in the next text ("von <em>Klaus Stanjek</em>").
fn byline_in_text(texts: &[&str]) -> Option<Vec<String>> {
    const OPENERS: &[&str] = &["posted by ", "written by ", "by ", "von ", "text: ", "par ", "por ", "door "];
    texts.iter().map(|t| t.trim()).enumerate().find_map(|(i, text)| {
        // The openers are ASCII: their case is ignored without lower-casing the whole text.
        let bare = OPENERS.iter().any(|o| text.eq_ignore_ascii_case(o.trim_end()));
        if bare {
            let next = texts.get(i + 1)?.trim();
            return (next.chars().count() <= 60).then(|| byline_names(next)).filter(|n| !n.is_empty());
        }
        let opens = OPENERS.iter().any(|o| text.get(..o.len()).is_some_and(|head| head.eq_ignore_ascii_case(o)));
        (opens && text.chars().count() <= 80).then(|| byline_names(text)).filter(|n| !n.is_empty())
    })
}

/// Words that introduce a page's publication date in its text, lower case.
const PUBLISHED_CUES: &[&str] = &[
    "published", "posted on", "posted", "erstellt am", "veröffentlicht", "publiziert", "publié le", "publié", "pubblicato",
    "publicado", "gepubliceerd", "opublikowano", "datum:", "erschienen am",
];

/// The first date that follows a publication cue in the page's text (in the same text
/// node or the next one, as in "Published on <time>…</time>").
fn published_in_text(texts: &[&str]) -> Option<String> {
    texts.iter().enumerate().find_map(|(i, text)| {
        let lower = text.to_lowercase();
        let at = PUBLISHED_CUES.iter().filter_map(|c| lower.find(c).map(|k| k + c.len())).min()?;
        // Lower-casing can move byte offsets: cut the lower-cased text, which holds the same date.
        let after = lower.get(at..)?.chars().take(60).collect::<String>();
        let next = texts.get(i + 1).map(|t| t.chars().take(60).collect::<String>()).unwrap_or_default();
        normalize_date(&after).or_else(|| (after.trim().trim_matches(|c: char| c == ':' || c.is_whitespace()).is_empty() || after.trim().len() < 4).then(|| normalize_date(&next)).flatten())
    })
}

/// The first short text holding a full date among the few that follow the page's first
/// `<h1>`: where pages put the date they were published.
fn date_by_headline(html: &Html) -> Option<String> {
    let h1 = html.select(selector("h1")).next()?;
    h1.next_siblings()
        .chain(h1.ancestors().take(3).flat_map(|a| a.next_siblings()))
        .flat_map(|n| n.descendants())
        .filter_map(|n| n.value().as_text().map(|t| t.trim()))
        .filter(|t| !t.is_empty())
        .take(12)
        .filter(|t| t.chars().count() <= 60)
        .find_map(normalize_date)
}

/// The first publication date a script's data gives under a key that says so
/// ("published_at", "publishedAt", "publishedDate", "datePublished", "publish_date"); where
/// no script names one, the first creation date ("createdAt", "created_at"), as headless
/// CMSs give their documents.
fn date_in_scripts(html: &Html) -> Option<String> {
    const PUBLISHED: &[&str] = &["\"published_at\"", "\"publishedAt\"", "\"publishedDate\"", "\"datePublished\"", "\"publish_date\""];
    const CREATED: &[&str] = &["\"createdAt\"", "\"created_at\""];
    let keyed = |text: &str, keys: &[&str]| {
        keys.iter().filter_map(|k| text.find(k).map(|at| at + k.len())).min().and_then(|at| {
            let value = text[at..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
            normalize_date(&value[..value.find('"')?])
        })
    };
    // One pass, each script's text gathered once: a publication date anywhere wins, else
    // the first creation date met.
    let mut created = None;
    for script in html.select(selector("script:not([type='application/ld+json'])")) {
        let text: String = script.text().collect();
        if let Some(date) = keyed(&text, PUBLISHED) {
            return Some(date);
        }
        if created.is_none() {
            created = keyed(&text, CREATED);
        }
    }
    created
}

/// "/2024/10/04/" in a URL.
fn url_date(url: &str) -> Option<String> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let (y, m, d) = (w[0].parse::<i16>().ok()?, w[1].parse::<i8>().ok()?, w[2].get(..2)?.parse::<i8>().ok()?);
        (w[0].len() == 4 && w[1].len() == 2).then_some(())?;
        jiff::civil::Date::new(y, m, d).ok().map(|d| d.to_string())
    })
}

/// The page's JSON-LD blocks that parse, read once for the article and for dates.
fn json_ld_blocks(html: &Html) -> Vec<serde_json::Value> {
    html.select(selector("script[type='application/ld+json']"))
        .filter_map(|s| {
            let text = s.text().collect::<String>();
            // Pages often put raw line breaks inside JSON-LD strings; JSON forbids them.
            serde_json::from_str(&text).ok().or_else(|| serde_json::from_str(&text.replace(|c: char| c.is_control(), " ")).ok())
        })
        .collect()
}

/// Every string value of these keys anywhere in the page's JSON-LD.
fn json_ld_strings(blocks: &[serde_json::Value], keys: &[&str]) -> Vec<String> {
    fn collect(v: &serde_json::Value, keys: &[&str], out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    match x.as_str() {
                        Some(text) if keys.contains(&k.as_str()) => out.push(text.to_string()),
                        _ => collect(x, keys, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|x| collect(x, keys, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    blocks.iter().for_each(|b| collect(b, keys, &mut out));
    out
}

/// `published` as the page writes it with its own offset: when `published` is a UTC
/// timestamp and one of `stamps` gives the same instant (within a minute) with a
/// non-zero offset, that one; or the page's clock time with no offset that is a whole
/// offset away from it ("2023-11-08 23:30:59" for "2023-11-09T05:30:59Z").
fn in_page_offset(published: &str, stamps: &[String]) -> Option<String> {
    let utc = crate::zone::is_utc;
    if !utc(published) {
        return None;
    }
    let instant = published.parse::<jiff::Timestamp>().ok()?;
    let utc_clock = jiff::tz::Offset::UTC.to_datetime(instant);
    // A clock time with no offset ("2023-11-08 23:30:59") is the same instant when it is
    // a whole offset (quarter hours, at most 14 hours) away from the UTC clock.
    let same_instant_local = |s: &str| {
        let local = s.parse::<jiff::civil::DateTime>().ok().filter(|_| s.len() >= 16)?;
        let apart = local.duration_since(utc_clock).as_secs();
        (apart != 0 && apart % 900 == 0 && apart.abs() <= 14 * 3600).then(|| local.to_string())
    };
    stamps.iter().map(|s| s.trim()).filter(|s| !utc(s)).find_map(|s| if same_instant(published, s) { Some(s.to_string()) } else { same_instant_local(s) })
}

/// Whether two timestamps with offsets are the same instant (within a minute).
fn same_instant(a: &str, b: &str) -> bool {
    match (a.parse::<jiff::Timestamp>(), b.parse::<jiff::Timestamp>()) {
        (Ok(a), Ok(b)) => (a.as_second() - b.as_second()).abs() <= 60,
        _ => false,
    }
}

/// Every timestamp with a non-zero offset in the page's scripts
/// ("date":"2020-02-24T21:25:54-05:00"): where an app keeps the page's own clock.
fn offset_stamps_in_scripts(html: &Html) -> Vec<String> {
    let mut out = Vec::new();
    for script in html.select(selector("script")) {
        let text: String = script.text().collect();
        let bytes = text.as_bytes();
        // A stamp is "dddd-dd-ddTdd:dd", then seconds and fractions, then its offset.
        for at in memchr::memchr_iter(b'T', bytes) {
            let Some(start) = at.checked_sub(10) else { continue };
            let shape_ok = |from: usize, pattern: &[u8]| bytes.get(from..from + pattern.len()).is_some_and(|b| b.iter().zip(pattern).all(|(c, p)| if *p == b'd' { c.is_ascii_digit() } else { c == p }));
            if !shape_ok(start, b"dddd-dd-ddTdd:dd") {
                continue;
            }
            let end = bytes[at..].iter().position(|c| !(c.is_ascii_digit() || b":.+-TZ".contains(c))).map_or(bytes.len(), |n| at + n);
            let stamp = &text[start..end];
            if !crate::zone::is_utc(stamp) && stamp.parse::<jiff::Timestamp>().is_ok() {
                out.push(stamp.to_string());
            }
        }
    }
    out
}

/// The JSON-LD node with this `@id`, anywhere in the page's blocks.
fn json_ld_node<'a>(blocks: &'a [serde_json::Value], id: &str) -> Option<&'a serde_json::Value> {
    fn find<'a>(v: &'a serde_json::Value, id: &str) -> Option<&'a serde_json::Value> {
        match v {
            serde_json::Value::Object(o) if o.get("@id").and_then(|i| i.as_str()) == Some(id) && o.contains_key("name") => Some(v),
            serde_json::Value::Object(o) => o.values().find_map(|x| find(x, id)),
            serde_json::Value::Array(items) => items.iter().find_map(|x| find(x, id)),
            _ => None,
        }
    }
    blocks.iter().find_map(|b| find(b, id))
}

/// The first `datePublished` anywhere in the page's JSON-LD.
fn json_ld_date(blocks: &[serde_json::Value]) -> Option<String> {
    fn find(v: &serde_json::Value) -> Option<String> {
        match v {
            serde_json::Value::Object(o) => o.get("datePublished").and_then(|d| d.as_str()).and_then(normalize_date).or_else(|| o.values().find_map(find)),
            serde_json::Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    blocks.iter().find_map(find)
}

/// The page's article object in JSON-LD, if any (looking through arrays and `@graph`).
fn json_ld(blocks: &[serde_json::Value]) -> Option<&serde_json::Value> {
    fn is_article(v: &serde_json::Value) -> bool {
        let t = &v["@type"];
        let names: Vec<&str> = match t {
            serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
            v => v.as_str().into_iter().collect(),
        };
        names.iter().any(|n| n.contains("Article") || matches!(*n, "BlogPosting" | "Report" | "LiveBlogPosting"))
    }
    fn find(v: &serde_json::Value) -> Option<&serde_json::Value> {
        match v {
            serde_json::Value::Array(items) => items.iter().find_map(find),
            serde_json::Value::Object(o) if o.contains_key("@graph") => find(&o["@graph"]),
            v if is_article(v) => Some(v),
            _ => None,
        }
    }
    blocks.iter().find_map(find)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(page: &str) -> Metadata {
        Metadata::read(&parse(page))
    }

    #[test]
    fn hand_written_marks_pick_what_their_css_picks() {
        // The predicates replace CSS selectors, which cost a selector match per element;
        // on these near misses and hits they must pick exactly what the CSS picks.
        let page = r#"<html><body>
<div class="post-Author x">a</div><span rel="AUTHOR">b</span><p itemprop="author">c</p><p itemprop="authors">c2</p>
<div class="vcard"><p><span class="given fn">d</span></p></div><span class="fn">e</span><span class="FN">e2</span><byline>f</byline>
<a href="/author/x">g</a><a href="https://x.org/autor/y">h</a><div href="/author/z">i</div><a href="/Author/w">i2</a>
<time>j</time><div class="pubDate">k</div><div id="dateline">l</div><div id="Date">l2</div><span itemprop="datePublished">m</span>
<div class="entry-info">n</div><div class="Time">o</div><div class="posted-on">o2</div><div class="metadata">o3</div>
<nav aria-label="Breadcrumbs">p</nav><div aria-label="breadcrumb">q</div><ol id="my-breadcrumb">r</ol><ul class="Breadcrumb">s</ul><div class="site-breadcrumbs">t</div>
</body></html>"#;
        let html = parse(page);
        let author = |e: &ElementRef| marked_author(e, &Marks::of(e));
        type Marked = fn(&ElementRef) -> bool;
        let cases: [(&str, Marked); 4] = [
            ("[rel=author], .vcard .fn, [itemprop=author]", author),
            (
                "[rel=author], [itemprop=author], [class*=author], [class*=Author], [class*=byline], [class*=Byline], byline, .vcard .fn, a[href*='/author/'], a[href*='/autor/'], a[href*='/authors/']",
                marks_byline,
            ),
            (
                "time, [class*=date], [class*=Date], [class*=time], [class*=publish], [class*=publicat], [class*=posted], [id*=date], [itemprop*=date], [class*=meta], [class*=byline], [class*=entry-info], [class*=info]",
                marks_date,
            ),
            ("[class*=breadcrumb], [id*=breadcrumb], nav[aria-label*=readcrumb]", marks_breadcrumb),
        ];
        for (css, marked) in cases {
            let by_css: Vec<String> = html.select(&Selector::parse(css).unwrap()).map(|e| e.text().collect()).collect();
            let by_hand: Vec<String> = elements_marked(&html, marked).map(|e| e.text().collect()).collect();
            assert!(by_css.len() >= 3, "{css}: the page tests too little");
            assert_eq!(by_hand, by_css, "{css}");
        }
    }

    #[test]
    fn an_inline_style_hides_with_spaces_anywhere_after_its_name() {
        assert!(hides("color: red; display : none"));
        assert!(hides("display:none"));
        assert!(!hides("display: block; visibility: visible"));
        assert!(!hides("width: 10px"));
    }

    #[test]
    fn the_pages_one_heading_is_its_title_and_a_kicker_is_not() {
        // The metadata's title is reworded; the one h1 outside the site's header is the title.
        let page = r#"<html><head><title>Cheap car loans compared | Loanshop</title></head><body>
<header><div class="logo"><h1>Loanshop</h1></div></header><main><h1>How high is the interest on a car loan?</h1></main></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Cheap car loans compared"), "two h1s: no one heading");
        let page = page.replace(r#"<div class="logo"><h1>Loanshop</h1></div>"#, "");
        assert_eq!(meta_of(&page).title.as_deref(), Some("How high is the interest on a car loan?"));
        // A heading that opens with a kicker before the metadata's title.
        let page = r#"<html><head><meta property="og:title" content="Data of the arms maker leaked"></head><body>
<article><h1><span>Internal papers online</span> Data of the arms maker leaked</h1></article></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Data of the arms maker leaked"));
        // A section label with its separator, nested one element deep, and words only screen
        // readers get are no part of the title either.
        let page = r#"<html><head><meta property="og:title" content="Park elects a new mayor"></head><body>
<h1><div class="section"><a href="/politics/">Politics | </a></div><span>Park elects a new mayor</span></h1></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Park elects a new mayor"));
        let page = r#"<html><head><title>Energy and society | Institute</title></head><body>
<h1><div><span class="visuallyhidden">Headline:</span> Energy and society</div></h1></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Energy and society"));
        // A kicker marked as one, and the separator it leaves, are no part of it.
        let page = r#"<html><head><title>Car dealers: a slow restart | MDR</title></head><body>
<h1><span class="dachzeile">After the lockdown</span>: <span class="headline">Car dealers expect a slow restart</span></h1></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Car dealers expect a slow restart"));
        let page = r#"<html><head><title>Mayor at 100 | City</title></head><body>
<h1><div class="topic-label">100th birthday</div> The former mayor turns 100</h1></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("The former mayor turns 100"));
        // Nor a subtitle inside the heading.
        let page = r#"<html><head><title>Fish cakes, hot and fresh</title></head><body>
<h1><span>Fish cakes, hot and fresh</span> <small class="article-subtitle">Welcome to the north</small></h1></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Fish cakes, hot and fresh"));
        // A comment section quoting the title is no heading of the article.
        let page = r#"<html><head><title>How to grow a lemon tree | Garden</title></head><body>
<article><h2>Lemon tips</h2></article><div id="comments"><h2>25 thoughts on “How to grow a lemon tree”</h2></div></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("How to grow a lemon tree"));
    }

    #[test]
    fn a_heading_linking_home_is_the_sites_name_and_a_blogs_post_title_is_the_title() {
        let page = r#"<html><head><title>Four Years » Blog Archive » Interning small integers</title></head><body>
<h1><a href="http://fouryears.eu/">Four Years</a></h1><h2><a href="/2019/interning" rel="bookmark">Interning small integers</a></h2></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Interning small integers"));
        // The title of a blog whose page title is only its name.
        let page = page.replace("Four Years » Blog Archive » Interning small integers", "Four Years");
        assert_eq!(meta_of(&page).title.as_deref(), Some("Interning small integers"));
        // A shorter heading that is one segment of the page title is a section, not the title.
        let page = r#"<html><head><title>Strava maps show more - Route tool update</title></head><body><h1>Route tool update</h1><h1>Newsletter</h1></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Strava maps show more"));
    }

    #[test]
    fn a_heading_styled_as_the_first_counts_as_one_and_a_heading_for_the_ear_does_not() {
        let page = r#"<html><head><title>Trucks of the post-war years - Part 49 - Fleet</title></head><body>
<h1>Trucks of the post-war years - Part 49</h1><h2 class="h1">Trucks of the post-war years - Part 49 – Büssing-NAG</h2></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Trucks of the post-war years - Part 49 – Büssing-NAG"));
        let page = r#"<html><head><title>Police - Press releases - Messengers are no lawless space</title></head><body>
<h1 class="aural">Federal Police</h1><h2>Messengers are no lawless space</h2></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Messengers are no lawless space"));
    }

    #[test]
    fn a_headline_is_cut_only_where_it_names_the_site() {
        let page = r#"<html><head><meta property="og:title" content="Snowflakes… – walking the dog in winter"><title>Snowflakes… – walking the dog in winter - Dog School</title></head><body></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Snowflakes… – walking the dog in winter"));
        let page = r#"<html><head><meta property="og:title" content="Become a product tester │ Nestlé Market"><title>Product testers│Nestlé Market</title></head><body></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Become a product tester"));
    }

    #[test]
    fn a_utc_stamp_takes_the_day_of_the_pages_own_clock() {
        assert_eq!(in_page_offset("2023-11-09T05:30:59Z", &["2023-11-08 23:30:59".into()]).as_deref(), Some("2023-11-08T23:30:59"));
        assert_eq!(in_page_offset("2023-11-09T05:30:59Z", &["2023-11-08T23:30:59-06:00".into()]).as_deref(), Some("2023-11-08T23:30:59-06:00"));
        // Another time of day is another instant, and a page already in its own offset stays.
        assert_eq!(in_page_offset("2023-11-09T05:30:59Z", &["2023-11-08 23:31:40".into()]), None);
        assert_eq!(in_page_offset("2023-11-09T05:30:59+01:00", &["2023-11-08 23:30:59".into()]), None);
    }

    #[test]
    fn a_date_in_a_scripts_data_or_opening_a_text_is_the_pages() {
        let page = r#"<html><body><script>window.state = {"title":"x","published_at" : "2019-03-02T06:22:28+01:00"};</script><p>Coffee.</p></body></html>"#;
        let published = meta_of(page).published.expect("a date");
        assert_eq!((published.value.as_str(), published.from), ("2019-03-02T06:22:28+01:00", PublishedFrom::Script));
        // A headless CMS's creation date, where no script names a publication date.
        let page = r#"<html><body><script>window.doc = {"createdAt":"2022-01-31T15:58:43+01:00"};</script><p>Jumps.</p></body></html>"#;
        assert_eq!(meta_of(page).published.map(|p| p.value).as_deref(), Some("2022-01-31T15:58:43+01:00"));
        let page = r#"<html><body><script>var u = {"created_at":"2015-06-01T10:00:00Z"};</script><script>var a = {"publishedAt":"2022-02-01T08:00:00+01:00"};</script></body></html>"#;
        assert_eq!(meta_of(page).published.map(|p| p.value).as_deref(), Some("2022-02-01T08:00:00+01:00"));
        let page = r#"<html><body><h1>Remembrance</h1><p>Von Claudia Lindner</p><p>27.1.2022 - Bei der Erinnerung an die Verfolgten wurde …</p></body></html>"#;
        let published = meta_of(page).published.expect("a date");
        assert_eq!((published.value.as_str(), published.from), ("2022-01-27", PublishedFrom::Text));
    }

    #[test]
    fn metadata_escaped_twice_is_read_once_more() {
        assert_eq!(escaped_twice("Thermen- &#038; Vulkanland &#x2013; &amp; more"), "Thermen- & Vulkanland – & more");
        assert_eq!(escaped_twice("AT&T & co &#xD800; &bogus;"), "AT&T & co &#xD800; &bogus;");
        let page = r#"<html><head><meta property="og:title" content="Thermen- &amp;#038; Vulkanland"></head><body></body></html>"#;
        assert_eq!(meta_of(page).title.as_deref(), Some("Thermen- & Vulkanland"));
    }

    #[test]
    fn authors_marked_as_such_keep_user_names_and_references() {
        let page = r#"<html><body><span class="author vcard"><a class="url fn n" rel="author" href="/author/g1">gizzmo</a></span></body></html>"#;
        assert_eq!(meta_of(page).byline, ["gizzmo"]);
        let page = r##"<html><head><script type="application/ld+json">{"@graph": [
{"@type": "NewsArticle", "headline": "Shops close", "author": {"@id": "#author"}},
{"@type": "Person", "@id": "#author", "name": "Rasender Reporter"}]}</script></head><body></body></html>"##;
        assert_eq!(meta_of(page).byline, ["Rasender Reporter"]);
    }

    #[test]
    fn an_article_for_readers_without_scripts_is_read() {
        let paragraph = "The committee met on Tuesday and agreed to publish the full report, with its annexes, before the end of the month.";
        let page = format!("<html><body><div class=\"post-body\"><script type=\"text/template\"><p>{paragraph}</p></script><noscript><p>{paragraph}</p><p>{paragraph}</p></noscript></div></body></html>");
        assert_eq!(extract(&page).paragraphs.first().map(String::as_str), Some(paragraph));
    }

    #[test]
    fn an_article_inside_a_furniture_class_is_read_when_nothing_else_is() {
        let paragraph = "The council voted on Tuesday to close the bridge for repairs, and the work will take most of the summer.";
        let page = format!("<html><body><div class=\"documentContent__sharingContainer\"><p>{paragraph}</p><p>{paragraph}</p></div></body></html>");
        assert_eq!(extract(&page).paragraphs, [paragraph, paragraph]);
        // Beside a body found in the first reading, the same box stays out.
        let page = page.replace("</body>", &format!("<article><p>{paragraph} Again.</p><p>{paragraph} Twice.</p></article></body>"));
        assert_eq!(extract(&page).paragraphs.len(), 2);
        assert!(extract(&page).paragraphs[0].ends_with("Again."));
    }

    #[test]
    fn a_utc_timestamp_takes_the_pages_own_day() {
        let page = r#"<html><head><meta property="article:published_time" content="2022-05-04T03:37:37+00:00"></head>
<body><time datetime="2022-05-03T23:37:37-04:00">May 3</time></body></html>"#;
        assert_eq!(meta_of(page).published.map(|p| p.value).as_deref(), Some("2022-05-03T23:37:37-04:00"));
        // An RFC 2822 stamp in GMT on a Bolivian site is evening of the day before in La Paz.
        let page = r#"<html lang="es"><head><link rel="canonical" href="https://www.eldeber.com.bo/economia/autos">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Autos","datePublished":"Wed, 04 May 2022 02:41:00 GMT"}</script></head><body></body></html>"#;
        assert_eq!(meta_of(page).published.map(|p| p.value[..10].to_string()).as_deref(), Some("2022-05-03"));
    }

    #[test]
    fn lines_an_article_repeats_stay_and_a_repeated_caption_goes() {
        let page = r#"<html><body><article>
<p>The plan gives one menu for each day of the week, with the same meals in the same order every day.</p>
<h3>Breakfast</h3><p>Oats with berries and a spoon of nut butter, with black coffee or tea.</p>
<h3>Breakfast</h3><p>Two eggs on rye toast with spinach and a glass of orange juice.</p>
<p>Photo: Jane Doe/Harbour Times</p><p>The plan was written by a dietitian who works with the national team and has been tested for a year.</p>
<p>Photo: Jane Doe/Harbour Times</p>
</article></body></html>"#;
        let article = extract(page);
        assert_eq!(article.paragraphs.iter().filter(|p| *p == "Breakfast").count(), 2, "{:?}", article.paragraphs);
        assert!(!article.paragraphs.iter().any(|p| p.starts_with("Photo:")), "{:?}", article.paragraphs);
    }

    #[test]
    fn a_section_opening_with_a_related_heading_is_related_stories() {
        let teaser = "<p>Another story of the week, long enough to pass for a paragraph of an article, with commas, clauses, and a full stop.</p>";
        let page = format!(
            r#"<html><body><div id="primary"><article><h1>Water</h1><p>The water supply of the valley was restored on Tuesday after a week of repairs to the main pipe, the utility said, and the pumps ran again.</p></article>
<article class="postbox"><h3 class="relatedpoststitle">You may also like</h3><article>{teaser}</article><article>{teaser}</article><article>{teaser}</article></article></div></body></html>"#
        );
        let article = extract(&page);
        assert_eq!(article.paragraphs.len(), 1, "{:?}", article.paragraphs);
        assert!(article.paragraphs[0].starts_with("The water supply"));
    }

    #[test]
    fn lines_after_the_last_sentence_stay_when_they_read_as_text() {
        let page = r#"<html><body><article><h1>Bienenstich</h1>
<p>The cake is baked in one tray, filled with vanilla cream and topped with caramelised almonds, as the recipe says.</p>
<ul><li>250 g flour and one packet of baking powder</li><li>Share Tweet Email</li></ul>
</article></body></html>"#;
        let article = extract(page);
        assert!(article.paragraphs.iter().any(|p| p.starts_with("250 g flour")), "{:?}", article.paragraphs);
        assert!(!article.paragraphs.iter().any(|p| p.contains("Tweet")), "{:?}", article.paragraphs);
    }

    #[test]
    fn the_first_date_on_the_page_is_a_guess_that_says_so() {
        let page = r#"<html><body><nav><a href="/">Home</a></nav><div><span>Teilen:</span> <span>01.11.2023 11:35</span></div><article>
<p>The water supply of the valley was restored on Tuesday after a week of repairs to the main pipe, the utility said.</p>
</article></body></html>"#;
        let published = extract(page).published.expect("a date");
        assert_eq!((published.value.as_str(), published.from), ("2023-11-01", PublishedFrom::FirstDateOnPage));
    }

    #[test]
    fn a_date_beside_the_headline() {
        let page = r#"<html><body><article><h1>Schuhbrand</h1><div><span>Tanja Karrasch</span> <span>3.11.2023</span></div>
<p>The water supply of the valley was restored on Tuesday after a week of repairs to the main pipe, the utility said on 1.2.2020.</p>
</article></body></html>"#;
        let published = extract(page).published.expect("a date");
        assert_eq!((published.value.as_str(), published.from), ("2023-11-03", PublishedFrom::Text));
    }

    #[test]
    fn dates_of_pages_that_are_no_article() {
        let body = "<body><article><p>The water supply of the valley was restored on Tuesday after a week of repairs to the main pipe, the utility said.</p></article></body>";
        let web_page = format!(r#"<html><head><script type="application/ld+json">{{"@graph":[{{"@type":"WebPage","datePublished":"2018-06-07T10:13:17+00:00"}}]}}</script></head>{body}</html>"#);
        assert!(extract(&web_page).published.is_some_and(|p| p.value.starts_with("2018-06-07")));
        let meta = format!(r#"<html><head><meta name="publication_date" content="2022-02-08T14:00:00"></head>{body}</html>"#);
        assert!(extract(&meta).published.is_some_and(|p| p.value.starts_with("2022-02-08")));
    }

    #[test]
    fn bylines_and_dates_written_in_the_text() {
        let page = r#"<html><head><title>Trinkwasser</title></head><body><article><h1>Trinkwasser</h1>
<p>Erstellt am: 01.11.2023</p><p>von <em>Klaus Stanjek</em></p>
<p>The water supply of the valley was restored on Tuesday after a week of repairs to the main pipe, the utility said.</p>
</article></body></html>"#;
        let article = extract(page);
        assert_eq!(article.published.map(|p| p.value).as_deref(), Some("2023-11-01"));
        assert_eq!(article.byline, ["Klaus Stanjek"]);
    }

    #[test]
    fn article_with_metadata_and_boilerplate() {
        let page = r#"<html lang="en"><head><title>Ships seized | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ships seized in the strait","datePublished":"2024-10-04T09:30:00+03:00","author":{"name":"Jane Doe"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="breadcrumbs"><a href="/">Home</a> <a href="/news">News</a> <a href="/news/world">World</a></div>
<article><h1>Ships seized in the strait</h1><div class="share-bar">Share on Facebook</div>
<p>The navy seized two tankers on Friday, officials said, in the largest such operation this year.</p>
<figure><img src="x.jpg"><figcaption>A tanker at sea. <span class="credit">Photo: AP / J. Roe</span></figcaption></figure>
<p>The ministry said the crews, about 40 sailors in all, were being questioned in port.</p>
<div class="related"><a href="/a">Other story one</a><a href="/b">Other story two</a></div>
</article><footer>Terms of use. Privacy policy.</footer></body></html>"#;
        let a = extract(page);
        assert_eq!(a.title.as_deref(), Some("Ships seized in the strait"));
        assert_eq!(a.publisher.as_deref(), Some("Harbour Times"));
        assert_eq!(a.byline, ["Jane Doe"]);
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.section, ["News", "World"]);
        let published = a.published.as_ref().unwrap();
        assert_eq!((published.value.as_str(), published.from), ("2024-10-04T09:30:00+03:00", PublishedFrom::JsonLd));
        assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("The navy seized"));
        assert_eq!(a.captions, [Caption { text: "A tanker at sea.".into(), credit: Some("AP / J. Roe".into()) }]);
        assert!(a.removed.iter().any(|r| r.reason == RemovedReason::ShareBar));
        assert!(a.removed.iter().any(|r| r.reason == RemovedReason::Related));
    }

    #[test]
    fn article_in_parts_across_the_layout_and_behind_a_read_more() {
        let page = r##"<html><body><div id="read_more"><a href="#">Read More</a>
<div class="row"><div class="col"><div class="story-text">
<p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p>
<p>Drivers will be sent over the northern ring road, which adds about ten minutes to a crossing.</p></div></div>
<div class="col ad"><p>Advertisement</p></div></div>
<div class="row"><div class="col"><div class="story-text">
<p>Shop owners near the bridge said they feared losing customers for the whole of the coming year.</p></div></div></div>
</div></body></html>"##;
        let a = extract(page);
        assert_eq!(a.paragraphs.len(), 4, "{:#?}", a.paragraphs);
        assert!(a.paragraphs[3].starts_with("Shop owners"));
    }

    #[test]
    fn steps_in_bare_wrappers_of_one_kind_and_its_variants() {
        let step = |class: &str, text: &str| format!(r#"<div class="step"><span>1</span><div class="step-copy {class}"><div><p>{text}</p></div></div></div>"#);
        let page = format!(
            "<html><body><div class=\"steps\">{}</div><div class=\"steps\">{}{}</div></body></html>",
            step("", "Mix the flour with the yeast in a bowl, then add the warm milk, the butter and the sugar, and knead it all."),
            step("", "Leave the dough, covered, in a warm place until it has grown by half, which takes about an hour."),
            step("has-no-title", "Cut the muffins in half, lay the lower halves on a board, and spread the cream over them, thickly."),
        );
        let a = extract(&page);
        assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
        assert!(a.paragraphs[2].starts_with("Cut the muffins"));
    }

    #[test]
    fn a_section_marked_for_its_ads_that_holds_a_long_paragraph_is_spared() {
        let long = "The grill reaches 800 degrees in a few minutes, and the steak came out medium, juicy and crisp on the outside. ".repeat(6);
        let page = format!(
            r#"<html><body><h1>The grill on test</h1><section class="Report__Section Report__Section--Ads"><h2>The result</h2><p class="Report__Text">{long}<br><br>{long}</p></section>
<div class="box"><p>More tests: the gas grill of the year, and why the cheapest of them, at 99 euros, is worth its price.</p></div></body></html>"#
        );
        let a = extract(&page);
        assert!(a.paragraphs.iter().any(|p| p.starts_with("The grill reaches")), "{:#?}", a.paragraphs);
    }

    #[test]
    fn disclosures_and_disclaimers_are_not_the_article() {
        let page = r#"<html><body><div class="article"><section class="editorial-disclosure"><p>This post contains references to products from one or more of our advertisers, and we may be paid when you click.</p></section>
<p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p></div></body></html>"#;
        let a = extract(page);
        assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
        assert!(a.removed.iter().any(|r| r.text.starts_with("This post contains") && r.reason == RemovedReason::Advertisement));
    }

    #[test]
    fn a_form_around_the_whole_page_holds_its_article() {
        let page = r#"<html><body><form id="mainform"><div class="recipe"><ul>
<li><div class="description">Heat the oven to 175 degrees and grease a round pan of 23 centimetres with butter.</div></li>
<li><div class="description">Bake for 42 to 48 minutes, or until a toothpick inserted in the centre comes out clean.</div></li>
</ul></div></form></body></html>"#;
        let a = extract(page);
        assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
    }

    #[test]
    fn a_lead_written_beside_the_texts_wrapper_and_an_abstract_open_the_article() {
        let page = r#"<html><body><article class="post"><div class="entry-content">
<p>It is six in the morning and still dark, and the chants of the monks drift over from the monastery.</p>
<div class="columns"><div class="column"><p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p></div></div></div></article></body></html>"#;
        let a = extract(page);
        assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("It is six"));
        let page = page.replace("<div class=\"entry-content\">", "<div class=\"field-abstract\">With 5.1 million euros, a river is to become a corridor for wildlife again.</div><div class=\"entry-content\">");
        assert!(extract(&page).paragraphs[0].starts_with("With 5.1 million euros"));
    }

    #[test]
    fn a_scripts_code_in_a_banner_does_not_outweigh_the_article() {
        let code = r#"var a=["vQ04YR1","kfEz9FG4","qw==","OwrFKQ==","zA==","83882segiSF","1dNwtfa","0ayNfOKToVsW0O11UfyFNZsG","9p/hCKdLHA=="];"#.repeat(20);
        let page = format!(
            r#"<html><body><div class="top"><div class="slot"><div class="box"><ins><a href="/subscribe">Subscribe</a><script>{code}</script></ins></div></div></div>
<article><div class="story"><p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p></div></article></body></html>"#
        );
        let a = extract(&page);
        assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
    }

    #[test]
    fn teaser_cards_wrapped_in_their_links_are_not_the_article() {
        let card = r#"<div class="slide"><a href="/tip/2"><div class="box"><div class="headline">Blind baking, with dried beans, lentils, chickpeas or rice, keeps a tart's base flat and crisp</div></div></a></div>"#.repeat(8);
        let page = format!(
            r#"<html><body><div class="swiper"><div class="wrapper">{card}</div></div>
<article><div class="step"><div class="copy">You know it: the seeds fall out when you slice a tomato, and the slices fall apart on the plate.</div></div>
<div class="step"><div class="copy">Lay the tomato on its side, with the stalk to the left or right, and the slices stay whole.</div></div></article></body></html>"#
        );
        let a = extract(&page);
        assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("You know it"));
    }

    #[test]
    fn ruby_readings_are_left_out_of_the_sentence() {
        let page = r##"<html><body><article><p><ruby>子<rt>こ</rt></ruby>どもへの<a href="#"><ruby><span>虐待</span><rt>ぎゃくたい</rt></ruby></a>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、<ruby>親<rp>(</rp><rt>おや</rt><rp>)</rp></ruby>が<ruby>子<rt>こ</rt></ruby>どもを<ruby>教育<rt>きょういく</rt></ruby>するために、体罰を禁止することになりました。</p></article></body></html>"##;
        assert_eq!(extract(page).paragraphs, ["子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、体罰を禁止することになりました。"]);
    }

    #[test]
    fn a_dateline_the_sentence_runs_on_from_stays_in_it() {
        let page = r#"<html><body><div class="entry"><p><span class="dateline">KOBE – </span>A total of 6,000 surgical masks have been lost at a hospital in Kobe, it was learned Tuesday.</p>
<p>The masks, worth ¥40,000, had been kept in a machine room on the third floor, officials said.</p></div></body></html>"#;
        assert!(extract(page).paragraphs[0].starts_with("KOBE – A total"), "{:#?}", extract(page).paragraphs);
    }

    #[test]
    fn text_written_into_a_div_after_a_lead_that_scored_higher() {
        let page = r#"<html><body><article><section><div class="detail"><header><h1>Wage talks</h1><div>
<p>Berlin/Potsdam.</p><p>Before the second round of talks for the public sector, the police union, the GdP, warned the employers, who have not yet made an offer, against stalling, delays, and excuses.</p></div></header>
<div class="content">Klemmer stressed that the applause had long faded. <br><br> Several hundred protesters want to make their demands heard outside the venue on Monday.</div></div></section></article></body></html>"#;
        let a = extract(page);
        assert!(a.paragraphs.iter().any(|p| p.contains("Several hundred protesters")), "{:#?}", a.paragraphs);
    }

    #[test]
    fn parts_of_one_kind_written_as_different_box_tags() {
        let page = r#"<html><body><div class="panel"><div class="block"><span class="body-text"><p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p></span></div></div>
<section class="row"><div class="col"><div class="body-text"><p>Shop owners near the bridge said they feared losing customers for the whole of the coming year.</p></div></div></section></body></html>"#;
        let a = extract(page);
        assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
    }

    #[test]
    fn a_date_line_among_the_first_paragraphs_is_a_dateline() {
        let page = r#"<html><body><article><p>Umweltzerstörung</p><p>Aktualisiert: 11.04.2020, 10:27</p>
<p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p></article></body></html>"#;
        let a = extract(page);
        assert!(a.removed.iter().any(|r| r.text.starts_with("Aktualisiert") && r.reason == RemovedReason::Dateline), "{:#?}", a.paragraphs);
        // A labelled date line anywhere.
        let page = page.replace("</article>", "<p>Stand: 05. Februar 2020</p></article>");
        assert!(extract(&page).removed.iter().any(|r| r.text.starts_with("Stand:") && r.reason == RemovedReason::Dateline));
    }

    #[test]
    fn a_subheadings_anchor_id_is_no_role() {
        let page = r#"<html><body><article class="article-content"><p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<h3 class="subheading" id="nav_only_the_foil_is_left__1">Only the foil is left</h3>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p></article></body></html>"#;
        assert!(extract(page).paragraphs.iter().any(|p| p == "Only the foil is left"), "{:#?}", extract(page).paragraphs);
    }

    #[test]
    fn cookie_notices_and_hidden_pop_ups_are_not_the_article() {
        let long = "This site and its partners store cookies and similar data on your device to measure the audience, keep you signed in and show offers";
        let notice = format!("<p>{long}, and here is why.</p>").repeat(4);
        let page = format!(
            r#"<html><body><div class="cookie-banner">{notice}</div><div aria-hidden="true" class="pum">{notice}</div><div class="privacy-notice collapsed">{notice}</div>
<div class="story"><p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p></div></body></html>"#
        );
        let a = extract(&page);
        assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("The council voted"));
    }

    #[test]
    fn standfirst_before_the_body() {
        let page = r#"<html><body><article><header class="entry-header"><h1>Bridge closed</h1>
<div class="entry-excerpt"><p>The old bridge will stay shut for a year while cracks are repaired.</p></div></header>
<div class="entry-content"><p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p></div>
</article></body></html>"#;
        let a = extract(page);
        assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("The old bridge will stay shut"));
        // Four levels above the text, outside any <article>.
        let page = r#"<html><body><div class="page"><h2 class="article-teaser"><p>The old bridge will stay shut for a year while cracks are repaired</p></h2><div class="row">
<div class="col"><div class="wrap"><div class="text"><p>The council voted on Tuesday to close the old bridge, citing cracks found by inspectors last month.</p>
<p>Repairs will take at least a year, the council said, and cost about 4 million euros in all.</p></div><p class="note">Photo: archive</p></div></div></div></div></body></html>"#;
        assert!(extract(page).paragraphs[0].starts_with("The old bridge will stay shut"), "{:#?}", extract(page).paragraphs);
        let page = page.replace(r#"<h2 class="article-teaser"><p>"#, r#"<h2><p class="news-description">"#);
        assert!(extract(&page).paragraphs[0].starts_with("The old bridge will stay shut"), "{:#?}", extract(&page).paragraphs);
    }
}
