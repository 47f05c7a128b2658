/* SPDX-License-Identifier: ISC */
/*
 * WARC records and the HTTP responses in them (see warc.h).  Nothing here
 * trusts a length: Content-Length is parsed strictly and checked against
 * the limit before a byte of the block is held, header lines are bounded,
 * and a broken record is left by resynchronising on the next gzip member
 * or the next "WARC/1." line.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sniff.h"
#include "warc.h"

static const char *const skip_names[AP_SKIP__MAX] = {
	"warcinfo", "request", "metadata", "revisit", "redirect",
	"non-200", "non-HTML", "other"
};

const char *
ap_warc_skip_name(enum ap_warc_skip s)
{
	return (unsigned)s < AP_SKIP__MAX ? skip_names[s] : "other";
}

/* WARC/1.0, 1.1, and the drafts 0.17 and 0.18 (ClueWeb09 is 0.18). */
bool
ap_warc_magic(const unsigned char *p, size_t n)
{
	return n >= 8 && memcmp(p, "WARC/", 5) == 0 &&
	    ((p[5] == '1' && p[6] == '.' && (p[7] == '0' || p[7] == '1')) ||
	    (n >= 9 && memcmp(p + 5, "0.1", 3) == 0 &&
	    (p[8] == '7' || p[8] == '8')));
}

void
ap_warc_init(struct ap_warc *w, struct ap_gz *g, size_t max)
{
	memset(w, 0, sizeof(*w));
	w->g = g;
	w->max = max;
	/* A record: its payload, and WARC and HTTP headers. */
	ap_gz_limit(g, max < SIZE_MAX - 2 * AP_GZ_OUT ? max + 2 * AP_GZ_OUT :
	    SIZE_MAX);
}

void
ap_warc_rec_free(struct ap_warc_rec *r)
{
	free(r->uri);
	free(r->id);
	free(r->date);
	free(r->payload);
	memset(r, 0, sizeof(*r));
}

/* Whether n bytes at p, less trailing CR LF, equal the C string s. */
static bool
line_is(const char *p, size_t n, const char *s)
{
	while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r'))
		n--;
	return n == strlen(s) && memcmp(p, s, n) == 0;
}

/*
 * The next line, with its LF, at *p (valid until the next read); not
 * consumed.  1; 0 at the end of the input with no byte; -1 on a stream
 * error; -2 when longer than AP_WARC_LINE_MAX; -3 when the input ends
 * inside the line.
 */
static int
peek_line(struct ap_gz *g, const char **p, size_t *n)
{
	const char *nl;
	size_t avail;
	int r;

	for (;;) {
		avail = ap_gz_avail(g);
		nl = memchr(g->out + g->opos, '\n', avail);
		if (nl != NULL) {
			*p = (const char *)g->out + g->opos;
			*n = (size_t)(nl - *p) + 1;
			return 1;
		}
		if (avail >= AP_WARC_LINE_MAX)
			return -2;
		if ((r = ap_gz_want(g, avail + 1)) < 0)
			return -1;
		if (r == 0)
			return ap_gz_avail(g) == 0 ? 0 : -3;
	}
}

/* Pass n bytes (into "to" when not NULL).  1; 0: the input ended; -1. */
static int
take(struct ap_gz *g, unsigned char *to, uint64_t n, uint64_t *got)
{
	size_t k;
	int r;

	*got = 0;
	while (*got < n) {
		if (ap_gz_avail(g) == 0 && (r = ap_gz_want(g, 1)) <= 0)
			return r;
		k = ap_gz_avail(g);
		if (k > n - *got)
			k = (size_t)(n - *got);
		if (to != NULL)
			memcpy(to + *got, g->out + g->opos, k);
		g->opos += k;
		*got += k;
	}
	return 1;
}

/*
 * After a broken record: on to the next one, a gzip member that starts
 * with "WARC/1." or, uncompressed, a line that does.  1, 0 at the end,
 * -1 on a read error.
 */
