//! Decisions: what the coder decided and why, as data. [`Coder::explain`] and
//! [`Coder::code_article`] run the same code path; only the recorder differs (it
//! records nothing when not explaining, and formats nothing either).
//!
//! [`Coder::explain`]: super::Coder::explain
//! [`Coder::code_article`]: super::Coder::code_article

use super::caps::LimitHit;
use super::mentions::Found;
use crate::dict::{ActorKind, Origin};
use crate::tokens::Token;
use serde::Serialize;
use std::fmt;

/// Why a verb's candidate event was not coded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// The verb or pattern has no code (`---`).
    NullCode,
    /// "not", "never", "failed to" before the verb, and the pattern does not say so.
    Negated,
    /// "if", "unless", "could", "might" ... earlier in the clause.
    Hypothetical,
    /// "by attacking": a gerund after a preposition with no pattern of its own.
    GerundAfterPreposition,
    /// "agreed to meet": the infinitive belongs to the coded verb before it.
    InfinitiveAfterCodedVerb,
    /// "said ... attacked": the speech verb only introduces the event that follows.
    SpeechVerbIntroducingEvent,
    /// A list of more actors than the compound cap on one side.
    CompoundOverCap,
    /// "in order to V", "efforts to V": a purpose or attempt, not an act.
    PurposeOrAttempt,
    /// "A wants B to V": the appeal is coded on V, not on "wants".
    AppealCodedOnVerb,
    /// "A helped shoot down the drones": the act is the next verb's, "help" only
    /// joins A to it.
    ActOfNextVerb,
    /// "A vowed to attack B": a commissive verb whose infinitive is an act of force
    /// announces a threat, coded on the infinitive (13x), not as the vow's intent.
    ThreatCodedOnVerb,
    /// A relative or dated past clause: background, not news.
    BackgroundClause,
    /// A gerund clause as the subject ("signing a deal has proved elusive"): it
    /// names an act, it does not report one.
    GerundAsSubject,
    /// A participle before its noun ("looted artefacts", "detained activists"):
    /// an adjective, not an act.
    PrenominalParticiple,
    /// "A told B that ...": a plain statement to an addressee, held back; it is
    /// coded only if what it introduces codes nothing (see
    /// [`Decision::HeldStatementCoded`]).
    StatementHeld,
}

impl fmt::Display for DropReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DropReason::NullCode => "null code",
            DropReason::Negated => "negated",
            DropReason::Hypothetical => "hypothetical",
            DropReason::GerundAfterPreposition => "gerund after a preposition",
            DropReason::InfinitiveAfterCodedVerb => "infinitive after a coded verb",
            DropReason::SpeechVerbIntroducingEvent => "speech verb introducing another event",
            DropReason::CompoundOverCap => "compound of more actors than the cap",
            DropReason::PurposeOrAttempt => "purpose or attempt (in order to, efforts to)",
            DropReason::AppealCodedOnVerb => "want X to V: coded on V as an appeal",
            DropReason::ActOfNextVerb => "helped V: the act is V's",
            DropReason::ThreatCodedOnVerb => "vowed to V: coded on V as a threat",
            DropReason::BackgroundClause => "background clause (relative or past, dated)",
            DropReason::GerundAsSubject => "gerund clause as subject",
            DropReason::PrenominalParticiple => "participle before its noun (an adjective)",
            DropReason::StatementHeld => {
                "statement to an addressee, held until what it introduces is coded"
            }
        })
    }
}

/// An actor as a role filler: its words and code.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RoleActor {
    /// The words in the text.
    pub text: String,
    /// Its code, if resolved.
    pub code: Option<String>,
}

