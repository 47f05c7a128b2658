#!/bin/sh
# Does artparse take time and memory in proportion to its input?  For each
# series, the input doubles STEPS times and each size is converted once;
# the table shows CPU time (user + system, which other load on the machine
# disturbs less than wall time), peak RSS and their growth over the
# previous size.  Linear growth doubles both (x2.0); quadratic growth
# quadruples the time.  Short times are noisy: look at the largest sizes.
#
# Usage: sh bench/linear.sh path/to/artparse [SERIES...]
#   SERIES: paragraphs-text tiny-paragraphs short-lines paragraphs-html
#   nesting nesting-unclosed
#   tables links attributes long-paragraph long-line-html quotes wrap
#   (default: all).  STEPS=n (default 5) and SCALE=k (multiplies the
#   starting sizes, default 1) in the environment.
set -u
bin=$1
shift
steps=${STEPS:-5}
scale=${SCALE:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
series=${*:-paragraphs-text tiny-paragraphs short-lines paragraphs-html nesting nesting-unclosed tables links attributes long-paragraph long-line-html quotes wrap}

if ! /usr/bin/time -f '%e %M' true >/dev/null 2>&1; then
	echo "linear.sh: needs GNU time as /usr/bin/time" >&2
	exit 2
fi

# gen SERIES N FILE: an input of size N in the series.
gen() {
	python3 - "$1" "$2" "$3" <<'EOF'
import sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
para = ('Le conseil municipal s\u2019est r\u00e9uni mardi soir pour examiner '
        'le budget primitif de la commune, un document de pr\u00e8s de deux '
        'cents pages pr\u00e9sent\u00e9 par l\u2019adjoint aux finances.')
quote = ('\u00ab\u00a0Ce budget pr\u00e9pare l\u2019avenir de nos enfants et '
         'de la commune\u00a0\u00bb, a d\u00e9clar\u00e9 le maire Jean '
         'Dupont, selon qui \u00ab\u00a0rien ne sera laiss\u00e9 au '
         'hasard\u00a0\u00bb.')
head = ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        '<title>Titre de la page</title></head><body>\n')
tail = '</body></html>\n'
out = []
if kind == 'paragraphs-text':
    out.append('Titre de l\u2019article\n\nPar Jeanne Dupont\n\n')
    out += ['%s (%d)\n\n' % (para, i) for i in range(n)]
elif kind == 'tiny-paragraphs':
    out.append('Titre\n\n' + 'a\n\n' * n)
elif kind == 'short-lines':
    out.append('Titre\n' + ''.join('Ligne courte %d\n' % i for i in range(n)))
elif kind == 'paragraphs-html':
    out.append(head + '<article><h1>Titre</h1>\n')
    out += ['<p>%s (%d)</p>\n' % (para, i) for i in range(n)]
    out.append('</article>' + tail)
elif kind == 'nesting':
    out.append(head + '<div>' * n + '<p>%s</p>' % para + '</div>' * n +
               tail)
elif kind == 'nesting-unclosed':
    out.append(head + '<div><span>' * (n // 2) + '<p>%s</p>' % para + tail)
elif kind == 'tables':
    out.append(head + '<table><tr><td>' * (n // 3) + '<p>%s</p>' % para +
               '</td></tr></table>' * (n // 3) + tail)
elif kind == 'links':
    out.append(head + '<article><h1>Titre</h1><p>%s</p></article>'
               '<ul class="related">\n' % para)
    out += ['<li><a href="/a-%d.html">Titre de l\u2019article %d</a></li>\n'
            % (i, i) for i in range(n)]
    out.append('</ul>' + tail)
elif kind == 'long-paragraph':
    # one text paragraph of n sentences
    out.append('Titre de l\u2019article\n\n')
    out.append(' '.join(para.replace('mardi', 'le %d' % i)
                        for i in range(n)) + '\n')
elif kind == 'long-line-html':
    out.append(head + '<article><h1>Titre</h1><p>' +
               ' '.join(para for i in range(n)) + '</p></article>' + tail)
elif kind == 'quotes':
    out.append('Titre de l\u2019article\n\nPar Jeanne Dupont\n\n')
    out += ['%s %s\n\n' % (quote, para) for i in range(n)]
elif kind == 'attributes':
    # n attributes on one tag: quadratic in libxml2 2.9 itself, linear
    # since html_tree.c hands libxml2 only the attributes it reads
    out.append(head + '<article><h1>Titre</h1><p ' +
               ' '.join('a%d="v"' % i for i in range(n)) + '>' + para +
               '</p></article>' + tail)
elif kind == 'wrap':
    # many words to fill at 40 columns, in one paragraph
    out.append('Titre\n\n' + ' '.join(['mot%d' % i for i in range(n)]) +
               '\n')
else:
    sys.exit('unknown series ' + kind)
open(path, 'w', encoding='utf-8').write(''.join(out))
EOF
}

start() {
	case $1 in
	paragraphs-text|paragraphs-html|quotes) echo 5000 ;;
	tiny-paragraphs|short-lines) echo 62500 ;;
	nesting|nesting-unclosed|tables) echo 12500 ;;
	links) echo 5000 ;;
	attributes) echo 2500 ;;
	long-paragraph|long-line-html) echo 2000 ;;
	wrap) echo 50000 ;;
	esac
}

printf '%-18s %9s %10s %8s %7s %8s %7s\n' series n bytes cpu_s growth \
    peak_MB growth
for s in $series; do
	n=$(( $(start "$s") * scale ))
	prev_t='' prev_m=''
	fmt=json
	[ "$s" = wrap ] && fmt="text -w 40"
	i=0
	while [ $i -lt "$steps" ]; do
		gen "$s" "$n" "$tmp/in" || exit 2
		bytes=$(wc -c <"$tmp/in")
		# shellcheck disable=SC2086
		/usr/bin/time -o "$tmp/t" -f '%U %S %M' "$bin" --max-size 1G \
		    -f $fmt "$tmp/in" >/dev/null 2>"$tmp/err"
		rc=$?
		read -r u sy kb <"$tmp/t"
		t=$(awk "BEGIN { printf \"%.2f\", $u + $sy }")
		[ "$rc" -le 1 ] || echo "$s n=$n: exit $rc: $(head -c 200 "$tmp/err")"
		mb=$(awk "BEGIN { printf \"%.1f\", $kb / 1024 }")
		gt=- gm=-
		if [ -n "$prev_t" ]; then
			gt=$(awk "BEGIN { if ($prev_t > 0) printf \"x%.1f\", $t / $prev_t; else print \"-\" }")
			gm=$(awk "BEGIN { printf \"x%.1f\", $kb / $prev_m }")
		fi
		printf '%-18s %9d %10d %8s %7s %8s %7s\n' "$s" "$n" "$bytes" \
		    "$t" "$gt" "$mb" "$gm"
		prev_t=$t prev_m=$kb
		n=$((n * 2))
		i=$((i + 1))
	done
done
