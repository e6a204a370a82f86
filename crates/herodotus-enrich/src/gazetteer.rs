//! The gazetteer: countries, first-level divisions and cities with coordinates,
//! read from the TSV files in this crate's `gazetteer/` (compiled in), and a
//! matcher that finds their names in text.
//!
//! Files (UTF-8, tab-separated, `#` starts a comment line, `|` separates alternatives):
//! * `countries.tsv`: `iso3 iso2 name lat lon alt_names adjectives`
//! * `admin1.tsv`: `iso3 code name lat lon alt_names`
//! * `cities*.tsv`: `name iso3 adm1 lat lon pop_class alt_names`, where pop_class is
//!   1 (over 5 million), 2 (1-5 million), 3 (300,000-1 million), 4 (100,000-300,000), 5 (smaller).

use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;

/// The built-in gazetteer files.
const COUNTRIES: &str = include_str!("../gazetteer/countries.tsv");
const ADMIN1: &str = include_str!("../gazetteer/admin1.tsv");
const CITIES: &[(&str, &str)] = &[
    ("cities-1.tsv", include_str!("../gazetteer/cities-1.tsv")),
    ("cities-2.tsv", include_str!("../gazetteer/cities-2.tsv")),
    ("cities-3.tsv", include_str!("../gazetteer/cities-3.tsv")),
    ("cities-4.tsv", include_str!("../gazetteer/cities-4.tsv")),
];

/// A gazetteer file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
#[non_exhaustive]
pub struct GazetteerError {
    /// File name.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Level of a gazetteer entry (GDELT's Geo_Type, roughly).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// A country.
    Country = 1,
    /// A first-level division (state, province, oblast).
    Admin1 = 2,
    /// A city or town.
    City = 3,
}

/// One place.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GazEntry {
    /// Preferred name.
    pub name: String,
    /// Country, division or city.
    pub level: Level,
    /// ISO 3166-1 alpha-3 code of the country.
    pub iso3: String,
    /// First-level division code (ISO 3166-2 style, e.g. `US-TX`), if known.
    pub adm1: Option<String>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population class for cities (1 largest .. 5), 0 otherwise.
    pub pop: u8,
}

/// A name form and the entries it can mean.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct NameForm {
    /// Entries (indices into [`Gazetteer::entries`]).
    pub entries: Vec<usize>,
    /// True when the form is a country adjective or demonym ("Russian").
    pub adjective: bool,
}

/// A name found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct NameHit {
    /// Byte span (possessive excluded).
    pub span: [usize; 2],
    /// Index into [`Gazetteer::forms`].
    pub form: usize,
}

/// Countries, divisions and cities, with a name matcher.
#[non_exhaustive]
pub struct Gazetteer {
    /// All entries.
    pub entries: Vec<GazEntry>,
    /// Name forms, parallel to the matcher's patterns.
    pub forms: Vec<NameForm>,
    form_names: Vec<String>,
    matcher: AhoCorasick,
    by_iso3: HashMap<String, usize>,
    by_adm1: HashMap<String, usize>,
    by_lower: HashMap<String, usize>,
}

fn field<'a>(
    cols: &[&'a str],
    i: usize,
    file: &str,
    line: usize,
) -> Result<&'a str, GazetteerError> {
    cols.get(i)
        .copied()
        .map(str::trim)
        .ok_or_else(|| GazetteerError {
            file: file.into(),
            line,
            message: format!(
                "expected at least {} tab-separated columns, found {}",
                i + 1,
                cols.len()
            ),
        })
}

fn coord(s: &str, max: f64, file: &str, line: usize) -> Result<f64, GazetteerError> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() <= max)
        .ok_or_else(|| GazetteerError {
            file: file.into(),
            line,
            message: format!("bad coordinate {s:?}"),
        })
}

