/* SPDX-License-Identifier: ISC */
/*
 * libxml2's HTML parser in SAX mode, building the compact tree of
 * html_tree.h.  The parser itself decides the element structure (implied
 * and auto-closed elements, recovery); what its DOM builder (SAX2.c) adds
 * on top is reproduced here:
 *  - consecutive character callbacks make one text node;
 *  - white space that the parser could not rule out as ignorable is kept
 *    or dropped as its areBlanks() would have with a DOM to look at: kept
 *    after text, after an element that allows text (libxml2's allowPCData
 *    list) or first in one, dropped otherwise and in the body of a strict
 *    HTML 4 document;
 *  - an element opened after the root element closed becomes the root's
 *    last child when the root is the document's first node, and a sibling
 *    of the root (out of the tree) when a doctype or comment comes first;
 *  - an element "o:p" is a "p";
 *  - text outside any element is dropped.
 * libxml2 reads a reduced copy of the page, without the script and style
 * text and most attributes (the tree takes those it reads from its own
 * scan), checked as it goes (reduce(), expect_check()).  Only this file
 * parses with libxml2 (hooks.c sets its allocator and quiets it,
 * html_meta.c looks up its entity table).  No callback ever jumps out of
 * the parser: memory exhaustion stops it, and the jump comes once the
 * parser is freed.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <utf8proc.h>

#include "arena.h"
#include "hooks.h"
#include "html_tree.h"
#include "lexicon.h"

struct tagdef {
	const char	*name;
	unsigned char	 tag;		/* enum ap_htag */
	unsigned char	 kind;		/* TK_* */
	signed char	 base;		/* readability's initial score */
};

/* Sorted by name for bsearch. */
static const struct tagdef tags[] = {
	{ "a",		T_A,		0,		0 },
	{ "address",	T_ADDRESS,	TK_BLOCK,	-3 },
	{ "applet",	T_OTHER,	TK_SKIP,	0 },
	{ "area",	T_OTHER,	TK_SKIP,	0 },
	{ "article",	T_ARTICLE,	TK_BLOCK,	8 },
	{ "aside",	T_ASIDE,	TK_BLOCK,	-5 },
	{ "audio",	T_OTHER,	TK_SKIP,	0 },
	{ "b",		T_B,		0,		0 },
	{ "base",	T_BASE,		TK_SKIP,	0 },
	{ "blockquote",	T_BLOCKQUOTE,	TK_BLOCK,	3 },
	{ "body",	T_BODY,		TK_BLOCK,	0 },
	{ "br",		T_BR,		0,		0 },
	{ "button",	T_BUTTON,	0,		0 },
	{ "canvas",	T_OTHER,	TK_SKIP,	0 },
	{ "caption",	T_CAPTION,	TK_BLOCK,	0 },
	{ "center",	T_OTHER,	TK_BLOCK,	0 },
	{ "datalist",	T_OTHER,	TK_SKIP,	0 },
	{ "dd",		T_OTHER,	TK_BLOCK,	-3 },
	{ "details",	T_OTHER,	TK_BLOCK,	0 },
	{ "dialog",	T_OTHER,	TK_BLOCK,	-5 },
	{ "dir",	T_OTHER,	TK_BLOCK,	-3 },
	{ "div",	T_DIV,		TK_BLOCK,	5 },
	{ "dl",		T_DL,		TK_BLOCK,	-3 },
	{ "dt",		T_OTHER,	TK_BLOCK,	-3 },
	{ "em",		T_EM,		0,		0 },
	{ "embed",	T_OTHER,	TK_SKIP,	0 },
	{ "fieldset",	T_OTHER,	TK_BLOCK,	-3 },
	{ "figcaption",	T_FIGCAPTION,	TK_BLOCK,	-3 },
	{ "figure",	T_FIGURE,	TK_BLOCK,	-3 },
	{ "footer",	T_FOOTER,	TK_BLOCK,	-5 },
	{ "form",	T_FORM,		TK_BLOCK,	-3 },
	{ "frame",	T_OTHER,	TK_SKIP,	0 },
	{ "frameset",	T_OTHER,	TK_SKIP,	0 },
	{ "h1",		T_H1,		TK_BLOCK | TK_HEADING,	-5 },
	{ "h2",		T_H2,		TK_BLOCK | TK_HEADING,	-5 },
	{ "h3",		T_H3,		TK_BLOCK | TK_HEADING,	-5 },
	{ "h4",		T_H4,		TK_BLOCK | TK_HEADING,	-5 },
	{ "h5",		T_H5,		TK_BLOCK | TK_HEADING,	-5 },
	{ "h6",		T_H6,		TK_BLOCK | TK_HEADING,	-5 },
	{ "head",	T_HEAD,		0,		0 },
	{ "header",	T_HEADER,	TK_BLOCK,	-5 },
	{ "hgroup",	T_OTHER,	TK_BLOCK,	0 },
	{ "hr",		T_OTHER,	TK_BLOCK,	0 },
	{ "html",	T_HTML,		TK_BLOCK,	0 },
	{ "i",		T_EM,		0,		0 },
	{ "iframe",	T_OTHER,	TK_SKIP,	0 },
	{ "img",	T_IMG,		0,		0 },
	{ "input",	T_OTHER,	TK_SKIP,	0 },
	{ "legend",	T_OTHER,	TK_BLOCK,	0 },
	{ "li",		T_LI,		TK_BLOCK,	-3 },
	{ "link",	T_LINK,		TK_SKIP,	0 },
	{ "main",	T_MAIN,		TK_BLOCK,	5 },
	{ "map",	T_OTHER,	TK_SKIP,	0 },
	{ "math",	T_OTHER,	TK_SKIP,	0 },
	{ "menu",	T_OTHER,	TK_BLOCK,	-3 },
	{ "meta",	T_META,		TK_SKIP,	0 },
	{ "nav",	T_NAV,		TK_BLOCK,	-10 },
	{ "noembed",	T_OTHER,	TK_SKIP,	0 },
	{ "noframes",	T_OTHER,	TK_SKIP,	0 },
	{ "noscript",	T_OTHER,	TK_SKIP,	0 },
	{ "object",	T_OTHER,	TK_SKIP,	0 },
	{ "ol",		T_OL,		TK_BLOCK,	-3 },
	{ "optgroup",	T_OTHER,	TK_SKIP,	0 },
	{ "option",	T_OTHER,	TK_SKIP,	0 },
	{ "p",		T_P,		TK_BLOCK,	0 },
	{ "picture",	T_PICTURE,	0,		0 },
	{ "pre",	T_PRE,		TK_BLOCK,	3 },
	{ "script",	T_SCRIPT,	TK_SKIP,	0 },
	{ "section",	T_SECTION,	TK_BLOCK,	0 },
	{ "select",	T_OTHER,	TK_SKIP,	0 },
	/* Kept: libxml2 does not know it is void, and puts the <img> of a
	 * <picture> inside it. */
	{ "source",	T_OTHER,	0,		0 },
	{ "strong",	T_STRONG,	0,		0 },
	{ "style",	T_OTHER,	TK_SKIP,	0 },
	{ "summary",	T_OTHER,	TK_BLOCK,	0 },
	{ "svg",	T_OTHER,	TK_SKIP,	0 },
	{ "table",	T_TABLE,	TK_BLOCK,	0 },
	{ "tbody",	T_OTHER,	TK_BLOCK,	0 },
	{ "td",		T_TD,		TK_BLOCK,	3 },
	{ "template",	T_OTHER,	TK_SKIP,	0 },
	{ "textarea",	T_OTHER,	TK_SKIP,	0 },
	{ "tfoot",	T_OTHER,	TK_BLOCK,	0 },
	{ "th",		T_TH,		TK_BLOCK,	-5 },
	{ "thead",	T_THEAD,	TK_BLOCK,	0 },
	{ "time",	T_TIME,		0,		0 },
	{ "title",	T_TITLE,	TK_SKIP,	0 },
	{ "tr",		T_TR,		TK_BLOCK,	0 },
	{ "track",	T_OTHER,	TK_SKIP,	0 },
	{ "ul",		T_UL,		TK_BLOCK,	-3 },
	{ "video",	T_OTHER,	TK_SKIP,	0 },
};

/* Elements after which (or first in which) libxml2's DOM builder keeps
 * white space between tags: allowPCData in its HTMLparser.c.  Sorted. */
static const char *const pcdata[] = {
	"a", "abbr", "acronym", "address", "applet", "b", "bdo", "big",
	"blockquote", "body", "button", "caption", "center", "cite", "code",
	"dd", "del", "dfn", "div", "dt", "em", "font", "form", "h1", "h2",
	"h3", "h4", "h5", "h6", "i", "iframe", "ins", "kbd", "label", "legend",
	"li", "noframes", "noscript", "object", "p", "pre", "q", "s", "samp",
	"small", "span", "strike", "strong", "td", "th", "tt", "u", "var"
};

/* HTML5 phrasing elements libxml2 does not know: white space after them
 * separates words ("<time>8 mai</time> <a>Partager</a>").  Sorted. */
static const char *const phrasing5[] = {
	"bdi", "data", "mark", "meter", "output", "progress", "ruby", "sub",
	"sup", "time"
};

/* Attributes read.  Sorted by name. */
enum attr {
	A_NONE = 0, A_ALT, A_ARIAHIDDEN, A_CLASS, A_CONTENT, A_DATALAZYSRC,
	A_DATASRC, A_DATETIME, A_HIDDEN, A_HREF, A_HTTPEQUIV, A_ID, A_ITEMPROP,
	A_LANG, A_NAME, A_PROPERTY, A_REL, A_ROLE, A_SRC, A_SRCSET, A_STYLE,
	A_TYPE, A_VALUE, A_XMLLANG, A__MAX
};

struct attrdef {
	const char	*name;
	size_t		 len;
};

#define ATTR(s)		{ s, sizeof(s) - 1 }
static const struct attrdef attrs[A__MAX] = {
	ATTR(""), ATTR("alt"), ATTR("aria-hidden"), ATTR("class"),
	ATTR("content"), ATTR("data-lazy-src"), ATTR("data-src"),
	ATTR("datetime"), ATTR("hidden"), ATTR("href"), ATTR("http-equiv"),
	ATTR("id"), ATTR("itemprop"), ATTR("lang"), ATTR("name"),
	ATTR("property"), ATTR("rel"), ATTR("role"), ATTR("src"),
	ATTR("srcset"), ATTR("style"), ATTR("type"), ATTR("value"),
	ATTR("xml:lang")
};
#undef ATTR