static int
resync(struct ap_warc *w, bool member)
{
	struct ap_gz *g = w->g;
	const unsigned char *p, *hit;
	size_t avail;
	int r;

	if (g->gzip && (member || g->err != AP_GZ_OK))
		for (;;) {
			if ((r = ap_gz_skip_member(g)) <= 0)
				return r;
			r = ap_gz_want(g, 10);
			if (r > 0 && ap_warc_magic(g->out + g->opos,
			    ap_gz_avail(g)))
				return 1;
			if (r < 0 && g->err == AP_GZ_IO)
				return -1;
			if (r == 0 && ap_gz_avail(g) == 0)
				return 0;
		}
	for (;;) {
		avail = ap_gz_avail(g);
		p = g->out + g->opos;
		hit = NULL;
		for (size_t i = 0; i + 10 <= avail; i++)
			if (p[i] == '\n' && ap_warc_magic(p + i + 1, 9)) {
				hit = p + i + 1;
				break;
			}
		if (hit != NULL) {
			g->opos += (size_t)(hit - p);
			return 1;
		}
		if (avail > 10)
			g->opos += avail - 10;
		r = ap_gz_want(g, ap_gz_avail(g) + 1);
		if (r < 0)
			return g->err == AP_GZ_IO ? -1 : resync(w, true);
		if (r == 0) {
			g->opos = g->olen;
			return 0;
		}
	}
}

/* Strict Content-Length: digits only, no sign, below 2^62. */
static int
parse_length(const char *v, size_t n, uint64_t *out)
{
	uint64_t x = 0;
	size_t i;

	if (n == 0 || n > 18)
		return -1;
	for (i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return -1;
		x = x * 10 + (uint64_t)(v[i] - '0');
	}
	*out = x;
	return 0;
}

static char *
dup_value(const char *v, size_t n)
{
	char *s;

	if (n >= 2 && v[0] == '<' && v[n - 1] == '>') {	/* WARC 1.0 URIs */
		v++;
		n -= 2;
	}
	/* Whole: a header line is at most AP_WARC_LINE_MAX bytes. */
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(s, v, n);
	s[n] = '\0';
	return s;
}

/* The fields of a record header that we use. */
struct whead {
	char		 type[32];
	char		 ctype[256];
	bool		 have_len;
	uint64_t	 len;
	bool		 bad_len;
	char		 badlen[40];	/* the Content-Length we refused */
};

/* Split "Name: value" and trim; -1 when there is no colon. */
static int
split_field(const char *p, size_t n, const char **name, size_t *nl,
    const char **val, size_t *vl)
{
	const char *colon = memchr(p, ':', n);

	while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r'))
		n--;
	if (colon == NULL || colon == p || colon >= p + n)
		return -1;
	*name = p;
	*nl = (size_t)(colon - p);
	while (*nl > 0 && (p[*nl - 1] == ' ' || p[*nl - 1] == '\t'))
		(*nl)--;
	*val = colon + 1;
	*vl = (size_t)(p + n - *val);
	while (*vl > 0 && (**val == ' ' || **val == '\t'))
		(*val)++, (*vl)--;
	while (*vl > 0 && ((*val)[*vl - 1] == ' ' || (*val)[*vl - 1] == '\t'))
		(*vl)--;
	return 0;
}

static bool
name_is(const char *p, size_t n, const char *s)
{
	return n == strlen(s) && strncasecmp(p, s, n) == 0;
}

static void
copy_field(char *dst, size_t dstsz, const char *v, size_t n)
{
	if (n >= dstsz)
		n = dstsz - 1;
	memcpy(dst, v, n);
	dst[n] = '\0';
}

static int
field(struct ap_warc_rec *r, struct whead *h, const char *name, size_t nl,
    const char *v, size_t vl)
{
	char **dst = NULL;

	if (name_is(name, nl, "WARC-Type"))
		copy_field(h->type, sizeof(h->type), v, vl);
	else if (name_is(name, nl, "Content-Type"))
		copy_field(h->ctype, sizeof(h->ctype), v, vl);
	else if (name_is(name, nl, "Content-Length")) {
		if (parse_length(v, vl, &h->len) != 0) {
			h->bad_len = true;
			copy_field(h->badlen, sizeof(h->badlen), v, vl);
		}
		h->have_len = true;
	} else if (name_is(name, nl, "WARC-Target-URI"))
		dst = &r->uri;
	else if (name_is(name, nl, "WARC-Record-ID"))
		dst = &r->id;
	else if (name_is(name, nl, "WARC-Date"))
		dst = &r->date;
	if (dst == NULL || *dst != NULL)
		return 0;
	return (*dst = dup_value(v, vl)) != NULL ? 0 : -1;
}

/* What peek_line()'s or take()'s failure "r" means, into r->why. */
static void
stream_why(struct ap_warc *w, struct ap_warc_rec *r, int rc,
    const char *what)
{
	if (rc == -1)
		snprintf(r->why, sizeof(r->why), "%s", ap_gz_strerror(w->g));
	else if (rc == -2)
		snprintf(r->why, sizeof(r->why), "header line longer than "
		    "%d bytes", AP_WARC_LINE_MAX);
	else
		snprintf(r->why, sizeof(r->why), "truncated %s", what);
}

