//! The [`Coder`]: compiled dictionaries plus the per-article coding pipeline.

use crate::article::Article;
use crate::dict::Dictionaries;
use crate::event::Event;
use serde::Serialize;

/// What kind of thing an actor entry names; pronouns and short references
/// ("he", "the group") resolve to the last mention of a fitting kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A country, its adjective or demonym, or a seat of power.
    Country,
    /// An international or non-governmental organisation.
    Organisation,
    /// A non-state armed or political group.
    Group,
    /// A person.
    Person,
    /// A role noun composed with a country ("Russian troops").
    Agent,
    /// Anything else.
    Other,
}

/// An actor found in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// Index of the sentence it is in.
    pub sentence_index: usize,
    /// Byte span in the article text.
    pub span: [usize; 2],
    /// The resolved actor code for the article date, if any.
    pub code: Option<String>,
    /// The canonical name of the dictionary entry (e.g. "Vladimir Putin").
    pub name: String,
    /// The kind of entry.
    pub kind: ActorKind,
}

/// The result of coding one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CodedArticle {
    /// Byte spans of the sentences in the article text.
    pub sentences: Vec<[usize; 2]>,
    /// Actors found, in text order.
    pub mentions: Vec<Mention>,
    /// Coded events, in text order.
    pub events: Vec<Event>,
    /// True when a story-level discard phrase matched (no events are coded).
    pub discarded: bool,
}

/// Compiled dictionaries: immutable, `Send + Sync`, shared by all threads.
pub struct Coder {
    #[allow(dead_code)] // filled in by the engine work
    dicts: Dictionaries,
}

impl Coder {
    /// Compiles dictionaries into a coder.
    pub fn new(dicts: Dictionaries) -> Coder {
        Coder { dicts }
    }

    /// Codes one article.
    pub fn code_article(&self, article: &Article) -> CodedArticle {
        let _ = article;
        CodedArticle::default()
    }
}
