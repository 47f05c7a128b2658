/* SPDX-License-Identifier: ISC */
/*
 * One arena per document owns every allocation made while parsing and
 * rendering it.  Allocation never returns NULL: on failure the arena jumps
 * back to the entry point that armed it (ap_arena_catch), which frees the
 * whole arena, so no code path between has to unwind by hand.
 */
#ifndef AP_ARENA_H
#define AP_ARENA_H

#include <setjmp.h>
#include <stddef.h>

#include "artparse.h"

struct ap_chunk;
struct ap_big;

struct ap_arena {
	const struct ap_allocator *al;
	struct ap_chunk	*chunks;	/* bump-allocated, newest first */
	struct ap_big	*bigs;		/* separately resizable blocks */
	jmp_buf		*oom;		/* where to go when memory runs out */
	void		(*cleanup)(void *); /* foreign resource to release */
	void		*cleanup_arg;
};

/* The default allocator: malloc, realloc, free. */
extern const struct ap_allocator ap_default_allocator;

void	 ap_arena_init(struct ap_arena *, const struct ap_allocator *);
void	 ap_arena_fini(struct ap_arena *);

/* Zeroed memory for n bytes, aligned for any type. */
void	*ap_alloc(struct ap_arena *, size_t n);
/* Array of n elements of size sz, zeroed; checks the product for overflow. */
void	*ap_allocarray(struct ap_arena *, size_t n, size_t sz);
char	*ap_strndup(struct ap_arena *, const char *s, size_t n);
char	*ap_strdup(struct ap_arena *, const char *s);

/*
 * A resizable block, for buffers that grow: p == NULL allocates.  The old
 * pointer is invalid after the call.  Freed with the arena or ap_big_free.
 */
void	*ap_big_realloc(struct ap_arena *, void *p, size_t n);
void	 ap_big_free(struct ap_arena *, void *p);

/* Jump to the armed handler: memory ran out. */
_Noreturn void ap_arena_oom(struct ap_arena *);

#endif /* AP_ARENA_H */
