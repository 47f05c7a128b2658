/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for decode.c: each charset detection rule, the clean-up after
 * conversion, and expat's chunk sweep: every input is also decoded cut at
 * every byte and in 1..7-byte pieces and must come out the same.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "artparse.h"
#include "arena.h"
#include "buf.h"
#include "doc.h"
#include "decode.h"

#define S(s)	(s), sizeof(s) - 1
#define U(s)	(const unsigned char *)(s), sizeof(s) - 1

struct fx {
	struct ap_doc	 d;
	jmp_buf		 oom;
	bool		 live;
};

static int
setup(void **state)
{
	*state = calloc(1, sizeof(struct fx));
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	if (f->live)
		ap_arena_fini(&f->d.arena);
	free(f);
	return 0;
}

static int
decode(struct fx *f, const void *p, size_t n, const char *enc,
    enum ap_input in)
{
	if (f->live)
		ap_arena_fini(&f->d.arena);
	memset(&f->d, 0, sizeof(f->d));
	ap_arena_init(&f->d.arena, NULL);
	f->live = true;
	f->d.arena.oom = &f->oom;
	f->d.opts.encoding = enc;
	f->d.opts.input = in;
	if (setjmp(f->oom) != 0)
		fail_msg("out of memory");
	return ap_decode(&f->d, p, n);
}

/* Decoding succeeded with charset "enc" and gave "text". */
static void
expect(const struct fx *f, int rc, const char *enc, const char *text)
{
	assert_int_equal(rc, AP_OK);
	assert_string_equal(f->d.encoding, enc);
	assert_string_equal(f->d.text, text);
	assert_int_equal(f->d.textlen, strlen(text));
	assert_null(f->d.arena.cleanup);
}

static void
test_bom_utf8(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("\xef\xbb\xbf\xc3\x89t\xc3\xa9"), NULL, 0),
	    "UTF-8", "\xc3\x89t\xc3\xa9");
}

static void
test_bom_utf16le(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("\xff\xfe\xc9\0t\0\xe9\0"), NULL, 0),
	    "UTF-16LE", "\xc3\x89t\xc3\xa9");
}

static void
test_bom_utf16be(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("\xfe\xff\0\xc9\0t\0\xe9\x20\x19"), NULL, 0),
	    "UTF-16BE", "\xc3\x89t\xc3\xa9\xe2\x80\x99");
}

static void
test_valid_utf8(void **state)
{
	struct fx *f = *state;
	static const char in[] = "L\xe2\x80\x99\xc3\xa9t\xc3\xa9 \xc2\xab "
	    "\xc5\x93uvre \xc2\xbb \xe2\x82\xac \xf0\x9f\x98\x80";

	expect(f, decode(f, S(in), NULL, 0), "UTF-8", in);
}

static void
test_cp1252_fallback(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("L\x92\xe9t\xe9 \xab \x9cuvre \xbb : 5 \x80"),
	    NULL, 0), "windows-1252",
	    "L\xe2\x80\x99\xc3\xa9t\xc3\xa9 \xc2\xab \xc5\x93uvre \xc2\xbb : "
	    "5 \xe2\x82\xac");
}

static void
test_cp1252_undefined_bytes(void **state)
{
	struct fx *f = *state;

	/* Browsers map the holes of windows-1252 to C1 controls. */
	expect(f, decode(f, S("\xe9\x81\x8d\x8f\x90\x9d."), NULL, 0),
	    "windows-1252",
	    "\xc3\xa9\xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9d.");
}

static void
test_forced(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("caf\xc3\xa9"), "windows-1252", 0),
	    "windows-1252", "caf\xc3\x83\xc2\xa9");
	/* --encoding beats the BOM. */
	expect(f, decode(f, S("\xef\xbb\xbf\xe9"), "cp1252", 0),
	    "windows-1252", "\xc3\xaf\xc2\xbb\xc2\xbf\xc3\xa9");
	expect(f, decode(f, S("a\xff" "b"), "utf8", 0), "UTF-8",
	    "a\xef\xbf\xbd" "b");
	/* A BOM that matches is not text. */
	expect(f, decode(f, S("\xff\xfe" "A\0"), "utf-16le", 0), "UTF-16LE",
	    "A");
}

