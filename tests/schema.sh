#!/bin/sh
# JSON output against docs/artparse.schema.json: every fixture, as is and
# with --links --formatting --keep-boilerplate, must validate; every span
# must lie inside its block's text, cover no leading or trailing space,
# and, for a link, carry a URL.  Needs python3-jsonschema (tools/deps.sh
# --test installs it); without it the test says so and is skipped.
# Usage: sh tests/schema.sh path/to/artparse
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.." || exit 2
if ! python3 -c 'import jsonschema' 2>/dev/null; then
	echo "schema: python3-jsonschema is not installed: skipped"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for input in tests/articles/*.txt tests/regress/*.txt tests/regress/*.html \
    tests/regress/html/*.html; do
	[ -f "$input" ] || continue
	n=$((n + 1))
	"$bin" -f json "$input" >"$tmp/$n.plain.json" 2>/dev/null
	[ $? -le 1 ] || { echo "FAIL: $input: artparse failed"; exit 1; }
	"$bin" -f json --links --formatting --keep-boilerplate "$input" \
	    >"$tmp/$n.spans.json" 2>/dev/null
done
python3 - "$tmp" <<'PY'
import json, os, sys
import jsonschema
schema = json.load(open("docs/artparse.schema.json", encoding="utf-8"))
check = jsonschema.validators.validator_for(schema)(schema)
bad = 0
files = sorted(f for f in os.listdir(sys.argv[1]) if f.endswith(".json"))
for f in files:
    path = os.path.join(sys.argv[1], f)
    if os.path.getsize(path) == 0:
        continue    # exit 1: no article in the page
    doc = json.load(open(path, encoding="utf-8"))
    for e in check.iter_errors(doc):
        bad += 1
        print("FAIL: %s (%s): %s at %s" % (doc["source"]["path"], f,
              e.message[:200], "/".join(map(str, e.path))))
    for i, b in enumerate(doc["body"]):
        t = b["text"]
        for s in b.get("links", []) + b.get("formatting", []):
            piece = t[s["start"]:s["end"]]
            if not (0 <= s["start"] < s["end"] <= len(t)) or \
               piece != piece.strip():
                bad += 1
                print("FAIL: %s: body[%d]: span %r covers %r" %
                      (doc["source"]["path"], i, s, piece))
print("schema: %d outputs checked, %d failures" % (len(files), bad))
sys.exit(1 if bad else 0)
PY
