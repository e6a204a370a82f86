"""herodotus-spark: code Common Crawl news (WARC files) on Apache Spark.

    herodotus-spark WARC_LIST OUTPUT_DIR [--master local[2]] [--partitions N]
                    [--dicts DIR | --petrarch-dicts DIR] [--max-page-bytes N]

WARC_LIST is a text file (local or any Hadoop filesystem URI) naming one WARC
file per line: local paths, ``file://``, or URIs that pyarrow.fs (HDFS, S3, GCS)
or fsspec can open on the executors. Each WARC file is one task that streams
its file record by record through :meth:`herodotus.Pipeline.warc`; each
executor process builds one Pipeline and reuses it for all its tasks.

OUTPUT_DIR receives Parquet tables partitioned by ``date``: ``events/`` (the
fields of ``herodotus code``, plus ``source_country`` and ``target_country``), ``articles/`` (those of ``herodotus extract``) and
``quotes/`` (those of ``herodotus quotes`` plus ``date``), the dyad-by-day table
``dyad_day/`` made with Spark SQL, ``files/`` with one row per WARC file (its
counts, status and error), and ``summary.json`` with the totals.

A WARC file that cannot be opened or read is logged, counted as failed and
listed in ``files/``; the job goes on and exits with status 1 at the end. Bad
records inside a file (a corrupt gzip member, a non-HTML response, a page over
``--max-page-bytes``, a non-English page, a page without text) are skipped and
counted by reason.
"""

import argparse
import json
import os
import sys
import time
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

import herodotus

#: Reasons a record is skipped: from the stream's tuples, then from its skips().
RECORD_REASONS = ("bad_record", "too_large", "no_text", "non_english", "panic", "error")
PASSED_OVER = ("not_response", "not_html", "not_ok")

#: Messages of skipped records written to an executor's log per file.
LOGGED_PER_FILE = 20

_ROW_SCHEMA = "kind string, date string, json string"


def _open(path: str) -> Any:
    """A path Rust can open itself, or a binary file object for other filesystems."""
    if "://" not in path:
        return path
    if path.startswith("file://"):
        return path[len("file://"):]
    errors = []
    try:
        import pyarrow.fs

        fs, inner = pyarrow.fs.FileSystem.from_uri(path)
        return fs.open_input_stream(inner)
    except ImportError as e:
        errors.append("pyarrow: %s" % e)
    except Exception as e:  # the filesystem exists but the file does not open
        raise OSError("%s: %s" % (path, e)) from e
    try:
        import fsspec

        return fsspec.open(path, "rb").open()
    except ImportError as e:
        errors.append("fsspec: %s" % e)
    raise OSError("%s: no filesystem for this URI (%s)" % (path, "; ".join(errors)))


def code_warc(
    pipeline: "herodotus.Pipeline", path: str, max_page_bytes: Optional[int] = None
) -> Iterator[Tuple[str, Optional[str], str]]:
    """Rows (kind, date, json) of one WARC file, then one ('file', None, stats) row.

    kind is 'article', 'event' or 'quote'. Never raises: a file that fails is a
    'file' row with status 'failed' and its error.
    """
    stats: Dict[str, Any] = {
        "warc": path,
        "status": "ok",
        "error": None,
        "records": 0,
        "coded": 0,
        "events": 0,
        "quotes": 0,
        "skipped": dict.fromkeys(RECORD_REASONS + PASSED_OVER, 0),
        "seconds": 0.0,
    }
    start = time.perf_counter()
    logged = 0
    try:
        stream = pipeline.warc(_open(path), name=path, max_page_bytes=max_page_bytes)
        for item in stream:
            stats["records"] += 1
            if item[0] == "coded":
                _, date, article, events, quotes = item
                stats["coded"] += 1
                stats["events"] += len(events)
                stats["quotes"] += len(quotes)
                yield ("article", date, article)
                for e in events:
                    yield ("event", date, e)
                for q in quotes:
                    yield ("quote", date, q)
            else:
                _, reason, message = item
                stats["skipped"][reason] = stats["skipped"].get(reason, 0) + 1
                if logged < LOGGED_PER_FILE:
                    print("herodotus-spark: skipped (%s) %s" % (reason, message), file=sys.stderr)
                    logged += 1
        for reason, n in stream.skips().items():
            stats["skipped"][reason] += n
            stats["records"] += n
    except BaseException as e:  # noqa: B902 - a Rust panic is a BaseException
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        stats["status"] = "failed"
        stats["error"] = "%s: %s" % (type(e).__name__, e)
        print("herodotus-spark: WARC failed: %s: %s" % (path, stats["error"]), file=sys.stderr)
    stats["seconds"] = round(time.perf_counter() - start, 3)
    yield ("file", None, json.dumps(stats))


