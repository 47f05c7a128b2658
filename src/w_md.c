/* SPDX-License-Identifier: ISC */
/*
 * Markdown writer (CommonMark).  Layout: "# headline", an italic byline
 * and date line, the standfirst in bold, then the body (paragraphs,
 * "> " quotes, "## " headings, "- " and "1. " list items indented
 * under their parent item, pipe tables), then "## Articles connexes" as
 * a list of links.  Blocks are one line each, separated by a blank line,
 * except the items of one list, which form one tight list; two lists in
 * a row differ by their markers ("-" then "*", "1." then "1)"), as
 * CommonMark starts a new list only then.  With --links and --formatting,
 * spans become [text](url), *text* and **text**.  A figure is an image
 * line, "![alt](src)", and its caption in italics with "© credit", after
 * the body item it follows.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "esc.h"
#include "utf8.h"
#include "writer.h"

struct md {
	bool		 started;	/* the next block needs a blank line */
	bool		 list;		/* the last block was a list item */
	struct ap_wlist	 wl;
	size_t		 nlists;	/* lists written so far */
	const struct ap_article *a;	/* for its figures */
};

/* Spans open at once, at most (deeper ones are written as text). */
#define MAXOPEN		8

static void
gap(struct ap_wctx *c, bool list)
{
	struct md *m = c->state;

	if (m->started && !(list && m->list))
		ap_buf_putc(c->out, '\n');
	m->started = true;
	m->list = list;
}

static bool
shown(const struct ap_wopts *wo, const struct ap_span *sp)
{
	return sp->kind == AP_SPAN_LINK ? wo->links : wo->formatting;
}

static void
mark(struct ap_buf *out, const struct ap_span *sp, bool open)
{
	switch (sp->kind) {
	case AP_SPAN_LINK:
		if (open)
			ap_buf_putc(out, '[');
		else {
			ap_buf_puts(out, "](");
			ap_esc_md_url(out, sp->url != NULL ? sp->url : "");
			ap_buf_putc(out, ')');
		}
		break;
	case AP_SPAN_EM:
		ap_buf_putc(out, '*');
		break;
	case AP_SPAN_STRONG:
	default:
		ap_buf_puts(out, "**");
		break;
	}
}

/*
 * Close the open spans that end at pos, innermost first; those opened
 * inside them that go on are closed and opened again, so that markers
 * nest.
 */
static void
close_at(struct ap_buf *out, const struct ap_span **open, size_t *nopen,
    size_t pos)
{
	const struct ap_span *again[MAXOPEN];
	size_t k, i, n = 0;

	for (k = 0; k < *nopen && open[k]->end != pos; k++)
		continue;
	if (k == *nopen)
		return;
	for (i = *nopen; i-- > k;) {
		mark(out, open[i], false);
		if (open[i]->end != pos)
			again[n++] = open[i];
	}
	*nopen = k;
	while (n > 0) {
		mark(out, again[--n], true);
		open[(*nopen)++] = again[n];
	}
}

/*
 * Open the spans shown that start at pos, the longest first; spans come
 * by their start, and *next is the first that starts at pos or later.
 */
static void
open_at(struct ap_buf *out, const struct ap_body *bo,
    const struct ap_wopts *wo, const struct ap_span **open, size_t *nopen,
    size_t pos, size_t *next)
{
	const struct ap_span *sp, *best;
	size_t i, k, end;
	bool done;

	for (end = *next; end < bo->nspans && bo->spans[end].start <= pos;
	    end++)
		continue;
	for (;;) {
		best = NULL;
		for (i = *next; i < end; i++) {
			sp = &bo->spans[i];
			if (sp->start != pos || sp->end <= pos || !shown(wo, sp))
				continue;
			for (k = 0, done = false; k < *nopen && !done; k++)
				done = open[k] == sp;
			if (!done && (best == NULL || sp->end > best->end))
				best = sp;
		}
		if (best == NULL || *nopen == MAXOPEN)
			break;
		mark(out, best, true);
		open[(*nopen)++] = best;
	}
	*next = end;
}

/* Whether a marker goes at code point pos (next: as in open_at()). */
static bool
boundary(const struct ap_body *bo, const struct ap_wopts *wo,
    const struct ap_span **open, size_t nopen, size_t pos, size_t next)
{
	size_t i;

	for (i = 0; i < nopen; i++)
		if (open[i]->end == pos)
			return true;
	for (i = next; i < bo->nspans && bo->spans[i].start <= pos; i++)
		if (bo->spans[i].start == pos && bo->spans[i].end > pos &&
		    shown(wo, &bo->spans[i]))
			return true;
	return false;
}

/* The text of bo with its spans as CommonMark links and emphasis. */
static void
spans_md(struct ap_buf *out, const struct ap_body *bo,
    const struct ap_wopts *wo)
{
	const struct ap_span *open[MAXOPEN];
	const char *s = bo->text, *seg = s;
	size_t nopen = 0, pos = 0, next = 0;
	uint32_t cp;

	for (;;) {
		if (boundary(bo, wo, open, nopen, pos, next)) {
			ap_esc_md_part(out, seg, (size_t)(s - seg),
			    seg == bo->text);
			seg = s;
			close_at(out, open, &nopen, pos);
			open_at(out, bo, wo, open, &nopen, pos, &next);
		}
		if (*s == '\0')
			break;
		s += ap_utf8_get(s, &cp);
		pos++;
	}
	ap_esc_md_part(out, seg, (size_t)(s - seg), seg == bo->text);
	while (nopen > 0)
		mark(out, open[--nopen], false);
}

