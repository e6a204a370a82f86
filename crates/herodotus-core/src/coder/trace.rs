//! The explain trace: what [`Coder::explain`](super::Coder::explain) prints. The same
//! code path runs with the trace off for `code_article`; every method is then a
//! no-op that formats nothing.

use super::mentions::Found;
use crate::dict::Origin;
use crate::tokens::Token;
use std::fmt::Write as _;

/// A recorder of coding decisions, on (explain) or off (code).
pub(super) struct Trace<'a> {
    out: Option<&'a mut String>,
}

impl<'a> Trace<'a> {
    /// A trace that records nothing.
    pub(super) fn off() -> Trace<'static> {
        Trace { out: None }
    }

    /// A trace that writes into `out`.
    pub(super) fn on(out: &'a mut String) -> Trace<'a> {
        Trace { out: Some(out) }
    }

    /// One line, formatted only when the trace is on.
    fn line(&mut self, f: impl FnOnce(&mut String)) {
        if let Some(out) = self.out.as_deref_mut() {
            f(out);
        }
    }

    /// A sentence and its tokens.
    pub(super) fn sentence(&mut self, index: usize, text: &str, tokens: &[Token]) {
        self.line(|t| {
            let _ = writeln!(t, "sentence {index}: {text}");
            let _ = writeln!(
                t,
                "  tokens: {}",
                tokens
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        });
    }

    /// A discard phrase matched (story or sentence).
    pub(super) fn discarded(&mut self, story: bool, origin: &Origin) {
        self.line(|t| {
            let what = if story { "story" } else { "sentence" };
            let _ = writeln!(t, "  {what} discarded by {origin}");
        });
    }

    /// The actor mentions of a sentence.
    pub(super) fn actors(&mut self, text: &str, mentions: &[Found]) {
        self.line(|t| {
            for m in mentions {
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
        });
    }

    /// A verb form skipped because it reads as a noun.
    pub(super) fn verb_as_noun(&mut self, head: &str) {
        self.line(|t| {
            let _ = writeln!(t, "  verb {head:?} skipped: used as a noun");
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
        self.line(|t| {
            let _ = writeln!(
                t,
                "  verb {:?} ({}, default {}){}{}{}{}",
                tokens
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                lemma,
                default.unwrap_or("---"),
                if flags.passive { " passive" } else { "" },
                if flags.negated { " negated" } else { "" },
                if flags.infinitive { " infinitive" } else { "" },
                if flags.hypothetical {
                    " hypothetical"
                } else {
                    ""
                },
            );
        });
    }

    /// The pattern that matched (with its origin and text), or none.
    pub(super) fn pattern(&mut self, pattern: Option<&(String, Origin)>, code: Option<&str>) {
        self.line(|t| {
            let code = code.unwrap_or("---");
            let _ = match pattern {
                Some((txt, o)) => writeln!(t, "    pattern {o} `{txt}` -> {code}"),
                None => writeln!(t, "    no pattern matched; default {code}"),
            };
        });
    }

    /// The sources and targets chosen, and why the event is dropped, if it is.
    pub(super) fn roles(
        &mut self,
        text: &str,
        mentions: &[Found],
        sources: &[usize],
        targets: &[usize],
        dropped: Option<&str>,
    ) {
        self.line(|t| {
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
                names(sources),
                names(targets),
                dropped
                    .map(|r| format!(" -> dropped: {r}"))
                    .unwrap_or_default()
            );
        });
    }
}
