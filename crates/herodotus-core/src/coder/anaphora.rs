//! Actors from context for speech and evaluation (issue 10, "Actors from context"):
//!
//! - **Event-noun anaphora.** "Uganda announced a new border policy. Kenya condemned
//!   the decision.": the evaluated act is named by a definite event noun ("the
//!   decision", "the move", "the announcement", "the ruling") or by "it" after a
//!   naming verb ("called it a mistake"), and its owner is the actor that did it
//!   (CODING-GUIDE "Calling an act of B a name": the target is B). The owner is
//!   remembered from the last event noun whose actor the text gave: a possessor or
//!   nationality adjective ("the US decision", "Russia's move", "its decision"), an
//!   agent ("the move announced by X", "the latest move by X"), or the subject of a
//!   verb that makes the act ("X announced a new policy"); failing those, the source
//!   of the last coded material event (not speech) in the previous sentences. The
//!   anaphor becomes an inferred mention of the owner. Conservative: a closed list
//!   of nouns, within the article, at most [`REACH`] sentences back, never when one
//!   sentence names two different owners, never as a sentence's first actor (a
//!   subject: "The decision angered ...") nor as the subject of a prediction ("the
//!   decision would not change ...").
//!   An accusation noun ("the allegations", "the charges") refers back to the
//!   source of the last accusation or criticism (a coded root-11 event) instead; a
//!   noun of one kind of act ("the expulsions", "the release", "the agreement") only
//!   to an act of that kind, an agreement to both its parties; "the launch" or "the
//!   test" to the last actor that fired or tested missiles.
//! - **"A said it ..."** (CODING-GUIDE "Reported speech": "A said it attacked C" is A
//!   190 C): a pronoun right after a speech verb (or after its "that") is the speech
//!   verb's subject when that agrees ("it" a country, organisation or agent; "he",
//!   "she" a person; "they", "we" any), not the last actor of the previous sentences.
//! - **"We" and "us" in a quotation** are its speaker: see `quoted_we` in
//!   `mentions.rs`.

use super::evaluative::NAMING;
use super::mentions::{add_mentions, Context, Found};
use super::Coder;
use crate::codes::CameoCode;
use crate::dict::ActorKind;
use crate::event::Event;
use crate::tokens::Token;

/// Nouns naming an act of an actor (issue 10 class "event-noun anaphora").
pub(super) const EVENT_NOUNS: &[&str] = &[
    "decision",
    "decisions",
    "move",
    "moves",
    "announcement",
    "policy",
    "ruling",
    "verdict",
    "step",
    "measure",
    "plan",
    "shift",
    "exchange",
    "swap",
    "call",
    "initiative",
    "proposal",
    "action",
    "actions",
];
/// Nouns naming a court's decision: they refer back only to a judiciary actor.
const COURT_NOUNS: &[&str] = &["ruling", "verdict", "judgment", "judgement"];
/// Nouns naming an act of force (issue 10 class "condemned the attack"): they refer
/// back only to an act of force (roots 15-20), "the strike" after a labour strike
/// to nobody.
const FORCE_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "shelling",
    "bombing",
    "bombings",
    "bombardment",
    "raid",
    "raids",
    "assault",
    "killing",
    "killings",
    "invasion",
    "incursion",
    "offensive",
    "crackdown",
    "drills",
    "seizure",
    "arrest",
    "arrests",
    "detention",
    "execution",
    "executions",
    // Same class, acts of force named by their deed ("Police shot a protester. B
    // condemned the shooting.").
    "shooting",
    "shootings",
    "violence",
    "beating",
    "beatings",
    "abduction",
    "abductions",
    "kidnapping",
    "kidnappings",
    "massacre",
    "ambush",
];

/// Nouns naming an accusation (issue 10 class "rejecting the accusations"): "India
/// rejected the allegations" refers back to whoever made the last accusation (a
/// coded event of root 11), not to the owner of the last material act.
const ACCUSATION_NOUNS: &[&str] = &[
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "claims",
    "charges",
];

