/* SPDX-License-Identifier: ISC */
/*
 * The artparse command: options, reading the input, writing the output
 * atomically, and the exit status.  The only file that prints or exits.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlversion.h>

#include "artparse.h"

enum ap_exit {
	EXIT_CONVERTED = 0,	/* the input was converted */
	EXIT_FAILED = 1,	/* the input could not be read or parsed */
	EXIT_USAGE = 2,		/* bad option or argument */
	EXIT_SYSTEM = 3		/* output error, out of memory */
};

enum {
	OPT_KEEP_BOILERPLATE = 256,
	OPT_PRETTY,
	OPT_MAX_SIZE
};

static const struct option lopts[] = {
	{ "encoding",		required_argument,	NULL,	'e' },
	{ "format",		required_argument,	NULL,	'f' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "input",		required_argument,	NULL,	'i' },
	{ "keep-boilerplate",	no_argument,		NULL,	OPT_KEEP_BOILERPLATE },
	{ "max-size",		required_argument,	NULL,	OPT_MAX_SIZE },
	{ "output",		required_argument,	NULL,	'o' },
	{ "pretty",		no_argument,		NULL,	OPT_PRETTY },
	{ "quiet",		no_argument,		NULL,	'q' },
	{ "version",		no_argument,		NULL,	'V' },
	{ "width",		required_argument,	NULL,	'w' },
	{ NULL,			0,			NULL,	0 }
};

struct cli {
	const struct ap_writer	*writer;
	struct ap_opts		 opts;
	struct ap_wopts		 wopts;
	const char		*output;
	size_t			 max_size;
	int			 quiet;
};

static void
usage(FILE *fp)
{
	size_t i;

	fputs("Usage: artparse [OPTION]... [FILE]\n"
	    "Parse a French news article (scraped text or saved HTML page) "
	    "and write it\nas JSON, Markdown or plain text.  With no FILE, "
	    "or when FILE is -, read\nstandard input.\n\n"
	    "Options:\n"
	    "  -f, --format=FORMAT    output format (default json):", fp);
	for (i = 0; ap_writer_name(i) != NULL; i++)
		fprintf(fp, " %s", ap_writer_name(i));
	fputs("\n"
	    "  -o, --output=FILE      write to FILE (replaced atomically) "
	    "instead of stdout\n"
	    "  -e, --encoding=NAME    read the input in charset NAME "
	    "(default: detect)\n"
	    "  -i, --input=TYPE       input type: auto, text or html "
	    "(default auto)\n"
	    "  -w, --width=N          text format: wrap at N columns, 0 = "
	    "no wrap (default 72)\n"
	    "      --pretty           JSON: indent the output\n"
	    "      --keep-boilerplate JSON: list dropped blocks under "
	    "\"dropped\"\n"
	    "      --max-size=BYTES   refuse larger inputs (default 50M; "
	    "K, M, G suffixes)\n"
	    "  -q, --quiet            print nothing but errors\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\nExit status:\n"
	    "  0  the article was converted\n"
	    "  1  the input could not be read or holds no article text\n"
	    "  2  usage error (bad option, unknown format or encoding)\n"
	    "  3  system error (cannot write output, out of memory)\n", fp);
}

/* "artparse: WHAT 'ARG'" and the hint; returns the usage exit status. */
static int
usage_error(const char *what, const char *arg)
{
	if (arg != NULL)
		fprintf(stderr, "artparse: %s '%s'\n", what, arg);
	else
		fprintf(stderr, "artparse: %s\n", what);
	fputs("Try 'artparse --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

static int
parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || *s == '-')
		return -1;
	switch (*end) {
	case 'k': case 'K':
		v *= 1024ULL, end++;
		break;
	case 'm': case 'M':
		v *= 1024ULL * 1024, end++;
		break;
	case 'g': case 'G':
		v *= 1024ULL * 1024 * 1024, end++;
		break;
	default:
		break;
	}
	if (*end != '\0' || v > SIZE_MAX)
		return -1;
	*out = (size_t)v;
	return 0;
}