/* Read the version line and header fields; -1 with r->why when broken. */
static int
read_head(struct ap_warc *w, struct ap_warc_rec *r, struct whead *h,
    int *rc)
{
	const char *p, *name, *val;
	size_t n, nl, vl, total = 0;

	*rc = peek_line(w->g, &p, &n);
	if (*rc <= 0 || !ap_warc_magic((const unsigned char *)p, n) ||
	    !(line_is(p, n, "WARC/1.0") || line_is(p, n, "WARC/1.1") ||
	    line_is(p, n, "WARC/0.17") || line_is(p, n, "WARC/0.18"))) {
		if (*rc > 0 || *rc == -2)
			snprintf(r->why, sizeof(r->why), "not a WARC record "
			    "(no WARC/1.0 or WARC/1.1 line)");
		else
			stream_why(w, r, *rc, "record header");
		return -1;
	}
	w->g->opos += n;
	for (;;) {
		if ((*rc = peek_line(w->g, &p, &n)) <= 0) {
			stream_why(w, r, *rc, "record header");
			return -1;
		}
		w->g->opos += n;
		if (line_is(p, n, ""))
			return 0;
		if ((total += n) > AP_WARC_HEAD_MAX) {
			snprintf(r->why, sizeof(r->why), "record header "
			    "longer than %d bytes", AP_WARC_HEAD_MAX);
			return -1;
		}
		if (p[0] == ' ' || p[0] == '\t')
			continue;		/* a folded line */
		if (split_field(p, n, &name, &nl, &val, &vl) != 0) {
			snprintf(r->why, sizeof(r->why), "malformed header "
			    "line");
			return -1;
		}
		if (field(r, h, name, nl, val, vl) != 0) {
			snprintf(r->why, sizeof(r->why), "%s", strerror(ENOMEM));
			return -1;
		}
	}
}

static enum ap_warc_skip
skip_of_type(const char *t)
{
	static const struct {
		const char		*name;
		enum ap_warc_skip	 why;
	} types[] = {
		{ "warcinfo", AP_SKIP_WARCINFO },
		{ "request", AP_SKIP_REQUEST },
		{ "metadata", AP_SKIP_METADATA },
		{ "revisit", AP_SKIP_REVISIT },
	};
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(t, types[i].name) == 0)
			return types[i].why;
	return AP_SKIP_OTHER;
}

bool
ap_media_html(const char *ct, size_t n, char *charset, size_t charsetsz)
{
	const char *semi = memchr(ct, ';', n), *p, *end = ct + n;
	size_t tl = semi != NULL ? (size_t)(semi - ct) : n, k;
	bool html;

	if (charsetsz > 0)
		charset[0] = '\0';
	while (tl > 0 && (ct[tl - 1] == ' ' || ct[tl - 1] == '\t'))
		tl--;
	html = (tl == 9 && strncasecmp(ct, "text/html", 9) == 0) ||
	    (tl == 21 && strncasecmp(ct, "application/xhtml+xml", 21) == 0);
	for (p = semi; p != NULL && p < end; ) {
		p++;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) > 8 && strncasecmp(p, "charset=", 8) == 0)
		{
			p += 8;
			if (p < end && *p == '"')
				p++;
			for (k = 0; p + k < end && k + 1 < charsetsz &&
			    (isalnum((unsigned char)p[k]) || p[k] == '-' ||
			    p[k] == '_' || p[k] == '.' || p[k] == ':'); k++)
				charset[k] = p[k];
			if (charsetsz > 0)
				charset[k] = '\0';
			break;
		}
		p = memchr(p, ';', (size_t)(end - p));
	}
	return html;
}

/* The head of an HTTP response. */
struct hhead {
	int		 status;
	const char	*ctype, *te, *ce;
	size_t		 ctl, tel, cel;
	size_t		 body;		/* offset of the payload */
};

