/* SPDX-License-Identifier: ISC */
/*
 * FNV-1a, 64 bits: a block's text repeated in the page (content.c), a
 * class's shape among container candidates (html_src.c).
 */
#ifndef AP_HASH_H
#define AP_HASH_H

#include <stdint.h>

#define AP_FNV_BASIS	1469598103934665603u

static inline uint64_t
ap_fnv_add(uint64_t h, unsigned char c)
{
	return (h ^ c) * 1099511628211u;
}

#endif /* AP_HASH_H */
