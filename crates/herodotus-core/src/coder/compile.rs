//! Compilation: dictionaries -> word ids, tries, indexed verb forms and patterns.
//!
//! Patterns are sorted most specific first (stable, so file order breaks ties); the
//! elements before the verb are stored reversed with their adjacency flags shifted,
//! because they are matched right to left from the verb.

use super::{Coder, CoderOptions};
use crate::dict::{ActorKind, CodePair, Dictionaries, Elem, Origin};
use crate::matcher::{FastMap, PhraseTrie, Vocab};

/// A compiled pattern element.
#[derive(Clone, Debug)]
pub(super) enum CElem {
    Target,
    Source,
    Compound,
    Skip,
    /// Alternative word sequences, each word a set of acceptable word ids.
    Words(WordAlts),
}

/// Alternative word sequences of a pattern element ("in (Geneva|Vienna|...)"), each
/// word a set of acceptable word ids, tried in order. The ids that can start and
/// end an alternative are kept sorted, so a position where none can match (most
/// positions) is rejected by one binary search instead of a scan of every
/// alternative; where one can, the alternatives are tried in order as before.
#[derive(Clone, Debug)]
pub(super) struct WordAlts {
    alts: Vec<Vec<Vec<u32>>>,
    /// Sorted ids that can start an alternative; `None` when an alternative is empty
    /// (it matches anywhere, so nothing can be ruled out).
    first: Option<Vec<u32>>,
    /// Sorted ids that can end an alternative (as `first`).
    last: Option<Vec<u32>>,
}

impl WordAlts {
    pub(super) fn new(alts: Vec<Vec<Vec<u32>>>) -> WordAlts {
        let edge = |pick: fn(&Vec<Vec<u32>>) -> Option<&Vec<u32>>| {
            let mut ids = Vec::new();
            for a in &alts {
                ids.extend(pick(a)?.iter().copied());
            }
            ids.sort_unstable();
            ids.dedup();
            Some(ids)
        };
        let first = edge(|a| a.first());
        let last = edge(|a| a.last());
        WordAlts { alts, first, last }
    }

    /// The end of the first alternative that starts at token `j`.
    pub(super) fn match_at(&self, ids: &[u32], j: usize) -> Option<usize> {
        if let Some(first) = &self.first {
            first.binary_search(ids.get(j)?).ok()?;
        }
        self.alts.iter().find_map(|alt| {
            (j + alt.len() <= ids.len()
                && alt
                    .iter()
                    .enumerate()
                    .all(|(k, set)| set.contains(&ids[j + k])))
            .then_some(j + alt.len())
        })
    }

    /// The start of the first alternative that ends at token `j` (exclusive).
    pub(super) fn match_ending_at(&self, ids: &[u32], j: usize) -> Option<usize> {
        if let Some(last) = &self.last {
            last.binary_search(ids.get(j.checked_sub(1)?)?).ok()?;
        }
        self.alts.iter().find_map(|alt| {
            let n = alt.len();
            (j >= n
                && j <= ids.len()
                && alt
                    .iter()
                    .enumerate()
                    .all(|(k, set)| set.contains(&ids[j - n + k])))
            .then(|| j - n)
        })
    }
}

#[derive(Clone, Debug)]
pub(super) struct CPattern {
    pub(super) pre: Vec<(CElem, bool)>,
    pub(super) post: Vec<(CElem, bool)>,
    pub(super) code: CodePair,
    pub(super) specificity: u32,
    /// Index into `Coder::pattern_info`.
    pub(super) info: u32,
    pub(super) mentions_negation: bool,
}

#[derive(Clone, Debug)]
pub(super) struct CForm {
    pub(super) words: Vec<u32>,
    pub(super) head: usize,
    pub(super) participle: bool,
    pub(super) gerund: bool,
}