/* Parse the status line and headers of p[0..n); -1: no whole head. */
static int
http_head(const unsigned char *p, size_t n, struct hhead *h, char *why,
    size_t whysz)
{
	const char *s = (const char *)p, *end = s + n, *eol, *name, *val;
	size_t nl, vl;

	memset(h, 0, sizeof(*h));
	if (n < 12 || memcmp(s, "HTTP/", 5) != 0 ||
	    (eol = memchr(s, '\n', n)) == NULL) {
		snprintf(why, whysz, "no HTTP status line in the response");
		return -1;
	}
	{
		const char *sp = memchr(s, ' ', (size_t)(eol - s));

		if (sp == NULL || eol - sp < 4 || !isdigit((unsigned char)sp[1])
		    || !isdigit((unsigned char)sp[2]) ||
		    !isdigit((unsigned char)sp[3])) {
			snprintf(why, whysz, "malformed HTTP status line");
			return -1;
		}
		h->status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 +
		    (sp[3] - '0');
	}
	for (s = eol + 1; s < end; s = eol + 1) {
		if ((eol = memchr(s, '\n', (size_t)(end - s))) == NULL)
			break;
		if (line_is(s, (size_t)(eol - s + 1), "")) {
			h->body = (size_t)(eol + 1 - (const char *)p);
			return 0;
		}
		if (*s == ' ' || *s == '\t' ||
		    split_field(s, (size_t)(eol - s + 1), &name, &nl, &val,
		    &vl) != 0)
			continue;	/* folded or broken: not one we use */
		if (name_is(name, nl, "Content-Type") && h->ctype == NULL)
			h->ctype = val, h->ctl = vl;
		else if (name_is(name, nl, "Transfer-Encoding"))
			h->te = val, h->tel = vl;
		else if (name_is(name, nl, "Content-Encoding"))
			h->ce = val, h->cel = vl;
	}
	snprintf(why, whysz, "HTTP header not terminated");
	return -1;
}

static bool
has_token(const char *v, size_t n, const char *tok)
{
	size_t tl = strlen(tok), i;

	for (i = 0; v != NULL && i + tl <= n; i++)
		if (strncasecmp(v + i, tok, tl) == 0 &&
		    (i == 0 || v[i - 1] == ',' || v[i - 1] == ' ') &&
		    (i + tl == n || v[i + tl] == ',' || v[i + tl] == ' ' ||
		    v[i + tl] == ';'))
			return true;
	return false;
}

/*
 * Undo the chunked transfer coding of p[0..n) into out (n bytes room),
 * which may be p: the output never overtakes the input.
 */
static int
dechunk(const unsigned char *p, size_t n, unsigned char *out, size_t *len)
{
	size_t i = 0, o = 0, size;
	int d, digits;

	for (;;) {
		size = 0;
		digits = 0;
		for (; i < n && isxdigit(p[i]); i++, digits++) {
			d = isdigit(p[i]) ? p[i] - '0' :
			    (tolower(p[i]) - 'a') + 10;
			if (size > (SIZE_MAX >> 4))
				return -1;
			size = size << 4 | (size_t)d;
		}
		if (digits == 0)
			return -1;
		while (i < n && p[i] != '\n')	/* chunk extensions */
			i++;
		if (i++ >= n)
			return -1;
		if (size == 0)
			break;			/* trailers ignored */
		if (size > n - i)
			return -1;
		memmove(out + o, p + i, size);	/* out may be p */
		o += size;
		i += size;
		if (i < n && p[i] == '\r')
			i++;
		if (i >= n || p[i++] != '\n')
			return -1;
	}
	*len = o;
	return 0;
}

/*
 * ap_http_response() of the malloc'd p[0..n) (n + 1 bytes of room), which
 * it takes: the payload is decoded in place at its start, so a page costs
 * no second buffer and copy.
 */
