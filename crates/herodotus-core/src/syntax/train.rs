//! Training from CoNLL-U sentences: deterministic (fixed seed; the sentence order is
//! shuffled each epoch with it; averaged weights).
//!
//! 1. One sentence in `heldout_every` is held out; each component is trained on the
//!    rest for up to `epochs` epochs and the epoch with the best held-out score is kept
//!    (tagger: UPOS accuracy; parser: UAS; labeller: label accuracy on gold arcs).
//! 2. The parser and labeller are trained on the tags a tagger predicts for text it
//!    did not see (k-fold jackknifing), so they learn to live with tagging errors.
//! 3. Each component is then retrained on all sentences for its best epoch count.
//!
//! Non-projective training trees cannot be produced by the arc-hybrid system; the
//! parser skips them (the tagger, lemmatiser and labeller use them). Sentences longer
//! than [`MAX_WINDOW`](super::MAX_WINDOW) words are also skipped by the parser.

use super::conllu::{is_projective, Sentence};
use super::features::{word_atoms, IdMap, Perceptron, Rng, WordAtoms};
use super::label::{self, Children};
use super::lemma::Lemmatizer;
use super::model::{Model, ATTRIBUTION};
use super::parser::{self, State, N_MOVES};
use super::tagger::{self, Tagger, N_TAGS};
use super::types::{DepRel, Upos};
use rayon::prelude::*;
use std::collections::HashMap;

/// Training settings.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TrainOptions {
    /// Seed of the shuffles and of the oracle's exploration.
    pub seed: u64,
    /// Maximum epochs per component (the best on the held-out slice is kept).
    pub epochs: usize,
    /// One sentence in this many is held out to choose the epoch.
    pub heldout_every: usize,
    /// Folds for jackknifed tags.
    pub folds: usize,
    /// Words the project's dictionaries know, lower case, with what they are (see
    /// [`dictionary_lexicon`]); features of the tagger. Empty: no lexicon.
    pub lexicon: Vec<(String, u8)>,
    /// Optional groups of tagger features (bits: 1 suffixes of 5 and prefixes of 3
    /// characters, 2 ambiguity classes of the next two words, 4 word pairs with the
    /// neighbours); the default is all of them, 0 is the base set.
    pub tagger_features: u32,
}

/// The words of the project's dictionaries as a tagger lexicon (issue 9 allows "the
/// words our dictionaries know" as features): the inflected word of every verb form,
/// the words of role nouns, and the capitalised words of country, person and
/// organisation or group names. Each word gets the bits of every list it is in.
pub fn dictionary_lexicon(d: &crate::dict::Dictionaries) -> Vec<(String, u8)> {
    use crate::dict::ActorKind;
    use tagger::lex;
    let mut m: std::collections::BTreeMap<String, u8> = std::collections::BTreeMap::new();
    for v in &d.verbs {
        for f in &v.forms {
            if let Some(w) = f.words.get(f.head) {
                *m.entry(w.to_lowercase()).or_default() |= lex::VERB;
            }
        }
    }
    for a in &d.agents {
        for p in &a.phrases {
            for w in &p.words {
                *m.entry(w.norm.clone()).or_default() |= lex::AGENT;
            }
        }
    }
    for a in &d.actors {
        let bit = match a.kind {
            ActorKind::Country => lex::COUNTRY,
            ActorKind::Person => lex::PERSON,
            ActorKind::Organisation | ActorKind::Group => lex::ORG,
            ActorKind::Agent => lex::AGENT,
            ActorKind::Other => continue,
        };
        for p in &a.phrases {
            for w in &p.words {
                let capitalised = w
                    .surface
                    .as_deref()
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_uppercase);
                if capitalised || bit == lex::AGENT {
                    *m.entry(w.norm.clone()).or_default() |= bit;
                }
            }
        }
    }
    m.into_iter().collect()
}

fn build_lexicon(words: &[(String, u8)]) -> IdMap<u8> {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut m = IdMap::default();
    for (w, bits) in words {
        *m.entry(word_atoms(w, &mut a, &mut b).lower).or_default() |= *bits;
    }
    m
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            seed: 1,
            epochs: 15,
            heldout_every: 10,
            folds: 5,
            lexicon: Vec::new(),
            tagger_features: tagger::groups::ALL,
        }
    }
}

