/* SPDX-License-Identifier: ISC */
/*
 * Content scoring: named features per block, combined by a logistic model
 * whose weights are data (data/content-weights.txt, fitted by
 * tools/train-content.py on the development corpora, cross-validated by
 * site).  The feature extractor here is the only one: the training dump
 * (tools/dump-features.c) calls it too, so training and use cannot drift.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "content.h"
#include "hash.h"
#include "html_tree.h"
#include "lexicon.h"

static const struct {
	const char	*name;
	const char	*meaning;
} feats[CF__MAX] = {
#define AP_CFEAT(id, name, meaning) [id] = { name, meaning },
#include "content-features.def"
#undef AP_CFEAT
};

/* The fitted table: weights[2][CF__MAX], params[2] and forests[2],
 * pages then text. */
#include "content-weights.inc"

const char *
ap_cfeat_name(enum ap_cfeat f)
{
	return (unsigned)f < CF__MAX ? feats[f].name : "?";
}

const char *
ap_cfeat_meaning(enum ap_cfeat f)
{
	return (unsigned)f < CF__MAX ? feats[f].meaning : "?";
}

bool
ap_doc_is_html(const struct ap_doc *d)
{
	return d->art.source_type != NULL &&
	    strcmp(d->art.source_type, "html") == 0;
}

#define SIDE	3	/* blocks on each side for sibling_prose_share */

static int
u64_cmp(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/* Whether hash h occurs twice in the sorted v[0..n). */
static bool
seen_twice(const uint64_t *v, size_t n, uint64_t h)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo + 1 < n && v[lo] == h && v[lo + 1] == h;
}

/* Local facts the context features read, one pass over the blocks. */
struct seq {
	bool		*prose;
	uint64_t	*hash, *sorted;
	size_t		 first_art, last_art;	/* SIZE_MAX: no container */
	size_t		 h1;			/* SIZE_MAX: no <h1> */
	unsigned	 langs;			/* the page's languages */
	bool		 html;
};

#define LANG_SAMPLE	4096

/*
 * The languages whose function words count: French always, the page's
 * declared language, or else the one its longest blocks read as.
 */
static unsigned
doc_langs(const struct ap_doc *d)
{
	char sample[LANG_SAMPLE];
	size_t i, n = 0, len;
	unsigned m = ap_lang_from_tag(d->meta.lang);

	for (i = 0; m == 0 && i < d->nblocks && n + 1 < sizeof(sample); i++) {
		const struct ap_block *b = &d->blocks[i];

		if (b->f.words < 12)
			continue;
		len = b->len < sizeof(sample) - n - 1 ? b->len :
		    sizeof(sample) - n - 1;
		memcpy(sample + n, b->text, len);
		n += len;
		sample[n++] = ' ';
	}
	if (m == 0 && n > 0)
		m = ap_lang_guess(sample, n);
	return m | 1u << AP_LANG_FR;
}

static void
seq_scan(const struct ap_doc *d, struct seq *q)
{
	size_t i, n = d->nblocks;

	q->first_art = q->last_art = q->h1 = SIZE_MAX;
	q->langs = doc_langs(d);
	q->html = ap_doc_is_html(d);
	for (i = 0; i < n; i++) {
		const struct ap_block *b = &d->blocks[i];

		q->prose[i] = ap_rule_prose(b) &&
		    ap_share(b->link_chars, b->f.chars) < 0.5;
		q->hash[i] = q->sorted[i] = ap_fnv(b->text, b->len);
		if (b->flags & AP_BF_ARTICLE) {
			if (q->first_art == SIZE_MAX)
				q->first_art = i;
			q->last_art = i;
		}
		if (q->h1 == SIZE_MAX && (b->flags & AP_BF_HEADING) &&
		    b->level == 1)
			q->h1 = i;
	}
	if (n > 0)
		qsort(q->sorted, n, sizeof(*q->sorted), u64_cmp);
}

static double
sibling_prose(const struct ap_doc *d, const struct seq *q, size_t i)
{
	size_t k, lo = i > SIDE ? i - SIDE : 0, prose = 0, all = 0;

	for (k = lo; k < d->nblocks && k <= i + SIDE; k++) {
		if (k == i)
			continue;
		all += d->blocks[k].f.chars;
		if (q->prose[k])
			prose += d->blocks[k].f.chars;
	}
	return ap_share(prose, all);
}

