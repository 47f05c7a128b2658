/* SPDX-License-Identifier: ISC */
/*
 * Photo credits: a caption often ends with who took the picture ("Un
 * manifestant place de la République. Photo : Jean Martin / AFP").  The
 * credit is split off the caption and stripped of its label, so that the
 * caption reads as a caption and the credit is never taken for an author.
 */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "doc.h"

/* Labels before a credit, lower case; "©" and "(c)" too. */
static const char *const labels[] = {
	"crédits photo", "crédit photo", "credits photo", "credit photo",
	"photo credit", "crédits", "crédit", "credits", "credit", "photos",
	"photo", "illustration", "image", "©", "(c)", "copyright"
};

/* Whether s starts with label l, ASCII letters in any case. */
static size_t
label_at(const char *s, const char *l)
{
	size_t i;

	for (i = 0; l[i] != '\0'; i++) {
		char ch = s[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (ch != l[i])
			return 0;
	}
	return i;
}

static bool
is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n';
}

/*
 * The length of the credit label at s, with its colon and the spaces
 * after it, or 0.  A word label ("Photo") needs a colon or "by"/"par"
 * after it; "©" needs nothing.
 */
static size_t
credit_label(const char *s)
{
	size_t i, n, k;
	const char *p;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		if ((n = label_at(s, labels[i])) == 0)
			continue;
		p = s + n;
		while (is_blank(*p) || strncmp(p, "\xc2\xa0", 2) == 0)
			p += *p == ' ' || *p == '\t' || *p == '\n' ? 1 : 2;
		if (*p == ':')
			p++;
		else if ((k = label_at(p, "by ")) > 0 ||
		    (k = label_at(p, "par ")) > 0)
			p += k;
		else if (labels[i][0] != '\xc2' && labels[i][0] != '(')
			continue;
		while (is_blank(*p) || strncmp(p, "\xc2\xa0", 2) == 0)
			p += *p == ' ' || *p == '\t' || *p == '\n' ? 1 : 2;
		return (size_t)(p - s);
	}
	return 0;
}

/* s[0..n) without spaces and separators at its ends, as a new string;
 * NULL when nothing is left. */
static const char *
trimmed(struct ap_arena *a, const char *s, size_t n)
{
	static const char seps[] = " \t\n|/-([,;:";

	while (n > 0 && (is_blank(*s) || *s == ')' || *s == ']'))
		s++, n--;
	while (n > 0 && strchr(seps, s[n - 1]) != NULL)
		n--;
	while (n >= 2 && memcmp(s + n - 2, "\xc2\xa0", 2) == 0)
		n -= 2;
	/* An en or em dash between caption and credit. */
	while (n >= 3 && (memcmp(s + n - 3, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(s + n - 3, "\xe2\x80\x94", 3) == 0)) {
		n -= 3;
		while (n > 0 && is_blank(s[n - 1]))
			n--;
	}
	return n > 0 ? ap_strndup(a, s, n) : NULL;
}

/* A credit's text without its label and the brackets around it. */
static const char *
credit_text(struct ap_arena *a, const char *s)
{
	size_t n;

	while (is_blank(*s))
		s++;
	if ((n = credit_label(s)) == 0) {
		while (*s == '(' || *s == '[' || is_blank(*s))
			s++;
		n = credit_label(s);
	}
	s += n;
	n = strlen(s);
	while (n > 0 && (is_blank(s[n - 1]) || s[n - 1] == ')' ||
	    s[n - 1] == ']' || s[n - 1] == '.'))
		n--;
	return n > 0 ? ap_strndup(a, s, n) : NULL;
}

void
ap_figure_credit(struct ap_arena *a, const char **caption,
    const char **credit)
{
	const char *c = *caption, *p;
	size_t n, cn;

	if (*credit != NULL) {
		/* Marked apart: cut it from the caption's end or start. */
		n = c != NULL ? strlen(c) : 0;
		cn = strlen(*credit);
		if (n >= cn && memcmp(c + n - cn, *credit, cn) == 0)
			*caption = trimmed(a, c, n - cn);
		else if (n >= cn && memcmp(c, *credit, cn) == 0)
			*caption = trimmed(a, c + cn, n - cn);
		*credit = credit_text(a, *credit);
		return;
	}
	if (c == NULL)
		return;
	for (p = c; *p != '\0'; p++) {
		/* A label opens the caption, or a word or bracket of it. */
		if (p > c && !is_blank(p[-1]) && p[-1] != '(' && p[-1] != '[')
			continue;
		if (p > c && p[-1] != '(' && p[-1] != '[' &&
		    !(*p >= 'A' && *p <= 'Z') && (unsigned char)*p < 0x80 &&
		    *p != '(')
			continue;	/* "la photo : …" is prose */
		if (credit_label(p) == 0)
			continue;
		if (p > c && (p[-1] == '(' || p[-1] == '['))
			p--;
		*credit = credit_text(a, p);
		if (*credit != NULL)
			*caption = trimmed(a, c, (size_t)(p - c));
		return;
	}
	*caption = trimmed(a, c, strlen(c));
}
