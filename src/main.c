/* SPDX-License-Identifier: ISC */
/*
 * The artparse command: options, the single-input path (standard input
 * or one file, to standard output or -o, written atomically) and the exit
 * status.  Folders, several inputs, lists and -d are handed to batch.c.
 */
#include <sys/stat.h>
#include <sys/time.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <iconv.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlversion.h>

#include "artparse.h"
#include "batch.h"
#include "cli.h"
#include "gz.h"
#include "load.h"
#include "malloc_tune.h"
#include "outfile.h"
#include "warc.h"

enum {
	OPT_ALLOW_EMPTY = 256,
	OPT_CHARSET_HINT,
	OPT_KEEP_BOILERPLATE,
	OPT_LIST_FORMATS,
	OPT_PRETTY,
	OPT_MAX_MEMORY,
	OPT_MAX_SIZE,
	OPT_EXT,
	OPT_FAIL_FAST,
	OPT_FILES_FROM,
	OPT_FOLLOW,
	OPT_FORCE,
	OPT_FORMATTING,
	OPT_LINKS,
	OPT_GLOB,
	OPT_NO_PROGRESS,
	OPT_ONE_FS,
	OPT_PROGRESS,
	OPT_TIMEOUT,
	OPT_UPDATE
};

static const struct option lopts[] = {
	{ "allow-empty",	no_argument,		NULL,	OPT_ALLOW_EMPTY },
	{ "charset-hint",	required_argument,	NULL,	OPT_CHARSET_HINT },
	{ "encoding",		required_argument,	NULL,	'e' },
	{ "ext",		required_argument,	NULL,	OPT_EXT },
	{ "fail-fast",		no_argument,		NULL,	OPT_FAIL_FAST },
	{ "files-from",		required_argument,	NULL,	OPT_FILES_FROM },
	{ "follow",		no_argument,		NULL,	OPT_FOLLOW },
	{ "force",		no_argument,		NULL,	OPT_FORCE },
	{ "format",		required_argument,	NULL,	'f' },
	{ "formatting",		no_argument,		NULL,	OPT_FORMATTING },
	{ "glob",		required_argument,	NULL,	OPT_GLOB },
	{ "help",		no_argument,		NULL,	'h' },
	{ "input",		required_argument,	NULL,	'i' },
	{ "jobs",		required_argument,	NULL,	'j' },
	{ "keep-boilerplate",	no_argument,		NULL,	OPT_KEEP_BOILERPLATE },
	{ "links",		no_argument,		NULL,	OPT_LINKS },
	{ "list-formats",	no_argument,		NULL,	OPT_LIST_FORMATS },
	{ "max-memory",		required_argument,	NULL,	OPT_MAX_MEMORY },
	{ "max-size",		required_argument,	NULL,	OPT_MAX_SIZE },
	{ "no-progress",	no_argument,		NULL,	OPT_NO_PROGRESS },
	{ "null",		no_argument,		NULL,	'0' },
	{ "one-file-system",	no_argument,		NULL,	OPT_ONE_FS },
	{ "output",		required_argument,	NULL,	'o' },
	{ "output-dir",		required_argument,	NULL,	'd' },
	{ "pretty",		no_argument,		NULL,	OPT_PRETTY },
	{ "progress",		no_argument,		NULL,	OPT_PROGRESS },
	{ "quiet",		no_argument,		NULL,	'q' },
	{ "timeout",		required_argument,	NULL,	OPT_TIMEOUT },
	{ "update",		no_argument,		NULL,	OPT_UPDATE },
	{ "version",		no_argument,		NULL,	'V' },
	{ "width",		required_argument,	NULL,	'w' },
	{ NULL,			0,			NULL,	0 }
};

#define MAX_JOBS	1024
#define MIN_MEMORY	((size_t)512 * 1024 * 1024)

/* Written by the SIGALRM handler of the single-input path. */
static char	alarm_msg[PATH_MAX + 64];
static size_t	alarm_len;

