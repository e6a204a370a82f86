//! Discards and actor mentions: dictionary phrases, agents composed with the actors
//! next to them, and pronouns or definite agents resolved from the article context.

use super::compile::Target;
use super::Coder;
use crate::codes::ActorCode;
use crate::date::Date;
use crate::dict::ActorKind;
use crate::tokens::{Token, TokenKind};

/// A mention under construction, with token positions.
#[derive(Clone, Debug)]
pub(super) struct Found {
    pub(super) tok: [usize; 2],
    pub(super) span: [usize; 2],
    pub(super) code: Option<String>,
    pub(super) name: String,
    pub(super) kind: ActorKind,
    /// Set for an agent not yet composed: its code as written.
    pub(super) agent: Option<String>,
    pub(super) pronoun: bool,
    /// True when the code came from the article's country, not from the sentence
    /// (a bare agent: "police", "lawmakers").
    pub(super) inferred: bool,
    /// The second actor of a collective reference ("both sides", "the two
    /// countries"), joined to the mention before it as a compound.
    pub(super) pair: bool,
}

pub(super) type Carried = Option<(String, String, ActorKind)>;

/// Within-article memory for pronouns and short references.
#[derive(Default)]
pub(super) struct Context {
    pub(super) last_person: Carried,
    pub(super) last_thing: Carried,
    /// The antecedent of "they"/"them": the first actor of the previous sentence
    /// (its subject, most often) when that is a group of people, an organisation
    /// or a group (not a person, not a country), else nothing.
    pub(super) last_plural: Carried,
    pub(super) last_agent: Carried,
    pub(super) last_country: Option<String>,
    /// The country of the article's dateline ("BEIRUT (AP) —"), if any.
    pub(super) article_country: Option<String>,
    /// The last actor of each role ("GOV" -> "UKRGOV"), most recent last, for a
    /// definite agent ("the minister") later in the article.
    pub(super) roles: Vec<(String, String)>,
    /// The countries named by the last sentence that named any, in order (for "the
    /// two leaders" after "Trump met Xi").
    pub(super) prev_countries: Vec<String>,
    /// Country mentions of the whole article, by country code (see
    /// `Coder::article_country_counts`).
    pub(super) country_counts: Vec<(String, usize)>,
    /// People the dictionaries do not know, introduced with a title and a country
    /// ("French envoy Jean Duval") or named for a role description ("two police
    /// officers, Tova Rask and Mikel Tamm", `described.rs`), for later references by
    /// surname.
    pub(super) titled: Vec<Titled>,
    /// A counted description that opened the last sentence ("Two soldiers ..."),
    /// whose people the next sentence may name (see `described.rs`).
    pub(super) described: Option<super::described::Described>,
    /// The last group of people named for a description, for "the officers" later
    /// (see `described.rs`).
    pub(super) described_group: Option<super::described::Group>,
    /// The actor who spoke the last direct quotation, for "we" and "us" in it and in
    /// the quotation's next sentences.
    pub(super) quote_speaker: Carried,
    /// Sentences since the last one that ended inside a quotation (0: it is open).
    pub(super) quote_open: Option<u8>,
    /// The sentence being coded goes on with the last speaker's quotation and names
    /// no speaker of its own (its words are `quote_speaker`'s).
    pub(super) quote_continued: bool,
    /// The owner of the last act named by an event noun (see `anaphora.rs`).
    pub(super) events: super::anaphora::EventOwner,
    /// The index of the sentence being coded.
    pub(super) sentence: usize,
    /// The two actors of the last event between two different actors, and its
    /// sentence: "both sides" after "the government freed rebel prisoners" (see
    /// `Coder::collective`).
    pub(super) last_pair: Option<([String; 2], usize)>,
    /// Titles, subjects, countries and groups for role nouns and pronouns (see
    /// `referents.rs`).
    pub(super) referents: super::referents::Referents,
    /// The last act another actor can copy ("followed suit", see `copied.rs`).
    pub(super) last_act: Option<super::copied::Act>,
}

/// A person the dictionaries do not know, found by title (see `titled_people`).
#[derive(Clone, Debug)]
pub(super) struct Titled {
    surname: String,
    name: String,
    code: String,
    /// The title's country came from the article, not from the sentence
    /// ("Senator Ann Doe" in an article about one country).
    inferred: bool,
}

impl Context {
    /// The last actor whose role is the agent's ("~GOV": the last XXXGOV mentioned).
    pub(super) fn by_role(&self, agent: &str) -> Option<String> {
        let role = agent.trim_matches('~');
        self.roles
            .iter()
            .rev()
            .find(|(r, _)| r == role)
            .map(|(_, c)| c.clone())
    }

    /// The country the article is about, when that is unambiguous: its dateline's,
    /// unless another country is dominant and mentioned at least twice as often as
    /// the dateline's (a story about Venezuela filed from Cucuta, Colombia: issue 10
    /// class "foreign datelines"); else the dominant country. A bare agent
    /// ("police", "lawmakers") takes it.
    pub(super) fn article_country(&self) -> Option<String> {
        let dominant = self.dominant_country();
        match (&self.article_country, dominant) {
            (Some(d), Some((c, n))) if c != d.as_str() => {
                let at_dateline = self
                    .country_counts
                    .iter()
                    .find(|(k, _)| k == d)
                    .map_or(0, |e| e.1);
                Some(if n >= 2 * at_dateline.max(1) { c } else { d }.to_string())
            }
            (Some(d), _) => Some(d.clone()),
            (None, dominant) => dominant.map(|(c, _)| c.to_string()),
        }
    }

    /// The country the article mentions most, with its count, when it is dominant:
    /// at least three mentions and twice as many as any other.
    fn dominant_country(&self) -> Option<(&str, usize)> {
        let mut best: Option<(&str, usize)> = None;
        let mut tie = false;
        for (c, n) in &self.country_counts {
            match best {
                Some((_, b)) if *n == b => tie = true,
                Some((_, b)) if *n < b => {}
                _ => {
                    best = Some((c, *n));
                    tie = false;
                }
            }
        }
        best.filter(|&(c, n)| {
            n >= 3
                && !tie
                && self
                    .country_counts
                    .iter()
                    .all(|(k, m)| k == c || 2 * m <= n)
        })
    }

    /// The two countries the article is about, when they stand out: each mentioned
    /// at least twice, the second at least a third as often as the first, and any
    /// third country at most half as often as the second ("both sides" in a story
    /// about US-China trade talks).
    pub(super) fn article_pair(&self) -> Option<[String; 2]> {
        match self.ranked().as_slice() {
            [a, b, rest @ ..]
                if b.1 >= 2 && 3 * b.1 >= a.1 && rest.first().is_none_or(|t| 2 * t.1 <= b.1) =>
            {
                Some([a.0.clone(), b.0.clone()])
            }
            _ => None,
        }
    }

    /// True when a third country is named at least twice and at least half as often
    /// as the second:
    /// "both sides" could then be any two of them.
    pub(super) fn crowded(&self) -> bool {
        matches!(self.ranked().as_slice(), [_, b, t, ..] if t.1 >= 2 && 2 * t.1 > b.1)
    }

    /// The article's countries, most mentioned first (ties in order of first mention).
    fn ranked(&self) -> Vec<&(String, usize)> {
        let mut c: Vec<&(String, usize)> = self.country_counts.iter().collect();
        c.sort_by_key(|x| std::cmp::Reverse(x.1));
        c
    }
}

impl Coder {
    /// The first discard phrase in the sentence: `(entry, true)` for a story discard
    /// (which wins at once), `(entry, false)` for a sentence discard.
    pub(super) fn discard(&self, tokens: &[Token], ids: &[u32]) -> Option<(u32, bool)> {
        if self.dicts.discards.is_empty() {
            return None;
        }
        let mut best: Option<(u32, bool)> = None;
        for i in 0..tokens.len() {
            for (_, &d) in self.discards.matches_at(tokens, ids, i, &self.vocab, true) {
                let story = self.dicts.discards[d as usize].story;
                if story {
                    return Some((d, true));
                }
                best.get_or_insert((d, false));
            }
        }
        best
    }

