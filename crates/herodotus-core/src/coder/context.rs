//! Context from outside the sentence: the article's dateline and the country it
//! gives, and the countries the whole article mentions (used by the mention stage for
//! bare agents and "both sides", see `mentions.rs`).

use super::mentions::{Context, Found};
use super::Coder;
use crate::codes::ActorCode;
use crate::date::Date;
use crate::dict::ActorKind;
use crate::doc::Doc;
use crate::tokens::{tokenize_into, Token};

impl Coder {
    /// Country mentions of the whole article by country code, in order of first
    /// mention: a first pass over every window with a scratch context, so that the
    /// country an article is about is known from its first sentence on ("Police
    /// arrested ..." before Iran is named). Pronouns, inferred actors and bare
    /// agents resolved from their neighbours ("the government") do not count; people, capitals and composed agents count for their country, IGO and
    /// NGO codes for none.
    pub(super) fn article_country_counts(
        &self,
        doc: &Doc<'_>,
        date: Option<Date>,
    ) -> Vec<(String, usize)> {
        let mut scratch = Context::default();
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut ids = Vec::new();
        for s in &doc.sentences {
            if s.skipped {
                break;
            }
            for w in &s.windows {
                let toks = &doc.tokens[w.tokens.clone()];
                ids.clear();
                ids.extend(toks.iter().map(|t| self.vocab.get(&t.norm)));
                for m in self.find_mentions(toks, &ids, date, &mut scratch) {
                    // Not a pronoun, a guess, or a bare agent resolved from its
                    // neighbours ("the government" after "Ukrainian").
                    let Some(code) = m
                        .code
                        .as_deref()
                        .filter(|_| !m.pronoun && !m.inferred && m.agent.is_none())
                        // A news organisation is no country ("told AFP").
                        .filter(|_| m.kind != ActorKind::Organisation)
                    else {
                        continue;
                    };
                    let c = ActorCode::new(code).country();
                    if !self.countries.contains(c) {
                        continue;
                    }
                    match counts.iter_mut().find(|(k, _)| k == c) {
                        Some(e) => e.1 += 1,
                        None => counts.push((c.to_string(), 1)),
                    }
                }
            }
            if s.truncated {
                break;
            }
        }
        counts
    }

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

impl Coder {
    /// Collective references to two actors: "both sides", "both countries", "the two
    /// leaders", "the two governments". They stand for the two countries of the
    /// sentence when it names exactly two; in a sentence that names none, for the two
    /// of the last sentence that named exactly two, else for the two countries the
    /// article is about when those stand out (see [`Context::article_pair`]);
    /// otherwise for nobody. The reference becomes two inferred mentions, the second marked `pair`
    /// so that it joins the first as a compound ("both sides accused each other"
    /// gives both directions). Sides, leaders and governments are governments
    /// (`XXXGOV`); countries and nations the bare country.
    pub(super) fn collective(&self, tokens: &[Token], out: &mut Vec<Found>, ctx: &mut Context) {
        let named = self.named_countries(tokens, out);
        let found = self.collective_phrases(tokens, out);
        if !found.is_empty() {
            self.pair_up(tokens, out, ctx, &named, found);
        }
        if !named.is_empty() {
            ctx.prev_countries = named;
        }
    }

    /// The countries a sentence names as actors, in order (at most 8): not through
    /// pronouns or guesses, nor places after "in" or "at" ("met in Vienna").
    fn named_countries(&self, tokens: &[Token], mentions: &[Found]) -> Vec<String> {
        let mut named: Vec<String> = Vec::new();
        for m in mentions
            .iter()
            .filter(|m| !m.pronoun && !m.inferred && m.kind != ActorKind::Organisation)
        {
            let place = m.tok[0] > 0 && matches!(tokens[m.tok[0] - 1].norm.as_str(), "in" | "at");
            if let Some(c) = m.code.as_deref().map(|c| ActorCode::new(c).country()) {
                if !place && self.countries.contains(c) && !named.iter().any(|n| n == c) {
                    named.push(c.to_string());
                }
            }
            if named.len() >= 8 {
                break;
            }
        }
        named
    }

