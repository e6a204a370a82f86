#!/usr/bin/env bash
# Kill `herodotus ingest` mid-way (SIGKILL, three times, at growing depths),
# re-run it to completion, and check the counts equal those of one clean run
# of the same input: nothing lost, nothing duplicated.
#
# Usage: tools/store-kill-test.sh [ARTICLES]   (default 3000)
#        HERODOTUS_BIN=path/to/herodotus tools/store-kill-test.sh
# Needs python3 (for the input and the counts). All waits are bounded.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-3000}"
if [[ -z "${HERODOTUS_BIN:-}" ]]; then
    (cd "$root" && cargo build --quiet -p herodotus)
    HERODOTUS_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/herodotus"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/in.jsonl" "$n" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    for i in range(n):
        d = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        text = (f"Russian troops attacked Ukrainian positions near Kharkiv, report {i}. "
                f"The United States condemned Russia over the attack. "
                f"\"This must stop,\" Secretary of State Antony Blinken said.")
        f.write(json.dumps({"id": f"kill-{i}", "date": d, "text": text}) + "\n")
PY

counts() {
    python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
try:
    print(" ".join(str(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                   for t in ("articles", "events", "quotes", "sentences", "mentions")))
except sqlite3.Error:
    print("0 0 0 0 0")
PY
}

"$HERODOTUS_BIN" ingest "$work/in.jsonl" --db "$work/clean.db" --batch 16
want="$(counts "$work/clean.db")"
echo "clean run: articles events quotes sentences mentions = $want"
read -r total _ <<<"$want"

db="$work/killed.db"
for frac in 10 35 70; do
    "$HERODOTUS_BIN" ingest "$work/in.jsonl" --db "$db" --batch 16 &
    pid=$!
    goal=$((total * frac / 100))
    while kill -0 "$pid" 2>/dev/null; do
        [[ -f "$db" ]] && { read -r a _ <<<"$(counts "$db")"; (( a >= goal )) && break; }
        sleep 0.02
    done
    kill -9 "$pid" 2>/dev/null && echo "killed at >= $goal articles: $(counts "$db")" || echo "(finished before the kill)"
    wait "$pid" 2>/dev/null || true
done
"$HERODOTUS_BIN" ingest "$work/in.jsonl" --db "$db" --batch 16
"$HERODOTUS_BIN" ingest "$work/in.jsonl" --db "$db" --batch 16
got="$(counts "$db")"
echo "after kills and re-runs: $got"
if [[ "$got" == "$want" ]]; then
    echo "1 passed, 0 failed"
else
    echo "store-kill-test: counts differ: want $want, got $got" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
