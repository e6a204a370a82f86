//! Place resolution: which gazetteer entry each place name in an article means,
//! and where each event happened (ActionGeo) and where its actors are from.
//!
//! Rules: a name followed by `, Qualifier` (`Paris, Texas`; `Tripoli, Lebanon`)
//! takes the reading inside the qualifier; an ambiguous name prefers the country
//! in the article's focus (countries named, adjectives, actor codes, datelines),
//! then the larger place. A name inside a longer capitalised name that is not a
//! place (`George Washington`, `Washington Post`) is not a place.

use crate::gazetteer::{Gazetteer, Level};
use crate::names;
use crate::text;
use herodotus_core::{ActorCode, Event, Mention, Place};
use serde::Serialize;
use std::collections::HashMap;

/// A resolved place name in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PlaceMention {
    /// Byte span of the name.
    pub span: [usize; 2],
    /// The resolved place.
    pub place: Place,
    /// True when the name is a country adjective or demonym ("Syrian").
    pub adjective: bool,
    /// True when it is the article's dateline (`MOSCOW (Reuters) -`).
    pub dateline: bool,
    #[serde(skip)]
    /// Index of the gazetteer entry.
    pub entry: usize,
}

/// Finds and resolves the places of an article. `mentions` (actor codes) add to
/// the article's country focus.
pub fn find_places(gaz: &Gazetteer, text: &str, mentions: &[Mention]) -> Vec<PlaceMention> {
    let hits: Vec<_> = gaz
        .find_names(text)
        .into_iter()
        .filter(|h| !inside_other_name(gaz, text, h.span))
        .collect();
    let dateline = dateline(gaz, text);
    // Country focus: unambiguous names, adjectives, actor codes, the dateline.
    let mut focus: HashMap<&str, f64> = HashMap::new();
    for h in &hits {
        let form = &gaz.forms[h.form];
        let mut countries: Vec<&str> = form
            .entries
            .iter()
            .map(|&e| gaz.entries[e].iso3.as_str())
            .collect();
        countries.dedup();
        if countries.len() == 1 {
            *focus.entry(countries[0]).or_default() += 1.0;
        }
    }
    for m in mentions {
        let code = m.code.as_deref().map(ActorCode::new);
        if let Some(c) = code.filter(|c| c.has_country()).map(ActorCode::country) {
            if let Some(e) = gaz.country(c) {
                *focus.entry(e.iso3.as_str()).or_default() += 1.0;
            }
        }
    }
    if let Some((_, e)) = dateline {
        *focus.entry(gaz.entries[e].iso3.as_str()).or_default() += 2.0;
    }
    let mut out = Vec::new();
    if let Some((span, e)) = dateline {
        out.push(PlaceMention {
            span,
            place: gaz.place(e),
            adjective: false,
            dateline: true,
            entry: e,
        });
    }
    for (i, h) in hits.iter().enumerate() {
        if dateline.is_some_and(|(s, _)| s[0] < h.span[1] && h.span[0] < s[1]) {
            continue;
        }
        let form = &gaz.forms[h.form];
        let mut cands: Vec<usize> = form.entries.clone();
        // "Paris, Texas": the qualifier right after a comma restricts the reading.
        if let Some(q) = hits.get(i + 1) {
            let between = &text[h.span[1]..q.span[0]];
            let between = between.strip_prefix("'s").unwrap_or(between);
            if between.trim() == "," {
                let quals: Vec<usize> = gaz.forms[q.form].entries.clone();
                let narrowed: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&c| {
                        let ce = &gaz.entries[c];
                        ce.level != Level::Country
                            && quals.iter().any(|&qe| {
                                let qe = &gaz.entries[qe];
                                match qe.level {
                                    Level::Country => qe.iso3 == ce.iso3,
                                    Level::Admin1 => qe.adm1.is_some() && qe.adm1 == ce.adm1,
                                    Level::City => false,
                                }
                            })
                    })
                    .collect();
                if !narrowed.is_empty() {
                    cands = narrowed;
                }
            }
        }
        // The qualifier itself ("Georgia" in "Atlanta, Georgia") takes the reading
        // that contains the place before it.
        if let Some(prev) = out.last().filter(|p: &&PlaceMention| !p.dateline) {
            let between = &text[prev.span[1].min(h.span[0])..h.span[0]];
            let between = between.strip_prefix("'s").unwrap_or(between);
            if between.trim() == "," {
                let pe = &gaz.entries[prev.entry];
                let narrowed: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&c| {
                        let ce = &gaz.entries[c];
                        ce.iso3 == pe.iso3
                            && (ce.level == Level::Country
                                || (ce.adm1.is_some() && ce.adm1 == pe.adm1))
                    })
                    .collect();
                if !narrowed.is_empty() {
                    cands = narrowed;
                }
            }
        }
        let score = |c: usize| {
            let e = &gaz.entries[c];
            let base = match e.level {
                Level::Country => 5.0,
                Level::Admin1 => 3.0,
                Level::City => 6.0 - f64::from(e.pop),
            };
            base + 2.0 * focus.get(e.iso3.as_str()).copied().unwrap_or(0.0)
        };
        let Some(best) = cands
            .into_iter()
            .max_by(|&a, &b| score(a).total_cmp(&score(b)).then(b.cmp(&a)))
        else {
            continue;
        };
        out.push(PlaceMention {
            span: h.span,
            place: gaz.place(best),
            adjective: form.adjective,
            dateline: false,
            entry: best,
        });
    }
    out.sort_by_key(|p| p.span[0]);
    out
}