static void
block_features(const struct ap_doc *d, const struct seq *q, size_t i,
    double *x)
{
	const struct ap_block *b = &d->blocks[i];
	const struct ap_feat *f = &b->f;
	unsigned fl = b->flags, hc = b->hcues;
	size_t n = d->nblocks, stop, words = 0;

	memset(x, 0, CF__MAX * sizeof(*x));
	x[CF_BIAS] = 1;
	x[CF_HTML] = q->html;
	x[CF_TEXT_LEN_LOG] = log1p((double)f->chars);
	x[CF_SHORT] = f->words <= 3;
	x[CF_LINK_DENSITY] = ap_share(b->link_chars, f->chars);
	x[CF_WHOLE_LINK] = (fl & AP_BF_LINK) != 0;
	x[CF_COMMAS] = log1p((double)f->commas);
	x[CF_HAS_SENTENCE_END] = f->ends_sentence;
	x[CF_ENDS_FIRMLY] = f->ends_firmly;
	x[CF_ENDS_ELLIPSIS] = f->ends_ellipsis;
	x[CF_OPENS_QUOTE] = f->opens_quote;
	stop = ap_stopword_count(b->text, b->len, q->langs, &words);
	x[CF_STOPWORDS] = ap_share(stop, words);
	x[CF_STOPWORDS_LOG] = log1p((double)stop);
	x[CF_SENTENCES_LOG] = log1p((double)f->sentences);
	x[CF_UPPER_SHARE] = ap_share(f->upper, f->letters);
	x[CF_DIGIT_SHARE] = ap_share(f->digits, f->chars);
	x[CF_TITLE_CASE] = f->title_case;
	x[CF_NAME_SHAPE] = f->name_shape;
	x[CF_HAS_DATE] = f->has_date;
	x[CF_HEADING] = (fl & AP_BF_HEADING) && b->level != 1;
	x[CF_H1] = (fl & AP_BF_HEADING) && b->level == 1;
	x[CF_LIST_ITEM] = (fl & AP_BF_LISTITEM) != 0;
	x[CF_IN_BLOCKQUOTE] = (fl & AP_BF_BLOCKQUOTE) != 0;
	x[CF_IN_FIGURE] = (fl & AP_BF_FIGURE) != 0;
	x[CF_IN_NAV] = (fl & AP_BF_NAV) != 0;
	x[CF_IN_ARTICLE] = (fl & AP_BF_ARTICLE) != 0;
	x[CF_ALL_STRONG] = q->html && (fl & AP_BF_STRONG) != 0;
	x[CF_CLASS_NEGATIVE] = (hc & C_NEG) != 0;
	x[CF_CLASS_POSITIVE] = (hc & (C_POS | C_BODY)) != 0;
	x[CF_CLASS_COMMENT] = (hc & C_COMMENT) != 0;
	x[CF_CLASS_META] = (hc & (C_BYLINE | C_DATE | C_LEAD)) != 0;
	x[CF_CLASS_RELATED] = (hc & C_RELATED) != 0;
	x[CF_CUE_BOILERPLATE] = ap_rule_boilerplate(b) != NULL;
	x[CF_CUE_SECTION] = ap_rule_drop_label(b);
	x[CF_CUE_RELATED] = ap_rule_related_label(b) ||
	    ap_rule_related_inline(b);
	x[CF_CUE_BYLINE] = ap_rule_byline(b) || ap_rule_dateline(b);
	x[CF_PROSE] = q->prose[i];
	x[CF_PREV_PROSE] = i > 0 && q->prose[i - 1];
	x[CF_NEXT_PROSE] = i + 1 < n && q->prose[i + 1];
	x[CF_SIBLING_PROSE] = sibling_prose(d, q, i);
	x[CF_REPEATED] = b->len >= 20 && seen_twice(q->sorted, n, q->hash[i]);
	x[CF_POSITION] = n > 1 ? (double)i / (double)(n - 1) : 0;
	x[CF_AFTER_ARTICLE] = q->last_art != SIZE_MAX && i > q->last_art;
	x[CF_BEFORE_ARTICLE] = q->first_art != SIZE_MAX && i < q->first_art;
	x[CF_AFTER_H1] = q->h1 != SIZE_MAX && i > q->h1 ?
	    log1p((double)(i - q->h1)) : 0;
}

