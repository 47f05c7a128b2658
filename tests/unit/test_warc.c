/* SPDX-License-Identifier: ISC */
/*
 * The WARC and gzip reader: records kept and skipped by reason, strict
 * lengths, offsets of gzip members, broken records followed by the next
 * one, the HTTP response (chunked, gzip), media types, the inflation
 * bound, and the input sniffer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "gz.h"
#include "sniff.h"
#include "warc.h"

#define PAGE	"<html><body><p>Bonjour</p></body></html>"

/* A growing byte string. */
struct bytes {
	unsigned char	*p;
	size_t		 n;
};

static void
put(struct bytes *b, const void *p, size_t n)
{
	b->p = realloc(b->p, b->n + n + 1);
	assert_non_null(b->p);
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void
puts_(struct bytes *b, const char *s)
{
	put(b, s, strlen(s));
}

/* A WARC/1.1 record of type "type" with "block"; "len" NULL: its length. */
static void
record(struct bytes *b, const char *type, const char *ctype,
    const char *block, const char *len)
{
	char head[512];

	snprintf(head, sizeof(head), "WARC/1.1\r\nWARC-Type: %s\r\n"
	    "WARC-Target-URI: <https://x.example/%s>\r\n"
	    "WARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n"
	    "Content-Type: %s\r\nContent-Length: ", type, type, type, ctype);
	puts_(b, head);
	if (len != NULL)
		puts_(b, len);
	else {
		snprintf(head, sizeof(head), "%zu", strlen(block));
		puts_(b, head);
	}
	puts_(b, "\r\n\r\n");
	puts_(b, block);
	puts_(b, "\r\n\r\n");
}

static void
gzip_into(struct bytes *out, const unsigned char *p, size_t n)
{
	z_stream z;
	unsigned char buf[65536];

	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	do {
		z.next_out = buf;
		z.avail_out = sizeof(buf);
		deflate(&z, Z_FINISH);
		put(out, buf, sizeof(buf) - z.avail_out);
	} while (z.avail_out == 0);
	deflateEnd(&z);
}

/* A reader over the bytes b (through a temporary file). */
struct rd {
	FILE			*fp;
	struct ap_gz		*g;
	struct ap_warc		 w;
	struct ap_warc_rec	 r;
};

static void
rd_open(struct rd *rd, const struct bytes *b, size_t max)
{
	memset(rd, 0, sizeof(*rd));
	rd->fp = tmpfile();
	assert_non_null(rd->fp);
	assert_int_equal(fwrite(b->p, 1, b->n, rd->fp), b->n);
	fflush(rd->fp);
	assert_int_equal(lseek(fileno(rd->fp), 0, SEEK_SET), 0);
	rd->g = malloc(sizeof(*rd->g));
	assert_non_null(rd->g);
	assert_int_equal(ap_gz_open(rd->g, fileno(rd->fp)), 0);
	ap_warc_init(&rd->w, rd->g, max);
}

static void
rd_close(struct rd *rd)
{
	ap_warc_rec_free(&rd->r);
	ap_gz_close(rd->g);
	free(rd->g);
	fclose(rd->fp);
}

static void
expect_skip(struct rd *rd, enum ap_warc_skip why)
{
	assert_int_equal(ap_warc_next(&rd->w, &rd->r), 1);
	assert_int_equal(rd->r.what, AP_WARC_SKIP);
	assert_int_equal(rd->r.skip, why);
}

static void
expect_page(struct rd *rd, const char *uri_end)
{
	assert_int_equal(ap_warc_next(&rd->w, &rd->r), 1);
	assert_int_equal(rd->r.what, AP_WARC_CONVERT);
	assert_int_equal(rd->r.len, strlen(PAGE));
	assert_memory_equal(rd->r.payload, PAGE, strlen(PAGE));
	assert_non_null(strstr(rd->r.uri, uri_end));
}

static void
expect_bad(struct rd *rd, const char *why)
{
	assert_int_equal(ap_warc_next(&rd->w, &rd->r), 1);
	assert_int_equal(rd->r.what, AP_WARC_BAD);
	if (strstr(rd->r.why, why) == NULL)
		fail_msg("why '%s', wanted '%s'", rd->r.why, why);
}

static const char resp200[] = "HTTP/1.1 200 OK\r\n"
    "Content-Type: text/html; charset=ISO-8859-1\r\n\r\n" PAGE;
static const char H[] = "application/http; msgtype=response";

static void
response_is_converted_with_its_fields(void **state)
{
	struct bytes b = { NULL, 0 };
	struct rd rd;

	(void)state;
	record(&b, "response", H, resp200, NULL);
	rd_open(&rd, &b, 1 << 20);
	expect_page(&rd, "/response");
	assert_string_equal(rd.r.uri, "https://x.example/response");
	assert_string_equal(rd.r.id, "urn:uuid:response");
	assert_string_equal(rd.r.date, "2024-01-02T03:04:05Z");
	assert_string_equal(rd.r.charset, "ISO-8859-1");
	assert_int_equal(rd.r.offset, 0);
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	rd_close(&rd);
	free(b.p);
}

static void
other_records_are_skipped_by_reason(void **state)
{
	struct bytes b = { NULL, 0 };
	struct rd rd;

	(void)state;
	record(&b, "warcinfo", "application/warc-fields", "a: b\r\n", NULL);
	record(&b, "request", "application/http; msgtype=request",
	    "GET / HTTP/1.1\r\n\r\n", NULL);
	record(&b, "metadata", "application/warc-fields", "a: b\r\n", NULL);
	record(&b, "revisit", H, "HTTP/1.1 200 OK\r\n\r\n", NULL);
	record(&b, "response", H, "HTTP/1.1 302 Found\r\nLocation: /\r\n"
	    "Content-Type: text/html\r\n\r\n", NULL);
	record(&b, "response", H, "HTTP/1.0 500 Oops\r\nContent-Type: "
	    "text/html\r\n\r\n" PAGE, NULL);
	record(&b, "response", H, "HTTP/1.1 200 OK\r\nContent-Type: "
	    "application/pdf\r\n\r\n%PDF-1.4", NULL);
	record(&b, "response", H, "HTTP/1.1 200 OK\r\n\r\n" PAGE, NULL);
	record(&b, "resource", "image/png", "\x89PNG", NULL);
	record(&b, "conversion", "text/plain", "x", NULL);
	record(&b, "resource", "application/xhtml+xml", PAGE, NULL);
	rd_open(&rd, &b, 1 << 20);
	expect_skip(&rd, AP_SKIP_WARCINFO);
	expect_skip(&rd, AP_SKIP_REQUEST);
	expect_skip(&rd, AP_SKIP_METADATA);
	expect_skip(&rd, AP_SKIP_REVISIT);
	expect_skip(&rd, AP_SKIP_REDIRECT);
	expect_skip(&rd, AP_SKIP_STATUS);
	expect_skip(&rd, AP_SKIP_NOT_HTML);
	expect_skip(&rd, AP_SKIP_NOT_HTML);	/* no Content-Type */
	expect_skip(&rd, AP_SKIP_NOT_HTML);
	expect_skip(&rd, AP_SKIP_OTHER);
	expect_page(&rd, "/resource");
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	assert_string_equal(ap_warc_skip_name(AP_SKIP_STATUS), "non-200");
	rd_close(&rd);
	free(b.p);
}

static void
bad_lengths_are_reported_and_the_next_record_read(void **state)
{
	static const char *const bad[] = { "-5", "+5", "abc", "5x", "",
	    "1234567890123456789012", NULL };
	struct bytes b = { NULL, 0 };
	struct rd rd;
	size_t i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++)
		record(&b, "response", H, resp200, bad[i]);
	record(&b, "response", H, resp200, NULL);
	rd_open(&rd, &b, 1 << 20);
	for (i = 0; bad[i] != NULL; i++)
		expect_bad(&rd, "invalid Content-Length");
	expect_page(&rd, "/response");
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	rd_close(&rd);
	free(b.p);
}

