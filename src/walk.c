/* SPDX-License-Identifier: ISC */
/*
 * The inputs of a batch run as one stream: operands, folders walked in
 * sorted order, the --files-from list read as it comes, standard input,
 * and the records of WARC files; each is handed to ap_submit() in turn.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "artparse.h"
#include "batch.h"
#include "batch_int.h"
#include "cli.h"
#include "gz.h"
#include "load.h"
#include "outfile.h"
#include "sniff.h"
#include "warc.h"

#define SNIFF_LEN	1024		/* bytes read to sniff a bare name */

/* Standard input, when ap_batch_run_stdin() has opened it. */
struct ap_gz	*ap_stdin_gz;

/*
 * Which files a folder walk takes.  A name without an extension is
 * sniffed: markup, or text without control characters, is an article;
 * anything binary is not.
 */
bool
ap_known_ext(const struct batch *b, const char *name)
{
	const char *dot = strrchr(name, '.'), *p, *q;
	size_t el;

	if (dot == NULL || dot == name)
		return false;
	el = strlen(dot + 1);
	for (p = b->exts; *p != '\0'; p = *q == ',' ? q + 1 : q) {
		q = p + strcspn(p, ",");
		if (*p == '.')
			p++;
		if ((size_t)(q - p) == el && el > 0 &&
		    strncasecmp(dot + 1, p, el) == 0)
			return true;
	}
	return false;
}

/*
 * Web archives (NAME.warc, NAME.warc.gz; unless --ext) and gzip'd names
 * that would be taken without the ".gz" (page.html.gz).
 */
static bool
archive_name(const struct batch *b, const char *name)
{
	char base[AP_NAME_LEN + 1];
	size_t nl = strlen(name);

	if (b->c->exts == NULL && nl > 5 &&
	    strcasecmp(name + nl - 5, ".warc") == 0)
		return true;
	if (nl <= 3 || nl - 3 > AP_NAME_LEN ||
	    strcasecmp(name + nl - 3, ".gz") != 0)
		return false;
	memcpy(base, name, nl - 3);
	base[nl - 3] = '\0';
	return (b->c->exts == NULL && nl - 3 > 5 &&
	    strcasecmp(base + nl - 8, ".warc") == 0) || ap_known_ext(b, base);
}

/* Count a name a walk left out (the main pass only). */
static void
left_out(struct batch *b, enum leftout why)
{
	if (!b->counting)
		b->nleft[why]++;
}

/* What the file "path" holds, from its first (inflated) bytes. */
enum ap_sniffed
ap_sniff_file(const char *path)
{
	struct ap_gz *g;
	enum ap_sniffed k = AP_SNIFF_BINARY;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)) < 0)
		return k;
	if ((g = malloc(sizeof(*g))) != NULL && ap_gz_open(g, fd) == 0) {
		ap_gz_want(g, SNIFF_LEN);
		if (ap_gz_avail(g) > 0)
			k = ap_sniff(g->out + g->opos, ap_gz_avail(g));
		ap_gz_close(g);
	}
	free(g);
	close(fd);
	return k;
}

static bool
sniff(const char *path)
{
	enum ap_sniffed k = ap_sniff_file(path);

	return k == AP_SNIFF_HTML || k == AP_SNIFF_TEXT || k == AP_SNIFF_WARC;
}

/*
 * Whether the file that the link b->path leads to lies inside the folder
 * being walked (b->root): a link in a downloaded tree must not bring
 * in ../secret/private.txt.
 */
