//! Verb candidates: the longest verb form at each token outside an actor mention,
//! unless the form reads as a noun ("the attack", "Russia's attack", "a US attack",
//! "two visits").

use super::mentions::Found;
use super::trace::Trace;
use super::{Coder, ParseScope};
use crate::syntax::{Analysis, Upos};
use crate::tokens::{Token, TokenKind};

/// A verb form found in a sentence (token positions).
#[derive(Clone, Debug)]
pub(super) struct VerbHit {
    /// First token of the form.
    pub(super) start: usize,
    /// One past its last token.
    pub(super) end: usize,
    /// The token that carries the verb ("talks" in "held talks").
    pub(super) head: usize,
    /// Index into `Coder::verbs`.
    pub(super) verb: u32,
    /// A past participle form.
    pub(super) participle: bool,
    /// An -ing form.
    pub(super) gerund: bool,
}

impl Coder {
    /// Verb candidates of a sentence in text order; `owner` maps tokens to mentions.
    /// When the sentence has a coded actor and a candidate, the tagger decides: a
    /// form whose verb word is not tagged VERB or AUX is a noun ("the strikes on
    /// the base", "air patrols") and is dropped (see [`Self::tag_filter`]). The
    /// parse is left in `a`; the flag says whether there is one (its arcs give the
    /// roles, see [`super::arcs`]).
    #[allow(clippy::too_many_arguments)] // the sentence context is naturally wide
    pub(super) fn verb_candidates(
        &self,
        text: &str,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        a: &mut Analysis,
        trace: &mut Trace<'_>,
    ) -> (Vec<VerbHit>, bool) {
        let cands = self.lexical_candidates(tokens, ids, owner, mentions, trace);
        // Tag and parse only what can give an event: a verb candidate and a coded
        // actor.
        let coded = mentions.iter().filter(|m| m.code.is_some()).count();
        if cands.is_empty() || coded == 0 || self.parser.is_none() {
            return (cands, false);
        }
        // Nor a window with one coded actor when events need a target: an event's
        // source and target are two coded mentions of the window (`emit_events`),
        // so none comes out whatever the tags and the parse say. They could change
        // only how many raw events the window makes, which shows in the cap
        // records: this is skipped only when no cap can be reached (at most
        // `m + 2 m^2` raw events a candidate with `m` mentions, see
        // `code_sentence`). `explain` parses it anyway, for the trace.
        let m = mentions.len();
        let caps = &self.options.caps;
        if coded < 2
            && self.options.require_target
            && !trace.is_on()
            && m <= caps.compound
            && cands.len().saturating_mul(m + 2 * m * m) <= caps.events
        {
            return (cands, false);
        }
        self.tag_filter(text, tokens, ids, owner, mentions, cands, a, trace)
    }

