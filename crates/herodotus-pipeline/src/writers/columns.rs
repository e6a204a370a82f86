//! The column lists of the tabular formats, each defined once: [`CSV`] (also the
//! Parquet schema) and [`GDELT`] (the 61 columns of the GDELT 2.0 event table).
//! A column is a name and a [`Field`]; [`Field::value`] is the one place where a
//! field's value is computed from an [`EventRow`].

use super::EventRow;
use herodotus_core::{ActorCode, Date, Place};
use std::borrow::Cow;

/// A typed cell value (text formats print it, Parquet stores it typed).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    /// No value (empty text, Parquet null).
    Null,
    /// Text.
    Str(Cow<'a, str>),
    /// An integer.
    Int(i64),
    /// A 32-bit float (scores and tones, printed as Rust prints `f32`).
    F32(f32),
    /// A 64-bit float (coordinates).
    F64(f64),
}

impl Cell<'_> {
    /// The text form: empty for null, Rust's shortest round-trip form for floats.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Null => Cow::Borrowed(""),
            Cell::Str(s) => Cow::Borrowed(s),
            Cell::Int(i) => Cow::Owned(i.to_string()),
            Cell::F32(x) => Cow::Owned(x.to_string()),
            Cell::F64(x) => Cow::Owned(x.to_string()),
        }
    }
}

/// The storage type of a field (for the Parquet schema).
#[cfg(feature = "parquet")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text.
    Str,
    /// 64-bit integer.
    Int,
    /// 32-bit float.
    F32,
    /// 64-bit float.
    F64,
}

/// Which actor of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Actor1, the source.
    Source,
    /// Actor2, the target.
    Target,
}

/// Which place of an event (GDELT's Actor1Geo, Actor2Geo, ActionGeo).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Geo {
    /// Where the source actor is from.
    Source,
    /// Where the target actor is from.
    Target,
    /// Where the event happened.
    Action,
}

/// A part of a place (GDELT's `_Geo_` columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeoPart {
    /// Geo_Type (1 country, 2 ADM1, 3 city).
    Type,
    /// Geo_FullName.
    Name,
    /// Geo_CountryCode (ISO alpha-3 here).
    Country,
    /// Geo_ADM1Code.
    Adm1,
    /// Latitude.
    Lat,
    /// Longitude.
    Lon,
}

/// Every field a tabular format can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Field {
    /// The store's event id (GLOBALEVENTID).
    Id,
    /// Article id.
    ArticleId,
    /// Date as `YYYY-MM-DD`.
    Date,
    /// Date as `YYYYMMDD` (SQLDATE).
    SqlDate,
    /// `YYYYMM`.
    MonthYear,
    /// Year.
    Year,
    /// Year plus day-of-year / 365, four decimals (FractionDate).
    FractionDate,
    /// Full actor code.
    ActorCode(Side),
    /// The words the actor was coded from.
    ActorText(Side),
    /// The words in upper case (GDELT's ActorName).
    ActorName(Side),
    /// The country part of the actor code.
    ActorCountry(Side),
    /// The n-th role (three letters) after the country.
    ActorRole(Side, u8),
    /// CAMEO code.
    EventCode,
    /// CAMEO base code (three digits).
    EventBaseCode,
    /// CAMEO root (two digits).
    EventRoot,
    /// CAMEO label.
    EventLabel,
    /// QuadClass 1-4.
    QuadClass,
    /// Goldstein score.
    Goldstein,
    /// PLOVER type.
    Plover,
    /// Sentence tone.
    SentenceTone,
    /// Article tone.
    ArticleTone,
    /// 1 when the event is in the lead paragraph.
    IsRootEvent,
    /// Sentence index in the article.
    SentenceIndex,
    /// Sentence text.
    Sentence,
    /// Article title.
    Title,
    /// Article URL.
    Url,
    /// The URL, or the article id when there is none (SOURCEURL).
    SourceUrl,
    /// The dictionary entry that fired.
    Pattern,
    /// Mentions (1 for a single coded event).
    NumMentions,
    /// Distinct publishers (1 for a single coded event).
    NumSources,
    /// Distinct documents (1 for a single coded event).
    NumArticles,
    /// Average tone over mentions; a single event's sentence (else article) tone.
    AvgTone,
    /// A part of a place.
    Geo(Geo, GeoPart),
    /// A GDELT column we never fill (known groups, ethnic and religion codes,
    /// ADM2, feature ids): always empty.
    Empty,
    /// `SQLDATE` followed by `000000` (DATEADDED).
    DateAdded,
}