/// Sixteenth session, class "praise or criticism whose object is an event noun":
/// nouns that name one kind of act and refer back only to an act of that kind, by the
/// CAMEO roots of the coded event that did it ("Poland expelled three diplomats.
/// Moscow called the expulsions unacceptable": root 16; "the release": root 08; "the
/// agreement": an agreement or a cooperation, roots 03, 05 (057), 06 and 08).
const KIND_NOUNS: &[(&str, &[&str])] = &[
    ("expulsion", &["16"]),
    ("expulsions", &["16"]),
    ("sanctions", &["16"]),
    ("release", &["08"]),
    ("agreement", AGREED),
    ("agreements", AGREED),
    ("deal", AGREED),
    ("accord", AGREED),
    ("pact", AGREED),
    ("truce", AGREED),
    ("ceasefire", AGREED),
];
const AGREED: &[&str] = &["03", "05", "06", "08"];
/// Same class: a missile launch or test, which has no target and so no coded event:
/// "North Korea fired two missiles. Japan condemned the launch." They refer back to
/// the subject of the last firing of missiles (see `EventOwner::launcher`).
const LAUNCH_NOUNS: &[&str] = &["launch", "launches", "test", "tests", "test-firing"];
/// ... the verbs of that firing and what they fire.
const FIRE_V: &[&str] = &[
    "fired",
    "launched",
    "tested",
    "test-fired",
    "conducted",
    "carried",
];
const MISSILE_N: &[&str] = &[
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "projectile",
    "projectiles",
    "test",
    "tests",
    "launch",
    "launches",
];

fn kind_roots(w: &str) -> Option<&'static [&'static str]> {
    KIND_NOUNS.iter().find(|(n, _)| *n == w).map(|(_, r)| *r)
}

fn is_event_noun(w: &str) -> bool {
    EVENT_NOUNS.contains(&w)
        || FORCE_NOUNS.contains(&w)
        || ACCUSATION_NOUNS.contains(&w)
        || kind_roots(w).is_some()
        || LAUNCH_NOUNS.contains(&w)
}

/// Acts with two sides: "the exchange" is both sides' (see `EventOwner::partner`); an
/// agreement or a truce too (sixteenth session, same class: "Serbia and Kosovo signed
/// an agreement. Germany welcomed the agreement." welcomes both).
const MUTUAL_NOUNS: &[&str] = &[
    "exchange",
    "swap",
    "agreement",
    "agreements",
    "deal",
    "accord",
    "pact",
    "truce",
    "ceasefire",
];
/// Determiners that make an event noun refer back ("the move", "this decision",
/// "regrets any decision ...").
const DEFINITE: &[&str] = &["the", "this", "that", "these", "those", "any"];
/// Verbs whose subject makes the act their object names: "X announced a new policy",
/// "X took the decision".
const MAKE: &[&str] = &[
    "announced",
    "announces",
    "took",
    "takes",
    "made",
    "makes",
    "adopted",
    "adopts",
    "unveiled",
    "unveils",
    "introduced",
    "introduces",
    "issued",
    "issues",
    "approved",
    "approves",
];
/// Participles between an event noun and its agent: "the move announced by X".
const MADE_BY: &[&str] = &[
    "announced",
    "taken",
    "made",
    "adopted",
    "unveiled",
    "introduced",
    "issued",
    "approved",
];
/// Words that end a noun group going left: auxiliaries, negation, prepositions,
/// conjunctions ("the decision would not change": "change" is no noun of it).
const STOP: &[&str] = &[
    "would", "will", "could", "can", "may", "might", "should", "must", "not", "n't", "was", "were",
    "is", "are", "be", "been", "has", "have", "had", "to", "of", "in", "on", "for", "with", "by",
    "and", "or", "but", "that", "which", "who", "as", "at", "from", "after", "before", "over",
    "against",
];
/// How many sentences back an owner is remembered.
const REACH: usize = 8;

