/* SPDX-License-Identifier: ISC */
/*
 * Plain-text writer.  Layout: headline, byline and date lines, a blank
 * line, the standfirst, then the body with a blank line between blocks
 * (headings and quotes as plain paragraphs, list items as "- " bullets
 * or "1." numbers with a hanging indent, two columns deeper per nested
 * list; tables as columns aligned by display width, or, when a row would
 * not fit the width, as "cell — cell" lines), then "Articles connexes"
 * and "- title" lines.  A figure is a line "[Image : caption © credit]"
 * (its alt text when it has no caption) after the body item it follows.
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
	struct ap_wlist	 wl;
	const struct ap_article *a;	/* for its figures */
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

/* The figures that follow body item i (SIZE_MAX: the standfirst). */
static void
figures_after(struct ap_wctx *c, size_t i)
{
	const struct ap_article *a = ((struct tx *)c->state)->a;
	const struct ap_figure *f;
	const char *what;
	struct ap_buf line;
	size_t k;

	for (k = 0; a != NULL && k < a->nfigures; k++) {
		f = &a->figures[k];
		what = !ap_w_blank(f->caption) ? f->caption : f->alt;
		if (f->after != i || (ap_w_blank(what) &&
		    ap_w_blank(f->credit)))
			continue;
		ap_buf_init(&line, c->out->arena);
		ap_buf_puts(&line, "[Image");
		if (!ap_w_blank(what))
			ap_buf_printf(&line, "\xc2\xa0: %s", what);
		if (!ap_w_blank(f->credit))
			ap_buf_printf(&line, " \xc2\xa9\xc2\xa0%s", f->credit);
		ap_buf_putc(&line, ']');
		para(c, G_NONE, line.p, "", "");
		ap_buf_fini(&line);
	}
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
	((struct tx *)c->state)->a = a;
	figures_after(c, SIZE_MAX);
	return AP_OK;
}

/* A list item: its marker after the indent of the lists around it, and
 * its following lines under its text. */
static void
list_item(struct ap_wctx *c, const struct ap_body *bo)
{
	struct tx *t = c->state;
	struct ap_buf first, rest;
	unsigned d = ap_w_list_depth(bo), n, k;
	size_t ind;

	/* Another list: a blank line before it. */
	if (t->group == G_LIST && t->wl.list != bo->list)
		t->group = G_NONE;
	n = ap_w_list_next(&t->wl, bo);
	ap_buf_init(&first, c->out->arena);
	ap_buf_init(&rest, c->out->arena);
	for (k = 1; k < d; k++)
		ap_buf_printf(&first, "%*s", (int)(t->wl.mw[k] ? t->wl.mw[k] :
		    2), "");
	ind = first.len;
	if (bo->ordered)
		ap_buf_printf(&first, "%u. ", n);
	else
		ap_buf_puts(&first, "- ");
	t->wl.mw[d] = first.len - ind;
	ap_buf_printf(&rest, "%*s", (int)first.len, "");
	para(c, G_LIST, bo->text, first.p, rest.p);
	ap_buf_fini(&first);
	ap_buf_fini(&rest);
}

/* Display columns of s, as word() counts them. */
static size_t
columns(const char *s)
{
	return word(NULL, s, s + strlen(s));
}

/* Columns between two cells of a row. */
#define CELL_GAP	2

/*
 * A table: the caption, then each row with its cells padded to the
 * widest of their column, a line of dashes under a header row.  When a
 * row would be wider than the text width, each row is one filled
 * paragraph with " — " between its cells instead.
 */
static void
table(struct ap_wctx *c, const struct ap_table *t)
{
	const struct ap_cell *cell;
	struct ap_buf row;
	size_t *w, r, k, total = 0, pad;
	bool header;

	para(c, G_NONE, t->caption, "", "");
	if (t->nrows == 0 || t->ncols == 0)
		return;
	w = ap_allocarray(c->out->arena, t->ncols, sizeof(*w));
	for (r = 0; r < t->nrows; r++)
		for (k = 0; k < t->rows[r].ncells && k < t->ncols; k++)
			if (columns(t->rows[r].cells[k].text) > w[k])
				w[k] = columns(t->rows[r].cells[k].text);
	for (k = 0; k < t->ncols; k++)
		total += w[k] + (k > 0 ? CELL_GAP : 0);
	ap_buf_init(&row, c->out->arena);
	gap(c, G_NONE);
	for (r = 0; r < t->nrows; r++) {
		ap_buf_truncate(&row, 0);
		header = t->rows[r].ncells > 0;
		for (k = 0; k < t->rows[r].ncells && k < t->ncols; k++) {
			cell = &t->rows[r].cells[k];
			header &= cell->header;
			if (c->wo->width > 0 && total > c->wo->width) {
				if (!ap_w_blank(cell->text))
					ap_buf_printf(&row, "%s%s", row.len > 0 ?
					    " — " : "", cell->text);
				continue;
			}
			if (k > 0)
				ap_buf_printf(&row, "%*s", CELL_GAP, "");
			word(&row, cell->text, cell->text + strlen(cell->text));
			pad = w[k] - columns(cell->text);
			if (k + 1 < t->rows[r].ncells)
				ap_buf_printf(&row, "%*s", (int)pad, "");
		}
		if (c->wo->width > 0 && total > c->wo->width) {
			fill(c->out, row.len > 0 ? row.p : "", c->wo->width, "",
			    "  ");
			continue;
		}
		/* Empty cells at the end leave no padding behind. */
		while (row.len > 0 && row.p[row.len - 1] == ' ')
			row.len--;
		ap_buf_put(c->out, row.p, row.len);
		ap_buf_putc(c->out, '\n');
		if (!header)
			continue;
		for (k = 0; k < total; k++)
			ap_buf_putc(c->out, '-');
		ap_buf_putc(c->out, '\n');
	}
	ap_buf_fini(&row);
}

static int
text_block(struct ap_wctx *c, const struct ap_body *bo, size_t i)
{
	if (bo->type == AP_BODY_LISTITEM)
		list_item(c, bo);
	else if (bo->type == AP_BODY_TABLE && bo->table != NULL)
		table(c, bo->table);
	else
		para(c, G_NONE, bo->text, "", "");
	figures_after(c, i);
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
