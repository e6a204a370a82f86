//! The coded output: events, and the quotes and places attached to them.
//!
//! Field names are a public contract (outside tooling reads them): keep them stable.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// One coded event: who did what to whom, when, in which sentence, and why.
///
/// `Default` is an empty event, for tests and stand-ins:
/// `Event { source_code: "USAGOV".into(), event_code: "111".into(), ..Event::default() }`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id of the article the event came from.
    pub article_id: String,
    /// The article's date (events are dated by their story).
    pub date: Option<Date>,
    /// 0-based index of the sentence in the article.
    pub sentence_index: usize,
    /// The sentence text.
    pub sentence: String,
    /// Source actor code, e.g. `USAGOV` (see [`Event::source`]).
    pub source_code: String,
    /// The words the source code came from.
    pub source_text: String,
    /// Target actor code; empty when the event has no target.
    pub target_code: String,
    /// The words the target code came from.
    pub target_text: String,
    /// CAMEO event code, e.g. `190`.
    pub event_code: String,
    /// CAMEO root (first two digits), e.g. `19`.
    pub event_root: String,
    /// CAMEO label of the event code.
    pub event_label: String,
    /// GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein score, -10..+10.
    pub goldstein: f32,
    /// PLOVER event type, if the CAMEO code has one.
    pub plover: Option<String>,
    /// The dictionary entry that fired: `file:line pattern-text`.
    pub pattern: String,
    /// Byte span of the source words in the article text.
    pub source_span: [usize; 2],
    /// Byte span of the target words in the article text (`[0,0]` when none).
    pub target_span: [usize; 2],
    /// Byte span of the verb in the article text.
    pub verb_span: [usize; 2],
    /// Byte span of the sentence in the article text.
    pub sentence_span: [usize; 2],
    /// True for events from the lead paragraph (GDELT's IsRootEvent).
    pub is_root_event: bool,
    /// True when the source or target code was inferred from the article's country
    /// (a bare agent such as "police" in an article datelined "BEIRUT (AP) —"), not
    /// read in the sentence. Written only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub actor_inferred: bool,
    /// Tone of the sentence (GDELT sense: positive % minus negative %), when computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_tone: Option<f32>,
    /// Tone of the whole article, when computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_tone: Option<f32>,
    /// Where the event happened, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_geo: Option<Place>,
    /// Where the source actor is from, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_geo: Option<Place>,
    /// Where the target actor is from, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_geo: Option<Place>,
    /// Quotes that overlap the event's sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
}

impl Event {
    /// The source actor code, typed.
    pub fn source(&self) -> crate::codes::ActorCode<'_> {
        crate::codes::ActorCode::new(&self.source_code)
    }

    /// The target actor code, typed (empty when the event has no target).
    pub fn target(&self) -> crate::codes::ActorCode<'_> {
        crate::codes::ActorCode::new(&self.target_code)
    }

    /// The CAMEO event code, typed.
    pub fn cameo(&self) -> crate::codes::CameoCode<'_> {
        crate::codes::CameoCode::new(&self.event_code)
    }
}

/// A resolved place (GDELT's Geo_ columns).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Full name, e.g. `Aleppo, Aleppo Governorate, Syria`.
    pub name: String,
    /// 1 country, 2 first-level division, 3 city (GDELT's Geo_Type, roughly).
    pub kind: u8,
    /// ISO 3166-1 alpha-3 country code.
    pub country_code: String,
    /// First-level division code, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adm1: Option<String>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// A quotation with its speaker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Id of the article.
    pub article_id: String,
    /// The quoted words (without the quotation marks).
    pub quote: String,
    /// The speaker's full name as the article gives it, if found.
    pub speaker: Option<String>,
    /// The speaker's actor code, where the dictionaries know it.
    pub speaker_code: Option<String>,
    /// `direct` or `indirect`.
    pub kind: crate::codes::QuoteKind,
    /// The speech verb ("said", "told", "according to").
    pub verb: Option<String>,
    /// For an unnamed source (`speaker` null): how the article describes it ("a
    /// senior security official"). Written only when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_description: Option<String>,
    /// Byte span of the quote in the article text.
    pub span: [usize; 2],
}

fn is_false(b: &bool) -> bool {
    !*b
}
