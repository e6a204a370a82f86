#!/usr/bin/env bash
# Scores `herodotus extract` on the article-extraction benchmark and fails if
# F1 falls below the best figure recorded in tools/extraction-f1.ratchet.
#
# Usage: tools/eval-extraction.sh [SHARED_DIR]   (default: ../shared from the repo root)
# The ratchet only moves up, by hand, when an improvement is committed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${1:-$root/../shared}"
bench="$shared/data/article-extraction-benchmark"
scorer="$shared/tools/score_extraction.py"
ratchet_file="$root/tools/extraction-f1.ratchet"

for f in "$bench/ground-truth.json" "$scorer" "$ratchet_file"; do
    [[ -e "$f" ]] || { echo "eval-extraction: missing $f" >&2; exit 2; }
done

cd "$root"
cargo build --release --quiet -p herodotus
target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/release/herodotus"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# Pages that yield no text are reported on stderr and score as empty.
"$bin" extract "$bench"/html/*.html.gz -o "$out/predictions.jsonl" 2>"$out/errors.txt" || true
if [[ -s "$out/errors.txt" ]]; then
    echo "extraction errors:"; cat "$out/errors.txt"
fi
python3 "$scorer" "$bench/ground-truth.json" "$out/predictions.jsonl"
f1="$(python3 "$scorer" "$bench/ground-truth.json" "$out/predictions.jsonl" --json \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["f1"])')"
best="$(tr -d ' \n' < "$ratchet_file")"
if python3 -c "import sys; sys.exit(0 if float('$f1') >= float('$best') else 1)"; then
    echo "extraction F1 $f1 >= ratchet $best: ok"
else
    echo "extraction F1 $f1 is below the ratchet $best (tools/extraction-f1.ratchet)" >&2
    exit 1
fi
