/* SPDX-License-Identifier: ISC */
/*
 * JSON writer: one object with its keys in a fixed order (the schema of
 * artparse-json(5)), compact on one line or indented by two spaces.
 * Strings go through ap_esc_json(), so the output is valid JSON whatever
 * the article holds.
 */
#include <stdbool.h>
#include <stdint.h>

#include "esc.h"
#include "writer.h"

struct jw {
	struct ap_buf	*b;
	bool		 pretty;
	unsigned	 depth;
	bool		 first;		/* nothing yet in the open container */
};

static void
newline(struct jw *j)
{
	unsigned i;

	if (!j->pretty)
		return;
	ap_buf_putc(j->b, '\n');
	for (i = 0; i < j->depth; i++)
		ap_buf_puts(j->b, "  ");
}

/* Start an array element or an object member. */
static void
item(struct jw *j)
{
	if (!j->first)
		ap_buf_putc(j->b, ',');
	j->first = false;
	newline(j);
}

static void
key(struct jw *j, const char *k)
{
	item(j);
	ap_buf_printf(j->b, "\"%s\":%s", k, j->pretty ? " " : "");
}

static void
jopen(struct jw *j, char c)
{
	ap_buf_putc(j->b, c);
	j->depth++;
	j->first = true;
}

static void
jclose(struct jw *j, char c)
{
	j->depth--;
	if (!j->first)
		newline(j);
	ap_buf_putc(j->b, c);
	j->first = false;
}

static void
kstr(struct jw *j, const char *k, const char *v)
{
	key(j, k);
	ap_esc_json(j->b, v);
}

static const char *
btype_name(enum ap_btype t)
{
	switch (t) {
	case AP_BODY_QUOTE:
		return "quote";
	case AP_BODY_HEADING:
		return "heading";
	case AP_BODY_LISTITEM:
		return "list-item";
	case AP_BODY_TABLE:
		return "table";
	case AP_BODY_PARAGRAPH:
	default:
		return "paragraph";
	}
}

static int
json_begin(struct ap_wctx *c, const struct ap_article *a)
{
	struct jw *j = c->state;
	size_t i;

	j->b = c->out;
	j->pretty = c->wo->pretty;
	jopen(j, '{');
	key(j, "version");
	ap_buf_printf(j->b, "%d", AP_JSON_VERSION);
	kstr(j, "headline", a->headline);
	kstr(j, "standfirst", a->standfirst);
	key(j, "authors");
	jopen(j, '[');
	for (i = 0; i < a->nauthors; i++) {
		item(j);
		jopen(j, '{');
		kstr(j, "name", a->authors[i].name);
		kstr(j, "role", a->authors[i].role);
		jclose(j, '}');
	}
	jclose(j, ']');
	kstr(j, "date", a->date);
	kstr(j, "date_modified", a->date_modified);
	kstr(j, "site_name", a->site_name);
	kstr(j, "lang", a->lang);
	kstr(j, "url", a->url);
	key(j, "body");
	jopen(j, '[');
	return AP_OK;
}

static void
kbool(struct jw *j, const char *k, bool v)
{
	key(j, k);
	ap_buf_puts(j->b, v ? "true" : "false");
}

static void
table(struct jw *j, const struct ap_table *t)
{
	size_t r, k;

	kstr(j, "caption", t->caption);
	key(j, "rows");
	jopen(j, '[');
	for (r = 0; r < t->nrows; r++) {
		item(j);
		jopen(j, '[');
		for (k = 0; k < t->rows[r].ncells; k++) {
			item(j);
			jopen(j, '{');
			kstr(j, "text", t->rows[r].cells[k].text);
			kbool(j, "header", t->rows[r].cells[k].header);
			jclose(j, '}');
		}
		jclose(j, ']');
	}
	jclose(j, ']');
}

/* The spans of one kind group (links, or emphasis and strong) as "k". */
static void
spans(struct jw *j, const char *k, const struct ap_body *bo, bool links)
{
	const struct ap_span *sp;
	size_t i;

	key(j, k);
	jopen(j, '[');
	for (i = 0; i < bo->nspans; i++) {
		sp = &bo->spans[i];
		if ((sp->kind == AP_SPAN_LINK) != links)
			continue;
		item(j);
		jopen(j, '{');
		key(j, "start");
		ap_buf_printf(j->b, "%zu", sp->start);
		key(j, "end");
		ap_buf_printf(j->b, "%zu", sp->end);
		if (links)
			kstr(j, "url", sp->url);
		else
			kstr(j, "style", sp->kind == AP_SPAN_EM ? "em" :
			    "strong");
		jclose(j, '}');
	}
	jclose(j, ']');
}