#[derive(Clone, Debug)]
pub(super) struct CVerb {
    pub(super) lemma: String,
    pub(super) code: CodePair,
    pub(super) forms: Vec<CForm>,
    pub(super) patterns: Vec<CPattern>,
    pub(super) origin: Origin,
    pub(super) speech: bool,
}

/// Where an actor phrase leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    Actor(u32),
    Agent(u32),
}

/// Ids of function words the engine looks at.
pub(super) struct Words {
    pub(super) and: u32,
    pub(super) the: u32,
    pub(super) a: u32,
    pub(super) an: u32,
    pub(super) comma: u32,
    pub(super) of: u32,
    pub(super) in_: u32,
    pub(super) from: u32,
    pub(super) by: u32,
    pub(super) to: u32,
    pub(super) that: u32,
    pub(super) with: u32,
    pub(super) possessive: u32,
    pub(super) negations: Vec<u32>,
    pub(super) be: Vec<u32>,
    pub(super) determiners: Vec<u32>,
    pub(super) prepositions: Vec<u32>,
    pub(super) boundaries: Vec<u32>,
    pub(super) hypothetical: Vec<u32>,
    pub(super) pron_person: Vec<u32>,
    pub(super) pron_thing: Vec<u32>,
    pub(super) pron_plural: Vec<u32>,
}