/// One decision of the coder, in the order it was taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// A sentence (or a window of a long one) and its tokens.
    Sentence {
        /// Index of the sentence in the article.
        index: usize,
        /// Byte span of the sentence or window.
        span: [usize; 2],
        /// Its text.
        text: String,
        /// Normalised token forms.
        tokens: Vec<String>,
    },
    /// A discard phrase matched: the story (no events at all) or the sentence.
    Discarded {
        /// True for a story discard.
        story: bool,
        /// The dictionary entry, `file:line`.
        origin: String,
    },
    /// An actor mention.
    Actor {
        /// Its words.
        text: String,
        /// Byte span.
        span: [usize; 2],
        /// Its code, if resolved.
        code: Option<String>,
        /// Kind of actor.
        kind: ActorKind,
        /// Token range in the sentence (window).
        tokens: [usize; 2],
    },
    /// A verb form skipped because it reads as a noun ("the attack").
    VerbAsNoun {
        /// The head word.
        word: String,
    },
    /// A verb form skipped because it is the particle of the verb before it ("sent
    /// back the ambassador", "drove the rebels back").
    VerbParticle {
        /// The word.
        word: String,
    },
    /// A verb form skipped because it ends a hyphenated modifier ("Iranian-backed
    /// militias", "the Saudi-led coalition", "a US-brokered truce").
    VerbInCompound {
        /// The word.
        word: String,
    },
    /// A verb candidate and its clause flags.
    Verb {
        /// The words of the form.
        words: String,
        /// The verb's lemma.
        lemma: String,
        /// The verb's own code.
        default_code: Option<String>,
        /// Passive voice.
        passive: bool,
        /// Negated.
        negated: bool,
        /// An infinitive.
        infinitive: bool,
        /// In a hypothetical clause.
        hypothetical: bool,
    },
    /// The pattern chosen for the verb (none: the verb's own code).
    Pattern {
        /// `file:line` of the pattern.
        origin: Option<String>,
        /// The pattern text.
        pattern: Option<String>,
        /// The resulting code.
        code: Option<String>,
    },
    /// Sources and targets of the verb, and why it is dropped, if it is.
    Roles {
        /// The source actors.
        sources: Vec<RoleActor>,
        /// The target actors.
        targets: Vec<RoleActor>,
        /// Why no event is coded.
        dropped: Option<DropReason>,
    },
    /// A cap bit.
    Limit(LimitHit),
    /// The tagger's and parser's view of a sentence (window) that was parsed.
    Tags {
        /// One row per token: word, UPOS, head (1-based, 0 = root), label.
        rows: Vec<(String, String, u32, String)>,
    },
    /// Held statements to an addressee (see [`DropReason::StatementHeld`]) coded
    /// at the end of the sentence, because nothing after them was.
    HeldStatementCoded {
        /// Source and target of each event coded.
        pairs: Vec<(RoleActor, RoleActor)>,
    },
    /// A verb form dropped because the tagger calls its verb word something else.
    VerbTagged {
        /// The word.
        word: String,
        /// Its UPOS tag.
        upos: String,
    },
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Sentence {
                index,
                text,
                tokens,
                ..
            } => {
                writeln!(f, "sentence {index}: {text}")?;
                write!(f, "  tokens: {}", tokens.join(" | "))
            }
            Decision::Discarded { story, origin } => {
                let what = if *story { "story" } else { "sentence" };
                write!(f, "  {what} discarded by {origin}")
            }
            Decision::Actor {
                text,
                code,
                kind,
                tokens,
                ..
            } => write!(
                f,
                "  actor: {text:?} -> {} ({kind:?}, tokens {}..{})",
                code.as_deref().unwrap_or("?"),
                tokens[0],
                tokens[1]
            ),
            Decision::VerbAsNoun { word } => write!(f, "  verb {word:?} skipped: used as a noun"),
            Decision::VerbParticle { word } => {
                write!(f, "  verb {word:?} skipped: particle of the verb before it")
            }
            Decision::VerbInCompound { word } => {
                write!(f, "  verb {word:?} skipped: part of a hyphenated modifier")
            }
            Decision::Verb {
                words,
                lemma,
                default_code,
                passive,
                negated,
                infinitive,
                hypothetical,
            } => write!(
                f,
                "  verb {words:?} ({lemma}, default {}){}{}{}{}",
                default_code.as_deref().unwrap_or("---"),
                if *passive { " passive" } else { "" },
                if *negated { " negated" } else { "" },
                if *infinitive { " infinitive" } else { "" },
                if *hypothetical { " hypothetical" } else { "" },
            ),
            Decision::Pattern {
                origin,
                pattern,
                code,
            } => {
                let code = code.as_deref().unwrap_or("---");
                match (origin, pattern) {
                    (Some(o), Some(p)) => write!(f, "    pattern {o} `{p}` -> {code}"),
                    _ => write!(f, "    no pattern matched; default {code}"),
                }
            }
            Decision::Roles {
                sources,
                targets,
                dropped,
            } => {
                let names = |v: &[RoleActor]| {
                    v.iter()
                        .map(|a| format!("{:?}={}", a.text, a.code.as_deref().unwrap_or("?")))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                write!(
                    f,
                    "    source [{}] target [{}]",
                    names(sources),
                    names(targets)
                )?;
                if let Some(r) = dropped {
                    write!(f, " -> dropped: {r}")?;
                }
                Ok(())
            }
            Decision::Limit(h) => write!(f, "  limit: {h}"),
            Decision::Tags { rows } => {
                write!(f, "  parse (ID FORM UPOS HEAD DEPREL):")?;
                for (i, (w, u, h, d)) in rows.iter().enumerate() {
                    write!(f, "\n    {}\t{w}\t{u}\t{h}\t{d}", i + 1)?;
                }
                Ok(())
            }
            Decision::HeldStatementCoded { pairs } => {
                write!(f, "  held statement coded (nothing after it was):")?;
                for (s, t) in pairs {
                    write!(
                        f,
                        " {:?}={} -> {:?}={};",
                        s.text,
                        s.code.as_deref().unwrap_or("?"),
                        t.text,
                        t.code.as_deref().unwrap_or("?")
                    )?;
                }
                Ok(())
            }
            Decision::VerbTagged { word, upos } => {
                write!(f, "  verb {word:?} skipped: tagged {upos}")
            }
        }
    }
}