/// The owner of the act an event noun names, remembered within the article.
#[derive(Clone, Debug, Default)]
pub(super) struct EventOwner {
    /// Code and name of the owner, and the sentence that named it.
    owner: Option<(String, String, usize)>,
    /// The other side of the owner's act when it came from a coded event (its
    /// target): an exchange or a swap belongs to both.
    partner: Option<String>,
    /// The CAMEO root of the owner's act when it came from a coded event.
    root: Option<String>,
    /// Code and name of the source of the last accusation or criticism (a coded
    /// event of root 11), and its sentence.
    accuser: Option<(String, String, usize)>,
    /// The target of that accusation (who was accused).
    accused: Option<String>,
    /// Code and name of the actor that last fired or tested missiles, and its
    /// sentence (see [`LAUNCH_NOUNS`]).
    launcher: Option<(String, String, usize)>,
}

impl EventOwner {
    fn recent(&self, si: usize) -> Option<(String, String)> {
        self.owner
            .as_ref()
            .filter(|o| si.saturating_sub(o.2) <= REACH)
            .map(|o| (o.0.clone(), o.1.clone()))
    }

    /// The other side of a recent owner's act, if a coded event gave one.
    fn partner(&self, si: usize) -> Option<String> {
        self.recent(si).and(self.partner.clone())
    }

    /// Whether a recent owner's act, when a coded event gave it, was an act of
    /// force (roots 15-20).
    fn of_force(&self, si: usize) -> bool {
        self.recent(si).is_some()
            && self
                .root
                .as_deref()
                .is_some_and(|r| r.parse::<u8>().is_ok_and(|n| (15..=20).contains(&n)))
    }

    /// Whether a recent owner's act, when a coded event gave it, has one of
    /// `roots` (see [`KIND_NOUNS`]).
    fn of_kind(&self, si: usize, roots: &[&str]) -> bool {
        self.recent(si).is_some() && self.root.as_deref().is_some_and(|r| roots.contains(&r))
    }

    /// Who last fired or tested missiles, if recent.
    fn launcher(&self, si: usize) -> Option<(String, String)> {
        self.launcher
            .as_ref()
            .filter(|a| si.saturating_sub(a.2) <= REACH)
            .map(|a| (a.0.clone(), a.1.clone()))
    }

    /// Who made the last accusation, if recent.
    fn accuser(&self, si: usize) -> Option<(String, String)> {
        self.accuser
            .as_ref()
            .filter(|a| si.saturating_sub(a.2) <= REACH)
            .map(|a| (a.0.clone(), a.1.clone()))
    }

    fn set(&mut self, owner: Option<(String, String, usize)>) {
        self.owner = owner;
        self.partner = None;
        self.root = None;
    }

    /// After a sentence is coded: the source of its last material event (not speech,
    /// appeal, praise, demand, criticism or threat: those evaluate acts, they are not
    /// the acts evaluated) owns the act, when the sentence named no owner itself.
    pub(super) fn after_sentence(&mut self, si: usize, events: &[Event]) {
        if let Some(e) = events
            .iter()
            .rev()
            .find(|e| CameoCode::new(&e.event_code).root() == "11")
        {
            self.accuser = Some((e.source_code.clone(), e.source_code.clone(), si));
            self.accused = Some(e.target_code.clone());
        }
        if self.owner.as_ref().is_some_and(|o| o.2 == si) {
            return;
        }
        // Signing an agreement (057) is an act too, an agreement's (sixteenth session,
        // see [`KIND_NOUNS`]).
        let material = events.iter().rev().find(|e| {
            !matches!(
                CameoCode::new(&e.event_code).root(),
                "01" | "02" | "05" | "10" | "11" | "12" | "13" | ""
            ) || e.event_code.starts_with("057")
        });
        if let Some(e) = material {
            self.owner = Some((e.source_code.clone(), e.source_code.clone(), si));
            self.partner = Some(e.target_code.clone()).filter(|t| !t.is_empty());
            self.root = Some(CameoCode::new(&e.event_code).root().to_string());
        }
    }
}

