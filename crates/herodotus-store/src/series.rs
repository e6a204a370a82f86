//! Dyad time series: events between two actors per day, week or month.

use crate::query::prefix_clause;
use crate::{Error, Result, Store};
use herodotus_core::Date;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bucket size of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Bucketing {
    /// One bucket per day.
    Day,
    /// ISO weeks, starting on Monday.
    #[default]
    Week,
    /// Calendar months.
    Month,
}

impl std::str::FromStr for Bucketing {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "day" | "daily" => Ok(Bucketing::Day),
            "week" | "weekly" => Ok(Bucketing::Week),
            "month" | "monthly" => Ok(Bucketing::Month),
            _ => Err(format!("bad bucket {s:?}: expected day, week or month")),
        }
    }
}

impl Bucketing {
    /// The first day (days since epoch) of the bucket holding day `d`.
    pub fn start(self, d: i64) -> i64 {
        match self {
            Bucketing::Day => d,
            // 1970-01-01 was a Thursday: Monday is 3 days before.
            Bucketing::Week => d - (d + 3).rem_euclid(7),
            Bucketing::Month => {
                let x = Date::from_days(d);
                Date { day: 1, ..x }.to_days()
            }
        }
    }

    /// The first day of the bucket after the one starting at `start`.
    pub fn next(self, start: i64) -> i64 {
        match self {
            Bucketing::Day => start + 1,
            Bucketing::Week => start + 7,
            Bucketing::Month => {
                let x = Date::from_days(start);
                let (y, m) = if x.month == 12 {
                    (x.year + 1, 1)
                } else {
                    (x.year, x.month + 1)
                };
                Date {
                    year: y,
                    month: m,
                    day: 1,
                }
                .to_days()
            }
        }
    }
}

/// What series to compute.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DyadQuery {
    /// First actor: a code prefix (`USA` matches `USAGOV`, `USAMIL`).
    pub a: String,
    /// Second actor: a code prefix.
    pub b: String,
    /// Bucket size.
    #[serde(default)]
    pub by: Bucketing,
    /// Only events with `a` as source and `b` as target (default: both directions).
    #[serde(default)]
    pub directed: bool,
    /// First day (inclusive).
    #[serde(default)]
    pub from: Option<Date>,
    /// Last day (inclusive).
    #[serde(default)]
    pub to: Option<Date>,
}

impl DyadQuery {
    /// Both directions, no date bounds.
    pub fn new(a: &str, b: &str, by: Bucketing) -> DyadQuery {
        DyadQuery {
            a: a.to_string(),
            b: b.to_string(),
            by,
            directed: false,
            from: None,
            to: None,
        }
    }
}

/// One point of a series. Buckets without events are included (count 0)
/// between the first and last bucket, so the series has no gaps.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Bucket {
    /// First day of the bucket.
    pub start: Date,
    /// Last day of the bucket (inclusive).
    pub end: Date,
    /// Number of events.
    pub count: u64,
    /// Events of QuadClass 1 (verbal cooperation).
    pub q1: u64,
    /// QuadClass 2 (material cooperation).
    pub q2: u64,
    /// QuadClass 3 (verbal conflict).
    pub q3: u64,
    /// QuadClass 4 (material conflict).
    pub q4: u64,
    /// Mean Goldstein score (none for an empty bucket).
    pub goldstein_mean: Option<f64>,
    /// Mean tone of the events that have one.
    pub tone_mean: Option<f64>,
}

impl Bucket {
    /// A bucket from its first and last day, its events per QuadClass (1 to 4)
    /// and its means; `count` is the sum of the four.
    pub fn new(
        start: Date,
        end: Date,
        quad: [u64; 4],
        goldstein_mean: Option<f64>,
        tone_mean: Option<f64>,
    ) -> Bucket {
        Bucket {
            start,
            end,
            count: quad.iter().sum(),
            q1: quad[0],
            q2: quad[1],
            q3: quad[2],
            q4: quad[3],
            goldstein_mean,
            tone_mean,
        }
    }
}

#[derive(Default)]
struct Acc {
    q: [u64; 4],
    n: u64,
    gold: f64,
    tone: f64,
    tone_n: u64,
}

