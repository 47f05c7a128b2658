/* SPDX-License-Identifier: ISC */
/*
 * HTML front end: page tree (html_tree.c) -> metadata + block sequence.  A
 * first walk over the whole tree collects per-element counts (visible
 * text, link text, commas, paragraphs) from which the article container
 * is scored, readability-style.  A second walk, over the container and
 * the few regions around it the classifier needs (headline, byline, date,
 * standfirst, related lists), emits the blocks in document order.  Both
 * walks are iterative, so nesting depth costs no C stack.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artparse.h"
#include "buf.h"
#include "dates.h"
#include "doc.h"
#include "hash.h"
#include "html.h"
#include "html_tree.h"
#include "lexicon.h"
#include "uri.h"
#include "utf8.h"

/* Inherited flags of an element. */
#define I_LINK		0x0001
#define I_STRONG	0x0002
#define I_QUOTE		0x0004
#define I_FIGURE	0x0008
#define I_NAV		0x0010
#define I_LI		0x0020
#define I_ARTTAG	0x0040	/* inside <article> or <main> */
#define I_FORM		0x0080
#define I_COMMENT	0x0100	/* inside readers' comments */
#define I_EM		0x0200	/* inside <em> or <i> */

/* Own flags of an element. */
#define F_BLOCK		0x0001
#define F_HASBLOCK	0x0002	/* has a block-level child */
#define F_CAND		0x0004	/* received a content score */
#define F_CONT		0x0008	/* an article container root */
#define F_ART		0x0010	/* emission: inside the cleaned article */
#define F_HIDDEN	0x0020
#define F_SKIP		0x0040
#define F_CLEAN		0x0080	/* a labelled related box in the article */
#define F_LBOX		0x0100	/* a related box: each link is a block */
#define F_INBOX		0x0200	/* emission: inside such a box */
#define F_CARD		0x0400	/* a teaser card (mark_cards) */

/* Per-element record, one for each element of the tree. */
struct el {
	const struct ap_hel *h;		/* tag and attributes */
	uint32_t	 node;		/* its node in the tree */
	struct el	*parent;	/* parent element */
	struct el	*owner;		/* nearest block ancestor-or-self */
	struct el	*link;		/* nearest <a> ancestor-or-self */
	size_t		 seq;		/* document order */
	size_t		 last;		/* seq of its last descendant */
	size_t		 text;		/* visible code points below */
	size_t		 links;		/* ... of which inside links */
	size_t		 commas;
	size_t		 own;		/* text directly owned (blocks) */
	size_t		 ownlink;
	size_t		 owncommas;
	size_t		 npara;		/* body-like paragraphs below */
	size_t		 nanchors;	/* <a> elements below */
	size_t		 nchild;	/* element children */
	double		 score;		/* readability content score */
	int		 weight;	/* class/id weight */
	unsigned	 cues;		/* C_* */
	unsigned	 inh;		/* I_* */
	unsigned	 fl;		/* F_* */
	unsigned char	 tag;		/* enum ap_htag */
	unsigned char	 kind;		/* TK_* */
	unsigned char	 level;		/* heading level, inherited */
	signed char	 base;		/* tag's initial score */
};

#define MAXLIST		64

/* A span of the pending block's text, in bytes of c->text. */
struct pspan {
	unsigned	 kind;		/* enum ap_span_kind */
	size_t		 from, to;
	const struct el	*link;		/* the <a>, for links */
};
#define CUESMAX		160	/* bytes of cue tokens per block */
#define MAXBYLINE	8
#define SCATTER_SHARE	2	/* container paragraphs * 2 < page's */
#define HEADER_TEXT	400	/* text of a header above the container */

struct ctx {
	struct ap_doc	*d;
	struct ap_arena	*a;
	struct ap_htree	*t;
	const struct ap_hnode *n;	/* t->n */
	struct el	*els;		/* one per t->el */
	struct ap_hmeta	 m;
	size_t		 seq;
	struct el	**cand;		/* elements with a content score */
	size_t		 ncand, capcand;
	struct el	*h1[AP_HMETA_MAXH1];
	struct el	*h2[AP_HMETA_MAXH2];
	size_t		 nh2;
	struct el	*authorlinks[AP_HMETA_MAXAUTH];
	size_t		 nauthorlinks;
	struct el	*times[MAXLIST];
	size_t		 ntimes;
	struct el	*labels[MAXLIST];	/* "À lire aussi" labels */
	size_t		 nlabels;
	struct el	*inserts[MAXLIST];	/* "Lire aussi : titre" */
	size_t		 ninserts;
	struct el	*cuerel[MAXLIST];	/* class-cued related boxes */
	size_t		 ncuerel;
	struct el	*cuemeta[MAXLIST];	/* byline/date/standfirst */
	size_t		 ncuemeta;
	struct el	*body;
	struct el	*best;		/* the article container */
	struct el	*conts[MAXLIST];	/* best, widened siblings */
	size_t		 nconts;
	const char	*base;		/* absolute base URL, or NULL */
	const char	*bylines[MAXBYLINE];	/* texts of byline blocks */
	size_t		 nbylines;
	struct el	*root;		/* current emission root */
	/* The pending block. */
	struct ap_buf	 text;
	bool		 space;
	bool		 edge;		/* an element began or ended in a
					 * heading since the last text */
	bool		 started;
	bool		 art;
	bool		 nonlink;	/* some text outside links */
	bool		 nonstrong;	/* some text outside bold */
	size_t		 nlinks;
	size_t		 linkchars;
	struct el	*lastlink;
	struct el	*firstlink;
	struct el	*owner;
	size_t		 line;
	struct pspan	*spans;		/* its links and emphasis */
	size_t		 nspans, capspans;
	/* Structure being emitted. */
	struct el	*tab;		/* the data table, or NULL */
	unsigned	 ntab;		/* data tables so far */
	unsigned	 row, col;
	struct el	*fig;		/* the figure of the last image */
};

/* Tree access ------------------------------------------------------- */

/* The element record of node k, or NULL (text, <head>, none). */
static struct el *
el_at(const struct ctx *c, uint32_t k)
{
	return c->n[k].type == AP_HN_ELEM ? &c->els[c->n[k].x] : NULL;
}

/* The element record of the parent of node k, or NULL. */
static struct el *
parent_el(const struct ctx *c, uint32_t k)
{
	return el_at(c, c->n[k].parent);
}

static const char *
str(const struct ctx *c, uint32_t off)
{
	return ap_hstr(c->t, off);
}

/* Counting --------------------------------------------------------- */

/* Visible code points and commas of a text node, spaces collapsed. */
static size_t
count_text(const char *s, size_t *commas)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0, i;
	bool sp = false;

	*commas = 0;
	for (i = 0; u[i] != '\0'; i++) {
		if (u[i] == ' ' || u[i] == '\n' || u[i] == '\t' ||
		    u[i] == '\r' || u[i] == '\f') {
			sp = true;
			continue;
		}
		if ((u[i] & 0xC0) == 0x80)
			continue;
		if (sp && n > 0)
			n++;
		sp = false;
		n++;
		if (u[i] == ',')
			(*commas)++;
	}
	return n;
}

static void
cand_add(struct ctx *c, struct el *e)
{
	size_t cap;

	if (e->fl & F_CAND)
		return;
	e->fl |= F_CAND;
	e->score += e->weight + e->base;
	if (c->ncand == c->capcand) {
		cap = c->capcand ? c->capcand * 2 : 256;
		if (cap > SIZE_MAX / sizeof(*c->cand))
			ap_arena_oom(c->a);
		c->cand = ap_big_realloc(c->a, c->cand, cap * sizeof(*c->cand));
		c->capcand = cap;
	}
	c->cand[c->ncand++] = e;
}

/* Metadata carried by head elements (and stray ones in the body), in
 * document order. */
static void
head_events(struct ctx *c)
{
	const struct ap_hev *ev;
	const char *name, *v;
	size_t i;

	for (i = 0; i < c->t->nev; i++) {
		ev = &c->t->ev[i];
		name = str(c, ev->name);
		if ((v = str(c, ev->value)) == NULL)
			continue;
		switch (ev->kind) {
		case AP_HEV_META:
			ap_hmeta_add(c->a, &c->m, name, v);
			break;
		case AP_HEV_CANONICAL:
			ap_hmeta_set(c->a, &c->m, AP_HK_CANONICAL, v,
			    strlen(v));
			break;
		case AP_HEV_BASE:
			ap_hmeta_set(c->a, &c->m, AP_HK_BASE, v, strlen(v));
			break;
		case AP_HEV_LANG:
			ap_hmeta_set(c->a, &c->m, AP_HK_LANG, v, strlen(v));
			break;
		case AP_HEV_TITLE:
			if (c->m.v[AP_HK_TITLE] == NULL) {
				v = ap_html_collapse(c->a, v, strlen(v));
				if (*v != '\0')
					c->m.v[AP_HK_TITLE] = v;
			}
			break;
		case AP_HEV_JSONLD:
			if (c->m.njsonld < AP_HMETA_MAXLD)
				c->m.jsonld[c->m.njsonld++] =
				    ap_strdup(c->a, v);
			break;
		default:
			break;
		}
	}
}