    /// Actor mentions of one sentence, agents composed, pronouns resolved (the caller
    /// then [`remember`](Self::remember)s those it keeps).
    pub(super) fn find_mentions(
        &self,
        tokens: &[Token],
        ids: &[u32],
        date: Option<Date>,
        ctx: &mut Context,
    ) -> Vec<Found> {
        let mut raw: Vec<Found> = Vec::new();
        // A sentence opened by a person the dictionaries do not know ("Ann Doe, 55,
        // pleaded guilty ..."): "he" or "she" after it is that person, not the last
        // known one (issue 10, class: pronouns carried past an unknown subject).
        if tokens.len() > 2
            && name_word(tokens, 0)
            && name_word(tokens, 1)
            && tokens[1].space_before
            && self
                .actors
                .matches_at(tokens, ids, 0, &self.vocab, false)
                .is_empty()
        {
            ctx.last_person = None;
            ctx.last_agent = None;
            ctx.referents.forget_person();
        }
        let mut i = 0;
        while i < tokens.len() {
            // Longest match; among equal lengths, actors before agents, then load order.
            let mut best: Option<(usize, Target)> = None;
            for (end, &t) in self.actors.matches_at(tokens, ids, i, &self.vocab, false) {
                let better = match best {
                    None => true,
                    Some((be, bt)) => {
                        end > be
                            || (end == be
                                && matches!((bt, t), (Target::Agent(_), Target::Actor(_))))
                    }
                };
                if better {
                    best = Some((end, t));
                }
            }
            if let Some((end, t)) = best {
                let span = [tokens[i].start, tokens[end - 1].end];
                match t {
                    Target::Actor(a) => {
                        let e = &self.dicts.actors[a as usize];
                        let code = e
                            .code_at(date, self.dicts.semantics.first_undated_wins)
                            .filter(|c| !c.is_empty() && !c.chars().all(|x| x == '-'))
                            .map(str::to_string);
                        // Remember at once, so a pronoun later in this sentence can
                        // refer to it ("Macron's office said he would ...").
                        if let Some(c) = &code {
                            let entry = Some((c.clone(), e.name.clone(), e.kind));
                            if e.kind == ActorKind::Person {
                                ctx.last_person = entry;
                            }
                        }
                        raw.push(Found {
                            tok: [i, end],
                            span,
                            code,
                            name: e.name.clone(),
                            kind: e.kind,
                            agent: None,
                            pronoun: false,
                            inferred: false,
                            pair: false,
                        });
                    }
                    Target::Agent(g) => {
                        let e = &self.dicts.agents[g as usize];
                        raw.push(Found {
                            tok: [i, end],
                            span,
                            code: None,
                            name: e.name.clone(),
                            kind: ActorKind::Agent,
                            agent: Some(e.code.clone()),
                            pronoun: false,
                            inferred: false,
                            pair: false,
                        });
                    }
                }
                i = end;
                continue;
            }
            // Pronouns carry the last fitting actor.
            let id = ids[i];
            let carried = if self.w.pron_person.contains(&id) {
                // "He" or "she" opening a sentence: the person in subject position
                // of the recent sentences, not the last named (issue 10 class "role
                // nouns and pronouns", `referents.rs`).
                let subject = matches!(tokens[i].norm.as_str(), "he" | "she")
                    && super::referents::opens_sentence(tokens, i, !raw.is_empty());
                subject
                    .then(|| ctx.referents.subject_person(ctx.sentence))
                    .flatten()
                    .or_else(|| ctx.last_person.clone())
                    .or_else(|| ctx.last_agent.clone())
            } else if self.w.pron_thing.contains(&id) {
                // "It was made clear that ...", "it is important to ...": an expletive
                // refers to nothing.
                ctx.last_thing
                    .clone()
                    .filter(|_| !self.expletive_it(ids, i))
            } else if self.w.pron_plural.contains(&id) {
                ctx.last_plural.clone()
            } else {
                None
            };
            if let Some((code, name, kind)) = carried {
                raw.push(Found {
                    tok: [i, i + 1],
                    span: [tokens[i].start, tokens[i].end],
                    code: Some(code),
                    name,
                    kind,
                    agent: None,
                    pronoun: true,
                    inferred: false,
                    pair: false,
                });
            }
            i += 1;
        }
        // A sponsor or a stance named by a compound adjective is not the actor:
        // "Russian-backed separatists", "the US-led coalition", "pro-Russian rebels",
        // "anti-American protesters".
        raw.retain(|m| !sponsor_adjective(tokens, m.tok));
        self.drop_named_instruments(tokens, &mut raw);
        // "A London-based group": a place of residence gives the country, not its
        // government (issue 10, class: "-based" adjectives).
        for m in raw.iter_mut() {
            let based = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
            if based(m.tok[1])
                && tokens[m.tok[1]].norm == "-"
                && based(m.tok[1] + 1)
                && tokens[m.tok[1] + 1].norm == "based"
            {
                if let Some(c) = m.code.as_deref().map(ActorCode::new) {
                    if c.has_country() && m.kind == ActorKind::Country {
                        m.code = Some(c.country().to_string());
                        // The adjective is one word with its noun's agent:
                        // "London-based journalists" composes to GBRMED.
                        m.tok[1] += 2;
                        m.span[1] = tokens[m.tok[1] - 1].end;
                    }
                }
            }
        }
        // Compose agents with countries and organisations.
        let mut out: Vec<Found> = Vec::with_capacity(raw.len());
        let mut k = 0;
        while k < raw.len() {
            let cur = raw[k].clone();
            let next = raw.get(k + 1);
            let adjacent = |a: &Found, b: &Found, allow: &[u32]| -> bool {
                let gap = &ids[a.tok[1]..b.tok[0]];
                gap.iter().all(|g| allow.contains(g))
            };
            if cur.agent.is_none() {
                // ACTOR [ 's ] AGENT  -> composed
                if let Some(n) = next {
                    let modifiers_only = |a: &Found, b: &Found| {
                        let gap = a.tok[1]..b.tok[0];
                        gap.len() <= 4
                            && gap.clone().all(|j| {
                                let t = &tokens[j];
                                ids[j] == self.w.possessive
                                    || ids[j] == self.w.and
                                    || ids[j] == self.w.comma
                                    || (t.kind == TokenKind::Word
                                        && !self.w.prepositions.contains(&ids[j])
                                        && ids[j] != self.w.the
                                        && ids[j] != self.w.a
                                        && ids[j] != self.w.an
                                        && !self.verb_index.contains_key(&ids[j]))
                            })
                            && (gap.is_empty() || ids[a.tok[1]] == self.w.possessive)
                    };
                    if n.agent.is_some()
                        && (adjacent(&cur, n, &[self.w.possessive])
                            || modifiers_only(&cur, n)
                            || self.noun_modifiers(tokens, ids, &cur, n))
                    {
                        let mut m = compose(&cur, n);
                        // ACTOR AGENT AGENT ("Turkish defence ministry officials",
                        // "Mexican police officials"): one actor, with the role of the
                        // first agent, the organisation, except that the government's
                        // armed men are armed forces ("Syrian government troops")
                        // (issue 10, class: nationality adjective, modifier nouns, agent).
                        let mut last = k + 1;
                        while let Some(a2) = raw
                            .get(last + 1)
                            .filter(|a2| a2.agent.is_some() && a2.tok[0] == raw[last].tok[1])
                        {
                            let armed = |a: &Found| {
                                matches!(a.agent.as_deref(), Some("~MIL" | "~COP" | "~SPY"))
                            };
                            if raw[last].agent.as_deref() == Some("~GOV") && armed(a2) {
                                m.code = compose(&cur, a2).code;
                            }
                            m.tok[1] = a2.tok[1];
                            m.span[1] = a2.span[1];
                            m.name = format!("{} {}", m.name, a2.name);
                            last += 1;
                        }
                        // ACTOR AGENT PERSON ("Russian President Vladimir Putin"): one mention.
                        if let Some(p) = raw.get(last + 1) {
                            // A name right after the title: a person, or an entry whose
                            // code is only a country ("Bree Prime Minister Romendacil").
                            let bare_country = p
                                .code
                                .as_ref()
                                .is_some_and(|c| ActorCode::new(c).is_country_only());
                            if p.agent.is_none()
                                && !p.pronoun
                                && (p.kind == ActorKind::Person || bare_country)
                                && p.tok[0] == raw[last].tok[1]
                            {
                                m.tok[1] = p.tok[1];
                                m.span[1] = p.span[1];
                                if p.code.as_ref().is_some_and(|c| c.len() > 3) {
                                    m.code.clone_from(&p.code);
                                }
                                m.name.clone_from(&p.name);
                                m.kind = ActorKind::Person;
                                last += 1;
                            }
                        }
                        out.push(m);
                        k = last + 1;
                        // ACTOR AGENT and AGENT: "Danish media and government".
                        while let Some(a2) = raw.get(k) {
                            let gap = &ids[raw[k - 1].tok[1]..a2.tok[0]];
                            if a2.agent.is_some()
                                && (gap == [self.w.and]
                                    || gap == [self.w.comma]
                                    || gap == [self.w.and, self.w.the])
                            {
                                let mut m2 = compose(&cur, a2);
                                m2.tok = a2.tok;
                                m2.span = a2.span;
                                out.push(m2);
                                k += 1;
                            } else {
                                break;
                            }
                        }
                        continue;
                    }
                    // COUNTRY PERSON ("Russian Vladimir Putin", "Bree Prime Minister X" handled above)
                    if n.agent.is_none()
                        && n.kind == ActorKind::Person
                        && n.tok[0] == cur.tok[1]
                        && cur.kind == ActorKind::Country
                    {
                        let mut m = n.clone();
                        m.tok[0] = cur.tok[0];
                        m.span[0] = cur.span[0];
                        if m.code.is_none() {
                            m.code.clone_from(&cur.code);
                        }
                        out.push(m);
                        k += 2;
                        continue;
                    }
                }
                out.push(cur);
                k += 1;
                continue;
            }
            // AGENT ACTOR [AGENT]: "MSF Arnor" -> NGOARN, "an MSF Arnor diplomat".
            if let Some(n) = next {
                if n.agent.is_none()
                    && !n.pronoun
                    && n.kind != ActorKind::Person
                    && n.tok[0] == cur.tok[1]
                    && n.code
                        .as_ref()
                        .is_some_and(|c| ActorCode::new(c).is_country_only())
                {
                    let mut m = compose(n, &cur);
                    m.tok[0] = cur.tok[0];
                    m.span[0] = cur.span[0];
                    k += 2;
                    if let Some(a2) = raw
                        .get(k)
                        .filter(|a2| a2.agent.is_some() && a2.tok[0] == n.tok[1])
                    {
                        let mut m2 = compose(&m, a2);
                        m2.tok[0] = m.tok[0];
                        m2.span[0] = m.span[0];
                        m = m2;
                        k += 1;
                    }
                    out.push(m);
                    continue;
                }
            }
            // AGENT in/from ACTOR [and ACTOR]: "lawmakers in Fornost and Gondor".
            if let Some(n) = next {
                if n.agent.is_none()
                    && !n.pronoun
                    && n.kind != ActorKind::Person
                    && self.prep_phrase_gap(tokens, ids, cur.tok[1], n.tok[0])
                {
                    let mut m = compose(n, &cur);
                    m.tok = [cur.tok[0], n.tok[1]];
                    m.span = [cur.span[0], n.span[1]];
                    out.push(m);
                    k += 2;
                    // Distribute the agent over a compound that follows.
                    while let Some(c) = raw.get(k) {
                        let g = &ids[raw[k - 1].tok[1]..c.tok[0]];
                        if c.agent.is_none()
                            && !c.pronoun
                            && !g.is_empty()
                            && g.len() <= 2
                            && g.iter().all(|&x| x == self.w.and || x == self.w.comma)
                        {
                            out.push(compose(c, &cur));
                            let last = out.last_mut().expect("just pushed");
                            last.tok = c.tok;
                            last.span = c.span;
                            k += 1;
                        } else {
                            break;
                        }
                    }
                    continue;
                }
            }
            // AGENT of ACTOR / AGENT ACTOR(person)
            if let Some(n) = next {
                if n.agent.is_none()
                    && !n.pronoun
                    && adjacent(&cur, n, &[self.w.of])
                    && (ids[cur.tok[1]..n.tok[0]].contains(&self.w.of)
                        || n.kind == ActorKind::Person)
                {
                    let mut m = compose(n, &cur);
                    m.tok = [cur.tok[0], n.tok[1]];
                    m.span = [cur.span[0], n.span[1]];
                    if n.kind == ActorKind::Person {
                        if n.code.is_some() {
                            m.code.clone_from(&n.code);
                        }
                        m.name.clone_from(&n.name);
                        m.kind = ActorKind::Person;
                    }
                    out.push(m);
                    k += 2;
                    continue;
                }
            }
            // AGENT alone: a definite one ("the minister") refers to the last actor of
            // its role ("Ukrainian Defence Minister X ... the minister"), else to the
            // country of the last actor mentioned (both from earlier sentences: within
            // one, "the troops" after "forces from Panama" are as often the others); "the country's defence minister"
            // to the country just named; a bare plural ("companies") to nobody known.
            let mut m = cur.clone();
            let agent = m.agent.clone().unwrap_or_default();
            let definite = cur.tok[0] > 0 && ids[cur.tok[0] - 1] == self.w.the;
            let the_country = cur.tok[0] >= 3
                && ids[cur.tok[0] - 1] == self.w.possessive
                && matches!(tokens[cur.tok[0] - 2].norm.as_str(), "country" | "nation")
                && ids[cur.tok[0] - 3] == self.w.the;
            if the_country {
                m.tok[0] = cur.tok[0] - 3;
                m.span[0] = tokens[m.tok[0]].start;
            }
            // "Myanmar's minister, Win Myat Aye, said his government was ready": a
            // state agent owned by a possessive pronoun is the government (army,
            // police) of the one the pronoun names, the last person named before it
            // in the sentence (a title's mention too), not the article's country
            // (issue 10 class "his government").
            // "its" and "their" are left: their antecedent is as often the subject
            // as the last actor ("A apologised to B for one of its gunboats").
            let owned_by = (cur.tok[0] > 0
                && state_role(&agent)
                && matches!(tokens[cur.tok[0] - 1].norm.as_str(), "his" | "her"))
            .then(|| {
                out.iter().rev().find_map(|m| {
                    let c = ActorCode::new(m.code.as_deref()?);
                    // A person may be named by a title ("Myanmar's minister, Win Myat
                    // Aye" is an agent's mention).
                    (matches!(m.kind, ActorKind::Person | ActorKind::Agent)
                        && !m.pronoun
                        && c.has_country())
                    .then(|| apply_agent(c.country(), &agent))
                })
            })
            .flatten();
            let resolved = if let Some(code) = owned_by {
                Some(code)
            } else if definite || the_country {
                // "The president", "the minister": the last holder of the title the
                // article named; "the militants", "the rebels": the last armed group
                // (issue 10 class "role nouns and pronouns", `referents.rs`); else
                // the last actor of the role.
                let by_title = || {
                    super::referents::title_of(tokens, cur.tok)
                        .and_then(|t| ctx.referents.by_title(&t))
                };
                let armed_group = || {
                    matches!(agent.as_str(), "~REB" | "~INS" | "~SEP" | "~UAF")
                        .then(|| ctx.referents.armed_group(ctx.sentence))
                        .flatten()
                };
                by_title()
                    .or_else(armed_group)
                    .or_else(|| ctx.by_role(&agent))
                    .filter(|_| definite)
                    // "the country's": the country the article is about, else the
                    // last one named.
                    .or_else(|| {
                        the_country
                            .then(|| ctx.article_country())
                            .flatten()
                            .as_ref()
                            .or(ctx.last_country.as_ref())
                            .map(|c| apply_agent(c, &agent))
                    })
            } else {
                None
            };
            // "Opposition Leader Peter Dutton criticised the Prime Minister", "U.S.
            // Democrats criticised the president": a domestic political actor (the
            // opposition, legislators, a party) before a definite officeholder of
            // the state names its own country's (issue 10 class "the government of
            // the opposition's country"), not the last government named.
            let resolved = if definite && agent == "~GOV" {
                out.iter()
                    .rev()
                    .find_map(|p| p.code.as_deref().and_then(domestic_politics))
                    .map(|c| apply_agent(c, &agent))
                    .or(resolved)
            } else {
                resolved
            };
            if resolved.is_some() {
                m.code = resolved;
                // "The country's X" is read from the context: inferred, and a title
                // for a name before it ("Ann Doe, the country's defence minister").
                m.inferred = the_country;
            } else if let Some(country) = ctx
                .article_country()
                .filter(|_| state_role(&agent) && !modifies_thing(tokens, m.tok[1]))
            {
                // A bare agent of the state or its opposition ("police arrested ...",
                // "lawmakers voted") acts in the article's country; civilians, firms
                // or migrants named without a country may be from anywhere.
                m.code = Some(apply_agent(&country, &agent));
                m.inferred = true;
            }
            out.push(m);
            k += 1;
        }
        self.representatives(tokens, ids, &mut out);
        self.described_people(tokens, &mut out, ctx);
        self.titled_people(tokens, &mut out, ctx);
        self.collective(tokens, &mut out, ctx);
        supporters(tokens, &mut out);
        quoted_we(tokens, &mut out, ctx);
        // Mentions never overlap (`located` and later stages slice the gaps between
        // them): keep the first of any two that do. `located` only joins neighbours,
        // so it keeps them apart.
        let mut end = 0;
        out.retain(|m| {
            let keep = m.tok[0] >= end;
            if keep {
                end = m.tok[1];
            }
            keep
        });
        self.located(ids, &mut out);
        protesters_of_the_place(tokens, &mut out);
        protesters_of_the_police(&mut out);
        shared_head(tokens, &mut out);
        out
    }

