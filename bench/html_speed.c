/* SPDX-License-Identifier: ISC */
/*
 * Speed of the whole extraction against libxml2 alone.  For every page of
 * a folder, times libxml2's bare htmlReadMemory + xmlFreeDoc of the same
 * bytes, then ap_parse + JSON rendering into a null sink, and prints
 * seconds, MB/s, ms per page and the ratio artparse / libxml2.  Times are
 * the process's CPU time and the two alternate round by round, so a busy
 * machine slows both alike; the median of the rounds' ratios is printed
 * too, as one slow round can skew the totals.  Both run with the
 * command's malloc settings (src/malloc_tune.h).
 * Usage: html_speed DIR [ROUNDS]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "artparse.h"
#include "malloc_tune.h"

struct page {
	char	*bytes;
	size_t	 len;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
null_write(void *arg, const char *p, size_t n)
{
	(void)arg;
	(void)p;
	(void)n;
	return 0;
}

static int
load_page(const char *path, struct page *pg)
{
	FILE *fp = fopen(path, "rb");
	long n;

	if (fp == NULL)
		return -1;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 ||
	    (pg->bytes = malloc((size_t)n + 1)) == NULL) {
		fclose(fp);
		return -1;
	}
	pg->len = fread(pg->bytes, 1, (size_t)n, fp);
	fclose(fp);
	return 0;
}

static int
is_html(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && strcmp(name + n - 5, ".html") == 0) ||
	    (n > 4 && strcmp(name + n - 4, ".htm") == 0);
}

/* Seconds of one pass over the pages. */
static double
time_libxml2(const struct page *pages, size_t n)
{
	double t0 = now();
	size_t i;

	for (i = 0; i < n; i++) {
		htmlDocPtr doc = htmlReadMemory(pages[i].bytes,
		    (int)pages[i].len, NULL, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NONET |
		    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
		xmlFreeDoc(doc);
	}
	return now() - t0;
}

static double
time_artparse(const struct page *pages, size_t n, size_t *fail)
{
	const struct ap_writer *w = ap_writer_find("json");
	struct ap_sink sink = { null_write, NULL };
	struct ap_wopts wo = { .width = 72, .pretty = false };
	struct ap_opts opts;
	double t0 = now();
	size_t i;

	memset(&opts, 0, sizeof(opts));
	opts.input = AP_INPUT_HTML;
	*fail = 0;
	for (i = 0; i < n; i++) {
		struct ap_doc *doc;

		if (ap_parse(pages[i].bytes, pages[i].len, &opts, &doc) !=
		    AP_OK) {
			(*fail)++;
			continue;
		}
		ap_render(doc, w, &wo, &sink);
		ap_doc_free(doc);
	}
	return now() - t0;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
report(const char *what, double secs, double mb, size_t pages)
{
	printf("%-10s %8.3f s %8.1f MB/s %8.3f ms/page\n", what, secs,
	    mb / secs, 1000.0 * secs / (double)pages);
}

int
main(int argc, char *argv[])
{
	struct page *pages = NULL;
	struct dirent *de;
	size_t n = 0, cap = 0, i, fail;
	double bytes = 0, tx = 0, ta = 0, mb, x, a, *ratios;
	int rounds = argc > 2 ? atoi(argv[2]) : 5, r;
	char path[4096];
	DIR *dir;

	ap_tune_malloc();	/* as the command does */
	if (argc < 2 || (dir = opendir(argv[1])) == NULL) {
		fprintf(stderr, "usage: html_speed DIR [ROUNDS]\n");
		return 2;
	}
	while ((de = readdir(dir)) != NULL) {
		if (!is_html(de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			pages = realloc(pages, cap * sizeof(*pages));
			if (pages == NULL)
				return 3;
		}
		snprintf(path, sizeof(path), "%s/%s", argv[1], de->d_name);
		if (load_page(path, &pages[n]) == 0)
			bytes += (double)pages[n++].len;
	}
	closedir(dir);
	if (n == 0 || rounds < 1) {
		fprintf(stderr, "html_speed: no .html pages in %s\n", argv[1]);
		return 1;
	}
	xmlInitParser();
	/* One warm-up round each, so both start with hot caches. */
	time_libxml2(pages, n);
	time_artparse(pages, n, &fail);
	if ((ratios = malloc((size_t)rounds * sizeof(*ratios))) == NULL)
		return 3;
	for (r = 0; r < rounds; r++) {
		tx += x = time_libxml2(pages, n);
		ta += a = time_artparse(pages, n, &fail);
		ratios[r] = a / x;
	}
	mb = bytes * rounds / 1e6;
	printf("%zu pages, %.1f MB, %d rounds\n", n, bytes / 1e6, rounds);
	report("libxml2", tx, mb, n * (size_t)rounds);
	report("artparse", ta, mb, n * (size_t)rounds);
	printf("ratio artparse/libxml2: %.2f\n", ta / tx);
	printf("median round ratio: %.2f\n", median(ratios, (size_t)rounds));
	if (fail)
		printf("(%zu parses failed)\n", fail);
	for (i = 0; i < n; i++)
		free(pages[i].bytes);
	free(pages);
	free(ratios);
	return 0;
}
