//! Per sentence: each verb candidate's clause, pattern, roles and drop reasons, then
//! the raw events and their conversion into [`Event`]s with provenance.

use super::arcs::{ArcRoles, Arcs};
use super::caps::{cut_text, Limit};
use super::construct::Mode;
use super::evaluative::NounOwner;
use super::mentions::Found;
use super::trace::{DropReason, Trace};
use super::verbs::VerbHit;
use super::{CodedArticle, Coder};
use crate::article::Article;
use crate::codes::{ActorCode, CameoCode};
use crate::dict::cameo::quad_class;
use crate::dict::Origin;
use crate::event::Event;
use crate::syntax::Analysis;
use crate::tokens::{Token, TokenKind};
use std::collections::HashSet;

/// An event before it gets codes and text: mention indices into the sentence.
pub(super) struct RawEvent {
    pub(super) source: usize,
    pub(super) target: Option<usize>,
    code: Option<String>,
    /// Index into `Coder::pattern_info`; `None` for the verb's own code.
    pattern: Option<u32>,
    verb: u32,
    verb_span: [usize; 2],
    /// A clause-level construction that made this event ([`super::construct`],
    /// [`super::evaluative`]), for its provenance.
    construction: Option<&'static str>,
    /// The code of a source the sentence does not name, inferred for an agentless
    /// passive act of a state ([`super::passive::state_actor`]); `source` is then
    /// `usize::MAX`.
    implied: Option<String>,
}

impl RawEvent {
    /// An event a clause-level construction makes between two mentions, with the
    /// construction's name for its provenance.
    pub(super) fn constructed(
        source: usize,
        target: usize,
        code: String,
        verb_span: [usize; 2],
        construction: &'static str,
    ) -> RawEvent {
        RawEvent {
            source,
            target: Some(target),
            code: Some(code),
            pattern: None,
            verb: 0,
            verb_span,
            construction: Some(construction),
            implied: None,
        }
    }
}

/// Verb candidate `ci` is dated "in <month>" (or "in late <month>", "in May and
/// June"; no day or year after it) to a month two to nine months before the
/// article's: a past event told as background ("a separate attack in July killed
/// five" in a September story; "has blamed B for attacks in May and June"), not news
/// (CODING-GUIDE: events reported as having happened on or near the article date;
/// issue 10 class "background dated by a month"). The month must be in the verb's
/// clause with no other verb candidate between them ("pleaded guilty Monday to
/// threatening B in March" dates the threat), and not inside a relative clause
/// ("X, who was re-elected in February, condemned B"). "Last month" is near; a month
/// later in the year reads as the future and is left.
fn dated_months_before(
    tokens: &[Token],
    clause: &super::clause::Clause,
    cands: &[VerbHit],
    ci: usize,
    date: crate::date::Date,
) -> bool {
    let h = &cands[ci];
    // A candidate inside a hyphenated modifier ("stone-throwing protesters") is no
    // verb between.
    let verb = |c: &&VerbHit| {
        !(c.start >= 1 && tokens[c.start - 1].norm == "-" && !tokens[c.start].space_before)
    };
    let lo = cands[..ci]
        .iter()
        .rev()
        .find(verb)
        .map_or(clause.start, |p| p.end.max(clause.start));
    let hi = cands[ci + 1..]
        .iter()
        .find(verb)
        .map_or(clause.end, |n| n.start.min(clause.end))
        .min(tokens.len());
    let mut in_relative = false;
    (lo..hi).any(|k| {
        let w = tokens[k].norm.as_str();
        if k >= 1 && tokens[k - 1].norm == "," && matches!(w, "who" | "which") {
            in_relative = true;
        } else if w == "," {
            in_relative = false;
        }
        if in_relative || w != "in" || (h.start..h.end).contains(&k) {
            return false;
        }
        let mut j = k + 1;
        if tokens
            .get(j)
            .is_some_and(|t| matches!(t.norm.as_str(), "early" | "mid" | "late"))
        {
            j += 1;
        }
        let Some(t) = tokens.get(j) else {
            return false;
        };
        // "May" only capitalised, as a month.
        if t.norm == "may" && !t.capitalized {
            return false;
        }
        let Some(m) = crate::tokens::month_number(&t.norm) else {
            return false;
        };
        // A day or a year after the month is another rule's ("in May 2017").
        if tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == crate::tokens::TokenKind::Number)
        {
            return false;
        }
        (2..=9).contains(&(i32::from(date.month) - i32::from(m)).rem_euclid(12))
    })
}

/// Drops an event with its root's unspecified code ("030", "190") when the same
/// source and target have a more specific code of that root in the sentence: "A and
/// B agreed to begin repatriating refugees" is 0353 between them, not also 030
/// (issue 10 class "a generic code beside a specific one"). PETRARCH dictionaries
/// keep both (their records expect each verb's code).
fn drop_generic_duplicates(raw: &mut Vec<RawEvent>) {
    let generic = |c: &str| c.len() == 3 && c.ends_with('0');
    let specific: Vec<(usize, Option<usize>, [u8; 2])> = raw
        .iter()
        .filter_map(|e| {
            let c = e.code.as_deref()?.as_bytes();
            (c.len() >= 2 && !generic(e.code.as_deref()?))
                .then(|| (e.source, e.target, [c[0], c[1]]))
        })
        .collect();
    if specific.is_empty() {
        return;
    }
    raw.retain(|e| {
        let Some(c) = e.code.as_deref().filter(|c| generic(c)) else {
            return true;
        };
        !specific
            .iter()
            .any(|(s, t, root)| *s == e.source && *t == e.target && c.as_bytes()[..2] == root[..])
    });
}

/// Commissive verbs: "A vowed to V" is A's intent, a threat when V is an act of
/// force (see `threat_head` in [`Coder::code_sentence`]).
const COMMISSIVE: &[&str] = &["vow", "pledge", "promise", "swear"];

impl Coder {
    /// The document noun ("a statement", "a letter to B", "a joint resolution") the
    /// participle starting at `at` follows, when it is the object of verb
    /// candidate `prev`: at most four words between the verb and the noun, and
    /// between the noun and the participle only an addressee ("to B") or a day.
    fn after_document(
        &self,
        tokens: &[Token],
        owner: &[usize],
        prev: &super::verbs::VerbHit,
        at: usize,
    ) -> Option<usize> {
        let mut k = at;
        while k > prev.end
            && (owner[k - 1] != usize::MAX
                || matches!(tokens[k - 1].norm.as_str(), "to" | "on" | "the")
                || crate::tokens::is_calendar_word(&tokens[k - 1].norm))
        {
            k -= 1;
        }
        let n = k.checked_sub(1).filter(|&n| n >= prev.end)?;
        (super::arcs::DOCUMENT_NOUNS.contains(&tokens[n].norm.as_str())
            && n - prev.end <= 4
            && tokens[prev.end..n]
                .iter()
                .all(|t| t.kind == TokenKind::Word || t.norm == "-"))
        .then_some(n)
    }

    /// The coded mention after "brokered by", "mediated by", "facilitated by" (past "the") in
    /// tokens `from..to`: the go-between of an agreement.
    fn broker(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        from: usize,
        to: usize,
    ) -> Option<usize> {
        let to = to.min(tokens.len());
        (from..to).find_map(|k| {
            // Not "hosted by C": a host need not go between.
            if k + 2 >= to
                || !matches!(
                    tokens[k].norm.as_str(),
                    "brokered" | "mediated" | "facilitated"
                )
                || tokens[k + 1].norm != "by"
            {
                return None;
            }
            let a = if tokens[k + 2].norm == "the" {
                k + 3
            } else {
                k + 2
            };
            let m = *owner.get(a)?;
            (m != usize::MAX && mentions[m].tok[0] == a && mentions[m].code.is_some()).then_some(m)
        })
    }

    /// The threat verb candidate `h` announces as an intent: the 13x that
    /// [`super::construct::threat_code`] makes of the code its pattern (or the
    /// verb) gives, for acts of force and coercion (roots 15-20: "attack",
    /// "strike", "invade") and for a pattern that reads a threat itself ("would
    /// attack B", 13x); `None` for other acts.
    fn threat_of(
        &self,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        h: &super::verbs::VerbHit,
        time: &[u8],
    ) -> Option<String> {
        let verb = &self.verbs[h.verb as usize];
        let clause = self.clause(tokens, ids, owner, h);
        let code = match self.choose_pattern(verb, tokens, ids, owner, mentions, h, &clause, time) {
            Some((p, _, _)) => p.code.get(false),
            None => verb.code.get(false),
        }?;
        let root = CameoCode::new(code).root();
        (root == "13" || root.as_bytes() >= b"15".as_slice())
            .then(|| super::construct::threat_code(code))
            .flatten()
    }

