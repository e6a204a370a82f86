"""Python's cost over the CLI per article: `Pipeline.code_many` against `herodotus code`
on the same articles and thread count, in one run (docs/BENCHMARKS.md, "Python overhead").

    python tools/bench-code-many.py HERODOTUS_BIN [COPIES] [ROUNDS]
    python tools/bench-code-many.py --python-only [COPIES] [ROUNDS]   # under perf record

The corpus is samples/bench/corpus.jsonl repeated COPIES times (default 10). Each round
runs, back to back: the CLI on the corpus, the CLI on a one-line file (its start-up:
dictionaries loaded and compiled, subtracted), and code_many on the same articles already
in memory as dicts (the CLI reads and parses its JSONL inside the timed run). CPU time
is user+sys of the process and all its threads (the CLI's from getrusage of children,
Python's from time.process_time), which other load on a shared machine disturbs less
than wall time. The figure per side is the median over ROUNDS (default 5); both sides
must give the same number of events.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import herodotus

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cli_run(cli, path, threads):
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run([cli, "code", "--threads", str(threads), path],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout
    w = time.perf_counter() - t
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return w, (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime), out.count(b"\n")


def main():
    cli = sys.argv[1]
    copies = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with open(os.path.join(ROOT, "samples", "bench", "corpus.jsonl"), "rb") as f:
        lines = f.read().splitlines() * copies
    tmp = tempfile.mkdtemp()
    corpus, one = os.path.join(tmp, "corpus.jsonl"), os.path.join(tmp, "one.jsonl")
    with open(corpus, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    with open(one, "w") as f:
        f.write('{"id":"x","text":"Nothing."}\n')
    arts = [json.loads(l) for l in lines]
    n = len(arts)
    p = herodotus.Pipeline()
    p.code_many(arts[:50], threads=1)  # warm: pools, dictionaries paged in
    if cli == "--python-only":
        # code_many alone on one thread, for a profile of the Python process.
        c = time.process_time()
        for _ in range(rounds):
            ev = p.code_many(arts, threads=1)
        print("code_many: %d articles, %d events, CPU %.0f us/article"
              % (n, len(ev), 1e6 * (time.process_time() - c) / (rounds * n)))
        return
    print("load average at start: %.2f %.2f %.2f" % os.getloadavg())
    for threads in (1, 2):
        rows = []
        for _ in range(rounds):
            w, c, ev_cli = cli_run(cli, corpus, threads)
            w0, c0, _ = cli_run(cli, one, threads)
            c_py, t = time.process_time(), time.perf_counter()
            ev = p.code_many(arts, threads=threads)
            w_py, c_py = time.perf_counter() - t, time.process_time() - c_py
            if len(ev) != ev_cli:
                sys.exit("different event counts: CLI %d, code_many %d" % (ev_cli, len(ev)))
            del ev
            rows.append((w - w0, c - c0, w_py, c_py))
        cw, cc, pw, pc = (statistics.median(r[i] for r in rows) for i in range(4))
        print("threads=%d, %d articles, %d events, median of %d rounds:" % (threads, n, ev_cli, rounds))
        print("  CLI (less start-up) wall %.3f s (%.0f us/article), CPU %.3f s (%.0f us/article)"
              % (cw, 1e6 * cw / n, cc, 1e6 * cc / n))
        print("  code_many           wall %.3f s (%.0f us/article), CPU %.3f s (%.0f us/article)"
              % (pw, 1e6 * pw / n, pc, 1e6 * pc / n))
        print("  Python over the CLI: wall %+.1f%%, CPU %+.1f%%  (per-round CPU ratios: %s)"
              % (100 * (pw / cw - 1), 100 * (pc / cc - 1),
                 " ".join("%.2f" % (r[3] / r[1]) for r in rows)))
    print("load average at end: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
