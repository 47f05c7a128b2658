/* SPDX-License-Identifier: ISC */
/*
 * Date recognition on case-folded text, month names in every language
 * with word lists.  Day-first numeric dates are read the French way; a year must have four digits so that scores and prices
 * are not taken for dates.
 */
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "lexicon.h"
#include "table.h"

/* Month names and abbreviations of every language (data/months.txt). */
static const struct {
	const char	*name;
	int		 month;
} months[] = {
#include "months.inc"
};

static bool
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* Read 1..max digits; returns count read. */
static size_t
digits(const char *s, size_t max, int *val)
{
	size_t i;

	*val = 0;
	for (i = 0; i < max && isdig(s[i]); i++)
		*val = *val * 10 + (s[i] - '0');
	return i;
}

int
ap_num_at(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!isdig(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
month_at(const char *s, size_t *len)
{
	const size_t nm = sizeof(months) / sizeof(months[0]);
	unsigned char c = (unsigned char)s[0];
	size_t lo, n, best = 0;
	int m = 0;

	/* Sorted bytewise: only the names of s's first byte, found by it. */
	lo = ap_table_byte_bound(&months[0].name, sizeof(months[0]), 0, nm,
	    0, c, false);
	for (; lo < nm &&
	    (unsigned char)months[lo].name[0] == c; lo++) {
		n = strlen(months[lo].name);
		if (n > best && strncmp(s, months[lo].name, n) == 0) {
			best = n;
			m = months[lo].month;
		}
	}
	/* "janv. 2024": the abbreviation's period. */
	if (m != 0)
		*len = best + (s[best] == '.');
	return m;
}

/* " à 14 h 30", " à 13h36", " 14:30", ", 14h", " at 10:00", " um 9:30"
 * after a date. */
static size_t
time_at(const char *s, int *hh, int *mm)
{
	size_t i = 0, k;

	while (s[i] == ' ' || s[i] == ',')
		i++;
	if (strncmp(s + i, "à ", 3) == 0 || strncmp(s + i, "at ", 3) == 0 ||
	    strncmp(s + i, "um ", 3) == 0)
		i += 3;
	else if (strncmp(s + i, "a ", 2) == 0)
		i += 2;
	if ((k = digits(s + i, 2, hh)) == 0 || *hh > 23)
		return 0;
	i += k;
	if (s[i] == ' ')
		i++;
	if (s[i] == 'h' || s[i] == ':')
		i++;
	else
		return 0;
	if (s[i] == ' ')
		i++;
	k = digits(s + i, 2, mm);
	if (k != 2 && k != 0)
		return 0;
	if (*mm > 59)
		return 0;
	return i + k;
}

static bool
valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] && (m != 2 || d <= 28 || leap);
}

