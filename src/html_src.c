/* SPDX-License-Identifier: ISC */
/*
 * HTML front end: libxml2 DOM -> metadata + block sequence.  A first walk
 * over the whole tree collects the head metadata and per-element counts
 * (visible text, link text, commas, paragraphs) from which the article
 * container is scored, readability-style.  A second walk, over the
 * container and the few regions around it the classifier needs (headline,
 * byline, date, standfirst, related lists), emits the blocks in document
 * order.  Both walks are iterative, so nesting depth costs no C stack, and
 * the only file that includes libxml2 is this one.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include "artparse.h"
#include "buf.h"
#include "doc.h"
#include "html.h"

/* Tag properties. */
#define TK_BLOCK	0x01	/* ends the pending block on entry and exit */
#define TK_SKIP		0x02	/* never read: script, form controls, media */
#define TK_HEADING	0x04

enum tag {
	T_OTHER = 0, T_A, T_ARTICLE, T_ASIDE, T_B, T_BASE, T_BLOCKQUOTE,
	T_BODY, T_BR, T_DIV, T_FIGCAPTION, T_FIGURE, T_FOOTER, T_FORM, T_H1,
	T_H2, T_H3, T_H4, T_H5, T_H6, T_HEAD, T_HEADER, T_HTML, T_LI,
	T_LINK, T_MAIN, T_META, T_NAV, T_P, T_SCRIPT, T_SECTION, T_STRONG,
	T_TIME, T_TITLE, T_TD, T_PRE, T_UL, T_OL, T_DL, T_ADDRESS, T_TABLE
};

struct tagdef {
	const char	*name;
	unsigned char	 tag;		/* enum tag */
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
	{ "button",	T_OTHER,	TK_SKIP,	0 },
	{ "canvas",	T_OTHER,	TK_SKIP,	0 },
	{ "caption",	T_OTHER,	TK_BLOCK,	0 },
	{ "center",	T_OTHER,	TK_BLOCK,	0 },
	{ "datalist",	T_OTHER,	TK_SKIP,	0 },
	{ "dd",		T_OTHER,	TK_BLOCK,	-3 },
	{ "details",	T_OTHER,	TK_BLOCK,	0 },
	{ "dialog",	T_OTHER,	TK_BLOCK,	-5 },
	{ "dir",	T_OTHER,	TK_BLOCK,	-3 },
	{ "div",	T_DIV,		TK_BLOCK,	5 },
	{ "dl",		T_DL,		TK_BLOCK,	-3 },
	{ "dt",		T_OTHER,	TK_BLOCK,	-3 },
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
	{ "iframe",	T_OTHER,	TK_SKIP,	0 },
	{ "img",	T_OTHER,	TK_SKIP,	0 },
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
	{ "picture",	T_OTHER,	TK_SKIP,	0 },
	{ "pre",	T_PRE,		TK_BLOCK,	3 },
	{ "script",	T_SCRIPT,	TK_SKIP,	0 },
	{ "section",	T_SECTION,	TK_BLOCK,	0 },
	{ "select",	T_OTHER,	TK_SKIP,	0 },
	{ "source",	T_OTHER,	TK_SKIP,	0 },
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
	{ "th",		T_OTHER,	TK_BLOCK,	-5 },
	{ "thead",	T_OTHER,	TK_BLOCK,	0 },
	{ "time",	T_TIME,		0,		0 },
	{ "title",	T_TITLE,	TK_SKIP,	0 },
	{ "tr",		T_OTHER,	TK_BLOCK,	0 },
	{ "track",	T_OTHER,	TK_SKIP,	0 },
	{ "ul",		T_UL,		TK_BLOCK,	-3 },
	{ "video",	T_OTHER,	TK_SKIP,	0 },
};

/* Cues read from class, id, itemprop, role and rel values. */
#define C_NEG		0x0001	/* boilerplate: nav, share, ads, comments */
#define C_POS		0x0002	/* content: article, body, texte */
#define C_BYLINE	0x0004
#define C_DATE		0x0008
#define C_LEAD		0x0010	/* standfirst */
#define C_RELATED	0x0020
#define C_HIDDEN	0x0040	/* screen-reader only, hidden */
#define C_CAPTION	0x0080
#define C_BODY		0x0100	/* itemprop=articleBody: strongest cue */
#define C_NAV		0x0200	/* role navigation, banner, contentinfo */
#define C_KICKER	0x0400	/* a label set before a title or summary */
#define C_COMMENT	0x0800	/* readers' comments */

/* Substring; whole token or token prefix (tokens split at anything but
 * letters and digits); whole class name or its prefix (split at spaces). */
enum { M_SUB, M_TOK, M_PFX, M_CLS, M_CLSPFX };

