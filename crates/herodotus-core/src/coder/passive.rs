//! Passives with no agent of their own (issue 10 item 2, class "passives and
//! agentless acts of the state").
//!
//! A passive with a "by X" agent is read by [`super::clause`] and [`super::arcs`]
//! (X the source, the subject the target). Two frequent news constructions name the
//! doer elsewhere, and a careful editor still reports who acted:
//!
//! - **Released by the holder**: "two journalists who had been held by rebels were
//!   released", "an Australian kidnapped by the Taliban in 2016 was freed": the one
//!   who held them is the one who releases them (0841 holder -> the released).
//! - **Acts only a state performs**: arrests and detentions (its police), charges,
//!   indictments, convictions and sentences (its judiciary), deportations,
//!   expulsions and extraditions (its government). "Three Americans were arrested in
//!   Iran" is IRNCOP 173 USA; "fifty Indians were deported from the United States"
//!   USAGOV 174 IND. The state is the country of the place the act happened ("in X",
//!   for a deportation "from X"), else (arrests and legal acts only) the country the
//!   article is about ([`super::mentions::Context::article_country`]); the source
//!   is marked `actor_inferred`. Other agentless passives ("the drone was shot
//!   down", "the talks were held in Geneva", "he was released from hospital") keep
//!   no source (CODING-GUIDE).

use super::mentions::Found;
use super::verbs::VerbHit;
use crate::codes::ActorCode;
use crate::dict::ActorKind;
use crate::tokens::{is_calendar_word, Token};

/// Verbs of releasing a person held ("were released", "were freed").
const RELEASE: &[&str] = &["release", "free"];

/// Participles of holding a person ("held by", "kidnapped by"), whose agent
/// releases.
const HOLDING: &[&str] = &[
    "held",
    "kidnapped",
    "kidnaped",
    "abducted",
    "detained",
    "captured",
    "seized",
    "taken",
    "imprisoned",
    "jailed",
    "snatched",
];

/// Words that may stand between a holding participle and "by" ("held hostage by",
/// "held captive by", "taken prisoner by").
pub(super) const HOLDING_COMPLEMENT: &[&str] =
    &["hostage", "hostages", "captive", "prisoner", "prisoners"];

/// A four-digit year ("in 1998").
fn is_year(t: &str) -> bool {
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
}

/// The state body that performs an act of verb `lemma` when the passive names none,
/// and whether the article's country may stand in for a place the sentence does not
/// name (a deportation is told as often from the receiving country as from the
/// deporting one, so it needs "from X").
fn state_role(lemma: &str) -> Option<(&'static str, bool)> {
    Some(match lemma {
        "arrest" | "detain" => ("COP", true),
        "charge" | "indict" | "convict" | "sentence" | "prosecute" | "jail" | "imprison" => {
            ("JUD", true)
        }
        "deport" | "expel" | "extradite" => ("GOV", false),
        _ => return None,
    })
}

/// The country of a mention that names a place: a country or its capital
/// ("Iran", "Tehran"), the first three letters of its code.
fn place_country(m: &Found) -> Option<&str> {
    let code = ActorCode::new(m.code.as_deref()?);
    let country = code.country();
    (m.kind == ActorKind::Country
        && !m.inferred
        && !m.pronoun
        && code.has_country()
        && country.bytes().all(|b| b.is_ascii_uppercase()))
    .then_some(country)
}

/// How far before the releasing verb the holding participle may be ("held by the
/// Taliban in Afghanistan since 2016 were released").
const HOLDING_WINDOW: usize = 16;

