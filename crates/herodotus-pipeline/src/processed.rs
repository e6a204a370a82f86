//! What the pipeline produces for one article.

use herodotus_core::{CodedArticle, Quote};
use herodotus_enrich::{ArticleSig, Entity, PlaceMention};

/// One article, coded and (unless enrichment is off) enriched: the unit that
/// flows from the [`crate::Pipeline`] to every [`crate::EventSink`].
///
/// The article's `herodotus_core::doc::Doc` (built once by
/// [`crate::Pipeline::process`], read by the coder and by enrichment) borrows the
/// article and holds every token, so it is dropped here: sinks read the coded
/// sentence spans (the document's sentences) and mentions, which are its owned
/// results, and a batch in flight does not keep every token of 512 articles.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Processed {
    /// Sentences, mentions and events (events carry tone, places and quotes when
    /// enriched).
    pub coded: CodedArticle,
    /// Quotes with speakers (empty when not enriched).
    pub quotes: Vec<Quote>,
    /// The article's tone, when enriched.
    pub tone: Option<f32>,
    /// People, organisations and locations with counts (empty when not enriched).
    pub entities: Vec<Entity>,
    /// Resolved place names (empty when not enriched).
    pub places: Vec<PlaceMention>,
    /// Duplicate-detection signature, when [`crate::Options::signature`] is set.
    pub signature: Option<ArticleSig>,
    /// Enrichment caps that bit (see `herodotus_enrich::MAX_PLACES`), one line
    /// each; [`crate::Pipeline::run`] reports them with the coder's.
    pub notes: Vec<String>,
}

impl Processed {
    /// A processed article with only coding results (as with enrichment off).
    pub fn new(coded: CodedArticle) -> Processed {
        Processed {
            coded,
            ..Processed::default()
        }
    }
}