/* What a name (interned by the parser) is, as a tag and as an attribute:
 * looked up once per name and cached by address. */
#define NCACHE		512	/* 1 << (64 - 55) */
struct nameinfo {
	const xmlChar	*key;
	const struct tagdef *td;	/* NULL: not a tag read */
	unsigned char	 pcdata;	/* in libxml2's allowPCData (local
					 * name: the tree's node name) */
	unsigned char	 inline5;	/* pcdata, an HTML5 phrasing element
					 * or a custom element ("x-y") */
	unsigned char	 pcfull;	/* ... as a whole: the parser's */
	unsigned char	 attr;		/* enum attr */
};

/* A class/id/itemprop/role value, stored once. */
struct istr {
	uint32_t	 off, len, hash;
	unsigned	 bits;		/* cue bits, once scanned */
	bool		 scanned;
};

/* A start tag changed, or one followed by raw text left out. */
struct expect {
	size_t		 start;		/* its '<' in the copy */
	size_t		 off;		/* its '>' (or the '/' of "/>") */
	const char	*name;		/* its name as written */
	size_t		 nl;
	size_t		 a0, nk;	/* attributes read: kept[a0..a0+nk) */
	size_t		 na;		/* of which libxml2 reads (!side) */
	bool		 tag;		/* its attributes changed (put_tag()) */
	bool		 raw;		/* raw text left out after it */
};

/*
 * An attribute the tree reads, as written.  One without a reference in
 * its value is left out of the copy too ("side"): libxml2 would only copy
 * it a character at a time, and the tree takes it from here.
 */
struct kattr {
	const char	*name, *val;	/* val NULL when it has none; a side
					 * one's is its own NUL-ended copy */
	size_t		 nl, vl;
	size_t		 voff;		/* a side value's place in the copies */
	unsigned char	 id;		/* enum attr */
	bool		 side;
};

/* The current element's last child other than comments, for the white
 * space rule. */
enum { LK_NONE, LK_TEXT, LK_PCDATA, LK_OTHER };

/* What comes first in the document, for elements after the root. */
enum { DF_NONE, DF_ELEM, DF_OTHER };

/*
 * React's streamed HTML (a server rendering a page in pieces): a
 * boundary "<!--$?--><template id="B:1"></template>Loading…<!--/$-->"
 * holds a fallback that a script replaces with the children of a hidden
 * segment sent later, "<div hidden id="S:1">…</div>", and a template
 * "P:2" is where segment "S:2" goes.  The tree does it too, so that the
 * article is read where the page shows it.
 */
#define STREAMED_MAX	64	/* boundaries and segments read a page */

struct boundary {
	uint32_t	 parent;	/* the fallback: parent's children */
	uint32_t	 after;		/* after this one (0: from the first) */
	uint32_t	 end;		/* up to this one */
	uint32_t	 id;		/* 1 + its template's B: number; 0 none */
	bool		 pending;	/* "$?": a segment replaces it */
	bool		 closed;	/* "/$" seen under the same parent */
	bool		 bare;		/* no comments: the node after it */
	bool		 place;		/* a template "P:1": no fallback */
};

struct segment {
	uint32_t	 id;		/* 1 + its S: number */
	uint32_t	 node;
};

struct tb {
	struct ap_htree	*t;
	htmlParserCtxtPtr ctxt;
	uint32_t	 cur;		/* open node taking children, 0: none */
	uint32_t	 skip;		/* depth inside a subtree not kept */
	bool		 hidclass;	/* that subtree is hidden by a class */
	bool		 showclass;	/* a class hides nothing (reparse) */
	size_t		 hidchars;	/* text bytes hidden by a class */
	size_t		 keptchars;	/* text bytes kept */
	uint32_t	 collect;	/* 1 + event whose text is gathered */
	uint32_t	 from;		/* where that text starts */
	uint32_t	 lasttext;	/* the kept text node merge extends */
	bool		 merge;		/* last child of the current element
					 * (comments too) is a text node */
	int		 lastkind;	/* LK_* */
	int		 docfirst;	/* DF_* */
	bool		 rooted;	/* the root element was opened */
	bool		 dtd, strict;
	/* What libxml2 must report reading the reduced copy (reduce()). */
	const struct expect *exp;
	size_t		 nexp, nextexp;	/* the next one due */
	const struct kattr *kept;
	size_t		 errat;		/* where junk was read as a name */
	bool		 mismatch;	/* libxml2 read the page otherwise */
	struct boundary	 bd[STREAMED_MAX];
	size_t		 nbd;
	size_t		 open[STREAMED_MAX];	/* boundaries open, in bd */
	size_t		 nopen;
	struct segment	 seg[STREAMED_MAX];
	size_t		 nseg;
	struct nameinfo	 names[NCACHE];
};

/* Memory ------------------------------------------------------------ */

static bool
nomem(struct tb *b)
{
	if (!b->t->nomem) {
		b->t->nomem = true;
		if (b->ctxt != NULL)
			xmlStopParser(b->ctxt);
	}
	return false;
}

/* Room for need elements of sz bytes in *p; false when memory ran out. */
static bool
grow(struct tb *b, void *pp, size_t *cap, size_t need, size_t sz)
{
	const struct ap_allocator *al = b->t->a->al;
	void **p = pp, *q;
	size_t ncap;

	if (need <= *cap)
		return true;
	if (need > UINT32_MAX)
		return nomem(b);
	ncap = *cap > 0 ? *cap : 64;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / sz)
		return nomem(b);
	if ((q = al->realloc(*p, ncap * sz, al->arg)) == NULL)
		return nomem(b);
	*p = q;
	*cap = ncap;
	return true;
}

/* A copy of s[0..n) in the string buffer: its offset, 0 on failure. */
static uint32_t
str_add(struct tb *b, const char *s, size_t n)
{
	struct ap_htree *t = b->t;
	uint32_t off;

	if (!grow(b, &t->s, &t->caps, t->ns + n + 1, 1))
		return 0;
	off = (uint32_t)t->ns;
	memcpy(t->s + off, s, n);
	t->s[off + n] = '\0';
	t->ns += n + 1;
	return off;
}

/* Append s[0..n) to the string that ends the buffer. */
static bool
str_extend(struct tb *b, const char *s, size_t n)
{
	struct ap_htree *t = b->t;

	if (!grow(b, &t->s, &t->caps, t->ns + n, 1))
		return false;
	memcpy(t->s + t->ns - 1, s, n);
	t->ns += n;
	t->s[t->ns - 1] = '\0';
	return true;
}

static void
release(void *arg)
{
	struct ap_htree *t = arg;
	const struct ap_allocator *al = t->a->al;

	if (t->ctxt != NULL)
		htmlFreeParserCtxt(t->ctxt);
	if (t->uri != NULL)
		xmlFree(t->uri);
	if (t->n != NULL)
		al->free(t->n, al->arg);
	if (t->el != NULL)
		al->free(t->el, al->arg);
	if (t->s != NULL)
		al->free(t->s, al->arg);
	if (t->ev != NULL)
		al->free(t->ev, al->arg);
	if (t->intern != NULL)
		al->free(t->intern, al->arg);
	t->ctxt = t->uri = t->intern = NULL;
	t->n = NULL;
	t->el = NULL;
	t->s = NULL;
	t->ev = NULL;
	if (t->prev != NULL)
		t->prev(t->prev_arg);
}

void
ap_htree_free(struct ap_htree *t)
{
	struct ap_arena *a = t->a;

	a->cleanup = t->prev;
	a->cleanup_arg = t->prev_arg;
	t->prev = NULL;
	release(t);
}

/* Cues: class/id/itemprop/role values against data/class-cues.txt
 * (lexicon.c), scanned once per distinct value by intern(). */

/* A hash of s[0..n), eight bytes at a time. */
static uint32_t
str_hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ n, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x100000001b3u;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w) * 0x100000001b3u;
	h ^= h >> 32;
	return (uint32_t)h;
}

/*
 * The stored copy of a class/id/itemprop/role value and, when bits is
 * not NULL, its cue bits: pages repeat the same values on thousands of
 * elements, so each is stored once and scanned at most once.  0 when
 * memory ran out.
 */
static uint32_t
intern(struct tb *b, const char *v, unsigned *bits)
{
	struct ap_htree *t = b->t;
	struct istr *tab = t->intern, *e, *old;
	uint32_t h, off;
	size_t n = strlen(v), i, mask, cap, k;

	h = str_hash(v, n);
	if (t->nintern * 2 >= t->capintern) {
		cap = t->capintern ? t->capintern * 2 : 256;
		old = tab;
		tab = t->a->al->malloc(cap * sizeof(*tab), t->a->al->arg);
		if (tab == NULL)
			return nomem(b);
		memset(tab, 0, cap * sizeof(*tab));
		for (k = 0; k < t->capintern; k++) {
			if (old[k].off == 0)
				continue;
			for (i = old[k].hash & (cap - 1); tab[i].off != 0;
			    i = (i + 1) & (cap - 1))
				continue;
			tab[i] = old[k];
		}
		if (old != NULL)
			t->a->al->free(old, t->a->al->arg);
		t->intern = tab;
		t->capintern = cap;
	}
	mask = t->capintern - 1;
	for (i = h & mask;; i = (i + 1) & mask) {
		e = &tab[i];
		if (e->off == 0)
			break;
		if (e->hash == h && e->len == n &&
		    memcmp(t->s + e->off, v, n) == 0)
			goto found;
	}
	if ((off = str_add(b, v, n)) == 0)
		return 0;
	e->off = off;
	e->len = (uint32_t)n;
	e->hash = h;
	t->nintern++;
found:
	if (bits != NULL) {
		if (!e->scanned) {
			e->bits = ap_class_cues(v);
			e->scanned = true;
		}
		*bits = e->bits;
	}
	return e->off;
}

/* Whether a style attribute hides the element. */
static bool
style_hidden(const char *s)
{
	const char *p;
	size_t k;
	static const char *const pr[][2] = {
		{ "display", "none" }, { "visibility", "hidden" }
	};

	for (k = 0; k < 2; k++) {
		for (p = s; (p = strstr(p, pr[k][0])) != NULL;) {
			p += strlen(pr[k][0]);
			while (*p == ' ')
				p++;
			if (*p != ':')
				continue;
			p++;
			while (*p == ' ')
				p++;
			if (strncasecmp(p, pr[k][1], strlen(pr[k][1])) == 0)
				return true;
		}
	}
	return false;
}

