#!/bin/sh
# Write the WARC test files into DIR, made at test time from the pages of
# tests/html with printf, gzip and iconv (none is committed):
#   pages/a.html         the page of tests/html/split-article.html (UTF-8)
#   pages/b.html         the same in ISO-8859-15 with no <meta charset>,
#                        holding a euro sign (byte 0xA4: "¤" in latin-1)
#   plain.warc           one record of each kind: warcinfo, request,
#                        response 200 HTML (a.html), metadata, 301, 404,
#                        image/png, revisit, resource text/html (b.html,
#                        charset in the Content-Type), and a response
#                        chunked and gzip-encoded (a.html again)
#   pergz.warc.gz        the same, one gzip member a record
#   whole.warc.gz        the same, one gzip stream for the whole file
#   truncated.warc       plain.warc cut inside its last record
#   truncated.warc.gz    pergz.warc.gz cut inside its last member
#   badlen.warc          Content-Length -5, then "abc", then a good record
#   hugelen.warc.gz      Content-Length 99999999999999 (own member), then
#                        a good record
#   longline.warc        a 1 MB header line, then a good record
#   longurl.warc         a response whose URI is 20,000 characters long
#   bomb.warc.gz         a member whose block inflates to 20 MB (refused
#                        with --max-size 1M), then a good record
#   bomb2.warc.gz        Content-Length 100 but 20 MB in the same member
#   payload-bomb.warc    a gzip-encoded HTTP payload of 20 MB of zeros
#   bomb.html.gz         a "page" inflating to 20 MB
#   page.html.gz         a.html gzip'd
# Usage: sh tests/warc/mkwarc.sh DIR
set -eu
dir=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir/pages" "$dir/blk"
w=$dir/blk
LC_ALL=C
export LC_ALL

cp "$here/../html/split-article.html" "$dir/pages/a.html"
sed 's/<meta charset="utf-8">//; s/de 4 %/de 4 % (12 M€)/' \
    "$dir/pages/a.html" | iconv -f UTF-8 -t ISO-8859-15//TRANSLIT >"$dir/pages/b.html"

size() { wc -c <"$1" | tr -d ' '; }

# http FILE STATUS CTYPE [HEADERS]: an HTTP response whose body is FILE
http() {
	printf 'HTTP/1.1 %s\r\nContent-Type: %s\r\n%b\r\n' "$2" "$3" "${4:-}"
	cat "$1"
}

# rec TYPE URI CTYPE FILE [LENGTH]: a WARC/1.1 record whose block is FILE
n=0
rec() {
	n=$((n + 1))
	printf 'WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n' "$1" "$2"
	printf 'WARC-Date: 2024-03-12T18:%02d:00Z\r\n' "$n"
	printf 'WARC-Record-ID: <urn:uuid:6d1b5f0e-0000-4000-8000-%012d>\r\n' "$n"
	printf 'Content-Type: %s\r\nContent-Length: %s\r\n\r\n' "$3" \
	    "${5:-$(size "$4")}"
	cat "$4"
	printf '\r\n\r\n'
}

# chunked FILE: FILE in the chunked transfer coding, chunks of 1000 bytes
chunked() {
	total=$(size "$1")
	off=0
	while [ "$off" -lt "$total" ]; do
		k=$((total - off))
		[ "$k" -gt 1000 ] && k=1000
		printf '%x;ext=1\r\n' "$k"
		dd if="$1" bs=1 skip="$off" count="$k" 2>/dev/null
		printf '\r\n'
		off=$((off + k))
	done
	printf '0\r\nX-Trailer: 1\r\n\r\n'
}

H='application/http; msgtype=response'
printf 'software: mkwarc.sh\r\nformat: WARC File Format 1.1\r\n' >"$w/info"
printf 'GET /a HTTP/1.1\r\nHost: www.gazette-du-val.example\r\n\r\n' >"$w/req"
http "$dir/pages/a.html" "200 OK" "text/html; charset=utf-8" >"$w/r200"
printf 'via: mkwarc.sh\r\n' >"$w/meta"
printf '' >"$w/empty"
http "$w/empty" "301 Moved Permanently" "text/html" \
    'Location: https://www.gazette-du-val.example/a\r\n' >"$w/r301"
