/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer harness for the whole library: ap_parse() then ap_render()
 * into a sink that keeps the output and checks it.  The first byte of the
 * input holds the options, as in cmark's and md4c's fuzzers:
 *
 *	bits 0-1  input type: auto, text, html, auto
 *	bits 2-3  writer: its place in the writer table (--list-formats)
 *	bit  4    keep_boilerplate, links and formatting
 *	bits 5-7  text width 0, 1, 2, 8, 20, 40, 72, 200; odd: JSON pretty
 *
 * The rest is the document.  Checked: parse returns a known status; every
 * string of the article is valid UTF-8 and every counted array is there;
 * the output is valid UTF-8 and, for JSON, parses with jansson into an
 * object whose "version" is AP_JSON_VERSION.  Built with main() from
 * replay.c it runs the files of tests/fuzz/regressions/ without libFuzzer.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "artparse.h"
#include "fuzz_common.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t widths[8] = { 0, 1, 2, 8, 20, 40, 72, 200 };
	struct ap_opts opts;
	struct ap_wopts wo;
	struct ap_doc *doc = NULL;
	struct fz_out out;
	struct ap_sink sink = { fz_out_write, &out };
	const char *fmt;
	uint8_t o;
	int rc;

	if (size < 1)
		return 0;
	o = data[0];
	memset(&opts, 0, sizeof(opts));
	memset(&wo, 0, sizeof(wo));
	opts.path = "fuzz";
	opts.input = (enum ap_input)((o & 3) == 3 ? 0 : (o & 3));
	wo.keep_boilerplate = (o >> 4) & 1;
	wo.links = wo.formatting = wo.keep_boilerplate;
	fmt = fz_writer(o);
	wo.width = widths[(o >> 5) & 7];
	wo.pretty = (o >> 5) & 1;

	rc = ap_parse(data + 1, size - 1, &opts, &doc);
	fz_check_status(rc, true);
	if (rc != AP_OK)
		return 0;
	fz_check_article(ap_doc_article(doc));
	memset(&out, 0, sizeof(out));
	rc = ap_render(doc, ap_writer_find(fmt), &wo, &sink);
	FZ_ASSERT(rc == AP_OK, "ap_render failed");
	fz_check_output(&out, fmt);
	free(out.p);
	ap_doc_free(doc);
	return 0;
}
