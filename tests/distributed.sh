#!/bin/sh
# SPDX-License-Identifier: ISC
# artparse as the mapper of a distributed engine (docs/distributed.md).
# 1. The mapper contract: paths on standard input, one a line
#    (--files-from -), NDJSON on standard output equal to converting each
#    input alone, the same under any -j and in any folder, and the exit
#    status of the table.  The inputs are WARC files when artparse reads
#    them (--help lists "--input warc"), saved pages otherwise.
# 2. The GNU parallel recipe over ssh: an sshd of the test's own, bound to
#    127.0.0.1 on a free port, with a host key and a user key made here,
#    reached as two logins; the outputs must equal a local run.  Skipped,
#    with a message, where sshd, ssh or parallel are missing or sshd
#    cannot start.
# Usage: sh tests/distributed.sh path/to/artparse
# Prints one line per failure, then "N passed, N failed"; exits 1 on
# failure.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
arts=$here/articles
tmp=$(mktemp -d)
sshd_pid=""
cleanup() {
	[ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null
	[ -f "$tmp/ssh/config" ] && for h in h1 h2; do
		ssh -F "$tmp/ssh/config" -O exit "$h" >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }

out=$tmp/out
err=$tmp/err
run() {	# CMD...: sets $rc, $out and $err
	"$@" >"$out" 2>"$err"
	rc=$?
}
expect_rc() {	# name, wanted status
	[ "$rc" -eq "$2" ] && ok ||
	    ko "$1: exit $rc, wanted $2 ($(head -c 300 "$err"))"
}
expect_same() {	# name, file got, file wanted
	if [ ! -s "$3" ]; then
		ko "$1: the reference output $3 is empty"
	elif cmp -s "$2" "$3"; then
		ok
	else
		ko "$1: $2 differs from $3: $(diff "$2" "$3" | head -c 300)"
	fi
}
ndjson_lines() {	# file: the number of lines, each a JSON object
	python3 -c '
import json, sys
n = 0
for l in open(sys.argv[1], encoding="utf-8"):
    assert isinstance(json.loads(l), dict)
    n += 1
print(n)' "$1" 2>/dev/null || echo invalid
}

# --- Inputs ----------------------------------------------------------
# A page for each fixture article: headline, then one <p> a paragraph.
page_of() {	# article.txt
	awk 'BEGIN { print "<!DOCTYPE html><html lang=\"fr\"><head>" \
	    "<meta charset=\"utf-8\"></head><body><article>" }
	    NR == 1 { print "<h1>" $0 "</h1>"; next }
	    /^$/ { if (p != "") print "<p>" p "</p>"; p = ""; next }
	    { p = p == "" ? $0 : p " " $0 }
	    END { if (p != "") print "<p>" p "</p>"
	          print "</article></body></html>" }' "$1"
}
# A WARC/1.0 record: type, URI, block file; CRLF line ends, as the
# standard has them.
warc_record() {
	len=$(wc -c <"$3" | tr -d ' ')
	printf 'WARC/1.0\r\nWARC-Type: %s\r\n' "$1"
	printf 'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n' \
	    "$rec_no"
	printf 'WARC-Date: 2024-03-03T12:00:00Z\r\n'
	[ -n "$2" ] && printf 'WARC-Target-URI: %s\r\n' "$2"
	case $1 in
	response) printf 'Content-Type: application/http; msgtype=response\r\n' ;;
	warcinfo) printf 'Content-Type: application/warc-fields\r\n' ;;
	esac
	printf 'Content-Length: %s\r\n\r\n' "$len"
	cat "$3"
	printf '\r\n\r\n'
	rec_no=$((rec_no + 1))
}
rec_no=1
# A WARC file of a warcinfo record and a response for each page, gzip
# with one member a record when the name ends in .gz: out, pages...
make_warc() {
	w=$1
	shift
	: >"$w"
	printf 'software: artparse tests/distributed.sh\r\n' >"$tmp/block"
	one_record warcinfo "" "$tmp/block" "$w"
	for p in "$@"; do
		{ printf 'HTTP/1.1 200 OK\r\n'
		  printf 'Content-Type: text/html; charset=utf-8\r\n'
		  printf 'Content-Length: %s\r\n\r\n' "$(wc -c <"$p" | tr -d ' ')"
		  cat "$p"; } >"$tmp/block"
		one_record response "http://news.example/$(basename "$p")" \
		    "$tmp/block" "$w"
	done
}
one_record() {	# type, URI, block, WARC file
	case $4 in
	*.gz) warc_record "$1" "$2" "$3" | gzip -n >>"$4" ;;
	*) warc_record "$1" "$2" "$3" >>"$4" ;;
	esac
}