static void
push(struct el **list, size_t *n, struct el *e)
{
	if (*n < MAXLIST)
		list[(*n)++] = e;
}

/* Whether text opens with a related label and a colon, the title after
 * it in the same node: "Lire aussi : Le titre", ">> A lire aussi: …". */
static bool
inline_insert(const char *s)
{
	const char *colon;

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '>')
		s++;
	colon = memchr(s, ':', strnlen(s, 48));
	return colon != NULL && colon[1] != '\0' &&
	    ap_html_related_label(s, (size_t)(colon - s) + 1);
}

/* The inherited flags an element adds by its tag and its cues, under a
 * parent whose inherited flags are pinh. */
static unsigned
own_inh(const struct el *e, unsigned pinh)
{
	unsigned f = 0;

	switch (e->tag) {
	case T_A:
		f |= I_LINK;
		break;
	case T_B:
	case T_STRONG:
		f |= I_STRONG;
		break;
	case T_EM:
		f |= I_EM;
		break;
	case T_BLOCKQUOTE:
		f |= I_QUOTE;
		break;
	case T_FIGURE:
	case T_FIGCAPTION:
		f |= I_FIGURE;
		break;
	case T_NAV:
	case T_ASIDE:
		f |= I_NAV;
		break;
	case T_HEADER:
	case T_FOOTER:
		/* A page header, not an article's own header. */
		if (!(pinh & I_ARTTAG))
			f |= I_NAV;
		break;
	case T_LI:
		f |= I_LI;
		break;
	case T_ARTICLE:
	case T_MAIN:
		f |= I_ARTTAG;
		break;
	case T_FORM:
		f |= I_FORM;
		break;
	default:
		break;
	}
	if (e->cues & C_CAPTION)
		f |= I_FIGURE;
	if (e->cues & C_NAV)
		f |= I_NAV;
	if (e->cues & C_COMMENT)
		f |= I_COMMENT;
	return f;
}

/*
 * A wrapper that holds most of the page's text is no caption or menu,
 * whatever its class says ("wp-caption" around a whole post); readers'
 * comments may well outweigh the article, so their cue stays.  The
 * wrapper's cues are dropped and the flags its subtree inherited from
 * them recomputed.  Elements are stored in document order, parents first.
 */
static void
unmark_wrappers(struct ctx *c)
{
	const unsigned wrapcues = C_CAPTION | C_NAV | C_NEG;
	const struct el *top = c->body;
	struct el *e;
	size_t i, all;
	bool changed = false;

	if (top == NULL || (all = top->text - top->links) < 500)
		return;
	for (i = 0; i < c->t->nel; i++) {
		e = &c->els[i];
		if (e->h == NULL || !(e->cues & wrapcues) ||
		    (e->text - e->links) * 2 < all)
			continue;
		e->cues &= ~wrapcues;
		if (e->weight < 0)
			e->weight = 0;
		changed = true;
	}
	for (i = 0; changed && i < c->t->nel; i++) {
		e = &c->els[i];
		if (e->h == NULL || (e->fl & F_HIDDEN))
			continue;
		e->inh = (e->parent != NULL ? e->parent->inh : 0) |
		    own_inh(e, e->parent != NULL ? e->parent->inh : 0);
	}
}

/* Pass 1: enter a node; returns whether it was entered (and must be left). */
static int
p1_enter(struct ctx *c, uint32_t k)
{
	const struct ap_hnode *n = &c->n[k];
	const struct ap_hel *h;
	struct el *e, *p;
	const char *s;
	size_t cnt, commas;

	if (n->type == AP_HN_TEXT) {
		if ((p = parent_el(c, k)) == NULL)
			return 0;
		s = c->t->s + n->x;
		cnt = count_text(s, &commas);
		if (cnt == 0)
			return 0;
		p->text += cnt;
		p->commas += commas;
		if (p->inh & I_LINK)
			p->links += cnt;
		if (p->owner != NULL) {
			p->owner->own += cnt;
			p->owner->owncommas += commas;
			if (p->inh & I_LINK)
				p->owner->ownlink += cnt;
		}
		if (cnt <= 60 && ap_html_related_label(s, n->len))
			push(c->labels, &c->nlabels, p);
		else if (p->owner != NULL && inline_insert(s))
			push(c->inserts, &c->ninserts, p->owner);
		return 0;
	}
	if (n->type == AP_HN_HEAD)
		return 1;	/* walked for what it holds; it has no el */
	if (n->type != AP_HN_ELEM)
		return 0;
	e = &c->els[n->x];
	e->h = h = &c->t->el[n->x];
	e->node = k;
	e->parent = p = parent_el(c, k);
	e->seq = c->seq++;
	e->tag = h->tag;
	e->kind = h->kind;
	e->base = h->base;
	e->cues = h->cues;
	e->weight = h->weight;
	if (h->hidden) {
		e->fl |= F_HIDDEN;
		e->last = e->seq;
		return 0;
	}
	if (p != NULL) {
		/* Images were not in the tree once; the container choice
		 * counts children as it did then. */
		if (e->tag != T_IMG && e->tag != T_PICTURE)
			p->nchild++;
		e->inh = p->inh;
		e->level = p->level;
		e->link = p->link;
		e->owner = p->owner;
	}
	if (e->kind & TK_BLOCK) {
		e->fl |= F_BLOCK;
		e->owner = e;
		if (p != NULL)
			p->fl |= F_HASBLOCK;
	}
	e->inh |= own_inh(e, p != NULL ? p->inh : 0);
	switch (e->tag) {
	case T_A:
		e->link = e;
		/* Not a commenter's link to their own page. */
		if ((e->cues & C_AUTHORLINK) && !(e->inh & I_COMMENT) &&
		    c->nauthorlinks < AP_HMETA_MAXAUTH)
			c->authorlinks[c->nauthorlinks++] = e;
		break;
	case T_BODY:
		if (c->body == NULL)
			c->body = e;
		break;
	case T_H1:
		if (c->m.nh1 < AP_HMETA_MAXH1)
			c->h1[c->m.nh1++] = e;
		break;
	case T_H2:
		if (c->nh2 < AP_HMETA_MAXH2)
			c->h2[c->nh2++] = e;
		break;
	case T_TIME:
		if (h->datetime != 0)
			push(c->times, &c->ntimes, e);
		break;
	default:
		break;
	}
	if (e->kind & TK_HEADING)
		e->level = (unsigned char)(e->tag - T_H1 + 1);
	if (e->cues & C_RELATED)
		push(c->cuerel, &c->ncuerel, e);
	if ((e->cues & (C_BYLINE | C_DATE | C_LEAD)) || e->tag == T_TIME)
		push(c->cuemeta, &c->ncuemeta, e);
	/* Microdata: <time itemprop=datePublished datetime=…>; kept for
	 * when the container is known, as related teasers carry it too. */
	if (h->idate == AP_HI_PUBLISHED && e->tag != T_TIME &&
	    (h->datetime != 0 || h->content != 0))
		push(c->times, &c->ntimes, e);
	return 1;
}

/* Readability: a paragraph feeds its container and, less, the ones above. */
static void
score_para(struct ctx *c, struct el *e, bool self)
{
	struct el *a;
	size_t body = e->own - e->ownlink;
	double s;
	int lv;

	if (body < 25 || (e->kind & TK_HEADING))
		return;
	s = 1.0 + (double)e->owncommas +
	    (body / 100 < 3 ? (double)(body / 100) : 3.0);
	a = self ? e : e->parent;
	for (lv = 0; a != NULL && lv < 5; lv++, a = a->parent) {
		if (a->tag == T_BODY || a->tag == T_HTML)
			break;
		cand_add(c, a);
		a->score += lv == 0 ? s : lv == 1 ? s / 2 : s / (lv * 3);
	}
}