/// A named column.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Header name.
    pub name: &'static str,
    /// Its field.
    pub field: Field,
}

const fn c(name: &'static str, field: Field) -> Column {
    Column { name, field }
}

use Field as F;

/// The CSV columns (with a header line), also the Parquet schema.
pub const CSV: &[Column] = &[
    c("id", F::Id),
    c("article_id", F::ArticleId),
    c("date", F::Date),
    c("source_code", F::ActorCode(Side::Source)),
    c("source_text", F::ActorText(Side::Source)),
    c("target_code", F::ActorCode(Side::Target)),
    c("target_text", F::ActorText(Side::Target)),
    c("event_code", F::EventCode),
    c("event_root", F::EventRoot),
    c("event_label", F::EventLabel),
    c("quad_class", F::QuadClass),
    c("goldstein", F::Goldstein),
    c("plover", F::Plover),
    c("sentence_tone", F::SentenceTone),
    c("article_tone", F::ArticleTone),
    c("action_country", F::Geo(Geo::Action, GeoPart::Country)),
    c("action_place", F::Geo(Geo::Action, GeoPart::Name)),
    c("action_lat", F::Geo(Geo::Action, GeoPart::Lat)),
    c("action_lon", F::Geo(Geo::Action, GeoPart::Lon)),
    c("is_root_event", F::IsRootEvent),
    c("sentence_index", F::SentenceIndex),
    c("sentence", F::Sentence),
    c("title", F::Title),
    c("url", F::Url),
    c("pattern", F::Pattern),
];

macro_rules! actor {
    ($n:literal, $s:expr) => {
        [
            c(concat!("Actor", $n, "Code"), F::ActorCode($s)),
            c(concat!("Actor", $n, "Name"), F::ActorName($s)),
            c(concat!("Actor", $n, "CountryCode"), F::ActorCountry($s)),
            c(concat!("Actor", $n, "KnownGroupCode"), F::Empty),
            c(concat!("Actor", $n, "EthnicCode"), F::Empty),
            c(concat!("Actor", $n, "Religion1Code"), F::Empty),
            c(concat!("Actor", $n, "Religion2Code"), F::Empty),
            c(concat!("Actor", $n, "Type1Code"), F::ActorRole($s, 0)),
            c(concat!("Actor", $n, "Type2Code"), F::ActorRole($s, 1)),
            c(concat!("Actor", $n, "Type3Code"), F::ActorRole($s, 2)),
        ]
    };
}

macro_rules! geo {
    ($p:literal, $g:expr) => {
        [
            c(concat!($p, "Geo_Type"), F::Geo($g, GeoPart::Type)),
            c(concat!($p, "Geo_FullName"), F::Geo($g, GeoPart::Name)),
            c(concat!($p, "Geo_CountryCode"), F::Geo($g, GeoPart::Country)),
            c(concat!($p, "Geo_ADM1Code"), F::Geo($g, GeoPart::Adm1)),
            c(concat!($p, "Geo_ADM2Code"), F::Empty),
            c(concat!($p, "Geo_Lat"), F::Geo($g, GeoPart::Lat)),
            c(concat!($p, "Geo_Long"), F::Geo($g, GeoPart::Lon)),
            c(concat!($p, "Geo_FeatureID"), F::Empty),
        ]
    };
}