    /// Finds verbs and codes their events (at most `caps.events`; compounds of more
    /// than `caps.compound` actors are skipped, see [`super::caps`]).
    #[allow(clippy::too_many_arguments)] // the sentence context is naturally wide
    pub(super) fn code_sentence(
        &self,
        text: &str,
        tokens: &[Token],
        ids: &[u32],
        mentions: &[Found],
        quoted: Option<&Found>,
        si: usize,
        date: Option<crate::date::Date>,
        country: Option<&str>,
        out: &mut CodedArticle,
        trace: &mut Trace<'_>,
    ) -> Vec<RawEvent> {
        let caps = &self.options.caps;
        let year = date.map(|d| d.year);
        // Time adjuncts ("on Monday") the patterns pass over, found once.
        let time = super::pattern::time_adjuncts(tokens);
        // Token -> mention index.
        let mut owner = vec![usize::MAX; tokens.len()];
        for (mi, m) in mentions.iter().enumerate() {
            for o in &mut owner[m.tok[0]..m.tok[1]] {
                *o = mi;
            }
        }
        thread_local! {
            static SCRATCH: std::cell::RefCell<Analysis> = std::cell::RefCell::new(Analysis::new());
        }
        // The parse buffers are kept per thread (taken here, put back at the end).
        let mut analysis = SCRATCH.with(|c| c.take());
        let (cands, parsed) =
            self.verb_candidates(text, tokens, ids, &owner, mentions, &mut analysis, trace);
        let arcs = self.parser.filter(|_| parsed).map(|model| Arcs {
            a: &analysis,
            model,
            tokens,
            owner: &owner,
            mentions,
            rels: Default::default(),
        });
        let mut events = Vec::new();
        let paired_codes = self.dicts.semantics.paired_codes;
        let mut prev_source: Option<usize> = None;
        let mut prev_verb_end: usize = 0;
        let mut prev_coded = false;
        let mut prev_speech = false;
        // End of the last reduced relative on an object (see `reduced_relative`).
        let mut rr_end: Option<usize> = None;
        // Plain statements to an addressee held back while what they introduce may
        // code an event (see below), with the number of events when each was held.
        let mut held: Vec<(usize, Vec<RawEvent>)> = Vec::new();
        let mut met: Vec<RawEvent> = Vec::new();
        let mut modes: Vec<Mode> = cands
            .iter()
            .map(|h| self.mode(tokens, &owner, mentions, h))
            .collect();
        for (ci, h) in cands.iter().enumerate() {
            let verb = &self.verbs[h.verb as usize];
            let mut clause = self.clause(tokens, ids, &owner, h);
            // The verb's arcs (see `arcs`): roles where the parse gives them.
            let verb_word = arcs.as_ref().map(|x| x.verb_word(h));
            // "has been sanctioned by B": a passive auxiliary in the parse.
            if let (Some(x), Some(v)) = (arcs.as_ref(), verb_word) {
                if h.participle && x.passive(v) && !super::clause::adjectival_participle(tokens, h)
                {
                    clause.passive = true;
                }
            }
            let arc = arcs
                .as_ref()
                .zip(verb_word)
                .map(|(x, v)| x.roles(v, clause.passive))
                .unwrap_or_default();
            let clause_background = arcs.as_ref().zip(verb_word).is_some_and(|(x, v)| {
                x.in_nonrestrictive_relative(v)
                    || x.time_clause_in_participle(v)
                    || x.pluperfect_main_clause(v)
                    || x.gerund_subject(v)
            });
            let reduced_relative = ci > 0
                && self.reduced_relative_after_object(
                    tokens,
                    &cands[ci - 1],
                    h,
                    arcs.as_ref()
                        .zip(verb_word)
                        .is_some_and(|(x, v)| x.has_subject_after(v, cands[ci - 1].end)),
                    h.start >= 1
                        && (owner[h.start - 1] != usize::MAX
                            || arcs.as_ref().is_some_and(|x| x.is_noun(h.start - 1))),
                );
            if reduced_relative {
                rr_end = Some(h.end);
            }
            let later_event = cands[ci + 1..].iter().any(|c| {
                self.verbs[c.verb as usize].code.active.is_some()
                    || !self.verbs[c.verb as usize].patterns.is_empty()
            });
            trace.verb(
                &tokens[h.start..h.end],
                &verb.lemma,
                verb.code.active.as_deref(),
                &clause,
            );
            // Source candidates.
            let subject = self.pick_source(
                ids,
                mentions,
                clause
                    .start
                    .max(if prev_speech { prev_verb_end } else { 0 }),
                h.start,
                prev_source,
                prev_coded && !prev_speech && prev_verb_end > 0,
            );
            // Pattern matching.
            let chosen =
                self.choose_pattern(verb, tokens, ids, &owner, mentions, h, &clause, &time);
            let passive = clause.passive;
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
            trace.pattern(
                pattern.map(|p| &self.pattern_info[p as usize]),
                code.as_deref(),
            );
            // "Protests against the government erupted in Belgrade", "riots broke out
            // in Nairobi": a pattern whose subject is a protest noun
            // (`@r14_demo_subj`, `@r14_riot_subj`), or a verb of such patterns that
            // none matched (the noun's modifiers are longer than a pattern's gap),
            // codes the protest of unnamed protesters, the country's opposition, when
            // the noun opens the clause ([`Coder::protest_noun_subject`]); a pattern
            // with such a subject codes nothing otherwise (session 17 class "protests
            // told by their noun or by a crowd"). The noun is no object the verb
            // would describe as a reduced relative, even when tagged a verb.
            let noun_subject = pattern.is_some_and(|p| {
                let t = &self.pattern_info[p as usize].0;
                t.starts_with("@r14_") && t.contains("_subj")
            });
            let noun_fallback =
                code.is_none() && super::construct::protest_noun_verb(tokens, h, &verb.lemma);
            let protest_noun = (noun_subject || noun_fallback)
                .then(|| {
                    self.protest_noun_subject(tokens, &owner, mentions, h, &verb.lemma, country)
                })
                .flatten();
            let code = match &protest_noun {
                Some(p) if noun_fallback => Some(p.code.to_string()),
                _ => code,
            };
            let mut skip_reason = None;
            // Modality and background (see `construct`): decided before the drop
            // reasons so that a purpose or background clause is reported as such.
            let mut mode = modes[ci];
            // "ready to resume talks", "plans to send aid": a verb right after a
            // modal one (no comma between) shares its mode.
            if mode == Mode::Act && ci > 0 && modes[ci - 1] != Mode::Act {
                let p = &cands[ci - 1];
                if h.start >= p.end
                    && h.start <= p.end + 2
                    && !ids[p.end..h.start].contains(&self.w.comma)
                {
                    mode = modes[ci - 1];
                }
            }
            // "A wants B to meet C": the appeal is coded on "meet"; "wants" itself
            // (whose pattern may reach past B to "to meet") is not.
            // "A called for B to V" likewise (the words between: for, a determiner).
            let appeal_head = modes.get(ci + 1).is_some_and(|next| {
                matches!(*next, Mode::Appeal(m) if mentions[m].tok[0] >= h.end
                    && mentions[m].tok[0] <= h.end + 2
                    && tokens[h.end..mentions[m].tok[0]]
                        .iter()
                        .all(|t| matches!(t.norm.as_str(), "for" | "the" | "a" | "an")))
            });
            let mut construction = None;
            // An obligation names the act asked for; a verb the lexicon gives no
            // code of its own ("must respect the deal") is still a demand or appeal.
            let code = match (code, mode) {
                (None, Mode::Oblige { strong, .. }) if verb.code.active.is_none() => {
                    Some(if strong { "100" } else { "020" }.to_string())
                }
                (None, Mode::Menace { .. }) => Some("130".to_string()),
                (c, _) => c,
            };
            // The act's own root, before modality makes an intent or a threat of it.
            let act_root = code
                .as_deref()
                .map(|c| CameoCode::new(c).root().to_string());
            let code = match code {
                Some(c) if mode != Mode::Act => {
                    let new = self.code_under_mode(&c, mode);
                    if new.as_deref() != Some(c.as_str()) {
                        construction = Some(match mode {
                            Mode::Appeal(_) => "appeal: want X to V",
                            Mode::Oblige { strong: true, .. } => "demand: A said B must V",
                            Mode::Oblige { .. } => "appeal: A said B should V",
                            Mode::Menace { .. } => "threat: A said B will pay",
                            Mode::Purpose => "purpose",
                            _ => "modality: intent or threat",
                        });
                    }
                    if new.is_none() {
                        skip_reason = Some(if mode == Mode::Hypothetical {
                            DropReason::Hypothetical
                        } else {
                            DropReason::PurposeOrAttempt
                        });
                        Some(c)
                    } else {
                        new
                    }
                }
                c => c,
            };
            // "A will not meet B", "A said it would never sign the deal": an
            // announced refusal (12x) rather than a dropped negated act.
            let refusal = (clause.negated && !matched_neg && mode == Mode::Act)
                .then(|| code.as_deref().and_then(super::construct::reject_code))
                .flatten()
                .filter(|_| {
                    self.announced_refusal(
                        tokens,
                        h,
                        &verb.lemma,
                        code.as_deref().unwrap_or_default(),
                    )
                });
            let code = match refusal {
                Some(rc) => {
                    construction = Some("refusal: A will not V");
                    Some(rc.to_string())
                }
                None => code,
            };
            // "A vowed to attack B", "A promised to hit back at B": a commissive verb
            // whose infinitive is an act of force or coercion announces a threat,
            // coded on the infinitive as intent (13x, as "A will attack B" is); the
            // vow's own intent code (03x) is not the event (issue 10 class "vows
            // of force").
            let threat_head = skip_reason.is_none()
                && mode == Mode::Act
                && !self.dicts.semantics.act_under_modality
                && COMMISSIVE.contains(&verb.lemma.as_str())
                && code
                    .as_deref()
                    .is_some_and(|c| CameoCode::new(c).root() == "03")
                && cands.get(ci + 1).is_some_and(|n| {
                    super::pattern::infinitive_after(tokens, h.end) == Some(n.start)
                        && matches!(modes[ci + 1], Mode::Act | Mode::Intent { .. })
                        && self
                            .threat_of(tokens, ids, &owner, mentions, n, &time)
                            .is_some()
                });
            if threat_head && modes[ci + 1] == Mode::Act {
                modes[ci + 1] = Mode::Intent { unless: false };
            }
            if skip_reason.is_some() {
                // Already decided above.
            } else if threat_head {
                skip_reason = Some(DropReason::ThreatCodedOnVerb);
            } else if appeal_head {
                skip_reason = Some(DropReason::AppealCodedOnVerb);
            } else if verb.lemma == "help"
                && pattern.is_none()
                && cands.get(ci + 1).is_some_and(|c| {
                    c.start == h.end
                        || super::pattern::infinitive_after(tokens, h.end) == Some(c.start)
                })
            {
                // "helped shoot down the drones", "helped to evacuate": the act is
                // the next verb's (issue 10 class "help V").
                skip_reason = Some(DropReason::ActOfNextVerb);
            } else if code.is_none() {
                skip_reason = Some(DropReason::NullCode);
            } else if clause.negated
                && !matched_neg
                && refusal.is_none()
                && !matches!(mode, Mode::Oblige { .. })
            {
                skip_reason = Some(DropReason::Negated);
            } else if self.denied_content(tokens, h) {
                // "A denied that B attacked C": the act denied is not reported.
                skip_reason = Some(DropReason::Negated);
            } else if clause.hypothetical
                && !matches!(mode, Mode::Oblige { .. } | Mode::Menace { .. })
            {
                skip_reason = Some(DropReason::Hypothetical);
            } else if h.gerund
                && arcs
                    .as_ref()
                    .zip(verb_word)
                    .is_some_and(|(x, v)| x.clausal_subject(v))
            {
                skip_reason = Some(DropReason::GerundAsSubject);
            } else if clause.gerund_with_subject_after_prep
                || clause.gerund_after_prep
                    && (pattern.is_none()
                        || ci > 0
                            && super::construct::ALLEGING
                                .contains(&self.verbs[cands[ci - 1].verb as usize].lemma.as_str()))
            {
                // "accused B of shelling C": the act alleged is B's, and only alleged
                // (issue 10 class: gerunds after a preposition).
                skip_reason = Some(DropReason::GerundAfterPreposition);
            } else if clause.infinitive && prev_coded && !matches!(mode, Mode::Appeal(_)) {
                skip_reason = Some(DropReason::InfinitiveAfterCodedVerb);
            } else if verb.speech && pattern.is_none() && later_event {
                skip_reason = Some(DropReason::SpeechVerbIntroducingEvent);
            } else if h.end - h.start == 1
                && arcs
                    .as_ref()
                    .zip(verb_word)
                    .is_some_and(|(x, v)| x.prenominal(v))
            {
                // "returned looted artefacts to C": no looting is reported (issue 10
                // class: participles before their noun).
                skip_reason = Some(DropReason::PrenominalParticiple);
            } else if (reduced_relative && protest_noun.is_none())
                || (h.gerund
                    && rr_end.is_some_and(|e| h.start == e + 1)
                    && h.start >= 1
                    && self.w.prepositions.contains(&ids[h.start - 1]))
            {
                // A reduced relative on an object, and a gerund it governs ("accused
                // of supplying"): background about that object.
                skip_reason = Some(DropReason::BackgroundClause);
            } else if clause_background
                || self.background(tokens, h, &clause, year)
                || (mode == Mode::Act
                    && !self.dicts.semantics.act_under_modality
                    && date.is_some_and(|d| dated_months_before(tokens, &clause, &cands, ci, d)))
                || (arcs.as_ref().zip(verb_word).zip(year))
                    .is_some_and(|((x, v), y)| x.dated_before(v, y))
            {
                skip_reason = Some(DropReason::BackgroundClause);
            }
            // Roles.
            let (mut sources, mut targets) = self.roles(
                tokens, ids, &owner, mentions, h, &clause, subject, src_slot, tgt_slot,
            );
            if let (Some(x), Some(v)) = (arcs.as_ref(), verb_word) {
                // Meetings and agreements happen at a venue ("signed a deal in C",
                // "called for talks in C": 04x, 05x, and the meet-or-negotiate codes
                // 026/036); a material act "in C" (strikes, curfews, aid) acts on C.
                let venue_act = code.as_deref().is_some_and(|c| {
                    matches!(CameoCode::new(c).root(), "04" | "05") || matches!(c, "026" | "036")
                });
                // A truce agreed by two parties ("A and B agreed to a ceasefire in
                // C") is between them, wherever it holds (issue 10 class
                // "agreements between compound parties").
                let truce = code.as_deref().is_some_and(|c| c.starts_with("087"));
                let cooperative = code.as_deref().is_some_and(|c| {
                    matches!(
                        CameoCode::new(c).root(),
                        "03" | "04" | "05" | "06" | "07" | "08"
                    )
                });
                self.roles_from_arcs(
                    x,
                    v,
                    &arc,
                    &clause,
                    (venue_act, cooperative, truce),
                    (src_slot, tgt_slot),
                    tokens,
                    ids,
                    &mut sources,
                    &mut targets,
                );
            }
            // Agentless passives (see `passive`): "who had been held by X ... were
            // released" is X's release; "were arrested in Iran" the act of Iran's
            // police, a source the sentence does not name.
            let mut implied = None;
            if clause.passive && src_slot.is_none() && sources.is_empty() && mode == Mode::Act {
                if let Some((holder, held)) =
                    super::passive::holder(tokens, &owner, mentions, h, &verb.lemma)
                {
                    sources = self.compound(tokens, ids, mentions, holder);
                    if let Some(t) = held.filter(|t| !sources.contains(t)) {
                        targets = self.compound(tokens, ids, mentions, t);
                    }
                    targets.retain(|t| !sources.contains(t));
                    construction.get_or_insert("passive: released by the holder");
                } else {
                    // The passive subject, before the verb, is the target: not "in
                    // Lebanon" after it, which a pattern's object slot may hold
                    // ("was arrested in Lebanon for spying").
                    if targets.iter().any(|&t| mentions[t].tok[1] > h.start) {
                        targets.clear();
                        if let Some(t) = arc
                            .target
                            .or(subject)
                            .filter(|&t| mentions[t].tok[1] <= h.start)
                        {
                            targets = self.compound(tokens, ids, mentions, t);
                        }
                    }
                }
                if sources.is_empty() && !targets.is_empty() {
                    implied = super::passive::state_actor(
                        tokens,
                        &owner,
                        mentions,
                        h,
                        clause.end,
                        &verb.lemma,
                        country,
                    );
                    if implied.is_some() {
                        construction.get_or_insert("passive: agentless act of a state");
                    }
                }
            }
            // "Russian missile strikes on Kyiv killed five people": the act is the
            // noun's, of its actor on the place it names or on the victims (issue
            // 10 class "acts of force told by their noun").
            let force = (mode == Mode::Act
                && !self.dicts.semantics.act_under_modality
                && !clause.passive
                && src_slot.is_none()
                && super::construct::HARM_VERBS.contains(&verb.lemma.as_str()))
            .then(|| self.force_noun_subject(tokens, &owner, mentions, clause.start, h.start))
            .flatten();
            let code = match &force {
                Some(f) => {
                    sources = self.compound(tokens, ids, mentions, f.source);
                    match f.place {
                        Some(p) => targets = self.compound(tokens, ids, mentions, p),
                        None => targets.retain(|&t| mentions[t].tok[0] >= h.end),
                    }
                    construction = Some("force noun as subject");
                    // "wounded" has no code of its own: the noun gives it.
                    if skip_reason == Some(DropReason::NullCode) {
                        skip_reason = None;
                    }
                    Some(f.code.to_string())
                }
                None => code,
            };
            // "Protests against the government erupted in Belgrade", "riots broke out
            // in Nairobi": a pattern whose subject is a protest noun
            // (`@r14_demo_subj`, `@r14_riot_subj`) codes the protest of unnamed
            // protesters, the country's opposition, when the noun opens the clause;
            // otherwise nothing (session 17 class "protests told by their noun or by
            // a crowd").
            let code = match &protest_noun {
                Some(p)
                    if mode == Mode::Act
                        && !self.dicts.semantics.act_under_modality
                        && force.is_none() =>
                {
                    sources.clear();
                    targets = p
                        .target
                        .map(|t| self.compound(tokens, ids, mentions, t))
                        .unwrap_or_default();
                    implied = Some(format!("{}OPP", p.country));
                    construction = Some(if p.anti_state {
                        super::construct::PROTEST_AGAINST_STATE
                    } else {
                        "protest noun as subject"
                    });
                    code
                }
                _ if noun_subject || protest_noun.is_some() => None,
                _ => code,
            };
            // "A sent a letter to B urging C to V", "A passed a bill supporting C":
            // a participle on a document noun is the act of the document's author,
            // the source of the verb that issued it (issue 10 class "acts told
            // through a document"; the parse gives the same when it attaches the
            // participle to the noun, see `Arcs::document_author`).
            if force.is_none() && tokens[h.start].norm.ends_with("ing") {
                let author = (ci > 0)
                    .then(|| self.after_document(tokens, &owner, &cands[ci - 1], h.start))
                    .flatten()
                    // "the UN resolution calling on B": the document's own actor.
                    .map(|n| {
                        (cands[ci - 1].end..n)
                            .find(|&k| owner[k] != usize::MAX && mentions[owner[k]].code.is_some())
                            .map(|k| owner[k])
                            .or(prev_source)
                    });
                if let Some(author) = author.flatten() {
                    sources = self.compound(tokens, ids, mentions, author);
                    targets.retain(|t| !sources.contains(t));
                    construction = Some("act told through a document");
                    if skip_reason == Some(DropReason::GerundAfterPreposition) {
                        skip_reason = None;
                    }
                }
            }
            // '"We call on B to V," A said': "we" in a quotation is already its
            // speaker's mention (`mentions.rs`, `quoted_we`).
            // '"B attacked us," A said': "us" right after the verb is the speaker.
            if targets.is_empty()
                && tgt_slot.is_none()
                && tokens
                    .get(h.end)
                    .is_some_and(|t| !t.capitalized && matches!(t.norm.as_str(), "us" | "me"))
                // "struck me as political": an impression, not an act on the speaker.
                && tokens.get(h.end + 1).is_none_or(|t| t.norm != "as")
            {
                if let Some(sp) = self.quotation_speaker(tokens, &owner, mentions, h.start, h.end) {
                    targets = self.compound(tokens, ids, mentions, sp);
                }
            }
            // "..., said the spokesman": a speech verb after a comma or a quotation
            // mark with an actor right after it is inverted; that actor is who
            // speaks, not whom the statement addresses. Not a participle (",
            // telling lawmakers that ...": the lawmakers are told).
            if verb.speech
                && !tokens[h.start].norm.ends_with("ing")
                && tgt_slot.is_none()
                && h.start > 0
                && matches!(tokens[h.start - 1].norm.as_str(), "," | "\"" | "'")
                && targets.first().is_some_and(|&t| {
                    let at = mentions[t].tok[0];
                    at == h.end || (at == h.end + 1 && self.w.determiners.contains(&ids[h.end]))
                })
            {
                sources = self.compound(tokens, ids, mentions, targets[0]);
                targets.clear();
            }
            // A plain statement (010) is coded only when addressed to a named target
            // (CODING-GUIDE): its object or "to X" in the parse, not an actor
            // somewhere in what was said ("she said it is cheaper than ...").
            if arcs.is_some()
                && tgt_slot.is_none()
                && code.as_deref() == Some("010")
                && (arc.target.is_none()
                    // ... and an object is whom it was said to only for verbs that
                    // take an addressee: "acknowledged (that) prison authorities
                    // discovered ..." names what was said (issue 10 class
                    // "participle clauses", addressee verbs).
                    || (!ADDRESSEE_SPEECH.contains(&verb.lemma.as_str())
                        && targets.first().is_none_or(|&t| {
                            let at = mentions[t].tok[0];
                            at == 0 || tokens[at - 1].norm != "to"
                        })))
            {
                targets.clear();
            }
            if let Mode::Appeal(m) = mode {
                // "A wants B to meet C": the appeal goes to B.
                targets = self.compound(tokens, ids, mentions, m);
            }
            if let Mode::Oblige {
                speaker, target, ..
            }
            | Mode::Menace { speaker, target } = mode
            {
                // "A said B must V": from the speaker to B.
                sources = self.compound(tokens, ids, mentions, speaker);
                targets = self.compound(tokens, ids, mentions, target);
                // The speech verb's own pattern ("said B must free ...") may have
                // coded the same demand already.
                let root = code
                    .as_deref()
                    .map(|c| CameoCode::new(c).root().to_string());
                if skip_reason.is_none()
                    && events.iter().any(|e: &RawEvent| {
                        sources.first() == Some(&e.source)
                            && e.target == targets.first().copied()
                            && e.code.as_deref().map(|c| CameoCode::new(c).root())
                                == root.as_deref()
                    })
                {
                    skip_reason = Some(DropReason::AppealCodedOnVerb);
                }
            }
            // "The United States will deploy troops to Poland": an announced
            // deployment to a country (force posture, 15x, aimed at the place the
            // troops go to) threatens no one there; the deployment done keeps its
            // code (154). "to the border with B" still aims at B (session 17 class
            // "future clauses wrongly coded as threats").
            if skip_reason.is_none()
                && matches!(mode, Mode::Intent { unless: false })
                && act_root.as_deref() == Some("15")
                && !targets.is_empty()
                && targets.iter().all(|&t| {
                    let a = mentions[t].tok[0];
                    a > 0 && tokens[a - 1].norm == "to"
                })
            {
                skip_reason = Some(DropReason::Hypothetical);
            }
            // "A warned it would not stand idly by if B attacked", "A will retaliate
            // unless B lifts the sanctions": a threat with no other target is aimed
            // at the actor of its condition (issue 10 class: threats, 13x).
            if tgt_slot.is_none()
                && code
                    .as_deref()
                    .is_some_and(|c| CameoCode::new(c).root() == "13")
            {
                let src_code = sources.first().and_then(|&s| mentions[s].code.as_deref());
                if targets
                    .iter()
                    .all(|&t| mentions[t].code.as_deref() == src_code)
                {
                    // "If B invades, A will impose sanctions": a condition that opens
                    // the sentence, ending before the threat's source (issue 10 class
                    // "fronted conditions").
                    let fronted = || {
                        let first = tokens.iter().position(|t| t.kind == TokenKind::Word)?;
                        let src_start = sources.first().map(|&s| mentions[s].tok[0])?;
                        if !matches!(tokens[first].norm.as_str(), "if" | "unless") {
                            return None;
                        }
                        self.condition_actor(tokens, &owner, mentions, first, src_code)
                            .filter(|&c| mentions[c].tok[1] <= src_start)
                    };
                    if let Some(c) = self
                        .condition_actor(tokens, &owner, mentions, h.end, src_code)
                        .or_else(fronted)
                        .or_else(|| self.tag_topic(tokens, &owner, mentions, h.start, src_code))
                    {
                        targets = self.compound(tokens, ids, mentions, c);
                    }
                }
            }
            // "A warned that its forces would attack C", "A warned that A's consumers
            // could boycott C": a warning whose actors after the verb are all A's own
            // side is aimed at the next actor of another country, the target of the
            // act it announces, and an announced act of force is its code (issue 10
            // class "warnings about one's own side's acts").
            let mut code = code;
            if tgt_slot.is_none()
                && !self.dicts.semantics.act_under_modality
                && code
                    .as_deref()
                    .is_some_and(|c| CameoCode::new(c).root() == "13")
            {
                let country =
                    |m: usize| mentions[m].code.as_deref().map(|c| c.get(..3).unwrap_or(c));
                let own = sources.first().and_then(|&s| country(s));
                let last = targets.iter().map(|&t| mentions[t].tok[1]).max();
                // The announced act follows the own side's actor: "(its forces)
                // would", "(consumers) could" (not "warned its citizens against
                // travel to C": advice, no threat to C).
                let modal = |k: usize| {
                    tokens.get(k).is_some_and(|t| {
                        matches!(
                            t.norm.as_str(),
                            "would" | "could" | "will" | "might" | "may" | "can" | "'ll"
                        )
                    })
                };
                if let Some(last) = last.filter(|&l| {
                    own.is_some()
                        && targets.iter().all(|&t| country(t) == own)
                        && (modal(l) || modal(l + 1))
                }) {
                    let other = (last..tokens.len()).find_map(|k| {
                        let m = owner[k];
                        (m != usize::MAX
                            && mentions[m].tok[0] == k
                            && country(m).is_some()
                            && country(m) != own)
                            .then_some(m)
                    });
                    if let Some(m) = other {
                        targets = self.compound(tokens, ids, mentions, m);
                        construction = Some("warning about one's own side's act");
                        let act = cands[ci + 1..]
                            .iter()
                            .find(|c| c.start >= last && c.end <= mentions[m].tok[0]);
                        if let Some(t) = act
                            .and_then(|c| self.threat_of(tokens, ids, &owner, mentions, c, &time))
                        {
                            code = Some(t);
                        }
                    }
                }
            }
            // "Pence will travel to Bogota to meet Guaido": an intended trip whose
            // purpose is a meeting is aimed at the one to be met, not at the city
            // (issue 10 class "trips to meet someone").
            if matches!(mode, Mode::Intent { .. })
                && code.as_deref().is_some_and(|c| c.starts_with("03"))
                && targets.first().is_some_and(|&t| {
                    mentions[t].kind == crate::dict::ActorKind::Country
                        && mentions[t].tok[0] >= h.end
                })
            {
                let meeting = cands[ci + 1..].iter().take(2).find(|c| {
                    c.start >= 1
                        && c.start < clause.end
                        && tokens[c.start - 1].norm == "to"
                        && matches!(self.verbs[c.verb as usize].lemma.as_str(), "meet" | "visit")
                });
                let partner = meeting.and_then(|c| {
                    (c.end..(c.end + 4).min(clause.end).min(tokens.len())).find_map(|k| {
                        let m = owner[k];
                        (m != usize::MAX
                            && mentions[m].code.is_some()
                            && mentions[m].kind != crate::dict::ActorKind::Country
                            && !sources.contains(&m))
                        .then_some(m)
                    })
                });
                if let Some(p) = partner {
                    targets = self.compound(tokens, ids, mentions, p);
                }
            }
            // "Iraqi troops attacked Islamic State fighters near Mosul": a place of
            // the source's own country taken as the target (the act would be
            // reflexive and dropped) gives way to the actor named between the verb
            // and the place, the object the act is on (issue 10 class "domestic
            // operations located by a place").
            if let (Some(&t), Some(&s)) = (targets.first(), sources.first()) {
                let sc = mentions[s].code.as_deref().unwrap_or("");
                if !self.dicts.semantics.act_under_modality
                    && mentions[t].tok[0] > h.end
                    && own_scene(sc, &mentions[t])
                {
                    let object = (h.end..mentions[t].tok[0]).find_map(|k| {
                        let m = owner[k];
                        (m != usize::MAX
                            && mentions[m].code.is_some()
                            && !mentions[m].pronoun
                            && mentions[m].kind != crate::dict::ActorKind::Country
                            && !sources.contains(&m))
                        .then_some(m)
                    });
                    if let Some(o) = object {
                        targets = self.compound(tokens, ids, mentions, o);
                    }
                }
            }
            // "China condemned the strikes on Syria by the United States", "Canada
            // welcomed the release of two Canadians by China": praise or criticism of
            // an act named by a noun is aimed at the act's doer, not at its victim
            // (sixteenth session, class "praise or criticism whose object is an
            // event noun"; CODING-GUIDE "Calling an act of B a name").
            let evaluates = code.as_deref().is_some_and(|c| {
                matches!(c, "050" | "051" | "110" | "111" | "114")
                    || c.starts_with("051")
                    || c.starts_with("111")
            });
            if evaluates && tgt_slot.is_none() && !clause.passive {
                if let Some(&s) = sources.first() {
                    match super::evaluative::event_object_owner(
                        tokens, &owner, mentions, h.end, clause.end, s,
                    ) {
                        NounOwner::Owner(m) => {
                            targets = self.compound(tokens, ids, mentions, m);
                            construction = Some("evaluation of an act: its doer");
                        }
                        NounOwner::Victim => targets.clear(),
                        NounOwner::Keep => {}
                    }
                }
            }
            if skip_reason.is_none()
                && (sources.len() > caps.compound || targets.len() > caps.compound)
            {
                skip_reason = Some(DropReason::CompoundOverCap);
                out.hit(trace, si, Limit::Compound, caps.compound);
            }
            // "A told B (that) ...": a plain statement addressed to B (its object,
            // right after the verb) is coded when what it introduces codes nothing
            // (CODING-GUIDE: 010 only for a named addressee and when nothing more
            // specific fits; issue 10 class "statements to an addressee").
            if skip_reason == Some(DropReason::SpeechVerbIntroducingEvent)
                && code.as_deref() == Some("010")
                // Verbs that take an addressee as their object: "said the hostages
                // had suffered" names what was said, not whom it was said to.
                && ADDRESSEE_SPEECH.contains(&verb.lemma.as_str())
                && mode == Mode::Act
                && !sources.is_empty()
                && sources.len() <= caps.compound
                && targets.len() <= caps.compound
                && targets.first().is_some_and(|&t| {
                    let at = mentions[t].tok[0];
                    at == h.end || (at == h.end + 1 && self.w.determiners.contains(&ids[h.end]))
                })
            {
                let verb_span = [tokens[h.start].start, tokens[h.end - 1].end];
                let pairs = sources
                    .iter()
                    .flat_map(|&s| targets.iter().map(move |&t| (s, t)))
                    .filter(|&(s, t)| s != t)
                    .map(|(s, t)| RawEvent {
                        source: s,
                        target: Some(t),
                        code: code.clone(),
                        pattern,
                        verb: h.verb,
                        verb_span,
                        construction: Some("statement to an addressee"),
                        implied: None,
                    })
                    .collect();
                held.push((events.len(), pairs));
                skip_reason = Some(DropReason::StatementHeld);
            }
            // "A announced the deal during a meeting with B": A and B met, whatever
            // the verb codes (issue 10 class "meetings in passing"); not in a
            // background, hypothetical or purpose clause, nor an intent.
            if mode == Mode::Act
                && !self.dicts.semantics.act_under_modality
                && !clause.hypothetical
                && sources.len() == 1
                && matches!(
                    skip_reason,
                    None | Some(
                        DropReason::NullCode
                            | DropReason::Negated
                            | DropReason::SpeechVerbIntroducingEvent
                            | DropReason::StatementHeld
                    )
                )
            {
                // Up to the next verb: "said he would raise it at a meeting
                // with B" is the next verb's.
                let until = cands
                    .get(ci + 1)
                    .map_or(clause.end, |c| c.start.min(clause.end));
                met.extend(self.meeting_events(
                    tokens,
                    ids,
                    &owner,
                    mentions,
                    [h.end, until],
                    sources[0],
                ));
            }
            trace.roles(text, mentions, &sources, &targets, skip_reason);
            if !sources.is_empty() {
                prev_source = Some(sources[0]);
            }
            // "Afghan forces backed by U.S. air strikes pushed the insurgents back": a
            // passive participle right after an actor is a reduced relative on it, and
            // that actor, not the participle's agent, is the subject the next verb
            // inherits (issue 10 class "reduced relatives on the subject").
            if clause.passive
                && h.participle
                && h.start >= 1
                && owner[h.start - 1] != usize::MAX
                && mentions[owner[h.start - 1]].code.is_some()
                && tokens.get(h.end).is_some_and(|t| t.norm == "by")
            {
                prev_source = Some(owner[h.start - 1]);
            }
            prev_verb_end = h.end;
            prev_speech = verb.speech;
            if skip_reason.is_some() {
                if code.is_some()
                    && !verb.speech
                    && !appeal_head
                    && !threat_head
                    // "A helped to V": V is A's act, unless "help" had no actor
                    // ("protests that helped to force B to V").
                    && (skip_reason != Some(DropReason::ActOfNextVerb) || sources.is_empty())
                {
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
                .map(|c| CameoCode::new(c).root())
                .is_some_and(|r| matches!(r, "03" | "04" | "05" | "06"))
                // A ceasefire or a pull-back agreed by both (0871-0874).
                || code.as_deref().is_some_and(|c| c.starts_with("087"));
            let mutual = self.mutual(tokens, h, &clause);
            // "clashes erupted between A and B", "talks were held between A and
            // B": with no source of its own by the parse (a noun before the verb
            // is no party: "clashes erupted in C between A and B"), a symmetric or
            // fighting act names its parties after "between", and each acts on the
            // other (issue 10 class "fighting that breaks out between A and B").
            // A verb the parse hangs on a noun ("clashes erupted", an `acl`) has
            // that noun, no actor, for its subject.
            let on_noun = arcs
                .as_ref()
                .zip(verb_word)
                .is_some_and(|(x, v)| x.on_noun(v));
            if (sources.is_empty() || (arc.source.is_none() && (arc.has_subject || on_noun)))
                && (symmetric
                    || mutual
                    || code
                        .as_deref()
                        .is_some_and(|c| CameoCode::new(c).root() == "19"))
            {
                if let Some(m) = self.parties_between(tokens, ids, &owner, h.end, clause.end) {
                    let parties = self.compound(tokens, ids, mentions, m);
                    if parties.len() > 1 && parties.len() <= caps.compound {
                        sources = parties.clone();
                        targets = parties;
                    }
                }
            }
            // "Chinese and Japanese diplomats met in Tokyo": with two or more parties
            // meeting or agreeing, a country after "in" or "at" is where they met,
            // not a party (session 17 class "group actors: a compound subject
            // meeting at a place"; the parse of such subjects is often wrong, so the
            // words decide).
            let venue_code = code.as_deref().is_some_and(|c| {
                matches!(CameoCode::new(c).root(), "04" | "05")
                    || matches!(c, "026" | "036")
                    || c.starts_with("087")
            });
            if !self.dicts.semantics.act_under_modality
                && venue_code
                && sources.len() > 1
                && !targets.is_empty()
                && targets
                    .iter()
                    .all(|&t| !sources.contains(&t) && located(tokens, &mentions[t]))
            {
                targets.clear();
            }
            if (targets.is_empty() || targets.iter().all(|t| sources.contains(t)))
                && sources.len() > 1
                && (symmetric || mutual)
            {
                targets = sources.clone();
            }
            // "A clashed with B": B acts on A too.
            // ... only when it happened: "A is ready to negotiate with B" is A's intent.
            // Consultations are mutual whatever their verb ("held talks with B",
            // "spoke by phone with B": 040, 041, 044, 046), and "A met B" is "the
            // two met" (CODING-GUIDE; issue 10 class "meetings both ways").
            let consult = !self.dicts.semantics.act_under_modality
                && code
                    .as_deref()
                    .is_some_and(|c| matches!(c, "040" | "041" | "044" | "046"));
            // "discussed Ukraine with Scholz": the partner of a consultation is
            // the actor after "with", not the topic in the object.
            if consult && tgt_slot.is_none() {
                let partner = (h.end + 1..clause.end.min(tokens.len())).find_map(|k| {
                    let m = owner[k];
                    (m != usize::MAX
                        && mentions[m].tok[0] == k
                        && ids[k - 1] == self.w.with
                        && mentions[m].code.is_some()
                        && !sources.contains(&m))
                    .then_some(m)
                });
                if let Some(m) = partner.filter(|m| !targets.contains(m)) {
                    targets = self.compound(tokens, ids, mentions, m);
                }
            }
            let with_target = (mutual || consult)
                && mode == Mode::Act
                && refusal.is_none()
                && !sources.is_empty()
                // "A and B held talks with C": C meets each of them (session 17
                // class "group actors"); not when the targets are the sources.
                && !targets.iter().any(|t| sources.contains(t))
                && targets.first().is_some_and(|&t| {
                    let at = mentions[t].tok[0];
                    (at >= 1 && ids[at - 1] == self.w.with)
                        || (consult
                            && verb.lemma == "meet"
                            && src_slot.is_none()
                            && (at == h.end
                                || (at == h.end + 1 && self.w.determiners.contains(&ids[h.end]))))
                });
            if with_target {
                for (&t, &s) in targets
                    .iter()
                    .flat_map(|t| sources.iter().map(move |s| (t, s)))
                {
                    if t != s {
                        events.push(RawEvent {
                            source: t,
                            target: Some(s),
                            code: code.clone(),
                            pattern,
                            verb: h.verb,
                            verb_span,
                            construction: Some("mutual verb"),
                            implied: None,
                        });
                    }
                }
            }
            // TABARI paired codes `[032:033]`: the second code is the reverse event.
            let reverse = if paired_codes {
                let pair = chosen.map_or(&verb.code, |(p, _, _)| &p.code);
                if pair.paired || pair.passive != pair.active {
                    pair.passive.clone()
                } else {
                    None
                }
            } else {
                None
            };
            // Every pairing below is bounded: at most `caps.compound` actors a side.
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
                                construction,
                                implied: None,
                            });
                        }
                    }
                }
            }
            // A source implied by an agentless passive (see `passive`) has no
            // mention: `usize::MAX` stands for it.
            let implied_source = implied.as_ref().map(|_| usize::MAX);
            for &s in sources.iter().chain(&implied_source) {
                let implied = implied.clone().filter(|_| s == usize::MAX);
                if targets.is_empty() {
                    events.push(RawEvent {
                        source: s,
                        target: None,
                        code: code.clone(),
                        pattern,
                        verb: h.verb,
                        verb_span,
                        construction,
                        implied,
                    });
                    continue;
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
                            construction,
                            implied: implied.clone(),
                        });
                    }
                }
            }
            // "A and B agreed to a ceasefire in a deal brokered by C": C mediated
            // between the parties (045), as CAMEO codes a go-between (issue 10
            // class "agreements between compound parties").
            if mode == Mode::Act
                && !self.dicts.semantics.act_under_modality
                && code.as_deref().is_some_and(|c| {
                    matches!(CameoCode::new(c).root(), "03" | "04" | "05" | "06" | "08")
                })
            {
                let mut parties: Vec<usize> = sources.iter().chain(&targets).copied().collect();
                parties.sort_unstable();
                parties.dedup();
                let until = cands[ci + 1..]
                    .iter()
                    .find(|c| {
                        // Not the participle itself, nor an infinitive chained on
                        // this verb ("agreed to restore ties in a deal brokered by C").
                        let participle =
                            super::arcs::MEDIATED.contains(&tokens[c.start].norm.as_str());
                        let infinitive = c.start > 0 && tokens[c.start - 1].norm == "to";
                        !participle && !infinitive
                    })
                    .map_or(tokens.len(), |c| c.start);
                if parties.len() > 1 {
                    if let Some(c) = self.broker(tokens, &owner, mentions, h.end, until) {
                        let brokers = self.compound(tokens, ids, mentions, c);
                        if brokers.len() <= caps.compound
                            && parties.len() <= caps.compound
                            && brokers.iter().all(|b| !parties.contains(b))
                        {
                            met.extend(
                                brokers
                                    .iter()
                                    .flat_map(|&b| parties.iter().map(move |&p| (b, p)))
                                    .map(|(b, p)| RawEvent {
                                        source: b,
                                        target: Some(p),
                                        code: Some("045".to_string()),
                                        pattern: None,
                                        verb: h.verb,
                                        verb_span,
                                        construction: Some("mediator of an agreement"),
                                        implied: None,
                                    }),
                            );
                        }
                    }
                }
            }
            if events.len() > caps.events {
                events.truncate(caps.events);
                out.hit(trace, si, Limit::Events, caps.events);
                break;
            }
        }
        // A held statement is coded if no event was coded after it.
        for (at, pairs) in held.into_iter().rev() {
            if events.len() == at && events.len() + pairs.len() <= caps.events {
                trace.held_statement_coded(text, mentions, &pairs);
                events.extend(pairs);
            }
        }
        // Meetings in passing, unless a verb coded a meeting between the same
        // actors already, each once.
        for e in met {
            let dup = events.iter().any(|x| {
                x.source == e.source
                    && x.target == e.target
                    && x.code.as_deref().is_some_and(|c| c.starts_with("04"))
            });
            if !dup && events.len() < caps.events {
                events.push(e);
            }
        }
        // Obligations on verbs the lexicon lacks ("A said B should direct money to
        // schools"): a demand (10x) or an appeal (02x) of the speaker, unless a verb
        // already coded one between the same actors.
        for (speaker, target, strong, v) in self.bare_obligations(tokens, &owner, mentions, &cands)
        {
            let root = if strong { "10" } else { "02" };
            let (sources, targets) = (
                self.compound(tokens, ids, mentions, speaker),
                self.compound(tokens, ids, mentions, target),
            );
            if sources.len() > caps.compound || targets.len() > caps.compound {
                continue;
            }
            for &s in &sources {
                for &t in &targets {
                    let done = events.iter().any(|e| {
                        e.source == s
                            && e.target == Some(t)
                            && e.code
                                .as_deref()
                                .is_some_and(|c| CameoCode::new(c).root() == root)
                    });
                    if done || s == t || events.len() >= caps.events {
                        continue;
                    }
                    // The speech verb's plain statement between the same actors
                    // is this demand.
                    events.retain(|e| {
                        !(e.source == s
                            && e.target == Some(t)
                            && e.code.as_deref().is_some_and(|c| c.starts_with("01")))
                    });
                    events.push(RawEvent {
                        source: s,
                        target: Some(t),
                        code: Some(format!("{root}0")),
                        pattern: None,
                        verb: 0,
                        verb_span: [tokens[v].start, tokens[v].end],
                        construction: Some(if strong {
                            "demand: A said B must V"
                        } else {
                            "appeal: A said B should V"
                        }),
                        implied: None,
                    });
                }
            }
        }
        // "All options are on the table," A said of B: the speaker's threat to B
        // (session 17 class "threats without a threat verb"), unless a verb coded
        // a threat between the same actors already.
        if let Some((speaker, target, code, v)) = self.options_on_table(tokens, &owner, mentions) {
            let sources = self.compound(tokens, ids, mentions, speaker);
            let targets = self.compound(tokens, ids, mentions, target);
            if sources.len() <= caps.compound && targets.len() <= caps.compound {
                for &s in &sources {
                    for &t in &targets {
                        let same = mentions[s].code == mentions[t].code;
                        let done = events.iter().any(|e| {
                            e.source == s
                                && e.target == Some(t)
                                && e.code
                                    .as_deref()
                                    .is_some_and(|c| CameoCode::new(c).root() == "13")
                        });
                        if done || same || events.len() >= caps.events {
                            continue;
                        }
                        events.push(RawEvent {
                            source: s,
                            target: Some(t),
                            code: Some(code.to_string()),
                            pattern: None,
                            verb: 0,
                            verb_span: [tokens[v].start, tokens[v].end],
                            construction: Some("threat: all options on the table"),
                            implied: None,
                        });
                    }
                }
            }
        }
        // Evaluative speech: its event replaces a plain statement (01x) between the
        // same actors, or of the same speech verb ("A told C that B's move was
        // illegal" is A 111 B, not also A 010 C).
        let evaluations = self.evaluations(tokens, ids, &owner, mentions, quoted);
        if !evaluations.is_empty() {
            // ... and a verb inside the named act ("called B's blockade piracy") is
            // the act's name, not a new event.
            events.retain(|e| {
                let named = evaluations.iter().any(|v| {
                    v.region[0] < v.region[1]
                        && (e.verb_span == v.span
                            || (e.verb_span[0] >= tokens[v.region[0]].start
                                && e.verb_span[0] < tokens[v.region[1] - 1].end))
                });
                let plain = e.code.as_deref().is_some_and(|c| c.starts_with("01"))
                    && evaluations.iter().any(|v| {
                        v.source == e.source
                            && (Some(v.target) == e.target || e.verb_span == v.span)
                    });
                !(named || plain)
            });
            for v in evaluations {
                if events.len() >= caps.events {
                    out.hit(trace, si, Limit::Events, caps.events);
                    break;
                }
                // A verb's pattern coded the same kind of act between the same
                // actors ("prosecutors asserted that B lied" is 1121 already).
                let root = CameoCode::new(v.code).root();
                if events.iter().any(|e| {
                    e.source == v.source
                        && e.target == Some(v.target)
                        && e.code
                            .as_deref()
                            .is_some_and(|c| CameoCode::new(c).root() == root)
                }) {
                    continue;
                }
                // The speaker of a quotation that goes on from an earlier
                // sentence has no mention here (`evaluations` numbers it after
                // the sentence's mentions): an implied source, by its code.
                let implied = quoted
                    .filter(|_| v.source == mentions.len())
                    .and_then(|q| q.code.clone());
                events.push(RawEvent {
                    source: if implied.is_some() {
                        usize::MAX
                    } else {
                        v.source
                    },
                    target: Some(v.target),
                    code: Some(v.code.to_string()),
                    pattern: None,
                    verb: 0,
                    verb_span: v.span,
                    construction: Some(v.frame),
                    implied,
                });
            }
        }
        SCRATCH.with(|c| c.replace(analysis));
        events
    }

    /// The events of a meeting told in passing after a verb whose subject is `s`
    /// (see [`Coder::meeting_in_passing`]), in the tokens `span`: the meeting both
    /// ways, or the visit one way; by its venue a hosted visit (043 and 042) or a
    /// meeting at a third place (044), CAMEO's distinctions.
    fn meeting_events(
        &self,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        [from, until]: [usize; 2],
        s: usize,
    ) -> Vec<RawEvent> {
        let mut out = Vec::new();
        let Some(meeting) = self.meeting_in_passing(tokens, owner, mentions, from, until) else {
            return out;
        };
        let mut parties = self.compound(tokens, ids, mentions, meeting.party);
        // "with Liu He, China's negotiator": a possessive is an apposition, not a
        // second party.
        parties.retain(|&t| {
            tokens
                .get(mentions[t].tok[1])
                .is_none_or(|x| x.norm != "'s")
        });
        if parties.len() > self.options.caps.compound {
            return out;
        }
        let country = |m: usize| {
            mentions[m]
                .code
                .as_deref()
                .map(|c| ActorCode::new(c).country())
                .filter(|c| !c.is_empty())
        };
        let place = meeting.venue.and_then(country);
        for t in parties.into_iter().filter(|&t| t != s) {
            let (there, back) = match place {
                _ if !meeting.both => (meeting.code, None),
                None => (meeting.code, Some(meeting.code)),
                Some(p) if Some(p) == country(s) => ("043", Some("042")),
                Some(p) if Some(p) == country(t) => ("042", Some("043")),
                Some(_) => ("044", Some("044")),
            };
            for (a, b, code) in [(s, t, Some(there)), (t, s, back)] {
                let Some(code) = code else { continue };
                out.push(RawEvent {
                    source: a,
                    target: Some(b),
                    code: Some(code.to_string()),
                    pattern: None,
                    verb: 0,
                    verb_span: [tokens[meeting.noun].start, tokens[meeting.noun].end],
                    construction: Some("meeting in passing"),
                    implied: None,
                });
            }
        }
        out
    }

    /// Replaces the heuristic roles by those of the parse where it gives an actor
    /// (pattern slots stay first), and cuts a compound at an actor that is an
    /// argument of another verb ("A hosted B, and C criticised D").
    #[allow(clippy::too_many_arguments)] // the role context is naturally wide
    fn roles_from_arcs(
        &self,
        x: &Arcs<'_>,
        v: usize,
        arc: &ArcRoles,
        clause: &super::clause::Clause,
        (venue_act, cooperative, truce): (bool, bool, bool),
        (src_slot, tgt_slot): (Option<usize>, Option<usize>),
        tokens: &[Token],
        ids: &[u32],
        sources: &mut Vec<usize>,
        targets: &mut Vec<usize>,
    ) {
        let mentions = x.mentions;
        if src_slot.is_none() {
            if let Some(s) = arc.source {
                // "Japan and South Korea will hold talks" parsed with "Japan" as a
                // compound of "Korea": the arc names the last member only; the
                // compound the words give, which holds it, stands (issue 10 class
                // "compound subjects the parse splits").
                let from_arc = self.compound(tokens, ids, mentions, s);
                if !(sources.contains(&s) && sources.len() > from_arc.len()) {
                    *sources = from_arc;
                }
            } else if clause.passive {
                // An agentless passive has no source ("B was attacked").
                sources.clear();
            } else if arc.subject_not_actor {
                // The verb's own subject is an unresolved pronoun or a relative
                // pronoun of a non-actor noun: no other actor is its source.
                sources.clear();
            }
        }
        // In the passive a pattern's object slot after the verb holds the agent
        // ("B was visited by A": `* +` finds A); the passive subject is the target.
        let tgt_slot = tgt_slot.filter(|&t| !(clause.passive && arc.source == Some(t)));
        if tgt_slot.is_none() {
            if let Some(t) = arc.target {
                if !sources.contains(&t) {
                    *targets = self.compound(tokens, ids, mentions, t);
                }
            } else if !clause.passive
                && arc.has_object
                && targets
                    .first()
                    .is_some_and(|&t| !x.in_phrase_of(t, v) || x.through_object_complement(t, v))
            {
                // The verb's object is no actor, and the heuristic reached past the
                // verb's own phrase into another verb's ("violating norms or
                // entering the United States", "help him enter the United States").
                targets.clear();
            } else if targets.first().is_some_and(|&t| {
                x.subject_of_governing_verb(t, v)
                    || ((venue_act || truce && sources.len() > 1) && x.place_of_act(t, v))
            }) {
                // '"A and B agreed to extend the truce, C said"': the reporter C is
                // not the target of the reported act; "A signed a deal in C": C is
                // the venue of a meeting or agreement (issue 10 classes: speakers and
                // places taken as targets).
                targets.clear();
            } else if cooperative && targets.first().is_some_and(|&t| x.mediator(t, v)) {
                // "A and B signed a deal brokered by C": C is the go-between of a
                // cooperative act (roots 03-08), not a party to it.
                targets.clear();
            } else if targets.first().is_some_and(|&t| x.through_by_clause(t, v)) {
                // "charged B with espionage by publishing files about the war in
                // C": an actor in a "by V-ing" adjunct is not the verb's target
                // (issue 10 class: places and things taken as targets).
                targets.clear();
            } else if sources.len() > 1
                && targets
                    .first()
                    .is_some_and(|&t| x.subject_of_noun_infinitive(t))
            {
                // "A and B held talks on a deal for US troops to leave": the troops
                // are what the deal is about; the talks are between A and B. (With
                // one source, "A proposed a timetable for B to comply", B may well
                // be whom the act addresses.)
                targets.clear();
            }
        }
        for side in [sources, targets] {
            if let Some(cut) = side
                .iter()
                .skip(1)
                // The second of "both sides" is one actor with the first.
                .position(|&m| !mentions[m].pair && x.argument_of_other_verb(m, v))
            {
                side.truncate(cut + 1);
            }
        }
    }

    /// The first mention right after "between" (past one determiner and up to two
    /// modifiers: "between the socialist leader's supporters and ...") in tokens
    /// `from..to`: the first of the parties of a symmetric act.
    fn parties_between(
        &self,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        from: usize,
        to: usize,
    ) -> Option<usize> {
        let b = (from..to.min(tokens.len())).find(|&k| tokens[k].norm == "between")?;
        let mut k = b + 1;
        if k < to && self.w.determiners.contains(&ids[k]) {
            k += 1;
        }
        (k..to.min(k + 3).min(owner.len()))
            .take_while(|&j| tokens[j].kind == TokenKind::Word && tokens[j].norm != "and")
            .find_map(|j| Some(owner[j]).filter(|&m| m != usize::MAX))
    }

    /// Whether `name` is the canonical name of a place below the country
    /// (`actors/places.txt`, issue 10 item 3): a linear scan, made only for a
    /// target that is already a bare code of the source's country.
    pub(super) fn is_place_below_country(&self, name: &str) -> bool {
        self.dicts
            .actors
            .iter()
            .any(|a| a.name == name && a.origin.file.ends_with("places.txt"))
    }

    /// Turns a sentence's raw events into [`Event`]s: drops those with no source code,
    /// no target (with `require_target`) or the same actor on both sides (see
    /// [`same_actor`]; two actors that only share a code are kept), splits
    /// PETRARCH multi-codes, and keeps a repeated (source, target, code) once.
    #[allow(clippy::too_many_arguments)] // the sentence context is naturally wide
    pub(super) fn emit_events(
        &self,
        article: &Article,
        si: usize,
        span: [usize; 2],
        root: bool,
        mentions: &[Found],
        raw: Vec<RawEvent>,
        seen: &mut HashSet<(String, String, String)>,
        out: &mut CodedArticle,
        trace: &mut Trace<'_>,
    ) {
        let caps = &self.options.caps;
        let text = article.text.as_str();
        let sentence_text = cut_text(&text[span[0]..span[1]], caps.event_sentence_bytes);
        let mut raw = raw;
        if !self.dicts.semantics.act_under_modality {
            drop_generic_duplicates(&mut raw);
        }
        for ev in raw {
            let Some(mut entry_code) = ev.code.clone() else {
                continue;
            };
            // A source inferred for an agentless passive has no words of its own.
            let implied_src;
            let src = match &ev.implied {
                Some(code) => {
                    implied_src = Found {
                        tok: [0, 0],
                        span: [0, 0],
                        code: Some(code.clone()),
                        name: String::new(),
                        kind: crate::dict::ActorKind::Agent,
                        agent: None,
                        pronoun: false,
                        inferred: true,
                        pair: false,
                    };
                    &implied_src
                }
                None => &mentions[ev.source],
            };
            let tgt = ev.target.map(|t| &mentions[t]);
            let (Some(sc), mut tc) = (src.code.clone(), tgt.and_then(|t| t.code.clone())) else {
                continue;
            };
            // A protest with no coded target is against the protesters' own
            // government (issue 10 class "protests with an implied target").
            let protest_target = if tc.is_none() && !self.dicts.semantics.act_under_modality {
                let after_verb = text.get(ev.verb_span[1]..span[1]).unwrap_or("");
                if ev.construction == Some(super::construct::PROTEST_AGAINST_STATE) {
                    Some(format!("{}GOV", ActorCode::new(&sc).country()))
                } else {
                    protest_against_state(&sc, &entry_code, demand_follows(after_verb))
                        .or_else(|| repressed_protesters(&sc, &entry_code, after_verb))
                }
            } else {
                None
            };
            if protest_target.is_some() {
                tc = protest_target.clone();
            }
            if self.options.require_target && tc.is_none() {
                continue;
            }
            let tc = tc.unwrap_or_default();
            if tgt.is_some_and(|t| sc == tc && !sc.is_empty() && same_actor(src, t)) {
                // An actor acting on itself is almost always a parsing artefact.
                continue;
            }
            if tgt.is_some_and(|t| own_scene(&sc, t) && self.is_place_below_country(&t.name)) {
                continue;
            }
            let recoded = if self.dicts.semantics.act_under_modality {
                None
            } else {
                street_violence(&sc, &tc, &entry_code).or_else(|| {
                    let after_verb = text.get(ev.verb_span[1]..span[1]).unwrap_or("");
                    armed_strike(&sc, &entry_code, after_verb)
                })
            };
            if let Some((code, _)) = recoded {
                entry_code = code.to_string();
            }
            let cameo = self.dicts.cameo.lookup(&entry_code);
            let root_code = CameoCode::new(&entry_code).root().to_string();
            let (pattern_text, origin) = match (ev.pattern, ev.construction) {
                (_, Some(c)) => (
                    format!("construction {c} = {entry_code}"),
                    Origin {
                        file: "coder".into(),
                        line: 0,
                    },
                ),
                (Some(p), None) => self.pattern_info[p as usize].clone(),
                (None, None) => {
                    let v = &self.verbs[ev.verb as usize];
                    (
                        format!("verb {} = {}", v.lemma, entry_code),
                        v.origin.clone(),
                    )
                }
            };
            // A recoding says so in the provenance.
            let pattern_text = if let Some((code, why)) = recoded {
                format!("{pattern_text} ({why}: {code})")
            } else if protest_target.is_some() && entry_code == "175" {
                format!("{pattern_text} (repression of its own protesters: implied target)")
            } else if protest_target.is_some() {
                format!("{pattern_text} (a protest against its own government: implied target)")
            } else {
                pattern_text
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
                    actor_inferred: src.inferred
                        || tgt.is_some_and(|t| t.inferred)
                        || protest_target.is_some(),
                    sentence_tone: None,
                    article_tone: None,
                    action_geo: None,
                    source_geo: None,
                    target_geo: None,
                    quotes: Vec::new(),
                };
                // A hash set per sentence: a linear scan of the article's events
                // would make long articles quadratic.
                let key = (
                    e.source_code.clone(),
                    e.target_code.clone(),
                    e.event_code.clone(),
                );
                if seen.contains(&key) {
                    continue;
                }
                if out.events.len() >= caps.article_events {
                    out.hit(trace, si, Limit::ArticleEvents, caps.article_events);
                    return;
                }
                seen.insert(key);
                out.events.push(e);
            }
        }
    }
}

