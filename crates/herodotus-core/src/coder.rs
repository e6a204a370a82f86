//! The [`Coder`]: compiled dictionaries plus the per-article coding pipeline.
//!
//! Per sentence: tokens -> discards -> actor mentions (dictionary phrases, agents
//! composed with countries, pronouns carried over) -> verb candidates -> for each verb
//! the most specific matching pattern -> source and target -> events.

use crate::article::Article;
use crate::date::Date;
use crate::dict::cameo::quad_class;
use crate::dict::{CodePair, Dictionaries, Elem, Origin};
use crate::event::Event;
use crate::matcher::{PhraseTrie, Vocab};
use crate::sentences;
use crate::tokens::{tokenize_into, Token, TokenKind};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;

/// What kind of thing an actor entry names; pronouns and short references
/// ("he", "the group") resolve to the last mention of a fitting kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A country, its adjective or demonym, or a seat of power.
    Country,
    /// An international or non-governmental organisation.
    Organisation,
    /// A non-state armed or political group.
    Group,
    /// A person.
    Person,
    /// A role noun composed with a country ("Russian troops").
    Agent,
    /// Anything else.
    Other,
}

/// An actor found in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// Index of the sentence it is in.
    pub sentence_index: usize,
    /// Byte span in the article text.
    pub span: [usize; 2],
    /// The resolved actor code for the article date, if any.
    pub code: Option<String>,
    /// The canonical name of the dictionary entry (e.g. "Vladimir Putin").
    pub name: String,
    /// The kind of entry.
    pub kind: ActorKind,
}

/// The result of coding one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CodedArticle {
    /// Byte spans of the sentences in the article text.
    pub sentences: Vec<[usize; 2]>,
    /// Actors found, in text order.
    pub mentions: Vec<Mention>,
    /// Coded events, in text order.
    pub events: Vec<Event>,
    /// True when a story-level discard phrase matched (no events are coded).
    pub discarded: bool,
}

/// Options of the coding engine.
#[derive(Clone, Debug)]
pub struct CoderOptions {
    /// Drop events without a target actor (PETRARCH's `require_dyad`).
    pub require_target: bool,
    /// Most words a pattern may skip between two of its elements.
    pub max_gap: usize,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            require_target: true,
            max_gap: 4,
        }
    }
}

/// A compiled pattern element.
#[derive(Clone, Debug)]
enum CElem {
    Target,
    Source,
    Compound,
    Skip,
    /// Alternative word sequences, each word a set of acceptable word ids.
    Words(Vec<Vec<Vec<u32>>>),
}

#[derive(Clone, Debug)]
struct CPattern {
    pre: Vec<(CElem, bool)>,
    post: Vec<(CElem, bool)>,
    code: CodePair,
    specificity: u32,
    /// Index into `Coder::pattern_info`.
    info: u32,
    mentions_negation: bool,
}

#[derive(Clone, Debug)]
struct CForm {
    words: Vec<u32>,
    head: usize,
    participle: bool,
    gerund: bool,
}

#[derive(Clone, Debug)]
struct CVerb {
    lemma: String,
    code: CodePair,
    forms: Vec<CForm>,
    patterns: Vec<CPattern>,
    origin: Origin,
    speech: bool,
}

/// Where an actor phrase leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Actor(u32),
    Agent(u32),
}

/// Compiled dictionaries: immutable, `Send + Sync`, shared by all threads.
pub struct Coder {
    dicts: Dictionaries,
    options: CoderOptions,
    vocab: Vocab,
    actors: PhraseTrie<Target>,
    discards: PhraseTrie<u32>,
    verbs: Vec<CVerb>,
    /// First word id of a verb form -> (verb, form).
    verb_index: HashMap<u32, Vec<(u32, u32)>>,
    pattern_info: Vec<(String, Origin)>,
    w: Words,
}

/// Ids of function words the engine looks at.
struct Words {
    and: u32,
    the: u32,
    a: u32,
    an: u32,
    comma: u32,
    of: u32,
    in_: u32,
    from: u32,
    by: u32,
    to: u32,
    possessive: u32,
    negations: Vec<u32>,
    be: Vec<u32>,
    determiners: Vec<u32>,
    prepositions: Vec<u32>,
    boundaries: Vec<u32>,
    hypothetical: Vec<u32>,
    pron_person: Vec<u32>,
    pron_thing: Vec<u32>,
    pron_plural: Vec<u32>,
}

const SPEECH_VERBS: &[&str] = &[
    "say",
    "says",
    "tell",
    "announce",
    "state",
    "claim",
    "add",
    "insist",
    "report",
    "note",
    "believe",
    "declare",
    "stress",
    "confirm",
    "argue",
    "assert",
    "maintain",
    "suggest",
    "indicate",
    "explain",
    "reiterate",
    "remark",
    "write",
    "think",
];

impl Coder {
    /// Compiles dictionaries into a coder with default options.
    pub fn new(dicts: Dictionaries) -> Coder {
        Coder::with_options(dicts, CoderOptions::default())
    }

