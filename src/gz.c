/* SPDX-License-Identifier: ISC */
/*
 * Reading gzip (see gz.h): a member at once through libdeflate when it
 * can, else streaming through zlib.  Each call to more() appends output
 * of one member only, so the stream offset where a member starts is
 * known exactly.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gz.h"

bool
ap_gz_magic(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8;
}

/* Read more compressed bytes after the unconsumed ones; 1, 0 at EOF, -1. */
static int
raw_more(struct ap_gz *g)
{
	ssize_t r;

	if (g->raw_eof)
		return 0;
	/* The unread bytes move to the front only once half the buffer is
	 * read or its end is reached: a move per member would copy the
	 * whole read-ahead window for each record. */
	if (g->rpos > 0 && (g->rlen == g->rcap || g->rpos >= g->rcap / 2)) {
		memmove(g->raw, g->raw + g->rpos, g->rlen - g->rpos);
		g->raw_base += g->rpos;
		g->rlen -= g->rpos;
		g->rpos = 0;
	}
	if (g->rlen == g->rcap)
		return 1;
	do
		r = read(g->fd, g->raw + g->rlen, g->rcap - g->rlen);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		g->err = AP_GZ_IO;
		g->sys_errno = errno;
		return -1;
	}
	if (r == 0) {
		g->raw_eof = true;
		return 0;
	}
	g->rlen += (size_t)r;
	return 1;
}

/* Make room at the end of g->out by moving the unread bytes to its start. */
static void
compact(struct ap_gz *g)
{
	if (g->opos == 0)
		return;
	memmove(g->out, g->out + g->opos, g->olen - g->opos);
	g->out_base += g->opos;
	g->olen -= g->opos;
	g->opos = 0;
}

static int
plain_more(struct ap_gz *g)
{
	ssize_t r;

	/* Bytes read while sniffing wait in raw[] first. */
	if (g->rpos < g->rlen) {
		r = (ssize_t)(g->rlen - g->rpos);
		if ((size_t)r > g->ocap - g->olen)
			r = (ssize_t)(g->ocap - g->olen);
		memcpy(g->out + g->olen, g->raw + g->rpos, (size_t)r);
		g->rpos += (size_t)r;
		g->olen += (size_t)r;
		return 1;
	}
	do
		r = read(g->fd, g->out + g->olen, g->ocap - g->olen);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		g->err = AP_GZ_IO;
		g->sys_errno = errno;
		return -1;
	}
	g->olen += (size_t)r;
	return r > 0;
}

/* Start the member whose header is at raw[rpos]; -1 when none is there. */
static int
member_begin(struct ap_gz *g)
{
	int r;

	while (g->rlen - g->rpos < 3 && (r = raw_more(g)) > 0)
		continue;
	if (g->rpos == g->rlen)
		return 0;			/* clean end */
	if (!ap_gz_magic(g->raw + g->rpos, g->rlen - g->rpos)) {
		if (g->err == AP_GZ_OK)
			g->err = g->rlen - g->rpos < 3 && g->raw_eof &&
			    g->raw[g->rpos] == 0x1f ? AP_GZ_TRUNC :
			    AP_GZ_GARBAGE;
		return -1;
	}
	if (inflateReset2(&g->z, 16 + MAX_WBITS) != Z_OK) {
		g->err = AP_GZ_CORRUPT;
		return -1;
	}
	g->in_member = true;
	g->member_raw = g->raw_base + g->rpos;
	g->member_out = g->out_base + g->olen;
	return 1;
}

/*
 * Grow *buf (of *cap bytes) by doubling until it holds "need"; -1 when
 * memory runs out (g->err).
 */
static int
grow(struct ap_gz *g, unsigned char **buf, size_t *cap, size_t need)
{
	unsigned char *p;
	size_t n = *cap;

	while (n < need)
		n *= 2;
	if (n == *cap)
		return 0;
	if ((p = realloc(*buf, n)) == NULL) {
		g->err = AP_GZ_IO;
		g->sys_errno = ENOMEM;
		return -1;
	}
	*buf = p;
	*cap = n;
	return 0;
}

/* Read until "want" unconsumed bytes are in raw[] (or the input ends). */
static int
raw_fill(struct ap_gz *g, size_t want)
{
	int r;

	/* Twice what is wanted: reads append, and the unread bytes move
	 * to the front once every "want" bytes (raw_more). */
	if (grow(g, &g->raw, &g->rcap, 2 * want) != 0)
		return -1;
	while (g->rlen - g->rpos < want)
		if ((r = raw_more(g)) <= 0)
			return r;
	return 1;
}

/*
 * Inflate the member begun at raw[rpos] at once, with libdeflate, which
 * does it in less than half zlib's time: 1 done; 0 when it must stream
 * (it inflates past g->whole_max, or is not whole in AP_GZ_WINDOW, or
 * is broken: zlib then says where); -1 on a read error.  Each try that
 * fails costs an inflation, so the window is kept at least half full
 * and out[] only grows, to the largest member met.
 */
