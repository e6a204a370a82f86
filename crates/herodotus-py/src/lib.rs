//! Python bindings of herodotus: the `herodotus._herodotus` extension module behind
//! the `herodotus` Python package (`python/`), built with maturin.
//!
//! The bindings only convert: every step (reading articles and WARC records, HTML
//! extraction, coding, enrichment, quotes, the skip rules) is the Rust library's
//! (`herodotus_pipeline::Pipeline` and herodotus-ingest), and every event, article
//! or quote crosses into Python through the same `serde::Serialize` the CLI's JSON
//! writer uses ([`topy`]), so field names and values are those of `herodotus code`
//! by construction. The GIL is released while Rust works; `code_many` codes
//! batches on a rayon pool while the previous batch becomes dicts.

use herodotus_core::{Article, Date, Event, RecordError};
use herodotus_pipeline::{DictSource, FnSink, Options, Processed};
use pyo3::exceptions::{
    PyFileNotFoundError, PyOSError, PyPermissionError, PyRuntimeError, PyTypeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

mod topy;
mod warc;

use topy::ToPy;

/// Largest page a WARC stream codes by default: news pages are far smaller, and a
/// bigger one costs a task its memory and time for one record.
const DEFAULT_MAX_PAGE: usize = 10_000_000;

/// Articles coded together on the pool (the library's batch size).
const BATCH: usize = herodotus_pipeline::BATCH;

/// The herodotus pipeline (Rust): dictionaries loaded once, then extraction, coding
/// and enrichment from any number of threads. Holds the library pipeline, which is
/// immutable, and a thread pool per `threads` value asked for.
#[pyclass(module = "herodotus._herodotus", name = "Pipeline", frozen, subclass)]
pub struct Pipeline {
    inner: Arc<herodotus_pipeline::Pipeline>,
    dicts: Option<PathBuf>,
    petrarch_dicts: Option<PathBuf>,
    pools: Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>,
}

/// Builds the library pipeline the way the CLI's `--dict` / `--petrarch-dicts` do.
fn build(
    dicts: Option<&PathBuf>,
    petrarch: Option<&PathBuf>,
) -> PyResult<herodotus_pipeline::Pipeline> {
    if dicts.is_some() && petrarch.is_some() {
        return Err(PyValueError::new_err(
            "give dicts or petrarch_dicts, not both",
        ));
    }
    let mut options = Options::default();
    options.dicts = DictSource::from_paths(dicts.cloned(), petrarch.cloned());
    let p = herodotus_pipeline::Pipeline::new(options).map_err(pipeline_error)?;
    for w in p.warnings() {
        eprintln!("herodotus: warning: {w}");
    }
    Ok(p)
}

/// The CLI's message, as `OSError` (with its subclass) when a file could not be
/// read and `ValueError` when its content is wrong.
fn pipeline_error(e: herodotus_pipeline::Error) -> PyErr {
    let msg = e.to_string();
    let io_kind = match &e {
        herodotus_pipeline::Error::Dictionaries {
            error: herodotus_core::Error::Io { error, .. },
            ..
        } => Some(error.kind()),
        herodotus_pipeline::Error::Io(error) => Some(error.kind()),
        herodotus_pipeline::Error::Dictionaries { .. } | herodotus_pipeline::Error::Builtin(_) => {
            None
        }
        _ => Some(std::io::ErrorKind::Other),
    };
    match io_kind {
        None => PyValueError::new_err(msg),
        Some(std::io::ErrorKind::NotFound) => PyFileNotFoundError::new_err(msg),
        Some(std::io::ErrorKind::PermissionDenied) => PyPermissionError::new_err(msg),
        Some(_) => PyOSError::new_err(msg),
    }
}

/// Extracts a required argument; a wrong type is a `TypeError` that names the
/// argument in its message (pyo3 itself only adds a note, which `str(e)` omits).
pub(crate) fn arg<'py, T>(name: &str, v: &Bound<'py, PyAny>) -> PyResult<T>
where
    T: for<'a> FromPyObject<'a, 'py>,
{
    v.extract::<T>()
        .map_err(|_| type_error(name, expected::<T>(), v))
}