static void
usage(FILE *fp)
{
	size_t i;

	fputs("Usage: artparse [OPTION]... [FILE|DIR]...\n"
	    "Parse French news articles (scraped text or saved HTML pages) "
	    "and write them\nas JSON, Markdown, plain text or TEI XML.  With "
	    "no FILE, or when FILE is -,\nread standard input.  Folders are "
	    "walked for .html .htm .xhtml .shtml .txt\nfiles and names "
	    "without an extension that hold text or markup.  A gzip\nfile is "
	    "read inflated (page.html.gz).  A WARC file (web archive: .warc,\n"
	    ".warc.gz, found by content) has its HTML responses of status 200 "
	    "converted,\none output a record.\n\n"
	    "Output:\n"
	    "  -f, --format=FORMAT    output format (default json):", fp);
	for (i = 0; ap_writer_name(i) != NULL; i++)
		fprintf(fp, " %s", ap_writer_name(i));
	fputs("\n"
	    "  -o, --output=FILE      write the one input's output to FILE, "
	    "replaced\n"
	    "                         atomically, instead of stdout (- = "
	    "stdout)\n"
	    "  -d, --output-dir=DIR   one output file per input under DIR, "
	    "mirroring the\n"
	    "                         input tree; without it, several JSON "
	    "outputs go to\n"
	    "                         stdout as NDJSON, one object a line, "
	    "TEI ones as\n"
	    "                         one teiCorpus; two inputs with one "
	    "output name: the\n"
	    "                         later keeps its extension (a.txt -> "
	    "a.txt.json)\n"
	    "      --force            with -d: replace existing outputs\n"
	    "      --update           with -d: convert only inputs newer "
	    "than their output\n"
	    "  -w, --width=N          text format: wrap at N columns, 0 = "
	    "no wrap (default 72)\n"
	    "      --pretty           JSON: indent the output (not on "
	    "NDJSON stdout)\n"
	    "      --keep-boilerplate JSON: list dropped blocks under "
	    "\"dropped\"\n"
	    "      --links            keep inline links: JSON \"links\" "
	    "spans, Markdown\n"
	    "                         [text](url), TEI <ref>; text output "
	    "unchanged\n"
	    "      --formatting       keep emphasis and strong: JSON "
	    "\"formatting\" spans,\n"
	    "                         Markdown *text* and **text**, TEI "
	    "<hi>\n"
	    "      --allow-empty      write an article even when no body "
	    "paragraph is found\n"
	    "                         (default: \"no article found\", "
	    "exit 1)\n"
	    "\nInput:\n"
	    "  -e, --encoding=NAME    read the input in charset NAME "
	    "(default: detect)\n"
	    "  -i, --input=TYPE       input type: auto, text, html or warc "
	    "(default auto)\n"
	    "      --charset-hint=NAME  charset the page was served in, "
	    "used when it is\n"
	    "                         not UTF-8, before <meta charset> "
	    "(WARC: the HTTP one)\n"
	    "      --files-from=LIST  also convert the files listed in LIST, "
	    "one a line\n"
	    "                         (- for standard input)\n"
	    "  -0, --null             entries of the --files-from list end "
	    "with NUL\n"
	    "      --follow           convert symbolic links in folders that "
	    "lead out of\n"
	    "                         them (default: skip them)\n"
	    "      --ext=LIST         folders: take the files with these "
	    "extensions\n"
	    "                         (comma-separated) instead of html,htm,"
	    "xhtml,shtml,txt\n"
	    "                         and extensionless text\n"
	    "      --glob=PATTERN     folders: also take the files whose name "
	    "matches\n"
	    "                         PATTERN ('article.php*', 'index.html')\n"
	    "      --one-file-system  folders: stay on the file system of each "
	    "folder named\n"
	    "      --max-memory=BYTES memory one document may use, each job "
	    "its own\n"
	    "                         (default 512M + 32 x --max-size; 0 = "
	    "no limit)\n"
	    "      --max-size=BYTES   refuse larger inputs, and larger WARC "
	    "records (default\n"
	    "                         50M; K, M, G suffixes)\n"
	    "      --timeout=SECONDS  give up on a document after SECONDS "
	    "(default 30;\n"
	    "                         0 = no limit)\n"
	    "\nRunning:\n"
	    "  -j, --jobs=N           convert N documents at a time "
	    "(default: CPUs)\n"
	    "      --fail-fast        stop at the first input that fails\n"
	    "      --progress         show a progress line on stderr\n"
	    "      --no-progress      never show it (default: only on a "
	    "terminal)\n"
	    "  -q, --quiet            print nothing but errors\n"
	    "      --list-formats     list the output formats and their file "
	    "extensions\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\nExit status:\n"
	    "  0  every input was converted (or skipped under -d)\n"
	    "  1  some input could not be read or holds no article text, or "
	    "its output\n"
	    "     is an input or cannot be created at its path\n"
	    "  2  usage error (bad option, unknown format or encoding, "
	    "--force with\n"
	    "     --update, -d with no FILE or DIR)\n"
	    "  3  system error (cannot write output, out of memory)\n", fp);
}

