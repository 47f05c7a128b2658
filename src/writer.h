/* SPDX-License-Identifier: ISC */
/*
 * The writer vtable.  ap_render() drives one writer over an article:
 * begin (metadata), block for each body item, end (related, closing).
 * Writers see the article and the writer options only, never the parser's
 * document; the tree writer alone gets a read-only view of the blocks.
 * Writers append to an in-memory buffer that the driver hands to the sink
 * in one write, so a failure leaves no partial output behind.
 *
 * A new format is one writer file (w_FORMAT.c), its escaper (esc_FORMAT.c,
 * declared in esc.h), one row of the table in writer.c and its golden
 * files (tests/regress.sh).
 */
#ifndef AP_WRITER_H
#define AP_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "artparse.h"
#include "buf.h"

struct ap_block;

struct ap_wctx {
	struct ap_buf		*out;	/* whole output, in a scratch arena */
	const struct ap_wopts	*wo;
	const struct ap_block	*blocks; /* every block, dropped ones too */
	size_t			 nblocks;
	void			*state;	/* statesz bytes, zeroed */
};

/*
 * A callback returns AP_OK or stops the rendering with a status.  Out of
 * memory never returns: the arena of ctx->out jumps back to ap_render().
 * A NULL callback is skipped.
 */
struct ap_writer {
	const char	*name;		/* --format value and --help listing */
	const char	*ext;		/* batch output suffix */
	size_t		 statesz;
	int		(*begin)(struct ap_wctx *, const struct ap_article *);
	int		(*block)(struct ap_wctx *, const struct ap_body *,
			    size_t i);
	int		(*end)(struct ap_wctx *, const struct ap_article *);
};

extern const struct ap_writer ap_w_json;
extern const struct ap_writer ap_w_markdown;
extern const struct ap_writer ap_w_text;
extern const struct ap_writer ap_w_tree;
extern const struct ap_writer ap_w_tei;

/*
 * The first line of every TEI document.  Many documents on standard
 * output make one <teiCorpus> (batch.c): each loses this line, and the
 * corpus opens with AP_TEI_CORPUS_HEAD and closes with
 * AP_TEI_CORPUS_TAIL.
 */
#define AP_TEI_XMLDECL	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
extern const char ap_tei_corpus_head[];
extern const char ap_tei_corpus_tail[];

/*
 * Helpers for the human-readable writers; they append raw (unescaped)
 * UTF-8.  The byline is "Par A (role), B"; the date line "Publié le 5 mars
 * 2024, mis à jour le 6 mars 2024".  Each returns false, appending
 * nothing, when the article has no such information.
 */
bool	 ap_w_byline(struct ap_buf *, const struct ap_article *);
bool	 ap_w_dateline(struct ap_buf *, const struct ap_article *);

/*
 * Numbering of list items across calls: the number of item bo in its own
 * list (1, 2, ...; deeper lists restart at 1), and the marker width of
 * each depth (mw[d], set by the writer) to indent the items below it.
 */
#define AP_W_MAXDEPTH	16
struct ap_wlist {
	size_t		 list;		/* body list id of the last item */
	unsigned	 n[AP_W_MAXDEPTH + 1];
	size_t		 mw[AP_W_MAXDEPTH + 1];
};
unsigned ap_w_list_next(struct ap_wlist *, const struct ap_body *bo);
/* bo's depth, clamped to 1..AP_W_MAXDEPTH. */
unsigned ap_w_list_depth(const struct ap_body *bo);

/* Display columns of a code point (0 for combining marks, 2 for wide). */
size_t	 ap_w_width(uint32_t cp);

/* True when s is NULL or holds only ASCII white space. */
bool	 ap_w_blank(const char *s);

#endif /* AP_WRITER_H */
