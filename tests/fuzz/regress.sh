#!/bin/sh
# Replay the fuzzers' findings through the command line: the document in
# each file of tests/fuzz/regressions/parse (after its option byte),
# .../alloc and .../encoding (after two bytes) is given to artparse in
# every format of --list-formats and every input type, with and without
# --keep-boilerplate.
# artparse must finish within 20 s with status 0 (converted) or 1
# (refused), never die of a signal.  $VALGRIND, if set, prefixes each run.
# Usage: sh tests/fuzz/regress.sh path/to/artparse
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
to=
command -v timeout >/dev/null && to="timeout 20"
[ -n "${VALGRIND:-}" ] && [ -n "$to" ] && to="timeout 120"

# The formats of the writer table, not a copy of it.
formats=$("$bin" --list-formats | cut -f1)
[ -n "$formats" ] || { echo "FAIL: $bin --list-formats: no formats"; exit 1; }

for f in "$here"/regressions/parse/* "$here"/regressions/alloc/* \
    "$here"/regressions/encoding/*; do
	[ -f "$f" ] || continue
	case $f in
	*/alloc/*|*/encoding/*) skip=3 ;;
	*) skip=2 ;;
	esac
	tail -c +"$skip" "$f" >"$tmp/doc"
	name=${f#"$here"/regressions/}
	for in in auto text html; do
		for fmt in $formats; do
			for kb in "" --keep-boilerplate; do
				# shellcheck disable=SC2086
				$to ${VALGRIND:-} "$bin" -i "$in" -f "$fmt" \
				    -w 20 $kb "$tmp/doc" >"$tmp/out" 2>"$tmp/err"
				rc=$?
				if [ "$rc" -le 1 ]; then
					pass=$((pass + 1))
				else
					fail=$((fail + 1))
					echo "FAIL: $name -i $in -f $fmt $kb:" \
					    "exit $rc: $(head -c 300 "$tmp/err")"
				fi
			done
		done
	done
done
echo "fuzz regressions: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
