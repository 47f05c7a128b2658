#!/bin/sh
# SPDX-License-Identifier: ISC
# `make bench-warc`: WARC throughput, a benchmark (not a test).  Serves a
# folder of pages on 127.0.0.1 (python3 -m http.server), fetches it with
# wget --warc-file, each page again and again under a new query string,
# into WARC files of 1,000 and 5,000 responses, then reports: records/s
# with -j 1 and -j N; CPU time per record against converting the same
# pages as files, and what gunzip alone costs; peak memory for the two
# files, which must not grow with the file.
# Usage: sh tools/bench-warc.sh path/to/artparse [pages folder]
# BENCH_JOBS (default: CPUs) is N, BENCH_REPS (default 3) the rounds of
# runs; the WARC files are kept in
# BENCH_WORK (default: bench-warc/ beside the binary) for the next run.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pages=$(cd "${2:-../shared/corpus/html}" 2>/dev/null && pwd) || {
	echo "bench-warc: no folder ${2:-../shared/corpus/html}" >&2
	exit 1
}
for t in wget python3 gzip; do
	command -v "$t" >/dev/null || {
		echo "bench-warc: needs $t (Debian: apt-get install $t)" >&2
		exit 1
	}
done
gnutime=/usr/bin/time
"$gnutime" -f %M true >/dev/null 2>&1 || {
	echo "bench-warc: needs GNU time (Debian: apt-get install time)" >&2
	exit 1
}
"$bin" --help | grep -q warc || {
	echo "bench-warc: $bin reads no WARC" >&2
	exit 1
}
jobs=${BENCH_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
work=${BENCH_WORK:-$(dirname "$bin")/bench-warc}
mkdir -p "$work"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -f "$work/time" "$work"/times-* "$work"/label-* "$work"/n-* "$work"/out-* "$work/out" "$work/err"' EXIT
trap 'exit 1' INT TERM

(cd "$pages" && ls) | grep -E '^[A-Za-z0-9._-]+\.html?$' >"$work/names"
npages=$(wc -l <"$work/names" | tr -d ' ')
[ "$npages" -gt 0 ] || { echo "bench-warc: no .html page in $pages" >&2; exit 1; }

# The i-th of n fetches takes page (i - 1) mod npages: the list of
# files, and of URLs (each under a query string of its own, so that
# every fetch is a record).
lists() {	# n
	awk -v n="$1" -v port="${port:-0}" -v dir="$pages" \
	    -v urls="$work/urls-$1" -v files="$work/files-$1" '
	    { name[NR - 1] = $0 }
	    END { for (i = 0; i < n; i++) {
	        p = name[i % NR]
	        print "http://127.0.0.1:" port "/" p "?n=" i > urls
	        print dir "/" p > files } }' "$work/names"
}
serve() {
	[ -n "$server" ] && return
	port=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
	python3 -m http.server --bind 127.0.0.1 --directory "$pages" "$port" \
	    >/dev/null 2>&1 &
	server=$!
	i=0
	until python3 -c 'import sys, urllib.request
urllib.request.urlopen("http://127.0.0.1:" + sys.argv[1] + "/", timeout=2)' \
	    "$port" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -lt 50 ] || { echo "bench-warc: the server did not start" >&2; exit 1; }
		sleep 0.1
	done
}
fetch() {	# n: pages-n.warc.gz, one gzip member a record (wget's way)
	if [ -s "$work/pages-$1.warc.gz" ]; then
		lists "$1"
		return
	fi
	serve
	lists "$1"
	echo "bench-warc: fetching $1 pages into $work/pages-$1.warc.gz" >&2
	rm -f "$work/part-$1.warc.gz"
	(cd "$work" && wget -q --no-proxy -O /dev/null -i "urls-$1" \
	    --warc-file="part-$1" --no-warc-keep-log) || true
	n=$(gzip -dc "$work/part-$1.warc.gz" | grep -ac '^WARC-Type: response')
	[ "$n" -eq "$1" ] || {
		echo "bench-warc: wget wrote $n responses, wanted $1" >&2
		exit 1
	}
	mv "$work/part-$1.warc.gz" "$work/pages-$1.warc.gz"
}

# run K LABEL RECORDS CMD...: one run of row K, its times added to
# $work/times-K (GNU time: wall, user, system, peak RSS), its output
# counted.
run() {
	k=$1
	label=$2
	n=$3
	shift 3
	echo "$label" >"$work/label-$k"
	echo "$n" >"$work/n-$k"
	case $label in
	gunzip*) o=/dev/null ;;
	*) o=$work/out ;;
	esac
	"$gnutime" -f '%e %U %S %M' -o "$work/time" "$@" >"$o" \
	    2>"$work/err" || [ $? -eq 1 ]
	# GNU time puts "Command exited with non-zero status" first
	tail -n 1 "$work/time" >>"$work/times-$k"
	got=-
	bad=-
	if [ "$o" != /dev/null ]; then
		got=$(wc -l <"$o" | tr -d ' ')
		bad=$(grep -c '^artparse: .*: ' "$work/err" || true)
	fi
	echo "$got $bad" >"$work/out-$k"
}

