//! Actors named by a role noun or a pronoun instead of a name (issue 10 class "role
//! nouns and pronouns"; CODING-GUIDE "The unit": the earlier sentences of the article
//! are context "for 'he', 'the minister', 'the two sides'"):
//!
//! - **"The president", "the minister", "the premier"** are the last holder of that
//!   title named in the article ("Russian President X hosted Turkish Foreign Minister
//!   Y. The president praised Turkey" is Russia's president, not the last government
//!   actor named). Titles are remembered from the mentions that spell them ("Russian
//!   President X", "the Kenyan foreign minister", "Y, Turkey's foreign minister");
//!   "the minister" matches any minister but the prime minister, "the premier" and
//!   "the prime minister" each other; a title with a modifier ("the foreign
//!   minister") prefers the same title. A title the article never spelled falls back
//!   to the last actor of the role (`Context::by_role`).
//! - **"He" or "she" opening a sentence** is the person in subject position of the
//!   recent sentences (at most [`SUBJECT_REACH`] back), not the last person named:
//!   "Turkish President X met Russian President Y. He urged Russia ..." is X.
//! - **"The country", "the nation"** opening a sentence are the country in subject
//!   position of the recent sentences ("Venezuela expelled the Spanish ambassador.
//!   The country accused Spain ..."); **"the kingdom", "the emirate", "the
//!   sultanate"** anywhere but after a preposition of place are the last monarchy of
//!   that kind named ([`MONARCHIES`]).
//! - **"The group", "the movement"** are the last armed group, movement or
//!   non-governmental organisation named, **"the bloc", "the alliance"** the last
//!   intergovernmental one, **"the organisation"** the later of the two (at most
//!   [`GROUP_REACH`] sentences back); a
//!   definite armed agent ("the militants", "the rebels") is the last armed group
//!   when one is that recent, whatever its exact role ("the militants" after "M23
//!   rebels").
//!
//! - **"Them"** that would name the subject of its own sentence again ("Kenyan
//!   police arrested two Ugandan activists. The police accused them ...") is the
//!   group the sentence before acted on, not its subject.
//!
//! Memory is a few slots updated once per sentence from its mentions: the cost is
//! linear in the mentions, with no scan of the article.

use super::mentions::{add_mentions, Context, Found};
use super::Coder;
use crate::codes::ActorCode;
use crate::dict::ActorKind;
use crate::tokens::Token;

/// How many sentences back a subject ("he", "the country") is remembered.
const SUBJECT_REACH: usize = 2;
/// How many sentences back "the group" finds its group.
const GROUP_REACH: usize = 3;
/// How many sentences back "the kingdom" finds its country.
const COUNTRY_REACH: usize = 8;
/// Titles remembered (an article names few officeholders).
const TITLES: usize = 16;

/// Nouns of one officeholder (the head of a title: "foreign minister" is a
/// "minister"). Plurals are groups, not holders.
const TITLE_HEADS: &[&str] = &[
    "president",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "sultan",
    "monarch",
    "prince",
    "secretary",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "commander",
    "senator",
    "speaker",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Words before a title that say its holder no longer holds it: no title.
const FORMER: &[&str] = &["former", "ex", "late", "then"];

/// Countries named "the kingdom", "the emirate", "the sultanate" (reigning monarchies
/// by the name news gives their state).
const MONARCHIES: &[(&str, &[&str])] = &[
    (
        "kingdom",
        &[
            "SAU", "MAR", "JOR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK", "THA",
            "KHM", "BTN", "LSO", "SWZ", "TON",
        ],
    ),
    ("emirate", &["ARE", "QAT", "KWT"]),
    ("emirates", &["ARE"]),
    ("sultanate", &["OMN", "BRN"]),
];

/// Nouns that name an armed group, a movement or a non-governmental organisation
/// again ("the group said it had killed ...").
const GROUP_NOUNS: &[&str] = &["group", "movement"];
/// Nouns that name an intergovernmental organisation again ("the bloc").
const BODY_NOUNS: &[&str] = &["bloc", "alliance"];
/// Nouns that name either again.
const ORGANISATION_NOUNS: &[&str] = &["organisation", "organization"];

/// Roles of armed groups ("the militants" may name any of them).
fn armed(code: &str) -> bool {
    let c = ActorCode::new(code);
    ["REB", "INS", "SEP", "UAF"].iter().any(|r| c.has_role(r))
}

/// Words that may open a sentence before its subject after a comma ("On Monday,
/// he ..."), or right before it ("But he ...").
const OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "later",
    "earlier",
    "meanwhile",
    "separately",
    "also",
    "however",
    "but",
    "and",
    "yet",
    "then",
    "during",
    "after",
    "speaking",
    "last",
    "this",
];

