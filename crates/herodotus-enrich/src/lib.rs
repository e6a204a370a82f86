//! herodotus-enrich: quotes, tone, places, entities and duplicate-story clustering.
//!
//! [`Enricher`] is built once (gazetteer and tone lexicon compiled into the crate)
//! and shared by all threads; [`Enricher::enrich`] runs on one coded article:
//!
//! * [`quotes`]: direct and reported speech with speakers resolved to full names and codes;
//! * [`tone`]: GDELT-style tone of the article and of each sentence;
//! * [`places`]: place names resolved against the [`gazetteer`], ActionGeo and actor geography;
//! * [`entities`]: people, organisations and locations with counts, known or not.
//!
//! Across articles, [`dedup`] clusters near-duplicate stories (MinHash + LSH, see
//! [`minhash`]) and [`merge`] folds events into one record per
//! (date, source, target, code, place) with GDELT's counts.

pub mod dedup;
pub mod entities;
pub mod gazetteer;
pub mod merge;
pub mod minhash;
pub mod names;
pub mod places;
pub mod quotes;
pub mod speakers;
pub mod text;
pub mod tone;

pub use dedup::{cluster, ArticleSig, ClusterId};
pub use entities::{Entity, EntityKind};
pub use gazetteer::Gazetteer;
pub use merge::{merge_events, MergedEvent};
pub use places::PlaceMention;
pub use tone::{Tone, ToneLexicon};

use herodotus_core::{Article, CodedArticle, Coder, Quote};
use serde::Serialize;

/// Everything found in one article beyond its events.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Enrichment {
    /// Quotations and reported speech, in text order.
    pub quotes: Vec<Quote>,
    /// Tone of the whole article.
    pub tone: Tone,
    /// Tone of each sentence (parallel to `CodedArticle::sentences`).
    pub sentence_tones: Vec<Tone>,
    /// Resolved place names, in text order.
    pub places: Vec<PlaceMention>,
    /// People, organisations and locations with counts, most frequent first.
    pub entities: Vec<Entity>,
}

/// Quotes, tone, places and entities for coded articles. `Send + Sync`.
pub struct Enricher {
    gaz: Gazetteer,
    lex: ToneLexicon,
}

impl Default for Enricher {
    fn default() -> Self {
        Enricher::new()
    }
}

impl Enricher {
    /// Builds the enricher from the gazetteer and lexicon compiled into the crate.
    pub fn new() -> Enricher {
        // The built-in files are checked by this crate's tests, so this cannot fail
        // in a released build.
        let gaz = Gazetteer::builtin().unwrap_or_else(|e| panic!("built-in gazetteer: {e}"));
        Enricher::with_parts(gaz, ToneLexicon::vader())
    }