fn rows(src: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

impl Gazetteer {
    /// The gazetteer compiled into the crate.
    pub fn builtin() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::parse(COUNTRIES, ADMIN1, CITIES)
    }

    /// Reads gazetteer files given as text (`cities` as `(file name, text)` pairs).
    pub fn parse(
        countries: &str,
        admin1: &str,
        cities: &[(&str, &str)],
    ) -> Result<Gazetteer, GazetteerError> {
        let mut entries = Vec::new();
        let mut names: Vec<(String, usize, bool)> = Vec::new();
        let mut by_iso3 = HashMap::new();
        let mut by_adm1 = HashMap::new();
        let alts = |s: &str| -> Vec<String> {
            s.split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect()
        };
        for (line, cols) in rows(countries) {
            let f = "countries.tsv";
            let iso3 = field(&cols, 0, f, line)?.to_string();
            let name = field(&cols, 2, f, line)?.to_string();
            let lat = coord(field(&cols, 3, f, line)?, 90.0, f, line)?;
            let lon = coord(field(&cols, 4, f, line)?, 180.0, f, line)?;
            let idx = entries.len();
            if by_iso3.insert(iso3.clone(), idx).is_some() {
                return Err(GazetteerError {
                    file: f.into(),
                    line,
                    message: format!("duplicate country {iso3}"),
                });
            }
            names.push((name.clone(), idx, false));
            for a in alts(cols.get(5).copied().unwrap_or("")) {
                names.push((a, idx, false));
            }
            for a in alts(cols.get(6).copied().unwrap_or("")) {
                names.push((a, idx, true));
            }
            entries.push(GazEntry {
                name,
                level: Level::Country,
                iso3,
                adm1: None,
                lat,
                lon,
                pop: 0,
            });
        }
        for (line, cols) in rows(admin1) {
            let f = "admin1.tsv";
            let iso3 = field(&cols, 0, f, line)?.to_string();
            if !by_iso3.contains_key(&iso3) {
                return Err(GazetteerError {
                    file: f.into(),
                    line,
                    message: format!("unknown country {iso3}"),
                });
            }
            let code = field(&cols, 1, f, line)?.to_string();
            let name = field(&cols, 2, f, line)?.to_string();
            let lat = coord(field(&cols, 3, f, line)?, 90.0, f, line)?;
            let lon = coord(field(&cols, 4, f, line)?, 180.0, f, line)?;
            let idx = entries.len();
            by_adm1.insert(code.clone(), idx);
            names.push((name.clone(), idx, false));
            for a in alts(cols.get(5).copied().unwrap_or("")) {
                names.push((a, idx, false));
            }
            entries.push(GazEntry {
                name,
                level: Level::Admin1,
                iso3,
                adm1: Some(code),
                lat,
                lon,
                pop: 0,
            });
        }
        for (file, src) in cities {
            for (line, cols) in rows(src) {
                let name = field(&cols, 0, file, line)?.to_string();
                let iso3 = field(&cols, 1, file, line)?.to_string();
                if !by_iso3.contains_key(&iso3) {
                    return Err(GazetteerError {
                        file: (*file).into(),
                        line,
                        message: format!("unknown country {iso3}"),
                    });
                }
                let adm1 = Some(field(&cols, 2, file, line)?.to_string()).filter(|s| !s.is_empty());
                let lat = coord(field(&cols, 3, file, line)?, 90.0, file, line)?;
                let lon = coord(field(&cols, 4, file, line)?, 180.0, file, line)?;
                let pop = field(&cols, 5, file, line)?
                    .parse::<u8>()
                    .ok()
                    .filter(|p| (1..=5).contains(p))
                    .ok_or_else(|| GazetteerError {
                        file: (*file).into(),
                        line,
                        message: "population class must be 1-5".into(),
                    })?;
                let idx = entries.len();
                names.push((name.clone(), idx, false));
                for a in alts(cols.get(6).copied().unwrap_or("")) {
                    names.push((a, idx, false));
                }
                entries.push(GazEntry {
                    name,
                    level: Level::City,
                    iso3,
                    adm1,
                    lat,
                    lon,
                    pop,
                });
            }
        }
        // Group name forms.
        let mut form_idx: HashMap<(String, bool), usize> = HashMap::new();
        let mut forms: Vec<NameForm> = Vec::new();
        let mut form_names = Vec::new();
        for (n, e, adj) in names {
            let k = *form_idx.entry((n.clone(), adj)).or_insert_with(|| {
                forms.push(NameForm {
                    entries: Vec::new(),
                    adjective: adj,
                });
                form_names.push(n);
                forms.len() - 1
            });
            if !forms[k].entries.contains(&e) {
                forms[k].entries.push(e);
            }
        }
        let mut by_lower = HashMap::new();
        for (i, n) in form_names.iter().enumerate() {
            if !forms[i].adjective {
                by_lower.entry(n.to_lowercase()).or_insert(i);
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&form_names)
            .map_err(|e| GazetteerError {
                file: "gazetteer".into(),
                line: 0,
                message: e.to_string(),
            })?;
        Ok(Gazetteer {
            entries,
            forms,
            form_names,
            matcher,
            by_iso3,
            by_adm1,
            by_lower,
        })
    }

    /// The country entry for an ISO 3166-1 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&GazEntry> {
        self.by_iso3.get(iso3).map(|&i| &self.entries[i])
    }

    /// Index of the country entry for an ISO alpha-3 code.
    pub fn country_index(&self, iso3: &str) -> Option<usize> {
        self.by_iso3.get(iso3).copied()
    }

    /// The division entry for a code like `US-TX`.
    pub fn admin1(&self, code: &str) -> Option<&GazEntry> {
        self.by_adm1.get(code).map(|&i| &self.entries[i])
    }

    /// The name form text.
    pub fn form_name(&self, form: usize) -> &str {
        &self.form_names[form]
    }

    /// A non-adjective name form, looked up without regard to case (datelines: `MOSCOW`).
    pub fn lookup_any_case(&self, name: &str) -> Option<usize> {
        self.by_lower.get(&name.to_lowercase()).copied()
    }

    /// True when `word` is a country, division or city name, or a country adjective.
    pub fn is_place_word(&self, word: &str) -> bool {
        self.matcher
            .find(word)
            .is_some_and(|m| m.start() == 0 && m.end() == word.len())
    }

    /// Finds names in `text` (case-sensitive, whole words; a possessive may follow).
    pub fn find_names(&self, text: &str) -> Vec<NameHit> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            let (a, b) = (m.start(), m.end());
            let before = text[..a].chars().next_back();
            let rest = &text[b..];
            let possessive = rest.starts_with("'s") || rest.starts_with("’s");
            let word_before = before.is_some_and(crate::text::is_word_char);
            let word_after =
                !possessive && rest.chars().next().is_some_and(crate::text::is_word_char);
            if word_before || word_after {
                continue;
            }
            out.push(NameHit {
                span: [a, b],
                form: m.pattern().as_usize(),
            });
        }
        out
    }

    /// Full display name: `Aleppo, Aleppo, Syria` style (city, division, country).
    pub fn display_name(&self, e: &GazEntry) -> String {
        let mut parts = vec![e.name.clone()];
        if e.level == Level::City {
            if let Some(a) = e.adm1.as_deref().and_then(|c| self.admin1(c)) {
                parts.push(a.name.clone());
            }
        }
        if e.level != Level::Country {
            if let Some(c) = self.country(&e.iso3) {
                parts.push(c.name.clone());
            }
        }
        parts.join(", ")
    }

    /// The entry as a GDELT-style place.
    pub fn place(&self, idx: usize) -> herodotus_core::Place {
        let e = &self.entries[idx];
        herodotus_core::Place::new(
            self.display_name(e),
            e.level as u8,
            e.iso3.clone(),
            e.adm1.clone(),
            e.lat,
            e.lon,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_gazetteer_is_complete() {
        let g = Gazetteer::builtin().unwrap();
        let count = |l: Level| g.entries.iter().filter(|e| e.level == l).count();
        assert!(
            count(Level::Country) >= 190,
            "countries: {}",
            count(Level::Country)
        );
        assert!(count(Level::City) >= 2000, "cities: {}", count(Level::City));
        let with_adm1: std::collections::HashSet<&str> = g
            .entries
            .iter()
            .filter(|e| e.level == Level::Admin1)
            .map(|e| e.iso3.as_str())
            .collect();
        assert!(
            with_adm1.len() >= 60,
            "countries with divisions: {}",
            with_adm1.len()
        );
        // Every city's division exists.
        for e in g.entries.iter().filter(|e| e.level == Level::City) {
            if let Some(a) = &e.adm1 {
                let d = g.admin1(a);
                assert!(
                    d.is_some_and(|d| d.iso3 == e.iso3),
                    "{} has unknown division {a}",
                    e.name
                );
            }
        }
        assert_eq!(g.country("RUS").unwrap().name, "Russia");
    }

    #[test]
    fn finds_whole_names_with_possessives() {
        let g = Gazetteer::parse(
            "RUS\tRU\tRussia\t61.5\t105.3\tRussian Federation\tRussian\n",
            "",
            &[("c.tsv", "Moscow\tRUS\t\t55.75\t37.62\t1\t\n")],
        )
        .unwrap();
        let t = "Russia's troops left Moscow; Russians and the Russian Federation. Moscowitz";
        let hits: Vec<&str> = g
            .find_names(t)
            .iter()
            .map(|h| &t[h.span[0]..h.span[1]])
            .collect();
        assert_eq!(hits, vec!["Russia", "Moscow", "Russian Federation"]);
    }

    #[test]
    fn bad_rows_are_reported_with_line() {
        let e = Gazetteer::parse("RUS\tRU\tRussia\tnorth\t105\n", "", &[])
            .err()
            .unwrap();
        assert_eq!(e.to_string(), "countries.tsv:1: bad coordinate \"north\"");
        let e = Gazetteer::parse("", "", &[("c.tsv", "# c\nX\tZZZ\t\t1\t1\t1\n")])
            .err()
            .unwrap();
        assert!(e.to_string().starts_with("c.tsv:2: unknown country"));
    }
}
