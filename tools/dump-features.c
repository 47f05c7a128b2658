/* SPDX-License-Identifier: ISC */
/*
 * Developer tool for `make train`: parse each FILE as artparse does and
 * print one tab-separated row per block: the file, the block's index, the
 * kind the classifier gave it, every named content feature (content.c, the
 * same extractor the binary uses) and the block's text.  With --headline
 * first, one row per headline candidate the classifier scored instead:
 * the file, the block, "html" or "text", its headline features
 * (classify.c) and its text.  Not installed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artparse.h"
#include "classify.h"
#include "content.h"
#include "doc.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL, *q;
	size_t cap = 0, n = 0, r;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			if ((q = realloc(p, cap)) == NULL)
				break;
			p = q;
		}
		if ((r = fread(p + n, 1, cap - n, f)) == 0)
			break;
		n += r;
	}
	fclose(f);
	*len = n;
	return p;
}

/* Tabs and line breaks of the text become spaces. */
static void
put_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		putchar(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ?
		    ' ' : s[i]);
}

static const char *current;

static void
trace_headline(const struct ap_doc *d, size_t i, const double *x, void *arg)
{
	size_t k;

	(void)arg;
	printf("%s\t%zu\t%s", current, i, ap_doc_is_html(d) ? "html" : "text");
	for (k = 0; k < HF__MAX; k++)
		printf("\t%.6g", x[k]);
	putchar('\t');
	put_text(d->blocks[i].text, d->blocks[i].len);
	putchar('\n');
}

/* The headline candidates of path, printed by trace_headline. */
static void
dump_headline(const char *path)
{
	struct ap_opts o;
	struct ap_doc *d;
	size_t len;
	char *bytes = slurp(path, &len);

	if (bytes == NULL) {
		fprintf(stderr, "dump-features: %s: cannot read\n", path);
		return;
	}
	memset(&o, 0, sizeof(o));
	o.path = current = path;
	if (ap_parse(bytes, len, &o, &d) == AP_OK)
		ap_doc_free(d);
	free(bytes);
}

static void
dump(const char *path)
{
	struct ap_opts o;
	struct ap_doc *d;
	double *x;
	size_t len, i, k;
	char *bytes = slurp(path, &len);

	if (bytes == NULL) {
		fprintf(stderr, "dump-features: %s: cannot read\n", path);
		return;
	}
	memset(&o, 0, sizeof(o));
	o.path = path;
	if (ap_parse(bytes, len, &o, &d) == AP_OK) {
		x = calloc(d->nblocks * CF__MAX + 1, sizeof(*x));
		if (x != NULL) {
			ap_content_features(d, x);
			for (i = 0; i < d->nblocks; i++) {
				printf("%s\t%zu\t%s", path, i,
				    ap_kind_name(d->blocks[i].kind));
				for (k = 0; k < CF__MAX; k++)
					printf("\t%.6g", x[i * CF__MAX + k]);
				putchar('\t');
				put_text(d->blocks[i].text, d->blocks[i].len);
				putchar('\n');
			}
		}
		free(x);
		ap_doc_free(d);
	}
	free(bytes);
}

int
main(int argc, char **argv)
{
	size_t k;
	int i;

	if (argc > 1 && strcmp(argv[1], "--headline") == 0) {
		printf("file\tblock\tinput");
		for (k = 0; k < HF__MAX; k++)
			printf("\t%s", ap_hfeat_name((enum ap_hfeat)k));
		printf("\ttext\n");
		ap_headline_trace(trace_headline, NULL);
		for (i = 2; i < argc; i++)
			dump_headline(argv[i]);
		return 0;
	}
	printf("file\tblock\tkind");
	for (k = 0; k < CF__MAX; k++)
		printf("\t%s", ap_cfeat_name((enum ap_cfeat)k));
	printf("\ttext\n");
	for (i = 1; i < argc; i++)
		dump(argv[i]);
	return 0;
}