/* Read all of fd into a malloc'd buffer; -1 with errno, or -2: too big. */
static int
read_all(int fd, size_t max, char **out, size_t *outlen)
{
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0;
	ssize_t r;

	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			if ((nb = realloc(buf, cap)) == NULL) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = nb;
		}
		r = read(fd, buf + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return -1;
		}
		if (r == 0)
			break;
		len += (size_t)r;
		if (len > max) {
			free(buf);
			return -2;
		}
	}
	*out = buf;
	*outlen = len;
	return 0;
}

/* Read the named input; prints its own error.  Returns an exit status. */
static int
load(const char *path, size_t max, char **buf, size_t *len)
{
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct stat st;
	int fd, rc;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_NOCTTY)) < 0) {
		fprintf(stderr, "artparse: %s: %s\n", shown, strerror(errno));
		return EXIT_FAILED;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "artparse: %s: is a directory\n", shown);
		rc = EXIT_FAILED;
	} else if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > max) {
		fprintf(stderr, "artparse: %s: input too large (%llu bytes, "
		    "limit %zu; see --max-size)\n", shown,
		    (unsigned long long)st.st_size, max);
		rc = EXIT_FAILED;
	} else if ((rc = read_all(fd, max, buf, len)) == -2) {
		fprintf(stderr, "artparse: %s: input too large (limit %zu "
		    "bytes; see --max-size)\n", shown, max);
		rc = EXIT_FAILED;
	} else if (rc < 0) {
		fprintf(stderr, "artparse: %s: %s\n", shown, strerror(errno));
		rc = errno == ENOMEM ? EXIT_SYSTEM : EXIT_FAILED;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

static int
fd_write(void *arg, const char *p, size_t n)
{
	int fd = *(int *)arg;
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Write to a regular file through a temporary file in the same folder,
 * renamed into place, so a reader never sees half an article.  Devices
 * and FIFOs are written in place.
 */
static int
render_to_path(const struct ap_doc *doc, const struct cli *c)
{
	struct ap_sink sink = { fd_write, NULL };
	struct stat st;
	char tmp[PATH_MAX];
	const char *slash;
	int fd, rc, n;

	if (stat(c->output, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr, "artparse: %s: is a directory\n",
			    c->output);
			return EXIT_SYSTEM;
		}
		if ((fd = open(c->output, O_WRONLY | O_NOCTTY)) < 0)
			goto syserr;
		sink.arg = &fd;
		rc = ap_render(doc, c->writer, &c->wopts, &sink);
		if (close(fd) != 0 && rc == AP_OK)
			rc = AP_EIO;
		goto done;
	}
	slash = strrchr(c->output, '/');
	n = snprintf(tmp, sizeof(tmp), "%.*s.artparse-XXXXXX",
	    slash ? (int)(slash - c->output + 1) : 0, c->output);
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		fprintf(stderr, "artparse: %s: file name too long\n", c->output);
		return EXIT_SYSTEM;
	}
	if ((fd = mkstemp(tmp)) < 0)
		goto syserr;
	fchmod(fd, 0644 & ~0u);
	sink.arg = &fd;
	rc = ap_render(doc, c->writer, &c->wopts, &sink);
	if (rc == AP_OK && fsync(fd) != 0)
		rc = AP_EIO;
	if (close(fd) != 0 && rc == AP_OK)
		rc = AP_EIO;
	if (rc == AP_OK && rename(tmp, c->output) != 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		goto syserr;
	}
	if (rc != AP_OK)
		unlink(tmp);
done:
	if (rc != AP_OK) {
		fprintf(stderr, "artparse: %s: %s\n", c->output,
		    rc == AP_EIO ? strerror(errno ? errno : EIO) :
		    ap_strerror(rc));
		return EXIT_SYSTEM;
	}
	return EXIT_CONVERTED;
syserr:
	fprintf(stderr, "artparse: %s: %s\n", c->output, strerror(errno));
	return EXIT_SYSTEM;
}

