#!/bin/sh
# TEI validity (make check-tei): every golden TEI file under tests/regress,
# a teiCorpus of two articles as batch mode writes it on standard output,
# against the TEI P5 schema with jing; and jing must reject
# tests/tei/invalid-*.xml, so that a check that cannot fail is caught.
# The schema is not part of the tree: TEI_SCHEMA names it (default
# ../shared/schemas/tei_all.rng, relative to the checkout).  Without jing
# or the schema the check says what it skipped and succeeds.
# Usage: sh tests/tei.sh path/to/artparse
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.." || exit 2
schema=${TEI_SCHEMA:-../shared/schemas/tei_all.rng}
if ! command -v jing >/dev/null 2>&1; then
	echo "check-tei: SKIPPED: jing is not installed (sh tools/deps.sh --test)"
	exit 0
fi
if [ ! -f "$schema" ]; then
	echo "check-tei: SKIPPED: no TEI schema at $schema (set TEI_SCHEMA)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# Debian's jing script warns about optional jars it cannot find.
validate() {
	jing "$schema" "$@" >"$tmp/out" 2>&1
	rc=$?
	grep -v '^\[warning\]' "$tmp/out"
	return $rc
}

# Golden files of inputs that are no article end in "[exit 1]".
set --
for f in tests/regress/*.out_tei tests/regress/html/*.out_tei; do
	[ -f "$f" ] || continue
	head -c 5 "$f" | grep -q '^<?xml' && set -- "$@" "$f"
done
if [ $# -eq 0 ]; then
	echo "FAIL: no golden TEI file"
	fail=1
elif validate "$@"; then
	echo "ok   $# golden TEI files"
else
	echo "FAIL: golden TEI files"
	fail=1
fi

"$bin" --format tei -q tests/articles/02-maire-declare.txt \
    tests/regress/html/comments-longer.html >"$tmp/corpus.xml" 2>&1
if [ "$(grep -c '<TEI ' "$tmp/corpus.xml")" -ne 2 ]; then
	echo "FAIL: teiCorpus of two inputs: $(head -c 300 "$tmp/corpus.xml")"
	fail=1
elif validate "$tmp/corpus.xml"; then
	echo "ok   teiCorpus on standard output"
else
	echo "FAIL: teiCorpus on standard output"
	fail=1
fi

for f in tests/tei/invalid-*.xml; do
	if validate "$f" >/dev/null; then
		echo "FAIL: jing accepts $f"
		fail=1
	else
		echo "ok   jing rejects $f"
	fi
done
[ "$fail" -eq 0 ]