/// Whether mention `m` is a country named as a place: right after "in" or "at" (past
/// "the"), "met in Tokyo", "talks at the Kremlin".
fn located(tokens: &[Token], m: &Found) -> bool {
    if m.kind != crate::dict::ActorKind::Country || m.inferred {
        return false;
    }
    let mut k = m.tok[0];
    if k >= 1 && tokens[k - 1].norm == "the" {
        k -= 1;
    }
    k >= 1 && matches!(tokens[k - 1].norm.as_str(), "in" | "at")
}

/// Speech verbs whose object is the addressee ("told lawmakers that ...",
/// "briefed reporters", "assured B that ..."); "say", "add", "state" take none.
const ADDRESSEE_SPEECH: &[&str] = &[
    "tell", "inform", "brief", "assure", "remind", "notify", "advise", "update", "answer",
    "reassure", "address",
];

/// Recodes force between a country's security forces and its own protesters
/// (issue 10 class "force on protesters", CAMEO 175 and 145): an assault or an
/// armed attack (roots 18, 19), or a clash (145), by the police or the army on the
/// protesters or the opposition of the same country is violent repression, 175
/// ("riot police beat demonstrators", "troops shot into crowds of protesters");
/// an assault or an armed attack by the protesters on that police or army is a
/// violent protest, 145 ("clashes erupted between protesters and police", in both
/// directions). Returns the new code and why, for the event's provenance.
fn street_violence(sc: &str, tc: &str, code: &str) -> Option<(&'static str, &'static str)> {
    let (s, t) = (ActorCode::new(sc), ActorCode::new(tc));
    let c = CameoCode::new(code);
    let force = matches!(c.root(), "18" | "19");
    let same = s.has_country() && t.has_country() && s.country() == t.country();
    let security = |a: ActorCode<'_>| a.has_role("COP") || a.has_role("MIL");
    if !same {
        None
    } else if (force || c.base() == "145") && security(s) && t.has_role("OPP") {
        Some(("175", "force on its own protesters"))
    } else if force && s.has_role("OPP") && security(t) {
        Some(("145", "protesters' force on their own police or army"))
    } else {
        None
    }
}

