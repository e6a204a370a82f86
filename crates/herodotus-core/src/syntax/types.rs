//! The tag and relation inventories: Universal POS tags and UD dependency relations
//! (the English subtypes included).

use std::fmt;
use std::str::FromStr;

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in declaration order (the index is the value's `as u8`).
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The CoNLL-U spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The value with index `i` (`as u8`), if any.
            pub fn from_index(i: usize) -> Option<$name> {
                Self::ALL.get(i).copied()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// A Universal POS tag (UD v2, 17 tags).
    Upos {
        /// Adjective.
        Adj => "ADJ",
        /// Adposition.
        Adp => "ADP",
        /// Adverb.
        Adv => "ADV",
        /// Auxiliary.
        Aux => "AUX",
        /// Coordinating conjunction.
        Cconj => "CCONJ",
        /// Determiner.
        Det => "DET",
        /// Interjection.
        Intj => "INTJ",
        /// Noun.
        Noun => "NOUN",
        /// Numeral.
        Num => "NUM",
        /// Particle.
        Part => "PART",
        /// Pronoun.
        Pron => "PRON",
        /// Proper noun.
        Propn => "PROPN",
        /// Punctuation.
        Punct => "PUNCT",
        /// Subordinating conjunction.
        Sconj => "SCONJ",
        /// Symbol.
        Sym => "SYM",
        /// Verb.
        Verb => "VERB",
        /// Other.
        X => "X",
    }
}

impl Upos {
    /// A verb or an auxiliary.
    pub fn is_verbal(self) -> bool {
        matches!(self, Upos::Verb | Upos::Aux)
    }

    /// A noun, proper noun or pronoun.
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn | Upos::Pron)
    }
}

/// An unknown tag or relation name.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownName(pub String);

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown name {:?}", self.0)
    }
}

impl std::error::Error for UnknownName {}

impl FromStr for Upos {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Upos::ALL
            .iter()
            .copied()
            .find(|u| u.as_str() == s)
            .ok_or_else(|| UnknownName(s.to_string()))
    }
}

