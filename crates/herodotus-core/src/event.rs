//! The coded output: events, and the quotes and places attached to them.
//!
//! Field names are a public contract (outside tooling reads them): keep them stable.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// One coded event: who did what to whom, when, in which sentence, and why.
///
/// The struct is `#[non_exhaustive]`: outside this crate, build one with
/// [`Event::builder`] (tests, stand-ins, rows read back from a store):
///
/// ```
/// # use herodotus_core::Event;
/// let e = Event::builder().source_code("USAGOV").event_code("111").build();
/// assert_eq!(e.cameo().root(), "11");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// A builder that starts from the empty event (`Event::default()`).
    pub fn builder() -> EventBuilder {
        EventBuilder(Event::default())
    }

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

/// Builds an [`Event`] field by field; each setter is named after its field.
/// Fields not set keep their empty value (as in `Event::default()`).
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct EventBuilder(Event);

setters! {
    EventBuilder, Event;
    strings: article_id, sentence, source_code, source_text, target_code, target_text,
        event_code, event_root, event_label, pattern;
    others:
    date: Option<Date>,
    sentence_index: usize,
    quad_class: u8,
    goldstein: f32,
    plover: Option<String>,
    source_span: [usize; 2],
    target_span: [usize; 2],
    verb_span: [usize; 2],
    sentence_span: [usize; 2],
    is_root_event: bool,
    actor_inferred: bool,
    sentence_tone: Option<f32>,
    article_tone: Option<f32>,
    action_geo: Option<Place>,
    source_geo: Option<Place>,
    target_geo: Option<Place>,
    quotes: Vec<Quote>,
}

impl EventBuilder {
    /// The event.
    pub fn build(self) -> Event {
        self.0
    }
}

/// A resolved place (GDELT's Geo_ columns).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
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
#[non_exhaustive]
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

impl Quote {
    /// Starts a quote of this kind; each setter of the [`QuoteBuilder`] is named
    /// after its field, and fields not set stay empty (no speaker, verb or
    /// description, span `[0, 0]`). Other crates build quotes this way: `Quote` is
    /// `#[non_exhaustive]`.
    pub fn builder(kind: crate::codes::QuoteKind) -> QuoteBuilder {
        QuoteBuilder(Quote {
            article_id: String::new(),
            quote: String::new(),
            speaker: None,
            speaker_code: None,
            kind,
            verb: None,
            speaker_description: None,
            span: [0, 0],
        })
    }
}

/// Builds a [`Quote`] field by field (see [`Quote::builder`]).
#[derive(Clone, Debug)]
#[must_use]
pub struct QuoteBuilder(Quote);

setters! {
    QuoteBuilder, Quote;
    strings: article_id, quote;
    others:
    speaker: Option<String>,
    speaker_code: Option<String>,
    verb: Option<String>,
    speaker_description: Option<String>,
    span: [usize; 2],
}

impl QuoteBuilder {
    /// The quote.
    pub fn build(self) -> Quote {
        self.0
    }
}

impl Place {
    /// A place from its name, kind (1 country, 2 first-level division, 3 city),
    /// ISO alpha-3 country code, first-level division code and coordinates.
    pub fn new(
        name: impl Into<String>,
        kind: u8,
        country_code: impl Into<String>,
        adm1: Option<String>,
        lat: f64,
        lon: f64,
    ) -> Place {
        Place {
            name: name.into(),
            kind,
            country_code: country_code.into(),
            adm1,
            lat,
            lon,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}
