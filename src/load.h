/* SPDX-License-Identifier: ISC */
/*
 * Reading one input of the command whole, within the size limit: a
 * gzip file is inflated (page.html.gz), and refused as soon as it
 * passes the limit.
 */
#ifndef AP_LOAD_H
#define AP_LOAD_H

#include <sys/stat.h>
#include <stddef.h>

#include "gz.h"

/*
 * Read all of "g" (inflated when it is gzip) into a malloc'd buffer;
 * -1 with errno, -2: more than "max" bytes (a gzip bomb stops there),
 * -3: broken gzip data (g->err).
 */
int	ap_read_all(struct ap_gz *g, size_t max, char **out, size_t *outlen);

/*
 * Read all of "path" ("-": standard input) into a new malloc'd buffer that
 * the caller frees, refusing more than "max" bytes; a gzip file is
 * inflated (page.html.gz), and refused as soon as it passes "max".  Returns AP_EXIT_OK, or
 * AP_EXIT_FAIL / AP_EXIT_SYS with the reason written to "why".
 */
int	ap_load_path(const char *path, size_t max, char **buf, size_t *len,
	    char *why, size_t whysz);

/* ap_load_path(), and when "want" is set, the file opened must be the
 * one the parent found (same device and inode). */
int	ap_load_checked(const char *path, const struct stat *want, size_t max,
	    char **buf, size_t *len, char *why, size_t whysz);

/* The same for the rest of "g" (inflated, when it is gzip). */
int	ap_load_stream(struct ap_gz *g, size_t max, char **buf, size_t *len,
	    char *why, size_t whysz);

#endif /* AP_LOAD_H */
