#!/bin/sh
# SPDX-License-Identifier: ISC
# Text-browser dumps of a corpus folder, to score artparse's text input on
# pages it was not tuned on: each NAME.html is dumped by w3m to
# OUT/NAME.txt beside a copy of its NAME.gold.json, wrapped at COLS
# columns: 80 by default, as a terminal shows it; COLS=10000 keeps each
# paragraph on one line, as corpus/textdump was made (and as
# `make train-headline` dumps wide/fulltext).  Developers only (needs
# w3m); then
#   ../shared/eval/run-corpus.sh build/artparse OUT
# usage: tools/browser-dumps.sh CORPUS_DIR OUT_DIR
set -eu
src=${1:?usage: browser-dumps.sh CORPUS_DIR OUT_DIR}
out=${2:?usage: browser-dumps.sh CORPUS_DIR OUT_DIR}
command -v w3m >/dev/null 2>&1 || {
	echo "browser-dumps.sh: w3m is not installed (apt-get install w3m)" >&2
	exit 1
}
mkdir -p "$out"
n=0
for gold in "$src"/*.gold.json; do
	stem=$(basename "$gold" .gold.json)
	page="$src/$stem.html"
	[ -f "$page" ] || continue
	if timeout 20 w3m -dump -T text/html -cols "${COLS:-80}" -O UTF-8 "$page" \
	    >"$out/$stem.txt.tmp" 2>/dev/null && [ -s "$out/$stem.txt.tmp" ]; then
		mv "$out/$stem.txt.tmp" "$out/$stem.txt"
		cp "$gold" "$out/"
		n=$((n + 1))
	else
		rm -f "$out/$stem.txt.tmp"
	fi
done
echo "browser-dumps.sh: $n pages dumped to $out"