/// A training sentence with its atoms and gold analysis (heads 0-based, root = n).
struct TSent {
    atoms: Vec<WordAtoms>,
    tags: Vec<Upos>,
    heads: Vec<u32>,
    rels: Vec<DepRel>,
    parseable: bool,
}

fn prepare(s: &Sentence) -> TSent {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let n = s.words.len() as u32;
    let raw: Vec<u32> = s.words.iter().map(|w| w.head).collect();
    TSent {
        atoms: s
            .words
            .iter()
            .map(|w| word_atoms(&w.form, &mut a, &mut b))
            .collect(),
        tags: s.words.iter().map(|w| w.upos).collect(),
        heads: raw
            .iter()
            .map(|&h| if h == 0 { n } else { h - 1 })
            .collect(),
        rels: s.words.iter().map(|w| w.deprel).collect(),
        parseable: is_projective(&raw)
            && raw.iter().filter(|&&h| h == 0).count() == 1
            && s.words.len() <= super::MAX_WINDOW,
    }
}

fn build_tagdict(sents: &[&TSent]) -> IdMap<u8> {
    let mut counts: HashMap<u64, [u32; N_TAGS]> = HashMap::new();
    for s in sents {
        for (a, t) in s.atoms.iter().zip(&s.tags) {
            counts.entry(a.form).or_insert([0; N_TAGS])[*t as usize] += 1;
        }
    }
    let mut d = IdMap::default();
    for (k, c) in counts {
        let total: u32 = c.iter().sum();
        let (best, &bc) = c
            .iter()
            .enumerate()
            .max_by_key(|(i, &v)| (v, std::cmp::Reverse(*i)))
            .expect("17 tags");
        // Frequent and unambiguous: at least 20 times, the same tag 97% of the time.
        if total >= 20 && bc as f64 / total as f64 >= 0.97 {
            d.insert(k, best as u8);
        }
    }
    d
}

fn build_classes(sents: &[&TSent]) -> IdMap<u32> {
    let mut counts: HashMap<u64, (u32, u32)> = HashMap::new();
    for s in sents {
        for (a, t) in s.atoms.iter().zip(&s.tags) {
            let e = counts.entry(a.lower).or_default();
            e.0 += 1;
            e.1 |= 1 << *t as u32;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, _))| *n >= 3)
        .map(|(k, (_, c))| (k, c))
        .collect()
}

fn tag_accuracy(t: &Tagger, sents: &[&TSent]) -> f64 {
    let (mut ok, mut all) = (0usize, 0usize);
    let (mut out, mut feats) = (Vec::new(), Vec::new());
    for s in sents {
        t.tag(&s.atoms, &mut out, &mut feats);
        ok += out.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        all += s.tags.len();
    }
    ok as f64 / all.max(1) as f64
}

/// Trains a tagger; with a held-out set, returns the best epoch's weights and number.
fn train_tagger(
    train: &[&TSent],
    heldout: &[&TSent],
    epochs: usize,
    seed: u64,
    lexicon: &IdMap<u8>,
    groups: u32,
) -> (Tagger, usize, f64) {
    let tagdict = build_tagdict(train);
    let classes = build_classes(train);
    let known = tagger::Known {
        classes: &classes,
        lexicon,
        groups,
    };
    let mut p = Perceptron::new(N_TAGS);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut best: Option<(f64, usize, Tagger)> = None;
    let mut feats = Vec::new();
    let mut scores = [0f32; N_TAGS];
    let mut prev: Vec<Upos> = Vec::new();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = train[si];
            prev.clear();
            for i in 0..s.atoms.len() {
                if let Some(&t) = tagdict.get(&s.atoms[i].form) {
                    prev.push(Upos::from_index(t as usize).unwrap_or(Upos::X));
                    continue;
                }
                feats.clear();
                tagger::features(&s.atoms, i, &prev, &known, &mut feats);
                p.score(&feats, &mut scores);
                let guess = argmax_f(&scores);
                p.update(&feats, s.tags[i] as usize, guess);
                prev.push(Upos::from_index(guess).unwrap_or(Upos::X));
            }
        }
        if !heldout.is_empty() || epoch == epochs {
            let t = Tagger {
                weights: p.averaged(0.0),
                tagdict: tagdict.clone(),
                classes: classes.clone(),
                lexicon: lexicon.clone(),
                groups,
            };
            let acc = if heldout.is_empty() {
                0.0
            } else {
                tag_accuracy(&t, heldout)
            };
            if best.as_ref().is_none_or(|b| acc > b.0) || heldout.is_empty() {
                best = Some((acc, epoch, t));
            }
        }
    }
    let (acc, epoch, t) = best.expect("at least one epoch");
    (t, epoch, acc)
}

