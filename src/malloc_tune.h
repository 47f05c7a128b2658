/* SPDX-License-Identifier: ISC */
/*
 * The command's malloc settings.  A batch converts page after page, each
 * needing a few buffers about as large as the page (its decoded text,
 * the copy libxml2 reads, the tree): by default glibc maps such a block
 * afresh for each page and unmaps it after, and every page of it costs
 * a page fault when first written, a tenth of the extraction's time.
 * Kept in the heap instead, the next page's buffers reuse the memory.
 * A process setting, so the command makes it, not the library; the
 * speed benchmark makes it too, for libxml2 and artparse alike.
 */
#ifndef AP_MALLOC_TUNE_H
#define AP_MALLOC_TUNE_H

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#define AP_MMAP_MIN	(32 * 1024 * 1024)	/* glibc's largest */
#define AP_TRIM_MIN	(64 * 1024 * 1024)	/* heap top kept */

static inline void
ap_tune_malloc(void)
{
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
	mallopt(M_MMAP_THRESHOLD, AP_MMAP_MIN);
	mallopt(M_TRIM_THRESHOLD, AP_TRIM_MIN);
#endif
}

#endif /* AP_MALLOC_TUNE_H */
