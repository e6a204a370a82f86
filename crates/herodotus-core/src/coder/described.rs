//! People described first and named later (issue 10 item 3): news introduces
//! people the dictionaries do not know by a role description ("two federal police
//! officers", "a Syrian soldier") and names them in apposition or in the next
//! sentence. The names take the description's code and are remembered by surname
//! for the rest of the article, like people found by title (`mentions.rs`,
//! `titled_people`).
//!
//! - **Apposition after the description**: "Two police officers, Tova Rask and
//!   Mikel Tamm, were charged": the description's mention takes the names' words
//!   (one actor), and each name is remembered.
//! - **Apposition before it**: "Tova Rask and Mikel Tamm, two police officers,
//!   ...", "..., both soldiers, ...": each name becomes a person with the
//!   description's code (one name with "a", "an" or "the" is `titled_people`'s).
//! - **The next sentence**: a sentence that opens with a counted description ("Two
//!   federal prison officers were charged ...") and the sentence right after it,
//!   which names exactly that many unknown full names in one coordination ("...
//!   alleged that Tova Rask and Mikel Tamm slept on duty"): each name becomes a
//!   person with the description's code.
//! - **Later, by the description's word**: once a description has named two or
//!   more people, "the officers" or "the two officers" (its last word after "the",
//!   when that word is no actor of its own) is that group, with its code.
//!
//! Conservative on purpose: a description is an agent with a role (a composed one,
//! or a bare one that took the article's country, marked inferred, or a definite
//! one resolved from the context); a name is two or three capitalised words with no
//! dictionary mention in them (a surname alias after the first word gives way) and
//! no word of an organisation's name; a count must match the names exactly ("a",
//! "an" and "one" one name, "both" two); the next-sentence reading needs a count
//! of two to six opening the sentence (after the dateline or a short time phrase
//! at most: "On Tuesday, two officers ..."), and only the
//! immediately following sentence, with names that carry no title of their own.
//!
//! Cost: per window, one pass over the tokens for the group's word, and per
//! description (at most the window's mentions) or candidate start a coordination
//! of at most [`MAX_NAMES`] names of at most three words each, looked for over at
//! most [`MAX_NAMES_TOKENS`] tokens: a constant per token, so linear in the
//! window. The memory is one pending description and one group per article.

use super::mentions::{
    name_word, names_text, remember_titled, titled_person, Context, Found, ORGANISATION_WORDS,
};
use super::Coder;
use crate::codes::ActorCode;
use crate::dict::ActorKind;
use crate::tokens::{Token, TokenKind};

/// Most names in one coordination read as the people of one description.
const MAX_NAMES: usize = 6;

/// Longest stretch of tokens a coordination of names may take: `MAX_NAMES` names of
/// three words and a separator ("," or "and", or ", and") after each.
const MAX_NAMES_TOKENS: usize = MAX_NAMES * 5;

/// Words of places' names, never of a person's: "San Isidro", "Port Harcourt",
/// "North Kordofan" (with `ORGANISATION_WORDS`, which has "new" and "coast").
const PLACE_WORDS: &[&str] = &[
    "bay", "beach", "central", "city", "county", "district", "east", "eastern", "fort", "lake",
    "mount", "north", "northern", "port", "province", "river", "saint", "san", "santa", "south",
    "southern", "st", "valley", "west", "western",
];

/// A counted description that opened the last sentence ("Two soldiers ..."), for
/// the names of the sentence right after it.
#[derive(Clone, Debug)]
pub(super) struct Described {
    count: usize,
    code: String,
    inferred: bool,
    /// The description's last word ("officers" of "two prison officers").
    head: String,
}

/// The last group of people named for a description, for "the officers" or "the
/// two officers" (its head word after "the") later in the article.
#[derive(Clone, Debug)]
pub(super) struct Group {
    head: String,
    code: String,
    inferred: bool,
}

/// What stands before a description: a count ("two", "3", "both"), a singular
/// article ("a", "an", "one"), or a definite article or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Det {
    Count(usize),
    One,
    Open,
}

impl Det {
    /// Whether `n` names fit the determiner.
    fn fits(self, n: usize) -> bool {
        match self {
            Det::Count(c) => n == c,
            Det::One => n == 1,
            Det::Open => (1..=3).contains(&n),
        }
    }
}