const A1: [Column; 10] = actor!("1", Side::Source);
const A2: [Column; 10] = actor!("2", Side::Target);
const G1: [Column; 8] = geo!("Actor1", Geo::Source);
const G2: [Column; 8] = geo!("Actor2", Geo::Target);
const G3: [Column; 8] = geo!("Action", Geo::Action);

/// The GDELT 2.0 event table columns, in order (61; tab-separated, no header).
pub const GDELT: &[Column] = &[
    c("GLOBALEVENTID", F::Id),
    c("SQLDATE", F::SqlDate),
    c("MonthYear", F::MonthYear),
    c("Year", F::Year),
    c("FractionDate", F::FractionDate),
    A1[0],
    A1[1],
    A1[2],
    A1[3],
    A1[4],
    A1[5],
    A1[6],
    A1[7],
    A1[8],
    A1[9],
    A2[0],
    A2[1],
    A2[2],
    A2[3],
    A2[4],
    A2[5],
    A2[6],
    A2[7],
    A2[8],
    A2[9],
    c("IsRootEvent", F::IsRootEvent),
    c("EventCode", F::EventCode),
    c("EventBaseCode", F::EventBaseCode),
    c("EventRootCode", F::EventRoot),
    c("QuadClass", F::QuadClass),
    c("GoldsteinScale", F::Goldstein),
    c("NumMentions", F::NumMentions),
    c("NumSources", F::NumSources),
    c("NumArticles", F::NumArticles),
    c("AvgTone", F::AvgTone),
    G1[0],
    G1[1],
    G1[2],
    G1[3],
    G1[4],
    G1[5],
    G1[6],
    G1[7],
    G2[0],
    G2[1],
    G2[2],
    G2[3],
    G2[4],
    G2[5],
    G2[6],
    G2[7],
    G3[0],
    G3[1],
    G3[2],
    G3[3],
    G3[4],
    G3[5],
    G3[6],
    G3[7],
    c("DATEADDED", F::DateAdded),
    c("SOURCEURL", F::SourceUrl),
];

fn s(v: &str) -> Cell<'_> {
    Cell::Str(Cow::Borrowed(v))
}

fn opt_s(v: Option<&str>) -> Cell<'_> {
    v.map_or(Cell::Null, s)
}

fn sqldate(d: Option<Date>) -> Cell<'static> {
    d.map_or(Cell::Null, |d| Cell::Int(i64::from(d.to_sqldate())))
}

impl Field {
    /// The storage type of the field.
    #[cfg(feature = "parquet")]
    pub fn kind(self) -> Kind {
        match self {
            F::Id
            | F::SqlDate
            | F::MonthYear
            | F::Year
            | F::QuadClass
            | F::IsRootEvent
            | F::SentenceIndex
            | F::NumMentions
            | F::NumSources
            | F::NumArticles
            | F::Geo(_, GeoPart::Type) => Kind::Int,
            F::Goldstein | F::SentenceTone | F::ArticleTone | F::AvgTone => Kind::F32,
            F::Geo(_, GeoPart::Lat | GeoPart::Lon) => Kind::F64,
            _ => Kind::Str,
        }
    }

