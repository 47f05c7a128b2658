/* SPDX-License-Identifier: ISC */
/*
 * TEI P5 writer: one <TEI> document per article, valid against tei_all
 * (`make check-tei`).  The header holds the metadata: titleStmt (title,
 * authors), publicationStmt (site, date, URL), sourceDesc (the page and
 * the file it was read from), encodingDesc (artparse and its version),
 * profileDesc (language, and each quoted speaker as a <person> whose
 * xml:id the quotes point at with who="#...").  The front holds the
 * headline, byline, dates and standfirst; the body the blocks: <p>,
 * <quote> for quotation paragraphs, nested lists, tables, figures where
 * they stand; each subheading opens a <div> with its <head>, since TEI
 * allows no <head> after the first paragraph.  A quotation found in its
 * block's text is marked <q>, and with --links and --formatting the spans
 * <ref> and <hi>, as long as they nest.  Related articles go to <back> as
 * a list of type "related".
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "dates.h"
#include "esc.h"
#include "utf8.h"
#include "writer.h"

#define TEI_NS	"http://www.tei-c.org/ns/1.0"

/* ap_quote.block of a quotation in the headline, the standfirst. */
#define QUOTE_HEADLINE		SIZE_MAX
#define QUOTE_STANDFIRST	(SIZE_MAX - 1)

