//! Part-of-speech tagger: a greedy left-to-right averaged perceptron over a window of
//! ±2 words (lower-case forms, suffixes, prefixes, shapes) and the two previous
//! predicted tags, plus a tag dictionary for frequent words that are unambiguous in
//! training (those skip the classifier). Optional feature groups ([`groups`]) are
//! turned on by the model that was trained with them.

use super::features::{key, IdMap, Weights, WordAtoms, NONE_ATOM};
use super::types::Upos;

/// Number of UPOS classes.
pub(crate) const N_TAGS: usize = 17;

/// The tagger's model.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tagger {
    pub weights: Weights,
    /// Cased normalised form hash -> tag, for frequent unambiguous words.
    pub tagdict: IdMap<u8>,
    /// Lower-case form hash -> the set of tags it had in training (bit per tag), for
    /// words seen at least 3 times: the "ambiguity class", which lets "Attack" at the
    /// start of a headline borrow what is known of "attack".
    pub classes: IdMap<u32>,
    /// Lower-case form hash -> what the project's dictionaries know of the word (bits
    /// of [`lex`]): a verb form, a role noun, a word of a country's, person's or
    /// organisation's name. Lets the tagger read words the treebank never had.
    pub lexicon: IdMap<u8>,
    /// The feature groups beyond the base set this tagger was trained with (bits of
    /// [`groups`]); 0 for models written before the groups existed.
    pub groups: u32,
}

/// Optional groups of tagger features (none of them from our dictionaries). A model
/// records the groups it was trained with, so older models read as before.
pub(crate) mod groups {
    /// Suffix of 5 characters and prefix of 3.
    pub const AFFIX5: u32 = 1;
    /// The ambiguity classes of the next two words, with the word's own class and the
    /// previous tag (the tags the words to the right can have).
    pub const RIGHT_CLASSES: u32 = 2;
    /// Word pairs with the neighbours: shape and next word, previous word and suffix,
    /// suffix and next word.
    pub const PAIRS: u32 = 4;
    /// Every group.
    pub const ALL: u32 = AFFIX5 | RIGHT_CLASSES | PAIRS;
}

/// Bits of the dictionary lexicon.
pub(crate) mod lex {
    /// The inflected word of a verb form ("attacked", "carried").
    pub const VERB: u8 = 1;
    /// A word of a role noun ("troops", "police").
    pub const AGENT: u8 = 2;
    /// A capitalised word of a country's name, adjective or demonym.
    pub const COUNTRY: u8 = 4;
    /// A capitalised word of a person's name.
    pub const PERSON: u8 = 8;
    /// A capitalised word of an organisation's or group's name.
    pub const ORG: u8 = 16;
}

/// The context of the tagger's features: the ambiguity classes and the lexicon.
pub(crate) struct Known<'a> {
    pub classes: &'a IdMap<u32>,
    pub lexicon: &'a IdMap<u8>,
    /// Feature groups (bits of [`groups`]).
    pub groups: u32,
}

#[inline]
fn lex_atom(lexicon: &IdMap<u8>, w: Option<&WordAtoms>) -> u64 {
    match w {
        None => NONE_ATOM,
        Some(w) => 0x6c78_0000 + lexicon.get(&w.lower).copied().unwrap_or(0) as u64,
    }
}

#[inline]
fn class_atom(classes: &IdMap<u32>, w: Option<&WordAtoms>) -> u64 {
    match w {
        None => NONE_ATOM,
        Some(w) => classes
            .get(&w.lower)
            .map_or(0x636c_0000, |&c| 0x636c_0000_0000 + c as u64),
    }
}

#[inline]
fn tag_atom(t: Option<Upos>) -> u64 {
    match t {
        Some(t) => 0x7400 + t as u64,
        None => NONE_ATOM,
    }
}

