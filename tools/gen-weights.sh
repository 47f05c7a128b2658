#!/bin/sh
# Turn a fitted weight file (data/content-weights.txt,
# data/headline-weights.txt) into the C table its module includes.
# Lines: "FEATURE HTML_WEIGHT TEXT_WEIGHT" and, for the content weights,
# "param html|text THRESHOLD LENGTH_BIAS KEEP", and for a kind that keeps
# a tree ensemble "base KIND Z", then per tree "tree KIND" and its nodes,
# "node FEATURE THRESHOLD YES NO VALUE" or "leaf VALUE" (YES and NO count
# from the tree's first node); # starts a comment.  The
# feature names are looked up in the .def file (AP_CFEAT or AP_HFEAT
# rows); an unknown or missing feature is an error, so the table and the
# code cannot disagree.
# usage: gen-weights.sh WEIGHTS FEATURES.def > src/NAME-weights.inc
set -eu
w=${1:?usage: gen-weights.sh WEIGHTS FEATURES.def}
def=${2:?usage: gen-weights.sh WEIGHTS FEATURES.def}
awk -v src="$w" '
FNR == NR {
	if (match($0, /^AP_[A-Z]FEAT\([A-Z]F_[A-Z0-9_]+, "[a-z0-9_]+"/)) {
		pre = substr($0, 4, 1)
		split(substr($0, 10, RLENGTH - 9), p, /, /)
		gsub(/"/, "", p[2])
		id[p[2]] = p[1]
		feat[nf++] = p[2]
	}
	next
}
/^[ \t]*(#|$)/ { next }
$1 == "param" && NF == 5 && ($2 == "html" || $2 == "text") {
	par[$2] = sprintf("{ %s, %s, %s }", $3, $4, $5)
	npar++
	next
}
NF == 3 && ($1 in id) { wh[$1] = $2; wt[$1] = $3; next }
$1 == "base" && NF == 3 && ($2 == "html" || $2 == "text") { base[$2] = $3; next }
$1 == "tree" && NF == 2 && ($2 == "html" || $2 == "text") {
	kind = $2
	first = nn[kind] + 0
	root[kind, nt[kind]++] = first
	next
}
$1 == "node" && NF == 6 && kind != "" && ($2 in id) {
	node[kind, nn[kind]++] = sprintf("{ %s, %s, %d, %d, %s }", id[$2], $3, first + $4, first + $5, $6)
	next
}
$1 == "leaf" && NF == 2 && kind != "" {
	node[kind, nn[kind]++] = sprintf("{ CF__MAX, 0, 0, 0, %s }", $2)
	next
}
{ printf "%s:%d: unknown feature or bad line: %s\n", src, FNR, $0 > "/dev/stderr"; bad = 1; exit 1 }
END {
	if (bad)
		exit 1
	for (i = 0; i < nf; i++)
		if (!(feat[i] in wh)) {
			printf "%s: no weight for feature %s\n", src, feat[i] > "/dev/stderr"
			exit 1
		}
	if (pre == "C" && (!("html" in par) || !("text" in par))) {
		printf "%s: a param line for html and for text is needed\n", src > "/dev/stderr"
		exit 1
	}
	print "/* Generated from " src " by tools/gen-weights.sh; do not edit. */"
	print "static const double weights[2][" pre "F__MAX] = {"
	print "\t{\t/* pages */"
	for (i = 0; i < nf; i++)
		printf "\t\t[%s] = %s,\n", id[feat[i]], wh[feat[i]]
	print "\t}, {\t/* scraped text */"
	for (i = 0; i < nf; i++)
		printf "\t\t[%s] = %s,\n", id[feat[i]], wt[feat[i]]
	print "\t}"
	print "};"
	if (npar > 0) {
		print "static const struct ap_cparams params[2] = {"
		print "\t" par["html"] ", " par["text"]
		print "};"
	}
	if (pre != "C")
		exit 0
	for (k = 0; k < 2; k++) {
		kind = k == 0 ? "html" : "text"
		if (nt[kind] == 0)
			continue
		if (!(kind in base)) {
			printf "%s: trees for %s but no base line\n", src, kind > "/dev/stderr"
			exit 1
		}
		print "static const struct ap_tnode " kind "_nodes[] = {"
		for (i = 0; i < nn[kind]; i++)
			print "\t" node[kind, i] ","
		print "};"
		print "static const unsigned " kind "_roots[] = {"
		for (i = 0; i < nt[kind]; i++)
			print "\t" root[kind, i] ","
		print "};"
	}
	print "static const struct ap_forest forests[2] = {"
	for (k = 0; k < 2; k++) {
		kind = k == 0 ? "html" : "text"
		if (nt[kind] == 0)
			print "\t{ 0, NULL, NULL, 0 },"
		else
			printf "\t{ %s, %s_nodes, %s_roots, %d },\n", base[kind], kind, kind, nt[kind]
	}
	print "};"
}' "$def" "$w"
