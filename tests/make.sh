#!/bin/sh
# The build's own contract: `make` without the libraries stops with one
# line naming them and tools/deps.sh; tools/deps.sh says what it installs
# before it does (checked with stand-ins for dpkg-query, apt-get and
# sudo, so nothing is installed); `make install` puts the binary, the man
# pages, the JSON schema and the completions under DESTDIR and `make
# uninstall` removes them.
# Usage: sh tests/make.sh BUILD   (run from the top of the tree)
set -u
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }
make=${MAKE:-make}
# Its own makes, outside the jobserver and variables of a `make check`.
unset MAKEFLAGS MFLAGS MAKELEVEL

# A pkg-config that finds libxml2 but not jansson nor utf8proc.
cat >"$tmp/pkg-config" <<'SH'
#!/bin/sh
case "$*" in *jansson*|*utf8proc*) exit 1 ;; esac
exec pkg-config "$@"
SH
chmod +x "$tmp/pkg-config"
$make -s BUILD="$tmp/b" PKG_CONFIG="$tmp/pkg-config" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -ne 0 ] && ok || ko "make without the libraries: exit 0"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok ||
    ko "make without the libraries: not one line: $(cat "$tmp/err")"
grep -q 'jansson libutf8proc' "$tmp/err" && ok ||
    ko "make without the libraries: does not name them: $(cat "$tmp/err")"
grep -q 'libxml' "$tmp/err" && ko "make: names libxml-2.0, which is there" || ok
grep -qF 'run sh tools/deps.sh' "$tmp/err" && ok ||
    ko "make without the libraries: no 'run sh tools/deps.sh'"
[ ! -e "$tmp/b" ] && ok || ko "make without the libraries: started building"
$make -s BUILD="$tmp/b" PKG_CONFIG="$tmp/pkg-config" uninstall \
    DESTDIR="$tmp/none" >/dev/null 2>&1 && ok ||
    ko "make uninstall needs the libraries"

# tools/deps.sh with nothing installed: it names the packages, then runs
# apt-get on them (the stand-ins log their arguments).
mkdir "$tmp/bin"
printf '#!/bin/sh\nexit 1\n' >"$tmp/bin/dpkg-query"
printf '#!/bin/sh\necho "apt-get $*" >>"%s/log"\n' "$tmp" >"$tmp/bin/apt-get"
printf '#!/bin/sh\nexec "$@"\n' >"$tmp/bin/sudo"
chmod +x "$tmp/bin/dpkg-query" "$tmp/bin/apt-get" "$tmp/bin/sudo"
PATH="$tmp/bin:$PATH" sh tools/deps.sh >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok || ko "deps.sh: exit $rc: $(cat "$tmp/out")"
head -n 1 "$tmp/out" | grep -q 'installing.*libxml2-dev libjansson-dev libutf8proc-dev' &&
    ok || ko "deps.sh: does not say what it installs: $(cat "$tmp/out")"
grep -q 'install .*libxml2-dev libjansson-dev libutf8proc-dev' "$tmp/log" &&
    ok || ko "deps.sh: did not run apt-get install: $(cat "$tmp/log")"
rm -f "$tmp/log"
PATH="$tmp/bin:$PATH" sh tools/deps.sh --test --dry-run >"$tmp/out" 2>&1
grep -q 'would install.*libcmocka-dev' "$tmp/out" && ok ||
    ko "deps.sh --dry-run: $(cat "$tmp/out")"
[ ! -e "$tmp/log" ] && ok || ko "deps.sh --dry-run ran apt-get"

# install and uninstall into a DESTDIR.
d=$tmp/dest
$make -s BUILD="$build" PREFIX=/usr DESTDIR="$d" install >"$tmp/out" 2>&1 ||
    ko "make install: $(cat "$tmp/out")"
for f in bin/artparse share/man/man1/artparse.1 share/man/man5/artparse-json.5 \
    share/artparse/artparse.schema.json \
    share/bash-completion/completions/artparse share/zsh/site-functions/_artparse; do
	[ -f "$d/usr/$f" ] && ok || ko "make install: no $f"
done
cmp -s docs/artparse.schema.json "$d/usr/share/artparse/artparse.schema.json" &&
    ok || ko "make install: schema differs"
"$d/usr/bin/artparse" --version >/dev/null && ok || ko "installed binary does not run"
$make -s BUILD="$build" PREFIX=/usr DESTDIR="$d" uninstall >"$tmp/out" 2>&1 ||
    ko "make uninstall: $(cat "$tmp/out")"
left=$(find "$d" -type f)
[ -z "$left" ] && ok || ko "make uninstall left: $left"
[ ! -e "$d/usr/share/artparse" ] && ok || ko "make uninstall left share/artparse/"

echo "make: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
