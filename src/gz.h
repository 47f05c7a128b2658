/* SPDX-License-Identifier: ISC */
/*
 * A buffered reader over a file descriptor that inflates gzip input as it
 * goes (any number of members) and passes anything else through.  It
 * knows where each gzip member starts, in the file and in the inflated
 * stream, so that a WARC record can be given the offset a reader can seek
 * to, and a member can be abandoned without inflating its rest (a gzip
 * bomb costs nothing).  A member that is whole in the read-ahead window
 * and inflates to at most ap_gz_limit() is inflated at once by
 * libdeflate; any other streams through zlib.  Memory is bounded: the
 * window (AP_GZ_WINDOW), the largest member so inflated, and zlib's
 * window.  Also the in-memory inflation of an HTTP payload.
 */
#ifndef AP_GZ_H
#define AP_GZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libdeflate.h>
#include <zlib.h>

#define AP_GZ_OUT	65536		/* most ap_gz_want() gives */
#define AP_GZ_WINDOW	(1 << 20)	/* compressed read-ahead */
#define AP_GZ_WHOLE	(4 << 20)	/* largest member inflated at once */

enum ap_gz_err {
	AP_GZ_OK = 0,
	AP_GZ_IO,	/* read(2) failed; errno in ->sys_errno */
	AP_GZ_TRUNC,	/* the file ends inside a gzip member */
	AP_GZ_CORRUPT,	/* deflate data zlib refuses */
	AP_GZ_GARBAGE	/* bytes after a member that start no other */
};

struct ap_gz {
	int		 fd;
	bool		 gzip;		/* inflating */
	bool		 raw_eof;
	bool		 in_member;
	bool		 zinit;
	enum ap_gz_err	 err;
	int		 sys_errno;
	z_stream	 z;
	struct libdeflate_decompressor *ld;	/* NULL: zlib only */
	size_t		 whole_max;	/* see ap_gz_limit() */
	unsigned char	*raw;
	size_t		 rcap, rpos, rlen;
	uint64_t	 raw_base;	/* file offset of raw[0] */
	unsigned char	*out;
	size_t		 ocap, opos, olen;
	uint64_t	 out_base;	/* stream offset of out[0] */
	uint64_t	 member_raw;	/* file offset of the current member */
	uint64_t	 member_out;	/* stream offset of its first byte */
};

/*
 * Start reading "fd" (not closed by the reader): gzip when its first two
 * bytes say so.  Returns 0, or -1 when the first read fails or memory
 * runs out (errno; nothing to close then).
 */
int	 ap_gz_open(struct ap_gz *g, int fd);
void	 ap_gz_close(struct ap_gz *g);

/*
 * Inflate a member at once only when it gives at most "max" bytes (a
 * WARC record of --max-size and its headers): a larger one, such as a
 * gzip bomb, streams and can be abandoned.  At most AP_GZ_WHOLE.
 */
void	 ap_gz_limit(struct ap_gz *g, size_t max);

/*
 * Make at least "n" (at most AP_GZ_OUT) bytes available at
 * g->out + g->opos.  Returns 1 when they are, 0 when the input ends
 * first (fewer are there), -1 on an error (g->err; the bytes of the
 * broken member that were not yet handed out are dropped).
 */
int	 ap_gz_want(struct ap_gz *g, size_t n);
/* Bytes available without reading. */
#define	 ap_gz_avail(g)	((g)->olen - (g)->opos)
/* Offset in the (inflated) stream of the next byte. */
#define	 ap_gz_tell(g)	((g)->out_base + (g)->opos)

/*
 * Whether the next byte is the first of a gzip member; then *raw is the
 * member's offset in the file.
 */
bool	 ap_gz_member_start(const struct ap_gz *g, uint64_t *raw);

/*
 * Drop the rest of the current gzip member without inflating it: look
 * for the next member header in the compressed bytes.  Clears g->err.
 * Returns 1 when one was found, 0 at the end of the input, -1 on a read
 * error.
 */
int	 ap_gz_skip_member(struct ap_gz *g);

/* Whether "p" starts like a gzip member (RFC 1952 magic and deflate). */
bool	 ap_gz_magic(const unsigned char *p, size_t n);

/* A static English description of g->err. */
const char *ap_gz_strerror(const struct ap_gz *g);

/*
 * Inflate the gzip ("gzip" true) or zlib/raw deflate payload p[0..n)
 * into a new malloc'd buffer (NUL-terminated) of at most "max" bytes.
 * Returns 0; -2 when it would inflate past "max" (nothing more is
 * inflated); -1 when the data is broken; -3 when memory runs out.
 */
int	 ap_gz_inflate(const unsigned char *p, size_t n, bool gzip,
	    size_t max, unsigned char **out, size_t *outlen);

#endif /* AP_GZ_H */