/// Session 17 class "denial answering an accusation": nouns a denial verb denies
/// ("denied any wrongdoing", "denies all involvement").
const DENIED_NOUNS: &[&str] = &[
    "wrongdoing",
    "involvement",
    "responsibility",
    "complicity",
    "guilt",
    "role",
];
const DENY_V: &[&str] = &["deny", "denied", "denies", "denying"];
/// ... and the speech verbs that assert innocence ("insisted it had done nothing
/// wrong", "said it was not responsible").
const ASSERT_V: &[&str] = &[
    "said",
    "says",
    "insisted",
    "insists",
    "maintained",
    "maintains",
    "stressed",
    "stresses",
    "argued",
    "argues",
    "reiterated",
    "reiterates",
];
/// How many sentences back an accusation is answered by a denial that names no one.
const DENIAL_REACH: usize = 3;

/// Session 17 class "denial answering an accusation" (CAMEO 016, CODING-GUIDE
/// "Speech acts ... deny"): "Uganda accused Kenya of arming rebels. Kenya denied any
/// wrongdoing." / "Kenya insisted it had done nothing wrong." / "Kenya said it was
/// not responsible.": a denial that names no one after it answers the accusation of
/// the last few sentences when its speaker is the actor accused (same country); the
/// denied noun ("wrongdoing", "wrong", "responsible") becomes an inferred mention of
/// the accuser, like "the allegations" does (see the module doc). One a sentence.
fn denial_answers(tokens: &[Token], mentions: &mut Vec<Found>, ctx: &Context, si: usize) {
    let Some((accuser, accused)) = ctx
        .events
        .accuser
        .as_ref()
        .filter(|a| si > a.2 && si - a.2 <= DENIAL_REACH)
        .zip(ctx.events.accused.as_deref())
    else {
        return;
    };
    let norm = |k: usize| tokens[k].norm.as_str();
    let n = tokens.len();
    let hit = (1..n).find_map(|k| {
        let verbs = match norm(k) {
            w if DENIED_NOUNS.contains(&w) => DENY_V,
            "wrong" if norm(k - 1) == "nothing" => ASSERT_V,
            "responsible" if norm(k - 1) == "not" => ASSERT_V,
            _ => return None,
        };
        let reach = if verbs == DENY_V { 3 } else { 8 };
        let v = (k.saturating_sub(reach)..k)
            .rev()
            .find(|&j| verbs.contains(&norm(j)))?;
        Some((v, k))
    });
    let Some((v, k)) = hit else {
        return;
    };
    // Named after it ("involvement in the attack on Indian soldiers"), the denial
    // has its own target; inside a mention, the word is no denial.
    if mentions
        .iter()
        .any(|m| (m.tok[0] <= k || m.code.is_some()) && m.tok[1] > k)
    {
        return;
    }
    let speaker = mentions
        .iter()
        .rev()
        .find(|m| m.tok[1] <= v && m.code.is_some())
        .and_then(|m| m.code.as_deref());
    let country = |c: &str| crate::codes::ActorCode::new(c).country().to_string();
    let answers = speaker.is_some_and(|s| {
        !accused.is_empty() && country(s) == country(accused) && country(s) != country(&accuser.0)
    });
    if !answers {
        return;
    }
    add_mentions(
        mentions,
        vec![Found {
            tok: [k, k + 1],
            span: [tokens[k].start, tokens[k].end],
            code: Some(accuser.0.clone()),
            name: accuser.1.clone(),
            kind: ActorKind::Agent,
            agent: None,
            pronoun: false,
            inferred: true,
            pair: false,
        }],
    );
}

fn is_word(t: &Token) -> bool {
    t.norm.chars().next().is_some_and(char::is_alphabetic)
}

impl Coder {
    /// Applies both rules to one sentence's mentions (see the module doc).
    pub(super) fn context_references(
        &self,
        tokens: &[Token],
        mentions: &mut Vec<Found>,
        ctx: &mut Context,
        si: usize,
    ) {
        // "The group said it had killed ...": the role noun first, so that the
        // pronoun after the speech verb finds it.
        self.role_nouns(tokens, mentions, ctx, si);
        speech_pronouns(tokens, mentions);
        self.event_anaphora(tokens, mentions, ctx, si);
        denial_answers(tokens, mentions, ctx, si);
    }