/*
 * --list-formats: the writer table, one "NAME<tab>EXTENSION" line a
 * format, for scripts and the shell completions.
 */
static int
list_formats(void)
{
	const char *name;
	size_t i;

	for (i = 0; (name = ap_writer_name(i)) != NULL; i++)
		printf("%s\t%s\n", name, ap_writer_ext(ap_writer_find(name)));
	return fflush(stdout) == 0 && !ferror(stdout) ? AP_EXIT_OK :
	    AP_EXIT_SYS;
}

/*
 * "artparse: WHAT 'ARG'" (none when WHAT is NULL) and the hint; returns
 * the usage exit status.
 */
static int
usage_error(const char *what, const char *arg)
{
	if (what != NULL && arg != NULL)
		ap_cli_error("%s '%s'", what, arg);
	else if (what != NULL)
		ap_cli_error("%s", what);
	fputs("Try 'artparse --help' for more information.\n", stderr);
	return AP_EXIT_USAGE;
}

/*
 * A getopt failure (ch ':' or '?'): the option as typed, a long one
 * without its "=value", or the letter optopt of a short one.
 */
static int
option_error(int ch, const char *arg)
{
	const char *what;
	char shown[64];
	size_t n;

	if (arg != NULL && strncmp(arg, "--", 2) == 0) {
		n = strcspn(arg, "=");
		if (n >= sizeof(shown))
			n = sizeof(shown) - 1;
		memcpy(shown, arg, n);
		shown[n] = '\0';
		what = ch == ':' ? "needs an argument" : optopt != 0 ?
		    "takes no argument" : "is unknown or ambiguous";
	} else {
		snprintf(shown, sizeof(shown), "-%c", optopt);
		what = ch == ':' ? "needs an argument" : "is unknown";
	}
	ap_cli_error("option '%s' %s", shown, what);
	fputs("Try 'artparse --help' for more information.\n", stderr);
	return AP_EXIT_USAGE;
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

static int
parse_uint(const char *s, unsigned long min, unsigned long max,
    unsigned long *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || *s == '-' ||
	    v < min || v > max)
		return -1;
	*out = v;
	return 0;
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

/* A sink to a -o file: ap_render() hands over the whole output at once. */
static int
path_write(void *arg, const char *p, size_t n)
{
	return ap_out_write(arg, p, n);
}

/*
 * The time bound of the single-input path covers reading (a FIFO with no
 * writer), parsing and writing.  It counts the time the process could
 * run: a timer ticks every TICK seconds and adds up the gaps between
 * ticks, except a gap after SIGCONT or one much longer than a tick (the
 * process was stopped with Ctrl-Z, or not scheduled).
 */
#define TICK	0.1

static double			tick_used, tick_last, tick_limit;
static volatile sig_atomic_t	tick_resumed;

static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
on_cont(int sig)
{
	(void)sig;
	tick_resumed = 1;
}

/*
 * Past the time bound: remove the temporary output and fail, unless the
 * output is already whole (renamed into place), which is a success.
 */
static void
on_tick(int sig)
{
	double now = mono(), gap = now - tick_last;
	int e = errno;

	(void)sig;
	tick_last = now;
	if (tick_resumed)
		tick_resumed = 0;
	else if (gap < TICK + 1.0)
		tick_used += gap;
	if (tick_used < tick_limit) {
		errno = e;
		return;
	}
	if (ap_out_abort())
		_exit(AP_EXIT_OK);
	if (write(STDERR_FILENO, alarm_msg, alarm_len) < 0)
		(void)0;
	_exit(AP_EXIT_FAIL);
}

/* Start the bound of "secs" seconds (0: none) for the input "shown". */
static void
set_alarm(const char *shown, double secs)
{
	struct itimerval it;
	struct sigaction sa;
	char safe[PATH_MAX];
	double step;
	int n;

	memset(&it, 0, sizeof(it));
	if (secs > 0) {
		ap_cli_escape(shown, safe, sizeof(safe));
		n = snprintf(alarm_msg, sizeof(alarm_msg),
		    "artparse: %s: timed out after %g s\n", safe, secs);
		alarm_len = n < 0 ? 0 : (size_t)n < sizeof(alarm_msg) ?
		    (size_t)n : sizeof(alarm_msg) - 1;
		tick_used = 0;
		tick_limit = secs;
		tick_last = mono();
		memset(&sa, 0, sizeof(sa));
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = SA_RESTART;
		sa.sa_handler = on_cont;
		sigaction(SIGCONT, &sa, NULL);
		sa.sa_handler = on_tick;
		sigaction(SIGALRM, &sa, NULL);
		step = secs < TICK ? secs : TICK;
		it.it_value.tv_sec = (time_t)step;
		it.it_value.tv_usec = (suseconds_t)((step -
		    (double)it.it_value.tv_sec) * 1e6);
		if (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0)
			it.it_value.tv_usec = 1;
		it.it_interval = it.it_value;
	}
	setitimer(ITIMER_REAL, &it, NULL);
}

/*
 * Whether the output "out" is the input "path" ("-": standard input):
 * the same file, by any name or link.  Atomic replacement would swap the
 * user's input for its conversion.
 */
static bool
same_file(const char *path, const char *out)
{
	struct stat in, o;

	if ((strcmp(path, "-") == 0 ? fstat(STDIN_FILENO, &in) :
	    stat(path, &in)) != 0 || stat(out, &o) != 0)
		return false;
	return S_ISREG(o.st_mode) && in.st_dev == o.st_dev &&
	    in.st_ino == o.st_ino;
}

/* Whether iconv reads "cs" (the library ignores a hint it cannot use). */
static bool
charset_known(const char *cs)
{
	iconv_t cd;

	if (*cs == '\0' || (cd = iconv_open("UTF-8", cs)) == (iconv_t)-1)
		return false;
	iconv_close(cd);
	return true;
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode);
}

