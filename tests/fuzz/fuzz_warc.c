/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer harness for the WARC and gzip reader (gz.c, warc.c): the
 * input is a file, plain or gzip'd, read record by record until its end.
 * Byte 0 holds the options:
 *
 *	bits 0-1  --max-size: 64, 4096, 1 MiB, 50 MiB
 *	bit  2    parse each page converted with its charset hint
 *	bit  3    also give the bytes to ap_http_response() whole
 *
 * Checked: every call ends (a record consumes input, so there are at
 * most as many as inflated bytes), a page has its bytes and stays within
 * the limit, a skip has a known reason, a broken record a reason, and
 * nothing leaks (ASan).  Built with main() from replay.c it runs the
 * files of tests/fuzz/regressions/warc without libFuzzer.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artparse.h"
#include "fuzz_common.h"
#include "gz.h"
#include "warc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One temporary file, rewritten for each input: the reader takes an fd. */
static int
input_fd(const uint8_t *data, size_t size)
{
	static FILE *fp;
	int fd;

	if (fp == NULL && (fp = tmpfile()) == NULL)
		abort();
	fd = fileno(fp);
	if (ftruncate(fd, 0) != 0 || (size > 0 &&
	    pwrite(fd, data, size, 0) != (ssize_t)size) ||
	    lseek(fd, 0, SEEK_SET) != 0)
		abort();
	return fd;
}

static void
parse_page(const struct ap_warc_rec *r)
{
	struct ap_opts opts;
	struct ap_doc *doc = NULL;
	int rc;

	memset(&opts, 0, sizeof(opts));
	opts.charset_hint = r->charset[0] != '\0' ? r->charset : NULL;
	opts.url = r->uri;
	rc = ap_parse(r->payload, r->len, &opts, &doc);
	fz_check_status(rc, true);
	if (rc == AP_OK)
		ap_doc_free(doc);
}

static void
whole_response(const uint8_t *data, size_t size, size_t max)
{
	unsigned char *payload = NULL;
	char cs[64], why[160];
	size_t len = 0;
	int status;
	bool html;

	if (ap_http_response(data, size, max, &status, &html, cs, sizeof(cs),
	    &payload, &len, why, sizeof(why)) == 0) {
		FZ_ASSERT(payload != NULL && len <= size + max,
		    "bad HTTP payload");
		FZ_ASSERT(status >= 0 && status <= 999, "bad status");
		free(payload);
	} else
		FZ_ASSERT(why[0] != '\0', "HTTP failure without a reason");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t maxes[4] = { 64, 4096, 1 << 20, 50 << 20 };
	static struct ap_gz g;
	struct ap_warc w;
	struct ap_warc_rec r;
	unsigned long long n = 0;
	size_t max;
	uint8_t o;
	int rc;

	if (size < 1)
		return 0;
	o = data[0];
	max = maxes[o & 3];
	data++;
	size--;
	if (o & 8)
		whole_response(data, size, max);
	if (ap_gz_open(&g, input_fd(data, size)) != 0)
		abort();
	ap_warc_init(&w, &g, max);
	memset(&r, 0, sizeof(r));
	while ((rc = ap_warc_next(&w, &r)) > 0) {
		n++;
		FZ_ASSERT(n <= ap_gz_tell(&g) + g.raw_base + g.rpos + 1,
		    "a record consumed nothing");
		switch (r.what) {
		case AP_WARC_CONVERT:
			FZ_ASSERT(r.payload != NULL && r.len <= max,
			    "page without bytes or over the limit");
			if (o & 4)
				parse_page(&r);
			break;
		case AP_WARC_SKIP:
			FZ_ASSERT((unsigned)r.skip < AP_SKIP__MAX,
			    "unknown skip reason");
			FZ_ASSERT(r.payload == NULL, "skipped record holds bytes");
			break;
		default:
			FZ_ASSERT(r.why[0] != '\0', "broken record, no reason");
			FZ_ASSERT(r.payload == NULL, "broken record holds bytes");
			break;
		}
	}
	FZ_ASSERT(rc == 0 || r.why[0] != '\0', "read error without a reason");
	ap_warc_rec_free(&r);
	ap_gz_close(&g);
	return 0;
}
