#!/bin/sh
# SPDX-License-Identifier: ISC
# Batch conversion: folders, lists, -d mirroring, NDJSON order under -j,
# skip/force/update, output errors, signals, time bound, odd file names.
# Usage: sh tests/batch.sh path/to/artparse
# Prints one line per failure, then "N passed, N failed"; exits 1 on
# failure.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
sample=$(cd "$here/.." && pwd)/data/sample.txt
arts=$here/articles
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0
root=false
[ "$(id -u)" -eq 0 ] && root=true

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }

# run CMD...: sets $rc, $out (stdout file) and $err (stderr file)
out=$tmp/out
err=$tmp/err
run() {
	"$@" >"$out" 2>"$err"
	rc=$?
}
expect_rc() {	# name, wanted status
	[ "$rc" -eq "$2" ] && ok ||
	    ko "$1: exit $rc, wanted $2 ($(head -c 300 "$err"))"
}
expect_err() {	# name, fixed string wanted somewhere on stderr
	grep -qF -- "$2" "$err" && ok ||
	    ko "$1: stderr lacks '$2': $(head -c 300 "$err")"
}
expect_summary() {	# name, converted, failed, skipped
	expect_err "$1" "artparse: $2 converted, $3 failed, $4 skipped"
}
# the files under a folder, one relative path a line, sorted
tree() {
	(cd "$1" && find . -type f | LC_ALL=C sort)
}
expect_tree() {	# name, folder, wanted listing
	got=$(tree "$2")
	[ "$got" = "$3" ] && ok || ko "$1: files are
$got
wanted
$3"
}
# every *.json under a folder, or each line of an NDJSON file, is JSON
# valid against docs/artparse.schema.json (when python3-jsonschema is
# installed)
schema=$(cd "$here/.." && pwd)/docs/artparse.schema.json
export schema
json_dir() {
	python3 - "$1" <<'EOF'
import json, os, sys
try:
    import jsonschema
    s = json.load(open(os.environ["schema"], encoding="utf-8"))
    check = jsonschema.validators.validator_for(s)(s).validate
except ImportError:
    check = lambda d: None
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        if f.endswith(".json"):
            check(json.load(open(os.path.join(d, f), encoding="utf-8")))
EOF
}
json_lines() {	# file, wanted count
	python3 - "$1" "$2" <<'EOF'
import json, os, sys
try:
    import jsonschema
    s = json.load(open(os.environ["schema"], encoding="utf-8"))
    check = jsonschema.validators.validator_for(s)(s).validate
except ImportError:
    check = lambda d: None
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == ""
lines = lines[:-1]
assert len(lines) == int(sys.argv[2]), len(lines)
for l in lines:
    check(json.loads(l))
EOF
}
no_temps() {	# name, folder
	left=$(find "$2" -name '*.artparse-tmp' | head -n 5)
	[ -z "$left" ] && ok || ko "$1: temporary files left: $left"
}
count_json() {
	find "$1" -name '*.json' -type f | wc -l | tr -d ' '
}
# many copies of the fixtures: folder, count
many() {
	mkdir -p "$1"
	i=0
	while [ "$i" -lt "$2" ]; do
		for f in "$arts"/*.txt; do
			[ "$i" -lt "$2" ] || break
			cp "$f" "$1/f$(printf %04d "$i").txt"
			i=$((i + 1))
		done
	done
}

# A tree with what a saved-pages folder holds: nested folders, an empty
# one, hidden files, a browser's *_files folder, extensionless text and
# binary, names with spaces and accents, files that are not articles.
in=$tmp/in
mkdir -p "$in/sub/deep" "$in/empty/also-empty" "$in/.hidden" \
    "$in/page_files" "$in/été 2024"
cp "$arts/01-byline-par.txt" "$in/a.txt"
cp "$arts/02-maire-declare.txt" "$in/B.HTML"
cp "$arts/03-two-authors.txt" "$in/sub/c.htm"
cp "$arts/04-interview.txt" "$in/sub/deep/d.xhtml"
cp "$arts/05-avec-afp.txt" "$in/sub/deep/e.shtml"
cp "$sample" "$in/été 2024/la une du jour.txt"
cp "$sample" "$in/sub/bare"
printf '<!DOCTYPE html><html><head><title>T</title></head><body><h1>Un titre de page</h1><p>Le maire a inauguré la nouvelle médiathèque samedi, devant une foule nombreuse venue de tout le canton.</p></body></html>\n' >"$in/sub/page"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$in/sub/image"
cp "$sample" "$in/.hidden/h.txt"
cp "$sample" "$in/.dot.txt"
cp "$sample" "$in/page_files/inner.txt"
echo '{"not": "an article"}' >"$in/data.json"
echo 'body { color: red }' >"$in/page_files/style.css"
sum_in=$(find "$in" -type f -exec cksum {} + | LC_ALL=C sort)
mirror='./B.json
./a.json
./sub/bare.json
./sub/c.json
./sub/deep/d.json
./sub/deep/e.json
./sub/page.json
./été 2024/la une du jour.json'

# Mirrored tree: the right files, valid JSON, a summary, exit 0.
run "$bin" -d "$tmp/o1" "$in"
expect_rc "mirror" 0
expect_tree "mirror" "$tmp/o1" "$mirror"
expect_summary "mirror" 8 0 0
json_dir "$tmp/o1" && ok || ko "mirror: invalid JSON output"
[ ! -s "$out" ] && ok || ko "mirror: output on stdout with -d"
grep -q "\"path\":\"$in/sub/deep/d.xhtml\"" "$tmp/o1/sub/deep/d.json" &&
    ok || ko "mirror: source.path is not the input path"
[ ! -e "$tmp/o1/empty" ] && ok || ko "mirror: empty folder mirrored"
no_temps "mirror" "$tmp/o1"
# A trailing slash changes nothing; other formats take their extension.
run "$bin" -f markdown -d "$tmp/o1md" "$in/"
expect_rc "mirror md" 0
expect_tree "mirror md" "$tmp/o1md" "$(echo "$mirror" | sed 's/\.json$/.md/')"

# The summary says what the walk did not take, and why.
expect_err "not taken" "; not taken: 2 hidden, 1 browser asset folders, 2 other names"
# Saved pages with other names: --ext replaces the list of extensions,
# --glob adds a pattern (the name is kept, the format's extension added).
mkdir -p "$tmp/names/d"
cp "$sample" "$tmp/names/article.php?id=3"
cp "$sample" "$tmp/names/page.aspx"
cp "$sample" "$tmp/names/a.txt"
cp "$sample" "$tmp/names/d/index.html"
cp "$sample" "$tmp/names/bare"
run "$bin" -d "$tmp/on1" --ext aspx,.html --glob 'article.php*' "$tmp/names"
expect_rc "--ext --glob" 0
expect_tree "--ext --glob" "$tmp/on1" './article.php?id=3.json
./d/index.json
./page.json'
expect_err "--ext --glob" "; not taken: 2 other names"
run "$bin" -d "$tmp/on2" --ext , "$tmp/names"
expect_rc "--ext with no extension" 2

# Existing outputs: skipped, replaced with --force, or with --update only
# when the input is newer.
sum1=$(find "$tmp/o1" -type f -exec cksum {} + | LC_ALL=C sort)
run "$bin" -d "$tmp/o1" "$in"
expect_rc "skip" 0
expect_summary "skip" 0 0 8
[ "$(find "$tmp/o1" -type f -exec cksum {} + | LC_ALL=C sort)" = "$sum1" ] &&
    ok || ko "skip: outputs changed"
echo stale >"$tmp/o1/a.json"
run "$bin" --force -d "$tmp/o1" "$in"
expect_rc "force" 0
expect_summary "force" 8 0 0
grep -q '"version":2' "$tmp/o1/a.json" && ok || ko "force: a.json not replaced"
touch -t 203001010000 "$in/sub/c.htm"
echo stale >"$tmp/o1/B.json"	# newer than its input: left alone
run "$bin" --update -d "$tmp/o1" "$in"
expect_rc "update" 0
expect_summary "update" 1 0 7
[ "$(cat "$tmp/o1/B.json")" = stale ] && ok || ko "update: B.json replaced"
touch -t 202001010000 "$in/sub/c.htm"
rm "$tmp/o1/B.json"
run "$bin" --update -d "$tmp/o1" "$in"
expect_summary "update, missing output" 1 0 7
[ "$(find "$in" -type f -exec cksum {} + | LC_ALL=C sort)" = "$sum_in" ] &&
    ok || ko "inputs were modified"

# NDJSON on stdout: one object a line, input order, the same under -j 4
# as under -j 1, byte for byte.
many "$tmp/m" 60
cp -R "$in/sub" "$tmp/m/sub"
run "$bin" -j 1 "$tmp/m"
expect_rc "ndjson -j1" 0
cp "$out" "$tmp/j1"
json_lines "$tmp/j1" 65 && ok || ko "ndjson: not 65 JSON lines"
run "$bin" -j 4 "$tmp/m"
expect_rc "ndjson -j4" 0
cmp -s "$tmp/j1" "$out" && ok || ko "ndjson: -j 4 differs from -j 1"
run "$bin" --pretty -j 3 "$tmp/m"
cmp -s "$tmp/j1" "$out" && ok || ko "ndjson: --pretty not ignored"
sed -n 's/.*"source":{"path":"\([^"]*\)".*/\1/p' "$tmp/j1" >"$tmp/paths"
(cd "$tmp/m" && find . -type f | LC_ALL=C sort | sed -n "s|^\./|$tmp/m/|p" |
    grep -v '/image$') >"$tmp/want"
cmp -s "$tmp/paths" "$tmp/want" && ok || ko "ndjson: not in sorted input order"
# Markdown: a head(1)-style line before each article.
run "$bin" -f markdown -j 4 "$in/a.txt" "$in/B.HTML" "$in/sub/c.htm"
expect_rc "markdown stdout" 0
[ "$(grep -c '^==> .* <==$' "$out")" -eq 3 ] && ok ||
    ko "markdown stdout: not 3 delimiter lines"
head -n 1 "$out" | grep -qxF "==> $in/a.txt <==" && ok ||
    ko "markdown stdout: first line is not the delimiter"
# TEI: one teiCorpus with one XML declaration, each article a <TEI>
# member in input order, the same under -j 4; a failed input leaves the
# corpus whole; with no input converted, no corpus at all.
xml_ok() {	# file: well-formed XML (python3's parser)
	python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' \
	    "$1" 2>/dev/null
}
run "$bin" -f tei -j 1 "$in/a.txt" "$in/B.HTML" "$in/sub/c.htm"
expect_rc "tei stdout" 0
cp "$out" "$tmp/tei1"
[ "$(grep -c '^<?xml ' "$out")" -eq 1 ] && sed -n 2p "$out" |
    grep -q '^<teiCorpus ' && ok || ko "tei stdout: not one teiCorpus"
[ "$(grep -c '^<TEI ' "$out")" -eq 3 ] && ok ||
    ko "tei stdout: not 3 TEI members"
tail -n 1 "$out" | grep -qx '</teiCorpus>' && ok ||
    ko "tei stdout: the corpus is not closed"
xml_ok "$out" && ok || ko "tei stdout: not well-formed XML"
sed -n 's|.*<idno type="file">\(.*\)</idno>|\1|p' "$out" >"$tmp/tei-paths"
printf '%s\n' "$in/a.txt" "$in/B.HTML" "$in/sub/c.htm" |
    cmp -s - "$tmp/tei-paths" && ok || ko "tei stdout: not in input order"
run "$bin" -f tei -j 4 "$in/a.txt" "$in/B.HTML" "$in/sub/c.htm"
cmp -s "$tmp/tei1" "$out" && ok || ko "tei stdout: -j 4 differs from -j 1"
mkdir "$tmp/teibad"
: >"$tmp/teibad/empty.txt"
run "$bin" -f tei "$in/a.txt" "$tmp/teibad/empty.txt" "$in/B.HTML"
expect_rc "tei stdout, a failed input" 1
[ "$(grep -c '^<TEI ' "$out")" -eq 2 ] && xml_ok "$out" && ok ||
    ko "tei stdout, a failed input: not a corpus of the 2 others"
run "$bin" -f tei "$tmp/teibad/empty.txt" "$tmp/teibad/empty.txt"
expect_rc "tei stdout, nothing converted" 1
[ ! -s "$out" ] && ok || ko "tei stdout, nothing converted: output written"
# Standard input among the inputs.
run sh -c "'$bin' - '$in/a.txt' <'$sample'"
expect_rc "stdin and file" 0
json_lines "$out" 2 && ok || ko "stdin and file: not 2 JSON lines"

# Errors on the way: reported, counted, the rest converted, exit 1.
mkdir "$tmp/bad"
cp "$arts/01-byline-par.txt" "$tmp/bad/1.txt"
: >"$tmp/bad/2.txt"
cp "$arts/02-maire-declare.txt" "$tmp/bad/3.txt"
run "$bin" -j 2 -d "$tmp/o2" "$tmp/bad"
expect_rc "bad input" 1
expect_err "bad input" "artparse: $tmp/bad/2.txt: no text in input"
expect_summary "bad input" 2 1 0
[ -f "$tmp/o2/3.json" ] && ok || ko "bad input: batch stopped"
# --fail-fast: nothing after the first failure.
run "$bin" -j 1 --fail-fast -d "$tmp/o3" "$tmp/bad"
expect_rc "fail-fast" 1
expect_summary "fail-fast" 1 1 0
[ ! -e "$tmp/o3/3.json" ] && ok || ko "fail-fast: went on"
# A missing operand, an unknown encoding.
run "$bin" -d "$tmp/o4" "$tmp/bad/1.txt" "$tmp/nonexistent.txt"
expect_rc "missing operand" 1
expect_err "missing operand" "$tmp/nonexistent.txt: No such file or directory"
run "$bin" -e no-such-charset "$tmp/bad"
expect_rc "unknown encoding" 2
expect_err "unknown encoding" "artparse: unknown encoding 'no-such-charset'"
# Unreadable file and folder (root reads anything: skipped then).
if ! $root; then
	mkdir -p "$tmp/locked/closed"
	cp "$sample" "$tmp/locked/secret.txt"
	cp "$sample" "$tmp/locked/open.txt"
	chmod 000 "$tmp/locked/secret.txt" "$tmp/locked/closed"
	run "$bin" -d "$tmp/o5" "$tmp/locked"
	expect_rc "unreadable" 1
	expect_err "unreadable" "$tmp/locked/secret.txt: Permission denied"
	expect_err "unreadable folder" "$tmp/locked/closed: Permission denied"
	[ -f "$tmp/o5/open.json" ] && ok || ko "unreadable: open.txt not converted"
	chmod 755 "$tmp/locked/closed"
fi
# Empty folders: nothing to do is a success.
run "$bin" -d "$tmp/o6" "$in/empty"
expect_rc "empty folder" 0
expect_summary "empty folder" 0 0 0
[ -z "$(find "$tmp/o6" -type f)" ] && ok || ko "empty folder: output written"
# An output that would replace its input; -d inside the input tree.
mkdir "$tmp/same"
cp "$sample" "$tmp/same/s.txt"
sum=$(cksum <"$tmp/same/s.txt")
run "$bin" -f text -d "$tmp/same" "$tmp/same"
expect_rc "same file" 1
expect_err "same file" "output would replace the input"
[ "$(cksum <"$tmp/same/s.txt")" = "$sum" ] && ok || ko "same file: input changed"
run "$bin" -f text -d "$tmp/same/out" "$tmp/same"
run "$bin" -f text --force -d "$tmp/same/out" "$tmp/same"
expect_summary "output folder inside the input" 1 0 0

# Never lose data.  Two inputs, one output name: both kept, the later in
# input order with its extension kept (then a number), announced, and
# byte for byte the same whatever -j.
mkdir -p "$tmp/col/d1" "$tmp/col/d2"
cp "$arts/01-byline-par.txt" "$tmp/col/d1/a.html"
cp "$arts/02-maire-declare.txt" "$tmp/col/d1/a.txt"
cp "$arts/03-two-authors.txt" "$tmp/col/d2/a.txt"
cp "$arts/04-interview.txt" "$tmp/col/d1/a.txt.txt"
for j in 1 4; do
	run "$bin" -j $j -d "$tmp/colo$j" "$tmp/col/d1" "$tmp/col/d2"
	expect_rc "collision -j $j" 0
	expect_summary "collision -j $j" 4 0 0
	expect_tree "collision -j $j" "$tmp/colo$j" './a.json
./a.txt.2.json
./a.txt.json
./a.txt.txt.json'
done
expect_err "collision" "$tmp/col/d1/a.txt: output name '$tmp/colo4/a.json' is taken by an earlier input; writing '$tmp/colo4/a.txt.json'"
expect_err "collision" "$tmp/col/d2/a.txt: output name '$tmp/colo4/a.json' is taken by an earlier input; writing '$tmp/colo4/a.txt.2.json'"
grep -q "\"path\":\"$tmp/col/d1/a.html\"" "$tmp/colo1/a.json" &&
    grep -q "\"path\":\"$tmp/col/d1/a.txt\"" "$tmp/colo1/a.txt.json" &&
    grep -q "\"path\":\"$tmp/col/d2/a.txt\"" "$tmp/colo1/a.txt.2.json" &&
    grep -q "\"path\":\"$tmp/col/d1/a.txt.txt\"" "$tmp/colo1/a.txt.txt.json" &&
    ok || ko "collision: outputs not from the inputs the rule says"
json_dir "$tmp/colo1" && ok || ko "collision: outputs not valid against the schema"
diff -r "$tmp/colo1" "$tmp/colo4" >/dev/null && ok ||
    ko "collision: -j 4 differs from -j 1"
# A rerun finds the same names, all up to date.
run "$bin" -j 4 -d "$tmp/colo4" "$tmp/col/d1" "$tmp/col/d2"
expect_summary "collision rerun" 0 0 4
# Files named on the command line: same basename from two folders.
run "$bin" -d "$tmp/colo5" "$tmp/col/d1/a.txt" "$tmp/col/d2/a.txt"
expect_tree "collision, operands" "$tmp/colo5" './a.json
./a.txt.json'
# An output that is an input of the run: -f text -d IN IN would replace
# IN/a.txt by the conversion of IN/a.html, and a rerun would read its
# own outputs; both are refused, and nothing in IN changes.
mkdir "$tmp/self"
cp "$arts/01-byline-par.txt" "$tmp/self/a.html"
cp "$arts/02-maire-declare.txt" "$tmp/self/a.txt"
sum=$(cksum "$tmp/self/a.html" "$tmp/self/a.txt")
run "$bin" -f text --force -d "$tmp/self" "$tmp/self"
expect_rc "output is an input" 1
expect_err "output is an input" "$tmp/self/a.html: output '$tmp/self/a.txt' is an input of this run; not replaced"
expect_err "output is an input" "$tmp/self/a.txt: output would replace the input"
[ "$(cksum "$tmp/self/a.html" "$tmp/self/a.txt")" = "$sum" ] && ok ||
    ko "output is an input: an input changed"
expect_tree "output is an input" "$tmp/self" './a.html
./a.txt'
# The same through a --files-from list read from a pipe, listed in that
# order: a.html comes first, a.txt is not yet known, but exists.
printf '%s\n' "$tmp/self/a.html" "$tmp/self/a.txt" |
    "$bin" -f text --force --files-from - -d / >"$out" 2>"$err"
[ "$(cksum "$tmp/self/a.html" "$tmp/self/a.txt")" = "$sum" ] && ok ||
    ko "output is an input, piped list: an input changed"
rm "$tmp/self/a.txt"
run "$bin" -f text -d "$tmp/self" "$tmp/self"
expect_rc "first run into the input folder" 0
run "$bin" -f text --force -d "$tmp/self" "$tmp/self"
expect_rc "rerun reads its own output" 1
expect_err "rerun reads its own output" "output would replace the input"

# Modes under -d: 0666 less the umask for a new output, the old mode for
# a replaced one.
(umask 027 && "$bin" -q -d "$tmp/modes" "$in/a.txt" "$in/B.HTML")
[ "$(ls -l "$tmp/modes/a.json" | cut -c1-10)" = "-rw-r-----" ] && ok ||
    ko "-d under umask 027: $(ls -l "$tmp/modes/a.json")"
chmod 600 "$tmp/modes/B.json"
(umask 022 && "$bin" -q --force -d "$tmp/modes" "$in/B.HTML")
[ "$(ls -l "$tmp/modes/B.json" | cut -c1-10)" = "-rw-------" ] && ok ||
    ko "-d replacing a 0600 output: $(ls -l "$tmp/modes/B.json")"

# Output errors: exit 3, reported, existing outputs left whole.
if [ -w /dev/full ]; then
	run sh -c "'$bin' '$tmp/bad/1.txt' '$tmp/bad/3.txt' >/dev/full"
	expect_rc "/dev/full" 3
	expect_err "/dev/full" "artparse: <stdout>: No space left on device"
fi
# A bad output path fails its input only: a file where a folder is needed
# (ENOTDIR), a folder where the file goes (EISDIR), a name longer than
# NAME_MAX once the extension is added (ENAMETOOLONG).
mkdir -p "$tmp/o7/B.json"
echo x >"$tmp/o7/sub"
run "$bin" -d "$tmp/o7" "$in"
expect_rc "output folder blocked" 1
expect_err "output folder blocked" "$in/sub/c.htm: cannot write '$tmp/o7/sub/c.json': Not a directory"
expect_err "output name is a folder" "$in/B.HTML: cannot write '$tmp/o7/B.json': Is a directory"
expect_summary "output folder blocked" 2 6 0
[ -f "$tmp/o7/été 2024/la une du jour.json" ] && [ -f "$tmp/o7/a.json" ] &&
    ok || ko "output folder blocked: the batch stopped: $(tree "$tmp/o7")"
no_temps "output folder blocked" "$tmp/o7"
long=$(printf '%0255d' 0 | tr 0 n)
mkdir "$tmp/long"
cp "$sample" "$tmp/long/$long"
cp "$sample" "$tmp/long/short.txt"
run "$bin" -d "$tmp/o7b" "$tmp/long"
expect_rc "name too long" 1
expect_err "name too long" "File name too long"
[ -f "$tmp/o7b/short.json" ] && ok || ko "name too long: the batch stopped"
if ! $root; then
	mkdir "$tmp/ro"
	echo keep >"$tmp/ro/a.json"
	chmod 555 "$tmp/ro"
	run "$bin" --force -d "$tmp/ro" "$in"
	expect_rc "read-only output folder" 3
	expect_err "read-only output folder" "Permission denied"
	[ "$(cat "$tmp/ro/a.json")" = keep ] && ok ||
	    ko "read-only output folder: a.json changed"
	chmod 755 "$tmp/ro"
fi
run "$bin" -d /dev/null/x "$in"
expect_rc "output folder not a folder" 3

# Out of descriptors: a pipe() failing with EMFILE waits for a worker to
# end, as fork()'s EAGAIN does, instead of stopping the run.
(ulimit -n 10 && "$bin" -j 8 -d "$tmp/fd" "$tmp/m") >"$out" 2>"$err"
rc=$?
expect_rc "EMFILE" 0
expect_summary "EMFILE" 65 0 0

# --files-from with -0: names with spaces, accents and a newline,
# mirrored as listed; folders in the list ignored, as find(1) gives them.
mkdir -p "$tmp/l/x y"
cp "$sample" "$tmp/l/x y/un été.txt"
cp "$sample" "$tmp/l/two
lines.txt"
(cd "$tmp/l" && find . -print0) >"$tmp/list0"
run sh -c "cd '$tmp/l' && '$bin' --files-from - -0 -d '$tmp/o8' <'$tmp/list0'"
expect_rc "files-from -0" 0
expect_summary "files-from -0" 2 0 0
[ -f "$tmp/o8/x y/un été.json" ] && [ -f "$tmp/o8/two
lines.json" ] && ok || ko "files-from -0: outputs missing: $(tree "$tmp/o8")"
printf '%s\n' "$in/a.txt" "" "$in/B.HTML" >"$tmp/list"
run "$bin" --files-from "$tmp/list"
expect_rc "files-from" 0
json_lines "$out" 2 && ok || ko "files-from: not 2 JSON lines"
# A file that vanishes while the run is going on.
cp "$sample" "$tmp/l/gone.txt"
run sh -c "{ echo '$in/a.txt'; sleep 1; rm '$tmp/l/gone.txt';
    echo '$tmp/l/gone.txt'; echo '$in/B.HTML'; } |
    '$bin' --files-from - -d '$tmp/o9'"
expect_rc "vanished" 1
expect_err "vanished" "$tmp/l/gone.txt: No such file or directory"
expect_summary "vanished" 2 1 0

# The time bound: a FIFO nobody writes, an input too big to finish in
# time; the rest of the batch goes on.
mkfifo "$tmp/fifo"
run "$bin" --timeout 0.5 -j 2 "$in/a.txt" "$tmp/fifo" "$in/B.HTML"
expect_rc "timeout" 1
expect_err "timeout" "artparse: $tmp/fifo: timed out after 0.5 s"
json_lines "$out" 2 && ok || ko "timeout: other inputs not converted"
# With one worker: the one killed at the bound is replaced for the rest.
run "$bin" --timeout 0.5 -j 1 "$in/a.txt" "$tmp/fifo" "$in/B.HTML" "$in/a.txt"
expect_rc "timeout, -j 1" 1
expect_err "timeout, -j 1" "artparse: $tmp/fifo: timed out after 0.5 s"
json_lines "$out" 3 && ok || ko "timeout, -j 1: the worker is not replaced"
# The pool: -j 2 over 30 documents forks two workers, not 30 (strace
# counts the forks; skipped without it).
mkdir -p "$tmp/pool"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
	cp "$in/a.txt" "$tmp/pool/a$i.txt"
	cp "$in/B.HTML" "$tmp/pool/b$i.html"
done
if command -v strace >/dev/null 2>&1 &&
    strace -f -qq -e trace=fork,vfork,clone,clone3 -o "$tmp/strace" \
    "$bin" -q -j 2 "$tmp/pool" >"$out" 2>"$err"; then
	[ "$(grep -c -E 'clone|fork' "$tmp/strace")" -eq 2 ] && ok ||
	    ko "pool: $(grep -c -E 'clone|fork' "$tmp/strace") forks for -j 2"
	json_lines "$out" 30 && ok || ko "pool: not 30 outputs"
else
	echo "skip: pool forks (no strace, or it cannot trace here)"
fi
awk 'BEGIN { for (i = 0; i < 40000; i++)
	printf "Le conseil municipal a voté la rénovation de la piscine " \
	    "et de la médiathèque, paragraphe %d.\n\n", i }' >"$tmp/huge.txt"