static int
whole_member(struct ap_gz *g)
{
	enum libdeflate_result rc;
	size_t want = AP_GZ_WINDOW / 2, in, n;

	for (;;) {
		if (!g->raw_eof && g->rlen - g->rpos < want &&
		    raw_fill(g, want) < 0)
			return -1;
		rc = libdeflate_gzip_decompress_ex(g->ld, g->raw + g->rpos,
		    g->rlen - g->rpos, g->out + g->olen, g->ocap - g->olen,
		    &in, &n);
		if (rc == LIBDEFLATE_SUCCESS) {
			g->rpos += in;
			g->olen += n;
			return 1;
		}
		if (rc == LIBDEFLATE_INSUFFICIENT_SPACE) {
			if (g->ocap - g->olen >= g->whole_max)
				return 0;
			n = 2 * (g->ocap - g->olen);
			if (grow(g, &g->out, &g->ocap, g->olen +
			    (n < g->whole_max ? n : g->whole_max)) != 0)
				return -1;
			continue;
		}
		/* Broken, or cut off at the end of the window. */
		if (g->raw_eof || g->rlen - g->rpos >= AP_GZ_WINDOW)
			return 0;
		want = AP_GZ_WINDOW;
	}
}

static int
gzip_more(struct ap_gz *g)
{
	size_t before = g->olen, in;
	int rc, r;

	for (;;) {
		if (!g->in_member) {
			if ((r = member_begin(g)) <= 0)
				return r;
			if (g->ld != NULL && (r = whole_member(g)) != 0) {
				g->in_member = false;
				return r;
			}
		}
		if (g->rpos == g->rlen && (r = raw_more(g)) <= 0) {
			if (r == 0)
				g->err = AP_GZ_TRUNC;
			g->in_member = false;
			return -1;
		}
		in = g->rlen - g->rpos;
		g->z.next_in = g->raw + g->rpos;
		g->z.avail_in = (uInt)in;
		g->z.next_out = g->out + g->olen;
		g->z.avail_out = (uInt)(g->ocap - g->olen);
		rc = inflate(&g->z, Z_NO_FLUSH);
		g->rpos += in - g->z.avail_in;
		g->olen = g->ocap - g->z.avail_out;
		if (rc == Z_STREAM_END)
			g->in_member = false;
		else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			g->err = AP_GZ_CORRUPT;
			g->in_member = false;
			return -1;
		}
		if (g->olen > before)
			return 1;
		if (g->olen == g->ocap)
			return 1;	/* full: the caller reads first */
	}
}

/* Append output to g->out: 1, 0 at the end, -1 on an error. */
static int
more(struct ap_gz *g)
{
	int r;

	if (g->err != AP_GZ_OK)
		return -1;
	compact(g);
	r = g->gzip ? gzip_more(g) : plain_more(g);
	if (r < 0) {
		/* What the broken member gave is not handed out. */
		if (g->gzip && g->member_out >= g->out_base &&
		    g->member_out - g->out_base <= g->olen)
			g->olen = (size_t)(g->member_out - g->out_base);
		if (g->olen < g->opos)
			g->olen = g->opos;
	}
	return r;
}

int
ap_gz_open(struct ap_gz *g, int fd)
{
	int e;

	memset(g, 0, sizeof(*g));
	g->fd = fd;
	g->whole_max = AP_GZ_WHOLE;
	g->rcap = g->ocap = AP_GZ_OUT;
	if ((g->raw = malloc(g->rcap)) == NULL ||
	    (g->out = malloc(g->ocap)) == NULL) {
		ap_gz_close(g);
		errno = ENOMEM;
		return -1;
	}
	while (g->rlen < 2 && !g->raw_eof)
		if (raw_more(g) < 0) {
			e = g->sys_errno;
			ap_gz_close(g);
			errno = e;
			return -1;
		}
	g->gzip = g->rlen >= 2 && g->raw[0] == 0x1f && g->raw[1] == 0x8b;
	if (!g->gzip)
		return 0;
	if (inflateInit2(&g->z, 16 + MAX_WBITS) != Z_OK) {
		ap_gz_close(g);
		errno = ENOMEM;
		return -1;
	}
	g->zinit = true;
	/* Without it, zlib does all. */
	g->ld = libdeflate_alloc_decompressor();
	return 0;
}

void
ap_gz_close(struct ap_gz *g)
{
	if (g->zinit)
		inflateEnd(&g->z);
	g->zinit = false;
	if (g->ld != NULL)
		libdeflate_free_decompressor(g->ld);
	g->ld = NULL;
	free(g->raw);
	free(g->out);
	g->raw = g->out = NULL;
	g->rcap = g->ocap = 0;
}

