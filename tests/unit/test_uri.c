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

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

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

/* Each printable ASCII character after the host: kept when RFC 3986
 * allows it there (unreserved, reserved but brackets), else escaped. */
static void
every_ascii_character(void **state)
{
	static const char allowed[] = "-._~:/?#@!$&'()*+,;=";
	char iri[8], uri[16];
	int c;

	(void)state;
	for (c = 0x21; c < 0x7F; c++) {
		snprintf(iri, sizeof(iri), "/a%cb", c);
		if (isalnum(c) || strchr(allowed, c) != NULL)
			snprintf(uri, sizeof(uri), "/a%cb", c);
		else
			snprintf(uri, sizeof(uri), "/a%%%02Xb", c);
		expect_uri(iri, uri);
	}
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

/* The quick join gives what libxml2's resolver gives, or declines. */
static void
join_root_agrees_with_libxml2(void **state)
{
	static const char *const base = "https://www.x.fr:8080/a/b.html?q#f";
	static const char *const joined[] = {
		"/", "/c/d", "/c/d?e=1&f=%C3%A9", "/c#g", "/c?x=/y#z",
		"/a-b_c~d/e.html", "/p@r!$'()*+,;=", "/c?q=%2f&x=:@/?",
		"/c?q#a:b@c/d?",
	};
	static const char *const declined[] = {
		"//y.fr/c", "c/d", "../c", "?q", "#f", "/a/../c", "/a/./c",
		"/.", "/c#g#h", "/c d", "/c[1]", "/p:q", "/a%2F", "/a%41",
		"/a#%41", "/a#x%",
	};
	struct ap_arena a;
	xmlChar *ref;
	size_t i;

	(void)state;
	ap_arena_init(&a, NULL);
	for (i = 0; i < sizeof(joined) / sizeof(joined[0]); i++) {
		ref = xmlBuildURI((const xmlChar *)joined[i],
		    (const xmlChar *)base);
		assert_non_null(ref);
		assert_string_equal(ap_uri_join_root(&a, base, joined[i]),
		    (const char *)ref);
		xmlFree(ref);
	}
	for (i = 0; i < sizeof(declined) / sizeof(declined[0]); i++)
		assert_null(ap_uri_join_root(&a, base, declined[i]));
	assert_null(ap_uri_join_root(&a, "/no/authority", "/c"));
	ap_arena_fini(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(non_ascii_is_escaped),
		cmocka_unit_test(forbidden_ascii_is_escaped),
		cmocka_unit_test(brackets_only_in_the_host),
		cmocka_unit_test(every_ascii_character),
		cmocka_unit_test(escapes_are_kept_and_lone_percent_escaped),
		cmocka_unit_test(absolute_needs_a_scheme),
		cmocka_unit_test(front_is_a_home_or_a_section),
		cmocka_unit_test(join_root_agrees_with_libxml2),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
