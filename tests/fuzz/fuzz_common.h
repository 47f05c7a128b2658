/* SPDX-License-Identifier: ISC */
/*
 * Checks shared by the fuzz harnesses: an output sink that keeps what it
 * is given, and invariants of statuses, articles and rendered output.  A
 * broken invariant prints what broke and aborts, which libFuzzer reports
 * as a crash with the input that caused it.
 */
#ifndef AP_FUZZ_COMMON_H
#define AP_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>

#include "artparse.h"

#define FZ_ASSERT(cond, what) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "fuzz: %s:%d: %s\n", __FILE__,		\
		    __LINE__, (what));					\
		abort();						\
	}								\
} while (0)

struct fz_out {
	char	*p;
	size_t	 len;
	int	 writes;
};

static inline int
fz_out_write(void *arg, const char *p, size_t n)
{
	struct fz_out *o = arg;
	char *np;

	if ((np = realloc(o->p, o->len + n + 1)) == NULL)
		abort();
	o->p = np;
	if (n > 0)
		memcpy(o->p + o->len, p, n);
	o->len += n;
	o->p[o->len] = '\0';
	o->writes++;
	return 0;
}

/*
 * The writer that option byte "o" picks (bits 2-3, then 5-7 above them),
 * by its place in the writer table (the list --list-formats prints), so
 * that a new format is fuzzed at once; with four writers, bits 2-3 alone
 * decide, as they did when the list was written out here.
 */
static inline const char *
fz_writer(uint8_t o)
{
	unsigned sel = ((unsigned)o >> 2 & 3) | ((unsigned)o >> 5) << 2;
	size_t n = 0;

	while (ap_writer_name(n) != NULL)
		n++;
	FZ_ASSERT(n > 0, "empty writer table");
	return ap_writer_name(sel % n);
}

/* Strict UTF-8: no overlong form, surrogate or code point past U+10FFFF. */
static inline bool
fz_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, k, j;
	uint32_t cp, min;

	while (i < n) {
		unsigned char c = s[i];

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, cp = c & 0x1F, min = 0x80;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, cp = c & 0x0F, min = 0x800;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, cp = c & 0x07, min = 0x10000;
		else
			return false;
		if (n - i <= k)
			return false;
		for (j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + j] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += k + 1;
	}
	return true;
}

static inline void
fz_check_str(const char *s, bool required, const char *what)
{
	if (s == NULL) {
		FZ_ASSERT(!required, what);
		return;
	}
	FZ_ASSERT(fz_utf8_valid((const unsigned char *)s, strlen(s)), what);
}

/*
 * ap_parse() with the default allocator may only succeed or refuse the
 * input for what it is; out of memory on a small input means a size
 * computation went wrong.  With a failing allocator AP_ENOMEM is fine.
 */
static inline void
fz_check_status(int rc, bool strict)
{
	switch (rc) {
	case AP_OK:
	case AP_EBINARY:
	case AP_EEMPTY:
	case AP_ENOARTICLE:
		return;
	case AP_ENOMEM:
		FZ_ASSERT(!strict, "ap_parse: out of memory");
		return;
	default:
		fprintf(stderr, "fuzz: ap_parse returned %d (%s)\n", rc,
		    ap_strerror(rc));
		abort();
	}
}