impl Coder {
    /// Names given to a role description in apposition or in the next sentence (see
    /// the module's documentation). Runs before `titled_people`, on the composed
    /// mentions; adds people and remembers them in `ctx`.
    pub(super) fn described_people(
        &self,
        tokens: &[Token],
        out: &mut Vec<Found>,
        ctx: &mut Context,
    ) {
        let pending = ctx.described.take();
        let mut added: Vec<Found> = Vec::new();
        // "the officers", "the two officers": the last group named for a
        // description whose head word is not an actor of its own.
        if let Some(g) = &ctx.described_group {
            for j in 1..tokens.len() {
                let mut d = j - 1;
                if count_word(&tokens[d].norm).is_some() && d > 0 {
                    d -= 1;
                }
                if tokens[j].norm == g.head
                    && tokens[d].norm == "the"
                    && !out.iter().any(|m| m.tok[0] <= j && j < m.tok[1])
                {
                    added.push(Found {
                        tok: [j, j + 1],
                        span: [tokens[j].start, tokens[j].end],
                        code: Some(g.code.clone()),
                        name: format!("the {}", g.head),
                        kind: ActorKind::Agent,
                        agent: None,
                        pronoun: false,
                        inferred: g.inferred,
                        pair: false,
                    });
                }
            }
        }
        // Surname aliases of the dictionary inside a name taken here (start tokens).
        let mut claimed: Vec<usize> = Vec::new();
        // "A put Ann Doe in charge", "A named Ann Doe as director": a person put in
        // office by a government actor holds office in its government.
        for i in 0..tokens.len() {
            if let Some((run, code)) = appointed(tokens, out, i) {
                let [a, b] = run;
                claimed.extend(aliases(out, a, b));
                let name = names_text(tokens, a, b);
                added.push(titled_person(
                    [a, b],
                    [tokens[a].start, tokens[b - 1].end],
                    &name,
                    &code,
                ));
                remember_titled(ctx, &tokens[b - 1].norm, &name, &code, false);
            }
        }
        // The descriptions named by an apposition in this sentence (their index).
        let mut named: Vec<usize> = Vec::new();
        for idx in 0..out.len() {
            if !description(&out[idx]) {
                continue;
            }
            let m = out[idx].clone();
            let code = m.code.clone().unwrap_or_default();
            let (start, det) = determiner(tokens, m.tok[0]);
            // "their nominee for governor, Ann Doe," "the head of police, Ann Doe":
            // the person holds another role.
            if start > 0 && matches!(tokens[start - 1].norm.as_str(), "for" | "of") {
                continue;
            }
            // "two police officers, Tova Rask and Mikel Tamm,"
            if tokens.get(m.tok[1]).is_some_and(|t| t.norm == ",") {
                if let Some((runs, end)) = coordination(tokens, out, m.tok[1] + 1) {
                    let closed = tokens
                        .get(end)
                        .is_none_or(|t| matches!(t.norm.as_str(), "," | "." | ";"));
                    if closed && det.fits(runs.len()) {
                        for &[a, b] in &runs {
                            claimed.extend(aliases(out, a, b));
                            let name = names_text(tokens, a, b);
                            remember_titled(ctx, &tokens[b - 1].norm, &name, &code, m.inferred);
                        }
                        if runs.len() >= 2 {
                            ctx.described_group = Some(Group {
                                head: tokens[m.tok[1] - 1].norm.clone(),
                                code: code.clone(),
                                inferred: m.inferred,
                            });
                        }
                        let last = runs[runs.len() - 1][1];
                        let e = &mut out[idx];
                        e.tok[1] = last;
                        e.span[1] = tokens[last - 1].end;
                        named.push(idx);
                        continue;
                    }
                }
            }
            // "Tova Rask and Mikel Tamm, two police officers," (one name after a
            // comma with "a", "an" or "the" is `titled_people`'s).
            if start < 3 || tokens[start - 1].norm != "," {
                continue;
            }
            let comma = start - 1;
            let from = comma.saturating_sub(MAX_NAMES_TOKENS);
            let found = (from..comma)
                .filter(|&a| a == 0 || !name_word(tokens, a - 1))
                .find_map(|a| coordination(tokens, out, a).filter(|&(_, end)| end == comma));
            let Some((runs, _)) = found else { continue };
            if det.fits(runs.len()) && (runs.len() >= 2 || matches!(det, Det::Count(_))) {
                for &[a, b] in &runs {
                    claimed.extend(aliases(out, a, b));
                    let name = names_text(tokens, a, b);
                    let mut p =
                        titled_person([a, b], [tokens[a].start, tokens[b - 1].end], &name, &code);
                    p.inferred = m.inferred;
                    added.push(p);
                    remember_titled(ctx, &tokens[b - 1].norm, &name, &code, m.inferred);
                }
                ctx.described_group = Some(Group {
                    head: tokens[m.tok[1] - 1].norm.clone(),
                    code: code.clone(),
                    inferred: m.inferred,
                });
                named.push(idx);
            }
        }
        // The sentence after a counted description: exactly that many unknown full
        // names in one coordination, with no title of their own.
        if let Some(d) = pending {
            let mut a = 0;
            while a < tokens.len() {
                // A title of their own, a longer name, or a place's preposition
                // ("in Nuevo Laredo and Ciudad Juarez") before the names.
                let titled = a > 0
                    && (name_word(tokens, a - 1)
                        || out.iter().any(|m| m.tok[0] < a && a - 1 < m.tok[1])
                        || matches!(
                            tokens[a - 1].norm.as_str(),
                            "in" | "at" | "from" | "near" | "to" | "into" | "across" | "outside"
                        ));
                if !name_word(tokens, a) || titled {
                    a += 1;
                    continue;
                }
                let Some((runs, end)) = coordination(tokens, out, a) else {
                    a += 1;
                    continue;
                };
                if runs.len() == d.count {
                    for &[a, b] in &runs {
                        claimed.extend(aliases(out, a, b));
                        let name = names_text(tokens, a, b);
                        let mut p = titled_person(
                            [a, b],
                            [tokens[a].start, tokens[b - 1].end],
                            &name,
                            &d.code,
                        );
                        p.inferred = d.inferred;
                        added.push(p);
                        remember_titled(ctx, &tokens[b - 1].norm, &name, &d.code, d.inferred);
                    }
                    ctx.described_group = Some(Group {
                        head: d.head.clone(),
                        code: d.code.clone(),
                        inferred: d.inferred,
                    });
                    break;
                }
                a = end.max(a + 1);
            }
        }
        // A counted description opening this sentence, its people not named in it.
        if let Some((idx, m)) = out.iter().enumerate().find(|(_, m)| !m.pronoun) {
            let (start, det) = determiner(tokens, m.tok[0]);
            // At the sentence's start, after a dateline ("WASHINGTON –") or after a
            // short time phrase and its comma ("On Tuesday, two officers ...").
            let opens = start == 0
                || (start >= 2
                    && matches!(tokens[start - 1].norm.as_str(), "-" | "--" | "—" | "–")
                    && tokens[..start - 1]
                        .iter()
                        .all(|t| t.all_caps || t.kind != TokenKind::Word))
                || ((3..=5).contains(&start)
                    && tokens[start - 1].norm == ","
                    && (matches!(
                        tokens[0].norm.as_str(),
                        "on" | "late" | "early" | "earlier" | "last"
                    ) || crate::tokens::is_calendar_word(&tokens[0].norm))
                    && tokens[1..start - 1]
                        .iter()
                        .all(|t| t.kind != TokenKind::Punct));
            if let Det::Count(count) = det {
                if opens && description(m) && !named.contains(&idx) {
                    ctx.described = Some(Described {
                        count,
                        code: m.code.clone().unwrap_or_default(),
                        inferred: m.inferred,
                        head: tokens[m.tok[1] - 1].norm.clone(),
                    });
                }
            }
        }
        if !claimed.is_empty() {
            out.retain(|m| !(claimed.contains(&m.tok[0]) && alias(m)));
        }
        super::mentions::add_mentions(out, added);
    }
}