    /// Builds the enricher from a given gazetteer and lexicon.
    pub fn with_parts(gaz: Gazetteer, lex: ToneLexicon) -> Enricher {
        Enricher { gaz, lex }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// The tone lexicon.
    pub fn lexicon(&self) -> &ToneLexicon {
        &self.lex
    }

    /// Finds quotes, tone, places and entities; fills each event's
    /// `sentence_tone`, `article_tone`, `action_geo`, `source_geo`, `target_geo`
    /// and `quotes` (quotes overlapping the event's sentence).
    pub fn enrich(&self, article: &Article, coded: &mut CodedArticle, coder: &Coder) -> Enrichment {
        let _ = coder; // Actor look-ups by name will use it once the coder offers them.
        self.enrich_coded(article, coded)
    }

    /// [`Enricher::enrich`] without a coder: uses only the article's mentions.
    pub fn enrich_coded(&self, article: &Article, coded: &mut CodedArticle) -> Enrichment {
        let text = article.text.as_str();
        let sentences: Vec<[usize; 2]> = if coded.sentences.is_empty() {
            herodotus_core::sentences::split(text)
        } else {
            coded
                .sentences
                .iter()
                .map(|&s| text::clamp(text, s))
                .collect()
        };
        let is_place = |w: &str| self.gaz.is_place_word(w);
        let mut finder = quotes::QuoteFinder::new(text, &coded.mentions, &is_place);
        let quotes = finder.find(&article.id);
        let places = self.places(text, &coded.mentions, finder.people());
        let entities = entities::entities(
            text,
            finder.units(),
            &coded.mentions,
            finder.people(),
            &places,
        );
        let tone = self.lex.tone(text, [0, text.len()]);
        let sentence_tones: Vec<Tone> = sentences.iter().map(|&s| self.lex.tone(text, s)).collect();
        for ev in &mut coded.events {
            let span = text::clamp(text, ev.sentence_span);
            let st = sentences
                .iter()
                .position(|&s| s == span)
                .map(|i| sentence_tones[i])
                .unwrap_or_else(|| self.lex.tone(text, span));
            ev.sentence_tone = Some(st.tone);
            ev.article_tone = Some(tone.tone);
            ev.action_geo = places::action_geo(&places, ev);
            ev.source_geo = places::actor_geo(&self.gaz, &ev.source_code);
            ev.target_geo = places::actor_geo(&self.gaz, &ev.target_code);
            ev.quotes = quotes
                .iter()
                .filter(|q| q.span[0] < span[1] && span[0] < q.span[1])
                .cloned()
                .collect();
        }
        Enrichment {
            quotes,
            tone,
            sentence_tones,
            places,
            entities,
        }
    }

    /// Quotes of an article (the `herodotus quotes` command).
    pub fn quotes(&self, article: &Article, coded: &CodedArticle) -> Vec<Quote> {
        let is_place = |w: &str| self.gaz.is_place_word(w);
        quotes::QuoteFinder::new(&article.text, &coded.mentions, &is_place).find(&article.id)
    }

    /// Entities of an article (the `herodotus unknown-actors` command).
    pub fn entities(&self, article: &Article, coded: &CodedArticle) -> Vec<Entity> {
        let text = article.text.as_str();
        let is_place = |w: &str| self.gaz.is_place_word(w);
        let mut finder = quotes::QuoteFinder::new(text, &coded.mentions, &is_place);
        let _ = finder.find(&article.id);
        let places = self.places(text, &coded.mentions, finder.people());
        entities::entities(
            text,
            finder.units(),
            &coded.mentions,
            finder.people(),
            &places,
        )
    }

    /// Places of an article, less names that are people ("Jackson said", "Mr. Lincoln").
    fn places(
        &self,
        text: &str,
        mentions: &[herodotus_core::Mention],
        people: &speakers::People,
    ) -> Vec<PlaceMention> {
        let mut places = places::find_places(&self.gaz, text, mentions);
        places.retain(|p| {
            let person_mention = mentions.iter().any(|m| {
                m.kind == herodotus_core::ActorKind::Person
                    && m.span[0] < p.span[1]
                    && p.span[0] < m.span[1]
            });
            let person = people.occurrences.iter().any(|o| {
                !people.entries[o.entry].is_org && o.span[0] < p.span[1] && p.span[0] < o.span[1]
            });
            p.dateline || !(person_mention || person)
        });
        places
    }

    /// The duplicate-detection signature of an article; country names and their
    /// variants ("Russian Federation") are folded to one token first.
    pub fn signature(&self, article: &Article) -> ArticleSig {
        let mut folded = String::with_capacity(article.text.len());
        let mut last = 0;
        for h in self.gaz.find_names(&article.text) {
            let form = &self.gaz.forms[h.form];
            if let Some(&e) = form.entries.first() {
                let ent = &self.gaz.entries[e];
                if ent.level == gazetteer::Level::Country
                    && form.entries.len() == 1
                    && !form.adjective
                {
                    folded.push_str(&article.text[last..h.span[0]]);
                    folded.push_str(&ent.iso3);
                    last = h.span[1];
                }
            }
        }
        folded.push_str(&article.text[last..]);
        ArticleSig::new(&folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn enricher_is_send_sync() {
        assert_send_sync::<Enricher>();
    }
}
