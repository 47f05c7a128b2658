/* SPDX-License-Identifier: ISC */
/*
 * The library's entry point: runs the stages over one input and owns the
 * result.  Out-of-memory anywhere below jumps back here.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "hooks.h"
#include "sniff.h"

static const char *const kind_names[AP_KIND__MAX] = {
	[AP_KIND_UNKNOWN] = "unknown",
	[AP_KIND_HEADLINE] = "headline",
	[AP_KIND_STANDFIRST] = "standfirst",
	[AP_KIND_BYLINE] = "byline",
	[AP_KIND_DATE] = "date",
	[AP_KIND_PARAGRAPH] = "paragraph",
	[AP_KIND_SUBHEAD] = "heading",
	[AP_KIND_QUOTE] = "quote",
	[AP_KIND_LISTITEM] = "list-item",
	[AP_KIND_RELATED_LABEL] = "related-label",
	[AP_KIND_RELATED] = "related",
	[AP_KIND_BOILERPLATE] = "boilerplate",
};

const char *
ap_kind_name(enum ap_kind k)
{
	return (unsigned)k < AP_KIND__MAX ? kind_names[k] : "unknown";
}

const char *
ap_strerror(int status)
{
	switch (status) {
	case AP_OK:
		return "success";
	case AP_ENOMEM:
		return "out of memory";
	case AP_EIO:
		return "write error";
	case AP_EENCODING:
		return "cannot decode input in this encoding";
	case AP_EBINARY:
		return "binary data, not an article";
	case AP_EEMPTY:
		return "no text in input";
	case AP_ETOOBIG:
		return "input too large";
	case AP_ENOARTICLE:
		return "no article found in page";
	case AP_ETOOMANY:
		return "too many blocks for an article (over 500,000)";
	default:
		return "unknown error";
	}
}

struct ap_block *
ap_doc_add_block(struct ap_doc *d, const char *text, size_t len, size_t line)
{
	struct ap_block *b;
	size_t cap;

	if (len == 0)
		return NULL;
	if (d->nblocks == AP_MAX_BLOCKS) {
		d->fail = AP_ETOOMANY;
		ap_arena_oom(&d->arena);	/* unwinds to ap_parse */
	}
	if (d->nblocks == d->capblocks) {
		cap = d->capblocks ? d->capblocks * 2 : 64;
		if (cap > AP_MAX_BLOCKS)
			cap = AP_MAX_BLOCKS;
		if (cap > SIZE_MAX / sizeof(*b))
			ap_arena_oom(&d->arena);
		d->blocks = ap_big_realloc(&d->arena, d->blocks,
		    cap * sizeof(*b));
		d->capblocks = cap;
	}
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->text = ap_strndup(&d->arena, text, len);
	b->len = len;
	b->line = line;
	return b;
}

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

void
ap_doc_free(struct ap_doc *d)
{
	const struct ap_allocator *al;

	if (d == NULL)
		return;
	al = d->arena.al;
	ap_arena_fini(&d->arena);
	al->free(d, al->arg);
}

const struct ap_article *
ap_doc_article(const struct ap_doc *d)
{
	return &d->art;
}
