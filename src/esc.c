/* SPDX-License-Identifier: ISC */
/*
 * Escaping shared by the writers.  JSON escapes only what RFC 8259 needs
 * plus U+2028/U+2029 (line terminators in JavaScript); CommonMark escapes
 * the ASCII punctuation that could start markup, so a paragraph renders as
 * the text it came from.  Both repair invalid UTF-8 with U+FFFD.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "esc.h"

size_t
ap_esc_u8next(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, i;
	uint32_t c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		need = 1;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		need = 2;
		c = u[0] & 0x0F;
		if (u[0] == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (u[0] == 0xED)
			hi = 0x9F;	/* surrogates */
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		need = 3;
		c = u[0] & 0x07;
		if (u[0] == 0xF0)
			lo = 0x90;	/* overlong */
		else if (u[0] == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	/* The terminating NUL fails the range test: no read past it. */
	for (i = 1; i <= need; i++) {
		if (u[i] < lo || u[i] > hi) {
			*cp = 0xFFFD;
			return i;
		}
		c = c << 6 | (u[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = c;
	return need + 1;
}

uint32_t
ap_esc_visible(uint32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' ||
	    cp == '\r')
		return ' ';
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0xFFFD;
	return cp;
}

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
		s += ap_esc_u8next(s, &cp);
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
	const char *end, *p;
	uint32_t cp;
	char c, prev = ' ';

	while (isspace_ascii(*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace_ascii(end[-1]))
		end--;

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

	while (s < end) {
		if ((unsigned char)*s >= 0x80) {
			s += ap_esc_u8next(s, &cp);
			ap_buf_putcp(b, ap_esc_visible(cp));
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
		cp = ap_esc_visible((unsigned char)c);
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
			u += ap_esc_u8next(u, &cp);
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
