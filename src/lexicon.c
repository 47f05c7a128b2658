/* SPDX-License-Identifier: ISC */
/*
 * Cue lookup: the generated table is sorted bytewise, so the phrases that
 * can start a string all lie in the range sharing its first byte.
 */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "lexicon.h"

struct cue {
	enum ap_cue	 cls;
	const char	*phrase;
};

static const struct cue cues[] = {
#include "lexicon.inc"
};

#define NCUES (sizeof(cues) / sizeof(cues[0]))

size_t
ap_fold(const char *s, size_t n, char *out, size_t cap)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t i = 0, o = 0;
	int space = 0;

	if (cap == 0)
		return 0;
	while (i < n && o + 5 < cap) {
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			i++;
			continue;
		}
		i += (size_t)k;
		if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
			cp = '\'';
		else if (cp == 0xA0 || cp == 0x202F || cp == 0x2009 ||
		    cp == '\t' || cp == '\n')
			cp = ' ';
		else
			cp = utf8proc_tolower(cp);
		if (cp == ' ') {
			if (space || o == 0)
				continue;
			space = 1;
		} else
			space = 0;
		o += (size_t)utf8proc_encode_char(cp,
		    (utf8proc_uint8_t *)out + o);
	}
	out[o] = '\0';
	return o;
}

static bool
is_wordchar(const char *s)
{
	utf8proc_int32_t cp;
	utf8proc_category_t cat;

	if (utf8proc_iterate((const utf8proc_uint8_t *)s, 4, &cp) <= 0)
		return false;
	cat = utf8proc_category(cp);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* A phrase ending in a letter must end a word; "photo :" ends anywhere. */
static bool
word_end(const char *s, size_t len)
{
	unsigned char last = (unsigned char)s[len - 1];

	if (last < 0x80 && !is_wordchar(s + len - 1))
		return true;
	return s[len] == '\0' || !is_wordchar(s + len);
}

/* First index whose phrase starts with byte c. */
static size_t
first_with(unsigned char c)
{
	size_t lo = 0, hi = NCUES, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((unsigned char)cues[mid].phrase[0] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
ap_cue_prefix(const char *s, enum ap_cue c)
{
	size_t i, len, best = 0;
	unsigned char first = (unsigned char)s[0];

	if (first == '\0')
		return 0;
	for (i = first_with(first);
	    i < NCUES && (unsigned char)cues[i].phrase[0] == first; i++) {
		if (cues[i].cls != c)
			continue;
		len = strlen(cues[i].phrase);
		if (len > best && strncmp(s, cues[i].phrase, len) == 0 &&
		    word_end(s, len))
			best = len;
	}
	return best;
}

unsigned
ap_cue_classes(const char *s, unsigned *whole)
{
	size_t i, len;
	unsigned m = 0;
	unsigned char first = (unsigned char)s[0];
	const char *rest;

	if (whole != NULL)
		*whole = 0;
	if (first == '\0')
		return 0;
	for (i = first_with(first);
	    i < NCUES && (unsigned char)cues[i].phrase[0] == first; i++) {
		len = strlen(cues[i].phrase);
		if (strncmp(s, cues[i].phrase, len) != 0 || !word_end(s, len))
			continue;
		m |= 1u << cues[i].cls;
		if (whole == NULL)
			continue;
		for (rest = s + len; *rest != '\0' && !is_wordchar(rest); rest++)
			;
		if (*rest == '\0')
			*whole |= 1u << cues[i].cls;
	}
	return m;
}

unsigned
ap_cue_classes_anywhere(const char *s)
{
	size_t i;
	unsigned m = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\'' ||
		    s[i - 1] == '(' || s[i - 1] == '|')
			m |= ap_cue_classes(s + i, NULL);
	return m;
}

bool
ap_cue_whole(const char *s, enum ap_cue c)
{
	unsigned whole;

	ap_cue_classes(s, &whole);
	return (whole & (1u << c)) != 0;
}
