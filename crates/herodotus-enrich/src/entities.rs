//! Entities of an article (GKG-like): people, organisations and locations with
//! counts, including capitalised names the dictionaries do not know, so users
//! can see which actors their dictionaries miss.

use crate::names;
use crate::places::PlaceMention;
use crate::speakers::People;
use crate::text::{self, Tok};
use herodotus_core::{ActorKind, Mention};
use serde::Serialize;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, group or institution.
    Organisation,
    /// A country, division or city.
    Location,
    /// A capitalised name of unknown kind.
    Other,
}

/// One entity of an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Entity {
    /// Name as the article gives it (full form; places by gazetteer name).
    pub name: String,
    /// Person, organisation, location or other.
    pub kind: EntityKind,
    /// Number of times it is named.
    pub count: usize,
    /// True when the coder's dictionaries or the gazetteer know it.
    pub known: bool,
    /// Actor code, when known.
    pub code: Option<String>,
    /// Byte span of its first occurrence.
    pub first_span: [usize; 2],
    /// The sentence of its first occurrence.
    pub example: String,
}

/// Collects the entities of an article. `units` are its sentences; `people` its
/// cast (see [`People`]); `places` its resolved place names. (The tests' entry:
/// the enricher calls [`entities_with`] on the words it has read.)
#[cfg(test)]
pub fn entities(
    text: &str,
    units: &[[usize; 2]],
    mentions: &[Mention],
    people: &People,
    places: &[PlaceMention],
) -> Vec<Entity> {
    entities_with(
        text,
        &text::Words::of(text),
        units,
        mentions,
        people,
        places,
    )
}

/// `entities` on the words of `text` already read.
pub fn entities_with(
    text: &str,
    words: &text::Words,
    units: &[[usize; 2]],
    mentions: &[Mention],
    people: &People,
    places: &[PlaceMention],
) -> Vec<Entity> {
    // Every look-up below goes through an index: a scan per name made this stage
    // quadratic on articles with tens of thousands of names.
    let unit_index = text::SpanIndex::new(units.iter().copied());
    let occ_index = text::SpanIndex::new(people.occurrences.iter().map(|o| o.span));
    let mention_index = text::SpanIndex::new(mentions.iter().map(|m| m.span));
    let place_index = text::SpanIndex::new(places.iter().map(|p| p.span));
    let example = |span: [usize; 2]| -> String {
        unit_index
            .first_overlap([span[0], span[0] + 1])
            .map(|i| units[i])
            .filter(|u| u[0] <= span[0] && span[0] < u[1])
            .map(|u| {
                let s = text::collapse_ws(&text[u[0]..u[1]]);
                if s.chars().count() > 300 {
                    let mut t: String = s.chars().take(297).collect();
                    t.push_str("...");
                    t
                } else {
                    s
                }
            })
            .unwrap_or_default()
    };
    let occ_entry = |span: [usize; 2]| {
        occ_index
            .first_overlap(span)
            .map(|i| &people.entries[people.occurrences[i].entry])
    };
    let mut out = Entities::default();
    let add = |out: &mut Entities,
               name: String,
               kind: EntityKind,
               known: bool,
               code: Option<String>,
               span: [usize; 2]| {
        if name.is_empty() {
            return;
        }
        let single = !name.contains(' ');
        // The first entity with this name, or (a lone word naming a person) the
        // first person with this surname.
        let same = out.by_name.get(&name).copied();
        let surname = (kind == EntityKind::Person && single)
            .then(|| out.by_surname.get(&name).copied())
            .flatten();
        let pos = match (same, surname) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match pos {
            Some(i) => {
                let e = &mut out.list[i];
                e.count += 1;
                e.known |= known;
                if e.code.is_none() {
                    e.code = code;
                }
            }
            None => {
                let i = out.list.len();
                out.by_name.entry(name.clone()).or_insert(i);
                if kind == EntityKind::Person {
                    let last = name.rsplit(' ').next().unwrap_or("").to_string();
                    out.by_surname.entry(last).or_insert(i);
                }
                out.list.push(Entity {
                    name,
                    kind,
                    count: 1,
                    known,
                    code,
                    first_span: span,
                    example: example(span),
                });
            }
        }
    };
    // Known actors.
    for m in mentions {
        let span = text::clamp(text, m.span);
        let kind = match m.kind {
            ActorKind::Person => EntityKind::Person,
            ActorKind::Organisation | ActorKind::Group => EntityKind::Organisation,
            ActorKind::Country => EntityKind::Location,
            ActorKind::Agent | ActorKind::Other => continue,
        };
        let name = match (kind, occ_entry(span)) {
            (EntityKind::Person, Some(e)) => e.name.clone(),
            (EntityKind::Location, _) => m.name.clone(),
            _ => text::strip_possessive(text[span[0]..span[1]].trim()).to_string(),
        };
        add(&mut out, name, kind, true, m.code.clone(), span);
    }
    let covered =
        |a: usize, b: usize| mention_index.any_overlap([a, b]) || place_index.any_overlap([a, b]);
    // Places not already counted as country mentions.
    for p in places {
        if mention_index.any_overlap(p.span) {
            continue;
        }
        let name = if p.adjective || p.place.kind == 1 {
            p.place.name.clone()
        } else {
            p.place.name.split(", ").next().unwrap_or("").to_string()
        };
        add(&mut out, name, EntityKind::Location, true, None, p.span);
    }
    // Capitalised names nobody knows.
    for &unit in units {
        let toks = words.within(text, unit);
        for [ra, rb] in text::cap_runs(text, &toks) {
            // Split the run at words that mentions or places cover.
            let mut i = ra;
            while i < rb {
                while i < rb && covered(toks[i].start, toks[i].end) {
                    i += 1;
                }
                let mut j = i;
                while j < rb && !covered(toks[j].start, toks[j].end) {
                    j += 1;
                }
                if j > i {
                    if let Some((name, kind, span)) = classify(
                        text,
                        &toks,
                        [i, j],
                        i == 0 || after_open_quote(text, &toks, i),
                        people,
                    ) {
                        add(&mut out, name, kind, false, None, span);
                    }
                }
                i = j;
            }
        }
    }
    let mut out = out.list;
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.first_span[0].cmp(&b.first_span[0]))
    });
    out
}

