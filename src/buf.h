/* SPDX-License-Identifier: ISC */
/*
 * Growable byte buffer whose memory belongs to an arena.  The contents are
 * always NUL-terminated, so b->p can be used as a C string.
 */
#ifndef AP_BUF_H
#define AP_BUF_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct ap_buf {
	struct ap_arena	*arena;
	char		*p;
	size_t		 len;
	size_t		 cap;
};

void	 ap_buf_init(struct ap_buf *, struct ap_arena *);
void	 ap_buf_fini(struct ap_buf *);
void	 ap_buf_reserve(struct ap_buf *, size_t extra);
void	 ap_buf_put(struct ap_buf *, const char *p, size_t n);
void	 ap_buf_puts(struct ap_buf *, const char *s);
void	 ap_buf_putc(struct ap_buf *, char c);
void	 ap_buf_putcp(struct ap_buf *, uint32_t cp);	/* as UTF-8 */
void	 ap_buf_printf(struct ap_buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 ap_buf_truncate(struct ap_buf *, size_t len);
/* A copy of the contents in the arena (survives ap_buf_fini). */
char	*ap_buf_strdup(const struct ap_buf *);

#endif /* AP_BUF_H */
