#!/bin/sh
# SPDX-License-Identifier: ISC
# Batch throughput and memory: pages/s with -j 1 and -j N over a folder of
# fixture copies, and peak RSS for 100 and 1,000 files, which must not
# grow with the number of files.
# Usage: sh bench/batch.sh path/to/artparse path/to/rss [FILES]
# FILES (default 1000) is the size of the big run; ROUNDS (default 3)
# runs of each speed measurement, the best counts.
set -u
nbig=${3:-1000}
rounds=${ROUNDS:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Private copies, so that a rebuild meanwhile cannot disturb the runs.
cp "$1" "$tmp/artparse" && cp "$2" "$tmp/rss" || exit 2
bin=$tmp/artparse
rss=$tmp/rss

# The fixtures: the annotated articles, the golden-file inputs and the
# HTML test pages, whatever of them this tree has.
set --
for f in "$here"/tests/articles/*.txt "$here"/tests/regress/*.txt \
    "$here"/tests/regress/*.html "$here"/tests/html/*.html \
    "$here"/data/sample.txt; do
	[ -f "$f" ] && set -- "$@" "$f"
done
nfix=$#
[ "$nfix" -gt 0 ] || { echo "bench: no fixtures" >&2; exit 2; }

# fill DIR N FIXTURE...: N files in one folder (the walk holds the names
# of the folder it reads, so a flat folder is the worst case), cycling
# through the fixtures; one tee(1) per fixture writes all its copies.
fill() {
	dir=$1 n=$2
	shift 2
	mkdir -p "$dir"
	k=0
	for f in "$@"; do
		case $f in
		*.html)	ext=html ;;
		*)	ext=txt ;;
		esac
		awk -v k="$k" -v n="$n" -v nf="$#" -v dir="$dir" -v ext="$ext" \
		    'BEGIN { for (i = k; i < n; i += nf)
			printf "%s/p%d.%s\n", dir, i, ext }' |
		    tr '\n' '\0' | xargs -0 sh -c 'tee "$@" <"$0" >/dev/null' "$f"
		k=$((k + 1))
	done
}
fill "$tmp/in$nbig" "$nbig" "$@"
fill "$tmp/in100" 100 "$@"
bytes=$(cat "$tmp/in$nbig"/* | wc -c | tr -d ' ')

# measure ARGS...: runs rss on artparse, sets $secs $tree $own
measure() {
	"$rss" "$bin" "$@" 2>"$tmp/rss.out" >/dev/null
	st=$?
	read -r secs tree own <"$tmp/rss.out" || { cat "$tmp/rss.out" >&2; exit 1; }
	if [ "$st" -ne 0 ]; then
		echo "bench: artparse $* exited $st" >&2
		exit 1
	fi
}
# best time of $rounds runs, to -d (output files) or stdout (NDJSON)
speed() {	# jobs, mode
	best=
	r=0
	while [ "$r" -lt "$rounds" ]; do
		rm -rf "$tmp/out"
		if [ "$2" = dir ]; then
			measure -q -j "$1" -d "$tmp/out" "$tmp/in$nbig"
		else
			measure -q -j "$1" "$tmp/in$nbig"
		fi
		best=$(awk -v a="$secs" -v b="${best:-1e9}" \
		    'BEGIN { print (a < b ? a : b) }')
		r=$((r + 1))
	done
	awk -v n="$nbig" -v t="$best" 'BEGIN { printf "%8.0f", n / t }'
}
peak() {	# jobs, files
	rm -rf "$tmp/out"
	measure -q -j "$1" -d "$tmp/out" "$tmp/in$2"
	printf '%8s %8s' "$tree" "$own"
}

# What the machine gives: ncpu single-process runs at once on one long
# text, against one alone (ncpu x 1.0 would be perfect scaling).
awk 'BEGIN { for (i = 0; i < 3000; i++)
	printf "Le conseil municipal a voté la rénovation de la piscine et " \
	    "de la médiathèque, paragraphe %d.\n\n", i }' >"$tmp/long.txt"
t1=$( { "$rss" "$bin" "$tmp/long.txt" >/dev/null; } 2>&1 | cut -d' ' -f1)
i=0
: >"$tmp/par.sh"
while [ "$i" -lt "$ncpu" ]; do
	echo "'$bin' '$tmp/long.txt' >/dev/null &" >>"$tmp/par.sh"
	i=$((i + 1))
done
echo wait >>"$tmp/par.sh"
tn=$( { "$rss" sh "$tmp/par.sh"; } 2>&1 | cut -d' ' -f1)
scale=$(awk -v a="$t1" -v b="$tn" -v n="$ncpu" \
    'BEGIN { printf "%.2f", n * a / b }')

echo "artparse batch benchmark: $nbig files ($nfix fixtures, $((bytes / nbig)) bytes" \
    "on average), $ncpu CPUs, best of $rounds"
echo "CPU scaling the machine allows: $ncpu processes at once do" \
    "${scale}x the work of one"
echo
echo "throughput (pages/s)      -j 1   -j $ncpu"
printf '  -d (one file each)  %s %s\n' "$(speed 1 dir)" "$(speed "$ncpu" dir)"
printf '  NDJSON on stdout    %s %s\n' "$(speed 1 out)" "$(speed "$ncpu" out)"
echo
echo "peak RSS (KiB)          any process  parent"
printf '  -j 1    %5d files  %s\n' 100 "$(peak 1 100)"
printf '  -j 1    %5d files  %s\n' "$nbig" "$(peak 1 "$nbig")"
printf '  -j %-4s %5d files  %s\n' "$ncpu" 100 "$(peak "$ncpu" 100)"
printf '  -j %-4s %5d files  %s\n' "$ncpu" "$nbig" "$(peak "$ncpu" "$nbig")"
