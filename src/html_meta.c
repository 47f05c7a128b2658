/* SPDX-License-Identifier: ISC */
/*
 * Article metadata from what html_src.c collected: <meta> tags, JSON-LD
 * scripts (read with jansson), the <title> and the visible h1s.  Sources
 * are weighed here, structured data first, and the chosen values are
 * copied into d->meta.  Also the small text helpers the HTML front end
 * shares: space collapsing, loose comparison, dates, credits, labels.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>

#include "artparse.h"
#include "dates.h"
#include "html.h"
#include "lexicon.h"
#include "table.h"
#include "uri.h"
#include "utf8.h"

/* Windows-1252 for U+0080..U+009F: HTML reads "&#133;" as "…". */
static const uint16_t c1map[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* Decode one UTF-8 sequence at s[0..n); returns its length (>= 1). */
static size_t
utf8_dec(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xF0) {
		len = 4;
		*cp = s[0] & 0x07;
	} else if (s[0] >= 0xE0) {
		len = 3;
		*cp = s[0] & 0x0F;
	} else if (s[0] >= 0xC0) {
		len = 2;
		*cp = s[0] & 0x1F;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len > n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	return len;
}

static bool
is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

size_t
ap_html_puttext(struct ap_buf *b, const char *str, size_t n, bool *space)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, run, len, cps = 0;
	uint32_t cp;

	while (i < n) {
		if (is_ascii_space(s[i])) {
			*space = true;
			i++;
			continue;
		}
		if (s[i] < 0x20 || s[i] == 0x7F) {	/* control: invisible */
			i++;
			continue;
		}
		if (*space) {
			if (b->len > 0) {
				ap_buf_putc(b, ' ');
				cps++;
			}
			*space = false;
		}
		/* A run of plain printable ASCII is copied in one go. */
		if (s[i] < 0x80) {
			for (run = i; run < n && s[run] < 0x80 &&
			    s[run] >= 0x20 && s[run] != 0x7F && s[run] != ' ';
			    run++)
				continue;
			ap_buf_put(b, str + i, run - i);
			cps += run - i;
			i = run;
			continue;
		}
		len = utf8_dec(s + i, n - i, &cp);
		if (cp >= 0x80 && cp < 0xA0) {
			if (c1map[cp - 0x80] != 0) {
				ap_buf_putcp(b, c1map[cp - 0x80]);
				cps++;
			}
		} else if (ap_is_invisible(cp) || cp == 0xFFFD) {
			/* dropped, as decode.c drops them from raw text */
		} else {
			ap_buf_put(b, str + i, len);
			cps++;
		}
		i += len;
	}
	return cps;
}

/* Whether the UTF-8 at p[0..n) starts (or ends) with a no-break space. */
static size_t
nbsp_at(const unsigned char *p, size_t n)
{
	if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF)
		return 3;
	return 0;
}

const char *
ap_html_trim(const char *str, size_t *np)
{
	const unsigned char *p = (const unsigned char *)str;
	size_t n = *np, k;

	for (;;) {
		if (n > 0 && is_ascii_space(p[0])) {
			p++;
			n--;
		} else if ((k = nbsp_at(p, n)) != 0) {
			p += k;
			n -= k;
		} else
			break;
	}
	for (;;) {
		if (n > 0 && is_ascii_space(p[n - 1]))
			n--;
		else if (n >= 2 && p[n - 2] == 0xC2 && p[n - 1] == 0xA0)
			n -= 2;
		else if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 &&
		    p[n - 1] == 0xAF)
			n -= 3;
		else
			break;
	}
	*np = n;
	return (const char *)p;
}

char *
ap_html_collapse(struct ap_arena *a, const char *s, size_t n)
{
	struct ap_buf b;
	const char *t;
	size_t tn;
	bool space = false;
	char *r;

	ap_buf_init(&b, a);
	ap_html_puttext(&b, s, n, &space);
	tn = b.len;
	t = ap_html_trim(b.p, &tn);
	r = ap_strndup(a, t, tn);
	ap_buf_fini(&b);
	return r;
}

void
ap_html_fold(struct ap_buf *b, const char *s, size_t n)
{
	/* A lower-case code point never takes more than 4 bytes. */
	if (n > (SIZE_MAX - 8) / 4)
		ap_arena_oom(b->arena);
	ap_buf_reserve(b, 4 * n + 6);
	b->len += ap_fold_key(s, n, b->p + b->len, 4 * n + 6);
}

/* Fold s into a fresh buffer that the caller finishes. */
static void
fold_new(struct ap_arena *a, struct ap_buf *b, const char *s)
{
	ap_buf_init(b, a);
	if (s != NULL)
		ap_html_fold(b, s, strlen(s));
}

bool
ap_html_same(struct ap_arena *a, const char *x, const char *y)
{
	struct ap_buf fx, fy;
	bool r;

	if (x == NULL || y == NULL)
		return false;
	fold_new(a, &fx, x);
	fold_new(a, &fy, y);
	r = fx.len > 0 && fx.len == fy.len && memcmp(fx.p, fy.p, fx.len) == 0;
	ap_buf_fini(&fy);
	ap_buf_fini(&fx);
	return r;
}

/* Whether the loose key of big starts with that of small (>= min bytes). */
static bool
fold_prefix(struct ap_arena *a, const char *big, const char *small,
    size_t min)
{
	struct ap_buf fb, fs;
	bool r;

	if (big == NULL || small == NULL)
		return false;
	fold_new(a, &fb, big);
	fold_new(a, &fs, small);
	r = fs.len >= min && fs.len <= fb.len &&
	    memcmp(fb.p, fs.p, fs.len) == 0;
	ap_buf_fini(&fs);
	ap_buf_fini(&fb);
	return r;
}

