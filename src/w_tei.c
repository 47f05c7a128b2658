/* SPDX-License-Identifier: ISC */
/*
 * TEI P5 writer: one <TEI> document per article, valid against tei_all
 * (`make check-tei`).  The header holds the metadata: titleStmt (title,
 * authors), publicationStmt (site, date, URL), sourceDesc (the page and
 * the file it was read from), encodingDesc (artparse and its version),
 * profileDesc (language, and each quoted speaker as a <person> whose
 * xml:id the quotes point at with who="#...").  The body holds the blocks:
 * <p>, <quote> for quotation paragraphs, lists; each subheading opens a
 * <div> with its <head>, since TEI allows no <head> after the first
 * paragraph.  A quotation found in a block's text is marked <q>.  Related
 * articles go to <back> as a list of type "related".
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "esc.h"
#include "utf8.h"
#include "writer.h"

#define TEI_NS	"http://www.tei-c.org/ns/1.0"

struct tei {
	struct ap_buf		*b;
	const struct ap_article	*a;
	unsigned		 depth;		/* indentation */
	bool			 in_div;	/* a subheading's <div> is open */
	bool			 in_list;
	bool			 any;		/* the body holds an element */
	const char		**speakers;	/* distinct, by first quote */
	size_t			 nspeakers;
};

static void
indent(struct tei *t)
{
	unsigned i;

	for (i = 0; i < t->depth; i++)
		ap_buf_puts(t->b, "  ");
}

/* "<name>" on a line of its own, one level deeper after it. */
static void
open_tag(struct tei *t, const char *name)
{
	indent(t);
	ap_buf_printf(t->b, "<%s>\n", name);
	t->depth++;
}

static void
close_tag(struct tei *t, const char *name)
{
	t->depth--;
	indent(t);
	ap_buf_printf(t->b, "</%s>\n", name);
}

