/* SPDX-License-Identifier: ISC */
/*
 * One escaper per output format, one file each: esc_json.c, esc_md.c,
 * esc_xml.c.  Each appends to a buffer and repairs invalid UTF-8 with
 * U+FFFD (utf8.h, ap_utf8_get()), so every writer emits valid UTF-8
 * whatever the article holds.
 */
#ifndef AP_ESC_H
#define AP_ESC_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Append "s" as a quoted JSON string, or null when s is NULL. */
void	 ap_esc_json(struct ap_buf *, const char *s);

/*
 * Append "s" as CommonMark inline text that renders as exactly "s", with
 * s starting a line (so "# ", "- ", "1. " are escaped).  Leading and
 * trailing white space is dropped and line breaks become spaces: the
 * writers emit one line per block.
 */
void	 ap_esc_md(struct ap_buf *, const char *s);

/*
 * Append s[0..n) as CommonMark inline text, untrimmed: a piece of a line
 * between two markers ("[", "**").  With line_start, it starts the line
 * and block starts are escaped as in ap_esc_md().
 */
void	 ap_esc_md_part(struct ap_buf *, const char *s, size_t n,
	    bool line_start);

/* Append "url" as a CommonMark link destination (inside "(...)"). */
void	 ap_esc_md_url(struct ap_buf *, const char *url);

/*
 * Append "s" as XML 1.0 character data (ap_esc_xml) or as an attribute
 * value between double quotes (ap_esc_xml_attr, which also keeps tabs
 * and line breaks from attribute-value normalisation); a carriage return
 * is always a character reference.  Characters XML 1.0 does not allow
 * (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) are dropped.
 */
void	 ap_esc_xml(struct ap_buf *, const char *s);
void	 ap_esc_xml_attr(struct ap_buf *, const char *s);
/* ap_esc_xml() of the "n" bytes at "s", which end on a character. */
void	 ap_esc_xml_n(struct ap_buf *, const char *s, size_t n);

/*
 * Append "url" as an attribute value holding a URI (TEI's @target,
 * @url): bytes RFC 3986 does not allow, spaces and non-ASCII included,
 * are percent-encoded, so the value is an xsd:anyURI whatever the page
 * wrote.
 */
void	 ap_esc_xml_url(struct ap_buf *, const char *url);

#endif /* AP_ESC_H */
