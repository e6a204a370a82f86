//! `Pipeline.warc(...)`: a WARC file streamed record by record, each page extracted,
//! coded and enriched, each skipped record given a reason. This is what a Spark task
//! runs over its file; nothing a bad record does (corrupt gzip, binary body, a
//! panic in a stage) ends the stream.

use herodotus_core::{ActorCode, Article, Date, Event, Quote};
use herodotus_ingest::input::Record;
use herodotus_ingest::warc::{GzMembers, WarcReader};
use herodotus_pipeline::{FnSink, Pipeline, Processed};
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyPermissionError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use serde::Serialize;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A Python binary file object read from Rust (HDFS, S3 or any stream Python can
/// open); the GIL is taken for each read only.
struct PyReader {
    obj: Py<PyAny>,
}

impl Read for PyReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        Python::attach(|py| {
            let data = self
                .obj
                .call_method1(py, "read", (buf.len(),))
                .map_err(std::io::Error::other)?;
            let data = data.bind(py);
            let bytes = data.cast::<PyBytes>().map_err(|_| {
                std::io::Error::other("the file object's read() did not return bytes")
            })?;
            let b = bytes.as_bytes();
            let n = b.len().min(buf.len());
            buf[..n].copy_from_slice(&b[..n]);
            Ok(n)
        })
    }
}

type Reader = WarcReader<Box<dyn BufRead + Send>>;

/// A quote with its article's date, so quote tables can be partitioned by date.
#[derive(Serialize)]
struct DatedQuote<'a> {
    date: Option<Date>,
    #[serde(flatten)]
    quote: &'a Quote,
}

/// An event with its actors' countries (`ActorCode::country`), for the Spark job's
/// dyad tables; the other fields are the CLI's.
#[derive(Serialize)]
struct EventRow<'a> {
    #[serde(flatten)]
    event: &'a Event,
    source_country: &'a str,
    target_country: &'a str,
}

/// What became of one WARC record.
enum Outcome {
    Coded {
        date: Option<String>,
        article: String,
        events: Vec<String>,
        quotes: Vec<String>,
    },
    Skipped {
        reason: &'static str,
        message: String,
    },
}

/// WarcStream: iterate to get one tuple per WARC record that holds a page.
///
/// ('coded', date, article_json, [event_json, ...], [quote_json, ...]) for a page
/// coded (JSON as `herodotus extract`, `code` and `quotes` write it; events add
/// `source_country` and `target_country`, quotes the article's `date`), or ('skipped', reason, message) with reason one of
/// 'bad_record' (corrupt gzip member, truncated record, wrong Content-Length),
/// 'too_large', 'no_text' (binary or empty page), 'non_english', 'panic'.
/// `skips()` then counts the records passed over without a page: 'not_response'
/// (warcinfo, request, metadata), 'not_html', 'not_ok' (HTTP status not 200).
#[pyclass(module = "herodotus._herodotus", name = "WarcStream")]
pub struct WarcStream {
    pipeline: Arc<Pipeline>,
    // A Mutex makes the stream shareable (pyclasses must be Sync); one task uses it.
    reader: Mutex<Reader>,
    max_page: usize,
}

impl WarcStream {
    pub(crate) fn open(
        pipeline: Arc<Pipeline>,
        source: &Bound<'_, PyAny>,
        name: Option<String>,
        max_page: usize,
    ) -> PyResult<WarcStream> {
        let (raw, name): (Box<dyn Read + Send>, String) =
            if let Ok(path) = source.extract::<PathBuf>() {
                let shown = path.display().to_string();
                let f = std::fs::File::open(&path).map_err(|e| {
                    let msg = format!("{shown}: {e}");
                    match e.kind() {
                        std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(msg),
                        std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(msg),
                        _ => PyOSError::new_err(msg),
                    }
                })?;
                (Box::new(f), name.unwrap_or(shown))
            } else if source.hasattr("read")? {
                let shown = match name {
                    Some(n) => n,
                    None => source
                        .getattr("name")
                        .and_then(|n| n.str().map(|s| s.to_string()))
                        .unwrap_or_else(|_| "stream".to_string()),
                };
                (
                    Box::new(PyReader {
                        obj: source.clone().unbind(),
                    }),
                    shown,
                )
            } else {
                return Err(crate::type_error(
                    "source",
                    "a path or a binary file object",
                    source,
                ));
            };
        let mut raw = BufReader::with_capacity(256 * 1024, raw);
        let gz = source
            .py()
            .detach(|| raw.fill_buf().map(herodotus_ingest::is_gzip))
            .map_err(|e| PyOSError::new_err(format!("{name}: read error: {e}")))?;
        let reader: Box<dyn BufRead + Send> = if gz {
            // Gzip per record: a corrupt member costs one record, not the file.
            Box::new(BufReader::with_capacity(256 * 1024, GzMembers::new(raw)))
        } else {
            Box::new(raw)
        };
        Ok(WarcStream {
            pipeline,
            reader: Mutex::new(WarcReader::new(reader, &name, None)),
            max_page,
        })
    }