/// Verbs that put a person in office: "appointed", "named", "put", "installed",
/// "tapped", "picked", "chose", "nominated" (past forms, as news tells it).
const APPOINTING: &[&str] = &[
    "appointed",
    "named",
    "put",
    "installed",
    "tapped",
    "picked",
    "chose",
    "nominated",
];

/// Token `i` is a verb of appointment between a government actor before it and an
/// unknown full name after it, which an office follows ("in charge", "as ...", "to
/// lead / head / run ..."): issue 10 class "people put in office by an act" ("Attorney
/// General A put Ann Doe in charge", "the president named Ann Doe as envoy"). Returns
/// the name's tokens and its code, the appointer's country with the role GOV.
fn appointed(tokens: &[Token], out: &[Found], i: usize) -> Option<([usize; 2], String)> {
    if !APPOINTING.contains(&tokens[i].norm.as_str()) {
        return None;
    }
    let appointer = out
        .iter()
        .rfind(|m| m.tok[1] <= i && !m.pronoun)?
        .code
        .as_deref()
        .map(ActorCode::new)
        .filter(|c| c.has_country() && c.has_role("GOV"))?;
    let (runs, end) = coordination(tokens, out, i + 1)?;
    if runs.len() != 1 {
        return None;
    }
    let next = |k: usize| tokens.get(end + k).map(|t| t.norm.as_str());
    let office = match next(0)? {
        "in" => next(1) == Some("charge"),
        "as" => true,
        "to" => matches!(
            next(1),
            Some("lead" | "head" | "run" | "oversee" | "replace")
        ),
        _ => false,
    };
    office.then(|| (runs[0], format!("{}GOV", appointer.country())))
}