static bool
word_start(const char *s, size_t i)
{
	return i == 0 || !((s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
	    isdig(s[i - 1]));
}

/* After a day: "1er", "1st", "2nd", "3rd", "4th", German "3." */
static size_t
day_suffix(const char *s)
{
	if (strncmp(s, "er", 2) == 0 || strncmp(s, "st", 2) == 0 ||
	    strncmp(s, "nd", 2) == 0 || strncmp(s, "rd", 2) == 0 ||
	    strncmp(s, "th", 2) == 0)
		return 2;
	return s[0] == '.' && s[1] == ' ';
}

/* A four-digit year ending a date: " 2024", ", 2024", " de 2024". */
static size_t
year_after(const char *s, int *y)
{
	size_t i = 0, k;

	if (s[i] == ',')
		i++;
	if (s[i++] != ' ')
		return 0;
	if (strncmp(s + i, "de ", 3) == 0)
		i += 3;
	if ((k = digits(s + i, 4, y)) != 4 || isdig(s[i + k]))
		return 0;
	return i + k;
}

/* "3 mars 2024", "1er mai 2015", "3. März 2024", "3rd May 2024",
 * "3 de marzo de 2024"; returns length or 0. */
static size_t
long_date(const char *s, int *y, int *m, int *d)
{
	size_t i, k, ml;

	if ((i = digits(s, 2, d)) == 0)
		return 0;
	i += day_suffix(s + i);
	if (s[i++] != ' ')
		return 0;
	if (strncmp(s + i, "de ", 3) == 0)
		i += 3;
	if ((*m = month_at(s + i, &ml)) == 0)
		return 0;
	i += ml;
	if ((k = year_after(s + i, y)) == 0)
		return 0;
	return i + k;
}

/* A word, maybe with a period, then a space and a digit: the only
 * places where a month can come first, found without the month table. */
static bool
word_then_number(const char *s)
{
	size_t i = 0;

	while ((s[i] >= 'a' && s[i] <= 'z') || (unsigned char)s[i] >= 0x80)
		i++;
	if (i == 0)
		return false;
	if (s[i] == '.')
		i++;
	return s[i] == ' ' && isdig(s[i + 1]);
}

/* The English order: "May 3, 2024", "Dec. 3 2024", "March 3rd, 2024". */
static size_t
month_first_date(const char *s, int *y, int *m, int *d)
{
	size_t i, k;

	if ((*m = month_at(s, &i)) == 0 || s[i++] != ' ')
		return 0;
	if ((k = digits(s + i, 2, d)) == 0)
		return 0;
	i += k;
	if (s[i] != '.')
		i += day_suffix(s + i);
	if ((k = year_after(s + i, y)) == 0)
		return 0;
	return i + k;
}

/* "04.05.2015", "03/03/2024", "3-3-2024"; returns length or 0. */
static size_t
numeric_date(const char *s, int *y, int *m, int *d)
{
	size_t i, k;
	char sep;

	if ((i = digits(s, 2, d)) == 0)
		return 0;
	sep = s[i];
	if (sep != '.' && sep != '/' && sep != '-')
		return 0;
	i++;
	if ((k = digits(s + i, 2, m)) == 0)
		return 0;
	i += k;
	if (s[i++] != sep)
		return 0;
	k = digits(s + i, 4, y);
	if (k == 2 && i == 6 && sep != '-')
		*y += 2000;	/* "22/10/17", as news sites print it */
	else if (k != 4)
		return 0;
	if (isdig(s[i + k]))
		return 0;
	return i + k;
}

/* "2024-03-03" */
static size_t
iso_date(const char *s, int *y, int *m, int *d)
{
	if (digits(s, 4, y) != 4 || s[4] != '-' || digits(s + 5, 2, m) != 2 ||
	    s[7] != '-' || digits(s + 8, 2, d) != 2 || isdig(s[10]))
		return 0;
	return 10;
}

/* Digits by hand: the ranges are checked, and snprintf cannot know. */
static void
format_iso(char out[AP_DATE_MAX], int y, int m, int d, int hh, int mm)
{
	int v[] = { y / 100, y % 100, m, d, hh, mm };
	static const char seps[] = "..--T:";	/* before each pair */
	size_t i, o = 0, n = hh >= 0 ? 6 : 4;

	for (i = 0; i < n; i++) {
		if (i > 1)
			out[o++] = seps[i];
		out[o++] = (char)('0' + v[i] / 10);
		out[o++] = (char)('0' + v[i] % 10);
	}
	out[o] = '\0';
}

bool
ap_date_find(const char *s, char out[AP_DATE_MAX], size_t *at, size_t *end)
{
	size_t i, n, t;
	int y, m, d, hh, mm;

	for (i = 0; s[i] != '\0'; i++) {
		if (!word_start(s, i))
			continue;
		if (!isdig(s[i])) {
			if (!word_then_number(s + i) ||
			    (n = month_first_date(s + i, &y, &m, &d)) == 0)
				continue;
		} else if ((n = long_date(s + i, &y, &m, &d)) == 0 &&
		    (n = numeric_date(s + i, &y, &m, &d)) == 0 &&
		    (n = iso_date(s + i, &y, &m, &d)) == 0)
			continue;
		if (!valid(y, m, d))
			continue;
		if (s[i + n] == 't' && isdig(s[i + n + 1]))
			t = time_at(s + i + n + 1, &hh, &mm) + 1;
		else
			t = time_at(s + i + n, &hh, &mm);
		if (t <= (s[i + n] == 't'))
			t = 0;
		format_iso(out, y, m, d, t ? hh : -1, mm);
		*at = i;
		*end = i + n + t;
		return true;
	}
	return false;
}

/*
 * Each field set off from the next by "/" or "-", or all run together;
 * the whole not inside a longer number.
 */
bool
ap_date_in_url(const char *url, char out[AP_DATE_MAX])
{
	const char *p = strstr(url, "://"), *q;
	int y, m, d;
	size_t sep;

	p = p != NULL ? strchr(p + 3, '/') : NULL;
	for (; p != NULL && *p != '\0' && *p != '?' && *p != '#'; p++) {
		if (isdig(p[-1]) || digits(p, 4, &y) != 4)
			continue;
		q = p + 4;
		sep = *q == '/' || *q == '-';
		if (digits(q + sep, 2, &m) != 2)
			continue;
		/* The same separator twice, or none. */
		if (sep ? q[3] != *q : !isdig(q[2]))
			continue;
		q += 2 * sep + 2;
		if (digits(q, 2, &d) != 2 || isdig(q[2]) || y < 1990 ||
		    !valid(y, m, d))
			continue;
		format_iso(out, y, m, d, -1, 0);
		return true;
	}
	return false;
}

bool
ap_date_published(const char *fold, char out[AP_DATE_MAX])
{
	size_t at, end, k, pos = 0;
	bool updated = false;

	while (ap_date_find(fold + pos, out, &at, &end)) {
		/* Which cue, if any, introduces this date? */
		for (k = pos; k < pos + at; k++) {
			if (k > 0 && fold[k - 1] != ' ' && fold[k - 1] != '(' &&
			    fold[k - 1] != '|' && fold[k - 1] != ',')
				continue;
			if (ap_cue_prefix(fold + k, CUE_UPDATED) > 0)
				updated = true;
			else if (ap_cue_prefix(fold + k, CUE_DATE) > 0 &&
			    strncmp(fold + k, "le ", 3) != 0)
				updated = false;
		}
		if (!updated)
			return true;
		pos += end;
	}
	return false;
}