/// The `TypeError` of an argument of the wrong type, naming the argument, what it
/// expects and the type it got: "argument 'html': expected bytes, got str".
pub(crate) fn type_error(name: &str, expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    let got = got
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    PyTypeError::new_err(format!("argument '{name}': expected {expected}, got {got}"))
}

/// [`arg`] for an optional argument: absent or `None` gives `None`.
pub(crate) fn opt_arg<'py, T>(name: &str, v: Option<&Bound<'py, PyAny>>) -> PyResult<Option<T>>
where
    T: for<'a> FromPyObject<'a, 'py>,
{
    match v {
        Some(v) if !v.is_none() => arg(name, v).map(Some),
        _ => Ok(None),
    }
}

/// The Python type name for messages.
fn expected<T>() -> &'static str {
    let t = std::any::type_name::<T>();
    if t.ends_with("String") {
        "str"
    } else if t.ends_with("PathBuf") {
        "str or os.PathLike"
    } else if t.ends_with("usize") {
        "int >= 0"
    } else {
        "another type"
    }
}

fn record_error(e: RecordError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A date argument: `str` (`YYYY-MM-DD`) or `datetime.date`; `None` stays `None`.
fn date_arg(arg: &str, v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let s: String = if let Ok(s) = v.cast::<PyString>() {
        s.extract::<String>()?
    } else {
        let date_type = v.py().import("datetime")?.getattr("date")?;
        if v.is_instance(&date_type)? {
            v.call_method0("isoformat")?.extract()?
        } else {
            return Err(type_error(arg, "str (YYYY-MM-DD) or datetime.date", v));
        }
    };
    s.parse::<Date>()
        .map(Some)
        .map_err(|e| PyValueError::new_err(format!("argument '{arg}': {e}")))
}

/// An article dict read directly, when it is in the plain shape (`id` a non-empty
/// str; `text` a str; `date` absent, None or a valid 'YYYY-MM-DD' str; `title`,
/// `url`, `source`, `language` absent, None or str; `authors` absent or a list of
/// str). Anything else gives `None`, and the caller reads the dict through
/// `json.dumps` and the CLI's JSONL reader, which accepts the same records and
/// words the errors; both give the same `Article` for a plain dict.
fn article_from_dict<'py>(d: &Bound<'py, PyDict>, default_date: Option<Date>) -> Option<Article> {
    let py = d.py();
    let get = |key: &Bound<'py, PyString>| d.get_item(key).ok().flatten();
    let opt_str = |key: &Bound<'py, PyString>| -> Option<Option<String>> {
        match get(key) {
            None => Some(None),
            Some(v) if v.is_none() => Some(None),
            Some(v) => v
                .cast::<PyString>()
                .ok()?
                .extract::<String>()
                .ok()
                .map(Some),
        }
    };
    let id = opt_str(pyo3::intern!(py, "id"))??;
    if id.is_empty() {
        return None;
    }
    let text = opt_str(pyo3::intern!(py, "text"))??;
    let date = match opt_str(pyo3::intern!(py, "date"))?
        .as_deref()
        .map(str::trim)
    {
        None | Some("") => default_date,
        Some(s) => Some(Date::parse(s)?),
    };
    let authors = match get(pyo3::intern!(py, "authors")) {
        None => Vec::new(),
        Some(v) => {
            let list = v.cast::<PyList>().ok()?;
            let mut out = Vec::with_capacity(list.len());
            for a in list.iter() {
                out.push(a.cast::<PyString>().ok()?.extract::<String>().ok()?);
            }
            out
        }
    };
    Some(
        Article::builder()
            .id(id)
            .text(text)
            .date(date)
            .title(opt_str(pyo3::intern!(py, "title"))?)
            .url(opt_str(pyo3::intern!(py, "url"))?)
            .source(opt_str(pyo3::intern!(py, "source"))?)
            .authors(authors)
            .language(opt_str(pyo3::intern!(py, "language"))?)
            .build(),
    )
}

impl Pipeline {
    fn pool(&self, threads: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
        let Some(n) = threads else {
            return Ok(None);
        };
        if n == 0 {
            return Err(PyValueError::new_err(
                "argument 'threads': must be at least 1",
            ));
        }
        let mut pools = self.pools.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(p) = pools.get(&n) {
            return Ok(Some(p.clone()));
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| PyOSError::new_err(format!("cannot start {n} threads: {e}")))?;
        let pool = Arc::new(pool);
        pools.insert(n, pool.clone());
        Ok(Some(pool))
    }

