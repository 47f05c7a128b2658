/* SPDX-License-Identifier: ISC */
/*
 * Allocation failure sweep, after expat's alloc_tests.c: an allocator hook
 * makes allocation i fail, for every i from 0 until a whole run succeeds.
 * A run is ap_parse() then ap_render() in every format, all through the
 * same allocator.  Every call must return AP_OK or AP_ENOMEM, output that
 * is written must equal the output of a run without failures, and after
 * ap_doc_free() every allocation must have been freed.  Two modes: only
 * allocation i fails, or i and every later one fails.
 *
 * libxml2 and jansson allocate through the same hook (src/hooks.c), so
 * the sweep covers their allocations too; two tests refuse the first
 * allocation made from inside each library (found by the call stack)
 * and want AP_ENOMEM and a quiet stderr.  iconv allocates with malloc;
 * `make valgrind` and `make asan` run this test to cover it.
 */
#define _GNU_SOURCE		/* dladdr() */
#include <dlfcn.h>
#include <execinfo.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <libxml/xmlmemory.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artparse.h"

#define MAXFMT	16		/* room for the writer table */
#define MAXRUNS	100000		/* a loop that never succeeds is a bug */


/*
 * Counting allocator: fails call number "fail" (and later ones if "all"),
 * or, with "lib" set, the first call made from inside that library.
 */
struct cnt {
	long		 calls;
	long		 fail;		/* -1: never */
	bool		 all;
	bool		 failed;	/* a call was refused */
	const char	*lib;		/* "libxml2", "libjansson" or NULL */
	long		 live;
	long		 allocs;
	long		 frees;
};

/*
 * Whether the library "lib" is allocating: the first frame of the stack
 * in that shared library called the allocation function it was given
 * (xmlMemGet(), json_get_alloc_funcs()) directly, rather than one of
 * artparse's callbacks (libxml2's SAX events) that then allocated.  A
 * frame "in" a function is a return address in its first 1 KiB.
 */
static bool
in_fn(void *pc, uintptr_t fn)
{
	return (uintptr_t)pc >= fn && (uintptr_t)pc - fn < 1024;
}

static bool
called_from(const char *lib)
{
	xmlMallocFunc xm;
	xmlReallocFunc xr;
	xmlFreeFunc xf;
	xmlStrdupFunc xs;
	json_malloc_t jm;
	json_free_t jf;
	void *pc[64];
	Dl_info info;
	int i, n = backtrace(pc, 64);

	xmlMemGet(&xf, &xm, &xr, &xs);
	json_get_alloc_funcs(&jm, &jf);
	for (i = 1; i < n; i++)
		if (dladdr(pc[i], &info) != 0 && info.dli_fname != NULL &&
		    strstr(info.dli_fname, lib) != NULL)
			return in_fn(pc[i - 1], (uintptr_t)xm) ||
			    in_fn(pc[i - 1], (uintptr_t)xr) ||
			    in_fn(pc[i - 1], (uintptr_t)jm);
	return false;
}

static bool
refuse(struct cnt *c)
{
	long i = c->calls++;

	if (c->lib != NULL) {
		if (c->failed || !called_from(c->lib))
			return false;
		c->failed = true;
		return true;
	}
	if (c->fail >= 0 && (i == c->fail || (c->all && i > c->fail))) {
		c->failed = true;
		return true;
	}
	return false;
}

static void *
cnt_malloc(size_t n, void *arg)
{
	struct cnt *c = arg;
	void *p;

	if (refuse(c))
		return NULL;
	if ((p = malloc(n)) != NULL) {
		c->live++;
		c->allocs++;
	}
	return p;
}

static void *
cnt_realloc(void *old, size_t n, void *arg)
{
	struct cnt *c = arg;
	void *p;

	if (refuse(c))
		return NULL;
	if ((p = realloc(old, n)) != NULL && old == NULL) {
		c->live++;
		c->allocs++;
	}
	return p;
}

static void
cnt_free(void *p, void *arg)
{
	struct cnt *c = arg;

	if (p != NULL) {
		c->live--;
		c->frees++;
	}
	free(p);
}

