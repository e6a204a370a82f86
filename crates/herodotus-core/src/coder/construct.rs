//! Clause-level constructions that change what a verb's event means (issue 10, item 2),
//! decided from tokens today; each takes the positions a dependency parse would give
//! (the verb, its clause, the words before it) so a parse can feed it later:
//!
//! - **modality** ([`Mode`]): "will meet", "wants to meet", "is ready to talk" are
//!   intent (03x), "will strike", "will impose sanctions unless ..." a threat (13x),
//!   "wants B to meet C" an appeal to B (02x); purposes ("in order to", "efforts to"),
//!   attempts ("tried to V"), capacities ("has the power to V") and the use of a
//!   thing hoped for ("hopes for funding to help B") are not events;
//! - **evaluative speech**: "A said B's decision was illegal" (A 111 B), "A called B's
//!   blockade piracy" (A 111 B), "A called it lawful" (A 052 B), "A said relations with
//!   B were at their worst" (A 012 B) / "improving" (A 013 B), "B faced criticism from
//!   A" (A 111 B);
//! - **directive and commissive speech**: "A said B must/should V" and '"B must V,"
//!   said X, a director at A' (A 10x/02x B, also for verbs the lexicon lacks and
//!   negated obligations), "A demanded (that) B V" (the bare V is the demand),
//!   "A called for B to V" (02x), "A will not / would never V" (a refusal, 12x), a
//!   threat aimed at the actor of its if/unless condition, "we"/"us" in a quotation
//!   as its tag's speaker, "A will not allow B to V" (B's act is not coded);
//! - **mutual verbs**: "A and B clashed", "attacked each other", "A clashed with B"
//!   give both directions;
//! - **acts of force told by their noun**: "Russian missile strikes on Kyiv killed
//!   five people" is RUS 195 UKR ([`Coder::force_noun_subject`]);
//! - **protests told by their noun**: "protests against the Serbian government
//!   erupted in Belgrade" is SRBOPP 141 SRBGOV, the protesters inferred
//!   ([`Coder::protest_noun_subject`]);
//! - **vows and warnings of force**: "A vowed to attack B" is a threat coded on
//!   "attack" (13x), "A warned that its forces would attack C" a threat to C (both in
//!   `emit.rs`);
//! - **meetings in passing**: "A announced the deal during a meeting with B", "A
//!   said in a phone call with B", "A spoke at talks with B" report that A and B met
//!   (04x both ways); "A said during a visit to B" that A visited B (042);
//! - **background clauses**: a non-restrictive relative clause or a "since/when/after"
//!   clause dated in the past ("which seized the city in 2014") is not news.

use super::clause::Clause;
use super::mentions::Found;
use super::verbs::VerbHit;
use super::Coder;
use crate::codes::{ActorCode, CameoCode};
use crate::tokens::{Token, TokenKind};

/// Determiners before a meeting noun ("during his visit", "at a meeting").
const MEETING_DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "this", "that",
];

/// A meeting noun: its code, the preposition before the party, and whether the
/// meeting goes both ways ("a meeting with B") or one way ("a visit to B").
pub(super) fn meeting_noun(word: &str) -> Option<(&'static str, &'static str, bool)> {
    match word {
        "meeting" | "meetings" | "talks" | "summit" | "negotiations" => Some(("040", "with", true)),
        "call" | "conversation" => Some(("041", "with", true)),
        "visit" => Some(("042", "to", false)),
        _ => None,
    }
}

/// A noun of armed force as the subject of a verb of harm ("Russian missile strikes
/// on Kyiv killed five people"): its CAMEO code, 195 for weapons from the air, 194
/// for artillery, 190 otherwise. `before` is the word before it ("air strikes").
pub(super) fn force_noun_code(word: &str, before: &str) -> Option<&'static str> {
    let air = matches!(
        before,
        "air" | "missile" | "drone" | "rocket" | "aerial" | "bombing"
    );
    match word {
        "airstrike" | "airstrikes" | "bombing" | "bombings" | "bombardment" => Some("195"),
        "shelling" => Some("194"),
        "strike" | "strikes"
            if matches!(
                before,
                "general"
                    | "hunger"
                    | "labour"
                    | "labor"
                    | "nationwide"
                    | "national"
                    | "rail"
                    | "union"
                    | "wildcat"
                    | "transport"
                    | "workers"
                    | "teachers"
                    | "doctors"
            ) =>
        {
            None
        }
        "strike" | "strikes" | "attack" | "attacks" | "raid" | "raids" if air => Some("195"),
        "fire" if before == "artillery" => Some("194"),
        "strike" | "strikes" | "attack" | "attacks" | "raid" | "raids" | "offensive"
        | "assault" | "fire" | "barrage" => Some("190"),
        _ => None,
    }
}

/// Verbs of harm whose subject may be a noun of force ([`force_noun_code`]).
pub(super) const HARM_VERBS: &[&str] = &["kill", "wound", "injure", "destroy", "damage", "hit"];

/// Roles whose "strike" or "attack" is no act of armed force ([`Coder::force_noun_subject`]).
pub(super) const CIVIL_ROLES: &[&str] = &[
    "LAB", "EDU", "HLH", "BUS", "CVL", "MED", "AGR", "REL", "LEG", "JUD", "OPP", "ELI",
];

/// Modifiers between an actor and its noun of force: "Russian [missile] strikes",
/// "Israeli [overnight] air strikes".
const FORCE_MODIFIERS: &[&str] = &[
    "air",
    "missile",
    "drone",
    "rocket",
    "artillery",
    "aerial",
    "deadly",
    "overnight",
    "latest",
    "new",
    "fresh",
    "massive",
    "heavy",
    "intense",
    "retaliatory",
    "military",
    "naval",
    "ground",
    "renewed",
    "cross-border",
    "bombing",
];

/// An act of force told by its noun as the subject of a verb of harm (see
/// [`Coder::force_noun_subject`]).
pub(super) struct ForceNoun {
    /// The actor the noun belongs to: "Russian" in "Russian strikes".
    pub source: usize,
    /// The place it was aimed at: "Kyiv" in "strikes on Kyiv".
    pub place: Option<usize>,
    /// Its code ([`force_noun_code`]).
    pub code: &'static str,
}

/// A protest told by its noun as the subject of an intransitive verb (see
/// [`Coder::protest_noun_subject`]).
pub(super) struct ProtestNoun {
    /// The protesters' country: of the noun's own modifier ("Iraqi protests"), the
    /// place of the protest, the government it is against, or the article's.
    pub country: String,
    /// Whom it is against: "against X", "demanding the resignation of X".
    pub target: Option<usize>,
    /// "anti-government protests": against the government of the protesters.
    pub anti_state: bool,
    /// The code the noun gives when no pattern does: 145 for a riot or a violent
    /// protest, else 141.
    pub code: &'static str,
}

/// The provenance of a protest noun against the state ("anti-government
/// protests"), whose target is the protesters' own government (`emit.rs`).
pub(super) const PROTEST_AGAINST_STATE: &str = "protest noun as subject, against the state";

/// Nouns of a protest that stand as the subject of "erupted", "broke out", "were
/// held" ([`Coder::protest_noun_subject`]; `@r14_demo_subj` and `@r14_riot_subj` in
/// `dict/verbs/14-protest.txt`).
const PROTEST_SUBJECT_NOUNS: &[&str] = &[
    "protest",
    "protests",
    "demonstration",
    "demonstrations",
    "rally",
    "rallies",
    "marches",
    "riot",
    "riots",
    "rioting",
    "unrest",
];

/// Words that open a clause of time, cause or condition: a protest noun after
/// them is background or hypothetical ("since protests erupted", "if protests
/// erupt"), not the subject of the sentence's news.
const SUBORDINATORS: &[&str] = &[
    "since", "after", "before", "when", "while", "if", "unless", "as", "because", "until",
    "though", "although", "once", "where", "whether",
];

/// Words before a protest noun that make it no subject: prepositions ("amid
/// protests", "fears of protests", "calls for protests").
const PROTEST_NOUN_BARRIERS: &[&str] = &[
    "of",
    "over",
    "about",
    "against",
    "during",
    "amid",
    "despite",
    "following",
    "after",
    "to",
    "for",
    "by",
    "with",
    "on",
    "in",
    "into",
    "from",
    "at",
    "without",
    "like",
];

/// Verbs whose subject may be a protest noun ("protests erupted", "broke out",
/// "were held"): with no pattern of theirs matching, the noun gives the code
/// ([`Coder::protest_noun_subject`]).
const PROTEST_NOUN_VERBS: &[&str] = &[
    "erupt",
    "spread",
    "flare",
    "rage",
    "escalate",
    "intensify",
    "resume",
    "continue",
    "break",
    "take",
    "hold",
    "sweep",
    "grip",
    "rock",
];

/// Whether verb `h` (lemma `lemma`) is one whose subject may be a protest noun
/// ([`PROTEST_NOUN_VERBS`]): "broke" only with "out", "took" only with "place",
/// "held" only as a passive ("were held").
pub(super) fn protest_noun_verb(tokens: &[Token], h: &VerbHit, lemma: &str) -> bool {
    let next = tokens.get(h.end).map(|t| t.norm.as_str());
    let before = h.start.checked_sub(1).map(|k| tokens[k].norm.as_str());
    PROTEST_NOUN_VERBS.contains(&lemma)
        && match lemma {
            "break" => next == Some("out"),
            "take" => next == Some("place"),
            "hold" => matches!(
                before,
                Some("was" | "were" | "been" | "being" | "be" | "is" | "are")
            ),
            _ => true,
        }
}