/// Recodes a "strike" that a labour-strike pattern read (143, 1431..1434) as the
/// armed strike it is when a state's organ, its forces or an armed group strikes at
/// something (issue 10 class "word sense of strike", CODING-GUIDE: a labour strike is
/// 14x only when workers strike): "Israel continued its strikes on Gaza", "Russia
/// began to strike Ukrainian energy facilities", "launched air strikes against the
/// rebels". `after_verb` is the sentence after the verb: its "strike(s)" must be aimed
/// ("on", "against", "at"), carried by air ("air", "missile", "drone" before it), or
/// a verb ("to strike B"). Workers, teachers, doctors, parties and other civilians
/// keep their strike, and so does any strike with a labour modifier ("general",
/// "hunger", "national").
fn armed_strike(sc: &str, code: &str, after_verb: &str) -> Option<(&'static str, &'static str)> {
    if !CameoCode::new(code).base().starts_with("143") {
        return None;
    }
    let s = ActorCode::new(sc);
    let civil = s
        .roles()
        .any(|r| super::construct::CIVIL_ROLES.contains(&r));
    if civil || !s.has_country() {
        return None;
    }
    let words: Vec<String> = after_verb
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let at = words.iter().position(|w| {
        matches!(
            w.as_str(),
            "strike" | "strikes" | "airstrike" | "airstrikes"
        )
    })?;
    let before = at.checked_sub(1).map_or("", |p| words[p].as_str());
    let next = words.get(at + 1).map_or("", String::as_str);
    // The code of the strike as a noun of force: 195 from the air, 190 otherwise,
    // none for "general strike", "hunger strike" (labour's).
    let force = super::construct::force_noun_code(&words[at], before)?;
    let aimed = matches!(next, "on" | "against" | "at" | "targeting");
    if !(aimed || force == "195" || before == "to") {
        return None;
    }
    Some((force, "a strike by armed or state actors is armed force"))
}

