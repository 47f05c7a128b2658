/* SPDX-License-Identifier: ISC */
/*
 * Plain-text front end: splits decoded text into blocks.  Blank lines
 * separate blocks; inside a run of lines, a line break is kept as a block
 * boundary unless the text is hard-wrapped and the break is one a greedy
 * wrapper at the text's width would have made.
 */
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "utf8.h"

struct line {
	const char	*s;	/* trimmed */
	size_t		 len;	/* bytes */
	size_t		 width;	/* code points, bullet included */
	size_t		 first;	/* code points of the first word */
	bool		 bullet;
	bool		 dash;	/* opens with a dialogue dash */
};

static const char *const bullets[] = {
	"\xe2\x80\xa2 ", "\xc2\xb7 ", "* ", "- ", "\xe2\x96\xa1 ",
	"\xe2\x97\xa6 ", "\xe2\x96\xaa ", "\xe2\x96\xba ", "+ ", NULL
};

static bool
is_blank_char(const char *p, size_t n, size_t *k)
{
	if (n >= 1 && (*p == ' ' || *p == '\t')) {
		*k = 1;
		return true;
	}
	if (n >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
		*k = 2;
		return true;
	}
	if (n >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0xAF || (unsigned char)p[2] == 0x89)) {
		*k = 3;
		return true;
	}
	return false;
}

static void
trim(const char **s, size_t *n)
{
	size_t k;

	while (*n > 0 && is_blank_char(*s, *n, &k)) {
		*s += k;
		*n -= k;
	}
	while (*n > 0) {
		const char *e = *s + *n;
		if (e[-1] == ' ' || e[-1] == '\t')
			k = 1;
		else if (*n >= 2 && (unsigned char)e[-2] == 0xC2 &&
		    (unsigned char)e[-1] == 0xA0)
			k = 2;
		else if (*n >= 3 && (unsigned char)e[-3] == 0xE2 &&
		    (unsigned char)e[-2] == 0x80 &&
		    ((unsigned char)e[-1] == 0xAF || (unsigned char)e[-1] == 0x89))
			k = 3;
		else
			break;
		*n -= k;
	}
}

static void
scan_line(struct line *l, const char *s, size_t n)
{
	size_t i, k;

	trim(&s, &n);
	memset(l, 0, sizeof(*l));
	l->width = ap_utf8_count(s, n);
	for (i = 0; bullets[i] != NULL; i++) {
		k = strlen(bullets[i]);
		if (n > k && strncmp(s, bullets[i], k) == 0) {
			l->bullet = true;
			s += k;
			n -= k;
			trim(&s, &n);
			break;
		}
	}
	/* "[celine] Par: Céline Bayet": the byline behind its photo. */
	for (i = 0; (k = ap_image_marker(s + i, n - i)) > 0;) {
		i += k;
		while (i < n && s[i] == ' ')
			i++;
	}
	if (i < n) {
		s += i;
		n -= i;
	}
	l->dash = n > 4 && (strncmp(s, "\xe2\x80\x94 ", 4) == 0 ||
	    strncmp(s, "\xe2\x80\x93 ", 4) == 0 ||
	    strncmp(s, "\xe2\x80\x94\xc2\xa0", 5) == 0 ||
	    strncmp(s, "\xe2\x80\x93\xc2\xa0", 5) == 0);
	l->s = s;
	l->len = n;
	for (i = 0; i < n && s[i] != ' '; i++)
		;
	l->first = ap_utf8_count(s, i);
}

/* Append line text to a paragraph, collapsing runs of spaces and tabs. */
static void
put_collapsed(struct ap_buf *b, const char *s, size_t n)
{
	size_t i;

	if (b->len > 0)
		ap_buf_putc(b, ' ');
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			if (b->len > 0 && b->p[b->len - 1] == ' ')
				continue;
			ap_buf_putc(b, ' ');
		} else
			ap_buf_putc(b, s[i]);
	}
}

/* The next line at *p (end: the text's end, NUL-terminated); false past
 * the last one. */
static bool
next_line(const char **p, const char *end, struct line *l)
{
	const char *nl;

	if (*p >= end)
		return false;
	nl = memchr(*p, '\n', (size_t)(end - *p));
	if (nl == NULL)
		nl = end;
	scan_line(l, *p, (size_t)(nl - *p));
	*p = nl + 1;
	return true;
}

static size_t
max_width(const char *p, const char *end)
{
	struct line l;
	size_t max = 0;

	while (next_line(&p, end, &l))
		if (l.width > max)
			max = l.width;
	return max;
}

