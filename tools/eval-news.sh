#!/usr/bin/env bash
# Codes the news development set (../shared/data/news-dev) and scores it with the
# set's own scorers, so the figures are exactly those of ../shared/tools.
#   tools/eval-news.sh SHARED_DIR [OUT_DIR]
# Prints the events score (JSON, one line) and the quotes score (JSON, one line), and
# writes events.json / quotes.json / the predictions into OUT_DIR (default: a temp dir).
# HERODOTUS_BIN picks the binary (default: target/release/herodotus).
set -euo pipefail
shared="${1:?usage: tools/eval-news.sh SHARED_DIR [OUT_DIR]}"
out="${2:-$(mktemp -d)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${HERODOTUS_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/herodotus}"
dev="$shared/data/news-dev"
mkdir -p "$out"
"$bin" code "$dev/articles.jsonl" > "$out/pred-events.jsonl"
"$bin" quotes "$dev/articles.jsonl" > "$out/pred-quotes.jsonl"
python3 "$shared/tools/score_events.py" "$dev/events-dev.jsonl" "$out/pred-events.jsonl" --json \
    | tee "$out/events.json"
python3 "$shared/tools/score_quotes.py" "$dev/quotes-dev.jsonl" "$out/pred-quotes.jsonl" \
    | tee "$out/quotes.json"
