//! herodotus-core: dictionary-driven CAMEO event coding of English news text.
//!
//! The pipeline is `Article` -> [`text`] (normalise) -> [`sentences`] -> [`tokens`]
//! -> actors ([`actors`]) -> events ([`patterns`]) -> [`Event`]s.
//! [`Dictionaries`] are loaded once (our own format from `dict/`, or PETRARCH/TABARI
//! files) and compiled into a [`Coder`], which is immutable, `Send + Sync`, and shared
//! by all threads.
//!
//! ```no_run
//! use herodotus_core::{Article, Coder, Dictionaries, Date};
//! let coder = Coder::new(Dictionaries::load_dir("dict".as_ref()).unwrap());
//! let article = Article {
//!     id: "a1".into(),
//!     text: "Russian troops attacked Ukrainian positions near Kharkiv.".into(),
//!     date: Date::parse("2024-05-10"),
//!     ..Article::default()
//! };
//! for event in coder.code_article(&article).events {
//!     println!("{} {} {}", event.source_code, event.event_code, event.target_code);
//! }
//! ```

pub mod article;
pub mod codes;
pub mod date;
pub mod error;
pub mod event;

pub use article::Article;
pub use codes::{ActorCode, CameoCode, QuoteKind};
pub use date::Date;
pub use error::{Error, RecordError, Result};
pub use event::{Event, Place, Quote};
pub mod coder;
pub mod dict;
pub mod matcher;
pub mod sentences;
pub mod tokens;

pub use coder::{CodedArticle, Coder, CoderOptions, Mention};
pub use dict::ActorKind;
pub use dict::Dictionaries;