fn argmax_f(scores: &[f32]) -> usize {
    let mut b = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[b] {
            b = i;
        }
    }
    b
}

fn uas(w: &super::features::Weights, sents: &[(&TSent, &[Upos])]) -> f64 {
    let (mut ok, mut all) = (0usize, 0usize);
    let mut st = State::default();
    let mut feats = Vec::new();
    for (s, tags) in sents {
        if s.atoms.len() > super::MAX_WINDOW {
            continue;
        }
        parser::parse(w, &s.atoms, tags, &mut st, &mut feats);
        ok += st.head.iter().zip(&s.heads).filter(|(a, b)| a == b).count();
        all += s.heads.len();
    }
    ok as f64 / all.max(1) as f64
}

/// Trains the unlabelled parser with the dynamic oracle; exploration (following the
/// model's own wrong move) starts in the second epoch with probability 0.9.
fn train_parser(
    train: &[(&TSent, &[Upos])],
    heldout: &[(&TSent, &[Upos])],
    epochs: usize,
    seed: u64,
) -> (super::features::Weights, usize, f64) {
    let mut p = Perceptron::new(N_MOVES);
    let mut rng = Rng::new(seed ^ 0x7061_7273);
    let mut order: Vec<usize> = (0..train.len()).filter(|&i| train[i].0.parseable).collect();
    let mut best: Option<(f64, usize, super::features::Weights)> = None;
    let mut st = State::default();
    let mut feats = Vec::new();
    let mut scores = [0f32; N_MOVES];
    let mut costs = [None; N_MOVES];
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let (s, tags) = train[si];
            st.reset_tagged(tags);
            while !st.is_terminal() {
                feats.clear();
                parser::features(&s.atoms, tags, &st, &mut feats);
                p.score(&feats, &mut scores);
                st.costs(&s.heads, &mut costs);
                let min = costs.iter().flatten().min().copied().expect("a legal move");
                let mut pred = None;
                let mut gold = None;
                for m in 0..N_MOVES {
                    let Some(c) = costs[m] else { continue };
                    if pred.is_none_or(|b: usize| scores[m] > scores[b]) {
                        pred = Some(m);
                    }
                    if c == min && gold.is_none_or(|b: usize| scores[m] > scores[b]) {
                        gold = Some(m);
                    }
                }
                let (pred, gold) = (pred.expect("legal"), gold.expect("legal"));
                let pred_ok = costs[pred] == Some(min);
                p.update(&feats, if pred_ok { pred } else { gold }, pred);
                let next = if pred_ok || (epoch > 1 && rng.unit() < 0.9) {
                    pred
                } else {
                    gold
                };
                st.apply(next);
            }
        }
        if !heldout.is_empty() || epoch == epochs {
            let w = p.averaged(0.0);
            let acc = if heldout.is_empty() {
                0.0
            } else {
                uas(&w, heldout)
            };
            if best.as_ref().is_none_or(|b| acc > b.0) || heldout.is_empty() {
                best = Some((acc, epoch, w));
            }
        }
    }
    let (acc, epoch, w) = best.expect("at least one epoch");
    (w, epoch, acc)
}

fn label_accuracy(w: &super::features::Weights, sents: &[(&TSent, &[Upos])]) -> f64 {
    let (mut ok, mut all) = (0usize, 0usize);
    let mut scratch = label::Scratch::default();
    let mut out = Vec::new();
    for (s, tags) in sents {
        label::label(w, &s.atoms, tags, &s.heads, &mut scratch, &mut out);
        ok += out.iter().zip(&s.rels).filter(|(a, b)| a == b).count();
        all += s.rels.len();
    }
    ok as f64 / all.max(1) as f64
}

