#!/bin/sh
# Hostile inputs: each case feeds artparse something a scraper may bring
# back (or a user may type) and checks the documented behaviour: the exit
# status, and either valid JSON on standard output or exactly one line on
# standard error naming the file and the problem.  Every run is bounded by
# `timeout 20`; a timeout or a death by signal is a failure.  The large
# inputs are generated in a temporary folder (tests/hostile/gen.py), never
# committed.
#
# Usage: sh tests/hostile/run.sh path/to/artparse
#   HOSTILE_BIG=1   also convert the 100 MB page with --max-size 200M and
#                   report its time and peak memory (about 20 s, 850 MB)
#   VALGRIND=...    run the small cases under valgrind (the large ones
#                   are skipped: memcheck would take minutes each)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
sample=$top/data/sample.txt
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0
skip=0
limit=${HOSTILE_TIMEOUT:-20}
[ -n "${VALGRIND:-}" ] && limit=${HOSTILE_TIMEOUT:-300}
to=
command -v timeout >/dev/null 2>&1 && to="timeout $limit"

ok() { pass=$((pass + 1)); }
ko() {
	if [ -n "$known" ]; then
		xfail=$((xfail + 1))
		echo "XFAIL: $1 (known bug: $known)"
	else
		fail=$((fail + 1))
		echo "FAIL: $1"
	fi
}
skipped() { skip=$((skip + 1)); echo "skip: $1"; }
# Cases between "known=WHY" and "known=" check a bug already reported but
# not fixed yet: their failure is listed, and does not fail the run.
known=
xfail=0

