/* SPDX-License-Identifier: ISC */
/*
 * Writer registry and driver.  ap_render() builds the whole output in a
 * temporary arena of its own, with the document's allocator, and hands it
 * to the sink in one write: running out of memory or a failing sink
 * leaves neither partial output nor leaked memory.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <utf8proc.h>

#include "artparse.h"
#include "doc.h"
#include "writer.h"

static const struct ap_writer *const writers[] = {
	&ap_w_json,
	&ap_w_markdown,
	&ap_w_text,
	&ap_w_tree,
	&ap_w_tei,
	NULL
};

/* Other names accepted by --format, after the extensions people type. */
static const struct {
	const char		*name;
	const struct ap_writer	*w;
} aliases[] = {
	{ "md",		&ap_w_markdown },
	{ "txt",	&ap_w_text },
};

const struct ap_writer *
ap_writer_find(const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; writers[i] != NULL; i++)
		if (strcmp(writers[i]->name, name) == 0)
			return writers[i];
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(aliases[i].name, name) == 0)
			return aliases[i].w;
	return NULL;
}

const char *
ap_writer_name(size_t i)
{
	size_t n;

	for (n = 0; writers[n] != NULL; n++)
		if (n == i)
			return writers[n]->name;
	return NULL;
}

const char *
ap_writer_ext(const struct ap_writer *w)
{
	return w != NULL ? w->ext : NULL;
}

static int
drive(struct ap_wctx *ctx, const struct ap_writer *w,
    const struct ap_article *a)
{
	size_t i;
	int rc = AP_OK;

	if (w->begin != NULL)
		rc = w->begin(ctx, a);
	for (i = 0; rc == AP_OK && w->block != NULL && i < a->nbody; i++)
		rc = w->block(ctx, &a->body[i], i);
	if (rc == AP_OK && w->end != NULL)
		rc = w->end(ctx, a);
	return rc;
}

/*
 * The part that may run out of memory.  setjmp lives here rather than in
 * ap_render() so that the arena and buffer, which change after setjmp,
 * belong to the caller's frame and keep defined values after the jump.
 */
static int
render(struct ap_arena *ar, struct ap_buf *out, const struct ap_doc *d,
    const struct ap_writer *w, const struct ap_wopts *wo)
{
	struct ap_wctx ctx;
	jmp_buf oom;

	ar->oom = &oom;
	if (setjmp(oom) != 0)
		return AP_ENOMEM;
	ap_buf_init(out, ar);
	ctx.out = out;
	ctx.wo = wo;
	ctx.blocks = d->blocks;
	ctx.nblocks = d->nblocks;
	ctx.state = w->statesz > 0 ? ap_alloc(ar, w->statesz) : NULL;
	return drive(&ctx, w, &d->art);
}

int
ap_render(const struct ap_doc *d, const struct ap_writer *w,
    const struct ap_wopts *wo, struct ap_sink *sink)
{
	static const struct ap_wopts defaults;
	struct ap_arena ar;
	struct ap_buf out;
	int rc;

	if (wo == NULL)
		wo = &defaults;
	ap_arena_init(&ar, d->arena.al);
	rc = render(&ar, &out, d, w, wo);
	ar.oom = NULL;		/* the jmp_buf died with render() */
	if (rc == AP_OK && sink->write(sink->arg, out.p, out.len) != 0)
		rc = AP_EIO;
	ap_arena_fini(&ar);
	return rc;
}

unsigned
ap_w_list_depth(const struct ap_body *bo)
{
	if (bo->depth == 0)
		return 1;
	return bo->depth < AP_W_MAXDEPTH ? bo->depth : AP_W_MAXDEPTH;
}

unsigned
ap_w_list_next(struct ap_wlist *l, const struct ap_body *bo)
{
	unsigned d = ap_w_list_depth(bo), k;

	if (bo->list != l->list) {
		memset(l, 0, sizeof(*l));
		l->list = bo->list;
	}
	/* The lists below this item's level are closed. */
	for (k = d + 1; k <= AP_W_MAXDEPTH; k++)
		l->n[k] = 0;
	return ++l->n[d];
}

size_t
ap_w_width(uint32_t cp)
{
	int w = utf8proc_charwidth((utf8proc_int32_t)cp);

	return w > 0 ? (size_t)w : 0;
}

bool
ap_w_blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

bool
ap_w_byline(struct ap_buf *b, const struct ap_article *a)
{
	const struct ap_author *au;
	bool any = false;
	size_t i;

	for (i = 0; i < a->nauthors; i++) {
		au = &a->authors[i];
		if (ap_w_blank(au->name))
			continue;
		ap_buf_puts(b, any ? ", " : "Par ");
		ap_buf_puts(b, au->name);
		if (!ap_w_blank(au->role))
			ap_buf_printf(b, " (%s)", au->role);
		any = true;
	}
	return any;
}

static bool
digits(const char *s, size_t n, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

/* "2024-03-01T08:00:00+01:00" → "1er mars 2024"; anything else as is. */
static void
put_date(struct ap_buf *b, const char *iso)
{
	static const char *const months[12] = {
		"janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre",
		"décembre"
	};
	int y, m, d;

	if (strlen(iso) >= 10 && digits(iso, 4, &y) && iso[4] == '-' &&
	    digits(iso + 5, 2, &m) && iso[7] == '-' &&
	    digits(iso + 8, 2, &d) &&
	    (iso[10] == '\0' || iso[10] == 'T' || iso[10] == ' ') &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31)
		ap_buf_printf(b, "%d%s %s %d", d, d == 1 ? "er" : "",
		    months[m - 1], y);
	else
		ap_buf_puts(b, iso);
}

bool
ap_w_dateline(struct ap_buf *b, const struct ap_article *a)
{
	bool pub = !ap_w_blank(a->date), mod = !ap_w_blank(a->date_modified);
	struct ap_buf pd, md;

	ap_buf_init(&pd, b->arena);
	ap_buf_init(&md, b->arena);
	if (pub)
		put_date(&pd, a->date);
	if (mod)
		put_date(&md, a->date_modified);
	/* Updated the same day: saying so adds nothing at this precision. */
	if (pub && mod && strcmp(pd.p, md.p) == 0)
		mod = false;
	if (pub)
		ap_buf_printf(b, "Publié le %s", pd.p);
	if (mod)
		ap_buf_printf(b, "%s le %s", pub ? ", mis à jour" :
		    "Mis à jour", md.p);
	ap_buf_fini(&md);
	ap_buf_fini(&pd);
	return pub || mod;
}
