/* SPDX-License-Identifier: ISC */
/*
 * What an input is, decided from its first bytes: one test for the
 * library (markup or text, doc.c and decode.c) and the command (which
 * names of a folder to take, and whether a file is a web archive).
 */
#ifndef AP_SNIFF_H
#define AP_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes the tests look at. */
#define AP_SNIFF_LEN	2048

enum ap_sniffed {
	AP_SNIFF_TEXT = 0,	/* text without markup */
	AP_SNIFF_HTML,		/* a tag near the start (or UTF-16) */
	AP_SNIFF_BINARY,	/* control bytes, PDF, PostScript, RTF */
	AP_SNIFF_GZIP,		/* a gzip stream (of anything) */
	AP_SNIFF_WARC		/* a WARC record's version line */
};

/* Whether a tag of a page comes in the first AP_SNIFF_LEN bytes. */
bool		 ap_sniff_markup(const unsigned char *p, size_t n);

/* What the (already inflated, for gzip) bytes p[0..n) start. */
enum ap_sniffed	 ap_sniff(const unsigned char *p, size_t n);

#endif /* AP_SNIFF_H */
