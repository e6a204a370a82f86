#!/usr/bin/env bash
# Scores quote speakers on our own probe of wire-style articles
# (tests/cases/quotes/articles/*.txt, gold tests/cases/quotes/articles-gold.jsonl, written
# for herodotus) with the news-dev scorer, ../shared/tools/score_quotes.py, so the figure
# is read the same way as news-dev's.
#   tools/eval-quotes-probe.sh SHARED_DIR [OUT_DIR]
# Prints the score (JSON, one line) and, with VERBOSE=1, every miss.
# HERODOTUS_BIN picks the binary (default: target/release/herodotus).
set -euo pipefail
shared="${1:?usage: tools/eval-quotes-probe.sh SHARED_DIR [OUT_DIR]}"
out="${2:-$(mktemp -d)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${HERODOTUS_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/herodotus}"
probe="$root/tests/cases/quotes"
mkdir -p "$out"
"$bin" quotes "$probe/articles" > "$out/pred-quotes.jsonl"
python3 "$shared/tools/score_quotes.py" "$probe/articles-gold.jsonl" "$out/pred-quotes.jsonl" \
    | tee "$out/quotes.json"
if [ "${VERBOSE:-0}" = 1 ]; then
    python3 - "$probe/articles-gold.jsonl" "$out/pred-quotes.jsonl" <<'PY'
import json, re, sys, unicodedata
def words(s):
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return re.findall(r"\w+", s)
gold = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
pred = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
for g in gold:
    gw = words(g["quote"]); best, bs = None, 0.0
    for p in pred:
        if str(p.get("article_id")) != g["doc"]:
            continue
        pw = set(words(p.get("quote")))
        s = sum(w in pw for w in gw) / max(1, len(gw))
        if s > bs: best, bs = p, s
    if best is None or bs < 0.8:
        print("MISSED ", g["doc"], repr(g["quote"][:60]))
    elif g["speaker"] and words(g["speaker"])[-1:] != words(best.get("speaker"))[-1:]:
        print("SPEAKER", g["doc"], repr(g["quote"][:50]), "gold", g["speaker"], "got", best.get("speaker"))
PY
fi
