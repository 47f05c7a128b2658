/* SPDX-License-Identifier: ISC */
/*
 * UTF-8 iteration and character classes, backed by utf8proc's tables,
 * and the defensive decoder the writers use.
 */
#include <utf8proc.h>

#include "utf8.h"

uint32_t
ap_utf8_next(const char *s, size_t n, size_t *k)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;

	r = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    n > 4 ? 4 : (utf8proc_ssize_t)n, &cp);
	if (r <= 0) {
		*k = 1;
		return 0xFFFD;
	}
	*k = (size_t)r;
	return (uint32_t)cp;
}

uint32_t
ap_utf8_prev(const char *s, size_t n, size_t *k)
{
	size_t i = n, got;
	uint32_t cp;

	if (n == 0) {
		*k = 0;
		return 0;
	}
	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	cp = ap_utf8_next(s + i, n - i, &got);
	if (i + got != n) {
		*k = 1;
		return 0xFFFD;
	}
	*k = got;
	return cp;
}

size_t
ap_utf8_count(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

bool
ap_is_letter(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);

	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool
ap_is_upper(uint32_t cp)
{
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

bool
ap_is_lower(uint32_t cp)
{
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

bool
ap_is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

bool
ap_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == AP_NBSP ||
	    cp == AP_NNBSP || cp == 0x2009 || cp == 0x2007 || cp == 0x200A;
}

bool
ap_is_invisible(uint32_t cp)
{
	return cp == 0x00AD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t
ap_utf8_get(const char *s, uint32_t *cp)
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
ap_utf8_visible(uint32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' ||
	    cp == '\r')
		return ' ';
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0xFFFD;
	return cp;
}