struct tei {
	struct ap_buf		*b;
	const struct ap_wopts	*wo;
	const struct ap_article	*a;
	unsigned		 depth;		/* indentation */
	bool			 in_div;	/* a subheading's <div> is open */
	size_t			 list;		/* body list id of the open lists */
	unsigned		 lists;		/* <list> elements open */
	unsigned		 items;		/* <item> elements open */
	bool			 item_line;	/* after "<item>text" */
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

static int
month_days(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Bytes of the valid "YYYY[-MM[-DD]]" at s; 0 when not even a year. */
static size_t
day_part(const char *s)
{
	int y = ap_num_at(s, 4), m, d;

	/* XML Schema 1.0, which jing checks, has no year 0000. */
	if (y <= 0)
		return 0;
	if (s[4] != '-' || (m = ap_num_at(s + 5, 2)) < 1 || m > 12)
		return 4;
	if (s[7] != '-' || (d = ap_num_at(s + 8, 2)) < 1 ||
	    d > month_days(y, m))
		return 7;
	return 10;
}

/*
 * The W3C form TEI's @when takes, of an ISO 8601 date as the article
 * holds it: "2023-09-27T11:47" becomes "2023-09-27T11:47:00",
 * "+0100" "+01:00"; what it cannot read is left out from there on
 * ("2024-02-30" gives "2024-02").  False when "iso" does not even start
 * with a year.
 */
static bool
w3c_date(struct ap_buf *b, const char *iso)
{
	size_t n;
	const char *t, *z;
	int sec = 0;

	if (iso == NULL || (n = day_part(iso)) == 0 || is_digit(iso[n]))
		return false;
	ap_buf_put(b, iso, n);
	if (n < 10 || (iso[10] != 'T' && iso[10] != ' '))
		return true;
	t = iso + 11;
	if (ap_num_at(t, 2) < 0 || ap_num_at(t, 2) > 23 || t[2] != ':' ||
	    ap_num_at(t + 3, 2) < 0 || ap_num_at(t + 3, 2) > 59)
		return true;
	z = t + 5;
	if (z[0] == ':' && (sec = ap_num_at(z + 1, 2)) >= 0)
		z += 3;
	if (z[0] == '.')
		for (z++; is_digit(*z); z++)
			continue;
	if (sec < 0 || sec > 59 ||
	    (*z != '\0' && *z != 'Z' && *z != '+' && *z != '-'))
		return true;
	ap_buf_printf(b, "T%.5s:%02d", t, sec);
	if (*z == 'Z')
		ap_buf_putc(b, 'Z');
	else if ((*z == '+' || *z == '-') && ap_num_at(z + 1, 2) >= 0 &&
	    ap_num_at(z + 1, 2) <= 14) {
		t = z[3] == ':' ? z + 4 : z + 3;
		ap_buf_printf(b, "%.3s:%02d", z, ap_num_at(t, 2) >= 0 &&
		    ap_num_at(t, 2) <= 59 ? ap_num_at(t, 2) : 0);
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

static bool
is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/*
 * The length of the longest start of "v" that is a TEI
 * teidata.versionNumber, which application@version must be: one to four
 * dot-separated parts of digits, letters, digits ("1.2.0", "2b3").  Of
 * "1.0-rc1" it is "1.0", and the label gives the whole version.
 */
static size_t
version_number(const char *v)
{
	const char *p = v;
	size_t good = 0;
	int parts;

	for (parts = 0; parts < 4 && is_digit(*p); parts++) {
		while (is_digit(*p))
			p++;
		while (is_lower(*p))
			p++;
		while (is_digit(*p))
			p++;
		good = (size_t)(p - v);
		if (*p != '.')
			break;
		p++;
	}
	return good;
}

static void
encoding_desc(struct tei *t)
{
	size_t n = version_number(AP_VERSION);

	open_tag(t, "encodingDesc");
	open_tag(t, "appInfo");
	indent(t);
	ap_buf_puts(t->b, "<application ident=\"artparse\" version=\"");
	if (n > 0)
		ap_buf_put(t->b, AP_VERSION, n);
	else
		ap_buf_putc(t->b, '0');
	ap_buf_puts(t->b, "\">\n");
	t->depth++;
	leaf(t, "label", NULL, NULL, AP_VERSION[n] == '\0' ? "artparse" :
	    "artparse " AP_VERSION);
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

/* An inline element over the bytes [s, e) of a block's text. */
struct mark {
	size_t		 s, e;
	const char	*open;		/* "q", "ref", "hi" */
	const char	*attr;		/* "who", "target", "rend", or NULL */
	const char	*val;		/* its value */
	size_t		 who;		/* q: speaker number */
	bool		 url;		/* val is a URI */
};

/*
 * A walk over a text's code points that goes on from where the last
 * look-up stopped: spans come in order, so placing them all is linear,
 * not quadratic, in a paragraph of 50,000 links.
 */
struct cpwalk {
	const char	*text;
	const char	*p;
	size_t		 cp;	/* code point at p */
};

/* Byte offset of code point "cp" of the text, or SIZE_MAX past its end. */
static size_t
cp_offset(struct cpwalk *w, size_t cp)
{
	uint32_t c;

	if (cp < w->cp) {
		w->p = w->text;
		w->cp = 0;
	}
	for (; w->cp < cp && *w->p != '\0'; w->cp++)
		w->p += ap_utf8_get(w->p, &c);
	return w->cp == cp ? (size_t)(w->p - w->text) : SIZE_MAX;
}

static bool
add_mark(struct mark *m, size_t *n, size_t s, size_t e)
{
	if (s == SIZE_MAX || e == SIZE_MAX || s >= e)
		return false;
	m[*n].s = s;
	m[*n].e = e;
	m[*n].attr = m[*n].val = NULL;
	m[*n].who = 0;
	m[*n].url = false;
	return true;
}

/* The quotations of block "bi", each where its text first appears after
 * the one before. */
static void
quote_marks(struct tei *t, const char *text, size_t bi, struct mark *m,
    size_t *n)
{
	const struct ap_quote *q;
	const char *at, *from = text;
	size_t i;

	for (i = 0; i < t->a->nquotes; i++) {
		q = &t->a->quotes[i];
		if (q->block != bi || ap_w_blank(q->text) ||
		    (at = strstr(from, q->text)) == NULL)
			continue;
		from = at + strlen(q->text);
		if (!add_mark(m, n, (size_t)(at - text), (size_t)(from - text)))
			continue;
		m[*n].open = "q";
		m[*n].who = speaker_id(t, q->speaker);
		++*n;
	}
}

/* Links with --links, emphasis and strong with --formatting. */
static void
span_marks(struct tei *t, const struct ap_body *bo, struct mark *m,
    size_t *n)
{
	const struct ap_span *sp;
	struct cpwalk ws = { bo->text, bo->text, 0 }, we = ws;
	size_t i;

	for (i = 0; i < bo->nspans; i++) {
		sp = &bo->spans[i];
		if (sp->kind == AP_SPAN_LINK ? !t->wo->links ||
		    ap_w_blank(sp->url) : !t->wo->formatting)
			continue;
		if (!add_mark(m, n, cp_offset(&ws, sp->start),
		    cp_offset(&we, sp->end)))
			continue;
		if (sp->kind == AP_SPAN_LINK) {
			m[*n].open = "ref";
			m[*n].attr = "target";
			m[*n].val = sp->url;
			m[*n].url = true;
		} else {
			m[*n].open = "hi";
			m[*n].attr = "rend";
			m[*n].val = sp->kind == AP_SPAN_EM ? "italic" : "bold";
		}
		++*n;
	}
}

/* Outer first: by start, then the longer. */
static void
sort_marks(struct mark *m, size_t n)
{
	struct mark x;
	size_t i, j;

	for (i = 1; i < n; i++) {
		x = m[i];
		for (j = i; j > 0 && (m[j - 1].s > x.s ||
		    (m[j - 1].s == x.s && m[j - 1].e < x.e)); j--)
			m[j] = m[j - 1];
		m[j] = x;
	}
}

static void
open_mark(struct tei *t, const struct mark *m)
{
	ap_buf_printf(t->b, "<%s", m->open);
	if (m->who > 0)
		ap_buf_printf(t->b, " who=\"#speaker-%zu\"", m->who);
	if (m->attr != NULL) {
		ap_buf_printf(t->b, " %s=\"", m->attr);
		if (m->url)
			ap_esc_xml_url(t->b, m->val);
		else
			ap_esc_xml_attr(t->b, m->val);
		ap_buf_putc(t->b, '"');
	}
	ap_buf_putc(t->b, '>');
}

/*
 * Append the text of block "bi" with its quotations, and the spans the
 * options ask for, as inline elements.  XML elements nest: a span that
 * crosses one already open is left out.
 */
static void
inline_text(struct tei *t, const struct ap_body *bo, size_t bi)
{
	const char *text = bo->text;
	struct mark *m, **open;
	size_t n = 0, nopen = 0, at = 0, i;

	m = ap_allocarray(t->b->arena, t->a->nquotes + bo->nspans + 1,
	    sizeof(*m));
	open = ap_allocarray(t->b->arena, t->a->nquotes + bo->nspans + 1,
	    sizeof(*open));
	quote_marks(t, text, bi, m, &n);
	span_marks(t, bo, m, &n);
	sort_marks(m, n);
	for (i = 0; i < n; i++) {
		while (nopen > 0 && open[nopen - 1]->e <= m[i].s) {
			ap_esc_xml_n(t->b, text + at, open[nopen - 1]->e - at);
			at = open[nopen - 1]->e;
			ap_buf_printf(t->b, "</%s>", open[--nopen]->open);
		}
		if (nopen > 0 && open[nopen - 1]->e < m[i].e)
			continue;
		ap_esc_xml_n(t->b, text + at, m[i].s - at);
		at = m[i].s;
		open_mark(t, &m[i]);
		open[nopen++] = &m[i];
	}
	while (nopen > 0) {
		ap_esc_xml_n(t->b, text + at, open[nopen - 1]->e - at);
		at = open[nopen - 1]->e;
		ap_buf_printf(t->b, "</%s>", open[--nopen]->open);
	}
	ap_esc_xml(t->b, text + at);
}

static void
block_elem(struct tei *t, const char *name, const struct ap_body *bo,
    size_t bi)
{
	indent(t);
	ap_buf_printf(t->b, "<%s>", name);
	inline_text(t, bo, bi);
	ap_buf_printf(t->b, "</%s>\n", name);
	t->any = true;
}

/*
 * Lists.  An item stays open after its text, on an unfinished line
 * (item_line), since a deeper list may follow inside it.
 */
static void
close_item(struct tei *t)
{
	if (t->item_line) {
		ap_buf_puts(t->b, "</item>\n");
		t->item_line = false;
	} else
		close_tag(t, "item");
	t->items--;
}

/* Close the lists deeper than "depth" (0: all). */
static void
close_lists(struct tei *t, unsigned depth)
{
	while (t->lists > depth) {
		if (t->items == t->lists)
			close_item(t);
		close_tag(t, "list");
		t->lists--;
	}
}

static void
open_list(struct tei *t, bool ordered)
{
	if (t->item_line) {
		ap_buf_putc(t->b, '\n');
		t->item_line = false;
		t->depth++;
	}
	indent(t);
	ap_buf_printf(t->b, "<list rend=\"%s\">\n", ordered ? "numbered" :
	    "bulleted");
	t->depth++;
	t->lists++;
}

static void
list_item(struct tei *t, const struct ap_body *bo, size_t bi)
{
	unsigned d = bo->depth == 0 ? 1 : bo->depth;

	if (t->lists > 0 && bo->list != t->list)
		close_lists(t, 0);
	t->list = bo->list;
	close_lists(t, d);
	/* Deeper by more than one level: empty items to hold the lists. */
	while (t->lists < d) {
		if (t->lists > 0 && t->items < t->lists) {
			indent(t);
			ap_buf_puts(t->b, "<item>");
			t->item_line = true;
			t->items++;
		}
		open_list(t, bo->ordered);
	}
	if (t->items == t->lists)
		close_item(t);
	indent(t);
	ap_buf_puts(t->b, "<item>");
	inline_text(t, bo, bi);
	t->item_line = true;
	t->items++;
	t->any = true;
}

static void
cell(struct tei *t, const struct ap_cell *c)
{
	indent(t);
	ap_buf_printf(t->b, "<cell%s>", c->header ? " role=\"label\"" : "");
	ap_esc_xml(t->b, c->text != NULL ? c->text : "");
	ap_buf_puts(t->b, "</cell>\n");
}

/* A row of header cells only is a label row. */
static void
row(struct tei *t, const struct ap_row *r)
{
	size_t i;
	bool label = true;

	for (i = 0; i < r->ncells; i++)
		label = label && r->cells[i].header;
	indent(t);
	ap_buf_printf(t->b, "<row%s>\n", label ? " role=\"label\"" : "");
	t->depth++;
	for (i = 0; i < r->ncells; i++)
		cell(t, &r->cells[i]);
	close_tag(t, "row");
}

static void
table(struct tei *t, const struct ap_body *bo, size_t bi)
{
	const struct ap_table *tb = bo->table;
	size_t i, rows = 0;

	for (i = 0; tb != NULL && i < tb->nrows; i++)
		rows += tb->rows[i].ncells > 0;
	/* TEI has no table without a row or a row without a cell. */
	if (rows == 0) {
		block_elem(t, "p", bo, bi);
		return;
	}
	indent(t);
	ap_buf_printf(t->b, "<table rows=\"%zu\" cols=\"%zu\">\n", rows,
	    tb->ncols);
	t->depth++;
	if (!ap_w_blank(tb->caption))
		leaf(t, "head", NULL, NULL, tb->caption);
	for (i = 0; i < tb->nrows; i++)
		if (tb->rows[i].ncells > 0)
			row(t, &tb->rows[i]);
	close_tag(t, "table");
	t->any = true;
}

/* Caption as head, alt text as figDesc, credit as a note. */
static void
figure(struct tei *t, const struct ap_figure *f)
{
	if (t->item_line) {
		ap_buf_putc(t->b, '\n');
		t->item_line = false;
		t->depth++;
	}
	open_tag(t, "figure");
	if (!ap_w_blank(f->src)) {
		indent(t);
		ap_buf_puts(t->b, "<graphic url=\"");
		ap_esc_xml_url(t->b, f->src);
		ap_buf_puts(t->b, "\"/>\n");
	}
	if (!ap_w_blank(f->caption))
		leaf(t, "head", NULL, NULL, f->caption);
	if (!ap_w_blank(f->alt))
		leaf(t, "figDesc", NULL, NULL, f->alt);
	if (!ap_w_blank(f->credit))
		leaf(t, "note", "type", "credit", f->credit);
	close_tag(t, "figure");
	t->any = true;
}

/* The figures that follow body item "after" (SIZE_MAX: none yet). */
static void
figures_after(struct tei *t, size_t after)
{
	size_t i;

	for (i = 0; i < t->a->nfigures; i++)
		if (t->a->figures[i].after == after)
			figure(t, &t->a->figures[i]);
}

/* <name>text</name> with the quotations of the headline or standfirst. */
static void
inline_leaf(struct tei *t, const char *name, const char *text, size_t bi)
{
	struct ap_body bo;

	memset(&bo, 0, sizeof(bo));
	bo.text = text;
	block_elem(t, name, &bo, bi);
}

static void
front_parts(struct tei *t, const char *byline, bool has_by,
    const char *dateline, bool has_dl)
{
	const struct ap_article *a = t->a;

	open_tag(t, "front");
	if (!ap_w_blank(a->headline)) {
		open_tag(t, "docTitle");
		inline_leaf(t, "titlePart", a->headline, QUOTE_HEADLINE);
		close_tag(t, "docTitle");
	}
	if (has_by)
		leaf(t, "byline", NULL, NULL, byline);
	if (has_dl)
		dated(t, "docDate", NULL, ap_w_blank(a->date) ?
		    a->date_modified : a->date, dateline);
	if (!ap_w_blank(a->standfirst)) {
		open_tag(t, "argument");
		inline_leaf(t, "p", a->standfirst, QUOTE_STANDFIRST);
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
	t->wo = c->wo;
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
	figures_after(t, SIZE_MAX);
	return AP_OK;
}

static int
tei_block(struct ap_wctx *c, const struct ap_body *bo, size_t i)
{
	struct tei *t = c->state;

	if (ap_w_blank(bo->text) && bo->type != AP_BODY_TABLE) {
		figures_after(t, i);
		return AP_OK;
	}
	if (bo->type != AP_BODY_LISTITEM)
		close_lists(t, 0);
	switch (bo->type) {
	case AP_BODY_HEADING:
		if (t->in_div)
			close_tag(t, "div");
		open_tag(t, "div");
		t->in_div = true;
		block_elem(t, "head", bo, i);
		break;
	case AP_BODY_QUOTE:
		block_elem(t, "quote", bo, i);
		break;
	case AP_BODY_LISTITEM:
		list_item(t, bo, i);
		break;
	case AP_BODY_TABLE:
		table(t, bo, i);
		break;
	case AP_BODY_PARAGRAPH:
	default:
		block_elem(t, "p", bo, i);
		break;
	}
	figures_after(t, i);
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
	size_t i;

	close_lists(t, 0);
	/* Figures placed past the body, which should not happen. */
	for (i = 0; i < a->nfigures; i++)
		if (a->figures[i].after >= a->nbody &&
		    a->figures[i].after != SIZE_MAX)
			figure(t, &a->figures[i]);
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
