/* SPDX-License-Identifier: ISC */
/* The input sniffer (see sniff.h). */
#include <string.h>
#include <strings.h>

#include "sniff.h"

bool
ap_sniff_markup(const unsigned char *p, size_t n)
{
	static const char *const marks[] = {
		"<!doctype html", "<html", "<head", "<body", "<meta", "<div",
		"<p>", "<p ", "<article", "<title", "<!--", "<?xml", NULL
	};
	size_t i, k, ml, lim = n < AP_SNIFF_LEN ? n : AP_SNIFF_LEN;

	for (i = 0; i < lim; i++) {
		if (p[i] != '<')
			continue;
		for (k = 0; marks[k] != NULL; k++) {
			ml = strlen(marks[k]);
			if (ml <= n - i &&
			    strncasecmp((const char *)p + i, marks[k], ml) == 0)
				return true;
		}
	}
	return false;
}

enum ap_sniffed
ap_sniff(const unsigned char *p, size_t n)
{
	size_t i, lim = n < AP_SNIFF_LEN ? n : AP_SNIFF_LEN;

	if (n >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8)
		return AP_SNIFF_GZIP;
	if (n >= 9 && memcmp(p, "WARC/", 5) == 0 &&
	    ((p[5] == '1' && p[6] == '.' && (p[7] == '0' || p[7] == '1')) ||
	    (memcmp(p + 5, "0.1", 3) == 0 && (p[8] == '7' || p[8] == '8'))))
		return AP_SNIFF_WARC;
	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff)))
		return AP_SNIFF_HTML;	/* UTF-16, which the decoder reads */
	if (ap_sniff_markup(p, n))
		return AP_SNIFF_HTML;
	if ((n >= 4 && (memcmp(p, "%PDF", 4) == 0 ||
	    memcmp(p, "%!PS", 4) == 0)) ||
	    (n >= 5 && memcmp(p, "{\\rtf", 5) == 0))
		return AP_SNIFF_BINARY;
	for (i = 0; i < lim; i++)
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r' && p[i] != '\f') || p[i] == 0x7f)
			return AP_SNIFF_BINARY;
	return AP_SNIFF_TEXT;
}