impl Coder {
    /// Compiles dictionaries into a coder.
    pub fn with_options(dicts: Dictionaries, mut options: CoderOptions) -> Coder {
        if let Some(g) = dicts.semantics.max_gap {
            options.max_gap = g;
        }
        let mut vocab = Vocab::default();
        let ci = dicts.semantics.case_insensitive_actors;
        let mut actors = PhraseTrie::default();
        for (i, a) in dicts.actors.iter().enumerate() {
            for p in &a.phrases {
                actors.insert(&mut vocab, p, Target::Actor(i as u32), ci);
            }
        }
        for (i, a) in dicts.agents.iter().enumerate() {
            for p in &a.phrases {
                actors.insert(&mut vocab, p, Target::Agent(i as u32), true);
            }
        }
        let mut discards = PhraseTrie::default();
        for (i, d) in dicts.discards.iter().enumerate() {
            let mut p = d.phrase.clone();
            if !d.whole_word {
                if let Some(last) = p.words.last_mut() {
                    if !last.norm.ends_with('*') {
                        last.norm.push('*');
                    }
                }
            }
            discards.insert(&mut vocab, &p, i as u32, true);
        }
        let mut pattern_info = Vec::new();
        let mut verbs = Vec::with_capacity(dicts.verbs.len());
        let mut verb_index: FastMap<u32, Vec<(u32, u32)>> = FastMap::default();
        for (vi, v) in dicts.verbs.iter().enumerate() {
            let forms: Vec<CForm> = v
                .forms
                .iter()
                .map(|f| CForm {
                    words: f.words.iter().map(|w| vocab.intern(w)).collect(),
                    head: f.head,
                    participle: f.participle,
                    gerund: f.gerund,
                })
                .collect();
            for (fi, f) in forms.iter().enumerate() {
                verb_index
                    .entry(f.words[0])
                    .or_default()
                    .push((vi as u32, fi as u32));
            }
            let mut patterns = Vec::with_capacity(v.patterns.len());
            for p in &v.patterns {
                let info = pattern_info.len() as u32;
                pattern_info.push((p.text.clone(), p.origin.clone()));
                let mut pre = Vec::new();
                let mut post = Vec::new();
                let mut seen_verb = false;
                let mut spec = 0u32;
                let mut neg = false;
                for e in &p.elems {
                    let ce = match &e.elem {
                        Elem::Verb => {
                            // The verb's own adjacency is read below, when the
                            // elements before it are turned around.
                            seen_verb = true;
                            continue;
                        }
                        Elem::Target => CElem::Target,
                        Elem::Source => CElem::Source,
                        Elem::Compound => CElem::Compound,
                        Elem::Skip => CElem::Skip,
                        Elem::Words(alts) => {
                            spec += alts.iter().map(|a| a.len() as u32).min().unwrap_or(1) * 2;
                            neg |= alts
                                .iter()
                                .flatten()
                                .any(|w| matches!(w.as_str(), "not" | "n't" | "never" | "no"));
                            CElem::Words(WordAlts::new(
                                alts.iter()
                                    .map(|a| a.iter().map(|w| word_ids(&mut vocab, w)).collect())
                                    .collect(),
                            ))
                        }
                        Elem::Synset(name) => {
                            spec += 2;
                            let members = dicts.synsets.get(name).cloned().unwrap_or_default();
                            neg |= members
                                .iter()
                                .flatten()
                                .any(|w| matches!(w.as_str(), "not" | "n't" | "never" | "no"));
                            CElem::Words(WordAlts::new(
                                members
                                    .iter()
                                    .map(|a| a.iter().map(|w| word_ids(&mut vocab, w)).collect())
                                    .collect(),
                            ))
                        }
                    };
                    if matches!(ce, CElem::Target | CElem::Source) {
                        spec += 1;
                    }
                    if seen_verb {
                        post.push((ce, e.adjacent));
                    } else {
                        pre.push((ce, e.adjacent));
                    }
                }
                // `pre` adjacency flags say "adjacent to the previous element"; for
                // right-to-left matching we need "adjacent to the next one": shift them.
                let n = pre.len();
                let adj_to_next: Vec<bool> = (0..n)
                    .map(|i| {
                        if i + 1 < n {
                            pre[i + 1].1
                        } else {
                            // adjacent to the verb?
                            p.elems
                                .iter()
                                .find(|e| e.elem == Elem::Verb)
                                .is_some_and(|e| e.adjacent)
                        }
                    })
                    .collect();
                for (i, a) in adj_to_next.into_iter().enumerate() {
                    pre[i].1 = a;
                }
                pre.reverse();
                patterns.push(CPattern {
                    pre,
                    post,
                    code: p.code.clone(),
                    specificity: spec,
                    info,
                    mentions_negation: neg,
                });
            }
            // Most specific first; stable so file order breaks ties.
            patterns.sort_by_key(|p| std::cmp::Reverse(p.specificity));
            verbs.push(CVerb {
                lemma: v.lemma.clone(),
                code: v.code.clone(),
                forms,
                patterns,
                origin: v.origin.clone(),
                // The one speech-verb list (crate::speech), by lemma.
                speech: crate::speech::is_speech(&v.lemma, crate::speech::REPORTS),
            });
        }
        let mut id = |w: &str| vocab.intern(w);
        let ids = |v: &mut dyn FnMut(&str) -> u32, ws: &[&str]| {
            ws.iter().map(|w| v(w)).collect::<Vec<u32>>()
        };
        let w = Words {
            and: id("and"),
            the: id("the"),
            a: id("a"),
            an: id("an"),
            comma: id(","),
            of: id("of"),
            in_: id("in"),
            from: id("from"),
            by: id("by"),
            to: id("to"),
            that: id("that"),
            with: id("with"),
            possessive: id("'s"),
            negations: ids(&mut id, &["not", "n't", "never", "no"]),
            be: ids(
                &mut id,
                &[
                    "was", "were", "is", "are", "been", "being", "be", "am", "got", "get", "gets",
                ],
            ),
            determiners: ids(
                &mut id,
                &[
                    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this",
                    "these", "those", "whose", "'s", "'", "any", "every", "each", "another",
                    "such", "no", "new", "further", "first", "recent", "latest", "last", "fresh",
                    "deadly", "major", "possible",
                ],
            ),
            prepositions: ids(
                &mut id,
                &[
                    "in", "at", "near", "from", "to", "with", "by", "of", "on", "for", "against",
                    "over", "into", "inside", "across", "toward", "towards", "outside", "between",
                    "among", "about", "through", "after", "before", "during", "under", "via",
                ],
            ),
            boundaries: ids(
                &mut id,
                &[
                    ";",
                    "but",
                    "while",
                    "whereas",
                    "which",
                    "who",
                    "whom",
                    "although",
                    "though",
                    "because",
                    "when",
                    "where",
                    "if",
                    "unless",
                    "after",
                    "before",
                    "since",
                    "until",
                    "as",
                    "meanwhile",
                    "however",
                    "\"",
                ],
            ),
            hypothetical: ids(
                &mut id,
                &["if", "unless", "whether", "could", "might", "may", "should"],
            ),
            pron_person: ids(&mut id, &["he", "she", "him"]),
            pron_thing: ids(&mut id, &["it"]),
            pron_plural: ids(&mut id, &["they", "them"]),
        };
        // A model that does not load leaves the lexical heuristics alone in charge
        // (the CLI reports the model error at start-up).
        let parser = if options.use_parser {
            crate::syntax::Model::try_builtin().ok()
        } else {
            None
        };
        // Country codes (bare three-letter codes of country entries): the mentions
        // that count towards the country an article is about (not IGO or NGO codes).
        let countries = dicts
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Country)
            .flat_map(|a| a.codes.iter().map(|c| c.code.as_str()))
            .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
            .map(str::to_string)
            .collect();
        Coder {
            dicts,
            options,
            countries,
            vocab,
            actors,
            discards,
            verbs,
            verb_index,
            pattern_info,
            w,
            parser,
        }
    }
}