static int
http_payload(unsigned char *p, size_t n, size_t max, int *status,
    bool *html, char *charset, size_t charsetsz, unsigned char **payload,
    size_t *len, char *why, size_t whysz)
{
	struct hhead h;
	unsigned char *body = p, *inf;
	char ce[41];
	size_t blen;
	bool chunked, gzip, deflate;
	int rc;

	if (http_head(p, n, &h, why, whysz) != 0) {
		free(p);
		return -1;
	}
	*status = h.status;
	*html = h.ctype != NULL && ap_media_html(h.ctype, h.ctl, charset,
	    charsetsz);
	if (h.ctype == NULL && charsetsz > 0)
		charset[0] = '\0';
	/* The head is overwritten by the payload: read it first. */
	chunked = has_token(h.te, h.tel, "chunked");
	gzip = h.ce != NULL && (has_token(h.ce, h.cel, "gzip") ||
	    has_token(h.ce, h.cel, "x-gzip"));
	deflate = h.ce != NULL && has_token(h.ce, h.cel, "deflate");
	ce[0] = '\0';
	if (h.ce != NULL && h.cel > 0 && !has_token(h.ce, h.cel, "identity"))
		snprintf(ce, sizeof(ce), "%.*s", (int)(h.cel > 40 ? 40 : h.cel),
		    h.ce);
	blen = n - h.body;
	if (chunked) {
		if (dechunk(p + h.body, blen, body, &blen) != 0) {
			free(body);
			snprintf(why, whysz, "malformed chunked HTTP body");
			return -1;
		}
	} else
		memmove(body, p + h.body, blen);
	body[blen] = '\0';
	if (ce[0] != '\0') {
		/* Some crawlers (ClueWeb09) store the payload decoded but
		 * keep the header: bytes that are not compressed stay. */
		if (gzip && !ap_gz_magic(body, blen))
			rc = 1;
		else if (gzip)
			rc = ap_gz_inflate(body, blen, true, max, &inf, &blen);
		else if (deflate) {
			rc = ap_gz_inflate(body, blen, false, max, &inf, &blen);
			if (rc == -1 && ap_sniff(body, blen) != AP_SNIFF_BINARY)
				rc = 1;
		}
		else {
			snprintf(why, whysz, "unsupported Content-Encoding "
			    "'%s'", ce);
			free(body);
			return -1;
		}
		if (rc == 1)
			goto done;
		free(body);
		if (rc != 0) {
			snprintf(why, whysz, rc == -2 ? "HTTP payload inflates "
			    "past %zu bytes (see --max-size)" : rc == -3 ?
			    "out of memory" : "corrupt gzip or deflate HTTP "
			    "payload", max);
			return -1;
		}
		body = inf;
	}
done:
	*payload = body;
	*len = blen;
	return 0;
}

int
ap_http_response(const unsigned char *p, size_t n, size_t max, int *status,
    bool *html, char *charset, size_t charsetsz, unsigned char **payload,
    size_t *len, char *why, size_t whysz)
{
	unsigned char *copy;

	if ((copy = malloc(n + 1)) == NULL) {
		snprintf(why, whysz, "%s", strerror(ENOMEM));
		return -1;
	}
	memcpy(copy, p, n);
	return http_payload(copy, n, max, status, html, charset, charsetsz,
	    payload, len, why, whysz);
}

/*
 * Classify a response from the head of its block, before the block is
 * read: only a 200 HTML response is worth holding.  0: convert; 1:
 * skip (r->skip); -1: broken (r->why).
 */
static int
classify_response(struct ap_warc *w, struct ap_warc_rec *r, uint64_t len)
{
	struct hhead h;
	size_t want = len < AP_WARC_LINE_MAX ? (size_t)len : AP_WARC_LINE_MAX;
	char cs[64];

	if (ap_gz_want(w->g, want) < 0 && w->g->err != AP_GZ_OK) {
		snprintf(r->why, sizeof(r->why), "%s", ap_gz_strerror(w->g));
		return -1;
	}
	want = ap_gz_avail(w->g) < want ? ap_gz_avail(w->g) : want;
	if (http_head(w->g->out + w->g->opos, want, &h, r->why,
	    sizeof(r->why)) != 0)
		return -1;
	if (h.status >= 300 && h.status < 400)
		r->skip = AP_SKIP_REDIRECT;
	else if (h.status != 200)
		r->skip = AP_SKIP_STATUS;
	else if (h.ctype == NULL || !ap_media_html(h.ctype, h.ctl, cs,
	    sizeof(cs)))
		r->skip = AP_SKIP_NOT_HTML;
	else
		return 0;
	return 1;
}

/* Past the block and its CR LF CR LF; 0, or -1 with r->why. */
static int
finish_block(struct ap_warc *w, struct ap_warc_rec *r, uint64_t len,
    unsigned char *to)
{
	const unsigned char *p;
	uint64_t got;
	int rc;

	if ((rc = take(w->g, to, len, &got)) <= 0) {
		if (rc < 0)
			snprintf(r->why, sizeof(r->why), "%s",
			    ap_gz_strerror(w->g));
		else
			snprintf(r->why, sizeof(r->why), "truncated record "
			    "(%" PRIu64 " of %" PRIu64 " bytes)", got, len);
		return -1;
	}
	rc = ap_gz_want(w->g, 4);
	p = w->g->out + w->g->opos;
	if (ap_gz_avail(w->g) >= 4 && memcmp(p, "\r\n\r\n", 4) == 0)
		w->g->opos += 4;
	else if (ap_gz_avail(w->g) >= 2 && memcmp(p, "\n\n", 2) == 0)
		w->g->opos += 2;
	else {
		snprintf(r->why, sizeof(r->why), rc < 0 ? "%s" : "record not "
		    "followed by CR LF CR LF (wrong Content-Length?)",
		    ap_gz_strerror(w->g));
		return -1;
	}
	return 0;
}