/// The implied target of a protest that confronts the state (144 blockades and
/// obstruction, 145 riots) coded `code` whose source `sc` is the people of a
/// country: its government ("Iranian protesters blocked roads" is IRNOPP 144
/// IRNGOV), and a demonstration that demands (`demands`) a political change (1411..1414: a
/// leader's departure, a policy, rights, the regime; "teachers marched on the
/// statehouse to demand better pay") addresses the government that would make it.
/// A plain rally, march or chant names no one it addresses and stays without a
/// target (CODING-GUIDE: no target, no event).
/// Only for civilian sources: the opposition, civilians, students and teachers,
/// farmers, or the bare country; not for a state organ, and not for labour, whose
/// strikes are as often against employers.
fn protest_against_state(sc: &str, code: &str, demands: bool) -> Option<String> {
    let s = ActorCode::new(sc);
    let civilian =
        s.is_country_only() || ["OPP", "CVL", "EDU", "AGR"].iter().any(|r| s.has_role(r));
    let state = s.has_country() && !matches!(s.country(), "IGO" | "NGO" | "MNC" | "IMG");
    let confronting = matches!(CameoCode::new(code).base(), "144" | "145")
        || (demands && matches!(code, "1411" | "1412" | "1413" | "1414"));
    (confronting && state && civilian).then(|| format!("{}GOV", s.country()))
}