static bool
link_inside(const struct batch *b)
{
	char real[PATH_MAX];
	size_t rl = strlen(b->root);

	if (realpath(b->path, real) == NULL)
		return false;
	return strncmp(real, b->root, rl) == 0 && (real[rl] == '/' ||
	    (rl > 0 && b->root[rl - 1] == '/'));
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(struct batch *, size_t, size_t);
static void file_input(struct batch *, const char *, const char *,
    const struct stat *);

/* One entry of a folder; b->path holds its path, "len" long. */
static void
walk_entry(struct batch *b, size_t len, size_t rootlen, const char *name)
{
	struct stat st;
	bool link;
	size_t nl = strlen(name);

	if (lstat(b->path, &st) != 0)
		return;			/* vanished since readdir() */
	if ((link = S_ISLNK(st.st_mode)) && stat(b->path, &st) != 0) {
		left_out(b, LEFT_LINK);	/* dangling link */
		return;
	}
	if (b->c->one_fs && st.st_dev != b->rootdev) {
		left_out(b, LEFT_FS);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		/* Not followed through links, so no loops; no asset folder
		 * of a saved page; not our own output folder. */
		if (link)
			left_out(b, LEFT_LINK);
		else if (nl > 6 && strcmp(name + nl - 6, "_files") == 0)
			left_out(b, LEFT_ASSETS);
		else if (!(b->have_outid && st.st_dev == b->outdev &&
		    st.st_ino == b->outino))
			walk(b, len, rootlen);
	} else if (!S_ISREG(st.st_mode))
		left_out(b, LEFT_SPECIAL);
	else if (ap_known_ext(b, name) || archive_name(b, name) ||
	    (b->c->glob != NULL &&
	    fnmatch(b->c->glob, name, 0) == 0) ||
	    (b->c->exts == NULL && strchr(name, '.') == NULL &&
	    sniff(b->path))) {
		if (link && !b->c->follow && !link_inside(b)) {
			left_out(b, LEFT_LINK);
			ap_submit_result(b, b->path, RES_NOTE, "symbolic link to a "
			    "file outside the folder; skipped (--follow "
			    "converts it)");
		} else
			file_input(b, b->path, b->path + rootlen, &st);
	} else
		left_out(b, LEFT_NAME);
}

/* Walk the folder in b->path[0..len), entries in byte order of name. */
static void
walk(struct batch *b, size_t len, size_t rootlen)
{
	struct dirent *de;
	char **names = NULL, **nn;
	size_t n = 0, cap = 0, i, nl, sep;
	DIR *d;

	if ((d = opendir(b->path)) == NULL) {
		/* Out of descriptors is the run's problem, not the folder's. */
		if (errno == EMFILE || errno == ENFILE || errno == ENOMEM) {
			ap_say(b, "%s: %s", b->path, strerror(errno));
			b->sys_err = true;
			ap_stop(b);
			return;
		}
		ap_submit_error(b, b->path, strerror(errno));
		return;
	}
	for (;;) {
		errno = 0;
		if ((de = readdir(d)) == NULL)
			break;
		if (de->d_name[0] == '.') {	/* ".", ".." and hidden */
			if (strcmp(de->d_name, ".") != 0 &&
			    strcmp(de->d_name, "..") != 0)
				left_out(b, LEFT_HIDDEN);
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nn = realloc(names, cap * sizeof(*names))) == NULL)
				break;
			names = nn;
		}
		if ((names[n] = strdup(de->d_name)) == NULL)
			break;
		n++;
	}
	if (errno != 0)
		ap_submit_error(b, b->path, strerror(errno));
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp_names);
	sep = len > 0 && b->path[len - 1] != '/';
	for (i = 0; i < n; i++) {
		nl = strlen(names[i]);
		if (!b->stop) {
			if (len + sep + nl >= sizeof(b->path)) {
				ap_submit_error(b, names[i], "file name too long");
			} else {
				if (sep)
					b->path[len] = '/';
				memcpy(b->path + len + sep, names[i], nl + 1);
				walk_entry(b, len + sep + nl, rootlen,
				    names[i]);
				b->path[len] = '\0';
			}
		}
		free(names[i]);
	}
	free(names);
}

/* Standard input, opened by main.c to see what it is, or NULL. */

/*
 * The records of the WARC file "path" (or standard input), read from "g":
 * each page to convert goes to a worker; a skipped record is counted, a
 * broken one reported in its turn.
 */
static void
warc_records(struct batch *b, const char *path, const char *rel,
    const struct stat *st, struct ap_gz *g)
{
	struct ap_warc w;
	struct ap_warc_rec r;
	char why[sizeof(r.why) + 48];
	int rc;

	memset(&r, 0, sizeof(r));
	ap_warc_init(&w, g, b->c->max_size);
	while (!b->stop && (rc = ap_warc_next(&w, &r)) > 0)
		switch (r.what) {
		case AP_WARC_CONVERT:
			ap_submit(b, path, rel, st, r.payload, r.len, &r);
			r.payload = NULL;
			break;
		case AP_WARC_SKIP:
			b->nskipped[r.skip]++;
			break;
		default:
			snprintf(why, sizeof(why), "record at offset %llu: %s",
			    (unsigned long long)r.offset, r.why);
			ap_submit_error(b, path, why);
			break;
		}
	if (!b->stop && rc < 0)
		ap_submit_error(b, path, r.why);
	ap_warc_rec_free(&r);
}

/* The WARC file "path", whose stat(2) is "st". */
static void
warc_file(struct batch *b, const char *path, const char *rel,
    const struct stat *st)
{
	struct ap_gz *g;
	struct stat now;
	int fd;

	if (b->counting) {
		b->saw_warc = true;
		return;
	}
	if ((fd = open(path, O_RDONLY | O_NOCTTY)) < 0) {
		ap_submit_error(b, path, strerror(errno));
		return;
	}
	if (fstat(fd, &now) != 0 || now.st_dev != st->st_dev ||
	    now.st_ino != st->st_ino)
		ap_submit_error(b, path, "replaced by another file during the run");
	else if ((g = malloc(sizeof(*g))) == NULL || ap_gz_open(g, fd) != 0) {
		ap_submit_error(b, path, strerror(errno));
		free(g);
	} else {
		warc_records(b, path, rel, st, g);
		ap_gz_close(g);
		free(g);
	}
	close(fd);
}

/*
 * Standard input as an operand: a WARC stream, or a page read here and
 * handed to a worker.
 */