/* Whether the loose key of one contains that of the other. */
static bool
fold_overlap(struct ap_arena *a, const char *x, const char *y)
{
	struct ap_buf fx, fy;
	bool r = false;

	if (x == NULL || y == NULL)
		return false;
	fold_new(a, &fx, x);
	fold_new(a, &fy, y);
	if (fx.len >= 2 && fy.len >= 2)
		r = strstr(fx.p, fy.p) != NULL || strstr(fy.p, fx.p) != NULL;
	ap_buf_fini(&fy);
	ap_buf_fini(&fx);
	return r;
}

/* Dates ------------------------------------------------------------ */

static bool
digits(const char *s, size_t n)
{
	return ap_num_at(s, n) >= 0;
}

static const char *
ymd(struct ap_arena *a, int y, int m, int d, const char *tail, size_t tn)
{
	struct ap_buf b;
	const char *r;

	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
		return NULL;
	ap_buf_init(&b, a);
	ap_buf_printf(&b, "%04d-%02d-%02d", y, m, d);
	if (tn > 0) {
		ap_buf_putc(&b, 'T');
		ap_buf_put(&b, tail, tn);
	}
	r = ap_buf_strdup(&b);
	ap_buf_fini(&b);
	return r;
}

/* Length of a well-formed "HH:MM[:SS[.f]][Z|±hh[:]mm]" at s, or 0. */
static size_t
time_len(const char *s)
{
	size_t i = 0;

	if (!digits(s, 2) || s[2] != ':' || !digits(s + 3, 2))
		return 0;
	i = 5;
	if (s[i] == ':' && digits(s + i + 1, 2)) {
		i += 3;
		if (s[i] == '.' || s[i] == ',') {
			size_t j = i + 1;
			while (s[j] >= '0' && s[j] <= '9')
				j++;
			if (j > i + 1)
				i = j;
		}
	}
	if (s[i] == 'Z')
		return i + 1;
	if ((s[i] == '+' || s[i] == '-') && digits(s + i + 1, 2)) {
		if (s[i + 3] == ':' && digits(s + i + 4, 2))
			return i + 6;
		if (digits(s + i + 3, 2))
			return i + 5;
		return i + 3;
	}
	return i;
}

static int
month_name(struct ap_arena *a, const char *s, size_t n)
{
	static const char *const en[] = { "jan", "feb", "mar", "apr", "may",
	    "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	static const char *const fr[] = { "janvier", "fevrier", "mars",
	    "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
	    "novembre", "decembre" };
	struct ap_buf f;
	int m = 0, i;

	ap_buf_init(&f, a);
	ap_html_fold(&f, s, n);
	for (i = 0; i < 12 && m == 0; i++) {
		if (strcmp(f.p, fr[i]) == 0 || (f.len >= 3 &&
		    strncmp(f.p, en[i], 3) == 0 && f.len <= 9))
			m = i + 1;
	}
	ap_buf_fini(&f);
	return m;
}

const char *
ap_html_date(struct ap_arena *a, const char *s)
{
	const char *p, *w[4];
	size_t wl[4], nw, k, tl;

	if (s == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	/* YYYY-MM-DD, YYYY/MM/DD, optionally followed by a time. */
	if (digits(s, 4) && (s[4] == '-' || s[4] == '/') &&
	    digits(s + 5, 2) && s[7] == s[4] && digits(s + 8, 2) &&
	    !(s[10] >= '0' && s[10] <= '9')) {
		tl = 0;
		if (s[10] == 'T' || s[10] == ' ')
			tl = time_len(s + 11);
		return ymd(a, ap_num_at(s, 4), ap_num_at(s + 5, 2), ap_num_at(s + 8, 2),
		    s + 11, tl);
	}
	/* YYYYMMDD */
	if (digits(s, 8) && !(s[8] >= '0' && s[8] <= '9'))
		return ymd(a, ap_num_at(s, 4), ap_num_at(s + 4, 2), ap_num_at(s + 6, 2), NULL, 0);
	/* DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY */
	if (digits(s, 2) && (s[2] == '/' || s[2] == '.' || s[2] == '-') &&
	    digits(s + 3, 2) && s[5] == s[2] && digits(s + 6, 4) &&
	    !(s[10] >= '0' && s[10] <= '9'))
		return ymd(a, ap_num_at(s + 6, 4), ap_num_at(s + 3, 2), ap_num_at(s, 2), NULL, 0);
	/* "Tue, 04 Nov 2023 …", "4 mai 2015": day, month name, year. */
	nw = 0;
	for (p = s; *p != '\0' && nw < 4;) {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		w[nw] = p;
		while (*p != '\0' && *p != ' ' && *p != ',')
			p++;
		wl[nw] = (size_t)(p - w[nw]);
		nw++;
	}
	for (k = 0; k + 2 < nw; k++) {
		int m;

		if (wl[k] > 2 || !digits(w[k], wl[k]) || wl[k + 2] != 4 ||
		    !digits(w[k + 2], 4))
			continue;
		if ((m = month_name(a, w[k + 1], wl[k + 1])) != 0)
			return ymd(a, ap_num_at(w[k + 2], 4), m, ap_num_at(w[k], wl[k]),
			    NULL, 0);
	}
	return NULL;
}

/* Titles ----------------------------------------------------------- */

/* Count of space-separated words in s[0..n). */
static size_t
nwords(const char *s, size_t n)
{
	size_t i, w = 0;
	bool in = false;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ') {
			in = false;
		} else if (!in) {
			in = true;
			w++;
		}
	}
	return w;
}

