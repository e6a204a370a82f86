//! Reader for PETRARCH validation records (`PETR.UnitTest.records.xml`): the
//! `<Environment>` block naming the dictionary files and the `<Sentence>` records
//! with their expected `<EventCoding>`s and `<Text>`.
//!
//! It lives in the library (not in the CLI's `eval` command) so that it can be
//! fuzzed: the file is hand-edited XML and any byte sequence must give records or
//! an error, never a panic.

use crate::error::{Error, Result};
use crate::Date;
use quick_xml::events::{BytesStart, Event as XmlEvent};
use quick_xml::Reader;
use std::collections::{BTreeMap, BTreeSet};

/// One validation record.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
#[non_exhaustive]
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

/// The raw value of attribute `name` of a start tag (entities are left as written).
fn attr(tag: &BytesStart<'_>, name: &str) -> Option<String> {
    tag.attributes()
        .with_checks(false)
        .filter_map(|a| a.ok())
        .find(|a| a.key.as_ref() == name.as_bytes())
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

const ENV_KEYS: [&str; 4] = ["Verbfile", "Actorfile", "Agentfile", "Discardfile"];

/// Where the reader is: what its text goes to.
#[derive(Default)]
struct State {
    /// Inside `<Environment>`: the file names read so far (kept at its end tag).
    env: Option<BTreeMap<String, String>>,
    /// Inside an `<Environment>` key element: its name and text.
    env_key: Option<(String, String)>,
    /// Inside a `<Sentence>`.
    record: Option<Record>,
    /// Inside the record's first `<Text>`: the text so far.
    text: Option<String>,
}

/// Parses the records and the `<Environment>` file names (`Verbfile`, `Actorfile`,
/// `Agentfile`, `Discardfile`), with `quick-xml` in its forgiving configuration
/// (end tags need not match, comments are skipped); malformed XML is an error.
pub fn parse_records(xml: &str) -> Result<(BTreeMap<String, String>, Vec<Record>)> {
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut env: Option<BTreeMap<String, String>> = None;
    let mut records = Vec::new();
    let mut st = State::default();
    loop {
        let ev = reader.read_event().map_err(|e| {
            Error::Other(format!(
                "PETRARCH records: XML error near byte {}: {e}",
                reader.error_position()
            ))
        })?;
        match ev {
            XmlEvent::Start(ref t) | XmlEvent::Empty(ref t) => {
                let empty = matches!(ev, XmlEvent::Empty(_));
                match t.name().as_ref() {
                    b"Environment" if !empty && env.is_none() => st.env = Some(BTreeMap::new()),
                    b"Sentence" => {
                        if let Some(r) = st.record.take() {
                            records.push(r);
                        }
                        st.text = None;
                        let r = Record {
                            id: attr(t, "id").unwrap_or_default(),
                            category: attr(t, "category").unwrap_or_default(),
                            date: attr(t, "date").and_then(|d| Date::parse(&d)),
                            ..Record::default()
                        };
                        if empty {
                            records.push(r);
                        } else {
                            st.record = Some(r);
                        }
                    }
                    b"EventCoding" => {
                        if let Some(r) = st.record.as_mut() {
                            if let Some(err) = attr(t, "error") {
                                r.error = Some(err);
                            } else if let (Some(s), Some(tg), Some(ev)) = (
                                attr(t, "sourcecode"),
                                attr(t, "targetcode"),
                                attr(t, "eventcode"),
                            ) {
                                r.expected.insert((s, tg, ev));
                            }
                        }
                    }
                    b"Text" if !empty && st.record.as_ref().is_some_and(|r| r.text.is_empty()) => {
                        st.text = Some(String::new());
                    }
                    name if !empty && st.env.is_some() => {
                        let name = String::from_utf8_lossy(name);
                        if ENV_KEYS.contains(&name.as_ref()) {
                            st.env_key = Some((name.into_owned(), String::new()));
                        }
                    }
                    _ => {}
                }
            }
            XmlEvent::Text(t) => {
                let raw = String::from_utf8_lossy(&t);
                if let Some(text) = st.text.as_mut() {
                    text.push_str(&raw);
                } else if let Some((_, v)) = st.env_key.as_mut() {
                    v.push_str(&raw);
                }
            }
            XmlEvent::CData(t) => {
                if let Some(text) = st.text.as_mut() {
                    // Escaped so that `unescape` gives the characters back.
                    text.push_str(&String::from_utf8_lossy(&t).replace('&', "&amp;"));
                }
            }
            XmlEvent::End(t) => match t.name().as_ref() {
                b"Environment" => {
                    if let Some(e) = st.env.take() {
                        env = Some(e);
                    }
                    st.env_key = None;
                }
                b"Sentence" => {
                    if let Some(r) = st.record.take() {
                        records.push(r);
                    }
                    st.text = None;
                }
                b"Text" => {
                    if let (Some(text), Some(r)) = (st.text.take(), st.record.as_mut()) {
                        r.text = unescape(text.trim());
                    }
                }
                name => {
                    let done = st
                        .env_key
                        .as_ref()
                        .is_some_and(|(k, _)| k.as_bytes() == name);
                    if done {
                        if let (Some((k, v)), Some(e)) = (st.env_key.take(), st.env.as_mut()) {
                            e.entry(k).or_insert_with(|| v.trim().to_string());
                        }
                    }
                }
            },
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    if let Some(r) = st.record.take() {
        records.push(r);
    }
    records.retain(|r| !r.id.is_empty());
    Ok((env.unwrap_or_default(), records))
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
