use serde::Serialize;

/// How the publishing outlet is named when the page does not say.
pub const UNKNOWN_OUTLET: &str = "the publishing outlet";

/// A news article as extraction leaves it: clean body paragraphs and the page's metadata.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    pub title: Option<String>,
    /// Section path from breadcrumbs or metadata, outermost first ("News", "Politics").
    pub section: Vec<String>,
    /// Author names, without "By" and without the outlet's name.
    pub byline: Vec<String>,
    pub publisher: Option<String>,
    pub published: Option<Published>,
    /// The page's language as it declares it (`lang` attribute or metadata), if any.
    pub language: Option<String>,
    pub captions: Vec<Caption>,
    /// Body paragraphs in reading order, each a trimmed single block of text.
    pub paragraphs: Vec<String>,
    /// Every block taken out of the page, with why.
    pub removed: Vec<Removed>,
}

impl Article {
    /// An article that is only body paragraphs (input kind `plain`).
    pub fn from_paragraphs(paragraphs: Vec<String>) -> Article {
        Article { paragraphs, ..Article::default() }
    }

    /// The outlet that publishes this article, as the first link of every relay chain.
    ///
    /// ```
    /// let mut a = dossier_doc::Article::default();
    /// assert_eq!(a.outlet(), "the publishing outlet");
    /// a.publisher = Some("Kyiv Post".into());
    /// assert_eq!(a.outlet(), "Kyiv Post");
    /// ```
    pub fn outlet(&self) -> &str {
        self.publisher.as_deref().unwrap_or(UNKNOWN_OUTLET)
    }
}

/// The publication date or datetime, as the page states it (never shifted to UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// ISO 8601: `2024-10-04` or `2024-10-04T09:30:00+03:00`.
    pub value: String,
    pub from: PublishedFrom,
}

/// Where a publication date was found, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PublishedFrom {
    /// Given by the user with `--published`.
    Argument,
    JsonLd,
    Meta,
    TimeElement,
    Url,
    Text,
    /// A script's data, an app's state, names it (`"publishedAt": "2019-03-02T06:22:28+01:00"`).
    Script,
    /// The first date written anywhere on the page: a guess, when nothing on the page
    /// says which date is the publication's.
    FirstDateOnPage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caption {
    pub text: String,
    /// The photo credit ("EPA-EFE / HOW HWEE YOUNG"), without its "Photo:" label.
    pub credit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub text: String,
    pub reason: RemovedReason,
}

/// Why a block of the page is not part of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovedReason {
    Breadcrumb,
    Navigation,
    Title,
    Byline,
    Dateline,
    Caption,
    DuplicateCaption,
    ShareBar,
    Footer,
    Related,
    Newsletter,
    Comments,
    Cookie,
    Advertisement,
    Boilerplate,
}