    fn next_outcome(&self) -> Option<Outcome> {
        let record = self
            .reader
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .next()?;
        let origin = match &record {
            Ok(Record::Page(p)) => p.origin.clone(),
            Ok(Record::Article(a)) => a.id.clone(),
            Err(e) => e.origin.clone(),
        };
        let pipeline = &self.pipeline;
        let max_page = self.max_page;
        let work = move || -> Outcome {
            let article: Article = match record {
                Err(e) => {
                    return Outcome::Skipped {
                        reason: "bad_record",
                        message: e.to_string(),
                    }
                }
                Ok(Record::Page(p)) if p.bytes.len() > max_page => {
                    return Outcome::Skipped {
                        reason: "too_large",
                        message: format!(
                            "{}: page of {} bytes, more than max_page_bytes={max_page}",
                            p.origin,
                            p.bytes.len()
                        ),
                    }
                }
                Ok(r) => match r.finish() {
                    Ok(a) => a,
                    Err(e) => {
                        return Outcome::Skipped {
                            reason: "no_text",
                            message: e.to_string(),
                        }
                    }
                },
            };
            // One article through the library pipeline, which applies the CLI's
            // rules (another language: counted, not coded).
            let mut done: Option<(Article, Processed)> = None;
            let mut sink = FnSink(|a, p| {
                done = Some((a, p));
                Ok(())
            });
            let lang = article.language.clone();
            let id = article.id.clone();
            let stats = pipeline.run(std::iter::once(Ok(article)), &mut sink, &mut |_| {});
            let (article, processed) = match (stats, done) {
                (Ok(_), Some(d)) => d,
                (Ok(s), None) if s.non_english > 0 => {
                    return Outcome::Skipped {
                        reason: "non_english",
                        message: format!("{id}: language {}", lang.unwrap_or_default()),
                    }
                }
                (Ok(_), None) => {
                    return Outcome::Skipped {
                        reason: "declined",
                        message: format!("{id}: not coded"),
                    }
                }
                (Err(e), _) => {
                    return Outcome::Skipped {
                        reason: "error",
                        message: format!("{id}: {e}"),
                    }
                }
            };
            let (events, quotes) = (processed.coded.events, processed.quotes);
            let date = article.date;
            Outcome::Coded {
                date: date.map(|d| d.to_string()),
                article: serde_json::to_string(&article).expect("article serialises"),
                events: events
                    .iter()
                    .map(|event| {
                        let row = EventRow {
                            event,
                            source_country: ActorCode::new(&event.source_code).country(),
                            target_country: ActorCode::new(&event.target_code).country(),
                        };
                        serde_json::to_string(&row).expect("event serialises")
                    })
                    .collect(),
                quotes: quotes
                    .iter()
                    .map(|quote| {
                        serde_json::to_string(&DatedQuote { date, quote })
                            .expect("quote serialises")
                    })
                    .collect(),
            }
        };
        // A panic in any stage costs its record only; the message is kept.
        Some(
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|p| {
                let what = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Outcome::Skipped {
                    reason: "panic",
                    message: format!("{origin}: panic: {what}"),
                }
            }),
        )
    }
}

#[pymethods]
impl WarcStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let Some(outcome) = py.detach(|| self.next_outcome()) else {
            return Ok(None);
        };
        let t = match outcome {
            Outcome::Coded {
                date,
                article,
                events,
                quotes,
            } => (
                "coded",
                date,
                article,
                PyList::new(py, events)?,
                PyList::new(py, quotes)?,
            )
                .into_pyobject(py)?,
            Outcome::Skipped { reason, message } => {
                (PyString::new(py, "skipped"), reason, message).into_pyobject(py)?
            }
        };
        Ok(Some(t))
    }

    /// Records passed over without a page so far: a dict with 'not_response',
    /// 'not_html' and 'not_ok'.
    fn skips<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self
            .reader
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .skips();
        let d = PyDict::new(py);
        d.set_item("not_response", s.not_response)?;
        d.set_item("not_html", s.not_html)?;
        d.set_item("not_ok", s.not_ok)?;
        Ok(d)
    }
}