def _partition(
    pipeline: "herodotus.Pipeline", max_page_bytes: Optional[int]
):  # -> Callable[[Iterable[str]], Iterator[Tuple[str, Optional[str], str]]]
    def run(paths: Iterable[str]) -> Iterator[Tuple[str, Optional[str], str]]:
        for path in paths:
            yield from code_warc(pipeline, path, max_page_bytes)

    return run


def read_list(spark: Any, warc_list: str) -> List[str]:
    """WARC paths of the list file: one a line; blank lines and '#' comments skipped."""
    lines = spark.sparkContext.textFile(warc_list).collect()
    return [l.strip() for l in lines if l.strip() and not l.strip().startswith("#")]


#: The dyad-by-day table: one row per date and pair of actor countries (the
#: country part of the codes, from herodotus_core::ActorCode in the stream).
DYAD_DAY_SQL = """
SELECT date,
       source_country,
       target_country,
       COUNT(*)                                 AS events,
       COUNT(DISTINCT article_id)               AS articles,
       ROUND(AVG(goldstein), 3)                 AS goldstein_mean,
       SUM(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END) AS verbal_cooperation,
       SUM(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END) AS material_cooperation,
       SUM(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END) AS verbal_conflict,
       SUM(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END) AS material_conflict,
       ROUND(AVG(article_tone), 3)              AS tone_mean
FROM events
WHERE target_country <> ''
GROUP BY date, source_country, target_country
"""


def run(
    spark: Any,
    warcs: List[str],
    output: str,
    partitions: Optional[int] = None,
    dicts: Optional[str] = None,
    petrarch_dicts: Optional[str] = None,
    max_page_bytes: Optional[int] = None,
) -> Dict[str, Any]:
    """Codes `warcs` on `spark` into `output`; returns the summary (also written
    as OUTPUT/summary.json)."""
    from pyspark import StorageLevel
    from pyspark.sql import DataFrame

    started = time.perf_counter()
    # Pickles as its dictionary paths; each executor process loads it once.
    pipeline = herodotus.Pipeline(dicts=dicts, petrarch_dicts=petrarch_dicts)
    n = partitions or max(1, len(warcs))
    rows = spark.sparkContext.parallelize(warcs, n).mapPartitions(_partition(pipeline, max_page_bytes))
    # Rows enter the JVM once and are cached there: every table below is read from
    # the cache, without another trip through Python workers.
    df = spark.createDataFrame(rows, schema=_ROW_SCHEMA).persist(StorageLevel.MEMORY_AND_DISK)
    files = [json.loads(r.json) for r in df.filter(df.kind == "file").select("json").collect()]
    coded_at = time.perf_counter()

    jvm = spark.sparkContext._jvm
    written = {}
    for kind, table in (("event", "events"), ("article", "articles"), ("quote", "quotes")):
        jsons = df.filter(df.kind == kind).select("json")
        # The JSON is the CLI's; Spark infers the schema from all rows (so a field
        # that is rare, like a place's adm1, is kept), in the JVM.
        strings = getattr(jsons._jdf, "as")(jvm.org.apache.spark.sql.Encoders.STRING())
        t = DataFrame(spark._jsparkSession.read().json(strings), spark)
        if "date" not in t.columns:  # no rows of this kind
            written[table] = 0
            continue
        # One file per date rather than one per task and date.
        t = t.repartition("date")
        t.write.mode("overwrite").partitionBy("date").parquet("%s/%s" % (output, table))
        written[table] = True
        if kind == "event":
            t.createOrReplaceTempView("events")
            dyad = spark.sql(DYAD_DAY_SQL)
            dyad = dyad.repartition("date")
            dyad.write.mode("overwrite").partitionBy("date").parquet("%s/dyad_day" % output)

    spark.createDataFrame(
        [(f["warc"], f["status"], f["error"], f["records"], f["coded"], f["events"], f["quotes"],
          json.dumps(f["skipped"]), f["seconds"]) for f in files],
        schema="warc string, status string, error string, records long, coded long, "
        "events long, quotes long, skipped string, seconds double",
    ).coalesce(1).write.mode("overwrite").parquet("%s/files" % output)
    df.unpersist()

    tables = [t for t in ("events", "articles", "quotes") if written.get(t)]
    tables += ["dyad_day"] if written.get("events") else []
    tables += ["files"]
    skipped: Dict[str, int] = {}
    for f in files:
        for reason, c in f["skipped"].items():
            skipped[reason] = skipped.get(reason, 0) + c
    summary = {
        "warc_files": len(warcs),
        "warc_failed": sum(1 for f in files if f["status"] != "ok"),
        "failed": [{"warc": f["warc"], "error": f["error"]} for f in files if f["status"] != "ok"],
        "records_read": sum(f["records"] for f in files),
        "records_coded": sum(f["coded"] for f in files),
        "records_skipped": sum(skipped.values()),
        "skipped": {k: v for k, v in skipped.items() if v},
        "events": sum(f["events"] for f in files),
        "quotes": sum(f["quotes"] for f in files),
        "tables": tables,
        "task_seconds": round(sum(f["seconds"] for f in files), 3),
        "coding_stage_seconds": round(coded_at - started, 3),
        "seconds": round(time.perf_counter() - started, 3),
    }
    _write_text(spark, "%s/summary.json" % output, json.dumps(summary, indent=2))
    return summary


