//! Where processed articles go.

use crate::{Processed, Result};
use herodotus_core::Article;

/// A destination for processed articles, called in input order from one thread
/// (ripgrep's `Sink`): JSONL, CSV, GDELT TSV, the SQLite store, Parquet, or a
/// collector of the caller's own.
///
/// The pipeline calls [`begin`](EventSink::begin) once, then for each readable
/// article [`wants`](EventSink::wants) (when the article is read) and, if it is
/// wanted, [`write`](EventSink::write) (after coding), then
/// [`finish`](EventSink::finish) once after the last article.
pub trait EventSink {
    /// Before the first article (a header line, say).
    fn begin(&mut self) -> Result<()> {
        Ok(())
    }

    /// Whether `article` needs coding; `false` skips it (the store declines
    /// articles it already holds). Counted in [`crate::RunStats::declined`].
    fn wants(&mut self, article: &Article) -> Result<bool> {
        let _ = article;
        Ok(true)
    }

    /// One processed article.
    fn write(&mut self, article: Article, processed: Processed) -> Result<()>;

    /// After the last article: flush, commit.
    fn finish(&mut self) -> Result<()> {
        Ok(())
    }
}

impl<S: EventSink + ?Sized> EventSink for &mut S {
    fn begin(&mut self) -> Result<()> {
        (**self).begin()
    }
    fn wants(&mut self, article: &Article) -> Result<bool> {
        (**self).wants(article)
    }
    fn write(&mut self, article: Article, processed: Processed) -> Result<()> {
        (**self).write(article, processed)
    }
    fn finish(&mut self) -> Result<()> {
        (**self).finish()
    }
}

impl<S: EventSink + ?Sized> EventSink for Box<S> {
    fn begin(&mut self) -> Result<()> {
        (**self).begin()
    }
    fn wants(&mut self, article: &Article) -> Result<bool> {
        (**self).wants(article)
    }
    fn write(&mut self, article: Article, processed: Processed) -> Result<()> {
        (**self).write(article, processed)
    }
    fn finish(&mut self) -> Result<()> {
        (**self).finish()
    }
}

/// A sink that calls a closure for every processed article (collectors in the
/// CLI, tests).
pub struct FnSink<F>(pub F);

impl<F: FnMut(Article, Processed) -> Result<()>> EventSink for FnSink<F> {
    fn write(&mut self, article: Article, processed: Processed) -> Result<()> {
        (self.0)(article, processed)
    }
}