/* The article holds what include/artparse.h promises. */
/* Code points of s. */
static inline size_t
fz_cps(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A body item's list place, table and spans hold together. */
static inline void
fz_check_structure(const struct ap_body *b)
{
	size_t r, k, n = fz_cps(b->text);

	FZ_ASSERT((b->type == AP_BODY_LISTITEM) == (b->list > 0),
	    "list id of a list item only");
	FZ_ASSERT(b->type != AP_BODY_LISTITEM || b->depth >= 1, "list depth");
	FZ_ASSERT((b->type == AP_BODY_TABLE) == (b->table != NULL),
	    "table of a table only");
	if (b->table != NULL) {
		fz_check_str(b->table->caption, false, "table caption");
		FZ_ASSERT(b->table->nrows > 0 && b->table->rows != NULL,
		    "table rows");
		for (r = 0; r < b->table->nrows; r++) {
			FZ_ASSERT(b->table->rows[r].ncells == b->table->ncols,
			    "table row width");
			for (k = 0; k < b->table->rows[r].ncells; k++)
				fz_check_str(b->table->rows[r].cells[k].text,
				    true, "table cell");
		}
	}
	FZ_ASSERT(b->nspans == 0 || b->spans != NULL, "spans");
	for (k = 0; k < b->nspans; k++) {
		FZ_ASSERT(b->spans[k].start < b->spans[k].end &&
		    b->spans[k].end <= n, "span inside the text");
		FZ_ASSERT((b->spans[k].kind == AP_SPAN_LINK) ==
		    (b->spans[k].url != NULL), "span url of a link only");
		fz_check_str(b->spans[k].url, false, "span url");
	}
}

static inline void
fz_check_article(const struct ap_article *a)
{
	size_t i;

	FZ_ASSERT(a != NULL, "no article");
	fz_check_str(a->headline, false, "headline");
	fz_check_str(a->standfirst, false, "standfirst");
	fz_check_str(a->date, false, "date");
	fz_check_str(a->date_modified, false, "date_modified");
	fz_check_str(a->site_name, false, "site_name");
	fz_check_str(a->lang, false, "lang");
	fz_check_str(a->url, false, "url");
	fz_check_str(a->source_path, false, "source_path");
	fz_check_str(a->source_type, true, "source_type");
	fz_check_str(a->source_encoding, true, "source_encoding");
	FZ_ASSERT(a->nauthors == 0 || a->authors != NULL, "authors");
	for (i = 0; i < a->nauthors; i++) {
		fz_check_str(a->authors[i].name, true, "author name");
		fz_check_str(a->authors[i].role, false, "author role");
	}
	FZ_ASSERT(a->nbody == 0 || a->body != NULL, "body");
	for (i = 0; i < a->nbody; i++) {
		FZ_ASSERT((unsigned)a->body[i].type <= AP_BODY_TABLE,
		    "body type");
		fz_check_str(a->body[i].text, true, "body text");
		fz_check_structure(&a->body[i]);
	}
	FZ_ASSERT(a->nfigures == 0 || a->figures != NULL, "figures");
	for (i = 0; i < a->nfigures; i++) {
		fz_check_str(a->figures[i].src, true, "figure src");
		fz_check_str(a->figures[i].alt, false, "figure alt");
		fz_check_str(a->figures[i].caption, false, "figure caption");
		fz_check_str(a->figures[i].credit, false, "figure credit");
		FZ_ASSERT(a->figures[i].after == SIZE_MAX ||
		    a->figures[i].after < a->nbody, "figure place");
	}
	FZ_ASSERT(a->nquotes == 0 || a->quotes != NULL, "quotes");
	for (i = 0; i < a->nquotes; i++) {
		fz_check_str(a->quotes[i].text, true, "quote text");
		fz_check_str(a->quotes[i].speaker, false, "quote speaker");
		fz_check_str(a->quotes[i].speaker_role, false, "quote role");
		/* SIZE_MAX: in the headline; SIZE_MAX - 1: standfirst */
		FZ_ASSERT(a->quotes[i].block >= SIZE_MAX - 1 ||
		    a->quotes[i].block < a->nbody, "quote block index");
		FZ_ASSERT(a->quotes[i].block != SIZE_MAX ||
		    a->headline != NULL, "quote in a missing headline");
		FZ_ASSERT(a->quotes[i].block != SIZE_MAX - 1 ||
		    a->standfirst != NULL, "quote in a missing standfirst");
	}
	FZ_ASSERT(a->nrelated == 0 || a->related != NULL, "related");
	for (i = 0; i < a->nrelated; i++) {
		fz_check_str(a->related[i].title, true, "related title");
		fz_check_str(a->related[i].summary, false, "related summary");
		fz_check_str(a->related[i].url, false, "related url");
	}
	FZ_ASSERT(a->ndropped == 0 || a->dropped != NULL, "dropped");
	for (i = 0; i < a->ndropped; i++) {
		fz_check_str(a->dropped[i].kind, true, "dropped kind");
		fz_check_str(a->dropped[i].text, true, "dropped text");
	}
}

/*
 * One write of valid UTF-8 without NUL or CR (output has LF line ends);
 * JSON must parse into an object of version AP_JSON_VERSION.
 */
/* TEI: well-formed XML whose root is <TEI> (validity is jing's). */
static inline void
fz_check_xml(const struct fz_out *o)
{
	xmlDocPtr x;
	xmlNodePtr root;

	x = xmlReadMemory(o->p, (int)o->len, "tei.xml", NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
	if (x == NULL) {
		fprintf(stderr, "fuzz: TEI output is not well-formed XML\n"
		    "%.*s\n", (int)(o->len < 2000 ? o->len : 2000), o->p);
		abort();
	}
	root = xmlDocGetRootElement(x);
	FZ_ASSERT(root != NULL && xmlStrcmp(root->name, BAD_CAST "TEI") == 0,
	    "TEI output: the root is not <TEI>");
	xmlFreeDoc(x);
}

static inline void
fz_check_output(const struct fz_out *o, const char *fmt)
{
	json_error_t err;
	json_t *j, *v;

	FZ_ASSERT(o->writes == 1, "output not written in one write");
	FZ_ASSERT(fz_utf8_valid((const unsigned char *)o->p, o->len),
	    "output is not valid UTF-8");
	FZ_ASSERT(memchr(o->p, '\0', o->len) == NULL, "NUL byte in output");
	FZ_ASSERT(memchr(o->p, '\r', o->len) == NULL, "CR in output");
	if (strcmp(fmt, "tei") == 0)
		fz_check_xml(o);
	if (strcmp(fmt, "json") != 0)
		return;
	j = json_loadb(o->p, o->len, JSON_REJECT_DUPLICATES, &err);
	if (j == NULL) {
		fprintf(stderr, "fuzz: JSON output does not parse: %s at "
		    "%d:%d\n%.*s\n", err.text, err.line, err.column,
		    (int)(o->len < 2000 ? o->len : 2000), o->p);
		abort();
	}
	FZ_ASSERT(json_is_object(j), "JSON output is not an object");
	v = json_object_get(j, "version");
	FZ_ASSERT(json_is_integer(v) && json_integer_value(v) ==
	    AP_JSON_VERSION, "JSON version");
	json_decref(j);
}

#endif /* AP_FUZZ_COMMON_H */
