/* SPDX-License-Identifier: ISC */
/*
 * Charset detection and conversion to UTF-8.  ap_decode() (doc.h) is the
 * stage; the helpers below are shared with the HTML front end and let the
 * tests drive the streaming decoder one chunk at a time.
 */
#ifndef AP_DECODE_H
#define AP_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "artparse.h"
#include "arena.h"
#include "buf.h"

/*
 * A streaming converter to UTF-8.  The iconv descriptor is kept as a
 * void * so that no file but decode.c needs <iconv.h>; it is NULL when
 * the input is UTF-8, which is checked and repaired without iconv.
 */
struct ap_decoder {
	struct ap_arena	*arena;
	void		*cd;		/* iconv_t, or NULL for UTF-8 */
	bool		 c1;		/* windows-1252: undefined bytes → C1 */
	size_t		 unit;		/* bytes skipped when invalid */
	unsigned char	 carry[16];	/* incomplete sequence from last feed */
	size_t		 ncarry;
};

/*
 * Open a decoder from "charset" (an iconv name; "UTF-8" in any spelling
 * uses the built-in path).  While open, the iconv descriptor sits in the
 * arena's cleanup slot, which must be free, so an out-of-memory jump does
 * not leak it.  Returns AP_OK, or AP_EENCODING if iconv does not know the
 * charset.
 */
int	 ap_decoder_open(struct ap_decoder *, struct ap_arena *,
	    const char *charset);
/*
 * Convert n bytes and append the UTF-8 to "out".  An incomplete sequence
 * at the end is kept for the next call; invalid bytes become U+FFFD.
 */
void	 ap_decoder_feed(struct ap_decoder *, const unsigned char *p, size_t n,
	    struct ap_buf *out);
/* End of input: a dangling incomplete sequence becomes U+FFFD. */
void	 ap_decoder_finish(struct ap_decoder *, struct ap_buf *out);
/* Close the iconv descriptor and free the arena's cleanup slot. */
void	 ap_decoder_close(struct ap_decoder *);

/* True if p[0..n) is strict UTF-8: no overlong, surrogate or > U+10FFFF. */
bool	 ap_utf8_valid(const unsigned char *p, size_t n);

/*
 * The charset that <meta charset> or <meta http-equiv="Content-Type"> (or
 * an XML declaration) announces in the first 1024 bytes, as a static name
 * iconv accepts: "UTF-8", "windows-1252" for the latin-1 and ASCII labels,
 * "ISO-8859-15", ...  NULL when there is none or the label is unknown.
 */
const char *ap_sniff_meta_charset(const unsigned char *p, size_t n);

/*
 * The same, searched in the whole <head>: up to "<body" or 64 KiB.  A
 * browser reading a page in a tentative encoding changes it when the
 * parser meets such a <meta> past the first 1024 bytes.
 */
const char *ap_sniff_head_charset(const unsigned char *p, size_t n);

#endif /* AP_DECODE_H */
