//! herodotus-core: dictionary-driven CAMEO event coding of English news text.
//!
//! **CAMEO** (Conflict and Mediation Event Observations) describes an event as *who did
//! what to whom*: a source actor, an event code and a target actor. Actor codes are a
//! three-letter country or region followed by roles (`USAGOV`: the US government,
//! `RUSMIL`: the Russian military; see [`ActorCode`]); event codes are two to four
//! digits whose first two are the root (`19` fight, `190` use conventional military
//! force, `0871` ...; see [`CameoCode`]). Each code carries a Goldstein score (-10 most
//! conflictual to +10 most cooperative) and a QuadClass (verbal or material,
//! cooperation or conflict), as in GDELT; PLOVER types are given where they map.
//!
//! The engine is dictionary-driven: [`Dictionaries`] (the built-in ones, our own format
//! in a directory, or PETRARCH/TABARI files) are compiled once into a [`Coder`], which
//! is immutable, `Send + Sync` and shared by all threads. Per article it splits
//! [`sentences`], [`tokens`] with byte offsets, finds actor mentions, verb patterns and
//! the clause roles, and returns [`Event`]s with the spans and the dictionary entry
//! (`file:line`) that produced each.
//!
//! ```
//! use herodotus_core::{Article, Coder, Date, Dictionaries};
//! let coder = Coder::new(Dictionaries::builtin().unwrap());
//! let article = Article::builder()
//!     .id("a1")
//!     .text("Russian troops attacked Ukrainian positions near Kharkiv.")
//!     .date(Date::parse("2024-05-10"))
//!     .build();
//! let events = coder.code_article(&article).events;
//! assert_eq!(events[0].source().country(), "RUS");
//! assert_eq!(events[0].cameo().root(), "19");
//! ```

/// Setters for a builder that wraps its target: `impl Into<String>` for the
/// string fields, the field's own type for the others.
macro_rules! setters {
    ($builder:ident, $target:ident; strings: $($s:ident),*; others: $($field:ident: $ty:ty),* $(,)?) => {
        impl $builder {
            $(
                #[doc = concat!("Sets [`", stringify!($target), "::", stringify!($s), "`].")]
                pub fn $s(mut self, value: impl Into<String>) -> Self {
                    self.0.$s = value.into();
                    self
                }
            )*
            $(
                #[doc = concat!("Sets [`", stringify!($target), "::", stringify!($field), "`].")]
                pub fn $field(mut self, value: $ty) -> Self {
                    self.0.$field = value;
                    self
                }
            )*
        }
    };
}

// The crate root re-exports what a caller needs; the modules that stay public hold
// tools of their own (the tokeniser, the sentence splitter, the speech-verb list, the
// parser, the dictionary model, the PETRARCH validation records, a test RNG).
pub mod article;
mod codes;
mod date;
mod error;
mod event;
pub mod rng;

pub use article::{Article, ArticleBuilder};
pub use codes::{ActorCode, CameoCode, QuoteKind};
pub use date::Date;
pub use error::{Error, RecordError, Result};
pub use event::{Event, EventBuilder, Place, Quote, QuoteBuilder};
pub mod coder;
pub mod dict;
pub mod doc;
pub(crate) mod matcher;
pub mod petrarch_records;
pub mod sentences;
pub mod speech;
pub mod syntax;
pub mod tokens;

pub use coder::{Budget, CodedArticle, Coder, CoderOptions, Decision, Interrupted, Mention};
pub use dict::ActorKind;
pub use dict::Dictionaries;
pub use doc::{Doc, Span};
pub use matcher::{FastHasher, FastMap};