static const struct cue {
	const char	*pat;
	unsigned char	 how;
	unsigned short	 bits;
} cues[] = {
	/* content */
	{ "article",	M_SUB,	C_POS },
	{ "content",	M_SUB,	C_POS },
	{ "contenu",	M_SUB,	C_POS },
	{ "corps",	M_SUB,	C_POS },
	{ "texte",	M_SUB,	C_POS },
	{ "text",	M_TOK,	C_POS },
	{ "story",	M_SUB,	C_POS },
	{ "post",	M_PFX,	C_POS },
	{ "entry",	M_SUB,	C_POS },
	{ "main",	M_SUB,	C_POS },
	{ "body",	M_SUB,	C_POS },
	{ "prose",	M_SUB,	C_POS },
	{ "paragraph",	M_SUB,	C_POS },
	{ "articlebody", M_SUB,	C_BODY },
	{ "article-body", M_SUB, C_BODY },
	{ "article__body", M_SUB, C_BODY },
	/* boilerplate */
	{ "comment",	M_SUB,	C_NEG | C_COMMENT },
	{ "reaction",	M_SUB,	C_NEG | C_COMMENT },
	{ "footer",	M_SUB,	C_NEG },
	{ "foot",	M_TOK,	C_NEG },
	{ "pied",	M_PFX,	C_NEG },
	{ "header",	M_SUB,	C_NEG },
	{ "masthead",	M_SUB,	C_NEG },
	{ "sidebar",	M_SUB,	C_NEG },
	{ "aside",	M_TOK,	C_NEG },
	{ "nav",	M_PFX,	C_NEG },
	{ "menu",	M_SUB,	C_NEG },
	{ "breadcrumb",	M_SUB,	C_NEG },
	{ "ariane",	M_SUB,	C_NEG },
	{ "social",	M_SUB,	C_NEG },
	{ "share",	M_SUB,	C_NEG },
	{ "sharing",	M_SUB,	C_NEG },
	{ "partage",	M_SUB,	C_NEG },
	{ "newsletter",	M_SUB,	C_NEG },
	{ "abonne",	M_SUB,	C_NEG },
	{ "subscri",	M_SUB,	C_NEG },
	{ "paywall",	M_SUB,	C_NEG },
	{ "premium",	M_TOK,	C_NEG },
	{ "cookie",	M_SUB,	C_NEG },
	{ "consent",	M_SUB,	C_NEG },
	{ "gdpr",	M_SUB,	C_NEG },
	{ "publicite",	M_SUB,	C_NEG },
	{ "advert",	M_SUB,	C_NEG },
	{ "ad",		M_TOK,	C_NEG },
	{ "ads",	M_TOK,	C_NEG },
	{ "adbox",	M_PFX,	C_NEG },
	{ "adslot",	M_PFX,	C_NEG },
	{ "pub",	M_TOK,	C_NEG },
	{ "dfp",	M_PFX,	C_NEG },
	{ "sponsor",	M_SUB,	C_NEG },
	{ "promo",	M_SUB,	C_NEG },
	{ "banner",	M_SUB,	C_NEG },
	{ "widget",	M_SUB,	C_NEG },
	{ "outbrain",	M_SUB,	C_NEG },
	{ "taboola",	M_SUB,	C_NEG },
	{ "recommand",	M_SUB,	C_NEG },
	{ "most-read",	M_SUB,	C_NEG },
	{ "mostread",	M_SUB,	C_NEG },
	{ "plus-lus",	M_SUB,	C_NEG },
	{ "pluslus",	M_SUB,	C_NEG },
	{ "popular",	M_SUB,	C_NEG },
	{ "populaire",	M_SUB,	C_NEG },
	{ "tags",	M_TOK,	C_NEG },
	{ "tag",	M_TOK,	C_NEG },
	{ "keywords",	M_SUB,	C_NEG },
	{ "toolbar",	M_SUB,	C_NEG },
	{ "tools",	M_TOK,	C_NEG },
	{ "modal",	M_SUB,	C_NEG },
	{ "popup",	M_SUB,	C_NEG },
	{ "login",	M_SUB,	C_NEG },
	{ "signup",	M_SUB,	C_NEG },
	{ "pagination",	M_SUB,	C_NEG },
	{ "pager",	M_TOK,	C_NEG },
	{ "bio",	M_TOK,	C_NEG },
	{ "meta",	M_TOK,	C_NEG },
	{ "print",	M_TOK,	C_NEG },
	{ "disqus",	M_SUB,	C_NEG | C_COMMENT },
	/* related-article boxes */
	{ "related",	M_SUB,	C_NEG | C_RELATED },
	{ "connexe",	M_SUB,	C_NEG | C_RELATED },
	{ "lire-aussi",	M_SUB,	C_NEG | C_RELATED },
	{ "lireaussi",	M_SUB,	C_NEG | C_RELATED },
	{ "lire_aussi",	M_SUB,	C_NEG | C_RELATED },
	{ "meme-sujet",	M_SUB,	C_NEG | C_RELATED },
	{ "meme_sujet",	M_SUB,	C_NEG | C_RELATED },
	{ "memesujet",	M_SUB,	C_NEG | C_RELATED },
	{ "same-topic",	M_SUB,	C_NEG | C_RELATED },
	{ "en-relation", M_SUB,	C_NEG | C_RELATED },
	{ "similar",	M_SUB,	C_NEG | C_RELATED },
	{ "read-also",	M_SUB,	C_NEG | C_RELATED },
	{ "readalso",	M_SUB,	C_NEG | C_RELATED },
	{ "see-also",	M_SUB,	C_NEG | C_RELATED },
	/* byline, date, standfirst */
	{ "author",	M_SUB,	C_BYLINE },
	{ "auteur",	M_SUB,	C_BYLINE },
	{ "byline",	M_SUB,	C_BYLINE },
	{ "signature",	M_SUB,	C_BYLINE },
	{ "signataire",	M_SUB,	C_BYLINE },
	{ "writer",	M_SUB,	C_BYLINE },
	{ "journalist",	M_SUB,	C_BYLINE },
	{ "credit",	M_PFX,	C_BYLINE },
	{ "date",	M_PFX,	C_DATE },
	{ "dateline",	M_SUB,	C_DATE },
	{ "pubdate",	M_SUB,	C_DATE },
	{ "time",	M_TOK,	C_DATE },
	{ "timestamp",	M_SUB,	C_DATE },
	{ "published",	M_SUB,	C_DATE },
	{ "publication", M_SUB,	C_DATE },
	{ "publish",	M_PFX,	C_DATE },
	{ "chapo",	M_SUB,	C_LEAD },
	{ "chapeau",	M_SUB,	C_LEAD },
	{ "standfirst",	M_SUB,	C_LEAD },
	{ "lead",	M_TOK,	C_LEAD },
	{ "lede",	M_TOK,	C_LEAD },
	{ "intro",	M_PFX,	C_LEAD },
	{ "summary",	M_SUB,	C_LEAD },
	{ "resume",	M_TOK,	C_LEAD },
	{ "description", M_SUB,	C_LEAD },
	{ "desc",	M_TOK,	C_LEAD },
	{ "excerpt",	M_SUB,	C_LEAD },
	{ "subtitle",	M_SUB,	C_LEAD },
	{ "sous-titre",	M_SUB,	C_LEAD },
	{ "subheadline", M_SUB,	C_LEAD },
	{ "accroche",	M_SUB,	C_LEAD },
	{ "deck",	M_TOK,	C_LEAD },
	{ "dek",	M_TOK,	C_LEAD },
	{ "hat",	M_TOK,	C_LEAD },
	/* kickers: "gros temps" before a summary, read apart from it */
	{ "kicker",	M_PFX,	C_KICKER },
	{ "surtitre",	M_PFX,	C_KICKER },
	{ "overline",	M_PFX,	C_KICKER },
	{ "eyebrow",	M_PFX,	C_KICKER },
	{ "label",	M_TOK,	C_KICKER },
	/* captions and hidden helpers */
	{ "caption",	M_SUB,	C_CAPTION },
	{ "legende",	M_SUB,	C_CAPTION },
	{ "hidden",	M_CLS,	C_HIDDEN },
	{ "is-hidden",	M_CLS,	C_HIDDEN },
	{ "u-hidden",	M_CLS,	C_HIDDEN },
	{ "hide",	M_CLS,	C_HIDDEN },
	{ "invisible",	M_CLS,	C_HIDDEN },
	{ "offscreen",	M_CLS,	C_HIDDEN },
	{ "sr-only",	M_CLS,	C_HIDDEN },
	{ "sr-text",	M_CLS,	C_HIDDEN },
	{ "visually-hidden", M_CLS, C_HIDDEN },
	{ "visuallyhidden", M_CLS, C_HIDDEN },
	{ "u-visually-hidden", M_CLS, C_HIDDEN },
	{ "screen-reader-text", M_CLS, C_HIDDEN },
	{ "screen-reader-only", M_CLS, C_HIDDEN },
	{ "element-invisible", M_CLS, C_HIDDEN },
	{ "a11y-hidden", M_CLS,	C_HIDDEN },
	{ "hidden-",	M_CLSPFX, C_HIDDEN },
};