/* Whether s looks like a host name: "lemonde.fr", "Slate.fr". */
static bool
domain_like(const char *s, size_t n)
{
	const char *dot;

	if (n < 4 || memchr(s, ' ', n) != NULL)
		return false;
	dot = memchr(s, '.', n);
	return dot != NULL && dot != s && (size_t)(dot - s) < n - 2;
}

const char *
ap_html_clean_title(struct ap_arena *a, const char *title, const char *site)
{
	static const char *const seps[] = {
		" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
		" \xc2\xb7 ", " :: ", " \xc2\xbb ", NULL
	};
	const char *t, *best, *suf;
	char *cur;
	size_t i, k, slen, suflen, plen;
	int round;

	if (title == NULL)
		return NULL;
	cur = ap_html_collapse(a, title, strlen(title));
	for (round = 0; round < 2; round++) {
		best = NULL;
		slen = 0;
		for (k = 0; seps[k] != NULL; k++) {
			size_t sl = strlen(seps[k]);
			for (t = cur; (t = strstr(t, seps[k])) != NULL;
			    t += sl) {
				if (best == NULL || t > best) {
					best = t;
					slen = sl;
				}
			}
		}
		if (best == NULL)
			break;
		suf = best + slen;
		suflen = strlen(suf);
		plen = (size_t)(best - cur);
		if (plen == 0 || nwords(cur, plen) < 2)
			break;
		if (!((site != NULL && fold_overlap(a, suf, site)) ||
		    domain_like(suf, suflen) ||
		    (nwords(suf, suflen) <= 3 && suflen <= 30 &&
		    nwords(cur, plen) >= 4)))
			break;
		cur[plen] = '\0';
		for (i = plen; i > 0 && cur[i - 1] == ' '; i--)
			cur[i - 1] = '\0';
	}
	return cur;
}

/* Credits ---------------------------------------------------------- */

static bool
starts_ci(const char *s, size_t n, const char *pfx)
{
	size_t pl = strlen(pfx);

	return n >= pl && strncasecmp(s, pfx, pl) == 0;
}

/* Whether s[0..n) starts with a lower-case letter (a role, not a name). */
static bool
lower_start(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;

	if (n == 0)
		return false;
	utf8_dec(u, n, &cp);
	return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF &&
	    cp != 0xF7);
}

static bool
piece_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 80 || nwords(s, n) > 6)
		return false;
	if (starts_ci(s, n, "http") || starts_ci(s, n, "www.") ||
	    memchr(s, '@', n) != NULL || memchr(s, '/', n) != NULL ||
	    memchr(s, '<', n) != NULL)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return false;
	if (domain_like(s, n))
		return false;
	return true;
}

/* Words before a name in a credit (data/credit-prefixes.txt). */
static const char *const credit_prefixes[] = {
#include "credit-prefixes.inc"
};

/* Skip credit words before a name: "Par", "Propos recueillis par"; the
 * longest that starts the credit, followed by a space, again and again. */
static void
strip_prefix(const char **sp, size_t *np)
{
	const char *s = *sp;
	size_t n = *np, k, len, best;

	do {
		best = 0;
		for (k = 0; k < sizeof(credit_prefixes) /
		    sizeof(credit_prefixes[0]); k++) {
			len = strlen(credit_prefixes[k]);
			if (len + 1 > best && len < n && s[len] == ' ' &&
			    starts_ci(s, n, credit_prefixes[k]))
				best = len + 1;
		}
		s += best;
		n -= best;
	} while (best > 0);
	*sp = s;
	*np = n;
}

/* Add a cleaned name s[0..n) to out unless already there. */
static bool
add_name(struct ap_arena *a, const char *s, size_t n, const char *site,
    const char **out, size_t *np, size_t max)
{
	const char *name;
	size_t i;

	strip_prefix(&s, &n);
	while (n > 0 && strchr(" :;-,", s[n - 1]) != NULL)
		n--;
	while (n > 0 && strchr(" .:;-", s[0]) != NULL) {
		s++;
		n--;
	}
	if (!piece_ok(s, n))
		return false;
	name = ap_html_collapse(a, s, n);
	if (*name == '\0' || (site != NULL && ap_html_same(a, name, site)))
		return false;
	for (i = 0; i < *np; i++)
		if (ap_html_same(a, out[i], name))
			return true;
	if (*np < max)
		out[(*np)++] = name;
	return true;
}

/* One word, capitalised but not all capitals: "Bruxelles", not "AFP". */
static bool
place_word(const char *p, size_t n)
{
	size_t i;
	bool lower = false;

	while (n > 0 && p[n - 1] == ' ')
		n--;
	for (i = 0; i < n; i++) {
		if (p[i] == ' ')
			return false;
		lower |= p[i] >= 'a' && p[i] <= 'z';
	}
	return n > 0 && lower;
}