    fn event_anaphora(
        &self,
        tokens: &[Token],
        mentions: &mut Vec<Found>,
        ctx: &mut Context,
        si: usize,
    ) {
        let n = tokens.len();
        let norm = |k: usize| tokens[k].norm.as_str();
        let mut named: Vec<(String, String)> = Vec::new();
        let mut added: Vec<Found> = Vec::new();
        let mut k = 0;
        while k < n {
            if !is_event_noun(norm(k)) || mentions.iter().any(|m| m.tok[0] <= k && k < m.tok[1]) {
                k += 1;
                continue;
            }
            // The noun group: modifiers before the noun ("the unilateral move", 'the
            // "historic" move'), back to a determiner, possessive or actor within
            // four tokens; none found, the noun stands alone.
            let mut g = k;
            for back in 1..=4.min(k) {
                let q = k - back;
                let t = norm(q);
                if DEFINITE.contains(&t)
                    || matches!(t, "its" | "their" | "his" | "her" | "a" | "an" | "'s")
                    || mentions.iter().any(|m| m.tok[1] == q + 1)
                {
                    g = q + 1;
                    break;
                }
                let modifier = (is_word(&tokens[q]) && !STOP.contains(&t) && !is_event_noun(t))
                    || t == "\""
                    || t.chars().all(|c| c.is_ascii_digit());
                if !modifier {
                    break;
                }
            }
            // The last noun of a run ("policy shift") is the head.
            let mut head = k;
            while head + 1 < n && is_event_noun(norm(head + 1)) {
                head += 1;
            }
            let owner = self.owner_in_sentence(tokens, mentions, g, head);
            if let Some(o) = owner {
                if !named.iter().any(|x| x.0 == o.0) {
                    named.push(o);
                }
                k = head + 1;
                continue;
            }
            // No owner in the sentence: a definite noun refers back; a noun of one
            // kind of act only after a demonstrative or "the" ("will not accept any
            // agreement" names no earlier one).
            let typed = kind_roots(norm(head)).is_some() || LAUNCH_NOUNS.contains(&norm(head));
            let definite =
                g > 0 && DEFINITE.contains(&norm(g - 1)) && !(typed && norm(g - 1) == "any");
            let det = g.saturating_sub(1);
            let has_subject_before = mentions.iter().any(|m| m.tok[1] <= det && m.code.is_some());
            let predicts = tokens.get(head + 1).is_some_and(|t| {
                matches!(
                    t.norm.as_str(),
                    "would" | "will" | "could" | "may" | "might" | "can" | "should" | "to"
                )
            });
            // An act of force refers back to an act of force only, an accusation
            // to the last accuser only.
            let force = FORCE_NOUNS.contains(&norm(head));
            let kind = kind_roots(norm(head));
            let remembered = if ACCUSATION_NOUNS.contains(&norm(head)) {
                ctx.events.accuser(si)
            } else if LAUNCH_NOUNS.contains(&norm(head)) {
                named.last().cloned().or_else(|| ctx.events.launcher(si))
            } else {
                named.last().cloned().or_else(|| {
                    ctx.events.recent(si).filter(|(code, _)| {
                        (!force || ctx.events.of_force(si))
                            && kind.is_none_or(|r| ctx.events.of_kind(si, r))
                            // A court's decision refers back to a court only (session
                            // 17 class "court rulings": "comply with the ruling" after
                            // a meeting names no act of the meeting's host).
                            && (!COURT_NOUNS.contains(&norm(head))
                                || crate::codes::ActorCode::new(code).has_role("JUD"))
                    })
                })
            };
            // "the content of the call": a noun after "of" modifies another noun.
            let modifies = det >= 1 && norm(det - 1) == "of";
            let free = !modifies && !mentions.iter().any(|m| m.tok[0] <= head && det < m.tok[1]);
            if let (true, true, false, true, Some((code, name))) =
                (definite, has_subject_before, predicts, free, remembered)
            {
                // "welcomed the exchange" after "A freed B's prisoners": both sides,
                // joined as a compound like "both sides".
                let partner = ctx.events.partner(si).filter(|p| {
                    named.is_empty() && *p != code && MUTUAL_NOUNS.contains(&norm(head))
                });
                if let Some(p) = partner {
                    let span = [tokens[det].start, tokens[head].end];
                    let make = |tok: [usize; 2], code: String, pair: bool| Found {
                        tok,
                        span,
                        name: code.clone(),
                        code: Some(code),
                        kind: ActorKind::Agent,
                        agent: None,
                        pronoun: false,
                        inferred: true,
                        pair,
                    };
                    added.push(make([det, head], code, false));
                    added.push(make([head, head + 1], p, true));
                    k = head + 1;
                    continue;
                }
                added.push(Found {
                    tok: [det, head + 1],
                    span: [tokens[det].start, tokens[head].end],
                    code: Some(code),
                    name,
                    kind: ActorKind::Agent,
                    agent: None,
                    pronoun: false,
                    inferred: true,
                    pair: false,
                });
            }
            k = head + 1;
        }
        // "called it a mistake": the pronoun is the act.
        for m in mentions.iter_mut() {
            let p = m.tok[0];
            if m.pronoun && tokens[p].norm == "it" && p > 0 && NAMING.contains(&norm(p - 1)) {
                if let Some((code, name)) = named.last().cloned().or_else(|| ctx.events.recent(si))
                {
                    m.code = Some(code);
                    m.name = name;
                    m.pronoun = false;
                    m.inferred = true;
                    m.kind = ActorKind::Agent;
                }
            }
        }
        // "North Korea fired two missiles", "Iran conducted a missile test": the
        // subject (right before the verb) launched (see [`LAUNCH_NOUNS`]).
        for v in 1..n {
            if !FIRE_V.contains(&norm(v))
                || !(v + 1..n.min(v + 6)).any(|k| MISSILE_N.contains(&norm(k)))
            {
                continue;
            }
            if let Some(m) = mentions
                .iter()
                .rev()
                .find(|m| m.tok[1] <= v && v - m.tok[1] <= 1 && m.code.is_some() && !m.pronoun)
            {
                ctx.events.launcher =
                    Some((m.code.clone().unwrap_or_default(), m.name.clone(), si));
            }
        }
        // "the decision" also holds a pronoun's place: a bare "it" after a naming verb
        // with no remembered act stays as it was.
        match named.as_slice() {
            [] => {}
            [one] => ctx.events.set(Some((one.0.clone(), one.1.clone(), si))),
            // Two owners in one sentence: ambiguous, remember none.
            _ => ctx.events.set(None),
        }
        add_mentions(mentions, added);
    }