static void
a_record_over_the_limit_is_refused(void **state)
{
	struct bytes b = { NULL, 0 };
	struct rd rd;

	(void)state;
	record(&b, "response", H, resp200, NULL);
	rd_open(&rd, &b, 20);
	expect_bad(&rd, "record too large");
	assert_null(rd.r.payload);
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	rd_close(&rd);
	free(b.p);
}

static void
a_long_header_line_is_refused(void **state)
{
	struct bytes b = { NULL, 0 };
	struct rd rd;
	char *junk = malloc(100000);

	(void)state;
	assert_non_null(junk);
	memset(junk, 'x', 99999);
	junk[99999] = '\0';
	puts_(&b, "WARC/1.0\r\nX-Junk: ");
	puts_(&b, junk);
	puts_(&b, "\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
	record(&b, "response", H, resp200, NULL);
	rd_open(&rd, &b, 1 << 20);
	expect_bad(&rd, "header line longer than");
	expect_page(&rd, "/response");
	rd_close(&rd);
	free(junk);
	free(b.p);
}

static void
draft_versions_are_read(void **state)
{
	struct bytes b = { NULL, 0 };
	struct rd rd;

	(void)state;
	puts_(&b, "WARC/0.18\r\nWARC-Type: resource\r\nContent-Type: "
	    "text/html\r\nWARC-Target-URI: http://x.example/resource\r\n"
	    "Content-Length: 40\r\n\r\n" PAGE "\r\n\r\n");
	puts_(&b, "WARC/2.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
	rd_open(&rd, &b, 1 << 20);
	expect_page(&rd, "/resource");
	expect_bad(&rd, "not a WARC record");
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	rd_close(&rd);
	free(b.p);
}

static void
a_missing_terminator_is_reported(void **state)
{
	struct bytes b = { NULL, 0 };
	struct rd rd;

	(void)state;
	record(&b, "resource", "text/html", PAGE, "10");
	record(&b, "response", H, resp200, NULL);
	rd_open(&rd, &b, 1 << 20);
	expect_bad(&rd, "not followed by CR LF CR LF");
	expect_page(&rd, "/response");
	rd_close(&rd);
	free(b.p);
}

static void
members_give_offsets_and_truncation_is_reported(void **state)
{
	struct bytes r1 = { NULL, 0 }, r2 = { NULL, 0 }, z = { NULL, 0 };
	struct rd rd;
	size_t second;

	(void)state;
	record(&r1, "warcinfo", "application/warc-fields", "a: b\r\n", NULL);
	record(&r2, "response", H, resp200, NULL);
	gzip_into(&z, r1.p, r1.n);
	second = z.n;
	gzip_into(&z, r2.p, r2.n);
	gzip_into(&z, r2.p, r2.n);
	rd_open(&rd, &z, 1 << 20);
	expect_skip(&rd, AP_SKIP_WARCINFO);
	assert_int_equal(rd.r.offset, 0);
	expect_page(&rd, "/response");
	assert_int_equal(rd.r.offset, second);
	expect_page(&rd, "/response");
	assert_int_equal(rd.r.offset, z.n - (z.n - second) / 2);
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	rd_close(&rd);

	z.n -= 10;		/* the last member loses its end */
	rd_open(&rd, &z, 1 << 20);
	expect_skip(&rd, AP_SKIP_WARCINFO);
	expect_page(&rd, "/response");
	expect_bad(&rd, "truncated gzip member");
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	rd_close(&rd);
	free(r1.p);
	free(r2.p);
	free(z.p);
}

static void
a_corrupt_member_is_left_for_the_next(void **state)
{
	struct bytes r = { NULL, 0 }, z = { NULL, 0 };
	struct rd rd;
	size_t second;

	(void)state;
	record(&r, "response", H, resp200, NULL);
	gzip_into(&z, r.p, r.n);
	second = z.n;
	gzip_into(&z, r.p, r.n);
	gzip_into(&z, r.p, r.n);
	memset(z.p + second + 12, 0xff, 40);	/* inside the deflate data */
	rd_open(&rd, &z, 1 << 20);
	expect_page(&rd, "/response");
	expect_bad(&rd, "corrupt gzip data");
	expect_page(&rd, "/response");
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	rd_close(&rd);
	free(r.p);
	free(z.p);
}

static void
whole_file_gzip_gives_inflated_offsets(void **state)
{
	struct bytes r = { NULL, 0 }, z = { NULL, 0 };
	struct rd rd;
	size_t first;

	(void)state;
	record(&r, "response", H, resp200, NULL);
	first = r.n;
	record(&r, "response", H, resp200, NULL);
	gzip_into(&z, r.p, r.n);
	rd_open(&rd, &z, 1 << 20);
	expect_page(&rd, "/response");
	assert_int_equal(rd.r.offset, 0);
	expect_page(&rd, "/response");
	assert_int_equal(rd.r.offset, first);
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	rd_close(&rd);
	free(r.p);
	free(z.p);
}

static void
chunked_and_gzip_payload_is_decoded(void **state)
{
	struct bytes z = { NULL, 0 }, h = { NULL, 0 };
	unsigned char *payload;
	char cs[16], why[128], line[32];
	size_t len, half;
	int status;
	bool html;

	(void)state;
	gzip_into(&z, (const unsigned char *)PAGE, strlen(PAGE));
	puts_(&h, "HTTP/1.1 200 OK\r\nContent-Type: application/xhtml+xml;"
	    " charset=\"windows-1252\"\r\nTransfer-Encoding: chunked\r\n"
	    "Content-Encoding: gzip\r\n\r\n");
	half = z.n / 2;
	snprintf(line, sizeof(line), "%zx;name=x\r\n", half);
	puts_(&h, line);
	put(&h, z.p, half);
	snprintf(line, sizeof(line), "\r\n%zX\r\n", z.n - half);
	puts_(&h, line);
	put(&h, z.p + half, z.n - half);
	puts_(&h, "\r\n0\r\nTrailer: x\r\n\r\n");
	assert_int_equal(ap_http_response(h.p, h.n, 1 << 20, &status, &html,
	    cs, sizeof(cs), &payload, &len, why, sizeof(why)), 0);
	assert_int_equal(status, 200);
	assert_true(html);
	assert_string_equal(cs, "windows-1252");
	assert_int_equal(len, strlen(PAGE));
	assert_memory_equal(payload, PAGE, len);
	free(payload);
	/* Past the bound: refused, not inflated. */
	assert_int_equal(ap_http_response(h.p, h.n, 10, &status, &html,
	    cs, sizeof(cs), &payload, &len, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "inflates past 10 bytes"));
	/* A chunk longer than what follows. */
	h.n -= 20;
	assert_int_equal(ap_http_response(h.p, h.n, 1 << 20, &status, &html,
	    cs, sizeof(cs), &payload, &len, why, sizeof(why)), -1);
	assert_string_equal(why, "malformed chunked HTTP body");
	free(h.p);
	free(z.p);
}

/* ClueWeb09 keeps "Content-Encoding: gzip" over a payload stored decoded. */
static void
a_decoded_payload_under_a_gzip_header_stays(void **state)
{
	static const char r[] = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\n"
	    "Content-Type: text/html; charset=EUC-JP\n\n" PAGE;
	unsigned char *payload;
	char cs[16], why[128];
	size_t len;
	int status;
	bool html;

	(void)state;
	assert_int_equal(ap_http_response((const unsigned char *)r,
	    strlen(r), 1 << 20, &status, &html, cs, sizeof(cs), &payload, &len,
	    why, sizeof(why)), 0);
	assert_string_equal(cs, "EUC-JP");
	assert_int_equal(len, strlen(PAGE));
	assert_memory_equal(payload, PAGE, len);
	free(payload);
}

/*
 * A page of n bytes that deflate hardly shrinks (xorshift letters), so
 * that members are as long in the file as inflated.
 */
static char *
noisy_page(size_t n, unsigned seed)
{
	char *p = malloc(n + 1);
	unsigned x = seed * 2654435761u + 1;
	size_t i;

	assert_non_null(p);
	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		p[i] = (char)('a' + x % 26);
	}
	memcpy(p, "<p>", 3);
	p[n] = '\0';
	return p;
}

/*
 * Members inflated at once (libdeflate) or streamed (zlib): whole in the
 * read-ahead window or across its end, larger than the window, larger
 * than the inflated bound, among small ones.  Each payload comes out
 * whole with its member's offset, and a member over --max-size is
 * refused without losing the next one.
 */
static void
members_of_every_size_come_out_whole(void **state)
{
	static const size_t size[] = { 100, 300000, 700000, 40, 1500000,
	    (size_t)AP_GZ_WHOLE + 4096, 200, 9000000, 64 };
	enum { N = sizeof(size) / sizeof(size[0]) };
	struct bytes z = { NULL, 0 };
	size_t off[N], i, max = 6u << 20;
	char *page[N], hdr[128];
	struct rd rd;

	(void)state;
	for (i = 0; i < N; i++) {
		struct bytes r = { NULL, 0 }, http = { NULL, 0 };

		page[i] = noisy_page(size[i], (unsigned)i);
		snprintf(hdr, sizeof(hdr), "HTTP/1.1 200 OK\r\nContent-Type: "
		    "text/html\r\nContent-Length: %zu\r\n\r\n", size[i]);
		puts_(&http, hdr);
		put(&http, page[i], size[i]);
		http.p[http.n] = '\0';
		record(&r, "response", H, (const char *)http.p, NULL);
		off[i] = z.n;
		gzip_into(&z, r.p, r.n);
		free(r.p);
		free(http.p);
	}
	rd_open(&rd, &z, max);
	for (i = 0; i < N; i++) {
		assert_int_equal(ap_warc_next(&rd.w, &rd.r), 1);
		assert_int_equal(rd.r.offset, off[i]);
		if (size[i] > max) {
			assert_int_equal(rd.r.what, AP_WARC_BAD);
			continue;
		}
		assert_int_equal(rd.r.what, AP_WARC_CONVERT);
		assert_int_equal(rd.r.len, size[i]);
		assert_memory_equal(rd.r.payload, page[i], size[i]);
	}
	assert_int_equal(ap_warc_next(&rd.w, &rd.r), 0);
	rd_close(&rd);
	for (i = 0; i < N; i++)
		free(page[i]);
	free(z.p);
}

static void
deflate_bomb_stops_at_the_bound(void **state)
{
	unsigned char *zeros = calloc(1, 10 << 20), *out = NULL;
	unsigned char *c;
	uLongf cn = compressBound(10 << 20);
	size_t n;

	(void)state;
	c = malloc(cn);
	assert_non_null(zeros);
	assert_non_null(c);
	assert_int_equal(compress(c, &cn, zeros, 10 << 20), Z_OK);
	assert_int_equal(ap_gz_inflate(c, cn, false, 1 << 20, &out, &n), -2);
	assert_null(out);
	assert_int_equal(ap_gz_inflate(c, cn, false, 10 << 20, &out, &n), 0);
	assert_int_equal(n, 10 << 20);
	free(out);
	assert_int_equal(ap_gz_inflate(c, cn / 2, false, 10 << 20, &out, &n),
	    -1);
	free(c);
	free(zeros);
}

static void
media_types(void **state)
{
	char cs[8];

	(void)state;
	assert_true(ap_media_html("TEXT/HTML ; Charset=UTF-8", 25, cs,
	    sizeof(cs)));
	assert_string_equal(cs, "UTF-8");
	assert_true(ap_media_html("text/html", 9, cs, sizeof(cs)));
	assert_string_equal(cs, "");
	assert_false(ap_media_html("text/htmlx", 10, cs, sizeof(cs)));
	assert_false(ap_media_html("text/plain; charset=x", 21, cs,
	    sizeof(cs)));
	/* Truncated to the room, never past it. */
	assert_true(ap_media_html("text/html;charset=ISO-8859-15", 29, cs,
	    sizeof(cs)));
	assert_string_equal(cs, "ISO-885");
}

static void
sniffer(void **state)
{
	static const unsigned char gz[] = { 0x1f, 0x8b, 8, 0 };
	static const unsigned char bin[] = { 'a', 1, 'b' };

	(void)state;
	assert_int_equal(ap_sniff(gz, sizeof(gz)), AP_SNIFF_GZIP);
	assert_int_equal(ap_sniff((const unsigned char *)"WARC/1.0\r\n", 10),
	    AP_SNIFF_WARC);
	assert_int_equal(ap_sniff((const unsigned char *)"WARC/2.0\r\n", 10),
	    AP_SNIFF_TEXT);
	assert_int_equal(ap_sniff((const unsigned char *)"x <P>y", 6),
	    AP_SNIFF_HTML);
	assert_int_equal(ap_sniff((const unsigned char *)"Le maire", 8),
	    AP_SNIFF_TEXT);
	assert_int_equal(ap_sniff((const unsigned char *)"%PDF-1.7", 8),
	    AP_SNIFF_BINARY);
	assert_int_equal(ap_sniff(bin, sizeof(bin)), AP_SNIFF_BINARY);
	assert_true(ap_sniff_markup((const unsigned char *)"<!DOCTYPE html>",
	    15));
	assert_false(ap_sniff_markup((const unsigned char *)"a < b", 5));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(response_is_converted_with_its_fields),
		cmocka_unit_test(other_records_are_skipped_by_reason),
		cmocka_unit_test(bad_lengths_are_reported_and_the_next_record_read),
		cmocka_unit_test(a_record_over_the_limit_is_refused),
		cmocka_unit_test(a_long_header_line_is_refused),
		cmocka_unit_test(draft_versions_are_read),
		cmocka_unit_test(a_missing_terminator_is_reported),
		cmocka_unit_test(members_give_offsets_and_truncation_is_reported),
		cmocka_unit_test(a_corrupt_member_is_left_for_the_next),
		cmocka_unit_test(whole_file_gzip_gives_inflated_offsets),
		cmocka_unit_test(chunked_and_gzip_payload_is_decoded),
		cmocka_unit_test(a_decoded_payload_under_a_gzip_header_stays),
		cmocka_unit_test(members_of_every_size_come_out_whole),
		cmocka_unit_test(deflate_bomb_stops_at_the_bound),
		cmocka_unit_test(media_types),
		cmocka_unit_test(sniffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