run "$bin" --timeout 0.01 "$tmp/huge.txt"
expect_rc "timeout, one input" 1
expect_err "timeout, one input" "timed out after 0.01 s"
# (a time bound that a small article meets even on a loaded machine)
cat "$tmp/huge.txt" "$tmp/huge.txt" "$tmp/huge.txt" "$tmp/huge.txt" \
    >"$tmp/huge4.txt"
mv "$tmp/huge4.txt" "$tmp/huge.txt"
run "$bin" --timeout 0.3 -d "$tmp/o10" "$tmp/huge.txt" "$in/a.txt"
expect_rc "timeout, -d" 1
[ ! -e "$tmp/o10/huge.json" ] && [ -f "$tmp/o10/a.json" ] && ok ||
    ko "timeout, -d: wrong outputs: $(tree "$tmp/o10")"
no_temps "timeout, -d" "$tmp/o10"

# The single-input path bounds reading too: a FIFO nobody writes to.
mkfifo "$tmp/fifo1"
if command -v timeout >/dev/null 2>&1; then
	run timeout 10 "$bin" --timeout 0.5 "$tmp/fifo1"
	expect_rc "timeout, FIFO alone" 1
	expect_err "timeout, FIFO alone" "$tmp/fifo1: timed out after 0.5 s"
