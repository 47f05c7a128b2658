/* SPDX-License-Identifier: ISC */
/*
 * Error lines of the command.  File names come from the web as much as
 * pages do: a newline or a terminal escape in one must neither split the
 * one-line message nor reach the terminal, so control bytes are shown
 * as C escapes, and so are the C1 controls and the bidirectional
 * overrides that would reorder or hijack the rest of the line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/*
 * Length of the UTF-8 sequence at "s" and its code point in *cp, or 0
 * when "s" does not start a valid, shortest-form sequence.
 */
static size_t
utf8_seq(const unsigned char *s, unsigned long *cp)
{
	size_t n, i;
	unsigned long c;

	if (s[0] < 0xC2 || s[0] > 0xF4)
		return 0;
	n = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
	c = s[0] & (0x7F >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (n == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return 0;
	*cp = c;
	return n;
}

/* Characters a terminal acts on: C1 controls, bidirectional overrides. */
static int
unsafe_cp(unsigned long c)
{
	return (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
	    (c >= 0x2066 && c <= 0x2069);
}

size_t
ap_cli_escape(const char *s, char *buf, size_t size)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0, n, i;
	unsigned long cp;
	char esc[17];
	const char *e;

	if (size == 0)
		return 0;
	while (*u != '\0') {
		n = 1;
		if (*u == '\n')
			e = "\\n";
		else if (*u == '\t')
			e = "\\t";
		else if (*u < 0x20 || *u == 0x7F) {
			snprintf(esc, sizeof(esc), "\\%03o", *u);
			e = esc;
		} else if (*u < 0x80) {
			esc[0] = (char)*u;
			esc[1] = '\0';
			e = esc;
		} else if ((n = utf8_seq(u, &cp)) > 0 && !unsafe_cp(cp)) {
			memcpy(esc, u, n);
			esc[n] = '\0';
			e = esc;
		} else {
			/* A raw byte that is no UTF-8 (0x9B is CSI to an
			 * 8-bit terminal), or a sequence for U+0080-U+009F
			 * or a bidi override: shown byte by byte. */
			if (n == 0)
				n = 1;
			for (i = 0; i < n; i++)
				snprintf(esc + 4 * i, sizeof(esc) - 4 * i,
				    "\\%03o", u[i]);
			e = esc;
		}
		u += n;
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
