/* SPDX-License-Identifier: ISC */
/*
 * The document: its arena, the decoded text, the block sequence that both
 * front ends produce, and the article built from it.  Private to the
 * library; the CLI sees only include/artparse.h.
 */
#ifndef AP_DOC_H
#define AP_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "artparse.h"
#include "arena.h"

/* What the front end knows of a block's source (HTML tags, text layout). */
enum ap_bflag {
	AP_BF_HEADING	= 1u << 0,	/* <h1>..<h6>, or a title-like text line */
	AP_BF_LISTITEM	= 1u << 1,	/* <li>, or "•", "-", "*" bullet line */
	AP_BF_BLOCKQUOTE = 1u << 2,	/* inside <blockquote> */
	AP_BF_FIGURE	= 1u << 3,	/* inside <figure>/<figcaption> */
	AP_BF_ARTICLE	= 1u << 4,	/* inside the chosen content container */
	AP_BF_NAV	= 1u << 5,	/* inside <nav>, <header>, <footer>, <aside> */
	AP_BF_LINK	= 1u << 6,	/* the whole block is one link */
	AP_BF_STRONG	= 1u << 7,	/* the whole block is bold */
	AP_BF_GAP_BEFORE = 1u << 8,	/* text: a blank line precedes it */
	AP_BF_ROLE	= 1u << 9,	/* classifier: an author's role line */
	AP_BF_SUMMARY	= 1u << 10,	/* classifier: a related teaser's summary */
	AP_BF_EMBED	= 1u << 11	/* classifier: an embedded social post */
};

/* Features computed once per block (features.c). */
struct ap_feat {
	size_t		 chars;		/* code points */
	size_t		 words;
	size_t		 sentences;
	size_t		 upper;		/* upper-case letters */
	size_t		 letters;
	size_t		 digits;
	size_t		 commas;
	unsigned	 last;		/* last code point, 0 if empty */
	bool		 ends_sentence;	/* . ! ? … » ” or closing ) after them */
	bool		 ends_ellipsis;	/* "..." or "…" */
	bool		 ellipsis_break; /* its first sentence ends with one */
	bool		 exclaim_break;	/* its first sentence ends with ! or ? */
	bool		 ends_firmly;	/* ". »", ".", "…": not "?" nor a bare » */
	bool		 opens_quote;	/* starts with « “ or a dialogue dash */
	bool		 has_quote;	/* holds a « … » or “ … ” span */
	bool		 name_shape;	/* "Catherine Morin", "Jean-Marc de La Tour" */
	bool		 title_case;	/* no final period, starts upper, short */
	bool		 has_date;	/* a full date: "3 mars 2024", "03/03/2024" */
	unsigned	 cue_start;	/* 1 << enum ap_cue: cue opens the block */
	unsigned	 cue_whole;	/* the block is just that cue */
	unsigned	 cue_any;	/* cue anywhere (short blocks only) */
	const char	*fold;		/* case-folded start of the text */
};

struct ap_block {
	const char	*text;		/* UTF-8 NFC, spaces collapsed, NBSP kept */
	size_t		 len;		/* bytes */
	size_t		 line;		/* first source line, 1-based */
	unsigned	 flags;		/* enum ap_bflag */
	int		 level;		/* heading level 1..6, 0 if none */
	size_t		 link_chars;	/* characters inside links (HTML) */
	const char	*href;		/* first link target, or NULL */
	const char	*cues;		/* HTML class/id tokens of ancestors */
	unsigned	 hcues;		/* HTML C_* cue bits of its ancestry */
	double		 content;	/* P(article text), content.c */
	unsigned char	 top_pos;	/* feature that most raises it */
	unsigned char	 top_neg;	/* ... and most lowers it */
	struct ap_feat	 f;
	enum ap_kind	 kind;
	const char	*why;		/* rule that decided the kind */
	const char	*drop;		/* boilerplate kind: "job-ad", … */
	/* Structure the HTML front end saw (zero elsewhere). */
	unsigned	 table;		/* data table, 1-based; 0: none */
	unsigned	 row, col;	/* its cell, 1-based; row 0: caption */
	bool		 header;	/* a header cell */
	unsigned	 list;		/* outermost list, 1-based; 0: none */
	unsigned	 depth;		/* lists around it, 1 = outermost */
	bool		 ordered;	/* its own list is an <ol> */
	struct ap_span	*spans;		/* links, emphasis, by start */
	size_t		 nspans;
};

/* An image the front end found, before the article is built. */
struct ap_dfig {
	const char	*src, *alt, *caption, *credit;
	size_t		 block;		/* blocks emitted before it */
};

/* Metadata a front end found in structured form (HTML head, JSON-LD);
 * article.c prefers it to guesses from the block sequence. */
struct ap_meta {
	const char	*headline;	/* h1 / og:title / JSON-LD, agreed */
	const char	*description;	/* og:description, for the standfirst */
	const char	**authors;	/* names, NULL-terminated, or NULL */
	bool		 authors_site;	/* they only name the site itself */
	const char	*date;		/* ISO 8601 */
	const char	*date_modified;
	const char	*date_shown;	/* a short date text by the title */
	const char	*site_name;
	const char	*lang;
	const char	*url;		/* canonical, absolute */
};

struct ap_doc {
	struct ap_arena	 arena;
	struct ap_opts	 opts;
	const char	*text;		/* decoded input, UTF-8, LF */
	size_t		 textlen;
	const char	*encoding;	/* charset the input was decoded from */
	struct ap_block	*blocks;
	size_t		 nblocks;
	size_t		 capblocks;
	struct ap_meta	 meta;
	struct ap_dfig	*figs;		/* in document order */
	size_t		 nfigs, capfigs;
	struct ap_article art;
	bool		 whole_page;	/* html: emit the whole page, not
					 * only the container and around */
	double		 body_sum;	/* classify: the body run's score */
	int		 fail;		/* why a jump to ap_parse's setjmp
					 * was not out of memory */
};

/* Append a block (text copied into the arena); returns it for the caller
 * to fill in flags.  Empty text is not added: NULL is returned. */
struct ap_block	*ap_doc_add_block(struct ap_doc *, const char *text,
		    size_t len, size_t line);

/*
 * Split a photo credit off a caption: "Une manifestation. Photo : Jean
 * Martin / AFP" gives the caption "Une manifestation." and the credit
 * "Jean Martin / AFP".  A credit the page marked apart (*credit already
 * set) is cut from the caption's end and loses its label.  Either may
 * come back NULL; new strings are arena strings.
 */
void	 ap_figure_credit(struct ap_arena *, const char **caption,
	    const char **credit);

/* "Catherine Morin": two to five words, capitalised but for particles. */
bool	 ap_name_shape(const char *s, size_t n);

/* Bytes of a text browser's image placeholder at s ("[logo]",
 * "[PHO5a02e98]", "[]"), or 0: not "[sic]", "[…]", "[1]" or "[Vidéo]". */
size_t	 ap_image_marker(const char *s, size_t n);

/* Stages, in pipeline order, each over the document alone; parse.c runs
 * them (doc.c calls none).  Each reports memory exhaustion through the
 * arena; the other failures come back as an enum ap_status. */
int	 ap_decode(struct ap_doc *, const unsigned char *bytes, size_t len);
void	 ap_text_blocks(struct ap_doc *);
void	 ap_html_blocks(struct ap_doc *);
void	 ap_features(struct ap_doc *);
void	 ap_classify(struct ap_doc *);
void	 ap_article_build(struct ap_doc *);
void	 ap_quotes_find(struct ap_doc *);

#endif /* AP_DOC_H */
