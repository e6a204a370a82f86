//! Syntax: a part-of-speech tagger, lemmatiser and dependency parser, trained on
//! Universal Dependencies (UD English EWT) and shipped as a model file.
//!
//! - [`types`]: [`Upos`] and [`DepRel`] (UD v2 with the English subtypes).
//! - [`conllu`]: a strict CoNLL-U reader (`file:line: message` errors).
//! - `features`: feature hashing and the averaged perceptron.
//! - `tagger`: greedy left-to-right tagger (window ±2, affixes, shapes, two previous
//!   tags, the words the project's dictionaries know) with a tag dictionary for frequent
//!   unambiguous words; optional feature groups (longer affixes, the ambiguity classes
//!   of the next two words, word pairs) named in the model's header.
//! - `parser`: arc-hybrid transitions, greedy, unlabelled; dynamic oracle in training.
//! - `repair`: deterministic repairs after parsing (reported speech re-rooted at its
//!   verb, punctuation attached by the UD guideline, passive subjects labelled).
//! - `label`: names each arc of the finished tree with a second classifier.
//! - `lemma`: lemma table and suffix rules learned from the treebank.
//! - [`model`]: [`Model`] (file format, [`Model::builtin`]) and [`Analysis`].
//! - `train` (cargo feature `train`): deterministic training from CoNLL-U.
//!
//! The library does no file I/O: models load from bytes; the CLI reads files.
//!
//! ```
//! use herodotus_core::syntax::{Analysis, Model, Upos};
//! let model = Model::builtin();
//! let mut a = Analysis::new();
//! model.analyse(&["Rebels", "seized", "the", "town", "."], &mut a);
//! assert_eq!(a.upos[1], Upos::Verb);
//! assert_eq!(a.lemma(1), "seize");
//! ```

pub mod conllu;
#[cfg_attr(not(feature = "train"), allow(dead_code, unused_imports))] // training code
pub(crate) mod features;
#[cfg_attr(not(feature = "train"), allow(dead_code, unused_imports))] // training code
pub(crate) mod label;
#[cfg_attr(not(feature = "train"), allow(dead_code, unused_imports))] // training code
pub(crate) mod lemma;
pub mod model;
#[cfg_attr(not(feature = "train"), allow(dead_code, unused_imports))] // training code
pub(crate) mod parser;
pub(crate) mod repair;
#[cfg_attr(not(feature = "train"), allow(dead_code, unused_imports))] // training code
pub(crate) mod tagger;
#[cfg(feature = "train")]
pub mod train;
pub mod types;

pub use conllu::{ConlluError, Sentence};
pub use model::{Analysis, Model, ModelError, ATTRIBUTION};
#[cfg(feature = "train")]
pub use train::{dictionary_lexicon, retrain_tagger, train, TrainOptions};
pub use types::{DepRel, UnknownName, Upos};

/// The longest run of words parsed as one tree. Longer sentences are parsed in
/// consecutive windows of this many words, which keeps the cost linear in the length
/// (a 5,000-word "sentence" is 25 windows) and memory bounded by the window.
pub const MAX_WINDOW: usize = 200;

// The tests train tiny models, so they need the training code.
#[cfg(all(test, feature = "train"))]
mod tests;