static void
test_forced_latin1_is_cp1252(void **state)
{
	struct fx *f = *state;
	static const char *const names[] = { "iso-8859-1", "ISO8859-1",
	    "latin1", "l1", "us-ascii", "ascii" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		expect(f, decode(f, S("\x80\x92"), names[i], 0),
		    "windows-1252", "\xe2\x82\xac\xe2\x80\x99");
}

static void
test_forced_latin9(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("5\xa4"), "iso-8859-15", 0), "ISO-8859-15",
	    "5\xe2\x82\xac");
	expect(f, decode(f, S("5\xa4"), "latin9", 0), "LATIN9",
	    "5\xe2\x82\xac");
}

static void
test_forced_unknown(void **state)
{
	struct fx *f = *state;

	assert_int_equal(decode(f, S("abc"), "x-no-such-charset", 0),
	    AP_EENCODING);
	assert_null(f->d.text);
	assert_null(f->d.arena.cleanup);
}

static void
test_meta_lies(void **state)
{
	struct fx *f = *state;
	static const char in[] = "<html><head><meta charset=\"iso-8859-1\">"
	    "</head><body>L\xe2\x80\x99\xc3\xa9t\xc3\xa9</body></html>";

	expect(f, decode(f, S(in), NULL, 0), "UTF-8", in);
}

static void
test_meta_prescan(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("<!DOCTYPE html><html><head>"
	    "<meta charset=\"iso-8859-15\"><title>5\xa4</title>"), NULL, 0),
	    "ISO-8859-15", "<!DOCTYPE html><html><head>"
	    "<meta charset=\"iso-8859-15\"><title>5\xe2\x82\xac</title>");
	expect(f, decode(f, S("<html><head><meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=ISO-8859-1\">l\x92\xe9t\xe9"),
	    NULL, AP_INPUT_HTML), "windows-1252",
	    "<html><head><meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=ISO-8859-1\">l\xe2\x80\x99\xc3\xa9t"
	    "\xc3\xa9");
	/* Declared UTF-8 but invalid, or unknown: windows-1252. */
	expect(f, decode(f, S("<meta charset=utf-8>\xe9"), NULL, 0),
	    "windows-1252", "<meta charset=utf-8>\xc3\xa9");
	expect(f, decode(f, S("<meta charset=x-klingon>\xe9"), NULL, 0),
	    "windows-1252", "<meta charset=x-klingon>\xc3\xa9");
	/* Text input never looks for <meta>. */
	expect(f, decode(f, S("<meta charset=latin9>\xa4"), NULL,
	    AP_INPUT_TEXT), "windows-1252", "<meta charset=latin9>\xc2\xa4");
}

static void
test_meta_in_head(void **state)
{
	/* A web archive's banner fills the first kilobyte; the page's own
	 * <meta> in the head still names its charset. */
	struct fx *f = *state;
	char page[1400], want[1400];
	size_t n;

	memset(page, ' ', 1100);
	memcpy(page, "<html><head><script>", 20);
	memcpy(page + 1080, "</script>", 9);
	n = 1100 + (size_t)snprintf(page + 1100, sizeof(page) - 1100,
	    "<meta charset=\"iso-8859-15\"></head><body>5\xa4</body>");
	memcpy(want, page, 1100);
	snprintf(want + 1100, sizeof(want) - 1100,
	    "<meta charset=\"iso-8859-15\"></head><body>5\xe2\x82\xac</body>");
	expect(f, decode(f, page, n, NULL, AP_INPUT_HTML), "ISO-8859-15", want);
}