/* Memory sink for the rendered output. */
struct mem {
	char	*p;
	size_t	 len;
	int	 calls;
};

static int
mem_write(void *arg, const char *p, size_t n)
{
	struct mem *m = arg;
	char *np;

	m->calls++;
	if ((np = realloc(m->p, m->len + n + 1)) == NULL)
		return -1;
	m->p = np;
	memcpy(m->p + m->len, p, n);
	m->len += n;
	m->p[m->len] = '\0';
	return 0;
}

struct input {
	const char	*name;
	char		*bytes;
	size_t		 len;
	enum ap_input	 type;
	const char	*encoding;	/* forced, or NULL */
	bool		 keep;		/* keep_boilerplate, links, formatting */
	char		*want[MAXFMT];	/* output without failures */
};

/* A fixture, from the top of the tree or from build/tests. */
static char *
slurp(const char *name, size_t *len)
{
	static const char *const dirs[] = { "", "../../", "../" };
	char path[512], *buf = NULL, *nb;
	size_t i, cap = 0, r;
	FILE *fp = NULL;

	for (i = 0; fp == NULL && i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", dirs[i], name);
		fp = fopen(path, "rb");
	}
	if (fp == NULL)
		fail_msg("cannot open fixture %s", name);
	*len = 0;
	for (;;) {
		if (cap - *len < 4096) {
			cap = cap ? 2 * cap : 8192;
			nb = realloc(buf, cap);
			assert_non_null(nb);
			buf = nb;
		}
		if ((r = fread(buf + *len, 1, cap - *len, fp)) == 0)
			break;
		*len += r;
	}
	fclose(fp);
	return buf;
}

/* UTF-8 to UTF-16LE with a byte-order mark (BMP only, enough here). */
static char *
to_utf16le(const char *s, size_t n, size_t *outlen)
{
	unsigned char *o = malloc(2 * n + 2);
	size_t i = 0, k = 2;
	unsigned cp;

	assert_non_null(o);
	o[0] = 0xFF;
	o[1] = 0xFE;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80)
			cp = c, i += 1;
		else if (c < 0xE0)
			cp = (c & 0x1Fu) << 6 | (s[i + 1] & 0x3F), i += 2;
		else
			cp = (c & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 |
			    (s[i + 2] & 0x3F), i += 3;
		o[k++] = (unsigned char)(cp & 0xFF);
		o[k++] = (unsigned char)(cp >> 8);
	}
	*outlen = k;
	return (char *)o;
}

/* "times" copies of s, to cross the decoder's 64 KiB chunks. */
static char *
repeat(const char *s, size_t n, size_t times, size_t *outlen)
{
	char *o = malloc(n * times);
	size_t i;

	assert_non_null(o);
	for (i = 0; i < times; i++)
		memcpy(o + i * n, s, n);
	*outlen = n * times;
	return o;
}

/* Parse and render every format, recording what was written. */
static int
run(struct input *in, struct cnt *c, bool check)
{
	const struct ap_allocator al = { cnt_malloc, cnt_realloc, cnt_free,
	    c };
	struct ap_opts opts;
	struct ap_wopts wo = { .width = 40, .pretty = true };
	struct ap_doc *doc = NULL;
	struct mem m;
	struct ap_sink sink = { mem_write, &m };
	int rc, k, worst = AP_OK;

	memset(&opts, 0, sizeof(opts));
	opts.path = in->name;
	opts.input = in->type;
	opts.encoding = in->encoding;
	wo.keep_boilerplate = in->keep;
	/* The span options with it, so that their paths are swept too. */
	wo.links = wo.formatting = in->keep;
	opts.alloc = &al;
	rc = ap_parse(in->bytes, in->len, &opts, &doc);
	if (rc != AP_OK) {
		if (rc != AP_ENOMEM)
			fail_msg("%s: allocation %ld: ap_parse: %s", in->name,
			    c->fail, ap_strerror(rc));
		assert_null(doc);
		assert_true(c->failed);
		return rc;
	}
	assert_non_null(doc);
	/* Every writer of the table (--list-formats). */
	for (k = 0; ap_writer_name(k) != NULL; k++) {
		assert_true(k < MAXFMT);
		memset(&m, 0, sizeof(m));
		rc = ap_render(doc, ap_writer_find(ap_writer_name(k)), &wo,
		    &sink);
		if (rc == AP_OK) {
			assert_int_equal(m.calls, 1);
			if (check)
				assert_string_equal(m.p, in->want[k]);
			else
				in->want[k] = m.p, m.p = NULL;
		} else {
			if (rc != AP_ENOMEM)
				fail_msg("%s: allocation %ld: ap_render %s: %s",
				    in->name, c->fail, ap_writer_name(k),
				    ap_strerror(rc));
			assert_true(c->failed);
			/* A failed render writes nothing at all. */
			assert_int_equal(m.calls, 0);
			worst = rc;
		}
		free(m.p);
	}
	ap_doc_free(doc);
	return worst;
}