    /// Drops candidates whose verb word the tagger does not call a verb. Light-verb
    /// forms ("held talks") are judged by their verb word ("held"). The sentence is
    /// tagged (about a tenth of the cost of a parse); only when a candidate is kept is
    /// it parsed on those tags, for the roles (see [`super::arcs`]). The flag says
    /// whether `a` holds a parse.
    #[allow(clippy::too_many_arguments)] // the sentence context is naturally wide
    fn tag_filter(
        &self,
        text: &str,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        cands: Vec<VerbHit>,
        a: &mut Analysis,
        trace: &mut Trace<'_>,
    ) -> (Vec<VerbHit>, bool) {
        let Some(model) = self.parser else {
            return (cands, false);
        };
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        model.tag(&words, a);
        // A sentence has a verb: when the tagger calls no word a verb ("Beijing
        // balked at the demands" read as ADJ NOUN, a headline "Russia slams US
        // sanctions"), a candidate right after a coded actor is the verb (issue 10,
        // lexicon probe: rarer verbs the tagger does not know).
        let no_verb = !a.upos.iter().take(words.len()).any(|u| u.is_verbal());
        let after_coded = |h: &VerbHit| {
            h.start >= 1
                && owner[h.start - 1] != usize::MAX
                && mentions[owner[h.start - 1]].code.is_some()
        };
        let kept: Vec<VerbHit> = cands
            .into_iter()
            .filter(|h| {
                let tag = a.upos[h.head];
                let keep = tag.is_verbal()
                    || light_verb_object(a, h.head)
                    || (no_verb && after_coded(h))
                    || self.verb_by_context(a, tokens, owner, mentions, h);
                if !keep {
                    trace.verb_tagged(&tokens[h.head].norm, tag.as_str());
                }
                keep
            })
            .collect();
        // Parse (on the tags already found) only a window that can still give an
        // event, or for the trace of `explain`.
        let scope = self.options.parse_scope;
        if scope == ParseScope::Needed
            && !trace.is_on()
            && self.roles_need_no_parse(tokens, ids, owner, mentions, &kept)
        {
            return (kept, false);
        }
        let parsed = !kept.is_empty() || trace.is_on();
        if parsed && scope == ParseScope::Clause {
            // Only the clauses of the kept candidates (see `clause_spans`).
            let spans = self.clause_spans(tokens, ids, owner, &kept);
            model.parse_spans_unlabelled(&words, &spans, a);
            if trace.is_on() {
                model.label_all(a);
            }
        } else if trace.is_on() {
            // `explain` shows every relation.
            model.parse_tagged(&words, a);
        } else if parsed {
            // The roles read the relations of a few words only: those are labelled
            // when read (see `super::arcs`).
            model.parse_tagged_unlabelled(&words, a);
        }
        trace.tags(&words, a);
        (kept, parsed)
    }