/// A role description: an agent with a role (composed with a country, or a bare or
/// definite one the context coded), not a person, a pronoun or a collective pair.
fn description(m: &Found) -> bool {
    m.kind == ActorKind::Agent
        && !m.pronoun
        && !m.pair
        && m.code
            .as_deref()
            .is_some_and(|c| c.len() > 3 && ActorCode::new(c).has_country())
}

/// A dictionary person matched by one word: a surname alias, which gives way to a
/// longer name around it.
fn alias(m: &Found) -> bool {
    m.kind == ActorKind::Person
        && !m.pronoun
        && !m.inferred
        && m.agent.is_none()
        && m.tok[1] - m.tok[0] == 1
}

/// The start tokens of the surname aliases inside tokens `a..b`.
fn aliases(out: &[Found], a: usize, b: usize) -> Vec<usize> {
    out.iter()
        .filter(|m| m.tok[0] < b && a < m.tok[1])
        .map(|m| m.tok[0])
        .collect()
}

/// The determiner of a description whose mention starts at token `first`, over at
/// most three lower-case modifiers ("two federal prison officers", "the two
/// officers"): where the description starts, and what the determiner says of its
/// number (nothing found: the mention's own start, open).
fn determiner(tokens: &[Token], first: usize) -> (usize, Det) {
    let mut j = first;
    while j > 0 && first - j <= 3 {
        let t = &tokens[j - 1];
        if t.kind != TokenKind::Word {
            break;
        }
        let det = match t.norm.as_str() {
            "both" => Some(Det::Count(2)),
            "a" | "an" | "one" => Some(Det::One),
            "the" => Some(Det::Open),
            w => count_word(w).map(Det::Count),
        };
        if let Some(d) = det {
            let mut s = j - 1;
            if matches!(d, Det::Count(_)) && s > 0 && tokens[s - 1].norm == "the" {
                s -= 1;
            }
            return (s, d);
        }
        if t.capitalized || first - j == 3 {
            break;
        }
        j -= 1;
    }
    (first, Det::Open)
}

/// The count a word says ("two", "3"): two to six, the counts read here.
fn count_word(w: &str) -> Option<usize> {
    match w {
        "two" | "2" => Some(2),
        "three" | "3" => Some(3),
        "four" | "4" => Some(4),
        "five" | "5" => Some(5),
        "six" | "6" => Some(6),
        _ => None,
    }
}

/// A full name of two or three capitalised words starting at token `a`, that does
/// not go on into a fourth: its end.
fn full_name(tokens: &[Token], a: usize) -> Option<usize> {
    if a >= tokens.len() || !name_word(tokens, a) {
        return None;
    }
    let mut b = a + 1;
    while b < tokens.len() && b - a < 3 && name_word(tokens, b) && tokens[b].space_before {
        b += 1;
    }
    let goes_on = b < tokens.len() && name_word(tokens, b) && tokens[b].space_before;
    (b - a >= 2 && !goes_on).then_some(b)
}

