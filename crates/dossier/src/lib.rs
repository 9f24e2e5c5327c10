//! dossier: from news pages to a sourced ledger of claims.
//!
//! This crate is the pipeline you can see: [`analyse`] runs each stage in order —
//! page decoding ([`dossier_page`]), extraction ([`dossier_extract`]), tokens and
//! sentences ([`dossier_text`]), times ([`dossier_times`]), entities
//! ([`dossier_entities`]), figures ([`dossier_figures`]) and claims ([`dossier_claims`]) —
//! each reading the layers before it from one [`Doc`] and adding its own. [`Report`] is
//! the JSON contract of `dossier extract` (documented by `docs/output.schema.json`).
//!
//! **Key decision: the reference date is explicit.** It comes from `--published`, else
//! from the page's own metadata, else there is none and relative dates stay
//! unresolved; the clock is never consulted, so output is reproducible.
//!
//! ```
//! use dossier::{analyse, Reference};
//! let page = dossier_page::decode(
//!     b"The ministry said on Thursday that at least 20 soldiers were killed.",
//!     dossier_page::InputKind::Plain,
//! ).unwrap();
//! let doc = analyse(&page, Reference::parse("2024-10-04").ok());
//! assert_eq!(doc.claims.len(), 1);
//! assert_eq!(doc.times[0].value, "2024-10-03");
//! assert_eq!(doc.quantities[0].interval.low, Some(20.0));
//! ```

mod report;

pub use report::Report;

use dossier_doc::{Doc, Published, PublishedFrom};
use dossier_page::Page;

/// A publication date given on the command line (ISO date or datetime).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// As given, normalised: "2024-10-04" or "2024-10-04T09:30:00+03:00".
    pub value: String,
    pub date: jiff::civil::Date,
}

impl Reference {
    /// Parses an ISO 8601 date or datetime, keeping its own calendar day.
    ///
    /// ```
    /// use dossier::Reference;
    /// assert_eq!(Reference::parse("2024-10-04T23:30:00-05:00").unwrap().date.to_string(), "2024-10-04");
    /// assert!(Reference::parse("04/10/2024").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Reference, String> {
        let text = text.trim();
        let complaint = || format!("'{text}' is not an ISO 8601 date: write it as 2024-10-04 or 2024-10-04T09:30:00+03:00");
        let date: jiff::civil::Date = text.get(..10).ok_or_else(complaint)?.parse().map_err(|_| complaint())?;
        let whole_ok = text.len() == 10
            || text.parse::<jiff::Timestamp>().is_ok()
            || text.parse::<jiff::civil::DateTime>().is_ok();
        if !whole_ok {
            return Err(complaint());
        }
        Ok(Reference { value: text.to_string(), date })
    }
}

/// Runs every stage over a decoded page. `published` overrides the page's own date.
pub fn analyse(page: &Page, published: Option<Reference>) -> Doc {
    let mut article = dossier_extract::extract(page);
    if let Some(p) = &published {
        article.published = Some(Published { value: p.value.clone(), from: PublishedFrom::Argument });
    }
    let reference = published.map(|p| p.date).or_else(|| {
        let value = &article.published.as_ref()?.value;
        value.get(..10)?.parse().ok()
    });
    let mut doc = Doc::new(article);
    dossier_text::annotate(&mut doc);
    doc.times = dossier_times::annotate(&doc, reference);
    doc.entities = dossier_entities::annotate(&doc);
    doc.quantities = dossier_figures::annotate(&doc);
    doc.claims = dossier_claims::annotate(&doc);
    doc
}