/* Tree ---------------------------------------------------------------- */

/* ASCII classes: name characters (letters, digits, ':', '-', '_', '.'),
 * blanks, letters, control characters (but tab, LF and CR). */
#define CH_NAME		1
#define CH_BLANK	2
#define CH_LETTER	4
#define CH_CONTROL	8

static const unsigned char ctype[256] = {
	8, 8, 8, 8, 8, 8, 8, 8, 8, 2, 2, 8, 8, 2, 8, 8,
	8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
	2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
	5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 1,
	0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
	5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
};

static bool
letter(char ch)
{
	return (ctype[(unsigned char)ch] & CH_LETTER) != 0;
}

static bool
name_char(char ch)
{
	return (ctype[(unsigned char)ch] & CH_NAME) != 0;
}

static bool
blank_ch(char ch)
{
	return (ctype[(unsigned char)ch] & CH_BLANK) != 0;
}

static bool
control(char ch)
{
	return (ctype[(unsigned char)ch] & CH_CONTROL) != 0;
}

static int
tag_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct tagdef *)e)->name);
}

static int
str_cmp(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

static int
attr_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct attrdef *)e)->name);
}

static const struct nameinfo *
name_info(struct tb *b, const xmlChar *name)
{
	/* Names are packed in libxml2's dictionary: mix all the bits. */
	uint64_t h = (uint64_t)(uintptr_t)name * 0x9e3779b97f4a7c15u;
	struct nameinfo *e = &b->names[h >> 55];
	const xmlChar *local = name, *colon;
	const struct attrdef *a;

	if (e->key == name)
		return e;
	e->key = name;
	/* An element "o:p" is a "p" in libxml2's tree (xmlSplitQName()). */
	if (name[0] != ':' && (colon = xmlStrchr(name, ':')) != NULL &&
	    colon[1] != '\0')
		local = colon + 1;
	e->td = bsearch(local, tags, sizeof(tags) / sizeof(tags[0]),
	    sizeof(tags[0]), tag_cmp);
	e->pcdata = bsearch(local, pcdata, sizeof(pcdata) / sizeof(pcdata[0]),
	    sizeof(pcdata[0]), str_cmp) != NULL;
	e->inline5 = e->pcdata || xmlStrchr(local, '-') != NULL ||
	    bsearch(local, phrasing5, sizeof(phrasing5) / sizeof(phrasing5[0]),
	    sizeof(phrasing5[0]), str_cmp) != NULL;
	e->pcfull = local == name ? e->pcdata : bsearch(name, pcdata,
	    sizeof(pcdata) / sizeof(pcdata[0]), sizeof(pcdata[0]),
	    str_cmp) != NULL;
	a = bsearch(name, attrs + 1, A__MAX - 1, sizeof(attrs[0]), attr_cmp);
	e->attr = a != NULL ? (unsigned char)(a - attrs) : A_NONE;
	return e;
}

/* A new node, last child of parent (0: none); 0 when memory ran out. */
static uint32_t
node_add(struct tb *b, uint32_t parent, unsigned type)
{
	struct ap_htree *t = b->t;
	struct ap_hnode *n, *p;
	uint32_t k;

	if (!grow(b, &t->n, &t->capn, t->nn + 1, sizeof(*t->n)))
		return 0;
	k = (uint32_t)t->nn++;
	n = &t->n[k];
	memset(n, 0, sizeof(*n));
	n->type = (unsigned char)type;
	n->parent = parent;
	if (parent != 0) {
		p = &t->n[parent];
		if (p->last != 0) {
			t->n[p->last].next = k;
			n->prev = p->last;
		} else
			p->first = k;
		p->last = k;
	}
	return k;
}

static struct ap_hev *
event_add(struct tb *b, unsigned kind, uint32_t name, uint32_t value)
{
	struct ap_htree *t = b->t;
	struct ap_hev *e;

	if (!grow(b, &t->ev, &t->capev, t->nev + 1, sizeof(*t->ev)))
		return NULL;
	e = &t->ev[t->nev++];
	e->kind = kind;
	e->name = name;
	e->value = value;
	return e;
}

static uint32_t
val_add(struct tb *b, const xmlChar *v)
{
	const char *s = v != NULL ? (const char *)v : "";

	return str_add(b, s, strlen(s));
}

/* Start gathering the text of the element being skipped for event e. */
static void
collect(struct tb *b, unsigned kind)
{
	uint32_t from;

	if ((from = str_add(b, "", 0)) == 0 ||
	    event_add(b, kind, 0, 0) == NULL)
		return;
	b->collect = (uint32_t)b->t->nev;
	b->from = from;
}

static void
collect_end(struct tb *b)
{
	if (b->collect != 0 && !b->t->nomem)
		b->t->ev[b->collect - 1].value = b->from;
	b->collect = 0;
}

/* Head metadata of meta, link, base, title and script elements. */
static void
head_element(struct tb *b, unsigned tag, const xmlChar *const *av)
{
	static const unsigned char names[] = { A_PROPERTY, A_NAME,
	    A_ITEMPROP, A_HTTPEQUIV };
	const xmlChar *v;
	uint32_t value;
	size_t k;

	switch (tag) {
	case T_META:
		/* Some saved pages (Postlight fixtures) write value=. */
		if ((v = av[A_CONTENT]) == NULL && (v = av[A_VALUE]) == NULL)
			return;
		value = 0;
		for (k = 0; k < sizeof(names); k++) {
			if (av[names[k]] == NULL)
				continue;
			if (value == 0 && (value = val_add(b, v)) == 0)
				return;
			event_add(b, AP_HEV_META, val_add(b, av[names[k]]),
			    value);
		}
		break;
	case T_LINK:
		if (av[A_REL] != NULL && av[A_HREF] != NULL &&
		    strcasecmp((const char *)av[A_REL], "canonical") == 0)
			event_add(b, AP_HEV_CANONICAL, 0,
			    val_add(b, av[A_HREF]));
		break;
	case T_BASE:
		if (av[A_HREF] != NULL)
			event_add(b, AP_HEV_BASE, 0, val_add(b, av[A_HREF]));
		break;
	case T_TITLE:
		collect(b, AP_HEV_TITLE);
		break;
	case T_SCRIPT:
		if (av[A_TYPE] != NULL &&
		    strstr((const char *)av[A_TYPE], "ld+json") != NULL)
			collect(b, AP_HEV_JSONLD);
		break;
	default:
		break;
	}
}

/*
 * The URL of an image: a lazy-loading page puts the real one in data-src
 * or data-lazy-src and a placeholder (a data: URI, a blank GIF) in src;
 * then src, then the widest candidate of srcset ("a.jpg 480w, b.jpg
 * 960w").  0 when there is none.
 */
static uint32_t
image_src(struct tb *b, const xmlChar *const *av)
{
	const char *v, *p, *best = NULL;
	size_t n, bestn = 0;
	unsigned long w, bestw = 0;
	char *end;

	if ((v = (const char *)av[A_DATALAZYSRC]) != NULL && *v != '\0')
		return val_add(b, av[A_DATALAZYSRC]);
	if ((v = (const char *)av[A_DATASRC]) != NULL && *v != '\0')
		return val_add(b, av[A_DATASRC]);
	if ((v = (const char *)av[A_SRC]) != NULL && *v != '\0' &&
	    strncasecmp(v, "data:", 5) != 0)
		return val_add(b, av[A_SRC]);
	for (p = (const char *)av[A_SRCSET]; p != NULL && *p != '\0';) {
		while (*p == ' ' || *p == ',' || *p == '\n' || *p == '\t')
			p++;
		n = strcspn(p, " \t\n,");
		if (n == 0)
			break;
		v = p;
		p += n;
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		w = strtoul(p, &end, 10);
		if (end == p || (*end != 'w' && *end != 'x'))
			w = 0;
		if (best == NULL || w > bestw) {
			best = v;
			bestn = n;
			bestw = w;
		}
		p += strcspn(p, ",");
	}
	return best != NULL ? str_add(b, best, bestn) : 0;
}

/* An <img>'s URL and text; false when memory ran out. */
static bool
image(struct tb *b, struct ap_hel *e, const xmlChar *const *av)
{
	uint32_t k = image_src(b, av);

	if (b->t->nomem)
		return false;
	e->src = k;
	if (av[A_ALT] != NULL && (e->alt = val_add(b, av[A_ALT])) == 0)
		return false;
	return true;
}

/* 1 + the number of a React id "K:1a" (K the letter given), else 0. */
static uint32_t
streamed_id(const xmlChar *v, char k)
{
	uint32_t id = 0;
	size_t i;

	if (v == NULL || v[0] != k || v[1] != ':' || v[2] == '\0')
		return 0;
	for (i = 2; v[i] != '\0'; i++) {
		if (i > 8 || !isxdigit(v[i]))
			return 0;
		id = id * 16 + (uint32_t)(isdigit(v[i]) ? v[i] - '0' :
		    (v[i] | 0x20) - 'a' + 10);
	}
	return id + 1;
}

/*
 * An accordion's panel or a tab's (role "region", "tabpanel"): hidden
 * until the reader opens it, but the page's text all the same.
 */
static bool
disclosed(const xmlChar *role)
{
	return role != NULL &&
	    (xmlStrcasecmp(role, (const xmlChar *)"region") == 0 ||
	    xmlStrcasecmp(role, (const xmlChar *)"tabpanel") == 0);
}

/* Whether node k, hidden with the id v, is a streamed segment (noted). */
static bool
segment_add(struct tb *b, uint32_t k, const xmlChar *v)
{
	uint32_t id = streamed_id(v, 'S');

	if (id == 0 || b->nseg == STREAMED_MAX)
		return false;
	b->seg[b->nseg].id = id;
	b->seg[b->nseg++].node = k;
	return true;
}

/* An element kept: its cues, weight, hidden state and attributes.
 * Returns its node, or 0 when memory ran out. */
