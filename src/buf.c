/* SPDX-License-Identifier: ISC */
/*
 * Growable byte buffer on top of the arena's resizable blocks.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"

void
ap_buf_init(struct ap_buf *b, struct ap_arena *a)
{
	b->arena = a;
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	ap_buf_reserve(b, 0);
}

void
ap_buf_fini(struct ap_buf *b)
{
	ap_big_free(b->arena, b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void
ap_buf_reserve(struct ap_buf *b, size_t extra)
{
	size_t cap;

	if (b->p != NULL && b->cap - b->len > extra)
		return;
	if (extra >= SIZE_MAX / 2 - b->len)
		ap_arena_oom(b->arena);
	cap = b->cap < 64 ? 64 : b->cap;
	while (cap - b->len <= extra)
		cap *= 2;
	b->p = ap_big_realloc(b->arena, b->p, cap);
	b->cap = cap;
	b->p[b->len] = '\0';
}

void
ap_buf_put(struct ap_buf *b, const char *p, size_t n)
{
	ap_buf_reserve(b, n);
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
ap_buf_puts(struct ap_buf *b, const char *s)
{
	ap_buf_put(b, s, strlen(s));
}

void
ap_buf_putc(struct ap_buf *b, char c)
{
	ap_buf_put(b, &c, 1);
}

void
ap_buf_putcp(struct ap_buf *b, uint32_t cp)
{
	char u[4];

	if (cp < 0x80) {
		u[0] = (char)cp;
		ap_buf_put(b, u, 1);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		ap_buf_put(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		ap_buf_put(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		ap_buf_put(b, u, 4);
	}
}

void
ap_buf_printf(struct ap_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	ap_buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
ap_buf_truncate(struct ap_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->p[len] = '\0';
	}
}

char *
ap_buf_strdup(const struct ap_buf *b)
{
	return ap_strndup(b->arena, b->p, b->len);
}