/* "hidden-*" classes that only hide at some screen sizes. */
static const char *const responsive[] = {
	"xs", "sm", "md", "lg", "xl", "xxl", "print", "mobile", "desktop",
	"tablet", "phone", "small", "medium", "large", NULL
};

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

/* Per-element record, hung on xmlNode._private during the call. */
struct el {
	xmlNode		*node;
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
	unsigned char	 tag;		/* enum tag */
	unsigned char	 kind;		/* TK_* */
	unsigned char	 level;		/* heading level, inherited */
	signed char	 base;		/* tag's initial score */
};

#define MAXLIST		64
#define CUECACHE	509	/* prime */
#define CUESMAX		160	/* bytes of cue tokens per block */
#define MAXBYLINE	8

/* Foreign resources that must not leak when the arena jumps out. */
struct hold {
	xmlDoc		*doc;
	xmlChar		*uri;
	void		(*prev)(void *);
	void		*prev_arg;
};

/* A class string already scanned (the key points into the xmlDoc). */
struct cuecache {
	const char	*key;
	unsigned	 bits;
};

struct ctx {
	struct ap_doc	*d;
	struct ap_arena	*a;
	struct hold	*hold;
	struct ap_hmeta	 m;
	size_t		 seq;
	struct el	**cand;		/* elements with a content score */
	size_t		 ncand, capcand;
	struct el	*h1[AP_HMETA_MAXH1];
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
	struct cuecache	 cache[CUECACHE];
	const char	*bylines[MAXBYLINE];	/* texts of byline blocks */
	size_t		 nbylines;
	struct el	*root;		/* current emission root */
	/* The pending block. */
	struct ap_buf	 text;
	bool		 space;
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
};

