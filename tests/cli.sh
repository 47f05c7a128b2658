#!/bin/sh
# Command-line behaviour: streams, -o, exit codes and error messages.
# Usage: sh tests/cli.sh path/to/artparse
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
sample=$(cd "$here/.." && pwd)/data/sample.txt
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }

# run CMD...: sets $rc, $out (stdout file) and $err (stderr file)
run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
expect_rc() {	# name, wanted status
	[ "$rc" -eq "$2" ] && ok || ko "$1: exit $rc, wanted $2 ($(head -c 200 "$tmp/err"))"
}
expect_err() {	# name, fixed string expected in the one-line stderr
	if [ "$(wc -l <"$tmp/err")" -ge 1 ] && head -n 1 "$tmp/err" | grep -qF -- "$2"; then
		ok
	else
		ko "$1: stderr was '$(cat "$tmp/err")', wanted '$2'"
	fi
}
expect_quiet() {	# name: nothing on stderr
	[ ! -s "$tmp/err" ] && ok || ko "$1: unexpected stderr: $(cat "$tmp/err")"
}
expect_json() {	# name, file: JSON, valid against the schema when
		# python3-jsonschema is installed
	python3 - "$2" "$here/../docs/artparse.schema.json" 2>/dev/null <<'EOF' &&
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    import jsonschema
except ImportError:
    sys.exit(0)
s = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.validators.validator_for(s)(s).validate(d)
EOF
	    ok || ko "$1: output is not valid JSON (or not valid against the schema)"
}
expect_no_stdout() {
	[ ! -s "$tmp/out" ] && ok || ko "$1: unexpected output on stdout"
}

# Help and version go to stdout and succeed.
run "$bin" --help
expect_rc help 0
grep -q '^Usage: artparse' "$tmp/out" && ok || ko "help: no usage line"
grep -q 'Exit status' "$tmp/out" && ok || ko "help: no exit status block"
for opt in $(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)",.*/\1/p' "$here/../src/main.c"); do
	grep -q -- "--$opt" "$tmp/out" && ok || ko "help: --$opt not listed"
	for c in "$here/../completions/artparse.bash" "$here/../completions/_artparse"; do
		grep -q -- "--$opt\b" "$c" && ok || ko "$c: --$opt missing"
	done
	if [ -f "$here/../docs/artparse.1" ]; then
		grep -q -- "$opt" "$here/../docs/artparse.1" && ok ||
		    ko "man page: --$opt not documented"
	fi
done
run "$bin" --version
expect_rc version 0
grep -q '^artparse [0-9]' "$tmp/out" && ok || ko "version: no version line"

# File, standard input and "-" give the same JSON, quietly.
run "$bin" "$sample"
expect_rc file 0
expect_quiet file
expect_json file "$tmp/out"
cp "$tmp/out" "$tmp/from-file.json"
"$bin" <"$sample" >"$tmp/stdin.json" 2>"$tmp/err"
rc=$?
expect_rc stdin 0
grep -q '"headline":"La biblioth' "$tmp/stdin.json" && ok || ko "stdin: headline missing"
"$bin" - <"$sample" >"$tmp/dash.json" 2>/dev/null
cmp -s "$tmp/stdin.json" "$tmp/dash.json" && ok || ko "dash: differs from stdin"
# source.path differs (file vs stdin); everything before it must match
sed 's/"source".*//' "$tmp/from-file.json" >"$tmp/a"
sed 's/"source".*//' "$tmp/stdin.json" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && ok || ko "stdin and file outputs differ"

# --list-formats is the writer table: NAME<tab>EXT lines, the formats that
# --help lists, each documented in the man page and the README, each
# working under -d with its extension.  The completions read it.
run "$bin" --list-formats
expect_rc "--list-formats" 0
expect_quiet "--list-formats"
awk -F '\t' 'NF != 2 || $1 == "" || $2 == "" { exit 1 }' "$tmp/out" && ok ||
    ko "--list-formats: not NAME<tab>EXT lines: $(cat "$tmp/out")"