static void
test_sniff(void **state)
{
	char big[1200];

	(void)state;
	assert_string_equal(ap_sniff_meta_charset(
	    U("<meta charset=\"ISO-8859-15\">")), "ISO-8859-15");
	assert_string_equal(ap_sniff_meta_charset(
	    U("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
	    "charset=iso-8859-1\">")), "windows-1252");
	assert_string_equal(ap_sniff_meta_charset(
	    U("<meta content='text/html;charset=\"latin9\"' "
	    "http-equiv='content-type'>")), "ISO-8859-15");
	assert_string_equal(ap_sniff_meta_charset(
	    U("<!-- <meta charset=koi8-r> --><meta charset=utf-8>")),
	    "UTF-8");
	assert_string_equal(ap_sniff_meta_charset(
	    U("<meta charset=\"utf-16le\">")), "UTF-8");
	assert_string_equal(ap_sniff_meta_charset(
	    U("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>")),
	    "ISO-8859-15");
	/* A content charset needs http-equiv. */
	assert_null(ap_sniff_meta_charset(
	    U("<meta content=\"text/html; charset=iso-8859-15\">")));
	assert_null(ap_sniff_meta_charset(
	    U("<a title='<meta charset=koi8-r>'>")));
	assert_null(ap_sniff_meta_charset(U("<meta charset=\"x-bogus\">")));
	assert_null(ap_sniff_meta_charset(U("<metal charset=latin9>")));
	memset(big, ' ', sizeof(big));
	memcpy(big + 1100, "<meta charset=latin9>", 21);
	assert_null(ap_sniff_meta_charset((unsigned char *)big, sizeof(big)));
	/* Past the prescan, the head is searched: up to <body>. */
	assert_string_equal(ap_sniff_head_charset((unsigned char *)big,
	    sizeof(big)), "ISO-8859-15");
	memcpy(big + 1000, "<BODY>", 6);
	assert_null(ap_sniff_head_charset((unsigned char *)big, sizeof(big)));
	memcpy(big + 900, "<meta charset=latin9>", 21);
	assert_string_equal(ap_sniff_meta_charset((unsigned char *)big,
	    sizeof(big)), "ISO-8859-15");
}

static void
test_utf8_strict(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char	*s;
		bool		 ok;
	} t[] = {
		{ "", true },
		{ "abc", true },
		{ "\xc3\xa9", true },
		{ "\xe0\xa0\x80", true },		/* U+0800 */
		{ "\xed\x9f\xbf", true },		/* U+D7FF */
		{ "\xee\x80\x80", true },		/* U+E000 */
		{ "\xf0\x90\x80\x80", true },		/* U+10000 */
		{ "\xf4\x8f\xbf\xbf", true },		/* U+10FFFF */
		{ "\xc0\xaf", false },			/* overlong / */
		{ "\xc1\xbf", false },
		{ "\xe0\x80\xaf", false },
		{ "\xe0\x9f\xbf", false },
		{ "\xf0\x80\x80\xaf", false },
		{ "\xf0\x8f\xbf\xbf", false },
		{ "\xed\xa0\x80", false },		/* U+D800 */
		{ "\xed\xbf\xbf", false },		/* U+DFFF */
		{ "\xf4\x90\x80\x80", false },		/* U+110000 */
		{ "\xf5\x80\x80\x80", false },
		{ "\xff", false },
		{ "\x80", false },
		{ "\xc3", false },			/* truncated */
		{ "\xe2\x82", false },
		{ "\xf0\x9f\x98", false },
		{ "\xe2\x82" "abcdefghijkl", false },
		{ "abcdefghijklmnop\xc3", false },
		{ "abcdefghijklmnop\xc3\xa9qrstuvwxyz", true },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (ap_utf8_valid((const unsigned char *)t[i].s,
		    strlen(t[i].s)) != t[i].ok)
			fail_msg("case %zu", i);
	}
	expect(f, decode(f, S("caf\xc0\xa9"), NULL, 0), "windows-1252",
	    "caf\xc3\x80\xc2\xa9");
	expect(f, decode(f, S("a\xed\xa0\x80"), NULL, 0), "windows-1252",
	    "a\xc3\xad\xc2\xa0\xe2\x82\xac");
}

static void
test_binary(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char	*s;
		size_t		 n;
	} t[] = {
		{ S("ab\0cd") },
		{ S("\x89PNG\r\n\x1a\n....") },
		{ S("GIF89a....") },
		{ S("\xff\xd8\xff\xe0....") },
		{ S("\x1f\x8b\x08....") },
		{ S("PK\x03\x04....") },
		{ S("%PDF-1.7\n....") },
		{ S("\xef\xbb\xbf" "a\0b") },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (decode(f, t[i].s, t[i].n, NULL, 0) != AP_EBINARY)
			fail_msg("case %zu", i);
	assert_int_equal(decode(f, S("ab\0cd"), "latin1", 0), AP_EBINARY);
	/* NUL bytes are normal in UTF-16. */
	expect(f, decode(f, S("\xff\xfe" "a\0b\0"), NULL, 0), "UTF-16LE",
	    "ab");
	expect(f, decode(f, S("a\0b\0"), "UTF-16LE", 0), "UTF-16LE", "ab");
}

