#!/usr/bin/env python3
# Write the large hostile inputs of tests/hostile/run.sh into DIR, so that
# none of them is committed.  Usage: gen.py DIR [NAME...] (default: all)
import gzip
import os
import sys

PARA = ('Le conseil municipal s\u2019est r\u00e9uni mardi soir pour examiner '
        'le budget primitif de la commune, un document de pr\u00e8s de deux '
        'cents pages pr\u00e9sent\u00e9 par l\u2019adjoint aux finances.')
HEAD = ('<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<title>{t}</title>\n</head>\n<body>\n')
TAIL = '</body>\n</html>\n'


def page(f, size, title='Une tr\u00e8s longue page'):
    """An article of about "size" bytes of numbered paragraphs."""
    f.write(HEAD.format(t=title) + '<article>\n<h1>%s</h1>\n' % title)
    n = 0
    done = 0
    while done < size:
        s = '<p>%s Paragraphe %d.</p>\n' % (PARA, n)
        f.write(s)
        done += len(s.encode())
        n += 1
    f.write('</article>\n' + TAIL)


def gen(d, name):
    p = os.path.join(d, name)
    if name == 'page-100m.html':
        with open(p, 'w', encoding='utf-8') as f:
            page(f, 100 * 1024 * 1024)
    elif name == 'page-20m.html':
        with open(p, 'w', encoding='utf-8') as f:
            page(f, 20 * 1024 * 1024)
    elif name == 'nested-100k.html':
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Imbrication') + '<div>' * 100000 +
                    '<p>DEEPTEXT %s</p>' % PARA + '</div>' * 100000 + TAIL)
    elif name == 'nested-unclosed-100k.html':
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Imbrication') + '<div><span><b>' * 33334 +
                    '<p>DEEPTEXT %s</p>' % PARA + TAIL)
    elif name == 'tables-5k.html':
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Tableaux') + '<table><tr><td>' * 5000 +
                    '<p>DEEPTEXT %s</p>' % PARA +
                    '</td></tr></table>' * 5000 + TAIL)
    elif name == 'line-1m.txt':
        with open(p, 'w', encoding='utf-8') as f:
            s = ''
            n = 0
            while len(s.encode()) < 1024 * 1024:
                s += PARA.replace('mardi', 'le %d' % n) + ' '
                n += 1
            f.write('Une ligne d\u2019un m\u00e9gaoctet\n\n' + s + '\n')
    elif name == 'line-1m.html':
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Une ligne') + '<p>' +
                    ' '.join([PARA] * 6500) + '</p>' + TAIL)
    elif name == 'word-1m.txt':
        with open(p, 'w', encoding='utf-8') as f:
            f.write('Un mot d\u2019un m\u00e9gaoctet\n\n' + PARA + ' ' +
                    '\u00e9' * 500000 + ' ' + PARA + '\n')
    elif name == 'million-paragraphs.txt':
        with open(p, 'w', encoding='utf-8') as f:
            f.write('Un million de paragraphes\n\n' + 'a\n\n' * 1000000)
    elif name == 'tiny-paragraphs.txt':
        with open(p, 'w', encoding='utf-8') as f:
            f.write('Quatre cent mille paragraphes\n\n' + 'a\n\n' * 400000)
    elif name == 'two-byte-lines.txt':
        with open(p, 'w', encoding='utf-8') as f:
            f.write('a\n' * 10000000)
    elif name == 'links-10k.html':
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Dix mille liens') +
                    '<article><h1>Dix mille liens</h1><p>%s</p></article>\n'
                    '<ul class="related">\n' % PARA)
            for i in range(10000):
                f.write('<li><a href="/article-%d.html">Titre de '
                        'l\u2019article num\u00e9ro %d</a></li>\n' % (i, i))
            f.write('</ul>\n' + TAIL)
    elif name == 'spans-50k.html':
        # One paragraph holding 50,000 links and 50,000 emphases: span
        # offsets and markers must not cost text length times spans.
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Cinquante mille liens') +
                    '<article><h1>Cinquante mille liens</h1><p>%s</p><p>'
                    % PARA)
            for i in range(50000):
                f.write('mot <a href="/l%d">lien %d</a> <em>\u00e9%d</em> '
                        % (i, i, i))
            f.write('</p></article>\n' + TAIL)
    elif name == 'attributes-mb.html':
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Attributs') +
                    '<article class="' + 'a' * 4000000 + '">'
                    '<h1 title="' + '\u00e9' * 1000000 + '">Attributs</h1>'
                    '<p data-x="' + '&amp;' * 200000 + '">' + PARA + '</p>'
                    '<p><a href="https://example.org/' + 'b' * 2000000 +
                    '">un lien</a> ' + PARA + '</p>'
                    '<img alt="' + 'c ' * 500000 + '" src="x.png">'
                    '</article>' + TAIL)
    elif name == 'entities-1m.html':
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Entit\u00e9s') + '<p>' +
                    '&amp;&lt;&eacute;&#233;&#x202F;&nbsp;' * 30000 +
                    '</p>' + TAIL)
    elif name == 'svg-nested-100k.html':
        # Each <svg> would scan what follows it for its end, up to the
        # <p> that makes it keep its content: quadratic if tried again.
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Des SVG') + '<div>' +
                    '<svg><g>' * 100000 + '<p>x</p></div><article>'
                    '<p>DEEPTEXT %s</p></article>' % PARA + TAIL)
    elif name == 'attributes-100k.html':
        # libxml2 2.9 adds and checks attributes one by one: quadratic
        with open(p, 'w', encoding='utf-8') as f:
            f.write(HEAD.format(t='Attributs') + '<article><h1>Attributs'
                    '</h1><p ' + ' '.join('a%d="v"' % i
                                          for i in range(100000)) +
                    '>' + PARA + '</p></article>' + TAIL)
    elif name == 'jsonld-deep.html':
        with open(p, 'w', encoding='utf-8') as f:
            f.write('<!DOCTYPE html>\n<html lang="fr"><head>'
                    '<meta charset="utf-8"><title>JSON-LD</title>'
                    '<script type="application/ld+json">' +
                    '{"@graph":[' * 50000 + '{"@type":"NewsArticle",'
                    '"headline":"DEEPLD"}' + ']}' * 50000 +
                    '</script><script type="application/ld+json">' +
                    '[' * 100000 + ']' * 100000 +
                    '</script><script type="application/ld+json">'
                    '{"@type":"NewsArticle","headline":"' +
                    '\\u00e9' * 300000 + '","author":[' +
                    ','.join('{"name":"Auteur %d"}' % i
                             for i in range(20000)) + ']}'
                    '</script></head><body><article><h1>JSON-LD</h1>'
                    '<p>' + PARA + '</p></article>' + TAIL)
    elif name == 'sample.gz':
        with open(p, 'wb') as f:
            f.write(gzip.compress(PARA.encode() * 100))
    else:
        sys.exit('gen.py: unknown input ' + name)


ALL = ['page-20m.html', 'nested-100k.html', 'nested-unclosed-100k.html',
       'tables-5k.html', 'line-1m.txt', 'line-1m.html', 'word-1m.txt',
       'million-paragraphs.txt', 'tiny-paragraphs.txt', 'two-byte-lines.txt',
       'links-10k.html', 'spans-50k.html', 'attributes-mb.html',
       'entities-1m.html', 'attributes-100k.html', 'jsonld-deep.html',
       'svg-nested-100k.html',
       'sample.gz']

if __name__ == '__main__':
    for n in sys.argv[2:] or ALL:
        gen(sys.argv[1], n)
