/* SPDX-License-Identifier: ISC */
/*
 * JSON string literals: only what RFC 8259 needs is escaped, plus
 * U+2028/U+2029 (line terminators in JavaScript); invalid UTF-8 becomes
 * U+FFFD.
 */
#include <stdint.h>

#include "esc.h"
#include "utf8.h"

void
ap_esc_json(struct ap_buf *b, const char *s)
{
	const char *run;
	uint32_t cp;

	if (s == NULL) {
		ap_buf_puts(b, "null");
		return;
	}
	ap_buf_putc(b, '"');
	while (*s != '\0') {
		for (run = s; (unsigned char)*s >= 0x20 &&
		    (unsigned char)*s < 0x80 && *s != '"' && *s != '\\'; s++)
			continue;
		ap_buf_put(b, run, (size_t)(s - run));
		if (*s == '\0')
			break;
		s += ap_utf8_get(s, &cp);
		switch (cp) {
		case '"':
			ap_buf_puts(b, "\\\"");
			break;
		case '\\':
			ap_buf_puts(b, "\\\\");
			break;
		case '\b':
			ap_buf_puts(b, "\\b");
			break;
		case '\f':
			ap_buf_puts(b, "\\f");
			break;
		case '\n':
			ap_buf_puts(b, "\\n");
			break;
		case '\r':
			ap_buf_puts(b, "\\r");
			break;
		case '\t':
			ap_buf_puts(b, "\\t");
			break;
		case 0x2028:
		case 0x2029:
			ap_buf_printf(b, "\\u%04x", (unsigned)cp);
			break;
		default:
			if (cp < 0x20)
				ap_buf_printf(b, "\\u%04x", (unsigned)cp);
			else
				ap_buf_putcp(b, cp);
			break;
		}
	}
	ap_buf_putc(b, '"');
}