static void
p1_leave(struct ctx *c, uint32_t k)
{
	struct el *e = el_at(c, k), *p;

	if (e == NULL)
		return;		/* <head> */
	e->last = c->seq - 1;
	if (e->fl & F_BLOCK) {
		/* Mixed content: the element itself is the paragraph's
		 * container, as readability wraps such runs in <p>. */
		score_para(c, e, (e->fl & F_HASBLOCK) != 0);
		if (e->own - e->ownlink >= 80 && e->ownlink * 4 < e->own &&
		    !(e->kind & TK_HEADING))
			e->npara++;
	}
	if (e->tag == T_A)
		e->nanchors++;
	if ((p = e->parent) != NULL) {
		p->text += e->text;
		p->links += e->links;
		p->commas += e->commas;
		p->npara += e->npara;
		p->nanchors += e->nanchors;
	}
}

/* Depth first over the subtree of root, without recursion. */
static void
walk(struct ctx *c, uint32_t root, int (*enter)(struct ctx *, uint32_t),
    void (*leave)(struct ctx *, uint32_t))
{
	const struct ap_hnode *N = c->n;
	uint32_t k = root;
	int in;

	for (;;) {
		in = enter(c, k);
		if (in && N[k].first != 0) {
			k = N[k].first;
			continue;
		}
		if (in)
			leave(c, k);
		for (;;) {
			if (k == root)
				return;
			if (N[k].next != 0) {
				k = N[k].next;
				break;
			}
			k = N[k].parent;
			leave(c, k);
		}
	}
}

/* Container choice ------------------------------------------------- */

static double
link_density(const struct el *e)
{
	return e->text > 0 ? (double)e->links / (double)e->text : 0.0;
}

static double
final_score(const struct el *e)
{
	return e->score * (1.0 - link_density(e));
}

static bool
contains(const struct el *a, const struct el *b)
{
	return a->seq <= b->seq && b->seq <= a->last;
}

static bool
is_top(const struct el *e)
{
	return e == NULL || e->tag == T_BODY || e->tag == T_HTML;
}

static bool
same_class(const struct ctx *c, const struct el *a, const struct el *b)
{
	const char *x = str(c, a->h->cls);

	/* Values are stored once: equal strings, equal offsets. */
	return x != NULL && *x != '\0' && a->h->cls == b->h->cls;
}

static void
cont_add(struct ctx *c, struct el *e)
{
	if (c->nconts < MAXLIST) {
		c->conts[c->nconts++] = e;
		e->fl |= F_CONT;
	}
}

/*
 * A teaser card: a candidate whose tag and class, digits aside
 * ("article-introduction-5671"), recur on candidates under CARD_REPEAT
 * parents, and whose parent holds a link beside it (the card's title).
 * An article split in pieces repeats a class under one parent; a list of
 * teasers, under one parent each.
 */
#define CARD_REPEAT	3

struct shape {
	uint64_t	 hash;
	struct el	*e;
};

static uint64_t
shape_hash(const struct ctx *c, const struct el *e)
{
	const unsigned char *u = (const unsigned char *)str(c, e->h->cls);
	uint64_t h = ap_fnv_add(AP_FNV_BASIS, e->tag);

	if (u == NULL || *u == '\0')
		return 0;
	for (; *u != '\0'; u++)
		if (*u < '0' || *u > '9')
			h = ap_fnv_add(h, *u);
	return h;
}

static size_t
parent_seq(const struct el *e)
{
	return e->parent != NULL ? e->parent->seq + 1 : 0;
}

static int
shape_cmp(const void *x, const void *y)
{
	const struct shape *a = x, *b = y;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return (parent_seq(a->e) > parent_seq(b->e)) -
	    (parent_seq(a->e) < parent_seq(b->e));
}

static void
mark_cards(struct ctx *c)
{
	struct shape *v;
	struct el *e;
	size_t i, j, k, parents, n = c->ncand;

	if (n < CARD_REPEAT)
		return;
	v = ap_allocarray(c->a, n, sizeof(*v));
	for (i = 0; i < n; i++) {
		v[i].e = c->cand[i];
		v[i].hash = shape_hash(c, c->cand[i]);
	}
	qsort(v, n, sizeof(*v), shape_cmp);
	for (i = 0; i < n; i = j) {
		parents = 1;
		for (j = i + 1; j < n && v[j].hash == v[i].hash; j++)
			if (v[j].e->parent != v[j - 1].e->parent)
				parents++;
		if (v[i].hash == 0 || parents < CARD_REPEAT)
			continue;
		for (k = i; k < j; k++) {
			e = v[k].e;
			if (e->parent != NULL && e->parent->links > e->links)
				e->fl |= F_CARD;
		}
	}
}

/* A candidate's score when ranking them: a card counts half. */
static double
rank(const struct el *e)
{
	return e->fl & F_CARD ? e->score / 2 : e->score;
}

static void
choose_container(struct ctx *c)
{
	struct el *best = NULL, *top[5] = { NULL }, *e, *p, *s;
	double bs, prev, thr;
	size_t i, k, shared;
	uint32_t n;

	mark_cards(c);
	for (i = 0; i < c->ncand; i++) {
		e = c->cand[i];
		e->score = final_score(e);
		for (k = 0; k < 5; k++) {
			if (top[k] == NULL || rank(e) > rank(top[k])) {
				memmove(top + k + 1, top + k,
				    (4 - k) * sizeof(*top));
				top[k] = e;
				break;
			}
		}
	}
	best = top[0];
	if (best == NULL) {
		/* No paragraph at all: the body is all there is. */
		if ((best = c->body) == NULL)
			return;
		c->best = best;
		cont_add(c, best);
		return;
	}
	bs = rank(best);
	/* Several close runners-up under one ancestor: take the ancestor. */
	for (p = best->parent; !is_top(p); p = p->parent) {
		shared = 0;
		for (k = 1; k < 5; k++)
			if (top[k] != NULL && rank(top[k]) >= 0.75 * bs &&
			    contains(p, top[k]))
				shared++;
		if (shared >= 3) {
			best = p;
			break;
		}
	}
	/* Climb while the parent scores comparably (article split). */
	prev = best->score;
	thr = prev / 3;
	for (p = best->parent; !is_top(p); p = p->parent) {
		if (!(p->fl & F_CAND))
			continue;
		if (p->score < thr)
			break;
		if (p->score > prev) {
			best = p;
			break;
		}
		prev = p->score;
	}
	while (!is_top(best->parent) && best->parent->nchild == 1)
		best = best->parent;
	c->best = best;
	cont_add(c, best);
	/* Widen to siblings that hold body text too. */
	if (is_top(best->parent))
		return;
	thr = best->score * 0.2 > 10 ? best->score * 0.2 : 10;
	for (n = c->n[best->parent->node].first; n != 0; n = c->n[n].next) {
		if ((s = el_at(c, n)) == NULL || s == best ||
		    (s->fl & F_HIDDEN))
			continue;
		/* A scoring sibling, or a loose body paragraph. */
		if (((s->fl & F_CAND) && s->score + (same_class(c, s, best) ?
		    best->score * 0.2 : 0) >= thr && s->weight >= 0) ||
		    ((s->fl & F_BLOCK) && !(s->fl & F_HASBLOCK) &&
		    s->own - s->ownlink >= 80 && link_density(s) < 0.25 &&
		    s->weight >= 0 && !(s->cues & C_NEG)))
			cont_add(c, s);
	}
	/* Most of the parent is article: the parent is the container. */
	if (c->nconts > MAXLIST / 2 && c->nconts * 2 > best->parent->nchild) {
		for (i = 0; i < c->nconts; i++)
			c->conts[i]->fl &= ~F_CONT;
		c->nconts = 0;
		c->best = best->parent;
		cont_add(c, best->parent);
	}
}

/* Whether e is inside one of the containers. */
static bool
in_article(const struct ctx *c, const struct el *e)
{
	size_t i;

	for (i = 0; i < c->nconts; i++)
		if (contains(c->conts[i], e))
			return true;
	return false;
}

/* Total visible text of the containers. */
static size_t
article_text(const struct ctx *c)
{
	size_t i, t = 0;

	for (i = 0; i < c->nconts; i++)
		t += c->conts[i]->text;
	return t;
}

/* The nearest common ancestor of a and b. */
static struct el *
common(struct el *a, const struct el *b)
{
	while (a != NULL && !contains(a, b))
		a = a->parent;
	return a;
}

/* Whether e sits close to the article: its common ancestor with the
 * container is at most a few levels above the container. */
static bool
near_article(const struct ctx *c, const struct el *e)
{
	const struct el *p;
	int up;

	if (c->best == NULL)
		return false;
	for (p = c->best, up = 0; p != NULL && up <= 4; p = p->parent, up++) {
		if (is_top(p))
			return false;
		if (contains(p, e))
			return true;
	}
	return false;
}

/* Emission ---------------------------------------------------------- */