    /// Compiles dictionaries into a coder.
    pub fn with_options(dicts: Dictionaries, mut options: CoderOptions) -> Coder {
        if let Some(g) = dicts.semantics.max_gap {
            options.max_gap = g;
        }
        let mut vocab = Vocab::default();
        let ci = dicts.semantics.case_insensitive_actors;
        let mut actors = PhraseTrie::default();
        for (i, a) in dicts.actors.iter().enumerate() {
            for p in &a.phrases {
                actors.insert(&mut vocab, p, Target::Actor(i as u32), ci);
            }
        }
        for (i, a) in dicts.agents.iter().enumerate() {
            for p in &a.phrases {
                actors.insert(&mut vocab, p, Target::Agent(i as u32), true);
            }
        }
        let mut discards = PhraseTrie::default();
        for (i, d) in dicts.discards.iter().enumerate() {
            let mut p = d.phrase.clone();
            if !d.whole_word {
                if let Some(last) = p.words.last_mut() {
                    if !last.norm.ends_with('*') {
                        last.norm.push('*');
                    }
                }
            }
            discards.insert(&mut vocab, &p, i as u32, true);
        }
        let mut pattern_info = Vec::new();
        let mut verbs = Vec::with_capacity(dicts.verbs.len());
        let mut verb_index: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
        for (vi, v) in dicts.verbs.iter().enumerate() {
            let forms: Vec<CForm> = v
                .forms
                .iter()
                .map(|f| CForm {
                    words: f.words.iter().map(|w| vocab.intern(w)).collect(),
                    head: f.head,
                    participle: f.participle,
                    gerund: f.gerund,
                })
                .collect();
            for (fi, f) in forms.iter().enumerate() {
                verb_index
                    .entry(f.words[0])
                    .or_default()
                    .push((vi as u32, fi as u32));
            }
            let mut patterns = Vec::with_capacity(v.patterns.len());
            for p in &v.patterns {
                let info = pattern_info.len() as u32;
                pattern_info.push((p.text.clone(), p.origin.clone()));
                let mut pre = Vec::new();
                let mut post = Vec::new();
                let mut seen_verb = false;
                let mut spec = 0u32;
                let mut neg = false;
                for e in &p.elems {
                    let ce = match &e.elem {
                        Elem::Verb => {
                            // The verb's own adjacency is read below, when the
                            // elements before it are turned around.
                            seen_verb = true;
                            continue;
                        }
                        Elem::Target => CElem::Target,
                        Elem::Source => CElem::Source,
                        Elem::Compound => CElem::Compound,
                        Elem::Skip => CElem::Skip,
                        Elem::Words(alts) => {
                            spec += alts.iter().map(|a| a.len() as u32).min().unwrap_or(1) * 2;
                            neg |= alts
                                .iter()
                                .flatten()
                                .any(|w| matches!(w.as_str(), "not" | "n't" | "never" | "no"));
                            CElem::Words(
                                alts.iter()
                                    .map(|a| a.iter().map(|w| word_ids(&mut vocab, w)).collect())
                                    .collect(),
                            )
                        }
                        Elem::Synset(name) => {
                            spec += 2;
                            let members = dicts.synsets.get(name).cloned().unwrap_or_default();
                            neg |= members
                                .iter()
                                .flatten()
                                .any(|w| matches!(w.as_str(), "not" | "n't" | "never" | "no"));
                            CElem::Words(
                                members
                                    .iter()
                                    .map(|a| a.iter().map(|w| word_ids(&mut vocab, w)).collect())
                                    .collect(),
                            )
                        }
                    };
                    if matches!(ce, CElem::Target | CElem::Source) {
                        spec += 1;
                    }
                    if seen_verb {
                        post.push((ce, e.adjacent));
                    } else {
                        pre.push((ce, e.adjacent));
                    }
                }
                // `pre` adjacency flags say "adjacent to the previous element"; for
                // right-to-left matching we need "adjacent to the next one": shift them.
                let n = pre.len();
                let adj_to_next: Vec<bool> = (0..n)
                    .map(|i| {
                        if i + 1 < n {
                            pre[i + 1].1
                        } else {
                            // adjacent to the verb?
                            p.elems
                                .iter()
                                .find(|e| e.elem == Elem::Verb)
                                .is_some_and(|e| e.adjacent)
                        }
                    })
                    .collect();
                for (i, a) in adj_to_next.into_iter().enumerate() {
                    pre[i].1 = a;
                }
                pre.reverse();
                patterns.push(CPattern {
                    pre,
                    post,
                    code: p.code.clone(),
                    specificity: spec,
                    info,
                    mentions_negation: neg,
                });
            }
            // Most specific first; stable so file order breaks ties.
            patterns.sort_by_key(|p| std::cmp::Reverse(p.specificity));
            verbs.push(CVerb {
                lemma: v.lemma.clone(),
                code: v.code.clone(),
                forms,
                patterns,
                origin: v.origin.clone(),
                speech: SPEECH_VERBS.contains(&v.lemma.as_str()),
            });
        }
        let mut id = |w: &str| vocab.intern(w);
        let ids = |v: &mut dyn FnMut(&str) -> u32, ws: &[&str]| {
            ws.iter().map(|w| v(w)).collect::<Vec<u32>>()
        };
        let w = Words {
            and: id("and"),
            the: id("the"),
            a: id("a"),
            an: id("an"),
            comma: id(","),
            of: id("of"),
            in_: id("in"),
            from: id("from"),
            by: id("by"),
            to: id("to"),
            possessive: id("'s"),
            negations: ids(&mut id, &["not", "n't", "never", "no"]),
            be: ids(
                &mut id,
                &[
                    "was", "were", "is", "are", "been", "being", "be", "am", "got", "get", "gets",
                ],
            ),
            determiners: ids(
                &mut id,
                &[
                    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this",
                    "these", "those", "whose", "'s", "'", "any", "every", "each", "another",
                    "such", "no", "new", "further", "first", "recent", "latest", "last", "fresh",
                    "deadly", "major", "possible",
                ],
            ),
            prepositions: ids(
                &mut id,
                &[
                    "in", "at", "near", "from", "to", "with", "by", "of", "on", "for", "against",
                    "over", "into", "inside", "across", "toward", "towards", "outside", "between",
                    "among", "about", "through", "after", "before", "during", "under", "via",
                ],
            ),
            boundaries: ids(
                &mut id,
                &[
                    ";",
                    "but",
                    "while",
                    "whereas",
                    "which",
                    "who",
                    "whom",
                    "although",
                    "though",
                    "because",
                    "when",
                    "where",
                    "if",
                    "unless",
                    "after",
                    "before",
                    "since",
                    "until",
                    "as",
                    "meanwhile",
                    "however",
                    "\"",
                ],
            ),
            hypothetical: ids(
                &mut id,
                &["if", "unless", "whether", "could", "might", "may", "should"],
            ),
            pron_person: ids(&mut id, &["he", "she", "him"]),
            pron_thing: ids(&mut id, &["it"]),
            pron_plural: ids(&mut id, &["they", "them"]),
        };
        Coder {
            dicts,
            options,
            vocab,
            actors,
            discards,
            verbs,
            verb_index,
            pattern_info,
            w,
        }
    }