fi
# A stopped process (Ctrl-Z) does not use up its time: stopped 1.7 s
# under a 1.5 s bound, on an input whose writer comes at 2.5 s.  Alone,
# then in a batch, with the whole process group stopped as Ctrl-Z does.
rm -f "$tmp/fifo1"
mkfifo "$tmp/fifo1"
(sleep 2.5; cat "$sample" >"$tmp/fifo1") &
wpid=$!
"$bin" --timeout 1.5 -o "$tmp/stopped.json" "$tmp/fifo1" 2>"$err" &
pid=$!
sleep 0.3; kill -STOP "$pid"; sleep 1.7; kill -CONT "$pid"
wait "$pid"
rc=$?
expect_rc "stopped, one input" 0
[ -s "$tmp/stopped.json" ] && ok || ko "stopped, one input: no output"
# a writer still waiting for its reader (after a failure) is let go
exec 9<>"$tmp/fifo1"
wait "$wpid"
exec 9<&-
rm -f "$tmp/fifo1"
mkfifo "$tmp/fifo1"
(sleep 2.5; cat "$sample" >"$tmp/fifo1") &
wpid=$!
if command -v setsid >/dev/null 2>&1 && [ -x /bin/kill ]; then
	# its own process group (setsid), stopped whole by kill(1)
	setsid "$bin" --timeout 1.5 -d "$tmp/ostop" "$tmp/fifo1" "$in/a.txt" \
	    2>"$err" &
	pid=$!
	sleep 0.3; /bin/kill -s STOP -- "-$pid"
	sleep 1.7; /bin/kill -s CONT -- "-$pid"
	wait "$pid"
	rc=$?
	expect_rc "stopped, batch" 0
	[ -f "$tmp/ostop/fifo1.json" ] && ok ||
	    ko "stopped, batch: FIFO input not converted"