/* Attributes ------------------------------------------------------- */

/* The value of attribute name, or NULL (no allocation: libxml2 keeps HTML
 * attribute values as one text child). */
static const char *
attr(const xmlNode *n, const char *name)
{
	const xmlAttr *p;

	for (p = n->properties; p != NULL; p = p->next) {
		if (strcmp((const char *)p->name, name) != 0)
			continue;
		if (p->children == NULL)
			return "";
		if (p->children->content == NULL)
			return "";
		return (const char *)p->children->content;
	}
	return NULL;
}

static int
tag_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct tagdef *)e)->name);
}

static const struct tagdef *
tag_find(const xmlNode *n)
{
	return bsearch(n->name, tags, sizeof(tags) / sizeof(tags[0]),
	    sizeof(tags[0]), tag_cmp);
}

/* Whether tok[0..tl) matches pattern c. */
static bool
tok_match(const char *tok, size_t tl, const struct cue *c)
{
	size_t pl = strlen(c->pat);

	if (c->how == M_TOK)
		return tl == pl && memcmp(tok, c->pat, pl) == 0;
	return tl >= pl && memcmp(tok, c->pat, pl) == 0;
}

/* Whether one space-separated name of low[0..n) matches c. */
static bool
class_match(const char *low, size_t n, const struct cue *c)
{
	size_t i, t0, pl = strlen(c->pat), k;

	for (i = 0; i < n;) {
		while (i < n && (low[i] == ' ' || low[i] == '\t' ||
		    low[i] == '\n'))
			i++;
		t0 = i;
		while (i < n && low[i] != ' ' && low[i] != '\t' &&
		    low[i] != '\n')
			i++;
		if (c->how == M_CLS && i - t0 == pl &&
		    memcmp(low + t0, c->pat, pl) == 0)
			return true;
		if (c->how != M_CLSPFX || i - t0 <= pl ||
		    memcmp(low + t0, c->pat, pl) != 0)
			continue;
		for (k = 0; responsive[k] != NULL; k++)
			if (strncmp(low + t0 + pl, responsive[k],
			    strlen(responsive[k])) == 0)
				break;
		if (responsive[k] == NULL)
			return true;
	}
	return false;
}

