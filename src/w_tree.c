/* SPDX-License-Identifier: ISC */
/*
 * Tree writer: the debugging view of the classifier.  One line per block
 * of the document, dropped ones included:
 * "LINE KIND[ (drop)] why[ +article] p=P[ +FEAT][ -FEAT][ [cues]]: text",
 * P the block's content probability, FEAT the named features that most
 * raised and lowered it (content.c),
 * the text cut to TEXT_COLS display columns; then one line per quotation,
 * its speaker and how the speaker was found (quotes.c).
 */
#include <stdbool.h>
#include <stdint.h>

#include "content.h"
#include "doc.h"
#include "utf8.h"
#include "writer.h"

#define TEXT_COLS	70

/* Append "s" cut to "max" columns on a code point boundary, with "…". */
static void
put_cut(struct ap_buf *b, const char *s, size_t max)
{
	const char *p;
	size_t w = 0, lim;
	uint32_t cp;

	for (p = s; *p != '\0' && w <= max; ) {
		p += ap_utf8_get(p, &cp);
		w += ap_w_width(ap_utf8_visible(cp));
	}
	lim = w <= max ? max : max - 1;	/* room for the ellipsis */
	for (w = 0; *s != '\0'; ) {
		s += ap_utf8_get(s, &cp);
		cp = ap_utf8_visible(cp);
		if (w + ap_w_width(cp) > lim)
			break;
		ap_buf_putcp(b, cp);
		w += ap_w_width(cp);
	}
	if (lim < max)
		ap_buf_puts(b, "…");
}

#define CUES_COLS 40

/* Then one line per quotation: "quote SPEAKER (EVIDENCE): text". */
static void
put_quotes(struct ap_wctx *c, const struct ap_article *a)
{
	const struct ap_quote *q;
	size_t i;

	for (i = 0; i < a->nquotes; i++) {
		q = &a->quotes[i];
		if (q->speaker != NULL)
			ap_buf_printf(c->out, "quote %s (%s): ", q->speaker,
			    q->evidence != NULL ? q->evidence : "-");
		else
			ap_buf_puts(c->out, "quote - (no speaker named): ");
		put_cut(c->out, q->text, TEXT_COLS);
		ap_buf_putc(c->out, '\n');
	}
}

static int
tree_begin(struct ap_wctx *c, const struct ap_article *a)
{
	const struct ap_block *bl;
	size_t i;

	for (i = 0; i < c->nblocks; i++) {
		bl = &c->blocks[i];
		ap_buf_printf(c->out, "%zu %s", bl->line,
		    ap_kind_name(bl->kind));
		if (bl->drop != NULL)
			ap_buf_printf(c->out, " (%s)", bl->drop);
		ap_buf_printf(c->out, " %s", bl->why != NULL ? bl->why : "-");
		/* HTML context: in the article, and the container's cues. */
		if (bl->flags & AP_BF_ARTICLE)
			ap_buf_puts(c->out, " +article");
		/* The content probability and the features that most
		 * raised and lowered it. */
		ap_buf_printf(c->out, " p=%.2f", bl->content);
		if (bl->top_pos != CF_BIAS)
			ap_buf_printf(c->out, " +%s",
			    ap_cfeat_name((enum ap_cfeat)bl->top_pos));
		if (bl->top_neg != CF_BIAS)
			ap_buf_printf(c->out, " -%s",
			    ap_cfeat_name((enum ap_cfeat)bl->top_neg));
		if (bl->cues != NULL && bl->cues[0] != '\0') {
			ap_buf_puts(c->out, " [");
			put_cut(c->out, bl->cues, CUES_COLS);
			ap_buf_putc(c->out, ']');
		}
		ap_buf_puts(c->out, ": ");
		put_cut(c->out, bl->text != NULL ? bl->text : "", TEXT_COLS);
		ap_buf_putc(c->out, '\n');
	}
	put_quotes(c, a);
	return AP_OK;
}

const struct ap_writer ap_w_tree = {
	"tree", "tree", 0, tree_begin, NULL, NULL
};
