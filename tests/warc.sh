#!/bin/sh
# WARC and gzip input through the command line (`make check-warc`): the
# files of tests/warc/mkwarc.sh, made in a temporary folder.  Checked:
# which records are converted and which skipped, by reason; that a
# record's JSON is the JSON of the same page converted as a file, but for
# its source; offsets a reader can seek to; the charset of the HTTP
# Content-Type; broken records reported on one line each while the rest
# of the file goes on; gzip bombs refused without being inflated; -d,
# markdown delimiters, standard input, folders and lists mixing WARC
# files with pages, and -j.
# Usage: sh tests/warc.sh path/to/artparse
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
schema=$(cd "$here/.." && pwd)/docs/artparse.schema.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }
to=
command -v timeout >/dev/null 2>&1 && to="timeout 20"

sh "$here/warc/mkwarc.sh" "$tmp/fx" || { echo "FAIL: mkwarc.sh"; exit 1; }
cd "$tmp/fx" || exit 1

run() {
	$to "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
expect_rc() {	# name, status
	[ "$rc" -eq "$2" ] && ok ||
	    ko "$1: exit $rc, wanted $2 ($(head -c 300 "$tmp/err"))"
}
# name, fixed string: a line of stderr holds it
expect_err() {
	grep -qF -- "$2" "$tmp/err" && ok ||
	    ko "$1: stderr '$(head -c 400 "$tmp/err")' lacks '$2'"
}
# name, N: stderr has exactly N lines
err_lines() {
	[ "$(wc -l <"$tmp/err")" -eq "$2" ] && ok ||
	    ko "$1: $(wc -l <"$tmp/err") lines on stderr, wanted $2: $(head -c 400 "$tmp/err")"
}
# name, python expression on L (the NDJSON objects of stdout): true, and
# with validate=1, every object valid against the schema (when
# python3-jsonschema is installed; slow to load, so not for every check)
validate=1
ndjson() {
	python3 - "$tmp/out" "$schema" "$2" "$validate" <<'PY' && ok || ko "$1: check '$2' false on $(head -c 200 "$tmp/out")"
import json, sys
L = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
try:
    if sys.argv[4] == "1":
        import jsonschema
        s = json.load(open(sys.argv[2], encoding="utf-8"))
        v = jsonschema.validators.validator_for(s)(s)
        for d in L:
            v.validate(d)
except ImportError:
    pass
U = "https://www.gazette-du-val.example/"
sys.exit(0 if eval(sys.argv[3]) else 1)
PY
}

summary="3 converted, 0 failed, 0 skipped; records skipped: 1 warcinfo, 1 request, 1 metadata, 1 revisit, 1 redirect, 1 non-200, 1 non-HTML"
for f in plain.warc pergz.warc.gz whole.warc.gz; do
	run "$f"
	expect_rc "$f" 0
	expect_err "$f: summary" "artparse: $summary"
	err_lines "$f" 1
	ndjson "$f: records a, b, c in order" \
	    "[d['source']['url'] for d in L] == [U + 'a', U + 'b', U + 'c'] and all(d['source']['warc']['file'] == '$f' and d['source']['path'] == '$f' for d in L)"
	ndjson "$f: record ids and dates" \
	    "[d['source']['warc']['record_id'][-2:] for d in L] == ['03', '09', '10'] and L[0]['source']['warc']['date'] == '2024-03-12T18:03:00Z'"
done

validate=0

# The record's JSON is the page's, but for the source.
"$bin" pages/a.html >"$tmp/a.json" 2>/dev/null
run pergz.warc.gz
python3 - "$tmp/out" "$tmp/a.json" <<'PY' && ok || ko "record a and c differ from pages/a.html converted as a file"
import json, sys
L = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
a = json.load(open(sys.argv[2], encoding="utf-8"))
del a["source"]
for d in (L[0], L[2]):
    src = d.pop("source")
    assert src["type"] == "html" and src["encoding"] == "UTF-8", src
    assert d == a, (d, a)
PY

# The HTTP charset is the hint: ISO-8859-15 reads 0xA4 as the euro sign,
# which windows-1252 (the guess without it) does not.
run plain.warc
ndjson "charset from the resource's Content-Type" \
    "L[1]['source']['encoding'] == 'ISO-8859-15' and '12 M€' in L[1]['standfirst']"
run pages/b.html
ndjson "b.html without a hint: windows-1252" \
    "L[0]['source']['encoding'] == 'windows-1252' and '12 M€' not in L[0]['standfirst']"
run --charset-hint=ISO-8859-15 pages/b.html
ndjson "--charset-hint" \
    "L[0]['source']['encoding'] == 'ISO-8859-15' and '12 M€' in L[0]['standfirst']"
run --charset-hint=ISO-8859-15 pages/a.html
ndjson "--charset-hint loses to strict UTF-8" \
    "L[0]['source']['encoding'] == 'UTF-8'"
run -e UTF-8 --charset-hint=ISO-8859-15 pages/b.html
ndjson "-e wins over --charset-hint" "L[0]['source']['encoding'] == 'UTF-8'"
run --charset-hint=no-such-charset pages/a.html
expect_rc "--charset-hint unknown" 2
expect_err "--charset-hint unknown" "unknown charset 'no-such-charset'"

# Offsets lead back to the record: the gzip member, or the byte.
run pergz.warc.gz
for off in $(python3 -c "import json,sys; [print(json.loads(l)['source']['warc']['offset']) for l in open('$tmp/out')]"); do
	tail -c +$((off + 1)) pergz.warc.gz | gzip -dc 2>/dev/null |
	    head -n 2 | tr -d '\r' | grep -qx 'WARC-Type: [a-z]*' && ok ||
	    ko "pergz offset $off is not a record's gzip member"
done
run plain.warc
for off in $(python3 -c "import json,sys; [print(json.loads(l)['source']['warc']['offset']) for l in open('$tmp/out')]"); do
	[ "$(tail -c +$((off + 1)) plain.warc | head -c 8)" = "WARC/1.1" ] &&
	    ok || ko "plain offset $off is not a record's"
done

# Broken records: one line each, the rest of the file goes on, exit 1.
run truncated.warc
expect_rc "truncated.warc" 1
expect_err "truncated.warc" "artparse: truncated.warc: record at offset 15148: truncated record (1443 of 1939 bytes)"
ndjson "truncated.warc: a and b kept" "len(L) == 2"
run -q truncated.warc.gz
expect_rc "truncated.warc.gz" 1
expect_err "truncated.warc.gz" "artparse: truncated.warc.gz: record at offset 7234: truncated gzip member"
err_lines "truncated.warc.gz -q" 1
ndjson "truncated.warc.gz: a and b kept" "len(L) == 2"
run -q badlen.warc
expect_rc "badlen.warc" 1
expect_err "negative Content-Length" "badlen.warc: record at offset 0: invalid Content-Length '-5'"
expect_err "non-numeric Content-Length" ": invalid Content-Length 'abc'"
err_lines "badlen.warc" 2
ndjson "badlen.warc: the good record" "len(L) == 1 and L[0]['source']['url'] == U + 'a'"
run -q hugelen.warc.gz
expect_rc "hugelen.warc.gz" 1
expect_err "huge Content-Length" "hugelen.warc.gz: record at offset 0: record too large (99999999999999 bytes, limit 52428800; see --max-size)"
ndjson "hugelen.warc.gz: the good record" "len(L) == 1"
run -q longline.warc
expect_rc "1 MB header line" 1
expect_err "1 MB header line" "longline.warc: record at offset 0: header line longer than 32768 bytes"
ndjson "longline.warc: the good record" "len(L) == 1"
run -q -i warc pages/a.html
expect_rc "--input warc on a page" 1
expect_err "--input warc on a page" "a.html: record at offset 0: not a WARC record"

# A URI of 20,000 characters (header lines go to 32 KiB) reaches the
# worker with the page, with -j 1 and -j 2.
for j in 1 2; do
	run -q -j "$j" longurl.warc
	expect_rc "longurl.warc -j $j" 0
	ndjson "longurl.warc -j $j" \
	    "len(L) == 1 and len(L[0]['source']['url']) > 20000"
done

# Gzip bombs: refused at --max-size, never inflated into memory.
run -q --max-size 1M bomb.warc.gz
expect_rc "bomb.warc.gz" 1
expect_err "bomb.warc.gz" "record at offset 0: record too large (20971564 bytes, limit 1048576"
ndjson "bomb.warc.gz: the good record" "len(L) == 1"
run -q --max-size 1M bomb2.warc.gz
expect_rc "bomb2.warc.gz" 1
expect_err "bomb2.warc.gz" "record at offset 0: record not followed by CR LF CR LF"
ndjson "bomb2.warc.gz: the good record" "len(L) == 1"
run -q --max-size 1M payload-bomb.warc
expect_rc "payload bomb" 1
expect_err "payload bomb" "record at offset 0: HTTP payload inflates past 1048576 bytes"
ndjson "payload bomb: the good record" "len(L) == 1"
run --max-size 1M bomb.html.gz
expect_rc "bomb.html.gz" 1
expect_err "bomb.html.gz" "artparse: bomb.html.gz: input too large (limit 1048576 bytes inflated; see --max-size)"
[ ! -s "$tmp/out" ] && ok || ko "bomb.html.gz: output"
# AddressSanitizer keeps freed memory in quarantine: no measure there.
if /usr/bin/time -f %M true >/dev/null 2>&1 &&
    ! grep -q __asan_init "$bin" 2>/dev/null; then
	/usr/bin/time -o "$tmp/rss" -f %M "$bin" -q --max-size 1M \
	    bomb.warc.gz bomb2.warc.gz >/dev/null 2>&1
	[ "$(tail -n 1 "$tmp/rss")" -lt 30000 ] && ok ||
	    ko "bombs: peak RSS $(tail -n 1 "$tmp/rss") KB"
fi

# A gzip'd page is read as the page.
run page.html.gz
"$bin" pages/a.html >"$tmp/a.json" 2>/dev/null
python3 - "$tmp/out" "$tmp/a.json" <<'PY' && ok || ko "page.html.gz differs from a.html"
import json, sys
d, a = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:])
assert d["source"]["path"] == "page.html.gz"
del d["source"]["path"], a["source"]["path"]
assert d == a
PY