    /// Runs a batch through the library pipeline (in parallel on `pool` or rayon's
    /// global pool) and returns its events in input order. The pipeline applies
    /// the CLI's rules (articles in another language are skipped). No GIL needed.
    fn batch(
        inner: &herodotus_pipeline::Pipeline,
        batch: Vec<Article>,
        pool: Option<&rayon::ThreadPool>,
    ) -> herodotus_pipeline::Result<Vec<Event>> {
        let mut events = Vec::new();
        let mut sink = FnSink(|_, p: Processed| {
            events.extend(p.coded.events);
            Ok(())
        });
        let work = || inner.run(batch.into_iter().map(Ok), &mut sink, &mut |_| {});
        match pool {
            Some(p) => p.install(work),
            None => work(),
        }?;
        Ok(events)
    }

    /// The loop of `code_many`: reads `iter` into batches, codes batch k on the pool
    /// while batch k-1 becomes dicts appended to `out`.
    fn code_many_into<'py>(
        &self,
        iter: &Bound<'py, pyo3::types::PyIterator>,
        default_date: Option<Date>,
        pool: Option<Arc<rayon::ThreadPool>>,
        out: &Bound<'py, PyList>,
    ) -> PyResult<()> {
        let py = iter.py();
        let dumps = py.import("json")?.getattr("dumps")?;
        let kwargs = PyDict::new(py);
        // Dates and other values json cannot encode become their str(), which the
        // article reader then checks (`datetime.date` -> '2025-02-19').
        kwargs.set_item("default", py.import("builtins")?.getattr("str")?)?;
        let mut conv = ToPy::new(py);
        let mut pending: Option<Pending> = None;
        let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
        for (i, item) in iter.clone().enumerate() {
            let item = item?;
            let origin = format!("articles[{i}]");
            let article = if let Ok(text) = item.cast::<PyString>() {
                Article::builder()
                    .id(i.to_string())
                    .text(text.extract::<String>()?)
                    .date(default_date)
                    .build()
            } else if let Some(a) = item
                .cast::<PyDict>()
                .ok()
                .and_then(|d| article_from_dict(d, default_date))
            {
                a
            } else if item.cast::<PyDict>().is_ok() {
                let line: String = dumps.call((&item,), Some(&kwargs))?.extract()?;
                herodotus_core::article::article_from_json_line(
                    line.as_bytes(),
                    &origin,
                    default_date,
                )
                .map_err(record_error)?
            } else {
                return Err(PyTypeError::new_err(format!(
                    "argument 'articles': {origin} is {}, expected dict or str",
                    item.get_type().name()?
                )));
            };
            batch.push(article);
            if batch.len() == BATCH {
                // Batch k is coded while batch k-1 becomes Python objects.
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                let next = self.spawn_batch(full, pool.clone())?;
                if let Some(prev) = pending.replace(next) {
                    finish_batch(&mut conv, prev, out)?;
                }
            }
        }
        if let Some(prev) = pending.take() {
            finish_batch(&mut conv, prev, out)?;
        }
        if !batch.is_empty() {
            let last = self.spawn_batch(batch, pool)?;
            finish_batch(&mut conv, last, out)?;
        }
        Ok(())
    }

    /// Starts coding a batch on a thread of its own, so that the caller can turn
    /// the previous batch into Python objects (which needs the GIL) meanwhile.
    fn spawn_batch(
        &self,
        batch: Vec<Article>,
        pool: Option<Arc<rayon::ThreadPool>>,
    ) -> PyResult<Pending> {
        let inner = self.inner.clone();
        std::thread::Builder::new()
            .name("herodotus-batch".into())
            .spawn(move || Pipeline::batch(&inner, batch, pool.as_deref()))
            .map_err(|e| PyOSError::new_err(format!("cannot start a thread: {e}")))
    }
}

/// A batch being coded on another thread.
type Pending = std::thread::JoinHandle<herodotus_pipeline::Result<Vec<Event>>>;

