//! `herodotus merge`: articles in, one merged event per line out.
//!
//! Every article is coded and enriched (in parallel, by the [`herodotus_pipeline::Pipeline`]),
//! its duplicate-detection signature is computed ([`herodotus_enrich::Enricher::signature`]), the
//! articles are clustered into stories ([`herodotus_enrich::dedup::cluster`]) and
//! the events of all articles are folded into one record per
//! (date, source, target, event code, place) by [`merge::merge_events`], with
//! GDELT's NumMentions, NumSources, NumArticles and AvgTone and a link to every
//! mention.
//!
//! **Memory:** unlike `herodotus code`, which streams, this command necessarily
//! holds the events (and a 512-byte signature) of *all* input articles until the
//! end of the input, because a story may be reprinted anywhere in it. Article
//! texts are not kept, and the per-event sentence text and quotes are dropped
//! before the events are stored, but memory still grows with the input: split very
//! large corpora (by date, say) and merge each part.

use crate::common::{self, CodeArgs};
use anyhow::{Context as _, Result};
use herodotus_core::Event;
use herodotus_enrich::merge::{self, ArticleEvents, MergedEvent};
use herodotus_enrich::{ArticleSig, ClusterId};
use herodotus_pipeline::{FnSink, Processed};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

/// Output formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per merged event.
    Jsonl,
    /// Tab-separated, GDELT-like column names, with a header.
    Tsv,
}

/// Arguments of `merge`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    code: CodeArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    #[command(flatten)]
    out: crate::common::OutputArgs,
    /// Store the merged events in this SQLite database (replacing those stored
    /// by an earlier merge), for `query --merged` and the dashboard. With --db,
    /// nothing goes to stdout unless -o is given.
    #[arg(long, value_name = "FILE")]
    db: Option<std::path::PathBuf>,
}

/// Column names of the TSV output (GDELT's names where GDELT has the field).
pub const COLUMNS: &[&str] = &[
    "SQLDATE",
    "Actor1Code",
    "Actor2Code",
    "IsRootEvent",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "NumStories",
    "AvgTone",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "MentionArticleIds",
];

/// What is kept of one article until all input is read.
struct Coded {
    /// Article id.
    id: String,
    /// Publisher.
    source: Option<String>,
    /// Article tone.
    tone: f32,
    /// Its events, without sentence text and quotes.
    events: Vec<Event>,
    /// Its duplicate-detection signature.
    sig: ArticleSig,
}

/// One JSONL output record: the merged event plus the stories it was seen in.
#[derive(Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    event: &'a MergedEvent,
    /// GDELT's `SQLDATE` (YYYYMMDD), if dated.
    #[serde(skip_serializing_if = "Option::is_none")]
    sqldate: Option<u32>,
    /// The distinct stories (duplicate clusters) of the mentions, in order of first
    /// mention, with the number of input articles in each.
    stories: Vec<StoryRef>,
}

/// A duplicate cluster and its size.
#[derive(Serialize)]
struct StoryRef {
    /// Cluster id: the input index of the cluster's first article.
    cluster: ClusterId,
    /// Articles in the cluster (all of them, whether or not they mention this event).
    articles: usize,
}

/// Distinct article ids of a merged event's mentions, in order of first mention.
fn mention_ids(e: &MergedEvent) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    for m in &e.mentions {
        if !ids.contains(&m.article_id.as_str()) {
            ids.push(&m.article_id);
        }
    }
    ids
}

/// One merged event as TSV fields (see [`COLUMNS`]).
pub fn row(e: &MergedEvent) -> Vec<String> {
    let (name, country, lat, lon) = match &e.place {
        Some(p) => (
            p.name.clone(),
            p.country_code.clone(),
            format!("{:.4}", p.lat),
            format!("{:.4}", p.lon),
        ),
        None => Default::default(),
    };
    vec![
        e.date
            .map(|d| d.to_sqldate().to_string())
            .unwrap_or_default(),
        e.source_code.clone(),
        e.target_code.clone(),
        u8::from(e.is_root_event).to_string(),
        e.event_code.clone(),
        e.event_root.clone(),
        e.quad_class.to_string(),
        format!("{:.1}", e.goldstein),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        e.num_stories.to_string(),
        format!("{:.4}", e.avg_tone),
        name,
        country,
        lat,
        lon,
        mention_ids(e).join(";"),
    ]
}

fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn write_record(
    out: &mut impl Write,
    format: Format,
    e: &MergedEvent,
    sizes: &HashMap<ClusterId, usize>,
) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            let mut stories: Vec<StoryRef> = Vec::new();
            for m in &e.mentions {
                if !stories.iter().any(|s| s.cluster == m.cluster) {
                    stories.push(StoryRef {
                        cluster: m.cluster,
                        articles: sizes.get(&m.cluster).copied().unwrap_or(0),
                    });
                }
            }
            let rec = Record {
                event: e,
                sqldate: e.date.map(|d| d.to_sqldate()),
                stories,
            };
            serde_json::to_writer(&mut *out, &rec)?;
            out.write_all(b"\n")
        }
        Format::Tsv => writeln!(
            out,
            "{}",
            row(e)
                .iter()
                .map(|f| tsv_field(f))
                .collect::<Vec<_>>()
                .join("\t")
        ),
    }
}

/// Runs `merge`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = args.code.pipeline(|o| o.signature = true)?;
    // Open the output and the database before the (long) coding so a bad path
    // fails early.
    let mut out = match (&args.db, &args.out.output) {
        (Some(_), None) => None,
        _ => Some(args.out.open()?),
    };
    let mut store = match &args.db {
        Some(db) => Some(
            herodotus_store::Store::open(db)
                .with_context(|| format!("opening the database {}", db.display()))?,
        ),
        None => None,
    };

    let mut coded: Vec<Coded> = Vec::new();
    let mut sink = FnSink(|a: herodotus_core::Article, p: Processed| {
        let mut events = p.coded.events;
        for ev in &mut events {
            // Not part of the merged record: free them now.
            ev.sentence = String::new();
            ev.quotes = Vec::new();
        }
        coded.push(Coded {
            id: a.id,
            source: a.source,
            tone: p.tone.unwrap_or(0.0),
            events,
            sig: p.signature.unwrap_or_default(),
        });
        Ok(())
    });
    let stats = args.code.run(&pipeline, &mut sink)?;

    let sigs: Vec<ArticleSig> = coded
        .iter_mut()
        .map(|c| std::mem::take(&mut c.sig))
        .collect();
    let clusters = herodotus_enrich::cluster(&sigs);
    drop(sigs);
    let mut sizes: HashMap<ClusterId, usize> = HashMap::new();
    for &c in &clusters {
        *sizes.entry(c).or_default() += 1;
    }
    let articles: Vec<ArticleEvents<'_>> = coded
        .iter()
        .zip(&clusters)
        .map(|(c, &cluster)| {
            ArticleEvents::new(&c.id, c.source.as_deref(), cluster, c.tone, &c.events)
        })
        .collect();
    let merged = merge::merge_events(&articles);

    if let (Some(store), Some(db)) = (store.as_mut(), &args.db) {
        store
            .replace_merged(&merged)
            .with_context(|| format!("storing merged events into {}", db.display()))?;
    }
    let written = (|| -> Result<()> {
        let Some(out) = out.as_mut() else {
            return Ok(());
        };
        if args.format == Format::Tsv {
            writeln!(out, "{}", COLUMNS.join("\t"))?;
        }
        for e in &merged {
            write_record(out, args.format, e, &sizes)?;
        }
        out.flush()?;
        Ok(())
    })();
    match written {
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) => {}
        r => r?,
    }

    eprintln!(
        "herodotus: {} articles, {} stories, {} events, {} merged records{}",
        stats.articles,
        sizes.len(),
        stats.events,
        merged.len(),
        common::skipped(&stats),
    );
    Ok(common::exit_code(&stats))
}
