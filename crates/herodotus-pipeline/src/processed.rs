//! What the pipeline produces for one article.

use herodotus_core::{CodedArticle, Quote};
use herodotus_enrich::{ArticleSig, Entity, PlaceMention};

/// One article, coded and (unless enrichment is off) enriched: the unit that
/// flows from the [`crate::Pipeline`] to every [`crate::EventSink`].
///
/// When the engine's `Doc` lands, it will be carried here too, so sinks read one
/// analysed document instead of re-splitting the text.
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
