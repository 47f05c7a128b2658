/* SPDX-License-Identifier: ISC */
/*
 * The library's entry point: runs the stages over one input, in order,
 * and hands the document to the caller.  Out-of-memory anywhere below
 * jumps back here.
 */
#include <stdbool.h>
#include <string.h>

#include "artparse.h"
#include "doc.h"
#include "hooks.h"
#include "sniff.h"

/* Below this many characters of body, the page is read again whole. */
#define WEAK_BODY	500

static size_t
body_chars(const struct ap_doc *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nblocks; i++)
		switch (d->blocks[i].kind) {
		case AP_KIND_PARAGRAPH:
		case AP_KIND_STANDFIRST:
		case AP_KIND_QUOTE:
		case AP_KIND_LISTITEM:
		case AP_KIND_SUBHEAD:
			n += d->blocks[i].len;
			break;
		default:
			break;
		}
	return n;
}

/*
 * Two candidate bodies: the container the front end chose found little
 * text, so the whole page is read as blocks and classified too, and the
 * candidate whose body run scores higher (the sum of its fitted block
 * scores) is kept.
 */
static void
try_whole_page(struct ap_doc *d)
{
	struct ap_block *blocks = d->blocks;
	struct ap_dfig *figs = d->figs;
	struct ap_meta meta = d->meta;
	size_t n = d->nblocks, cap = d->capblocks;
	size_t nfigs = d->nfigs, capfigs = d->capfigs;
	double sum = d->body_sum;

	d->blocks = NULL;
	d->nblocks = d->capblocks = 0;
	d->figs = NULL;
	d->nfigs = d->capfigs = 0;
	memset(&d->meta, 0, sizeof(d->meta));
	d->whole_page = true;
	ap_html_blocks(d);
	d->whole_page = false;
	if (d->nblocks > 0) {
		ap_features(d);
		ap_classify(d);
		if (d->body_sum > sum) {
			ap_big_free(&d->arena, blocks);
			ap_big_free(&d->arena, figs);
			return;
		}
	}
	ap_big_free(&d->arena, d->blocks);
	ap_big_free(&d->arena, d->figs);
	d->blocks = blocks;
	d->nblocks = n;
	d->capblocks = cap;
	d->figs = figs;
	d->nfigs = nfigs;
	d->capfigs = capfigs;
	d->meta = meta;
}

static const char *
opt_strdup(struct ap_doc *d, const char *s)
{
	return s != NULL ? ap_strdup(&d->arena, s) : NULL;
}

static const struct ap_warc_source *
copy_warc(struct ap_doc *d, const struct ap_warc_source *w)
{
	struct ap_warc_source *c = ap_alloc(&d->arena, sizeof(*c));

	c->file = opt_strdup(d, w->file);
	c->offset = w->offset;
	c->record_id = opt_strdup(d, w->record_id);
	c->date = opt_strdup(d, w->date);
	return c;
}

static int
run(struct ap_doc *d, const unsigned char *bytes, size_t len)
{
	int rc;
	bool html;

	if ((rc = ap_decode(d, bytes, len)) != AP_OK)
		return rc;
	html = d->opts.input == AP_INPUT_HTML ||
	    (d->opts.input == AP_INPUT_AUTO &&
	    ap_sniff_markup((const unsigned char *)d->text, d->textlen));
	d->art.source_type = html ? "html" : "text";
	if (html)
		ap_html_blocks(d);
	else
		ap_text_blocks(d);
	if (d->nblocks == 0)
		return html ? AP_ENOARTICLE : AP_EEMPTY;
	d->art.source_encoding = d->encoding;
	d->art.source_path = d->opts.path != NULL ?
	    ap_strdup(&d->arena, d->opts.path) : NULL;
	d->art.source_url = d->opts.url != NULL ?
	    ap_strdup(&d->arena, d->opts.url) : NULL;
	if (d->opts.warc != NULL)
		d->art.source_warc = copy_warc(d, d->opts.warc);
	ap_features(d);
	ap_classify(d);
	if (html && body_chars(d) < WEAK_BODY)
		try_whole_page(d);
	ap_article_build(d);
	ap_quotes_find(d);
	return AP_OK;
}

int
ap_parse(const void *bytes, size_t len, const struct ap_opts *opts,
    struct ap_doc **out)
{
	static const struct ap_opts defaults;
	const struct ap_allocator *al;
	struct ap_hooks_saved saved;
	struct ap_doc *d;
	jmp_buf oom;
	int rc;

	if (opts == NULL)
		opts = &defaults;
	al = opts->alloc != NULL ? opts->alloc : &ap_default_allocator;
	d = al->malloc(sizeof(*d), al->arg);
	if (d == NULL)
		return AP_ENOMEM;
	/* libxml2 and jansson allocate with "al" too, until we return. */
	ap_hooks_enter(al, &saved);
	memset(d, 0, sizeof(*d));
	ap_arena_init(&d->arena, al);
	d->opts = *opts;
	d->arena.oom = &oom;
	if (setjmp(oom) != 0) {
		rc = d->fail != AP_OK ? d->fail : AP_ENOMEM;
		goto out;
	}
	rc = run(d, bytes, len);
out:
	/* One of their allocations failed, whatever they did next. */
	if (ap_hooks_failed())
		rc = AP_ENOMEM;
	if (rc != AP_OK)
		ap_doc_free(d);		/* frees what they hold, with "al" */
	else {
		d->arena.oom = NULL;
		*out = d;
	}
	ap_hooks_leave(&saved);
	return rc;
}