/*
 * Whether errno "e" from writing -o says that this path cannot hold the
 * output (a name too long, a file where a folder is needed, a folder
 * where the file goes, a link in the way), as out_failed() in batch.c
 * decides for -d; anything else is the file system's.
 */
static bool
output_path_error(int e)
{
	switch (e) {
	case ENAMETOOLONG:
	case ENOTDIR:
	case EISDIR:
	case ELOOP:
		return true;
	default:
		return false;
	}
}

#define WARC_DONE	(-1)
static int	stdin_status;

/*
 * Standard input as the one input: a page, read as ap_load_path() does,
 * or a WARC stream (or --input warc), whose records batch.c converts
 * (then WARC_DONE, with the exit status in stdin_status).
 */
static int
read_stdin(const struct ap_cli *c, char **buf, size_t *len, char *why,
    size_t whysz)
{
	struct ap_gz *g;
	struct stat st;
	int rc;

	if (fstat(STDIN_FILENO, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(why, whysz, "is a directory");
		return AP_EXIT_FAIL;
	}
	if ((g = malloc(sizeof(*g))) == NULL ||
	    ap_gz_open(g, STDIN_FILENO) != 0) {
		snprintf(why, whysz, "%s", strerror(errno));
		rc = errno == ENOMEM ? AP_EXIT_SYS : AP_EXIT_FAIL;
		free(g);
		return rc;
	}
	if (ap_gz_want(g, 10) >= 0 && (c->warc ||
	    ap_warc_magic(g->out + g->opos, ap_gz_avail(g)))) {
		if (c->output != NULL) {
			stdin_status = usage_error("-o takes one page; the "
			    "records of a WARC file go to standard output or "
			    "-d", NULL);
		} else
			stdin_status = ap_batch_run_stdin(c, g);
		rc = WARC_DONE;
	} else
		rc = ap_load_stream(g, c->max_size, buf, len, why, whysz);
	ap_gz_close(g);
	free(g);
	return rc;
}

/*
 * The single-input path: read all of "path", parse it within the time
 * bound, render it to -o or standard output.  Returns an exit status.
 */
static int
convert(const char *path, const struct ap_cli *c)
{
	struct ap_opts opts = c->opts;
	struct ap_doc *doc = NULL;
	struct ap_sink sink;
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char why[PATH_MAX + 128];
	char *buf = NULL;
	size_t len = 0;
	int fd = STDOUT_FILENO, rc, e;
	bool stdin_in;

	if (c->output != NULL && same_file(path, c->output)) {
		ap_cli_error("%s: output would replace the input", c->output);
		return AP_EXIT_FAIL;
	}
	/* Said before the input is read: no output can go there. */
	if (c->output != NULL && is_dir(c->output)) {
		ap_cli_error("%s: is a directory; -o needs a file name",
		    c->output);
		return AP_EXIT_FAIL;
	}
	ap_batch_limit_memory(c->max_memory);
	/* A file (a FIFO with no writer too) is read within the bound;
	 * standard input, often a download (curl | artparse), is not. */
	stdin_in = strcmp(path, "-") == 0;
	if (!stdin_in)
		set_alarm(shown, c->timeout);
	if (stdin_in)
		rc = read_stdin(c, &buf, &len, why, sizeof(why));
	else
		rc = ap_load_path(path, c->max_size, &buf, &len, why,
		    sizeof(why));
	if (rc == WARC_DONE)
		return stdin_status;
	if (rc != AP_EXIT_OK) {
		set_alarm(shown, 0);
		ap_cli_error("%s: %s", shown, why);
		return rc;
	}
	if (stdin_in)
		set_alarm(shown, c->timeout);
	opts.path = strcmp(path, "-") == 0 ? NULL : path;
	rc = ap_parse(buf, len, &opts, &doc);
	free(buf);
	if (rc == AP_OK && !c->allow_empty &&
	    ap_doc_article(doc)->nbody == 0) {	/* see cli.h */
		ap_doc_free(doc);
		rc = AP_ENOARTICLE;
	}
	if (rc != AP_OK)
		set_alarm(shown, 0);
	if (rc == AP_EENCODING && opts.encoding != NULL)
		return usage_error("unknown encoding", opts.encoding);
	if (rc == AP_ENOMEM && c->max_memory > 0) {
		ap_cli_error("%s: out of memory (see --max-memory)", shown);
		return AP_EXIT_SYS;
	}
	if (rc != AP_OK) {
		ap_cli_error("%s: %s", shown, ap_strerror(rc));
		return rc == AP_ENOMEM ? AP_EXIT_SYS : AP_EXIT_FAIL;
	}
	if (c->output != NULL) {
		sink.write = path_write;
		sink.arg = (void *)(uintptr_t)c->output;
		shown = c->output;
	} else {
		sink.write = fd_write;
		sink.arg = &fd;
		shown = "<stdout>";
	}
	errno = 0;
	rc = ap_render(doc, c->writer, &c->wopts, &sink);
	set_alarm(shown, 0);
	ap_doc_free(doc);
	if (rc == AP_OK)
		return AP_EXIT_OK;
	e = rc == AP_EIO ? (errno ? errno : EIO) : 0;
	if (e == EISDIR)
		ap_cli_error("%s: is a directory; -o needs a file name",
		    shown);
	else
		ap_cli_error("%s: %s", shown, e ? strerror(e) :
		    ap_strerror(rc));
	/* As under -d: a path that cannot hold the output fails this
	 * input (exit 1); a full disk, a read-only tree, EIO are the
	 * system's (exit 3). */
	return output_path_error(e) ? AP_EXIT_FAIL : AP_EXIT_SYS;
}

int
main(int argc, char *argv[])
{
	struct ap_cli c;
	unsigned long ul;
	double d;
	char *end;
	long ncpu;
	bool mem_set = false;
	int ch, i, n, fd = -1;

	ap_tune_malloc();
	memset(&c, 0, sizeof(c));
	c.writer = ap_writer_find("json");
	c.wopts.width = 72;
	c.max_size = 50 * 1024 * 1024;
	c.timeout = 30;
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	c.jobs = ncpu < 1 ? 1 : ncpu > MAX_JOBS ? MAX_JOBS : (unsigned)ncpu;
	opterr = 0;	/* our messages, named "artparse:" whatever argv[0] */
	while ((ch = getopt_long(argc, argv, ":0d:e:f:hi:j:o:qVw:", lopts,
	    NULL)) != -1) {
		switch (ch) {
		case '0':
			c.null = true;
			break;
		case 'd':
			c.outdir = optarg;
			break;
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
			    AP_EXIT_OK : AP_EXIT_SYS;
		case 'i':
			if (strcmp(optarg, "auto") == 0)
				c.opts.input = AP_INPUT_AUTO;
			else if (strcmp(optarg, "text") == 0)
				c.opts.input = AP_INPUT_TEXT;
			else if (strcmp(optarg, "html") == 0)
				c.opts.input = AP_INPUT_HTML;
			else if (strcmp(optarg, "warc") == 0)
				c.warc = true;
			else
				return usage_error("unknown input type",
				    optarg);
			break;
		case 'j':
			if (parse_uint(optarg, 1, MAX_JOBS, &ul) != 0)
				return usage_error("invalid number of jobs",
				    optarg);
			c.jobs = (unsigned)ul;
			break;
		case 'o':
			c.output = optarg;
			break;
		case 'q':
			c.quiet = true;
			break;
		case 'V':
			printf("artparse %s\nbuilt with libxml2 %s\n",
			    AP_VERSION, LIBXML_DOTTED_VERSION);
			return fflush(stdout) == 0 && !ferror(stdout) ?
			    AP_EXIT_OK : AP_EXIT_SYS;
		case 'w':
			if (parse_uint(optarg, 0, 10000, &ul) != 0)
				return usage_error("invalid width", optarg);
			c.wopts.width = ul;
			break;
		case OPT_ALLOW_EMPTY:
			c.allow_empty = true;
			break;
		case OPT_CHARSET_HINT:
			if (!charset_known(optarg))
				return usage_error("unknown charset", optarg);
			c.opts.charset_hint = optarg;
			break;
		case OPT_EXT:
			if (optarg[strspn(optarg, ",.")] == '\0')
				return usage_error("invalid extension list",
				    optarg);
			c.exts = optarg;
			break;
		case OPT_GLOB:
			c.glob = optarg;
			break;
		case OPT_ONE_FS:
			c.one_fs = true;
			break;
		case OPT_FAIL_FAST:
			c.fail_fast = true;
			break;
		case OPT_FILES_FROM:
			c.files_from = optarg;
			break;
		case OPT_FOLLOW:
			c.follow = true;
			break;
		case OPT_FORCE:
			c.force = true;
			break;
		case OPT_KEEP_BOILERPLATE:
			c.wopts.keep_boilerplate = true;
			break;
		case OPT_LIST_FORMATS:
			return list_formats();
		case OPT_MAX_MEMORY:
			if (parse_size(optarg, &c.max_memory) != 0)
				return usage_error("invalid size", optarg);
			mem_set = true;
			break;
		case OPT_MAX_SIZE:
			if (parse_size(optarg, &c.max_size) != 0)
				return usage_error("invalid size", optarg);
			break;
		case OPT_NO_PROGRESS:
			c.progress = AP_PROGRESS_OFF;
			break;
		case OPT_PRETTY:
			c.wopts.pretty = true;
			break;
		case OPT_LINKS:
			c.wopts.links = true;
			break;
		case OPT_FORMATTING:
			c.wopts.formatting = true;
			break;
		case OPT_PROGRESS:
			c.progress = AP_PROGRESS_ON;
			break;
		case OPT_TIMEOUT:
			errno = 0;
			d = strtod(optarg, &end);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    !isfinite(d) || d < 0 || d > 1e6)
				return usage_error("invalid timeout", optarg);
			c.timeout = d;
			break;
		case OPT_UPDATE:
			c.update = true;
			break;
		default:
			return option_error(ch, argv[optind - 1]);
		}
	}
	n = argc - optind;
	/* Enough for any page within --max-size (about 7 bytes a byte
	 * for HTML, more for many tiny lines), not for -j of them to take
	 * the machine down. */
	if (!mem_set)
		c.max_memory = c.max_size > (SIZE_MAX - MIN_MEMORY) / 32 ?
		    SIZE_MAX : MIN_MEMORY + 32 * c.max_size;
	/* The tree shows why nothing was kept: never "no article". */
	if (c.writer == ap_writer_find("tree"))
		c.allow_empty = true;
	if (c.null && c.files_from == NULL)
		return usage_error("-0 applies to --files-from only", NULL);
	if (c.update && c.outdir == NULL)
		return usage_error("--update needs -d", NULL);
	if (c.update && c.force)
		return usage_error("--force and --update cannot be used "
		    "together", NULL);
	if (c.outdir != NULL && n == 0 && c.files_from == NULL)
		return usage_error("-d needs a FILE or DIR operand (standard "
		    "input cannot be converted into a folder; use -o)", NULL);
	if (c.output != NULL && strcmp(c.output, "-") == 0)
		c.output = NULL;	/* -o -: standard output */
	if (c.files_from != NULL && strcmp(c.files_from, "-") != 0 &&
	    (fd = open(c.files_from, O_RDONLY | O_NOCTTY | O_NONBLOCK)) < 0)
	{
		ap_cli_error("--files-from: %s: %s", c.files_from,
		    strerror(errno));
		return usage_error(NULL, NULL);
	}
	if (fd >= 0)
		close(fd);
	if (c.output != NULL && c.outdir != NULL)
		return usage_error("-o and -d cannot be used together", NULL);
	if (c.output != NULL && (n > 1 || c.files_from != NULL))
		return usage_error("only one input file is accepted with -o "
		    "(use -d for several)", NULL);
	for (i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-") != 0)
			continue;
		if (c.outdir != NULL)
			return usage_error("standard input cannot be "
			    "converted into a folder; use -o", NULL);
		if (c.files_from != NULL && strcmp(c.files_from, "-") == 0)
			return usage_error("standard input cannot be both the "
			    "file list and an input", NULL);
	}

	/* A WARC file alone: its records, as batch.c converts them. */
	if (c.outdir == NULL && c.files_from == NULL && n == 1 &&
	    strcmp(argv[optind], "-") != 0 && !is_dir(argv[optind]) &&
	    (c.warc || ap_batch_is_warc(argv[optind]))) {
		if (c.output != NULL)
			return usage_error("-o takes one page; the records of "
			    "a WARC file go to standard output or -d", NULL);
		return ap_batch_run(&c, argv + optind, (size_t)n);
	}
	/* One file or standard input, and no -d: the plain filter. */
	if (c.outdir == NULL && c.files_from == NULL && n <= 1 &&
	    (c.output != NULL || n == 0 || !is_dir(argv[optind]))) {
		ap_out_trap_signals();
		return convert(n == 1 ? argv[optind] : "-", &c);
	}
	return ap_batch_run(&c, argv + optind, (size_t)n);
}