    /// "the Minsk agreements", "the Oslo Accords", "the Paris Agreement", "the Lima
    /// Group", "the Doha talks": a capital or a city that names an agreement, a
    /// diplomatic format or a series of talks is no actor (issue 10 class "cities
    /// that name an instrument"). A country's own name stays ("the Iran deal" is
    /// about Iran). The place test is a scan of the places, made only before such
    /// a noun.
    fn drop_named_instruments(&self, tokens: &[Token], out: &mut Vec<Found>) {
        const INSTRUMENT: &[&str] = &[
            "accord",
            "accords",
            "agreement",
            "agreements",
            "protocol",
            "protocols",
            "process",
            "format",
            "group",
            "talks",
            "declaration",
            "convention",
            "conventions",
            "treaty",
            "framework",
            "consensus",
            "memorandum",
            "statute",
            "charter",
            "initiative",
        ];
        out.retain(|m| {
            let named = m.kind == ActorKind::Country
                && !m.pronoun
                && m.agent.is_none()
                && tokens
                    .get(m.tok[1])
                    .is_some_and(|t| INSTRUMENT.contains(&t.norm.as_str()))
                && tokens[m.tok[0]].capitalized;
            !(named
                && (m
                    .code
                    .as_deref()
                    .is_some_and(|c| ActorCode::new(c).has_role("GOV"))
                    || self.is_place_below_country(&m.name)))
        });
    }