# Standard input: a WARC stream or a (gzip'd) page.
$to "$bin" <pergz.warc.gz >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc "stdin WARC" 0
ndjson "stdin WARC" "len(L) == 3 and L[0]['source']['warc']['file'] is None and L[0]['source']['path'] is None"
$to "$bin" - <whole.warc.gz >"$tmp/out" 2>"$tmp/err"
rc=$?
ndjson "stdin whole-file gzip WARC" "len(L) == 3"
$to "$bin" <page.html.gz >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc "stdin page.html.gz" 0
[ ! -s "$tmp/err" ] && ok || ko "stdin page.html.gz: stderr $(cat "$tmp/err")"
$to "$bin" -o "$tmp/x.json" <pergz.warc.gz >/dev/null 2>"$tmp/err"
rc=$?
expect_rc "-o with a WARC on stdin" 2
run -o "$tmp/x.json" plain.warc
expect_rc "-o with a WARC file" 2
expect_err "-o with a WARC file" "-o takes one page"
[ ! -e "$tmp/x.json" ] && ok || ko "-o with a WARC wrote a file"

validate=1
# -d: a folder per WARC file, a file per record, named by offset.
run -q -d "$tmp/d" pergz.warc.gz plain.warc pages
expect_rc "-d" 0
(cd "$tmp/d" && find . -type f | sort | tr '\n' ' ') >"$tmp/list"
[ "$(cat "$tmp/list")" = "./a.json ./b.json ./pergz/000000000441.json ./pergz/000000005321.json ./pergz/000000007234.json ./plain/000000000575.json ./plain/000000010803.json ./plain/000000015148.json " ] &&
    ok || ko "-d outputs: $(cat "$tmp/list")"