/* A few NULs in a long page are dropped; a NUL share over 1/64 is binary. */
static void
test_stray_nuls(void **state)
{
	struct fx *f = *state;
	char page[1024];
	size_t i;

	for (i = 0; i < sizeof(page); i++)
		page[i] = (char)('a' + i % 26);
	memset(page + 100, 0, 11);
	assert_int_equal(decode(f, page, sizeof(page), NULL, 0), AP_OK);
	assert_int_equal(f->d.textlen, sizeof(page) - 11);
	assert_null(memchr(f->d.text, 0, f->d.textlen));
	memset(page + 200, 0, 6);	/* 17 > 1024 / 64 */
	assert_int_equal(decode(f, page, sizeof(page), NULL, 0), AP_EBINARY);
}

/* Soft hyphens, zero-width characters, stray BOMs and bidi overrides go;
 * NBSP, U+202F and the marks U+200E/U+200F stay. */
static void
test_invisible(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("doc\xc2\xadtrine z\xe2\x80\x8bw j\xe2\x81\xa0"
	    "o b\xef\xbb\xbfm \xe2\x80\xaer\xe2\x80\xac \xe2\x81\xa6i"
	    "\xe2\x81\xa9"), NULL, 0), "UTF-8", "doctrine zw jo bm r i");
	expect(f, decode(f, S("a\xc2\xa0" "b\xe2\x80\xaf" "c\xe2\x80\x8e"
	    "d\xe2\x80\x8f" "e\xc2\xab\xe2\x80\x99"), NULL, 0), "UTF-8",
	    "a\xc2\xa0" "b\xe2\x80\xaf" "c\xe2\x80\x8e" "d\xe2\x80\x8f"
	    "e\xc2\xab\xe2\x80\x99");
	/* windows-1252 0xAD is the soft hyphen too. */
	expect(f, decode(f, S("doc\xadtrine \xe9"), NULL, 0), "windows-1252",
	    "doctrine \xc3\xa9");
}

static void
test_empty(void **state)
{
	struct fx *f = *state;

	assert_int_equal(decode(f, "", 0, NULL, 0), AP_EEMPTY);
	assert_int_equal(decode(f, S(" \t\r\n\xc2\xa0 \xe2\x80\xaf\n"),
	    NULL, 0), AP_EEMPTY);
	assert_int_equal(decode(f, S("\x01\x02\x7f \xa0"), NULL, 0),
	    AP_EEMPTY);
	assert_int_equal(decode(f, S("\xef\xbb\xbf"), NULL, 0), AP_EEMPTY);
	assert_int_equal(decode(f, S("\xff\xfe \0\n\0"), NULL, 0),
	    AP_EEMPTY);
	assert_null(f->d.arena.cleanup);
	expect(f, decode(f, S(" \n.\n"), NULL, 0), "UTF-8", " \n.\n");
}

static void
test_newlines_and_controls(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("a\r\nb\rc\n\r\nd\r\r\ne\r\n\nf\r"), NULL,
	    0), "UTF-8", "a\nb\nc\n\nd\n\ne\n\nf\n");
	expect(f, decode(f, S("a\x01" "b\x7f" "c\td\x1b\x0c"), NULL, 0),
	    "UTF-8", "abc\td");
	expect(f, decode(f, S("\xe9\r\n\x92\r"), NULL, 0), "windows-1252",
	    "\xc3\xa9\n\xe2\x80\x99\n");
	/* Inside long runs of plain text, read eight bytes at a time: a
	 * control or a DEL at any place of a word, a ~ and a space kept. */
	expect(f, decode(f, S("abcdefgh\x7fijklmnopq\x1frstuvwx~ yz012345"
	    "6789ABCD\rEFGHIJKL\x01"), NULL, 0), "UTF-8",
	    "abcdefghijklmnopqrstuvwx~ yz0123456789ABCD\nEFGHIJKL");
}