    /// "the rebels in Darfur", "Sudanese troops from Kordofan": a country or a place
    /// named alone right after "in" or "from" after an actor of that country (already
    /// coded, with a role) locates that actor and is no actor of its own (issue 10
    /// item 3, class "actors named by a place below the country"); the actor's
    /// mention takes its words. A place right before a person found by title is
    /// part of the person's mention.
    pub(super) fn located(&self, ids: &[u32], out: &mut Vec<Found>) {
        let mut k = 1;
        while k < out.len() {
            let (a, b) = (&out[k - 1], &out[k]);
            // Mentions that overlap (none should reach here) have no gap: not joined.
            let gap = ids.get(a.tok[1]..b.tok[0]).unwrap_or(&[]);
            let joined = gap.len() == 1 && (gap[0] == self.w.in_ || gap[0] == self.w.from);
            let place = b.code.as_deref().map(ActorCode::new);
            let actor = a.code.as_deref().map(ActorCode::new);
            let same = match (actor, place) {
                (Some(x), Some(p)) => {
                    !x.is_country_only() && p.is_country_only() && x.country() == p.country()
                }
                _ => false,
            };
            // "Kentucky GOP Gov. Matt Bevin": a place right before a person found by
            // title (after the composition above) is part of that person's mention.
            let titled = a.tok[1] == b.tok[0]
                && a.kind == ActorKind::Country
                && b.kind == ActorKind::Person
                && !a.pronoun
                && !b.pronoun
                && actor.is_some_and(|x| x.is_country_only())
                && b.code.as_deref().map(ActorCode::new).is_none_or(|c| {
                    !c.has_country() || actor.is_some_and(|x| x.country() == c.country())
                });
            if joined
                && same
                && b.kind == ActorKind::Country
                && b.agent.is_none()
                && !b.pronoun
                && !a.pronoun
            {
                let (end, span_end) = (b.tok[1], b.span[1]);
                out[k - 1].tok[1] = end;
                out[k - 1].span[1] = span_end;
                out.remove(k);
            } else if titled {
                let mut m = out.remove(k);
                m.tok[0] = out[k - 1].tok[0];
                m.span[0] = out[k - 1].span[0];
                if m.code.is_none() {
                    m.code.clone_from(&out[k - 1].code);
                }
                out[k - 1] = m;
            } else {
                k += 1;
            }
        }
    }

    /// A country and an agent with one or two lower-case modifier nouns between them
    /// are one actor: "Mexican immigration authorities" (MEXGOV), "Iraqi border
    /// guards", "US trade negotiators" (issue 10, class: nationality adjective,
    /// modifier nouns, agent). Not across a verb ("Russia arms rebels"), a function
    /// word ("China also has troops"), a participle ("Iraqi-trained"), a capitalised
    /// word or punctuation.
    fn noun_modifiers(&self, tokens: &[Token], ids: &[u32], a: &Found, b: &Found) -> bool {
        let gap = a.tok[1]..b.tok[0];
        a.kind == ActorKind::Country
            && !a.pronoun
            && (1..=2).contains(&gap.len())
            && gap.clone().all(|j| {
                let t = &tokens[j];
                t.kind == TokenKind::Word
                    && !t.capitalized
                    && t.space_before
                    && t.norm.len() > 2
                    && t.norm.chars().all(|c| c.is_ascii_lowercase())
                    && !t.norm.ends_with("ed")
                    && !t.norm.ends_with("ing")
                    && !t.norm.ends_with("ly")
                    && !NOT_MODIFIERS.contains(&t.norm.as_str())
                    && !self.w.prepositions.contains(&ids[j])
                    && (!self.verb_index.contains_key(&ids[j])
                        || SECTOR_NOUNS.contains(&t.norm.as_str()))
            })
    }

    /// "It" at token `i` as an expletive: a form of "be" follows (after at most one
    /// auxiliary: "it has been", "it would be") and a "that" or "to" comes within the
    /// next five words ("it was clear that", "it is important to").
    fn expletive_it(&self, ids: &[u32], i: usize) -> bool {
        let be = (i + 1..(i + 3).min(ids.len())).find(|&j| self.w.be.contains(&ids[j]));
        be.is_some_and(|b| {
            ids[b + 1..(b + 6).min(ids.len())]
                .iter()
                .any(|&x| x == self.w.that || x == self.w.to)
        })
    }

    /// Those who speak or act on another's behalf carry the code of whom they serve:
    /// "an aide to Vice President Pence", "a spokeswoman for Amnesty", "an adviser to
    /// the German chancellor" (an envoy or ambassador "to" a country does not). Runs
    /// on the composed mentions, so that "the German chancellor" is one actor.
    fn representatives(&self, tokens: &[Token], ids: &[u32], out: &mut Vec<Found>) {
        let mut k = 0;
        while k + 1 < out.len() {
            let (a, b) = (&out[k], &out[k + 1]);
            let gap = a.tok[1]..b.tok[0];
            let prep = !gap.is_empty()
                && gap.len() <= 2
                && matches!(tokens[gap.start].norm.as_str(), "to" | "for")
                && (gap.len() == 1 || ids[gap.start + 1] == self.w.the);
            if prep
                && a.kind == ActorKind::Agent
                && a.agent.is_some()
                && (a.code.is_none() || a.inferred)
                && !b.pronoun
                && b.code.is_some()
                && representative(&tokens[a.tok[1] - 1].norm)
            {
                let mut m = b.clone();
                m.tok = [a.tok[0], b.tok[1]];
                m.span = [a.span[0], b.span[1]];
                m.name = format!("{} {}", a.name, b.name);
                m.kind = ActorKind::Agent;
                m.agent = None;
                out[k] = m;
                out.remove(k + 1);
            }
            k += 1;
        }
        // "the head of the teachers' union", "a co-founder of WikiLeaks": who leads or
        // belongs to an organisation carries its code, and titles a name before it
        // ("Ann Doe, the head of ...") (issue 10, class: descriptor appositions).
        for idx in 0..out.len() {
            let m = &out[idx];
            if m.pronoun || m.code.is_none() {
                continue;
            }
            let mut j = m.tok[0];
            if j >= 1 && ids[j - 1] == self.w.the {
                j -= 1;
            }
            if j < 2 || ids[j - 1] != self.w.of || !LEADS.contains(&tokens[j - 2].norm.as_str()) {
                continue;
            }
            let mut start = j - 2;
            if start >= 1 && matches!(tokens[start - 1].norm.as_str(), "the" | "a" | "an") {
                start -= 1;
            }
            if idx > 0 && out[idx - 1].tok[1] > start {
                continue;
            }
            let lead: Vec<&str> = tokens[start..m.tok[0]]
                .iter()
                .map(|t| t.norm.as_str())
                .collect();
            let name = format!("{} {}", lead.join(" "), m.name);
            let m = &mut out[idx];
            m.tok[0] = start;
            m.span[0] = tokens[start].start;
            m.name = name;
            m.kind = ActorKind::Agent;
            m.agent = None;
        }
    }

