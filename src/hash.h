/* SPDX-License-Identifier: ISC */
/*
 * FNV-1a, 64 bits: a block's text repeated in the page (content.c) or
 * in the body (classify.c), a class's shape among container candidates
 * (html_src.c).  ap_word_hash: the slot of a word in the hash tables
 * tools/gen-data.sh writes (stopwords, quotes.c's lists and verbs; see
 * table.h).
 */
#ifndef AP_HASH_H
#define AP_HASH_H

#include <stddef.h>
#include <stdint.h>

#define AP_FNV_BASIS	1469598103934665603u

static inline uint64_t
ap_fnv_add(uint64_t h, unsigned char c)
{
	return (h ^ c) * 1099511628211u;
}

/* The hash of p[0..n). */
static inline uint64_t
ap_fnv(const char *p, size_t n)
{
	uint64_t h = AP_FNV_BASIS;
	size_t i;

	for (i = 0; i < n; i++)
		h = ap_fnv_add(h, (unsigned char)p[i]);
	return h;
}

/* h = h * 31 + byte, modulo 2^32, over the NUL-ended w, as
 * tools/gen-data.sh places words by. */
static inline uint32_t
ap_word_hash(const char *w)
{
	uint32_t h = 0;

	for (; *w != '\0'; w++)
		h = h * 31 + (unsigned char)*w;
	return h;
}

#endif /* AP_HASH_H */
