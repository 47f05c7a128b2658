/* SPDX-License-Identifier: ISC */
/*
 * Plain-text writer.  Layout: headline, byline and date lines, a blank
 * line, the standfirst, then the body with a blank line between blocks
 * (headings and quotes as plain paragraphs, list items as "- " bullets
 * with a hanging indent), then "Articles connexes" and "- title" lines.
 * Lines are filled greedily to wopts.width display columns; they break
 * only at ASCII spaces, never at the NBSP and U+202F that French
 * typography uses to glue « » : ; ! ? to their word.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"
#include "writer.h"

/* Lines of one group follow each other without a blank line between. */
enum group {
	G_NONE = 0,
	G_HEADER,	/* headline, byline, date */
	G_LIST,		/* consecutive body list items */
	G_RELATED	/* the related label and its titles */
};

struct tx {
	bool		 started;
	enum group	 group;
};

static bool
isbreak(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

static void
gap(struct ap_wctx *c, enum group g)
{
	struct tx *t = c->state;

	if (t->started && (g == G_NONE || g != t->group))
		ap_buf_putc(c->out, '\n');
	t->started = true;
	t->group = g;
}

/*
 * Append the word [s, e) as visible UTF-8 when "out" is not NULL; return
 * its width in columns either way.
 */
static size_t
word(struct ap_buf *out, const char *s, const char *e)
{
	size_t w = 0;
	uint32_t cp;

	while (s < e) {
		s += ap_utf8_get(s, &cp);
		cp = ap_utf8_visible(cp);
		w += ap_w_width(cp);
		if (out != NULL)
			ap_buf_putcp(out, cp);
	}
	return w;
}

/*
 * Fill "s" into lines of at most "width" columns (0: one line), the first
 * starting with "first", the others with "rest".  A word wider than the
 * line gets a line of its own and overflows it, rather than being cut.
 */
static void
fill(struct ap_buf *out, const char *s, size_t width, const char *first,
    const char *rest)
{
	const char *e;
	size_t col, w;
	bool empty = true;	/* no word on the current line yet */

	ap_buf_puts(out, first);
	col = word(NULL, first, first + strlen(first));
	for (;;) {
		while (isbreak(*s))
			s++;
		if (*s == '\0')
			break;
		for (e = s; *e != '\0' && !isbreak(*e); e++)
			continue;
		w = word(NULL, s, e);
		if (!empty) {
			if (width > 0 && col + 1 + w > width) {
				ap_buf_putc(out, '\n');
				ap_buf_puts(out, rest);
				col = word(NULL, rest, rest + strlen(rest));
			} else {
				ap_buf_putc(out, ' ');
				col++;
			}
		}
		word(out, s, e);
		col += w;
		empty = false;
		s = e;
	}
	ap_buf_putc(out, '\n');
}

static void
para(struct ap_wctx *c, enum group g, const char *s, const char *first,
    const char *rest)
{
	if (ap_w_blank(s))
		return;
	gap(c, g);
	fill(c->out, s, c->wo->width, first, rest);
}

static int
text_begin(struct ap_wctx *c, const struct ap_article *a)
{
	struct ap_buf tmp;

	para(c, G_HEADER, a->headline, "", "");
	ap_buf_init(&tmp, c->out->arena);
	if (ap_w_byline(&tmp, a))
		para(c, G_HEADER, tmp.p, "", "");
	ap_buf_truncate(&tmp, 0);
	if (ap_w_dateline(&tmp, a))
		para(c, G_HEADER, tmp.p, "", "");
	ap_buf_fini(&tmp);
	para(c, G_NONE, a->standfirst, "", "");
	return AP_OK;
}

static int
text_block(struct ap_wctx *c, const struct ap_body *bo, size_t i)
{
	(void)i;
	if (bo->type == AP_BODY_LISTITEM)
		para(c, G_LIST, bo->text, "- ", "  ");
	else
		para(c, G_NONE, bo->text, "", "");
	return AP_OK;
}

static int
text_end(struct ap_wctx *c, const struct ap_article *a)
{
	bool label = false;
	size_t i;

	for (i = 0; i < a->nrelated; i++) {
		if (ap_w_blank(a->related[i].title))
			continue;
		if (!label) {
			gap(c, G_RELATED);
			ap_buf_puts(c->out, "Articles connexes\n");
			label = true;
		}
		para(c, G_RELATED, a->related[i].title, "- ", "  ");
	}
	return AP_OK;
}

const struct ap_writer ap_w_text = {
	"text", "txt", sizeof(struct tx), text_begin, text_block, text_end
};