fi
exec 9<>"$tmp/fifo1"
wait "$wpid"
exec 9<&-

# --max-memory bounds each worker: many tiny lines (about 300 bytes of
# memory a line) fail "out of memory", the rest of the batch goes on.
# AddressSanitizer builds set no bound.
if ! grep -q __asan_init "$bin" 2>/dev/null; then
	mkdir "$tmp/mem"
	awk 'BEGIN { print "Titre"; print ""; for (i = 0; i < 1000000; i++)
		print "a" }' >"$tmp/mem/lines.txt"
	cp "$in/a.txt" "$tmp/mem/z.txt"
	run "$bin" -j 2 --max-memory 64M -d "$tmp/omem" "$tmp/mem"
	expect_rc "--max-memory" 3
	expect_err "--max-memory" "$tmp/mem/lines.txt: out of memory (see --max-memory)"
	[ -f "$tmp/omem/z.json" ] && ok || ko "--max-memory: the batch stopped"
	run "$bin" --max-memory 64M "$tmp/mem/lines.txt"
	expect_rc "--max-memory, one input" 3
	run "$bin" --max-memory 64M "$in/a.txt"
	expect_rc "--max-memory, a normal article" 0
fi
run "$bin" --max-memory lots "$in/a.txt"
expect_rc "--max-memory invalid" 2

