"""The Python API against the command line: same events, same errors, GIL released."""

import datetime
import json
import pickle
import subprocess
import threading
import time

import pytest

import herodotus
import warcgen
from conftest import cli_binary

SENTENCE = "Russian troops attacked Ukrainian positions near Kharkiv."


def test_code_returns_the_cli_fields(pipeline):
    events = pipeline.code(SENTENCE, date="2024-05-10", id="a1")
    assert [(e["source_code"], e["event_code"], e["target_code"]) for e in events] == [
        ("RUSMIL", "190", "UKR")
    ]
    e = events[0]
    assert e["article_id"] == "a1" and e["date"] == "2024-05-10"
    assert e["quad_class"] == 4 and e["goldstein"] < 0
    assert SENTENCE[e["verb_span"][0]:e["verb_span"][1]] == "attacked"
    # A datetime.date is the same as its ISO string.
    assert pipeline.code(SENTENCE, date=datetime.date(2024, 5, 10), id="a1") == events


def test_parity_with_the_cli_on_the_samples(pipeline):
    """code_many on samples/articles.jsonl gives exactly `herodotus code`'s events."""
    cli = cli_binary()
    if not cli:
        pytest.skip("no herodotus CLI built (set HERODOTUS_BIN)")
    out = subprocess.run([cli, "code", warcgen.SAMPLES], capture_output=True, check=True)
    expected = [json.loads(l) for l in out.stdout.decode("utf-8").splitlines()]
    got = pipeline.code_many(warcgen.articles())
    assert len(expected) > 20
    assert got == expected


def test_quotes_and_extract_match_the_cli(pipeline, tmp_path):
    cli = cli_binary()
    if not cli:
        pytest.skip("no herodotus CLI built (set HERODOTUS_BIN)")
    arts = warcgen.articles()
    out = subprocess.run([cli, "quotes", warcgen.SAMPLES], capture_output=True, check=True)
    expected = [json.loads(l) for l in out.stdout.decode("utf-8").splitlines()]
    got = [q for a in arts for q in pipeline.quotes(a["text"], id=a["id"])]
    assert expected and got == expected
    page = tmp_path / "story.html"
    page.write_bytes(warcgen.page(arts[0]))
    out = subprocess.run([cli, "extract", str(page)], capture_output=True, check=True)
    assert pipeline.extract(page.read_bytes(), id="story") == json.loads(out.stdout)


def test_extract_then_code_round_trip(pipeline):
    a = warcgen.articles()[0]
    art = pipeline.extract(warcgen.page(a), url="https://news.example/x", id=a["id"])
    assert art["title"] == a["title"] and art["date"] == a["date"] and art["language"] == "en"
    assert art["url"] == "https://news.example/x"
    # The extracted article codes like the original (same text paragraphs).
    assert pipeline.code_many([art]) == pipeline.code_many([a])


def test_code_many_inputs(pipeline):
    arts = warcgen.articles()
    # A generator, strings, a default date, and a thread count all work.
    gen = (a for a in arts)
    assert pipeline.code_many(gen, threads=1) == pipeline.code_many(arts, threads=2)
    ev = pipeline.code_many([SENTENCE], date="2024-05-10")
    assert ev and ev[0]["article_id"] == "0" and ev[0]["date"] == "2024-05-10"
    # Non-English articles are skipped as by the CLI.
    assert pipeline.code_many([{"id": "x", "text": SENTENCE, "language": "de"}]) == []
    assert pipeline.code_many([]) == []


def test_pickle_by_path(pipeline, tmp_path):
    data = pickle.dumps(pipeline)
    assert len(data) < 200  # paths, not dictionaries
    again = pickle.loads(data)
    assert isinstance(again, herodotus.Pipeline)
    assert again.code(SENTENCE) == pipeline.code(SENTENCE)


def test_to_arrow_and_pandas(pipeline):
    pa = pytest.importorskip("pyarrow")
    events = pipeline.code_many(warcgen.articles())
    table = pipeline.to_arrow(events)
    assert isinstance(table, pa.Table) and table.num_rows == len(events)
    assert table.column("event_code").to_pylist() == [e["event_code"] for e in events]
    assert table.to_pylist()[0]["source_span"] == events[0]["source_span"]
    pd = pytest.importorskip("pandas")
    df = table.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == len(events)
    with pytest.raises(TypeError, match="argument 'rows'"):
        pipeline.to_arrow([1, 2])


