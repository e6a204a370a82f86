//! Word-level phrase matching: a vocabulary of word ids and a trie of phrases over it.
//!
//! Dictionary phrases and text tokens meet as word ids (normalised, lower case,
//! diacritics folded), so matching a sentence is a walk over small integer keys. Case
//! rules are checked only when a phrase word asks for it.

use crate::dict::Phrase;
use crate::tokens::{fold_diacritics, Token, TokenKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The id of a word that is not in the vocabulary.
pub const NO_WORD: u32 = u32::MAX;

/// A fast hasher (the multiply-rotate of rustc's FxHash) for the coder's lookup
/// tables: their keys come from the dictionaries, and text words are only looked
/// up, never inserted, so the DoS resistance of the default SipHash buys nothing
/// here while its cost shows on every token. No table hashed with it is iterated,
/// so the order of its entries never reaches the output.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(n as u64);
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A `HashMap` hashed with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Word -> id.
#[derive(Default, Debug)]
pub struct Vocab {
    ids: FastMap<String, u32>,
}

impl Vocab {
    /// The id of a normalised word, adding it if new.
    pub fn intern(&mut self, w: &str) -> u32 {
        let key = fold_diacritics(w);
        let n = self.ids.len() as u32;
        *self.ids.entry(key).or_insert(n)
    }

    /// The id of a normalised word, or [`NO_WORD`].
    pub fn get(&self, w: &str) -> u32 {
        if w.is_ascii() {
            self.ids.get(w).copied().unwrap_or(NO_WORD)
        } else {
            self.ids
                .get(&fold_diacritics(w))
                .copied()
                .unwrap_or(NO_WORD)
        }
    }
}

/// How a phrase word constrains the case of the text word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum CaseRule {
    Any,
    /// First letter upper case (or the word in all caps).
    Capitalized,
    /// All capitals (acronyms: "US", "UN").
    AllCaps,
}

#[derive(Debug)]
struct Node<T> {
    next: FastMap<(u32, CaseRule), u32>,
    /// Stems (`ARGENTIN*`): (folded prefix, case rule, node).
    /// Keyed by the stem, so a token is checked with one lookup per prefix length
    /// instead of one comparison per stem.
    prefixes: FastMap<String, Vec<(CaseRule, u32)>>,
    ends: Vec<T>,
}

impl<T> Default for Node<T> {
    fn default() -> Self {
        Node {
            next: FastMap::default(),
            prefixes: FastMap::default(),
            ends: Vec::new(),
        }
    }
}

/// A trie of phrases mapping to values of type `T`.
#[derive(Debug)]
pub struct PhraseTrie<T> {
    nodes: Vec<Node<T>>,
}

impl<T> Default for PhraseTrie<T> {
    fn default() -> Self {
        PhraseTrie {
            nodes: vec![Node::default()],
        }
    }
}

fn rule_of(surface: Option<&str>) -> CaseRule {
    let Some(s) = surface else {
        return CaseRule::Any;
    };
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        CaseRule::AllCaps
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        CaseRule::Capitalized
    } else {
        CaseRule::Any
    }
}

fn case_ok(rule: CaseRule, t: &Token) -> bool {
    match rule {
        CaseRule::Any => true,
        CaseRule::Capitalized => t.capitalized,
        CaseRule::AllCaps => {
            t.all_caps
                || (t.capitalized && t.norm.chars().filter(|c| c.is_alphabetic()).count() <= 1)
        }
    }
}

impl<T: Copy> PhraseTrie<T> {
    /// Adds a phrase. With `case_insensitive`, case rules are ignored.
    pub fn insert(&mut self, vocab: &mut Vocab, phrase: &Phrase, value: T, case_insensitive: bool) {
        if phrase.words.is_empty() {
            return;
        }
        let mut node = 0usize;
        for w in &phrase.words {
            let rule = if case_insensitive {
                CaseRule::Any
            } else {
                rule_of(w.surface.as_deref())
            };
            if let Some(stem) = w.norm.strip_suffix('*') {
                let stem = fold_diacritics(stem);
                let existing = self.nodes[node]
                    .prefixes
                    .get(&stem)
                    .and_then(|v| v.iter().find(|(r, _)| *r == rule))
                    .map(|x| x.1);
                node = match existing {
                    Some(n) => n as usize,
                    None => {
                        let n = self.nodes.len();
                        self.nodes.push(Node::default());
                        self.nodes[node]
                            .prefixes
                            .entry(stem)
                            .or_default()
                            .push((rule, n as u32));
                        n
                    }
                };
                continue;
            }
            let id = vocab.intern(&w.norm);
            let n = self.nodes.len() as u32;
            let next = *self.nodes[node].next.entry((id, rule)).or_insert(n);
            if next == n {
                self.nodes.push(Node::default());
            }
            node = next as usize;
        }
        self.nodes[node].ends.push(value);
    }