/// Trains the arc labeller on gold trees (with jackknifed tags).
fn train_labeller(
    train: &[(&TSent, &[Upos])],
    heldout: &[(&TSent, &[Upos])],
    epochs: usize,
    seed: u64,
) -> (super::features::Weights, usize, f64) {
    let nl = label::n_labels();
    let mut p = Perceptron::new(nl);
    let mut rng = Rng::new(seed ^ 0x6c61_6265);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut best: Option<(f64, usize, super::features::Weights)> = None;
    let mut kids = Children::default();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; nl];
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let (s, tags) = train[si];
            let n = s.atoms.len();
            kids.build(&s.heads);
            for d in 0..n {
                if s.heads[d] as usize == n {
                    continue;
                }
                feats.clear();
                label::features(&s.atoms, tags, &s.heads, &kids, d, &mut feats);
                p.score(&feats, &mut scores);
                scores[DepRel::Root as usize] = f32::NEG_INFINITY;
                let guess = argmax_f(&scores);
                p.update(&feats, s.rels[d] as usize, guess);
            }
        }
        if !heldout.is_empty() || epoch == epochs {
            let w = p.averaged(0.0);
            let acc = if heldout.is_empty() {
                0.0
            } else {
                label_accuracy(&w, heldout)
            };
            if best.as_ref().is_none_or(|b| acc > b.0) || heldout.is_empty() {
                best = Some((acc, epoch, w));
            }
        }
    }
    let (acc, epoch, w) = best.expect("at least one epoch");
    (w, epoch, acc)
}

/// What `train` and `retrain_tagger` start from: epochs, one held out in `every`,
/// the sentences' atoms, the lexicon and the tagger's feature groups.
fn setup(
    sentences: &[Sentence],
    opts: &TrainOptions,
) -> (usize, usize, Vec<TSent>, IdMap<u8>, u32) {
    (
        opts.epochs.max(1),
        opts.heldout_every.max(2),
        sentences.iter().map(prepare).collect(),
        build_lexicon(&opts.lexicon),
        opts.tagger_features & tagger::groups::ALL,
    )
}

/// Splits `items` into the training part and the held-out part (item `i` is held out
/// when `i % every == every - 1`).
fn split_heldout<T: Copy>(items: &[T], every: usize) -> (Vec<T>, Vec<T>) {
    let (mut train, mut held) = (Vec::new(), Vec::new());
    for (i, x) in items.iter().enumerate() {
        if i % every == every - 1 {
            held.push(*x)
        } else {
            train.push(*x)
        }
    }
    (train, held)
}