static void
sweep(struct input *in)
{
	struct cnt c;
	long i, total;
	int mode, rc;

	/* The reference run, which also counts the allocations. */
	memset(&c, 0, sizeof(c));
	c.fail = -1;
	assert_int_equal(run(in, &c, false), AP_OK);
	assert_int_equal(c.live, 0);
	assert_int_equal(c.allocs, c.frees);
	total = c.calls;
	assert_true(total > 0);
	print_message("%s: %ld allocations\n", in->name, total);

	for (mode = 0; mode < 2; mode++) {
		for (i = 0; i < MAXRUNS; i++) {
			memset(&c, 0, sizeof(c));
			c.fail = i;
			c.all = mode == 1;
			rc = run(in, &c, true);
			if (c.live != 0)
				fail_msg("%s: allocation %ld%s failed: %ld "
				    "blocks leaked", in->name, i,
				    c.all ? " and later" : "", c.live);
			assert_int_equal(c.allocs, c.frees);
			if (!c.failed) {
				assert_int_equal(rc, AP_OK);
				break;
			}
		}
		/* Every allocation of the reference run was made to fail. */
		assert_int_equal(i, total);
	}
}

static void
input_free(struct input *in)
{
	int k;

	for (k = 0; k < MAXFMT; k++)
		free(in->want[k]);
	free(in->bytes);
}

static void
test_text_article(void **state)
{
	struct input in = { "01-byline-par.txt", NULL, 0, AP_INPUT_AUTO,
	    NULL, false, { NULL } };

	(void)state;
	in.bytes = slurp("tests/articles/01-byline-par.txt", &in.len);
	sweep(&in);
	input_free(&in);
}

static void
test_text_boilerplate(void **state)
{
	struct input in = { "sample.txt", NULL, 0, AP_INPUT_TEXT, NULL, true,
	    { NULL } };

	(void)state;
	in.bytes = slurp("data/sample.txt", &in.len);
	sweep(&in);
	input_free(&in);
}

/* Tables, lists, figures and spans: the structure's allocations. */
static void
test_html_structure(void **state)
{
	static const char *const pages[] = {
		"tests/regress/html/table-data.html",
		"tests/regress/html/lists-nested.html",
		"tests/regress/html/figures.html",
		"tests/regress/html/inline-spans.html"
	};
	struct input in = { NULL, NULL, 0, AP_INPUT_AUTO, NULL, true,
	    { NULL } };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		in.name = pages[i];
		in.bytes = slurp(pages[i], &in.len);
		sweep(&in);
		input_free(&in);
		memset(in.want, 0, sizeof(in.want));
	}
}

static void
test_html_jsonld(void **state)
{
	struct input in = { "split-article.html", NULL, 0, AP_INPUT_AUTO,
	    NULL, true, { NULL } };

	(void)state;
	in.bytes = slurp("tests/html/split-article.html", &in.len);
	sweep(&in);
	input_free(&in);
}

static void
test_windows_1252(void **state)
{
	struct input in = { "14-windows-1252.txt", NULL, 0, AP_INPUT_AUTO,
	    NULL, false, { NULL } };

	(void)state;
	in.bytes = slurp("tests/articles/14-windows-1252.txt", &in.len);
	sweep(&in);
	input_free(&in);
}

