/* SPDX-License-Identifier: ISC */
/*
 * WARC/1.0 and 1.1 records (ISO 28500; and the drafts 0.17 and 0.18 of
 * ClueWeb) read one at a time from a gz.h
 * stream, in bounded memory: a record's block is held only when it is to
 * be converted and within the size limit, else skipped as it streams by.
 * The HTTP response in a block is parsed here too (status line, headers,
 * chunked transfer coding, gzip or deflate content coding), and each
 * record is either converted, skipped for a reason, or reported broken.
 */
#ifndef AP_WARC_H
#define AP_WARC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gz.h"

/* Why a record is not converted, for the summary. */
enum ap_warc_skip {
	AP_SKIP_WARCINFO = 0,
	AP_SKIP_REQUEST,
	AP_SKIP_METADATA,
	AP_SKIP_REVISIT,
	AP_SKIP_REDIRECT,	/* HTTP 3xx */
	AP_SKIP_STATUS,		/* any other status than 200 */
	AP_SKIP_NOT_HTML,	/* a Content-Type other than HTML or XHTML */
	AP_SKIP_OTHER,		/* conversion, continuation, unknown types */
	AP_SKIP__MAX
};

/* "warcinfo", "request"... as the summary names them. */
const char	*ap_warc_skip_name(enum ap_warc_skip);

enum ap_warc_what {
	AP_WARC_CONVERT = 0,	/* payload holds the page */
	AP_WARC_SKIP,		/* skip says why */
	AP_WARC_BAD		/* why says what is wrong */
};

/* Longest header line, and all the header lines of a record together. */
#define AP_WARC_LINE_MAX	32768
#define AP_WARC_HEAD_MAX	(1024 * 1024)

struct ap_warc_rec {
	enum ap_warc_what	 what;
	enum ap_warc_skip	 skip;
	uint64_t		 offset;	/* see ap_warc_next() */
	char			*uri;		/* WARC-Target-URI, or NULL */
	char			*id;		/* WARC-Record-ID, or NULL */
	char			*date;		/* WARC-Date, or NULL */
	unsigned char		*payload;	/* malloc'd; the caller may take it */
	size_t			 len;
	char			 charset[64];	/* from Content-Type; "" none */
	char			 why[160];
};

struct ap_warc {
	struct ap_gz	*g;
	size_t		 max;		/* --max-size, per record */
	uint64_t	 nrec;
};

/* Read records from "g" (already opened); blocks above "max" are refused. */
void	 ap_warc_init(struct ap_warc *w, struct ap_gz *g, size_t max);

/*
 * The next record into "r" (whose previous strings and payload, unless
 * taken, it frees first; zero it before the first call).  Its offset is
 * the file offset of the gzip member it starts, or its offset in the
 * (inflated) stream when it starts none (an uncompressed file, or one
 * gzip member for the whole file).  A broken record (AP_WARC_BAD) is
 * followed by the next record found: the next gzip member, or the next
 * line "WARC/...".  Returns 1 with a record, 0 at the end, -1 when the
 * file cannot be read any further (r->why says why).
 */
int	 ap_warc_next(struct ap_warc *w, struct ap_warc_rec *r);
void	 ap_warc_rec_free(struct ap_warc_rec *r);

/* Whether p[0..n) starts with a WARC record's version line. */
bool	 ap_warc_magic(const unsigned char *p, size_t n);

/*
 * The HTTP response p[0..n): its status, whether Content-Type is HTML,
 * its charset, and its payload (dechunked and inflated, at most "max"
 * bytes) in a new malloc'd buffer.  Returns 0, or -1 with "why" set.
 * Exposed for the unit tests.
 */
int	 ap_http_response(const unsigned char *p, size_t n, size_t max,
	    int *status, bool *html, char *charset, size_t charsetsz,
	    unsigned char **payload, size_t *len, char *why, size_t whysz);

/* Whether the media type "ct" (a Content-Type value) is HTML or XHTML;
 * its charset parameter is copied into "charset" ("" when none). */
bool	 ap_media_html(const char *ct, size_t n, char *charset,
	    size_t charsetsz);

#endif /* AP_WARC_H */