/// Appends the features of word `i` to `out`, given the tags already chosen for the
/// words before it.
pub(crate) fn features(
    words: &[WordAtoms],
    i: usize,
    prev: &[Upos],
    known: &Known<'_>,
    out: &mut Vec<u64>,
) {
    let classes = known.classes;
    let n = words.len();
    let w = &words[i];
    let at = |j: isize| -> Option<&WordAtoms> {
        if j < 0 || j as usize >= n {
            None
        } else {
            Some(&words[j as usize])
        }
    };
    let i_ = i as isize;
    let lower = |j: isize| at(j).map_or(NONE_ATOM, |a| a.lower);
    let suf3 = |j: isize| at(j).map_or(NONE_ATOM, |a| a.suf[2]);
    let shape = |j: isize| at(j).map_or(NONE_ATOM, |a| a.shape);
    let p1 = tag_atom(i.checked_sub(1).map(|j| prev[j]));
    let p2 = tag_atom(i.checked_sub(2).map(|j| prev[j]));
    out.push(key(0, 0, 0, 0));
    out.push(key(1, w.lower, 0, 0));
    out.push(key(2, w.suf[0], 0, 0));
    out.push(key(3, w.suf[1], 0, 0));
    out.push(key(4, w.suf[2], 0, 0));
    out.push(key(5, w.suf[3], 0, 0));
    out.push(key(6, w.pre[0], 0, 0));
    out.push(key(7, w.pre[1], 0, 0));
    out.push(key(8, w.shape, 0, 0));
    out.push(key(9, w.form, 0, 0));
    out.push(key(10, (i == 0) as u64, w.shape, 0));
    out.push(key(11, p1, 0, 0));
    out.push(key(12, p2, 0, 0));
    out.push(key(13, p1, p2, 0));
    out.push(key(14, p1, w.lower, 0));
    out.push(key(15, p1, w.suf[2], 0));
    out.push(key(16, lower(i_ - 1), 0, 0));
    out.push(key(17, suf3(i_ - 1), 0, 0));
    out.push(key(18, lower(i_ - 2), 0, 0));
    out.push(key(19, lower(i_ + 1), 0, 0));
    out.push(key(20, suf3(i_ + 1), 0, 0));
    out.push(key(21, lower(i_ + 2), 0, 0));
    out.push(key(22, lower(i_ - 1), w.lower, 0));
    out.push(key(23, w.lower, lower(i_ + 1), 0));
    out.push(key(24, shape(i_ - 1), w.shape, shape(i_ + 1)));
    out.push(key(25, p1, lower(i_ + 1), 0));
    out.push(key(26, shape(i_ + 1), 0, 0));
    out.push(key(27, suf3(i_ + 2), 0, 0));
    let c0 = class_atom(classes, Some(w));
    let c1 = class_atom(classes, at(i_ + 1));
    out.push(key(28, c0, 0, 0));
    out.push(key(29, c0, c1, 0));
    out.push(key(30, p1, c0, 0));
    out.push(key(31, c0, w.suf[2], 0));
    out.push(key(32, class_atom(classes, at(i_ - 1)), c0, 0));
    let l0 = lex_atom(known.lexicon, Some(w));
    out.push(key(33, l0, 0, 0));
    out.push(key(34, l0, w.shape, 0));
    out.push(key(35, l0, p1, 0));
    out.push(key(36, lex_atom(known.lexicon, at(i_ - 1)), l0, 0));
    out.push(key(37, l0, lex_atom(known.lexicon, at(i_ + 1)), 0));
    out.push(key(38, l0, c0, 0));
    out.push(key(39, l0, w.suf[1], 0));
    let x = known.groups;
    if x & groups::AFFIX5 != 0 {
        out.push(key(40, w.suf[4], 0, 0));
        out.push(key(41, w.pre[2], 0, 0));
    }
    if x & groups::RIGHT_CLASSES != 0 {
        let c2 = class_atom(classes, at(i_ + 2));
        out.push(key(42, c1, c2, 0));
        out.push(key(43, c0, c1, c2));
        out.push(key(45, p1, c0, c1));
    }
    if x & groups::PAIRS != 0 {
        out.push(key(46, w.shape, lower(i_ + 1), 0));
        out.push(key(47, lower(i_ - 1), w.suf[2], 0));
        out.push(key(48, w.suf[2], lower(i_ + 1), 0));
    }
}

impl Tagger {
    pub(crate) fn known(&self) -> Known<'_> {
        Known {
            classes: &self.classes,
            lexicon: &self.lexicon,
            groups: self.groups,
        }
    }

    /// Tags `words` into `out` (cleared first).
    pub fn tag(&self, words: &[WordAtoms], out: &mut Vec<Upos>, feats: &mut Vec<u64>) {
        out.clear();
        let mut scores = [0f32; N_TAGS];
        for i in 0..words.len() {
            if let Some(&t) = self.tagdict.get(&words[i].form) {
                out.push(Upos::from_index(t as usize).unwrap_or(Upos::X));
                continue;
            }
            feats.clear();
            features(words, i, out, &self.known(), feats);
            scores = [0.0; N_TAGS];
            self.weights.score(feats, &mut scores);
            let best = super::features::argmax_allowed(&scores, |_| true).unwrap_or(0);
            out.push(Upos::from_index(best).unwrap_or(Upos::X));
        }
        let _ = scores;
    }
}