# row K: the table's row: wall time, records a second, CPU time (user +
# system) of the command and its workers per record, peak resident
# memory of the largest of them, JSON lines written, records failed.  On
# a shared machine the others' load only ever adds time: the row gives
# the least wall and CPU time of its runs, and the largest memory.
row() {
	read -r got bad <"$work/out-$1"
	awk -v l="$(cat "$work/label-$1")" -v n="$(cat "$work/n-$1")" \
	    -v g="$got" -v b="$bad" '
	    NR == 1 || $1 < w { w = $1 }
	    NR == 1 || $2 + $3 < c { c = $2 + $3 }
	    $4 > r { r = $4 }
	    END { printf "| %s | %d | %s | %s | %.1f | %.0f | %.2f | %.1f |\n",
	        l, n, g, b, w, (w > 0 ? n / w : 0), c * 1000 / n, r / 1024 }' \
	    "$work/times-$1"
}

fetch 1000
fetch 5000
w1=$work/pages-1000.warc.gz
w5=$work/pages-5000.warc.gz
echo "artparse $("$bin" --version | head -n 1); $npages pages of $pages;" \
    "-j N = $jobs; $(uname -m), $(getconf _NPROCESSORS_ONLN) CPUs," \
    "load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo
echo "| run | inputs | JSON out | failed | wall s | records/s | CPU ms/record | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
# BENCH_REPS rounds (default 3), each running every row once, so that
# the machine's changing speed weighs on every row alike.
rm -f "$work"/times-*
r=0
while [ "$r" -lt "${BENCH_REPS:-3}" ]; do
	run 1 "WARC.gz 5,000, -j 1" 5000 "$bin" -q -f json -j 1 "$w5"
	run 2 "WARC.gz 5,000, -j $jobs" 5000 "$bin" -q -f json -j "$jobs" "$w5"
	run 3 "same pages as files, -j 1" 5000 \
	    "$bin" -q -f json -j 1 --files-from "$work/files-5000"
	run 4 "same pages as files, -j $jobs" 5000 \
	    "$bin" -q -f json -j "$jobs" --files-from "$work/files-5000"
	run 5 "WARC.gz 1,000, -j 1" 1000 "$bin" -q -f json -j 1 "$w1"
	run 6 "gunzip of the 5,000 (gzip -dc)" 5000 gzip -dc "$w5"
	r=$((r + 1))
done
{
for k in 1 2 3 4 5 6; do
	row "$k"
done
} | tee "$work/table"
# The two targets: what reading the WARC file adds to a record's CPU
# time, against the extraction (the same page as a file), and the
# speed-up of -j N.
echo
awk -F' *[|] *' -v jobs="$jobs" '
    NR == 1 { wj1 = $6; wcpu = $8 }
    NR == 2 { wjn = $6 }
    NR == 3 { fcpu = $8 }
    END {
	printf "reading the WARC: %+.2f ms of CPU a record, %.1f %% of the " \
	    "extraction (%.2f ms); -j %d: %.2f times -j 1\n",
	    wcpu - fcpu, (wcpu - fcpu) * 100 / fcpu, fcpu, jobs, wj1 / wjn }' \
    "$work/table"