    /// People missing from the dictionaries but introduced with a title and a country:
    /// "French envoy Jean Duval" (a composed mention followed by a name) and "Jean
    /// Duval, Nigeria's Senate president" (a name, a comma, a composed mention) take
    /// the title's code and are remembered for the article, so that a later "Duval"
    /// is coded too. A bare title that took the article's country ("Senator Ann Doe")
    /// gives an inferred person; a US party tag ("Ann Doe, R-Neb.") gives a US
    /// legislator. A dictionary person matched by a lone surname inside such a name
    /// ("Samir Haddad", when the dictionary knows another Haddad) is someone else, and
    /// gives way.
    fn titled_people(&self, tokens: &[Token], out: &mut Vec<Found>, ctx: &mut Context) {
        let name_word = |j: usize| name_word(tokens, j);
        // A dictionary person matched by one word: a surname alias.
        let alias = |m: &Found| {
            m.kind == ActorKind::Person
                && !m.pronoun
                && !m.inferred
                && m.agent.is_none()
                && m.tok[1] - m.tok[0] == 1
        };
        // Tokens a..b hold no mention, or only surname aliases after the first word.
        let free = |out: &[Found], a: usize, b: usize| {
            out.iter()
                .filter(|m| m.tok[0] < b && a < m.tok[1])
                .all(|m| alias(m) && a < m.tok[0] && m.tok[1] <= b)
        };
        let covered =
            |out: &[Found], a: usize, b: usize| out.iter().any(|m| m.tok[0] < b && a < m.tok[1]);
        // A name run of two or three capitalised words starting at `a`.
        let run_from = |a: usize| {
            let mut b = a;
            while b < tokens.len() && b - a < 3 && name_word(b) && tokens[b].space_before {
                b += 1;
            }
            (b - a >= 2).then_some(b)
        };
        // A composed title ("French envoy"), or a bare one that took the article's
        // country ("Senator" in an article about one country): the person is then
        // inferred too.
        let titled = |m: &Found| {
            m.kind == ActorKind::Agent
                && (m.agent.is_none() || m.inferred)
                && !m.pronoun
                && m.code.as_deref().is_some_and(|c| c.len() > 3)
        };
        let mut added: Vec<Found> = Vec::new();
        // Surname aliases claimed by a longer name: (start token) of each.
        let mut claimed: Vec<usize> = Vec::new();
        for idx in 0..out.len() {
            let m = out[idx].clone();
            // "American Kevin King", "Australian Timothy Weeks": a nationality
            // adjective before a name the dictionaries do not know is the person's
            // country (issue 10, class: nationality apposition), remembered by
            // surname. Not after an article ("the American Civil Liberties Union")
            // and not a name with an organisation's word.
            if m.kind == ActorKind::Country
                && !m.pronoun
                && m.tok[1] - m.tok[0] == 1
                && m.code
                    .as_deref()
                    .is_some_and(|c| ActorCode::new(c).is_country_only())
                && (m.tok[0] == 0
                    || !matches!(tokens[m.tok[0] - 1].norm.as_str(), "the" | "a" | "an"))
            {
                if let Some(b) = run_from(m.tok[1]).filter(|&b| {
                    free(out, m.tok[1], b)
                        && !tokens[m.tok[1]..b]
                            .iter()
                            .any(|t| ORGANISATION_WORDS.contains(&t.norm.as_str()))
                }) {
                    claimed.extend((m.tok[1]..b).filter(|&j| covered(out, j, j + 1)));
                    let name = names_text(tokens, m.tok[1], b);
                    let code = m.code.clone().unwrap_or_default();
                    let e = &mut out[idx];
                    e.tok[1] = b;
                    e.span[1] = tokens[b - 1].end;
                    e.kind = ActorKind::Person;
                    e.name.clone_from(&name);
                    remember_titled(ctx, &tokens[b - 1].norm, &name, &code, false);
                }
                continue;
            }
            if !titled(&m) {
                continue;
            }
            let code = m.code.clone().unwrap_or_default();
            // "French envoy Jean Duval"
            if let Some(b) = run_from(m.tok[1]) {
                if free(out, m.tok[1], b) {
                    claimed.extend((m.tok[1]..b).filter(|&j| covered(out, j, j + 1)));
                    let name = names_text(tokens, m.tok[1], b);
                    let e = &mut out[idx];
                    e.tok[1] = b;
                    e.span[1] = tokens[b - 1].end;
                    e.kind = ActorKind::Person;
                    e.agent = None;
                    e.name.clone_from(&name);
                    remember_titled(ctx, &tokens[b - 1].norm, &name, &code, m.inferred);
                    continue;
                }
            }
            // "Jean Duval, Nigeria's Senate president", "Jean Duval, a senior aide to
            // the French president": a comma, then an article and up to three
            // lower-case modifiers before the title.
            let mut s = m.tok[0];
            if s >= 1 && tokens[s - 1].kind == TokenKind::Word && !tokens[s - 1].capitalized {
                let mods = (s.saturating_sub(4)..s)
                    .rev()
                    .take_while(|&j| tokens[j].kind == TokenKind::Word && !tokens[j].capitalized)
                    .count();
                let first = s - mods;
                if first >= 1
                    && matches!(tokens[first].norm.as_str(), "a" | "an" | "the")
                    && tokens[first - 1].norm == ","
                {
                    s = first;
                }
            }
            if s >= 3 && tokens[s - 1].norm == "," {
                let a = (s.saturating_sub(4)..s - 1).find(|&a| run_from(a) == Some(s - 1));
                if let Some(a) = a.filter(|&a| free(out, a, s - 1)) {
                    claimed.extend((a..s - 1).filter(|&j| covered(out, j, j + 1)));
                    let name = names_text(tokens, a, s - 1);
                    let mut p = titled_person(
                        [a, s - 1],
                        [tokens[a].start, tokens[s - 2].end],
                        &name,
                        &code,
                    );
                    p.inferred = m.inferred;
                    added.push(p);
                    remember_titled(ctx, &tokens[s - 2].norm, &name, &code, m.inferred);
                }
            }
        }
        self.party_tags(tokens, out, &mut added, &mut claimed, ctx);
        // A person the dictionaries know, named in full ("Sen. Ted Cruz"), is named
        // again by surname alone ("Cruz said") even where no alias says so.
        for m in out.iter() {
            let last = m.tok[1] - 1;
            if m.kind == ActorKind::Person
                && !m.pronoun
                && !m.inferred
                && m.tok[1] - m.tok[0] >= 2
                && name_word(last)
                && name_word(last - 1)
            {
                if let Some(code) = &m.code {
                    remember_titled(ctx, &tokens[last].norm, &m.name, code, false);
                }
            }
        }
        // Later references by surname (a surname alias of the dictionary gives way:
        // the article has named its own person).
        if !ctx.titled.is_empty() {
            for (j, t) in tokens.iter().enumerate() {
                if !name_word(j) || covered(&added, j, j + 1) {
                    continue;
                }
                let other = out
                    .iter()
                    .any(|m| m.tok[0] <= j && j < m.tok[1] && !(alias(m) && m.tok[0] == j));
                if other || claimed.contains(&j) {
                    continue;
                }
                if let Some(p) = ctx.titled.iter().find(|p| p.surname == t.norm) {
                    if covered(out, j, j + 1) {
                        claimed.push(j);
                    }
                    let mut m = titled_person([j, j + 1], [t.start, t.end], &p.name, &p.code);
                    m.inferred = p.inferred;
                    added.push(m);
                }
            }
        }
        if !claimed.is_empty() {
            // Claimed: surname aliases, and bare titles joined to a name.
            out.retain(|m| !(claimed.contains(&m.tok[0]) && (alias(m) || m.agent.is_some())));
        }
        add_mentions(out, added);
    }

    /// US party tags after a name: "Ann Doe, R-Neb.," "Sen. Ann Doe (D-Calif.)". The
    /// person sits in Congress or a state house: a US legislator (or the role of the
    /// title before the name: "Governor" gives USAGOV), whatever country the title took
    /// from the article. Names the dictionaries know keep their entry.
    fn party_tags(
        &self,
        tokens: &[Token],
        out: &mut [Found],
        added: &mut Vec<Found>,
        claimed: &mut Vec<usize>,
        ctx: &mut Context,
    ) {
        let name_word = |j: usize| name_word(tokens, j);
        for c in 2..tokens.len() {
            if !party_tag(tokens, c) {
                continue;
            }
            // A person found above by title: its country is the United States.
            if let Some(m) = out
                .iter_mut()
                .chain(added.iter_mut())
                .find(|m| m.tok[1] == c && m.kind == ActorKind::Person && m.inferred)
            {
                let code = format!(
                    "USA{}",
                    ActorCode::new(m.code.as_deref().unwrap_or("")).rest()
                );
                m.code = Some(code.clone());
                m.inferred = false;
                if let Some(p) = ctx.titled.iter_mut().find(|p| p.name == m.name) {
                    p.code = code;
                    p.inferred = false;
                }
                continue;
            }
            // An unknown name of two or three words right before the tag: no mention
            // in it but surname aliases after its first word ("Governor" before it
            // is a title, not a name word).
            let overlapping = |a: usize| -> Vec<&Found> {
                out.iter()
                    .chain(added.iter())
                    .filter(|m| m.tok[0] < c && a < m.tok[1])
                    .collect()
            };
            let Some(a) = (c.saturating_sub(3)..c - 1).find(|&a| {
                (a..c).all(name_word)
                    && (a..c).all(|j| tokens[j].space_before || j == 0)
                    && overlapping(a).iter().all(|m| {
                        m.kind == ActorKind::Person && m.tok[1] - m.tok[0] == 1 && m.tok[0] > a
                    })
            }) else {
                continue;
            };
            let overlapping = overlapping(a);
            claimed.extend(overlapping.iter().map(|m| m.tok[0]));
            // A bare title right before the name ("Senator", "Governor") gives the role.
            let title = out.iter().position(|m| {
                m.tok[1] == a && m.agent.as_deref().is_some_and(state_role) && !m.pronoun
            });
            let (start, code) = match title {
                Some(t) => {
                    let role = out[t].agent.clone().unwrap_or_default();
                    claimed.push(out[t].tok[0]);
                    (out[t].tok[0], apply_agent("USA", &role))
                }
                None => (a, "USALEG".to_string()),
            };
            let name = names_text(tokens, a, c);
            added.push(titled_person(
                [start, c],
                [tokens[start].start, tokens[c - 1].end],
                &name,
                &code,
            ));
            remember_titled(ctx, &tokens[c - 1].norm, &name, &code, false);
        }
    }

