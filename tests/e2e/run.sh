#!/usr/bin/env bash
# End-to-end test in a real headless browser:
#   ingest a sample it writes -> herodotus serve on a loopback port ->
#   Chromium (through chromedriver, driven by browser.py with Python's stdlib)
#   loads the dashboard, opens a dyad, clicks a point, checks the sentences
#   appear, opens an article, pastes an article, and checks a phone-sized layout.
#
# Usage: tests/e2e/run.sh            (builds the debug binary if needed)
#        HERODOTUS_BIN=path/to/herodotus tests/e2e/run.sh
# Installs Debian's chromium and chromium-driver when missing (needs root).
# Screenshots go to $E2E_OUT (default: a temporary directory, printed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [[ -z "${HERODOTUS_BIN:-}" ]]; then
    (cd "$root" && cargo build --quiet -p herodotus)
    HERODOTUS_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/herodotus"
fi
[[ -x "$HERODOTUS_BIN" ]] || { echo "e2e: no herodotus binary at $HERODOTUS_BIN" >&2; exit 1; }

if ! command -v chromedriver >/dev/null || ! { command -v chromium >/dev/null || [[ -x /usr/bin/chromium ]]; }; then
    echo "e2e: installing chromium and chromium-driver" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium chromium-driver >/dev/null
fi
chromium_bin="$(command -v chromium || echo /usr/bin/chromium)"

work="$(mktemp -d)"
out="${E2E_OUT:-$work/screenshots}"
mkdir -p "$out"
server_pid=""
driver_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    [[ -n "$driver_pid" ]] && kill "$driver_pid" 2>/dev/null && wait "$driver_pid" 2>/dev/null || true
    rm -rf "$work/profile" "$work/db"*
}
trap cleanup EXIT

# A small sample: US-Russia and other dyads over several weeks.
python3 - "$work/sample.jsonl" <<'PY'
import json, sys, datetime
lines = [
  ("2024-01-08", "The United States condemned Russia over the missile strikes on Kyiv.",
   "\"This is unacceptable,\" Secretary of State Antony Blinken said on Monday."),
  ("2024-01-16", "Russia accused the United States of provoking the conflict in Ukraine.",
   "Russian Foreign Minister Sergei Lavrov met Chinese officials in Beijing."),
  ("2024-01-23", "The United States imposed sanctions on Russia.",
   "Russian troops attacked Ukrainian positions near Kharkiv."),
  ("2024-02-06", "President Biden praised Ukraine for its resistance.",
   "The United States and Russia agreed to exchange prisoners."),
  ("2024-02-13", "Russia threatened the United States with retaliation.",
   "Ukraine's military shelled Russian forces near Bakhmut."),
  ("2024-02-20", "China urged Russia and Ukraine to negotiate.",
   "The United States condemned Russia again after the attack."),
]
with open(sys.argv[1], "w") as f:
    for i, (d, a, b) in enumerate(lines):
        f.write(json.dumps({"id": f"e2e-{i}", "date": d, "title": f"E2E story {i}",
                            "text": a + " " + b}) + "\n")
PY

db="$work/db.sqlite"
"$HERODOTUS_BIN" ingest "$work/sample.jsonl" --db "$db"
"$HERODOTUS_BIN" dyad USA RUS --db "$db" --by week | tee "$work/series.tsv"

"$HERODOTUS_BIN" serve --db "$db" --addr 127.0.0.1:0 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 200); do
    port="$(sed -n 's#.*http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$work/serve.log" | head -1)"
    [[ -n "$port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.05
done
[[ -n "$port" ]] || { echo "e2e: server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

driver_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
chromedriver --port="$driver_port" --allowed-ips=127.0.0.1 >"$work/driver.log" 2>&1 &
driver_pid=$!

python3 "$here/browser.py" \
    --base "http://127.0.0.1:$port" \
    --driver "http://127.0.0.1:$driver_port" \
    --chromium "$chromium_bin" \
    --profile "$work/profile" \
    --out "$out"
echo "e2e: screenshots in $out"
