/* SPDX-License-Identifier: ISC */
/*
 * Look-ups in the word tables tools/gen-data.sh writes (the .inc files
 * of src/): by their hash table, or by one byte of the entries of a
 * sorted table.  base is the address of entry 0's word pointer, stride
 * the entry's size.
 */
#ifndef AP_TABLE_H
#define AP_TABLE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* The word of entry i of the table at base. */
static inline const char *
ap_table_word(const void *base, size_t stride, size_t i)
{
	const char *w;

	memcpy(&w, (const char *)base + i * stride, sizeof(w));
	return w;
}

/*
 * The index of the NUL-ended word w, of hash h (ap_word_hash()), in the
 * table at base, by its hash table slot[nslots] (nslots a power of two;
 * 1 + index, 0 empty); SIZE_MAX when it is not there.
 */
static inline size_t
ap_table_find(const unsigned short *slot, size_t nslots, const void *base,
    size_t stride, const char *w, uint32_t h)
{
	const char *e;
	size_t i;
	unsigned k;

	for (i = h & (nslots - 1); (k = slot[i]) != 0;
	    i = (i + 1) & (nslots - 1)) {
		e = ap_table_word(base, stride, k - 1);
		if (e[0] == w[0] && strcmp(e, w) == 0)
			return k - 1;
	}
	return SIZE_MAX;
}

/*
 * In entries [lo, hi) of a table sorted bytewise whose words agree on
 * their bytes before "at": the first whose byte "at" is c or more (after
 * c when upper).
 */
static inline size_t
ap_table_byte_bound(const void *base, size_t stride, size_t lo, size_t hi,
    size_t at, unsigned char c, bool upper)
{
	size_t mid;
	unsigned char b;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		b = (unsigned char)ap_table_word(base, stride, mid)[at];
		if (b < c || (upper && b == c))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#endif /* AP_TABLE_H */
