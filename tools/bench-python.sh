#!/usr/bin/env bash
# Benchmarks of the Python package and the Spark job (docs/BENCHMARKS.md, "Python and
# Spark"): the same WARC set through the CLI, Spark local[1] and local[2], and the cost
# of code_many over the CLI per article. Needs the CI venv (see .ci/run) and a release
# CLI. Usage: tools/bench-python.sh [FILES] [PAGES]  (default 4 x 500 pages);
# HERODOTUS_VENV=DIR uses another venv with the package installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="${HERODOTUS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/herodotus-ci-venv}"
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
"$py" tools/bench-code-many.py "$bin" 10 5