static uint32_t
element(struct tb *b, uint32_t parent, const struct tagdef *td,
    const xmlChar *const *av)
{
	struct ap_htree *t = b->t;
	struct ap_hel *e;
	const char *v;
	unsigned bits;
	uint32_t k;
	int w = 0;

	if ((k = node_add(b, parent, AP_HN_ELEM)) == 0 ||
	    !grow(b, &t->el, &t->capel, t->nel + 1, sizeof(*t->el)))
		return 0;
	t->n[k].x = (uint32_t)t->nel;
	e = &t->el[t->nel++];
	memset(e, 0, sizeof(*e));
	e->node = k;
	e->tag = td != NULL ? td->tag : T_OTHER;
	e->kind = td != NULL ? td->kind : 0;
	e->base = td != NULL ? td->base : 0;
	if (t->root == 0 && parent == 0)
		t->root = k;
	if ((v = (const char *)av[A_CLASS]) != NULL) {
		if ((e->cls = intern(b, v, &bits)) == 0)
			return 0;
		e->cues |= bits;
		w += (bits & C_NEG ? -25 : 0) +
		    (bits & (C_POS | C_BODY) ? 25 : 0);
	}
	/* Ids of headings and paragraphs are anchors made from their text
	 * ("comment-on-garde-le-lien"), not cues. */
	if ((v = (const char *)av[A_ID]) != NULL) {
		if (e->tag == T_P || (e->kind & TK_HEADING)) {
			if ((e->id = intern(b, v, NULL)) == 0)
				return 0;
		} else {
			if ((e->id = intern(b, v, &bits)) == 0)
				return 0;
			bits &= ~C_HIDDEN;
			e->cues |= bits;
			w += (bits & C_NEG ? -25 : 0) +
			    (bits & (C_POS | C_BODY) ? 25 : 0);
		}
	}
	if ((v = (const char *)av[A_ITEMPROP]) != NULL) {
		if ((e->iprop = intern(b, v, &bits)) == 0)
			return 0;
		bits &= ~C_HIDDEN;
		e->cues |= bits;
		if (bits & C_BODY)
			w += 50;
		if (strcasecmp(v, "datePublished") == 0 ||
		    strcasecmp(v, "dateCreated") == 0)
			e->idate = AP_HI_PUBLISHED;
		else if (strcasecmp(v, "dateModified") == 0)
			e->idate = AP_HI_MODIFIED;
	}
	if ((v = (const char *)av[A_REL]) != NULL &&
	    strstr(v, "author") != NULL)
		e->cues |= C_BYLINE | (e->tag == T_A ? C_AUTHORLINK : 0);
	if ((v = (const char *)av[A_ROLE]) != NULL) {
		if ((e->role = intern(b, v, NULL)) == 0)
			return 0;
		if (strcmp(v, "navigation") == 0 || strcmp(v, "banner") == 0 ||
		    strcmp(v, "contentinfo") == 0 ||
		    strcmp(v, "complementary") == 0 || strcmp(v, "menu") == 0) {
			e->cues |= C_NAV;
			w -= 25;
		} else if (strcmp(v, "main") == 0 || strcmp(v, "article") == 0)
			w += 25;
	}
	e->weight = w;
	if (e->tag == T_A && av[A_HREF] != NULL &&
	    (e->href = val_add(b, av[A_HREF])) == 0)
		return 0;
	if ((e->tag == T_TIME || e->iprop != 0) && av[A_DATETIME] != NULL &&
	    (e->datetime = val_add(b, av[A_DATETIME])) == 0)
		return 0;
	if (e->iprop != 0 && av[A_CONTENT] != NULL &&
	    (e->content = val_add(b, av[A_CONTENT])) == 0)
		return 0;
	if (e->tag == T_IMG && !image(b, e, av))
		return 0;
	if (e->tag == T_HTML && ((v = (const char *)av[A_LANG]) != NULL ||
	    (v = (const char *)av[A_XMLLANG]) != NULL))
		event_add(b, AP_HEV_LANG, 0, str_add(b, v, strlen(v)));
	if (av[A_HIDDEN] != NULL && segment_add(b, k, av[A_ID]))
		e->hidden = 0;	/* read, to be moved in place */
	else if (disclosed(av[A_ROLE]))
		e->hidden = 0;
	else if (e->tag != T_HTML && e->tag != T_BODY &&
	    (av[A_HIDDEN] != NULL ||
	    (av[A_ARIAHIDDEN] != NULL &&
	    strcasecmp((const char *)av[A_ARIAHIDDEN], "true") == 0) ||
	    (av[A_STYLE] != NULL && style_hidden((const char *)av[A_STYLE]))))
		e->hidden = 1;
	else if (e->tag != T_HTML && e->tag != T_BODY &&
	    (e->cues & C_HIDDEN) && !b->showclass) {
		e->hidden = 1;
		b->hidclass = true;	/* its text is counted (sax_chars) */
	}
	if (e->hidden)
		b->skip = 1;	/* a leaf: nothing below is read */
	else
		b->cur = k;
	return k;
}

/* Streamed boundaries ----------------------------------------------- */

/* "<!--$-->", "<!--$?-->" (pending) or "<!--$!-->" in the current node. */
static void
boundary_open(struct tb *b, bool pending)
{
	struct boundary *d;

	if (b->nopen == STREAMED_MAX || b->nbd == STREAMED_MAX) {
		if (b->nopen < STREAMED_MAX)
			b->open[b->nopen++] = SIZE_MAX;
		return;
	}
	d = &b->bd[b->nbd];
	memset(d, 0, sizeof(*d));
	d->parent = b->cur;
	d->after = b->t->n[b->cur].last;
	d->pending = pending;
	b->open[b->nopen++] = b->nbd++;
}

/* "<!--/$-->": the innermost boundary ends, where it began or nowhere. */
static void
boundary_close(struct tb *b)
{
	struct boundary *d;
	size_t i;

	if (b->nopen == 0 || (i = b->open[--b->nopen]) == SIZE_MAX)
		return;
	d = &b->bd[i];
	if (b->cur == d->parent) {
		d->end = b->t->n[d->parent].last;
		d->closed = true;
	}
}

/*
 * A template "B:1": it names the pending boundary just opened or, where
 * a page was saved without its comments, stands alone before its
 * fallback, the node after it.
 */
static void
boundary_name(struct tb *b, const xmlChar *id)
{
	struct boundary *d;
	uint32_t n = streamed_id(id, 'B'), p = streamed_id(id, 'P');
	size_t i;

	if ((n == 0 && p == 0) || b->cur == 0)
		return;
	if (n != 0 && b->nopen > 0 &&
	    (i = b->open[b->nopen - 1]) != SIZE_MAX) {
		d = &b->bd[i];
		if (d->pending && d->id == 0 && d->parent == b->cur) {
			d->id = n;
			return;
		}
	}
	if (b->nbd == STREAMED_MAX)
		return;
	d = &b->bd[b->nbd++];
	memset(d, 0, sizeof(*d));
	d->parent = b->cur;
	d->after = b->t->n[b->cur].last;
	d->id = n != 0 ? n : p;
	d->pending = d->closed = true;
	d->bare = n != 0;
	d->place = p != 0;
}

/* Node k out of its parent's children. */
static void
unlink_node(struct ap_htree *t, uint32_t k)
{
	struct ap_hnode *n = &t->n[k], *p = &t->n[n->parent];

	if (n->prev != 0)
		t->n[n->prev].next = n->next;
	else
		p->first = n->next;
	if (n->next != 0)
		t->n[n->next].prev = n->prev;
	else
		p->last = n->prev;
	n->parent = n->prev = n->next = 0;
}

/* Node k into parent's children, after node "after" (0: first). */
static void
link_after(struct ap_htree *t, uint32_t parent, uint32_t after, uint32_t k)
{
	struct ap_hnode *n = &t->n[k], *p = &t->n[parent];

	n->parent = parent;
	n->prev = after;
	n->next = after != 0 ? t->n[after].next : p->first;
	if (n->next != 0)
		t->n[n->next].prev = k;
	else
		p->last = k;
	if (after != 0)
		t->n[after].next = k;
	else
		p->first = k;
}

/* Whether node k is seg or inside it. */
static bool
within(const struct ap_htree *t, uint32_t k, uint32_t seg)
{
	for (; k != 0; k = t->n[k].parent)
		if (k == seg)
			return true;
	return false;
}

/* The segment of id, or 0. */
static uint32_t
segment_of(const struct tb *b, uint32_t id)
{
	size_t i;

	for (i = 0; i < b->nseg; i++)
		if (b->seg[i].id == id)
			return b->seg[i].node;
	return 0;
}

/* The child of parent just after node "after" (0: its first child). */
static uint32_t
child_after(const struct ap_htree *t, uint32_t parent, uint32_t after)
{
	return after != 0 ? t->n[after].next : t->n[parent].first;
}

/* Whether the fallback, parent's children after d->after up to d->end,
 * is still whole. */
static bool
fallback_whole(const struct ap_htree *t, const struct boundary *d)
{
	uint32_t k;

	if (d->end == 0 || t->n[d->end].parent != d->parent)
		return false;
	for (k = child_after(t, d->parent, d->after); k != 0;
	    k = t->n[k].next)
		if (k == d->end)
			return true;
	return false;
}

/* Each pending boundary's fallback replaced by its segment's children,
 * as React's script does once the segment arrives; the last first, as
 * segments come last and fill the places in those before them. */
static void
splice_streamed(struct tb *b)
{
	struct ap_htree *t = b->t;
	struct boundary *d;
	uint32_t seg, k, at;
	size_t i;

	for (i = b->nbd; i-- > 0;) {
		d = &b->bd[i];
		if (!d->pending || !d->closed || d->id == 0 ||
		    (seg = segment_of(b, d->id)) == 0 ||
		    t->n[seg].first == 0 || within(t, d->parent, seg) ||
		    (d->after != 0 && t->n[d->after].parent != d->parent))
			continue;
		if (d->bare)
			d->end = child_after(t, d->parent, d->after);
		if (!d->place && !fallback_whole(t, d))
			continue;
		while (!d->place) {
			k = child_after(t, d->parent, d->after);
			unlink_node(t, k);
			if (k == d->end)
				break;
		}
		for (at = d->after; (k = t->n[seg].first) != 0; at = k) {
			unlink_node(t, k);
			link_after(t, d->parent, at, k);
		}
	}
}

/* SAX callbacks ------------------------------------------------------ */

#define BUILDER(ctx)	((struct tb *)((htmlParserCtxtPtr)(ctx))->_private)

/* The offset in the text parsed of the character libxml2 is at. */
static size_t
offset(htmlParserCtxtPtr ctxt)
{
	return (size_t)ctxt->input->consumed +
	    (size_t)(ctxt->input->cur - ctxt->input->base);
}

/*
 * A start tag reported while reading the reduced copy: the next tag the
 * copy changed must come ending where it ends, with its name and the
 * attributes libxml2 was left to read, and without junk read as an
 * attribute name inside it; raw text left out must follow a start tag
 * that ends with '>'.  Any mismatch stops the parser, and the page is
 * parsed again as it is.  Returns the changed tag this one is, if it is.
 */
