/* SPDX-License-Identifier: ISC */
/*
 * IRI to URI: what is escaped and what is left, and that the absolute
 * test reads a scheme.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "uri.h"

static void
expect_uri(const char *iri, const char *uri)
{
	struct ap_arena a;

	ap_arena_init(&a, NULL);
	assert_string_equal(ap_uri_from_iri(&a, iri, strlen(iri)), uri);
	ap_arena_fini(&a);
}

static void
non_ascii_is_escaped(void **state)
{
	(void)state;
	expect_uri("https://x.fr/économie/«x»",
	    "https://x.fr/%C3%A9conomie/%C2%ABx%C2%BB");
}

static void
forbidden_ascii_is_escaped(void **state)
{
	(void)state;
	expect_uri("/a b\"c<d>e\\f^g`h{i|j}", "/a%20b%22c%3Cd%3Ee%5Cf%5Eg%60h"
	    "%7Bi%7Cj%7D");
	/* Tabs and newlines go, as a browser drops them. */
	expect_uri("/a\tb\nc", "/abc");
}

static void
brackets_only_in_the_host(void **state)
{
	(void)state;
	expect_uri("http://[::1]:8080/p[1]#s[2]",
	    "http://[::1]:8080/p%5B1%5D#s%5B2%5D");
	expect_uri("/p[1]", "/p%5B1%5D");
}

static void
escapes_are_kept_and_lone_percent_escaped(void **state)
{
	(void)state;
	expect_uri("/caf%C3%A9?q=a%2Fb&r=%", "/caf%C3%A9?q=a%2Fb&r=%25");
	expect_uri("/100%zz", "/100%25zz");
	expect_uri("https://x.fr/a?b=c&d=e#f", "https://x.fr/a?b=c&d=e#f");
}

static void
absolute_needs_a_scheme(void **state)
{
	(void)state;
	assert_true(ap_uri_is_absolute("https://x.fr/"));
	assert_true(ap_uri_is_absolute("mailto:a@b.fr"));
	assert_true(ap_uri_is_absolute("svn+ssh://h/r"));
	assert_false(ap_uri_is_absolute("/a/b"));
	assert_false(ap_uri_is_absolute("//x.fr/a"));
	assert_false(ap_uri_is_absolute("a/b:c"));
	assert_false(ap_uri_is_absolute("1http://x"));
	assert_false(ap_uri_is_absolute(""));
}

static void
front_is_a_home_or_a_section(void **state)
{
	(void)state;
	assert_true(ap_uri_is_front("https://journal.lemonde.fr/"));
	assert_true(ap_uri_is_front("http://www.11dor.be"));
	assert_true(ap_uri_is_front("http://www.cinebel.be/fr"));
	assert_true(ap_uri_is_front("https://x.fr/newsletters/"));
	assert_false(ap_uri_is_front("https://x.fr/politique/dette.html"));
	assert_false(ap_uri_is_front("https://x.fr/archives?url=/a/2012"));
	assert_false(ap_uri_is_front("https://x.fr/?p=12"));
	assert_false(ap_uri_is_front("https://x.fr/159908"));
	assert_false(ap_uri_is_front("https://x.fr/une-longue-rubrique-x"));
	assert_false(ap_uri_is_front("/fr"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(non_ascii_is_escaped),
		cmocka_unit_test(forbidden_ascii_is_escaped),
		cmocka_unit_test(brackets_only_in_the_host),
		cmocka_unit_test(escapes_are_kept_and_lone_percent_escaped),
		cmocka_unit_test(absolute_needs_a_scheme),
		cmocka_unit_test(front_is_a_home_or_a_section),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
