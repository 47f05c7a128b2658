/* SPDX-License-Identifier: ISC */
/*
 * XML 1.0 character data and attribute values: the markup characters
 * become entity references and the characters XML cannot carry at all
 * are dropped, so a document stays well-formed whatever the text holds.
 */
#include <stdbool.h>
#include <stdint.h>

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

static void
put(struct ap_buf *b, const char *s, bool attr)
{
	const char *run;
	uint32_t cp;

	while (*s != '\0') {
		for (run = s; (unsigned char)*s >= 0x20 &&
		    (unsigned char)*s < 0x80 && *s != '&' && *s != '<' &&
		    *s != '>' && *s != '"'; s++)
			continue;
		ap_buf_put(b, run, (size_t)(s - run));
		if (*s == '\0')
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
		case '\r':
			if (attr)
				ap_buf_printf(b, "&#%u;", (unsigned)cp);
			else
				ap_buf_putc(b, (char)cp);
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
	put(b, s, false);
}

void
ap_esc_xml_attr(struct ap_buf *b, const char *s)
{
	put(b, s, true);
}
