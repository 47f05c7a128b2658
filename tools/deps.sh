#!/bin/sh
# Install what artparse needs on Debian or Ubuntu: the build dependencies,
# with --test also what `make check` uses, with --ci also clang for the
# fuzzers and sanitizers that CI runs.  It says which packages it installs
# before it installs them; --dry-run only says so.  Safe to run again.
set -eu
pkgs="build-essential pkg-config libxml2-dev libjansson-dev libutf8proc-dev
    zlib1g-dev libdeflate-dev"
# What `make check` uses; ssh, sshd, GNU parallel and rsync run the
# recipes of docs/distributed.md (tests/distributed.sh).
test_pkgs="libcmocka-dev python3 python3-jsonschema valgrind mandoc jing \
    openssh-client openssh-server parallel rsync"
dry=false
for arg in "$@"; do
	case $arg in
	--test)
		pkgs="$pkgs $test_pkgs" ;;
	--ci)	# the tests, and clang's libFuzzer and sanitizer runtimes
		pkgs="$pkgs $test_pkgs clang libclang-rt-14-dev" ;;
	--dry-run|-n)
		dry=true ;;
	*)
		echo "usage: sh tools/deps.sh [--test | --ci] [--dry-run]" >&2
		exit 2 ;;
	esac
done
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
if [ -z "$missing" ]; then
	echo "tools/deps.sh: already installed:" $pkgs
	exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
else
	sudo="sudo"
fi
if $dry; then
	echo "tools/deps.sh: would install (apt-get${sudo:+, through sudo}):$missing"
	exit 0
fi
echo "tools/deps.sh: installing (apt-get${sudo:+, through sudo}):$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