static void
test_nfc(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("Cafe\xcc\x81"), NULL, 0), "UTF-8",
	    "Caf\xc3\xa9");
	expect(f, decode(f, S("A\xcc\x8a" "e\xcc\x81 \xef\xac\x81"), NULL, 0),
	    "UTF-8", "\xc3\x85\xc3\xa9 \xef\xac\x81");
	/* Canonical order of marks: dot below (220) before acute (230). */
	expect(f, decode(f, S("q\xcc\x81\xcc\xa3"), NULL, 0), "UTF-8",
	    "q\xcc\xa3\xcc\x81");
}

static void
test_nbsp_kept(void **state)
{
	struct fx *f = *state;

	expect(f, decode(f, S("10\xc2\xa0%\xe2\x80\xaf;"), NULL, 0), "UTF-8",
	    "10\xc2\xa0%\xe2\x80\xaf;");
	/* Also when the segment goes through utf8proc. */
	expect(f, decode(f, S("e\xcc\x81\xc2\xa0\xe2\x80\xaf:"), NULL, 0),
	    "UTF-8", "\xc3\xa9\xc2\xa0\xe2\x80\xaf:");
	expect(f, decode(f, S("a\xa0" "b"), NULL, 0), "windows-1252",
	    "a\xc2\xa0" "b");
}

/*
 * Decode in[0..n) with an ap_decoder for "cs": first "first" bytes, then
 * "step" bytes at a time (0: the rest at once).  Returns the output length.
 */
static size_t
split_decode(const char *cs, const unsigned char *in, size_t n, size_t first,
    size_t step, char *res, size_t cap)
{
	struct ap_arena a;
	struct ap_decoder dec;
	struct ap_buf out;
	jmp_buf oom;
	size_t off, k, len;

	ap_arena_init(&a, NULL);
	a.oom = &oom;
	if (setjmp(oom) != 0)
		fail_msg("out of memory");
	assert_int_equal(ap_decoder_open(&dec, &a, cs), AP_OK);
	ap_buf_init(&out, &a);
	ap_decoder_feed(&dec, in, first, &out);
	for (off = first; off < n; off += k) {
		k = step == 0 || n - off < step ? n - off : step;
		ap_decoder_feed(&dec, in + off, k, &out);
	}
	ap_decoder_finish(&dec, &out);
	ap_decoder_close(&dec);
	assert_null(a.cleanup);
	len = out.len;
	assert_true(len <= cap);
	memcpy(res, out.p, len);
	ap_arena_fini(&a);
	return len;
}

static void
sweep(const char *cs, const char *in, size_t n, const char *want,
    size_t wantlen)
{
	char ref[512], got[512];
	size_t reflen, len, i;

	reflen = split_decode(cs, (const unsigned char *)in, n, n, 0, ref,
	    sizeof(ref));
	assert_int_equal(reflen, wantlen);
	assert_memory_equal(ref, want, wantlen);
	for (i = 0; i <= n; i++) {
		len = split_decode(cs, (const unsigned char *)in, n, i, 0, got,
		    sizeof(got));
		if (len != reflen || memcmp(got, ref, len) != 0)
			fail_msg("%s: cut at %zu", cs, i);
	}
	for (i = 1; i <= 7; i++) {
		len = split_decode(cs, (const unsigned char *)in, n, 0, i, got,
		    sizeof(got));
		if (len != reflen || memcmp(got, ref, len) != 0)
			fail_msg("%s: %zu-byte chunks", cs, i);
	}
}

static void
test_sweep_cp1252(void **state)
{
	(void)state;
	sweep("windows-1252",
	    S("L\x92\xe9t\xe9 \xab \x9cuvre \xbb co\xfbte 5\xa0\x80 "
	    "\x81\x8d\x8f\x90\x9d fin"),
	    S("L\xe2\x80\x99\xc3\xa9t\xc3\xa9 \xc2\xab \xc5\x93uvre \xc2\xbb "
	    "co\xc3\xbbte 5\xc2\xa0\xe2\x82\xac "
	    "\xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9d fin"));
}

static void
test_sweep_utf16le(void **state)
{
	(void)state;
	/*
	 * É t ’ U+1F600, a lone low surrogate, a, a lone high surrogate, b,
	 * and an odd byte at the end.
	 */
	sweep("UTF-16LE",
	    S("\xc9\0t\0\x19\x20\x3d\xd8\x00\xde\x00\xdc" "a\0\x3d\xd8" "b\0"
	    "c"),
	    S("\xc3\x89t\xe2\x80\x99\xf0\x9f\x98\x80\xef\xbf\xbd" "a"
	    "\xef\xbf\xbd" "b\xef\xbf\xbd"));
}