/// Whether the place named at token `at` is where a protest is held: after a
/// locative preposition (in, across, through, throughout, around, outside, near,
/// at), past "the" and up to two quantifiers ("in several Iraqi cities"), or after
/// "the streets of".
pub(super) fn protest_scene(tokens: &[Token], at: usize) -> bool {
    let mut p = at;
    let mut skipped = 0;
    while p > 0
        && skipped < 2
        && matches!(
            tokens[p - 1].norm.as_str(),
            "the" | "several" | "many" | "other" | "major" | "some"
        )
    {
        p -= 1;
        skipped += 1;
    }
    let Some(prep) = p.checked_sub(1).map(|k| tokens[k].norm.as_str()) else {
        return false;
    };
    matches!(
        prep,
        "in" | "across" | "through" | "throughout" | "around" | "outside" | "near" | "at"
    ) || (prep == "of" && p >= 2 && matches!(tokens[p - 2].norm.as_str(), "streets" | "street"))
}

/// A meeting a sentence reports in passing (see [`Coder::meeting_in_passing`]).
pub(super) struct Meeting {
    /// The other party's mention.
    pub party: usize,
    /// 040, 041 (a call) or 042 (a visit to the party).
    pub code: &'static str,
    /// Both ways (a meeting, a call) or one way (a visit).
    pub both: bool,
    /// The meeting noun's token.
    pub noun: usize,
    /// The mention of the place it was held, if named.
    pub venue: Option<usize>,
}

/// What the words around a verb say about whether its act happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    /// Reported as done (or doing): code the act.
    Act,
    /// "will V", "wants/plans/seeks/is ready to V": intent (03x) or threat (13x).
    Intent {
        /// "unless ..." follows: a conditional threat whatever the verb.
        unless: bool,
    },
    /// "wants X to V": an appeal to the mention X (02x).
    Appeal(usize),
    /// "in order to V", "efforts to V", "tried to V", "has the power to V": a
    /// purpose, an attempt or a capacity, not an event.
    Purpose,
    /// "A would V" with no speaker reporting it: a condition or a guess, not an
    /// event (CODING-GUIDE "Hypotheticals and conditions").
    Hypothetical,
    /// "A said B must V", '"B should V," A said': an obligation the speaker lays on
    /// B, coded from the speaker to B as a demand (10x, `strong`: must, need to,
    /// have to) or an appeal (02x: should, ought to). Mention indices.
    Oblige {
        /// The speaker (source).
        speaker: usize,
        /// The actor obliged (target).
        target: usize,
        /// must / need to / have to, rather than should / ought to.
        strong: bool,
    },
    /// '"B will pay a price," A said', "A said B would face consequences", "B will
    /// regret it": what the speaker says B will suffer is the speaker's threat to B
    /// (130; session 17 class "threats without a threat verb"). Mention indices.
    Menace {
        /// The speaker (source).
        speaker: usize,
        /// The actor threatened (target).
        target: usize,
    },
}

/// Verbs whose "that" clause is denied content (see `Coder::denied_content`): the
/// forms of "deny" first (they alone take a bare clause: "denied it had attacked").
const DENY: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "refuted",
    "refutes",
    "rebutted",
    "dismissed",
    "dismisses",
    "rejected",
    "rejects",
];

/// Adverbs that may sit between a modal and its verb ("will also meet").
const MODAL_ADVERBS: &[&str] = &[
    "also",
    "soon",
    "now",
    "still",
    "then",
    "again",
    "quickly",
    "immediately",
    "likely",
    "probably",
    "certainly",
    "formally",
    "officially",
    "personally",
    "jointly",
];

/// Words before "to V" that make V an intention of the subject (CODING-GUIDE:
/// "expressed intent and readiness ... are 03x, not the act itself").
const INTENT_BEFORE_TO: &[&str] = &[
    "want",
    "wants",
    "wanted",
    "wanting",
    "seek",
    "seeks",
    "seeking",
    "sought",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "hope",
    "hopes",
    "hoped",
    "aim",
    "aims",
    "aimed",
    "offer",
    "offers",
    "offered",
    "offering",
    "pledge",
    "pledges",
    "pledged",
    "promise",
    "promises",
    "promised",
    "vow",
    "vows",
    "vowed",
    "ready",
    "prepared",
    "willing",
    "scheduled",
    "set",
    "expected",
    "due",
    "decided",
    "agree",
    "agrees",
    "agreed",
    "going",
    "prepare",
    "prepares",
    "preparing",
    "determined",
    "poised",
];

/// Words before "to V" that make V a prediction or a wish, neither an act nor a
/// stated intention (CODING-GUIDE: "eager to withdraw" is not coded).
const LIKELY_BEFORE_TO: &[&str] = &["likely", "unlikely", "eager", "keen"];

/// "want X to V": the subject asks X to act (an appeal, 02x).
const APPEAL_BEFORE_ACTOR: &[&str] = &["want", "wants", "wanted", "wanting", "like"];

/// Verbs before "(that) B V" that make the bare verb V a demand on B ("demanded that
/// Britain release the tanker"; issue 10 class: the demand family).
const DEMAND_THAT: &[&str] = &[
    "demand",
    "demands",
    "demanded",
    "demanding",
    "insist",
    "insists",
    "insisted",
    "insisting",
];

/// Verbs before "X to V" that make V a permission, not X's act ("will not allow
/// Israel to annex"; issue 10 class: unrealised events in directive speech).
const PERMIT_BEFORE_ACTOR: &[&str] = &[
    "allow",
    "allows",
    "allowed",
    "allowing",
    "permit",
    "permits",
    "permitted",
    "permitting",
];

/// Verbs before "for X to V" that make V an appeal to X ("called for Iran to free
/// the crew"; issue 10 class: directive speech).
const CALL_FOR: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "appeal",
    "appeals",
    "appealed",
    "appealing",
];

/// Prepositions after a quotation's tag that introduce what was spoken of ('"...,"
/// A said of B', "A told reporters about B"), not the speaker (session 17 class
/// "threats without a threat verb").
const TOPIC_AFTER_TAG: &[&str] = &["of", "about", "regarding", "concerning"];

/// Verbs whose future with a price or consequences ("B will pay a price", "B will
/// pay dearly", "B would face consequences", "B will regret it"), reported from a
/// speaker, is the speaker's threat to B (session 17 class "threats without a
/// threat verb"; [`Mode::Menace`]). "regret" needs no object word.
const CONSEQUENCE_VERBS: &[&str] = &["pay", "face", "bear", "regret"];

/// The words after "pay" / "face" that make their future a threat.
const CONSEQUENCE_WORDS: &[&str] = &[
    "price",
    "dearly",
    "consequence",
    "consequences",
    "repercussion",
    "repercussions",
    "retribution",
    "retaliation",
    "punishment",
    "wrath",
    "response",
    "reprisal",
    "reprisals",
];

/// Verbs of trying before "to V": an attempt, whose act is not reported as done
/// ("tried to block the road", "are trying to win over voters"; issue 10 class:
/// hopes, plans and attempts coded as acts).
const ATTEMPT_BEFORE_TO: &[&str] = &["try", "tries", "tried", "trying", "attempted", "attempting"];

/// Verbs of wishing before "for N to V" ("hope for funding to help B"): V is what N
/// is for, not an act of the subject.
const HOPE_FOR: &[&str] = &[
    "hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "wishing", "pray", "prays",
    "prayed", "praying",
];

/// Nouns before "to V" that make V a purpose or an attempt, not an event.
const PURPOSE_BEFORE_TO: &[&str] = &[
    "order",
    "effort",
    "efforts",
    "attempt",
    "attempts",
    "bid",
    "bids",
    "push",
    "drive",
    "campaign",
    "bid",
    "way",
    "ways",
    "plan",
    // A mission or operation "to free the hostages" is its aim, not its result
    // (issue 10 class: background, hypothetical or unrealised events).
    "mission",
    "missions",
    "operation",
    "operations",
    // "has the power to end the unrest", "the right to defend itself": a
    // capacity, not an act (issue 10 class: hopes, plans and attempts as acts).
    "power",
    "ability",
    "capacity",
    "means",
    "right",
    "authority",
    "resolve",
    "resolution",
];