    /// The actor that owns the event noun group [g, head] in its own sentence: a
    /// possessor or adjective right before it ("Russia's move", "the US decision"),
    /// "its" (the sentence's first actor), an agent after it ("announced by X", "by
    /// X"), or the subject of a making verb before it ("X announced the policy").
    fn owner_in_sentence(
        &self,
        tokens: &[Token],
        mentions: &[Found],
        g: usize,
        head: usize,
    ) -> Option<(String, String)> {
        let n = tokens.len();
        let norm = |k: usize| tokens[k].norm.as_str();
        let coded = |m: &Found| m.code.is_some() && !m.pronoun;
        let pick = |m: &Found| (m.code.clone().unwrap_or_default(), m.name.clone());
        // "the move announced on Monday by X", "the latest move by X".
        let mut j = head + 1;
        // "was announced by X", "had been taken by X".
        while j < n
            && j <= head + 2
            && matches!(
                norm(j),
                "was" | "were" | "is" | "are" | "been" | "had" | "has"
            )
        {
            j += 1;
        }
        if j < n && MADE_BY.contains(&norm(j)) {
            j += 1;
            // A short time phrase: "on Monday", "last week".
            let by = (j..n.min(j + 4)).find(|&x| norm(x) == "by");
            if let Some(b) = by {
                j = b;
            }
        }
        if j < n && norm(j) == "by" {
            let after = mentions
                .iter()
                .find(|m| m.tok[0] > j && m.tok[0] <= j + 2 && coded(m));
            if let Some(m) = after {
                return Some(pick(m));
            }
        }
        // Possessor or adjective: "Russia's move", "the US decision" (a determiner
        // before the actor: "Kenya and Uganda call ..." is a verb, "our Ukraine
        // policy" or "pro-Israeli moves" name a topic, not an owner).
        let possessive = g >= 1 && norm(g - 1) == "'s";
        let before = if possessive { g - 1 } else { g };
        if let Some(m) = mentions.iter().find(|m| m.tok[1] == before && coded(m)) {
            let det = m.tok[0] >= 1
                && (DEFINITE.contains(&norm(m.tok[0] - 1))
                    || matches!(norm(m.tok[0] - 1), "a" | "an"));
            if possessive || det {
                return Some(pick(m));
            }
            return None;
        }
        // "its decision": the sentence's first actor (its subject).
        if g >= 1 && matches!(norm(g - 1), "its" | "their") {
            return mentions.iter().find(|m| m.tok[1] < g && coded(m)).map(pick);
        }
        // "X announced the/a new policy": the making verb within four words before the
        // noun group, its subject the actor right before it.
        let from = g.saturating_sub(4);
        let verb = (from..g).rev().find(|&v| MAKE.contains(&norm(v)))?;
        let subject = mentions
            .iter()
            .rev()
            .find(|m| m.tok[1] <= verb && verb - m.tok[1] <= 2 && coded(m))?;
        Some(pick(subject))
    }
}