/// Trains a new tagger on `sentences` (the epoch chosen on a held-out slice as in
/// [`train`]) and puts it in front of `base`'s parser, labeller and lemmatiser, which
/// are kept as they are. A better tagger then changes the parser's input and nothing
/// else.
pub fn retrain_tagger(
    base: &Model,
    sentences: &[Sentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Model {
    let (epochs, every, sents, lexicon, groups) = setup(sentences, opts);
    let all: Vec<&TSent> = sents.iter().collect();
    let (train_part, held_part) = split_heldout(&all, every);
    let (_, tag_epochs, tag_acc) =
        train_tagger(&train_part, &held_part, epochs, opts.seed, &lexicon, groups);
    log(&format!(
        "tagger: best epoch {tag_epochs}, held-out UPOS {tag_acc:.4}; parser, labeller and lemmas kept"
    ));
    let (tagger, _, _) = train_tagger(&all, &[], tag_epochs, opts.seed, &lexicon, groups);
    Model {
        tagger,
        parser: base.parser.clone(),
        labeller: base.labeller.clone(),
        lemmas: base.lemmas.clone(),
        attribution: ATTRIBUTION.to_string(),
    }
}

/// Trains a model. `log` receives one line per stage (epochs chosen, held-out scores).
pub fn train(sentences: &[Sentence], opts: &TrainOptions, log: &mut dyn FnMut(&str)) -> Model {
    let (epochs, every, sents, lexicon, groups) = setup(sentences, opts);
    let all: Vec<&TSent> = sents.iter().collect();
    let (train_part, held_part) = split_heldout(&all, every);
    log(&format!(
        "{} sentences ({} held out to choose epochs); {} skipped by the parser (non-projective or longer than {})",
        sents.len(),
        held_part.len(),
        sents.iter().filter(|s| !s.parseable).count(),
        super::MAX_WINDOW
    ));

    let lemmas = Lemmatizer::train(sentences.iter().flat_map(|s| {
        s.words
            .iter()
            .map(|w| (w.form.as_str(), w.upos, w.lemma.as_str()))
    }));

    // Tagger: choose the epoch count on the held-out slice.
    let (_, tag_epochs, tag_acc) =
        train_tagger(&train_part, &held_part, epochs, opts.seed, &lexicon, groups);
    log(&format!(
        "tagger: best epoch {tag_epochs}, held-out UPOS {tag_acc:.4}"
    ));

    // Jackknifed tags for every sentence (folds trained in parallel; each is
    // deterministic on its own, so the result does not depend on scheduling).
    let folds = opts.folds.max(2);
    let fold_tags: Vec<Vec<(usize, Vec<Upos>)>> = (0..folds)
        .into_par_iter()
        .map(|f| {
            let tr: Vec<&TSent> = all
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != f)
                .map(|(_, s)| *s)
                .collect();
            let (t, _, _) = train_tagger(
                &tr,
                &[],
                tag_epochs,
                opts.seed.wrapping_add(f as u64),
                &lexicon,
                groups,
            );
            let (mut out, mut feats) = (Vec::new(), Vec::new());
            all.iter()
                .enumerate()
                .filter(|(i, _)| i % folds == f)
                .map(|(i, s)| {
                    t.tag(&s.atoms, &mut out, &mut feats);
                    (i, out.clone())
                })
                .collect()
        })
        .collect();
    let mut jk: Vec<Vec<Upos>> = vec![Vec::new(); sents.len()];
    for (i, tags) in fold_tags.into_iter().flatten() {
        jk[i] = tags;
    }
    let jk_acc = {
        let ok: usize = sents
            .iter()
            .zip(&jk)
            .map(|(s, t)| s.tags.iter().zip(t).filter(|(a, b)| a == b).count())
            .sum();
        ok as f64 / sents.iter().map(|s| s.tags.len()).sum::<usize>().max(1) as f64
    };
    log(&format!(
        "jackknifed tags ({folds} folds): UPOS {jk_acc:.4}"
    ));

    let pairs: Vec<(&TSent, &[Upos])> = sents
        .iter()
        .zip(&jk)
        .map(|(s, t)| (s, t.as_slice()))
        .collect();
    let (ptrain, pheld) = split_heldout(&pairs, every);

    // Parser and labeller epoch choice, in parallel (independent).
    let ((_, parse_epochs, parse_uas), (_, label_epochs, label_acc)) = rayon::join(
        || train_parser(&ptrain, &pheld, epochs, opts.seed),
        || train_labeller(&ptrain, &pheld, epochs, opts.seed),
    );
    log(&format!(
        "parser: best epoch {parse_epochs}, held-out UAS {parse_uas:.4} (jackknifed tags)"
    ));
    log(&format!(
        "labeller: best epoch {label_epochs}, held-out label accuracy {label_acc:.4} (gold arcs)"
    ));

    // Final models on all sentences.
    let ((tagger, _, _), ((parser_w, _, _), (labeller_w, _, _))) = rayon::join(
        || train_tagger(&all, &[], tag_epochs, opts.seed, &lexicon, groups),
        || {
            rayon::join(
                || train_parser(&pairs, &[], parse_epochs, opts.seed),
                || train_labeller(&pairs, &[], label_epochs, opts.seed),
            )
        },
    );
    let model = Model {
        tagger,
        parser: parser_w,
        labeller: labeller_w,
        lemmas,
        attribution: ATTRIBUTION.to_string(),
    };
    let [a, b, c] = model.sizes();
    log(&format!(
        "features kept: tagger {a}, parser {b}, labeller {c}"
    ));
    model
}