impl Coder {
    /// The mode of verb `h` from the words before it (a parse gives the same from
    /// `aux` will/'ll, `xcomp` under want/plan/seek/ready, and `obj` + `xcomp` for
    /// "want X to V").
    pub(super) fn mode(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        h: &VerbHit,
    ) -> Mode {
        if self.dicts.semantics.act_under_modality {
            return Mode::Act;
        }
        let norm = |j: usize| tokens[j].norm.as_str();
        let mut j = h.start;
        // Adverbs, and a quotation mark around the verb ('would have "objected"').
        while j > 0 && (MODAL_ADVERBS.contains(&norm(j - 1)) || norm(j - 1) == "\"") {
            j -= 1;
        }
        if j == 0 {
            return Mode::Act;
        }
        // "A would have objected": a counterfactual, never an event (CODING-GUIDE
        // "Hypotheticals and conditions").
        if j >= 2
            && norm(j - 1) == "have"
            && matches!(norm(j - 2), "would" | "could" | "might" | "should" | "'d")
        {
            return Mode::Hypothetical;
        }
        if let Some(m) = self.menace(tokens, owner, mentions, h, j) {
            return m;
        }
        let unless = (h.end..tokens.len()).any(|k| norm(k) == "unless");
        if matches!(norm(j - 1), "will" | "'ll" | "shall")
            && !(j >= 2 && matches!(norm(j - 2), "the" | "political" | "good" | "own" | "'s"))
        {
            return Mode::Intent { unless };
        }
        // "A said (that) it would V": the future of reported speech, an announced
        // intention like "will"; "A would V" on its own is a condition or a guess.
        if matches!(norm(j - 1), "would" | "'d") {
            let reported = (0..j - 1).any(|k| reports_future(norm(k)));
            return if reported {
                Mode::Intent { unless }
            } else {
                Mode::Hypothetical
            };
        }
        if let Some(m) = self.obligation(tokens, owner, mentions, h.end, j) {
            return m;
        }
        if let Some(m) = self.subjunctive_demand(tokens, owner, mentions, h, j) {
            return m;
        }
        if norm(j - 1) != "to" || j < 2 {
            return Mode::Act;
        }
        // "pledged on Tuesday to V", "urged Iran on Monday to V": a time adjunct
        // before "to" is passed over (issue 10 class "time adjuncts between a
        // verb and its complement").
        let time = super::pattern::time_adjunct_before(tokens, j - 1);
        if time + 2 > j {
            return Mode::Act;
        }
        let k = j - 2 - time;
        if owner[k] != usize::MAX {
            let m = owner[k];
            let before = mentions[m].tok[0];
            if before >= 1 && APPEAL_BEFORE_ACTOR.contains(&norm(before - 1)) {
                // "would like X to": only with "would" before "like".
                if norm(before - 1) != "like" || (before >= 2 && norm(before - 2) == "would") {
                    return Mode::Appeal(m);
                }
            }
            // "A called for B to V", "A appealed for the government to V": an
            // appeal to B (issue 10 class: directive speech, "call for" is 02x).
            // "A will not allow B to V", "let B V": B's act is only permitted or
            // forbidden, not reported (the permission codes on its own verb).
            if before >= 1 && PERMIT_BEFORE_ACTOR.contains(&norm(before - 1)) {
                return Mode::Hypothetical;
            }
            let mut b = before;
            if b >= 1 && matches!(norm(b - 1), "the" | "a" | "an") {
                b -= 1;
            }
            if b >= 2 && norm(b - 1) == "for" && CALL_FOR.contains(&norm(b - 2)) {
                return Mode::Appeal(m);
            }
            return Mode::Act;
        }
        // "hope for funding to help B": the infinitive is the use of the thing
        // hoped for, not an act of the subject (issue 10 class: hopes coded as acts).
        if let Some(f) = (k.saturating_sub(5)..=k)
            .rev()
            .take_while(|&i| tokens[i].kind == TokenKind::Word)
            .find(|&i| norm(i) == "for")
        {
            if f >= 1 && HOPE_FOR.contains(&norm(f - 1)) {
                return Mode::Purpose;
            }
        }
        // 'the "power" to V': a quotation mark may close the noun.
        let noun = if norm(k) == "\"" && k >= 1 { k - 1 } else { k };
        if PURPOSE_BEFORE_TO.contains(&norm(noun)) || ATTEMPT_BEFORE_TO.contains(&norm(k)) {
            // "a plan to", "efforts to", "in order to"; "plans to" (a verb) is intent.
            return Mode::Purpose;
        }
        if LIKELY_BEFORE_TO.contains(&norm(k)) {
            return Mode::Hypothetical;
        }
        // "the president is to visit China": a scheduled act, after an actor.
        if matches!(norm(k), "is" | "are") && k >= 1 && owner[k - 1] != usize::MAX {
            return Mode::Intent { unless };
        }
        if INTENT_BEFORE_TO.contains(&norm(k)) {
            // "set to" and "going to" only after a form of "be" ("is set to meet").
            if matches!(
                norm(k),
                "set" | "going" | "due" | "expected" | "scheduled" | "poised"
            ) && !(k >= 1 && self.w.be.contains(&self.vocab.get(&tokens[k - 1].norm)))
            {
                return Mode::Act;
            }
            return Mode::Intent { unless };
        }
        Mode::Act
    }

    /// "B must V", "B should V", "B needs to V", "B has to V", where `j` is the first
    /// token of V's verb group (after adverbs): the obligation with its speaker
    /// ([`Mode::Oblige`]), or [`Mode::Hypothetical`] when nobody reports it (an
    /// obligation is not an act). `None` when V follows no such modal or B is not a
    /// coded actor right before it. `after` is the first token after V. A parse
    /// gives the same from `aux` must/should, `xcomp` under need/have, and the
    /// `ccomp` of a speech verb.
    fn obligation(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        after: usize,
        j: usize,
    ) -> Option<Mode> {
        let norm = |k: usize| tokens[k].norm.as_str();
        // "B must not V", "B should never V": still the speaker's demand or appeal
        // (to refrain from V).
        let j = if j >= 2 && matches!(norm(j - 1), "not" | "never") {
            j - 1
        } else {
            j
        };
        let (modal, strong) = match norm(j - 1) {
            "must" => (j - 1, true),
            "should" => (j - 1, false),
            "to" if j >= 2 => match norm(j - 2) {
                "need" | "needs" | "has" | "have" => (j - 2, true),
                "ought" => (j - 2, false),
                _ => return None,
            },
            _ => return None,
        };
        // "B will have to V", 'B "is going to have to V"', "B would likely have to
        // V": the future of the obligation, and its adverbs, sit between B and the
        // modal.
        let mut subject_end = modal;
        while subject_end > 0
            && (matches!(
                norm(subject_end - 1),
                "will" | "would" | "'ll" | "'d" | "is" | "are" | "going" | "to" | "\""
            ) || MODAL_ADVERBS.contains(&norm(subject_end - 1)))
        {
            subject_end -= 1;
        }
        if subject_end == 0 {
            return None;
        }
        // "the rebels in Darfur must V": B may carry a short prepositional phrase.
        let target = if owner[subject_end - 1] != usize::MAX {
            owner[subject_end - 1]
        } else {
            let lo = subject_end.saturating_sub(5);
            let p = (lo..subject_end - 1).rev().find(|&k| {
                matches!(norm(k), "in" | "of" | "from" | "at")
                    && k > 0
                    && owner[k - 1] != usize::MAX
                    && tokens[k + 1..subject_end]
                        .iter()
                        .all(|t| t.kind == TokenKind::Word)
            })?;
            owner[p - 1]
        };
        let code = mentions[target].code.as_deref()?;
        // "A said that B and the C must V": the obligation's subject is the whole
        // compound, which starts at its first member.
        let mut first = mentions[target].tok[0];
        for _ in 0..6 {
            let mut k = first;
            while k > 0 && matches!(norm(k - 1), "the" | "a" | "an") {
                k -= 1;
            }
            if k >= 2 && matches!(norm(k - 1), "and" | ",") && owner[k - 2] != usize::MAX {
                first = mentions[owner[k - 2]].tok[0];
            } else {
                break;
            }
        }
        // The compound is coded from its first member (see `compound`).
        let target = match owner[first] {
            m if m != usize::MAX && mentions[m].code.is_some() => m,
            _ => target,
        };
        let speaker = self.speaker_of(tokens, owner, mentions, first, after, code);
        Some(match speaker {
            Some(speaker) => Mode::Oblige {
                speaker,
                target,
                strong,
            },
            None => Mode::Hypothetical,
        })
    }

