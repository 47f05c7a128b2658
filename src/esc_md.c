/* SPDX-License-Identifier: ISC */
/*
 * CommonMark text and link destinations: the ASCII punctuation that could
 * start markup is escaped, so a paragraph renders as the text it came
 * from; invalid UTF-8 becomes U+FFFD.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "esc.h"
#include "utf8.h"

static bool
isspace_ascii(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

static bool
isdigit_ascii(char c)
{
	return c >= '0' && c <= '9';
}

static bool
isalnum_ascii(char c)
{
	return isdigit_ascii(c) || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* "&" starts a character reference only before a name or "#". */
static bool
starts_entity(const char *s)
{
	return s[0] == '&' && (isalnum_ascii(s[1]) || s[1] == '#');
}

void
ap_esc_md(struct ap_buf *b, const char *s)
{
	const char *end;

	while (isspace_ascii(*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace_ascii(end[-1]))
		end--;
	ap_esc_md_part(b, s, (size_t)(end - s), true);
}

void
ap_esc_md_part(struct ap_buf *b, const char *s, size_t n, bool line_start)
{
	const char *end = s + n, *p;
	uint32_t cp;
	char c, prev = ' ';

	if (!line_start)
		goto inline_text;
	/*
	 * Block starts: an ordered list marker ("1." "2024)"), a bullet or
	 * thematic break ("- ", "---", "+ ").  "#", ">", "*", "_" are
	 * handled below because they are escaped wherever they may act.
	 */
	for (p = s; p < end && isdigit_ascii(*p); p++)
		continue;
	if (p > s && p < end && (*p == '.' || *p == ')')) {
		ap_buf_put(b, s, (size_t)(p - s));
		ap_buf_putc(b, '\\');
		ap_buf_putc(b, *p);
		prev = *p;
		s = p + 1;
	} else if (s < end && (*s == '-' || *s == '+') &&
	    (s + 1 == end || isspace_ascii(s[1]) || s[1] == '-')) {
		ap_buf_putc(b, '\\');
		ap_buf_putc(b, *s);
		prev = *s;
		s++;
	}

inline_text:
	while (s < end) {
		if ((unsigned char)*s >= 0x80) {
			s += ap_utf8_get(s, &cp);
			ap_buf_putcp(b, ap_utf8_visible(cp));
			prev = 'x';
			continue;
		}
		c = *s;
		switch (c) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '<': case '>': case '|': case '~':
			ap_buf_putc(b, '\\');
			break;
		case '#':
			/* Opens a heading, or closes one after a space. */
			if (prev == ' ')
				ap_buf_putc(b, '\\');
			break;
		case '&':
			if (starts_entity(s))
				ap_buf_putc(b, '\\');
			break;
		default:
			break;
		}
		cp = ap_utf8_visible((unsigned char)c);
		ap_buf_putcp(b, cp);
		prev = cp == ' ' ? ' ' : c;
		s++;
	}
}

void
ap_esc_md_url(struct ap_buf *b, const char *u)
{
	uint32_t cp;

	while (*u != '\0') {
		if ((unsigned char)*u >= 0x80) {
			u += ap_utf8_get(u, &cp);
			ap_buf_putcp(b, cp);
			continue;
		}
		/* Spaces and controls end a destination: percent-encode. */
		if ((unsigned char)*u <= 0x20 || *u == 0x7F)
			ap_buf_printf(b, "%%%02X", (unsigned char)*u);
		else if (*u == '(' || *u == ')' || *u == '<' || *u == '>' ||
		    *u == '\\') {
			ap_buf_putc(b, '\\');
			ap_buf_putc(b, *u);
		} else if (starts_entity(u))
			/* cmark decodes entities before backslashes here. */
			ap_buf_puts(b, "&amp;");
		else
			ap_buf_putc(b, *u);
		u++;
	}
}