static int
render_to_stdout(const struct ap_doc *doc, const struct cli *c)
{
	int fd = STDOUT_FILENO;
	struct ap_sink sink = { fd_write, &fd };
	int rc;

	errno = 0;
	rc = ap_render(doc, c->writer, &c->wopts, &sink);
	if (rc != AP_OK) {
		fprintf(stderr, "artparse: <stdout>: %s\n", rc == AP_EIO ?
		    strerror(errno ? errno : EIO) : ap_strerror(rc));
		return EXIT_SYSTEM;
	}
	return EXIT_CONVERTED;
}

static int
convert(const char *path, const struct cli *c)
{
	struct ap_opts opts = c->opts;
	struct ap_doc *doc = NULL;
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *buf = NULL;
	size_t len = 0;
	int rc;

	if ((rc = load(path, c->max_size, &buf, &len)) != EXIT_CONVERTED)
		return rc;
	opts.path = strcmp(path, "-") == 0 ? NULL : path;
	rc = ap_parse(buf, len, &opts, &doc);
	free(buf);
	if (rc == AP_EENCODING && opts.encoding != NULL) {
		fprintf(stderr, "artparse: unknown encoding '%s'\n",
		    opts.encoding);
		return EXIT_USAGE;
	}
	if (rc != AP_OK) {
		fprintf(stderr, "artparse: %s: %s\n", shown, ap_strerror(rc));
		return rc == AP_ENOMEM ? EXIT_SYSTEM : EXIT_FAILED;
	}
	rc = c->output != NULL ? render_to_path(doc, c) :
	    render_to_stdout(doc, c);
	ap_doc_free(doc);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct cli c;
	unsigned long w;
	char *end;
	int ch;

	memset(&c, 0, sizeof(c));
	c.writer = ap_writer_find("json");
	c.wopts.width = 72;
	c.max_size = 50 * 1024 * 1024;
	while ((ch = getopt_long(argc, argv, "e:f:hi:o:qVw:", lopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'e':
			c.opts.encoding = optarg;
			break;
		case 'f':
			if ((c.writer = ap_writer_find(optarg)) == NULL)
				return usage_error("unknown format", optarg);
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ?
			    EXIT_CONVERTED : EXIT_SYSTEM;
		case 'i':
			if (strcmp(optarg, "auto") == 0)
				c.opts.input = AP_INPUT_AUTO;
			else if (strcmp(optarg, "text") == 0)
				c.opts.input = AP_INPUT_TEXT;
			else if (strcmp(optarg, "html") == 0)
				c.opts.input = AP_INPUT_HTML;
			else
				return usage_error("unknown input type",
				    optarg);
			break;
		case 'o':
			c.output = optarg;
			break;
		case 'q':
			c.quiet = 1;
			break;
		case 'V':
			printf("artparse %s\nbuilt with libxml2 %s\n",
			    AP_VERSION, LIBXML_DOTTED_VERSION);
			return fflush(stdout) == 0 && !ferror(stdout) ?
			    EXIT_CONVERTED : EXIT_SYSTEM;
		case 'w':
			errno = 0;
			w = strtoul(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    *optarg == '-' || w > 10000)
				return usage_error("invalid width", optarg);
			c.wopts.width = w;
			break;
		case OPT_KEEP_BOILERPLATE:
			c.opts.keep_boilerplate = true;
			break;
		case OPT_PRETTY:
			c.wopts.pretty = true;
			break;
		case OPT_MAX_SIZE:
			if (parse_size(optarg, &c.max_size) != 0)
				return usage_error("invalid size", optarg);
			break;
		default:
			fputs("Try 'artparse --help' for more information.\n",
			    stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 1)
		return usage_error("only one input file is accepted",
		    NULL);
	return convert(optind < argc ? argv[optind] : "-", &c);
}