void
ap_html_authors(struct ap_arena *a, const char *credit, const char *site,
    const char **out, size_t *np, size_t max)
{
	static const char *const seps[] = {
		",", ";", "(", ")", "|", " et ", " and ", " & ", " avec ",
		" with ", " / ", "/", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ",
		"\xe2\x80\xa2", NULL
	};
	const char *c, *p, *hit;
	size_t k, hl, n;
	bool named = false, paren = false;

	if (credit == NULL)
		return;
	c = ap_html_collapse(a, credit, strlen(credit));
	if (starts_ci(c, strlen(c), "http") || strstr(c, "://") != NULL)
		return;
	for (p = c; *p != '\0';) {
		hit = NULL;
		hl = 0;
		for (k = 0; seps[k] != NULL; k++) {
			const char *h = strstr(p, seps[k]);
			if (h != NULL && (hit == NULL || h < hit)) {
				hit = h;
				hl = strlen(seps[k]);
			}
		}
		n = hit != NULL ? (size_t)(hit - p) : strlen(p);
		while (n > 0 && p[0] == ' ') {
			p++;
			n--;
		}
		strip_prefix(&p, &n);
		/* After a name, a lower-case piece is a role ("envoyé
		 * spécial"), not a second author; nor is one capitalised
		 * word in parentheses, a place ("(Bruxelles, bureau
		 * européen)"), unless an agency's capitals ("(AFP)"). */
		if (!(named && lower_start(p, n)) &&
		    !(paren && place_word(p, n)))
			named |= add_name(a, p, n, site, out, np, max);
		if (hit == NULL)
			break;
		if (*hit == '(')
			paren = true;
		else if (*hit == ')')
			paren = false;
		p = hit + hl;
	}
}

#define LABEL_MAX 160	/* bytes of a related label */

/* Related-article labels and the verbs of inline inserts, as loose keys
 * (data/related-labels.txt). */
struct rl_word {
	const char	*w;
	unsigned	 kinds;
};

#include "related-labels.inc"

#define NRL	(sizeof(rl_words) / sizeof(rl_words[0]))

bool
ap_html_related_label(const char *s, size_t n)
{
	char f[4 * LABEL_MAX + 6];
	const char *t;
	size_t k, ll, fl, first;

	/* Labels are short: longer text is a sentence, not a label. */
	if (n > LABEL_MAX)
		return false;
	if ((fl = ap_fold_key(s, n, f, sizeof(f))) == 0)
		return false;
	first = ap_table_byte_bound(&rl_words[0].w, sizeof(rl_words[0]), 0, NRL,
	    0, (unsigned char)f[0], false);
	for (k = first; k < NRL && rl_words[k].w[0] == f[0]; k++) {
		ll = strlen(rl_words[k].w);
		if ((rl_words[k].kinds & RL_LABEL) && fl >= ll &&
		    fl <= ll + 40 && memcmp(f, rl_words[k].w, ll) == 0)
			return true;
	}
	/* "La rédaction vous conseille", "Slate conseille". */
	if (fl <= 32 && ((fl >= 9 && memcmp(f + fl - 9, "conseille", 9) == 0) ||
	    (fl >= 10 && memcmp(f + fl - 10, "recommande", 10) == 0)))
		return true;
	if (fl == 4 && memcmp(f, "lire", 4) == 0)
		return true;
	/* Inline inserts: "Lire l'entretien :", "Voir notre vidéo :". */
	t = ap_html_trim(s, &n);
	if (n == 0 || n > 48 || t[n - 1] != ':')
		return false;
	for (k = first; k < NRL && rl_words[k].w[0] == f[0]; k++)
		if ((rl_words[k].kinds & RL_VERB) &&
		    fl >= strlen(rl_words[k].w) &&
		    memcmp(f, rl_words[k].w, strlen(rl_words[k].w)) == 0)
			return true;
	return false;
}

/* Raw meta tags --------------------------------------------------- */

struct meta_name {
	const char	*name;
	int		 key;		/* enum ap_hkey, or -1: an author */
};

/* Sorted by name (strcasecmp order) for bsearch. */
static const struct meta_name meta_names[] = {
	{ "application-name",		AP_HK_APPNAME },
	{ "article.published",		AP_HK_DATE },
	{ "article:author",		-1 },
	{ "article:modified",		AP_HK_MODTIME },
	{ "article:modified_time",	AP_HK_MODTIME },
	{ "article:published",		AP_HK_PUBTIME },
	{ "article:published_time",	AP_HK_PUBTIME },
	{ "author",			-1 },
	{ "byl",			-1 },
	{ "content-language",		AP_HK_LANG_META },
	{ "date",			AP_HK_DATE },
	{ "datemodified",		AP_HK_MODDATE },
	{ "datepublished",		AP_HK_DATE },
	{ "dc.date",			AP_HK_DATE },
	{ "dc.date.created",		AP_HK_DATE },
	{ "dc.date.issued",		AP_HK_DATE },
	{ "dc.date.modified",		AP_HK_MODDATE },
	{ "dc.language",		AP_HK_LANG_META },
	{ "dcterms.created",		AP_HK_DATE },
	{ "dcterms.date",		AP_HK_DATE },
	{ "dcterms.issued",		AP_HK_DATE },
	{ "dcterms.modified",		AP_HK_MODDATE },
	{ "description",		AP_HK_DESC },
	{ "og:article:author",		-1 },
	{ "og:article:modified_time",	AP_HK_MODTIME },
	{ "og:article:published_time",	AP_HK_PUBTIME },
	{ "og:description",		AP_HK_OG_DESC },
	{ "og:locale",			AP_HK_LANG_META },
	{ "og:site_name",		AP_HK_SITE },
	{ "og:title",			AP_HK_OG_TITLE },
	{ "og:type",			AP_HK_OG_TYPE },
	{ "og:updated_time",		AP_HK_MODTIME },
	{ "og:url",			AP_HK_OG_URL },
	{ "parsely-author",		-1 },
	{ "parsely-pub-date",		AP_HK_DATE },
	{ "pubdate",			AP_HK_DATE },
	{ "publication_date",		AP_HK_DATE },
	{ "publish-date",		AP_HK_DATE },
	{ "publishdate",		AP_HK_DATE },
	{ "sailthru.author",		-1 },
	{ "sailthru.date",		AP_HK_DATE },
	{ "twitter:description",	AP_HK_TW_DESC },
	{ "twitter:title",		AP_HK_TW_TITLE },
};