/// The implied target of violent repression (175) coded `code` with no coded
/// target, by a state source `sc`: the opposition of its own country ("Kenyan
/// police fired tear gas to disperse the protest", "security forces broke up the
/// demonstrations": the protesters are told by their noun; session 17 class
/// "protests told by their noun or by a crowd"). Not for an IGO, NGO or company,
/// and only when the rest of the sentence, `after_verb`, names a protest or its
/// people: tear gas fired at football fans is no repression of the opposition.
fn repressed_protesters(sc: &str, code: &str, after_verb: &str) -> Option<String> {
    const PROTEST: &[&str] = &[
        "protest",
        "protests",
        "protester",
        "protesters",
        "protestors",
        "demonstration",
        "demonstrations",
        "demonstrators",
        "rally",
        "rallies",
        "march",
        "marches",
        "marchers",
        "dissent",
        "dissidents",
        "uprising",
        "revolt",
        "unrest",
        "riot",
        "riots",
        "rioters",
        "sit",
        "vigil",
        "opposition",
    ];
    let protest = after_verb
        .split(|c: char| !c.is_alphabetic())
        .any(|w| PROTEST.iter().any(|p| w.eq_ignore_ascii_case(p)));
    if !protest {
        return None;
    }
    let s = ActorCode::new(sc);
    let state = s.has_country()
        && !matches!(s.country(), "IGO" | "NGO" | "MNC" | "IMG")
        && (s.is_country_only() || ["GOV", "COP", "MIL", "SPY"].iter().any(|r| s.has_role(r)));
    (code == "175" && state).then(|| format!("{}OPP", s.country()))
}

