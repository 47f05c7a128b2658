/* SPDX-License-Identifier: ISC */
/*
 * XML 1.0 character data and attribute values: the markup characters
 * become entity references and the characters XML cannot carry at all
 * are dropped, so a document stays well-formed whatever the text holds.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "esc.h"
#include "utf8.h"

/* XML 1.0 production Char, over what ap_utf8_get() can return. */
static bool
xml_char(uint32_t cp)
{
	if (cp < 0x20)
		return cp == '\t' || cp == '\n' || cp == '\r';
	return cp != 0xFFFE && cp != 0xFFFF;
}

/* Escape [s, e), or up to the NUL when e is NULL. */
static void
put(struct ap_buf *b, const char *s, const char *e, bool attr)
{
	const char *run;
	uint32_t cp;

	while (e != NULL ? s < e && *s != '\0' : *s != '\0') {
		for (run = s; (e == NULL || s < e) &&
		    (unsigned char)*s >= 0x20 &&
		    (unsigned char)*s < 0x80 && *s != '&' && *s != '<' &&
		    *s != '>' && *s != '"'; s++)
			continue;
		ap_buf_put(b, run, (size_t)(s - run));
		if (*s == '\0' || (e != NULL && s >= e))
			break;
		s += ap_utf8_get(s, &cp);
		switch (cp) {
		case '&':
			ap_buf_puts(b, "&amp;");
			break;
		case '<':
			ap_buf_puts(b, "&lt;");
			break;
		case '>':
			ap_buf_puts(b, "&gt;");
			break;
		case '"':
			ap_buf_puts(b, attr ? "&quot;" : "\"");
			break;
		case '\t':
		case '\n':
			if (attr)
				ap_buf_printf(b, "&#%u;", (unsigned)cp);
			else
				ap_buf_putc(b, (char)cp);
			break;
		case '\r':
			/* A parser would read a raw CR as a line feed. */
			ap_buf_puts(b, "&#13;");
			break;
		default:
			if (xml_char(cp))
				ap_buf_putcp(b, cp);
			break;
		}
	}
}

void
ap_esc_xml(struct ap_buf *b, const char *s)
{
	put(b, s, NULL, false);
}

void
ap_esc_xml_n(struct ap_buf *b, const char *s, size_t n)
{
	put(b, s, s + n, false);
}

void
ap_esc_xml_attr(struct ap_buf *b, const char *s)
{
	put(b, s, NULL, true);
}

/* Characters RFC 3986 allows in a URI reference, besides letters and
 * digits ("%" included: escapes already there stay as they are). */
static bool
uri_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || strchr("-._~:/?#[]@!$&'()*+,;=%",
	    c) != NULL;
}

void
ap_esc_xml_url(struct ap_buf *b, const char *u)
{
	const unsigned char *p;

	for (p = (const unsigned char *)u; *p != '\0'; p++) {
		if (*p == '&')
			ap_buf_puts(b, "&amp;");
		else if (*p < 0x80 && uri_char((char)*p))
			ap_buf_putc(b, (char)*p);
		else
			ap_buf_printf(b, "%%%02X", *p);
	}
}
