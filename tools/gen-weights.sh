#!/bin/sh
# Turn data/content-weights.txt ("feature weight" lines, "param name value"
# lines, # comments) into the C table that src/content.c includes.  The
# feature names are looked up in src/content-features.def; an unknown or
# missing feature is an error, so the table and the code cannot disagree.
# usage: gen-weights.sh WEIGHTS FEATURES.def > src/content-weights.inc
set -eu
w=${1:?usage: gen-weights.sh WEIGHTS FEATURES.def}
def=${2:?usage: gen-weights.sh WEIGHTS FEATURES.def}
awk -v src="$w" '
FNR == NR {
	if (match($0, /^AP_CFEAT\(CF_[A-Z0-9_]+, "[a-z0-9_]+"/)) {
		split(substr($0, 10, RLENGTH - 9), p, /, /)
		gsub(/"/, "", p[2])
		id[p[2]] = p[1]
		feat[nf++] = p[2]
	}
	next
}
/^[ \t]*(#|$)/ { next }
$1 == "param" && NF == 3 { par[$2] = $3; next }
NF == 2 && ($1 in id) { val[$1] = $2; next }
{ printf "%s:%d: unknown feature or bad line: %s\n", src, FNR, $0 > "/dev/stderr"; bad = 1; exit 1 }
END {
	if (bad)
		exit 1
	for (i = 0; i < nf; i++)
		if (!(feat[i] in val)) {
			printf "%s: no weight for feature %s\n", src, feat[i] > "/dev/stderr"
			exit 1
		}
	split("threshold length_bias keep", need, " ")
	for (i = 1; i <= 3; i++)
		if (!(need[i] in par)) {
			printf "%s: no param %s\n", src, need[i] > "/dev/stderr"
			exit 1
		}
	print "/* Generated from " src " by tools/gen-weights.sh; do not edit. */"
	print "static const double weights[CF__MAX] = {"
	for (i = 0; i < nf; i++)
		printf "\t[%s] = %s,\n", id[feat[i]], val[feat[i]]
	print "};"
	print "const struct ap_cparams ap_content_params = {"
	for (i = 1; i <= 3; i++)
		printf "\t.%s = %s,\n", need[i], par[need[i]]
	print "};"
}' "$def" "$w"