    /// The value of the field for one row.
    pub fn value<'a>(self, r: &EventRow<'a>) -> Cell<'a> {
        let e = r.event;
        let actor = |side| match side {
            Side::Source => (&e.source_code, &e.source_text),
            Side::Target => (&e.target_code, &e.target_text),
        };
        let place = |g| -> Option<&'a Place> {
            match g {
                Geo::Source => e.source_geo.as_ref(),
                Geo::Target => e.target_geo.as_ref(),
                Geo::Action => e.action_geo.as_ref(),
            }
        };
        match self {
            F::Id => r.id.map_or(Cell::Null, Cell::Int),
            F::ArticleId => s(&e.article_id),
            F::Date => e
                .date
                .map_or(Cell::Null, |d| Cell::Str(d.to_string().into())),
            F::SqlDate => sqldate(e.date),
            F::MonthYear => e.date.map_or(Cell::Null, |d| {
                Cell::Int(i64::from(d.year) * 100 + i64::from(d.month))
            }),
            F::Year => e.date.map_or(Cell::Null, |d| Cell::Int(i64::from(d.year))),
            F::FractionDate => e.date.map_or(Cell::Null, |d| {
                let jan1 = Date::new(d.year, 1, 1).map_or(0, Date::to_days);
                let frac = f64::from(d.year) + (d.to_days() - jan1) as f64 / 365.0;
                Cell::Str(format!("{frac:.4}").into())
            }),
            F::ActorCode(side) => s(actor(side).0),
            F::ActorText(side) => s(actor(side).1),
            F::ActorName(side) => Cell::Str(actor(side).1.to_uppercase().into()),
            F::ActorCountry(side) => s(ActorCode::new(actor(side).0).country()),
            F::ActorRole(side, n) => s(ActorCode::new(actor(side).0)
                .roles()
                .nth(usize::from(n))
                .unwrap_or("")),
            F::EventCode => s(&e.event_code),
            F::EventBaseCode => s(e.cameo().base()),
            F::EventRoot => s(&e.event_root),
            F::EventLabel => s(&e.event_label),
            F::QuadClass => Cell::Int(i64::from(e.quad_class)),
            F::Goldstein => Cell::F32(e.goldstein),
            F::Plover => opt_s(e.plover.as_deref()),
            F::SentenceTone => e.sentence_tone.map_or(Cell::Null, Cell::F32),
            F::ArticleTone => e.article_tone.map_or(Cell::Null, Cell::F32),
            F::IsRootEvent => Cell::Int(i64::from(e.is_root_event)),
            F::SentenceIndex => Cell::Int(e.sentence_index as i64),
            F::Sentence => s(&e.sentence),
            F::Title => opt_s(r.title),
            F::Url => opt_s(r.url),
            F::SourceUrl => s(r.url.unwrap_or(&e.article_id)),
            F::Pattern => s(&e.pattern),
            F::NumMentions => Cell::Int(r.counts.map_or(1, |c| c.num_mentions as i64)),
            F::NumSources => Cell::Int(r.counts.map_or(1, |c| c.num_sources as i64)),
            F::NumArticles => Cell::Int(r.counts.map_or(1, |c| c.num_articles as i64)),
            F::AvgTone => match r.counts {
                Some(c) => Cell::F32(c.avg_tone),
                None => e
                    .sentence_tone
                    .or(e.article_tone)
                    .map_or(Cell::Null, Cell::F32),
            },
            F::Geo(g, part) => match place(g) {
                None => Cell::Null,
                Some(p) => match part {
                    GeoPart::Type => Cell::Int(i64::from(p.kind)),
                    GeoPart::Name => s(&p.name),
                    GeoPart::Country => s(&p.country_code),
                    GeoPart::Adm1 => opt_s(p.adm1.as_deref()),
                    GeoPart::Lat => Cell::F64(p.lat),
                    GeoPart::Lon => Cell::F64(p.lon),
                },
            },
            F::Empty => Cell::Null,
            F::DateAdded => e.date.map_or(Cell::Null, |d| {
                Cell::Str(format!("{}000000", d.to_sqldate()).into())
            }),
        }
    }
}

/// A TSV field: tabs and line breaks become spaces.
pub fn tsv_field(s: &str) -> Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        Cow::Owned(s.replace(['\t', '\n', '\r'], " "))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdelt_has_61_columns_with_gdelt_names() {
        assert_eq!(GDELT.len(), 61);
        assert_eq!(GDELT[5].name, "Actor1Code");
        assert_eq!(GDELT[15].name, "Actor2Code");
        assert_eq!(GDELT[26].name, "EventCode");
        assert_eq!(GDELT[53].name, "ActionGeo_CountryCode");
        assert_eq!(GDELT[60].name, "SOURCEURL");
        let mut names: Vec<_> = GDELT.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 61, "column names are unique");
    }
}
