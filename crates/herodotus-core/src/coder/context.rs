//! Context from outside the sentence: the article's dateline and the country it
//! gives (used by the mention stage for bare agents, see `mentions.rs`).

use super::mentions::Context;
use super::Coder;
use crate::date::Date;
use crate::tokens::tokenize_into;

impl Coder {
    /// The country code of a dateline's place ("BEIRUT", "KYIV, Ukraine"), from the
    /// actor dictionaries (capitals and countries).
    pub(super) fn place_country(&self, place: &str, date: Option<Date>) -> Option<String> {
        let mut toks = Vec::new();
        tokenize_into(place, [0, place.len()], &mut toks);
        let ids: Vec<u32> = toks.iter().map(|t| self.vocab.get(&t.norm)).collect();
        let found = self.find_mentions(&toks, &ids, date, &mut Context::default());
        found
            .iter()
            .filter_map(|m| m.code.as_deref())
            .find(|c| c.len() >= 3 && c[..3].chars().all(|ch| ch.is_ascii_uppercase()))
            .map(|c| c[..3].to_string())
    }
}

/// A dateline at the start of an article: a place in capitals (or one capitalised
/// word) with an optional agency in parentheses, then a dash or, for capitals, a
/// colon: "BEIRUT (AP) —", "WASHINGTON —", "NEW DELHI:", "KYIV, Ukraine –",
/// "Indianapolis –". Returns the byte where the text proper starts and the place.
pub(super) fn dateline(text: &str) -> Option<(usize, &str)> {
    let cut = (0..=text.len().min(80))
        .rev()
        .find(|&i| text.is_char_boundary(i))?;
    let head = &text[..cut];
    let lead = head.len() - head.trim_start().len();
    let rest = &head[lead..];
    // The separator: the first dash, or a colon.
    let (sep_at, sep_len, colon) = rest.char_indices().find_map(|(i, c)| match c {
        '—' | '–' => Some((i, c.len_utf8(), false)),
        ':' => Some((i, 1, true)),
        '-' if rest[i + 1..].starts_with(' ') && rest[..i].ends_with(' ') => Some((i, 1, false)),
        _ => None,
    })?;
    let before = rest[..sep_at].trim_end();
    // An agency in parentheses: "(AP)", "(Reuters)".
    let place = match before
        .strip_suffix(')')
        .and_then(|b| b.rfind('(').map(|p| &b[..p]))
    {
        Some(p) => p.trim_end(),
        None => before,
    };
    let words: Vec<&str> = place.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let caps = |w: &str| {
        w.chars().any(|c| c.is_alphabetic())
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\''))
    };
    let title = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_lowercase() || c == '-')
    };
    let first_caps = caps(words[0]);
    let ok = if first_caps {
        // "KYIV, Ukraine": a capitalised region may follow the city.
        words.iter().all(|w| caps(w) || title(w))
    } else {
        !colon && words.len() == 1 && title(words[0])
    };
    if !ok {
        return None;
    }
    let after = &rest[sep_at + sep_len..];
    let body = after.trim_start();
    if body.is_empty() || after.len() == body.len() {
        return None;
    }
    let next = body.chars().next()?;
    if !(next.is_uppercase() || matches!(next, '"' | '“' | '‘')) {
        return None;
    }
    Some((lead + sep_at + sep_len + (after.len() - body.len()), place))
}

#[cfg(test)]
mod tests {
    use super::dateline;
    use crate::{Article, Coder, Date, Dictionaries};

    fn events(text: &str) -> Vec<(String, String, String, bool)> {
        let coder = Coder::new(Dictionaries::builtin().unwrap());
        let a = Article {
            id: "t".into(),
            text: text.into(),
            date: Date::parse("2020-01-15"),
            ..Article::default()
        };
        coder
            .code_article(&a)
            .events
            .into_iter()
            .map(|e| (e.source_code, e.event_code, e.target_code, e.actor_inferred))
            .collect()
    }

    #[test]
    fn titled_person_is_remembered_for_the_article() {
        let ev = events("French envoy Jean Duval arrived in Tehran on Monday. Duval criticized Iran over the arrests.");
        assert!(
            ev.contains(&("FRAGOV".into(), "111".into(), "IRN".into(), false)),
            "{ev:?}"
        );
    }

    #[test]
    fn bare_agents_take_the_dateline_country_and_say_so() {
        let ev = events("WASHINGTON — Lawmakers criticized the Chinese government on Tuesday.");
        assert_eq!(
            ev,
            vec![("USALEG".into(), "111".into(), "CHNGOV".into(), true)]
        );
        // Without a dateline and with no dominant country, the agent stays unknown.
        assert!(events("Lawmakers criticized the Chinese government on Tuesday.").is_empty());
    }

    #[test]
    fn datelines() {
        let cases: &[(&str, Option<&str>)] = &[
            ("BEIRUT (AP) — Police arrested ...", Some("BEIRUT")),
            ("WASHINGTON — Lawmakers ...", Some("WASHINGTON")),
            ("NEW DELHI: Their dream ...", Some("NEW DELHI")),
            ("KYIV, Ukraine – Drones hit ...", Some("KYIV, Ukraine")),
            ("Indianapolis – Several thousand ...", Some("Indianapolis")),
            ("WASHINGTON (Reuters) - The Senate ...", Some("WASHINGTON")),
            ("Officials — from Kenya and Uganda — met.", None),
            ("Officials — Kenya and Uganda — met.", Some("Officials")),
            ("Officials said: The talks ...", None),
            ("The talks — which began ...", None),
            // A multi-byte character across byte 80 (found by the adversarial suite).
            ("Café talk.\nRussian troops attacked Ukrainian positions near Kharkiv on Tuesday\u{fffd}.", None),
            ("Russia and China — two powers — met.", None),
            ("PARIS — ", None),
            ("—", None),
            ("", None),
        ];
        for (t, want) in cases {
            assert_eq!(dateline(t).map(|d| d.1), *want, "{t:?}");
        }
        let t = "BEIRUT (AP) — Police arrested ...";
        assert_eq!(&t[dateline(t).unwrap().0..], "Police arrested ...");
    }
}
