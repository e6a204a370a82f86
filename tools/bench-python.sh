#!/usr/bin/env bash
# Benchmarks of the Python package and the Spark job (docs/BENCHMARKS.md, "Python and
# Spark"): the same WARC set through the CLI, Spark local[1] and local[2], and the cost
# of code_many over the CLI per article. Needs the CI venv (see .ci/run) and a release
# CLI. Usage: tools/bench-python.sh [FILES] [PAGES]  (default 4 x 500 pages)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="${XDG_CACHE_HOME:-$HOME/.cache}/herodotus-ci-venv"
py="$venv/bin/python"
bin="${HERODOTUS_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/herodotus}"
files="${1:-4}" pages="${2:-500}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" python/tests/warcgen.py "$work/warc" "$files" "$pages"
ls "$work"/warc/*.warc.gz > "$work/list.txt"
total=$((files * pages))
now() { date +%s.%N; }

echo "== CLI: herodotus code over the WARC files"
for t in 1 2; do
    s=$(now); "$bin" code --threads "$t" "$work"/warc/*.warc.gz > "$work/cli.jsonl" 2>/dev/null; e=$(now)
    awk -v s="$s" -v e="$e" -v n="$total" -v t="$t" -v ev="$(wc -l < "$work/cli.jsonl")" \
        'BEGIN { printf "CLI threads=%d: %d pages, %d events, %.2f s, %.0f pages/s\n", t, n, ev, e - s, n / (e - s) }'
done

for m in 'local[1]' 'local[2]'; do
    echo "== Spark $m"
    s=$(now)
    PYSPARK_PYTHON="$py" "$venv/bin/herodotus-spark" "$work/list.txt" "$work/out-$m" --master "$m" \
        > "$work/summary.json" 2> "$work/spark.log" || { tail -20 "$work/spark.log"; exit 1; }
    e=$(now)
    "$py" - "$work/summary.json" "$s" "$e" "$m" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); wall = float(sys.argv[3]) - float(sys.argv[2])
m = sys.argv[4]; k = int(m[m.index("[") + 1:-1]); n = s["records_coded"]; tasks = s["warc_files"]
stage, busy = s["coding_stage_seconds"], s["task_seconds"]
print("Spark %s: %d pages coded, %d events; wall %.2f s = start-up and stop %.2f s + coding stage "
      "%.2f s + tables (schema, Parquet, dyad SQL) %.2f s; %.0f pages/s over the wall, %.0f pages/s "
      "in the coding stage; tasks busy %.2f s (%.0f pages/s per busy core); Spark overhead per task "
      "in the coding stage %.2f s"
      % (m, n, s["events"], wall, wall - s["seconds"], stage, s["seconds"] - stage, n / wall,
         n / stage, busy, n / busy, (stage * k - busy) / tasks))
PY
done

echo "== code_many against the CLI (articles already in memory as dicts; the CLI reads JSONL)"
for i in $(seq 1 10); do cat samples/bench/corpus.jsonl; done > "$work/corpus10.jsonl"
echo '{"id":"x","text":"Nothing."}' > "$work/one.jsonl"
"$py" - "$bin" "$work/corpus10.jsonl" "$work/one.jsonl" <<'PY'
import json, resource, subprocess, sys, time
import herodotus
bin, corpus, one = sys.argv[1:4]
arts = [json.loads(l) for l in open(corpus)]
def cli_run(path, threads):
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([bin, "code", "--threads", str(threads), path], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    w = time.perf_counter() - t
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return w, (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime)
p = herodotus.Pipeline()
p.code_many(arts[:20], threads=1)
n = len(arts)
for threads in (1, 2):
    res = []
    for _ in range(3):
        # The CLI's time less its start-up (dictionary load), measured on a one-line file.
        w, c = cli_run(corpus, threads)
        w0, c0 = cli_run(one, threads)
        c_py = time.process_time(); t = time.perf_counter()
        ev = p.code_many(arts, threads=threads)
        w_py = time.perf_counter() - t; c_py = time.process_time() - c_py
        res.append((w - w0, c - c0, w_py, c_py))
    cw, cc, pw, pc = (min(r[i] for r in res) for i in range(4))
    print("threads=%d, %d articles, %d events: CLI wall %.3f s (%.0f us/article), CPU %.3f s; "
          "code_many wall %.3f s (%.0f us/article), CPU %.3f s; Python overhead: wall %+.1f%%, CPU %+.1f%%"
          % (threads, n, len(ev), cw, 1e6 * cw / n, cc, pw, 1e6 * pw / n, pc,
             100 * (pw / cw - 1), 100 * (pc / cc - 1)))
PY
