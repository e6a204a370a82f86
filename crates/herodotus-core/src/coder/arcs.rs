//! Sources and targets from the dependency parse (issue 9 item 4, issue 10 item 2).
//!
//! When a sentence was parsed (it has a coded actor and a verb candidate, see
//! [`super::verbs`]), the roles of a verb come from its arcs, as UniversalPetrarch
//! reads them:
//!
//! - **subject**: the verb's `nsubj` (active) or `nsubj:pass` (passive; then it is
//!   the target, and the `obl:agent` / "by X" oblique the source);
//! - **object**: `obj`, then `iobj`, then an `obl` whose case is with, against, to,
//!   on or at;
//! - no subject of its own: a conjoined verb shares its head verb's subject ("A
//!   condemned B and praised C"), an `xcomp` takes its controller's ("A wants to
//!   meet B"), a relative clause takes its noun ("Iraq, which rejected ...");
//!   a reported clause (`ccomp`) keeps its own subject, never the speaker's;
//! - a noun phrase gives its own actor mention, else the first coded actor among
//!   its possessive, compound, adjective or apposition modifiers ("Washington's
//!   move", "Mexican authorities"), never one in a clause or a prepositional
//!   phrase ("the release of the hostages" is no act of the hostages).
//!
//! Whatever the parse does not give (no arc, or an arc to a word that is no actor)
//! is left to the token heuristics of [`super::clause`].

use super::mentions::Found;
use super::verbs::VerbHit;
use crate::syntax::{Analysis, DepRel, Model};
use crate::tokens::Token;
use std::cell::RefCell;

/// Roles of one verb read off the parse (mention indices).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct ArcRoles {
    /// The actor of the active subject, the passive agent, or the shared subject.
    pub(super) source: Option<usize>,
    /// The object, the oblique target, or the passive subject.
    pub(super) target: Option<usize>,
    /// The verb has a passive subject (`nsubj:pass`).
    pub(super) passive: bool,
    /// The parse names a subject for the verb (its own or shared), actor or not.
    pub(super) has_subject: bool,
    /// The verb has an object (`obj`), actor or not.
    pub(super) has_object: bool,
    /// The parse names the verb's own subject and it stands for no actor: a
    /// personal pronoun left unresolved ('"we will ask ..."' with no speaker found)
    /// or a relative pronoun whose noun is no actor ("a wave of protests that
    /// helped B"). Then no other actor of the sentence is the source (issue 10
    /// class: a verb whose subject is a non-actor noun).
    pub(super) subject_not_actor: bool,
}

/// How far the search for a subject climbs (conj, xcomp, relcl chains).
const MAX_CLIMB: usize = 6;

/// Prepositions whose oblique is a target ("talks with B", "sanctions against B",
/// "aid to B", "pressure on B").
const TARGET_CASES: &[&str] = &["with", "against", "to", "on", "at"];

/// Verbs whose object is the subject of their complement (UD object control):
/// "allowed them to visit C", "helped him enter C", "forced B to withdraw".
const OBJECT_CONTROL: &[&str] = &[
    "allow",
    "ask",
    "authorize",
    "authorise",
    "compel",
    "enable",
    "encourage",
    "force",
    "help",
    "invite",
    "order",
    "permit",
    "persuade",
    "press",
    "pressure",
    "push",
    "require",
    "tell",
    "urge",
    "want",
];

/// Participles of mediation: their "by" agent is a go-between ([`Arcs::mediator`]).
pub(super) const MEDIATED: &[&str] = &["brokered", "mediated", "facilitated", "hosted", "arranged"];

/// Nouns of a document: a participle on one ("a statement urging B to V", "a
/// resolution calling on B", "a bill supporting B") is the act of its author, the
/// subject of the verb that issued it (issue 10 class "acts told through a
/// document").
pub(super) const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "resolution",
    "letter",
    "motion",
    "declaration",
    "communique",
    "communiqué",
    "petition",
    "message",
    "bill",
    "report",
    "decree",
    "order",
    "note",
];

/// Nouns of agreement or plan whose "for B to V" says what B is to do under them
/// (issue 10 class: places and parties of another act taken as targets).
const DEAL_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "deal",
    "deals",
    "accord",
    "plan",
    "plans",
    "proposal",
    "framework",
    "timetable",
    "timeline",
    "deadline",
    "roadmap",
    "arrangement",
];

/// A parse of a window with the mention owning each token.
pub(super) struct Arcs<'a> {
    pub(super) a: &'a Analysis,
    /// The model that parsed it: the relations are labelled when first read (see
    /// [`Model::parse_tagged_unlabelled`]).
    pub(super) model: &'a Model,
    pub(super) tokens: &'a [Token],
    pub(super) owner: &'a [usize],
    pub(super) mentions: &'a [Found],
    /// Relations read so far, by word.
    pub(super) rels: RefCell<Vec<Option<DepRel>>>,
}