/// "A who had been held by X ... was released": the holder X (a coded mention right
/// after "by" after a holding participle before the verb) and the one held, the
/// actor (or the first of the actors joined by "and" or dashes) right before that
/// participle. `None` unless verb `lemma` releases.
pub(super) fn holder(
    tokens: &[Token],
    owner: &[usize],
    mentions: &[Found],
    h: &VerbHit,
    lemma: &str,
) -> Option<(usize, Option<usize>)> {
    if !RELEASE.contains(&lemma) {
        return None;
    }
    let norm = |k: usize| tokens[k].norm.as_str();
    let p = (h.start.saturating_sub(HOLDING_WINDOW)..h.start)
        .rev()
        .find(|&k| HOLDING.contains(&norm(k)) && owner[k] == usize::MAX)?;
    let mut by = p + 1;
    if by < h.start && HOLDING_COMPLEMENT.contains(&norm(by)) {
        by += 1;
    }
    if by >= h.start || norm(by) != "by" {
        return None;
    }
    // "by the Taliban", "by Syrian rebels": the agent starts within two words.
    let agent = (by + 1..h.start.min(by + 4))
        .find(|&k| owner[k] != usize::MAX)
        .map(|k| owner[k])
        .filter(|&m| mentions[m].code.is_some() && mentions[m].tok[1] <= h.start)?;
    // The held: the last coded actor ending at most four words before the
    // participle ("Americans who had been held"), back over "A and B" / "A, B".
    let mut held = mentions
        .iter()
        .rposition(|m| m.tok[1] <= p && m.code.is_some())
        .filter(|&i| mentions[i].tok[1] + 4 >= p);
    while let Some(i) = held.filter(|&i| i > 0) {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        let joined = a.code.is_some()
            && b.tok[0] >= a.tok[1]
            && b.tok[0] - a.tok[1] <= 3
            && (a.tok[1]..b.tok[0])
                .all(|k| matches!(norm(k), "and" | "," | "a" | "an" | "the" | "-" | "–" | "—"));
        if !joined {
            break;
        }
        held = Some(i - 1);
    }
    Some((agent, held))
}

/// The state actor that performed the agentless passive act of verb `lemma` (see
/// the module doc): the country of "in X" / "from X" right after the verb within
/// the clause (before `end`), else, where the act allows, `country`, the article's.
pub(super) fn state_actor(
    tokens: &[Token],
    owner: &[usize],
    mentions: &[Found],
    h: &VerbHit,
    end: usize,
    lemma: &str,
    country: Option<&str>,
) -> Option<String> {
    let (role, article_fallback) = state_role(lemma)?;
    let norm = |k: usize| tokens[k].norm.as_str();
    // "his fear of being extradited", "after being deported", "faces being
    // jailed": a passive gerund names the act, it does not report it (unless in
    // the progressive: "were being deported").
    if h.start >= 2
        && norm(h.start - 1) == "being"
        && !matches!(norm(h.start - 2), "is" | "are" | "was" | "were")
    {
        return None;
    }
    // "was arrested in April", "was convicted in 1998", "was jailed two years ago":
    // an earlier act told as background (CODING-GUIDE: events on or near the
    // article date); the one who acted then is not inferred.
    if (h.end..end).any(|k| {
        let t = norm(k);
        (k > 0 && norm(k - 1) == "in" && (is_calendar_word(t) || is_year(t)))
            || t == "ago"
            || (t == "year" && k > 0 && norm(k - 1) == "last")
    }) {
        return None;
    }
    // "by Tuesday", "by 10 percent", "by a court": a "by" phrase is an agent the
    // parse may have missed, or a measure; either way not ours to fill.
    let stop = end.min(h.end + 8);
    if (h.end..stop).any(|k| tokens[k].norm == "by") {
        return None;
    }
    let preps: &[&str] = if role == "GOV" { &["from"] } else { &["in"] };
    let place = (h.end..stop)
        .filter(|&k| preps.contains(&tokens[k].norm.as_str()))
        .find_map(|k| {
            // "in Iran", "in the United States", "from neighbouring Turkey".
            (k + 1..stop.min(k + 4))
                .find(|&j| owner[j] != usize::MAX)
                .map(|j| &mentions[owner[j]])
                .filter(|m| m.tok[0] <= k + 3)
                .and_then(place_country)
        });
    let cc = match place {
        Some(c) => c,
        None if article_fallback => country?,
        None => return None,
    };
    Some(format!("{cc}{role}"))
}
