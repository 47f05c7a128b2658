/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer harness for the forced-charset path (--encoding): iconv's
 * stateful and multibyte decoders, incomplete sequences carried between
 * 64 KiB chunks, invalid bytes.  Same checks as fuzz_parse.c.
 *
 *	byte 0    options, as in fuzz_parse.c
 *	byte 1    the charset, from the table below (modulo its size)
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

static const char *const charsets[] = {
	"utf-8", "windows-1252", "latin1", "ISO-8859-15", "UTF-16",
	"UTF-16LE", "UTF-16BE", "UTF-32", "UTF-7", "SHIFT_JIS", "EUC-JP",
	"ISO-2022-JP", "GB18030", "BIG5", "EUC-KR", "KOI8-R", "MACINTOSH",
	"IBM866", "windows-1251", "ISO-8859-7", "CP1255", "x-no-such", "",
	" utf8 ", "UTF-8//IGNORE", "ascii"
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ap_opts opts;
	struct ap_wopts wo = { .width = 30, .pretty = false };
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
	opts.encoding = charsets[data[1] % (sizeof(charsets) /
	    sizeof(charsets[0]))];
	fmt = fz_writer(data[0]);

	rc = ap_parse(data + 2, size - 2, &opts, &doc);
	if (rc == AP_EENCODING)
		return 0;	/* an unknown name: the CLI's exit 2 */
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