    /// Whether the roles of a window can be read without its parse
    /// ([`ParseScope::Needed`]): one kept candidate, an active finite form (no
    /// participle, no -ing form, no speech verb), exactly two actor mentions, both
    /// coded from the sentence itself, the first right before the verb and the
    /// second after it, and none of the words the parse's arcs are read for
    /// (commas and other punctuation but a final full stop, boundary words,
    /// "whose", "that", "by", meeting nouns, four-digit years): there the token heuristics and
    /// the arcs give the same source and target.
    fn roles_need_no_parse(
        &self,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        kept: &[VerbHit],
    ) -> bool {
        let [h] = kept else {
            return false;
        };
        let [s, t] = mentions else {
            return false;
        };
        let plain = |m: &Found| m.code.is_some() && !m.inferred && !m.pronoun && !m.pair;
        if h.participle
            || h.gerund
            || self.verbs[h.verb as usize].speech
            || !plain(s)
            || !plain(t)
            || s.tok[1] != h.start
            || t.tok[0] < h.end
        {
            return false;
        }
        let last = tokens.len().saturating_sub(1);
        tokens.iter().enumerate().all(|(j, tok)| {
            if owner[j] != usize::MAX {
                return true;
            }
            let word = tok.norm.as_str();
            match tok.kind {
                TokenKind::Word | TokenKind::Possessive => {
                    !self.w.boundaries.contains(&ids[j])
                        && !matches!(word, "whose" | "that" | "by")
                        // "spoke during a visit to B": B is the party of a
                        // meeting in passing, not the verb's target.
                        && super::construct::meeting_noun(word).is_none()
                }
                TokenKind::Number => !(word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())),
                _ => j == last && word == ".",
            }
        })
    }

    /// The spans of a window parsed when only clauses are (see
    /// [`ParseScope::Clause`]): the clause of each kept candidate as
    /// the token heuristics bound it ([`Self::clause`]: from after the previous
    /// boundary word, ";", a quotation mark, a subordinator or a relative pronoun,
    /// to the next; a clause opened by ", which" or ", who" reaches back to its
    /// noun), overlapping or touching clauses joined. Each span is parsed as a
    /// sentence of its own.
    fn clause_spans(
        &self,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        kept: &[VerbHit],
    ) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = kept
            .iter()
            .map(|h| {
                let c = self.clause(tokens, ids, owner, h);
                (c.start.min(h.start), c.end.max(h.end))
            })
            .collect();
        spans.sort_unstable();
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match out.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => out.push((s, e)),
            }
        }
        out
    }

    /// A form the context makes a verb whatever the tagger says: right after an
    /// actor named by a noun ("Ethiopia departs", where the tagger, not knowing the
    /// name, often says NOUN; not after an adjective: "Russian strikes"), or after
    /// a modal, auxiliary, negation or "to" ("will not tap"). A determiner or
    /// possessive before the form was already judged by [`Self::looks_like_noun`].
    fn verb_by_context(
        &self,
        a: &Analysis,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        h: &VerbHit,
    ) -> bool {
        let Some(p) = h.start.checked_sub(1) else {
            return false;
        };
        // An opening quote between the actor and the form: 'it "regrets the move"'
        // (issue 10 class "quoted speech content").
        let q = match p.checked_sub(1) {
            Some(q) if tokens[p].norm == "\"" => q,
            _ => p,
        };
        // Not an actor that modifies a noun in a verb's object: "condemned the US
        // strikes on Syria" (sixteenth session, class "praise or criticism whose
        // object is an event noun": the noun is the act evaluated, not a new one).
        let in_object = |m: &Found| {
            let d = m.tok[0];
            d >= 2
                && matches!(
                    tokens[d - 1].norm.as_str(),
                    "the" | "a" | "an" | "this" | "these"
                )
                && a.upos[d - 2] == Upos::Verb
        };
        let after_actor = owner[q] != usize::MAX
            && mentions[owner[q]].code.is_some()
            && mentions[owner[q]].tok[1] == q + 1
            && !in_object(&mentions[owner[q]])
            && matches!(a.upos[q], Upos::Propn | Upos::Noun | Upos::Pron);
        // A past participle after a form of "be" (with at most one adverb between) is
        // a predicate the tagger may call ADJ: "is committed to", "are prepared to",
        // "was firmly determined to" (class: predicative participles; the verb
        // patterns decide what they code).
        let be_before = |i: usize| {
            matches!(
                tokens[i].norm.as_str(),
                "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "'re" | "am"
            )
        };
        let predicative = h.participle
            && a.upos[h.head] == Upos::Adj
            && (be_before(p) || (a.upos[p] == Upos::Adv && p > 0 && be_before(p - 1)));
        // "Ukrainian drone strikes hit a refinery": a verb of harm right after a
        // noun of force (issue 10 class "acts of force told by their noun").
        let after_force = super::construct::HARM_VERBS
            .contains(&self.verbs[h.verb as usize].lemma.as_str())
            && super::construct::force_noun_code(
                &tokens[p].norm,
                if p > 0 {
                    tokens[p - 1].norm.as_str()
                } else {
                    ""
                },
            )
            .is_some();
        after_actor
            || predicative
            || after_force
            || matches!(
                tokens[p].norm.as_str(),
                "will"
                    | "would"
                    | "shall"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "not"
                    | "n't"
                    | "never"
                    | "to"
                    | "did"
                    | "does"
                    | "do"
                    | "has"
                    | "have"
                    | "had"
            )
    }

    /// Verb forms found by the lexicon alone (with the noun heuristics).
    fn lexical_candidates(
        &self,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        trace: &mut Trace<'_>,
    ) -> Vec<VerbHit> {
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
                    if particle_of_previous(tokens, cands.last(), &h) {
                        trace.verb_particle(&tokens[h.head].norm);
                    } else if hyphen_modifier(tokens, h.start) {
                        trace.verb_in_compound(&tokens[h.head].norm);
                    } else if !self.looks_like_noun(tokens, ids, &h) {
                        cands.push(h);
                    } else {
                        trace.verb_as_noun(&tokens[h.head].norm);
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        cands
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
                            // "the authorities must end the crackdown": a modal
                            // makes the next word a verb (issue 10 class: the
                            // demand family, "B must V" in speech).
                            | "must"
                            | "should"
                            | "can"
                            | "could"
                            | "may"
                            | "might"
                            | "shall"
                            | "ought"
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
}

/// "back" after a verb, or after a verb and its short object, is that verb's
/// particle, not the verb "back" (support): "sent back the ambassador", "drove the
/// rebels back", "hit back at" (issue 10 class "phrasal particles read as verbs").
fn particle_of_previous(tokens: &[Token], prev: Option<&VerbHit>, h: &VerbHit) -> bool {
    let Some(p) = prev else {
        return false;
    };
    h.end == h.start + 1
        && tokens[h.start].norm == "back"
        && p.end <= h.start
        && h.start - p.end <= 4
        && tokens[p.end..h.start].iter().all(|t| {
            // "said it would back the plan", "said they back it": a new clause.
            t.kind == TokenKind::Word
                && !matches!(
                    t.norm.as_str(),
                    "and"
                        | "or"
                        | "to"
                        | "that"
                        | "who"
                        | "which"
                        | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "shall"
                        | "also"
                        | "not"
                        | "did"
                        | "does"
                        | "do"
                        | "they"
                        | "he"
                        | "she"
                        | "we"
                        | "i"
                        | "you"
                        | "'ll"
                        | "'d"
                )
        })
}

/// True when the verb form at token `i` ends a hyphenated modifier: "Iranian-backed
/// militias", "the Saudi-led coalition", "a US-brokered truce", "Russian-made drones"
/// (a word, a hyphen and the participle with no space between): an adjective of the
/// noun after it, not a verb of the sentence (issue 10 class "sponsors in compound
/// adjectives": the compound's participle was coded as the main clause's act, "the
/// United States carried out strikes on Iranian-backed militias" as a 051).
fn hyphen_modifier(tokens: &[Token], i: usize) -> bool {
    i >= 2
        && !tokens[i].space_before
        && tokens[i - 1].norm == "-"
        && !tokens[i - 1].space_before
        && tokens[i - 2].kind == TokenKind::Word
        // A prefix makes a verb of its own: "re-elected", "co-operate",
        // "counter-attacked", "cross-examined".
        && !matches!(
            tokens[i - 2].norm.as_str(),
            "re" | "co" | "counter" | "pre" | "un" | "over" | "out" | "cross" | "mis" | "de"
                | "self" | "double" | "fast" | "air"
        )
}

/// Verbs that name no event of their own and take an event noun as object: "held
/// talks", "launched strikes", "imposed sanctions", "resumed aid". Verbs of intent
/// or modality ("pledge", "offer", "plan") are not here: the noun is then not an act.
const LIGHT_VERBS: &[&str] = &[
    "hold", "launch", "impose", "sign", "conduct", "carry", "stage", "resume", "begin", "start",
    "continue", "provide", "send", "deliver", "give", "make", "pay", "lodge", "issue", "open",
    "mount", "step", "extend", "lift", "deploy", "level",
];

/// True when token `i` is the object of a light verb ("held talks", "launched air
/// strikes", "imposed new sanctions"): going left from it over the words of its noun
/// phrase (nouns, adjectives, numbers, determiners, at most four), the first word
/// outside the phrase is a verb whose lemma is a light verb. Tags and lemmas only, so
/// it needs no parse.
fn light_verb_object(a: &Analysis, i: usize) -> bool {
    let mut j = i;
    for _ in 0..5 {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        match a.upos[p] {
            Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num | Upos::Det => j = p,
            Upos::Verb | Upos::Aux => return LIGHT_VERBS.contains(&a.lemma(p)),
            _ => return false,
        }
    }
    false
}
