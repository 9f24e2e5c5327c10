//! [`Filing`]: one analysed article as the ledger keeps it — owned, with spans in characters.

use dossier_doc::{CharOffsets, Doc, EntityKind, Interval, Polarity, QuantityKind, Span, TimeType};
use serde::{Deserialize, Serialize};

/// Where an article came from and when it was taken in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// SHA-256 of the raw bytes, in hex: the article's identity (a re-ingest is a no-op).
    pub sha256: String,
    /// The file, or the record inside a container (`crawl.warc.gz#12`).
    pub origin: String,
    pub url: Option<String>,
    /// RFC 3339 UTC.
    pub ingested_at: String,
}

/// A piece of the article body: character offsets and the text between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledEntity {
    pub key: String,
    pub name: String,
    pub kind: String,
    pub mentions: Vec<Excerpt>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledFigure {
    pub excerpt: Excerpt,
    pub kind: String,
    pub interval: Bounds,
    pub approximate: bool,
    pub hedge: Option<String>,
    pub modality: Option<String>,
    /// What is counted or measured, lower-cased ("shells").
    pub unit: Option<String>,
    pub currency: Option<String>,
    pub per: Option<String>,
    /// share × base, when the figure is a share of another.
    pub derived: Option<Bounds>,
}

/// An interval with open or closed ends; `None` is unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    pub low: Option<f64>,
    pub low_inclusive: bool,
    pub high: Option<f64>,
    pub high_inclusive: bool,
}

impl From<Interval> for Bounds {
    fn from(i: Interval) -> Bounds {
        Bounds { low: i.low, low_inclusive: i.low_inclusive, high: i.high, high_inclusive: i.high_inclusive }
    }
}