/// The decisions as text, one per line (what `herodotus explain` prints).
pub fn render(decisions: &[Decision]) -> String {
    let mut s = String::new();
    for d in decisions {
        s.push_str(&d.to_string());
        s.push('\n');
    }
    s
}

/// A recorder of decisions, on (explain) or off (code).
pub(super) struct Trace<'a> {
    out: Option<&'a mut Vec<Decision>>,
}

impl<'a> Trace<'a> {
    /// A recorder that records nothing.
    pub(super) fn off() -> Trace<'static> {
        Trace { out: None }
    }

    /// A recorder that appends to `out`.
    pub(super) fn on(out: &'a mut Vec<Decision>) -> Trace<'a> {
        Trace { out: Some(out) }
    }

    /// Whether decisions are being recorded (explain).
    pub(super) fn is_on(&self) -> bool {
        self.out.is_some()
    }

    /// Records a decision, built only when recording.
    fn push(&mut self, f: impl FnOnce() -> Decision) {
        if let Some(out) = self.out.as_deref_mut() {
            out.push(f());
        }
    }

    /// A sentence (or window) and its tokens.
    pub(super) fn sentence(
        &mut self,
        index: usize,
        span: [usize; 2],
        text: &str,
        tokens: &[Token],
    ) {
        self.push(|| Decision::Sentence {
            index,
            span,
            text: text.to_string(),
            tokens: tokens.iter().map(|t| t.norm.clone()).collect(),
        });
    }

    /// A discard phrase matched (story or sentence).
    pub(super) fn discarded(&mut self, story: bool, origin: &Origin) {
        self.push(|| Decision::Discarded {
            story,
            origin: origin.to_string(),
        });
    }

    /// The actor mentions of a sentence.
    pub(super) fn actors(&mut self, text: &str, mentions: &[Found]) {
        for m in mentions {
            self.push(|| Decision::Actor {
                text: text[m.span[0]..m.span[1]].to_string(),
                span: m.span,
                code: m.code.clone(),
                kind: m.kind,
                tokens: m.tok,
            });
        }
    }

    /// A verb form skipped because it reads as a noun.
    pub(super) fn verb_as_noun(&mut self, head: &str) {
        self.push(|| Decision::VerbAsNoun {
            word: head.to_string(),
        });
    }

    /// A verb form skipped as the particle of the verb before it.
    pub(super) fn verb_particle(&mut self, word: &str) {
        self.push(|| Decision::VerbParticle {
            word: word.to_string(),
        });
    }

    /// A verb form skipped as the end of a hyphenated modifier.
    pub(super) fn verb_in_compound(&mut self, word: &str) {
        self.push(|| Decision::VerbInCompound {
            word: word.to_string(),
        });
    }

    /// A verb candidate with its clause flags.
    pub(super) fn verb(
        &mut self,
        tokens: &[Token],
        lemma: &str,
        default: Option<&str>,
        flags: &super::clause::Clause,
    ) {
        self.push(|| Decision::Verb {
            words: tokens
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            lemma: lemma.to_string(),
            default_code: default.map(str::to_string),
            passive: flags.passive,
            negated: flags.negated,
            infinitive: flags.infinitive,
            hypothetical: flags.hypothetical,
        });
    }

    /// The pattern that matched (with its origin and text), or none.
    pub(super) fn pattern(&mut self, pattern: Option<&(String, Origin)>, code: Option<&str>) {
        self.push(|| Decision::Pattern {
            origin: pattern.map(|(_, o)| o.to_string()),
            pattern: pattern.map(|(p, _)| p.clone()),
            code: code.map(str::to_string),
        });
    }

    /// The sources and targets chosen, and why the event is dropped, if it is.
    pub(super) fn roles(
        &mut self,
        text: &str,
        mentions: &[Found],
        sources: &[usize],
        targets: &[usize],
        dropped: Option<DropReason>,
    ) {
        let actors = |v: &[usize]| {
            v.iter()
                .map(|&m| RoleActor {
                    text: text[mentions[m].span[0]..mentions[m].span[1]].to_string(),
                    code: mentions[m].code.clone(),
                })
                .collect()
        };
        self.push(|| Decision::Roles {
            sources: actors(sources),
            targets: actors(targets),
            dropped,
        });
    }

    /// Held statements coded at the end of the sentence.
    pub(super) fn held_statement_coded(
        &mut self,
        text: &str,
        mentions: &[Found],
        events: &[super::emit::RawEvent],
    ) {
        let actor = |m: usize| RoleActor {
            text: text[mentions[m].span[0]..mentions[m].span[1]].to_string(),
            code: mentions[m].code.clone(),
        };
        self.push(|| Decision::HeldStatementCoded {
            pairs: events
                .iter()
                .filter_map(|e| Some((actor(e.source), actor(e.target?))))
                .collect(),
        });
    }

    /// The analysis of a parsed window.
    pub(super) fn tags(&mut self, words: &[&str], a: &crate::syntax::Analysis) {
        self.push(|| Decision::Tags {
            rows: words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    (
                        w.to_string(),
                        a.upos[i].as_str().to_string(),
                        a.head[i],
                        a.deprel[i].as_str().to_string(),
                    )
                })
                .collect(),
        });
    }

    /// A verb form dropped by the tagger.
    pub(super) fn verb_tagged(&mut self, word: &str, upos: &str) {
        self.push(|| Decision::VerbTagged {
            word: word.to_string(),
            upos: upos.to_string(),
        });
    }

    /// A cap bit.
    pub(super) fn limit(&mut self, hit: &LimitHit) {
        self.push(|| Decision::Limit(hit.clone()));
    }
}
