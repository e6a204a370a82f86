//! Verb candidates: the longest verb form at each token outside an actor mention,
//! unless the form reads as a noun ("the attack", "Russia's attack", "a US attack",
//! "two visits").

use super::mentions::Found;
use super::trace::Trace;
use super::Coder;
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
    pub(super) fn verb_candidates(
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
                    if !self.looks_like_noun(tokens, ids, &h) {
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
}
