//! The JSON output of `dossier extract`: every span as `{start, end, text}` in characters.

use dossier_doc::{CharOffsets, Doc, Interval, Published, RemovedReason, Span};
use dossier_page::Page;
use serde::Serialize;

/// One input's output. Field names are a contract (see `docs/output.schema.json`).
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub document: DocumentInfo,
    pub article: ArticleOut<'a>,
    pub sentences: Vec<SpanOut<'a>>,
    pub entities: Vec<EntityOut<'a>>,
    pub quantities: Vec<QuantityOut<'a>>,
    pub times: Vec<TimeOut<'a>>,
    pub claims: Vec<ClaimOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct DocumentInfo {
    pub path: String,
    pub sha256: String,
    pub bytes: usize,
    pub input: &'static str,
    pub encoding: &'static str,
}

#[derive(Debug, Serialize)]
pub struct SpanOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ArticleOut<'a> {
    pub title: Option<&'a str>,
    pub section: &'a [String],
    pub byline: &'a [String],
    pub publisher: Option<&'a str>,
    pub published: Option<&'a Published>,
    pub language: Option<&'a str>,
    pub captions: &'a [dossier_doc::Caption],
    pub body: &'a str,
    pub paragraphs: Vec<SpanOut<'a>>,
    pub removed: Vec<RemovedOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RemovedOut<'a> {
    pub text: &'a str,
    pub reason: RemovedReason,
}

#[derive(Debug, Serialize)]
pub struct EntityOut<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: dossier_doc::EntityKind,
    pub key: &'a str,
    pub mentions: Vec<SpanOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct QuantityOut<'a> {
    pub id: String,
    pub span: SpanOut<'a>,
    pub kind: dossier_doc::QuantityKind,
    pub value: Option<f64>,
    pub interval: Interval,
    pub approximate: bool,
    pub hedge: Option<&'a str>,
    pub modality: Option<&'a str>,
    pub unit: Option<&'a str>,
    pub unit_span: Option<SpanOut<'a>>,
    pub currency: Option<&'a str>,
    pub per: Option<&'a str>,
    /// The id of the figure this one is a share of.
    pub base: Option<String>,
    /// share × base, computed, not written in the text.
    pub derived: Option<Interval>,
}

#[derive(Debug, Serialize)]
pub struct TimeOut<'a> {
    pub id: String,
    pub span: SpanOut<'a>,
    #[serde(rename = "type")]
    pub kind: dossier_doc::TimeType,
    pub value: &'a str,
    pub resolved: bool,
}

#[derive(Debug, Serialize)]
pub struct SourceOut<'a> {
    pub entity: Option<&'a str>,
    pub name: Option<&'a str>,
    pub span: SpanOut<'a>,
}

#[derive(Debug, Serialize)]
pub struct ClaimOut<'a> {
    pub id: String,
    pub content: SpanOut<'a>,
    pub source: Option<SourceOut<'a>>,
    pub cue: Option<SpanOut<'a>>,
    pub hedges: Vec<SpanOut<'a>>,
    pub polarity: dossier_doc::Polarity,
    pub quoted: bool,
    /// From the publishing outlet outwards to the original source.
    pub relay: Vec<&'a str>,
    pub quantities: Vec<String>,
    pub times: Vec<String>,
    pub entities: Vec<&'a str>,
    pub said_on: Option<String>,
}

impl<'a> Report<'a> {
    pub fn new(doc: &'a Doc, page: &Page, path: &str) -> Report<'a> {
        let offsets = CharOffsets::new(&doc.text);
        let span = |s: Span| SpanOut { start: offsets.char_offset(s.start()), end: offsets.char_offset(s.end()), text: doc.slice(s) };
        let a = &doc.article;
        let outlet = a.outlet();
        Report {
            document: DocumentInfo {
                path: path.to_string(),
                sha256: page.sha256.clone(),
                bytes: page.bytes,
                input: page.kind.name(),
                encoding: page.encoding,
            },
            article: ArticleOut {
                title: a.title.as_deref(),
                section: &a.section,
                byline: &a.byline,
                publisher: a.publisher.as_deref(),
                published: a.published.as_ref(),
                language: a.language.as_deref(),
                captions: &a.captions,
                body: &doc.text,
                paragraphs: doc.paragraphs.iter().map(|&p| span(p)).collect(),
                removed: a.removed.iter().map(|r| RemovedOut { text: &r.text, reason: r.reason }).collect(),
            },
            sentences: doc.sentences.iter().map(|&s| span(s)).collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| EntityOut { id: &e.id, name: &e.name, kind: e.kind, key: &e.key, mentions: e.mentions.iter().map(|&m| span(m)).collect() })
                .collect(),
            quantities: doc
                .quantities
                .iter()
                .enumerate()
                .map(|(i, q)| QuantityOut {
                    id: format!("q{}", i + 1),
                    span: span(q.span),
                    kind: q.kind,
                    value: q.value,
                    interval: q.interval,
                    approximate: q.approximate,
                    hedge: q.hedge.map(|h| doc.slice(h)),
                    modality: q.modality.map(|m| doc.slice(m)),
                    unit: q.unit.as_deref(),
                    unit_span: q.unit_span.map(span),
                    currency: q.currency.as_deref(),
                    per: q.per.as_deref(),
                    base: q.base.map(|b| format!("q{}", b + 1)),
                    derived: q.derived,
                })
                .collect(),
            times: doc
                .times
                .iter()
                .enumerate()
                .map(|(i, t)| TimeOut { id: format!("t{}", i + 1), span: span(t.span), kind: t.kind, value: &t.value, resolved: t.resolved })
                .collect(),
            claims: doc
                .claims
                .iter()
                .enumerate()
                .map(|(i, c)| ClaimOut {
                    id: format!("c{}", i + 1),
                    content: span(c.content),
                    source: c.source.as_ref().map(|s| SourceOut {
                        entity: s.entity.map(|e| doc.entities[e].id.as_str()),
                        name: s.entity.map(|e| doc.entities[e].name.as_str()),
                        span: span(s.span),
                    }),
                    cue: c.cue.map(span),
                    hedges: c.hedges.iter().map(|&h| span(h)).collect(),
                    polarity: c.polarity,
                    quoted: c.quoted,
                    relay: std::iter::once(outlet).chain(c.relay.iter().map(String::as_str)).collect(),
                    quantities: c.quantities.iter().map(|q| format!("q{}", q + 1)).collect(),
                    times: c.times.iter().map(|t| format!("t{}", t + 1)).collect(),
                    entities: c.entities.iter().map(|&e| doc.entities[e].id.as_str()).collect(),
                    said_on: c.said_on.map(|t| format!("t{}", t + 1)),
                })
                .collect(),
        }
    }
}
