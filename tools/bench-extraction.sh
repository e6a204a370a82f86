#!/usr/bin/env bash
# Pages per second of main-text extraction on one core: herodotus vs Python
# trafilatura (installed from PyPI into a throw-away venv, benchmark only).
#
# Usage: tools/bench-extraction.sh [SHARED_DIR] [ROUNDS]
#   SHARED_DIR defaults to ../shared from the repo root; ROUNDS (default 5)
#   is how many times each tool goes over all pages. Set SKIP_TRAFILATURA=1
#   to time herodotus alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${1:-$root/../shared}"
rounds="${2:-5}"
bench="$shared/data/article-extraction-benchmark"
[[ -d "$bench/html" ]] || { echo "bench-extraction: missing $bench/html" >&2; exit 2; }

cd "$root"
cargo build --release --quiet -p herodotus
bin="${CARGO_TARGET_DIR:-$root/target}/release/herodotus"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Both tools read the same decompressed pages.
for f in "$bench"/html/*.html.gz; do
    gzip -dc "$f" > "$work/$(basename "$f" .gz)"
done
pages=$(ls "$work"/*.html | wc -l)
one_core=()
command -v taskset >/dev/null && one_core=(taskset -c 0)

files=()
for _ in $(seq "$rounds"); do files+=("$work"/*.html); done
"$bin" extract --threads 1 "${files[@]:0:$pages}" > /dev/null 2>&1 || true   # warm the page cache
TIMEFORMAT='%R %U %S'
read -r real user sys < <({ time "${one_core[@]}" "$bin" extract --threads 1 "${files[@]}" > /dev/null 2>/dev/null; } 2>&1)
h_ms=$(python3 -c "print(f'{($user + $sys) * 1000 / ($pages * $rounds):.3f}')")
h_wall=$(python3 -c "print(f'{$real * 1000 / ($pages * $rounds):.3f}')")
echo "herodotus:   $h_ms ms/page CPU, $h_wall ms/page wall  ($(python3 -c "print(f'{1000/$h_ms:.0f}')") pages/s; $pages pages x $rounds rounds, one thread, whole process: gzip-free read, parse, extract, metadata, language, JSON out)"

if [[ "${SKIP_TRAFILATURA:-0}" == 1 ]]; then exit 0; fi
venv="${TRAFILATURA_VENV:-/tmp/herodotus-bench-venv}"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import trafilatura' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet trafilatura lxml_html_clean
fi
t_ms=$("${one_core[@]}" "$venv/bin/python" - "$work" "$rounds" <<'PY'
import glob, sys, time, trafilatura
pages = [open(p, encoding="utf-8", errors="replace").read() for p in sorted(glob.glob(sys.argv[1] + "/*.html"))]
rounds = int(sys.argv[2])
for p in pages[:10]:
    trafilatura.extract(p)  # warm up
t = time.process_time()
for _ in range(rounds):
    for p in pages:
        trafilatura.extract(p)
print(f"{(time.process_time() - t) * 1000 / (len(pages) * rounds):.3f}")
PY
)
echo "trafilatura $("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)'): $t_ms ms/page CPU ($(python3 -c "print(f'{1000/$t_ms:.0f}')") pages/s, in-process, parse+extract only)"
python3 -c "print(f'speed-up: {$t_ms / $h_ms:.1f}x')"
