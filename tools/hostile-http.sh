#!/usr/bin/env bash
# Hostile HTTP requests against a real `herodotus serve` (docs/RELIABILITY.md).
# Usage: HERODOTUS_BIN=target/release/herodotus bash tools/hostile-http.sh
# Prints one line per request: what was sent, the status, the time; then the
# server's peak memory. Exits 1 if the server died or answered 5xx where it must not.
set -uo pipefail
bin="${HERODOTUS_BIN:-target/release/herodotus}"
dir="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
"$bin" serve --db "$dir/h.db" --addr 127.0.0.1:0 --max-coding 2 2> "$dir/err" &
pid=$!
# A debug build on a busy machine takes several seconds to load its dictionaries.
for _ in $(seq 600); do grep -q http:// "$dir/err" 2>/dev/null && break; sleep 0.1; done
base="$(grep -o 'http://[^/]*' "$dir/err" | head -1)"
[ -n "$base" ] || { echo "the server did not start in 60 s:" >&2; cat "$dir/err" >&2; exit 1; }
echo "server: $bin on $base"
fail=0
req() { # $1 label, $2 expected status regex, rest: curl args
    local label="$1" want="$2"; shift 2
    local out
    out="$(curl -s -o "$dir/body" -w '%{http_code} %{time_total}' "$@")"
    local code="${out%% *}" t="${out##* }"
    printf '%-58s %s  %6.2fs  %s\n' "$label" "$code" "$t" "$(head -c 100 "$dir/body" | tr '\n' ' ')"
    if ! [[ "$code" =~ ^($want)$ ]]; then echo "  expected $want" >&2; fail=1; fi
}
python3 -c 'import json; print(json.dumps({"id":"c","date":"2025-01-01","text":"Russia, "*8000}))' > "$dir/64k.json"
python3 -c 'import json; print(json.dumps({"id":"t","text":"Russia, "*200000}))' > "$dir/tokens.json"
python3 -c 'import json; print(json.dumps({"id":"a","date":"2025-01-01","text":"Russia and "*100000 + "China met."}))' > "$dir/and.json"
python3 -c 'import json; print(json.dumps({"id":"s","date":"2025-01-01","text":"Russia accused Ukraine of shelling the city. "*10000}))' > "$dir/slow.json"
head -c 100000000 /dev/zero | tr '\0' 'a' > "$dir/100m"
printf '{"id":"u","text":"bad \xff byte"}' > "$dir/badutf8.json"
python3 -c 'print("{\"text\": " + "[" * 100000 + "]" * 100000 + "}")' > "$dir/deep.json"

req 'POST /api/code: 64 KB "Russia, " x 8000' '200' -X POST -H 'Content-Type: application/json' --data-binary @"$dir/64k.json" "$base/api/code"
req 'POST /api/code: 1.1 MB "Russia and " x 100000' '200|413' -X POST -H 'Content-Type: application/json' --data-binary @"$dir/and.json" "$base/api/code"
req 'POST /api/code: 1.6 MB, 400,000 tokens (over the budget)' '413' -X POST -H 'Content-Type: application/json' --data-binary @"$dir/tokens.json" "$base/api/code"
req 'POST /api/articles: same, nothing stored' '413' -X POST -H 'Content-Type: application/json' --data-binary @"$dir/tokens.json" "$base/api/articles"
req 'POST /api/code: malformed JSON' '400|422' -X POST -H 'Content-Type: application/json' --data-binary '{"id": "x", "text": ' "$base/api/code"
req 'POST /api/code: invalid UTF-8 in JSON' '400|422' -X POST -H 'Content-Type: application/json' --data-binary @"$dir/badutf8.json" "$base/api/code"
req 'POST /api/code: no id (one is made up)' '200|400|422' -X POST -H 'Content-Type: application/json' --data-binary '{"text":"Russia attacked Ukraine."}' "$base/api/code"
req 'POST /api/code: JSON nested 100,000 deep' '400|422' -X POST -H 'Content-Type: application/json' --data-binary @"$dir/deep.json" "$base/api/code"
req 'POST /api/code: "text" is a number' '400|422' -X POST -H 'Content-Type: application/json' --data-binary '{"id":"n","text":42}' "$base/api/code"
req 'POST /api/code: no Content-Type' '415' -X POST -H 'Content-Type:' --data-binary '{"text":"Russia attacked Ukraine."}' "$base/api/code"
req 'POST /api/code: 100 MB body' '413' -X POST -H 'Content-Type: application/json' --data-binary @"$dir/100m" "$base/api/code"
req 'GET /api/events?source=USA%27;DROP TABLE events;--' '200|400' "$base/api/events?source=USA%27%3BDROP%20TABLE%20events%3B--"
req 'GET /api/search?q="OR 1=1 --' '200|400' "$base/api/search?q=%22OR%201%3D1%20--"
req 'GET /api/articles/..%2F..%2Fetc%2Fpasswd' '404' "$base/api/articles/..%2F..%2Fetc%2Fpasswd"
req 'GET /../../etc/passwd (path as sent)' '404' --path-as-is "$base/../../etc/passwd"
req 'GET /api/events?source=<100 KB>' '200|400|414|431' "$base/api/events?source=$(head -c 100000 /dev/zero | tr '\0' 'A')"
req 'GET /api/stats after all that' '200' "$base/api/stats"
# Concurrency: 6 coding requests at once with --max-coding 2: the rest get 503 at once.
jobs=()
for i in 1 2 3 4 5 6; do
    curl -s -o "$dir/b$i" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$dir/slow.json" "$base/api/code" > "$dir/c$i" &
    jobs+=($!)
done
wait "${jobs[@]}"
echo '6 concurrent 450 KB codings (80,000 tokens each), --max-coding 2:'
for i in 1 2 3 4 5 6; do
    printf '  %s %s\n' "$(cat "$dir/c$i")" "$(head -c 100 "$dir/b$i" | tr '\n' ' ')"
done | sort | uniq -c
kill -0 "$pid" 2>/dev/null || { echo "server died" >&2; fail=1; }
echo "server peak memory (VmHWM): $(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
exit "$fail"