# run CMD...: artparse under timeout (and $VALGRIND); sets $rc.
run() {
	# shellcheck disable=SC2086
	$to ${VALGRIND:-} "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
# Like run, but for the large cases that valgrind would make too slow.
big() {
	# shellcheck disable=SC2086
	$to "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
status() {	# name, wanted status
	if [ "$rc" -eq 124 ] && [ -n "$to" ]; then
		ko "$1: timed out after $limit s"
	elif [ "$rc" -gt 128 ]; then
		ko "$1: killed by signal $((rc - 128)): $(head -c 300 "$tmp/err")"
	elif [ "$rc" -ne "$2" ]; then
		ko "$1: exit $rc, wanted $2: $(head -c 300 "$tmp/err")"
	else
		return 0
	fi
	return 1
}
# name, status, fixed string: exactly one line on stderr, containing the
# string; nothing on stdout.
refused() {
	status "$1" "$2" || return
	if [ "$(wc -l <"$tmp/err")" -ne 1 ] ||
	    ! grep -qF -- "$3" "$tmp/err"; then
		ko "$1: stderr was '$(head -c 300 "$tmp/err")', wanted one line with '$3'"
	elif [ -s "$tmp/out" ]; then
		ko "$1: output on stdout with a failure"
	else
		ok
	fi
}
# name, [python expression on d (the JSON) and t (all its text)]: exit 0,
# nothing on stderr, stdout one valid JSON object in strict UTF-8 (no
# encoded surrogates, no control characters but the JSON escapes).
converted() {
	status "$1" 0 || return
	if [ -s "$tmp/err" ]; then
		ko "$1: unexpected stderr: $(head -c 300 "$tmp/err")"
		return
	fi
	json "$1" "${2:-True}"
}
json() {	# name, expression
	if python3 - "$tmp/out" "$2" <<'EOF'; then ok; else ko "$1: bad JSON output or check '$2' false"; fi
import json, sys
raw = open(sys.argv[1], 'rb').read()
s = raw.decode('utf-8')          # strict: fails on invalid UTF-8
if any(ord(c) < 0x20 and c != '\n' for c in s):
    sys.exit('control character in the JSON text')
d = json.loads(s)
assert isinstance(d, dict) and d.get('version') == 2
def texts(o):
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for v in o.values():
            yield from texts(v)
    elif isinstance(o, list):
        for v in o:
            yield from texts(v)
t = '\n'.join(texts({k: v for k, v in d.items() if k != 'source'}))
for c in t:
    if 0xD800 <= ord(c) <= 0xDFFF or (ord(c) < 0x20 and c not in '\n\t') \
            or c == '\x7f':
        sys.exit('bad character U+%04X in the text' % ord(c))
sys.exit(0 if eval(sys.argv[2]) else 1)
EOF
}
# Either outcome of a page without an article: exit 1 "no article found
# in page", or exit 0 with JSON whose body holds none of LEAK.
no_article() {	# name, file, leak
	if [ "$rc" -eq 1 ]; then
		refused "$1" 1 "$2: no article found in page"
	else
		converted "$1" "'$3' not in ' '.join(b['text'] for b in d['body'])"
	fi
}
# Wall-clock seconds and peak RSS of one conversion, when GNU time exists.
measure() {	# name, args...
	n=$1
	shift
	if /usr/bin/time -f '%e %M' true >/dev/null 2>&1; then
		/usr/bin/time -o "$tmp/time" -f '%e %M' "$bin" "$@" \
		    >/dev/null 2>&1
		# (GNU time puts "Command exited with…" first on failure)
		secs=$(tail -n 1 "$tmp/time" | cut -d' ' -f1)
		kb=$(tail -n 1 "$tmp/time" | cut -d' ' -f2)
		echo "measure: $n: $secs s, peak $((kb / 1024)) MB"
	fi
}

python3 "$here/gen.py" "$tmp" || { echo "hostile: gen.py failed"; exit 1; }

# --- Nothing to read -----------------------------------------------------
: >"$tmp/empty.txt"
run "$tmp/empty.txt"
refused "empty file" 1 "$tmp/empty.txt: no text in input"

run - </dev/null
refused "empty standard input" 1 "<stdin>: no text in input"

# spaces, tabs, CR LF, form feed, NBSP, U+202F, U+3000, U+200B, BOM
printf ' \t\r\n\n\f  \302\240\342\200\257\343\200\200\342\200\213\n\357\273\277 \n' \
    >"$tmp/blank.txt"
run "$tmp/blank.txt"
refused "whitespace only" 1 "$tmp/blank.txt: no text in input"

printf '<html><head><title> </title></head><body>\n<p> </p><div>&nbsp;</div></body></html>\n' \
    >"$tmp/blank.html"
run "$tmp/blank.html"
if [ "$rc" -eq 1 ] && grep -q "no article found" "$tmp/err"; then
	refused "HTML without text" 1 "$tmp/blank.html: no article found in page"
else
	refused "HTML without text" 1 "$tmp/blank.html: no text in input"
fi

# --- Not text ------------------------------------------------------------
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000\037\025\304\211' \
    >"$tmp/image.png"
run "$tmp/image.png"
refused "PNG image" 1 "$tmp/image.png: binary data"

# gzip is read inflated: the sample text gzip'd is that text, a gzip'd
# image is still binary data, a cut stream is refused.
run "$tmp/sample.gz"
converted "gzip'd text"
gzip -n -c "$tmp/image.png" >"$tmp/image.png.gz"
run "$tmp/image.png.gz"
refused "gzip'd image" 1 "$tmp/image.png.gz: binary data"
head -c $(($(wc -c <"$tmp/sample.gz") - 20)) "$tmp/sample.gz" >"$tmp/cut.gz"
run "$tmp/cut.gz"
refused "cut gzip stream" 1 "$tmp/cut.gz: truncated gzip member"

# --- Web archives (tests/warc/mkwarc.sh) -----------------------------------
# Each file holds broken records and then a good one: one line on stderr
# (-q) a broken record names the file, the record's offset and the
# problem; the good record is converted; exit 1.
sh "$here/../warc/mkwarc.sh" "$tmp/warc" >/dev/null 2>&1 ||
    ko "tests/warc/mkwarc.sh failed"
warc_case() {	# name, file, wanted message, options...
	n=$1 f=$2 m=$3
	shift 3
	run -q "$@" "$tmp/warc/$f"
	status "$n" 1 || return
	if grep -vqF -- "artparse: $tmp/warc/$f: record at offset" "$tmp/err" ||
	    ! grep -qF -- "$m" "$tmp/err"; then
		ko "$n: stderr was '$(head -c 300 "$tmp/err")', wanted one line with '$m'"
	elif [ "$(wc -l <"$tmp/out")" -ne 1 ] ||
	    ! grep -q '"url":"https://www.gazette-du-val.example/a"' "$tmp/out"
	then
		ko "$n: the good record is not converted"
	else
		ok
	fi
}
warc_case "WARC: huge Content-Length" hugelen.warc.gz "record too large (99999999999999 bytes"
warc_case "WARC: negative or non-numeric Content-Length" badlen.warc \
    "invalid Content-Length '-5'"
warc_case "WARC: 1 MB header line" longline.warc \
    "header line longer than 32768 bytes"
warc_case "WARC: gzip bomb" bomb.warc.gz "record too large (20971564 bytes, limit 1048576" \
    --max-size 1M
warc_case "WARC: gzip bomb behind a short length" bomb2.warc.gz \
    "not followed by CR LF CR LF" --max-size 1M
warc_case "WARC: gzip bomb in the HTTP payload" payload-bomb.warc \
    "HTTP payload inflates past 1048576 bytes" --max-size 1M
run --max-size 1M "$tmp/warc/bomb.html.gz"
refused "gzip bomb page" 1 "bomb.html.gz: input too large (limit 1048576 bytes inflated"
run -q "$tmp/warc/truncated.warc.gz"
status "WARC: truncated member" 1 &&
    [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "truncated gzip member" "$tmp/err" &&
    [ "$(wc -l <"$tmp/out")" -eq 2 ] && ok ||
    ko "WARC: truncated member: $(head -c 300 "$tmp/err")"

printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n' >"$tmp/doc.pdf"
run "$tmp/doc.pdf"
refused "PDF" 1 "$tmp/doc.pdf: binary data"

printf 'Titre\n\nUn texte avec un octet nul \000 au milieu du paragraphe.\n' \
    >"$tmp/nul.txt"
run "$tmp/nul.txt"
refused "NUL bytes" 1 "$tmp/nul.txt: binary data"

# UTF-16 without a byte-order mark has NUL bytes too: refused, not garbled.
if command -v iconv >/dev/null 2>&1; then
	iconv -f UTF-8 -t UTF-16LE "$sample" >"$tmp/u16-nobom.txt"
	run "$tmp/u16-nobom.txt"
	refused "UTF-16 without BOM" 1 "$tmp/u16-nobom.txt: binary data"
fi

# --- Size ----------------------------------------------------------------
# A 100 MB page is refused by the 50 MB default at once, from a file (its
# size is known) and from a pipe (reading stops past the limit).
python3 "$here/gen.py" "$tmp" page-100m.html
big "$tmp/page-100m.html"
refused "100 MB page" 1 "$tmp/page-100m.html: input too large"
# shellcheck disable=SC2086
$to "$bin" <"$tmp/page-100m.html" >"$tmp/out" 2>"$tmp/err"
rc=$?
refused "100 MB page on stdin" 1 "<stdin>: input too large"
run --max-size 1K "$sample"
refused "--max-size 1K" 1 "$sample: input too large"
if [ -n "${HOSTILE_BIG:-}" ]; then
	limit=300 to="timeout 300"
	big --max-size 200M "$tmp/page-100m.html"
	converted "100 MB page, --max-size 200M" "len(d['body']) > 100000"
	measure "100 MB page, --max-size 200M" --max-size 200M \
	    "$tmp/page-100m.html"
	limit=${HOSTILE_TIMEOUT:-20} to="timeout $limit"
else
	skipped "100 MB page with --max-size 200M (set HOSTILE_BIG=1)"
fi
rm -f "$tmp/page-100m.html"

if [ -z "${VALGRIND:-}" ]; then
	big "$tmp/page-20m.html"
	converted "20 MB page" "len(d['body']) > 100000"
else
	skipped "20 MB page under valgrind"
fi

# --- Shape: depth, length, count -----------------------------------------
run "$tmp/nested-100k.html"
converted "100,000 nested elements" "'DEEPTEXT' in t"
run "$tmp/nested-unclosed-100k.html"
converted "100,000 unclosed nested elements" "'DEEPTEXT' in t"
run "$tmp/tables-5k.html"
converted "5,000 nested tables" "'DEEPTEXT' in t"
run "$tmp/svg-nested-100k.html"
converted "100,000 nested <svg> not left out" "'DEEPTEXT' in t"
run "$tmp/line-1m.txt"
converted "1 MB single line (text)" "len(t) > 500000"
run -f text -w 72 "$tmp/line-1m.txt"
status "1 MB single line wrapped at 72" 0 && ok
run "$tmp/line-1m.html"
converted "1 MB single line (HTML)"
run -f text -w 20 "$tmp/word-1m.txt"
status "1 MB word wrapped at 20 columns" 0 && ok
run -f markdown "$tmp/word-1m.txt"
status "1 MB word in Markdown" 0 && ok
if [ -z "${VALGRIND:-}" ]; then
	# (one-letter paragraphs may or may not count as body: the case
	# is about time and memory)
	big --allow-empty "$tmp/tiny-paragraphs.txt"
	converted "400,000 tiny paragraphs"
	big -f tree "$tmp/tiny-paragraphs.txt"
	status "400,000 tiny paragraphs, tree" 0 && ok
	# Past the block budget: refused, fast and in bounded memory
	# (--max-memory would turn a return of the overhead into exit 3).
	big --max-memory=300M "$tmp/million-paragraphs.txt"
	refused "a million tiny paragraphs" 1 \
	    "million-paragraphs.txt: too many blocks for an article"
	big --max-memory=300M "$tmp/two-byte-lines.txt"
	refused "20 MB of two-byte lines" 1 \
	    "two-byte-lines.txt: too many blocks for an article"
	measure "20 MB of two-byte lines" "$tmp/two-byte-lines.txt"
else
	skipped "a million tiny paragraphs under valgrind"
fi
run "$tmp/links-10k.html"
converted "10,000 links"
# Spans: offsets in code points, and Markdown markers, in linear time.
big --links --formatting "$tmp/spans-50k.html"
converted "50,000 links and emphases in one paragraph, --links" \
    "sum(len(b.get('links', [])) for b in d['body']) == 50000"
big -f md --links --formatting "$tmp/spans-50k.html"
if status "50,000 links and emphases, Markdown" 0; then
	grep -q '\[lien 49999\](/l49999) \*é49999\*' "$tmp/out" && ok ||
	    ko "50,000 links and emphases, Markdown: last span missing"
fi
big -f tei --links --formatting "$tmp/spans-50k.html"
if status "50,000 links and emphases, TEI" 0; then
	grep -q '<ref target="/l49999">lien 49999</ref> <hi rend="italic">é49999</hi>' \
	    "$tmp/out" && ok || ko "50,000 links and emphases, TEI: last span missing"
fi
run "$tmp/attributes-mb.html"
converted "attributes of megabytes" "'bbbbbbbbbb' not in t and 'aaaaaaaaaa' not in t"
run "$tmp/entities-1m.html"
converted "1 MB of entities"
# libxml2 2.9 takes time quadratic in the attributes of one tag (about
# 3 s for 40,000); artparse keeps only those it reads, and --timeout
# bounds it anyway.
run --timeout 1 "$tmp/attributes-100k.html"
if [ "$rc" -eq 1 ]; then
	refused "100,000 attributes, --timeout 1" 1 \
	    "$tmp/attributes-100k.html: timed out after 1 s"
else
	converted "100,000 attributes, --timeout 1"
fi
run "$tmp/jsonld-deep.html"
converted "JSON-LD nested 100,000 deep, 20,000 authors" \
    "len(d['authors']) <= 20000"

# --- Bytes and charsets ---------------------------------------------------
# (--allow-empty: these cases are about bytes, not about what the
# classifier keeps of a two-block text)
# Not UTF-8 (a lone 0xFF, cut sequences): read as windows-1252.
printf 'Titre du texte\n\nUn paragraphe \351crit en latin-1 avec un octet \377 et une s\303quence coup\303\251e \342\202 en fin.\n' \
    >"$tmp/invalid.txt"
run --allow-empty "$tmp/invalid.txt"
converted "invalid UTF-8" "d['source']['encoding'] == 'windows-1252' and '\u00e9crit' in t"
# Overlong "/" (C0 AF, E0 80 AF, F0 80 80 AF) and encoded surrogates
# (ED A0 80, ED BF BF) in forced UTF-8: each becomes U+FFFD, never "/" or a
# surrogate in the output.
printf 'Titre\n\nChemin \300\257 puis \340\200\257 puis \360\200\200\257, demi-codets \355\240\200\355\277\277 et \364\220\200\200 fin.\n' \
    >"$tmp/overlong.txt"
run --allow-empty -e utf-8 "$tmp/overlong.txt"
converted "overlong encodings" "'/' not in t and '\ufffd' in t"
run --allow-empty "$tmp/overlong.txt"
converted "overlong encodings, detected charset" "'/' not in t"
printf 'Titre\n\nUn demi-codet \355\240\200 seul et une paire \355\240\275\355\270\200 encod\303\251e.\n' \
    >"$tmp/surrogates.txt"
run --allow-empty -e utf-8 "$tmp/surrogates.txt"
converted "encoded surrogates" "'\ufffd' in t"
# C0 controls and terminal escapes never reach the output.
printf 'Titre\n\nTexte \033]0;pwned\007 et \033[31mrouge\033[0m, cloche \007, retour\010 arri\303\250re, fin du paragraphe.\n' \
    >"$tmp/escapes.txt"
run -f text --allow-empty "$tmp/escapes.txt"
status "terminal escapes" 0 &&
    if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/out"; then
	ko "terminal escapes: control bytes in text output"
    else ok; fi
# CR-only (old Mac) and mixed line ends.
printf 'Titre\r\rUn paragraphe assez long pour \303\252tre du texte.\r\nUn autre.\n\r\n' \
    >"$tmp/cr.txt"
run -f text --allow-empty "$tmp/cr.txt"
status "CR line ends" 0 &&
    if grep -q "$(printf '\r')" "$tmp/out"; then ko "CR line ends: CR in output"; else ok; fi
if command -v iconv >/dev/null 2>&1; then
	"$bin" -f text -w 0 "$sample" >"$tmp/utf8.out" 2>/dev/null
	for e in LE BE; do
		{ if [ $e = LE ]; then printf '\377\376'; else printf '\376\377'; fi
		  iconv -f UTF-8 -t UTF-16$e "$sample"; } >"$tmp/u16$e.txt"
		run -f text -w 0 "$tmp/u16$e.txt"
		status "UTF-16$e with BOM" 0 &&
		    if cmp -s "$tmp/out" "$tmp/utf8.out"; then ok; else
			ko "UTF-16$e with BOM: output differs from UTF-8"; fi
	done
	# An odd byte count: the last half code unit becomes U+FFFD.
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$sample"; printf 'x'; } \
	    >"$tmp/u16odd.txt"
	run "$tmp/u16odd.txt"
	converted "UTF-16 with an odd byte count"
fi
run "$here/meta-lies-latin1.html"
converted "meta charset says latin-1, bytes are UTF-8" \
    "d['source']['encoding'] == 'UTF-8' and '\u00c9lection \u00e0 Montr\u00e9al' in t"
run "$here/meta-lies-utf8.html"
converted "meta charset says UTF-8, bytes are latin-1" \
    "d['source']['encoding'] == 'windows-1252' and '\u00c9lection \u00e0 Montr\u00e9al' in t"
# A usage error: the message, then the hint line.
usage_refused() {	# name, fixed string
	if status "$1" 2; then
		if [ "$(wc -l <"$tmp/err")" -ne 2 ] ||
		    ! head -n 1 "$tmp/err" | grep -qF -- "artparse: $2" ||
		    ! tail -n 1 "$tmp/err" | grep -q "^Try 'artparse --help'"; then
			ko "$1: stderr was '$(head -c 300 "$tmp/err")'"
		else ok; fi
	fi
}
run --encoding x-no-such-charset "$sample"
usage_refused "unknown --encoding" "unknown encoding 'x-no-such-charset'"
run --encoding "" "$sample"
usage_refused "empty --encoding" "unknown encoding ''"
run -e utf-16 "$sample"
status "--encoding that does not fit the bytes" 0 && json "--encoding utf-16 on UTF-8" True

# --- What the file is -----------------------------------------------------
# A folder is walked for articles (see artparse(1)); where one file is
# expected, a directory is refused.
mkdir "$tmp/dir"
run -o "$tmp/dir.json" "$tmp/dir"
refused "directory with -o" 1 "$tmp/dir: is a directory"
# shellcheck disable=SC2086
$to "$bin" <"$tmp/dir" >"$tmp/out" 2>"$tmp/err"
rc=$?
refused "directory on stdin" 1 "<stdin>: is a directory"
run "$tmp/dir"
status "empty folder" 0 && { [ -s "$tmp/out" ] && ko "empty folder: output" || ok; }
mkdir "$tmp/mixed"
cp "$sample" "$tmp/mixed/a.txt"
cp "$tmp/image.png" "$tmp/mixed/b.txt"
run "$tmp/mixed"
status "folder with an article and an image" 1 &&
    if [ "$(wc -l <"$tmp/out")" -eq 1 ] &&
	grep -qF "$tmp/mixed/b.txt: binary data" "$tmp/err"; then
	json "folder with an article and an image" "'La biblioth' in t"
    else
	ko "folder with an article and an image: $(head -c 300 "$tmp/err")"
    fi
run "$tmp/missing.txt"
refused "missing file" 1 "$tmp/missing.txt: No such file or directory"
# Permissions do not stop root: run those cases as nobody when root.
mkdir "$tmp/perm"
chmod 755 "$tmp" "$tmp/perm"
as=
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	    setpriv --reuid=65534 --regid=65534 --clear-groups \
	    test -x "$bin" 2>/dev/null; then
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	else
		as=none
	fi
fi
cp "$sample" "$tmp/perm/secret.txt"
chmod 000 "$tmp/perm/secret.txt"
if [ "$as" != none ]; then
	# shellcheck disable=SC2086
	$to $as ${VALGRIND:-} "$bin" "$tmp/perm/secret.txt" >"$tmp/out" \
	    2>"$tmp/err"
	rc=$?
	refused "unreadable file" 1 "$tmp/perm/secret.txt: Permission denied"
else
	skipped "unreadable file (root, and no setpriv to drop privileges)"
fi
run /dev/null
refused "/dev/null" 1 "/dev/null: no text in input"
if command -v mkfifo >/dev/null 2>&1 && mkfifo "$tmp/fifo" 2>/dev/null; then
	# artparse blocks in open() until a writer comes: open the write
	# side here (under timeout too, in case artparse never opens the
	# read side), write the article, close it.
	# shellcheck disable=SC2086
	$to "$bin" "$tmp/fifo" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	# shellcheck disable=SC2016,SC2086
	$to sh -c 'cat "$1" >"$2"' sh "$sample" "$tmp/fifo"
	wait $pid
	rc=$?
	converted "FIFO with a writer" "'La biblioth' in t"
	# shellcheck disable=SC2086
	$to "$bin" "$tmp/fifo" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	# shellcheck disable=SC2016,SC2086
	$to sh -c ': >"$1"' sh "$tmp/fifo"
	wait $pid
	rc=$?
	refused "FIFO closed without data" 1 "$tmp/fifo: no text in input"
else
	skipped "FIFO (no mkfifo)"
fi

# --- Where the output goes ------------------------------------------------
if [ -w /dev/full ]; then
	# shellcheck disable=SC2086
	$to "$bin" "$sample" >/dev/full 2>"$tmp/err"
	rc=$?
	: >"$tmp/out"
	refused "stdout on /dev/full" 3 "<stdout>: No space left on device"
else
	skipped "/dev/full"
fi
mkdir "$tmp/perm/ro"
cp "$sample" "$tmp/perm/in.txt"
chmod 644 "$tmp/perm/in.txt"
chmod 555 "$tmp/perm/ro"
if [ "$as" != none ]; then
	# shellcheck disable=SC2086
	$to $as ${VALGRIND:-} "$bin" -o "$tmp/perm/ro/out.json" \
	    "$tmp/perm/in.txt" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	refused "read-only output folder" 3 "$tmp/perm/ro/out.json"
	[ -z "$(ls -A "$tmp/perm/ro")" ] && ok ||
	    ko "read-only folder: files left: $(ls -A "$tmp/perm/ro")"
	# shellcheck disable=SC2086
	$to $as ${VALGRIND:-} "$bin" -d "$tmp/perm/ro" "$tmp/perm/in.txt" \
	    >"$tmp/out" 2>"$tmp/err"
	rc=$?
	status "read-only -d folder" 3 &&
	    if grep -qF "$tmp/perm/ro/" "$tmp/err"; then ok; else
		ko "read-only -d folder: stderr: $(head -c 300 "$tmp/err")"; fi
else
	skipped "read-only output folder (root, and no setpriv to drop privileges)"
fi
run -o "$tmp/dir" "$sample"
refused "output is a directory" 1 "$tmp/dir: is a directory"

# File names come from the web too (a folder of saved pages): a newline
# or a terminal escape in one must not break the one-line message.
nl=$(printf '%s/new\nline.txt' "$tmp")
run "$nl"
refused "file name with a newline" 1 "No such file or directory"
esc=$(printf '%s/esc\033[2Jape.txt' "$tmp")
: >"$esc"
run "$esc"
status "file name with a terminal escape" 1 &&
    if LC_ALL=C grep -q "$(printf '\033')" "$tmp/err"; then
	ko "file name with a terminal escape: ESC written to stderr"
    else ok; fi
run -o "$tmp/no/such/dir/out.json" "$sample"
refused "output folder missing" 3 "$tmp/no/such/dir/out.json"
# C1 controls (U+009B is CSI; so is a raw 0x9B byte to an 8-bit
# terminal) and bidirectional overrides in a name are escaped like C0.
for seq in '\302\233' '\233' '\342\200\256' '\342\201\246'; do
	bad=$(printf "%s/c1${seq}x.txt" "$tmp")
	: >"$bad"
	run "$bad"
	status "file name with $seq" 1 &&
	    if LC_ALL=C grep -q "$(printf "$seq")" "$tmp/err"; then
		ko "file name with $seq: written raw to stderr"
	    elif ! grep -qF "c1$seq" "$tmp/err"; then
		ko "file name with $seq: not escaped as $seq: $(cat "$tmp/err")"
	    else ok; fi
done
ok_name=$(printf '%s/%s' "$tmp" 'été «ok».txt')
: >"$ok_name"
run "$ok_name"
grep -qF 'été «ok».txt' "$tmp/err" && ok ||
    ko "accented file name escaped: $(cat "$tmp/err")"

# --- A hostile tree cannot write elsewhere ---------------------------------
ht=$tmp/ht
mkdir -p "$ht/in/sub" "$ht/out" "$ht/elsewhere" "$ht/out2" "$ht/out3"
cp "$sample" "$ht/in/a.txt"
cp "$sample" "$ht/in/sub/b.txt"
# A link planted inside -d (out/sub -> ../elsewhere) is not followed: the
# input whose output would go through it fails, the others are written.
ln -s ../elsewhere "$ht/out/sub"
run -d "$ht/out" "$ht/in"
status "link to a folder inside -d" 1 && ok
[ -z "$(ls -A "$ht/elsewhere")" ] && ok ||
    ko "link to a folder inside -d: wrote through it: $(ls -A "$ht/elsewhere")"
[ -f "$ht/out/a.json" ] && ok || ko "link inside -d: a.json not written"
grep -qF "$ht/in/sub/b.txt: cannot write '$ht/out/sub/b.json': a symbolic link is in the way" \
    "$tmp/err" && ok || ko "link inside -d: message: $(head -c 300 "$tmp/err")"
# A link at the output's own name is replaced, never written through.
ln -s ../elsewhere/victim.json "$ht/out2/a.json"
run --force -d "$ht/out2" "$ht/in/a.txt"
status "link as the output file" 0 && ok
[ ! -e "$ht/elsewhere/victim.json" ] && [ ! -L "$ht/out2/a.json" ] &&
    [ -f "$ht/out2/a.json" ] && ok || ko "link as the output file: followed"
# A hard link planted at a temporary name (the fixed name of old) is
# never written into: temporary files are new files, O_EXCL, random.
echo secret >"$ht/victim"
chmod 600 "$ht/victim"
ln "$ht/victim" "$ht/out3/.a.json.artparse-tmp"
echo old >"$ht/out3/a.json"
run --force -d "$ht/out3" "$ht/in/a.txt"
status "hard link at the temporary name" 0 && ok
[ "$(cat "$ht/victim")" = secret ] &&
    [ "$(ls -l "$ht/victim" | cut -c1-10)" = "-rw-------" ] && ok ||
    ko "hard link at the temporary name: victim written or its mode changed"
grep -q '"version"' "$ht/out3/a.json" && ok ||
    ko "hard link at the temporary name: output not written"
# A file link inside an input folder that leads out of it is skipped,
# unless --follow; a link inside the folder, or named on the command
# line, is converted.
mkdir -p "$ht/secret" "$ht/in2"
cp "$sample" "$ht/secret/private.txt"
cp "$sample" "$ht/in2/own.txt"
ln -s ../secret/private.txt "$ht/in2/x.txt"
ln -s own.txt "$ht/in2/y.txt"
run -d "$ht/o4" "$ht/in2"
status "link out of an input folder" 0 && ok
[ ! -e "$ht/o4/x.json" ] && [ -f "$ht/o4/y.json" ] && [ -f "$ht/o4/own.json" ] &&
    ok || ko "link out of an input folder: outputs $(ls "$ht/o4")"
grep -qF "$ht/in2/x.txt: symbolic link to a file outside the folder; skipped" \
    "$tmp/err" && ok || ko "link out of an input folder: $(head -c 300 "$tmp/err")"
run --follow -d "$ht/o5" "$ht/in2"
[ -f "$ht/o5/x.json" ] && ok || ko "--follow: the link was not converted"
run -d "$ht/o6" "$ht/in2/x.txt"
[ -f "$ht/o6/x.json" ] && ok || ko "link named on the command line: not converted"

# --- Pages that are not articles, and traps in the markup -----------------
run "$here/cookie-banner.html"
no_article "page that is only a cookie banner" "$here/cookie-banner.html" \
    "cookies"
run "$here/home-page.html"
no_article "home page with no article" "$here/home-page.html" \
    "Mentions l\u00e9gales"
run "$here/unclosed-comment.html"
converted "unclosed comment" "'COMMENTLEAK' not in t and 'festival de jazz' in t"
run "$here/unclosed-script.html"
converted "unclosed script" "'SCRIPTLEAK' not in t and 'piscine municipale fermera' in t"
run "$here/script-p.html"
converted "<script> containing </p>" \
    "'SCRIPTLEAK' not in t and 'STYLELEAK' not in t and 'nocturne le jeudi' in t"
run "$here/streamed-loop.html"
converted "streamed segments placed in themselves" \
    "'Le conseil municipal' in t and 'La majorit' in t"
run "$here/entities-only.html"
if [ "$rc" -eq 1 ]; then
	refused "document of only entities" 1 "$here/entities-only.html:"
else
	converted "document of only entities"
fi
for f in $("$bin" --list-formats | cut -f1); do
	run -f "$f" -i html "$here/entities-only.html"
	[ "$rc" -le 1 ] && ok || ko "entities, -f $f: exit $rc"
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/out"; then
		ko "entities, -f $f: control bytes in output"
	else ok; fi
done

echo "hostile: $pass passed, $fail failed ($skip skipped, $xfail known bugs)"
[ "$fail" -eq 0 ]