/// Prepositions before "the kingdom" that make it a place ("in the kingdom").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "inside",
    "across",
    "throughout",
    "within",
    "around",
    "into",
    "from",
    "of",
    "outside",
    "at",
    "near",
];

/// The article's memory of role nouns and subjects (see the module doc).
#[derive(Clone, Debug, Default)]
pub(super) struct Referents {
    /// (title, code) of officeholders named with their title, most recent last.
    titles: Vec<(String, String)>,
    /// The person (or singular officeholder) in subject position of a recent
    /// sentence, and that sentence.
    subject_person: Option<(String, String, ActorKind, usize)>,
    /// The country of the actor in subject position of a recent sentence.
    subject_country: Option<(String, usize)>,
    /// Countries named, most recent last, with their last sentence.
    countries: Vec<(String, usize)>,
    /// The last armed group, movement or non-governmental organisation named, and
    /// its sentence.
    group: Option<(String, usize)>,
    /// The last intergovernmental organisation named, and its sentence.
    body: Option<(String, usize)>,
    /// The two actors of a compound subject ("India and Pakistan held talks"), and
    /// its sentence, for "they" opening the next one.
    subject_pair: Option<([String; 2], usize)>,
    /// The first group of people after the subject of the last sentence ("Kenyan
    /// police arrested two Ugandan activists"), for "them" that would otherwise
    /// name the subject again.
    plural_object: Option<(String, String, ActorKind, usize)>,
}

/// The family of a title: the holders "the X" may name ("the minister" is any
/// minister but the prime minister).
fn family(title: &str) -> &str {
    match title {
        "prime minister" | "premier" => "premier",
        "vice president" => "vice president",
        "crown prince" => "crown prince",
        t if t.ends_with(" minister") => "minister",
        t => t.rsplit(' ').next().unwrap_or(t),
    }
}

/// The title spelled by tokens `a..b` of a mention: its last head noun with the
/// lower-case word before it when that modifies it ("foreign minister", "prime
/// minister"), none for a former holder ("former president").
pub(super) fn title_of(tokens: &[Token], [a, b]: [usize; 2]) -> Option<String> {
    let h = (a..b)
        .rev()
        .find(|&j| TITLE_HEADS.contains(&tokens[j].norm.as_str()))?;
    let head = tokens[h].norm.as_str();
    // A title followed by "of" + more is another office ("secretary of state" stays
    // "secretary"); one followed by another noun of the mention is no title of the
    // holder ("president's office").
    let before = (h > 0).then(|| tokens[h - 1].norm.as_str());
    if before.is_some_and(|w| FORMER.contains(&w)) || (h > a + 1 && tokens[h - 2].norm == "former")
    {
        return None;
    }
    match before {
        Some(m @ ("prime" | "vice" | "crown")) => Some(format!("{m} {head}")),
        Some(m)
            if h > a
                && head == "minister"
                && m.chars().all(|c| c.is_ascii_lowercase())
                && m.len() > 2 =>
        {
            Some(format!("{m} {head}"))
        }
        _ => Some(head.to_string()),
    }
}

impl Referents {
    /// The last holder of a title ("the president"): the same title first when the
    /// anaphor has a modifier ("the foreign minister"), else its family.
    pub(super) fn by_title(&self, title: &str) -> Option<String> {
        let fam = family(title);
        if title != fam {
            if let Some((_, c)) = self.titles.iter().rev().find(|(t, _)| t == title) {
                return Some(c.clone());
            }
        }
        self.titles
            .iter()
            .rev()
            .find(|(t, _)| family(t) == fam)
            .map(|(_, c)| c.clone())
    }

    /// The person in subject position of a recent sentence.
    pub(super) fn subject_person(&self, si: usize) -> Option<(String, String, ActorKind)> {
        self.subject_person
            .as_ref()
            .filter(|p| si.saturating_sub(p.3) <= SUBJECT_REACH)
            .map(|p| (p.0.clone(), p.1.clone(), p.2))
    }

    /// Forgets the subject person (a sentence opened by someone the dictionaries do
    /// not know).
    pub(super) fn forget_person(&mut self) {
        self.subject_person = None;
    }

    /// The last armed group, when recent ("the militants").
    pub(super) fn armed_group(&self, si: usize) -> Option<String> {
        self.group
            .as_ref()
            .filter(|g| si.saturating_sub(g.1) <= GROUP_REACH && armed(&g.0))
            .map(|g| g.0.clone())
    }
}