/* A forced charset goes through iconv, whose descriptor must not leak. */
static void
test_forced_encoding(void **state)
{
	struct input in = { "14-windows-1252.txt", NULL, 0, AP_INPUT_TEXT,
	    "ISO-8859-15", false, { NULL } };

	(void)state;
	in.bytes = slurp("tests/articles/14-windows-1252.txt", &in.len);
	sweep(&in);
	input_free(&in);
}

static void
test_utf16(void **state)
{
	struct input in = { "utf16", NULL, 0, AP_INPUT_AUTO, NULL, false,
	    { NULL } };
	size_t n;
	char *s;

	(void)state;
	s = slurp("tests/articles/01-byline-par.txt", &n);
	in.bytes = to_utf16le(s, n, &in.len);
	free(s);
	sweep(&in);
	input_free(&in);
}

/* Past the decoder's 64 KiB chunk: arena chunks, block-array growth. */
static void
test_large_text(void **state)
{
	struct input in = { "large", NULL, 0, AP_INPUT_AUTO, NULL, false,
	    { NULL } };
	size_t n;
	char *s;

	(void)state;
	s = slurp("tests/articles/01-byline-par.txt", &n);
	in.bytes = repeat(s, n, 72 * 1024 / n + 1, &in.len);
	free(s);
	assert_true(in.len > 64 * 1024);
	sweep(&in);
	input_free(&in);
}

/*
 * The first allocation libxml2 (or jansson) makes is refused: ap_parse()
 * says AP_ENOMEM, not "no article found" (nor an article without its
 * metadata), frees everything, and libxml2 prints nothing.
 */
static void
refuse_in(const char *lib, const char *page)
{
	struct cnt c;
	const struct ap_allocator al = { cnt_malloc, cnt_realloc, cnt_free,
	    &c };
	struct ap_opts opts;
	struct ap_doc *doc = NULL;
	char *bytes;
	size_t len;
	FILE *err;
	int rc, saved;

	bytes = strdup(page);
	assert_non_null(bytes);
	len = strlen(bytes);
	memset(&c, 0, sizeof(c));
	c.fail = -1;
	c.lib = lib;
	memset(&opts, 0, sizeof(opts));
	opts.alloc = &al;
	fflush(stderr);
	err = tmpfile();
	assert_non_null(err);
	saved = dup(STDERR_FILENO);
	dup2(fileno(err), STDERR_FILENO);
	rc = ap_parse(bytes, len, &opts, &doc);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	if (!c.failed)
		fail_msg("no allocation came from %s", lib);
	assert_int_equal(rc, AP_ENOMEM);
	assert_null(doc);
	assert_int_equal(c.live, 0);
	if (ftell(err) != 0)
		fail_msg("%s printed on stderr", lib);
	fclose(err);
	free(bytes);
}

/*
 * Small pages, so that artparse's own allocations during libxml2's
 * callbacks come from arena chunks already there: the refused allocation
 * is libxml2's (or jansson's) own.
 */
static void
test_refused_in_libxml2(void **state)
{
	(void)state;
	refuse_in("libxml2", "<html><head><title>Titre</title></head>"
	    "<body><h1>Titre</h1><p>Un paragraphe, assez long pour un "
	    "article.</p></body></html>");
}

static void
test_refused_in_jansson(void **state)
{
	(void)state;
	refuse_in("libjansson", "<html><head><script type=\"application/"
	    "ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
	    "\"Titre\"}</script></head><body><p>Un paragraphe, assez long "
	    "pour un article.</p></body></html>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_article),
		cmocka_unit_test(test_text_boilerplate),
		cmocka_unit_test(test_html_jsonld),
		cmocka_unit_test(test_html_structure),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_forced_encoding),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_large_text),
		cmocka_unit_test(test_refused_in_libxml2),
		cmocka_unit_test(test_refused_in_jansson),
	};
	void *pc[1];

	backtrace(pc, 1);	/* loads libgcc_s before any test counts */

	return cmocka_run_group_tests(tests, NULL, NULL);
}