run -d "$tmp/d" pergz.warc.gz
expect_err "-d again: records skipped" "0 converted, 0 failed, 3 skipped"
for f in "$tmp"/d/*/*.json; do
	cp "$f" "$tmp/out"
	ndjson "-d output $f" "len(L) == 1"
	validate=0
done

# Markdown: the URL, file and offset in the delimiter line.
run -f md plain.warc pages/a.html
grep -c '^==> ' "$tmp/out" | grep -qx 4 && ok || ko "md: delimiters"
grep -qxF "==> https://www.gazette-du-val.example/b (plain.warc, offset 10803) <==" "$tmp/out" && ok ||
    ko "md: record delimiter: $(grep '^==>' "$tmp/out")"

# Folders and lists mix WARC files and pages; names found by content.
mkdir -p "$tmp/mix/sub"
cp pages/a.html "$tmp/mix/"
cp pergz.warc.gz "$tmp/mix/sub/"
cp plain.warc "$tmp/mix/sub/crawl"
cp page.html.gz "$tmp/mix/p.html.gz"
cp bomb.html.gz "$tmp/mix/other.tar.gz"
run -q "$tmp/mix"
expect_rc "folder mixing WARC and pages" 0
ndjson "folder: a, p.html.gz, crawl's 3, pergz's 3" \
    "len(L) == 8 and [d['source']['path'].split('/mix/')[1] for d in L] == ['a.html', 'p.html.gz'] + ['sub/crawl'] * 3 + ['sub/pergz.warc.gz'] * 3"
printf '%s\n' pages/a.html pergz.warc.gz page.html.gz >"$tmp/list"
run -q --files-from "$tmp/list"
ndjson "--files-from mixing WARC and pages" \
    "len(L) == 5 and [d['source']['path'] for d in L] == ['pages/a.html'] + ['pergz.warc.gz'] * 3 + ['page.html.gz']"
printf '%s\n' pergz.warc.gz whole.warc.gz | $to "$bin" -q --files-from - \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc "mapper contract: WARC paths on stdin" 0
ndjson "mapper contract: NDJSON" "len(L) == 6"

# Memory does not grow with the file: 30 and 300 records, peak RSS.
# AddressSanitizer keeps freed memory in quarantine: no measure there.
for i in 1 2 3 4 5 6 7 8 9 10; do cat pergz.warc.gz; done >"$tmp/w10.warc.gz"
for i in 1 2 3 4 5 6 7 8 9 10; do cat "$tmp/w10.warc.gz"; done \
    >"$tmp/w100.warc.gz"
if /usr/bin/time -f %M true >/dev/null 2>&1 &&
    ! grep -q __asan_init "$bin" 2>/dev/null; then
	/usr/bin/time -o "$tmp/rss10" -f %M "$bin" -q -j 1 "$tmp/w10.warc.gz" \
	    >"$tmp/out10" 2>/dev/null
	/usr/bin/time -o "$tmp/rss100" -f %M "$bin" -q -j 1 \
	    "$tmp/w100.warc.gz" >"$tmp/out" 2>/dev/null
	ndjson "300 records" "len(L) == 300"
	a=$(tail -n 1 "$tmp/rss10")
	b=$(tail -n 1 "$tmp/rss100")
	[ "$b" -le $((a + a / 4 + 1024)) ] && ok ||
	    ko "peak RSS grows with the file: $a KB for 30 records, $b KB for 300"
fi

# -j: the same bytes whatever the number of jobs.
"$bin" -q -j 1 plain.warc pergz.warc.gz whole.warc.gz pages >"$tmp/j1" 2>&1
"$bin" -q -j 4 plain.warc pergz.warc.gz whole.warc.gz pages >"$tmp/j4" 2>&1
cmp -s "$tmp/j1" "$tmp/j4" && ok || ko "-j 1 and -j 4 differ"

# Pages reach the workers through shared memory; where none can be
# mapped (here: no address space for --max-size 4G of it), through the
# pipe, with the same bytes out.  AddressSanitizer needs the address space.
if ! grep -q __asan_init "$bin" 2>/dev/null; then
	(ulimit -v 3000000 && "$bin" -q -j 4 --max-size 4G plain.warc \
	    pergz.warc.gz whole.warc.gz pages) >"$tmp/jpipe" 2>&1
	cmp -s "$tmp/j1" "$tmp/jpipe" && ok ||
	    ko "pages sent through the pipe give other bytes"
fi

echo "warc: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