# An input swapped for a link to another file after the parent found it
# is not read: the worker checks it opened the same file.  (-j 1 and a
# FIFO first keep the parent waiting between the two.)
mkdir -p "$tmp/swap/in" "$tmp/swap/secret"
cp "$sample" "$tmp/swap/secret/private.txt"
cp "$sample" "$tmp/swap/in/x.txt"
rm -f "$tmp/fifo1"
mkfifo "$tmp/fifo1"
(sleep 1.5; cat "$sample" >"$tmp/fifo1") &
wpid=$!
"$bin" -j 1 -d "$tmp/oswap" "$tmp/fifo1" "$tmp/swap/in/x.txt" \
    >"$out" 2>"$err" &
pid=$!
sleep 0.7
rm "$tmp/swap/in/x.txt"
ln -s ../secret/private.txt "$tmp/swap/in/x.txt"
wait "$pid"
rc=$?
expect_rc "input swapped for a link" 1
expect_err "input swapped for a link" "$tmp/swap/in/x.txt: replaced by another file during the run"
[ ! -e "$tmp/oswap/x.json" ] && ok || ko "input swapped for a link: converted"
exec 9<>"$tmp/fifo1"
wait "$wpid"
exec 9<&-

# Progress and quiet: no progress line unless asked when stderr is not a
# terminal; -q leaves stderr empty on success.
run "$bin" -d "$tmp/o11" "$tmp/m"
grep -q 'files/s' "$err" && ko "progress shown on a non-terminal" || ok
run "$bin" --progress --force -d "$tmp/o11" "$tmp/m"
grep -q 'files/s' "$err" && ok || ko "--progress: no progress line"
run "$bin" -q --force -d "$tmp/o11" "$tmp/m"
[ ! -s "$err" ] && ok || ko "-q: stderr not empty: $(head -c 200 "$err")"
# --progress into a file or pipe: whole lines, no \r nor escape sequence.
run "$bin" --progress --force -d "$tmp/o11" "$tmp/m"
LC_ALL=C grep -q "$(printf '[\r\033]')" "$err" &&
    ko "--progress on a non-terminal: \\r or ESC written" || ok