    /// The dictionaries this coder was compiled from.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    /// Codes one article.
    pub fn code_article(&self, article: &Article) -> CodedArticle {
        self.code_article_traced(article, None)
    }

    /// Codes one sentence given alone (for `explain`), writing decisions into `trace`.
    pub fn explain(&self, text: &str, date: Option<Date>) -> (CodedArticle, String) {
        let mut trace = String::new();
        let a = Article {
            id: "explain".into(),
            text: text.to_string(),
            date,
            ..Article::default()
        };
        let c = self.code_article_traced(&a, Some(&mut trace));
        (c, trace)
    }

    fn code_article_traced(
        &self,
        article: &Article,
        mut trace: Option<&mut String>,
    ) -> CodedArticle {
        let text = article.text.as_str();
        let mut out = CodedArticle {
            sentences: sentences::split(text),
            ..CodedArticle::default()
        };
        let mut tokens: Vec<Token> = Vec::new();
        let mut ids: Vec<u32> = Vec::new();
        let mut ctx = Context::default();
        let first_para_end = text.find("\n\n").unwrap_or(text.len());
        for si in 0..out.sentences.len() {
            let span = out.sentences[si];
            tokens.clear();
            tokenize_into(text, span, &mut tokens);
            ids.clear();
            ids.extend(tokens.iter().map(|t| self.vocab.get(&t.norm)));
            if let Some(t) = trace.as_deref_mut() {
                let _ = writeln!(t, "sentence {si}: {}", &text[span[0]..span[1]]);
                let _ = writeln!(
                    t,
                    "  tokens: {}",
                    tokens
                        .iter()
                        .map(|t| t.norm.as_str())
                        .collect::<Vec<_>>()
                        .join(" | ")
                );
            }
            match self.discard(&tokens, &ids) {
                Some((i, true)) => {
                    if let Some(t) = trace.as_deref_mut() {
                        let _ = writeln!(
                            t,
                            "  story discarded by {}",
                            self.dicts.discards[i as usize].origin
                        );
                    }
                    out.discarded = true;
                    out.events.clear();
                    return out;
                }
                Some((i, false)) => {
                    if let Some(t) = trace.as_deref_mut() {
                        let _ = writeln!(
                            t,
                            "  sentence discarded by {}",
                            self.dicts.discards[i as usize].origin
                        );
                    }
                    continue;
                }
                None => {}
            }
            let mentions = self.find_mentions(text, &tokens, &ids, article.date, &mut ctx);
            if let Some(t) = trace.as_deref_mut() {
                for m in &mentions {
                    let _ = writeln!(
                        t,
                        "  actor: {:?} -> {} ({:?}, tokens {}..{})",
                        &text[m.span[0]..m.span[1]],
                        m.code.as_deref().unwrap_or("?"),
                        m.kind,
                        m.tok[0],
                        m.tok[1]
                    );
                }
            }
            let root = span[1] <= first_para_end || si == 0;
            let sentence_text = &text[span[0]..span[1]];
            let events = self.code_sentence(text, &tokens, &ids, &mentions, trace.as_deref_mut());
            for ev in events {
                let Some(entry_code) = ev.code.clone() else {
                    continue;
                };
                let cameo = self.dicts.cameo.lookup(&entry_code);
                let src = &mentions[ev.source];
                let tgt = ev.target.map(|t| &mentions[t]);
                let (Some(sc), tc) = (src.code.clone(), tgt.and_then(|t| t.code.clone())) else {
                    continue;
                };
                if self.options.require_target && tc.is_none() {
                    continue;
                }
                let tc = tc.unwrap_or_default();
                if tgt.is_some() && sc == tc && !sc.is_empty() {
                    // An actor acting on itself is almost always a parsing artefact.
                    continue;
                }
                let root_code = entry_code.get(..2).unwrap_or(&entry_code).to_string();
                let (pattern_text, origin) = match ev.pattern {
                    Some(p) => self.pattern_info[p as usize].clone(),
                    None => {
                        let v = &self.verbs[ev.verb as usize];
                        (
                            format!("verb {} = {}", v.lemma, entry_code),
                            v.origin.clone(),
                        )
                    }
                };
                // PETRARCH multi-codes (`[ELR/GAL]`) name several actors: one event each.
                for (scode, tcode) in sc
                    .split('/')
                    .flat_map(|a| tc.split('/').map(move |b| (a, b)))
                {
                    let e = Event {
                        article_id: article.id.clone(),
                        date: article.date,
                        sentence_index: si,
                        sentence: sentence_text.to_string(),
                        source_code: scode.to_string(),
                        source_text: text[src.span[0]..src.span[1]].to_string(),
                        target_code: tcode.to_string(),
                        target_text: tgt
                            .map(|t| text[t.span[0]..t.span[1]].to_string())
                            .unwrap_or_default(),
                        event_label: cameo.map(|c| c.label.clone()).unwrap_or_default(),
                        quad_class: quad_class(&entry_code),
                        goldstein: cameo.map(|c| c.goldstein).unwrap_or(0.0),
                        plover: cameo.and_then(|c| c.plover.clone()),
                        event_root: root_code.clone(),
                        event_code: entry_code.clone(),
                        pattern: format!("{origin} {pattern_text}"),
                        source_span: src.span,
                        target_span: tgt.map(|t| t.span).unwrap_or([0, 0]),
                        verb_span: ev.verb_span,
                        sentence_span: span,
                        is_root_event: root,
                        sentence_tone: None,
                        article_tone: None,
                        action_geo: None,
                        source_geo: None,
                        target_geo: None,
                        quotes: Vec::new(),
                    };
                    if !out.events.iter().any(|x| {
                        x.sentence_index == si
                            && x.source_code == e.source_code
                            && x.target_code == e.target_code
                            && x.event_code == e.event_code
                    }) {
                        out.events.push(e);
                    }
                }
            }
            out.mentions.extend(
                mentions
                    .into_iter()
                    .filter(|m| !m.pronoun)
                    .map(|m| Mention {
                        sentence_index: si,
                        span: m.span,
                        code: m.code,
                        name: m.name,
                        kind: m.kind,
                    }),
            );
        }
        out
    }

