/* SPDX-License-Identifier: ISC */
/*
 * Shared set-up for the unit tests: a document with its arena, blocks
 * added from C strings, and the pipeline stages run on them.  Include it
 * after <cmocka.h>.  Each test gets a fresh document from t_setup() in
 * *state and t_teardown() frees it, even when an assertion failed.
 */
#ifndef AP_TEST_HELPERS_H
#define AP_TEST_HELPERS_H

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artparse.h"
#include "arena.h"
#include "doc.h"

/* The invisible spaces of French typography, spelt out in test strings. */
#define NBSP	"\xc2\xa0"	/* U+00A0 no-break space */
#define NNBSP	"\xe2\x80\xaf"	/* U+202F narrow no-break space */
#define THINSP	"\xe2\x80\x89"	/* U+2009 thin space */

/*
 * Out of memory inside the library jumps here.  t_run() arms it and stays
 * on the stack while every test runs, so the jump is always legal.
 */
static jmp_buf t_oom;

static inline int
t_run(const char *name, const struct CMUnitTest *tests, size_t n)
{
	if (setjmp(t_oom) != 0) {
		fprintf(stderr, "%s: out of memory in the library\n", name);
		return 1;
	}
	return _cmocka_run_group_tests(name, tests, n, NULL, NULL);
}

#define T_RUN(tests) \
	t_run(#tests, (tests), sizeof(tests) / sizeof((tests)[0]))

/* A document with an empty arena, as ap_parse() makes one. */
static inline struct ap_doc *
t_doc_new(void)
{
	struct ap_doc *d = calloc(1, sizeof(*d));

	if (d == NULL)
		longjmp(t_oom, 1);
	ap_arena_init(&d->arena, NULL);
	d->arena.oom = &t_oom;
	return d;
}

static inline void
t_doc_free(struct ap_doc *d)
{
	if (d == NULL)
		return;
	ap_arena_fini(&d->arena);
	free(d);
}

static inline int
t_setup(void **state)
{
	*state = t_doc_new();
	return 0;
}

static inline int
t_teardown(void **state)
{
	t_doc_free(*state);
	*state = NULL;
	return 0;
}

#define T_TEST(f) cmocka_unit_test_setup_teardown(f, t_setup, t_teardown)

/* Set the decoded input (UTF-8, LF) and run the text front end. */
static inline void
t_text_blocks(struct ap_doc *d, const char *text)
{
	d->textlen = strlen(text);
	d->text = ap_strndup(&d->arena, text, d->textlen);
	ap_text_blocks(d);
}

/* Append a block with front-end flags; its line is its 1-based index. */
static inline struct ap_block *
t_add_flags(struct ap_doc *d, const char *text, unsigned flags)
{
	struct ap_block *b;

	b = ap_doc_add_block(d, text, strlen(text), d->nblocks + 1);
	assert_non_null(b);
	b->flags = flags;
	return b;
}

static inline struct ap_block *
t_add(struct ap_doc *d, const char *text)
{
	return t_add_flags(d, text, 0);
}

/*
 * One block judged alone: appended, features computed, returned.  The
 * pointer stays valid until the next block is added.
 */
static inline const struct ap_block *
t_block_flags(struct ap_doc *d, const char *text, unsigned flags)
{
	t_add_flags(d, text, flags);
	ap_features(d);
	return &d->blocks[d->nblocks - 1];
}

static inline const struct ap_block *
t_block(struct ap_doc *d, const char *text)
{
	return t_block_flags(d, text, 0);
}

/* Blocks from a NULL-terminated list, then features and classifier. */
static inline void
t_classify(struct ap_doc *d, const char *const *lines)
{
	size_t i;

	for (i = 0; lines[i] != NULL; i++)
		t_add(d, lines[i]);
	ap_features(d);
	ap_classify(d);
}

/* The same, then the article; returns it. */
static inline const struct ap_article *
t_article(struct ap_doc *d, const char *const *lines)
{
	t_classify(d, lines);
	ap_article_build(d);
	return &d->art;
}

/* Kind of block i, by name, so a failure message reads "byline" != … */
static inline const char *
t_kind(const struct ap_doc *d, size_t i)
{
	assert_true(i < d->nblocks);
	return ap_kind_name(d->blocks[i].kind);
}

#define assert_kind(d, i, k) \
	assert_string_equal(t_kind((d), (i)), ap_kind_name(k))

#endif /* AP_TEST_HELPERS_H */