/* <name attr="val">text</name> on one line; attr may be NULL. */
static void
leaf(struct tei *t, const char *name, const char *attr, const char *val,
    const char *text)
{
	indent(t);
	ap_buf_printf(t->b, "<%s", name);
	if (attr != NULL) {
		ap_buf_printf(t->b, " %s=\"", attr);
		ap_esc_xml_attr(t->b, val);
		ap_buf_putc(t->b, '"');
	}
	ap_buf_putc(t->b, '>');
	ap_esc_xml(t->b, text);
	ap_buf_printf(t->b, "</%s>\n", name);
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
digits_at(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

/*
 * The W3C form TEI's @when takes, of an ISO 8601 date as the article
 * holds it: "2023-09-27T11:47" becomes "2023-09-27T11:47:00",
 * "+0100" "+01:00"; a time it cannot read is left out, keeping the day.
 * False when "iso" has no YYYY-MM-DD (or YYYY-MM, YYYY) to start with.
 */
static bool
w3c_date(struct ap_buf *b, const char *iso)
{
	size_t n = 0;
	const char *t, *z;

	if (iso == NULL || !digits_at(iso, 4))
		return false;
	n = 4;
	if (iso[4] == '-' && digits_at(iso + 5, 2)) {
		n = 7;
		if (iso[7] == '-' && digits_at(iso + 8, 2))
			n = 10;
	}
	if (is_digit(iso[n]))
		return false;
	ap_buf_put(b, iso, n);
	if (n < 10 || (iso[10] != 'T' && iso[10] != ' '))
		return true;
	t = iso + 11;
	if (!digits_at(t, 2) || t[2] != ':' || !digits_at(t + 3, 2))
		return true;
	z = t + 5;
	if (z[0] == ':' && digits_at(z + 1, 2))
		z += 3;
	if (z[0] == '.')
		for (z++; is_digit(*z); z++)
			continue;
	if (*z != '\0' && *z != 'Z' && *z != '+' && *z != '-')
		return true;
	ap_buf_putc(b, 'T');
	ap_buf_put(b, t, 5);
	ap_buf_puts(b, t[5] == ':' ? "" : ":00");
	if (t[5] == ':')
		ap_buf_put(b, t + 5, 3);
	if (*z == 'Z')
		ap_buf_putc(b, 'Z');
	else if ((*z == '+' || *z == '-') && digits_at(z + 1, 2)) {
		ap_buf_put(b, z, 3);
		ap_buf_putc(b, ':');
		if (z[3] == ':' && digits_at(z + 4, 2))
			ap_buf_put(b, z + 4, 2);
		else if (digits_at(z + 3, 2))
			ap_buf_put(b, z + 3, 2);
		else
			ap_buf_puts(b, "00");
	}
	return true;
}

/* <name[ type=][ when=]>text</name>: a date as the article gives it. */
static void
dated(struct tei *t, const char *name, const char *type, const char *iso,
    const char *text)
{
	struct ap_buf w;

	ap_buf_init(&w, t->b->arena);
	indent(t);
	ap_buf_printf(t->b, "<%s", name);
	if (type != NULL)
		ap_buf_printf(t->b, " type=\"%s\"", type);
	if (w3c_date(&w, iso))
		ap_buf_printf(t->b, " when=\"%s\"", w.p);
	ap_buf_putc(t->b, '>');
	ap_esc_xml(t->b, text);
	ap_buf_printf(t->b, "</%s>\n", name);
	ap_buf_fini(&w);
}

static void
date_elem(struct tei *t, const char *type, const char *iso)
{
	if (!ap_w_blank(iso))
		dated(t, "date", type, iso, iso);
}

/* A BCP 47 tag as TEI's teidata.language wants it: "fr", "fr-FR". */
static bool
language_tag(const char *s)
{
	size_t n, part = 0;

	if (s == NULL)
		return false;
	for (;;) {
		for (n = 0; (s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= 'A' && s[n] <= 'Z') || is_digit(s[n]); n++)
			continue;
		if (n == 0 || n > 8 || (part == 0 && (n < 2 || n > 3 ||
		    is_digit(s[0]))))
			return false;
		part++;
		if (s[n] == '\0')
			return true;
		if (s[n] != '-')
			return false;
		s += n + 1;
	}
}

/* The xml:id of a quote's speaker, "speaker-1"..., or 0 when none. */
static size_t
speaker_id(const struct tei *t, const char *name)
{
	size_t i;

	if (ap_w_blank(name))
		return 0;
	for (i = 0; i < t->nspeakers; i++)
		if (strcmp(t->speakers[i], name) == 0)
			return i + 1;
	return 0;
}

static void
collect_speakers(struct tei *t)
{
	const struct ap_article *a = t->a;
	size_t i;

	t->speakers = ap_allocarray(t->b->arena, a->nquotes + 1,
	    sizeof(*t->speakers));
	for (i = 0; i < a->nquotes; i++)
		if (!ap_w_blank(a->quotes[i].speaker) &&
		    speaker_id(t, a->quotes[i].speaker) == 0)
			t->speakers[t->nspeakers++] = a->quotes[i].speaker;
}

static void
authors(struct tei *t)
{
	const struct ap_author *au;
	size_t i;

	for (i = 0; i < t->a->nauthors; i++) {
		au = &t->a->authors[i];
		if (ap_w_blank(au->name))
			continue;
		if (ap_w_blank(au->role)) {
			leaf(t, "author", NULL, NULL, au->name);
			continue;
		}
		open_tag(t, "author");
		leaf(t, "persName", NULL, NULL, au->name);
		leaf(t, "roleName", NULL, NULL, au->role);
		close_tag(t, "author");
	}
}

static void
url_ptr(struct tei *t, const char *url)
{
	if (ap_w_blank(url))
		return;
	indent(t);
	ap_buf_puts(t->b, "<ptr target=\"");
	ap_esc_xml_url(t->b, url);
	ap_buf_puts(t->b, "\"/>\n");
}

static void
file_desc(struct tei *t)
{
	const struct ap_article *a = t->a;

	open_tag(t, "fileDesc");
	open_tag(t, "titleStmt");
	leaf(t, "title", NULL, NULL, ap_w_blank(a->headline) ? "" :
	    a->headline);
	authors(t);
	close_tag(t, "titleStmt");
	open_tag(t, "publicationStmt");
	if (ap_w_blank(a->site_name))
		leaf(t, "p", NULL, NULL, "Publisher unknown.");
	else {
		leaf(t, "publisher", NULL, NULL, a->site_name);
		date_elem(t, NULL, a->date);
		if (!ap_w_blank(a->url))
			leaf(t, "idno", "type", "URL", a->url);
	}
	close_tag(t, "publicationStmt");
	open_tag(t, "sourceDesc");
	open_tag(t, "bibl");
	if (!ap_w_blank(a->headline))
		leaf(t, "title", "level", "a", a->headline);
	authors(t);
	if (!ap_w_blank(a->site_name))
		leaf(t, "publisher", NULL, NULL, a->site_name);
	date_elem(t, "published", a->date);
	date_elem(t, "modified", a->date_modified);
	url_ptr(t, a->url);
	if (!ap_w_blank(a->source_path))
		leaf(t, "idno", "type", "file", a->source_path);
	if (!ap_w_blank(a->source_type))
		leaf(t, "note", "type", "source-type", a->source_type);
	if (!ap_w_blank(a->source_encoding))
		leaf(t, "note", "type", "source-encoding",
		    a->source_encoding);
	close_tag(t, "bibl");
	close_tag(t, "sourceDesc");
	close_tag(t, "fileDesc");
}

static void
encoding_desc(struct tei *t)
{
	open_tag(t, "encodingDesc");
	open_tag(t, "appInfo");
	indent(t);
	ap_buf_puts(t->b, "<application ident=\"artparse\" version=\""
	    AP_VERSION "\">\n");
	t->depth++;
	leaf(t, "label", NULL, NULL, "artparse");
	close_tag(t, "application");
	close_tag(t, "appInfo");
	close_tag(t, "encodingDesc");
}

static void
person(struct tei *t, size_t i)
{
	const struct ap_quote *q;
	const char *role = NULL;
	size_t k;

	/* The role given with any of the speaker's quotes. */
	for (k = 0; k < t->a->nquotes && role == NULL; k++) {
		q = &t->a->quotes[k];
		if (q->speaker != NULL && strcmp(q->speaker,
		    t->speakers[i]) == 0 && !ap_w_blank(q->speaker_role))
			role = q->speaker_role;
	}
	indent(t);
	ap_buf_printf(t->b, "<person xml:id=\"speaker-%zu\">\n", i + 1);
	t->depth++;
	leaf(t, "persName", NULL, NULL, t->speakers[i]);
	if (role != NULL)
		leaf(t, "occupation", NULL, NULL, role);
	close_tag(t, "person");
}

static void
profile_desc(struct tei *t)
{
	size_t i;

	if (!language_tag(t->a->lang) && t->nspeakers == 0)
		return;
	open_tag(t, "profileDesc");
	if (language_tag(t->a->lang)) {
		open_tag(t, "langUsage");
		leaf(t, "language", "ident", t->a->lang, t->a->lang);
		close_tag(t, "langUsage");
	}
	if (t->nspeakers > 0) {
		open_tag(t, "particDesc");
		open_tag(t, "listPerson");
		for (i = 0; i < t->nspeakers; i++)
			person(t, i);
		close_tag(t, "listPerson");
		close_tag(t, "particDesc");
	}
	close_tag(t, "profileDesc");
}

static void
front_parts(struct tei *t, const char *byline, bool has_by,
    const char *dateline, bool has_dl)
{
	const struct ap_article *a = t->a;

	open_tag(t, "front");
	if (!ap_w_blank(a->headline)) {
		open_tag(t, "docTitle");
		leaf(t, "titlePart", NULL, NULL, a->headline);
		close_tag(t, "docTitle");
	}
	if (has_by)
		leaf(t, "byline", NULL, NULL, byline);
	if (has_dl)
		dated(t, "docDate", NULL, ap_w_blank(a->date) ?
		    a->date_modified : a->date, dateline);
	if (!ap_w_blank(a->standfirst)) {
		open_tag(t, "argument");
		leaf(t, "p", NULL, NULL, a->standfirst);
		close_tag(t, "argument");
	}
	close_tag(t, "front");
}

/* What a reader sees above the body: headline, byline, dates, chapô. */
static void
front(struct tei *t)
{
	const struct ap_article *a = t->a;
	struct ap_buf by, dl;
	bool has_by, has_dl;

	ap_buf_init(&by, t->b->arena);
	ap_buf_init(&dl, t->b->arena);
	has_by = ap_w_byline(&by, a);
	has_dl = ap_w_dateline(&dl, a);
	if (!ap_w_blank(a->headline) || has_by || has_dl ||
	    !ap_w_blank(a->standfirst))
		front_parts(t, by.p, has_by, dl.p, has_dl);
	ap_buf_fini(&dl);
	ap_buf_fini(&by);
}

static int
tei_begin(struct ap_wctx *c, const struct ap_article *a)
{
	struct tei *t = c->state;

	t->b = c->out;
	t->a = a;
	collect_speakers(t);
	ap_buf_puts(t->b, AP_TEI_XMLDECL);
	ap_buf_puts(t->b, "<TEI xmlns=\"" TEI_NS "\"");
	if (language_tag(a->lang))
		ap_buf_printf(t->b, " xml:lang=\"%s\"", a->lang);
	ap_buf_puts(t->b, ">\n");
	t->depth = 1;
	open_tag(t, "teiHeader");
	file_desc(t);
	encoding_desc(t);
	profile_desc(t);
	close_tag(t, "teiHeader");
	open_tag(t, "text");
	front(t);
	open_tag(t, "body");
	return AP_OK;
}

/*
 * Append "text" with the quotations of block "bi" marked <q>, each at
 * the first place its text appears after the previous one.
 */
static void
inline_text(struct tei *t, const char *text, size_t bi)
{
	const struct ap_quote *q;
	const char *at, *from = text;
	size_t i, len, id;

	for (i = 0; i < t->a->nquotes; i++) {
		q = &t->a->quotes[i];
		if (q->block != bi || ap_w_blank(q->text))
			continue;
		if ((at = strstr(from, q->text)) == NULL)
			continue;
		len = strlen(q->text);
		ap_esc_xml_n(t->b, from, (size_t)(at - from));
		id = speaker_id(t, q->speaker);
		if (id > 0)
			ap_buf_printf(t->b, "<q who=\"#speaker-%zu\">", id);
		else
			ap_buf_puts(t->b, "<q>");
		ap_esc_xml_n(t->b, at, len);
		ap_buf_puts(t->b, "</q>");
		from = at + len;
	}
	ap_esc_xml(t->b, from);
}

static void
block_elem(struct tei *t, const char *name, const char *text, size_t bi)
{
	indent(t);
	ap_buf_printf(t->b, "<%s>", name);
	inline_text(t, text, bi);
	ap_buf_printf(t->b, "</%s>\n", name);
	t->any = true;
}

static void
end_list(struct tei *t)
{
	if (!t->in_list)
		return;
	close_tag(t, "list");
	t->in_list = false;
}

static int
tei_block(struct ap_wctx *c, const struct ap_body *bo, size_t i)
{
	struct tei *t = c->state;

	if (ap_w_blank(bo->text))
		return AP_OK;
	if (bo->type != AP_BODY_LISTITEM)
		end_list(t);
	switch (bo->type) {
	case AP_BODY_HEADING:
		if (t->in_div)
			close_tag(t, "div");
		open_tag(t, "div");
		t->in_div = true;
		block_elem(t, "head", bo->text, i);
		break;
	case AP_BODY_QUOTE:
		block_elem(t, "quote", bo->text, i);
		break;
	case AP_BODY_LISTITEM:
		if (!t->in_list) {
			open_tag(t, "list");
			t->in_list = true;
		}
		block_elem(t, "item", bo->text, i);
		break;
	case AP_BODY_PARAGRAPH:
	default:
		block_elem(t, "p", bo->text, i);
		break;
	}
	return AP_OK;
}

static void
related(struct tei *t)
{
	const struct ap_related *r;
	size_t i, n = 0;

	for (i = 0; i < t->a->nrelated; i++)
		n += !ap_w_blank(t->a->related[i].title);
	if (n == 0)
		return;
	open_tag(t, "back");
	indent(t);
	ap_buf_puts(t->b, "<div type=\"related\">\n");
	t->depth++;
	indent(t);
	ap_buf_puts(t->b, "<list type=\"related\">\n");
	t->depth++;
	for (i = 0; i < t->a->nrelated; i++) {
		r = &t->a->related[i];
		if (ap_w_blank(r->title))
			continue;
		indent(t);
		ap_buf_puts(t->b, "<item>");
		if (ap_w_blank(r->url))
			ap_esc_xml(t->b, r->title);
		else {
			ap_buf_puts(t->b, "<ref target=\"");
			ap_esc_xml_url(t->b, r->url);
			ap_buf_puts(t->b, "\">");
			ap_esc_xml(t->b, r->title);
			ap_buf_puts(t->b, "</ref>");
		}
		if (!ap_w_blank(r->summary)) {
			ap_buf_puts(t->b, " — ");
			ap_esc_xml(t->b, r->summary);
		}
		ap_buf_puts(t->b, "</item>\n");
	}
	close_tag(t, "list");
	close_tag(t, "div");
	close_tag(t, "back");
}

static int
tei_end(struct ap_wctx *c, const struct ap_article *a)
{
	struct tei *t = c->state;

	(void)a;
	end_list(t);
	if (t->in_div)
		close_tag(t, "div");
	/* TEI has no empty body (--allow-empty, --format tei). */
	if (!t->any) {
		indent(t);
		ap_buf_puts(t->b, "<p/>\n");
	}
	close_tag(t, "body");
	related(t);
	close_tag(t, "text");
	close_tag(t, "TEI");
	return AP_OK;
}

const struct ap_writer ap_w_tei = {
	"tei", "tei.xml", sizeof(struct tei), tei_begin, tei_block, tei_end
};

const char ap_tei_corpus_head[] = AP_TEI_XMLDECL
    "<teiCorpus xmlns=\"" TEI_NS "\">\n"
    "  <teiHeader>\n"
    "    <fileDesc>\n"
    "      <titleStmt>\n"
    "        <title>Articles converted by artparse</title>\n"
    "      </titleStmt>\n"
    "      <publicationStmt>\n"
    "        <p>Publisher unknown.</p>\n"
    "      </publicationStmt>\n"
    "      <sourceDesc>\n"
    "        <p>Each article's header names its source.</p>\n"
    "      </sourceDesc>\n"
    "    </fileDesc>\n"
    "  </teiHeader>\n";
const char ap_tei_corpus_tail[] = "</teiCorpus>\n";