static void
seq_open(struct ap_doc *d, struct seq *q)
{
	struct ap_arena *a = &d->arena;
	size_t n = d->nblocks;

	if (n > SIZE_MAX / sizeof(*q->hash))
		ap_arena_oom(a);
	q->prose = ap_big_realloc(a, NULL, n * sizeof(*q->prose));
	q->hash = ap_big_realloc(a, NULL, n * sizeof(*q->hash));
	q->sorted = ap_big_realloc(a, NULL, n * sizeof(*q->sorted));
	seq_scan(d, q);
}

static void
seq_close(struct ap_doc *d, struct seq *q)
{
	ap_big_free(&d->arena, q->sorted);
	ap_big_free(&d->arena, q->hash);
	ap_big_free(&d->arena, q->prose);
}

void
ap_content_features(struct ap_doc *d, double *x)
{
	struct seq q;
	size_t i;

	if (d->nblocks == 0)
		return;
	seq_open(d, &q);
	for (i = 0; i < d->nblocks; i++)
		block_features(d, &q, i, x + i * CF__MAX);
	seq_close(d, &q);
}

const struct ap_cparams *
ap_content_params(const struct ap_doc *d)
{
	return &params[ap_doc_is_html(d) ? 0 : 1];
}

double
ap_forest_logit(const struct ap_forest *f, const double *x, double *contrib)
{
	const struct ap_tnode *n, *next;
	double z = f->base;
	size_t t;

	for (t = 0; t < f->ntrees; t++) {
		for (n = &f->nodes[f->roots[t]]; n->feat < CF__MAX; n = next) {
			next = &f->nodes[x[n->feat] <= n->thr ? n->yes : n->no];
			if (contrib != NULL)
				contrib[n->feat] += next->value - n->value;
		}
		z += n->value;
	}
	return z;
}

/* The log-odds of row x, each feature's share of it into part[]. */
static double
logit(const struct ap_doc *d, const double *x, double *part)
{
	int kind = ap_doc_is_html(d) ? 0 : 1;
	const double *w = weights[kind];
	double z = 0;
	size_t k;

	memset(part, 0, CF__MAX * sizeof(*part));
	if (forests[kind].ntrees > 0)
		return ap_forest_logit(&forests[kind], x, part);
	for (k = 0; k < CF__MAX; k++) {
		part[k] = w[k] * x[k];
		z += part[k];
	}
	return z;
}

/* The feature of shares part[] that most raises (sign 1) or lowers
 * (-1) a score; CF_BIAS when none does. */
static enum ap_cfeat
top_share(const double *part, int sign)
{
	enum ap_cfeat best = CF_BIAS;
	double bv = 0;
	size_t k;

	for (k = CF_BIAS + 1; k < CF__MAX; k++)
		if (part[k] * sign > bv) {
			bv = part[k] * sign;
			best = (enum ap_cfeat)k;
		}
	return best;
}

enum ap_cfeat
ap_content_top(const struct ap_doc *d, const double *x, int sign)
{
	double part[CF__MAX];

	logit(d, x, part);
	return top_share(part, sign);
}

/* One feature row at a time: a page of a million blocks must not hold a
 * million rows. */
void
ap_content_score(struct ap_doc *d)
{
	double x[CF__MAX], part[CF__MAX];
	struct seq q;
	size_t i;

	if (d->nblocks == 0)
		return;
	seq_open(d, &q);
	for (i = 0; i < d->nblocks; i++) {
		block_features(d, &q, i, x);
		d->blocks[i].content = 1.0 / (1.0 + exp(-logit(d, x, part)));
		d->blocks[i].top_pos = (unsigned char)top_share(part, 1);
		d->blocks[i].top_neg = (unsigned char)top_share(part, -1);
	}
	seq_close(d, &q);
}
