#!/bin/sh
# SPDX-License-Identifier: ISC
# Run artparse on every tests/articles/*.txt and compare its JSON output
# with the hand-written NAME.expect.json beside it (see check.py).
#
# usage: sh tests/articles/run.sh path/to/artparse
#
# Prints one line per article ("ok" or "FAIL" with a field-by-field diff),
# then exactly one summary line "N passed, N failed".  Exits 1 if any
# article failed, 2 on a usage error.

if [ $# -ne 1 ]; then
	echo "usage: sh tests/articles/run.sh path/to/artparse" >&2
	exit 2
fi
bin=$1
case $bin in
*/*)	if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
		echo "run.sh: $bin: no such executable" >&2
		exit 2
	fi ;;
*)	if ! command -v "$bin" >/dev/null 2>&1; then
		echo "run.sh: $bin: not found in PATH" >&2
		exit 2
	fi ;;
esac
if ! command -v python3 >/dev/null 2>&1; then
	echo "run.sh: python3 is required" >&2
	exit 2
fi

dir=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/artparse-articles.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

pass=0
fail=0
for txt in "$dir"/*.txt; do
	[ -f "$txt" ] || continue
	name=$(basename "$txt" .txt)
	expect=${txt%.txt}.expect.json
	if [ ! -f "$expect" ]; then
		echo "FAIL $name: no expectation file $expect"
		fail=$((fail + 1))
		continue
	fi
	if "$bin" --format json "$txt" >"$tmp/out" 2>"$tmp/err"; then
		if python3 "$dir/check.py" "$expect" "$tmp/out" >"$tmp/diff" 2>&1
		then
			echo "ok   $name"
			pass=$((pass + 1))
		else
			echo "FAIL $name"
			sed 's/^/    /' "$tmp/diff"
			fail=$((fail + 1))
		fi
	else
		rc=$?
		echo "FAIL $name: artparse exited with status $rc"
		head -n 20 "$tmp/err" | sed 's/^/    stderr: /'
		fail=$((fail + 1))
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