    /// The collective phrases of a sentence (at most 4): (first token, noun, role).
    fn collective_phrases(
        &self,
        tokens: &[Token],
        out: &[Found],
    ) -> Vec<(usize, usize, &'static str)> {
        let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
        for i in 0..tokens.len() {
            let (w, next) = (tokens[i].norm.as_str(), tokens.get(i + 1));
            let noun_at = match (w, next.map(|t| t.norm.as_str())) {
                ("both", Some(_)) => i + 1,
                ("the", Some("two")) => i + 2,
                // "called on all sides to ...": the two sides of the conflict.
                ("all", Some("sides")) => i + 1,
                _ => continue,
            };
            // One lower-case modifier may come first: "the two foreign ministers",
            // "both warring sides" (issue 10 class "role nouns and pronouns").
            let modified = tokens.get(noun_at).is_some_and(|t| {
                t.kind == crate::tokens::TokenKind::Word
                    && !t.capitalized
                    && collective_role(&t.norm).is_none()
            });
            let noun_at = if modified { noun_at + 1 } else { noun_at };
            let Some(role) = tokens.get(noun_at).and_then(|t| collective_role(&t.norm)) else {
                continue;
            };
            // A mention already coded from the sentence ("both Korean governments")
            // stays; an uncoded or inferred agent ("leaders") gives way.
            let taken = out
                .iter()
                .any(|m| m.tok[0] < noun_at + 1 && i < m.tok[1] && m.code.is_some() && !m.inferred);
            if !taken && found.len() < 4 {
                found.push((i, noun_at, role));
            }
        }
        found
    }