"$bin" --help | sed -n 's/.*--format=FORMAT.*(default json)://p' |
    tr ' ' '\n' | sed '/^$/d' >"$tmp/help-formats"
cut -f1 "$tmp/out" | cmp -s - "$tmp/help-formats" && ok ||
    ko "--list-formats differs from the --help list"
cp "$tmp/out" "$tmp/formats"
while IFS="$(printf '\t')" read -r name ext; do
	grep -q "^\.It Cm $name" "$here/../docs/artparse.1" && ok ||
	    ko "format $name: not in the man page's OUTPUT FORMATS"
	grep -q "\*\*$name\*\*" "$here/../README.md" && ok ||
	    ko "format $name: not in the README"
	run "$bin" -q -f "$name" -d "$tmp/lf-$name" "$sample"
	[ -f "$tmp/lf-$name/sample.$ext" ] && ok ||
	    ko "format $name: -d does not write sample.$ext"
done <"$tmp/formats"
for c in "$here/../completions/artparse.bash" "$here/../completions/_artparse"; do
	grep -q -- '--list-formats' "$c" && ok || ko "$c: does not use --list-formats"
	grep -q 'markdown' "$c" && ko "$c: a hand-kept format list" || ok
done
# The man page lists exactly the formats of the table, in its order.
sed -n '/^\.Sh OUTPUT FORMATS/,/^\.Sh [^O]/s/^\.It Cm \([a-z]*\).*/\1/p' \
    "$here/../docs/artparse.1" >"$tmp/man-formats"
cut -f1 "$tmp/formats" | cmp -s - "$tmp/man-formats" && ok ||
    ko "man page OUTPUT FORMATS ($(tr '\n' ' ' <"$tmp/man-formats")) differs from --list-formats"
# The bash completion of -f offers what --list-formats prints.
if command -v bash >/dev/null; then
	bash -c '. "$1"; COMP_WORDS=("$2" -f ""); COMP_CWORD=2; _artparse
	    printf "%s\n" "${COMPREPLY[@]}"' sh \
	    "$here/../completions/artparse.bash" "$bin" >"$tmp/comp-formats" 2>/dev/null
	cut -f1 "$tmp/formats" | cmp -s - "$tmp/comp-formats" && ok ||
	    ko "bash completion of -f ($(tr '\n' ' ' <"$tmp/comp-formats")) differs from --list-formats"