/// Whether the rest of a protest's sentence, `after_verb`, voices a demand ("to
/// demand", "calling for", "seeking", "pressing for", "urging"): a demonstration
/// "over water prices" is a grievance, one "to demand lower prices" a demand on
/// whoever sets them.
fn demand_follows(after_verb: &str) -> bool {
    let mut after_call = false;
    for w in after_verb
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let is = |list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
        if is(&["demand", "demanding", "seek", "seeking", "urge", "urging"])
            || (after_call && w.eq_ignore_ascii_case("for"))
        {
            return true;
        }
        after_call = is(&["call", "calling", "press", "pressing"]);
    }
    false
}

/// Whether target `t` may be only the scene of an act of source code `sc`: named
/// alone by a bare country code ("Florida", "Lyon") of the source's own country;
/// the caller also checks that it names a place below the country
/// ([`Coder::is_place_below_country`]), not the country ("the American prison
/// system" stays a target). "The governor travelled to Florida",
/// "the French president visited Lyon", "teacher protests were held in Ohio" name no
/// second actor (issue 10 item 3, class "actors named by a place below the country":
/// a place is an actor when it composes with an agent or acts, not as the scene of a
/// domestic act; a seat of power, "Paris", is the same actor by [`same_actor`]).
fn own_scene(sc: &str, t: &Found) -> bool {
    let (s, c) = (ActorCode::new(sc), t.code.as_deref().map(ActorCode::new));
    t.kind == crate::dict::ActorKind::Country
        && !t.pronoun
        && s.has_country()
        && !s.is_country_only()
        && c.is_some_and(|c| c.is_country_only() && c.country() == s.country())
}