def _write_text(spark: Any, path: str, text: str) -> None:
    """Writes a small file through Hadoop's FileSystem, so OUTPUT_DIR may be any URI."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    p = jvm.org.apache.hadoop.fs.Path(path)
    out = p.getFileSystem(conf).create(p, True)
    try:
        out.write(bytearray(text.encode("utf-8")))
    finally:
        out.close()


def main(argv: Optional[List[str]] = None) -> int:
    """The ``herodotus-spark`` console script."""
    ap = argparse.ArgumentParser(
        prog="herodotus-spark",
        description="Code Common Crawl news WARC files into CAMEO events with Apache Spark.",
    )
    ap.add_argument("warc_list", metavar="WARC_LIST", help="file listing WARC paths or URIs, one a line")
    ap.add_argument("output", metavar="OUTPUT_DIR", help="output directory (local or Hadoop URI)")
    ap.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    ap.add_argument("--partitions", type=int, default=None, metavar="N",
                    help="input partitions (default: one per WARC file, i.e. one task per file)")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--dicts", default=None, metavar="DIR", help="dictionary directory (herodotus format)")
    group.add_argument("--petrarch-dicts", default=None, metavar="DIR", help="PETRARCH/TABARI dictionary directory")
    ap.add_argument("--max-page-bytes", type=int, default=None, metavar="N",
                    help="skip pages larger than this (default 10,000,000)")
    args = ap.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        ap.error("--partitions must be at least 1")

    from pyspark.sql import SparkSession

    if (args.master or "").startswith("local"):
        # Local workers run this interpreter, which has herodotus installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("herodotus-spark")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        warcs = read_list(spark, args.warc_list)
        summary = run(spark, warcs, args.output, args.partitions, args.dicts,
                      args.petrarch_dicts, args.max_page_bytes)
    finally:
        spark.stop()
    print(json.dumps(summary, indent=2))
    print(
        "herodotus-spark: %d WARC files (%d failed), %d records read, %d coded, %d skipped, %d events"
        % (summary["warc_files"], summary["warc_failed"], summary["records_read"],
           summary["records_coded"], summary["records_skipped"], summary["events"]),
        file=sys.stderr,
    )
    return 1 if summary["warc_failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