    /// "B will pay a price", '"B will pay dearly," A said', "A said B would face
    /// consequences", "B will regret it": the future of a [`CONSEQUENCE_VERBS`] verb
    /// (with a [`CONSEQUENCE_WORDS`] word within four tokens, but for "regret")
    /// whose subject B is a named coded actor right before the future is the speaker's
    /// threat to B ([`Mode::Menace`]), or nothing when nobody reports it (a
    /// prediction). `j` is the first token of the verb group (after adverbs). A
    /// parse gives the same from `aux` will/would, the `obj` "price" and the `ccomp`
    /// of a speech verb.
    fn menace(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        h: &VerbHit,
        j: usize,
    ) -> Option<Mode> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let lemma = self.verbs[h.verb as usize].lemma.as_str();
        if !CONSEQUENCE_VERBS.contains(&lemma) {
            return None;
        }
        let mut s = if j >= 1 && matches!(norm(j - 1), "will" | "'ll" | "would" | "'d" | "shall") {
            j - 1
        } else if j >= 3 && norm(j - 1) == "to" && norm(j - 2) == "going" {
            j - 3
        } else {
            return None;
        };
        if lemma != "regret"
            && !(h.end..tokens.len().min(h.end + 4)).any(|k| CONSEQUENCE_WORDS.contains(&norm(k)))
        {
            return None;
        }
        while s > 0 && MODAL_ADVERBS.contains(&norm(s - 1)) {
            s -= 1;
        }
        // A named actor: "they will pay a price" after another story's sentence
        // names no adversary (a threat needs one), unless the quotation's tag
        // names it ('"They will pay a price," A said of B').
        let subject = s.checked_sub(1)?;
        let (first, pronoun) = match owner[subject] {
            m if m != usize::MAX => (mentions[m].tok[0], mentions[m].pronoun),
            _ if matches!(norm(subject), "they" | "he" | "she" | "it") => (subject, true),
            _ => return None,
        };
        let target = if pronoun {
            self.tag_topic(tokens, owner, mentions, h.start, None)?
        } else {
            owner[subject]
        };
        let code = mentions[target].code.as_deref()?;
        Some(
            match self.speaker_of(tokens, owner, mentions, first, h.end, code) {
                Some(speaker) => Mode::Menace { speaker, target },
                None => Mode::Hypothetical,
            },
        )
    }

    /// The speaker of a clause whose subject starts at token `first` (after it: the
    /// first token past the clause's verb): "A said (that) B ...", the nearest speech
    /// verb before B and the nearest coded actor within six tokens before it; or
    /// '"B ...," A said' / '..., said A', the actor of the quotation tag after the
    /// clause (also a person the dictionaries lack, placed by the organisation of
    /// the apposition after the tag). Never an actor coded `not_code` (B's own).
    fn speaker_of(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        first: usize,
        after: usize,
        not_code: &str,
    ) -> Option<usize> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let code = not_code;
        let coded_other = |k: usize| {
            let m = owner[k];
            (m != usize::MAX && mentions[m].code.as_deref().is_some_and(|c| c != code)).then_some(m)
        };
        let is_speech = |k: usize| {
            crate::speech::is_speech(norm(k), crate::speech::CONTENT)
                || crate::speech::is_speech(norm(k), crate::speech::INDIRECT)
        };
        // "A said (that) B must V": the nearest speech verb before B, its subject
        // the nearest other actor within six tokens before it. "A told the crowd
        // (on Monday) that B should V": after "that", the speech verb may be
        // further back (issue 10 class: the demand family in reported speech).
        let mut that = first;
        while that > 0 && matches!(norm(that - 1), "the" | "a" | "an") {
            that -= 1;
        }
        let reach = if that > 0 && norm(that - 1) == "that" {
            16
        } else {
            6
        };
        let forward = (first.saturating_sub(reach)..first)
            .rev()
            .find(|&k| is_speech(k))
            .and_then(|k| (k.saturating_sub(6)..k).rev().find_map(coded_other));
        // '"B must V ...," A said' / '..., said A': a quotation tag after the clause.
        let backward = || {
            let close = (after..tokens.len()).find(|&k| matches!(norm(k), "\"" | ","))?;
            let tag = (close + 1..tokens.len().min(close + 8))
                .find(|&k| crate::speech::is_speech(norm(k), crate::speech::TAG))?;
            // '"...," the official said of B': B is what was spoken of (the
            // quotation's topic), not who spoke (session 17 class "threats
            // without a threat verb").
            let topic = |k: usize| TOPIC_AFTER_TAG.contains(&norm(k));
            (close + 1..tag)
                .rev()
                .find_map(coded_other)
                .or_else(|| {
                    (tag + 1..tokens.len().min(tag + 4))
                        .take_while(|&k| !topic(k))
                        .find_map(coded_other)
                })
                .or_else(|| {
                    // '..., said Jane Doe, a director at Amnesty International': a
                    // person the dictionaries lack, placed by the organisation of
                    // the apposition (the first coded actor after at/of/for/from).
                    if tokens
                        .get(tag + 1)
                        .is_some_and(|t| TOPIC_AFTER_TAG.contains(&t.norm.as_str()))
                    {
                        return None;
                    }
                    (tag + 1..tokens.len().min(tag + 30))
                        .take_while(|&k| !matches!(norm(k), "\"" | ";"))
                        .filter(|&k| {
                            let mut p = k;
                            if p > 1 && matches!(norm(p - 1), "the" | "a" | "an") {
                                p -= 1;
                            }
                            p > 0 && matches!(norm(p - 1), "at" | "of" | "for" | "from")
                        })
                        .find_map(coded_other)
                })
        };
        forward.or_else(backward)
    }

    /// "A demanded (that) B V", "A insisted that B V": the bare verb after a demand
    /// is what A demands of B (10x), not an act of B (issue 10 class: the demand
    /// family). Only the bare form counts: "insisted that B attacked C" is a claim.
    /// `j` is the first token of V's verb group. A parse gives the same from the
    /// `ccomp` of demand/insist with a bare-form verb.
    fn subjunctive_demand(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        h: &VerbHit,
        j: usize,
    ) -> Option<Mode> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let target = owner[j - 1];
        if target == usize::MAX || mentions[target].tok[1] != j {
            return None;
        }
        let lemma = self.verbs[h.verb as usize].lemma.as_str();
        if lemma.split(' ').next() != Some(norm(h.start)) {
            return None;
        }
        let code = mentions[target].code.as_deref()?;
        let mut k = mentions[target].tok[0];
        while k > 0 && matches!(norm(k - 1), "the" | "that") {
            k -= 1;
        }
        if k == 0 || !DEMAND_THAT.contains(&norm(k - 1)) {
            return None;
        }
        let speaker = (k.saturating_sub(8)..k - 1).rev().find_map(|i| {
            let m = owner[i];
            (m != usize::MAX && mentions[m].code.as_deref().is_some_and(|c| c != code)).then_some(m)
        })?;
        Some(Mode::Oblige {
            speaker,
            target,
            strong: true,
        })
    }

    /// The coded actor of the tag of the quotation that holds tokens `from..to`
    /// ('"B attacked us," A said': "us" or "me" right after the verb).
    pub(super) fn quotation_speaker(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        from: usize,
        to: usize,
    ) -> Option<usize> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let open = (0..from).rev().find(|&k| norm(k) == "\"")?;
        let h_end = to;
        let coded = |k: usize| {
            let m = owner[k];
            (m != usize::MAX && mentions[m].code.is_some()).then_some(m)
        };
        if open == 0 {
            // '"We ... ," the minister said' / '..., said the minister'.
            let close = (h_end..tokens.len()).find(|&k| norm(k) == "\"")?;
            let tag = (close + 1..tokens.len().min(close + 8))
                .find(|&k| crate::speech::is_speech(norm(k), crate::speech::TAG))?;
            (close + 1..tag)
                .rev()
                .find_map(coded)
                .or_else(|| (tag + 1..tokens.len().min(tag + 4)).find_map(coded))
        } else {
            // 'The minister said: "We ...' / 'said, "We ...'.
            let verb = (open.saturating_sub(2)..open)
                .find(|&k| crate::speech::is_speech(norm(k), crate::speech::TAG))?;
            (verb.saturating_sub(6)..verb).rev().find_map(coded)
        }
    }

    /// "A will not V", "A said it would never V": an announced refusal of a
    /// cooperative act (CODING-GUIDE: "refused to meet B" is 12x; issue 10 class:
    /// refusals), as opposed to a plain negated act ("A did not meet B"). A parse
    /// gives the same from `aux` will/would with `advmod` not/never.
    ///
    /// Session 17 class "refusal by negation": "would not" also before a trailing
    /// speech tag ("A would not bow to B's pressure, the minister said"), and "did
    /// not" when the verb (`lemma`, coded `code` when done) is a response to another
    /// actor ([`RESPONSES`]: "did not recognise B", "did not bow to pressure from B"):
    /// withholding the response asked for rejects it. "did not meet" stays a
    /// negated act; "does not", "has not", "never" are a standing situation.
    pub(super) fn announced_refusal(
        &self,
        tokens: &[Token],
        h: &VerbHit,
        lemma: &str,
        code: &str,
    ) -> bool {
        let norm = |k: usize| tokens[k].norm.as_str();
        let mut j = h.start;
        while j > 0 && MODAL_ADVERBS.contains(&norm(j - 1)) {
            j -= 1;
        }
        if j < 2 || !matches!(norm(j - 1), "not" | "never" | "n't") {
            return false;
        }
        let m = j - 2;
        match norm(m) {
            "will" | "'ll" | "wo" | "shall" => true,
            // "would not" only as the future of reported speech, the speech verb
            // before it or in a tag after it, and with no condition after it ("would
            // not sign if ...").
            "would" | "'d" => {
                ((0..m).any(|k| reports_future(norm(k))) || speech_tag_after(tokens, h.end))
                    && !(h.end..tokens.len()).any(|k| matches!(norm(k), "if" | "unless"))
            }
            "did" => norm(j - 1) != "never" && responds(lemma, code),
            _ => false,
        }
    }

    /// The verb at `h` is the content of a denial: "A denied that B attacked C", "A
    /// denied reports that its jets had violated C's airspace", "A denied it had
    /// attacked C" (issue 10 class "deny/dismiss/reject accusations"). The denial is
    /// coded on its own verb (016); the act denied is not reported as done, so it is
    /// dropped like a negated act. A parse gives the same from a `ccomp` (or an `acl`
    /// of a claim noun) under a denial verb.
    pub(super) fn denied_content(&self, tokens: &[Token], h: &VerbHit) -> bool {
        let norm = |k: usize| tokens[k].norm.as_str();
        let Some(d) = (h.start.saturating_sub(16)..h.start)
            .rev()
            .take_while(|&k| !matches!(norm(k), ";" | "." | "but" | "while" | "although"))
            .find(|&k| DENY.contains(&norm(k)))
        else {
            return false;
        };
        // "denied (the reports) that ...": only a noun group between the verb and
        // "that" ("denied the charge and said that ..." is two clauses).
        // A speech form right after the denial or after a determiner is the claim
        // noun itself ("rejected claims that", "denied the claims that"; session 17).
        if let Some(t) = (d + 1..h.start.min(d + 7)).find(|&k| norm(k) == "that") {
            return (d + 1..t).all(|k| {
                !matches!(norm(k), "and" | "," | "or")
                    && (!crate::speech::is_speech(norm(k), crate::speech::INDIRECT)
                        || matches!(norm(k), "claims" | "claim")
                            && (k == d + 1
                                || matches!(norm(k - 1), "the" | "any" | "these" | "such")))
            });
        }
        // "denied it had attacked": a subject pronoun right after "deny" itself.
        DENY[..4].contains(&norm(d))
            && matches!(
                tokens.get(d + 1).map(|t| t.norm.as_str()),
                Some("it" | "he" | "she" | "they" | "its")
            )
            && h.start <= d + 5
    }

    /// The code a verb's `code` becomes under `mode`, or `None` when the clause is
    /// not coded. A code the CAMEO table lacks falls back to its 3-digit parent.
    pub(super) fn code_under_mode(&self, code: &str, mode: Mode) -> Option<String> {
        let valid = |c: String| -> String {
            if self.dicts.cameo.lookup(&c).is_some() || c.len() <= 3 {
                c
            } else {
                c[..3].to_string()
            }
        };
        match mode {
            Mode::Act => Some(code.to_string()),
            Mode::Purpose | Mode::Hypothetical => None,
            Mode::Intent { unless } => {
                if let Some(t) = threat_code(code) {
                    return Some(valid(t));
                }
                if unless {
                    return Some("130".into());
                }
                Some(match coop_family(code) {
                    Some(f) => valid(format!("03{f}")),
                    None => code.to_string(),
                })
            }
            Mode::Appeal(_) => Some(match coop_family(code) {
                Some(f) => valid(format!("02{f}")),
                None => "020".into(),
            }),
            Mode::Menace { .. } => Some("130".into()),
            Mode::Oblige { strong, .. } => {
                let root = if strong { "10" } else { "02" };
                Some(match coop_family(code) {
                    Some(f) => valid(format!("{root}{f}")),
                    None => format!("{root}0"),
                })
            }
        }
    }

    /// True when the clause of `h` is background: a non-restrictive relative clause
    /// (", which/who ...") or a "since/when/after/before" clause that dates itself
    /// in the past (a year before the article's, "years ago", "last year", or "had"
    /// + participle). A parse gives the same from `acl:relcl` / `advcl` + `mark`.
    pub(super) fn background(
        &self,
        tokens: &[Token],
        h: &VerbHit,
        clause: &Clause,
        year: Option<i32>,
    ) -> bool {
        // "the decision announced by Russia": a participle right after a plain noun
        // with an agent is a reduced relative clause describing the noun.
        if h.participle
            && !clause.passive
            && h.start >= 1
            && tokens[h.start - 1].kind == TokenKind::Word
            && !tokens[h.start - 1].capitalized
            && !matches!(
                tokens[h.start - 1].norm.as_str(),
                "has" | "have" | "had" | "and" | "or"
            )
            && !self
                .w
                .be
                .contains(&self.vocab.get(&tokens[h.start - 1].norm))
            && tokens.get(h.end).is_some_and(|t| t.norm == "by")
        {
            return true;
        }
        if standing(tokens, h, clause) {
            return true;
        }
        if clause.start == 0 {
            return false;
        }
        let opener = tokens[clause.start - 1].norm.as_str();
        let relative = matches!(opener, "which" | "who")
            && clause.start >= 2
            && tokens[clause.start - 2].norm == ",";
        let temporal = matches!(opener, "since" | "when" | "after" | "before");
        if !(relative || temporal) {
            return false;
        }
        // The subordinate clause ends at its first comma after the verb.
        let end = (h.end..clause.end)
            .find(|&j| tokens[j].norm == ",")
            .unwrap_or(clause.end);
        let span = &tokens[clause.start..end];
        let past_year = span.iter().any(|t| {
            t.norm.len() == 4
                && t.norm.bytes().all(|b| b.is_ascii_digit())
                && t.norm
                    .parse::<i32>()
                    .is_ok_and(|y| (1800..=2100).contains(&y) && year.is_none_or(|a| y < a))
        });
        let dated = span.windows(2).any(|w| {
            matches!(
                (w[0].norm.as_str(), w[1].norm.as_str()),
                ("years", "ago") | ("decades", "ago") | ("last", "year")
            )
        });
        let pluperfect = h.start >= 1 && tokens[h.start - 1].norm == "had";
        past_year || dated || (relative && pluperfect)
    }

    /// "sanctioned companies accused of supplying drones to C", "freed a man
    /// convicted of spying for C": a participle right after the object of the verb
    /// before it (`prev`, same clause, no comma or conjunction between), followed by
    /// a preposition, is a reduced relative clause describing that object, not an
    /// act of the clause's subject (issue 10 class: reduced relatives after an
    /// object). Not after a speech verb ("said protesters attacked in the night"),
    /// nor when the parse gives the participle a subject of its own
    /// (`own_subject`): then it is a finite verb. The word before the participle
    /// must be a noun (`noun_before`: an actor's name, or tagged a noun), so that
    /// "has again appealed for" stays a verb group.
    pub(super) fn reduced_relative_after_object(
        &self,
        tokens: &[Token],
        prev: &VerbHit,
        h: &VerbHit,
        own_subject: bool,
        noun_before: bool,
    ) -> bool {
        if !h.participle
            || !noun_before
            || own_subject
            || self.verbs[prev.verb as usize].speech
            || h.start < prev.end + 1
        {
            return false;
        }
        let between = &tokens[prev.end..h.start];
        let before = &tokens[h.start - 1];
        before.kind == TokenKind::Word
            && !matches!(
                before.norm.as_str(),
                "has" | "have" | "had" | "and" | "or" | "but" | "that" | "who" | "which"
            )
            && !self.w.be.contains(&self.vocab.get(&before.norm))
            && between.iter().all(|t| {
                !matches!(
                    t.norm.as_str(),
                    "," | ";" | ":" | "\"" | "and" | "or" | "but" | "that" | "who" | "which"
                )
            })
            && tokens.get(h.end).is_some_and(|t| {
                matches!(
                    t.norm.as_str(),
                    "of" | "by"
                        | "in"
                        | "for"
                        | "with"
                        | "to"
                        | "over"
                        | "after"
                        | "during"
                        | "at"
                        | "from"
                        | "as"
                )
            })
    }

    /// Obligations whose verb the lexicon does not know: "A told the crowd that B
    /// should direct money to schools", '"B needs to explain this," A said' (issue
    /// 10 class: the demand family in speech). Each is (speaker, obliged actor,
    /// strong, token index of V); verbs the lexicon knows get their mode in
    /// [`Self::mode`] instead. A parse gives the same from the `aux` must/should or
    /// the `xcomp` of need/have under a speech verb.
    pub(super) fn bare_obligations(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        cands: &[VerbHit],
    ) -> Vec<(usize, usize, bool, usize)> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let mut out = Vec::new();
        for m in 1..tokens.len() {
            let j = match norm(m) {
                "must" | "should" => m + 1,
                "need" | "needs" | "has" | "have" | "ought"
                    if tokens.get(m + 1).is_some_and(|t| t.norm == "to") =>
                {
                    m + 2
                }
                _ => continue,
            };
            let mut v = j;
            if v < tokens.len() && matches!(norm(v), "not" | "never") {
                v += 1;
            }
            while v < tokens.len() && MODAL_ADVERBS.contains(&norm(v)) {
                v += 1;
            }
            let Some(t) = tokens.get(v) else { continue };
            // Not a passive or an auxiliary ("B must be punished", "must have"),
            // not a negation, and only a word no verb candidate covers.
            if t.kind != TokenKind::Word
                || t.capitalized
                || owner[v] != usize::MAX
                || matches!(
                    norm(v),
                    "be" | "have" | "not" | "n't" | "never" | "do" | "also" | "to" | "continue"
                )
                || cands.iter().any(|c| c.start <= v && v < c.end)
            {
                continue;
            }
            if let Some(Mode::Oblige {
                speaker,
                target,
                strong,
            }) = self.obligation(tokens, owner, mentions, v + 1, j)
            {
                out.push((speaker, target, strong, v));
            }
        }
        out
    }

    /// The actor of a condition after token `from`: "A warned it would respond if
    /// B attacked", "A will retaliate unless B lifts the sanctions": the first
    /// coded actor within six tokens after "if"/"unless" whose code is not
    /// `not_code` (issue 10 class: "will X unless Y" is a threat to Y). A parse
    /// gives the same from the `advcl` with `mark` if/unless and its `nsubj`.
    pub(super) fn condition_actor(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        from: usize,
        not_code: Option<&str>,
    ) -> Option<usize> {
        let k =
            (from..tokens.len()).find(|&k| matches!(tokens[k].norm.as_str(), "if" | "unless"))?;
        (k + 1..tokens.len().min(k + 7)).find_map(|j| {
            let m = owner[j];
            (m != usize::MAX
                && mentions[m]
                    .code
                    .as_deref()
                    .is_some_and(|c| Some(c) != not_code))
            .then_some(m)
        })
    }

    /// "All options are on the table" said of B, "A said all options remain on the
    /// table regarding B", "A keeps all military options on the table against B":
    /// the speaker's threat to B (130; 138 for military options), with no verb of
    /// its own (session 17 class "threats without a threat verb"). B follows the
    /// phrase right after a preposition (regarding, for, against, toward(s), over,
    /// concerning, about) or is the topic of the quotation's
    /// tag ([`Self::tag_topic`]); the speaker is found as for an obligation
    /// ([`Self::speaker_of`]). Returns (speaker, target, code, token of "options").
    pub(super) fn options_on_table(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
    ) -> Option<(usize, usize, &'static str, usize)> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let n = tokens.len();
        let (k, end) = (1..n).find_map(|k| {
            if !matches!(norm(k), "option" | "options")
                || !matches!(norm(k - 1), "all" | "military" | "every")
                || (k >= 2 && matches!(norm(k - 2), "not" | "no"))
            {
                return None;
            }
            let mut t = k + 1;
            if t < n
                && matches!(
                    norm(t),
                    "are"
                        | "is"
                        | "were"
                        | "was"
                        | "remain"
                        | "remains"
                        | "remained"
                        | "stay"
                        | "stays"
                )
            {
                t += 1;
            }
            (t + 2 < n && norm(t) == "on" && norm(t + 1) == "the" && norm(t + 2) == "table")
                .then_some((k, t + 3))
        })?;
        let code = if norm(k - 1) == "military" {
            "138"
        } else {
            "130"
        };
        // The preposition right after "table" ("in the talks with B" is where
        // the options lie, not whom they aim at).
        let after = (end < n
            && matches!(
                norm(end),
                "regarding"
                    | "for"
                    | "against"
                    | "toward"
                    | "towards"
                    | "over"
                    | "concerning"
                    | "about"
            ))
        .then(|| {
            let a = if tokens.get(end + 1).is_some_and(|t| t.norm == "the") {
                end + 2
            } else {
                end + 1
            };
            let m = *owner.get(a)?;
            (m != usize::MAX && mentions[m].tok[0] == a && mentions[m].code.is_some()).then_some(m)
        })
        .flatten();
        let target = after.or_else(|| self.tag_topic(tokens, owner, mentions, k, None))?;
        let tcode = mentions[target].code.as_deref()?;
        let speaker = self.speaker_of(tokens, owner, mentions, k - 1, end, tcode)?;
        Some((speaker, target, code, k))
    }

    /// The actor a quotation's tag says was spoken of: '"We will take
    /// countermeasures," the minister told reporters about B', '"...," A said of B'.
    /// The quotation opens the sentence and holds token `from`; its tag (a speech
    /// verb within eight tokens after the closing mark) is followed within four
    /// tokens by of/about/regarding and a coded actor whose code is not `not_code`
    /// (session 17 class "threats without a threat verb": the target of a threat
    /// is its adversary, named in the sentence or as the clear addressee). A parse
    /// gives the same from the tag verb's `obl` with `case` of/about.
    pub(super) fn tag_topic(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        from: usize,
        not_code: Option<&str>,
    ) -> Option<usize> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let open = (0..from).rev().find(|&k| norm(k) == "\"")?;
        if tokens[..open].iter().any(|t| t.kind == TokenKind::Word) {
            return None;
        }
        let close = (from..tokens.len()).find(|&k| norm(k) == "\"")?;
        let tag = (close + 1..tokens.len().min(close + 8))
            .find(|&k| crate::speech::is_speech(norm(k), crate::speech::TAG))?;
        let p =
            (tag + 1..tokens.len().min(tag + 4)).find(|&k| TOPIC_AFTER_TAG.contains(&norm(k)))?;
        let mut a = p + 1;
        if tokens.get(a).is_some_and(|t| t.norm == "the") {
            a += 1;
        }
        let m = *owner.get(a)?;
        (m != usize::MAX
            && mentions[m].tok[0] == a
            && mentions[m]
                .code
                .as_deref()
                .is_some_and(|c| Some(c) != not_code))
        .then_some(m)
    }

    /// A meeting the sentence reports in passing, in the words `from..to` after a
    /// verb: "(announced the deal) during a meeting in the Oval Office with B", "at
    /// talks with B", "in a phone call with B" (040 or 041, both ways), "during his
    /// visit to B" (042, one way). Only "during", "at" and "in" introduce it:
    /// "after talks with B" may tell of an earlier meeting (CODING-GUIDE,
    /// background noun phrases). The venue of a meeting ("in the Oval Office",
    /// "with B in Paris") makes it a visit hosted by one side (043 and 042) or a
    /// meeting at a third place (044), CAMEO's distinctions (issue 10 class
    /// "meetings in passing").
    pub(super) fn meeting_in_passing(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        from: usize,
        to: usize,
    ) -> Option<Meeting> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let to = to.min(tokens.len());
        // A place named after "in"/"at" at `k`.
        let venue = |k: usize| -> Option<usize> {
            let m = *owner.get(k)?;
            (m != usize::MAX
                && mentions[m].tok[0] == k
                && mentions[m].code.is_some()
                && (k >= 1 && matches!(norm(k - 1), "in" | "at")
                    || k >= 2 && norm(k - 1) == "the" && matches!(norm(k - 2), "in" | "at")))
            .then_some(m)
        };
        for p in from..to {
            if !matches!(norm(p), "during" | "at" | "in") {
                continue;
            }
            let mut n = p + 1;
            if n < to && MEETING_DETERMINERS.contains(&norm(n)) {
                n += 1;
            }
            // Up to two lower-case modifiers: "closed-door", "phone", "bilateral".
            let mut modifiers = 0;
            while n < to
                && modifiers < 2
                && meeting_noun(norm(n)).is_none()
                && tokens[n].kind == TokenKind::Word
                && !tokens[n].capitalized
                && owner[n] == usize::MAX
            {
                n += 1;
                modifiers += 1;
            }
            let Some((code, prep, both)) = (n < to).then(|| meeting_noun(norm(n))).flatten() else {
                continue;
            };
            // The party: "with B" / "to B" within six words (a venue may come
            // between: "a meeting in the Oval Office with B"), before any comma.
            for w in n + 1..to.min(n + 7) {
                if tokens[w].kind != TokenKind::Word && owner[w] == usize::MAX {
                    break;
                }
                if norm(w) != prep {
                    continue;
                }
                let mut a = w + 1;
                if a < to && matches!(norm(a), "the" | "a" | "an") {
                    a += 1;
                }
                let m = owner.get(a).copied().unwrap_or(usize::MAX);
                if m != usize::MAX && mentions[m].tok[0] == a && mentions[m].code.is_some() {
                    // Before the party ("a meeting in Geneva with B") or right
                    // after it ("with B in Geneva").
                    let after = mentions[m].tok[1];
                    let place = (n + 1..w)
                        .chain(after..to.min(after + 3))
                        .find_map(venue)
                        .filter(|_| code == "040");
                    return Some(Meeting {
                        party: m,
                        code,
                        both,
                        noun: n,
                        venue: place,
                    });
                }
                break;
            }
        }
        None
    }

    /// "Russian missile strikes on Kyiv killed five people", "an Israeli air
    /// strike in Gaza wounded ten": a noun of armed force, owned by the actor right
    /// before it (past its modifiers and a possessive), is the subject of the verb
    /// of harm at `v` (words `from..v` of its clause). The act is that actor's,
    /// aimed at the place named after "on", "in", "against" or "of" (issue 10
    /// class "acts of force told by their noun"). Only the words decide, as a
    /// tagger misreads "strike" and the parse then hangs the place on the verb.
    pub(super) fn force_noun_subject(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        from: usize,
        v: usize,
    ) -> Option<ForceNoun> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let coded = |k: usize| {
            let m = owner[k];
            (m != usize::MAX && mentions[m].code.is_some()).then_some(m)
        };
        // The noun: at most eight words before the verb, none of them a comma,
        // a verb of another clause or a quotation mark.
        let first = v.saturating_sub(9).max(from);
        let f = (first..v).rev().find(|&k| {
            owner[k] == usize::MAX
                && force_noun_code(norm(k), if k > 0 { norm(k - 1) } else { "" }).is_some()
        })?;
        if tokens[f + 1..v].iter().any(|t| {
            t.kind == TokenKind::Punct
                || matches!(t.norm.as_str(), "that" | "which" | "who" | "and")
        }) {
            return None;
        }
        let code = force_noun_code(norm(f), if f > 0 { norm(f - 1) } else { "" })?;
        // Its owner: modifiers, an optional possessive, then the actor, which
        // opens the phrase (after a determiner) at the clause's start.
        let mut k = f;
        let mut modifiers = 0;
        while k > from && modifiers < 3 && FORCE_MODIFIERS.contains(&norm(k - 1)) {
            k -= 1;
            modifiers += 1;
        }
        if k > from && tokens[k - 1].kind == TokenKind::Possessive {
            k -= 1;
        }
        let source = coded(k.checked_sub(1)?)?;
        if mentions[source].tok[1] != k {
            return None;
        }
        // Workers', doctors' or students' "strike" is a labour strike, and
        // civilians, courts or parties wield no force of arms.
        let role = mentions[source]
            .code
            .as_deref()
            .map_or("", |c| c.get(3..).unwrap_or(""));
        if CIVIL_ROLES.iter().any(|r| role.contains(r)) {
            return None;
        }
        let mut s = mentions[source].tok[0];
        if s > from && matches!(norm(s - 1), "a" | "an" | "the") {
            s -= 1;
        }
        if s != from {
            return None;
        }
        // The place: the first actor after a preposition of aim, before the verb.
        let place = (f + 1..v).find_map(|k| {
            let m = coded(k)?;
            let mut p = k;
            if p > f + 1 && norm(p - 1) == "the" {
                p -= 1;
            }
            (mentions[m].tok[0] == k
                && p > f + 1
                && matches!(norm(p - 1), "on" | "in" | "against" | "of" | "near"))
            .then_some(m)
        });
        (place != Some(source)).then_some(ForceNoun {
            source,
            place,
            code,
        })
    }

    /// "Protests against the Serbian government erupted in Belgrade", "riots broke
    /// out in Nairobi", "anti-government demonstrations were held in several Iraqi
    /// cities": a protest noun at most twelve words before the verb at `h`, which
    /// opens its clause (after its modifiers only: the sentence's start, a comma,
    /// "said" or "that" before them, no subordinator or preposition), is the
    /// subject of that intransitive verb (session 17 class "protests told by their
    /// noun or by a crowd"). The protesters are not named: their country is that of
    /// a country named right before the noun ("Iraqi protests"), else of the one
    /// country of the places after a locative preposition (or the object of
    /// "swept", "gripped", "rocked"), else of the government the protest is
    /// against, else the article's (`article`). None when the noun is in a
    /// relative clause, or when no country is found.
    pub(super) fn protest_noun_subject(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        h: &VerbHit,
        lemma: &str,
        article: Option<&str>,
    ) -> Option<ProtestNoun> {
        let norm = |k: usize| tokens[k].norm.as_str();
        let v = h.start;
        let end = tokens.len();
        // The noun, and its own modifiers up to the verb: no relative clause, no
        // comma.
        let n = (v.saturating_sub(13)..v)
            .rev()
            .find(|&k| PROTEST_SUBJECT_NOUNS.contains(&norm(k)))?;
        if tokens[n + 1..v].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "," | ";" | ":" | "that" | "which" | "who" | "where" | "when"
            ) || SUBORDINATORS.contains(&t.norm.as_str())
        }) {
            return None;
        }
        // Before it, at most five modifiers, then the start of a clause.
        let mut from = n;
        while from > 0 && n - from < 5 {
            let t = &tokens[from - 1];
            if (t.kind == TokenKind::Punct && t.norm != "-")
                || matches!(t.norm.as_str(), "said" | "says" | "that" | "and" | "but")
                || SUBORDINATORS.contains(&t.norm.as_str())
                || PROTEST_NOUN_BARRIERS.contains(&t.norm.as_str())
            {
                break;
            }
            from -= 1;
        }
        let opens = from == 0 || {
            let t = &tokens[from - 1];
            (t.kind == TokenKind::Punct && t.norm != "-")
                || matches!(t.norm.as_str(), "said" | "says" | "that" | "and" | "but")
        };
        if !opens {
            return None;
        }
        // "have rocked Iraq since October", "for weeks": an aggregate over a long
        // period, not the day's news (CODING-GUIDE).
        let after = &tokens[h.end..end.min(h.end + 12)];
        if after.iter().any(|t| t.norm == "since")
            || after.windows(2).any(|w| {
                w[0].norm == "for" && matches!(w[1].norm.as_str(), "weeks" | "months" | "years")
            })
        {
            return None;
        }
        let code_of = |m: usize| mentions[m].code.as_deref().map(ActorCode::new);
        let country_of = |m: usize| {
            code_of(m)
                .filter(|c| {
                    c.has_country() && !matches!(c.country(), "IGO" | "NGO" | "MNC" | "IMG")
                })
                .map(|c| c.country().to_string())
        };
        let head = |k: usize| owner[k] != usize::MAX && mentions[owner[k]].tok[0] == k;
        // "anti-government protests", "violent protests"; a country right before
        // the noun ("Iraqi protests", "Hong Kong protests").
        let anti_state = (from..n).any(|k| {
            norm(k) == "anti"
                && tokens
                    .get(k + 2)
                    .is_some_and(|t| matches!(t.norm.as_str(), "government" | "regime" | "junta"))
        });
        let riot = matches!(norm(n), "riot" | "riots" | "rioting" | "unrest")
            || (from..n).any(|k| matches!(norm(k), "violent" | "deadly"));
        let own = (n > from && owner[n - 1] != usize::MAX)
            .then(|| owner[n - 1])
            .filter(|&m| {
                mentions[m].kind == crate::dict::ActorKind::Country && !mentions[m].pronoun
            })
            .and_then(country_of);
        // Places: after a locative preposition, or the object of a verb of scene.
        let scene_verb = matches!(lemma, "sweep" | "grip" | "rock");
        let mut place: Option<String> = None;
        let mut places_agree = true;
        let mut is_place = vec![];
        for (k, &m) in owner
            .iter()
            .enumerate()
            .take(end.min(h.end + 30))
            .skip(n + 1)
        {
            if m == usize::MAX || mentions[m].tok[0] != k {
                continue;
            }
            if mentions[m].pronoun || mentions[m].inferred {
                continue;
            }
            // "outside the parliament in Tbilisi": an actor composed with its place.
            let composed = mentions[m].kind != crate::dict::ActorKind::Country
                && (k + 1..mentions[m].tok[1]).any(|j| norm(j) == "in");
            let locative = mentions[m].kind == crate::dict::ActorKind::Country
                && (protest_scene(tokens, mentions[m].tok[0])
                    || (scene_verb && mentions[m].tok[0] == h.end));
            if !(locative || composed) {
                continue;
            }
            is_place.push(m);
            if let Some(c) = country_of(m) {
                match &place {
                    Some(x) if *x != c => places_agree = false,
                    _ => place = Some(c),
                }
            }
        }
        // Whom it is against: the first actor after "against", or after a demand
        // ("demanding the resignation of X"), between the noun and the verb.
        let mut demand = false;
        let mut target = None;
        for k in n + 1..v {
            let w = norm(k);
            if matches!(w, "demanding" | "calling" | "seeking" | "urging") {
                demand = true;
            }
            if !head(k) || is_place.contains(&owner[k]) || mentions[owner[k]].code.is_none() {
                continue;
            }
            let mut p = k;
            while p > n + 1 && matches!(norm(p - 1), "the" | "a" | "an") {
                p -= 1;
            }
            if demand || norm(p - 1) == "against" {
                target = Some(owner[k]);
                break;
            }
        }
        let against_state = target
            .filter(|&t| code_of(t).is_some_and(|c| c.has_role("GOV") && !c.is_country_only()));
        let country = own
            .or_else(|| place.filter(|_| places_agree))
            .or_else(|| against_state.and_then(country_of))
            .or_else(|| article.map(str::to_string))?;
        Some(ProtestNoun {
            country,
            target,
            anti_state,
            code: if riot { "145" } else { "141" },
        })
    }

    /// "A and B attacked each other", "A clashed with B": true when the event of `h`
    /// goes both ways.
    pub(super) fn mutual(&self, tokens: &[Token], h: &VerbHit, clause: &Clause) -> bool {
        let after = &tokens[h.end..clause.end.min(h.end + 6)];
        after.windows(2).any(|w| {
            matches!(
                (w[0].norm.as_str(), w[1].norm.as_str()),
                ("each", "other") | ("each", "other's") | ("one", "another")
            )
        }) || match self.verbs[h.verb as usize].lemma.as_str() {
            // "traded accusations", "exchanged artillery fire" (one modifier before
            // the noun), not "trade talks with China".
            "trade" | "exchange" => after.iter().take(2).any(|t| {
                matches!(
                    t.norm.as_str(),
                    "accusations"
                        | "insults"
                        | "fire"
                        | "blows"
                        | "barbs"
                        | "threats"
                        | "gunfire"
                        | "shots"
                        | "charges"
                )
            }),
            l => MUTUAL_LEMMAS.contains(&l),
        }
    }
}