/// True when token `i` opens its sentence's first clause: the first token, after
/// "But" or "And", or after a short opening phrase and its comma ("On Monday, he
/// ..."), with no actor before it.
pub(super) fn opens_sentence(tokens: &[Token], i: usize, actor_before: bool) -> bool {
    if actor_before {
        return false;
    }
    match i {
        0 => true,
        1 => OPENERS.contains(&tokens[0].norm.as_str()),
        _ => {
            i <= 6
                && tokens[i - 1].norm == ","
                && OPENERS.contains(&tokens[0].norm.as_str())
                && tokens[..i - 1].iter().all(|t| t.norm != "\"")
        }
    }
}

impl Coder {
    /// After a sentence: remembers its titles, its subject and its countries and
    /// groups (see the module doc).
    pub(super) fn remember_referents(
        &self,
        ctx: &mut Context,
        tokens: &[Token],
        ids: &[u32],
        mentions: &[Found],
        si: usize,
    ) {
        let refs = &mut ctx.referents;
        // The subject: the first actor of the sentence outside a quotation and not
        // after a preposition ("In Moscow, ...").
        let quotes_before = |j: usize| tokens[..j].iter().filter(|t| t.norm == "\"").count();
        let subject = mentions.iter().find(|m| m.code.is_some()).filter(|m| {
            let mut j = m.tok[0];
            if j > 0 && tokens[j - 1].norm == "the" {
                j -= 1;
            }
            quotes_before(j) % 2 == 0 && (j == 0 || !self.w.prepositions.contains(&ids[j - 1]))
        });
        for m in mentions {
            let Some(code) = m.code.as_deref() else {
                continue;
            };
            let c = ActorCode::new(code);
            if !m.pronoun {
                if let Some(t) = title_of(tokens, m.tok) {
                    refs.titles.retain(|(x, _)| *x != t);
                    if refs.titles.len() >= TITLES {
                        refs.titles.remove(0);
                    }
                    refs.titles.push((t, code.to_string()));
                }
            }
            if m.pronoun || m.inferred {
                continue;
            }
            if c.has_country()
                && m.kind != ActorKind::Organisation
                && self.countries.contains(c.country())
            {
                refs.countries.retain(|(x, _)| x != c.country());
                if refs.countries.len() >= 8 {
                    refs.countries.remove(0);
                }
                refs.countries.push((c.country().to_string(), si));
            }
            let organisation = m.kind == ActorKind::Organisation && !c.has_role("MED");
            if organisation && c.country() == "IGO" {
                refs.body = Some((code.to_string(), si));
            } else if organisation
                || m.kind == ActorKind::Group
                || (m.kind == ActorKind::Agent && armed(code))
            {
                refs.group = Some((code.to_string(), si));
            }
        }
        // A compound subject of two actors ("India and Pakistan", "the two
        // leaders"): "they" in the next sentence is both.
        refs.subject_pair = subject.and_then(|m| {
            let s = mentions.iter().position(|x| std::ptr::eq(x, m))?;
            let n = mentions.get(s + 1)?;
            let joined = n.pair || (n.tok[0] == m.tok[1] + 1 && ids[m.tok[1]] == self.w.and);
            let (a, b) = (m.code.clone()?, n.code.clone()?);
            let countries = [&a, &b]
                .iter()
                .all(|c| self.countries.contains(ActorCode::new(c).country()));
            (joined && !n.pronoun && !m.pronoun && countries && a != b).then_some(([a, b], si))
        });
        refs.plural_object = subject.and_then(|m| {
            let o = mentions.iter().find(|o| {
                o.tok[0] >= m.tok[1]
                    && !o.pronoun
                    && o.code.is_some()
                    && o.code != m.code
                    && matches!(o.kind, ActorKind::Agent | ActorKind::Group)
            })?;
            Some((o.code.clone()?, o.name.clone(), o.kind, si))
        });
        if let Some(m) = subject {
            let code = m.code.clone().unwrap_or_default();
            let singular = m.kind == ActorKind::Agent && title_of(tokens, m.tok).is_some();
            if m.kind == ActorKind::Person || singular {
                refs.subject_person = Some((code.clone(), m.name.clone(), m.kind, si));
            }
            let c = ActorCode::new(&code);
            if c.has_country()
                && m.kind != ActorKind::Organisation
                && self.countries.contains(c.country())
                && !(m.inferred && !m.pronoun && m.kind == ActorKind::Agent)
            {
                refs.subject_country = Some((c.country().to_string(), si));
            }
        }
    }