impl Arcs<'_> {
    /// The relation of word `i` to its head, labelled on first use.
    fn rel(&self, i: usize) -> DepRel {
        let mut rels = self.rels.borrow_mut();
        if rels.len() != self.a.len() {
            rels.clear();
            rels.resize(self.a.len(), None);
        }
        match rels.get(i) {
            Some(Some(r)) => *r,
            Some(None) => {
                let r = self.model.relation(self.a, i);
                rels[i] = Some(r);
                r
            }
            None => DepRel::Dep,
        }
    }

    fn head(&self, i: usize) -> Option<usize> {
        let h = self.a.head[i] as usize;
        (h > 0).then(|| h - 1)
    }

    /// Children of word `h`, in order.
    fn children(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.a.len()).filter(move |&i| self.a.head[i] as usize == h + 1)
    }

    /// The syntactic verb of a candidate: the word of its form that heads the rest
    /// ("held" in "held talks", "attacked" in "attacked").
    pub(super) fn verb_word(&self, h: &VerbHit) -> usize {
        let inside = |i: usize| (h.start..h.end).contains(&i);
        (h.start..h.end)
            .filter(|&i| self.a.upos[i].is_verbal())
            .find(|&i| self.head(i).is_none_or(|p| !inside(p)))
            .unwrap_or(h.head)
    }

    /// The coded actor a nominal word stands for: its own mention, else the first
    /// coded mention among its modifiers (possessive, compound, "of" phrase,
    /// apposition, adjective), not looking into clauses.
    fn actor_of(&self, w: usize) -> Option<usize> {
        self.actor_of_depth(w, 0)
    }

    fn actor_of_depth(&self, w: usize, depth: usize) -> Option<usize> {
        let o = self.owner[w];
        if o != usize::MAX {
            let m = &self.mentions[o];
            // "Mexican immigration authorities", where "authorities" alone took the
            // article's country: the named modifier wins over the inferred one.
            if m.inferred && depth == 0 {
                if let Some(named) = self.modifier_actor(w, depth).filter(|&n| n != o) {
                    if !self.mentions[named].inferred {
                        return Some(named);
                    }
                }
            }
            return m.code.is_some().then_some(o);
        }
        if depth >= 2 {
            return None;
        }
        self.modifier_actor(w, depth)
    }

    /// The first coded actor among the nominal modifiers of word `w`.
    fn modifier_actor(&self, w: usize, depth: usize) -> Option<usize> {
        self.children(w)
            // Not an "of" phrase: "the release of the hostages" is no act of theirs.
            .filter(|&c| {
                matches!(
                    self.rel(c),
                    DepRel::NmodPoss
                        | DepRel::Compound
                        | DepRel::Amod
                        | DepRel::Appos
                        | DepRel::Flat
                )
            })
            .find_map(|c| self.actor_of_depth(c, depth + 1))
    }

    /// The preposition marking nominal `w` ("with" in "with B"), lower-cased.
    fn case_of(&self, w: usize) -> Option<&str> {
        self.children(w)
            .find(|&c| self.rel(c) == DepRel::Case)
            .map(|c| self.tokens[c].norm.as_str())
    }

    /// Relative pronouns: a relative clause whose subject is one of them takes its
    /// noun as subject.
    fn relative_pronoun(&self, w: usize) -> bool {
        matches!(
            self.tokens[w].norm.as_str(),
            "which" | "who" | "that" | "whom"
        )
    }

    /// The noun a relative pronoun at `c` follows: the word before it, past closing
    /// quotation marks and brackets; `None` when that is no noun (the pronoun opens
    /// the sentence, or a comma or a verb comes before it).
    fn noun_before(&self, c: usize) -> Option<usize> {
        let mut k = c;
        while k > 0 && matches!(self.tokens[k - 1].norm.as_str(), "\"" | "'" | ")") {
            k -= 1;
        }
        let n = k.checked_sub(1)?;
        matches!(
            self.a.upos[n],
            crate::syntax::Upos::Noun | crate::syntax::Upos::Propn
        )
        .then_some(n)
    }

    /// Whether the phrase of noun `n` (its words and their modifiers, not the
    /// clause headed by verb `v`) holds a coded actor.
    fn phrase_has_actor(&self, n: usize, v: usize) -> bool {
        (0..self.a.len()).any(|i| {
            let o = self.owner[i];
            if o == usize::MAX || self.mentions[o].code.is_none() {
                return false;
            }
            let mut cur = i;
            for _ in 0..MAX_CLIMB * 2 {
                if cur == n {
                    return true;
                }
                if cur == v {
                    return false;
                }
                match self.head(cur) {
                    Some(h) => cur = h,
                    None => return false,
                }
            }
            false
        })
    }

    /// Word `c` is a personal pronoun inside a quotation that no actor was found
    /// for (a coded mention of its own would have been taken): '"We will ask the
    /// court ...," he added' when the speaker is not known.
    fn unresolved_pronoun(&self, c: usize) -> bool {
        let quoted = self.tokens[..c].iter().filter(|t| t.norm == "\"").count() % 2 == 1;
        quoted
            && matches!(
                self.tokens[c].norm.as_str(),
                "he" | "she" | "they" | "we" | "i"
            )
            && self.a.upos[c] == crate::syntax::Upos::Pron
            && (self.owner[c] == usize::MAX || self.mentions[self.owner[c]].code.is_none())
    }

    /// Whether mention `m` is the subject of an infinitive that completes a noun of
    /// agreement or plan ("talks on a deal for US troops to leave", "a timetable
    /// for Iran to comply"): the content of the deal, not the verb's target. Not
    /// after nouns of appeal or aid ("a call for B to V" asks B, "aid for B to
    /// rebuild" goes to B), which are not in the list.
    pub(super) fn subject_of_noun_infinitive(&self, m: usize) -> bool {
        let [s, e] = self.mentions[m].tok;
        let mut b = s;
        while b > 0 && matches!(self.tokens[b - 1].norm.as_str(), "the" | "a" | "an" | "all") {
            b -= 1;
        }
        b >= 2
            && self.tokens[b - 1].norm == "for"
            && DEAL_NOUNS.contains(&self.tokens[b - 2].norm.as_str())
            && self.tokens.get(e).is_some_and(|t| t.norm == "to")
            && e + 1 < self.a.len()
            && self.a.upos[e + 1] == crate::syntax::Upos::Verb
    }

    /// Whether mention `m` is reached from verb word `v` through a "by V-ing"
    /// clause ("charged B with espionage by publishing files about C"): the means
    /// or the deed of an adjunct clause, whose objects are not `v`'s target.
    pub(super) fn through_by_clause(&self, m: usize, v: usize) -> bool {
        let by_clause = |h: usize| {
            self.a.upos[h] == crate::syntax::Upos::Verb
                && self.tokens[h].norm.ends_with("ing")
                && self
                    .children(h)
                    .any(|c| c < h && self.tokens[c].norm == "by")
        };
        self.climb(m, v, by_clause) == Some(false)
    }

    /// Whether verb word `v` is passive by the parse: a passive auxiliary ("was",
    /// "has been") among its children. The subject label alone is not trusted
    /// (the labeller sometimes calls an active subject `nsubj:pass`). A participle
    /// joined to a passive verb whose subject is an actor, with no subject,
    /// auxiliary or object of its own, shares its voice ("was caught by police and
    /// deported from Arizona", "were arrested and charged"; issue 10 class
    /// "coordinated passives"); with a subject that is no actor the "-ed" form is
    /// as often an active past ("the deaths were caused by ... and called on B",
    /// misparsed). The caller checks that `v` is a participle.
    pub(super) fn passive(&self, v: usize) -> bool {
        let own = |v: usize| self.children(v).any(|c| self.rel(c) == DepRel::AuxPass);
        let actor_subject = |h: usize| {
            self.children(h)
                .any(|c| self.rel(c) == DepRel::NsubjPass && self.actor_of(c).is_some())
        };
        own(v)
            || (self.rel(v) == DepRel::Conj
                && self.head(v).is_some_and(|h| own(h) && actor_subject(h))
                && !self.children(v).any(|c| {
                    matches!(
                        self.rel(c),
                        DepRel::Nsubj
                            | DepRel::NsubjPass
                            | DepRel::Aux
                            | DepRel::AuxPass
                            | DepRel::Obj
                    )
                }))
    }

    /// The roles of verb word `v`, `passive` as decided by the caller.
    pub(super) fn roles(&self, v: usize, passive: bool) -> ArcRoles {
        let mut r = ArcRoles {
            passive,
            ..ArcRoles::default()
        };
        let mut subject = None;
        let mut first_subject = None;
        let mut agent = None;
        let mut obj = None;
        let mut iobj = None;
        let mut obl = None;
        for c in self.children(v) {
            match self.rel(c) {
                DepRel::Nsubj | DepRel::NsubjPass | DepRel::NsubjOuter => {
                    let first = !r.has_subject;
                    r.has_subject = true;
                    let s = if self.relative_pronoun(c) {
                        // The relative clause's noun: its head, or (when the clause
                        // was attached elsewhere: "a wave of protests that helped B"
                        // read as an adverbial clause of the main verb) the noun
                        // right before the pronoun. A noun with no actor anywhere in
                        // its phrase ("a wave of protests") leaves the verb without
                        // a source; one with an actor the heuristics may still use
                        // ("members of Hamas who fired ...").
                        let noun = if self.rel(v) == DepRel::AclRelcl {
                            self.head(v)
                        } else {
                            self.noun_before(c)
                        };
                        if first && noun.is_some_and(|n| !self.phrase_has_actor(n, v)) {
                            r.subject_not_actor = true;
                        }
                        self.relcl_noun(v)
                    } else {
                        let s = self.actor_of(c);
                        // Two subjects is a misparse ('"At the (EU) summit we will
                        // urge ..."' with the bracketed name as a subject too): the
                        // one nearer the verb, before it, is the subject.
                        let nearer = first_subject.is_some_and(|f| f < c && c < v);
                        if (first || nearer) && s.is_none() && self.unresolved_pronoun(c) {
                            r.subject_not_actor = true;
                            if nearer {
                                subject = None;
                            }
                        }
                        s
                    };
                    if first {
                        first_subject = Some(c);
                    }
                    subject = subject.or(s);
                }
                DepRel::OblAgent => agent = agent.or(self.actor_of(c)),
                // "by X" is the agent whatever label the labeller gave it (it
                // sometimes calls it obj or nmod).
                _ if self.case_of(c) == Some("by") => {
                    agent = agent.or(self.actor_of(c));
                }
                // An "object" with a preposition of its own ("tweeted soon after the
                // committee concluded ...") is a misread oblique: no target unless
                // the preposition is one that marks targets.
                DepRel::Obj | DepRel::Iobj
                    if self.case_of(c).is_some_and(|p| !TARGET_CASES.contains(&p)) => {}
                DepRel::Obj => {
                    r.has_object = true;
                    obj = obj.or(self.actor_of(c));
                }
                DepRel::Iobj => iobj = iobj.or(self.actor_of(c)),
                DepRel::Obl if self.case_of(c).is_some_and(|p| TARGET_CASES.contains(&p)) => {
                    obl = obl.or(self.actor_of(c));
                }
                _ => {}
            }
        }
        if !r.has_subject {
            if let Some(author) = self.document_author(v) {
                // "A issued a statement urging B to V": A urged B.
                subject = Some(author);
                r.has_subject = true;
                r.source = subject;
                r.target = obj.or(iobj).or(obl);
                return r;
            }
            let (s, named) = self.inherited_subject(v);
            subject = s;
            r.has_subject = named;
            // A participle on a noun that is no actor ("the formula granting B
            // autonomy", "a law banning C's media"): the noun does the act, and no
            // actor elsewhere in the sentence is its source (issue 10 class
            // "participles that describe a noun").
            if named
                && s.is_none()
                && (self.rel(v) == DepRel::Acl
                    || self
                        .controlling_object(v)
                        .is_some_and(|o| self.actor_of(o).is_none()))
            {
                r.subject_not_actor = true;
            } else if !named && self.participle_on_noun_before(v) {
                // The same participle read as an adverbial clause ("committed to
                // the framework granting B autonomy"): the noun right before it.
                subject = self.actor_of(v - 1);
                r.has_subject = true;
                r.subject_not_actor = subject.is_none();
            }
        } else if subject.is_none()
            && first_subject.is_some_and(|c| c < v && self.is_noun(c))
            && self.bare_ing_form(v)
        {
            // The same participle read as a clause with the noun for its subject:
            // an "-ing" verb with no auxiliary is no finite verb.
            r.subject_not_actor = true;
        }
        if passive && agent.is_none() {
            // "were killed and wounded by B", "was summoned and reprimanded by B":
            // the agent of the last of joined passives is the agent of them all
            // (issue 10 class "coordinated passives").
            agent = self
                .children(v)
                .filter(|&c| self.rel(c) == DepRel::Conj && c > v && self.passive(c))
                .flat_map(|c| self.children(c))
                .find(|&d| self.rel(d) == DepRel::OblAgent || self.case_of(d) == Some("by"))
                .and_then(|d| self.actor_of(d));
        }
        if passive {
            r.source = agent;
            r.target = subject;
        } else {
            r.source = subject;
            r.target = obj.or(iobj).or(obl);
        }
        r
    }

    /// The author of the document a present participle `v` describes ("A issued a
    /// statement urging B", "A passed a resolution calling on B", "in a letter
    /// asking B"): the document's own actor ("the UN resolution"), else the coded
    /// subject of the verb whose object (or "in" phrase) the document noun is (see
    /// [`DOCUMENT_NOUNS`]).
    fn document_author(&self, v: usize) -> Option<usize> {
        if self.rel(v) != DepRel::Acl || !self.tokens[v].norm.ends_with("ing") {
            return None;
        }
        let n = self.head(v)?;
        if !DOCUMENT_NOUNS.contains(&self.tokens[n].norm.as_str())
            || !matches!(self.rel(n), DepRel::Obj | DepRel::Obl)
            || self.rel(n) == DepRel::Obl && self.case_of(n) != Some("in")
        {
            return None;
        }
        // "the UN resolution calling on B": the document's own actor wrote it.
        if let Some(own) = self.actor_of(n) {
            return Some(own);
        }
        let g = self.head(n)?;
        self.children(g)
            .find(|&c| self.rel(c) == DepRel::Nsubj)
            .and_then(|c| self.actor_of(c))
    }

    /// Verb word `v` is in a non-restrictive relative clause (", which seized the
    /// city", ", whose parliament rejected ..."), or joined to one by `conj` or
    /// `xcomp`: a
    /// standing situation or background, not news (CODING-GUIDE).
    pub(super) fn in_nonrestrictive_relative(&self, v: usize) -> bool {
        let mut cur = v;
        for _ in 0..MAX_CLIMB {
            let opened = self.children(cur).any(|c| {
                if !matches!(self.rel(c), DepRel::Nsubj | DepRel::NsubjPass | DepRel::Obj) {
                    return false;
                }
                // "which", or "whose" before the noun.
                let first = self
                    .children(c)
                    .filter(|&d| d < c)
                    .min()
                    .unwrap_or(c)
                    .min(c);
                matches!(
                    self.tokens[first].norm.as_str(),
                    "which" | "who" | "whose" | "whom"
                ) && first > 0
                    && matches!(
                        self.tokens[first - 1].norm.as_str(),
                        "," | "-" | "–" | "—" | "("
                    )
            });
            if opened || self.relative_opener_before(cur) {
                return true;
            }
            // Only a conjunct joined by "and/or" shares the clause: a comma alone is
            // often a misparse of the main verb after the relative clause.
            let joined = self.children(cur).any(|c| self.rel(c) == DepRel::Cc);
            match (self.rel(cur), self.head(cur)) {
                (DepRel::Conj, Some(h)) if joined => cur = h,
                // "who have long refused to negotiate": the infinitive is in it too
                // (not a verb after a comma: the main verb misparsed as an xcomp).
                (DepRel::Xcomp, Some(h)) if !self.comma_between(h, cur) => cur = h,
                _ => return false,
            }
        }
        false
    }

    /// Verb word `v` is a participle or clause on a noun (`acl`, not a relative
    /// clause): "clashes erupted between A and B" parsed with "erupted" describing
    /// "clashes". The noun, not an actor, is what the verb tells of.
    pub(super) fn on_noun(&self, v: usize) -> bool {
        self.rel(v) == DepRel::Acl
    }

    /// Verb word `v` is a gerund that is the subject of its clause ("decided that
    /// rolling back the tariffs requires concessions", "said that sending troops
    /// had been a mistake"): it names an act to discuss, not one that happened
    /// (issue 10 class "gerund subjects"). Read from the `csubj` arc, or from an
    /// "-ing" form right after the complementiser "that" or "whether", where the
    /// parser, trained on little data, often misses the arc.
    pub(super) fn gerund_subject(&self, v: usize) -> bool {
        self.bare_ing_form(v)
            && !self
                .children(v)
                .any(|c| matches!(self.rel(c), DepRel::Nsubj | DepRel::NsubjPass))
            && (matches!(self.rel(v), DepRel::Csubj | DepRel::CsubjPass)
                || (v >= 1 && matches!(self.tokens[v - 1].norm.as_str(), "that" | "whether")))
    }

    /// Verb word `v` is in the pluperfect ("had held talks", "had been holding
    /// talks") in the main clause, or joined to it, of a sentence that no speech
    /// verb governs: a past before the story's past, told as background ("the
    /// investigation had been shelved in 2017"; issue 10 class "background in the
    /// pluperfect"). Under a report ("officials said forces had launched a raid")
    /// the pluperfect is only the shifted tense of the news and is kept.
    pub(super) fn pluperfect_main_clause(&self, v: usize) -> bool {
        let main = match self.rel(v) {
            DepRel::Root => true,
            DepRel::Conj => self.head(v).is_some_and(|h| self.rel(h) == DepRel::Root),
            _ => false,
        };
        main && {
            // The auxiliary "had" of `v`, or of the conjunct it shares them with.
            let had = |w: usize| {
                self.children(w).any(|c| {
                    matches!(self.rel(c), DepRel::Aux | DepRel::AuxPass)
                        && self.tokens[c].norm == "had"
                })
            };
            had(v) || (self.rel(v) == DepRel::Conj && self.head(v).is_some_and(had))
        }
    }

    /// Verb word `v` is an "-ing" form right after a common noun, with no subject,
    /// auxiliary or subordinator of its own, that the parser made an adverbial
    /// clause: a participle on that noun ("the framework granting B autonomy").
    fn participle_on_noun_before(&self, v: usize) -> bool {
        v >= 1
            && self.rel(v) == DepRel::Advcl
            && self.a.upos[v - 1] == crate::syntax::Upos::Noun
            && self.bare_ing_form(v)
            && !self
                .children(v)
                .any(|c| self.rel(c) == DepRel::Mark || self.tokens[c].norm == "to")
    }

    /// Verb word `v` is an "-ing" form with no auxiliary or copula of its own: no
    /// finite verb, a participle or a gerund.
    fn bare_ing_form(&self, v: usize) -> bool {
        self.tokens[v].norm.ends_with("ing")
            && !self
                .children(v)
                .any(|c| matches!(self.rel(c), DepRel::Aux | DepRel::AuxPass | DepRel::Cop))
    }

    /// Verb word `v` is a time clause ("when", "after", "before", "since", "as")
    /// inside a participle that describes a noun ("the freedoms given to B when A
    /// returned the territory", "a deal signed after A visited C"): it dates the
    /// noun's story, background rather than news (issue 10 class "participles that
    /// describe a noun").
    pub(super) fn time_clause_in_participle(&self, v: usize) -> bool {
        self.rel(v) == DepRel::Advcl
            && self.children(v).any(|c| {
                // UD makes "when" an `advmod`, the others `mark`.
                matches!(self.rel(c), DepRel::Mark | DepRel::Advmod)
                    && matches!(
                        self.tokens[c].norm.as_str(),
                        "when" | "after" | "before" | "since" | "as"
                    )
            })
            && self.head(v).is_some_and(|h| {
                self.rel(h) == DepRel::Acl && self.head(h).is_some_and(|n| self.is_noun(n))
            })
    }

    /// Whether mention `m` is reached from verb word `v` through an `xcomp` of
    /// object control (see [`Self::controlling_object`]) that completes `v`'s own
    /// object ("paid an agent to help him enter the US",
    /// "allowed them to visit C"): an argument of the completing verb, not `v`'s
    /// target, which is the object (issue 10 class "targets in another verb's
    /// phrase").
    pub(super) fn through_object_complement(&self, m: usize, v: usize) -> bool {
        self.climb(m, v, |h| {
            self.head(h) == Some(v) && self.controlling_object(h).is_some()
        }) == Some(false)
    }

    /// The words before verb word `v` open a relative clause: a comma or dash, then
    /// "which/who/whose", then no other verb ("Iraq, whose parliament rejected",
    /// which the parser often attaches elsewhere).
    fn relative_opener_before(&self, v: usize) -> bool {
        let Some(rel) = (v.saturating_sub(6)..v).rev().find(|&j| {
            matches!(
                self.tokens[j].norm.as_str(),
                "which" | "who" | "whose" | "whom"
            )
        }) else {
            return false;
        };
        rel > 0
            && matches!(
                self.tokens[rel - 1].norm.as_str(),
                "," | "-" | "–" | "—" | "("
            )
            && (rel + 1..v).all(|j| {
                !self.a.upos[j].is_verbal()
                    || self.rel(j) == DepRel::Aux
                    || self.rel(j) == DepRel::AuxPass
            })
    }

    /// Verb word `v` is dated by the parse to a year before the article's ("annexed
    /// by Germany in 1938", "released videos in January 2017"): a past event told
    /// as background, not news (CODING-GUIDE: events reported as having happened
    /// on or near the article date).
    pub(super) fn dated_before(&self, v: usize, year: i32) -> bool {
        let is_past_year = |i: usize| {
            let t = &self.tokens[i].norm;
            t.len() == 4
                && t.bytes().all(|b| b.is_ascii_digit())
                && t.parse::<i32>().is_ok_and(|y| (1800..year).contains(&y))
        };
        let dating = |c: usize, rels: &[DepRel]| {
            rels.contains(&self.rel(c))
                && self.case_of(c).is_none_or(|p| matches!(p, "in" | "during"))
                && (is_past_year(c) || self.children(c).any(is_past_year))
        };
        const OBL: &[DepRel] = &[
            DepRel::Obl,
            DepRel::OblTmod,
            DepRel::OblUnmarked,
            DepRel::OblNpmod,
        ];
        // The date attached to the verb, or (a common attachment error) to its
        // agent or object: "annexed by Germany in 1938".
        self.children(v).any(|c| {
            dating(c, OBL)
                || (matches!(self.rel(c), DepRel::OblAgent | DepRel::Obj | DepRel::Obl)
                    && self.children(c).any(|d| dating(d, &[DepRel::Nmod])))
        })
    }

    /// Verb word `v` heads a clausal subject ("signing a deal has proved elusive").
    pub(super) fn clausal_subject(&self, v: usize) -> bool {
        matches!(self.rel(v), DepRel::Csubj | DepRel::CsubjPass)
    }

    /// The subject a verb with none of its own shares: a conjoined verb its head's,
    /// an `xcomp` its controller's, a relative clause or a participle its noun. A reported clause
    /// (`ccomp`) shares nothing. Returns the actor and whether a subject was found.
    fn inherited_subject(&self, v: usize) -> (Option<usize>, bool) {
        let mut cur = v;
        for _ in 0..MAX_CLIMB {
            let Some(h) = self.head(cur) else {
                return (None, false);
            };
            match self.rel(cur) {
                // "A, which backed B, criticised C" misparsed with "criticised" as
                // an xcomp of "backed": no subject from the parse, the fallback
                // decides.
                DepRel::Xcomp if self.comma_between(h, cur) => return (None, false),
                // "allowed them to visit C", "helped the rebels take C": the
                // object of the governing verb is the subject of its complement
                // (UD's object control; issue 10 class "targets in another verb's
                // phrase").
                // Only an object that is no actor: "wants B to V" keeps the
                // wanter as the source, for the appeal constructions that read it
                // ("China wants Australia to lift its tariffs" is CHN 0254 AUS).
                DepRel::Xcomp
                    if self
                        .controlling_object(cur)
                        .is_some_and(|o| self.actor_of(o).is_none()) =>
                {
                    return (None, true);
                }
                // The subject of a passive head, when it is an actor, is the
                // subject of what is joined to it, passive or not ("was released by
                // B and thanked C": the one released thanked; issue 10 class
                // "coordinated passives"). A subject that is no actor ("said the
                // deaths were caused by ... and called on B", misparsed with
                // "called" joined to "caused") leaves the search going up.
                DepRel::Conj | DepRel::Xcomp => {
                    if let Some(s) = self.children(h).find(|&c| {
                        matches!(self.rel(c), DepRel::Nsubj | DepRel::NsubjOuter)
                            || (self.rel(c) == DepRel::NsubjPass
                                && self.passive(h)
                                && self.actor_of(c).is_some())
                    }) {
                        if self.relative_pronoun(s) {
                            return (self.relcl_noun(h), true);
                        }
                        return (self.actor_of(s), true);
                    }
                    cur = h;
                }
                // ", telling B that ...", ", killing 20": a participle clause after
                // a comma shares the subject of the main clause it follows (issue 10
                // class "participle clauses"). Not inside a subordinate clause, where
                // a gerund subject after a comma is a misparse ("that A and B had
                // reached a deal, actually signing it has proved elusive").
                DepRel::Advcl
                    if cur == v
                        && h < v
                        && matches!(self.rel(h), DepRel::Root | DepRel::Conj)
                        && self.comma_between(h, cur)
                        && self.bare_ing_form(v)
                        && !self.children(v).any(|c| self.rel(c) == DepRel::Mark) =>
                {
                    let Some(s) = self
                        .children(h)
                        .find(|&c| matches!(self.rel(c), DepRel::Nsubj | DepRel::NsubjOuter))
                    else {
                        return (None, false);
                    };
                    if self.relative_pronoun(s) {
                        return (self.relcl_noun(h), true);
                    }
                    return (self.actor_of(s), true);
                }
                DepRel::AclRelcl => return (self.actor_of(h), true),
                // A participle right after its noun ("a court ruling ordering B to
                // pay", "the plan granting B autonomy"): the noun, not an actor
                // elsewhere in the sentence, does the act (issue 10 class: a verb
                // whose subject is a non-actor noun). Not an infinitive ("efforts
                // to remove ...", whose doer is not the noun).
                DepRel::Acl
                    if cur == v
                        && h < v
                        && self.a.upos[h] != crate::syntax::Upos::Verb
                        && self.tokens[v].norm.ends_with("ing")
                        && !self.children(v).any(|c| {
                            self.rel(c) == DepRel::Mark || self.tokens[c].norm == "to"
                        }) =>
                {
                    return (self.actor_of(h), true);
                }
                _ => return (None, false),
            }
        }
        (None, false)
    }

    /// A comma token between words `a` and `b` (either order).
    fn comma_between(&self, a: usize, b: usize) -> bool {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.tokens[lo + 1..hi].iter().any(|t| t.norm == ",")
    }

    /// The noun a relative clause headed by `v` attaches to.
    fn relcl_noun(&self, v: usize) -> Option<usize> {
        if self.rel(v) == DepRel::AclRelcl {
            self.head(v).and_then(|n| self.actor_of(n))
        } else {
            None
        }
    }

    /// Whether mention `m` is in the phrase of verb word `v`: climbing from its
    /// head word reaches `v` before any other verb ("violated norms or entered the
    /// United States": the United States is in the phrase of "entered" only).
    pub(super) fn in_phrase_of(&self, m: usize, v: usize) -> bool {
        // Through a verb that only modifies or completes ("the decision announced
        // by A", "wants to meet A", "alleged that A ..."), not one with a clause
        // of its own.
        let own_clause = |h: usize| {
            self.a.upos[h] == crate::syntax::Upos::Verb
                && (!matches!(self.rel(h), DepRel::Xcomp | DepRel::Acl | DepRel::Ccomp)
                    // "charged B with espionage by publishing files about C": a
                    // clause opened by a preposition is an act of its own, and C
                    // no object of "charged" (issue 10 class "roles").
                    || self.children(h).any(|c| {
                        self.rel(c) == DepRel::Mark
                            && matches!(self.tokens[c].norm.as_str(), "by" | "for" | "after")
                    }))
        };
        self.climb(m, v, own_clause) == Some(true)
    }

    /// Climbs from the head word of mention `m` towards verb word `v`: `Some(true)`
    /// when it reaches `v` (or the mention has no head word of its own),
    /// `Some(false)` when a word on the way satisfies `stop` first, `None` when the
    /// climb ends elsewhere.
    fn climb(&self, m: usize, v: usize, stop: impl Fn(usize) -> bool) -> Option<bool> {
        let [s, e] = self.mentions[m].tok;
        let Some(mut cur) = (s..e).find(|&i| self.head(i).is_none_or(|p| !(s..e).contains(&p)))
        else {
            return Some(true);
        };
        for _ in 0..MAX_CLIMB * 2 {
            let h = self.head(cur)?;
            if h == v {
                return Some(true);
            }
            if stop(h) {
                return Some(false);
            }
            cur = h;
        }
        None
    }

    /// The object of the verb that `xcomp` word `v` completes, when there is one
    /// before `v` ("allowed them to visit C"): by UD's object control, the
    /// complement's subject.
    fn controlling_object(&self, v: usize) -> Option<usize> {
        if self.rel(v) != DepRel::Xcomp {
            return None;
        }
        let h = self.head(v)?;
        // Verbs of object control only: a purpose clause misread as an `xcomp`
        // ("surrounded the building to call for B") keeps the main subject.
        if !OBJECT_CONTROL.contains(&self.a.lemma(h)) {
            return None;
        }
        self.children(h).find(|&c| {
            c < v
                && self.rel(c) == DepRel::Obj
                && (self.is_noun(c) || self.a.upos[c] == crate::syntax::Upos::Pron)
        })
    }

    /// Whether word `i` is tagged a noun or a proper noun.
    pub(super) fn is_noun(&self, i: usize) -> bool {
        matches!(
            self.a.upos[i],
            crate::syntax::Upos::Noun | crate::syntax::Upos::Propn
        )
    }

    /// Whether verb word `v` modifies a noun before it as an adjective (`amod`:
    /// "looted artefacts", "the detained activists").
    /// Not after a noun, a pronoun or an actor's name: "Iraqi Kurds sought refuge"
    /// misparsed with "sought" on "refuge" keeps its verb.
    pub(super) fn prenominal(&self, v: usize) -> bool {
        use crate::syntax::Upos;
        self.rel(v) == DepRel::Amod
            && self.head(v).is_some_and(|n| n > v)
            && (v == 0
                || self.owner[v - 1] == usize::MAX
                    && !matches!(self.a.upos[v - 1], Upos::Noun | Upos::Propn | Upos::Pron))
    }

    /// Whether verb word `v` has an active subject of its own in the parse (an
    /// `nsubj` child) at or after token `from`. (A passive subject right before a
    /// bare participle is the parser's reading of a reduced relative.)
    pub(super) fn has_subject_after(&self, v: usize, from: usize) -> bool {
        self.children(v)
            .any(|c| c >= from && self.rel(c) == DepRel::Nsubj)
    }

    /// The head word of mention `m` (its word whose head lies outside it), if any.
    fn mention_head(&self, m: usize) -> Option<usize> {
        let [s, e] = self.mentions[m].tok;
        (s..e).find(|&i| self.head(i).is_none_or(|p| !(s..e).contains(&p)))
    }

    /// Whether mention `m`, after a comma or quotation mark that follows verb word
    /// `v`, is the subject of a verb that governs `v` (a head of `v`'s, climbing):
    /// in "A and B agreed to extend the truce, C said" the reporter C is not the
    /// target of the reported act (issue 10 class: the speaker of a reporting verb
    /// taken as the reported act's target).
    pub(super) fn subject_of_governing_verb(&self, m: usize, v: usize) -> bool {
        let Some(w) = self.mention_head(m) else {
            return false;
        };
        // The reporter of a trailing attribution, after a comma or a closing
        // quotation mark: not an actor the parse hangs over a relative clause
        // ("the rebels who attacked B claimed ..." misread with B as subject).
        if w <= v
            || !self.tokens[v..self.mentions[m].tok[0]]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "," | "\""))
        {
            return false;
        }
        let Some(h) = self.head(w).filter(|_| self.rel(w) == DepRel::Nsubj) else {
            return false;
        };
        let mut cur = v;
        for _ in 0..MAX_CLIMB * 2 {
            match self.head(cur) {
                Some(p) if p == h => return true,
                Some(p) => cur = p,
                None => return false,
            }
        }
        false
    }

    /// Whether mention `m` is a place where verb word `v`'s act happens: an oblique
    /// of `v` (or a modifier of its object) marked by a locative preposition ("signed a deal in Pretoria", "held
    /// talks in Geneva"), not a party to the act (issue 10 class: places taken as
    /// targets). Prepositions that name a party ("with", "against", "on", "at",
    /// "to") are not locative here.
    pub(super) fn place_of_act(&self, m: usize, v: usize) -> bool {
        // A country or a seat of power named as a place ("in Pretoria"), not an
        // institution one acts before ("pleaded not guilty in a Kenyan court").
        if self.mentions[m].kind != crate::dict::ActorKind::Country {
            return false;
        }
        let Some(w) = self.mention_head(m) else {
            return false;
        };
        let Some(h) = self.head(w) else {
            return false;
        };
        // Of the verb, of its object ("signed [a deal in C]", "called for [talks
        // in C]") or of its infinitive ("agreed to [hold talks in C]").
        (h == v && self.rel(w) == DepRel::Obl
            || self.head(h) == Some(v)
                && match self.rel(h) {
                    DepRel::Obj | DepRel::Obl => self.rel(w) == DepRel::Nmod,
                    DepRel::Xcomp => self.rel(w) == DepRel::Obl,
                    _ => false,
                })
            && {
                // The preposition before the name (the parse may hang it on the
                // name's first word: "in [Saudi] Arabia"), past "the".
                let [s0, _] = self.mentions[m].tok;
                let mut k = s0;
                if k >= 1 && self.tokens[k - 1].norm == "the" {
                    k -= 1;
                }
                k >= 1
                    && matches!(
                        self.tokens[k - 1].norm.as_str(),
                        "in" | "inside" | "near" | "outside" | "across" | "throughout" | "during"
                    )
            }
    }

    /// Whether mention `m` is the agent of a participle of mediation on a noun ("a
    /// deal brokered by C", "talks hosted by C"): the go-between of the act, not its
    /// target (issue 10 class "mediators taken as targets").
    pub(super) fn mediator(&self, m: usize, v: usize) -> bool {
        let [s, e] = self.mentions[m].tok;
        let word = |k: usize| self.tokens[k].norm.as_str();
        // The words alone: "brokered by C" right before the mention (the parser may
        // attach the participle anywhere).
        if s >= 2 && word(s - 1) == "by" && MEDIATED.contains(&word(s - 2)) {
            return true;
        }
        (s..e)
            .filter(|&i| self.head(i).is_none_or(|p| !(s..e).contains(&p)))
            .any(|i| {
                let by = self.rel(i) == DepRel::OblAgent
                    || self.children(i).any(|c| self.tokens[c].norm == "by");
                by && self.head(i).is_some_and(|h| {
                    h != v
                        && self.rel(h) == DepRel::Acl
                        && MEDIATED.contains(&self.tokens[h].norm.as_str())
                })
            })
    }

    /// Whether mention `m` is a core argument (subject or object) of a verb other
    /// than `v`: then it cannot be a conjunct of an argument of `v` ("A hosted B,
    /// and C criticised D": C is not joined to B).
    pub(super) fn argument_of_other_verb(&self, m: usize, v: usize) -> bool {
        let [s, e] = self.mentions[m].tok;
        (s..e)
            .filter(|&i| self.head(i).is_none_or(|p| !(s..e).contains(&p)))
            .any(|i| {
                matches!(self.rel(i), DepRel::Nsubj | DepRel::NsubjPass | DepRel::Obj)
                    && self.head(i) != Some(v)
            })
    }
}