static bool
alnum(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

/* Cue bits of one attribute value (its first 255 bytes). */
static unsigned
cue_scan(const char *v)
{
	char low[256];
	size_t n, i, k, t, nt = 0, tok[32][2];
	unsigned bits = 0;

	for (n = 0; v[n] != '\0' && n < sizeof(low) - 1; n++)
		low[n] = (v[n] >= 'A' && v[n] <= 'Z') ?
		    (char)(v[n] - 'A' + 'a') : v[n];
	low[n] = '\0';
	if (n == 0)
		return 0;
	/* Tokens split on anything but letters and digits, found once. */
	for (i = 0; i < n && nt < 32;) {
		while (i < n && !alnum(low[i]))
			i++;
		tok[nt][0] = i;
		while (i < n && alnum(low[i]))
			i++;
		if (i > tok[nt][0]) {
			tok[nt][1] = i - tok[nt][0];
			nt++;
		}
	}
	for (k = 0; k < sizeof(cues) / sizeof(cues[0]); k++) {
		const struct cue *c = &cues[k];

		if ((bits & c->bits) == c->bits)
			continue;	/* nothing new to learn */
		switch (c->how) {
		case M_SUB:
			if (strstr(low, c->pat) != NULL)
				bits |= c->bits;
			break;
		case M_CLS:
		case M_CLSPFX:
			if (class_match(low, n, c))
				bits |= c->bits;
			break;
		default:
			for (t = 0; t < nt; t++) {
				if (tok_match(low + tok[t][0], tok[t][1], c)) {
					bits |= c->bits;
					break;
				}
			}
			break;
		}
	}
	return bits;
}

/*
 * Cue bits of one attribute value.  Pages repeat the same class strings
 * on thousands of elements, so results are cached by content.
 */
static unsigned
cue_bits(struct ctx *c, const char *v)
{
	struct cuecache *e;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; v[i] != '\0' && i < 255; i++)
		h = (h ^ (unsigned char)v[i]) * 16777619u;
	e = &c->cache[h % CUECACHE];
	if (e->key != NULL && strcmp(e->key, v) == 0)
		return e->bits;
	e->key = v;
	e->bits = cue_scan(v);
	return e->bits;
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

static bool
is_hidden(const xmlNode *n, unsigned cues_)
{
	const char *v;

	if (attr(n, "hidden") != NULL)
		return true;
	if ((v = attr(n, "aria-hidden")) != NULL && strcasecmp(v, "true") == 0)
		return true;
	if ((v = attr(n, "style")) != NULL && style_hidden(v))
		return true;
	return (cues_ & C_HIDDEN) != 0;
}

/* Cues and weight of an element from its class, id, itemprop and role. */
static void
el_cues(struct ctx *c, struct el *e, const xmlNode *n)
{
	const char *v;
	unsigned b;
	int w = 0;

	if ((v = attr(n, "class")) != NULL) {
		b = cue_bits(c, v);
		e->cues |= b;
		w += (b & C_NEG ? -25 : 0) + (b & (C_POS | C_BODY) ? 25 : 0);
	}
	/* Ids of headings and paragraphs are anchors made from their text
	 * ("comment-on-garde-le-lien"), not cues. */
	if ((v = attr(n, "id")) != NULL && e->tag != T_P &&
	    !(e->kind & TK_HEADING)) {
		b = cue_bits(c, v) & ~C_HIDDEN;
		e->cues |= b;
		w += (b & C_NEG ? -25 : 0) + (b & (C_POS | C_BODY) ? 25 : 0);
	}
	if ((v = attr(n, "itemprop")) != NULL) {
		b = cue_bits(c, v) & ~C_HIDDEN;
		e->cues |= b;
		if (b & C_BODY)
			w += 50;
	}
	if ((v = attr(n, "rel")) != NULL && strstr(v, "author") != NULL)
		e->cues |= C_BYLINE;
	if ((v = attr(n, "role")) != NULL) {
		if (strcmp(v, "navigation") == 0 || strcmp(v, "banner") == 0 ||
		    strcmp(v, "contentinfo") == 0 ||
		    strcmp(v, "complementary") == 0 || strcmp(v, "menu") == 0) {
			e->cues |= C_NAV;
			w -= 25;
		} else if (strcmp(v, "main") == 0 || strcmp(v, "article") == 0)
			w += 25;
	}
	e->weight = w;
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

/* Copy the text children of n (script, title) into a new arena string. */
static const char *
child_text(struct ctx *c, const xmlNode *n, bool collapse)
{
	struct ap_buf b;
	const xmlNode *k;
	const char *r;

	ap_buf_init(&b, c->a);
	for (k = n->children; k != NULL; k = k->next)
		if ((k->type == XML_TEXT_NODE ||
		    k->type == XML_CDATA_SECTION_NODE) && k->content != NULL)
			ap_buf_puts(&b, (const char *)k->content);
	r = collapse ? ap_html_collapse(c->a, b.p, b.len) : ap_buf_strdup(&b);
	ap_buf_fini(&b);
	return r;
}

/* Metadata carried by head elements (and stray ones in the body). */
static void
head_element(struct ctx *c, const xmlNode *n, enum tag t)
{
	const char *name, *v;

	switch (t) {
	case T_META:
		/* Some saved pages (Postlight fixtures) write value=. */
		if ((v = attr(n, "content")) == NULL &&
		    (v = attr(n, "value")) == NULL)
			return;
		if ((name = attr(n, "property")) != NULL)
			ap_hmeta_add(c->a, &c->m, name, v);
		if ((name = attr(n, "name")) != NULL)
			ap_hmeta_add(c->a, &c->m, name, v);
		if ((name = attr(n, "itemprop")) != NULL)
			ap_hmeta_add(c->a, &c->m, name, v);
		if ((name = attr(n, "http-equiv")) != NULL)
			ap_hmeta_add(c->a, &c->m, name, v);
		break;
	case T_LINK:
		if ((v = attr(n, "rel")) != NULL &&
		    strcasecmp(v, "canonical") == 0 &&
		    (v = attr(n, "href")) != NULL)
			ap_hmeta_set(c->a, &c->m, AP_HK_CANONICAL, v,
			    strlen(v));
		break;
	case T_BASE:
		if ((v = attr(n, "href")) != NULL)
			ap_hmeta_set(c->a, &c->m, AP_HK_BASE, v, strlen(v));
		break;
	case T_TITLE:
		if (c->m.v[AP_HK_TITLE] == NULL) {
			v = child_text(c, n, true);
			if (*v != '\0')
				c->m.v[AP_HK_TITLE] = v;
		}
		break;
	case T_SCRIPT:
		if ((v = attr(n, "type")) != NULL &&
		    strstr(v, "ld+json") != NULL &&
		    c->m.njsonld < AP_HMETA_MAXLD)
			c->m.jsonld[c->m.njsonld++] = child_text(c, n, false);
		break;
	default:
		break;
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

/* Pass 1: enter a node; returns whether it was entered (and must be left). */
static int
p1_enter(struct ctx *c, xmlNode *n)
{
	const struct tagdef *td;
	struct el *e, *p;
	const char *v;
	size_t cnt, commas;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		p = n->parent != NULL ? n->parent->_private : NULL;
		if (p == NULL || n->content == NULL)
			return 0;
		cnt = count_text((const char *)n->content, &commas);
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
		if (cnt <= 60 && ap_html_related_label(
		    (const char *)n->content, strlen((const char *)n->content)))
			push(c->labels, &c->nlabels, p);
		else if (p->owner != NULL && inline_insert(
		    (const char *)n->content))
			push(c->inserts, &c->ninserts, p->owner);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return 0;
	td = tag_find(n);
	if (td != NULL && (td->tag == T_META || td->tag == T_LINK ||
	    td->tag == T_BASE || td->tag == T_TITLE || td->tag == T_SCRIPT))
		head_element(c, n, (enum tag)td->tag);
	if (td != NULL && td->tag == T_HEAD)
		return 1;	/* walk it for metadata; it has no el */
	p = n->parent != NULL ? n->parent->_private : NULL;
	if (td != NULL && (td->kind & TK_SKIP))
		return 0;
	e = ap_alloc(c->a, sizeof(*e));
	e->node = n;
	e->parent = p;
	e->seq = c->seq++;
	e->tag = td != NULL ? td->tag : T_OTHER;
	e->kind = td != NULL ? td->kind : 0;
	e->base = td != NULL ? td->base : 0;
	el_cues(c, e, n);
	if (e->tag != T_HTML && e->tag != T_BODY && is_hidden(n, e->cues)) {
		e->fl |= F_HIDDEN;
		e->last = e->seq;
		n->_private = e;
		return 0;
	}
	n->_private = e;
	if (p != NULL) {
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
	switch (e->tag) {
	case T_A:
		e->inh |= I_LINK;
		e->link = e;
		break;
	case T_B:
	case T_STRONG:
		e->inh |= I_STRONG;
		break;
	case T_BLOCKQUOTE:
		e->inh |= I_QUOTE;
		break;
	case T_FIGURE:
	case T_FIGCAPTION:
		e->inh |= I_FIGURE;
		break;
	case T_NAV:
	case T_ASIDE:
		e->inh |= I_NAV;
		break;
	case T_HEADER:
	case T_FOOTER:
		/* A page header, not an article's own header. */
		if (!(e->inh & I_ARTTAG))
			e->inh |= I_NAV;
		break;
	case T_LI:
		e->inh |= I_LI;
		break;
	case T_ARTICLE:
	case T_MAIN:
		e->inh |= I_ARTTAG;
		break;
	case T_FORM:
		e->inh |= I_FORM;
		break;
	case T_BODY:
		if (c->body == NULL)
			c->body = e;
		break;
	case T_HTML:
		if ((v = attr(n, "lang")) != NULL ||
		    (v = attr(n, "xml:lang")) != NULL)
			ap_hmeta_set(c->a, &c->m, AP_HK_LANG, v, strlen(v));
		break;
	case T_H1:
		if (c->m.nh1 < AP_HMETA_MAXH1)
			c->h1[c->m.nh1++] = e;
		break;
	case T_TIME:
		if (attr(n, "datetime") != NULL)
			push(c->times, &c->ntimes, e);
		break;
	default:
		break;
	}
	if (e->kind & TK_HEADING)
		e->level = (unsigned char)(e->tag - T_H1 + 1);
	if (e->cues & C_CAPTION)
		e->inh |= I_FIGURE;
	if (e->cues & C_NAV)
		e->inh |= I_NAV;
	if (e->cues & C_COMMENT)
		e->inh |= I_COMMENT;
	if (e->cues & C_RELATED)
		push(c->cuerel, &c->ncuerel, e);
	if ((e->cues & (C_BYLINE | C_DATE | C_LEAD)) || e->tag == T_TIME)
		push(c->cuemeta, &c->ncuemeta, e);
	/* Microdata: <time itemprop=datePublished datetime=…>; kept for
	 * when the container is known, as related teasers carry it too. */
	if ((v = attr(n, "itemprop")) != NULL && e->tag != T_TIME &&
	    (strcasecmp(v, "datePublished") == 0 ||
	    strcasecmp(v, "dateCreated") == 0) &&
	    (attr(n, "datetime") != NULL || attr(n, "content") != NULL))
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
p1_leave(struct ctx *c, xmlNode *n)
{
	struct el *e = n->_private, *p;

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

static void
walk(struct ctx *c, xmlNode *root, int (*enter)(struct ctx *, xmlNode *),
    void (*leave)(struct ctx *, xmlNode *))
{
	xmlNode *n = root;
	int in;

	for (;;) {
		in = enter(c, n);
		if (in && n->children != NULL) {
			n = n->children;
			continue;
		}
		if (in)
			leave(c, n);
		for (;;) {
			if (n == root)
				return;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			leave(c, n);
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
same_class(const struct el *a, const struct el *b)
{
	const char *x = attr(a->node, "class"), *y = attr(b->node, "class");

	return x != NULL && y != NULL && *x != '\0' && strcmp(x, y) == 0;
}

static void
cont_add(struct ctx *c, struct el *e)
{
	if (c->nconts < MAXLIST) {
		c->conts[c->nconts++] = e;
		e->fl |= F_CONT;
	}
}

static void
choose_container(struct ctx *c)
{
	struct el *best = NULL, *top[5] = { NULL }, *e, *p, *s;
	double bs, prev, thr;
	size_t i, k, shared;
	xmlNode *n;

	for (i = 0; i < c->ncand; i++) {
		e = c->cand[i];
		e->score = final_score(e);
		for (k = 0; k < 5; k++) {
			if (top[k] == NULL || e->score > top[k]->score) {
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
	bs = best->score;
	/* Several close runners-up under one ancestor: take the ancestor. */
	for (p = best->parent; !is_top(p); p = p->parent) {
		shared = 0;
		for (k = 1; k < 5; k++)
			if (top[k] != NULL && top[k]->score >= 0.75 * bs &&
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
	for (n = best->parent->node->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || (s = n->_private) == NULL ||
		    s == best || (s->fl & F_HIDDEN))
			continue;
		/* A scoring sibling, or a loose body paragraph. */
		if (((s->fl & F_CAND) && s->score + (same_class(s, best) ?
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

/* Whether b already holds the space-separated token t[0..n). */
static bool
has_token(const struct ap_buf *b, const char *t, size_t n)
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
put_cues(struct ap_buf *b, const xmlNode *n)
{
	static const char *const names[] = { "class", "id", "itemprop",
	    "role" };
	const char *v;
	char tok[64];
	size_t k, i, t;

	for (k = 0; k < 4 && b->len < CUESMAX; k++) {
		if ((v = attr(n, names[k])) == NULL)
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
				ap_buf_putc(b, ' ');
			ap_buf_put(b, tok, t);
		}
	}
}

/* The cue tokens of e and its ancestors up to the container or the
 * emission root, bounded; the cue bits they carry go to *bits. */
static const char *
block_cues(struct ctx *c, const struct el *e, unsigned *bits)
{
	struct ap_buf b;
	const char *r;
	int up;

	*bits = 0;
	ap_buf_init(&b, c->a);
	for (up = 0; e != NULL && up < 8 && b.len < CUESMAX; up++,
	    e = e->parent) {
		*bits |= e->cues;
		put_cues(&b, e->node);
		if ((e->fl & F_CONT) || e == c->root || is_top(e))
			break;
	}
	while (b.len > 0 && b.p[b.len - 1] == ' ')
		b.len--;
	b.p[b.len] = '\0';
	r = b.len > 0 ? ap_buf_strdup(&b) : NULL;
	ap_buf_fini(&b);
	return r;
}

/* An absolute URL for href, or NULL. */
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
	href = ap_strndup(c->a, href, n);
	if (c->base == NULL)
		return href;
	c->hold->uri = xmlBuildURI((const xmlChar *)href,
	    (const xmlChar *)c->base);
	if (c->hold->uri == NULL)
		return href;
	r = ap_strdup(c->a, (const char *)c->hold->uri);
	xmlFree(c->hold->uri);
	c->hold->uri = NULL;
	return r;
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
		b->href = resolve(c, attr(c->firstlink->node, "href"));
	b->cues = block_cues(c, o, &bits);
	if ((bits & C_BYLINE) && n <= 160 && c->nbylines < MAXBYLINE)
		c->bylines[c->nbylines++] = b->text;
	pend_reset(c);
}

static void
e_text(struct ctx *c, xmlNode *n)
{
	struct el *p = n->parent != NULL ? n->parent->_private : NULL;
	const char *s = (const char *)n->content;
	size_t before, cps;
	bool ws = true;
	const char *q;

	if (p == NULL || s == NULL)
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
		c->line = (size_t)xmlGetLineNo(n);
		if ((long)c->line < 0)
			c->line = 0;
	}
	before = c->text.len;
	cps = ap_html_puttext(&c->text, s, strlen(s), &c->space);
	if (c->text.len == before)
		return;
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
e_enter(struct ctx *c, xmlNode *n)
{
	struct el *e, *p;
	bool art;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		e_text(c, n);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || (e = n->_private) == NULL ||
	    (e->fl & (F_HIDDEN | F_SKIP)))
		return 0;
	p = e == c->root ? NULL : e->parent;
	if (e->tag == T_FORM && e->npara == 0 && !in_article(c, e))
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
	if (boundary(e) || e == c->root || (p != NULL &&
	    ((p->fl & F_ART) != 0) != art)) {
		flush(c);
		c->owner = boundary(e) || e == c->root ? e : owner_after(c, e);
	}
	return 1;
}

static void
e_leave(struct ctx *c, xmlNode *n)
{
	struct el *e = n->_private, *p;

	if (e == NULL)
		return;
	p = e == c->root ? NULL : e->parent;
	if (boundary(e) || e == c->root || (p != NULL &&
	    ((p->fl & F_ART) != 0) != ((e->fl & F_ART) != 0))) {
		flush(c);
		c->owner = owner_after(c, e);
	}
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
	xmlNode *n;
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
	for (n = last->node->next; n != NULL && k < max; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || (s = n->_private) == NULL ||
		    (s->fl & F_HIDDEN) || s->text == 0)
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
static void
between(struct ctx *c, struct roots *r, struct el *h)
{
	struct el *lca, *x, *s;
	xmlNode *n;
	size_t first = r->n, text = 0, limit;

	if (c->best == NULL || h == NULL || h->seq > c->best->seq ||
	    in_article(c, h) || (lca = common(h, c->best)) == NULL)
		return;
	for (x = h; x != lca; x = x->parent) {
		for (n = x->node->next; n != NULL; n = n->next) {
			if (n->type != XML_ELEMENT_NODE ||
			    (s = n->_private) == NULL)
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
		for (n = x->node->prev; n != NULL; n = n->prev) {
			if (n->type != XML_ELEMENT_NODE ||
			    (s = n->_private) == NULL)
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

static void
emit(struct ctx *c, int h1)
{
	struct roots r = { NULL, 0, 0 };
	struct el *e, *h = h1 >= 0 ? c->h1[h1] : NULL, *tg[8];
	size_t i, k, n, last;
	bool sib;

	for (i = 0; i < c->nconts; i++)
		root_add(c, &r, c->conts[i]);
	if (h != NULL) {
		root_add(c, &r, h);
		between(c, &r, h);
	}
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
		walk(c, e->node, e_enter, e_leave);
		flush(c);
	}
	ap_buf_fini(&c->text);
	ap_big_free(c->a, r.v);
}

/* Driver -------------------------------------------------------------- */

static void
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
silent_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

static void
release(void *arg)
{
	struct hold *h = arg;

	if (h->uri != NULL)
		xmlFree(h->uri);
	if (h->doc != NULL)
		xmlFreeDoc(h->doc);
	h->uri = NULL;
	h->doc = NULL;
	if (h->prev != NULL)
		h->prev(h->prev_arg);
}

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
			v = attr(e->node, "itemprop");
			if (pass == 0 && (v == NULL ||
			    (strcasecmp(v, "datePublished") != 0 &&
			    strcasecmp(v, "dateCreated") != 0)))
				continue;
			if (pass == 1 && v != NULL &&
			    strcasecmp(v, "dateModified") == 0)
				continue;
			if (!in_article(c, e) && !near_article(c, e))
				continue;
			if ((v = attr(e->node, "datetime")) == NULL &&
			    (v = attr(e->node, "content")) == NULL)
				continue;
			ap_hmeta_set(c->a, &c->m, AP_HK_TIME, v, strlen(v));
			return;
		}
	}
}

/* Where each h1 sits, for the headline choice. */
static void
place_h1(struct ctx *c)
{
	size_t i;
	struct el *e;

	for (i = 0; i < c->m.nh1; i++) {
		e = c->h1[i];
		c->m.h1[i].text = NULL;
		c->m.h1[i].near = 1;
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
	struct ap_buf b;
	const char *r;
	xmlNode *n = e->node, *k;
	struct el *x;
	bool space = false, down;
	size_t len;

	ap_buf_init(&b, c->a);
	for (k = n->children; k != NULL;) {
		down = false;
		if (k->type == XML_TEXT_NODE && k->content != NULL) {
			ap_html_puttext(&b, (const char *)k->content,
			    strlen((const char *)k->content), &space);
		} else if (k->type == XML_ELEMENT_NODE &&
		    (x = k->_private) != NULL && !(x->fl & F_HIDDEN)) {
			if (x->tag == T_BR || (x->fl & F_BLOCK))
				space = true;
			down = k->children != NULL;
		}
		if (down) {
			k = k->children;
			continue;
		}
		while (k != n && k->next == NULL)
			k = k->parent;
		if (k == n)
			break;
		k = k->next;
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
	struct hold *h;
	xmlGenericErrorFunc oldgen;
	xmlStructuredErrorFunc oldstruct;
	void *oldgenctx, *oldstructctx;
	xmlNode *root;
	size_t i, len;
	int h1;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.a = &d->arena;
	if (d->text == NULL || d->textlen == 0)
		return;
	len = d->textlen < INT32_MAX ? d->textlen : INT32_MAX;

	h = ap_alloc(c.a, sizeof(*h));
	c.hold = h;
	oldgen = xmlGenericError;
	oldgenctx = xmlGenericErrorContext;
	oldstruct = xmlStructuredError;
	oldstructctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
	h->doc = htmlReadMemory(d->text, (int)len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS |
	    HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
	xmlSetGenericErrorFunc(oldgenctx, oldgen);
	xmlSetStructuredErrorFunc(oldstructctx, oldstruct);
	if (h->doc == NULL)
		return;
	h->prev = c.a->cleanup;
	h->prev_arg = c.a->cleanup_arg;
	c.a->cleanup = release;
	c.a->cleanup_arg = h;

	if ((root = xmlDocGetRootElement(h->doc)) != NULL) {
		walk(&c, root, p1_enter, p1_leave);
		set_base(&c);
		choose_container(&c);
		mark_inserts(&c);
		place_h1(&c);
		for (i = 0; i < c.m.nh1; i++)
			c.m.h1[i].text = el_text(&c, c.h1[i]);
		article_time(&c);
		h1 = ap_html_meta(d, &c.m);
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

	xmlFreeDoc(h->doc);
	h->doc = NULL;
	c.a->cleanup = h->prev;
	c.a->cleanup_arg = h->prev_arg;
}