# On a terminal the line fits its width (30 columns here), so that
# \r\033[K clears it whole.
if command -v script >/dev/null 2>&1 && script -qec true /dev/null \
    >/dev/null 2>&1; then
	script -qec "stty cols 30; '$bin' --force -d '$tmp/o11' '$tmp/m'" \
	    /dev/null >"$tmp/tty" 2>&1
	LC_ALL=C tr '\r' '\n' <"$tmp/tty" | LC_ALL=C sed 's/\x1b\[K//g' |
	    grep 'files/s\|done\|/[0-9]* (' | awk 'length > 29 { bad = 1 }
	    END { exit bad }' && ok || ko "progress line wider than the terminal"
	grep -q "$(printf '\033\\[K')" "$tmp/tty" && ok ||
	    ko "progress on a terminal: no progress line drawn"
fi

# Signals: SIGTERM mid-batch ends the run with no partial output and no
# temporary file, and a rerun completes it.  The list is fed slowly so the
# signal lands while the batch is running.
many "$tmp/k" 300
(cd "$tmp" && find k -type f | LC_ALL=C sort) >"$tmp/klist"
slow_list() {
	n=0
	while read -r f; do
		echo "$f"
		n=$((n + 1))
		[ $((n % 10)) -eq 0 ] && sleep 0.05
	done <"$tmp/klist"
}
cd "$tmp" || exit 1
slow_list | "$bin" -q -j 2 --files-from - -d "$tmp/ko" 2>"$err" &
pid=$!
sleep 1
kill -TERM "$pid"
wait "$pid" 2>/dev/null
rc=$?
expect_rc "SIGTERM" 143
n=$(count_json "$tmp/ko")
[ "$n" -gt 0 ] && [ "$n" -lt 300 ] && ok || ko "SIGTERM: $n outputs, not mid-batch"
no_temps "SIGTERM" "$tmp/ko"
json_dir "$tmp/ko" && ok || ko "SIGTERM: a partial output"
run "$bin" -q --files-from "$tmp/klist" -d "$tmp/ko"
expect_rc "rerun after SIGTERM" 0
[ "$(count_json "$tmp/ko")" -eq 300 ] && ok || ko "rerun after SIGTERM: incomplete"
# kill -9: whatever the workers were writing stays in temporary files;
# a rerun writing into their folder removes those no process holds.
rm -rf "$tmp/ko"
slow_list | "$bin" -q -j 2 --files-from - -d "$tmp/ko" 2>"$err" &
pid=$!
sleep 1
kill -KILL "$pid"
wait "$pid" 2>/dev/null
sleep 0.5
printf '{"partial' >"$tmp/ko/k/.f0001.json.artparse-tmp"	# as if killed
rm -f "$tmp/ko/k/f0002.json"
printf '{"partial' >"$tmp/ko/k/.f0002.json.artparse-tmp"
run "$bin" -q --files-from "$tmp/klist" -d "$tmp/ko"
expect_rc "rerun after SIGKILL" 0
no_temps "rerun after SIGKILL" "$tmp/ko"
json_dir "$tmp/ko" && ok || ko "rerun after SIGKILL: a partial output"
[ "$(count_json "$tmp/ko")" -eq 300 ] && ok || ko "rerun after SIGKILL: incomplete"
cd "$here" || exit 1

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