void
ap_gz_limit(struct ap_gz *g, size_t max)
{
	g->whole_max = max < AP_GZ_WHOLE ? max : AP_GZ_WHOLE;
}

int
ap_gz_want(struct ap_gz *g, size_t n)
{
	int r;

	if (n > AP_GZ_OUT)
		n = AP_GZ_OUT;
	while (g->olen - g->opos < n)
		if ((r = more(g)) <= 0)
			return r;
	return 1;
}

bool
ap_gz_member_start(const struct ap_gz *g, uint64_t *raw)
{
	if (!g->gzip || g->member_out != ap_gz_tell(g))
		return false;
	*raw = g->member_raw;
	return true;
}

int
ap_gz_skip_member(struct ap_gz *g)
{
	const unsigned char *p;
	int r;

	if (!g->gzip) {
		g->err = AP_GZ_OK;
		return 0;
	}
	/* A later member already begun in the buffer: go there. */
	if (g->err == AP_GZ_OK && g->member_out != UINT64_MAX &&
	    g->member_out > ap_gz_tell(g) &&
	    g->member_out - g->out_base <= g->olen) {
		g->opos = (size_t)(g->member_out - g->out_base);
		return 1;
	}
	g->out_base += g->olen;
	g->opos = g->olen = 0;
	g->member_out = UINT64_MAX;
	if (g->err == AP_GZ_IO)
		return -1;
	/* Between members, with nothing wrong: the next one is whole. */
	if (!g->in_member && g->err == AP_GZ_OK)
		return g->rpos < g->rlen || raw_more(g) > 0 ? 1 : 0;
	g->in_member = false;
	g->err = AP_GZ_OK;
	for (;;) {
		p = memchr(g->raw + g->rpos, 0x1f, g->rlen - g->rpos);
		if (p != NULL) {
			g->rpos = (size_t)(p - g->raw);
			if (g->rlen - g->rpos < 3 && !g->raw_eof) {
				if ((r = raw_more(g)) < 0)
					return -1;
				continue;
			}
			if (ap_gz_magic(p, g->rlen - g->rpos))
				return 1;
			g->rpos++;
			continue;
		}
		g->rpos = g->rlen;
		if ((r = raw_more(g)) <= 0)
			return r;
	}
}

const char *
ap_gz_strerror(const struct ap_gz *g)
{
	switch (g->err) {
	case AP_GZ_IO:
		return strerror(g->sys_errno);
	case AP_GZ_TRUNC:
		return "truncated gzip member";
	case AP_GZ_CORRUPT:
		return "corrupt gzip data";
	case AP_GZ_GARBAGE:
		return "data after a gzip member that is not gzip";
	default:
		return "no error";
	}
}

int
ap_gz_inflate(const unsigned char *p, size_t n, bool gzip, size_t max,
    unsigned char **out, size_t *outlen)
{
	z_stream z;
	unsigned char *buf = NULL, *nb;
	size_t cap = 0, len = 0, want;
	int rc = Z_OK, wbits;

	memset(&z, 0, sizeof(z));
	/* Deflate is meant to be zlib-wrapped, but servers send it raw too. */
	wbits = gzip ? 16 + MAX_WBITS : n >= 2 && (p[0] & 0x0f) == 8 &&
	    ((unsigned)p[0] << 8 | p[1]) % 31 == 0 ? MAX_WBITS : -MAX_WBITS;
	if (inflateInit2(&z, wbits) != Z_OK)
		return -3;
	z.next_in = (unsigned char *)(uintptr_t)p;
	while (rc != Z_STREAM_END) {
		if (cap - len < 4096) {
			if (len > max) {
				rc = -2;
				break;
			}
			want = cap ? cap * 2 : n * 4 + 4096;
			if (want > max + 4097)
				want = max + 4097;
			if ((nb = realloc(buf, want)) == NULL) {
				rc = -3;
				break;
			}
			buf = nb;
			cap = want;
		}
		z.avail_in = n - (size_t)(z.next_in - p) > UINT32_MAX ?
		    UINT32_MAX : (uInt)(n - (size_t)(z.next_in - p));
		z.next_out = buf + len;
		z.avail_out = (uInt)(cap - len - 1);
		rc = inflate(&z, Z_NO_FLUSH);
		len = cap - 1 - z.avail_out;
		if (rc == Z_STREAM_END)
			break;
		if (len > max) {
			rc = -2;
			break;
		}
		if (rc != Z_OK && !(rc == Z_BUF_ERROR && z.avail_out == 0)) {
			rc = -1;
			break;
		}
	}
	inflateEnd(&z);
	if (rc == Z_STREAM_END && len > max)
		rc = -2;
	if (rc != Z_STREAM_END) {
		free(buf);
		return rc;
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}