/// Whether two mentions of one code are one actor, for the CODING-GUIDE's rule that
/// reflexive events ("source and target are the same actor") are not coded. They are
/// one when they are the same mention, the same dictionary entity or one names the
/// other ("Donald Trump" and "Donald Trump administration"), when either is a pronoun
/// ("it", "itself": most often resolved to the other) or an actor inferred from the
/// article or from an act (no words of its own to tell it apart), or when either is a
/// country or a seat of power (it stands for all of its government: "Pompeo said
/// Washington had concluded" is one actor), or when neither is a person (two role
/// nouns of one code, "UN peacekeepers" and "UN troops", are most often one body).
/// Two different people, or a person and another actor, sharing a code are two (issue
/// 10 class "same code, different actors": an official criticising the president,
/// USAGOV 111 USAGOV; a minister defending the prime minister, GBRGOV 052 GBRGOV).
/// Call it only for mentions whose codes are equal.
pub(super) fn same_actor(a: &Found, b: &Found) -> bool {
    use crate::dict::ActorKind::{Country, Person};
    a.span == b.span
        || (a.kind != Person && b.kind != Person)
        || a.pronoun
        || b.pronoun
        || a.inferred
        || b.inferred
        || a.kind == Country
        || b.kind == Country
        || a.name.is_empty()
        || b.name.is_empty()
        || a.name.contains(b.name.as_str())
        || b.name.contains(a.name.as_str())
}
