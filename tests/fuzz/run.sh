#!/bin/sh
# Run each libFuzzer harness for a bounded time (`make fuzz`).
# Usage: sh tests/fuzz/run.sh BUILD SECONDS "EXTRA_SEED_DIRS" "FLAGS" HARNESS...
# The corpus grows in BUILD/corpus/HARNESS (never committed); seeds are the
# test fixtures, each prefixed with a few option bytes (see fuzz_parse.c),
# plus the files of EXTRA_SEED_DIRS.  Crashes, leaks and timeouts are
# written to BUILD/artifacts/ and make this script fail; libFuzzer's final
# statistics are appended to BUILD/fuzz-stats.log.
set -u
build=$1
secs=$2
extra=$3
flags=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
status=0

mkdir -p "$build/artifacts"
for h in "$@"; do
	seed=$build/seed/$h
	corpus=$build/corpus/$h
	mkdir -p "$seed" "$corpus"
	# option bytes: auto/text/html input, the four writers, boilerplate
	case $h in
	fuzz_alloc) opts='\000\000 \024\007 \051\020 \016\100 \012\003' ;;
	fuzz_encoding) opts='\000\000 \004\001 \010\003 \014\004 \001\011 \002\013 \000\010' ;;
	fuzz_warc) opts='\002 \006 \013 \001' ;;
	*) opts='\000 \004 \010 \014 \001 \002 \022 \046 \252 \375' ;;
	esac
	n=0
	for f in "$top"/tests/articles/*.txt "$top"/data/sample.txt \
	    "$top"/tests/html/* "$top"/tests/regress/*.txt \
	    "$top"/tests/regress/*.html "$top"/tests/hostile/*.txt \
	    "$top"/tests/hostile/*.html "$top"/tests/fuzz/regressions/*/*; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		for o in $opts; do
			# shellcheck disable=SC2059  # $o is the escape
			{ printf "$o"; cat "$f"; } >"$seed/$n-$(printf '%s' "$o" |
			    tr -dc 0-9)"
		done
	done
	# the WARC reader's own seeds: the files of tests/warc/mkwarc.sh
	# but the two of 1 MB and more
	if [ "$h" = fuzz_warc ] && rm -rf "$build/warc-seeds" &&
	    sh "$top/tests/warc/mkwarc.sh" "$build/warc-seeds" >/dev/null; then
		rm -f "$build/warc-seeds/longline.warc"
		for f in "$build"/warc-seeds/*.warc* "$build"/warc-seeds/*.gz; do
			[ -f "$f" ] || continue
			n=$((n + 1))
			for o in $opts; do
				# shellcheck disable=SC2059
				{ printf "$o"; cat "$f"; } >"$seed/w$n-$(printf '%s' "$o" |
				    tr -dc 0-9)"
			done
		done
	fi
	for d in $extra; do
		[ -d "$d" ] || continue
		for f in "$d"/*; do
			[ -f "$f" ] || continue
			n=$((n + 1))
			{ printf '\000'; cat "$f"; } >"$seed/x$n"
		done
	done
	echo "fuzz: $h for $secs s ($n seed files)"
	# shellcheck disable=SC2086
	"$build/fuzz/$h" -max_total_time="$secs" -timeout=20 \
	    -rss_limit_mb=2560 -print_final_stats=1 \
	    -dict="$here/fuzz.dict" \
	    -artifact_prefix="$build/artifacts/$h-" $flags \
	    "$corpus" "$seed" 2>"$build/$h.log"
	rc=$?
	{ grep -E '^#[0-9]+.*(DONE|pulse)' "$build/$h.log" | tail -n 1
	  grep -E '^stat::' "$build/$h.log"; } |
	    sed "s/^/$h: /" | tee -a "$build/fuzz-stats.log"
	if [ "$rc" -ne 0 ]; then
		echo "fuzz: $h found a problem (status $rc); see $build/$h.log"
		grep -E 'ERROR|SUMMARY|fuzz:' "$build/$h.log" | head -n 5
		ls "$build/artifacts/"
		status=1
	fi
done
exit $status