fi
# The fuzzers, their command-line replay and the allocation sweep take the
# formats from the writer table too, not from a copy of it.
for f in "$here"/fuzz/*.c "$here"/fuzz/*.h "$here"/fuzz/regress.sh \
    "$here"/unit/test_alloc.c; do
	grep -qE '"markdown"|json markdown' "$f" &&
	    ko "$f: a hand-kept format list" || ok
done

# Every format works on the sample; the input is never modified.
sum=$(cksum <"$sample")
# (the formats from the writer table, and the two aliases)
for f in $(cut -f1 "$tmp/formats") md txt; do
	run "$bin" -f "$f" "$sample"
	expect_rc "format $f" 0
	[ -s "$tmp/out" ] && ok || ko "format $f: empty output"
done
[ "$(cksum <"$sample")" = "$sum" ] && ok || ko "input was modified"

# -o writes the file, nothing on stdout, no temporary left behind.
mkdir "$tmp/o"
run "$bin" -f markdown -o "$tmp/o/out.md" "$sample"
expect_rc "-o" 0
expect_no_stdout "-o"
head -n 1 "$tmp/o/out.md" | grep -q '^# La biblioth' && ok || ko "-o: wrong content"
[ "$(ls -A "$tmp/o")" = "out.md" ] && ok || ko "-o: stray files: $(ls -A "$tmp/o")"
run "$bin" -f text -o "$tmp/o/out.md" "$sample"
expect_rc "-o replace" 0
head -n 1 "$tmp/o/out.md" | grep -q '^La biblioth' && ok || ko "-o: not replaced"

# -o naming a folder, a path through a file or a name too long fails
# that one input as under -d (exit 1), with one line and nothing written;
# the folder is refused before the input is even read.
mkdir "$tmp/o/dir"
run "$bin" -o "$tmp/o/dir" "$sample"
expect_rc "-o a folder" 1
expect_err "-o a folder" "artparse: $tmp/o/dir: is a directory; -o needs a file name"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok || ko "-o a folder: not one line"
[ -z "$(ls -A "$tmp/o/dir")" ] && ok || ko "-o a folder: wrote into it"
run "$bin" -o "$tmp/o/dir" "$tmp/no-such-input.txt"
expect_rc "-o a folder, missing input" 1
expect_err "-o a folder, missing input" "is a directory"
run "$bin" -o "$tmp/o/out.md/x.json" "$sample"
expect_rc "-o through a file" 1
expect_err "-o through a file" "Not a directory"
run "$bin" -o "$tmp/o/$(printf '%0300d' 0).json" "$sample"
expect_rc "-o name too long" 1
expect_err "-o name too long" "File name too long"

# -o naming the input itself (or a link to it, or the file on standard
# input) is refused: exit 1, and the input is left whole.
cp "$sample" "$tmp/self.txt"
ln "$tmp/self.txt" "$tmp/self-link.txt"
sum=$(cksum <"$tmp/self.txt")
run "$bin" -f text -o "$tmp/self.txt" "$tmp/self.txt"
expect_rc "-o is the input" 1
expect_err "-o is the input" "artparse: $tmp/self.txt: output would replace the input"
run "$bin" -f text -o "$tmp/self-link.txt" "$tmp/self.txt"
expect_rc "-o is a hard link to the input" 1
run sh -c "'$bin' -f text -o '$tmp/self.txt' <'$tmp/self.txt'"
expect_rc "-o is standard input" 1
[ "$(cksum <"$tmp/self.txt")" = "$sum" ] && ok || ko "-o is the input: input changed"

# -o modes: a new file gets 0666 less the umask, a replaced one keeps its
# mode (a 0600 file is not widened).
mode() { ls -l "$1" | cut -c1-10; }
rm -f "$tmp/o/m.json"
(umask 077 && "$bin" -o "$tmp/o/m.json" "$sample")
[ "$(mode "$tmp/o/m.json")" = "-rw-------" ] && ok ||
    ko "-o under umask 077: mode $(mode "$tmp/o/m.json")"
rm -f "$tmp/o/m.json"
(umask 022 && "$bin" -o "$tmp/o/m.json" "$sample")
[ "$(mode "$tmp/o/m.json")" = "-rw-r--r--" ] && ok ||
    ko "-o under umask 022: mode $(mode "$tmp/o/m.json")"
chmod 640 "$tmp/o/m.json"
(umask 022 && "$bin" -f text -o "$tmp/o/m.json" "$sample")
[ "$(mode "$tmp/o/m.json")" = "-rw-r-----" ] && ok ||
    ko "-o replacing a 0640 file: mode $(mode "$tmp/o/m.json")"

# Usage errors: exit 2, a one-line message and a hint, nothing on stdout.
run "$bin" --format xml "$sample"
expect_rc "unknown format" 2
expect_err "unknown format" "artparse: unknown format 'xml'"
expect_no_stdout "unknown format"
run "$bin" --bogus "$sample"
expect_rc "unknown option" 2
run "$bin" --encoding no-such-charset "$sample"
expect_rc "unknown encoding" 2
expect_err "unknown encoding" "unknown encoding 'no-such-charset'"
run "$bin" --width abc "$sample"
expect_rc "bad width" 2
run "$bin" -o "$tmp/two.json" "$sample" "$sample"
expect_rc "two inputs with -o" 2
run "$bin" -o "$tmp/two.json" -d "$tmp/two" "$sample"
expect_rc "-o with -d" 2
run "$bin" -0 "$sample"
expect_rc "-0 without --files-from" 2
run "$bin" --update "$sample"
expect_rc "--update without -d" 2
run "$bin" -d "$tmp/two" - <"$sample"
expect_rc "stdin with -d" 2
for j in 0 x -1; do
	run "$bin" -j "$j" "$sample"
	expect_rc "bad jobs $j" 2
done
run "$bin" --timeout abc "$sample"
expect_rc "bad timeout" 2
# Every usage error: exit 2, nothing on stdout, a first line starting with
# "artparse:" whatever the command is called, and the hint last.  A list
# file is opened as the options are read.
ln -s "$bin" "$tmp/ap"
expect_usage() {	# name, args...
	name=$1
	shift
	"$tmp/ap" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	expect_rc "$name" 2
	expect_no_stdout "$name"
	head -n 1 "$tmp/err" | grep -q '^artparse: ' && ok ||
	    ko "$name: first line: $(head -n 1 "$tmp/err")"
	[ "$(tail -n 1 "$tmp/err")" = "Try 'artparse --help' for more information." ] &&
	    ok || ko "$name: no hint last: $(cat "$tmp/err")"
}
expect_usage "unknown long option" --bogus "$sample"
expect_usage "unknown short option" -x "$sample"
expect_usage "ambiguous option" --fo=json "$sample"
expect_usage "missing argument" "$sample" -d
expect_usage "argument to a flag" --help=3
expect_usage "--force with --update" --force --update -d "$tmp/fu" "$sample"
expect_usage "-d and no operand" -d "$tmp/noop"
[ ! -e "$tmp/noop" ] && ok || ko "-d and no operand: folder created"
expect_usage "missing --files-from list" --files-from "$tmp/no-such-list" -d "$tmp/fl"
expect_err "missing --files-from list" "$tmp/no-such-list: No such file or directory"
expect_usage "bad width" -w abc "$sample"
"$tmp/ap" --bogus 2>&1 >/dev/null | grep -q "ap:" &&
    ko "getopt message named after argv[0]" || ok

# -o - is standard output, as in pandoc and curl: no file named "-".
(cd "$tmp" && "$bin" -o - "$sample" >"$tmp/dash-o.json" 2>"$tmp/err")
rc=$?
expect_rc "-o -" 0
cmp -s "$tmp/dash-o.json" "$tmp/from-file.json" && ok || ko "-o -: not the stdout output"
[ ! -e "$tmp/-" ] && ok || ko "-o -: created a file named -"

# Several inputs without -d: NDJSON, one object a line, in input order.
run "$bin" "$sample" "$sample"
expect_rc "two inputs" 0
[ "$(wc -l <"$tmp/out")" -eq 2 ] && ok || ko "two inputs: not two lines"
run "$bin" --input pdf "$sample"
expect_rc "bad input type" 2

# Bad input: exit 1 and a line naming the file and the problem.
run "$bin" "$tmp/no-such-file.txt"
expect_rc "missing file" 1
expect_err "missing file" "artparse: $tmp/no-such-file.txt: No such file or directory"
expect_no_stdout "missing file"
run "$bin" -o "$tmp/dir.json" "$tmp"
expect_rc directory 1
expect_err directory "is a directory"
: >"$tmp/empty.txt"
run "$bin" "$tmp/empty.txt"
expect_rc empty 1
expect_err empty "$tmp/empty.txt: no text in input"
printf '   \n\n\t \n' >"$tmp/blank.txt"
run "$bin" "$tmp/blank.txt"
expect_rc "whitespace only" 1
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$tmp/image.png"
run "$bin" "$tmp/image.png"
expect_rc binary 1
expect_err binary "$tmp/image.png: binary data"
run "$bin" --max-size 100 "$sample"
expect_rc "max-size" 1
expect_err "max-size" "input too large"
if [ "$(id -u)" -ne 0 ]; then
	cp "$sample" "$tmp/secret.txt"
	chmod 000 "$tmp/secret.txt"
	run "$bin" "$tmp/secret.txt"
	expect_rc unreadable 1
	expect_err unreadable "Permission denied"
fi

# Output errors: exit 3, and an existing output is left whole.
if [ -w /dev/full ]; then
	run sh -c "'$bin' '$sample' >/dev/full"
	expect_rc "/dev/full" 3
	expect_err "/dev/full" "artparse: <stdout>: No space left on device"
	run "$bin" -o /dev/full "$sample"
	expect_rc "-o /dev/full" 3
fi
mkdir "$tmp/ro"
echo keep >"$tmp/ro/out.json"
chmod 555 "$tmp/ro"
if [ ! -w "$tmp/ro" ]; then	# root can write anyway
	run "$bin" -o "$tmp/ro/out.json" "$sample"
	expect_rc "read-only dir" 3
	expect_err "read-only dir" "$tmp/ro/out.json"
	[ "$(cat "$tmp/ro/out.json")" = keep ] && ok || ko "read-only: output changed"
fi
chmod 755 "$tmp/ro"

# Encodings and line ends: windows-1252 and CRLF read like UTF-8 and LF.
if command -v iconv >/dev/null; then
	iconv -f UTF-8 -t WINDOWS-1252 "$sample" >"$tmp/cp1252.txt"
	run "$bin" -f text -w 0 "$tmp/cp1252.txt"
	"$bin" -f text -w 0 "$sample" >"$tmp/utf8.out"
	cmp -s "$tmp/out" "$tmp/utf8.out" && ok || ko "windows-1252 input differs"
	grep -q '"encoding":"windows-1252"' "$(
	    "$bin" "$tmp/cp1252.txt" >"$tmp/cp.json"; echo "$tmp/cp.json")" &&
	    ok || ko "windows-1252 not reported in source.encoding"
fi
sed 's/$/\r/' "$sample" >"$tmp/crlf.txt"
run "$bin" -f text -w 0 "$tmp/crlf.txt"
"$bin" -f text -w 0 "$sample" >"$tmp/lf.out"
cmp -s "$tmp/out" "$tmp/lf.out" && ok || ko "CRLF input differs"
grep -q "$(printf '\r')" "$tmp/out" && ko "CR in output" || ok

# Text wrapping honours --width and never splits at a no-break space.
run "$bin" -f text -w 30 "$sample"
python3 -c 'import sys
bad = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n")
       if len(l) > 30 and " " in l]
sys.exit(1 if bad else 0)' "$tmp/out" && ok || ko "width 30: over-long line"
grep -q "$(printf '\302\240')\$" "$tmp/out" && ko "line ends in NBSP" || ok
grep -q "^$(printf '\302\240')" "$tmp/out" && ko "line starts with NBSP" || ok

# An input where nothing is body (a one-character file, a cookie wall,
# /etc/passwd) is no article: exit 1, unless --allow-empty; the tree
# format shows it anyway.
printf 'x' >"$tmp/one.txt"
printf '<html><body><div class="cookie">Nous utilisons des cookies. Accepter</div></body></html>' >"$tmp/cookie.html"
for f in "$tmp/one.txt" "$tmp/cookie.html"; do
	run "$bin" "$f"
	expect_rc "empty article $f" 1
	expect_err "empty article $f" "$f: no article found in page"
	expect_no_stdout "empty article $f"
	run "$bin" --allow-empty "$f"
	expect_rc "--allow-empty $f" 0
	grep -q '"body":\[\]' "$tmp/out" && ok || ko "--allow-empty $f: no empty body"
	run "$bin" -f tree "$f"
	expect_rc "tree of an empty article $f" 0
done
run "$bin" -d "$tmp/emptyd" "$tmp/one.txt" "$sample"
expect_rc "empty article under -d" 1
[ ! -e "$tmp/emptyd/one.json" ] && [ -f "$tmp/emptyd/sample.json" ] && ok ||
    ko "empty article under -d: wrong outputs"

# Boilerplate is listed only on request.
run "$bin" "$sample"
grep -q '"dropped"' "$tmp/out" && ko "dropped shown by default" || ok
run "$bin" --keep-boilerplate "$sample"
grep -q '"kind":"share"' "$tmp/out" && ok || ko "keep-boilerplate: share bar not listed"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
