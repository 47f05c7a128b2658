/* SPDX-License-Identifier: ISC */
/*
 * The French cue lexicon: folding for matching, and the three lookups
 * (prefix at a word boundary, whole block, anywhere at a word start).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "helpers.h"
#include "lexicon.h"

/* Fold a C string into a static buffer. */
static const char *
fold(const char *s)
{
	static char out[256];

	ap_fold(s, strlen(s), out, sizeof(out));
	return out;
}

static void
fold_lowers_ascii(void **state)
{
	(void)state;
	assert_string_equal(fold("Par JEANNE Dupont"), "par jeanne dupont");
}

static void
fold_lowers_accented_capitals(void **state)
{
	(void)state;
	/* É À Ç Œ → é à ç œ */
	assert_string_equal(fold("ÉTÉ À ÇA ŒUVRE"), "été à ça œuvre");
}

static void
fold_typographic_apostrophe(void **state)
{
	(void)state;
	/* ’ ‘ ʼ → ' */
	assert_string_equal(fold("L’avion d‘abord ʼ"), "l'avion d'abord '");
}

static void
fold_nbsp_to_space(void **state)
{
	(void)state;
	/* NBSP, narrow NBSP, thin space → space */
	assert_string_equal(fold("Photo" NBSP ": A" NNBSP "B" THINSP "C"),
	    "photo : a b c");
}

static void
fold_collapses_space_runs(void **state)
{
	(void)state;
	assert_string_equal(fold("  Lire \t aussi" NBSP " \n:"),
	    "lire aussi :");
}

static void
fold_returns_length(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(ap_fold("Été", 5, out, sizeof(out)), 5);
	assert_string_equal(out, "été");
}

static void
fold_respects_capacity(void **state)
{
	char out[8];
	size_t n;

	(void)state;
	memset(out, 'x', sizeof(out));
	n = ap_fold("abcdefghijklmnop", 16, out, sizeof(out));
	assert_true(n < sizeof(out));
	assert_int_equal(strlen(out), n);
	assert_memory_equal(out, "abcdefghijklmnop", n);
}

static void
fold_zero_capacity_writes_nothing(void **state)
{
	char out[1] = { 'x' };

	(void)state;
	assert_int_equal(ap_fold("abc", 3, out, 0), 0);
	assert_int_equal(out[0], 'x');
}

static void
prefix_matches_at_word_end(void **state)
{
	(void)state;
	assert_int_equal(ap_cue_prefix("par jeanne dupont", CUE_BYLINE), 3);
	assert_int_equal(ap_cue_prefix("par", CUE_BYLINE), 3);
}

static void
prefix_rejects_inside_word(void **state)
{
	(void)state;
	/* "Parmi les députés" does not start with the cue "par". */
	assert_int_equal(ap_cue_prefix(fold("Parmi les députés"),
	    CUE_BYLINE), 0);
	assert_int_equal(ap_cue_prefix("partager", CUE_BYLINE), 0);
}

static void
prefix_rejects_before_accented_letter(void **state)
{
	(void)state;
	/* "Parés" continues the word with a non-ASCII letter. */
	assert_int_equal(ap_cue_prefix("parés au départ",
	    CUE_BYLINE), 0);
}

static void
prefix_takes_longest_cue(void **state)
{
	(void)state;
	/* "rédaction" and "rédaction en ligne" are both agency cues. */
	assert_int_equal(ap_cue_prefix(fold("Rédaction en ligne"),
	    CUE_AGENCY), strlen("rédaction en ligne"));
}

static void
prefix_is_per_class(void **state)
{
	(void)state;
	assert_int_equal(ap_cue_prefix("par jeanne", CUE_RELATED), 0);
	assert_true(ap_cue_prefix("lire aussi : x", CUE_RELATED) > 0);
}

static void
prefix_punctuation_cue_ends_anywhere(void **state)
{
	(void)state;
	/* "photo :" ends in punctuation, so "photo :jean" still matches. */
	assert_int_equal(ap_cue_prefix("photo :jean martin", CUE_CREDIT), 7);
}

static void
prefix_empty_string(void **state)
{
	(void)state;
	assert_int_equal(ap_cue_prefix("", CUE_BYLINE), 0);
}

static void
whole_articles_connexes(void **state)
{
	(void)state;
	assert_true(ap_cue_whole(fold("Articles connexes"), CUE_RELATED));
}

static void
whole_allows_final_punctuation(void **state)
{
	(void)state;
	assert_true(ap_cue_whole(fold("À lire aussi :"), CUE_RELATED));
	assert_true(ap_cue_whole(fold("À lire aussi" NBSP ":"),
	    CUE_RELATED));
	assert_true(ap_cue_whole(fold("Sur le même sujet."),
	    CUE_RELATED));
	assert_true(ap_cue_whole(fold("Voir aussi ›"),
	    CUE_RELATED));
}

static void
whole_rejects_following_words(void **state)
{
	(void)state;
	assert_false(ap_cue_whole(fold("Lire aussi : Le prix du gaz"),
	    CUE_RELATED));
	assert_false(ap_cue_whole(fold("Articles connexes 2"), CUE_RELATED));
}

/* Whether a cue of class c starts at any word start of s. */
static bool
any_cue(const char *s, enum ap_cue c)
{
	return (ap_cue_classes_anywhere(fold(s)) & (1u << c)) != 0;
}

static void
anywhere_finds_cue_at_word_start(void **state)
{
	(void)state;
	assert_true(any_cue("12 commentaires", CUE_COMMENTS));
	assert_true(any_cue("Le Monde avec AFP", CUE_AGENCY));
	assert_true(any_cue("(AFP)", CUE_AGENCY));
}

static void
anywhere_rejects_inside_word(void **state)
{
	(void)state;
	/* "rap" holds "ap", "chaps" holds "ap" and "aps". */
	assert_false(any_cue("Un rap sur les chaps", CUE_AGENCY));
	assert_false(any_cue("Les comparses", CUE_BYLINE));
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold_lowers_ascii),
		cmocka_unit_test(fold_lowers_accented_capitals),
		cmocka_unit_test(fold_typographic_apostrophe),
		cmocka_unit_test(fold_nbsp_to_space),
		cmocka_unit_test(fold_collapses_space_runs),
		cmocka_unit_test(fold_returns_length),
		cmocka_unit_test(fold_respects_capacity),
		cmocka_unit_test(fold_zero_capacity_writes_nothing),
		cmocka_unit_test(prefix_matches_at_word_end),
		cmocka_unit_test(prefix_rejects_inside_word),
		cmocka_unit_test(prefix_rejects_before_accented_letter),
		cmocka_unit_test(prefix_takes_longest_cue),
		cmocka_unit_test(prefix_is_per_class),
		cmocka_unit_test(prefix_punctuation_cue_ends_anywhere),
		cmocka_unit_test(prefix_empty_string),
		cmocka_unit_test(whole_articles_connexes),
		cmocka_unit_test(whole_allows_final_punctuation),
		cmocka_unit_test(whole_rejects_following_words),
		cmocka_unit_test(anywhere_finds_cue_at_word_start),
		cmocka_unit_test(anywhere_rejects_inside_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