impl Store {
    /// The series of events between `q.a` and `q.b`.
    pub fn dyad_series(&self, q: &DyadQuery) -> Result<Vec<Bucket>> {
        if q.a.trim().is_empty() || q.b.trim().is_empty() {
            return Err(Error::BadQuery("both actors are needed".into()));
        }
        let mut acc: BTreeMap<i64, Acc> = BTreeMap::new();
        let same = q.a.trim().eq_ignore_ascii_case(q.b.trim());
        let dirs: &[(&str, &str)] = if q.directed || same {
            &[(&q.a, &q.b)]
        } else {
            &[(&q.a, &q.b), (&q.b, &q.a)]
        };
        for (s, t) in dirs {
            let mut args = Vec::new();
            let mut sql = String::from(
                "SELECT e.date, e.quad_class, count(*), sum(e.goldstein), sum(e.tone), count(e.tone)
                 FROM events e WHERE ",
            );
            prefix_clause(&mut sql, &mut args, "e.source_code", "e.source_country", s);
            sql.push_str(" AND ");
            prefix_clause(&mut sql, &mut args, "e.target_code", "e.target_country", t);
            sql.push_str(" AND e.date IS NOT NULL");
            if let Some(d) = q.from {
                args.push(Value::Integer(d.to_days()));
                sql.push_str(&format!(" AND e.date >= ?{}", args.len()));
            }
            if let Some(d) = q.to {
                args.push(Value::Integer(d.to_days()));
                sql.push_str(&format!(" AND e.date <= ?{}", args.len()));
            }
            sql.push_str(" GROUP BY e.date, e.quad_class");
            let mut st = self.conn.prepare_cached(&sql)?;
            let mut rows = st.query(params_from_iter(args))?;
            while let Some(r) = rows.next()? {
                let day: i64 = r.get(0)?;
                let quad: i64 = r.get(1)?;
                let n = r.get::<_, i64>(2)? as u64;
                let a = acc.entry(q.by.start(day)).or_default();
                if (1..=4).contains(&quad) {
                    a.q[quad as usize - 1] += n;
                }
                a.n += n;
                a.gold += r.get::<_, f64>(3)?;
                a.tone += r.get::<_, Option<f64>>(4)?.unwrap_or(0.0);
                a.tone_n += r.get::<_, i64>(5)? as u64;
            }
        }
        let first = q
            .from
            .map(|d| q.by.start(d.to_days()))
            .or_else(|| acc.keys().next().copied());
        let last =
            q.to.map(|d| q.by.start(d.to_days()))
                .or_else(|| acc.keys().next_back().copied());
        let mut out = Vec::new();
        if let (Some(mut b), Some(last)) = (first, last) {
            // A bounded loop: at most one bucket per day of the range.
            while b <= last {
                let next = q.by.next(b);
                let a = acc.remove(&b).unwrap_or_default();
                out.push(Bucket::new(
                    Date::from_days(b),
                    Date::from_days(next - 1),
                    a.q,
                    (a.n > 0).then(|| a.gold / a.n as f64),
                    (a.tone_n > 0).then(|| a.tone / a.tone_n as f64),
                ));
                b = next;
            }
        }
        Ok(out)
    }
}

/// Runs of consecutive buckets that have a mean Goldstein score, as
/// (index, score): the line is drawn within a run and broken over empty
/// buckets, so it never suggests values where there were no events.
pub fn goldstein_runs(series: &[Bucket]) -> Vec<Vec<(usize, f64)>> {
    let mut runs: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut cur = Vec::new();
    for (i, b) in series.iter().enumerate() {
        match b.goldstein_mean {
            Some(g) => cur.push((i, g)),
            None if !cur.is_empty() => runs.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil;

    #[test]
    fn bucket_starts() {
        let d = |s| Date::parse(s).unwrap().to_days();
        // 2024-01-10 is a Wednesday; its week starts Monday 2024-01-08.
        assert_eq!(Bucketing::Week.start(d("2024-01-10")), d("2024-01-08"));
        assert_eq!(Bucketing::Week.start(d("2024-01-08")), d("2024-01-08"));
        assert_eq!(Bucketing::Week.start(d("2024-01-14")), d("2024-01-08"));
        assert_eq!(Bucketing::Week.start(d("1969-12-31")), d("1969-12-29"));
        assert_eq!(Bucketing::Month.start(d("2024-02-29")), d("2024-02-01"));
        assert_eq!(Bucketing::Month.next(d("2024-12-01")), d("2025-01-01"));
        assert_eq!("Monthly".parse::<Bucketing>(), Ok(Bucketing::Month));
        assert!("year".parse::<Bucketing>().is_err());
    }

    #[test]
    fn series_counts_both_directions_and_fills_gaps() {
        let mut s = Store::open_in_memory().unwrap();
        for (id, d, n) in [("a", "2024-01-01", 2), ("b", "2024-01-17", 3)] {
            let (a, c, q) = testutil::article(id, d, n);
            s.insert_coded(&a, &c, &q).unwrap();
        }
        // One event the other way round.
        let (a, mut c, q) = testutil::article("r", "2024-01-03", 1);
        c.events[0].source_code = "RUSMIL".into();
        c.events[0].target_code = "USAGOV".into();
        s.insert_coded(&a, &c, &q).unwrap();

        let weeks = s
            .dyad_series(&DyadQuery::new("USA", "RUS", Bucketing::Week))
            .unwrap();
        assert_eq!(weeks.len(), 3);
        assert_eq!(weeks[0].start.to_string(), "2024-01-01");
        assert_eq!(weeks[0].end.to_string(), "2024-01-07");
        assert_eq!((weeks[0].count, weeks[0].q1, weeks[0].q3), (3, 1, 2));
        assert_eq!(weeks[0].goldstein_mean, Some((-2.0 + 4.0 - 2.0) / 3.0));
        assert_eq!(weeks[0].tone_mean, Some(-1.5));
        assert_eq!((weeks[1].count, weeks[1].goldstein_mean), (0, None));
        assert_eq!(weeks[2].count, 3);

        let mut q = DyadQuery::new("USA", "RUS", Bucketing::Day);
        q.directed = true;
        q.from = Date::parse("2024-01-01");
        q.to = Date::parse("2024-01-03");
        let days = s.dyad_series(&q).unwrap();
        assert_eq!(days.iter().map(|b| b.count).collect::<Vec<_>>(), [2, 0, 0]);
        q.a = "RUSMIL".into();
        q.b = "US".into();
        let days = s.dyad_series(&q).unwrap();
        assert_eq!(days.iter().map(|b| b.count).collect::<Vec<_>>(), [0, 0, 1]);

        let months = s
            .dyad_series(&DyadQuery::new("rus", "usa", Bucketing::Month))
            .unwrap();
        assert_eq!(months.len(), 1);
        assert_eq!(months[0].count, 6);
        assert!(s
            .dyad_series(&DyadQuery::new("", "usa", Bucketing::Month))
            .is_err());
        assert!(s
            .dyad_series(&DyadQuery::new("CHN", "USA", Bucketing::Day))
            .unwrap()
            .is_empty());
    }
}
