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
n = s["records_coded"]
print("Spark %s: %d pages coded, %d events, wall %.2f s (job %.2f s), %.0f pages/s; "
      "task time %.2f s in %d tasks (%.0f pages/s per busy core)"
      % (sys.argv[4], n, s["events"], wall, s["seconds"], n / wall, s["task_seconds"],
         s["warc_files"], n / s["task_seconds"]))
PY
done

echo "== code_many against the CLI, one thread, articles already in memory (JSONL)"
for i in $(seq 1 10); do cat samples/bench/corpus.jsonl; done > "$work/corpus10.jsonl"
echo '{"id":"x","text":"Nothing."}' > "$work/one.jsonl"
"$py" - "$bin" "$work/corpus10.jsonl" "$work/one.jsonl" <<'PY'
import json, subprocess, sys, time
import herodotus
bin, corpus, one = sys.argv[1:4]
arts = [json.loads(l) for l in open(corpus)]
def wall(cmd):
    t = time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t
p = herodotus.Pipeline()
p.code_many(arts[:20], threads=1)
res = []
for _ in range(3):
    # The CLI's time less its start-up (dictionary load), measured on a one-line file.
    cli = wall([bin, "code", "--threads", "1", corpus]) - wall([bin, "code", "--threads", "1", one])
    t = time.perf_counter(); ev = p.code_many(arts, threads=1); py = time.perf_counter() - t
    res.append((cli, py))
cli, py = min(r[0] for r in res), min(r[1] for r in res)
n = len(arts)
print("%d articles, %d events: CLI %.3f s (%.1f us/article), code_many %.3f s (%.1f us/article), "
      "Python overhead %+.1f%%" % (n, len(ev), cli, 1e6 * cli / n, py, 1e6 * py / n, 100 * (py / cli - 1)))
PY
