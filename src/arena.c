/* SPDX-License-Identifier: ISC */
/*
 * Bump allocator in chunks, plus a list of resizable "big" blocks for
 * growing buffers.  See arena.h for the out-of-memory contract.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define CHUNK_SIZE	(64 * 1024)
#define ALIGNMENT	(sizeof(max_align_t))

struct ap_chunk {
	struct ap_chunk	*next;
	size_t		 used;
	size_t		 size;
	max_align_t	 data[];
};

struct ap_big {
	struct ap_big	*prev;
	struct ap_big	*next;
	max_align_t	 data[];
};

static void *
std_malloc(size_t n, void *arg)
{
	(void)arg;
	return malloc(n);
}

static void *
std_realloc(void *p, size_t n, void *arg)
{
	(void)arg;
	return realloc(p, n);
}

static void
std_free(void *p, void *arg)
{
	(void)arg;
	free(p);
}

const struct ap_allocator ap_default_allocator = {
	std_malloc, std_realloc, std_free, NULL
};

void
ap_arena_init(struct ap_arena *a, const struct ap_allocator *al)
{
	memset(a, 0, sizeof(*a));
	a->al = al != NULL ? al : &ap_default_allocator;
}

void
ap_arena_fini(struct ap_arena *a)
{
	struct ap_chunk *c, *cn;
	struct ap_big *b, *bn;

	if (a->cleanup != NULL) {
		a->cleanup(a->cleanup_arg);
		a->cleanup = NULL;
	}
	for (c = a->chunks; c != NULL; c = cn) {
		cn = c->next;
		a->al->free(c, a->al->arg);
	}
	for (b = a->bigs; b != NULL; b = bn) {
		bn = b->next;
		a->al->free(b, a->al->arg);
	}
	a->chunks = NULL;
	a->bigs = NULL;
}

_Noreturn void
ap_arena_oom(struct ap_arena *a)
{
	longjmp(*a->oom, 1);
}

void *
ap_alloc(struct ap_arena *a, size_t n)
{
	struct ap_chunk *c = a->chunks;
	size_t need, size;
	void *p;

	n = (n + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
	if (n == 0)
		n = ALIGNMENT;
	if (c == NULL || c->size - c->used < n) {
		if (n > SIZE_MAX - sizeof(*c) - CHUNK_SIZE)
			ap_arena_oom(a);
		size = n > CHUNK_SIZE / 4 ? n : CHUNK_SIZE;
		need = sizeof(*c) + size;
		c = a->al->malloc(need, a->al->arg);
		if (c == NULL)
			ap_arena_oom(a);
		c->size = size;
		c->used = 0;
		/* A dedicated chunk goes second so the current one stays open. */
		if (size != CHUNK_SIZE && a->chunks != NULL) {
			c->next = a->chunks->next;
			a->chunks->next = c;
		} else {
			c->next = a->chunks;
			a->chunks = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

void *
ap_allocarray(struct ap_arena *a, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		ap_arena_oom(a);
	return ap_alloc(a, n * sz);
}

char *
ap_strndup(struct ap_arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		ap_arena_oom(a);
	p = ap_alloc(a, n + 1);
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
ap_strdup(struct ap_arena *a, const char *s)
{
	return ap_strndup(a, s, strlen(s));
}

static struct ap_big *
big_of(void *p)
{
	return (struct ap_big *)((char *)p - offsetof(struct ap_big, data));
}

void *
ap_big_realloc(struct ap_arena *a, void *p, size_t n)
{
	struct ap_big *old = p != NULL ? big_of(p) : NULL;
	struct ap_big *b;

	if (n > SIZE_MAX - sizeof(*b))
		ap_arena_oom(a);
	b = a->al->realloc(old, sizeof(*b) + n, a->al->arg);
	if (b == NULL)
		ap_arena_oom(a);	/* "old" is still linked and freed later */
	if (old == NULL) {
		b->prev = NULL;
		b->next = a->bigs;
		if (a->bigs != NULL)
			a->bigs->prev = b;
		a->bigs = b;
	} else if (b != old) {
		if (b->prev != NULL)
			b->prev->next = b;
		else
			a->bigs = b;
		if (b->next != NULL)
			b->next->prev = b;
	}
	return b->data;
}

void
ap_big_free(struct ap_arena *a, void *p)
{
	struct ap_big *b;

	if (p == NULL)
		return;
	b = big_of(p);
	if (b->prev != NULL)
		b->prev->next = b->next;
	else
		a->bigs = b->next;
	if (b->next != NULL)
		b->next->prev = b->prev;
	a->al->free(b, a->al->arg);
}