/// Word ids a pattern word accepts: the word, its plurals, and for a `word*` stem
/// nothing extra (stems are matched by the trie only).
pub(super) fn word_ids(vocab: &mut Vocab, w: &str) -> Vec<u32> {
    let mut v = vec![vocab.intern(w)];
    for p in crate::dict::plurals(w) {
        v.push(vocab.intern(&p));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::WordAlts;

    /// The scan of every alternative that the index must agree with.
    fn naive_at(alts: &[Vec<Vec<u32>>], ids: &[u32], j: usize) -> Option<usize> {
        alts.iter().find_map(|alt| {
            (j + alt.len() <= ids.len()
                && alt.iter().enumerate().all(|(k, s)| s.contains(&ids[j + k])))
            .then_some(j + alt.len())
        })
    }

    fn naive_ending_at(alts: &[Vec<Vec<u32>>], ids: &[u32], j: usize) -> Option<usize> {
        alts.iter().find_map(|alt| {
            let n = alt.len();
            (j >= n
                && alt
                    .iter()
                    .enumerate()
                    .all(|(k, s)| s.contains(&ids[j - n + k])))
            .then(|| j - n)
        })
    }

    #[test]
    fn indexed_alternatives_match_as_a_scan_of_all_of_them() {
        let ids = [7, 1, 2, 3, 9, 2, 3, 1, 4, 4];
        let cases: Vec<Vec<Vec<Vec<u32>>>> = vec![
            // "in (Geneva|Vienna ...)": one-word alternatives, plurals as sets.
            vec![vec![vec![5]], vec![vec![2, 8]], vec![vec![4]]],
            // Longer alternatives first and last, shared first words.
            vec![
                vec![vec![2], vec![3], vec![1]],
                vec![vec![2], vec![3]],
                vec![vec![9]],
            ],
            // An empty alternative matches anywhere: nothing can be ruled out.
            vec![vec![vec![6], vec![6]], vec![]],
            // Nothing in the text.
            vec![vec![vec![100], vec![101]]],
        ];
        for alts in cases {
            let w = WordAlts::new(alts.clone());
            for j in 0..=ids.len() {
                assert_eq!(
                    w.match_at(&ids, j),
                    naive_at(&alts, &ids, j),
                    "{alts:?} at {j}"
                );
                assert_eq!(
                    w.match_ending_at(&ids, j),
                    naive_ending_at(&alts, &ids, j),
                    "{alts:?} ending at {j}"
                );
            }
        }
    }
}