/* Whether an element inside the article is an insert to leave out of it:
 * boilerplate cues without body text, link lists, navigation. */
static bool
cleaned(const struct ctx *c, const struct el *e)
{
	if (e->fl & F_CONT)
		return false;
	if (e->fl & F_CLEAN)
		return true;
	if (e->tag == T_NAV || e->tag == T_ASIDE || (e->cues & C_NAV))
		return true;
	if (e->tag == T_FORM && e->npara == 0)
		return true;
	/* Boilerplate cues, and little of the article's text. */
	if ((e->cues & C_NEG) && !(e->cues & C_BODY) && (e->npara == 0 ||
	    (e->weight < 0 && (e->text - e->links) * 4 <
	    c->best->text - c->best->links)))
		return true;
	if (e->nanchors >= 2 && e->npara == 0 && link_density(e) > 0.5 &&
	    e->tag != T_P && e->tag != T_LI && !(e->kind & TK_HEADING))
		return true;
	return false;
}

/* A block's cue tokens: under CUESMAX bytes, then one token more. */
#define CUETOK		64	/* bytes of a token kept */
struct cuebuf {
	char	 p[CUESMAX + 1 + CUETOK];
	size_t	 len;
};

/* Whether b already holds the space-separated token t[0..n). */
static bool
has_token(const struct cuebuf *b, const char *t, size_t n)
{
	const char *p = b->p, *e = b->p + b->len;

	while (p < e) {
		const char *q = memchr(p, ' ', (size_t)(e - p));
		size_t len = q != NULL ? (size_t)(q - p) : (size_t)(e - p);

		if (len == n && memcmp(p, t, n) == 0)
			return true;
		p += len + 1;
	}
	return false;
}

/* Append the class, id, itemprop and role tokens of n to b, lower-cased,
 * each once, while b is under CUESMAX bytes. */
static void
put_cues(const struct ctx *c, struct cuebuf *b, const struct ap_hel *h)
{
	const uint32_t vals[] = { h->cls, h->id, h->iprop, h->role };
	const char *v;
	char tok[CUETOK];
	size_t k, i, t;

	for (k = 0; k < 4 && b->len < CUESMAX; k++) {
		if ((v = str(c, vals[k])) == NULL)
			continue;
		for (i = 0; v[i] != '\0' && b->len < CUESMAX;) {
			while (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' ||
			    v[i] == '\r' || v[i] == '\f')
				i++;
			for (t = 0; v[i] != '\0' && v[i] != ' ' &&
			    v[i] != '\t' && v[i] != '\n' && v[i] != '\r' &&
			    v[i] != '\f'; i++)
				if (t < sizeof(tok))
					tok[t++] = (char)(v[i] >= 'A' &&
					    v[i] <= 'Z' ? v[i] - 'A' + 'a' :
					    v[i]);
			if (t == 0 || has_token(b, tok, t))
				continue;
			if (b->len > 0)
				b->p[b->len++] = ' ';
			memcpy(b->p + b->len, tok, t);
			b->len += t;
		}
	}
}

/* The cue tokens of e and its ancestors up to the container or the
 * emission root, bounded; the cue bits they carry go to *bits. */
static const char *
block_cues(struct ctx *c, const struct el *e, unsigned *bits)
{
	struct cuebuf b;
	int up;

	*bits = 0;
	b.len = 0;
	for (up = 0; e != NULL && up < 8 && b.len < CUESMAX; up++,
	    e = e->parent) {
		*bits |= e->cues;
		put_cues(c, &b, e->h);
		if ((e->fl & F_CONT) || e == c->root || is_top(e))
			break;
	}
	while (b.len > 0 && b.p[b.len - 1] == ' ')
		b.len--;
	return b.len > 0 ? ap_strndup(c->a, b.p, b.len) : NULL;
}

/* href as a URI, made absolute when the page gives a base; NULL for no
 * link.  article.c writes only absolute ones. */
static const char *
resolve(struct ctx *c, const char *href)
{
	const char *r;
	size_t n;

	if (href == NULL)
		return NULL;
	n = strlen(href);
	href = ap_html_trim(href, &n);
	if (n == 0 || href[0] == '#' ||
	    strncasecmp(href, "javascript:", 11) == 0)
		return NULL;
	href = ap_uri_from_iri(c->a, href, n);
	if (c->base == NULL || ap_uri_is_absolute(href))
		return href;
	if ((r = ap_uri_join_root(c->a, c->base, href)) != NULL)
		return r;
	r = ap_html_build_uri(c->t, href, c->base);
	return r != NULL ? r : href;
}

static void
pend_reset(struct ctx *c)
{
	ap_buf_truncate(&c->text, 0);
	c->space = false;
	c->started = false;
	c->art = false;
	c->nonlink = false;
	c->nonstrong = false;
	c->nlinks = 0;
	c->linkchars = 0;
	c->lastlink = NULL;
	c->firstlink = NULL;
	c->line = 0;
	c->nspans = 0;
}

/*
 * Text c->text[before..end) is inside a span of this kind (link: the <a>
 * "link").  It extends the last span of its kind when that one ends where
 * the text begins; a space the text opens with is not in the span.
 */
static void
span_add(struct ctx *c, unsigned kind, size_t before, const struct el *link)
{
	struct pspan *sp;
	size_t i, cap, from = before + (c->text.p[before] == ' ');

	for (i = c->nspans; i-- > 0;) {
		sp = &c->spans[i];
		if (sp->kind != kind)
			continue;
		if (sp->to == before && sp->link == link) {
			sp->to = c->text.len;
			return;
		}
		break;
	}
	if (c->nspans == c->capspans) {
		cap = c->capspans ? c->capspans * 2 : 16;
		if (cap > SIZE_MAX / sizeof(*c->spans))
			ap_arena_oom(c->a);
		c->spans = ap_big_realloc(c->a, c->spans,
		    cap * sizeof(*c->spans));
		c->capspans = cap;
	}
	sp = &c->spans[c->nspans++];
	sp->kind = kind;
	sp->from = from;
	sp->to = c->text.len;
	sp->link = link;
}

/*
 * The pending spans, for block text t[0..n) (t inside c->text), with
 * offsets in code points of t; links without a target are left out.
 */
static void
spans_put(struct ctx *c, struct ap_block *b, const char *t, size_t n)
{
	const struct pspan *sp;
	struct ap_span *out;
	size_t i, k = 0, start = (size_t)(t - c->text.p), from, to;
	size_t at = 0, cp = 0;	/* t[0..at) holds cp code points */
	const char *url = NULL;

	if (c->nspans == 0)
		return;
	out = ap_allocarray(c->a, c->nspans, sizeof(*out));
	/* Spans come by their start, so one cursor counts the code points
	 * before each: linear in the text, whatever the number of links. */
	for (i = 0; i < c->nspans; i++) {
		sp = &c->spans[i];
		from = sp->from > start ? sp->from - start : 0;
		to = sp->to > start ? sp->to - start : 0;
		if (to > n)
			to = n;
		if (from >= to)
			continue;
		if (sp->kind == AP_SPAN_LINK && (url = resolve(c,
		    str(c, sp->link->h->href))) == NULL)
			continue;
		if (from < at) {	/* starts never go back; if one did */
			at = 0;
			cp = 0;
		}
		cp += ap_utf8_count(t + at, from - at);
		at = from;
		out[k].kind = (enum ap_span_kind)sp->kind;
		out[k].start = cp;
		out[k].end = cp + ap_utf8_count(t + from, to - from);
		out[k].url = sp->kind == AP_SPAN_LINK ? url : NULL;
		k++;
	}
	b->spans = k > 0 ? out : NULL;
	b->nspans = k;
}

/* Element levels list_put() looks up: 32 nested lists and more. */
#define LIST_UP		64

/* The list item o is in: its outermost list, depth and own list's kind,
 * within LIST_UP levels, so that pathological nesting costs no
 * quadratic time. */
static void
list_put(struct ap_block *b, const struct el *o)
{
	const struct el *e, *outer = NULL;
	int up;

	for (e = o, up = 0; !is_top(e) && up < LIST_UP; e = e->parent, up++) {
		if (e->tag != T_UL && e->tag != T_OL)
			continue;
		if (outer == NULL)
			b->ordered = e->tag == T_OL;
		outer = e;
		b->depth++;
	}
	if (outer != NULL)
		b->list = (unsigned)outer->seq + 1;
	else
		b->depth = 0;
}

