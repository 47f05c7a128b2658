#!/bin/sh
# Install what artparse needs on Debian or Ubuntu: the build dependencies,
# with --test also what `make check` uses, with --ci also clang for the
# fuzzers and sanitizers that CI runs.  Safe to run again.
set -eu
pkgs="build-essential pkg-config libxml2-dev libjansson-dev libutf8proc-dev"
case "${1:-}" in
--test)
	pkgs="$pkgs libcmocka-dev python3 valgrind mandoc" ;;
--ci)	# the tests, and clang's libFuzzer and sanitizer runtimes
	pkgs="$pkgs libcmocka-dev python3 valgrind mandoc clang libclang-rt-14-dev" ;;
esac
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
else
	sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
