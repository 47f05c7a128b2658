/* SPDX-License-Identifier: ISC */
/*
 * Streaming gzip through zlib (see gz.h).  Each call to more() appends
 * output of one member only, so the stream offset where a member starts
 * is known exactly.
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
	if (g->rpos > 0) {
		memmove(g->raw, g->raw + g->rpos, g->rlen - g->rpos);
		g->raw_base += g->rpos;
		g->rlen -= g->rpos;
		g->rpos = 0;
	}
	if (g->rlen == sizeof(g->raw))
		return 1;
	do
		r = read(g->fd, g->raw + g->rlen, sizeof(g->raw) - g->rlen);
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
		if ((size_t)r > sizeof(g->out) - g->olen)
			r = (ssize_t)(sizeof(g->out) - g->olen);
		memcpy(g->out + g->olen, g->raw + g->rpos, (size_t)r);
		g->rpos += (size_t)r;
		g->olen += (size_t)r;
		return 1;
	}
	do
		r = read(g->fd, g->out + g->olen, sizeof(g->out) - g->olen);
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

static int
gzip_more(struct ap_gz *g)
{
	size_t before = g->olen, in;
	int rc, r;

	for (;;) {
		if (!g->in_member && (r = member_begin(g)) <= 0)
			return r;
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
		g->z.avail_out = (uInt)(sizeof(g->out) - g->olen);
		rc = inflate(&g->z, Z_NO_FLUSH);
		g->rpos += in - g->z.avail_in;
		g->olen = sizeof(g->out) - g->z.avail_out;
		if (rc == Z_STREAM_END)
			g->in_member = false;
		else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			g->err = AP_GZ_CORRUPT;
			g->in_member = false;
			return -1;
		}
		if (g->olen > before)
			return 1;
		if (g->olen == sizeof(g->out))
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
	memset(g, 0, sizeof(*g));
	g->fd = fd;
	while (g->rlen < 2 && !g->raw_eof)
		if (raw_more(g) < 0) {
			errno = g->sys_errno;
			return -1;
		}
	g->gzip = g->rlen >= 2 && g->raw[0] == 0x1f && g->raw[1] == 0x8b;
	if (g->gzip) {
		if (inflateInit2(&g->z, 16 + MAX_WBITS) != Z_OK) {
			errno = ENOMEM;
			return -1;
		}
		g->zinit = true;
	}
	return 0;
}

void
ap_gz_close(struct ap_gz *g)
{
	if (g->zinit)
		inflateEnd(&g->z);
	g->zinit = false;
}

int
ap_gz_want(struct ap_gz *g, size_t n)
{
	int r;

	if (n > sizeof(g->out))
		n = sizeof(g->out);
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