/* The cell of the data table being emitted that o is in, if any. */
static void
cell_put(const struct ctx *c, struct ap_block *b, const struct el *o)
{
	const struct el *e;

	if (c->tab == NULL || !contains(c->tab, o))
		return;
	b->table = c->ntab;
	b->row = c->row;
	b->col = c->col;
	for (e = o; e != c->tab; e = e->parent) {
		if (e->tag == T_CAPTION) {
			b->row = b->col = 0;
			return;
		}
		if (e->tag == T_TH || e->tag == T_THEAD)
			b->header = true;
	}
}

static void
flush(struct ctx *c)
{
	struct ap_block *b;
	const struct el *o = c->owner;
	const char *t;
	size_t n = c->text.len;
	unsigned fl = 0, bits;

	if (!c->started)
		return;
	t = ap_html_trim(c->text.p, &n);
	if (n == 0 || o == NULL) {
		pend_reset(c);
		return;
	}
	b = ap_doc_add_block(c->d, t, n, c->line);
	if (o->level > 0) {
		fl |= AP_BF_HEADING;
		b->level = o->level;
	}
	if (o->inh & I_LI)
		fl |= AP_BF_LISTITEM;
	if (o->inh & I_QUOTE)
		fl |= AP_BF_BLOCKQUOTE;
	if (o->inh & I_FIGURE)
		fl |= AP_BF_FIGURE;
	if (o->inh & I_NAV)
		fl |= AP_BF_NAV;
	if (c->art)
		fl |= AP_BF_ARTICLE;
	if (c->nlinks == 1 && !c->nonlink)
		fl |= AP_BF_LINK;
	if (!c->nonstrong)
		fl |= AP_BF_STRONG;
	b->flags = fl;
	b->link_chars = c->linkchars;
	if (c->firstlink != NULL)
		b->href = resolve(c, str(c, c->firstlink->h->href));
	b->cues = block_cues(c, o, &bits);
	b->hcues = bits;
	/* A photo's credit ("class=credit") is no byline. */
	if ((bits & C_BYLINE) && n <= 160 && c->nbylines < MAXBYLINE &&
	    !(o->inh & I_FIGURE))
		c->bylines[c->nbylines++] = b->text;
	spans_put(c, b, t, n);
	if (o->inh & I_LI)
		list_put(b, o);
	cell_put(c, b, o);
	pend_reset(c);
}

/*
 * A kicker in its own <span> of a heading, styled as a line of its own:
 * "Économie" then "Le gouvernement…" would read "ÉconomieLe …".  At an
 * element's edge, a lower-case letter then a capital is two words.
 */
static bool
glued_words(const struct ap_buf *t, const char *s, size_t n)
{
	size_t k;
	uint32_t prev, next;

	if (t->len == 0 || n == 0)
		return false;
	prev = ap_utf8_prev(t->p, t->len, &k);
	next = ap_utf8_next(s, n, &k);
	return ap_is_lower(prev) && ap_is_upper(next);
}

static void
e_text(struct ctx *c, uint32_t k)
{
	const struct ap_hnode *n = &c->n[k];
	struct el *p = parent_el(c, k);
	const char *s = c->t->s + n->x;
	size_t before, cps;
	bool ws = true;
	const char *q;

	if (p == NULL)
		return;
	for (q = s; *q != '\0'; q++)
		if (*q != ' ' && *q != '\n' && *q != '\t' && *q != '\r' &&
		    *q != '\f') {
			ws = false;
			break;
		}
	if (ws) {
		if (c->started)
			c->space = true;
		return;
	}
	if (!c->started) {
		c->started = true;
		c->art = (p->fl & F_ART) != 0;
		c->line = n->line;
	}
	if (c->edge && glued_words(&c->text, s, n->len))
		c->space = true;
	c->edge = false;
	before = c->text.len;
	cps = ap_html_puttext(&c->text, s, n->len, &c->space);
	if (c->text.len == before)
		return;
	if (p->link != NULL)
		span_add(c, AP_SPAN_LINK, before, p->link);
	if (p->inh & I_EM)
		span_add(c, AP_SPAN_EM, before, NULL);
	if (p->inh & I_STRONG)
		span_add(c, AP_SPAN_STRONG, before, NULL);
	if (p->link != NULL) {
		/* The space that separates the link from what precedes it
		 * is not link text. */
		c->linkchars += cps - (before > 0 && c->text.p[before] == ' ');
		if (p->link != c->lastlink) {
			c->nlinks++;
			c->lastlink = p->link;
			if (c->firstlink == NULL)
				c->firstlink = p->link;
		}
	} else
		c->nonlink = true;
	if (!(p->inh & I_STRONG))
		c->nonstrong = true;
}

/* The next node after k in document order inside root; its children
 * first when down. */
static uint32_t
next_node(const struct ctx *c, uint32_t root, uint32_t k, bool down)
{
	if (down && c->n[k].first != 0)
		return c->n[k].first;
	while (k != root && c->n[k].next == 0)
		k = c->n[k].parent;
	return k == root ? 0 : c->n[k].next;
}

/* Cells above this many characters hold prose or a page, not data. */
#define CELL_MAX	400

/*
 * Whether the table e holds data: two rows or more, one with two cells or
 * more, short cells, no table inside, few links.  A layout table (one
 * cell holding the article, a grid of menus) is read as text.
 */
static bool
data_table(const struct ctx *c, const struct el *e)
{
	const struct el *x;
	const char *role = str(c, e->h->role);
	size_t rows = 0, cols = 0, wide = 0;
	uint32_t k;

	if ((e->fl & F_CONT) || (c->best != NULL && contains(e, c->best)) ||
	    (role != NULL && (strcmp(role, "presentation") == 0 ||
	    strcmp(role, "none") == 0)) ||
	    e->text == 0 || link_density(e) > 0.5)
		return false;
	for (k = next_node(c, e->node, e->node, true); k != 0;
	    k = next_node(c, e->node, k, x == NULL || !(x->fl & F_HIDDEN))) {
		if ((x = el_at(c, k)) == NULL)
			continue;
		if (x->tag == T_TABLE)
			return false;
		if (x->tag == T_TR) {
			rows++;
			cols = 0;
		} else if (x->tag == T_TD || x->tag == T_TH) {
			if (x->text > CELL_MAX)
				return false;
			if (++cols > wide)
				wide = cols;
		}
	}
	return rows >= 2 && wide >= 2;
}

/* Table structure: which table, row and cell the text that follows is in. */
static void
table_enter(struct ctx *c, struct el *e)
{
	if (c->tab == NULL) {
		if (e->tag == T_TABLE && data_table(c, e)) {
			c->tab = e;
			c->ntab++;
			c->row = c->col = 0;
		}
		return;
	}
	if (e->tag == T_TR) {
		c->row++;
		c->col = 0;
	} else if (e->tag == T_TD || e->tag == T_TH)
		c->col++;
}

/*
 * The nearest figure around image e, within the emission root: <figure>,
 * or a wrapper marked as a caption ("wp-caption"); NULL when none.
 */
static struct el *
figure_of(const struct ctx *c, struct el *e)
{
	int up;

	/* A few levels up, as <figure><a><picture><img> nest. */
	for (e = e->parent, up = 0; e != NULL && up < 8; e = e->parent, up++) {
		if (e->tag == T_FIGURE || ((e->cues & C_CAPTION) &&
		    e->tag != T_FIGCAPTION))
			return e;
		if (e == c->root || ((e->fl & F_BLOCK) && e->tag != T_PICTURE &&
		    e->tag != T_DIV && e->tag != T_A && e->tag != T_P))
			break;
	}
	return NULL;
}

/* The caption of figure f: its <figcaption>, or an element marked as a
 * caption inside it; NULL when none. */
static struct el *
caption_of(const struct ctx *c, const struct el *f)
{
	struct el *x;
	uint32_t k;

	for (k = next_node(c, f->node, f->node, true); k != 0;
	    k = next_node(c, f->node, k, x == NULL || !(x->fl & F_HIDDEN))) {
		if ((x = el_at(c, k)) == NULL || (x->fl & F_HIDDEN))
			continue;
		if (x->tag == T_FIGCAPTION || (x->cues & C_CAPTION))
			return x;
	}
	return NULL;
}

static const char *el_text(struct ctx *, struct el *);

/* A caption is short: a longer text is the page around an image. */
#define CAPTION_MAX	1000
/* Elements of a caption looked at for its credit, at most. */
#define CREDIT_TRIES	16

/*
 * The credit set apart inside a caption: an element marked as one (class
 * "credit", "copyright"), or one whose text is a labelled credit alone
 * ("<span>Photo : X</span> caption").  It is a part of the caption, not
 * all of it.  Its text goes to *text.
 */
