//! Events merged across articles: one record per (date, source, target, event
//! code, place), with GDELT's counts and links to every mention.
//!
//! * `num_mentions`: all mentions, repeats within one article included (NumMentions);
//! * `num_sources`: distinct publishers (NumSources);
//! * `num_articles`: distinct documents (NumArticles);
//! * `num_stories`: distinct duplicate clusters (one story counted once);
//! * `avg_tone`: mean tone of the distinct documents that mention it (AvgTone).

use crate::dedup::ClusterId;
use herodotus_core::{Date, Event, Place};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The coded events of one article, with what merging needs to know of it.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct ArticleEvents<'a> {
    /// Article id.
    pub article_id: &'a str,
    /// Publisher, when known (articles without one count as their own source).
    pub source: Option<&'a str>,
    /// Its duplicate cluster (see [`crate::dedup::cluster`]).
    pub cluster: ClusterId,
    /// Article tone.
    pub tone: f32,
    /// Its events.
    pub events: &'a [Event],
}

impl<'a> ArticleEvents<'a> {
    /// An article's events with its id, publisher, duplicate cluster and tone.
    pub fn new(
        article_id: &'a str,
        source: Option<&'a str>,
        cluster: ClusterId,
        tone: f32,
        events: &'a [Event],
    ) -> ArticleEvents<'a> {
        ArticleEvents {
            article_id,
            source,
            cluster,
            tone,
            events,
        }
    }
}

/// One mention of a merged event.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct MentionLink {
    /// Article id.
    pub article_id: String,
    /// Publisher.
    pub source: Option<String>,
    /// Sentence index in the article.
    pub sentence_index: usize,
    /// The article's duplicate cluster.
    pub cluster: ClusterId,
}

/// One event, merged over all its mentions. Built by [`merge_events`]; a reader
/// of stored merged events starts from `MergedEvent::default()`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct MergedEvent {
    /// Event date.
    pub date: Option<Date>,
    /// Source actor code.
    pub source_code: String,
    /// Target actor code.
    pub target_code: String,
    /// CAMEO event code.
    pub event_code: String,
    /// CAMEO root code.
    pub event_root: String,
    /// QuadClass.
    pub quad_class: u8,
    /// Goldstein score.
    pub goldstein: f32,
    /// Where it happened (ActionGeo), if resolved.
    pub place: Option<Place>,
    /// True when any mention is a root event (lead paragraph).
    pub is_root_event: bool,
    /// All mentions, repeats included.
    pub num_mentions: usize,
    /// Distinct publishers.
    pub num_sources: usize,
    /// Distinct documents.
    pub num_articles: usize,
    /// Distinct stories (duplicate clusters).
    pub num_stories: usize,
    /// Mean tone of the distinct documents.
    pub avg_tone: f32,
    /// Every mention.
    pub mentions: Vec<MentionLink>,
}

type Key = (Option<Date>, String, String, String, String);

/// Distinct articles (with tone), sources and clusters of one merged event.
type Seen = (HashMap<String, f32>, HashSet<String>, HashSet<ClusterId>);

/// Merges events across articles, in order of first mention.
pub fn merge_events(articles: &[ArticleEvents<'_>]) -> Vec<MergedEvent> {
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<MergedEvent> = Vec::new();
    // Per merged event: distinct articles (with tone), sources, clusters.
    let mut seen: Vec<Seen> = Vec::new();
    for a in articles {
        for ev in a.events {
            let place_key = ev
                .action_geo
                .as_ref()
                .map(|p| format!("{}|{}", p.country_code, p.name))
                .unwrap_or_default();
            let key = (
                ev.date,
                ev.source_code.clone(),
                ev.target_code.clone(),
                ev.event_code.clone(),
                place_key,
            );
            let i = *index.entry(key).or_insert_with(|| {
                out.push(MergedEvent {
                    date: ev.date,
                    source_code: ev.source_code.clone(),
                    target_code: ev.target_code.clone(),
                    event_code: ev.event_code.clone(),
                    event_root: ev.event_root.clone(),
                    quad_class: ev.quad_class,
                    goldstein: ev.goldstein,
                    place: ev.action_geo.clone(),
                    is_root_event: false,
                    num_mentions: 0,
                    num_sources: 0,
                    num_articles: 0,
                    num_stories: 0,
                    avg_tone: 0.0,
                    mentions: Vec::new(),
                });
                seen.push(Default::default());
                out.len() - 1
            });
            let m = &mut out[i];
            m.num_mentions += 1;
            m.is_root_event |= ev.is_root_event;
            m.mentions.push(MentionLink {
                article_id: a.article_id.to_string(),
                source: a.source.map(String::from),
                sentence_index: ev.sentence_index,
                cluster: a.cluster,
            });
            let (arts, srcs, clusters) = &mut seen[i];
            arts.insert(a.article_id.to_string(), a.tone);
            srcs.insert(
                a.source
                    .map_or_else(|| format!("\u{0}{}", a.article_id), String::from),
            );
            clusters.insert(a.cluster);
        }
    }
    for (m, (arts, srcs, clusters)) in out.iter_mut().zip(seen) {
        m.num_articles = arts.len();
        m.num_sources = srcs.len();
        m.num_stories = clusters.len();
        m.avg_tone = if arts.is_empty() {
            0.0
        } else {
            arts.values().sum::<f32>() / arts.len() as f32
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(src: &str, code: &str, sentence_index: usize) -> Event {
        let mut e = crate::places::tests::test_event(
            "Russian troops shelled the town.",
            "Russian troops shelled the town.",
        );
        e.date = Date::parse("2024-05-10");
        e.source_code = src.into();
        e.target_code = "UKR".into();
        e.event_code = code.into();
        e.sentence_index = sentence_index;
        e
    }

    #[test]
    fn counts_follow_gdelt_definitions() {
        let a = [ev("RUSMIL", "190", 0), ev("RUSMIL", "190", 3)]; // repeated in one article
        let b = [ev("RUSMIL", "190", 1), ev("RUSMIL", "111", 2)];
        let c = [ev("RUSMIL", "190", 0)];
        let arts = [
            ArticleEvents {
                article_id: "a",
                source: Some("Reuters"),
                cluster: 0,
                tone: -4.0,
                events: &a,
            },
            ArticleEvents {
                article_id: "b",
                source: Some("Reuters"),
                cluster: 0,
                tone: -2.0,
                events: &b,
            },
            ArticleEvents {
                article_id: "c",
                source: Some("BBC"),
                cluster: 2,
                tone: 0.0,
                events: &c,
            },
        ];
        let m = merge_events(&arts);
        assert_eq!(m.len(), 2);
        let e = &m[0];
        assert_eq!(
            (e.num_mentions, e.num_articles, e.num_sources, e.num_stories),
            (4, 3, 2, 2)
        );
        assert!((e.avg_tone - (-2.0)).abs() < 1e-6);
        assert_eq!(e.mentions.len(), 4);
        assert_eq!(m[1].event_code, "111");
        assert_eq!((m[1].num_mentions, m[1].num_articles), (1, 1));
    }
}