/// Entities being collected, with the indexes `add` needs.
#[derive(Default)]
struct Entities {
    list: Vec<Entity>,
    /// Name -> first entity of that name.
    by_name: std::collections::HashMap<String, usize>,
    /// Last word of a person's name -> first person with it.
    by_surname: std::collections::HashMap<String, usize>,
}

fn after_open_quote(text: &str, toks: &[Tok], i: usize) -> bool {
    i > 0
        && !toks[i - 1].is_word()
        && toks[i - 1]
            .s(text)
            .chars()
            .all(|c| text::is_open_mark(c) || c == '(' || c == ':')
}

/// Name and kind of an unknown capitalised run `[a, b)`; `at_start` when it opens a sentence.
fn classify(
    text: &str,
    toks: &[Tok],
    [mut a, b]: [usize; 2],
    at_start: bool,
    people: &People,
) -> Option<(String, EntityKind, [usize; 2])> {
    if at_start {
        let known_surname = people
            .occurrences
            .iter()
            .any(|o| o.span[0] < toks[a].end && toks[a].start < o.span[1]);
        if b - a == 1 && !known_surname {
            return None;
        }
        if names::is_function_word(toks[a].s(text)) {
            a += 1;
        }
    }
    while a < b && names::is_function_word(toks[a].s(text)) {
        a += 1;
    }
    let words: Vec<&str> = toks[a..b]
        .iter()
        .map(|t| text::strip_possessive(t.s(text)))
        .collect();
    if words.is_empty()
        || words
            .iter()
            .all(|w| names::is_function_word(w) || !w.chars().any(char::is_alphabetic))
    {
        return None;
    }
    let is_org = words.iter().any(|w| names::is_org_name_word(w));
    let mut k = 0;
    let mut titled = false;
    if !is_org {
        if let Some(last_title) = (0..words.len().saturating_sub(1))
            .rev()
            .find(|&j| names::is_title(words[j]))
        {
            k = last_title + 1;
            titled = true;
        }
    }
    let words = &words[k..];
    if words.is_empty()
        || (words.len() == 1 && (names::is_title(words[0]) || names::is_function_word(words[0])))
    {
        return None;
    }
    let span = [
        toks[a + k].start,
        toks[b - 1].start + text::strip_possessive(toks[b - 1].s(text)).len(),
    ];
    let name = text::collapse_ws(&text[span[0]..span[1]]);
    if names::is_region(&name) {
        return None;
    }
    if let Some(o) = people
        .occurrences
        .iter()
        .find(|o| o.span[0] < span[1] && span[0] < o.span[1])
    {
        let e = &people.entries[o.entry];
        let kind = if e.is_org {
            EntityKind::Organisation
        } else {
            EntityKind::Person
        };
        return Some((e.name.clone(), kind, span));
    }
    let kind = if is_org {
        EntityKind::Organisation
    } else if titled || words.len() >= 2 {
        EntityKind::Person
    } else {
        EntityKind::Other
    };
    Some((name, kind, span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_are_counted_and_known_ones_flagged() {
        let t =
            "The Azov Brigade said Commander Ivan Petrenko was safe. Petrenko spoke to Acme Corp. \
                 Later Lavrov said Petrenko lied. In the end, nothing.";
        let lav = t.find("Lavrov").unwrap();
        let m = vec![Mention::new(
            2,
            [lav, lav + 6],
            Some("RUSGOV".into()),
            "Sergei Lavrov",
            ActorKind::Person,
        )];
        let units = text::units(t, &[]);
        let people = People::build(t, &units, &[], &m, &|_: &str| false);
        let e = entities(t, &units, &m, &people, &[]);
        let get = |n: &str| {
            e.iter()
                .find(|x| x.name == n)
                .unwrap_or_else(|| panic!("{n} missing: {e:?}"))
        };
        assert_eq!(get("Ivan Petrenko").count, 3);
        assert_eq!(get("Ivan Petrenko").kind, EntityKind::Person);
        assert_eq!(get("Azov Brigade").kind, EntityKind::Organisation);
        // The legal form is dropped, so that a later "Acme" is the same firm (issue
        // 10 class "organisations called by a description").
        assert_eq!(get("Acme").kind, EntityKind::Organisation);
        assert!(get("Lavrov").known);
        assert!(!e
            .iter()
            .any(|x| x.name == "In" || x.name == "Later" || x.name == "The"));
        assert_eq!(
            get("Ivan Petrenko").example,
            "The Azov Brigade said Commander Ivan Petrenko was safe."
        );
    }
}
