"""herodotus: who did what to whom, when, where, and what they said -- CAMEO event
data from news text.

The engine is the herodotus Rust library; this package calls it directly, with the
GIL released while it works, and hands results back as plain dicts whose fields
are those of the command line's JSONL output (``herodotus code``).

    >>> import herodotus
    >>> p = herodotus.Pipeline()                  # built-in dictionaries, loaded once
    >>> events = p.code("Russian troops attacked Ukrainian positions near Kharkiv.",
    ...                 date="2024-05-10")
    >>> [(e["source_code"], e["event_code"], e["target_code"]) for e in events]
    [('RUSMIL', '190', 'UKR')]

Main entry points, all methods of :class:`Pipeline`:

* ``code(text, date=None, id=None)``: events of one text;
* ``code_many(articles, threads=None)``: events of many articles on all cores;
* ``extract(html_bytes, url=None)``: main text and metadata of an HTML page;
* ``quotes(text)``: quotations with their speakers;
* ``warc(path_or_file)``: a WARC file streamed record by record (what the Spark
  job runs);
* ``to_arrow(events)``: a ``pyarrow.Table`` (``.to_pandas()`` for pandas).

Errors are ``ValueError`` (bad input, with the CLI's message naming the record)
and ``OSError`` (files); arguments of the wrong type raise ``TypeError`` naming
the argument. ``herodotus-spark`` (see :mod:`herodotus.spark`) codes Common Crawl
news WARC files on an Apache Spark cluster.
"""

import os
import threading
from typing import Any, Dict, Iterable, List, Optional, Tuple

from herodotus._herodotus import Pipeline as _Pipeline
from herodotus._herodotus import WarcStream, __version__

__all__ = ["Pipeline", "WarcStream", "__version__"]

# One pipeline per process and dictionary set: unpickling (a Spark task's closure)
# reuses the process's pipeline instead of loading the dictionaries again.
_PIPELINES: Dict[Tuple[Any, Optional[str], Optional[str]], "Pipeline"] = {}
_PIPELINES_LOCK = threading.Lock()


def _rebuild(cls: type, dicts: Optional[str], petrarch_dicts: Optional[str]) -> "Pipeline":
    """Unpickles a Pipeline: the process's one for these paths, built on first use."""
    key = (cls, dicts, petrarch_dicts)
    with _PIPELINES_LOCK:
        p = _PIPELINES.get(key)
        if p is None:
            p = cls(dicts=dicts, petrarch_dicts=petrarch_dicts)
            _PIPELINES[key] = p
        return p


class Pipeline(_Pipeline):
    """The herodotus pipeline: dictionaries loaded and compiled once, then
    extraction, coding and enrichment of any number of articles, from any number
    of threads.

    ``dicts`` is a dictionary directory in herodotus format and
    ``petrarch_dicts`` a PETRARCH/TABARI one; with neither, the built-in
    dictionaries are used. A Pipeline pickles as these paths: unpickling gives the
    process's Pipeline for those paths, loaded on first use, so each Spark
    executor process loads the dictionaries once.
    """

    __slots__ = ()

    def __reduce__(self) -> Tuple[Any, Tuple[Any, Optional[str], Optional[str]]]:
        def path(p: Any) -> Optional[str]:
            return None if p is None else os.fspath(p)

        return (_rebuild, (type(self), path(self.dicts), path(self.petrarch_dicts)))

    def to_arrow(self, rows: Iterable[Dict[str, Any]]) -> "Any":
        """Events (or articles, or quotes) as returned by this pipeline, as a
        ``pyarrow.Table`` with one column per field; nested fields (spans,
        places, quotes) become list and struct columns. ``.to_pandas()`` on the
        result gives a pandas DataFrame. Needs pyarrow
        (``pip install 'herodotus[arrow]'``).
        """
        try:
            import pyarrow
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(
                "Pipeline.to_arrow needs pyarrow: pip install 'herodotus[arrow]'"
            ) from e
        if isinstance(rows, (str, bytes, dict)) or not hasattr(rows, "__iter__"):
            raise TypeError(
                "argument 'rows': expected an iterable of dicts, got %s"
                % type(rows).__name__
            )
        rows = list(rows)
        for i, r in enumerate(rows):
            if not isinstance(r, dict):
                raise TypeError(
                    "argument 'rows': rows[%d] is %s, expected dict" % (i, type(r).__name__)
                )
        return pyarrow.Table.from_pylist(rows)
