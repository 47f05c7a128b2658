#!/usr/bin/env python3
"""Fit the content weights of src/content.c on the development corpora.

usage: train-content.py --dump BUILD/dump-features [--shared ../shared]
                        [--weights data/content-weights.txt] [--report FILE]

1. Runs the C feature extractor (tools/dump-features.c, the binary's own
   code) over every page of the dev corpora: corpus/html, corpus/textdump,
   corpus/wide/fulltext, corpus/wide/snippets; with --dumps, text-browser
   dumps of the wide corpora too (an experiment: not in `make train`).
2. Labels each block from the gold: a block whose text is in the gold body
   (or standfirst) is content; for the snippet pages a block holding a
   `with` snippet is content, one holding a `without` snippet is not, the
   others are left out of the fit.
3. Fits a logistic regression and a small gradient-boosted tree ensemble
   (TREES trees of depth DEPTH), each scored by cross-validation grouped
   by site (no site is both fitted and scored) on the same folds.
4. Replays the classifier's body choice (the maximum-sum run of
   (p - threshold) * (chars + length_bias), blocks under `keep` dropped)
   on the out-of-fold probabilities to choose those three parameters by
   the end metrics (body F1, snippet F1).  For each kind of input (pages,
   text) the model with the better mean of those metrics over the kind's
   corpora is kept (the same measure that chose the parameters); the
   ensemble only when it wins by TREES_MARGIN, else the logistic one.
   Then it refits on everything and writes the weights file (the
   logistic weights always, for the kinds that chose them the trees
   too).  The report goes to standard output.
5. With --cv-dir, writes for each fold the weights refitted without its
   sites and the list of its pages: tools/cv-pipeline.sh builds the
   binary with each and scores it on the pages it did not see.

Developers only: needs python3-numpy and python3-sklearn; the build and
`make check` never run it.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.metrics import roc_auc_score

TREES, DEPTH, RATE = 50, 3, 0.2   # the ensemble: small, so it stays cheap
TREES_MARGIN = 0.002              # mean F1 the ensemble must gain to be kept

WORD = re.compile(r"\w+", re.UNICODE)
SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009\u2007\u200a\u2002\u2003\t\r\n"), " ")
FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"',
                      "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                      "\u2013": "-", "\u2014": "-", "\u2026": "..."})


def norm(s):
    s = unicodedata.normalize("NFC", s or "").translate(SPACES).translate(FOLD)
    return " ".join(s.split()).casefold()


def tokens(s):
    return WORD.findall(norm(s))


def site_of(gold, stem):
    if gold.get("site"):
        return gold["site"].lower().removeprefix("www.")
    if gold.get("url"):
        return urlparse(gold["url"]).netloc.lower().removeprefix("www.")
    # French dev pages are named NNN-site.tld
    m = re.match(r"\d+-(.+)", stem)
    return m.group(1) if m else stem


class Doc:
    def __init__(self, corpus, stem, path, gold):
        self.corpus, self.stem, self.path, self.gold = corpus, stem, path, gold
        self.site = site_of(gold, stem)
        body = gold.get("body") or []
        if isinstance(body, str):
            body = body.split("\n")
        if gold.get("standfirst"):
            body = [gold["standfirst"]] + body
        self.paras = [norm(p) for p in body if p and p.strip()]
        self.body_text = " \n ".join(self.paras)
        self.bag = collections.Counter(tokens(" ".join(self.paras)))
        self.headline = norm(gold.get("headline") or "")
        self.with_ = [norm(s) for s in gold.get("with") or []]
        self.without = [norm(s) for s in gold.get("without") or []]
        self.rows = []      # feature vectors
        self.texts = []
        self.kinds = []


def collect(shared, dumps=None):
    docs = []
    folders = [(c, os.path.join(shared, "corpus", c))
               for c in ("html", "textdump", "wide/fulltext", "wide/snippets")]
    if dumps:
        folders += [("dump/" + c, os.path.join(dumps, c)) for c in ("fulltext", "snippets")]
    for corpus, d in folders:
        files = os.listdir(d)
        for g in sorted(files):
            if not g.endswith(".gold.json"):
                continue
            stem = g[:-len(".gold.json")]
            inputs = [f for f in files if f.startswith(stem + ".") and not f.endswith(".json")]
            if not inputs:
                continue
            gold = json.load(open(os.path.join(d, g), encoding="utf-8"))
            docs.append(Doc(corpus, stem, os.path.join(d, sorted(inputs)[0]), gold))
    return docs


# The synthetic clean texts count for this much of a real page's block:
# they teach that an article can be all body, without outweighing the
# real text dumps.
SYNTH_WEIGHT = 0.2


def synth_text(docs, folder):
    """Scraped-text copies of the annotated pages (headline, standfirst,
    byline, date, paragraphs), in two layouts, as clean text input looks:
    the text model must see articles that are all body, not only dumps
    full of menus."""
    out = []
    os.makedirs(folder, exist_ok=True)
    for doc in docs:
        if doc.corpus not in ("html", "wide/fulltext") or not doc.paras:
            continue
        g = doc.gold
        body = g.get("body") or []
        if isinstance(body, str):
            body = body.split("\n")
        body = [p.strip() for p in body if p and p.strip()]
        head = [g["headline"]] if g.get("headline") else []
        meta = []
        if g.get("authors"):
            meta.append("Par " + " et ".join(g["authors"]))
        if g.get("date"):
            meta.append(str(g["date"])[:10])
        lead = [g["standfirst"]] if g.get("standfirst") else []
        for k, sep in enumerate(("\n\n", "\n")):
            name = os.path.join(folder, f"{doc.corpus.replace('/', '_')}-{doc.stem}-{k}.txt")
            with open(name, "w", encoding="utf-8") as f:
                f.write(sep.join(head + lead + meta + body) + "\n")
            out.append(Doc("text", f"{doc.stem}-{k}", name, g))
    return out


def run_dump(dump, docs):
    by_path = {doc.path: doc for doc in docs}
    names = None
    for i in range(0, len(docs), 50):
        chunk = [doc.path for doc in docs[i:i + 50]]
        out = subprocess.run([dump] + chunk, capture_output=True, check=True).stdout
        lines = out.decode("utf-8", "replace").split("\n")
        names = lines[0].split("\t")[3:-1]
        for line in lines[1:]:
            if not line:
                continue
            f = line.split("\t")
            doc = by_path[f[0]]
            doc.kinds.append(f[2])
            doc.rows.append([float(v) for v in f[3:-1]])
            doc.texts.append(f[-1])
    return names


def label(doc, text):
    """1 content, 0 not, None unknown."""
    t = norm(text)
    if not t or t == doc.headline:
        return 0
    if doc.with_ or doc.without:
        if any(s and s in t for s in doc.without):
            return 0
        toks = tokens(t)
        if any(s and (s in t or (len(toks) >= 6 and t in s)) for s in doc.with_):
            return 1
        return None
    if not doc.paras:
        return None
    toks = tokens(t)
    if len(toks) < 6:
        return 1 if any(t == p for p in doc.paras) or (len(toks) >= 3 and t in doc.body_text) else 0
    if t in doc.body_text:
        return 1
    c = collections.Counter(toks)
    covered = sum((c & doc.bag).values()) / sum(c.values())
    return 1 if covered >= 0.8 else 0


def simulate(doc, p, X, names, thr, lb, keep):
    """The body the classifier would keep, as text (approximation)."""
    ci = {n: i for i, n in enumerate(names)}
    chars = np.expm1(X[:, ci["text_len_log"]])
    section = X[:, ci["cue_section"]] > 0
    sc = (p - thr) * (chars + lb)
    # a section label ("Comments") restarts the run, as in classify.c
    best = s = 0.0
    start = fr = to = 0
    for i in range(len(sc)):
        if section[i]:
            s, start = 0.0, i + 1
            continue
        if s <= 0:
            s, start = 0.0, i
        s += sc[i]
        if s > best:
            best, fr, to = s, start, i + 1
    out = []
    for i in range(fr, to):
        if X[i, ci["cue_boilerplate"]] or X[i, ci["h1"]] or X[i, ci["cue_related"]]:
            continue
        if p[i] < keep:
            continue
        out.append(doc.texts[i])
    return out


def f1_body(doc, body):
    pred = collections.Counter(tokens(" ".join(body)))
    gold = doc.bag
    tp = sum((pred & gold).values())
    if not gold:
        return None
    if tp == 0:
        return 0.0
    pr, rc = tp / sum(pred.values()), tp / sum(gold.values())
    return 2 * pr * rc / (pr + rc)


def snippets(doc, body):
    text = norm(" ".join(body))
    tp = sum(1 for s in doc.with_ if s in text)
    fn = len(doc.with_) - tp
    fp = sum(1 for s in doc.without if s in text)
    return tp, fn, fp


def evaluate(docs, probs, names, thr, lb, keep):
    res = collections.defaultdict(list)
    snip = collections.defaultdict(lambda: [0, 0, 0])
    for doc, p in zip(docs, probs):
        if len(doc.rows) == 0:
            body = []
        else:
            body = simulate(doc, p, np.array(doc.rows), names, thr, lb, keep)
        if doc.with_ or doc.without:
            for k, v in enumerate(snippets(doc, body)):
                snip[doc.corpus][k] += v
        else:
            f = f1_body(doc, body)
            if f is not None:
                res[doc.corpus].append(f)
    out = {c: float(np.mean(v)) for c, v in res.items()}
    for corpus, (tp, fn, fp) in snip.items():
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        out[corpus] = 2 * p * r / (p + r) if p + r else 0
    return out


def choose_params(docs, probs, names, corpora):
    """The region parameters (threshold, length_bias, keep) that give the
    best mean end metric over corpora: (mean, thr, lb, keep, scores)."""
    best = None
    for thr in (0.2, 0.3, 0.4, 0.5, 0.6):
        for lb in (0, 20, 60, 150):
            for keep in (0.0, 0.05, 0.1, 0.2, 0.3):
                r = evaluate(docs, probs, names, thr, lb, keep)
                r = {c: v for c, v in r.items() if c in corpora}
                mean = float(np.mean(list(r.values())))
                if best is None or mean > best[0]:
                    best = (mean, thr, lb, keep, r)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--weights", default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="skip the tree ensemble")
    ap.add_argument("--cv-dir", default=None,
                    help="also write, for each fold, the weights fitted without its "
                         "sites (fold-K.weights) and its pages (fold-K.list), for "
                         "tools/cv-pipeline.sh to score the binary itself by site")
    ap.add_argument("--dumps", default=None,
                    help="folder of text-browser dumps of the wide corpora "
                         "(fulltext/, snippets/: tools/browser-dumps.sh)")
    args = ap.parse_args()

    docs = collect(args.shared, args.dumps)
    import tempfile
    docs += synth_text(docs, tempfile.mkdtemp(prefix="train-content-"))
    names = run_dump(args.dump, docs)
    X, y, g, sw = [], [], [], []
    for k, doc in enumerate(docs):
        for row, text in zip(doc.rows, doc.texts):
            lab = label(doc, text)
            if lab is None:
                continue
            X.append(row)
            y.append(lab)
            g.append(doc.site)
            sw.append(SYNTH_WEIGHT if doc.corpus == "text" else 1.0)
    X, y, sw = np.array(X), np.array(y), np.array(sw)
    sites = sorted(set(doc.site for doc in docs))
    site_id = {s: i for i, s in enumerate(sites)}
    gi = np.array([site_id[s] for s in g])
    print(f"pages {len(docs)}, sites {len(sites)}, labelled blocks {len(y)} "
          f"({int(y.sum())} content)")

    def fit(Xt, yt, wt):
        mu, sd = Xt.mean(0), Xt.std(0)
        sd[sd == 0] = 1
        m = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced")
        m.fit((Xt - mu) / sd, yt, sample_weight=wt)
        w = m.coef_[0] / sd
        b = m.intercept_[0] - float((m.coef_[0] * mu / sd).sum())
        w[names.index("bias")] += b
        return w

    def predict(w, Xs):
        return 1 / (1 + np.exp(-(Xs @ w)))

    hcol = names.index("html")
    kinds = {"html": ("html", "wide/fulltext", "wide/snippets"), "text": ("textdump", "text", "dump/fulltext", "dump/snippets")}
    doc_site = np.array([site_id[doc.site] for doc in docs])
    doc_kind = np.array([("text" if doc.corpus in kinds["text"] else "html") for doc in docs])
    row_kind = np.where(X[:, hcol] > 0, "html", "text")
    tables, params, forests = {}, {}, {}
    fold_tables = collections.defaultdict(dict)
    fold_forests = collections.defaultdict(dict)
    fold_docs = collections.defaultdict(list)
    for kind, corpora in kinds.items():
        kd = np.where(doc_kind == kind)[0]
        kr = row_kind == kind
        Xk, yk, gk, wk = X[kr], y[kr], gi[kr], sw[kr]
        print(f"\n== {kind} input: pages {len(kd)}, sites {len(set(doc_site[kd]))}, "
              f"labelled blocks {len(yk)} ({int(yk.sum())} content)")
        # Cross-validation by site: out-of-fold probabilities for every page.
        folds = min(args.folds, len(set(doc_site[kd])))
        gkf = GroupKFold(n_splits=folds)
        oof = np.zeros(len(yk))
        probs = {}
        # Each fold's models are kept: --cv-dir writes them as they are.
        fold_test, lr_folds, tree_folds = [], [], []
        for _, te in gkf.split(kd, groups=doc_site[kd]):
            te_sites = set(doc_site[kd[te]])
            tr = np.array([s not in te_sites for s in gk])
            w = fit(Xk[tr], yk[tr], wk[tr])
            fold_test.append(te)
            lr_folds.append(w)
            oof[~tr] = predict(w, Xk[~tr])
            for k in kd[te]:
                probs[k] = predict(w, np.array(docs[k].rows)) if docs[k].rows else np.zeros(0)
        print(f"logistic regression, block AUC cross-validated by site: {roc_auc_score(yk, oof):.3f}")
        kdocs = [docs[k] for k in kd]
        lr_best = choose_params(kdocs, [probs[k] for k in kd], names, corpora)
        report_cv("logistic regression", lr_best, corpora)
        chosen, best = "logistic", lr_best
        if not args.quick:
            oof_t = np.zeros(len(yk))
            tprobs = {}
            for _, te in gkf.split(kd, groups=doc_site[kd]):
                te_sites = set(doc_site[kd[te]])
                tr = np.array([s not in te_sites for s in gk])
                m = fit_trees(Xk[tr], yk[tr], wk[tr])
                tree_folds.append(m)
                oof_t[~tr] = m.predict_proba(Xk[~tr])[:, 1]
                for k in kd[te]:
                    tprobs[k] = m.predict_proba(np.array(docs[k].rows))[:, 1] if docs[k].rows else np.zeros(0)
            print(f"tree ensemble ({TREES} trees, depth {DEPTH}), block AUC, same folds: "
                  f"{roc_auc_score(yk, oof_t):.3f}")
            t_best = choose_params(kdocs, [tprobs[k] for k in kd], names, corpora)
            report_cv("tree ensemble", t_best, corpora)
            # The ensemble must win by a margin: on a near tie, where the
            # folds' noise decides, the simpler model stays.
            if t_best[0] > lr_best[0] + TREES_MARGIN:
                chosen, best = "trees", t_best
        print(f"kept: {chosen} (the better mean over the corpora)")
        _, thr, lb, keep, _ = best
        params[kind] = (thr, lb, keep)
        if args.cv_dir:
            # The models fitted without each fold's sites, for the binary
            # itself to be scored on them (tools/cv-pipeline.sh).
            for f, te in enumerate(fold_test):
                fold_tables[f][kind] = lr_folds[f]
                if chosen == "trees":
                    fold_forests[f][kind] = tree_folds[f]
                fold_docs[f] += [docs[k] for k in kd[te] if docs[k].corpus != "text"]
        w = fit(Xk, yk, wk)
        tables[kind] = w
        if chosen == "trees":
            m = fit_trees(Xk, yk, wk)
            forests[kind] = m
            full = [m.predict_proba(np.array(d.rows))[:, 1] if d.rows else np.zeros(0) for d in kdocs]
        else:
            full = [predict(w, np.array(d.rows)) if d.rows else np.zeros(0) for d in kdocs]
        r = evaluate(kdocs, full, names, thr, lb, keep)
        print("fitted on all its sites (simulated):")
        for c in corpora:
            if c in r:
                print(f"  {c:14s} {'snip_f' if 'snip' in c else 'body_f'} {r[c]:.3f}")
        print("largest logistic weights (raw feature scale):")
        for n, v in sorted(zip(names, w), key=lambda t: -abs(t[1]))[:15]:
            print(f"  {n:24s} {v:+.3f}")
    if args.cv_dir:
        os.makedirs(args.cv_dir, exist_ok=True)
        for f in sorted(fold_tables):
            write_weights(os.path.join(args.cv_dir, f"fold-{f}.weights"),
                          f"Content weights fitted without the sites of fold {f}.",
                          names, fold_tables[f],
                          [f"param {kind} {' '.join(map(str, params[kind]))}" for kind in ("html", "text")]
                          + [line for kind, m in fold_forests[f].items()
                             for line in forest_lines(kind, m, names)])
            with open(os.path.join(args.cv_dir, f"fold-{f}.list"), "w") as out:
                for doc in fold_docs[f]:
                    out.write(f"{doc.corpus}\t{doc.stem}\t{doc.path}\n")
    if args.weights:
        write_weights(args.weights,
                      "Content weights, fitted by tools/train-content.py (make train) on the\n"
                      "dev corpora: logistic regression, raw feature scale, one column for\n"
                      "pages and one for scraped text; after the params, the tree ensemble\n"
                      "of each kind that kept one (base, tree, node and leaf lines).",
                      names, tables,
                      [f"param {kind} {' '.join(map(str, params[kind]))}" for kind in ("html", "text")]
                      + [line for kind, m in forests.items() for line in forest_lines(kind, m, names)])


def report_cv(what, best, corpora):
    print(f"{what}, cross-validated by site (simulated body choice), "
          f"threshold {best[1]}, length_bias {best[2]}, keep {best[3]}:")
    for c in corpora:
        if c in best[4]:
            print(f"  {c:14s} {'snip_f' if 'snip' in c else 'body_f'} {best[4][c]:.3f}")


def fit_trees(X, y, w):
    from sklearn.ensemble import HistGradientBoostingClassifier
    m = HistGradientBoostingClassifier(max_depth=DEPTH, max_iter=TREES, learning_rate=RATE,
                                       early_stopping=False, random_state=0)
    return m.fit(X, y, sample_weight=w)


def forest_lines(kind, m, names):
    """The fitted ensemble as lines of the weights file: "base KIND z",
    then per tree "tree KIND" and its nodes in order, "node FEATURE
    THRESHOLD YES NO VALUE" (x <= THRESHOLD goes to node YES; indices
    count from the tree's first node) or "leaf VALUE".  A split node's
    value is the mean of the leaves under it weighted by their blocks,
    so the change along a path is each feature's share of the score."""
    out = [f"base {kind} {float(np.ravel(m._baseline_prediction)[0]):.17g}"]
    for (pred,) in m._predictors:
        nodes = pred.nodes
        value = [float(v) for v in nodes["value"]]
        count = [int(c) for c in nodes["count"]]

        def fill(i):
            if nodes[i]["is_leaf"]:
                return value[i], count[i]
            lv, lc = fill(nodes[i]["left"])
            rv, rc = fill(nodes[i]["right"])
            value[i] = (lv * lc + rv * rc) / (lc + rc) if lc + rc else 0.0
            return value[i], lc + rc
        fill(0)
        out.append(f"tree {kind}")
        for i, n in enumerate(nodes):
            if n["is_leaf"]:
                out.append(f"leaf {value[i]:.17g}")
            else:
                out.append(f"node {names[n['feature_idx']]} {float(n['num_threshold']):.17g} "
                           f"{int(n['left'])} {int(n['right'])} {value[i]:.17g}")
    return out


def write_weights(path, about, names, tables, extra=()):
    """A weights file for tools/gen-weights.sh: the comment "about", one
    line a feature with its page and text weights, then the extra lines."""
    with open(path, "w") as f:
        for line in about.split("\n"):
            f.write(f"# {line}\n")
        f.write("# feature html text\n")
        for i, n in enumerate(names):
            f.write(f"{n} {tables['html'][i]:.6g} {tables['text'][i]:.6g}\n")
        for line in extra:
            f.write(line + "\n")

if __name__ == "__main__":
    main()
