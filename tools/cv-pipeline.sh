#!/bin/sh
# Score the binary itself by site-grouped cross-validation: for each fold
# written by `train-content.py --cv-dir DIR`, build artparse with the
# weights fitted without that fold's sites, convert that fold's pages
# with it, then score every corpus with the shared scorer (each page is
# in exactly one fold).  Developers only; needs ../shared.
# usage: cv-pipeline.sh CVDIR [SHARED]
set -eu
cv=${1:?usage: cv-pipeline.sh CVDIR [SHARED]}
shared=${2:-../shared}
top=$(cd "$(dirname "$0")/.." && pwd)
cv=$(cd "$cv" && pwd)
shared=$(cd "$shared" && pwd)
for w in "$cv"/fold-*.weights; do
	f=$(basename "$w" .weights)
	tree=$cv/$f.tree
	rm -rf "$tree"
	mkdir -p "$tree"
	(cd "$top" && tar cf - Makefile src include data tools) | (cd "$tree" && tar xf -)
	cp "$w" "$tree/data/content-weights.txt"
	# Its own build folder, whatever BUILD the calling make was given.
	MAKEFLAGS= make -s -j2 -C "$tree" BUILD=build build/artparse >/dev/null
	while IFS='	' read -r corpus stem path; do
		out=$cv/out/$(echo "$corpus" | tr / _)
		mkdir -p "$out"
		timeout 20 "$tree/build/artparse" --format json "$path" \
		    >"$out/$stem.json" 2>/dev/null || rm -f "$out/$stem.json"
	done <"$cv/$f.list"
done
for corpus in html textdump wide/fulltext wide/snippets; do
	out=$cv/out/$(echo "$corpus" | tr / _)
	[ -d "$out" ] || continue
	printf '%s (cross-validated by site, the binary itself)\n' "$corpus"
	python3 "$shared/eval/score.py" "$shared/corpus/$corpus" "$out" |
	    grep -E '^(body_f|para_f|snip_f) '
done