static const struct expect *
expect_check(struct tb *b, htmlParserCtxtPtr ctxt, const xmlChar *name,
    const xmlChar **atts)
{
	const struct expect *x = &b->exp[b->nextexp];
	const struct kattr *k;
	size_t off = offset(ctxt), i, j, n;

	if (off < x->off)
		return NULL;
	if (off > x->off)
		goto fail;	/* passed over */
	if (xmlStrlen(name) != (int)x->nl ||
	    strncasecmp((const char *)name, x->name, x->nl) != 0)
		return NULL;	/* an implied element, then the tag */
	if (x->raw && *ctxt->input->cur != '>')
		goto fail;
	if (!x->tag) {
		b->nextexp++;	/* its attributes as written */
		return NULL;
	}
	if (b->errat >= x->start && b->errat <= off)
		goto fail;
	for (n = 0; atts != NULL && atts[n] != NULL; n += 2)
		continue;
	if (n / 2 != x->na)
		goto fail;
	for (i = 0, j = x->a0; i < x->na; i++, j++) {
		while (b->kept[j].side)
			j++;
		k = &b->kept[j];
		if (xmlStrlen(atts[2 * i]) != (int)k->nl ||
		    strncasecmp((const char *)atts[2 * i], k->name,
		    k->nl) != 0 || atts[2 * i + 1] == NULL)
			goto fail;
	}
	b->nextexp++;
	return x;
fail:
	b->mismatch = true;
	xmlStopParser(ctxt);
	return NULL;
}

/* The attributes the tree reads of a start tag, by enum attr: from
 * libxml2, or from the reduced copy's tag x when it is one. */
static void
tag_attrs(struct tb *b, const struct expect *x, const xmlChar **atts,
    const xmlChar **av)
{
	const struct kattr *k;
	size_t i, j = 1;

	memset(av, 0, A__MAX * sizeof(*av));
	if (x != NULL) {
		/* kept is NULL when no tag kept an attribute. */
		for (i = 0; i < x->nk; i++) {
			k = &b->kept[x->a0 + i];
			if (!k->side) {
				av[k->id] = atts[j];
				j += 2;
			} else
				av[k->id] = k->val != NULL ?
				    (const xmlChar *)k->val :
				    (const xmlChar *)"";
		}
		return;
	}
	for (i = 0; atts != NULL && atts[i] != NULL; i += 2) {
		unsigned id = name_info(b, atts[i])->attr;

		if (id != A_NONE && av[id] == NULL)
			av[id] = atts[i + 1] != NULL ? atts[i + 1] :
			    (const xmlChar *)"";
	}
}

static void
sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct tb *b = BUILDER(ctx);
	struct ap_htree *t = b->t;
	const xmlChar *av[A__MAX];
	const struct nameinfo *ni;
	const struct tagdef *td;
	const struct expect *x = NULL;
	uint32_t parent, k;
	unsigned tag;
	bool top = false;

	if (t->nomem || name == NULL)
		return;
	if (b->nextexp < b->nexp) {
		x = expect_check(b, ctx, name, atts);
		if (b->mismatch)
			return;
	}
	b->merge = false;
	b->lastkind = LK_NONE;
	if (b->skip > 0) {
		b->skip++;
		return;
	}
	if (b->cur != 0)
		parent = b->cur;
	else if (!b->rooted) {
		/* The root element. */
		b->rooted = true;
		if (b->docfirst == DF_NONE)
			b->docfirst = DF_ELEM;
		parent = 0;
	} else if (t->root != 0) {
		/*
		 * After the root closed: libxml2 makes it the root's last
		 * child, but closing it goes back to the document.  When a
		 * doctype or comment came first, libxml2 makes it a sibling
		 * of the root instead; a browser shows it in the body all
		 * the same, and pages saved with their article after
		 * "</html>" exist, so it is read as the root's child too.
		 */
		parent = t->root;
		top = true;
	} else {
		b->skip = 1;
		return;
	}
	ni = name_info(b, name);
	td = ni->td;
	tag = td != NULL ? td->tag : T_OTHER;
	tag_attrs(b, x, atts, av);
	if (tag == T_META || tag == T_LINK || tag == T_BASE ||
	    tag == T_TITLE || tag == T_SCRIPT)
		head_element(b, tag, av);
	if (tag == T_HEAD) {
		if ((k = node_add(b, parent, AP_HN_HEAD)) != 0) {
			t->n[k].top = top;
			b->cur = k;
			if (parent == 0 && t->root == 0)
				t->root = k;
		}
		return;
	}
	if (td != NULL && (td->kind & TK_SKIP)) {
		if (av[A_ID] != NULL &&
		    xmlStrcasecmp(name, (const xmlChar *)"template") == 0)
			boundary_name(b, av[A_ID]);
		b->skip = 1;
		return;
	}
	if ((k = element(b, parent, td, av)) != 0 && top)
		t->n[k].top = 1;
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	struct tb *b = BUILDER(ctx);
	struct ap_hnode *n;

	if (b->t->nomem)
		return;
	b->merge = false;
	b->lastkind = name != NULL && name_info(b, name)->inline5 ?
	    LK_PCDATA : LK_OTHER;
	if (b->skip > 0) {
		if (--b->skip == 0) {
			collect_end(b);
			b->hidclass = false;
		}
		return;
	}
	if (b->cur == 0)
		return;
	n = &b->t->n[b->cur];
	b->cur = n->top ? 0 : n->parent;
}

static bool
blank(const xmlChar *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r')
			return false;
	return true;
}

/*
 * Whether libxml2's DOM builder would have dropped the white space s it
 * could not tell apart without a tree (areBlanks() reaches its tree test
 * only for character data followed by a tag); unlike it, white space
 * after an HTML5 inline element is kept.
 */
static bool
drop_blank(struct tb *b, htmlParserCtxtPtr ctxt)
{
	const xmlChar *cur = ctxt->input->cur, *k;

	if (*cur != '<' || cur == ctxt->input->base || ctxt->name == NULL)
		return false;
	/* Not character data (which may end with control characters
	 * libxml2 skipped) but a character reference: always kept. */
	for (k = cur - 1; k > ctxt->input->base && control((char)*k); k--)
		continue;
	if (!blank_ch((char)*k))
		return false;
	if (b->strict && strcmp((const char *)ctxt->name, "body") == 0)
		return true;
	switch (b->lastkind) {
	case LK_NONE:
		return !name_info(b, ctxt->name)->pcfull;
	case LK_TEXT:
	case LK_PCDATA:
		return false;
	default:
		return true;
	}
}

static void
sax_chars(void *ctx, const xmlChar *ch, int len)
{
	struct tb *b = BUILDER(ctx);
	struct ap_htree *t = b->t;
	struct ap_hnode *n;
	uint32_t k, off;

	if (t->nomem || len <= 0)
		return;
	if (blank(ch, len) && drop_blank(b, ctx))
		return;
	if (b->skip > 0) {
		if (b->hidclass)
			b->hidchars += (size_t)len;
		if (b->skip == 1 && b->collect != 0)
			str_extend(b, (const char *)ch, (size_t)len);
	} else if (b->cur == 0) {
		return;		/* outside the root: dropped */
	} else if (t->n[b->cur].type == AP_HN_ELEM) {
		b->keptchars += (size_t)len;
		if (b->merge && b->lasttext != 0) {
			n = &t->n[b->lasttext];
			if (n->x + n->len + 1 != t->ns) {
				/* Not last in the buffer (never seen). */
				if ((off = str_add(b, t->s + n->x,
				    n->len)) == 0)
					return;
				n = &t->n[b->lasttext];
				n->x = off;
			}
			if (!str_extend(b, (const char *)ch, (size_t)len))
				return;
			n->len += (uint32_t)len;
		} else {
			if ((off = str_add(b, (const char *)ch,
			    (size_t)len)) == 0 ||
			    (k = node_add(b, b->cur, AP_HN_TEXT)) == 0)
				return;
			n = &t->n[k];
			n->x = off;
			n->len = (uint32_t)len;
			n->line = (uint32_t)((htmlParserCtxtPtr)ctx)->input->line;
			b->lasttext = k;
		}
	}
	b->merge = true;
	b->lastkind = LK_TEXT;
}

static void
sax_cdata(void *ctx, const xmlChar *ch, int len)
{
	struct tb *b = BUILDER(ctx);

	if (b->t->nomem)
		return;
	if (b->skip == 1 && b->collect != 0 && len > 0)
		str_extend(b, (const char *)ch, (size_t)len);
	b->merge = false;
	b->lastkind = LK_OTHER;
}

static void
sax_comment(void *ctx, const xmlChar *value)
{
	struct tb *b = BUILDER(ctx);

	if (value != NULL && value[0] == '$' && b->skip == 0 && b->cur != 0)
		boundary_open(b, value[1] == '?');
	else if (value != NULL && strcmp((const char *)value, "/$") == 0 &&
	    b->skip == 0)
		boundary_close(b);
	b->merge = false;
	if (b->cur == 0 && b->skip == 0 && b->docfirst == DF_NONE)
		b->docfirst = DF_OTHER;
}

static void
sax_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	struct tb *b = BUILDER(ctx);

	(void)data;
	b->merge = false;
	b->lastkind = target != NULL && bsearch(target, pcdata,
	    sizeof(pcdata) / sizeof(pcdata[0]), sizeof(pcdata[0]),
	    str_cmp) != NULL ? LK_PCDATA : LK_OTHER;
	if (b->cur == 0 && b->skip == 0 && b->docfirst == DF_NONE)
		b->docfirst = DF_OTHER;
}

static void
sax_dtd(void *ctx, const xmlChar *name, const xmlChar *ext,
    const xmlChar *sys)
{
	struct tb *b = BUILDER(ctx);

	(void)name;
	(void)sys;
	if (b->dtd)
		return;		/* an HTML document keeps the first */
	b->dtd = true;
	b->docfirst = DF_OTHER;	/* always inserted first */
	b->strict = ext != NULL &&
	    (xmlStrcasecmp(ext, BAD_CAST "-//W3C//DTD HTML 4.01//EN") == 0 ||
	    xmlStrcasecmp(ext, BAD_CAST "-//W3C//DTD HTML 4//EN") == 0);
}

static void
sax_blanks(void *ctx, const xmlChar *ch, int len)
{
	(void)ctx;
	(void)ch;
	(void)len;
}