    /// Remembers the mentions kept for a sentence, for pronouns and short references
    /// later in the article.
    pub(super) fn remember(&self, ctx: &mut Context, mentions: &[Found]) {
        // "They" reaches back one sentence, to its first actor: a plural antecedent
        // further back, or in object position, is as often someone else ("Europe,
        // Japan and Canada ... threatening them", "They fear ..." two paragraphs
        // after the last group named).
        ctx.last_plural = mentions
            .iter()
            .find(|m| m.code.is_some())
            .filter(|m| {
                !m.pronoun
                    && !m.inferred
                    && matches!(
                        m.kind,
                        ActorKind::Agent | ActorKind::Group | ActorKind::Organisation
                    )
            })
            .map(|m| (m.code.clone().unwrap_or_default(), m.name.clone(), m.kind));
        for m in mentions {
            let Some(code) = &m.code else { continue };
            if m.inferred {
                // An inferred actor is no antecedent for pronouns: a guess stays local.
                continue;
            }
            let entry = Some((code.clone(), m.name.clone(), m.kind));
            if m.pronoun {
                continue;
            }
            match m.kind {
                ActorKind::Person => ctx.last_person = entry,
                ActorKind::Agent => ctx.last_agent = entry,
                _ => ctx.last_thing = entry,
            }
            let code = ActorCode::new(code);
            // "The authorities" after "Amnesty International" are no NGO's: only a
            // country is carried (with dictionaries that mark no country entries,
            // any code's first three letters are).
            // A news organisation ("AFP", FRAMED) is no country either.
            if code.has_country()
                && m.kind != ActorKind::Organisation
                && (self.countries.is_empty() || self.countries.contains(code.country()))
            {
                ctx.last_country = Some(code.country().to_string());
                if let Some(role) = code.roles().next() {
                    ctx.roles.retain(|(r, _)| r != role);
                    if ctx.roles.len() >= 16 {
                        ctx.roles.remove(0);
                    }
                    ctx.roles
                        .push((role.to_string(), code.as_str().to_string()));
                }
            }
        }
    }

    /// "in", "from" or "of", then optionally an article and up to two lower-case
    /// modifiers: "activists from the defeated Fatah party".
    fn prep_phrase_gap(&self, tokens: &[Token], ids: &[u32], from: usize, to: usize) -> bool {
        let gap = &ids[from..to];
        let Some((&first, rest)) = gap.split_first() else {
            return false;
        };
        if first != self.w.in_ && first != self.w.from && first != self.w.of {
            return false;
        }
        let rest = match rest.first() {
            Some(&a) if a == self.w.the || a == self.w.a || a == self.w.an => &rest[1..],
            _ => rest,
        };
        let start = to - rest.len();
        rest.len() <= 2
            && (start..to).all(|j| {
                tokens[j].kind == TokenKind::Word
                    && !tokens[j].capitalized
                    && !self.w.prepositions.contains(&ids[j])
                    && !self.w.boundaries.contains(&ids[j])
                    && ids[j] != self.w.and
            })
    }
}

/// A country or actor code with an agent's role: `~GOV` appends, `MIL~` prefixes,
/// anything else replaces.
/// Adds mentions found by a later pass and keeps the list in token order, which the
/// role finders rely on. Does nothing when `added` is empty.
pub(super) fn add_mentions(out: &mut Vec<Found>, added: Vec<Found>) {
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.tok[0]);
    }
}

/// The country of a domestic political actor that is not the government: the
/// opposition, legislators, a party ("AUSOPP", "USALEG", "INDPTY").
fn domestic_politics(code: &str) -> Option<&str> {
    let a = ActorCode::new(code);
    (a.has_country() && !a.has_role("GOV") && ["OPP", "LEG", "PTY"].iter().any(|r| a.has_role(r)))
        .then(|| a.country())
}

fn apply_agent(base: &str, agent: &str) -> String {
    if let Some(suffix) = agent.strip_prefix('~') {
        // "White House officials": USAGOV already says GOV.
        if ActorCode::new(base).rest().contains(suffix) {
            return base.to_string();
        }
        format!("{base}{suffix}")
    } else if let Some(prefix) = agent.strip_suffix('~') {
        format!("{prefix}{base}")
    } else {
        agent.to_string()
    }
}

/// The words of tokens `a..b`, as written (names keep their case).
pub(super) fn names_text(tokens: &[Token], a: usize, b: usize) -> String {
    tokens[a..b]
        .iter()
        .map(|t| t.norm.as_str())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word that may be part of a person's name: capitalised, not all capitals, and
/// not a capitalised function word, month or weekday ("In June, the then home
/// secretary, ..." names nobody).
pub(super) fn name_word(tokens: &[Token], j: usize) -> bool {
    let t = &tokens[j];
    t.kind == TokenKind::Word
        && t.capitalized
        && !t.all_caps
        && t.norm.len() > 1
        && !NOT_NAMES.contains(&t.norm.as_str())
        && !crate::tokens::is_calendar_word(&t.norm)
}

/// Capitalised words that open sentences and time phrases but never names (months
/// and weekdays: `tokens::is_calendar_word`).
const NOT_NAMES: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "since",
    "during",
    "until",
    "by",
    "for",
    "from",
    "with",
    "as",
    "when",
    "while",
    "but",
    "and",
    "or",
    "the",
    "an",
    "this",
    "that",
    "last",
    "then",
    "earlier",
    "later",
    "meanwhile",
];

/// Nouns for who leads or belongs to an organisation, before "of" (see
/// `representatives`).
const LEADS: &[&str] = &[
    "head",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "member",
    "members",
];

/// Function words that are never a modifier noun between a country and an agent
/// (see `noun_modifiers`): auxiliaries, pronouns, quantifiers, adverbs.
const NOT_MODIFIERS: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "are",
    "is",
    "been",
    "being",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "does",
    "did",
    "not",
    "also",
    "now",
    "then",
    "still",
    "that",
    "this",
    "these",
    "those",
    "who",
    "whom",
    "which",
    "whose",
    "what",
    "when",
    "where",
    "while",
    "than",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "all",
    "both",
    "some",
    "many",
    "most",
    "more",
    "other",
    "others",
    "every",
    "each",
    "any",
    "few",
    "says",
    "said",
    "tells",
    "told",
    "only",
    "just",
    "even",
    "already",
    "yet",
    "and",
    "but",
    "nor",
    "for",
    "the",
    "say",
    "asks",
    "wants",
    "needs",
    "gets",
    "gives",
    "sends",
    "lets",
    "sees",
    "makes",
    "takes",
    "keeps",
    "two",
    "three",
    "four",
    "five",
    "six",
    "ten",
    "hundreds",
    "thousands",
    "dozens",
    "millions",
    "several",
    "own",
    "former",
    "last",
    "next",
    "week",
    "weekend",
    "month",
    "year",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "ago",
    "again",
    "too",
    "there",
    "here",
];

/// Sector nouns that are also verbs of the dictionaries but modify an agent after a
/// country ("US trade negotiators", "Chinese state media", "Mexican finance officials").
const SECTOR_NOUNS: &[&str] = &["trade", "aid", "state", "finance"];

/// Words of an organisation's or a thing's name, never of a person's: "American
/// Airlines", "Russian Orthodox Church" (issue 10, class: nationality apposition).
pub(super) const ORGANISATION_WORDS: &[&str] = &[
    "agency",
    "airlines",
    "airport",
    "airways",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "brotherhood",
    "championship",
    "church",
    "club",
    "coast",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "cup",
    "department",
    "embassy",
    "empire",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "games",
    "grand",
    "group",
    "guard",
    "guards",
    "house",
    "institute",
    "island",
    "islands",
    "league",
    "lines",
    "media",
    "ministry",
    "movement",
    "museum",
    "national",
    "navy",
    "network",
    "new",
    "news",
    "observatory",
    "office",
    "open",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "prix",
    "railways",
    "republic",
    "revolution",
    "school",
    "senate",
    "service",
    "services",
    "society",
    "state",
    "states",
    "times",
    "union",
    "university",
    "war",
    "year",
];

/// Nouns for the followers of a person ("supporters of X", "X's loyalists").
fn supporter_noun(w: &str) -> bool {
    matches!(
        w,
        "supporters" | "followers" | "loyalists" | "backers" | "partisans" | "devotees"
    )
}

/// The supporters of a person are not that person (issue 10 class "supporters of a
/// person"): "supporters of Evo Morales", "the socialist leader's supporters",
/// "Trump supporters" are people of the person's country: the bare country for a
/// sitting officeholder's (they hold no office), else a political crowd, the
/// opposition (XXXOPP). The mention takes the words of the phrase.
fn supporters(tokens: &[Token], out: &mut [Found]) {
    let norm = |k: usize| tokens.get(k).map_or("", |t| t.norm.as_str());
    for i in 0..out.len() {
        let m = &out[i];
        if m.pronoun || !matches!(m.kind, ActorKind::Person | ActorKind::Agent) {
            continue;
        }
        let Some(code) = m.code.as_deref().map(ActorCode::new) else {
            continue;
        };
        if !code.has_country() || matches!(code.country(), "IGO" | "NGO" | "MNC" | "IMG") {
            continue;
        }
        let [a, b] = m.tok;
        // "supporters of (the) (former) X"
        let mut j = a;
        if j >= 1 && matches!(norm(j - 1), "former" | "ousted" | "exiled" | "jailed") {
            j -= 1;
        }
        if j >= 1 && norm(j - 1) == "the" {
            j -= 1;
        }
        let before = (j >= 2 && norm(j - 1) == "of" && supporter_noun(norm(j - 2))).then(|| {
            let s = j - 2;
            if s >= 1 && matches!(norm(s - 1), "the" | "thousands" | "hundreds") {
                s - 1
            } else {
                s
            }
        });
        // "X's supporters", "X supporters" (a person's name only).
        let after = if matches!(norm(b), "'s" | "’s" | "'") && supporter_noun(norm(b + 1)) {
            Some(b + 2)
        } else if m.kind == ActorKind::Person && supporter_noun(norm(b)) {
            Some(b + 1)
        } else {
            None
        };
        if before.is_none() && after.is_none() {
            continue;
        }
        let (start, end) = (before.unwrap_or(a), after.unwrap_or(b));
        let neighbours_clear = (i == 0 || out[i - 1].tok[1] <= start)
            && out.get(i + 1).is_none_or(|n| n.tok[0] >= end);
        if !neighbours_clear {
            continue;
        }
        // A sitting officeholder's supporters are plain people of the country;
        // anyone else's (an opposition figure, a former leader, a private person,
        // "the socialist leader", "the cleric") are a political crowd, the
        // opposition.
        let sitting = if m.kind == ActorKind::Person {
            !code.has_role("OPP") && !code.is_country_only()
        } else {
            matches!(
                norm(b - 1),
                "president"
                    | "minister"
                    | "premier"
                    | "chancellor"
                    | "king"
                    | "queen"
                    | "emir"
                    | "monarch"
                    | "government"
            )
        };
        let new_code = if sitting {
            code.country().to_string()
        } else {
            format!("{}OPP", code.country())
        };
        let m = &mut out[i];
        m.code = Some(new_code);
        m.tok = [start, end];
        m.span = [tokens[start].start, tokens[end - 1].end];
        m.name = tokens[start..end]
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        m.kind = ActorKind::Agent;
        m.agent = None;
    }
}