http "$dir/pages/a.html" "404 Not Found" "text/html" >"$w/r404"
printf '\211PNG\r\n\032\n' >"$w/png"
http "$w/png" "200 OK" "image/png" >"$w/rpng"
printf 'HTTP/1.1 304 Not Modified\r\n\r\n' >"$w/rev"
gzip -n -c "$dir/pages/a.html" >"$w/a.gz"
chunked "$w/a.gz" >"$w/a.chunked"
http "$w/a.chunked" "200 OK" "text/html" \
    'Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n' >"$w/rchunk"

U=https://www.gazette-du-val.example
records() {
	n=0
	rec warcinfo "" "application/warc-fields" "$w/info" >"$w/1"
	rec request "$U/a" "application/http; msgtype=request" "$w/req" >"$w/2"
	rec response "$U/a" "$H" "$w/r200" >"$w/3"
	rec metadata "$U/a" "application/warc-fields" "$w/meta" >"$w/4"
	rec response "$U/old" "$H" "$w/r301" >"$w/5"
	rec response "$U/missing" "$H" "$w/r404" >"$w/6"
	rec response "$U/logo.png" "$H" "$w/rpng" >"$w/7"
	rec revisit "$U/a" "$H" "$w/rev" >"$w/8"
	rec resource "$U/b" "text/html; charset=ISO-8859-15" \
	    "$dir/pages/b.html" >"$w/9"
	rec response "$U/c" "$H" "$w/rchunk" >"$w/10"
}
records
: >"$dir/plain.warc"
: >"$dir/pergz.warc.gz"
for i in 1 2 3 4 5 6 7 8 9 10; do
	cat "$w/$i" >>"$dir/plain.warc"
	gzip -n -c "$w/$i" >>"$dir/pergz.warc.gz"
done
gzip -n -c "$dir/plain.warc" >"$dir/whole.warc.gz"
total=$(size "$dir/plain.warc")
head -c $((total - 500)) "$dir/plain.warc" >"$dir/truncated.warc"
total=$(size "$dir/pergz.warc.gz")
head -c $((total - 300)) "$dir/pergz.warc.gz" >"$dir/truncated.warc.gz"
gzip -n -c "$dir/pages/a.html" >"$dir/page.html.gz"

# Broken lengths, each followed by the good response (record 3).
n=20
{ rec response "$U/neg" "$H" "$w/r200" -5
  rec response "$U/nan" "$H" "$w/r200" abc
  cat "$w/3"; } >"$dir/badlen.warc"
{ rec response "$U/huge" "$H" "$w/r200" 99999999999999 | gzip -n -c
  gzip -n -c "$w/3"; } >"$dir/hugelen.warc.gz"
{ printf 'WARC/1.1\r\nWARC-Type: response\r\nX-Junk: '
  head -c 1048576 /dev/zero | tr '\0' 'a'
  printf '\r\nContent-Length: 0\r\n\r\n\r\n\r\n'
  cat "$w/3"; } >"$dir/longline.warc"
rec response "$U/$(head -c 20000 /dev/zero | tr '\0' 'u')" "$H" "$w/r200" \
    >"$dir/longurl.warc"

# Gzip bombs: 20 MB of zeros are about 20 KB compressed.
head -c 20971520 /dev/zero >"$w/zeros"
http "$w/zeros" "200 OK" "text/html" >"$w/rzeros"
{ rec response "$U/bomb" "$H" "$w/rzeros" | gzip -n -c
  gzip -n -c "$w/3"; } >"$dir/bomb.warc.gz"
{ { rec response "$U/bomb2" "$H" "$w/r200" 100; cat "$w/zeros"; } |
      gzip -n -c
  gzip -n -c "$w/3"; } >"$dir/bomb2.warc.gz"
gzip -n -c "$w/zeros" >"$w/zeros.gz"
http "$w/zeros.gz" "200 OK" "text/html" 'Content-Encoding: gzip\r\n' \
    >"$w/rzgz"
{ rec response "$U/pbomb" "$H" "$w/rzgz"; cat "$w/3"; } \
    >"$dir/payload-bomb.warc"
gzip -n -c "$w/zeros" >"$dir/bomb.html.gz"
rm -rf "$w"
