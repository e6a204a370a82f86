//! herodotus-enrich: quotes, tone, places, entities and duplicate-story clustering.
//!
//! [`Enricher`] is built once (gazetteer and tone lexicon compiled into the crate)
//! and shared by all threads; [`Enricher::enrich`] runs on one coded article:
//!
//! * [`quotes`]: direct and reported speech with speakers resolved to full names and codes;
//! * [`tone`]: GDELT-style tone of the article and of each sentence;
//! * [`places`]: place names resolved against the [`gazetteer`], ActionGeo and actor geography;
//! * [`Entity`]: people, organisations and locations with counts, known or not.
//!
//! Across articles, [`dedup`] clusters near-duplicate stories (MinHash + LSH) and
//! [`merge`] folds events into one record per (date, source, target, code, place)
//! with GDELT's counts.
//!
//! The modules behind these (speakers, names, the extractors' words, MinHash) are
//! internal; the crate root re-exports the types a caller needs.

pub mod dedup;
pub(crate) mod entities;
pub mod gazetteer;
pub mod merge;
pub(crate) mod minhash;
pub(crate) mod names;
pub mod places;
pub mod quotes;
pub(crate) mod speakers;
pub(crate) mod text;
pub mod tone;

pub use dedup::{cluster, cluster_with, ArticleSig, ClusterId, DedupParams};
pub use entities::{Entity, EntityKind};
pub use gazetteer::{Gazetteer, GazetteerError};
pub use merge::{merge_events, ArticleEvents, MentionLink, MergedEvent};
pub use places::PlaceMention;
pub use tone::{Tone, ToneLexicon};

use herodotus_core::doc::Doc;
use herodotus_core::tokens::Token;
use herodotus_core::{Article, CodedArticle, Coder, Quote};
use serde::Serialize;

/// Everything found in one article beyond its events.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
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
    /// Caps that bit ([`MAX_PLACES`], [`MAX_QUOTES`], [`MAX_ENTITIES`]), one line each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Longest stretch of an article (bytes) that quotes, speakers, places and
/// entities analyse together. Longer articles are cut into windows at sentence
/// starts (inside a longer sentence, at a space) and each window is analysed on
/// its own, so the cost is linear in the article length whatever the text: those
/// stages compare names, quotes and pronouns with each other within a window.
/// News articles are shorter (a 10,000-word feature is ~60 KB); what a longer text
/// loses is a pronoun or surname resolved across a window boundary.
pub const WINDOW: usize = 64 * 1024;

/// Most places kept per article (each is ~200 bytes: 2 million of them in a 50 MB
/// line took 400 MB). Later places are not resolved; events after them get no
/// ActionGeo from them. Like the other caps, it bites only on texts far longer
/// than news (a long article names a few hundred places).
pub const MAX_PLACES: usize = 10_000;
/// Most quotes kept per article; later quotes are not attributed.
pub const MAX_QUOTES: usize = 10_000;
/// Most distinct entities kept per article; known ones go on being counted.
pub const MAX_ENTITIES: usize = 10_000;

/// Cuts `[0, text.len())` into consecutive windows of at most [`WINDOW`] bytes,
/// preferring sentence starts, then whitespace, then any char boundary.
fn windows(text: &str, sentences: &[[usize; 2]]) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > WINDOW {
        let limit = start + WINDOW;
        let k = sentences.partition_point(|s| s[0] <= limit);
        let by_sentence = k
            .checked_sub(1)
            .map(|i| sentences[i][0])
            .filter(|&c| c > start + WINDOW / 4);
        let cut = by_sentence.unwrap_or_else(|| {
            let mut end = limit;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let mut from = start + WINDOW / 2;
            while !text.is_char_boundary(from) {
                from += 1;
            }
            text[from..end]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(end, |(i, c)| from + i + c.len_utf8())
        });
        out.push([start, cut]);
        start = cut;
    }
    out.push([start, text.len()]);
    out
}

/// The document's tokens when they are every token of the text (no sentence left
/// unanalysed by the article cap, none cut into byte windows): then enrichment
/// reads them instead of tokenising again.
fn doc_words<'d>(doc: &'d Doc<'_>) -> Option<&'d [Token]> {
    let whole = doc.sentences.iter().all(|s| !s.skipped && !s.split_bytes);
    whole.then_some(doc.tokens.as_slice())
}

