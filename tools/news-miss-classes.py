#!/usr/bin/env python3
"""Where the gold events of news-dev are lost: one class per gold event.

    tools/news-miss-classes.py SHARED_DIR OUT_DIR [CLASS]

OUT_DIR is the directory `tools/eval-news.sh SHARED_DIR OUT_DIR` wrote (it reads
pred-events.jsonl there) and this script adds explain.jsonl to it (`herodotus explain
--article ... --json`, the binary from $HERODOTUS_BIN or target/release). Prints the
count of each class; with CLASS, also the gold events of that class with the actor
codes the coder found in their sentence.

Classes, in order (the first that applies):
  matched                      an event of the sentence has the gold dyad (countries) and root
  dyad right, root wrong       the dyad is predicted with another root
  root right, dyad wrong       the root is predicted between other countries
  other event in sentence      the sentence has events, none of them near this one
  no event; source missing     no actor of the source's country in the sentence
  no event; target missing     no actor of the target's country in the sentence
  no event; roles differ       both countries found, but not the gold codes (USA for USALEG)
  no event; both actors found  both gold codes are among the sentence's actors: a verb,
                               a construction or a role assignment was missed

Predictions are aligned to gold sentences as the set's scorer aligns them (each to
the gold sentence of its article with the most word overlap: Jaccard, or 0.9 times
the share of the prediction's words in the gold sentence, at least 0.5); an actor
found counts by its code's country (the first three letters) or by the whole code.
Each gold event is classed on its own, not matched as a multiset, so "matched" can
exceed the scorer's true positives. The analysis is a guide for choosing
the next class of failure to fix, not a score: the figures that count are
score_events.py's.
"""
import collections
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"\w+")


def words(s):
    return set(w.lower() for w in WORD.findall(s or ""))


def overlap(a, b):
    return len(a & b) / max(1, len(a | b))


def alignment(gold_words, pred_words):
    """The scorer's rule: Jaccard, or containment of the prediction in the gold."""
    if not gold_words or not pred_words:
        return 0.0
    common = len(gold_words & pred_words)
    return max(common / len(gold_words | pred_words), 0.9 * common / len(pred_words))


def codes(x):
    """Gold source/target: a code or a list of codes (compound actors)."""
    return x if isinstance(x, list) else [x or "---"]


def country(code):
    return (code or "---")[:3]


def sentences(article):
    """The sentences of one `explain --json` article, with the actor codes in each."""
    out = []
    for d in article["decisions"]:
        if d.get("decision") == "sentence":
            out.append({"words": words(d["text"]), "actors": set()})
        elif d.get("decision") == "actor" and out and d.get("code"):
            out[-1]["actors"].add(d["code"])
    return out


def classify(event, preds, actors):
    src, tgt, root = codes(event["source"]), codes(event["target"]), event["code"][:2]
    s_c, t_c = {country(c) for c in src}, {country(c) for c in tgt}

    def dyad(p):
        return country(p["source_code"]) in s_c and country(p["target_code"]) in t_c

    if any(dyad(p) and p["event_code"][:2] == root for p in preds):
        return "matched"
    if any(dyad(p) for p in preds):
        return "dyad right, root wrong"
    if any(p["event_code"][:2] == root for p in preds):
        return "root right, dyad wrong"
    if preds:
        return "other event in sentence"
    found = {country(a) for a in actors}
    if not s_c & found:
        return "no event; source missing"
    if not t_c & found:
        return "no event; target missing"
    if not (set(src) & actors and set(tgt) & actors):
        return "no event; roles differ"
    return "no event; both actors found"


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    shared, out = sys.argv[1], sys.argv[2]
    show = sys.argv[3] if len(sys.argv) > 3 else None
    dev = os.path.join(shared, "data", "news-dev")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
    binary = os.environ.get("HERODOTUS_BIN", os.path.join(target, "release", "herodotus"))
    explained = os.path.join(out, "explain.jsonl")
    with open(explained, "w", encoding="utf-8") as f:
        subprocess.run(
            [binary, "explain", "--article", os.path.join(dev, "articles.jsonl"), "--json"],
            stdout=f,
            stderr=subprocess.DEVNULL,
            check=True,
        )
    arts = {}
    for line in open(explained, encoding="utf-8"):
        a = json.loads(line)
        arts[a["id"]] = sentences(a)
    gold = [json.loads(line) for line in open(os.path.join(dev, "events-dev.jsonl"), encoding="utf-8")]
    by_doc = collections.defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    aligned = collections.defaultdict(list)
    for line in open(os.path.join(out, "pred-events.jsonl"), encoding="utf-8"):
        p = json.loads(line)
        pw = words(p["sentence"])
        score, best = max(
            ((alignment(words(g["text"]), pw), g["id"]) for g in by_doc[p["article_id"]]),
            default=(0.0, None),
        )
        if score >= 0.5:
            aligned[best].append(p)
    counts = collections.Counter()
    rows = collections.defaultdict(list)
    for g in gold:
        if not g["events"]:
            continue
        gw = words(g["text"])
        near = aligned[g["id"]]
        sents = arts.get(g["doc"], [])
        best = max(sents, key=lambda s: overlap(gw, s["words"]), default=None)
        actors = best["actors"] if best else set()
        for e in g["events"]:
            k = classify(e, near, actors)
            counts[k] += 1
            rows[k].append((g["text"][:200], e["source"], e["code"], e["target"], sorted(actors)))
    for k, n in counts.most_common():
        print(f"{n:4d}  {k}")
    for r in rows.get(show, []) if show else []:
        print("\t".join(str(x) for x in r))


if __name__ == "__main__":
    main()
