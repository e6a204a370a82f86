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
}

pub(super) type Carried = Option<(String, String, ActorKind)>;

/// Within-article memory for pronouns and short references.
#[derive(Default)]
pub(super) struct Context {
    pub(super) last_person: Carried,
    pub(super) last_thing: Carried,
    pub(super) last_plural: Carried,
    pub(super) last_agent: Carried,
    pub(super) last_country: Option<String>,
    /// The country of the article's dateline ("BEIRUT (AP) —"), if any.
    pub(super) article_country: Option<String>,
    /// Country mentions so far in the article, by country code.
    pub(super) country_counts: Vec<(String, usize)>,
    /// People the dictionaries do not know, introduced with a title and a country
    /// ("French envoy Jean Duval"): (surname, full name, code), for later references.
    pub(super) titled: Vec<(String, String, String)>,
}

impl Context {
    /// The country the article is about, when that is unambiguous: its dateline's,
    /// else the country mentioned most so far, at least twice and more often than
    /// any other. A bare agent ("police", "lawmakers") takes it.
    pub(super) fn article_country(&self) -> Option<String> {
        if self.article_country.is_some() {
            return self.article_country.clone();
        }
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
        match best {
            // Dominant: mentioned at least three times and twice as often as the next.
            Some((c, n))
                if n >= 3
                    && !tie
                    && self
                        .country_counts
                        .iter()
                        .all(|(k, m)| k == c || 2 * m <= n) =>
            {
                Some(c.to_string())
            }
            _ => None,
        }
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
                        });
                    }
                }
                i = end;
                continue;
            }
            // Pronouns carry the last fitting actor.
            let id = ids[i];
            let carried = if self.w.pron_person.contains(&id) {
                ctx.last_person.clone().or_else(|| ctx.last_agent.clone())
            } else if self.w.pron_thing.contains(&id) {
                ctx.last_thing.clone()
            } else if self.w.pron_plural.contains(&id) {
                ctx.last_plural.clone().or_else(|| ctx.last_thing.clone())
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
                });
            }
            i += 1;
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
                        && (adjacent(&cur, n, &[self.w.possessive]) || modifiers_only(&cur, n))
                    {
                        let mut m = compose(&cur, n);
                        // ACTOR AGENT PERSON ("Russian President Vladimir Putin"): one mention.
                        if let Some(p) = raw.get(k + 2) {
                            // A name right after the title: a person, or an entry whose
                            // code is only a country ("Bree Prime Minister Romendacil").
                            let bare_country = p
                                .code
                                .as_ref()
                                .is_some_and(|c| ActorCode::new(c).is_country_only());
                            if p.agent.is_none()
                                && !p.pronoun
                                && (p.kind == ActorKind::Person || bare_country)
                                && p.tok[0] == n.tok[1]
                            {
                                m.tok[1] = p.tok[1];
                                m.span[1] = p.span[1];
                                if p.code.as_ref().is_some_and(|c| c.len() > 3) {
                                    m.code.clone_from(&p.code);
                                }
                                m.name.clone_from(&p.name);
                                m.kind = ActorKind::Person;
                                k += 1;
                            }
                        }
                        out.push(m);
                        k += 2;
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
            // AGENT alone: a definite one ("the minister") refers to the country of the
            // last actor mentioned; a bare plural ("companies") refers to nobody known.
            let mut m = cur.clone();
            let definite = cur.tok[0] > 0 && ids[cur.tok[0] - 1] == self.w.the;
            if let Some(country) = ctx.last_country.as_ref().filter(|_| definite) {
                m.code = Some(apply_agent(country, m.agent.as_deref().unwrap_or("")));
            } else if let Some(country) = ctx
                .article_country()
                .filter(|_| state_role(m.agent.as_deref().unwrap_or("")))
            {
                // A bare agent of the state or its opposition ("police arrested ...",
                // "lawmakers voted") acts in the article's country; civilians, firms
                // or migrants named without a country may be from anywhere.
                m.code = Some(apply_agent(&country, m.agent.as_deref().unwrap_or("")));
                m.inferred = true;
            }
            out.push(m);
            k += 1;
        }
        self.titled_people(tokens, &mut out, ctx);
        out
    }

    /// People missing from the dictionaries but introduced with a title and a country:
    /// "French envoy Jean Duval" (a composed mention followed by a name) and "Jean
    /// Duval, Nigeria's Senate president" (a name, a comma, a composed mention) take
    /// the title's code and are remembered for the article, so that a later "Duval"
    /// is coded too.
    fn titled_people(&self, tokens: &[Token], out: &mut Vec<Found>, ctx: &mut Context) {
        let name_word = |j: usize| {
            let t = &tokens[j];
            t.kind == TokenKind::Word && t.capitalized && !t.all_caps && t.norm.len() > 1
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
        let titled = |m: &Found| {
            m.kind == ActorKind::Agent
                && m.agent.is_none()
                && !m.pronoun
                && !m.inferred
                && m.code.as_deref().is_some_and(|c| c.len() > 3)
        };
        let mut added: Vec<Found> = Vec::new();
        for idx in 0..out.len() {
            let m = out[idx].clone();
            if !titled(&m) {
                continue;
            }
            let code = m.code.clone().unwrap_or_default();
            // "French envoy Jean Duval"
            if let Some(b) = run_from(m.tok[1]) {
                if !covered(out, m.tok[1], b) {
                    let name = names_text(tokens, m.tok[1], b);
                    let e = &mut out[idx];
                    e.tok[1] = b;
                    e.span[1] = tokens[b - 1].end;
                    e.kind = ActorKind::Person;
                    e.name.clone_from(&name);
                    remember_titled(ctx, &tokens[b - 1].norm, &name, &code);
                    continue;
                }
            }
            // "Jean Duval, Nigeria's Senate president"
            let s = m.tok[0];
            if s >= 3 && tokens[s - 1].norm == "," {
                let a = (s.saturating_sub(4)..s - 1).find(|&a| run_from(a) == Some(s - 1));
                if let Some(a) = a.filter(|&a| !covered(out, a, s - 1)) {
                    let name = names_text(tokens, a, s - 1);
                    added.push(titled_person(
                        [a, s - 1],
                        [tokens[a].start, tokens[s - 2].end],
                        &name,
                        &code,
                    ));
                    remember_titled(ctx, &tokens[s - 2].norm, &name, &code);
                }
            }
        }
        // Later references by surname.
        if !ctx.titled.is_empty() {
            for (j, t) in tokens.iter().enumerate() {
                if !name_word(j) || covered(out, j, j + 1) || covered(&added, j, j + 1) {
                    continue;
                }
                if let Some((_, name, code)) = ctx.titled.iter().find(|(sn, _, _)| *sn == t.norm) {
                    added.push(titled_person([j, j + 1], [t.start, t.end], name, code));
                }
            }
        }
        if !added.is_empty() {
            out.extend(added);
            out.sort_by_key(|m| m.tok[0]);
        }
    }

    /// Remembers the mentions kept for a sentence, for pronouns and short references
    /// later in the article.
    pub(super) fn remember(&self, ctx: &mut Context, mentions: &[Found]) {
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
                ActorKind::Agent => {
                    ctx.last_agent = entry.clone();
                    ctx.last_plural = entry;
                }
                ActorKind::Group => {
                    ctx.last_plural = entry.clone();
                    ctx.last_thing = entry;
                }
                _ => ctx.last_thing = entry,
            }
            let code = ActorCode::new(code);
            if code.has_country() && !m.inferred {
                ctx.last_country = Some(code.country().to_string());
            }
            if m.kind == ActorKind::Country && code.has_country() {
                let c = code.country();
                match ctx.country_counts.iter_mut().find(|(k, _)| k == c) {
                    Some(e) => e.1 += 1,
                    None => ctx.country_counts.push((c.to_string(), 1)),
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
fn names_text(tokens: &[Token], a: usize, b: usize) -> String {
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

/// Remembers a titled person for the article (bounded: an article names few).
fn remember_titled(ctx: &mut Context, surname: &str, name: &str, code: &str) {
    if ctx.titled.len() < 64 && !ctx.titled.iter().any(|(s, _, _)| s == surname) {
        ctx.titled
            .push((surname.to_string(), name.to_string(), code.to_string()));
    }
}

/// Roles of the state and its organised opposition, which a bare agent may take from
/// the article's country: government, military, police, legislature, judiciary,
/// intelligence, opposition.
fn state_role(agent: &str) -> bool {
    let role = agent.trim_start_matches('~').trim_end_matches('~');
    matches!(role, "GOV" | "MIL" | "COP" | "LEG" | "JUD" | "SPY" | "OPP")
}

/// An agent composed with an actor: the actor's code with the agent's role.
fn compose(actor: &Found, agent: &Found) -> Found {
    let code = actor.code.as_ref().map(|c| {
        let a = agent.agent.as_deref().unwrap_or("");
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
    }
}

/// A person found by title (see `titled_people`): coded by the title, remembered by name.
fn titled_person(tok: [usize; 2], span: [usize; 2], name: &str, code: &str) -> Found {
    Found {
        tok,
        span,
        code: Some(code.to_string()),
        name: name.to_string(),
        kind: ActorKind::Person,
        agent: None,
        pronoun: false,
        inferred: false,
    }
}