/// Verbs that allege an act of their object ("accused B of shelling C", "blamed B
/// for attacking C"): the gerund after them is B's alleged act, not a reported one.
pub(super) const ALLEGING: &[&str] = &[
    "accuse",
    "blame",
    "charge",
    "suspect",
    "convict",
    "condemn",
    "criticize",
    "criticise",
    "denounce",
    "fault",
    "indict",
    "sentence",
    "sue",
];

/// Verbs whose act is by nature two-sided ("clashed", "traded accusations", "met",
/// "negotiated"): a compound subject acts on itself, "with X" makes X act too.
pub(super) const MUTUAL_LEMMAS: &[&str] = &[
    "clash",
    "skirmish",
    "meet",
    "negotiate",
    "trade",
    "exchange",
    "spar",
    "feud",
];

/// The family digits of a cooperative code inside 02x/03x/10x: meet/negotiate 6,
/// diplomatic cooperation 2, material cooperation 1x, aid 3x, yield 5x (reform 4).
fn coop_family(code: &str) -> Option<String> {
    let b = code.as_bytes();
    if b.len() < 3 {
        return None;
    }
    let sub = |x: u8| (b.len() >= 3 && (b'1'..=b'4').contains(&x)).then_some(x as char);
    Some(match crate::codes::CameoCode::new(code).root() {
        // 045 mediate -> 039 intent to mediate; other consultations -> 036.
        "04" if b[2] == b'5' => "9".into(),
        "04" => "6".into(),
        "05" => "2".into(),
        "06" => match sub(b[2]) {
            Some(c) => format!("1{c}"),
            None => "1".into(),
        },
        "07" => match sub(b[2]) {
            Some(c) => format!("3{c}"),
            None => "3".into(),
        },
        "08" => match b[2] {
            b'1' => "51".into(),
            b'2' => "52".into(),
            b'3' => "4".into(),
            b'4' => "53".into(),
            b'5' => "54".into(),
            b'6' => "55".into(),
            b'7' => "56".into(),
            _ => "5".into(),
        },
        _ => return None,
    })
}