/// Waits for a batch (GIL released) and appends its events to `out` as dicts.
fn finish_batch<'py>(
    conv: &mut ToPy<'py>,
    pending: Pending,
    out: &Bound<'py, PyList>,
) -> PyResult<()> {
    let events = out
        .py()
        .detach(|| pending.join())
        .map_err(|_| PyRuntimeError::new_err("herodotus: a coding thread panicked"))?
        .map_err(pipeline_error)?;
    for e in &events {
        out.append(conv.convert(e)?)?;
    }
    // The strings and vectors of a batch are freed without the GIL.
    out.py().detach(move || drop(events));
    Ok(())
}

#[pymethods]
impl Pipeline {
    /// Loads and compiles the dictionaries once: the built-in ones by default, a
    /// directory in herodotus format (`dicts`), or a PETRARCH/TABARI directory
    /// (`petrarch_dicts`). Thread-safe; pickles as its paths, so a Spark executor
    /// that unpickles it loads the same dictionaries.
    ///
    /// Raises OSError when a directory cannot be read and ValueError for a bad
    /// dictionary entry, with the CLI's messages (file and line).
    #[new]
    #[pyo3(signature = (dicts=None, petrarch_dicts=None))]
    fn new(
        py: Python<'_>,
        dicts: Option<&Bound<'_, PyAny>>,
        petrarch_dicts: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Pipeline> {
        let dicts: Option<PathBuf> = opt_arg("dicts", dicts)?;
        let petrarch_dicts: Option<PathBuf> = opt_arg("petrarch_dicts", petrarch_dicts)?;
        let (d, p) = (dicts.clone(), petrarch_dicts.clone());
        let inner = py.detach(move || build(d.as_ref(), p.as_ref()))?;
        Ok(Pipeline {
            inner: Arc::new(inner),
            dicts,
            petrarch_dicts,
            pools: Mutex::new(HashMap::new()),
        })
    }

    /// The dictionary directory given, or None for the built-in dictionaries.
    #[getter]
    fn dicts(&self) -> Option<PathBuf> {
        self.dicts.clone()
    }

    /// The PETRARCH dictionary directory given, or None.
    #[getter]
    fn petrarch_dicts(&self) -> Option<PathBuf> {
        self.petrarch_dicts.clone()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let args = (me.dicts.clone(), me.petrarch_dicts.clone());
        (slf.get_type(), args).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        match (&self.dicts, &self.petrarch_dicts) {
            (Some(d), _) => format!("Pipeline(dicts={:?})", d.display().to_string()),
            (None, Some(p)) => format!("Pipeline(petrarch_dicts={:?})", p.display().to_string()),
            (None, None) => "Pipeline()".to_string(),
        }
    }

    /// Codes one article's text. Returns a list of events, each a dict with the
    /// fields of a `herodotus code` JSONL line (source_code, target_code, event_code, goldstein,
    /// quad_class, plover, pattern, spans, sentence, tone, places, quotes...).
    /// `date` is 'YYYY-MM-DD' or a datetime.date; `id` defaults to 'text'.
    #[pyo3(signature = (text, date=None, id=None))]
    fn code<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        id: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let text: String = arg("text", text)?;
        let id: Option<String> = opt_arg("id", id)?;
        let article = Article::builder()
            .id(id.unwrap_or_else(|| "text".to_string()))
            .text(text)
            .date(date_arg("date", date)?)
            .build();
        let inner = &self.inner;
        let events = py
            .detach(|| Pipeline::batch(inner, vec![article], None))
            .map_err(pipeline_error)?;
        ToPy::new(py).list(&events)
    }

