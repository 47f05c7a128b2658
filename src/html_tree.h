/* SPDX-License-Identifier: ISC */
/*
 * The page as the HTML front end reads it: libxml2's HTML parser, driven
 * through its SAX interface (html_tree.c), builds a compact tree of its
 * own instead of an xmlDoc.  It keeps only what html_src.c looks at: the
 * elements it walks, with their class/id/itemprop/role cues and the few
 * attributes it reads, and their text, laid out exactly as libxml2's own
 * tree builder would have placed it (text nodes merged, ignorable blanks
 * dropped, stray elements after </html> attached the same way).  Script
 * and form subtrees, media and hidden subtrees are not kept; the head's
 * metadata is recorded as a list of events in document order.
 *
 * Strings (text, attribute values) live in one buffer and are referred to
 * by offset; offset 0 means "absent" (an empty value has its own).  The arrays
 * are allocated with the arena's allocator but outside it, so that no
 * out-of-memory jump can happen inside a libxml2 callback; they are
 * released by ap_htree_free() or by the arena's cleanup hook.
 */
#ifndef AP_HTML_TREE_H
#define AP_HTML_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Tags the front end tells apart. */
enum ap_htag {
	T_OTHER = 0, T_A, T_ARTICLE, T_ASIDE, T_B, T_BASE, T_BLOCKQUOTE,
	T_BODY, T_BR, T_DIV, T_FIGCAPTION, T_FIGURE, T_FOOTER, T_FORM, T_H1,
	T_H2, T_H3, T_H4, T_H5, T_H6, T_HEAD, T_HEADER, T_HTML, T_LI,
	T_LINK, T_MAIN, T_META, T_NAV, T_P, T_SCRIPT, T_SECTION, T_STRONG,
	T_TIME, T_TITLE, T_TD, T_PRE, T_UL, T_OL, T_DL, T_ADDRESS, T_TABLE,
	T_BUTTON, T_TH, T_TR, T_THEAD, T_CAPTION, T_IMG, T_EM, T_PICTURE
};

/* Tag properties. */
#define TK_BLOCK	0x01	/* ends the pending block on entry and exit */
#define TK_SKIP		0x02	/* never read: script, form controls, media */
#define TK_HEADING	0x04

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
#define C_AD		0x1000	/* advertising, sponsored links */
#define C_AUTHORLINK	0x2000	/* rel=author: a link to the author's page */

enum ap_hntype {
	AP_HN_NONE = 0,
	AP_HN_ELEM,		/* an element kept with its ap_hel */
	AP_HN_HEAD,		/* <head>: walked for its children, no ap_hel */
	AP_HN_TEXT
};

/* A node; indices into ap_htree.n, 0 for none. */
struct ap_hnode {
	uint32_t	 parent, next, prev, first, last;
	uint32_t	 x;		/* ELEM: index in ap_htree.el;
					 * TEXT: string offset */
	uint32_t	 len;		/* TEXT: bytes */
	uint32_t	 line;		/* TEXT: source line of its start */
	unsigned char	 type;		/* enum ap_hntype */
	unsigned char	 top;		/* opened at document level */
};

/* itemprop values the front end looks for. */
#define AP_HI_PUBLISHED	1	/* datePublished, dateCreated */
#define AP_HI_MODIFIED	2	/* dateModified */

/* What an element carries, from its tag and attributes. */
struct ap_hel {
	uint32_t	 node;
	uint32_t	 cls, id, iprop, role;	/* strings, 0 when absent */
	uint32_t	 href, datetime, content;
	uint32_t	 src, alt;	/* <img>: the image (lazy-loading
					 * attributes first), its text */
	unsigned	 cues;		/* C_* of class, id, itemprop, rel, role */
	int		 weight;	/* class/id/itemprop/role weight */
	unsigned char	 tag;		/* enum ap_htag */
	unsigned char	 kind;		/* TK_* */
	signed char	 base;		/* readability's initial score */
	unsigned char	 hidden;	/* kept as a leaf: its subtree is not */
	unsigned char	 idate;		/* AP_HI_* */
};

/* Head metadata, in document order. */
enum ap_hevkind {
	AP_HEV_META,		/* name = value */
	AP_HEV_CANONICAL,	/* <link rel=canonical href=value> */
	AP_HEV_BASE,		/* <base href=value> */
	AP_HEV_TITLE,		/* <title>'s own text */
	AP_HEV_JSONLD,		/* an ld+json script's text */
	AP_HEV_LANG		/* <html lang=value> */
};

struct ap_hev {
	unsigned	 kind;		/* enum ap_hevkind */
	uint32_t	 name, value;	/* strings */
};

struct ap_htree {
	struct ap_arena	*a;
	struct ap_hnode	*n;		/* n[0] is unused */
	size_t		 nn, capn;
	struct ap_hel	*el;
	size_t		 nel, capel;
	char		*s;		/* strings, each NUL-terminated */
	size_t		 ns, caps;
	struct ap_hev	*ev;
	size_t		 nev, capev;
	void		*intern;	/* class/id/... values, once each */
	size_t		 nintern, capintern;
	uint32_t	 root;		/* the root element's node, or 0 */
	void		*ctxt;		/* the libxml2 parser while it runs */
	void		*uri;		/* a libxml2 string being copied */
	bool		 nomem;
	void		(*prev)(void *);	/* the arena's previous hook */
	void		*prev_arg;
};

/*
 * Parse text[0..len) (UTF-8) into t, whose memory must stay put until
 * ap_htree_free(t).  Memory exhaustion jumps through the arena, after
 * everything is released.  A page libxml2 cannot read leaves t->root 0.
 */
void	 ap_htree_parse(struct ap_arena *, const char *text, size_t len,
	    struct ap_htree *t);
/* Release t's memory and restore the arena's previous cleanup hook. */
void	 ap_htree_free(struct ap_htree *t);

/* The string at offset off, or NULL when off is 0. */
static inline const char *
ap_hstr(const struct ap_htree *t, uint32_t off)
{
	return off != 0 ? t->s + off : NULL;
}

/*
 * href resolved against the absolute URL base (RFC 3986), as an arena
 * string; NULL when libxml2 cannot.
 */
const char *ap_html_build_uri(struct ap_htree *t, const char *href,
	    const char *base);

#endif /* AP_HTML_TREE_H */