string_enum! {
    /// A Universal Dependencies relation, with the subtypes English treebanks use.
    DepRel {
        /// Clausal modifier of a noun.
        Acl => "acl",
        /// Relative clause.
        AclRelcl => "acl:relcl",
        /// Adverbial clause modifier.
        Advcl => "advcl",
        /// Adverbial relative clause.
        AdvclRelcl => "advcl:relcl",
        /// Adverbial modifier.
        Advmod => "advmod",
        /// Adjectival modifier.
        Amod => "amod",
        /// Appositional modifier.
        Appos => "appos",
        /// Auxiliary.
        Aux => "aux",
        /// Passive auxiliary.
        AuxPass => "aux:pass",
        /// Case marking (prepositions).
        Case => "case",
        /// Coordinating conjunction.
        Cc => "cc",
        /// Preconjunct ("either", "both").
        CcPreconj => "cc:preconj",
        /// Clausal complement.
        Ccomp => "ccomp",
        /// Classifier.
        Clf => "clf",
        /// Compound.
        Compound => "compound",
        /// Phrasal-verb particle.
        CompoundPrt => "compound:prt",
        /// Conjunct.
        Conj => "conj",
        /// Copula.
        Cop => "cop",
        /// Clausal subject.
        Csubj => "csubj",
        /// Clausal subject of a copular clause with its own subject.
        CsubjOuter => "csubj:outer",
        /// Clausal passive subject.
        CsubjPass => "csubj:pass",
        /// Unspecified dependency.
        Dep => "dep",
        /// Determiner.
        Det => "det",
        /// Predeterminer ("all the").
        DetPredet => "det:predet",
        /// Discourse element.
        Discourse => "discourse",
        /// Dislocated element.
        Dislocated => "dislocated",
        /// Expletive.
        Expl => "expl",
        /// Fixed multiword expression.
        Fixed => "fixed",
        /// Flat multiword expression (names).
        Flat => "flat",
        /// Foreign words.
        FlatForeign => "flat:foreign",
        /// Goes with (split words).
        Goeswith => "goeswith",
        /// Indirect object.
        Iobj => "iobj",
        /// List.
        List => "list",
        /// Marker (subordinating conjunction).
        Mark => "mark",
        /// Nominal modifier.
        Nmod => "nmod",
        /// Descriptive nominal modifier.
        NmodDesc => "nmod:desc",
        /// Bare noun-phrase modifier.
        NmodNpmod => "nmod:npmod",
        /// Possessive.
        NmodPoss => "nmod:poss",
        /// Temporal nominal modifier.
        NmodTmod => "nmod:tmod",
        /// Nominal modifier without a case marker.
        NmodUnmarked => "nmod:unmarked",
        /// Nominal subject.
        Nsubj => "nsubj",
        /// Subject of a copular clause with its own subject.
        NsubjOuter => "nsubj:outer",
        /// Passive nominal subject.
        NsubjPass => "nsubj:pass",
        /// Numeric modifier.
        Nummod => "nummod",
        /// Object.
        Obj => "obj",
        /// Oblique nominal.
        Obl => "obl",
        /// Agent of a passive ("by X").
        OblAgent => "obl:agent",
        /// Bare noun-phrase oblique.
        OblNpmod => "obl:npmod",
        /// Temporal oblique.
        OblTmod => "obl:tmod",
        /// Oblique without a case marker.
        OblUnmarked => "obl:unmarked",
        /// Orphan (ellipsis).
        Orphan => "orphan",
        /// Parataxis.
        Parataxis => "parataxis",
        /// Punctuation.
        Punct => "punct",
        /// Disfluency.
        Reparandum => "reparandum",
        /// Root of the sentence.
        Root => "root",
        /// Vocative.
        Vocative => "vocative",
        /// Open clausal complement.
        Xcomp => "xcomp",
    }
}

impl DepRel {
    /// A subject relation (nominal or clausal, active or passive).
    pub fn is_subject(self) -> bool {
        matches!(
            self,
            DepRel::Nsubj
                | DepRel::NsubjPass
                | DepRel::NsubjOuter
                | DepRel::Csubj
                | DepRel::CsubjPass
                | DepRel::CsubjOuter
        )
    }

    /// The relation without its subtype (`nsubj:pass` -> `nsubj`).
    pub fn base(self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }
}

impl FromStr for DepRel {
    type Err = UnknownName;
    /// Exact names first; a subtype we do not list falls back to its base relation
    /// (older or other treebanks use subtypes like `obl:in`), so the base must exist.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(r) = DepRel::ALL.iter().copied().find(|r| r.as_str() == s) {
            return Ok(r);
        }
        let base = s.split(':').next().unwrap_or(s);
        if base != s {
            if let Some(r) = DepRel::ALL.iter().copied().find(|r| r.as_str() == base) {
                return Ok(r);
            }
        }
        Err(UnknownName(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for u in Upos::ALL {
            assert_eq!(u.to_string().parse::<Upos>().unwrap(), *u);
            assert_eq!(Upos::from_index(*u as usize), Some(*u));
        }
        for r in DepRel::ALL {
            assert_eq!(r.to_string().parse::<DepRel>().unwrap(), *r);
            assert_eq!(DepRel::from_index(*r as usize), Some(*r));
        }
        assert_eq!(Upos::ALL.len(), 17);
        assert_eq!("obl:in".parse::<DepRel>().unwrap(), DepRel::Obl);
        assert!("subj".parse::<DepRel>().is_err());
        assert!("NOUNS".parse::<Upos>().is_err());
        assert_eq!(DepRel::NsubjPass.base(), "nsubj");
        assert!(DepRel::NsubjPass.is_subject());
    }
}