static struct el *
credit_of(struct ctx *c, const struct el *cap, const char **text)
{
	struct el *x;
	const char *v, *cp, *cr;
	uint32_t k;
	int tries = 0;

	for (k = next_node(c, cap->node, cap->node, true); k != 0 &&
	    tries < CREDIT_TRIES; k = next_node(c, cap->node, k, x == NULL)) {
		if ((x = el_at(c, k)) == NULL || (x->fl & F_HIDDEN) ||
		    x->text == 0 || x->text * 2 > cap->text)
			continue;
		tries++;
		*text = el_text(c, x);
		if ((v = str(c, x->h->cls)) != NULL &&
		    (strstr(v, "credit") != NULL ||
		    strstr(v, "copyright") != NULL ||
		    strstr(v, "author") != NULL))
			return x;
		cp = *text;
		cr = NULL;
		ap_figure_credit(c->a, &cp, &cr);
		if (cp == NULL && cr != NULL)
			return x;
	}
	return NULL;
}

/*
 * Whether the image's URL names page furniture rather than a photo: a
 * logo, an icon, an author's avatar, a tracking pixel or a spacer.
 */
static bool
furniture(const char *src)
{
	static const char *const words[] = {
		"logo", "icon", "avatar", "author", "pixel", "spacer",
		"blank.gif", "transparent.gif", "placeholder"
	};
	const char *path = strchr(src, ':') != NULL ? strchr(src, ':') : src;
	char low[256];
	size_t i, n;

	/* The host may well be "static.example": only its path counts. */
	if (strncmp(path, "://", 3) == 0 && (path = strchr(path + 3, '/')) ==
	    NULL)
		return false;
	for (n = 0; path[n] != '\0' && n + 1 < sizeof(low); n++)
		low[n] = (char)(path[n] >= 'A' && path[n] <= 'Z' ?
		    path[n] - 'A' + 'a' : path[n]);
	low[n] = '\0';
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(low, words[i]) != NULL)
			return true;
	return false;
}

/*
 * An image of the article: its URL, text, and the caption and credit of
 * the figure around it.  Images in menus, related boxes and comments, and
 * a second image of one figure, are left out.
 */
static void
figure_add(struct ctx *c, struct el *img)
{
	struct ap_dfig *g;
	struct el *f, *cap, *cr;
	const char *src, *credit;
	int up;
	size_t cap_n;

	if (img->h->src == 0 || (img->inh & (I_NAV | I_COMMENT | I_FORM)) ||
	    (img->fl & F_INBOX))
		return;
	/* An author's portrait in a byline is no figure of the story. */
	for (f = img->parent, up = 0; f != NULL && f != c->root && up < 8;
	    f = f->parent, up++)
		if (f->cues & C_BYLINE)
			return;
	f = figure_of(c, img);
	/* Out of the article, only a figure near it: the lead photo
	 * between headline and body; not every image of a whole page. */
	if (!(img->fl & F_ART) && (f == NULL || c->root == c->body))
		return;
	if ((src = resolve(c, str(c, img->h->src))) == NULL ||
	    furniture(src))
		return;
	if (f != NULL && f == c->fig)
		return;
	c->fig = f;
	if (c->d->nfigs == c->d->capfigs) {
		cap_n = c->d->capfigs ? c->d->capfigs * 2 : 8;
		if (cap_n > SIZE_MAX / sizeof(*g))
			ap_arena_oom(c->a);
		c->d->figs = ap_big_realloc(c->a, c->d->figs,
		    cap_n * sizeof(*g));
		c->d->capfigs = cap_n;
	}
	g = &c->d->figs[c->d->nfigs++];
	memset(g, 0, sizeof(*g));
	g->src = src;
	if (img->h->alt != 0)
		g->alt = ap_html_collapse(c->a, str(c, img->h->alt),
		    strlen(str(c, img->h->alt)));
	if (g->alt != NULL && *g->alt == '\0')
		g->alt = NULL;
	g->block = c->d->nblocks;
	if (f == NULL || (cap = caption_of(c, f)) == NULL)
		cap = f;
	if (cap == NULL || cap->text > CAPTION_MAX)
		return;
	g->caption = el_text(c, cap);
	if ((cr = credit_of(c, cap, &credit)) != NULL)
		g->credit = credit;
	ap_figure_credit(c->a, &g->caption, &g->credit);
}

/* The block that owns text after e closes: e's parent's, within root. */
static struct el *
owner_after(const struct ctx *c, const struct el *e)
{
	struct el *o;

	if (e == c->root || e->parent == NULL)
		return c->root;
	o = e->parent->owner;
	if (o == NULL || !contains(c->root, o))
		return c->root;
	return o;
}

/* Whether e starts and ends a block: block elements, kicker labels, and
 * the links of a related box, whose titles are read one by one. */
static bool
boundary(const struct el *e)
{
	return (e->fl & F_BLOCK) != 0 || (e->cues & C_KICKER) != 0 ||
	    (e->tag == T_A && (e->fl & F_INBOX) != 0);
}

static int
e_enter(struct ctx *c, uint32_t k)
{
	struct el *e, *p;
	bool art;

	if (c->n[k].type == AP_HN_TEXT) {
		e_text(c, k);
		return 0;
	}
	if ((e = el_at(c, k)) == NULL || (e->fl & (F_HIDDEN | F_SKIP)))
		return 0;
	p = e == c->root ? NULL : e->parent;
	if (e->tag == T_FORM && e->npara == 0 && !in_article(c, e))
		return 0;
	/* A button is a control ("Menu", "Partager"), unless broken
	 * markup left the page's paragraphs inside it. */
	if (e->tag == T_BUTTON && e->npara == 0)
		return 0;
	if (e->tag == T_BR) {
		/*
		 * A line break ends a block: pages split paragraphs, byline
		 * and date lines with <br>, and the annotated pages never
		 * keep a <br> inside a paragraph.  In a heading it is a space.
		 */
		if (e->level > 0)
			c->space = c->started;
		else
			flush(c);
		return 0;
	}
	if (e->level > 0)
		c->edge = true;
	if (e == c->root)
		art = (e->fl & F_CONT) != 0;
	else
		art = (e->fl & F_CONT) ||
		    (p != NULL && (p->fl & F_ART) && !cleaned(c, e));
	if (art)
		e->fl |= F_ART;
	else
		e->fl &= ~F_ART;
	if ((e->fl & F_LBOX) || (p != NULL && (p->fl & F_INBOX)))
		e->fl |= F_INBOX;
	else
		e->fl &= ~F_INBOX;
	if (e->tag == T_IMG) {
		figure_add(c, e);
		return 0;
	}
	if (boundary(e) || e == c->root || (p != NULL &&
	    ((p->fl & F_ART) != 0) != art)) {
		flush(c);
		c->owner = boundary(e) || e == c->root ? e : owner_after(c, e);
	}
	if (art || c->tab != NULL)
		table_enter(c, e);
	return 1;
}

static void
e_leave(struct ctx *c, uint32_t k)
{
	struct el *e = el_at(c, k), *p;

	if (e == NULL)
		return;
	p = e == c->root ? NULL : e->parent;
	if (e->level > 0)
		c->edge = true;
	if (boundary(e) || e == c->root || (p != NULL &&
	    ((p->fl & F_ART) != 0) != ((e->fl & F_ART) != 0))) {
		flush(c);
		c->owner = owner_after(c, e);
	}
	if (e == c->tab)
		c->tab = NULL;
}