static void
test_sweep_utf8(void **state)
{
	(void)state;
	sweep("UTF-8",
	    S("\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80|\xc0\xaf|\xe2\x82" "A|"
	    "\xed\xa0\x80|\xf4\x90\x80\x80|\x80|ok\xf0\x9f\x98"),
	    S("\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80|"
	    "\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd" "A|"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd|"
	    "ok\xef\xbf\xbd"));
}

static void
test_e2big(void **state)
{
	static unsigned char in[4000];
	static char out[12000], want[12000];
	size_t i;

	(void)state;
	memset(in, 0x80, sizeof(in));
	for (i = 0; i < sizeof(want); i += 3)
		memcpy(want + i, "\xe2\x82\xac", 3);
	assert_int_equal(split_decode("windows-1252", in, sizeof(in),
	    sizeof(in), 0, out, sizeof(out)), sizeof(out));
	assert_memory_equal(out, want, sizeof(want));
}

/* Inputs larger than ap_decode()'s 64 KiB chunks, cut at awkward places. */
static void
test_large(void **state)
{
	struct fx *f = *state;
	const size_t chunk = 64 * 1024, n = 3 * chunk + 100;
	unsigned char *in;
	char *want;
	size_t i, w;

	in = malloc(n);
	want = malloc(n);
	assert_non_null(in);
	assert_non_null(want);
	for (i = 0; i < n; i++)
		in[i] = "abc def\n"[i % 8];
	in[chunk - 1] = 'e';		/* e + U+0301 across the first cut */
	in[chunk] = 0xcc;
	in[chunk + 1] = 0x81;
	in[2 * chunk - 1] = '\r';	/* CRLF across the second */
	in[2 * chunk] = '\n';
	in[3 * chunk - 1] = 0xe2;	/* U+200B across the third */
	in[3 * chunk] = 0x80;
	in[3 * chunk + 1] = 0x8b;
	for (i = w = 0; i < n; i++) {
		if (i == 2 * chunk - 1)
			continue;
		if (i == 3 * chunk - 1) {
			i += 2;
			continue;
		}
		if (i == chunk - 1) {
			memcpy(want + w, "\xc3\xa9", 2);
			w += 2;
			i += 2;
			continue;
		}
		want[w++] = (char)in[i];
	}
	want[w] = '\0';
	expect(f, decode(f, in, n, NULL, 0), "UTF-8", want);

	/* UTF-16LE: a surrogate pair across the first cut, after the BOM. */
	in[0] = 0xff;
	in[1] = 0xfe;
	for (i = 2, w = 0; i < chunk; i += 2) {
		in[i] = 'a';
		in[i + 1] = 0;
		want[w++] = 'a';
	}
	memcpy(in + chunk, "\x3d\xd8\x00\xde", 4);
	memcpy(want + w, "\xf0\x9f\x98\x80", 4);
	w += 4;
	for (i = chunk + 4; i < n; i += 2) {
		in[i] = 'b';
		in[i + 1] = 0;
		want[w++] = 'b';
	}
	want[w] = '\0';
	expect(f, decode(f, in, n, NULL, 0), "UTF-16LE", want);
	free(in);
	free(want);
}

/* ap_decode() of in[0..len) must be the NFC of the whole input. */
static void
expect_nfc(struct fx *f, const char *in, size_t len)
{
	utf8proc_uint8_t *want;
	int rc;

	want = utf8proc_NFC((const utf8proc_uint8_t *)in);
	assert_non_null(want);
	rc = decode(f, in, len, NULL, 0);
	if (rc != AP_OK || f->d.textlen != strlen((char *)want) ||
	    memcmp(f->d.text, want, f->d.textlen) != 0) {
		free(want);
		fail_msg("not the NFC of the whole input");
	}
	free(want);
}

/*
 * ap_decode() composes the text in pieces, whatever falls on the cuts:
 * long runs without a space, marks after letters, and scripts where no
 * cut is safe at all (conjoining jamo) make wrong cuts likely.
 */