/* Widest a terminal wraps at; longer lines are words it could not break. */
#define WRAP_MAX	100

/*
 * The text is hard-wrapped at width w when its lines fit in w, bar a few
 * (code a text browser did not break) and lines of one word (a URL, a
 * rule), and often run on into the next non-blank line: the line plus the
 * next one's first word would not have fit.  Returns the w that explains
 * the most such breaks, or 0 when lines are paragraphs of their own.
 * Lines are scanned again rather than kept: memory stays that of the
 * text, whatever its shape.
 */
static size_t
wrap_width(const char *p, const char *end)
{
	struct line prev, l;
	/* broke[w]: breaks a wrapper at w would have made (a difference
	 * array over w); ends[w]: breaks after a line w wide; wide[w]:
	 * lines w wide, wider ones at WRAP_MAX + 1. */
	long broke[WRAP_MAX + 2] = { 0 };
	size_t ends[WRAP_MAX + 1] = { 0 }, wide[WRAP_MAX + 2] = { 0 };
	size_t w, best = 0, runs = 0, full = 0, lines = 0, over;
	long at = 0, most = 0;

	if (!next_line(&p, end, &prev))
		return 0;
	for (; ; prev = l) {
		/* A line of one word (a URL, a rule) a wrapper cannot break:
		 * it says nothing of the width. */
		if (prev.len > 0 && prev.first < prev.width) {
			lines++;
			wide[prev.width > WRAP_MAX ? WRAP_MAX + 1 :
			    prev.width]++;
		}
		if (!next_line(&p, end, &l))
			break;
		if (prev.len == 0 || l.len == 0 || prev.width > WRAP_MAX)
			continue;
		ends[prev.width]++;
		broke[prev.width]++;
		w = prev.width + 1 + l.first;
		broke[w <= WRAP_MAX ? w : WRAP_MAX + 1]--;
	}
	/* Widths from 40 up (menus of short lines are no wrapped text),
	 * with no more than one line in 20 wider. */
	for (w = 0, over = lines; w <= WRAP_MAX; w++) {
		at += broke[w];
		runs += ends[w];
		over -= wide[w];
		if (w >= 40 && over * 20 <= lines && at > most) {
			most = at;
			best = w;
			full = runs;
		}
	}
	return most >= 2 && (size_t)most * 3 >= full ? best : 0;
}

/*
 * Text browsers wrap very long paragraphs at a fixed column (often near
 * 1,000): a line that reaches the longest width and stops mid-sentence
 * goes on in the next line.
 */
static bool
cut_at_limit(const struct line *l, size_t maxw)
{
	unsigned char last;

	if (maxw < 200 || l->width + 2 < maxw || l->len == 0)
		return false;
	last = (unsigned char)l->s[l->len - 1];
	return last != '.' && last != '!' && last != '?' && last != ':' &&
	    last != 0xBB && last != 0xA6;	/* » and … end sentences too */
}

static void
flush(struct ap_doc *d, struct ap_buf *para, size_t line, unsigned flags)
{
	struct ap_block *b;

	b = ap_doc_add_block(d, para->p, para->len, line);
	if (b != NULL)
		b->flags = flags;
	ap_buf_truncate(para, 0);
}

void
ap_text_blocks(struct ap_doc *d)
{
	struct ap_buf para;
	struct line prev, l;
	const char *p = d->text, *end = d->text + d->textlen;
	size_t i, width, start = 0, maxw;
	unsigned flags = 0;
	bool gap = false;

	maxw = max_width(p, end);
	width = wrap_width(p, end);
	ap_buf_init(&para, &d->arena);
	memset(&prev, 0, sizeof(prev));
	for (i = 0; next_line(&p, end, &l); i++, prev = l) {
		bool joins;

		if (l.len == 0) {
			flush(d, &para, start, flags);
			gap = true;
			continue;
		}
		joins = para.len > 0 && !l.bullet && !l.dash &&
		    ((width > 0 && prev.width <= width &&
		    prev.width + 1 + l.first > width) ||
		    cut_at_limit(&prev, maxw));
		if (!joins) {
			flush(d, &para, start, flags);
			start = i + 1;
			flags = (gap ? AP_BF_GAP_BEFORE : 0) |
			    (l.bullet ? AP_BF_LISTITEM : 0);
			gap = false;
		}
		put_collapsed(&para, l.s, l.len);
	}
	flush(d, &para, start, flags);
	ap_buf_fini(&para);
}