static int
meta_cmp(const void *k, const void *e)
{
	return strcasecmp(k, ((const struct meta_name *)e)->name);
}

void
ap_hmeta_set(struct ap_arena *a, struct ap_hmeta *m, enum ap_hkey k,
    const char *s, size_t n)
{
	const char *v;

	if (s == NULL || m->v[k] != NULL)
		return;
	v = ap_html_collapse(a, s, n);
	if (*v != '\0')
		m->v[k] = v;
}

void
ap_hmeta_add(struct ap_arena *a, struct ap_hmeta *m, const char *name,
    const char *value)
{
	const struct meta_name *e;
	const char *v;

	if (name == NULL || value == NULL)
		return;
	e = bsearch(name, meta_names,
	    sizeof(meta_names) / sizeof(meta_names[0]), sizeof(meta_names[0]),
	    meta_cmp);
	if (e == NULL)
		return;
	if (e->key >= 0) {
		ap_hmeta_set(a, m, (enum ap_hkey)e->key, value, strlen(value));
		return;
	}
	if (m->nauthors < AP_HMETA_MAXAUTH) {
		v = ap_html_collapse(a, value, strlen(value));
		if (*v != '\0')
			m->authors[m->nauthors++] = v;
	}
}

/* JSON-LD ---------------------------------------------------------- */

struct ld {
	const char	*headline;
	const char	*description;
	const char	*published;
	const char	*modified;
	const char	*url;
	const char	*publisher;
	const char	*lang;
	const char	*authors[AP_HMETA_MAXAUTH];	/* raw credits */
	size_t		 nauthors;
};

/* A jansson tree held while arena allocations may jump out. */
struct ld_hold {
	json_t		*root;
	void		(*prev)(void *);
	void		*prev_arg;
};

static void
ld_release(void *arg)
{
	struct ld_hold *h = arg;

	if (h->root != NULL)
		json_decref(h->root);
	h->root = NULL;
	if (h->prev != NULL)
		h->prev(h->prev_arg);
}

static bool
ld_type_ok(const char *t)
{
	return t != NULL && (strstr(t, "Article") != NULL ||
	    strstr(t, "BlogPosting") != NULL || strcmp(t, "Report") == 0);
}

static bool
ld_is_article(json_t *o)
{
	json_t *t = json_object_get(o, "@type"), *e;
	size_t i;

	if (json_is_string(t))
		return ld_type_ok(json_string_value(t));
	json_array_foreach(t, i, e)
		if (json_is_string(e) && ld_type_ok(json_string_value(e)))
			return true;
	return false;
}

/* The first article object in v, looking through arrays, "@graph" and
 * "mainEntity" only (not into lists of other articles). */
static json_t *
ld_find(json_t *v, int depth)
{
	json_t *e, *r;
	size_t i;

	if (depth > 6)
		return NULL;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			if ((r = ld_find(e, depth + 1)) != NULL)
				return r;
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	if (ld_is_article(v))
		return v;
	if ((r = ld_find(json_object_get(v, "@graph"), depth + 1)) != NULL)
		return r;
	return ld_find(json_object_get(v, "mainEntity"), depth + 1);
}

/* The object whose "@id" is id, anywhere shallow in v. */
static json_t *
ld_by_id(json_t *v, const char *id, int depth)
{
	json_t *e, *r;
	const char *k;
	size_t i;

	if (depth > 4 || v == NULL)
		return NULL;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			if ((r = ld_by_id(e, id, depth + 1)) != NULL)
				return r;
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	e = json_object_get(v, "@id");
	if (json_is_string(e) && strcmp(json_string_value(e), id) == 0 &&
	    json_object_get(v, "name") != NULL)
		return v;
	json_object_foreach(v, k, e)
		if (json_is_array(e) || json_is_object(e))
			if ((r = ld_by_id(e, id, depth + 1)) != NULL)
				return r;
	return NULL;
}

/* The value of an ASCII digit (or letter, base > 10) in base, or -1. */
static int
digit_value(char c, int base)
{
	int v;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		v = (c | 0x20) - 'a' + 10;
	else
		return -1;
	return v < base ? v : -1;
}

/* The code point of the character reference at p ("&amp;", "&#39;",
 * "&#x2019;"), its length in *len; 0 when p starts none. */