static void
stdin_input(struct batch *b)
{
	struct ap_gz *g = ap_stdin_gz;
	char why[256];
	char *buf;
	size_t len;
	int rc;

	if (b->counting) {
		b->saw_warc = true;	/* it may be one */
		return;
	}
	if (g == NULL && ((g = malloc(sizeof(*g))) == NULL ||
	    ap_gz_open(g, STDIN_FILENO) != 0)) {
		free(g);
		ap_submit_error(b, "-", strerror(errno));
		return;
	}
	if (ap_gz_want(g, 10) >= 0 && (b->c->warc ||
	    ap_warc_magic(g->out + g->opos, ap_gz_avail(g))))
		warc_records(b, "-", NULL, NULL, g);
	else if ((rc = ap_read_all(g, b->c->max_size, &buf, &len)) == 0)
		ap_submit(b, "-", NULL, NULL, buf != NULL ? (unsigned char *)buf :
		    calloc(1, 1), len, NULL);
	else {
		if (rc == -2)
			snprintf(why, sizeof(why), "input too large (limit %zu "
			    "bytes; see --max-size)", b->c->max_size);
		else
			snprintf(why, sizeof(why), "%s", rc == -3 ?
			    ap_gz_strerror(g) : strerror(errno));
		ap_submit_error(b, "-", why);
	}
	if (g != ap_stdin_gz) {
		ap_gz_close(g);
		free(g);
	}
}

/* A file to convert: a WARC file's records, or a page. */
static void
file_input(struct batch *b, const char *path, const char *rel,
    const struct stat *st)
{
	if (S_ISREG(st->st_mode) && (b->c->warc ||
	    ap_sniff_file(path) == AP_SNIFF_WARC))
		warc_file(b, path, rel, st);
	else
		ap_submit(b, path, rel, st, NULL, 0, NULL);
}

/* A path named on the command line or in the list. */
static void
operand(struct batch *b, const char *path, bool listed)
{
	struct stat st;
	const char *base;
	size_t len = strlen(path);

	if (!listed && strcmp(path, "-") == 0) {
		stdin_input(b);
		return;
	}
	if (stat(path, &st) != 0)
		ap_submit_error(b, path, strerror(errno));
	else if (S_ISDIR(st.st_mode)) {
		if (listed)
			return;		/* find(1) lists folders too */
		if (len >= sizeof(b->path)) {
			ap_submit_error(b, path, "file name too long");
			return;
		}
		memcpy(b->path, path, len + 1);
		while (len > 1 && b->path[len - 1] == '/')
			b->path[--len] = '\0';
		if (realpath(b->path, b->root) == NULL) {
			ap_submit_error(b, path, strerror(errno));
			return;
		}
		b->rootdev = st.st_dev;
		walk(b, len, len + (b->path[len - 1] != '/'));
	} else if (listed)
		file_input(b, path, ap_mirror_rel(path), &st);
	else {
		base = strrchr(path, '/');
		file_input(b, path, base != NULL && base[1] != '\0' ?
		    base + 1 : path, &st);
	}
}

/*
 * Stream the --files-from list, one entry at a time; or, when b->hold is
 * set, read all of it first and keep it in b->list (entries NUL-ended),
 * so that both passes of ap_batch_run() see the same entries.
 */
static void
read_list(struct batch *b)
{
	const char *name = b->c->files_from;
	const char *shown = strcmp(name, "-") == 0 ? "<stdin>" : name;
	FILE *fp;
	char *line = NULL, *p;
	size_t cap = 0;
	ssize_t n;
	int sep = b->c->null ? '\0' : '\n';

	if (b->held) {
		for (p = b->list.p; p != NULL && p < b->list.p + b->list.len &&
		    !b->stop; p += strlen(p) + 1)
			operand(b, p, true);
		if (b->list_err != 0 && !b->stop)
			ap_submit_error(b, shown, strerror(b->list_err));
		return;
	}
	b->list_err = 0;
	if (strcmp(name, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(name, "r")) == NULL) {
		/* main.c opened it a moment ago: a system error now. */
		ap_say(b, "%s: %s", name, strerror(errno));
		b->sys_err = true;
		ap_stop(b);
		return;
	}
	while (!b->stop && (n = getdelim(&line, &cap, sep, fp)) > 0) {
		if (line[n - 1] == sep)
			line[--n] = '\0';
		if (n == 0)
			continue;
		if (!b->hold)
			operand(b, line, true);
		else if (ap_obuf_add(&b->list, line, (size_t)n + 1) != 0) {
			ap_say(b, "%s: %s", shown, strerror(errno));
			b->sys_err = true;
			ap_stop(b);
		}
	}
	if (ferror(fp))
		b->list_err = errno ? errno : EIO;
	free(line);
	if (fp != stdin)
		fclose(fp);
	else if (b->counting && !b->hold)
		rewind(fp);
	if (b->hold) {
		b->held = true;
		read_list(b);
	} else if (b->list_err != 0 && !b->stop)
		ap_submit_error(b, shown, strerror(b->list_err));
}

void
ap_produce(struct batch *b, char *const *inputs, size_t n)
{
	size_t i;

	for (i = 0; i < n && !b->stop; i++)
		operand(b, inputs[i], false);
	if (b->c->files_from != NULL && !b->stop)
		read_list(b);
}
