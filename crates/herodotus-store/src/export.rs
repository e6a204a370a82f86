//! Writing queried events, through the pipeline's one writer per format
//! ([`herodotus_pipeline::EventWriter`]): JSONL, CSV, GDELT TSV, Parquet.

use crate::{Error, EventFilter, Result, Store};
use herodotus_pipeline::{EventRow, EventWriter, Format};
use std::io::Write;

fn pipeline_error(e: herodotus_pipeline::Error) -> Error {
    match e {
        herodotus_pipeline::Error::Io(io) => Error::Io(io),
        other => Error::BadQuery(other.to_string()),
    }
}

/// Writes the events matching `filter` to `out` in `format`, streaming (Parquet
/// in row groups). Returns the number of events written. A closed pipe (`| head`)
/// ends the output quietly.
pub fn write_events<W: Write + Send>(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    out: W,
) -> Result<u64> {
    let mut n = 0u64;
    let mut w = EventWriter::new(out, format).map_err(pipeline_error)?;
    let written = store
        .for_each_event(filter, |e| {
            let mut row = EventRow::new(&e.event);
            row.id = Some(e.id);
            row.title = e.title.as_deref();
            row.url = e.url.as_deref();
            w.write_row(&row).map_err(pipeline_error)?;
            n += 1;
            Ok(())
        })
        .and_then(|()| w.finish().map_err(pipeline_error));
    match written {
        Err(Error::Io(io)) if io.kind() == std::io::ErrorKind::BrokenPipe => Ok(n),
        Err(e) => Err(e),
        Ok(()) => Ok(n),
    }
}

/// Writes the stored merged events matching `filter` (see
/// [`Store::merged_events`]): JSONL gives each merged record with its mentions;
/// the tabular formats give one row per merged event with GDELT's NumMentions,
/// NumSources, NumArticles and AvgTone filled in (the first mention's article id
/// stands for the article).
pub fn write_merged<W: Write + Send>(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    mut out: W,
) -> Result<u64> {
    let merged = store.merged_events(filter)?;
    let written = (|| -> Result<()> {
        if format == Format::Jsonl {
            for m in &merged {
                serde_json::to_writer(&mut out, m)?;
                out.write_all(b"\n")?;
            }
            out.flush()?;
            return Ok(());
        }
        let mut w = EventWriter::new(out, format).map_err(pipeline_error)?;
        for m in &merged {
            let first = m.mentions.first();
            let event = herodotus_core::Event::builder()
                .article_id(first.map(|l| l.article_id.clone()).unwrap_or_default())
                .date(m.date)
                .sentence_index(first.map_or(0, |l| l.sentence_index))
                .source_code(m.source_code.clone())
                .target_code(m.target_code.clone())
                .event_code(m.event_code.clone())
                .event_root(m.event_root.clone())
                .quad_class(m.quad_class)
                .goldstein(m.goldstein)
                .is_root_event(m.is_root_event)
                .action_geo(m.place.clone())
                .build();
            let mut row = EventRow::new(&event);
            row.counts = Some(herodotus_pipeline::Counts::new(
                m.num_mentions,
                m.num_sources,
                m.num_articles,
                m.avg_tone,
            ));
            w.write_row(&row).map_err(pipeline_error)?;
        }
        w.finish().map_err(pipeline_error)
    })();
    match written {
        Err(Error::Io(io)) if io.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    Ok(merged.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil;

    fn store() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let (a, mut c, q) = testutil::article("a", "2024-03-02", 2);
        c.events[0].sentence = "He said, \"no\"".into();
        s.insert_coded(&a, &c, &q).unwrap();
        s
    }

    #[test]
    fn formats() {
        let s = store();
        let f = EventFilter::default();
        let mut buf = Vec::new();
        assert_eq!(write_events(&s, &f, Format::Jsonl, &mut buf).unwrap(), 2);
        let text = String::from_utf8(buf).unwrap();
        let v: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(v["source_code"], "USAGOV");
        assert_eq!(v["date"], "2024-03-02");
        assert!(v["id"].is_i64());

        let mut buf = Vec::new();
        write_events(&s, &f, Format::Csv, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with("id,article_id,date,"));
        assert!(text.contains("\"He said, \"\"no\"\"\""), "{text}");
        assert_eq!(text.lines().count(), 3);

        let mut buf = Vec::new();
        write_events(&s, &f, Format::Gdelt, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let cols: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
        assert_eq!(cols.len(), 61);
        assert_eq!(cols[1], "20240302");
        assert_eq!(cols[5], "USAGOV");
        assert_eq!(cols[7], "USA");
        assert_eq!(cols[12], "GOV");
        assert_eq!(cols[26], "111");
        assert_eq!(cols[53], "RUS");
        assert_eq!(cols[59], "20240302000000");
        assert_eq!("TSV".parse::<Format>(), Ok(Format::Gdelt));
        let mut buf = Vec::new();
        let r = write_events(&s, &f, Format::Parquet, &mut buf);
        assert_eq!(r.is_ok(), Format::Parquet.available());
    }
}