/// True when the name is part of a longer capitalised name that is not a place:
/// a capitalised word joins it on either side (titles and other places excepted).
fn inside_other_name(gaz: &Gazetteer, text: &str, [a, b]: [usize; 2]) -> bool {
    let before = text[..a].trim_end_matches([' ']);
    let gap_before = before.len() < a && text[before.len()..a].chars().all(|c| c == ' ');
    let prev_word = before
        .rsplit(|c: char| !text::is_word_char(c) && c != '.' && c != '\'')
        .next()
        .unwrap_or("");
    let after = &text[b..];
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    let next_word = after
        .strip_prefix(' ')
        .map(|r| {
            r.split(|c: char| !text::is_word_char(c) && c != '.')
                .next()
                .unwrap_or("")
        })
        .unwrap_or("");
    let at_start = before.is_empty()
        || before.ends_with(['.', '!', '?', '\n', '"', '“', ':', '('])
        || before.ends_with("—");
    let cap_before = gap_before
        && !at_start
        && text::is_capitalised(prev_word)
        && !names::is_title(prev_word)
        && !names::is_function_word(prev_word)
        && !gaz.is_place_word(text::strip_possessive(prev_word))
        && !prev_word.ends_with("'s");
    let cap_after = text::is_capitalised(next_word)
        && !names::is_title(next_word)
        && !names::is_function_word(next_word)
        && !gaz.is_place_word(next_word)
        && !text[a..b].ends_with("an") // adjectives: "Russian Foreign Minister"
        && !text[a..b].ends_with("ese")
        && !text[a..b].ends_with("ish")
        && !text[a..b].ends_with('i');
    cap_before || cap_after
}

/// The dateline of a wire story: leading capitals before `(Reuters)`, `-`, `—`,
/// optionally with a qualifier (`KYIV, Ukraine —`).
fn dateline(gaz: &Gazetteer, text: &str) -> Option<([usize; 2], usize)> {
    let start = text.len() - text.trim_start().len();
    let head: String = text[start..].chars().take(60).collect();
    let cut = head.find(['(', '—', '–']).or_else(|| head.find(" - "))?;
    let lead = head[..cut].trim_end();
    let city = lead.split(',').next()?.trim();
    // A city in capitals, or in title case where the coder's reading of the opening
    // finds a dateline ("Kabul, Afghanistan (AP) -"): one reading of datelines.
    if city.is_empty()
        || !(text::is_all_caps(city) || herodotus_core::coder::dateline(text).is_some())
    {
        return None;
    }
    let form = gaz.lookup_any_case(city)?;
    let qual = lead.split(',').nth(1).map(str::trim);
    let cands = &gaz.forms[form].entries;
    let pick = cands
        .iter()
        .copied()
        .filter(|&c| {
            qual.is_none_or(|q| {
                let e = &gaz.entries[c];
                gaz.country(&e.iso3)
                    .is_some_and(|co| co.name.eq_ignore_ascii_case(q))
                    || e.adm1
                        .as_deref()
                        .and_then(|a| gaz.admin1(a))
                        .is_some_and(|a| a.name.eq_ignore_ascii_case(q))
                    || q.len() <= 3
            })
        })
        .min_by_key(|&c| (gaz.entries[c].level != Level::City, gaz.entries[c].pop))?;
    Some(([start, start + city.len()], pick))
}

/// The place of an event: the most specific place named in its sentence outside
/// the actors' words (nearest the verb), else the dateline, else a place in the
/// actors' words ("Russian troops").
pub fn action_geo(places: &[PlaceMention], ev: &Event) -> Option<Place> {
    let in_span =
        |p: &PlaceMention, s: [usize; 2]| s[1] > s[0] && p.span[0] < s[1] && s[0] < p.span[1];
    let in_sentence: Vec<&PlaceMention> = places
        .iter()
        .filter(|p| {
            !p.dateline && p.span[0] >= ev.sentence_span[0] && p.span[1] <= ev.sentence_span[1]
        })
        .collect();
    let dist = |p: &PlaceMention| p.span[0].abs_diff(ev.verb_span[0]);
    let best = |c: &mut dyn Iterator<Item = &&PlaceMention>| {
        c.min_by_key(|p| (p.adjective, std::cmp::Reverse(p.place.kind), dist(p)))
            .map(|p| p.place.clone())
    };
    best(
        &mut in_sentence
            .iter()
            .filter(|p| !in_span(p, ev.source_span) && !in_span(p, ev.target_span)),
    )
    .or_else(|| places.iter().find(|p| p.dateline).map(|p| p.place.clone()))
    .or_else(|| best(&mut in_sentence.iter()))
}

