/* SPDX-License-Identifier: ISC */
/*
 * The document model: the block sequence the front ends append to, its
 * release, the names of block kinds and of statuses.  It calls no stage;
 * parse.c runs them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

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