/// The refusal (12x) a cooperative code becomes when announced as not to be done
/// ("will not meet" 125, "would never sign the deal" 127, "will not release" 1243).
pub(super) fn reject_code(code: &str) -> Option<&'static str> {
    let third = code.as_bytes().get(2).copied().unwrap_or(b'0');
    let fourth = code.as_bytes().get(3).copied().unwrap_or(b'0');
    Some(match CameoCode::new(code).root() {
        // An announced intent ("will release" 0353) refused ("will not release").
        "03" => match (third, fourth) {
            (b'1', b'1') => "1211",
            (b'1', b'2') => "1212",
            (b'1', _) => "121",
            (b'3', b'1') => "1221",
            (b'3', b'2') => "1222",
            (b'3', b'3') => "1223",
            (b'3', b'4') => "1224",
            (b'3', _) => "122",
            (b'4', _) => "123",
            (b'5', b'1') => "1241",
            (b'5', b'2') => "1242",
            (b'5', b'3') => "1243",
            (b'5', b'4') => "1244",
            (b'5', b'5') => "1245",
            (b'5', b'6') => "1246",
            (b'5', _) => "124",
            (b'6', _) => "125",
            (b'7', _) => "127",
            (b'8' | b'9', _) => "126",
            _ => "120",
        },
        "04" if third == b'5' => "126",
        "04" => "125",
        "05" if third == b'7' => "127",
        "05" => "120",
        "06" => match third {
            b'1' => "1211",
            b'2' => "1212",
            _ => "121",
        },
        "07" => match third {
            b'1' => "1221",
            b'2' => "1222",
            b'3' => "1223",
            b'4' => "1224",
            _ => "122",
        },
        "08" => match third {
            b'1' => "1241",
            b'2' => "1242",
            b'3' => "123",
            b'4' => "1243",
            b'5' => "1244",
            b'6' => "1245",
            b'7' => "1246",
            _ => "124",
        },
        _ => return None,
    })
}