/// Where an actor is from: the country of its code's first three letters.
pub fn actor_geo(gaz: &Gazetteer, code: &str) -> Option<Place> {
    let code = ActorCode::new(code);
    if !code.has_country() {
        return None;
    }
    gaz.country_index(code.country()).map(|i| gaz.place(i))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::parse(
            "FRA\tFR\tFrance\t46.6\t2.4\t\tFrench\nUSA\tUS\tUnited States\t39.8\t-98.6\tU.S.|USA\tAmerican|U.S.\nSYR\tSY\tSyria\t35.0\t38.5\t\tSyrian\nGEO\tGE\tGeorgia\t42.2\t43.5\t\tGeorgian\n",
            "USA\tUS-TX\tTexas\t31.5\t-99.3\t\nUSA\tUS-GA\tGeorgia\t32.7\t-83.4\t\n",
            &[(
                "c.tsv",
                "Paris\tFRA\t\t48.86\t2.35\t1\t\nParis\tUSA\tUS-TX\t33.66\t-95.56\t5\t\nAleppo\tSYR\t\t36.2\t37.16\t2\t\nWashington\tUSA\t\t38.9\t-77.04\t2\t\nAtlanta\tUSA\tUS-GA\t33.75\t-84.39\t2\t\nDallas\tUSA\tUS-TX\t32.78\t-96.8\t2\t\n",
            )],
        )
        .unwrap()
    }

    fn resolved(text: &str) -> Vec<(String, String)> {
        find_places(&gaz(), text, &[])
            .into_iter()
            .map(|p| (text[p.span[0]..p.span[1]].to_string(), p.place.name))
            .collect()
    }

    #[test]
    fn qualifier_picks_the_reading() {
        let r = resolved("Protesters gathered in Paris, Texas, on Sunday.");
        assert_eq!(r[0], ("Paris".into(), "Paris, Texas, United States".into()));
    }

    #[test]
    fn city_alone_prefers_focus_country() {
        let r = resolved("Officials in Paris said so.");
        assert_eq!(r[0].1, "Paris, France");
        let r = resolved(
            "Dallas and Atlanta police met. Later, in Paris, the team rested in the United States.",
        );
        assert_eq!(
            r.iter().find(|p| p.0 == "Paris").unwrap().1,
            "Paris, Texas, United States"
        );
        let r = resolved("Tbilisi is the Georgian capital; Georgia said so.");
        assert_eq!(r.last().unwrap().1, "Georgia");
        let r = resolved("In Atlanta, Georgia officials voted.");
        assert_eq!(r.last().unwrap().1, "Georgia, United States");
    }

    #[test]
    fn names_inside_other_names_are_skipped() {
        assert!(resolved("George Washington slept. The Washington Post said so.").is_empty());
        assert_eq!(resolved("Syrian Foreign Minister spoke.").len(), 1);
    }

    #[test]
    fn dateline_and_action_geo() {
        let g = gaz();
        let text =
            "ALEPPO, Syria (Reuters) - Rebels shelled the city. French jets struck near Paris.";
        let places = find_places(&g, text, &[]);
        assert!(places[0].dateline);
        assert_eq!(places[0].place.name, "Aleppo, Syria");
        let mut ev = test_event(text, "Rebels shelled the city.");
        assert_eq!(action_geo(&places, &ev).unwrap().name, "Aleppo, Syria");
        ev = test_event(text, "French jets struck near Paris.");
        ev.source_span = [ev.sentence_span[0], ev.sentence_span[0] + 6];
        assert_eq!(action_geo(&places, &ev).unwrap().name, "Paris, France");
        assert_eq!(actor_geo(&g, "SYRREB").unwrap().country_code, "SYR");
        assert!(actor_geo(&g, "IGO").is_none());
    }

    pub(crate) fn test_event(text: &str, sentence: &str) -> Event {
        let s = text.find(sentence).unwrap();
        Event::builder()
            .article_id("a")
            .sentence_index(0)
            .sentence(sentence)
            .event_code("190")
            .event_root("19")
            .quad_class(4)
            .goldstein(-10.0)
            .verb_span([s + 7, s + 14])
            .sentence_span([s, s + sentence.len()])
            .build()
    }
}