    /// Replaces each collective phrase by the two actors it stands for, if known.
    fn pair_up(
        &self,
        tokens: &[Token],
        out: &mut Vec<Found>,
        ctx: &Context,
        named: &[String],
        found: Vec<(usize, usize, &'static str)>,
    ) {
        // The countries of the pair, or (for two actors of one country: a
        // government and its rebels) their whole codes.
        // "all sides" never means two countries the sentence names ("The US and
        // Britain urged restraint on all sides": they are who speaks).
        let all_sides = found.iter().any(|&(i, _, _)| tokens[i].norm == "all");
        let from_named = named.len() == 2 && !all_sides;
        let (pair, whole) = match (named, ctx.prev_countries.as_slice()) {
            ([a, b], _) if from_named => (Some([a.clone(), b.clone()]), false),
            // None named, or one: most often the third party that speaks ("Russia
            // called on both sides to stop the bloodshed").
            ([], prev) | ([_], prev) | ([_, _], prev) => match self.event_pair(ctx) {
                Some(p) => p,
                None => match prev {
                    [a, b] if !ctx.crowded() => (Some([a.clone(), b.clone()]), false),
                    _ => (ctx.article_pair(), false),
                },
            },
            _ => (None, false),
        };
        let Some(pair) = pair else { return };
        // A country the sentence names is a third party, not one of the sides
        // ("Armenia said both sides must ..." stays unresolved).
        if !from_named
            && named
                .iter()
                .any(|n| pair.iter().any(|p| ActorCode::new(p).country() == n))
        {
            return;
        }
        for (i, noun_at, role) in found {
            out.retain(|m| !(m.tok[0] <= noun_at && i < m.tok[1]));
            // Both halves show the whole phrase ("the two leaders") as their text.
            let make = |tok: [usize; 2], actor: &str, second: bool| {
                let code = if whole {
                    actor.to_string()
                } else {
                    format!("{actor}{role}")
                };
                Found {
                    tok,
                    span: [tokens[i].start, tokens[noun_at].end],
                    code: Some(code.clone()),
                    name: code,
                    kind: ActorKind::Agent,
                    agent: None,
                    pronoun: false,
                    inferred: true,
                    pair: second,
                }
            };
            out.push(make([i, noun_at], &pair[0], false));
            out.push(make([noun_at, noun_at + 1], &pair[1], true));
        }
        out.sort_by_key(|m| m.tok[0]);
    }

    /// The two actors of the last event between two different actors, one or two
    /// sentences back (or earlier in this one): two countries when they differ and no
    /// third country competes (see [`Context::crowded`]), else, for two actors of one
    /// country ("the government freed rebel prisoners. Both sides ..."), their
    /// codes. The second value says the codes are whole.
    fn event_pair(&self, ctx: &Context) -> Option<(Option<[String; 2]>, bool)> {
        let (codes, at) = ctx.last_pair.as_ref()?;
        if ctx.sentence.saturating_sub(*at) > 2 {
            return None;
        }
        let [a, b] = codes.each_ref().map(|c| ActorCode::new(c).country());
        if a == b && self.countries.contains(a) {
            Some((Some(codes.clone()), true))
        } else if !ctx.crowded() && self.countries.contains(a) && self.countries.contains(b) {
            Some((Some([a.to_string(), b.to_string()]), false))
        } else {
            None
        }
    }
}

impl Context {
    /// After a sentence is coded: its last event between two different actors (both
    /// with a country) is the pair "both sides" may refer to next.
    pub(super) fn remember_pair(&mut self, si: usize, events: &[crate::event::Event]) {
        let pair = events.iter().rev().find(|e| {
            let (s, t) = (
                ActorCode::new(&e.source_code),
                ActorCode::new(&e.target_code),
            );
            s.as_str() != t.as_str() && s.has_country() && t.has_country()
        });
        if let Some(e) = pair {
            self.last_pair = Some(([e.source_code.clone(), e.target_code.clone()], si));
        }
    }
}

/// The role a collective noun gives its two countries ("sides" are governments),
/// or `None` for a noun that is no collective reference.
fn collective_role(noun: &str) -> Option<&'static str> {
    match noun {
        "sides" | "leaders" | "governments" | "capitals" => Some("GOV"),
        // The holders of one office in each ("the two ministers", "both presidents")
        // and the two delegations (issue 10 class "role nouns and pronouns").
        "ministers" | "presidents" | "premiers" | "delegations" => Some("GOV"),
        "armies" | "militaries" => Some("MIL"),
        "countries" | "nations" | "neighbours" | "neighbors" => Some(""),
        _ => None,
    }
}

/// A dateline at the start of an article: a place in capitals (or in title case: one
/// word, or any place an agency, a region or a date marks) with an optional date and
/// agency, then a dash or, for capitals, a colon: "BEIRUT (AP) —", "WASHINGTON —",
/// "NEW DELHI:", "KYIV, Ukraine –", "Indianapolis –", "Kabul, Afghanistan (AP) -",
/// "CARACAS, Venezuela, Jan. 23 (Reuters) -". Returns the byte where the text proper
/// starts and the place (without the date). The coder strips it and takes the
/// article's country from it; enrichment reads it as the filing place.
pub fn dateline(text: &str) -> Option<(usize, &str)> {
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
    // A date after the place: "CARACAS, Venezuela, Jan. 23 (Reuters) -".
    let place = strip_dateline_date(place);
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
    } else if place.len() < before.len() || place.contains(',') {
        // Class "title-case datelines": "Kabul, Afghanistan (AP) -", "Lagos (Reuters)
        // -": a place in title case is a dateline when an agency or a region marks it.
        !colon && words.iter().all(|w| title(w))
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

/// `place` without a date at its end (", Jan. 23", ", March 5", ", 23 May"), as wire
/// datelines give it after the place.
fn strip_dateline_date(place: &str) -> &str {
    let Some(comma) = place.rfind(',') else {
        return place;
    };
    let words: Vec<&str> = place[comma + 1..].split_whitespace().collect();
    const ABBREVIATED: [&str; 13] = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "may",
    ];
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_lowercase();
        crate::tokens::month_number(&w).is_some() || ABBREVIATED.contains(&w.as_str())
    };
    let day = |w: &str| !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit());
    match words[..] {
        [a, b] if (month(a) && day(b)) || (day(a) && month(b)) => place[..comma].trim_end(),
        _ => place,
    }
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
    fn context_actors_say_whether_they_are_inferred() {
        // "Both sides" is read from the context: inferred, both directions.
        let ev = events("Indian and Pakistani officials met on Monday. Both sides accused each other of violating the ceasefire.");
        assert!(
            ev.contains(&("INDGOV".into(), "1123".into(), "PAKGOV".into(), true))
                && ev.contains(&("PAKGOV".into(), "1123".into(), "INDGOV".into(), true)),
            "{ev:?}"
        );
        // A party tag says where the person sits: not inferred, even under a dateline
        // of another country.
        let ev = events("LONDON — Senator Ann Kowalczyk, R-Neb., criticized Russia on Tuesday.");
        assert_eq!(
            ev,
            vec![("USALEG".into(), "111".into(), "RUS".into(), false)]
        );
        // A bare title under a dateline: the article's country, inferred.
        let ev = events("NAIROBI — Army commander Peter Otieno criticized Uganda on Monday.");
        assert_eq!(
            ev,
            vec![("KENMIL".into(), "111".into(), "UGA".into(), true)]
        );
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
            // Title case, marked by an agency or a region; a date after the place.
            ("Kabul, Afghanistan (AP) - The Taliban ...", Some("Kabul, Afghanistan")),
            ("Lagos (Reuters) - Nigeria's ...", Some("Lagos")),
            ("CARACAS, Venezuela, Jan. 23 (Reuters) - Opposition ...", Some("CARACAS, Venezuela")),
            ("Seoul, South Korea, 5 March (AFP) – North ...", Some("Seoul, South Korea")),
            ("Prime Minister Narendra Modi — who won ...", None),
            ("Modi, Khan: The two ...", None),
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
