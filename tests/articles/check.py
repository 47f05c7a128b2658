#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Compare one artparse JSON output with a hand-written NAME.expect.json.

usage: check.py NAME.expect.json OUTPUT.json

Only the keys present in the expect file are compared, exactly, after
Unicode NFC normalisation.  List fields are compared on a projection:
authors on name and role, quotes on text and speaker, related on title
and summary, body on type and text.  Exit status: 0 when everything
matches, 1 on a mismatch or invalid output, 2 on a usage error.
Standard library only.
"""

import difflib
import json
import sys
import unicodedata

# Fields compared for the items of each list key; other keys compare whole.
PROJECT = {
    "authors": ("name", "role"),
    "body": ("type", "text"),
    "quotes": ("text", "speaker"),
    "related": ("title", "summary"),
}

# Characters made visible in the diff output.
VISIBLE = {
    "\u00a0": "\\u00a0",
    "\u202f": "\\u202f",
    "\u2009": "\\u2009",
    "\u200b": "\\u200b",
    "\ufeff": "\\ufeff",
    "\t": "\\t",
    "\r": "\\r",
    "\n": "\\n",
}


def nfc(v):
    """NFC-normalise every string inside v."""
    if isinstance(v, str):
        return unicodedata.normalize("NFC", v)
    if isinstance(v, list):
        return [nfc(x) for x in v]
    if isinstance(v, dict):
        return {nfc(k): nfc(x) for k, x in v.items()}
    return v


def show(v):
    """A one-line rendering of v with invisible characters spelled out."""
    if isinstance(v, str):
        out = []
        for c in v:
            if c in VISIBLE:
                out.append(VISIBLE[c])
            elif c == '"':
                out.append('\\"')
            elif c == "\\":
                out.append("\\\\")
            elif unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp"):
                out.append("\\u%04x" % ord(c))
            else:
                out.append(c)
        return '"' + "".join(out) + '"'
    return json.dumps(v, ensure_ascii=False)


def first_diff(a, b):
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def scalar_diff(label, exp, got, out, indent="  "):
    """Print expected vs got for one scalar value."""
    out.append("%s%s:" % (indent, label))
    if isinstance(exp, str) and isinstance(got, str) and \
            (len(exp) > 100 or len(got) > 100):
        i = first_diff(exp, got)
        lo = max(0, i - 30)
        out.append("%s  first difference at character %d:" % (indent, i))
        out.append("%s    expected ...%s" % (indent, show(exp[lo:i + 40])))
        out.append("%s    got      ...%s" % (indent, show(got[lo:i + 40])))
        out.append("%s  expected (full): %s" % (indent, show(exp)))
        out.append("%s  got (full):      %s" % (indent, show(got)))
    else:
        out.append("%s  expected %s" % (indent, show(exp)))
        out.append("%s  got      %s" % (indent, show(got)))


def project(item, fields):
    """The compared part of one list item; None for missing fields."""
    if not isinstance(item, dict):
        return item
    return {f: item.get(f) for f in fields}


def item_line(item, fields):
    if isinstance(item, dict):
        return ", ".join("%s=%s" % (f, show(item.get(f))) for f in fields)
    return show(item)


def list_diff(key, exp, got, out):
    """Item-by-item diff of two lists, aligned with difflib."""
    fields = PROJECT.get(key)
    if fields:
        pexp = [project(x, fields) for x in exp]
        pgot = [project(x, fields) for x in got]
    else:
        pexp, pgot = exp, got
    if pexp == pgot:
        return True
    out.append("%s: expected %d item(s), got %d" % (key, len(exp), len(got)))
    kexp = [json.dumps(x, ensure_ascii=False, sort_keys=True) for x in pexp]
    kgot = [json.dumps(x, ensure_ascii=False, sort_keys=True) for x in pgot]
    sm = difflib.SequenceMatcher(None, kexp, kgot, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if op == "replace":
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                e, g = pexp[i1 + k], pgot[j1 + k]
                out.append("  %s[%d] differs (got[%d]):" % (key, i1 + k, j1 + k))
                if fields and isinstance(e, dict) and isinstance(g, dict):
                    for f in fields:
                        if e.get(f) != g.get(f):
                            scalar_diff(f, e.get(f), g.get(f), out, "    ")
                else:
                    scalar_diff("item", e, g, out, "    ")
            for k in range(i1 + pairs, i2):
                out.append("  - %s[%d] missing: %s"
                           % (key, k, item_line(pexp[k], fields or ())))
            for k in range(j1 + pairs, j2):
                out.append("  + unexpected got[%d]: %s"
                           % (k, item_line(pgot[k], fields or ())))
        elif op == "delete":
            for k in range(i1, i2):
                out.append("  - %s[%d] missing: %s"
                           % (key, k, item_line(pexp[k], fields or ())))
        elif op == "insert":
            for k in range(j1, j2):
                out.append("  + unexpected got[%d]: %s"
                           % (k, item_line(pgot[k], fields or ())))
    return False


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: check.py NAME.expect.json OUTPUT.json\n")
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            expect = nfc(json.load(f))
    except (OSError, ValueError) as e:
        print("cannot read expectations %s: %s" % (argv[1], e))
        return 2
    try:
        with open(argv[2], "rb") as f:
            raw = f.read()
    except OSError as e:
        print("cannot read output: %s" % e)
        return 1
    try:
        got = nfc(json.loads(raw.decode("utf-8")))
    except UnicodeDecodeError as e:
        print("output is not UTF-8: %s" % e)
        return 1
    except ValueError as e:
        print("output is not valid JSON: %s" % e)
        head = raw[:300].decode("utf-8", "replace")
        print("output begins: %s" % show(head))
        return 1
    if not isinstance(got, dict):
        print("output is valid JSON but not an object: %s"
              % show(json.dumps(got, ensure_ascii=False)[:200]))
        return 1

    out = []
    ok = True
    for key in expect:
        if key not in got:
            out.append("%s: missing from output (expected %s)"
                       % (key, show(expect[key])))
            ok = False
            continue
        e, g = expect[key], got[key]
        if isinstance(e, list):
            if not isinstance(g, list):
                out.append("%s: expected a list, got %s" % (key, show(g)))
                ok = False
            elif not list_diff(key, e, g, out):
                ok = False
        elif e != g:
            scalar_diff(key, e, g, out, "")
            ok = False
    if out:
        print("\n".join(out))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
