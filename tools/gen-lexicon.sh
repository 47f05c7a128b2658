#!/bin/sh
# Turn data/fr-cues.txt (CLASS<TAB>phrase) into the C table src/lexicon.inc,
# sorted bytewise by phrase so lexicon.c can binary-search it.
# Usage: sh tools/gen-lexicon.sh data/fr-cues.txt > src/lexicon.inc
set -eu
echo "/* Generated from $1 by tools/gen-lexicon.sh; do not edit. */"
LC_ALL=C awk -F '\t' '
/^#/ || NF < 2 { next }
{
	cls = toupper($1); gsub(/-/, "_", cls)
	p = $2; gsub(/\\/, "\\\\", p); gsub(/"/, "\\\"", p)
	printf "%s\t%s\t\t{ CUE_%s, \"%s\" },\n", $2, cls, cls, p
}' "$1" | LC_ALL=C sort -u | cut -f 3-