/// The extractors' words of `text[w0..w1]` (offsets relative to `w0`): from the
/// document's tokens when given and none crosses the window's ends, else read
/// from the window's text.
fn window_words(text: &str, doc_tokens: Option<&[Token]>, [w0, w1]: [usize; 2]) -> text::Words {
    if let Some(toks) = doc_tokens {
        let i = toks.partition_point(|t| t.start < w0);
        let j = toks.partition_point(|t| t.start < w1);
        let crosses = (i > 0 && toks[i - 1].end > w0) || (j > i && toks[j - 1].end > w1);
        if !crosses {
            return text::Words::from_core(text, &toks[i..j], w0);
        }
    }
    text::Words::of(&text[w0..w1])
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

    /// Enriches an analysed document (the pipeline's path): the sentences, their
    /// windows and the actor mentions are the [`Doc`]'s, built once per article and
    /// coded by [`Coder::code_doc`]; nothing here splits the article again.
    pub fn enrich_doc(&self, doc: &Doc<'_>, coded: &mut CodedArticle) -> Enrichment {
        let text = doc.text();
        let sentences: Vec<[usize; 2]> = doc
            .sentences
            .iter()
            .map(|s| text::clamp(text, s.span.to_array()))
            .collect();
        self.enrich_parts(
            doc.article,
            &doc.mentions,
            &sentences,
            doc_words(doc),
            coded,
        )
    }

    /// [`Enricher::enrich`] without a coder: uses only the article's mentions, and
    /// the coded sentences (split afresh when there are none).
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
        let mentions = std::mem::take(&mut coded.mentions);
        let e = self.enrich_parts(article, &mentions, &sentences, None, coded);
        coded.mentions = mentions;
        e
    }

    /// The one enrichment path, on an article's sentences and mentions.
    fn enrich_parts(
        &self,
        article: &Article,
        mentions: &[herodotus_core::Mention],
        sentences: &[[usize; 2]],
        doc_tokens: Option<&[Token]>,
        coded: &mut CodedArticle,
    ) -> Enrichment {
        let text = article.text.as_str();
        let (quotes, places, entities, notes) =
            self.analyse(article, mentions, sentences, doc_tokens);
        // Tone from the document's words when there are all of them (read once);
        // else tokenised a chunk at a time, which bounds memory on huge texts.
        let (tone, sentence_tones): (Tone, Vec<Tone>) = match doc_tokens {
            Some(toks) => {
                let words = text::Words::from_core(text, toks, 0);
                let tone = self.lex.tone_of_words(text, words.all());
                let st = sentences
                    .iter()
                    .map(|&s| self.lex.tone_of_words(text, &words.within(text, s)))
                    .collect();
                (tone, st)
            }
            None => (
                self.lex.tone(text, [0, text.len()]),
                sentences.iter().map(|&s| self.lex.tone(text, s)).collect(),
            ),
        };
        // Indexed look-ups: a scan of all sentences and quotes per event was
        // quadratic on long articles.
        let mut sentence_at: std::collections::HashMap<[usize; 2], usize> =
            std::collections::HashMap::with_capacity(sentences.len());
        for (i, &s) in sentences.iter().enumerate() {
            sentence_at.entry(s).or_insert(i);
        }
        let quote_index = text::SpanIndex::new(quotes.iter().map(|q| q.span));
        for ev in &mut coded.events {
            let span = text::clamp(text, ev.sentence_span);
            let st = sentence_at
                .get(&span)
                .map(|&i| sentence_tones[i])
                .unwrap_or_else(|| self.lex.tone(text, span));
            ev.sentence_tone = Some(st.tone);
            ev.article_tone = Some(tone.tone);
            ev.action_geo = places::action_geo(&places, ev);
            ev.source_geo = places::actor_geo(&self.gaz, &ev.source_code);
            ev.target_geo = places::actor_geo(&self.gaz, &ev.target_code);
            let mut hits: Vec<usize> = quote_index.overlapping(span).collect();
            hits.sort_unstable();
            ev.quotes = hits.into_iter().map(|i| quotes[i].clone()).collect();
        }
        Enrichment {
            quotes,
            tone,
            sentence_tones,
            places,
            entities,
            notes,
        }
    }

    /// Quotes of an analysed document (the `herodotus quotes` command).
    pub fn quotes_doc(&self, doc: &Doc<'_>) -> Vec<Quote> {
        let sentences: Vec<[usize; 2]> = doc.sentences.iter().map(|s| s.span.to_array()).collect();
        self.analyse(doc.article, &doc.mentions, &sentences, doc_words(doc))
            .0
    }

    /// Quotes of an article from its coded sentences and mentions.
    pub fn quotes(&self, article: &Article, coded: &CodedArticle) -> Vec<Quote> {
        self.analyse(article, &coded.mentions, &coded.sentences, None)
            .0
    }

    /// Entities of an article (the `herodotus unknown-actors` command).
    pub fn entities(&self, article: &Article, coded: &CodedArticle) -> Vec<Entity> {
        self.analyse(article, &coded.mentions, &coded.sentences, None)
            .2
    }

    /// Quotes, places and entities, found window by window (see [`WINDOW`]).
    /// `sentences` (may be empty) give the preferred cut points.
    fn analyse(
        &self,
        article: &Article,
        mentions: &[herodotus_core::Mention],
        sentences: &[[usize; 2]],
        doc_tokens: Option<&[Token]>,
    ) -> (Vec<Quote>, Vec<PlaceMention>, Vec<Entity>, Vec<String>) {
        let text = article.text.as_str();
        let is_place = |w: &str| self.gaz.is_place_word(w);
        let wins = windows(text, sentences);
        if wins.len() == 1 {
            let words = window_words(text, doc_tokens, [0, text.len()]);
            let mut finder = quotes::QuoteFinder::with_words(text, words, mentions, &is_place);
            let quotes = finder.find(&article.id);
            let places = self.places(text, mentions, finder.people());
            let entities = entities::entities_with(
                text,
                finder.words(),
                finder.units(),
                mentions,
                finder.people(),
                &places,
            );
            return (quotes, places, entities, Vec::new());
        }
        // Mentions by start, so each window takes its own in O(log n).
        let mut by_start: Vec<usize> = (0..mentions.len()).collect();
        by_start.sort_by_key(|&i| mentions[i].span[0]);
        let (mut quotes, mut places, mut entities) = (Vec::new(), Vec::new(), Vec::new());
        let mut entity_at: std::collections::HashMap<String, usize> = Default::default();
        let (mut lost_quotes, mut lost_places, mut lost_entities) = (0usize, 0usize, 0usize);
        for [w0, w1] in wins {
            let wtext = &text[w0..w1];
            let from = by_start.partition_point(|&i| mentions[i].span[0] < w0);
            let to = by_start.partition_point(|&i| mentions[i].span[0] < w1);
            let wm: Vec<herodotus_core::Mention> = by_start[from..to]
                .iter()
                .map(|&i| &mentions[i])
                .filter(|m| m.span[1] <= w1)
                .map(|m| {
                    let mut m = m.clone();
                    m.span = [m.span[0] - w0, m.span[1] - w0];
                    m
                })
                .collect();
            let words = window_words(text, doc_tokens, [w0, w1]);
            let mut finder = quotes::QuoteFinder::with_words(wtext, words, &wm, &is_place);
            for mut q in finder.find(&article.id) {
                if quotes.len() == MAX_QUOTES {
                    lost_quotes += 1;
                    continue;
                }
                q.span = [q.span[0] + w0, q.span[1] + w0];
                quotes.push(q);
            }
            let wplaces = self.places(wtext, &wm, finder.people());
            for mut e in entities::entities_with(
                wtext,
                finder.words(),
                finder.units(),
                &wm,
                finder.people(),
                &wplaces,
            ) {
                e.first_span = [e.first_span[0] + w0, e.first_span[1] + w0];
                match entity_at.get(&e.name) {
                    Some(&i) => {
                        let old: &mut Entity = &mut entities[i];
                        old.count += e.count;
                        old.known |= e.known;
                        if old.code.is_none() {
                            old.code = e.code;
                        }
                    }
                    None if entities.len() == MAX_ENTITIES => lost_entities += 1,
                    None => {
                        entity_at.insert(e.name.clone(), entities.len());
                        entities.push(e);
                    }
                }
            }
            for mut p in wplaces {
                if places.len() == MAX_PLACES {
                    lost_places += 1;
                    continue;
                }
                p.span = [p.span[0] + w0, p.span[1] + w0];
                places.push(p);
            }
        }
        let mut notes = Vec::new();
        for (n, what, max) in [
            (lost_quotes, "quotes", MAX_QUOTES),
            (lost_places, "places", MAX_PLACES),
            (lost_entities, "entities", MAX_ENTITIES),
        ] {
            if n > 0 {
                notes.push(format!(
                    "enrichment kept the first {max} {what}; {n} more not kept"
                ));
            }
        }
        entities.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.first_span[0].cmp(&b.first_span[0]))
        });
        (quotes, places, entities, notes)
    }

    /// Places of an article, less names that are people ("Jackson said", "Mr. Lincoln").
    fn places(
        &self,
        text: &str,
        mentions: &[herodotus_core::Mention],
        people: &speakers::People,
    ) -> Vec<PlaceMention> {
        let mut places = places::find_places(&self.gaz, text, mentions);
        // Indexed: a scan of all mentions and names per place was quadratic.
        let person_mentions = text::SpanIndex::new(
            mentions
                .iter()
                .filter(|m| m.kind == herodotus_core::ActorKind::Person)
                .map(|m| m.span),
        );
        let person_names = text::SpanIndex::new(
            people
                .occurrences
                .iter()
                .filter(|o| !people.entries[o.entry].is_org)
                .map(|o| o.span),
        );
        places.retain(|p| {
            let person_mention = person_mentions.any_overlap(p.span);
            let person = person_names.any_overlap(p.span);
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
    fn windows_cover_the_text_at_sentence_starts_or_spaces() {
        let sentence = "Russia accused Ukraine of shelling the city. ";
        let text = sentence.repeat(5000);
        let sents = herodotus_core::sentences::split(&text);
        let w = windows(&text, &sents);
        assert!(w.len() >= text.len() / WINDOW, "{}", w.len());
        assert_eq!(w[0][0], 0);
        assert_eq!(w.last().unwrap()[1], text.len());
        for pair in w.windows(2) {
            assert_eq!(pair[0][1], pair[1][0]);
            assert!(text[pair[1][0]..].starts_with("Russia"));
        }
        assert!(w.iter().all(|x| x[1] - x[0] <= WINDOW));
        // One sentence with no stops, multi-byte spaces and letters: cut at spaces.
        let text = "Zürich\u{3000}".repeat(20000);
        let w = windows(&text, &[[0, text.len()]]);
        assert!(w.len() > 1 && w.iter().all(|x| x[1] - x[0] <= WINDOW));
        for x in &w[1..] {
            assert!(text[x[0]..].starts_with('Z'));
        }
        // No spaces at all: any char boundary.
        let text = "é".repeat(100_000);
        let w = windows(&text, &[]);
        assert!(w.len() > 1 && w.iter().all(|x| text.is_char_boundary(x[0])));
        assert_eq!(windows("short", &[]), vec![[0, 5]]);
    }

    #[test]
    fn long_articles_are_enriched_window_by_window() {
        // Quotes and places found in every window, with spans into the whole text.
        let para = "\"We will not give up,\" the mayor of Kharkiv said. ";
        let text = para.repeat(4000);
        let article = Article::builder().id("long").text(text.clone()).build();
        let en = Enricher::new();
        let mut coded = CodedArticle::default();
        let e = en.enrich_coded(&article, &mut coded);
        assert_eq!(e.quotes.len(), 4000);
        for q in &e.quotes {
            assert_eq!(&text[q.span[0]..q.span[1]], "We will not give up,");
        }
        assert_eq!(e.places.len(), 4000);
        assert!(e
            .places
            .iter()
            .all(|p| &text[p.span[0]..p.span[1]] == "Kharkiv"));
        let kharkiv = e.entities.iter().find(|x| x.name == "Kharkiv").unwrap();
        assert_eq!(kharkiv.count, 4000);
    }

    #[test]
    fn places_quotes_and_entities_are_capped_with_a_note() {
        // A hostile article naming a place 12,000 times: 10,000 are kept, and
        // the note says how many were not (was: 2 million places, 400 MB, for 50 MB).
        let text = "Troops left Kharkiv and \"we stay\", Qa Qb said. ".repeat(12_000);
        let article = Article::builder().id("caps").text(text).build();
        let e = Enricher::new().enrich_coded(&article, &mut CodedArticle::default());
        assert_eq!(e.places.len(), MAX_PLACES);
        assert_eq!(e.quotes.len(), MAX_QUOTES);
        assert!(
            e.notes
                .iter()
                .any(|n| n.contains("10000 places; 2000 more")),
            "{:?}",
            e.notes
        );
        assert!(
            e.notes.iter().any(|n| n.contains("quotes")),
            "{:?}",
            e.notes
        );
    }

    #[test]
    fn the_documents_tokens_give_the_same_words_as_the_text() {
        use herodotus_core::coder::{Budget, Caps};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let lines = std::fs::read_to_string(root.join("samples/articles.jsonl")).unwrap();
        let mut texts: Vec<String> = lines
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        texts.push(
            "\"We won't,\" Russia's envoy said.Next, al-Assad's U.S.-based aide paid 50,000."
                .into(),
        );
        for t in texts {
            let a = Article::builder().id("w").text(t.clone()).build();
            let doc = Doc::build(&a, &Caps::default(), &Budget::unlimited()).unwrap();
            let toks = doc_words(&doc).expect("every token analysed");
            assert_eq!(
                window_words(&t, Some(toks), [0, t.len()]),
                text::Words::of(&t)
            );
            // A window in the middle, at a sentence start, reads the same words.
            if let Some(s) = doc.sentences.get(1) {
                let w = [s.span.start, t.len()];
                assert_eq!(
                    window_words(&t, Some(toks), w),
                    text::Words::of(&t[w[0]..w[1]])
                );
            }
        }
    }

    #[test]
    fn enricher_is_send_sync() {
        assert_send_sync::<Enricher>();
    }
}