/*
 * Errors go nowhere, but where junk was read as an attribute name: a name
 * required where there is none, and not that of a reference ("& "), which
 * libxml2 reports with the same code just past the '&'.
 */
static void
sax_error(void *ctx, xmlErrorPtr err)
{
	htmlParserCtxtPtr ctxt = ctx;
	struct tb *b;

	if (ctxt == NULL || err == NULL || err->code != XML_ERR_NAME_REQUIRED ||
	    (b = ctxt->_private) == NULL || ctxt->input == NULL)
		return;
	if (ctxt->input->cur > ctxt->input->base &&
	    ctxt->input->cur[-1] == '&')
		return;
	b->errat = offset(ctxt);
}

/* The reduced copy ----------------------------------------------------- */

/*
 * Scripts and style sheets are a third of a news page's bytes, and the
 * attributes the tree never reads (src, srcset, data-*, on*, width...)
 * most of the rest of its markup: libxml2 reads them all a character at a
 * time.  It is given a copy of the page in which the raw text of each
 * <script> and <style> element is replaced by its line breaks (or one
 * space), as is the content of each <noscript> (markup the tree skips;
 * read by a browser that runs scripts as text, so that an unclosed
 * "<noscript><div></noscript>" does not swallow the page, as it does in
 * libxml2), and start tags lose their attributes but those the tree reads
 * whose values hold a character reference of a form put_side() does not
 * decode (the tree takes the others it reads from the scan, and those
 * left out leave their line breaks), so that it reads the same elements,
 * text, attributes and line numbers, only faster.  An <svg> or <math>
 * of unknown elements only is given empty (foreign_end()), and blanks
 * between tags shortened (put_gap()).
 *
 * The copy comes from a scan that follows libxml2's own reading of
 * markup (comments, doctype, processing instructions, end tags, start
 * tags attribute by attribute, raw text).  Each start tag it changed must
 * then be reported by libxml2 ending at the same place, with the same name
 * and the attributes left to it, and with no junk read as an attribute
 * inside it (expect_check()); otherwise the page is parsed again as it
 * is.  Raw text that starts with '<', JSON scripts and the tags html, head
 * and body are kept as they are; the scan stops changing anything at the
 * first construct it does not follow (a control character in a tag or in
 * raw text, a tag at the start of raw text or one that may end it, a tag
 * or a quoted value that runs to the end).
 */

/* First room in the copy's tables, from the page's length: news pages
 * have a tag with attributes every 150 bytes or so, values a tenth of
 * their bytes. */
#define RESERVE_TAG	256
#define RESERVE_VALUE	16

/* An attribute as htmlParseStartTag() reads it. */
struct satt {
	const char	*ws;		/* the blanks before it */
	const char	*name, *nend;	/* NULL for junk */
	const char	*val, *vend;	/* NULL when it has no value */
	const char	*end;		/* past its last byte */
	unsigned char	 id;		/* enum attr: A_NONE unless read */
	bool		 amp;		/* its value has an '&' */
};

struct stag {
	const char	*name, *nend;
	const char	*tail;		/* the blanks before the end */
	const char	*end;		/* '>' or the '/' of "/>" */
	struct satt	*a;
	size_t		 na, capa;
	bool		 plain;		/* no junk, no truncated name */
	bool		 lines;		/* it has line breaks */
};

struct reduced {
	struct ap_arena	*arena;
	size_t		 n;		/* the page's length */
	char		*o;		/* the copy */
	size_t		 on, ocap;
	struct expect	*x;
	size_t		 nx, capx;
	struct kattr	*k;
	size_t		 nk, capk;
	char		*v;		/* side values, each NUL-ended */
	size_t		 vn, vcap;
};

/* Whether p[0..n) starts with the lower-case ASCII word w, in any case. */
static bool
starts_ci(const char *p, size_t n, const char *w)
{
	size_t i;

	for (i = 0; w[i] != '\0'; i++)
		if (i >= n || (p[i] | 0x20) != w[i])
			return false;
	return true;
}

/* Whether p[0..n) is the lower-case ASCII word w, in any case. */
static bool
equals_ci(const char *p, size_t n, const char *w)
{
	return strlen(w) == n && starts_ci(p, n, w);
}

/* The end of a name as htmlParseHTMLName() reads it: 100 bytes at most. */
static const char *
hname_end(const char *p, const char *e)
{
	const char *s = p;

	while (p < e && p - s < 100 && name_char(*p))
		p++;
	return p;
}

/* The first c in p[0..e): markup has them close together, where a loop
 * beats a call to memchr. */
static const char *
find(const char *p, const char *e, char c)
{
	const char *s = p + 16 < e ? p + 16 : e;

	for (; p < s; p++)
		if (*p == c)
			return p;
	return p < e ? memchr(p, c, (size_t)(e - p)) : NULL;
}

static bool
tag_ends(const char *q, const char *e)
{
	return *q == '>' || (*q == '/' && q + 1 < e && q[1] == '>');
}

/* The attribute n[0..nl) as the tree reads it (see attrs[]), in any
 * case; A_NONE when it does not.  Called for every attribute of the page:
 * the length rules out most names before a comparison. */
static unsigned char
attr_read(const char *n, size_t nl)
{
	unsigned char i;
	size_t k;

	/* Name characters (hname_end()) are letters, digits and "-_:.",
	 * of which | 0x20 turns only the capitals into other ones. */
	for (i = 1; i < A__MAX; i++) {
		if (attrs[i].len != nl)
			continue;
		for (k = 0; k < nl && (n[k] | 0x20) == attrs[i].name[k]; k++)
			continue;
		if (k == nl)
			return i;
	}
	return A_NONE;
}

/*
 * The start tag at p ('<' and a letter) read as htmlParseStartTag() does:
 * attributes with or without values, quoted or not, junk up to a blank.
 * False when it runs into the end of the text or a control character.
 */
static bool
scan_tag(struct ap_arena *a, const char *p, const char *e, struct stag *t)
{
	const char *q, *r, *ws;
	struct satt *at;

	t->na = 0;
	t->name = p + 1;
	t->nend = q = hname_end(p + 1, e);
	t->plain = q - t->name < 100;
	for (;;) {
		for (ws = q; q < e && blank_ch(*q); q++)
			continue;
		if (q >= e || control(*q))
			return false;
		if (tag_ends(q, e)) {
			t->tail = ws;
			t->end = q;
			t->lines = memchr(p, '\n', (size_t)(q - p)) != NULL;
			return true;
		}
		if (t->na == t->capa) {
			t->capa = t->capa ? t->capa * 2 : 16;
			t->a = ap_big_realloc(a, t->a,
			    t->capa * sizeof(*t->a));
		}
		at = &t->a[t->na++];
		memset(at, 0, sizeof(*at));
		at->ws = ws;
		if (!letter(*q) && *q != '_' && *q != ':' && *q != '.') {
			/* Junk, up to a blank or the end of the tag. */
			t->plain = false;
			for (; q < e && !blank_ch(*q) && !tag_ends(q, e); q++)
				if (control(*q))
					return false;
			at->end = q;
			continue;
		}
		at->name = q;
		at->nend = q = hname_end(q, e);
		if (q - at->name >= 100)
			t->plain = false;
		at->id = attr_read(at->name, (size_t)(q - at->name));
		for (r = q; r < e && blank_ch(*r); r++)
			continue;
		if (r < e && *r == '=') {
			for (r++; r < e && blank_ch(*r); r++)
				continue;
			if (r < e && (*r == '"' || *r == '\'')) {
				at->val = r + 1;
				if ((r = find(r + 1, e, *r)) == NULL)
					return false;
				at->vend = r;
				q = r + 1;
			} else {
				for (at->val = r; r < e && !blank_ch(*r) &&
				    *r != '>'; r++)
					continue;
				at->vend = q = r;
			}
			at->amp = at->id != A_NONE &&
			    find(at->val, at->vend, '&') != NULL;
		}
		at->end = q;
	}
}

static void
out_put(struct reduced *r, const char *p, size_t n)
{
	size_t cap;

	if (r->ocap - r->on < n + 1) {
		/* The copy is rarely longer than the page. */
		cap = r->ocap == 0 ? r->n + 64 : r->ocap + r->ocap / 2 + n + 64;
		r->o = ap_big_realloc(r->arena, r->o, cap);
		r->ocap = cap;
	}
	memcpy(r->o + r->on, p, n);
	r->on += n;
}

/* The line breaks of p[0..n) (if lines), or one space when it has none. */
static void
out_breaks(struct reduced *r, const char *p, size_t n, bool lines,
    bool space)
{
	const char *q;
	size_t nl = 0;

	for (q = p; lines && (q = find(q, p + n, '\n')) != NULL; q++)
		nl++;
	if (nl == 0 && space)
		out_put(r, " ", 1);
	for (; nl > 0; nl--)
		out_put(r, "\n", 1);
}

static struct expect *
expect_add(struct reduced *r, const char *name, size_t nl)
{
	struct expect *x;

	if (r->nx == r->capx) {
		r->capx = r->capx ? r->capx * 2 : r->n / RESERVE_TAG + 64;
		r->x = ap_big_realloc(r->arena, r->x, r->capx * sizeof(*r->x));
	}
	x = &r->x[r->nx++];
	memset(x, 0, sizeof(*x));
	x->name = name;
	x->nl = nl;
	x->a0 = r->nk;
	return x;
}

