#!/usr/bin/env python3
"""Fit the headline weights of src/classify.c on the development corpora.

usage: train-headline.py --dump BUILD/dump-features [--shared ../shared]
                         [--dumps DIR] [--weights data/headline-weights.txt]

1. Runs the C feature extractor in its --headline mode over every page of
   the dev corpora (corpus/html and corpus/wide/fulltext as pages,
   corpus/textdump and, with --dumps, text-browser dumps of wide/fulltext
   as text): one row per headline candidate the classifier scores, with
   the binary's own features, so training and use cannot drift.
2. A candidate whose text is the gold headline (after normalisation) is
   the right one; a page has at most one right candidate, or none.
3. Fits, for pages and for text apart, a pairwise logistic regression (the
   right candidate against each other one of its page: the weights rank
   candidates), then the bias: the score a best candidate must pass,
   which 98 % of the right headlines reach in text, all on pages.  Scored by cross-validation grouped by site (no site is both
   fitted and scored): the share of pages whose headline is chosen right.
4. Refits on everything and writes the weights file.  The report goes to
   standard output.

Developers only: needs python3-numpy and python3-sklearn.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module
tc = import_module("train-content")


def collect(shared, dumps):
    folders = [("html", "html", os.path.join(shared, "corpus", "html")),
               ("wide/fulltext", "html", os.path.join(shared, "corpus", "wide", "fulltext")),
               ("textdump", "text", os.path.join(shared, "corpus", "textdump"))]
    if dumps:
        folders.append(("dump/fulltext", "text", os.path.join(dumps, "fulltext")))
    docs = []
    for corpus, kind, d in folders:
        files = os.listdir(d)
        for g in sorted(files):
            if not g.endswith(".gold.json"):
                continue
            stem = g[:-len(".gold.json")]
            ext = ".html" if kind == "html" else ".txt"
            if stem + ext not in files:
                continue
            gold = json.load(open(os.path.join(d, g), encoding="utf-8"))
            if not gold.get("headline"):
                continue
            docs.append({"corpus": corpus, "kind": kind, "path": os.path.join(d, stem + ext),
                         "site": tc.site_of(gold, stem), "headline": tc.norm(gold["headline"]),
                         "rows": [], "texts": []})
    return docs


def run_dump(dump, docs):
    by_path = {doc["path"]: doc for doc in docs}
    names = None
    for i in range(0, len(docs), 50):
        chunk = [doc["path"] for doc in docs[i:i + 50]]
        out = subprocess.run([dump, "--headline"] + chunk, capture_output=True, check=True).stdout
        lines = out.decode("utf-8", "replace").split("\n")
        names = lines[0].split("\t")[3:-1]
        for line in lines[1:]:
            if line:
                f = line.split("\t")
                doc = by_path[f[0]]
                doc["rows"].append([float(v) for v in f[3:-1]])
                doc["texts"].append(f[-1])
    for doc in docs:
        doc["X"] = np.array(doc["rows"]).reshape(-1, len(names))
        doc["right"] = {k for k, t in enumerate(doc["texts"]) if tc.norm(t) == doc["headline"]}
    return names


def fit_ranker(docs, weights, bias_col):
    """Pairwise logistic regression: weights with bias 0."""
    X, y, sw = [], [], []
    for doc, w in zip(docs, weights):
        right = doc["right"]
        wrong = [k for k in range(len(doc["X"])) if k not in right]
        if not right or not wrong:
            continue
        n = len(right) * len(wrong)
        for r in right:
            for k in wrong:
                d = doc["X"][r] - doc["X"][k]
                X += [d, -d]
                y += [1, 0]
                sw += [w / n, w / n]
    X, y = np.array(X), np.array(y)
    sd = X.std(0)
    sd[sd == 0] = 1
    m = LogisticRegression(C=1.0, fit_intercept=False, max_iter=5000)
    m.fit(X / sd, y, sample_weight=np.array(sw))
    w = m.coef_[0] / sd
    w[bias_col] = 0
    return w


def choose(doc, w, bias):
    if len(doc["X"]) == 0:
        return None
    s = doc["X"] @ w + bias
    k = int(np.argmax(s))
    return k if s[k] > 0 else None


def right(doc, c):
    """Whether choice c (a candidate or None) is right for doc."""
    return c in doc["right"] if doc["right"] else c is None


def accuracy(docs, w, bias):
    res = collections.defaultdict(list)
    for doc in docs:
        res[doc["corpus"]].append(float(right(doc, choose(doc, w, bias))))
    return {c: float(np.mean(v)) for c, v in res.items()}


# Share of the right headlines whose score passes the bias: a text whose
# best line scores lower than nearly all right headlines gets none.  On
# pages every right headline passes: a page with no <h1> nor metadata
# (table layouts) still has its title line, and the metadata's title
# overrides a wrong pick anyway.
PASS = {"html": 1.0, "text": 0.98}


def fit_bias(docs, w, kind):
    """The bias: minus the score that PASS of the right headlines reach."""
    scores = [max(float(doc["X"][k] @ w) for k in doc["right"]) for doc in docs if doc["right"]]
    return -float(np.quantile(scores, 1 - PASS[kind])) + 1e-6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--dumps", default=None,
                    help="text-browser dumps of the wide corpora (fulltext/: tools/browser-dumps.sh)")
    ap.add_argument("--weights", default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dump-weight", type=float, default=1.0,
                    help="weight of a wide-corpus page against a French dev page")
    ap.add_argument("--verbose", default="", help="corpora whose cross-validated misses to list")
    args = ap.parse_args()

    print("Headline weights (tools/train-headline.py): the share of pages whose "
          "headline is chosen right,\ncross-validated by site; in brackets, the "
          "hand-set title score alone (in-sample).")
    docs = collect(args.shared, args.dumps)
    import tempfile
    synth = tc.synth_text(tc.collect(args.shared), tempfile.mkdtemp(prefix="train-headline-"))
    docs += [{"corpus": "text", "kind": "text", "path": s.path, "site": s.site,
              "headline": s.headline, "rows": [], "texts": []} for s in synth if s.headline]
    names = run_dump(args.dump, docs)
    bias_col = names.index("bias")
    tables = {}
    for kind in ("html", "text"):
        kd = [doc for doc in docs if doc["kind"] == kind]
        wt = [1.0 if doc["corpus"] in ("html", "textdump") else
              tc.SYNTH_WEIGHT if doc["corpus"] == "text" else args.dump_weight for doc in kd]
        sites = sorted(set(doc["site"] for doc in kd))
        sid = np.array([sites.index(doc["site"]) for doc in kd])
        print(f"\n== {kind} input: pages {len(kd)}, sites {len(sites)}, "
              f"right headline among the candidates: {sum(bool(doc['right']) for doc in kd)}")
        cv = collections.defaultdict(list)
        for tr, te in GroupKFold(n_splits=args.folds).split(kd, groups=sid):
            trd = [kd[i] for i in tr]
            w = fit_ranker(trd, [wt[i] for i in tr], bias_col)
            b = fit_bias(trd, w, kind)
            for i in te:
                doc = kd[i]
                c = choose(doc, w, b)
                cv[doc["corpus"]].append(float(right(doc, c)))
                if args.verbose and not right(doc, c) and doc["corpus"] in args.verbose.split(","):
                    print("  wrong:", os.path.basename(doc["path"])[:24], "|",
                          doc["texts"][c][:60] if c is not None else None, "|| right:",
                          doc["headline"][:50] if doc["right"] else None)
        hand = np.zeros(len(names))
        hand[names.index("title_rules")] = 1
        print("headline right, cross-validated by site (the hand-set title score alone):")
        for c, v in cv.items():
            r = [float(right(doc, choose(doc, hand, 0))) for doc in kd if doc["corpus"] == c]
            print(f"  {c:14s} {np.mean(v):.3f} ({np.mean(r):.3f}) ({len(v)} pages)")
        w = fit_ranker(kd, wt, bias_col)
        w[bias_col] = fit_bias(kd, w, kind)
        r = accuracy(kd, w, w[bias_col] * 0)
        tables[kind] = w
        print("fitted on all its sites:")
        for c in sorted(set(doc["corpus"] for doc in kd)):
            v = [float(right(doc, choose(doc, w, 0))) for doc in kd if doc["corpus"] == c]
            print(f"  {c:14s} {np.mean(v):.3f}")
        print("weights (raw feature scale):")
        for n, v in sorted(zip(names, w), key=lambda t: -abs(t[1])):
            print(f"  {n:16s} {v:+.3f}")
    if args.weights:
        tc.write_weights(args.weights,
                         "Headline weights, fitted by tools/train-headline.py (make train) on\n"
                         "the dev corpora: pairwise logistic regression over each page's\n"
                         "candidates, raw feature scale; a headline scores above 0.  One\n"
                         "column for pages and one for scraped text.",
                         names, tables)


if __name__ == "__main__":
    main()