warc=false
"$bin" --help 2>/dev/null | grep -q 'warc' && warc=true
mkdir -p "$tmp/pages" "$tmp/in"
for f in "$arts"/0[1-6]-*.txt; do
	page_of "$f" >"$tmp/pages/$(basename "$f" .txt).html"
done
set -- "$tmp/pages"/*.html
if $warc; then
	make_warc "$tmp/in/a.warc.gz" "$1" "$2"
	make_warc "$tmp/in/b.warc" "$3"
	make_warc "$tmp/in/c.warc.gz" "$4" "$5"
	make_warc "$tmp/in/d.warc.gz" "$6"
	inputs="a.warc.gz b.warc c.warc.gz d.warc.gz"
	records=6
else
	echo "distributed: artparse reads no WARC yet; the contract is tested with pages"
	cp "$1" "$2" "$3" "$4" "$tmp/in/"
	inputs=$(cd "$tmp/in" && echo *.html)
	records=4
fi
cd "$tmp/in" || exit 1

# --- 1. The mapper contract ------------------------------------------
# Each input alone, as a reference.
mkdir -p "$tmp/ref"
: >"$tmp/ref/all.ndjson"
for f in $inputs; do
	"$bin" -q -f json "$f" >"$tmp/ref/$f.ndjson" 2>"$err"
	rc=$?
	expect_rc "reference $f" 0
	cat "$tmp/ref/$f.ndjson" >>"$tmp/ref/all.ndjson"
done
[ "$(ndjson_lines "$tmp/ref/all.ndjson")" = "$records" ] && ok ||
    ko "reference: $(ndjson_lines "$tmp/ref/all.ndjson") JSON lines, wanted $records"

# Paths on standard input, NDJSON on standard output, nothing on stderr.
for j in 1 2 4; do
	printf '%s\n' $inputs >"$tmp/list"
	run "$bin" -q -j "$j" -f json --files-from - <"$tmp/list"
	expect_rc "contract -j $j" 0
	expect_same "contract -j $j" "$out" "$tmp/ref/all.ndjson"
	[ ! -s "$err" ] && ok || ko "contract -j $j: stderr: $(head -c 300 "$err")"
done
# The JSON does not depend on where it ran: the same relative paths in
# another folder give the same bytes.
mkdir -p "$tmp/elsewhere"
for f in $inputs; do cp "$f" "$tmp/elsewhere/"; done
(cd "$tmp/elsewhere" && printf '%s\n' $inputs |
    "$bin" -q -f json --files-from -) >"$out" 2>"$err"
expect_same "another folder" "$out" "$tmp/ref/all.ndjson"

# An input that fails (missing, or no article in it) costs only its own
# lines: one error naming it, the others converted, status 1.
printf '<html><body><p>Menu</p></body></html>\n' >empty.html
set -- $inputs
printf '%s\n' "$1" missing.html empty.html "$2" >"$tmp/list"
run "$bin" -q -f json --files-from - <"$tmp/list"
expect_rc "contract, bad inputs" 1
cat "$tmp/ref/$1.ndjson" "$tmp/ref/$2.ndjson" >"$tmp/want"
expect_same "contract, bad inputs" "$out" "$tmp/want"
[ "$(grep -c '^artparse: missing.html: ' "$err")" -eq 1 ] && ok ||
    ko "contract: no one line for missing.html: $(cat "$err")"
[ "$(grep -c '^artparse: empty.html: ' "$err")" -eq 1 ] && ok ||
    ko "contract: no one line for empty.html: $(cat "$err")"
# A list that cannot be read is a usage error (2); an output that cannot
# be written is a system error (3), so an engine retries only those.
run "$bin" -q -f json --files-from "$tmp/no-such-list"
expect_rc "contract, no list" 2
if [ -w /dev/full ]; then
	printf '%s\n' $inputs | "$bin" -q -f json --files-from - >/dev/full \
	    2>"$err"
	rc=$?
	expect_rc "contract, output cannot be written" 3
fi
# The wrapper the docs give to engines that fail a task on any non-zero
# status (Spark pipe, Hadoop Streaming): 1 becomes 0, 2 and 3 stay.
mapper='"$0" -q -f json --files-from -; s=$?; [ "$s" -le 1 ] || exit "$s"'
printf '%s\n' "$1" missing.html "$2" | sh -c "$mapper" "$bin" >"$out" 2>"$err"
rc=$?
expect_rc "wrapped mapper, bad input" 0
expect_same "wrapped mapper, bad input" "$out" "$tmp/want"
if [ -w /dev/full ]; then
	printf '%s\n' $inputs | sh -c "$mapper" "$bin" >/dev/full 2>"$err"
	rc=$?
	expect_rc "wrapped mapper, output cannot be written" 3
fi
rm -f empty.html
# A WARC file cut inside its last record: the whole records before the
# cut are converted, the cut one is one line, status 1.
if $warc; then
	set -- "$tmp/pages"/*.html
	make_warc cut.warc "$1" "$2"
	"$bin" -q -f json cut.warc 2>/dev/null | head -n 1 >"$tmp/want-cut"
	size=$(wc -c <cut.warc | tr -d ' ')
	head -c $((size - 200)) cut.warc >"$tmp/cut" && mv "$tmp/cut" cut.warc
	set -- $inputs
	printf '%s\n' "$1" cut.warc | "$bin" -q -f json --files-from - \
	    >"$out" 2>"$err"
	rc=$?
	expect_rc "contract, a cut WARC file" 1
	cat "$tmp/ref/$1.ndjson" "$tmp/want-cut" >"$tmp/want-cut2"
	expect_same "contract, a cut WARC file" "$out" "$tmp/want-cut2"
	[ "$(wc -l <"$err")" -eq 1 ] &&
	    grep -q '^artparse: cut.warc: record at offset [0-9]*: ' "$err" &&
	    ok || ko "contract, a cut WARC file: stderr: $(head -c 300 "$err")"
	rm -f cut.warc
	set -- $inputs
fi

# The scripts of docs/distributed.md, as written there, with artparse
# found on PATH: the Hadoop Streaming mapper, fed "OFFSET<TAB>PATH" lines
# as NLineInputFormat gives them, and the Slurm array script, as three
# tasks whose slices together are the whole list, each path once.
doc_block() {	# first line, last line: the indented block between them
	awk -v a="$1" -v b="$2" '$0 == "    " a { on = 1 }
	    on { print substr($0, 5) } on && $0 == "    " b { exit }' \
	    "$here/../docs/distributed.md"
}
mkdir -p "$tmp/path"
ln -s "$bin" "$tmp/path/artparse"
doc_block '# artparse-mapper.sh: WARC paths in (one a line), NDJSON out' \
    '[ "$s" -le 1 ] || exit "$s"   # 1: inputs reported in the task'"'"'s log' \
    >"$tmp/mapper.sh"
grep -q 'files-from -' "$tmp/mapper.sh" && ok ||
    ko "docs/distributed.md: no Hadoop mapper script found"
printf '%s\n' "$1" missing.html "$2" | awk '{ print (NR * 100) "\t" $0 }' |
    PATH="$tmp/path:$PATH" sh "$tmp/mapper.sh" >"$out" 2>"$err"
rc=$?
expect_rc "Hadoop mapper" 0
expect_same "Hadoop mapper" "$out" "$tmp/want"
doc_block '#SBATCH --job-name=artparse' 'exit "$s"' |
    sed 's/^n=100 /n=3 /' >"$tmp/slurm.sh"
grep -q '^n=3 ' "$tmp/slurm.sh" && ok ||
    ko "docs/distributed.md: no Slurm script with n=100 found"
printf '%s\n' $inputs >warc-paths.txt
mkdir articles
for i in 0 1 2; do
	PATH="$tmp/path:$PATH" SLURM_ARRAY_TASK_ID=$i SLURM_CPUS_PER_TASK=2 \
	    sh "$tmp/slurm.sh" 2>"$err"
	rc=$?
	expect_rc "Slurm task $i" 0
done
cat articles/part-*.ndjson | LC_ALL=C sort >"$out"
LC_ALL=C sort "$tmp/ref/all.ndjson" >"$tmp/want-sorted"
expect_same "Slurm tasks" "$out" "$tmp/want-sorted"
[ -z "$(find articles -name '*.tmp')" ] && ok || ko "Slurm: a .tmp left"
rm -rf articles warc-paths.txt

# --- 2. GNU parallel over ssh ----------------------------------------
skip() {
	echo "distributed: ssh part skipped: $1"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}
sshd=$(command -v sshd || ls /usr/sbin/sshd 2>/dev/null)
[ -n "$sshd" ] || skip "no sshd (Debian: openssh-server)"
for t in ssh ssh-keygen parallel python3 timeout; do
	command -v "$t" >/dev/null || skip "no $t"
done
# sshd run by root needs its privilege separation folder, which the
# service manager makes at boot (absent in containers).
if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
	mkdir -m 0755 /run/sshd 2>/dev/null || skip "cannot make /run/sshd"
fi
s=$tmp/ssh
mkdir -m 0700 "$s"
ssh-keygen -q -t ed25519 -N '' -C artparse-test-host -f "$s/host" &&
    ssh-keygen -q -t ed25519 -N '' -C artparse-test-user -f "$s/user" ||
    skip "ssh-keygen failed"
cp "$s/user.pub" "$s/authorized_keys"
printf 'artparse-test %s\n' "$(cut -d' ' -f1,2 "$s/host.pub")" >"$s/known_hosts"
port=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
user=$(id -un)
cat >"$s/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $port
HostKey $s/host
PidFile $s/sshd.pid
AuthorizedKeysFile $s/authorized_keys
AllowUsers $user
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
EOF
# Two names for the one server: GNU parallel sees two logins.
cat >"$s/config" <<EOF
Host h1 h2
  HostName 127.0.0.1
  Port $port
  User $user
  IdentityFile $s/user
  IdentitiesOnly yes
  HostKeyAlias artparse-test
  UserKnownHostsFile $s/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
  ConnectTimeout 10
  LogLevel ERROR
  ControlMaster auto
  ControlPath $s/cm-%n
  ControlPersist 60
EOF
"$sshd" -t -f "$s/sshd_config" 2>"$err" ||
    skip "sshd refuses its configuration: $(head -n 1 "$err")"
"$sshd" -D -e -f "$s/sshd_config" 2>"$s/log" &
sshd_pid=$!
i=0
until ssh -F "$s/config" h1 true 2>/dev/null; do
	i=$((i + 1))
	if [ "$i" -ge 20 ] || ! kill -0 "$sshd_pid" 2>/dev/null; then
		skip "sshd did not start: $(tail -n 1 "$s/log")"
	fi
	sleep 0.5
done
ssh -F "$s/config" h2 true 2>"$err" || skip "second login: $(cat "$err")"
# The recipe of docs/distributed.md (shared folder): each input's NDJSON
# written beside it by whichever host converted it.
par() {
	timeout 300 parallel --will-cite --ssh "ssh -F $s/config" \
	    -S 1/h1,1/h2 --workdir "$tmp/in" "$@"
}
mkdir "$tmp/in/out"
run par --joblog "$tmp/joblog" "$bin" -q -f json {} '>' out/{/.}.ndjson \
    ::: $inputs
expect_rc "parallel --sshlogin" 0
for f in $inputs; do
	g=$(basename "$f")
	expect_same "parallel --sshlogin: $f" "out/${g%.*}.ndjson" \
	    "$tmp/ref/$f.ndjson"
done
hosts=$(awk -F'\t' 'NR > 1 { print $2 }' "$tmp/joblog" | sort -u | tr '\n' ' ')
[ "$hosts" = "h1 h2 " ] && ok || ko "parallel --sshlogin: ran on '$hosts', wanted both logins"
# The NDJSON brought back over ssh, in input order (-k), equals a local
# run; a failing input gives its status (1) in the job log and its error
# line, and the others are still converted.
set -- $inputs
run par -k "$bin" -q -f json {} ::: $inputs
expect_rc "parallel -k, stdout" 0
expect_same "parallel -k, stdout" "$out" "$tmp/ref/all.ndjson"
run par -k --joblog "$tmp/joblog2" "$bin" -q -f json {} ::: "$1" missing.html "$2"
expect_rc "parallel, one failing input" 1
expect_same "parallel, one failing input" "$out" "$tmp/want"
[ "$(awk -F'\t' '$9 ~ /missing.html/ { print $7 }' "$tmp/joblog2")" = 1 ] &&
    ok || ko "parallel: missing.html's status is not 1 in the job log"
grep -q '^artparse: missing.html: ' "$err" && ok ||
    ko "parallel: no error line for missing.html: $(head -c 300 "$err")"
# Without a shared folder: each input copied to the host that converts
# it (rsync), into a folder of its own, and the NDJSON brought back.
if command -v rsync >/dev/null; then
	mkdir "$tmp/remote"
	run timeout 300 parallel --will-cite --ssh "ssh -F $s/config" \
	    -S 1/h1,1/h2 --workdir "$tmp/remote" --transferfile {} --cleanup \
	    -k "$bin" -q -j 1 -f json {} ::: $inputs
	expect_rc "parallel --transferfile" 0
	expect_same "parallel --transferfile" "$out" "$tmp/ref/all.ndjson"
	[ -z "$(find "$tmp/remote" -type f 2>/dev/null)" ] && ok ||
	    ko "parallel --transferfile: inputs left behind"
else
	echo "distributed: --transferfile skipped: no rsync"
fi
cd "$here" || exit 1

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