/// Role nouns of people who speak or act for another: "an aide to X".
fn representative(noun: &str) -> bool {
    matches!(
        noun,
        "aide"
            | "aides"
            | "adviser"
            | "advisers"
            | "advisor"
            | "advisors"
            | "spokesman"
            | "spokesmen"
            | "spokeswoman"
            | "spokeswomen"
            | "spokesperson"
            | "spokespersons"
            | "spokespeople"
    )
}

/// "We" and "us" inside a direct quotation stand for its speaker (issue 10, class:
/// first person plural in quotations): "“We thank the Afghan government,” said the
/// White House press secretary" is the White House's. The speaker is the actor
/// named outside the quotation marks (a person first, else the first actor); a
/// sentence that opens with a quotation and names nobody outside it continues the
/// last speaker's quotation (unless a name the coder does not know speaks it after a
/// person spoke the last one: someone new); a sentence without quotation marks ends
/// it.
fn quoted_we(tokens: &[Token], out: &mut Vec<Found>, ctx: &mut Context) {
    let marks: Vec<usize> = (0..tokens.len().min(4096))
        .filter(|&j| tokens[j].norm == "\"")
        .take(64)
        .collect();
    ctx.quote_continued = false;
    // A quotation left open by the previous sentence goes on in this one (for at
    // most three sentences without marks: an unbalanced mark ends it).
    // A sentence that starts with a mark opens a quotation (a paragraph of a long
    // quotation opens again without the last one being closed).
    let open = match ctx.quote_open {
        _ if marks.first() == Some(&0) => false,
        Some(n) if marks.is_empty() && n < 3 => {
            ctx.quote_open = Some(n + 1);
            true
        }
        Some(_) if !marks.is_empty() => true,
        _ => false,
    };
    if marks.is_empty() {
        if !open {
            ctx.quote_open = None;
            ctx.quote_speaker = None;
            return;
        }
    } else {
        ctx.quote_open = ((usize::from(open) + marks.len()) % 2 == 1).then_some(0);
    }
    let inside = |j: usize| (usize::from(open) + marks.iter().filter(|&&q| q < j).count()) % 2 == 1;
    let outside: Vec<&Found> = out
        .iter()
        .filter(|m| m.code.is_some() && !m.pronoun && !inside(m.tok[0]))
        .collect();
    let speaker = outside
        .iter()
        .find(|m| m.kind == ActorKind::Person)
        .or(outside.first())
        .map(|m| (m.code.clone().unwrap_or_default(), m.name.clone(), m.kind));
    match speaker {
        Some(s) => ctx.quote_speaker = Some(s),
        // A quotation that goes on, or opens the sentence: the last speaker's,
        // unless the last speaker is a person and a name the coder does not know,
        // not theirs, speaks it ("“...,” Figgins said": someone new). After an
        // organisation or a country, a named person may be its voice ("added
        // Lopes" after "Lopes of NASA").
        None if open || marks.first() == Some(&0) => {
            let last = match &ctx.quote_speaker {
                Some((_, name, ActorKind::Person)) => {
                    name.rsplit(' ').next().unwrap_or("").to_lowercase()
                }
                _ => String::new(),
            };
            let named = !last.is_empty()
                && (1..tokens.len().min(4096)).any(|j| {
                    SPEAKS.contains(&tokens[j].norm.as_str())
                        && !inside(j)
                        && [j - 1, j + 1].into_iter().any(|k| {
                            k < tokens.len()
                                && !inside(k)
                                && name_word(tokens, k)
                                && tokens[k].norm != last
                        })
                });
            if named {
                ctx.quote_speaker = None;
            }
            ctx.quote_continued = ctx.quote_speaker.is_some();
        }
        None => ctx.quote_speaker = None,
    }
    let Some((code, name, kind)) = ctx.quote_speaker.clone() else {
        return;
    };
    let before = out.len();
    for (j, t) in tokens.iter().enumerate() {
        if matches!(t.norm.as_str(), "we" | "us")
            && !t.all_caps
            && inside(j)
            && !out[..before].iter().any(|m| m.tok[0] <= j && j < m.tok[1])
        {
            out.push(Found {
                tok: [j, j + 1],
                span: [t.start, t.end],
                code: Some(code.clone()),
                name: name.clone(),
                kind,
                agent: None,
                pronoun: true,
                inferred: false,
                pair: false,
            });
        }
    }
    if out.len() > before {
        out.sort_by_key(|m| m.tok[0]);
    }
}

/// Speech verbs that name a quotation's speaker next to them ("Figgins said",
/// "said Figgins"; see `quoted_we`).
const SPEAKS: &[&str] = &["said", "says", "added", "told", "asked", "wrote"];

/// A mention at tokens `tok` that only modifies the noun after it: a sponsor
/// ("Russian-backed", "US-led", "Iranian-funded") or a stance ("pro-Russian",
/// "anti-American"), written with a hyphen and no spaces.
fn sponsor_adjective(tokens: &[Token], [a, b]: [usize; 2]) -> bool {
    let hyphen = |j: usize| {
        tokens
            .get(j)
            .is_some_and(|t| t.norm == "-" && !t.space_before)
    };
    let after = hyphen(b)
        && tokens.get(b + 1).is_some_and(|t| {
            !t.space_before
                && matches!(
                    t.norm.as_str(),
                    "backed"
                        | "led"
                        | "sponsored"
                        | "supported"
                        | "funded"
                        | "financed"
                        | "armed"
                        | "trained"
                        | "allied"
                        | "aligned"
                        | "brokered"
                        | "installed"
                        | "controlled"
                )
        });
    let before = a >= 2
        && hyphen(a - 1)
        && !tokens[a].space_before
        && matches!(tokens[a - 2].norm.as_str(), "pro" | "anti");
    after || before
}

/// A US party and state tag at token `c`: ", R-Neb." or "(D-Calif.)".
fn party_tag(tokens: &[Token], c: usize) -> bool {
    let t = |k: usize| tokens.get(c + k);
    t(0).is_some_and(|x| matches!(x.norm.as_str(), "," | "("))
        && t(1).is_some_and(|x| matches!(x.norm.as_str(), "r" | "d" | "i") && x.capitalized)
        && t(2).is_some_and(|x| x.norm == "-" && !x.space_before)
        && t(3).is_some_and(|x| x.capitalized && !x.space_before)
}