static int
seq_cmp(const void *x, const void *y)
{
	const struct el *a = *(struct el *const *)x;
	const struct el *b = *(struct el *const *)y;

	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * What a "related" label names, into out (at most max): the nearest
 * ancestor holding links; or, when that would hold the article itself
 * (label and list are siblings in the article's wrapper), the label and
 * the link lists that follow it.  Returns the count; *sib tells which.
 */
static size_t
label_targets(const struct ctx *c, struct el *l, struct el **out,
    size_t max, bool *sib)
{
	struct el *e, *last = NULL, *s;
	uint32_t n;
	size_t k = 0;
	int up;

	*sib = false;
	e = l->owner != NULL ? l->owner : l;
	for (up = 0; e != NULL && up < 5 && !is_top(e); up++, e = e->parent) {
		if (c->best != NULL && (contains(e, c->best) ||
		    (e->fl & F_CONT)))
			break;
		if (e->nanchors >= 2 || (e->nanchors >= 1 && l->link == NULL)) {
			if (e->text > 5000 || max == 0)
				return 0;
			out[0] = e;
			return 1;
		}
		last = e;
	}
	if (last == NULL || max < 2)
		return 0;
	*sib = true;
	out[k++] = last;
	for (n = c->n[last->node].next; n != 0 && k < max; n = c->n[n].next) {
		if ((s = el_at(c, n)) == NULL || (s->fl & F_HIDDEN) ||
		    s->text == 0)
			continue;
		if ((s->kind & TK_HEADING) || s->nanchors == 0 ||
		    s->text > 5000 || link_density(s) < 0.5 ||
		    (c->best != NULL && (contains(s, c->best) ||
		    (s->fl & F_CONT))))
			break;
		out[k++] = s;
	}
	return k > 1 ? k : 0;
}

/*
 * "À lire aussi" boxes and inline "Lire aussi : <a>…</a>" inserts inside
 * the article are left out of it (still emitted, without AP_BF_ARTICLE).
 */
static void
mark_inserts(struct ctx *c)
{
	struct el *b, *tg[8];
	size_t i, k, n, t = article_text(c);
	bool sib;

	for (i = 0; i < c->nlabels; i++) {
		n = label_targets(c, c->labels[i], tg, 8, &sib);
		for (k = 0; k < n; k++) {
			b = tg[k];
			if ((b->fl & F_CONT) || !in_article(c, b) ||
			    b->text * 3 >= t)
				continue;
			/* The label itself has no links; a box must. */
			if (!(sib && k == 0) && link_density(b) < 0.15)
				continue;
			b->fl |= F_CLEAN | (b->tag != T_P ? F_LBOX : 0);
		}
	}
	for (i = 0; i < c->ninserts; i++) {
		b = c->inserts[i];
		if (!(b->fl & F_CONT) && in_article(c, b) && b->text * 3 < t &&
		    (link_density(b) >= 0.3 || b->text <= 200))
			b->fl |= F_CLEAN;
	}
}

/* Whether e is an extra region: neither in nor around the article. */
static bool
outside(const struct ctx *c, const struct el *e)
{
	return c->best == NULL || (!contains(e, c->best) && !in_article(c, e));
}

struct roots {
	struct el	**v;
	size_t		 n, cap;
};

static void
root_add(struct ctx *c, struct roots *r, struct el *e)
{
	size_t cap;

	if (r->n == r->cap) {
		cap = r->cap ? r->cap * 2 : 64;
		if (cap > SIZE_MAX / sizeof(*r->v))
			ap_arena_oom(c->a);
		r->v = ap_big_realloc(c->a, r->v, cap * sizeof(*r->v));
		r->cap = cap;
	}
	r->v[r->n++] = e;
}

/*
 * What lies between the headline and the container in document order
 * (standfirst, byline, date, photo), as the sibling subtrees along both
 * paths to their common ancestor.  Left out when it is long: then the
 * headline is far from the body and the text between is page furniture.
 */
/*
 * Whether "a" is reached from "e" going up by parents.  contains() goes by
 * document order, which an element libxml2 placed outside the tree (one
 * opened after </body>) satisfies without being a descendant.
 */
static bool
on_parent_chain(const struct el *e, const struct el *a)
{
	for (; e != NULL; e = e->parent)
		if (e == a)
			return true;
	return false;
}

static void
between(struct ctx *c, struct roots *r, struct el *h)
{
	struct el *lca, *x, *s;
	uint32_t n;
	size_t first = r->n, text = 0, limit;

	if (c->best == NULL || h == NULL || h->seq > c->best->seq ||
	    in_article(c, h) || (lca = common(h, c->best)) == NULL ||
	    !on_parent_chain(c->best, lca))
		return;
	for (x = h; x != lca; x = x->parent) {
		for (n = c->n[x->node].next; n != 0; n = c->n[n].next) {
			if ((s = el_at(c, n)) == NULL)
				continue;
			if (contains(s, c->best) || s->seq > c->best->seq)
				break;
			if (s->text > 0 && !(s->fl & F_HIDDEN)) {
				root_add(c, r, s);
				text += s->text;
			}
		}
	}
	for (x = c->best; x->parent != lca; x = x->parent) {
		for (n = c->n[x->node].prev; n != 0; n = c->n[n].prev) {
			if ((s = el_at(c, n)) == NULL)
				continue;
			if (s->seq < h->seq)
				break;
			if (s->text > 0 && !(s->fl & F_HIDDEN)) {
				root_add(c, r, s);
				text += s->text;
			}
		}
	}
	limit = article_text(c) / 2 > 1500 ? article_text(c) / 2 : 1500;
	if (text > limit)
		r->n = first;
}

/* Whether "s" holds an <h1> the choice of headline turned down. */
static bool
holds_refused_h1(const struct ctx *c, const struct el *s)
{
	size_t i;

	for (i = 0; i < c->m.nh1; i++)
		if (c->m.h1[i].level == 1 && contains(s, c->h1[i]))
			return true;
	return false;
}

/*
 * With no <h1> to start from: the short subtrees just before the
 * container, up to three levels up (a post's header with its title link
 * and date line above its text), for the classifier to label; not one
 * holding an <h1> that was turned down (a section's or a logo's).
 */
static void
header_before(struct ctx *c, struct roots *r)
{
	struct el *x, *s;
	uint32_t n;
	size_t text = 0, first = r->n;
	int up, k;

	if (c->best == NULL)
		return;
	for (x = c->best, up = 0; x->parent != NULL && up < 3 &&
	    !is_top(x->parent); x = x->parent, up++)
		for (n = c->n[x->node].prev, k = 0; n != 0 && k < 3;
		    n = c->n[n].prev) {
			if ((s = el_at(c, n)) == NULL)
				continue;
			k++;
			if (s->text == 0 || (s->fl & F_HIDDEN))
				continue;
			if (s->text > HEADER_TEXT || (s->inh & I_NAV) ||
			    !outside(c, s) || holds_refused_h1(c, s))
				goto done;
			root_add(c, r, s);
			if ((text += s->text) > HEADER_TEXT)
				goto done;
		}
done:
	if (text > HEADER_TEXT)
		r->n = first;
}

/*
 * Whether most of the page's paragraphs lie outside the container: the
 * article is split in ways the container choice did not follow, so the
 * whole page is emitted and the classifier finds the body in it.
 */
static bool
scattered(const struct ctx *c)
{
	size_t i, in = 0;

	for (i = 0; i < c->nconts; i++)
		in += c->conts[i]->npara;
	return c->body->npara >= 4 && in * SCATTER_SHARE < c->body->npara;
}

static void
emit(struct ctx *c, int h1)
{
	struct roots r = { NULL, 0, 0 };
	struct el *e, *h = h1 >= 0 ? c->h1[h1] : NULL, *tg[8];
	size_t i, k, n, last;
	bool sib;

	for (i = 0; i < c->nconts; i++)
		root_add(c, &r, c->conts[i]);
	/* The second candidate: every block of the page, the container's
	 * marked as such, for the classifier to find the body in. */
	if (c->body != NULL && (c->d->whole_page || scattered(c)))
		root_add(c, &r, c->body);
	if (h != NULL) {
		root_add(c, &r, h);
		between(c, &r, h);
	} else
		header_before(c, &r);
	for (i = 0; i < c->nlabels; i++) {
		n = label_targets(c, c->labels[i], tg, 8, &sib);
		for (k = 0; k < n; k++) {
			if (outside(c, tg[k])) {
				tg[k]->fl |= F_LBOX;
				root_add(c, &r, tg[k]);
			}
		}
	}
	for (i = 0; i < c->ncuerel; i++) {
		e = c->cuerel[i];
		if (e->nanchors > 0 && e->text <= 5000 && outside(c, e)) {
			e->fl |= F_LBOX;
			root_add(c, &r, e);
		}
	}
	for (i = 0; i < c->ncuemeta; i++) {
		e = c->cuemeta[i];
		/* Not the bylines and dates of comments or sidebar lists. */
		if (e->text > 0 && e->text <= 1500 && outside(c, e) &&
		    !(e->inh & (I_NAV | I_COMMENT)) && near_article(c, e))
			root_add(c, &r, e);
	}
	if (r.n > 0)
		qsort(r.v, r.n, sizeof(*r.v), seq_cmp);
	ap_buf_init(&c->text, c->a);
	for (i = 0, k = 0, last = 0; i < r.n; i++) {
		e = r.v[i];
		if (k > 0 && e->seq <= last)
			continue;	/* inside the previous root */
		k++;
		last = e->last;
		c->root = e;
		c->owner = e;
		pend_reset(c);
		c->tab = NULL;
		c->fig = NULL;
		walk(c, e->node, e_enter, e_leave);
		flush(c);
	}
	ap_buf_fini(&c->text);
	ap_big_free(c->a, r.v);
	ap_big_free(c->a, c->spans);
	c->spans = NULL;
	c->nspans = c->capspans = 0;
}

/* Driver -------------------------------------------------------------- */

/* The base for relative links: <base href>, the canonical URL, og:url. */
static void
set_base(struct ctx *c)
{
	const char *cand[3];
	const char *b = NULL, *v;
	size_t i;

	cand[0] = c->m.v[AP_HK_BASE];
	cand[1] = c->m.v[AP_HK_CANONICAL];
	cand[2] = c->m.v[AP_HK_OG_URL];
	for (i = 0; i < 3; i++)
		if (cand[i] != NULL)
			cand[i] = ap_uri_from_iri(c->a, cand[i], strlen(cand[i]));
	for (i = 0; i < 3 && b == NULL; i++)
		if (cand[i] != NULL &&
		    (strncasecmp(cand[i], "http://", 7) == 0 ||
		    strncasecmp(cand[i], "https://", 8) == 0))
			b = cand[i];
	c->base = b;
	/* A relative <base> or canonical is resolved against what we have. */
	for (i = 0; i < 2 && b != NULL; i++) {
		v = cand[i];
		if (v != NULL && v != b) {
			v = resolve(c, v);
			if (i == 0 && v != NULL)
				c->base = v;
			else if (i == 1 && v != NULL)
				c->m.v[AP_HK_CANONICAL] = v;
		}
	}
}

/*
 * The date of a <time datetime> or itemprop=datePublished element in or
 * next to the article: a marked publication date first, then any time.
 */
static void
article_time(struct ctx *c)
{
	const char *v;
	struct el *e;
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < c->ntimes; i++) {
			e = c->times[i];
			if (pass == 0 && e->h->idate != AP_HI_PUBLISHED)
				continue;
			if (pass == 1 && e->h->idate == AP_HI_MODIFIED)
				continue;
			if (!in_article(c, e) && !near_article(c, e))
				continue;
			if ((v = str(c, e->h->datetime)) == NULL &&
			    (v = str(c, e->h->content)) == NULL)
				continue;
			ap_hmeta_set(c->a, &c->m, AP_HK_TIME, v, strlen(v));
			return;
		}
	}
}