@pytest.mark.parametrize(
    "call, arg",
    [
        (lambda p: p.code(3), "text"),
        (lambda p: p.code("x", id=5), "id"),
        (lambda p: p.code("x", date=20240510), "date"),
        (lambda p: p.code_many(5), "articles"),
        (lambda p: p.code_many([{"id": "a", "text": "x"}, 3.5]), "articles"),
        (lambda p: p.code_many([], threads="two"), "threads"),
        (lambda p: p.extract("<html>"), "html"),
        (lambda p: p.quotes(b"text"), "text"),
        (lambda p: p.warc(42), "source"),
        (lambda p: herodotus.Pipeline(dicts=3), "dicts"),
    ],
)
def test_wrong_types_name_the_argument(pipeline, call, arg):
    with pytest.raises(TypeError, match="argument '%s'" % arg):
        call(pipeline)


def test_bad_values_give_the_cli_messages(pipeline, tmp_path):
    with pytest.raises(ValueError, match='bad date "2024-13-40": expected YYYY-MM-DD'):
        pipeline.code("x", date="2024-13-40")
    with pytest.raises(ValueError, match=r"articles\[1\]: .*id"):
        pipeline.code_many([{"id": "a", "text": "x"}, {"text": "no id"}])
    with pytest.raises(ValueError, match="threads"):
        pipeline.code_many([], threads=0)
    with pytest.raises(ValueError, match="binary content"):
        pipeline.extract(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(ValueError, match="no main text"):
        pipeline.extract(b"<html><body></body></html>")
    with pytest.raises(FileNotFoundError, match="loading dictionaries from .*missing"):
        herodotus.Pipeline(dicts=str(tmp_path / "missing"))
    with pytest.raises(ValueError, match="not both"):
        herodotus.Pipeline(dicts=str(tmp_path), petrarch_dicts=str(tmp_path))
    with pytest.raises(FileNotFoundError, match="nope.warc.gz"):
        pipeline.warc(str(tmp_path / "nope.warc.gz"))


def _long_text():
    arts = warcgen.articles(warcgen.BENCH)
    return "\n\n".join(a["text"] for a in arts)


def test_code_releases_the_gil(pipeline):
    """While one thread is inside Rust, another thread keeps running Python.

    The main thread counts loop turns per second alone, then while a second thread
    codes a long text. With the GIL held through the coding, it would get almost
    no turns (the interpreter only switches between bytecodes); with it released,
    it keeps a large share of its rate even on a loaded two-core machine.
    """
    text = _long_text()

    def spin(seconds):
        n, end = 0, time.perf_counter() + seconds
        while time.perf_counter() < end:
            n += 1
        return n / seconds

    alone = spin(0.3)
    done = threading.Event()
    elapsed = {}

    def work():
        t = time.perf_counter()
        pipeline.code(text)
        elapsed["t"] = time.perf_counter() - t
        done.set()

    th = threading.Thread(target=work)
    turns, start = 0, time.perf_counter()
    th.start()
    while not done.is_set():
        turns += 1
    th.join()
    during = turns / (time.perf_counter() - start)
    assert elapsed["t"] > 0.05, "the text codes too fast to measure"
    ratio = during / alone
    print("GIL test: main thread ran at %.0f%% of its solo rate while Rust coded for %.2fs"
          % (100 * ratio, elapsed["t"]))
    assert ratio > 0.2, ratio


def test_code_many_two_threads_not_slower(pipeline):
    """threads=2 is not slower than threads=1 beyond noise (the machine is shared,
    so a speed-up cannot be promised; the figure is printed)."""
    arts = warcgen.articles(warcgen.BENCH) * 3
    pipeline.code_many(arts[:50], threads=2)  # warm the pools

    def best(threads):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            pipeline.code_many(arts, threads=threads)
            times.append(time.perf_counter() - t)
        return min(times)

    one, two = best(1), best(2)
    print("code_many: %d articles, threads=1 %.3fs, threads=2 %.3fs, speed-up %.2fx"
          % (len(arts), one, two, one / two))
    assert two <= one * 1.25, (one, two)


def test_warc_stream_counts_every_bad_record(pipeline, tmp_path):
    arts = warcgen.articles()
    path = tmp_path / "mixed.warc.gz"
    bad = warcgen.hostile_records()
    warcgen.write_warc(str(path), warcgen.sample_pages(arts), extra=list(bad.values()),
                       corrupt_after=1)
    items = list(stream := pipeline.warc(str(path)))
    coded = [i for i in items if i[0] == "coded"]
    skipped = {}
    for i in items:
        if i[0] == "skipped":
            skipped[i[1]] = skipped.get(i[1], 0) + 1
    passed_over = stream.skips()
    assert len(coded) == len(arts) - 1  # the corrupt member costs one page
    assert skipped == {"bad_record": 1, "too_large": 1, "non_english": 1, "no_text": 1}, skipped
    assert passed_over == {"not_response": 1, "not_html": 1, "not_ok": 1}
    # Coded pages carry the CLI's JSON: the article as `extract`, events as `code`.
    _, date, article, events, quotes = coded[0]
    a = json.loads(article)
    assert a["id"] == "page-0" and date == a["date"] == arts[0]["date"]
    rows = [json.loads(e) for e in events]
    assert [r.pop("source_country") == r["source_code"][:3] for r in rows] == [True] * len(rows)
    for r in rows:
        r.pop("target_country")
    assert rows == pipeline.code_many([a])
    assert all(json.loads(q)["date"] == date for q in quotes)


def test_warc_from_a_file_object(pipeline, tmp_path):
    arts = warcgen.articles()[:3]
    path = tmp_path / "small.warc.gz"
    warcgen.write_warc(str(path), warcgen.sample_pages(arts))
    with open(path, "rb") as f:
        from_file = [i[:3] for i in pipeline.warc(f, name="small")]
    from_path = [i[:3] for i in pipeline.warc(str(path))]
    assert len(from_file) == 3 and from_file == from_path


def test_article_dicts_read_like_jsonl_lines(pipeline):
    """Plain dicts are read directly; any other shape goes through the CLI's JSONL
    reader. Both give the events of the same JSON line, and the reader's errors."""
    base = {"id": "a1", "text": SENTENCE, "date": "2024-05-10"}
    want = pipeline.code_many([base])
    assert want and want[0]["article_id"] == "a1" and want[0]["date"] == "2024-05-10"
    same = [
        dict(base, date=" 2024-05-10 "),                 # trimmed, as the CLI does
        dict(base, date=datetime.date(2024, 5, 10)),     # through str()
        dict(base, title=None, url="https://x.example/a", authors=["A. Writer"]),
        dict(base, extra={"ignored": [1, 2]}),           # unknown keys are ignored
    ]
    for d in same:
        assert pipeline.code_many([d]) == want, d
    # A numeric id becomes its digits; an empty date falls back to `date=`.
    ev = pipeline.code_many([{"id": 7, "text": SENTENCE, "date": ""}], date="2023-01-02")
    assert ev[0]["article_id"] == "7" and ev[0]["date"] == "2023-01-02"
    # The JSONL reader's errors for the shapes it rejects.
    bad = [
        ({"id": "", "text": SENTENCE}, "no usable `id`"),
        ({"id": "a", "text": None}, "no `text`"),
        ({"id": "a", "text": SENTENCE, "date": "May 10"}, "bad date"),
        ({"id": "a", "text": SENTENCE, "authors": None}, "malformed JSON"),
        ({"id": "a", "text": SENTENCE, "title": 5}, "malformed JSON"),
    ]
    for d, msg in bad:
        with pytest.raises(ValueError, match=r"articles\[0\].*" + msg):
            pipeline.code_many([d])


def test_code_many_restores_the_garbage_collector(pipeline):
    """code_many pauses Python's cyclic GC while it builds the event dicts and
    leaves it as it found it, also when it raises."""
    import gc

    assert gc.isenabled()
    pipeline.code_many([SENTENCE])
    assert gc.isenabled()
    with pytest.raises(ValueError):
        pipeline.code_many([{"id": "a", "text": "x"}, {"text": "no id"}])
    assert gc.isenabled()
    gc.disable()
    try:
        assert pipeline.code_many([SENTENCE])
        assert not gc.isenabled()
    finally:
        gc.enable()
