//! Writing queried events: JSONL, CSV and GDELT-style TSV.

use crate::{Error, EventFilter, Result, Store, StoredEvent};
use herodotus_core::{Date, Place};
use std::io::Write;

/// Output format of `herodotus query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// One JSON event per line (the `code` output shape plus `id`, `title`, `url`).
    Jsonl,
    /// Comma-separated values with a header line (RFC 4180 quoting).
    Csv,
    /// GDELT 2.0 event table layout: 61 tab-separated columns, no header.
    Gdelt,
}

impl std::str::FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "json" => Ok(OutputFormat::Jsonl),
            "csv" => Ok(OutputFormat::Csv),
            "tsv" | "gdelt" => Ok(OutputFormat::Gdelt),
            "parquet" => Err("parquet output is not built in this herodotus (cargo feature `parquet` is not available yet); use csv or jsonl".into()),
            _ => Err(format!("bad format {s:?}: expected jsonl, csv or tsv")),
        }
    }
}

const CSV_COLUMNS: &[&str] = &[
    "id",
    "article_id",
    "date",
    "source_code",
    "source_text",
    "target_code",
    "target_text",
    "event_code",
    "event_root",
    "event_label",
    "quad_class",
    "goldstein",
    "plover",
    "sentence_tone",
    "article_tone",
    "action_country",
    "action_place",
    "action_lat",
    "action_lon",
    "is_root_event",
    "sentence_index",
    "sentence",
    "title",
    "url",
    "pattern",
];

/// The GDELT 2.0 event columns, in order (61).
pub const GDELT_COLUMNS: &[&str] = &[
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn tsv_clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn csv_line(e: &StoredEvent) -> String {
    let ev = &e.event;
    let g = ev.action_geo.as_ref();
    let fields = [
        e.id.to_string(),
        ev.article_id.clone(),
        opt(ev.date),
        ev.source_code.clone(),
        ev.source_text.clone(),
        ev.target_code.clone(),
        ev.target_text.clone(),
        ev.event_code.clone(),
        ev.event_root.clone(),
        ev.event_label.clone(),
        ev.quad_class.to_string(),
        ev.goldstein.to_string(),
        ev.plover.clone().unwrap_or_default(),
        opt(ev.sentence_tone),
        opt(ev.article_tone),
        opt(g.map(|g| g.country_code.clone())),
        opt(g.map(|g| g.name.clone())),
        opt(g.map(|g| g.lat)),
        opt(g.map(|g| g.lon)),
        u8::from(ev.is_root_event).to_string(),
        ev.sentence_index.to_string(),
        ev.sentence.clone(),
        e.title.clone().unwrap_or_default(),
        e.url.clone().unwrap_or_default(),
        ev.pattern.clone(),
    ];
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(&mut out, f);
    }
    out.push_str("\r\n");
    out
}

fn geo_cols(cols: &mut Vec<String>, g: Option<&Place>) {
    match g {
        Some(g) => cols.extend([
            g.kind.to_string(),
            tsv_clean(&g.name),
            g.country_code.clone(),
            g.adm1.clone().unwrap_or_default(),
            String::new(),
            g.lat.to_string(),
            g.lon.to_string(),
            String::new(),
        ]),
        None => cols.extend(std::iter::repeat_n(String::new(), 8)),
    }
}

fn actor_cols(cols: &mut Vec<String>, code: &str, text: &str) {
    let country: String = code.chars().take(3).collect();
    let rest: String = code.chars().skip(3).collect();
    let types: Vec<String> = rest
        .as_bytes()
        .chunks(3)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    cols.extend([
        code.to_string(),
        tsv_clean(&text.to_uppercase()),
        country,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        types.first().cloned().unwrap_or_default(),
        types.get(1).cloned().unwrap_or_default(),
        types.get(2).cloned().unwrap_or_default(),
    ]);
}

fn gdelt_line(e: &StoredEvent) -> String {
    let ev = &e.event;
    let (sqldate, monthyear, year, frac) = match ev.date {
        Some(d) => {
            let jan1 = Date::new(d.year, 1, 1).map_or(0, Date::to_days);
            let frac = f64::from(d.year) + (d.to_days() - jan1) as f64 / 365.0;
            (
                d.to_sqldate().to_string(),
                (d.year * 100 + i32::from(d.month)).to_string(),
                d.year.to_string(),
                format!("{frac:.4}"),
            )
        }
        None => Default::default(),
    };
    let mut cols = vec![e.id.to_string(), sqldate.clone(), monthyear, year, frac];
    actor_cols(&mut cols, &ev.source_code, &ev.source_text);
    actor_cols(&mut cols, &ev.target_code, &ev.target_text);
    let base: String = ev.event_code.chars().take(3).collect();
    cols.extend([
        u8::from(ev.is_root_event).to_string(),
        ev.event_code.clone(),
        base,
        ev.event_root.clone(),
        ev.quad_class.to_string(),
        ev.goldstein.to_string(),
        "1".into(),
        "1".into(),
        "1".into(),
        opt(ev.sentence_tone.or(ev.article_tone)),
    ]);
    geo_cols(&mut cols, ev.source_geo.as_ref());
    geo_cols(&mut cols, ev.target_geo.as_ref());
    geo_cols(&mut cols, ev.action_geo.as_ref());
    cols.push(if sqldate.is_empty() {
        String::new()
    } else {
        format!("{sqldate}000000")
    });
    cols.push(tsv_clean(e.url.as_deref().unwrap_or(&ev.article_id)));
    debug_assert_eq!(cols.len(), GDELT_COLUMNS.len());
    let mut line = cols.join("\t");
    line.push('\n');
    line
}

/// Writes the events matching `filter` to `out` in `format`, streaming.
/// Returns the number of events written.
pub fn write_events(
    store: &Store,
    filter: &EventFilter,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<u64> {
    let mut n = 0u64;
    if format == OutputFormat::Csv {
        out.write_all(CSV_COLUMNS.join(",").as_bytes())?;
        out.write_all(b"\r\n")?;
    }
    store
        .for_each_event(filter, |e| {
            match format {
                OutputFormat::Jsonl => {
                    serde_json::to_writer(&mut *out, &e)?;
                    out.write_all(b"\n")?;
                }
                OutputFormat::Csv => out.write_all(csv_line(&e).as_bytes())?,
                OutputFormat::Gdelt => out.write_all(gdelt_line(&e).as_bytes())?,
            }
            n += 1;
            Ok(())
        })
        .or_else(|e| match e {
            // A closed pipe (`| head`) ends the output quietly.
            Error::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            e => Err(e),
        })?;
    out.flush().or_else(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Ok(())
        } else {
            Err(e)
        }
    })?;
    Ok(n)
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
        assert_eq!(
            write_events(&s, &f, OutputFormat::Jsonl, &mut buf).unwrap(),
            2
        );
        let text = String::from_utf8(buf).unwrap();
        let v: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(v["source_code"], "USAGOV");
        assert_eq!(v["date"], "2024-03-02");
        assert!(v["id"].is_i64());

        let mut buf = Vec::new();
        write_events(&s, &f, OutputFormat::Csv, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with("id,article_id,date,"));
        assert!(text.contains("\"He said, \"\"no\"\"\""), "{text}");
        assert_eq!(text.lines().count(), 3);

        let mut buf = Vec::new();
        write_events(&s, &f, OutputFormat::Gdelt, &mut buf).unwrap();
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
        assert!("parquet".parse::<OutputFormat>().is_err());
        assert_eq!("TSV".parse::<OutputFormat>(), Ok(OutputFormat::Gdelt));
    }
}
