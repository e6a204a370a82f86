//! The CAMEO code table: labels, Goldstein scores, QuadClass and PLOVER types.

use std::collections::HashMap;

/// One CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CameoEntry {
    /// The code, e.g. `0871`.
    pub code: String,
    /// Goldstein score, -10..+10.
    pub goldstein: f32,
    /// PLOVER event type, if any.
    pub plover: Option<String>,
    /// CAMEO label.
    pub label: String,
}

/// CAMEO codes by code.
#[derive(Clone, Debug, Default)]
pub struct CameoTable {
    entries: HashMap<String, CameoEntry>,
    order: Vec<String>,
}

impl CameoTable {
    /// Parses `CODE<TAB>GOLDSTEIN<TAB>PLOVER<TAB>LABEL` lines (`#` comments).
    pub fn parse(text: &str, file: &str) -> crate::Result<CameoTable> {
        let mut t = CameoTable::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim_end();
            if line.trim().is_empty() {
                continue;
            }
            let err = |m: &str| crate::Error::Syntax {
                file: file.to_string(),
                line: i + 1,
                message: m.to_string(),
            };
            let mut parts = line.split('\t').map(str::trim).filter(|p| !p.is_empty());
            let code = parts.next().ok_or_else(|| err("missing code"))?;
            if !code.bytes().all(|c| c.is_ascii_digit()) || !(2..=4).contains(&code.len()) {
                return Err(err(&format!("bad CAMEO code {code:?}")));
            }
            let g = parts.next().ok_or_else(|| err("missing Goldstein score"))?;
            let goldstein: f32 = g
                .parse()
                .map_err(|_| err(&format!("bad Goldstein score {g:?}")))?;
            let plover = parts
                .next()
                .ok_or_else(|| err("missing PLOVER type (use - for none)"))?;
            let label = parts.collect::<Vec<_>>().join(" ");
            t.insert(CameoEntry {
                code: code.to_string(),
                goldstein,
                plover: (plover != "-").then(|| plover.to_string()),
                label,
            });
        }
        Ok(t)
    }

    /// Adds or replaces an entry.
    pub fn insert(&mut self, e: CameoEntry) {
        if !self.entries.contains_key(&e.code) {
            self.order.push(e.code.clone());
        }
        self.entries.insert(e.code.clone(), e);
    }

    /// The entry for a code, falling back to its parent codes (`0871` -> `087` -> `08`).
    pub fn lookup(&self, code: &str) -> Option<&CameoEntry> {
        let mut c = code;
        while c.len() >= 2 {
            if let Some(e) = self.entries.get(c) {
                return Some(e);
            }
            c = &c[..c.len() - 1];
        }
        None
    }

    /// True when the exact code is in the table.
    pub fn contains(&self, code: &str) -> bool {
        self.entries.contains_key(code)
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Codes in file order.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }
}

/// GDELT QuadClass of a CAMEO code: roots 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4.
/// Returns 0 for codes that are not numeric CAMEO codes.
pub fn quad_class(code: &str) -> u8 {
    crate::codes::CameoCode::new(code).quad_class()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quad_classes() {
        for (c, q) in [
            ("010", 1),
            ("057", 1),
            ("061", 2),
            ("0874", 2),
            ("111", 3),
            ("145", 3),
            ("150", 4),
            ("2042", 4),
            ("x", 0),
        ] {
            assert_eq!(quad_class(c), q, "{c}");
        }
    }

    #[test]
    fn parse_and_fallback() {
        let t = CameoTable::parse(
            "08\t5.0\tCONCEDE\tYield\n087\t9\tRETREAT\tDe-escalate\n",
            "c",
        )
        .unwrap();
        assert_eq!(t.lookup("0871").unwrap().code, "087");
        assert_eq!(t.lookup("08").unwrap().plover.as_deref(), Some("CONCEDE"));
        let e = CameoTable::parse("19x\t1\t-\tBad\n", "cameo.txt").unwrap_err();
        assert_eq!(e.to_string(), "cameo.txt:1: bad CAMEO code \"19x\"");
    }
}