/// Protesters, activists, students and crowds named without a country ("protesters
/// marched through Caracas", "thousands of people rallied in Minsk",
/// "demonstrators gathered outside parliament in Tbilisi") are of the place the
/// sentence puts them in: the one country of the places named after a locative
/// preposition (in, across, through, throughout, around, outside, near, at), ahead
/// of the article's country (session 17 class "protests told by their noun or by a
/// crowd"). Inferred. The police of one country, lending after this
/// ([`protesters_of_the_police`]), still win.
fn protesters_of_the_place(tokens: &[Token], out: &mut [Found]) {
    const CROWDS: &[&str] = &["demonstrators", "activists", "students", "crowd"];
    let bare = |m: &Found| {
        (m.code.is_none() || m.inferred)
            && !m.pronoun
            && m.agent.is_some()
            && CROWDS.contains(&m.name.as_str())
    };
    // Only in a sentence about a protest: "the war in Kharkiv has killed
    // thousands of people" names the place of the war, not of the people.
    const PROTEST_WORDS: &[&str] = &[
        "protest",
        "protests",
        "protested",
        "protesting",
        "demonstrate",
        "demonstrated",
        "demonstrating",
        "demonstration",
        "demonstrations",
        "rally",
        "rallies",
        "rallied",
        "rallying",
        "march",
        "marched",
        "marches",
        "marching",
        "gathered",
        "chanted",
        "streets",
        "riot",
        "riots",
        "rioted",
        "sit",
        "vigil",
        "blocked",
        "stormed",
        "dispersed",
        "disperse",
        "tear",
        "clashed",
        "clashes",
    ];
    if !out.iter().any(bare)
        || !tokens
            .iter()
            .any(|t| PROTEST_WORDS.contains(&t.norm.as_str()))
    {
        return;
    }
    let mut country: Option<&str> = None;
    for m in out.iter() {
        if m.pronoun || m.inferred {
            continue;
        }
        let Some(c) = m
            .code
            .as_deref()
            .map(ActorCode::new)
            .filter(|c| c.has_country())
        else {
            continue;
        };
        // "the parliament in Tbilisi": an actor composed with its place.
        let composed = m.kind != ActorKind::Country
            && (m.tok[0] + 1..m.tok[1]).any(|k| tokens[k].norm == "in");
        let locative = m.kind == ActorKind::Country
            && m.agent.is_none()
            && super::construct::protest_scene(tokens, m.tok[0]);
        if !(locative || composed) || matches!(c.country(), "IGO" | "NGO" | "MNC" | "IMG") {
            continue;
        }
        match country {
            Some(k) if k != c.country() => return,
            _ => country = Some(c.country()),
        }
    }
    let Some(country) = country.map(str::to_string) else {
        return;
    };
    for m in out.iter_mut().filter(|m| bare(m)) {
        let agent = m.agent.clone().unwrap_or_default();
        m.code = Some(apply_agent(&country, &agent));
        m.inferred = true;
    }
    // "Thousands rallied in Bogota against the government": the government the
    // crowd of the place confronts is that place's, when the article gave it none.
    for m in out
        .iter_mut()
        .filter(|m| m.code.is_none() && !m.pronoun && m.agent.as_deref() == Some("~GOV"))
    {
        m.code = Some(apply_agent(&country, "~GOV"));
        m.inferred = true;
    }
}

/// Protesters named without a country in a sentence with the police of one country
/// ("protesters clashed with Kenyan police", "Bolivian police dispersed
/// demonstrators") are that country's opposition, and the police named without a
/// country in a sentence with the protesters of one country ("Bolivian protesters
/// clashed with police") are that country's police (issue 10 class "domestic
/// unrest": police act at home). Only protesters (the `demonstrators` entry of
/// `agents.txt`) lend their country: the police who arrest "the Syrian opposition
/// leader" may be Lebanon's. Troops are not enough, as they may be abroad.
/// Inferred.
///
/// The same holds for "the opposition" in a sentence with one country's government
/// ("Maduro's government accused opposition supporters"). A lender is named in the
/// sentence (not inferred), and it wins over the article's country that a bare
/// agent takes by default: a story filed from Cucuta, Colombia about Venezuelan
/// police and protesters (issue 10 class "foreign datelines").
fn protesters_of_the_police(out: &mut [Found]) {
    // The police lend first: "police fired at protesters ... as Beijing's government
    // celebrated" are the police's protesters.
    let mut lent = vec![false; out.len()];
    // A government lends to "the opposition", not to protesters ("protesters
    // attacked the embassy in Baghdad" may be anyone's).
    for (known, bare) in [("COP", "~OPP"), ("OPP", "~COP"), ("GOV", "~OPP")] {
        let mut countries = out.iter().filter_map(|m| {
            let c = ActorCode::new(m.code.as_deref()?);
            let lends = known != "OPP" || m.name.ends_with("demonstrators");
            (lends && !m.inferred && !m.pronoun && c.has_country() && c.has_role(known))
                .then(|| c.country().to_string())
        });
        let Some(country) = countries.next() else {
            continue;
        };
        if countries.any(|c| c != country) {
            continue;
        }
        for (m, lent) in out.iter_mut().zip(lent.iter_mut()) {
            if (m.code.is_none() || m.inferred)
                && !*lent
                && !m.pronoun
                && m.agent.as_deref() == Some(bare)
                && !(known == "GOV" && m.name.ends_with("demonstrators"))
            {
                m.code = Some(apply_agent(&country, bare));
                m.inferred = true;
                *lent = true;
            }
        }
    }
}

/// "Indian and Pakistani officials", "Hungarian and Romanian troops": a bare
/// country adjective joined by "and" to an adjective with a role noun shares that
/// noun, so it names the other country's officials (INDGOV), not the country (issue
/// 10 class "compound subjects the parse splits").
fn shared_head(tokens: &[Token], out: &mut [Found]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let Some(bc) = b.code.as_deref().map(ActorCode::new) else {
            continue;
        };
        let adjective_and = a.kind == ActorKind::Country
            && a.tok[1] == a.tok[0] + 1
            && !a.pronoun
            && b.tok[0] == a.tok[1] + 1
            && tokens[a.tok[1]].norm == "and"
            && b.kind == ActorKind::Agent
            && b.tok[1] == b.tok[0] + 2
            && tokens[a.tok[0]].capitalized
            && tokens[b.tok[0]].capitalized
            && !tokens[b.tok[0] + 1].capitalized;
        let Some(ac) = a.code.as_deref().map(ActorCode::new) else {
            continue;
        };
        if adjective_and && ac.is_country_only() && bc.has_country() && !bc.is_country_only() {
            let code = format!("{}{}", ac.country(), bc.rest());
            out[k - 1].code = Some(code);
            out[k - 1].kind = ActorKind::Agent;
            // One noun group: the two stay one compound whatever the parse does
            // with the adjectives (session 17 class "group actors").
            out[k].pair = true;
        }
    }
}

/// Remembers a titled person for the article (bounded: an article names few).
pub(super) fn remember_titled(
    ctx: &mut Context,
    surname: &str,
    name: &str,
    code: &str,
    inferred: bool,
) {
    if ctx.titled.len() < 64 && !ctx.titled.iter().any(|p| p.surname == surname) {
        ctx.titled.push(Titled {
            surname: surname.to_string(),
            name: name.to_string(),
            code: code.to_string(),
            inferred,
        });
    }
}

/// True when the word at `k`, after a bare agent, is a thing the agent's word only
/// describes: "military aid", "military support", "police reform", "government
/// bonds" (issue 10 item 3, class "agent words as modifiers": the bare agent then
/// names no actor, and must not take the article's country; "Egypt pledged military
/// aid to Sudan" under an Ankara dateline gave a target TURMIL).
fn modifies_thing(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "aid"
                | "assistance"
                | "support"
                | "equipment"
                | "hardware"
                | "supplies"
                | "cooperation"
                | "co-operation"
                | "ties"
                | "relations"
                | "solution"
                | "option"
                | "spending"
                | "budget"
                | "budgets"
                | "reform"
                | "reforms"
                | "exports"
                | "sales"
                | "training"
                | "technology"
                | "bonds"
                | "debt"
                | "funding"
                | "package"
        )
    })
}

/// Roles of the state, its organised opposition and the armed groups fighting it,
/// which a bare agent may take from the article's country: government, military,
/// police, legislature, judiciary, intelligence, opposition; rebels, insurgents,
/// separatists ("rebels attacked an army base" in a story about Mali); and teachers,
/// students, health workers and unions, who act where they live (issue 10 item 3,
/// class: occupational nouns coded by role; "a professor at ..." in an apposition
/// then titles a name). Left out, measured: militias and gunmen ("the Syrian-backed
/// Amal militia" on the PLOVER set: a false event from "backed" read as a verb), and
/// media, firms, civilians, migrants, who are as often foreign.
fn state_role(agent: &str) -> bool {
    let role = agent.trim_start_matches('~').trim_end_matches('~');
    matches!(
        role,
        "GOV"
            | "MIL"
            | "COP"
            | "LEG"
            | "JUD"
            | "SPY"
            | "OPP"
            | "REB"
            | "INS"
            | "SEP"
            | "EDU"
            | "HLH"
            | "LAB"
    )
}

/// An agent composed with an actor: the actor's code with the agent's role.
fn compose(actor: &Found, agent: &Found) -> Found {
    let code = actor.code.as_ref().map(|c| {
        let a = agent.agent.as_deref().unwrap_or("");
        // A seat of government stands for its country before another role: "a London
        // court" is GBRJUD, not GBRGOVJUD (issue 10, class: capital metonyms composed
        // with an agent). Agents composed before keep their roles.
        let code = ActorCode::new(c);
        if actor.kind == ActorKind::Country
            && code.rest() == "GOV"
            && code.has_country()
            && a.starts_with('~')
            && a.len() == 4
        {
            return apply_agent(code.country(), a);
        }
        // An agent adds its role to a bare country code; a code that already has a
        // role keeps it unless the agent's role is more specific.
        apply_agent(c, a)
    });
    Found {
        tok: [actor.tok[0], agent.tok[1]],
        span: [actor.span[0], agent.span[1]],
        code,
        name: format!("{} {}", actor.name, agent.name),
        kind: ActorKind::Agent,
        agent: None,
        pronoun: false,
        inferred: actor.inferred || agent.inferred,
        pair: false,
    }
}

/// A person found by title (see `titled_people`): coded by the title, remembered by name.
pub(super) fn titled_person(tok: [usize; 2], span: [usize; 2], name: &str, code: &str) -> Found {
    Found {
        tok,
        span,
        code: Some(code.to_string()),
        name: name.to_string(),
        kind: ActorKind::Person,
        agent: None,
        pronoun: false,
        inferred: false,
        pair: false,
    }
}
