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

from typing import Any, Dict, Iterable, List

from herodotus._herodotus import Pipeline as _Pipeline
from herodotus._herodotus import WarcStream, __version__

__all__ = ["Pipeline", "WarcStream", "__version__"]


class Pipeline(_Pipeline):
    """Pipeline(dicts=None, petrarch_dicts=None)

    The herodotus pipeline: dictionaries loaded and compiled once, then
    extraction, coding and enrichment of any number of articles, from any number
    of threads.

    ``dicts`` is a dictionary directory in herodotus format and
    ``petrarch_dicts`` a PETRARCH/TABARI one; with neither, the built-in
    dictionaries are used. A Pipeline pickles as these paths, so a Spark executor
    that receives one loads the same dictionaries itself.
    """

    def to_arrow(self, rows: Iterable[Dict[str, Any]]) -> "Any":
        """to_arrow(rows) -> pyarrow.Table

        Events (or articles, or quotes) as returned by this pipeline, as a
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
