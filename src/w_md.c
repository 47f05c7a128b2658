/* SPDX-License-Identifier: ISC */
/*
 * Markdown writer (CommonMark).  Layout: "# headline", an italic byline
 * and date line, the standfirst in bold, then the body (paragraphs,
 * "> " quotes, "## " headings, "- " list items), then "## Articles
 * connexes" as a list of links.  Blocks are one line each, separated by a
 * blank line, except consecutive list items, which form one tight list.
 */
#include <stdbool.h>

#include "esc.h"
#include "writer.h"

struct md {
	bool	 started;	/* the next block needs a blank line */
	bool	 list;		/* the last block was a list item */
};

static void
gap(struct ap_wctx *c, bool list)
{
	struct md *m = c->state;

	if (m->started && !(list && m->list))
		ap_buf_putc(c->out, '\n');
	m->started = true;
	m->list = list;
}

static void
line(struct ap_wctx *c, const char *pfx, const char *s, const char *sfx,
    bool list)
{
	if (ap_w_blank(s))
		return;
	gap(c, list);
	ap_buf_puts(c->out, pfx);
	ap_esc_md(c->out, s);
	ap_buf_puts(c->out, sfx);
	ap_buf_putc(c->out, '\n');
}

static int
md_begin(struct ap_wctx *c, const struct ap_article *a)
{
	struct ap_buf tmp;

	line(c, "# ", a->headline, "", false);
	ap_buf_init(&tmp, c->out->arena);
	if (ap_w_byline(&tmp, a))
		line(c, "*", tmp.p, "*", false);
	ap_buf_truncate(&tmp, 0);
	if (ap_w_dateline(&tmp, a))
		line(c, "*", tmp.p, "*", false);
	ap_buf_fini(&tmp);
	line(c, "**", a->standfirst, "**", false);
	return AP_OK;
}

static int
md_block(struct ap_wctx *c, const struct ap_body *bo, size_t i)
{
	(void)i;
	switch (bo->type) {
	case AP_BODY_QUOTE:
		line(c, "> ", bo->text, "", false);
		break;
	case AP_BODY_HEADING:
		line(c, "## ", bo->text, "", false);
		break;
	case AP_BODY_LISTITEM:
		line(c, "- ", bo->text, "", true);
		break;
	case AP_BODY_PARAGRAPH:
	default:
		line(c, "", bo->text, "", false);
		break;
	}
	return AP_OK;
}

static int
md_end(struct ap_wctx *c, const struct ap_article *a)
{
	const struct ap_related *r;
	bool label = false;
	size_t i;

	for (i = 0; i < a->nrelated; i++) {
		r = &a->related[i];
		if (ap_w_blank(r->title))
			continue;
		if (!label) {
			gap(c, false);
			ap_buf_puts(c->out, "## Articles connexes\n");
			label = true;
		}
		gap(c, true);
		ap_buf_puts(c->out, "- ");
		if (ap_w_blank(r->url))
			ap_esc_md(c->out, r->title);
		else {
			ap_buf_putc(c->out, '[');
			ap_esc_md(c->out, r->title);
			ap_buf_puts(c->out, "](");
			ap_esc_md_url(c->out, r->url);
			ap_buf_putc(c->out, ')');
		}
		if (!ap_w_blank(r->summary)) {
			ap_buf_puts(c->out, " — ");
			ap_esc_md(c->out, r->summary);
		}
		ap_buf_putc(c->out, '\n');
	}
	return AP_OK;
}

const struct ap_writer ap_w_markdown = {
	"markdown", "md", sizeof(struct md), md_begin, md_block, md_end
};