static uint32_t
char_ref(const char *p, size_t n, size_t *len)
{
	const htmlEntityDesc *e;
	char name[32];
	size_t i = 1;
	unsigned long v = 0;
	int base = 10;

	if (n > 2 && p[1] == '#') {
		i = 2;
		if (p[2] == 'x' || p[2] == 'X') {
			base = 16;
			i = 3;
		}
		for (; i < n && i < 12 && digit_value(p[i], base) >= 0; i++)
			v = v * (unsigned long)base +
			    (unsigned long)digit_value(p[i], base);
		if (i >= n || p[i] != ';' || v == 0 || v > 0x10FFFF ||
		    (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*len = i + 1;
		return (uint32_t)v;
	}
	for (; i < n && i < sizeof(name) && digit_value(p[i], 36) >= 0; i++)
		name[i - 1] = p[i];
	if (i >= n || p[i] != ';' || i == 1 || i >= sizeof(name))
		return 0;
	name[i - 1] = '\0';
	if ((e = htmlEntityLookup((const xmlChar *)name)) == NULL)
		return 0;
	*len = i + 1;
	return e->value;
}

/* JSON-LD strings are text, yet sites write them HTML-escaped
 * ("Tips &amp; Upgrades"): character references are read. */
static const char *
ld_text(struct ap_arena *a, const char *s, size_t n)
{
	struct ap_buf b;
	const char *r;
	size_t i, k;
	uint32_t cp;

	if (memchr(s, '&', n) == NULL)
		return ap_html_collapse(a, s, n);
	ap_buf_init(&b, a);
	for (i = 0; i < n; i++) {
		if (s[i] == '&' && (cp = char_ref(s + i, n - i, &k)) != 0) {
			ap_buf_putcp(&b, cp);
			i += k - 1;
		} else
			ap_buf_putc(&b, s[i]);
	}
	r = ap_html_collapse(a, b.p, b.len);
	ap_buf_fini(&b);
	return r;
}

static const char *
ld_str(struct ap_arena *a, json_t *v)
{
	const char *s;

	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (!json_is_string(v))
		return NULL;
	s = ld_text(a, json_string_value(v), json_string_length(v));
	return *s != '\0' ? s : NULL;
}

/* The name of a person/organisation value: "X", {"name": "X"}, or an
 * {"@id": …} reference resolved in root. */
static const char *
ld_name(struct ap_arena *a, json_t *root, json_t *v)
{
	json_t *id;

	if (json_is_string(v))
		return ld_str(a, v);
	if (!json_is_object(v))
		return NULL;
	if (json_object_get(v, "name") != NULL)
		return ld_str(a, json_object_get(v, "name"));
	id = json_object_get(v, "@id");
	if (json_is_string(id) && (v = ld_by_id(root, json_string_value(id),
	    0)) != NULL)
		return ld_str(a, json_object_get(v, "name"));
	return NULL;
}

static void
ld_fill(struct ap_arena *a, json_t *root, json_t *art, struct ld *ld)
{
	json_t *v, *e;
	const char *s;
	size_t i;

	if (ld->headline == NULL)
		ld->headline = ld_str(a, json_object_get(art, "headline"));
	if (ld->headline == NULL)
		ld->headline = ld_str(a, json_object_get(art, "name"));
	if (ld->description == NULL)
		ld->description = ld_str(a, json_object_get(art,
		    "description"));
	if (ld->published == NULL)
		ld->published = ld_str(a, json_object_get(art,
		    "datePublished"));
	if (ld->published == NULL)
		ld->published = ld_str(a, json_object_get(art,
		    "dateCreated"));
	if (ld->modified == NULL)
		ld->modified = ld_str(a, json_object_get(art, "dateModified"));
	if (ld->lang == NULL)
		ld->lang = ld_str(a, json_object_get(art, "inLanguage"));
	if (ld->url == NULL) {
		v = json_object_get(art, "mainEntityOfPage");
		if (json_is_object(v))
			v = json_object_get(v, "@id") != NULL ?
			    json_object_get(v, "@id") :
			    json_object_get(v, "url");
		ld->url = ld_str(a, v);
		if (ld->url == NULL)
			ld->url = ld_str(a, json_object_get(art, "url"));
	}
	if (ld->publisher == NULL) {
		v = json_object_get(art, "publisher");
		if (json_is_array(v))
			v = json_array_get(v, 0);
		ld->publisher = ld_name(a, root, v);
	}
	if (ld->nauthors > 0)
		return;
	v = json_object_get(art, "author");
	if (v == NULL)
		v = json_object_get(art, "creator");
	if (!json_is_array(v)) {
		if ((s = ld_name(a, root, v)) != NULL)
			ld->authors[ld->nauthors++] = s;
		return;
	}
	json_array_foreach(v, i, e) {
		if (ld->nauthors == AP_HMETA_MAXAUTH)
			break;
		if ((s = ld_name(a, root, e)) != NULL)
			ld->authors[ld->nauthors++] = s;
	}
}

/*
 * Parse one script body.  Pages wrap JSON-LD in comments or CDATA markers,
 * put raw newlines inside strings and leave junk after the value; all
 * are tolerated: the value starts at the first "{" or "[" that parses.
 */
static void
ld_read(struct ap_arena *a, const char *text, struct ld *ld)
{
	struct ld_hold *h;
	json_error_t err;
	json_t *art;
	const char *starts[2], *t;
	char *buf;
	size_t n, i, k;

	starts[0] = strchr(text, '{');
	starts[1] = strchr(text, '[');
	if (starts[0] == NULL || (starts[1] != NULL && starts[1] < starts[0])) {
		t = starts[0];
		starts[0] = starts[1];
		starts[1] = t;
	}
	if (starts[0] == NULL)
		return;
	n = strlen(starts[0]);
	buf = ap_strndup(a, starts[0], n);
	for (i = 0; i < n; i++)
		if ((unsigned char)buf[i] < 0x20)
			buf[i] = ' ';
	h = ap_alloc(a, sizeof(*h));
	for (k = 0; k < 2 && h->root == NULL && starts[k] != NULL; k++) {
		i = (size_t)(starts[k] - starts[0]);
		h->root = json_loadb(buf + i, n - i, JSON_DECODE_ANY |
		    JSON_DISABLE_EOF_CHECK, &err);
	}
	if (h->root == NULL)
		return;
	h->prev = a->cleanup;
	h->prev_arg = a->cleanup_arg;
	a->cleanup = ld_release;
	a->cleanup_arg = h;
	if ((art = ld_find(h->root, 0)) != NULL)
		ld_fill(a, h->root, art, ld);
	json_decref(h->root);
	h->root = NULL;
	a->cleanup = h->prev;
	a->cleanup_arg = h->prev_arg;
}

/* Choosing -------------------------------------------------------- */

#define AP_MAX_LINK_AUTHORS	3

static const char *
first_of(const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] != NULL && *v[i] != '\0')
			return v[i];
	return NULL;
}