/// The threat (13x) a conflictual code becomes when announced as intent.
pub(super) fn threat_code(code: &str) -> Option<String> {
    let third = code.as_bytes().get(2).copied().unwrap_or(b'0');
    Some(
        match &code[..2.min(code.len())] {
            "13" => code,
            "14" => "133",
            "15" => "138",
            "16" => match third {
                b'1' => "1313",
                b'2' => "1311",
                b'3' => "1312",
                b'4' => "134",
                b'5' => "135",
                b'6' => "136",
                _ => "131",
            },
            "17" => "137",
            "18" => "1383",
            "19" => match third {
                b'1' => "1381",
                b'2' => "1382",
                _ => "1384",
            },
            "20" => "1385",
            _ => return None,
        }
        .to_string(),
    )
}

/// Verbs whose act answers another actor's demand, pressure, proposal or claim to
/// recognition (session 17 class "refusal by negation"): "did not V" withholds the
/// answer, a rejection (12x), where "did not meet" or "did not extradite" only says
/// an act of one's own did not happen.
const RESPONSES: &[&str] = &[
    "recognise",
    "recognize",
    "accept",
    "comply",
    "bow",
    "yield",
    "heed",
    "submit",
    "succumb",
    "cave",
    "budge",
    "relent",
    "accede",
    "give",
];