    /// Codes many articles on `threads` cores (default: all), with the GIL released
    /// while coding. Returns every event in input order, the same list
    /// `herodotus code` prints for these articles. Each article is a dict in the
    /// CLI's JSONL shape (`id`, `text`, optional `date`, `title`, `url`, `source`,
    /// `authors`, `language`) or a str (its id is then its position). `articles`
    /// may be any iterable, including a generator: it is read in batches. `date`
    /// is used for articles without one. Articles in another language than
    /// English are skipped, as by the CLI. A bad article raises ValueError naming
    /// its position (`articles[3]: ...`). Python's cyclic garbage collector is
    /// paused during the call (the event dicts cannot form cycles) and restored.
    #[pyo3(signature = (articles, threads=None, date=None))]
    fn code_many<'py>(
        &self,
        py: Python<'py>,
        articles: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads: Option<usize> = opt_arg("threads", threads)?;
        let default_date = date_arg("date", date)?;
        let pool = self.pool(threads)?;
        let iter = articles
            .try_iter()
            .map_err(|_| type_error("articles", "an iterable of dicts or str", articles))?;
        // The cyclic GC would run every few hundred new dicts and lists and walk
        // the growing result each time; none of them can form a cycle, so it is
        // paused while they are made (and restored even when an error is raised).
        let gc = py.import("gc")?;
        let gc_was_on = gc.call_method0("isenabled")?.is_truthy()?;
        if gc_was_on {
            gc.call_method0("disable")?;
        }
        let out = PyList::empty(py);
        let result = self.code_many_into(&iter, default_date, pool, &out);
        if gc_was_on {
            gc.call_method0("enable")?;
        }
        result?;
        Ok(out)
    }

    /// Main text and metadata of an HTML page (bytes, any charset). Returns an
    /// article dict in the shape `herodotus extract` writes and `code_many` reads: id,
    /// text, date, title, url, source, authors, language. `url` helps with the
    /// date and is kept when the page names no canonical URL. Raises ValueError
    /// when the page is binary, too large or has no main text.
    #[pyo3(signature = (html, url=None, id=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        html: &Bound<'py, PyAny>,
        url: Option<&Bound<'py, PyAny>>,
        id: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let url: Option<String> = opt_arg("url", url)?;
        let id: Option<String> = opt_arg("id", id)?;
        let bytes = html
            .cast::<PyBytes>()
            .map_err(|_| type_error("html", "bytes", html))?;
        let origin = url.clone().unwrap_or_else(|| "page".to_string());
        let mut ctx = herodotus_ingest::html::PageContext::default();
        ctx.url = url;
        let page = herodotus_ingest::PendingPage::new(
            id.unwrap_or_else(|| "page".to_string()),
            origin,
            bytes.as_bytes().to_vec(),
            ctx,
        );
        let article = py.detach(|| page.extract()).map_err(record_error)?;
        ToPy::new(py).convert(&article)
    }

    /// Quotations and reported speech with their speakers. Returns a list of
    /// dicts as `herodotus quotes` writes them: article_id, quote, speaker, speaker_code, kind
    /// ('direct' or 'indirect'), verb, span (byte offsets in `text`).
    #[pyo3(signature = (text, id=None))]
    fn quotes<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        id: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text: String = arg("text", text)?;
        let id: Option<String> = opt_arg("id", id)?;
        let article = Article::builder()
            .id(id.unwrap_or_else(|| "text".to_string()))
            .text(text)
            .build();
        let inner = &self.inner;
        let quotes = py.detach(|| inner.process(&article).quotes);
        Ok(ToPy::new(py).list(&quotes)?.into_any())
    }

    /// Streams a WARC file (gzipped per record, whole or not at all) record by
    /// record and returns a WarcStream: `source` is a local path or a binary file
    /// object (for example one opened on HDFS or S3). Yields one tuple per page, see WarcStream. Pages
    /// larger than `max_page_bytes` (default 10,000,000) are skipped with the
    /// reason 'too_large'.
    #[pyo3(signature = (source, name=None, max_page_bytes=None))]
    fn warc(
        &self,
        source: &Bound<'_, PyAny>,
        name: Option<&Bound<'_, PyAny>>,
        max_page_bytes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<warc::WarcStream> {
        let name: Option<String> = opt_arg("name", name)?;
        let max_page_bytes: usize =
            opt_arg("max_page_bytes", max_page_bytes)?.unwrap_or(DEFAULT_MAX_PAGE);
        warc::WarcStream::open(self.inner.clone(), source, name, max_page_bytes)
    }
}

/// herodotus: CAMEO event data from news text, in Rust, for Python.
#[pymodule]
fn _herodotus(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Pipeline>()?;
    m.add_class::<warc::WarcStream>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