/* Where the header left us: read or skip the block of the record. */
static int
read_block(struct ap_warc *w, struct ap_warc_rec *r, struct whead *h,
    bool member)
{
	unsigned char *block;
	char cs[64];
	int status, c;
	bool html;

	r->what = AP_WARC_SKIP;
	if (strcasecmp(h->type, "response") == 0) {
		if ((c = classify_response(w, r, h->len)) < 0)
			return -1;
		if (c > 0)
			goto skip;
	} else if (strcasecmp(h->type, "resource") == 0) {
		if (!ap_media_html(h->ctype, strlen(h->ctype), r->charset,
		    sizeof(r->charset))) {
			r->skip = AP_SKIP_NOT_HTML;
			goto skip;
		}
	} else {
		r->skip = skip_of_type(h->type);
		goto skip;
	}
	if (h->len > w->max) {
		snprintf(r->why, sizeof(r->why), "record too large (%" PRIu64
		    " bytes, limit %zu; see --max-size)", h->len, w->max);
		/* Refused without inflating it: a gzip member may be a bomb. */
		return member ? -2 : finish_block(w, r, h->len, NULL) == 0 ?
		    -3 : -1;
	}
	if ((block = malloc((size_t)h->len + 1)) == NULL) {
		snprintf(r->why, sizeof(r->why), "%s", strerror(ENOMEM));
		return -1;
	}
	if (finish_block(w, r, h->len, block) != 0) {
		free(block);
		return -1;
	}
	r->what = AP_WARC_CONVERT;
	if (strcasecmp(h->type, "resource") == 0) {
		block[h->len] = '\0';
		r->payload = block;
		r->len = (size_t)h->len;
		return 0;
	}
	memset(cs, 0, sizeof(cs));
	c = http_payload(block, (size_t)h->len, w->max, &status, &html, cs,
	    sizeof(cs), &r->payload, &r->len, r->why, sizeof(r->why));
	if (c != 0) {
		r->what = AP_WARC_BAD;
		return -3;
	}
	memcpy(r->charset, cs, sizeof(cs));
	return 0;
skip:
	/* A skipped block bigger than the limit is not inflated either. */
	if (member && h->len > w->max)
		return ap_gz_skip_member(w->g) < 0 ? -1 : 0;
	return finish_block(w, r, h->len, NULL);
}

int
ap_warc_next(struct ap_warc *w, struct ap_warc_rec *r)
{
	struct ap_gz *g = w->g;
	struct whead h;
	const char *p;
	size_t n;
	bool member;
	int rc;

	ap_warc_rec_free(r);
	/* Blank lines between records are tolerated. */
	while ((rc = peek_line(g, &p, &n)) == 1 && line_is(p, n, ""))
		g->opos += n;
	if (rc == 0)
		return 0;
	if (rc == -1 && g->err == AP_GZ_IO) {
		snprintf(r->why, sizeof(r->why), "%s", ap_gz_strerror(g));
		return -1;
	}
	member = ap_gz_member_start(g, &r->offset);
	if (!member)
		r->offset = ap_gz_tell(g);
	w->nrec++;
	memset(&h, 0, sizeof(h));
	if (rc < 0 && rc != -2) {
		stream_why(w, r, rc, "record header");
		rc = -1;
	} else if (read_head(w, r, &h, &rc) != 0)
		rc = -1;
	else if (h.bad_len) {
		snprintf(r->why, sizeof(r->why), "invalid Content-Length "
		    "'%s'", h.badlen);
		rc = -1;
	} else if (!h.have_len) {
		snprintf(r->why, sizeof(r->why), "no Content-Length");
		rc = -1;
	} else if (h.type[0] == '\0') {
		snprintf(r->why, sizeof(r->why), "no WARC-Type");
		rc = -1;
	} else
		rc = read_block(w, r, &h, member);
	if (rc == 0)
		return 1;
	r->what = AP_WARC_BAD;
	free(r->payload);
	r->payload = NULL;
	r->len = 0;
	if (rc == -3)
		return 1;		/* the stream is at the next record */
	/* On to the next record; a read error stops the next call. */
	(void)resync(w, member || rc == -2 || g->err != AP_GZ_OK);
	return 1;
}
