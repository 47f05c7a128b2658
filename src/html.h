/* SPDX-License-Identifier: ISC */
/*
 * The HTML front end.  html_tree.c has libxml2 parse the page in SAX mode
 * into a compact tree (html_tree.h); html_src.c walks that tree: it
 * collects the raw metadata into a struct ap_hmeta, picks the article
 * container and emits the block sequence.  html_meta.c turns the raw
 * metadata (meta tags, JSON-LD, title, visible h1s) into d->meta.  Only
 * html_tree.c sees libxml2.
 */
#ifndef AP_HTML_H
#define AP_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "artparse.h"
#include "arena.h"
#include "buf.h"
#include "doc.h"

/* Raw metadata keys: the first value seen for each is kept. */
enum ap_hkey {
	AP_HK_TITLE = 0,	/* <title> */
	AP_HK_OG_TITLE,		/* og:title */
	AP_HK_TW_TITLE,		/* twitter:title */
	AP_HK_OG_DESC,		/* og:description */
	AP_HK_DESC,		/* description */
	AP_HK_TW_DESC,		/* twitter:description */
	AP_HK_SITE,		/* og:site_name */
	AP_HK_APPNAME,		/* application-name */
	AP_HK_OG_URL,		/* og:url */
	AP_HK_CANONICAL,	/* <link rel=canonical> */
	AP_HK_BASE,		/* <base href> */
	AP_HK_LANG,		/* <html lang> */
	AP_HK_LANG_META,	/* content-language, og:locale */
	AP_HK_OG_TYPE,		/* og:type */
	AP_HK_PUBTIME,		/* article:published_time */
	AP_HK_MODTIME,		/* article:modified_time, og:updated_time */
	AP_HK_DATE,		/* date, dc.date, pubdate, parsely-pub-date */
	AP_HK_MODDATE,		/* dc.date.modified, dateModified microdata */
	AP_HK_TIME,		/* first <time datetime> in the article */
	AP_HK__MAX
};

#define AP_HMETA_MAXAUTH	16
#define AP_HMETA_MAXLD		16
#define AP_HMETA_MAXH1		16	/* h1s, then the first h2s */
#define AP_HMETA_MAXH2		8

/*
 * A visible <h1> (or <h2>) and where it sits relative to the article
 * container.  An h2 is the headline only when it is in the article and
 * agrees with the page's titles: pages without an h1 title the post
 * with an h2.
 */
struct ap_hcand {
	const char	*text;		/* spaces collapsed */
	int		 near;		/* 0 in or just before the article,
					 * 1 elsewhere, 2 in nav, header… */
	int		 level;		/* 1 or 2 */
};

/* What html_src.c found; strings belong to the document's arena. */
struct ap_hmeta {
	const char	*v[AP_HK__MAX];
	const char	*authors[AP_HMETA_MAXAUTH];	/* meta author values */
	size_t		 nauthors;
	const char	*jsonld[AP_HMETA_MAXLD];	/* script bodies */
	size_t		 njsonld;
	struct ap_hcand	 h1[AP_HMETA_MAXH1];
	size_t		 nh1;
	const char	*authorlinks[AP_HMETA_MAXAUTH];	/* rel=author texts */
	size_t		 nauthorlinks;
};

/*
 * Record <meta name|property|itemprop|http-equiv=NAME content=VALUE>; NAME
 * is matched without regard to case.  Unknown names are ignored.
 */
void	 ap_hmeta_add(struct ap_arena *, struct ap_hmeta *,
	    const char *name, const char *value);
/* Set key k to a copy of s (spaces collapsed) unless it is already set. */
void	 ap_hmeta_set(struct ap_arena *, struct ap_hmeta *, enum ap_hkey k,
	    const char *s, size_t n);

/*
 * Fill d->meta from m.  Returns the index in m->h1 of the headline chosen,
 * or -1 when the headline did not come from a visible h1.
 */
int	 ap_html_meta(struct ap_doc *d, const struct ap_hmeta *m);

/*
 * Append n bytes of text to b, collapsing ASCII white space into single
 * spaces (*space carries a pending space between calls; leading space is
 * dropped), keeping U+00A0 and U+202F (and soft hyphens, as the page has
 * them), dropping zero-width spaces and U+FEFF, and reading U+0080..U+009F
 * as windows-1252 the way browsers read "&#133;".  Returns the number of
 * code points appended.
 */
size_t	 ap_html_puttext(struct ap_buf *b, const char *s, size_t n,
	    bool *space);
/*
 * Trim spaces and no-break spaces from both ends of p[0..*n): returns the
 * first byte kept and stores the length kept in *n.
 */
const char *ap_html_trim(const char *p, size_t *n);
/* s[0..n) with spaces collapsed and trimmed, as a new arena string. */
char	*ap_html_collapse(struct ap_arena *, const char *s, size_t n);

/*
 * Loose comparison key: ASCII lower case, Latin accents removed, "œ" as
 * "oe", everything but letters and digits dropped.  Written to b.
 */
void	 ap_html_fold(struct ap_buf *b, const char *s, size_t n);
/* Whether a and b have the same loose key (both non-empty). */
bool	 ap_html_same(struct ap_arena *, const char *a, const char *b);

/*
 * An ISO 8601 date from a metadata value: "YYYY-MM-DD", followed by the
 * time and offset as given when there is a well-formed one.  Also accepts
 * "YYYYMMDD", "DD/MM/YYYY" and RFC 822 dates.  NULL when not a date.
 */
const char *ap_html_date(struct ap_arena *, const char *s);

/*
 * The <title> without a trailing " - Site" / " | Site" / " – Site" part
 * when that part is the site name (site may be NULL) or looks like one.
 */
const char *ap_html_clean_title(struct ap_arena *, const char *title,
	    const char *site);

/*
 * Split one credit ("Par A, B et C", "Le Monde avec AFP") into names and
 * append those not already in out[0..*n) to out, up to max.  Values that
 * are URLs, dates, roles or the site name itself are skipped.
 */
void	 ap_html_authors(struct ap_arena *, const char *credit,
	    const char *site, const char **out, size_t *n, size_t max);

/*
 * Reconcile d->meta.authors with a visible byline: when the byline names
 * every author of the metadata and more ("A et B" where JSON-LD lists
 * only A), its names replace them.  Otherwise nothing changes.
 */
void	 ap_html_byline(struct ap_doc *d, const char *byline);

/*
 * Whether s (n bytes) opens with a French or English "related articles"
 * label: "À lire aussi", "Sur le même sujet", "Articles connexes"...
 */
bool	 ap_html_related_label(const char *s, size_t n);

#endif /* AP_HTML_H */