/* Whether bo has a span the options show. */
static bool
has_spans(const struct ap_body *bo, const struct ap_wopts *wo)
{
	size_t i;

	for (i = 0; i < bo->nspans; i++)
		if (shown(wo, &bo->spans[i]))
			return true;
	return false;
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

/* The figures that follow body item i (SIZE_MAX: the standfirst). */
static void
figures_after(struct ap_wctx *c, size_t i)
{
	const struct ap_article *a = ((struct md *)c->state)->a;
	const struct ap_figure *f;
	struct ap_buf cap;
	size_t k;

	for (k = 0; a != NULL && k < a->nfigures; k++) {
		f = &a->figures[k];
		if (f->after != i || ap_w_blank(f->src))
			continue;
		gap(c, false);
		ap_buf_puts(c->out, "![");
		if (!ap_w_blank(f->alt))
			ap_esc_md_part(c->out, f->alt, strlen(f->alt), false);
		ap_buf_puts(c->out, "](");
		ap_esc_md_url(c->out, f->src);
		ap_buf_puts(c->out, ")\n");
		if (ap_w_blank(f->caption) && ap_w_blank(f->credit))
			continue;
		gap(c, false);
		if (!ap_w_blank(f->caption)) {
			ap_buf_putc(c->out, '*');
			ap_esc_md(c->out, f->caption);
			ap_buf_putc(c->out, '*');
		}
		if (!ap_w_blank(f->credit)) {
			ap_buf_init(&cap, c->out->arena);
			ap_buf_printf(&cap, "%s© %s",
			    ap_w_blank(f->caption) ? "" : " ", f->credit);
			ap_esc_md_part(c->out, cap.p, cap.len,
			    ap_w_blank(f->caption));
			ap_buf_fini(&cap);
		}
		ap_buf_putc(c->out, '\n');
	}
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
	((struct md *)c->state)->a = a;
	figures_after(c, SIZE_MAX);
	return AP_OK;
}

/* A body block: its prefix, then its text, with spans when shown. */
static void
body_line(struct ap_wctx *c, const char *pfx, const struct ap_body *bo,
    bool list)
{
	if (!has_spans(bo, c->wo)) {
		line(c, pfx, bo->text, "", list);
		return;
	}
	if (ap_w_blank(bo->text))
		return;
	gap(c, list);
	ap_buf_puts(c->out, pfx);
	spans_md(c->out, bo, c->wo);
	ap_buf_putc(c->out, '\n');
}

/* A list item, indented under the items of the lists around it. */
static void
list_item(struct ap_wctx *c, const struct ap_body *bo)
{
	struct md *m = c->state;
	struct ap_buf pfx;
	unsigned d = ap_w_list_depth(bo), n, k;
	bool same = m->list && m->wl.list == bo->list;

	if (!same)
		m->nlists++;
	n = ap_w_list_next(&m->wl, bo);
	ap_buf_init(&pfx, c->out->arena);
	for (k = 1; k < d; k++)
		ap_buf_printf(&pfx, "%*s", (int)(m->wl.mw[k] ? m->wl.mw[k] :
		    2), "");
	k = (unsigned)pfx.len;
	if (bo->ordered)
		ap_buf_printf(&pfx, "%u%c ", n, m->nlists % 2 ? '.' : ')');
	else
		ap_buf_puts(&pfx, m->nlists % 2 ? "- " : "* ");
	m->wl.mw[d] = pfx.len - k;
	if (!same)
		m->list = false;	/* another list: a blank line */
	body_line(c, pfx.p, bo, true);
	ap_buf_fini(&pfx);
}

/* A pipe table (GitHub's extension): the first row is the header. */
static void
table(struct ap_wctx *c, const struct ap_table *t)
{
	size_t r, k;

	if (t->nrows == 0 || t->ncols == 0)
		return;
	line(c, "*", t->caption, "*", false);
	gap(c, false);
	for (r = 0; r < t->nrows; r++) {
		ap_buf_putc(c->out, '|');
		for (k = 0; k < t->ncols; k++) {
			ap_buf_putc(c->out, ' ');
			if (k < t->rows[r].ncells)
				ap_esc_md(c->out, t->rows[r].cells[k].text);
			ap_buf_puts(c->out, " |");
		}
		ap_buf_putc(c->out, '\n');
		if (r > 0)
			continue;
		ap_buf_putc(c->out, '|');
		for (k = 0; k < t->ncols; k++)
			ap_buf_puts(c->out, " --- |");
		ap_buf_putc(c->out, '\n');
	}
}

static int
md_block(struct ap_wctx *c, const struct ap_body *bo, size_t i)
{
	switch (bo->type) {
	case AP_BODY_QUOTE:
		body_line(c, "> ", bo, false);
		break;
	case AP_BODY_HEADING:
		body_line(c, "## ", bo, false);
		break;
	case AP_BODY_LISTITEM:
		list_item(c, bo);
		break;
	case AP_BODY_TABLE:
		if (bo->table != NULL)
			table(c, bo->table);
		else
			line(c, "", bo->text, "", false);
		break;
	case AP_BODY_PARAGRAPH:
	default:
		body_line(c, "", bo, false);
		break;
	}
	figures_after(c, i);
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
