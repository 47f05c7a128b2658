/* SPDX-License-Identifier: ISC */
/*
 * Reading one input whole within the size limit, gzip inflated.  See
 * load.h.
 */
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "gz.h"
#include "load.h"

/*
 * Read all of "g" (inflated when it is gzip: a page saved as page.html.gz)
 * into a malloc'd buffer; -1 with errno, -2: more than "max" bytes (a
 * gzip bomb stops there), -3: broken gzip data (g->err).
 */
int
ap_read_all(struct ap_gz *g, size_t max, char **out, size_t *outlen)
{
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0, k;
	int r;

	ap_gz_limit(g, max < SIZE_MAX ? max + 1 : max);
	for (;;) {
		if ((r = ap_gz_want(g, 1)) < 0) {
			free(buf);
			if (g->err == AP_GZ_IO) {
				errno = g->sys_errno;
				return -1;
			}
			return -3;
		}
		if (r == 0)
			break;
		k = ap_gz_avail(g);
		if (k > max - len + 1)
			k = max - len + 1;
		if (cap - len < k) {
			cap = cap ? cap * 2 : 65536;
			while (cap - len < k)
				cap *= 2;
			if ((nb = realloc(buf, cap)) == NULL) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = nb;
		}
		memcpy(buf + len, g->out + g->opos, k);
		g->opos += k;
		len += k;
		if (len > max) {
			free(buf);
			return -2;
		}
	}
	*out = buf;
	*outlen = len;
	return 0;
}

/* ap_read_all() of the file open on fd, with the reason in "why". */
static int
read_fd(int fd, size_t max, char **buf, size_t *len, char *why,
    size_t whysz)
{
	struct ap_gz *g;
	int rc;

	if ((g = malloc(sizeof(*g))) == NULL || ap_gz_open(g, fd) != 0) {
		snprintf(why, whysz, "%s", strerror(errno));
		rc = errno == ENOMEM ? AP_EXIT_SYS : AP_EXIT_FAIL;
		free(g);
		return rc;
	}
	rc = ap_read_all(g, max, buf, len);
	if (rc == -1 && errno == ENOMEM)
		rc = -4;
	if (rc == 0 && *buf == NULL && (*buf = malloc(1)) == NULL)
		rc = -4;
	if (rc == -4)
		snprintf(why, whysz, "%s", strerror(ENOMEM));
	else if (rc == -2)
		snprintf(why, whysz, "input too large (limit %zu bytes%s; "
		    "see --max-size)", max, g->gzip ? " inflated" : "");
	else if (rc == -3)
		snprintf(why, whysz, "%s", ap_gz_strerror(g));
	else if (rc < 0)
		snprintf(why, whysz, "%s", strerror(errno));
	ap_gz_close(g);
	free(g);
	return rc == 0 ? AP_EXIT_OK : rc == -4 ? AP_EXIT_SYS : AP_EXIT_FAIL;
}

/*
 * ap_load_path(), and for a worker: when "want" is set, the file opened
 * must be the one the parent found (same device and inode), so that a
 * file swapped for a link to ../secret after the walk is not read.
 */
int
ap_load_checked(const char *path, const struct stat *want, size_t max,
    char **buf, size_t *len, char *why, size_t whysz)
{
	struct stat st;
	int fd, rc;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_NOCTTY)) < 0) {
		snprintf(why, whysz, "%s", strerror(errno));
		return AP_EXIT_FAIL;
	}
	rc = AP_EXIT_FAIL;
	if (want != NULL && (fstat(fd, &st) != 0 ||
	    st.st_dev != want->st_dev || st.st_ino != want->st_ino))
		snprintf(why, whysz, "replaced by another file during the run");
	else if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(why, whysz, "is a directory");
	else if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > max)
		snprintf(why, whysz, "input too large (%llu bytes, limit %zu; "
		    "see --max-size)", (unsigned long long)st.st_size, max);
	else
		rc = read_fd(fd, max, buf, len, why, whysz);
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

int
ap_load_stream(struct ap_gz *g, size_t max, char **buf, size_t *len,
    char *why, size_t whysz)
{
	int rc = ap_read_all(g, max, buf, len);

	if (rc == 0 && *buf == NULL && (*buf = malloc(1)) == NULL)
		rc = -1;
	if (rc == 0)
		return AP_EXIT_OK;
	if (rc == -2)
		snprintf(why, whysz, "input too large (limit %zu bytes%s; "
		    "see --max-size)", max, g->gzip ? " inflated" : "");
	else
		snprintf(why, whysz, "%s", rc == -3 ? ap_gz_strerror(g) :
		    strerror(errno));
	return rc == -1 && errno == ENOMEM ? AP_EXIT_SYS : AP_EXIT_FAIL;
}

int
ap_load_path(const char *path, size_t max, char **buf, size_t *len,
    char *why, size_t whysz)
{
	return ap_load_checked(path, NULL, max, buf, len, why, whysz);
}

