#!/bin/sh
# Golden-file tests: every input under tests/articles and tests/regress is
# rendered in every format and compared with tests/regress/NAME.out_FORMAT;
# the pages under tests/regress/html have theirs beside them.  Exit status
# 1 (input not converted: no article in the page) is a result like any
# other, recorded as a last line "[exit 1]"; any other failure fails.
# Options for one input go in NAME.args beside its golden files.
# REGEN=1 rewrites the golden files (review the diff before committing).
# VALGRIND="valgrind -q --error-exitcode=99 ..." runs each under valgrind.
# Usage: sh tests/regress.sh path/to/artparse
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
# Inputs are named relative to the top folder, as source.path shows them.
cd "$(dirname "$0")/.." || exit 2
here=tests
gold=$here/regress
pass=0
fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

for input in "$here"/articles/*.txt "$gold"/*.txt "$gold"/*.html \
    "$gold"/html/*.html; do
	[ -f "$input" ] || continue
	name=$(basename "$input")
	name=${name%.*}
	case $input in
	"$gold"/html/*)	dir=$gold/html ;;
	*)		dir=$gold ;;
	esac
	# NAME.args beside an input: options for all its renderings.
	args=
	[ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
	for fmt in json md text tree tei; do
		want=$dir/$name.out_$fmt
		# shellcheck disable=SC2086
		${VALGRIND:-} "$bin" --format "$fmt" $args "$input" >"$tmp" 2>&1
		rc=$?
		if [ "$rc" -eq 1 ]; then
			echo "[exit 1]" >>"$tmp"
		elif [ "$rc" -ne 0 ]; then
			fail=$((fail + 1))
			echo "FAIL: $name ($fmt): exit status $rc: $(head -c 300 "$tmp")"
			continue
		fi
		if [ -n "${REGEN:-}" ]; then
			cp "$tmp" "$want"
			pass=$((pass + 1))
		elif [ ! -f "$want" ]; then
			fail=$((fail + 1))
			echo "FAIL: $name ($fmt): no golden file (make regen)"
		elif cmp -s "$tmp" "$want"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL: $name ($fmt): output differs from $want"
			diff -u "$want" "$tmp" | head -n 20
		fi
	done
done
echo "regress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
