"""Writes WARC files the way CC-NEWS publishes them (WARC/1.1, one gzip member per
record, a warcinfo record first, HTTP responses), from the repository's sample
articles, with hostile records mixed in on request."""

import gzip
import html
import json
import os
import uuid
from typing import Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "samples", "articles.jsonl")
BENCH = os.path.join(ROOT, "samples", "bench", "corpus.jsonl")

# A German news paragraph we wrote (for language detection, not coding).
GERMAN = (
    "Der Bundestag hat am Donnerstag nach einer langen und kontroversen Debatte ein neues "
    "Gesetz zur Energieversorgung beschlossen. Die Abgeordneten der Regierungsparteien "
    "stimmten dafür, während die Opposition den Entwurf scharf kritisierte und vor höheren "
    "Kosten für Verbraucher und kleine Unternehmen warnte."
)


def articles(path: str = SAMPLES) -> List[Dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def page(a: Dict) -> bytes:
    """An HTML news page carrying an article's title, date and paragraphs."""
    paras = "".join("<p>%s</p>" % html.escape(p) for p in a["text"].split("\n\n") if p.strip())
    date = a.get("date") or ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title>'
        '<meta property="article:published_time" content="%s"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>%s</h1>%s</article><footer>Copyright</footer></body></html>"
        % (html.escape(a.get("title") or a["id"]), date, html.escape(a.get("title") or ""), paras)
    ).encode("utf-8")


def http(body: bytes, ctype: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    head = "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (status, ctype, len(body))
    return head.encode("ascii") + body


def record(kind: str, block: bytes, uri: str = "", rid: Optional[str] = None,
           date: str = "2025-01-15T10:00:00Z") -> bytes:
    ctype = "application/http; msgtype=response" if kind == "response" else "application/warc-fields"
    head = (
        "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
        "WARC-Date: %s\r\n%sContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
        % (kind, rid or uuid.uuid4(), date, "WARC-Target-URI: %s\r\n" % uri if uri else "",
           ctype, len(block))
    )
    return head.encode("ascii") + block + b"\r\n\r\n"


def write_warc(path: str, pages: List[Tuple[str, bytes]], extra: Optional[List[bytes]] = None,
               corrupt_after: Optional[int] = None) -> int:
    """Writes warcinfo + one response per (uri, html) page, each gzipped on its own.
    `extra` records are appended (already built). `corrupt_after`: the member of the
    response at that index has 16 bytes flipped. Returns the number of records."""
    members = [gzip.compress(record("warcinfo", b"software: herodotus tests\r\n"))]
    for i, (uri, body) in enumerate(pages):
        m = gzip.compress(record("response", http(body), uri=uri, rid="page-%d" % i))
        if corrupt_after is not None and i == corrupt_after:
            # Bytes flipped inside the compressed data: the member fails its CRC
            # or its inflate, and reading resumes at the next member.
            mid = len(m) // 2
            m = m[:mid] + bytes(b ^ 0x5A for b in m[mid:mid + 16]) + m[mid + 16:]
        members.append(m)
    for r in extra or []:
        members.append(gzip.compress(r))
    with open(path, "wb") as f:
        for m in members:
            f.write(m)
    return len(members)


def sample_pages(arts: List[Dict]) -> List[Tuple[str, bytes]]:
    return [("https://news.example/%s" % a["id"], page(a)) for a in arts]


def hostile_records() -> Dict[str, bytes]:
    """One record per kind of bad input the Spark job must survive and count."""
    big = b"<html><body><article>" + b"<p>The council met again today.</p>" * (50 * 1024 * 1024 // 36) + b"</article></body></html>"
    german = ("<html lang='de'><body><article><p>%s</p><p>%s</p></article></body></html>"
              % (GERMAN, GERMAN)).encode("utf-8")
    return {
        "not_html": record("response", http(b"%PDF-1.4 binary", ctype="application/pdf"),
                           uri="https://news.example/report.pdf", rid="pdf"),
        "not_ok": record("response", http(b"gone", status="404 Not Found"),
                         uri="https://news.example/gone", rid="gone"),
        "too_large": record("response", http(big), uri="https://news.example/huge", rid="huge"),
        "non_english": record("response", http(german), uri="https://news.example/de", rid="de"),
        "no_text": record("response", http(b"<html><body><nav>menu</nav></body></html>"),
                          uri="https://news.example/empty", rid="empty"),
    }


def main(argv=None):
    """python/tests/warcgen.py OUTDIR [FILES] [PAGES]: FILES WARC files of PAGES pages
    each, from samples/bench/corpus.jsonl (cycled), for benchmarks."""
    import sys

    argv = sys.argv[1:] if argv is None else argv
    out = argv[0]
    files = int(argv[1]) if len(argv) > 1 else 4
    pages = int(argv[2]) if len(argv) > 2 else 500
    os.makedirs(out, exist_ok=True)
    corpus = articles(BENCH)
    k = 0
    for f in range(files):
        batch = []
        for _ in range(pages):
            a = dict(corpus[k % len(corpus)], id="bench-%d" % k)
            batch.append(("https://news.example/%s" % a["id"], page(a)))
            k += 1
        write_warc(os.path.join(out, "CC-NEWS-bench-%02d.warc.gz" % f), batch)
    print("%d WARC files, %d pages each, in %s" % (files, pages, out))


if __name__ == "__main__":
    main()
