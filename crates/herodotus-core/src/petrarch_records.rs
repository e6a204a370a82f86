//! Reader for PETRARCH validation records (`PETR.UnitTest.records.xml`): the
//! `<Environment>` block naming the dictionary files and the `<Sentence>` records
//! with their expected `<EventCoding>`s and `<Text>`.
//!
//! It lives in the library (not in the CLI's `eval` command) so that it can be
//! fuzzed: the file is hand-edited XML and any byte sequence must give records or
//! an error, never a panic.

use crate::error::{Error, Result};
use crate::Date;
use std::collections::{BTreeMap, BTreeSet};

/// One validation record.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Record {
    /// The `id` attribute (records without one are skipped).
    pub id: String,
    /// The `category` attribute.
    pub category: String,
    /// The `date` attribute, when it parses.
    pub date: Option<Date>,
    /// Expected `(source, target, event)` codes.
    pub expected: BTreeSet<(String, String, String)>,
    /// The expected error (`storydiscard`, `sentencediscard`, ...), if any.
    pub error: Option<String>,
    /// The sentence text, entities unescaped.
    pub text: String,
}

/// The value of attribute `name` in the start tag `tag`.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(p) = rest.find(name) {
        let before_ok = p == 0 || !rest.as_bytes()[p - 1].is_ascii_alphanumeric();
        let after = rest[p + name.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let end = v[1..].find(q)? + 1;
                    return Some(v[1..end].to_string());
                }
            }
        }
        rest = &rest[p + name.len()..];
    }
    None
}

fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find("<!--") {
        out.push_str(&rest[..p]);
        match rest[p..].find("-->") {
            Some(e) => rest = &rest[p + e + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text between the first `open` and the first `close` after it.
fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

/// Parses the records and the `<Environment>` file names (`Verbfile`, `Actorfile`,
/// `Agentfile`, `Discardfile`).
pub fn parse_records(xml: &str) -> Result<(BTreeMap<String, String>, Vec<Record>)> {
    let xml = strip_comments(xml);
    let mut env = BTreeMap::new();
    // Every closing tag is looked for after its opening tag: a stray closing tag
    // before it must not make an inverted range.
    if let Some(block) = between(&xml, "<Environment>", "</Environment>") {
        for key in ["Verbfile", "Actorfile", "Agentfile", "Discardfile"] {
            if let Some(v) = between(block, &format!("<{key}>"), &format!("</{key}>")) {
                env.insert(key.to_string(), v.trim().to_string());
            }
        }
    }
    let mut records = Vec::new();
    let mut rest = xml.as_str();
    while let Some(p) = rest.find("<Sentence ") {
        let end = rest[p..]
            .find("</Sentence>")
            .map(|e| p + e)
            .unwrap_or(rest.len());
        let block = &rest[p..end];
        rest = &rest[end..];
        let tag_end = block
            .find('>')
            .ok_or_else(|| Error::Other("unterminated <Sentence> tag".into()))?;
        let tag = &block[..tag_end];
        let mut r = Record {
            id: attr(tag, "id").unwrap_or_default(),
            category: attr(tag, "category").unwrap_or_default(),
            date: attr(tag, "date").and_then(|d| Date::parse(&d)),
            ..Record::default()
        };
        let mut b = block;
        while let Some(q) = b.find("<EventCoding") {
            let e = b[q..].find('>').map(|e| q + e).unwrap_or(b.len());
            let t = &b[q..e];
            if let Some(err) = attr(t, "error") {
                r.error = Some(err);
            } else if let (Some(s), Some(tg), Some(ev)) = (
                attr(t, "sourcecode"),
                attr(t, "targetcode"),
                attr(t, "eventcode"),
            ) {
                r.expected.insert((s, tg, ev));
            }
            b = &b[e..];
        }
        if let Some(t) = between(block, "<Text>", "</Text>") {
            r.text = unescape(t.trim());
        }
        if !r.id.is_empty() {
            records.push(r);
        }
    }
    Ok((env, records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_records_and_skips_comments() {
        let xml = r#"<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment>
<!-- <Sentence date="19950101" id="C-1" category="X"><Text>no</Text></Sentence> -->
<Sentence date = "19950101" id ="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restored ties with Gondor.
</Text><Parse>(ROOT)</Parse></Sentence>
<Sentence date="19950101" id="E-1" category="ERROR"><EventCoding error="storydiscard"></EventCoding><Text>x</Text></Sentence>
</Validation>"#;
        let (env, recs) = parse_records(xml).unwrap();
        assert_eq!(env["Verbfile"], "v.txt");
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].id, "A-1");
        assert_eq!(recs[0].text, "Arnor restored ties with Gondor.");
        assert!(recs[0]
            .expected
            .contains(&("ARN".into(), "GON".into(), "064".into())));
        assert_eq!(recs[1].error.as_deref(), Some("storydiscard"));
    }

    /// Found by the `petrarch_records` fuzz target: `</Environment>` before
    /// `<Environment>` made an inverted slice range and panicked.
    #[test]
    fn closing_environment_before_opening_is_ignored() {
        let xml = "</Environment><Verbfile>v</Verbfile><Environment><Verbfile>w.txt</Verbfile>";
        let (env, recs) = parse_records(xml).unwrap();
        assert!(env.is_empty(), "no closed Environment block: {env:?}");
        assert!(recs.is_empty());
        let xml = "<Environment></Verbfile><Verbfile>v.txt</Verbfile></Environment>";
        let (env, _) = parse_records(xml).unwrap();
        assert_eq!(env["Verbfile"], "v.txt");
    }

    /// The same inverted range in a record: `</Text>` before `<Text>`.
    #[test]
    fn closing_text_before_opening_keeps_the_record() {
        let xml = r#"<Sentence id="A-2"></Text><Text>Peru protested.</Text></Sentence>
<Sentence id="A-3"></Text><Text>unclosed</Sentence>"#;
        let (_, recs) = parse_records(xml).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].text, "Peru protested.");
        assert_eq!(recs[1].text, "", "an unclosed <Text> gives no text");
    }
}