static int
json_block(struct ap_wctx *c, const struct ap_body *bo, size_t i)
{
	struct jw *j = c->state;

	(void)i;
	item(j);
	jopen(j, '{');
	kstr(j, "type", btype_name(bo->type));
	kstr(j, "text", bo->text);
	if (bo->type == AP_BODY_LISTITEM) {
		key(j, "list");
		ap_buf_printf(j->b, "%zu", bo->list);
		key(j, "depth");
		ap_buf_printf(j->b, "%u", bo->depth);
		kbool(j, "ordered", bo->ordered);
	}
	if (bo->type == AP_BODY_TABLE && bo->table != NULL)
		table(j, bo->table);
	if (c->wo->links)
		spans(j, "links", bo, true);
	if (c->wo->formatting)
		spans(j, "formatting", bo, false);
	jclose(j, '}');
	return AP_OK;
}

static void
figures(struct jw *j, const struct ap_article *a)
{
	const struct ap_figure *f;
	size_t i;

	key(j, "figures");
	jopen(j, '[');
	for (i = 0; i < a->nfigures; i++) {
		f = &a->figures[i];
		item(j);
		jopen(j, '{');
		kstr(j, "src", f->src);
		kstr(j, "alt", f->alt);
		kstr(j, "caption", f->caption);
		kstr(j, "credit", f->credit);
		key(j, "after");
		/* Before the first body block: no index. */
		if (f->after >= a->nbody)
			ap_buf_puts(j->b, "null");
		else
			ap_buf_printf(j->b, "%zu", f->after);
		jclose(j, '}');
	}
	jclose(j, ']');
}

static int
json_end(struct ap_wctx *c, const struct ap_article *a)
{
	struct jw *j = c->state;
	const struct ap_quote *q;
	const struct ap_related *r;
	size_t i;

	jclose(j, ']');
	figures(j, a);
	key(j, "quotes");
	jopen(j, '[');
	for (i = 0; i < a->nquotes; i++) {
		q = &a->quotes[i];
		item(j);
		jopen(j, '{');
		kstr(j, "text", q->text);
		kstr(j, "speaker", q->speaker);
		kstr(j, "speaker_role", q->speaker_role);
		key(j, "block");
		/* A quote in the headline or standfirst has no body index. */
		if (q->block >= a->nbody)
			ap_buf_puts(j->b, "null");
		else
			ap_buf_printf(j->b, "%zu", q->block);
		jclose(j, '}');
	}
	jclose(j, ']');
	key(j, "related");
	jopen(j, '[');
	for (i = 0; i < a->nrelated; i++) {
		r = &a->related[i];
		item(j);
		jopen(j, '{');
		kstr(j, "title", r->title);
		kstr(j, "summary", r->summary);
		kstr(j, "url", r->url);
		jclose(j, '}');
	}
	jclose(j, ']');
	key(j, "source");
	jopen(j, '{');
	kstr(j, "path", a->source_path);
	kstr(j, "type", a->source_type);
	kstr(j, "encoding", a->source_encoding);
	/* A WARC record's: where it was fetched, and where to find it. */
	if (a->source_url != NULL)
		kstr(j, "url", a->source_url);
	if (a->source_warc != NULL) {
		key(j, "warc");
		jopen(j, '{');
		kstr(j, "file", a->source_warc->file);
		key(j, "offset");
		ap_buf_printf(j->b, "%llu", a->source_warc->offset);
		kstr(j, "record_id", a->source_warc->record_id);
		kstr(j, "date", a->source_warc->date);
		jclose(j, '}');
	}
	jclose(j, '}');
	if (c->wo->keep_boilerplate) {
		key(j, "dropped");
		jopen(j, '[');
		for (i = 0; i < a->ndropped; i++) {
			item(j);
			jopen(j, '{');
			kstr(j, "kind", a->dropped[i].kind);
			kstr(j, "text", a->dropped[i].text);
			jclose(j, '}');
		}
		jclose(j, ']');
	}
	jclose(j, '}');
	ap_buf_putc(j->b, '\n');
	return AP_OK;
}

const struct ap_writer ap_w_json = {
	"json", "json", sizeof(struct jw), json_begin, json_block, json_end
};