/* An absolute http(s) URL, or NULL. */
static const char *
abs_url(const char *u)
{
	if (u == NULL)
		return NULL;
	if (strncasecmp(u, "http://", 7) == 0 ||
	    strncasecmp(u, "https://", 8) == 0)
		return u;
	return NULL;
}

/* Language tag from "fr_FR" / "fr-FR" / "fr". */
static const char *
lang_tag(struct ap_arena *a, const char *s)
{
	char *t;
	size_t i;

	if (s == NULL || *s == '\0')
		return NULL;
	t = ap_strdup(a, s);
	for (i = 0; t[i] != '\0'; i++) {
		if (t[i] == '_')
			t[i] = '-';
		else if (t[i] == ',' || t[i] == ';' || t[i] == ' ') {
			t[i] = '\0';
			break;
		}
	}
	return *t != '\0' ? t : NULL;
}

static bool
h1_in_article(const struct ap_hmeta *m)
{
	size_t i;

	for (i = 0; i < m->nh1; i++)
		if (m->h1[i].level == 1 && m->h1[i].near == 0)
			return true;
	return false;
}

#define ONLY_H1_WORDS	4	/* a lone <h1> this long is a title */

/* The index of the page's one level-1 <h1>, or m->nh1 when it has none
 * or several. */
static size_t
only_h1(const struct ap_hmeta *m)
{
	size_t i, one = m->nh1;

	for (i = 0; i < m->nh1; i++)
		if (m->h1[i].level == 1) {
			if (one != m->nh1)
				return m->nh1;
			one = i;
		}
	return one;
}

/*
 * The headline: a visible h1 that agrees with the structured titles wins,
 * then an h2 that agrees with them in an article without an h1; then an
 * h1 near the article, or the page's only h1; then the structured titles
 * themselves.
 */
static int
pick_headline(struct ap_doc *d, const struct ap_hmeta *m, const struct ld *ld,
    const char *title, const char **out)
{
	struct ap_arena *a = &d->arena;
	const char *others[5], *site = d->meta.site_name;
	const struct ap_hcand *h;
	size_t i, k;
	int near;

	others[0] = ld->headline;
	others[1] = m->v[AP_HK_OG_TITLE];
	others[2] = m->v[AP_HK_TW_TITLE];
	others[3] = title;
	others[4] = m->v[AP_HK_TITLE];
	for (near = 0; near <= 3; near++) {
		/* Last, an h2 in an article without an h1 of its own. */
		if (near == 3 && h1_in_article(m))
			break;
		for (i = 0; i < m->nh1; i++) {
			h = &m->h1[i];
			if (near < 3 ? h->near != near || h->level > 1 :
			    h->near != 0 || h->level == 1)
				continue;
			for (k = 0; k < 5; k++) {
				if (ap_html_same(a, h->text, others[k]) ||
				    fold_prefix(a, others[k], h->text, 12)) {
					*out = h->text;
					return (int)i;
				}
			}
		}
	}
	/* An h1 just above (or in) the article, though nothing agrees. */
	for (i = 0; i < m->nh1; i++) {
		h = &m->h1[i];
		if (h->near != 0 || h->level > 1 ||
		    nwords(h->text, strlen(h->text)) < 2 ||
		    (site != NULL && fold_overlap(a, h->text, site)))
			continue;
		*out = h->text;
		return (int)i;
	}
	/* The page's only <h1>, outside its navigation, worded as a title
	 * ("Everything You Need to Know About Online Classes"). */
	if ((i = only_h1(m)) < m->nh1 && m->h1[i].near == 1 &&
	    nwords(m->h1[i].text, strlen(m->h1[i].text)) >= ONLY_H1_WORDS &&
	    (site == NULL || !fold_overlap(a, m->h1[i].text, site))) {
		*out = m->h1[i].text;
		return (int)i;
	}
	/*
	 * Without a visible headline, the page titles only name an article
	 * when something says it is one: a home, section or "not found"
	 * page has titles too.
	 */
	if (ld->headline == NULL && m->v[AP_HK_PUBTIME] == NULL &&
	    m->v[AP_HK_DATE] == NULL && (m->v[AP_HK_OG_TYPE] == NULL ||
	    strcasecmp(m->v[AP_HK_OG_TYPE], "article") != 0))
		return -1;
	*out = first_of(others, 4);
	return -1;
}

/*
 * "Weitere Artikel", "more posts": a word of a sentence, in any language,
 * not a name's particle.  Names are made of names.
 */
static bool
says_more(const char *s)
{
	size_t n;

	for (; *s != '\0'; s += n + (s[n] != '\0')) {
		n = strcspn(s, " ");
		if (!ap_name_particle_n(s, n) &&
		    ap_stopword_count(s, n, AP_LANG_ALL, NULL) > 0)
			return true;
	}
	return false;
}

/*
 * The texts of rel=author links, without structured credits: a few
 * distinct names.  More than AP_MAX_LINK_AUTHORS is a list of posts by
 * several people, not one article's credit.
 */
static void
author_links(struct ap_arena *a, const struct ap_hmeta *m,
    const char **names, size_t *n)
{
	size_t i;
	const char *v;

	for (i = 0; i < m->nauthorlinks; i++) {
		v = m->authorlinks[i];
		if (v != NULL && nwords(v, strlen(v)) <= 5 && !says_more(v))
			ap_html_authors(a, v, NULL, names, n,
			    AP_MAX_LINK_AUTHORS + 1);
	}
	if (*n > AP_MAX_LINK_AUTHORS)
		*n = 0;
}