    fn discard(&self, tokens: &[Token], ids: &[u32]) -> Option<(u32, bool)> {
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

    fn find_mentions(
        &self,
        text: &str,
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
                });
            }
            i += 1;
        }
        let _ = text;
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
                            let bare_country = p.code.as_ref().is_some_and(|c| c.len() == 3);
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
                    && n.code.as_ref().is_some_and(|c| c.len() == 3)
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
            }
            out.push(m);
            k += 1;
        }
        for m in &out {
            let Some(code) = &m.code else { continue };
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
            if code.len() >= 3 {
                ctx.last_country = Some(code[..3].to_string());
            }
        }
        out
    }

    /// Finds verbs and codes their events.
    fn code_sentence(
        &self,
        text: &str,
        tokens: &[Token],
        ids: &[u32],
        mentions: &[Found],
        mut trace: Option<&mut String>,
    ) -> Vec<RawEvent> {
        // Token -> mention index.
        let mut owner = vec![usize::MAX; tokens.len()];
        for (mi, m) in mentions.iter().enumerate() {
            for o in &mut owner[m.tok[0]..m.tok[1]] {
                *o = mi;
            }
        }
        // Verb candidates: (token start, token end, head token, verb, form).
        let mut cands: Vec<VerbHit> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if owner[i] != usize::MAX && !mentions[owner[i]].pronoun {
                i += 1;
                continue;
            }
            let mut best: Option<VerbHit> = None;
            if let Some(list) = self.verb_index.get(&ids[i]) {
                for &(v, f) in list {
                    let form = &self.verbs[v as usize].forms[f as usize];
                    let n = form.words.len();
                    if i + n > tokens.len() || ids[i..i + n] != form.words[..] {
                        continue;
                    }
                    if best.as_ref().is_none_or(|b| n > b.end - b.start) {
                        best = Some(VerbHit {
                            start: i,
                            end: i + n,
                            head: i + form.head,
                            verb: v,
                            participle: form.participle,
                            gerund: form.gerund,
                        });
                    }
                }
            }
            match best {
                Some(h) => {
                    let end = h.end;
                    if !self.looks_like_noun(tokens, ids, &h) {
                        cands.push(h);
                    } else if let Some(t) = trace.as_deref_mut() {
                        let _ = writeln!(
                            t,
                            "  verb {:?} skipped: used as a noun",
                            tokens[h.head].norm
                        );
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        let mut events = Vec::new();
        let paired_codes = self.dicts.semantics.paired_codes;
        let mut prev_source: Option<usize> = None;
        let mut prev_verb_end: usize = 0;
        let mut prev_coded = false;
        let mut prev_speech = false;
        for (ci, h) in cands.iter().enumerate() {
            let verb = &self.verbs[h.verb as usize];
            // Clause start: the previous boundary token before the verb.
            let clause_start = (0..h.start)
                .rev()
                .find(|&j| self.w.boundaries.contains(&ids[j]) && owner[j] == usize::MAX)
                .map_or(0, |j| j + 1);
            let clause_end = (h.end..tokens.len())
                .find(|&j| self.w.boundaries.contains(&ids[j]))
                .unwrap_or(tokens.len());
            let passive = h.participle
                && (h.start.saturating_sub(3)..h.start).any(|j| self.w.be.contains(&ids[j]))
                && !(h.start >= 1
                    && matches!(tokens[h.start - 1].norm.as_str(), "has" | "have" | "had"));
            let infinitive = h.start >= 1 && ids[h.start - 1] == self.w.to;
            // "did not attack", "failed to reach", "refused to meet" (the refusal itself
            // is coded by its own verb's patterns).
            let negated = (h.start.saturating_sub(3)..h.start)
                .any(|j| self.w.negations.contains(&ids[j]))
                || (h.start >= 2
                    && ids[h.start - 1] == self.w.to
                    && matches!(
                        tokens[h.start - 2].norm.as_str(),
                        "fail"
                            | "fails"
                            | "failed"
                            | "failing"
                            | "refuse"
                            | "refuses"
                            | "refused"
                            | "refusing"
                            | "decline"
                            | "declines"
                            | "declined"
                            | "declining"
                    ));
            let hypothetical =
                (clause_start..h.start).any(|j| self.w.hypothetical.contains(&ids[j]));
            // Gerunds after prepositions and infinitives after a coded verb belong to
            // the verb before them (its patterns can mention them).
            let gerund_after_prep =
                h.gerund && h.start >= 1 && self.w.prepositions.contains(&ids[h.start - 1]);
            let later_event = cands[ci + 1..].iter().any(|c| {
                self.verbs[c.verb as usize].code.active.is_some()
                    || !self.verbs[c.verb as usize].patterns.is_empty()
            });
            if let Some(t) = trace.as_deref_mut() {
                let _ = writeln!(
                    t,
                    "  verb {:?} ({}, default {}){}{}{}{}",
                    tokens[h.start..h.end]
                        .iter()
                        .map(|t| t.norm.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    verb.lemma,
                    verb.code.active.as_deref().unwrap_or("---"),
                    if passive { " passive" } else { "" },
                    if negated { " negated" } else { "" },
                    if infinitive { " infinitive" } else { "" },
                    if hypothetical { " hypothetical" } else { "" },
                );
            }
            // Source candidates.
            let subject = self.pick_source(
                ids,
                mentions,
                clause_start.max(if prev_speech { prev_verb_end } else { 0 }),
                h.start,
                prev_source,
                prev_coded && !prev_speech && prev_verb_end > 0,
            );
            // Pattern matching.
            let mut chosen: Option<(&CPattern, Option<usize>, Option<usize>)> = None;
            for p in &verb.patterns {
                if let Some((s, t)) = self.match_pattern(
                    p,
                    tokens,
                    ids,
                    &owner,
                    mentions,
                    h,
                    clause_start,
                    clause_end,
                ) {
                    chosen = Some((p, s, t));
                    break;
                }
            }
            let (code, pattern, src_slot, tgt_slot, matched_neg) = match chosen {
                Some((p, s, t)) => (
                    p.code.get(passive && !paired_codes).map(str::to_string),
                    Some(p.info),
                    s,
                    t,
                    p.mentions_negation,
                ),
                None => (
                    verb.code.get(passive && !paired_codes).map(str::to_string),
                    None,
                    None,
                    None,
                    false,
                ),
            };
            if let Some(t) = trace.as_deref_mut() {
                match pattern {
                    Some(p) => {
                        let (txt, o) = &self.pattern_info[p as usize];
                        let _ = writeln!(
                            t,
                            "    pattern {o} `{txt}` -> {}",
                            code.as_deref().unwrap_or("---")
                        );
                    }
                    None => {
                        let _ = writeln!(
                            t,
                            "    no pattern matched; default {}",
                            code.as_deref().unwrap_or("---")
                        );
                    }
                }
            }
            let mut skip_reason = None;
            if code.is_none() {
                skip_reason = Some("null code");
            } else if negated && !matched_neg {
                skip_reason = Some("negated");
            } else if hypothetical {
                skip_reason = Some("hypothetical");
            } else if gerund_after_prep && pattern.is_none() {
                skip_reason = Some("gerund after a preposition");
            } else if infinitive && prev_coded {
                skip_reason = Some("infinitive after a coded verb");
            } else if verb.speech && pattern.is_none() && later_event {
                skip_reason = Some("speech verb introducing another event");
            }
            // Roles.
            let (mut sources, mut targets): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
            if passive {
                let by_agent = (h.end..clause_end.min(h.end + 6))
                    .find(|&j| ids[j] == self.w.by)
                    .and_then(|j| {
                        (j + 1..clause_end.min(j + 4))
                            .find(|&k| owner[k] != usize::MAX)
                            .map(|k| owner[k])
                    });
                if let Some(s) = src_slot.or(by_agent) {
                    sources = self.compound(tokens, ids, mentions, s);
                }
                if let Some(t) = tgt_slot.or(subject) {
                    targets = self.compound(tokens, ids, mentions, t);
                }
            } else {
                if let Some(s) = src_slot.or(subject) {
                    sources = self.compound(tokens, ids, mentions, s);
                }
                // The object ends at a comma: "..., a senior official said" is not it.
                let object_end = (h.end..clause_end)
                    .find(|&j| {
                        // "..., a senior official said", "..., saying it would ...".
                        ids[j] == self.w.comma
                            && (ids.get(j + 1).is_some_and(|n| {
                                *n == self.w.the || *n == self.w.a || *n == self.w.an
                            }) || tokens.get(j + 1).is_some_and(|t| {
                                t.kind == TokenKind::Word
                                    && !t.capitalized
                                    && t.norm.len() > 5
                                    && t.norm.ends_with("ing")
                            }))
                    })
                    .unwrap_or(clause_end);
                let t = tgt_slot.or_else(|| {
                    (h.end..object_end)
                        .find(|&j| {
                            owner[j] != usize::MAX
                                && !sources.contains(&owner[j])
                                && mentions[owner[j]].code.is_some()
                        })
                        .map(|j| owner[j])
                });
                if let Some(t) = t {
                    targets = self.compound(tokens, ids, mentions, t);
                }
            }
            if let Some(t) = trace.as_deref_mut() {
                let names = |v: &[usize]| {
                    v.iter()
                        .map(|&m| {
                            format!(
                                "{:?}={}",
                                &text[mentions[m].span[0]..mentions[m].span[1]],
                                mentions[m].code.as_deref().unwrap_or("?")
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let _ = writeln!(
                    t,
                    "    source [{}] target [{}]{}",
                    names(&sources),
                    names(&targets),
                    skip_reason
                        .map(|r| format!(" -> dropped: {r}"))
                        .unwrap_or_default()
                );
            }
            if !sources.is_empty() {
                prev_source = Some(sources[0]);
            }
            prev_verb_end = h.end;
            prev_speech = verb.speech;
            if skip_reason.is_some() {
                if code.is_some() && !verb.speech {
                    prev_coded = true;
                }
                continue;
            }
            prev_coded = true;
            let verb_span = [tokens[h.start].start, tokens[h.end - 1].end];
            // "Gondor and Osgiliath renewed ties": a compound subject with no target of
            // a cooperative (symmetric) event acts on itself, each member on each other.
            let symmetric = code
                .as_deref()
                .and_then(|c| c.get(..2))
                .is_some_and(|r| matches!(r, "03" | "04" | "05" | "06"));
            if targets.is_empty() && sources.len() > 1 && symmetric {
                targets = sources.clone();
            }
            // TABARI paired codes `[032:033]`: the second code is the reverse event.
            let paired = self.dicts.semantics.paired_codes;
            let reverse = if paired {
                let pair = chosen_code_pair(
                    &verb.code,
                    pattern
                        .and_then(|p| verb.patterns.iter().find(|x| x.info == p).map(|x| &x.code)),
                );
                if pair.paired || pair.passive != pair.active {
                    pair.passive.clone()
                } else {
                    None
                }
            } else {
                None
            };
            if let Some(rc) = reverse {
                for &s in &sources {
                    for &t in &targets {
                        if t != s {
                            events.push(RawEvent {
                                source: t,
                                target: Some(s),
                                code: Some(rc.clone()),
                                pattern,
                                verb: h.verb,
                                verb_span,
                            });
                        }
                    }
                }
            }
            for &s in &sources {
                if targets.is_empty() {
                    events.push(RawEvent {
                        source: s,
                        target: None,
                        code: code.clone(),
                        pattern,
                        verb: h.verb,
                        verb_span,
                    });
                }
                for &t in &targets {
                    if t != s {
                        events.push(RawEvent {
                            source: s,
                            target: Some(t),
                            code: code.clone(),
                            pattern,
                            verb: h.verb,
                            verb_span,
                        });
                    }
                }
            }
        }
        events
    }

    /// A verb form used as a noun: after a determiner or possessive ("the attack",
    /// "Russia's attack"), or before "of" after an adjective.
    fn looks_like_noun(&self, tokens: &[Token], ids: &[u32], h: &VerbHit) -> bool {
        if h.start == 0 {
            return false;
        }
        let prev = ids[h.start - 1];
        if self.w.determiners.contains(&prev) || tokens[h.start - 1].kind == TokenKind::Possessive {
            return true;
        }
        // "a US attack", "an anti-Gondor parade": an indefinite article, then a name.
        if !h.participle && !h.gerund {
            let mut j = h.start;
            let mut steps = 0;
            while j > 0
                && steps < 5
                && (tokens[j - 1].capitalized
                    || matches!(tokens[j - 1].norm.as_str(), "-" | "anti" | "pro"))
            {
                j -= 1;
                steps += 1;
            }
            if steps > 0 && j > 0 && matches!(tokens[j - 1].norm.as_str(), "a" | "an") {
                return true;
            }
        }
        // "a brief private visit": a determiner, then only lower-case modifiers. Past
        // and -ing forms are verbs there ("its allies demanded").
        for back in (2..=3).filter(|_| !h.participle && !h.gerund) {
            if h.start < back {
                break;
            }
            let j = h.start - back;
            let between_ok = (j + 1..h.start).all(|k| {
                tokens[k].kind == TokenKind::Word
                    && !tokens[k].capitalized
                    && !self.w.prepositions.contains(&ids[k])
                    && !self.w.be.contains(&ids[k])
                    && !self.w.negations.contains(&ids[k])
                    && !matches!(
                        tokens[k].norm.as_str(),
                        "to" | "and"
                            | "or"
                            | "will"
                            | "would"
                            | "has"
                            | "have"
                            | "had"
                            | "then"
                            | "also"
                            | "not"
                    )
            });
            if !between_ok {
                break;
            }
            if matches!(
                tokens[j].norm.as_str(),
                "a" | "an" | "the" | "its" | "their" | "his" | "her"
            ) {
                return true;
            }
        }
        // "an attack", "a visit"; numbers: "two visits"
        if tokens[h.start - 1].kind == TokenKind::Number {
            return true;
        }
        false
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

    /// The subject: the leftmost actor in the clause before the verb that is not inside
    /// a prepositional phrase; a verb joined to the previous one by "and" shares its
    /// subject.
    fn pick_source(
        &self,
        ids: &[u32],
        mentions: &[Found],
        from: usize,
        verb_start: usize,
        prev_source: Option<usize>,
        inherit: bool,
    ) -> Option<usize> {
        let in_range: Vec<usize> = mentions
            .iter()
            .enumerate()
            // A mention without a code (an agent with no country known) cannot act.
            .filter(|(_, m)| m.tok[0] >= from && m.tok[1] <= verb_start && m.code.is_some())
            .map(|(i, _)| i)
            .collect();
        if inherit {
            if let Some(p) = prev_source {
                // "X condemned Y and promised Z": shared subject unless an actor sits right
                // before the verb ("..., and Y responded").
                let last_close = in_range.last().is_some_and(|&m| {
                    mentions[m].tok[1] + 1 >= verb_start
                        && !ids[mentions[m].tok[1]..verb_start].contains(&self.w.and)
                });
                if !last_close || in_range.is_empty() {
                    return Some(p);
                }
            }
        }
        let mut fallback = None;
        for &m in &in_range {
            let start = mentions[m].tok[0];
            let preceded_by_prep = start > 0
                && self.w.prepositions.contains(&ids[start - 1])
                && ids[start - 1] != self.w.of;
            let preceded_by_prep2 = start > 1
                && self.w.prepositions.contains(&ids[start - 2])
                && self.w.determiners.contains(&ids[start - 1]);
            if !(preceded_by_prep || preceded_by_prep2) {
                // "bin Laden's al-Qaeda threatened": the possessed actor acts.
                let end = mentions[m].tok[1];
                if let Some(next) = mentions.get(m + 1) {
                    if end < ids.len()
                        && ids[end] == self.w.possessive
                        && next.tok[0] == end + 1
                        && next.code.is_some()
                        && next.tok[1] <= verb_start
                    {
                        return Some(m + 1);
                    }
                }
                return Some(m);
            }
            fallback.get_or_insert(m);
        }
        fallback.or(if in_range.is_empty() {
            prev_source
        } else {
            None
        })
    }

    /// The mention and any actors joined to it with "and" or commas.
    fn compound(
        &self,
        tokens: &[Token],
        ids: &[u32],
        mentions: &[Found],
        first: usize,
    ) -> Vec<usize> {
        let mut out = vec![first];
        let mut cur = first;
        while cur + 1 < mentions.len() {
            let a = &mentions[cur];
            let b = &mentions[cur + 1];
            let gap = &ids[a.tok[1]..b.tok[0]];
            // "A and B", "A, B", "A and the awful B": conjunctions plus articles and
            // lower-case modifiers that are not verbs.
            let joined = !gap.is_empty()
                && gap.len() <= 4
                && gap.iter().any(|&g| g == self.w.and || g == self.w.comma)
                && (a.tok[1]..b.tok[0]).all(|j| {
                    let g = ids[j];
                    g == self.w.and
                        || g == self.w.comma
                        || g == self.w.the
                        || (tokens[j].kind == TokenKind::Word
                            && !tokens[j].capitalized
                            && !self.verb_index.contains_key(&g)
                            && !self.w.prepositions.contains(&g)
                            && !self.w.boundaries.contains(&g))
                });
            if !joined || b.pronoun {
                break;
            }
            out.push(cur + 1);
            cur += 1;
        }
        out
    }

    #[allow(clippy::too_many_arguments)] // the matching context is naturally wide
    fn match_pattern(
        &self,
        p: &CPattern,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        h: &VerbHit,
        clause_start: usize,
        clause_end: usize,
    ) -> Option<(Option<usize>, Option<usize>)> {
        let mut src = None;
        let mut tgt = None;
        // After the verb, left to right.
        let mut pos = h.end;
        for (e, adjacent) in &p.post {
            let limit = if *adjacent {
                pos
            } else {
                (pos + self.options.max_gap).min(clause_end.max(pos))
            };
            let mut found = None;
            let mut j = pos;
            while j <= limit && j <= tokens.len() {
                if let Some((end, m)) = self.elem_at(e, ids, owner, mentions, j, true) {
                    found = Some((end, m));
                    break;
                }
                if j >= tokens.len() {
                    break;
                }
                j += 1;
            }
            let (end, m) = found?;
            match e {
                CElem::Target => tgt = m,
                CElem::Source => src = m,
                _ => {}
            }
            pos = end;
        }
        // Before the verb, right to left.
        let mut pos = h.start; // exclusive end of the region to the left
        for (e, adjacent) in &p.pre {
            let lowest = if *adjacent {
                pos
            } else {
                pos.saturating_sub(self.options.max_gap)
                    .max(clause_start.min(pos))
            };
            let mut found = None;
            let mut j = pos;
            loop {
                // element must end at j
                if let Some((start, m)) = self.elem_ending_at(e, ids, owner, mentions, j) {
                    found = Some((start, m));
                    break;
                }
                if j == 0 || j <= lowest {
                    break;
                }
                j -= 1;
            }
            let (start, m) = found?;
            match e {
                CElem::Target => tgt = m,
                CElem::Source => src = m,
                _ => {}
            }
            pos = start;
        }
        Some((src, tgt))
    }

    /// Matches an element starting at token `j`; returns (end, mention).
    fn elem_at(
        &self,
        e: &CElem,
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        j: usize,
        _forward: bool,
    ) -> Option<(usize, Option<usize>)> {
        match e {
            CElem::Compound => Some((j, None)),
            CElem::Skip => {
                // Skip a noun phrase: the next actor (after up to three words such as
                // "the"), else one word.
                if j >= owner.len() {
                    return None;
                }
                (j..(j + 4).min(owner.len()))
                    .find(|&k| owner[k] != usize::MAX)
                    .map(|k| (mentions[owner[k]].tok[1], None))
                    .or(Some((j + 1, None)))
            }
            CElem::Target | CElem::Source => {
                if j < owner.len() && owner[j] != usize::MAX && mentions[owner[j]].tok[0] == j {
                    let m = owner[j];
                    Some((mentions[m].tok[1], Some(m)))
                } else {
                    None
                }
            }
            CElem::Words(alts) => {
                for alt in alts {
                    if j + alt.len() <= ids.len()
                        && alt
                            .iter()
                            .enumerate()
                            .all(|(k, set)| set.contains(&ids[j + k]))
                    {
                        return Some((j + alt.len(), None));
                    }
                }
                None
            }
        }
    }

    /// Matches an element ending at token `j` (exclusive); returns (start, mention).
    fn elem_ending_at(
        &self,
        e: &CElem,
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        j: usize,
    ) -> Option<(usize, Option<usize>)> {
        match e {
            CElem::Compound => Some((j, None)),
            CElem::Skip => {
                if j == 0 {
                    None
                } else if owner[j - 1] != usize::MAX {
                    Some((mentions[owner[j - 1]].tok[0], None))
                } else {
                    Some((j - 1, None))
                }
            }
            CElem::Target | CElem::Source => {
                if j >= 1 && owner[j - 1] != usize::MAX && mentions[owner[j - 1]].tok[1] == j {
                    let m = owner[j - 1];
                    Some((mentions[m].tok[0], Some(m)))
                } else {
                    None
                }
            }
            CElem::Words(alts) => {
                for alt in alts {
                    let n = alt.len();
                    if j >= n
                        && alt
                            .iter()
                            .enumerate()
                            .all(|(k, set)| set.contains(&ids[j - n + k]))
                    {
                        return Some((j - n, None));
                    }
                }
                None
            }
        }
    }
}

/// Word ids a pattern word accepts: the word, its plurals, and for a `word*` stem
/// nothing extra (stems are matched by the trie only).
fn word_ids(vocab: &mut Vocab, w: &str) -> Vec<u32> {
    let mut v = vec![vocab.intern(w)];
    for p in crate::dict::plurals(w) {
        v.push(vocab.intern(&p));
    }
    v
}

fn chosen_code_pair(verb: &CodePair, pattern: Option<&CodePair>) -> CodePair {
    pattern.unwrap_or(verb).clone()
}

fn apply_agent(base: &str, agent: &str) -> String {
    if let Some(suffix) = agent.strip_prefix('~') {
        // "White House officials": USAGOV already says GOV.
        if base.len() > 3 && base[3..].contains(suffix) {
            return base.to_string();
        }
        format!("{base}{suffix}")
    } else if let Some(prefix) = agent.strip_suffix('~') {
        format!("{prefix}{base}")
    } else {
        agent.to_string()
    }
}

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
    }
}

/// A mention under construction, with token positions.
#[derive(Clone, Debug)]
struct Found {
    tok: [usize; 2],
    span: [usize; 2],
    code: Option<String>,
    name: String,
    kind: ActorKind,
    /// Set for an agent not yet composed: its code as written.
    agent: Option<String>,
    pronoun: bool,
}

#[derive(Clone, Debug)]
struct VerbHit {
    start: usize,
    end: usize,
    head: usize,
    verb: u32,
    participle: bool,
    gerund: bool,
}

struct RawEvent {
    source: usize,
    target: Option<usize>,
    code: Option<String>,
    pattern: Option<u32>,
    verb: u32,
    verb_span: [usize; 2],
}

type Carried = Option<(String, String, ActorKind)>;

/// Within-article memory for pronouns and short references.
#[derive(Default)]
struct Context {
    last_person: Carried,
    last_thing: Carried,
    last_plural: Carried,
    last_agent: Carried,
    last_country: Option<String>,
}

#[allow(dead_code)]
const _ASSERT_SYNC: fn() = || {
    fn is_send_sync<T: Send + Sync>() {}
    is_send_sync::<Coder>();
};