static void
test_nfc_pieces(void **state)
{
	struct fx *f = *state;
	static const char *const tok[] = {
		"xe\xcc\x81", "q\xcc\x81\xcc\xa3", "A\xcc\x8a", "\xe2\x80\x99",
		"\xef\xac\x81", "\xe1\x84\x80\xe1\x85\xa1", "\xe2\x84\xab",
		"o\xcc\x88\xcc\x81", "\xc3\xa9", "e", " ", "<\xcc\xb8",
		"\xe4\xb8\xad", "\xe4\xb8\xad\xcc\x81", "\xce\xb1\xcc\x81"
	};
	const size_t ntok = sizeof(tok) / sizeof(tok[0]);
	const size_t n = 300 * 1024;
	char *in;
	uint32_t seed = 42;
	size_t len = 0, k;

	in = malloc(n + 16);
	assert_non_null(in);
	while (len < n) {
		seed = seed * 1103515245u + 12345u;
		k = (seed >> 16) % 64;
		/* Mostly a mark after a letter, rarely a space. */
		k = k < 32 ? 0 : (k - 32) % ntok;
		memcpy(in + len, tok[k], strlen(tok[k]));
		len += strlen(tok[k]);
	}
	in[len] = '\0';
	expect_nfc(f, in, len);
	/* Hangul L V T jamo: one syllable each, but no cut anywhere. */
	for (len = 0; len < n; len += 9)
		memcpy(in + len, "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 9);
	in[len] = '\0';
	expect_nfc(f, in, len);
	free(in);
}

/* An allocator that fails from the "left"-th call on. */
static size_t left;

static void *
fail_malloc(size_t n, void *arg)
{
	(void)arg;
	if (left == 0)
		return NULL;
	left--;
	return malloc(n);
}

static void *
fail_realloc(void *p, size_t n, void *arg)
{
	(void)arg;
	if (left == 0)
		return NULL;
	left--;
	return realloc(p, n);
}

static void
std_free(void *p, void *arg)
{
	(void)arg;
	free(p);
}

static const struct ap_allocator failing = {
	fail_malloc, fail_realloc, std_free, NULL
};

/*
 * Out of memory while iconv is open must not leak the descriptor: it sits
 * in the arena's cleanup slot (valgrind and LeakSanitizer check the rest).
 */
static void
test_oom(void **state)
{
	static unsigned char in[200 * 1024];
	struct ap_doc *volatile d = NULL;
	volatile size_t i;
	volatile bool open_at_jump = false, ok = false;
	jmp_buf oom;

	(void)state;
	for (i = 0; i < sizeof(in); i++)
		in[i] = "\xe9t\xe9 \x80 e\r\n"[i % 9];
	for (i = 0; !ok && i < 100; i++) {
		d = calloc(1, sizeof(*d));
		assert_non_null(d);
		ap_arena_init(&d->arena, &failing);
		d->arena.oom = &oom;
		left = i;
		if (setjmp(oom) == 0) {
			assert_int_equal(ap_decode(d, in, sizeof(in)), AP_OK);
			ok = true;
		} else if (d->arena.cleanup != NULL)
			open_at_jump = true;
		ap_arena_fini(&d->arena);
		assert_null(d->arena.cleanup);
		free(d);
	}
	assert_true(ok);
	assert_true(open_at_jump);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
		T(test_bom_utf8),
		T(test_bom_utf16le),
		T(test_bom_utf16be),
		T(test_valid_utf8),
		T(test_cp1252_fallback),
		T(test_cp1252_undefined_bytes),
		T(test_forced),
		T(test_forced_latin1_is_cp1252),
		T(test_forced_latin9),
		T(test_forced_unknown),
		T(test_meta_lies),
		T(test_meta_prescan),
		T(test_meta_in_head),
		T(test_sniff),
		T(test_utf8_strict),
		T(test_binary),
		T(test_stray_nuls),
		T(test_invisible),
		T(test_empty),
		T(test_newlines_and_controls),
		T(test_nfc),
		T(test_nbsp_kept),
		T(test_nfc_pieces),
		T(test_sweep_cp1252),
		T(test_sweep_utf16le),
		T(test_sweep_utf8),
		T(test_e2big),
		T(test_large),
		T(test_oom),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
