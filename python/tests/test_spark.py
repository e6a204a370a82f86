"""herodotus-spark on local[2] over WARC files written here, with a missing file
and every kind of bad record mixed in. Needs pyspark and Java 17+; .ci/run sets
HERODOTUS_REQUIRE_SPARK=1 so that a missing one fails instead of skipping."""

import json
import os
import shutil
import subprocess
import sys

import pytest

import herodotus
import warcgen


def _spark_available():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed"
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        return "no java"
    return None


def test_spark_job_on_local_2(tmp_path, pipeline):
    why = _spark_available()
    if why:
        if os.environ.get("HERODOTUS_REQUIRE_SPARK"):
            pytest.fail(why)
        pytest.skip(why)
    pq = pytest.importorskip("pyarrow.parquet")
    arts = warcgen.articles()
    half = len(arts) // 2
    a = tmp_path / "CC-NEWS-a.warc.gz"
    b = tmp_path / "CC-NEWS-b.warc.gz"
    bad = warcgen.hostile_records()
    warcgen.write_warc(str(a), warcgen.sample_pages(arts[:half]), extra=list(bad.values()))
    warcgen.write_warc(str(b), warcgen.sample_pages(arts[half:]), corrupt_after=0)
    lst = tmp_path / "warcs.txt"
    missing = tmp_path / "missing.warc.gz"
    lst.write_text("# CC-NEWS sample\n%s\nfile://%s\n\n%s\n" % (a, b, missing))
    out = tmp_path / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    script = os.path.join(os.path.dirname(sys.executable), "herodotus-spark")
    proc = subprocess.run(
        [script, str(lst), str(out), "--master", "local[2]"],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert proc.returncode == 1, proc.stderr[-3000:]  # one WARC failed
    summary = json.loads((out / "summary.json").read_text())
    assert summary["warc_files"] == 3 and summary["warc_failed"] == 1
    assert "missing.warc.gz" in summary["failed"][0]["warc"]
    assert summary["failed"][0]["error"].startswith("FileNotFoundError")
    # Every record is accounted for: coded, or skipped with a reason.
    assert summary["records_coded"] == len(arts) - 1
    assert summary["skipped"] == {
        "bad_record": 1, "too_large": 1, "non_english": 1, "no_text": 1,
        "not_response": 2, "not_html": 1, "not_ok": 1,
    }, summary["skipped"]
    assert summary["records_read"] == summary["records_coded"] + summary["records_skipped"]
    assert "herodotus-spark: 3 WARC files (1 failed)" in proc.stderr

    # The events are those the Python API gives for the same WARC files.
    expected = []
    for path in (a, b):
        for item in pipeline.warc(str(path)):
            if item[0] == "coded":
                expected += [json.loads(e) for e in item[3]]
    events = pq.read_table(str(out / "events")).to_pylist()
    assert all(e["source_country"] == e["source_code"][:3] for e in events)
    assert summary["events"] == len(expected) == len(events) > 0
    key = lambda e: (e["article_id"], e["sentence_index"], e["source_code"], e["event_code"],
                     e["target_code"], str(e["date"]))
    assert sorted(map(key, events)) == sorted(map(key, expected))
    # Partitioned by date; articles and quotes too; the dyad table sums to the events.
    assert any(p.startswith("date=") for p in os.listdir(out / "events"))
    articles = pq.read_table(str(out / "articles"))
    assert articles.num_rows == summary["records_coded"]
    quotes = pq.read_table(str(out / "quotes"))
    assert quotes.num_rows == summary["quotes"] > 0
    dyad = pq.read_table(str(out / "dyad_day")).to_pylist()
    assert sum(r["events"] for r in dyad) == sum(1 for e in expected if e["target_code"])
    files = pq.read_table(str(out / "files")).to_pylist()
    assert sorted(f["status"] for f in files) == ["failed", "ok", "ok"]