/* Whether name is the site's name ("Le Monde" for "Le Monde.fr"). */
static bool
site_like(struct ap_arena *a, const char *name, const char *site)
{
	return site != NULL && (fold_prefix(a, site, name, 4) ||
	    fold_prefix(a, name, site, 4));
}

int
ap_html_meta(struct ap_doc *d, const struct ap_hmeta *m)
{
	struct ap_arena *a = &d->arena;
	struct ap_meta *mt = &d->meta;
	struct ld ld;
	const char *v[4], *title, *names[AP_HMETA_MAXAUTH];
	size_t i, n;
	int h1;

	memset(&ld, 0, sizeof(ld));
	for (i = 0; i < m->njsonld; i++)
		ld_read(a, m->jsonld[i], &ld);

	v[0] = m->v[AP_HK_SITE];
	v[1] = ld.publisher;
	v[2] = m->v[AP_HK_APPNAME];
	mt->site_name = first_of(v, 3);

	title = ap_html_clean_title(a, m->v[AP_HK_TITLE], mt->site_name);
	mt->headline = NULL;
	h1 = pick_headline(d, m, &ld, title, &mt->headline);

	v[0] = m->v[AP_HK_OG_DESC];
	v[1] = m->v[AP_HK_DESC];
	v[2] = ld.description;
	v[3] = m->v[AP_HK_TW_DESC];
	mt->description = first_of(v, 4);

	v[0] = ld.published;
	v[1] = m->v[AP_HK_PUBTIME];
	v[2] = m->v[AP_HK_DATE];
	v[3] = m->v[AP_HK_TIME];
	for (i = 0, mt->date = NULL; i < 4 && mt->date == NULL; i++)
		mt->date = ap_html_date(a, v[i]);
	v[0] = ld.modified;
	v[1] = m->v[AP_HK_MODTIME];
	v[2] = m->v[AP_HK_MODDATE];
	for (i = 0, mt->date_modified = NULL; i < 3 &&
	    mt->date_modified == NULL; i++)
		mt->date_modified = ap_html_date(a, v[i]);

	v[0] = abs_url(m->v[AP_HK_CANONICAL]);
	v[1] = abs_url(m->v[AP_HK_OG_URL]);
	v[2] = abs_url(ld.url);
	mt->url = first_of(v, 3);
	if (mt->url != NULL)
		mt->url = ap_uri_from_iri(a, mt->url, strlen(mt->url));

	mt->lang = lang_tag(a, m->v[AP_HK_LANG]);
	if (mt->lang == NULL)
		mt->lang = lang_tag(a, m->v[AP_HK_LANG_META]);
	if (mt->lang == NULL)
		mt->lang = lang_tag(a, ld.lang);

	/*
	 * Structured credits first, as written (an organisation credited
	 * there is a desk credit); meta author tags only without them, and
	 * there the site's own name alone is a default, not a credit.
	 */
	n = 0;
	for (i = 0; i < ld.nauthors; i++)
		ap_html_authors(a, ld.authors[i], NULL, names, &n,
		    AP_HMETA_MAXAUTH);
	if (n == 0) {
		for (i = 0; i < m->nauthors; i++)
			ap_html_authors(a, m->authors[i], NULL, names, &n,
			    AP_HMETA_MAXAUTH);
		if (n == 1 && site_like(a, names[0], mt->site_name))
			n = 0;
	}
	if (n == 0)
		author_links(a, m, names, &n);
	mt->authors = NULL;
	if (n > 0) {
		mt->authors = ap_allocarray(a, n + 1, sizeof(*mt->authors));
		memcpy(mt->authors, names, n * sizeof(*names));
		mt->authors[n] = NULL;
		mt->authors_site = true;
		for (i = 0; i < n; i++)
			mt->authors_site &= site_like(a, names[i],
			    mt->site_name);
	}
	return h1;
}

/* Whether the metadata's authors name it already. */
static bool
named_in_meta(struct ap_arena *a, const struct ap_doc *d, const char *name)
{
	size_t i;

	for (i = 0; d->meta.authors[i] != NULL; i++)
		if (ap_html_same(a, d->meta.authors[i], name))
			return true;
	return false;
}

void
ap_html_byline(struct ap_doc *d, const char *byline)
{
	struct ap_arena *a = &d->arena;
	const char *names[AP_HMETA_MAXAUTH];
	size_t n = 0, i, k, have;

	if (d->meta.authors == NULL || byline == NULL)
		return;
	ap_html_authors(a, byline, NULL, names, &n, AP_HMETA_MAXAUTH);
	for (have = 0; d->meta.authors[have] != NULL; have++) {
		for (k = 0; k < n; k++)
			if (ap_html_same(a, d->meta.authors[have], names[k]))
				break;
		if (k == n)
			return;		/* the byline does not name it */
	}
	/* The site before a "Par" is no author the metadata missed:
	 * "Le Monde | 20.06.2011 | Par Collectif". */
	for (i = k = 0; i < n; i++)
		if (named_in_meta(a, d, names[i]) ||
		    !site_like(a, names[i], d->meta.site_name))
			names[k++] = names[i];
	n = k;
	if (n <= have)
		return;
	d->meta.authors = ap_allocarray(a, n + 1, sizeof(*d->meta.authors));
	for (i = 0; i < n; i++)
		d->meta.authors[i] = names[i];
	d->meta.authors[n] = NULL;
}
