#!/usr/bin/env bash
# The main job on the bundled sample, with nothing but this repository:
# build, code the sample articles, store them, and draw a dyad chart.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release -p herodotus
bin="${CARGO_TARGET_DIR:-$root/target}/release/herodotus"
mkdir -p out
echo "== coding samples/articles.jsonl -> out/events.jsonl"
"$bin" code samples/articles.jsonl -o out/events.jsonl
# GDELT columns: SQLDATE, Actor1Code, Actor2Code, EventCode, SOURCEURL (the article id here).
"$bin" code samples/articles.jsonl --format tsv | cut -f2,6,16,27,61 | head -25
echo
echo "== storing in out/demo.db"
rm -f out/demo.db out/demo.db-wal out/demo.db-shm
"$bin" ingest samples/articles.jsonl --db out/demo.db
echo
echo "== dyad series USA <-> RUS by month -> out/usa-rus.svg"
"$bin" dyad USA RUS --db out/demo.db --by month --plot out/usa-rus.svg
echo
echo "Look at out/usa-rus.svg, or browse everything with:"
echo "  $bin serve --db out/demo.db      # then open http://127.0.0.1:8080/"
