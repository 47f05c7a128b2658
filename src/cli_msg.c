/* SPDX-License-Identifier: ISC */
/*
 * Error lines of the command.  File names come from the web as much as
 * pages do: a newline or a terminal escape in one must neither split the
 * one-line message nor reach the terminal, so control bytes are shown
 * as C escapes.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

size_t
ap_cli_escape(const char *s, char *buf, size_t size)
{
	size_t o = 0;
	unsigned char c;
	char esc[5];
	const char *e;

	if (size == 0)
		return 0;
	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c == '\n')
			e = "\\n";
		else if (c == '\t')
			e = "\\t";
		else if (c < 0x20 || c == 0x7F) {
			snprintf(esc, sizeof(esc), "\\%03o", c);
			e = esc;
		} else {
			esc[0] = (char)c;
			esc[1] = '\0';
			e = esc;
		}
		for (; *e != '\0'; e++) {
			if (o + 1 >= size)
				goto out;
			buf[o++] = *e;
		}
	}
out:
	buf[o] = '\0';
	return o;
}

void
ap_cli_error(const char *fmt, ...)
{
	char msg[8192], safe[4 * sizeof(msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ap_cli_escape(msg, safe, sizeof(safe));
	fprintf(stderr, "artparse: %s\n", safe);
}