/// "A said it ...": a pronoun after a speech verb (or its "that") takes the speech
/// verb's subject, the nearest actor before the verb (within six words), when the
/// two agree in kind; a pronoun the article context left unresolved gets a mention.
fn speech_pronouns(tokens: &[Token], mentions: &mut Vec<Found>) {
    let mut added = false;
    for p in 1..tokens.len() {
        let w = tokens[p].norm.as_str();
        if !matches!(w, "it" | "he" | "she" | "they" | "we") {
            continue;
        }
        let mut v = p;
        if tokens[v - 1].norm == "that" {
            v -= 1;
        }
        if v == 0 || !crate::speech::is_speech(&tokens[v - 1].norm, crate::speech::INDIRECT) {
            continue;
        }
        let verb = v - 1;
        let Some(s) = mentions.iter().rposition(|m| {
            m.tok[1] <= verb && verb - m.tok[1] <= 6 && m.code.is_some() && !m.pronoun
        }) else {
            continue;
        };
        let kind = mentions[s].kind;
        let agrees = match w {
            "it" => kind != ActorKind::Person,
            "he" | "she" => matches!(kind, ActorKind::Person | ActorKind::Agent),
            _ => true,
        };
        if !agrees {
            continue;
        }
        let (code, name) = (mentions[s].code.clone(), mentions[s].name.clone());
        added |= point_pronoun(mentions, &tokens[p], p, code, name, kind);
    }
    if added {
        mentions.sort_by_key(|m| m.tok[0]);
    }
}

/// Points the pronoun at token `p` to an actor: its mention is re-pointed, or one is
/// added (true) when the article context had left it unresolved; a token that is
/// part of another mention stays.
fn point_pronoun(
    mentions: &mut Vec<Found>,
    t: &Token,
    p: usize,
    code: Option<String>,
    name: String,
    kind: ActorKind,
) -> bool {
    match mentions.iter_mut().find(|m| m.tok[0] == p) {
        Some(m) if m.pronoun => {
            m.code = code;
            m.name = name;
            m.kind = kind;
            false
        }
        Some(_) => false,
        None => {
            mentions.push(Found {
                tok: [p, p + 1],
                span: [t.start, t.end],
                code,
                name,
                kind,
                agent: None,
                pronoun: true,
                inferred: false,
                pair: false,
            });
            true
        }
    }
}