    /// All phrases that match starting at token `i`: (end token, value).
    pub fn matches_at<'a>(
        &'a self,
        tokens: &[Token],
        ids: &[u32],
        i: usize,
        _vocab: &Vocab,
        case_insensitive: bool,
    ) -> Vec<(usize, &'a T)> {
        let mut out = Vec::new();
        // The root alone at first (read from a constant: most calls end at the
        // first word, with nothing allocated).
        let mut frontier: Vec<u32> = Vec::new();
        let mut at_root = true;
        let mut j = i;
        // Skip hyphens inside names ("al-Qaeda" == "al Qaeda").
        while j < tokens.len() && (at_root || !frontier.is_empty()) {
            let t = &tokens[j];
            if t.kind == TokenKind::Punct
                && (t.norm == "-" || t.norm == "_")
                && j > i
                && !t.space_before
            {
                j += 1;
                continue;
            }
            let mut next_frontier = Vec::new();
            let nodes: &[u32] = if at_root { &[0] } else { &frontier };
            for &n in nodes {
                let node = &self.nodes[n as usize];
                if ids[j] != NO_WORD {
                    for rule in [CaseRule::Any, CaseRule::Capitalized, CaseRule::AllCaps] {
                        if let Some(&m) = node.next.get(&(ids[j], rule)) {
                            if case_insensitive || case_ok(rule, t) {
                                next_frontier.push(m);
                            }
                        }
                    }
                }
                if !node.prefixes.is_empty() && t.kind == TokenKind::Word {
                    let folded = fold_diacritics(&t.norm);
                    for (k, _) in folded
                        .char_indices()
                        .skip(1)
                        .chain(std::iter::once((folded.len(), ' ')))
                    {
                        if let Some(list) = node.prefixes.get(&folded[..k]) {
                            for (rule, m) in list {
                                if case_insensitive || case_ok(*rule, t) {
                                    next_frontier.push(*m);
                                }
                            }
                        }
                    }
                }
            }
            j += 1;
            for &m in &next_frontier {
                for v in &self.nodes[m as usize].ends {
                    out.push((j, v));
                }
            }
            frontier = next_frontier;
            at_root = false;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn trie(phrases: &[(&str, u32)]) -> (PhraseTrie<u32>, Vocab) {
        let mut v = Vocab::default();
        let mut t = PhraseTrie::default();
        for (p, val) in phrases {
            t.insert(&mut v, &Phrase::parse(p, true), *val, false);
        }
        (t, v)
    }

    fn find(t: &PhraseTrie<u32>, v: &Vocab, s: &str) -> Vec<(usize, usize, u32)> {
        let toks = tokenize(s, [0, s.len()]);
        let ids: Vec<u32> = toks.iter().map(|t| v.get(&t.norm)).collect();
        let mut out = Vec::new();
        for i in 0..toks.len() {
            for (e, val) in t.matches_at(&toks, &ids, i, v, false) {
                out.push((i, e, *val));
            }
        }
        out
    }

    #[test]
    fn table() {
        let (t, v) = trie(&[
            ("US", 1),
            ("United States", 2),
            ("al-Qaeda", 3),
            ("Turkey", 4),
            ("president", 5),
            ("Erdoğan", 6),
        ]);
        type Case<'a> = (&'a str, &'a [(usize, usize, u32)]);
        let cases: &[Case] = &[
            ("the US said", &[(1, 2, 1)]),
            ("let us go", &[]),
            ("THE US SAID", &[(1, 2, 1)]),
            ("the United States", &[(1, 3, 2)]),
            ("al Qaeda and al-Qaeda", &[(0, 2, 3), (3, 6, 3)]),
            ("roast turkey", &[]),
            ("Turkey's army", &[(0, 1, 4)]),
            ("the President", &[(1, 2, 5)]),
            ("Erdogan spoke", &[(0, 1, 6)]),
        ];
        for (s, want) in cases {
            assert_eq!(find(&t, &v, s), *want, "{s}");
        }
    }

    #[test]
    fn stems() {
        let mut v = Vocab::default();
        let mut t = PhraseTrie::default();
        let mut p = Phrase::parse("argentin", false);
        p.words[0].norm.push('*');
        t.insert(&mut v, &p, 1u32, true);
        assert_eq!(
            find(&t, &v, "Argentina and Argentine troops"),
            vec![(0, 1, 1), (2, 3, 1)]
        );
    }
}