#define DATE_WINDOW	80	/* tree nodes searched after the title */
#define DATE_TEXT	80	/* bytes: a date line, not a sentence */
#define BODY_OWN	200	/* code points: a paragraph, where it stops */

/* The block element that text node k belongs to, if it is shown and
 * outside navigation and comments; else NULL. */
static const struct el *
shown_owner(const struct ctx *c, uint32_t k)
{
	const struct el *e = el_at(c, c->n[k].parent), *x;

	if (e == NULL || (e->inh & (I_NAV | I_COMMENT)))
		return NULL;
	for (x = e; x != NULL; x = x->parent)
		if (x->fl & (F_HIDDEN | F_SKIP))
			return NULL;
	return e->owner != NULL ? e->owner : e;
}

/* The publication date text node k shows, when it is short enough to
 * be a date line ("Published on July 18, 2025", "Dec 12, 2025"; not
 * "Mis à jour le 15 novembre 2024"). */
static bool
date_text(const struct ctx *c, uint32_t k, char out[AP_DATE_MAX])
{
	char fold[4 * DATE_TEXT + 6];

	if (c->n[k].type != AP_HN_TEXT || c->n[k].len > DATE_TEXT)
		return false;
	ap_fold(c->t->s + c->n[k].x, c->n[k].len, fold, sizeof(fold));
	return ap_date_published(fold, out);
}

/*
 * With no date in the metadata: a short text showing a date after the
 * title, before the article's first paragraph, else just before the
 * title (a date over it).  The date line may lie outside the blocks the
 * front end emits (a header beside the container, a kicker row).
 */
static void
date_by_title(struct ctx *c, const struct el *title)
{
	const struct el *o;
	char date[AP_DATE_MAX];
	uint32_t k, start = title->node, nn = (uint32_t)c->t->nn;

	for (k = start + 1; k < nn && k <= start + DATE_WINDOW; k++) {
		if (c->n[k].type != AP_HN_TEXT ||
		    (o = shown_owner(c, k)) == NULL)
			continue;
		if (o != title && o->own > BODY_OWN)
			break;
		if (date_text(c, k, date))
			goto found;
	}
	for (k = start; k-- > 1 && start - k <= DATE_WINDOW / 4;) {
		if (c->n[k].type != AP_HN_TEXT ||
		    (o = shown_owner(c, k)) == NULL)
			continue;
		if (o->own > BODY_OWN)
			break;
		if (date_text(c, k, date))
			goto found;
	}
	return;
found:
	c->d->meta.date_shown = ap_strdup(c->a, date);
}

/* Where each h1 (then each of the first h2s) sits, for the headline
 * choice. */
static void
place_h1(struct ctx *c)
{
	size_t i;
	struct el *e;

	for (i = 0; i < c->nh2 && c->m.nh1 < AP_HMETA_MAXH1; i++) {
		c->m.h1[c->m.nh1].level = 2;
		c->h1[c->m.nh1++] = c->h2[i];
	}
	for (i = 0; i < c->m.nh1; i++) {
		e = c->h1[i];
		c->m.h1[i].text = NULL;
		c->m.h1[i].near = 1;
		if (c->m.h1[i].level == 0)
			c->m.h1[i].level = 1;
		if (e->inh & I_NAV)
			c->m.h1[i].near = 2;
		else if (in_article(c, e) || (near_article(c, e) &&
		    e->seq < c->best->seq))
			c->m.h1[i].near = 0;
	}
}

/* Text of an element, spaces collapsed (used for the few h1s). */
static const char *
el_text(struct ctx *c, struct el *e)
{
	const struct ap_hnode *N = c->n;
	struct ap_buf b;
	const char *r;
	uint32_t n = e->node, k;
	struct el *x;
	bool space = false, down;
	size_t len;

	ap_buf_init(&b, c->a);
	for (k = N[n].first; k != 0;) {
		down = false;
		if (N[k].type == AP_HN_TEXT) {
			if (glued_words(&b, c->t->s + N[k].x, N[k].len))
				space = true;
			ap_html_puttext(&b, c->t->s + N[k].x, N[k].len,
			    &space);
		} else if ((x = el_at(c, k)) != NULL &&
		    !(x->fl & F_HIDDEN)) {
			if (x->tag == T_BR || (x->fl & F_BLOCK))
				space = true;
			down = N[k].first != 0;
		}
		if (down) {
			k = N[k].first;
			continue;
		}
		while (k != n && N[k].next == 0)
			k = N[k].parent;
		if (k == n)
			break;
		k = N[k].next;
	}
	len = b.len;
	r = ap_html_trim(b.p, &len);
	r = ap_strndup(c->a, r, len);
	ap_buf_fini(&b);
	return r;
}

void
ap_html_blocks(struct ap_doc *d)
{
	struct ctx c;
	struct ap_htree *t;
	size_t i, len;
	int h1;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.a = &d->arena;
	if (d->text == NULL || d->textlen == 0)
		return;
	len = d->textlen < INT32_MAX ? d->textlen : INT32_MAX;

	c.t = t = ap_alloc(c.a, sizeof(*t));
	ap_htree_parse(c.a, d->text, len, t);
	c.n = t->n;
	if (t->root != 0) {
		c.els = ap_allocarray(c.a, t->nel, sizeof(*c.els));
		head_events(&c);
		walk(&c, t->root, p1_enter, p1_leave);
		unmark_wrappers(&c);
		set_base(&c);
		choose_container(&c);
		mark_inserts(&c);
		place_h1(&c);
		for (i = 0; i < c.m.nh1; i++)
			c.m.h1[i].text = el_text(&c, c.h1[i]);
		for (i = 0; i < c.nauthorlinks; i++)
			c.m.authorlinks[c.m.nauthorlinks++] =
			    el_text(&c, c.authorlinks[i]);
		article_time(&c);
		h1 = ap_html_meta(d, &c.m);
		if (h1 >= 0)
			c.h1[h1]->level = 1;	/* an h2 title is the h1 */
		if (d->meta.date == NULL && (h1 >= 0 || c.best != NULL))
			date_by_title(&c, h1 >= 0 ? c.h1[h1] : c.best);
		/* A whole page, titled, with no headline and a few words of
		 * text: no article here (a "not found" shell); nothing is
		 * emitted.  Fragments without titles are read as they are. */
		if (d->meta.headline != NULL || article_text(&c) >= 150 ||
		    (c.m.v[AP_HK_TITLE] == NULL &&
		    c.m.v[AP_HK_OG_TITLE] == NULL))
			emit(&c, h1);
		for (i = 0; i < c.nbylines; i++)
			ap_html_byline(d, c.bylines[i]);
	}

	ap_htree_free(t);
}
