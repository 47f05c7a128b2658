/* SPDX-License-Identifier: ISC */
/*
 * UTF-8 iteration and character classes, backed by utf8proc's tables.
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