/// Names the dictionaries do not know, coordinated from token `a`: "A B", "A B and
/// C D", "A B, C D and E F" (at most [`MAX_NAMES`]), each maybe with an age ("A B,
/// 31, and C D"). Each is a full name with no mention in it but surname aliases
/// after its first word, and no word of an organisation's name; a list of two or
/// more needs its "and". Returns the names and the token after the last one.
fn coordination(tokens: &[Token], out: &[Found], a: usize) -> Option<(Vec<[usize; 2]>, usize)> {
    let mut runs: Vec<[usize; 2]> = Vec::new();
    let mut j = a;
    let mut joined = false;
    loop {
        let b = full_name(tokens, j)?;
        let free = out
            .iter()
            .filter(|m| m.tok[0] < b && j < m.tok[1])
            .all(|m| alias(m) && j < m.tok[0] && m.tok[1] <= b);
        if !free
            || tokens[j..b].iter().any(|t| {
                ORGANISATION_WORDS.contains(&t.norm.as_str())
                    || PLACE_WORDS.contains(&t.norm.as_str())
            })
        {
            return None;
        }
        runs.push([j, b]);
        if joined || runs.len() >= MAX_NAMES {
            return Some((runs, b));
        }
        // After the name and its age, if any: the separator.
        let (s, comma) = match age(tokens, b) {
            Some(k) => (k, true),
            None => (b, false),
        };
        let next = |k: usize| tokens.get(k).map(|t| t.norm.as_str());
        match (next(s), next(s + 1)) {
            (Some("and"), _) => {
                joined = true;
                j = s + 1;
            }
            (Some(","), Some("and")) if runs.len() >= 2 => {
                joined = true;
                j = s + 2;
            }
            (Some(","), Some(_)) if full_name(tokens, s + 1).is_some() => j = s + 1,
            _ if comma && full_name(tokens, s).is_some() => j = s,
            // The end of the names: one name alone, or a list without its "and",
            // which is no coordination.
            _ => return (runs.len() == 1).then_some((runs, b)),
        }
    }
}

/// An age after a name, ", 31,": the token after its second comma.
fn age(tokens: &[Token], b: usize) -> Option<usize> {
    let t = |k: usize| tokens.get(b + k);
    (t(0).is_some_and(|x| x.norm == ",")
        && t(1).is_some_and(|x| x.kind == TokenKind::Number && x.norm.len() <= 3)
        && t(2).is_some_and(|x| x.norm == ","))
    .then_some(b + 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize_into;

    fn tokens(text: &str) -> Vec<Token> {
        let mut toks = Vec::new();
        tokenize_into(text, [0, text.len()], &mut toks);
        toks
    }

    #[test]
    fn coordinations_of_names() {
        let t = tokens("Tova Rask, 31, and Mikel Tamm, 40, slept");
        assert_eq!(coordination(&t, &[], 0), Some((vec![[0, 2], [6, 8]], 8)));
        let t = tokens("Tova Rask, Mikel Tamm and Omar Haddadi slept");
        assert_eq!(coordination(&t, &[], 0).map(|c| c.0.len()), Some(3));
        // A list without its "and" is no coordination; one name alone is.
        let t = tokens("Tova Rask, Mikel Tamm, Omar Haddadi slept");
        assert_eq!(coordination(&t, &[], 0), None);
        let t = tokens("Tova Rask, who slept");
        assert_eq!(coordination(&t, &[], 0), Some((vec![[0, 2]], 2)));
        // A name that goes on into a fourth word, or a place's word, is none.
        assert_eq!(coordination(&tokens("Ann Mary Jo Doe slept"), &[], 0), None);
        assert_eq!(coordination(&tokens("San Isidro slept"), &[], 0), None);
    }

    #[test]
    fn names_at_the_end_of_the_tokens() {
        // A window cut after "and" or after a name's comma (found by the
        // adversarial CLI test: an index past the end).
        for text in ["Tova Rask and", "Tova Rask,", "Tova Rask, 31,", "Tova"] {
            let t = tokens(text);
            let _ = coordination(&t, &[], 0);
            assert_eq!(full_name(&t, t.len()), None);
        }
    }

    #[test]
    fn determiners_count_the_description() {
        let t = tokens("the two federal prison officers");
        assert_eq!(determiner(&t, 3), (0, Det::Count(2)));
        let t = tokens("both soldiers");
        assert_eq!(determiner(&t, 1), (0, Det::Count(2)));
        let t = tokens("a Syrian soldier");
        assert_eq!(determiner(&t, 1), (0, Det::One));
        let t = tokens("officers");
        assert_eq!(determiner(&t, 0), (0, Det::Open));
    }
}
