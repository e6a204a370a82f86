//! Typed views of the codes in events: [`ActorCode`] (`USAGOV`: country `USA`,
//! role `GOV`), [`CameoCode`] (`0871`: root `08`, base `087`) and [`QuoteKind`].
//!
//! Codes travel as strings (their JSON form is a public contract); these types are
//! the only place that knows how a code string is laid out, so no other code
//! slices code strings.

use crate::dict::cameo::CameoTable;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The first `n` characters of `s` (all of it when shorter), on a char boundary.
fn head(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// A CAMEO actor code: a three-letter country or region code (`USA`, `AFR`,
/// `IGO`...) followed by three-letter roles (`GOV`, `MIL`, `OPP`...):
/// `USAGOV`, `RUSMILREB`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode<'a>(&'a str);

impl<'a> ActorCode<'a> {
    /// Views a code string (any string: a short or empty one has no roles).
    pub fn new(code: &'a str) -> ActorCode<'a> {
        ActorCode(code)
    }

    /// The whole code.
    pub fn as_str(self) -> &'a str {
        self.0
    }

    /// The country (or region) part: the first three characters, or the whole
    /// code when it is shorter. `USAGOV` -> `USA`.
    pub fn country(self) -> &'a str {
        head(self.0, 3)
    }

    /// True when the code has a full three-letter country part.
    pub fn has_country(self) -> bool {
        self.country().chars().count() == 3
    }

    /// True when the code is a country and nothing else (`USA`, not `USAGOV`).
    pub fn is_country_only(self) -> bool {
        self.has_country() && self.country().len() == self.0.len()
    }

    /// The part after the country (`USAGOVLEG` -> `GOVLEG`), possibly empty.
    pub fn rest(self) -> &'a str {
        &self.0[self.country().len()..]
    }

    /// The roles after the country, three characters each (a trailing shorter
    /// group is kept as it is). `RUSMILREB` -> `MIL`, `REB`.
    pub fn roles(self) -> impl Iterator<Item = &'a str> {
        let mut rest = self.rest();
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let r = head(rest, 3);
            rest = &rest[r.len()..];
            Some(r)
        })
    }

    /// True when one of the roles is `role`.
    pub fn has_role(self, role: &str) -> bool {
        self.roles().any(|r| r == role)
    }
}

impl fmt::Display for ActorCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A CAMEO event code: two-digit root, then up to two more digits (`19`, `190`,
/// `0871`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode<'a>(&'a str);

impl<'a> CameoCode<'a> {
    /// Views a code string.
    pub fn new(code: &'a str) -> CameoCode<'a> {
        CameoCode(code)
    }

    /// The whole code.
    pub fn as_str(self) -> &'a str {
        self.0
    }

    /// The root: the first two digits (`0871` -> `08`).
    pub fn root(self) -> &'a str {
        head(self.0, 2)
    }

    /// The base code: the first three digits (`0871` -> `087`; `19` -> `19`).
    pub fn base(self) -> &'a str {
        head(self.0, 3)
    }

    /// GDELT's QuadClass: roots 01-05 -> 1 (verbal cooperation), 06-09 -> 2
    /// (material cooperation), 10-14 -> 3 (verbal conflict), 15-20 -> 4 (material
    /// conflict); 0 when the code is not a numeric CAMEO code.
    pub fn quad_class(self) -> u8 {
        match self.root().parse::<u8>() {
            Ok(1..=5) => 1,
            Ok(6..=9) => 2,
            Ok(10..=14) => 3,
            Ok(15..=20) => 4,
            _ => 0,
        }
    }

    /// The Goldstein score of the code in `table`, falling back to its parent
    /// codes (`0871` -> `087` -> `08`); `None` when the table has none of them.
    pub fn goldstein(self, table: &CameoTable) -> Option<f32> {
        table.lookup(self.0).map(|e| e.goldstein)
    }

    /// The parent code (`0871` -> `087`, `087` -> `08`), `None` for a root.
    pub fn parent(self) -> Option<CameoCode<'a>> {
        let n = self.0.chars().count();
        (n > 2).then(|| CameoCode(head(self.0, n - 1)))
    }
}

impl fmt::Display for CameoCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Whether a quote is the speaker's own words or reported speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Between quotation marks.
    Direct,
    /// Reported speech ("X said that ...", "according to X").
    Indirect,
}

impl QuoteKind {
    /// `direct` or `indirect` (the JSON and database form).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

impl fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for QuoteKind {
    type Err = String;
    fn from_str(s: &str) -> Result<QuoteKind, String> {
        match s {
            "direct" => Ok(QuoteKind::Direct),
            "indirect" => Ok(QuoteKind::Indirect),
            _ => Err(format!("bad quote kind {s:?}: expected direct or indirect")),
        }
    }
}

/// Lets tests and filters compare with the JSON form: `q.kind == "direct"`.
impl PartialEq<&str> for QuoteKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes() {
        let t: &[(&str, &str, &[&str])] = &[
            ("USAGOV", "USA", &["GOV"]),
            ("RUSMILREB", "RUS", &["MIL", "REB"]),
            ("USA", "USA", &[]),
            ("IGOUNO", "IGO", &["UNO"]),
            ("RU", "RU", &[]),
            ("", "", &[]),
            ("USAGO", "USA", &["GO"]),
            ("ÉTAGOV", "ÉTA", &["GOV"]),
        ];
        for &(code, country, roles) in t {
            let c = ActorCode::new(code);
            assert_eq!(c.country(), country, "{code}");
            assert_eq!(c.roles().collect::<Vec<_>>(), roles, "{code}");
        }
        assert!(ActorCode::new("USA").is_country_only());
        assert!(!ActorCode::new("USAGOV").is_country_only());
        assert!(!ActorCode::new("RU").has_country());
        assert!(ActorCode::new("USAGOVMIL").has_role("MIL"));
    }

    #[test]
    fn cameo_codes() {
        let c = CameoCode::new("0871");
        assert_eq!((c.root(), c.base()), ("08", "087"));
        assert_eq!(c.parent().map(CameoCode::as_str), Some("087"));
        assert_eq!(CameoCode::new("19").parent(), None);
        for (code, quad) in [
            ("010", 1),
            ("057", 1),
            ("06", 2),
            ("0871", 2),
            ("111", 3),
            ("14", 3),
            ("190", 4),
            ("20", 4),
            ("", 0),
            ("x1", 0),
            ("21", 0),
        ] {
            assert_eq!(CameoCode::new(code).quad_class(), quad, "{code}");
        }
        let mut t = CameoTable::default();
        t.insert(crate::dict::cameo::CameoEntry {
            code: "08".into(),
            goldstein: 5.0,
            plover: None,
            label: "Yield".into(),
        });
        assert_eq!(CameoCode::new("0871").goldstein(&t), Some(5.0));
        assert_eq!(CameoCode::new("19").goldstein(&t), None);
    }

    #[test]
    fn quote_kinds_keep_their_json_form() {
        assert_eq!(
            serde_json::to_string(&QuoteKind::Direct).unwrap(),
            "\"direct\""
        );
        let k: QuoteKind = serde_json::from_str("\"indirect\"").unwrap();
        assert_eq!(k, QuoteKind::Indirect);
        assert!(k == "indirect");
        assert_eq!("direct".parse::<QuoteKind>(), Ok(QuoteKind::Direct));
        assert!("said".parse::<QuoteKind>().is_err());
    }
}