/// Whether `lemma`, coded `code` when done, is a response (see [`RESPONSES`]):
/// "give" only as "give in" (080), "recognise" only as recognition (054).
fn responds(lemma: &str, code: &str) -> bool {
    RESPONSES.contains(&lemma)
        && match lemma {
            "give" => code == "080",
            "recognise" | "recognize" => code.starts_with("054"),
            _ => true,
        }
}

/// A speech tag after the clause that ends at `from`: ", the minister said" (a
/// comma, then a reporting verb within six words; session 17 class "refusal by
/// negation").
fn speech_tag_after(tokens: &[Token], from: usize) -> bool {
    let Some(c) = (from..tokens.len()).find(|&k| tokens[k].norm == ",") else {
        return false;
    };
    (c + 1..tokens.len().min(c + 7)).any(|k| reports_future(tokens[k].norm.as_str()))
}

/// Whether `word` is a verb form whose "that ... would V" is a future announced, not
/// a condition: the content verbs ("said it would"), the verbs of indirect speech
/// that assert ("announced it would", "confirmed"), and the commissives ("promised
/// it would"); not beliefs, guesses or allegations ("believes it would",
/// "predicted", "suggested", "alleged"), nor warnings, whose threat the coder reads
/// on the warning itself (issue 10 class "the future of reported speech after
/// announce, confirm, promise").
fn reports_future(word: &str) -> bool {
    use crate::speech::{is_speech, lemma_of, CONTENT, INDIRECT};
    if matches!(
        word,
        "promised" | "pledged" | "vowed" | "promises" | "pledges" | "vows"
    ) {
        return true;
    }
    is_speech(word, CONTENT)
        || is_speech(word, INDIRECT)
            && !matches!(
                lemma_of(word),
                Some("believe" | "predict" | "suggest" | "allege" | "think" | "warn" | "caution")
            )
}

/// Spans of time long enough to make an act a standing one.
const LONG_SPANS: &[&str] = &[
    "years",
    "decades",
    "months",
    "generations",
    "centuries",
    "decade",
];

/// Session 17 class "standing acts" (CODING-GUIDE "What is not coded": aggregates over
/// long periods, standing situations): "has long accused B", "long ago recognised B",
/// or a verb whose clause says it lasted years ("has supported B for decades", "for
/// the past two years", "over the past decade"). "For hours" and "for the first time
/// in years" are news. Looks at most a few words around the verb and to the next
/// comma of its clause.
fn standing(tokens: &[Token], h: &VerbHit, clause: &Clause) -> bool {
    let w = |j: usize| tokens.get(j).map_or("", |t| t.norm.as_str());
    // "has long accused", "had long backed", "long ago recognised".
    if h.start >= 2 && w(h.start - 1) == "long" && matches!(w(h.start - 2), "has" | "have" | "had")
        || h.start >= 2 && w(h.start - 2) == "long" && w(h.start - 1) == "ago"
    {
        return true;
    }
    // "for (the past|many|several|two ...) years", "over the past decade", in the
    // verb's clause: from the clause's start to the first comma after the verb.
    let end = (h.end..clause.end.min(tokens.len()))
        .find(|&j| w(j) == ",")
        .unwrap_or(clause.end.min(tokens.len()));
    (clause.start..end).any(|j| {
        if !matches!(w(j), "for" | "over") || (h.start..h.end).contains(&j) {
            return false;
        }
        // "for years", "for many years", "for the past two decades", "over the last
        // decade"; not a counted span ("jailed for ten years" is a sentence's length)
        // nor "for years to come" (a commitment).
        let lead: &[&str] = match (w(j), w(j + 1), w(j + 2)) {
            (_, "the", "past" | "last") => &["the", "past", "last", "two", "three", "few"],
            ("for", "many" | "several", _) => &["many", "several"],
            ("for", _, _) => &[],
            _ => return false,
        };
        (j + 1..(j + 5).min(end)).any(|k| {
            LONG_SPANS.contains(&w(k))
                && w(k + 1) != "to"
                && (j + 1..k).all(|m| lead.contains(&w(m)))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families() {
        assert_eq!(coop_family("046").as_deref(), Some("6"));
        assert_eq!(coop_family("045").as_deref(), Some("9"));
        assert_eq!(coop_family("0631").as_deref(), Some("13"));
        assert_eq!(coop_family("073").as_deref(), Some("33"));
        assert_eq!(coop_family("085").as_deref(), Some("54"));
        assert_eq!(coop_family("112"), None);
        assert_eq!(threat_code("163").as_deref(), Some("1312"));
        assert_eq!(threat_code("195").as_deref(), Some("1384"));
        assert_eq!(threat_code("046"), None);
        assert_eq!(reject_code("046"), Some("125"));
        assert_eq!(reject_code("057"), Some("127"));
        assert_eq!(reject_code("0841"), Some("1243"));
        assert_eq!(reject_code("0353"), Some("1243"));
        assert_eq!(reject_code("036"), Some("125"));
        assert_eq!(reject_code("190"), None);
    }
}