/* Whether libxml2 reads the code point c as a character (IS_CHAR). */
static bool
xml_char(uint32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	    (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * The character reference at p[0..n) ('&' first) as htmlParseHTMLAttribute()
 * decodes it in a value, into out: its length in p, 0 unless it has one of
 * the plain forms "&#N;", "&#xH;" of a character, or "&name" (an entity
 * libxml2 knows when ';' follows, itself otherwise), or is a lone '&'.
 */
static size_t
ref_decode(const char *p, size_t n, char *out, size_t *on)
{
	const htmlEntityDesc *ent;
	char name[16];
	uint32_t c = 0;
	size_t i = 1, base = 10, d;

	if (n > 1 && p[1] == '#') {
		i = 2;
		if (n > 2 && (p[2] == 'x' || p[2] == 'X')) {
			base = 16;
			i = 3;
		}
		for (d = i; i < n && i - d < 7; i++) {
			if (isdigit((unsigned char)p[i]))
				c = c * (uint32_t)base + (uint32_t)(p[i] - '0');
			else if (base == 16 && isxdigit((unsigned char)p[i]))
				c = c * 16 + (uint32_t)((p[i] | 0x20) - 'a' + 10);
			else
				break;
		}
		if (i == d || i == n || p[i] != ';' || !xml_char(c))
			return 0;
		*on += (size_t)utf8proc_encode_char((utf8proc_int32_t)c,
		    (utf8proc_uint8_t *)out + *on);
		return i + 1;
	}
	if (n == 1 || !(letter(p[1]) || p[1] == '_' || p[1] == ':')) {
		if (n > 1 && (unsigned char)p[1] >= 0x80)
			return 0;	/* a name libxml2 reads otherwise */
		out[(*on)++] = '&';
		return 1;
	}
	while (i < n && (isalnum((unsigned char)p[i]) || p[i] == '_' ||
	    p[i] == '-' || p[i] == ':' || p[i] == '.'))
		i++;
	if (i < n && (unsigned char)p[i] >= 0x80)
		return 0;
	if (i < n && p[i] == ';' && i - 1 < sizeof(name)) {
		memcpy(name, p + 1, i - 1);
		name[i - 1] = '\0';
		if ((ent = htmlEntityLookup((const xmlChar *)name)) != NULL) {
			*on += (size_t)utf8proc_encode_char(
			    (utf8proc_int32_t)ent->value,
			    (utf8proc_uint8_t *)out + *on);
			return i + 1;
		}
	}
	memcpy(out + *on, p, i);	/* "&name", then what follows */
	*on += i;
	return i;
}

/*
 * Keep the attribute at's value aside, NUL-ended, in k, its references
 * decoded as libxml2 does; false when one is not of a plain form.
 */
static bool
put_side(struct reduced *r, const struct satt *at, struct kattr *k)
{
	const char *p, *e;
	size_t cap, on, used;
	char *out;

	k->side = true;
	if (at->val == NULL)
		return true;
	if (r->vcap - r->vn < k->vl + 1) {
		cap = r->vcap ? r->vcap + r->vcap / 2 + k->vl + 256 :
		    r->n / RESERVE_VALUE + k->vl + 256;
		r->v = ap_big_realloc(r->arena, r->v, cap);
		r->vcap = cap;
	}
	out = r->v + r->vn;
	if (!at->amp) {
		memcpy(out, at->val, k->vl);
		on = k->vl;
	} else {
		/* A reference never decodes to more bytes than it has. */
		for (p = at->val, e = at->vend, on = 0; p < e; p += used) {
			if (*p != '&') {
				out[on++] = *p;
				used = 1;
			} else if ((used = ref_decode(p, (size_t)(e - p), out,
			    &on)) == 0) {
				k->side = false;
				return false;
			}
		}
	}
	out[on] = '\0';
	k->vl = on;
	k->voff = r->vn;
	r->vn += on + 1;
	return true;
}

/* Point the side values at their copies, now that these stay put. */
static void
side_values(struct reduced *r)
{
	size_t i;

	for (i = 0; i < r->nk; i++)
		if (r->k[i].side && r->k[i].val != NULL)
			r->k[i].val = r->v + r->k[i].voff;
}

/* In place of the attribute at of t: its line breaks, or a blank at
 * least, so that an unquoted value kept before it does not run into what
 * follows ("/>"). */
static void
put_left_out(struct reduced *r, const struct stag *t, const struct satt *at)
{
	out_breaks(r, at->ws, (size_t)(at->end - at->ws), t->lines, true);
}

/* Copy the start tag t (from p) without the attributes the tree does not
 * read, those it reads kept aside with their references decoded, but for
 * a reference of another form (left to libxml2), and expect libxml2 to
 * report it so. */
static void
put_tag(struct reduced *r, const char *p, const struct stag *t)
{
	const struct satt *at;
	struct expect *x;
	struct kattr *k;
	size_t i, j;

	x = expect_add(r, t->name, (size_t)(t->nend - t->name));
	x->tag = true;
	x->start = r->on;
	out_put(r, p, (size_t)(t->nend - p));
	for (i = 0; i < t->na; i++) {
		at = &t->a[i];
		/* libxml2 keeps the first of attributes of the same name. */
		for (j = x->a0; at->id != A_NONE && j < r->nk; j++)
			if (r->k[j].id == at->id)
				break;
		if (at->id == A_NONE || j < r->nk) {
			put_left_out(r, t, at);
			continue;
		}
		if (r->nk == r->capk) {
			r->capk = r->capk ? r->capk * 2 :
			    r->n / RESERVE_TAG + 64;
			r->k = ap_big_realloc(r->arena, r->k,
			    r->capk * sizeof(*r->k));
		}
		k = &r->k[r->nk++];
		memset(k, 0, sizeof(*k));
		k->name = at->name;
		k->nl = (size_t)(at->nend - at->name);
		k->id = at->id;
		k->val = at->val;
		k->vl = at->val != NULL ? (size_t)(at->vend - at->val) : 0;
		if (put_side(r, at, k)) {
			put_left_out(r, t, at);
			continue;
		}
		/* Left to libxml2 to decode. */
		if (at->ws == at->name)
			out_put(r, " ", 1);
		out_put(r, at->ws, (size_t)(at->end - at->ws));
		x->na++;
	}
	x->nk = r->nk - x->a0;
	out_put(r, t->tail, (size_t)(t->end - t->tail));
	x->off = r->on;
	out_put(r, t->end, *t->end == '/' ? 2 : 1);
}

/*
 * Where the raw text at p of the element "name" ends: at the first
 * "</name" in any case, as libxml2 reads it in recovery mode, or at the
 * end.  *odd tells whether libxml2 might read on otherwise: when that
 * "</name" is the end tag of another element ("</scripts"), or a '<'
 * follows a control character, where it stops reading raw text for a
 * moment and may see a tag.
 */
static const char *
raw_end(const char *p, const char *end, const char *name, bool *odd)
{
	const char *s = p, *q;

	*odd = false;
	for (; (p = find(p, end, '<')) != NULL; p++) {
		if (p > s && control(p[-1]))
			*odd = true;
		if (p + 1 < end && p[1] == '/' &&
		    starts_ci(p + 2, (size_t)(end - p - 2), name)) {
			q = p + 2 + strlen(name);
			if (q < end && name_char(*q))
				*odd = true;
			return p;
		}
	}
	return end;
}

/* The '>' that ends the comment at q ("<!--"): a "-->" after "<!--";
 * NULL when none does. */
static const char *
comment_end(const char *q, const char *end)
{
	const char *k;

	if (end - q < 7)
		return NULL;
	for (k = q + 6; (k = find(k, end, '>')) != NULL; k++)
		if (k[-1] == '-' && k[-2] == '-')
			return k;
	return NULL;
}

/* Whether libxml2 knows the element n[0..e) (htmlTagLookup()). */
static bool
html4_tag(const char *n, const char *e)
{
	char name[101];
	size_t i, len = (size_t)(e - n);

	if (len >= sizeof(name))
		return true;
	for (i = 0; i < len; i++)
		name[i] = (char)tolower((unsigned char)n[i]);
	name[len] = '\0';
	return htmlTagLookup((const xmlChar *)name) != NULL;
}

/*
 * An <svg> or <math> element (the tree skips both) is mostly markup
 * libxml2 does not know, each tag of it an error message it formats: the
 * '<' of the end tag that closes the one whose content starts at p, when
 * that content holds only elements libxml2 does not know (start and end
 * tags), text and comments, so that libxml2 would close them all at that
 * end tag and nothing outside it would change; NULL otherwise, and
 * *stop is where the scan gave up: an element of this kind that starts
 * before it is not tried again, so that nested ones cost linear time.
 */
static const char *
foreign_end(struct ap_arena *a, const char *p, const char *end,
    const char *name, struct stag *t, const char **stop)
{
	const char *q, *k, *ne;
	size_t depth = 1;

	*stop = end;
	while ((q = find(p, end, '<')) != NULL) {
		*stop = q;
		p = q + 1;
		if (p == end)
			return NULL;
		if (*p == '!') {
			if (end - p < 3 || p[1] != '-' || p[2] != '-' ||
			    (k = comment_end(q, end)) == NULL)
				return NULL;
			p = k + 1;
		} else if (*p == '/') {
			if (p + 1 == end || !letter(p[1]))
				return NULL;
			ne = hname_end(p + 1, end);
			for (k = ne; k < end && blank_ch(*k); k++)
				continue;
			if (k == end || *k != '>' || html4_tag(p + 1, ne))
				return NULL;
			if (equals_ci(p + 1, (size_t)(ne - p - 1), name) &&
			    --depth == 0)
				return q;
			p = k + 1;
		} else if (letter(*p)) {
			if (!scan_tag(a, q, end, t) || !t->plain ||
			    html4_tag(t->name, t->nend))
				return NULL;
			if (equals_ci(t->name, (size_t)(t->nend - t->name),
			    name) && *t->end != '/')
				depth++;
			p = t->end + (*t->end == '/' ? 2 : 1);
		} else if (*p == '?')
			return NULL;
	}
	return NULL;
}

/*
 * Blanks between two pieces of markup, mark[0..q): libxml2 reads them a
 * character at a time into a text node the tree drops or reads as a
 * space.  The copy keeps their line breaks, or one space, when they would
 * not fill libxml2's text buffer (GAP_MAX): a longer run is given to
 * SAX in parts, and a part followed by more blanks is not ignorable.
 */
#define GAP_MIN		4
#define GAP_MAX		1000	/* HTML_PARSER_BIG_BUFFER_SIZE */

static void
put_gap(struct reduced *r, const char **last, const char *mark,
    const char *q)
{
	const char *w;

	if (mark == NULL || mark < *last || q - mark < GAP_MIN ||
	    q - mark >= GAP_MAX)
		return;
	for (w = mark; w < q; w++)
		if (!blank_ch(*w))
			return;
	out_put(r, *last, (size_t)(mark - *last));
	out_breaks(r, mark, (size_t)(q - mark), true, true);
	*last = q;
}

/* The copy of s[0..n) libxml2 is given, in r; false when nothing in it
 * would change. */
static bool
reduce(struct tb *b, const char *s, size_t n, struct reduced *r)
{
	const char *p = s, *end = s + n, *q, *k, *c0, *c1, *last = s;
	const char *fe, *tried = s, *mark = NULL;
	struct stag t, inner;
	struct expect *x;
	size_t nl;
	bool odd, raw, ns, keep, spaced = false;

	memset(&t, 0, sizeof(t));
	memset(&inner, 0, sizeof(inner));
	memset(r, 0, sizeof(*r));
	r->arena = b->t->a;
	r->n = n;
	/* libxml2 reads a NUL in its own way (decoded text has none). */
	if (memchr(s, '\0', n) != NULL)
		return false;
	while ((q = find(p, end, '<')) != NULL) {
		p = q + 1;
		if (p == end)
			break;
		if (*p == '!') {
			if (end - p >= 3 && p[1] == '-' && p[2] == '-')
				k = comment_end(q, end);
			else if (starts_ci(p + 1, (size_t)(end - p - 1),
			    "doctype"))
				k = find(p, end, '>');
			else
				continue;	/* '<' as text */
			if (k == NULL)
				break;
			if (!spaced)
				put_gap(r, &last, mark, q);
			mark = p = k + 1;
			continue;
		}
		if (*p == '?') {
			/* A processing instruction ends at the first '>'. */
			if (p + 1 < end && (letter(p[1]) || p[1] == '_' ||
			    p[1] == ':')) {
				if ((k = find(p, end, '>')) == NULL)
					break;
				p = k + 1;
			} else if (p + 1 < end && (unsigned char)p[1] >= 0x80)
				break;
			continue;
		}
		if (*p == '/') {
			/* An end tag: up to the first '>'. */
			if (p + 1 < end && (letter(p[1]) || p[1] == '_' ||
			    p[1] == ':' || p[1] == '.')) {
				if ((k = find(p, end, '>')) == NULL)
					break;
				if (!spaced)
					put_gap(r, &last, mark, q);
				mark = p = k + 1;
			}
			continue;
		}
		if (!letter(*p))
			continue;	/* '<' as text */
		if (!scan_tag(b->t->a, q, end, &t))
			break;
		if (!spaced)
			put_gap(r, &last, mark, q);
		mark = p = t.end + (*t.end == '/' ? 2 : 1);
		nl = (size_t)(t.nend - t.name);
		/* Blanks count inside these: none is changed after one. */
		if (equals_ci(t.name, nl, "pre") ||
		    equals_ci(t.name, nl, "textarea") ||
		    equals_ci(t.name, nl, "listing") ||
		    equals_ci(t.name, nl, "xmp") ||
		    equals_ci(t.name, nl, "plaintext"))
			spaced = true;
		ns = equals_ci(t.name, nl, "noscript");
		raw = ns || equals_ci(t.name, nl, "script") ||
		    equals_ci(t.name, nl, "style");
		if (!raw) {
			/* A misplaced html, head or body is not reported
			 * (its attributes go to the first one's node). */
			if (!t.plain || equals_ci(t.name, nl, "html") ||
			    equals_ci(t.name, nl, "head") ||
			    equals_ci(t.name, nl, "body"))
				continue;
			fe = NULL;
			if (*t.end != '/' && p >= tried &&
			    (equals_ci(t.name, nl, "svg") ||
			    equals_ci(t.name, nl, "math")))
				fe = foreign_end(b->t->a, p, end,
				    equals_ci(t.name, nl, "svg") ? "svg" :
				    "math", &inner, &tried);
			if (fe == NULL && t.na == 0)
				continue;
			out_put(r, last, (size_t)(q - last));
			put_tag(r, q, &t);
			last = p;
			if (fe != NULL) {
				/* Its content: its line breaks. */
				out_breaks(r, p, (size_t)(fe - p), true, false);
				last = p = fe;
			}
			continue;
		}
		mark = NULL;	/* raw text, not blanks between tags */
		if (*t.end == '/') {
			if (t.plain && t.na > 0) {
				out_put(r, last, (size_t)(q - last));
				put_tag(r, q, &t);
				last = p;
			}
			continue;
		}
		c0 = t.end + 1;
		c1 = raw_end(c0, end, ns ? "noscript" :
		    equals_ci(t.name, nl, "script") ? "script" : "style",
		    &odd);
		p = c1;
		/* A tag right after the start tag, or after a control
		 * character, or the end tag of another element may close
		 * the element (or not): libxml2 may not read on as above. */
		if (odd)
			break;
		if (!ns && c1 > c0 && *c0 == '<' && c0 + 1 < end &&
		    (c0[1] == '/' || letter(c0[1])))
			break;
		/* Kept: no text, text that starts with '<', JSON. */
		for (k = q; k < t.end; k++)
			if ((*k | 0x20) == 'j' &&
			    starts_ci(k, (size_t)(t.end - k), "json"))
				break;
		keep = c1 == c0 || (!ns && *c0 == '<') || k < t.end;
		if (t.plain && t.na > 0) {
			out_put(r, last, (size_t)(q - last));
			put_tag(r, q, &t);
			x = &r->x[r->nx - 1];
			last = c0;
		} else if (!keep) {
			out_put(r, last, (size_t)(c0 - last));
			x = expect_add(r, t.name, nl);
			x->off = r->on - 1;
		} else
			continue;
		if (!keep) {
			x->raw = true;
			out_breaks(r, c0, (size_t)(c1 - c0), true, true);
			last = c1;
		}
	}
	ap_big_free(b->t->a, t.a);
	ap_big_free(b->t->a, inner.a);
	if (r->nx == 0) {
		ap_big_free(b->t->a, r->o);
		r->o = NULL;
		return false;
	}
	out_put(r, last, (size_t)(end - last));
	r->o[r->on] = '\0';
	side_values(r);
	return true;
}

/* Driver ------------------------------------------------------------- */

#define HIDDEN_MOST	2	/* hidden by a class : kept, to read again */

/* Empty the tree for a new parse; the arrays stay allocated. */
static void
reset(struct tb *b)
{
	struct ap_htree *t = b->t;

	t->s[0] = '\0';
	t->ns = 1;
	memset(&t->n[0], 0, sizeof(t->n[0]));
	t->nn = 1;
	t->nel = 0;
	t->nev = 0;
	if (t->intern != NULL)
		memset(t->intern, 0, t->capintern * sizeof(struct istr));
	t->nintern = 0;
	t->root = 0;
	b->cur = b->skip = b->collect = b->from = b->lasttext = 0;
	b->hidchars = b->keptchars = 0;
	b->merge = b->hidclass = false;
	b->lastkind = LK_NONE;
	b->docfirst = DF_NONE;
	b->rooted = b->dtd = b->strict = false;
	b->nextexp = 0;
	b->errat = SIZE_MAX;
	b->mismatch = false;
	memset(b->names, 0, sizeof(b->names));
	b->nbd = b->nopen = b->nseg = 0;
}

/*
 * The text is valid UTF-8 already.  Told so through a UTF-8 "converter",
 * as htmlReadMemory() does for an explicit "UTF-8", libxml2 before 2.11
 * copies it once more; its charset flag says the same without the copy.
 */
static void
read_as_utf8(htmlParserCtxtPtr ctxt)
{
#if LIBXML_VERSION < 21100
	ctxt->charset = XML_CHAR_ENCODING_UTF8;
#else
	xmlCharEncodingHandlerPtr utf8;

	if ((utf8 = xmlFindCharEncodingHandler("UTF-8")) != NULL)
		xmlSwitchToEncoding(ctxt, utf8);
#endif
}

/* One parse of text[0..len) into the tree. */
static void
run(struct tb *b, const char *text, size_t len)
{
	struct ap_htree *t = b->t;
	htmlParserCtxtPtr ctxt;
	struct ap_xml_errors errors;
	htmlSAXHandler *sax;

	reset(b);
	if ((ctxt = htmlCreateMemoryParserCtxt(text, (int)len)) == NULL)
		return;
	t->ctxt = ctxt;
	b->ctxt = ctxt;
	ap_xml_quiet(&errors);
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS |
	    HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
	sax = ctxt->sax;
	memset(sax, 0, sizeof(*sax));
	sax->internalSubset = sax_dtd;
	sax->startElement = sax_start;
	sax->endElement = sax_end;
	sax->characters = sax_chars;
	sax->cdataBlock = sax_cdata;
	sax->ignorableWhitespace = sax_blanks;
	sax->comment = sax_comment;
	sax->processingInstruction = sax_pi;
	sax->serror = sax_error;
	sax->initialized = XML_SAX2_MAGIC;
	ctxt->_private = b;
	read_as_utf8(ctxt);
	htmlParseDocument(ctxt);
	ap_xml_restore(&errors);
	htmlFreeParserCtxt(ctxt);
	t->ctxt = NULL;
	b->ctxt = NULL;
	collect_end(b);
	if (b->nextexp < b->nexp)
		b->mismatch = true;
}

void
ap_htree_parse(struct ap_arena *a, const char *text, size_t len,
    struct ap_htree *t)
{
	struct reduced r;
	struct tb *b;
	bool reduced;

	memset(t, 0, sizeof(*t));
	t->a = a;
	t->prev = a->cleanup;
	t->prev_arg = a->cleanup_arg;
	a->cleanup = release;
	a->cleanup_arg = t;
	b = ap_alloc(a, sizeof(*b));
	b->t = t;
	if (len > INT32_MAX)
		len = INT32_MAX;
	/* Offset 0 of each array means "none". */
	if (!grow(b, &t->s, &t->caps, len / 2 + 64, 1) ||
	    !grow(b, &t->n, &t->capn, len / 48 + 64, sizeof(*t->n)) ||
	    !grow(b, &t->el, &t->capel, len / 128 + 64, sizeof(*t->el)))
		ap_arena_oom(a);
	xmlInitParser();
	reduced = reduce(b, text, len, &r);
	if (reduced && r.on <= INT32_MAX) {
		b->exp = r.x;
		b->nexp = r.nx;
		b->kept = r.k;
		run(b, r.o, r.on);
		if (!b->mismatch || t->nomem)
			goto done;
	}
	b->nexp = 0;
	run(b, text, len);
done:
	/*
	 * A class that hides most of the page's text ("hidden" on a wrapper
	 * a script shows) hides nothing: the page is read again with it.
	 */
	if (!t->nomem && b->hidchars > HIDDEN_MOST * b->keptchars) {
		b->showclass = true;
		b->nexp = 0;
		run(b, text, len);
	}
	if (!t->nomem)
		splice_streamed(b);
	ap_big_free(a, r.o);
	ap_big_free(a, r.x);
	ap_big_free(a, r.k);
	ap_big_free(a, r.v);
	if (t->nomem)
		ap_arena_oom(a);
}

const char *
ap_html_build_uri(struct ap_htree *t, const char *href, const char *base)
{
	const char *r;

	t->uri = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
	if (t->uri == NULL)
		return NULL;
	r = ap_strdup(t->a, (const char *)t->uri);
	xmlFree(t->uri);
	t->uri = NULL;
	return r;
}
