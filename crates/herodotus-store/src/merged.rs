//! Merged events (`herodotus merge --db`): one row per event over all its
//! mentions, with GDELT's NumMentions, NumSources, NumArticles and AvgTone, and
//! the number of distinct stories. Stored so that `query --merged` and the
//! dashboard count stories rather than copies.

use crate::{Error, EventFilter, Result, Store};
use herodotus_core::{ActorCode, Date, Place};
use herodotus_enrich::merge::{MentionLink, MergedEvent};
use rusqlite::{params, params_from_iter};

const COLUMNS: &str = "date, source_code, source_country, target_code, target_country, event_code,
    event_root, quad_class, goldstein, is_root_event, num_mentions, num_sources, num_articles,
    num_stories, avg_tone, action_country, action_geo, mentions";

impl Store {
    /// Replaces the stored merged events with `merged` (one transaction): a merge
    /// covers its whole input, so storing a re-run never counts anything twice.
    pub fn replace_merged(&mut self, merged: &[MergedEvent]) -> Result<u64> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM merged_events", [])?;
        {
            let mut st = tx.prepare_cached(&format!(
                "INSERT INTO merged_events ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                 ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
            ))?;
            for m in merged {
                st.execute(params![
                    m.date.map(Date::to_days),
                    m.source_code,
                    ActorCode::new(&m.source_code).country(),
                    m.target_code,
                    ActorCode::new(&m.target_code).country(),
                    m.event_code,
                    m.event_root,
                    m.quad_class,
                    m.goldstein,
                    m.is_root_event,
                    m.num_mentions as i64,
                    m.num_sources as i64,
                    m.num_articles as i64,
                    m.num_stories as i64,
                    m.avg_tone,
                    m.place.as_ref().map(|p| p.country_code.clone()),
                    m.place.as_ref().map(serde_json::to_string).transpose()?,
                    serde_json::to_string(&m.mentions)?,
                ])?;
            }
        }
        tx.commit()?;
        Ok(merged.len() as u64)
    }

    /// Stored merged events matching `filter` (its `text`, `article` and
    /// `with_quotes` do not apply: a merged event has no single sentence), in
    /// date order.
    pub fn merged_events(&self, filter: &EventFilter) -> Result<Vec<MergedEvent>> {
        if filter.text.is_some() || filter.article.is_some() {
            return Err(Error::BadQuery(
                "merged events have no sentence or single article: --text and --article do not apply".into(),
            ));
        }
        let mut sql = format!("SELECT {COLUMNS} FROM merged_events e WHERE 1");
        let mut args = Vec::new();
        self.event_where(filter, &mut sql, &mut args)?;
        let dir = if filter.newest_first { "DESC" } else { "ASC" };
        sql.push_str(&format!(" ORDER BY e.date {dir}, e.rowid {dir}"));
        if let Some(l) = filter.limit {
            args.push(rusqlite::types::Value::Integer(l as i64));
            sql.push_str(&format!(" LIMIT ?{}", args.len()));
        }
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(args), |r| {
            let geo: Option<String> = r.get(16)?;
            let mentions: String = r.get(17)?;
            let mut m = MergedEvent::default();
            m.date = r.get::<_, Option<i64>>(0)?.map(Date::from_days);
            m.source_code = r.get(1)?;
            m.target_code = r.get(3)?;
            m.event_code = r.get(5)?;
            m.event_root = r.get(6)?;
            m.quad_class = r.get(7)?;
            m.goldstein = r.get::<_, f64>(8)? as f32;
            m.is_root_event = r.get(9)?;
            m.num_mentions = r.get::<_, i64>(10)? as usize;
            m.num_sources = r.get::<_, i64>(11)? as usize;
            m.num_articles = r.get::<_, i64>(12)? as usize;
            m.num_stories = r.get::<_, i64>(13)? as usize;
            m.avg_tone = r.get::<_, f64>(14)? as f32;
            Ok((m, geo, mentions))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut m, geo, mentions) = row?;
            m.place = geo.map(|g| serde_json::from_str::<Place>(&g)).transpose()?;
            m.mentions = serde_json::from_str::<Vec<MentionLink>>(&mentions)?;
            out.push(m);
        }
        Ok(out)
    }

    /// Number of stored merged events and the stories behind them (the sum of
    /// each merged event's distinct stories is not a story count, so this counts
    /// distinct (cluster) ids over all mentions).
    pub fn merged_counts(&self) -> Result<(u64, u64)> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM merged_events", [], |r| r.get(0))?;
        let stories: i64 = self.conn.query_row(
            "SELECT count(DISTINCT json_extract(m.value, '$.cluster'))
             FROM merged_events e, json_each(e.mentions) m",
            [],
            |r| r.get(0),
        )?;
        Ok((n as u64, stories as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use herodotus_enrich::merge::{merge_events, ArticleEvents};

    #[test]
    fn merged_events_round_trip_and_replace() {
        let mut s = Store::open_in_memory().unwrap();
        let (a, c, _) = crate::testutil::article("a1", "2024-01-10", 2);
        let (b, d, _) = crate::testutil::article("a2", "2024-01-10", 2);
        let arts = [
            ArticleEvents::new(&a.id, Some("One"), 0, -1.0, &c.events),
            ArticleEvents::new(&b.id, Some("Two"), 0, -3.0, &d.events),
        ];
        let merged = merge_events(&arts);
        assert!(!merged.is_empty());
        assert_eq!(s.replace_merged(&merged).unwrap(), merged.len() as u64);
        // Stored twice: replaced, not doubled.
        s.replace_merged(&merged).unwrap();
        let mut f = EventFilter {
            actor: vec!["USA".into()],
            ..EventFilter::default()
        };
        let back = s.merged_events(&f).unwrap();
        assert_eq!(back, merged);
        assert_eq!(back[0].num_articles, 2);
        assert_eq!(s.merged_counts().unwrap(), (merged.len() as u64, 1));
        f.text = Some("talks".into());
        assert!(s.merged_events(&f).is_err());
    }
}