    /// "The country", "the kingdom", "the group" as actors of this sentence (see the
    /// module doc): each becomes a mention of the actor it names, when known.
    pub(super) fn role_nouns(
        &self,
        tokens: &[Token],
        mentions: &mut Vec<Found>,
        ctx: &Context,
        si: usize,
    ) {
        let refs = &ctx.referents;
        let n = tokens.len();
        let mut added: Vec<Found> = Vec::new();
        for d in 0..n.saturating_sub(1) {
            if tokens[d].norm != "the" {
                continue;
            }
            let k = d + 1;
            let noun = tokens[k].norm.as_str();
            let next = tokens.get(k + 1).map(|t| t.norm.as_str());
            // "the country's", "the group of seven", "the Group of Twenty".
            if matches!(next, Some("'s" | "'" | "of")) || tokens[k].all_caps {
                continue;
            }
            if mentions.iter().any(|m| m.tok[0] <= k && d < m.tok[1]) {
                continue;
            }
            let prev = (d > 0).then(|| tokens[d - 1].norm.as_str());
            let place = prev.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p));
            let actor_before = mentions.iter().any(|m| m.tok[1] <= d && m.code.is_some());
            let found = match noun {
                // Subject position only: as an object "the country" is as often the
                // place as the actor.
                "country" | "nation" if opens_sentence(tokens, d, actor_before) => refs
                    .subject_country
                    .as_ref()
                    .filter(|c| si.saturating_sub(c.1) <= SUBJECT_REACH)
                    .map(|c| (c.0.clone(), ActorKind::Country)),
                _ if !place => {
                    if let Some((_, codes)) = MONARCHIES.iter().find(|(w, _)| *w == noun) {
                        refs.countries
                            .iter()
                            .rev()
                            .find(|(c, at)| {
                                si.saturating_sub(*at) <= COUNTRY_REACH
                                    && codes.contains(&c.as_str())
                            })
                            .map(|c| (c.0.clone(), ActorKind::Country))
                    } else if prev != Some("of") {
                        let recent = |x: &Option<(String, usize)>| {
                            x.clone().filter(|g| si.saturating_sub(g.1) <= GROUP_REACH)
                        };
                        let (group, body) = (recent(&refs.group), recent(&refs.body));
                        let found = if GROUP_NOUNS.contains(&noun) {
                            group
                        } else if BODY_NOUNS.contains(&noun) {
                            body
                        } else if ORGANISATION_NOUNS.contains(&noun) {
                            match (group, body) {
                                (Some(g), Some(b)) => Some(if b.1 > g.1 { b } else { g }),
                                (g, b) => g.or(b),
                            }
                        } else {
                            None
                        };
                        found.map(|g| (g.0, ActorKind::Group))
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some((code, kind)) = found {
                added.push(Found {
                    tok: [d, k + 1],
                    span: [tokens[d].start, tokens[k].end],
                    name: format!("the {noun}"),
                    code: Some(code),
                    kind,
                    agent: None,
                    pronoun: false,
                    inferred: false,
                    pair: false,
                });
            }
        }
        // "The police accused them": "them" carried from the last sentence's subject
        // names the subject of this one again (a reflexive event, dropped); it is
        // the group that sentence acted on ("Kenyan police arrested two Ugandan
        // activists").
        if let Some((code, name, kind, _)) = refs.plural_object.as_ref().filter(|o| si == o.3 + 1) {
            for i in 0..mentions.len() {
                let m = &mentions[i];
                let again = m.pronoun
                    && tokens[m.tok[0]].norm == "them"
                    && mentions[..i].iter().any(|x| !x.pronoun && x.code == m.code);
                if again {
                    let m = &mut mentions[i];
                    m.code = Some(code.clone());
                    m.name.clone_from(name);
                    m.kind = *kind;
                }
            }
        }
        // "They" opening the sentence after a compound subject: both actors, joined
        // as a compound like "both sides" (the second marked `pair`).
        if let Some(([a, b], at)) = &refs.subject_pair {
            let opens = |i: usize| {
                let before = mentions.iter().any(|m| m.tok[1] <= i && m.code.is_some());
                opens_sentence(tokens, i, before)
            };
            let they = (0..n.min(8)).find(|&i| tokens[i].norm == "they" && opens(i));
            if let Some(i) = they.filter(|_| si == at + 1) {
                mentions.retain(|m| !(m.tok[0] == i && m.pronoun));
                if !mentions.iter().any(|m| m.tok[0] <= i + 1 && i < m.tok[1]) {
                    let make = |tok: [usize; 2], code: &str, pair: bool| Found {
                        tok,
                        span: [tokens[i].start, tokens[i].end],
                        code: Some(code.to_string()),
                        name: code.to_string(),
                        kind: ActorKind::Agent,
                        agent: None,
                        pronoun: true,
                        inferred: false,
                        pair,
                    };
                    added.push(make([i, i + 1], a, false));
                    added.push(make([i + 1, i + 1], b, true));
                }
            }
        }
        add_mentions(mentions, added);
    }
}
