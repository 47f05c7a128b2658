/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer harness for the out-of-memory paths: the allocator hook fails
 * exactly one allocation, chosen by the input, during ap_parse() or
 * ap_render(); libxml2's and jansson's allocations go through the same
 * hook (src/hooks.c) and count.  The result must be AP_OK or AP_ENOMEM,
 * never a crash, and once the document is freed every allocation must
 * have been released.
 *
 *	byte 0    options, as in fuzz_parse.c
 *	byte 1    index of the allocation that fails (0-255)
 *	rest      the document
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artparse.h"
#include "fuzz_common.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct cnt {
	long	 calls;
	long	 fail;		/* index of the call that fails */
	long	 live;
};

static void *
cnt_malloc(size_t n, void *arg)
{
	struct cnt *c = arg;
	void *p;

	if (c->calls++ == c->fail)
		return NULL;
	if ((p = malloc(n)) != NULL)
		c->live++;
	return p;
}

static void *
cnt_realloc(void *old, size_t n, void *arg)
{
	struct cnt *c = arg;
	void *p;

	if (c->calls++ == c->fail)
		return NULL;
	if ((p = realloc(old, n)) != NULL && old == NULL)
		c->live++;
	return p;
}

static void
cnt_free(void *p, void *arg)
{
	struct cnt *c = arg;

	if (p != NULL)
		c->live--;
	free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cnt c = { 0, 0, 0 };
	const struct ap_allocator al = { cnt_malloc, cnt_realloc, cnt_free,
	    &c };
	struct ap_opts opts;
	struct ap_wopts wo = { .width = 40, .pretty = false };
	struct ap_doc *doc = NULL;
	struct fz_out out;
	struct ap_sink sink = { fz_out_write, &out };
	const char *fmt;
	int rc;

	if (size < 2)
		return 0;
	memset(&opts, 0, sizeof(opts));
	opts.input = (enum ap_input)((data[0] & 3) == 3 ? 0 : (data[0] & 3));
	wo.keep_boilerplate = (data[0] >> 4) & 1;
	wo.links = wo.formatting = wo.keep_boilerplate;
	opts.alloc = &al;
	fmt = fz_writer(data[0]);
	c.fail = data[1];

	rc = ap_parse(data + 2, size - 2, &opts, &doc);
	fz_check_status(rc, false);
	if (rc != AP_OK) {
		FZ_ASSERT(c.live == 0, "leak after a failed ap_parse");
		return 0;
	}
	fz_check_article(ap_doc_article(doc));
	memset(&out, 0, sizeof(out));
	rc = ap_render(doc, ap_writer_find(fmt), &wo, &sink);
	FZ_ASSERT(rc == AP_OK || rc == AP_ENOMEM, "ap_render status");
	FZ_ASSERT(rc == AP_OK || out.writes == 0,
	    "ap_render wrote output and failed");
	if (rc == AP_OK)
		fz_check_output(&out, fmt);
	free(out.p);
	ap_doc_free(doc);
	FZ_ASSERT(c.live == 0, "leak after ap_doc_free");
	return 0;
}
