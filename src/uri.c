/* SPDX-License-Identifier: ISC */
/*
 * IRI to URI conversion, so that relative links resolve and every url
 * written is a URI.
 */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "uri.h"

static bool
is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

static bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ASCII that RFC 3986 allows nowhere in a URI. */
static bool
never_in_uri(unsigned char c)
{
	switch (c) {
	case '"': case '<': case '>': case '\\': case '^': case '`':
	case '{': case '|': case '}':
		return true;
	default:
		return c <= 0x20 || c == 0x7F;
	}
}

/* Where the authority's host ends: [ ] are allowed up to there only
 * (an IPv6 literal); 0 when there is no authority. */
static size_t
authority_end(const char *s, size_t n)
{
	const char *p = memchr(s, ':', n), *q;

	if (p == NULL || (size_t)(p - s) + 3 > n || p[1] != '/' || p[2] != '/')
		return 0;
	p += 3;
	for (q = p; (size_t)(q - s) < n && *q != '/' && *q != '?' &&
	    *q != '#'; q++)
		continue;
	return (size_t)(q - s);
}

/* ASCII that goes into a URI as it is anywhere: what never_in_uri() does
 * not rule out, but for '%' and the brackets, which kept_as_is() checks;
 * a bit a character, 0x00-0x3F then 0x40-0x7F. */
#define CBIT(c)		(UINT64_C(1) << ((c) & 63))
static const uint64_t uri_plain_lo = (~UINT64_C(0) << 0x21) &
    ~(CBIT('"') | CBIT('%') | CBIT('<') | CBIT('>'));
static const uint64_t uri_plain_hi = (~UINT64_C(0) >> 1) &
    ~(CBIT('[') | CBIT('\\') | CBIT(']') | CBIT('^') | CBIT('`') |
    CBIT('{') | CBIT('|') | CBIT('}'));

static bool
as_is_anywhere(unsigned char c)
{
	if (c < 64)
		return (uri_plain_lo >> c & 1) != 0;
	return c < 128 && (uri_plain_hi >> (c - 64) & 1) != 0;
}

/* Whether s[i] goes into the URI as it is. */
static bool
kept_as_is(const char *s, size_t n, size_t i, size_t host_end)
{
	unsigned char c = (unsigned char)s[i];

	if (c >= 0x80 || never_in_uri(c))
		return false;
	if ((c == '[' || c == ']') && i >= host_end)
		return false;
	return c != '%' || (i + 2 < n && is_hex((unsigned char)s[i + 1]) &&
	    is_hex((unsigned char)s[i + 2]));
}

char *
ap_uri_from_iri(struct ap_arena *a, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	struct ap_buf b;
	size_t i = 0, host_end = authority_end(s, n);
	unsigned char c;
	char *r;

	/* Nearly every link is a URI already: copied whole. */
	while (i < n && (as_is_anywhere((unsigned char)s[i]) ||
	    kept_as_is(s, n, i, host_end)))
		i++;
	if (i == n)
		return ap_strndup(a, s, n);
	ap_buf_init(&b, a);
	ap_buf_put(&b, s, i);
	for (; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (!kept_as_is(s, n, i, host_end)) {
			ap_buf_putc(&b, '%');
			ap_buf_putc(&b, hex[c >> 4]);
			ap_buf_putc(&b, hex[c & 15]);
		} else
			ap_buf_putc(&b, (char)c);
	}
	r = ap_buf_strdup(&b);
	ap_buf_fini(&b);
	return r;
}

/* Characters a path, query or fragment holds as they are (RFC 3986
 * pchar and '/', '?'), '#' aside. */
static bool
plain_uri_char(unsigned char c)
{
	if (is_alpha(c) || (c >= '0' && c <= '9'))
		return true;
	return c != '\0' && strchr("-._~/?%!$&'()*+,;=:@", c) != NULL;
}

char *
ap_uri_join_root(struct ap_arena *a, const char *base, const char *href)
{
	size_t i, at = authority_end(base, strlen(base)), hashes = 0;
	bool query = false;
	char *r;

	if (at == 0 || href[0] != '/' || href[1] == '/')
		return NULL;
	for (i = 0; href[i] != '\0'; i++) {
		if (href[i] == '#') {
			query = false;
			if (++hashes == 1)
				continue;
		} else if (href[i] == '?' && hashes == 0)
			query = true;
		if (!plain_uri_char((unsigned char)href[i]) ||
		    (href[i] == '.' && href[i - 1] == '/'))
			return NULL;
		/* libxml2 rewrites the escapes of a path or a fragment
		 * ("%2f" to "/") and escapes a colon in a path. */
		if (!query && (href[i] == '%' || (href[i] == ':' &&
		    hashes == 0)))
			return NULL;
	}
	r = ap_alloc(a, at + i + 1);
	memcpy(r, base, at);
	memcpy(r + at, href, i + 1);
	return r;
}

bool
ap_uri_is_absolute(const char *s)
{
	size_t i;

	if (!is_alpha((unsigned char)s[0]))
		return false;
	for (i = 1; is_alpha((unsigned char)s[i]) ||
	    (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
	    s[i] == '.'; i++)
		continue;
	return s[i] == ':';
}

#define SECTION_NAME_MAX	16	/* bytes of a one-word section path */

bool
ap_uri_is_front(const char *u)
{
	size_t n = strlen(u), at = authority_end(u, n), k;

	if (at == 0 || u[at] == '\0')
		return at > 0;		/* no authority; a bare host */
	if (u[at++] != '/')
		return false;		/* a query or a fragment */
	k = strcspn(u + at, "/?#");
	if (u[at + k] != '\0' && !(u[at + k] == '/' && u[at + k + 1] == '\0'))
		return false;
	/* Articles have longer paths: slugs, numbers, dates. */
	return k <= SECTION_NAME_MAX && strcspn(u + at, "0123456789-_.") >= k;
}