impl std::fmt::Display for Bounds {
    /// `[10000, ∞)`, `(20, ∞)`, `[0, 4800000]`, `4800000` for a point.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let num = |x: f64| if x.fract() == 0.0 && x.abs() < 1e15 { format!("{x:.0}") } else { format!("{x}") };
        match (self.low, self.high) {
            (Some(l), Some(h)) if l == h => write!(f, "{}", num(l)),
            _ => {
                let open = if self.low_inclusive { '[' } else { '(' };
                let close = if self.high_inclusive { ']' } else { ')' };
                let low = self.low.map_or("-∞".to_string(), num);
                let high = self.high.map_or("∞".to_string(), num);
                write!(f, "{open}{low}, {high}{close}")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiledTime {
    pub excerpt: Excerpt,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledSource {
    /// The entity's cross-article key when the source is a named entity.
    pub key: Option<String>,
    pub name: Option<String>,
    pub excerpt: Excerpt,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiledClaim {
    pub content: Excerpt,
    pub source: Option<FiledSource>,
    pub cue: Option<Excerpt>,
    pub hedges: Vec<Excerpt>,
    pub negative: bool,
    pub quoted: bool,
    /// From the publishing outlet outwards to the original source.
    pub relay: Vec<String>,
    /// Indexes into [`Filing::figures`], [`Filing::times`] and [`Filing::entities`].
    pub figures: Vec<usize>,
    pub times: Vec<usize>,
    pub entities: Vec<usize>,
    pub said_on: Option<String>,
}

/// A block extraction took out of the page, and why ("footer", "share-bar", …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedBlock {
    pub text: String,
    pub reason: String,
}

/// One analysed article, ready to be stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Filing {
    pub provenance: Provenance,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// The date as found (or as given), and its calendar day.
    pub published: Option<String>,
    pub published_day: Option<String>,
    /// The publication moment in a form that sorts: UTC when the page gives a time and an
    /// offset, else the date or datetime as given. "First" in the ledger means by this.
    pub published_at: Option<String>,
    pub byline: Vec<String>,
    pub section: Vec<String>,
    pub language: Option<String>,
    /// Photo captions with their credits.
    #[serde(default)]
    pub captions: Vec<(String, Option<String>)>,
    /// What extraction removed, so that an analyst can check it.
    #[serde(default)]
    pub removed: Vec<RemovedBlock>,
    pub body: String,
    pub paragraphs: Vec<Excerpt>,
    pub entities: Vec<FiledEntity>,
    pub figures: Vec<FiledFigure>,
    pub times: Vec<FiledTime>,
    pub claims: Vec<FiledClaim>,
}

fn kind_name<T: Serialize>(kind: T) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

impl Filing {
    /// Copies what the ledger keeps out of an analysed document.
    pub fn new(doc: &Doc, provenance: Provenance) -> Filing {
        let offsets = CharOffsets::new(&doc.text);
        let excerpt = |s: Span| Excerpt { start: offsets.char_offset(s.start()), end: offsets.char_offset(s.end()), text: doc.slice(s).to_string() };
        let a = &doc.article;
        let published = a.published.as_ref().map(|p| p.value.clone());
        let published_day = published.as_deref().and_then(|p| p.get(..10)).filter(|d| d.parse::<jiff::civil::Date>().is_ok()).map(str::to_string);
        let outlet = a.outlet().to_string();
        let published_at = published.as_deref().and_then(|p| match p.parse::<jiff::Timestamp>() {
            Ok(t) => Some(t.to_string()),
            Err(_) => published_day.as_ref().map(|day| p.get(..19).filter(|dt| dt.parse::<jiff::civil::DateTime>().is_ok()).unwrap_or(day).to_string()),
        });
        Filing {
            provenance,
            title: a.title.clone(),
            publisher: a.publisher.clone(),
            published,
            published_day,
            published_at,
            byline: a.byline.clone(),
            section: a.section.clone(),
            language: a.language.clone(),
            captions: a.captions.iter().map(|c| (c.text.clone(), c.credit.clone())).collect(),
            removed: a.removed.iter().map(|r| RemovedBlock { text: r.text.clone(), reason: kind_name(r.reason) }).collect(),
            body: doc.text.clone(),
            paragraphs: doc.paragraphs.iter().map(|&p| excerpt(p)).collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| FiledEntity { key: e.key.clone(), name: e.name.clone(), kind: kind_name(e.kind), mentions: e.mentions.iter().map(|&m| excerpt(m)).collect() })
                .collect(),
            figures: doc
                .quantities
                .iter()
                .map(|q| FiledFigure {
                    excerpt: excerpt(q.span),
                    kind: kind_name::<QuantityKind>(q.kind),
                    interval: q.interval.into(),
                    approximate: q.approximate,
                    hedge: q.hedge.map(|h| doc.slice(h).to_string()),
                    modality: q.modality.map(|m| doc.slice(m).to_string()),
                    unit: q.unit.as_ref().map(|u| u.to_lowercase()),
                    currency: q.currency.clone(),
                    per: q.per.clone(),
                    derived: q.derived.map(Bounds::from),
                })
                .collect(),
            times: doc.times.iter().map(|t| FiledTime { excerpt: excerpt(t.span), kind: kind_name::<TimeType>(t.kind), value: t.value.clone() }).collect(),
            claims: doc
                .claims
                .iter()
                .map(|c| FiledClaim {
                    content: excerpt(c.content),
                    source: c.source.as_ref().map(|s| FiledSource {
                        key: s.entity.map(|e| doc.entities[e].key.clone()),
                        name: s.entity.map(|e| doc.entities[e].name.clone()),
                        excerpt: excerpt(s.span),
                    }),
                    cue: c.cue.map(excerpt),
                    hedges: c.hedges.iter().map(|&h| excerpt(h)).collect(),
                    negative: c.polarity == Polarity::Negative,
                    quoted: c.quoted,
                    relay: std::iter::once(outlet.clone()).chain(c.relay.iter().cloned()).collect(),
                    figures: c.quantities.clone(),
                    times: c.times.clone(),
                    entities: c.entities.clone(),
                    said_on: c.said_on.map(|t| doc.times[t].value.clone()),
                })
                .collect(),
        }
    }

    /// The filing as stored: JSON, deflated (a fifth of the bytes to write).
    pub fn pack(&self) -> Vec<u8> {
        use std::io::Write;
        let json = serde_json::to_vec(self).expect("a filing is plain data and always serialises");
        let mut out = flate2::write::DeflateEncoder::new(Vec::with_capacity(json.len() / 4), flate2::Compression::fast());
        out.write_all(&json).and_then(|_| out.finish()).expect("writing to memory cannot fail")
    }

    /// The inverse of [`Filing::pack`].
    ///
    /// ```
    /// # use dossier_ledger::{Filing, Provenance};
    /// let doc = dossier_doc::Doc::new(dossier_doc::Article::from_paragraphs(vec!["Six ships sank.".into()]));
    /// let filing = Filing::new(&doc, Provenance { sha256: "00".repeat(32), origin: "a.txt".into(), url: None, ingested_at: "2025-01-01T00:00:00Z".into() });
    /// assert_eq!(Filing::unpack(&filing.pack()).unwrap(), filing);
    /// assert!(Filing::unpack(b"not deflate").is_err());
    /// ```
    pub fn unpack(bytes: &[u8]) -> Result<Filing, String> {
        let json = flate2::read::DeflateDecoder::new(bytes);
        serde_json::from_reader(json).map_err(|e| e.to_string())
    }

    /// The key of the publishing outlet, joinable with entity keys.
    pub fn publisher_key(&self) -> Option<String> {
        self.publisher.as_deref().map(|p| dossier_entities::entity_key(EntityKind::Outlet, p))
    }
}
